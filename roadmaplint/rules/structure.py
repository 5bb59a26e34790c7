"""Rules about the shape of items and of the document: headings, IDs, fields (RL101-RL110)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator

from roadmaplint.findings import Cited, Line, Severity, said
from roadmaplint.index import Context, closest, id_prefix
from roadmaplint.model import Heading, Item, Position, Roadmap
from roadmaplint.reader import Dialect
from roadmaplint.reader.claims import CLAIMED_BY
from roadmaplint.reader.dialect import PHASE_ID, field_names, is_priority_group
from roadmaplint.reader.idpattern import id_regex
from roadmaplint.reader.linestyle import FieldStyle, new_field
from roadmaplint.reader.quiet import declares_fields, in_own_format
from roadmaplint.rules.base import Report, Rule
from roadmaplint.settings import KNOWN_FIELDS, Settings, Statuses, describe_id_pattern
from roadmaplint.text import LazyPattern, split_lines

# What an attempt at an item heading starts with: [anything], or a word with a digit.
_BRACKETED = LazyPattern(r"\[([^\]]*)\][ \t]*[—–:-]?[ \t]*(.*)", re.S)
_FIRST_WORD = LazyPattern(r"(?<!\S)([^\s\[\]]+?)(?:[ \t]*[—–:.-])?(?:[ \t]+(.*)|$)", re.S)


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
    if id_only.fullmatch(word):
        if not title:
            if is_priority_group(word, settings.priority_values):
                return None  # ``## P1``: a group of items by their priority
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
    for heading in context.roadmap.headings:
        if not heading.in_item_section:
            continue
        wrong = _what_is_wrong(heading, context.settings)
        if wrong is None:
            continue
        yield Report(
            heading.position,
            f'heading "{heading.text}" in section {heading.section} is not an item heading: '
            f"{wrong}",
        )


def duplicate_ids(context: Context) -> Iterator[Report]:
    for item in context.roadmap.items:
        first = context.items_by_id[item.id]
        if first is not item:
            message, cited = said(
                f"duplicate item ID {item.id} (first defined ",
                Line(first.position.line, "on "),
                ")",
            )
            yield Report(item.position, message, item.id, cited=cited)


def missing_required_fields(context: Context) -> Iterator[Report]:
    dialect = Dialect.from_settings(context.settings)
    required = [(dialect.key(name), name) for name in context.settings.required_fields]
    hints = _FieldHints(context.roadmap)
    habit = _by_habit(context)
    kept = _section_conventions(context) if habit else {}
    for item in context.checked_items:
        present = {candidate.key for candidate in item.fields}
        for key, name in required:
            if key in present or key in kept.get(item.section, ()):
                continue
            if habit and not _asked_of(item, key, context.settings.statuses):
                continue
            yield Report(
                item.position,
                f"{item.id} is missing the required field {name} ({hints.hint(item, key, name)})",
                item.id,
            )


def _by_habit(context: Context) -> bool:
    """Whether the required fields are the document's habit (no configuration asks for
    them, and the document is not in roadmaplint's own format)."""
    return "required-fields" not in context.settings.configured and not in_own_format(
        context.roadmap
    )


def _asked_of(item: Item, key: str, statuses: Statuses) -> bool:
    """Whether a field the document's habit requires is asked of ``item``: an owner of work
    someone has taken up (an open task nobody claimed yet has none), any other field of
    work not yet done (a finished task needs no priority)."""
    if key == "dri":
        return not (statuses.is_ready(item.status) or statuses.is_idea(item.status))
    return not statuses.is_done(item.status)


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
        if shape.name == "table-rows":
            return f"its table has no {name} column; add one"
        option = {"status": "status", "priority": "priority", "dri": "dri"}.get(key)
        if option is None:
            return f"a {shape.name} item has no place for it; require it only of other items"
        return f"write it on the item's line: roadmaplint set {item.id} --{option} ..."

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
    for item in context.checked_items:
        seen: dict[str, int] = {}
        for candidate in item.fields:
            if candidate.key in seen:
                message, cited = said(
                    f"{item.id} has the field {candidate.name} twice (first ",
                    Line(seen[candidate.key], "on "),
                    "); keep one",
                )
                yield Report(candidate.position, message, item.id, cited=cited)
            else:
                seen[candidate.key] = candidate.position.line


def _prefix(item_id: str) -> str:
    """An ID's prefix; every planning phase (Phase 8, Phase 08.1) has the prefix Phase, and
    a task split in lettered parts keeps its own (TASK-302a is a TASK)."""
    if PHASE_ID.fullmatch(item_id):
        return "Phase"
    if len(item_id) > 1 and item_id[-1].islower() and item_id[-2].isdigit():
        item_id = item_id[:-1]
    return id_prefix(item_id)


def mixed_id_prefixes(context: Context) -> Iterator[Report]:
    # A reference made from a title (an item written without an ID) has no prefix.
    is_id = id_regex(context.settings.id_pattern).fullmatch
    # An ID without a number (``ERR_HTTP2_PING_CANCEL``, an error code a reference
    # lists) is a name of its own: it has no prefix to share. A section of such names
    # is a reference, and the few of them that end in a digit (``ERR_HTTP2_STATUS_101``)
    # are names too.
    named = Counter(
        item.section
        for item in context.roadmap.items
        if is_id(item.id) and _prefix(item.id) == item.id
    )
    items = [
        item
        for item in context.roadmap.items
        if is_id(item.id) and _prefix(item.id) != item.id and not named[item.section]
    ]
    by_section: dict[str | None, list[str]] = {}
    for item in items:
        by_section.setdefault(item.section, []).append(_prefix(item.id))
    usual: dict[str | None, str] = {}
    counted: dict[str | None, Counter[str]] = {}
    for section, prefixes in by_section.items():
        counts = counted[section] = Counter(prefixes)
        # The most common prefix; on a tie, the one that came first.
        usual[section] = max(counts, key=lambda prefix: (counts[prefix], -prefixes.index(prefix)))
    for item in items:
        expected = usual[item.section]
        prefix = _prefix(item.id)
        # A prefix two items of the section share is a kind of item (``FTR-``, ``BUG-``,
        # ``TECH-`` in one queue), not one filed under the wrong prefix.
        if counted[item.section][prefix] > 1:
            continue
        if len(by_section[item.section]) > 1 and prefix != expected:
            yield Report(
                item.position,
                f"{item.id} uses the prefix {_prefix(item.id)} in section {item.section}, "
                f"where the other items use {expected}",
                item.id,
            )


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
    if roadmap.items:
        return
    settings = context.settings
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
            misses += ["; " if misses else "", Line(miss.line), f": {miss.reason}"]
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
        "between a section and its items are fine.",
        bad="# Modeling\n\n## MODEL-8 Attention Kernels\n",
        good="# Modeling\n\n## [MODEL-8] Attention Kernels\n",
        check=invalid_item_headings,
    ),
    Rule(
        code="RL102",
        name="duplicate-item-id",
        severity=Severity.ERROR,
        summary="Two items share one ID.",
        why="IDs are how items refer to each other; with two items of one ID, every "
        "dependency on it is ambiguous. The first occurrence is kept, the later one reported.",
        bad="## [BE-1] Fused Ops\n...\n## [BE-1] SIMD Support\n",
        good="## [BE-1] Fused Ops\n...\n## [BE-2] SIMD Support\n",
        check=duplicate_ids,
        reads=frozenset({"id"}),
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
        "writes it (bugs with a Severity where features have a Priority).",
        bad="## [MODEL-3] ONNX Coverage\n\n- **DRI:** _unassigned_\n- **Status:** ready\n",
        good="## [MODEL-3] ONNX Coverage\n\n- **DRI:** _unassigned_\n- **Status:** ready\n"
        "- **Priority:** P1\n",
        check=missing_required_fields,
        scope="item",
        reads=frozenset({"neighbours"}),  # the hint writes a field as the nearest item does
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
        "the markdown may believe instead.",
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
        "and `TECH-` items), not a stray. An ID without a number (`ERR_HTTP2_PING_CANCEL`) "
        "is a name with no prefix, and a section of such names is left alone.",
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
        "overview go unchecked. This finding says what roadmaplint looked for and what it "
        "saw that came close, for every shape of plan: a heading whose ID does not match "
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
