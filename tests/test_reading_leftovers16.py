"""The classes the sixteenth leftovers pass (ROADMAP CORE-201) reads: what the thirty-sixth
held-out set and the passes before it left, each in a small document read as a person
reads it, with no finding that is no defect; and beside each new reading a document that
is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.settings import status_meaning

BUILD_TODO = """\
# Tide Chart TODO

### Current Status (Build 014)

- harmonic constants for the north coast added
- dark colour scheme added
- export to PNG fixed on Windows

### Planned Features

- offline station cache
- moon phase overlay

### Feature Requests

- tide alarms?
"""

SHIPPED_TODO = """\
# Notes App TODO

## Shipped in 2.3

- sync over the local network
- markdown preview

## What works now

- search in titles

## Planned

- tags

## Ideas

- handwriting?
"""

README_STATUS = """\
# Tide Chart

A small app that draws the tides of a coastal station.

## Current status

The app is usable day to day. It has:

- harmonic constants for forty stations
- a dark colour scheme
- export to PNG

## Installation

- download the release for your system
- unpack it anywhere
"""


def test_a_current_build_list_in_a_todo_is_done() -> None:
    # ``### Current Status (Build 014)`` over a TODO's plain bullets, beside sections that
    # name their state (``### Planned Features``, ``### Feature Requests``): what the build
    # holds, done (healpix-viewer's TODO.md)
    read = [(i.title, status_meaning(i.status)) for i in read_items(BUILD_TODO, "TODO.md")]
    assert read == [
        ("harmonic constants for the north coast added", "done"),
        ("dark colour scheme added", "done"),
        ("export to PNG fixed on Windows", "done"),
        ("offline station cache", "ready"),
        ("moon phase overlay", "ready"),
        ("tide alarms?", "idea"),
    ]
    assert finding_lines(BUILD_TODO, "TODO.md") == []


def test_a_shipped_version_and_what_works_now_are_done() -> None:
    read = [(i.title, status_meaning(i.status)) for i in read_items(SHIPPED_TODO, "TODO.md")]
    assert read == [
        ("sync over the local network", "done"),
        ("markdown preview", "done"),
        ("search in titles", "done"),
        ("tags", "ready"),
        ("handwriting?", "idea"),
    ]
    assert finding_lines(SHIPPED_TODO, "TODO.md") == []


def test_a_readmes_current_status_reads_nothing() -> None:
    assert read_items(README_STATUS, "README.md") == ()
    assert finding_lines(README_STATUS, "README.md") == []


LAYERED_TASKS = """\
# Ingest Service DAG Implementation Plan

## DAG Task Implementation

### Layer 0: Foundation (No Dependencies)

- [x] **BASE-1: Module Base Class** ✅ COMPLETE
  - **Dependencies:** None
- [x] **BASE-2: Project Layout** ✅ COMPLETE
  - **Dependencies:** None

### Layer 1: Engines (Depends on Foundation)

- [x] **PARSER-1: Feed Parser** ⚠️ NEEDS ENHANCEMENT
  - ⚠️ Need to handle compressed feeds
  - **Dependencies:** BASE-1
- [x] **STATS-1: Throughput Counter** ⚠️ NEEDS INTEGRATION
  - **Dependencies:** BASE-2

### Layer 2: Service (Depends on Engines)

- [ ] **SERVICE-1: HTTP Interface**
  - **Dependencies:** PARSER-1, STATS-1
"""

STATUS_BADGES = """\
# Ingest Service

A service that reads feeds and counts them.

## Components

- **Feed Parser** ⚠️ NEEDS ENHANCEMENT
- **Throughput Counter** ✅ COMPLETE

## Usage

Run `ingest serve` and point it at a feed.
"""


def test_a_ticked_box_marked_as_needing_work_is_under_way() -> None:
    # ``- [x] **PARSER-1: Title** ⚠️ NEEDS ENHANCEMENT`` where its neighbours write ``✅
    # COMPLETE``: the box is ticked, the note says work remains, so it is under way; the
    # note is no part of the title (nkllon's Kiro tasks); and a layer of the graph that
    # gives each task a prefix of its own (``PARSER-1`` beside ``STATS-1``) files no stray
    read = [
        (i.id, i.title, status_meaning(i.status)) for i in read_items(LAYERED_TASKS, "tasks.md")
    ]
    assert read == [
        ("BASE-1", "Module Base Class", "done"),
        ("BASE-2", "Project Layout", "done"),
        ("PARSER-1", "Feed Parser", "in_progress"),
        ("STATS-1", "Throughput Counter", "in_progress"),
        ("SERVICE-1", "HTTP Interface", "ready"),
    ]
    assert finding_lines(LAYERED_TASKS, "tasks.md") == []


def test_a_readmes_status_badges_read_nothing() -> None:
    assert read_items(STATUS_BADGES, "README.md") == ()
    assert finding_lines(STATUS_BADGES, "README.md") == []


MIXED_LAYER = """\
# Plan

### Layer 1: Engines

- [ ] **CORE-1: Parser**
- [ ] **CORE-2: Counter**
- [ ] **COER-3: Cache**

### Sprint 2

- [ ] **API-1: Login**
- [ ] **WEB-2: Page**
"""


def test_a_stray_prefix_in_a_layer_or_a_sprint_is_still_one() -> None:
    # two of one prefix and one of another in a layer: the one is filed wrong; two
    # prefixes once each in a section that is no layer of a graph: the second is a stray
    assert finding_lines(MIXED_LAYER, "plan.md") == ["7:RL106", "12:RL106"]


NOTED_PRIORITIES = """\
# Validation Tasks

#### Task 3.1: Setup Validation Process
- [x] Capture the device's configuration

#### Task 3.2: Network Validation (High Priority)
- [x] `NetworkConfig.yaml` - main network configuration
- [x] `WifiConfig.yaml` - WiFi settings

#### Task 3.3: Device Validation (Priority: Low)
- [ ] `DeviceConfig.yaml` - device identity
"""

SUPPORT_TIERS = """\
# Support

## Response times (High Priority)

We answer a ticket of high priority within a working day.

## Response times (Low Priority)

We answer other tickets within a week.
"""


def test_a_priority_noted_after_a_heading_items_title_is_its_priority() -> None:
    # ``#### Task 3.2: Network Validation (High Priority)``: the note says how urgent the
    # task is, no part of its name (openapi-wled's task list, the eleventh quiet sweep)
    read = [(i.id, i.title, i.priority) for i in read_items(NOTED_PRIORITIES, "tasks.md")]
    assert read == [
        ("Task 3.1", "Setup Validation Process", None),
        ("Task 3.2", "Network Validation", "High"),
        ("Task 3.3", "Device Validation", "Low"),
    ]
    assert finding_lines(NOTED_PRIORITIES, "tasks.md") == []


def test_support_tiers_noted_by_priority_read_nothing() -> None:
    assert read_items(SUPPORT_TIERS, "SUPPORT.md") == ()
    assert finding_lines(SUPPORT_TIERS, "SUPPORT.md") == []
