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
        return _numbered_status(roadmap, item, edit, settings)
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


def _numbered_status(
    roadmap: Roadmap, item: Item, edit: ItemEdit, settings: Settings
) -> str | None:
    """The text with the mark of a numbered entry (``2. 🔄 Playtest``, ``12) + Title``)
    rewritten for the status ``edit`` sets: the mark of that status the list already
    writes, else one of the kind it writes (``✅`` beside emoji, ``+`` beside ASCII).
    None for an item that is no such entry."""
    from roadmaplint.reader.shapes.numbered import (
        CONVENTIONAL,
        NUMBERED_ENTRY,
        PLAN_MARKS,
        read_mark_legend,
    )

    lines = split_lines(roadmap.source)
    index = item.position.line - 1
    entry = NUMBERED_ENTRY.fullmatch(lines[index].rstrip("\r\n"))
    if entry is None or not item.fields or item.fields[0].position.line != item.position.line:
        return None
    where = f"{roadmap.path}:{item.position.line}"
    statuses = [change for change in edit.fields if normalize_key(change.name) == "status"]
    if len(statuses) != 1 or len(edit.fields) != 1 or not _only_fields(edit):
        return None  # the line's other parts: the writers after this one say
    wanted = statuses[0].value.strip()
    meaning = common_meaning(wanted)
    written = [
        found["mark"]
        for line in lines
        if (found := NUMBERED_ENTRY.fullmatch(line.rstrip("\r\n"))) is not None
    ]
    meanings = {**CONVENTIONAL, **read_mark_legend([line.rstrip("\r\n") for line in lines])}
    emoji = entry["mark"] in PLAN_MARKS
    ranked = sorted(
        (mark for mark, word in meanings.items() if common_meaning(word) == meaning),
        key=lambda mark: (mark not in written, (mark in PLAN_MARKS) != emoji),
    )
    if meaning is None or not ranked:
        said = ", ".join(sorted({f"{mark} {meanings[mark]}" for mark in written}))
        raise RoadmapError(
            f"{where}: {item.id}'s status is its entry's mark ({said}); no mark says "
            f"{wanted!r}: give one of those statuses"
        )
    line = lines[index]
    if ranked[0] == entry["mark"]:
        return roadmap.source
    # the mark and its emoji variation selector, if any, give way to the new mark
    end = entry.end("mark")
    if line[end : end + 1] == "\ufe0f":
        end += 1
    lines[index] = line[: entry.start("mark")] + ranked[0] + line[end:]
    new_text = "".join(lines)
    after = prove_edit(roadmap, new_text, Targets(items=frozenset({item.id})), settings)
    edited = next((i for i in after.items if i.position.line == item.position.line), None)
    if edited is None or common_meaning(edited.status) != meaning:
        raise RoadmapError(
            f"{where}: {item.id}'s status would read back as "
            f"{edited.status if edited else None!r}, not {wanted!r}; nothing written: "
            "edit the line by hand"
        )
    return new_text
