"""One open roadmap as the language server sees it: text, records, findings, positions.

Positions: the records count 1-based lines and characters; LSP counts 0-based
lines and, by default, UTF-16 code units. Everything in between is a
character offset into the text.
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from lsprotocol import types

from roadmaplint.api import task_file_findings
from roadmaplint.findings import Finding
from roadmaplint.index import GitFacts
from roadmaplint.model import Roadmap
from roadmaplint.reader import BOM
from roadmaplint.reader.incremental import Snapshot, Span, full_snapshot, update
from roadmaplint.reader.shapes.taskfiles import FolderCache
from roadmaplint.record import record
from roadmaplint.rules.incremental import State, first_check, recheck
from roadmaplint.settings import Settings

# The task folders of the open task files: a keystroke in one re-reads that file only,
# and each other file of its folder only when its size or modification time changed.
FOLDERS = FolderCache()


@record(frozen=False, slots=False)
class Document:
    uri: str
    snapshot: Snapshot
    encoding: str = "utf-16"  # the position encoding agreed with the client
    checked: State | None = None  # None: records only, no rule has run
    in_folder: tuple[Finding, ...] | None = None  # a task file's: its folder's, in this file

    @property
    def findings(self) -> tuple[Finding, ...]:
        if self.in_folder is not None:
            return self.in_folder
        return self.checked.findings if self.checked is not None else ()

    @classmethod
    def read(
        cls,
        uri: str,
        text: str,
        path: str,
        settings: Settings,
        encoding: str,
        facts: GitFacts | None = None,
    ) -> Document:
        document = cls.unchecked(uri, text, path, settings, encoding)
        in_folder = task_file_findings(Path(path), text, FOLDERS)
        if in_folder is not None:
            document.in_folder = tuple(in_folder)
        else:
            document.checked = first_check(document.roadmap, settings, facts)
        return document

    @classmethod
    def unchecked(
        cls, uri: str, text: str, path: str, settings: Settings, encoding: str
    ) -> Document:
        """The document's records without its findings: what renaming across files reads."""
        return cls(uri, full_snapshot(text, path, settings), encoding)

    def edited(
        self,
        text: str,
        settings: Settings,
        facts: GitFacts | None = None,
        span: Span | None = None,
    ) -> Document:
        """The document after an edit: one item re-read when possible, and the rules run
        again on what that item's edit can have changed (every rule on every item when the
        text is the same: another file it names may have changed)."""
        if settings != self.snapshot.settings:
            snapshot = full_snapshot(text, self.snapshot.path, settings)
        else:
            snapshot = update(self.snapshot, text, span)
        document = Document(self.uri, snapshot, self.encoding)
        in_folder = task_file_findings(Path(snapshot.path), text, FOLDERS)
        if in_folder is not None:
            document.in_folder = tuple(in_folder)
        elif self.checked is None or snapshot is self.snapshot:
            document.checked = first_check(snapshot.roadmap, settings, facts)
        else:
            document.checked = recheck(
                self.checked, snapshot.roadmap, snapshot.edit, settings, facts
            )
        return document

    @property
    def text(self) -> str:
        return self.snapshot.text

    @property
    def roadmap(self) -> Roadmap:
        return self.snapshot.roadmap

    @property
    def settings(self) -> Settings:
        return self.snapshot.settings

    def line_text(self, line: int) -> str:
        """The 1-based line without its line ending ('' past the end), as the records
        read it: without the byte order mark that may open the first line."""
        starts = self.snapshot.starts
        if not 1 <= line < len(starts):
            return ""
        return self.text[self._line_start(line) : starts[line]].rstrip("\r\n")

    def offset_of(self, line: int, column: int) -> int:
        """The offset of a 1-based line and column of the records, clamped to that line."""
        starts = self.snapshot.starts
        line = min(max(line, 1), len(starts) - 1) if len(starts) > 1 else 1
        return self._line_start(line) + min(max(column - 1, 0), len(self.line_text(line)))

    def _line_start(self, line: int) -> int:
        # The records count columns after a byte order mark (the reader drops it).
        start = self.snapshot.starts[line - 1]
        return start + 1 if line == 1 and self.text.startswith(BOM) else start

    def after_line(self, line: int) -> int:
        """The offset just past the 1-based line and its line break."""
        starts = self.snapshot.starts
        return starts[line] if 0 <= line < len(starts) else len(self.text)

    def position(self, offset: int) -> types.Position:
        starts, text = self.snapshot.starts, self.text
        offset = min(max(offset, 0), len(text))
        line = bisect_right(starts, offset) - 1
        if line == len(starts) - 1 and line > 0 and not text.endswith(("\n", "\r")):
            line -= 1  # the end of a last line without a line break
        return types.Position(line, code_units(text[starts[line] : offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def offset(self, position: types.Position) -> int:
        """The offset of a client position, clamped to the text."""
        starts = self.snapshot.starts
        if position.line >= len(starts) - 1:
            return len(self.text)
        line = self.text[starts[position.line] : starts[position.line + 1]].rstrip("\r\n")
        return starts[position.line] + _characters(line, position.character, self.encoding)


def code_units(text: str, encoding: str) -> int:
    """How long ``text`` is in the position encoding agreed with the client."""
    if text.isascii() or encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    return len(text.encode("utf-16-le")) // 2


def _characters(line: str, units: int, encoding: str) -> int:
    """How many characters of ``line`` make ``units`` code units (clamped)."""
    if line.isascii() or encoding == "utf-32":
        return min(units, len(line))
    count = 0
    for index, character in enumerate(line):
        if count >= units:
            return index
        count += _width(character, encoding)
    return len(line)


def _width(character: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(character.encode("utf-8"))
    return 2 if ord(character) > 0xFFFF else 1
