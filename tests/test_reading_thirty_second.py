"""The classes of plan file the thirty-second held-out set of the corpus (tests/corpus: a
sample of status files, trackers, backlogs and roadmaps, numbered 85-86 in tables/, 175-178
in checkboxes/ and 110 in headings/) showed read wrong, each in a small document: read as a
person reads it, with no finding that is no defect; and beside each new reading a document
that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.settings import status_meaning

ORCHARD_BACKLOG = """\
# Orchard Game — Backlog

> **Status markers below:** `[x]` done, `[~]` partly done. Items were checked against
> the code on every merge.

## 1. Highest Priority

- [ ] **Tutorial island**
  - Teach planting, watering and picking.
- [~] **Save slots**

## 2. World

- [x] Seasons — spring to winter, with their own weather
- [ ] Beehives
- [~] Night market — stalls exist, no traders yet
- [ ] Fishing pond

---

# Recommended Order

### Phase 1 — Polish the Core
Tutorial → save slots → seasons.

### Phase 2 — Grow the World
Beehives → night market → fishing pond.

### Phase 3 — Endgame
Prestige orchards → golden trees.
"""


def test_an_order_of_phases_after_the_boxes_leaves_the_boxes_the_items() -> None:
    # three ``### Phase N — Name`` headings with nothing but a line of prose under them,
    # below a list of boxes: the order to take the boxes up in, no items of their own;
    # kept as items they left every box (no IDs) unread (arcane-legends-academy's backlog)
    read = [(i.title, i.status, i.priority) for i in read_items(ORCHARD_BACKLOG, "BACKLOG.md")]
    assert read == [
        ("Tutorial island", "backlog", "Highest"),
        ("Save slots", "partly_done", "Highest"),
        ("Seasons", "done", None),
        ("Beehives", "backlog", None),
        ("Night market", "partly_done", None),
        ("Fishing pond", "backlog", None),
    ]
    assert finding_lines(ORCHARD_BACKLOG, "BACKLOG.md") == []


def test_a_marker_legend_says_what_its_mark_means_up_to_the_end_of_its_sentence() -> None:
    # `` `[~]` partly done. Items were checked ...``: the meaning is ``partly done``, and
    # the word a legend's meaning is made into reads as its words do: under way
    assert status_meaning("partly_done") == "in_progress"
    assert status_meaning("partly done") == "in_progress"


def test_a_numbered_band_of_the_highest_priority_gives_its_boxes_that_priority() -> None:
    text = "# Chores\n\n## 1. Highest Priority\n\n- [ ] Fix the roof\n- [ ] Clear the gutter\n"
    assert [i.priority for i in read_items(text, "TODO.md")] == ["Highest", "Highest"]


LAB_SETUP = """\
# Setting up the lab

The bracketed marks of the old sheet: `[~]` partly done. We no longer use them.

Before the first session, check you have:

- [ ] a laptop with Python 3.11
- [ ] the course repository cloned
- [ ] a terminal you like
- [ ] the data files downloaded
- [ ] a seat booked

### Phase 1 — Install
Create a virtual environment → install the packages.

### Phase 2 — Explore
Open the notebook → run the first cell.

### Phase 3 — Submit
Commit → push → open a pull request.
"""


def test_a_setup_guide_s_checklist_before_its_phases_stays_as_it_was_read() -> None:
    # no plan's title above its checklist: the order after it is not taken for the order
    # of the boxes' work, and the guide reads as it did (its phases), with no finding
    assert [i.id for i in read_items(LAB_SETUP, "docs/setup.md")] == [
        "Phase 1",
        "Phase 2",
        "Phase 3",
    ]
    assert finding_lines(LAB_SETUP, "docs/setup.md") == []


CAFE_TRACKER = """\
# Cafe App - Development Tracker

This document tracks the features of the ordering app.

## 🟢 Completed Features (Mar 2026)

### ☕ Ordering
- **Menu Browser**: Every drink with its price.
- **Order Queue**: The barista sees orders as they come in.

### 💳 Payments
- **Card Payments**: Through the terminal.
- **Receipts**: Printed or mailed.

## 🟡 In Progress / Upcoming

### 🎁 Loyalty
- [ ] Stamp cards.
- [ ] Birthday drink.
"""


def test_a_tracker_s_done_section_of_bold_bullets_beside_boxes_lists_done_work() -> None:
    # the one heading that names a status says done (a date in brackets after it), its
    # area headings list the work as bold-titled bullets, the open work is boxes: the
    # bullets are done items, not notes on the boxes (Casino-Management-System's tracker)
    read = [(i.title, i.status) for i in read_items(CAFE_TRACKER, "TRACKER.md")]
    assert read == [
        ("Menu Browser", "completed"),
        ("Order Queue", "completed"),
        ("Card Payments", "completed"),
        ("Receipts", "completed"),
        ("Stamp cards.", "[ ]"),
        ("Birthday drink.", "[ ]"),
    ]
    assert finding_lines(CAFE_TRACKER, "TRACKER.md") == []


FEATURE_FIELDS = """\
# Features

## Feature Status

### ✅ Completed

#### Board setup
- **Completed**: 2026-01-25
- **Description**: The board and its pieces
- **Notes**: Drawn with the canvas API

#### 1.1 Deal the cards
- **Completed**: 2026-01-26
- **Description**: A shuffled deal into seven piles

## Next Steps

- [x] 1.1 Deal the cards
- [ ] 1.2 Move a card
"""


def test_a_done_feature_s_field_bullets_beside_boxes_are_its_fields_not_work() -> None:
    # under the one done heading the features are headings and their bullets label what
    # each is and when it was done (``- **Completed**: date``, ``- **Description**:``):
    # their fields, no done work titled "Completed" or "Description" (a ninth quiet
    # sweep's tracker, after the thirty-second set's reading of bold bullets)
    read = [(i.id, i.title, i.status) for i in read_items(FEATURE_FIELDS, "FEATURES.md")]
    assert read == [("1.1", "Deal the cards", "done"), ("1.2", "Move a card", "[ ]")]
    assert finding_lines(FEATURE_FIELDS, "FEATURES.md") == []


CAFE_README = """\
# Cafe App

## ✅ Completed (Mar 2026)

The first release shipped in March.

### Features
- **Menu Browser**: Every drink with its price.
- **Order Queue**: The barista sees orders as they come in.
"""


def test_a_readme_with_a_done_heading_and_no_boxes_reads_no_items() -> None:
    # no boxes beside it: a README's feature list under a section, no tracker
    assert read_items(CAFE_README, "README.md") == ()
    assert finding_lines(CAFE_README, "README.md") == []


HAND_CHECKED = """\
# Savings app roadmap

- [ V ] Task 1: Create the CSV model
- [ ] Task 2: Build the index page
- [ ] Task 3: Load the CSV
"""


def test_a_box_checked_between_blanks_is_done() -> None:
    # ``[ V ]``, a check written by hand with a blank either side (Aportunity's roadmap)
    read = [(i.id, i.status) for i in read_items(HAND_CHECKED, "docs/roadmap.md")]
    assert read == [("Task 1", "done"), ("Task 2", "[ ]"), ("Task 3", "[ ]")]
    assert finding_lines(HAND_CHECKED, "docs/roadmap.md") == []


def test_a_mark_in_blanks_in_prose_reads_no_items() -> None:
    text = "# Notes\n\nWe tick a box as [ V ] on paper, then copy it here.\n"
    assert read_items(text, "NOTES.md") == ()
    assert finding_lines(text, "NOTES.md") == []
