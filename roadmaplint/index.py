"""What the rules, the generators and the editors read: the records of a roadmap with
the lookups derived from them (items by ID, the graph, other roadmaps), and the spelling help."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property

from roadmaplint.model import Item, Roadmap
from roadmaplint.record import field, record
from roadmaplint.settings import Settings

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime

    from roadmaplint.graph import DependencyGraph


@record
class GitFacts:
    """What the roadmap's git history says, handed to rules as data.

    ``in_progress_since``: for each item in progress, when it became so (and the
    commit), without a break since. ``now``: the moment ages are measured to.
    """

    in_progress_since: Mapping[str, tuple[datetime, str]]
    now: datetime


@record
class CrossItem:
    """What a ``path#ID`` dependency names: the other roadmap's item, or why it is unknown."""

    path: str  # the other roadmap, normalised as other_roadmap takes it
    item_id: str
    written_path: str  # as the Depends on value has it, relative to this roadmap's folder
    item: Item | None
    problem: str | None  # the file's error, or that it holds no such item


@record(frozen=False, slots=False)
class Context:
    """What every rule may read: the records, the settings and derived lookups."""

    roadmap: Roadmap
    settings: Settings
    facts: GitFacts | None = None  # None: no git history to read
    # The items a per-item rule reports on: every item, or those an edit may have
    # changed the findings of (rules/incremental.py). Lookups still see every item.
    only: tuple[Item, ...] | None = None
    _others: dict[str, Roadmap | str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def checked_items(self) -> Sequence[Item]:
        return self.roadmap.items if self.only is None else self.only

    def restricted(self, items: tuple[Item, ...] | None) -> Context:
        """The same context reporting on ``items`` only, sharing its lookups."""
        other = Context(self.roadmap, self.settings, self.facts, items, self._others)
        for name in ("items_by_id", "graph", "priority_rank"):
            if name in self.__dict__:
                other.__dict__[name] = self.__dict__[name]
        return other

    def other_roadmap(self, path: str) -> Roadmap | str:
        """Another roadmap named by a ``path#ID`` dependency, read once; or why it cannot be."""
        from roadmaplint.reader.references import normalised

        if path == normalised(self.roadmap.path):
            return self.roadmap
        if path not in self._others:
            from pathlib import Path

            from roadmaplint.errors import RoadmapError
            from roadmaplint.reader import parse
            from roadmaplint.reader.source import read_roadmap

            within = self.settings.read_within
            if within is not None and not Path(path).resolve().is_relative_to(within):
                self._others[path] = f"{path}: not read: it is outside the folder served"
                return self._others[path]
            try:
                text = read_roadmap(Path(path)).text
                self._others[path] = parse(text, path, self.settings)
            except RoadmapError as error:
                self._others[path] = str(error).split(" (looked in ")[0]
        return self._others[path]

    def cross_item(self, name: str) -> CrossItem | None:
        """The other roadmap's item a ``path#ID`` dependency names; None for other names."""
        from roadmaplint.reader.references import cross_reference, target_path

        reference = cross_reference(name, self.settings.id_pattern)
        if reference is None:
            return None
        path = target_path(self.roadmap.path, reference)
        other = self.other_roadmap(path)
        if isinstance(other, str):
            return CrossItem(path, reference.item_id, reference.path, None, other)
        found = next((one for one in other.items if one.id == reference.item_id), None)
        problem = None if found else f"no item {reference.item_id} in {reference.path}"
        return CrossItem(path, reference.item_id, reference.path, found, problem)

    @cached_property
    def items_by_id(self) -> dict[str, Item]:
        """Each ID's first item; later duplicates are RL102's business."""
        found: dict[str, Item] = {}
        for item in self.roadmap.items:
            found.setdefault(item.id, item)
        return found

    @cached_property
    def graph(self) -> DependencyGraph:
        from roadmaplint.graph import DependencyGraph

        return DependencyGraph.from_roadmap(self.roadmap, self.items_by_id)

    @cached_property
    def priority_rank(self) -> dict[str, int]:
        """Legend order: 0 is the highest priority."""
        legend = self.roadmap.priority_legend
        values = legend.values if legend else ()
        return {value: rank for rank, value in reversed(list(enumerate(values)))}

    @property
    def legend_statuses(self) -> frozenset[str]:
        """The Status Legend's values; none for statuses listed under another heading
        (``## Statuses``), which ask for nothing of roadmaplint's format (RL503)."""
        legend = self.roadmap.status_legend
        return frozenset(legend.values) if legend and not legend.inferred else frozenset()


def id_prefix(item_id: str) -> str:
    """``MODEL`` for ``MODEL-12``: the ID without its number and separator."""
    # dotted numbers too: TASK-28.1 is a TASK
    return item_id.rstrip("0123456789.").rstrip("-_") or item_id


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` (did you mean X?)`` when a candidate is close, else an empty string."""
    suggestion = closest(word, candidates)
    return f" (did you mean {suggestion}?)" if suggestion else ""


# difflib's ratio a suggestion must reach: at 0.6 unrelated words pass ("target" and
# "area" share a, r, e: 0.6); at 0.8 one slip in a short word still does ("redy").
SIMILAR = 0.8


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate nearest ``word`` as written, else the nearest with case folded
    (``REDY`` suggests ``ready``, ``p1`` suggests ``P1``), else None."""
    import difflib  # only a misspelt name needs it

    pool = list(candidates)

    close = difflib.get_close_matches(word, pool, n=1, cutoff=SIMILAR)
    if close:
        return close[0]
    folded: dict[str, str] = {}
    for candidate in pool:
        folded.setdefault(candidate.casefold(), candidate)
    close = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=SIMILAR)
    return folded[close[0]] if close else None
