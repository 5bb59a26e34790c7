"""An item's edit as a plan of line changes (replacements, deletions, insertions)
applied in one pass, and where the item's heading line writes what follows its ID
(its title and a status closing it): what every writer of a heading item's lines
shares.

The lowest of the item editor's modules (``docs/architecture.md`` names them).
"""

from __future__ import annotations

import re

from roadmaplint.model import Item
from roadmaplint.record import field, record
from roadmaplint.text import LazyPattern

_LIST_LINE = LazyPattern(r"[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,9}[.)])[ \t]")


@record(frozen=False, slots=False)
class _Plan:
    """Line edits of one item: replacements and deletions by 0-based index, and insertions."""

    replace: dict[int, str | None] = field(default_factory=dict)
    insert: list[tuple[int, int, list[str]]] = field(default_factory=list)  # (index, rank, lines)
    under_heading: set[int] = field(default_factory=set)  # insertions right under a heading


_ATX = LazyPattern(r" {0,3}#{1,6}(?=[ \t]|$)[ \t]*")
# Heading marks written twice, joined to the heading's first word (reader/outline.py).
_DOUBLED_MARKS = LazyPattern(r"#{2,5}(?=[A-Za-z])")


def _planned_heading(
    plan: _Plan, lines: list[str], item: Item
) -> tuple[int, str, str, tuple[int, int]] | None:
    """The item's heading line as the plan writes it so far: its index, the line, the line
    without its ending, and where it writes what follows the ID (``_heading_text``); None
    where the line does not open with the ID."""
    index = item.position.line - 1
    line = plan.replace.get(index, lines[index]) or lines[index]
    body = line.rstrip("\r\n")
    located = _heading_text(body, item)
    return None if located is None else (index, line, body, located)


def _heading_text(body: str, item: Item) -> tuple[int, int] | None:
    """Where the item's heading line ``body`` writes what follows its ID (its title and
    any status closing it): from after the ID to before a closing ``#`` sequence; None
    where the line does not open with the ID (nor is named by its title)."""
    opener = _ATX.match(body)
    start = opener.end() if opener else len(body) - len(body.lstrip(" \t"))
    doubled = _DOUBLED_MARKS.match(body, start) if opener else None
    start = doubled.end() if doubled else start  # ``## ##TASK 8 - Title``: the marks twice
    # the ID alone, or closed by a full stop as a list numbers its entries (``### 2. Log
    # Rotation ✅``); a mark may stand between it and the title (``A1 ⬜ — Title``)
    escaped = re.escape(item.id)
    found = re.compile(rf"(?:\[{escaped}\]|{escaped}(?:\.(?=[ \t]))?(?![\w.-]))[ \t]*").match(
        body, start
    )
    if found is None and not item.named_by_title:
        return None
    # a heading named by its title writes no ID (``## Fix the invite bug — TODO``)
    at = found.end() if found is not None else start
    rest = body[at:]
    return at, at + (_closing_sequence(rest) if opener else len(rest.rstrip(" \t")))


def _closing_sequence(heading: str) -> int:
    """Where an ATX heading's text ends: before its closing ``#`` sequence, if any."""
    end = len(heading.rstrip(" \t"))
    hashes = len(heading[:end].rstrip("#"))
    if hashes < end and (hashes == 0 or heading[hashes - 1] in " \t"):
        end = len(heading[:hashes].rstrip(" \t"))
    return end


def _apply(lines: list[str], plan: _Plan, newline: str) -> str:
    """The lines with the plan's replacements, deletions and insertions, in one pass."""
    blocks: dict[int, list[tuple[int, int, list[str]]]] = {}
    for order, (index, rank, new_lines) in enumerate(plan.insert):
        blocks.setdefault(index, []).append((rank, order, new_lines))
    result: list[str] = []
    for index in range(len(lines) + 1):
        if index in blocks:
            block = [line for _, _, group in sorted(blocks[index]) for line in group]
            bare_end = bool(result) and not result[-1].endswith(("\n", "\r"))
            if bare_end:
                result[-1] += newline
            text = "".join(line + newline for line in block)
            if index in plan.under_heading:
                text = newline + text  # the fields of an item that had none
                if index < len(lines) and lines[index].strip():
                    text += newline
            if bare_end and index == len(lines):
                text = text[: -len(newline)]  # the file ended without one: so does it still
            result.append(text)
        if index < len(lines):
            replacement = plan.replace.get(index, lines[index])
            if replacement is not None:
                result.append(replacement)
    return "".join(result)
