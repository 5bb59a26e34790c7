"""The classes of plan file the seventeenth held-out set of the corpus (tests/corpus: a
mixed sample measured before any change, numbered 82-83 in headings/, 71-72 in tables/,
63-64 in phases/, 115-116 in checkboxes/, and the cartcheck folder) showed read wrong,
each in a small document: read as a person reads it, with no finding; and beside each new
reading a document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

QUEUE = """\
# Timesheet — Work Queue & Handoff Brief

Read it fully before making changes. Check items off as you complete them.

## THE WORK QUEUE (in order)

### [x] #2 — FIX: Saving employee edits does nothing — DONE (9c6cfd7)
**Cause:** the number was copied straight through.
**Where:** `admin-users.vue`.

### [x] #7 — FIX: Excel export puts all hours in the first rate row — DONE (321a530)
Each category's hours now land on the row of their rate.

**Decisions made (confirmed with Rief):**
- **Private lessons** show a session count in the Regular column.
- **Reconciliation backstop:** hours no rate claims get a row of their own.

### [ ] #1 — FEATURE: Edit & delete personal time entries
Users cannot fix a mis-entered entry.

### [ ] #6 — FEATURE (LARGE, DO LAST, likely its own session): SMS / phone-number login
Let users log in with a texted code.
"""


def test_queue_headings_that_open_with_a_box_and_a_number() -> None:
    # ``### [x] #2 — FIX: Title — DONE (sha)``: the box is the status, ``#2`` the ID; the
    # kind of work and the closing status are no part of the title, and the bold labels of
    # an item's decision list are its notes, not the plan's items
    read = [(i.id, i.title, i.status) for i in read_items(QUEUE, "WORK_QUEUE.md")]
    assert read == [
        ("#2", "Saving employee edits does nothing", "[x]"),
        ("#7", "Excel export puts all hours in the first rate row", "[x]"),
        ("#1", "Edit & delete personal time entries", "[ ]"),
        ("#6", "SMS / phone-number login", "[ ]"),
    ]
    assert finding_lines(QUEUE, "WORK_QUEUE.md") == []


def test_a_release_checklist_of_boxed_headings_without_numbers_reads_no_items() -> None:
    guide = """\
# Release guide

## Before the release

### [x] Freeze — stop merging features
Tell the team in the channel.

### [ ] Tag — write the version
Use the changelog's heading.
"""
    assert read_items(guide, "RELEASING.md") == ()
    assert finding_lines(guide, "RELEASING.md") == []


BACKLOG = """\
# BACKLOG — OpenClaw & Infrastructure

## To Do

### 🔒 Cloudflare Tunnel Setup
**Priority:** High
**Source:** Clawdbot — 2026-02-05

Secure remote access to the gateway.

**Setup needs:**
- [ ] `cloudflared` installed and configured
- [ ] Cloudflare Access rules configured

---

## To Scope (Priority)

### 👁️ Silent Monitor Mode
**Added:** 2026-02-05
**Status:** Needs scoping & decision

**Alert Triggers (to decide):**
- [ ] Keywords (urgent, help, deadline, etc.)
- [ ] @mentions of Dee

### Variant: In-Group Daily Digest
**Added:** 2026-02-05

Post a digest in the group itself.

**Next Steps:**
- [ ] Pick a test group
"""


def test_backlog_entries_opening_with_bold_field_lines() -> None:
    # a heading whose section opens with bold field lines, one saying how the work stands
    # (``**Priority:** High``, ``**Status:** ...``), is an entry; a sibling opening with a
    # label they open with (``**Added:**``) is one too, and the boxes under each are its
    # checklist, not the plan's items (nor is ``@mentions of Dee`` anybody's)
    read = [(i.title, i.status, i.priority) for i in read_items(BACKLOG, "BACKLOG.md")]
    assert read == [
        ("🔒 Cloudflare Tunnel Setup", "To Do", "High"),
        ("👁️ Silent Monitor Mode", "Needs scoping & decision", None),
        # the section names its state: work to scope, an idea (tests/test_reading_leftovers_five.py)
        ("Variant: In-Group Daily Digest", "To Scope (Priority)", None),
    ]
    assert finding_lines(BACKLOG, "BACKLOG.md") == []


def test_meeting_minutes_with_bold_field_lines_read_no_items() -> None:
    minutes = """\
# Minutes

## Monday

**Date:** 2026-02-02
**Attendees:** Ana, Ben

We agreed on the launch date.

## Tuesday

**Date:** 2026-02-03
**Attendees:** Ana

The demo went well.
"""
    assert read_items(minutes, "MINUTES.md") == ()
    assert finding_lines(minutes, "MINUTES.md") == []


BANDS = """\
# Project Backlog

## 🎯 Current Priorities (P0)

- [ ] BE-066: Migration script for existing users — preserve data
  `#backend #migration` `@est:4h` `@depends:BE-063` `@ac:no data loss`

## 📋 Backlog (P2)

### Epic: Local Music Player Integration

- [ ] BE-051: Windows Media Player integration — COM automation
  `#backend #audio` `@est:1d` `@depends:BE-050` `@ac:can play tracks`

- [ ] BE-054: Replace the Spotify service — same tool interface
  `#backend #audio` `@est:6h` `@depends:BE-051,BE-050` `@ac:music plays locally`

## ✅ Completed

- [x] BE-050: Design the player interface
- [x] BE-063: Remove database auth requirements
"""


def test_boxes_with_a_tag_line_under_a_board_band_in_brackets() -> None:
    # ``@depends:BE-063`` among the tags on the line under a box names its dependencies;
    # a board's column with its band in brackets (``## 📋 Backlog (P2)``) gives the boxes
    # under its topic headings that band, as ``## 🎯 Current Priorities (P0)`` gives its own
    read = [(i.id, i.priority, i.depends_on) for i in read_items(BANDS, "BACKLOG.md")]
    assert read == [
        ("BE-066", "P0", ("BE-063",)),
        ("BE-051", "P2", ("BE-050",)),
        ("BE-054", "P2", ("BE-051", "BE-050")),
        ("BE-050", None, ()),
        ("BE-063", None, ()),
    ]
    assert finding_lines(BANDS, "BACKLOG.md") == []


def test_a_user_story_noting_its_priority_keeps_it_to_itself() -> None:
    # ``## User Story 1 (P1)`` names its own story's priority: no band of the topics under it
    stories = """\
# Tasks

## User Story 1 (P1)

### Login

- [ ] T001 Build the login form
"""
    read = [(i.id, i.priority) for i in read_items(stories, "tasks.md")]
    assert read == [("T001", None)]


def test_a_readme_with_tags_in_code_reads_no_items() -> None:
    readme = """\
# Tagger

Write tags the way the CLI reads them:

  `#backend #audio` `@est:4h` `@depends:BE-063`

- Tags start with a hash.
- Estimates with an at sign.
"""
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []


TASKS = """\
# Tasks

| ID | Task | Project | Assigned | Status | Added | Notes |
|----|------|---------|----------|--------|-------|-------|
| T014 | Get an API key | general | Dee | pending | 2026-02-07 | unlocks the models |
| T019 | Connect the calendar | general | Torque | blocked | 2026-02-06 | Needs interactive auth [desk] |
| T020 | Configure the fallback model | torque | Torque | blocked | 2026-02-08 | Blocked on T014 |
"""


def test_a_table_row_blocked_on_a_row_or_needing_something() -> None:
    # ``Blocked on T014`` in the notes names the row it waits for; ``Needs interactive
    # auth`` says what it waits for, though no row of the plan: no RL502 for either
    read = [(i.id, i.status, i.dri, i.depends_on) for i in read_items(TASKS, "tasks.md")]
    assert read == [
        ("T014", "pending", "Dee", ()),
        ("T019", "blocked", "Torque", ()),
        ("T020", "blocked", "Torque", ("T014",)),
    ]
    assert finding_lines(TASKS, "tasks.md") == []


def test_a_blocked_row_that_says_nothing_is_still_reported() -> None:
    table = """\
# Tasks

| ID | Task | Status | Notes |
|----|------|--------|-------|
| T1 | Ship the app | blocked | |
| T2 | Write the docs | pending | |
"""
    assert finding_lines(table, "tasks.md") == ["5:RL502"]
