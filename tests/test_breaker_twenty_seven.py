"""Break pass 27: the field lists of bold bullets (a feature's ``- **Description**:``),
the one-walk bands of unnumbered headings, and statuses of blanks and marks, each tried
against documents people write and against the walk it replaced."""

from __future__ import annotations

import itertools

from conftest import finding_lines, read_items
from hypothesis import given
from hypothesis import strategies as st

from roadmaplint.reader.outline import _bands
from roadmaplint.rules.engine import check_text
from roadmaplint.settings import Settings, status_meaning

# A tracker's done area lists its features as bold-titled bullets, one of them a feature
# named by a word a field list also uses (``- **Location**:`` the GPS position, ``-
# **Notes**:`` a note on each waypoint): each is still done work, as before field lists.
TRAIL_TRACKER = """\
# Trail App - Development Tracker

This document tracks the features of the hiking app.

## 🟢 Completed Features (Mar 2026)

### 🗺️ Maps
- **Offline Maps**: Tiles saved on the phone.
- **Location**: The hiker's GPS position on the map.

### 📝 Journal
- **Notes**: A note on each waypoint.
- **Photos**: Pictures pinned to the trail.

## 🟡 In Progress / Upcoming

### 🎁 Sharing
- [ ] Share a trail.
- [ ] Follow a friend.
"""


def test_a_done_feature_named_by_a_describing_word_is_still_done_work() -> None:
    read = [(i.title, i.status) for i in read_items(TRAIL_TRACKER, "TRACKER.md")]
    assert read == [
        ("Offline Maps", "completed"),
        ("Location", "completed"),
        ("Notes", "completed"),
        ("Photos", "completed"),
        ("Share a trail.", "[ ]"),
        ("Follow a friend.", "[ ]"),
    ]
    assert finding_lines(TRAIL_TRACKER, "TRACKER.md") == []


# Beside it, a done feature's own fields (two labels of what it is and when it was done,
# one more of its own): fields, no work titled "Description".
FEATURE_FIELDS = """\
# Features

## Feature Status

### ✅ Completed

#### Trail map
- **Completed**: 2026-02-03
- **Description**: The map of every marked trail
- **Files**: map.ts

## Next Steps

- [x] 1.1 Trail map
- [ ] 1.2 Share a trail
"""


def test_a_done_feature_s_fields_with_one_of_its_own_are_still_fields() -> None:
    read = [(i.id, i.title, i.status) for i in read_items(FEATURE_FIELDS, "FEATURES.md")]
    assert read == [("1.1", "Trail map", "done"), ("1.2", "Share a trail", "[ ]")]
    assert finding_lines(FEATURE_FIELDS, "FEATURES.md") == []


def _old_bands(levels: list[int]) -> dict[int, list[int]]:
    """The walk the stack replaced: the nearest heading above of a higher rank, per
    heading, a band when it is exactly one rank higher."""
    bands: dict[int, list[int]] = {}
    for at, level in enumerate(levels):
        above = next((back for back in range(at - 1, -1, -1) if levels[back] < level), None)
        if above is not None and levels[above] == level - 1:
            bands.setdefault(above, []).append(at)
    return bands


def test_the_one_walk_bands_equal_the_old_walk_for_every_short_sequence() -> None:
    for length in range(7):
        for levels in itertools.product(range(1, 5), repeat=length):
            assert _bands(list(levels)) == _old_bands(list(levels)), levels


@given(st.lists(st.integers(min_value=1, max_value=6), max_size=60))
def test_the_one_walk_bands_equal_the_old_walk(levels: list[int]) -> None:
    assert _bands(levels) == _old_bands(levels)


STATUSES = ["_", "__", " _ ", "—", "‐", "*", "\u00a0", "__init__", "_\u00a0_", "\u3000", "-"]


def test_statuses_of_marks_and_blanks_raise_nothing() -> None:
    for status in STATUSES:
        status_meaning(status)
        for written in (
            f"**Status:** {status}",
            f"State: {status}",
            f"| Status |\n|---|\n| {status} |",
        ):
            text = f"# Plan\n\n## T-1 Ship it\n{written}\n\n## T-2 Test it\nStatus: done\n"
            check_text(text, "PLAN.md", Settings())
