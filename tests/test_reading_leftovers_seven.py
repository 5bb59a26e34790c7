"""The classes of plan file the earlier leftovers passes and held-out rounds left unread
(ROADMAP CORE-100, CORE-102, CORE-106, CORE-108 and the open boxes of CORE-77 to CORE-91,
tests/corpus/README.md), each in a small document read as a person reads it, with no
finding; and beside each new reading a document that is no plan, which reads no items
and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

PROVENANCE = """\
# Relay — Build Plan

> **Historical document.** The plan the service was built from, kept as provenance.
> The milestones below are all complete (see the changelog).

## M0 — Repo boots (½ day)
- Scaffold the package.
- **Gate:** lint clean.

## M1 — Queue and workers (2 days)
- Implement the queue.
- **Gate:** the worker drains the queue.

## M2 — Metrics
- Export counters.
"""


def test_a_note_that_all_the_milestones_below_are_complete_makes_them_done() -> None:
    read = [(i.id, i.title, i.status) for i in read_items(PROVENANCE, "TASKS.md")]
    assert read == [
        ("M0", "Repo boots (½ day)", "complete"),
        ("M1", "Queue and workers (2 days)", "complete"),
        ("M2", "Metrics", "complete"),
    ]
    assert finding_lines(PROVENANCE, "TASKS.md") == []


def test_a_note_that_not_all_milestones_below_are_complete_gives_no_status() -> None:
    said = PROVENANCE.replace(
        "The milestones below are all complete", "Not all milestones below are complete"
    )
    assert [i.status for i in read_items(said, "TASKS.md")] == [None, None, None]


def test_a_changelog_saying_all_the_items_below_have_shipped_reads_no_items() -> None:
    changelog = """\
# Changelog

All the items below have shipped in a release.

## 1.2.0 — 2026-03-01
- Faster start.

## 1.1.0 — 2026-02-01
- A new flag.
"""
    assert read_items(changelog, "CHANGELOG.md") == ()
    assert finding_lines(changelog, "CHANGELOG.md") == []


FINISHED = """\
# Editor Roadmap

## Completed (V1 Foundation)

### 1. Fork & UI Foundation

- Forked the editor as the base.

### 2. SDK Integration

- Messages API with tool use.

## Phase 2: Core Product

### 2.1 Suggestion UI

**Status:** Not started

### 2.2 Auto-Save

**Status:** In progress
"""


def test_numbered_headings_under_a_status_section_are_its_items() -> None:
    # ``## Completed (...)`` is a status: its numbered headings are the work it finished
    read = [(i.id, i.title, i.status) for i in read_items(FINISHED, "ROADMAP.md")]
    assert read == [
        ("1", "Fork & UI Foundation", "Completed (V1 Foundation)"),
        ("2", "SDK Integration", "Completed (V1 Foundation)"),
        ("2.1", "Suggestion UI", "Not started"),
        ("2.2", "Auto-Save", "In progress"),
    ]
    assert finding_lines(FINISHED, "ROADMAP.md") == []


def test_a_design_doc_with_numbered_open_questions_reads_no_items() -> None:
    design = """\
# Storage Design

## Open Questions

### 1. Which engine?

We compare two.

### 2. How to shard?

By tenant.
"""
    assert read_items(design, "docs/design.md") == ()
    assert finding_lines(design, "docs/design.md") == []


EPICS = """\
# Product Backlog

## Features

### Epic: Admin & Exemption Management
**Priority**: 🟠 P1 | **Status**: In Progress

#### F-001: Identify Admin Characters
- **User Story**: As a player, I see which identities are admins.

#### F-002: Just-In-Time Access
- **Dependencies**: F-001 (Admin identification)

### Epic: Visual Polish
**Priority**: 🟡 P2 | **Status**: Not Started

#### F-004: Ray Gun Sprite
- **User Story**: As a player, I want a better weapon.
"""


def test_an_epic_heading_with_its_own_status_and_priority_is_an_item_over_its_features() -> None:
    read = [
        (i.id, i.title, i.status, i.priority, i.section) for i in read_items(EPICS, "BACKLOG.md")
    ]
    assert read == [
        (
            "admin-exemption-management",
            "Admin & Exemption Management",
            "In Progress",
            "🟠 P1",
            "Features",
        ),
        ("F-001", "Identify Admin Characters", None, "🟠 P1", "Epic: Admin & Exemption Management"),
        ("F-002", "Just-In-Time Access", None, "🟠 P1", "Epic: Admin & Exemption Management"),
        ("visual-polish", "Visual Polish", "Not Started", "🟡 P2", "Features"),
        ("F-004", "Ray Gun Sprite", None, "🟡 P2", "Epic: Visual Polish"),
    ]
    assert finding_lines(EPICS, "BACKLOG.md") == []


def test_meeting_notes_on_an_epic_with_a_status_line_read_no_items() -> None:
    notes = """\
# Planning Meeting, 3 March

### Epic: Onboarding
**Status**: discussed

#### Decisions
- Keep the wizard.

#### Questions
- Who writes the copy?
"""
    assert read_items(notes, "notes/2026-03-03.md") == ()
    assert finding_lines(notes, "notes/2026-03-03.md") == []
