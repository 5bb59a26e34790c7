"""Writing checkbox items: ``set --status`` changes the box (``done`` ticks it),
``--done-item`` ticks a nested box, ``new`` adds a line in the list's style.

Every edit changes the marks between the brackets (or adds a line) and passes the
one write gate, which reads the text back and refuses anything else that changed.
"""

from __future__ import annotations

from roadmaplint.edit.item import ItemEdit, items_changed
from roadmaplint.edit.new import NewItem
from roadmaplint.errors import RoadmapError
from roadmaplint.model import DoneCriterion, Item, Roadmap
from roadmaplint.reader.shapes.checkbox import BOX, STATUS_OF_BOX, marker_legend
from roadmaplint.settings import Settings
from roadmaplint.text import split_lines
from roadmaplint.write.proof import prove_edit

_EDITABLE = ("status",)


def _marks(lines: list[str]) -> dict[str, str]:
    """The status each mark writes: ``done`` -> ``x``, ``ready`` -> `` ``, and the
    document's legend words for its other markers."""
    marks = {status: mark for mark, status in marker_legend(lines).items()}
    marks.update({"ready": " ", "open": " ", "todo": " ", "done": "x"})
    return marks


def _with_mark(line: str, mark: str) -> str:
    match = BOX.match(line)
    assert match is not None
    at = match.start("mark")
    return line[:at] + mark + line[at + 1 :]


def edit_box(roadmap: Roadmap, item: Item, edit: ItemEdit, settings: Settings) -> str:
    where = f"{roadmap.path}:{item.position.line}"
    if edit.add_deps or edit.remove_deps or edit.title is not None:
        raise RoadmapError(f"{where}: a checkbox item takes --status and --done-item only")
    lines = split_lines(roadmap.source)
    new = list(lines)
    for change in edit.fields:
        if change.name.strip().lower() not in _EDITABLE:
            raise RoadmapError(f"{where}: a checkbox item takes --status and --done-item only")
        marks = _marks(lines)
        mark = marks.get(change.value)
        if mark is None:
            raise RoadmapError(
                f"{where}: a box writes the statuses {', '.join(sorted(marks))}; "
                f"not {change.value!r}"
            )
        row = item.position.line - 1
        new[row] = _with_mark(new[row], mark)
    for entry, mark in [*((e, "x") for e in edit.tick), *((e, " ") for e in edit.untick)]:
        criterion = _criterion(item, entry, where)
        new[criterion.line - 1] = _with_mark(new[criterion.line - 1], mark)
    new_text = "".join(new)
    if new_text == roadmap.source:
        return new_text
    after = prove_edit(roadmap, new_text, items_changed({item.id}), settings)
    edited = next(found for found in after.items if found.id == item.id)
    for change in edit.fields:
        if (
            edited.status != change.value
            and STATUS_OF_BOX.get(_marks(lines)[change.value]) != edited.status
        ):
            raise RoadmapError(f"{where}: {item.id} would not read back as {change.value}")
    return new_text


def _criterion(item: Item, entry: str, where: str) -> DoneCriterion:
    boxes = [done for done in item.definition_of_done if done.checked is not None]
    if entry.isdigit() and 1 <= int(entry) <= len(boxes):
        return boxes[int(entry) - 1]
    found = [done for done in boxes if entry.casefold() in done.text.casefold()]
    if len(found) == 1:
        return found[0]
    raise RoadmapError(
        f"{where}: {item.id} has no{' one' if found else ''} nested box {entry!r}; "
        f"give its number (1 to {len(boxes)}) or words of its text"
    )


def new_box(roadmap: Roadmap, request: NewItem, settings: Settings) -> tuple[str, str] | None:
    """A line after the section's last checkbox item, with its marker and indentation;
    an ID (the next free one, or ``--id``) when the list's items have IDs."""
    from roadmaplint.edit.item import check_one_line
    from roadmaplint.edit.new import _added, next_id
    from roadmaplint.reader.idpattern import id_regex
    from roadmaplint.reader.inline import plain_text
    from roadmaplint.reader.shapes.common import reference_from_title

    check_one_line(request.title, "the title")
    section = request.section.strip()
    members = [item for item in roadmap.items if item.section == section]
    last = members[-1]
    lines = split_lines(roadmap.source)
    match = BOX.match(lines[last.position.line - 1])
    assert match is not None
    ids = {item.id: item for item in roadmap.items}
    with_ids = bool(id_regex(settings.id_pattern).fullmatch(last.id))
    item_id = request.item_id or (next_id(roadmap, section, ids) if with_ids else None)
    mark = " "
    for change in request.fields:
        if change.name.strip().lower() != "status":
            raise RoadmapError(f"{roadmap.path}: a checkbox item takes --status only")
        found = _marks(lines).get(change.value)
        if found is None:
            raise RoadmapError(f"{roadmap.path}: a box cannot write the status {change.value!r}")
        mark = found
    text = f"{item_id} {request.title.strip()}" if item_id else request.title.strip()
    at = last.end_line
    newline = roadmap.style.newline
    if not lines[at - 1].endswith(("\n", "\r")):
        lines[at - 1] += newline
    lines.insert(at, f"{match['lead']}[{mark}] {text}{newline}")
    new_text = "".join(lines)
    reference = item_id or reference_from_title(request.title, set(ids))
    after = prove_edit(roadmap, new_text, _added(reference, None), settings)
    added = next(item for item in after.items if item.id == reference)
    if added.position.line != at + 1 or added.title != plain_text(request.title.strip()):
        raise RoadmapError(f"{roadmap.path}: the new line would not read back as written")
    return new_text, reference
