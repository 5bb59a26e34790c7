"""What one item says of others, read once every item of a document is read: repeats
of done items and the detail headings of rows dropped, tasks a later table or list
restates merged, phases given their statuses, dependencies named by a status, a number,
a title, and a status a one-line legend names (``F3.2 Fetch weather ✨ CODED``).

Run by the reader's entry (``reader/__init__.py``) last, on the items of every shape;
it imports none of the entry's other modules.
"""

from __future__ import annotations

import re
from collections import Counter

from roadmaplint.model import Item
from roadmaplint.reader.legends import legend_mark_status, with_legend_status
from roadmaplint.reader.milestone_order import with_milestone_order
from roadmaplint.reader.part_tables import with_part_tables
from roadmaplint.reader.phase_tasks import with_numbered_phase_tasks
from roadmaplint.reader.phases import (
    with_all_below_done,
    with_brief_status,
    with_held_phases,
    with_overview_phases,
    with_own_phase_tasks,
    with_parts_done,
    with_phase_checklist,
    with_shipped_phases,
    with_task_boxes,
)
from roadmaplint.reader.said_once import with_range_status
from roadmaplint.reader.waits import (
    with_dependency_chains,
    with_dependency_notes,
    with_dependency_tree,
    with_everything_before,
    with_fenced_waits,
    with_ids_among_words,
    with_named_needs,
    with_numbered_waits,
    with_numbers_named,
    with_order_by_name,
    with_parts_named,
    with_phases_named,
    with_reverse_dependencies,
    with_sequencing,
    with_status_waits,
    with_titles_named,
)
from roadmaplint.record import replace
from roadmaplint.text import LazyPattern

# A status cell written as a legend's mark then a priority: ``🟡 High``, ``🟡 Medium``.
_RANKED_MARK = LazyPattern(
    r"(?P<mark>[^\w\s]{1,3})[ \t]+(?P<priority>critical|high|medium|low)", re.IGNORECASE
)


def _with_line_legend_status(item: Item, entries: tuple[str, ...]) -> Item:
    """``item`` with the status its title ends with where a one-line legend names it
    (``F3.2 Fetch current weather ✨ CODED``) and nothing else gives it one."""
    if item.status is not None:
        named = legend_mark_status(item.status, entries)  # ``🟡``: ``🟡 in progress``
        ranked = _RANKED_MARK.fullmatch(item.status) if named is None else None
        if ranked is not None and item.priority is None:
            # ``🟡 High``: the legend's mark is the state, the word after it the priority
            named = legend_mark_status(ranked["mark"], entries)
            if named is not None:
                return replace(item, status=named, priority=ranked["priority"])
        return item if named is None else replace(item, status=named)
    found = with_legend_status(item.title, entries)
    return item if found is None else replace(item, title=found[0], status=found[1])


def _read_across(items: list[Item], lines: list[str]) -> list[Item]:
    """``items`` with what one item says of others read: repeats of done items dropped,
    phases given their statuses, dependencies named by a status, a number, a title, on
    the item they unblock or on a part of an item (reader/waits.py)."""
    read = with_phase_checklist(
        with_task_boxes(
            with_parts_done(
                with_own_phase_tasks(
                    _without_done_repeats(
                        _with_restated_tasks(
                            _without_index_boxes(
                                with_overview_phases(
                                    with_shipped_phases(_without_row_details(items, lines), lines),
                                    lines,
                                ),
                                lines,
                            ),
                            lines,
                        )
                    )
                ),
                lines,
            ),
            lines,
        ),
        lines,
    )
    read = with_all_below_done(with_brief_status(read, lines), lines)
    read = with_numbered_waits(with_dependency_notes(read, lines), lines)
    read = with_sequencing(with_everything_before(read, lines), lines)
    read = with_held_phases(with_range_status(read, lines), lines)
    text = "".join(lines)  # joined once for the three readings that search it whole
    read = with_order_by_name(with_named_needs(read, lines), lines, text)
    read = with_dependency_tree(with_dependency_chains(read, lines, text), lines, text)
    read = with_fenced_waits(read, lines)
    for step in (
        with_status_waits,
        with_numbers_named,
        with_ids_among_words,
        with_titles_named,
        with_reverse_dependencies,
        with_parts_named,
        with_phases_named,
    ):
        read = step(read)
    # a phase's numbered bold tasks that each say their state (``1. **Decisions** — done``)
    # and a milestone's releases and issues in tables under ``#### Releases``, ``#### Issues``
    # a numbered ``## Milestone order`` of the milestones whose steps the plan reads
    return with_milestone_order(
        with_part_tables(with_numbered_phase_tasks(read, lines), lines), lines
    )


def _without_row_details(items: list[Item], lines: list[str]) -> list[Item]:
    """``items`` without the headings that give the details of rows above them (a story
    table's ``| US-01 | Como usuario, quiero ... | Must |``, then ``### US-01 — Base visual``
    over its acceptance criteria): a heading that names a row's ID, writes no field of its
    own and is titled otherwise than the row is that row's detail, not a second item. Only
    where two headings or more do so; a heading with a status or a field of its own stays
    (an index table over the headings it lists is read as before)."""
    rows: dict[str, Item] = {}
    for item in items:
        if _written_as(item, lines) == "|":
            rows.setdefault(item.id.casefold(), item)
    if not rows:
        return items
    details = {
        at
        for at, item in enumerate(items)
        if (row := rows.get(item.id.casefold())) is not None
        and row.position.line < item.position.line
        and not item.fields
        and item.status is None
        and _written_as(item, lines) == "#"
        and not begins_alike(item.title, row.title)
    }
    if len(details) < 2:
        return items
    return [item for at, item in enumerate(items) if at not in details]


def _without_index_boxes(items: list[Item], lines: list[str]) -> list[Item]:
    """``items`` without the boxes of an index above the heading items it lists (``##
    Overview`` over ``- [x] A-1 Login``, then ``### A-1: Login`` with its Status): each
    box is its heading's entry there, not a second item of the same ID. Only over a
    heading that writes its own status, and whose title begins as the box's does; two
    items that share an ID by mistake stay two (RL102)."""
    if len({item.id for item in items}) == len(items):
        return items  # an index box shares its heading's ID: no ID here is written twice
    headings: dict[str, Item] = {}
    for item in items:
        if item.status is not None and _written_as(item, lines) == "#":
            headings.setdefault(item.id, item)
    if not headings:
        return items
    return [
        item
        for item in items
        if not (
            (heading := headings.get(item.id)) is not None
            and heading.position.line > item.position.line
            and _written_as(item, lines) == "box"
            and begins_alike(item.title, heading.title)
        )
    ]


def _with_restated_tasks(items: list[Item], lines: list[str]) -> list[Item]:
    """``items`` with the tasks a later table or list names again by their ID (a sprint's
    ``| 0.1.1 Set up Stripe account | 🟡 TODO | Jo |``, a Done log's ``- ✅ 1.0.3 Title``)
    read as one item each: where it is listed last it says its status, and who holds it.
    A restatement is a row or a bullet naming a box or a heading, and its title begins as
    the task's does (``Implement auth``, ``Implement authentication system``), so two
    items that share an ID by mistake stay two (RL102). A section whose items are
    restatements, two thirds of them or more, is a log of the tasks: its other entries
    (``- ✅ EPICS.md``) are notes of it, not items, unless they write an ID of their own
    (``- ✅ 1.3 Build the exporter``, done and never listed above)."""
    first: dict[str, int] = {}
    for at, item in enumerate(items):
        first.setdefault(item.id.casefold(), at)
    merged: dict[int, Item] = {}
    restated: set[int] = set()
    for at, item in enumerate(items):
        named, title = _named_task(item, first)
        earlier = first.get(named.casefold()) if named else None
        if earlier is None or earlier >= at:
            continue
        task = merged.get(earlier, items[earlier])
        if task.named_by_title:
            continue  # ``- [ ] Fix`` has no ID to name: ``- [ ] Fix fix`` is a task of its own
        if not begins_alike(title, task.title) or not _restates(task, item, lines):
            continue
        status, holder = item.field("status"), item.field("dri")
        if status is not None:
            kept = tuple(found for found in task.fields if found.key != "status")
            task = replace(task, status=item.status, fields=(*kept, status))
        if holder is not None and task.dri is None:
            task = replace(task, dri=item.dri, fields=(*task.fields, holder))
        merged[earlier] = replace(task, restated=True)
        restated.add(at)
    if not restated:
        return items
    by_section = Counter(items[at].section for at in restated)
    sections = Counter(item.section for item in items)
    logs = {name for name, count in by_section.items() if 3 * count >= 2 * sections[name]}
    return [
        merged.get(at, item)
        for at, item in enumerate(items)
        if at not in restated
        and (item.section not in logs or at in merged or not item.named_by_title)
    ]


def _named_task(item: Item, first: dict[str, int]) -> tuple[str, str]:
    """The ID an item names a task by and the rest of its title: its own ID, or the first
    word of its title where that is an ID read earlier (a row without an ID column)."""
    word, _, rest = item.title.partition(" ")
    if word.casefold() in first and first[word.casefold()] < first[item.id.casefold()]:
        return word, rest
    return item.id, item.title


def _restates(task: Item, later: Item, lines: list[str]) -> bool:
    """Whether ``later`` is a shorter view of ``task``: a row or a bullet naming a box or a
    heading. A heading under an index row that says a status of its own is no view of
    it: the two disagree, and RL102 says so."""
    return _written_as(later, lines) in ("|", "bullet") and _written_as(task, lines) in (
        "#",
        "box",
    )


def _written_as(item: Item, lines: list[str]) -> str:
    """How an item's line is written: a heading, a table row, a box or another bullet."""
    line = lines[item.position.line - 1].lstrip() if item.position.line <= len(lines) else ""
    if line[:1] in ("#", "|"):
        return line[:1]
    return "box" if line[1:3] == " [" and line[4:5] == "]" else "bullet"


def begins_alike(one: str, other: str) -> bool:
    """Whether two titles begin alike: the same first word, and second words of which one
    begins the other (``Implement auth`` and ``Implement authentication system``)."""
    first, second = _words(one)[:2], _words(other)[:2]
    if not first or not second or first[0] != second[0]:
        return False
    if len(first) < 2 or len(second) < 2:
        return True
    return first[1].startswith(second[1]) or second[1].startswith(first[1])


def _words(title: str) -> list[str]:
    return "".join(char if char.isalnum() else " " for char in title.casefold()).split()


def _without_done_repeats(items: list[Item]) -> list[Item]:
    """``items`` without a done item written again under a ``## Completed`` (``Done``)
    heading, done there too (``### TASK-000: Title ✅`` and its notes): an agent queue's
    log of what it finished, not a second item. A repeat that disagrees stays (RL102)."""
    from roadmaplint.settings import common_meaning

    ids = [item.id for item in items]
    if len(set(ids)) == len(ids):
        return items
    kept: list[Item] = []
    done: set[str] = set()  # IDs an earlier item gives, done
    for item in items:
        meaning = common_meaning(item.status)
        repeat = (
            item.id in done and common_meaning(item.section) == "done" and meaning in (None, "done")
        )
        if not repeat:
            kept.append(item)
        if meaning == "done":
            done.add(item.id)
    return kept
