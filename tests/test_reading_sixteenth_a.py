"""The classes of plan file the sixteenth held-out set A of the corpus (tests/corpus: a
mixed sample measured before any change, numbered 56 in headings/, 41-42 in tables/, 43-44
in phases/, 100-102 in checkboxes/) showed read silently wrong or short, each in a small
document: read as a person reads it, with no finding; and beside each new reading a
document that is no plan, which reads no items."""

from __future__ import annotations

from conftest import finding_lines, read_items

SECTIONED = """\
# Notes Roadmap

## 1. CLI Modernization

**Status:** In Progress (Design Phase)
**Goal:** One rule for every script.

- [x] Define CLI Authoring Guidelines ([docs/cli-authoring.md](cli-authoring.md))
- [ ] Implement the auditor skill

## 2. Core Maintenance

**Goal:** Refine the daily note-taking.

- [ ] **Font Settings:** User-customizable typography.
- [x] **Theme Support:** Basic and custom themes.

## 3. Future Initiatives

_Items in this section are pending prioritization._

- [ ] **MCP Support:** A fast-follow once the CLI is complete.
- [ ] **Cloud Sync:** Opt-in, encrypted sync.
"""


def test_boxes_under_numbered_sections_some_of_which_write_a_status_are_the_items() -> None:
    # the sections number the roadmap's themes (``**Status:** In Progress`` is the
    # theme's); the boxes are its work, a link closing a box names where it is written,
    # and ``Future Initiatives`` holds ideas
    read = [(i.title, i.status) for i in read_items(SECTIONED, "docs/roadmap.md")]
    assert read == [
        ("Define CLI Authoring Guidelines", "done"),
        ("Implement the auditor skill", "[ ]"),
        ("Font Settings", "[ ]"),
        ("Theme Support", "done"),
        ("MCP Support", "idea"),
        ("Cloud Sync", "idea"),
    ]
    assert finding_lines(SECTIONED, "docs/roadmap.md") == []


def test_numbered_features_that_each_write_their_status_stay_the_items() -> None:
    features = """\
# Implementation Plan

### 1. Login Page

**Status:** Not started

- [ ] Build the form
- [ ] Wire the session

### 2. Admin Portal

**Status:** Done

- [x] List the users
- [x] Edit a user
"""
    read = [(i.id, i.title, i.status) for i in read_items(features, "IMPLEMENTATION_PLAN.md")]
    assert read == [("1", "Login Page", "Not started"), ("2", "Admin Portal", "Done")]


def test_a_guide_of_numbered_sections_reads_no_items() -> None:
    guide = """\
# Getting Started

## 1. Install

- Download the archive.
- Unpack it anywhere.

## 2. Configure

- Copy the sample settings.
- Set your token.
"""
    assert read_items(guide, "docs/guide.md") == ()
    assert finding_lines(guide, "docs/guide.md") == []


BANDED = """\
# Assistant Roadmap

## 🎯 Priority 1: Core Functionality ✅ Complete

### Todoist Integration ✅
- [x] Set up the API authentication
- [x] Create the `/todos` endpoint

### Conversation Memory System ✅ (v0.4.0)
- [x] SQLite-based conversation storage

## 🎯 Priority 2: Personal Data Integration

### Google Sheets Integration
**Status:** Planned
**Effort:** Medium

#### Phase 1: Read Access
- [ ] Google Sheets API setup

#### Phase 2: Write Access
- [ ] Add expense entries

### People Catalog Integration
**Status:** Planned
**Effort:** Medium

#### Phase 1: Read from Sheets
- [ ] Define the catalog schema

## 🎯 Priority 3: Voice Interface

### Server Audio Endpoints
- [ ] POST `/audio/stream`
- [ ] WebSocket support
"""


def test_feature_headings_under_priority_bands_are_the_items() -> None:
    # a feature closed by a done mark, one that writes a status line and one right over
    # its checklist are features alike (the last as far along as its open boxes say);
    # each takes its band's priority, and the phases numbered again under each feature
    # are its steps, not the plan's phases
    read = [(i.title, i.status, i.priority) for i in read_items(BANDED, "docs/ROADMAP.md")]
    assert read == [
        ("Todoist Integration", "✅", "P1"),
        ("Conversation Memory System", "✅", "P1"),
        ("Google Sheets Integration", "Planned", "P2"),
        ("People Catalog Integration", "Planned", "P2"),
        ("Server Audio Endpoints", "pending", "P3"),
    ]
    assert finding_lines(BANDED, "docs/ROADMAP.md") == []


def test_a_readme_of_platform_headings_with_marks_reads_no_items() -> None:
    readme = """\
# fastsync

## Platforms

### Linux ✅
- Tested on Ubuntu and Fedora.

### macOS ✅
- Tested on 14 and 15.

### Windows
- Not yet tested.
"""
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []


def test_a_milestone_list_names_each_milestone_by_its_version() -> None:
    milestones = """\
# Roadmap: Cairn

## Milestones

- ✅ **v1.1 Metrics & Benchmarks** — Phases 1-6, shipped 2026-07-27 · [archive](./m/v1.1.md)
- ✅ **v1.2 GSD Core** — Phases 7-9, shipped 2026-07-28 · [archive](./m/v1.2.md)
"""
    read = [(i.id, i.title, i.status) for i in read_items(milestones, ".planning/ROADMAP.md")]
    assert read == [("v1.1", "Metrics & Benchmarks", "✅"), ("v1.2", "GSD Core", "✅")]
    assert finding_lines(milestones, ".planning/ROADMAP.md") == []


def test_a_changelog_of_bold_versions_reads_no_items() -> None:
    changelog = """\
# Changelog

- **v1.2 Faster sync** — released 2026-07-28.
- **v1.1 First release** — released 2026-07-27.
"""
    assert read_items(changelog, "CHANGELOG.md") == ()
    assert finding_lines(changelog, "CHANGELOG.md") == []


PROGRESS = """\
# Chord App Tasks

## 📋 PENDING TASKS

### Favicon Package
**Status**: ⏳ PENDING
**Priority**: High

### WWW Redirect
**Status**: ⏳ PENDING
**Priority**: High

## 🎯 FUTURE ENHANCEMENTS

### Progressive Web App (PWA)
- Service worker implementation
- Offline functionality for cached analyses

## Task Table

| Task ID | Task Name | Status | Priority | Dependencies |
|---------|-----------|--------|----------|--------------|
| T001 | Project Setup | Completed | High | None |
| T002 | Firebase | Completed | High | T001 |
| T003 | Deployment | Completed | High | T001-T002 |
"""


def test_future_bullets_beside_heading_items_are_ideas_and_a_dashed_range_names_each() -> None:
    items = read_items(PROGRESS, "tasks.md")
    read = [(i.title, i.status) for i in items]
    assert read[2:4] == [
        ("Service worker implementation", "idea"),
        ("Offline functionality for cached analyses", "idea"),
    ]
    assert items[-1].depends_on == ("T001", "T002")  # ``T001-T002``: both of the range
    assert finding_lines(PROGRESS, "tasks.md") == []


def test_an_api_doc_with_future_enhancements_reads_no_items() -> None:
    api = """\
# Sync API

## GET /items

Returns every item.

## Future Enhancements

- Pagination for long lists
- A filter on the item's owner
"""
    assert read_items(api, "docs/api.md") == ()
    assert finding_lines(api, "docs/api.md") == []


def test_a_fifth_priority_band_gives_its_boxes_p5() -> None:
    queue = """\
# AI Task Queue

## 🔥 PRIORITY 1: CRITICAL PATH

- [ ] Scene 1-3: Desert arrival

## 📚 PRIORITY 5: DOCUMENTATION

- [ ] Update the README
"""
    assert [i.priority for i in read_items(queue, "AI_TASK_QUEUE.md")] == ["P1", "P5"]


def test_a_backlog_of_plain_bullets_is_its_work() -> None:
    backlog = """\
# Backlog

## Code

- Add link to /feedback to newsletter
- Fix admin logout issue

- Public user accounts — Allow users to create accounts
"""
    read = [(i.title, i.status) for i in read_items(backlog, "BACKLOG.md")]
    assert read == [
        ("Add link to /feedback to newsletter", None),
        ("Fix admin logout issue", None),
        ("Public user accounts", None),
    ]
    assert finding_lines(backlog, "BACKLOG.md") == []


def test_the_readme_of_a_tool_named_backlog_reads_no_items() -> None:
    readme = """\
# Backlog Exporter

## Features

- Exports a board to CSV
- Keeps the column order
"""
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []
