"""Headings read as items by their numbers and their states: dotted and numbered series,
steps, headings led or closed by a status, a changelog, features stated done, a backlog's
entries and headings closed by striking.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice, takewhile

from roadmaplint.reader.dialect import (
    DEPENDS_ON,
    ITEM_LEVELS,
    Dialect,
    match_item_heading,
    normalize_key,
)
from roadmaplint.reader.outline_parts import (
    _FIELD_LINE,
    PROSE,
    Part,
    _ends_with_dash_status,
    _ends_with_status,
    _heading_above,
    _section_lines,
)
from roadmaplint.text import LazyPattern

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
