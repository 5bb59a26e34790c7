"""The thirteenth quiet sweep's classes (issue 20; ``tests/corpus/README.md``, "Thirteenth
quiet sweep"), each in small documents written for it: a plan of the class that reads its
items (or keeps its real finding), and beside it a document that is no plan but looks
close, which reads no items and gets no finding."""

from __future__ import annotations

from tests.conftest import finding_lines, read_items

# A backlog whose stories open with an emoji of several joined by a zero-width joiner.
JOINED_EMOJI_BACKLOG = """\
# Backlog

## User Stories

### \U0001f9d1\u200d\U0001f4bc US001 - Sign up

- Priority: High

### \U0001f4e9 US002 - Sign in

- Priority: High

### \U0001f469\u200d\U0001f680 US003 - Launch checklist

- Priority: Low
"""


def test_a_joined_emoji_before_an_id_is_one_mark_like_any_emoji() -> None:
    items = read_items(JOINED_EMOJI_BACKLOG, "backlog/initial-backlog.md")
    assert [(item.id, item.title) for item in items] == [
        ("US001", "Sign up"),
        ("US002", "Sign in"),
        ("US003", "Launch checklist"),
    ]
    assert finding_lines(JOINED_EMOJI_BACKLOG, "backlog/initial-backlog.md") == []


def test_a_team_page_headed_by_joined_emoji_is_no_plan() -> None:
    page = (
        "# Team\n\n### \U0001f9d1\u200d\U0001f4bc Managers\n\nAna and Bob run the sprints.\n\n"
        "### \U0001f469\u200d\U0001f4bb Engineers\n\nEveryone else, on call in turns.\n"
    )
    assert read_items(page, "TEAM.md") == ()
    assert finding_lines(page, "TEAM.md") == []


# A contributing guide's table of the labels to put on a pull request, each a code span.
LABEL_GUIDE = """\
# Contributing

## Label Guide

Apply one kind label per affected area.

| Area    | Bug              | Feature              |
|---------|------------------|----------------------|
| Storage | `storage:bug`    | `storage:feature`    |
| UI      | `ui:bug`         | `ui:feature`         |
| Sync    | `sync:bug`       | `sync:feature`       |
"""


def test_a_guide_to_labels_written_in_code_is_no_near_miss() -> None:
    assert read_items(LABEL_GUIDE, "CONTRIBUTING.md") == ()
    assert finding_lines(LABEL_GUIDE, "CONTRIBUTING.md") == []


def test_a_table_of_work_titled_in_words_with_no_status_still_comes_close() -> None:
    plan = (
        "# Plan\n\n| Area | Feature |\n|---|---|\n| Storage | Compress old snapshots |\n"
        "| UI | Dark mode toggle |\n"
    )
    assert read_items(plan, "PLAN.md") == ()
    assert finding_lines(plan, "PLAN.md") == ["1:RL109"]


# A summary of a finished slice: its title names the slice by its ID, a table logs the
# commits that did the work, and nothing below writes a field of work.
SLICE_SUMMARY = """\
---
id: S04
completed_at: 2026-02-13
verification_result: passed
---
# S04: Offline Sync

## What Was Built

A queue of local edits replayed when the connection returns.

## Task Commits

| Task | Commit | Files Modified | Description |
|------|--------|----------------|-------------|
| 1 | 3f2a9c1 | sync/queue.ts | Queue local edits |
| 2 | 9b7e004 | sync/replay.ts | Replay on reconnect |
"""


def test_a_summary_titled_by_its_slice_with_a_log_of_commits_is_no_near_miss() -> None:
    path = ".gsd/milestones/M001/slices/S04/S04-SUMMARY.md"
    assert read_items(SLICE_SUMMARY, path) == ()
    assert finding_lines(SLICE_SUMMARY, path) == []


def test_a_log_of_quick_tasks_by_commit_is_no_near_miss() -> None:
    state = (
        "# Project State\n\n## Quick Tasks Completed\n\n"
        "| # | Description | Date | Commit | Directory |\n|---|---|---|---|---|\n"
        "| 1 | Fix the login redirect | 2026-03-02 | a1b2c3d | quick/1-fix-login |\n"
        "| 2 | Bump the parser | 2026-03-04 | d4e5f6a | quick/2-bump-parser |\n"
    )
    assert read_items(state, ".planning/STATE.md") == ()
    assert finding_lines(state, ".planning/STATE.md") == []


def test_an_item_written_as_the_title_over_its_fields_still_comes_close() -> None:
    plan = "# [MODEL-1] Attention\n\nStatus: Done\nOwner: Ana\n"
    assert read_items(plan, "ROADMAP.md") == ()
    assert finding_lines(plan, "ROADMAP.md") == ["1:RL109"]


# A requirements list whose sections name the themes of the IDs they gather.
THEMED_REQUIREMENTS = """\
# Requirements

### Search & export — Phase 4

- [ ] **SEARCH-01** (Phase 4) — Find a recipe by an ingredient.
- [ ] **EXPORT-01** (Phase 4) — Export a cookbook as a PDF.

### Households — Phase 5

- [ ] **HOUSE-01** (Phase 5) — A user can belong to two households.
- [ ] **HOUSE-02** (Phase 5) — An owner can invite by e-mail.
"""


def test_a_prefix_its_section_names_in_words_is_no_stray() -> None:
    items = read_items(THEMED_REQUIREMENTS, ".planning/REQUIREMENTS.md")
    assert [item.id for item in items] == ["SEARCH-01", "EXPORT-01", "HOUSE-01", "HOUSE-02"]
    assert finding_lines(THEMED_REQUIREMENTS, ".planning/REQUIREMENTS.md") == []


def test_a_prefix_its_section_does_not_name_is_still_a_stray() -> None:
    plan = (
        "# Roadmap\n\n## Auth\n\n### [AUTH-1] Login\n\nStatus: Ready\n\n"
        "### [BUG-7] Crash on logout\n\nStatus: Ready\n"
    )
    assert finding_lines(plan, "ROADMAP.md") == ["9:RL106"]


def test_release_notes_naming_two_themes_by_their_words_are_no_plan() -> None:
    notes = (
        "# Release notes\n\n## Search & export\n\n- Search finds recipes by ingredient.\n"
        "- Export writes a PDF of a cookbook.\n"
    )
    assert read_items(notes, "RELEASES.md") == ()
    assert finding_lines(notes, "RELEASES.md") == []


# A to-do file of requirements, each heading ticked, one of whose lists holds one bullet
# led by a done mark.
LONE_DONE_MARK = """\
# TODO.md

## The assignment

### Description:
Build a to-do list app with reminders by e-mail.

---

### Functional requirements:

#### \u2705 1. CRUD:
- Full CRUD on tasks, with these fields:
    - \u2705 Name (required)
    - \u2705 Deadline (required)

#### \u2705 2. Browsing:
- \u2705 Filter the list by priority, status and deadline.

#### \u2705 3. Accounts:
- \u2705 Sign in with Laravel Breeze.
- \u2705 Each user sees only their own tasks.
"""


def test_a_bullet_led_by_a_done_mark_or_under_one_is_done_alone_in_its_list_too() -> None:
    items = read_items(LONE_DONE_MARK, "TODO.md")
    assert [(item.title, item.status) for item in items] == [
        ("Full CRUD on tasks, with these fields:", "\u2705"),
        ("Filter the list by priority, status and deadline", "\u2705"),
        ("Sign in with Laravel Breeze.", "\u2705"),
        ("Each user sees only their own tasks.", "\u2705"),
    ]
    assert finding_lines(LONE_DONE_MARK, "TODO.md") == []


def test_a_readme_marking_its_one_feature_done_is_no_plan() -> None:
    readme = (
        "# fastjson\n\nA JSON parser.\n\n## Features\n\n- \u2705 Streaming input\n\n"
        "## Install\n\n- pip install fastjson\n"
    )
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []


# An Obsidian Kanban board with a lane for the work it will not do.
BOARD_WITH_A_CUT_LANE = """\
---

kanban-plugin: basic

---

## Doing

- [ ] Write the loader

## Out of scope (2)

- [ ] Port to consoles
- [ ] Cloud saves

## Done

- [x] Pick an engine
"""


def test_a_card_in_a_boards_out_of_scope_lane_is_let_go() -> None:
    items = read_items(BOARD_WITH_A_CUT_LANE, "Kanban.md")
    assert [(item.title, item.status) for item in items] == [
        ("Write the loader", "doing"),
        ("Port to consoles", "dropped"),
        ("Cloud saves", "dropped"),
        ("Pick an engine", "done"),
    ]
    assert finding_lines(BOARD_WITH_A_CUT_LANE, "Kanban.md") == []


def test_a_brief_naming_what_is_out_of_scope_is_no_plan() -> None:
    brief = (
        "# Project brief\n\nA small game about gardening.\n\n## Out of scope\n\n"
        "- Port to consoles\n- Cloud saves\n"
    )
    assert read_items(brief, "BRIEF.md") == ()
    assert finding_lines(brief, "BRIEF.md") == []


# A progress log: each entry a bold title over nested bullets, one of them its status.
PROGRESS_LOG = """\
# Lab progress

## Log

- **Lab 1: Hello World**
  - Status: Completed
  - Notes: Runs on every machine.

- **Lab 2: Calculator**
  - Status: In progress
  - Notes: Division left.

- **Lab 3: Dice**
  - Status: Pending
"""


def test_bold_titles_over_a_nested_status_are_a_progress_logs_entries() -> None:
    items = read_items(PROGRESS_LOG, "Assignments/Progress.md")
    assert [(item.title, item.status) for item in items] == [
        ("Lab 1: Hello World", "Completed"),
        ("Lab 2: Calculator", "In progress"),
        ("Lab 3: Dice", "Pending"),
    ]
    assert finding_lines(PROGRESS_LOG, "Assignments/Progress.md") == []


def test_a_readme_of_platforms_with_a_nested_support_status_is_no_plan() -> None:
    readme = (
        "# fastjson\n\nA JSON parser.\n\n## Platforms\n\n- **Linux**\n  - Status: supported\n"
        "  - Notes: CI runs here.\n\n- **macOS**\n  - Status: experimental\n"
        "  - Notes: no CI yet.\n"
    )
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []
