"""Changing one item in place: its fields, its dependencies, its title, its Definition of Done.

Each edit is a pure text -> text step that touches only the item's lines and
writes them the way the document already writes them (see ``linestyle``); the
caller then regenerates derived sections with ``fix_text`` and writes through
the one safe write path.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from roadmaplint.edit.base import (
    FieldChange,
    ItemEdit,
    check_one_line,
    choose_criterion,
    find_item,
    items_changed,
    located,
    name_written,
    plain_entries,
    read_back,
    renamed_by_title,
    reverse_fields,
    validate_changes,
)
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Field, Item, Roadmap
from roadmaplint.reader import DEPENDS_ON, normalize_key
from roadmaplint.reader.dialect import MARKED_TITLE, Dialect
from roadmaplint.reader.fields import (
    HEADING_BOXES,
    bars,
    closing_status_span,
    heading_status,
    noted_priority_start,
    without_aside,
)
from roadmaplint.reader.inline import plain_text
from roadmaplint.reader.linestyle import (
    box_offset,
    counts_up,
    criterion_prefix,
    field_rank,
    field_style,
    follows_field,
    new_field,
    ordered_number,
    split_tail,
    value_end,
    with_number,
)
from roadmaplint.record import field, record, replace
from roadmaplint.rules.suppressions import is_line_suppression
from roadmaplint.settings import Settings, common_meaning
from roadmaplint.text import LazyPattern, split_lines
from roadmaplint.write.proof import prove_edit, prove_kept

_LIST_LINE = LazyPattern(r"[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,9}[.)])[ \t]")


_MARKUP = LazyPattern(r"[\\`*_<>&!\[\]]")


def entry_spans(written: str) -> list[tuple[int, int]] | None:
    """The spans of the comma-separated entries of a Depends on value as written, cut
    where the reader cuts its plain text: a comma in a link's destination parts no
    entries. None when no cut of the source gives the reader's entries (markup such as
    a code span or a link text holds a comma the reader cuts at)."""
    commas = [at for at, char in enumerate(written) if char == ","]
    if not _MARKUP.search(written):
        starts = [0, *(at + 1 for at in commas)]
        return list(zip(starts, [*commas, len(written)], strict=True))
    wanted = [" ".join(part.split()) for part in plain_text(written).split(",")]
    bounds = [*commas, len(written)]
    spans: list[tuple[int, int]] = []
    start = bound = 0
    for number, want in enumerate(wanted):
        last = number == len(wanted) - 1
        while bound < len(bounds):
            end = bounds[bound]
            bound += 1
            if (not last or end == len(written)) and plain_text(written[start:end]) == want:
                spans.append((start, end))
                start = end + 1
                break
        else:
            return None
    return spans if start == len(written) + 1 else None


def dependency_entries(value: str) -> list[str]:
    """The entries of a Depends on value as written, blanks and repeats dropped, in
    written order; cut where the reader cuts (see ``entry_spans``)."""
    spans = entry_spans(value)
    parts = [value[start:end] for start, end in spans] if spans else value.split(",")
    entries: dict[str, str] = {}
    for part in parts:
        entry = part.strip()
        if entry:
            entries.setdefault(plain_text(entry), entry)
    return list(entries.values())


@record(frozen=False, slots=False)
class _Plan:
    """Line edits of one item: replacements and deletions by 0-based index, and insertions."""

    replace: dict[int, str | None] = field(default_factory=dict)
    insert: list[tuple[int, int, list[str]]] = field(default_factory=list)  # (index, rank, lines)
    under_heading: set[int] = field(default_factory=set)  # insertions right under a heading


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


def _with_dependency_edits(
    roadmap: Roadmap, item: Item, edit: ItemEdit, lines: list[str]
) -> list[FieldChange]:
    """The field changes, with --add-dep/--remove-dep folded into one Depends on value.

    The entries are taken as written (links, code), so that the ones not named keep
    their bytes."""
    changes = list(edit.fields)
    given = next((c for c in changes if normalize_key(c.name) == DEPENDS_ON), None)
    for value in (*edit.add_deps, *edit.remove_deps):
        check_one_line(value, "Depends on")
        if "," in value or not value.strip():
            raise RoadmapError(f"Depends on: give one entry at a time, not {value!r}")
    if given is not None:
        changes.remove(given)
        entries = dependency_entries(given.value)
    elif not (edit.add_deps or edit.remove_deps):
        return changes
    else:
        current = item.field(DEPENDS_ON)
        entries = []
        if current is not None and _in_bullet_words(lines, item, current):
            raise RoadmapError(
                f"{roadmap.path}:{item.position.line}: {item.id}'s dependencies are written "
                f"in the words of its bullet ({_said_in(lines, item, current)}), which set "
                "does not edit yet; nothing written: edit the line by hand"
            )
        if current is not None:
            _single_line(lines, item, current, roadmap.path)
            written = _field_line(lines, current).written
            if entry_spans(written) is None and edit.remove_deps:
                raise _crossing(roadmap, item, current)
            entries = dependency_entries(written)
    reverse = _written_in_reverse(roadmap, item)
    for value in edit.remove_deps:
        kept = [entry for entry in entries if plain_text(entry) != plain_text(value.strip())]
        if len(kept) == len(entries) and plain_text(value.strip()) in reverse:
            raise _in_reverse(roadmap, item, plain_text(value.strip()), reverse)
        if len(kept) == len(entries) and plain_text(value.strip()) in item.depends_on:
            # named by a range (``E-01 through E-03``) or read from another line (a
            # sequencing line ``1 → (2 ∥ 3)``): saying it depends on nothing would be false
            depends = item.field(DEPENDS_ON)
            line = depends.position.line if depends is not None else item.position.line
            raise RoadmapError(
                f"{roadmap.path}:{line}: {item.id} depends on {value.strip()} through a "
                "range or another line of the plan, not an entry set can remove; nothing "
                "written: edit the line that names it by hand"
            )
        if len(kept) == len(entries):
            depends = item.field(DEPENDS_ON)
            line = depends.position.line if depends is not None else item.position.line
            raise RoadmapError(
                f"{roadmap.path}:{line}: {item.id} does not depend on {value.strip()}; "
                f"it depends on: {', '.join(plain_text(e) for e in entries) or 'nothing'}"
            )
        entries = kept
    for value in edit.add_deps:
        if plain_text(value.strip()) in item.depends_on:
            continue  # named already, by a range (``E-01 through E-03``) or a Blocks field
        if plain_text(value.strip()) not in {plain_text(entry) for entry in entries}:
            entries.append(value.strip())
    named = {plain_text(entry) for entry in entries}
    for other_id in reverse if given is not None else ():
        if other_id not in named:  # --depends-on names all of them
            raise _in_reverse(roadmap, item, other_id, reverse)
    changes.append(FieldChange("Depends on", ", ".join(entries)))
    return changes


def _in_bullet_words(lines: list[str], item: Item, found: Field) -> bool:
    """Whether ``found`` is read from the words of a plain bullet (``- FEAT-2: Logout
    (blocked by FEAT-1)``): a field with no place of its own on the item's line."""
    from roadmaplint.reader.shapes.checkbox import BOX, TOP_BULLET

    line = lines[item.position.line - 1]
    return (
        found.value_position == item.position
        and TOP_BULLET.match(line) is not None
        and BOX.match(line) is None
    )


def _said_in(lines: list[str], item: Item, found: Field) -> str:
    """The bracketed words of the bullet that name ``found``'s first entry, else its value."""
    line = lines[item.position.line - 1]
    first = found.value.split(",")[0].strip()
    return next(
        (match[0] for match in _BRACKETED.finditer(line) if first and first in match[0]),
        found.value,
    )


_BRACKETED = LazyPattern(r"\([^()\n]{1,200}\)")


def _written_in_reverse(roadmap: Roadmap, item: Item) -> dict[str, Field]:
    """The dependencies of ``item`` that other items write in their ``Blocks`` (``Prereq
    for`` ...) and ``item`` does not write itself: ``A-1``'s ``Blocks: A-10`` makes A-10
    depend on A-1, which no edit of A-10's lines takes away."""
    own = item.field(DEPENDS_ON)
    written = {plain_text(e) for e in dependency_entries(own.value)} if own is not None else set()
    found: dict[str, Field] = {}
    for other in roadmap.items:
        if other.id == item.id or other.id not in item.depends_on or other.id in written:
            continue
        for field_found in reverse_fields(other):
            names = [plain_text(part.strip()).split() for part in field_found.value.split(",")]
            if any(words and words[0].strip(".`*()[]") == item.id for words in names):
                found[other.id] = field_found
                break
    return found


def _in_reverse(
    roadmap: Roadmap, item: Item, other_id: str, reverse: dict[str, Field]
) -> RoadmapError:
    found = reverse[other_id]
    return RoadmapError(
        f"{roadmap.path}:{found.position.line}: {item.id}'s dependency on {other_id} is "
        f"written in {other_id}'s {found.name}; edit it there"
    )


def _crossing(roadmap: Roadmap, item: Item, found: Field) -> RoadmapError:
    return RoadmapError(
        f"{roadmap.path}:{found.position.line}: {item.id}'s {found.name} has markup across "
        "its commas (a code span or link text holding a comma); edit it by hand"
    )


def _single_line(lines: list[str], item: Item, found: Field, path: str) -> None:
    if found.end_line > found.position.line and not _nested_list_follows(lines, found):
        raise RoadmapError(
            f"{path}:{found.position.line}: {item.id}'s {found.name} spans several "
            "lines; edit it by hand"
        )


def _nested_list_follows(lines: list[str], found: Field) -> bool:
    """Whether a multi-line field is a name line plus a nested list (its value is one line)."""
    following = lines[found.position.line] if found.position.line < len(lines) else ""
    own_indent = found.position.column - 1
    return (
        bool(_LIST_LINE.match(following)) and len(following) - len(following.lstrip()) > own_indent
    )


@record(slots=False)
class _FieldLine:
    """A field's line cut up: ``head`` + ``written`` + ``hard_break`` + ``trailing`` +
    ``tail`` + ``ending``; ``written`` is the value's markdown, ``hard_break`` a ``\\``
    that ends a line of a paragraph of fields (markup, not value), ``trailing`` the
    spaces after it (a two-space hard break), ``tail`` trailing HTML comments."""

    head: str
    written: str
    hard_break: str
    trailing: str
    tail: str
    ending: str


def _field_line(lines: list[str], found: Field, line: str | None = None) -> _FieldLine:
    """``found``'s line (``line``: as an earlier edit of a field after it on the line left
    it) cut up; the fields that follow it on its line are part of its tail."""
    line = lines[found.position.line - 1] if line is None else line
    body = line.rstrip("\r\n")
    start = min(found.value_position.column - 1, len(body))
    end = start + _written_end(body, start, found.value)
    old_raw, tail = split_tail(body[start:end])
    tail += body[end:]
    written = old_raw.rstrip(" \t")
    trailing = old_raw[len(written) :]
    hard_break = ""
    if written.endswith("\\") and not found.value.endswith("\\"):
        written, hard_break = written[:-1], "\\"
    return _FieldLine(body[:start], written, hard_break, trailing, tail, line[len(body) :])


def _written_end(body: str, start: int, value: str) -> int:
    """Where the value written from ``start`` ends, counted from ``start``: at its table
    cell's bar (``| **Status** | done |``), before the ``-->`` of the HTML comment that
    holds it (``<!-- status: done -->``), at the bar before the next plain field
    (``Status: todo | Priority: P2``: where the value read, ``value``, ends), else at the
    next field sharing its line."""
    rest = body[start:]
    head = body.lstrip()
    if head.startswith("|"):
        found = bars(rest)
        # the spaces before the cell's bar stay with it
        return len(rest[: found[0]].rstrip(" \t")) if found else len(rest)
    if head.startswith("<!--") and rest.rstrip().endswith("-->"):
        return len(rest.rstrip()[:-3].rstrip(" \t"))
    end = value_end(rest)
    if end == len(rest) and "|" in rest:
        # the first bars the value read can end at: a value is no shorter written
        bar = rest.find("|", len(value))
        for _ in range(4):
            if bar < 0:
                break
            written = rest[:bar].rstrip(" \t")
            if plain_text(written) == value:
                return len(written)
            bar = rest.find("|", bar + 1)
    return end


def paragraph_break(lines: list[str], found: Field) -> str:
    """The hard break (``\\`` or spaces) that ends a field line of a paragraph of fields."""
    if _LIST_LINE.match(lines[found.position.line - 1]):
        return ""
    cut = _field_line(lines, found)
    if cut.tail and value_end(cut.tail) < len(cut.tail):
        # fields follow on the line: its break is the one after the last of them
        raw, comment = split_tail(cut.tail[value_end(cut.tail) :])
        written = raw.rstrip(" \t")
        if written.endswith("\\"):
            return "\\"
        trailing = raw[len(written) :]
        return trailing if len(trailing) >= 2 and not comment else ""
    return cut.hard_break or (cut.trailing if len(cut.trailing) >= 2 and not cut.tail else "")


def _rewrite_field(
    plan: _Plan, lines: list[str], roadmap: Roadmap, item: Item, found: Field, change: FieldChange
) -> None:
    _single_line(lines, item, found, roadmap.path)
    index = found.position.line - 1
    cut = _field_line(lines, found, plan.replace.get(index))
    written, head, tail = cut.written, cut.head, cut.tail
    if normalize_key(change.name) == DEPENDS_ON:
        new_raw = _dependencies_markup(written, change.value)
        if new_raw is None:
            raise _crossing(roadmap, item, found)
    else:
        new_raw = _value_markup(written, found.value, change.value)
    if new_raw == written:
        return
    if not new_raw:
        shared = follows_field(head[: found.position.column - 1])
        if found.end_line > found.position.line or tail.strip() or shared or _covered(lines, index):
            raise RoadmapError(
                f"{roadmap.path}:{found.position.line}: {item.id}'s {found.name} would be "
                "left empty and cannot be removed safely; edit it by hand"
            )
        plan.replace[index] = None
        return
    if head and head[-1] not in " \t":
        head += " "  # the separating space, even where the old value began with no space
    if tail and tail[0] not in " \t":
        tail = " " + tail
    # An empty field's one trailing space ("- **Owner:** ") separated the label from a
    # value that was not there; after the value it would be stray whitespace.
    trailing = cut.trailing if written or len(cut.trailing) >= 2 else ""
    plan.replace[index] = head + new_raw + cut.hard_break + trailing + tail + cut.ending


def _value_markup(written: str, old_plain: str, value: str) -> str:
    """The new value as markdown, keeping the backticks that wrapped the old one."""
    if value == written or plain_text(value) == old_plain:
        return written
    if plain_text(value) != value.strip() or not written:
        return value  # the caller wrote markup of their own
    # Backticks are how the value is written (`ready`); emphasis is not kept: it
    # marks placeholders such as _unassigned_, not values.
    ticks = written[: len(written) - len(written.lstrip("`"))]
    inner = written[len(ticks) : len(written) - len(ticks)]
    if (
        ticks
        and len(written) > 2 * len(ticks)
        and written.endswith(ticks)
        and "`" not in inner
        and plain_text(written) == old_plain
        and "`" not in value
    ):
        return f"{ticks}{value}{ticks}"
    return value


def _dependencies_markup(written: str, value: str) -> str | None:
    """The new entries written into the old value: where the old entries the new value
    keeps come first in their old order, the entries dropped are cut out and the new
    ones appended, so every other byte stays; else the entries joined, each written as
    the old value wrote it. None when an entry must be cut from a value whose markup
    holds a comma the reader cuts at."""
    spans = entry_spans(written)
    if spans is None:
        old_plain = plain_entries(plain_text(written))
        pieces: list[str] = []
    else:
        pieces = [written[start:end] for start, end in spans]
        old_plain = list(dict.fromkeys(p for p in map(plain_text, pieces) if p))
    new = dependency_entries(value)
    new_plain = [plain_text(entry) for entry in new]
    if new_plain == old_plain:
        return written
    kept = [entry for entry in old_plain if entry in new_plain]
    added = new[len(kept) :]
    if new_plain[: len(kept)] == kept and not set(new_plain[len(kept) :]) & set(old_plain):
        if spans is None:
            if len(kept) != len(old_plain):
                return None
            result = written
        else:
            dropped = [
                at
                for at, piece in enumerate(pieces)
                if plain_text(piece) and plain_text(piece) not in kept
            ]
            result = _without_pieces(pieces, set(dropped))
        return ", ".join(part for part in (result.rstrip(" \t"), *added) if part)
    if spans is None:
        return None
    old = {plain_text(piece): piece.strip() for piece in reversed(pieces)}
    return ", ".join(old.get(plain_text(entry), entry) for entry in new)


def _without_pieces(pieces: list[str], dropped: set[int]) -> str:
    """The comma-separated ``pieces`` less the ``dropped`` ones and a comma each; the
    kept pieces and the commas between them keep their bytes."""
    kept = [piece for at, piece in enumerate(pieces) if at not in dropped]
    if not kept:
        return ""
    first = 0 if 0 not in dropped else min(at for at in range(len(pieces)) if at not in dropped)
    text = ",".join(kept)
    return text.lstrip(" \t") if first else text


def _covered(lines: list[str], index: int) -> bool:
    """Whether a ``roadmaplint-disable`` comment ends right above line ``index`` (blanks aside)."""
    above = index - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    return (
        above >= 0 and lines[above].rstrip().endswith("-->") and _comment_is_disable(lines, above)
    )


def _comment_is_disable(lines: list[str], end: int) -> bool:
    start = end
    while start > 0 and "<!--" not in lines[start]:
        start -= 1
    return is_line_suppression("".join(lines[start : end + 1]))


def clear_of_suppressions(lines: list[str], index: int) -> int:
    """An insertion point at or above ``index`` that does not come between a
    ``roadmaplint-disable`` comment and the line it covers."""
    while _covered(lines, index):
        above = index - 1
        while not lines[above].strip():
            above -= 1
        while above > 0 and "<!--" not in lines[above]:
            above -= 1
        index = above
    return index


def _insert_field(
    plan: _Plan, lines: list[str], roadmap: Roadmap, item: Item, change: FieldChange
) -> tuple[int, str]:
    key = normalize_key(change.name)
    if not item.fields:
        _refuse_under_empty_version(lines, roadmap, item, change.name)
    # a field another line gives it (a schedule's box, a sprint's row) is no neighbour
    item = replace(item, fields=tuple(f for f in item.fields if _within(item, f)))
    nearest = (
        []
        if item.fields
        else sorted(roadmap.items, key=lambda other: abs(other.position.line - item.position.line))
    )
    place = new_field(lines, item, key, nearest, roadmap.style.indent)
    line = place.style.line(name_written(roadmap, key, change.name), change.value)
    if item.fields:
        # In a paragraph of fields ended by hard breaks, the new line is followed by
        # another field line: it ends as the line it follows (or goes before) ends.
        line += paragraph_break(lines, place.after or item.fields[0])
    if not item.fields:
        index = item.position.line
        if index < len(lines) and _is_underline(lines[index]):
            index += 1  # a setext heading's underline
        plan.under_heading.add(index)
    elif place.after is not None:
        index = place.after.end_line
    else:
        index = clear_of_suppressions(lines, item.fields[0].position.line - 1)
    plan.insert.append((index, field_rank(key), [line]))
    return len(plan.insert) - 1, place.style.prefix


def _refuse_under_empty_version(lines: list[str], roadmap: Roadmap, item: Item, name: str) -> None:
    """Refuse a field line under a version heading with nothing under it that reads as the
    work it names (``## 0.2 (search index)`` among versions over bullets): a line under it
    would make the version a section over its own words, no longer that item."""
    from roadmaplint.reader.shapes.versions import names_version_work

    heading = lines[item.position.line - 1]
    atx = _ATX.match(heading)
    if atx is None or any(line.strip() for line in lines[item.position.line : item.end_line]):
        return
    if heading_id(heading, item.id) is not None:
        return  # ``### 1.1: Login``: a heading item named by its number, no version's work
    if not names_version_work(plain_text(heading[atx.end() :].rstrip().rstrip("#"))):
        return
    raise RoadmapError(
        f"{roadmap.path}:{item.position.line}: {item.id} is the work a version heading with "
        f"nothing under it names ({heading.strip()}); a {name} line under the heading would "
        f"make it a section of its own, no item: nothing written; write the work as a bullet "
        f"under its version, with its {name}, by hand"
    )


def _within(item: Item, found: Field) -> bool:
    return item.position.line <= found.position.line <= item.end_line


def _count_on(plan: _Plan, lines: list[str], item: Item, inserted: list[tuple[int, str]]) -> None:
    """Number a counted field list (1, 2, 3) on through every field inserted into it.

    ``inserted`` holds each new field's place in ``plan.insert`` and its prefix. The
    numbers are given once all fields are placed: numbering each insertion against the
    lines as read gives two new fields (or a new and a renumbered one) the same number.
    """
    prefixes = [field_style(lines, found).prefix for found in item.fields]
    first = ordered_number(prefixes[0]) if prefixes else None
    if not inserted or first is None or not counts_up(prefixes):
        return
    prefix_of = dict(inserted)
    order: list[tuple[tuple[int, int, int, int], int]] = [
        ((found.position.line - 1, 1, 0, 0), -1 - number)
        for number, found in enumerate(item.fields)
    ]
    order += [((plan.insert[at][0], 0, plan.insert[at][1], at), at) for at in prefix_of]
    number = expected = first
    for _, which in sorted(order):
        if which >= 0:
            index, rank, new_lines = plan.insert[which]
            prefix = prefix_of[which]
            renumbered = [with_number(prefix, number) + new_lines[0][len(prefix) :]]
            plan.insert[which] = (index, rank, renumbered)
        else:
            found = item.fields[-1 - which]
            prefix = prefixes[-1 - which]
            if ordered_number(prefix) != expected:
                return  # the list does not count on through here; leave it as written
            expected += 1
            at = found.position.line - 1
            current = plan.replace.get(at, lines[at])
            if current is None:
                continue  # the edit removes this field: it takes no number
            renumbered_prefix = with_number(prefix, number)
            if len(renumbered_prefix) != len(prefix):
                return  # a wider number would move the text and unnest what is under it
            plan.replace[at] = renumbered_prefix + current[len(prefix) :]
        number += 1


def _is_underline(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and len(line) - len(line.lstrip()) < 4 and set(stripped) <= {"=", "-"}


_ATX = LazyPattern(r" {0,3}#{1,6}(?=[ \t]|$)[ \t]*")
# Heading marks written twice, joined to the heading's first word (reader/outline.py).
_DOUBLED_MARKS = LazyPattern(r"#{2,5}(?=[A-Za-z])")


def _id_form(item_id: str) -> re.Pattern[str]:
    """An item heading's ID and what parts it from the title, in every form the reader
    accepts: ``[ID] Title``, ``[ID]: Title``, ``ID — Title``, ``ID – Title``, ``ID - Title``,
    ``ID: Title``, and a queue's ``ID Title`` or a numbered series' ``3. Title`` (the
    reader takes those for items only in a series, so the ID is where it reads it)."""
    escaped = re.escape(item_id)
    return re.compile(
        rf"\[{escaped}\](?:[ \t]*[—–:-])?[ \t]+|{escaped}(?: — | – | - |: )[ \t]*"
        rf"|{escaped}\.?[ \t]+"
    )


def heading_id(line: str, item_id: str) -> tuple[int, int] | None:
    """Where the ID of an item heading stands on its (first) line: start, end."""
    opener = _ATX.match(line)
    start = opener.end() if opener else len(line) - len(line.lstrip(" \t"))
    found = _id_form(item_id).match(line, start)
    if found is None:
        return None
    at = start + (1 if line[start] == "[" else 0)
    return at, at + len(item_id)


def heading_start(line: str) -> int:
    """Where an item heading's (first) line writes what follows its ``#`` marks."""
    opener = _ATX.match(line)
    return opener.end() if opener else len(line) - len(line.lstrip(" \t"))


def heading_title(title: str, atx: bool) -> str:
    """A title as markdown that a heading reads back as ``title``: a closing run of
    ``#`` in an ATX heading is escaped (``Port to F \\#``), else it would be dropped."""
    text = title.strip()
    run = len(text) - len(text.rstrip("#"))
    if atx and run and (run == len(text) or text[-run - 1] in " \t"):
        text = f"{text[:-run]}\\{text[-run:]}"
    return text


def _retitle(plan: _Plan, lines: list[str], roadmap: Roadmap, item: Item, title: str) -> None:
    check_one_line(title, "the title")
    if not title.strip():
        raise RoadmapError("the title is one non-empty line")
    index = item.position.line - 1
    line = plan.replace.get(index, lines[index]) or lines[index]
    body = line.rstrip("\r\n")
    opener = _ATX.match(body)
    entry = _LIST_LINE.match(body) if opener is None else None
    if entry is not None:
        at = _entry_title(body, entry.end(), roadmap, item)
        end = at + len(item.title)
        plan.replace[index] = body[:at] + title.strip() + body[end:] + line[len(body) :]
        return
    start = heading_start(body)
    found = _id_form(item.id).match(body, start)
    if found is None and not (item.named_by_title and body.startswith(item.title, start)):
        raise RoadmapError(
            f"{roadmap.path}:{index + 1}: cannot find {item.id} written as the reader reads "
            "it on its heading; edit the title by hand"
        )
    # a heading named by its title writes no ID (``### 📋 Final delivery (PLANNED)``)
    at = found.end() if found is not None else start
    marked = MARKED_TITLE.fullmatch(body[at:])
    if marked is not None:  # ``[M-1] ✅ 🔴High — Title``: the marks are the status, they stay
        at += marked.start("title")
    rest, tail = split_tail(body[at:])
    if opener is not None and (kept := without_aside(rest)) != rest:
        # ``Level editor (ETA: May)``: the aside is no part of the title and stays
        rest, tail = kept, rest[len(kept) :] + tail
    if opener is not None and item.priority and (cut := noted_priority_start(rest)) is not None:
        # ``Network Validation (High Priority)``: the note is the priority and stays
        rest, tail = rest[:cut], rest[cut:] + tail
    if opener is not None and (cut := closing_status_span(rest, item.status)) is not None:
        # ``Project scaffolding `done```: the span is the status and stays
        rest, tail = rest[:cut], rest[cut:] + tail
    elif opener is not None and (cut := _closing_status_at(rest, item)) is not None:
        # ``Backups ✅ (2024-04-02)``, ``Login — COMPLETE``: the heading's status stays
        rest, tail = rest[:cut], rest[cut:] + tail
    end = _closing_sequence(rest) if opener else len(rest.rstrip(" \t"))
    text = heading_title(title, opener is not None)
    plan.replace[index] = body[:at] + text + rest[end:] + tail + line[len(body) :]


def _closing_status_at(written: str, item: Item) -> int | None:
    """Where the title ends in a heading's text that closes with the item's status (a check
    mark, a mark and its day, closing words: ``Backups ✅ (2024-04-02)``, ``Login —
    COMPLETE``), the reader having read the words before it as the title; None otherwise."""
    if item.status is None:
        return None
    split = heading_status(written)
    if split is None or split[0].strip() != item.title or not written.startswith(split[0]):
        return None
    return len(split[0].rstrip())


def _entry_title(body: str, start: int, roadmap: Roadmap, item: Item) -> int:
    """Where a list entry's line writes its title as the reader reads it (``2. **Create
    the project**``, ``- ~~Lexer~~``, ``- 2026-05-01 — Beta launch``): once, after its
    marker; what stands around it (the bold, the strike, the day) stays."""
    at = body.find(item.title, start) if item.title else -1
    if at < 0 or body.find(item.title, at + 1) >= 0:
        raise RoadmapError(
            f"{roadmap.path}:{item.position.line}: {item.id}'s title is not written once as "
            f"it reads on its line ({item.title!r}); edit the line by hand"
        )
    return at


# The marks a heading's status is written with where the document uses none of its own.
_STATUS_MARKS = {"done": "✅", "ready": "⬜", "in_progress": "🔄"}
_CHECKS = ("✅", "✓", "✔")
# A check mark and the day the work was done, closing a heading: ``✅ (2024-05-01)``.
_DATED_CHECK = LazyPattern(r"[✅✓✔]\ufe0f?[ \t]*\([0-9]{4}-[0-9]{2}-[0-9]{2}\)")


def _restatus_heading(
    plan: _Plan, lines: list[str], roadmap: Roadmap, item: Item, value: str
) -> str | None:
    """Write ``value`` where the item's heading writes its status (no Status field): a
    mark before the title (``### A1 ⬜ — Title``) becomes the new status's mark, a
    word after it (``Title (Done)``, ``Title — Done``, ``TASK-8 ✓ DONE``) the value.
    What the status then reads as; None when the heading writes no status (a Status
    field is added) or a check mark would have to say other than done (the mark goes,
    and the field is added)."""
    if item.status is None:
        return None
    heading = _planned_heading(plan, lines, item)
    if heading is None:
        return None
    index, line, body, (at, end) = heading
    # a mark the title itself begins with (``✅ v1.0 MVP (COMPLETED)``) is no status: the
    # status is looked for after the title
    title = item.title
    if any(mark in title for mark in _CHECKS) and body.startswith(title, at):
        at += len(title)
    span, written = _heading_status_span(body, at, end, item.status, roadmap, value)
    if span is None:
        return None
    if body[span[0] : span[1]] == written:
        return item.status  # the heading says it already (``✔️`` for done): it stays
    plan.replace[index] = body[: span[0]] + written + body[span[1] :] + line[len(body) :]
    return written or None


# The words a note closing a heading gives its priority in (``(High Priority)``,
# ``(Priority: Low)``, reader/fields.py), and one of them in a note.
_NOTE_WORDS = frozenset(("critical", "high", "medium", "low"))
_NOTE_WORD = LazyPattern(r"critical|high|medium|low", re.IGNORECASE)


def _renote_priority(
    plan: _Plan, lines: list[str], roadmap: Roadmap, item: Item, value: str
) -> str | None:
    """Write ``value`` in the note closing the item's heading that gives its priority
    (``Network Validation (High Priority)`` to ``(Low Priority)``), in the word's own
    case, where no field holds the priority. What the priority then reads as; None where
    the heading closes with no such note. A value the note cannot say (``P0``) is refused:
    a field under the heading would overrule the note unseen."""
    if not item.priority or item.field("priority") is not None:
        return None
    heading = _planned_heading(plan, lines, item)
    if heading is None:
        return None
    index, line, body, (at, end) = heading
    text = body[at:end].rstrip(" \t")
    cut = noted_priority_start(text)
    if cut is None:
        return None
    note = text[cut:]
    word = _NOTE_WORD.search(note)
    if word is None:
        return None
    if value.casefold() not in _NOTE_WORDS:
        raise RoadmapError(
            f"{roadmap.path}:{item.position.line}: {item.id}'s priority is the note closing "
            f"its heading {note}, which says critical, high, medium or low, not {value!r}; "
            "nothing written"
        )
    old = word.group()
    new = (
        value.upper()
        if old.isupper()
        else value.capitalize()
        if old[:1].isupper()
        else value.lower()
    )
    start = at + cut + word.start()
    plan.replace[index] = body[:start] + new + body[start + len(old) :] + line[len(body) :]
    return new


def _series_mark(
    plan: _Plan, lines: list[str], roadmap: Roadmap, item: Item, value: str
) -> str | None:
    """Close the item's heading with the check its series writes for done (``### 3.
    Dashboards`` beside ``### 1. Backups ✅ (2024-04-02)``): the mark, and the day it
    is done where the series dates its marks. What the status then reads as; None for
    another status, an item with a status of its own, or a series that writes no mark."""
    if item.status is not None or common_meaning(value) != "done":
        return None
    index = item.position.line - 1
    body = lines[index].rstrip("\r\n")
    opener = _ATX.match(body)
    if opener is None or index in plan.replace:
        return None
    level = len(body[: opener.end()].strip())
    marks = set()
    for other in roadmap.items:
        status = other.status or ""
        line = lines[other.position.line - 1].rstrip("\r\n")
        same = _ATX.match(line)
        if other is item or same is None or len(line[: same.end()].strip()) != level:
            continue
        if not line[: _closing_sequence(line)].endswith(status):
            continue
        if status.rstrip("\ufe0f") in _CHECKS:
            marks.add((status, False))
        elif _DATED_CHECK.fullmatch(status) is not None:
            marks.add((status.split("(")[0].strip(), True))
    if len(marks) != 1:
        return None  # no mark, or marks written two ways: a Status field says it
    ((mark, dated),) = marks
    written = f"{mark} ({date.today().isoformat()})" if dated else mark
    end = _closing_sequence(body)
    plan.replace[index] = f"{body[:end]} {written}{body[end:]}" + lines[index][len(body) :]
    return written


def _planned_heading(
    plan: _Plan, lines: list[str], item: Item
) -> tuple[int, str, str, tuple[int, int]] | None:
    """The item's heading line as the plan writes it so far: its index, the line, the line
    without its ending, and where it writes what follows the ID (``_heading_text``); None
    where the line does not open with the ID."""
    index = item.position.line - 1
    line = plan.replace.get(index, lines[index]) or lines[index]
    body = line.rstrip("\r\n")
    located = _heading_text(body, item)
    return None if located is None else (index, line, body, located)


def _heading_text(body: str, item: Item) -> tuple[int, int] | None:
    """Where the item's heading line ``body`` writes what follows its ID (its title and
    any status closing it): from after the ID to before a closing ``#`` sequence; None
    where the line does not open with the ID (nor is named by its title)."""
    opener = _ATX.match(body)
    start = opener.end() if opener else len(body) - len(body.lstrip(" \t"))
    doubled = _DOUBLED_MARKS.match(body, start) if opener else None
    start = doubled.end() if doubled else start  # ``## ##TASK 8 - Title``: the marks twice
    # the ID alone, or closed by a full stop as a list numbers its entries (``### 2. Log
    # Rotation ✅``); a mark may stand between it and the title (``A1 ⬜ — Title``)
    escaped = re.escape(item.id)
    found = re.compile(rf"(?:\[{escaped}\]|{escaped}(?:\.(?=[ \t]))?(?![\w.-]))[ \t]*").match(
        body, start
    )
    if found is None and not item.named_by_title:
        return None
    # a heading named by its title writes no ID (``## Fix the invite bug — TODO``)
    at = found.end() if found is not None else start
    rest = body[at:]
    return at, at + (_closing_sequence(rest) if opener else len(rest.rstrip(" \t")))


def _heading_beside_field(
    plan: _Plan, lines: list[str], item: Item, found: Field, value: str
) -> None:
    """A heading that closes with the status the item reads as, over a Status field whose
    words say none the reader takes (``### 2. Log Rotation ✅`` over ``**Status:** Running
    at 2am daily``), says no more than the field once the field is set: the heading's
    status goes where it means other than ``value``, so the file says one status. Words
    closing it (``— COMPLETE``, ``(done)``, ``✅ COMPLETE``) go whatever ``value`` is: over a
    field that says a status they would read as the title's."""
    if not item.status or found.value.strip() == item.status:
        return  # the field is what the item reads as: the heading says no status
    if (
        common_meaning(item.status) == common_meaning(value) is not None
        and item.status.rstrip("\ufe0f") in _CHECKS
    ):
        return  # ``✅`` over a field set done: both say done, the mark in short
    heading = _planned_heading(plan, lines, item)
    if heading is None:
        return
    index, line, body, (at, end) = heading
    closing = heading_status(body[at:end])
    if closing is None or closing[1] != item.status or not closing[0].strip():
        return  # written another way (a mark before the title): the gate reads it back
    plan.replace[index] = body[:at] + closing[0] + body[end:] + line[len(body) :]


def _heading_status_span(
    body: str, at: int, end: int, status: str, roadmap: Roadmap, value: str
) -> tuple[tuple[int, int] | None, str]:
    """Where in ``body[at:end]`` (a heading after its ID) the status ``status`` is
    written, and what to write there for ``value``; (None, "") where it is not."""
    marked = MARKED_TITLE.fullmatch(body[at:end])
    if marked is not None:
        for token in re.finditer(r"\S+", marked["marks"]):
            if token[0] == status:
                start = at + marked.start("marks") + token.start()
                return (start, start + len(token[0])), _status_mark(roadmap, status, value)
    coded = body[at:end].rstrip()
    if status not in HEADING_BOXES and closing_status_span(coded, status) is not None:
        # ``## E03 — Search `todo` ``: the span's words are the status, rewritten inside it
        word_at = at + len(coded) - 1 - len(status)
        return (word_at, word_at + len(status)), _heading_word(roadmap, status, value)
    suffix = heading_status(body[at:end])
    if suffix is None or suffix[1] != status:
        return None, ""
    # a check mark alone or with the day it was done (``✅ (2024-05-01)``) has no word
    alone = status in _CHECKS or _DATED_CHECK.fullmatch(status) is not None
    word_at = body.rfind(status, at, end) if not alone else -1
    if status in HEADING_BOXES:  # ``## Phase 1: Core `[x]` ``: a box is written for it
        return (word_at, word_at + len(status)), _heading_box(status, value)
    check_at = max(body.rfind(mark, at, end) for mark in _CHECKS)
    meaning = common_meaning(value)
    if check_at >= 0 and (word_at < 0 or check_at < word_at):  # ``✓ DONE``, ``✅``
        if meaning == "done":
            if word_at < 0:  # ``✅`` alone says done: it stays as written
                return (check_at, end), body[check_at:end]
            return (word_at, word_at + len(status)), value
        rewritten = _marked_status(roadmap, body[check_at : word_at + len(status)], value, False)
        if word_at >= 0 and rewritten is not None:
            # ``✅ COMPLETE`` where the document writes other states so (``⏳ PLANNED``)
            return (check_at, word_at + len(status)), rewritten
        cut = len(body[:check_at].rstrip(" \t—–-"))
        return (cut, end), ""  # the heading says done no more; a Status field says the rest
    if _marked(status):  # ``⏳ PLANNED``: the mark and the word of the new status
        return (word_at, word_at + len(status)), _marked_status(roadmap, status, value) or ""
    return (word_at, word_at + len(status)), _heading_word(roadmap, status, value)


def _heading_word(roadmap: Roadmap, status: str, value: str) -> str:
    """The word a heading writes for ``value`` where it writes ``status`` as a word: a
    common word, the document's own for it, in capitals where the old one was."""
    meaning = common_meaning(value)
    if meaning is None or len(value.split()) > 2:
        raise RoadmapError(
            f"{status!r} in the heading is the status; one written there is a common word "
            f"(done, in progress, ready ...), not {value!r}: edit the heading by hand"
        )
    own = _own_word(roadmap, value, meaning)
    if own is not None:
        value = own  # the document's word for it (``KORJATTU`` beside ``AVOIN``)
    elif status.isupper() and common_meaning(value.upper()) == meaning:
        value = value.upper()  # a board's capitals (``— TODO``): ``done`` is written DONE
    return value


def _own_word(roadmap: Roadmap, value: str, meaning: str) -> str | None:
    """The word the document's items write for ``meaning`` where none writes ``value``
    itself, one word in capitals as a heading ends with it (``KORJATTU``); else None."""
    written = [item.status for item in roadmap.items if item.status]
    if any(status.casefold() == value.casefold() for status in written):
        return None
    return next(
        (
            status
            for status in written
            if status.isupper() and len(status.split()) == 1 and common_meaning(status) == meaning
        ),
        None,
    )


# A status a heading ends with, written as a mark and its words where the document
# writes none of its own (``✅ COMPLETE``).
_MARKED_STATUSES = {
    "done": "✅ Complete",
    "in_progress": "🔄 In progress",
    "ready": "⏳ Planned",
    "todo": "⏳ Planned",
    "blocked": "⛔ Blocked",
}


# The box a heading that ends with one writes for a status of each meaning.
_HEADING_BOX_OF = {
    "done": "[x]",
    "ready": "[ ]",
    "todo": "[ ]",
    "in_progress": "[~]",
    "closed": "[-]",
}


def _heading_box(old: str, value: str) -> str:
    """The box a heading ending with the box ``old`` writes for ``value``: the value where
    it is a box, else the box of its meaning."""
    if value.strip() in HEADING_BOXES:
        return value.strip()
    box = _HEADING_BOX_OF.get(common_meaning(value) or "")
    if box is None:
        raise RoadmapError(
            f"{old!r} in the heading is the status; a box says done, ready, in progress or "
            f"closed, not {value!r}: edit the heading by hand"
        )
    return box


def _marked(status: str) -> bool:
    """Whether a status is written as a mark and its words (``⏳ PLANNED``)."""
    words = status.split()
    return len(words) > 1 and not any(char.isalnum() for char in words[0])


def _after_check(written: str) -> str:
    """A status the heading writes as a check mark and its words, as it reads: the words."""
    words = written.split(None, 1)
    return words[1] if len(words) == 2 and words[0].rstrip("\ufe0f") in _CHECKS else written


def _marked_status(roadmap: Roadmap, old: str, value: str, common: bool = True) -> str | None:
    """The mark and words a heading that ends with ``old`` (``⏳ PLANNED``) writes for
    ``value``: the value where it is written so; else the entry of that meaning of the
    document's one-line legend, else the way another heading writes it (``✅ COMPLETE``),
    else (``common``; None without) a common mark and word, in capitals where ``old`` is."""
    from roadmaplint.reader.legends import line_legend_entries, workflow_meanings

    meaning = common_meaning(value)
    if _marked(value) and meaning is not None:
        return value.strip()
    if meaning is None and not common:
        return None
    lines = split_lines(roadmap.source)
    entries = line_legend_entries(lines) if meaning is not None else ()
    ordered = workflow_meanings(entries)  # ``✅ TESTED`` before ``✔️ RELEASED`` is under way
    for entry in entries:
        if ordered.get(entry, common_meaning(entry)) == meaning:
            return entry
    for other in roadmap.items:
        status = other.status or ""
        if not status or meaning is None or common_meaning(status) != meaning:
            continue
        if _marked(status):
            return status
        line = lines[other.position.line - 1].rstrip()
        before = line[: line.rfind(status)].split() if line.endswith(status) else []
        if before and not any(char.isalnum() for char in before[-1]):
            return f"{before[-1]} {status}"  # ``✅ COMPLETE``, read as COMPLETE
    if not common:
        return None
    if meaning is None or meaning not in _MARKED_STATUSES:
        raise RoadmapError(
            f"{old!r} in the heading is the status; one written there is a common word "
            f"(done, in progress, ready ...), not {value!r}: edit the heading by hand"
        )
    mark, words = _MARKED_STATUSES[meaning].split(None, 1)
    return f"{mark} {words.upper() if old.isupper() else words}"


def _status_mark(roadmap: Roadmap, old: str, value: str) -> str:
    """The mark a heading writes for ``value``: the value if it is a mark, else the
    document's own mark of that meaning, else the common one."""
    if not any(character.isalnum() for character in value):
        return value
    meaning = common_meaning(value)
    for other in roadmap.items:
        mark = other.status or ""
        if mark and not any(c.isalnum() for c in mark) and common_meaning(mark) == meaning:
            return mark
    if meaning in _STATUS_MARKS:
        return _STATUS_MARKS[meaning]
    marks = ", ".join(f"{mark} ({name.replace('_', ' ')})" for name, mark in _STATUS_MARKS.items())
    raise RoadmapError(
        f"the mark {old} in the heading is the status; give a status a mark writes: {marks}"
    )


# A heading's check mark and its done word after the item's ID (``### TASK-8 ✓ DONE``)
_HEADING_CHECK = LazyPattern(r"(?<![ \t])[ \t]++([✅✓✔]\ufe0f?[ \t]*+[A-Za-z]++)$")


def _check_follows_field(
    plan: _Plan, lines: list[str], roadmap: Roadmap, item: Item, value: str
) -> None:
    """A heading that marks its item done (``### TASK-8 ✓ DONE`` over ``- **Status:**
    DONE``) follows its Status field: the mark goes when the field says other than done
    (a check mark can say nothing else, and the heading would contradict the field),
    and is written when it says done where the document's other done headings write it
    so. The document's own mark only: a heading is never given one it does not use."""
    index = item.position.line - 1
    if any(found.position.line == item.position.line for found in item.fields):
        return  # the field is on the heading's line
    line = plan.replace.get(index, lines[index]) or lines[index]
    body = line.rstrip("\r\n")
    opener = _ATX.match(body)
    if opener is None or item.named_by_title:
        return
    end = _closing_sequence(body)
    check = _HEADING_CHECK.search(body[:end])
    done = common_meaning(value) == "done"
    if check is not None and not done and common_meaning(check[1].split()[-1]) == "done":
        plan.replace[index] = body[: check.start()] + body[end:] + line[len(body) :]
    elif check is None and done and body[opener.end() : end].strip() == item.id:
        mark = _done_mark(roadmap, lines, item)
        if mark is not None:
            plan.replace[index] = body[:end] + f" {mark}" + body[end:] + line[len(body) :]


def _done_mark(roadmap: Roadmap, lines: list[str], item: Item) -> str | None:
    """The check mark and word the document's other done headings write after their ID
    alone (``✓ DONE``), when they all write the same one."""
    marks = set()
    for other in roadmap.items:
        body = lines[other.position.line - 1].rstrip("\r\n")
        opener = _ATX.match(body)
        if other is item or opener is None or not other.status:
            continue
        check = _HEADING_CHECK.search(body[: _closing_sequence(body)])
        if check is None or common_meaning(check[1].split()[-1]) != "done":
            continue
        if body[opener.end() : check.start()].strip() == other.id:
            marks.add(check[1])
    return marks.pop() if len(marks) == 1 else None


def _closing_sequence(heading: str) -> int:
    """Where an ATX heading's text ends: before its closing ``#`` sequence, if any."""
    end = len(heading.rstrip(" \t"))
    hashes = len(heading[:end].rstrip("#"))
    if hashes < end and (hashes == 0 or heading[hashes - 1] in " \t"):
        end = len(heading[:hashes].rstrip(" \t"))
    return end


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


def _apply(lines: list[str], plan: _Plan, newline: str) -> str:
    """The lines with the plan's replacements, deletions and insertions, in one pass."""
    blocks: dict[int, list[tuple[int, int, list[str]]]] = {}
    for order, (index, rank, new_lines) in enumerate(plan.insert):
        blocks.setdefault(index, []).append((rank, order, new_lines))
    result: list[str] = []
    for index in range(len(lines) + 1):
        if index in blocks:
            block = [line for _, _, group in sorted(blocks[index]) for line in group]
            bare_end = bool(result) and not result[-1].endswith(("\n", "\r"))
            if bare_end:
                result[-1] += newline
            text = "".join(line + newline for line in block)
            if index in plan.under_heading:
                text = newline + text  # the fields of an item that had none
                if index < len(lines) and lines[index].strip():
                    text += newline
            if bare_end and index == len(lines):
                text = text[: -len(newline)]  # the file ended without one: so does it still
            result.append(text)
        if index < len(lines):
            replacement = plan.replace.get(index, lines[index])
            if replacement is not None:
                result.append(replacement)
    return "".join(result)
