"""The dialect a roadmap is read in: one frozen record built from the settings.

Everything the reader needs to know about a project's conventions (the ID
pattern, the item heading level, the field names and their aliases, the
vocabularies) is here, so that no reader step consults settings or globals.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from roadmaplint.reader.idpattern import ITEM_HEADING, id_regex
from roadmaplint.record import record
from roadmaplint.settings import FIELD_ALIASES, KNOWN_FIELDS, Settings, common_meaning
from roadmaplint.text import LazyPattern

STATUS_LEGEND = "status legend"
# The name of the legend a task folder's config.yml gives: its tool's vocabulary, not a
# sign that the folder is written in roadmaplint's format (see reader/quiet.py).
TASK_FOLDER_LEGEND = "statuses of config.yml"
# Other headings that name a document's statuses: `## Statuses`, `### Status values`.
STATUS_HEADING = LazyPattern(
    r"(?:(?:valid|allowed|possible|task|item)[ \t]+)?(?:statuses|status[ \t]+"
    r"(?:values|key|definitions|vocabulary|codes|meanings|labels|markers|levels|types))"
)
PRIORITY_LEGEND = "priority legend"
# The words a priority is written in where no legend ranks them, highest first: a level
# before a remark (``High - blocks the release``) and the lowest a table writes (``new``).
PRIORITY_WORDS = ("critical", "urgent", "highest", "high", "medium", "normal", "low", "lowest")
DEPENDS_ON = "depends on"
# What says "none" where a dependency would be named, in Chinese, Japanese and Korean
# (``依赖: 无``, ``依存: なし``, ``의존: 없음``): no dependency, as ``none`` is none.
NONE_WORDS = ("无", "無", "没有", "暂无", "なし", "無し", "ない", "없음")
# The known fields that say work is tracked: a status, a priority, an owner (a list of
# dependencies alone is a component's, ``## C1 Parser`` over ``- Dependencies: regex``).
WORK_KEYS = frozenset({"status", "priority", "dri"})
DEFINITION_OF_DONE = "definition of done"
ITEM_LEVELS = (2, 3, 4)
# Between an ID and its title when the ID has no brackets: MODEL-1 — Title.
SEPARATORS = (" — ", " – ", " - ", ": ", " · ")


# A heading that names the states of the tasks in Japanese or Chinese: ``## タスクの状態``,
# ``## ステータス一覧``, ``## 任务状态``.
_STATES_HEADINGS = frozenset(
    ("タスクの状態", "タスクのステータス", "ステータス一覧", "状態一覧", "任务状态", "任務狀態")
)


def names_task_states(heading: str) -> bool:
    """Whether a heading names the states of the tasks in Japanese or Chinese (``## タスク
    の状態`` over ``- ✅ 完了済み``): a list under it is the plan's glossary, no work."""
    return "".join(re.findall(r"\w+", heading)) in _STATES_HEADINGS


def names_statuses(heading: str) -> bool:
    """Whether a heading names the document's statuses (besides "Status Legend"): the
    words in any case, emoji or punctuation around them allowed."""
    if "tatus" not in heading and "TATUS" not in heading:
        return False  # most headings: no regular expression run
    words = normalize_key(re.sub(r"[^\w \t]", " ", heading))
    return STATUS_HEADING.fullmatch(words) is not None


def names_a_legend(heading: str) -> bool:
    """Whether a heading is a bare ``Legend`` (``## Legend``, ``### 🔑 Legend:``): read as
    the document's statuses only where its table's first column is headed Status."""
    if "egend" not in heading and "EGEND" not in heading:
        return False
    return normalize_key(re.sub(r"[^\w \t]", " ", heading)) == "legend"


def normalize_key(name: str) -> str:
    """The lookup key of a field name: lower case with single spaces."""
    return " ".join(name.lower().split())


@record
class Dialect:
    id_pattern: str
    item_level: int | None  # None: found from the document
    overview_heading: str
    graph_heading: str
    aliases: tuple[tuple[str, str], ...]  # (normalised name, key of the known field)
    known: tuple[str, ...]  # the known field names, as written in messages
    extra: tuple[str, ...]  # names that are known but carry no meaning
    status_values: tuple[str, ...]
    priority_values: tuple[str, ...]

    @staticmethod
    def from_settings(settings: Settings) -> Dialect:
        return _dialect(settings)

    def key(self, name: str) -> str:
        """The key a field name is read under: its known field's for an alias."""
        key = normalize_key(name)
        return _alias_map(self.aliases).get(key, key)

    def is_known(self, name: str) -> bool:
        """Whether a field name is known (a field, an alias or an extra field)."""
        return normalize_key(name) in _known_keys(self)


@lru_cache(maxsize=32)
def _dialect(settings: Settings) -> Dialect:
    aliases = [(normalize_key(name), normalize_key(target)) for name, target in FIELD_ALIASES]
    aliases += [
        (normalize_key(name), normalize_key(target)) for name, target in settings.field_aliases
    ]
    return Dialect(
        id_pattern=settings.id_pattern,
        item_level=settings.item_heading_level,
        overview_heading=settings.overview_heading,
        graph_heading=settings.graph_heading,
        aliases=tuple(aliases),
        known=KNOWN_FIELDS,
        extra=settings.extra_fields,
        status_values=settings.status_values,
        priority_values=settings.priority_values,
    )


@lru_cache(maxsize=32)
def _alias_map(aliases: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return dict(aliases)


@lru_cache(maxsize=32)
def _known_keys(dialect: Dialect) -> frozenset[str]:
    names = {normalize_key(name) for name in dialect.known}
    names |= {normalize_key(name) for name in dialect.extra}
    names |= {name for name, _ in dialect.aliases}
    return frozenset(names)


class FieldNames:
    """The dialect's field names as lookups for one parse: a frozen record hashes all its
    fields on every lookup, and a roadmap has tens of thousands of field lines."""

    def __init__(self, dialect: Dialect) -> None:
        self._aliases = dict(dialect.aliases)
        self._known = _known_keys(dialect)
        self._keys: dict[str, str] = {}
        self._known_names: dict[str, bool] = {}

    def key(self, name: str) -> str:
        found = self._keys.get(name)
        if found is None:
            normal = normalize_key(name)
            found = self._keys[name] = self._aliases.get(normal, normal)
        return found

    def is_known(self, name: str) -> bool:
        found = self._known_names.get(name)
        if found is None:
            found = self._known_names[name] = normalize_key(name) in self._known
        return found


def field_names(dialect: Dialect) -> FieldNames:
    """The lookups for ``dialect``; the last one asked for is known by identity, for every
    item of a parse asks with the same dialect (hashing its 53 aliases cost 2 µs an item)."""
    global _last_names
    last = _last_names
    if last is not None and last[0] is dialect:
        return last[1]
    names = _field_names(dialect)
    _last_names = (dialect, names)
    return names


_last_names: tuple[Dialect, FieldNames] | None = None


@lru_cache(maxsize=32)
def _field_names(dialect: Dialect) -> FieldNames:
    return FieldNames(dialect)


@record
class Patterns:
    """The dialect's regular expressions, compiled once per ID pattern."""

    id_only: re.Pattern[str]
    item_heading: re.Pattern[str]


def patterns(id_pattern: str) -> Patterns:
    """Compiled by ``idpattern``: a custom pattern runs on RE2, which cannot backtrack."""
    return Patterns(id_regex(id_pattern), id_regex(id_pattern, ITEM_HEADING))


# A phase's or a task's number: "4", "4.1.2", lettered ("4a", "2B", "4a.1"), a lettered
# one's own numbered parts ("5d4", the fourth epic of 5d) or a version ("v0.1.1"). Each
# part is digits, one letter at most and digits after it only after a letter, so a number
# is read one way only (no backtracking on a long line).
_NUMBER = r"v?[0-9]{1,6}(?:[A-Za-z][0-9]{0,3})?(?:\.[0-9]{1,6}[A-Za-z]?){0,5}"
# A phase of a lettered series: ``Phase A``, ``Phase I-05`` (series I, its fifth). A
# letter alone that is a Roman numeral (``## Phase I`` of an article on trials, then
# ``## Phase II``) is no letter of a series.
_LETTERED = r"(?:[A-Z]-[0-9]{1,4}(?:\.[0-9]{1,4})?|[A-HJ-UWYZ])"
# ``Fase`` is the phase of a plan written in Spanish, Portuguese, Italian or Dutch.
_PHASE = r"(?:Phase|PHASE|Fase|FASE)[ \t]+" + _NUMBER
# A heading names a phase of either series; the phase machinery (checklists, progress
# tables, phases archived before the first) counts numbered ones only.
_ANY_PHASE = r"(?:Phase|PHASE|Fase|FASE)[ \t]+(?:" + _NUMBER + "|" + _LETTERED + ")"
# A planning phase: "Phase 4: Name", "Phase 4.1.2 — Name", "PHASE 2: Name"; its ID is
# "Phase 4.1.2". A check mark before the separator says the phase is done: "Phase 9 ✅ —
# Name"; a mark before the word is its heading's decoration ("✅ PHASE 1: Name"). A full
# stop and a space close the number as a list's does: "Phase 1. Name".
PHASE_HEADING = LazyPattern(
    r"(?:[^\x00-\x7f\w\s]{1,3}[ \t]+)?"
    r"(?P<id>" + _ANY_PHASE + r")\b(?:[ \t]+(?P<mark>[✅✓✔]))?"
    r"(?:(?:[ \t]*[:—–-]|\.(?=[ \t]))[ \t]*(?P<title>.*))?",
    re.S,
)
# A task, a story or a milestone numbered the same way ("Task 12: Name", "Story 1.2 —
# Name", "Milestone 5: Name"): an item where the document numbers a series of them
# (outline.py), for one "Task 1" heading alone may be a step of a how-to. A second series
# of one document may write its letters before the word: "TB-Story 1: Name". A number
# joined to another by a hyphen is one number, no title after a dash: "Milestone 1-2"
# (the second part of the first milestone).
WORK_HEADING = LazyPattern(
    r"(?P<id>(?:[A-Z]{1,5}-)?(?:Task|Story|Milestone|Epic|TASK|STORY|EPIC)[ \t]+" + _NUMBER + r")"
    r"(?!-[0-9])[ \t]*[:—–-][ \t]*(?P<title>\S.*)",
    re.S,
)
# The ID of a numbered work unit, as a dependency names it: "Phase 3", "Task 12", or
# after the plural of its word ("Tasks 1.1, 1.2": the word, singular, and the number).
NUMBERED_ID = LazyPattern(
    r"(?P<word>Phase|PHASE|Fase|FASE|Task|Stories|Story|Milestone|Epic)s?[ \t]+"
    r"(?P<number>" + _NUMBER + "|" + _LETTERED + r"(?![\w-]))"
)
PHASE_ID = LazyPattern(_PHASE)
# A task's or a story's ID alone ("Task 3"), and one of a phase whose tasks are numbered
# again under each phase heading ("Phase 2 Task 1": outline.py names them so).
WORK_ID = LazyPattern(r"(?:Task|Story|Milestone|Epic)[ \t]+" + _NUMBER)
# A task numbered by its group alone, ``1.1`` of ``### 1.1 Orchestrator Host``: two to four
# dotted parts (a single number is a chapter's).
STEP_ID = LazyPattern(r"[0-9]{1,4}(?:\.[0-9]{1,4}){1,3}")
PHASE_WORK_ID = LazyPattern(
    r"(?P<phase>" + _PHASE + r")[ \t]+"
    r"(?P<work>(?:Task|Story)[ \t]+" + _NUMBER + r")"
)
# The word a heading names its task with before the task's ID: ``### Task T1: Title``,
# ``### TASK: P1-SETUP-001 — Title`` (the word in capitals, a colon after it).
_NAMED_TASK = LazyPattern(r"(?:Task|Story|Ticket|TASK|STORY|TICKET):?[ \t]+(?=[^\s\d])")
# A heading that names a priority (`### P0 — Correctness`) groups items; it is no item.
_PRIORITY_GROUP = LazyPattern(r"P[0-4](?:\.[0-9])?")  # P2.5: a band between two


def match_item_heading(text: str, dialect: Dialect) -> tuple[str, str] | None:
    """``(id, title)`` when a heading's plain text is an item heading: ``[ID] Title``,
    ``ID — Title``, ``Phase N: Title`` or an ID alone (its title then comes from a
    Title field, or is empty)."""
    compiled = patterns(dialect.id_pattern)
    match = compiled.item_heading.fullmatch(text)
    if match is None and not text.isascii() and (lead := _LEADING_MARK.match(text)):
        # ``✅ SEC-001: Title (COMPLETE)``: the status mark a backlog puts before the ID
        match = compiled.item_heading.fullmatch(text[lead.end() :])
    if match is None and text[:1].isdigit() and (dated := _LEADING_DAY.match(text)):
        # ``2026-03-13: M002 — Local History``: the day a queue took the entry, then its
        # ID and title
        match = compiled.item_heading.fullmatch(text[dated.end() :])
    if match is not None:
        if match["id"] is not None:
            return match["id"], match["title"].strip()
        return match["id2"], match["title2"].strip()
    named = _NAMED_TASK.match(text)
    if named is not None:  # ``Task T1: Title``: the ID after the word, then the title
        task = compiled.item_heading.fullmatch(text[named.end() :])
        if task is not None and task["id2"] is not None:
            return task["id2"], task["title2"].strip()
    phase = PHASE_HEADING.fullmatch(text)
    if phase is not None:
        title = (phase["title"] or "").strip()
        if phase["mark"] is not None and phase["title"] is not None:
            title = f"{title} {phase['mark']}"  # the title reader takes the mark for the status
        return " ".join(phase["id"].split()), title
    alone = text.strip()
    if compiled.id_only.fullmatch(alone):
        return alone, ""
    first, _, rest = alone.partition(" ")
    if rest and compiled.id_only.fullmatch(first) and _STATUS_SUFFIX.fullmatch(rest.strip()):
        return first, rest.strip()  # ``TASK-008 ✓ DONE``: an ID and its status, no title
    if rest[:2] == "(P" and compiled.id_only.fullmatch(first):
        prioritised = _PRIORITY_THEN_TITLE.fullmatch(rest)
        if prioritised is not None:  # ``MD-001 (P0) — Title``: the priority leads the title
            return first, f"({prioritised['priority']}) {prioritised['title'].strip()}"
    if rest and first.endswith(".") and "-" in first and compiled.id_only.fullmatch(first[:-1]):
        # ``T9-01. Title``: a numbered task's ID closed by a full stop, as a list number is
        return first[:-1], rest.strip()
    if rest and first.endswith(".") and compiled.id_only.fullmatch(first[:-1]):
        tagged = _tagged_title(rest.strip())
        if tagged is not None:  # ``B1. [M0] Title``, ``B2. ✅ 完了 — Title``
            return first[:-1], tagged
    marked = not rest.isascii() and compiled.id_only.fullmatch(first)  # marks are not ASCII
    if marked and MARKED_TITLE.fullmatch(rest.strip()):
        # ``A1 ⬜ 🟡Med — Title``: marks between the ID and the title; the field reader
        # takes them for the status and the priority (reader/fields.py)
        return first, rest.strip()
    return None


# Up to three marks (an emoji or another symbol beyond ASCII, perhaps with a word joined
# to it: ``⬜``, ``🟡Med``) before a separator and the title; ASCII punctuation is none
# (``$5 - Pricing`` keeps its title).
MARKED_TITLE = LazyPattern(
    r"(?P<marks>(?:[^\x00-\x7f\w\s][\w]{0,10}[ \t]+){1,3})[—–:-][ \t]+(?P<title>\S.*)",
    re.S,
)


# What follows an ID closed by a full stop, as a backlog numbers its entries (``## B1. [M0]
# Title``): a tag in brackets (a milestone, a priority), the title perhaps struck through
# (``~~[M0] Title~~ — withdrawn``); a plain ``B1. Title`` may be a chapter, and is no item.
_TAG_FIRST = LazyPattern(r"(?:~~)?\[(?P<tag>[^\[\]\n]{1,16})\][ \t]+\S.*", re.S)
# The tags that mark a backlog's entry: a code with a number (a milestone ``M0``, a
# priority ``P1``), a level in words or ``優先度低`` (priority low); ``[Background]`` is a
# word of a chapter's title, and a bare number (``Q1. [5] Title``) an exam's marks.
_ENTRY_TAG = LazyPattern(
    r"[A-Za-z]{1,8}-?[0-9]{1,4}(?:\.[0-9]{1,4})?|[Hh]igh|[Mm]edium|[Ll]ow|[Cc]ritical|優先度.{1,4}"
)
# ... or a status mark and its word before the title: ``B10. ✅ 完了 — Title``.
_STATUS_FIRST = LazyPattern(
    r"(?P<mark>[^\x00-\x7f\w\s]{1,2})[ \t]+(?P<word>[^\s—–-]{1,16})"
    r"[ \t]+[—–-][ \t]+(?P<title>\S.*)",
    re.S,
)


def _tagged_title(rest: str) -> str | None:
    """The title of an entry ``ID. [tag] Title`` or ``ID. ✅ word — Title`` as the field reader
    takes it (the tag leading, a status after the title); None where ``rest`` is neither."""
    tagged = _TAG_FIRST.fullmatch(rest)
    if tagged is not None and _ENTRY_TAG.fullmatch(tagged["tag"]):
        if rest.startswith("~~") and (closing := rest.find("~~", 2)) > 2:
            rest = rest[2:closing] + rest[closing + 2 :]  # struck through: the status says why
        return rest
    marked = _STATUS_FIRST.fullmatch(rest)
    if marked is None or common_meaning(f"{marked['mark']} {marked['word']}") is None:
        return None
    return f"{marked['title'].strip()} {marked['mark']} {marked['word']}"


# Status marks before a heading's ID (``⏸️ KIRO-001: ...``): up to three symbols beyond
# ASCII, each perhaps with its variation selector, or an emoji of several joined by a
# zero-width joiner (``🧑\u200d💼 US001 - ...``, one picture to a reader).
_LEADING_MARK = LazyPattern(
    r"(?:[^\x00-\x7f\w\s]{1,2}(?:\u200d[^\x00-\x7f\w\s]{1,2}){0,3}[ \t]+){1,3}"
)
# The day a work queue dated its entry by, before the entry's ID: ``2026-03-13: M002 — ...``.
_LEADING_DAY = LazyPattern(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[ \t]*[:—–-][ \t]*")


# An item's priority in brackets between its ID and the separator: ``MD-001 (P0) — Title``.
_PRIORITY_THEN_TITLE = LazyPattern(
    r"\((?P<priority>P[0-4])\)(?: — | – | - |: )[ \t]*(?P<title>\S.*)", re.S
)


# A check mark and perhaps one status word after an ID: the title reader takes it for the
# status (reader/fields.py's heading_status).
_STATUS_SUFFIX = LazyPattern(r"[✅✓✔](?:[ \t]+[A-Za-z][A-Za-z -]{0,20})?")


def is_priority_group(item_id: str, priority_values: Collection[str]) -> bool:
    """Whether a would-be item ID is a priority (P0-P4, or a configured priority value)."""
    return bool(_PRIORITY_GROUP.fullmatch(item_id)) or item_id in priority_values
