"""Items written as a paragraph over a field list: ``B01 — Title`` (or ``**B01: Title**``)
on a line of its own, right above ``- Owner: Impl`` / ``- Dependency: R01`` bullets.

The item is the heading shape's, written without the heading's hashes: an ID the ID
pattern matches, a title, and a list whose every bullet is a ``Key: value`` field, one
of them a known field (status, priority, owner, dependencies). The checkbox shape's list
reader asks this module about a plain list; a list that is anything else stays prose.
"""

from __future__ import annotations

import re

from roadmaplint.model import Block, Field, Item, Position
from roadmaplint.reader.dialect import DEPENDS_ON, patterns
from roadmaplint.reader.shapes import Document
from roadmaplint.reader.shapes.common import make_item
from roadmaplint.text import LazyPattern

_LEAD = LazyPattern(r"(?P<id>[^\s:*]+):?[ \t]+(?:[—–-][ \t]+)?(?P<title>\S.*)")
_FIELD = LazyPattern(
    r"[ \t]*[-*+][ \t]+(?:\*\*)?(?P<key>[A-Za-z][A-Za-z ]{0,30}?)(?::\*\*|\*\*:|:)"
    r"[ \t]*+(?P<value>.*)"
)
# A box that only labels its ID (``- [x] Task ID: SETUP-001``): its fields name it.
_LABELLED_ID = LazyPattern(r"(?:task[ \t]+)?id:[ \t]*(?P<id>\S+)", re.IGNORECASE)
_KNOWN = ("status", "priority", "dri", DEPENDS_ON)
# Names of a known field that only a field list under a paragraph uses.
_ALIASES = {"dependency": DEPENDS_ON}


def read_paragraph_item(
    document: Document, index: int, entries: list[tuple[int, int]]
) -> tuple[list[Item], tuple[Block, ...]]:
    """The item a one-line paragraph ``ID — Title`` and the field list ``tokens[index]``
    opens below it make; none when they are anything else."""
    tokens, lines = document.tokens, document.lines
    if index < 2 or not entries:
        return [], ()
    inline, close = tokens[index - 2], tokens[index - 1]
    if close.type != "paragraph_close" or inline.type != "inline" or inline.map is None:
        return [], ()
    text = inline.content.strip()
    if "\n" in text or inline.map[1] != entries[0][0]:
        return [], ()  # the title stands on the line right above the fields
    if text.startswith("**") and text.endswith("**") and len(text) > 4:
        text = text[2:-2].strip()
    lead = _LEAD.fullmatch(text)
    id_only = patterns(document.dialect.id_pattern).id_only
    if lead is None or not id_only.fullmatch(lead["id"]):
        return [], ()
    fields = []
    for first, _ in entries:
        match = _FIELD.fullmatch(lines[first].rstrip("\r\n"))
        if match is None:
            return [], ()
        name = match["key"].strip()
        key = _ALIASES.get(name.lower()) or document.dialect.key(name)
        at = Position(first + 1, match.start("key") + 1)
        fields.append(Field(name, key, match["value"].strip(), at, at, first + 1))
    if not any(field.key in _KNOWN for field in fields):
        return [], ()
    line = inline.map[0] + 1
    last = entries[-1][1]
    while last > entries[-1][0] and not lines[last].strip():
        last -= 1
    here = Position(line, len(lines[line - 1]) - len(lines[line - 1].lstrip()) + 1)
    title = document.inline(lead["title"].strip())
    section = document.section_above(line)
    item = make_item(lead["id"], title, section, here, last + 1, fields, document.dialect)
    return [item], tuple(Block("list", first + 1, end + 1) for first, end in entries)


def labelled_box(text: str, document: Document, first: int, last: int) -> tuple[str, str] | None:
    """``(ID, title)`` of a box whose text only labels its ID (``Task ID: SETUP-001``) over
    a nested field list with a ``**Title:**``; None for any other box. The list's other
    fields are read as any box's nested fields are."""
    label = _LABELLED_ID.fullmatch(text.strip())
    id_only = patterns(document.dialect.id_pattern).id_only
    if label is None or not id_only.fullmatch(label["id"]):
        return None
    for number in range(first + 1, last + 1):
        match = _FIELD.fullmatch(document.lines[number].rstrip("\r\n"))
        if match and match["value"].strip() and document.dialect.key(match["key"]) == "title":
            return label["id"], document.inline(match["value"].strip())
    return None
