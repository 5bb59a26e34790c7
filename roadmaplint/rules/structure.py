"""Rules about the shape of items: headings, IDs and fields (RL101-RL107)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from roadmaplint.findings import Severity
from roadmaplint.idpattern import LOOSE_HEADING, id_regex
from roadmaplint.parse import normalize_key
from roadmaplint.rules.base import Context, Report, Rule, closest, id_prefix
from roadmaplint.settings import KNOWN_FIELDS

_KNOWN_BY_KEY = {normalize_key(name): name for name in KNOWN_FIELDS}


def invalid_item_headings(context: Context) -> Iterator[Report]:
    id_first = id_regex(context.settings.id_pattern, LOOSE_HEADING)
    for heading in context.roadmap.headings:
        if heading.level != 2 or not heading.in_item_section:
            continue
        match = id_first.match(heading.text)
        if match and match["title"]:
            hint = f'write it as "## [{match["id"]}] {match["title"].strip()}"'
        else:
            hint = 'item headings are written "## [ID] Title", e.g. "## [MODEL-1] Title"'
        yield Report(
            heading.position,
            f'heading "{heading.text}" in section {heading.section} is not an item heading: {hint}',
        )


def duplicate_ids(context: Context) -> Iterator[Report]:
    for item in context.roadmap.items:
        first = context.items_by_id[item.id]
        if first is not item:
            yield Report(
                item.position,
                f"duplicate item ID {item.id} (first defined on line {first.position.line})",
                item.id,
            )


def missing_required_fields(context: Context) -> Iterator[Report]:
    required = [(normalize_key(name), name) for name in context.settings.required_fields]
    for item in context.roadmap.items:
        present = {candidate.key for candidate in item.fields}
        for key, name in required:
            if key not in present:
                yield Report(
                    item.position,
                    f'{item.id} is missing the required field {name} (add "- **{name}:** ...")',
                    item.id,
                )


def unknown_fields(context: Context) -> Iterator[Report]:
    for item in context.roadmap.items:
        for candidate in item.fields:
            if candidate.key in _KNOWN_BY_KEY:
                continue
            suggestion = closest(candidate.name, KNOWN_FIELDS)
            hint = (
                f"did you mean {suggestion}?"
                if suggestion
                else f"known fields: {', '.join(KNOWN_FIELDS)}"
            )
            yield Report(
                candidate.position,
                f'{item.id} has an unknown field "{candidate.name}" ({hint})',
                item.id,
            )


def repeated_fields(context: Context) -> Iterator[Report]:
    for item in context.roadmap.items:
        seen: dict[str, int] = {}
        for candidate in item.fields:
            if candidate.key in seen:
                yield Report(
                    candidate.position,
                    f"{item.id} has the field {candidate.name} twice "
                    f"(first on line {seen[candidate.key]}); keep one",
                    item.id,
                )
            else:
                seen[candidate.key] = candidate.position.line


def mixed_id_prefixes(context: Context) -> Iterator[Report]:
    by_section: dict[str | None, list[str]] = {}
    for item in context.roadmap.items:
        by_section.setdefault(item.section, []).append(id_prefix(item.id))
    usual: dict[str | None, str] = {}
    for section, prefixes in by_section.items():
        counts = Counter(prefixes)
        # The most common prefix; on a tie, the one that came first.
        usual[section] = max(counts, key=lambda prefix: (counts[prefix], -prefixes.index(prefix)))
    for item in context.roadmap.items:
        expected = usual[item.section]
        if len(by_section[item.section]) > 1 and id_prefix(item.id) != expected:
            yield Report(
                item.position,
                f"{item.id} uses the prefix {id_prefix(item.id)} in section {item.section}, "
                f"where the other items use {expected}",
                item.id,
            )


def empty_required_fields(context: Context) -> Iterator[Report]:
    required = {normalize_key(name) for name in context.settings.required_fields}
    for item in context.roadmap.items:
        for candidate in item.fields:
            if candidate.key in required and not candidate.value:
                yield Report(
                    candidate.value_position,
                    f"{item.id} has an empty {candidate.name} field; give it a value",
                    item.id,
                )


RULES = (
    Rule(
        code="RL101",
        name="invalid-item-heading",
        severity=Severity.ERROR,
        summary="A level-2 heading in an item section is not a valid `[ID] Title`.",
        why="Every level-2 heading in an item section is read as an item. One that does not "
        "parse as `[ID] Title` is an item the tool cannot see: it is missing from the "
        "overview, the graph and every query.",
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
    ),
    Rule(
        code="RL103",
        name="missing-required-field",
        severity=Severity.ERROR,
        summary="An item lacks a required field (by default DRI, Status and Priority).",
        why="Queries, plans and the Priority Overview are built from these fields; an item "
        "without them silently drops out of all of them.",
        bad="## [MODEL-3] ONNX Coverage\n\n- **DRI:** _unassigned_\n- **Status:** ready\n",
        good="## [MODEL-3] ONNX Coverage\n\n- **DRI:** _unassigned_\n- **Status:** ready\n"
        "- **Priority:** P1\n",
        check=missing_required_fields,
    ),
    Rule(
        code="RL104",
        name="unknown-field",
        severity=Severity.WARNING,
        summary="A field name is not one of the known fields.",
        why="A misspelt field name (`Stauts`) is a field the tool never reads: the item then "
        "looks as if the real field were missing.",
        bad="- **Stauts:** ready\n",
        good="- **Status:** ready\n",
        check=unknown_fields,
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
    ),
    Rule(
        code="RL106",
        name="mixed-id-prefix",
        severity=Severity.WARNING,
        summary="An item's ID prefix differs from the other items in its section.",
        why="Sections group items by prefix; an item filed under the wrong prefix is usually "
        "in the wrong section, or was copied from another one and not renamed.",
        bad="# Graph\n\n## [GRAPH-1] Dynamic Shapes\n...\n## [MODEL-9] Symbolic Shapes\n",
        good="# Graph\n\n## [GRAPH-1] Dynamic Shapes\n...\n## [GRAPH-2] Symbolic Shapes\n",
        check=mixed_id_prefixes,
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
    ),
)
