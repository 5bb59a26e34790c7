"""A status set by moving the item: in a queue whose sections are its statuses.

A work queue that says "Status is the section the item lives in" writes no Status
field: ``### WQ-016 Title`` under ``## Ready`` is ready. Setting its status to Done
moves its lines to the end of ``## Done``, as a person does; a Status field written
under ``## Ready`` would contradict the section it stands in. The move is two edits
(the lines taken out, the same lines put in) proved by the one gate like any other.
"""

from __future__ import annotations

from collections.abc import Callable

from roadmaplint.edit.base import ItemEdit
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item, Roadmap, Section
from roadmaplint.reader import normalize_key, parse
from roadmaplint.reader.shapes.horizons import _NOTHING_BULLET as _NOTHING
from roadmaplint.record import record, replace
from roadmaplint.settings import Settings, common_meaning
from roadmaplint.text import Edit, LazyPattern, apply_edits, line_starts, split_lines
from roadmaplint.write.proof import Targets, prove_edit

_RULE = LazyPattern(r"(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}")
# A heading that counts what it holds: ``To Do (2)``, ``Done (17)``.
_COUNTED = LazyPattern(r"(?P<name>.*\S)[ \t]+\((?P<count>[0-9]{1,5})\)")

_Edit = Callable[[Roadmap, Item, ItemEdit, Settings], str]


def moved_to_status(
    roadmap: Roadmap, item: Item, edit: ItemEdit, settings: Settings, rest: _Edit
) -> str | None:
    """The text with ``item`` moved to the section that names the status ``edit`` sets,
    and the rest of ``edit`` made by ``rest``; None where its status is not its section
    (a Status field, a heading's mark) or no section names the new status."""
    statuses = [change for change in edit.fields if normalize_key(change.name) == "status"]
    if len(statuses) != 1 or item.field("status") is not None or item.status is None:
        return None
    if item.section is None or item.status != item.section:
        return None
    target = section_named(roadmap, statuses[0].value.strip()) or empty_section_named(
        roadmap, item.section, statuses[0].value.strip()
    )
    if target is None or target.name == item.section:
        return None
    others = tuple(change for change in edit.fields if change is not statuses[0])
    body = split_lines(roadmap.source)[item.position.line - 1 : item.end_line]
    if (
        others
        or edit.title is not None
        or edit.tick
        or edit.untick
        or edit.add_deps
        or (edit.remove_deps)
    ):
        # the rest of the edit made where the item stands (proved there), then moved
        text = rest(roadmap, item, replace(edit, fields=others), settings)
        edited = next(
            found for found in parse(text, roadmap.path, settings).items if found.id == item.id
        )
        body = split_lines(text)[edited.position.line - 1 : edited.end_line]
    edits = _move(roadmap, item, target, body)
    counts = recount(roadmap, item.section, target) if edits else Recount()
    edits = sorted([*edits, *counts.edits], key=lambda edit: edit.start)
    new_text = apply_edits(roadmap.source, edits)
    # the section it leaves may hold no item after it (``## Done`` of one item); the one
    # it enters may say it holds none
    lines = split_lines(roadmap.source)
    said = placeholder_line(lines, target, _last_written(lines, target))
    targets = Targets(
        items=frozenset({item.id}),
        sections=frozenset({item.section, target.name}),
        blocks=frozenset({said + 1} if said is not None else ()) | counts.blocks,
        recounted=counts.names,
    )
    after = prove_edit(roadmap, new_text, targets, settings, edits)
    if [other.id for other in after.items if other.id != item.id] != [
        other.id for other in roadmap.items if other.id != item.id
    ]:
        raise RoadmapError(f"{roadmap.path}: refusing to write: the move reached other items")
    moved = next(other for other in after.items if other.id == item.id)
    if moved.status != dict(counts.names).get(target.name, target.name):
        raise RoadmapError(
            f"{roadmap.path}:{item.position.line}: {item.id}'s status would read back as "
            f"{moved.status!r}, not {target.name!r}; nothing written: move it by hand"
        )
    return new_text


def section_named(roadmap: Roadmap, value: str) -> Section | None:
    """The section whose name is ``value`` (any case), else the one that means the same
    (``## Done`` for ``complete``); None where the sections say no statuses."""
    named = [section for section in roadmap.sections if common_meaning(section.name)]
    exact = [section for section in named if section.name.casefold() == value.casefold()]
    if exact:
        return exact[0]
    meaning = common_meaning(value)
    alike = [section for section in named if common_meaning(section.name) == meaning]
    return alike[0] if meaning is not None and len(alike) == 1 else None


def empty_section_named(roadmap: Roadmap, current: str, value: str) -> Section | None:
    """A heading of the level of ``current``'s that names the status ``value`` and holds no
    item, as a section: a move leaves ``## Ready`` empty, and an item set back to ready
    goes there (a Status field would contradict the section it stands in). A heading
    over headings of its own is none: its items stand under those."""
    headings = list(roadmap.headings)
    level = next((found.level for found in headings if found.text == current), None)
    if level is None:
        return None
    meaning = common_meaning(value)
    named = [
        found
        for found in headings
        if found.level == level
        and not any(section.name == found.text for section in roadmap.sections)
        and (
            found.text.casefold() == value.casefold()
            or (meaning is not None and common_meaning(found.text) == meaning)
        )
    ]
    if len(named) != 1:
        return None
    heading = named[0]
    after = [
        found.position.line - 1
        for found in headings
        if found.position.line > heading.position.line and found.level <= level
    ]
    end = after[0] if after else len(split_lines(roadmap.source))
    if any(heading.position.line < found.position.line <= end for found in headings):
        # ``## Planned Milestones`` over ``### v0.4.0``: the end of its list is the last
        # version's, and a status names no version to move the item into
        return None
    return Section(name=heading.text, position=heading.position, end_line=end)


def _move(roadmap: Roadmap, item: Item, target: Section, body: list[str]) -> list[Edit]:
    """The edits that take the item's lines out and put ``body`` (its lines, edited or
    not) after the last written line of ``target``, a blank line around them as the
    document writes items."""
    lines = split_lines(roadmap.source)
    starts = line_starts(roadmap.source)
    first, last = item.position.line - 1, item.end_line  # lines[first:last] are the item's
    body = list(body)
    while body and not body[-1].strip():
        body.pop()
    newline = roadmap.style.newline
    block = "".join(line if line.endswith(("\n", "\r")) else line + newline for line in body)
    at = _last_written(lines, target)
    if first <= at <= last:
        return []
    # a section that says it holds nothing (``_None._``, ``- None yet``) holds the item now
    until = at
    placeholder = placeholder_line(lines, target, at)
    if placeholder is not None:
        at, until = placeholder, placeholder + 1
    # the blank lines after it go with it where a blank line stands before it
    while (first == 0 or not lines[first - 1].strip()) and last < len(lines):
        if lines[last].strip():
            break
        last += 1
    while last >= len(lines) and first > at and not lines[first - 1].strip():
        first -= 1  # the file's last item: no blank line is left at the end
    if at > 0 and not lines[at - 1].endswith(("\n", "\r")):
        block = newline + block
    if at > 0 and lines[at - 1].strip():
        block = newline + block
    if until < len(lines) and lines[until].strip():
        block += newline
    if at >= len(lines) and not roadmap.source.endswith(("\n", "\r")):
        block = block.rstrip("\r\n")  # the file's end: it ends as it did, with no newline
    offset = starts[at] if at < len(starts) else len(roadmap.source)
    end = starts[until] if until < len(starts) else len(roadmap.source)
    out = Edit(starts[first], starts[last] if last < len(starts) else len(roadmap.source), "")
    return sorted([out, Edit(offset, end, block)], key=lambda edit: edit.start)


def _last_written(lines: list[str], target: Section) -> int:
    """The index of the line after ``target``'s last written line, above a rule that
    closes the section (``---`` before the next heading)."""
    at = target.end_line
    while at > 0 and not lines[at - 1].strip():
        at -= 1
    while at > target.position.line and _RULE.fullmatch(lines[at - 1].strip()):
        at -= 1
        while at > target.position.line and not lines[at - 1].strip():
            at -= 1
    return at


def placeholder_line(lines: list[str], target: Section, at: int) -> int | None:
    """The index of the one line a section writes where it says it holds nothing."""
    written = [index for index in range(target.position.line, at) if lines[index].strip()]
    return written[0] if len(written) == 1 and _says_nothing(lines[written[0]]) else None


def _says_nothing(line: str) -> bool:
    """Whether a line says its section holds nothing: ``_None._``, ``- None yet``."""
    bullet = _BULLET.match(line)
    return _NOTHING.fullmatch(line[bullet.end() if bullet else 0 :].rstrip("\r\n")) is not None


_BULLET = LazyPattern(r"[ \t]{0,3}[-*+][ \t]+")


@record
class Recount:
    """The edits that count again the headings of the two sections a move changes
    (``## To Do (2)`` to ``## To Do (1)``), and what the gate is to allow for them."""

    edits: tuple[Edit, ...] = ()
    names: tuple[tuple[str, str], ...] = ()  # (old, new) section names
    blocks: frozenset[int] = frozenset()  # the headings' lines, 1-based


def recount(roadmap: Roadmap, leaving: str | None, entering: Section) -> Recount:
    """The count closing each heading of the section an item leaves and the one it
    enters, one less and one more, where the count is the number of items the section
    holds (a number in brackets that counts something else, ``Q3 (2026)``, stays)."""
    starts = line_starts(roadmap.source)
    lines = split_lines(roadmap.source)
    edits: list[Edit] = []
    names: list[tuple[str, str]] = []
    blocks: set[int] = set()
    for name, step in ((leaving, -1), (entering.name, 1)):
        # the section's one heading of that name (a section may be a heading of any level)
        headings = [found for found in roadmap.headings if found.text == name]
        counted = _COUNTED.fullmatch(name or "")
        if len(headings) != 1 or counted is None or leaving == entering.name:
            continue
        held = sum(1 for item in roadmap.items if item.section == name)
        if int(counted["count"]) != held:
            continue
        index = headings[0].position.line - 1
        line = lines[index].rstrip("\r\n")
        at = line.rfind(f"({counted['count']})")
        if at < 0:
            continue
        start = starts[index] + at + 1
        edits.append(Edit(start, start + len(counted["count"]), str(held + step)))
        names.append((name or "", f"{counted['name']} ({held + step})"))
        blocks.add(index + 1)
    return Recount(tuple(edits), tuple(names), frozenset(blocks))
