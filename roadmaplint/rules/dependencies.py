"""Rules about dependencies between items (RL301-RL309)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from roadmaplint.findings import Severity
from roadmaplint.index import Context, did_you_mean, id_prefix
from roadmaplint.model import Item, Position
from roadmaplint.reader import DEPENDS_ON
from roadmaplint.reader.dialect import PHASE_ID
from roadmaplint.reader.idpattern import LEADING, id_regex
from roadmaplint.reader.waits import waits_in_status
from roadmaplint.rules.base import Report, Rule
from roadmaplint.text import LazyPattern


def _where(item: Item) -> Position:
    found = item.field(DEPENDS_ON)
    return found.value_position if found is not None else item.position


def _phase_number(item_id: str) -> float | None:
    if not PHASE_ID.fullmatch(item_id):
        return None
    number = item_id.split()[-1].rstrip("abcdefghijklmnopqrstuvwxyz")
    return float(number.split(".")[0]) + (0.5 if "." in number else 0.0)


def _first_phase(items: Sequence[Item]) -> float | None:
    numbers = [found for item in items if (found := _phase_number(item.id)) is not None]
    return min(numbers) if numbers else None


def _archived_phase(dependency: str, first_phase: float | None) -> bool:
    """A phase before the document's first one: shipped and archived elsewhere (a GSD
    roadmap moves a finished milestone's phases out), not an unknown item."""
    number = _phase_number(dependency)
    return number is not None and first_phase is not None and number < first_phase


def unknown_dependencies(context: Context) -> Iterator[Report]:
    known = context.items_by_id
    by_prefix: dict[str, list[str]] = {}  # filled when a dependency is unknown
    first_phase: list[float | None] = []
    for item in context.checked_items:
        for dependency in item.depends_on:
            if dependency in known:
                continue
            if not first_phase:
                first_phase.append(_first_phase(context.roadmap.items))
            if not _archived_phase(dependency, first_phase[0]):
                if not by_prefix:
                    for other in known:
                        by_prefix.setdefault(id_prefix(other), []).append(other)
                # Suggest among the same prefix: comparing with every ID is quadratic.
                similar = [
                    other for other in by_prefix.get(id_prefix(dependency), []) if other != item.id
                ]
                yield Report(
                    _where(item),
                    f"{item.id} depends on unknown item {dependency}"
                    f"{did_you_mean(dependency, similar)}",
                    item.id,
                )
    yield from unknown_cross_references(context)


def unknown_cross_references(context: Context) -> Iterator[Report]:
    """``path#ID`` dependencies whose file cannot be read or holds no such item."""
    from roadmaplint.reader.references import cross_reference, target_path

    for item in context.checked_items:
        for name in item.external_deps:
            reference = cross_reference(name, context.settings.id_pattern)
            if reference is None:
                continue
            other = context.other_roadmap(target_path(context.roadmap.path, reference))
            if isinstance(other, str):
                yield Report(_where(item), f"{item.id} depends on {name}, but {other}", item.id)
                continue
            known = {found.id for found in other.items}
            if reference.item_id not in known:
                yield Report(
                    _where(item),
                    f"{item.id} depends on unknown item {reference.item_id} of {reference.path}"
                    f"{did_you_mean(reference.item_id, known)}",
                    item.id,
                )


def dependency_cycles(context: Context) -> Iterator[Report]:
    from roadmaplint.graph import spell_cycle

    for cycle in context.graph.cycles():  # networkx only when there is a cycle
        first = context.items_by_id[cycle[0]]
        yield Report(_where(first), f"dependency cycle: {spell_cycle(cycle)}", first.id)


def self_dependencies(context: Context) -> Iterator[Report]:
    for item in context.checked_items:
        if item.id in item.depends_on:
            yield Report(_where(item), f"{item.id} depends on itself", item.id)


def _known_dependencies(context: Context, item: Item) -> Iterator[Item]:
    for dependency in dict.fromkeys(item.depends_on):
        found = context.items_by_id.get(dependency)
        if found is not None and found is not item:
            yield found


def _dependencies_with_status(context: Context, item: Item) -> Iterator[tuple[str, Item]]:
    """Each dependency whose status can be read, named as Depends on writes it: this
    roadmap's items, and other roadmaps' items (``path#ID``) in files that read."""
    for found in _known_dependencies(context, item):
        yield found.id, found
    for name in dict.fromkeys(item.external_deps):
        other = context.cross_item(name)
        if other is not None and other.item is not None and other.item is not item:
            yield name, other.item


def _is_parent(item: Item, dependency: Item) -> bool:
    """Whether ``dependency`` is the item it is a part of: named so in its front matter
    (Backlog.md's ``parent_task_id: TASK-27.0``) or by its ID (``TASK-27.0.1`` of
    ``TASK-27.0``). A sub-task that lists its parent among its dependencies says where it
    belongs; its parent stays open until its last part is done."""
    written = item.field("parent_task_id") or item.field("parent")
    if written is not None and written.value.casefold() == dependency.id.casefold():
        return True
    return item.id.startswith(dependency.id + ".")


def done_before_dependencies(context: Context) -> Iterator[Report]:
    statuses = context.settings.statuses
    for item in context.checked_items:
        if not statuses.is_done(item.status):
            continue
        queued = statuses.says_not_started(item.status)
        for name, dependency in _dependencies_with_status(context, item):
            if queued and statuses.says_not_started(dependency.status):
                continue  # two queued tasks: the dependency says their order, nothing more
            if statuses.is_closed(dependency.status):
                continue  # dropped, never to be done: the item was done without it
            if _is_parent(item, dependency):
                continue  # a part done while the whole it belongs to goes on
            if not statuses.is_done(dependency.status):
                yield Report(
                    _where(item),
                    f"{item.id} is {item.status} but depends on {name}, which is "
                    f"{dependency.status or 'without status'}; finish {name} first "
                    f"or reopen {item.id}",
                    item.id,
                )


def priority_inversions(context: Context) -> Iterator[Report]:
    rank = context.priority_rank
    for item in context.checked_items:
        if item.priority not in rank:
            continue
        for dependency in _known_dependencies(context, item):
            if dependency.priority in rank and rank[dependency.priority] > rank[item.priority]:
                yield Report(
                    _where(item),
                    f"{item.id} ({item.priority}) depends on {dependency.id} "
                    f"({dependency.priority}), which has a lower priority; raise "
                    f"{dependency.id} to {item.priority} or lower {item.id}",
                    item.id,
                )


def ready_before_dependencies(context: Context) -> Iterator[Report]:
    statuses = context.settings.statuses
    for item in context.checked_items:
        # ``READY (after 1.3)`` says itself that it waits for 1.3, and an open box only
        # that the work is not done: no claim that it is free to start, no contradiction.
        if not statuses.is_ready(item.status) or waits_in_status(item) or _open_box(item):
            continue
        if statuses.says_not_started(item.status):
            # "not started" (Backlog.md's To Do; ``todo``, ``open``, ``not started`` in a plan
            # read by the common spellings) claims nothing about its dependencies: the
            # dependency says the order, whether it is queued, under way or blocked
            continue
        for name, dependency in _dependencies_with_status(context, item):
            if statuses.is_closed(dependency.status):
                continue  # it will never be done: RL309 says so
            if not statuses.is_done(dependency.status):
                yield Report(
                    _where(item),
                    f"{item.id} is {item.status} but depends on {name}, which is "
                    f"{dependency.status or 'without status'}, not done",
                    item.id,
                )


def closed_dependencies(context: Context) -> Iterator[Report]:
    statuses = context.settings.statuses
    for item in context.checked_items:
        if statuses.is_done(item.status) or statuses.is_closed(item.status):
            continue
        for name, dependency in _dependencies_with_status(context, item):
            if statuses.is_closed(dependency.status):
                yield Report(
                    _where(item),
                    f"{item.id} is {item.status or 'without status'} but depends on {name}, "
                    f"which is {dependency.status} and will never be done; drop the "
                    f"dependency or reopen {name}",
                    item.id,
                )


def _open_box(item: Item) -> bool:
    """Whether ``item``'s status is an open box as written (``- [ ] T006``, a ``[ ]`` cell):
    it says the work is not done, whatever its dependencies are."""
    return item.status is not None and item.status.strip() in ("[ ]", "[]")


def repeated_dependencies(context: Context) -> Iterator[Report]:
    for item in context.checked_items:
        seen: set[str] = set()
        reported: set[str] = set()
        # IDs compare exactly; external names ignoring case ("Go 1.26", "go 1.26").
        keyed = [(name, name) for name in item.depends_on]
        keyed += [(name, "\0" + name.casefold()) for name in item.external_deps]
        for name, key in keyed:
            if key in seen and key not in reported:
                reported.add(key)
                yield Report(
                    _where(item),
                    f"{item.id} names {name} more than once under Depends on; keep one",
                    item.id,
                )
            seen.add(key)


# the loose spellings of an ID: runs of separators, of spaces
_SEPARATORS = LazyPattern(r"[\s_.]+")
_SPACES_OR_DOTS = LazyPattern(r"[\s.]+")
_SPACES = LazyPattern(r"\s+")


def _without_note(text: str) -> str:
    """``text`` without the note in brackets that ends it (``A-1 (partly)``): from the
    first bracket of its last line, and the blanks before it. Found with string methods:
    the pattern it replaces tried every blank of a long run of blanks as a start."""
    if not text.rstrip().endswith(")"):
        return text
    at = text.find("(", text.rfind("\n") + 1)
    return text if at < 0 else text[:at].rstrip()


def _id_spellings(name: str, id_only: re.Pattern[str], leading_id: re.Pattern[str]) -> list[str]:
    """What an ID written loosely may have meant: other case, other separators, no note."""
    bare = name.strip().strip("[]`*_").strip()
    spellings: list[str] = []
    for base in (bare, _without_note(bare)):
        spellings += [
            base.upper(),
            _SEPARATORS.sub("-", base).upper(),
            _SPACES_OR_DOTS.sub("-", base).upper(),
            _SPACES.sub("", base).upper(),
        ]
        leading = leading_id.match(base.upper())
        if leading:
            spellings.append(leading["id"])
    return list(dict.fromkeys(spelling for spelling in spellings if id_only.fullmatch(spelling)))


def near_miss_dependencies(context: Context) -> Iterator[Report]:
    from roadmaplint.reader.references import cross_reference

    id_only = id_regex(context.settings.id_pattern)
    leading_id = id_regex(context.settings.id_pattern, LEADING)
    known = context.items_by_id
    for item in context.checked_items:
        for name in item.external_deps:
            if cross_reference(name, context.settings.id_pattern) is not None:
                continue
            spellings = _id_spellings(name, id_only, leading_id)
            meant = next((spelling for spelling in spellings if spelling in known), None)
            if meant is not None and meant != item.id:
                yield Report(
                    _where(item),
                    f"{item.id} depends on {name!r}, which is not an item ID and so counts as "
                    f"an external dependency; did you mean {meant}?",
                    item.id,
                )


RULES = (
    Rule(
        code="RL301",
        name="unknown-dependency",
        severity=Severity.ERROR,
        summary="Depends on names an item that does not exist.",
        why="A dependency on a renamed or deleted item is a promise nobody tracks: plans "
        "built on it are wrong. An item of another roadmap is named `path#ID`, the path "
        "relative to this roadmap's folder (`docs/ROADMAP.md#GRAPH-1`); it is checked the "
        "same way. Names that are not item IDs (`Go 1.26`) are external dependencies and "
        "are not checked.",
        bad="- **Depends on:** GRAPH-9\n",
        good="- **Depends on:** GRAPH-1\n",
        check=unknown_dependencies,
        scope="item",
        reads=frozenset({"id"}),
    ),
    Rule(
        code="RL302",
        name="dependency-cycle",
        severity=Severity.ERROR,
        summary="Items depend on each other in a cycle.",
        why="No item of a cycle can ever start: each waits for another. One finding is "
        "reported per knot of mutually dependent items, spelling one cycle through it in "
        "work order: `A-1 -> A-2` means A-1 must be done before A-2, the meaning `->` has "
        "everywhere in roadmaplint (path, graph).",
        bad="## [A-1] First\n- **Depends on:** A-2\n\n## [A-2] Second\n- **Depends on:** A-1\n",
        good="## [A-1] First\n\n## [A-2] Second\n- **Depends on:** A-1\n",
        check=dependency_cycles,
        reads=frozenset({"id", "depends_on"}),
    ),
    Rule(
        code="RL303",
        name="self-dependency",
        severity=Severity.ERROR,
        summary="An item depends on itself.",
        why="An item that waits for itself can never start; it is almost always a copy-paste slip.",
        bad="## [BE-3] ONNX Export\n- **Depends on:** BE-3\n",
        good="## [BE-3] ONNX Export\n- **Depends on:** BE-1\n",
        check=self_dependencies,
        scope="item",
    ),
    Rule(
        code="RL304",
        name="done-with-open-dependency",
        severity=Severity.ERROR,
        summary="A done item depends on an item that is not done.",
        why="Either the dependency is in fact finished and its status is stale, or the item "
        "is not really done; the file contradicts itself either way. An item of another "
        "roadmap (`path#ID`) counts too, with the status its file gives it. A dependency "
        "that was dropped (cancelled, won't do) is none: the item was done without it.",
        bad="## [MODEL-2] Example\n- **Status:** done\n- **Depends on:** MODEL-1\n\n"
        "## [MODEL-1] Import\n- **Status:** in_progress\n",
        good="## [MODEL-2] Example\n- **Status:** done\n- **Depends on:** MODEL-1\n\n"
        "## [MODEL-1] Import\n- **Status:** done\n",
        check=done_before_dependencies,
        scope="item",
        reads=frozenset({"id", "status"}),
    ),
    Rule(
        code="RL305",
        name="priority-inversion",
        severity=Severity.WARNING,
        summary="An item depends on an item of lower priority.",
        why="A P0 item that waits on a P2 item is really P2 unless the dependency is raised; "
        "the priorities tell people to work in the wrong order.",
        bad="## [MODEL-1] Import\n- **Priority:** P0\n- **Depends on:** GRAPH-2\n\n"
        "## [GRAPH-2] Shapes\n- **Priority:** P2\n",
        good="## [MODEL-1] Import\n- **Priority:** P0\n- **Depends on:** GRAPH-2\n\n"
        "## [GRAPH-2] Shapes\n- **Priority:** P0\n",
        check=priority_inversions,
        scope="item",
        reads=frozenset({"id", "priority"}),
    ),
    Rule(
        code="RL306",
        name="ready-with-open-dependency",
        severity=Severity.WARNING,
        summary="A ready item depends on an item that is not done.",
        why="`ready` tells people they can claim the item now; with an unfinished dependency "
        "they cannot. Mark it blocked, or finish the dependency. An item of another roadmap "
        "(`path#ID`) counts too, with the status its file gives it. A status that names what "
        "it waits for (`READY (after 1.3)`) claims no such thing; nor, in a plan read by the "
        "common status spellings, does a task that only says it has not started (`todo`, "
        "`not started`, `open`, `new`), whatever its dependency's status, nor a task of a "
        "`queued` status (Backlog.md's To Do: not started, not free to start); nor does an "
        "open box (`- [ ] T006`), which says only that the work is not done. A task that "
        "says it is ready in any spelling (`Ready`, `✅ Ready`, `[AVAILABLE]`) over one that "
        "is only ready too still warns: the word claims the task can start now, and the "
        "plans that write it define it so (ready to claim, no blockers).",
        bad="## [MODEL-1] Import\n- **Status:** ready\n- **Depends on:** GRAPH-1\n\n"
        "## [GRAPH-1] Shapes\n- **Status:** in_progress\n",
        good="## [MODEL-1] Import\n- **Status:** blocked\n- **Depends on:** GRAPH-1\n\n"
        "## [GRAPH-1] Shapes\n- **Status:** in_progress\n",
        check=ready_before_dependencies,
        scope="item",
        reads=frozenset({"id", "status"}),
    ),
    Rule(
        code="RL307",
        name="repeated-dependency",
        severity=Severity.WARNING,
        summary="Depends on names the same dependency twice.",
        why="A repeated name is noise at best; at worst it is a slip for another item that "
        "was meant. IDs are compared exactly, external names ignoring case.",
        bad="- **Depends on:** GRAPH-1, MODEL-1, GRAPH-1\n",
        good="- **Depends on:** GRAPH-1, MODEL-1\n",
        check=repeated_dependencies,
        scope="item",
    ),
    Rule(
        code="RL308",
        name="dependency-not-an-id",
        severity=Severity.WARNING,
        summary="A Depends on entry looks like an item's ID but is not written as one.",
        why="`GRAPH 1`, `graph-1` or `[graph-1]` do not match the ID pattern, so they "
        "count as external dependencies: plans ignore them and RL301 never checks them. "
        "Write the ID exactly. (An ID followed by prose, `GRAPH-1 (partly)` or `GRAPH-1 merged "
        "upstream`, names GRAPH-1 and keeps the prose as its note.)",
        bad="- **Depends on:** graph-1\n",
        good="- **Depends on:** GRAPH-1\n",
        check=near_miss_dependencies,
        scope="item",
        reads=frozenset({"id"}),
    ),
    Rule(
        code="RL309",
        name="open-over-closed-dependency",
        severity=Severity.ERROR,
        summary="An open item depends on an item that will never be done.",
        why="A cancelled, dropped or archived dependency is never finished, so the item "
        "waiting on it can never start: `next` never offers it, and nothing else says why. "
        "Drop the dependency (the work is done another way, or not needed) or reopen it. "
        "The common spellings (`cancelled`, `dropped`, `won't do`, a `[-]` box) count under "
        "any legend, as does a `closed` status in the settings and a Backlog.md task in "
        "`archive/tasks/`; a done or closed item over one is not checked.",
        bad="## [MODEL-2] Export\n- **Status:** blocked\n- **Depends on:** MODEL-1\n\n"
        "## [MODEL-1] Import\n- **Status:** cancelled\n",
        good="## [MODEL-2] Export\n- **Status:** blocked\n- **Depends on:** MODEL-1\n\n"
        "## [MODEL-1] Import\n- **Status:** in_progress\n",
        check=closed_dependencies,
        scope="item",
        reads=frozenset({"id", "status"}),
    ),
)
