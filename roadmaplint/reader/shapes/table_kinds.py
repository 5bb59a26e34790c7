"""Which tables hold a plan's items (find_tables): a table's header and rows judged,
named, numbered, coded, staged, dated, reported or ranked, and the rows that only look
like items (a feature matrix, an instruction, a placeholder).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from roadmaplint.reader.dialect import DEPENDS_ON, Dialect, patterns
from roadmaplint.reader.legends import legend_mark_status, line_legend_entries
from roadmaplint.reader.shapes.table_columns import (
    _CELL_MARKS,
    _GROUPING_TITLES,
    _TICKET_COLUMNS,
    FIELD_KEYS,
    ID_COLUMNS,
    TITLE_COLUMNS,
    Table,
    _cell_mark,
    _first_cell,
    _id_like,
    _id_of,
    _placeholder_row,
    column_key,
    is_delimiter,
    letters_header,
    roster,
    split_row,
)
from roadmaplint.settings import common_meaning
from roadmaplint.text import LazyPattern

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


def find_tables(
    lines: list[str],
    start: int,
    end: int,
    dialect: Dialect,
    inline: object,
    headed: Callable[[int], bool] | None = None,
    reported: bool = False,
) -> list[Table]:
    """Tables of items in the paragraph on lines ``start``..``end`` (0-based, end excluded).
    ``headed``: whether the heading above a table's header line (0-based) names the
    status of what it holds, on a board of status headings: the heading is the rows'
    Status column. ``reported``: the document reports a project's status, so a table of
    its features by their marked state lists its items."""
    found: list[Table] = []
    line = start
    while line + 1 < end:
        if "|" in lines[line] and is_delimiter(lines[line + 1]):
            rows = []
            row = line + 2
            while row < end and "|" in lines[row]:
                rows.append(row)
                row += 1
            status_headed = headed is not None and headed(line)
            names = rows[0] if rows and letters_header(lines[line]) else None
            body = tuple(rows[1:]) if names is not None else tuple(rows)
            table = _table(lines, line, body, dialect, inline, status_headed, names, reported)
            if table is not None:
                found.append(table)
            line = row
        else:
            line += 1
    return found


def _table(
    lines: list[str],
    header: int,
    rows: tuple[int, ...],
    dialect: Dialect,
    inline: object,
    status_headed: bool = False,
    names_line: int | None = None,
    reported: bool = False,
) -> Table | None:
    text = lines[header if names_line is None else names_line]
    names = tuple(
        inline(text[a:b]).strip() if callable(inline) else text[a:b].strip()
        for a, b in split_row(text)
    )
    keys = _horizon_target(lines, rows, tuple(column_key(name, dialect) for name in names))
    if set(keys) >= _STATUS_CHANGES or set(keys) >= _STATUS_MOVES:
        # ``| Timestamp | Task ID | Old Status | New Status | Agent |``: a log of changes
        # to the items, each told where it stands, no item of its own
        return None
    if _execution_order(keys):
        return None
    if roster([name.casefold() for name in names]):
        return None  # ``| # | Member | Role |``: a team's people, not work
    id_column = next((at for at, key in enumerate(keys) if key in ID_COLUMNS), None)
    title_column = next((at for at, key in enumerate(keys) if key in TITLE_COLUMNS), None)
    if (
        title_column is not None
        and keys[title_column] in _GROUPING_TITLES
        and any(key not in ID_COLUMNS for key in keys[:title_column])
    ):
        title_column = None  # ``| Service | Status | Workstream |``: the row's team, not it
    ticket = next((at for at, key in enumerate(keys) if key in _TICKET_COLUMNS), None)
    if id_column is None and ticket is not None:
        if _holds_ids(lines, rows, ticket, dialect, False):
            id_column = ticket  # ``| Ticket | Title |`` over ``| TICKET-001 | Set up |``
        elif title_column is None:
            title_column = ticket
    if id_column is None and keys and keys[0] in _UNIT_COLUMNS and rows:
        other = next((at for at, key in enumerate(keys) if at and key in TITLE_COLUMNS), None)
        if other is None and keys[0] in ("sub task", "subtask"):
            # ``| Sub-task | Description | Status |`` over ``| T-038a | Intent ... | Pending |``
            other = next((at for at, key in enumerate(keys) if at and _describes(key)), None)
        if other is not None and _holds_ids(lines, rows, 0, dialect, False):
            # ``| Story | Titre | Statut |`` over ``| L1.1 | Init monorepo | ✅ |``: the first
            # column names the unit of work by its ID, a title column beside it titles it
            id_column, title_column = 0, other
    if (
        id_column is None
        and title_column is not None
        and _named_title_rows(lines, rows, title_column, dialect)
    ):
        id_column = title_column  # ``| Story |`` over ``| **US-005**: Download by URI |``
    if (
        id_column is None
        and title_column is not None
        and _numbered_title_rows(lines, rows, title_column)
    ):
        id_column = title_column  # ``| User Story |`` over ``| 1: Framework+SEO |``
    if id_column is None and title_column is not None and code_led_rows(lines, rows, title_column):
        id_column = title_column  # ``| Item |`` over ``| ✅ F1: Pocket Import |``, ``| F4a: ... |``
    if id_column is None and title_column is None and _named_rows(lines, rows, keys, dialect):
        id_column = title_column = 0  # ``| Phase | ... |`` over ``| M3: Title | ... |``
    if id_column is None and title_column is None and _coded_rows(lines, rows, keys):
        id_column = title_column = 0  # ``| Milestone | Status |`` over ``| M0 Bootstrap | Done |``
    if (
        id_column is None
        and title_column is None
        and _stages_by_id(keys)
        and len(rows) >= 2
        and _holds_ids(lines, rows, 0, dialect, False)
    ):
        # ``| Step | Description | Status |`` over ``| M0-A | Preflight | PASS |``: the step's
        # ID names each row, the description titles it
        id_column = 0
        title_column = next(at for at, key in enumerate(keys) if _describes(key))
    if id_column is None and title_column is None and _numbered_stages(lines, rows, keys):
        # ``| Phase | Description | Status |`` over ``| 04 | API Development | 🟡 |``
        id_column = 0
        title_column = next(at for at, key in enumerate(keys) if _describes(key))
    if id_column is None and title_column is None and _versioned_rows(lines, rows, keys):
        # ``| Milestone | Theme | Status |`` over ``| v0.3.0 | Analysis | ✅ Complete |``
        id_column = 0
        title_column = next((at for at, key in enumerate(keys) if key in _THEME_COLUMNS), None)
    if (
        id_column is None
        and title_column is None
        and (
            _status_rows(lines, rows, keys) or _status_rows(lines, _alike_rows(lines, header), keys)
        )
    ):
        title_column = (
            0  # ``| Interface | Framework | Status |`` over ``| CLI | Typer | ✅ Complete |``
        )
    if (
        id_column is None
        and title_column is None
        and reported
        and _reported_rows(lines, rows, keys, names)
    ):
        title_column = 0  # ``| Component | Status |`` over ``| Login | ✅ Working |``
    if id_column is None and title_column is None and _action_rows(keys):
        title_column = 0  # ``| Action | Priority | Why |``: to-dos ranked, no state yet
    if id_column is None and title_column is None and status_headed and "priority" in keys:
        # ``## Now`` over ``| Track | Priority | Current state | Next action |``: under a
        # heading that gives the rows their status, the first column names each row
        title_column = 0
    if id_column is None and title_column is None:
        return None
    if title_column is None and id_column is not None:
        # ``| # | Milestone | Exit condition | Status |`` over ``| M3 | Contract invariant |``:
        # beside an ID column, the column naming each row's stage of the plan titles it
        title_column = next(
            (at for at, key in enumerate(keys) if at != id_column and key in _STAGE_COLUMNS),
            None,
        )
    if title_column is None:
        # ``| Task ID | Task Description | Assignee |``: the description titles the rows
        title_column = next((at for at, key in enumerate(keys) if _describes(key)), None)
    if title_column is None and id_column is not None:
        # ``| ID | Target (summary) | Depends on |``, ``| ID | Domain | Validation Types |``:
        # beside an ID column and no column named for titles, the first column after the
        # IDs that holds no field names each row
        title_column = next(
            (at for at, key in enumerate(keys) if at > id_column and key not in FIELD_KEYS),
            None,
        )
    title_column = _filled_title_column(lines, rows, keys, title_column)
    filled = [row for row in rows if not _placeholder_row(lines[row])]
    # ``| Projected Date | Feature | Additional Notes |``: work named with the day it is
    # planned for, no status yet, is a roadmap's too
    dated = title_column is not None and _dated(keys) and _dates_work(keys, title_column)
    finished = id_column is not None and _done_column(lines, rows, keys) is not None
    if not filled or not (
        any(key in FIELD_KEYS for key in keys)
        or status_headed
        or dated
        or finished
        or _staged(keys, title_column)
        or _titles_only(keys, id_column, title_column)
    ):
        return None
    if (
        id_column is None
        and _feature_matrix(lines, rows, keys, title_column)
        and not (reported and _reported_rows(lines, rows, keys, names))
    ):
        return None
    described = next((at for at, key in enumerate(keys) if key in _DESCRIPTION_COLUMNS), None)
    if id_column is None and (
        _holds_ids(lines, rows, title_column, dialect)
        or (described is not None and _holds_ids(lines, rows, title_column, dialect, False))
    ):
        # ``| Story | Description |`` with ``**5-1**`` in every Story cell (or ``| Task |
        # Description |`` with ``T1``): the first column names the items, the
        # Description column titles them.
        id_column = title_column
        title_column = described
    marked = "status" not in keys and any(
        _cell_mark(_first_cell(lines[row], id_column if id_column is not None else title_column))
        for row in rows
    )
    if "status" in keys and not marked:
        # ``| B0 | ✅ | ... |`` over ``| B1 |  | ... |``: a Status column that marks its
        # finished rows and leaves the others' cells empty says those are open
        marked = _marks_finished_only(lines, rows, keys.index("status"))
    status_heading = status_headed and "status" not in keys
    return Table(
        header, rows, names, keys, id_column, title_column, marked, status_heading, names_line
    )


def _horizon_target(
    lines: list[str], rows: tuple[int, ...], keys: tuple[str, ...]
) -> tuple[str, ...]:
    """The keys of a table whose Target column, where it has no Status column, names a
    horizon in every row (``| Feature | Notes | Target |`` over ``| Vision | ... | Future
    |``): that column says where each row stands, as a Status column would. A Target of
    versions or dates (``v1.2``, ``Q3``) stays no status."""
    if "status" in keys or "target" not in keys or not rows:
        return keys
    at = keys.index("target")
    cells = [_first_cell(lines[row], at).strip("*_ \t").casefold() for row in rows]
    if not all(cell in _HORIZON_TARGETS for cell in cells):
        return keys
    return tuple("status" if column == at else key for column, key in enumerate(keys))


# The horizons a Target column may name in words, no version or date: each a status of
# its own in the common spellings (``Future``, ``Someday``: ideas).
_HORIZON_TARGETS = frozenset(("future", "someday", "later", "tbd"))


# the description in Russian too: ``| Идентификатор | Описание | Статус |``, its rows
# titled by it as ``| ID | Description | Status |`` is
_DESCRIPTION_COLUMNS = ("description", "name", "summary", "описание")
# The columns that say when work is planned to land (not when it was done).
_PLANNED_DATES = frozenset(
    ("projected date", "target date", "planned date", "expected date", "due date", "eta")
)
# The columns of a bill, an invoice or a budget: what a line costs, no work.
SUM_COLUMNS = frozenset(("amount", "price", "cost", "total", "sum", "fee", "balance", "subtotal"))
# The column of a table of planned work that names the stage each row belongs to, in the
# languages plans are written in: ``| 단계 | 작업 | 비고 |`` (stage, task, note).
_PLANNED_STAGES = frozenset(
    (
        "phase",
        "milestone",
        "stage",
        "round",
        "단계",
        "차수",
        "etapa",
        "fase",
        "段階",
        "阶段",
        "フェーズ",
    )
)


def _staged(keys: tuple[str, ...], title_column: int | None) -> bool:
    """Whether a table with no field column lists planned work by stage: its first column
    names the stage (``2차``, ``Phase 2``) and a column named for the work titles each row
    (``| Stage | Task | Notes |``). Read as items only beside a plan's other tables of
    items (``_stages_beside_plan``); alone it is a guide's or a glossary's table."""
    return (
        title_column is not None
        and title_column > 0
        and keys[0] in _PLANNED_STAGES
        and keys[title_column] in TITLE_COLUMNS
        and not any(key in FIELD_KEYS for key in keys)
    )


def _stages_alone(table: Table, every: list[Table]) -> bool:
    """Whether ``table`` is a table of planned stages (``_staged``) with no other table of
    the document reading items with fields: then it is no plan's."""
    if table.status_heading or not _staged(table.keys, table.title_column):
        return False
    return not any(
        other is not table and any(key in FIELD_KEYS for key in other.keys) for other in every
    )


# The columns of a log of status changes: what a status was, and what it became.
_STATUS_CHANGES = frozenset(("old status", "new status"))
_STATUS_MOVES = frozenset(("from status", "to status"))


def _action_rows(keys: tuple[str, ...]) -> bool:
    """Whether a table lists actions to take by priority (``| Action | Priority | Why |``)
    or the time each is due within once an incident starts (``| Task | Owner | Within |``
    under a runbook's ``## P1 — Critical``): read as items only after a plan's tables of
    work with a Status column."""
    if not keys or "status" in keys:
        return False
    return (keys[0] in ("action", "actions") and "priority" in keys) or any(
        key in _RESPONSE_TIMES for key in keys
    )


# Columns that give the time a step is due within once something happens: a runbook's
# response matrix, whose rows are steps taken each time, no work planned once.
_RESPONSE_TIMES = frozenset(
    ("within", "respond within", "response time", "time to respond", "sla", "response sla")
)


def _dated(keys: tuple[str, ...]) -> bool:
    """Whether a table says when its rows are planned to land (``| Projected Date |``) and
    is no bill: an invoice's lines fall due on a day too, and their sums say what they are."""
    return any(key in _PLANNED_DATES for key in keys) and not any(
        key in SUM_COLUMNS for key in keys
    )


# A column that says on what day each row was finished, no Status column beside it:
# ``| ID | Title | Completed | Release |`` over ``| EPIC-004 | Details | 2025-12-27 |``.
_DONE_DAY_COLUMNS = frozenset(
    (
        "completed",
        "completed on",
        "completion date",
        "date completed",
        "done",
        "done on",
        "finished",
        "finished on",
        "shipped",
        "shipped on",
    )
)
# A day as a plan writes it: ``2025-12-27``, ``27/12/2025``, ``12/27/25``.
_A_DAY = LazyPattern(r"[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}")


def _done_column(lines: list[str], rows: Sequence[int], keys: tuple[str, ...]) -> int | None:
    """The column of a table with no Status column that gives the day each row was
    finished, where every cell of it holds a day: the rows are work done (an epic
    index's ``Completed EPICs`` table). None where a cell holds anything else."""
    if "status" in keys:
        return None
    column = next((at for at, key in enumerate(keys) if key in _DONE_DAY_COLUMNS), None)
    if column is None or not rows:
        return None
    cells = [_first_cell(lines[row], column).strip(" *_`") for row in rows]
    return column if all(_A_DAY.fullmatch(cell) for cell in cells) else None


# A day a thing is owed or arrives by (a parcel's ETA, a library book's due date), beside
# a title column of any thing; a planned or a target date is a plan's.
_OWED_DATES = frozenset(("due date", "eta"))
# The title columns that name a thing, whatever it is: ``| Order | Item | ETA |``.
ANY_THING_TITLES = frozenset(("item", "title", "titre", "título"))


def _dates_work(keys: tuple[str, ...], title_column: int) -> bool:
    """Whether the dates of a table with no field column date work: a planned day
    (``| Projected Date | Feature |``), or a due day beside a column that names work
    (``| Task | Due Date |``). A parcel's ETA or a book's due date beside an ``Item`` or
    ``Title`` column (``| Book | Title | Due Date |``) dates things owed, no work."""
    if any(key in _PLANNED_DATES - _OWED_DATES for key in keys):
        return True
    return keys[title_column] not in ANY_THING_TITLES


def _titles_only(keys: tuple[str, ...], id_column: int | None, title_column: int | None) -> bool:
    """Whether a table names work by a title column alone, no field column (``| Stage |
    Task | Note |``), or by that and a number (``| # | Tarea | Notas |``, the plan's list
    numbered on under a later horizon): read only after a plan's table of the same work
    (``_titles_without_plan``)."""
    return (
        (id_column is None or keys[id_column] == "#")
        and title_column is not None
        and keys[title_column] in TITLE_COLUMNS
    )


def _titles_without_plan(table: Table, earlier: list[Table]) -> bool:
    """Whether ``table`` names work by titles alone with no table of the plan above it:
    a table with IDs and a Status column whose title column is named as this one's
    (``| # | Status | Task |`` over the found work, then ``| Stage | Task | Note |`` over
    the work planned next). Without one it is a page's list of things, no plan's items."""
    if (
        table.status_heading
        or not _titles_only(table.keys, table.id_column, table.title_column)
        or any(key in FIELD_KEYS for key in table.keys)
        or (_dated(table.keys) and _dates_work(table.keys, table.title_column or 0))
        or _staged(table.keys, table.title_column)
    ):
        return False  # a table read by its fields, status heading, dates or stages stays
    assert table.title_column is not None
    title = table.columns[table.title_column].casefold()
    return not any(
        other.header < table.header
        and other.id_column is not None
        and "status" in other.keys
        and other.title_column is not None
        and other.columns[other.title_column].casefold() == title
        for other in earlier
    )


def _actions_without_plan(table: Table, earlier: list[Table]) -> bool:
    """Whether ``table`` is a table of actions with no table of work with a Status column
    above it in the document: a runbook's steps, no plan's items."""
    return _action_rows(table.keys) and not any(
        "status" in other.keys for other in earlier if other.header < table.header
    )


# Whose actions a heading lists: ``## GEORGE'S MANUAL ACTIONS NEEDED``.
_WHOSE = LazyPattern(r"[ \t]*(?P<owner>[A-Z][A-Za-z]{1,30})['’][sS][ \t]")


def _describes(key: str) -> bool:
    """Whether a column describes its rows: ``Description``, ``Task Description``."""
    return key in _DESCRIPTION_COLUMNS or key.endswith(" description")


# A first column named for the unit of work a row is, holding its ID (``| Epic | Title |``
# over ``| E1 | Foundation |``, ``| Story | ... |`` over ``| L1.1 | ... |``).
_UNIT_COLUMNS = ("story", "epic", "feature", "task", "sub task", "subtask")
# A first column that names each row's stage of the plan, written ``M3: Title``.
_STAGE_COLUMNS = ("phase", "milestone", "stage", "step", "epic")
_NAMED_CELL = LazyPattern(
    r"[ \t]*(?:\*\*)?(?P<id>[^\s:*]+)(?:\*\*)?(?::|[ \t]+[—–-])[ \t]+"
    r"(?P<title>\S(?:.*[^ \t])?)[ \t]*"
)


def _named_rows(
    lines: list[str], rows: tuple[int, ...], keys: tuple[str, ...], dialect: Dialect
) -> bool:
    """Whether the first column is a Phase (Milestone, Stage ...) column whose every cell
    is an ID and a title, ``M3: Fixed vector add``: the column names and titles the rows."""
    if not rows or not keys or keys[0] not in _STAGE_COLUMNS:
        return False
    id_only = patterns(dialect.id_pattern).id_only
    for row in rows:
        cell = _NAMED_CELL.fullmatch(_first_cell(lines[row], 0))
        if cell is None or not id_only.fullmatch(cell["id"]):
            return False
    return True


def _named_title_rows(
    lines: list[str], rows: tuple[int, ...], column: int, dialect: Dialect
) -> bool:
    """Whether every filled cell of a title column leads with an ID in bold, then a colon
    and the title (``**US-005**: Download Dataset by URI``): the cell names and titles the
    row, as a Phase column's ``M3: Title`` does. The bold sets the ID apart from a title
    that only begins with a label (``Note: ...``)."""
    id_only = patterns(dialect.id_pattern).id_only
    cells = [_first_cell(lines[row], column).strip() for row in rows]
    filled = [cell for cell in cells if cell]
    if not filled:
        return False
    for cell in filled:
        named = _NAMED_CELL.fullmatch(cell) if cell.startswith("**") else None
        if named is None or not id_only.fullmatch(named["id"]):
            return False
    return True


# A title cell led by the row's number, ``1: Framework+SEO``, ``20.Home page changes``:
# the number names the row (a version, ``1.2 Title``, is not one).
_NUMBERED_CELL = LazyPattern(
    r"[ \t]*(?P<id>[0-9]{1,4})(?::|\.(?![0-9]))[ \t]*(?P<title>[^\s0-9.:](?:.*[^ \t])?)[ \t]*"
)
_FEWEST_NUMBERED = 3
_NUMBERED_SHARE = 0.8


def _numbered_title_rows(lines: list[str], rows: tuple[int, ...], column: int) -> bool:
    """Whether nearly every filled cell of a title column leads with the row's number, a
    colon or a full stop and the title (``1: Framework+SEO``, ``20.Home page changes``): a
    team's log of user stories numbered in the cell, the number each row's ID. A row or
    two left unnumbered (a template's instruction row) does not undo it."""
    cells = [
        _first_cell(lines[row], column).strip() for row in rows if not _placeholder_row(lines[row])
    ]
    filled = [cell for cell in cells if cell]
    numbered = sum(_NUMBERED_CELL.fullmatch(cell) is not None for cell in filled)
    return numbered >= _FEWEST_NUMBERED and numbered >= _NUMBERED_SHARE * len(filled)


# A title cell led by a short code of the work and a colon, a mark of its state before it
# maybe: ``F4a: 1:1 Prep Job``, ``✅ F1: Pocket Import Pipeline``.
_CODE_LED_CELL = LazyPattern(
    r"[ \t]*(?:[^\w\s|*]{1,3}[ \t]++)?(?P<id>[A-Z]{1,3}[0-9]{1,3}[a-z]?):[ \t]++"
    r"(?P<title>\S(?:.*[^ \t])?)[ \t]*"
)
_CODED_SHARE = 0.75


def code_led_rows(lines: list[str], rows: Sequence[int], column: int) -> bool:
    """Whether most filled cells of a title column (three or more, three in four) lead
    with a short code of the work and a colon (``F4a: 1:1 Prep Job``, ``✅ F1: Pocket
    Import``): a priority matrix of a plan's work, each row named by its code, a row or
    two without one (``Test Coverage to 80%``) by its title."""
    cells = [_first_cell(lines[row], column).strip() for row in rows]
    filled = [cell for cell in cells if cell]
    coded = sum(_CODE_LED_CELL.fullmatch(cell) is not None for cell in filled)
    return coded >= _FEWEST_NUMBERED and coded >= _CODED_SHARE * len(filled)


def _instruction_row(line: str, table: Table) -> bool:
    """Whether a row of a table titled by numbered cells is the template's instruction
    row: its title unnumbered and its Status cell a run of dashes standing for the value
    each row writes (``| multiple people can work on one story | --- | -------- |``)."""
    if table.id_column is None or table.id_column != table.title_column:
        return False
    if "status" not in table.keys:
        return False
    title = _first_cell(line, table.title_column)
    if _NUMBERED_CELL.fullmatch(title) is not None:
        return False
    return _DASHES.fullmatch(_first_cell(line, table.keys.index("status"))) is not None


_DASHES = LazyPattern(r"[ \t]*-{3,}[ \t]*")


_FEWEST_STATUS_ROWS = 3


def _feature_matrix(
    lines: list[str], rows: tuple[int, ...], keys: tuple[str, ...], column: int | None
) -> bool:
    """Whether a ``| Feature | Status |`` table is a README's list of what the program
    does: no ID, no other field than Status, and a Status cell that is no common status
    spelling (``✅`` alone, ``Supported``, ``Yes``). Work a plan names by feature says its
    status in words (``✅ Done``, ``Planned``)."""
    if column is None or keys[column] != "feature" or "status" not in keys:
        return False
    if any(key in FIELD_KEYS and key != "status" for key in keys):
        return False
    status = keys.index("status")
    cells = [_first_cell(lines[row], status) for row in rows]
    if all(cell.strip("*_ \t").casefold() in _HORIZON_TARGETS for cell in cells):
        return False  # ``| Feature | Notes | Target |`` of ``Future`` rows: a backlog's
    return not all(_status_words(cell) for cell in cells) and not _legend_marks(lines, cells)


def _legend_marks(lines: list[str], cells: list[str]) -> bool:
    """Whether every cell opens with a mark the document's status legend names (``✅``
    beside ``- ✅ **Implemented**``, ``🟡 High`` beside ``- 🟡 **Planned**``): the marks
    are states of the plan's work, no matrix's ticks."""
    entries = line_legend_entries(lines)
    if not entries or not all(common_meaning(entry.split(None, 1)[-1]) for entry in entries):
        return False  # ``- ✅ **Supported**``: what a program does, no state of work
    return all(
        (words := cell.split()) and legend_mark_status(words[0], entries) is not None
        for cell in cells
    )


def _status_rows(lines: list[str], rows: tuple[int, ...], keys: tuple[str, ...]) -> bool:
    """Whether a table without an ID or title column is still a table of items: three or
    more rows, a Status column that is not the first, and every Status cell a common
    spelling (``✅ Complete``, ``⏸️ Deferred``). The first column names the rows; a table
    whose Status cells say anything else (``Supported``, ``Yes``) is a comparison, no plan.
    One word on every row, unmarked (``Active``), is a roster's, not a plan's: a plan's
    rows move through statuses, or mark them (``✅ Complete`` on each milestone)."""
    if len(rows) < _FEWEST_STATUS_ROWS or "status" not in keys[1:] or keys[0] in FIELD_KEYS:
        return False
    column = keys.index("status")
    cells = [_first_cell(lines[row], column).strip() for row in rows]
    if not all(_first_cell(lines[row], 0).strip() for row in rows):
        return False
    if not all(_status_words(cell) for cell in cells):
        return False
    marked = any(cell and not cell[0].isalnum() for cell in cells)
    return marked or len({cell.casefold() for cell in cells}) >= 2


# What a status report's table names its rows by in its first column: the things whose
# state it reports (``| Feature | Status | Notes |``, ``| Component | Status |``).
_REPORTED_KINDS = frozenset(
    (
        "feature",
        "features",
        "component",
        "components",
        "module",
        "modules",
        "area",
        "areas",
        "capability",
        "capabilities",
        "screen",
        "screens",
        "page",
        "pages",
        "endpoint",
        "endpoints",
        "functionality",
        "subsystem",
        "part",
    )
)
# A mark that tells a state before a report's words: ``✅ Working``, ``⚠️ Partial``.
STATE_MARK = LazyPattern(r"[✅✔☑❌⚠🚧🔄⏳🟢🟡🟠🔴⬜⭕]\ufe0f?(?:[ \t]+\w|[ \t]*$)")


def _alike_rows(lines: list[str], header: int) -> tuple[int, ...]:
    """The rows of every table of the document under the same header as ``header``'s, where
    two tables or more share it (a roadmap's table per quarter, each ``| Issue | Description
    | Owner | Status |``): one list cut by period, whose tables are judged together, so that
    a quarter of two rows, or one whose last row is cut short, reads as the others do. Rows
    with fewer cells than the header (the file cut off mid-row) are left out of the
    judging; none where no other table shares the header."""
    wanted = [lines[header][a:b].strip() for a, b in split_row(lines[header])]
    rows: list[int] = []
    tables = 0
    for at in range(1, len(lines)):
        if not is_delimiter(lines[at]):
            continue
        if [lines[at - 1][a:b].strip() for a, b in split_row(lines[at - 1])] != wanted:
            continue
        tables += 1
        row = at + 1
        while row < len(lines) and lines[row].lstrip().startswith("|"):
            if len(split_row(lines[row])) >= len(wanted):
                rows.append(row)
            row += 1
    return tuple(rows) if tables >= 2 else ()


def _reported_rows(
    lines: list[str], rows: tuple[int, ...], keys: tuple[str, ...], names: tuple[str, ...]
) -> bool:
    """Whether a status report's table lists the things it reports on by their state:
    its first column names a kind of thing (``Feature``, ``Component``, ``Endpoint``),
    a later column is its Status, and on three rows or more every Status cell is a mark
    of state, alone or before words (``✅ Working``, ``⚠️ Not Tested``), as a report
    writes how each thing stands; ``Yes`` or ``Supported`` is a matrix of what a program
    supports (a README's, kept out by its title, may mark its cells as well)."""
    if len(rows) < _FEWEST_STATUS_ROWS or "status" not in keys[1:] or not names:
        return False
    if names[0].casefold() not in _REPORTED_KINDS:
        return False
    column = keys.index("status")
    cells = [_first_cell(lines[row], column).strip() for row in rows]
    return all(STATE_MARK.match(cell) for cell in cells) and all(
        _first_cell(lines[row], 0).strip() for row in rows
    )


def _status_words(cell: str) -> bool:
    """Whether a cell's words, after any mark before them, are a common status spelling
    (``✅ Complete``, not ``✅ Supported`` nor a mark alone)."""
    words = cell.split()
    while words and not any(char.isalnum() for char in words[0]):
        words = words[1:]
    return bool(words) and common_meaning(" ".join(words)) is not None


_THEME_COLUMNS = ("theme", "name", "goal", "focus", "description", "summary", "scope")
# A version (``v0.3.0``, ``1.2-beta``), a short code (``M2``) or a version's part named
# with hyphens (``v04-phase-a``, ``v06``: a planning roadmap's phases of each version).
_VERSION = LazyPattern(
    r"[vV]?[0-9]{1,4}(?:\.[0-9]{1,4}){1,3}(?:-[A-Za-z0-9.]+)?|[A-Z]{1,3}[0-9]{1,4}"
    r"|[vV][0-9]{1,4}(?:-[A-Za-z0-9]{1,12}){0,3}"
)


def _versioned_rows(lines: list[str], rows: tuple[int, ...], keys: tuple[str, ...]) -> bool:
    """Whether the first column is a Milestone (Release, Version ...) column whose every
    cell is one version or short code (``v0.3.0``, ``M2``), beside a Status column: the
    rows are the milestones, named by the first cell."""
    if len(rows) < 2 or not keys or keys[0] not in (*_STAGE_COLUMNS, "release", "version"):
        return False
    if "status" not in keys:
        return False
    return all(_VERSION.fullmatch(_first_cell(lines[row], 0).strip("*` ")) for row in rows)


# A milestone's short code and its name in one cell: ``M0 Bootstrap``, ``v0.2 Sync``; a
# quarter or a half and its year (``Q1 2025``, ``H2 2026``) is a date, one name.
_CODED_CELL = LazyPattern(
    r"[ \t]*(?:\*\*)?(?P<id>[vV]?[0-9]{1,4}(?:\.[0-9]{1,4}){1,3}|[A-Z]{1,3}[0-9]{1,4})(?:\*\*)?"
    r"[ \t]+(?!(?:19|20)[0-9]{2}\b)(?P<title>[^\s:—–-](?:.*[^ \t])?)[ \t]*"
)


def _coded_rows(lines: list[str], rows: tuple[int, ...], keys: tuple[str, ...]) -> bool:
    """Whether the first column is a Milestone (Phase, Release ...) column whose every cell
    is a short code and a name (``M0 Bootstrap``, ``M1 Cluster PoC (legacy)``), beside a
    Status column: the code names each row, the rest titles it."""
    if len(rows) < 2 or not keys or keys[0] not in (*_STAGE_COLUMNS, "release", "version"):
        return False
    if "status" not in keys:
        return False
    return all(_CODED_CELL.fullmatch(_first_cell(lines[row], 0)) for row in rows)


def _stages_by_id(keys: tuple[str, ...]) -> bool:
    """Whether a table's first column is a stage column (Phase, Step ...) beside a
    Description and a Status column."""
    if not keys or keys[0] not in _STAGE_COLUMNS or "status" not in keys:
        return False
    return any(_describes(key) for key in keys[1:])


def _numbered_stages(lines: list[str], rows: tuple[int, ...], keys: tuple[str, ...]) -> bool:
    """Whether the first column is a Phase (Milestone, Stage, Step) column whose every cell
    is the stage's number (``00``, ``4``), beside a Description and a Status column: the
    number names each row, the description titles it."""
    if len(rows) < 2 or not keys or keys[0] not in _STAGE_COLUMNS or "status" not in keys:
        return False
    if not any(_describes(key) for key in keys[1:]):
        return False
    return all(_first_cell(lines[row], 0).strip().isdigit() for row in rows) and all(
        len(_first_cell(lines[row], 0).strip()) <= 3 for row in rows
    )


def _filled_title_column(
    lines: list[str], rows: tuple[int, ...], keys: tuple[str, ...], column: int | None
) -> int | None:
    """The title column: ``column``, unless it is left blank on some rows and a later
    title column is filled on them (``| User Story | Task |`` with the story written
    once over its tasks: the story groups the rows, the task titles each)."""
    if column is None or all(_first_cell(lines[row], column).strip() for row in rows):
        return column
    for later in range(column + 1, len(keys)):
        if keys[later] in TITLE_COLUMNS:
            filled = sum(bool(_first_cell(lines[row], later).strip()) for row in rows)
            if filled * 2 > len(rows):
                return later
    return column


# A status word in brackets before an ID or as a whole cell: ``[DONE] **5-1**``, ``[BLOCKED]``.
_BRACKETED = LazyPattern(r"\[(?P<word>[A-Za-z][A-Za-z _-]{1,15})\]")
# A claim written as a bracketed status, as an agent board's legend lists it
# (``[CLAIMED by @id]`` "Locked by an agent"): the status word and who holds the task.
_CLAIM_CELL = LazyPattern(r"\[(?P<word>[A-Za-z]{2,15})[ \t]+by[ \t]+@?(?P<owner>[\w.-]{1,40})\]")


def _holds_ids(
    lines: list[str],
    rows: tuple[int, ...],
    column: int | None,
    dialect: Dialect,
    marked_only: bool = True,
) -> bool:
    """Whether every cell of ``column`` is one ID, bold or code, perhaps after a status word
    in brackets (``[DONE] **BUG-1**``, ``**5-2**``): the column of IDs under another name.
    Without ``marked_only``, a plain ID matching the ID pattern counts too (``T1``)."""
    id_only = patterns(dialect.id_pattern).id_only
    for row in rows:
        cell = _BRACKETED.sub("", _first_cell(lines[row], column)).strip()
        marked = cell.startswith(("**", "`")) and cell.endswith(("**", "`"))
        words = cell.strip("*`").split()
        if len(words) != 1 or not _id_of(cell, dialect):
            return False
        if not marked and (marked_only or not id_only.fullmatch(words[0])):
            return False
    return True


def _bracketed_status(text: str) -> str | None:
    """The status word a cell writes in brackets before its ID, or as the whole cell
    (``[AVAILABLE]``; ``[CLAIMED by @auto]`` says CLAIMED)."""
    found = _BRACKETED.match(text.strip()) or _CLAIM_CELL.fullmatch(text.strip())
    if found is None or common_meaning(found["word"]) is None:
        return None
    return found["word"]


def _claim_owner(text: str) -> str | None:
    """Who a bracketed claim names as holding the task: ``[CLAIMED by @auto]`` is auto's."""
    found = _CLAIM_CELL.fullmatch(text.strip())
    return found["owner"] if found is not None and common_meaning(found["word"]) else None


def holds_table_items(lines: list[str], first: int, last: int, dialect: Dialect) -> bool:
    """Whether lines ``first``..``last`` (1-based) hold a table whose rows carry IDs in an
    ID column (``| T-006 | `done` | Introduce Hilt DI |``): the rows are the items, and a
    heading above them (``## Phase 1 — Foundation``) is their section, not an item."""
    id_only = patterns(dialect.id_pattern).id_only
    for table in find_tables(lines, first, last, dialect, None):
        column = table.id_column
        if column is not None and any(
            _id_like(id_only, _id_of(_first_cell(lines[row], column), dialect))
            for row in table.rows
        ):
            return True
    return False


def _execution_order(keys: tuple[str, ...]) -> bool:
    """Whether a table says in what order a plan's groups run and which run together,
    with no field of its own beside (``| Story | Depends On | Can Parallelize With |`` of a
    spec-kit task list, over ``| US4 (Favorites) | US3 (needs auth) | US5, US6 |``): the
    plan's order, no items."""
    fields = {key for key in keys if key in FIELD_KEYS}
    return fields == {DEPENDS_ON} and any("parallel" in key for key in keys)


def _marks_finished_only(lines: list[str], rows: tuple[int, ...], column: int) -> bool:
    """Whether the cells of a Status column hold a done mark alone (``✅``) or nothing,
    some of each: the plan marks the rows it finished and leaves the rest blank."""
    cells = [_first_cell(lines[row], column).strip() for row in rows]
    marks = [cell for cell in cells if cell]
    return 0 < len(marks) < len(cells) and all(
        mark in _CELL_MARKS and _CELL_MARKS[mark] == "done" for mark in marks
    )
