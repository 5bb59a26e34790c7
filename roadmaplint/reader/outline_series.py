"""Headings read as items by the series they make: epics, counted and boxed series,
headings spaced by an ID prefix, slugs, upcoming work, a lesson's or a guide's steps,
untitled tasks and phases over tasks.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import takewhile

from roadmaplint.reader.dialect import ITEM_LEVELS, PHASE_HEADING, WORK_HEADING, Dialect
from roadmaplint.reader.outline_numbered import _NUMBERED
from roadmaplint.reader.outline_parts import (
    _FIELD_LINE,
    ITEM,
    PROSE,
    Part,
    _ends_with_status,
    _heading_above,
    _is_work_field,
    _section_lines,
)
from roadmaplint.text import LazyPattern

# An epic numbered in its heading (``## Epic 1: Product Vision & Governance``), and a
# line of its body that writes a field, plain or bold (``- Priority: Critical``).
_EPIC = LazyPattern(
    r"(?:[^\w\s]{1,4}[ \t]+)?(?P<id>Epic[ \t]+(?:[0-9]{1,4}|[A-Z](?![A-Za-z])))[ \t]*[:—–-][ \t]*"
    r"(?P<title>\S.*)"
)
# A note in capitals closing an epic's heading after a dash (``Event Creation & Setup -
# BACKEND IMPLEMENTED``): how far it got, said again by its Status field, no title.
_CAPITAL_NOTE = LazyPattern(r"(?P<title>.*?\S)[ \t]+[—–-][ \t]+[A-Z][A-Z ,&/]{3,}")


def _epic_series(parts: list[Part], lines: list[str]) -> dict[int, tuple[str, str]]:
    """The headings of a numbered series of epics at one level (``## Epic 1: Title``,
    ``## Epic 2: Title``) whose bodies write a field (``- Priority: Critical``): each an
    item, ``Epic 1`` its ID. Epics that write no field are chapters of a document, and
    an epic over headings of its own is the section of the items under it."""
    found: dict[int, tuple[str, str]] = {}
    unsaid: dict[int, tuple[str, str]] = {}  # epics with no field nor status of their own
    said: set[int] = set()  # the levels where an epic's heading ends with its status
    for at, part in enumerate(parts):
        if part.kind != PROSE or "Epic" not in part.text[:8]:
            continue
        epic = _EPIC.fullmatch(part.text)
        if epic is None or part.heading.level not in ITEM_LEVELS:
            continue
        after = parts[at + 1] if at + 1 < len(parts) else None
        if after is not None and after.heading.level > part.heading.level:
            continue  # an epic over headings of its own groups its stories and tasks
        end = after.heading.line - 1 if after is not None else len(lines)
        body = lines[part.heading.line : end]
        title = epic["title"].strip()
        noted = _CAPITAL_NOTE.fullmatch(title) if epic.start("id") else None
        if noted is not None and any(_FIELD_LINE.match(line.strip()) for line in body):
            title = noted["title"]  # ``✅ Epic A: Title - BACKEND IMPLEMENTED`` over its fields
        named = (" ".join(epic["id"].split()), title)
        if _ends_with_status(epic["title"]):  # ``## Epic 4 — Worker ✅ (done 2026-07-27)``
            said.add(part.heading.level)
            found[at] = named
        elif any(_FIELD_LINE.match(line.strip()) for line in body):
            found[at] = named
        else:
            unsaid[at] = named
    # beside epics that say their status, one that says none is work not yet done
    found |= {at: named for at, named in unsaid.items() if parts[at].heading.level in said}
    levels = Counter(parts[at].heading.level for at in found)
    return {at: named for at, named in found.items() if levels[parts[at].heading.level] >= 2}


def _marked_epic(part: Part) -> bool:
    """Whether an epic's heading opens with a mark before its name (``✅ Epic A: ...``)."""
    epic = _EPIC.fullmatch(part.text)
    return epic is not None and epic.start("id") > 0


# A heading numbered with a full stop: ``## 3. Environment-Aware Testing ✅``.
_COUNTED = LazyPattern(r"(?P<id>[0-9]{1,3})\.[ \t]+(?P<title>\S.*)")


def _counted_series(parts: list[Part], lines: list[str]) -> dict[int, tuple[str, str]]:
    """The headings of a numbered series at one level (``## 1. Request Validation ✅``,
    ``## 2. Middlewares``) where one or more ends with its status: each an item, its
    number the ID. Numbered chapters with no status (``## 1. Introduction``) are a
    document's outline. A numbered heading over only a list of bold-titled bullets (``##
    6. Smaller items``) groups those items: it is none itself."""
    from roadmaplint.reader.fields import heading_status
    from roadmaplint.reader.shapes.common import group_of_bold_bullets
    from roadmaplint.settings import common_meaning

    counted: dict[int, tuple[str, str]] = {}
    grouping: set[int] = set()
    ticked: set[int] = set()  # the levels where a numbered heading opens with a check
    ticked_at: set[int] = set()  # the headings that do
    other_mark: set[int] = set()  # ``### ⚠️ 12. Title``: another mark before the number
    for at, part in enumerate(parts):
        text, done = _without_leading_check(part.text)
        if not done and not text[:1].isdigit():
            text, marked = _without_leading_mark(text)
            if marked:
                other_mark.add(at)
        match = _COUNTED.fullmatch(text) if text[:1].isdigit() else None
        if match is not None and done:
            ticked.add(part.heading.level)
            ticked_at.add(at)
        if match is not None and part.kind == PROSE and part.heading.level in ITEM_LEVELS:
            # ``### ✅ 2. Title`` beside ``### 3. Title``: the mark before the number is
            # its status, as one after the title is
            counted[at] = (match["id"], match["title"].strip() + (" ✅" if done else ""))
            if group_of_bold_bullets(_section_lines(parts, at, lines)):
                grouping.add(at)
    levels = Counter(parts[at].heading.level for at in counted)
    said = {
        parts[at].heading.level
        for at, (_, title) in counted.items()
        if (status := heading_status(title)) is not None and common_meaning(status[1])
    }
    said |= {parts[at].heading.level for at in counted if _under_upcoming(parts, at)}
    # ``### ✅ 1. Does it run on Windows?``: a FAQ's questions ticked as answered yes, no
    # work, where every numbered heading of the level asks one
    asked = {
        level
        for level in levels
        if all(
            _asks(title) for at, (_, title) in counted.items() if parts[at].heading.level == level
        )
    }
    said -= asked
    said -= _told_happened(parts, lines, counted, ticked_at)
    # a warning or progress mark before the number (``### ⚠️ 12.``, ``### 🔄 2.``) is the
    # status of an entry whose siblings open ``### ✅ 1.``; elsewhere it is a decoration
    counted = {
        at: found
        for at, found in counted.items()
        if at not in other_mark or parts[at].heading.level in ticked
    }
    levels = Counter(parts[at].heading.level for at in counted)
    return {
        at: found
        for at, found in counted.items()
        if parts[at].heading.level in said
        and levels[parts[at].heading.level] >= 2
        and at not in grouping
    }


def _told_happened(
    parts: list[Part], lines: list[str], counted: dict[int, tuple[str, str]], ticked: set[int]
) -> set[int]:
    """The levels whose numbered headings all open with a check and none writes a field
    under it (``### ✅ 1. Database down`` over what happened, an incident's report under a
    severity band): what was met or resolved, told in prose, no work. A tracker's
    entries write their status (``**STATUS:** ✅ IMPLÉMENTÉ``); a list of requests with
    one still open is work."""
    levels = {parts[at].heading.level for at in counted}
    return {
        level
        for level in levels
        if all(
            at in ticked
            and not any(
                _FIELD_LINE.match(line.strip()) for line in _section_lines(parts, at, lines)
            )
            for at in counted
            if parts[at].heading.level == level
        )
    }


def _asks(title: str) -> bool:
    """Whether a title is a question (``Can I use it offline? ✅``)."""
    return title.removesuffix(" ✅").rstrip().endswith("?")


def _without_leading_check(text: str) -> tuple[str, bool]:
    """``(text after it, True)`` where a heading opens with a check mark and a space
    (``✅ 2. Title``), else ``(text, False)``."""
    for mark in ("✅", "✔", "✓"):
        if text.startswith(mark):
            rest = text[len(mark) :].lstrip("\ufe0f")
            if rest[:1] in (" ", "\t"):
                return rest.lstrip(" \t"), True
    return text, False


def _without_leading_mark(text: str) -> tuple[str, bool]:
    """``(text after it, True)`` where a heading opens with a mark that is no word (one
    to four symbols, ``⚠️``, ``🔄``) and a space before a number and a full stop (``⚠️ 12.
    Title``), else ``(text, False)``."""
    mark, _, rest = text.partition(" ")
    if not mark or len(mark) > 4 or any(char.isalnum() for char in mark):
        return text, False
    rest = rest.lstrip(" \t")
    return (rest, True) if _COUNTED.fullmatch(rest) else (text, False)


# A queue's heading that opens with its box and its number: ``### [x] #2 — FIX: Title``.
_BOXED = LazyPattern(
    r"\[(?P<box>[ xX])\][ \t]+(?P<id>#[0-9]{1,4})[ \t]+[—–:-][ \t]+(?P<title>\S.*)", re.S
)
# The kind of work a title leads with, perhaps with a remark in brackets: ``FIX:``,
# ``FEATURE (LARGE, DO LAST, likely its own session):``.
_KIND_LABEL = LazyPattern(r"[A-Z][A-Z-]{1,15}(?:[ \t]+\([^()]{1,80}\))?:[ \t]+")
# A status closing the title after a dash, perhaps with the commit that did it:
# ``— DONE (9c6cfd7)``; the box says the same.
_CLOSING_STATUS = LazyPattern(r"(?P<status>[A-Za-z][A-Za-z ]{0,20}?)(?:[ \t]+\([^()]{0,40}\))?")


def _boxed_series(parts: list[Part]) -> dict[int, tuple[str, str]]:
    """The headings of a work queue that open with a box and a number (``### [x] #2 —
    FIX: Title — DONE (9c6cfd7)``, ``### [ ] #1 — FEATURE: Title``), two or more at one
    level: each an item, ``#2`` its ID and its box its status; the kind of work the title
    leads with and the status closing it are no part of it."""
    from roadmaplint.settings import common_meaning

    boxed: dict[int, tuple[str, str]] = {}
    for at, part in enumerate(parts):
        match = _BOXED.fullmatch(part.text) if part.text[:1] == "[" else None
        if match is None or part.kind != PROSE or part.heading.level not in ITEM_LEVELS:
            continue
        title = match["title"].strip()
        if (kind := _KIND_LABEL.match(title)) is not None and title[kind.end() :].strip():
            title = title[kind.end() :]
        before, dash, after = title.rpartition(" — ")
        closing = _CLOSING_STATUS.fullmatch(after.strip()) if dash else None
        if closing is not None and common_meaning(closing["status"]) is not None:
            title = before
        box = "[x]" if match["box"] in "xX" else "[ ]"
        boxed[at] = (match["id"], f"{title.strip()} — {box}")
    levels = Counter(parts[at].heading.level for at in boxed)
    return {at: found for at, found in boxed.items() if levels[parts[at].heading.level] >= 2}


# A heading over the work still to come: ``## 🔜 Próximas features``, ``## Next up``,
# ``## Upcoming``, ``## Planned features``.
_UPCOMING = LazyPattern(r"🔜|(?i:next|upcoming|planned)\b")


def _under_upcoming(parts: list[Part], at: int) -> bool:
    """Whether the nearest heading above part ``at`` and over it names the work to come,
    or is a status and nothing else (``## Completed (V1 Foundation)``): its numbered
    headings (``### 1. Title``) are the features planned or finished, not chapters."""
    from roadmaplint.reader.fields import section_status

    level = parts[at].heading.level
    # by index: no copy of the parts above for each numbered heading
    above = next(
        (parts[back] for back in range(at - 1, -1, -1) if parts[back].heading.level < level), None
    )
    if above is None:
        return False
    return (
        _UPCOMING.match(above.text.lstrip()) is not None or section_status(above.text) is not None
    )


# The letters an ID of a series begins with: ``WQ-`` of ``WQ-015``.
_ID_PREFIX = LazyPattern(r"[A-Za-z]+[-_]?")


def _spaced_series(
    parts: list[Part], dialect: Dialect, lines: list[str]
) -> dict[int, tuple[str, str]]:
    """The headings written ``ID Title``, a space and no separator between them (``###
    WQ-015 Expand unit-test coverage``), where three or more headings at one level carry
    IDs of one prefix and one or more of them a field of work (``- **Priority**: P1``),
    or two do and both write one right under a heading that names a status: an agent's
    work queue, each heading an item. One or two such headings otherwise (``## HTTP2
    Support``) are a document's chapters; a series with no field of work (``### E1001
    Invalid token``, ``## SEC-1 Threat model``) is a reference's or a design's outline."""
    from roadmaplint.reader.dialect import patterns
    from roadmaplint.reader.shapes.common import status_of_section

    id_only = patterns(dialect.id_pattern).id_only
    found: dict[int, tuple[str, str]] = {}
    for at, part in enumerate(parts):
        if part.kind != PROSE or part.heading.level not in ITEM_LEVELS:
            continue
        first, _, rest = part.text.strip().partition(" ")
        rest = rest.strip()
        if (rest[:1].isalpha() or rest[:1] == "`") and id_only.fullmatch(first):
            found[at] = (first, rest)
    series = Counter(
        (parts[at].heading.level, prefix[0])
        for at, (item_id, _) in found.items()
        if (prefix := _ID_PREFIX.match(item_id)) is not None
    )
    fielded: Counter[tuple[int, str]] = Counter()
    boarded: Counter[tuple[int, str]] = Counter()  # fielded, right under a status heading
    for at, (item_id, title) in found.items():
        prefix = _ID_PREFIX.match(item_id)
        if prefix is not None and (
            any(_is_work_field(line, dialect) for line in _section_lines(parts, at, lines))
            # or a status ending the heading: ``### F1.2 Command routing ✔️ RELEASED``
            or _ends_with_status(title)
        ):
            fielded[(parts[at].heading.level, prefix[0])] += 1
            above = _heading_above(parts, at)
            if above is not None and status_of_section(above.text, board=True) is not None:
                boarded[(parts[at].heading.level, prefix[0])] += 1
    # Two headings make a series where both write a field of work right under a heading
    # that names a status: a queue of one task under ``## Ready`` and one under ``##
    # Done``, whose field bullets were otherwise read as the items.
    return {
        at: named
        for at, named in found.items()
        if (prefix := _ID_PREFIX.match(named[0])) is not None
        and (
            (series[(key := (parts[at].heading.level, prefix[0]))] >= 3 and fielded[key])
            or series[key] == boarded[key] == 2
        )
    }


# A heading that is a slug, lower-case words joined by hyphens, with a note in brackets
# or none: ``### project-setup``, ``### position-scaling-logic (Score: 1.33)``.
_SLUG_HEADING = LazyPattern(r"(?P<id>[a-z0-9]{1,40}(?:-[a-z0-9]{1,40}){1,12})(?:[ \t]+\([^()]*\))?")
# A bullet opening with a bold field label: ``- **Title**: Project setup``.
_BOLD_FIELD_BULLET = LazyPattern(
    r"[-*+][ \t]+\*\*(?P<name>[A-Za-z][\w ]{0,30})\*\*:[ \t]*+(?P<value>.*)"
)


def _slug_series(parts: list[Part], lines: list[str]) -> dict[int, tuple[str, str]]:
    """The headings named by a slug (``### project-setup``) whose section opens with a
    list of bold fields (``- **Title**: Project setup``, ``- **Area**: infra``), where
    three or more at one level are written so and one or more stands right under a heading
    that names a status (``## Shipped``, ``## Backlog``): a spec tool's roadmap, each slug
    an item, its title the ``Title`` field where it writes one. Slug headings of a
    reference (``### get-user`` over ``- **Method**: GET`` under ``## Endpoints``) name
    no status above them and stay its outline."""
    from roadmaplint.reader.shapes.common import status_of_section

    found: dict[int, tuple[str, str]] = {}
    under_status: set[int] = set()
    for at, part in enumerate(parts):
        if part.kind != PROSE or part.heading.level not in ITEM_LEVELS:
            continue
        text = part.text.strip()
        match = _SLUG_HEADING.fullmatch(text) if text[:1].isalnum() else None
        if match is None:
            continue
        body = [line.strip() for line in _section_lines(parts, at, lines) if line.strip()]
        field = _BOLD_FIELD_BULLET.fullmatch(body[0]) if body else None
        if field is None:
            continue
        title = field["value"].strip() if field["name"].lower() == "title" else ""
        found[at] = (match["id"], title or match["id"])
        above = _heading_above(parts, at)
        if above is not None and status_of_section(above.text, board=True) is not None:
            under_status.add(part.heading.level)
    levels = Counter(parts[at].heading.level for at in found)
    return {
        at: named
        for at, named in found.items()
        if levels[parts[at].heading.level] >= 3 and parts[at].heading.level in under_status
    }


def _numbered_beside_numbered(parts: list[Part], levels: tuple[int, ...]) -> None:
    """Make items of the dotted numbered headings (``### 4.1 Editor Ambiance``) at a level
    where two or more such headings are items by their status line (``### 2.1 Title``
    over ``**Status:** ...``): a roadmap's features, some not yet given a status. A
    chapter numbered ``4.1`` among chapters with no status line stays a chapter."""
    numbered = {
        at: match
        for at, part in enumerate(parts)
        if part.heading.level in levels
        and part.text[:1].isdigit()
        and (match := _NUMBERED.fullmatch(part.text)) is not None
        and match["id"] is not None
    }
    items = Counter(parts[at].heading.level for at in numbered if parts[at].kind == ITEM)
    for at, match in numbered.items():
        part = parts[at]
        if part.kind == PROSE and items[part.heading.level] >= 2:
            part.kind = ITEM
            part.item_id, part.title = match["id"], match["title"].strip()


def _work_series(parts: list[Part]) -> bool:
    """Whether the headings number a series of tasks, stories or milestones (``### Task
    1: Name``, ``### Task 2: Name`` ...): two or more."""
    # the prefix first: most plans have no such heading, and then the pattern is never
    # compiled (0.3 ms of a seed check)
    # milestones over a plan's phases group them (``### Milestone 2: v1.0`` over its
    # phases' checklist): a series of milestones is the plan's items only without phases
    # an epics file's epics are its items (``## Epic 1: Product Vision``), in a series too
    words: tuple[str, ...] = ("Task", "Story", "Epic", "TASK", "STORY", "EPIC")
    words = words if _names_phases(parts) else (*words, "Milestone")
    named = [part for part in parts if _unprefixed(part.text).startswith(words)]
    if len(named) < 2 or sum(1 for part in named if WORK_HEADING.fullmatch(part.text)) < 2:
        return False
    # a lab's or a tutorial's tasks are steps its reader follows (``# Lab 3: Deploying``
    # over ``## Task 1: Create a bucket``), not work planned
    title = parts[0] if parts and parts[0].heading.level == 1 else None
    return title is None or not is_lesson(title.text)


def is_lesson(title: str) -> bool:
    """Whether a document's title names a lesson, whose numbered headings are steps."""
    return _LESSON_TITLE.search(title) is not None


def steps_titled(title: str) -> bool:
    """Whether a document's title names a lesson or a guide, whose numbered headings are
    the steps its reader follows."""
    return is_lesson(title) or _GUIDE_TITLE.search(title) is not None


# The title of a guide: ``# Getting started``, ``# Quickstart``, ``# Installation Guide``.
_GUIDE_TITLE = LazyPattern(
    r"\b(?:getting[ \t-]+started|quick[ \t-]?start|guide|how[ \t-]+to|installation|setup"
    r"|handbook|manual|onboarding)\b",
    re.IGNORECASE,
)


# The title of a lesson: ``# Lab 3: Deploying with Terraform``, ``# Workshop``.
_LESSON_TITLE = LazyPattern(
    r"\b(?:lab|tutorial|workshop|exercises?|walkthrough|hands-on|codelab|assignment|homework"
    r"|lesson|course)\b",
    re.I,
)


def _names_phases(parts: list[Part]) -> bool:
    return any(
        part.text.startswith("Phase") and PHASE_HEADING.fullmatch(part.text) for part in parts
    )


def _epic_of_boxes(parts: list[Part], at: int, lines: list[str]) -> bool:
    """Whether part ``at`` is an epic over task boxes (``## Epic 0: Title`` over ``- [ ]
    **0.1.1** Title``), or one of a document that writes its stories in tables (``###
    Epic 1 - Cluster`` over a line of text, the sprints' stories in tables below): the
    group or theme of the work, which is the items, not an item itself."""
    part = parts[at]
    milestone = part.text.startswith("Milestone")
    if not part.text.startswith("Epic") and not milestone:
        return False
    if not milestone and any(line.lstrip()[:1] == "|" for line in lines):
        return True
    level = part.heading.level
    end = next(
        (p.heading.line - 1 for p in parts[at + 1 :] if p.heading.level <= level), len(lines)
    )
    return any(_BOX_LINE.match(line) for line in lines[part.heading.line : end])


def _epic_chapter(parts: list[Part], at: int, lines: list[str]) -> bool:
    """Whether part ``at`` is an epic heading that writes no field (``## Epic 1: The Fall
    of the City`` over prose): a chapter of a novel's or a document's outline. An epic
    written as a front-matter block (``title: "Epic 1: MVP"``) is an epics file's item,
    fields or not; one writing a field is read by ``_epic_series``."""
    part = parts[at]
    if not part.text.startswith("Epic"):
        return False
    if lines[part.heading.line - 1].lstrip().startswith("title:"):
        return False
    end = parts[at + 1].heading.line - 1 if at + 1 < len(parts) else len(lines)
    return not any(_FIELD_LINE.match(line.strip()) for line in lines[part.heading.line : end])


# A checkbox line: ``- [ ] Title``, ``  * [x] Title``.
_BOX_LINE = LazyPattern(r"[ \t]{0,12}[-*+][ \t]+\[[ xX]\]")


# A task heading that is its number alone, in English or another language: ``### Task 1``,
# ``### Tarea #1`` (Spanish), ``### Aufgabe 2``.
_UNTITLED_TASK = LazyPattern(
    r"(?:Task|Tarea|Tarefa|Tâche|Aufgabe|Görev|Задача)[ \t]+#?[0-9]{1,4}:?", re.IGNORECASE
)
# The field that describes a task, whose first sentence names it where its heading is a
# number alone: ``- Descripción: Crear una tarea.``
_DESCRIPTION_LABEL = LazyPattern(
    r"[-*+][ \t]+\*{0,2}(?:Description|Descripción|Descrição|Beschreibung|Açıklama|Описание)"
    r"\*{0,2}[ \t]*:[ \t]*(?:\*\*[ \t]*)?(?P<text>\S.*)",
    re.IGNORECASE,
)


def _untitled_tasks(
    parts: list[Part], lines: list[str], dialect: Dialect
) -> dict[int, tuple[str, str]]:
    """The task headings that are a number alone (``### Tarea #1``), two or more at one
    level, each over a field list of work (``- Responsable: Ana``, ``- Estado: Hecho``): a
    sprint backlog's tasks, named by their heading and titled by their description's
    first sentence. One alone, or with no such field, is a step of a how-to."""
    found: dict[int, tuple[str, str]] = {}
    for at, part in enumerate(parts):
        if part.kind != PROSE or not _UNTITLED_TASK.fullmatch(part.text.strip()):
            continue
        opening = list(
            takewhile(
                lambda line: line[:1] in "-*+",
                filter(None, map(str.strip, _section_lines(parts, at, lines))),
            )
        )
        if not any(_is_work_field(line, dialect) for line in opening):
            continue
        described = next(filter(None, map(_DESCRIPTION_LABEL.match, opening)), None)
        title = described["text"].strip().split(". ")[0].rstrip(".").strip() if described else ""
        found[at] = (" ".join(part.text.strip().rstrip(":").split()), title)
    levels = Counter(parts[at].heading.level for at in found)
    return {at: named for at, named in found.items() if levels[parts[at].heading.level] >= 2}


def _phases_over_tasks(parts: list[Part]) -> set[int]:
    """The phase headings at the level of a series of task headings numbered on across
    them (``## 🎨 PHASE 3: Optimization`` before ``## TASK 8 - Title``, ``## TASK 9``):
    the phases group the tasks, as the text says (``PHASE 3 TASK 8``), and are no items."""
    tasks = Counter(part.heading.level for part in parts if WORK_HEADING.fullmatch(part.text))
    phased: set[int] = set()
    holding: set[int] = set()  # the levels at which a phase holds a task after it
    current: dict[int, int] = {}
    for at, part in enumerate(parts):
        level = part.heading.level
        if tasks[level] < 2:
            continue
        if PHASE_HEADING.fullmatch(part.text) is not None:
            phased.add(at)
            current[level] = at
        elif level in current and WORK_HEADING.fullmatch(part.text):
            holding.add(level)
    return {at for at in phased if parts[at].heading.level in holding}


def _unprefixed(text: str) -> str:
    """A heading's text past the letters of a series before its word: ``Story 1: Name`` of
    ``TB-Story 1: Name``."""
    letters, dash, rest = text.partition("-")
    return rest if dash and 0 < len(letters) <= 5 and letters.isupper() else text


def _work_item(part: Part) -> tuple[str, str] | None:
    match = WORK_HEADING.fullmatch(part.text)
    return (" ".join(match["id"].split()), match["title"].strip()) if match else None
