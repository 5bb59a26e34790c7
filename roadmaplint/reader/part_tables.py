"""A heading item's parts in tables under headings that name their kind.

A roadmap a tool generates may write each milestone as a heading item named by its
title (``### ✅ Entrega Parte 1 - Concluída (COMPLETED)``) and under it a heading per
kind of part, each over a table of them with a Status column::

    #### Releases
    | Versão | Nome | Status | Data Prevista | Data Release |
    | 0.5.0 | Versão 0.5 - Python + Base | ✨ RELEASED | 2025-11-01 | N/A |

    #### Issues
    | Key | Tipo | Título | Status | Labels |
    | .validacao_docs | atomicuserstory | Validação e Documentação | N/A | N/A |

Each row is an item after its milestone: named by its Key or ID cell where the table has
one, else by its title (the Title or Name cell), its status the Status cell (``N/A``,
not applicable, none). A table under a heading that names no kind of part (``####
Notes``), one without a Status column or a title, or one under an item that carries an
ID of its own (whose tables the table reader asks about) is no list of parts.
"""

from __future__ import annotations

from collections.abc import Sequence

from roadmaplint.model import Field, Item, Position
from roadmaplint.reader.shapes.common import Taken, make_item, reference_from_title
from roadmaplint.text import LazyPattern

# The kinds of part a heading names, in the plural (in Portuguese and Spanish too).
_KINDS = frozenset(
    (
        "releases",
        "issues",
        "tasks",
        "stories",
        "user stories",
        "features",
        "tickets",
        "tarefas",
        "tareas",
        "histórias",
        "historias",
        "entregas",
    )
)
_TITLE_COLUMNS = ("title", "título", "titulo", "titre", "name", "nome", "nombre", "summary")
_ID_COLUMNS = ("key", "id", "chave", "clave")
_STATUS_COLUMNS = ("status", "estado", "statut", "state")
# A cell that says the row has no such value: ``N/A``, ``-``, ``—``.
_NONE = frozenset(("", "n/a", "na", "-", "—", "–", "none"))
_HEADING = LazyPattern(r"[ \t]{0,3}(?P<marks>#{1,6})[ \t]++(?P<text>\S.*)")
_DELIMITER = LazyPattern(r"[ \t]*+\|?(?:[ \t]*+:?-{1,}+:?[ \t]*+\|)++[ \t]*+(?::?-++:?[ \t]*+)?")


def with_part_tables(items: Sequence[Item], lines: Sequence[str]) -> list[Item]:
    """``items`` with the rows of each title-named heading item's tables of parts read as
    items after it (see the module's docstring)."""
    read: list[Item] = []
    taken = Taken(item.id for item in items)
    for item in items:
        read.append(item)
        if item.named_by_title:
            read += _parts(item, lines, taken)
    return read


def _parts(item: Item, lines: Sequence[str], taken: Taken) -> list[Item]:
    start = item.position.line - 1
    heading = _HEADING.match(lines[start]) if start < len(lines) else None
    if heading is None:
        return []
    level = len(heading["marks"])
    found: list[Item] = []
    at = start + 1
    end = min(item.end_line, len(lines))
    while at < end:
        under = _HEADING.match(lines[at])
        at += 1
        if under is None or len(under["marks"]) <= level:
            continue
        if under["text"].rstrip().strip(" #").casefold() not in _KINDS:
            continue
        while at < end and not lines[at].strip():
            at += 1
        if at + 1 < end and "|" in lines[at] and _DELIMITER.fullmatch(lines[at + 1].rstrip()):
            found += _rows(item, lines, at, end, taken)
    return found


def _cells(line: str) -> list[str]:
    """A row's cells, split at each pipe no backslash escapes (``Log in \\| out`` is one
    cell, its pipe shown as written)."""
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    cells = [""]
    escaped = False
    for character in text:
        if character == "|" and not escaped:
            cells.append("")
            continue
        escaped = character == "\\" and not escaped
        cells[-1] += character
    return [cell.replace("\\|", "|").strip() for cell in cells]


def _column(names: list[str], wanted: tuple[str, ...]) -> int | None:
    for name in wanted:
        if name in names:
            return names.index(name)
    return None


def _rows(item: Item, lines: Sequence[str], header: int, end: int, taken: Taken) -> list[Item]:
    names = [name.casefold() for name in _cells(lines[header])]
    title_at, status_at = _column(names, _TITLE_COLUMNS), _column(names, _STATUS_COLUMNS)
    if title_at is None or status_at is None:
        return []
    id_at = _column(names, _ID_COLUMNS)
    found = []
    row = header + 2
    while row < end and "|" in lines[row]:
        # a row of fewer cells than its header leaves the rest empty, and one of more
        # drops the extra ones, as GitHub shows them
        cells = [*_cells(lines[row]), *[""] * len(names)][: len(names)]
        row += 1
        if not cells[title_at]:
            continue
        title, status = cells[title_at], cells[status_at]
        here = Position(row, 1)
        fields = []
        if status.casefold() not in _NONE:
            fields.append(Field("Status", "status", status, here, here, row))
        written = cells[id_at] if id_at is not None else ""
        by_title = written.casefold() in _NONE
        reference = reference_from_title(title, taken) if by_title else written
        taken.add(reference)
        found.append(make_item(reference, title, item.title, here, row, fields, None, (), by_title))
    return found
