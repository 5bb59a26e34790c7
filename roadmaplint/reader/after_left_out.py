"""The items no plan's work: those of an appendix after the plan (``## Appendix A:
Checklist``), those of a section ordering the work already listed (``## Recommended
Implementation Order``), and a template's blanks (``{{TASK_NAME}}``, ``SP-{NUMBER}``,
``Name of the feature B``).

Run by the reader's entry (``reader/__init__.py``) on the items of every shape.
"""

from __future__ import annotations

import re

from roadmaplint.model import Item
from roadmaplint.reader.blocks import HeadingBlock
from roadmaplint.text import LazyPattern


def _outside_appendices(
    items: list[Item], headings: list[HeadingBlock], line_count: int
) -> list[Item]:
    """``items`` without the boxes of an appendix after them (``## Appendix A:
    Checklist``, ``## 부록 A: 체크리스트``): a plan's appendix restates or supports its
    work, as a summary checklist of each phase's steps does; the items are the plan's
    own, before it. An appendix with no item before it keeps its items."""
    spans = []
    for at, heading in enumerate(headings):
        if heading.source[:1] in "A부附付" and _APPENDIX.match(heading.source):
            end = next(
                (later.line - 1 for later in headings[at + 1 :] if later.level <= heading.level),
                line_count,
            )
            spans.append((heading.line, end))
    if not spans:
        return items
    first = spans[0][0]
    if not any(item.position.line < first for item in items):
        return items
    return [
        item for item in items if not any(start < item.position.line <= end for start, end in spans)
    ]


def _outside_orders(items: list[Item], headings: list[HeadingBlock], line_count: int) -> list[Item]:
    """``items`` without those of a section that orders the work after it was listed
    (``## 🎯 Recommended Implementation Order`` over ``### Phase 1: Authentication (HIGH
    PRIORITY)`` and a numbered list naming features again): its phases group the plan's
    items, which come before it, into a sequence; they are no work of their own. An item
    there that says a status or writes a field of its own stays."""
    spans = []
    for at, heading in enumerate(headings):
        if "rder" in heading.source and _ORDER.search(heading.source):
            end = next(
                (later.line - 1 for later in headings[at + 1 :] if later.level <= heading.level),
                line_count,
            )
            spans.append((heading.line, end))
    if not spans or not any(item.position.line < spans[0][0] for item in items):
        return items
    return [
        item
        for item in items
        if item.status is not None
        or item.fields
        or not any(start < item.position.line <= end for start, end in spans)
    ]


# A heading over a sequence of the work, ending with it: ``Recommended Implementation
# Order``, ``Build order``, ``Order of work``; not a feature area named for work orders
# (``## Work Order Management``), whose tasks are the plan's.
_ORDER = LazyPattern(
    r"\b(?:(?:implementation|build|execution|delivery)[ \t]+order"
    r"|order[ \t]+of[ \t]+(?:work|implementation|execution))\b[^\w\n]*$",
    re.I,
)


# A heading that opens an appendix: ``Appendix A: Checklist``, ``부록 B``, ``附录``.
_APPENDIX = LazyPattern(r"(?:Appendix|Annex|Anhang|Annexe|부록|附录|付録)\b", re.I)


# A title that is only a template's blank, in any shape: ``- [Future planning note]``,
# ``{{TASK_NAME}}``, ``{OBJECTIVE_1}``, or such a blank after an ID still to be numbered
# (``SP-{NUMBER}: {TASK}``). A bracketed ID or tag with no lower-case letter and no space,
# ``[WIP]``, is none; an ellipsis after an ID, ``- [TODO] Task-002: ...``, is a task still to
# be named, and only a row numbered by its place, ``| 1 | … | Hoch |``, a template's example
# row.
_BLANK_TITLE = LazyPattern(
    r"[ \t]*(?:[A-Za-z]{1,12}-\{[A-Za-z_ ]{1,20}\}[ \t]*[:—–-][ \t]*)?"
    r"(?:\[(?=[^\[\]]{0,60}[a-z ])[^\[\]]{1,60}\]|\{\{[^{}]{1,60}\}\}|\{[A-Za-z][^{}]{0,60}\})"
    r"[ \t]*"
)
# An ID whose number is a template's blank: ``SP-{NUMBER}``, ``BLK-{NUMBER}``, ``T-{N}``.
_BLANK_ID = LazyPattern(r"[A-Za-z]{1,12}-\{[A-Za-z_ ]{1,20}\}")


# A title that names its own stand-in, by a letter or a number where a name will go: a
# template's example row ``| 1 | Nombre de la función A | Alta | pendiente |``, ``Name of
# the feature B``, ``Nom de la fonctionnalité C``.
_NAMED_STAND_IN = LazyPattern(
    r"(?:name[ \t]+of[ \t]+(?:the[ \t]+)?|nombre[ \t]+de[ \t]+(?:la[ \t]+|el[ \t]+)?"
    r"|nom[ \t]+de[ \t]+(?:la[ \t]+|le[ \t]+|l')?|nome[ \t]+d[ao][ \t]+)"
    r"(?:feature|task|item|function|funci[oó]n|funcionalidad|fonction|fonctionnalit[eé]"
    r"|t[aâ]che|tarea|tarefa|funcionalidade|milestone|hito|[eé]tape|etapa)"
    r"[ \t]+(?:[A-Z]|[0-9]{1,2})",
    re.IGNORECASE,
)
