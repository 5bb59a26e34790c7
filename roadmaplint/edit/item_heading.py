"""The status and priority a heading item's heading writes, rewritten there where no
field holds them: a mark before the title (``### A1 ⬜ — Title``), words closing it
(``— DONE``, ``(Done)``, ``✅ COMPLETE``), a box (``[x]``), a priority note (``(High
Priority)``), a series' check mark, and a heading's mark kept in step with its Status
field.
"""

from __future__ import annotations

import re
from datetime import date

from roadmaplint.edit.item_plan import _ATX, _closing_sequence, _Plan, _planned_heading
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Field, Item, Roadmap
from roadmaplint.reader.dialect import MARKED_TITLE
from roadmaplint.reader.fields import (
    HEADING_BOXES,
    closing_status_span,
    heading_status,
    noted_priority_start,
)
from roadmaplint.settings import common_meaning
from roadmaplint.text import LazyPattern, split_lines

# The marks a heading's status is written with where the document uses none of its own.
_STATUS_MARKS = {"done": "✅", "ready": "⬜", "in_progress": "🔄"}
_CHECKS = ("✅", "✓", "✔")
# A check mark and the day the work was done, closing a heading: ``✅ (2024-05-01)``.
_DATED_CHECK = LazyPattern(r"[✅✓✔]\ufe0f?[ \t]*\([0-9]{4}-[0-9]{2}-[0-9]{2}\)")


def _restatus_heading(
    plan: _Plan, lines: list[str], roadmap: Roadmap, item: Item, value: str
) -> str | None:
    """Write ``value`` where the item's heading writes its status (no Status field): a
    mark before the title (``### A1 ⬜ — Title``) becomes the new status's mark, a
    word after it (``Title (Done)``, ``Title — Done``, ``TASK-8 ✓ DONE``) the value.
    What the status then reads as; None when the heading writes no status (a Status
    field is added) or a check mark would have to say other than done (the mark goes,
    and the field is added)."""
    if item.status is None:
        return None
    heading = _planned_heading(plan, lines, item)
    if heading is None:
        return None
    index, line, body, (at, end) = heading
    # a mark the title itself begins with (``✅ v1.0 MVP (COMPLETED)``) is no status: the
    # status is looked for after the title
    title = item.title
    if any(mark in title for mark in _CHECKS) and body.startswith(title, at):
        at += len(title)
    span, written = _heading_status_span(body, at, end, item.status, roadmap, value)
    if span is None:
        return None
    if body[span[0] : span[1]] == written:
        return item.status  # the heading says it already (``✔️`` for done): it stays
    plan.replace[index] = body[: span[0]] + written + body[span[1] :] + line[len(body) :]
    return written or None


# The words a note closing a heading gives its priority in (``(High Priority)``,
# ``(Priority: Low)``, reader/fields.py), and one of them in a note.
_NOTE_WORDS = frozenset(("critical", "high", "medium", "low"))
_NOTE_WORD = LazyPattern(r"critical|high|medium|low", re.IGNORECASE)


def _renote_priority(
    plan: _Plan, lines: list[str], roadmap: Roadmap, item: Item, value: str
) -> str | None:
    """Write ``value`` in the note closing the item's heading that gives its priority
    (``Network Validation (High Priority)`` to ``(Low Priority)``), in the word's own
    case, where no field holds the priority. What the priority then reads as; None where
    the heading closes with no such note. A value the note cannot say (``P0``) is refused:
    a field under the heading would overrule the note unseen."""
    if not item.priority or item.field("priority") is not None:
        return None
    heading = _planned_heading(plan, lines, item)
    if heading is None:
        return None
    index, line, body, (at, end) = heading
    text = body[at:end].rstrip(" \t")
    cut = noted_priority_start(text)
    if cut is None:
        return None
    note = text[cut:]
    word = _NOTE_WORD.search(note)
    if word is None:
        return None
    if value.casefold() not in _NOTE_WORDS:
        raise RoadmapError(
            f"{roadmap.path}:{item.position.line}: {item.id}'s priority is the note closing "
            f"its heading {note}, which says critical, high, medium or low, not {value!r}; "
            "nothing written"
        )
    old = word.group()
    new = (
        value.upper()
        if old.isupper()
        else value.capitalize()
        if old[:1].isupper()
        else value.lower()
    )
    start = at + cut + word.start()
    plan.replace[index] = body[:start] + new + body[start + len(old) :] + line[len(body) :]
    return new


def _series_mark(
    plan: _Plan, lines: list[str], roadmap: Roadmap, item: Item, value: str
) -> str | None:
    """Close the item's heading with the check its series writes for done (``### 3.
    Dashboards`` beside ``### 1. Backups ✅ (2024-04-02)``): the mark, and the day it
    is done where the series dates its marks. What the status then reads as; None for
    another status, an item with a status of its own, or a series that writes no mark."""
    if item.status is not None or common_meaning(value) != "done":
        return None
    index = item.position.line - 1
    body = lines[index].rstrip("\r\n")
    opener = _ATX.match(body)
    if opener is None or index in plan.replace:
        return None
    level = len(body[: opener.end()].strip())
    marks = set()
    for other in roadmap.items:
        status = other.status or ""
        line = lines[other.position.line - 1].rstrip("\r\n")
        same = _ATX.match(line)
        if other is item or same is None or len(line[: same.end()].strip()) != level:
            continue
        if not line[: _closing_sequence(line)].endswith(status):
            continue
        if status.rstrip("\ufe0f") in _CHECKS:
            marks.add((status, False))
        elif _DATED_CHECK.fullmatch(status) is not None:
            marks.add((status.split("(")[0].strip(), True))
    if len(marks) != 1:
        return None  # no mark, or marks written two ways: a Status field says it
    ((mark, dated),) = marks
    written = f"{mark} ({date.today().isoformat()})" if dated else mark
    end = _closing_sequence(body)
    plan.replace[index] = f"{body[:end]} {written}{body[end:]}" + lines[index][len(body) :]
    return written


def _heading_beside_field(
    plan: _Plan, lines: list[str], item: Item, found: Field, value: str
) -> None:
    """A heading that closes with the status the item reads as, over a Status field whose
    words say none the reader takes (``### 2. Log Rotation ✅`` over ``**Status:** Running
    at 2am daily``), says no more than the field once the field is set: the heading's
    status goes where it means other than ``value``, so the file says one status. Words
    closing it (``— COMPLETE``, ``(done)``, ``✅ COMPLETE``) go whatever ``value`` is: over a
    field that says a status they would read as the title's."""
    if not item.status or found.value.strip() == item.status:
        return  # the field is what the item reads as: the heading says no status
    if (
        common_meaning(item.status) == common_meaning(value) is not None
        and item.status.rstrip("\ufe0f") in _CHECKS
    ):
        return  # ``✅`` over a field set done: both say done, the mark in short
    heading = _planned_heading(plan, lines, item)
    if heading is None:
        return
    index, line, body, (at, end) = heading
    closing = heading_status(body[at:end])
    if closing is None or closing[1] != item.status or not closing[0].strip():
        return  # written another way (a mark before the title): the gate reads it back
    plan.replace[index] = body[:at] + closing[0] + body[end:] + line[len(body) :]


def _heading_status_span(
    body: str, at: int, end: int, status: str, roadmap: Roadmap, value: str
) -> tuple[tuple[int, int] | None, str]:
    """Where in ``body[at:end]`` (a heading after its ID) the status ``status`` is
    written, and what to write there for ``value``; (None, "") where it is not."""
    marked = MARKED_TITLE.fullmatch(body[at:end])
    if marked is not None:
        for token in re.finditer(r"\S+", marked["marks"]):
            if token[0] == status:
                start = at + marked.start("marks") + token.start()
                return (start, start + len(token[0])), _status_mark(roadmap, status, value)
    coded = body[at:end].rstrip()
    if status not in HEADING_BOXES and closing_status_span(coded, status) is not None:
        # ``## E03 — Search `todo` ``: the span's words are the status, rewritten inside it
        word_at = at + len(coded) - 1 - len(status)
        return (word_at, word_at + len(status)), _heading_word(roadmap, status, value)
    suffix = heading_status(body[at:end])
    if suffix is None or suffix[1] != status:
        return None, ""
    # a check mark alone or with the day it was done (``✅ (2024-05-01)``) has no word
    alone = status in _CHECKS or _DATED_CHECK.fullmatch(status) is not None
    word_at = body.rfind(status, at, end) if not alone else -1
    if status in HEADING_BOXES:  # ``## Phase 1: Core `[x]` ``: a box is written for it
        return (word_at, word_at + len(status)), _heading_box(status, value)
    check_at = max(body.rfind(mark, at, end) for mark in _CHECKS)
    meaning = common_meaning(value)
    if check_at >= 0 and (word_at < 0 or check_at < word_at):  # ``✓ DONE``, ``✅``
        if meaning == "done":
            if word_at < 0:  # ``✅`` alone says done: it stays as written
                return (check_at, end), body[check_at:end]
            return (word_at, word_at + len(status)), value
        rewritten = _marked_status(roadmap, body[check_at : word_at + len(status)], value, False)
        if word_at >= 0 and rewritten is not None:
            # ``✅ COMPLETE`` where the document writes other states so (``⏳ PLANNED``)
            return (check_at, word_at + len(status)), rewritten
        cut = len(body[:check_at].rstrip(" \t—–-"))
        return (cut, end), ""  # the heading says done no more; a Status field says the rest
    if _marked(status):  # ``⏳ PLANNED``: the mark and the word of the new status
        return (word_at, word_at + len(status)), _marked_status(roadmap, status, value) or ""
    return (word_at, word_at + len(status)), _heading_word(roadmap, status, value)


def _heading_word(roadmap: Roadmap, status: str, value: str) -> str:
    """The word a heading writes for ``value`` where it writes ``status`` as a word: a
    common word, the document's own for it, in capitals where the old one was."""
    meaning = common_meaning(value)
    if meaning is None or len(value.split()) > 2:
        raise RoadmapError(
            f"{status!r} in the heading is the status; one written there is a common word "
            f"(done, in progress, ready ...), not {value!r}: edit the heading by hand"
        )
    own = _own_word(roadmap, value, meaning)
    if own is not None:
        value = own  # the document's word for it (``KORJATTU`` beside ``AVOIN``)
    elif status.isupper() and common_meaning(value.upper()) == meaning:
        value = value.upper()  # a board's capitals (``— TODO``): ``done`` is written DONE
    return value


def _own_word(roadmap: Roadmap, value: str, meaning: str) -> str | None:
    """The word the document's items write for ``meaning`` where none writes ``value``
    itself, one word in capitals as a heading ends with it (``KORJATTU``); else None."""
    written = [item.status for item in roadmap.items if item.status]
    if any(status.casefold() == value.casefold() for status in written):
        return None
    return next(
        (
            status
            for status in written
            if status.isupper() and len(status.split()) == 1 and common_meaning(status) == meaning
        ),
        None,
    )


# A status a heading ends with, written as a mark and its words where the document
# writes none of its own (``✅ COMPLETE``).
_MARKED_STATUSES = {
    "done": "✅ Complete",
    "in_progress": "🔄 In progress",
    "ready": "⏳ Planned",
    "todo": "⏳ Planned",
    "blocked": "⛔ Blocked",
}


# The box a heading that ends with one writes for a status of each meaning.
_HEADING_BOX_OF = {
    "done": "[x]",
    "ready": "[ ]",
    "todo": "[ ]",
    "in_progress": "[~]",
    "closed": "[-]",
}


def _heading_box(old: str, value: str) -> str:
    """The box a heading ending with the box ``old`` writes for ``value``: the value where
    it is a box, else the box of its meaning."""
    if value.strip() in HEADING_BOXES:
        return value.strip()
    box = _HEADING_BOX_OF.get(common_meaning(value) or "")
    if box is None:
        raise RoadmapError(
            f"{old!r} in the heading is the status; a box says done, ready, in progress or "
            f"closed, not {value!r}: edit the heading by hand"
        )
    return box


def _marked(status: str) -> bool:
    """Whether a status is written as a mark and its words (``⏳ PLANNED``)."""
    words = status.split()
    return len(words) > 1 and not any(char.isalnum() for char in words[0])


def _after_check(written: str) -> str:
    """A status the heading writes as a check mark and its words, as it reads: the words."""
    words = written.split(None, 1)
    return words[1] if len(words) == 2 and words[0].rstrip("\ufe0f") in _CHECKS else written


def _marked_status(roadmap: Roadmap, old: str, value: str, common: bool = True) -> str | None:
    """The mark and words a heading that ends with ``old`` (``⏳ PLANNED``) writes for
    ``value``: the value where it is written so; else the entry of that meaning of the
    document's one-line legend, else the way another heading writes it (``✅ COMPLETE``),
    else (``common``; None without) a common mark and word, in capitals where ``old`` is."""
    from roadmaplint.reader.legends import line_legend_entries, workflow_meanings

    meaning = common_meaning(value)
    if _marked(value) and meaning is not None:
        return value.strip()
    if meaning is None and not common:
        return None
    lines = split_lines(roadmap.source)
    entries = line_legend_entries(lines) if meaning is not None else ()
    ordered = workflow_meanings(entries)  # ``✅ TESTED`` before ``✔️ RELEASED`` is under way
    for entry in entries:
        if ordered.get(entry, common_meaning(entry)) == meaning:
            return entry
    for other in roadmap.items:
        status = other.status or ""
        if not status or meaning is None or common_meaning(status) != meaning:
            continue
        if _marked(status):
            return status
        line = lines[other.position.line - 1].rstrip()
        before = line[: line.rfind(status)].split() if line.endswith(status) else []
        if before and not any(char.isalnum() for char in before[-1]):
            return f"{before[-1]} {status}"  # ``✅ COMPLETE``, read as COMPLETE
    if not common:
        return None
    if meaning is None or meaning not in _MARKED_STATUSES:
        raise RoadmapError(
            f"{old!r} in the heading is the status; one written there is a common word "
            f"(done, in progress, ready ...), not {value!r}: edit the heading by hand"
        )
    mark, words = _MARKED_STATUSES[meaning].split(None, 1)
    return f"{mark} {words.upper() if old.isupper() else words}"


def _status_mark(roadmap: Roadmap, old: str, value: str) -> str:
    """The mark a heading writes for ``value``: the value if it is a mark, else the
    document's own mark of that meaning, else the common one."""
    if not any(character.isalnum() for character in value):
        return value
    meaning = common_meaning(value)
    for other in roadmap.items:
        mark = other.status or ""
        if mark and not any(c.isalnum() for c in mark) and common_meaning(mark) == meaning:
            return mark
    if meaning in _STATUS_MARKS:
        return _STATUS_MARKS[meaning]
    marks = ", ".join(f"{mark} ({name.replace('_', ' ')})" for name, mark in _STATUS_MARKS.items())
    raise RoadmapError(
        f"the mark {old} in the heading is the status; give a status a mark writes: {marks}"
    )


# A heading's check mark and its done word after the item's ID (``### TASK-8 ✓ DONE``)
_HEADING_CHECK = LazyPattern(r"(?<![ \t])[ \t]++([✅✓✔]\ufe0f?[ \t]*+[A-Za-z]++)$")


def _check_follows_field(
    plan: _Plan, lines: list[str], roadmap: Roadmap, item: Item, value: str
) -> None:
    """A heading that marks its item done (``### TASK-8 ✓ DONE`` over ``- **Status:**
    DONE``) follows its Status field: the mark goes when the field says other than done
    (a check mark can say nothing else, and the heading would contradict the field),
    and is written when it says done where the document's other done headings write it
    so. The document's own mark only: a heading is never given one it does not use."""
    index = item.position.line - 1
    if any(found.position.line == item.position.line for found in item.fields):
        return  # the field is on the heading's line
    line = plan.replace.get(index, lines[index]) or lines[index]
    body = line.rstrip("\r\n")
    opener = _ATX.match(body)
    if opener is None or item.named_by_title:
        return
    end = _closing_sequence(body)
    check = _HEADING_CHECK.search(body[:end])
    done = common_meaning(value) == "done"
    if check is not None and not done and common_meaning(check[1].split()[-1]) == "done":
        plan.replace[index] = body[: check.start()] + body[end:] + line[len(body) :]
    elif check is None and done and body[opener.end() : end].strip() == item.id:
        mark = _done_mark(roadmap, lines, item)
        if mark is not None:
            plan.replace[index] = body[:end] + f" {mark}" + body[end:] + line[len(body) :]


def _done_mark(roadmap: Roadmap, lines: list[str], item: Item) -> str | None:
    """The check mark and word the document's other done headings write after their ID
    alone (``✓ DONE``), when they all write the same one."""
    marks = set()
    for other in roadmap.items:
        body = lines[other.position.line - 1].rstrip("\r\n")
        opener = _ATX.match(body)
        if other is item or opener is None or not other.status:
            continue
        check = _HEADING_CHECK.search(body[: _closing_sequence(body)])
        if check is None or common_meaning(check[1].split()[-1]) != "done":
            continue
        if body[opener.end() : check.start()].strip() == other.id:
            marks.add(check[1])
    return marks.pop() if len(marks) == 1 else None
