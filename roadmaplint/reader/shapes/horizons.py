"""Horizon lists (``## Now`` / ``## Next`` / ``## Later`` over plain bullets,
``_read_horizon_list``) and the bullets read beside headings: parked work, bold IDs, the
bullets of numbered headings, field lists, queues joined by bars; and whether a title
names work (``titles_work``)."""

from __future__ import annotations

import re

from roadmaplint.model import Block, Field, Item, Position
from roadmaplint.reader.dialect import WORK_KEYS, Dialect, names_task_states, patterns
from roadmaplint.reader.shapes import Document
from roadmaplint.reader.shapes.common import (
    edge_stripped,
    group_of_bold_bullets,
    leads_with_priority,
    make_item,
    priority_of_sections,
    reference_from_title,
    status_of_section,
    status_of_sections,
)
from roadmaplint.reader.shapes.entries import (
    _DONE_NOTE,
    _STRUCK_THEN_DONE,
    _STRUCK_THROUGH,
    LEADING_MARK,
    PICTOGRAPH_LEAD,
    _bullet_text,
    _entry_blocks,
    _entry_start,
    _last,
    _status_fields,
    _under_heading,
    _wrapped,
    checks_finished_bullets,
    strikes_finished_bullets,
)
from roadmaplint.reader.shapes.listline import (
    _BOLD_LEAD,
    _BULLET,
    _INDENTED_BULLET,
    BOX,
    parse_line,
)
from roadmaplint.reader.shapes.signs import (
    _MOSCOW_TAG,
    _NAME_BEFORE_HOW,
    _NAME_WORDS,
    NOTE_TAG,
    _first_sentence,
    _holds_boxes,
    _horizon_headings,
    _is_horizon,
    _lead_label,
    _listed_work,
    _named_a_plan_by_its_file,
    _names_its_work,
    _queue_of_bold_titles,
    _status_glossary,
    _titled_a_backlog,
    _titled_a_plan,
    _titled_by_versions,
    _untitled_work,
    _version_leads,
)
from roadmaplint.reader.shapes.templates import _named_by_blanks
from roadmaplint.record import replace
from roadmaplint.settings import common_meaning, status_meaning
from roadmaplint.text import LazyPattern

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
# A done mark leading a bullet (``- ✅ Filter the list by priority``): the bullet is done, as
# a ticked box is, and the mark is no word of its title.
_DONE_LEAD = LazyPattern(r"(?P<mark>\u2705|\u2714\ufe0f?|\u2611\ufe0f?)[ \t]+(?=\S)")


# A bullet that writes a field, bold or not: ``- **Priority**: P1``, ``- Start Date: 2024``;
# its label in letters of any script (``- **Conclusão**: 2025-11-01``).
_FIELD_BULLET = LazyPattern(
    r" {0,3}[-*+][ \t]+\*{0,2}(?P<name>[^\W\d_](?:[^\W\d_]| ){0,29}?)\*{0,2}[ \t]*:(?:[ \t]|$)"
)

# The share of a bullet's work done, bracketed after its title: ``GPX loading [**50%**]``.
# (searched for at the end, its title what stands before it)
_SHARE_DONE = LazyPattern(r"[ \t]\[\*{0,2}(?P<share>[0-9]{1,3})%\*{0,2}\][ \t]*\Z")

# A field's value that is a day: ``2026-01-25`` of ``- **Completed**: 2026-01-25``.
_DAY_VALUE = LazyPattern(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])")
_DAY_LENGTH = len("2026-01-25")


def _field_list(lines: list[str], entries: list[tuple[int, int]], dialect: Dialect) -> bool:
    """Whether every bullet of a list writes a field and one of them a field of work
    (``- **Type**: bug``, ``- **Priority**: P1`` under a queue's task heading; ``- Start
    Date:``, ``- Owner:`` under a title): the work's fields, no work of their own."""
    names = []
    dated_done = False  # ``- **Completed**: 2026-01-25``: the day the work above was done
    days = 0  # labels whose value is a day alone: ``- **Start**: 2025-09-28``
    for first, _ in entries:
        field = _FIELD_BULLET.match(lines[first])
        if field is None:
            return False
        names.append(field["name"].strip())
        value = lines[first][field.end() :].lstrip("* \t")
        if _DAY_VALUE.match(value):
            # (a day and what was done that day is a log's work: ``- **Undo**: 2026-02-05,
            # ten steps``)
            days += len(value.rstrip(" \t\r\n*_")) == _DAY_LENGTH
            dated_done = dated_done or status_meaning(names[-1]) == "done"
    if dated_done or any(dialect.key(name) in WORK_KEYS for name in names):
        return True
    # (``- **Início**: 2025-09-28`` / ``- **Conclusão**: 2025-11-01`` under a milestone's
    # heading: two labels dated, when it starts and ends, are that heading's fields; work
    # is titled by what it does, not dated alone)
    # (``- **Completed**: 2026-01-25`` / ``- **Description**: ...`` / ``- **Notes**: ...``
    # under a feature's heading: labels each said once, two of them of what a thing is or
    # when it was done, are that heading's fields, even with no status among them; one
    # alone is a feature's title among others: ``- **Location**: GPS`` beside ``- **Offline
    # Maps**:`` in a tracker's done area)
    folded = [name.casefold() for name in names]
    return (
        len(folded) >= 2
        and len(set(folded)) == len(folded)
        and (days >= 2 or sum(name in _DESCRIBING_KEYS for name in folded) >= 2)
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


# A label that leads a list of questions in: ``**Open questions:**``, ``Questions:``.
_QUESTIONS_LABEL = LazyPattern(
    r"(?:\*\*|__)?(?:(?:open|unresolved|unanswered)[ \t]++)?questions[ \t]*+:?(?:\*\*|__)?:?",
    re.IGNORECASE,
)


def _led_in_as_questions(lines: list[str], entries: list[tuple[int, int]]) -> bool:
    """Whether the line above the list, past blank lines, is a label naming it a list of
    questions (a design note's ``## ⚪ LATER`` over ``**Open questions:**``): what is still
    to be asked, no work of the band."""
    above = entries[0][0] - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    return above >= 0 and _QUESTIONS_LABEL.fullmatch(lines[above].strip()) is not None


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
    if _status_glossary(lines, entries) or names_task_states(
        document.section_above(entries[0][0] + 1) or ""
    ):
        # ``- **Pending**：待开始``, ``## タスクの状態`` over ``- ✅ 完了済み``: the statuses
        # the plan uses, no work
        return [], ()
    if _led_in_as_questions(lines, entries):
        return [], ()  # ``**Open questions:**`` over ``- Who owns the ranking?``: no work
    sections = document.status_sections_above(entries[0][0] + 1)
    if any(_named_by_blanks(section) for section in sections):
        return [], ()  # under ``### ▼ [Feature Name] — [Status]``: the template's own lists
    # a plan that strikes its finished bullets through says of each whether it is done:
    # ``* ~~Define the goals~~`` is, ``* Run the tests`` is not (open, as a box would be)
    struck = document.memo("strikes finished", lambda: strikes_finished_bullets(lines))
    # a plan that checks its finished bullets (``- ✅ Vec2 math``) says the bare ones are open
    checked = document.memo("checks finished", lambda: checks_finished_bullets(lines))
    if _is_horizon(document.section_above(entries[0][0] + 1)) and _horizon_headings(document) >= 2:
        status = status_of_sections(sections[:1], True)
    elif (
        _titled_a_plan(document)
        or _titled_by_versions(document)
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
        # a backlog kept as bullets: no status it has not written; one the label leading
        # its list or its heading names (``Done:``, ``## Done``) it has, the nearer first
        entries, status = work, status_of_sections([_lead_label(lines, work), *sections[:1]])
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
        done_mark = _DONE_LEAD.match(text)
        if done_mark is not None:
            text = text[done_mark.end() :]
        state = status
        shared = _SHARE_DONE.search(text) if "%" in text else None
        if shared is not None and state is None and text[: shared.start()].strip():
            # ``- GPX loading [**50%**]``: how much of it is done, no part of its title
            state, text = f"{shared['share']}%", text[: shared.start()].rstrip()
        marked_done = _STRUCK_THEN_DONE.fullmatch(text) if struck else None
        if struck and _STRUCK_THROUGH.fullmatch(text):
            state, text = "done", text.split("<!--", 1)[0].strip().strip("~").strip()
        elif marked_done is not None:
            state, text = "done", marked_done["title"].strip()
        elif struck and _DONE_NOTE.search(text):
            state = "done"  # ``**Analytics:** split by station — ✅ already implemented``
        elif struck:
            state = status or "open"
        elif (led := LEADING_MARK.match(text)) is not None:
            # ``- 🚧 Expand the tooling``: the mark says how far (``- ✅`` is read below)
            state, text = led["mark"], text[led.end() :]
        elif checked and (sign := PICTOGRAPH_LEAD.match(text)) is not None:
            # beside checked bullets another sign leading one says its state too (``- 🚫
            # Old renderer``, ``- 😀 Write the guide``), as the legend the plan keeps says
            state, text = sign["mark"], text[sign.end() :]
        if done_mark is None and state is None:
            # ``#### ✅ 1. CRUD:`` over ``- Full CRUD on tasks``: done, as its heading says
            done_mark = _DONE_LEAD.match(document.section_above(first + 1) or "")
        if done_mark is not None:
            state = done_mark["mark"]  # ``- ✅ Title``: done, whatever its section says
        elif checked and state is None and text[:1].isalnum():
            state = "open"  # a bare bullet beside checked ones: still to do
        read.append((first, last, state, _first_sentence(text)))
        days.append(day)
    # every bullet names its work before a colon and says how after it (``- Fix dotfile
    # staging: adjust new to ...``): the name is the title, as a bold label's is
    # (a version before the colon is no name: `` - `v0.5.5-beta` : add LDAP `` is a roadmap by
    # version number, read below; nor is a tag in capitals: ``- TODO: Tests when db
    # empty`` is titled by its whole line)
    labels = [_NAME_BEFORE_HOW.match(text) for *_, text in read]
    named = [
        label
        for label in labels
        if label
        and len(label["name"].split()) <= _NAME_WORDS
        and NOTE_TAG.fullmatch(label["name"].strip("*_` ")) is None
    ]
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
