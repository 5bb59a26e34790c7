"""`<!-- roadmaplint-disable ... -->` comments, and RL901 for those that silence nothing.

A ``roadmaplint-disable`` comment covers the next non-blank line: the whole
item when that line is an item heading, the whole field (nested list included)
when it is a field, else that line alone. ``roadmaplint-disable-file`` covers
the file. Without codes, a comment covers every rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from roadmaplint.findings import Finding, Severity
from roadmaplint.index import Context
from roadmaplint.model import Position, Roadmap
from roadmaplint.record import field, record
from roadmaplint.rules.base import Report, Rule
from roadmaplint.text import LazyPattern, split_lines

# The code list is bounded: an unclosed comment full of directives must not make
# every match scan to the end of the file.
DIRECTIVE = LazyPattern(r"<!--\s*roadmaplint-disable(-file)?(?=[\s-])([^>]{0,500}?)-->")


def is_line_suppression(comment: str) -> bool:
    """Whether an HTML comment's text holds a ``roadmaplint-disable`` for the next line."""
    return any(not match[1] for match in DIRECTIVE.finditer(comment))


@record(frozen=False, slots=False)
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
        for match in DIRECTIVE.finditer(comment.text):
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
