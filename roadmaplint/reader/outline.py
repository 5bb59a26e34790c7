"""Headings -> title, sections, items, legends and generated sections.

This is the dialect detection. An item heading is ``[ID] Title`` or
``ID<sep>Title`` at level 2, 3 or 4 (or at ``item-heading-level``). Found from
the document: a heading with an ID that holds other ID headings below it is a
section, not an item (``## M0 — compiler`` over ``### ARK1 — ...``); an item's
section is the nearest heading above it of a higher rank that is not an item.

The outline cuts the document into parts, each started by one heading and
running to the next part's heading; a reader step reads each part.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice, takewhile

from roadmaplint.errors import RoadmapError
from roadmaplint.model import Heading, Position, Section
from roadmaplint.reader.blocks import HeadingBlock, heading_position
from roadmaplint.reader.dialect import (
    DEPENDS_ON,
    ITEM_LEVELS,
    PHASE_HEADING,
    PHASE_ID,
    PRIORITY_LEGEND,
    STATUS_LEGEND,
    WORK_HEADING,
    WORK_ID,
    WORK_KEYS,
    Dialect,
    is_priority_group,
    match_item_heading,
    names_a_legend,
    names_statuses,
    normalize_key,
)
from roadmaplint.reader.generated import holds_tasks
from roadmaplint.reader.inline import InlineText
from roadmaplint.record import field, record
from roadmaplint.text import LazyPattern

TITLE, SECTION, ITEM, LEGEND, OVERVIEW, GRAPH, PROSE, INNER = (
    "title",
    "section",
    "item",
    "legend",
    "overview",
    "graph",
    "prose",
    "inner",
)


@record(frozen=False, slots=False)
class Part:
    kind: str
    heading: HeadingBlock
    text: str  # the heading's plain text
    position: Position
    end: int = 0  # token index where the part ends (exclusive)
    item_id: str = ""
    title: str = ""
    section: str | None = None  # an item's section; a prose heading's parent
    parent: Part | None = None  # the heading that section names
    named_by_title: bool = False  # an item whose ID the reader made from its title


@record(frozen=False, slots=False)
class Outline:
    title: str | None
    title_position: Position | None
    parts: list[Part]
    sections: tuple[Section, ...]
    headings: tuple[Heading, ...]
    item_level: int | None
    h1_lines: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # every heading's plain text, in order


def detect(
    headings: list[HeadingBlock],
    token_count: int,
    lines: list[str],
    dialect: Dialect,
    text: InlineText,
    continued: bool,
    path: str,
) -> Outline:
    parts = [
        Part(
            PROSE,
            heading,
            _front_matter_title(text(heading.source)),
            heading_position(lines, heading.line),
        )
        for heading in headings
    ]
    title = _classify_level_one(parts, dialect, continued, lines)
    _classify_inner_and_legends(parts, dialect, path)
    _classify_items(parts, dialect, lines)
    if _exported_issues(parts) and title is not None and title.kind == ITEM:
        title = None  # the export's first issue, no title of the document
    item_level = _assign_sections(parts, dialect)
    _number_work_by_phase(parts)
    _absorb_subheadings(parts)
    kept = [part for part in parts if part.kind != INNER]
    for index, part in enumerate(kept):
        following = kept[index + 1].heading.index if index + 1 < len(kept) else token_count
        part.end = following
    h1_lines = [part.heading.line for part in parts if part.heading.level == 1]
    return Outline(
        title=title.text if title is not None else None,
        title_position=title.position if title is not None else None,
        parts=kept,
        sections=_sections(parts, len(lines)),
        headings=_prose_headings(parts, item_level),
        item_level=item_level,
        h1_lines=h1_lines,
        texts=[part.text for part in parts],
    )


# An issue tracker's export, one heading per issue or pull request (gh2md's ``# [\#11
# Issue](...) `open`: Title``, read in plain text as ``#11 Issue open: Title``).
_EXPORTED_ISSUE = LazyPattern(
    r"\#(?P<number>[0-9]{1,9})[ \t]+(?:Issue|PR|Pull[ \t]+Request)[ \t]+"
    r"(?P<state>open|closed|merged)[ \t]*:[ \t]*(?P<title>\S.*)",
    re.S,
)


def _exported_issues(parts: list[Part]) -> bool:
    """Where two headings or more are an issue tracker's exported issues (``#11 Issue
    open: Title``), each is an item: its number the ID, the state the tracker gives it its
    status (open, closed, merged: done), after the title as a heading's closing status is."""
    found = [(part, _EXPORTED_ISSUE.fullmatch(part.text)) for part in parts]
    if sum(match is not None for _, match in found) < 2:
        return False
    over = _parents([part.heading.level for part in parts])
    sections = [
        None if (parent := over[at]) is None else parts[parent]
        for at, (_, match) in enumerate(found)
        if match is not None
    ]
    if _a_changelog(parts) or all(
        section is not None and _VERSION_SECTION.fullmatch(section.text) is not None
        for section in sections
    ):
        # a changelog names the issues each release closed (``## v1.3.0`` over ``### #412
        # Issue closed: Crash``): what shipped, no work
        return False
    for part, match in found:
        if match is not None:
            part.kind, part.item_id = ITEM, match["number"]
            part.title = f"{match['title'].strip()} — {match['state']}"
    return True


# A heading that names a release by its version: ``v1.3.0``, ``[1.2.0] - 2024-05-01``,
# ``Version 2.1``, ``Release 3.0 (June)``.
_VERSION_SECTION = LazyPattern(
    r"\[?(?:v|version[ \t]++|release[ \t]++)?[0-9]{1,4}(?:\.[0-9]{1,4}){1,3}\b.*",
    re.IGNORECASE | re.S,
)


def _front_matter_title(heading: str) -> str:
    """A heading's text, or the title it quotes when it is a front-matter title field
    (``---`` / ``title: "Epic 1: MVP"`` / ``---``, which markdown reads as a heading):
    an epics file written as one front-matter block per epic. Heading marks written twice
    (``## ##TASK 8 - Title``, an agent's queue) are the heading's, no part of its text."""
    if heading[:2] == "##":
        doubled = _DOUBLED_MARKS.match(heading)
        heading = heading[doubled.end() :] if doubled is not None else heading
    if heading[:6] != "title:":
        return heading
    quoted = _QUOTED_TITLE.fullmatch(heading)
    return quoted[1] if quoted is not None else heading


_QUOTED_TITLE = LazyPattern(r"title:[ \t]*\"([^\"]{1,200})\"[ \t]*")
# Two to five heading marks joined to a word: ``##TASK 8``, never ``## #1`` or ``#hashtag``.
_DOUBLED_MARKS = LazyPattern(r"#{2,5}(?=[A-Za-z])")


def _classify_level_one(
    parts: list[Part], dialect: Dialect, continued: bool, lines: list[str]
) -> Part | None:
    overview_key = normalize_key(dialect.overview_heading)
    graph_key = normalize_key(dialect.graph_heading)
    title: Part | None = None
    first = not continued
    tops = [part.heading.line for part in parts if part.heading.level == 1]
    phases = _phases_at_level_one(parts, dialect)
    for at, part in enumerate(parts):
        if part.heading.level != 1:
            continue
        if at in phases:
            part.kind = ITEM
            part.item_id, part.title = phases[at]
            first = False  # a document opening with its first phase has no title
            continue
        # The first level-1 heading is the document's title, never a generated
        # section: a roadmap titled "Dependency Graph" keeps its legends.
        if first:
            part.kind, title, first = TITLE, part, False
            continue
        key = normalize_key(part.text)
        part.kind = OVERVIEW if key == overview_key else GRAPH if key == graph_key else SECTION
        end = next((top for top in tops if top > part.heading.line), len(lines) + 1)
        if part.kind == OVERVIEW and holds_tasks(lines[part.heading.line : end - 1], dialect):
            part.kind = SECTION  # a task list of its own, not the list of IDs fix writes
    return title


def _phases_at_level_one(parts: list[Part], dialect: Dialect) -> dict[int, tuple[str, str]]:
    """The level-1 headings that are numbered phases (``# Phase 1. Baseline Router``), by
    their index, where two or more are: a roadmap written one phase a top heading. One
    such heading alone is a document's title."""
    if dialect.item_level:
        return {}
    found: dict[int, tuple[str, str]] = {}
    for at, part in enumerate(parts):
        if part.heading.level != 1 or ("hase" not in part.text and "HASE" not in part.text):
            continue
        phase = PHASE_HEADING.fullmatch(part.text.strip())
        if phase is not None and PHASE_ID.fullmatch(" ".join(phase["id"].split())):
            found[at] = (" ".join(phase["id"].split()), (phase["title"] or "").strip())
    return found if len(found) >= 2 else {}


def _classify_inner_and_legends(parts: list[Part], dialect: Dialect, path: str) -> None:
    """Headings inside the generated sections belong to them; legends are found by name.

    An item heading inside a generated section would be erased by fix: refused.
    """
    scope: Part | None = None
    for part in parts:
        level = part.heading.level
        if level == 1:
            scope = part if part.kind in (OVERVIEW, GRAPH) else None
            continue
        # Bracketed only: "## P1: Important" is a priority group, not an item.
        bracketed = part.text.startswith("[")
        if (
            scope is not None
            and level == 2
            and bracketed
            and match_item_heading(part.text, dialect)
        ):
            setting = "overview-heading" if scope.kind == OVERVIEW else "graph-heading"
            raise RoadmapError(
                f"{path}:{part.heading.line}: the item heading {part.text!r} is inside the "
                f'generated section "{scope.text}", which fix regenerates; move the item to a '
                f"section of items, or name another section with {setting}"
            )
        if scope is not None and (scope.kind == OVERVIEW or level > 2):
            part.kind = INNER
            continue
        scope = None
        if normalize_key(part.text) in (STATUS_LEGEND, PRIORITY_LEGEND):
            part.kind = LEGEND
        elif level > 1 and (names_statuses(part.text) or names_a_legend(part.text)):
            part.kind = LEGEND  # read as a Status Legend if it lists a vocabulary


# A numbered heading (``### 1.3 Zynga Integration``, ``### 1. App Assets``): an item only
# where a Status field stands under it, for ``## 2.1 Background`` or ``## 1. Introduction``
# in a design document is a chapter.
_NUMBERED = LazyPattern(
    r"(?:(?P<id>[0-9]{1,4}(?:\.[0-9]{1,4}){1,3})\.?|(?P<whole>[0-9]{1,4})\.)[ \t]+(?P<title>\S.*)"
)
_STATUS_LINE = LazyPattern(
    r"(?<![ \t])[ \t]*+(?:[-*+][ \t]+)?(?:\*\*Status:?\*\*:?|Status:)[ \t]*\S"
)


# A task number padded with zeros (``### 001 Write the charter``, a generated task
# breakdown): an item where a field of the work stands under it (``- Priority: P0``,
# ``- Depends on: 001``), for a chapter is numbered ``1``, never ``001``.
_PADDED = LazyPattern(r"(?P<id>0[0-9]{1,5})\.?[ \t]+(?P<title>\S.*)")
_WORK_FIELD_LINE = LazyPattern(
    r"(?<![ \t])[ \t]*+(?:[-*+][ \t]+)?(?:\*\*)?"
    r"(?:Status|Priority|Depends[ \t]+on|Dependencies|Owner|Assignee)"
    r"(?::\*\*|\*\*:|:)[ \t]*\S",
    re.I,
)


# A lettered number closed by a full stop, as a list number is: ``### D1. Title``, ``D6b.``.
_DOTTED_ID = LazyPattern(r"(?P<id>(?P<letters>[A-Z]{1,4})[0-9]{1,4}[a-z]?)\.[ \t]+(?P<title>\S.*)")
_FEWEST_DOTTED = 3


def _dotted_series(parts: list[Part], levels: tuple[int, ...]) -> dict[int, tuple[str, str]]:
    """The headings numbered ``D1.``, ``D2.``, ``D6b.`` (one prefix's letters, a full stop
    closing the ID), where three or more at one level are written so: a ranked list of
    defects or tasks, each its own item. One or two (``## Q3. Hiring``, ``## V2. Design``)
    are a document's sections."""
    found: dict[int, tuple[str, str, str]] = {}
    for at, part in enumerate(parts):
        if part.kind != PROSE or part.heading.level not in levels or not part.text[:1].isupper():
            continue
        match = _DOTTED_ID.fullmatch(part.text)
        if match is not None:
            found[at] = (match["id"], match["title"].strip(), match["letters"])
    series = Counter((parts[at].heading.level, letters) for at, (_, _, letters) in found.items())
    kept = {
        at: (name, title, letters)
        for at, (name, title, letters) in found.items()
        if series[(parts[at].heading.level, letters)] >= _FEWEST_DOTTED
    }
    # a FAQ's questions (``### Q1. How do I ...?``), a syllabus's weeks and an RFC's
    # decisions are numbered so too: a series is work when a heading of it ends with a
    # status (``— **DONE**``) or it stands under a heading that is one (``# Open``)
    from roadmaplint.reader.fields import section_status

    worked = {
        (parts[at].heading.level, letters)
        for at, (_, title, letters) in kept.items()
        if _ends_with_status(title)
        or ((above := _heading_above(parts, at)) is not None and section_status(above.text))
    }
    return {
        at: (name, title)
        for at, (name, title, letters) in kept.items()
        if (parts[at].heading.level, letters) in worked
    }


def _numbered_item(
    part: Part, following: Part | None, lines: list[str], dialect: Dialect
) -> tuple[str, str] | None:
    match = _NUMBERED.fullmatch(part.text)
    fields = _STATUS_LINE
    if match is None and part.text[:1] == "0":
        match, fields = _PADDED.fullmatch(part.text), _WORK_FIELD_LINE
    if match is None:
        return None
    end = following.heading.line - 1 if following is not None else len(lines)
    body = lines[part.heading.line : end]
    if not any(fields.match(line) for line in body):
        return None
    if match.groupdict().get("whole") is not None:
        # ``## 3. M0 - Title``: the chapter's number, then the item's own ID and title
        named = match_item_heading(match["title"].strip(), dialect)
        if named is not None and named[1]:
            return named
    return match["id"] or match["whole"], match["title"].strip()


def _dependent_series(
    parts: list[Part], levels: tuple[int, ...], lines: list[str], dialect: Dialect
) -> dict[int, tuple[str, str]]:
    """The numbered headings (``### 2. Core: speed state``) that are tasks because they
    say which others they wait for: at a level where two or more write a dependency
    field naming another heading of theirs by its number (``**依存:** タスク1``,
    ``**Depends on:** Task 1, Task 2``), each is an item, numbered so, and the boxes
    under it its work list; a chapter names no chapter it waits for."""
    numbered: dict[int, dict[int, str]] = {}
    for at, part in enumerate(parts):
        if part.kind == PROSE and part.heading.level in levels and part.text[:1].isdigit():
            match = _NUMBERED.fullmatch(part.text)
            if match is not None and match["whole"] is not None:
                numbered.setdefault(part.heading.level, {})[at] = match["whole"]
    found: dict[int, tuple[str, str]] = {}
    for series in numbered.values():
        numbers = set(series.values())
        waiting = [
            at
            for at, number in series.items()
            if _waits_on(parts, at, lines, dialect, numbers - {number})
        ]
        if len(waiting) >= 2:
            for at in series:
                match = _NUMBERED.fullmatch(parts[at].text)
                assert match is not None
                found[at] = (match["whole"], match["title"].strip())
    return found


def _waits_on(
    parts: list[Part], at: int, lines: list[str], dialect: Dialect, others: set[str]
) -> bool:
    """Whether the heading's own lines hold a dependency field naming one of ``others``."""
    end = parts[at + 1].heading.line - 1 if at + 1 < len(parts) else len(lines)
    for line in islice(lines, parts[at].heading.line, end):
        field_line = _NAMED_FIELD_LINE.match(line)
        if field_line is None or dialect.key(normalize_key(field_line["name"])) != DEPENDS_ON:
            continue
        if any(number in others for number in _NUMBER_IN.findall(field_line["value"])):
            return True
    return False


# A field written on a line of its own: ``**依存:** タスク1``, ``- Depends on: 2``.
_NAMED_FIELD_LINE = LazyPattern(
    r"[ \t]{0,3}(?:[-*+][ \t]+)?(?:\*\*)?(?P<name>[^*:\n]{1,30}?)"
    r"(?::\*\*|\*\*:|:)[ \t]*(?P<value>\S.*)"
)
_NUMBER_IN = LazyPattern(r"(?<![0-9.])[0-9]{1,4}(?![0-9.])")


def _numbered_sections(parts: list[Part], levels: tuple[int, ...], lines: list[str]) -> set[int]:
    """The numbered headings (``## 2. Publishing System``) that are a roadmap's sections,
    not its items: at a level where two or more of them hold boxes of their own (two or
    more each) and write no status line (``## 3. Core Maintenance`` over ``**Goal:**`` and
    its boxes), the boxes are the work and the headings number the sections holding it,
    a section's ``**Status:** In Progress`` the state of its theme. A feature plan whose
    every numbered feature writes its status keeps its features as the items."""
    numbered: dict[int, list[int]] = {}
    unstated: Counter[int] = Counter()
    stated: Counter[int] = Counter()
    for at, part in enumerate(parts):
        if part.kind != PROSE or part.heading.level not in levels:
            continue
        match = _NUMBERED.fullmatch(part.text) if part.text[:1].isdigit() else None
        if match is None or match["whole"] is None:
            continue  # a dotted number (``### 1.1 Orchestrator Host``) numbers a task
        numbered.setdefault(part.heading.level, []).append(at)
        end = parts[at + 1].heading.line - 1 if at + 1 < len(parts) else len(lines)
        body = lines[part.heading.line : end]
        boxes = sum(_STEP_BOX.match(line) is not None for line in body)
        if not any(_STATUS_LINE.match(line) for line in body):
            unstated[part.heading.level] += boxes >= 2
        else:
            stated[part.heading.level] += 1
    return {
        at
        for level, found in numbered.items()
        if unstated[level] >= 2 and stated[level]
        for at in found
    }


# A box right under a heading, one to three spaces in at most, and the text after it.
_STEP_BOX = LazyPattern(r"[ \t]{0,3}[-*+][ \t]+\[[ xX]\][ \t]+(?P<text>\S.*)")
# What opens a box that carries a number or an ID of its own: ``1.1``, ``T012``, ``**0.1.1**``.
_OWN_NUMBER = LazyPattern(r"\**(?:[0-9]|[A-Z]{1,8}-?[0-9])")


def _numbered_over_steps(parts: list[Part], lines: list[str]) -> dict[int, tuple[str, str]]:
    """The dotted numbered headings (``### 1.1 Orchestrator Host``) whose section opens
    with a list of boxes that carry no number of their own (``- [x] Define the gateway
    contract``), where three or more headings at one level are written so: a task list
    whose tasks are the numbered headings and whose boxes are their steps, as a person
    reads it. Numbered boxes (``- [ ] 1.1 Title``, ``T012``) are items themselves; one or
    two such headings are a document's sections with a checklist."""
    found: dict[int, tuple[str, str]] = {}
    for at, part in enumerate(parts):
        if (
            part.kind != PROSE
            or part.heading.level not in ITEM_LEVELS
            or not part.text[:1].isdigit()
        ):
            continue
        match = _NUMBERED.fullmatch(part.text)
        if match is None or match["id"] is None:
            continue
        first = next((line for line in _section_lines(parts, at, lines) if line.strip()), "")
        step = _STEP_BOX.match(first)
        if step is not None and _OWN_NUMBER.match(step["text"]) is None:
            found[at] = (match["id"], match["title"].strip())
    levels = Counter(parts[at].heading.level for at in found)
    return {at: named for at, named in found.items() if levels[parts[at].heading.level] >= 3}


# A status written first under a heading, on a line of its own: ``**Status:** Not started``,
# or in the HTML comment a tool reads and writes (``<!-- status: done -->``).
_STATUS_FIRST = LazyPattern(r"(?:\*\*Status:?\*\*:?|Status:|<!--[ \t]*[Ss]tatus[ \t]*:)[ \t]*\S")
# The line of a meeting's minutes that names who came: ``**Attendees:** Ana, Bob``.
_MINUTES_LABEL = LazyPattern(
    r"(?:[-*+][ \t]+)?(?:\*\*)?(?:Attendees|Participants|Present)(?::\*\*|\*\*:|:)",
    re.IGNORECASE,
)
# A heading that names a design's option (``Option A: Redis``) or an API's endpoint
# (``GET /users``): what its status line says is a choice or a maturity, not work.
_NO_WORK_HEADING = LazyPattern(
    r"(?:(?:Option|Alternative|Approach)[ \t]+[A-Z0-9]{1,3}\b"
    r"|(?:GET|POST|PUT|PATCH|DELETE|HEAD)[ \t]+/)"
)
# A heading led by a tag in brackets, a word or two (``[intern] Title``; no box ``[ ]``).
_TAGGED = LazyPattern(r"\[[^\]\s]{2,20}\][ \t]+\S")


def _a_changelog(parts: list[Part]) -> bool:
    """Whether the document is titled a changelog (``# Changelog``, ``# Release Notes``):
    its ``## Version 1.2 - Title (Planned)`` is a release's notes, no milestone of work."""
    from roadmaplint.reader.shapes.common import names_a_changelog

    return names_a_changelog(next((part.text for part in parts if part.heading.level == 1), ""))


# A heading led by the word Version (or Release) and its number, then a dash or a colon
# (``## Version 0.3.0 - Complete NABC Support``): the words and number are its ID.
_VERSION_LEAD = LazyPattern(
    r"(?P<id>(?:Version|VERSION|Release|RELEASE)[ \t]+v?[0-9]{1,6}(?:\.[0-9]{1,6}){0,5})"
    r"(?: — | – | - |: )"
)
# A heading led by the version it ships as (``### v0.2.1 — Conflict Detection``): the
# version is the item's ID.
_VERSIONED = LazyPattern(
    r"(?P<id>v[0-9]{1,6}(?:\.[0-9]{1,6}){0,5})(?: — | – | - |: )(?P<title>\S.*)", re.S
)


def _status_headed(
    parts: list[Part], lines: list[str], titled: set[int]
) -> dict[int, tuple[str, str]]:
    """The headings without an ID whose section opens with its status (``### Site
    Backups`` over ``**Status:** Not started``), each an item named by its heading, where
    two or more sibling headings are written so: a roadmap's features. One such heading
    alone is a document's section that says how far along it is. ``titled`` is given the
    indexes of those whose ID is made from the title (a version written first is one)."""
    from roadmaplint.reader.fields import heading_status
    from roadmaplint.reader.shapes.common import Taken, reference_from_title, status_of_section

    found: dict[int, tuple[str, str]] = {}
    labelled: dict[int, frozenset[str]] = {}  # the bold labels opening each section
    for at, part in enumerate(parts):
        if part.kind != PROSE or part.heading.level not in ITEM_LEVELS:
            continue
        end = parts[at + 1].heading.line - 1 if at + 1 < len(parts) else len(lines)
        # the first dozen lines written under the heading (no copy of a long section)
        opened = lines[part.heading.line : min(end, part.heading.line + 40)]
        written = list(islice(filter(None, map(str.strip, opened)), 12))
        first = written[0] if written else ""
        opening = list(takewhile(lambda line: line[:1] in "-*+", written))  # its bullets
        if any(map(_MINUTES_LABEL.match, written)) or _NO_WORK_HEADING.match(part.text):
            # a meeting's minutes (``**Attendees:** Ana, Bob``), a design's option or an
            # API's endpoint over its status line (``**Status:** rejected``, ``stable``)
            continue
        if _STATUS_FIRST.match(first) or _ends_with_dash_status(part.text):
            found[at] = ("", part.text.strip())
        elif (
            _VERSION_LEAD.match(part.text)
            and (heading_status(part.text) is not None or "status" in _opening_labels(written))
            and not _a_changelog(parts)
        ):
            # a release's milestone (``## Version 0.3.0 - Title ✅`` over ``**Date**: ...``
            # and ``**Status**: COMPLETED``, ``### Version 0.4.0 - Title (Planned)``): a
            # milestone file's item, its achievements and goals under it its checklist
            found[at] = ("", part.text.strip())
        elif (
            first[:2] in ("- ", "* ")
            and _STATUS_FIRST.match(first[2:])
            and _KEYED.fullmatch(part.text.strip())
        ):
            # a slice named by its key (``brc-01 — Login``) over ``- **Status:** done``, as
            # over ``**Status:** done``: a heading no ID pattern names read as no item
            found[at] = ("", part.text.strip())
        elif (
            part.text[:1] == "["
            and _TAGGED.match(part.text)
            and any(map(_STATUS_FIRST.match, written))
        ):
            # ``### [intern] Title`` over a line or two of description, then its
            # ``**Status:** Erledigt``: a backlog's entry tagged by whose it is
            found[at] = ("", part.text.strip())
        elif any(_FIELD_LINE.match(line) for line in opening):
            # a field list of work (``- **Priority**: P1``) opening a heading right
            # under a board's status heading (``## Ready``): a queue's task without an
            # ID, its status the heading's; otherwise its field bullets were the items
            above = _heading_above(parts, at)
            if above is not None and status_of_section(above.text, board=True) is not None:
                found[at] = ("", part.text.strip())
        after = parts[at + 1] if at + 1 < len(parts) else None
        if (after is None or after.heading.level <= part.heading.level) and (
            labels := _opening_labels(written)
        ):
            # bold field lines opening the section (``**Priority:** High`` over
            # ``**Source:** ...``): a backlog's entry where one says how the work stands;
            # a heading over headings of its own (an epic over its tasks) groups them. An
            # entry found by its status line lends its labels too (``**Added:**`` over
            # ``**Status:** Needs scoping``): its sibling opening ``**Added:**`` is one.
            labelled[at] = labels
            if at not in found and len(labels) >= 2 and labels & _WORK_LABELS:
                found[at] = ("", part.text.strip())
    # a sibling opening with a label such an entry opens with (``**Added:**``) is one too
    shared = {
        (parts[at].heading.level, label) for at in found if at in labelled for label in labelled[at]
    }
    for at, labels in labelled.items():
        if at not in found and any((parts[at].heading.level, label) in shared for label in labels):
            found[at] = ("", parts[at].text.strip())
    levels = Counter(parts[at].heading.level for at in found)
    found.update(_unstated_features(parts, lines, levels, found))
    closing = _closed_by_fields(parts, lines, found, labelled)
    found.update(closing)
    taken: set[str] = Taken()
    named: dict[int, tuple[str, str]] = {}
    keyed = {at: key for at, (_, title) in found.items() if (key := _KEYED.fullmatch(title))}
    keys = Counter((parts[at].heading.level, key["key"]) for at, key in keyed.items())
    marked = {
        at: mark for at, (_, title) in found.items() if (mark := _MARKED_NUMBER.fullmatch(title))
    }
    numbers = Counter((parts[at].heading.level, mark["id"]) for at, mark in marked.items())
    series = Counter(level for level, _ in numbers)
    for at, (_, title) in found.items():
        if levels[parts[at].heading.level] < 2 and at not in closing:
            continue
        version = _VERSIONED.fullmatch(title) if title[:1] == "v" else None
        release = _VERSION_LEAD.match(title) if version is None else None
        key = keyed.get(at)
        if version is not None:
            named[at] = (version["id"], version["title"].strip())
        elif release is not None:
            named[at] = (" ".join(release["id"].split()), title[release.end() :].strip())
        elif key is not None and keys[(parts[at].heading.level, key["key"])] >= 2:
            named[at] = (key["id"], key["title"].strip())
        elif (mark := marked.get(at)) is not None and _numbered_series(
            parts[at].heading.level, series, numbers
        ):
            # ``### ✅ 1. Logo as Home Button`` over ``**Status:** COMPLETED``: a request
            # list numbered under its status marks, the number its ID, the mark the
            # status its field says again (two or more siblings, each number once)
            named[at] = (mark["id"], mark["title"].strip())
        else:
            # the ID is made from the name, not from a status ending it (``— TODO``)
            name = heading_status(title) if _ends_with_dash_status(title) else None
            named[at] = (reference_from_title(name[0] if name else title, taken), title)
            titled.add(at)
    return named


def _numbered_series(level: int, series: Counter[int], numbers: Counter[tuple[int, str]]) -> bool:
    """Whether the headings of ``level`` numbered after a mark are a series: two or more,
    no number written twice."""
    return series[level] >= 2 and all(
        count == 1 for (at_level, _), count in numbers.items() if at_level == level
    )


# A heading numbered after a status mark (``✅ 1. Title``, ``🔵 4. Title``) or without one
# (``2. Title``): the number names the entry where its siblings are numbered so too.
_MARKED_NUMBER = LazyPattern(
    r"(?:[^\w\s]{1,4}[ \t]+)?(?P<id>[0-9]{1,3})\.[ \t]+(?P<title>\S.*)", re.S
)
# A heading named by a lower-case key and a number before a dash (``brc-01 — Title``): the
# key and number name the entry where two or more siblings share the key (a track's
# slices); one alone keeps its whole heading as its title.
_KEYED = LazyPattern(
    r"(?P<id>(?P<key>[a-z]{2,10})-[0-9]{1,4})[ \t]+[—–][ \t]+(?P<title>\S.*)", re.S
)
# A line that is a bold label and its value: ``**Priority:** High``, ``**Added**: date``.
_BOLD_LABEL = LazyPattern(r"\*\*(?P<label>[A-Za-z][A-Za-z ]{0,24}?)(?::\*\*|\*\*:)[ \t]*\S")
# The labels that say how a backlog's entry stands: its state, its priority, who has it.
_WORK_LABELS = frozenset({"status", "priority", "owner", "assigned", "assignee"})


def _closed_by_fields(
    parts: list[Part],
    lines: list[str],
    found: dict[int, tuple[str, str]],
    labelled: dict[int, frozenset[str]],
) -> dict[int, tuple[str, str]]:
    """The headings of a backlog whose section ends with bold field lines that say how
    its work stands, two or more (``**Priority:** Medium`` over ``**Assigned:**
    analyst``), one of them a label the backlog's entries open with: an entry written
    with its fields at its end, at whatever level it was added (``## Remote Management``
    after the backlog's ``## Done``). Where no entry opens with that label, a section
    closing so is a document's (a design's sign-off), no entry."""
    entry_labels = {label for at in found if at in labelled for label in labelled[at]}
    if not entry_labels & _WORK_LABELS:
        return {}
    closed: dict[int, tuple[str, str]] = {}
    for at, part in enumerate(parts):
        if at in found or part.kind != PROSE or part.heading.level not in ITEM_LEVELS:
            continue
        after = parts[at + 1] if at + 1 < len(parts) else None
        if after is not None and after.heading.level > part.heading.level:
            continue  # a heading over headings of its own groups them
        written = [line.strip() for line in _section_lines(parts, at, lines) if line.strip()]
        labels = _opening_labels(list(reversed(written[-8:])))
        if len(labels & _WORK_LABELS) >= 2 and labels & entry_labels & _WORK_LABELS:
            closed[at] = ("", part.text.strip())
    return closed


def _opening_labels(written: list[str]) -> frozenset[str]:
    """The labels of the bold field lines a section opens with (``**Priority:** High``
    over ``**Source:** Clawdbot``); none where it opens otherwise."""
    labels = []
    for line in written:
        label = _BOLD_LABEL.match(line)
        if label is None:
            break
        labels.append(label["label"].strip().lower())
    return frozenset(labels)


# A done mark closing a heading, a version or note in brackets after it: ``### Todoist
# Integration ✅``, ``### Conversation Memory System ✅ (v0.4.0)``.
_DONE_HEADING = LazyPattern(
    r"(?P<title>\S.*?)(?<![ \t])[ \t]++✅"
    r"(?:[ \t]+\([^()\n]{1,40}\)|[ \t]+(?i:complete|done))?[ \t]*"
)


def _unstated_features(
    parts: list[Part], lines: list[str], levels: Counter[int], found: dict[int, tuple[str, str]]
) -> dict[int, tuple[str, str]]:
    """The features of a roadmap that writes a status line under two or more of its
    feature headings (``### Google Sheets Integration`` over ``**Status:** Planned``) and
    none under their siblings: a sibling closed by a done mark (``### Todoist Integration
    ✅``) or right over its checklist (``### Server Audio Endpoints`` over ``- [ ] ...``)
    is a feature as well, under a heading that bands the features by priority
    (``## 🎯 Priority 2: Personal Data``) or that holds a written one. A heading of
    prose among them (``### Codebase Metrics`` over bullets) is none."""
    from roadmaplint.reader.shapes.common import edge_stripped, leads_with_priority

    holders = [above for at in found if (above := _heading_above(parts, at)) is not None]
    bands = {id(above) for above in holders}
    band_levels = {above.heading.level for above in holders}
    more: dict[int, tuple[str, str]] = {}
    for at, part in enumerate(parts):
        level = part.heading.level
        if at in found or part.kind != PROSE or levels[level] < 2 or level not in ITEM_LEVELS:
            continue
        if part.text[:1].isdigit() and _NUMBERED.fullmatch(part.text) is not None:
            continue  # ``### 4. System Cron Jobs ✅``: numbered, an item as its siblings are
        above = _heading_above(parts, at)
        if above is None or not (
            id(above) in bands
            or leads_with_priority(edge_stripped(above.text))
            or (above.heading.level in band_levels and _DONE_HEADING.fullmatch(above.text))
        ):
            continue
        done = _DONE_HEADING.fullmatch(part.text)
        first = next((line for line in _section_lines(parts, at, lines) if line.strip()), "")
        if done is not None:
            more[at] = ("", f"{done['title']} ✅")  # the version after the mark is no name
        elif _STEP_BOX.match(first) is not None:
            more[at] = ("", part.text.strip())
    return more


# A line that opens a list, a table, a quote or a box: no prose of a backlog's entry.
_NO_PROSE = LazyPattern(r"[ \t]{0,3}(?:[-*+][ \t]+\[[ xX]?\]|\||>)")
_ENTRY_LEVELS = (3, 4)  # an entry stands under a theme heading, below the title


def _backlog_entries(
    parts: list[Part], lines: list[str], titled: set[int]
) -> dict[int, tuple[str, str]]:
    """The entries of a document titled a backlog by that name alone (``# Backlog``) that
    files its work under theme headings (``## Split Large Files``), each entry a heading of
    prose at the deepest level (``### `Settings.tsx` (745 lines)`` over a paragraph saying
    what is wrong): every entry is an item named by its heading, with no status where it
    writes none. Only where the whole document is so: one title, themes that write
    nothing of their own, two or more entries of prose (no boxes, tables or quotes, whose
    shapes read them), as a person reads a backlog kept as notes. ``titled`` is given
    their indexes (their IDs are made from their titles)."""
    from roadmaplint.reader.shapes.common import (
        Taken,
        edge_stripped,
        names_a_backlog,
        reference_from_title,
    )

    if len(parts) < 3 or parts[0].heading.level != 1:
        return {}
    title = edge_stripped(parts[0].text).strip()
    backlog = names_a_backlog(title)
    if not backlog and _LIST_OF_WORK.fullmatch(title) is None:
        return {}
    inner = parts[1:]
    level = max(part.heading.level for part in inner)
    if any(part.heading.level < 2 for part in inner):
        return {}
    if (level not in _ENTRY_LEVELS or not backlog) and not _closed_by_striking(parts, lines, level):
        return {}  # a to-do list or ideas page by another name: its struck closings say so
    entries: list[int] = []
    for at, part in enumerate(parts[1:], start=1):
        written = [line for line in _section_lines(parts, at, lines) if line.strip()]
        if part.kind != PROSE:
            return {}
        if part.heading.level < level:
            if written or at + 1 >= len(parts) or parts[at + 1].heading.level <= part.heading.level:
                return {}  # a theme writes nothing of its own and holds entries
            continue
        if not written or any(_NO_PROSE.match(line) for line in written):
            return {}
        entries.append(at)
    if len(entries) < 2:
        return {}
    taken: set[str] = Taken()
    titled.update(entries)
    named = {at: _unstruck(parts[at].text.strip()) for at in entries}
    return {at: (reference_from_title(named[at], taken), named[at]) for at in entries}


def _unstruck(title: str) -> str:
    """A title struck through whole (``~~Upstream: PR URLs~~``, an entry closed) without
    its tildes: the strike says the status, the words the name."""
    if (
        len(title) > 4
        and title.startswith("~~")
        and title.endswith("~~")
        and "~~" not in title[2:-2]
    ):
        return title[2:-2].strip()
    return title


def _closed_by_striking(parts: list[Part], lines: list[str], level: int) -> bool:
    """Whether the backlog's entries stand right under its title (``## Lens-writing
    subskill``) and two or more of them say they are closed as a person closes a note:
    the text that asked for the work struck through, a bold status after it (``~~Add a
    subskill.~~ **Done** — implemented as ...``). Headings of prose under a backlog's
    title and no more are as often its guide's chapters."""
    from roadmaplint.reader.fields import struck_status

    closed = 0
    for at, part in enumerate(parts[1:], start=1):
        if part.heading.level != level:
            return False
        body = [line for line in _section_lines(parts, at, lines) if line.strip()]
        closed += bool(body) and struck_status(*body[:2]) is not None
    return closed >= _FEWEST_STRUCK


_FEWEST_STRUCK = 2
# A title that names a list of work by another word than backlog: ``# TODO``, ``# Ideas``,
# ``# Future work``, ``# Wishlist`` (read as a backlog's entries only where they strike
# their closed requests through).
_LIST_OF_WORK = LazyPattern(
    r"(?i:(?:[\w.-]+[ \t]+){0,3}(?:to-?dos?|to[ \t]+do(?:[ \t]+list)?|ideas|wish[ \t]?list"
    r"|future[ \t]+work|tasks))"
)


# An epic numbered in its heading (``## Epic 1: Product Vision & Governance``), and a
# line of its body that writes a field, plain or bold (``- Priority: Critical``).
_EPIC = LazyPattern(
    r"(?:[^\w\s]{1,4}[ \t]+)?(?P<id>Epic[ \t]+(?:[0-9]{1,4}|[A-Z](?![A-Za-z])))[ \t]*[:—–-][ \t]*"
    r"(?P<title>\S.*)"
)
# A note in capitals closing an epic's heading after a dash (``Event Creation & Setup -
# BACKEND IMPLEMENTED``): how far it got, said again by its Status field, no title.
_CAPITAL_NOTE = LazyPattern(r"(?P<title>.*?\S)[ \t]+[—–-][ \t]+[A-Z][A-Z ,&/]{3,}")
_FIELD_LINE = LazyPattern(
    r"(?:[-*+][ \t]+)?[*_]{0,2}(?:priority|status|owner|dri|assignee|depends[ \t]+on"
    r"|dependencies)[*_]{0,2}[ \t]*:",
    re.IGNORECASE,
)


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


def _heading_above(parts: list[Part], at: int) -> Part | None:
    """The nearest heading above part ``at`` of a higher rank."""
    level = parts[at].heading.level
    return next(
        (parts[back] for back in range(at - 1, -1, -1) if parts[back].heading.level < level), None
    )


def _ends_with_dash_status(title: str) -> bool:
    """Whether a heading ends with its status in capitals after a dash (``## Fix the
    invite bug — TODO``) or in brackets (``### ✅ Part one (COMPLETED)``, a generated
    roadmap's milestone): a task of a board whose headings say where each stands, as a
    status line under it would."""
    from roadmaplint.reader.fields import heading_status

    found = heading_status(title)
    if found is None or not found[1].isupper():
        return False  # a status in capitals, as a board writes it (``— Released`` of a
        # changelog's version, ``— done right`` of a guide's topic are no status of work)
    rest = title.strip()[len(found[0]) :].lstrip()
    return rest[:1] in ("—", "–", "-") or (rest[:1] == "(" and rest.endswith(")"))


def _ends_with_status(title: str) -> bool:
    from roadmaplint.reader.fields import heading_status

    return heading_status(title) is not None


# A field of work on its own line under a heading: ``- **Priority**: P1``, ``Status: Todo``.
_WORK_FIELD = LazyPattern(
    r"[ \t]*(?:[-*+][ \t]+)?\*{0,2}(?:status|priority|type|owner|assignee|dri|effort"
    r"|estimate|size|depends[ \t]+on|blocked[ \t-]+by)\*{0,2}[ \t]*:",
    re.IGNORECASE,
)


# A line's field label, bold or not: ``- **Prioridade**: P1``, ``Estado: hecho``.
# (the blanks before it taken whole and the name opening with no blank: a run of tabs
# split between them made the match quadratic)
_FIELD_LABEL = LazyPattern(
    r"[ \t]*+(?:[-*+][ \t]++)?\*{0,2}(?P<name>[^*:\s][^*:\n]{0,29}?)\*{0,2}[ \t]*[:：]"
)


def _is_work_field(line: str, dialect: Dialect) -> bool:
    """Whether ``line`` writes a field of work, in English or in the other languages the
    known fields are named in (``- **Prioridade**: P1``, ``- **Öncelik**: P1``)."""
    if _WORK_FIELD.match(line):
        return True
    label = _FIELD_LABEL.match(line)
    return label is not None and dialect.key(label["name"].strip()) in WORK_KEYS


def _section_lines(parts: list[Part], at: int, lines: list[str]) -> list[str]:
    """The lines under the heading of ``parts[at]``, up to the next heading."""
    end = parts[at + 1].heading.line - 1 if at + 1 < len(parts) else len(lines)
    return lines[parts[at].heading.line : end]


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
    if not part.text.startswith("Epic"):
        return False
    if any(line.lstrip()[:1] == "|" for line in lines):
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


def _classify_items(parts: list[Part], dialect: Dialect, lines: list[str]) -> None:
    levels = (dialect.item_level,) if dialect.item_level else ITEM_LEVELS
    candidates: list[Part] = []
    series = _work_series(parts)
    status_headed: dict[int, tuple[str, str]] | None = None
    titled: set[int] = set()  # the parts of status_headed whose IDs are made from titles
    numbered: Counter[int] | None = None  # tasks numbered in a priority, by heading level
    dependent = _dependent_series(parts, levels, lines, dialect)
    sections = _numbered_sections(parts, levels, lines).difference(dependent)
    if series:
        sections |= _phases_over_tasks(parts)
    dotted = {**_dotted_series(parts, levels), **dependent}
    for at, part in enumerate(parts):
        if part.kind == PROSE and part.heading.level in levels and at not in sections:
            found = (
                match_item_heading(part.text, dialect)
                or dotted.get(at)
                or (
                    _work_item(part)
                    if series
                    and not _epic_of_boxes(parts, at, lines)
                    and not _epic_chapter(parts, at, lines)
                    else None
                )
                or _numbered_item(
                    part, parts[at + 1] if at + 1 < len(parts) else None, lines, dialect
                )
            )
            if found is None and not dialect.item_level:
                if status_headed is None:
                    spaced = _spaced_series(parts, dialect, lines)
                    epics = _epic_series(parts, lines)
                    # an epic marked before its name (``### ✅ Epic A: Title``) is named
                    # ``Epic A`` though a status line under it names it by title too
                    marked = {at: named for at, named in epics.items() if _marked_epic(parts[at])}
                    status_headed = {
                        **_backlog_entries(parts, lines, titled),
                        **_counted_series(parts, lines),
                        **epics,
                        **_status_headed(parts, lines, titled),
                        **spaced,
                        **_slug_series(parts, lines),
                        **_numbered_over_steps(parts, lines),
                        **_boxed_series(parts),
                        **_untitled_tasks(parts, lines, dialect),
                        **marked,
                    }
                    titled.difference_update(spaced)
                    titled.difference_update(marked)
                found = status_headed.get(at)
            if found is not None and (
                not is_priority_group(found[0], dialect.priority_values)
                or (
                    _NUMBERED_IN_PRIORITY.fullmatch(found[0]) is not None
                    and (numbered := numbered or _numbered_in_priority(parts, dialect))[
                        part.heading.level
                    ]
                    >= _FEWEST_NUMBERED
                )
            ):
                part.kind = ITEM
                part.item_id, part.title = found
                part.named_by_title = at in titled
                candidates.append(part)
    _numbered_beside_numbered(parts, levels)
    _milestones_beside_phases(parts)
    _names_among_prose(parts)
    if dialect.item_level:
        return
    _untagged_beside_tickets(parts, lines)
    _unnumbered_in_a_band(parts)
    _phases_within_features(parts)
    _steps_of_a_recommended_order(parts, dialect)
    _sections_of_one_document(parts)
    # A candidate that holds other candidates below it is a section.
    open_parts: list[Part] = []
    for part in parts:
        level = part.heading.level
        while open_parts and open_parts[-1].heading.level >= level:
            open_parts.pop()
        if part.kind == ITEM:
            for holder in open_parts:
                holder.kind = SECTION
            open_parts.append(part)


def _steps_of_a_recommended_order(parts: list[Part], dialect: Dialect) -> None:
    """Headings under a section that recommends the order of the work (``## 📊
    RECOMMANDATION D'ORDRE D'IMPLÉMENTATION`` over ``### Phase 1: Monitoring (1-2 jours)``,
    ``## Recommended implementation order``) group the plan's items into steps, where
    the plan's items stand elsewhere: no items of their own. A heading named by an ID of
    the plan's pattern that no item elsewhere has (``### API-3 — Ship the SDK``) is an
    item still: dropped, it would be lost silently."""
    from roadmaplint.reader.dialect import patterns

    id_only = patterns(dialect.id_pattern).id_only
    ordered: list[bool] = []  # for each part, whether it stands under such a section
    holders: list[Part] = []
    for part in parts:
        while holders and holders[-1].heading.level >= part.heading.level:
            holders.pop()
        ordered.append(any(_ORDER_SECTION.search(holder.text) for holder in holders))
        holders.append(part)
    if not any(part.kind == ITEM and not under for part, under in zip(parts, ordered, strict=True)):
        return  # the order is the plan itself
    elsewhere = {
        part.item_id
        for part, under in zip(parts, ordered, strict=True)
        if not under and part.kind == ITEM
    }
    for part, under in zip(parts, ordered, strict=True):
        if not under or part.kind != ITEM:
            continue
        if part.item_id not in elsewhere and id_only.fullmatch(part.item_id) is not None:
            continue  # the plan's own item, written only here
        part.kind, part.item_id, part.title = PROSE, "", ""


# A section that recommends the order of the work: ``Recommended order``, ``Suggested
# implementation order``, ``Ordre d'implémentation recommandé``, ``Recommandation d'ordre``.
_ORDER_SECTION = LazyPattern(
    r"\b(?:recommended|suggested)[ \t]+(?:implementation[ \t]+)?order\b"
    r"|\bordre[ \t]+(?:optimal[ \t]+)?(?:d'|de[ \t]+)?impl[ée]mentation\b"
    r"|\brecommandation[ \t]+d'ordre\b",
    re.IGNORECASE,
)


def _sections_of_one_document(parts: list[Part]) -> None:
    """Item headings that all name one ID (``## RFC-01. Motivation`` over ``## RFC-01.
    Design``) are the sections of the one document that ID names, not items written twice:
    where the title names that ID too, or three or more sections repeat it. A phase
    written again (``### Phase 1 — gameplay`` twice) is a plan's phase, whose duplicate
    RL102 reports or whose parts the phase readings join."""
    from roadmaplint.reader.dialect import PHASE_ID

    items = [part for part in parts if part.kind == ITEM]
    names = {part.item_id for part in items}
    if len(items) < 2 or len(names) != 1:
        return
    (name,) = names
    if PHASE_ID.fullmatch(name):
        return
    title = next((part.text for part in parts if part.heading.level == 1), "")
    named = title.startswith(name) and _NAMES_ID.match(title.removeprefix(name)) is not None
    if len(items) >= 3 or named:
        for part in items:
            part.kind, part.item_id, part.title = PROSE, "", ""


# What follows an ID that a title begins with: its end (a separator, a space, nothing).
_NAMES_ID = LazyPattern(r"(?:[^\w-]|$)")


def _milestones_beside_phases(parts: list[Part]) -> None:
    """A milestone heading among phase items at their level, led by its version and
    closed by a status (``## Milestone v1.0 - COMPLETE ✓`` above ``## Phase 1: Name``):
    an item too, its ID the version, the status its words or its Status field."""
    from roadmaplint.settings import common_meaning

    levels = {
        part.heading.level
        for part in parts
        if part.kind == ITEM and part.item_id and PHASE_ID.fullmatch(part.item_id)
    }
    for part in parts:
        if part.kind != PROSE or part.heading.level not in levels or part.text[:9] != "Milestone":
            continue
        found = _MILESTONE.fullmatch(part.text.strip())
        if found is not None and common_meaning(found["status"].rstrip(" ✓✔✅")) is not None:
            part.kind, part.item_id = ITEM, found["id"]
            part.title = f"Milestone {found['id']}"


# ``Milestone v1.0 - COMPLETE ✓``: a milestone's version, a dash, its status.
_MILESTONE = LazyPattern(
    r"Milestone[ \t]+(?P<id>v?[0-9]{1,4}(?:\.[0-9]{1,4}){0,3})"
    r"[ \t]+[-—–][ \t]+(?P<status>\S.{0,40})"
)


# A label alone on the first line of a ticket's body: ``Purpose:`` over its paragraph.
_LEAD_LABEL = LazyPattern(r"(?P<label>[A-Z][A-Za-z]{1,20}(?:[ \t][A-Za-z]{1,20}){0,2}):")
_FEWEST_TICKETS = 2


def _lead_label(parts: list[Part], at: int, lines: list[str]) -> str | None:
    first = next((line.strip() for line in _section_lines(parts, at, lines) if line.strip()), "")
    found = _LEAD_LABEL.fullmatch(first) if first.endswith(":") else None
    return found["label"].lower() if found is not None else None


def _untagged_beside_tickets(parts: list[Part], lines: list[str]) -> None:
    """Headings without an ID among tickets with one at their level (``### Retry Policy
    MVP`` beside ``### DIREM-031 - Check-ins Design``), whose body opens with the label
    two or more of those tickets open with (``Purpose:``): tickets of the same backlog not
    yet numbered, each an item named by its heading. A heading whose body opens otherwise
    (``### Notes``) stays a section of prose."""
    from roadmaplint.reader.shapes.common import Taken, reference_from_title

    labels: dict[int, Counter[str]] = {}
    for at, part in enumerate(parts):
        if part.kind == ITEM and part.item_id and not part.named_by_title:
            label = _lead_label(parts, at, lines)
            if label is not None:
                labels.setdefault(part.heading.level, Counter())[label] += 1
    shared = {
        level: {label for label, count in counted.items() if count >= _FEWEST_TICKETS}
        for level, counted in labels.items()
    }
    if not any(shared.values()):
        return
    taken: set[str] = Taken()
    for at, part in enumerate(parts):
        level = part.heading.level
        if part.kind != PROSE or not shared.get(level):
            continue
        after = parts[at + 1] if at + 1 < len(parts) else None
        if after is not None and after.heading.level > level:
            continue  # a heading over headings of its own is a section
        if _lead_label(parts, at, lines) in shared[level]:
            part.kind, part.named_by_title = ITEM, True
            part.item_id = reference_from_title(part.text.strip(), taken)
            part.title = part.text.strip()


def _parents(levels: list[int]) -> list[int | None]:
    """For each heading of ``levels``, the index of the nearest heading above it of a
    higher rank (what ``_heading_above`` finds for one), else None: one walk for all,
    not one walk back per heading (a walk back per heading and a search of the list for
    each made a plan of 3,000 items twenty times the work of 300)."""
    parents: list[int | None] = []
    above: list[int] = []  # the headings above, each of a higher rank than the next
    for at, level in enumerate(levels):
        while above and levels[above[-1]] >= level:
            above.pop()
        parents.append(above[-1] if above else None)
        above.append(at)
    return parents


def _bands(levels: list[int]) -> dict[int, list[int]]:
    """Each heading's index that has children one level below it, the indexes of those
    children: the headings of ``levels`` whose nearest heading above of a higher rank is
    exactly one rank higher."""
    bands: dict[int, list[int]] = {}
    for at, parent in enumerate(_parents(levels)):
        if parent is not None and levels[parent] == levels[at] - 1:
            bands.setdefault(parent, []).append(at)
    return bands


def _unnumbered_in_a_band(parts: list[Part]) -> None:
    """Headings with no ID, no field and no heading of their own, right under a band that
    names a status and the work it holds (``## Pending Tasks 📋`` over ``### Install the
    CLI``), where a sibling band names another status over items at their level (``##
    Completed Tasks ✅`` over ``### 2. Auto-Update Cron ✅``): the same list's tasks not
    yet numbered, each an item named by its heading, its status the band's. A band alone,
    or one whose siblings hold no items, keeps its headings as sections of prose."""
    from roadmaplint.reader.fields import section_status
    from roadmaplint.reader.shapes.common import Taken, reference_from_title

    bands = _bands([part.heading.level for part in parts])
    named = {
        band: section_status(parts[band].text)
        for band in bands
        if _WORK_BAND.search(parts[band].text) is not None
    }
    holding = {
        band: status
        for band, status in named.items()
        if status is not None and any(parts[at].kind == ITEM for at in bands[band])
    }
    taken: set[str] = Taken(part.item_id for part in parts if part.kind == ITEM)
    for band, status in named.items():
        if status is None or band in holding or not bands[band]:
            continue
        level = parts[band].heading.level
        siblings = [
            other
            for other, said in holding.items()
            if parts[other].heading.level == level and said.casefold() != status.casefold()
        ]
        children = [parts[at] for at in bands[band]]
        if not siblings or any(
            child.kind != PROSE or child.heading.level != level + 1 for child in children
        ):
            continue
        for child in children:
            child.kind, child.named_by_title = ITEM, True
            child.item_id = reference_from_title(child.text.strip(), taken)
            child.title = child.text.strip()


# A band that names the work it holds after its status: ``Pending Tasks``, ``Done Items``.
_WORK_BAND = LazyPattern(r"(?i)\b(?:tasks|items|work|todos)\b")


_PHASE_OF_FEATURE = LazyPattern(r"Phase[ \t][0-9]{1,3}")


def _phases_within_features(parts: list[Part]) -> None:
    """Phases numbered again under each of two or more features (``### Google Sheets
    Integration`` over ``#### Phase 1: Read Access``, ``### People Catalog`` over its own
    ``#### Phase 1: Read from Sheets``) are the steps of their feature, not the plan's
    phases: the feature is the item and its phases its checklist. Phases numbered once
    through a plan stay its items."""
    under: dict[str, set[int]] = {}
    phases: list[tuple[int, Part]] = []
    for at, part in enumerate(parts):
        if part.kind != ITEM or _PHASE_OF_FEATURE.fullmatch(part.item_id) is None:
            continue
        above = _heading_above(parts, at)
        if above is not None and above.kind == ITEM:
            under.setdefault(part.item_id, set()).add(id(above))
            phases.append((at, part))
    if not any(len(holders) > 1 for holders in under.values()):
        return
    for _, part in phases:
        part.kind, part.item_id, part.title = PROSE, "", ""


# A task numbered within its priority: ``P1.1`` of ``### P1.1: Authentication``.
_NUMBERED_IN_PRIORITY = LazyPattern(r"P[0-4]\.[0-9]{1,3}")
_FEWEST_NUMBERED = 3


def _numbered_in_priority(parts: list[Part], dialect: Dialect) -> Counter[int]:
    """How many headings at each level name a task numbered within its priority
    (``### P1.1: Auth``, ``### P1.2: Keys``, ``### P2.1: Trades``): three or more at one
    level are a queue's tasks, each an item. One such heading alone is a band between
    two priorities (``### P2.5 — Nice to have``), no item."""
    counted: Counter[int] = Counter()
    for other in parts:
        if other.kind != PROSE:
            continue
        found = match_item_heading(other.text, dialect)
        if found is not None and _NUMBERED_IN_PRIORITY.fullmatch(found[0]) is not None:
            counted[other.heading.level] += 1
    return counted


def _number_work_by_phase(parts: list[Part]) -> None:
    """Tasks numbered again under each phase heading (``## Phase 2`` over ``### Task 1``,
    where ``## Phase 1`` held a Task 1 too) are tasks of their phase: ``Phase 2 Task 1``,
    as a person reads them, not one ID written twice. Only where a number comes again
    under another heading; a task under a heading that is no phase (``## QA``) keeps its
    number alone."""
    work = [part for part in parts if part.kind == ITEM and WORK_ID.fullmatch(part.item_id)]
    holders: dict[str, set[int]] = {}
    for part in work:
        holders.setdefault(part.item_id, set()).add(id(part.parent))
    if not any(len(found) > 1 for found in holders.values()):
        return
    for part in work:
        phase = PHASE_HEADING.fullmatch(part.parent.text) if part.parent is not None else None
        if phase is not None:
            part.item_id = f"{' '.join(phase['id'].split())} {part.item_id}"


# A quarter or a half of a year alone, a heading's whole text: ``Q1``, ``H2``.
_PERIOD = LazyPattern(r"Q[1-4]|H[12]")


def _names_among_prose(parts: list[Part]) -> None:
    """Headings that are an ID alone (``### V8``) among more sibling headings that are no
    items (``### acorn``, ``### nghttp2``) are names in a list of names, not items: a
    document's list of its dependencies read its one upper-case name as a plan. Sibling
    headings that each name a quarter or a half of a year alone (``## Q1``, ``## H2``)
    say when the work under them falls: no items either."""
    groups: dict[tuple[int, int], list[Part]] = {}
    above: list[tuple[int, int]] = []  # (level, index) of the headings the part is under
    for index, part in enumerate(parts):
        level = part.heading.level
        while above and above[-1][0] >= level:
            above.pop()
        groups.setdefault((above[-1][1] if above else -1, level), []).append(part)
        above.append((level, index))
    for siblings in groups.values():
        items = [part for part in siblings if part.kind == ITEM]
        prose = sum(part.kind == PROSE for part in siblings)
        if (
            items
            and all(not part.title for part in items)
            and (prose > len(items) or all(_PERIOD.fullmatch(part.item_id) for part in items))
        ):
            for part in items:
                part.kind, part.item_id, part.title = PROSE, "", ""


def _assign_sections(parts: list[Part], dialect: Dialect) -> int | None:
    """Each item's section: the nearest heading above it, of a higher rank, not an item."""
    stack: list[Part] = []
    levels: Counter[int] = Counter()
    for part in parts:
        if part.kind == INNER:
            continue
        level = part.heading.level
        while stack and stack[-1].heading.level >= level:
            stack.pop()
        holders = [held for held in stack if held.kind not in (ITEM, LEGEND)]
        parent = holders[-1] if holders else None
        name = parent.text if parent is not None and parent.kind not in (OVERVIEW, GRAPH) else None
        if part.kind in (ITEM, PROSE):
            part.section, part.parent = name, parent if name is not None else None
        if part.kind == ITEM:
            levels[part.heading.level] += 1
        stack.append(part)
    if dialect.item_level:
        return dialect.item_level
    return levels.most_common(1)[0][0] if levels else None


def _absorb_subheadings(parts: list[Part]) -> None:
    """Prose headings deeper than the item or legend above them belong to it."""
    owner: Part | None = None
    for part in parts:
        if part.kind == INNER:
            continue
        if owner is not None and part.kind == PROSE and part.heading.level > owner.heading.level:
            part.kind = INNER
            continue
        owner = part if part.kind in (ITEM, LEGEND) else None


def _end_of(parts: list[Part], index: int, line_count: int) -> int:
    """The line before the next heading of the same or a higher rank."""
    level = parts[index].heading.level
    for later in parts[index + 1 :]:
        if later.heading.level <= level:
            return later.heading.line - 1
    return line_count


def _sections(parts: list[Part], line_count: int) -> tuple[Section, ...]:
    """Level-1 sections (not the title, not generated) and every heading that holds items."""
    holders = {id(part.parent) for part in parts if part.kind == ITEM and part.parent}
    return tuple(
        Section(part.text, part.position, _end_of(parts, index, line_count))
        for index, part in enumerate(parts)
        if (part.kind == SECTION and part.heading.level == 1) or id(part) in holders
    )


def _prose_headings(parts: list[Part], item_level: int | None) -> tuple[Heading, ...]:
    """Headings that are neither items nor structure, and whether they stand among items:
    at the level of the items beside them, or of the items in a level-1 section."""
    with_items = {(id(part.parent), part.heading.level) for part in parts if part.kind == ITEM}
    found = []
    for part in parts:
        if part.kind != PROSE or part.heading.level == 1:
            continue
        level = part.heading.level
        parent = part.parent
        among_items = (id(parent), level) in with_items or (
            level == (item_level or 2)
            and parent is not None
            and parent.kind == SECTION
            and parent.heading.level == 1
        )
        found.append(Heading(level, part.text, part.position, part.section, among_items))
    return tuple(found)
