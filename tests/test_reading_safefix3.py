"""Readings the third write gate's leftovers pass (ROADMAP SAFE-82) fixed by their class,
each beside the nearest document that is no plan or reads as before."""

from __future__ import annotations

from conftest import finding_lines, read_items

# A sprint's boxes, then the conditions each meets under a Definition of Done label: the
# conditions are no work of the sprint, where they read as two more of its items.
SPRINT = """\
# Sprint 14

- [x] Import bank statements
- [ ] Split a payment between two budgets

**Definition of Done:**

- [ ] Reviewed by a second person
- [ ] Documented in the user guide
"""


def test_boxes_under_a_definition_of_done_label_are_no_items() -> None:
    read = [(item.title, item.status) for item in read_items(SPRINT)]
    assert read == [
        ("Import bank statements", "done"),
        ("Split a payment between two budgets", "[ ]"),
    ]
    assert finding_lines(SPRINT) == []


# A contributing guide's checklist under the label, and no plan beside it: nothing read.
CONTRIBUTING = """\
# Contributing

Open a pull request against `main`. Before asking for a review, tick these:

Definition of Done:
- [ ] The tests pass on your machine
- [ ] The change is in the changelog
"""


def test_a_guides_definition_of_done_reads_nothing() -> None:
    assert read_items(CONTRIBUTING) == ()
    assert finding_lines(CONTRIBUTING) == []


# Boxes under a label of another kind stay the plan's work.
DONE_SO_FAR = """\
# Sprint 15

**Done so far:**

- [x] Export the yearly report
- [ ] Send reminders before a bill is due
"""


def test_boxes_under_another_label_are_still_items() -> None:
    read = [(item.title, item.status) for item in read_items(DONE_SO_FAR)]
    assert read == [
        ("Export the yearly report", "done"),
        ("Send reminders before a bill is due", "[ ]"),
    ]


# One item pasted three times, its ID in brackets: three items RL102 tells apart, where
# they read as the sections of one document and the plan read nothing.
PASTED = """\
# Roadmap

## [SYNC-1] Sync the calendar

- **Status:** ready

## [SYNC-1] Sync the calendar

- **Status:** ready

## [SYNC-1] Sync the calendar

- **Status:** ready
- **Definition of Done:**
  - [ ] Works offline
"""


def test_an_item_written_again_reads_as_items_told_apart() -> None:
    read = [(item.id, item.position.line) for item in read_items(PASTED)]
    assert read == [("SYNC-1", 3), ("SYNC-1", 7), ("SYNC-1", 11)]
    assert read_items(PASTED)[2].definition_of_done[0].text == "Works offline"
    assert [line for line in finding_lines(PASTED) if line.endswith("RL102")] == [
        "7:RL102",
        "11:RL102",
    ]


# A proposal whose sections each name its one ID and a part: the sections of one
# document, no items, as before.
PROPOSAL = """\
# Proposals

## RFC-07. Motivation

Exports are slow.

## RFC-07. Design

Stream the rows.

## RFC-07. Rollout

Behind a flag first.
"""


def test_the_sections_of_one_proposal_read_nothing() -> None:
    assert read_items(PROPOSAL) == ()
    assert finding_lines(PROPOSAL) == []


# An incident runbook: under each severity, the steps taken and the time each is due
# within. Steps taken every time, no work planned: nothing read, where each row was an item.
RUNBOOK = """\
# Incident response

## P1 — Outage

| Task | Owner | Within |
| --- | --- | --- |
| Page the on-call engineer | Support | 5 minutes |
| Post on the status page | Comms | 15 minutes |

## P2 — Degraded

| Task | Owner | Response time |
| --- | --- | --- |
| Open a ticket | Support | 1 hour |
"""


def test_a_runbooks_response_tables_read_nothing() -> None:
    assert read_items(RUNBOOK) == ()
    assert finding_lines(RUNBOOK) == []


# The same bands over tasks with an estimate: a backlog, read as before.
BANDS = """\
# Backlog

## P1 — Critical

| Task | Owner | Estimate |
| --- | --- | --- |
| Retry failed payments | Ana | 3 days |
| Show the invoice total | Bo | 1 day |
"""


def test_a_backlogs_bands_of_tasks_are_still_items() -> None:
    read = [(item.title, item.priority) for item in read_items(BANDS)]
    assert read == [("Retry failed payments", "P1"), ("Show the invoice total", "P1")]


# A phase's numbered tasks, one given an ID in brackets before its name (as `rename`
# writes it): that task is named by the ID, the others by their names.
PHASE_IDS = """\
# Mobile app plan

## Phase 1: Foundations

1. **Login screen** — done.
2. **[CACHE-1] Offline cache** — in progress.
"""


def test_a_phase_task_names_its_id_in_brackets() -> None:
    read = [(item.id, item.title, item.status) for item in read_items(PHASE_IDS)]
    assert read == [
        ("Phase 1", "Foundations", None),
        ("login-screen", "Login screen", "done"),
        ("CACHE-1", "Offline cache", "in progress"),
    ]


# The same list saying no state: a phase's prose, its bracketed words no IDs.
PHASE_NOTES = """\
# Mobile app plan

## Phase 1: Foundations

1. **[RFC-3] Login screen** — see the design notes.
2. **[RFC-4] Offline cache** — ask the platform team.
"""


def test_a_phase_list_saying_no_state_reads_no_tasks() -> None:
    assert [item.id for item in read_items(PHASE_NOTES)] == ["Phase 1"]


# A box's closing note names what it waits on after a dash, no day before it: the
# dependency is read, the note no part of the title.
NOTED_BOXES = """\
# Import plan

- [x] BX-1 Schema
- [ ] BX-2 Import - depends on BX-1
- [ ] BX-3 Export — depends on BX-1, BX-2
"""


def test_a_boxs_closing_note_names_its_dependencies() -> None:
    read = [(item.id, item.title, item.depends_on) for item in read_items(NOTED_BOXES)]
    assert read == [
        ("BX-1", "Schema", ()),
        ("BX-2", "Import", ("BX-1",)),
        ("BX-3", "Export", ("BX-1", "BX-2")),
    ]
    assert finding_lines(NOTED_BOXES) == []


# A changelog's bullets saying what a release needs after a dash: no plan, nothing read.
CHANGELOG = """\
# Changelog

## 1.2.0 - 2024-03-01

- Importer rewritten - depends on zlib-1.3
- Faster export - depends on libpng
"""


def test_a_changelogs_notes_of_what_a_release_needs_read_nothing() -> None:
    assert read_items(CHANGELOG) == ()
    assert finding_lines(CHANGELOG) == []
