"""Read two versions of a roadmap, the older by reusing what reading the newer found.

``diff`` needs both versions' records, and reading is nearly all of its time.
The newer version is read in full; the older one takes the block tokens of
every stretch of lines the two share (from one top-level heading to the next)
and tokenizes only what changed (``reader/reuse.py``). The records are those of
two full parses.
"""

from __future__ import annotations

from roadmaplint.model import Roadmap
from roadmaplint.reader import parse_reusing
from roadmaplint.settings import Settings


def parse_two(
    old: tuple[str, str, Settings], new: tuple[str, str, Settings]
) -> tuple[Roadmap, Roadmap]:
    """The records of ``old`` and ``new``, each given as (text, path, settings)."""
    newer, reading = parse_reusing(*new, None)
    older, _ = parse_reusing(*old, reading)
    return older, newer
