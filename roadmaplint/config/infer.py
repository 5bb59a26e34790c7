"""The configuration that reads existing plans as they stand, written out with its reasons.

``roadmaplint init`` run where a plan already exists writes this instead of a
starter roadmap: the shape its items are written in, the statuses it uses and
the workflow meaning each carries, the fields its items write, the form of its
IDs and its priorities, each value under a comment saying why it is set.

The file must read the plans exactly as they read without it: the same items
and the same findings. Each setting is kept only when reading with it proves
that (``_reads_the_same``); one that would change anything is written as a
comment saying so, never set.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from roadmaplint.findings import Finding
from roadmaplint.model import Roadmap
from roadmaplint.reader import parse
from roadmaplint.reader.dialect import PHASE_ID, Dialect, patterns
from roadmaplint.reader.quiet import document_settings, has_legends, used_fields
from roadmaplint.record import record
from roadmaplint.settings import DEFAULT_ID_PATTERN, Settings, Statuses, common_meaning

if TYPE_CHECKING:
    from roadmaplint.reader.shapes.taskfiles import TaskFolder

# The workflow meanings a status can carry, as `[statuses]` names them.
MEANINGS = ("done", "in-progress", "queued", "ready", "blocked", "idea")
_SPECIAL = set(".^$*+?{}[]\\|()")
MAX_NAMED = 6
CONFIG_NAME = ".roadmaplint.toml"
WIDTH = 88  # values named in one comment line before "..."


@record
class Plan:
    """One plan the configuration is written for: its text, where it is, what it reads as."""

    text: str
    path: str  # as the run names it (for the parse, and for messages)
    relative: str  # its path from the configuration's folder, with /
    roadmap: Roadmap


@record
class Setting:
    """One line of the configuration, with the comment that says why."""

    why: tuple[str, ...]
    line: str  # `key = value`
    table: str = ""  # the [table] the line belongs to ("" for the top level)


def configuration(plans: Sequence[Plan]) -> str:
    """The text of a `.roadmaplint.toml` that reads ``plans`` as they stand."""
    from roadmaplint.reader.shapes import item_shapes

    shapes = [item_shapes(plan.roadmap) for plan in plans]
    kept: list[Setting] = []
    notes: list[str] = []
    for group in _candidates(plans, shapes):
        lines = [setting.line for setting in group if setting.line]
        if not lines or _reads_the_same(plans, _toml([*kept, *group])):
            kept += group
            continue
        for setting in group:
            notes += _comment(setting.why)
        notes += [
            "# Not set, because reading with it would change the items or the findings:",
            *(f"# {line}" for line in lines),
            "",
        ]
    text = _render(_header(plans, shapes), kept, notes)
    from roadmaplint.config.load import settings_from_text

    settings_from_text(text, CONFIG_NAME, Path("."))  # what is written must load
    return text


def folder_configuration(folder: TaskFolder, name: str) -> str:
    """The text of a `.roadmaplint.toml` for a Backlog.md task folder: the statuses its
    ``config.yml`` names, by the workflow meaning they are read with (the first queued,
    the last done, those between in progress), written out so that one can be given
    another meaning (a status between that means blocked, say)."""
    workflow = folder.workflow()
    head = [
        "# roadmaplint configuration, written by `roadmaplint init` from the task folder as",
        "# it stands; `roadmaplint check` reads the same tasks and findings with it:",
        f"#   {name}: {_count(len(folder.tasks), 'task')} (Backlog.md task files)",
        "# Each setting says why it is set; the README's Configuration section lists all.",
    ]
    lines = []
    for meaning in MEANINGS:
        values = [status for status in folder.statuses if _meaning(status, workflow) == meaning]
        if values:
            lines.append(f"{meaning} = {_array(values)}")
    why = (
        "The statuses config.yml names, by the workflow meaning the rules read in them:",
        "the first is queued (not started: next offers it, RL306 reads no claim in it),",
        "the last done, those between in progress. Move one to another meaning (ready,",
        "blocked, idea) where it means that; values are matched as written.",
    )
    text = _render(head, [Setting(why, "\n".join(lines), "statuses")], [])
    from roadmaplint.config.load import settings_from_text

    settings_from_text(text, CONFIG_NAME, Path("."))  # what is written must load
    return text


def _candidates(plans: Sequence[Plan], shapes: list[tuple[str, ...]]) -> Iterable[list[Setting]]:
    """The settings in groups that are kept or dropped together."""
    yield list(_include(plans))
    yield [_shape(shapes)]
    yield [_id_form(plans)]
    yield list(_fields(plans))  # required-fields alone declares the fields (RL104)
    yield [_priorities(plans)]
    yield list(_statuses(plans))


def _header(plans: Sequence[Plan], shapes: list[tuple[str, ...]]) -> list[str]:
    lines = ["# roadmaplint configuration, written by `roadmaplint init` from the plan as it"]
    lines.append("# stands; `roadmaplint check` reads the same items with it as without it:")
    for plan, found in zip(plans, shapes, strict=True):
        counted = Counter(found)
        parts = ", ".join(f"{count} {name}" for name, count in sorted(counted.items()))
        lines.append(f"#   {plan.relative}: {_count(len(found), 'item')} ({parts})")
    lines.append("# Each setting says why it is set; the README's Configuration section lists all.")
    return lines


def _render(head: list[str], kept: list[Setting], notes: list[str]) -> str:
    out = [*head, ""] if head else []
    for table in ("", "statuses"):
        settings = [setting for setting in kept if setting.table == table]
        if table and any(setting.line for setting in settings):
            out += [f"[{table}]", ""]
        for setting in settings:
            out += [*_comment(setting.why), *([setting.line] if setting.line else []), ""]
    out += notes  # comments only, so they may stand after a [table]
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def _comment(why: Sequence[str]) -> list[str]:
    """Comment lines: each entry of ``why`` a paragraph, wrapped; one starting with ``#``
    (a setting to copy) or with ``  `` (a list entry) stands on its own line."""
    import textwrap

    lines: list[str] = []
    paragraph: list[str] = []
    for part in [*why, "#"]:
        if part.startswith(("#", "  ")):
            if paragraph:
                lines += textwrap.wrap(
                    " ".join(paragraph),
                    WIDTH,
                    initial_indent="# ",
                    subsequent_indent="# ",
                    break_on_hyphens=False,
                )
                paragraph = []
            if part != "#":
                lines.append(part if part.startswith("#") else "#" + part)
        else:
            paragraph.append(part)
    return lines


def _toml(settings: Sequence[Setting]) -> str:
    return _render([], list(settings), [])


def _reads_the_same(plans: Sequence[Plan], text: str) -> bool:
    """Whether every plan reads into the same items and findings under ``text``'s settings
    as under none."""
    from roadmaplint.config.load import settings_from_text
    from roadmaplint.rules.engine import check_roadmap

    configured = settings_from_text(text, CONFIG_NAME, Path("."))
    for plan in plans:
        before = plan.roadmap
        after = parse(plan.text, plan.path, configured)
        if before.items != after.items:
            return False
        if _unconfigured_findings(plan) != _findings(check_roadmap(after, configured)):
            return False
    return True


@lru_cache(maxsize=64)
def _unconfigured_findings(plan: Plan) -> list[tuple[object, ...]]:
    """The findings of ``plan`` with no configuration (checked once per plan)."""
    from roadmaplint.rules.engine import check_roadmap

    return _findings(check_roadmap(plan.roadmap, Settings()))


def _findings(found: Iterable[Finding]) -> list[tuple[object, ...]]:
    return [(finding.code, finding.line, finding.column, finding.message) for finding in found]


def _quoted(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's."""
    return json.dumps(value, ensure_ascii=False)


def _array(values: Iterable[str]) -> str:
    return "[" + ", ".join(_quoted(value) for value in values) + "]"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _named(counted: Counter[str]) -> str:
    ordered = sorted(counted.items(), key=lambda pair: (-pair[1], pair[0]))
    named = [f'"{value}" ({count})' for value, count in ordered[:MAX_NAMED]]
    more = len(ordered) - MAX_NAMED
    return ", ".join(named) + (f" and {more} more" if more > 0 else "")


def _include(plans: Sequence[Plan]) -> Iterable[Setting]:
    default = Settings().include
    from roadmaplint.config.discover import matches

    if all(matches(plan.relative, default) for plan in plans):
        return
    names = [plan.relative for plan in plans]
    yield Setting(
        (
            "The plans a plain `roadmaplint check` reads: the default looks only for",
            "files named ROADMAP.md.",
        ),
        f"include = {_array(names)}",
    )


def _shape(shapes: list[tuple[str, ...]]) -> Setting:
    from roadmaplint.reader.shapes import DESCRIPTIONS

    used = sorted({name for found in shapes for name in found})
    if len(used) == 1:
        name = used[0]
        value = "headings" if name == "phases" else name
        return Setting(
            (f"Every item is of one shape: {DESCRIPTIONS[name]}.",),
            f"shape = {_quoted(value)}",
        )
    if not used:
        return Setting(("No items were read, so no shape is set.",), "")
    return Setting(
        (
            f"Items of several shapes ({', '.join(used)}): each part of a document is",
            'read in its own; `shape = "..."` would read only one of them.',
        ),
        "",
    )


def _id_form(plans: Sequence[Plan]) -> Setting:
    """The form of the IDs written, as a comment: the default pattern reads them already,
    and a narrower one would change which headings count as attempts at an item."""
    id_only = patterns(DEFAULT_ID_PATTERN).id_only
    ids = [item.id for plan in plans for item in plan.roadmap.items]
    with_ids = [item_id for item_id in ids if id_only.fullmatch(item_id)]
    phases = [item_id for item_id in ids if PHASE_ID.fullmatch(item_id)]
    if phases and not with_ids:
        return Setting(
            (f"IDs: {_some(phases)}: planning phases, read by their form; no id-pattern.",),
            "",
        )
    if not with_ids:
        return Setting(
            (
                "The items carry no IDs of the default form (an upper-case word with a",
                "digit): each is named by a reference made from its title.",
            ),
            "",
        )
    forms = sorted({_form(item_id) for item_id in with_ids})
    return Setting(
        (
            f"IDs: {_some(with_ids)}. The default id-pattern reads them all (an",
            "upper-case word with a digit); to hold new IDs to the form they have here, set",
            f"#   id-pattern = {_quoted('|'.join(forms))}",
        ),
        "",
    )


def _some(ids: Sequence[str]) -> str:
    return ", ".join(ids[:3]) + (f", ... ({len(ids)})" if len(ids) > 3 else "")


def _form(item_id: str) -> str:
    """``ASQ-001`` -> ``[A-Z]+-[0-9]+``; ``R2.3`` -> ``[A-Z]+[0-9]+\\.[0-9]+``."""
    out = []
    for run in re.finditer(r"[A-Z]+|[a-z]+|[0-9]+|.", item_id):
        text = run[0]
        if text[0].isdigit():
            out.append("[0-9]+")
        elif text[0].isupper():
            out.append("[A-Z]+")
        elif text[0].islower():
            out.append("[a-z]+")
        else:
            out.append("\\" + text if text in _SPECIAL else text)
    return "".join(out)


def _fields(plans: Sequence[Plan]) -> Iterable[Setting]:
    dialect = Dialect.from_settings(Settings())
    unknown: dict[str, str] = {}
    counted: Counter[str] = Counter()
    required: set[str] = set()
    declared = False
    for plan in plans:
        roadmap = plan.roadmap
        declared = declared or has_legends(roadmap)
        required |= set(
            Settings().required_fields if has_legends(roadmap) else used_fields(roadmap, Settings())
        )
        for item in roadmap.items:
            for found in {field.key: field for field in item.fields}.values():
                if not dialect.is_known(found.name):
                    unknown.setdefault(found.key, found.name)
                    counted[unknown[found.key]] += 1
    ordered = [name for name in Settings().required_fields if name in required]
    if declared:
        why = "Fields every item must write (RL103): roadmaplint's, as the legends ask."
    elif ordered:
        why = "Fields every item must write (RL103): those nearly all items write here."
    else:
        why = "No field is written on nearly all items, so none is required (RL103)."
    yield Setting((why,), f"required-fields = {_array(ordered)}")
    if not unknown:
        return
    names = sorted(unknown.values(), key=str.lower)
    if declared:
        yield Setting(
            (
                f"Fields beyond roadmaplint's own, written here: {_named(counted)};",
                "Not declared: the document's legends make RL104 report them; add them",
                "to extra-fields to declare them.",
            ),
            "",
        )
        return
    yield Setting(
        (
            f"Fields beyond roadmaplint's own that the items write: {_named(counted)};"
            " declared, so that RL104 reports any other name (a misspelt field).",
        ),
        f"extra-fields = {_array(names)}",
    )


def _priorities(plans: Sequence[Plan]) -> Setting:
    counted = Counter(
        item.priority for plan in plans for item in plan.roadmap.items if item.priority
    )
    if not counted:
        return Setting(("No item names a priority.",), "")
    if any(plan.roadmap.priority_legend for plan in plans):
        return Setting((f"Priorities: {_named(counted)}, as the Priority Legend lists them.",), "")
    return Setting(
        (
            f"Priorities: {_named(counted)}. Not set as priority-values: a vocabulary",
            "from the configuration holds the plan to roadmaplint's own format (a Status",
            "and a Priority Legend, a Priority Overview).",
        ),
        "",
    )


def _statuses(plans: Sequence[Plan]) -> Iterable[Setting]:
    by_meaning: dict[str, Counter[str]] = {meaning: Counter() for meaning in MEANINGS}
    unmapped: Counter[str] = Counter()
    for plan in plans:
        statuses = document_settings(plan.roadmap, Settings()).statuses
        for item in plan.roadmap.items:
            if not item.status:
                continue
            meaning = _meaning(item.status, statuses)
            if meaning is None:
                unmapped[item.status] += 1
            else:
                by_meaning[meaning][item.status] += 1
    if not any(by_meaning.values()) and not unmapped:
        yield Setting(("No item writes a status.",), "", "statuses")
        return
    yield Setting(
        (
            "The statuses written here, by the workflow meaning the rules read in them",
            "(done, in progress, ready, blocked, idea); values are matched as written.",
        ),
        "",
        "statuses",
    )
    for meaning, counted in by_meaning.items():
        if counted:
            yield Setting(
                (f"{meaning}: {_named(counted)}",),
                f"{meaning} = {_array(sorted(counted))}",
                "statuses",
            )
    if unmapped:
        closed = Counter(
            {value: count for value, count in unmapped.items() if common_meaning(value)}
        )
        other = unmapped - closed
        if closed:
            yield Setting(
                (f"Closed (no rule reads it): {_named(closed)}",),
                "",
                "statuses",
            )
        if other:
            yield Setting(
                (
                    f"No meaning: {_named(other)}; add one to a meaning above for the",
                    "workflow rules to read it.",
                ),
                "",
                "statuses",
            )


def _meaning(status: str, statuses: Statuses) -> str | None:
    for meaning, test in (
        ("done", statuses.is_done),
        ("in-progress", statuses.is_in_progress),
        ("queued", statuses.is_queued),
        ("ready", statuses.is_ready),
        ("blocked", statuses.is_blocked),
        ("idea", statuses.is_idea),
    ):
        if test(status):
            return meaning
    return None
