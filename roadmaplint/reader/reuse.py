"""Read a text's block tokens by reusing those of a neighbouring version of it.

Two versions of a roadmap share most of their lines, and markdown-it's block
parser is nearly all of what reading one costs. The parser starts afresh at a
top-level ATX heading: no list, block quote, fence, paragraph or HTML block is
open across one. So the tokens of the lines from one such heading up to the
next (a *piece*) are the same in any document in which both headings read as
top-level headings, moved by the lines between their places.

A neighbour is cut into pieces at its top-level ATX headings (and the lines
before the first). The other text is read from its first line on: where the
lines of a neighbour's piece *and the heading line after it* stand there
unchanged, the piece's tokens are taken; everything else is tokenized here, a
run of changed lines at a time, each run together with the line after it,
which must read as a top-level heading for the run to end there (else the rest
of the text is tokenized in one go). By induction every piece and run starts
where the whole text's parse starts afresh, and the result is the token list of
the whole text. Why the heading line after a piece belongs to its key: whether
a list or quote at the piece's end takes that line in depends on the line (its
indentation); with the very same line after it, the piece ends where it ended
in the neighbour.

Link reference definitions are the one thing markdown-it keeps across blocks
(the first definition of a label wins), so a piece that might hold one (its
text has ``]:``) is never reused: the definitions come from the runs tokenized
here, merged in document order. The tokens are the neighbour's own objects,
moved in place: a neighbour is spent once read from.

An item reads only its own tokens and lines (``fields.read_item``), so an item
whose tokens were all taken from one piece, and that spans the same tokens as
an item of the neighbour, is that item moved (its section comes from this
text's outline), provided both texts are read with the same dialect and the
same link reference definitions and neither needed its stray lists repaired.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from itertools import pairwise

from roadmaplint.model import DoneCriterion, Item, Position, moved_field
from roadmaplint.reader.blocks import HeadingBlock, move_tokens, tokenize
from roadmaplint.reader.dialect import Dialect
from roadmaplint.record import field, record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from markdown_it.token import Token


@record(frozen=False, slots=False)
class _Piece:
    first: int  # 0-based line of its heading (0 for the lines before the first heading)
    end: int  # 0-based line after it: the next piece's heading, or the line count
    tokens: tuple[int, int]  # its slice of the neighbour's tokens
    heading: bool  # it starts with a top-level ATX heading (else it is the lines before one)
    moved: int = 0  # lines its tokens were moved by when first taken
    taken: bool = False


@record
class ReadItem:
    """An item as ``read_item`` read it from the tokens ``start`` up to ``end``."""

    start: int
    end: int
    item: Item
    bullets: Counter[str]  # the markers of its field lists, as read_item counted them


@record(frozen=False, slots=False)
class Neighbour:
    """One version's text and tokens, cut into pieces another version may reuse."""

    body: str
    starts: list[int]  # the offset of each line in ``body``, and len(body) last
    tokens: list[Token]
    items: Items  # its items by their first token (empty when they cannot be reused)
    pieces: dict[str, list[_Piece]] = field(default_factory=dict)  # by their first line
    spent: bool = False


@record(frozen=False, slots=False)
class Items:
    """The items one read found, and those of the neighbour it may take instead of reading."""

    dialect: Dialect
    references: dict[str, tuple[str, str]]  # label -> (url, title) of every definition
    found: dict[int, ReadItem] = field(default_factory=dict)  # by first token
    reusable: bool = True  # False: this read repaired stray lists; its tokens are not its items'
    taken: list[_Taken] = field(default_factory=list)  # the neighbour's pieces used here
    neighbour: Items | None = None

    def add(self, found: ReadItem) -> None:
        self.found[found.start] = found

    def earlier(self, start: int, end: int, section: str | None) -> ReadItem | None:
        """The neighbour's item that spans the same tokens as this one, moved here."""
        older = self.neighbour
        if older is None or not self.reusable or not older.reusable:
            return None
        if older.dialect != self.dialect or older.references != self.references:
            return None
        at = bisect_right(self.taken, start, key=lambda taken: taken.start) - 1
        if at < 0 or end > self.taken[at].end:
            return None
        taken = self.taken[at]
        theirs = start - taken.start + taken.source
        found = older.found.get(theirs)
        if found is None or found.end != end - taken.start + taken.source:
            return None
        return ReadItem(start, end, moved_item(found.item, taken.by, section), found.bullets)


@record
class _Taken:
    """Tokens ``start`` up to ``end`` are the neighbour's from ``source``, ``by`` lines on."""

    start: int
    end: int
    source: int
    by: int


def neighbour(
    body: str, lines: list[str], tokens: list[Token], headings: list[HeadingBlock], items: Items
) -> Neighbour:
    """``body``'s reading, for a neighbouring version: ``tokens`` are its markdown-it block
    tokens (as read, before any stray-list repair), ``headings`` its top-level headings
    and ``items`` the items read from them."""
    items.neighbour, items.taken = None, []  # keep one version back, no more
    found = Neighbour(body, _starts(lines), tokens, items)
    atx = [heading for heading in headings if tokens[heading.index].markup.startswith("#")]
    cuts = [(0, 0)]  # (line, token index)
    cuts += [(heading.line - 1, heading.index) for heading in atx if heading.line > 1]
    starts_with_heading = bool(atx) and atx[0].line == 1
    cuts.append((len(lines), len(tokens)))
    for (line, index), (end, end_index) in pairwise(cuts):
        if line >= end:
            continue  # the text starts with a heading: no lines before it
        text = body[found.starts[line] : found.starts[min(end + 1, len(lines))]]
        if "]:" in text:
            continue  # it might define a link reference: read it again where it is used
        piece = _Piece(line, end, (index, end_index), heading=line > 0 or starts_with_heading)
        found.pieces.setdefault(lines[line], []).append(piece)
    return found


def _starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def reuse_tokens(
    body: str, lines: list[str], source: Neighbour, taken: list[_Taken]
) -> tuple[list[Token], dict[str, Any]]:
    """The block tokens and env of ``body`` (``lines`` its lines), equal to
    ``tokenize(body)``, taking every piece of ``source`` that stands unchanged in it
    (and noting each in ``taken``)."""
    assert not source.spent, "a neighbour's tokens are moved when read from: read once"
    source.spent = True
    starts = _starts(lines)
    tokens: list[Token] = []
    references: dict[str, Any] = {}
    line = 0
    while line < len(lines):
        piece = _match(source, body, lines, starts, line)
        if piece is not None:
            moved = _taken(source, piece, line)
            by = line - piece.first
            taken.append(_Taken(len(tokens), len(tokens) + len(moved), piece.tokens[0], by))
            tokens += moved
            line += piece.end - piece.first
            continue
        after = line + 1
        while after < len(lines) and _match(source, body, lines, starts, after) is None:
            after += 1
        run = _tokenized_run(body, starts, line, after, len(lines))
        if run is None:  # the run does not end before that heading: read the rest in one go
            run = _tokenized_run(body, starts, line, len(lines), len(lines))
            assert run is not None
            after = len(lines)
        found, env = run
        tokens += found
        for label, value in (env.get("references") or {}).items():
            references.setdefault(label, value)
        line = after
    return tokens, {"references": references} if references else {}


def _match(
    source: Neighbour, body: str, lines: list[str], starts: list[int], line: int
) -> _Piece | None:
    """A piece of ``source`` whose lines, and the line after them, are ``body``'s from ``line``."""
    candidates = source.pieces.get(lines[line])
    if not candidates:
        return None
    for piece in sorted(candidates, key=lambda piece: piece.taken):
        if line and not piece.heading:
            continue  # only a heading starts afresh wherever it stands
        size = piece.end - piece.first
        last = line + size
        at_end = piece.end == len(source.starts) - 1
        if at_end != (last == len(lines)) or last > len(lines):
            continue
        stop = starts[last] if at_end else starts[min(last + 1, len(lines))]
        their_stop = source.starts[piece.end if at_end else piece.end + 1]
        their_start = source.starts[piece.first]
        if stop - starts[line] != their_stop - their_start:
            continue
        if body[starts[line] : stop] == source.body[their_start:their_stop]:
            return piece
    return None


def _taken(source: Neighbour, piece: _Piece, line: int) -> list[Token]:
    """The piece's tokens, moved to start on ``line``."""
    begin, end = piece.tokens
    found = source.tokens[begin:end]
    if piece.taken:  # the same lines twice: the first taking moved the objects, copy them
        found = [token.copy(map=list(token.map) if token.map else None) for token in found]
        by = line - piece.first - piece.moved
    else:
        piece.taken, piece.moved = True, line - piece.first
        by = piece.moved
    move_tokens(found, by)
    return found


def _tokenized_run(
    body: str, starts: list[int], line: int, after: int, count: int
) -> tuple[list[Token], dict[str, Any]] | None:
    """The tokens of lines ``line`` up to ``after`` (exclusive) read alone, moved to their
    place; None if the line ``after`` then does not read as a top-level ATX heading."""
    stop = starts[min(after + 1, count)]
    tokens, env = tokenize(body[starts[line] : stop])
    if after < count:
        if len(tokens) < 3 or not _heading_on(tokens[-3], after - line):
            return None
        del tokens[-3:]
    move_tokens(tokens, line)
    if line:
        for value in (env.get("references") or {}).values():
            value["map"] = [value["map"][0] + line, value["map"][1] + line]
    return tokens, env


def _heading_on(token: Token, line: int) -> bool:
    return (
        token.type == "heading_open"
        and token.level == 0
        and token.markup.startswith("#")
        and token.map == [line, line + 1]
    )


def moved_item(item: Item, by: int, section: str | None) -> Item:
    """``item`` ``by`` lines further down, in ``section``."""
    # Constructors, not dataclasses.replace: this runs for every item below an edit.
    if by == 0 and section == item.section:
        return item
    return Item(
        item.id,
        item.title,
        section,
        Position(item.position.line + by, item.position.column),
        item.end_line + by,
        tuple(moved_field(found, by) for found in item.fields),
        item.status,
        item.priority,
        item.dri,
        item.depends_on,
        item.external_deps,
        tuple(
            DoneCriterion(done.text, done.checked, done.line + by)
            for done in item.definition_of_done
        ),
        item.dependency_notes,
        item.restated,
        item.named_by_title,
    )
