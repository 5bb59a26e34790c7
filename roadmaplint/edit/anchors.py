"""Links to a renamed heading: ``[A-1](#a-1-parser)`` names the heading by its anchor,
which a rename changes (``## [A-9] Parser`` is ``#a-9-parser``). ``anchor_edits`` gives
the edits that point such links at the renamed heading, so that none is left dead.

Anchors are spelled as GitHub (and most markdown renderers after it) spell them: the
heading's text, lower-cased, without punctuation, each space a hyphen; a second heading
with the same anchor gets ``-1``, a third ``-2`` (so a rename can move another
heading's anchor too).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from roadmaplint.model import Roadmap
from roadmaplint.reader.inline import plain_text
from roadmaplint.text import Edit, LazyPattern, line_starts, split_lines

_ATX_OPEN = LazyPattern(r"[ \t]*#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = LazyPattern(r"(?:^|[ \t]+)#+[ \t]*$")
_CODE = {"fence", "code"}


def slug(text: str) -> str:
    """The anchor of a heading whose text reads ``text``."""
    kept = (
        char
        for char in text.strip().lower()
        if char.isalnum() or char in "-_ " or unicodedata.category(char).startswith("M")
    )
    return "".join(kept).replace(" ", "-")


def _heading_text(line: str) -> str:
    """A heading's text as it reads, from its first line (ATX marks taken off)."""
    opener = _ATX_OPEN.match(line)
    if opener is not None:
        line = _ATX_CLOSE.sub("", line[opener.end() :])
    return plain_text(line.strip())


def heading_anchors(texts: list[str]) -> list[str]:
    """The anchors of headings whose texts read ``texts``, in document order."""
    anchors: list[str] = []
    used: dict[str, int] = {}
    for text in texts:
        base = slug(text)
        count = used.get(base, 0)
        used[base] = count + 1
        anchors.append(base if count == 0 else f"{base}-{count}")
    return anchors


def anchor_edits(roadmap: Roadmap, heading_line: int, new_line: str) -> list[Edit]:
    """The edits that keep every link to a heading leading to the same heading once the
    first line of the heading at ``heading_line`` reads ``new_line``: the renamed
    heading's anchor, and any other heading's whose ``-1`` suffix the rename shifts.
    Links in code are not links and stay as written."""
    headings = [block.line for block in roadmap.blocks if block.kind == "heading"]
    if heading_line not in headings or "#" not in roadmap.source:
        return []  # an item that is not a heading (a table row, a task file's box)
    lines = split_lines(roadmap.source)
    texts = [_heading_text(lines[line - 1].rstrip("\r\n")) for line in headings]
    before = heading_anchors(texts)
    texts[headings.index(heading_line)] = _heading_text(new_line)
    after = heading_anchors(texts)
    moved = {
        old: new
        for old, new in zip(before, after, strict=True)
        if old != new and old and f"#{old}" in roadmap.source
    }
    if not moved:
        return []
    names = "|".join(re.escape(old) for old in sorted(moved, key=len, reverse=True))
    pattern = re.compile(rf"\]\(\s*<?#(?P<anchor>{names})(?=>?(?:\s|\)))")
    starts = line_starts(roadmap.source)
    edits = []
    for number in _prose_lines(roadmap):
        line = lines[number - 1]
        for found in pattern.finditer(line):
            if line.count("`", 0, found.start()) % 2:
                continue  # inside a code span
            at = starts[number - 1]
            edits.append(Edit(at + found.start("anchor"), at + found.end(), moved[found["anchor"]]))
    return edits


def _prose_lines(roadmap: Roadmap) -> Iterator[int]:
    """The lines of every block that is not code, in order."""
    for block in roadmap.blocks:
        if block.kind not in _CODE:
            yield from range(block.line, block.end_line + 1)
