"""A band's own short lists of smaller work, beside its heading items.

A board of heading items under horizon bands (``# ⚪ LATER``) may close a band with a
thematic break and, after it, a few lists each under a bold label (``**Polish &
hardening** (from the audit):`` over ``- **Real icons** — replace the placeholders``):
the band's smaller work, written short, each list a group its label names. Each bullet
is an item, named by the ID it
leads with in bold (``- **REV-14** — Extract DATA``, ``- **A1 — Engine API
contract.**``), else by its bold title, else by its first sentence; its status is the
note in italic brackets after its name (``*(base shipped 2026-07-13)*``), else none. A
bullet that lists names apart by middle dots (``Project setup · Icon list · UX spec``)
names references, no work. The checkbox shape's list reader asks this module about a
plain list beside heading items (``read_band_list``).
"""

from __future__ import annotations

import re

from roadmaplint.model import Block, Field, Item, Position
from roadmaplint.reader.dialect import patterns
from roadmaplint.reader.fields import list_label
from roadmaplint.reader.shapes import Document
from roadmaplint.reader.shapes.common import make_item, reference_from_title
from roadmaplint.text import LazyPattern

# The first word of a band of the board's horizons: ``# ⚪ LATER — low-severity fixes``.
_HORIZONS = frozenset(("now", "next", "later", "someday", "future", "backlog", "icebox"))
_BULLET = LazyPattern(r"[ \t]{0,3}[-*+][ \t]+(?!\[)")
# A bullet led by its name in bold, then its text: ``**REV-14** — text``, ``**A1 —
# Engine API contract.** text``, ``**Real icons** — text``.
_BOLD_LEAD = LazyPattern(r"\*\*(?P<bold>[^*\n]{1,200}+)\*\*[ \t]*+(?P<rest>.*)")
# An ID and a title in one bold lead: ``A1 — Engine API contract.``.
_ID_AND_TITLE = LazyPattern(r"(?P<id>[^\s*]{1,24}+)[ \t]++[—–-][ \t]++(?P<title>\S.*)")
# The note in italic brackets after a name that says how far it is:
# ``*(base shipped 2026-07-13)*``.
_ITALIC_NOTE = LazyPattern(r"[*_]\((?P<note>[^()*\n]{2,60}+)\)[*_]")
# Where a sentence ends: a full stop before a space.
_SENTENCE_END = LazyPattern(r"[.!?](?=[ \t])")
_DASH_LEAD = "—–-:"


def read_band_list(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """The items of a plain list under a bold label after a heading item's thematic
    break, in a band of the board's horizons (see the module's docstring); none for any
    other list."""
    lines = document.lines
    first = entries[0][0]
    if not document.with_ids_only or first == 0 or not list_label(lines[first - 1].strip()):
        return [], ()
    band = document.level_one_above(first + 1)
    if band is None or _first_word(band[0]) not in _HORIZONS:
        return [], ()
    id_only = patterns(document.dialect.id_pattern).id_only
    # the label names the group as a heading would (``Improvements``): its section, so
    # that its IDs are held to their own group's letters, not the band's
    label = lines[first - 1].strip()
    section = document.inline(label[2 : label.index("**", 2)]).strip(" :")
    items = []
    for start, last in entries:
        bullet = _BULLET.match(lines[start])
        if bullet is None:
            return [], ()
        written = lines[start : last + 1]
        text = " ".join(
            [written[0][bullet.end() :].strip(), *(line.strip() for line in written[1:])]
        )
        if text.count(" · ") >= 2:
            continue  # ``Project setup · Icon list · UX spec``: names, no work
        named = _named(text, id_only)
        if named is None:
            continue
        item_id, title, status = named
        here = Position(start + 1, bullet.end() + 1)
        fields = [Field("Status", "status", status, here, here, start + 1)] if status else []
        by_title = not item_id
        if by_title:
            item_id = reference_from_title(title, taken)
        taken.add(item_id)
        items.append(
            make_item(
                item_id,
                document.inline(title).strip(),
                section,
                here,
                last + 1,
                fields,
                document.dialect,
                (),
                by_title,
            )
        )
    if not items:
        return [], ()
    return items, tuple(Block("list", start + 1, last + 1) for start, last in entries)


def _first_word(text: str) -> str:
    """The first word of a heading past the marks before it, in small letters."""
    for word in text.split():
        if any(char.isalnum() for char in word):
            return word.strip(".:—–-").casefold()
    return ""


def _named(text: str, id_only: re.Pattern[str]) -> tuple[str, str, str | None] | None:
    """(ID or "", title, status) of a bullet's text (see the module's docstring)."""
    lead = _BOLD_LEAD.match(text)
    if lead is None:
        return "", _first_sentence(text), None
    bold, rest = lead["bold"].strip(), lead["rest"]
    note = _ITALIC_NOTE.match(rest)
    status = note["note"].strip() if note is not None else None
    if id_only.fullmatch(bold):
        # ``**REV-14** — text``: the ID, then the first sentence of the text
        return bold, _first_sentence(rest.lstrip(_DASH_LEAD + " \t")), status
    coded = _ID_AND_TITLE.fullmatch(bold)
    if coded is not None and id_only.fullmatch(coded["id"]):
        return coded["id"], coded["title"].strip(), status  # ``**A1 — Engine API contract.**``
    return "", bold, status  # ``**Real icons** — text``


def _first_sentence(text: str) -> str:
    found = _SENTENCE_END.search(text)
    return (text[: found.end()] if found is not None else text).strip()
