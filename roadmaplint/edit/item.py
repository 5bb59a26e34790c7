"""Changing one item in place: its fields, its dependencies, its title, its Definition of Done.

Each edit is a pure text -> text step that touches only the item's lines and
writes them the way the document already writes them (see ``linestyle``); the
caller then regenerates derived sections with ``fix_text`` and writes through
the one safe write path.

This module dispatches an edit to the writer of its item's shape and writes a heading
item's edit, proving it kept the rest; the plan of line changes, the title, the heading's
status, the dependencies and the field lines are written in the modules beside it, each
importing only those below it (``docs/architecture.md`` names them). The names other
modules import from here are re-exported.
"""

from __future__ import annotations

from collections.abc import Sequence

from roadmaplint.edit.base import (
    FieldChange,
    ItemEdit,
    choose_criterion,
    find_item,
    items_changed,
    located,
    read_back,
    refuse_front_matter_item,
    renamed_by_title,
    validate_changes,
)
from roadmaplint.edit.item_dependencies import dependency_entries as dependency_entries
from roadmaplint.edit.item_dependencies import entry_spans as entry_spans
from roadmaplint.edit.item_fields import (
    _count_on,
    _insert_field,
    _rewrite_field,
    _with_dependency_edits,
)
from roadmaplint.edit.item_fields import clear_of_suppressions as clear_of_suppressions
from roadmaplint.edit.item_fields import paragraph_break as paragraph_break
from roadmaplint.edit.item_heading import (
    _after_check,
    _check_follows_field,
    _heading_beside_field,
    _renote_priority,
    _restatus_heading,
    _series_mark,
)
from roadmaplint.edit.item_plan import _apply, _Plan
from roadmaplint.edit.item_title import _retitle
from roadmaplint.edit.item_title import heading_id as heading_id
from roadmaplint.edit.item_title import heading_start as heading_start
from roadmaplint.edit.item_title import heading_title as heading_title
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item, Roadmap
from roadmaplint.reader import DEPENDS_ON, normalize_key
from roadmaplint.reader.dialect import Dialect
from roadmaplint.reader.linestyle import box_offset, criterion_prefix
from roadmaplint.settings import Settings
from roadmaplint.text import split_lines
from roadmaplint.write.proof import prove_edit, prove_kept


def set_fields(
    roadmap: Roadmap, item_id: str, changes: Sequence[FieldChange], settings: Settings
) -> str:
    """The roadmap's text with the item's fields set; other items read back unchanged."""
    return edit_item(roadmap, item_id, ItemEdit(fields=tuple(changes)), settings)


def edit_item(roadmap: Roadmap, item_id: str, edit: ItemEdit, settings: Settings) -> str:
    """The roadmap's text with one item edited; other items read back unchanged, and every
    value written reads back as given (else a one-line refusal)."""
    item = find_item(roadmap, item_id, settings)
    try:
        refuse_front_matter_item(roadmap, item)
        new_text = _edit_found(roadmap, item, edit, settings)
        asked, unjudged = _asked(edit, Dialect.from_settings(settings))
        if "status" in asked and _named_by_status(item):
            asked |= {"depends_on"}  # ``Blocked by T-1``: the status names the dependency
        prove_kept(roadmap, new_text, item.id, item.id, asked, settings, unjudged)
        return new_text
    except RoadmapError as error:
        raise located(error, roadmap.path, item.position.line) from None


# The properties a field of each name may change (a status may move its item to another
# board column, ``section``, or tick its boxes, ``done``); any other field's name says
# nothing the gate can hold the edit to.
_ASKED_BY_FIELD = {
    "status": frozenset(("status", "section", "done")),
    "priority": frozenset(("priority",)),
    "dri": frozenset(("dri",)),
    "owner": frozenset(("dri",)),
    "assignee": frozenset(("dri",)),
    DEPENDS_ON: frozenset(("depends_on",)),
    "title": frozenset(("title",)),
}


def _named_by_status(item: Item) -> bool:
    """Whether the item's status names one of its dependencies (``Blocked by T-1``), so
    that a new status may drop it."""
    status = item.status or ""
    return any(dependency in status for dependency in item.depends_on)


def _asked(edit: ItemEdit, dialect: Dialect) -> tuple[frozenset[str], frozenset[str] | None]:
    """The properties of its item ``edit`` was asked to change; and, where a field it sets
    has a name the gate cannot judge (``--field Area=...``), the keys of every field it
    sets (the gate then holds the item's other fields to their values), else None."""
    asked: set[str] = set()
    keys = {dialect.key(change.name) for change in edit.fields}
    for key in keys:
        asked |= _ASKED_BY_FIELD.get(key, frozenset())
    if edit.title is not None:
        asked.add("title")
    if edit.add_deps or edit.remove_deps:
        asked.add("depends_on")
    if edit.tick or edit.untick:
        asked |= {"done", "status"}
    unjudged = any(key not in _ASKED_BY_FIELD for key in keys)
    return frozenset(asked), frozenset(keys) if unjudged else None


def _edit_found(roadmap: Roadmap, item: Item, edit: ItemEdit, settings: Settings) -> str:
    item_id = item.id
    if item.restated:  # a later row or bullet names it again: edited there too
        from roadmaplint.edit.restated import edit_restated

        restated = edit_restated(roadmap, item, edit, settings, _edit_found)
        if restated is not None:
            return restated
    from roadmaplint.edit.shapes import edit_shaped

    shaped = edit_shaped(roadmap, item, edit, settings)
    if shaped is not None:
        return shaped
    from roadmaplint.edit.marked import marked_status

    marked = marked_status(roadmap, item, edit, settings)
    if marked is not None:
        return marked
    from roadmaplint.edit.phases import edit_phase_box

    boxed = edit_phase_box(roadmap, item, edit, settings)
    if boxed is not None:
        return boxed
    from roadmaplint.edit.phase_tasks import edit_phase_task

    tasked = edit_phase_task(roadmap, item, edit, settings)
    if tasked is not None:
        return tasked
    from roadmaplint.edit.moves import moved_to_status

    moved = moved_to_status(roadmap, item, edit, settings, _edit_found)
    if moved is not None:
        return moved
    from roadmaplint.edit.bullets import bullet_status

    bulleted = bullet_status(roadmap, item, edit, settings, _edit_found)
    if bulleted is not None:
        return bulleted
    from roadmaplint.edit.checkbox import edit_bullet

    inline = edit_bullet(roadmap, item, edit, settings)
    if inline is not None:
        return inline
    lines = split_lines(roadmap.source)
    changes = _with_dependency_edits(roadmap, item, edit, lines)
    validate_changes(roadmap, item, changes, settings)
    plan = _Plan()
    inserted: list[tuple[int, str]] = []
    in_heading: dict[str, str] = {}  # a status written in the heading: what it reads back as
    for change in _rightmost_first(item, changes):
        key = normalize_key(change.name)
        found = item.field(key)
        if found is not None:
            _rewrite_field(plan, lines, roadmap, item, found, change)
            if key == "status":
                _heading_beside_field(plan, lines, item, found, change.value.strip())
                _check_follows_field(plan, lines, roadmap, item, change.value)
            continue
        if key == "status" and change.value.strip():
            written = _restatus_heading(plan, lines, roadmap, item, change.value.strip())
            if written is None:
                written = _series_mark(plan, lines, roadmap, item, change.value.strip())
            if written is not None:
                in_heading[change.name] = written
                continue
        if key == "priority" and change.value.strip():
            noted = _renote_priority(plan, lines, roadmap, item, change.value.strip())
            if noted is not None:
                in_heading[change.name] = noted
                continue
        if key == "priority" and _priority_in_heading(lines, item):
            # ``## B2. [優先度低] Title``: a field under it would overrule the tag unseen
            raise RoadmapError(
                f"{roadmap.path}:{item.position.line}: {item_id}'s priority is written in its "
                f"heading ({item.priority}); nothing written: edit it by hand"
            )
        if change.value.strip():
            inserted.append(_insert_field(plan, lines, roadmap, item, change))
            if key == "status":
                _check_follows_field(plan, lines, roadmap, item, change.value)
    _count_on(plan, lines, item, inserted)
    if edit.title is not None:
        _retitle(plan, lines, roadmap, item, edit.title)
    for entry in edit.tick:
        _tick(plan, lines, roadmap.path, item, entry, "x")
    for entry in edit.untick:
        _tick(plan, lines, roadmap.path, item, entry, " ")
    new_text = _apply(lines, plan, roadmap.style.newline)
    if new_text != roadmap.source:
        renamed = renamed_by_title(roadmap, item, new_text, edit, settings)
        after = prove_edit(roadmap, new_text, items_changed({item_id}, renamed), settings)
        edited = next(found for found in after.items if found.id == renamed.get(item_id, item_id))
        fields = [change for change in changes if change.name not in in_heading]
        read_back(roadmap, edited, fields, edit.title)
        _title_kept_the_rest(roadmap, item, edited, edit, changes)
        if edit.title is None and edited.title != item.title:
            # a status the heading's words wrote (``### F1.3 Compose ✨ CODED``, by the
            # legend) read as its title once a Status field stood under it
            raise RoadmapError(
                f"{roadmap.path}:{item.position.line}: {item_id}'s title would read back as "
                f"{edited.title!r}, not {item.title!r}; nothing written: edit it by hand"
            )
        for name, written in in_heading.items():
            if normalize_key(name) == "priority":
                # ``(Low Priority)``: the note's word is the priority, as the reader reads it
                if (edited.priority or "").casefold() != written.casefold():
                    raise RoadmapError(
                        f"{roadmap.path}:{item.position.line}: {item_id}'s {name} would read "
                        f"back as {edited.priority!r}, not {written!r}; nothing written: edit "
                        "it by hand"
                    )
                continue
            # ``✅ COMPLETE`` reads as COMPLETE, the check mark its done (``heading_status``)
            if edited.status not in (written, _after_check(written)):
                raise RoadmapError(
                    f"{roadmap.path}:{item.position.line}: {item_id}'s {name} would read back "
                    f"as {edited.status!r}, not {written!r}; nothing written: edit it by hand"
                )
        _ticks_read_back(roadmap, item, edited, edit)
    return new_text


def _title_kept_the_rest(
    roadmap: Roadmap, item: Item, edited: Item, edit: ItemEdit, changes: Sequence[FieldChange]
) -> None:
    """Refuse a new title that changed what the heading says besides it: a status mark
    it closed with (``## E01 — Scaffold ✅``) written over, the status gone with it."""
    if edit.title is None:
        return
    asked = {normalize_key(change.name) for change in changes}
    for key, before, after in (
        ("status", item.status, edited.status),
        ("priority", item.priority, edited.priority),
        ("dri", item.dri, edited.dri),
    ):
        if key not in asked and before != after:
            raise RoadmapError(
                f"{roadmap.path}:{item.position.line}: {item.id}'s {key} would read back as "
                f"{after!r}, not {before!r}, with the new title; nothing written: edit it by hand"
            )


def _priority_in_heading(lines: list[str], item: Item) -> bool:
    """The item's priority written in brackets on its own heading line (``## B2. [優先度低]
    Title``, ``## MD-001 (P0) — Title``), where no field holds it."""
    if not item.priority or item.field("priority") is not None:
        return False
    heading = lines[item.position.line - 1]
    return f"[{item.priority}]" in heading or f"({item.priority})" in heading


def _rightmost_first(item: Item, changes: Sequence[FieldChange]) -> list[FieldChange]:
    """``changes`` with those of the item's fields rightmost on their line first: fields
    that share a line (``**Effort:** M · **Status:** OPEN``) are rewritten from the right,
    so each edit leaves the columns of the fields before it as they were."""

    def column(change: FieldChange) -> int:
        found = item.field(normalize_key(change.name))
        return -found.value_position.column if found is not None else 0

    return sorted(changes, key=column)


def _ticks_read_back(before: Roadmap, item: Item, edited: Item, edit: ItemEdit) -> None:
    for entries, checked in ((edit.tick, True), (edit.untick, False)):
        for entry in entries:
            at = item.definition_of_done.index(choose_criterion(item, entry))
            now = edited.definition_of_done[at] if at < len(edited.definition_of_done) else None
            if now is None or now.checked is not checked:
                raise RoadmapError(
                    f"{before.path}:{item.definition_of_done[at].line}: {item.id}'s "
                    f"Definition of Done entry {entry!r} would not read back "
                    f"{'ticked' if checked else 'unticked'}; nothing written: edit it by hand"
                )


def _tick(plan: _Plan, lines: list[str], path: str, item: Item, entry: str, mark: str) -> None:
    criteria = item.definition_of_done
    if not criteria:
        raise RoadmapError(f"{item.id} has no Definition of Done entries")
    chosen = choose_criterion(item, entry)
    index = chosen.line - 1
    line = plan.replace.get(index, lines[index]) or lines[index]
    offset = box_offset(line)
    if chosen.checked is None or offset is None:
        # A plain entry (as the reader reads it) gets a box: "- text" becomes "- [x] text".
        at = criterion_prefix(line)
        if at is None:
            raise RoadmapError(f"{path}:{chosen.line}: cannot find the list marker of {entry!r}")
        plan.replace[index] = line[: len(at)] + f"[{mark}] " + line[len(at) :]
        return
    if line[offset].lower() == mark:
        return
    plan.replace[index] = line[:offset] + mark + line[offset + 1 :]
