"""Planning with the dependency graph: what can start now, and what stands before an item."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from roadmaplint.errors import RoadmapError
from roadmaplint.index import Context, did_you_mean
from roadmaplint.model import Item
from roadmaplint.reader.claims import holder, now_utc
from roadmaplint.record import record


class CycleError(RoadmapError):
    """Planning is impossible while items depend on each other in a cycle (exit 1)."""

    exit_code = 1


@record
class Candidate:
    item: Item
    unblocks: int  # open items that depend on it, directly or not


@record
class External:
    """A dependency outside this roadmap, as an item on the path names it.

    ``path#ID`` names another roadmap's item: ``roadmap`` is that file,
    ``found`` the item if the file reads and holds it, ``problem`` why not.
    Anything else (``Go 1.26``) is free text nobody here can track.
    """

    name: str  # as written under Depends on
    needed_by: str  # the ID of the item that names it
    roadmap: str | None = None  # the other roadmap's path, for path#ID
    item_id: str | None = None
    found: Item | None = None
    problem: str | None = None  # why it was not found: the file's error, or no such item


@record
class PathPlan:
    item: Item
    before: tuple[Item, ...]  # every dependency, directly or not, dependencies first
    critical: tuple[Item, ...]  # the longest chain of unfinished dependencies, ending at item
    external: tuple[External, ...] = ()  # what the item and those before it need from outside


def _refuse_cycles(context: Context) -> None:
    cycles = context.graph.cycles()
    if cycles:
        from roadmaplint.graph import spell_cycle

        spelled = "; ".join(spell_cycle(cycle) for cycle in cycles)
        raise CycleError(f"{context.roadmap.path}: cannot plan: dependency cycle: {spelled}")


def startable(context: Context, now: datetime | None = None) -> list[Candidate]:
    """Ready items whose item dependencies are all done and that no one holds (an
    unexpired ``Claimed by``): by priority, unblocking, order."""
    _refuse_cycles(context)
    statuses = context.settings.statuses
    items = context.items_by_id
    rank = context.priority_rank
    graph = context.graph
    moment = now or now_utc()
    found = []
    for item in items.values():
        if _why_not(context, item, moment) is not None:
            continue
        waiting = graph.descendants(item.id)
        unblocks = sum(1 for other in waiting if not statuses.is_done(items[other].status))
        found.append(Candidate(item, unblocks))
    order = graph.order
    found.sort(
        key=lambda candidate: (
            rank.get(candidate.item.priority or "", len(rank)),
            -candidate.unblocks,
            order[candidate.item.id],
        )
    )
    return found


def startable_across(contexts: Sequence[Context]) -> list[tuple[str, Candidate]]:
    """What can start now in each roadmap, ranked across them all: by each roadmap's
    priority order, then what it unblocks; ties keep file order, then each file's own."""
    ranked: list[tuple[tuple[int, int], str, Candidate]] = []
    for context in contexts:
        rank = context.priority_rank
        for found in startable(context):
            order = (rank.get(found.item.priority or "", len(rank)), -found.unblocks)
            ranked.append((order, context.roadmap.path, found))
    ranked.sort(key=lambda entry: entry[0])  # stable
    return [(path, found) for _, path, found in ranked]


def _why_not(context: Context, item: Item, now: datetime) -> str | None:
    """Why ``next`` does not offer the item, or None when it does."""
    statuses = context.settings.statuses
    if statuses.is_done(item.status):
        return "done"
    if not statuses.is_ready(item.status):
        return f"not ready: its status is {item.status or 'not set'}"
    items = context.items_by_id
    for dependency in item.depends_on:
        other = items.get(dependency)
        if other is None:
            return f"depends on {dependency}, which is not in this roadmap"
        if not statuses.is_done(other.status):
            return f"waits for {dependency} ({other.status or 'no status'})"
    for name in item.external_deps:
        outside = external_dependency(context, item, name)
        if outside.roadmap is None:
            continue
        if outside.found is None:
            return f"depends on {name}: {outside.problem or 'not found'}"
        if not statuses.is_done(outside.found.status):
            return f"waits for {name} ({outside.found.status or 'no status'})"
    held = holder(item, now)
    if held is not None:
        return held.spelled()
    return None


def not_offered(context: Context, now: datetime | None = None) -> list[tuple[Item, str]]:
    """Every open item ``next`` does not offer, with the reason, in document order."""
    moment = now or now_utc()
    found = []
    for item in context.items_by_id.values():
        reason = _why_not(context, item, moment)
        if reason is not None and reason != "done":
            found.append((item, reason))
    return found


def path_to(context: Context, item_id: str) -> PathPlan:
    items = context.items_by_id
    if item_id not in items:
        raise RoadmapError(
            f"{context.roadmap.path}: no item {item_id}{did_you_mean(item_id, items)}"
        )
    _refuse_cycles(context)
    graph = context.graph
    ancestors = graph.ancestors(item_id)
    before = graph.dependency_order(ancestors)
    statuses = context.settings.statuses
    open_ones = {other for other in ancestors if not statuses.is_done(items[other].status)}
    critical = graph.longest_chain(item_id, open_ones)
    on_path = [*(items[other] for other in before), items[item_id]]
    return PathPlan(
        items[item_id],
        tuple(items[other] for other in before),
        tuple(items[other] for other in critical),
        tuple(
            external_dependency(context, item, name)
            for item in on_path
            for name in item.external_deps
        ),
    )


def external_dependency(context: Context, item: Item, name: str) -> External:
    """What ``item``'s dependency ``name``, outside this roadmap, is; another roadmap's
    item is looked up (each file read once per run)."""
    other = context.cross_item(name)
    if other is None:
        return External(name, item.id)
    return External(name, item.id, other.path, other.item_id, other.item, other.problem)


def critical_path(context: Context) -> tuple[Item, ...]:
    """The longest chain of unfinished items, each waiting for the one before it.

    This is the least number of steps, one after another, before everything open
    can be done; ties go to the chain that ends first in the document.
    """
    _refuse_cycles(context)
    items = context.items_by_id
    statuses = context.settings.statuses
    open_ones = {item_id for item_id, item in items.items() if not statuses.is_done(item.status)}
    return tuple(items[item_id] for item_id in context.graph.longest_open_chain(open_ones))
