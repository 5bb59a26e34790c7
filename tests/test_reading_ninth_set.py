"""The classes of plan file the ninth held-out set of the corpus (tests/corpus: agent
boards, status-grouped tables, an agent-layer phase roadmap, a Backlog.md folder)
showed misread or over-reported, each in a small document: read as a person reads it,
with no finding a person would call a false alarm."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.model import Item
from roadmaplint.reader import parse
from roadmaplint.settings import Settings


def _items(text: str) -> tuple[Item, ...]:
    return read_items(text, "BACKLOG.md")


def _findings(text: str) -> list[str]:
    return finding_lines(text, "BACKLOG.md")


def _read(text: str) -> list[tuple[str, str, str | None]]:
    return [(i.id, i.title, i.status) for i in _items(text)]


STATUS_BOARD = """\
# Backlog

## In progress

| Id | Title | Type |
| --- | --- | --- |
| WI-014 | Extract Pydantic AI | docs |

## Review

| Id | Title | Type |
| --- | --- | --- |
| — | | |

## Proposed

| Id | Title | Type |
| --- | --- | --- |
| WI-015 | Extract OpenHands | docs |
| WI-016 | Synthesize the corpus | docs |
"""


def test_a_table_under_a_status_heading_of_a_board_takes_its_status() -> None:
    assert _read(STATUS_BOARD) == [
        ("WI-014", "Extract Pydantic AI", "in progress"),
        ("WI-015", "Extract OpenHands", "proposed"),
        ("WI-016", "Synthesize the corpus", "proposed"),
    ]
    assert _findings(STATUS_BOARD) == []
    # one status heading is no board: a table of IDs and titles alone stays no plan
    single = "# Notes\n\n## Done\n\n| Id | Title |\n| --- | --- |\n| A-1 | Thing |\n"
    assert _items(single) == ()


def test_a_blocked_tables_waiting_on_column_names_what_its_rows_wait_for() -> None:
    """RL502 said a row of a board's Blocked table named no dependency where its
    ``Waiting on`` column named one."""
    board = (
        "# Board\n\n## In Progress\n\n| Task | Owner |\n|---|---|\n| Write notes | @ana |\n"
        "| Update screenshots | @bo |\n\n## Blocked\n\n| Task | Waiting on |\n|---|---|\n"
        "| Publish to store | Apple review |\n| Ship the release | publish-to-store |\n"
    )
    read = {i.id: (i.status, i.depends_on, i.external_deps) for i in _items(board)}
    assert read["publish-to-store"] == ("blocked", (), ("Apple review",))
    assert read["ship-the-release"] == ("blocked", ("publish-to-store",), ())
    assert _findings(board) == []
    # and Blocked by, Waiting for, Waits on
    for column in ("Blocked by", "Waiting for", "Waits on"):
        assert _findings(board.replace("Waiting on", column)) == [], column


def test_a_row_of_dashes_keeps_an_empty_table_in_shape_and_is_no_item() -> None:
    text = (
        "# Board\n\n## Backlog\n\n| Task | Priority | Notes |\n|---|---|---|\n"
        "| Write the docs | High | soon |\n\n## Completed\n\n"
        "| Task | Assigned To | Merged |\n|---|---|---|\n| - | - | - |\n"
    )
    assert [(i.title, i.status, i.priority) for i in _items(text)] == [
        ("Write the docs", "backlog", "High")
    ]


def test_a_legend_line_chaining_bold_statuses_lists_each_of_them() -> None:
    text = (
        "# Backlog Index\n\n## Status legend\n"
        "- **Proposed** → **Ready** → **In progress** → **Done**\n"
        "- or **Blocked** / **Dropped**\n\n## Items\n\n"
        "| ID | Title | Status | Priority |\n|---|---|---|---|\n"
        "| BI-0001 | Docs templates | Done | P1 |\n"
        "| BI-0002 | Batch inserts | Proposed | P2 |\n"
        "| BI-0003 | Token usage | Shelved | P2 |\n"
    )
    roadmap = parse(text, "BACKLOG.md", Settings())
    assert roadmap.status_legend is not None
    assert [entry.value for entry in roadmap.status_legend.entries] == [
        "Proposed",
        "Ready",
        "In progress",
        "Done",
        "Blocked",
        "Dropped",
    ]
    # the legend still holds the statuses to what it lists
    assert _findings(text) == ["13:RL201"]


AGENT_LAYER_ROADMAP = """\
# Roadmap

## Phases

```markdown
## Phase N ✅ — <phase name>
- <Accomplishment summary bullet>
```

## Phase 0 ✅ — Reset and cleanup
- Renamed the app and removed the legacy CLI.

## Phase 1 ✅ — Foundations
- Doctor checks Homebrew and the config.

## Phase 2 — Next release

### Goal
- Ship in-app updating.

### Tasks
- [x] Split dev and release app identity.
- [ ] Self-update through a framework.

### Exit criteria
- Updating works from one release to the next.

## Phase 3 — Future features

### Goal
- Track the larger features deferred beyond the next release.

### Tasks
- [ ] Custom IDE support.
- [ ] Homebrew packaging.
"""


def test_an_agent_layer_phase_list_reads_its_phases_not_their_tasks() -> None:
    # a check mark before the dash says the phase is done; an open phase's Goal and
    # Exit criteria subheadings make it a planning phase, and its ticked task boxes say
    # how far it is
    assert _read(AGENT_LAYER_ROADMAP) == [
        ("Phase 0", "Reset and cleanup", "✅"),
        ("Phase 1", "Foundations", "✅"),
        ("Phase 2", "Next release", "in progress"),
        ("Phase 3", "Future features", "pending"),
    ]
    assert _findings(AGENT_LAYER_ROADMAP) == []


CLAIMING_BOARD = """\
# Tasks

## Current Tasks

| Task | Description | Status | Priority |
|------|-------------|--------|----------|
| T6 | WebSocket data producer | [COMPLETE] | P0 |
| T7 | UI WebSocket integration | [AVAILABLE] | P1 |

### Task T6: WebSocket data producer integration
**Priority**: P0
**Dependencies**: None

**Success Criteria**:
- [x] Data flows through WebSocket

### Task T7: UI WebSocket integration
**Priority**: P1
**Dependencies**: T6

**Scope**:
- **Exclude**: the media apps
- **Exclude**: external services

**Success Criteria**:
- [ ] Real-time updates working
"""


def test_an_index_table_over_task_sections_gives_each_task_its_status() -> None:
    # ``### Task T7: Title`` is task T7; the table's row for it gives its status, the
    # section its fields; its success criteria are no items
    assert [
        (i.id, i.title, i.status, i.priority, i.depends_on) for i in _items(CLAIMING_BOARD)
    ] == [
        ("T6", "WebSocket data producer integration", "COMPLETE", "P0", ()),
        ("T7", "UI WebSocket integration", "AVAILABLE", "P1", ("T6",)),
    ]
    # one list's entries under the same bold label are no field written twice
    assert _findings(CLAIMING_BOARD) == []


AGENT_TASK_BOARD = """\
# Task Board

## Active Task Board
- **TASK-001-ARCH-PLAN**: Game design and architecture.
  - Assigned: `planner` (`w4T:p1`, Claude Code)
  - Status: COMPLETE. Full architecture delivered.
- **TASK-002-STAGE1-SLICE**: Stage 1 playable slice.
  - Assigned: `coder` (`w4T:p2`)
  - Target commit: `22e0849`
  - Status: Fixes implemented; final verification pending.
"""


def test_bold_id_bullets_take_status_and_owner_from_their_nested_bullets() -> None:
    assert [(i.id, i.title, i.status, i.dri) for i in _items(AGENT_TASK_BOARD)] == [
        ("TASK-001-ARCH-PLAN", "Game design and architecture.", "COMPLETE", "planner"),
        ("TASK-002-STAGE1-SLICE", "Stage 1 playable slice.", "Fixes implemented", "coder"),
    ]
    assert _findings(AGENT_TASK_BOARD) == []
