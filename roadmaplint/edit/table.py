"""Writing table rows: ``set`` changes one cell, ``new`` adds a row in the table's style,
``rename`` changes the ID cell and the Depends-on cells that name it.

An aligned table (every cell padded to its column's width) is re-padded after the
change so it stays aligned; any other table keeps every byte but the cell's.
"""

from __future__ import annotations

from collections.abc import Sequence

from roadmaplint.edit.base import FieldChange, ItemEdit, NewItem, read_back, validate_changes
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item, Roadmap
from roadmaplint.reader.dialect import DEPENDS_ON, PRIORITY_WORDS, Dialect
from roadmaplint.reader.shapes.table import (
    STATE_MARK,
    TITLE_COLUMNS,
    URGENCY_NOTE,
    column_key,
    is_delimiter,
    letters_header,
    split_row,
)
from roadmaplint.record import record
from roadmaplint.settings import Settings, status_meaning
from roadmaplint.text import split_lines
from roadmaplint.write.proof import Targets, prove_edit


@record(frozen=False, slots=False)
class Grid:
    """A table's lines as cells (0-based line numbers of the document)."""

    header: int
    rows: list[int]
    cells: dict[int, list[str]]  # line -> each cell's text, stripped
    keys: list[str]


def grid_of(lines: list[str], row: int, dialect: Dialect) -> Grid:
    """The table holding the 0-based line ``row``."""
    delimiter = row
    while delimiter > 0 and not is_delimiter(lines[delimiter]):
        delimiter -= 1
    header = delimiter - 1
    rows = []
    line = delimiter + 1
    while line < len(lines) and "|" in lines[line] and lines[line].strip():
        rows.append(line)
        line += 1
    cells = {
        at: [lines[at][a:b].strip() for a, b in split_row(lines[at])]
        for at in (header, delimiter, *rows)
    }
    # a sheet pasted from a spreadsheet names its columns in its first row, under a header
    # of column letters (``| A | B | C |``): the reader's view of the same table
    names = rows[0] if rows and letters_header(lines[header]) else header
    keys = [column_key(name, dialect) for name in cells[names]]
    return Grid(header, rows, cells, keys)


def _column(grid: Grid, key: str, what: str, path: str, line: int) -> int:
    if key in grid.keys:
        return grid.keys.index(key)
    columns = ", ".join(grid.cells[grid.header])
    raise RoadmapError(
        f"{path}:{grid.header + 1}: the table has no {what} column (its columns: {columns}); "
        "add the column by hand first"
    )


def render_row(cells: list[str], widths: list[int], indent: str, delimiter: bool) -> str:
    if delimiter:
        parts = []
        for cell, width in zip(cells, widths, strict=False):
            left, right = cell.startswith(":"), cell.endswith(":") and len(cell) > 1
            dashes = "-" * (width - left - right)
            parts.append((":" if left else "") + dashes + (":" if right else ""))
        return indent + "| " + " | ".join(parts) + " |"
    padded = [cell.ljust(width) for cell, width in zip(cells, widths, strict=False)]
    return indent + "| " + " | ".join(padded) + " |"


def render(grid: Grid, lines: list[str], floor: list[int] | None = None) -> dict[int, str] | None:
    """Every line of the table written aligned, each column at least ``floor`` wide, or
    None when the cells do not fit."""
    order = [grid.header, grid.header + 1, *grid.rows]
    columns = len(grid.cells[grid.header])
    if any(len(grid.cells[at]) != columns for at in order):
        return None
    floor = floor or [0] * columns
    widths = [
        max(max(len(grid.cells[at][c]) for at in order if at != grid.header + 1), 3, floor[c])
        for c in range(columns)
    ]
    indent = lines[grid.header][: len(lines[grid.header]) - len(lines[grid.header].lstrip())]
    return {at: render_row(grid.cells[at], widths, indent, at == grid.header + 1) for at in order}


def padded_widths(grid: Grid, lines: list[str]) -> list[int] | None:
    """Each column's width as the table pads it, when every line of the table is padded
    to the same widths (an aligned table, maybe wider than its cells); else None."""
    spans = split_row(lines[grid.header])
    widths = [end - start - 2 for start, end in spans]
    rendered = render(grid, lines, widths)
    if rendered is None or any(rendered[at] != lines[at].rstrip("\r\n") for at in rendered):
        return None
    return widths


def _ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :]


def replace_cells(lines: list[str], grid: Grid, changed: dict[tuple[int, int], str]) -> list[str]:
    """The lines with cells changed: re-padded when the table was aligned, else in place."""
    widths = padded_widths(grid, lines)
    for (at, column), value in changed.items():
        grid.cells[at][column] = value
    new = list(lines)
    after = render(grid, lines, widths) if widths is not None else None
    if after is not None:
        for at, text in after.items():
            new[at] = text + _ending(lines[at])
        return new
    for (at, column), value in sorted(changed.items(), reverse=True):
        a, b = split_row(new[at])[column]
        written = new[at][a:b]
        lead = written[: len(written) - len(written.lstrip())] or " "
        tail = written[len(written.rstrip()) :] or " "
        new[at] = new[at][:a] + lead + value + tail + new[at][b:]
    return new


def _dependencies(
    written: str, add: tuple[str, ...], remove: tuple[str, ...], depends_on: tuple[str, ...]
) -> str:
    entries = [part.strip() for part in written.split(",") if part.strip()]
    entries = [e for e in entries if e.lower() not in ("none", "-", "—", "n/a")]
    bare = {e.strip("*`#[]").split("]")[0]: e for e in entries}
    missing = [reference for reference in remove if reference not in bare]
    ranges = [entry for key, entry in bare.items() if key not in depends_on]
    ranged = [reference for reference in missing if reference in depends_on]
    if ranged and ranges:
        # ``T033-T036`` names T035: taking it out would split the range
        raise RoadmapError(
            f"depends on {', '.join(ranged)} by the range {', '.join(ranges)}; nothing "
            "written: edit the range by hand"
        )
    if missing:
        raise RoadmapError(f"does not depend on {', '.join(missing)}")
    kept = [e for key, e in bare.items() if key not in remove]
    kept += [reference for reference in add if reference not in bare]
    return ", ".join(kept) if kept else ""


def edit_row(roadmap: Roadmap, item: Item, edit: ItemEdit, settings: Settings) -> str:
    if edit.tick or edit.untick:
        raise RoadmapError(
            f"{roadmap.path}:{item.position.line}: a table row has no Definition of Done to tick"
        )
    dialect = Dialect.from_settings(settings)
    lines = split_lines(roadmap.source)
    row = item.position.line - 1
    grid = grid_of(lines, row, dialect)
    changed: dict[tuple[int, int], str] = {}
    changes = list(edit.fields)
    written: list[FieldChange] = []  # what each cell reads back as
    for change in edit.fields:
        key = dialect.key(change.name)
        column = _column(grid, key, change.name, roadmap.path, row)
        value = _marked_as_its_column(grid, row, column, key, change.value)
        changed[(row, column)] = value + _urgency(grid, row, column, key)
        written.append(FieldChange(change.name, changed[(row, column)]))
    # a dependency a range already names (``E-01 through E-03``) is no dependency to add
    add = tuple(reference for reference in edit.add_deps if reference not in item.depends_on)
    if add or edit.remove_deps:
        column = _column(grid, DEPENDS_ON, "Depends on", roadmap.path, row)
        try:
            value = _dependencies(grid.cells[row][column], add, edit.remove_deps, item.depends_on)
        except RoadmapError as error:
            raise RoadmapError(f"{roadmap.path}:{item.position.line}: {item.id} {error}") from None
        changed[(row, column)] = value
        changes.append(FieldChange("Depends on", value))
        written.append(changes[-1])
    if edit.title is not None:
        title_column = _title_column(grid.keys)
        if title_column is not None:
            changed[(row, title_column)] = edit.title.strip()
        else:
            raise RoadmapError(f"{roadmap.path}:{grid.header + 1}: the table has no title column")
    for cell in changed.values():
        _refuse_pipe(cell, roadmap.path, item.position.line)
    validate_changes(roadmap, item, changes, settings)  # its refusals name the row's line
    new_text = "".join(replace_cells(lines, grid, changed))
    if new_text == roadmap.source:
        return new_text
    renamed = _renamed_by_title(roadmap, item, new_text, grid, settings)
    after = prove_table_edit(roadmap, new_text, grid, {item.id}, settings, renamed=renamed)
    edited = next(i for i in after.items if i.id == renamed.get(item.id, item.id))
    read_back(roadmap, edited, written, edit.title)
    return new_text


def _marked_as_its_column(grid: Grid, row: int | None, column: int, key: str, value: str) -> str:
    """A status written as the table's other rows write theirs: where each marks its
    state before its words (a status report's ``✅ Working``, ``🚧 Needs Implementation``),
    the words given after the mark a row of the same meaning writes (``done`` under
    ``✅ Working`` is ``✅ done``), as a row without one is no row of the report. A value
    with a mark of its own, or no row of its meaning to take one from, is as given."""
    if key != "status" or STATE_MARK.match(value.strip()) is not None:
        return value
    cells = [
        grid.cells[at][column] for at in grid.rows if at != row and column < len(grid.cells[at])
    ]
    if not cells or not all(STATE_MARK.match(cell) for cell in cells):
        return value
    meaning = status_meaning(value)
    marked = next((cell for cell in cells if meaning and status_meaning(cell) == meaning), None)
    if marked is None:
        # unmarked, the row would be no row of the report: the table would end above it
        column_cells = [grid.cells[at][column] for at in grid.rows if column < len(grid.cells[at])]
        marks = " ".join(dict.fromkeys(cell.split()[0] for cell in column_cells if cell.split()))
        mark = _SUGGESTED_MARK.get(meaning or "")
        shown = f"--status '{mark} {value.strip()}'" if mark else "a mark before its words"
        raise RoadmapError(
            f"each row of the table marks its status ({marks}) and none means "
            f"{value.strip()!r} to take the mark from; nothing written: give the status with "
            f"its mark ({shown})"
        )
    return f"{marked.split()[0]} {value.strip()}"


# The mark suggested for a status no row of a marked table writes: one the reader takes.
_SUGGESTED_MARK = {
    "done": "✅",
    "in_progress": "🔄",
    "todo": "⏳",
    "ready": "⏳",
    "blocked": "🔴",
    "closed": "❌",
}


def _urgency(grid: Grid, row: int, column: int, key: str) -> str:
    """What a status cell writes after its status that gives the row its priority, where
    no column does (`` — CRITICAL`` of ``PENDING — CRITICAL``): kept after a new status."""
    if key != "status" or "priority" in grid.keys:
        return ""
    cell = grid.cells[row][column].strip()
    found = URGENCY_NOTE.search(cell)
    return cell[found.start() :] if found is not None else ""


def _renamed_by_title(
    roadmap: Roadmap, item: Item, new_text: str, grid: Grid, settings: Settings
) -> dict[str, str]:
    """A row without an ID is named by its title: a new title is a new reference."""
    if any(key in grid.keys for key in _IDS):
        return {}
    from roadmaplint.reader import parse

    now = parse(new_text, roadmap.path, settings=settings)
    found = next((i for i in now.items if i.position.line == item.position.line), None)
    return {item.id: found.id} if found is not None and found.id != item.id else {}


def prove_table_edit(
    roadmap: Roadmap,
    new_text: str,
    grid: Grid,
    targets: set[str],
    settings: Settings,
    new_ids: bool = False,
    renamed: dict[str, str] | None = None,
) -> Roadmap:
    """The records after the edit, through the gate: when re-padding touched other rows,
    those rows are targets of the gate too, and their records must read back exactly as
    before; ``renamed`` rows (a title that names a row without an ID) read back renamed."""
    renamed = renamed or {}
    targets = targets | set(renamed.values())
    old_lines = split_lines(roadmap.source)
    new_lines = split_lines(new_text)
    touched = {
        at + 1
        for at in range(min(len(old_lines), len(new_lines)))
        if old_lines[at] != new_lines[at]
    }
    others = {i.id for i in roadmap.items if i.position.line in touched} - targets
    header = frozenset({grid.header + 1}) if grid.header + 1 in touched else frozenset()
    allowed = frozenset(targets | others)
    after = prove_edit(roadmap, new_text, Targets(items=allowed, blocks=header), settings)
    kept = [i for i in after.items if not new_ids or i.id not in targets]
    if [renamed.get(i.id, i.id) for i in roadmap.items] != [i.id for i in kept]:
        raise RoadmapError(f"{roadmap.path}: refusing to write: the edit reached other items")
    for was, now in zip(roadmap.items, kept, strict=True):
        if was.id in others and _meaning(was) != _meaning(now):
            raise RoadmapError(
                f"{roadmap.path}:{was.position.line}: refusing to write: "
                f"re-padding the table changed {was.id}"
            )
    return after


def _meaning(item: Item) -> tuple[object, ...]:
    return (item.id, item.title, tuple((found.name, found.value) for found in item.fields))


def new_row(roadmap: Roadmap, request: NewItem, settings: Settings) -> tuple[str, str] | None:
    """A row after the last row of the section's table, written in the table's style."""
    from roadmaplint.edit.base import check_one_line, next_id

    # the title is one non-empty line: edit/shapes.py refused any other
    section = request.section.strip()
    members = [item for item in roadmap.items if item.section == section]
    dialect = Dialect.from_settings(settings)
    lines = split_lines(roadmap.source)
    grid = grid_of(lines, members[-1].position.line - 1, dialect)
    ids = {item.id: item for item in roadmap.items}
    rank = _next_rank(grid, members)
    if rank is not None and request.item_id:
        raise RoadmapError(
            f"{roadmap.path}:{grid.header + 1}: the table ranks its rows in its # column and "
            "names them by their titles, so --id has no cell to go in"
        )
    if any(key in grid.keys for key in _IDS) and rank is None:
        item_id = request.item_id or next_id(roadmap, section, ids)
    elif request.item_id:
        raise RoadmapError(
            f"{roadmap.path}:{grid.header + 1}: the table has no ID column; its rows are "
            "named by their titles, so --id has no cell to go in"
        )
    else:
        from roadmaplint.reader.inline import plain_text
        from roadmaplint.reader.shapes.common import reference_from_title

        item_id = reference_from_title(plain_text(request.title.strip()), set(ids))
    if item_id in ids:
        raise RoadmapError(f"{roadmap.path}: {item_id} already exists; choose an ID no item has")
    cells = [""] * len(grid.keys)
    title_column = _title_column(grid.keys)
    if "id" not in grid.keys and title_column is None:
        return None
    for key in _IDS:
        if key in grid.keys:
            cells[grid.keys.index(key)] = item_id if rank is None else rank
            break
    if title_column is not None:
        cells[title_column] = request.title.strip()
    for change in (*request.fields, *_habit(roadmap, settings, request, grid.keys, dialect)):
        check_one_line(change.value, change.name)
        key = dialect.key(change.name)
        column = _column(grid, key, change.name, roadmap.path, grid.header)
        cells[column] = _marked_as_its_column(grid, None, column, key, change.value)
    for cell in cells:
        _refuse_pipe(cell, roadmap.path, grid.rows[-1] + 2)
    last = grid.rows[-1]
    # the last row ends the file without a newline: so does the new row after it
    ending = _ending(lines[last])
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    lines = [*lines[: last + 1], "", *lines[last + 1 :]]
    if not ending:
        lines[last] += roadmap.style.newline
    at = last + 1
    lines[at] = indent + "| " + " | ".join(cells) + " |" + ending
    grid.rows.append(at)
    grid.cells[at] = list(cells)
    widths = padded_widths(_without_row(grid, at), lines)
    aligned = render(grid, lines, widths) if widths is not None else None
    if aligned is not None:
        for row, text in aligned.items():
            lines[row] = text + _ending(lines[row])
    new_text = "".join(lines)
    prove_table_edit(roadmap, new_text, grid, {item_id}, settings, new_ids=True)
    return new_text, item_id


def _next_rank(grid: Grid, members: Sequence[Item]) -> str | None:
    """The rank a new row takes in a table that ranks its rows in a ``#`` column and is
    read by their titles (a ranked backlog's band, numbering its rows from 1 again): one
    past the table's last; None for another table."""
    if "#" not in grid.keys or not members or not all(item.named_by_title for item in members):
        return None
    column = grid.keys.index("#")
    ranks = [grid.cells[row][column].strip() for row in grid.rows if column < len(grid.cells[row])]
    if not ranks or not all(rank.isdigit() for rank in ranks):
        return None
    return str(max(int(rank) for rank in ranks) + 1)


def _refuse_pipe(cell: str, path: str, line: int) -> None:
    """A pipe would end the cell: the row would read back with other cells."""
    if "|" in cell.replace("\\|", ""):
        raise RoadmapError(f"{path}:{line}: a cell cannot hold an unescaped |; write it as \\|")


def _without_row(grid: Grid, row: int) -> Grid:
    cells = {at: list(value) for at, value in grid.cells.items() if at != row}
    return Grid(grid.header, [at for at in grid.rows if at != row], cells, grid.keys)


_TITLES = ("title", "task", "item", "story", "work")
_IDS = ("id", "task id", "key", "#")


def _title_column(keys: Sequence[str]) -> int | None:
    """The column a row's title is written in: the first of ``_TITLES``, else the first
    column the reader takes for titles (``Tâche``, ``Tarea``, ``Aufgabe``)."""
    found = next((keys.index(key) for key in _TITLES if key in keys), None)
    if found is None:
        found = next((at for at, key in enumerate(keys) if key in TITLE_COLUMNS), None)
    return found


def _habit(
    roadmap: Roadmap,
    settings: Settings,
    request: NewItem,
    columns: Sequence[str],
    dialect: Dialect,
) -> list[FieldChange]:
    """The cells a new row fills where the request names none and the document requires
    them by its habit (a Status, Priority or Owner on nearly every row): a not-started
    status it already writes, its lowest priority, nobody where it writes nobody. A row
    added with those cells empty failed RL103 three times at once."""
    from roadmaplint.reader.quiet import document_settings, document_statuses

    given = {dialect.key(change.name) for change in request.fields}
    required = document_settings(roadmap, settings).required_fields
    statuses = document_statuses(roadmap, settings)
    items = roadmap.items
    found: list[FieldChange] = []
    for name in required:
        key = dialect.key(name)
        if key in given or key not in columns:
            continue
        value = None
        if key == "status":
            for meaning in (statuses.is_ready, statuses.is_idea, statuses.is_queued):
                value = next((i.status for i in items if i.status and meaning(i.status)), None)
                if value is not None:
                    break
        elif key == "priority":
            value = _lowest_priority(roadmap)
        elif key == "dri":
            # nobody, as the document writes nobody; else the cell stays for a name
            value = next((i.dri for i in items if i.dri and settings.is_unassigned(i.dri)), None)
        if value is not None:
            found.append(FieldChange(name, value))
    return found


def _lowest_priority(roadmap: Roadmap) -> str | None:
    """The lowest priority the document writes: its legend's last, the highest ``Pn``, or
    the lowest of the common words (``High``, ``Medium``, ``Low``)."""
    if roadmap.priority_legend is not None and roadmap.priority_legend.values:
        return roadmap.priority_legend.values[-1]
    written = [item.priority for item in roadmap.items if item.priority]
    numbered = [p for p in written if len(p) == 2 and p[0] in "Pp" and p[1].isdigit()]
    if numbered:
        return max(numbered, key=lambda p: p[1])
    worded = [p for p in written if p.strip().lower() in PRIORITY_WORDS]
    if worded:
        return max(worded, key=lambda p: PRIORITY_WORDS.index(p.strip().lower()))
    return None
