"""Writing a planning phase's status where the document keeps it: the phase checklist.

A GSD-style roadmap lists its phases once as a checklist (``- [x] **Phase 1: Name**``)
and reads a phase without a Status field as its box says (``reader/phases.py``).
``set --status done`` on such a phase ticks its box and ``--status pending`` unticks
it, so the checklist stays the one place the status is written; any other status,
or a phase with a Status field, is written as a heading item's field (``edit/item.py``).
"""

from __future__ import annotations

from roadmaplint.edit.base import ItemEdit, items_changed
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item, Roadmap
from roadmaplint.reader.dialect import PHASE_ID, normalize_key
from roadmaplint.reader.phases import _CHECKLIST, DONE, OPEN
from roadmaplint.record import replace
from roadmaplint.settings import Settings
from roadmaplint.text import split_lines
from roadmaplint.write.proof import prove_edit

_MARKS = {DONE: "x", OPEN: " "}


def checklist_box(lines: list[str], phase: str) -> int | None:
    """The 0-based line of the checklist box the reader reads ``phase``'s status from."""
    for at, line in enumerate(lines):
        if "Phase" not in line:
            continue
        match = _CHECKLIST.match(line)
        if match is not None and " ".join(match[2].split()) == phase:
            return at
    return None


def edit_phase_box(roadmap: Roadmap, item: Item, edit: ItemEdit, settings: Settings) -> str | None:
    """The text with the phase's checklist box ticked or unticked; None when the edit is
    not a status the box writes (``done`` or ``pending``) of a phase the box gives one."""
    if not PHASE_ID.fullmatch(item.id) or item.field("status") is not None:
        return None
    if edit.add_deps or edit.remove_deps or edit.title is not None or edit.tick or edit.untick:
        return None
    if len(edit.fields) != 1 or normalize_key(edit.fields[0].name) != "status":
        return None
    value = edit.fields[0].value.strip()
    lines = split_lines(roadmap.source)
    at = checklist_box(lines, item.id)
    if value not in _MARKS or at is None:
        return None
    match = _CHECKLIST.match(lines[at])
    assert match is not None
    lines[at] = lines[at][: match.start(1)] + _MARKS[value] + lines[at][match.end(1) :]
    new_text = "".join(lines)
    if new_text == roadmap.source:
        return new_text
    block = next(b.line for b in roadmap.blocks if b.line <= at + 1 <= b.end_line)
    targets = replace(items_changed({item.id}), blocks=frozenset({block}))
    after = prove_edit(roadmap, new_text, targets, settings)
    edited = next(found for found in after.items if found.id == item.id)
    if edited.status != value:
        raise RoadmapError(
            f"{roadmap.path}:{at + 1}: {item.id} would read back as {edited.status!r}, not "
            f"{value!r}; nothing written: edit the checklist by hand"
        )
    return new_text
