"""Applying the client's edits to the open text at offsets the server already knows.

pygls applies an incremental change by splitting the whole text into lines and joining
them again: at 10,000 items (130,000 lines) that costs more than checking the edit.
The open roadmap's Document indexes its lines already, so a change to the text it
was read from is two slices at offsets it gives; any other change (several queued
before a check, a document the server holds no records of) goes pygls's way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from lsprotocol import types
from pygls.workspace import TextDocument, Workspace

from roadmaplint.text import split_lines

# (uri, the text before the change, the change's range) -> its offsets, or None.
Locate = Callable[[str, str, types.Range], "tuple[int, int] | None"]


class IndexedText(TextDocument):
    """A pygls text document whose edits are placed by ``locate`` when it can.

    ``span`` says where the last change went, ``(start, old_end, new_end)`` from the
    text ``locate`` knew to ``edited``, the text it made: the server then needs no
    comparison of the two texts to find the edit.
    """

    locate: Locate | None = None
    span: tuple[int, int, int] | None = None
    edited: str | None = None

    @property
    def lines(self) -> Sequence[str]:
        # pygls splits with str.splitlines, which also breaks at U+2028, a form feed or
        # NEL; LSP (and the client) breaks at \n, \r\n and \r only, as the reader does.
        return tuple(split_lines(self.source))

    def apply_change(self, change: types.TextDocumentContentChangeEvent) -> None:
        self.span = self.edited = None
        super().apply_change(change)

    def _apply_incremental_change(self, change: types.TextDocumentContentChangePartial) -> None:
        source = self.source
        found = self.locate(self.uri, source, change.range) if self.locate is not None else None
        if found is None:
            super()._apply_incremental_change(change)
            return
        start, end = found
        self._source = "".join((source[:start], change.text, source[end:]))
        self.span, self.edited = (start, end, start + len(change.text)), self._source


def span_of(document: TextDocument, text: str) -> tuple[int, int, int] | None:
    """Where the one change that made ``text`` went, if ``document`` knows it."""
    if isinstance(document, IndexedText) and document.edited is text:
        return document.span
    return None


def index_texts(workspace: Workspace, locate: Locate) -> None:
    """Make the texts ``workspace`` opens from now on IndexedText, placed by ``locate``."""
    create = workspace._create_text_document

    def created(*args: Any, **kwargs: Any) -> TextDocument:
        document = create(*args, **kwargs)
        document.__class__ = IndexedText
        document.locate = locate  # type: ignore[attr-defined]
        return document

    workspace._create_text_document = created  # type: ignore[method-assign]
