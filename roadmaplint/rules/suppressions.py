"""`<!-- roadmaplint-disable ... -->` comments, and RL901 for those that silence nothing.

A ``roadmaplint-disable`` comment covers the next non-blank line: the whole
item when that line is an item heading, the whole field (nested list included)
when it is a field, else that line alone. ``roadmaplint-disable-file`` covers
the file. Without codes, a comment covers every rule.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from roadmaplint.findings import Finding, Severity
from roadmaplint.index import Context
from roadmaplint.model import Item, Position, Roadmap
from roadmaplint.rules.base import Report, Rule
from roadmaplint.settings import Settings
from roadmaplint.text import Edit, line_starts, split_lines

# The code list is bounded: an unclosed comment full of directives must not make
# every match scan to the end of the file.
_DIRECTIVE = re.compile(r"<!--\s*roadmaplint-disable(-file)?(?=[\s-])([^>]{0,500}?)-->")


def is_line_suppression(comment: str) -> bool:
    """Whether an HTML comment's text holds a ``roadmaplint-disable`` for the next line."""
    return any(not match[1] for match in _DIRECTIVE.finditer(comment))


@dataclass
class Suppression:
    position: Position
    keys: tuple[str, ...]  # codes or names as written; empty means every rule
    first_line: int
    last_line: int  # the lines it covers, inclusive; 0..maxsize for the whole file
    used: set[str] = field(default_factory=set)


def find_suppressions(roadmap: Roadmap) -> list[Suppression]:
    if not roadmap.comments:
        return []
    spans = _spans(roadmap)
    lines = split_lines(roadmap.source.removeprefix("\ufeff"))
    found = []
    for comment in roadmap.comments:
        for match in _DIRECTIVE.finditer(comment.text):
            keys = tuple(key for key in re.split(r"[\s,]+", match[2]) if key)
            line = comment.line + comment.text[: match.start()].count("\n")
            column = lines[line - 1].find("<!--") + 1 if line <= len(lines) else 1
            position = Position(line, max(column, 1))
            if match[1]:
                found.append(Suppression(position, keys, 0, 2**31))
                continue
            target = comment.end_line + 1
            while target <= len(lines) and not lines[target - 1].strip():
                target += 1
            first, last = spans.get(target, (target, target))
            found.append(Suppression(position, keys, first, last))
    return found


def _spans(roadmap: Roadmap) -> dict[int, tuple[int, int]]:
    spans: dict[int, tuple[int, int]] = {}
    for item in roadmap.items:
        spans[item.position.line] = (item.position.line, item.end_line)
        for candidate in item.fields:
            spans.setdefault(candidate.position.line, (candidate.position.line, candidate.end_line))
    return spans


def apply_suppressions(
    findings: Iterable[Finding],
    suppressions: Sequence[Suppression],
    resolve: dict[str, str],
) -> list[Finding]:
    """The findings no suppression covers; marks each suppression with what it silenced.

    ``resolve`` maps every accepted code or name to its code.
    """
    if not suppressions:
        return list(findings)
    kept = []
    for finding in findings:
        silenced = False
        for suppression in suppressions:
            if not suppression.first_line <= finding.line <= suppression.last_line:
                continue
            codes = {resolve.get(key, resolve.get(key.upper(), key)) for key in suppression.keys}
            if not suppression.keys or finding.code in codes:
                suppression.used.add(finding.code)
                silenced = True
        if not silenced:
            kept.append(finding)
    return kept


def unused_suppressions(
    suppressions: Sequence[Suppression], resolve: dict[str, str], selected: set[str]
) -> Iterator[Report]:
    for suppression in suppressions:
        if not suppression.keys:
            if not suppression.used:
                yield Report(suppression.position, "this roadmaplint-disable silences nothing")
            continue
        for key in suppression.keys:
            code = resolve.get(key) or resolve.get(key.upper())
            if code is None:
                yield Report(
                    suppression.position, f"roadmaplint-disable names an unknown rule {key}"
                )
            elif code in selected and code not in suppression.used:
                yield Report(
                    suppression.position,
                    f"roadmaplint-disable {key} silences nothing here; remove it",
                )


@dataclass(frozen=True, slots=True)
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
        if _above_item_heading(roadmap, item, edit):
            found.append(Silencing(finding, edit, what))
            continue
        if counts is None:
            from roadmaplint.rules.engine import check_roadmap

            counts = Counter(found.code for found in check_roadmap(roadmap, settings))
        if _silences(roadmap, settings, edit, finding.code, counts[finding.code]):
            found.append(Silencing(finding, edit, what))
    return found


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
    existing = _DIRECTIVE.fullmatch(above.strip())
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


def _silences(roadmap: Roadmap, settings: Settings, edit: Edit, code: str, count: int) -> bool:
    """Whether the comment, written in, reads as an HTML comment block of its own (every
    other block reads back byte for byte, in order) and silences a finding of ``code``
    (``count`` of them now, without git facts: when 0, that cannot be told here).

    A finding's line may be inside a code fence, a paragraph or a list, where the
    comment would be code, split the paragraph or the list, and silence nothing."""
    from bisect import bisect_right

    from roadmaplint.errors import RoadmapError
    from roadmaplint.reader import parse
    from roadmaplint.rules.engine import check_roadmap

    text = roadmap.source[: edit.start] + edit.replacement + roadmap.source[edit.end :]
    try:
        after = parse(text, roadmap.path, settings)
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


def _no_findings_here(context: Context) -> Iterator[Report]:
    """RL901 is computed by the engine after every other rule has run."""
    return iter(())


UNUSED_SUPPRESSION = Rule(
    code="RL901",
    name="unused-suppression",
    severity=Severity.WARNING,
    summary="A roadmaplint-disable comment silences nothing.",
    why="Suppressions outlive the problems they hid; a stale one would silently hide the "
    "next real finding in that place.",
    bad="<!-- roadmaplint-disable RL305 -->\n## [MODEL-1] Import\n- **Priority:** P0\n",
    good="## [MODEL-1] Import\n- **Priority:** P0\n",
    check=_no_findings_here,
)
