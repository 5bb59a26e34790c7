"""Items as table rows: a table whose header names an ID or a title column and at least
one field column (Status, Priority, Owner, Depends on and their aliases).

The reader's markdown is CommonMark, which has no tables: a table is a paragraph
whose second line is a delimiter row. Each row is an item; the heading above the
table is its section. The write side changes one cell, and re-pads an aligned
table so it stays aligned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from roadmaplint.model import Block, Field, Item, Position, Roadmap
from roadmaplint.reader import shapes
from roadmaplint.reader.dialect import (
    DEPENDS_ON,
    Dialect,
    match_item_heading,
    normalize_key,
    patterns,
)
from roadmaplint.reader.legends import DELIMITER_ROW
from roadmaplint.reader.shapes import Document, ShapeRead, line_of
from roadmaplint.reader.shapes.common import (
    Taken,
    edge_stripped,
    leads_with_priority,
    make_item,
    priority_of_section,
    reference_from_title,
    status_headings,
    status_of_section,
    status_of_sections,
    titled_a_status_report,
)
from roadmaplint.reader.waits import named_in_prose
from roadmaplint.record import record, replace
from roadmaplint.settings import COMMON_STATUSES, common_meaning, status_meaning
from roadmaplint.text import LazyPattern

if TYPE_CHECKING:
    import re
    from collections.abc import Callable, Mapping, Sequence

ID_COLUMNS = ("id", "task id", "key", "#", "タスクid", "任务id", "任務id")
# A column a ticket board names its rows by (``| Ticket | Title | Assignee |``): the ID
# column when every cell of it holds one ID (``TICKET-001``, ``PROJ-42``), else a title.
_TICKET_COLUMNS = ("ticket", "issue")
TITLE_COLUMNS = (
    "title",
    "task",
    "item",
    "story",
    "user story",
    "work",
    "feature",
    "summary",
    "goal",
    # an item of the plan by its kind: ``| Roadmap Item | Status |``, ``| Work Item | ... |``
    "roadmap item",
    "work item",
    "backlog item",
    "action item",
    # in French and Spanish: ``| Epic | Titre | Priorité | Statut |``
    "titre",
    "tâche",
    "tache",  # written without its accent, as ``Derniere mise a jour`` is
    "título",
    "tarea",
    # a sprint backlog in Spanish, Dutch, Portuguese or German names its rows by the story or
    # the task: ``| ID | Historia | Asignado | Estado |``, ``| ID | Taak | Toegewezen aan |``
    "historia",
    "historia de usuario",
    "taak",
    "tarefa",
    "história",
    "aufgabe",
    # in Italian: ``| ID | Attività | Stato |``
    "attività",
    "compito",
    # a guide's features by their name in Italian, Spanish, Portuguese, French or German,
    # read as ``| Feature | Status |`` is: ``| Funzione | Stato |``, ``| Funcionalidad |``
    "funzione",
    "funzionalità",
    "función",
    "funcionalidad",
    "funcionalidade",
    "fonctionnalité",
    "funktion",
    # a spreadsheet's column: ``| TASK ID | TASK NAME (FEATURE) | ASSIGNED TO |``
    "task name",
    # a release tracker's lines of work: ``| # | Workstream | Priority | Status | Owner |``
    "workstream",
    "work stream",
    # the task in Korean, Chinese, Japanese and Russian: ``| # | 상태 | 우선순위 | 작업 |``
    "작업",
    "할 일",
    "任务",
    "任務",
    "タスク",
    "作業",
    "задача",
    # the task's or the feature's name in Japanese and Chinese: ``| タスクID | タスク名 | 状態 |``,
    # ``| 优先级 | 状态 | 功能 | 说明 |``
    "タスク名",
    "任务名",
    "任务名称",
    "任務名稱",
    "功能",
    "機能",
)
# A title column that names a line of work only when no column left of it names the row
# but an ID or number (``| # | Workstream |``); after a name it is the row's group.
_GROUPING_TITLES = frozenset({"workstream", "work stream"})
FIELD_KEYS = ("status", "priority", "dri", DEPENDS_ON)
# The owner of a row of work by who develops it; alone, a column of the people who made a
# thing (``| Library | Developer | Licence |``), which brings no table near to items.
DEVELOPER_COLUMNS = frozenset(
    ("developer", "developers", "développeur", "développeurs", "desarrollador", "desenvolvedor")
)
# Column names tables use for the known fields, beyond the dialect's aliases.
COLUMN_ALIASES = {
    "depends": DEPENDS_ON,
    "deps": DEPENDS_ON,
    "blocked by": DEPENDS_ON,
    # a board's Blocked table names what each row waits for: ``| Task | Waiting on |``
    "waiting on": DEPENDS_ON,
    "waiting for": DEPENDS_ON,
    "waits on": DEPENDS_ON,
    "waits for": DEPENDS_ON,
    # the same in Spanish: ``| Tarea | Esperando |`` under ``## ⏸️ En Espera``
    "esperando": DEPENDS_ON,
    "dependencia": DEPENDS_ON,
    "dependencias": DEPENDS_ON,
    "blocks": "blocks",  # the rows that depend on this one: read in reverse
    "dependson": DEPENDS_ON,
    # a roadmap at a glance names what each milestone waits on most: ``| Main dependency |``
    "main dependency": DEPENDS_ON,
    "main dependencies": DEPENDS_ON,
    "agent": "dri",
    "role": "dri",
    "statut": "status",  # French
    # a row's state in French, with its accent or without: ``| ID | Description | État |``
    "état": "status",
    "etat": "status",
    # how far along, or finished or not, asked as a question: ``| Avancement |``, ``| Fini ? |``
    # (a French sprint's column of ``DONE`` and ``TO DO``)
    "avancement": "status",
    "état d'avancement": "status",
    "fini": "status",
    "situação": "status",  # Portuguese
    "situación": "status",  # Spanish
    "estatus": "status",
    "estado": "status",  # Spanish
    "stato": "status",  # Italian
    "zustand": "status",  # German
    "responsable": "dri",
    # a row's state, its priority, what it waits on and who owns it, in Japanese and Chinese:
    # ``| タスクID | タスク名 | 状態 | 依存関係 |``, ``| 优先级 | 状态 | 功能 |``
    "状態": "status",
    "状态": "status",
    "狀態": "status",
    "ステータス": "status",
    "優先度": "priority",
    "优先级": "priority",
    "優先級": "priority",
    "優先順位": "priority",
    "依存関係": DEPENDS_ON,
    "依存": DEPENDS_ON,
    "依赖": DEPENDS_ON,
    "依赖关系": DEPENDS_ON,
    "依賴": DEPENDS_ON,
    "担当": "dri",
    "担当者": "dri",
    "负责人": "dri",
    "負責人": "dri",
    # who a row is given to, in Spanish, Dutch, Portuguese and German
    "asignado": "dri",
    "asignado a": "dri",
    "toegewezen aan": "dri",
    "verantwoordelijke": "dri",
    "responsável": "dri",
    "zugewiesen": "dri",
    "verantwortlich": "dri",
    # who does the row's work, asked as a column's question: ``| Wer? |``, ``| Who? |``
    "wer": "dri",
    "who": "dri",
    # who develops the row, a student sprint's owner column: ``| Développeur(s) |``
    **dict.fromkeys(DEVELOPER_COLUMNS, "dri"),
}
# A status mark written in the ID or title cell of a table without a Status column.
_CELL_MARKS = {"✅": "done", "✔": "done", "☑": "done", "🚧": "in progress", "🔄": "in progress"}


def split_row(line: str) -> list[tuple[int, int]]:
    """The spans of a row's cells (between unescaped pipes), leading and trailing pipe off."""
    body = line.rstrip("\r\n")
    pipes = [
        at for at, char in enumerate(body) if char == "|" and (at == 0 or body[at - 1] != "\\")
    ]
    stripped = body.strip()
    bounds = [-1, *pipes, len(body)]
    spans = list(zip([b + 1 for b in bounds[:-1]], bounds[1:], strict=True))
    if stripped.startswith("|") and spans:
        spans = spans[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|") and spans:
        spans = spans[:-1]
    return spans


def is_delimiter(line: str) -> bool:
    return "-" in line and DELIMITER_ROW.fullmatch(line.rstrip("\r\n")) is not None


def column_key(name: str, dialect: Dialect) -> str:
    """The field key of a column: ``Depends on``, ``depends-on``, ``depends_on`` alike."""
    key = normalize_key(name.strip("*_` ").rstrip("?").replace("-", " ").replace("_", " "))
    if key.startswith("priorit"):
        return "priority"  # Priority, Prioritisation, Priorität, prioridad, prioriteetti
    found = COLUMN_ALIASES.get(key) or dialect.key(key)
    words = key.split()
    if found == key and len(words) == 2 and (_LEADING.intersection(words)):
        # ``Primary Owner``, ``Responsável principal``: the main one of who owns the row
        bare = words[1] if words[0] in _LEADING else words[0]
        if (COLUMN_ALIASES.get(bare) or dialect.key(bare)) == "dri":
            return "dri"
    if found == key and key.endswith("(s)"):
        # ``Développeur(s)``, ``Owner(s)``: one or more of what the bare name names
        bare = key[:-3].rstrip()
        named = COLUMN_ALIASES.get(bare) or dialect.key(bare)
        if named != bare:
            return named
    if found == key and len(words) == 2 and words[0] in WORK_UNITS:
        # ``| Story ID | Story Title |``, ``| Feature ID | Feature Name |``: the unit of work
        # named before the ID or the title, as ``Task ID`` and ``Task Name`` are
        if words[1] == "id":
            return "id"
        if words[1] in ("title", "name"):
            return "title"
    if found == key and key.endswith(")") and " (" in key:
        # ``TASK NAME (FEATURE)``: a note in brackets after a column's name
        bare = key[: key.rindex(" (")]
        if bare in TITLE_COLUMNS or bare in ID_COLUMNS:
            return bare
    return found


# The units of work a column's name may lead with before ``ID``, ``Title`` or ``Name``
# (``Story ID``, ``Epic Title``); a risk's, a blocker's or a decision's ID names no work.
WORK_UNITS = frozenset(("story", "feature", "epic", "ticket", "issue", "item", "bug"))


# The words that make an owner column its main one: ``Primary Owner``, ``Responsável
# principal`` (Portuguese), ``Responsable principal`` (Spanish, French).
_LEADING = frozenset(("primary", "main", "lead", "principal", "principale"))


# The column of a team's table that names its people: ``| Member | Role |``.
_PEOPLE_COLUMNS = frozenset(
    ("member", "members", "team member", "name", "person", "people", "contributor")
)


def roster(words: list[str]) -> bool:
    """Whether a table's columns (lower-cased) name a team's people and their roles
    (``| # | Member | Role |``, ``| Name | Role | Email |``) and no status, priority or
    dependency: a roster, whose Role column says what each person does, not who owns
    work."""
    named = {word.strip("*_` ") for word in words}
    return "role" in named and bool(named & _PEOPLE_COLUMNS) and not named & _WORK_WORDS


# Columns that make a table with a Role column one of work: ``| Task | Role | Status |``.
_WORK_WORDS = frozenset(
    ("status", "state", "priority", "depends on", "task", "title", "item", "story", "due")
)


@record
class Table:
    header: int  # 0-based line of the header row
    rows: tuple[int, ...]  # 0-based lines of the body rows
    columns: tuple[str, ...]  # the header's plain names
    keys: tuple[str, ...]  # each column's field key
    id_column: int | None
    title_column: int | None
    marked: bool = False  # some row marks its status in its ID or title cell
    # the heading above it names its rows' status, on a board of status headings
    status_heading: bool = False
    # a sheet pasted from a spreadsheet: the header row holds its column letters (``| A |
    # B | C |``), and this first row (0-based line) holds the names of the columns
    names_line: int | None = None


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


def letters_header(line: str) -> bool:
    """Whether a header row holds a spreadsheet's column letters, ``| A | B | C | D |``: a
    sheet pasted as markdown, whose first row names the columns (``| SPRINT | TASK ID |
    TASK NAME | ASSIGNED TO | PRIORITY |``)."""
    names = [line[a:b].strip() for a, b in split_row(line)]
    return len(names) >= _FEWEST_LETTERS and names == [
        chr(ord("A") + at) for at in range(len(names))
    ]


_FEWEST_LETTERS = 3


def _placeholder_row(line: str) -> bool:
    """Whether a row holds nothing but dashes and blanks (``| - | - | - |``, ``| — | | |``),
    or those and one cell that says the table is empty (``| - | - | No active issues | - |``):
    the row an empty table keeps its shape with, no item."""
    cells = [line[a:b] for a, b in split_row(line)]
    filled = [cell for cell in cells if cell.strip(" \t-—–*_")]
    return not filled or (
        len(filled) == 1 < len(cells) and _SAYS_NONE.fullmatch(filled[0]) is not None
    )


# A cell that says there is nothing: ``No active issues``, ``None yet``, ``_Nothing._``.
_SAYS_NONE = LazyPattern(
    r"(?i)[ \t]*[_*(]*(?:no[ \t]+[a-z]{1,20}(?:[ \t]+[a-z]{1,20}){0,2}(?:[ \t]+yet)?"
    r"|none(?:[ \t]+yet)?|nothing(?:[ \t]+yet)?)[_*).]*[ \t]*"
)


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
    keys = tuple(column_key(name, dialect) for name in names)
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


_DESCRIPTION_COLUMNS = ("description", "name", "summary")
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
    """Whether a table lists actions to take by priority (``| Action | Priority | Why |``):
    read as items only after a plan's tables of work with a Status column."""
    return (
        bool(keys)
        and keys[0] in ("action", "actions")
        and "priority" in keys
        and ("status" not in keys)
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


def _id_like(id_only: re.Pattern[str], word: str) -> bool:
    """Whether ``word`` is an ID, its hyphens perhaps written as the non-breaking hyphen
    (U+2011) a text editor or a chat assistant puts in ``T‑001``: the ID as written."""
    return id_only.fullmatch(word.replace("\u2011", "-")) is not None


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
    return not all(_status_words(_first_cell(lines[row], status)) for row in rows)


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


def _first_cell(line: str, column: int | None) -> str:
    spans = split_row(line)
    if column is None or column >= len(spans):
        return ""
    a, b = spans[column]
    return line[a:b]


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


def _maps_to_phases(table: Table) -> bool:
    """Whether a table maps its rows to phases (a ``Phase`` column beside its IDs): a
    planning roadmap's requirement coverage, whose phases are the document's headings."""
    return any(
        column.strip().lower() in ("phase", "phases")
        for at, column in enumerate(table.columns)
        if at != table.id_column
    )


def read_tables(document: Document) -> ShapeRead:
    items: list[Item] = []
    blocks: dict[int, tuple[Block, ...]] = {}
    taken_refs: set[str] = Taken()
    blocking: list[tuple[str, str]] = []  # (blocked ID, blocking ID) from Blocks columns
    prose: list[tuple[str, str]] = []  # (ID, a cell's sentence) of tables without Depends on
    index_of: dict[str, int] = {}  # the ID (lower case) of each item of ``items``, its index
    board_titles: dict[str, int] = {}  # a board's rows without IDs: each title, its index
    lines = document.lines
    id_only = patterns(document.dialect.id_pattern).id_only
    tokens = document.tokens
    found: list[tuple[int, int, list[Table]]] = []
    for at in document.top_level():
        token = tokens[at]
        if token.type != "paragraph_open" or token.map is None:
            continue
        start, end = token.map
        if document.is_taken(start + 1):
            continue
        tables = find_tables(
            lines,
            start,
            end,
            document.dialect,
            document.inline,
            _status_heading(document),
            titled_a_status_report(document),
        )
        if tables:
            found.append((start, end, tables))
    # a table of titles alone is read only after a table of the plan it continues: one
    # without is dropped before anything else counts it (a page's list of things)
    every = [table for _, _, tables in found for table in tables]
    found = [
        (start, end, kept)
        for start, end, tables in found
        if (
            kept := [
                table
                for table in tables
                if not _titles_without_plan(table, every)
                or _in_priority_band(document, table.header)
            ]
        )
    ]
    with_ids = any(table.id_column is not None for _, _, tables in found for table in tables)
    every = [table for _, _, tables in found for table in tables]
    for start, end, tables in found:
        cut: list[Block] = []
        at = start
        for table in tables:
            if document.in_example(table.header + 1):
                continue  # ``## Example Table Entry``: how a row is written, no item
            if with_ids and _a_log_beside_items(table):
                continue  # ``| Date | Agent | Task | Outcome |`` beside a registry of IDs
            if _actions_without_plan(table, every) or _stages_alone(table, every):
                continue
            if _status_legend(lines, table):
                continue  # ``| ⬜ | Not Started |`` ... ``| ❌ | Blocked |``: what marks mean
            if template_rows(lines, table.rows, table.columns) or _rows_to_fill(lines, table):
                continue  # ``| Test Execution | [DATE] | [OWNER] |``: a template's rows
            if _release_history(table, document.section_above(table.header + 1)):
                continue  # ``## Version History`` over ``| Version | Date | Status |``
            groups = _group_rows(lines, table)
            read = [
                _row_item(document, table, row, taken_refs)
                for row in table.rows
                if row not in groups and _names_an_item(lines[row], table)
            ]
            later = table.status_heading and _is_later(document.section_above(table.header + 1))
            if (
                document.with_ids_only
                and not later
                and not all(id_only.fullmatch(item.id) for item in read)
                and not _code_led_beside_titles(document, table)
            ):
                continue
            if document.with_ids_only and _maps_to_phases(table):
                continue  # ``| REQ-01 | Phase 8 | ... |``: what each heading phase covers
            if _code_led_beside_titles(document, table):
                read = _with_heading_states(document, read)
            read = _numbered_again(items, index_of, table, read, taken_refs)
            read = _merged(items, index_of, read, document.dialect)
            if table.status_heading and table.id_column is None:
                read = _moved_along(items, board_titles, read, document.dialect)
            if table.header > at:
                cut.append(Block("paragraph", at + 1, table.header))
            cut.append(Block("table", table.header + 1, table.header + 2))
            if table.names_line is not None:
                cut.append(Block("table", table.names_line + 1, table.names_line + 1))
            cut += [Block("table", row + 1, row + 1) for row in table.rows]
            index_of.update((item.id.lower(), len(items) + n) for n, item in enumerate(read))
            items += read
            blocking += _blocking(lines, table, read, id_only)
            prose += _prose_cells(lines, table, read)
            at = table.rows[-1] + 1
        if cut:
            if at < end and any(lines[line].strip() for line in range(at, end)):
                last = max(line for line in range(at, end) if lines[line].strip())
                cut.append(Block("paragraph", at + 1, last + 1))
            blocks[start + 1] = tuple(cut)
    if not items and not found:
        from roadmaplint.reader.shapes.deferred import read_deferred_tables

        return read_deferred_tables(document)  # ``# Backlog — deferred`` over its tables
    items = _with_prose_waits(_with_blocking(items, blocking), prose)
    return ShapeRead(_with_row_references(items), blocks)


def _code_led_beside_titles(document: Document, table: Table) -> bool:
    """Whether a table whose rows are led by codes of the work (``| ✅ F1: Pocket Import
    |``, ``code_led_rows``) stands beside heading items that carry no ID of their own (a
    backlog's ``### Web Hosting & Deployment`` over ``**Status:** Deferred``): the
    headings name their items by title, so the table's rows, by code or by title, are
    as much the plan's items as they are."""
    if table.title_column is None or table.id_column != table.title_column:
        return False
    if "status" not in table.keys or not code_led_rows(
        document.lines, table.rows, table.title_column
    ):
        return False  # ``| Feature | Tests |`` over ``| F1b: Bundle Amend |``: a phase's parts
    return not any(
        match_item_heading(text, document.dialect) is not None for text in document.heading_texts()
    )


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
    board = document.memo("status-board", lambda: status_headings(document) >= 2)

    def headed(line: int) -> bool:
        section = document.section_above(line + 1)
        return (
            (board and status_of_section(section) is not None)
            or _in_priority_band(document, line)
            or _is_later(section)
            or closed_heading(section) is not None
            or (board and _grouped_under_status(document, line + 1) is not None)
            or board_column(section)
        )

    return headed


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


def closed_heading(section: str | None) -> str | None:
    """The status a heading gives the work under it when its last clause says that work
    closed (``## The first-user path — WI-001…007, closed 2026-08-15``): its table of
    work, with no Status column, is the work done. None for any other heading."""
    if not section or len(section) > 120:
        return None
    text = edge_stripped(section).strip()
    cut = max(text.rfind(", "), text.rfind(" — "), text.rfind(" – "), text.rfind(" ("))
    if cut <= 0:
        return None
    clause = text[cut:].lstrip(",—–( \t").rstrip(") \t")
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


def _cell_text(document: Document, line: str, span: tuple[int, int]) -> str:
    return document.inline(line[span[0] : span[1]].strip())


# A priority word after a status and a dash, ending its cell: ``PENDING — CRITICAL``.
URGENCY_NOTE = LazyPattern(
    r"(?i)(?<=\w)[ \t][—–-][ \t](?P<word>critical|urgent|high|medium|low|P[0-4])[ \t]*$"
)


def _bold_named(
    line: str, spans: list[tuple[int, int]], column: int, dialect: Dialect
) -> tuple[str, str] | None:
    """The ID and the title of a title cell written ``**B3** — Title``: an ID in bold, a
    dash, then the title; None for any other cell. With a colon (``**US-1**: Sign in``)
    only a column whose every cell is written so names its rows (``_named_title_rows``)."""
    if column >= len(spans):
        return None
    raw = line[spans[column][0] : spans[column][1]].strip()
    named = _NAMED_CELL.fullmatch(raw) if raw.startswith("**") else None
    if (
        named is None
        or not raw.startswith(f"**{named['id']}** ")
        or ":" in raw[: named.start("title")]
    ):
        return None  # ``**US-1**: Sign in`` beside titles is a title (``_named_title_rows``)
    if not patterns(dialect.id_pattern).id_only.fullmatch(named["id"]):
        return None
    return named["id"], named["title"]


def _row_item(document: Document, table: Table, row: int, taken: set[str]) -> Item:
    line = document.lines[row]
    spans = split_row(line)
    cells = [_cell_text(document, line, span) for span in spans]
    lead = table.id_column if table.id_column is not None else table.title_column
    struck = lead is not None and lead < len(cells) and _STRUCK_CELL.fullmatch(cells[lead])
    if struck:  # ``| ~007~ | ~Title~ | ~5~ | CANCELED |``: struck through cell by cell
        cells = [_unstruck(written) for written in cells]

    def cell(column: int | None) -> str:
        return cells[column] if column is not None and column < len(cells) else ""

    title = cell(table.title_column)
    id_cell = cell(table.id_column)
    numbered = None
    if table.id_column is not None and table.id_column == table.title_column:
        named = (
            _NAMED_CELL.fullmatch(id_cell)
            or _CODED_CELL.fullmatch(id_cell)
            or _CODE_LED_CELL.fullmatch(id_cell)
        )
        numbered = (
            _NUMBERED_CELL.fullmatch(id_cell) if named is None or named["id"].isdigit() else None
        )
        named = numbered or named
        if named is not None:
            id_cell, title = named["id"], named["title"]
    if table.id_column is None and table.title_column is not None:
        # ``**B3** — post-F1 run``: a row that leads its title with its ID in bold, in a
        # table whose other rows name no ID (``**Installer** — rebuild it`` is a title)
        bold_id = _bold_named(line, spans, table.title_column, document.dialect)
        if bold_id is not None:
            id_cell, title = bold_id[0], document.inline(bold_id[1])
    written_status = _bracketed_status(id_cell)
    item_id = _id_of(_BRACKETED.sub("", id_cell), document.dialect)
    if table.id_column is not None and table.id_column != table.title_column and not item_id:
        item_id = id_cell.strip("*_` ")  # a version names a milestone: ``v0.3.0``
    if numbered is not None and not item_id:
        item_id = numbered["id"]  # ``| 1: Framework+SEO |``: the story's number
    if not any(char.isalnum() for char in item_id):
        item_id = ""  # ``| — | No-regression benchmark (gate) |``: a dash, no number
    titled = not item_id
    if titled:
        item_id = reference_from_title(title, taken)
    fields: list[Field] = []
    for column, (name, key) in enumerate(zip(table.columns, table.keys, strict=True)):
        if column in (table.id_column, table.title_column) or column >= len(spans):
            continue
        if key not in FIELD_KEYS and not document.dialect.is_known(name):
            continue
        value = cells[column]
        claimed = None
        if key == "status":
            # ``[DONE]`` says DONE; ``**Complete**; native checks pass`` says Complete.
            claimed = _claim_owner(value)
            value = _bracketed_status(value) or _bold_lead(line, spans[column]) or value
        if not value or (key == "dri" and not value.strip(". ")):
            continue  # ``| . |``: a full stop names no one (``—`` is the config's no-dri)
        if key == "dri" and "status" not in table.keys and _a_status_alone(value):
            # ``| 002 | Title | ... | To Do |`` under an Owner column, beside ``Cameron``:
            # nobody has the story yet and it is still to do, which is its status
            name, key = "Status", "status"
        a, b = spans[column]
        written = line[a:b]
        column_at = a + len(written) - len(written.lstrip()) + 1
        where = Position(row + 1, column_at)
        fields.append(Field(name, key, value, where, where, row + 1))
        urgent = URGENCY_NOTE.search(value) if key == "status" else None
        if urgent is not None and "priority" not in table.keys:
            # ``PENDING — CRITICAL``: the status, and after its dash how urgent it is
            fields.append(Field("Priority", "priority", urgent["word"], where, where, row + 1))
        if claimed is not None and "dri" not in table.keys:
            fields.append(Field("Claimed by", "dri", claimed, where, where, row + 1))
    if not any(found.key == "status" for found in fields) and written_status is not None:
        a = spans[table.id_column or 0][0]
        where = Position(row + 1, a + len(line[a:]) - len(line[a:].lstrip()) + 1)
        fields.append(Field("Status", "status", written_status, where, where, row + 1))
    if "status" not in table.keys and not any(found.key == "status" for found in fields):
        for column, span in enumerate(spans):
            if column in (table.id_column, table.title_column):
                continue
            word = _CAPITAL_STATUS.search(cells[column])
            if word is None or _PROSE.search(cells[column], 0, word.start()):
                continue  # ``Say when a build is BLOCKED``: a sentence's last word
            if common_meaning(word["word"]) is not None:
                # ``| DEBT-05 | HIGH | 515 DONE |``: the word the row's cell ends with
                where = Position(row + 1, span[0] + 1)
                fields.append(Field("Status", "status", word["word"], where, where, row + 1))
                break
    if table.status_heading and not any(found.key == "status" for found in fields):
        above = document.section_above(row + 1)
        headed = (
            status_of_section(above)
            or closed_heading(above)
            or _grouped_under_status(document, row + 1)
        )
        if headed is not None:  # ``## In progress`` over ``| WI-014 | Title | docs |``
            where = Position(row + 1, spans[0][0] + 1 if spans else 1)
            fields.append(Field("Status", "status", headed, where, where, row + 1))
    done_day = _done_column(document.lines, (row,), table.keys)
    if done_day is not None and not any(found.key == "status" for found in fields):
        # ``| EPIC-004 | Details | 2025-12-27 |`` under ``Completed``: finished that day
        where = Position(row + 1, spans[done_day][0] + 1 if done_day < len(spans) else 1)
        said = table.columns[done_day]
        fields.append(Field("Status", "status", said, where, where, row + 1))
    if struck and not any(found.key == "status" for found in fields):
        # a row struck through and saying no status of its own is finished, as a struck
        # box is; a status it writes (``CANCELED``) says how it closed
        where = Position(row + 1, spans[lead or 0][0] + 1)
        fields.append(Field("Status", "status", "done", where, where, row + 1))
    if not any(found.key == "status" for found in fields) and table.marked:
        # In a table that marks its finished rows (``✅ T01``), a row without one is open.
        mark = _cell_mark(cell(table.id_column) or title) or "open"
        if mark is not None:
            where = Position(row + 1, spans[table.id_column or table.title_column or 0][0] + 1)
            fields.append(Field("Status", "status", mark, where, where, row + 1))
    indent = len(line) - len(line.lstrip())
    section = document.section_above(row + 1)
    whose = _WHOSE.match(section or "") if _action_rows(table.keys) else None
    if whose is not None and not any(found.key == "dri" for found in fields):
        where = Position(row + 1, indent + 1)  # ``## GEORGE'S MANUAL ACTIONS``: George's
        fields.append(Field("Owner", "dri", whose["owner"].capitalize(), where, where, row + 1))
    grouped = priority_of_section(section)
    if grouped and not any(found.key == "priority" for found in fields):
        where = Position(row + 1, indent + 1)
        fields.append(Field("Priority", "priority", grouped, where, where, row + 1))
    return make_item(
        item_id,
        title,
        section,
        Position(row + 1, indent + 1),
        row + 1,
        fields,
        document.dialect,
        named_by_title=titled,
    )


# A cell struck through with GitHub's one tilde: ``~007~``. (A row struck with two,
# ``~~REQ-021~~``, is left as it was read: beside heading items such a table is read
# whole once its IDs are, which would change what an earlier plan of the corpus says.)
_STRUCK_CELL = LazyPattern(r"~(?P<one>[^~]+)~")


def _unstruck(cell: str) -> str:
    """``cell`` without the tildes that strike it through; a cell not struck as written."""
    found = _STRUCK_CELL.fullmatch(cell)
    return cell if found is None else found["one"].strip()


# A status in capitals ending a cell of a table without a Status column: ``515 DONE``.
_CAPITAL_STATUS = LazyPattern(r"(?<![\w-])(?P<word>[A-Z]{3,}(?:[ _-][A-Z]{2,})?)[ \t]*$")
# A word in small letters: a cell that has one before its capital word is a sentence.
_PROSE = LazyPattern(r"[a-z]{2,}")
_BOLD_STATUS = LazyPattern(r"\*\*(?P<word>[^*]{1,30}?)\*\*(?=[ \t]*(?:[;:,.(—–-]|$))")


def _bold_lead(line: str, span: tuple[int, int]) -> str | None:
    """The status a cell leads with in bold before its note (``**Complete**; notes``),
    when the bold words are a status in a common spelling; else None."""
    found = _BOLD_STATUS.match(line[span[0] : span[1]].strip())
    if found is None or common_meaning(found["word"]) is None:
        return None
    return found["word"].strip()


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


def _cell_mark(text: str) -> str | None:
    """The status a mark at the start or end of a cell gives (``✅ T01``), else None."""
    text = text.strip()
    for mark, status in _CELL_MARKS.items():
        if text.startswith(mark) or text.endswith(mark):
            return status
    return None


def _id_of(text: str, dialect: Dialect) -> str:
    """The ID a cell holds: the ID-pattern match in it, else its one word (``4-2``, ``12``)."""
    found = patterns(dialect.id_pattern).id_only
    words = text.replace("#", " ").split()
    for word in words:
        word = word.strip("*_`[]()")
        if _id_like(found, word):
            return word
    return words[0].strip("*_`[]().:") if len(words) == 1 else ""


class TableRows:
    """The table-rows shape (see the module docstring)."""

    name = shapes.TABLE_ROWS

    def read(self, document: Document) -> ShapeRead:
        return read_tables(document)

    def owns(self, roadmap: Roadmap, item: Item) -> bool:
        text = line_of(roadmap.source, item.position.line).strip()
        return "|" in text and not text.startswith(("#", "-", "*", "+"))


TABLE_ROWS = TableRows()
