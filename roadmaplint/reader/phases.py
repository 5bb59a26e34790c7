"""Planning phases: the status a phase checklist at the top of a roadmap gives.

A GSD-style roadmap lists its phases once as a checklist (``- [x] **Phase 1:
Name** - summary``) and again as ``### Phase 1: Name`` headings with their
fields. A phase heading with no Status field takes its status from its box:
``[x]`` done, ``[ ]`` pending; without a box, from the Progress table's Status
column (``| 1. Foundation | 3/3 | Complete | 2026-02-23 |``).
"""

from __future__ import annotations

from collections.abc import Sequence

from roadmaplint.model import Item
from roadmaplint.reader.dialect import PHASE_ID
from roadmaplint.record import replace
from roadmaplint.settings import common_meaning
from roadmaplint.text import LazyPattern

_CHECKLIST = LazyPattern(
    r"[ \t]{0,3}[-*+][ \t]+\[([ xX])\][ \t]+\*\*"
    r"(Phase[ \t]+[0-9]{1,6}(?:\.[0-9]{1,6}){0,5}[a-z]?)\b"
)
# An open box says the phase is not done, not that it is free to start: "pending" carries
# no meaning of the workflow, so a pending phase after a pending phase is no finding.
DONE, OPEN = "done", "pending"


_ROW_PHASE = LazyPattern(r"(?:Phase[ \t]+)?([0-9]{1,6}(?:\.[0-9]{1,6}){0,5}[a-z]?)\b")


def is_checklist_line(line: str) -> bool:
    """Whether ``line`` is an entry of a phase checklist (``- [x] **Phase 1: Name**``)."""
    return _CHECKLIST.match(line) is not None


def with_phase_checklist(items: Sequence[Item], lines: Sequence[str]) -> tuple[Item, ...]:
    """``items``, a phase without a status given the one its checklist box says, else the
    one its row of a progress table says."""
    if not any(item.status is None and PHASE_ID.fullmatch(item.id) for item in items):
        return tuple(items)
    boxes: dict[str, str] = {}
    for line in lines:
        if "Phase" not in line:
            continue
        match = _CHECKLIST.match(line)
        if match is not None:
            boxes.setdefault(" ".join(match[2].split()), DONE if match[1] != " " else OPEN)
    for phase, status in _progress_rows(lines):
        boxes.setdefault(phase, status)
    return tuple(
        replace(item, status=boxes[item.id]) if item.status is None and item.id in boxes else item
        for item in items
    )


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _progress_rows(lines: Sequence[str]) -> list[tuple[str, str]]:
    """``(Phase N, status)`` for each row of a table whose first column is ``Phase`` and
    which has a ``Status`` column."""
    found: list[tuple[str, str]] = []
    status_column = None
    for line in lines:
        if not line.lstrip().startswith("|"):
            status_column = None
            continue
        cells = _cells(line)
        if status_column is None:
            names = [cell.strip("* ").lower() for cell in cells]
            if names and names[0] == "phase" and "status" in names:
                status_column = names.index("status")
            continue
        if set("".join(cells)) <= set("-: ") or len(cells) <= status_column:
            continue
        phase = _ROW_PHASE.match(cells[0].strip("* "))
        status = cells[status_column].strip("* ")
        if phase is not None and status and status not in ("-", "—"):
            # "Not started" says the phase is not done, not that it is free to start.
            ready = common_meaning(status) == "ready"
            found.append((f"Phase {phase[1]}", OPEN if ready else status))
    return found
