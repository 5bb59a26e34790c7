"""Why a table, a checkbox list, front matter or a paragraph that looks like items was
not read as items: one sentence each, for RL109's near misses and ``check --explain``.

Each function looks at lines markdown-it has already cut into blocks and returns
``(line, reason)`` (with ``cites``, the other lines the reason names, as ``NearMiss``
holds them) or None when the block is no near miss (or was read).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from roadmaplint.reader.dialect import (
    DEPENDS_ON,
    Dialect,
    is_priority_group,
    match_item_heading,
    patterns,
)
from roadmaplint.text import LazyPattern

if TYPE_CHECKING:
    from collections.abc import Callable

    from markdown_it.token import Token

# `- [DONE] Title`: a status word in brackets where a box would be.
_WORDED_BOX = LazyPattern(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[([A-Za-z][\w -]{1,20})\][ \t]")
_FRONT_KEY = LazyPattern(r"([A-Za-z_][\w-]{0,40})[ \t]*:")
_TASK_KEYS = ("title", "status", "assignee", "priority", "dependencies", "labels")
FRONT_MATTER_LINES = 200  # front matter longer than this is no task's


def _columns(names: tuple[str, ...]) -> str:
    return '"| ' + " | ".join(names) + ' |"'


def table_miss(
    lines: list[str],
    start: int,
    end: int,
    dialect: Dialect,
    inline: Callable[[str], str],
    *,
    plain: bool = True,
) -> tuple[int, str] | None:
    """A table in lines ``start``..``end`` (0-based, end excluded) that is not a table of
    items: ``(1-based line, reason)`` for the first such table. With ``plain`` false, a
    table with neither an ID or title column nor a field column (``| Label | Focus |``,
    ``| Colonne | Type |``) is passed over: it says why a table was skipped, but comes
    no closer to items than any table does."""
    from roadmaplint.reader.shapes.table import (
        ANY_THING_TITLES,
        DEVELOPER_COLUMNS,
        FIELD_KEYS,
        ID_COLUMNS,
        TITLE_COLUMNS,
        column_key,
        is_delimiter,
        split_row,
        status_legend,
        template_rows,
    )

    id_only = patterns(dialect.id_pattern).id_only
    for header in range(start, end - 1):
        if "|" not in lines[header] or not is_delimiter(lines[header + 1]):
            continue
        text = lines[header]
        names = tuple(inline(text[a:b]).strip() for a, b in split_row(text))
        keys = {column_key(name, dialect) for name in names}
        rows = [row for row in range(header + 2, end) if "|" in lines[row]]
        named = keys & {*ID_COLUMNS, *TITLE_COLUMNS}
        # a column asked as a question (``| Who? |``, ``| Wer |``) owns the rows of a table
        # that titles them; alone it asks who does a process's step: no near miss
        fields = {
            column_key(name, dialect)
            for name in names
            if name.strip("*_` ").rstrip("?").casefold() not in _ASKED_OWNER
            and name.strip("*_` ").removesuffix("(s)").casefold() not in DEVELOPER_COLUMNS
        } & set(FIELD_KEYS)
        if not rows or (named and fields) or _not_of_work(names):
            continue
        if not named and fields == {DEPENDS_ON}:
            # ``| Término | Dependencia |``, ``| Tema | Esperando | Dependencia |``: what
            # each thing rests on or waits for, with no status nor owner: no work
            continue
        reported = not named and fields == {"status"} and len(names) == 2
        if reported and not _work_statuses(lines, rows, names, dialect, inline):
            continue  # ``| Area | Status |`` over ``On track``: how each part stands
        if _names_other_things(names):
            continue  # ``| Risk ID | Risk Title | Status |``: a register of risks, no work
        if names and column_key(names[0], dialect) in ("action", "actions"):
            continue  # ``| Action | Priority | Why |`` alone: a runbook's steps, no plan
        if _timetable(lines, rows, inline):
            continue  # ``| 00:00–02:00 | Write a chapter |``: a day's schedule, no items
        if _mark_matrix(lines, rows, inline):
            continue  # ``| Feature | Linux | macOS |`` over ``✅``/``❌``: what each supports
        named_columns = [at for at, name in enumerate(names) if column_key(name, dialect) in named]
        if _named_in_code(lines, rows, named_columns):
            continue  # ``| Area | Bug | Feature |`` over `` `aws:feature` ``: a guide's labels
        if _blank_rows(lines, rows, inline) or template_rows(lines, rows, names):
            continue  # ``| [Capability A] | ✅ |``, ``|  |  |  |``: a template's blank table
        if "status" in keys and _status_choices(lines, rows, names, dialect, inline):
            continue  # ``| Metric 1 | ... | 🟢/🟡/🔴 |``: a template offering every status
        if _test_cases(names) or status_legend(
            lines, rows, [column_key(name, dialect) for name in names]
        ):
            continue  # ``| Test ID | ... | Actual Output |``, ``| ⬜ | Not Started |``
        for row in rows:
            cells = split_row(lines[row])
            first = inline(lines[row][slice(*cells[0])]).strip("*`[] \t") if cells else ""
            if id_only.fullmatch(first) and not fields:
                return row + 1, (
                    f"a table row names {first}, but no column of its table {_columns(names)} "
                    "is read as Status, Priority, Owner or Depends on, so its rows are not items"
                )
        if not fields and _versions_of_things(lines, rows, inline):
            continue  # ``| Feature | Since |`` over ``| Parser | v1.0 |``: a README's versions
        if not fields and not plain and (not named or named <= ANY_THING_TITLES):
            # ``| Book | Title | Due Date |``: titles of any thing (not ``Task``), no field
            # and no row named by an ID come no closer to items than any table does
            continue
        if not named:
            return header + 1, (
                f"the table {_columns(names)} has no ID or title column (ID, Task ID, Key, #, "
                "Title, Task, Item, Story, Work), so its rows are not items"
            )
        return header + 1, (
            f"no column of the table {_columns(names)} is read as Status, Priority, Owner "
            "or Depends on, so its rows are not items"
        )
    return None


# A paragraph's first line that opens with its subject in bold and runs on into a sentence
# the line breaks off: ``**M2 — Memory Management** (2026-05-05 → 2026-05-06, four``.
_RUN_ON_LEAD = LazyPattern(r"(?:\*\*|__)[^*_\n]{1,120}(?:\*\*|__)[ \t]+\S.*[\w,]")


# A template's blank in a cell: ``[Capability A]``, ``{{owner}}``, ``<Name>``.
_BLANK_CELL = LazyPattern(r"\[[^\[\]]*\]|\{\{[^{}]*\}\}|<[A-Za-z][\w .-]{0,40}>")


def _work_statuses(
    lines: list[str],
    rows: list[int],
    names: tuple[str, ...],
    dialect: Dialect,
    inline: Callable[[str], str],
) -> bool:
    """Whether most cells of a table's Status column say a state of work (``todo``,
    ``done``): a plan's deliverables by a name the reader does not know, where a status
    report says how each part stands (``On track``, ``At risk``)."""
    from roadmaplint.settings import common_meaning

    cells = _status_cells(lines, rows, names, dialect, inline)
    return 2 * sum(common_meaning(cell) is not None for cell in cells) > len(rows)


def _status_choices(
    lines: list[str],
    rows: list[int],
    names: tuple[str, ...],
    dialect: Dialect,
    inline: Callable[[str], str],
) -> bool:
    """Whether every row of a table writes the same choice of statuses in its Status
    column (``🟢/🟡/🔴``, ``Open / Done``): a template that offers each status to pick
    from, whose rows are no work yet. A plan writes one status a row."""
    cells = _status_cells(lines, rows, names, dialect, inline)
    if any(len([part for part in cell.split("/") if part.strip()]) < 2 for cell in cells):
        return False
    return len(set(cells)) == 1


def _status_cells(
    lines: list[str],
    rows: list[int],
    names: tuple[str, ...],
    dialect: Dialect,
    inline: Callable[[str], str],
) -> list[str]:
    """The text of each row's Status cell, as shown (empty where the row is short)."""
    from roadmaplint.reader.shapes.table import column_key, split_row

    column = [column_key(name, dialect) for name in names].index("status")
    found = []
    for row in rows:
        cells = split_row(lines[row])
        found.append(
            inline(lines[row][slice(*cells[column])]).strip() if len(cells) > column else ""
        )
    return found


# The short names of what a row traces back to in another document: a requirement, an
# acceptance criterion, a reference (``| PRD Req |``, ``| PRD AC |``, ``| Spec Ref |``).
_TRACED = ("req", "reqs", "ac", "acs", "ref", "refs")


def _names_other_things(names: tuple[str, ...]) -> bool:
    """Whether a table names its rows by an ID or a title of a kind that is no unit of
    work (``| Risk ID | Risk Title |``, ``| Decision ID | ... |``), or by what each row
    traces back to in another document (``| PRD Req | Action |``, ``| PRD AC |``): a
    register of those things, which the reader does not take for items (``Story ID`` and
    ``Task Name`` it reads), so no near miss of a plan."""
    from roadmaplint.reader.shapes.table import WORK_UNITS

    for name in names:
        words = name.strip("*_` ").casefold().split()
        named = len(words) == 2 and words[1] in ("id", "title", "name")
        if named and words[0] not in WORK_UNITS and words[0] != "task":
            return True
        if words and (words[0] == "prd" or words[-1].rstrip(".") in _TRACED):
            return True  # ``| PRD Req | Action |``: what each row traces back to, no work
    return False


def _test_cases(names: tuple[str, ...]) -> bool:
    """Whether a table's columns are a test plan's cases: what each expects and what it
    gave (``| Test ID | Description | Exp O/P | Actual Output |``, ``| Step | Expected
    Result | Actual Result |``). Cases checked, no work."""
    words = [name.strip("*_` ").casefold() for name in names]
    return any(word.startswith("actual") for word in words) and any(
        word.startswith(("expected", "exp ", "exp.")) for word in words
    )


def _blank_rows(lines: list[str], rows: list[int], inline: Callable[[str], str]) -> bool:
    """Whether every row of a table leaves its first cell blank or holds a template's
    blank there (``| [Capability A] | ✅ | v1.0 |``, ``|  |  |  |``): a template's table,
    filled in where it is used, whose rows are no work yet."""
    from roadmaplint.reader.shapes.table import split_row

    for row in rows:
        cells = split_row(lines[row])
        first = lines[row][slice(*cells[0])].strip() if cells else ""
        if first and _BLANK_CELL.fullmatch(first) is None:
            return False
    return bool(rows)


# One mark a support matrix's cell holds: supported, partly, not, or not applicable.
_MATRIX_MARK = LazyPattern(
    "(?:\u2705|\u274c|\u2714|\u2713|\u2717|\u2718|\u2716|\U0001f6a7|\u26a0|\u2796|"
    "\U0001f7e2|\U0001f7e1|\U0001f534|\u2b55|-|\u2014|\u2013|n/a|N/A)\ufe0f?"
)


def _mark_matrix(lines: list[str], rows: list[int], inline: Callable[[str], str]) -> bool:
    """Whether a table has two or more columns after its first and every cell of them
    holds one mark or nothing (``| Sync | ✅ | 🚧 |``): a support matrix, what each
    thing does on each platform or in each edition, no work missing its status column."""
    from roadmaplint.reader.shapes.table import split_row

    widths = set()
    marked = False
    for row in rows:
        cells = split_row(lines[row])
        widths.add(len(cells))
        for a, b in cells[1:]:
            cell = inline(lines[row][a:b]).strip("*_` \t")
            if cell and _MATRIX_MARK.fullmatch(cell) is None:
                return False
            marked = marked or cell not in ("", "-", "\u2014", "\u2013", "n/a", "N/A")
    return marked and bool(widths) and min(widths) >= 3


# A cell that is one code span: a label, a flag or a key to type (`` `aws:bug` ``).
_CODE_CELL = LazyPattern(r"`[^`\n]{1,80}`")


def _named_in_code(lines: list[str], rows: list[int], columns: list[int]) -> bool:
    """Whether every cell of a table's ID and title columns is one code span (`` `aws:bug` ``
    under ``Bug``, `` `ui:feature` `` under ``Feature``): a guide's vocabulary of labels,
    flags or keys, each a name to type, no work that lost its status column."""
    from roadmaplint.reader.shapes.table import split_row

    if not columns or not rows:
        return False
    for row in rows:
        cells = split_row(lines[row])
        for column in columns:
            if column >= len(cells):
                return False
            if _CODE_CELL.fullmatch(lines[row][slice(*cells[column])].strip()) is None:
                return False
    return True


# A version a cell names: ``v1.0``, ``1.2.0``, ``2.x``, ``v3.0-beta``.
_VERSION_CELL = LazyPattern(
    r"[vV]?[0-9]{1,4}(?:\.(?:[0-9]{1,4}|[xX*])){1,3}(?:-[0-9A-Za-z.]{1,20})?\+?"
)


def _versions_of_things(lines: list[str], rows: list[int], inline: Callable[[str], str]) -> bool:
    """Whether every cell after a table's first column names a version or nothing (``|
    Parser | v1.0 |``, ``| Plugins | 2.x |``), one at least: the release each thing came
    in or comes in, a README's table of features, no work missing its status column."""
    from roadmaplint.reader.shapes.table import split_row

    versioned = False
    for row in rows:
        for a, b in split_row(lines[row])[1:]:
            cell = inline(lines[row][a:b]).strip("*_` \t")
            if cell in ("", "-", "\u2014", "\u2013", "n/a", "N/A"):
                continue
            if _VERSION_CELL.fullmatch(cell) is None:
                return False
            versioned = True
    return versioned


# The owner columns asked as a question: who does it (``Who?``, German ``Wer?``).
_ASKED_OWNER = ("who", "wer")


def _not_of_work(names: tuple[str, ...]) -> bool:
    """Whether a table's columns say its rows are no work: a table of keys and values
    (``| Key | Value |``, ``| Setting | Value |``), or the topics a meeting talked over
    (``| Topic | Status |``), each where it stands."""
    from roadmaplint.reader.shapes.table import SUM_COLUMNS, roster

    words = [name.strip("*_` ").casefold() for name in names]
    if len(words) == 2 and words[1] in _VALUE_COLUMNS:
        return True
    if len(words) == 2 and words[1] in _DESCRIPTION and words[0] not in _ID_LIKE:
        return True  # ``| Feature | Description |``: what each thing is
    if len(words) > 2 and words[-1] in ("meaning", "definition"):
        return True  # ``| Label | Priority | Meaning |``: a legend
    if roster(words):
        return True  # ``| # | Member | Role |``: a team's people, each with a role
    if any(word in _TEST_COLUMNS for word in words[1:]):
        # ``| Requirement ID | Test Case IDs | Status |``, ``| Data ID | ... | Test Cases |``:
        # a test plan's matrix of what the tests cover, no work
        return True
    if bool(words) and words[0] in _GLOSSARY_COLUMNS:
        return True  # ``| Term | Task | Description |``: a glossary, each word explained
    if any(word in SUM_COLUMNS for word in words):
        return True  # ``| Item | Description | Due Date | Amount |``: an invoice's lines
    if any(word in _CONTACT_COLUMNS for word in words):
        return True  # ``| Area | Owner | E-mail |``: who to ask, and how to reach them
    if any(word in _COMMIT_COLUMNS for word in words):
        return True  # ``| Task | Commit | Files Modified |``: a log of the commits made
    return bool(words) and words[0] in (*_TALK_COLUMNS, *_SUPPORT_COLUMNS, *_OFFERED_COLUMNS)


# A time of day or a span of them: ``09:00``, ``9h30``, ``00:00–02:00``, ``14.00 - 16.00``.
_TIME_OF_DAY = LazyPattern(
    r"[0-2]?[0-9][:.h][0-5][0-9]"
    r"(?:[ \t]{0,3}(?:[-–—~]|to|bis)[ \t]{0,3}[0-2]?[0-9][:.h][0-5][0-9])?"
)


def _timetable(lines: list[str], rows: list[int], inline: Callable[[str], str]) -> bool:
    """Whether every row of a table starts with a time of day: a timetable or a day's
    schedule, whose rows are the hours of a routine, not work to track."""
    from roadmaplint.reader.shapes.table import split_row

    for row in rows:
        cells = split_row(lines[row])
        first = inline(lines[row][slice(*cells[0])]).strip("*_` \t") if cells else ""
        if _TIME_OF_DAY.fullmatch(first) is None:
            return False
    return bool(rows)


# ``| Feature | Description |`` in English, Italian, Spanish, Portuguese, German, Korean,
# Chinese, Japanese and Russian (the languages whose task column titles a plan's rows)
_DESCRIPTION = (
    "description",
    "descrizione",
    "descripción",
    "descrição",
    "beschreibung",
    "설명",
    "描述",
    "说明",
    "説明",
    "описание",
)
_VALUE_COLUMNS = ("value", "values", "meaning", "default", "content")
# The column of a test plan's matrix that names the tests covering each row.
_TEST_COLUMNS = ("test case", "test cases", "test case ids", "test case id", "tests", "test ids")
# The first column of a glossary: the word it explains.
# In Japanese, Chinese and Korean too (``| 用語 | 状態 | 説明 |``), now their Status column
# is read as one.
_GLOSSARY_COLUMNS = (
    "term",
    "terms",
    "word",
    "concept",
    "acronym",
    "abbreviation",
    "用語",
    "术语",
    "術語",
    "용어",
)
# A column of a contact list: how to reach the person a row names.
# A column naming the commit each row was made in: a log of work done, no plan.
_COMMIT_COLUMNS = ("commit", "commits", "commit hash", "commit sha", "sha")
_CONTACT_COLUMNS = ("e-mail", "email", "mail", "phone", "contact", "slack", "telephone")
_TALK_COLUMNS = ("topic", "topics", "subject", "question", "agenda item", "discussion")
# What a program runs on (``| Platform | Status |``): a support matrix, no work.
_SUPPORT_COLUMNS = (
    "platform",
    "platforms",
    "os",
    "operating system",
    "browser",
    "browsers",
    "device",
    "devices",
    "runtime",
)
# What a program offers or is made of, each row in its state (``| Service | Status |`` on a
# status page, ``| Component | Status |``, ``| Version | Working |``, ``| Endpoint/Function |
# Status |``): no work.
_OFFERED_COLUMNS = (
    "service",
    "services",
    "component",
    "components",
    "module",
    "modules",
    "módulo",  # Portuguese, Spanish
    "módulos",
    "componente",
    "componentes",
    "package",
    "packages",
    "integration",
    "integrations",
    "version",
    "versions",
    "endpoint",
    "endpoints",
    "endpoint/function",
    "method",
    "route",
    "routes",
)
_ID_LIKE = ("id", "task id", "key", "#", "ticket", "issue")


Miss = tuple[int, str] | tuple[int, str, tuple[tuple[int, int], ...]]


def list_miss(tokens: list[Token], index: int, lines: list[str]) -> Miss | None:
    """A top-level list at ``tokens[index]`` that holds checkboxes but is not read as
    checkbox items."""
    from roadmaplint.reader.shapes.checkbox import BOX, STATUS_OF_BOX, marker_legend, template_box

    entries = []
    nested = None
    # By index, and the legend read only for a box it must explain: a copy of the rest
    # of the tokens and a scan of every line for each list made a check of a document
    # of 16,000 plain lists take 20 s.
    for position in range(index + 1, len(tokens)):
        token = tokens[position]
        if token.level == 0:
            break
        if token.type == "list_item_open" and token.map:
            if token.level == 1:
                entries.append(token.map[0])
            elif nested is None and _worded_box(lines[token.map[0]], BOX, template_box):
                nested = token.map[0]  # ``- [ ] Action item 1 - Owner: [Name]``: a template's
    boxes = [line for line in entries if BOX.match(lines[line])]
    worded = [line for line in entries if _WORDED_BOX.match(lines[line])]
    # One bracketed tag among plain bullets (``- [nice to have] allow ...``) marks an
    # idea; a list whose entries are mostly so marked was meant as boxes.
    said = _tagging_work(worded, lines)
    if said and not boxes and 2 * len(worded) >= len(entries):
        found = _WORDED_BOX.match(lines[said[0]])
        assert found is not None
        return said[0] + 1, (
            f'a list of "[{found[1]}]" items: a checkbox is "[ ]" or "[x]" (other one-character '
            "markers where a marker legend explains them), so they are not checkbox items"
        )
    explained: dict[str, str] | None = None
    for line in boxes:
        box = BOX.match(lines[line])
        assert box is not None
        if box["mark"] in STATUS_OF_BOX:
            continue
        if explained is None:
            explained = marker_legend(lines)
        if box["mark"] not in explained:
            return line + 1, (
                f'a checkbox marked "[{box["mark"]}]", which no marker legend explains, so its '
                "list is not read as items"
            )
    if boxes and len(boxes) < len(entries):
        plain = next(line for line in entries if line not in boxes)
        lead = "a list mixes checkboxes with plain items ("
        return (
            boxes[0] + 1,
            f"{lead}line {plain + 1}), so its boxes are not items: a list of items holds "
            "boxes only",
            ((len(lead), plain + 1),),
        )
    if nested is not None and not boxes:
        return nested + 1, (
            "checkboxes nested in a plain list are not items: only a top-level list of boxes is"
        )
    return None


def _worded_box(line: str, box_pattern: LazyPattern[str], template: Callable[[str], bool]) -> bool:
    """Whether a line is a box with work of its own, no template's stand-in for it."""
    box = box_pattern.match(line)
    return box is not None and not template(line[box.end() :].rstrip("\r\n"))


def _tagging_work(worded: list[int], lines: list[str]) -> list[int]:
    """The lines of ``worded`` whose bracketed word may say where the work stands
    (``[DONE]``, ``[later]``), where at least half do: a plan that writes words for
    boxes. A changelog's kinds of change (``[ADDED]``, ``[FIXED]``) and a README's
    maturity labels (``[STABLE] Linux``, ``[BETA] macOS``) say what a line is, not how
    far its work is, and a document of them is no broken plan. None otherwise."""
    said = [
        line
        for line in worded
        if (found := _WORDED_BOX.match(lines[line])) is not None
        and found[1].strip().casefold() not in _NO_WORK_TAGS
        and _ID_TAG.fullmatch(found[1].strip()) is None
        and _ONLY_BLANKS.fullmatch(lines[line]) is None
    ]
    return said if 2 * len(said) >= len(worded) else []


# A line of a template's blanks and nothing else: ``- [Name] - [Role] - [Reason]``, ``-
# [Name]``: who will be written there, no word saying where work stands.
_ONLY_BLANKS = LazyPattern(
    r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[^\[\]]{1,40}\]"
    r"(?:[ \t]*[-–—:,/|][ \t]*\[[^\[\]]{1,40}\])*[ \t]*\r?\n?"
)
# A tag that is an ID, letters and a number (``[GH-12]``, ``[API-1]``, ``[T7]``): no word
# written for a box. A plan that leads its bullets with IDs says it is one (its title, a
# heading that names a status) and is read; elsewhere such a list is a changelog's issue
# references, a glossary's terms or a reference list, and deserves no near miss.
_ID_TAG = LazyPattern(r"[A-Za-z]{1,15}[-_]?[0-9]{1,6}(?:\.[0-9]{1,4}){0,3}")
# Keep a Changelog's kinds of change, and the maturity labels of a feature or platform.
_NO_WORK_TAGS = frozenset(
    (
        "added", "changed", "deprecated", "removed", "fixed", "security", "breaking",
        "new", "improved", "internal", "docs", "stable", "beta", "alpha", "experimental",
        "preview", "unstable", "ga", "lts",
    )
)  # fmt: skip


def has_boxes(lines: list[str]) -> bool:
    from roadmaplint.reader.shapes.checkbox import BOX

    return any(BOX.match(line) for line in lines)


def front_matter_miss(lines: list[str]) -> tuple[int, str] | None:
    """YAML front matter like a task file's (title, status, ...): task files are read as
    a folder, never one by one."""
    if not lines or lines[0].rstrip("\r\n") != "---":
        return None
    keys: list[str] = []
    for line in lines[1:FRONT_MATTER_LINES]:
        if line.rstrip("\r\n") == "---":
            break
        key = _FRONT_KEY.match(line)
        if key is not None:
            keys.append(key[1].lower())
    else:
        return None
    task_keys = [key for key in _TASK_KEYS if key in keys]
    if "status" not in task_keys or not {"id", "title"} & set(keys):
        # a status with neither a title nor an id is a note's, no task's: a planning
        # STATE.md (``status: complete`` beside ``milestone:`` and ``progress:``)
        return None
    written = ", ".join(task_keys)
    if "id" not in keys:
        return 1, (
            f"the front matter ({written}) has no id: a task file (Backlog.md's) holds an id, "
            "and task files are read as a folder (backlog/tasks/), not one by one"
        )
    return 1, (
        f"the front matter (id, {written}) is one task file's: task files are read as a "
        "folder (backlog/tasks/ with backlog/config.yml), not one by one"
    )


def paragraph_miss(
    tokens: list[Token], index: int, dialect: Dialect, inline: Callable[[str], str]
) -> tuple[int, str] | None:
    """A top-level paragraph whose first line is written like an item heading."""
    paragraph, content = tokens[index], tokens[index + 1]
    if paragraph.map is None or content.type != "inline":
        return None
    first = content.content.split("\n", 1)[0]
    if first.lstrip().startswith("`"):
        # a value written as code (an API page's "`H256` - transaction hash"): a type
        # or a name the page documents, never an item's ID
        return None
    plain = inline(first).strip()
    found = match_item_heading(plain, dialect)
    if found is None or not found[1] or is_priority_group(found[0], dialect.priority_values):
        return None
    if "\n" in content.content and _RUN_ON_LEAD.fullmatch(first.strip()) is not None:
        # ``**M2 — Memory Management** (2026-05-05 → 2026-05-06, four`` over ``commits,
        # +1,814 LOC).``: prose wrapped at a width, its subject in bold, its first line
        # broken off mid-sentence; a heading written as a paragraph ends its line
        return None
    return paragraph.map[0] + 1, (
        f'the paragraph "{plain}" starts like an item, but items are headings: write "## {plain}"'
    )
