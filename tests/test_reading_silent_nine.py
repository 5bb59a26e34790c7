"""The classes of plan file the stricter measure of ``test_no_file_is_read_silently_wrong``
found read wrong while ``check`` said all was well (tests/corpus/README.md, "Silently
wrong, by the stricter measure"; ROADMAP CORE-147), each in a small document: read as a
person reads it; and beside each new reading a document that is no plan, which reads no
items and no finding."""

from __future__ import annotations

from pathlib import Path

from conftest import finding_lines, read_items

from roadmaplint.api import load
from roadmaplint.database.plan import startable
from roadmaplint.settings import status_meaning

# ``Pending`` and ``Backlog`` say the work has not started, as ``todo`` does; ``Fixed``
# written as an item's status is a bug fixed. The corpus's measure counted them so while
# the reader gave ``pending`` no meaning and ``backlog`` the meaning of an idea: ``next``
# offered nothing on a plan of pending phases over done ones.
WORDS = """\
# Tasks

| ID | Title | Status | Depends on |
|----|-------|--------|------------|
| T-1 | Parser | Fixed | |
| T-2 | Lexer | Pending | T-1 |
| T-3 | Docs | Pending | T-2 |
| T-4 | Website | Backlog | |
"""


def test_pending_and_backlog_are_not_started_and_fixed_is_done(tmp_path: Path) -> None:
    plan = tmp_path / "PLAN.md"
    plan.write_text(WORDS, encoding="utf-8")
    loaded = load(plan)
    assert [status_meaning(i.status) for i in loaded.roadmap.items] == [
        "done",
        "ready",
        "ready",
        "ready",
    ]
    # the lexer's parser is fixed, so it can start; the docs wait on the lexer, which
    # only says it has not started: no RL306, and nothing else to say
    assert [c.item.id for c in startable(loaded.context)] == ["T-2", "T-4"]
    assert finding_lines(WORDS) == []


def test_a_done_item_over_a_pending_one_is_a_contradiction() -> None:
    text = WORDS.replace("| T-3 | Docs | Pending |", "| T-3 | Docs | Done |")
    assert finding_lines(text) == ["7:RL304"]


# A changelog's ``### Fixed`` section lists what a release fixed, and a ``## Roadmap``
# heading names a document's part: neither word is a status there.
CHANGELOG = """\
# Changelog

## Roadmap

See ROADMAP.md for what comes next.

## [1.2.0] - 2026-01-04

### Added

- A `--json` option to `list`.

### Fixed

- The overview no longer drops a blank line.
- Pending changes are kept when the file is renamed.

### Backlog

- Nothing carried over.
"""


def test_a_changelogs_fixed_section_is_no_status() -> None:
    assert read_items(CHANGELOG) == ()
    assert finding_lines(CHANGELOG) == []
    assert [status_meaning(s) for s in ("Fixed in 1.2", "Roadmap", "## Roadmap")] == [
        None,
        "idea",
        None,
    ]


# A GSD roadmap's phase inserted in the details only (``### Phase 2.1: Name (INSERTED)``),
# with no checklist box and no progress row: its ``Plans:`` boxes, ticked, say it is done.
# It read with no status (centik's 30.1); plans left open say nothing, and a phase whose
# box or row says its state keeps it.
INSERTED = """\
# Roadmap

## Phases

- [x] **Phase 1: Setup** - Scaffold
- [ ] **Phase 2: Deploy** - Ship it

## Phase Details

### Phase 1: Setup
**Goal**: A scaffold
**Plans**: 1 plans

Plans:
- [x] 01-01-PLAN.md -- Scaffold

### Phase 2: Deploy
**Goal**: Production
**Depends on**: Phase 1
**Plans**: 2 plans

Plans:
- [x] 02-01-PLAN.md -- Config
- [ ] 02-02-PLAN.md -- Smoke check

### Phase 2.1: Fix the budget IDOR (INSERTED)
**Goal**: Close the hole Plan 02-01 found
**Depends on**: Phase 2
**Plans**: TBD

Plans:
- [x] 02.1-01: TBD

### Phase 2.2: Rotate keys (INSERTED)
**Goal**: New keys
**Depends on**: Phase 2.1
**Plans**: TBD

Plans:
- [ ] 02.2-01: TBD
"""


def test_an_inserted_phase_whose_plans_are_ticked_is_done() -> None:
    read = [(i.id, i.status) for i in read_items(INSERTED)]
    assert read == [
        ("Phase 1", "done"),
        ("Phase 2", "pending"),
        ("Phase 2.1", "done"),
        ("Phase 2.2", None),
    ]
    # an inserted phase done before the phase it was found in is signed off is no
    # contradiction the rules tell (as on centik's roadmap)
    assert finding_lines(INSERTED) == []


# Release notes listing each release's ticked plans are no phases and no plan.
PLANS_NOTES = """\
# Release notes

## 1.4

Plans:
- [x] 14-01-PLAN.md -- Export
- [x] 14-02-PLAN.md -- Import

Everything above shipped on 3 May.
"""


def test_ticked_plans_outside_a_phase_are_no_items() -> None:
    assert read_items(PLANS_NOTES) == ()
    assert finding_lines(PLANS_NOTES) == []


# A checklist of numbered bold steps, the finished ones with a ``- Status: ✅ Completed``
# bullet: a step over its own open boxes is open, as a task heading over them is (Gleam's
# step 15 read with no status); a step with neither says none.
STEPS = """\
# TODO: Ship the backend

## Phase 1 — Prepare the backend

1. **Install prerequisites**
   - Run `npm install -g firebase-tools`.
   - Status: ✅ Completed

2. **Create the project**
   - Status: ✅ Completed

3. **Deploy the function**
   - Note the deployed URL.

## Phase 2 — Verify

4. **Run the app**
   - Status: ✅ Completed

5. **Regression checklist**
   - [ ] No API keys committed to git.
   - [ ] Function logs show successful requests.

6. **Smoke test**
   - [x] Home shows the latest result.
   - [ ] History persists results.
"""


def test_a_numbered_step_over_its_own_boxes_takes_their_state() -> None:
    read = [(i.id, i.status) for i in read_items(STEPS)]
    assert read == [
        ("1", "✅ Completed"),
        ("2", "✅ Completed"),
        ("3", None),
        ("4", "✅ Completed"),
        ("5", "pending"),
        ("6", "in progress"),
    ]
    assert finding_lines(STEPS) == []


# A page of numbered bold questions, each answered in bullets: no steps, no plan.
FAQ = """\
# Questions

1. **Does it run offline?**
   - Yes, once the model is downloaded.
   - Status of the cache: see `cache ls`.

2. **Which Python?**
   - 3.11 or newer.
"""


def test_numbered_bold_questions_are_no_plan() -> None:
    assert read_items(FAQ) == ()
    assert finding_lines(FAQ) == []


# A backlog's table of the work found, with IDs and a Status column, then a table of the
# work planned next that names it by the same title column alone (``| Stage | Task | Note
# |``): its rows are items too, named by their titles (auto-log's nine planned tasks were
# missed with ``All checks passed``).
TWO_TABLES = """\
# Backlog

## A. Found while building 1.0

| # | Status | Priority | Task | Why left |
|---|---|---|---|---|
| B0 | ✅ | High | Reorder drag offset | fixed with a test |
| B1 | | High | Foreground merge service | long merges are deferred |

## B. Planned next

| Stage | Task | Note |
|---|---|---|
| 2nd | Edit screen entry | `docs/tasks-2.md` T1 |
| 3rd | Trim clips | |
"""


def test_a_table_of_titles_after_the_plans_table_holds_items() -> None:
    read = [(i.id, i.title, i.status) for i in read_items(TWO_TABLES)]
    assert read == [
        ("B0", "Reorder drag offset", "✅"),
        ("B1", "Foreground merge service", "open"),
        ("edit-screen-entry", "Edit screen entry", None),
        ("trim-clips", "Trim clips", None),
    ]
    assert finding_lines(TWO_TABLES) == []


# A page's table of titles with no plan's table above it (a list of talks), and one under
# a plan's table that names its rows otherwise (``| Service | Port |``): no items.
TITLES_ONLY = """\
# Meetup

| Talk | Speaker |
|---|---|
| Parsing markdown | Ana |
| Writing linters | Bo |
"""

SERVICES = """\
# Tasks

| ID | Status | Task |
|----|--------|------|
| T-1 | Done | Set up CI |

## Services

| Service | Port |
|---|---|
| API | 8080 |
"""


def test_a_table_of_titles_alone_is_no_plan() -> None:
    assert read_items(TITLES_ONLY) == ()
    assert finding_lines(TITLES_ONLY) == []
    assert [i.id for i in read_items(SERVICES)] == ["T-1"]
    assert finding_lines(SERVICES) == []


# Epics numbered under a lettered one: ``Epic 5d`` and its parts ``Epic 5d4``, ``Epic
# 5d5`` (otters' four sub-epics were missed beside the others, check silent).
EPICS = """\
# Implementation Epics

## Epic 5d: Simulator Validation

**Status:** Done

## Epic 5d4: Scenario Format Enhancement

**Status:** Done

## Epic 5d5: State Directory Implementation

**Status:** In Progress
"""


def test_an_epic_numbered_under_a_lettered_one_is_an_item() -> None:
    read = [(i.id, i.status) for i in read_items(EPICS)]
    assert read == [("Epic 5d", "Done"), ("Epic 5d4", "Done"), ("Epic 5d5", "In Progress")]
    assert finding_lines(EPICS) == []


# A page naming part numbers in its headings is no plan.
PARTS = """\
# Spare parts

## Model 5d4 fan

Fits the 2019 boards.

## Model 5d5 fan

Fits the 2021 boards.
"""


def test_part_numbers_in_headings_are_no_plan() -> None:
    assert read_items(PARTS) == ()
    assert finding_lines(PARTS) == []


# An item's status ``Planning`` (Turkish ``Planlama``), alone or before a note, is work
# being planned and not yet begun: ready, as ``todo`` is (hanavdel's MD-014 read with no
# meaning). Only as an item's status: a ``## Planning`` section of a page is no status.
PLANNING = """\
# Work Queue

## MD-013 (P1) — Cart recovery

| Alan | Değer |
|------|--------|
| Durum | **Açık** |

## MD-014 (P1) — Opus Omni postcheckout

| Alan | Değer |
|------|--------|
| Durum | **Planlama** — Faz 0 başlangıç |
"""


def test_planning_as_an_items_status_is_not_yet_begun() -> None:
    read = [(i.id, i.status, status_meaning(i.status)) for i in read_items(PLANNING)]
    assert read == [
        ("MD-013", "Açık", "ready"),
        ("MD-014", "Planlama — Faz 0 başlangıç", "ready"),
    ]
    assert finding_lines(PLANNING) == []


PLANNING_PAGE = """\
# Event handbook

## Planning

- Book the room a month ahead.
- Ask for talks two weeks ahead.

## Fixed costs

- Room, coffee.
"""


def test_a_planning_section_of_a_page_is_no_status() -> None:
    assert read_items(PLANNING_PAGE) == ()
    assert finding_lines(PLANNING_PAGE) == []


# A sprint file whose table of targets writes no status, and whose retrospective says of
# them all at once: ``PIN-001 through PIN-003 (all **released**)`` (pinion's ten targets
# read with no status, check silent; read by ``reader/said_once.py``, CORE-143).
SPRINT = """\
# Sprint 1

## Targets

| ID | Target (summary) | Depends on |
| --- | --- | --- |
| PIN-001 | Scaffold the app | — |
| PIN-002 | DB schema | PIN-001 |
| PIN-003 | REST API | PIN-002 |
| PIN-004 | Dark mode | — |

## Retrospective

- **PINs**: PIN-001 through PIN-003 (all **released**)
- PIN-004 moves to sprint 2.
"""


def test_a_range_of_ids_given_one_status_gives_it_each() -> None:
    read = [(i.id, i.status) for i in read_items(SPRINT)]
    assert read == [
        ("PIN-001", "released"),
        ("PIN-002", "released"),
        ("PIN-003", "released"),
        ("PIN-004", None),
    ]
    assert finding_lines(SPRINT) == []


# A team's notes naming a range of tickets, with no plan in them.
TICKET_NOTES = """\
# Weekly notes

- Tickets OPS-1 through OPS-9 (all closed) were the migration's.
- Next week: on-call handover.
"""


def test_a_range_said_outside_a_plan_is_no_item() -> None:
    assert read_items(TICKET_NOTES) == ()
    assert finding_lines(TICKET_NOTES) == []
