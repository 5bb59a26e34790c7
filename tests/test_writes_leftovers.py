"""What the eighth and ninth break passes left in reading and writing (SAFE-37, SAFE-38),
each closed for its class: a reading that lost part of a plan without a word, and
writes (`set`, `new`, `rename` through the real command line) that refused where they
should write, or wrote more than was asked. Writes are held to exact bytes."""

from __future__ import annotations

from pathlib import Path

from conftest import cli, read_items

from roadmaplint.reader.incremental import full_snapshot, update
from roadmaplint.settings import Settings


def _ids(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(item.id, item.status, item.section) for item in read_items(text)]


# --- a phase plan whose phases hold one box and several boxes (SAFE-37 box 1)

PHASES_MIXED = """\
# Plan

## Phase 1: Base

- [ ] c
- [x] a

## Phase 2: Next

- [ ] b
"""


def test_a_phase_of_one_box_beside_a_phase_of_several_loses_no_phase() -> None:
    # Phase 1 was read as the theme of its boxes and Phase 2 as an item: the boxes of
    # Phase 1, without IDs, were then read as nothing, so Phase 1 vanished without a word
    assert _ids(PHASES_MIXED) == [
        ("c", "[ ]", "Phase 1: Base"),
        ("a", "done", "Phase 1: Base"),
        ("b", "[ ]", "Phase 2: Next"),
    ]


def test_a_heading_read_as_the_theme_of_boxes_stays_an_item_where_its_boxes_are_not() -> None:
    # T-9 is an item with fields, so boxes without IDs are read only where they carry
    # one: Phase 1's boxes are no items, and Phase 1 itself must not vanish with them
    text = """\
# Plan

## Phase 1: Base

- [ ] c
- [x] a

## T-9: Release

- **Status:** ready
"""
    assert [item.id for item in read_items(text)] == ["Phase 1", "T-9"]


def test_the_editor_re_read_after_a_second_box_under_a_phase_equals_a_full_read() -> None:
    before = PHASES_MIXED.replace("- [ ] c\n- [x] a\n", "- [ ] c\n")
    assert [item.id for item in read_items(before)] == ["Phase 1", "Phase 2"]
    settings = Settings()
    snapshot = full_snapshot(before, "PLAN.md", settings)
    for text in (PHASES_MIXED, before, PHASES_MIXED.replace("- [ ] b\n", "- [ ] b\n- [ ] d\n")):
        snapshot = update(snapshot, text)
        assert snapshot.roadmap == full_snapshot(text, "PLAN.md", settings).roadmap


def _write(folder: Path, text: str, name: str = "ROADMAP.md") -> Path:
    path = folder / name
    path.write_bytes(text.encode())
    return path
