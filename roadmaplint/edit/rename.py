"""Renaming an item's ID: its heading and every ``Depends on`` entry that names it
(and a phase's entry in the phase checklist).

``rename_everywhere`` is the one rename the CLI's ``rename`` and the language
server both call: the renamed roadmap's edits and text, and the other roadmaps'
``path#OLD`` dependencies renamed, each text proved to change only what it should.
The callers regenerate the derived sections and write (the CLI) or send the
edits to the editor (the server).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from roadmaplint.edit.anchors import anchor_edits
from roadmaplint.edit.base import (
    check_one_line,
    find_item,
    items_changed,
    located,
    refuse_front_matter_item,
    reverse_fields,
)
from roadmaplint.edit.item import entry_spans, heading_id, heading_start
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Field, Item, Roadmap
from roadmaplint.reader import DEPENDS_ON
from roadmaplint.reader.dialect import PHASE_ID, PHASE_WORK_ID
from roadmaplint.reader.idpattern import id_regex
from roadmaplint.reader.inline import plain_text
from roadmaplint.reader.linestyle import split_tail
from roadmaplint.reader.shapes.checkbox import written_alike
from roadmaplint.reader.waits import REVERSE_KEYS
from roadmaplint.record import record, replace
from roadmaplint.settings import Settings, describe_id_pattern
from roadmaplint.text import Edit, LazyPattern, apply_edits, line_starts, split_lines
from roadmaplint.write.proof import Targets, generated_blocks, prove_edit, prove_renamed

_LIST_LINE = LazyPattern(r"[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,9}[.)])[ \t]")


def _mention(item_id: str) -> re.Pattern[str]:
    """``item_id`` as a whole word: not inside a longer ID (``MODEL-12``, nor a task
    number's parts: ``3`` is not named in ``3.1``, nor ``1`` in ``2.1``)."""
    return re.compile(rf"(?<![\w-])(?<!\w\.){re.escape(item_id)}(?![\w-])(?!\.\w)")


def rename_edits(roadmap: Roadmap, old: str, new: str, settings: Settings) -> list[Edit]:
    """The edits that rename item ``old`` to ``new``: its heading and the dependencies on it.

    Refuses (RoadmapError) an unknown or twice-defined ``old``, and a ``new`` that
    is not an ID or already exists. Generated sections are not edited here: they
    are regenerated from the renamed records.
    """
    item = find_item(roadmap, old, settings)
    try:
        refuse_front_matter_item(roadmap, item)
        edits = _rename_edits(roadmap, item, new, settings)
        if item.restated:  # a sprint's row, a Done log's bullet: the ID there too
            from roadmaplint.edit.restated import rename_restated

            edits = sorted([*edits, *rename_restated(roadmap, item, new)], key=lambda e: e.start)
        return edits
    except RoadmapError as error:
        raise located(error, roadmap.path, item.position.line) from None


def _rename_edits(roadmap: Roadmap, item: Item, new: str, settings: Settings) -> list[Edit]:
    old = item.id
    check_one_line(new, "the new ID")
    phase = PHASE_ID.fullmatch(old) is not None and PHASE_ID.fullmatch(new) is not None
    # A task numbered again in its phase (`Phase 2 Task 2`) is written `Task 2` under its
    # phase heading and in its phase's dependencies: renamed there as written.
    own = _phase_task(old, new)
    if own is None and PHASE_WORK_ID.fullmatch(old):
        raise RoadmapError(
            f"{new!r} is not a task of {old.rsplit(' ', 2)[0]}: a task numbered in its phase "
            f"is renamed within it ({old.rsplit(' ', 2)[0]} Task N)"
        )
    if not (phase or own or written_alike(old, new)) and not id_regex(
        settings.id_pattern
    ).fullmatch(new):
        raise RoadmapError(
            f"{new!r} is not an ID: IDs follow {describe_id_pattern(settings.id_pattern)}"
        )
    if new == old:
        raise RoadmapError(f"{old} is already called {new}")
    existing = next((other for other in roadmap.items if other.id == new), None)
    if existing is not None:
        raise RoadmapError(
            f"{roadmap.path}:{existing.position.line}: {new} already exists; "
            "choose an ID no item has"
        )
    from roadmaplint.edit.shapes import is_shaped, rename_edits

    if is_shaped(roadmap, item):
        return rename_edits(roadmap, item, old, new)
    lines = split_lines(roadmap.source)
    starts = line_starts(roadmap.source)
    index = item.position.line - 1
    old_written, new_written = own or (old, new)
    line = lines[index].rstrip("\r\n")
    entry = _LIST_LINE.match(line)
    found_id = heading_id(line, old_written) if entry is None else _entry_id(line, old_written)
    if found_id is None and item.named_by_title and entry is not None:
        # ``- Beta launch``: no ID is written; one in brackets before the title is read
        # as the bullet's ID in any list (``- [DOC-1] Beta launch``)
        found_id = _titled_entry(roadmap, item, line, entry.end(), new)
        new_written = f"[{new}] "
    if found_id is None and item.named_by_title and entry is None:
        # ``### 📋 Final delivery (PLANNED)``: no ID is written; one in brackets before the
        # title is read as the heading's ID, the title as it was
        found_id = _titled_heading(roadmap, item, line, new)
        new_written = f"[{new}] "
    if found_id is None:
        place = "heading" if entry is None else "line"
        raise RoadmapError(
            f"{roadmap.path}:{item.position.line}: cannot find {old} written as the reader "
            f"reads it on its {place}; rename it by hand"
        )
    edits = [Edit(starts[index] + found_id[0], starts[index] + found_id[1], new_written)]
    for other in roadmap.items:
        found = other.field(DEPENDS_ON)
        if found is None or old not in other.depends_on:
            continue
        inline = _inline_dependencies(lines[other.position.line - 1], other, found)
        if inline is not None:  # ``- FEAT-2: Logout (depends on FEAT-1)``: in its brackets
            at = starts[other.position.line - 1]
            edits += [
                Edit(at + match.start(), at + match.end(), new)
                for match in _mention(old).finditer(lines[other.position.line - 1], *inline)
            ]
            continue
        # in its own phase a task names another by its number alone: ``Task 2``
        names = [(old, new)]
        if own is not None and other.id.startswith(old[: -len(old_written)]):
            names.append(own)
        for offset, part in _value_parts(lines, starts, found):
            written = plain_text(part.strip())
            for was, now in names:
                if written == was:
                    edits += [
                        Edit(offset + match.start(), offset + match.end(), now)
                        for match in _mention(was).finditer(part)
                    ]
                elif written.startswith(f"{was} ") and (match := _mention(was).search(part)):
                    # an entry with a note, ``Phase 3 (auth)``: the ID before it, not the note
                    edits.append(Edit(offset + match.start(), offset + match.end(), now))
    edits += _reverse_edits(roadmap, lines, starts, old, new)
    if PHASE_ID.fullmatch(old):
        from roadmaplint.edit.phases import checklist_rename

        box = checklist_rename(roadmap, old, new)
        edits += [box] if box is not None else []
    if entry is not None:
        return sorted(edits, key=lambda edit: edit.start)  # a bullet has no anchor
    heading = lines[index].rstrip("\r\n")
    renamed_heading = heading[: found_id[0]] + new_written + heading[found_id[1] :]
    edits += [
        edit
        for edit in anchor_edits(roadmap, item.position.line, renamed_heading)
        if not any(edit.start < other.end and other.start < edit.end for other in edits)
    ]
    return sorted(edits, key=lambda edit: edit.start)


def _entry_id(line: str, item_id: str) -> tuple[int, int] | None:
    """Where a list entry (``- [FEAT-1] Login page``, ``1. FEAT-2: Logout``) writes its
    ID after its marker, as a heading writes it after its ``#``."""
    entry = _LIST_LINE.match(line)
    if entry is None:
        return None
    found = heading_id(line[entry.end() :], item_id)
    if found is None:
        rest = line[entry.end() :]
        # ``- **FEAT-1** Login page``, ``- `FEAT-1` Login page``: the ID in its emphasis
        for wrap in ("**", "__", "`"):
            if rest.startswith(f"{wrap}{item_id}{wrap}"):
                found = (len(wrap), len(wrap) + len(item_id))
                break
        if found is None and rest.startswith(f"**[{item_id}] "):
            found = (3, 3 + len(item_id))  # a phase's task: ``2. **[CACHE-1] Offline cache**``
    return None if found is None else (entry.end() + found[0], entry.end() + found[1])


def _titled_entry(roadmap: Roadmap, item: Item, line: str, start: int, new: str) -> tuple[int, int]:
    """Where an ID goes in a bullet named by its title: before the title, once written
    as it reads (after a day that leads it: ``- 2026-05-01 — Beta launch``)."""
    at = line.find(item.title, start) if item.title else -1
    if at < 0 or line.find(item.title, at + 1) >= 0:
        raise RoadmapError(
            f"{roadmap.path}:{item.position.line}: {item.id} is named by its title, which "
            "its line does not write once as it reads; rename it by hand"
        )
    if "-" not in new:
        raise RoadmapError(
            f"{roadmap.path}:{item.position.line}: {item.id} is named by its title; an ID "
            f"written before it in brackets reads as one with a dash (DOC-1), not {new!r}"
        )
    return at, at


def _titled_heading(roadmap: Roadmap, item: Item, line: str, new: str) -> tuple[int, int] | None:
    """Where an ID goes on a heading named by its title: before the title, where the
    heading writes it as it reads; None where it does not."""
    at = heading_start(line)
    if not item.title or not line.startswith(item.title, at):
        return None
    if "-" not in new:
        raise RoadmapError(
            f"{roadmap.path}:{item.position.line}: {item.id} is named by its title; an ID "
            f"written before it in brackets reads as one with a dash (DOC-1), not {new!r}"
        )
    return at, at


def _inline_dependencies(line: str, item: Item, found: Field) -> tuple[int, int] | None:
    """The span of the dependencies a bullet writes on its own line (``(depends on A)``,
    ``blocked by A``); None for a field of its own."""
    from roadmaplint.reader.shapes.listline import _DEPENDS

    if found.value_position != item.position or _LIST_LINE.match(line) is None:
        return None
    match = _DEPENDS.search(line)
    if match is None:
        return None
    group = "deps" if match["deps"] is not None else "blocked"
    return match.start(group), match.end(group)


def _reverse_edits(
    roadmap: Roadmap, lines: list[str], starts: list[int], old: str, new: str
) -> list[Edit]:
    """The edits of the entries that name ``old`` in another item's ``Blocks`` (``Prereq
    for``, ``Required by`` ...): the reader makes ``old`` depend on that item, so the
    entry is renamed as a Depends on entry is, or ``old`` would lose the dependency."""
    edits: list[Edit] = []
    for other in roadmap.items:
        if other.id == old:
            continue
        for found in other.fields:
            if found.key not in REVERSE_KEYS or not found.value:
                continue
            for offset, part in _value_parts(lines, starts, found):
                words = plain_text(part.strip()).split()
                if words and words[0].strip(".`*()[]") == old:
                    match = _mention(old).search(part)
                    if match is not None:
                        edits.append(Edit(offset + match.start(), offset + match.end(), new))
    return edits


def _phase_task(old: str, new: str) -> tuple[str, str] | None:
    """``(Task 2, Task 3)``, the task numbers as written, where ``old`` and ``new`` are
    tasks of one phase numbered again in each phase; None otherwise."""
    was, now = PHASE_WORK_ID.fullmatch(old), PHASE_WORK_ID.fullmatch(new)
    if was is None or now is None or was["phase"].split() != now["phase"].split():
        return None
    return was["work"], now["work"]


def _value_parts(lines: list[str], starts: list[int], found: Field) -> Iterator[tuple[int, str]]:
    """The comma-separated parts of a field's value as written, with their offsets."""
    first = found.position.line - 1
    last = found.end_line - 1
    for index in range(first, last + 1):
        line = lines[index].rstrip("\r\n")
        if index == first:
            begin = min(found.value_position.column - 1, len(line))
        elif not line.strip() or _LIST_LINE.match(line):
            return  # the value's paragraph ended; what follows is nested content
        else:
            begin = 0
        value, _ = split_tail(line[begin:])
        offset = starts[index] + begin
        spans = entry_spans(value)
        if spans is None:
            spans = []
            at = 0
            for part in value.split(","):
                spans.append((at, at + len(part)))
                at += len(part) + 1
        for start, end in spans:
            yield offset + start, value[start:end]


def rename_text(
    roadmap: Roadmap, old: str, new: str, settings: Settings, edits: list[Edit] | None = None
) -> str:
    """The roadmap's text with ``old`` renamed; every other item reads back unchanged.

    ``edits``: ``rename_edits`` for the same arguments, when the caller has them already.
    """
    if edits is None:
        edits = rename_edits(roadmap, old, new, settings)
    new_text = apply_edits(roadmap.source, edits)
    targets = {old} | {other.id for other in roadmap.items if old in other.depends_on}
    targets |= _edited_items(roadmap, edits)
    allowed = _reached(roadmap, edits, items_changed(targets, {old: new}))
    try:
        after = prove_edit(roadmap, new_text, allowed, settings, edits)
    except RoadmapError as error:
        line = next(item.position.line for item in roadmap.items if item.id == old)
        raise located(error, roadmap.path, line) from None
    for was, now in zip(roadmap.items, after.items, strict=True):
        expected = [new if reference == old else reference for reference in was.depends_on]
        if list(now.depends_on) != expected or now.title != was.title:
            raise RoadmapError(
                f"{roadmap.path}:{was.position.line}: {was.id} would not read back renamed "
                f"(its Depends on is written with markup the rename cannot follow); "
                "nothing written: rename it by hand"
            )
    prove_renamed(roadmap, new_text, {old: new}, settings)  # and every other property kept
    return new_text


def _reached(roadmap: Roadmap, edits: Sequence[Edit], targets: Targets) -> Targets:
    """``targets`` widened to what the edits of links to the renamed heading reach: the
    item each lies in, the generated overview, or a block of prose outside the items."""
    from bisect import bisect_right

    starts = line_starts(roadmap.source)
    items = set(targets.items)
    generated = targets.generated
    blocks = set(targets.blocks)
    overview = generated_blocks(roadmap)
    for edit in edits:
        line = bisect_right(starts, edit.start)
        owner = next(
            (item for item in roadmap.items if item.position.line <= line <= item.end_line), None
        )
        block = next(
            (found for found in roadmap.blocks if found.line <= line <= found.end_line), None
        )
        if owner is not None:
            items.add(owner.id)
        elif block is not None and block.line in overview:
            generated = True
        elif block is not None:
            blocks.add(block.line)
    return replace(targets, items=frozenset(items), generated=generated, blocks=frozenset(blocks))


def other_mentions(roadmap: Roadmap, old: str, edits: list[Edit]) -> list[int]:
    """Lines outside the edits and the generated sections that still name ``old``."""
    starts = line_starts(roadmap.source)
    edited = {_line_of(starts, edit.start) for edit in edits}
    generated = [found.region for found in roadmap.overviews]
    generated += [found.region for found in roadmap.graph_sections]
    found = []
    pattern = _mention(old)
    for number, line in enumerate(split_lines(roadmap.source), 1):
        if number in edited or any(r.heading.line <= number <= r.end for r in generated):
            continue
        if pattern.search(line):
            found.append(number)
    return found


def _edited_items(roadmap: Roadmap, edits: Sequence[Edit]) -> set[str]:
    """The IDs of the items whose fields the edits change (a reverse field's entry)."""
    dependents, reverse = _fields_edited(roadmap, edits)
    return {item.id for item in (*dependents, *reverse)}


def _edited_fields(roadmap: Roadmap, old: str, edits: Sequence[Edit]) -> tuple[int, int]:
    """How many other items' Depends on, and how many others' reverse fields, the edits
    change: what a rename says it updated (an item that depends on ``old`` through
    ``old``'s own ``Blocks`` has no line changed, and is not counted)."""
    dependents, reverse = _fields_edited(roadmap, edits)
    return (
        sum(item.id != old for item in dependents),
        sum(item.id != old for item in reverse),
    )


def _fields_edited(roadmap: Roadmap, edits: Sequence[Edit]) -> tuple[list[Item], list[Item]]:
    starts = line_starts(roadmap.source)
    edited = sorted(_line_of(starts, edit.start) for edit in edits)
    from bisect import bisect_left, bisect_right

    def touched(found: Field) -> bool:
        return bisect_right(edited, found.end_line) > bisect_left(edited, found.position.line)

    dependents: list[Item] = []
    reverse: list[Item] = []
    for item in roadmap.items:
        written = item.field(DEPENDS_ON)
        if written is not None and touched(written):
            dependents.append(item)
        if any(touched(found) for found in reverse_fields(item)):
            reverse.append(item)
    return dependents, reverse


def _line_of(starts: list[int], offset: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, offset)


@record
class Renamed:
    """One roadmap's part of a rename: the edits to its text and the text they make."""

    roadmap: Roadmap
    edits: tuple[Edit, ...]
    text: str
    dependents: int  # its items whose Depends on was edited to name the new ID
    # its items whose Blocks (Prereq for ...) was edited to name the new ID
    reverse: int = 0


@record
class Rename:
    """A rename across roadmaps: the renamed one first, then each other one it changes."""

    renamed: Renamed
    others: tuple[Renamed, ...]
    prose: tuple[int, ...]  # lines of the renamed roadmap that still name the old ID

    @property
    def dependents(self) -> int:
        return self.renamed.dependents + sum(other.dependents for other in self.others)

    @property
    def reverse(self) -> int:
        return self.renamed.reverse


def rename_everywhere(
    roadmap: Roadmap,
    old: str,
    new: str,
    settings: Settings,
    others: Sequence[tuple[Roadmap, Settings]] = (),
) -> Rename:
    """Rename ``old`` to ``new`` in ``roadmap`` and in the ``path#OLD`` dependencies of
    ``others`` (each with its own settings) that resolve to it; every text proved.

    Refuses (RoadmapError) what ``rename_edits`` refuses, and a text that would not read
    back with exactly the renamed items changed.
    """
    import os

    edits = rename_edits(roadmap, old, new, settings)
    text = rename_text(roadmap, old, new, settings, edits)
    dependents, reverse = _edited_fields(roadmap, old, edits)
    renamed = Renamed(roadmap, tuple(edits), text, dependents, reverse)
    target = os.path.realpath(roadmap.path)
    changed = []
    for other, other_settings in others:
        elsewhere = _renamed_elsewhere(other, target, old, new, other_settings)
        if elsewhere is not None:
            changed.append(elsewhere)
    prose = tuple(other_mentions(roadmap, old, edits))
    return Rename(renamed, tuple(changed), prose)


def _renamed_elsewhere(
    other: Roadmap, target: str, old: str, new: str, settings: Settings
) -> Renamed | None:
    """Another roadmap with its ``path#OLD`` dependencies on ``target`` renamed, proved."""
    edits, changed = cross_file_edits(other, target, old, new, settings)
    if not edits:
        return None
    text = apply_edits(other.source, edits)
    prove_edit(other, text, items_changed(changed), settings, edits)
    # the items the edits reached may change only their references to the renamed item
    references = {
        reference: f"{reference[: -len(old)]}{new}"
        for reference in _references_to(other, target, old, settings)
    }
    prove_renamed(other, text, {}, settings, references)
    return Renamed(other, tuple(edits), text, len(changed))


def _references_to(other: Roadmap, target: str, old: str, settings: Settings) -> set[str]:
    """The dependencies on other files another roadmap's items write (``path#OLD``) that
    name ``old`` in the file ``target`` (its real path)."""
    import os

    from roadmaplint.reader.references import cross_reference

    folder = os.path.dirname(os.path.realpath(other.path))
    found = set()
    for item in other.items:
        for written in item.external_deps:
            reference = cross_reference(written, settings.id_pattern)
            if reference is None or reference.item_id != old:
                continue
            if os.path.realpath(os.path.join(folder, reference.path)) == target:
                found.add(written)
    return found


def cross_file_edits(
    other: Roadmap, renamed_file: str, old: str, new: str, settings: Settings
) -> tuple[list[Edit], set[str]]:
    """The edits to another roadmap whose ``path#OLD`` dependencies name the renamed item,
    and the IDs of its items they change. ``renamed_file`` is the renamed roadmap's real
    path; a reference's path is relative to the folder of the roadmap that writes it."""
    import os

    from roadmaplint.reader.references import cross_reference

    folder = os.path.dirname(os.path.realpath(other.path))
    lines = split_lines(other.source)
    starts = line_starts(other.source)
    edits: list[Edit] = []
    changed: set[str] = set()
    for item in other.items:
        found = item.field(DEPENDS_ON)
        if found is None:
            continue
        for offset, part in _value_parts(lines, starts, found):
            reference = cross_reference(plain_text(part.strip()), settings.id_pattern)
            if reference is None or reference.item_id != old:
                continue
            if os.path.realpath(os.path.join(folder, reference.path)) != renamed_file:
                continue
            at = part.rfind(f"#{old}")
            if at >= 0:
                edits.append(Edit(offset + at + 1, offset + at + 1 + len(old), new))
                changed.add(item.id)
    return edits, changed
