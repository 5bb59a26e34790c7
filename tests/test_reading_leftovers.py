"""The classes of plan file the held-out rounds of the corpus left unread or misread
(ROADMAP CORE-44, CORE-46, CORE-51, CORE-53, CORE-55), each in a small document written
as the real files are: read as a person reads it, with no finding a person would call a
false alarm."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.model import Item
from roadmaplint.reader import parse
from roadmaplint.reader.incremental import full_snapshot, update
from roadmaplint.reader.quiet import document_statuses
from roadmaplint.settings import Settings


def _items(text: str) -> tuple[Item, ...]:
    return read_items(text, "TASKS.md")


def _findings(text: str) -> list[str]:
    return finding_lines(text, "TASKS.md")


CLAIMING_LEGEND = """\
# Tasks

## Task Status Legend

- `[AVAILABLE]` - Ready to claim
- `[CLAIMED by @id]` - Locked by an agent
- `[COMPLETE]` - Finished

## Current Tasks

| Task | Description | Status | Priority |
|------|-------------|--------|----------|
| T1 | Consolidate metrics | [AVAILABLE] | P0 |
| T2 | Standardize Traefik config | [CLAIMED by @auto] | P1 |
| T3 | Homepage cleanup | [COMPLETE] | P1 |
"""


def test_a_bracketed_status_of_an_agent_board_means_what_its_legend_says() -> None:
    # ``[AVAILABLE]`` is free to claim (ready); ``[CLAIMED by @auto]`` is held by auto
    # (in progress, auto its owner); ``[COMPLETE]`` is done
    items = _items(CLAIMING_LEGEND)
    assert [(i.id, i.status, i.dri) for i in items] == [
        ("T1", "AVAILABLE", None),
        ("T2", "CLAIMED", "auto"),
        ("T3", "COMPLETE", None),
    ]
    roadmap = parse(CLAIMING_LEGEND, "TASKS.md", Settings())
    statuses = document_statuses(roadmap, Settings())
    assert [statuses.is_ready(i.status) for i in items] == [True, False, False]
    assert [statuses.is_in_progress(i.status) for i in items] == [False, True, False]
    assert _findings(CLAIMING_LEGEND) == []


DEPENDENCIES_AS_WRITTEN = """\
# Work Queue

### LOG-24 · Verify the end-to-end plan
**Effort:** S · **Status:** PARTIAL · **Prereq for:** LOG-44

### LOG-26 · Embed on write
**Effort:** M · **Status:** OPEN

### LOG-27 · Suggest similar chats
**Effort:** M · **Status:** OPEN · **Best-after:** LOG-26 · **Cross-ref:** upstream

### LOG-44 · Migrate to a server per sandbox
**Effort:** XL · **Status:** OPEN · **Owner:** —

### LOG-45 · Pluggable runtime images
**Effort:** M · **Status:** OPEN · **Best-after:** LOG-44.1 (the HTTP contract)
"""


def test_a_dependency_written_on_the_item_it_unblocks_or_as_a_preference_is_one() -> None:
    # ``Prereq for: LOG-44`` on LOG-24: LOG-44 depends on LOG-24; ``Best-after: LOG-26``
    # orders LOG-27 after LOG-26; ``LOG-44.1``, a phase of LOG-44, names LOG-44
    assert [(i.id, i.depends_on) for i in _items(DEPENDENCIES_AS_WRITTEN)] == [
        ("LOG-24", ()),
        ("LOG-26", ()),
        ("LOG-27", ("LOG-26",)),
        ("LOG-44", ("LOG-24",)),
        ("LOG-45", ("LOG-44",)),
    ]
    # an open task over one under way or not started: the order, no RL306 (a task that
    # only says it has not started claims nothing, tests/test_reading_third_set.py)
    assert _findings(DEPENDENCIES_AS_WRITTEN) == []


PREREQ_LIST = """\
# Roadmap

## [A-1] First
- **Status:** in_progress
- **Prereq for:** A-2

## [A-2] Second
- **Status:** idea
- **DRI:** @ana
"""


def test_an_editor_edit_in_a_plan_with_reverse_dependencies_equals_a_full_read() -> None:
    # one item's ``Prereq for`` gives another its dependency: an edit of either is read
    # with the whole plan, so the language server sees what ``check`` sees
    snapshot = full_snapshot(PREREQ_LIST, "ROADMAP.md", Settings())
    assert [i.depends_on for i in snapshot.roadmap.items] == [(), ("A-1",)]
    for edited in (
        PREREQ_LIST.replace("@ana", "@bo"),
        PREREQ_LIST.replace("**Prereq for:** A-2", "**Prereq for:** A-3"),
    ):
        updated = update(snapshot, edited)
        assert updated.roadmap == parse(edited, "ROADMAP.md", Settings())


PHASE_UNDER_WAY = """\
# Roadmap: Recall

## Phases

- [x] **Phase 8: Note Model** - notes as cards
- [ ] **Phase 9: Flexible Note Collection** - collect by tag
- [ ] **Phase 10: Review Queue** - spaced review

### Phase 8: Note Model
**Goal**: Notes become cards

### Phase 9: Flexible Note Collection
**Goal**: Collect notes by tag
**Depends on**: Phase 8

### Phase 10: Review Queue
**Goal**: Review what is due
**Depends on**: Phase 9

## Progress

| Phase | Plans Complete | Status | Completed |
|-------|----------------|--------|-----------|
| 8. Note Model | 2/2 | Complete | 2026-03-01 |
| 9. Flexible Note Collection | 1/3 | In Progress | - |
| 10. Review Queue | 0/2 | Not started | - |
"""


def test_an_open_phase_box_whose_progress_row_says_in_progress_is_in_progress() -> None:
    # the open box says only that phase 9 is not done; its row says it is under way.
    # Phase 10's open box and its Not started row agree: pending
    assert [(i.id, i.status) for i in _items(PHASE_UNDER_WAY)] == [
        ("Phase 8", "done"),
        ("Phase 9", "In Progress"),
        ("Phase 10", "pending"),
    ]
    assert _findings(PHASE_UNDER_WAY) == []


AGENT_BOARD = """\
# Agent Task Board

## Backlog (Unassigned Tasks)

| Task | Domain | Priority | Dependencies | Notes |
|------|--------|----------|--------------|-------|
| Projects Domain Tests | Projects | High | Core Infrastructure | Package ready |
| Frontend E2E Organization | Frontend | Medium | None | Can start independently |

## Ready (Can Start - Dependencies Met)

| Task | Assigned To | Domain | Status |
|------|-------------|--------|--------|
| Auth Domain Tests | Continue | Auth | ✅ Ready |

## In Progress (Currently Working)

| Task | Assigned To | Domain | Started |
|------|-------------|--------|---------|
| Frontend E2E Organization | Codex | Frontend | 2025-11-08 09:30 |

## Completed (Done - Reviewed and Merged)

| Task | Assigned To | Completed |
|------|-------------|-----------|
| Core Infrastructure | Cursor | 2025-11-08 09:30 |
"""


def test_a_board_names_its_tasks_by_title_and_a_task_moved_along_is_one_item() -> None:
    items = _items(AGENT_BOARD)
    assert [(i.title, i.status, i.priority, i.dri, i.depends_on) for i in items] == [
        # ``Core Infrastructure`` in the Dependencies column is the row of that title
        ("Projects Domain Tests", "backlog", "High", None, ("core-infrastructure",)),
        # ``✅ Ready``: the board's check that the task may start, not done
        ("Auth Domain Tests", "✅ Ready", None, "Continue", ()),
        # listed under Backlog and again under In Progress: one task, moved along; its
        # priority from the Backlog row, its owner and status from where it stands now
        ("Frontend E2E Organization", "in progress", "Medium", "Codex", ()),
        ("Core Infrastructure", "completed", None, "Cursor", ()),
    ]
    statuses = document_statuses(parse(AGENT_BOARD, "TASKS.md", Settings()), Settings())
    assert statuses.is_ready("✅ Ready") and not statuses.is_done("✅ Ready")
    assert _findings(AGENT_BOARD) == []


NAMED_BY_TITLE = """\
# Roadmap

## [A-1] Core Infrastructure
- **Status:** done

## [A-2] Projects Domain
- **Status:** ready
- **Depends on:** Core Infrastructure
"""


def test_a_dependency_named_by_a_title_follows_editor_edits_as_a_full_read_does() -> None:
    snapshot = full_snapshot(NAMED_BY_TITLE, "ROADMAP.md", Settings())
    assert [i.depends_on for i in snapshot.roadmap.items] == [(), ("A-1",)]
    for edited in (
        NAMED_BY_TITLE.replace("] Core Infrastructure", "] Core Platform"),
        NAMED_BY_TITLE.replace("on:** Core Infrastructure", "on:** Core Infrastructure, Other"),
    ):
        updated = update(snapshot, edited)
        assert updated.roadmap == parse(edited, "ROADMAP.md", Settings())


CONTEXT_NOTE = """\
# Roadmap

## Phase 6: Backbone Unfreezing

**Goal:** Fine-tune the backbone end to end

**Depends on:** Phase 5

## Phase 7: Training Strategy

**Goal:** Hit the accuracy targets

**Context:**
- Depends on Phase 6 establishing stable backbone fine-tuning
- LLRD: lower layers get smaller learning rates
"""


def test_a_context_bullet_that_says_what_an_item_depends_on_is_its_dependency() -> None:
    # ``- Depends on Phase 6 establishing ...`` is a note, not a field; it names phase 6,
    # an item of the plan
    items = _items(CONTEXT_NOTE)
    assert [(i.id, i.depends_on) for i in items] == [
        ("Phase 6", ("Phase 5",)),
        ("Phase 7", ("Phase 6",)),
    ]
    # the editor reads such an item with the plan that holds the item it names
    noted = "# Roadmap\n\n## [A-1] First\n- **Status:** done\n\n## [A-2] Second\n"
    noted += "- **Status:** ready\n- **DRI:** @ana\n- Depends on A-1 landing first\n\n"
    noted += "## [A-3] Third\n- **Status:** idea\n"
    snapshot = full_snapshot(noted, "ROADMAP.md", Settings())
    assert snapshot.roadmap.items[1].depends_on == ("A-1",)
    edited = noted.replace("@ana", "@bo")
    assert update(snapshot, edited).roadmap == parse(edited, "ROADMAP.md", Settings())


COMPLETED_TICKETS = """\
# Work Queue

## Completed Tickets

- **Group districts by region in People tab** - PR #33
  - Added regional grouping headers to the district list
  - Commit: 52947b6

- **Add 'Needs' filter to People tab** - PR #31
  - Filter allows showing only people with an active need
  - Commit: 6e21dd5
"""

FEATURES = """\
# Gallery

## Done

- **Fast thumbnails** - rendered on the GPU
- **Albums** - grouped by date
"""


def test_bold_titled_bullets_under_a_completed_heading_of_a_queue_are_done_items() -> None:
    # a work queue's log of finished tickets: each bold title a done item, its notes and
    # commit no items
    assert [(i.title, i.status) for i in _items(COMPLETED_TICKETS)] == [
        ("Group districts by region in People tab", "completed"),
        ("Add 'Needs' filter to People tab", "completed"),
    ]
    assert _findings(COMPLETED_TICKETS) == []
    # a document not titled a plan: a list of what it has, as a README's features are
    assert _items(FEATURES) == ()


LATER_TABLE = """\
# Roadmap: 1on1

## v2.1 Analytics

### Phase 46: Analytics Quick Wins
**Goal**: Ship the first charts
**Depends on**: None

## v2.2+ Later

| Feature | Notes |
|---------|-------|
| AI live suggestions | Streaming during active sessions |
| PDF export | Organization-branded reports |
"""


def test_a_table_of_features_under_a_later_heading_lists_items_without_a_status() -> None:
    # the plan's horizon of later work: each row an item, with no status (the heading
    # says when, not how far), beside the plan's phases
    assert [(i.id, i.title, i.status) for i in _items(LATER_TABLE)] == [
        ("Phase 46", "Analytics Quick Wins", None),
        ("ai-live-suggestions", "AI live suggestions", None),
        ("pdf-export", "PDF export", None),
    ]
    assert _findings(LATER_TABLE) == []


HOUSEKEEPING_QUEUE = """\
# Work Queue — Backend Housekeeping (2026-04-01)

Deferred items from the backend audit that need further evaluation before acting.

## Structural

- **Add VendorBillStatusEvent model** — Quote and Invoice have audit trails.

## Code Quality

- **Upgrade `unique_together` to `UniqueConstraint`** — Quote still uses it.
- **Stale `.pyc` files from deleted models** — harmless but untidy.
"""

NOTES_OF_A_PARAGRAPH = """\
# Backlog

B01 — Parser robustness
- Scope: M

B02 — Lexer speed
- Scope: S
"""


def test_bold_titled_bullets_of_a_document_titled_a_work_queue_are_its_work() -> None:
    # each bold title names a piece of work; none writes a status, so none is read
    assert [(i.title, i.status) for i in _items(HOUSEKEEPING_QUEUE)] == [
        ("Add VendorBillStatusEvent model", None),
        ("Upgrade unique_together to UniqueConstraint", None),
        ("Stale .pyc files from deleted models", None),
    ]
    assert _findings(HOUSEKEEPING_QUEUE) == []
    # plain bullets under a paragraph of a backlog are its notes, no work of their own
    assert _items(NOTES_OF_A_PARAGRAPH) == ()


def test_an_agent_boards_bullets_claimed_by_an_agent_are_items_it_owns() -> None:
    # '- [CLAIMED by @bob] Write docs' beside '- [AVAILABLE] Build parser': the '@' kept
    # the claimed bullet from reading as a status word, so the list read as no items
    # and RL109 called it a near miss of a box list.
    text = (
        "# Agent Task Board\n\n## Tasks\n\n- [AVAILABLE] Build parser\n"
        "- [CLAIMED by @bob] Write docs\n- [DONE] Old stuff\n"
    )
    assert [(item.title, item.status, item.dri) for item in _items(text)] == [
        ("Build parser", "AVAILABLE", None),
        ("Write docs", "CLAIMED", "@bob"),
        ("Old stuff", "DONE", None),
    ]
    assert _findings(text) == []
