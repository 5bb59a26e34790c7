"""Writing a planning phase's status where the document keeps it: the phase checklist;
and a new phase, with its entry in the checklist.

A GSD-style roadmap lists its phases once as a checklist (``- [x] **Phase 1: Name**``)
and reads a phase without a Status field as its box says (``reader/phases.py``).
``set --status done`` on such a phase ticks its box and ``--status pending`` unticks
it, so the checklist stays the one place the status is written (a status snapshot's
``- [ ] Phase 1 complete`` box too); any other status,
or a phase with a Status field, is written as a heading item's field (``edit/item.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from roadmaplint.edit.base import FieldChange, ItemEdit, items_changed
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item, Roadmap
from roadmaplint.reader.dialect import DEPENDS_ON, PHASE_ID, normalize_key
from roadmaplint.reader.phases import _CHECKLIST, DONE, OPEN, SNAPSHOT, outside_fences
from roadmaplint.record import replace
from roadmaplint.settings import Settings
from roadmaplint.text import Edit, line_starts, split_lines
from roadmaplint.write.proof import prove_edit

_MARKS = {DONE: "x", OPEN: " "}


def checklist_box(lines: list[str], phase: str, snapshots: bool = False) -> int | None:
    """The 0-based line of the checklist box the reader reads ``phase``'s status from;
    ``snapshots``: a status snapshot's box too (``- [x] Phase 0 complete``)."""
    for at, line in outside_fences(lines):
        if "Phase" not in line:
            continue
        match = _box(line, snapshots)
        if match is not None and " ".join(match[2].split()) == phase:
            return at
    return None


def _box(line: str, snapshots: bool) -> re.Match[str] | None:
    match = _CHECKLIST.match(line)
    return match if match is not None or not snapshots else SNAPSHOT.match(line)


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
    at = checklist_box(lines, item.id, snapshots=True)
    if value not in _MARKS or at is None:
        return None
    match = _box(lines[at], snapshots=True)
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


def is_phased(roadmap: Roadmap, section: str) -> bool:
    """Whether ``section``'s items are phases whose status a phase checklist gives: a new
    item there is a phase, with its own box in the checklist."""
    members = [item for item in roadmap.items if item.section == section]
    return (
        bool(members)
        and all(PHASE_ID.fullmatch(item.id) for item in members)
        and any(checklist_box(split_lines(roadmap.source), item.id) is not None for item in members)
    )


def phase_fields(
    roadmap: Roadmap, section: str, given: Sequence[FieldChange]
) -> tuple[list[FieldChange], str]:
    """The fields a new phase writes, and the mark of its checklist box.

    A phase writes no DRI, Status or Priority by default, as the other phases do not:
    its box gives the status (``[x]`` for ``--status done``, else ``[ ]``). Where every
    phase after the first depends on the one before it, the new one depends on the last."""
    fields = list(given)
    status = next((c for c in fields if normalize_key(c.name) == "status"), None)
    mark = " "
    if status is not None and status.value.strip() in _MARKS:
        fields.remove(status)
        mark = _MARKS[status.value.strip()]
    if not any(normalize_key(change.name) == DEPENDS_ON for change in fields):
        phases = [item for item in roadmap.items if PHASE_ID.fullmatch(item.id)]
        chained = all(list(later.depends_on) == [earlier.id] for earlier, later in pairwise(phases))
        members = [item for item in phases if item.section == section]
        if len(phases) > 1 and chained and members and members[-1] is phases[-1]:
            fields.insert(0, FieldChange("Depends on", phases[-1].id))
    return fields, mark


def checklist_entry(roadmap: Roadmap, item_id: str, title: str, mark: str) -> Edit:
    """The new phase's checklist entry, after the last one and written like it."""
    lines = split_lines(roadmap.source)
    last = max(at for at, line in enumerate(lines) if "Phase" in line and _CHECKLIST.match(line))
    match = _CHECKLIST.match(lines[last])
    assert match is not None
    line = lines[last]
    ending = line[len(line.rstrip("\r\n")) :]
    entry = f"{line[: match.start(1)]}{mark}] **{item_id}: {title.strip()}**"
    starts = line_starts(roadmap.source)
    # The last entry's line is rewritten with the new one after it: the edit then covers
    # the block the reader cuts for that entry (a list may be one block per entry).
    written = line + (entry + ending if ending else roadmap.style.newline + entry)
    return Edit(starts[last], starts[last + 1], written)


def checklist_block(roadmap: Roadmap) -> int:
    """The first line of the block that holds the phase checklist's last entry."""
    lines = split_lines(roadmap.source)
    last = max(at for at, line in enumerate(lines) if "Phase" in line and _CHECKLIST.match(line))
    return next(b.line for b in roadmap.blocks if b.line <= last + 1 <= b.end_line)


def checklist_rename(roadmap: Roadmap, old: str, new: str) -> Edit | None:
    """The edit that renames phase ``old`` in its checklist entry; None when it has none.
    The checklist names phases only: a phase whose box gives its status stays a phase."""
    lines = split_lines(roadmap.source)
    at = checklist_box(lines, old)
    if at is None:
        return None
    if not PHASE_ID.fullmatch(new):
        raise RoadmapError(
            f"{roadmap.path}:{at + 1}: {old}'s status is its checklist box, which names a "
            f"phase as Phase N; rename it to another Phase N, not {new!r}"
        )
    match = _CHECKLIST.match(lines[at])
    assert match is not None
    start = line_starts(roadmap.source)[at]
    return Edit(start + match.start(2), start + match.end(2), new)
