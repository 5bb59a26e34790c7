"""Numbered items with a status mark: ``12) + Title`` over indented ``Key: value`` lines.

A task format some projects keep (``ID) STATUS Title``, the status one mark: ``+``
done, ``~`` in progress, ``-`` to do, ``?`` an open question). The marks mean what a
legend in the document says (`` `+` Completed ``), else what such formats agree on.
The checkbox shape's list reader asks this module first about a numbered list.
"""

from __future__ import annotations

import re

from roadmaplint.model import Block, Field, Item, Position
from roadmaplint.reader.dialect import DEPENDS_ON
from roadmaplint.reader.outline import steps_titled
from roadmaplint.reader.shapes import Document
from roadmaplint.reader.shapes.common import (
    make_item,
    names_a_kind_of_change,
    priority_of_sections,
    reference_from_title,
    titled_a_changelog,
)
from roadmaplint.record import replace
from roadmaplint.settings import common_meaning, status_meaning
from roadmaplint.text import LazyPattern

NUMBERED_ENTRY = LazyPattern(
    r"[ \t]{0,3}(?P<id>[0-9]{1,6})[.)][ \t]+(?P<mark>[-+~=?✓✔✗✘✅🔄⏳🚧❌])\ufe0f?[ \t]+"
    r"(?P<title>\S.*)"
)
# What the marks mean where the document does not say (a legend of its own wins).
CONVENTIONAL = {
    "+": "done",
    "✓": "done",
    "✔": "done",
    "~": "in progress",
    "-": "todo",
    "?": "idea",  # an open question: not yet decided work
    "✗": "cancelled",
    "✘": "cancelled",
    # a plan's next steps marked as its phases are (``1. ✅ Create the repository``,
    # ``5. 🔄 Playtest``, ``6. ⏳ Iterate``): done, under way, waiting its turn
    "✅": "done",
    "🔄": "in progress",
    "🚧": "in progress",
    "⏳": "todo",
    "❌": "cancelled",
}
# A legend line: `` `+` Completed - a task that is done ``, `` `~`: In Progress ``.
_LEGEND = LazyPattern(
    r"`(?P<mark>[-+~=?✓✔✗✘])`[ \t]*+(?:[:—–-][ \t]*+)?(?P<label>[A-Za-z][A-Za-z -]*)"
)
_LABEL_END = LazyPattern(r"(?<![ \t])[ \t]+[-—–:][ \t]+")  # ``Completed - a task that is done``
_FIELD = LazyPattern(r"[ \t]+(?P<key>[A-Za-z][A-Za-z ]{0,30}):[ \t]*(?P<value>\S.*)")
_FEWEST = 3
_FINISHED = ("done", "cancelled")
_FIELD_KEYS = ("status", "priority", "dri", DEPENDS_ON)


def mark_legend(document: Document) -> dict[str, str]:
    """The marks the document explains, each with the status its label names."""
    return document.memo("numbered_marks", lambda: read_mark_legend(document.lines))


def read_mark_legend(lines: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in lines:
        if "`" not in line:
            continue
        for match in _LEGEND.finditer(line):
            label = _LABEL_END.split(match["label"], maxsplit=1)[0].strip(" -")
            if label:
                found.setdefault(match["mark"], label)
    return found


def read_numbered(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """The items of a numbered list whose every entry is ``N) mark Title``: three or more,
    every mark one the document's legend or the convention gives a meaning, and the list
    saying it is a list of tasks (a legend, two kinds of mark, or fields under each
    entry), so that ``1. ✅ Fast`` over ``2. ✅ Small`` in a README stays prose."""
    lines = document.lines
    if (
        len(entries) < _FEWEST
        or NUMBERED_ENTRY.fullmatch(lines[entries[0][0]].rstrip("\r\n")) is None
    ):
        return [], ()
    found = [NUMBERED_ENTRY.fullmatch(lines[first].rstrip("\r\n")) for first, _ in entries]
    if not all(found):
        return [], ()
    legend = mark_legend(document)
    meanings = {**CONVENTIONAL, **legend}
    marks = {match["mark"] for match in found if match}
    fields = [_fields(lines, first, last, document) for first, last in entries]
    if not marks <= meanings.keys():
        return [], ()
    # Two kinds of mark make a task list only when one is open work: ticks and crosses
    # alone (``1. ✓ Tiny`` over ``3. ✗ No IE11``) are a README's yes and no.
    open_work = any(meanings[mark] not in _FINISHED for mark in marks)
    if not (marks & legend.keys() or (len(marks) >= 2 and open_work) or all(fields)):
        return [], ()
    if marks <= PLAN_MARKS and not (marks & legend.keys() or all(fields) or _in_a_plan(document)):
        # ``1. ✅ Tests added`` over ``3. ⏳ Changelog entry``: a pull request's checklist, a
        # README's features or a recipe's steps; a plan's next steps stand beside its
        # phases, sprints or milestones, or under a title that names a plan
        return [], ()
    if marks & PLAN_MARKS and any(_restated(document, match["title"]) for match in found if match):
        # ``1. ✅ 프로젝트 초기화`` where ``- [ ] **프로젝트 초기화**`` is the plan's work box:
        # a report of how that work stands, no work of its own
        return [], ()
    numbers = {match["id"] for match in found if match}
    items = []
    for (first, last), match, written in zip(entries, found, fields, strict=True):
        assert match is not None
        here = Position(first + 1, match.start("id") + 1)
        status = Field("Status", "status", meanings[match["mark"]], here, here, first + 1)
        known = [field for field in written if field.key in _FIELD_KEYS]  # Action: is prose
        title = document.inline(match["title"].strip())
        section = document.section_above(first + 1)
        item = make_item(
            match["id"], title, section, here, last + 1, [status, *known], document.dialect
        )
        items.append(_with_number_references(item, numbers))
        taken.add(match["id"])
    cut = tuple(Block("list", first + 1, last + 1) for first, last in entries)
    return items, cut


# The marks a plan's phases and steps are marked with, read in a numbered list too.
PLAN_MARKS = frozenset("✅🔄⏳🚧❌")


# A heading that names a plan or a part of one: ``# Development Roadmap``, ``## Phase 2:
# Campaign``, ``## Sprint 3``, ``# 구현 플랜`` (Korean: implementation plan).
_PLAN_HEADING = LazyPattern(
    r"\b(?:road[ \t]?map|plan|to-?do|backlog|phase|sprint|milestone)\b|플랜|계획", re.IGNORECASE
)


def _in_a_plan(document: Document) -> bool:
    """Whether a heading of the document names a plan or one of its phases, sprints or
    milestones: numbered steps marked as a plan's phases are (``1. ✅``, ``2. ⏳``) are its
    next steps there, and anywhere else a checklist of what is done."""
    return document.memo(
        "in_a_plan",
        lambda: any(_PLAN_HEADING.search(text) for text in document.heading_texts()),
    )


def _restated(document: Document, title: str) -> bool:
    """Whether a numbered entry's title is the text of a bullet or a box of the document
    (``- [ ] **Title**``, ``  - Title``): the entry names work written down there."""
    return _plain(title) in document.memo("bullet_texts", lambda: _bullet_texts(document.lines))


def _bullet_texts(lines: list[str]) -> frozenset[str]:
    found = set()
    for line in lines:
        text = line.lstrip()
        if text[:2] not in ("- ", "* ", "+ "):
            continue
        text = text[2:].lstrip()
        if text[:3] in ("[ ]", "[x]", "[X]"):
            text = text[3:]
        found.add(_plain(text))
    return frozenset(found)


def _plain(text: str) -> str:
    return " ".join(text.strip().strip("*_`").split()).casefold()


def _fields(lines: list[str], first: int, last: int, document: Document) -> list[Field]:
    """The known fields among an entry's indented ``Key: value`` lines."""
    found = []
    for number in range(first + 1, last + 1):
        match = _FIELD.fullmatch(lines[number].rstrip("\r\n"))
        if match is None:
            continue
        key = document.dialect.key(match["key"])
        at = Position(number + 1, match.start("key") + 1)
        value = match["value"].strip()
        found.append(Field(match["key"], key, value, at, at, number + 1))
    return found


def _with_number_references(item: Item, numbers: set[str]) -> Item:
    """``item`` with a dependency that names another entry's number (``Dependencies: 8,
    9``) read as a reference to it, not as something external."""
    named = [entry for entry in item.external_deps if entry.strip("#") in numbers]
    if not named:
        return item
    references = (*item.depends_on, *(entry.strip("#") for entry in named))
    externals = tuple(entry for entry in item.external_deps if entry not in named)
    return replace(item, depends_on=references, external_deps=externals)


# A task numbered once through a plan, its title in bold alone: ``5. **Update README.md**``
# (a Ralph loop's IMPLEMENTATION_PLAN.md), over nested ``- Dependencies: Tasks 1-4``.
# A note in brackets may follow the title: ``1. **Investigate CI Failure** (NEW, high priority)``
# (an agent's queue).
_BOLDNUMBERED_ENTRY = LazyPattern(
    r"[ \t]{0,3}(?P<id>[0-9]{1,4})\.[ \t]+\*\*(?P<title>[^*]+)\*\*"
    r"(?:[ \t]+\([^()\n]{1,80}\))?[ \t]*"
)
_NESTED_FIELD = LazyPattern(
    r"[ \t]++[-*+][ \t]++(?P<key>[A-Za-z][A-Za-z ]{0,30}):[ \t]*+(?P<value>.*)"
)
_TASK_NUMBERS = LazyPattern(
    r"\bTasks?[ \t]+(?P<list>[0-9]{1,4}(?:[ \t]*(?:[-–,]|and)[ \t]*[0-9]{1,4})*)"
)
_NOTE_DASH = LazyPattern(r"(?<![ \t])[ \t]+[—–][ \t]+")
# A hyphen after a status word in capitals or a capital, then a note: ``BLOCKED - Waiting
# for CI``, ``Ongoing - Comprehensive foundation``.
_WORD_NOTE = LazyPattern(r"(?P<word>[A-Za-z][A-Za-z_]{1,20})[ \t]+-[ \t]+\S")
_NUMBER_RANGE = LazyPattern(r"(?P<first>[0-9]{1,4})(?:[ \t]*[-–][ \t]*(?P<last>[0-9]{1,4}))?")


def read_bold_numbered(
    document: Document, entries: list[tuple[int, int]]
) -> tuple[list[Item], tuple[Block, ...]]:
    """The items of a numbered list whose every entry is a bold title alone (``1.
    **Create the entry script**``) over nested bullets naming its dependencies (``-
    Dependencies: Task 1``, ``Tasks 1-4``, ``None``), or in a document where most such
    entries write their status in a nested bullet (``- Status: ✅ Completed``): a plan's
    tasks, numbered once through it, each named by its number, its priority that of the
    band above it. A status not written is none. Without the dependencies under every
    entry, or the statuses under most, a numbered list of bold phrases is prose."""
    lines = document.lines
    if _BOLDNUMBERED_ENTRY.fullmatch(lines[entries[0][0]].rstrip("\r\n")) is None:
        return read_kind_numbered(document, entries)
    numbers = document.memo("bold_numbers", lambda: _bold_numbers(lines))
    if len(numbers) < 2:
        return [], ()  # one task alone is no plan's list (a band may hold one of many)
    found = [_BOLDNUMBERED_ENTRY.fullmatch(lines[first].rstrip("\r\n")) for first, _ in entries]
    depends = [_nested_value(lines, first, last, document, DEPENDS_ON) for first, last in entries]
    statuses = [_nested_field(lines, first, last, document, "status") for first, last in entries]
    # who does it, on a bullet beside its status (``- Owner: bob``), as set writes it
    owners = [_nested_field(lines, first, last, document, "dri") for first, last in entries]
    # how much it matters, on a bullet of its own (``- Priority: HIGH``), over its band
    priorities = [
        _nested_field(lines, first, last, document, "priority") for first, last in entries
    ]
    stated = document.memo("bold_statuses", lambda: _states_most(lines, len(numbers), document))
    if not all(found) or (any(value is None for value in depends) and not stated):
        return [], ()
    items = []
    for (first, last), match, value, status, owner, written in zip(
        entries, found, depends, statuses, owners, priorities, strict=True
    ):
        assert match is not None
        here = Position(first + 1, match.start("id") + 1)
        named = [number for number in _task_numbers(value or "") if number in numbers]
        fields = (
            [Field("Depends on", DEPENDS_ON, ", ".join(named), here, here, first + 1)]
            if named
            else []
        )
        if status is not None and status.value:
            # ``✅ Completed — the app now injects the remote repository``: the note is no status
            value = _NOTE_DASH.split(status.value, maxsplit=1)[0].strip()
            worded = _WORD_NOTE.match(value)
            if worded is not None and common_meaning(worded["word"]) is not None:
                value = worded["word"]  # ``AVAILABLE - Check for new PRs``: the word is it
            fields.append(replace(status, value=value))
        if owner is not None and owner.value:
            fields.append(owner)
        # the band the task stands under: ``### High Priority - Core Infrastructure``
        priority = priority_of_sections(document.status_sections_above(first + 1))
        if written is not None and written.value:
            fields.append(written)
        elif priority:
            fields.append(Field("Priority", "priority", priority, here, here, first + 1))
        title = document.inline(match["title"].strip())
        section = document.section_above(first + 1)
        items.append(
            make_item(match["id"], title, section, here, last + 1, fields, document.dialect)
        )
    cut = tuple(Block("list", first + 1, last + 1) for first, last in entries)
    return items, cut


# An entry named in bold by a kind of work and its number, then its title, and after a
# dash what it says of itself: ``1. **Spec 057 - Brand Tokens** — done: merged via PR #54``.
_KIND_NUMBERED_ENTRY = LazyPattern(
    r"[ \t]{0,3}[0-9]{1,4}\.[ \t]++\*\*(?P<id>(?P<kind>[A-Z][A-Za-z]{1,15})[ \t]+[0-9]{1,5})"
    r"[ \t]+[-—–:][ \t]+(?P<title>[^*\n]{2,120}?)\*\*[ \t]+[—–][ \t]+(?P<said>\S.*)"
)
# The kinds of a record of what was decided or agreed, no work to do: ``ADR 001 - Use
# PostgreSQL — accepted``, ``RFC 9110``, ``PEP 695``, ``CVE``, ``ISO``.
_RECORDED_KINDS = frozenset(("adr", "decision", "rfc", "pep", "cve", "iso", "ecma", "bcp"))
# Where what an entry says of itself leaves its status for a note: ``done: merged``.
_SAID_END = LazyPattern(r"[:;,.][ \t]|[:;,.]?$")


def read_kind_numbered(
    document: Document, entries: list[tuple[int, int]]
) -> tuple[list[Item], tuple[Block, ...]]:
    """The items of a numbered list whose every entry is named in bold by one kind of work
    and its number, then its title (``1. **Spec 057 - Brand Tokens and Logo System** —
    done: merged via PR #54``): a plan's specs or tickets in the order it takes them, each
    an item by its kind and number (``Spec 057``), its status the words after the dash
    up to a note, where they say one (``do not create until ...`` says none). Where
    fewer than half say a status, the list names things (``**RFC 7231 - HTTP
    Semantics** — the methods``) and holds no items."""
    lines = document.lines
    found = [_KIND_NUMBERED_ENTRY.fullmatch(lines[first].rstrip("\r\n")) for first, _ in entries]
    if len(found) < 2 or not all(found):
        return [], ()
    # a release's notes (``# Changelog``, ``### Added``): the features it shipped, no work;
    # a guide's or a lesson's (``# Getting started``): the steps its reader follows
    if (
        titled_a_changelog(document)
        or _titled_steps(document)
        or names_a_kind_of_change(document.section_above(entries[0][0] + 1))
    ):
        return [], ()
    kinds = {match["kind"] for match in found if match is not None}
    ids = {match["id"].casefold() for match in found if match is not None}
    if len(kinds) != 1 or len(ids) != len(found):
        return [], ()
    if next(iter(kinds)).casefold() in _RECORDED_KINDS:
        return [], ()  # a log of decisions or the standards followed: what was decided
    items, stated = [], 0
    for (first, last), match in zip(entries, found, strict=True):
        assert match is not None
        said = match["said"]
        status = said[: _SAID_END.search(said).start()].strip()  # type: ignore[union-attr]
        here = Position(first + 1, match.start("id") + 1)
        stated += status_meaning(status) is not None
        valued = Position(first + 1, match.start("said") + 1)
        # what it says in words where no status word (``do not create until ...``): its
        # status as written, which says no stage, as a Status field of free text does
        fields = [Field("Status", "status", status, valued, valued, first + 1)] if status else []
        title = document.inline(match["title"].strip())
        section = document.section_above(first + 1)
        item_id = " ".join(match["id"].split())
        items.append(make_item(item_id, title, section, here, last + 1, fields, document.dialect))
    if 2 * stated < len(items):
        return [], ()
    return items, tuple(Block("list", first + 1, last + 1) for first, last in entries)


# A heading over a stage of the plan: ``### 第一阶段：基础架构搭建（1-2周）``, ``## Phase 2``.
_STAGE_HEADING = LazyPattern(
    r"(?i:\b(?:phase|stage|sprint|milestone|week|fase|etapa|[ée]tape)\b)"
    r"|阶段|階段|里程碑|フェーズ|단계"
)
# A step nested under an entry: ``   - 配置 Redis 缓存`` (no box: a box is a sub-task).
_NESTED_STEP = LazyPattern(r"[ \t]{2,}[-*+][ \t]+(?!\[[ xX]?\])\S")
# A top-level box anywhere in the document: ``- [x] 登录页面 `/login```.
_TOP_BOX = LazyPattern(r"[-*+][ \t]+\[[ xX]\][ \t]")


def read_bold_tasks_beside_boxes(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """The items of a numbered list whose every entry is a bold title alone (``1.
    **项目初始化**``) over nested bullets of its steps, under a heading of a stage of the
    plan (``### 第一阶段：...`` over ``#### 后端开发``), in a document whose other work is
    boxes: the tasks of a stage written before they were broken into boxes, each named
    by its title (the numbers start again under each heading), with no status written.
    Its steps are its own, no items. Anywhere else such a list is prose (a README's
    ``1. **Prerequisites**`` over what to install)."""
    lines = document.lines
    if document.with_ids_only or len(entries) < 2:
        return [], ()
    found = [_BOLDNUMBERED_ENTRY.fullmatch(lines[first].rstrip("\r\n")) for first, _ in entries]
    if not all(found) or not all(_steps_only(lines, first, last) for first, last in entries):
        return [], ()
    above = document.status_sections_above(entries[0][0] + 1)
    if not any(_STAGE_HEADING.search(heading) for heading in above) or _titled_steps(document):
        return [], ()  # a guide's stages (``# Deployment guide``) are steps its reader follows
    if not document.memo("top_boxes", lambda: any(_TOP_BOX.match(line) for line in lines)):
        return [], ()
    items = []
    section = document.section_above(entries[0][0] + 1)
    for (first, last), match in zip(entries, found, strict=True):
        assert match is not None
        here = Position(first + 1, match.start("id") + 1)
        title = document.inline(match["title"].strip())
        reference = reference_from_title(title, taken)
        items.append(
            make_item(reference, title, section, here, last + 1, (), document.dialect, (), True)
        )
    cut = tuple(Block("list", first + 1, last + 1) for first, last in entries)
    return items, cut


def _titled_steps(document: Document) -> bool:
    """Whether the document's first title (level 1) names a guide or a lesson (``#
    Deployment guide``, ``# Course syllabus``), whose numbered entries are its steps."""
    texts = document.heading_texts()
    titles = [
        text for text, heading in zip(texts, document.headings, strict=True) if heading.level == 1
    ]
    return bool(titles) and steps_titled(titles[0])


def _steps_only(lines: list[str], first: int, last: int) -> bool:
    """Whether the lines of an entry after its first are nested step bullets, one or
    more, and blank lines."""
    body = [line for line in lines[first + 1 : last + 1] if line.strip()]
    return bool(body) and all(_NESTED_STEP.match(line) for line in body)


def _nested_value(
    lines: list[str], first: int, last: int, document: Document, key: str
) -> str | None:
    """The value of the bullet of field ``key`` nested under an entry, else None."""
    found = _nested_field(lines, first, last, document, key)
    return found.value if found is not None else None


def _nested_field(
    lines: list[str], first: int, last: int, document: Document, key: str
) -> Field | None:
    """The bullet of field ``key`` nested under an entry, where it is written (its
    writers edit it there), else None."""
    for number in range(first + 1, last + 1):
        match = _NESTED_FIELD.fullmatch(lines[number].rstrip("\r\n"))
        if match is not None and document.dialect.key(match["key"]) == key:
            at = Position(number + 1, match.start("key") + 1)
            value = match["value"]
            start = match.start("value") + len(value) - len(value.lstrip())
            valued = Position(number + 1, start + 1)
            return Field(match["key"], key, value.strip(), at, valued, number + 1)
    return None


def _states_most(lines: list[str], entries: int, document: Document) -> bool:
    """Whether nested ``- Status:`` bullets number two or more and at least half the bold
    numbered entries of the document: its steps say how far along each is. A status that
    says no stage of work (a README feature's ``Status: stable``, ``beta``) is no step's."""
    stated = 0
    for line in lines:
        match = _NESTED_FIELD.fullmatch(line.rstrip("\r\n"))
        stated += (
            match is not None
            and document.dialect.key(match["key"]) == "status"
            and _says_a_stage(match["value"])
        )
    return stated >= 2 and 2 * stated >= entries


def _says_a_stage(value: str) -> bool:
    """Whether a step's status says how far along it is: a common status, or ``Pending``
    (a step not yet begun, beside ``✅ Completed``; one phase of two steps, one done and
    one pending, read as no steps at all, the phase alone an item)."""
    word = value.strip().strip("*_`").casefold()
    return common_meaning(value) is not None or word.split()[:1] == ["pending"]


def _bold_numbers(lines: list[str]) -> frozenset[str]:
    """The numbers of every bold numbered entry of the document: what a dependency names."""
    return frozenset(
        match["id"]
        for line in lines
        if (match := _BOLDNUMBERED_ENTRY.fullmatch(line.rstrip("\r\n")))
    )


def _task_numbers(value: str) -> list[str]:
    """The task numbers ``Task 1``, ``Tasks 1-4`` or ``Tasks 2, 3`` name, ranges spelt out."""
    named: list[str] = []
    for written in _TASK_NUMBERS.finditer(value):
        for part in _NUMBER_RANGE.finditer(written["list"]):
            first, last = int(part["first"]), int(part["last"] or part["first"])
            named += [str(number) for number in range(first, min(last, first + 200) + 1)]
    return named
