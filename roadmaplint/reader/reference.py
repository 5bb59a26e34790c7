"""markdown-it-py, the reference block parser: built once, on first use.

Its own module so that the native parser (``reader/native.py``), which hands some
documents and link definitions to it, and ``reader/blocks.py``, which chooses between
the two, both import it without importing each other.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_parser: MarkdownIt | None = None


def markdown() -> MarkdownIt:
    """The block parser (inline rules off): markdown-it-py's CommonMark preset."""
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt

        _parser = MarkdownIt("commonmark").disable("inline")
    return _parser
