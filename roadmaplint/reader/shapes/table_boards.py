"""What stands around a plan's tables: the headings over them (a board's columns, a
priority band, a status heading, a closed or later section), a status legend, a
template's blanks, a release log, blocking and prose cells, rows restated or moved along.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from roadmaplint.model import Field, Item, Position
from roadmaplint.reader.dialect import DEPENDS_ON, Dialect
from roadmaplint.reader.shapes import Document
from roadmaplint.reader.shapes.common import (
    edge_stripped,
    leads_with_priority,
    make_item,
    reference_from_title,
    status_headings,
    status_of_section,
    status_of_sections,
)
from roadmaplint.reader.shapes.table_columns import Table, _first_cell, _placeholder_row, split_row
from roadmaplint.reader.shapes.table_kinds import _instruction_row
from roadmaplint.reader.waits import named_in_prose
from roadmaplint.record import replace
from roadmaplint.settings import COMMON_STATUSES, common_meaning, status_meaning
from roadmaplint.text import LazyPattern

if TYPE_CHECKING:
    import re
    from collections.abc import Callable, Mapping, Sequence


# A heading led by a row's code: ``### F4a: 1:1 Prep Digest ✅ COMPLETE``.
_CODED_HEADING = LazyPattern(r"(?P<id>[A-Z]{1,3}[0-9]{1,3}[a-z]?):[ \t]")


def _heading_state(text: str) -> tuple[str, str] | None:
    """(code, status) of a heading led by a code that says its state at its end, after a
    mark in capitals (``F4a: 1:1 Prep Digest ✅ COMPLETE``) or in brackets (``F4b: Stale
    Ticket Alert (Pending)``), where the words are a status; else None."""
    found = _CODED_HEADING.match(text)
    if found is None:
        return None
    words = text[found.end() :].split()
    said = ""
    if len(words) > 1 and words[-1].endswith(")") and "(" in words[-1]:
        said = words[-1].strip("()")  # one word in brackets: ``(Pending)``
    else:
        marks = [at for at, word in enumerate(words) if not any(c.isalnum() for c in word)]
        after = words[marks[-1] + 1 :] if marks and marks[-1] > 0 else []
        if 0 < len(after) <= 3 and all(word.isupper() for word in after):
            said = " ".join(after)
    return (found["id"], said) if said and status_meaning(said) is not None else None


def _with_heading_states(document: Document, read: list[Item]) -> list[Item]:
    """``read``, each row whose status says no stage of work (``Next Priority``, ``After
    F4a``) taking the one its own heading says at its end, the heading led by the row's
    code (``### F4a: 1:1 Prep Digest ✅ COMPLETE``, ``### F4b: Stale Ticket Alert
    (Pending)``): the matrix ranks the work, the work's own heading says how far it is."""
    said: dict[str, tuple[str, Position]] = {}
    for heading, text in zip(document.headings, document.heading_texts(), strict=True):
        found = _heading_state(text.strip())
        if found is None:
            continue
        code, word = found
        column = document.lines[heading.line - 1].rfind(word) + 1
        said.setdefault(code.casefold(), (word, Position(heading.line, column)))
    kept = []
    for item in read:
        stated = said.get(item.id.casefold())
        if stated is None or status_meaning(item.status) is not None:
            kept.append(item)
            continue
        word, where = stated
        fields = tuple(found for found in item.fields if found.key != "status")
        status = Field("Status", "status", word, where, where, where.line)
        kept.append(replace(item, fields=(*fields, status), status=word))
    return kept


def template_rows(
    lines: list[str], rows: tuple[int, ...] | list[int], columns: Sequence[str]
) -> bool:
    """Whether every row of a table holds a template's blank where a value will be
    written: a blank in braces or angle brackets (``{{p0_owner1}}``, ``<Name>``), or one
    in square brackets that names its own column (``[OWNER]`` under ``Owner``, ``[DATE]``
    under ``Start Date``). A template's table, filled in where it is used, whose rows
    are no work yet; a tag in brackets (``[BE]`` under ``Type``) is a value."""
    named = [column.casefold() for column in columns]
    return bool(rows) and all(_holds_a_blank(lines[row], named) for row in rows)


def _status_legend(lines: list[str], table: Table) -> bool:
    return status_legend(lines, table.rows, table.keys)


def status_legend(lines: list[str], rows: Sequence[int], keys: Sequence[str]) -> bool:
    """Whether a table of two columns glosses marks (``| Symbol | Status |`` over ``| ⬜ |
    Not Started |``, ``| ❌ | Blocked |``): each row a mark with no letter and a different
    status, three rows or more. A legend of what the plan's marks mean, no work."""
    if len(keys) != 2 or "status" not in keys or len(rows) < 3:
        return False
    status = list(keys).index("status")
    seen: set[str] = set()
    for row in rows:
        cells = [lines[row][a:b].strip() for a, b in split_row(lines[row])]
        if len(cells) != 2:
            return False
        mark, said = cells[1 - status], cells[status].casefold()
        if not mark or len(mark) > 8 or any(c.isalnum() for c in mark) or said in seen:
            return False
        seen.add(said)
    return True


def _rows_to_fill(lines: list[str], table: Table) -> bool:
    """Whether a table holds two rows or more left to be filled in: no ID and no title,
    only a default value in another cell (``| | | To Do | | |``, ``| | | High/Med/Low |
    To Do |``), as a sprint backlog template writes them. The rows beside them
    (``| **TOTAL** | | **_____** |``, ``| Unit Tests | | To Do |``) are the template's
    examples, no work yet; a row that carries on the one above (its title written) is
    no such row."""
    title = table.title_column if table.title_column is not None else 0
    keys = {0, title} | ({table.id_column} if table.id_column is not None else set())
    empty = 0
    for row in table.rows:
        cells = [lines[row][a:b].strip() for a, b in split_row(lines[row])]
        if len(cells) <= max(keys) or any(cells[at] for at in keys):
            continue
        if any(cells):
            empty += 1
            if empty == 2:
                return True
    return False


def _holds_a_blank(line: str, columns: list[str]) -> bool:
    for at, (a, b) in enumerate(split_row(line)):
        cell = line[a:b].strip()
        if _FILLED_BLANK.fullmatch(cell) is not None:
            return True
        bracketed = _COLUMN_BLANK.fullmatch(cell)
        if bracketed is not None and at < len(columns):
            word = bracketed[1].strip().casefold()
            if word in _ANY_COLUMN_BLANKS or (
                word and (word in columns[at] or columns[at] in word)
            ):
                return True
    return False


# A blank written to be filled in: ``{{p0_owner1}}``, ``{RISK_DESCRIPTION}``, ``<Name>``,
# with a sign after it (``{{completed_percentage}}%``).
_FILLED_BLANK = LazyPattern(
    r"[*_]{0,2}(?:\{\{[^{}]{1,60}\}\}|\{[A-Za-z][^{}]{0,60}\}|<[A-Za-z][\w .-]{0,40}>)"
    r"[*_]{0,2}%?"
)
# The blanks a template leaves under any column: who and when (``[Name]`` under Assignee).
_ANY_COLUMN_BLANKS = frozenset(
    (
        "name",
        "full name",
        "owner",
        "assignee",
        "person",
        "date",
        "due date",
        "deadline",
        "yyyy-mm-dd",
        "dd/mm/yyyy",
        "mm/dd/yyyy",
    )
)
# A blank in square brackets: ``[OWNER]``, ``[Start date]``.
_COLUMN_BLANK = LazyPattern(r"[*_]{0,2}\[([^\[\]]{1,40})\][*_]{0,2}")


def _a_log_beside_items(table: Table) -> bool:
    """Whether ``table``, in a document whose items are rows with IDs, is a log of what
    was done rather than more items: written by day (its first column the date each row
    happened), with no ID column and no status column (an agent registry's ``| Date |
    Agent | Task | Outcome |`` assignment history), and not a board's column of rows
    under a status heading. A milestone's ``| Task | Owner | Due |`` is still tasks."""
    return (
        bool(table.keys)
        and table.keys[0] in _LOG_DAY_COLUMNS
        and table.id_column is None
        and "status" not in table.keys
        and not table.status_heading
    )


def _a_status_alone(value: str) -> bool:
    """Whether a cell is a status in a common spelling and nothing else (``To Do``)."""
    return " ".join(value.casefold().split()) in COMMON_STATUSES


def _release_history(table: Table, section: str | None) -> bool:
    """Whether ``table`` is a record of releases, one row a version, under a heading that
    names a history (``## Version History`` over ``| Version | Date | Status | Summary |``):
    the versions the plan's own sections hold, no items of their own."""
    return (
        bool(table.keys)
        and table.keys[0] in _RELEASE_COLUMNS
        and section is not None
        and _HISTORY_HEADING.search(section) is not None
    )


_RELEASE_COLUMNS = frozenset({"version", "release", "versions", "releases"})
# A heading that names a record of what was released: ``Version History``, ``Changelog``.
_HISTORY_HEADING = LazyPattern(
    r"(?i)\b(?:(?:version|release|revision)s?[ \t]+history|change[ \t-]?log)\b"
)


# The first column of a log written by day: ``| Date | Agent | Task | Outcome |``.
_LOG_DAY_COLUMNS = frozenset({"date", "day", "when", "timestamp"})


def _status_heading(document: Document) -> Callable[[int], bool]:
    """Whether the heading above a line (0-based) names a status, in a document whose
    headings name two statuses or more (``## In progress`` ... ``## Planned``): a board
    whose tables need no Status column."""
    board = status_headings(document) >= 2

    def headed(line: int) -> bool:
        section = document.section_above(line + 1)
        return (
            (board and status_of_section(section) is not None)
            or horizon_status(document, section) is not None
            or _in_priority_band(document, line)
            or _is_later(section)
            or closed_heading(section) is not None
            or (board and _grouped_under_status(document, line + 1) is not None)
            or board_column(section)
        )

    return headed


def horizon_status(document: Document, section: str | None) -> str | None:
    """The status a heading that is a horizon word alone gives the rows of its table
    (``## Now``: in progress, ``## Next``: ready, ``## Later``: an idea), in a roadmap whose
    headings name two horizons or more and no other status: a Now/Next/Later roadmap
    whose ``## Now`` holds a table of tracks (``| Track | Priority | Current state |``)."""
    if section is None or status_of_section(section) is not None:
        return None
    said = status_of_section(section, True)
    if said is None or edge_stripped(section).strip().casefold() not in _HORIZON_WORDS:
        return None
    horizons = status_headings(document) == 0 and status_headings(document, True) >= 2
    return said if horizons else None


_HORIZON_WORDS = ("now", "next", "later")


def _in_priority_band(document: Document, line: int) -> bool:
    """Whether the heading above a line (0-based) is a band of a backlog ranked in bands:
    it leads with a priority (``## 🔴 High Priority``, ``## P1 — Soon``) in a document
    whose headings lead with two priorities or more. The band's tables are its work, with
    no Status column and even of titles alone (``| # | Task | Description |``), each row
    of the band's priority."""
    bands = document.memo(
        "priority-bands",
        lambda: sum(1 for text in document.heading_texts() if leads_with_priority(text)) >= 2,
    )
    return bands and leads_with_priority(document.section_above(line + 1) or "")


def board_column(section: str | None) -> bool:
    """Whether a heading is a board's column with the count of its cards: a status and a
    number in brackets (``### :white_check_mark: Done (17)``, ``## In Progress (3)``),
    whose table is that column's work even where the board's other columns are empty."""
    if not section or len(section) > 80:
        return False
    counted = _COUNTED_HEADING.fullmatch(edge_stripped(section).strip())
    return counted is not None and status_of_section(counted["name"]) is not None


# A heading that counts what it holds: ``Done (17)``, ``En cours (3 tâches)``.
_COUNTED_HEADING = LazyPattern(r"(?P<name>[^()]{1,60}?)[ \t]*\([0-9]{1,4}(?:[ \t]+\w{1,12})?\)")


def _grouped_under_status(document: Document, line: int) -> str | None:
    """On a board of status headings, the status of the heading a group heading stands
    under when the group heading names none (``## Icebox (Future Considerations)`` over
    ``### Security & Quality`` over its table): the group is a theme of that column."""
    sections = document.status_sections_above(line)
    if len(sections) < 2 or status_of_section(sections[0]) is not None:
        return None
    return status_of_sections(sections[1:])


# The clause a heading of finished work ends with: ``closed 2026-08-15``, ``done``.
_CLOSED_CLAUSE = LazyPattern(
    r"(?i:(?:closed|done|completed?|shipped|finished|merged)"
    r"(?:[ \t]+(?:on[ \t]+)?[0-9]{4}-[0-9]{2}-[0-9]{2})?)"
)


# A clause that says all the heading holds is closed, the state perhaps quoted, then what
# the section is: ``## 🪵 Legacy Foundation (All 'Done' P1/P2 Archive)``, ``(all shipped)``.
_ALL_CLOSED = LazyPattern(
    r"(?i:(?:all|everything)[ \t]++['\"‘“`]?"
    r"(?P<state>closed|done|completed?|shipped|finished|merged)['\"’”`]?"
    r"(?:[ \t]++[^()\n]{1,60})?)"
)


def closed_heading(section: str | None) -> str | None:
    """The status a heading gives the work under it when its last clause says that work
    closed (``## The first-user path — WI-001…007, closed 2026-08-15``), or that all of
    it is (``## Legacy Foundation (All 'Done' P1/P2 Archive)``): its table of work, with
    no Status column, is the work done. None for any other heading."""
    if not section or len(section) > 120:
        return None
    text = edge_stripped(section).strip()
    cut = max(text.rfind(", "), text.rfind(" — "), text.rfind(" – "), text.rfind(" ("))
    if cut <= 0:
        return None
    clause = text[cut:].lstrip(",—–( \t").rstrip(") \t")
    every = _ALL_CLOSED.fullmatch(clause)
    if every is not None:
        return every["state"]  # ``(All 'Done' P1/P2 Archive)``: all it holds is done
    return clause if _CLOSED_CLAUSE.fullmatch(clause) is not None else None


# A heading that holds what comes after the planned work: ``## v2.2+ Later``, ``## Future``.
_LATER = LazyPattern(r"(?i:(?:v?[0-9][\w.+-]{0,20}[ \t]+)?(?:later|future|someday))")


def _is_later(section: str | None) -> bool:
    """Whether a section is the plan's horizon of later work: its table lists the work
    planned after the rest, one row an item, with no status (it says when, not how far)."""
    return section is not None and _LATER.fullmatch(edge_stripped(section).strip()) is not None


def _blocking(
    lines: list[str], table: Table, read: list[Item], id_only: re.Pattern[str]
) -> list[tuple[str, str]]:
    """(blocked ID, blocking ID) for each ID a Blocks column names (``| T-001 | ... |
    T-006, T-007 |``): T-006 and T-007 depend on T-001."""
    if "blocks" not in table.keys:
        return []
    column = table.keys.index("blocks")
    by_line = {item.position.line - 1: item.id for item in read}
    found = []
    for row in table.rows:
        blocker = by_line.get(row)
        for entry in _first_cell(lines[row], column).split(","):
            named = entry.strip().strip("*`")
            if blocker is not None and id_only.fullmatch(named):
                found.append((named.lower(), blocker))
    return found


def _prose_cells(lines: list[str], table: Table, read: list[Item]) -> list[tuple[str, str]]:
    """(ID, cell) for each cell of a row, but its ID and title, that may say in a
    sentence what the row waits for (``| Constraints |`` holding ``Depends on TBD-001;
    ...``), in a table without a Depends on column (where one is, it says so)."""
    if DEPENDS_ON in table.keys or "blocks" in table.keys:
        return []
    by_line = {item.position.line - 1: item.id for item in read}
    found = []
    for row in table.rows:
        named = by_line.get(row)
        if named is None:
            continue
        line = lines[row]
        for column, span in enumerate(split_row(line)):
            cell = line[span[0] : span[1]]
            if column not in (table.id_column, table.title_column) and " " in cell.strip():
                found.append((named, cell))
    return found


def _with_prose_waits(items: list[Item], prose: list[tuple[str, str]]) -> list[Item]:
    """``items``, one with no dependency of its own taking the rows of the document a
    sentence of its cells says it waits for (``Requires input from ICLI-018``)."""
    if not prose:
        return items
    known = {item.id.lower().lstrip("#"): item.id for item in items}
    waits: dict[str, list[str]] = {}
    for row_id, cell in prose:
        waits.setdefault(row_id, []).extend(named_in_prose(cell, known, row_id))
    found = []
    for item in items:
        named = waits.get(item.id) if not item.depends_on and not item.external_deps else None
        found.append(replace(item, depends_on=tuple(dict.fromkeys(named))) if named else item)
    return found


def _with_blocking(items: list[Item], blocking: list[tuple[str, str]]) -> list[Item]:
    """``items``, each named in another row's Blocks column depending on that row."""
    if not blocking:
        return items
    by_id: dict[str, list[str]] = {}
    for blocked, blocker in blocking:
        by_id.setdefault(blocked, []).append(blocker)
    found = []
    for item in items:
        added = [b for b in by_id.get(item.id.lower(), []) if b not in item.depends_on]
        found.append(replace(item, depends_on=(*item.depends_on, *added)) if added else item)
    return found


def _group_rows(lines: list[str], table: Table) -> frozenset[int]:
    """The rows that group the rows under them (a sprint's row over its tasks, ``| Sprint 1
    | | Foundation: Database & UI | |`` above ``| | 1.1 | Set up SQLite | Terry |``): no ID
    where most rows hold one, and a first column that the rows with IDs leave empty. The
    group is the section of its tasks, no item."""
    column = table.id_column
    if column is None or column == 0 or not table.rows:
        return frozenset()
    named = [row for row in table.rows if _first_cell(lines[row], column).strip()]
    if len(named) * 2 <= len(table.rows) or any(
        _first_cell(lines[row], 0).strip() for row in named
    ):
        return frozenset()
    return frozenset(
        row
        for row in table.rows
        if not _first_cell(lines[row], column).strip() and _first_cell(lines[row], 0).strip()
    )


def _names_an_item(line: str, table: Table) -> bool:
    """Whether a row names an item: an ID or a title (``| (and so on...) | | |`` under a
    Task column names none; nor does a row of dashes)."""
    if _placeholder_row(line) or _instruction_row(line, table):
        return False
    if table.title_column is not None and _note_cell(_first_cell(line, table.title_column)):
        return False
    return any(
        _first_cell(line, column).strip()
        for column in (table.id_column, table.title_column)
        if column is not None
    ) or (table.id_column is None and table.title_column is None)


# A title cell written wholly in italics, ``*Nog in te vullen taak voor UC3*`` ("task still
# to be filled in"), ``_TBD_``: the table's note where a task will stand, no task. Bold
# (``**Title**``) and a title with an italic word in it stay titles.
_ITALIC_NOTE = LazyPattern(r"[ \t]*(?:\*[^*\s](?:[^*]*[^*\s])?\*|_[^_\s](?:[^_]*[^_\s])?_)[ \t]*")


def _italic_note(cell: str) -> bool:
    stripped = cell.strip()
    return stripped[:1] in "*_" and _ITALIC_NOTE.fullmatch(cell) is not None


# A title cell that is wholly a template's blank in brackets, ``[Action description]``,
# ``[Story name]``: where a task will be written, no task (a link, ``[Title](url)``, and a
# wiki link, ``[[Page]]``, stay titles).
_BRACKETED_BLANK = LazyPattern(r"[ \t]*\[[^\[\]A-Za-z]*[A-Za-z][^\[\]]*\][ \t]*")


def _note_cell(cell: str) -> bool:
    """Whether a title cell holds a note where a task will stand: in italics, or a
    template's blank in brackets."""
    return _italic_note(cell) or _BRACKETED_BLANK.fullmatch(cell) is not None


def _with_row_references(items: list[Item]) -> tuple[Item, ...]:
    """``items``, a dependency that names another row's ID by its first word (``5-1 ✅``,
    an ID outside the ID pattern that the table itself gives a row) read as a reference,
    not as something external."""
    known = {item.id.lower(): item.id for item in items}
    found = []
    for item in items:
        named = [(entry, _first_word(entry).lower()) for entry in item.external_deps]
        if not any(word in known for _, word in named):
            found.append(item)
            continue
        references = (*item.depends_on, *(known[word] for _, word in named if word in known))
        externals = tuple(entry for entry, word in named if word not in known)
        found.append(replace(item, depends_on=references, external_deps=externals))
    return tuple(found)


def _first_word(entry: str) -> str:
    words = entry.split()
    return words[0].strip("#`*()[]") if words else ""


def _numbered_again(
    earlier: list[Item], at: Mapping[str, int], table: Table, read: list[Item], taken: set[str]
) -> list[Item]:
    """``read`` named by their titles where ``table`` numbers its rows in a ``#`` column
    that starts again from a number an earlier table gave to another title (each band of a
    backlog ranked by its headings counting 1, 2, 3 anew): the numbers count the rows of
    their table, no IDs, where a row was merged into the earlier one of its number and
    lost, or told its ID was a duplicate. A number an earlier table gave the same title
    is that item listed again, as before."""
    if table.id_column is None or table.keys[table.id_column] != "#":
        return read
    if not all(item.id.isdigit() for item in read):
        return read
    again = (
        (index := at.get(item.id.lower())) is not None
        and earlier[index].title.casefold().split() != item.title.casefold().split()
        for item in read
    )
    if not any(again):
        return read
    renamed = []
    for item in read:
        reference = reference_from_title(item.title, taken)
        taken.add(reference)
        renamed.append(replace(item, id=reference, named_by_title=True))
    return renamed


def _merged(
    earlier: list[Item], at: Mapping[str, int], read: list[Item], dialect: Dialect
) -> list[Item]:
    """``read`` without the rows that list again an item an earlier table holds (a summary
    table of finished stories, then each story in its tier's table): the earlier item takes
    the fields it lacks from the later row, which is then no item of its own. Rows that
    disagree on the status are two items, and RL102 names the duplicate ID. ``at`` is the
    index of each ID in ``earlier``, kept by the caller: built again for each table, it
    made reading quadratic (16,000 one-row tables: 15 s)."""
    kept: list[Item] = []
    for item in read:
        index = at.get(item.id.lower())
        first = earlier[index] if index is not None else None
        if first is None or not _same_status(first.status, item.status):
            kept.append(item)
            continue
        keys = {found.key for found in first.fields}
        fields = (*first.fields, *(found for found in item.fields if found.key not in keys))
        earlier[index] = make_item(  # type: ignore[index]
            first.id,
            first.title,
            first.section,
            first.position,
            first.end_line,
            fields,
            dialect,
            named_by_title=first.named_by_title,
        )
    return kept


def _moved_along(
    earlier: list[Item], titles: dict[str, int], read: list[Item], dialect: Dialect
) -> list[Item]:
    """``read`` (rows of a table under a status heading of a board, without IDs) without
    the rows that list again a task an earlier status table holds (``Frontend E2E`` under
    ``## Backlog`` and again under ``## In Progress``): the task moved along the board
    and was left in its first column. It is one item, where it is listed last, with its
    status there; the earlier row gives the fields the later one lacks. ``titles`` maps
    each such title seen so far to its index in ``earlier``; the caller's list is kept."""
    kept: list[Item] = []
    for item in read:
        key = " ".join(item.title.casefold().split())
        index = titles.get(key) if key else None
        if index is None:
            if key:
                titles[key] = len(earlier) + len(kept)
            kept.append(item)
            continue
        first = earlier[index]
        keys = {found.key for found in item.fields}
        fields = (*item.fields, *(found for found in first.fields if found.key not in keys))
        earlier[index] = make_item(
            first.id,
            item.title,
            item.section,
            item.position,
            item.end_line,
            fields,
            dialect,
            named_by_title=first.named_by_title,
        )
    return kept


def _same_status(first: str | None, later: str | None) -> bool:
    meaning = common_meaning(first or "")
    if later is None or first == later:
        return True
    return meaning is not None and meaning == common_meaning(later)
