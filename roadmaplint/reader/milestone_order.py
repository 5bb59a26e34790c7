"""A plan's milestones written as the order they run in, a numbered list under a heading
that names that order::

    ## Milestone order

    1. M0 — Minimal reproducible ISO
    2. M1 — Hardware enablement foundation

Each entry is a milestone of the plan, an item named by its ID, where the plan already
reads the steps of one of them by IDs that extend it (``| M0-A | Preflight | PASS |``):
the list names the plan's own milestones, not another project's. A milestone's state is
read from a bold line that gives it (``**M0 status: IN PROGRESS.**``); the others say
none. A note indented under an entry is the entry's, and a sentence after the list ends it.
A list with any entry written otherwise, one under another heading or in a code block, or
one whose IDs no read item extends is no order of milestones.
"""

from __future__ import annotations

from collections.abc import Sequence

from roadmaplint.model import Field, Item, Position
from roadmaplint.reader.phases import outside_fences
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
# A line numbered as a list's entry, of whatever words.
_NUMBERED = LazyPattern(r"[ \t]{0,3}[0-9]{1,9}[.)](?:[ \t]|$)")
_FEWEST = 2


def with_milestone_order(items: Sequence[Item], lines: Sequence[str]) -> list[Item]:
    """``items`` with the milestones of an order of milestones read after them (see the
    module's docstring)."""
    read = list(items)
    taken = Taken(item.id for item in items)
    # the milestones the read IDs extend (``M1`` of ``M1-A``), found once for every entry
    extended = {item.id.partition("-")[0] for item in items if "-" in item.id}
    if not extended or not any(_order_heading(line) for line in lines if "#" in line[:4]):
        return read  # the common case, found without walking the fences of a large plan
    shown = dict(outside_fences(lines))  # an order shown in a code block is an example
    states: dict[str, str] | None = None
    for at, line in shown.items():
        text = _order_heading(line) if "#" in line[:4] else None
        if text is None:
            continue
        entries = _entries(lines, at + 1, shown)
        if not any(entry_id in extended for entry_id, _, _ in entries):
            continue
        if states is None:
            states = _states(shown)
        section = text.strip(" #")
        for entry_id, title, row in entries:
            if entry_id in taken:
                continue
            taken.add(entry_id)
            here = Position(row, 1)
            fields = []
            if entry_id in states:
                fields.append(Field("Status", "status", states[entry_id], here, here, row))
            read.append(make_item(entry_id, title, section, here, row, fields, None))
    return read


def _order_heading(line: str) -> str | None:
    """The text of ``line`` where it is a heading naming an order of milestones (``##
    Milestone order``); None for any other line."""
    heading = _HEADING.fullmatch(line.rstrip())
    if heading is None or heading["text"].strip(" #*").casefold() not in _ORDER_HEADINGS:
        return None
    return heading["text"]


def _entries(lines: Sequence[str], start: int, shown: dict[int, str]) -> list[tuple[str, str, int]]:
    """The entries (ID, title, 1-based line) of the numbered list right after ``start``:
    a note indented under an entry is the entry's, and the list ends at the first line
    after it written as no entry (a sentence, a heading, a code block); none when a
    numbered line of it is written otherwise, or anything but blank lines leads it."""
    found: list[tuple[str, str, int]] = []
    for at in range(start, len(lines)):
        if at not in shown:
            break  # a fenced code block
        text = lines[at].rstrip()
        if not text.strip():
            continue
        entry = _ENTRY.fullmatch(text)
        if entry is not None:
            found.append((entry["id"], entry["title"].strip(), at + 1))
        elif _NUMBERED.match(text) is not None or not found:
            return []
        elif text[:1] not in (" ", "\t"):
            break  # the list has ended: a sentence after it, or a heading
    return found if len(found) >= _FEWEST else []


def _states(shown: dict[int, str]) -> dict[str, str]:
    """The state each milestone's bold line gives it (the first such line of each)."""
    states: dict[str, str] = {}
    for line in shown.values():
        if "status:" not in line:
            continue
        said = _STATE.fullmatch(line.rstrip())
        if said is not None:
            states.setdefault(said["id"], said["status"].strip())
    return states
