"""A plan's milestones written as the order they run in, a numbered list under a heading
that names that order::

    ## Milestone order

    1. M0 — Minimal reproducible ISO
    2. M1 — Hardware enablement foundation

Each entry is a milestone of the plan, an item named by its ID, where the plan already
reads the steps of one of them by IDs that extend it (``| M0-A | Preflight | PASS |``):
the list names the plan's own milestones, not another project's. A milestone's state is
read from a bold line that gives it (``**M0 status: IN PROGRESS.**``); the others say
none. A list with any entry written otherwise, one under another heading, or one whose IDs
no read item extends is no order of milestones.
"""

from __future__ import annotations

from collections.abc import Sequence

from roadmaplint.model import Field, Item, Position
from roadmaplint.reader.shapes.common import Taken, make_item
from roadmaplint.text import LazyPattern

# The headings that name the order milestones run in.
_ORDER_HEADINGS = frozenset(
    ("milestone order", "order of milestones", "milestone sequence", "sequence of milestones")
)
_HEADING = LazyPattern(r"[ \t]{0,3}#{1,6}[ \t]++(?P<text>\S.*)")
# ``1. M0 — Minimal reproducible ISO``: a number, a milestone's ID, a dash, its title.
_ENTRY = LazyPattern(
    r"[ \t]{0,3}[0-9]{1,3}[.)][ \t]+(?P<id>[A-Z]{1,4}[0-9]{1,3})[ \t]+[—–-][ \t]+(?P<title>\S.*)"
)
# ``**M0 status: IN PROGRESS.**``: a bold line giving one milestone's state.
_STATE = LazyPattern(
    r"[ \t]*+\*\*(?P<id>[A-Z]{1,4}[0-9]{1,3})[ \t]++status:[ \t]*+(?P<status>[^*.]++)\.?\*\*"
)
_FEWEST = 2


def with_milestone_order(items: Sequence[Item], lines: Sequence[str]) -> list[Item]:
    """``items`` with the milestones of an order of milestones read after them (see the
    module's docstring)."""
    read = list(items)
    taken = Taken(item.id for item in items)
    for at, line in enumerate(lines):
        heading = _HEADING.fullmatch(line.rstrip())
        if heading is None or heading["text"].strip(" #*").casefold() not in _ORDER_HEADINGS:
            continue
        entries = _entries(lines, at + 1)
        if not any(
            item.id.startswith(f"{entry_id}-") for entry_id, _, _ in entries for item in items
        ):
            continue
        section = heading["text"].strip(" #")
        for entry_id, title, row in entries:
            if entry_id in taken:
                continue
            taken.add(entry_id)
            here = Position(row, 1)
            fields = [
                Field("Status", "status", status, here, here, row)
                for status in _state(lines, entry_id)
            ]
            read.append(make_item(entry_id, title, section, here, row, fields, None))
    return read


def _entries(lines: Sequence[str], start: int) -> list[tuple[str, str, int]]:
    """The entries (ID, title, 1-based line) of the numbered list after ``start``, up to
    the next heading; none when any numbered line is written otherwise."""
    found: list[tuple[str, str, int]] = []
    for at in range(start, len(lines)):
        text = lines[at].rstrip()
        if _HEADING.fullmatch(text) is not None:
            break
        if not text.strip():
            continue
        entry = _ENTRY.fullmatch(text)
        if entry is None:
            return []
        found.append((entry["id"], entry["title"].strip(), at + 1))
    return found if len(found) >= _FEWEST else []


def _state(lines: Sequence[str], milestone: str) -> list[str]:
    """The state a bold line gives ``milestone``, as a list of none or one."""
    for line in lines:
        said = _STATE.fullmatch(line.rstrip())
        if said is not None and said["id"] == milestone:
            return [said["status"].strip()]
    return []
