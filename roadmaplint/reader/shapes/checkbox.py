"""Items as checkboxes: ``- [ ] ID Title``, ``- [x] T012 [P] Title`` (spec-kit).

The box is the status: ``[ ]`` (written as such: not done, no claim that the work
is free to start), ``[x]`` done, or the words a Status Legend gives them; the other markers
(``[-] [~] [/] [?] [!]``) where the document has a marker legend, whose
words then name the statuses, or as written where a few of them stand among the boxes.
Inline ``(depends on: A, B)``, ``blocked by A``, ``@owner``, ``(P1)`` or ``priority: P1``
are fields; nested boxes are the
Definition of Done; a priority-group heading above (``### P0 — Correctness``)
gives the priority. Items without an ID get a reference made from the title.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import islice

from roadmaplint.model import Block, DoneCriterion, Field, Item, Position, Roadmap
from roadmaplint.reader import shapes
from roadmaplint.reader.dialect import (
    DEPENDS_ON,
    WORK_KEYS,
    Dialect,
    field_names,
    normalize_key,
    patterns,
)
from roadmaplint.reader.fields import field_start, heading_status
from roadmaplint.reader.generated import holds_tasks
from roadmaplint.reader.legends import leading_marks
from roadmaplint.reader.shapes import Document, ShapeRead, line_of
from roadmaplint.reader.shapes.common import (
    Taken,
    edge_stripped,
    group_of_bold_bullets,
    leads_with_priority,
    make_item,
    names_a_backlog,
    names_a_changelog,
    priority_of_sections,
    reference_from_title,
    status_headings,
    status_of_section,
    status_of_sections,
)
from roadmaplint.reader.shapes.marked import marked_list, read_marked
from roadmaplint.reader.shapes.numbered import read_bold_numbered, read_numbered
from roadmaplint.reader.shapes.paragraphs import labelled_box, read_paragraph_item
from roadmaplint.record import record, replace
from roadmaplint.settings import common_meaning, status_meaning
from roadmaplint.text import LazyPattern

# ``- []`` (no space) is an open box too, as people write it by hand; Kiro marks an
# optional task with a star after the box (``- [ ]* 2.2 Write the tests``). A box may hold
# an emoji, as a shortcode or with its presentation selector (``[:sparkles:]``, ``[✔️]``).
BOX = LazyPattern(
    r"(?P<lead>[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)"
    r"\[(?P<mark>[^\]]?|:[a-z][a-z0-9_+-]{0,30}:|[^\x00-\x7f]\ufe0f| [xXvV] )\]\*?(?=[ \t]|$)[ \t]*"
)
# An open box says the work is not done, never that it is free to start: its status is
# the box as written (the common spellings read ``[ ]`` as not started), so RL306 finds
# no claim in it. A Status Legend of words gives both boxes its own words (box_words).
OPEN_BOX = "[ ]"
KIRO_IN_PROGRESS = "in progress"  # Kiro's ``[-]`` on a numbered task, where it is no cancel
# (a mark written between blanks, ``[ x ]``, ``[ V ]``, the check a hand writes: done too)
STATUS_OF_BOX = {
    " ": OPEN_BOX,
    "": OPEN_BOX,
    "x": "done",
    "X": "done",
    **dict.fromkeys((" x ", " X ", " v ", " V "), "done"),
}
# A check mark written in the box for its ``x``: ``- [✔️] docs: local npm install``.
CHECKED_MARKS = dict.fromkeys(
    (
        "✓",
        "✔",
        "✔️",
        "✅",
        "☑",
        "☑️",
        ":heavy_check_mark:",
        ":white_check_mark:",
        ":ballot_box_with_check:",
    ),
    "done",
)
CONVENTIONAL_MARKS = frozenset("/~->?!")  # their meanings: settings.common_meaning
# A marker a legend explains: `` `[~]` Review ``, or on one line with an equals sign and no
# code span (``Status: [ ] = pending, [x] = complete, [!] = blocked``).
LEGEND_MARKER = LazyPattern(
    r"(?:`\[(?P<mark>[-~/?!>])\]`:?|\[(?P<bare>[-~/?!>])\][ \t]*=)[ \t]*+(?P<label>[^(\n`·|,;]+)"
)
# An ID in brackets that opens a bold title: ``**[DL-001] Connection Pooling**: ...``.
_BOLD_BRACKETED_ID = LazyPattern(r"[ \t]*\*\*\[(?P<id>[^\]\s]{1,30})\][ \t]+(?=[^*\s])")
_TAGS = LazyPattern(r"(?:\[[A-Za-z0-9?]{1,10}\][ \t]*)+")
_DEPENDS = LazyPattern(
    # a note in parentheses may stand in the list: (depends on: A-1 (partly), A-2)
    # (possessive: the blanks after the word are never split between the two runs and
    # the list, which made "(depends on" before a long run of tabs cubic)
    r"\((?:depends(?: on)?|deps|after|blocked by)[ \t]*+:?[ \t]*+"
    r"(?P<deps>(?:[^()]|\([^()]*+\))*+)\)|"
    r"\bblocked by[ \t]+(?P<blocked>#?[A-Za-z0-9][\w.-]*(?:[ \t]*,[ \t]*#?[A-Za-z0-9][\w.-]*)*)",
    re.IGNORECASE,
)
# What a box waits for, after the Japanese or Chinese word for it and a colon, up to a note
# in brackets or the end: ``テスト 依存: io-safety, schedule-model （予定: 2025-11-13）``.
_CJK_DEPENDS = LazyPattern(
    r"(?<![ \t])[ \t]++(?:依存|依赖|前提)[ \t]*+[:：][ \t]*+"
    r"(?P<deps>[^\s（()：:][^（()\n]{0,300})"
)
# The notes in full-width brackets, each a label and a colon, that close a box and what
# follows them (``Lint/Format/型設定 （予定: 2025-11-08） （実績: 2025-11-08）``, a planned
# and an actual day): dates and remarks about the work, no part of its name. The first
# note dates the work or names its commit (``（commit: `90bd1b7`）``): a note that says
# which of two like boxes this is (``ドキュメント（README: 英語版）``) names it.
_WIDE_NOTES = LazyPattern(
    r"(?<![ \t])[ \t]*+（[^（）:：\d\n]{1,12}[:：][ \t]*+"
    r"(?:[0-9]{4}[-/.年][0-9]{1,2}|[0-9]{1,2}[/月][0-9]{1,2}|`?[0-9a-f]{7,40}(?![\w]))"
    r"[^（）\n]{0,200}）[^\n]*$"
)
_OWNER = LazyPattern(r"(?<![\w/])@(?P<owner>[A-Za-z0-9][\w.-]*)(?![\w/@])")
# An owner noted in brackets: ``- API-1: Login (owner: ana)``, ``(assignee: TBD)``.
OWNER_NOTE = LazyPattern(
    # (tried from the first blank of a run only: from each, a run of tabs was quadratic)
    r"(?<![ \t])[ \t]*+\((?:owner|assignee|assigned[ \t]++to|dri)[ \t]*+:[ \t]*+"
    r"(?P<owner>[A-Za-z0-9][\w.-]{0,39})[ \t]*+\)",
    re.IGNORECASE,
)
# An owner in brackets opening a box, other fields after a bar or a comma: ``(Owner: QA |
# Due: 2024-02-29) Title``, ``(owner: core+trpc) Title``.
_OWNER_OPENING = LazyPattern(
    r"\((?:owner|assignee|assigned[ \t]++to|dri)[ \t]*+:[ \t]*+"
    r"(?P<owner>[A-Za-z0-9][\w.+& -]{0,39}?)[ \t]*+(?:[|,;][^()\n]{0,200})?\)[ \t]++(?=\S)",
    re.IGNORECASE,
)
# A pointer after a box's sentence to where the work is written down, a mark then words
# then a link (an italic remark in brackets may stand before it): ``Title. ↗️ See [Dev Plan
# — Backend](devplan.md#backend)``, ``Title. ✅ Decision logged in [PRD](prd.md).``
_POINTER_AFTER_SENTENCE = LazyPattern(
    r"(?<=[.!?])[ \t]++(?:\*\([^()\n]{0,400}\)\*[ \t]++)?[^\w\s\[\]()`*_~#|<>.,;:!?'\"-]{1,3}"
    r"[ \t]*+[A-Za-z][^\[\]\n]{0,60}?\[[^\]\n]{1,200}\]\([^()\n]{0,400}\)[^\n]*$"
)
_PRIORITY = LazyPattern(
    # ``(P1)``; ``[P1]`` where it is no link's text; ``priority: high``
    r"\((?P<p1>P[0-4])\)|\[(?P<p3>P[0-4])\](?![(\[])"
    r"|\bpriority:[ \t]*(?P<p2>P[0-4]|high|medium|low)\b",
    re.I,
)
# A priority that ends a box after a dash: ``**Loop Memory** ✅ - P2``, ``Title — P1``.
_TRAILING_PRIORITY = LazyPattern(r"(?<![ \t])[ \t]+[-—–][ \t]*(?P<p>P[0-4](?:\.[0-9])?)[ \t]*$")
# The day a box was done, after its name: ``Add the docs site (2026-02-07)``, ``Ship it.
# (Completed: 2026-02-20)``.
# An agent's queue writes the hour too, or the day the work started: ``Create the agent
# file (2025-11-28 15:45)``, ``**Finish the migration** (Started: 2025-12-03)``.
# The hour may name its zone, and a note may follow after a dash (``(2025-11-21 15:10 UTC) -
# Created the guide``: an agent's log of finished work); a kanban file writes the day
# after a bar, the month by its name: ``- [x] Fix the menu | Jul 17 2025``; a kanban
# extension's TODO.md the bare day after a word: ``- [x] Auto focus on New Task 2020-03-18``.
_DONE_ON = LazyPattern(
    r"(?<![ \t])[ \t]+\((?:(?:done|completed|finished|started)(?:[ \t]*+:)?[ \t]*+)?"
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[ \t]++[0-9]{1,2}:[0-9]{2}(?:[ \t]++(?:UTC|GMT))?)?\)"
    r"(?:[ \t]*|[ \t]++-[ \t]++[^\n]*)$"
    r"|(?<=[a-z])[ \t]+[0-9]{4}-[0-9]{2}-[0-9]{2}[ \t]*$"
    r"|(?<![ \t])[ \t]+\|[ \t]++(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}"
    r"[ \t]++[0-9]{1,2},?[ \t]++[0-9]{4}[ \t]*$",
    re.I,
)
# A dependency the note after a box's day names: ``(2025-11-21) - depends on BX-1``.
_NOTED_DEPENDS = LazyPattern(
    r"(?<=\))[ \t]++-[ \t]++(?:depends[ \t]++on|blocked[ \t]++by)[ \t]*+:?[ \t]*+"
    r"(?P<deps>#?[A-Za-z0-9][\w.-]*+(?:[ \t]*+,[ \t]*+#?[A-Za-z0-9][\w.-]*+)*+)[ \t.]*+$",
    re.IGNORECASE,
)
# An ID in brackets before the title, as an agent's queue writes it: ``[TASK-002] Title``.
_BRACKETED_ID = LazyPattern(r"\[(?P<id>[^\]\s]{1,30})\][ \t]++(?=\S)")
# A task registry's line of ``KEY=value`` fields, the ID first and the title quoted in its
# description: ``ID=T0001 STATUS=DONE TYPE=test VERIFY="pytest -q" DESC="Add a guard"``.
_REGISTRY_ID = LazyPattern(r"ID=(?P<id>[^\s\"=]{1,40})[ \t]")
_REGISTRY_TITLE = LazyPattern(r"(?<![^ \t])DESC=\"(?P<title>[^\"\n]{1,500})\"")
# An agent board's claim on a box: ``— locked by **Agent-Test** at 2026-02-08 09:27``.
_CLAIMED = LazyPattern(r"\b(?:locked|claimed) by \*\*(?P<owner>[^*\s][^*]*?)\*\*")
_TRAILING_ID = LazyPattern(r"(?<![ \t])[ \t]+#(?P<id>[A-Za-z][A-Za-z0-9_.-]*[0-9])[ \t]*$")
_SEPARATOR = LazyPattern(r"[ \t]*+(?:[:—–·]|-(?=[ \t]))?[ \t]*+")
# A reference in brackets that opens an entry: ``[#todo-gsjz] Add a licence`` (a
# generated TODO names each entry by its issue, ``#`` the reference mark).
_HASH_REFERENCE = LazyPattern(r"\[#(?P<id>[A-Za-z0-9][A-Za-z0-9_.-]{0,40})\][ \t]*+")
# A link whose words begin with a number (``[#0015 Vault Config File](./0015.md)``): an
# RFC list's or an issue list's entry, the number its ID and the link's other words its title.
_LINKED_NUMBER = LazyPattern(r"\[#(?P<id>[0-9]{1,6})[ \t]++(?=[^\s\]])")
# The metadata a generated entry ends with, in emphasis after a dash: ``Title - *task, P0
# #critical*``, ``Title - *closed 2025-12-23*``; it holds a priority, a tag or a day.
# (it starts only where a run of blanks starts, and takes the run whole: a search over a
# long run of blanks is then linear)
_EMPHASISED_TAIL = LazyPattern(
    r"(?<![ \t])[ \t]++[-—–][ \t]++(?P<em>[*_])(?P<meta>[^*_\n]{1,120})(?P=em)[ \t]*+$"
)
_TAIL_META = LazyPattern(r"\bP[0-4]\b|(?<!\S)#[A-Za-z]|\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b")
_TAIL_PRIORITY = LazyPattern(r"\bP[0-4]\b")
# Fields written after an entry's name, ``key: value`` parts split by semicolons:
# ``Title — Owner: Frontend Lead; Effort: medium; Updated: 2025-10-24``.
_DESCRIBED_FIELD = LazyPattern(
    r"(?<![ \t])[ \t]*+(?P<key>[A-Za-z][A-Za-z ]{0,20}):[ \t]*+(?P<value>[^;]*+)"
)
_DESCRIBED_KEYS = ("dri", "priority", DEPENDS_ON)
# What parts an entry's fields after its name: a semicolon, or a double dash between blanks
# (``**Title** -- Agent: codex -- Branch: `codex/x```).
_FIELD_BREAK = LazyPattern(r";|[ \t]--[ \t]")
# The full stop after a name that a sentence follows: ``dennis + claude. Created ...``.
_NAME_THEN_SENTENCE = LazyPattern(r"\.[ \t]+(?=[A-Z])")
# An ``Owner:`` line naming who does the work, each name in bold before what it stands
# for (``Owner: **you** = needs your account ... **Claude** = code and docs.``), and a box
# led by one of those names (``**you** Buy ...``, ``Claude: deploy ...``, ``**you** +
# Claude: DM ...``): the name is the box's owner, no part of its title.
_OWNER_LEGEND = LazyPattern(r"[ \t>]*(?:\*\*|_)?owners?(?:\*\*|_)?[ \t]*:(?:\*\*)?[ \t]+\*\*", re.I)
_LEGEND_NAME = LazyPattern(r"\*\*(?P<name>[^*\s][^*\n]{0,29}?)\*\*[ \t]*(?:=|\(|:|[—–][ \t])")
_OWNER_LEAD = LazyPattern(
    r"(?:\*\*(?P<a>[^*\s][^*\n]{0,29}?)\*\*:?|(?P<b>[A-Za-z][\w.-]{0,29}):)"
    r"(?:[ \t]+\+[ \t]+(?:\*\*(?P<c>[^*\s][^*\n]{0,29}?)\*\*|(?P<d>[A-Za-z][\w.-]{0,29})):?)?"
    r"[ \t]+(?=\S)"
)
# a due day after the owner (``**you** Sep 8: register the team``): when, not what
_DUE_DAY = LazyPattern(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?[ \t]+[0-9]{1,2}"
    r"(?:[ \t]*[-–][ \t]*[0-9]{1,2})?:[ \t]+(?=\S)",
    re.I,
)


@record
class Line:
    item_id: str | None
    title: str
    status_mark: str
    depends: str | None
    owner: str | None
    priority: str | None


def marker_legend(lines: list[str]) -> dict[str, str]:
    """Markers beyond ``[ ]`` and ``[x]`` the document explains (`` `[~]` Review ``)."""
    found: dict[str, str] = {}
    for line in lines:
        if "[" not in line or BOX.match(line):
            continue
        for match in LEGEND_MARKER.finditer(line):
            label = " ".join(match["label"].split()).strip(" -—:")
            # the meaning ends with its sentence: ``[~]` partly done. Items were re-checked``
            label = _NAME_THEN_SENTENCE.split(label, maxsplit=1)[0].strip(" .")
            if label:
                found.setdefault(match["mark"] or match["bare"], "_".join(label.lower().split()))
    return found


def holds_boxed_items(lines: list[str], first: int, last: int, id_pattern: str) -> bool:
    """Whether lines ``first``..``last`` (1-based) hold a top-level checkbox list whose
    boxes mostly begin with an ID (``- [ ] T001 Title``): the items are the boxes, and a
    heading above them (``## Phase 1: Setup``) is their section, not an item."""
    id_only = patterns(id_pattern).id_only
    boxes = with_ids = 0
    for line in lines[first - 1 : last]:
        match = BOX.match(line)
        if match is None or match["lead"][:1] in (" ", "\t"):
            continue
        boxes += 1
        words = line[match.end() :].split(None, 1)
        word = words[0].strip("*`#").rstrip(":.") if words else ""
        with_ids += bool(words) and (
            bool(id_only.fullmatch(word) or _INSERTED.fullmatch(word))
            or _NUMBERED_TASK.fullmatch(words[0]) is not None
            or work_box(line[match.end() :]) is not None
        )
    return with_ids > 0 and 2 * with_ids >= boxes


# An ID whose number is zero-padded: ``TASK001``, ``BUG042``.
_PADDED_ID = LazyPattern(r"[A-Z]{2,10}0[0-9]{2,5}")


def parse_line(
    text: str, document: Document, leading_ids: bool = True, phases: bool = True
) -> Line:
    """The parts of a checkbox item's text (after its box).

    The title is the item's name only: a bold lead (``**Title** - description``) or
    what stands before a dash (``Title — description``); the description after it
    is prose, so an ``@name`` there is not the owner. Trailing metadata tokens
    (``#tag``, ``~30m``, ``risk:low``, ``!high``) are not part of the title either.
    ``leading_ids`` False: a first word like an ID is the title's (``AVX-512 detection``).
    ``phases`` False: a ``Phase N:`` lead is the title's, the phase the box's work is of.
    """
    phase = phase_box(text) if phases else None
    if phase is not None:
        # ``**Phase 3: Title** -- Agent: codex``: the fields after the phase's name are its
        given = _described_fields(text, phase[1], document)
        owner, priority = given.get("dri"), given.get("priority")
        return Line(phase[0], phase[1], "", given.get(DEPENDS_ON), owner, priority)
    if todo_txt(document):
        return _todo_txt_line(text, document)
    led_by = None
    if (lead := _owner_lead(text, document)) is not None:
        led_by, text = lead
    elif text[:1] == "(" and (opening := _OWNER_OPENING.match(text)) is not None:
        led_by, text = opening["owner"].strip(), text[opening.end() :]
    pointer = _POINTER_AFTER_SENTENCE.search(text) if "](" in text else None
    if pointer is not None:
        text = text[: pointer.start()]  # the sentence names the work, the link where it is
    id_only = patterns(document.dialect.id_pattern).id_only
    item_id = None
    tail_priority = None
    tail = _EMPHASISED_TAIL.search(text)
    if tail is not None and _TAIL_META.search(tail["meta"]):
        found_priority = _TAIL_PRIORITY.search(tail["meta"])
        tail_priority = found_priority[0] if found_priority else None
        text = text[: tail.start()]
    # an ID its line names as one (``ID=T0001``, ``[TASK-002]``) is one in any list
    registry = _registry_entry(text, id_only)
    if registry is not None:
        return Line(registry[0], document.inline(registry[1]), "", None, None, None)
    trailing = _TRAILING_ID.search(text)
    reference = _HASH_REFERENCE.match(text) if leading_ids else None
    linked = _LINKED_NUMBER.match(text) if leading_ids and reference is None else None
    if reference is not None:
        item_id, text = reference["id"], text[reference.end() :]
    elif linked is not None:
        item_id, text = linked["id"], "[" + text[linked.end() :]
    elif trailing and id_only.fullmatch(trailing["id"]):
        item_id, text = trailing["id"], text[: trailing.start()]
    else:
        first = text.split(None, 1)
        word = _bare_word(first[0]) if first else ""
        bold = _BOLD_BRACKETED_ID.match(text)
        bracketed = _BRACKETED_ID.match(text)
        work = work_box(text) if leading_ids else None
        if (
            bracketed is not None
            and id_only.fullmatch(bracketed["id"])
            and ("-" in bracketed["id"] or _PADDED_ID.fullmatch(bracketed["id"]) is not None)
        ):
            # ``[TASK-002] Title``, ``[TASK001] Title`` (a registry's zero-padded number; a
            # tag in brackets, ``[P1]``, ``[M0]``, names no item)
            item_id, text = bracketed["id"], text[bracketed.end() :]
        elif work is not None:
            item_id, text = work  # ``Task 1.1: Initialize``: the numbered unit, then its name
        elif leading_ids and bold is not None and id_only.fullmatch(bold["id"]):
            # ``**[DL-001] Title**: description``: the ID, then the bold title goes on
            item_id, text = bold["id"], "**" + text[bold.end() :]
        elif (
            leading_ids
            and word
            and _is_leading_id(first[0], id_only)
            and not _named_in_bold(first[0], word, id_only)
        ):
            item_id = word
            text = text[text.index(first[0]) + len(first[0]) :]
            text = _TAGS.sub("", text.lstrip(), count=1) if text.lstrip().startswith("[") else text
            text = text[_SEPARATOR.match(text).end() :]  # type: ignore[union-attr]
            if _opens_bold(first[0]):
                text = "**" + text  # ``**T-001 Set up** — notes``: the bold title goes on
    depends = priority = None
    notes = _WIDE_NOTES.search(text)
    if notes is not None and text[: notes.start()].strip():
        text = text[: notes.start()]
    found = _DEPENDS.search(text)
    if found:
        depends = (found["deps"] or found["blocked"] or "").replace("#", "")
        text = text[: found.start()] + text[found.end() :]
    waits = None if found else _CJK_DEPENDS.search(text)
    if waits is not None and text[: waits.start()].strip():
        depends = waits["deps"].rstrip()
        text = text[: waits.start()] + text[waits.end() :]
    text, tokens = _without_metadata(text)
    for token in tokens:
        if token.lower().startswith("blocked-by:") and depends is None:
            depends = token.split(":", 1)[1].replace("#", "")
        elif token.startswith("!") and token[1:].lower() in _BANG_PRIORITIES:
            priority = priority or token[1:].lower()
    dated = _DONE_ON.search(_title_part(text))
    noted = _NOTED_DEPENDS.search(dated[0]) if dated is not None and depends is None else None
    if noted is not None:
        # ``(2025-11-21) - depends on BX-1``: the note after the day names what it waits on
        depends = noted["deps"].replace("#", "")
    title_part = _DONE_ON.sub("", _title_part(text))
    note = _CLOSING_NOTE.search(title_part)
    if note is not None and title_part[: note.start()].strip():
        title_part = title_part[: note.start()]  # ``Title (`6bde213`).``
    owner = next((token[1:] for token in reversed(tokens) if token.startswith("@")), None)
    if led_by is not None:
        # the box names its owner first; a mention in its words (``follow @team``) is what
        # the work is about, and stays in the title
        mentions = [token for token in tokens if token.startswith("@")]
        title_part = " ".join([title_part, *mentions])
        owner = led_by
    claimed = None if owner else _CLAIMED.search(text)
    owner = claimed["owner"] if claimed else owner
    found = None if owner else _OWNER.search(title_part)
    if found and title_part[: found.start()].strip() and not _only_tags(title_part[found.end() :]):
        found = None  # what the title is about (``Add @mentions to the spec``), no owner
    if found:
        owner = found["owner"]
        title_part = title_part[: found.start()] + title_part[found.end() :]
    noted = None if owner else OWNER_NOTE.search(title_part)
    if noted is not None and title_part[: noted.start()].strip():
        owner = noted["owner"]  # ``Login (owner: ana)``: the owner, no part of the title
        title_part = title_part[: noted.start()] + title_part[noted.end() :]
    trailing_priority = _TRAILING_PRIORITY.search(text)
    if trailing_priority and not priority:
        priority = trailing_priority["p"].upper()
        title_part = title_part.removesuffix(trailing_priority[0])
    found = _PRIORITY.search(title_part)
    if found:
        code = found["p1"] or found["p2"] or found["p3"]
        priority = code.upper() if code else None
        title_part = title_part[: found.start()] + title_part[found.end() :]
    described = _described_fields(text, title_part, document)
    remark = _REMARK_AFTER_SENTENCE.search(title_part)
    if remark is not None:
        title_part = title_part[: remark.start() + 1]  # ``Title. (`cmd --here` clears it.)``
    linked = _LINK_REMARK.search(title_part)
    if linked is not None and title_part[: linked.start()].strip():
        title_part = title_part[: linked.start()]  # ``Design CLI ([docs/cli.md](cli.md))``
    owner = owner or described.get("dri")
    priority = priority or tail_priority or described.get("priority")
    depends = depends or described.get(DEPENDS_ON)
    title = document.inline(" ".join(title_part.split()))
    return Line(item_id, title, "", depends, owner, priority)


def _registry_entry(text: str, id_only: re.Pattern[str]) -> tuple[str, str] | None:
    """The ID and title of a task registry's line of ``KEY=value`` fields (``ID=T0001
    STATUS=DONE ... DESC="Add a guard"``), None for any other box."""
    found = _REGISTRY_ID.match(text)
    title = _REGISTRY_TITLE.search(text) if found is not None else None
    if found is None or title is None or not id_only.fullmatch(found["id"]):
        return None
    return found["id"], " ".join(title["title"].split())


def _owner_names(document: Document) -> frozenset[str]:
    """The names an ``Owner:`` line of the document gives in bold, lower-cased."""

    def names() -> frozenset[str]:
        found: set[str] = set()
        for line in document.lines:
            if "wner" in line and _OWNER_LEGEND.match(line):
                found.update(m["name"].strip().lower() for m in _LEGEND_NAME.finditer(line))
        return frozenset(found)

    return document.memo("owner-names", names)


def _owner_lead(text: str, document: Document) -> tuple[str, str] | None:
    """The owner a box's text opens with, when the document's ``Owner:`` line names it,
    and the text after it (without a due day leading that: ``Sep 8: register ...``)."""
    if not text.startswith("*") and ":" not in text[:32]:
        return None
    lead = _OWNER_LEAD.match(text)
    if lead is None or not (known := _owner_names(document)):
        return None
    named = [name for name in (lead["a"] or lead["b"], lead["c"] or lead["d"]) if name]
    if not all(name.strip().lower() in known for name in named):
        return None
    rest = text[lead.end() :]
    due = _DUE_DAY.match(rest)
    return " + ".join(name.strip() for name in named), rest[due.end() :] if due else rest


# todo.txt's priority opening a box, ``- [ ] (A) Call the client +work @phone due:2025-08-05``
_TODO_TXT_PRIORITY = LazyPattern(r"[ \t]*\((?P<p>[A-Z])\)[ \t]+(?=\S)")
_TODO_TXT_BOX = LazyPattern(r"[ \t]*[-*+][ \t]+\[[ xX]\][ \t]+\([A-Z]\)[ \t]+\S")
# the tokens todo.txt ends a task with: ``+project``, ``@context``, ``key:value``, ``#tag``
_TODO_TXT_TOKEN = LazyPattern(
    r"(?<![ \t])[ \t]+(?:[+@#][^\s+@#][^\s]*|[a-z][a-z-]*:[^\s:]\S*)[ \t]*$"
)
_FEWEST_TODO_TXT = 2


def todo_txt(document: Document) -> bool:
    """Whether the document's boxes are written in todo.txt's grammar (todomd, Obsidian's
    todo.txt plugins): two boxes or more open with a priority letter in brackets, ``- [ ]
    (A) Title``. There ``(A)`` is the priority, ``@phone`` a context (where the task can be
    done, no owner) and ``+project`` the project it is part of, none of them the title."""

    return document.memo("todo-txt", lambda: todo_txt_lines(document.lines))


def todo_txt_lines(lines: list[str]) -> bool:
    """Whether ``lines`` hold boxes written in todo.txt's grammar (``todo_txt``)."""
    found = 0
    fenced = False
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced  # an example of the grammar in a fence is no task
        elif not fenced and "[" in line and "(" in line and _TODO_TXT_BOX.match(line):
            found += 1
            if found >= _FEWEST_TODO_TXT:
                return True
    return False


def _todo_txt_line(text: str, document: Document) -> Line:
    """A box's text read by todo.txt's grammar: its priority letter, its title without the
    project, context and key:value tokens after it."""
    priority = None
    lead = _TODO_TXT_PRIORITY.match(text)
    if lead is not None:
        priority, text = lead["p"], text[lead.end() :]
    while (found := _TODO_TXT_TOKEN.search(text)) is not None:
        text = text[: found.start()]
    title = document.inline(" ".join(_title_part(text).split()))
    return Line(None, title, "", None, None, priority)


def _described_fields(text: str, title: str, document: Document) -> dict[str, str]:
    """The known fields an entry writes after its name as ``key: value`` parts split by
    semicolons (``Title — Owner: Frontend Lead; Effort: medium``): only where the
    description opens with a field of the plan's (an Owner, a Priority, a Depends on),
    so that a sentence with a colon in it stays description."""
    if not title:
        return {}
    if text.startswith(title):
        rest = text[len(title) :]
    elif (
        text.startswith("**")
        and (close := text.find("**", 2)) > 2
        and (text[2:close].rstrip().endswith(title))
    ):
        # ``**Title** -- Agent: codex -- Branch: ...``: the name in bold (an ID may open
        # it, ``**Phase 3: Title**``), then its fields
        rest = text[close + 2 :]
    else:
        return {}
    rest = rest.lstrip(" \t—–-")
    found: dict[str, str] = {}
    for part in _FIELD_BREAK.split(rest):
        field = _DESCRIBED_FIELD.fullmatch(part)
        if field is None:
            break
        key = document.dialect.key(field["key"].strip())
        if not found and key not in _DESCRIBED_KEYS:
            return {}
        value = field["value"].strip()
        if key == "dri":
            # ``Agent: dennis + claude. Created the repo``: the name, then what was done
            value = _NAME_THEN_SENTENCE.split(value, maxsplit=1)[0].strip()
        if key in _DESCRIBED_KEYS and value and key not in found:
            found[key] = value
    return found


def _is_phase(item_id: str) -> bool:
    return _PHASE_BOX.fullmatch(item_id) is not None


def _is_leading_id(written: str, id_only: re.Pattern[str]) -> bool:
    """Whether a box's first word, as written, is an ID (``T001``, ``**C1**``, ``T1:``)."""
    if _NUMBERED_TASK.fullmatch(written):
        return True  # Kiro's ``- [ ] 1. Title``: the number with its full stop
    if _HASH_REFERENCE.fullmatch(written) or _CODE_ID.fullmatch(written):
        return True  # ``[#todo-gsjz] Title``, `` `sprint-01` · Title ``
    if _LINKED_NUMBER.match(written + " x"):
        return True  # ``[#0015 Title](./0015.md)``: the link's first word
    word = _bare_word(written)
    if _ABBREVIATION.fullmatch(word):
        return False  # ``E2E tests for ...``, ``B2B``, ``I18N``: a word, no ID
    first, dots, last = word.partition("..")
    if dots and id_only.fullmatch(first) and id_only.fullmatch(last):
        return True  # ``FE-027..FE-039: Title``: a range of IDs done as one box
    return bool(
        id_only.fullmatch(word)
        or _LOWER_ID.fullmatch(word)
        or _DOTTED.fullmatch(word)
        or _INSERTED.fullmatch(word)
    )


def _opens_bold(written: str) -> bool:
    """Whether a box's first word opens a bold span it does not close (``**T-001`` of
    ``**T-001 Set up** — notes``): the bold goes on over the words after it."""
    return written.startswith("**") and not written.rstrip(":.").endswith("**")


def _named_in_bold(written: str, word: str, id_only: re.Pattern[str]) -> bool:
    """Whether a capitalised word and a number (``Sprint-2``) opens a bold name that goes
    on (``**Sprint-2 planning** — text``): a word of the name, no ID of its own."""
    return _opens_bold(written) and not id_only.fullmatch(word) and "-" in word


def _bare_word(written: str) -> str:
    """A first word without its emphasis and its separator, on either side of the
    emphasis: ``**T1:**``, ``**TASK-001**:``, `` `C1` `` -> ``T1``, ``TASK-001``, ``C1``."""
    return written.rstrip(":.").strip("*`#").rstrip(":.")


def written_alike(old: str, new: str) -> bool:
    """Whether ``new`` is an ID of the same kind as box ID ``old`` outside any id pattern:
    both task numbers (Kiro's ``3``, ``3.2``, OpenSpec's ``5.2a``) or both lower-case IDs
    (``task001``, ``Task-12``), so that rename and new take the plan's own numbering."""
    numbers = (_NUMBERED_TASK, _DOTTED)
    if any(p.fullmatch(old) or p.fullmatch(f"{old}.") for p in numbers):
        return any(p.fullmatch(new) or p.fullmatch(f"{new}.") for p in numbers)
    return _LOWER_ID.fullmatch(old) is not None and _LOWER_ID.fullmatch(new) is not None


def leading_ids(texts: list[str], document: Document) -> bool:
    """Whether the first words of a list's entries that look like IDs are IDs. In a list of
    four or more entries where fewer than a quarter begin with one, they are the words of
    titles (``- ✅ AVX-512 runtime detection`` among ten titles without IDs); a shorter
    list, or one where more begin with an ID, is taking IDs on (``- [x] X-9 Set up CI``)."""
    id_only = patterns(document.dialect.id_pattern).id_only
    count = 0
    for text in texts:
        first = text.split(None, 1)
        count += bool(first) and (_is_leading_id(first[0], id_only) or work_box(text) is not None)
    return len(texts) < 4 or 4 * count >= len(texts)


# IDs beyond the ID pattern that begin a box: todo-md's lower-case ``t012``, ``t001.1``
# (letters, then at least three digits, so that ``v2 support`` or ``h1 tags`` keep their
# first word), and a capitalised word with a number (``Task-001``, ``Bug-12``).
_LOWER_ID = LazyPattern(r"[a-z]{1,4}[0-9]{3,6}(?:\.[0-9]{1,4}){0,3}|[A-Z][a-z]{1,10}-[0-9]{1,6}")
# A task inserted between two (spec-kit's ``T038a`` after ``T038``): an upper-case
# prefix, two digits or more and one lower-case letter (``MP3s`` keeps its word).
_INSERTED = LazyPattern(r"[A-Z]{1,4}[0-9]{2,6}[a-z]")
# A lower-case word and a number in a code span (`` `sprint-01` ``, `` `task-3` ``): a
# generated list's ID, the code span setting it apart from the title's words.
_CODE_ID = LazyPattern(r"`[a-z]{1,20}(?:-[a-z]{1,20}){0,3}-[0-9]{1,6}`")
# OpenSpec's numbered tasks (``- [x] 2.3 Add the accessor``, ``- [ ] 5.2a ...``): a group
# number and a task number, perhaps an epic's number first (``- [ ] **0.1.1** Set up
# Stripe``), and a step's number under a task (``- [x] 3.1.1 Test ...``, written flat
# beside ``3.1``); ``leading_ids`` keeps a lone ``2.0 release`` a title.
_DOTTED = LazyPattern(r"[0-9]{1,3}(?:\.[0-9]{1,3}){1,2}[a-z]?")
# An abbreviation with digits inside and a capital after them (``E2E``, ``B2B``, ``I18N``,
# ``K8S``): the ID pattern takes it, but IDs end with their number (``T1``, ``CORE-12``).
_ABBREVIATION = LazyPattern(r"[A-Z]{1,3}[0-9]{1,2}[A-Z]{1,3}")
# Kiro's numbered tasks (``- [ ] 1. Set up``, then ``- [ ] 1.1 ...`` nested or not): a
# number with its full stop. A bare number (``- [ ] 2024 review``) stays the title's.
_NUMBERED_TASK = LazyPattern(r"[0-9]{1,3}\.")
_METADATA_TOKEN = LazyPattern(
    # (``risk:low`` is a field; ``https://host/path`` is a link the title names, no field)
    r"#[A-Za-z][\w/-]*|~[0-9.]+[mhdw]|![A-Za-z]+|@[A-Za-z0-9][\w.-]*|[a-z][a-z-]*:(?!//)[^\s:]\S*"
)
_BANG_PRIORITIES = ("critical", "high", "medium", "low")
_BOLD_LEAD = LazyPattern(r"[ \t]*\*\*(?P<title>[^*]+?)\*\*[ \t]*(?P<rest>.*)", re.S)
_STRUCK_LEAD = LazyPattern(r"[ \t]*~~(?P<title>[^~].*?)~~[ \t]*(?P<rest>.*)", re.S)
# An emphasised label before a colon: ``*Lasso tool*: Isolates an area``.
_ITALIC_LABEL = LazyPattern(r"[ \t]*(?P<em>[*_])(?P<title>[^*_\s][^*_]*?)(?P=em):[ \t]+\S.*", re.S)
_DESCRIPTION = LazyPattern(r"(?<![ \t])[ \t]+[—–][ \t]+")
# Status marks after a bold title, alone or before a dash: `` ✅``, `` ✅ - P1``.
_MARKS_THEN_DASH = LazyPattern(r"(?:[✅✓✔☑][ \t]*)+(?:[-—–][ \t]*.*)?", re.S)
# A label that only counts: a word and a number (``Feature 1``, ``Item 3``).
_ENUMERATOR = LazyPattern(r"[A-Za-z]+[ \t]+[0-9]{1,4}")


def _only_tags(text: str) -> bool:
    """Whether ``text`` holds nothing but tags and metadata (``#docs _done:2026-01-10``,
    ``(P1)``, ``priority: P1``, ``(depends on: A, B)``) and a box's stable ID in a comment
    (``<!-- id:bld002 -->``)."""
    words = _PARENTHESES.sub(" ", _STABLE_ID.sub(" ", text)).split()
    return all(
        word[0] in "#@~!+" or ":" in word or (at and words[at - 1].endswith(":"))
        for at, word in enumerate(words)
    )


_PARENTHESES = LazyPattern(r"\([^()\n]*\)")


def _without_metadata(text: str) -> tuple[str, list[str]]:
    """The text without the metadata tokens that end it, and those tokens, last first.

    Each token is the last word, after a blank: read from the end by index, never by
    searching the text again for each (a box of 8,000 ``@a`` tags cost each search the
    whole line, quadratic)."""
    tokens: list[str] = []
    end = len(text)
    while True:
        stop = end - 1 if text.endswith("\n", 0, end) else end  # ``$``: before a last newline
        while stop and text[stop - 1] in " \t":
            stop -= 1
        start = max(text.rfind(" ", 0, stop), text.rfind("\t", 0, stop)) + 1
        if start == 0 or _METADATA_TOKEN.fullmatch(text, start, stop) is None:
            return text[:end], tokens
        tokens.append(text[start:stop])
        while start and text[start - 1] in " \t":
            start -= 1
        end = start


def _title_part(text: str) -> str:
    """What of a box's text names the item: a bold lead, else what stands before a dash
    between words; the rest is its description. A bold or struck-through lead that is a
    sentence of its own (``**Persist photos.** The cache...``, ``~~Add a loader.~~ Done.``)
    names the item too."""
    bold = _BOLD_LEAD.fullmatch(text) or _STRUCK_LEAD.fullmatch(text)
    if bold is not None and text.lstrip().startswith("~~") and _BOLD_LEAD.fullmatch(bold["title"]):
        # ``~~**Solana: Replay** (Full_System 4.1)~~ — N/A``: the bold names the struck item
        return _BOLD_LEAD.fullmatch(bold["title"])["title"]  # type: ignore[index]
    if bold and _MARKS_THEN_DASH.fullmatch(bold["rest"]):
        return bold["title"]  # ``**Keyboard Shortcuts** ✅ - P1``: a done mark, then notes
    if bold and bold["rest"][:1] == ":" and _ENUMERATOR.fullmatch(bold["title"]):
        # ``**Feature 1**: Build the viewer``: a numbered label names nothing alone
        return f"{bold['title']}: {bold['rest'][1:].strip()}"
    if (
        bold
        and (
            not bold["rest"]
            # the full-width colon and bracket of Chinese and Japanese (``**标题**：说明``)
            or bold["rest"][:1] in "-—–:(：（"
            or bold["rest"][:2] == " -"
            or bold["title"].rstrip()[-1:] in ".!?。！？"
        )
    ):
        return bold["title"]
    if bold and bold["title"].rstrip().endswith(":"):
        return bold["title"].rstrip()[:-1]  # ``**Living Garden:** Debris spawning``
    if bold and len(bold["title"].split()) >= 3 and bold["rest"][:1].islower():
        # ``**README install section** switched from ... to ...``: a name of three words
        # or more, the subject of a sentence that goes on in plain words, names the step
        return bold["title"]
    if (italic := _ITALIC_LABEL.fullmatch(text)) is not None:
        return italic["title"]  # ``*Class hierarchies*: users annotate subclasses``
    for dash in _DESCRIPTION.finditer(text):
        before = text[: dash.start()]
        if before and before.count("(") <= before.count(")"):
            return before  # a dash inside brackets is the title's: ``Title (a — b)``
    return text


# A box of a phase checklist: ``- [x] Phase 1: Name (1/1 plans) — completed 2026-06-03``,
# ``- [x] **Phase 23: Name** — summary``, ``- [x] **Phase 1-11** — summary`` (a range).
_PHASE_BOX = LazyPattern(
    r"(?P<bold>\*\*)?(?P<id>Phase[ \t]+[0-9]{1,6}(?:\.[0-9]{1,6}){0,5}(?:-[0-9]{1,6})?)"
    # (the name ends at a character that is not blank, so that a run of blanks is not
    # tried from each of its places: cubic on "Phase 1:" before a long run of tabs)
    r"(?::[ \t]*+(?P<name>(?:.*?[^ \t\n])??))?[ \t]*(?(bold)\*\*)(?=[ \t]+[-—–(]|[ \t]*$)"
)


# ``- [x] Task 1.1: Initialize the project`` (a Kiro task list written by hand, a task
# breakdown): a numbered task or story with its separator, as a heading writes it
# (dialect.WORK_HEADING); the word and the number are the ID, as ``Phase 2`` is.
_WORK_BOX = LazyPattern(
    r"[ \t]*(?P<id>(?:Task|Story)[ \t]+[0-9]{1,6}(?:\.[0-9]{1,6}){0,5}[a-z]?)"
    r"[ \t]*[:—–][ \t]*(?=\S)"
)


def work_box(text: str) -> tuple[str, str] | None:
    """``(Task N, rest)`` for a box's text that begins with a numbered task, else None."""
    match = _WORK_BOX.match(text)
    if match is None:
        return None
    return " ".join(match["id"].split()), text[match.end() :]


def _phases_repeat(texts: list[str]) -> bool:
    """Whether boxes next to each other lead with the same phase, each phase in one run
    (``- [~] Phase 2: audit Foo.tsx``, ``- [~] Phase 2: audit Bar.tsx``, then Phase 3's):
    the phase is what each box's work is part of, not the box's ID. A phase checklist
    names each phase once; one whose phases come again after others (1, 2, 3, 1, 2) was
    pasted twice, and its phases stay IDs."""
    named = [phase[0] for text in texts if (phase := phase_box(text)) is not None]
    runs = [phase for at, phase in enumerate(named) if at == 0 or named[at - 1] != phase]
    return len(runs) < len(named) and len(set(runs)) == len(runs)


def _steps_elsewhere(texts: list[str], document: Document) -> bool:
    """Whether a box leads with a phase that leads boxes next to each other elsewhere in
    the document (``- [~] Phase 2: audit Kalkulator.tsx`` alone under its file's findings,
    after a run of ``Phase 2: audit ...`` boxes): a step of that phase too, not the phase."""
    named = {phase[0] for text in texts if (phase := phase_box(text)) is not None}
    if not named:
        return False
    lines = document.lines
    return bool(named & document.memo("step_phases", lambda: _phases_in_runs(lines)))


def _phases_in_runs(lines: list[str]) -> frozenset[str]:
    """The phases that lead two top-level boxes in a row anywhere in the document."""
    named: list[str | None] = []
    for line in lines:
        box = BOX.match(line)
        if box is None or line[:1] in (" ", "\t"):
            continue
        phase = phase_box(line[box.end() :])
        named.append(phase[0] if phase is not None else None)
    return frozenset(
        phase for at, phase in enumerate(named) if phase and at and named[at - 1] == phase
    )


def phase_box(text: str) -> tuple[str, str] | None:
    """``(Phase N, name)`` for the text of a phase checklist's box, else None."""
    match = _PHASE_BOX.match(text.strip())
    if match is None:
        return None
    return " ".join(match["id"].split()), (match["name"] or "").strip()


def read_checkboxes(document: Document) -> ShapeRead:
    if not document.with_ids_only:
        marked = marked_list(document.lines)
        if marked is not None:
            return read_marked(document, marked)  # its lines are the list, every one
    items: list[Item] = []
    blocks: dict[int, tuple[Block, ...]] = {}
    legend = marker_legend(document.lines)
    statuses = {**legend, **CHECKED_MARKS, **STATUS_OF_BOX, **dict(document.box_words)}
    taken: set[str] = Taken()
    tokens = document.tokens
    board: bool | None = None  # a Now / Next / Later board: found once, when first needed
    # Whether two headings name statuses: counted once, not for each plain list (a list
    # per heading made reading quadratic: 225 kB took 26 s).
    headed = cache(lambda: status_headings(document) >= 2 or _done_beside_boxes(document))
    restarted = cache(lambda: _numbering_restarts(document))
    for index in document.top_level():
        token = tokens[index]
        if token.type not in ("bullet_list_open", "ordered_list_open"):
            continue
        if token.map is None or document.is_taken(token.map[0] + 1):
            continue
        if _in_overview(document, token.map[0] + 1) or document.in_example(token.map[0] + 1):
            continue
        if document.in_definition_of_done(token.map[0] + 1) or _signs_off(document, token.map[0]):
            continue
        if board is None:
            board = _board_headings(document) >= 2
        read, cut = _read_list(document, index, statuses, taken, board, headed, restarted)
        read = [item for item in read if not _placeholder(document.lines, item)]
        if read:
            items += read
            blocks[token.map[0] + 1] = cut
    if items and not document.with_ids_only:
        for index in document.top_level():
            token = tokens[index]
            if token.type == "paragraph_open" and token.map is not None:
                read, cut = _read_marked_lines(document, token.map[0], token.map[1], taken)
                if read:
                    items += read
                    blocks[token.map[0] + 1] = cut
    return ShapeRead(_with_stable_references(items, document.lines), blocks)


# A box that holds only a comment: a template's place for words still to be written
# (``- [ ] <!-- Specific observable outcome 1 -->``).
_PLACEHOLDER = LazyPattern(r"[ \t]*(?:<!--(?:[^-]|-(?!->))*+-->[ \t]*)*+")


# A box that holds only a template's blank: ``- [ ] [Action 1]``, ``- [ ] {{action_item}}``,
# ``- [ ] <task>``, the blank closed by a full stop (``- [ ] [Expected result].``) or followed
# by a note in parentheses (``- [ ] [Feature en progreso] *(~X% completado)*``), or a line
# to write on (``- [ ] _______________``). A bracketed ID alone (``- [ ] [TASK-1]``), a link
# and a wiki link (``[[Page]]``) are no blanks.
_BLANK_BOX = LazyPattern(
    r"[ \t]*(?:(?:\[(?=[^\[\]]*[a-z ])[^\[\]]{1,60}\](?!\()|\{\{[^{}]{1,60}\}\}"
    r"|<[A-Za-z][\w .-]{0,40}>)[.:;]?(?:[ \t]*[*_]?\([^()]{0,60}\)[*_]?)?|_{3,80})[ \t]*"
)


def _placeholder(lines: list[str], item: Item) -> bool:
    """Whether the box an item is read from says nothing but a comment or a template's
    blank: no work yet."""
    line = lines[item.position.line - 1].rstrip("\r\n")
    box = BOX.match(line)
    if box is None:
        return False
    return template_box(line[box.end() :])


def template_box(rest: str) -> bool:
    """Whether a box's text (what follows ``- [ ]``) is a template's: a comment, a blank,
    blanks joined by labels, or a numbered stand-in for work (``Task 1``, ``Goal 2``,
    ``Action item 1 - Owner: [Name] - Due: [Date]``)."""
    return (
        _PLACEHOLDER.fullmatch(rest) is not None
        or _BLANK_BOX.fullmatch(rest) is not None
        or _blanks_only(rest)
        or _stand_in(rest)
        or _FIELD_BLANK_TAIL.search(rest) is not None
    )


# A numbered stand-in for work a template leaves to be named: a word for a piece of work
# and a number or a capital letter alone (``Task 1``, ``Goal 2``, ``Action item 1``,
# ``Feature A``, ``Función B``), where a plan names its work.
_STAND_IN = LazyPattern(
    r"[ \t]*+[*_]{0,2}(?:action[ \t]+item|action|task|goal|item|feature|step|to-?do"
    r"|milestone|deliverable|objective|story|requirement|tarea|funci[oó]n|fonctionnalit[eé]"
    r"|t[aâ]che|aufgabe|schritt|ziel)[ \t]+(?:[0-9]{1,2}|[A-Z])(?![\w.-])[*_]{0,2}",
    re.IGNORECASE,
)


# A box that closes on a blank for one of its fields, after a dash: ``Refactor [Component] -
# [Target]``, ``GDPR compliance - [Status]``, ``Write docs — [Due Date]``: a template's line,
# its field still to be filled in (a plan writes the value, not its name in brackets).
_FIELD_BLANK_TAIL = LazyPattern(
    r"[ \t][-–—][ \t]*\[(?:status|priority|target(?: date)?|due(?: date)?|date|deadline|eta"
    r"|owner|assignee|estimate|effort)\][ \t]*$",
    re.IGNORECASE,
)


def _stand_in(text: str) -> bool:
    """Whether a box's text is a numbered stand-in for work (``Task 1``), alone or followed
    only by blanks and their labels (``Task 1 - [Owner] - [Due Date]``)."""
    found = _STAND_IN.match(text)
    if found is None:
        return False
    rest = _ANY_BLANK.compiled().sub(" ", text[found.end() :])
    return not _BLANK_LABEL.sub(" ", rest).strip(" \t-–—|,/·:：*_.")


def _blanks_only(text: str) -> bool:
    """Whether a box's text is template blanks joined by dashes and labels, no word of
    its own (``{{next_week_task1}} - {{next_week_owner1}} - {{next_week_priority1}}``,
    ``{{completed_task1}} - 完成日期: {{completion1}}``): a template's line of work."""
    if "{{" not in text and "[" not in text and "<" not in text:
        return False
    rest, blanks = _ANY_BLANK.compiled().subn(" ", text)
    if blanks < 2:
        return False
    return not _BLANK_LABEL.sub(" ", rest).strip(" \t-–—|,/·:：*_")


def _named_by_blanks(heading: str) -> bool:
    """Whether a heading's name is only template blanks and marks (``▼ [Feature Name] —
    [✓ Built / ⊙ Planned] [Status]``): a template's heading, no word of its own."""
    if "[" not in heading and "{" not in heading and "<" not in heading:
        return False
    rest, blanks = _ANY_BLANK.compiled().subn(" ", heading)
    return blanks >= 1 and not any(character.isalnum() for character in rest)


# A template's blank anywhere in a line, as ``_BLANK_BOX`` reads one alone.
_ANY_BLANK = LazyPattern(
    r"\[(?=[^\[\]]{0,60}[a-z ])[^\[\]]{1,60}\](?!\()|\{\{[^{}]{1,60}\}\}|<[A-Za-z][\w .-]{0,40}>"
)
# A label between two blanks: ``完成日期:``, ``Owner:``.
_BLANK_LABEL = LazyPattern(r"[^\s:：\-–—|,/·]{1,20}[:：]")


# A stable ID a task tool keeps after a box's title (rune's ``<!-- id:dlv5hgs -->``),
# where its nested ``- Blocked-by: dlv5hgs (Title)`` names the task by it.
_STABLE_ID = LazyPattern(r"<!--[ \t]*+id:[ \t]*+(?P<id>[\w.-]{1,40})[ \t]*+-->")


def _with_stable_references(items: list[Item], lines: list[str]) -> tuple[Item, ...]:
    """The items with a dependency that names another box's stable ID read as a reference
    to that box's item (``Blocked-by: dlv5hgs (Title)`` on a box numbered 2 names box 1,
    whose line ends ``<!-- id:dlv5hgs -->``), not as something external."""
    if not any(item.external_deps for item in items):
        return tuple(items)
    stable: dict[str, str] = {}
    for item in items:
        found = _STABLE_ID.search(lines[item.position.line - 1])
        if found is not None:
            stable.setdefault(found["id"], item.id)
    if not stable:
        return tuple(items)
    return tuple(_stable_references(item, stable) for item in items)


def _stable_references(item: Item, stable: dict[str, str]) -> Item:
    named = [entry for entry in item.external_deps if entry.split(None, 1)[0] in stable]
    if not named:
        return item
    references = (*item.depends_on, *(stable[entry.split(None, 1)[0]] for entry in named))
    externals = tuple(entry for entry in item.external_deps if entry not in named)
    return replace(item, depends_on=references, external_deps=externals)


def _read_marked_lines(
    document: Document, first: int, end: int, taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """A paragraph of lines that each lead with a done mark, right under a heading that
    says done (``## COMPLETED (This Session)`` over ``✅ Shutdown hook fix``), in a
    document of boxes: a log of finished work written without bullets, one done item a
    line. Anything else is prose."""
    lines = document.lines
    if end - first < 2 or not lines[first].startswith("✅"):
        return [], ()  # the mark first: most paragraphs are turned away on one character
    if document.is_taken(first + 1) or not _under_heading(lines, first):
        return [], ()
    marks = [_DONE_MARK.match(lines[at]) for at in range(first, end)]
    if not all(marks) or document.in_example(first + 1):
        return [], ()
    named = status_of_sections(document.status_sections_above(first + 1))
    if common_meaning(named) != "done":
        return [], ()
    found = []
    for at, mark in zip(range(first, end), marks, strict=True):
        assert mark is not None
        part = parse_line(lines[at][mark.end() :].rstrip("\r\n"), document, False)
        here = Position(at + 1, 1)
        fields = [Field("Status", "status", mark["mark"], here, here, at + 1)]
        item_id = part.item_id or reference_from_title(part.title, taken)
        section = document.section_above(at + 1)
        titled = not part.item_id
        found.append(
            make_item(
                item_id, part.title, section, here, at + 1, fields, document.dialect, (), titled
            )
        )
    return found, tuple(Block("paragraph", at + 1, at + 1) for at in range(first, end))


def _without_noted_groups(sections: list[str]) -> list[str]:
    """``sections`` (nearest first) without the headings above the nearest that say a
    status only in a note in brackets ending them (``## Epic 7: Compliance (Ongoing)``
    over ``#### 7.1 Security Hardening``): the epic's own state, not that of each task
    under its subheadings. The nearest heading's note (``## v0.5 parity (active)`` right
    over the boxes) is theirs."""
    return sections[:1] + [
        section
        for section in sections[1:]
        if not section.rstrip().endswith(")")
        or status_of_section(section[: section.rfind("(")]) is not None
    ]


def _in_overview(document: Document, line: int) -> bool:
    """Whether ``line`` stands in the Priority Overview (under its heading, or under a
    priority group inside it): a plan of boxes that writes its overview as boxes lists
    its items there, it holds none (each ID read twice gave RL102 on every item). A
    section so named whose boxes are tasks without IDs is a task list (``holds_tasks``)."""
    overview = normalize_key(document.dialect.overview_heading)
    named = document.memo(
        "overview_named",
        lambda: any(normalize_key(text) == overview for text in document.heading_texts()),
    )
    if not named:
        return False  # asked for every list: a plan without an overview answers at once
    section = document.section_above(line)
    top = document.level_one_above(line)
    if section is not None and normalize_key(section) == overview:
        first, end = line - 1, len(document.lines) + 1
    elif top is not None and normalize_key(top[0]) == overview:
        first, end = top[1], top[2]
    else:
        return False
    return not holds_tasks(islice(document.lines, first, end - 1), document.dialect)


def _read_list(
    document: Document,
    index: int,
    statuses: dict[str, str],
    taken: set[str],
    board: bool,
    headed: Callable[[], bool],
    restarted: Callable[[], bool],
) -> tuple[list[Item], tuple[Block, ...]]:
    tokens, lines = document.tokens, document.lines
    id_only = patterns(document.dialect.id_pattern).id_only
    entries: list[tuple[int, int]] = []  # (first line, last line), 0-based, of top-level items
    nested: list[tuple[int, int]] = []  # the same of the entries of lists nested in them
    # By index: no copy of the rest for each list, and no islice, which steps over every
    # token before the list again for each one (a box under each of 16,000 headings: 22 s).
    for position in range(index + 1, len(tokens)):
        token = tokens[position]
        if token.level == 0:
            break
        if token.type == "list_item_open" and token.level == 1 and token.map:
            entries.append((token.map[0], token.map[1] - 1))
        elif token.type == "list_item_open" and token.level == 3 and token.map:
            nested.append((token.map[0], token.map[1] - 1))
    found: list[Item] = []
    if not any(BOX.match(lines[first]) for first, _ in entries):
        numbered = read_numbered(document, entries, taken)  # ``12) + Title``
        if not numbered[0]:  # ``B01 — Title`` over ``- Owner: Impl``
            numbered = read_paragraph_item(document, index, entries)
        if not numbered[0]:  # ``5. **Title**`` over ``- Dependencies: Tasks 1-4``
            numbered = read_bold_numbered(document, entries)
        if numbered[0]:
            return numbered
        if nested and _groups_of(document, entries, nested):
            # ``- Auth`` over ``  - [FEAT-1] Login page``: the groups name areas, the
            # bullets under them are the work, read as a list of their own would be
            grouped = _read_plain_list(document, nested, taken, headed, grouped=True)
            if grouped[0]:
                return grouped
        return _read_plain_list(document, entries, taken, headed)
    notes = [(first, last) for first, last in entries if not BOX.match(lines[first])]
    if notes and not _labelled_notes(lines, entries, notes):
        return [], ()  # a list of items is a list of boxes, every one
    if document.with_ids_only and not notes:
        ideas = _idea_boxes_beside_items(document, entries, taken)
        if ideas[0]:
            return ideas
    entries = [entry for entry in entries if entry not in notes]
    texts = [lines[first][BOX.match(lines[first]).end() :] for first, _ in entries]  # type: ignore[union-attr]
    if _status_selector(texts):
        return [], ()  # ``- [ ] Not Started`` / ``- [x] Completed``: where a story stands
    if all(_PLAN_FILE.match(text) for text in texts):
        # ``- [ ] v1.1-01-PLAN.md — Title``: a planning tool's plans of one phase, the
        # record of the phase's work, not items of the plan
        return [], ()
    ids = leading_ids(texts, document)
    phases = not _phases_repeat(texts) and not _steps_elsewhere(texts, document)
    # every box opens with an area in brackets (``- [ ] (Product and UX) Title``, a
    # generated board's section of the TODO each box came from): the area, not the title
    areas = (
        len(texts) >= 2
        and all(_AREA_LABEL.match(text.lstrip()) for text in texts)
        and not todo_txt(document)  # todo.txt's ``(A)`` is a priority, no area
        # ``(Owner: QA | Due: date)`` names who does the work, no area
        and not any(_OWNER_OPENING.match(text.lstrip()) for text in texts)
    )
    tasks = all(_number_of_box(lines[first]) is not None for first, _ in entries)
    steps = ids and tasks and restarted()
    if steps:
        ids = False  # a README's checklists, each numbered from 1: steps, not task IDs
    spans = [
        span for first, last in entries for span in _with_subtasks(lines, first, last, nested, ids)
    ]
    # every item's box, a Kiro sub-task's too (an unknown mark there was a KeyError)
    unexplained = [
        mark
        for first, _ in spans
        if (mark := BOX.match(lines[first])["mark"]) not in statuses  # type: ignore[index]
    ]
    if "-" in unexplained and ids and tasks:
        # Kiro marks the task it is working on ``- [-] 2.`` (and its sub-task): in progress,
        # whatever the other boxes hold (a mark's meaning never hangs on another box)
        statuses = {**statuses, "-": KIRO_IN_PROGRESS}
        unexplained = [mark for mark in unexplained if mark != "-"]
    if unexplained:
        # A few boxes (a third at most, of three or more) with a marker task-list tools
        # agree on (`[?]`, `[/]`, `[-]`, `[>]`, `[~]`, `[!]`) and no legend: those boxes have the
        # marker as their status. More, or another marker, and the list is no list of
        # items (RL109 names the marker).
        # An emoji in a box (``[:sparkles:]``) is such a marker: a mark its writer chose
        # for one box, kept as written.
        few = len(spans) >= 3 and len(unexplained) * 3 <= len(spans)
        if not few or not all(_conventional(mark) for mark in unexplained):
            return [], ()
        statuses = {**statuses, **{mark: f"[{mark}]" for mark in unexplained}}
    for first, last in spans:
        while last > first and not lines[last].strip():
            last -= 1
        item = _item(document, first, last, statuses, taken, board, ids, steps, phases, areas)
        if document.with_ids_only and not (id_only.fullmatch(item.id) or _is_phase(item.id)):
            return [], ()
        found.append(item)
    kinds = [("list", span) for span in spans] + [("paragraph", span) for span in notes]
    cut = tuple(
        Block(kind, first + 1, _last(lines, first, last) + 1)
        for kind, (first, last) in sorted(kinds, key=lambda kind: kind[1])
    )
    return found, cut


def _status_selector(texts: list[str]) -> bool:
    """Whether a list's boxes each name a state and nothing else (``- [ ] Not Started``,
    ``- [ ] In Progress``, ``- [x] Completed``): a form's choice of where the work
    stands, one box ticked, no work items. Two different states at least."""
    meanings = {common_meaning(text.strip().strip("*_").strip()) for text in texts}
    return len(texts) >= 2 and None not in meanings and len(meanings) >= 2


# A plan file of a planning tool, first in a box: ``01-02-PLAN.md``, ``v1.1-03-PLAN.md``.
_PLAN_FILE = LazyPattern(r"`?[\w.-]{1,40}-PLAN\.md\b")


def _conventional(mark: str) -> bool:
    """Whether a box's mark is one a list may hold a few of without a legend: a marker
    task-list tools agree on, or an emoji (``[:sparkles:]``, ``[🚀]``)."""
    return mark in CONVENTIONAL_MARKS or mark.startswith(":") or not mark.isascii()


# A bullet that labels a note on the boxes above it: ``- **Rationale**: why``.
# ``- **Rationale**: ...``, or a plain label of one word (``- Verify: psql -c ...``, the
# check a gate's boxes close with).
_LABELLED_NOTE = LazyPattern(
    r"[ \t]*[-*+][ \t]+(?:\*\*[^*]{1,40}?(?::\*\*|\*\*:)|[A-Z][a-z]{1,20}:)[ \t]"
)


def _labelled_notes(
    lines: list[str], entries: list[tuple[int, int]], notes: list[tuple[int, int]]
) -> bool:
    """Whether the entries of a list that are no boxes are labelled notes after two or more
    boxes (``- [ ] Add swipe gestures`` ... ``- **Rationale**: mobile matters``): the boxes
    are the items, the notes speak of them. Any other plain bullet makes it no box list."""
    boxes = len(entries) - len(notes)
    if boxes < 2 or notes[0][0] < next(first for first, _ in entries if BOX.match(lines[first])):
        return False
    return all(_LABELLED_NOTE.match(lines[first]) is not None for first, _ in notes)


def _with_subtasks(
    lines: list[str], first: int, last: int, nested: list[tuple[int, int]], ids: bool
) -> list[tuple[int, int]]:
    """The items a top-level box holds: itself and, when it is a numbered task (Kiro's
    ``- [ ] 3. Create storage``), the nested boxes that carry a number of their own
    (``  - [ ] 3.1 Implement the connection``): sub-tasks, each an item, the parent's
    span ending before the first. Other nested boxes are its Definition of Done."""
    if not ids or _number_of_box(lines[first]) is None:
        return [(first, last)]
    subtasks = [
        (start, end)
        for start, end in nested
        if first < start <= last and _DOTTED.fullmatch(_number_of_box(lines[start]) or "")
    ]
    if not subtasks:
        return [(first, last)]
    return [(first, subtasks[0][0] - 1), *subtasks]


def _numbering_restarts(document: Document) -> bool:
    """Whether two boxes of top-level lists are numbered 1 (``- [ ] 1. Install``, then
    further down ``- [ ] 1. Bump the version``): lists numbered each from 1 count steps,
    where a plan's tasks (Kiro's) are numbered once through the document. Only list
    items count: an example in a code block is none."""
    lines = document.lines
    ones = 0
    for token in document.tokens:
        top = token.type == "list_item_open" and token.level == 1 and token.map
        if top and _number_of_box(lines[token.map[0]]) == "1":  # type: ignore[index]
            ones += 1
            if ones == 2:
                return True
    return False


def _number_of_box(line: str) -> str | None:
    """The task number a box begins with (``1.``, ``2.1``: ``1``, ``2.1``), else None."""
    match = BOX.match(line)
    words = line[match.end() :].split(None, 1) if match else []
    # a sub-task's number may end with a full stop as its task's does (``2.1.``, rune's)
    if not words or not (
        _NUMBERED_TASK.fullmatch(words[0]) or _DOTTED.fullmatch(words[0].removesuffix("."))
    ):
        return None
    return words[0].rstrip(".")


# A bullet, or a number of an ordered list (``1. ✅ **Title**: text``, a memory bank's
# milestones: read only when every entry leads with a status mark).
_BULLET = LazyPattern(r"(?P<lead>(?:[-*+]|(?P<number>[0-9]{1,3}[.)]))[ \t]+)(?=\S)")
# A bullet of a top-level list, which markdown lets stand one to three spaces in: a list
# of plain bullets written so (`` - [#0015 Title](...)``) says its status by its heading.
_INDENTED_BULLET = LazyPattern(r" {0,3}(?P<lead>(?:[-*+]|(?P<number>[0-9]{1,3}[.)]))[ \t]+)(?=\S)")
# A bullet of a list nested in another's entry (``  - [FEAT-1] Login page``).
_GROUPED_BULLET = LazyPattern(r" {0,12}(?P<lead>(?:[-*+]|(?P<number>[0-9]{1,3}[.)]))[ \t]+)(?=\S)")
# A bullet led by a done mark or by the empty square that is its open counterpart (a
# memory bank's ``- ✅ Title`` under What Works, ``- ⬜ Title`` under What's Left).
_STATUS_MARK = LazyPattern(r"(?P<mark>[✅⬜])[ \t]+")
_DONE_MARK = LazyPattern(r"(?P<mark>✅)[ \t]+")
# (a version may follow the word: ``[shipped v0.2]`` says when it shipped; an agent who
# holds the work may: ``[CLAIMED by @bob]``)
_STATUS_WORD = LazyPattern(
    r"\[(?P<word>[A-Za-z][A-Za-z _-]{1,15}?)(?:[ \t]+v?[0-9][0-9A-Za-z.-]{0,15}"
    r"|[ \t]+by[ \t]+(?P<by>@[\w.-]{1,39}))?\][ \t]+"
)


def _groups_of(
    document: Document, entries: list[tuple[int, int]], nested: list[tuple[int, int]]
) -> bool:
    """Whether every top-level entry is a group that holds a nested list (``- Auth`` over
    ``  - FEAT-1``): none leads with an ID of its own (``- FEAT-1 Login`` over its steps
    is the item, its nested bullets its notes)."""
    inner = iter(nested)
    held = next(inner, None)
    for first, last in entries:
        while held is not None and held[0] <= first:
            held = next(inner, None)
        if held is None or held[0] > last:
            return False
        bullet = _INDENTED_BULLET.match(document.lines[first])
        text = document.lines[first][bullet.end() :] if bullet is not None else ""
        if parse_line(text, document).item_id is not None:
            return False
    return True


def _read_plain_list(
    document: Document,
    entries: list[tuple[int, int]],
    taken: set[str],
    headed: Callable[[], bool],
    grouped: bool = False,
) -> tuple[list[Item], tuple[Block, ...]]:
    """A list of plain bullets is a list of items (a todo.md without boxes) only where the
    document itself says so, in a document without heading items: every bullet begins
    with an ID (``- ST-022 Title — completed``), or the list stands under a heading that
    names a status (``# DONE``) in a document with at least two such headings. Anything
    else is prose. ``grouped``: the entries are nested under group bullets, and are read
    only where every one leads with an ID."""

    if entries and not grouped and not document.taken:
        milestones = _labelled_milestones(document, entries, taken)
        if milestones[0]:
            return milestones
    if document.with_ids_only and entries:
        smaller = _grouped_beside_headings(document, entries, taken)
        if smaller[0]:
            return smaller
        coded = _bold_ids_beside_headings(document, entries)
        if coded[0]:
            return coded
        logged = _done_marks_beside_headings(document, entries, taken)
        if logged[0]:
            return logged
        ranked = _ranked_beside_headings(document, entries, taken)
        if ranked[0]:
            return ranked
        parked = _parked_beside_headings(document, entries, taken)
        if parked[0] or not _ideas_beside_items(document, entries):
            return parked
    if entries and not document.with_ids_only and " | " in document.lines[entries[0][0]]:
        queued = _bar_joined_queue(document, entries, taken)
        if queued[0]:
            return queued
    if not entries:
        return [], ()
    if not grouped and not document.with_ids_only and _holds_boxes(document):
        struck = _struck_then_done(document, entries, taken)
        if struck[0]:
            return struck
        shipped = _shipped_phases(document, entries, taken)
        if shipped[0]:
            return shipped
        labelled = _labelled_plain_group(document, entries, taken)
        if labelled[0]:
            return labelled
        themes = _theme_phases(document, entries, taken)
        if themes[0]:
            return themes
    epics = _epic_bullets(document, entries, grouped)
    if epics[0]:
        return epics
    lines = document.lines
    # ``## in_progress`` over ``- none``: the column is empty, no item
    entries = [entry for entry in entries if not _says_nothing(lines[entry[0]])]
    if not entries or _field_list(lines, entries, document.dialect):
        return [], ()
    id_only = patterns(document.dialect.id_pattern).id_only
    texts: list[str] = []
    written: list[str | None] = []  # a status word in brackets: ``- [TODO] Task-1: Title``
    claimants: list[str | None] = []  # who holds it: ``- [CLAIMED by @bob] Title``
    marked = 0  # bullets that lead with a status mark: ``- ✅ Title``, ``- ⬜ Title``
    days: list[tuple[str, int] | None] = []  # the day a dated bullet leads with, its column
    bullet_at = _GROUPED_BULLET if grouped else _INDENTED_BULLET
    for first, _ in entries:
        bullet = bullet_at.match(lines[first])
        if bullet is None:
            return [], ()
        text = lines[first][bullet.end() :].rstrip("\r\n")
        dated = _DATE_LEAD.match(text)
        days.append(None)
        if dated is not None and dated.end() < len(text):
            # ``- 2026-04-20: Added scan sectors``: a log's day, kept in a field
            days[-1] = (text[:10], bullet.end())
            text = text[dated.end() :]
        word = _STATUS_WORD.match(text)
        mark = _STATUS_MARK.match(text)
        claimants.append(word["by"] if word is not None else None)
        if word is not None and common_meaning(word["word"]) is not None:
            text = text[word.end() :]
            written.append(word["word"])
        elif mark is not None:
            text = text[mark.end() :]
            written.append(mark["mark"])
            marked += 1
        else:
            written.append(None)
        texts.append(text)
    ids = leading_ids(texts, document)
    parsed = _versioned(texts, [parse_line(text, document, ids) for text in texts])
    with_ids = all(part.item_id and id_only.fullmatch(part.item_id) for part in parsed)
    tabled = None if with_ids or grouped else _phases_in_progress(document, parsed)
    if tabled is not None:
        # ``- Phase 1: Schema Migration (2 plans)`` over a progress table's ``| 1. Schema
        # Migration | v1.0 | 2/2 | Complete |``: a shipped roadmap's phases, each row
        # its status
        with_ids, written = True, tabled
    if grouped and not with_ids:
        return [], ()
    named = status_of_sections(document.status_sections_above(entries[0][0] + 1))
    if named is None and with_ids:
        named = _title_status(document)  # ``# TODO`` over ``- FEAT-1 Login page``
    if grouped and named is None:
        return [], ()  # groups of ID bullets under no status: the groups are read as before
    statuses = [
        word or named or _described_status(lines[first])
        for word, (first, _) in zip(written, entries, strict=True)
    ]
    # Bullets that all lead with an ID may write their status and owner as nested
    # bullets (``- **TASK-001**: Title`` over ``  - Status: COMPLETE.``, ``  - Assigned:``).
    nested = [
        _nested_status_and_owner(document, first, last) if with_ids else {}
        for first, last in entries
    ]
    statuses = [
        status or given.get("status") for status, given in zip(statuses, nested, strict=True)
    ]
    # A list whose every bullet leads with a status mark says so itself (``## Completed``
    # over ``- ✅ Title``, ``### Reliability`` over ``- ⬜ Title``), as IDs or two status
    # headings do.
    # A design document's pros (``**Why:**`` over ``- ✅ Cheap``) are marked too: the list
    # must stand right under its heading.
    # A README's features, platforms or install steps and a design's pros are marked too
    # (``# fastjson`` over ``## Features`` over ``- ✅ Streaming``): the marks say how far
    # work is only in a document titled a plan or under a heading that names a status.
    every_marked = (
        marked == len(entries)
        and marked >= 2
        and _under_heading(lines, entries[0][0])
        and (named is not None or _titled_work(document))
    )
    if (
        bullet_at.match(lines[entries[0][0]])["number"]  # type: ignore[index]
        and not every_marked
        and not (with_ids and named is not None)
        and not _under_horizon(document, entries)
    ):
        # numbered steps, a numbered list of anything else: prose; one whose every entry
        # leads with an ID under a heading that names a status is a queue's work
        # (``## Todo`` over ``1. [FEAT-1] Login page``)
        return [], ()
    # A list whose every bullet opens a bold title with its ID in brackets is a list of
    # items (``- **[DL-001] Title**: text``), a status written or not: what it has not
    # written, it has not said.
    unsaid = with_ids and len(entries) >= 2 and all(_BOLD_BRACKETED_ID.match(t) for t in texts)
    # A list whose every bullet opens with a status word in brackets says so itself too
    # (``- [shipped v0.2] **Board view** — text``, ``- [planned] **Sync**``).
    worded = len(entries) - written.count(None) - marked
    every_worded = worded == len(entries) >= 2
    if not (all(statuses) or unsaid) or not (
        with_ids
        or every_marked
        or every_worded
        # (bullets that lead with task numbers are a log of that work, not notes on it:
        # ``- ✅ 1.2.2 Set up PostgreSQL`` under ``### 2026-02-09`` under ``## Done``)
        or (
            headed()
            and (
                3 * sum(bool(part.item_id) for part in parsed) >= 2 * len(parsed)
                or not _notes_under_status(document, entries[0][0] + 1, named)
            )
            # marks alone under a heading that names no status, after a sentence that
            # leads into them, sum something up (``## 🎯 Objectif de la Journée`` over
            # ``Finaliser les composants core :`` over ``- ✅ watcher.py opérationnel``):
            # marked work stands right under its heading, as ``every_marked`` asks
            and (named is not None or marked < len(entries) or _under_heading(lines, entries[0][0]))
        )
        or _logged_done(document, entries, texts, named)
    ):
        # an item says its status, in its heading, its brackets or its text; or it stands
        # on a roadmap of horizons (``## Now`` ... ``## Later``), which says when
        return _read_horizon_list(document, entries, taken)
    found = []
    for (first, last), part, status, given, claimant, day in zip(
        entries, parsed, statuses, nested, claimants, days, strict=True
    ):
        last = _last(lines, first, last)
        here = _entry_start(lines, first)
        fields = _status_fields(status, here)
        if day is not None:
            at = Position(first + 1, day[1] + 1)
            fields.append(Field("Date", "date", day[0], at, at, first + 1))
        owner = part.owner or given.get("dri") or claimant
        if owner:
            fields.append(Field("DRI", "dri", owner, here, here, first + 1))
        if part.priority:
            fields.append(Field("Priority", "priority", part.priority, here, here, first + 1))
        if part.depends:
            fields.append(Field("Depends on", "depends on", part.depends, here, here, first + 1))
        item_id = part.item_id or reference_from_title(part.title, taken)
        section_text = document.section_above(first + 1)
        titled = not part.item_id
        found.append(
            make_item(
                item_id,
                part.title,
                section_text,
                here,
                last + 1,
                fields,
                document.dialect,
                (),
                titled,
            )
        )
    cut = _entry_blocks(lines, entries)
    return found, cut


# A bullet that opens with an epic's number and title in bold, then its description:
# ``* **Epic 1: Core Service & Backlog Management**: Establish the server``.
_EPIC_BULLET = LazyPattern(
    r" {0,3}[-*+][ \t]+\*\*(?P<id>Epic[ \t][0-9]{1,3}):[ \t]+(?P<title>[^*\n]{2,120}?)\*\*"
    r"(?:[ \t]*[:—–-][ \t]*\S.*|[ \t]*)"
)


def _epic_bullets(
    document: Document, entries: list[tuple[int, int]], grouped: bool
) -> tuple[list[Item], tuple[Block, ...]]:
    """A list whose every bullet opens with an epic's number and title in bold (``*
    **Epic 1: Core Service**: description``), two or more, each number once: a plan's
    epics, ``Epic 1`` the ID; the list says no status, so none is read. In a document
    titled a changelog they are the epics a release's changes belong to: no work."""
    if grouped or len(entries) < 2:
        return [], ()
    titles = [
        text
        for text, heading in zip(document.heading_texts(), document.headings, strict=True)
        if heading.level == 1
    ]
    if titles and names_a_changelog(titles[0]):
        return [], ()
    lines = document.lines
    found = [_EPIC_BULLET.fullmatch(lines[first].rstrip("\r\n")) for first, _ in entries]
    if not all(found):
        return [], ()
    numbers = [" ".join(match["id"].split()) for match in found if match is not None]
    if len(set(numbers)) < len(numbers):
        return [], ()
    items = []
    for (first, last), match, number in zip(entries, found, numbers, strict=True):
        assert match is not None
        here = Position(first + 1, match.start("id") + 1)
        title = document.inline(match["title"].strip())
        section = document.section_above(first + 1)
        items.append(make_item(number, title, section, here, last + 1, [], document.dialect))
    return items, tuple(Block("list", first + 1, last + 1) for first, last in entries)


def _phases_in_progress(document: Document, parsed: list[Line]) -> list[str | None] | None:
    """The status each of two or more plain bullets naming a phase (``- Phase 1: Name (2
    plans)``) takes from its row of the document's progress table, where every one has
    a row that says it is done (a shipped roadmap, whose table of finished rows is read
    as no items); None where a bullet names no phase or has no row, where a row says
    work still open (the table's rows are then the items), or where the document's
    headings are its items (the bullets are then a summary of them)."""
    from roadmaplint.reader.phases import progress_rows

    if document.with_ids_only or len(parsed) < 2:
        return None
    if not all(part.item_id and _is_phase(part.item_id) for part in parsed):
        return None
    rows = dict(progress_rows(document.lines))
    if not all(part.item_id in rows for part in parsed):
        return None
    said: list[str | None] = [rows[part.item_id] for part in parsed if part.item_id]
    # a table with work still open is read as the plan's items itself: its rows are them
    return said if all(common_meaning(status) == "done" for status in said) else None


# A milestone's version and its name in one bold lead: ``**v1.1 Metrics & Benchmarks**``.
_VERSION_NAME = LazyPattern(
    r"\*\*(?P<version>v[0-9]{1,4}(?:\.[0-9]{1,4}){1,2})[ \t]++(?P<name>[^*\s][^*]*+)\*\*"
)


def _versioned(texts: list[str], parsed: list[Line]) -> list[Line]:
    """A list of milestones each named by a bold lead that opens with its version
    (``- ✅ **v1.1 Metrics & Benchmarks** — Phases 1-6, shipped ...``), two or more and
    each version once, names each by its version: the version is the milestone's ID and
    the words after it its title. Anything else stays as parsed."""
    found = [_VERSION_NAME.match(text) for text in texts]
    versions = [match["version"] for match in found if match is not None]
    if len(versions) < 2 or len(versions) != len(parsed) or len(set(versions)) != len(versions):
        return parsed
    if any(part.item_id for part in parsed):
        return parsed
    return [
        replace(part, item_id=match["version"], title=match["name"].strip())
        for part, match in zip(parsed, found, strict=True)
        if match is not None
    ]


# A priority written as a MoSCoW tag in brackets opening a bullet: ``[nice to have]``,
# ``[must have]``, ``[should-have]``.
_MOSCOW_TAG = LazyPattern(
    r"\[(?P<priority>(?:must|should|could|nice)[ \t-]+(?:to[ \t-]+)?have"
    r"|won'?t[ \t-]+have)\][ \t]+",
    re.I,
)
# A bullet that opens with a version, in code, bold or both, and what that version brings
# after a colon or a dash: `` `v0.5.5-beta` : add LDAP ``, ``**`v1.0.0`** — polish``.
_VERSION_LEAD = LazyPattern(
    r"(?:\*\*|__)?(?P<code>`)?(?P<version>v?[0-9]{1,4}(?:\.[0-9]{1,4}){1,3}"
    r"(?:-[0-9A-Za-z]{1,20}(?:[.-][0-9A-Za-z]{1,20}){0,3})?)`?(?:\*\*|__)?"
    r"(?:[ \t]*[:—–]|[ \t]+-)[ \t]+(?P<title>\S.*)",
    re.S,
)


def _version_leads(texts: list[str]) -> list[re.Match[str]] | None:
    """The version each bullet opens with, where two or more bullets each open with a
    version of their own (``v0.5.5-beta`` in code, or ``v1.2``) and what it brings: a
    roadmap by version number. None where any does not (``- 1.2: a step`` is no version:
    one without a ``v`` must be written as code)."""
    found = [_VERSION_LEAD.match(text) for text in texts]
    leads = [
        match
        for match in found
        if match is not None and (match["code"] or match["version"].startswith("v"))
    ]
    if len(leads) < 2 or len(leads) != len(texts):
        return None
    versions = [lead["version"] for lead in leads]
    return leads if len(set(versions)) == len(versions) else None


# A heading that names a plan's milestones: ``### 9. Milestones``, ``### 9. 마일스톤 제안``,
# ``## マイルストーン``, ``## 里程碑``, ``## Meilensteine``.
_MILESTONE_HEADING = LazyPattern(
    r"(?:[0-9]{1,3}\.[ \t]++)?(?:milestones?|마일스톤|マイルストーン|里程碑|meilensteine?"
    r"|jalons?|hitos?|marcos?)"
    # what may follow: a word that proposes them, a remark in brackets (``(주요 작업 순서)``,
    # its closing bracket stripped with the heading's other edge marks)
    r"(?:[ \t]*+(?:제안|계획|案|plan|proposal|overview))?+"
    r"(?:[ \t]*+[(（][^()（）\n]{0,40}[)）]?)?+",
    re.IGNORECASE,
)
# A numbered milestone led by its short label: ``1. D0: 환경 세팅``, ``2. W2: Ship the beta``.
_MILESTONE_LABEL = LazyPattern(r"(?P<label>[A-Z]{1,2}[0-9]{1,2})[ \t]*[:：][ \t]+(?P<title>\S.*)")


def _labelled_milestones(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """A numbered list right under a heading that names milestones (``### 9. 마일스톤
    제안(주요 작업 순서)``), three entries or more, each led by a short label of one
    series (``1. D0: text``, ``2. D1: text``): a design plan's milestones, each an item by
    its label with no status, as it writes none, where no heading is an item. A numbered
    list under any other heading, or of labels of several series, is prose."""
    lines = document.lines
    first_line = entries[0][0]
    section = document.section_above(first_line + 1)
    if len(entries) < 3 or section is None or not _under_heading(lines, first_line):
        return [], ()
    if _MILESTONE_HEADING.fullmatch(edge_stripped(section).strip()) is None:
        return [], ()
    found = []
    for first, last in entries:
        bullet = _BULLET.match(lines[first])
        last = _last(lines, first, last)
        if bullet is None or not bullet["number"] or last != first:
            return [], ()
        label = _MILESTONE_LABEL.match(lines[first], bullet.end())
        if label is None:
            return [], ()
        title = label["title"].rstrip("\r\n").rstrip().removesuffix(".")
        here = _entry_start(lines, first)
        found.append(
            make_item(label["label"], title, section, here, last + 1, [], document.dialect)
        )
    series = {item.id.rstrip("0123456789") for item in found}
    if len(series) != 1 or len({item.id for item in found}) != len(found):
        return [], ()
    return found, _entry_blocks(lines, entries)


# A numbered entry led by its priority as a bold label: ``1. **Alta:** Configurar o ambiente``,
# ``2. **High**: Write the schema``.
_PRIORITY_LABEL = LazyPattern(
    r"\*\*(?P<word>[^\W\d_]{3,8})(?::\*\*|\*\*:)[ \t]+(?P<title>[^*\s].*)"
)
# The levels such a label names, in the languages the corpus's plans are written in.
_LABEL_PRIORITIES = frozenset(
    (
        *("critical", "urgent", "high", "medium", "low"),
        *("alta", "média", "media", "baixa", "baja", "urgente"),
        *("hoch", "mittel", "niedrig", "haute", "moyenne", "basse"),
    )
)


def _ranked_beside_headings(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """A numbered list right under a heading, two entries or more, each led by a priority
    as a bold label (``1. **Alta:** Configurar o ambiente``), in a plan whose items are
    headings with IDs: the work the plan puts first now, each an item with that priority
    and no status, as it writes none. A numbered list of other bold labels (``1.
    **Backend:** Django``) is notes."""
    lines = document.lines
    first_line = entries[0][0]
    if len(entries) < 2 or not document.taken or not _under_heading(lines, first_line):
        return [], ()
    found = []
    for first, last in entries:
        bullet = _BULLET.match(lines[first])
        last = _last(lines, first, last)
        if bullet is None or not bullet["number"] or last != first:
            return [], ()
        label = _PRIORITY_LABEL.match(lines[first], bullet.end())
        if label is None or label["word"].casefold() not in _LABEL_PRIORITIES:
            return [], ()
        item = _entry_named_by_title(
            document,
            label["title"],
            (first, last),
            document.section_above(first_line + 1),
            taken,
            priority=label["word"],
        )
        if item is None:
            return [], ()
        found.append(item)
    return found, _entry_blocks(lines, entries)


def _done_marks_beside_headings(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """Plain bullets each led by a done mark (``- ✅ Criação da estrutura``), one line each,
    under a band of the plan that a done mark leads (``## ✅ Tarefas Concluídas``, perhaps
    over ``### Semana 1``), in a plan whose items are headings with IDs: its log of work
    finished, each done, in whatever language the band is named. Marked bullets under a
    heading no done mark leads (``### Objetivos Principais``) are goals or notes."""
    lines = document.lines
    first_line = entries[0][0]
    if not document.taken or not _under_heading(lines, first_line):
        return [], ()
    id_only = patterns(document.dialect.id_pattern).id_only
    bands = document.status_sections_above(first_line + 1)
    led = [text for text in bands if _DONE_MARK.match(text.lstrip())]
    if not led or any(id_only.match(text.split()[0]) for text in bands if text.split()):
        return [], ()
    found = []
    for first, last in entries:
        bullet = _BULLET.match(lines[first])
        last = _last(lines, first, last)
        if bullet is None or bullet["number"] or last != first:
            return [], ()
        mark = _DONE_MARK.match(lines[first], bullet.end())
        if mark is None:
            return [], ()
        item = _entry_named_by_title(
            document,
            lines[first][mark.end() :],
            (first, last),
            document.section_above(first_line + 1),
            taken,
            status=mark["mark"],
        )
        if item is None:
            return [], ()
        found.append(item)
    return found, _entry_blocks(lines, entries)


def _idea_boxes_beside_items(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """Open boxes with no IDs right under a heading that names ideas (``## 💡 Future
    Ideas``, ``## 💡 Ideias Futuras (Backlog)``), in a plan whose items are headings with
    IDs (``### FASE 1: Fundação`` over a Status line and its checklists): the ideas the
    plan keeps for later, each an item with that state, each box one line as an idea is
    named. Elsewhere in such a plan boxes without IDs are its items' checklists."""
    lines = document.lines
    first_line = entries[0][0]
    if not document.taken or not _under_heading(lines, first_line):
        return [], ()
    section = document.section_above(first_line + 1)
    named = status_of_section(section)
    if named is None or common_meaning(named) != "idea":
        return [], ()
    found = []
    for first, last in entries:
        box = BOX.match(lines[first])
        last = _last(lines, first, last)
        if box is None or box["mark"] != " " or last != first:
            return [], ()
        item = _entry_named_by_title(
            document,
            lines[first][box.end() :],
            (first, last),
            section,
            taken,
            status=named,
        )
        if item is None:
            return [], ()
        found.append(item)
    return found, _entry_blocks(lines, entries)


def _entry_named_by_title(
    document: Document,
    text: str,
    entry: tuple[int, int],
    section: str | None,
    taken: set[str],
    *,
    status: str | None = None,
    priority: str | None = None,
) -> Item | None:
    """The item a one-line entry's ``text`` (after its lead) names, with no ID: named by
    its title, with the ``status`` or ``priority`` its lead gives, at the entry's start;
    None where the text leaves no title."""
    part = parse_line(text.rstrip("\r\n"), document, leading_ids=False)
    if not part.title:
        return None
    first, last = entry
    here = _entry_start(document.lines, first)
    return make_item(
        reference_from_title(part.title, taken),
        part.title,
        section,
        here,
        last + 1,
        _status_fields(status, here)
        + ([Field("Priority", "priority", priority, here, here, here.line)] if priority else []),
        document.dialect,
        (),
        True,
    )


def _ideas_beside_items(document: Document, entries: list[tuple[int, int]]) -> bool:
    """Whether plain bullets beside heading items are ideas the plan names for later: they
    stand under a heading that says so (``## 🎯 FUTURE ENHANCEMENTS`` over ``### PWA``
    over ``- Service worker implementation``), each a short line of its own. Beside
    heading items other plain bullets are the items' notes, or prose."""
    named = status_of_sections(document.status_sections_above(entries[0][0] + 1))
    lines = document.lines
    return named == "idea" and all(
        not lines[at].strip() for first, last in entries for at in range(first + 1, last + 1)
    )


def _title_status(document: Document) -> str | None:
    """The status the document's title names where it is its only level-1 heading
    (``# TODO``, ``# In Progress``): a list of work under it has that status. A title is
    no status section otherwise (``status_sections_above``), as ``# Done`` over a
    release's notes is not; only bullets that all lead with an ID take it."""

    def named() -> str:
        headings = document.headings
        if not headings or headings[0].level != 1:
            return ""
        if sum(1 for heading in headings if heading.level == 1) > 1:
            return ""
        return status_of_section(document.heading_texts()[0]) or ""

    return document.memo("title_status", named) or None


def _notes_under_status(document: Document, line: int, named: str | None) -> bool:
    """Whether plain bullets at ``line`` are notes on a status section's work, not work:
    their own heading names no status (``### Blocker Details`` under ``## Blocked``) and
    the document writes its work as boxes (``- [x] E2E build permission denied``). A
    status heading's own plain bullets, or those of an area heading under it in a
    document without boxes, are its items."""
    if named is None or status_of_sections([document.section_above(line) or ""]) is not None:
        return False
    if not document.memo("writes boxes", lambda: any(BOX.match(text) for text in document.lines)):
        return False
    return _status_section_boxes(document, line)


def _done_beside_boxes(document: Document) -> bool:
    """Whether the one heading that names a status says done (``## 🟢 Completed Features``)
    in a document whose other work is boxes, each saying its own state: the boxes stand
    for the second status heading a list of plain bullets under a status asks for."""
    if status_headings(document) != 1:
        return False
    named = (status_of_section(text) for text in document.heading_texts())
    if not any(common_meaning(status) == "done" for status in named if status is not None):
        return False
    return document.memo("writes boxes", lambda: any(BOX.match(text) for text in document.lines))


def _status_section_boxes(document: Document, line: int) -> bool:
    """Whether the nearest heading above ``line`` that names a status holds boxes in its
    section, or names a state other than done: a tracker's ``## 🟢 Completed Features``
    whose area headings list the work as bold-titled bullets, the boxes only under ``## 🟡
    In Progress``, writes its finished work as bullets; the bullets of a section of boxes
    are notes on them, and those under ``### Blocker Details`` in a ``## Blocked`` section
    say why the boxes above are blocked."""
    lines = document.lines
    above = [heading for heading in document.headings if heading.line < line]
    for at in range(len(above) - 1, -1, -1):
        heading = above[at]
        named = status_of_section(document.inline(heading.source))
        if named is None:
            continue
        if common_meaning(named) != "done":
            return True
        end = next(
            (
                other.line - 1
                for other in document.headings
                if other.line > heading.line and other.level <= heading.level
            ),
            len(lines),
        )
        return any(BOX.match(text) for text in lines[heading.line : end])
    return True


def _logged_done(
    document: Document, entries: list[tuple[int, int]], texts: list[str], named: str | None
) -> bool:
    """Whether a list is a work queue's log of finished work: right under a heading that
    says done (``## Completed Tickets``), in a document titled a queue or a plan, every
    bullet opening with a bold title (``- **Group districts by region** - PR #33``). A
    README's list of features under ``## Features`` names no status; one under a lone
    ``## Done`` of a document titled otherwise stays prose too."""
    if len(entries) < 2 or common_meaning(named) != "done":
        return False
    if not all(_BOLD_TITLED.match(text) for text in texts):
        return False
    headings = document.headings
    if not headings or headings[0].level != 1:
        return False
    title = edge_stripped(document.inline(headings[0].source)).strip()
    return _QUEUE_TITLE.fullmatch(title) is not None and _under_heading(
        document.lines, entries[0][0]
    )


# A bullet's bold title, not a bold field label: ``**Title** - note``, not ``**Status:**``.
# (a quoted literal in bold, ``**"Task not found"**``, is a message a page explains: no work)
_BOLD_TITLED = LazyPattern(r"\*\*(?![\"'“‘])[^*:]{2,200}\*\*(?![ \t]*:)")
# A document titled a plan of work: ``# Work Queue``, ``# Roadmap``, ``# TODO``, ``# Tasks``.
_QUEUE_TITLE = LazyPattern(
    r"(?:[\w.-]+[ \t]+){0,3}"
    r"(?:road[ \t]?map|to-?do|work[ \t]+queue|backlog|tasks|task[ \t]+board)\b.*",
    re.I | re.S,
)


# A document titled a plan of work anywhere in its title: ``# Progress: nftbk``, ``# OLLM
# CLI - Backlog``, ``# pg-delta-next — remaining work``, ``# Agent Task Board``.
_WORK_TITLE = LazyPattern(
    r"\b(?:road[ \t]?map|to-?do|plan|progress|backlog|queue|tasks?|work|milestones?"
    r"|status|board|sprint|tracker)\b",
    re.I | re.S,
)


def titles_work(title: str) -> bool:
    """Whether a document's title names a plan of work (``# Agent Task Board``)."""
    return _WORK_TITLE.search(edge_stripped(title)) is not None


def _titled_work(document: Document) -> bool:
    """Whether the document's first heading, at level 1, names a plan of work."""

    def titled() -> bool:
        headings = document.headings
        if not headings or headings[0].level != 1:
            return False
        title = edge_stripped(document.heading_texts()[0])
        return _WORK_TITLE.search(title) is not None

    return document.memo("titled_work", titled)


def _under_heading(lines: list[str], first: int) -> bool:
    """Whether the nearest line above ``first`` that is not blank is a heading."""
    # by index: a copy of every line above for each list made reading quadratic
    above = next((lines[at] for at in range(first - 1, -1, -1) if lines[at].strip()), "")
    return (
        above.lstrip(" ").startswith("#") or _SETEXT_UNDERLINE.fullmatch(above.strip()) is not None
    )


_SETEXT_UNDERLINE = LazyPattern(r"=+|-+")
# A horizon heading: ``## Now``, ``## Next (3-6 months)``, ``## Later — 2027``, ``## Soon``,
# perhaps after the numbered phase it is (``### Phase 1 — Now (next 1–2 weeks)``).
_HORIZON = LazyPattern(
    r"(?:phase[ \t]+[0-9]{1,3}[ \t]*[—–:-][ \t]*)?"
    r"(?P<word>now|next|later|soon)(?:[ \t]*(?:\(.*\)|[—–:-][ \t].*))?",
    re.I | re.S,
)
# The end of a bullet's first sentence: a full stop before a capital or the end.
_SENTENCE_END = LazyPattern(r"\.(?:[ \t]+(?=[A-Z`*_\[])|[ \t]*$)")
_REMARK_WORDS = 12  # a closing remark in brackets longer than this is description
# A remark in brackets that is a sentence of its own, after a box's sentence has ended,
# often on its wrapped line: ``Remember the animal per project. (`treats animal <name>
# --here` sets it.)``. A qualifier (``etc. (requires SendGrid)``) stays the title's.
_REMARK_AFTER_SENTENCE = LazyPattern(r"\.[ \t]+\([^()\n]*\.\)[ \t]*$")
# A closing bracket holding only a link, where the work is written down: ``Design CLI
# ([docs/designs/cli.md](designs/cli.md))`` names the document, not the work.
_LINK_REMARK = LazyPattern(r"(?<![ \t])[ \t]++\(\[[^\[\]\n]*\]\([^()\n]*\)\)[ \t]*$")
# What closes an agent's box after its name, no part of it: the commit the work landed in,
# in code in brackets (``Partner home hydration (`6bde213`).``).
_CLOSING_NOTE = LazyPattern(r"(?<![ \t])[ \t]*+\(`[0-9a-f]{7,40}`\)\.?[ \t]*$")


# A coloured circle leading a bullet: ``🟡`` of ``- 🟡 Custom report builder``.
# A bullet that says a column holds nothing: ``- none``, ``- _None._``, ``- (nothing)``.
# ``- None yet``, ``- _Nothing so far._``.
_NOTHING_BULLET = LazyPattern(
    r"[ \t]*[_*(]*(?:(?:none|nothing)(?:[ \t]+(?:yet|so[ \t]+far))?|n/a|empty|[-—–])[_*).]*[ \t]*",
    re.I,
)
# The day a log's bullet was written, before its words: ``2026-04-20: Added ...``.
_DATE_LEAD = LazyPattern(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?::|[ \t]+[—–-])[ \t]+")
_CIRCLE_MARK = LazyPattern(r"[\U0001F534\U0001F535\U0001F7E0-\U0001F7E4\u26AA\u26AB]\ufe0f?[ \t]+")


def _bullet_text(line: str) -> str:
    bullet = _BULLET.match(line)
    return line[bullet.end() :] if bullet is not None else ""


def _is_horizon(heading: str | None) -> bool:
    return heading is not None and _HORIZON.fullmatch(edge_stripped(heading)) is not None


def horizon_word(heading: str) -> str | None:
    """The horizon a heading names (``now`` of ``Phase 1 — Now (next 1–2 weeks)``), or None."""
    found = _HORIZON.fullmatch(edge_stripped(heading))
    return found["word"].casefold() if found is not None else None


# A bullet that writes a field, bold or not: ``- **Priority**: P1``, ``- Start Date: 2024``.
_FIELD_BULLET = LazyPattern(
    r" {0,3}[-*+][ \t]+\*{0,2}(?P<name>[A-Za-z][A-Za-z ]{0,29}?)\*{0,2}[ \t]*:(?:[ \t]|$)"
)

# A field's value that is a day: ``2026-01-25`` of ``- **Completed**: 2026-01-25``.
_DAY_VALUE = LazyPattern(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])")


def _field_list(lines: list[str], entries: list[tuple[int, int]], dialect: Dialect) -> bool:
    """Whether every bullet of a list writes a field and one of them a field of work
    (``- **Type**: bug``, ``- **Priority**: P1`` under a queue's task heading; ``- Start
    Date:``, ``- Owner:`` under a title): the work's fields, no work of their own."""
    names = []
    dated_done = False  # ``- **Completed**: 2026-01-25``: the day the work above was done
    for first, _ in entries:
        field = _FIELD_BULLET.match(lines[first])
        if field is None:
            return False
        names.append(field["name"].strip())
        value = lines[first][field.end() :].lstrip("* \t")
        if status_meaning(names[-1]) == "done" and _DAY_VALUE.match(value):
            dated_done = True
    if dated_done or any(dialect.key(name) in WORK_KEYS for name in names):
        return True
    # (``- **Completed**: 2026-01-25`` / ``- **Description**: ...`` / ``- **Notes**: ...``
    # under a feature's heading: labels each said once, two of them of what a thing is or
    # when it was done, are that heading's fields, even with no status among them; one
    # alone is a feature's title among others: ``- **Location**: GPS`` beside ``- **Offline
    # Maps**:`` in a tracker's done area)
    folded = [name.casefold() for name in names]
    return (
        len(folded) >= 2
        and len(set(folded)) == len(folded)
        and sum(name in _DESCRIBING_KEYS for name in folded) >= 2
    )


# The labels of a thing's description and its days, which no work is titled alone.
_DESCRIBING_KEYS = frozenset(
    (
        "description",
        "details",
        "notes",
        "summary",
        "completed",
        "started",
        "finished",
        "estimated effort",
        "effort",
        "location",
    )
)


def _says_nothing(line: str) -> bool:
    """Whether a bullet's line says its list holds nothing (``- none``, ``- _None._``)."""
    bullet = _INDENTED_BULLET.match(line)
    return (
        bullet is not None
        and _NOTHING_BULLET.fullmatch(line[bullet.end() :].rstrip("\r\n")) is not None
    )


# A cell of a bar-joined bullet that writes the status: ``status: BLOCKED: needs ...``.
_STATUS_CELL = LazyPattern(r"status:[ \t]*(?P<value>\S.*)", re.I)
# A task file's slug, its number ending the ID: ``task-wi-31-jacobi-potential``.
_NUMBERED_SLUG = LazyPattern(
    r"(?P<id>[a-z][a-z0-9]{0,20}(?:-[a-z][a-z0-9]{0,20}){0,4}-[0-9]{1,6})-(?P<title>[a-z0-9][a-z0-9-]*)"
)
# A nested note that an agent holds the task: ``- claimed by planet-plot-f2``.
_HELD_BY = LazyPattern(
    r"[ \t]*[-*+][ \t]+(?:claimed|locked|assigned)[ \t]+(?:by|to)[ \t]+@?(?P<owner>[\w.-]{1,40})",
    re.I,
)
_FEWEST_QUEUED = 2


def _bar_joined_queue(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """A slim index of a work queue: bullets whose cells a bar joins, one of them the
    status (``* task-wi-31-jacobi-potential | WORK_ITEM_TASKS/....md | status: ASSIGNED``),
    two or more: each an item, named by its first cell (a task file's slug gives the ID
    and the title), the owner an agent a nested ``claimed by`` note names. A list whose
    bullets do not every one write a status cell is prose."""
    lines = document.lines
    if len(entries) < _FEWEST_QUEUED:
        return [], ()
    found = []
    for first, last in entries:
        bullet = _INDENTED_BULLET.match(lines[first])
        if bullet is None or bullet["number"] or BOX.match(lines[first]):
            return [], ()
        cells = [cell.strip() for cell in lines[first][bullet.end() :].split(" | ")]
        status = next((m["value"].strip() for c in cells[1:] if (m := _STATUS_CELL.match(c))), None)
        if len(cells) < 2 or not cells[0] or status is None:
            return [], ()
        if common_meaning(status.split(":")[0]) is None:
            return [], ()  # ``status: stable`` of an API's endpoints: no work's state
        slug = _NUMBERED_SLUG.fullmatch(cells[0])
        title = slug["title"] if slug is not None else document.inline(cells[0])
        item_id = slug["id"] if slug is not None else reference_from_title(title, taken)
        last = _last(lines, first, last)
        here = _entry_start(lines, first)
        fields = _status_fields(status, here)
        held = next(
            (h for line in lines[first + 1 : last + 1] if (h := _HELD_BY.match(line))), None
        )
        if held is not None:
            fields.append(Field("DRI", "dri", held["owner"], here, here, first + 1))
        section = document.section_above(first + 1)
        found.append(
            make_item(
                item_id, title, section, here, last + 1, fields, document.dialect, (), slug is None
            )
        )
    cut = _entry_blocks(lines, entries)
    return found, cut


def _parked_beside_headings(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """Plain bullets right under a heading that parks work (``## Parked / Later``,
    ``## Deferred``) or logs it finished (``## Done``), in a plan whose other items are
    headings: each bullet is parked work named by its first sentence, or finished work
    named by its whole text (a log's entry is one statement), as the heading items beside
    them are work; a log of finished work stands right under the plan's title. Bullets
    under any other heading of such a plan (``## Backlog Guard``, ``## Notes``) are
    prose."""
    if not document.taken:
        return [], ()  # a meeting's record reads only IDs too: its ``## Done`` is no log
    lines = document.lines
    first_line = entries[0][0]
    section = document.section_above(first_line + 1)
    # ``## Parked / Later``: two words for one state, the first naming it
    named = status_of_section(section.split(" / ")[0]) if section is not None else None
    meaning = common_meaning(named)
    if named is None or meaning not in ("idea", "done") or not _under_heading(lines, first_line):
        return [], ()
    if meaning == "done" and len(document.status_sections_above(first_line + 1)) != 1:
        return [], ()  # ``### Shipped`` under ``## Milestones``: an overview of what shipped
    found = []
    for first, last in entries:
        bullet = _BULLET.match(lines[first])
        if bullet is None or bullet["number"] or BOX.match(lines[first]):
            return [], ()
        last = _last(lines, first, last)
        text = _wrapped(lines[first][bullet.end() :].rstrip("\r\n"), lines, first, last)
        named_by = text if meaning == "done" else _first_sentence(text)
        part = parse_line(named_by, document, leading_ids=False)
        here = _entry_start(lines, first)
        fields = _status_fields(named, here)
        item_id = reference_from_title(part.title, taken)
        found.append(
            make_item(
                item_id, part.title, section, here, last + 1, fields, document.dialect, (), True
            )
        )
    cut = _entry_blocks(lines, entries)
    return found, cut


# A numbered heading of a plan's series: ``## 6. Smaller items``.
_NUMBERED_HEADING = LazyPattern(r"[0-9]{1,3}\.[ \t]+\S.*")


# A bullet that leads with its ID in bold, then its text: ``- **F-013** parallel fan-out``,
# ``- **REV-14** — Extract DATA``.
_BOLD_ID_LEAD = LazyPattern(r"\*\*(?P<id>[^*\s]{1,24})\*\*[ \t]*(?:[—–:-][ \t]*)?(?P<title>\S.*)")
# The letters an ID opens with: ``F`` of ``F-013``, ``REV`` of ``REV-14``.
_ID_LETTERS = LazyPattern(r"(?P<letters>[A-Za-z]{1,8})-?[0-9]")


def _id_parts(code: str) -> tuple[str, str, str]:
    """An ID's letters, what stands between them and its number, and its number's digits
    (``F``, ``-``, ``013`` of ``F-013``); the digits are empty where none follow."""
    letters = len(code) - len(code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
    rest = code[letters:]
    gap = len(rest) - len(rest.lstrip("-_."))
    number = rest[gap:]
    digits = number[: len(number) - len(number.lstrip("0123456789"))]
    return code[:letters].casefold(), rest[:gap], digits


def _numbered_alike(code: str, heading_id: str) -> bool:
    """Whether a bullet's ID is written as a heading's: the same letters and separator,
    and, where the heading pads its number with zeros (``F-001``), as many digits."""
    mine, theirs = _id_parts(code), _id_parts(heading_id)
    if not mine[2] or not theirs[2] or mine[:2] != theirs[:2]:
        return False
    return not theirs[2].startswith("0") or len(mine[2]) == len(theirs[2])


def _bold_ids_beside_headings(
    document: Document, entries: list[tuple[int, int]]
) -> tuple[list[Item], tuple[Block, ...]]:
    """Plain bullets right under a heading, each leading with an ID in bold (``- **F-013**
    parallel fan-out``), in a plan whose items are headings with IDs of the same letters
    (``## F-001: Role config``): more of the plan's work, written short (a later phase's
    list), each an item by its ID with no status, as it writes none. Bullets whose bold
    words are no ID, or IDs no heading's letters name, are notes or prose."""
    lines = document.lines
    first_line = entries[0][0]
    if not document.taken or not _under_heading(lines, first_line):
        return [], ()
    id_only = patterns(document.dialect.id_pattern).id_only
    letters = {
        found["letters"]
        for text in document.heading_texts()
        if (found := _ID_LETTERS.match(text.strip())) is not None
    }
    # the headings' own IDs: a bullet that leads with one names that item again (``-
    # **TSK-0001** (Blob Storage) + **TSK-0002** ...`` of a sequencing note), no new item
    headed = {
        text.strip().split()[0].strip(":.—–-").casefold()
        for text in document.heading_texts()
        if text.strip()
    }
    found_items = []
    for first, last in entries:
        bullet = _BULLET.match(lines[first])
        if bullet is None or bullet["number"] or BOX.match(lines[first]):
            return [], ()
        coded = _BOLD_ID_LEAD.match(lines[first], bullet.end())
        if coded is None or not id_only.fullmatch(coded["id"]):
            return [], ()
        own = _ID_LETTERS.match(coded["id"])
        if own is None or own["letters"] not in letters or coded["id"].casefold() in headed:
            return [], ()
        # an ID written another way than the headings' (``**R-1**`` beside a padded
        # ``## R-001``) is a code of something else (a risk, a form), no more work
        if not any(_numbered_alike(coded["id"], code) for code in headed):
            return [], ()
        last = _last(lines, first, last)
        text = _wrapped(coded["title"].rstrip("\r\n"), lines, first, last)
        here = _entry_start(lines, first)
        section = document.section_above(first + 1)
        found_items.append(
            make_item(
                coded["id"],
                document.inline(text).strip(),
                section,
                here,
                last + 1,
                [],
                document.dialect,
            )
        )
    return found_items, _entry_blocks(lines, entries)


def _grouped_beside_headings(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """The bullets of a numbered heading among a plan's numbered heading items whose
    section is only bold-titled bullets (``## 6. Smaller items`` over ``- **`defaults.json`
    is dead.** Unread at runtime ...``): the heading groups smaller items, each bullet one,
    named by its bold title and with no status, as it writes none. The outline reads the
    heading as no item (``group_of_bold_bullets``)."""
    lines = document.lines
    first_line = entries[0][0]
    section = document.section_above(first_line + 1)
    if (
        section is None
        or not document.taken  # no heading item to stand among
        or _NUMBERED_HEADING.fullmatch(section.strip()) is None
        or not _under_heading(lines, first_line)
        or not group_of_bold_bullets(document.section_body(first_line + 1))
    ):
        return [], ()
    bolds = [
        _BOLD_LEAD.match(lines[first], bullet.end())
        if (bullet := _BULLET.match(lines[first])) is not None
        else None
        for first, _ in entries
    ]
    if any(bold is None for bold in bolds):
        return [], ()
    found = []
    for (first, last), bold in zip(entries, bolds, strict=True):
        assert bold is not None
        here = _entry_start(lines, first)
        title = document.inline(bold["title"]).strip()
        item_id = reference_from_title(title, taken)
        last = _last(lines, first, last)
        found.append(
            make_item(item_id, title, section, here, last + 1, [], document.dialect, (), True)
        )
    cut = _entry_blocks(lines, entries)
    return found, cut


def _read_horizon_list(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """A list of plain bullets right under a horizon heading, in a document with two or
    more horizon headings and no other items (``## Now`` ... ``## Later`` over prose
    bullets): each top-level bullet is an item named by its first sentence. A heading
    that is the horizon word alone is a board's column and gives the status as it gives
    an open box one (Now: in progress, Next: ready, Later: idea); a horizon with a time
    (``## Next (3-6 months)``) says when, not how far along, and gives none."""
    lines = document.lines
    if _holds_boxes(document):
        return [], ()  # a plan written in boxes writes its items as boxes, every one
    if _status_glossary(lines, entries):
        return [], ()  # ``- **Pending**：待开始``: the statuses the plan uses, no work
    sections = document.status_sections_above(entries[0][0] + 1)
    if any(_named_by_blanks(section) for section in sections):
        return [], ()  # under ``### ▼ [Feature Name] — [Status]``: the template's own lists
    # a plan that strikes its finished bullets through says of each whether it is done:
    # ``* ~~Define the goals~~`` is, ``* Run the tests`` is not (open, as a box would be)
    struck = document.memo("strikes finished", lambda: strikes_finished_bullets(lines))
    if _is_horizon(document.section_above(entries[0][0] + 1)) and _horizon_headings(document) >= 2:
        status = status_of_sections(sections[:1], True)
    elif (
        _titled_a_plan(document)
        or (_titled_a_plan(document, by_kind=True) and _names_its_work(document, entries))
        or _queue_of_bold_titles(document, entries)
        or (_titled_a_backlog(document) and _under_heading(lines, entries[0][0]))
    ) and _listed_work(document, entries, sections, struck):
        # ``# TODO`` over ``## Build cleanup``; a priority band right over the list
        # (``## Future Considerations`` over ``### Medium Priority``) leaves the status
        # to the heading above it
        banded = 1 if sections and leads_with_priority(sections[0]) else 0
        status = status_of_sections(sections[banded : banded + 1])
    elif _named_a_plan_by_its_file(document) and (
        work := _untitled_work(document, entries, sections)
    ):
        # a backlog kept as bullets: no status it has not written; one its heading or the
        # label leading its list names (``## Done``, ``Done:``) it has
        entries, status = work, status_of_sections([*sections[:1], _lead_label(lines, work)])
    else:
        return [], ()
    band = priority_of_sections(sections)
    # a list whose every bullet leads with a coloured circle (``- 🟡 Audit logs``) marks
    # each as its band does: the mark is no part of the title, and no meaning without a
    # legend (a colour says a priority in one plan, a status in another)
    circled = all(_CIRCLE_MARK.match(_bullet_text(lines[first])) for first, _ in entries)
    found = []
    read: list[tuple[int, int, str | None, str]] = []  # (first, last, status, text)
    wishes: dict[int, str] = {}  # the priority a bracketed MoSCoW tag gives a bullet
    days: list[tuple[str, int] | None] = []  # the day a dated bullet leads with, its column
    for first, last in entries:
        bullet = _BULLET.match(lines[first])
        if bullet is None:
            return [], ()
        last = _last(lines, first, last)
        text = _wrapped(lines[first][bullet.end() :].rstrip("\r\n"), lines, first, last)
        if circled:
            text = _CIRCLE_MARK.sub("", text, count=1)
        dated = _DATE_LEAD.match(text)
        day = None
        if dated is not None and dated.end() < len(text):
            # ``- 2026-05-01 — Beta launch``: a release's day, no part of its title, kept
            # in a field of its own (show prints it, export writes it)
            day = (text[:10], lines[first].find(text[:10]))
            text = text[dated.end() :]
        wished = _MOSCOW_TAG.match(text)
        if wished is not None:  # ``- [nice to have] allow unlimited polyphony``
            text = text[wished.end() :]
            wishes[first] = " ".join(wished["priority"].split()).lower()
        state = status
        marked_done = _STRUCK_THEN_DONE.fullmatch(text) if struck else None
        if struck and _STRUCK_THROUGH.fullmatch(text):
            state, text = "done", text.split("<!--", 1)[0].strip().strip("~").strip()
        elif marked_done is not None:
            state, text = "done", marked_done["title"].strip()
        elif struck and _DONE_NOTE.search(text):
            state = "done"  # ``**Analytics:** split by station — ✅ already implemented``
        elif struck:
            state = status or "open"
        read.append((first, last, state, _first_sentence(text)))
        days.append(day)
    # every bullet names its work before a colon and says how after it (``- Fix dotfile
    # staging: adjust new to ...``): the name is the title, as a bold label's is
    # (a version before the colon is no name: `` - `v0.5.5-beta` : add LDAP `` is a roadmap by
    # version number, read below)
    labels = [_NAME_BEFORE_HOW.match(text) for *_, text in read]
    named = [label for label in labels if label and len(label["name"].split()) <= _NAME_WORDS]
    if (
        len(named) == len(read)
        and not any(". " in n["name"] for n in named)
        and _version_leads([text for *_, text in read]) is None
    ):
        read = [(*entry[:3], n["name"]) for entry, n in zip(read, named, strict=True)]
    id_only = patterns(document.dialect.id_pattern).id_only
    with_ids = [parse_line(text, document) for *_, text in read]
    # every bullet leads with an ID (``- [FEAT-1] Login page``, ``- FEAT-2: Logout``): the
    # IDs are the items', and what each depends on is read as a box's would be
    ided = all(part.item_id and id_only.fullmatch(part.item_id) for part in with_ids)
    versions = None if ided else _version_leads([text for *_, text in read])
    if versions is not None:
        # every bullet opens with its version (`` - `v0.5.5-beta` : add LDAP ``): the
        # version names the item, as a milestone list's bold version does
        with_ids = [
            replace(parse_line(lead["title"], document, leading_ids=False), item_id=lead["version"])
            for lead in versions
        ]
        ided = True
    for (first, last, state, text), given, day in zip(read, with_ids, days, strict=True):
        part = given if ided else parse_line(text, document, leading_ids=False)
        here = _entry_start(lines, first)
        fields = _status_fields(state, here)
        if day is not None:
            at = Position(first + 1, day[1] + 1)
            fields.append(Field("Date", "date", day[0], at, at, first + 1))
        if part.owner:
            fields.append(Field("DRI", "dri", part.owner, here, here, first + 1))
        priority = part.priority or wishes.get(first) or band
        if priority:
            fields.append(Field("Priority", "priority", priority, here, here, first + 1))
        if ided and part.depends:
            fields.append(Field("Depends on", "depends on", part.depends, here, here, first + 1))
        item_id = part.item_id if ided and part.item_id else reference_from_title(part.title, taken)
        section = document.section_above(first + 1)
        found.append(
            make_item(
                item_id, part.title, section, here, last + 1, fields, document.dialect, (), not ided
            )
        )
    cut = _entry_blocks(lines, entries)
    return found, cut


# The title of a document that is a plan by its name: ``# TODO``, ``# Jigsaw Roadmap``,
# ``# Roadmap — post-0.2.0-beta``, ``# TODO list for IRIS``, a roadmap in another language
# (``# Дорожная карта``, ``# Hoja de ruta``, ``# 路线图``); not the README of a program
# named so (``# Todo App``, ``# todo-cli``, ``# Roadmap API``), whose bullets are features,
# nor a guide to making one (``# Career Roadmap Guide``, ``# Kariyer Yol Haritası Rehberi``).
_PLAN_TITLE = LazyPattern(
    r"(?:[\w.-]+[ \t]+){0,3}(?:road[ \t]?map|to-?do|дорожная[ \t]+карта|hoja[ \t]+de[ \t]+ruta"
    r"|feuille[ \t]+de[ \t]+route|yol[ \t]+haritas[ıi]|路线图|路線圖|ロードマップ)\b"
    r"(?![ \t_-]*(?:apps?|application|cli|api|server|client|manager|example|demo|tutorial"
    r"|clone|component|plugin|extension|service|bot|mvc|guide|rehberi?|gu[ií]a|handbook)\b).*",
    re.I | re.S,
)
# A table's delimiter row: ``|---|:---:|``.
_TABLE_RULE = LazyPattern(r"[ \t]{0,3}\|?[ \t]*:?-{3,}:?[ \t]*\|")
# A section of a plan that holds no work: its legend, what it leaves out (``## Не-цели``,
# non-goals, as a Russian plan names them), how to help.
_ASIDE = LazyPattern(
    r"(?:legend|out[ \t]+of[ \t]+scope|non-goals|boundaries|notes?|contribut\w*|get[ \t]+involved"
    r"|overview|summary|background|context|status|links?|references?|related|how[ \t]+to"
    r"|install\w*|usage|setup|getting[ \t]+started|licen[cs]e|requirements|prerequisites"
    r"|не-?[ \t]?цели)\b.*",
    re.I | re.S,
)


def _titled_a_plan(document: Document, by_kind: bool = False) -> bool:
    """Whether the document opens with one level-1 heading that names it a roadmap or a
    todo list (``# Roadmap``, ``# TODO``): its top-level bullets, under that title or
    under a topic heading inside it, are the work it plans (``# TODO`` over
    ``## Build/tooling cleanup`` over ``- Review deprecated Gradle warnings``). ``by_kind``:
    a plan titled by its kind of work instead (``# Implementation Plan``)."""

    def titled() -> bool:
        headings = document.headings
        if not headings or headings[0].level != 1:
            return False
        if any(_TABLE_RULE.match(line) for line in document.lines):
            return False  # a plan that writes a table writes its items there
        if sum(1 for heading in headings if heading.level == 1) > 1:
            return False
        title = edge_stripped(document.inline(headings[0].source)).strip()
        if by_kind:
            return _WORK_PLAN_TITLE.fullmatch(title) is not None
        return _PLAN_TITLE.fullmatch(title) is not None

    return document.memo("titled_a_work_plan" if by_kind else "titled_a_plan", titled)


# A plan of work by its kind: ``# Implementation Plan``, ``# Project Plan``; its bullets
# are its work where each names a piece of it before a colon (``- Fix dotfile staging:
# adjust ...``), not where they are notes (``- Docker environment is configured``).
_WORK_PLAN_TITLE = LazyPattern(
    r"(?:[\w.-]+[ \t]+){0,3}(?:implementation|project|development|work|action|delivery)"
    r"[ \t]+plan",
    re.I,
)


def _names_its_work(document: Document, entries: list[tuple[int, int]]) -> bool:
    """Whether each bullet of a list names a piece of work before a colon and says how
    after it (``- Fix dotfile staging: adjust new to ...``). A list whose every name is
    one word is the plan's facts (``- Budget: ...``, ``- Timeline: ...``), no work."""
    lines = document.lines
    found = [_NAME_BEFORE_HOW.match(_bullet_text(lines[first])) for first, _ in entries]
    names = [name["name"] for name in found if name is not None]
    return (
        len(names) == len(entries)
        and all(len(name.split()) <= _NAME_WORDS and ". " not in name for name in names)
        and any(len(name.split()) > 1 for name in names)
    )


# A file named a backlog or a todo list (``BACKLOG.md``, ``TODO.md``, ``game-TODO.md``).
_NAMED_A_PLAN = LazyPattern(r"(?:[^/\\]*[-_. ])?(?:backlog|to-?do)\.(?:md|markdown|txt)", re.I)
# A bullet opening with a word in brackets (``- [later] Fix cracks``), as a box would.
_WORD_TAGGED = LazyPattern(r"[ \t]*[-*+][ \t]+\[[A-Za-z][\w -]{1,20}\][ \t]")
# A label that leads a list of work under it (``Tools:``): a word or three and a colon.
_LEAD_LABEL = LazyPattern(r"[ \t]*[\w/&.+-]+(?:[ \t]+[\w/&.+-]+){0,2}[ \t]*:[ \t]*")


def _named_a_plan_by_its_file(document: Document) -> bool:
    """Whether a document with no title is a backlog or a todo list by its file's name
    (``BACKLOG.md`` of bullets kept for years, no heading over them): its top-level
    bullets are its work. Not one that writes a table (its items are there), nor one
    with a title, which names the document itself (``# Release notes``)."""

    def named() -> bool:
        name = document.path.replace("\\", "/").rpartition("/")[2]
        if not name or _NAMED_A_PLAN.fullmatch(name) is None:
            return False
        if any(heading.level == 1 for heading in document.headings):
            return False
        return not any(_TABLE_RULE.match(line) for line in document.lines)

    return document.memo("named_a_plan_by_its_file", named)


def _untitled_work(
    document: Document, entries: list[tuple[int, int]], sections: list[str]
) -> list[tuple[int, int]]:
    """The entries of a list of a plan named by its file that are its work: none under a
    heading that names an aside (``## Notes``), none of a list led in by a sentence that
    ends with a colon (``Played notes are stored in a Recording:`` over what the keys do:
    that sentence's notes), though a label of a word or three (``Tools:``) groups work;
    where the notes are indented and the list goes on at the margin (``  - In case of a
    game, ...`` then ``- adjust array frame colors``), what stands at the margin is."""
    if sections and _ASIDE.match(edge_stripped(sections[0]).strip()) is not None:
        return []
    lines = document.lines
    tagged = sum(1 for first, _ in entries if _WORD_TAGGED.match(lines[first]))
    if 2 * tagged >= len(entries):
        return []  # ``- [later] Fix cracks`` for most: words meant as boxes, a near miss
    above = entries[0][0] - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    lead = lines[above].rstrip() if above >= 0 else ""
    if _LEAD_LABEL.fullmatch(lead) is not None and _ASIDE.match(lead.strip()) is not None:
        return []  # ``Notes:`` leads notes, as a ``## Notes`` heading does
    if not lead.endswith(":") or _LEAD_LABEL.fullmatch(lead) is not None:
        return entries
    at = 0
    while at < len(entries) and lines[entries[at][0]][:1] in " \t":
        at += 1
    return entries[at:] if at else []


def _lead_label(lines: list[str], entries: list[tuple[int, int]]) -> str:
    """The label of a word or three that leads a list in (``Done:``), less its colon; or
    the empty string where none does."""
    above = entries[0][0] - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    lead = lines[above].strip() if above >= 0 else ""
    return lead[:-1] if _LEAD_LABEL.fullmatch(lead) is not None else ""


def _titled_a_backlog(document: Document) -> bool:
    """Whether the document is titled a backlog by that name alone (``# Backlog``): a list
    standing right under one of its headings (``## Code`` over ``- Fix admin logout``) is
    its work, with no status where it writes none. A list after a paragraph there
    (``B01 — Parser robustness`` over ``- Scope: M``) is that paragraph's notes."""
    headings = document.headings
    if not headings or headings[0].level != 1:
        return False
    return names_a_backlog(edge_stripped(document.inline(headings[0].source)).strip())


def _status_glossary(lines: list[str], entries: list[tuple[int, int]]) -> bool:
    """Whether every bullet of a list names a status in bold and says what it means
    (``- **Pending**：待开始``, ``- **Done**: merged and released``), a different status
    each: a legend of the plan's statuses, written as a list, whose bullets are no work."""
    named: set[str] = set()
    for first, _ in entries:
        glossed = _GLOSSED.match(_bullet_text(lines[first]))
        if glossed is None:
            return False
        status = status_of_section(glossed["word"] or glossed["code"])
        if status is None or status in named:
            return False
        named.add(status)
    return len(named) >= 2


# A bold word or one in code and what it means: ``**Pending**：待开始``, ``⏳ **Pending** —
# not started``, ``` `done` = released ```.
_GLOSSED = LazyPattern(
    r"(?:[^\w\s*`]{1,4}[ \t]+)?(?:\*\*(?P<word>[^*]{1,30})\*\*|`(?P<code>[^`]{1,30})`)"
    r"[ \t]*(?:[:：=]|[—–-][ \t])"
)


def _queue_of_bold_titles(document: Document, entries: list[tuple[int, int]]) -> bool:
    """Whether a list is the work of a document titled a queue (``# Work Queue — Backend
    Housekeeping``, ``# Backlog``) whose every bullet opens with a bold title
    (``- **Add VendorBillStatusEvent model** — ...``): each bullet names a piece of work,
    with no status where it writes none. Plain bullets there may be a paragraph's notes
    (``B01 — Title`` over ``- Scope: M``)."""
    headings = document.headings
    if not headings or headings[0].level != 1:
        return False
    title = edge_stripped(document.inline(headings[0].source)).strip()
    if _QUEUE_TITLE.fullmatch(title) is None:
        return False
    lines = document.lines
    if document.memo("writes_a_table", lambda: any(_TABLE_RULE.match(line) for line in lines)):
        return False  # a plan that writes a table writes its items there
    for first, _ in entries:
        bullet = _BULLET.match(lines[first])
        if bullet is None or not _BOLD_TITLED.match(lines[first], bullet.end()):
            return False
    return True


def _listed_work(
    document: Document, entries: list[tuple[int, int]], sections: list[str], struck: bool = False
) -> bool:
    """Whether a list of a plan titled so is its work: the list stands in the title's own
    section, or right under a heading that names no aside (``## Legend``, ``## Out of
    scope``). A list after a paragraph inside a section (``**Plan:**`` over steps) says
    how one piece of work is done, and is no list of work. ``struck``: the plan strikes
    its finished bullets through, so its bullets are its work wherever they stand, after
    a paragraph that leads into them too, and a bold label leading one
    (``- **Analytics:** split by station``) names the work, not a field of a heading."""
    id_only = patterns(document.dialect.id_pattern).id_only
    lines = document.lines
    leading = [lines[first].lstrip(" -*+").split(" ", 1)[0] for first, _ in entries]
    if any(id_only.fullmatch(word) for word in leading) and not _series(leading, id_only):
        # ``- S3 storage``, ``- HTTP2 push``: a name with a digit run into its sentence;
        # a series of IDs (``- DL-001 Pooling``, ``- DL-002 Caching``) names the work
        return False
    names = field_names(document.dialect)
    # ``- **`v0.5.3-beta`** : add DNS providers``: the current version in bold, no field
    versioned = _version_leads([_bullet_text(lines[first].lstrip(" ")) for first, _ in entries])
    for first, _ in [] if versioned else entries:
        bullet = _BULLET.match(lines[first].lstrip(" "))
        text = lines[first].lstrip(" ")[bullet.end() :] if bullet is not None else ""
        fields = bullet is not None and field_start(text, names)
        if fields and (not struck or _WORK_FIELD.match(text.lstrip("*_ "))):
            return False  # ``- **Status:** ready``: a heading's fields, no list of work
    if not sections:
        return True  # under the title itself: ``# Roadmap`` over its bullets
    aside = _ASIDE.match(edge_stripped(sections[0]).strip()) is not None
    # ideas named for later after a sentence that leads into them (``## 将来構想`` over
    # ``以下は...未定`` over ``- 長期記憶``), one line each, are the plan's ideas too
    ideas = status_of_section(sections[0]) == "idea" and all(
        not lines[at].strip() for first, last in entries for at in range(first + 1, last + 1)
    )
    return not aside and (struck or ideas or _under_heading(lines, entries[0][0]))


def _series(words: list[str], id_only: re.Pattern[str]) -> bool:
    """Whether ``words`` are two or more IDs of one series, each an ID with the same
    letters before its number (``DL-001``, ``DL-002``)."""
    if len(words) < 2 or not all(id_only.fullmatch(word) for word in words):
        return False
    return len({word.rstrip("0123456789") for word in words}) == 1


# A field that says how far work is, who holds it, how urgent it is or what it waits on.
_WORK_FIELD = LazyPattern(
    r"(?:status|state|priority|owner|assignee|dri|depends[ \t]+on|dependencies)\b", re.I
)


# A bullet struck through and then, after an arrow, what became of it: ``~~PDF export~~ →
# one-click PDF download implemented (2026-03-01)``.
_STRUCK_THEN_ARROW = LazyPattern(
    r"[ \t]*~~(?P<title>[^~](?:[^~]|~(?!~))*)~~[ \t]*(?:→|->)[ \t]*(?P<note>\S.*)", re.S
)
# The first word of a note that says the struck thing was put off, not done.
_PUT_OFF = frozenset(("moved", "postponed", "rescheduled", "pushed", "delayed", "replaced"))
# The day a note closes with, in brackets: ``... 구현 (2026-03-01)``.
_CLOSING_DAY = LazyPattern(r"\([0-9]{4}-[0-9]{2}-[0-9]{2}\)")


def _struck_then_done(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """A plan of boxes whose list of plain bullets (candidates, ideas) strikes each through
    and says after an arrow what was done, on a day or in a done word (``- ~~PDF export~~ →
    one-click download implemented (2026-03-01)``): each is finished work, done, named by
    what is struck; one whose name a box already gives (most of its words) is that box
    told again, no item. Two such bullets or more, and every bullet of the list so."""
    lines = document.lines
    struck: list[tuple[int, int, str]] = []
    for first, last in entries:
        bullet = TOP_BULLET.match(lines[first])
        found = (
            _STRUCK_THEN_ARROW.fullmatch(lines[first][bullet.end() :].rstrip("\r\n"))
            if bullet
            else None
        )
        if found is None:
            return [], ()
        note = found["note"]
        dated = _CLOSING_DAY.fullmatch(note.rstrip()[-12:]) is not None
        meaning = status_meaning(note)
        if (not dated and meaning != "done") or meaning not in (None, "done"):
            return [], ()  # ``→ dropped (date)``: struck, and no done work
        if note.split(None, 1)[0].casefold() in _PUT_OFF:
            return [], ()  # ``→ moved to Monday (date)``: a schedule's change
        struck.append((first, last, " ".join(found["title"].split())))
    if len(struck) < 2:
        return [], ()
    boxed = [
        set(_title_part(line[box.end() :]).casefold().split())
        for line in lines
        if line[:1] in "-*+" and (box := BOX.match(line)) is not None
    ]
    items: list[Item] = []
    for first, last, title in struck:
        words = set(title.casefold().split())
        if any(len(words & box) * 4 >= len(words) * 3 for box in boxed):
            continue  # the box of that work, told again
        here = _entry_start(lines, first)
        fields = _status_fields("done", here)
        section = document.section_above(first + 1)
        item_id = reference_from_title(title, taken)
        items.append(
            make_item(item_id, title, section, here, last + 1, fields, document.dialect, (), True)
        )
    cut = _entry_blocks(lines, entries)
    return items, cut


# A bullet or box that names a phase: ``Phase 1: Complete Missing Workflows``, bold or not.
_PHASE_LEAD = LazyPattern(r"[ \t]*(?:\*\*)?Phase[ \t]+[0-9]{1,6}(?:\*\*:|:\*\*|:)[ \t]*\S")


def _shipped_phases(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """A plan that writes its phases as boxes (``- [x] **Phase 1**: Title``) and the
    phases of a milestone it has shipped as plain bullets under that milestone's heading
    closed as done (``### v1.1: Self-Improvement ✅`` over ``- Phase 1: Title``): each
    bullet is that phase, done, read as the boxes are."""
    lines = document.lines
    texts: list[str] = []
    for first, _ in entries:
        bullet = TOP_BULLET.match(lines[first])
        text = lines[first][bullet.end() :].rstrip("\r\n") if bullet else ""
        if BOX.match(lines[first]) is not None or _PHASE_LEAD.match(text) is None:
            return [], ()
        texts.append(text)
    boxed_phases = document.memo(
        "boxed phases",
        lambda: any(
            line[:1] in "-*+" and (box := BOX.match(line)) and _PHASE_LEAD.match(line[box.end() :])
            for line in lines
        ),
    )
    section = document.section_above(entries[0][0] + 1) or ""
    said = heading_status(section)
    if not boxed_phases or said is None or common_meaning(said[1]) != "done" or not said[0]:
        return [], ()
    items: list[Item] = []
    for (first, last), text in zip(entries, texts, strict=True):
        title = document.inline(" ".join(text.split()))
        here = _entry_start(lines, first)
        fields = _status_fields("done", here)
        item_id = reference_from_title(title, taken)
        items.append(
            make_item(item_id, title, section, here, last + 1, fields, document.dialect, (), True)
        )
    cut = _entry_blocks(lines, entries)
    return items, cut


# A bullet led by a phase in bold, its number or Roman numeral and its name, an aside in
# brackets after it: ``- **Phase I: Rigor (Q1 2026)** — text``.
_THEME_PHASE = LazyPattern(
    r"\*\*Phase[ \t]++(?P<number>[0-9]{1,3}|[IVX]{1,5}):[ \t]*+(?P<name>[^\s*()][^*()\n]{0,79}?)"
    r"[ \t]*+(?:\([^()*\n]{1,40}\))?\*\*[ \t]*+[—–:-][ \t]*+\S"
)


def _closing_aside(text: str) -> str | None:
    """The words of an aside in brackets that closes ``text`` (``... pipeline. (Current)``),
    of thirty characters or fewer; string work, no pattern."""
    text = text.rstrip(" \t.")
    opening = text.rfind("(")
    if not text.endswith(")") or opening < 0 or len(text) - opening > 32:
        return None
    return text[opening + 1 : -1].strip() or None


def _theme_phases(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """A plan of boxes that writes its phases as a list of bold-led bullets, each a phase's
    number and name (``- **Phase I: Rigor (Q1 2026)** — text. (Current)``), two or more,
    none of them named again by a heading or a box: each bullet is that phase, an item
    named ``Phase I``, titled by its name, its status a closing aside that says one."""
    lines = document.lines
    if len(entries) < 2:
        return [], ()
    found: list[tuple[str, str, str | None]] = []
    for first, last in entries:
        bullet = TOP_BULLET.match(lines[first])
        text = lines[first][bullet.end() :].rstrip("\r\n") if bullet else ""
        match = _THEME_PHASE.match(text)
        if match is None or BOX.match(lines[first]) is not None:
            return [], ()
        if any(lines[at].strip() for at in range(first + 1, last + 1)):
            return [], ()
        said = _closing_aside(text[match.end() :])
        status = said if said is not None and status_meaning(said) is not None else None
        found.append((f"Phase {match['number']}", match["name"].strip(), status))
    names = {item_id for item_id, _, _ in found}
    if len(names) < len(found):
        return [], ()
    if not any(line[:1] in "-*+" and BOX.match(line) for line in lines[entries[-1][1] + 1 :]):
        # a plan names its phases, then the work they frame; a checklist before them
        # (``Before you start`` over a course's syllabus) is what to do first, no work of
        # the phases, which are the course's parts
        return [], ()
    for at, line in enumerate(lines):
        if at in {first for first, _ in entries}:
            continue
        if (line.startswith("#") or BOX.match(line)) and any(
            re.search(rf"\b{re.escape(name)}\b", line) for name in names
        ):
            return [], ()  # the phase is written again as a heading or a box: a summary
    section = document.section_above(entries[0][0] + 1) or ""
    items: list[Item] = []
    for (first, last), (item_id, title, status) in zip(entries, found, strict=True):
        here = _entry_start(lines, first)
        fields = _status_fields(status, here)
        taken.add(item_id)
        items.append(
            make_item(item_id, title, section, here, last + 1, fields, document.dialect, (), True)
        )
    cut = _entry_blocks(lines, entries)
    return items, cut


def _labelled_plain_group(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """A plan that groups its boxes under bold status labels (``✅ **Completed**``, ``🔧
    **In Progress**`` over boxes) and writes one group as plain bullets under a label of
    its own (``💡 **Long-term Goals**`` over ``- Multi-language localization``): each
    bullet is an item of that group, its status the label, as the boxes' is. Only where
    two labels or more lead boxes, the plain list's label says a status and no bullet is
    a field or a label of notes: a bold heading over a plain list elsewhere is prose."""
    lines = document.lines
    first_line = entries[0][0]
    above = first_line - 1
    if above > 0 and not lines[above].strip():
        above -= 1  # one blank line between the label and its list, as markdownlint asks
    if above < 0 or not lines[above].strip():
        return [], ()
    match = _STATUS_LABEL.fullmatch(lines[above].rstrip("\r\n"))
    word = match["word"].strip() if match is not None else None
    if word is None or status_meaning(word) is None:
        return [], ()
    labels = document.memo("status_labels", lambda: _status_labels(lines))
    boxed = document.memo(
        "labelled box groups",
        lambda: len(
            {
                labels[at]
                for at, line in enumerate(lines)
                if labels[at] is not None and line[:1] in "-*+" and BOX.match(line)
            }
        ),
    )
    if boxed < 2:
        return [], ()
    texts: list[str] = []
    for first, last in entries:
        bullet = TOP_BULLET.match(lines[first])
        text = lines[first][bullet.end() :].rstrip("\r\n") if bullet else ""
        if (
            not text.strip()
            or BOX.match(lines[first]) is not None
            or any(lines[at].strip() for at in range(first + 1, last + 1))
            or field_start(text, field_names(document.dialect)) is not None
            or _BOLD_LABEL.match(text) is not None
        ):
            return [], ()
        texts.append(text.strip())
    section = document.section_above(first_line + 1) or ""
    items: list[Item] = []
    for (first, last), text in zip(entries, texts, strict=True):
        title = document.inline(" ".join(text.split()))
        here = _entry_start(lines, first)
        fields = _status_fields(word, here)
        item_id = reference_from_title(title, taken)
        items.append(
            make_item(item_id, title, section, here, last + 1, fields, document.dialect, (), True)
        )
    cut = _entry_blocks(lines, entries)
    return items, cut


def _holds_boxes(document: Document) -> bool:
    """Whether a top-level checkbox begins one of the document's lines."""
    return document.memo(
        "holds_boxes",
        lambda: any(line[:1] in "-*+" and BOX.match(line) for line in document.lines),
    )


# A gate's checklist by its name: ``### Phase 2 Sign-off Checklist``, ``**Review Sign-off:**``.
# The name ends so: a phase named for the sign-off it does (``## Phase 9: Audit (Sovereignty
# & Sign-off)``) holds work.
_SIGN_OFF = LazyPattern(r"(?i)\bsign[- ]?off(?:[ \t]++checklist)?[ \t]*+:?[ \t]*+$")
_BOLD_LABEL = LazyPattern(r"[ \t]*\*\*(?P<label>[^*\n]{1,80})\*\*[ \t]*")


def _signs_off(document: Document, first: int) -> bool:
    """Whether the list at 0-based line ``first`` is a phase's sign-off checklist: under a
    heading that names a sign-off, or right under a bold label that does (``**Review
    Sign-off:**`` over ``- [ ] All findings resolved``). The conditions a phase meets
    before it closes, never work of their own, as a Definition of Done's are."""
    section = document.section_above(first + 1)
    if section is not None and _SIGN_OFF.search(section) is not None:
        return True
    above = first - 1
    while above >= 0 and not document.lines[above].strip():
        above -= 1
    label = _BOLD_LABEL.fullmatch(document.lines[above].rstrip("\r\n")) if above >= 0 else None
    return label is not None and _SIGN_OFF.search(label["label"]) is not None


def _under_horizon(document: Document, entries: list[tuple[int, int]]) -> bool:
    """Whether a list stands right under a horizon heading of a roadmap of two or more
    (``### Phase 1 — Now`` ... ``### Phase 3 — Later``): its numbered steps are that
    horizon's work, as its bullets would be (``1. **First public release.** ...``)."""
    return (
        _is_horizon(document.section_above(entries[0][0] + 1))
        and _under_heading(document.lines, entries[0][0])
        and _horizon_headings(document) >= 2
    )


def _horizon_headings(document: Document) -> int:
    """How many different horizons the document's headings name: ``## Now`` and ``## Next``
    are two, a tutorial's ``## Next: configure`` and ``## Next: deploy`` one."""
    return document.memo("horizon_headings", lambda: len(_horizon_words(document)))


def _horizon_words(document: Document) -> set[str]:
    found = (_HORIZON.fullmatch(edge_stripped(text)) for text in document.heading_texts())
    return {match["word"].casefold() for match in found if match is not None}


# The name of a piece of work before a colon and the words that say how to do it: ``Fix
# dotfile staging: adjust new to ...`` (a name of one to eight words).
_NAME_WORDS = 8
_NAME_BEFORE_HOW = LazyPattern(
    r"(?P<name>[^\s:][^:\n]{0,80}?):[ \t]+(?P<how>\S[^\n]*\s\S[^\n]*\s\S.*)", re.S
)


def _first_sentence(text: str) -> str:
    """A bullet's first sentence without its full stop, and without a long remark in
    brackets that closes it (``Build matrix (today the image is cross-compiled; ...)``)."""
    end = _SENTENCE_END.search(text)
    sentence = (text[: end.start()] if end else text).strip()
    if sentence.endswith(")") and "(" in sentence:
        opening = sentence.rfind("(")
        remark = sentence[opening + 1 : -1]
        if ";" in remark or len(remark.split()) > _REMARK_WORDS:
            sentence = sentence[:opening].rstrip()
    return sentence


def _board_headings(document: Document) -> int:
    """How many of the document's headings are a Now / Next / Later board's columns (a
    heading that is only one of those words): two or more make the document a board."""
    from roadmaplint.reader.shapes.common import BOARD_WORDS, edge_stripped

    return sum(
        1
        for text in document.heading_texts()
        if edge_stripped(text).strip().casefold() in BOARD_WORDS
    )


def _described_status(line: str) -> str | None:
    """The status a bullet's description begins with: ``- ST-022 Suite — completed.``"""
    dash = _DESCRIPTION.search(line)
    if dash is None:
        return None
    words = line[dash.end() :].split()
    word = words[0].strip(".,;:()").lower() if words else ""
    return word if common_meaning(word) is not None else None


def _entry_start(lines: list[str], first: int) -> Position:
    """Where an entry of a list read as items starts: its first line's first mark."""
    return Position(first + 1, len(lines[first]) - len(lines[first].lstrip()) + 1)


def _status_fields(status: str | None, here: Position) -> list[Field]:
    """The Status field an entry's reading gives it at ``here``, or none."""
    return [Field("Status", "status", status, here, here, here.line)] if status else []


def _entry_blocks(lines: list[str], entries: list[tuple[int, int]]) -> tuple[Block, ...]:
    """The blocks the entries ``(first, last)`` of a list read as items take from it."""
    return tuple(Block("list", first + 1, _last(lines, first, last) + 1) for first, last in entries)


def _last(lines: list[str], first: int, last: int) -> int:
    while last > first and not lines[last].strip():
        last -= 1
    return last


# A line that ends a box's paragraph: a blank line, a list marker, a heading, a fence, a table.
# A line of tags in code under a box (`` `#backend` `@est:4h` `@depends:BE-063` ``) ends
# it too: it is the box's metadata, not its title wrapped.
_PARAGRAPH_END = LazyPattern(
    r"[ \t]*(?:$|[-*+][ \t]|\d{1,9}[.)][ \t]|#|```|~~~|\||>"
    r"|`[#@][^`\n]{1,200}`(?:[ \t]+`[^`\n]{1,200}`)*[ \t]*$)"
)


def _wrapped(text: str, lines: list[str], first: int, last: int) -> str:
    """A box's text with the lines its paragraph is wrapped onto (``- [ ] Complete the`` over
    ``  [Standards Checklist](url).``): the title is the whole sentence. A line that ends
    with a colon introduces what follows (``- Decay :`` over ``Ease Out Circ ++``), and a
    line opening with a dot is a note of its own (``. try to reproduce in Grid3D``), as a
    label of a word or three leads one (``For synth:``): the title ends there."""
    for number in range(first + 1, last + 1):
        if text.rstrip().endswith(":") or _PARAGRAPH_END.match(lines[number]):
            break
        if _DOTTED_NOTE.match(lines[number]) or _LEAD_LABEL.fullmatch(lines[number].rstrip()):
            break  # a note of its own, or a label leading what follows (``For synth:``)
        if _broken_on_purpose(lines[number - 1], lines[number]):
            break  # ``- [ ] add involved teams`` over ``involved teams are named by tag``
        text = f"{text.rstrip()} {lines[number].strip()}"
    return text


# The words a wrapped line may end on before the rest of its phrase: ``Complete the``.
_OPEN_ENDINGS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "for",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "and",
        "or",
        "but",
        "as",
        "into",
        "onto",
        "than",
        "that",
        "which",
        "is",
        "are",
        "be",
        "was",
        "were",
        "its",
        "their",
        "our",
        "your",
        "my",
        "this",
        "these",
        "those",
    ]
)


# A line ends where its words end when it fills no more than 3/5 of the line under it.
_SHORT_OF_WIDTH = (3, 5)


def _broken_on_purpose(above: str, below: str) -> bool:
    """Whether the line ``above`` was ended where its words end, not wrapped at a width:
    the first word of the line ``below`` would have fitted on it, within the width that
    line itself shows, and it fills no more than three fifths of it (``- [ ] add hillcharts
    for visual progress`` over an indented ``you can enable hillchart-tracking by applying
    "progress"-tag to a deliverable``). The line below is
    then a note of the box, no part of its title. A line ending on a word that leads the
    rest of its phrase (``Complete the``), a comma or a dash, and a line below opening
    with no word (a link, code), were wrapped."""
    words = above.split()
    rest = below.split(None, 1)
    if not words or not rest or not rest[0][:1].isalpha() or below[:1] not in (" ", "\t"):
        return False  # a line at the margin goes on the paragraph as markdown reads it
    last = words[-1]
    if last[-1:] in ",-–—(/&+" or last.lower() in _OPEN_ENDINGS:
        return False
    width, used = len(below.rstrip()), len(above.rstrip())
    # well within the width: a line wrapped by hand stops near it
    return (
        used + 1 + len(rest[0]) <= width and used * _SHORT_OF_WIDTH[1] <= width * _SHORT_OF_WIDTH[0]
    )


# A note written on a line of its own under a bullet, opened by a dot or two: ``. Allow
# panning of instruments``, ``.. as suggested in ...``.
_DOTTED_NOTE = LazyPattern(r"[ \t]*\.{1,2}[ \t]+\S")


# A bullet nested under a box (not a box itself): ``  - **Priority**: High``.
_NESTED_BULLET = LazyPattern(r"[ \t]+[-*+][ \t]+(?!\[[ xX]?\])")
_NESTED_KEYS = ("priority", "dri", DEPENDS_ON)
# A dependency among the tags on the line under a box, in code: `` `@depends:BE-051,BE-052` ``.
_TAGGED_DEPENDS = LazyPattern(r"`@depends?:(?P<ids>[^`\s]{1,200})`")


def _nested_fields(document: Document, first: int, last: int) -> dict[str, str]:
    """The priority, owner and dependencies a box's nested field list gives (``- [ ] **Title**``
    over ``  - **Priority**: High``): the first of each, where the box's line names none."""
    names = field_names(document.dialect)
    found: dict[str, str] = {}
    for line in document.lines[first + 1 : last + 1]:  # islice would step from line 1
        bullet = _NESTED_BULLET.match(line)
        if bullet is None:
            tagged = _TAGGED_DEPENDS.search(line) if line[:1] in " \t" else None
            if tagged is not None:  # ``  `#backend` `@est:4h` `@depends:BE-063` ``
                found.setdefault(DEPENDS_ON, tagged["ids"])
            continue
        text = line[bullet.end() :].rstrip()
        start = field_start(text, names)
        if start is not None and (key := names.key(start[0])) in _NESTED_KEYS:
            value = text[start[1] :].strip()
            if key == "priority" and (word := _NOTED_PRIORITY.fullmatch(value)) is not None:
                value = word["word"]  # ``Low - not critical for core functionality``
            found.setdefault(key, value)
    return {key: value for key, value in found.items() if value}


def _nested_status_and_owner(document: Document, first: int, last: int) -> dict[str, str]:
    """The status and owner a bullet's nested bullets write (``  - Status: COMPLETE. Full
    architecture delivered.``, ``  - Assigned: `planner` (`w4T:p1`)``): the status's first
    sentence, the owner's first name or code span."""
    names = field_names(document.dialect)
    found: dict[str, str] = {}
    for line in document.lines[first + 1 : last + 1]:
        bullet = _NESTED_BULLET.match(line)
        if bullet is None:
            continue
        text = line[bullet.end() :].rstrip()
        start = field_start(text, names)
        if start is None or (key := names.key(start[0])) not in ("status", "dri"):
            continue
        value = text[start[1] :].strip()
        if key == "status":
            value = _FIRST_SENTENCE.split(value, maxsplit=1)[0].strip()
        else:
            named = _NESTED_OWNER.match(value)
            value = (named["code"] or named["word"]) if named is not None else ""
        if value:
            found.setdefault(key, value)
    return found


# The end of a nested status's first sentence: ``COMPLETE. Full ...``, ``Done; see #4``.
_FIRST_SENTENCE = LazyPattern(r"[.;](?:[ \t]|$)")
# An owner as a nested bullet names one: a code span or a word, before any remark.
_NESTED_OWNER = LazyPattern(r"`(?P<code>[^`\s]{1,40})`|@?(?P<word>[\w.-]{1,40})")


# A priority word and a note on it after a dash: ``Low - not critical``, ``P1 — soon``.
_NOTED_PRIORITY = LazyPattern(
    r"(?P<word>critical|high|medium|low|P[0-4])[ \t]+[-—–][ \t]+\S.*", re.IGNORECASE | re.S
)


# A box's whole text struck through: ``~~Laugh at those who laugh at me~~``, or with the
# one tilde GitHub takes too, a comment saying why after it (``~Custom names~ <!-- not
# doing it anymore -->``).
_STRUCK_THROUGH = LazyPattern(
    r"[ \t]*(?:~~[^~](?:[^~]|~(?!~))*~~|~[^~\s][^~]*~)[ \t]*(?:<!--(?:[^-]|-(?!->))*-->[ \t]*)?"
)
# A ticked box struck through and then said not to apply: ``~~**Title**~~ — N/A, reason``.
_STRUCK_NOT_APPLICABLE = LazyPattern(
    r"[ \t]*~~[^~](?:[^~]|~(?!~))*~~[ \t]*+[—–-][ \t]*+(?:N/A|not[ \t]+applicable)\b", re.I
)
# A bullet struck through and then marked done, with what was done after the mark
# (``~~Import the schedule from CSV.~~ ✅ Done: `/v1/schedule/import` ...``): finished
# work, named by what is struck.
# A done mark after a dash, noting that the bullet's work is done (``— ✅ implemented``).
_DONE_NOTE = LazyPattern(r"[ \t][—–-][ \t]+\u2705")
_STRUCK_THEN_DONE = LazyPattern(r"[ \t]*~~(?P<title>[^~](?:[^~]|~(?!~))*)~~[ \t]*\u2705.*", re.S)
# A top-level plain bullet: ``* Define the goals``, ``- Ship it`` (a box is a bullet too).
TOP_BULLET = LazyPattern(r"(?P<lead>[-*+])[ \t]+(?=\S)")


def strikes_finished_bullets(lines: list[str]) -> bool:
    """Whether a document without boxes marks its finished work by striking it through:
    two top-level bullets or more wholly struck (``* ~~Define the goals~~``) and one plain
    one at least (``* Run the tests``), the plain ones being the work still to do. A
    README's ``~~Old option~~ (removed)`` is struck only in part, and says no state."""
    struck = plain = 0
    for line in lines:
        bullet = TOP_BULLET.match(line)
        if bullet is None:
            continue
        text = line[bullet.end() :].rstrip("\r\n")
        if BOX.match(line) is not None:
            return False  # a plan of boxes strikes the work it drops, not what it did
        if _STRUCK_THROUGH.fullmatch(text) or _STRUCK_THEN_DONE.fullmatch(text):
            struck += 1
        else:
            plain += 1
    return struck >= 2 and plain >= 1


# A line that labels the list below it with a status: ``🔧 **In Progress**``.
_STATUS_LABEL = LazyPattern(r"[ \t]*(?:[^\w\s*]+[ \t]*)?\*\*(?P<word>[^*]{2,30}?):?\*\*:?[ \t]*")
# A line of a list: a bullet, or a line indented under one.
_LIST_LINE = LazyPattern(r"[ \t]+\S|[-*+][ \t]")


def _status_label_above(document: Document, first: int) -> str | None:
    """The status a bold label right above a box's list names (``✅ **Completed**``, ``🔧
    **In Progress**`` over boxes, the way a status heading would): a group's status."""
    return document.memo("status_labels", lambda: _status_labels(document.lines))[first]


def _status_labels(lines: list[str]) -> list[str | None]:
    """For each line, the status the nearest line above it that is neither blank nor a
    list's names as a label, found in one pass (a walk up for each box was quadratic)."""
    found: list[str | None] = []
    label: str | None = None
    for line in lines:
        found.append(label)
        if not line.strip() or _LIST_LINE.match(line):
            continue
        match = _STATUS_LABEL.fullmatch(line.rstrip("\r\n"))
        word = match["word"].strip() if match is not None else None
        label = word if word is not None and common_meaning(word) is not None else None
    return found


def _item(
    document: Document,
    first: int,
    last: int,
    statuses: dict[str, str],
    taken: set[str],
    board: bool = False,
    ids: bool = True,
    steps: bool = False,
    phases: bool = True,
    areas: bool = False,
) -> Item:
    """One box's item; ``steps``: its number counts a step, and is neither ID nor title;
    ``areas``: the box opens with its area in brackets."""
    lines = document.lines
    line = lines[first].rstrip("\r\n")
    match = BOX.match(line)
    assert match is not None
    text = _wrapped(line[match.end() :], lines, first, last)
    if steps and (step := _number_of_box(line)) is not None:
        text = text.lstrip()[len(step) :].lstrip(".").lstrip()
    area = _AREA_LABEL.match(text.lstrip()) if areas else None
    if area is not None:
        text = text.lstrip()[area.end() :]
    marked = leading_marks(text, document.mark_legends())  # ``📝🟡✅ Title``, a legend's marks
    meanings, text = marked if marked is not None else ({}, text)
    parts = parse_line(text, document, ids, phases)
    labelled = labelled_box(text, document, first, last)  # ``Task ID: SETUP-001``
    if labelled is not None:
        parts = replace(parts, item_id=labelled[0], title=labelled[1])
    # ``- [ ] **Bloqueada por**: pendiente "X" — ajustar Y``: the work after the dash names
    # the item in every state (set done, it is the same item); open, the label is its state
    waits = None if labelled is not None else _blocked_lead(text)
    if waits is not None:
        parts = replace(parts, title=document.inline(waits[1]))
    item_id = parts.item_id or reference_from_title(parts.title, taken)
    section = document.section_above(first + 1)
    here = Position(first + 1, len(match["lead"]) - len(match["lead"].lstrip()) + 1)
    box = Position(first + 1, match.start("mark"))
    status = statuses[match["mark"]]
    if match["mark"] not in (" ", "") and _STRUCK_NOT_APPLICABLE.match(text):
        status = "dropped"  # ``- [x] ~~**Solana: Replay**~~ — N/A, Solana sunset``: let go
    elif match["mark"] in (" ", "") and _STRUCK_THROUGH.fullmatch(text):
        status = "dropped"  # ``- [ ] ~~Laugh at those who laugh~~``: crossed out, not done
        if parts.title[:1] == "~" == parts.title[-1:]:  # the one tilde, kept by the inline
            parts = replace(parts, title=parts.title.strip("~").strip())
    elif match["mark"] in (" ", "") and common_meaning(meanings.get("status")) is not None:
        status = meanings["status"]  # an open box marked 🔄 In progress is in progress
    elif match["mark"] in (" ", "") and _BLOCKED_NOTE.search(text) is not None:
        status = "blocked"  # ``- [ ] **B8 Art overhaul** — blocked on mockup approval``
    elif match["mark"] in (" ", "") and waits is not None:
        status = waits[0]  # the label and what it waits for say the state
    elif match["mark"] in (" ", "") and (cut := blocked_tail(parts.title)) is not None:
        # ``- [ ] T085 Test on iOS simulator [BLOCKED: Xcode not installed]``: the note
        # closing the title says the work waits and for what, and is no part of its name
        note = parts.title.rstrip().removesuffix(".")[cut + 1 : -1].strip()
        if note.lower().endswith("blocker"):  # ``(AllBee access blocker)``: what blocks it
            note = f"blocked - {note[: -len('blocker')].strip()}"
        status = note
        parts = replace(parts, title=parts.title[:cut].rstrip())
    elif match["mark"] in (" ", ""):
        named = _status_label_above(document, first) or status_of_sections(
            _without_noted_groups(document.status_sections_above(first + 1)), board
        )
        meaning = common_meaning(named)
        if (
            named is not None
            and meaning != "done"
            and not (
                meaning == "in_progress"
                and "in_progress"
                in document.memo("box_legend", lambda: marker_legend(document.lines)).values()
            )
        ):
            # an open box under ``## In Progress`` is in progress, but not where the list's
            # legend gives work under way a box of its own (``- `[/]` In progress``): an
            # open box there is not started, under ``## Ongoing Tasks`` too
            status = named
    if parts.title.endswith(" ✅") and common_meaning(status) == "done":
        # ``- [x] CORE-01.1: Crear enums ✅``: the closing mark says again what the box says
        parts = replace(parts, title=parts.title[:-2].rstrip())
    fields = [Field("Status", "status", status, box, box, first + 1)]
    listed = _nested_fields(document, first, last)
    priority = (
        parts.priority
        or meanings.get("priority")
        or listed.get("priority")
        or priority_of_sections(document.status_sections_above(first + 1))
    )
    if priority:
        fields.append(Field("Priority", "priority", priority, here, here, first + 1))
    owner = parts.owner or listed.get("dri") or _agent_heading(document, first)
    if owner:
        fields.append(Field("DRI", "dri", owner, here, here, first + 1))
    if area is not None:
        fields.append(Field("Area", "area", area["area"], here, here, first + 1))
    depends = parts.depends or listed.get(DEPENDS_ON)
    if depends:
        fields.append(Field("Depends on", "depends on", depends, here, here, first + 1))
    done = []
    for number in range(first + 1, last + 1):
        nested = BOX.match(lines[number])
        if nested and nested["mark"] in STATUS_OF_BOX:
            text = document.inline(lines[number][nested.end() :].strip())
            done.append(DoneCriterion(text, nested["mark"] not in (" ", ""), number + 1))
    titled = not parts.item_id
    return make_item(
        item_id, parts.title, section, here, last + 1, fields, document.dialect, tuple(done), titled
    )


def blocked_tail(title: str) -> int | None:
    """Where a note in brackets that closes ``title`` and says the work is blocked starts
    (``Test on iOS simulator [BLOCKED: Xcode not installed]``, ``(blocked: no key)``);
    None when the title does not end so."""
    text = title.rstrip().removesuffix(".")
    if text[-1:] not in ("]", ")"):
        return None
    at = text.rfind("[" if text.endswith("]") else "(")
    if at > 0 and _BLOCKED_TAIL.fullmatch(text, at) is not None and text[at - 1] in " \t":
        return at
    return None


# A note in brackets closing a title that says the work is blocked: ``[BLOCKED: reason]``.
# So does a note that names what blocks it: ``Live migration check (AllBee access blocker)``.
_BLOCKED_TAIL = LazyPattern(
    r"[\[(](?i:blocked)(?:(?:[ \t]*:|[ \t]+[—–-][ \t])[^\])\n]*)?[\])]"
    r"|\((?P<blocker>[^()\n]{1,80}[ \t](?i:blocker))\)"
)
# A note after an open box's title that says the work waits: ``**B8 Art overhaul** — blocked
# on mockup approval``, ``Title - Blocked by the API freeze``.
_BLOCKED_NOTE = LazyPattern(r"[ \t][—–-][ \t]+(?i:blocked)[ \t]+(?i:on|by|until)\b")


# A bold label that opens a box and says it waits: ``**Bloqueada por**:``, ``**Blocked by:**``.
_WAITING_LABEL = LazyPattern(r"[ \t]*\*\*(?P<label>[^*\n]{2,30}?):?\*\*:?[ \t]*")


def _blocked_lead(text: str) -> tuple[str, str] | None:
    """``(label, work)`` for a box whose bold label says it is blocked and whose text
    after a dash names the work (``**Blocked by**: the API freeze — migrate the client``);
    None for any other box, the label then its title as before."""
    lead = _WAITING_LABEL.match(text)
    if lead is None or common_meaning(lead["label"]) != "blocked":
        return None
    rest = text[lead.end() :]
    cut = min((at for at in (rest.find(" — "), rest.find(" – ")) if at > 0), default=-1)
    work = " ".join(rest[cut + 3 :].split()) if cut > 0 else ""
    return (lead["label"].strip(), work) if work else None


# An area in brackets that opens a box: ``(Product and UX)``, ``(Backend (`apps/api`))``.
_AREA_LABEL = LazyPattern(
    r"\((?P<area>[A-Z][^()\n]{0,40}(?:\([^()\n]{0,40}\)[^()\n]{0,20})?)\)[ \t]+(?=\S)"
)
# A heading that groups work by who does it: ``## Queue by Agent``, ``## Tasks per owner``.
_BY_OWNER = LazyPattern(r"\b(?:by|per)[ \t]+(?:agent|owner|assignee)s?\b", re.IGNORECASE)
_AGENT_NAME = LazyPattern(r"@?[A-Za-z][\w.-]{0,40}")


def _agent_heading(document: Document, first: int) -> str | None:
    """The owner a heading names over a box: the heading right above it is an agent's name
    (``### frontend-builder``) under one that groups the work by agent (``## Queue by
    Agent``, a generated agent board); None elsewhere."""
    sections = document.status_sections_above(first + 1)
    if len(sections) < 2 or _BY_OWNER.search(sections[1]) is None:
        return None
    name = edge_stripped(sections[0]).strip()
    return name.lstrip("@") if _AGENT_NAME.fullmatch(name) else None


class Checkboxes:
    """The checkboxes shape (see the module docstring)."""

    name = shapes.CHECKBOXES

    def read(self, document: Document) -> ShapeRead:
        return read_checkboxes(document)

    def owns(self, roadmap: Roadmap, item: Item) -> bool:
        return BOX.match(line_of(roadmap.source, item.position.line)) is not None


CHECKBOXES = Checkboxes()
