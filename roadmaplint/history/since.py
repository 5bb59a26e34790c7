"""Which findings are new since an older version of the roadmap (``check --since``).

Pure: findings in, findings out. A finding is the same as an older one when its
code, its item and what it is about match, whatever line it moved to: the
message with line numbers taken out, and with the older version's item IDs
read through the renames between the two versions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from roadmaplint.findings import Finding
from roadmaplint.text import LazyPattern

_LINE_NUMBERS = LazyPattern(r"\b(lines?)\s+\d+(?:\s*[-–]\s*\d+)?", re.IGNORECASE)

Identity = tuple[str, str | None, str]


def identity(finding: Finding, renames: Mapping[str, str] | None = None) -> Identity:
    """(code, item, subject): what a finding is about, independent of where it is."""
    subject = _LINE_NUMBERS.sub(r"\1 #", finding.message)
    item = finding.item
    if renames:
        item = renames.get(item, item) if item is not None else None
        pattern = re.compile(
            r"(?<![\w-])("
            + "|".join(map(re.escape, sorted(renames, key=len, reverse=True)))
            + r")(?![\w-])"
        )
        subject = pattern.sub(lambda match: renames[match[1]], subject)
    return finding.code, item, subject


def new_findings(
    current: Sequence[Finding], older: Sequence[Finding], renames: Mapping[str, str]
) -> tuple[list[Finding], int]:
    """The findings of ``current`` that ``older`` did not have, and how many were left out.

    Counted as multisets: two identical findings where there was one leave one new.
    """
    known = Counter(identity(finding, renames) for finding in older)
    fresh = []
    for finding in current:
        key = identity(finding)
        if known[key] > 0:
            known[key] -= 1
        else:
            fresh.append(finding)
    return fresh, len(current) - len(fresh)
