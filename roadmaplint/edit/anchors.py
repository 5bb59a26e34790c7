"""Links to a renamed heading: ``[A-1](#a-1-parser)`` names the heading by its anchor,
which a rename changes (``## [A-9] Parser`` is ``#a-9-parser``). ``anchor_edits`` gives
the edits that point such links at the renamed heading, so that none is left dead.

Anchors are spelled as GitHub spells them (``reader/anchors.py``); a second heading
with the same anchor gets ``-1``, so a rename can move another heading's anchor too.
"""

from __future__ import annotations

import re

from roadmaplint.model import Roadmap
from roadmaplint.reader.anchors import heading_anchors, heading_text, prose_lines
from roadmaplint.text import Edit, line_starts, split_lines


def anchor_edits(roadmap: Roadmap, heading_line: int, new_line: str) -> list[Edit]:
    """The edits that keep every link to a heading leading to the same heading once the
    first line of the heading at ``heading_line`` reads ``new_line``: the renamed
    heading's anchor, and any other heading's whose ``-1`` suffix the rename shifts.
    Links in code are not links and stay as written."""
    headings = [block.line for block in roadmap.blocks if block.kind == "heading"]
    if heading_line not in headings or "#" not in roadmap.source:
        return []  # an item that is not a heading (a table row, a task file's box)
    lines = split_lines(roadmap.source)
    texts = [heading_text(lines[line - 1].rstrip("\r\n")) for line in headings]
    before = heading_anchors(texts)
    texts[headings.index(heading_line)] = heading_text(new_line)
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
    for number in prose_lines(roadmap):
        line = lines[number - 1]
        for found in pattern.finditer(line):
            if line.count("`", 0, found.start()) % 2:
                continue  # inside a code span
            at = starts[number - 1]
            edits.append(Edit(at + found.start("anchor"), at + found.end(), moved[found["anchor"]]))
    return edits
