"""Phases a plan says it has put off: a section whose heading says deferred (``## 🔄
DEFERRED TO FUTURE SPEC``) naming phases by number (``**Phases 6-9 have been deferred to a
separate specification**`` over ``- **Phase 6**: User Story 4 - ...``). The open boxes
under those phases' own headings (``## Phase 6: User Story 4 - ...``) are deferred work,
ideas; a phase the section does not name keeps its boxes' state. The box reader asks this
module for an open box's state before the sections above it."""

from __future__ import annotations

import re

from roadmaplint.reader.shapes import Document
from roadmaplint.reader.shapes.common import edge_stripped
from roadmaplint.text import LazyPattern

# A heading that says its section holds what was put off: ``Deferred``, ``DEFERRED TO
# FUTURE SPEC``, ``Deferred phases``.
_DEFERRAL = LazyPattern(r"deferred(?:[ \t]+[^\n]{0,60})?", re.IGNORECASE)
# A phase or a span of phases named in the section: ``Phase 6``, ``Phases 6-9``.
_PHASES_NAMED = LazyPattern(
    r"\bphases?\**[ \t]+([0-9]{1,3})(?:[ \t]*(?:-|–|to|through)[ \t]*([0-9]{1,3}))?", re.IGNORECASE
)
# A phase's own heading: ``Phase 6: User Story 4 - Delete Individual Rides``.
_PHASE_HEADING = LazyPattern(r"phase[ \t]+([0-9]{1,3})\b", re.IGNORECASE)
_SPAN_LIMIT = 50  # ``Phases 1-400`` names no span a plan defers


def deferred_phases(document: Document) -> frozenset[int]:
    """The numbers of the phases a section the document heads as deferred names, where
    the document heads those phases too; found once."""
    return document.memo("deferred_phases", lambda: _deferred_phases(document))


def _deferred_phases(document: Document) -> frozenset[int]:
    headings = document.headings
    named: set[int] = set()
    for at, heading in enumerate(headings):
        if _DEFERRAL.fullmatch(edge_stripped(document.inline(heading.source)).strip()) is None:
            continue
        end = next(
            (later.line - 1 for later in headings[at + 1 :] if later.level <= heading.level),
            len(document.lines),
        )
        for line in document.lines[heading.end : end]:
            for found in _PHASES_NAMED.finditer(line):
                first = int(found[1])
                last = int(found[2]) if found[2] else first
                if first <= last < first + _SPAN_LIMIT:
                    named.update(range(first, last + 1))
    if not named:
        return frozenset()
    headed = {
        int(phase[1])
        for heading in headings
        if (phase := _PHASE_HEADING.match(edge_stripped(document.inline(heading.source))))
    }
    return frozenset(named & headed)


def in_deferred_phase(document: Document, first: int) -> bool:
    """Whether the line ``first`` (0-based) stands in a phase the document says it has
    deferred: the nearest phase heading above it is one the deferral section names."""
    deferred = deferred_phases(document)
    if not deferred:
        return False
    for section in document.status_sections_above(first + 1):
        found = _PHASE_HEADING.match(edge_stripped(section).strip())
        if found is not None:
            return int(found[1]) in deferred
    return False
