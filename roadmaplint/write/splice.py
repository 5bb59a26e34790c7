"""Replace regions of a text, and prove that nothing outside them changed.

Finding a region (parse), rendering it (generate) and splicing it back (here)
are three separate, pure steps.
"""

from __future__ import annotations

from collections.abc import Sequence

from roadmaplint.errors import RoadmapError
from roadmaplint.text import Edit


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
