"""When no item was read: what looked like one, and why it was not read.

Only run on a document with no items, so it may look at every line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from roadmaplint.model import NearMiss
from roadmaplint.reader.blocks import Blocks, HeadingBlock
from roadmaplint.reader.dialect import (
    ITEM_LEVELS,
    SEPARATORS,
    Dialect,
    field_names,
    match_item_heading,
    patterns,
)
from roadmaplint.reader.fields import field_start
from roadmaplint.reader.inline import InlineText
from roadmaplint.settings import describe_id_pattern

if TYPE_CHECKING:
    from markdown_it.token import Token

# `[anything] Title`, or a first word with a digit followed by a separator.
_BRACKETED = re.compile(r"\[([^\]\s]{1,40})\][ \t]*[—–:-]?[ \t]*\S")
_SEPARATED = re.compile(
    r"(?<![\w.#/-])([\w.#/-]{1,40})(?:"
    + "|".join(re.escape(sep) for sep in SEPARATORS)
    + r")[ \t]*\S"
)
_FIRST_WORD = re.compile(r"(?<!\S)([^\s\[\]]{1,40})[ \t]+\S")
_TABLE_ROW = re.compile(r"(?<![^\n])\s{0,3}\|?\s*\[?([^|\]\s]{1,40})\]?\s*\|")
_HEADING_LINE = re.compile(r"(?<![^\n])\s{0,3}#{2,6}[ \t]+(.*)")
MAX_PER_KIND = 1


def near_misses(
    blocks: Blocks, lines: list[str], dialect: Dialect, text: InlineText
) -> tuple[NearMiss, ...]:
    found: list[tuple[str, NearMiss]] = []
    id_only = patterns(dialect.id_pattern).id_only
    for heading in blocks.headings:
        found += _heading_miss(heading, text(heading.source), dialect, id_only, nested=False)
    for heading, _ in blocks.nested:
        found += _heading_miss(heading, text(heading.source), dialect, id_only, nested=True)
    found += [("code", miss) for miss in _code_misses(blocks.tokens, dialect)]
    found += [("table", miss) for miss in _table_misses(lines, id_only)]
    by_kind: dict[str, int] = {}
    kept: list[NearMiss] = []
    for kind, miss in sorted(found, key=lambda pair: pair[1].line):
        by_kind[kind] = by_kind.get(kind, 0) + 1
        if by_kind[kind] <= MAX_PER_KIND:
            kept.append(miss)
    return tuple(kept)


def _heading_miss(
    heading: HeadingBlock, plain: str, dialect: Dialect, id_only: re.Pattern[str], *, nested: bool
) -> list[tuple[str, NearMiss]]:
    line = heading.line
    levels = (dialect.item_level,) if dialect.item_level else ITEM_LEVELS
    matched = match_item_heading(plain, dialect)
    if matched is not None:
        if nested:
            reason = f'heading "{plain}" is inside a list or block quote, so it is no item'
            return [("nested", NearMiss(line, reason))]
        if heading.level not in levels:
            wanted = (
                f"item-heading-level is {dialect.item_level}"
                if dialect.item_level
                else "items are headings of level 2, 3 or 4"
            )
            return [
                (
                    "level",
                    NearMiss(line, f'heading "{plain}" is of level {heading.level}; {wanted}'),
                )
            ]
        return []
    candidate = _BRACKETED.match(plain) or _SEPARATED.match(plain)
    if candidate is not None and any(character.isdigit() for character in candidate[1]):
        word = candidate[1]
        reason = (
            f'heading "{plain}": its ID "{word}" does not match '
            f"{describe_id_pattern(dialect.id_pattern)}"
        )
        return [("pattern", NearMiss(line, reason))]
    first = _FIRST_WORD.match(plain)
    if first is not None and id_only.fullmatch(first[1]):
        reason = (
            f'heading "{plain}": no separator after the ID (write "[{first[1]}] Title" '
            f'or "{first[1]} — Title")'
        )
        return [("separator", NearMiss(line, reason))]
    return []


def _code_misses(tokens: list[Token], dialect: Dialect) -> list[NearMiss]:
    found: list[NearMiss] = []
    for token in tokens:
        if token.type not in ("fence", "code_block") or token.map is None:
            continue
        for offset, source in enumerate(token.content.splitlines()):
            heading = _HEADING_LINE.match(source)
            if (heading and match_item_heading(heading[1].strip(), dialect)) or (
                source.strip().startswith(("-", "*", "+", "**")) and _field_in(source, dialect)
            ):
                line = token.map[0] + 1 + offset + (1 if token.type == "fence" else 0)
                found.append(
                    NearMiss(line, "item headings or fields inside a code block are not read")
                )
                break
    return found


def _field_in(source: str, dialect: Dialect) -> bool:
    stripped = source.strip().lstrip("-*+ \t")
    start = field_start(stripped, field_names(dialect))
    return start is not None and dialect.is_known(start[0])


def _table_misses(lines: list[str], id_only: re.Pattern[str]) -> list[NearMiss]:
    for number, source in enumerate(lines, 1):
        row = _TABLE_ROW.match(source)
        if row is not None and "|" in source and id_only.fullmatch(row[1]):
            return [
                NearMiss(
                    number,
                    f"a table row names {row[1]}; items in tables are not read "
                    "(write each item as a heading)",
                )
            ]
    return []
