"""Planning phases: the status a phase checklist at the top of a roadmap gives.

A GSD-style roadmap lists its phases once as a checklist (``- [x] **Phase 1:
Name** - summary``) and again as ``### Phase 1: Name`` headings with their
fields. A phase heading with no Status field takes its status from its box:
``[x]`` done, ``[ ]`` pending.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from roadmaplint.model import Item
from roadmaplint.reader.dialect import PHASE_ID

_CHECKLIST = re.compile(
    r"[ \t]{0,3}[-*+][ \t]+\[([ xX])\][ \t]+\*\*"
    r"(Phase[ \t]+[0-9]{1,6}(?:\.[0-9]{1,6}){0,5}[a-z]?)\b"
)
# An open box says the phase is not done, not that it is free to start: "pending" carries
# no meaning of the workflow, so a pending phase after a pending phase is no finding.
DONE, OPEN = "done", "pending"


def is_checklist_line(line: str) -> bool:
    """Whether ``line`` is an entry of a phase checklist (``- [x] **Phase 1: Name**``)."""
    return _CHECKLIST.match(line) is not None


def with_phase_checklist(items: Sequence[Item], lines: Sequence[str]) -> tuple[Item, ...]:
    """``items``, a phase without a status given the one its checklist box says."""
    if not any(item.status is None and PHASE_ID.fullmatch(item.id) for item in items):
        return tuple(items)
    boxes: dict[str, str] = {}
    for line in lines:
        if "Phase" not in line:
            continue
        match = _CHECKLIST.match(line)
        if match is not None:
            boxes.setdefault(" ".join(match[2].split()), DONE if match[1] != " " else OPEN)
    return tuple(
        replace(item, status=boxes[item.id]) if item.status is None and item.id in boxes else item
        for item in items
    )
