"""The classes of plan file the thirtieth held-out set of the corpus (tests/corpus: a
mixed sample of every family, numbered 100-102 in headings/, 165-166 in checkboxes/, 59 in
phases/ and the ``3Blocks-net-strategy-builder-v2`` task folder) showed read wrong, each
in a small document: read as a person reads it, with no finding that is no defect; and
beside each new reading a document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conftest import finding_lines, read_items

from roadmaplint.reader.shapes import taskfiles
from roadmaplint.settings import common_meaning

if TYPE_CHECKING:
    from pathlib import Path

GARDEN_TODO = """\
# Garden planner - TODO

**Legend**:
- `[ ]` Not started
- `[/]` In progress
- `[x]` Completed

## Phase 1: Setup

### Tooling
- [x] Install the toolchain
- [x] Create the repository

## Phase 2: Beds ✅ DONE

**Status**: ✅ **DONE**

### Layout
- [x] Draw the bed grid
- [x] Save a layout
  - [x] As JSON

## Phase 3: Watering

### Schedule
- [ ] Add a watering timer
- [/] Notify when the soil is dry

## Ongoing Tasks

- [ ] Keep the README current
"""


def test_a_phase_that_writes_its_status_reads_like_the_phases_beside_it() -> None:
    # ``## Phase 2: Beds ✅ DONE`` over ``**Status**: ✅ **DONE**``, its only field, among
    # phases that are the themes of their boxes: its boxes are the items too; kept as an
    # item it left every phase's boxes (they carry no ID) unread (last-mans-stash's TODO)
    read = [(i.title, i.status) for i in read_items(GARDEN_TODO, "TODO.md")]
    assert [title for title, _ in read] == [
        "Install the toolchain",
        "Create the repository",
        "Draw the bed grid",
        "Save a layout",
        "Add a watering timer",
        "Notify when the soil is dry",
        "Keep the README current",
    ]
    meanings = [common_meaning(status) for _, status in read]
    assert meanings[:4] == ["done"] * 4
    assert meanings[4:6] == ["ready", "in_progress"]
    # the legend gives work under way its own box: an open box under ``## Ongoing
    # Tasks`` is not started, as the legend says
    assert meanings[6] == "ready"
    assert finding_lines(GARDEN_TODO, "TODO.md") == []


PHASES_OF_WORK = """\
# Migration plan

## Phase 1: Export

**Status**: Done

- [x] Dump the tables
- [x] Check the row counts

## Phase 2: Import

**Status**: In progress

- [x] Load the tables
- [ ] Rebuild the indexes
"""


def test_phases_that_each_write_a_status_stay_the_items() -> None:
    # every phase writes its own status over its checklist: the phases are the work
    # (no theme beside them), as before
    read = [(i.id, i.status) for i in read_items(PHASES_OF_WORK)]
    assert read == [("Phase 1", "Done"), ("Phase 2", "In progress")]


BOARD_WITHOUT_LEGEND = """\
# Board

## Done
- [x] Set up CI

## In Progress
- [ ] Write the parser
"""


def test_without_a_box_for_work_under_way_the_heading_says_it() -> None:
    # no legend gives ``[/]`` its meaning: an open box under ``## In Progress`` is in
    # progress, as it was
    read = [(i.title, common_meaning(i.status)) for i in read_items(BOARD_WITHOUT_LEGEND)]
    assert read == [("Set up CI", "done"), ("Write the parser", "in_progress")]


TODO_FORMAT_GUIDE = """\
# Writing the TODO file

Each phase of the game gets a heading, `## Phase N: Name`, and its work goes in boxes
under topic subheadings. When a phase is finished, add ✅ DONE to its heading and a
`**Status**: ✅ DONE` line under it; the boxes stay as they are.

## Phase branches

Mark a box as the legend says: `[ ]` not started, `[/]` in progress, `[x]` completed.
Keep one phase per branch, `phase-2-beds`, and merge it when its boxes are ticked.
"""


def test_a_guide_to_the_phase_format_is_no_plan() -> None:
    assert read_items(TODO_FORMAT_GUIDE, "CONTRIBUTING.md") == ()
    assert finding_lines(TODO_FORMAT_GUIDE, "CONTRIBUTING.md") == []


def test_a_task_that_needs_triage_is_not_yet_accepted(tmp_path: Path) -> None:
    # Backlog.md's workflow of a config (``statuses: ["Needs Triage", "Ready for Agent",
    # ...]``): a task that still needs triage was filed, not accepted as work; an idea
    # (strategy-builder-v2's task folder)
    backlog = tmp_path / "backlog"
    (backlog / "tasks").mkdir(parents=True)
    (backlog / "config.yml").write_text(
        'statuses: ["Needs Triage", "Ready for Agent", "In Progress", "Done"]\n',
        encoding="utf-8",
    )
    (backlog / "tasks" / "task-1 - Scan-the-history.md").write_text(
        "---\nid: TASK-1\ntitle: Scan the history\nstatus: Needs Triage\nassignee: []\n"
        "dependencies: []\n---\n\nText.\n",
        encoding="utf-8",
    )
    (backlog / "tasks" / "task-2 - Bind-the-port.md").write_text(
        "---\nid: TASK-2\ntitle: Bind the port\nstatus: Done\nassignee:\n  - builder\n"
        "dependencies: []\n---\n\nText.\n",
        encoding="utf-8",
    )
    items = taskfiles.read(backlog).roadmap.items
    assert [(i.id, common_meaning(i.status), i.dri) for i in items] == [
        ("TASK-1", "idea", None),
        ("TASK-2", "done", "builder"),
    ]


TRIAGE_GUIDE = """\
# Triage

New issues get a label before anyone works on them:

- Needs triage: filed, not yet read by a maintainer.
- Ready: read, and small enough to take.

A maintainer reads the queue every Monday.
"""


def test_a_guide_to_triage_labels_is_no_plan() -> None:
    assert read_items(TRIAGE_GUIDE, "docs/triage.md") == ()
    assert finding_lines(TRIAGE_GUIDE, "docs/triage.md") == []
