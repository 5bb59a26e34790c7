"""A plan's priorities as bullets each led by a weight and a bold title.

A library's roadmap may rank its work as a list after a sentence that leads into it
(``Here are our top priorities, ordered by importance:``), each bullet a weight, a dash
and a bold title, then why (``- 1.0 - **More components**. 🧰 People want more...``),
with nested bullets of how. Each top-level bullet is an item named by its bold title,
its weight its priority and no status, as the list writes none. A list of such bullets
whose weights rise, or that no heading or lead-in names as priorities (benchmark
results, ``- 1.0 - **Baseline**``), is no plan. The bullet reader asks this module about
a plain list in a document with no heading items (``read_weighted_list``).
"""

from __future__ import annotations

import re

from roadmaplint.model import Block, Field, Item, Position
from roadmaplint.reader.shapes import Document
from roadmaplint.reader.shapes.common import make_item, reference_from_title
from roadmaplint.text import LazyPattern

# ``- 1.0 - **More components**. text``, ``- 0.5 - **Better customization.** text``
_WEIGHTED = LazyPattern(
    r"[ \t]{0,3}[-*+][ \t]+(?P<weight>[0-9]{1,3}(?:\.[0-9]{1,3})?)[ \t]+[—–-][ \t]+"
    r"\*\*(?P<title>[^*\n]{2,120}?)\*\*.*"
)
# What names a list as the plan's priorities: its heading or the sentence before it.
_NAMES_PRIORITIES = LazyPattern(r"\b(?:priorit(?:y|ies)|importance)\b", re.IGNORECASE)
MINIMUM = 2  # one weighted bullet is a note


def read_weighted_list(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """The items of a list of weighted bullets (see the module's docstring); none for any
    other list."""
    lines = document.lines
    if len(entries) < MINIMUM or document.taken:
        return [], ()
    found = [_WEIGHTED.fullmatch(lines[first].rstrip("\r\n")) for first, _ in entries]
    weights = [float(match["weight"]) for match in found if match is not None]
    if len(weights) < len(entries) or weights != sorted(weights, reverse=True):
        return [], ()
    if not _named_as_priorities(document, entries[0][0]):
        return [], ()
    items = []
    section = document.section_above(entries[0][0] + 1)
    for (first, last), match in zip(entries, found, strict=True):
        assert match is not None
        title = document.inline(match["title"]).strip().rstrip(".:").strip()
        here = Position(first + 1, 1)
        weight = match["weight"]
        fields = [Field("Priority", "priority", weight, here, here, first + 1)]
        item_id = reference_from_title(title, taken)
        taken.add(item_id)
        items.append(
            make_item(item_id, title, section, here, last + 1, fields, document.dialect, (), True)
        )
    return items, tuple(Block("list", first + 1, last + 1) for first, last in entries)


def _named_as_priorities(document: Document, first: int) -> bool:
    """Whether the heading right above the list, or the sentence leading into it (a line
    ending with a colon between them), names priorities."""
    lines = document.lines
    at = first - 1
    while at >= 0 and not lines[at].strip():
        at -= 1
    if at < 0:
        return False
    above = lines[at].strip()
    if above.endswith(":") and _NAMES_PRIORITIES.search(above):
        return True
    while at >= 0 and not lines[at].lstrip().startswith("#"):
        if lines[at].strip() and not lines[at].strip().endswith(":"):
            return False  # prose between the heading and the list: no lead-in
        at -= 1
    return at >= 0 and _NAMES_PRIORITIES.search(lines[at]) is not None
