"""Rules about values and the legends that define them (RL201-RL203)."""

from __future__ import annotations

from collections.abc import Iterator

from roadmaplint.findings import Severity
from roadmaplint.index import Context, did_you_mean
from roadmaplint.model import Legend, Position
from roadmaplint.reader.quiet import asks_for, in_own_format
from roadmaplint.rules.base import Report, Rule
from roadmaplint.settings import common_meaning


def _legend_values(context: Context, key: str, legend: Legend | None) -> Iterator[Report]:
    if legend is None or not legend.entries:
        return  # RL203 reports the legend itself
    allowed = legend.values
    # Statuses listed under `## Statuses` are matched in any case: a plan that lists
    # `READY` and writes "Ready" is consistent in the way people read it.
    folded = {value.casefold() for value in allowed} if legend.inferred else set()
    worded = _meanings_of_marks(legend) if key == "status" else set()
    named = _words_of_marks(legend) if key == "priority" else set()
    for item in context.checked_items:
        found = item.field(key)
        if found is None or not found.value or found.value in allowed:
            continue
        if found.value.casefold() in folded or common_meaning(found.value) in worded:
            continue
        if named and any(word.strip("*_").casefold() in named for word in found.value.split()):
            continue  # ``🟠 P1`` under a legend of ``- 🟠 **P1** - High Priority``
        # A value with a note in parentheses, ``DONE (2026-03-04, session 1)``, is its word.
        if found.value.split(" (", 1)[0].strip().casefold() in folded:
            continue
        yield Report(
            found.value_position,
            f'{item.id} has {key} "{found.value}", which is not in the {legend.name}'
            f"{did_you_mean(found.value, allowed)}; allowed: {', '.join(allowed)}",
            item.id,
        )


def _meanings_of_marks(legend: Legend) -> set[str | None]:
    """What the entries of a legend of marks mean, read from their words (``- ✅ Complete``,
    ``- 🔧 In Progress``): a status in a common spelling of one of those meanings, or a box
    read as its word, is that mark written in words. Empty for a legend of words, whose
    own spelling a status must keep."""
    if any(char.isalnum() for entry in legend.entries for char in entry.value):
        return set()
    return {common_meaning(entry.description) for entry in legend.entries} - {None}


def _words_of_marks(legend: Legend) -> set[str]:
    """The word each entry of a legend of marks names its mark by (``- 🔴 **P0** -
    Critical``: ``p0``): a priority written in that word, with its mark or without, is the
    legend's. Empty for a legend of words."""
    if any(char.isalnum() for entry in legend.entries for char in entry.value):
        return set()
    return {
        entry.description.split()[0].casefold() for entry in legend.entries if entry.description
    }


def unknown_statuses(context: Context) -> Iterator[Report]:
    return _legend_values(context, "status", context.roadmap.status_legend)


def unknown_priorities(context: Context) -> Iterator[Report]:
    return _legend_values(context, "priority", context.roadmap.priority_legend)


def missing_legends(context: Context) -> Iterator[Report]:
    roadmap = context.roadmap
    if not (
        in_own_format(roadmap)
        or roadmap.overview is not None
        or asks_for(context.settings, "RL203", "missing-legend")
    ):
        return  # a plan not written in roadmaplint's format is not missing its parts
    where = roadmap.title_position or Position(1, 1)
    for name, legend in (
        ("Status Legend", roadmap.status_legend),
        ("Priority Legend", roadmap.priority_legend),
    ):
        if legend is None:
            yield Report(
                where,
                f'the {name} is missing: add a "## {name}" heading with one '
                "`value` – description list item per allowed value",
            )
        elif not legend.entries:
            yield Report(
                legend.position,
                f"the {name} is empty: list the allowed values as `value` – description items",
            )


RULES = (
    Rule(
        code="RL201",
        name="unknown-status",
        severity=Severity.ERROR,
        summary="A Status value is not in the Status Legend.",
        why="The legend is the document's schema. A status outside it (`redy`, `wip`) is "
        "invisible to every query and plan that asks for the real value.",
        bad="- **Status:** redy\n",
        good="- **Status:** ready\n",
        check=unknown_statuses,
        scope="item",
    ),
    Rule(
        code="RL202",
        name="unknown-priority",
        severity=Severity.ERROR,
        summary="A Priority value is not in the Priority Legend.",
        why="An item whose priority is not in the legend cannot be placed in the Priority "
        "Overview or ordered by `next`.",
        bad="- **Priority:** p1\n",
        good="- **Priority:** P1\n",
        check=unknown_priorities,
        scope="item",
    ),
    Rule(
        code="RL203",
        name="missing-legend",
        severity=Severity.ERROR,
        summary="The Status Legend or the Priority Legend is missing or empty.",
        why="Without its legends the document has no schema: statuses and priorities cannot "
        "be checked, and the overview can only group by the priorities in use, sorted by name "
        "(`fix` keeps the order of the groups already written). Reported for a document that "
        "has one legend or a Priority Overview, or when `select` names RL203; a plan that "
        "keeps neither is read with statuses in their common spellings (done, in progress, "
        "todo, blocked, deferred, cancelled and the like, in any case) instead.",
        bad="# Roadmap\n\n## Status Legend\n\n- `ready` – free to claim\n- `done` – completed\n\n"
        "# Modeling\n\n## [MODEL-1] Import\n\n- **Status:** ready\n- **Priority:** P1\n",
        good="# Roadmap\n\n## Status Legend\n\n- `ready` – free to claim\n- `done` – completed\n\n"
        "## Priority Legend\n\n- `P0` – critical\n- `P1` – important\n\n"
        "# Modeling\n\n## [MODEL-1] Import\n\n- **Status:** ready\n- **Priority:** P1\n",
        check=missing_legends,
    ),
)
