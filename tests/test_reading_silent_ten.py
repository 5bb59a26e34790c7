"""The classes of plan file the stricter measure of ``test_no_file_is_read_silently_wrong``
still found read wrong while ``check`` said all was well after its ninth pass (ROADMAP
CORE-148, CORE-169; tests/corpus/README.md, "Silently wrong, after the tenth pass"), each
in a small document: read as a person reads it; and beside each new reading a document
that is no plan but looks close, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

# A plan's numbered list of work, carried on under a later horizon in a table that
# numbers on and names the work but writes no status (``| # | Task | Notes |``): the
# horizon's rows are items with no status, as the ones above them are items with one.
HORIZONS = """\
# Priorities

## This week

| # | Task | Status |
|---|------|--------|
| 1 | Import the staff list | Pending |
| 2 | Check the login page | Pending |

## This month

| # | Task | Notes |
|---|------|-------|
| 3 | Dark mode | nice to have |
| 4 | Better search | fuzzy |
"""


def test_a_numbered_table_of_work_under_a_later_horizon_holds_items() -> None:
    read = [(i.id, i.title, i.status) for i in read_items(HORIZONS)]
    assert read == [
        ("1", "Import the staff list", "Pending"),
        ("2", "Check the login page", "Pending"),
        ("3", "Dark mode", None),
        ("4", "Better search", None),
    ]
    assert finding_lines(HORIZONS) == []


# A numbered table of chores under a page's table that names no plan's work (what was
# done in each room, no status column), and a numbered table of steps under a plan's
# table that names its rows otherwise (``| # | Step | Notes |``): no items.
MOVING = """\
# Moving house

What we did on the day, kept for next time.

| Room | Task | Notes |
|------|------|-------|
| Kitchen | Pack the plates | bubble wrap |
| Hall | Label the boxes | |

## Next time

| # | Task | Notes |
|---|------|-------|
| 3 | Hang the pictures | nails |
"""

STEPS_BESIDE = """\
# Tasks

| # | Task | Status |
|---|------|--------|
| 1 | Set up CI | Done |

## How to release

| # | Step | Notes |
|---|------|-------|
| 1 | Tag the commit | signed |
| 2 | Push the tag | |
"""


def test_a_numbered_table_of_titles_alone_is_no_plan() -> None:
    assert read_items(MOVING) == ()
    # only what ``check`` said before this reading: no items, the numbered table a near
    # miss (RL109 on a document of no items names it, as it did)
    assert finding_lines(MOVING) == ["1:RL109"]
    assert [i.id for i in read_items(STEPS_BESIDE)] == ["1"]
    assert finding_lines(STEPS_BESIDE) == []


# A task list in bands of status: under ``## Completed Tasks ✅`` numbered headings marked
# done, one with a Status line of free text that says how the finished work runs; under
# ``## Pending Tasks`` headings not yet numbered, with no field. The mark says done over
# the free text, and the pending band's headings are its tasks, not started.
BANDS = """\
# Home Server - Task Summary

## Completed Tasks ✅

### 1. Nightly Backup ✅
**Status:** Running at 2am daily

Script: `backup.sh`

### 2. Log Rotation ✅
Logs kept for a week.

## Pending Tasks 📋

### Install the media server
Pick one of the two candidates.

### Evaluate a second disk
The current one is enough for now.
"""


def test_a_done_mark_beats_free_text_and_a_pending_band_holds_its_headings() -> None:
    read = [(i.id, i.title, i.status) for i in read_items(BANDS)]
    assert read == [
        ("1", "Nightly Backup", "✅"),
        ("2", "Log Rotation", "✅"),
        ("install-the-media-server", "Install the media server", "Pending Tasks 📋"),
        ("evaluate-a-second-disk", "Evaluate a second disk", "Pending Tasks 📋"),
    ]
    assert finding_lines(BANDS) == []


def test_a_done_mark_gives_way_to_a_status_the_field_says() -> None:
    text = BANDS.replace("**Status:** Running at 2am daily", "**Status:** Blocked")
    assert read_items(text)[0].status == "Blocked"


# A guide with a band named for pending tasks over its chapters, no band of items beside
# it; and a page of services, one marked with a Status line of free text (one heading
# with a status line is a section that says how it stands): no items, no finding.
GUIDE = """\
# Admin Guide

## Pending Tasks

How to deal with what is waiting in the queue.

### Install the media server
Run the installer.

### Evaluate a second disk
Check the free space first.
"""

STATUS_PAGE = """\
# Services

## Mail ✅
**Status:** Running at 2am daily

## Web
Serves the pages.
"""


def test_a_pending_band_alone_and_a_status_page_are_no_plan() -> None:
    assert read_items(GUIDE) == ()
    assert finding_lines(GUIDE) == []
    assert read_items(STATUS_PAGE) == ()
    assert finding_lines(STATUS_PAGE) == []


# A backlog of entries by ID, the finished ones saying so in their heading and the open
# ones saying nothing but their work list: a label of background first (``**背景**：``,
# written with a fullwidth colon), then boxes none of which is ticked. A person reads
# those as not started, as a numbered task over its open boxes is.
BACKLOG = """\
# Plans

## B1. Event log — Done

- [x] Append-only table

## B2. Run isolation backend

**Background**: the runner shares the host today.

- [ ] Backend interface
- [ ] Container image

## B3. 権限モデル

**背景**：承認ルーティングが必要。

- [x] 主体モデル
- [ ] ACL
"""


def test_an_entry_with_no_status_takes_its_work_lists_state() -> None:
    read = [(i.id, i.status) for i in read_items(BACKLOG)]
    assert read == [("B1", "Done"), ("B2", "pending"), ("B3", "in progress")]
    assert finding_lines(BACKLOG) == []


# A reference whose sections carry codes and open with a label of background over a
# list that is no work (plain bullets, no boxes); and a plan's phase, whose boxes under a
# label are a sprint's checklist while the plan's checklist of phases says how far it
# is: the one reads no items, the other the checklist's state.
REFERENCE = """\
# Error codes

## E1. Timeout

**Background**: the server took too long.

- retry with a longer limit
- check the network

## E2. Refused

**Background**: nothing listens on the port.

- start the server
"""

PHASES = """\
# Roadmap

- [x] **Phase 1: Core** — the loop
- [ ] **Phase 2: Web** — the dashboard

## Phase Details

### Phase 1: Core
**Goal**: the loop

**Ship Phase 1 checklist:**
- [ ] Write the loop
- [ ] Test it

### Phase 2: Web
**Goal**: the dashboard
**Depends on**: Phase 1
"""


def test_a_reference_reads_nothing_and_a_phase_keeps_its_checklists_state() -> None:
    assert read_items(REFERENCE) == ()
    assert finding_lines(REFERENCE) == []
    assert [(i.id, i.status) for i in read_items(PHASES)][:1] == [("Phase 1", "done")]


# An index of epics: the active ones in a table with a Status column, the finished ones
# in a table whose ``Completed`` column gives the day each was finished, no Status
# column; the dependencies drawn with arrows in a code fence under a heading that names
# them, across a line (``──>``) and down (``│`` then ``↓``).
EPICS_INDEX = """\
# Epics

## Active

| ID | Title | Status |
|----|-------|--------|
| EP-5 | History | Planned |
| EP-6 | Charts | Planned |
| EP-7 | Admin | Planned |

## Completed

| ID | Title | Completed | Points |
|----|-------|-----------|--------|
| EP-2 | Overview | 2025-12-26 | 13 |
| EP-1 | Auth | 2025-12-25 | 21 |

## Dependencies Graph

```
EP-1 (Auth) ──> EP-2 (Overview) ──> EP-7 (Admin)
                                        │
                                        ↓
                                    EP-6 (Charts)

EP-5 (History)
```
"""


def test_a_completed_day_column_says_done_and_a_drawn_graph_says_the_order() -> None:
    read = [(i.id, i.status, i.depends_on) for i in read_items(EPICS_INDEX)]
    assert read == [
        ("EP-5", "Planned", ()),
        ("EP-6", "Planned", ("EP-7",)),
        ("EP-7", "Planned", ("EP-2",)),
        ("EP-2", "completed", ("EP-1",)),
        ("EP-1", "completed", ()),
    ]
    assert finding_lines(EPICS_INDEX) == []


# A table of people with the day each joined (``| ID | Name | Completed |`` holding words,
# not days, is no such column either), and a drawing of a pipeline's stages with arrows
# under a heading that names no dependencies: no items, and nothing said but what was
# said before (RL109's near miss names the table of IDs with no field column).
TEAM = """\
# Course

| ID | Name | Completed |
|----|------|-----------|
| S1 | Ana | yes |
| S2 | Bo | no |

## Pipeline

```
LINT-1 ──> TEST-2 ──> SHIP-3
```
"""


def test_a_table_of_people_and_a_drawn_pipeline_are_no_plan() -> None:
    assert read_items(TEAM) == ()
    assert finding_lines(TEAM) == ["1:RL109"]


# An entry that says in a sentence of its background what must stand first, by the ID
# of another entry: ``Prerequisite: B1``, ``前提：B1 のユーザ登録簿`` (in Japanese, a
# fullwidth colon, the ID followed by what of it).
PREREQUISITES = """\
# Plans

## B1. User registry — Done

- [x] Table of users

## B2. Permission model

**Background**: the core of the design. Prerequisite: B1 (done).

- [ ] Roles

## B3. 承認ルーティング

**背景**：前提：B1 のユーザ登録簿（実装済み）。

- [ ] ルーティング
"""


def test_a_prerequisite_named_in_an_entrys_background_is_its_dependency() -> None:
    read = [(i.id, i.depends_on) for i in read_items(PREREQUISITES)]
    assert read == [("B1", ()), ("B2", ("B1",)), ("B3", ("B1",))]
    assert finding_lines(PREREQUISITES) == []


# A course page whose prerequisites are other courses, no items of a plan: no items.
COURSE = """\
# Compilers

## Overview

Prerequisite: CS101 and CS102.

## Schedule

Lectures on Mondays.
"""


def test_a_courses_prerequisites_are_no_plan() -> None:
    assert read_items(COURSE) == ()
    assert finding_lines(COURSE) == []


# A roadmap of numbered features in phases: statuses written as free text that name a
# part there and a part still to come (under way), a far phase whose features say no
# status (ideas, not committed), and a Dependencies section that orders two features by
# the start of their names.
PHASED = """\
# Roadmap

## Phase 2: Core

### 2.2 Auto-Save

**Status:** Not started.

### 2.3 Version History UI

**Status:** Backend done (snapshots exist), no UI

### 2.4 Prompt Quality

**Status:** Prompts functional, not yet refined

## Phase 6: Future Vision

### 6.1 Cloud Sync

- Optional sync of documents

## Dependencies & Risk Notes

- **Auto-save** is a prerequisite for version history to be meaningful
"""


def test_free_text_partials_a_future_phase_and_an_order_by_name() -> None:
    from roadmaplint.settings import status_meaning

    read = [(i.id, status_meaning(i.status), i.depends_on) for i in read_items(PHASED)]
    assert read == [
        ("2.2", "ready", ()),
        ("2.3", "in_progress", ("2.2",)),
        ("2.4", "in_progress", ()),
        ("6.1", "idea", ()),
    ]
    assert finding_lines(PHASED) == []
    # done and free of trouble stays done
    assert status_meaning("Done, no issues") == "done"


# A guide with a far-future chapter and a Dependencies section of packages (no features
# of a plan, no status): no items, no finding.
GUIDE_FUTURE = """\
# Developer Guide

## Future Vision

We may support plugins one day.

## Dependencies

- **Node 20** is a prerequisite for the build to work
"""


def test_a_guides_future_chapter_and_its_dependencies_are_no_plan() -> None:
    assert read_items(GUIDE_FUTURE) == ()
    assert finding_lines(GUIDE_FUTURE) == []


# A plan of heading items by ID (``## F-001: Title``) whose later phase lists more work
# short, as bullets that lead with an ID of the same letters in bold: each an item, with
# no status, as none is written.
LATER_PHASE = """\
# Tasks

## F-001: Role config
> **Priority:** P1 | **Status:** pending

## F-002: Profile
> **Priority:** P0 | **Status:** done

## Future (Phase 7)
- **F-013** parallel fan-out beyond two lanes.
- **F-014** per-task checkpoint / resume.
"""


def test_bold_ids_in_a_later_phases_bullets_are_items() -> None:
    read = [(i.id, i.status) for i in read_items(LATER_PHASE)]
    assert read == [("F-001", "pending"), ("F-002", "done"), ("F-013", None), ("F-014", None)]
    assert finding_lines(LATER_PHASE) == []


# The same plan with a sequencing note whose bullets name its own items again in bold,
# and one with a glossary of bold terms that are no IDs of its letters: no more items.
SEQUENCING = LATER_PHASE.replace(
    "- **F-013** parallel fan-out beyond two lanes.\n- **F-014** per-task checkpoint / resume.\n",
    "- **F-001** (role config) + **F-002** (profile) can run in parallel\n",
).replace("## Future (Phase 7)", "## Sequencing")
GLOSSARY = LATER_PHASE.replace(
    "- **F-013** parallel fan-out beyond two lanes.\n- **F-014** per-task checkpoint / resume.\n",
    "- **RFC-7231** the HTTP semantics we follow.\n- **ISO-8601** how dates are written.\n",
).replace("## Future (Phase 7)", "## References")


def test_bold_ids_that_name_the_items_again_or_other_things_are_no_items() -> None:
    assert [i.id for i in read_items(SEQUENCING)] == ["F-001", "F-002"]
    assert finding_lines(SEQUENCING) == []
    assert [i.id for i in read_items(GLOSSARY)] == ["F-001", "F-002"]
    assert finding_lines(GLOSSARY) == []
