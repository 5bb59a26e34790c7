"""Plain bullets as items (``_read_plain_list``): when a list without boxes is a plan's
work, and which of the readings beside it (horizons, versions, milestones, the Done
log) reads it."""

from __future__ import annotations

import re
from collections.abc import Callable

from roadmaplint.model import Block, Field, Item, Position
from roadmaplint.reader.dialect import patterns
from roadmaplint.reader.shapes import Document
from roadmaplint.reader.shapes.band_lists import read_band_list
from roadmaplint.reader.shapes.common import (
    make_item,
    names_the_current_state,
    reference_from_title,
    status_headings,
    status_of_sections,
)
from roadmaplint.reader.shapes.entries import (
    _described_status,
    _entry_blocks,
    _entry_start,
    _last,
    _nested_status_and_owner,
    _status_fields,
    _under_heading,
    _wrapped,
)
from roadmaplint.reader.shapes.headed import (
    _bold_named_beside_headings,
    _closed_ids_beside_headings,
    _done_marks_beside_headings,
    _epic_bullets,
    _idea_bullets_beside_boxes,
    _ideas_beside_items,
    _labelled_milestones,
    _logged_done,
    _notes_under_status,
    _phases_in_progress,
    _ranked_beside_headings,
    _title_status,
    _versioned,
)
from roadmaplint.reader.shapes.horizons import (
    _DATE_LEAD,
    _bar_joined_queue,
    _bold_ids_beside_headings,
    _field_list,
    _grouped_beside_headings,
    _parked_beside_headings,
    _read_horizon_list,
    _says_nothing,
    _titled_work,
)
from roadmaplint.reader.shapes.listline import (
    _BOLD_BRACKETED_ID,
    _INDENTED_BULLET,
    leading_ids,
    parse_line,
)
from roadmaplint.reader.shapes.signs import (
    _holds_boxes,
    _labelled_plain_group,
    _shipped_phases,
    _struck_then_done,
    _theme_phases,
    _under_horizon,
)
from roadmaplint.reader.shapes.weighted import read_weighted_list
from roadmaplint.settings import common_meaning
from roadmaplint.text import LazyPattern

# A bullet of a list nested in another's entry (``  - [FEAT-1] Login page``).
_GROUPED_BULLET = LazyPattern(r" {0,12}(?P<lead>(?:[-*+]|(?P<number>[0-9]{1,3}[.)]))[ \t]+)(?=\S)")
# A bullet led by a done mark or by the empty square that is its open counterpart (a
# memory bank's ``- ✅ Title`` under What Works, ``- ⬜ Title`` under What's Left); or by
# a mark of work under way or waiting before a bold title (a roadmap's ``- 🔄 **Sistema de
# autenticación** (🟡 high) - 16h``, ``- ⏳ **CRUD básico**``), not a bold label (``- 🚧
# **WIP**: Test exists``, a legend's).
_STATUS_MARK = LazyPattern(
    r"(?P<mark>[✅⬜]|[🔄⏳🚧](?=[ \t]+\*\*(?P<bold>[^*\n]{1,200})\*\*(?![ \t]*:)))[ \t]+"
)
# A bullet that is a bold title and nothing else: ``- **Assignment 07: FortuneCookie**``.
_BOLD_ALONE = LazyPattern(r"\*\*[^*\n]{1,200}\*\*")
# (a version may follow the word: ``[shipped v0.2]`` says when it shipped; an agent who
# holds the work may: ``[CLAIMED by @bob]``)
# A keyword of an outliner's task (org-mode's, Logseq's) in capitals leading a bullet,
# with the priority in brackets after it: ``- TODO [#A] Implement tree shaking``,
# ``- ACTIVE Lambda lifting`` (never ``- TODO: check``, a note's tag).
_ORG_KEYWORD = LazyPattern(
    r"(?P<word>TODO|DOING|DONE|LATER|ACTIVE|WAITING|CANCELED|CANCELLED)"
    r"(?:[ \t]+\[\#(?P<priority>[A-Z])\])?[ \t]+(?=[^\s:])"
)


def _org_keyword_leads(
    lines: list[str], entries: list[tuple[int, int]], bullet_at: LazyPattern[str]
) -> list[re.Match[str]] | None:
    """The keyword each bullet leads with, where every one of two or more leads with an
    outliner's task keyword (``- ACTIVE [#A] Title``, ``- TODO [#B] Title``): the keyword
    is its status, the bracketed letter its priority. A list that names each keyword once
    and says what it means (``- TODO marks a task not begun``) explains them: no work."""
    if len(entries) < 2:
        return None
    found = []
    for first, _ in entries:
        bullet = bullet_at.match(lines[first])
        keyword = _ORG_KEYWORD.match(lines[first], bullet.end()) if bullet is not None else None
        if keyword is None:
            return None
        found.append(keyword)
    words = [keyword["word"] for keyword in found]
    said = [
        lines[first][keyword.end() :][:1]
        for (first, _), keyword in zip(entries, found, strict=True)
    ]
    if len(set(words)) == len(words) >= 2 and all(first.islower() for first in said):
        return None  # each keyword once, then what it means: a glossary of the states
    return found


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


def _lists_the_current_state(document: Document, entries: list[tuple[int, int]]) -> bool:
    """Whether plain bullets stand right under a heading that names the product's state
    now (``### Current Status (Build 009)``) in a TODO whose other headings name two
    statuses or more (``### Planned Features``, ``### Feature Requests``): what the build
    holds, done. A README's ``## Current status`` is no such TODO, and its list no work."""
    sections = document.status_sections_above(entries[0][0] + 1)
    return (
        bool(sections) and names_the_current_state(sections[0]) and status_headings(document) >= 2
    )


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
        banded = read_band_list(document, entries, taken)  # ``**Polish**:`` after ``---``
        if banded[0]:
            return banded
        smaller = _grouped_beside_headings(document, entries, taken)
        if smaller[0]:
            return smaller
        coded = _bold_ids_beside_headings(document, entries)
        if coded[0]:
            return coded
        logged = _done_marks_beside_headings(document, entries, taken)
        if logged[0]:
            return logged
        bold = ([], ()) if grouped else _bold_named_beside_headings(document, entries, taken)
        if bold[0]:
            return bold
        closed = _closed_ids_beside_headings(document, entries)
        if closed[0]:
            return closed
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
        later = _idea_bullets_beside_boxes(document, entries, taken)  # ``## Future ...``
        if later[0]:
            return later
    epics = _epic_bullets(document, entries, grouped)
    if epics[0]:
        return epics
    weighted = read_weighted_list(document, entries, taken) if not grouped else ([], ())
    if weighted[0]:
        return weighted
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
    keywords = _org_keyword_leads(lines, entries, bullet_at)
    ranks: list[str | None] = []  # the priority an outliner's ``[#A]`` gives a bullet
    for index, (first, _) in enumerate(entries):
        bullet = bullet_at.match(lines[first])
        if bullet is None:
            return [], ()
        text = lines[first][bullet.end() :].rstrip("\r\n")
        if keywords is not None:
            keyword = keywords[index]
            text = text[keyword.end() - bullet.end() :]
            written.append(keyword["word"])
            ranks.append(keyword["priority"])
            claimants.append(None)
            days.append(None)
            texts.append(text)
            continue
        ranks.append(None)
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
        elif mark is not None and not (mark["bold"] and common_meaning(mark["bold"])):
            # (a bold title that is a status word is a legend's: ``- ⏳ **Pending** — ...``)
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
    if named is None and not with_ids and _lists_the_current_state(document, entries):
        named = "done"
    if grouped and named is None:
        return [], ()  # groups of ID bullets under no status: the groups are read as before
    statuses = [
        word or named or _described_status(lines[first])
        for word, (first, _) in zip(written, entries, strict=True)
    ]
    # Bullets that all lead with an ID may write their status and owner as nested
    # bullets (``- **TASK-001**: Title`` over ``  - Status: COMPLETE.``, ``  - Assigned:``).
    # So may bullets that are each a bold title alone (``- **Assignment 07: FortuneCookie**``
    # over ``  - Status: Completed``): a progress log, where every entry says its state.
    bold_titled = not with_ids and not grouped and len(entries) >= 2
    bold_titled = bold_titled and all(_BOLD_ALONE.fullmatch(text.strip()) for text in texts)
    nested = [
        _nested_status_and_owner(document, first, last) if with_ids or bold_titled else {}
        for first, last in entries
    ]
    progress_log = (
        bold_titled
        and all(given.get("status") for given in nested)
        and 2 * sum(common_meaning(given.get("status")) is not None for given in nested)
        >= len(nested)
    )
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
        or progress_log
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
    for (first, last), part, status, given, claimant, day, rank in zip(
        entries, parsed, statuses, nested, claimants, days, ranks, strict=True
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
        priority = part.priority or rank
        if priority:
            fields.append(Field("Priority", "priority", priority, here, here, first + 1))
        if part.depends:
            fields.append(Field("Depends on", "depends on", part.depends, here, here, first + 1))
        title = part.title
        if last > first and title.endswith(","):
            # ``- Adopt-by-name identity, RSVP, collision-safe gear claims,`` over ``  per-day
            # Meals, Packing, batch-add``: a title the line cuts after a comma goes on
            # onto the wrapped line, up to a description after a dash
            joined = _wrapped(lines[first][: len(lines[first].rstrip())], lines, first, last)
            rest = " ".join(joined[len(lines[first].rstrip()) :].split())
            title = document.inline(f"{title} {rest.split(' — ', 1)[0]}".strip())
        item_id = part.item_id or reference_from_title(title, taken)
        section_text = document.section_above(first + 1)
        titled = not part.item_id
        found.append(
            make_item(
                item_id,
                title,
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
