"""Rules about values and the legends that define them (RL201-RL203)."""

from __future__ import annotations

from collections.abc import Iterator

from roadmaplint.findings import Severity
from roadmaplint.index import Context, did_you_mean
from roadmaplint.model import Legend, Position
from roadmaplint.reader.quiet import asks_for, in_own_format
from roadmaplint.rules.base import Report, Rule
from roadmaplint.settings import common_meaning
from roadmaplint.text import LazyPattern

# A note after a value: `` (`` or a dash between spaces (``DONE — 3ba6328``).
NOTE_AFTER_WORD = LazyPattern(r" \(| [—–-] ")


def _legend_values(context: Context, key: str, legend: Legend | None) -> Iterator[Report]:
    if legend is None or not legend.entries:
        return  # RL203 reports the legend itself
    allowed = legend.values
    # Statuses listed under `## Statuses` are matched in any case: a plan that lists
    # `READY` and writes "Ready" is consistent in the way people read it.
    folded = {value.casefold() for value in allowed} if legend.inferred else set()
    worded = _meanings_of_marks(legend) if key == "status" else set()
    named = _marks_with_names(legend)
    boxed = _lines_of_boxes(context) if key == "status" and _boxes_only(legend) else set()
    words = _words_after_marks(legend)
    for item in context.checked_items:
        found = item.field(key)
        if found is None or not found.value or found.value in allowed:
            continue
        written = found.value.strip()
        box = written[:1] == "[" and written[-1:] == "]"  # ``[~]``: a box it does not list
        if item.position.line in boxed and not box and common_meaning(written) is not None:
            # a legend of boxes (``[ ]``, ``[-]``, ``[x]``) says what a box means; a box
            # under ``## Deferred`` takes its state from the heading, which it does not list
            continue
        if found.value.casefold() in folded or common_meaning(found.value) in worded:
            continue
        if _names_a_mark(found.value, named):
            continue
        if words and _after_mark(found.value).casefold() in words:
            continue  # ``⬜ PENDING`` where the legend writes ``🔲 PENDING``: the same word
        # A value with a note in parentheses, ``DONE (2026-03-04, session 1)``, or after a
        # dash, ``DONE — 3ba6328`` (a queue whose own steps say to write the commit there),
        # is its word.
        word = _word_before_note(found.value)
        if word in allowed or word.casefold() in folded:
            continue
        yield Report(
            found.value_position,
            f'{item.id} has {key} "{found.value}", which is not in the {legend.name}'
            f"{did_you_mean(found.value, allowed)}; allowed: {', '.join(allowed)}",
            item.id,
        )


def _boxes_only(legend: Legend) -> bool:
    """Whether every entry of ``legend`` is a task-list box: ``[ ]``, ``[-]``, ``[x]``."""
    return all(
        len(entry.value) == 3 and entry.value[0] == "[" and entry.value[2] == "]"
        for entry in legend.entries
    )


def _lines_of_boxes(context: Context) -> set[int]:
    """The lines of the checked items written as boxes (``- [ ] Title``)."""
    from roadmaplint.reader.shapes.checkbox import BOX

    lines = context.roadmap.source.splitlines()
    return {
        item.position.line
        for item in context.checked_items
        if item.position.line <= len(lines) and BOX.match(lines[item.position.line - 1])
    }


def _word_before_note(value: str) -> str:
    """What a value says before a note it carries in parentheses or after a spaced dash."""
    return NOTE_AFTER_WORD.split(value, maxsplit=1)[0].strip()


def _after_mark(value: str) -> str:
    """A value without the mark it opens with (``🔲 PENDING`` -> ``PENDING``); the value
    itself when it opens with a letter or a digit, or is a mark alone."""
    mark, _, rest = value.partition(" ")
    if rest and not any(char.isalnum() for char in mark):
        return rest.strip()
    return value


def _words_after_marks(legend: Legend) -> frozenset[str]:
    """The words of a legend whose entries are a mark and a word (``| 🔲 PENDING |``),
    folded: a status that writes the word after another mark (``⬜ PENDING``) is read by
    its word, as a person reads it. Empty for a legend of plain words or marks alone."""
    words = {_after_mark(entry.value) for entry in legend.entries}
    if words & {entry.value for entry in legend.entries}:
        return frozenset()  # some entry has no mark: the marks are part of the spelling
    return frozenset(word.casefold() for word in words)


def _marks_with_names(legend: Legend) -> tuple[str, ...]:
    """What the entries of a legend that gives each mark a name (``- 🔴 **P0** - Critical``)
    are written as, folded: the mark with its name (``🔴 p0``) and the name alone (``p0``).
    An item that writes ``🔴 P0 - CRITICAL`` or ``P0`` writes that entry."""
    names: list[str] = []
    for entry in legend.entries:
        if entry.description and not any(char.isalnum() for char in entry.value):
            names += [f"{entry.value} {entry.description}".casefold(), entry.description.casefold()]
    return tuple(names)


def _names_a_mark(value: str, names: tuple[str, ...]) -> bool:
    """Whether ``value`` is one of ``names`` or begins with one before a word's end."""
    folded = value.casefold()
    return any(
        folded.startswith(name) and (len(folded) == len(name) or not folded[len(name)].isalnum())
        for name in names
    )


def _meanings_of_marks(legend: Legend) -> set[str | None]:
    """What the entries of a legend of marks mean, read from their words (``- ✅ Complete``,
    ``- 🔧 In Progress``): a status in a common spelling of one of those meanings, or a box
    read as its word, is that mark written in words. Empty for a legend of words, whose
    own spelling a status must keep."""
    if any(char.isalnum() for entry in legend.entries for char in entry.value):
        return set()
    return {common_meaning(entry.description) for entry in legend.entries} - {None}


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
