"""The quick fix that silences a finding: the `roadmaplint-disable` comment to write.

The editor offers it; it checks each comment by reading the text with it written in and
checking again, so it stands above the engine (``rules/engine.py``), which applies
the comments ``rules/suppressions.py`` finds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from roadmaplint.findings import Finding
from roadmaplint.model import Item, Roadmap
from roadmaplint.record import record
from roadmaplint.rules.engine import check_roadmap
from roadmaplint.rules.suppressions import DIRECTIVE
from roadmaplint.settings import Settings
from roadmaplint.text import Edit, apply_edits, line_starts, split_lines


@record
class Silencing:
    """A comment edit that silences ``finding``, for ``what``: "this item" or "this line"."""

    finding: Finding
    edit: Edit
    what: str


def silencing_edits(
    roadmap: Roadmap, settings: Settings, findings: Iterable[Finding]
) -> list[Silencing]:
    """For each finding, the ``roadmaplint-disable CODE`` comment above its item (or its
    line) that would silence it, when written in it reads back as a comment of its own
    and silences the finding; none for RL901, found after the suppressions."""
    counts: Counter[str] | None = None  # findings per code, without git facts
    found = []
    for finding in findings:
        if finding.code == "RL901":
            continue
        item = _item_of(roadmap, finding)
        edit = _comment_edit(roadmap, item, finding)
        what = "this item" if item is not None else "this line"
        proven = None if item is None else _proven(roadmap, settings, item, edit)
        if item is not None and proven is None:
            continue  # a comment between a table's rows ends the table: items lost
        if _above_item_heading(roadmap, item, edit):
            found.append(Silencing(finding, edit, what))
            continue
        if counts is None:
            counts = Counter(found.code for found in check_roadmap(roadmap, settings))
        if _silences(roadmap, settings, edit, finding.code, counts[finding.code], proven):
            found.append(Silencing(finding, edit, what))
    return found


def _proven(roadmap: Roadmap, settings: Settings, item: Item, edit: Edit) -> Roadmap | None:
    """The records of the text with the comment written in, when the write gate proves it
    changes nothing but the finding's item (every item reads back, every other block byte
    for byte), as every edit must; None when it does not."""
    from roadmaplint.errors import RoadmapError
    from roadmaplint.write.proof import Targets, prove_edit

    written = {edit.replacement.strip(), roadmap.source[edit.start : edit.end].strip()}
    targets = Targets(items=frozenset({item.id}), same_items=True, comments=frozenset(written))
    try:
        return prove_edit(roadmap, apply_edits(roadmap.source, [edit]), targets, settings, [edit])
    except RoadmapError:
        return None


def _line_start(roadmap: Roadmap, starts: list[int], line: int) -> int:
    """Where 1-based ``line`` starts (the last line for one past it; after a BOM)."""
    line = min(max(line, 1), len(starts) - 1) if len(starts) > 1 else 1
    start = starts[line - 1]
    return start + 1 if line == 1 and roadmap.source.startswith("\ufeff") else start


def _comment_edit(roadmap: Roadmap, item: Item | None, finding: Finding) -> Edit:
    """``<!-- roadmaplint-disable CODE -->`` above the item (or the line) the finding is on:
    the code added to such a comment already there, or a new comment line."""
    line = item.position.line if item is not None else finding.line
    lines = [text.rstrip("\r\n") for text in split_lines(roadmap.source.removeprefix("\ufeff"))]
    starts = line_starts(roadmap.source)
    target = lines[line - 1] if line <= len(lines) else ""
    indent = target[: len(target) - len(target.lstrip())]
    above = lines[line - 2] if 1 < line <= len(lines) + 1 else ""
    existing = DIRECTIVE.fullmatch(above.strip())
    if existing and not existing[1] and existing[2].strip():
        keys = existing[2].strip()
        above_indent = above[: len(above) - len(above.lstrip())]
        comment = f"{above_indent}<!-- roadmaplint-disable {keys} {finding.code} -->"
        start = _line_start(roadmap, starts, line - 1)
        return Edit(start, start + len(above), comment)
    at = _line_start(roadmap, starts, line)
    newline = roadmap.style.newline
    return Edit(at, at, f"{indent}<!-- roadmaplint-disable {finding.code} -->{newline}")


def _item_of(roadmap: Roadmap, finding: Finding) -> Item | None:
    if finding.item is None:
        return None
    for item in roadmap.items:
        if item.id == finding.item and item.position.line <= finding.line <= item.end_line:
            return item
    return None


def _above_item_heading(roadmap: Roadmap, item: Item | None, edit: Edit) -> bool:
    """Whether ``edit`` is a new comment line right above the finding's item's ATX heading:
    a top-level heading, so nothing above it is open, and the comment line (indented as
    it, under 4 columns) closes whatever the heading closes and starts a block of its own.
    No need to read the text again (which a large roadmap makes slow) to know that."""
    if item is None or edit.start != edit.end or roadmap.stray_lists:
        return False  # with a stray list, the heading is top-level only in the repaired text
    starts = line_starts(roadmap.source)
    line = item.position.line
    heading = split_lines(roadmap.source.removeprefix("\ufeff"))[line - 1]
    return edit.start == _line_start(roadmap, starts, line) and heading.lstrip().startswith("#")


def _silences(
    roadmap: Roadmap,
    settings: Settings,
    edit: Edit,
    code: str,
    count: int,
    after: Roadmap | None = None,
) -> bool:
    """Whether the comment, written in, reads as an HTML comment block of its own (every
    other block reads back byte for byte, in order) and silences a finding of ``code``
    (``count`` of them now, without git facts: when 0, that cannot be told here).
    ``after`` is the text with the comment read already (by the write gate), if it was.

    A finding's line may be inside a code fence, a paragraph or a list, where the
    comment would be code, split the paragraph or the list, and silence nothing."""
    from bisect import bisect_right

    from roadmaplint.errors import RoadmapError
    from roadmaplint.reader import parse

    if after is None:
        try:
            after = parse(apply_edits(roadmap.source, [edit]), roadmap.path, settings)
        except RoadmapError:
            return False
    line = bisect_right(line_starts(roadmap.source), edit.start)
    if _block_texts(roadmap, line) != _block_texts(after, line):
        return False
    if not any(block.line == line and block.kind == "html" for block in after.blocks):
        return False
    if not count:
        return True
    now = sum(found.code == code for found in check_roadmap(after, settings))
    return now < count


def _block_texts(roadmap: Roadmap, line: int) -> list[str]:
    """The text of each top-level block but a one-line HTML block on ``line``."""
    lines = split_lines(roadmap.source.removeprefix("\ufeff"))
    return [
        "".join(lines[block.line - 1 : block.end_line])
        for block in roadmap.blocks
        if not (block.kind == "html" and block.line == line == block.end_line)
    ]
