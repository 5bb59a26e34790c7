"""A template's boxes: a box that holds only a comment, a blank or a numbered stand-in
for work (``- [ ] [Action 1]``, ``- [ ] Task 1``): no work yet (``template_box``)."""

from __future__ import annotations

import re

from roadmaplint.model import Item
from roadmaplint.reader.shapes.listline import BOX
from roadmaplint.text import LazyPattern

# A box that holds only a comment: a template's place for words still to be written
# (``- [ ] <!-- Specific observable outcome 1 -->``).
_PLACEHOLDER = LazyPattern(r"[ \t]*(?:<!--(?:[^-]|-(?!->))*+-->[ \t]*)*+")


# A box that holds only a template's blank: ``- [ ] [Action 1]``, ``- [ ] {{action_item}}``,
# ``- [ ] <task>``, the blank closed by a full stop (``- [ ] [Expected result].``) or followed
# by a note in parentheses (``- [ ] [Feature en progreso] *(~X% completado)*``), or a line
# to write on (``- [ ] _______________``). A bracketed ID alone (``- [ ] [TASK-1]``), a link
# and a wiki link (``[[Page]]``) are no blanks.
_BLANK_BOX = LazyPattern(
    r"[ \t]*(?:(?:\[(?=[^\[\]]*[a-z ])[^\[\]]{1,60}\](?!\()|\{\{[^{}]{1,60}\}\}"
    r"|<[A-Za-z][\w .-]{0,40}>)[.:;]?(?:[ \t]*[*_]?\([^()]{0,60}\)[*_]?)?|_{3,80})[ \t]*"
)


# A box that holds only a note in brackets where the work would be named: a board's empty
# column (``- [ ] (none yet)``, ``- [ ] (Başlangıçta boş)``, "empty at the start").
_NOTE_ALONE = LazyPattern(r"[ \t]*[*_]?\([^()]{1,60}\)[*_]?[ \t]*")


def _placeholder(lines: list[str], item: Item) -> bool:
    """Whether the box an item is read from says nothing but a comment or a template's
    blank: no work yet."""
    line = lines[item.position.line - 1].rstrip("\r\n")
    box = BOX.match(line)
    if box is None:
        return False
    return template_box(line[box.end() :])


def template_box(rest: str) -> bool:
    """Whether a box's text (what follows ``- [ ]``) is a template's: a comment, a blank,
    blanks joined by labels, or a numbered stand-in for work (``Task 1``, ``Goal 2``,
    ``Action item 1 - Owner: [Name] - Due: [Date]``)."""
    return (
        _PLACEHOLDER.fullmatch(rest) is not None
        or _BLANK_BOX.fullmatch(rest) is not None
        or _NOTE_ALONE.fullmatch(rest) is not None
        or _blanks_only(rest)
        or _stand_in(rest)
        or _FIELD_BLANK_TAIL.search(rest) is not None
    )


# A numbered stand-in for work a template leaves to be named: a word for a piece of work
# and a number or a capital letter alone (``Task 1``, ``Goal 2``, ``Action item 1``,
# ``Feature A``, ``Función B``), where a plan names its work.
_STAND_IN = LazyPattern(
    r"[ \t]*+[*_]{0,2}(?:action[ \t]+item|action|task|goal|item|feature|step|to-?do"
    r"|milestone|deliverable|objective|story|requirement|tarea|funci[oó]n|fonctionnalit[eé]"
    r"|t[aâ]che|aufgabe|schritt|ziel)[ \t]+(?:[0-9]{1,2}|[A-Z])(?![\w.-])[*_]{0,2}",
    re.IGNORECASE,
)


# A box that closes on a blank for one of its fields, after a dash: ``Refactor [Component] -
# [Target]``, ``GDPR compliance - [Status]``, ``Write docs — [Due Date]``: a template's line,
# its field still to be filled in (a plan writes the value, not its name in brackets).
_FIELD_BLANK_TAIL = LazyPattern(
    r"[ \t][-–—][ \t]*\[(?:status|priority|target(?: date)?|due(?: date)?|date|deadline|eta"
    r"|owner|assignee|estimate|effort)\][ \t]*$",
    re.IGNORECASE,
)


def _stand_in(text: str) -> bool:
    """Whether a box's text is a numbered stand-in for work (``Task 1``), alone or followed
    only by blanks and their labels (``Task 1 - [Owner] - [Due Date]``)."""
    found = _STAND_IN.match(text)
    if found is None:
        return False
    rest = _ANY_BLANK.compiled().sub(" ", text[found.end() :])
    return not _BLANK_LABEL.sub(" ", rest).strip(" \t-–—|,/·:：*_.")


def _blanks_only(text: str) -> bool:
    """Whether a box's text is template blanks joined by dashes and labels, no word of
    its own (``{{next_week_task1}} - {{next_week_owner1}} - {{next_week_priority1}}``,
    ``{{completed_task1}} - 完成日期: {{completion1}}``): a template's line of work."""
    if "{{" not in text and "[" not in text and "<" not in text:
        return False
    rest, blanks = _ANY_BLANK.compiled().subn(" ", text)
    if blanks < 2:
        return False
    return not _BLANK_LABEL.sub(" ", rest).strip(" \t-–—|,/·:：*_")


def _named_by_blanks(heading: str) -> bool:
    """Whether a heading's name is only template blanks and marks (``▼ [Feature Name] —
    [✓ Built / ⊙ Planned] [Status]``): a template's heading, no word of its own."""
    if "[" not in heading and "{" not in heading and "<" not in heading:
        return False
    rest, blanks = _ANY_BLANK.compiled().subn(" ", heading)
    return blanks >= 1 and not any(character.isalnum() for character in rest)


# A template's blank anywhere in a line, as ``_BLANK_BOX`` reads one alone.
_ANY_BLANK = LazyPattern(
    r"\[(?=[^\[\]]{0,60}[a-z ])[^\[\]]{1,60}\](?!\()|\{\{[^{}]{1,60}\}\}|<[A-Za-z][\w .-]{0,40}>"
)
# A label between two blanks: ``完成日期:``, ``Owner:``.
_BLANK_LABEL = LazyPattern(r"[^\s:：\-–—|,/·]{1,20}[:：]")
