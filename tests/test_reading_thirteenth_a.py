"""The classes of plan file the thirteenth held-out set A of the corpus (tests/corpus,
heading plans and agent work queues, numbered 16-19 and 26-29 in headings/) showed
misread, each in a small document: read as a person reads it, with no finding a person
would call a false alarm."""

from __future__ import annotations

from conftest import finding_lines, read_items


def _read(text: str) -> list[tuple[str, str, str | None, str | None, str | None]]:
    return [(i.id, i.title, i.status, i.priority, i.dri) for i in read_items(text)]


def test_slug_headings_over_bold_field_lists_in_status_sections_are_items() -> None:
    text = """\
# Trading Bot Roadmap

> Features from brainstorm to shipped.

## Shipped

### project-setup
- **Title**: Project setup
- **Area**: infra
- **Delivered**:
  - Created folder structure

### environment-config
- **Title**: Environment configuration
- **Area**: infra
- **Commit**: 0b0833b

## In Progress

## Backlog

### stop-loss-automation (Score: 1.20)
- **Title**: Automated stop loss and targets
- **Area**: api
- **Impact**: 4 | **Effort**: 3 | **Confidence**: 0.9
"""
    assert _read(text) == [
        ("project-setup", "Project setup", "Shipped", None, None),
        ("environment-config", "Environment configuration", "Shipped", None, None),
        ("stop-loss-automation", "Automated stop loss and targets", "Backlog", None, None),
    ]
    assert finding_lines(text) == []


def test_slug_headings_of_a_reference_with_bold_fields_are_no_items() -> None:
    text = """\
# Users API

## Endpoints

### get-user
- **Method**: GET
- **Path**: `/users/{id}`

### create-user
- **Method**: POST
- **Path**: `/users`

### delete-user
- **Method**: DELETE
- **Path**: `/users/{id}`
"""
    assert _read(text) == []


def test_dotted_feature_headings_under_epics_ending_with_their_priority() -> None:
    text = """\
# Backlog for Archetype CLI

> Epic Priority Legend: ❗️ Critical | ❗ High  |❕ Normal

## E1 CLI Core ❗️ Critical

- Minimal, reliable CLI host that everything else builds on.

### F1.1 CLI host skeleton and help/version ✔️ RELEASED

- Dependencies:

- Project Requirements:
  - R1 CLI Host and Basic Commands

### F1.2 Command routing and option validation ✔️ RELEASED

- Dependencies:
  - F1.1 CLI host skeleton and help/version
- Project Requirements:
  - R1 CLI Host and Basic Commands

## E2 Weather ❕ Normal

- Demonstrates a real-world command.

### F2.1 IP geolocation client (ip-api, Open-Meteo) ✔️ RELEASED

- Dependencies:
  - F1.1 CLI host skeleton and help/version
  - F1.2 Command routing, option validation
"""
    items = read_items(text)
    assert [(i.id, i.status, i.priority, i.depends_on) for i in items] == [
        ("F1.1", "RELEASED", "Critical", ()),
        ("F1.2", "RELEASED", "Critical", ("F1.1",)),
        ("F2.1", "RELEASED", "Normal", ("F1.1", "F1.2")),
    ]
    assert finding_lines(text) == []


def test_components_with_their_library_dependencies_are_no_backlog() -> None:
    text = """\
# Architecture

## C1 Parser

- Dependencies: regex, serde
- Owner team: platform

## C2 Planner

- Dependencies: C1 Parser

## C3 Runtime

- Dependencies: tokio
"""
    assert read_items(text) == ()
    # the near miss of a missing separator is older than this reading (SAFE-38)
    assert finding_lines(text) == ["1:RL109"]


def test_a_plain_status_that_names_its_agent_over_label_lines() -> None:
    text = """\
# Agent Task Queue

Claim a task with `tools/claim_task.sh <task-id> <name>`.

## Task 1: Frame Retry Logic
Status: done by Antigravity (2026-02-04)
Scope:
- Add retry handling per frame type.
Acceptance:
- CRC errors trigger retries before fallback.

## Task 2: Error Event Reporting
Status: claimed by Antigravity (2026-02-04)
Scope:
- Emit diagnostic events.

## Task 3: ISDU Flow Control
Status: unclaimed
Scope:
- Implement busy handling.

## Task 4: Timing Checks
Status: blocked by Task 3
Scope:
- Enforce t_byte timing.
"""
    assert _read(text) == [
        ("Task 1", "Frame Retry Logic", "done by Antigravity (2026-02-04)", None, "Antigravity"),
        (
            "Task 2",
            "Error Event Reporting",
            "claimed by Antigravity (2026-02-04)",
            None,
            "Antigravity",
        ),
        ("Task 3", "ISDU Flow Control", "unclaimed", None, None),
        ("Task 4", "Timing Checks", "blocked by Task 3", None, None),
    ]
    assert finding_lines(text) == []


def test_meeting_notes_with_label_lines_read_no_items() -> None:
    text = """\
# Weekly sync

## Attendees
Status: everyone present
Scope:
- Release planning.

## Decisions
Owner: done by the chair
Actions:
- Ship on Friday.
"""
    assert read_items(text) == ()
    # and no near miss: two headings each saying one thing as a field, each a different
    # field, are no items that lost their IDs (the eleventh break pass)
    assert finding_lines(text) == []


def test_a_queue_with_none_owners_a_completed_section_and_blocked_notes() -> None:
    text = """\
# Task Queue

## P0 - Critical (Do First)

### BUG-201: Fix Workbench cases loading
**Status**: blocked
**Assigned**: GitHub Copilot
**Acceptance Criteria**:
- [ ] Workbench loads
**Dependencies**: None
**Notes**: Blocked pending backend restart verification.

## P1 - High Priority (Do Next)

### T-016: Audit suite demo readiness
**Status**: deferred
**Assigned**: (none)
**Dependencies**: None

## Completed Tasks (Last 5)

### Phase 6.3 — Verifier queue server-side search
**Completed**: 2026-02-07
**Summary**: Added server-side filtering.
"""
    assert _read(text) == [
        ("BUG-201", "Fix Workbench cases loading", "blocked", "P0", "GitHub Copilot"),
        ("T-016", "Audit suite demo readiness", "deferred", "P1", None),
        ("Phase 6.3", "Verifier queue server-side search", "Completed Tasks (Last 5)", None, None),
    ]
    assert finding_lines(text) == []


def test_a_changelog_of_completed_items_sections_reads_no_items() -> None:
    text = """\
# Changelog

## Completed Tasks (Last 5)

- Faster startup.
- Smaller wheels.

## Notes

**Notes**: nothing else changed.
"""
    assert read_items(text) == ()
    assert finding_lines(text) == []


def test_a_depends_on_subheading_over_stories_named_in_the_plural() -> None:
    text = """\
# Feature Stories

## Story 1: Extract helpers

### Acceptance criteria

- [x] Helpers live in their own module

## Story 2: Extract the sync hook

### Depends on

- Story 1

## Story 3: Connectors

### Depends on

- Stories 1 & 2 (extraction must be done first)
"""
    assert [(i.id, i.depends_on) for i in read_items(text)] == [
        ("Story 1", ()),
        ("Story 2", ("Story 1",)),
        ("Story 3", ("Story 1", "Story 2")),
    ]
    assert finding_lines(text) == []


def test_a_readme_with_a_depends_on_section_reads_no_items() -> None:
    text = """\
# mylib

## Install

pip install mylib

### Depends on

- Stories 1 & 2 of the tutorial, read first
- requests
"""
    assert read_items(text) == ()
    assert finding_lines(text) == []


def test_epics_written_as_front_matter_blocks_and_as_headings() -> None:
    blocks = """\
# Implementation Epics

Each epic builds on the previous.

---
title: "Epic 1: MVP - Replace Bash Scripts"
---

Replace the scripts with a Rust implementation.

## In Scope

- **CLI skeleton**: `oj run`

---
title: "Epic 2: Core State Machines"
---

Implement the pure functional core.

## In Scope

- **Pipeline state machine**
"""
    headed = """\
# EPICS

## Epic 1: Product Vision & Governance
- Priority: Critical
- Dependencies: Cloud account access

## Epic 2: Core Platform
- Priority: High
"""
    assert _read(blocks) == [
        ("Epic 1", "MVP - Replace Bash Scripts", None, None, None),
        ("Epic 2", "Core State Machines", None, None, None),
    ]
    assert _read(headed) == [
        ("Epic 1", "Product Vision & Governance", None, "Critical", None),
        ("Epic 2", "Core Platform", None, "High", None),
    ]
    assert finding_lines(blocks) == []
    assert finding_lines(headed) == []


def test_front_matter_examples_in_a_guide_read_no_items() -> None:
    text = """\
# Writing posts

Start each post with its front matter:

---
title: "Hello World"
---

Then write the post.

---
title: "Release notes"
---

The title shows in the index.
"""
    assert read_items(text) == ()
    assert finding_lines(text) == []


def test_epics_listed_over_a_table_of_stories_are_its_themes() -> None:
    text = """\
# Product Backlog

## Epics

### Epic 1 - Cluster Kubernetes
Mettre en place le cluster.

### Epic 2 - Exposition des services
Rendre les services accessibles.

## User Stories

| ID | User Story | Priorité | Epic |
|---|---|---|---|
| 1 | Installer le cluster | High | Epic 1 |
| 2 | Exposer l'API | Medium | Epic 2 |
"""
    assert [(i.id, i.priority) for i in read_items(text)] == [("1", "High"), ("2", "Medium")]
    assert finding_lines(text) == []
