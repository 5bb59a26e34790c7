"""An item's status, owner and priority as its heading, its notes and its section say
them: marks and words after the title, struck and coded statuses, a named owner, a
priority group or tier, and a table's readiness.
"""

from __future__ import annotations

import re
from unicodedata import category

from roadmaplint.model import Field, Item, Legend
from roadmaplint.reader.dialect import PRIORITY_WORDS
from roadmaplint.record import replace
from roadmaplint.settings import COMMON_STATUSES, common_meaning
from roadmaplint.text import LazyPattern

# The status a heading ends with: "Title — COMPLETE", "Title (done)", "Title [COMPLETE]",
# "Title ✅".
_CHECK_MARK = "✅"
# Marks that end a heading with its status: ``### R7: Title ✅``, ``### TASK-8 ✓ DONE``.
_CHECK_MARKS = (_CHECK_MARK, "✓", "✔")
# The day a check mark closing a heading says the work was done: ``✅ (2024-05-01)``.
_DONE_DAY = LazyPattern(r"\((?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]\)")
# The task boxes a heading may end with as its status (``## Phase 1: Core `[x]` ``): the
# markers task-list tools agree on.
HEADING_BOXES = ("[x]", "[X]", "[ ]", "[~]", "[/]", "[-]")


# What a closing bracket opens with where it is an aside to the title, not a part of its
# name: an example (``(e.g., if short option is provided)``), a gloss (``(i.e. ...)``) or
# when the work is meant to land (``(Target: 1-2 weeks)``, ``(ETA: May)``).
_ASIDES = ("e.g.", "e.g,", "eg.", "eg,", "i.e.", "i.e,", "target:", "eta:")


def without_aside(title: str) -> str:
    """``title`` without a closing aside in brackets (``Puzzle Campaign (Target: 1-2
    weeks)`` is ``Puzzle Campaign``); the title as written where nothing would be left."""
    stripped = title.rstrip()
    if not stripped.endswith(")"):
        return title
    opening = stripped.rfind("(")
    before = stripped[:opening].rstrip() if opening > 0 else ""
    inside = stripped[opening + 1 : -1].lstrip().casefold()
    if before and before.count("(") <= before.count(")") and inside.startswith(_ASIDES):
        return before
    return title


def heading_status(title: str) -> tuple[str, str] | None:
    """``(title without it, status)`` when a title ends with a status in a common spelling."""
    stripped = title.rstrip()
    boxed = _box_status(stripped)
    if boxed is not None:
        return boxed
    # the full-width brackets of Chinese and Japanese too: ``### Phase 0: 基盤構築（現在地）``
    for opener, closer in (("(", ")"), ("[", "]"), ("（", "）")):
        if stripped.endswith(closer):
            opening = stripped.rfind(opener)
            word = stripped[opening + 1 : -1].strip()
            if opening >= 0 and common_meaning(word) and len(word.split()) <= 2:
                before = stripped[:opening].rstrip()
                if common_meaning(word) == "done":  # ``Foundation ✅ (done date)``: one status
                    before = before.rstrip("\ufe0f").removesuffix("✅").rstrip(" \t—–-")
                return before, word
    for mark in _CHECK_MARKS:
        if mark not in stripped[-40:]:
            continue
        at = stripped.rfind(mark)
        # the emoji form of a mark ends with a variation selector: ``✔️ RELEASED``
        rest = stripped[at + len(mark) :].lstrip("\ufe0f").strip()
        if _DONE_DAY.fullmatch(rest):
            # ``### 3. Alerts ✅ (2024-05-01)``: the mark and the day it was done, one status
            return stripped[:at].rstrip(" \t—–-"), stripped[at:]
        if not rest or (common_meaning(rest) and len(rest.split()) <= 2):
            before = stripped[:at].rstrip(" \t—–-")
            worded = None if rest else _done_word_before_mark(before, stripped[at:])
            return worded or (before, rest or _CHECK_MARK)
    marked = _marked_status(stripped)
    if marked is not None:
        return marked
    for separator in (" — ", " – ", " - ", " · "):
        at = stripped.rfind(separator)
        word = stripped[at + len(separator) :].strip() if at > 0 else ""
        # the last of a heading's parts joined by middle dots (``OBS-001 · 2026-05-27 ·
        # source · KORJATTU (A2, 2026-06-17)``) is its status, a note in brackets after it
        bare = word.split(" (", 1)[0] if separator == " · " and word[-1:] == ")" else word
        if word[-1:] == "）" and "（" in word and common_meaning(word.split("（", 1)[0]):
            # ``— 取り下げ（D13）``: the status and, in full-width brackets, the decision's note
            return stripped[:at].rstrip(), word.split("（", 1)[0]
        # (two words a comma parts are a list, ``— duplicate, copy/paste``: no status)
        if word and len(bare.split()) <= 2 and "," not in bare and common_meaning(bare):
            return stripped[:at].rstrip(), word
        noted = _noted_status(word) if separator != " · " else None
        if noted is not None:
            return stripped[:at].rstrip(), noted
    return None


def _done_word_before_mark(before: str, mark: str) -> tuple[str, str] | None:
    """``(title, "word mark")`` where a title the done mark ended (``Dark Theme - COMPLETED
    ✅``) ends with a done word after a dash too: the word and the mark say one status,
    written as one (an edit of the status rewrites both)."""
    for separator in (" — ", " – ", " - "):
        at = before.rfind(separator)
        word = before[at + len(separator) :].strip() if at > 0 else ""
        if word and len(word.split()) <= 2 and common_meaning(word) == "done":
            return before[:at].rstrip(), f"{word} {mark}"
    return None


def _noted_status(word: str) -> str | None:
    """The status a heading's last part opens with a note after it (``Title — **DONE**,
    and now pixel-tested``, ``Title — DONE (branch d13)``): the status word, bold or not,
    the note a remark a person reads past; None where the part opens with no status, or
    with a word in plain lower case."""
    if word[-1:] == ")" and " (" in word:
        bare = word.split(" (", 1)[0]
    elif ", " in word:
        bare = word.split(", ", 1)[0]
    else:
        return None
    bare = bare.strip()
    # set apart as a status, in capitals or in bold: ``— new, faster parser`` and
    # ``— duplicate, copy/paste`` say what the work is, not how far it is
    bold = len(bare) > 4 and bare[:2] == bare[-2:] and bare[:2] in ("**", "__")
    bare = bare.strip("*_").strip()
    if common_meaning(bare) == "done" and common_meaning(word) == "in_progress":
        # ``— shipped (1.6 open)``: done but for a part its remark numbers, one status
        # however it is written; the remark is what makes it under way
        return word
    if not (bold or bare.isupper()):
        return None
    if bare and len(bare.split()) <= 2 and common_meaning(bare):
        return bare
    return None


def _box_status(stripped: str) -> tuple[str, str] | None:
    """``(title, box)`` when a title ends with a task box after a space, in a code span or
    not (``## Phase 1: Core Types `[x]` ``, a plan whose status legend is of boxes): the
    box is the status, as it is at the start of a list item."""
    if stripped[-1:] not in ("]", "`"):
        return None
    for box in HEADING_BOXES:
        for written in (f"`{box}`", box):
            if stripped.endswith(written):
                before = stripped[: -len(written)]
                if before[-1:] in (" ", "\t") and before.strip(" \t—–-:"):
                    return before.rstrip(" \t—–-:"), box
    return None


def _marked_status(stripped: str) -> tuple[str, str] | None:
    """``(title, "mark word")`` when a title ends with a status mark other than done and
    its word (``Billing ⏳ PLANNED``, ``Reports 🚧 IN PROGRESS``, ``Export 🔄 EN COURS``),
    as ``✅ COMPLETE`` ends one; the mark alone, or a word without its mark, is no status."""
    words = stripped[-60:].split()
    for count in (1, 2):
        if len(words) < count + 2:
            break
        mark, rest = words[-count - 1], " ".join(words[-count:])
        symbols = mark.replace("\ufe0f", "")
        if not 0 < len(symbols) <= 2 or any(category(char) != "So" for char in symbols):
            continue  # an emoji or a symbol: no dash, arrow or letter
        if not any(char.isalnum() for char in words[-count - 2]):
            continue  # a run of marks, or a mark where the title would be
        if common_meaning(rest) is not None and common_meaning(f"{mark} {rest}") is not None:
            at = stripped.rfind(mark, 0, len(stripped) - len(rest))
            return stripped[:at].rstrip(" \t—–-"), f"{mark} {rest}"
    return None


# The text that asked for the work struck through and a bold status after it, opening an
# entry's body: ``~~Duration not captured.~~ **Partially done** — ...``.
_STRUCK_STATUS = LazyPattern(r"[ \t]*~~[^~\n]+~~[ \t]*\*\*(?P<word>[^*\n]{1,30})\*\*")
# the same written over two lines: the struck request ends the first, the status opens
# the next (``~~... a human-readable description.~~`` then ``**Done** — added ...``)
_STRUCK_LINE = LazyPattern(r"[ \t]*~~[^~\n]+~~[ \t]*")
_BOLD_OPENING = LazyPattern(r"[ \t]*\*\*(?P<word>[^*\n]{1,30})\*\*")


def struck_status(first: str, second: str = "") -> tuple[str, int, int] | None:
    """The status an entry's body opens with after its struck-through request: the word,
    the line it stands on (0 the first, 1 the second) and its column (0-based); None for
    any other opening."""
    from roadmaplint.settings import common_meaning

    found, line = _STRUCK_STATUS.match(first), 0
    if found is None and _STRUCK_LINE.fullmatch(first.rstrip("\r\n")) is not None:
        found, line = _BOLD_OPENING.match(second), 1
    if found is None or common_meaning(found["word"].strip()) is None:
        return None
    return found["word"].strip(), line, found.start("word")


def closing_status_span(written: str, status: str | None) -> int | None:
    """Where the title ends in a heading's text that closes with ``status`` in a code span
    (``Project scaffolding `done```: before the space and the span), or None."""
    word = _closing_code(written)
    if word is None or status is None or word != status:
        return None
    stripped = written.rstrip()
    return len(stripped[: stripped.rfind("`", 0, len(stripped) - 1)].rstrip(" \t—–-:|"))


def _closing_code(written: str) -> str | None:
    """The words of the code span a line closes with (``Title `in progress```), or None."""
    written = written.rstrip()
    if not written.endswith("`") or written.endswith("``"):
        return None
    opening = written.rfind("`", 0, len(written) - 1)
    word = written[opening + 1 : -1]
    if opening < 1 or written[opening - 1] not in " \t" or not word.strip():
        return None
    return word if word == word.strip() and len(word.split()) <= 3 else None


def headings_close_with_coded_status(text: str) -> bool:
    """Whether a heading of ``text`` closes with a status in a code span (``_coded_status``):
    then whether one heading reads a status depends on its neighbours, and a reader of one
    item alone must read the whole document."""
    from roadmaplint.settings import common_meaning

    if "`" not in text:
        return False
    return any(
        line[:1] == "#"
        and (word := _closing_code(line)) is not None
        and common_meaning(word) is not None
        for line in text.splitlines()
    )


def _a_sibling_says_so(lines: list[str], at: int) -> bool:
    """Whether the heading before or after the one on line ``at`` (0-based), at its level,
    closes with a status in a code span too: an epics file's way of writing the status,
    not one title's ``Wrap `open``` naming a function. A neighbour closing with a span
    that says no status (``Add command `archive```) says the spans are the titles' own
    (a CLI's commands ``done`` and ``blocked``). Each walk stops at the next heading, so
    the document's lines are visited a bounded number of times."""
    from roadmaplint.settings import common_meaning

    marks = lines[at][: len(lines[at]) - len(lines[at].lstrip("#"))] + " "
    said = False
    for step in (-1, 1):
        other = at + step
        while 0 <= other < len(lines) and not lines[other].startswith("#"):
            other += step
        if 0 <= other < len(lines) and lines[other].startswith(marks):
            word = _closing_code(lines[other])
            if word is not None and common_meaning(word) is None:
                return False
            said = said or word is not None
    return said


# A tag in brackets opening a title (``[優先度低] Codex アダプタ``), and the tags that give a
# priority: ``P1``, a level in words, ``優先度高`` (priority high) and the like.
_LEADING_TAG = LazyPattern(r"\[([^\[\]\n]{1,16})\][ \t]+")
_PRIORITY_TAG = LazyPattern(r"P[0-4]|[Hh]igh|[Mm]edium|[Ll]ow|[Cc]ritical|優先度.{1,4}")


def _owner(written: str | None, status: str | None) -> str | None:
    """The item's owner: the one its owner field names, none where it says none in
    brackets (``**Assigned**: (none)``); without the field, the one its status names as
    holding the work (``done by Antigravity (2026-02-04)``, ``claimed by @auto``)."""
    if written is not None:
        return named_owner(written)
    held = _HELD_BY.match(status) if status is not None and " by " in status else None
    if held is None or common_meaning(held["word"]) not in _HOLDING:
        return None
    return held["owner"]


_NO_OWNER = frozenset({"none", "unassigned", "nobody", "no one", "tbd", "n/a"})


def named_owner(written: str | None) -> str | None:
    """The owner as written, none where it says none in brackets: ``**Assigned**:
    (none)``, a table's Owner cell ``(unassigned)``; a condition in brackets after a name
    is no part of it (``analyst (when built)``). A bare ``TBD`` stays as written: which words
    mean nobody is the configuration's ``no-dri`` (``list --dri``, RL501)."""
    if written is None:
        return None
    if not written[:1].isascii() and not written[:1].isalnum():
        # ``🔧 3KPRO - Backend Engineer``: a mark before the name decorates it
        named = written.lstrip("".join(char for char in written[:4] if not char.isalnum()))
        written = named if any(char.isalpha() for char in named) else written
    if written[-1:] == "." and _sentence_end(written):
        written = written[:-1]  # ``- Responsable: Ronnie.``: the line's full stop, no name's
    if "(" not in written:
        return written  # most owners: no brackets to say none in
    bare = written.strip()
    bracketed = bare[:1] == "(" and bare[-1:] == ")"
    if bracketed:
        return None if bare.strip("() \t").casefold() in _NO_OWNER else written
    name, opening, remark = bare.partition(" (")
    said = remark.split(maxsplit=1)
    if opening and remark.endswith(")") and said and said[0].casefold() in _CONDITIONAL:
        return name.strip()  # a condition after the name: ``analyst (when built)``
    return written


# The words that open a condition on who takes the work, in brackets after the name
# (``analyst (when built)``); a team named so (``Frontend Engineer (Fuel Pod)``) is the name.
_CONDITIONAL = frozenset({"when", "once", "until", "after", "if", "unless", "while", "before"})


def _sentence_end(written: str) -> bool:
    """Whether ``written`` ends with a word of three letters or more and a full stop: a
    sentence's, no part of the name (``Jr.`` and ``J.`` are abbreviations, kept)."""
    words = written[:-1].split()
    return bool(words) and len(words[-1]) >= 3 and words[-1].isalpha()


# A status that names who holds the work: ``done by Antigravity``, ``claimed by @auto``.
_HELD_BY = LazyPattern(r"(?P<word>[A-Za-z]{2,15})[ \t]+by[ \t]+@?(?P<owner>[A-Za-z][\w.-]{0,39})\b")
# What a status that names its holder means: the work is done or under way (``blocked by
# T-3`` names what it waits for, no holder).
_HOLDING = frozenset({"done", "in_progress"})


# A plan's part named for its far horizon, numbered or not: ``## Phase 6: Future Vision``,
# ``## Long-term Ideas``, ``## 7. Someday``.
_FUTURE_SECTION = LazyPattern(
    r"(?i:(?:(?:phase|stage|part|milestone)[ \t]+[0-9]{1,3}[ \t]*[:.—–-][ \t]*"
    r"|[0-9]{1,3}\.[ \t]+)?"
    r"(?:future|long[ \t-]term|some[ \t]?day)"
    r"(?:[ \t]+(?:vision|ideas?|work|plans?|directions?|features|horizon))?)"
)


def _future_section(section: str | None) -> str | None:
    """``idea`` for an item with no status of its own in a part of the plan named for
    its far horizon (``### 6.1 Ambient AI Companion`` under ``## Phase 6: Future
    Vision``): work not committed to, as a person reads it; else None."""
    if not section or len(section) > 60:
        return None
    return "idea" if _FUTURE_SECTION.fullmatch(section.strip()) is not None else None


def section_status(section: str | None) -> str | None:
    """The status a section names when its heading is a status and nothing else (``##
    Ready``, ``## Done``, ``## ✅ Completed``): a queue whose items stand in the section of
    their state, each item without a status of its own taking the section's."""
    if not section or len(section) > 40:
        return None
    words = [word for word in section.split() if any(char.isalnum() for char in word)]
    if len(words) > 1 and words[-1][:1] == "(" and words[-1][-1:] == ")":
        words = words[:-1]  # a note in brackets: ``## Completed Tasks (Last 5)``
    if len(words) > 2 and words[-2][:1] == "(" and words[-1][-1:] == ")":
        words = words[:-2]
    if len(words) > 1 and words[-1].casefold() in _WORK_WORDS:
        words = words[:-1]  # what the section holds: ``## Completed Tasks``
    return section.strip() if " ".join(words).casefold() in COMMON_STATUSES else None


# The work a status section says it holds, after the status: ``Tasks`` of ``## Done Tasks``.
_WORK_WORDS = frozenset({"tasks", "items", "stories", "issues", "tickets", "features"})


def _without_remark(priority: str | None) -> str | None:
    """A priority without the remark written after it (``P0 - foundation``, ``P1
    (anti-fabrication)``, ``🔴 P0 - CRITICAL`` read as ``P0``, ``P1``, ``🔴 P0``), as a
    person reads the level."""
    if priority is None:
        return None
    mark, head, rest = "", *priority.strip().partition(" ")[::2]
    if head and not any(char.isalnum() for char in head) and rest:
        # a coloured mark before the level: ``🔴 P0 - CRITICAL`` is ``🔴 P0``
        mark, (head, _, rest) = f"{head} ", rest.lstrip().partition(" ")
    level = (head[:1] in "Pp" and head[1:2].isdigit() and len(head) <= 4) or (
        head.lower() in PRIORITY_WORDS
    )
    remark = rest.lstrip()[:1] in ("-", "—", "–", "(") and len(rest.strip()) > 1
    return mark + head if level and remark else priority


def legend_priority(item: Item, legend: Legend | None) -> Item:
    """``item`` with the priority its field writes where the document's Priority Legend
    lists it whole (``P0 (legacy)``): a value the legend names is no level and remark."""
    if legend is None or item.priority is None:
        return item
    written = item.field("priority")
    if written is None or written.value == item.priority or written.value not in legend.values:
        return item
    return replace(item, priority=written.value)


# A priority-group heading: "P0 — Correctness", "P1: Soon", "P2"; a roadmap's tiers,
# "Tier 1: Core Reliability" (the tiers of priority its features are grouped in).
_PRIORITY_GROUP = LazyPattern(r"(P[0-4]|Tier[ \t][0-9])(?:[ \t]*[—–:-][ \t]|[ \t]*$)")
# The same in capitals after a coloured mark, a queue's band: "🔴 TIER 1: BLOCKING ISSUES".
_MARKED_TIER = LazyPattern(r"[^\w\s]\ufe0f?[ \t]+(TIER[ \t][0-9])[ \t]*[—–:-][ \t]")
# A band numbered by its priority after a mark: "🎯 Priority 1: Core Functionality".
_MARKED_PRIORITY_NUMBER = LazyPattern(
    r"[^\w\s]\ufe0f?[ \t]+priority[ \t]([0-9])[ \t]*[—–:-][ \t]", re.IGNORECASE
)


# A band of priority written in capitals after a mark, then a remark in brackets or after
# a dash, or nothing: "🚨 CRITICAL (Bloqueurs) - Score: 4/4 ✅ 100%", "⚠️ HIGH - Score: 3/4".
_MARKED_PRIORITY_BAND = LazyPattern(
    r"[^\w\s]\ufe0f?[ \t]+(CRITICAL|HIGH|MEDIUM|LOW)(?:[ \t]+[(—–-]|[ \t]*$)"
)


# A group's priority in brackets ending its heading: "Epic A: CLI Contract (P0)".
_BRACKETED_PRIORITY = LazyPattern(r"\((P[0-4])\)[ \t]*$")


# The priority the heading reader puts first in a title, from ``MD-001 (P0) — Title``.
_LEADING_PRIORITY = LazyPattern(r"\((P[0-4])\)[ \t]+")
# A note closing a heading's title with the item's priority: ``(High Priority)``,
# ``(Priority: Low)``.
_NOTED_PRIORITY = LazyPattern(
    r"(?<=[ \t])\((?:(?P<word>critical|high|medium|low)[ \t]+priority"
    r"|priority:[ \t]*(?P<named>critical|high|medium|low))\)$",
    re.IGNORECASE,
)


def noted_priority_start(title: str) -> int | None:
    """Where a note closing a heading's title with its priority starts (the bracket of
    ``Network Validation (High Priority)``), so a new title keeps it; None without one."""
    noted = _NOTED_PRIORITY.search(title) if title.endswith(")") else None
    return noted.start() if noted is not None and title[: noted.start()].strip() else None


def _group_priority(section: str | None) -> str | None:
    """The priority a priority-group section gives the items under it that name none:
    a band (``P0 — Correctness``) or a group whose heading ends with its priority in
    brackets (``Epic A: CLI Contract and Error Stability (P0)``)."""
    if not section:
        return None
    numbered = _MARKED_PRIORITY_NUMBER.match(section)
    if numbered is not None:
        return f"P{numbered[1]}"  # ``🎯 Priority 2: Personal Data``: the band of P2
    match = (
        _PRIORITY_GROUP.match(section)
        or _MARKED_TIER.match(section)
        or _MARKED_PRIORITY_BAND.match(section)
        or (_BRACKETED_PRIORITY.search(section) if section.endswith(")") else None)
    )
    if match is None and section[-1:].isalpha():
        # an epic whose heading ends with its priority after a mark: ``E1 CLI Core ❗️
        # Critical``, ``E4 Build and Packaging ❕ Normal``
        match = _MARKED_GROUP_PRIORITY.search(section[-40:])
    return match[1] if match is not None else None


# A priority word after a mark, ending a group's heading: `` ❗️ Critical``, `` ❕ Normal``.
_MARKED_GROUP_PRIORITY = LazyPattern(
    r"[^\w\s][ \t]{1,3}(critical|high|medium|normal|low)$", re.IGNORECASE
)


_PRIORITY_WORD = LazyPattern(r"P[0-4]|critical|high|med|medium|low|urgent", re.IGNORECASE)


def _marks(marks: str) -> tuple[str | None, str | None]:
    """The status and the priority marks before a heading's title say: a mark with a
    common status meaning (``✅``, ``⬜``) is the status; a mark joined to a priority word
    (``🟡Med``, ``🔴High``) is that priority."""
    status = priority = None
    for token in marks.split():
        word = "".join(char for char in token if char.isalnum())
        if word and _PRIORITY_WORD.fullmatch(word):
            priority = priority or word
        elif common_meaning(token) is not None:
            status = status or token
    return status, priority


def _value(fields: dict[str, Field], key: str) -> str | None:
    found = fields.get(key)
    return found.value if found is not None and found.value else None


# A group heading's own field line over the items under it: ``### Epic: Admin`` over
# ``**Priority**: 🟠 P1 | **Status**: In Progress``.
_GROUP_PRIORITY_FIELD = LazyPattern(
    r"(?:\*\*Priority\*\*[ \t]*:|\*\*Priority:\*\*)[ \t]*(?P<value>[^|*\n]{1,40})"
)
_HEADING_MARKS = LazyPattern(r"[ \t]{0,3}(?P<marks>#{1,6})[ \t]+")


def with_group_priority(items: list[Item], lines: list[str]) -> list[Item]:
    """``items``, a heading item that names no priority given the one its group's heading
    writes on the line right under it (``### Epic: Admin`` over ``**Priority**: 🟠 P1 |
    **Status**: In Progress``, its features ``#### F-001: ...`` under it), as a priority
    band's heading gives its own (``## P1 — Soon``)."""
    if not any(item.priority is None for item in items):
        return items
    groups: dict[str, str] = {}
    read = []
    for item in items:
        if (
            item.priority is None
            and item.section
            and (
                written := groups.get(item.section)
                if item.section in groups
                else groups.setdefault(item.section, _group_field(item, lines))
            )
        ):
            item = replace(item, priority=written)  # a priority set is written on the item
        read.append(item)
    return read


def _group_field(item: Item, lines: list[str]) -> str:
    """The priority the heading of ``item``'s section writes on the line under it, found
    above the item's own heading (a lower level, the section's name); empty where none."""
    own = _HEADING_MARKS.match(lines[item.position.line - 1])
    if own is None:
        return ""
    level = len(own["marks"])
    for number in range(item.position.line - 2, -1, -1):
        line = lines[number]
        heading = _HEADING_MARKS.match(line) if line[:1] in "# " else None
        if heading is None or len(heading["marks"]) >= level:
            continue
        if line[heading.end() :].strip().rstrip("#").strip() != item.section:
            return ""
        under = next((text.strip() for text in lines[number + 1 : number + 3] if text.strip()), "")
        found = _GROUP_PRIORITY_FIELD.match(under)
        return (_without_remark(found["value"].strip()) or "") if found is not None else ""
    return ""


def with_table_state(items: list[Item], lines: list[str]) -> list[Item]:
    """``items``, one whose Status field says what a summary table's Readiness column
    says of it (``**Status:** ⚠️ Needs Clarification`` under ``### TSK-0003``, its row
    ``| TSK-0003 | ... | To Do | ⚠️ Needs Clarification |``) taking the row's Status: the
    field says whether the task is ready to start, the table's Status where its work
    stands, as a person reads the two columns."""
    if not any(item.status is not None for item in items):
        return items
    rows = _readiness_rows(lines)
    if not rows:
        return items
    read = []
    for item in items:
        row = rows.get(item.id)
        if row is not None and item.status is not None and item.status.strip() == row[1]:
            # the field stays the item's: a status set there says where the work stands
            item = replace(item, status=row[0])
        read.append(item)
    return read


def _readiness_rows(lines: list[str]) -> dict[str, tuple[str, str, int]]:
    """Each row of a table with both a Status and a Readiness column, by the ID in its
    first cell: (the status, the readiness, the row's line, 1-based)."""
    rows: dict[str, tuple[str, str, int]] = {}
    columns: tuple[int, int] | None = None
    for number, line in enumerate(lines):
        text = line.strip()
        if not text.startswith("|"):
            columns = None
            continue
        cells = [cell.strip().strip("*`").strip() for cell in text.strip("|").split("|")]
        if columns is None:
            names = [cell.casefold() for cell in cells]
            if "status" in names and "readiness" in names:
                columns = (names.index("status"), names.index("readiness"))
            continue
        status, readiness = columns
        if not cells[0].strip("-: "):
            continue  # the delimiter row
        if len(cells) > max(status, readiness) and cells[status] and cells[status] != "-":
            rows.setdefault(cells[0], (cells[status], cells[readiness], number + 1))
    return rows
