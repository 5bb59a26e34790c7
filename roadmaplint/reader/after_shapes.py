"""Heading items beside the items the shapes read: a phase checklist's box, an index
table's row or a schedule's box that names a task a heading holds gives that heading
its status and is no second item; a roadmap at a glance's rows are the items, the
headings their chapters.

Run by the reader's entry (``reader/__init__.py``) once the shapes have read a
document's boxes, rows and bullets.
"""

from __future__ import annotations

from roadmaplint.model import Field, Item, Position
from roadmaplint.record import replace
from roadmaplint.text import LazyPattern


def _beside_headings(shaped: tuple[Item, ...], headings: list[Item]) -> list[Item]:
    """The items the shapes read, without a phase checklist's box for a phase a heading
    already holds (``- [x] **Phase 2: Name**`` over ``### Phase 2: Name``): the box gives
    that phase its status, it is not a second item. Nor is the row of an index table for a
    task a heading holds (``| T1 | ... | [AVAILABLE] |`` over ``### Task T1: Title``)."""
    from roadmaplint.reader.dialect import PHASE_ID

    held = {item.id for item in headings if PHASE_ID.fullmatch(item.id)}
    indexed = _index_rows(shaped, headings)
    scheduled = _scheduled_boxes(shaped, headings)
    return [
        item
        for item in shaped
        if item.id not in held and item.id not in indexed and item.id not in scheduled
    ]


def _scheduled_boxes(shaped: tuple[Item, ...], headings: list[Item]) -> dict[str, Item]:
    """The boxes (by ID) that name a task a heading above them holds, in a document where
    two or more do so (a queue's schedule: ``- [ ] P1.2 - Add Alpaca credentials (15
    min)`` under ``**Day 1:**``, after ``### P1.2: Alpaca Trading Credentials Missing``):
    the box restates the task, it is no second item, and says whether it is done."""
    above = {item.id: item.position.line for item in headings}
    found = [
        item
        for item in shaped
        if item.id in above
        and item.position.line > above[item.id]
        and (written := item.field("status")) is not None
        and _box_status(item, written)
    ]
    boxes = {item.id: item for item in found}
    # a schedule names each task once: boxes naming one twice are a series numbered
    # again (``- [ ] **S2 — again.**``), whose duplicate is one
    return boxes if len(boxes) >= 2 and len(boxes) == len(found) else {}


def _box_status(item: Item, written: Field) -> bool:
    """Whether ``written`` is the status a box's mark gives on the item's own line: ``[ ]``
    for an open box, ``done`` for a ticked one (``- [x] P1.2 - ...``)."""
    return _BOX_MARK.fullmatch(written.value) is not None or (
        written.value == "done" and written.value_position.line == item.position.line
    )


def _index_rows(shaped: tuple[Item, ...], headings: list[Item]) -> dict[str, Item]:
    """The table rows (by ID) that index tasks headings hold: a row before the heading of
    the same ID, in a document where every heading item has its row and none has a status
    of its own. The row gives the heading its status. (A phase's row in a progress table
    gives its status after its checklist box does: reader/phases.py.)"""
    from roadmaplint.reader.dialect import PHASE_ID

    if not headings or any(
        item.status is not None or PHASE_ID.fullmatch(item.id) for item in headings
    ):
        return {}
    rows = {item.id: item for item in shaped if item.field("status") is not None}
    if not all(
        item.id in rows and rows[item.id].position.line < item.position.line for item in headings
    ):
        return {}
    return {item.id: rows[item.id] for item in headings}


def _without_glanced(
    headings: list[Item], shaped: tuple[Item, ...], lines: list[str]
) -> list[Item]:
    """The heading items, without the chapters of a roadmap at a glance: where a table's
    rows, each with a status, name two or more milestones before headings of the same IDs
    (``| M0 - Title | Closed in v0.27.0 |`` over ``## 3. M0 - Title`` and its ``**Status:**
    Closed in v0.27.0 on 2026-06-19.``), and every heading item is so named, the table is
    the roadmap's list of its work and each heading the chapter telling one row's story:
    the row is the item, not the heading a second one. (Headings that write no status of
    their own take the row's: ``_index_rows``.) An index of boxes above heading items
    (``- [x] A-1 Login`` over ``### A-1: Login``) is no such table: the headings stay."""
    if len(headings) < 2 or any(item.status is None for item in headings):
        return headings
    rows = {
        item.id: item
        for item in shaped
        if item.field("status") is not None
        and lines[item.position.line - 1].lstrip()[:1] == "|"  # a table's row
    }
    if all(
        item.id in rows and rows[item.id].position.line < item.position.line for item in headings
    ):
        return []
    return headings


def _with_row_status(headings: list[Item], shaped: tuple[Item, ...]) -> list[Item]:
    """The heading items, each given the status of the index table's row for it."""
    rows = _index_rows(shaped, headings)
    scheduled = _scheduled_boxes(shaped, headings)
    read = []
    for item in headings:
        box = scheduled.get(item.id)
        written = box.field("status") if box is not None else None
        if item.status is None and box is not None and written is not None:
            # the box restates the task: its writers edit the box too (edit/restated.py)
            item = replace(item, status=box.status, fields=(*item.fields, written), restated=True)
        row = rows.get(item.id)
        status = row.field("status") if row is not None else None
        if row is not None and status is not None:
            item = replace(item, status=row.status, fields=(*item.fields, status))
            holder = row.field("dri")
            if item.dri is None and holder is not None:  # ``[CLAIMED by @auto]`` in the row
                item = replace(item, dri=row.dri, fields=(*item.fields, holder))
        read.append(item)
    return read


# A box's mark as a status: ``[ ]``, ``[x]``.
_BOX_MARK = LazyPattern(r"\[[ xX]\]")


# A progress list's box that names a heading item by its ID first, after the stamp of
# when it was ticked: ``- [x] (2025-10-01 13:00Z) Milestone 1: Create the skeleton.``
# (an ExecPlan's ``## Progress`` over its ``### Milestone 1: Skeleton``).
_PROGRESS_BOX = LazyPattern(
    r"[ \t]*[-*+][ \t]+\[(?P<mark>[ xX])\][ \t]+(?:\([^()\n]{1,40}\)[ \t]+)?(?P<rest>\S.*)"
)
# What follows the ID a progress box names first: a colon or a dash, then its words.
_AFTER_ID = LazyPattern(r"(?::|[ \t]+[—–-])[ \t]+\S")


def _with_progress_boxes(items: list[Item], lines: list[str]) -> list[Item]:
    """The items, each heading item with no status of its own given the one of the box
    that names it in the plan's progress list, where two or more headings write none and
    each is so named by exactly one box outside every item's lines: the box restates the
    heading's work (``- [x] (2026-01-17 13:18Z) Milestone 1: Create project skeleton.``
    above ``### Milestone 1: Skeleton``) and says whether it is done."""
    waiting = [
        item
        for item in items
        if item.status is None and lines[item.position.line - 1].lstrip().startswith("#")
    ]
    if len(waiting) < 2:
        return items
    spans = [(item.position.line, item.end_line) for item in items]
    named: dict[str, list[tuple[int, int, str]]] = {item.id: [] for item in waiting}
    for at, line in enumerate(lines, start=1):
        box = _PROGRESS_BOX.fullmatch(line.rstrip("\r\n"))
        if box is None or any(first <= at <= last for first, last in spans):
            continue
        rest = box["rest"]
        for wanted, found in named.items():
            if rest.startswith(wanted) and _AFTER_ID.match(rest, len(wanted)):
                found.append((at, box.start("mark"), box["mark"]))
    if any(len(found) != 1 for found in named.values()):
        return items
    read = []
    for item in items:
        if item.id in named and item.status is None:
            at, column, mark = named[item.id][0]
            status = "[ ]" if mark == " " else "done"
            here = Position(at, column)
            written = Field("Status", "status", status, here, here, at)
            item = replace(item, status=status, fields=(*item.fields, written))
        read.append(item)
    return read
