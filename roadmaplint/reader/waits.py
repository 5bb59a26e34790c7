"""Dependencies written elsewhere than in a Depends on field.

A plan with no Depends on field often says what an item waits for beside its
status: ``**Status:** READY (after 1.1 and 1.2)``. Where the words after ``after``
are IDs of items of the same document, they are the item's dependencies; anything
else (``after Phase 2``, ``after test + prod setups verified``) stays prose of the
status. A dependency may also be written on the item it unblocks
(``**Prereq for:** LOG-44`` on LOG-24: LOG-44 depends on LOG-24).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from roadmaplint.model import Item
from roadmaplint.reader.dialect import DEPENDS_ON
from roadmaplint.record import replace
from roadmaplint.text import LazyPattern

_AFTER = LazyPattern(r"\(after[ \t]++(?P<names>[^)]*+)\)", re.IGNORECASE)  # linear: possessive
_SPLIT = LazyPattern(r",|&|\band\b", re.IGNORECASE)


def with_status_waits(items: Sequence[Item]) -> tuple[Item, ...]:
    """``items``, one with no dependency of its own taking those its status names."""
    if not any(item.status and "after" in item.status.lower() for item in items):
        return tuple(items)
    known = {item.id.lower(): item.id for item in items}
    found = []
    for item in items:
        named = _named(item, known)
        found.append(replace(item, depends_on=named) if named else item)
    return tuple(found)


def _named(item: Item, known: dict[str, str]) -> tuple[str, ...]:
    if item.depends_on or item.external_deps or not item.status:
        return ()
    after = _AFTER.search(item.status)
    if after is None:
        return ()
    names = [part.strip().strip(".`*").lower() for part in _SPLIT.split(after["names"])]
    if not names or not all(name in known and name != item.id.lower() for name in names):
        return ()
    return tuple(known[name] for name in names)


# Fields that name the items which depend on this one, read in reverse.
REVERSE_KEYS = frozenset(
    (
        "prereq for",
        "prerequisite for",
        "prerequisite of",
        "blocks",
        "blocking",
        "unblocks",
        "required by",
        "needed by",
    )
)
# Whether a text may write one of them as a field: the incremental reader reads such a
# plan whole, as one item's field changes another's dependencies.
REVERSE_FIELD = LazyPattern(
    r"\b(?:prereq(?:uisite)? (?:for|of)|blocks|blocking|unblocks|required by|needed by)\b"
    r"[*_]{0,2}[ \t]*:",
    re.IGNORECASE,
)


def with_reverse_dependencies(items: Sequence[Item]) -> tuple[Item, ...]:
    """``items``, each named in another's ``Prereq for`` (``Blocks``, ``Unblocks`` ...)
    field depending on that other item, as a person reads it. Only the items of the
    document are taken; anything else the field names stays its prose."""
    reverse = [
        (item, found)
        for item in items
        for found in item.fields
        if found.key in REVERSE_KEYS and found.value
    ]
    if not reverse:
        return tuple(items)
    known = {item.id.lower(): item.id for item in items}
    added: dict[str, list[str]] = {}
    for item, found in reverse:
        for part in _SPLIT.split(found.value):
            words = part.split()
            name = words[0].strip(".`*()[]").lower() if words else ""
            if name in known and known[name] != item.id:
                added.setdefault(known[name], []).append(item.id)
    found_items = []
    for item in items:
        new = [
            blocker
            for blocker in dict.fromkeys(added.get(item.id, ()))
            if blocker not in item.depends_on
        ]
        found_items.append(replace(item, depends_on=(*item.depends_on, *new)) if new else item)
    return tuple(found_items)


def with_titles_named(items: Sequence[Item]) -> tuple[Item, ...]:
    """``items``, a dependency that is exactly another item's title (a board's
    ``| Projects Domain | ... | Core Infrastructure |`` beside a ``| Core Infrastructure |``
    row) read as a reference to that item: the document names its items so when it
    gives them no ID. A title two items share names neither."""
    if not any(item.external_deps for item in items):
        return tuple(items)
    titles: dict[str, str | None] = {}
    for item in items:
        key = spelling(item.title)
        titles[key] = None if key in titles else item.id
    found = []
    for item in items:
        named = [(entry, titles.get(spelling(entry))) for entry in item.external_deps]
        if not any(target is not None and target != item.id for _, target in named):
            found.append(item)
            continue
        references = [*item.depends_on]
        externals = []
        for entry, target in named:
            if target is None or target == item.id:
                externals.append(entry)
            elif target not in references:
                references.append(target)
        found.append(replace(item, depends_on=tuple(references), external_deps=tuple(externals)))
    return tuple(found)


def named_across(items: Sequence[Item], before: Item, after: Item) -> bool:
    """Whether reading ``after`` alone, in place of ``before``, may miss a dependency
    read across items: ``after`` names another item by its title, another item names
    ``before`` or ``after`` by its title, or the edit changed the item's ID while the
    plan has dependencies that could name it."""
    if before.id != after.id:
        return any(item.depends_on or item.external_deps for item in items)
    if before.title != after.title:
        spelt = (spelling(before.title), spelling(after.title))  # once, not once an item
        if any(_names_by_title(item, before, spelt) for item in items):
            return True
    if not after.external_deps:
        return False
    named = {spelling(entry) for entry in after.external_deps}
    return any(spelling(item.title) in named for item in items)


def _names_by_title(item: Item, before: Item, spelt: tuple[str, str]) -> bool:
    if any(spelling(entry) in spelt for entry in item.external_deps):
        return True
    written = item.field(DEPENDS_ON)
    return before.id in item.depends_on and (
        written is None or before.id.lower() not in written.value.lower()
    )


def spelling(text: str) -> str:
    """A title as compared with a name: case and the marks between words left out."""
    return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


def with_parts_named(items: Sequence[Item]) -> tuple[Item, ...]:
    """``items``, a dependency on a part of an item (``LOG-44.1``, a phase of LOG-44
    that is no item of its own) read as one on that item: the document gives the
    whole an item, and the part is done when the item is."""
    known = {item.id.lower(): item.id for item in items}
    if not any(
        "." in name and name.lower() not in known for item in items for name in item.depends_on
    ):
        return tuple(items)
    found = []
    for item in items:
        named = [_whole(name, known) for name in item.depends_on]
        kept = tuple(dict.fromkeys(name for name in named if name != item.id))
        found.append(replace(item, depends_on=kept) if kept != item.depends_on else item)
    return tuple(found)


def _whole(name: str, known: dict[str, str]) -> str:
    if name.lower() in known:
        return name
    whole, dot, part = name.rpartition(".")
    return known.get(whole.lower(), name) if dot and part.isdigit() else name


def waits_in_status(item: Item) -> bool:
    """Whether ``item``'s status says what it waits for (``READY (after 1.3)``): ready
    once those are done, not free to start now."""
    status = item.status or ""
    # "after" first, as with_status_waits asks: most statuses never compile the pattern
    return "after" in status.lower() and _AFTER.search(status) is not None


def with_numbers_named(items: Sequence[Item]) -> tuple[Item, ...]:
    """``items``, a dependency that is exactly another item's number (``Depends on: 001,
    002`` in a plan whose headings number its tasks ``### 001 ...``) or key (``brc-01``,
    a track's slice no ID pattern names) read as a reference to it, not as something
    external: the document itself gives that ID an item."""
    numbers = {item.id for item in items if item.id.isdigit() or _SLICE_KEY.fullmatch(item.id)}
    if not numbers:
        return tuple(items)
    known = {item.id for item in items}
    found = []
    for item in items:
        named = {entry: _numbered_task(entry, numbers) for entry in item.external_deps}
        # ``Task 1`` read as a reference where no item is named so: the task numbered 1
        renamed = tuple(
            entry if entry in known else _numbered_task(entry, numbers) or entry
            for entry in item.depends_on
        )
        if not any(named.values()) and renamed == item.depends_on:
            found.append(item)
            continue
        externals = tuple(entry for entry, number in named.items() if number is None)
        own = tuple(number for number in named.values() if number is not None)
        found.append(replace(item, depends_on=(*renamed, *own), external_deps=externals))
    return tuple(found)


def _numbered_task(entry: str, numbers: set[str]) -> str | None:
    """The item ``entry`` names by its number: the number itself, or the plan's word for a
    task before it (``タスク1``, ``Task 2``, ``任务 3``) where the tasks are numbered alone."""
    if entry in numbers:
        return entry
    worded = _TASK_NUMBER.fullmatch(entry)
    return worded["number"] if worded is not None and worded["number"] in numbers else None


# The word for a task and its number, as a task numbered alone (``### 2. Title``) is named
# in a dependency: ``タスク1`` (Japanese), ``任务 2`` (Chinese), ``작업 3``, ``Task 4``.
_TASK_NUMBER = LazyPattern(
    r"(?:Task|task|TASK|タスク|任务|任務|작업|Tarea|tarea|Tâche|tâche|Aufgabe|Tarefa|tarefa)"
    r"[ \t]?(?P<number>[0-9]{1,4})"
)


# The most words a dependency entry may hold around the one ID it names: ``selected M5
# blocks``, ``reusable M5 blocks``; a longer one is a sentence (``M2 once the tokens ...``).
_WORDS_AROUND_ID = 4
_WORD_EDGE = ".,;:()[]`*\"'"
# Words that make an entry a range of IDs (``T-001 through T-099``), read as ranges are.
_RANGE_WORDS = frozenset(("through", "thru", "to", "until", "-", "–", "—"))


def with_ids_among_words(items: Sequence[Item]) -> tuple[Item, ...]:
    """``items``, a dependency entry that names one item of the document among a few other
    words (``M0, M2, M3; selected M5 blocks``: the parts of M5 it needs) read as a
    dependency on that item, not as something external; an entry naming two items or
    none, a range (``T-001 through T-099``), an ID alone or a sentence stays as it is
    written."""
    if not any(item.external_deps for item in items):
        return tuple(items)
    known = {item.id for item in items}
    found = []
    for item in items:
        named: list[str] = []
        externals: list[str] = []
        for entry in item.external_deps:
            words = entry.split()
            ids = [word.strip(_WORD_EDGE) for word in words if word.strip(_WORD_EDGE) in known]
            if (
                1 < len(words) <= _WORDS_AROUND_ID
                and len(ids) == 1
                and ids[0] != item.id
                and not _RANGE_WORDS.intersection(word.lower() for word in words)
                and ".." not in entry
            ):
                named.append(ids[0])
            else:
                externals.append(entry)
        if named:
            depends = tuple(dict.fromkeys((*item.depends_on, *named)))
            item = replace(item, depends_on=depends, external_deps=tuple(externals))
        found.append(item)
    return tuple(found)


# The ID a track's slice takes from its heading (``### brc-01 — Title``, reader/outline.py).
_SLICE_KEY = LazyPattern(r"[a-z]{2,10}-[0-9]{1,4}")


# A note of an item's body that says what it waits for, not written as a field, in a
# bullet or a line of a paragraph: ``- Depends on Phase 6 establishing stable backbone
# fine-tuning``, ``Depends on WQ-026 for the changelog format.``
_DEPENDS_BULLET = LazyPattern(
    r"[ \t]{0,3}(?:[-*+][ \t]+)?(?:Depends|Builds|Waits)[ \t]+on[ \t]+"
    r"(?P<name>[^ \t:]+(?:[ \t]+[0-9][0-9.]*)?)",
    re.IGNORECASE,
)


# Whether an item's lines hold such a note, or name another item by its number
# (``**Blocked by 1.**``, ``after item 3``): the incremental reader reads them with the
# whole plan, as the note names another item.
DEPENDENCY_NOTE = LazyPattern(
    r"^[ \t]{0,3}(?:(?:[-*+][ \t]+)?(?:Depends|Builds|Waits)[ \t]+on[ \t]"
    r"|\*\*Blocked[ \t]+(?:by|on)[ \t])|\bafter[ \t]+items?[ \t]+[0-9]",
    re.IGNORECASE | re.MULTILINE,
)


def with_dependency_notes(items: Sequence[Item], lines: Sequence[str]) -> tuple[Item, ...]:
    """``items``, one with no dependency of its own taking the item a bullet of its body
    names after ``Depends on`` (``- Depends on Phase 6 establishing ...``, a context
    note rather than a field): only an item of the document, named first."""
    known = {item.id.lower(): item.id for item in items}
    found = []
    for item in items:
        named: tuple[str, ...] = ()
        if not item.depends_on and not item.external_deps:
            body = lines[item.position.line : item.end_line]
            named = _noted(body, known, item.id) or _prerequisites(body, known, item.id)
        found.append(replace(item, depends_on=named) if named else item)
    return tuple(found)


# A label of what must stand first, in a sentence of an item's body: ``Prerequisite: B9``,
# ``前提：B9 のユーザ登録簿``, ``Prerequisites: T-1, T-2``.
_PREREQUISITE = LazyPattern(r"(?i:\bprerequisites?|前提(?:条件)?)[ \t]*[:：][ \t]*")


def _prerequisites(body: Sequence[str], known: dict[str, str], own: str) -> tuple[str, ...]:
    """The items of the document a label of prerequisites in ``body`` names right after
    it, joined by commas or ``and``: the first word that is no item of the document ends
    the list (``前提：B9 のユーザ登録簿``: B9)."""
    named: list[str] = []
    for line in body:
        if ":" not in line and "：" not in line:
            continue
        for label in _PREREQUISITE.finditer(line):
            after = line[label.end() : label.end() + 200].replace("、", " ")
            named += _ids_ahead(after, known, own, _NAME_EDGE + "、。", ".;:)。")
    return tuple(dict.fromkeys(named))


# Item numbers joined in one note: ``1``, ``2 and 4``, ``2, 3 & 5``.
_NUMBERS = r"[0-9]{1,3}(?:(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+|[ \t]*&[ \t]*)[0-9]{1,3}){0,10}"
# A section that opens with what holds it up, in bold: ``**Blocked by 1.**``.
_BLOCKED_LEAD = LazyPattern(
    r"[ \t]{0,3}\*\*(?P<status>Blocked[ \t]+(?:by|on)[ \t]+(?:items?[ \t]+)?"
    rf"(?P<names>{_NUMBERS}))\.?\*\*",
    re.IGNORECASE,
)
# A sentence that orders an item after another by its number: ``Worth doing after item 3``.
_AFTER_ITEM = LazyPattern(rf"\bafter[ \t]+items?[ \t]+(?P<names>{_NUMBERS})\b", re.IGNORECASE)


def with_numbered_waits(items: Sequence[Item], lines: Sequence[str]) -> tuple[Item, ...]:
    """``items``, in a plan whose sections are numbered items (``## 2. Title``), one that
    writes no dependency of its own waiting for those its text names by number: a section
    that opens with ``**Blocked by 1.**`` is blocked by item 1 (and says so as its status,
    where it writes none), one that says ``Worth doing after item 3`` waits for item 3.
    Numbers that name no item of the plan name nothing."""
    numbered = {item.id for item in items if item.id.isdigit()}
    if len(numbered) < 2:
        return tuple(items)
    found = []
    for item in items:
        if item.depends_on or item.external_deps:
            found.append(item)
            continue
        body = lines[item.position.line : item.end_line]
        opening = next((line for line in body if line.strip()), "")
        blocked = _BLOCKED_LEAD.match(opening) if "**" in opening[:6] else None
        named = list(_UNIT_NUMBER.findall(blocked["names"])) if blocked is not None else []
        for line in body:
            if "after" in line.lower():
                for after in _AFTER_ITEM.finditer(line):
                    named.extend(_UNIT_NUMBER.findall(after["names"]))
        waits = tuple(dict.fromkeys(n for n in named if n in numbered and n != item.id))
        if waits:
            status = blocked["status"] if blocked is not None and item.status is None else None
            item = replace(item, depends_on=waits, status=status or item.status)
        found.append(item)
    return tuple(found)


# Numbered units joined in one note: ``Epics 2 + 3``, ``Phases 1, 2 and 4``.
_JOINED_UNITS = LazyPattern(
    r"(?P<word>Phase|Task|Milestone|Epic)s?[ \t]+(?P<first>[0-9]{1,4})"
    r"(?P<more>(?:[ \t]*(?:,|\+|&|and)[ \t]*[0-9]{1,4}(?!\w|\.[0-9])){1,20})",
    re.IGNORECASE,
)

_UNIT_NUMBER = LazyPattern(r"[0-9]{1,4}")


def _noted(body: Sequence[str], known: dict[str, str], own: str) -> tuple[str, ...]:
    for line in body:
        if "on " not in line.lower():
            continue
        match = _DEPENDS_BULLET.match(line)
        if match is None:
            continue
        joined = _JOINED_UNITS.match(line, match.start("name"))
        if joined is not None:  # ``Depends on Epics 2 + 3.``: each of them
            word = joined["word"].capitalize()
            numbers = [joined["first"], *_UNIT_NUMBER.findall(joined["more"])]
            targets = [known.get(f"{word} {n}".lower()) for n in numbers]
            if all(targets) and own not in targets:
                return tuple(dict.fromkeys(t for t in targets if t))
        for name in (match["name"], match["name"].split()[0]):
            target = known.get(name.strip(".,;`*").lower())
            if target is not None and target != own:
                return (target,)
    return ()


# A heading's level; one whose words name dependencies (``## Dependencies & Execution Order``)
# opens the section where a task's needs are written.
_HEADING_LEVEL = LazyPattern(r"[ \t]{0,3}(?P<level>#{1,6})(?:[ \t]|$)")
# ``T003 needs T001``, ``T012 requires T009 and T010``: an ID, a verb of waiting, IDs.
_NEEDS = LazyPattern(
    r"(?<![\w-])(?P<id>[A-Za-z]{1,8}-?[0-9]{1,6}[a-z]?)[ \t]+(?:needs|requires|depends[ \t]+on)"
    r"[ \t]+(?P<names>[A-Za-z]{1,8}-?[0-9]{1,6}[a-z]?(?:(?:,[ \t]*|[ \t]+and[ \t]+)"
    r"[A-Za-z]{1,8}-?[0-9]{1,6}[a-z]?){0,20})(?![\w-])",
    re.I,
)
_NAMES = LazyPattern(r"[A-Za-z]{1,8}-?[0-9]{1,6}[a-z]?")
# A word of waiting in a line under a Dependencies heading, before its sentences are read.
_WAIT_WORD = LazyPattern(r"need|requir|depend", re.I)
# What a Dependencies heading holds (``"dependenc" in line.lower()``), or more: a first look.
_DEPENDENCIES = LazyPattern(r"dependenc", re.I)


# What opens a new bullet of a Dependencies section, ending the sentence before it.
_OPENERS = ("- ", "* ", "+ ")


def with_named_needs(items: Sequence[Item], lines: Sequence[str]) -> tuple[Item, ...]:
    """``items``, one with no dependency of its own taking those a Dependencies section
    names for it in a sentence (spec-kit's ``- **Setup (Phase 1)**: no dependencies;
    T003 needs T001.``): only where both are items of the document, as a person reads
    the plan's own account of its order. A sentence may name groups of tasks with their
    IDs instead (``US2 (T026, T027) extend files created by US1 (T011, T013)``)."""
    if not _DEPENDENCIES.search("\n".join(lines)):
        return tuple(items)  # no Dependencies heading: one search, not a pass over each line
    said: dict[str, list[str]] = {}
    level = 0
    sentence: list[str] = []  # the lines of one bullet or paragraph of the section
    for line in [*lines, ""]:
        # a heading's marks stand in its first four characters: most lines are not looked at
        heading = _HEADING_LEVEL.match(line) if "#" in line[:4] else None
        if sentence and (heading is not None or not line.strip() or line.lstrip()[:2] in _OPENERS):
            if "(" in "".join(sentence):
                for name, names in group_needs(" ".join(sentence)).items():
                    said.setdefault(name, []).extend(names)
            sentence = []
        if heading is not None:
            if "dependenc" in line.lower():
                level = len(heading["level"])
            elif len(heading["level"]) <= level:
                level = 0
            continue
        if level and line.strip():
            sentence.append(line.strip())
        if level and _WAIT_WORD.search(line):
            for found in _NEEDS.finditer(line):
                said.setdefault(found["id"].lower(), []).extend(_NAMES.findall(found["names"]))
    if not said:
        return tuple(items)
    known = {item.id.lower(): item.id for item in items}
    read = []
    for item in items:
        written = said.get(item.id.lower())
        if written and not item.depends_on and not item.external_deps:
            named = tuple(dict.fromkeys(known[n.lower()] for n in written if n.lower() in known))
            if named and item.id not in named:
                item = replace(item, depends_on=named)
        read.append(item)
    return tuple(read)


# Dependency words in a sentence of a table cell (``Requires input from ICLI-018;``,
# ``Depends on TBD-001``, ``after T-3 lands``, ``needs #12``, ``Blocked on T014``): the
# IDs right after them are what the row waits for, when they are rows of the document;
# not where the sentence says the wait is over (``No longer blocked on T013``, ``Was
# blocked on T014, unblocked Monday``).
_PROSE_WAIT = LazyPattern(
    r"(?<!no longer )(?<!not )(?<!was )(?<!were )(?<!never )"
    r"\b(?:depends[ \t]+on|requires(?:[ \t]+input[ \t]+from)?|needs|after|blocked[ \t]+(?:by|on)"
    r"|wait(?:s|ing)?[ \t]+(?:on|for))[ \t]+",
    re.IGNORECASE,
)
_NAME_EDGE = ".,;:()[]`*\"'#"
_JOINERS = frozenset(("and", "&", "/", ",", "or", ""))


# A sentence of a Dependencies section that orders two pieces of work by their names:
# ``**Auto-save** is a prerequisite for version history``, ``**Writer memory** must land
# before memory management UI``: the second waits for the first.
_ORDERED_BY_NAME = LazyPattern(
    r"[ \t]*[-*+][ \t]+\*\*(?P<first>[^*\n]{1,60})\*\*[^\n]{0,60}?"
    r"\b(?:is[ \t]+a[ \t]+prerequisite[ \t]+(?:for|of|to)"
    r"|must[ \t]+(?:land|ship|come|be[ \t]+done|be[ \t]+finished)[ \t]+before)"
    r"[ \t]+(?P<then>[^\n]{1,120})",
    re.IGNORECASE,
)


def with_order_by_name(
    items: Sequence[Item], lines: Sequence[str], text: str | None = None
) -> tuple[Item, ...]:
    """``items``, one with no dependency of its own taking the one a bullet of a
    Dependencies section says must come first, both named by the start of their titles
    (``**Auto-save** is a prerequisite for version history to be meaningful``: ``Version
    History UI`` waits for ``Auto-Save``). A name that starts no title, or more than
    one, names nothing."""
    if not items or not _DEPENDENCIES.search("".join(lines) if text is None else text):
        return tuple(items)
    titles = [(item.title.casefold(), item.id) for item in items]
    waits: dict[str, list[str]] = {}
    level = 0
    for line in lines:
        heading = _HEADING_LEVEL.match(line) if "#" in line[:4] else None
        if heading is not None:
            if "dependenc" in line.lower():
                level = len(heading["level"])
            elif len(heading["level"]) <= level:
                level = 0
            continue
        found = _ORDERED_BY_NAME.match(line) if level and "**" in line else None
        if found is None:
            continue
        first = _titled(found["first"].split(), titles, whole=True)
        then = _titled(found["then"].split(), titles, whole=False)
        if first is not None and then is not None and first != then:
            waits.setdefault(then, []).append(first)
    if not waits:
        return tuple(items)
    return tuple(
        replace(item, depends_on=tuple(dict.fromkeys(waits[item.id])))
        if item.id in waits and not item.depends_on and not item.external_deps
        else item
        for item in items
    )


def _titled(words: list[str], titles: list[tuple[str, str]], whole: bool) -> str | None:
    """The ID of the one item whose title starts with ``words`` (all of them with
    ``whole``, else the most of their first words that start one title alone)."""
    cleaned = [word.strip(_NAME_EDGE + "—–").casefold() for word in words]
    counts = [len(cleaned)] if whole else range(min(len(cleaned), 8), 1, -1)
    for count in counts:
        name = " ".join(cleaned[:count])
        if not name:
            continue
        named = [item_id for title, item_id in titles if title.startswith(name)]
        if len(named) == 1:
            return named[0]
    return None


def named_in_prose(text: str, known: dict[str, str], own: str) -> tuple[str, ...]:
    """The items of the document a sentence says it waits for: the IDs right after a
    dependency word, joined by commas or ``and`` (``after T-3 and T-4 land``). Words
    that are no ID of the document end the list; a sentence naming none names nothing."""
    named: list[str] = []
    for match in _PROSE_WAIT.finditer(text):
        named += _ids_ahead(text[match.end() : match.end() + 200], known, own, _NAME_EDGE, ".;:)")
    return tuple(dict.fromkeys(named))


def _ids_ahead(text: str, known: dict[str, str], own: str, edge: str, ends: str) -> list[str]:
    """The items ``text`` names from its start: each word stripped of ``edge`` that is an
    ID of the document (``known``, by its lower case), joined by commas or ``and``; a word
    that is neither ends the list, and so does a word closing with one of ``ends`` (the
    sentence or the clause ends). ``own``, the item's own ID, is never its own."""
    named: list[str] = []
    for raw in text.split():
        word = raw.strip(edge).lower()
        target = known.get(word)
        if target is None and word not in _JOINERS:
            break
        if target is not None and target != own:
            named.append(target)
        if raw[-1] in ends:
            break
    return named


# A heading over a drawing of the dependencies: ``## Dependency Graph``, ``## Dependencies``,
# ``### Dependency tree``.
_DEPENDENCY_HEADING = LazyPattern(r"#{1,6}[ \t]+.{0,40}?\bdependenc(?:y|ies)\b", re.IGNORECASE)
_FENCE = ("```", "~~~")
_TREE_DRAWING = "│├└─┬┌|+-\\`' \t►→▶>"  # and the arrow a branch may end with: ``└─►``
# Whether a text may draw a tree of dependencies, which the reader reads across items.
TREE_BRANCH = ("└", "├")


def with_dependency_tree(
    items: Sequence[Item], lines: Sequence[str], text: str | None = None
) -> tuple[Item, ...]:
    """``items``, one with no dependency of its own taking the item above it in a tree
    drawn in a code fence under a heading that names the dependencies::

        TICKET-001 (setup) ✅
          └─ TICKET-002 (kernel)
               ├─ TICKET-003 (store)

    (TICKET-002 depends on TICKET-001, TICKET-003 on TICKET-002). Only lines whose first
    word is an item of the document are nodes; a drawing of anything else names nothing."""
    # one search in C, not one per line; ``text``: the lines joined, where a caller has them
    joined = ("".join(lines) if text is None else text) if items else ""
    if not any(branch in joined for branch in TREE_BRANCH):
        return tuple(items)
    known = {item.id.lower(): item.id for item in items}
    parents: dict[str, list[str]] = {}
    for tree in _trees(lines):
        stack: list[tuple[int, str | None]] = []  # (depth, ID) of the open nodes
        for line in tree:
            body = line.lstrip(_TREE_DRAWING)
            if not body.strip():
                continue
            depth = len(line) - len(body)
            while stack and stack[-1][0] >= depth:
                stack.pop()
            words = body.split()
            node = known.get(words[0].strip(_NAME_EDGE).lower())
            if node is None and len(words) > 1:  # a name of two words: ``Story 2 (sync)``
                node = known.get(f"{words[0]} {words[1]}".strip(_NAME_EDGE).lower())
            above = stack[-1][1] if stack else None
            if node is not None and above is not None and above != node:
                parents.setdefault(node, []).append(above)
            stack.append((depth, node))
    return _with_parents(items, parents)


def _with_parents(items: Sequence[Item], parents: dict[str, list[str]]) -> tuple[Item, ...]:
    """``items``, each with no dependency of its own depending on the nodes drawn above it."""
    if not parents:
        return tuple(items)
    found = []
    for item in items:
        named = parents.get(item.id) if not item.depends_on and not item.external_deps else None
        found.append(replace(item, depends_on=tuple(dict.fromkeys(named))) if named else item)
    return tuple(found)


# An arrow drawn between two nodes of a line: ``EPIC-001 (Auth) ──> EPIC-003 (Overview)``,
# ``A --> B``, ``A ──► B``, ``A → B``.
_DRAWN_ARROW = LazyPattern(r"[─-]{1,40}[>►▶]|[→►▶]")
# Whether a text may draw such a line, which the reader reads across items.
DRAWN_ARROWS = ("─>", "->", "─►", "→", "►", "▶")


def with_dependency_chains(
    items: Sequence[Item], lines: Sequence[str], text: str | None = None
) -> tuple[Item, ...]:
    """``items``, one with no dependency of its own taking the node before it on a line
    of arrows drawn in a code fence under a heading that names the dependencies::

        EPIC-001 (Auth) ──> EPIC-003 (Overview) ──> EPIC-004 (Details)

    (EPIC-003 depends on EPIC-001, EPIC-004 on EPIC-003). A node is the first word after
    an arrow, or the line's first, where it is an item of the document; between nodes
    that are not, the chain breaks: a drawing of anything else names nothing."""
    # one search in C, not one per line; ``text``: the lines joined, where a caller has them
    joined = ("".join(lines) if text is None else text) if items else ""
    if not any(arrow in joined for arrow in DRAWN_ARROWS):
        return tuple(items)
    known = {item.id.lower(): item.id for item in items}
    titled = _title_words(items)
    parents: dict[str, list[str]] = {}
    for fence in _trees(lines, branched=False):
        # (after, before) of each arrow between items, a bracket's merge first, top down
        drawn = _merged(fence, known, titled)
        for line in fence:
            parts = _DRAWN_ARROW.split(line)
            if len(parts) < 2:
                drawn.extend(_worded_waits(line, known, titled))
                continue
            nodes = [_drawn_node(part, known, titled) for part in parts]
            for before, after in pairwise(nodes):
                if before is not None and after is not None and before != after:
                    drawn.append((after, before))
        drawn.extend(_drawn_down(fence, known))
        # arrows both ways between two items (``AU-1 ──> AU-2`` and ``AU-2 ──> AU-1 :
        # returns token``) draw a flow of requests and replies, no order of the work
        pairs = set(drawn)
        if any((before, after) in pairs for after, before in drawn):
            continue
        for node, above in drawn:
            parents.setdefault(node, []).append(above)
    return _with_parents(items, parents)


# A node's number in brackets after its name: ``OSMO (#1)``, ``Docs (#6)``.
_NUMBER_NOTE = LazyPattern(r"\(#[ \t]*+(?P<number>[\w.&]++)\)")
# Words between a node and what it waits for, on a line of a drawing with no arrow:
# ``Agentic skills refresh (#10) ── depends on Dev environment (#7) and Sanitization (#8)``.
_DRAWN_WAIT = LazyPattern(r"[─-]{1,40}[ \t]*+depends[ \t]++on[ \t]++", re.IGNORECASE)
_NAME_JOIN = LazyPattern(r",|[ \t]and[ \t]", re.IGNORECASE)


def _title_words(items: Sequence[Item]) -> dict[str, str]:
    """Each word written in one item's title alone (``benchmark`` of ``No-regression
    benchmark (gate)``), to the item's ID: a drawing may name an item by it."""
    owners: dict[str, set[str]] = {}
    for item in items:
        for word in item.title.split():
            owners.setdefault(word.strip(_NAME_EDGE).casefold(), set()).add(item.id)
    return {word: next(iter(ids)) for word, ids in owners.items() if len(ids) == 1 and word}


def _drawn_node(part: str, known: dict[str, str], titled: dict[str, str]) -> str | None:
    """The item a part of a drawn line names: its first word where that is an item's ID,
    else the number in brackets after its name (``OSMO (#1)``), else its name where the
    name is one word, before any note in brackets, that one item's title alone holds
    (``Benchmark``, ``PR-2 (NuRec assets)``)."""
    words = part.strip(_TREE_DRAWING + "┐┤┼┘").split()
    if not words:
        return None
    node = known.get(words[0].strip(_NAME_EDGE).lower())
    if node is not None:
        return node
    number = _NUMBER_NOTE.search(part)
    if number is not None:
        return known.get(number["number"].lower())
    name = part.split("(", 1)[0].strip(_TREE_DRAWING + "┐┤┼┘").split()
    return titled.get(name[0].strip(_NAME_EDGE).casefold()) if len(name) == 1 else None


def _worded_waits(
    line: str, known: dict[str, str], titled: dict[str, str]
) -> list[tuple[str, str]]:
    """(node, what it waits for) of a drawn line that says so in words, each named by its
    number in brackets: ``Refresh (#10) ── depends on Dev environment (#7) and
    Sanitization (#8)`` (10 waits for 7 and 8)."""
    found = _DRAWN_WAIT.search(line) if "depends" in line else None
    if found is None:
        return []
    node = _drawn_node(line[: found.start()], known, titled)
    if node is None:
        return []
    waits = [_drawn_node(name, known, titled) for name in _NAME_JOIN.split(line[found.end() :])]
    return [(node, wait) for wait in waits if wait is not None and wait != node]


# The corners and joints of a bracket drawn to merge lines into one arrow.
_MERGE_TOP = "┐"
_MERGE_JOINS = "┐┤┼┘"
_MERGE_RUN = "┐┤┼┘│"


def _merged(
    fence: Sequence[str], known: dict[str, str], titled: dict[str, str]
) -> list[tuple[str, str]]:
    """(node, each node it waits for) of a bracket drawn to merge lines into one arrow:
    the nodes whose lines join the bracket (``┐``, ``┤``, ``┼``, ``┘``) come before the
    node its arrow points to (``──┼──► Benchmark``)::

        OSMO (#1) ──────┐
        Skills (#4) ────┼──► Benchmark
        Auto-OMap (#5) ─┘
    """
    found: list[tuple[str, str]] = []
    for at, line in enumerate(fence):
        column = line.rfind(_MERGE_TOP)
        if column < 0 or (at and column < len(fence[at - 1]) and fence[at - 1][column] in "│┤┼"):
            continue
        sources: list[str] = []
        targets: list[str] = []
        for row in fence[at:]:
            mark = row[column] if column < len(row) else " "
            if mark not in _MERGE_RUN:
                break
            if mark in _MERGE_JOINS:
                before = _DRAWN_ARROW.split(row[:column])[-1]
                source = _drawn_node(before, known, titled)
                if source is not None:
                    sources.append(source)
            after = _DRAWN_ARROW.split(row[column + 1 :])
            if len(after) > 1:
                target = _drawn_node(after[1], known, titled)
                if target is not None:
                    targets.append(target)
            if mark == "┘":
                break
        found.extend(
            (target, source) for target in targets for source in sources if source != target
        )
    return found


# A line drawn down from a node to the one under it: ``│`` then ``↓`` (or ``▼``).
_DOWN = "│↓▼"
_DOWN_ARROWS = "↓▼"


def _drawn_down(fence: Sequence[str], known: dict[str, str]) -> list[tuple[str, str]]:
    """(node, the node above it) for each node of a drawing an arrow points down to: a
    ``↓`` right above the node's name, under a ``│`` or more, under the name of the node
    it comes from (``EPIC-007 (CRUD)`` over ``│``, ``↓``, ``EPIC-009 (Polish)``)."""
    found = []
    for at, line in enumerate(fence):
        if at == 0:
            continue
        for word in _NODE_WORD.finditer(line):
            node = known.get(word[0].strip(_NAME_EDGE).lower())
            if node is None:
                continue
            column = _arrow_above(fence[at - 1], word.start(), word.end())
            if column is None:
                continue
            row = at - 1
            while row > 0 and column < len(fence[row - 1]) and fence[row - 1][column] in _DOWN:
                row -= 1
            if row == 0 or column >= len(fence[row - 1]):
                continue
            above = _node_at(fence[row - 1], column, known)
            if above is not None and above != node:
                found.append((node, above))
    return found


# A word of a drawing that may name a node: ``EPIC-009``.
_NODE_WORD = LazyPattern(r"[^\s│├└─┬┌┐┘┤┼↓▼►→▶<>]+")


def _arrow_above(line: str, start: int, end: int) -> int | None:
    """The column of a down arrow over a node's name (its columns ``start``..``end`` and a
    few after, where the drawing centres it), else None."""
    for column in range(start, min(end + 12, len(line))):
        if line[column] in _DOWN_ARROWS:
            return column
    return None


def _node_at(line: str, column: int, known: dict[str, str]) -> str | None:
    """The node whose name or note in brackets covers ``column`` of ``line``: the last
    node named at or before it on the line."""
    named = None
    for word in _NODE_WORD.finditer(line):
        if word.start() > column:
            break
        named = known.get(word[0].strip(_NAME_EDGE).lower()) or named
    return named


def _trees(lines: Sequence[str], branched: bool = True) -> list[list[str]]:
    """The code fences under a heading that names the dependencies, each its lines; with
    ``branched``, only those that draw a tree's branches (``└``, ``├``)."""
    trees: list[list[str]] = []
    under = 0  # the level of the heading that names the dependencies the line is under
    fence: list[str] | None = None
    in_fence = False
    for line in lines:
        stripped = line.strip()
        if in_fence:
            if stripped.startswith(_FENCE):
                if fence is not None and (
                    not branched or any(b in text for text in fence for b in TREE_BRANCH)
                ):
                    trees.append(fence)
                in_fence, fence = False, None
            elif fence is not None:
                fence.append(line.rstrip("\r\n"))
        elif stripped.startswith(_FENCE):
            in_fence, fence = True, ([] if under else None)
        elif line.startswith("#"):
            # a heading below one that names the dependencies is a part of that section
            # (``## Dependencies & Execution Order`` over ``### Parallel Opportunities``)
            level = len(line) - len(line.lstrip("#"))
            if _DEPENDENCY_HEADING.match(line) is not None:
                under = level if not under or level <= under else under
            elif under and level <= under:
                under = 0
    return trees


# A line of a fence that lists the plan's tasks by their IDs and says what one waits for,
# as a spec-kit plan's example of running its tasks writes it: ``T010: FastAPI app init
# (depends on T007, T008, T009)``.
_FENCED_WAIT = LazyPattern(
    r"[ \t]*+(?P<id>[A-Za-z][\w.-]{0,30}?):?[ \t][^(\n]{0,200}\((?:depends[ \t]+on|needs)"
    r"[ \t]+(?P<deps>[A-Za-z][\w.-]{0,30}(?:[ \t]*+,[ \t]*+[A-Za-z][\w.-]{0,30}){0,20})\)",
    re.IGNORECASE,
)


def with_fenced_waits(items: Sequence[Item], lines: Sequence[str]) -> tuple[Item, ...]:
    """``items``, one with no dependency of its own taking those a line of a code fence
    says it depends on, where the line opens with its ID and every name it gives is an
    item of the document (``T010: FastAPI app init (depends on T007, T008, T009)``): a
    fence of anything else, or one naming what the plan does not hold, names nothing."""
    known = {item.id.lower(): item.id for item in items}
    parents: dict[str, list[str]] = {}
    fenced = False
    for line in lines:
        if line.lstrip().startswith(_FENCE):
            fenced = not fenced
            continue
        if not fenced or "(" not in line:
            continue
        found = _FENCED_WAIT.match(line)
        node = known.get(found["id"].lower()) if found is not None else None
        if found is None or node is None:
            continue
        named = [known.get(name.strip().lower()) for name in found["deps"].split(",")]
        if all(name is not None and name != node for name in named):
            parents.setdefault(node, []).extend(name for name in named if name is not None)
    return _with_parents(items, parents)


def with_phases_named(items: Sequence[Item]) -> tuple[Item, ...]:
    """``items``, a dependency that names a phase by its letters alone (``**Depends on**:
    I-03, I-04`` in a plan of ``### Phase I-03: Title`` headings) read as that phase,
    where the document has no item of that name itself."""
    phases = {
        item.id[6:].lower(): item.id for item in items if item.id.startswith(("Phase ", "PHASE "))
    }
    if not phases:
        return tuple(items)
    known = {item.id.lower() for item in items}
    found = []
    for item in items:
        named = tuple(
            phases.get(name.lower(), name) if name.lower() not in known else name
            for name in item.depends_on
        )
        found.append(replace(item, depends_on=named) if named != item.depends_on else item)
    return tuple(found)


# A group of tasks named with its IDs in a Dependencies section: ``US2 (T026, T027)``.
_GROUP = LazyPattern(
    r"(?<![\w-])[A-Za-z]{1,8}[0-9]{1,3}[ \t]*\((?P<ids>[A-Za-z]{1,8}-?[0-9]{1,6}"
    r"(?:,[ \t]*[A-Za-z]{1,8}-?[0-9]{1,6}){0,40})\)"
)
# The words that say the groups before them wait for the groups after them.
_GROUP_WAIT = LazyPattern(
    r"\b(?:extends?|builds?[ \t]+on|depends?[ \t]+on|needs?|requires?|follows?|after)\b",
    re.I,
)
_CLAUSE_END = LazyPattern(r";|\.(?:[ \t]|$)")


def group_needs(sentence: str) -> dict[str, list[str]]:
    """The tasks each task waits for where a sentence names groups of tasks with their
    IDs (``US2 (T026, T027) and US3 (T032) extend files created by US1 (T011, T013)``):
    each task of a group before the word of waiting waits for every task of the groups
    after it, in the same clause."""
    said: dict[str, list[str]] = {}
    for clause in _CLAUSE_END.split(sentence):
        groups = list(_GROUP.finditer(clause))
        wait = _GROUP_WAIT.search(clause) if len(groups) > 1 else None
        if wait is None:
            continue
        before = [_NAMES.findall(g["ids"]) for g in groups if g.end() <= wait.start()]
        after = [_NAMES.findall(g["ids"]) for g in groups if g.start() >= wait.end()]
        targets = [name for names in after for name in names]
        for names in before:
            for name in names:
                said.setdefault(name.lower(), []).extend(targets)
    return said


# A closing line that orders the plan's numbered items: ``**Sequencing:** 1 → (2 ∥ 3) → 4``;
# three steps or more, each one number or several joined in brackets.
_CHAIN = LazyPattern(r"[(]?[0-9][0-9() \t∥|+&,]*+(?:→[ \t]*+[(]?[0-9][0-9() \t∥|+&,]*+){2,}")
_LABEL_THEN_CHAIN = LazyPattern(
    r"[ \t]{0,3}(?:[-*+][ \t]+)?(?:\*\*|__)?[A-Za-z][A-Za-z \t]{0,30}:(?:\*\*|__)?[ \t]*"
)
# A note that the item waits for every other one: ``Last; depends on everything.``
_ON_EVERYTHING = LazyPattern(
    r"\bdepends[ \t]+on[ \t]+(?:everything|all[ \t]+(?:the[ \t]+)?others?|all[ \t]+(?:the[ \t]+)?"
    r"(?:other|previous|prior)[ \t]+(?:items|epics|phases|tasks|milestones))\b",
    re.IGNORECASE,
)


def reads_plan_wide(text: str) -> bool:
    """Whether ``text`` orders its items in one line or makes one wait for all the others:
    every item's dependencies may hang on any other's, so the incremental reader reads all."""
    return ("→" in text and bool(_chains(text.splitlines()))) or (
        _ON_EVERYTHING.search(text) is not None
    )


def with_everything_before(items: Sequence[Item], lines: Sequence[str]) -> tuple[Item, ...]:
    """``items``, one that writes no dependency but a note that it waits for all the others
    (``Last; depends on everything.``) depending on every other item of the plan."""
    found = []
    for item in items:
        if not item.depends_on and not item.external_deps:
            body = lines[item.position.line : item.end_line]
            if any("depend" in line.lower() and _ON_EVERYTHING.search(line) for line in body):
                others = tuple(other.id for other in items if other.id != item.id)
                item = replace(item, depends_on=tuple(dict.fromkeys(others)))
        found.append(item)
    return tuple(found)


def with_sequencing(items: Sequence[Item], lines: Sequence[str]) -> tuple[Item, ...]:
    """``items``, those that write no dependency of their own depending on the step before
    theirs in a line that orders the plan's numbered items (``**Sequencing:** 1 → (2 ∥ 3)
    → 4``: Epics 2 and 3 after Epic 1), where every number of the line names one item."""
    steps = _sequence(items, lines)
    if not steps:
        return tuple(items)
    before: dict[str, tuple[str, ...]] = {}
    for earlier, step in pairwise(steps):
        for name in step:
            before.setdefault(name, earlier)
    found = []
    for item in items:
        if item.id in before and not item.depends_on and not item.external_deps:
            item = replace(item, depends_on=before[item.id])
        found.append(item)
    return tuple(found)


def _sequence(items: Sequence[Item], lines: Sequence[str]) -> list[tuple[str, ...]]:
    """The steps of the one line of the document that orders its numbered items, each the
    IDs of its items; none without exactly one such line or where a number names none."""
    numbered: dict[str, str] = {}
    for item in items:
        word, _, number = item.id.rpartition(" ")
        if number.isdigit() and (not word or word.isalpha()):
            numbered.setdefault(number.lstrip("0") or "0", item.id)
    if len(numbered) < 3:
        return []
    chains = _chains(lines)
    if len(chains) != 1:
        return []
    steps = []
    for step in chains[0].split("→"):
        numbers = [part.lstrip("0") or "0" for part in _UNIT_NUMBER.findall(step)]
        if not numbers or any(number not in numbered for number in numbers):
            return []
        steps.append(tuple(numbered[number] for number in numbers))
    return steps


def _chains(lines: Sequence[str]) -> list[str]:
    """The chains of numbers the labelled lines of ``lines`` write (``**Sequencing:** 1 →
    (2 ∥ 3) → 4``), matched where the label ends: one try a line keeps it linear."""
    chains = []
    for line in lines:
        if "→" in line and (label := _LABEL_THEN_CHAIN.match(line)) is not None:
            chain = _CHAIN.match(line, label.end())
            if chain is not None:
                chains.append(chain[0])
    return chains
