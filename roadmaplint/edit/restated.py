"""Edits of a task a later row or bullet restates (``Item.restated``).

A plan of task boxes may list some again: a sprint's ``| 0.1.1 Set up Stripe account |
🟡 TODO | Jo |``, a Done log's ``- ✅ 0.2.1 Implement auth``. The reader reads each as
one item whose status is the one said last; a restatement is one only while it names
the task's ID and its title begins as the task's does. So a new status is written where
it is read (the row's cell), a new title on the task and on each restatement that would
no longer begin alike, and a rename on every line that names the ID. A Done log says
done by its place: another status there is refused in one line.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from roadmaplint.edit.base import FieldChange, ItemEdit, document_reader
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item, Roadmap
from roadmaplint.reader import begins_alike, normalize_key, parse
from roadmaplint.reader.shapes.checkbox import BOX
from roadmaplint.record import replace
from roadmaplint.settings import Settings, common_meaning
from roadmaplint.text import Edit, LazyPattern, apply_edits, line_starts, split_lines
from roadmaplint.write.proof import Targets, prove_edit

_Edit = Callable[[Roadmap, Item, ItemEdit, Settings], str]
# What may stand before a restatement's ID: a list marker or a row's bar, marks
# (``✅``), emphasis and a box (``[x]``).
# Possessive: matched from a line's start with nothing after, so never given back; a run
# of marks is one try, not every way of splitting it.
_LEAD = LazyPattern(r"[ \t]*+(?:\|[ \t]*+|[-*+][ \t]++)(?:\[[ xX]\][ \t]*+|[^\w\s|\[]++[ \t]*+)*+")


def restatements(roadmap: Roadmap, item: Item) -> list[tuple[int, int]]:
    """``(line index, column of the ID)`` of each row or bullet below ``item`` that
    names it first, outside every item's lines."""
    if not item.restated:
        return []
    lines = split_lines(roadmap.source)
    spans = [(other.position.line, other.end_line) for other in roadmap.items]
    named = re.compile(rf"{re.escape(item.id)}(?![\w-]|\.\w)")
    found = []
    for index in range(item.end_line, len(lines)):
        line = lines[index]
        lead = _LEAD.match(line)
        if lead is None or not named.match(line, lead.end()):
            continue
        if any(first <= index + 1 <= last for first, last in spans):
            continue
        found.append((index, lead.end()))
    return found


def rename_restated(roadmap: Roadmap, item: Item, new: str) -> list[Edit]:
    """The edits that rename ``item``'s ID where a row or a bullet restates it."""
    starts = line_starts(roadmap.source)
    return [
        Edit(starts[index] + at, starts[index] + at + len(item.id), new)
        for index, at in restatements(roadmap, item)
    ]


def edit_restated(
    roadmap: Roadmap, item: Item, edit: ItemEdit, settings: Settings, rest: _Edit
) -> str | None:
    """The text with ``edit`` made to a restated task: its status and owner where they
    are read, its title on every line that writes it; the rest of ``edit`` by ``rest``.
    None for a task no row or bullet restates, or an edit of none of these."""
    elsewhere: dict[str, str] = {}  # a value to write where a restatement gives it
    kept: list[FieldChange] = []
    for change in edit.fields:
        key = normalize_key(change.name)
        found = item.field(key)
        value = change.value.strip()
        meaning = common_meaning(value) if key == "status" else None
        if meaning is not None and meaning == common_meaning(item.status):
            continue  # ``done`` where the log says ``✅``: no change
        if key in _RESTATED and found is not None and found.position.line != item.position.line:
            elsewhere[key] = value
        else:
            kept.append(change)
    if not elsewhere and edit.title is None and len(kept) == len(edit.fields):
        return None
    others = replace(edit, fields=tuple(kept), title=None)
    text = rest(roadmap, item, others, settings) if not others.is_empty() else roadmap.source
    current = parse(text, roadmap.path, settings) if text != roadmap.source else roadmap
    task = next(other for other in current.items if other.id == item.id)
    cells = {key: _cell_edit(current, task, key, value) for key, value in elsewhere.items()}
    said = {key: cell[1] for key, cell in cells.items()}
    edits = [cell[0] for cell in cells.values()]
    if "status" in elsewhere:
        edits += _own_box(current, task, elsewhere["status"])
    if edit.title is not None:
        edits += _title_edits(current, task, edit.title.strip())
    if not edits:
        return text
    edits.sort(key=lambda one: one.start)
    blocks: set[int] = set()
    for edited in edits:
        line = _line_of(current, edited.start)
        blocks |= {block.line for block in current.blocks if block.line <= line <= block.end_line}
    new_text = apply_edits(current.source, edits)
    targets = Targets(items=frozenset({item.id}), same_items=True, blocks=frozenset(blocks))
    after = prove_edit(current, new_text, targets, settings, edits)
    _read_back(current, next(other for other in after.items if other.id == item.id), said, edit)
    return new_text


# The fields a restatement gives its task: the status said last, an owner where it has none.
_RESTATED = ("status", "dri")


def _cell_edit(roadmap: Roadmap, task: Item, key: str, value: str) -> tuple[Edit, str]:
    """``value`` written where the task's field ``key`` is read, and what it reads as: a
    table row's cell, in the spelling the column gives that status (``✅ DONE`` for done),
    or a schedule's box, ticked for done. A bullet says its status by the log it stands
    in (``- ✅ 0.2.1 ...`` under ``## Done``): refused."""
    found = task.field(key)
    assert found is not None
    lines = split_lines(roadmap.source)
    index = found.value_position.line - 1
    line = lines[index]
    column = found.value_position.column - 1
    box = BOX.match(line)
    if box is not None and key == "status":
        return _box_edit(roadmap, task, index, box, value)
    if not line.lstrip().startswith("|"):
        raise RoadmapError(
            f"{roadmap.path}:{index + 1}: {task.id}'s {found.name} is read from this line, "
            f"which logs it as {found.value!r}; take it out of the log by hand to set it"
        )
    if key == "status":
        value = _spelt(lines, index, column, value)
    start = line.rfind("|", 0, column) + 1
    end = line.find("|", column)
    end = end if end >= 0 else len(line.rstrip("\r\n"))
    cell = line[start:end]
    content = cell.strip()
    at = start + cell.index(content[:1]) if content else start
    offset = line_starts(roadmap.source)[index]
    return Edit(offset + at, offset + at + len(content), value), value


def _box_edit(
    roadmap: Roadmap, task: Item, index: int, box: re.Match[str], value: str
) -> tuple[Edit, str]:
    """A schedule's box (``- [ ] P1.2 - Add credentials``) ticked for done, cleared for a
    status not begun; it says no other."""
    meaning = common_meaning(value)
    if meaning not in ("done", "todo", "ready") and value.casefold() not in ("open", "[ ]"):
        raise RoadmapError(
            f"{roadmap.path}:{index + 1}: {task.id}'s status is read from this box, which "
            f"says done or not begun; not {value!r}: edit the line by hand"
        )
    done = meaning == "done"
    offset = line_starts(roadmap.source)[index]
    edit = Edit(offset + box.start("mark"), offset + box.end("mark"), "x" if done else " ")
    return edit, "done" if done else "[ ]"


def _own_box(roadmap: Roadmap, task: Item, value: str) -> list[Edit]:
    """The task's own box made to agree with the status its row now says: ticked for
    done, cleared for another where it was ticked (a ``[ ]`` under ``✅ DONE`` says the
    opposite of the row). A box with another mark (``[-]``) is left as written."""
    index = task.position.line - 1
    line = split_lines(roadmap.source)[index]
    box = BOX.match(line)
    if box is None or box["mark"] not in (" ", "x", "X"):
        return []
    done = common_meaning(value) == "done"
    if done == (box["mark"] != " "):
        return []
    offset = line_starts(roadmap.source)[index]
    return [Edit(offset + box.start("mark"), offset + box.end("mark"), "x" if done else " ")]


def _spelt(lines: list[str], index: int, column: int, value: str) -> str:
    """``value`` as the other rows of the table spell a status of its meaning in the
    same column (``done``: ``✅ DONE``), where they spell it one way; else as given."""
    meaning = common_meaning(value)
    if meaning is None:
        return value
    cell = lines[index][:column].count("|")
    first = last = index
    while first > 0 and lines[first - 1].lstrip().startswith("|"):
        first -= 1
    while last + 1 < len(lines) and lines[last + 1].lstrip().startswith("|"):
        last += 1
    spellings = set()
    for line in lines[first : last + 1]:
        cells = line.rstrip("\r\n").split("|")
        written = cells[cell].strip() if cell < len(cells) else ""
        if written and common_meaning(written) == meaning:
            spellings.add(written)
    return spellings.pop() if len(spellings) == 1 else value


def _title_edits(roadmap: Roadmap, task: Item, title: str) -> list[Edit]:
    """The title written on the task's line, and on each restatement whose title would
    no longer begin as the new one does."""
    lines = split_lines(roadmap.source)
    starts = line_starts(roadmap.source)
    index = task.position.line - 1
    own = lines[index]
    id_at = own.find(task.id)
    at = own.find(task.title, id_at + len(task.id) if id_at >= 0 else 0)
    if at < 0:
        raise RoadmapError(
            f"{roadmap.path}:{index + 1}: cannot find {task.id}'s title written as the reader "
            "reads it; edit the title by hand"
        )
    edits = [Edit(starts[index] + at, starts[index] + at + len(task.title), title)]
    for row, id_at in restatements(roadmap, task):
        line = lines[row].rstrip("\r\n")
        begin = id_at + len(task.id)
        begin += len(line[begin:]) - len(line[begin:].lstrip(" \t*_`"))
        end = line.find("|", begin) if line.lstrip().startswith("|") else len(line)
        written = line[begin:end].rstrip()
        note = written.find(" (")
        written = written[:note] if note > 0 else written  # ``(API key middleware)`` stays
        if begins_alike(title, written) or not begins_alike(task.title, written):
            continue  # it follows the title, or names the task in words of its own
        edits.append(Edit(starts[row] + begin, starts[row] + begin + len(written), title))
    return edits


def _read_back(before: Roadmap, edited: Item, said: dict[str, str], edit: ItemEdit) -> None:
    read = document_reader(before)
    where = f"{before.path}:{edited.position.line}"
    for key, value in said.items():
        found = edited.field(key)
        actual = found.value if found is not None else ""
        if actual != read(value) and not (key == "status" and _same_status(actual, value)):
            raise RoadmapError(
                f"{where}: {edited.id}'s {key} would read back as {actual!r}, not "
                f"{read(value)!r}; nothing written: edit it by hand"
            )
    if edit.title is not None and edited.title != read(edit.title.strip()):
        raise RoadmapError(
            f"{where}: {edited.id}'s title would read back as {edited.title!r}, not "
            f"{read(edit.title.strip())!r}; nothing written: edit it by hand"
        )


def _same_status(actual: str, asked: str) -> bool:
    """Whether the column's spelling of a status means the one asked (``✅ DONE``)."""
    return common_meaning(asked) is not None and common_meaning(actual) == common_meaning(asked)


def _line_of(roadmap: Roadmap, offset: int) -> int:
    from bisect import bisect_right

    return bisect_right(line_starts(roadmap.source), offset)
