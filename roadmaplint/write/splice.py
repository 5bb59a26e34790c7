"""Replace regions of a text, and prove that nothing outside them changed.

Finding a region (parse), rendering it (generate) and splicing it back (here)
are three separate, pure steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, pairwise

from roadmaplint.errors import RoadmapError
from roadmaplint.reader import split_lines


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (character offsets)."""

    start: int
    end: int
    replacement: str


def line_starts(text: str) -> list[int]:
    """Offset where each line starts, plus one entry for the end of the text.

    ``starts[n]`` is where 1-based line ``n + 1`` starts, so the lines ``a..b``
    (1-based, inclusive) are ``text[starts[a - 1]:starts[b]]``.
    """
    return list(accumulate(map(len, split_lines(text)), initial=0))


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits, back to front so earlier offsets stay valid."""
    ordered = sorted(edits, key=lambda edit: edit.start)
    for earlier, later in pairwise(ordered):
        if earlier.end > later.start:
            raise ValueError("edits overlap")
    for edit in reversed(ordered):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def prove_only_regions_changed(
    old: str,
    new: str,
    edits: Sequence[Edit],
    allowed: Sequence[tuple[int, int]],
    path: str,
) -> None:
    """Raise unless every edit lies in an allowed span and all else is byte-identical."""
    for edit in edits:
        if not any(start <= edit.start and edit.end <= end for start, end in allowed):
            raise RoadmapError(
                f"{path}: refusing to write: a change reached outside the generated sections"
            )
    position_old = position_new = 0
    for edit in sorted(edits, key=lambda edit: edit.start):
        kept = edit.start - position_old
        if new[position_new : position_new + kept] != old[position_old : edit.start]:
            raise RoadmapError(f"{path}: refusing to write: text outside the edits changed")
        position_new += kept + len(edit.replacement)
        position_old = edit.end
    if new[position_new:] != old[position_old:]:
        raise RoadmapError(f"{path}: refusing to write: text outside the edits changed")
