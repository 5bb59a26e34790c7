"""The classes of plan file the thirty-sixth held-out set of the corpus (tests/corpus: plans
of the coding-agent era, numbered 190-193 in checkboxes/, 112 in headings/, 95 in phases/
and 102-103 in tables/) showed read wrong, each in a small document: read as a person
reads it, with no finding that is no defect; and beside each new reading a document that
is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.settings import status_meaning

MILESTONE_STEPS = """\
# Task Plan - Billing Rewrite
**Date:** 2026-03-02

### Milestone 1: Data Model (Priority: High)
- [X] 1.1: Add the invoices table
- [X] 1.2: Backfill the old invoices
- [ ] 1.3: Drop the legacy columns

### Milestone 2: Payments (Priority: Low)
- [ ] 2.1: Wire the payment provider
- [ ] 2.2: Send the receipts

**Dependencies:**
- Milestone 2 blocked by Milestone 1
"""

SYLLABUS = """\
# Course syllabus

The course runs over two milestones.

### Milestone 1: Foundations

Readings for the first block:

- 1.1: Chapter one of the textbook
- 1.2: The lecture notes on sets

### Milestone 2: Practice

- 2.1: Problem sheet A
- 2.2: Problem sheet B
"""


def test_boxes_numbered_under_their_milestone_are_the_items() -> None:
    # ``### Milestone 1: Name (Priority: High)`` over ``- [X] 1.1: Title``: the boxes are
    # the plan's steps, numbered under their milestone as Kiro's are under a phase, with
    # the priority the milestone notes; the milestone was read as one item in their place
    # (timeoff-v2's auth-migration plan)
    read = [(i.id, i.title, i.status, i.priority) for i in read_items(MILESTONE_STEPS, "plan.md")]
    assert read == [
        ("1.1", "Add the invoices table", "done", "High"),
        ("1.2", "Backfill the old invoices", "done", "High"),
        ("1.3", "Drop the legacy columns", "[ ]", "High"),
        ("2.1", "Wire the payment provider", "[ ]", "Low"),
        ("2.2", "Send the receipts", "[ ]", "Low"),
    ]
    assert finding_lines(MILESTONE_STEPS, "plan.md") == []


def test_a_syllabus_of_milestones_reads_nothing() -> None:
    assert read_items(SYLLABUS, "SYLLABUS.md") == ()
    assert finding_lines(SYLLABUS, "SYLLABUS.md") == []


APP_TODO = """\
# Star Map TODO

### Planned Features

- line integral convolution for vector maps
- arithmetic on loaded maps

### Feature Requests

- magnifier glass
- false colour maps (e.g. RGB = three channels) + decorrelation

### Random ideas
- polarisation angle colour map?
"""

SUPPORT_PAGE = """\
# Support

## Feature requests

Open an issue on the tracker and describe what you need. We read every request.

## Random ideas

We keep a forum thread for loose thoughts; it is not a roadmap.
"""


def test_requests_and_random_ideas_are_ideas() -> None:
    # ``### Feature Requests`` and ``### Random ideas`` over bullets: what users ask for and
    # what came to mind, not yet planned, as ``### Future Ideas`` is; an ``(e.g. ...)`` in a
    # bullet does not end its title (healpix-viewer's TODO.md)
    read = [(i.title, i.status) for i in read_items(APP_TODO, "TODO.md")]
    assert read == [
        ("line integral convolution for vector maps", "planned"),
        ("arithmetic on loaded maps", "planned"),
        ("magnifier glass", "idea"),
        ("false colour maps (e.g. RGB = three channels) + decorrelation", "idea"),
        ("polarisation angle colour map?", "idea"),
    ]
    assert {status_meaning(s) for _, s in read[2:]} == {"idea"}
    assert finding_lines(APP_TODO, "TODO.md") == []


def test_a_support_page_about_requests_reads_nothing() -> None:
    assert read_items(SUPPORT_PAGE, "SUPPORT.md") == ()
    assert finding_lines(SUPPORT_PAGE, "SUPPORT.md") == []


BANDED_BACKLOG = """\
# Shop Dashboard — Backlog

## 🔴 High Priority

| # | Task | Description |
|---|------|-------------|
| 1 | **Add login** | The dashboard is open to anyone with the address. |
| 2 | **Escape table cells** | Customer names are injected unescaped. |

## 🟡 Low Priority

| # | Task | Description |
|---|------|-------------|
| 3 | **Dark mode** | Follow the system theme. |
"""

SUPPORT_TIERS = """\
# Support tiers

## High priority support

| Plan | Response time |
|---|---|
| Enterprise | 1 hour |
| Business | 4 hours |

## Low priority support

| Plan | Response time |
|---|---|
| Free | 3 days |
"""


def test_task_tables_under_priority_bands_are_the_items() -> None:
    # ``| # | Task | Description |`` tables with no Status column under ``## 🔴 High
    # Priority`` / ``## 🟡 Low Priority``: a backlog ranked in bands, each row a task of its
    # band's priority and no status yet; no column said a field, so no row was read
    # (Okie62's vendor-invoice-dashboard BACKLOG.md)
    read = [(i.id, i.title, i.status, i.priority) for i in read_items(BANDED_BACKLOG, "BACKLOG.md")]
    assert read == [
        ("1", "Add login", None, "High"),
        ("2", "Escape table cells", None, "High"),
        ("3", "Dark mode", None, "Low"),
    ]
    assert finding_lines(BANDED_BACKLOG, "BACKLOG.md") == []


def test_support_tiers_by_priority_read_nothing() -> None:
    assert read_items(SUPPORT_TIERS, "SUPPORT.md") == ()
    assert finding_lines(SUPPORT_TIERS, "SUPPORT.md") == []


PHASES_TOLD_TWICE = """\
# Photo Album - Implementation Plan

## Work

### Phase 1: Fix the basics

#### 1.1 Fix the storage bucket name
- **File**: `app.js`
- **Change**: use the real bucket

#### 1.2 Guard the login
- **File**: `pages/index.js`

### Phase 2: Sharing

#### 2.1 Share links
- **File**: `pages/share.js`

#### 2.2 Invite codes
- **File**: `pages/profile.js`

## Progress

### Phase 1: Basics
- [x] 1.1 Fix the storage bucket name
- [ ] 1.2 Guard the login

### Phase 2: Sharing
- [ ] 2.1 Share links
- [ ] 2.2 Invite codes
"""

NUMBERED_SPEC = """\
# Photo Album - Specification

## 1. Overview

### 1.1 Scope

The album stores photos for a family and shares them by link.

### 1.2 Terms

An album is a set of photos; a link opens one album to a guest.

## 2. Storage

### 2.1 Buckets

Photos live in one bucket per family.
"""


def test_phases_told_twice_read_their_numbered_boxes() -> None:
    # ``### Phase 1`` over ``#### 1.1 Title`` descriptions, then a progress list of the
    # same tasks as boxes numbered under a second ``### Phase 1``: the boxes are the items,
    # both tellings of the phases their themes; the phases were read, each twice, in their
    # place (couple-app's IMPLEMENTATION_PLAN.md)
    read = [(i.id, i.title, i.status) for i in read_items(PHASES_TOLD_TWICE, "PLAN.md")]
    assert read == [
        ("1.1", "Fix the storage bucket name", "done"),
        ("1.2", "Guard the login", "[ ]"),
        ("2.1", "Share links", "[ ]"),
        ("2.2", "Invite codes", "[ ]"),
    ]
    assert finding_lines(PHASES_TOLD_TWICE, "PLAN.md") == []


def test_a_numbered_specification_reads_nothing() -> None:
    assert read_items(NUMBERED_SPEC, "SPEC.md") == ()
    assert finding_lines(NUMBERED_SPEC, "SPEC.md") == []
