"""`list`, `show`, `export` and `stats`: reading the roadmap as a database."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TextIO

from roadmaplint.commands.common import EXIT_OK, load, table, write_json
from roadmaplint.errors import RoadmapError
from roadmaplint.export import item_document, to_document
from roadmaplint.query import COLUMNS, Filters, row, select_items, sort_items, stats
from roadmaplint.rules.base import did_you_mean

HEADERS = ("ID", "TITLE", "STATUS", "PRIORITY", "DRI", "SECTION")


def run_list(
    path: Path | None,
    filters: Filters,
    sort: str,
    output_format: str,
    config: Path | None,
    out: TextIO,
) -> int:
    loaded = load(path, config)
    chosen = select_items(loaded.roadmap, loaded.context.items_by_id, filters)
    rows = [row(item) for item in sort_items(chosen, sort, loaded.roadmap)]
    if output_format == "json":
        write_json(out, rows)
    elif output_format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        out.write(buffer.getvalue())
    elif output_format == "markdown":
        cells = [[value.replace("|", "\\|") for value in entry.values()] for entry in rows]
        out.write("| " + " | ".join(HEADERS) + " |\n")
        out.write("|" + "|".join(" --- " for _ in HEADERS) + "|\n")
        out.writelines("| " + " | ".join(line) + " |\n" for line in cells)
    else:
        out.write(table([HEADERS, *[[entry[column] for column in COLUMNS] for entry in rows]]))
    return EXIT_OK


def run_show(
    path: Path | None, item_id: str, output_format: str, config: Path | None, out: TextIO
) -> int:
    loaded = load(path, config)
    items = loaded.context.items_by_id
    if item_id not in items:
        raise RoadmapError(
            f"{loaded.roadmap.path}: no item {item_id}{did_you_mean(item_id, items)}"
        )
    item = items[item_id]
    graph = loaded.context.graph
    dependents = graph.dependents(item_id)
    if output_format == "json":
        document = item_document(item)
        document["depended_on_by"] = dependents
        document["path"] = loaded.roadmap.path
        write_json(out, document)
        return EXIT_OK

    def status_of(other: str) -> str:
        found = items.get(other)
        return f"{other} ({found.status or 'no status'})" if found else f"{other} (unknown item)"

    lines = [f"{item.id}  {item.title}", ""]
    rows = [
        ["Section:", item.section or ""],
        ["Source:", f"{loaded.roadmap.path}:{item.position.line}"],
    ]
    for found in item.fields:
        if found.key == "depends on":
            parts = [status_of(other) for other in item.depends_on] + list(item.external_deps)
            rows.append([f"{found.name}:", ", ".join(parts)])
        elif found.key != "definition of done":
            rows.append([f"{found.name}:", found.value])
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


def run_export(path: Path | None, config: Path | None, out: TextIO) -> int:
    loaded = load(path, config)
    graph = loaded.context.graph
    dependents = {item_id: graph.dependents(item_id) for item_id in loaded.context.items_by_id}
    write_json(out, to_document(loaded.roadmap, dependents))
    return EXIT_OK


def run_stats(path: Path | None, output_format: str, config: Path | None, out: TextIO) -> int:
    loaded = load(path, config)
    counted = stats(loaded.roadmap, loaded.settings.statuses.is_done)
    if output_format == "json":
        write_json(
            out,
            {
                "items": counted.total,
                "by_status": counted.by_status,
                "by_priority": counted.by_priority,
                "sections": [
                    {"section": name, "done": done, "items": total}
                    for name, done, total in counted.sections
                ],
            },
        )
        return EXIT_OK
    lines = [f"{counted.total} items in {loaded.roadmap.path}", ""]
    lines.append(table([["STATUS", "ITEMS"], *[[k, str(v)] for k, v in counted.by_status.items()]]))
    lines.append(
        table([["PRIORITY", "ITEMS"], *[[k, str(v)] for k, v in counted.by_priority.items()]])
    )
    progress = [["SECTION", "DONE", "PROGRESS"]]
    for name, done, total in counted.sections:
        share = f"{done * 100 // total}%" if total else "-"
        progress.append([name, f"{done}/{total}", share])
    lines.append(table(progress))
    out.write("\n".join(lines))
    return EXIT_OK
