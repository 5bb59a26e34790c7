"""Items as table rows: a table whose header names an ID or a title column and at least
one field column (Status, Priority, Owner, Depends on and their aliases).

The reader's markdown is CommonMark, which has no tables: a table is a paragraph
whose second line is a delimiter row. Each row is an item; the heading above the
table is its section. The write side changes one cell, and re-pads an aligned
table so it stays aligned.

This module reads a plan's tables into items; which tables hold items, what stands around
them and a header's columns are read in the modules beside it, each importing only those
below it (``docs/architecture.md`` names them). The names other modules import from here
are re-exported.
"""

from __future__ import annotations

import re

from roadmaplint.model import Block, Field, Item, Position, Roadmap
from roadmaplint.reader import shapes
from roadmaplint.reader.dialect import Dialect, match_item_heading, patterns
from roadmaplint.reader.shapes import Document, ShapeRead, line_of
from roadmaplint.reader.shapes.common import (
    Taken,
    make_item,
    priority_of_section,
    reference_from_title,
    status_of_section,
    titled_a_status_report,
)
from roadmaplint.reader.shapes.table_boards import (
    _a_log_beside_items,
    _a_status_alone,
    _blocking,
    _group_rows,
    _grouped_under_status,
    _in_priority_band,
    _is_later,
    _merged,
    _moved_along,
    _names_an_item,
    _numbered_again,
    _prose_cells,
    _release_history,
    _rows_to_fill,
    _status_heading,
    _status_legend,
    _with_blocking,
    _with_heading_states,
    _with_prose_waits,
    _with_row_references,
    horizon_status,
)
from roadmaplint.reader.shapes.table_boards import closed_heading as closed_heading
from roadmaplint.reader.shapes.table_boards import status_legend as status_legend
from roadmaplint.reader.shapes.table_boards import template_rows as template_rows
from roadmaplint.reader.shapes.table_columns import DEVELOPER_COLUMNS as DEVELOPER_COLUMNS
from roadmaplint.reader.shapes.table_columns import FIELD_KEYS as FIELD_KEYS
from roadmaplint.reader.shapes.table_columns import ID_COLUMNS as ID_COLUMNS
from roadmaplint.reader.shapes.table_columns import TITLE_COLUMNS as TITLE_COLUMNS
from roadmaplint.reader.shapes.table_columns import WORK_UNITS as WORK_UNITS
from roadmaplint.reader.shapes.table_columns import Table, _cell_mark, _id_of
from roadmaplint.reader.shapes.table_columns import column_key as column_key
from roadmaplint.reader.shapes.table_columns import is_delimiter as is_delimiter
from roadmaplint.reader.shapes.table_columns import letters_header as letters_header
from roadmaplint.reader.shapes.table_columns import roster as roster
from roadmaplint.reader.shapes.table_columns import split_row as split_row
from roadmaplint.reader.shapes.table_kinds import (
    _BRACKETED,
    _CODE_LED_CELL,
    _CODED_CELL,
    _NAMED_CELL,
    _NUMBERED_CELL,
    _WHOSE,
    _action_rows,
    _actions_without_plan,
    _bracketed_status,
    _claim_owner,
    _done_column,
    _stages_alone,
    _titles_without_plan,
    code_led_rows,
)
from roadmaplint.reader.shapes.table_kinds import ANY_THING_TITLES as ANY_THING_TITLES
from roadmaplint.reader.shapes.table_kinds import STATE_MARK as STATE_MARK
from roadmaplint.reader.shapes.table_kinds import SUM_COLUMNS as SUM_COLUMNS
from roadmaplint.reader.shapes.table_kinds import find_tables as find_tables
from roadmaplint.reader.shapes.table_kinds import holds_table_items as holds_table_items
from roadmaplint.settings import common_meaning
from roadmaplint.text import LazyPattern


def _maps_to_phases(table: Table) -> bool:
    """Whether a table maps its rows to phases (a ``Phase`` column beside its IDs): a
    planning roadmap's requirement coverage, whose phases are the document's headings."""
    return any(
        column.strip().lower() in ("phase", "phases")
        for at, column in enumerate(table.columns)
        if at != table.id_column
    )


# A row's IDs written as a range, of an archive that keeps finished work short:
# ``F-020–024``, ``B-001–B-004`` (the dash between them an en dash, a hyphen or ``..``).
_ID_RANGE = LazyPattern(r"(?P<first>\S+?)(?:–|—|\.\.|-(?=[A-Za-z]))(?P<last>[A-Za-z]*-?[0-9]+)")


def _an_id_or_range(id_only: re.Pattern[str], written: str) -> bool:
    """Whether a row's ID is one as the plan writes them, or a range from one (``F-020–024``)
    to another of the same kind (``B-001–B-004``) or to a number: finished work kept as one row."""
    if id_only.fullmatch(written):
        return True
    found = _ID_RANGE.fullmatch(written)
    if found is None or not id_only.fullmatch(found["first"]):
        return False
    last = found["last"]
    return last.isdigit() or id_only.fullmatch(last) is not None


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
                and not all(_an_id_or_range(id_only, item.id) for item in read)
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
            or horizon_status(document, above)
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


class TableRows:
    """The table-rows shape (see the module docstring)."""

    name = shapes.TABLE_ROWS

    def read(self, document: Document) -> ShapeRead:
        return read_tables(document)

    def owns(self, roadmap: Roadmap, item: Item) -> bool:
        text = line_of(roadmap.source, item.position.line).strip()
        return "|" in text and not text.startswith(("#", "-", "*", "+"))


TABLE_ROWS = TableRows()
