"""The classes of plan file the twenty-sixth held-out set of the corpus (tests/corpus: table
and heading plans, numbered 54-56 in tables/ and 71, 72, 77 and 78 in headings/) showed
read wrong, each in a small document: read as a person reads it, with no finding that is
no defect; and beside each new reading a document that is no plan, which reads no items
and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

REQUESTS = """\
# Implementation Requests

## Navigation Updates

### ✅ 1. Logo as Home Button
**Status:** COMPLETED
**Priority:** HIGH
**Description:** Make the logo the home button

**Requirements:**
- Logo should be clickable

---

### ✅ 2. Rename "Products" to "Categories"
**Status:** COMPLETED
**Priority:** HIGH

---

## Future Additions

### 🔵 3. Social Media Integration
**Status:** NOT STARTED
**Priority:** LOW

**Blocked By:** Site launch

---

## Status Legend
- ✅ **COMPLETED**: Work is done and deployed
- 🔵 **NOT STARTED**: Planned but not yet begun
"""


def test_headings_numbered_after_a_status_mark_are_numbered_requests() -> None:
    # ``### ✅ 1. Title``: the number is the ID, the mark no part of the title; read before
    # with slugs for IDs (``1-logo-as-home-button``) and the mark and number in the title
    read = [(i.id, i.title, i.status, i.priority) for i in read_items(REQUESTS)]
    assert read == [
        ("1", "Logo as Home Button", "COMPLETED", "HIGH"),
        ("2", 'Rename "Products" to "Categories"', "COMPLETED", "HIGH"),
        ("3", "Social Media Integration", "NOT STARTED", "LOW"),
    ]
    # a Status Legend over them does not make it roadmaplint's format: no DRI, Priority
    # Legend or Priority Overview asked for, ``Requirements`` no unknown field (hylee)
    assert finding_lines(REQUESTS) == []


def test_numbered_questions_with_an_answer_line_are_no_plan() -> None:
    faq = """\
# FAQ

### ❓ 1. How do I install it?
**Answer:** Run the installer.

### ❓ 2. Where are the logs?
**Answer:** In the log folder.
"""
    assert read_items(faq) == ()
    assert finding_lines(faq) == []


def test_roadmaplints_own_format_under_a_status_legend_is_still_held_to_it() -> None:
    own = """\
# Roadmap

## Status Legend
- `done` – finished
- `ready` – can start

### WEB-1 — Login page
**Status:** done
**Priority:** P1

### WEB-2 — Logout
**Status:** ready
**Priority:** P2
"""
    assert "7:RL103" in finding_lines(own)


PRODUCTIVITY_LOG = """\
| User Story | Story Points | Status | Assigned To | Status Notes |
|------------|--------------|--------|-------------|--------------|
|multiple people can have worked on same user story|--------------|--------|-------------|optional|
|1: Framework+SEO|5|Completed|Tanner|--------------|
|2: Reusable Components|3|In Progress|Tanner|--------------|
|20.Home page Template changes|3|Completed|Srikavya|--------------|
|21.Open Graph Meta Tags|2|Completed|Srikavya|Completed|
|-------------|--------------|--------|-------------|--------------|
"""


def test_a_title_cell_led_by_the_storys_number_names_the_row() -> None:
    # ``1: Framework+SEO`` / ``20.Home page ...``: the number is the ID; the template's
    # instruction row (its Status cell a run of dashes) and the row of dashes no items
    read = [(i.id, i.title, i.status, i.dri) for i in read_items(PRODUCTIVITY_LOG)]
    assert read == [
        ("1", "Framework+SEO", "Completed", "Tanner"),
        ("2", "Reusable Components", "In Progress", "Tanner"),
        ("20", "Home page Template changes", "Completed", "Srikavya"),
        ("21", "Open Graph Meta Tags", "Completed", "Srikavya"),
    ]
    assert finding_lines(PRODUCTIVITY_LOG) == []


def test_a_table_of_numbered_steps_with_no_field_column_is_no_plan() -> None:
    steps = """\
| Step | Notes |
|------|-------|
| 1: Install | run the installer |
| 2: Configure | edit the file |
| 3: Run | start it |
"""
    assert read_items(steps) == ()
    assert finding_lines(steps) == []


STORY_TRACKER = """\
# Story Tracking

### ✅ Epic A: Event Creation & Setup - BACKEND IMPLEMENTED
- **Epic Reference:** docs/epic-a.md
- **Status:** ⚠️ BACKEND IMPLEMENTED, FRONTEND INTEGRATION PENDING
- **Next Steps:** Connect the UI to the API

### ✅ Epic B: Wellness Tracking - NOT IMPLEMENTED
- **Epic Reference:** docs/epic-b.md
- **Status:** ❌ STORY WRITTEN - NO IMPLEMENTATION

### ✅ Epic C: Classes Module - PARTIAL IMPLEMENTATION
- **Epic Reference:** docs/epic-c.md
- **Status:** ⚠️ PARTIAL UI, BACKEND PENDING
"""


def test_epics_marked_before_their_letter_are_items_named_by_it() -> None:
    # ``### ✅ Epic A: Title - BACKEND IMPLEMENTED`` over bullet fields: ``Epic A`` names
    # it, the closing note in capitals is no title; read before only where the note was a
    # status word (``PARTIAL IMPLEMENTATION``), under slugs (steppers-life)
    read = [(i.id, i.title, i.status) for i in read_items(STORY_TRACKER)]
    assert read == [
        ("Epic A", "Event Creation & Setup", "⚠️ BACKEND IMPLEMENTED, FRONTEND INTEGRATION PENDING"),
        ("Epic B", "Wellness Tracking", "❌ STORY WRITTEN - NO IMPLEMENTATION"),
        ("Epic C", "Classes Module", "⚠️ PARTIAL UI, BACKEND PENDING"),
    ]
    assert finding_lines(STORY_TRACKER) == []


def test_done_but_for_what_is_pending_is_under_way() -> None:
    from roadmaplint.settings import status_meaning

    assert status_meaning("Backend implemented, frontend integration pending") == "in_progress"
    # nothing done yet: ``pending`` leads it, work not begun (CORE-147, CORE-153)
    assert status_meaning("Design pending, review pending") == "ready"


def test_chapters_marked_epic_with_no_fields_are_no_plan() -> None:
    saga = """\
# The saga

### ✅ Epic A: The Departure - A LONG ROAD
The heroes leave home.

### ✅ Epic B: The Return - HOME AGAIN
They come back.
"""
    assert read_items(saga) == ()
    assert finding_lines(saga) == []


# crate-lynx's EPICS.md: each epic's heading closes with its status in a code span, the
# ones not begun with none.
CODED = """\
# Project — Epics

## Epics

### E01 — Project scaffolding `done`
**Subdir:** `app/`
Scaffold the service.

---

### E02 — Matching pipeline `in progress`
**Subdir:** `app/`
Match local tracks.

---

### E03 — Acoustic fingerprints
**Subdir:** `app/`
Not begun.
"""


def test_a_status_closing_an_epics_heading_in_a_code_span_is_its_status() -> None:
    items = read_items(CODED)
    assert [(i.id, i.title, i.status) for i in items] == [
        ("E01", "Project scaffolding", "done"),
        ("E02", "Matching pipeline", "in progress"),
        ("E03", "Acoustic fingerprints", None),
    ]
    # said in the heading as ``— COMPLETE`` is, no field: the epic not begun misses none
    assert finding_lines(CODED) == []


def test_one_title_closing_with_a_function_named_like_a_status_keeps_it() -> None:
    # a lone heading's ``open`` is the call it wraps; no neighbour says statuses so
    plan = """\
# Notes

### [IO-3] Wrap `open`

Wrap the call.

### [IO-4] Retry reads

Retry.
"""
    assert [(i.id, i.title, i.status) for i in read_items(plan)] == [
        ("IO-3", "Wrap open", None),
        ("IO-4", "Retry reads", None),
    ]


def test_a_guide_whose_headings_close_with_code_is_no_plan() -> None:
    guide = """\
# Git basics

## Mark work finished with `done`

Run it when you are finished.

## Start again with `todo`

Run it to start again.
"""
    assert read_items(guide) == ()
    assert finding_lines(guide) == []
