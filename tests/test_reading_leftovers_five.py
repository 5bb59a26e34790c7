"""The classes of plan file the seventeenth held-out round and the fifth quiet sweep left
unread (ROADMAP CORE-104, CORE-106, tests/corpus/README.md), each in a small document
read as a person reads it, with no finding; and beside each new reading a document that
is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

BEANS = """\
# Bean Backlog

## Backlog

| Bean ID | Title | Category | Priority | Status | Owner |
|---------|-------|----------|----------|--------|-------|
| BEAN-001 | Backlog seeding | App | Medium | Done | team-lead |
| BEAN-002 | Overlay mode | App | High | In Progress | team-lead |
| BEAN-003 | Headless test runner | App | Medium | Unapproved | (unassigned) |
"""


def test_an_owner_cell_saying_unassigned_in_brackets_names_no_owner() -> None:
    # ``(unassigned)`` says nobody holds the work; ``Unapproved`` awaits approval: an idea
    read = [(i.title, i.status, i.dri) for i in read_items(BEANS, "beans-index.md")]
    assert read == [
        ("Backlog seeding", "Done", "team-lead"),
        ("Overlay mode", "In Progress", "team-lead"),
        ("Headless test runner", "Unapproved", None),
    ]
    assert finding_lines(BEANS, "beans-index.md") == []


def test_a_contact_list_with_an_owner_in_brackets_reads_no_items() -> None:
    contacts = """\
# Contacts

Who answers for each channel.

- **#web**: (unassigned)
- **#data**: Dana, weekdays
"""
    assert read_items(contacts, "docs/contacts.md") == ()
    assert finding_lines(contacts, "docs/contacts.md") == []


SCOPE = """\
# Backlog

## To Do

### Tunnel Setup
**Priority:** High

**Notes:** free tier.

## To Scope

### Silent Monitor Mode
**Added:** 2026-02-05
**Status:** Needs scoping & decision

**Goal:** watch group chats.

### Variant: In-Group Daily Digest
**Added:** 2026-02-05

**Use case:** team groups.
"""


def test_entries_to_scope_are_ideas_and_a_sibling_opening_as_they_do_is_one() -> None:
    # the entry found by its Status line lends its ``**Added:**`` label to its sibling
    read = [(i.title, i.status) for i in read_items(SCOPE, "BACKLOG.md")]
    assert read == [
        ("Tunnel Setup", "To Do"),
        ("Silent Monitor Mode", "Needs scoping & decision"),
        ("Variant: In-Group Daily Digest", "To Scope"),
    ]
    assert finding_lines(SCOPE, "BACKLOG.md") == []


def test_release_notes_with_a_to_scope_section_read_no_items() -> None:
    notes = """\
# Release notes

## To Scope

What the next release might hold is written in the forum.

### Added

Nothing yet.
"""
    assert read_items(notes, "CHANGELOG.md") == ()
    assert finding_lines(notes, "CHANGELOG.md") == []


TOP_PHASES = """\
# Phase 1. Baseline Router 구현

**Status:** Done

- [x] router skeleton

# Phase 2. Load Balancing

**Status:** In progress

- [ ] weights
"""


def test_phases_written_at_level_one_with_a_full_stop_are_the_items() -> None:
    # a roadmap written one phase a top heading; the first is no title
    read = [(i.id, i.title, i.status) for i in read_items(TOP_PHASES)]
    assert read == [
        ("Phase 1", "Baseline Router 구현", "Done"),
        ("Phase 2", "Load Balancing", "In progress"),
    ]
    assert finding_lines(TOP_PHASES) == []
    # the same at level 2 under a title, the full stop closing the number as a colon does
    nested = "# Roadmap\n\n" + TOP_PHASES.replace("# Phase", "## Phase")
    assert [(i.id, i.title) for i in read_items(nested)] == [
        ("Phase 1", "Baseline Router 구현"),
        ("Phase 2", "Load Balancing"),
    ]
    assert finding_lines(nested) == []


def test_a_report_whose_top_headings_name_phases_without_a_title_reads_no_items() -> None:
    report = """\
# Phase 1 results

The first phase met its goals.

# Phase 1.5 results

A dot inside the number is no full stop closing it.

# Phase 2 results

The second phase is under review.
"""
    assert read_items(report, "docs/report.md") == ()
    assert finding_lines(report, "docs/report.md") == []


RANGE = """\
# Backlog

## Frontend

- [x] FE-011: Logout button `#frontend #auth`
- [x] FE-027..FE-039: MVP features baseline `#frontend`
- [ ] FE-040: Dark mode `#frontend`
"""


def test_a_box_led_by_a_range_of_ids_is_one_item_with_that_range_for_its_id() -> None:
    read = [(i.id, i.title, i.status) for i in read_items(RANGE, "BACKLOG.md")]
    assert read == [
        ("FE-011", "Logout button #frontend #auth", "done"),
        ("FE-027..FE-039", "MVP features baseline #frontend", "done"),
        ("FE-040", "Dark mode #frontend", "[ ]"),
    ]
    assert finding_lines(RANGE, "BACKLOG.md") == []


def test_a_changelog_naming_a_range_of_tickets_reads_no_items() -> None:
    changelog = """\
# Changelog

## 1.4.0

- FE-027..FE-039: the MVP features, merged
- Dark mode
"""
    assert read_items(changelog, "CHANGELOG.md") == ()
    assert finding_lines(changelog, "CHANGELOG.md") == []


TAGGED = """\
# Backlog – Kundenportal

Stand: 2026-03-01

### [intern] Rechnungsexport als CSV
Der Export fehlt noch.

**Status:** Offen

### [intern] Login über SSO
Das Login scheitert mit Azure.

**Befund:** Das Token läuft ab.

**Status:** Erledigt

### [kunde] Dunkles Design
Ein Wunsch aus dem Team.

**Status:** In Arbeit
"""


def test_entries_led_by_a_tag_with_their_status_after_a_description_are_items() -> None:
    # the Status paragraph after the entry's prose is its field, as a Dependencies one is
    read = [(i.title, i.status) for i in read_items(TAGGED, "BACKLOG.md")]
    assert read == [
        ("[intern] Rechnungsexport als CSV", "Offen"),
        ("[intern] Login über SSO", "Erledigt"),
        ("[kunde] Dunkles Design", "In Arbeit"),
    ]
    assert finding_lines(TAGGED, "BACKLOG.md") == []


def test_a_glossary_whose_headings_are_tagged_reads_no_items() -> None:
    glossary = """\
# Glossar

### [intern] Kostenstelle
Die Nummer, auf die gebucht wird.

### [extern] Kundennummer
Die Nummer des Kunden bei uns.
"""
    assert read_items(glossary, "docs/glossar.md") == ()
    assert finding_lines(glossary, "docs/glossar.md") == []


MILESTONE = """\
# Roadmap

## Milestone v1.0 - COMPLETE ✓

**Status:** Complete
**Summary:** the first release.

## Phase 1: Detection Core

**Goal:** detect events.

## Phase 2: Configuration UI

**Goal:** set the thresholds.
"""


def test_a_milestone_closed_by_its_status_among_phases_is_an_item() -> None:
    read = [(i.id, i.title, i.status) for i in read_items(MILESTONE)]
    assert read == [
        ("v1.0", "Milestone v1.0", "Complete"),
        ("Phase 1", "Detection Core", None),
        ("Phase 2", "Configuration UI", None),
    ]
    assert finding_lines(MILESTONE) == []


def test_release_notes_with_a_milestone_heading_read_no_items() -> None:
    notes = """\
# Release notes

## Milestone v1.0 - COMPLETE ✓

The first release shipped in April.

## Thanks

To everyone who tested it.
"""
    assert read_items(notes, "CHANGELOG.md") == ()
    assert finding_lines(notes, "CHANGELOG.md") == []


BRIEF = """\
# Work Queue & Handoff Brief

**Status:** #2 is done. Remaining, in order: **#1** (in progress), #3.

## The work queue

### [x] #2 — FIX: Saving edits does nothing — DONE

### [ ] #1 — FEATURE: Edit personal time entries

### [ ] #3 — FEATURE: Deactivate an employee
"""


def test_a_briefs_status_line_naming_an_item_in_progress_gives_its_open_box_that_state() -> None:
    read = [(i.id, i.status) for i in read_items(BRIEF, "WORK_QUEUE.md")]
    assert read == [("#2", "[x]"), ("#1", "in progress"), ("#3", "[ ]")]
    assert finding_lines(BRIEF, "WORK_QUEUE.md") == []


def test_a_readme_whose_status_line_names_a_stage_in_progress_reads_no_items() -> None:
    readme = """\
# Widget

**Status:** **beta** (in progress), **docs** (in progress).

A small widget for your desktop.
"""
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []


SCRIPTS = """\
# 작업 목록

## T-1: 라우터 구현

상태: `DONE`
우선순위: P1

## T-2: Балансировка

Статус: в работе
Приоритет: P2
"""


def test_plain_field_lines_named_in_another_script_are_the_items_fields() -> None:
    read = [(i.id, i.status, i.priority) for i in read_items(SCRIPTS, "TASKS.md")]
    assert read == [("T-1", "DONE", "P1"), ("T-2", "в работе", "P2")]
    assert finding_lines(SCRIPTS, "TASKS.md") == []


def test_a_korean_readme_with_a_status_line_reads_no_items() -> None:
    readme = """\
# 라우터

상태: 베타

요청을 가장 가까운 서버로 보냅니다.
"""
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []
