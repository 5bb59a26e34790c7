"""The write half of each shape: the writer that edits an item, found by the shape that read it.

The reader's ``reader/shapes`` only reads; a shape's edits live here and in the
module named after it (``edit/table.py``, ``edit/checkbox.py``; task folders in
``edit/taskfiles.py``). Heading items are ``edit/item.py``'s own, so every
function here answers None for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from roadmaplint.errors import RoadmapError
from roadmaplint.reader.dialect import DEPENDS_ON
from roadmaplint.reader.shapes import shape_of
from roadmaplint.text import Edit, line_starts, split_lines

if TYPE_CHECKING:
    from roadmaplint.edit.base import ItemEdit, NewItem
    from roadmaplint.model import Item, Roadmap
    from roadmaplint.settings import Settings

    _Edit = Callable[[Roadmap, Item, ItemEdit, Settings], str]
    _New = Callable[[Roadmap, NewItem, Settings], tuple[str, str] | None]


def is_shaped(roadmap: Roadmap, item: Item) -> bool:
    """Whether a shape other than headings read ``item``."""
    return shape_of(roadmap, item) is not None


def edit_shaped(roadmap: Roadmap, item: Item, edit: ItemEdit, settings: Settings) -> str | None:
    """The text with ``edit`` made to a row's or a box's item (not yet proved); None for a
    heading item."""
    shape = shape_of(roadmap, item)
    if shape is None:
        return None
    from roadmaplint.edit.base import check_one_line

    # every shape's values are one line, the dependencies to remove included
    for value in (*edit.add_deps, *edit.remove_deps):
        check_one_line(value, "Depends on")
    for change in edit.fields:
        check_one_line(change.value, change.name)
    if edit.title is not None:
        _one_title(edit.title)
    return _writer(shape.name)[0](roadmap, item, edit, settings)


def _one_title(title: str) -> None:
    """Refuse a title that is not one non-empty line: a row or a box without one would
    read as another item, named by what follows."""
    from roadmaplint.edit.base import check_one_line

    check_one_line(title, "the title")
    if not title.strip():
        raise RoadmapError("the title is one non-empty line")


def new_shaped(
    roadmap: Roadmap, last: Item, request: NewItem, settings: Settings
) -> tuple[str, str] | None:
    """The text with a new item added after ``last`` in its shape's style, and its ID; None
    when ``last`` is a heading item or its shape cannot add one there."""
    shape = shape_of(roadmap, last)
    if shape is None:
        return None
    _one_title(request.title)
    return _writer(shape.name)[1](roadmap, request, settings)


def _writer(name: str) -> tuple[_Edit, _New]:
    """The edit and new functions of the shape ``name`` (imported when first needed)."""
    if name == "table-rows":
        from roadmaplint.edit.table import edit_row, new_row

        return edit_row, new_row
    if name == "checkboxes":
        from roadmaplint.edit.checkbox import edit_box, new_box

        return edit_box, new_box
    raise RoadmapError(f"the {name} shape has no writer for this edit")


def rename_edits(roadmap: Roadmap, item: Item, old: str, new: str) -> list[Edit]:
    """The edits that rename a table row's or a box's ID: the ID where the line writes it,
    and each mention in the Depends-on cell (or inline dependencies) of its dependents."""
    lines = split_lines(roadmap.source)
    starts = line_starts(roadmap.source)
    mention = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    index = item.position.line - 1
    named = named_by_title(roadmap, item, lines[index])
    if named is not None:
        return [named(starts[index], new)]
    found = mention.search(lines[index], item.position.column - 1)
    if found is None:
        raise RoadmapError(
            f"{roadmap.path}:{item.position.line}: {old} is not written on its line; "
            "rename it by hand"
        )
    edits = [Edit(starts[index] + found.start(), starts[index] + found.end(), new)]
    for other in roadmap.items:
        depends = other.field(DEPENDS_ON)
        if depends is None or old not in other.depends_on:
            continue
        at = depends.position.line - 1
        line = lines[at]
        begin = depends.value_position.column - 1
        cell_end = line.find("|", begin) if line.lstrip().startswith("|") else -1
        end = cell_end if cell_end >= 0 else len(line)
        edits += [
            Edit(starts[at] + match.start(), starts[at] + match.end(), new)
            for match in mention.finditer(line, begin, end)
        ]
    return edits


def named_by_title(roadmap: Roadmap, item: Item, line: str) -> Callable[[int, str], Edit] | None:
    """For a box named by its title (no ID written), the edit that writes an ID before
    the title: renaming it gives it an ID. A table row without an ID column has no cell
    for one: a one-line refusal. None for an item that has an ID."""
    from roadmaplint.reader.shapes.checkbox import BOX

    shape = shape_of(roadmap, item)
    if shape is None or not item.named_by_title:
        return None
    box = BOX.match(line)
    if shape.name != "checkboxes" or box is None:
        raise RoadmapError(
            f"{roadmap.path}:{item.position.line}: {item.id} is named by its title and its "
            "table has no ID column; add one by hand to give it an ID"
        )
    at = box.end()
    return lambda start, new: Edit(start + at, start + at, f"{new} ")
