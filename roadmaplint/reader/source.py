"""Reading a roadmap file, refusing anything that is not one, in one clear line."""

from __future__ import annotations

import os
import re
import stat

from roadmaplint.errors import RoadmapError
from roadmaplint.record import record
from roadmaplint.text import LazyPattern

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

MAX_BYTES = 32 * 1024 * 1024
MAX_LINE = 100_000  # characters
# What one file may make the reader hold: the records and the parser's tokens take about
# 1 KB a line of heading items, 3.6 KB a line of one-line boxes; 32 MB of such boxes
# (four million lines) would need some 14 GB. A plan of 50,000 heading items is 650,000.
MAX_LINES = 1_000_000
# markdown-it-py reads a paragraph continued lazily (without ">") inside block
# quotes nested N deep once per level: 18 deep and a million lines take a minute
# and 880 MB. Each lazy line costs a level beyond the first; a roadmap spends none.
MAX_LAZY_QUOTE_WORK = 1_000_000
_NESTED_QUOTE = LazyPattern(r"^[ ]{0,3}(?:>[ \t]*+){2,}+(?=[^\r\n])", re.MULTILINE)
_PARAGRAPH_END = LazyPattern(r"\n[ \t>]*(?:\r?\n|\r|$)|\r[ \t>]*(?:\r?\n|\r|$)")


@record
class Source:
    path: Path
    text: str
    data: bytes  # exactly what was read, to notice a change on disk before writing


def read_roadmap(path: Path) -> Source:
    """Read ``path`` as a UTF-8 roadmap, or raise RoadmapError saying why not."""
    data = read_bytes(str(path))
    return Source(path, decode(data, str(path)), data)


def read_bytes(path: str) -> bytes:
    """The bytes of the roadmap file at ``path`` (spelt as pathlib spells it: a check
    carries its paths as strings), or RoadmapError saying why it is none."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise RoadmapError(_missing(path)) from None
    except OSError as error:
        raise RoadmapError(f"{path}: cannot read: {error.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise RoadmapError(f"{path}: is a folder, not a roadmap file")
    if not stat.S_ISREG(info.st_mode):
        raise RoadmapError(f"{path}: is not a regular file (a pipe, socket or device?)")
    if info.st_size > MAX_BYTES:
        raise RoadmapError(
            f"{path}: is {info.st_size / 1024 / 1024:.1f} MB; roadmaplint reads roadmaps "
            f"up to {MAX_BYTES // 1024 // 1024} MB"
        )
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise RoadmapError(f"{path}: cannot read: {error.strerror}") from None


def _missing(path: str) -> str:
    """Where a missing roadmap was looked for, and how to name another."""
    folder = os.path.dirname(os.path.join(os.getcwd(), path))  # Path.absolute().parent
    return (
        f"{path}: no such file (looked in {folder}); name the roadmap's path as an argument "
        "or with -f, or run roadmaplint with no path to search for ROADMAP.md files"
    )


def _utf16(data: bytes) -> bool:
    """Whether ``data`` (holding a NUL) is UTF-16 text: its byte order mark, or a NUL beside
    each of its first characters (UTF-16 without a mark, as ``# R`` saves)."""
    head = data[:2]
    if head in (b"\xff\xfe", b"\xfe\xff"):
        return True
    return len(data) >= 4 and (data[1:4:2] == b"\0\0" or data[0:3:2] == b"\0\0")


def decode(data: bytes, name: str) -> str:
    """The text of ``data``, refusing binary content and absurd lines."""
    if len(data) > MAX_BYTES:
        raise RoadmapError(f"{name}: is larger than {MAX_BYTES // 1024 // 1024} MB")
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise RoadmapError(f"{name}: is empty; `roadmaplint init` writes a starter roadmap")
    nul = data.find(b"\0")
    if nul >= 0 and _utf16(data):
        raise RoadmapError(f"{name}: is UTF-16 (its first bytes say so); save the file as UTF-8")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise RoadmapError(f"{name}: line {line} contains a NUL byte; is this a binary file?")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise RoadmapError(
            f"{name}: line {line} is not UTF-8 (byte 0x{data[error.start]:02x} at offset "
            f"{error.start}); save the file as UTF-8"
        ) from None
    _refuse_lazy_quote_runs(text, name)
    lengths = list(map(len, text.splitlines()))
    if len(lengths) > MAX_LINES:
        raise RoadmapError(
            f"{name}: has {len(lengths):,} lines, over the {MAX_LINES:,} roadmaplint reads; "
            "is this a roadmap?"
        )
    if max(lengths) > MAX_LINE:
        line = next(number for number, length in enumerate(lengths, 1) if length > MAX_LINE)
        raise RoadmapError(
            f"{name}: line {line} is over {MAX_LINE} characters long; is this a roadmap?"
        )
    return text


def _refuse_lazy_quote_runs(text: str, name: str) -> None:
    """Refuse, in one regex pass, nested block quotes that would take the parser minutes.

    The work counted is an upper bound: every line of a paragraph that starts
    in a quote D levels deep is charged D - 1, until the paragraph ends at a
    blank line (or one holding only ">" markers).
    """
    if ">" not in text:  # no quote at all: most plans, and the pattern stays uncompiled
        return
    work = 0
    position = 0
    while (start := _NESTED_QUOTE.search(text, position)) is not None:
        depth = start.group().count(">")
        end = _PARAGRAPH_END.search(text, start.end())
        stop = end.start() if end else len(text)
        lines = text.count("\n", start.start(), stop) + 1
        work += (depth - 1) * lines
        if work > MAX_LAZY_QUOTE_WORK:
            line = text.count("\n", 0, start.start()) + 1
            raise RoadmapError(
                f"{name}: line {line} starts a paragraph {lines} lines long in block quotes "
                f"{depth} deep; the markdown parser reads such a paragraph once per level, "
                "which would take minutes. End it with a blank line or quote less deeply"
            )
        position = stop if end is None else end.end()
    return None
