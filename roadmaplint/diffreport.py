"""The semantic diff as people read it: text for a terminal, JSON, markdown for a pull request.

The JSON shape is described by ``schemas/diff.schema.json`` (shipped in the package).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from roadmaplint.diff import FORMAT_VERSION, DoneChange, FieldChange, ItemChange, RoadmapDiff

_RESET = "\033[0m"
_RED = "\033[31m"
_GREEN = "\033[32m"
_YELLOW = "\033[33m"
_BOLD = "\033[1m"


@dataclass(frozen=True, slots=True)
class FileDiff:
    """One roadmap compared between two versions (a revision, the work tree or a file)."""

    path: str
    base: str  # what the older version is: a revision, "working tree" or a file
    head: str
    diff: RoadmapDiff


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


def _field_text(change: FieldChange) -> str:
    if change.old is None:
        return f"{change.field} added: {change.new}"
    if change.new is None:
        return f"{change.field} removed (was {change.old})"
    return f"{change.field}: {change.old} → {change.new}"


def _done_summary(done: Sequence[DoneChange]) -> str:
    kinds = ("added", "removed", "ticked", "unticked")
    said = [
        f"{sum(1 for entry in done if entry.change == kind)} {kind}"
        for kind in kinds
        if any(entry.change == kind for entry in done)
    ]
    return "Definition of Done: " + ", ".join(said)


def _change_text(change: ItemChange) -> str:
    parts = [_field_text(field) for field in change.fields]
    if change.done:
        parts.append(_done_summary(change.done))
    return "; ".join(parts)


def render_text(files: Sequence[FileDiff], colour: bool = False) -> str:
    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    lines: list[str] = []
    for entry in files:
        diff = entry.diff
        where = "" if entry.path == entry.head else f"{entry.path}: "
        lines.append(paint(_BOLD, f"{where}{entry.base} → {entry.head}"))
        width = max(
            (
                len(item_id)
                for item_id in (
                    *(ref.id for ref in (*diff.added, *diff.removed)),
                    *(change.id for change in diff.changed),
                )
            ),
            default=0,
        )
        for ref in diff.added:
            lines.append(f"  {paint(_GREEN, 'added  ')}  {ref.id.ljust(width)}  {ref.title}")
        for ref in diff.removed:
            lines.append(f"  {paint(_RED, 'removed')}  {ref.id.ljust(width)}  {ref.title}")
        for rename in diff.renamed:
            lines.append(f"  {paint(_YELLOW, 'renamed')}  {rename.old} → {rename.new}")
        for change in diff.changed:
            lines.append(
                f"  {paint(_YELLOW, 'changed')}  {change.id.ljust(width)}  {_change_text(change)}"
            )
        for legend in diff.legends:
            lines.append(f"  {legend.change:<7}  {legend.legend}: {legend.value}")
        for section in diff.sections:
            was = f" (was {section.old_name})" if section.old_name else ""
            lines.append(f"  {section.change:<7}  section {section.name}{was}")
        lines.append(f"  {counts(diff)}.")
    return "".join(line + "\n" for line in lines)


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
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


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
        for ref in diff.added:
            lines.append(f"| {ref.id} | added | | {_cell(ref.title)} |")
        for ref in diff.removed:
            lines.append(f"| {ref.id} | removed | {_cell(ref.title)} | |")
        for rename in diff.renamed:
            lines.append(f"| {rename.new} | renamed | {rename.old} | {rename.new} |")
        for change in diff.changed:
            for field in change.fields:
                lines.append(
                    f"| {change.id} | {_cell(field.field)} | {_cell(field.old)} | "
                    f"{_cell(field.new)} |"
                )
            if change.done:
                before, after = _done_cells(change.done)
                lines.append(f"| {change.id} | Definition of Done | {before} | {after} |")
        for legend in diff.legends:
            cells = ("", legend.value) if legend.change == "added" else (legend.value, "")
            lines.append(f"| | {legend.legend} | {cells[0]} | {cells[1]} |")
        for section in diff.sections:
            cells = {
                "added": ("", section.name),
                "removed": (section.name, ""),
                "renamed": (section.old_name or "", section.name),
            }[section.change]
            lines.append(f"| | section {section.change} | {_cell(cells[0])} | {_cell(cells[1])} |")
        lines.append("")
    return "\n".join(lines) + "\n"
