"""`list`, `show`, `export` and `stats`: reading the roadmap as a database."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from roadmaplint.api import Loaded, load, load_all
from roadmaplint.commands.common import EXIT_OK
from roadmaplint.database.export import shown_item, to_document
from roadmaplint.database.query import (
    COLUMNS,
    Filters,
    check_filters,
    filter_items,
    row,
    sort_key,
    split_filters,
    stats,
)
from roadmaplint.errors import RoadmapError
from roadmaplint.index import did_you_mean
from roadmaplint.model import Item
from roadmaplint.reader.claims import CLAIMED_BY, now_utc, shown_claim
from roadmaplint.reader.dialect import DEPENDS_ON
from roadmaplint.report.json import write_json
from roadmaplint.report.table import table
from roadmaplint.text import shown

HEADERS = ("ID", "TITLE", "STATUS", "PRIORITY", "DRI", "SECTION")
FILE = "file"  # the column queries over several roadmaps add
CLAIM = "claim"  # the column a listing with a claimed item adds


def run_list(
    paths: Sequence[Path] | None,
    filters: Filters,
    sort: str,
    output_format: str,
    config: Path | None,
    out: TextIO,
) -> int:
    loaded = load_all(paths, config)
    known = {item_id for one in loaded for item_id in one.context.items_by_id}
    filters = split_filters([one.roadmap for one in loaded], filters)
    check_filters([one.roadmap for one in loaded], known, filters)
    chosen = [
        (one.roadmap, item)
        for one in loaded
        for item in filter_items(one.roadmap, filters, one.settings)
        if one.holds(item)
    ]
    if sort != "document":
        keys = {id(one.roadmap): sort_key(sort, one.roadmap) for one in loaded}
        chosen.sort(key=lambda pair: keys[id(pair[0])](pair[1]))
    several = len(loaded) > 1
    columns = (FILE, *COLUMNS) if several else COLUMNS
    headers = ("FILE", *HEADERS) if several else HEADERS
    # a task file named is its folder's roadmap, listed as the file
    named = {id(one.roadmap): str(one.named or one.roadmap.path) for one in loaded}
    rows = [({FILE: named[id(roadmap)]} if several else {}) | row(item) for roadmap, item in chosen]
    now = now_utc()
    claims = [shown_claim(item, now) for _, item in chosen]
    if any(claims):  # the column appears only when a listed item is claimed
        columns, headers = (*columns, CLAIM), (*headers, "CLAIM")
        for entry, claim in zip(rows, claims, strict=True):
            entry[CLAIM] = claim or ""
    if output_format == "json":
        write_json(out, rows)
    elif output_format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        out.write(buffer.getvalue())
    elif output_format == "markdown":
        cells = [[shown(value).replace("|", "\\|") for value in entry.values()] for entry in rows]
        out.write("| " + " | ".join(headers) + " |\n")
        out.write("|" + "|".join(" --- " for _ in headers) + "|\n")
        out.writelines("| " + " | ".join(line) + " |\n" for line in cells)
    else:
        out.write(table([headers, *[[entry[column] for column in columns] for entry in rows]]))
    return EXIT_OK


def run_show(
    path: Path | None, item_id: str, output_format: str, config: Path | None, out: TextIO
) -> int:
    loaded = load(path, config)
    items = loaded.context.items_by_id
    if item_id not in items:
        from roadmaplint.edit.base import typed_id  # only for an ID no item has as typed

        item_id = typed_id(item_id)
    if item_id not in items:
        raise RoadmapError(
            f"{loaded.roadmap.path}: no item {item_id}{did_you_mean(item_id, items)}"
        )
    item = items[item_id]
    graph = loaded.context.graph
    dependents = graph.dependents(item_id)
    if output_format == "json":
        write_json(out, shown_item(item, loaded.roadmap.path, dependents, loaded.place))
        return EXIT_OK

    notes = dict(item.dependency_notes)

    def status_of(other: str, note: str | None = None) -> str:
        found = items.get(other)
        said = (found.status or "no status") if found else "unknown item"
        if note and note[0] == "(" and note[-1] == ")" and "(" not in note[1:-1]:
            note = note[1:-1]  # ``A-1 (partly)``: A-1 (done; partly), not (done; (partly))
        return f"{other} ({said}; {note})" if note else f"{other} ({said})"

    lines = [shown(f"{item.id}  {item.title}"), ""]
    rows = [
        ["Section:", item.section or ""],
        ["Source:", loaded.where(item.position.line)],
    ]
    for found in item.fields:
        if found.key == DEPENDS_ON:  # Depends on, or a task file's dependencies
            parts = [status_of(other, notes.get(other)) for other in item.depends_on]
            parts += [_external(loaded, item, name) for name in item.external_deps]
            rows.append([f"{found.name}:", ", ".join(parts)])
        elif found.key == CLAIMED_BY:
            rows.append([f"{found.name}:", shown_claim(item, now_utc()) or ""])
        elif found.key != "definition of done":
            rows.append([f"{found.name}:", found.value])
    if item.depends_on and item.field(DEPENDS_ON) is None:
        # its dependencies written on the others (``Blocks: A-2`` on A-1)
        rows.append(["Depends on:", ", ".join(status_of(other) for other in item.depends_on)])
    rows.append(
        ["Depended on by:", ", ".join(status_of(other) for other in dependents) or "nothing"]
    )
    lines.append(table(rows).rstrip("\n"))
    if item.definition_of_done:
        lines += ["", "Definition of Done:"]
        marks = {True: "[x] ", False: "[ ] ", None: ""}
        lines += [f"  - {marks[done.checked]}{done.text}" for done in item.definition_of_done]
    out.write("\n".join(lines) + "\n")
    return EXIT_OK


def _external(loaded: Loaded, item: Item, name: str) -> str:
    """An external dependency as show prints it: another roadmap's item with its status."""
    from roadmaplint.database.plan import external_dependency

    outside = external_dependency(loaded.context, item, name)
    if outside.roadmap is None:
        return name
    if outside.found is None:
        return f"{name} ({outside.problem})"
    return f"{name} ({outside.found.status or 'no status'})"


def run_export(paths: Sequence[Path] | None, config: Path | None, out: TextIO) -> int:
    """One roadmap's document; several roadmaps give a JSON array of their documents."""
    documents = []
    for loaded in load_all(paths, config):
        graph = loaded.context.graph
        dependents = {item_id: graph.dependents(item_id) for item_id in loaded.context.items_by_id}
        documents.append(to_document(loaded.roadmap, dependents, loaded.place))
    write_json(out, documents[0] if len(documents) == 1 else documents)
    return EXIT_OK


def _added(total: dict[str, int], counts: dict[str, int]) -> None:
    for key, count in counts.items():
        total[key] = total.get(key, 0) + count


def run_stats(
    paths: Sequence[Path] | None, output_format: str, config: Path | None, out: TextIO
) -> int:
    loaded = load_all(paths, config)
    several = len(loaded) > 1
    total = 0
    by_status: dict[str, int] = {}
    by_priority: dict[str, int] = {}
    sections: list[tuple[str, str, int, int]] = []  # (file, section, done, all)
    for one in loaded:
        counted = stats(one.roadmap, one.settings.statuses.is_done)
        total += counted.total
        _added(by_status, counted.by_status)
        _added(by_priority, counted.by_priority)
        sections += [(one.roadmap.path, *entry) for entry in counted.sections]
    if output_format == "json":
        document: dict[str, object] = {
            "items": total,
            "by_status": by_status,
            "by_priority": by_priority,
            "sections": [
                ({FILE: path} if several else {}) | {"section": name, "done": done, "items": count}
                for path, name, done, count in sections
            ],
        }
        if several:
            document = {"files": [one.roadmap.path for one in loaded]} | document
        write_json(out, document)
        return EXIT_OK
    where = ", ".join(one.roadmap.path for one in loaded)
    lines = [f"{total} items in {where}", ""]
    lines.append(table([["STATUS", "ITEMS"], *[[k, str(v)] for k, v in by_status.items()]]))
    lines.append(table([["PRIORITY", "ITEMS"], *[[k, str(v)] for k, v in by_priority.items()]]))
    progress = [
        ["FILE", "SECTION", "DONE", "PROGRESS"] if several else ["SECTION", "DONE", "PROGRESS"]
    ]
    for path, name, done, count in sections:
        share = f"{percent(done, count)}%" if count else "-"
        progress.append([*([path] if several else []), name, f"{done}/{count}", share])
    lines.append(table(progress))
    out.write("\n".join(lines))
    return EXIT_OK


def percent(part: int, whole: int) -> int:
    """``part`` of ``whole`` in percent, rounded half up; never 0 while some part is
    done nor 100 while some is left (2 of 3 is 67, 199 of 200 is 99)."""
    share = (200 * part + whole) // (2 * whole)
    if 0 < part < whole:
        return min(max(share, 1), 99)
    return share
