"""Reading the roadmap as a table: filter, sort, count. Pure functions over records."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence

from roadmaplint.errors import RoadmapError
from roadmaplint.index import did_you_mean
from roadmaplint.model import Field, Item, Legend, Roadmap
from roadmaplint.record import record
from roadmaplint.settings import Settings

SORT_KEYS = ("document", "id", "title", "status", "priority", "dri", "section")
COLUMNS = ("id", "title", "status", "priority", "dri", "section")


@record(slots=False)
class Filters:
    statuses: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()
    dris: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    depends_on: tuple[str, ...] = ()


def legend_value(value: str, legend: Legend | None, option: str, path: str) -> str | None:
    """The legend's spelling of a filter value, or None if this legend lacks it.

    This is where every filter value meets a legend. The value is read as
    written and as the plain text of its markdown (`` `ready` `` is ``ready``);
    an exact match wins, else the one entry equal but for case. Two entries
    equal but for case make such a value ambiguous, and it is refused.
    """
    values = legend.values if legend else ()
    spellings = dict.fromkeys((value, _plain(value)))
    for spelling in spellings:
        if spelling in values:
            return spelling
    for spelling in spellings:
        folded = [entry for entry in values if entry.casefold() == spelling.casefold()]
        if len(folded) > 1:
            assert legend is not None  # values come from it
            raise RoadmapError(
                f"{option} {value}: {path}'s {legend.name} has {' and '.join(folded)}, which "
                "differ only by case; write one of them exactly"
            )
        if folded:
            return folded[0]
    return None


def _plain(value: str) -> str:
    """The text a reader sees in a value written as markdown (`` `ready` ``, ``_x_``)."""
    from roadmaplint.reader.inline import plain_text

    return plain_text(value) or value.strip()


def _check_values(
    values: Sequence[str],
    roadmaps: Sequence[Roadmap],
    legend_of: Callable[[Roadmap], Legend | None],
    option: str,
    value_of: Callable[[Item], str | None],
) -> None:
    legends = [(roadmap.path, legend_of(roadmap)) for roadmap in roadmaps]
    # a plan without a legend is asked for the values its items write (a checklist's done)
    written = tuple(
        dict.fromkeys(
            found
            for roadmap in roadmaps
            if legend_of(roadmap) is None
            for item in roadmap.items
            if (found := value_of(item))
        )
    )
    allowed = tuple(
        dict.fromkeys(
            [*(value for _, legend in legends if legend for value in legend.values), *written]
        )
    )
    name = next((legend.name for _, legend in legends if legend), "legend")
    folded = {value.casefold() for value in written}
    for value in values:
        if value.casefold() in folded or _plain(value).casefold() in folded:
            continue
        known = [legend_value(value, legend, option, path) for path, legend in legends]
        if all(found is None for found in known):
            raise RoadmapError(
                f"{option} {value}: not in the {name}"
                f"{did_you_mean(value, allowed)}; allowed: {', '.join(allowed) or 'none'}"
            )


def split_filters(roadmaps: Sequence[Roadmap], filters: Filters) -> Filters:
    """Each option's values split at commas (``--status ready,idea`` is two), except a
    value that is whole a legend entry, a section or an item's DRI (``won't do, ever``,
    ``Smith, Jane``): split, such a value could not be asked for at all."""

    def in_legend(legend_of: Callable[[Roadmap], Legend | None]) -> Callable[[str], bool]:
        def known(value: str) -> bool:
            spellings = {value.casefold(), _plain(value).casefold()}
            return any(
                entry.casefold() in spellings
                for roadmap in roadmaps
                if (legend := legend_of(roadmap)) is not None
                for entry in legend.values
            )

        return known

    sections = {section.name.casefold() for roadmap in roadmaps for section in roadmap.sections}
    owners = {_owner(item.dri) for roadmap in roadmaps for item in roadmap.items if item.dri}
    return Filters(
        _alternatives(filters.statuses, in_legend(lambda one: one.status_legend)),
        _alternatives(filters.priorities, in_legend(lambda one: one.priority_legend)),
        _alternatives(
            filters.dris, lambda value: bool({_owner(value), _owner(_plain(value))} & owners)
        ),
        _alternatives(
            filters.sections,
            lambda value: bool({value.casefold(), _plain(value).casefold()} & sections),
        ),
        _alternatives(filters.depends_on, lambda value: False),
    )


def _status_of(item: Item) -> str | None:
    return item.status


def _priority_of(item: Item) -> str | None:
    return item.priority


def _alternatives(values: Sequence[str], whole: Callable[[str], bool]) -> tuple[str, ...]:
    return tuple(
        part
        for value in values
        for part in ([value] if whole(value) else value.split(","))
        if part.strip()
    )


def check_filters(roadmaps: Sequence[Roadmap], items: Collection[str], filters: Filters) -> None:
    """Refuse a filter value that no roadmap knows: a typo would silently match nothing."""
    _check_values(filters.statuses, roadmaps, lambda one: one.status_legend, "--status", _status_of)
    _check_values(
        filters.priorities, roadmaps, lambda one: one.priority_legend, "--priority", _priority_of
    )
    sections = {
        section.name.casefold(): section.name
        for roadmap in roadmaps
        for section in roadmap.sections
    }
    for section in filters.sections:
        if section.casefold() not in sections and _plain(section).casefold() not in sections:
            raise RoadmapError(
                f"--section {section}: no such section{did_you_mean(section, sections.values())}; "
                f"sections: {', '.join(sections.values())}"
            )
    for item_id in filters.depends_on:
        if item_id not in items:
            raise RoadmapError(
                f"--depends-on {item_id}: no such item{did_you_mean(item_id, items)}"
            )


def filter_items(roadmap: Roadmap, filters: Filters, settings: Settings) -> list[Item]:
    """The items that pass every filter, the filters' values already checked."""
    statuses = _legend_matcher(filters.statuses, roadmap.status_legend, "--status", roadmap.path)
    priorities = _legend_matcher(
        filters.priorities, roadmap.priority_legend, "--priority", roadmap.path
    )
    wanted_sections = {
        spelling.casefold()
        for section in filters.sections
        for spelling in (section, _plain(section))
    }
    owners = _dri_matcher(filters.dris, roadmap, settings)
    chosen = []
    for item in roadmap.items:
        if filters.statuses and not statuses(item.status):
            continue
        if filters.priorities and not priorities(item.priority):
            continue
        if filters.dris and not owners(item):
            continue
        if wanted_sections and (item.section or "").casefold() not in wanted_sections:
            continue
        if filters.depends_on and not set(filters.depends_on) & set(item.depends_on):
            continue
        chosen.append(item)
    return chosen


def _legend_matcher(
    values: Sequence[str], legend: Legend | None, option: str, path: str
) -> Callable[[str | None], bool]:
    """Whether an item's value is one of ``values``, each read as its legend spells it.

    An item whose value is off the legend only by case (``Ready`` where the
    legend has ``ready``) matches too: it means that entry, as RL201 says.
    """
    spelled = {legend_value(value, legend, option, path) or value for value in values}
    folded = {value.casefold() for value in spelled}
    known = set(legend.values) if legend else set()

    def matches(value: str | None) -> bool:
        if value is None:
            return False
        return value in spelled or (value not in known and value.casefold() in folded)

    return matches


def _dri_matcher(
    values: Sequence[str], roadmap: Roadmap, settings: Settings
) -> Callable[[Item], bool]:
    """Whether an item's DRI is one of ``values``, as written or as plain text.

    A value that itself means nobody (``unassigned``, ``_unassigned_``, ``none``:
    the ``no-dri`` words) selects every unassigned item, however it is written.
    """
    wanted = {_owner(spelling) for value in values for spelling in (value, _plain(value))}
    wanted.discard("")
    nobody = any(settings.is_unassigned(spelling) for spelling in wanted)
    lines = roadmap.source.splitlines()

    def matches(item: Item) -> bool:
        if nobody and settings.is_unassigned(item.dri):
            return True
        found = item.field("dri")
        written = _written_value(lines, found) if found is not None else ""
        return bool({_owner(item.dri or ""), _owner(written)} & wanted)

    return matches


def _owner(value: str) -> str:
    return value.strip().casefold().lstrip("@")


def _written_value(lines: Sequence[str], found: Field) -> str:
    """A field's value as its first line writes it, markdown and all."""
    index = found.value_position.line - 1
    line = lines[index] if index < len(lines) else ""
    return line[found.value_position.column - 1 :].strip()


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


@record(slots=False)
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

    # a plan of boxes or a table names its sections on its items only (a task folder's
    # tasks have none: a table of its drafts alone would count a part as the whole)
    names = [section.name for section in roadmap.sections]
    if not names and all(item.section for item in roadmap.items):
        names = list(dict.fromkeys(str(item.section) for item in roadmap.items))
    per_section = [
        (
            name,
            sum(1 for item in roadmap.items if item.section == name and done(item.status)),
            sum(1 for item in roadmap.items if item.section == name),
        )
        for name in names
    ]
    return Stats(
        len(roadmap.items),
        ordered(statuses, roadmap.status_legend),
        ordered(priorities, roadmap.priority_legend),
        per_section,
    )
