"""Replace one region of a text, and prove that nothing outside it changed.

Finding a region (parse), rendering it (generate) and splicing it back (here)
are three separate, pure steps.
"""

from __future__ import annotations

from dataclasses import dataclass

from roadmaplint.errors import RoadmapError
from roadmaplint.parse import split_lines


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
    starts = [0]
    for line in split_lines(text):
        starts.append(starts[-1] + len(line))
    return starts


def apply_edit(text: str, edit: Edit) -> str:
    return text[: edit.start] + edit.replacement + text[edit.end :]


def prove_outside_unchanged(old: str, new: str, edit: Edit, path: str) -> None:
    """Raise unless ``new`` is ``old`` with only ``edit``'s region changed."""
    tail = len(old) - edit.end
    if (
        new[: edit.start] != old[: edit.start]
        or new[len(new) - tail :] != old[edit.end :]
        or len(new) - tail < edit.start
    ):
        raise RoadmapError(
            f"{path}: refusing to write: the change reached outside the generated section"
        )
