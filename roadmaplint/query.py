"""Reading the roadmap as a table: filter, sort, count. Pure functions over records."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item, Legend, Roadmap
from roadmaplint.rules.base import did_you_mean

SORT_KEYS = ("document", "id", "title", "status", "priority", "dri", "section")
COLUMNS = ("id", "title", "status", "priority", "dri", "section")


@dataclass(frozen=True)
class Filters:
    statuses: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()
    dris: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    depends_on: tuple[str, ...] = ()


def _check_values(values: Sequence[str], legends: Sequence[Legend | None], option: str) -> None:
    allowed = tuple(dict.fromkeys(value for legend in legends if legend for value in legend.values))
    name = next((legend.name for legend in legends if legend), "legend")
    for value in values:
        if value not in allowed:
            raise RoadmapError(
                f"{option} {value}: not in the {name}"
                f"{did_you_mean(value, allowed)}; allowed: {', '.join(allowed) or 'none'}"
            )


def check_filters(roadmaps: Sequence[Roadmap], items: Collection[str], filters: Filters) -> None:
    """Refuse a filter value that no roadmap knows: a typo would silently match nothing."""
    _check_values(filters.statuses, [roadmap.status_legend for roadmap in roadmaps], "--status")
    _check_values(
        filters.priorities, [roadmap.priority_legend for roadmap in roadmaps], "--priority"
    )
    sections = {
        section.name.lower(): section.name for roadmap in roadmaps for section in roadmap.sections
    }
    for section in filters.sections:
        if section.lower() not in sections:
            raise RoadmapError(
                f"--section {section}: no such section{did_you_mean(section, sections.values())}; "
                f"sections: {', '.join(sections.values())}"
            )
    for item_id in filters.depends_on:
        if item_id not in items:
            raise RoadmapError(
                f"--depends-on {item_id}: no such item{did_you_mean(item_id, items)}"
            )


def select_items(roadmap: Roadmap, items: Mapping[str, Item], filters: Filters) -> list[Item]:
    """The items that pass every filter (values within one filter are alternatives)."""
    check_filters([roadmap], items, filters)
    return filter_items(roadmap, filters)


def filter_items(roadmap: Roadmap, filters: Filters) -> list[Item]:
    """The items that pass every filter, without checking the filters' values."""
    wanted_sections = {section.lower() for section in filters.sections}
    wanted_dris = {dri.lower().lstrip("@") for dri in filters.dris}
    chosen = []
    for item in roadmap.items:
        if filters.statuses and item.status not in filters.statuses:
            continue
        if filters.priorities and item.priority not in filters.priorities:
            continue
        if wanted_dris and (item.dri or "").lower().lstrip("@") not in wanted_dris:
            continue
        if wanted_sections and (item.section or "").lower() not in wanted_sections:
            continue
        if filters.depends_on and not set(filters.depends_on) & set(item.depends_on):
            continue
        chosen.append(item)
    return chosen


def sort_items(items: list[Item], key: str, roadmap: Roadmap) -> list[Item]:
    return sorted(items, key=sort_key(key, roadmap)) if key != "document" else items


def sort_key(key: str, roadmap: Roadmap) -> Callable[[Item], tuple[int, str]]:
    """How ``--sort KEY`` orders the items of ``roadmap``: legend order, else by text."""
    if key not in SORT_KEYS:
        raise RoadmapError(f"--sort {key}: sort by one of {', '.join(SORT_KEYS)}")
    if key == "document":
        return lambda item: (0, "")
    legend = {"status": roadmap.status_legend, "priority": roadmap.priority_legend}.get(key)
    if legend is not None:
        rank = {value: number for number, value in enumerate(legend.values)}
        return lambda item: (rank.get(getattr(item, key) or "", len(rank)), "")
    return lambda item: (0, (getattr(item, key) or "").lower())


def row(item: Item) -> dict[str, str]:
    return {column: getattr(item, column) or "" for column in COLUMNS}


@dataclass(frozen=True)
class Stats:
    total: int
    by_status: dict[str, int]
    by_priority: dict[str, int]
    sections: list[tuple[str, int, int]]  # (section, done, all)


def stats(roadmap: Roadmap, done: Callable[[str | None], bool]) -> Stats:
    statuses = Counter(item.status or "(none)" for item in roadmap.items)
    priorities = Counter(item.priority or "(none)" for item in roadmap.items)

    def ordered(counts: Counter[str], legend: Legend | None) -> dict[str, int]:
        values = list(legend.values) if legend else []
        result = {value: counts.get(value, 0) for value in values}
        result.update(
            {value: count for value, count in sorted(counts.items()) if value not in result}
        )
        return result

    per_section = [
        (
            section.name,
            sum(1 for item in roadmap.items if item.section == section.name and done(item.status)),
            sum(1 for item in roadmap.items if item.section == section.name),
        )
        for section in roadmap.sections
    ]
    return Stats(
        len(roadmap.items),
        ordered(statuses, roadmap.status_legend),
        ordered(priorities, roadmap.priority_legend),
        per_section,
    )
