"""One list line read into its parts: the box and its mark, the ID, the title and the
fields written inline (``parse_line``), with the patterns of such a line that the box
reader, the edits and the rules share."""

from __future__ import annotations

import re

from roadmaplint.reader.dialect import DEPENDS_ON, patterns
from roadmaplint.reader.shapes import Document
from roadmaplint.reader.shapes.kanban import card_words, kanban_board
from roadmaplint.reader.shapes.todotxt import _TODO_TXT_PRIORITY, _TODO_TXT_TOKEN, todo_txt
from roadmaplint.record import record
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
    # (a task a later one waits on: ``(unblocked by task 10)``, it is unblocked once 10 is done)
    r"\((?:depends(?: on)?|deps|after|(?:un)?blocked by)[ \t]*+:?[ \t]*+"
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
# A priority in brackets after a box's bold title: ``**Cover generator** (Priority: High)``.
_BRACKETED_PRIORITY = LazyPattern(
    r"\((?:priority|prio)[ \t]*:[ \t]*(?P<p>P[0-4]|critical|high|medium|low)[ \t]*\)", re.I
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
# A dependency a note closing a box names after a dash, no day before it: ``- [ ] BX-2
# Import - depends on BX-1`` (after a day, ``_NOTED_DEPENDS`` reads it).
CLOSING_DEPENDS = LazyPattern(
    r"(?<![ \t)])[ \t]++[-—–][ \t]++depends[ \t]++on[ \t]*+:?[ \t]*+"
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
# (a link to the issue may follow: ``[#123](https://example.com/issues/123) Fix login``;
# its address is no word of the title)
_HASH_REFERENCE = LazyPattern(
    r"\[#(?P<id>[A-Za-z0-9][A-Za-z0-9_.-]{0,40})\](?:\([^()\s]{0,2000}+\))?[ \t]*+"
)
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
    if kanban_board(document):
        text = card_words(text)  # a card's due day, tags and archive date are no name
    led_by = None
    if text[:1] == "[" and (slot := _signed_up(text, document)) is not None:
        named, text = slot
        led_by = named or None
    elif (lead := _owner_lead(text, document)) is not None:
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
    closing = CLOSING_DEPENDS.search(text) if depends is None else None
    if closing is not None and text[: closing.start()].strip():
        depends = closing["deps"].replace("#", "")  # ``Import - depends on BX-1``
        text = text[: closing.start()]
    text, tokens = _without_metadata(text)
    for token in tokens:
        waits = _WAITS_TAG.fullmatch(token)
        if waits is not None and depends is None:
            depends = waits["ids"].replace("#", "") or None
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
    # ``@uid:task-010``, ``@priority:5``: a key and its value, no one's name
    mentions = [token for token in tokens if token.startswith("@") and ":" not in token]
    owner = next((token[1:] for token in reversed(mentions)), None)
    if led_by is not None:
        # the box names its owner first; a mention in its words (``follow @team``) is what
        # the work is about, and stays in the title
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
    bracketed = None if priority or found else _BRACKETED_PRIORITY.search(text)
    if bracketed is not None:
        priority = bracketed["p"].upper()  # ``**Cover generator** (Priority: High)``
    described = _described_fields(text, title_part, document)
    remark = _REMARK_AFTER_SENTENCE.search(title_part)
    if remark is not None:
        title_part = title_part[: remark.start() + 1]  # ``Title. (`cmd --here` clears it.)``
    linked = _LINK_REMARK.search(title_part)
    if linked is not None and title_part[: linked.start()].strip():
        title_part = title_part[: linked.start()]  # ``Design CLI ([docs/cli.md](cli.md))``
    aside = _ITALIC_REMARK.search(title_part)
    if aside is not None and title_part[: aside.start()].strip():
        title_part = title_part[: aside.start()]  # ``[#28 MCP layer](...) *(epic)*``
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


# A name in square brackets opening a box, the slot a sign-up sheet leaves for who takes
# the work (``- [ ] [Juan] Create enemy``), or the slot left blank (``[_____]``).
_SLOT = LazyPattern(
    r"\[(?:(?P<name>[^\W\d_][^\W\d_ .'-]{0,29}(?:[ .'-][^\W\d_]{1,29}){0,2})|_{3,})\]"
    r"[ \t]+(?=\S)"
)
_BOX_TEXT = LazyPattern(r"[ \t]*(?:[-*+]|[0-9]{1,9}[.)])[ \t]+\[[ xX]\][ \t]+(?P<text>\[[^\n]*)")


def _signed_up(text: str, document: Document) -> tuple[str, str] | None:
    """The name a box opens with in square brackets and the text after it, where the
    document is a sign-up sheet: its boxes open with such a slot, one of them left blank
    (``[_____]``) and another holding a name. A blank slot gives an empty name. Brackets
    with no blank slot beside them tag a component (``[Backend] Bump the API``): no owner."""
    slot = _SLOT.match(text)
    if slot is None or not document.memo("sign-up sheet", lambda: _sign_up_sheet(document.lines)):
        return None
    return slot["name"] or "", text[slot.end() :]


def _sign_up_sheet(lines: list[str]) -> bool:
    blank = named = False
    for line in lines:
        if "[" not in line or (box := _BOX_TEXT.match(line)) is None:
            continue
        slot = _SLOT.match(box["text"])
        if slot is not None:
            named = named or slot["name"] is not None
            blank = blank or slot["name"] is None
    return blank and named


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
    r"#[A-Za-z][\w/-]*|~[0-9.]+[mhdw]|![A-Za-z]+|@[A-Za-z0-9][\w.-]*(?::[^\s:]\S*)?"
    r"|[a-z][a-z-]*:(?!//)[^\s:]\S*"
    # a key and its value in a code span (``\`risk:medium\```, ``\`depends:[S02]\```)
    r"|`[a-z][a-z-]*:[^\s`]*`"
)
# What a tag of a key and its value says a box waits on: ``blocked-by:12``,
# ``\`depends:[S02]\```, ``depends:S1,S2``.
_WAITS_TAG = LazyPattern(r"`?(?:blocked-by|depends|depends-on):\[?(?P<ids>[^\]`]*)\]?`?", re.I)
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
    label = bold["title"].rstrip()[:-1] if bold and bold["title"].rstrip().endswith(":") else ""
    if bold and label and _ENUMERATOR.fullmatch(label) and bold["rest"].strip():
        # ``**Milestone 1:** Create the plan``: the colon inside the bold, the numbered
        # label naming nothing alone, as ``**Feature 1**: ...``
        return f"{label}: {bold['rest'].strip()}"
    if bold and label:
        return label  # ``**Living Garden:** Debris spawning``
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


def phase_box(text: str) -> tuple[str, str] | None:
    """``(Phase N, name)`` for the text of a phase checklist's box, else None."""
    match = _PHASE_BOX.match(text.strip())
    if match is None:
        return None
    return " ".join(match["id"].split()), (match["name"] or "").strip()


# A stable ID a task tool keeps after a box's title (rune's ``<!-- id:dlv5hgs -->``),
# where its nested ``- Blocked-by: dlv5hgs (Title)`` names the task by it.
_STABLE_ID = LazyPattern(r"<!--[ \t]*+id:[ \t]*+(?P<id>[\w.-]{1,40})[ \t]*+-->")


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
_DONE_MARK = LazyPattern(r"(?P<mark>✅)[ \t]+")
# A remark in brackets that is a sentence of its own, after a box's sentence has ended,
# often on its wrapped line: ``Remember the animal per project. (`treats animal <name>
# --here` sets it.)``. A qualifier (``etc. (requires SendGrid)``) stays the title's.
_REMARK_AFTER_SENTENCE = LazyPattern(r"\.[ \t]+\([^()\n]*\.\)[ \t]*$")
# A closing bracket holding only a link, where the work is written down: ``Design CLI
# ([docs/designs/cli.md](designs/cli.md))`` names the document, not the work.
_LINK_REMARK = LazyPattern(r"(?<![ \t])[ \t]++\(\[[^\[\]\n]*\]\([^()\n]*\)\)[ \t]*$")
# A remark in italic brackets closing a box, a link inside it or not: ``[#28 MCP / API
# layer](...) *(epic)*``, ``*(epic · blocked on native — see [#26](...))*``; what kind of
# work it is, or a note on it, no part of its name.
_ITALIC_REMARK = LazyPattern(
    r"(?<![ \t])[ \t]++[*_]\((?:[^()\n]|\([^()\n]{0,400}\)){1,400}\)[*_][ \t]*$"
)
# What closes an agent's box after its name, no part of it: the commit the work landed in,
# in code in brackets (``Partner home hydration (`6bde213`).``).
_CLOSING_NOTE = LazyPattern(r"(?<![ \t])[ \t]*+\(`[0-9a-f]{7,40}`\)\.?[ \t]*$")
