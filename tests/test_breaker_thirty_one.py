"""Break pass 31 (ROADMAP SAFE-80): documents people write that the readings and the write
paths merged since the thirtieth pass misjudged, each fixed by its class; beside each, the
nearest document that still reads or writes as before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conftest import cli, read_items

from roadmaplint.settings import status_meaning

if TYPE_CHECKING:
    from pathlib import Path

# A ticked box whose note after its bold title says work remains reads under way; the box
# alone says done. Set to a new status, the note goes: it was the status the edit changes.
# Where the edit leaves the meaning as it reads, nothing is written ("No change" was said
# of a box read under way set done, and the file kept saying under way).
NOTED_BOXES = """\
# Ingest tasks

### Layer 1: Engines

- [x] **PARSER-1: Feed Parser** ⚠️ NEEDS ENHANCEMENT
- [x] **STATS-1: Throughput Counter** ✅ COMPLETE
- [ ] **SERVICE-1: HTTP Interface**
"""


def _set(tmp_path: Path, item: str, status: str) -> tuple[int, str]:
    plan = tmp_path / "tasks.md"
    plan.write_text(NOTED_BOXES, encoding="utf-8")
    done = cli("set", item, "--status", status, str(plan), cwd=tmp_path)
    return done.returncode, plan.read_text(encoding="utf-8")


def test_a_box_noted_as_needing_work_set_done_loses_the_note(tmp_path: Path) -> None:
    code, edited = _set(tmp_path, "PARSER-1", "done")
    assert code == 0
    assert edited == NOTED_BOXES.replace(" ⚠️ NEEDS ENHANCEMENT", "")
    item = next(i for i in read_items(edited, "tasks.md") if i.id == "PARSER-1")
    assert (item.title, status_meaning(item.status)) == ("Feed Parser", "done")


def test_a_noted_box_set_open_loses_its_note_and_keeps_its_title(tmp_path: Path) -> None:
    code, edited = _set(tmp_path, "STATS-1", "[ ]")
    assert code == 0
    assert edited == NOTED_BOXES.replace(
        "- [x] **STATS-1: Throughput Counter** ✅ COMPLETE",
        "- [ ] **STATS-1: Throughput Counter**",
    )


def test_a_box_noted_complete_set_done_is_no_change(tmp_path: Path) -> None:
    # the note says what the box says: the bytes stay
    code, edited = _set(tmp_path, "STATS-1", "done")
    assert (code, edited) == (0, NOTED_BOXES)
    code, edited = _set(tmp_path, "SERVICE-1", "done")
    assert code == 0
    assert edited == NOTED_BOXES.replace("- [ ] **SERVICE-1", "- [x] **SERVICE-1")


# A heading's title closed by a note of its priority reads the note as its priority: a new
# title keeps the note after it, where the edit was refused as losing the priority.
NOTED_PRIORITIES = """\
# Validation Tasks

#### Task 3.1: Setup Validation Process
- [x] Capture the device's configuration

#### Task 3.2: Network Validation (High Priority)
- [x] `NetworkConfig.yaml` - main network configuration

#### Task 3.3: Device Validation (Priority: Low)
- [ ] `DeviceConfig.yaml` - device identity
"""


def _retitled(tmp_path: Path, item: str, title: str) -> str:
    plan = tmp_path / "tasks.md"
    plan.write_text(NOTED_PRIORITIES, encoding="utf-8")
    assert cli("set", item, "--title", title, str(plan), cwd=tmp_path).returncode == 0
    return plan.read_text(encoding="utf-8")


def test_set_title_keeps_a_heading_s_priority_note(tmp_path: Path) -> None:
    edited = _retitled(tmp_path, "Task 3.2", "Net checks")
    assert edited == NOTED_PRIORITIES.replace("Network Validation (High", "Net checks (High")
    edited = _retitled(tmp_path, "Task 3.3", "Device checks")
    assert edited == NOTED_PRIORITIES.replace("Device Validation (Pri", "Device checks (Pri")
    read = [(i.title, i.priority) for i in read_items(edited, "tasks.md")]
    assert read[2] == ("Device checks", "Low")


def test_set_title_on_a_heading_without_a_note_replaces_its_words(tmp_path: Path) -> None:
    edited = _retitled(tmp_path, "Task 3.1", "Setup checks")
    assert edited == NOTED_PRIORITIES.replace("Setup Validation Process", "Setup checks")
