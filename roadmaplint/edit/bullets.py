"""A plain bullet's status, written where the document says it.

A bullet without a box (``- Write the docs``) writes no status of its own: a document
that strikes its finished work through says done with the strike (``- ~~Add CI~~``),
and a board says it with the status heading the bullet stands under (``## In
Progress``). Setting the status strikes or unstrikes the bullet, or moves its lines
to the end of the list under the heading of the new status, as a person does; a Status
field written under the bullet would be read as nothing, or as another bullet. Every
edit passes the one write gate, and the status must read back as set.
"""

from __future__ import annotations

from collections.abc import Callable

from roadmaplint.edit.base import ItemEdit
from roadmaplint.edit.moves import empty_section_named, placeholder_line, recount, section_named
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item, Roadmap, Section
from roadmaplint.reader import normalize_key, parse
from roadmaplint.reader.shapes.checkbox import BOX, TOP_BULLET, strikes_finished_bullets
from roadmaplint.record import replace
from roadmaplint.settings import Settings, common_meaning
from roadmaplint.text import Edit, LazyPattern, apply_edits, line_starts, split_lines
from roadmaplint.write.proof import Targets, prove_edit

_Edit = Callable[[Roadmap, Item, ItemEdit, Settings], str]
# A bullet's text struck through whole: ``~~Add CI~~``, a comment after it or not.
_STRUCK = LazyPattern(r"~~(?P<text>[^~](?:[^~]|~(?!~))*)~~")


def bullet_status(
    roadmap: Roadmap, item: Item, edit: ItemEdit, settings: Settings, rest: _Edit
) -> str | None:
    """The text with the status ``edit`` sets written as ``item``'s bullet says it (the
    rest of ``edit`` made first by ``rest``); None for an item that is no plain bullet,
    or an edit that sets no status."""
    statuses = [change for change in edit.fields if normalize_key(change.name) == "status"]
    lines = split_lines(roadmap.source)
    line = lines[item.position.line - 1]
    if len(statuses) != 1 or TOP_BULLET.match(line) is None or BOX.match(line) is not None:
        return None
    status = item.field("status")
    if status is not None and status.value_position != item.position:
        return None  # written in a field of its own: the field is edited
    value = statuses[0].value.strip()
    others = replace(edit, fields=tuple(c for c in edit.fields if c is not statuses[0]))
    where = f"{roadmap.path}:{item.position.line}"
    if strikes_finished_bullets(lines):
        wanted = "done" if common_meaning(value) == "done" else "open"
        if wanted == "open" and common_meaning(value) not in (None, "todo", "ready"):
            raise RoadmapError(
                f"{where}: {item.id} is a bullet, done where it is struck through (~~...~~) "
                f"and open where not; not {value!r}: edit the line by hand"
            )
        before = _after_rest(roadmap, item, others, settings, rest)
        return _restrike(before, _found(before, item, settings), wanted == "done", settings, where)
    target = None
    if item.section is not None:
        target = section_named(roadmap, value) or empty_section_named(roadmap, item.section, value)
    if target is not None and target.name == item.section:
        # the column it stands in already: the status is no change, the rest is made
        return rest(roadmap, item, others, settings) if not others.is_empty() else roadmap.source
    if target is None:
        if status is not None and common_meaning(item.section or ""):
            raise RoadmapError(
                f"{where}: {item.id} is a bullet whose status is the heading it stands under "
                f"({item.section}); no heading of the level names {value!r}: move it by hand"
            )
        return None
    before = _after_rest(roadmap, item, others, settings, rest)
    return _moved(before, _found(before, item, settings), target, settings, where)


def _after_rest(
    roadmap: Roadmap, item: Item, others: ItemEdit, settings: Settings, rest: _Edit
) -> Roadmap:
    if not (others.fields or others.title or others.add_deps or others.remove_deps):
        return roadmap
    return parse(rest(roadmap, item, others, settings), roadmap.path, settings)


def _found(roadmap: Roadmap, item: Item, settings: Settings) -> Item:
    """``item`` as ``roadmap`` reads it (after the rest of the edit: a new title names a
    bullet named by its title anew)."""
    found = next((i for i in roadmap.items if i.position.line == item.position.line), None)
    assert found is not None  # the rest of the edit was proved: the item stands where it did
    return found


def _restrike(roadmap: Roadmap, item: Item, done: bool, settings: Settings, where: str) -> str:
    lines = split_lines(roadmap.source)
    index = item.position.line - 1
    line = lines[index]
    body = line.rstrip("\r\n")
    start = TOP_BULLET.match(body).end()  # type: ignore[union-attr]
    struck = _STRUCK.match(body, start)
    if done and struck is None:
        end = len(body.rstrip())
        lines[index] = body[:start] + "~~" + body[start:end] + "~~" + body[end:] + line[len(body) :]
    elif not done and struck is not None:
        lines[index] = body[:start] + struck["text"] + body[struck.end() :] + line[len(body) :]
    new_text = "".join(lines)
    if new_text == roadmap.source:
        return new_text
    after = prove_edit(roadmap, new_text, Targets(items=frozenset({item.id})), settings)
    edited = next((i for i in after.items if i.position.line == item.position.line), None)
    wanted = "done" if done else "open"
    if edited is None or common_meaning(edited.status or "") != common_meaning(wanted):
        raise RoadmapError(
            f"{where}: {item.id}'s status would read back as "
            f"{edited.status if edited else None!r}, not {wanted!r}; nothing written: "
            "edit the line by hand"
        )
    return new_text


def _moved(roadmap: Roadmap, item: Item, target: Section, settings: Settings, where: str) -> str:
    """The bullet's lines taken out of its list and put at the end of the list under the
    heading ``target`` (the first thing under it where it holds no list)."""
    section = target.name
    lines = split_lines(roadmap.source)
    starts = line_starts(roadmap.source)
    first, last = item.position.line - 1, item.end_line  # lines[first:last]
    while last > first + 1 and not lines[last - 1].strip():
        last -= 1
    body = "".join(lines[first:last])
    if not body.endswith(("\n", "\r")):
        body += roadmap.style.newline
    at = _end_of_list(lines, target)
    if at is None:
        raise RoadmapError(
            f"{where}: {item.id} would go to the end of the section {section}, which ends "
            "with no list; nothing written: move it by hand"
        )
    if first <= at <= last:
        return roadmap.source
    until = at
    said = placeholder_line(lines, target, at)  # ``- None yet``: the bullet takes its place
    if said is not None:
        at, until = said, said + 1
    elif not _has_bullet(lines, target):
        body = roadmap.style.newline + body  # a heading with no list: the list begins
    # a list of this one bullet goes whole, with the blank line after it
    alone = (first == 0 or not lines[first - 1].strip()) and (
        last >= len(lines) or not lines[last].strip()
    )
    if alone and last < len(lines):
        last += 1
    final = roadmap.source.endswith(("\n", "\r"))
    start = starts[first]
    if alone and last >= len(lines):
        # the file's last list: the blank lines above it go too, so that none is left
        # at the end (the heading left last keeps its own newline: the gate's to guard)
        while first > at + 1 and not lines[first - 1].strip():
            first -= 1
        start = starts[first]
    end = starts[last] if last < len(starts) else len(roadmap.source)
    offset = starts[at] if at < len(starts) else len(roadmap.source)
    closing = starts[until] if until < len(starts) else len(roadmap.source)
    if at >= len(lines) and not final:
        body = roadmap.style.newline + body[: -len(_line_end(body))]
    counts = recount(roadmap, item.section, target)  # ``## To Do (2)``: counted again
    edits = sorted([Edit(start, end, ""), Edit(offset, closing, body), *counts.edits], key=_start)
    new_text = apply_edits(roadmap.source, edits)
    names = frozenset({item.section or "", section})
    placeholder = frozenset({said + 1} if said is not None else ())
    targets = Targets(
        items=frozenset({item.id}),
        sections=names,
        blocks=placeholder | counts.blocks,
        recounted=counts.names,
    )
    after = prove_edit(roadmap, new_text, targets, settings, edits)
    if [other.id for other in after.items if other.id != item.id] != [
        other.id for other in roadmap.items if other.id != item.id
    ]:
        raise RoadmapError(f"{where}: refusing to write: the move reached other items")
    moved = next((other for other in after.items if other.id == item.id), None)
    if moved is None or common_meaning(moved.status or "") != common_meaning(
        dict(counts.names).get(section, section)
    ):
        raise RoadmapError(
            f"{where}: {item.id}'s status would read back as "
            f"{moved.status if moved else None!r}, not {section!r}; nothing written: "
            "move it by hand"
        )
    return new_text


def _line_end(line: str) -> str:
    """The newline a line ends with (``\\r\\n``, ``\\n``, ``\\r``), or nothing."""
    return line[len(line.rstrip("\r\n")) :]


def _start(edit: Edit) -> int:
    return edit.start


def _has_bullet(lines: list[str], target: Section) -> bool:
    return any(TOP_BULLET.match(line) for line in lines[target.position.line : target.end_line])


def _end_of_list(lines: list[str], target: Section) -> int | None:
    """The index of the line after the last line of the list under ``target``'s heading;
    after the heading's blank line where it holds no list; None where it holds other
    blocks after its list (a paragraph, a table), which a bullet put there would join."""
    at = target.end_line
    while at > target.position.line and not lines[at - 1].strip():
        at -= 1
    if at == target.position.line:
        return at
    last = lines[at - 1]
    return at if TOP_BULLET.match(last) or last[:1] in " \t" else None
