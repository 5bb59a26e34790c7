"""Quiet by default, swept across sixty-one public plan files not in the corpus (issue 20):
each class of false alarm the sweep found, in a small document written the way the real
file was, with no finding; and beside it the real defect of the same rule, still found."""

from __future__ import annotations

from pathlib import Path

import pytest

from roadmaplint import check_text
from roadmaplint.settings import Settings
from tests.conftest import cli


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


@pytest.mark.parametrize(
    "status", ["Blocked - TBD", "BLOCKED: TODO", "Blocked - unknown", "Blocked (2024-05-01)"]
)
def test_a_blocked_status_whose_words_say_nothing_still_names_nothing(status: str) -> None:
    # a placeholder or a date after the blocked word says when, or that it is unknown,
    # not what the row waits for
    table = BLOCKED.replace("| Blocked | - |", f"| {status} | - |")
    assert _findings(table, "TASKS.md") == ["7:RL502"]


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


def test_a_series_pasted_again_in_its_own_section_is_a_duplicate() -> None:
    """A run numbered again counts as a part's own numbering only under another heading:
    T1 and T2 copied to the end of the one list they were in are two duplicates."""
    pasted = (
        "# Plan\n\n## Tasks\n\n### T1 — Parse\n\n### T2 — Write\n\n### T3 — Check\n\n"
        "### T1 — Docs\n\n### T2 — Release\n"
    )
    assert _findings(pasted) == ["11:RL102", "13:RL102"]
    boxes = (
        "# Plan\n\n## Milestone 1\n\n- [x] Phase 1: Schema\n- [x] Phase 2: Browser\n"
        "- [ ] Phase 3: Export\n- [ ] Phase 1: Hardening\n- [ ] Phase 2: Docs\n"
    )
    assert _findings(boxes, "ROADMAP.md") == ["8:RL102", "9:RL102"]


def test_a_long_id_written_twice_is_a_duplicate_though_its_series_starts_again() -> None:
    # TASK-1 .. TASK-2, then TASK-1 again: the plan's IDs, not a part's own numbering
    tasks = "# Plan\n\n## TASK-1 — A\n\n## TASK-2 — B\n\n## TASK-1 — C\n\n## TASK-2 — D\n"
    assert _findings(tasks) == ["7:RL102", "9:RL102"]


# Features filed under themes: a bug beside features, a feature beside bugs.
THEMES = """\
# Feature Backlog

## UX Debt

| ID | Status | Title |
|---|---|---|
| B-016 | `planned` | Developer tools segregation |
| F-057 | `planned` | Session narrative |
| F-058 | `planned` | Onboarding |

## Core Systems

| ID | Status | Title |
|---|---|---|
| F-001 | `done` | Device connection |
| F-002 | `done` | Session recording |

## Data Trust

| ID | Status | Title |
|---|---|---|
| B-010 | `ready` | Hit detection threshold |
| B-011 | `ready` | Protocol retries |
| F-042 | `ready` | Analytics logic tests |
"""


def test_a_prefix_in_sections_grouped_by_theme_is_a_kind_of_item() -> None:
    # F is the usual prefix of two sections: sections are themes, B and F kinds of item.
    assert _findings(THEMES, "BACKLOG.md") == []


def test_a_stray_prefix_in_sections_each_of_its_own_prefix_is_still_reported() -> None:
    by_prefix = """\
# Roadmap

## Backend

### BE-1 — Fused ops

### BE-2 — SIMD support

### FE-3 — Dark mode

## Frontend

### FE-1 — Layout

### FE-2 — Routing
"""
    assert _findings(by_prefix) == ["9:RL106"]


# An index of features in a table, and a spec for one of them under a heading below.
INDEX_AND_SPEC = """\
# Feature Backlog

## Data Insight

| ID | Status | Title |
|---|---|---|
| F-027 | `in-progress` | Session programs |
| F-052 | `parked` | Hit analytics |

## Draft Feature Specs

### F-052: Hit Analytics & Achievement System

The threshold problem: no real hit-duration data exists yet.
"""


def test_a_heading_that_details_a_row_of_the_index_is_its_spec_not_a_duplicate() -> None:
    assert _findings(INDEX_AND_SPEC, "BACKLOG.md") == []


def test_a_heading_with_a_status_of_its_own_under_a_listed_id_is_a_duplicate() -> None:
    with_status = INDEX_AND_SPEC.replace(
        "### F-052: Hit Analytics & Achievement System\n",
        "### F-052: Hit Analytics & Achievement System\n\n- **Status:** done\n",
    )
    assert _findings(with_status, "BACKLOG.md") == ["12:RL102"]


# Specs of work packages, two of them written under one heading.
JOINED = """\
# Backlog

## Detail Specs

### WP-10 — Knowledge layer

- **Status:** done

### WP-11 / WP-12 — Settings hardening ✅

### WP-15 Missing separator
"""


def test_a_heading_naming_several_ids_is_no_misspelt_item_heading() -> None:
    # WP-15 lacks its separator; WP-11 / WP-12 names two packages, as written on purpose.
    assert _findings(JOINED, "BACKLOG.md") == ["11:RL101"]


def _task(number: str, title: str, extra: str = "") -> str:
    return (
        f"---\nid: task-{number}\ntitle: {title}\nstatus: To Do\nassignee: []\n"
        f"labels: []\ndependencies: []\n{extra}---\n\n## Description\n\n{title}.\n"
    )


def test_a_sub_task_has_the_priority_of_its_parent(tmp_path: Path) -> None:
    # Backlog.md's epics carry the priority; their sub-tasks name them as parent_task_id.
    tasks = tmp_path / "backlog" / "tasks"
    tasks.mkdir(parents=True)
    (tmp_path / "backlog" / "config.yml").write_text(
        'project_name: "Fit"\ndefault_status: "To Do"\nstatuses: ["To Do", "In Progress", "Done"]\n'
    )
    files = {
        "task-001 - Epic.md": _task("001", "Epic", "priority: high\n"),
        "task-001.01 - Schema.md": _task("001.01", "Schema", "parent_task_id: task-001\n"),
        "task-001.02 - Webhooks.md": _task("001.02", "Webhooks", "parent_task_id: task-001\n"),
        "task-002 - Auth.md": _task("002", "Auth", "priority: high\n"),
        "task-006 - Hasura.md": _task("006", "Hasura"),
    }
    # the document's habit: a priority on nearly every task
    files.update(
        {
            f"task-{n:03} - Part.md": _task(f"{n:03}", "Part", "priority: low\n")
            for n in range(7, 19)
        }
    )
    for name, text in files.items():
        (tasks / name).write_text(text)
    result = cli("check", "--select", "RL103", "backlog", cwd=tmp_path)
    # The sub-tasks share their epic's priority; a task of its own without one is missing it.
    assert result.stdout.splitlines()[:-1] == [
        "backlog/tasks/task-006 - Hasura.md:3:1: error: RL103 TASK-006 is missing the required "
        'field Priority (add "Priority: ...")'
    ], result.stdout


# A planning roadmap whose milestones each number their phases from 1.
MILESTONES = """\
# Roadmap

## Milestones

### v1.0 MVP — shipped

- [x] Phase 1: Catalog schema (4/4 plans)
- [x] Phase 2: Catalog browser (3/3 plans)
- [x] Phase 3: Export hardening (2/2 plans)

### v1.1 Frontend redesign — shipped

- [x] Phase 1: Design rework (5/5 plans)
- [x] Phase 2: UX consolidation (3/3 plans)
"""


def test_phases_numbered_again_in_each_milestone_are_no_duplicates() -> None:
    assert _findings(MILESTONES, "ROADMAP.md") == []
    twice = MILESTONES.replace("- [x] Phase 2: UX consolidation (3/3 plans)\n", "")
    assert _findings(twice, "ROADMAP.md") == ["13:RL102"]  # Phase 1 once more, alone
