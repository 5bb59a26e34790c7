"""Re-reading one edited item gives exactly what a full parse of the new text gives."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import GOMLX, REPO
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import block_edits, edits, people_edits, roadmaps

from roadmaplint.errors import RoadmapError
from roadmaplint.reader import parse
from roadmaplint.reader.incremental import Snapshot, full_snapshot, update
from roadmaplint.rules.engine import check_roadmap, check_text
from roadmaplint.rules.incremental import first_check, recheck
from roadmaplint.settings import Settings
from roadmaplint.text import LineStarts, changed_span, line_starts

sys.path.insert(0, str(REPO / "bench"))
from generate import generate

SETTINGS = Settings()


def documents() -> st.SearchStrategy[str]:
    fixed = [GOMLX.read_text(encoding="utf-8"), generate(8, seed=4)]
    return st.one_of(st.sampled_from(fixed), roadmaps())


@settings(max_examples=80, deadline=None)
@given(data=st.data(), text=documents())
def test_incremental_records_and_findings_equal_a_full_check(
    data: st.DataObject, text: str
) -> None:
    """After every edit of a sequence (random ones, and those people make: a status, a
    dependency, a rename, an added item, a deleted line, a pasted list), the re-read
    records equal a full parse and the re-checked findings equal a full check."""
    snapshot = full_snapshot(text, "ROADMAP.md", SETTINGS)
    state = first_check(snapshot.roadmap, SETTINGS)
    for _ in range(data.draw(st.integers(1, 8))):
        start, end, piece = data.draw(st.one_of(edits(snapshot.text), people_edits(snapshot.text)))
        new = snapshot.text[:start] + piece + snapshot.text[end:]
        try:
            full = full_snapshot(new, "ROADMAP.md", SETTINGS)
        except RoadmapError as error:  # the same refusal, said the same way
            with pytest.raises(RoadmapError) as refused:
                update(snapshot, new)
            assert str(refused.value) == str(error)
            continue
        snapshot = update(snapshot, new)
        assert snapshot.text == new
        assert list(snapshot.starts) == line_starts(new)
        assert snapshot.roadmap == full.roadmap
        assert _indexes(snapshot) == _indexes(full)
        state = recheck(state, snapshot.roadmap, snapshot.edit, SETTINGS)
        assert list(state.findings) == check_text(new)


@settings(max_examples=60, deadline=None)
@given(data=st.data(), text=documents(), crlf=st.booleans())
def test_whole_items_deleted_pasted_moved_and_undone_equal_a_full_check(
    data: st.DataObject, text: str, crlf: bool
) -> None:
    """Edits of whole items (delete one, paste a copy, move one, open a fence above a
    heading) and Undo, which puts back the text before the last edit, on LF and CRLF
    plans: the re-read records and re-checked findings equal a full parse and check."""
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    snapshot = full_snapshot(text, "ROADMAP.md", SETTINGS)
    state = first_check(snapshot.roadmap, SETTINGS)
    history: list[str] = []
    for _ in range(data.draw(st.integers(1, 8))):
        if history and data.draw(st.booleans()):
            new = history.pop()  # Undo
        else:
            start, end, piece = data.draw(block_edits(snapshot.text))
            new = snapshot.text[:start] + piece + snapshot.text[end:]
            history.append(snapshot.text)
        try:
            full = full_snapshot(new, "ROADMAP.md", SETTINGS)
        except RoadmapError as error:
            with pytest.raises(RoadmapError) as refused:
                update(snapshot, new)
            assert str(refused.value) == str(error)
            continue
        snapshot = update(snapshot, new)
        assert snapshot.roadmap == full.roadmap
        assert _indexes(snapshot) == _indexes(full)
        state = recheck(state, snapshot.roadmap, snapshot.edit, SETTINGS)
        assert list(state.findings) == check_text(new)


def _indexes(snapshot: Snapshot) -> tuple[list[int], ...]:
    """The lines an incremental re-read finds the edited item by, moved with the records."""
    return list(snapshot.item_lines), list(snapshot.block_lines), list(snapshot.boundaries)


def test_an_edit_inside_one_item_rereads_that_item_only() -> None:
    text = generate(200, seed=9)
    snapshot = full_snapshot(text, "ROADMAP.md", SETTINGS)
    at = text.index("- **DRI:** ", len(text) // 2) + len("- **DRI:** ")
    edited = update(snapshot, text[:at] + "x" + text[at:])
    assert not edited.full
    added_line = update(edited, edited.text[:at] + "- **Area:** new\n  " + edited.text[at:])
    assert not added_line.full
    assert added_line.roadmap == parse(added_line.text, "ROADMAP.md", SETTINGS)


def test_enter_and_backspace_move_the_records_below_and_their_findings() -> None:
    """The edits that add or remove a line re-read one item and move everything below it;
    the records and the findings equal a full parse and check, line numbers included."""
    text = generate(200, seed=9)
    snapshot = full_snapshot(text, "ROADMAP.md", SETTINGS)
    state = first_check(snapshot.roadmap, SETTINGS)
    at = text.index("\n", text.index("- **DRI:** ", len(text) // 2))
    for new in (text[:at] + "\n" + text[at:], text, text[:at] + text[at + 1 :], text):
        snapshot = update(snapshot, new)
        assert not snapshot.full
        assert snapshot.roadmap == parse(new, "ROADMAP.md", SETTINGS)
        assert _indexes(snapshot) == _indexes(full_snapshot(new, "ROADMAP.md", SETTINGS))
        state = recheck(state, snapshot.roadmap, snapshot.edit, SETTINGS)
        assert list(state.findings) == check_text(new)
    assert snapshot.edit is not None and snapshot.edit.delta == 1


def test_edits_that_change_the_structure_read_everything_again() -> None:
    text = GOMLX.read_text(encoding="utf-8")
    snapshot = full_snapshot(text, "ROADMAP.md", SETTINGS)
    inside = text.index("  - **Status:** ready")
    for piece in ("```\n", "## [NEW-1] New\n", "# Section\n", "<!-- open\n"):
        edited = update(snapshot, text[:inside] + piece + text[inside:])
        assert edited.full, piece
        assert edited.roadmap == parse(edited.text, "ROADMAP.md", SETTINGS)


@given(st.text(alphabet="ab\n\r", max_size=12), st.text(alphabet="ab\n\r", max_size=12))
def test_changed_span_describes_the_edit(old: str, new: str) -> None:
    start, old_end, new_end = changed_span(old, new)
    assert old[:start] == new[:start]
    assert old[old_end:] == new[new_end:]
    assert old[:start] + new[start:new_end] + old[old_end:] == new
    assert start <= old_end and start <= new_end


@pytest.mark.parametrize("level", ["#", "###", "####"])
def test_an_item_heading_moved_to_another_level_reclassifies_the_items_around_it(
    level: str,
) -> None:
    # "### [MODEL-3]" under "## [MODEL-2]" makes MODEL-2 a section holding it: the
    # edited item's lines alone still read as one item, but its neighbours change.
    text = GOMLX.read_text(encoding="utf-8")
    snapshot = full_snapshot(text, "ROADMAP.md", SETTINGS)
    edited = update(snapshot, text.replace("  ## [MODEL-3]", f"  {level} [MODEL-3]", 1))
    assert edited.roadmap == parse(edited.text, "ROADMAP.md", SETTINGS)
    assert check_roadmap(edited.roadmap, SETTINGS) == check_text(edited.text)
    retitled = update(snapshot, text.replace("  ## [MODEL-3] ONNX", "  ## [MODEL-3] Onnx", 1))
    assert not retitled.full  # a title edit at the same level is still one item re-read
    assert retitled.roadmap == parse(retitled.text, "ROADMAP.md", SETTINGS)


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 5), st.integers(-3, 3)), max_size=8))
def test_line_starts_replaced_piece_by_piece_equal_the_plain_list(
    steps: list[tuple[int, int, int]],
) -> None:
    plain = list(range(0, 300, 10))
    starts = LineStarts(plain)
    for first, length, lines in steps:
        first = min(first, len(plain) - 1)
        stop = min(first + length, len(plain) - 1)
        base = plain[first - 1] if first else 0
        middle = [base + 1 + n for n in range(max(lines, 0))]
        shift = lines * 7
        plain = [*plain[:first], *middle, *(offset + shift for offset in plain[stop:])]
        starts = starts.replaced(first, stop, middle, shift)
        assert list(starts) == plain
        assert len(starts) == len(plain)
        assert starts[-1] == plain[-1]


CLAIMS = """# Plan

## [A-1] First

- **Status:** ready
- **Claimed by:** @bot until 2000-01-01T00:00:00Z
- **Depends on:** ROADMAP.md#A-2

## [A-2] Second

- **Status:** in_progress
- **Priority:** P1

## [A-3] Third

## [A-4] Fourth

- **Status:** done
- **Depends on:** A-2, A-2
"""


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("- **Status:** in_progress\n", "- **Status:** done\n"),  # A-1 names A-2 by path#ID
        ("- **Priority:** P1\n", "- **Priority:** P1\n- **Area:** x\n"),
        ("- **Status:** done\n", "- **Status:** idea\n"),
        ("until 2000", "until 2999"),  # the claim, which the clock re-checks on every edit
        ("- **Priority:** P1\n", ""),  # A-3 has no fields: its nearest neighbour changed
    ],
)
def test_a_re_check_equals_a_full_check_on_claims_self_paths_and_plans_without_legends(
    tmp_path: Path, old: str, new: str
) -> None:
    path = tmp_path / "ROADMAP.md"
    path.write_text(CLAIMS, encoding="utf-8")
    snapshot = full_snapshot(CLAIMS, str(path), SETTINGS)
    state = first_check(snapshot.roadmap, SETTINGS)
    text = CLAIMS.replace(old, new, 1)
    edited = update(snapshot, text)
    assert edited.edit is not None  # one item re-read, so the rules ran incrementally
    state = recheck(state, edited.roadmap, edited.edit, SETTINGS)
    assert list(state.findings) == check_text(text, str(path))
    # and once more after a second edit elsewhere, from the kept lookups
    again = update(edited, text.replace("## [A-3] Third", "## [A-3] Third one", 1))
    state = recheck(state, again.roadmap, again.edit, SETTINGS)
    assert list(state.findings) == check_text(again.text, str(path))


NOTED = """# Plan

## [A-1] First

- **Status:** ready

## [A-2] Second

- **Status:** ready
- **Depends on:** A-1 merged upstream first
"""


def test_an_item_moved_down_by_an_edit_above_keeps_its_dependency_notes() -> None:
    """A dependency written as an ID plus prose keeps its note when an edit above moves it."""
    snapshot = full_snapshot(NOTED, "ROADMAP.md", SETTINGS)
    assert snapshot.roadmap.items[1].dependency_notes == (("A-1", "merged upstream first"),)
    text = NOTED.replace("- **Status:** ready\n", "- **Status:** ready\n- **Area:** x\n", 1)
    edited = update(snapshot, text)
    assert not edited.full  # one item re-read, the one below moved
    assert edited.roadmap == parse(text, "ROADMAP.md", SETTINGS)


def test_lines_added_in_several_places_move_findings_that_cite_lines() -> None:
    """Enter and Backspace in several items above and between two items with one ID: the
    records moved in runs, and RL102's message (which cites the first item's line) are
    those of a full parse and check after each edit."""
    text = generate(60, seed=9)
    copied = text.index("## [", len(text) * 3 // 4)
    duplicate = text[copied : text.index("\n", copied) + 1]
    text = text.replace("\n\n", "\n\n" + duplicate + "\n", 1)  # the same ID at the top
    snapshot = full_snapshot(text, "ROADMAP.md", SETTINGS)
    state = first_check(snapshot.roadmap, SETTINGS)
    assert any(found.code == "RL102" for found in state.findings)
    # Enter after the DRI line of these items (in this order), then Backspace after some
    for number, enter in ((40, True), (10, True), (50, True), (10, False), (25, True), (40, False)):
        current = snapshot.text
        at = current.index("\n", _nth(current, "- **DRI:** ", number))
        new = current[:at] + "\n" + current[at:] if enter else current[:at] + current[at + 1 :]
        snapshot = update(snapshot, new)
        assert not snapshot.full
        assert snapshot.roadmap == parse(new, "ROADMAP.md", SETTINGS)
        assert _indexes(snapshot) == _indexes(full_snapshot(new, "ROADMAP.md", SETTINGS))
        state = recheck(state, snapshot.roadmap, snapshot.edit, SETTINGS)
        assert list(state.findings) == check_text(new)


def test_an_added_line_moves_findings_that_name_lines_without_reading_the_items_below() -> None:
    """RL102 (the first item of an ID), RL105 (the first of a field) and RL401 (the first
    listing of an ID) name lines as data: an Enter or a Backspace in an item above them
    moves each finding and the lines its message names, message and all, as a full check
    writes them, and the items below the edit are not made at their new lines to find
    them again (a few are: the edited item's dependencies)."""
    text = generate(60, seed=9)
    copied = text.index("## [", len(text) * 3 // 4)
    duplicate = text[copied : text.index("\n", copied) + 1]
    text = text.replace("\n\n", "\n\n" + duplicate + "\n", 1)  # the same ID at the top
    status = _nth(text, "- **Status:** ", 55)
    text = text[:status] + "- **Status:** done\n  " + text[status:]  # a field written twice
    text = text.replace("  - MODEL-9\n", "  - MODEL-9\n  - MODEL-9\n", 1)  # listed twice
    snapshot = full_snapshot(text, "ROADMAP.md", SETTINGS)
    state = first_check(snapshot.roadmap, SETTINGS)
    cited = {found.code for found in state.findings if found.cited}
    assert cited == {"RL102", "RL105", "RL401"}
    for number, enter in ((40, True), (10, True), (10, False), (25, True), (40, False)):
        current = snapshot.text
        at = current.index("\n", _nth(current, "- **DRI:** ", number))
        new = current[:at] + "\n" + current[at:] if enter else current[:at] + current[at + 1 :]
        snapshot = update(snapshot, new)
        assert not snapshot.full
        state = recheck(state, snapshot.roadmap, snapshot.edit, SETTINGS)
        made = len(snapshot.roadmap.items._made)  # type: ignore[attr-defined]
        assert made <= 3, f"{made} items made at their new lines"  # 19 when RL102 ran again
        assert list(state.findings) == check_text(new)
        messages = [found.message for found in state.findings if found.cited]
        assert len(messages) == 3 and all("on line " in message for message in messages)


def _nth(text: str, part: str, number: int) -> int:
    at = -1
    for _ in range(number + 1):
        at = text.index(part, at + 1)
    return at


def test_a_status_that_changes_its_colour_recolours_the_graph_on_the_re_check() -> None:
    """SAFE-31, found by the property test: an `x` typed at the start of the line after
    the Status joins it to the value, so the item's status reads no status of the
    legend; the Dependency Graph, which coloured it idea, is then stale (RL405). The
    re-check kept the graph's findings as they were, since RL405 said it read nothing
    of the items."""
    item = "## [MODEL-1] Parser\n\n- **Status:** idea\n- **Priority:** P0\n"
    text = (
        GOMLX.read_text(encoding="utf-8").split("# Priority Overview")[0].split("---")[0]
        + "---\n\n# Core\n\n"
        + item
        + "\n# Dependency Graph\n\n```mermaid\nflowchart LR\n"
        + '  subgraph s0["Core"]\n    MODEL_1["MODEL-1: Parser"]\n  end\n'
        + "  classDef idea fill:#f1f3f5,stroke:#868e96,stroke-dasharray:3 3\n"
        + "  class MODEL_1 idea\n```\n"
    )
    snapshot = full_snapshot(text, "ROADMAP.md", SETTINGS)
    state = first_check(snapshot.roadmap, SETTINGS)
    assert "RL405" not in {found.code for found in state.findings}
    at = text.index("- **Priority:** P0")
    new = text[:at] + "x" + text[at:]
    snapshot = update(snapshot, new)
    assert not snapshot.full
    state = recheck(state, snapshot.roadmap, snapshot.edit, SETTINGS)
    assert list(state.findings) == check_text(new)
    assert "RL405" in {found.code for found in state.findings}


def _citing(seed: int, crlf: bool) -> str:
    """A generated plan whose findings cite other lines: an ID defined twice (RL102), a
    field given twice (RL105), an ID listed twice in the overview's second group (RL401),
    and the overview written twice (RL403)."""
    text = generate(12, seed=seed)
    copied = text.index("## [", len(text) // 2)
    text = text.replace("\n\n", "\n\n" + text[copied : text.index("\n", copied) + 1] + "\n", 1)
    status = text.index("- **Status:** ", len(text) // 3)
    text = text[:status] + "- **Status:** done\n" + text[status:]
    lines = text.split("\n")
    groups = [n for n, line in enumerate(lines) if re.fullmatch(r"\s*## P\d.*", line)]
    listed = next(n for n in range(groups[1], len(lines)) if re.fullmatch(r"\s*- \S+", lines[n]))
    lines.insert(listed, lines[listed])
    text = "\n".join(lines)
    text += "\n" + text[text.index("# Priority Overview") :]
    return text.replace("\n", "\r\n") if crlf else text


@settings(max_examples=25, deadline=None)
@given(data=st.data(), seed=st.integers(0, 9), crlf=st.booleans())
def test_enter_backspace_and_paste_around_findings_that_cite_lines_equal_a_full_check(
    data: st.DataObject, seed: int, crlf: bool
) -> None:
    """Enter, Backspace and a pasted line above, inside and below the items that RL102,
    RL105, RL401 and RL403 findings name: each finding, moved or found again, is the one
    a full check writes, message and cited lines and all."""
    text = _citing(seed, crlf)
    snapshot = full_snapshot(text, "ROADMAP.md", SETTINGS)
    state = first_check(snapshot.roadmap, SETTINGS)
    assert {"RL102", "RL105", "RL401", "RL403"} <= {f.code for f in state.findings if f.cited}
    newline = "\r\n" if crlf else "\n"
    pieces = ["", "x", "- **Status:** ready", "- MODEL-1", "## [MODEL-1] Again", "## P1"]
    for _ in range(data.draw(st.integers(1, 10))):
        current = snapshot.text
        starts = [0, *(at + len(newline) for at in _all(current, newline))]
        at = data.draw(st.sampled_from(starts))
        piece = data.draw(st.sampled_from(pieces)) + newline
        if data.draw(st.booleans()) and at:  # Backspace at the start of a line
            new = current[: at - len(newline)] + current[at:]
        else:  # Enter, or a line pasted
            new = current[:at] + piece + current[at:]
        try:
            full = check_text(new)
        except RoadmapError:
            continue
        snapshot = update(snapshot, new)
        state = recheck(state, snapshot.roadmap, snapshot.edit, SETTINGS)
        assert list(state.findings) == full


def _all(text: str, part: str) -> list[int]:
    found, at = [], text.find(part)
    while at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    return found


WAITS = """# Plan

## [A-1] One

- **Status:** done

## [A-2] Two

- **Status:** ready (after A-1)

## [A-3] Three

- **Status:** ready
"""
NUMBERED = """# Tasks

### 001 Write

- Priority: P0
- Depends on: none

### 002 Build

- Priority: P0
- Depends on: 001

### 003 Ship

- Priority: P1
- Depends on: 002
"""


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        (WAITS, "## [A-2] Two", "## [A-2] Two more"),  # its status names A-1
        (WAITS, "## [A-1] One", "## [A-9] One"),  # the ID another's status names
        (WAITS, "- **Status:** ready\n", "- **Status:** ready (after A-1)\n"),
        (NUMBERED, "### 002 Build", "### 002 Build it"),  # its Depends on: 001
        (NUMBERED, "- Priority: P1", "- Priority: P2"),
        (NUMBERED, "### 001 Write", "### 009 Write"),  # the number another depends on
        (NUMBERED, "- Depends on: none", "- Depends on: 003"),
    ],
)
def test_an_item_whose_dependencies_hang_on_the_other_items_ids_equals_a_full_read(
    text: str, old: str, new: str
) -> None:
    """A status that says what it waits for (``ready (after A-1)``) and a dependency on a
    task's number (``Depends on: 001``) are read against the document's other IDs
    (reader/waits.py): re-read alone, the item kept none, or kept a renamed one's."""
    snapshot = full_snapshot(text, "ROADMAP.md", SETTINGS)
    state = first_check(snapshot.roadmap, SETTINGS)
    edited = text.replace(old, new, 1)
    again = update(snapshot, edited)
    assert again.roadmap == full_snapshot(edited, "ROADMAP.md", SETTINGS).roadmap
    state = recheck(state, again.roadmap, again.edit, SETTINGS)
    assert list(state.findings) == check_text(edited)


def test_an_edit_between_an_item_and_the_heading_that_restates_it_moves_that_field() -> None:
    """An item restated further down (``MODEL-1 — 0`` over ``- **State:** idea``) takes
    its status from there; deleting a blank line between them moves that field, as a
    full parse of the new text places it (Hypothesis found it)."""
    item = "## [MODEL-1] 0\n\n- **Links:** [design][doc]\n\n\n\n"
    text = (
        "Roadmap 0\n===\n\n---\n\nSection 0\n===\n\n"
        + item * 8
        + "# Priority Overview\n\n\n# Dependency Graph\n\n\n\n---\n\nSection 1\n===\n\n"
        + "MODEL-1 — 0\n---\n\n- **State:** idea\n- **Links:** [design][doc]\n\n\n\n"
        + "## [MODEL-2] 0\n\n- **Links:** [design][doc]\n\n\n\n---\n\nSection 2\n===\n\n"
    )
    snapshot = full_snapshot(text, "ROADMAP.md", SETTINGS)
    assert any(found.restated for found in snapshot.roadmap.items)
    new = text[:95] + text[96:]  # the blank line under the second item's heading
    assert update(snapshot, new).roadmap == full_snapshot(new, "ROADMAP.md", SETTINGS).roadmap
