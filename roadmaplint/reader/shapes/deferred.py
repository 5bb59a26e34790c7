"""A backlog of deferred ideas written as tables with no Status column: ``# Backlog —
deferred`` (``# Backlog — отложенное``) over ``| Idea | Why deferred | Where |`` tables
under headings that say what they hold. The title says the state of everything the page
keeps, so each row is an item, titled by its first cell, its status the title's; a table
under a heading that names a state of its own (``## Rejected at the interview``) takes
that state. The table shape asks this module only where it read no table."""

from __future__ import annotations

from itertools import pairwise

from roadmaplint.model import Block, Field, Item, Position
from roadmaplint.reader.fields import heading_status
from roadmaplint.reader.legends import DELIMITER_ROW
from roadmaplint.reader.shapes import Document, ShapeRead
from roadmaplint.reader.shapes.common import Taken, make_item, reference_from_title
from roadmaplint.settings import common_meaning

# The states a page's title may give everything it keeps: put off, or kept as ideas.
_KEPT_FOR_LATER = ("idea",)
_ROWS = 2  # a page of one row is a note
_STATE_WORDS = 3  # a state said before a colon in a word or three: ``Closed more cheaply:``


def read_deferred_tables(document: Document) -> ShapeRead:
    """The rows of the tables of a page whose title says it keeps deferred work (each
    table's first column naming the work, none a Status column); nothing otherwise."""
    if document.with_ids_only:
        return ShapeRead()
    said = _title_state(document)
    if said is None:
        return ShapeRead()
    lines = document.lines
    items: list[Item] = []
    blocks: dict[int, tuple[Block, ...]] = {}
    taken = Taken()
    for at in document.top_level():
        token = document.tokens[at]
        if token.type != "paragraph_open" or token.map is None:
            continue  # the parser reads a table as a paragraph of rows
        start, end = token.map
        if "|" not in lines[start] or document.is_taken(start + 1):
            continue
        if document.in_example(start + 1):
            continue
        if end - start < 3 or DELIMITER_ROW.fullmatch(lines[start + 1].rstrip("\r\n")) is None:
            return ShapeRead()  # a paragraph of pipes that is no table: prose
        names = [lines[start][a:b].strip(" *_`") for a, b in _cell_spans(lines[start])]
        if len(names) < 2 or "status" in {document.dialect.key(name) for name in names}:
            return ShapeRead()  # a Status column says each row's state: the table shape's
        section = document.section_above(start + 1)
        state = _section_state(section) or said
        cut = [Block("table", start + 1, start + 2)]
        for row in range(start + 2, end):
            if "|" not in lines[row]:
                return ShapeRead()  # prose after the rows: no table of ideas alone
            spans = _cell_spans(lines[row])
            cell = lines[row][spans[0][0] : spans[0][1]] if spans else ""
            title = document.inline(cell.strip()).strip()
            if not title:
                continue
            here = Position(row + 1, spans[0][0] + 1)
            reference = reference_from_title(title, taken)
            taken.add(reference)
            notes = [lines[row][a:b] for a, b in spans[1:]]
            row_state = _row_state(notes) or state
            status = Field("Status", "status", row_state, here, here, here.line)
            items.append(
                make_item(reference, title, section, here, here.line, (status,), None, (), True)
            )
            cut.append(Block("table", row + 1, row + 1))
        blocks[start + 1] = tuple(cut)
    if len(items) < _ROWS:
        return ShapeRead()
    return ShapeRead(tuple(items), blocks)


def _cell_spans(line: str) -> list[tuple[int, int]]:
    """The spans of a row's cells between its pipes, the outer pipes off (a pipe escaped
    with a backslash is a cell's text)."""
    body = line.rstrip("\r\n")
    pipes = [at for at, char in enumerate(body) if char == "|" and body[at - 1 : at] != "\\"]
    bounds = [-1, *pipes, len(body)]
    spans = [(a + 1, b) for a, b in pairwise(bounds)]
    if body.strip().startswith("|") and spans:
        spans = spans[1:]
    if body.strip().endswith("|") and spans:
        spans = spans[:-1]
    return spans


def _title_state(document: Document) -> str | None:
    """The state the page's one title gives what it keeps, where it is deferred work
    (``Backlog — отложенное``, ``Deferred``); None otherwise."""
    headings = document.headings
    if not headings or headings[0].level != 1:
        return None
    if sum(1 for heading in headings if heading.level == 1) > 1:
        return None
    title = document.heading_texts()[0].strip()
    split = heading_status(title)
    if split is None and len(title.split()) > 1:
        return None  # ``Deferred Rendering``: a subject the state's word begins, no state
    said = split[1] if split is not None else title
    return said if common_meaning(said) in _KEPT_FOR_LATER else None


def _section_state(section: str | None) -> str | None:
    """The state a table's own heading names in its first words (``Rejected at the
    interview``), or None (``From the first concept``)."""
    return section if section and common_meaning(section) is not None else None


def _row_state(notes: list[str]) -> str | None:
    """The state a row's note says the idea came to, in a sentence that opens with it
    and a colon (``Proposed at the playtest. Closed more cheaply: a key table ...``):
    closed or done, where the page's title says it is put off; None otherwise."""
    for note in notes:
        for sentence in note.replace("**", "").split(". "):
            said, colon, _ = sentence.strip().partition(":")
            short = bool(colon) and len(said.split()) <= _STATE_WORDS
            if short and common_meaning(said) in ("closed", "done"):
                return said
    return None
