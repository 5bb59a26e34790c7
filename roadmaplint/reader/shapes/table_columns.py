"""A table's columns and cells: the header's names (ID, title, status and their
aliases), a row split into cells, the people and work-unit columns, a cell's mark and ID.

The lowest of the table shape's modules (``docs/architecture.md`` names them); it imports
none of the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from roadmaplint.reader.dialect import DEPENDS_ON, Dialect, normalize_key, patterns
from roadmaplint.reader.legends import DELIMITER_ROW
from roadmaplint.record import record
from roadmaplint.text import LazyPattern

if TYPE_CHECKING:
    import re


# (a French sprint's task by its number: ``| Task N° | Intitulé | Affectation | Status |``;
# the ID in Russian too: ``| Идентификатор | Описание | Статус |``)
ID_COLUMNS = (
    *("id", "task id", "key", "#", "タスクid", "任务id", "任務id", "task n°", "tâche n°"),
    "идентификатор",
)
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
    # a queue of themes of work ranked by priority: ``| 優先度 | テーマ | 次に達成する状態 |``
    "テーマ",
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
    "affectation": "dri",  # who a French sprint's task is given to
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


def _id_like(id_only: re.Pattern[str], word: str) -> bool:
    """Whether ``word`` is an ID, its hyphens perhaps written as the non-breaking hyphen
    (U+2011) a text editor or a chat assistant puts in ``T‑001``: the ID as written."""
    return id_only.fullmatch(word.replace("\u2011", "-")) is not None


def _first_cell(line: str, column: int | None) -> str:
    spans = split_row(line)
    if column is None or column >= len(spans):
        return ""
    a, b = spans[column]
    return line[a:b]


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
