"""The write half of a list whose lead marks are its statuses (``reader/shapes/marked.py``).

Such a line says its status by the mark that opens it (``x Title`` done, ``* Title`` open;
``+ done`` by the list's legend), and nothing else can be written on it as the list
writes things: setting the status rewrites the mark, as a person does, and any other
change is refused with a word of where to make it. The edit passes the one write gate,
and the status must read back as set.
"""

from __future__ import annotations

from roadmaplint.edit.base import ItemEdit
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item, Roadmap
from roadmaplint.reader import normalize_key
from roadmaplint.reader.shapes.marked import marked_list
from roadmaplint.settings import Settings, common_meaning
from roadmaplint.text import split_lines
from roadmaplint.write.proof import Targets, prove_edit


def marked_status(roadmap: Roadmap, item: Item, edit: ItemEdit, settings: Settings) -> str | None:
    """The text with ``item``'s lead mark rewritten for the status ``edit`` sets; None for
    an item that is no line of such a list."""
    lines = split_lines(roadmap.source)
    marked = marked_list([line.rstrip("\r\n") for line in lines])
    index = item.position.line - 1
    if marked is None or not any(number == index for number, _, _ in marked.lines):
        return None
    where = f"{roadmap.path}:{item.position.line}"
    statuses = [change for change in edit.fields if normalize_key(change.name) == "status"]
    if len(statuses) != 1 or len(edit.fields) != 1 or not _only_fields(edit):
        raise RoadmapError(
            f"{where}: {item.id} is a line of a list whose marks are its statuses; only its "
            "status can be set here (the mark is rewritten): edit the rest by hand"
        )
    wanted = statuses[0].value.strip()
    mark = _mark_for(marked.statuses, wanted)
    if mark is None:
        said = ", ".join(f"{m} {word}" for m, word in marked.statuses.items() if m != "-")
        raise RoadmapError(
            f"{where}: {item.id}'s status is its line's mark ({said}); no mark says "
            f"{wanted!r}: give one of those statuses"
        )
    line = lines[index]
    if line[:1] == mark:
        return roadmap.source
    lines[index] = mark + line[1:]  # a marked line stands at the margin, its mark first
    new_text = "".join(lines)
    after = prove_edit(roadmap, new_text, Targets(items=frozenset({item.id})), settings)
    edited = next((i for i in after.items if i.position.line == item.position.line), None)
    if edited is None or common_meaning(edited.status) != common_meaning(marked.statuses[mark]):
        raise RoadmapError(
            f"{where}: {item.id}'s status would read back as "
            f"{edited.status if edited else None!r}, not {wanted!r}; nothing written: "
            "edit the line by hand"
        )
    return new_text


def _only_fields(edit: ItemEdit) -> bool:
    return not (
        edit.add_deps or edit.remove_deps or edit.title is not None or edit.tick or edit.untick
    )


def _mark_for(statuses: dict[str, str], wanted: str) -> str | None:
    """The mark whose word is ``wanted``, else the one whose word means the same
    (``done`` for ``complete``); a list of done lines opens its open ones with ``*``."""
    for mark, word in statuses.items():
        if word.casefold() == wanted.casefold():
            return mark
    meaning = common_meaning(wanted)
    if meaning is None:
        return None
    for mark, word in statuses.items():
        if common_meaning(word) == meaning:
            return mark
    return None
