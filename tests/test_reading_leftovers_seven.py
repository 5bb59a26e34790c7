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


WORKFLOW = """\
# Backlog for Weather CLI

> Feature Status Legend: ⛔ BLOCKED | ⏳ PENDING | 📝 PLANNED | ✨ CODED | ✅ TESTED | ✔️ RELEASED

## E1 Weather Command

### F1.1 Resolve location via IP ✔️ RELEASED

### F1.2 Fetch current weather ✅ TESTED

- **Dependencies:** F1.1

### F1.3 Compose the report ✨ CODED

- **Dependencies:** F1.2

### F1.4 Package the JAR ⛔ BLOCKED

- **Dependencies:** F1.3
"""


def test_a_one_line_legend_ordered_as_a_workflow_gives_its_middle_entries_under_way() -> None:
    from roadmaplint.reader import parse
    from roadmaplint.reader.quiet import document_statuses
    from roadmaplint.settings import Settings

    roadmap = parse(WORKFLOW, "BACKLOG.md", Settings())
    statuses = document_statuses(roadmap, Settings())
    read = [
        (
            item.id,
            item.status,
            statuses.is_done(item.status),
            statuses.is_in_progress(item.status),
        )
        for item in roadmap.items
    ]
    # ``✅ TESTED`` is tested and not yet released: under way, though ``✅`` alone is done
    assert read == [
        ("F1.1", "RELEASED", True, False),
        ("F1.2", "✅ TESTED", False, True),
        ("F1.3", "✨ CODED", False, True),
        ("F1.4", "⛔ BLOCKED", False, False),
    ]
    assert finding_lines(WORKFLOW, "BACKLOG.md") == []


def test_a_release_process_with_a_one_line_legend_reads_no_items() -> None:
    process = """\
# Release Process

Each change moves through the stages below.

> Legend: ⏳ PENDING | ✨ CODED | ✅ TESTED | ✔️ RELEASED

A change is tested on the staging cluster before it is released.

## Who signs off

The release manager of the week.
"""
    assert read_items(process, "docs/release.md") == ()
    assert finding_lines(process, "docs/release.md") == []


DEFERRED = """\
# TASK_BOARD

## Status Legend

- `[ ]` not started
- `[-]` in progress
- `[x]` done

## Active Priorities

- [x] Publish the package
- [-] Run the live integration tests
- [ ] Check the API by hand

## Deferred / Low Priority

- [ ] Optional compaction worker
"""


def test_a_box_under_a_deferred_section_reads_deferred_beside_a_legend_of_boxes() -> None:
    # the heading names a state and the priority it holds; the legend of boxes says what
    # each box means, and the heading's state is no box it leaves out (no RL201)
    read = [(i.title, i.status, i.priority) for i in read_items(DEFERRED, "TASK_BOARD.md")]
    assert read[-1] == ("Optional compaction worker", "deferred", "Low")
    assert finding_lines(DEFERRED, "TASK_BOARD.md") == []


def test_a_box_under_a_heading_naming_no_state_keeps_its_box() -> None:
    misspelt = DEFERRED.replace("## Deferred / Low Priority", "## Defered / Low Priority")
    assert [i.status for i in read_items(misspelt, "TASK_BOARD.md")][-1] == "[ ]"
    assert finding_lines(misspelt, "TASK_BOARD.md") == []


def test_support_notes_under_a_state_and_a_priority_read_no_items() -> None:
    notes = """\
# Support Rota

## Open / High Priority

Tickets a customer waits on are answered within the hour.

## Closed / Low Priority

Tickets closed by the customer need no answer.
"""
    assert read_items(notes, "docs/support.md") == ()
    assert finding_lines(notes, "docs/support.md") == []


def test_id_bullets_under_a_plans_title_read_alike_whichever_way_the_id_is_written() -> None:
    # a series of IDs names the work with or without a separator after it
    forms = ("DL-00{n} Pooling {n}", "DL-00{n}: Pooling {n}", "[DL-00{n}] Pooling {n}")
    for form in (*forms, "DL-00{n} — Pooling {n}"):
        text = "# Roadmap\n\n" + "".join(f"- {form.format(n=n)}\n" for n in (1, 2, 3))
        read = [(i.id, i.title, i.status) for i in read_items(text, "ROADMAP.md")]
        assert read == [(f"DL-00{n}", f"Pooling {n}", None) for n in (1, 2, 3)], form
        assert finding_lines(text, "ROADMAP.md") == []


def test_a_roadmap_of_names_with_digits_run_into_their_sentences_reads_no_items() -> None:
    # ``S3``, ``EC2``: names of services in the sentence, no series of IDs
    services = """\
# Roadmap

- S3 storage backend for the uploads
- EC2 hosts for the workers
"""
    assert read_items(services, "docs/roadmap.md") == ()
    assert finding_lines(services, "docs/roadmap.md") == []


SERIES = """\
# Throttling — Implementation Stories

## TB Dependency Graph

```
TB-Story 1 (throttle config)
  ├─→ TB-Story 2 (batch ops)
  │     └─→ TB-Story 3 (multi-delete)
  └─► TB-Story 4 (cursor throttle)
```

## TB-Story 1: Consolidate throttle config

**Goal:** one source of truth.

## TB-Story 2: Batch operations

**Goal:** one sync message.

## TB-Story 3: Multi-delete

## TB-Story 4: Two-tier cursor throttle
"""


def test_a_work_series_whose_word_carries_letters_and_a_tree_drawn_with_arrows() -> None:
    read = [(i.id, i.title, i.depends_on) for i in read_items(SERIES, "STORIES.md")]
    assert read == [
        ("TB-Story 1", "Consolidate throttle config", ()),
        ("TB-Story 2", "Batch operations", ("TB-Story 1",)),
        ("TB-Story 3", "Multi-delete", ("TB-Story 2",)),
        ("TB-Story 4", "Two-tier cursor throttle", ("TB-Story 1",)),
    ]
    assert finding_lines(SERIES, "STORIES.md") == []


def test_a_guide_with_lettered_task_headings_and_an_arrowed_drawing_reads_no_items() -> None:
    guide = """\
# Lab Guide: Deploying the Service

## Dependencies

```
client ─► gateway ─► service
```

## LAB-Task 1: Create a bucket

Open the console.

## LAB-Task 2: Upload the build

Drag the file in.
"""
    assert read_items(guide, "docs/lab.md") == ()
    assert finding_lines(guide, "docs/lab.md") == []


STAGES = """\
# Implementation Plan

## Stage 1 – Stabilise Critical Workflows
- Fix dotfile staging: adjust `new` to regenerate the staging set after writing `.gitignore`.
- Normalise diff temp prefixes: replace path separators before calling `create_temp_dir`.

## Stage 2 – Cross-Platform UX
- Keep CLI version in sync: replace the static version string with the package's.
"""


def test_an_implementation_plans_bullets_naming_their_work_before_a_colon_are_items() -> None:
    read = [(i.title, i.status, i.section) for i in read_items(STAGES, "IMPLEMENTATION_PLAN.md")]
    assert read == [
        ("Fix dotfile staging", None, "Stage 1 – Stabilise Critical Workflows"),
        ("Normalise diff temp prefixes", None, "Stage 1 – Stabilise Critical Workflows"),
        ("Keep CLI version in sync", None, "Stage 2 – Cross-Platform UX"),
    ]
    assert finding_lines(STAGES, "IMPLEMENTATION_PLAN.md") == []


def test_a_project_plans_notes_and_a_glossary_of_labels_read_no_items() -> None:
    notes = """\
# Project Plan

## Current State

- The build runs in Docker and is fully configured.
- No logging infrastructure yet.
"""
    glossary = """\
# Pipeline Terms

## Stages

- Stage: one step of the pipeline, run in order.
- Gate: the check a stage must pass before the next one runs.
"""
    for text, name in ((notes, "docs/plan.md"), (glossary, "docs/terms.md")):
        assert read_items(text, name) == ()
        assert finding_lines(text, name) == []
