"""Planning with the dependency graph: what can start now, and what stands before an item."""

from __future__ import annotations

from dataclasses import dataclass

from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item
from roadmaplint.rules.base import Context, did_you_mean


class CycleError(RoadmapError):
    """Planning is impossible while items depend on each other in a cycle (exit 1)."""

    exit_code = 1


@dataclass(frozen=True, slots=True)
class Candidate:
    item: Item
    unblocks: int  # open items that depend on it, directly or not


@dataclass(frozen=True, slots=True)
class PathPlan:
    item: Item
    before: tuple[Item, ...]  # every dependency, directly or not, dependencies first
    critical: tuple[Item, ...]  # the longest chain of unfinished dependencies, ending at item


def _refuse_cycles(context: Context) -> None:
    cycles = context.graph.cycles()
    if cycles:
        from roadmaplint.graph import spell_cycle

        spelled = "; ".join(spell_cycle(cycle) for cycle in cycles)
        raise CycleError(f"{context.roadmap.path}: cannot plan: dependency cycle: {spelled}")


def startable(context: Context) -> list[Candidate]:
    """Ready items whose item dependencies are all done: by priority, unblocking, order."""
    _refuse_cycles(context)
    statuses = context.settings.statuses
    items = context.items_by_id
    rank = context.priority_rank
    graph = context.graph
    found = []
    for item in items.values():
        if not statuses.is_ready(item.status):
            continue
        dependencies = [items.get(dependency) for dependency in item.depends_on]
        dependencies += _other_roadmaps_items(context, item)
        if any(d is None or not statuses.is_done(d.status) for d in dependencies):
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


def _other_roadmaps_items(context: Context, item: Item) -> list[Item | None]:
    """The items of other roadmaps that ``item`` names as ``path#ID`` (None: not found)."""
    from roadmaplint.references import cross_reference, target_path

    found: list[Item | None] = []
    for name in item.external_deps:
        reference = cross_reference(name, context.settings.id_pattern)
        if reference is None:
            continue
        other = context.other_roadmap(target_path(context.roadmap.path, reference))
        matches = [] if isinstance(other, str) else other.items
        found.append(next((one for one in matches if one.id == reference.item_id), None))
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
    return PathPlan(
        items[item_id],
        tuple(items[other] for other in before),
        tuple(items[other] for other in critical),
    )


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
