"""The reader's entry points, where the rest of the code has always imported them.

The reader itself is the pipeline in ``roadmaplint/reader/``.
"""

from __future__ import annotations

from roadmaplint.reader import (
    BOM,
    DEFINITION_OF_DONE,
    DEPENDS_ON,
    Dialect,
    InlineText,
    ItemLines,
    normalize_key,
    parse,
    read_item_lines,
    split_dependencies,
    split_lines,
)

__all__ = [
    "BOM",
    "DEFINITION_OF_DONE",
    "DEPENDS_ON",
    "Dialect",
    "InlineText",
    "ItemLines",
    "normalize_key",
    "parse",
    "read_item_lines",
    "split_dependencies",
    "split_lines",
]
