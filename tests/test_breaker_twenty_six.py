"""Break pass 26 (ROADMAP SAFE-67): documents people write that the readings merged with
silent10, breakfix and corpus32 misread, each fixed by its class; beside each, the
nearest document that still reads as before."""

from __future__ import annotations

from conftest import finding_lines, read_items

# A spec whose requirements are headings by a padded ID (``## R-001: Export``) and whose
# risks are bullets that lead with a bold code of the same letters written another way
# (``- **R-1** the vendor may be late``): the risks are no more of the plan's work.
RISKS = """\
# Reporting spec

## R-001: Export to CSV
**Status:** done

## R-002: Scheduled reports
**Status:** todo

## Risks
- **R-1** the vendor's API may change before launch.
- **R-2** the finance team may want PDF instead.
"""


def test_bold_codes_written_another_way_than_the_plans_ids_are_no_items() -> None:
    read = [(i.id, i.status) for i in read_items(RISKS)]
    assert read == [("R-001", "done"), ("R-002", "todo")]
    assert finding_lines(RISKS) == []


# The same spec carrying its later work on as bullets whose IDs are written as its
# headings' are (``- **R-014**``): more of its work, as before.
LATER = (
    RISKS.replace("## Risks", "## Later")
    .replace("**R-1**", "**R-014**")
    .replace("**R-2**", "**R-015**")
)


def test_bold_ids_written_as_the_plans_are_still_its_work() -> None:
    read = [(i.id, i.status) for i in read_items(LATER)]
    assert read == [("R-001", "done"), ("R-002", "todo"), ("R-014", None), ("R-015", None)]
    assert finding_lines(LATER) == []


# A plan numbered without padding (``## T-8``, ``## T-9``) whose later bullets number on
# past ten (``- **T-10**``): an ID of the plan's way, as its headings pad none.
UNPADDED = """\
# Tasks

## T-8: Login
**Status:** done

## T-9: Search
**Status:** todo

## Later
- **T-10** dark mode.
- **T-11** export.
"""


def test_bold_ids_numbering_on_past_unpadded_headings_are_its_work() -> None:
    assert [i.id for i in read_items(UNPADDED)] == ["T-8", "T-9", "T-10", "T-11"]
    assert finding_lines(UNPADDED) == []


# A tracker's one done heading over features each written as a record of fields, the
# first the day it was completed (``- **Completed**: 2026-02-03``), the open work boxes:
# the features are its done work, their fields no items of their own.
FIELDED = """\
# Features

## Status

### ✅ Completed

#### 1.1 Map Editor
- **Completed**: 2026-02-03
- **Description**: Tiles placed with the mouse
- **Notes**: Undo kept for ten steps

### 📋 Planned

1. [ ] 1.2: Save maps to disk
2. [ ] 1.3: Share a map by link
"""


def test_a_done_features_fields_under_a_trackers_done_heading_are_no_items() -> None:
    titles = [i.title for i in read_items(FIELDED, "docs/FEATURES.md")]
    assert titles == ["Save maps to disk", "Share a map by link"]
    assert finding_lines(FIELDED, "docs/FEATURES.md") == []


# The same tracker listing its done features as bold titles, each with the day it
# shipped: those are still its done work.
TITLED = FIELDED.replace(
    "#### 1.1 Map Editor\n- **Completed**: 2026-02-03\n- **Description**: Tiles placed "
    "with the mouse\n- **Notes**: Undo kept for ten steps\n",
    "#### Editing\n- **Map Editor**: 2026-02-03, tiles placed with the mouse\n"
    "- **Undo**: 2026-02-05, ten steps\n",
)


def test_a_trackers_done_bold_titles_with_their_days_are_still_done_work() -> None:
    read = [(i.title, i.status) for i in read_items(TITLED, "docs/FEATURES.md")]
    assert read[:2] == [("Map Editor", "completed"), ("Undo", "completed")]
    assert len(read) == 4
    assert finding_lines(TITLED, "docs/FEATURES.md") == []


# A plan whose dependencies heading holds a drawing of the requests between its parts,
# arrows both ways between two items (``AU-2 ──> AU-1 : returns token``): a flow, no
# order of the work, so no dependency and no cycle.
FLOW = """\
# Login flow

## [AU-1] Login page
Status: Done

## [AU-2] Token service
Status: Todo

## Dependencies

```
AU-1 (page) ──> AU-2 (token service)
AU-2 ──> AU-1 : returns token
```
"""


def test_arrows_drawn_both_ways_between_two_items_order_nothing() -> None:
    assert [(i.id, i.depends_on) for i in read_items(FLOW)] == [("AU-1", ()), ("AU-2", ())]
    assert finding_lines(FLOW) == []


# The same plan drawing its order one way only: AU-2 waits on AU-1, as before.
ORDER = FLOW.replace("AU-2 ──> AU-1 : returns token\n", "")


def test_arrows_drawn_one_way_still_order_the_work() -> None:
    read = [(i.id, i.depends_on) for i in read_items(ORDER)]
    assert read == [("AU-1", ()), ("AU-2", ("AU-1",))]
    assert finding_lines(ORDER) == []
