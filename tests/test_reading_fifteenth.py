"""The classes of plan file the fifteenth held-out set of the corpus (tests/corpus: a mixed
sample measured before any change, numbered 36-37 in phases/, 73 in headings/, 37 in
tables/, 68-69 in checkboxes/) showed read silently wrong, each in a small document: read
as a person reads it, with no finding; and beside each new reading a document that is no
plan, which reads no items."""

from __future__ import annotations

from pathlib import Path

from conftest import finding_lines, read_items

from roadmaplint.cli import main

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


BOX_LEGEND = """\
# TASK_BOARD

## Status Legend

- `[ ]` not started
- `[-]` in progress
- `[x]` done

## Active Priorities

- [ ] Wire the provider
- [-] Close Phase 17 after the full validation run
- [x] Ship the runtime
"""


def test_a_status_legend_of_boxes_gives_each_box_its_value() -> None:
    # the legend's values are the boxes themselves: ``[-]`` is read as written, a value
    # of the legend, not as the word its label says (RL201 called ``in_progress`` no value)
    assert [(i.title, i.status) for i in read_items(BOX_LEGEND, "TASK_BOARD.md")] == [
        ("Wire the provider", "[ ]"),
        ("Close Phase 17 after the full validation run", "[-]"),
        ("Ship the runtime", "[x]"),
    ]
    assert finding_lines(BOX_LEGEND, "TASK_BOARD.md") == []
    # a box the legend does not list is still outside it
    other = BOX_LEGEND + "- [~] Review the docs\n"
    assert finding_lines(other, "TASK_BOARD.md") == ["14:RL201"]


def test_set_writes_a_box_of_the_legend_s_values(tmp_path: Path) -> None:
    path = tmp_path / "TASK_BOARD.md"
    path.write_text(BOX_LEGEND, encoding="utf-8")
    assert main(["set", str(path), "wire-the-provider", "--status", "[-]"]) == 0
    assert path.read_text(encoding="utf-8") == BOX_LEGEND.replace(
        "- [ ] Wire the provider", "- [-] Wire the provider"
    )
