"""The classes of plan file the fifteenth held-out set of the corpus (tests/corpus: a mixed
sample measured before any change, numbered 36-37 in phases/, 73 in headings/, 37 in
tables/, 68-69 in checkboxes/) showed read silently wrong, each in a small document: read
as a person reads it, with no finding; and beside each new reading a document that is no
plan, which reads no items."""

from __future__ import annotations

from conftest import finding_lines, read_items

QUEUE = """\
# Orbit Work Queue

## queued
- Wire the building segments into the live zones.
- Draw the corridor wedges on the map.

## in_progress
- none

## done
- 2026-04-20: Added scan shadow sectors behind the unstable corridors.
- 2026-04-19: Re-anchored the zone coordinates around the campus spine.

## blocked
- Need better zone placement before adding more map features.

## later ideas
- GPS-aware walk mode.
- Satellite imagery integration.
"""


def test_an_agent_queue_of_plain_bullets_under_its_status_columns() -> None:
    # ``queued`` waits its turn (ready), ``later ideas`` are ideas, ``- none`` says the
    # column is empty, and a done bullet's leading day is the log's, not the title's
    read = [(i.title, i.status) for i in read_items(QUEUE, "WORK_QUEUE.md")]
    assert read == [
        ("Wire the building segments into the live zones.", "queued"),
        ("Draw the corridor wedges on the map.", "queued"),
        ("Added scan shadow sectors behind the unstable corridors.", "done"),
        ("Re-anchored the zone coordinates around the campus spine.", "done"),
        ("Need better zone placement before adding more map features.", "blocked"),
        ("GPS-aware walk mode.", "idea"),
        ("Satellite imagery integration.", "idea"),
    ]
    assert finding_lines(QUEUE, "WORK_QUEUE.md") == []


def test_a_changelog_of_dated_bullets_reads_no_items() -> None:
    changelog = """\
# Changelog

## 1.2.0

- 2026-04-20: Fixed the parser on empty files.
- 2026-04-18: Added the --quiet flag.

## Known issues

- none
"""
    assert read_items(changelog, "CHANGELOG.md") == ()
    assert finding_lines(changelog, "CHANGELOG.md") == []


REGISTRY = """\
# Task Ownership Manifest

## Active Task Registry

| Task ID | Task Name | Owner | Status | Week |
|---------|-----------|-------|--------|------|
| W1-TS-01 | TypeScript Migration | Bezalel | ⏳ In Progress | 1 |
| W1-INF-01 | Health Endpoint | Bezalel | 🆕 Ready | 1 |

## Agent Assignment History

| Date | Agent | Task | Outcome |
|------|-------|------|---------|
| 2025-07-03 | Napoleon | Campaign Assessment | Task matrix documented |
| 2025-07-03 | Archivist | Memory Consolidation | Ownership manifest created |
"""


def test_a_log_table_beside_a_registry_of_ids_is_no_items() -> None:
    # a table with neither an ID nor a status column, beside a table whose rows are items
    # with IDs, logs what was done: its rows are no more items
    assert [(i.id, i.title, i.dri) for i in read_items(REGISTRY, "TASKS.md")] == [
        ("W1-TS-01", "TypeScript Migration", "Bezalel"),
        ("W1-INF-01", "Health Endpoint", "Bezalel"),
    ]
    # without the registry, a table of tasks and owners is still a plan's table
    alone = REGISTRY[REGISTRY.index("## Agent Assignment History") :]
    assert [i.title for i in read_items("# Tasks\n\n" + alone, "TASKS.md")] == [
        "Campaign Assessment",
        "Memory Consolidation",
    ]
