"""The classes of plan file the twenty-eighth held-out set of the corpus (tests/corpus: a
mixed sample of every family, numbered 57-58 in tables/, 79 and 96 in headings/, 161-162 in
checkboxes/ and 57 in phases/) showed read wrong, each in a small document: read as a
person reads it, with no finding that is no defect; and beside each new reading a
document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

SPRINT_BOARD = """\
# Sprint 2: Progress Tracking

## Story Progress

| Story ID | Story Title | Assignee | Status | Points |
| -------- | ----------- | -------- | ------ | ------ |
| 2.1 | Sprint Header Component | dev1_front | ✅ Done | 3 |
| 2.2 | Status Indicator Component | dev1_front | 🟢 Ready | 3 |
| 2.3 | Dashboard Layout | dev_backend | 🔴 Blocked | 8 |

## Risk Register

| Risk ID | Description | Owner | Status |
| ------- | ----------- | ----- | ------ |
| R1 | Views return wrong data | dev_backend | 🟢 Monitored |
"""


def test_a_story_id_column_names_the_rows_and_the_story_title_column_titles_them() -> None:
    # ``Story ID`` and ``Story Title`` name the unit of work before ``ID`` and ``Title``, as
    # ``Task ID`` does: the rows read titled ``2.1`` once (fbellame's sprint board); a
    # risk's ID names no work, so the risk register stays no list of items
    read = [(i.id, i.title, i.status, i.dri) for i in read_items(SPRINT_BOARD)]
    assert read == [
        ("2.1", "Sprint Header Component", "✅ Done", "dev1_front"),
        ("2.2", "Status Indicator Component", "🟢 Ready", "dev1_front"),
        ("2.3", "Dashboard Layout", "🔴 Blocked", "dev_backend"),
    ]


FEATURE_REGISTRY = """\
# Feature Registry

## In Progress Features

| Feature ID | Name | Branch | Status | Owner |
|------------|------|--------|--------|-------|
| FEAT-001 | User Authentication | feature/auth | IN_PROGRESS | Team |
| FEAT-002 | Property Search | feature/search | IN_PROGRESS | Team |

## Feature Readiness Checklist

Before a feature can be marked "Ready for Release", it must meet ALL criteria:

### Development Complete
- [ ] All planned functionality implemented
- [ ] Code reviewed and approved

### Testing Complete
- [ ] Deployed to staging successfully
"""


def test_a_feature_id_table_is_read_and_its_readiness_checklist_is_no_work() -> None:
    # the registry's features were unread and the release criteria grouped under
    # ``## Feature Readiness Checklist`` read as open work (SirsiMaster's registry)
    read = [(i.id, i.title, i.status, i.dri) for i in read_items(FEATURE_REGISTRY)]
    assert read == [
        ("FEAT-001", "User Authentication", "IN_PROGRESS", "Team"),
        ("FEAT-002", "Property Search", "IN_PROGRESS", "Team"),
    ]
    assert finding_lines(FEATURE_REGISTRY) == []


def test_a_readme_table_of_feature_names_and_a_release_checklist_is_no_plan() -> None:
    readme = """\
# Widgets

| Feature Name | Description |
|--------------|-------------|
| Themes | Light and dark colours |
| Export | Save a chart as a picture |

## Release Checklist

### Before tagging
- [ ] The changelog names the version
- [ ] The tests pass on every platform
"""
    assert read_items(readme) == ()


KANBAN_TODO = """\
# TODO
## UP NEXT
* [ ] SEARCH
* [ ] DELETE - undo

# ARCHIVE
### Just done
* [x] BUG: right click move to broken | Jul 17 2025
* [x] md5 sum check before writing | Jun 24 2025
* [x] select, multi select, move to section
"""


def test_a_done_box_s_date_after_a_bar_is_no_part_of_its_title() -> None:
    # ``| Jul 17 2025``: the day the box was done, as a kanban tool's file appends it
    # (etherops's TODO: thirteen titles kept it, each read missing and extra)
    read = [(i.title, i.status) for i in read_items(KANBAN_TODO)]
    assert read == [
        ("SEARCH", "todo"),
        ("DELETE - undo", "todo"),
        ("BUG: right click move to broken", "done"),
        ("md5 sum check before writing", "done"),
        ("select, multi select, move to section", "done"),
    ]
    assert finding_lines(KANBAN_TODO) == []


def test_a_table_of_prices_by_date_after_a_bar_is_no_plan() -> None:
    notes = """\
# Notes

Prices seen this summer, for the record:

* Coffee at the station | Jul 17 2025
* Train ticket to the coast | Jun 24 2025
"""
    assert read_items(notes) == ()
    assert finding_lines(notes) == []


AGENT_QUEUE = """\
# Work Queue

## Recently Completed

- ✅ DSPy Testing Pattern Documentation (2025-11-21 15:10 UTC) - Created a guide on test metadata
- ✅ Fix PR #862 Build Failure (2025-11-21 07:10 UTC) - Added the page to the toctree
- ✅ MCP Process Isolation Investigation (2025-11-20 19:15 UTC) - Found it upstream
"""


def test_a_finished_entry_s_timestamp_and_note_are_no_part_of_its_title() -> None:
    # ``(2025-11-21 15:10 UTC) - Created ...``: when the work was finished and what it
    # did (an agent's queue, TimeToBuildBob's alice: nine titles kept both)
    read = [(i.title, i.status) for i in read_items(AGENT_QUEUE)]
    assert read == [
        ("DSPy Testing Pattern Documentation", "✅"),
        ("Fix PR #862 Build Failure", "✅"),
        ("MCP Process Isolation Investigation", "✅"),
    ]
    assert finding_lines(AGENT_QUEUE) == []


def test_a_session_log_of_timestamps_and_notes_is_no_plan() -> None:
    log = """\
# Session log

Session 20251121-1501 (2025-11-21 15:10 UTC) - monitored the CI run.

Session 20251121-1200 (2025-11-21 12:00 UTC) - read the failing logs.
"""
    assert read_items(log) == ()
    assert finding_lines(log) == []
