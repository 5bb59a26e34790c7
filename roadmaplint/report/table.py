"""Rows as plain text: left-aligned columns, for the commands that print tables."""

from __future__ import annotations

from collections.abc import Sequence

from roadmaplint.text import shown


def table(rows: Sequence[Sequence[str]]) -> str:
    """Left-aligned columns, two spaces apart, no trailing spaces; a control character
    in a cell (a file named with a line break) is shown escaped, so each row is a line."""
    if not rows:
        return ""
    rows = [[shown(cell) for cell in row] for row in rows]
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return "".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        + "\n"
        for row in rows
    )


def markdown_cell(text: str) -> str:
    """``text`` as one cell of a markdown table (the diff and history reports): its
    backslashes and pipes escaped, a line break a space, any other control shown escaped."""
    return shown(text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " "))
