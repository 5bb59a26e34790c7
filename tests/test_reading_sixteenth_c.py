"""The classes of plan file the sixteenth held-out set C of the corpus (tests/corpus: a
mixed sample measured before any change, numbered 55-56 in phases/, 66 in tables/, 74-75
in headings/, 110-112 in checkboxes/, and the anki-translate-popup folder) showed read
wrong, each in a small document: read as a person reads it, with no finding; and beside
each new reading a document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

SHARED = """\
# Launch task list

Owner: **you** = needs your account or a spend decision. **Claude** = code and docs.

## Done

- [x] You: create the account and fund the wallet

## This week

- [ ] **you** Buy the domain; claim the handle
- [ ] **you** Sep 8: register the team; follow @hackathon
- [ ] Claude: deploy to the host; confirm the public URL
- [ ] **you** + Claude: invite ten teams to try it
- [ ] Write the pitch deck
"""


def test_boxes_led_by_the_owner_an_owner_line_names() -> None:
    # the name leading a box is its owner, as the ``Owner:`` line says; a due day after it
    # is when, and a mention in the box's words (``follow @hackathon``) is what it is about
    read = [(i.title, i.status, i.dri) for i in read_items(SHARED, "TASKS.md")]
    assert read == [
        ("create the account and fund the wallet", "done", "You"),
        ("Buy the domain; claim the handle", "[ ]", "you"),
        ("register the team; follow @hackathon", "[ ]", "you"),
        ("deploy to the host; confirm the public URL", "[ ]", "Claude"),
        ("invite ten teams to try it", "[ ]", "you + Claude"),
        ("Write the pitch deck", "[ ]", None),
    ]
    assert finding_lines(SHARED, "TASKS.md") == []


def test_a_box_led_by_a_name_no_owner_line_gives_keeps_it() -> None:
    # without an ``Owner:`` line a leading label is the title's (``Docs: ...``), as before
    plain = "# TODO\n\n- [ ] Docs: write the install page\n- [ ] **Bug** fix the login\n"
    read = [(i.title, i.dri) for i in read_items(plain, "TODO.md")]
    assert read == [("Docs: write the install page", None), ("Bug fix the login", None)]


def test_meeting_notes_with_an_owner_line_read_no_items() -> None:
    notes = """\
# Weekly sync, 8 September

Owner: **Ana** = facilitator, **Ben** = notes.

- **Ana** opened with the release date.
- Ben: the demo went well; follow @design for the mockups.
"""
    assert read_items(notes, "notes.md") == ()
    assert finding_lines(notes, "notes.md") == []


EPICS = """\
# Price Tracker — Implementation Epics

## What the scaffold already provides

- A database package with migrations.

## Epic 1 — Foundation ✅ (done 2026-07-27)

- Create the core package.

## Epic 2 — Extraction engine ✅ (done 2026-07-27)

Depends on Epic 1.

## Epic 3 — Worker pipeline

Depends on Epics 1 + 2.

- Boot the job queue.
"""


def test_epics_numbered_by_a_word_with_their_status_and_dependency_notes() -> None:
    # an epic whose heading ends with its status is an item as one that writes a field
    # is; ``Depends on Epics 1 + 2.`` names both
    read = [(i.id, i.title, i.status, i.depends_on) for i in read_items(EPICS, "EPICS.md")]
    assert read == [
        ("Epic 1", "Foundation", "done 2026-07-27", ()),
        ("Epic 2", "Extraction engine", "done 2026-07-27", ("Epic 1",)),
        ("Epic 3", "Worker pipeline", None, ("Epic 1", "Epic 2")),
    ]
    assert finding_lines(EPICS, "EPICS.md") == []


def test_a_readme_naming_epics_in_its_features_reads_no_items() -> None:
    # a note ``Depends on Epics 1 + 2`` in a feature list names no item of a plan
    readme = """\
# Epic Store plugin

## Features

- Depends on Epics 1 + 2 of the store API.
- Shows your library ✅ (done in one call)

## Install

Run the installer.
"""
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []


BACKLOG = """\
# Reminder bot — backlog

## Open backlog

### Delivery History Command

Purpose:
Let a user inspect recent deliveries.

### Notes

The bot runs on one worker.

## v0.3.0

### DIREM-031 - Check-ins Design

Purpose:
Design check-ins before building them.

### DIREM-032 - Check-in Data Foundation

Purpose:
Store the answers.
"""


def test_tickets_not_yet_numbered_beside_numbered_ones() -> None:
    # a heading without an ID whose body opens as the tickets' bodies do (``Purpose:``)
    # is a ticket too, named by its heading; ``### Notes`` over prose is no ticket
    read = [(i.id, i.title) for i in read_items(BACKLOG, "BACKLOG.md")]
    assert read == [
        ("delivery-history-command", "Delivery History Command"),
        ("DIREM-031", "Check-ins Design"),
        ("DIREM-032", "Check-in Data Foundation"),
    ]
    assert finding_lines(BACKLOG, "BACKLOG.md") == []


def test_a_module_guide_of_purpose_sections_reads_no_items() -> None:
    guide = """\
# Architecture

### Parser

Purpose:
Reads the file into blocks.

### Writer

Purpose:
Writes the blocks back.
"""
    assert read_items(guide, "ARCHITECTURE.md") == ()
    assert finding_lines(guide, "ARCHITECTURE.md") == []


PARKED = """\
# Reminder bot — backlog

## v0.3.0

### DIREM-031 - Check-ins Design

Purpose:
Design check-ins before building them.

### DIREM-032 - Check-in Data Foundation

Purpose:
Store the answers.

## Parked / Later

- Webhook mode.
- Public SaaS mode.

## Backlog Guard

- Every item needs a dedicated ticket.
"""


def test_parked_bullets_beside_heading_tickets() -> None:
    # bullets right under a heading that parks work are parked ideas of the plan; the
    # bullets of ``## Backlog Guard`` are its rules, no work
    read = [(i.title, i.status) for i in read_items(PARKED, "BACKLOG.md")]
    assert read == [
        ("Check-ins Design", None),
        ("Check-in Data Foundation", None),
        ("Webhook mode", "parked"),
        ("Public SaaS mode", "parked"),
    ]
    assert finding_lines(PARKED, "BACKLOG.md") == []


def test_meeting_notes_with_a_parked_list_read_no_items() -> None:
    notes = """\
# Weekly sync

## Decisions

- Ship on Friday.

## Parked

- The logo colour.
- Whether to rename the bot.
"""
    assert read_items(notes, "notes.md") == ()
    assert finding_lines(notes, "notes.md") == []


SLIM_QUEUE = """\
# Work Queue

Slim index only — see `WORK_ITEM_TASKS/` for full task detail.

* task-wi-26-svg-fieldline-arrows | WORK_ITEM_TASKS/task-wi-26-svg-fieldline-arrows.md | status: TODO
* task-wi-30-mesh-vs-surface | WORK_ITEM_TASKS/task-wi-30-mesh-vs-surface.md | status: BLOCKED: needs the human to say which
* task-wi-31-jacobi-potential | WORK_ITEM_TASKS/task-wi-31-jacobi-potential.md | status: ASSIGNED
  - claimed by planet-plot-f2
"""


def test_a_slim_queue_of_bar_joined_bullets() -> None:
    # the slug names the task (its number the ID), the status cell its state, and the
    # agent a ``claimed by`` note names holds it
    read = [(i.id, i.title, i.status, i.dri) for i in read_items(SLIM_QUEUE, "WORK_QUEUE.md")]
    assert read == [
        ("task-wi-26", "svg-fieldline-arrows", "TODO", None),
        ("task-wi-30", "mesh-vs-surface", "BLOCKED: needs the human to say which", None),
        ("task-wi-31", "jacobi-potential", "ASSIGNED", "planet-plot-f2"),
    ]
    assert finding_lines(SLIM_QUEUE, "WORK_QUEUE.md") == []


def test_an_api_doc_of_bar_joined_endpoints_reads_no_items() -> None:
    api = """\
# API

* GET /users | lists the users | status: stable
* POST /users | adds a user | status: beta
"""
    assert read_items(api, "API.md") == ()
    assert finding_lines(api, "API.md") == []


PHASES = """\
# Roadmap

## Phases

- [x] **Phase 1: Timeline** - done
- [x] **Phase 2: Private comments** - superseded, kept as a history checkpoint
- [x] **Phase 3: Feed comments** - Remove all dropped comment kinds
- [ ] **Phase 4: App Store readiness** - active

## Phase Details

### Phase 1: Timeline
**Goal**: Browse the moments.

### Phase 2: Private comments
**Goal**: Comment on a moment.
**Depends on**: Phase 1

### Phase 3: Feed comments
**Goal**: Comment in the feed.
**Depends on**: Phase 2

### Phase 4: App Store readiness
**Goal**: Ship it.
**Depends on**: Phase 3
"""


def test_a_phase_box_whose_note_says_more_than_the_box() -> None:
    # a ticked phase whose note says it was superseded was given up, an open one whose
    # note says active is under way; a note that describes the phase adds nothing
    read = [(i.id, i.status) for i in read_items(PHASES, "ROADMAP.md")]
    assert read == [
        ("Phase 1", "done"),
        ("Phase 2", "superseded"),
        ("Phase 3", "done"),
        ("Phase 4", "active"),
    ]
    assert finding_lines(PHASES, "ROADMAP.md") == []


def test_a_game_guide_of_bold_phase_bullets_reads_no_items() -> None:
    guide = """\
# How a round goes

- **Phase 1: Draw** - active player draws two cards
- **Phase 2: Trade** - superseded by the market rules in v2
"""
    assert read_items(guide, "RULES.md") == ()
    assert finding_lines(guide, "RULES.md") == []
