"""The semantic diff as people read it: text for a terminal, JSON, markdown for a pull request.

The JSON shape is described by ``schemas/diff.schema.json`` (shipped in the package).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from itertools import groupby

from roadmaplint.history.diff import FORMAT_VERSION, DoneChange, FileDiff, RoadmapDiff
from roadmaplint.record import record
from roadmaplint.report.table import markdown_cell
from roadmaplint.text import shown

_RESET = "\033[0m"
_RED = "\033[31m"
_GREEN = "\033[32m"
_YELLOW = "\033[33m"
_BOLD = "\033[1m"


def counts(diff: RoadmapDiff) -> str:
    """``2 removed, 4 renamed, 12 changed`` (only what is not zero)."""
    parts = [
        (len(diff.added), "added"),
        (len(diff.removed), "removed"),
        (len(diff.renamed), "renamed"),
        (len(diff.changed), "changed"),
    ]
    said = [f"{count} {what}" for count, what in parts if count]
    if diff.legends:
        said.append(f"{len(diff.legends)} legend {_noun(len(diff.legends), 'entry', 'entries')}")
    if diff.sections:
        said.append(f"{len(diff.sections)} {_noun(len(diff.sections), 'section', 'sections')}")
    return ", ".join(said) if said else "no changes"


def _noun(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


@record
class Row:
    """One thing that changed, as every format lists it; each format only spells it."""

    kind: str  # added, removed, renamed, changed (an item), legend, section
    id: str  # the item's ID (its new one when renamed); "" for legends and sections
    field: str  # a field's name, DONE_ROW, a legend's name, or "" (a whole item or section)
    old: str | None  # the value before (an item's title when removed, an old ID or name)
    new: str | None
    change: str = ""  # of a legend entry or a section: added, removed, renamed
    done: tuple[DoneChange, ...] = ()  # the Definition of Done row's entries


DONE_ROW = "Definition of Done"


def rows(diff: RoadmapDiff) -> Iterator[Row]:
    """Everything that changed, in the order the formats list it."""
    for ref in diff.added:
        yield Row("added", ref.id, "", None, ref.title)
    for ref in diff.removed:
        yield Row("removed", ref.id, "", ref.title, None)
    for rename in diff.renamed:
        yield Row("renamed", rename.new, "", rename.old, rename.new)
    for change in diff.changed:
        for found in change.fields:
            yield Row("changed", change.id, found.field, found.old, found.new)
        if change.done:
            yield Row("changed", change.id, DONE_ROW, None, None, done=change.done)
    for legend in diff.legends:
        added = legend.change == "added"
        yield Row(
            "legend",
            "",
            legend.legend,
            None if added else legend.value,
            legend.value if added else None,
            legend.change,
        )
    for section in diff.sections:
        old = {"added": None, "removed": section.name}.get(section.change, section.old_name)
        new = None if section.change == "removed" else section.name
        yield Row("section", "", "", old, new, section.change)


def _field_text(row: Row) -> str:
    if row.field == DONE_ROW:
        return _done_summary(row.done)
    if row.old is None:
        return f"{row.field} added: {row.new}"
    if row.new is None:
        return f"{row.field} removed (was {row.old})"
    return f"{row.field}: {row.old} → {row.new}"


def _done_summary(done: Sequence[DoneChange]) -> str:
    kinds = ("added", "removed", "ticked", "unticked")
    said = [
        f"{sum(1 for entry in done if entry.change == kind)} {kind}"
        for kind in kinds
        if any(entry.change == kind for entry in done)
    ]
    return "Definition of Done: " + ", ".join(said)


_PAINT = {"added": _GREEN, "removed": _RED, "renamed": _YELLOW, "changed": _YELLOW}


def render_text(files: Sequence[FileDiff], colour: bool = False) -> str:
    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    lines: list[str] = []
    for entry in files:
        where = "" if entry.path == entry.head else f"{entry.path}: "
        lines.append(paint(_BOLD, shown(f"{where}{entry.base} → {entry.head}")))
        found = list(rows(entry.diff))
        width = max((len(row.id) for row in found if row.kind in _ITEM_ROWS), default=0)
        for (kind, item_id), group in groupby(found, key=lambda row: (row.kind, row.id)):
            said = list(group)
            if kind not in _PAINT:
                lines += [shown(_other_text(row)) for row in said]
                continue
            label = paint(_PAINT[kind], f"{kind:<7}")
            if kind == "changed":  # one line per item, its fields joined
                text = shown("; ".join(_field_text(row) for row in said))
                lines.append(f"  {label}  {item_id.ljust(width)}  {text}")
                continue
            for row in said:
                if kind == "renamed":
                    lines.append(f"  {label}  {shown(f'{row.old} → {row.new}')}")
                else:
                    title = row.new if kind == "added" else row.old
                    lines.append(f"  {label}  {item_id.ljust(width)}  {shown(title or '')}")
        lines.append(f"  {counts(entry.diff)}.")
    return "".join(line + "\n" for line in lines)


_ITEM_ROWS = ("added", "removed", "changed")


def _other_text(row: Row) -> str:
    """A legend entry's or a section's line."""
    if row.kind == "legend":
        value = row.new if row.change == "added" else row.old
        return f"  {row.change:<7}  {row.field}: {value}"
    name = row.old if row.change == "removed" else row.new
    was = f" (was {row.old})" if row.change == "renamed" and row.old else ""
    return f"  {row.change:<7}  section {name}{was}"


def document(files: Sequence[FileDiff]) -> dict[str, object]:
    return {
        "format": FORMAT_VERSION,
        "files": [
            {"path": entry.path, "base": entry.base, "head": entry.head, **entry.diff.as_dict()}
            for entry in files
        ],
    }


def render_json(files: Sequence[FileDiff]) -> str:
    return json.dumps(document(files), indent=2, ensure_ascii=False) + "\n"


def _cell(text: str | None) -> str:
    if not text:
        return ""
    return markdown_cell(text)


def _done_cells(done: Sequence[DoneChange]) -> tuple[str, str]:
    before = [f"~~{_cell(entry.text)}~~" for entry in done if entry.change == "removed"]
    after = [
        f"{'+' if entry.change == 'added' else entry.change + ':'} {_cell(entry.text)}"
        for entry in done
        if entry.change != "removed"
    ]
    return "<br>".join(before), "<br>".join(after)


def render_markdown(files: Sequence[FileDiff]) -> str:
    """A heading and a table per roadmap, for a pull-request comment or a job summary."""
    lines: list[str] = []
    for entry in files:
        diff = entry.diff
        lines += [
            f"### Roadmap changes: `{_cell(entry.path)}` ({_cell(entry.base)} → "
            f"{_cell(entry.head)})",
            "",
            f"{counts(diff).capitalize()}.",
            "",
        ]
        if diff.empty:
            continue
        lines += ["| Item | Change | Before | After |", "| --- | --- | --- | --- |"]
        lines += [_table_row(row) for row in rows(diff)]
        lines.append("")
    return "\n".join(lines) + "\n"


def _table_row(row: Row) -> str:
    if row.kind == "added":
        return f"| {row.id} | added | | {_cell(row.new)} |"
    if row.kind == "removed":
        return f"| {row.id} | removed | {_cell(row.old)} | |"
    if row.kind == "renamed":
        return f"| {row.id} | renamed | {row.old} | {row.new} |"
    if row.kind == "changed" and row.field == DONE_ROW:
        before, after = _done_cells(row.done)
        return f"| {row.id} | {DONE_ROW} | {before} | {after} |"
    if row.kind == "changed":
        return f"| {row.id} | {_cell(row.field)} | {_cell(row.old)} | {_cell(row.new)} |"
    if row.kind == "legend":
        return f"| | {row.field} | {row.old or ''} | {row.new or ''} |"
    return f"| | section {row.change} | {_cell(row.old)} | {_cell(row.new)} |"
