"""What a heading is to the outline (Part, its kinds, Outline) and what every reading of
headings asks of one: the heading above it, its section's lines, a status it ends with, a
work field's line.

The lowest of the outline's modules (``docs/architecture.md`` names them).
"""

from __future__ import annotations

import re

from roadmaplint.model import Heading, Position, Section
from roadmaplint.reader.blocks import HeadingBlock
from roadmaplint.reader.dialect import WORK_KEYS, Dialect
from roadmaplint.record import field, record
from roadmaplint.text import LazyPattern

TITLE, SECTION, ITEM, LEGEND, OVERVIEW, GRAPH, PROSE, INNER = (
    "title",
    "section",
    "item",
    "legend",
    "overview",
    "graph",
    "prose",
    "inner",
)


@record(frozen=False, slots=False)
class Part:
    kind: str
    heading: HeadingBlock
    text: str  # the heading's plain text
    position: Position
    end: int = 0  # token index where the part ends (exclusive)
    item_id: str = ""
    title: str = ""
    section: str | None = None  # an item's section; a prose heading's parent
    parent: Part | None = None  # the heading that section names
    named_by_title: bool = False  # an item whose ID the reader made from its title


@record(frozen=False, slots=False)
class Outline:
    title: str | None
    title_position: Position | None
    parts: list[Part]
    sections: tuple[Section, ...]
    headings: tuple[Heading, ...]
    item_level: int | None
    h1_lines: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # every heading's plain text, in order


_FIELD_LINE = LazyPattern(
    r"(?:[-*+][ \t]+)?[*_]{0,2}(?:priority|status|owner|dri|assignee|depends[ \t]+on"
    r"|dependencies)[*_]{0,2}[ \t]*:",
    re.IGNORECASE,
)


def _heading_above(parts: list[Part], at: int) -> Part | None:
    """The nearest heading above part ``at`` of a higher rank."""
    level = parts[at].heading.level
    return next(
        (parts[back] for back in range(at - 1, -1, -1) if parts[back].heading.level < level), None
    )


def _ends_with_dash_status(title: str) -> bool:
    """Whether a heading ends with its status in capitals after a dash (``## Fix the
    invite bug — TODO``) or in brackets (``### ✅ Part one (COMPLETED)``, a generated
    roadmap's milestone): a task of a board whose headings say where each stands, as a
    status line under it would."""
    from roadmaplint.reader.fields import heading_status

    found = heading_status(title)
    if found is None or not found[1].isupper():
        return False  # a status in capitals, as a board writes it (``— Released`` of a
        # changelog's version, ``— done right`` of a guide's topic are no status of work)
    rest = title.strip()[len(found[0]) :].lstrip()
    return rest[:1] in ("—", "–", "-") or (rest[:1] == "(" and rest.endswith(")"))


def _ends_with_status(title: str) -> bool:
    from roadmaplint.reader.fields import heading_status

    return heading_status(title) is not None


# A field of work on its own line under a heading: ``- **Priority**: P1``, ``Status: Todo``.
_WORK_FIELD = LazyPattern(
    r"[ \t]*(?:[-*+][ \t]+)?\*{0,2}(?:status|priority|type|owner|assignee|dri|effort"
    r"|estimate|size|depends[ \t]+on|blocked[ \t-]+by)\*{0,2}[ \t]*:",
    re.IGNORECASE,
)


# A line's field label, bold or not: ``- **Prioridade**: P1``, ``Estado: hecho``.
# (the blanks before it taken whole and the name opening with no blank: a run of tabs
# split between them made the match quadratic)
_FIELD_LABEL = LazyPattern(
    r"[ \t]*+(?:[-*+][ \t]++)?\*{0,2}(?P<name>[^*:\s][^*:\n]{0,29}?)\*{0,2}[ \t]*[:：]"
)


def _is_work_field(line: str, dialect: Dialect) -> bool:
    """Whether ``line`` writes a field of work, in English or in the other languages the
    known fields are named in (``- **Prioridade**: P1``, ``- **Öncelik**: P1``)."""
    if _WORK_FIELD.match(line):
        return True
    label = _FIELD_LABEL.match(line)
    return label is not None and dialect.key(label["name"].strip()) in WORK_KEYS


def _section_lines(parts: list[Part], at: int, lines: list[str]) -> list[str]:
    """The lines under the heading of ``parts[at]``, up to the next heading."""
    end = parts[at + 1].heading.line - 1 if at + 1 < len(parts) else len(lines)
    return lines[parts[at].heading.line : end]
