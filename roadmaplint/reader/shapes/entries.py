"""One list entry read into an item (``_item``): its title wrapped over lines, the
fields nested under it, a status label above it, a struck or blocked tail, and the
blocks it spans."""

from __future__ import annotations

import re

from roadmaplint.model import Block, DoneCriterion, Field, Item, Position
from roadmaplint.reader.dialect import DEPENDS_ON, field_names
from roadmaplint.reader.fields import field_start
from roadmaplint.reader.legends import leading_marks
from roadmaplint.reader.shapes import Document
from roadmaplint.reader.shapes.common import (
    edge_stripped,
    make_item,
    priority_of_sections,
    reference_from_title,
    status_of_section,
    status_of_sections,
)
from roadmaplint.reader.shapes.deferred_phases import in_deferred_phase
from roadmaplint.reader.shapes.kanban import kanban_board, let_go, let_go_lane
from roadmaplint.reader.shapes.listline import (
    _BULLET,
    _DESCRIPTION,
    BOX,
    STATUS_OF_BOX,
    _number_of_box,
    marker_legend,
    parse_line,
)
from roadmaplint.reader.shapes.paragraphs import labelled_box
from roadmaplint.record import replace
from roadmaplint.settings import common_meaning
from roadmaplint.text import LazyPattern


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


def _under_heading(lines: list[str], first: int) -> bool:
    """Whether the nearest line above ``first`` that is not blank is a heading."""
    # by index: a copy of every line above for each list made reading quadratic
    above = next((lines[at] for at in range(first - 1, -1, -1) if lines[at].strip()), "")
    return (
        above.lstrip(" ").startswith("#") or _SETEXT_UNDERLINE.fullmatch(above.strip()) is not None
    )


_SETEXT_UNDERLINE = LazyPattern(r"=+|-+")
# The end of a bullet's first sentence: a full stop before a capital or the end; the stop
# of an abbreviation ends none (``support (e.g. RGB = 100,147,217GHz)``).
_SENTENCE_END = LazyPattern(r"(?<!\be\.g)(?<!\bi\.e)\.(?:[ \t]+(?=[A-Z`*_\[])|[ \t]*$)")
_REMARK_WORDS = 12  # a closing remark in brackets longer than this is description


def _bullet_text(line: str) -> str:
    bullet = _BULLET.match(line)
    return line[bullet.end() :] if bullet is not None else ""


# A label that leads a list of work under it (``Tools:``): a word or three and a colon.
_LEAD_LABEL = LazyPattern(r"[ \t]*[\w/&.+-]+(?:[ \t]+[\w/&.+-]+){0,2}[ \t]*:[ \t]*")


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
        if _hard_break_after_sentence(lines[number - 1]):
            break  # ``- [ ] Expose a hook?`` and two blanks, over ``Not sure about it.``
        if _TAGGED_END.search(lines[number - 1]):
            break  # ``- [x] Split it @uid:task-2 @completed:2025-01-12`` over a note on it
        text = f"{text.rstrip()} {lines[number].strip()}"
    return text


# A line closed by tags of a key and its value (``@uid:task-2 @created:2025-11-12``, or
# two bare ones, ``risk:low effort:2``): the box's name and its fields end there, and the
# line below is a note on it.
_TAGGED_END = LazyPattern(
    r"(?:^|[ \t])@[A-Za-z][\w.-]*:[^\s:]\S*[ \t]*$"
    r"|(?:[ \t][a-z][a-z-]*:(?!//)[^\s:]\S*){2}[ \t]*$"
)


def _hard_break_after_sentence(line: str) -> bool:
    """Whether ``line`` ends a sentence (``.``, ``?``, ``!``) with a hard line break, two
    blanks or a backslash: its writer broke the line there, and what follows is a note of
    the box, no part of its name."""
    text = line.rstrip("\r\n")
    if not text.endswith(("  ", "\\")):
        return False
    return text.rstrip(" \\")[-1:] in (".", "?", "!")


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


# A status mark leading a bullet's text (``- ✅ Publish the release``, ``- 🚧 Expand the
# tooling``): done, or under way; written as the status, no part of the title.
LEADING_MARK = LazyPattern(r"(?P<mark>[✅✔☑🚧🔄])\ufe0f?[ \t]+(?=\w)")
_DONE_MARKS = ("✅", "✔", "☑")
# A sign leading a bullet: a pictograph, joined or varied as emoji are (``🏃‍♀️``, ``🚫``).
PICTOGRAPH_LEAD = LazyPattern(
    r"(?P<mark>[\u2190-\u2bff\U0001f000-\U0001faff]"
    r"[\u200d\ufe0f\u2640\u2642\u2190-\u2bff\U0001f000-\U0001faff]{0,6})[ \t]+(?=\w)"
)


def checks_finished_bullets(lines: list[str]) -> bool:
    """Whether a document without boxes marks its finished work with a check (``- ✅ Vec2
    math``) and leaves the rest bare (``- Vec2 tests``): two top-level bullets or more led
    by a done mark, one bare one at least, the bare ones the work still to do, as an open
    box is. A bullet led by another sign (``- 🚀 Ship devtools``) is neither."""
    checked = bare = 0
    for line in lines:
        bullet = TOP_BULLET.match(line)
        if bullet is None:
            continue
        if BOX.match(line) is not None:
            return False  # a plan of boxes checks its boxes
        text = line[bullet.end() :]
        mark = LEADING_MARK.match(text)
        if mark is not None and mark["mark"] in _DONE_MARKS:
            checked += 1
        elif text[:1].isalnum():
            bare += 1
    return checked >= 2 and bare >= 1


# A line that labels the list below it with a status: ``🔧 **In Progress**``.
_STATUS_LABEL = LazyPattern(r"[ \t]*(?:[^\w\s*]+[ \t]*)?\*\*(?P<word>[^*]{2,30}?):?\*\*:?[ \t]*")
# A line of a list: a bullet, or a line indented under one.
_LIST_LINE = LazyPattern(r"[ \t]+\S|[-*+][ \t]")


# A remark in brackets closing a box, a state in a word or three: ``(进行中)``, ``(in progress)``.
_CLOSING_REMARK = LazyPattern(r"[(（](?P<state>[^()（）\n]{1,24})[)）][ \t]*$")


def _under_way_remark(text: str) -> re.Match[str] | None:
    """The remark in brackets that closes an open box's text where it says the work is
    under way (``(进行中)``, ``(in progress)``, ``(WIP)``); None otherwise."""
    found = _CLOSING_REMARK.search(text.rstrip())
    if found is None:
        return None
    state = found["state"].strip()
    if ":" in state or any(char.isdigit() for char in state) or len(state.split()) > 3:
        return None  # ``(Started: 2025-12-03)``: a log's day, no state of its own
    return found if common_meaning(state) == "in_progress" else None


def _status_label_above(document: Document, first: int) -> str | None:
    """The status a bold label right above a box's list names (``✅ **Completed**``, ``🔧
    **In Progress**`` over boxes, the way a status heading would): a group's status."""
    return document.memo("status_labels", lambda: _status_labels(document.lines))[first]


# A section that ranks work by bold labels: ``### Priorities`` over ``**High**``.
_RANKING_SECTIONS = frozenset(("priorities", "priority"))
# A level of priority a bold label names alone: ``**High**``, ``**P1**``.
_RANK_WORD = LazyPattern(r"(?i:critical|urgent|high|medium|normal|low)|P[0-4]")


def _rank_label_above(document: Document, first: int) -> str | None:
    """The priority a bold label right above a box's list names (``**High**`` over ``- [ ]
    Fix security vulnerabilities``) in a section that ranks work by such labels
    (``### Priorities``): the group's priority, the section no state of its own nor of the
    sections above it (a TODO's ``### Priorities`` after its ``## 💡 Ideas``)."""
    section = document.section_above(first + 1)
    words = (section or "").strip(" \t*_:").casefold()
    if words not in _RANKING_SECTIONS:
        return None
    lines = document.lines
    for at in range(first - 1, max(first - 40, 0) - 1, -1):
        line = lines[at]
        if not line.strip() or _LIST_LINE.match(line):
            continue
        label = _STATUS_LABEL.fullmatch(line.rstrip("\r\n"))
        word = label["word"].strip() if label is not None else ""
        return word if _RANK_WORD.fullmatch(word) else None
    return None


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
    ranked = _rank_label_above(document, first)
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
    if kanban_board(document) and (let_go(text) or let_go_lane(section)):
        # ``- [x] Feb 9th, 2023 15:01 #invalid Create a template``; a card in the board's
        # ``## NOT IN SCOPE`` lane
        status = "dropped"
    elif match["mark"] not in (" ", "") and _STRUCK_NOT_APPLICABLE.match(text):
        status = "dropped"  # ``- [x] ~~**Solana: Replay**~~ — N/A, Solana sunset``: let go
    elif match["mark"] not in (" ", "") and (let := _closed_in_name(text, parts.title)):
        # ``- [x] 4. **`ca_provider` — DESCOPED** (checked as closed, not as done)``: ticked
        # because the work is let go, as its name says, not because it was done
        status = let
    elif match["mark"] not in (" ", "") and (state := _state_after_bold(text)) is not None:
        # ``- [x] **ENGINE-2: PDCA Orchestrator** ⚠️ NEEDS ENHANCEMENT`` where its neighbours
        # write ``✅ COMPLETE``: the note after the title says work remains, under way
        if state.startswith("NEEDS "):
            status = "in progress"
        parts = replace(parts, title=_without_state(parts.title, state))
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
    elif match["mark"] in (" ", "") and (remark := _under_way_remark(text)) is not None:
        # ``- [ ] **v2.1.0**: polish and new styles (进行中)``: the remark closing the open
        # box says its work is under way, and is no part of its name
        status = remark["state"]
        if parts.title.endswith(remark[0].strip()):
            parts = replace(parts, title=parts.title[: -len(remark[0].strip())].rstrip())
    elif match["mark"] in (" ", "") and in_deferred_phase(document, first):
        status = "deferred"  # ``## Phase 6: ...`` of phases a section says were deferred
    elif match["mark"] in (" ", "") and ranked is None:
        named = _status_label_above(document, first) or status_of_sections(
            _without_noted_groups(document.status_sections_above(first + 1)), board
        )
        meaning = common_meaning(named)
        if (
            named is not None
            # a Kanban board's card is where its lane is, ``## DONE`` too: the board moves
            # a card there without ticking it (a box elsewhere says itself it is not done)
            and (meaning != "done" or kanban_board(document))
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
        or ranked
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


# A state that lets the work go, closing a box's name after a dash: ``**`ca_provider` —
# DESCOPED**``, ``Legacy importer — cancelled`` (the whole description after the name).
_CLOSING_STATE = LazyPattern(r"[ \t][—–-][ \t]++(?P<word>[^\W\d_](?:[^\W\d_]|-){2,20}+)[ \t]*+\.?$")


def _closed_in_name(text: str, title: str) -> str | None:
    """The state a ticked box's name closes with after a dash where it means the work was
    let go (``DESCOPED``, ``cancelled``, ``wontfix``): in its bold title, or as all the
    box writes after its name. None where the name closes with anything else (``Export —
    CSV and JSON``) or the word stands in the description's prose."""
    found = _CLOSING_STATE.search(title)
    if found is None:
        at = text.find(title) if title else -1
        rest = text[at + len(title) :].rstrip() if at >= 0 else ""
        found = _CLOSING_STATE.fullmatch(rest)
    if found is None or common_meaning(found["word"].strip()) != "closed":
        return None
    return found["word"].strip()


# A state written in capitals after a box's bold title, behind a mark: ``**REGISTRY-1:
# Title** ⚠️ NEEDS ENHANCEMENT``, ``**FOUNDATION-1: Title** ✅ COMPLETE``.
_STATE_AFTER_BOLD = LazyPattern(
    r"\*\*[^*\n]{1,200}\*\*[ \t]+(?:⚠️?|✅|🔄|🚧)[ \t]*(?P<state>[A-Z]{3,20}(?:[ \t][A-Z]{3,20})?)"
    r"[ \t]*"
)


_STATE_MARKS = frozenset("⚠✅🔄🚧\ufe0f")


def _state_after_bold(text: str) -> str | None:
    """The state a ticked box's note in capitals after its bold title writes (``NEEDS
    ENHANCEMENT``, ``COMPLETE``); None where the box writes none."""
    found = _STATE_AFTER_BOLD.fullmatch(text.strip())
    return found["state"] if found is not None else None


def state_note_start(text: str) -> int | None:
    """Where the mark and state closing a ticked box's bold title start in ``text`` (the
    spaces before ``⚠️ NEEDS ENHANCEMENT``), so an edit of its status can take the note
    away; None where the text closes with no such note."""
    stripped = text.rstrip()
    found = _STATE_AFTER_BOLD.fullmatch(stripped.lstrip())
    if found is None:
        return None
    offset = len(stripped) - len(stripped.lstrip())
    bold_end = stripped.rfind("**", 0, offset + found.start("state")) + 2
    return bold_end


def _without_state(title: str, state: str) -> str:
    """``title`` without the mark and state that close it: the state is no part of its name."""
    if not title.endswith(state):
        return title
    kept = title[: -len(state)].rstrip()
    while kept and kept[-1] in _STATE_MARKS:
        kept = kept[:-1].rstrip()
    return kept or title


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
