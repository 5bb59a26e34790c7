"""Rules about the shape of items and of the document: headings, IDs, fields (RL101-RL110)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import pairwise

from roadmaplint.findings import Cited, Line, Severity, said
from roadmaplint.index import Context, closest, id_prefix
from roadmaplint.model import Heading, Item, NearMiss, Position, Roadmap
from roadmaplint.reader import Dialect
from roadmaplint.reader.claims import CLAIMED_BY
from roadmaplint.reader.dialect import PHASE_ID, FieldNames, field_names, is_priority_group
from roadmaplint.reader.idpattern import id_regex
from roadmaplint.reader.linestyle import FieldStyle, new_field
from roadmaplint.reader.quiet import asks_for, declares_fields, in_own_format
from roadmaplint.rules.base import Report, Rule
from roadmaplint.settings import (
    KNOWN_FIELDS,
    Settings,
    Statuses,
    common_meaning,
    describe_id_pattern,
)
from roadmaplint.text import LazyPattern, split_lines

# What an attempt at an item heading starts with: [anything], or a word with a digit.
_BRACKETED = LazyPattern(r"\[([^\]]*)\][ \t]*[—–:-]?[ \t]*(.*)", re.S)
# Another ID joined to the first at the start of a heading's rest: "/ WP-12", ", A-3".
_JOINED_ID = LazyPattern(r"(?:[/,&+]|and\b)[ \t]*([^\s/,&+]+)")
_FIRST_WORD = LazyPattern(r"(?<!\S)([^\s\[\]]+?)(?:[ \t]*[—–:.-])?(?:[ \t]+(.*)|$)", re.S)


# A heading naming an item by its ID, then only a note in brackets.
_NOTE_ON_ITEM = LazyPattern(r"(\S+)[ \t]+\([^()]*\)")
# A release named where an ID would be: ``V1``, ``v2``, and what comes before or after it
# (``Post-v1``, ``Pre-V2``): ``## V1 Completion Checklist`` among ``## Phase 1: ...``.
_RELEASE_WORD = LazyPattern(r"(?:(?:post|pre|beyond|after|before)-)?[vV][0-9]{1,3}", re.I)


def _what_is_wrong(heading: Heading, settings: Settings) -> str | None:
    """Why a heading among items is no item heading, or None if it is plain prose."""
    pattern = settings.id_pattern
    id_only = id_regex(pattern)
    hashes = "#" * heading.level
    bracketed = _BRACKETED.fullmatch(heading.text)
    if bracketed is not None:
        word, title = bracketed[1].strip(), bracketed[2].strip()
        if not id_only.fullmatch(word):
            return (
                f'its ID "{word}" does not match {describe_id_pattern(pattern)}; rename the ID, '
                "or set id-pattern in the configuration to a pattern that matches it"
            )
        return f'"[{word}]" has no title after it: write "{hashes} [{word}] Title"'
    first = _FIRST_WORD.fullmatch(heading.text)
    if first is None:
        return None
    word, title = first[1], (first[2] or "").strip()
    if is_priority_group(word, settings.priority_values):
        return (
            None  # `## P0 — Freeze gate` names a priority band over items, as the outline reads it
        )
    if id_only.fullmatch(word):
        joined = _JOINED_ID.match(title)
        if joined is not None and id_only.fullmatch(joined[1]):
            return None  # `WP-10 / WP-12 — Hardening`: one heading for several items, no typo
        if not title:
            return f'"{word}" has no title after it: write "{hashes} [{word}] Title"'
        return (
            f'write it as "{hashes} [{word}] {title}" or "{hashes} {word} — {title}" '
            "(a separator —, –, - or : after the ID)"
        )
    # A version ("v2.2.0 Complete API Coverage") is no lower-case ID.
    lower_case_id = "." not in word and id_only.fullmatch(word.upper())
    if any(character.isdigit() for character in word) and lower_case_id:
        return (
            f'its ID "{word}" does not match {describe_id_pattern(pattern)}; write '
            f"{word.upper()}, or set id-pattern in the configuration"
        )
    return None


def invalid_item_headings(context: Context) -> Iterator[Report]:
    holding = _headings_over_items(context.roadmap)
    for heading in context.roadmap.headings:
        if not heading.in_item_section or heading.position.line in holding:
            continue
        noted = _NOTE_ON_ITEM.fullmatch(heading.text)
        if noted is not None and noted[1] in context.items_by_id:
            continue  # ``D1 (original report, kept for context)``: a part of item D1's story
        if _names_a_release(heading.text, context.items_by_id):
            continue  # ``V1 Completion Checklist``, ``Post-v1 (not scheduled)``: a release
        wrong = _what_is_wrong(heading, context.settings)
        if wrong is None:
            continue
        yield Report(
            heading.position,
            f'heading "{heading.text}" in section {heading.section} is not an item heading: '
            f"{wrong}",
        )


def _names_a_release(text: str, items_by_id: dict[str, Item]) -> bool:
    """Whether a heading opens with a release's name (``V1``, ``Post-v1``) in a plan whose
    items are named otherwise (``Phase 1``, slugs of boxes): what ships in a release, or
    what waits until after it, no item heading missing its separator. Where the plan's own
    items are named ``V1``, ``V2``, a heading so named is one of them, written wrong."""
    first = text.split(None, 1)[0] if text.strip() else ""
    if _RELEASE_WORD.fullmatch(first.rstrip(":")) is None:
        return False
    return not any(_RELEASE_WORD.fullmatch(item_id) for item_id in items_by_id)


def _headings_over_items(roadmap: Roadmap) -> set[int]:
    """The lines of the headings whose own text, up to the next heading, holds items read
    from boxes, rows or bullets (``## Q1 (January to March)`` over ``- [ ] Ship``): the
    section of that work, no item heading missing its separator."""
    lines = [h.position.line for h in roadmap.headings]
    heading_lines = set(lines)
    holding: set[int] = set()
    for item in roadmap.items:
        if item.position.line in heading_lines:
            continue
        at = bisect.bisect_left(lines, item.position.line)
        if at:
            holding.add(lines[at - 1])
    return holding


def duplicate_ids(context: Context) -> Iterator[Report]:
    items = context.roadmap.items
    owners = _owning_headings(context.roadmap)
    runs = _series_runs(items, owners)
    shapes: dict[int, str] = {}  # the shape of each item, by its id(), read at the first need
    groups = _one_phase_groups(items, owners, context.roadmap, shapes)
    seen: dict[tuple[str, int], Item] = {}
    for index, item in enumerate(items):
        run = runs.get(index)
        if index in groups and seen.setdefault((item.id, -groups[index]), item) is not item:
            continue  # one more part of the phase its group's first heading names
        if run is not None:  # a restarted series: an ID is one only within its run
            first = seen.setdefault((item.id, run), item)
        else:
            first = context.items_by_id[item.id]
        if (
            first is not item
            and not _detail_of_row(context.roadmap, first, item, shapes)
            and not _restated_title(context.roadmap, first, item, shapes)
        ):
            message, cited = said(
                f"duplicate item ID {item.id} (first defined ",
                Line(first.position.line, "on "),
                ")",
            )
            yield Report(item.position, message, item.id, cited=cited)


def _owning_headings(roadmap: Roadmap) -> list[int]:
    """For each item (by index), the line of the nearest heading above it that is no item
    of its own (0 above the first): the part of the document the item is written in. Two
    sections may carry one name (``### Slices`` under each entry of a backlog)."""
    items = roadmap.items
    item_lines = {item.position.line for item in items}
    lines = [h.position.line for h in roadmap.headings if h.position.line not in item_lines]
    owners = []
    for item in items:
        at = bisect.bisect_left(lines, item.position.line)
        owners.append(lines[at - 1] if at else 0)
    return owners


def _one_phase_groups(
    items: Sequence[Item], owners: list[int], roadmap: Roadmap, shapes: dict[int, str]
) -> dict[int, int]:
    """The item headings (by index) that each name one part of the same phase under their
    section, which names no other phase (``### Phase 5 — gameplay``, ``### Phase 5 — UI
    wiring`` under ``## Backlog``), with the section's line: the work of one phase grouped
    by theme (other sections number the other phases, or the one named is not the first).
    A phase written twice among others (Phase 4, Phase 5, Phase 5, Phase 7), or a first
    phase written twice in a plan that numbers nothing else, is still a duplicate."""
    buckets: dict[tuple[int, str], list[int]] = {}
    numbers: dict[int, int] = {}
    for index, item in enumerate(items):
        match = _SERIES.fullmatch(item.id)
        if match is not None:
            buckets.setdefault((owners[index], match[1]), []).append(index)
            numbers[index] = int(match[2])
    prefixes = Counter(prefix for _, prefix in buckets)
    groups: dict[int, int] = {}
    for (owner, prefix), indexes in buckets.items():
        named = [items[index] for index in indexes]
        if (
            len({item.id for item in named}) > 1
            or (prefixes[prefix] < 2 and numbers[indexes[0]] <= 1)
            or len({item.title for item in named}) < len(named)
            or len(named) < 2
        ):
            continue
        if not shapes:
            shapes.update(_shapes_by_item(roadmap))
        if all(shapes.get(id(item)) in ("headings", "phases") for item in named):
            groups.update(dict.fromkeys(indexes, owner + 1))
    return groups


def _detail_of_row(roadmap: Roadmap, row: Item, item: Item, shapes: dict[int, str]) -> bool:
    """Whether ``item`` is a heading with no status of its own that details the item a
    table row lists above it: an index of features (``| F-052 | parked | Hit analytics |``)
    and, under Draft Feature Specs, ``### F-052: Hit Analytics & Achievements``. The
    heading is the row's spec, not a second item; one with a status of its own is."""
    if item.status is not None or row.position.line > item.position.line:
        return False
    if not shapes:
        shapes.update(_shapes_by_item(roadmap))
    return shapes.get(id(row)) == "table-rows" and shapes.get(id(item)) in ("headings", "phases")


def _restated_title(roadmap: Roadmap, first: Item, item: Item, shapes: dict[int, str]) -> bool:
    """Whether two items with no ID written, each named by the reader from its title, are
    one title restated in another shape: a README's features table and its checklist
    (``| Login | Done |``, ``- [x] Login``). No ID the user wrote is given twice."""
    if not (first.named_by_title and item.named_by_title):
        return False
    if not shapes:
        shapes.update(_shapes_by_item(roadmap))
    return shapes.get(id(first)) != shapes.get(id(item))


def _shapes_by_item(roadmap: Roadmap) -> dict[int, str]:
    from roadmaplint.reader.shapes import item_shapes

    return dict(zip((id(one) for one in roadmap.items), item_shapes(roadmap), strict=True))


# A short label numbered in a series of its own (S1, E12, ST3), or a planning phase (the
# phases of each milestone numbered from 1): the way a document numbers the steps of one
# part; an ID of the plan as a whole (TASK-1, FTR-012) is written longer.
_SERIES = LazyPattern(r"([A-Za-z]{1,3}|Phase[ \t]+)([0-9]{1,3})")


def _series_runs(items: Sequence[Item], owners: list[int]) -> dict[int, int]:
    """For the items (by index) of a series the document numbers again from its start
    (``S1, S2, S3`` as the slices of one epic, then ``S1, S2`` as another's; ``Phase 0``
    to ``Phase 7`` of one part, then ``Phase 1`` on of the next), which run of the series
    each is in. A run starts where an ID of the current run that is the series' first, or
    numbered 0 or 1, comes again under another heading than the run before (a series
    pasted again into its own section is copied, not numbered anew) and goes on with the
    next ones; an ID seen once more alone is no new run but a duplicate."""
    starts: dict[str, str] = {}
    current: dict[str, int] = {}
    places: dict[str, tuple[str | None, int]] = {}  # where each series' current run started
    in_run: dict[str, set[str]] = {}
    found: dict[int, tuple[str, int]] = {}
    for index, item in enumerate(items):
        match = _SERIES.fullmatch(item.id)
        if match is None:
            continue
        prefix, place = match[1], (item.section, owners[index])
        if prefix not in starts:
            starts[prefix], current[prefix], places[prefix] = item.id, 0, place
            in_run[prefix] = set()
        elif place != places[prefix] and (
            item.id == starts[prefix] or (int(match[2]) <= 1 and item.id in in_run[prefix])
        ):
            current[prefix] += 1
            places[prefix] = place
            in_run[prefix] = set()
        in_run[prefix].add(item.id)
        found[index] = (prefix, current[prefix])
    sizes = Counter(found.values())
    restarted = {prefix for prefix, run in sizes if run > 0}
    return {
        index: run
        for index, (prefix, run) in found.items()
        if prefix in restarted and (run == 0 or sizes[(prefix, run)] > 1)
    }


def missing_required_fields(context: Context) -> Iterator[Report]:
    dialect = Dialect.from_settings(context.settings)
    required = [(dialect.key(name), name) for name in context.settings.required_fields]
    hints = _FieldHints(context.roadmap)
    habit = _by_habit(context)
    kept = _section_conventions(context) if habit else {}
    parents = _Parents(context.roadmap.items) if habit else None
    for item in context.checked_items:
        present = {candidate.key for candidate in item.fields}
        for key, name in required:
            if key in present or key in kept.get(item.section, ()):
                continue
            if key == "priority" and parents is not None and parents.prioritised(item):
                continue
            if key == "status" and parents is not None and parents.has_steps(item):
                continue  # a task's numbered steps say how far it is (``CORE-01.1``, ``[x]``)
            if habit and not _asked_of(item, key, context.settings.statuses):
                continue
            yield Report(
                item.position,
                f"{item.id} is missing the required field {name} ({hints.hint(item, key, name)})",
                item.id,
            )


# Zeros that lead a number of an ID (task-001.01): Backlog.md names that task TASK-1.1 too.
_LEADING_ZEROS = LazyPattern(r"(?<![0-9])0+(?=[0-9])")
# The field a task file names its parent by (Backlog.md's parent_task_id).
_PARENT_KEYS = frozenset({"parent_task_id", "parent task id", "parent"})


class _Parents:
    """The parent of a sub-task: the item its parent field names (``parent_task_id:
    task-001``), else the item whose ID is its own without the last dotted part
    (``1.2`` under ``1``, ``TASK-7.3`` under ``TASK-7``)."""

    def __init__(self, items: Sequence[Item]) -> None:
        self._by_id = {_loose(item.id): item for item in reversed(items)}
        self._with_steps = {_loose(item.id.rsplit(".", 1)[0]) for item in items if "." in item.id}
        # a phase over its numbered tasks, each saying its state (``1. **Decisions** — done.``)
        self._with_steps |= {
            _loose(phase.id)
            for phase, task in pairwise(items)
            if PHASE_ID.fullmatch(phase.id) is not None
            and task.named_by_title
            and task.status is not None
            and phase.position.line < task.position.line <= phase.end_line
        }

    def has_steps(self, item: Item) -> bool:
        """Whether ``item`` has sub-tasks numbered under its ID (``CORE-01.1`` under
        ``CORE-01``), or is a phase over its tasks that each say their state: they say how
        far it is, where it writes no status."""
        return _loose(item.id) in self._with_steps

    def prioritised(self, item: Item) -> bool:
        """Whether ``item``'s parent has a priority, which a sub-task shares: a person
        gives the epic its priority, not each of its parts."""
        named = next((f.value for f in item.fields if f.key in _PARENT_KEYS and f.value), None)
        if named is None and "." in item.id:
            named = item.id.rsplit(".", 1)[0]
        parent = self._by_id.get(_loose(named)) if named else None
        return parent is not None and parent is not item and parent.priority is not None


def _loose(item_id: str) -> str:
    return _LEADING_ZEROS.sub("", item_id.strip().upper())


def _by_habit(context: Context) -> bool:
    """Whether the required fields are the document's habit (no configuration asks for
    them, and the document is not in roadmaplint's own format)."""
    return "required-fields" not in context.settings.configured and not in_own_format(
        context.roadmap
    )


def _asked_of(item: Item, key: str, statuses: Statuses) -> bool:
    """Whether a field the document's habit requires is asked of ``item``: an owner of work
    someone has taken up (an open task nobody claimed yet has none), any other field of
    work not yet done (a finished task needs no priority), nor closed (an archived task,
    written before its tool kept front matter, needs no status)."""
    if key == "dri":
        return not (statuses.is_ready(item.status) or statuses.is_idea(item.status))
    return not (statuses.is_done(item.status) or statuses.is_closed(item.status))


def _section_conventions(context: Context) -> dict[str | None, frozenset[str]]:
    """For each section of two items or more, the fields none of its items writes: a
    section with a convention of its own (bugs with a Severity, not a Priority; a table of
    open stories with no Owner column) is not held to the rest of the document's habit."""
    keys: dict[str | None, set[str]] = {}
    counts: Counter[str | None] = Counter()
    for item in context.roadmap.items:
        keys.setdefault(item.section, set()).update(found.key for found in item.fields)
        counts[item.section] += 1
    everything = {found.key for item in context.roadmap.items for found in item.fields}
    return {
        section: frozenset(everything - written)
        for section, written in keys.items()
        if counts[section] >= 2
    }


class _FieldHints:
    """The line ``set`` would write for a missing field, shown as the hint: in the
    style the item's fields are written in (or the nearest item's), unindented."""

    def __init__(self, roadmap: Roadmap) -> None:
        self._roadmap = roadmap
        self._lines: list[str] | None = None
        self._with_fields: list[Item] = []
        self._starts: list[int] = []

    def hint(self, item: Item, key: str, name: str) -> str:
        """How to add the field: a field line under a heading item; a column for a table
        row, whose table has none for it; the box's own line for a checkbox."""
        from roadmaplint.reader.shapes import shape_of

        shape = shape_of(self._roadmap, item)
        if shape is None:
            return f'add "{self.line(item, key, name)}"'
        option = {"status": "status", "priority": "priority", "dri": "dri"}.get(key)
        if shape.name == "table-rows":
            column = self._column(item, key)
            if column is None:
                return f"its table has no {name} column; add one"
            command = f": roadmaplint set {item.id} --{option} ..." if option else ""
            return f"its {column} cell is empty{command}"
        if option is None:
            return f"a {shape.name} item has no place for it; require it only of other items"
        return f"write it on the item's line: roadmaplint set {item.id} --{option} ..."

    def _column(self, item: Item, key: str) -> str | None:
        """The column a row of ``item``'s table writes ``key`` in (``Owner`` for the DRI),
        or None: a row of the same section that fills it names it."""
        return next(
            (
                found.name
                for other in self._roadmap.items
                if other.section == item.section and other is not item
                for found in other.fields
                if found.key == key
            ),
            None,
        )

    def line(self, item: Item, key: str, name: str) -> str:
        if self._lines is None:  # read only when an item misses a field
            self._lines = split_lines(self._roadmap.source)
            self._with_fields = [item for item in self._roadmap.items if item.fields]
            self._starts = [item.position.line for item in self._with_fields]
        style = new_field(
            self._lines, item, key, self._nearest(item), self._roadmap.style.indent
        ).style
        return FieldStyle(style.prefix.lstrip(" \t"), style.label).line(name, "...")

    def _nearest(self, item: Item) -> list[Item]:
        """The item with fields nearest to ``item`` (above or below), if any."""
        at = bisect.bisect_left(self._starts, item.position.line)
        around = self._with_fields[max(at - 1, 0) : at + 1]
        return sorted(around, key=lambda other: abs(other.position.line - item.position.line))


def unknown_fields(context: Context) -> Iterator[Report]:
    if not declares_fields(context.roadmap, context.settings):
        return  # no list of fields to be unknown to: a document's own fields are its own
    # One lookup table per dialect: Dialect.is_known hashes the whole frozen dialect on
    # every call, a third of a keystroke's re-check in the language server.
    names = field_names(Dialect.from_settings(context.settings))
    known = (*KNOWN_FIELDS, *context.settings.extra_fields)
    for item in context.checked_items:
        for candidate in item.fields:
            if names.is_known(candidate.name) or candidate.key == CLAIMED_BY:
                continue  # a claim is written by `claim_item` and checked by RL506
            suggestion = closest(candidate.name, known)
            hint = (
                f"did you mean {suggestion}?" if suggestion else f"known fields: {', '.join(known)}"
            )
            yield Report(
                candidate.position,
                f'{item.id} has an unknown field "{candidate.name}" ({hint})',
                item.id,
            )


def repeated_fields(context: Context) -> Iterator[Report]:
    names = field_names(Dialect.from_settings(context.settings))
    for item in context.checked_items:
        fields = item.fields
        if len({candidate.key for candidate in fields}) == len(fields):
            continue  # most items: no name written twice, nothing to tell apart
        seen: dict[str, int] = {}
        labels = _labels(item, names)
        for candidate in item.fields:
            if candidate.key in labels:
                continue
            if candidate.key in seen:
                message, cited = said(
                    f"{item.id} has the field {candidate.name} twice (first ",
                    Line(seen[candidate.key], "on "),
                    "); keep one",
                )
                yield Report(candidate.position, message, item.id, cited=cited)
            else:
                seen[candidate.key] = candidate.position.line


def _labels(item: Item, names: FieldNames) -> frozenset[str]:
    """The names an item writes three times or more that no field is known by: labels of
    its parts (``- **Task:** ...`` under each step of a phase, ``**Note:**`` under each
    endpoint), whose values are not one value given again. A known field written twice
    or more is still a contradiction. So is a name no field is known by written on
    consecutive lines, as the entries of one list (``- **Exclude**: a`` over ``-
    **Exclude**: b`` under ``**Scope**:``)."""
    lines: dict[str, list[int]] = {}
    for candidate in item.fields:
        lines.setdefault(candidate.key, []).append(candidate.position.line)
    return frozenset(
        key
        for key, written in lines.items()
        if not names.is_known(key) and (len(written) >= 3 or _consecutive(written))
    ) | _parallel_labels(item, names)


def _parallel_labels(item: Item, names: FieldNames) -> frozenset[str]:
    """The names no field is known by that an item writes as the same list twice or more:
    the labels of its parallel parts (``#### Week 6`` and ``#### Week 7``, each over
    ``- **Monday**:``, ``- **Wednesday**:``, ``- **Friday**:``), each part's own, no value
    given again."""
    runs: list[list[str]] = []
    last = -2
    for candidate in item.fields:
        if candidate.position.line != last + 1:
            runs.append([])
        runs[-1].append(candidate.key)
        last = candidate.position.line
    seen: set[tuple[str, ...]] = set()
    repeated: set[str] = set()
    for run in runs:
        keys = tuple(run)
        if len(keys) < 2 or any(names.is_known(key) for key in keys):
            continue
        if keys in seen:
            repeated.update(keys)
        seen.add(keys)
    return frozenset(repeated)


def _consecutive(lines: list[int]) -> bool:
    """Whether ``lines`` (two or more) follow one another with no line between."""
    return len(lines) >= 2 and all(b == a + 1 for a, b in pairwise(lines))


# An ID that names its week (sprint, milestone) and its area: ``W3-EVT-01``, ``S2-API-4``.
_SERIES_AND_AREA = LazyPattern(r"([A-Z]{1,2})[0-9]{1,3}-[A-Z]{2,8}-[0-9]{1,4}")


def _prefix(item_id: str) -> str:
    """An ID's prefix; every planning phase (Phase 8, Phase 08.1) has the prefix Phase, a
    task split in lettered parts keeps its own (TASK-302a is a TASK), and an ID naming its
    week and area has its series' letter (W3-EVT-01 and W1-TS-01 are both a W)."""
    if PHASE_ID.fullmatch(item_id):
        return "Phase"
    if (dated := _SERIES_AND_AREA.fullmatch(item_id)) is not None:
        return dated[1]  # ``W3-EVT-01`` beside ``W1-TS-01``: the week's series, any area
    if len(item_id) > 1 and item_id[-1].islower() and item_id[-2].isdigit():
        item_id = item_id[:-1]
    if (parted := _SUB_NUMBERED.fullmatch(item_id)) is not None:
        item_id = parted[1]  # ``TI3_1``, ``TE2E3_2``: the tests of task 3, a TI and a TE2E
    return id_prefix(item_id)


# A task's number and its part after an underscore or a hyphen: ``TI3_1``, ``TE2E16_2`` (the
# first and second tests of tasks 3 and 16), ``US4-2``, whose prefix is ``TI``, ``TE2E`` and
# ``US``, not ``TI3``.
_SUB_NUMBERED = LazyPattern(r"([A-Za-z](?:[A-Za-z0-9]{0,20}[A-Za-z])?[0-9]{1,4})[_-][0-9]{1,3}")


def mixed_id_prefixes(context: Context) -> Iterator[Report]:
    # A reference made from a title (an item written without an ID) has no prefix.
    is_id = id_regex(context.settings.id_pattern).fullmatch
    # An ID without a number (``ERR_HTTP2_PING_CANCEL``, an error code a reference
    # lists) is a name of its own: it has no prefix to share. A section of such names
    # is a reference, and the few of them that end in a digit (``ERR_HTTP2_STATUS_101``)
    # are names too.
    # each ID's prefix found once (an ID written twice has one)
    prefix_of = {item.id: _prefix(item.id) for item in context.roadmap.items if is_id(item.id)}
    named = Counter(
        item.section for item in context.roadmap.items if prefix_of.get(item.id) == item.id
    )
    items = [
        item
        for item in context.roadmap.items
        if item.id in prefix_of and prefix_of[item.id] != item.id and not named[item.section]
    ]
    by_section: dict[str | None, list[str]] = {}
    for item in items:
        by_section.setdefault(item.section, []).append(prefix_of[item.id])
    usual: dict[str | None, str] = {}
    counted: dict[str | None, Counter[str]] = {}
    for section, prefixes in by_section.items():
        counts = counted[section] = Counter(prefixes)
        # The most common prefix; on a tie, the one that came first.
        usual[section] = max(counts, key=lambda prefix: (counts[prefix], -prefixes.index(prefix)))
    if _sections_by_theme(usual, by_section):
        return
    # A prefix no section takes as its own that comes back in two sections or more is a
    # kind of work that cuts across them (``TSK-SEO-001`` under Platform, ``TSK-SEO-002``
    # under Shared), not an item filed under another section's prefix.
    owned = set(usual.values())
    spread = Counter(prefix for counts in counted.values() for prefix in counts)
    logs = _logs_of_one_status(items, counted)
    for item in items:
        expected = usual[item.section]
        prefix = prefix_of[item.id]
        # A prefix two items of the section share is a kind of item (``FTR-``, ``BUG-``,
        # ``TECH-`` in one queue), not one filed under the wrong prefix.
        if counted[item.section][prefix] > 1:
            continue
        if item.section in logs:
            continue
        if prefix not in owned and spread[prefix] > 1:
            continue
        if prefix not in owned and _one_scheme(prefix, expected):
            continue
        if (
            _one_scheme(prefix, expected)
            and spread[prefix] > 2
            and _coded_elsewhere(prefix, item.section, counted)
        ):
            continue  # ``BH-H05`` among ``BH-C01``-``BH-C03``: the letter codes a severity
        if _backlog_kind(prefix) and _backlog_kind(expected):
            continue  # ``EN01`` beside ``US01``-``US06``: an enabler among stories
        if _no_usual_prefix(counted[item.section]):
            continue
        if _layer_of_components(item.section, counted[item.section]):
            continue
        if _kinds_by_state(item.section, (prefix, expected), context.roadmap.source):
            continue
        if _named_by_section(item.section, prefix):
            continue  # ``UI-POLISH-01`` under ``### UI polish & media UX``: its own theme
        if len(by_section[item.section]) > 1 and prefix != expected:
            yield Report(
                item.position,
                f"{item.id} uses the prefix {prefix} in section {item.section}, "
                f"where the other items use {expected}",
                item.id,
            )


# A line of a list that says what a prefix names: ``- `STUDIO-XXX` — the Studio's UI;``.
_DECLARED_KIND = LazyPattern(
    r"^[ \t]{0,3}[-*+][ \t]+`(?P<prefix>[A-Z][A-Z0-9]{0,15})-(?:X{2,6}|N{2,6}|0{2,6}|#{1,3})`"
    r"[ \t]+[—–:-]",
    re.MULTILINE,
)
_DECLARED_KINDS = 2  # a list of two kinds of work or more: the queue's own vocabulary


def _kinds_by_state(section: str | None, prefixes: tuple[str, str], source: str) -> bool:
    """Whether a section named by a state (``## Готово``, done) holds items of prefixes the
    document lists first as kinds of work (``- `STUDIO-XXX` — ...``, ``- `DOCS-XXX` —
    ...``, two or more): a queue filed by state, whose prefixes say what each item is,
    so one of a kind beside two of another is no stray. Without that list, a prefix among
    items of one other prefix under ``## Implemented`` is one."""
    if not section or common_meaning(section) is None or "`" not in source:
        return False
    declared = {found["prefix"] for found in _DECLARED_KIND.finditer(source)}
    return len(declared) >= _DECLARED_KINDS and set(prefixes) <= declared


_WORD = LazyPattern(r"[0-9a-z]+")


def _named_by_section(section: str | None, prefix: str) -> bool:
    """Whether a section's heading names a prefix in words (``UI-POLISH`` under ``### UI
    polish & media UX — Phase 21``, ``IMPORT-UX`` under ``### Cookbook & import UX``): the
    section gathers the themes its heading names, each item of one of them, so none is a
    stray. A prefix the heading does not name (``BUG-7`` under ``## Auth``) still is."""
    if not section:
        return False
    words = _WORD.compiled().findall(prefix.casefold())
    heading = _WORD.compiled().findall(section.casefold())
    return bool(words) and any(
        heading[at : at + len(words)] == words for at in range(len(heading) - len(words) + 1)
    )


def _no_usual_prefix(counts: Counter[str]) -> bool:
    """Whether a section of three items or more gives each item a prefix of its own
    (``ORDER-001``, ``SEC-001``, ``TECH-001`` under a queue's ``## Следующее``): it files
    them by their state or time, not by their kind, and no prefix is the usual one, so
    none is a stray. Two items of two prefixes are still one stray beside one usual."""
    return sum(counts.values()) >= 3 and max(counts.values()) == 1


# A section that groups work by its depth in the dependency graph: ``### Layer 6: Autonomous
# Systems (Depends on Service Layer)``, ``## Wave 2``.
_DEPTH_LAYER = LazyPattern(r"(?:layer|level|tier|wave)[ \t]+[0-9]{1,2}\b", re.IGNORECASE)


def _layer_of_components(section: str | None, counts: Counter[str]) -> bool:
    """Whether a layer of a graph of tasks (``Layer 6: ...``) gives each of its items a
    prefix of its own (``AUTONOMOUS-1`` beside ``METRICS-1``): the layer groups tasks by
    their depth and the prefixes name components, so neither is a stray. Two items of one
    prefix and one of another in a layer still make that one a stray."""
    return (
        section is not None
        and _DEPTH_LAYER.match(section.lstrip("#*_ \t")) is not None
        and max(counts.values()) == 1
    )


def _coded_elsewhere(
    prefix: str, section: str | None, counted: dict[str | None, Counter[str]]
) -> bool:
    """Whether another section mixes prefixes of this prefix's scheme (``BH-H03`` and
    ``BH-M03`` under ``### P1``): with the prefix in three sections or more, the later part
    of such IDs codes something of each item (a finding's severity, ``BH-C01`` critical,
    ``BH-H05`` high) that the sections do not follow, so none is a stray where it stands.
    A prefix that one section holds and one other takes once (``TSK-PLAT-003`` under
    Shared) is still one filed under the wrong section."""
    head = prefix.partition("-")[0]
    return any(
        len({other for other in counts if other.partition("-")[0] == head}) > 1
        for at, counts in counted.items()
        if at != section
    )


def _one_scheme(prefix: str, expected: str) -> bool:
    """Whether two prefixes of several parts are one hierarchical scheme of IDs: they share
    their first part (``API-AUTH-SIGN-OUT-001`` beside ``API-HEALTH-002``, areas and
    actions of one API's specifications). The later parts name an area of the work, not
    another kind of item filed under this one; a prefix of one part (``COER-3`` among
    ``CORE-``) or of another first part (``BUG-7`` among ``W3-EVT-01``) is still a stray."""
    head, separated, _ = prefix.partition("-")
    other, also, _ = expected.partition("-")
    return bool(separated and also) and head == other


# The prefixes that name a kind of backlog item, not an area: a user story, an enabler,
# a spike, a bug, technical debt, a use case, a requirement. A backlog of stories with one
# enabler files it under no other section's prefix.
_BACKLOG_KINDS = frozenset(
    ("US", "UC", "STORY", "EN", "ENB", "SPIKE", "SPK", "BUG", "TD", "DEBT", "FR", "NFR", "RF")
)


def _backlog_kind(prefix: str) -> bool:
    return prefix.rstrip("-_.").upper() in _BACKLOG_KINDS


def _logs_of_one_status(
    items: list[Item], counted: dict[str | None, Counter[str]]
) -> set[str | None]:
    """The sections that log work of several kinds: every item of one status (``Klart``,
    done), two prefixes each shared (A1-A4 and B1-B4 under ``## Implementerat``, beside
    the sections of ideas by category). What shipped is gathered there from every
    category: one more prefix is one more category, not an item filed under the wrong one."""
    statuses: dict[str | None, set[str | None]] = {}
    for item in items:
        statuses.setdefault(item.section, set()).add(item.status)
    return {
        section
        for section, counts in counted.items()
        if len(statuses[section]) == 1
        and None not in statuses[section]
        and sum(1 for n in counts.values() if n > 1) > 1
    }


def _sections_by_theme(
    usual: dict[str | None, str], by_section: dict[str | None, list[str]]
) -> bool:
    """Whether the document's sections group items by theme, not by prefix: one prefix is
    the usual one of two sections or more (features under ``UX Debt`` and under ``Core
    Systems``, a bug filed beside them). A prefix is then a kind of item, not the mark of
    the section it belongs in, and no item is filed under the wrong one."""
    seen = Counter(prefix for section, prefix in usual.items() if len(by_section[section]) > 1)
    return any(count > 1 for count in seen.values())


def empty_required_fields(context: Context) -> Iterator[Report]:
    dialect = Dialect.from_settings(context.settings)
    required = {dialect.key(name) for name in context.settings.required_fields}
    for item in context.checked_items:
        for candidate in item.fields:
            if candidate.key in required and not candidate.value:
                yield Report(
                    candidate.value_position,
                    f"{item.id} has an empty {candidate.name} field; give it a value",
                    item.id,
                )


def stray_lists(context: Context) -> Iterator[Report]:
    for stray in context.roadmap.stray_lists:
        first, last = stray.swallowed
        lines = [line for line, _ in stray.reindent]
        spaces = "space" if stray.indent == 1 else "spaces"
        message, cited = said(
            "this list (",
            Line(stray.position.line, last=stray.end_line),
            f") starts at column {stray.position.column} in a document indented by "
            f"{stray.indent} {spaces}, so its last item swallows ",
            Line(first, last=last),
            ": every heading there renders inside one bullet; indent the stray lines ",
            *_ranges(lines),
            " like the rest of the document (roadmaplint fix does)",
        )
        yield Report(stray.position, message, cited=cited)


def _ranges(lines: list[int]) -> list[str | Line]:
    """``6-7, 9-14`` for [6, 7, 9, 10, 11, 12, 13, 14], as cited lines for ``said``."""
    spans: list[list[int]] = []
    for line in lines:
        if spans and line == spans[-1][1] + 1:
            spans[-1][1] = line
        else:
            spans.append([line, line])
    parts: list[str | Line] = []
    for a, b in spans:
        parts += [", " if parts else "", Line(a, last=b if a != b else None, bare=True)]
    return parts


def no_items(context: Context) -> Iterator[Report]:
    roadmap = context.roadmap
    settings = context.settings
    if roadmap.items or not (roadmap.near_misses or _expects_items(roadmap, settings)):
        return
    levels = (
        f"level {settings.item_heading_level} (item-heading-level)"
        if settings.item_heading_level
        else "level 2, 3 or 4"
    )
    looked_for = (
        f'no items found: an item is a heading "[ID] Title" or "ID — Title" (or –, -, :) '
        f"at {levels} whose ID matches {describe_id_pattern(settings.id_pattern)}"
    )
    cited: tuple[Cited, ...] = ()
    if roadmap.near_misses:
        misses: list[str | Line] = []
        for miss in roadmap.near_misses:
            misses += ["; " if misses else "", Line(miss.line), ": ", *_reason(miss)]
        message, cited = said(
            f"{looked_for}; near misses: ",
            *misses,
            "; set id-pattern or item-heading-level in the configuration if your items are "
            "written otherwise",
        )
    else:
        message = (
            f"{looked_for}, and no heading looks like one; set id-pattern or "
            "item-heading-level in the configuration if your items are written otherwise"
        )
    yield Report(roadmap.title_position or Position(1, 1), message, cited=cited)


def _expects_items(roadmap: Roadmap, settings: Settings) -> bool:
    """Whether a document that reads no item and came close to none was meant to hold
    items: it is in roadmaplint's own format (a Priority Legend or Overview), or the
    configuration says how its items are written or asks for RL109 by name. A list of
    ideas with no status, a log, a prose plan or a reference page is not a broken plan."""
    return (
        in_own_format(roadmap)
        or bool({"id-pattern", "item-heading-level"} & settings.configured)
        or asks_for(settings, "RL109", "no-items")
    )


def _reason(miss: NearMiss) -> list[str | Line]:
    """A near miss's reason, the lines it names cited as data."""
    parts: list[str | Line] = []
    done = 0
    for at, line in miss.cites:
        written = f"line {line}"
        parts += [miss.reason[done:at], Line(line)]
        done = at + len(written)
    return [*parts, miss.reason[done:]]


def unclosed_blocks(context: Context) -> Iterator[Report]:
    for found in context.roadmap.unclosed:
        count = len(found.hidden)
        hidden: list[str | Line] = (
            ["the heading ", Line(found.hidden[0], "on "), " renders"]
            if count == 1
            else [
                f"the {count} headings after it (lines ",
                *_ranges(list(found.hidden)),
                ") render",
            ]
        )
        message, cited = said(
            f"the {found.kind} opened ",
            Line(found.position.line, "on "),
            " is never closed: ",
            *hidden,
            f" as its text, unread; close it with a {found.closer} line where it should end",
        )
        yield Report(found.position, message, cited=cited)


RULES = (
    Rule(
        code="RL101",
        name="invalid-item-heading",
        severity=Severity.ERROR,
        summary="A heading among items looks like an item heading but is not one.",
        why="A heading that starts like an item (an ID without a separator, a bracketed ID "
        "that does not match `id-pattern`) is an item the tool cannot see: it is missing "
        "from the overview, the graph and every query. The message says what is wrong: the "
        "missing separator, or the ID and the pattern it does not match. Prose headings "
        "between a section and its items are fine, and so are a priority band "
        "(`## P0 — Correctness`), a heading naming several items (`WP-10 / WP-12 — Title`) "
        "and one naming an item already read with a note in brackets (`D1 (original "
        "report)`), and a heading over the boxes or rows the plan reads as its items "
        "(`## Q1 (January to March)` over `- [ ] Ship`), their section, as is a heading "
        "opening with a release's name (`## V1 Completion Checklist`, `## Post-v1`) where "
        "the plan's items are named otherwise.",
        bad="# Modeling\n\n## MODEL-8 Attention Kernels\n",
        good="# Modeling\n\n## [MODEL-8] Attention Kernels\n",
        check=invalid_item_headings,
        reads=frozenset({"id"}),
    ),
    Rule(
        code="RL102",
        name="duplicate-item-id",
        severity=Severity.ERROR,
        summary="Two items share one ID.",
        why="IDs are how items refer to each other; with two items of one ID, every "
        "dependency on it is ambiguous. The first occurrence is kept, the later one reported. "
        "Not reported: short labels a document numbers again for each part (slices `S1`, `S2` "
        "under each epic, phases from 1 in each milestone; not a run pasted again under its "
        "own heading), and a heading with no status of "
        "its own that details a row of an index table above it.",
        bad="## [BE-1] Fused Ops\n...\n## [BE-1] SIMD Support\n",
        good="## [BE-1] Fused Ops\n...\n## [BE-2] SIMD Support\n",
        check=duplicate_ids,
        reads=frozenset({"id", "status"}),
    ),
    Rule(
        code="RL103",
        name="missing-required-field",
        severity=Severity.ERROR,
        summary="An item lacks a required field (by default DRI, Status and Priority).",
        why="Queries, plans and the Priority Overview are built from these fields; an item "
        "without them silently drops out of all of them. Which fields are required: the "
        "configuration's `required-fields`; with none, DRI, Status and Priority in a document "
        "with a Status or Priority Legend (roadmaplint's format), and elsewhere each of them "
        "that the document itself writes on at least 80% of its items, and on at least 3. "
        "A field the document's habit requires is asked only where the habit holds: an owner "
        "of work someone has taken up (not of a task still open or an idea), another field "
        "of work not yet done, and neither in a section of two items or more none of which "
        "writes it (bugs with a Severity where features have a Priority); a sub-task has "
        "the priority of its parent.",
        bad="## [MODEL-3] ONNX Coverage\n\n- **DRI:** _unassigned_\n- **Status:** ready\n",
        good="## [MODEL-3] ONNX Coverage\n\n- **DRI:** _unassigned_\n- **Status:** ready\n"
        "- **Priority:** P1\n",
        check=missing_required_fields,
        scope="item",
        # the hint writes a field as the nearest item does; a sub-task has its parent's priority
        reads=frozenset({"neighbours", "id", "priority"}),
    ),
    Rule(
        code="RL104",
        name="unknown-field",
        severity=Severity.WARNING,
        summary="A field name is not one of the known fields.",
        why="A misspelt field name (`Stauts`) is a field the tool never reads: the item then "
        "looks as if the real field were missing. Checked where the field names are declared: "
        "in a document with a Status or Priority Legend (roadmaplint's format), or when the "
        "configuration sets `fields`, `extra-fields` or `required-fields`; a plan with a field "
        "contract of its own is otherwise not second-guessed.",
        bad="- **Stauts:** ready\n",
        good="- **Status:** ready\n",
        check=unknown_fields,
        scope="item",
    ),
    Rule(
        code="RL105",
        name="repeated-field",
        severity=Severity.ERROR,
        summary="The same field appears twice in one item.",
        why="Only the first value is read; the second one is a contradiction that a reader of "
        "the markdown may believe instead. A name no field is known by, written three times "
        "or more in one item (`- **Task:**` under each step), or on consecutive lines of one "
        "list (`- **Exclude**:` bullets under `**Scope**:`), labels its parts.",
        bad="- **Status:** ready\n- **Priority:** P1\n- **Status:** done\n",
        good="- **Status:** done\n- **Priority:** P1\n",
        check=repeated_fields,
        scope="item",
    ),
    Rule(
        code="RL106",
        name="mixed-id-prefix",
        severity=Severity.WARNING,
        summary="An item's ID prefix differs from the other items in its section.",
        why="Sections group items by prefix; an item filed under the wrong prefix is usually "
        "in the wrong section, or was copied from another one and not renamed. A prefix that "
        "two items or more of the section share is a kind of item (a queue of `FTR-`, `BUG-` "
        "and `TECH-` items), not a stray, and so is one kind of backlog item beside another "
        "(an enabler `EN01` among user stories `US01`-`US06`), and one that no section takes "
        "as its own "
        "and that comes back in two sections or more (`TSK-SEO-` work under Platform and "
        "under Shared). An ID without a number (`ERR_HTTP2_PING_CANCEL`) "
        "is a name with no prefix, and a section of such names is left alone; an ID that "
        "names its week and its area (`W3-EVT-01` beside `W1-TS-01`) has its week's series "
        "as its prefix. IDs whose later part codes something of each item, in three "
        "sections or more, where another section mixes them too (`BH-H05` among "
        "`BH-C01`-`BH-C03`, the letter a finding's severity), are none of them strays. "
        "Where one "
        "prefix is the usual one of two sections or more, the sections group by theme and "
        "none is reported. A section of three items or more each of a prefix of its own "
        "(`ORDER-1`, `SEC-1`, `TECH-1` under `## Next`) has no usual prefix and no stray, "
        "nor has a section named by a state in a queue that lists its prefixes first as "
        "kinds of work, two or more, each with what it names (`DOCS-XXX` — documentation).",
        bad="# Graph\n\n## [GRAPH-1] Dynamic Shapes\n...\n## [MODEL-9] Symbolic Shapes\n",
        good="# Graph\n\n## [GRAPH-1] Dynamic Shapes\n...\n## [GRAPH-2] Symbolic Shapes\n",
        check=mixed_id_prefixes,
        reads=frozenset({"id", "section"}),
    ),
    Rule(
        code="RL107",
        name="empty-required-field",
        severity=Severity.ERROR,
        summary="A required field is present but has no value.",
        why="An empty Status or Priority reads as a value nobody chose; write the value, "
        "or `_unassigned_` for a DRI nobody holds yet.",
        bad="- **Priority:**\n",
        good="- **Priority:** P2\n",
        check=empty_required_fields,
        scope="item",
    ),
    Rule(
        code="RL108",
        name="stray-list",
        severity=Severity.ERROR,
        fixable=True,
        reads_items=False,
        summary="A list less indented than the document swallows the headings after it.",
        why="In a document indented by two spaces, a list written at column 1 gives its last "
        "item everything indented by two spaces after it: under CommonMark (and on GitHub) "
        "every legend, item and the overview after it render inside that one bullet. "
        "roadmaplint reads the document as if the stray lines were indented like the rest, "
        "and `roadmaplint fix` indents them.",
        bad="  # Roadmap\n\n## Notes\n\n- a stray note\n\n  ## [MODEL-1] Title\n",
        good="  # Roadmap\n\n  ## Notes\n\n  - a stray note\n\n  ## [MODEL-1] Title\n",
        check=stray_lists,
    ),
    Rule(
        code="RL109",
        name="no-items",
        severity=Severity.ERROR,
        reads_items=False,
        summary="No item was read from the document.",
        why="A linter that reads nothing passes everything: statuses, dependencies and the "
        "overview go unchecked. It is reported where the document came close to an item, "
        "is in roadmaplint's format (a Priority Legend or Overview), or the configuration "
        "sets `id-pattern` or `item-heading-level` or selects RL109: a list of ideas with "
        "no status, a log or a prose page, with none of these, is not a broken plan (a "
        "text report then says the file was read as nothing, never that it passed). This "
        "finding says what roadmaplint looked for and what it saw that came close, for "
        "every shape of plan: a heading whose ID does not match "
        "`id-pattern`, a numbered heading (`## 12. Title`, `## Task 1: Title`), a heading "
        "with fields but no ID, a phase heading without `:`, an item written as a paragraph, "
        "a table with no ID or title column or no field column, a list of `[DONE]` words, "
        "unexplained `[~]` markers, boxes mixed with plain bullets or nested in a plain list, "
        "a task file's front matter, fields in a code block; so that the document or the "
        "configuration can be changed. `check --explain` shows how the file was read.",
        bad="# Roadmap\n\n## task-1: Write the parser\n\n- **Status:** ready\n",
        good="# Roadmap\n\n## TASK-1: Write the parser\n\n- **Status:** ready\n",
        check=no_items,
    ),
    Rule(
        code="RL110",
        name="unclosed-block",
        severity=Severity.ERROR,
        reads_items=False,
        summary="A code fence or an HTML comment is never closed and hides the headings after it.",
        why="A code fence (```), an HTML comment (<!--) or a <pre>, <script>, <style> or "
        "<textarea> block runs to the end of the document when nothing closes it: under "
        "CommonMark (and on GitHub) every heading after it renders as code or disappears, "
        "and roadmaplint, reading as GitHub does, does not see the items, legends or "
        "overview there. Reported only when it hides a `##` (or deeper) heading; a `#` "
        "line inside code is more often a comment.",
        bad="# Roadmap\n\n## [A-1] Parser\n\n```sh\nmake parser\n\n## [A-2] Writer\n",
        good="# Roadmap\n\n## [A-1] Parser\n\n```sh\nmake parser\n```\n\n## [A-2] Writer\n",
        check=unclosed_blocks,
    ),
)
