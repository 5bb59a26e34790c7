"""What a status report lists as its work: the report (``# Project Status``, ``# Implementation
status``, a ``STATUS.md``) says where each thing stands by the heading it lists it under.

Bullets right under a heading that names a state of the work (``## Implemented in code``,
``### 🚧 Needs Implementation:``) are items in that state; bullets under a heading that names
the work still to come without a state (``## Still worth testing on devices``, ``## Best next
checks``) are items with none. A heading that says what works (``### ✅ Working:``) or what
is known (``## Known limitation``) lists no work. The fixes a report numbers in its headings,
ticked (``### ✅ Issue #1: Hardcoded URLs``), are work done. The box reader asks it;
this module says which lines are a report's work and in what state, and reads them.
"""

from __future__ import annotations

from roadmaplint.model import Block, Field, Item, Position
from roadmaplint.reader.shapes.common import (
    edge_stripped,
    make_item,
    reference_from_title,
    status_of_section,
    titled_a_status_report,
)
from roadmaplint.reader.shapes.listline import parse_line
from roadmaplint.text import LazyPattern

TYPE_CHECKING = False
if TYPE_CHECKING:
    from roadmaplint.reader.shapes import Document

# An entry's lead: ``- ``, ``* ``, ``1. ``, ``2) ``.
_LEAD = LazyPattern(r"[ \t]{0,3}(?:[-*+]|[0-9]{1,3}[.)])[ \t]+(?=\S)")

# A heading over work still to come that names no state: ``Still worth testing in Android
# Studio``, ``Best next checks``, ``Next steps``, ``Left to verify``.
_WORK_TO_COME = LazyPattern(
    r"(?i:\b(?:next[ \t]+(?:steps?|checks?|tasks?|actions?)"
    r"|worth[ \t]+(?:testing|checking|trying|doing)"
    r"|(?:still|left)[ \t]+to[ \t]+(?:do|test|check|verify|build)"
    r"|to[ \t]+(?:test|check|verify))\b)"
)
# A heading ticked over a fix the report numbers: ``✅ Issue #1: Hardcoded URLs``, ``✔ Bug 3 —
# Crash on start``, ``✅ Fix #2: Missing endpoints``.
_FIX_HEADING = LazyPattern(
    r"(?P<mark>[✅✔☑])\ufe0f?[ \t]+(?i:issue|bug|fix|problem|defect)[ \t]+#?[0-9]{1,4}"
    r"[ \t]*[:—–-][ \t]*(?P<title>\S.*)"
)
# The words that say the work is done when they open a heading: ``Implemented in code``.
_DONE_OPENINGS = frozenset(
    ("implemented", "completed", "done", "finished", "shipped", "built", "delivered")
)


def reported_state(document: Document, line: int) -> tuple[bool, str | None]:
    """Whether the list whose first entry is on ``line`` (0-based) is a status report's
    work, and the state its heading names (None: work still to come, in no state yet). It
    must stand right under that heading, in a document that reports a project's status."""
    if not titled_a_status_report(document):
        return False, None
    if not _right_under_heading(document.lines, line):
        return False, None
    section = document.section_above(line + 1)
    if section is None:
        return False, None
    # one list alone under a state (``## Removed`` over ``- Python 2.7``) is a page's note,
    # where a report says where its work stands under two headings or more (a list's, or
    # a ticked fix's)
    if document.memo("reported_lists", lambda: _lists_under_states(document)) < 2:
        return False, None
    return _heading_state(section)


def _heading_state(section: str) -> tuple[bool, str | None]:
    """Whether a heading lists a report's work, and the state it names (None: to come)."""
    named = status_of_section(section)
    if named is not None:
        return True, named
    text = edge_stripped(section).strip()
    words = text.split()
    if words and words[0].casefold() in _DONE_OPENINGS:
        return True, text  # ``## Implemented in code``: done, in the report's words
    if _WORK_TO_COME.search(text) is not None:
        return True, None
    return False, None


def _lists_under_states(document: Document) -> int:
    """How many headings below the title stand right over a list and list work, or tick
    a fix the report numbers."""
    lines, count = document.lines, 0
    for heading, text in zip(document.headings, document.heading_texts(), strict=True):
        if heading.level == 1:
            continue
        if _FIX_HEADING.fullmatch(text.strip()) is not None:
            count += 1
            continue
        below = next((lines[at] for at in range(heading.end, len(lines)) if lines[at].strip()), "")
        if _LEAD.match(below) is not None and _heading_state(text)[0]:
            count += 1
    return count


def fixed_headings(document: Document) -> list[tuple[int, str, str]]:
    """The fixes a status report ticks in its headings below its title, two or more: each
    heading's line (1-based), the fix's title and its mark (``✅``), done."""
    if not titled_a_status_report(document):
        return []
    found = []
    for heading, text in zip(document.headings, document.heading_texts(), strict=True):
        fixed = _FIX_HEADING.fullmatch(text.strip()) if heading.level > 1 else None
        if fixed is not None and not document.is_taken(heading.line):
            found.append((heading.line, fixed["title"].strip(), fixed["mark"]))
    return found if len(found) >= 2 else []


def _right_under_heading(lines: list[str], first: int) -> bool:
    """Whether the nearest line above ``first`` that is not blank is an ATX heading."""
    above = next((lines[at] for at in range(first - 1, -1, -1) if lines[at].strip()), "")
    return above.lstrip(" ").startswith("#")


def read_reported(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """The items of a list that is a status report's work (``reported_state``): each entry
    one, named by its title, in the state its heading names."""
    if not entries:
        return [], ()
    work, status = reported_state(document, entries[0][0])
    if not work:
        return [], ()
    lines = document.lines
    section = document.section_above(entries[0][0] + 1)
    items: list[Item] = []
    cut: list[Block] = []
    for first, last in entries:
        lead = _LEAD.match(lines[first])
        if lead is None:
            return [], ()
        title = parse_line(lines[first][lead.end() :].rstrip("\r\n"), document, False).title
        if not title:
            return [], ()
        while last > first and not lines[last].strip():
            last -= 1
        here = Position(first + 1, len(lines[first]) - len(lines[first].lstrip()) + 1)
        fields = [Field("Status", "status", status, here, here, first + 1)] if status else []
        reference = reference_from_title(title, taken)
        items.append(
            make_item(reference, title, section, here, last + 1, fields, document.dialect, (), True)
        )
        cut.append(Block("list", first + 1, last + 1))
    return items, tuple(cut)


def read_reported_fixes(document: Document, taken: set[str]) -> list[Item]:
    """The items of a status report's ticked fixes (``fixed_headings``), done by their mark."""
    items = []
    for line, title, mark in fixed_headings(document):
        here = Position(line, 1)
        fields = [Field("Status", "status", mark, here, here, line)]
        section = document.section_above(line)
        reference = reference_from_title(title, taken)
        items.append(
            make_item(reference, title, section, here, line, fields, document.dialect, (), True)
        )
    return items
