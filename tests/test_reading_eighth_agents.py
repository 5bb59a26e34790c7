"""The classes of plan file the eighth held-out set of the corpus (tests/corpus, plans kept
by coding agents and planning tools) showed misread or over-reported, each in a small
document: read as a person reads it, with no finding a person would call a false alarm."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.model import Item


def _items(text: str) -> tuple[Item, ...]:
    return read_items(text, "TASKS.md")


def _findings(text: str) -> list[str]:
    return finding_lines(text, "TASKS.md")


def _read(text: str) -> list[tuple[str, str, str | None]]:
    return [(i.id, i.title, i.status) for i in _items(text)]


NUMBERED_TASK_BOXES = """\
# Implementation Tasks

## Phase 1: Project Setup
- [x] Task 1.1: Initialize the project
- [x] Task 1.2: Install dependencies

## Phase 2: Utilities
- [x] Task 2.1: Create the helpers

## Phase 3: Testing
- [ ] Task 3.1: Run the dev server
"""


def test_a_box_led_by_a_numbered_task_is_that_task_under_its_phase() -> None:
    # ``Task 1.1:`` is the task's ID, as a ``### Task 12: Name`` heading's is; the phase
    # headings above the boxes are their sections, not items (one box under a phase too).
    assert _read(NUMBERED_TASK_BOXES) == [
        ("Task 1.1", "Initialize the project", "done"),
        ("Task 1.2", "Install dependencies", "done"),
        ("Task 2.1", "Create the helpers", "done"),
        ("Task 3.1", "Run the dev server", "[ ]"),
    ]
    assert [i.section for i in _items(NUMBERED_TASK_BOXES)][2:] == [
        "Phase 2: Utilities",
        "Phase 3: Testing",
    ]
    assert _findings(NUMBERED_TASK_BOXES) == []


def test_a_box_that_only_mentions_a_task_keeps_its_words() -> None:
    # No separator after the number: a sentence about a task, not a task's ID.
    text = "# TODO\n\n- [ ] Task 3 needs a second reviewer\n- [ ] Write the changelog\n"
    assert [i.title for i in _items(text)] == [
        "Task 3 needs a second reviewer",
        "Write the changelog",
    ]


INSERTED_TASKS = """\
# Tasks: Workflow Skill

## Phase 7: Polish

- [x] T038 [P] Add edge case handling
- [x] T038a [P] Add template version tolerance
- [ ] T039 [P] Add multi-feature conversation handling
- [ ] T040a Implement error message templates
"""


def test_a_task_inserted_between_two_keeps_its_lettered_id() -> None:
    # spec-kit numbers a task added after T038 as T038a; its markers are not its title.
    assert _read(INSERTED_TASKS) == [
        ("T038", "Add edge case handling", "done"),
        ("T038a", "Add template version tolerance", "done"),
        ("T039", "Add multi-feature conversation handling", "[ ]"),
        ("T040a", "Implement error message templates", "[ ]"),
    ]
    assert _findings(INSERTED_TASKS) == []


def test_a_plural_of_a_short_name_with_a_digit_stays_a_title_word() -> None:
    text = "# TODO\n\n- [ ] MP3s play in the background\n- [ ] Fix the seek bar\n"
    assert [i.title for i in _items(text)] == ["MP3s play in the background", "Fix the seek bar"]


AGENT_QUEUE = """\
# Task Board

## P0 — Critical

### TASK-001: Remove duplicate parsers
- **Priority**: P0
- **Agent**: protocol
- **Status**: open

### TASK-002: Externalize the auth token
- **Priority**: P0
- **Agent**: hardware + frontend
- **Status**: in progress
"""


def test_the_agent_an_agent_queue_names_is_the_owner() -> None:
    # As an Agent column is in a queue's table: who takes the item.
    assert [(i.id, i.dri, i.priority) for i in _items(AGENT_QUEUE)] == [
        ("TASK-001", "protocol", "P0"),
        ("TASK-002", "hardware + frontend", "P0"),
    ]
    assert _findings(AGENT_QUEUE) == []


PADDED_TASKS = """\
# TASKS

## Critical Path

001 -> 002 -> 003

## wave-1

### 001 Write the project charter

- Priority: P0
- Depends on: none
- Summary: Capture the scope.

### 002 Set up the repository

- Priority: P0
- Depends on: 001
- Summary: Create the structure.

## wave-2

### 003 Implement the health overview

- Priority: P1
- Depends on: 001, 002, GitHub API access
- Summary: Design and build it.
"""


def test_a_heading_led_by_a_padded_number_over_work_fields_is_a_task() -> None:
    # ``### 001 Title`` with a Priority and a Depends on: the number is the task's ID, and
    # a dependency naming another task's number is a reference to it.
    items = _items(PADDED_TASKS)
    assert [(i.id, i.title, i.priority, i.depends_on) for i in items] == [
        ("001", "Write the project charter", "P0", ()),
        ("002", "Set up the repository", "P0", ("001",)),
        ("003", "Implement the health overview", "P1", ("001", "002")),
    ]
    assert items[2].external_deps == ("GitHub API access",)
    assert [i.section for i in items] == ["wave-1", "wave-1", "wave-2"]
    assert _findings(PADDED_TASKS) == []


def test_a_numbered_chapter_stays_prose() -> None:
    # ``## 01 Introduction`` with prose under it, ``### 2 Scope`` with a Priority: a
    # chapter, not a task (no work field under the first, no padding on the second).
    text = "# Design\n\n## 01 Introduction\n\nWhy we build it.\n\n### 2 Scope\n\n- Priority: P1\n"
    assert _items(text) == ()


AGENT_BOARD = """\
# Agent Task Board

## 🔒 Locked (In Progress)

- [ ] Fix: the cleanup test fails — locked by **Agent-Test** at 2026-02-08 09:27
## 📋 Backlog (Available)

## ✅ Done

- [x] Feature: add a status command — Created it, 3 tests (Agent-C 2026-02-07)
- [x] Feature: create the docs site for GitHub Pages (2026-02-07)
- [x] Chore: add .gitignore for agent logs (completed 2026-02-06)
"""


def test_an_agent_boards_claim_and_done_dates_are_no_title() -> None:
    # The board's claim names who holds the box; the day a box was done is no part of
    # its name, nor is the summary after the dash.
    assert [(i.title, i.status, i.dri) for i in _items(AGENT_BOARD)] == [
        ("Fix: the cleanup test fails", "in progress", "Agent-Test"),
        ("Feature: add a status command", "done", None),
        ("Feature: create the docs site for GitHub Pages", "done", None),
        ("Chore: add .gitignore for agent logs", "done", None),
    ]
    assert _findings(AGENT_BOARD) == []


def test_a_date_inside_a_title_stays() -> None:
    text = "# TODO\n\n- [ ] Migrate the 2026-01-01 export (v2 schema)\n- [ ] Write notes\n"
    assert _items(text)[0].title == "Migrate the 2026-01-01 export (v2 schema)"


DONE_LOG = """\
# Task Board

## P0 — Critical

### TASK-000: Fix the relay address
- **Priority**: P0
- **Status**: done ✅ (2026-02-12)

### TASK-001: Remove duplicate parsers
- **Priority**: P0
- **Status**: open

## Completed

### TASK-000: Fix the relay address ✅
- Completed 2026-02-12 by the protocol agent

### TASK-014: Precision dosing ✅
- Completed 2026-02-12
"""


def test_a_done_item_logged_again_under_completed_is_one_item() -> None:
    # The Completed section repeats TASK-000, done in both places: a log, no duplicate;
    # TASK-014 is listed only there, and is an item of its own.
    assert [(i.id, i.status) for i in _items(DONE_LOG)] == [
        ("TASK-000", "done ✅ (2026-02-12)"),
        ("TASK-001", "open"),
        ("TASK-014", "✅"),
    ]
    assert _findings(DONE_LOG) == []


def test_a_repeat_under_completed_that_disagrees_is_still_a_duplicate() -> None:
    # TASK-001 is open above and done below: readers cannot tell which is true (RL102).
    text = DONE_LOG.replace(
        "### TASK-014: Precision dosing", "### TASK-001: Remove duplicate parsers"
    )
    assert [i.id for i in _items(text)].count("TASK-001") == 2
    assert _findings(text) == ["18:RL102"]


NUMBERED_PRIORITIES = """\
# Active Work Queue

## IMMEDIATE QUEUE (Next 24 hours)

### PRIORITY 1: CI/CD Validation
- [ ] Monitor GitHub Actions for completion
- [ ] Document CI/CD results

### PRIORITY 2: Staging Deployment
- [ ] Create the backend service

## SECONDARY QUEUE

### Documentation
- [ ] Update the deployment runbook
"""


def test_a_group_led_by_a_numbered_priority_gives_its_boxes_that_priority() -> None:
    # ``PRIORITY 1:`` is P1, as ``## P1 — Theme`` is; a topic group names none.
    assert [(i.title, i.priority) for i in _items(NUMBERED_PRIORITIES)] == [
        ("Monitor GitHub Actions for completion", "P1"),
        ("Document CI/CD results", "P1"),
        ("Create the backend service", "P2"),
        ("Update the deployment runbook", None),
    ]
    assert _findings(NUMBERED_PRIORITIES) == []


def test_a_priority_named_inside_a_version_is_no_band() -> None:
    text = "# TODO\n\n## Priority 1.5 follow-ups\n- [ ] Tidy the logs\n- [ ] Rotate keys\n"
    assert [i.priority for i in _items(text)] == [None, None]


DONE_LINES = """\
# Work Queue

## IMMEDIATE QUEUE

### Documentation
- [ ] Update the deployment runbook
- [ ] Create an incident response guide

## COMPLETED (This Session)

✅ Backend runtime debugging
✅ Shutdown hook fix
✅ Deployment automation (6 scripts)

---

Status: READY FOR IMMEDIATE QUEUE
"""


def test_lines_of_done_marks_under_a_completed_heading_are_done_items() -> None:
    # A log of finished work without bullets, under a heading that says done (its remark
    # in brackets says when): one done item a line; the closing status line is prose.
    assert [(i.title, i.status) for i in _items(DONE_LINES)][2:] == [
        ("Backend runtime debugging", "✅"),
        ("Shutdown hook fix", "✅"),
        ("Deployment automation (6 scripts)", "✅"),
    ]
    assert _findings(DONE_LINES) == []


def test_marked_lines_under_a_heading_that_says_no_status_stay_prose() -> None:
    # ``## Why`` over ✅ pros in a document of boxes: a design note, not finished work.
    text = "# Plan\n\n## Tasks\n- [ ] Ship it\n- [ ] Tell people\n\n## Why\n\n✅ Cheap\n✅ Fast\n"
    assert [i.title for i in _items(text)] == ["Ship it", "Tell people"]


def test_a_status_heading_with_a_remark_in_brackets_gives_its_boxes_the_status() -> None:
    # The remark says when; words after the status still make a topic (``Open questions``).
    text = (
        "# Board\n\n## In Progress (week 12)\n- [ ] Wire the API\n\n"
        "## Done (3)\n- [ ] Ship the form\n\n## Open questions\n- [ ] Why?\n"
    )
    assert [i.status for i in _items(text)] == ["in progress", "[ ]", "[ ]"]
