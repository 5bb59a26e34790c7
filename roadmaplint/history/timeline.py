"""Item timelines from a roadmap's versions: created, status, priority, DRI, renamed, removed.

Pure: a sequence of (stamp, Roadmap) in commit order in, records out; the git
side lives in ``roadmaplint.history.revisions``. Consecutive versions are compared with
the semantic diff, so an item keeps its history across a rename.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime

from roadmaplint.history.diff import diff_roadmaps
from roadmaplint.model import Item, Roadmap
from roadmaplint.record import record
from roadmaplint.settings import Statuses

TRACKED = ("status", "priority", "dri")


@record
class Stamp:
    """Who changed the roadmap, and when."""

    commit: str
    author: str
    date: datetime
    subject: str = ""


@record
class Event:
    stamp: Stamp
    item: str  # the item's ID after this event
    kind: str  # created, first-seen, status, priority, dri, renamed, removed
    old: str | None = None
    new: str | None = None


@record
class ItemTimeline:
    id: str  # the latest ID
    ids: tuple[str, ...]  # every ID it had, oldest first
    title: str
    events: tuple[Event, ...]
    present: bool  # still in the newest version


@record
class Snapshot:
    """How many items each status had after one commit (for the burn-up chart)."""

    stamp: Stamp
    statuses: Mapping[str, int]


@record
class History:
    items: tuple[ItemTimeline, ...]
    snapshots: tuple[Snapshot, ...]
    shallow: bool

    def find(self, item_id: str) -> ItemTimeline | None:
        """The timeline of an item by any ID it ever had (the latest holder first)."""
        for timeline in self.items:
            if timeline.id == item_id:
                return timeline
        return next((t for t in self.items if item_id in t.ids), None)


class _Lineage:
    def __init__(self, item_id: str, title: str) -> None:
        self.ids = [item_id]
        self.title = title
        self.events: list[Event] = []
        self.present = True


def build_history(versions: Sequence[tuple[Stamp, Roadmap]], shallow: bool = False) -> History:
    """Every item's timeline over ``versions`` (oldest first).

    ``shallow``: the first version is not the file's first (a shallow clone), so
    its items are ``first-seen`` there, not created.
    """
    lineages: dict[str, _Lineage] = {}  # by current ID
    order: list[_Lineage] = []
    snapshots: list[Snapshot] = []
    previous: Roadmap | None = None
    for index, (stamp, roadmap) in enumerate(versions):
        first_kind = "first-seen" if shallow and index == 0 else "created"
        if previous is None:
            for item in _unique(roadmap).values():
                lineage = _Lineage(item.id, item.title)
                lineage.events.append(Event(stamp, item.id, first_kind, None, item.status))
                lineages[item.id] = lineage
                order.append(lineage)
        else:
            _apply(previous, roadmap, stamp, lineages, order)
        counts = Counter(item.status or "" for item in _unique(roadmap).values())
        snapshots.append(Snapshot(stamp, dict(counts)))
        previous = roadmap
    timelines = tuple(
        ItemTimeline(
            lineage.ids[-1],
            tuple(lineage.ids),
            lineage.title,
            tuple(lineage.events),
            lineage.present,
        )
        for lineage in order
    )
    return History(timelines, tuple(snapshots), shallow)


def _unique(roadmap: Roadmap) -> dict[str, Item]:
    """Each ID's first item: a duplicate ID is RL102's business."""
    found: dict[str, Item] = {}
    for item in roadmap.items:
        found.setdefault(item.id, item)
    return found


def _apply(
    previous: Roadmap,
    roadmap: Roadmap,
    stamp: Stamp,
    lineages: dict[str, _Lineage],
    order: list[_Lineage],
) -> None:
    diff = diff_roadmaps(previous, roadmap)
    before, after = _unique(previous), _unique(roadmap)
    for ref in diff.removed:
        lineage = lineages.pop(ref.id)
        lineage.present = False
        lineage.events.append(Event(stamp, ref.id, "removed", None, None))
    for rename in diff.renamed:
        lineage = lineages.pop(rename.old)
        lineage.ids.append(rename.new)
        lineages[rename.new] = lineage
        lineage.events.append(Event(stamp, rename.new, "renamed", rename.old, rename.new))
    for ref in diff.added:
        gone = next(
            (old for old in reversed(order) if not old.present and old.ids[-1] == ref.id), None
        )
        lineage = gone or _Lineage(ref.id, ref.title)
        if gone is None:
            order.append(lineage)
        lineage.present = True
        lineages[ref.id] = lineage
        lineage.events.append(Event(stamp, ref.id, "created", None, after[ref.id].status))
    renamed_from = {rename.new: rename.old for rename in diff.renamed}
    for item_id, item in after.items():
        old = before.get(renamed_from.get(item_id, item_id))
        if old is None:
            continue
        lineage = lineages[item_id]
        lineage.title = item.title
        for kind in TRACKED:
            old_value, new_value = getattr(old, kind), getattr(item, kind)
            if old_value != new_value:
                lineage.events.append(Event(stamp, item_id, kind, old_value, new_value))


def _entered(event: Event, meaning: tuple[str, ...]) -> bool:
    """Whether the item had a status of ``meaning`` from this event on."""
    return event.kind in ("created", "first-seen", "status") and event.new in meaning


@record
class Cycle:
    """When an item that reached done was created, started and done."""

    id: str
    title: str
    created: datetime
    started: datetime | None  # first in progress; None if it never was
    done: datetime  # the last time it became done


def done_cycles(history: History, statuses: Statuses) -> tuple[Cycle, ...]:
    cycles = []
    for timeline in history.items:
        done = [event for event in timeline.events if _entered(event, statuses.done)]
        if not done:
            continue
        started = next(
            (event for event in timeline.events if _entered(event, statuses.in_progress)), None
        )
        cycles.append(
            Cycle(
                timeline.id,
                timeline.title,
                timeline.events[0].stamp.date,
                started.stamp.date if started else None,
                done[-1].stamp.date,
            )
        )
    return tuple(cycles)


def median_days(spans: Sequence[float]) -> float | None:
    import statistics  # only --stats needs it: diff and history start without it

    return statistics.median(spans) if spans else None


def in_progress_since(history: History, statuses: Statuses) -> dict[str, Stamp]:
    """For each present item whose status is in progress: since which commit, unbroken."""
    since: dict[str, Stamp] = {}
    for timeline in history.items:
        start: Stamp | None = None
        for event in timeline.events:
            if event.kind in ("created", "first-seen", "status"):
                if event.new not in statuses.in_progress:
                    start = None
                elif start is None:
                    start = event.stamp
        if timeline.present and start is not None:
            since[timeline.id] = start
    return since
