"""Quiet by default, swept across sixty-one public plan files not in the corpus (issue 20):
each class of false alarm the sweep found, in a small document written the way the real
file was, with no finding; and beside it the real defect of the same rule, still found."""

from __future__ import annotations

from roadmaplint import check_text
from roadmaplint.settings import Settings


def _findings(text: str, name: str = "PLAN.md") -> list[str]:
    return [f"{f.line}:{f.code}" for f in check_text(text, name, Settings())]


# A work queue whose sections are priority bands over tables of rows, and a lane of items
# written as headings below them.
BANDS = """\
# WORK_QUEUE — continuous mode

## P0 — freeze gate (written specs, falsifiable)
| id | item | status |
|---|---|---|
| D1 | seat-draw spec | DONE |

## P1 — verification substrate
| id | item | status |
|---|---|---|
| Q1 | quorum simulator | DONE |

## G12 — agent lane

- **Status:** DONE

## G13 Witnessed re-exec
"""


def test_a_priority_band_heading_is_no_misspelt_item_heading() -> None:
    # The band names a priority over items; the heading that lacks its separator is one.
    assert _findings(BANDS, "WORK_QUEUE.md") == ["17:RL101"]


# A phase whose steps each carry a `Task:` label, nested under bold step names.
LABELS = """\
# Roadmap

### Phase 2: Production-Ready Application

**Goal:** Build out the full system.

**1. Full Payment Automation**
   - **Task:** Build an automated monthly billing system.
   - **Task:** Create a secure tenant portal.

**2. AI Agent Implementation**
   - **Task:** Integrate the agent framework.
   - **Task:** Replace the mock SMS sender.
"""


def test_a_label_written_on_every_part_of_an_item_is_not_a_field_given_twice() -> None:
    assert _findings(LABELS, "ROADMAP.md") == []


def test_a_known_field_or_a_label_given_twice_is_still_a_repeated_field() -> None:
    twice = LABELS.replace("   - **Task:** Replace the mock SMS sender.\n", "")
    twice = twice.replace("   - **Task:** Create a secure tenant portal.\n", "")
    assert _findings(twice, "ROADMAP.md") == ["11:RL105"]  # Task twice: which one holds?
    statuses = LABELS.replace("**Task:**", "**Status:**")
    assert _findings(statuses, "ROADMAP.md").count("12:RL105") == 1
    assert len([f for f in _findings(statuses, "ROADMAP.md") if f.endswith("RL105")]) == 3


# A status table whose blocked row says what blocks it, in the status itself.
BLOCKED = """\
# Tasks

| ID | Title | Status | Notes |
|----|-------|--------|-------|
| #802 | Misprint Joker | PENDING | Ready |
| #705 | TAROT-WAVE2 | Blocked - CI failures | Fix CI before review |
| #706 | Planet cards | Blocked | - |
"""


def test_a_blocked_status_that_says_what_blocks_it_names_what_it_waits_for() -> None:
    # #706 says only that it is blocked: what it waits for is still to be said.
    assert _findings(BLOCKED, "TASKS.md") == ["7:RL502"]


# Epics that each number their own slices from S1.
SLICES = """\
# Backlog

## Epic: the sbt plugin

### S1 — the linked jar reaches sbt's artifacts — DONE

### S2 — sbt sees the compile's inputs — DONE

## Epic: credentials

### Slices

- [x] **S1 — the vocabulary.** Done.
- [ ] **S2 — resolution in the emitter.**
- [ ] **S3 — collapse the hand-rolled sites.**
"""


def test_slices_numbered_again_under_each_epic_are_no_duplicate_ids() -> None:
    assert _findings(SLICES, "BACKLOG.md") == []


def test_an_id_written_twice_in_one_series_is_still_a_duplicate() -> None:
    lone = SLICES.replace(
        "- [ ] **S3 — collapse the hand-rolled sites.**\n", "- [ ] **S2 — again.**\n"
    )
    assert _findings(lone, "BACKLOG.md") == ["15:RL102"]
    # S1 once more alone, not the start of a new run of slices: a duplicate of the first
    alone = SLICES.replace(
        "- [ ] **S2 — resolution in the emitter.**\n- [ ] **S3 — collapse the hand-rolled sites.**\n",
        "",
    )
    assert _findings(alone, "BACKLOG.md") == ["13:RL102"]


def test_a_long_id_written_twice_is_a_duplicate_though_its_series_starts_again() -> None:
    # TASK-1 .. TASK-2, then TASK-1 again: the plan's IDs, not a part's own numbering
    tasks = "# Plan\n\n## TASK-1 — A\n\n## TASK-2 — B\n\n## TASK-1 — C\n\n## TASK-2 — D\n"
    assert _findings(tasks) == ["7:RL102", "9:RL102"]
