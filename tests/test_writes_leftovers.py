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


# --- rename where another item names the renamed one in reverse (SAFE-37 box 2)

REVERSE = """\
# Plan

### A-1: Parser
- **Status:** ready
- **Blocks:** A-2

### A-2: Lexer
- **Status:** idea

### A-3: Docs
- **Status:** idea
- **Prereq for:** `A-2`, A-9 (later)
"""


def test_rename_renames_the_item_where_another_names_it_in_blocks_or_prereq_for(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, REVERSE)
    done = cli("rename", "A-2", "B-2", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "Renamed A-2 to B-2 (2 items naming it in reverse updated)\n"
    assert path.read_text() == REVERSE.replace("A-2", "B-2")
    shown = cli("show", "B-2", cwd=tmp_path)
    assert "Depends on:      A-1 (ready), A-3 (idea)\n" in shown.stdout


def test_rename_counts_only_the_items_whose_text_it_changed(tmp_path: Path) -> None:
    # A-2 depends on A-1 through A-1's own Blocks: renaming A-1 changes no line of A-2
    path = _write(tmp_path, REVERSE)
    done = cli("rename", "A-1", "B-1", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, "Renamed A-1 to B-1 (0 dependents updated)\n")
    assert path.read_text() == REVERSE.replace("### A-1", "### B-1")
