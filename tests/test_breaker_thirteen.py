"""The thirteenth break pass: documents written the way people write them, read through
this session's new readings (a log table beside a registry of IDs, a ``- none`` bullet
under a status heading), each read as a person reads it."""

from __future__ import annotations

from conftest import finding_lines, read_items

TWO_TABLES = """\
# Roadmap

## Milestone 1

| ID | Task | Status |
|----|------|--------|
| M1-1 | Parser | Done |
| M1-2 | Checker | Done |

## Milestone 2

| Task | Owner | Due |
|------|-------|-----|
| Web UI | Ana | 2026-05-01 |
| Plugin API | Bo | 2026-06-01 |
"""


def test_a_second_table_of_tasks_without_ids_is_still_items() -> None:
    # a table with neither an ID nor a status column is a log only when it is written by
    # day (its first column the date something happened); a milestone's tasks with owners
    # and due dates were silently lost beside a table with IDs
    assert [(i.title, i.dri) for i in read_items(TWO_TABLES, "ROADMAP.md")] == [
        ("Parser", None),
        ("Checker", None),
        ("Web UI", "Ana"),
        ("Plugin API", "Bo"),
    ]
    assert finding_lines(TWO_TABLES, "ROADMAP.md") == []


NONE_YET = """\
# TODO

## In progress

- None yet

## Done

- Set up CI
"""


def test_none_yet_under_a_status_heading_is_no_item() -> None:
    # ``- None yet``, ``- Nothing yet``: the column holds nothing, as ``- none`` does
    assert [i.title for i in read_items(NONE_YET, "TODO.md")] == ["Set up CI"]
    nothing = NONE_YET.replace("- None yet", "- _Nothing so far._")
    assert [i.title for i in read_items(nothing, "TODO.md")] == ["Set up CI"]
    # a task whose title only begins with the word stays a task
    named = NONE_YET.replace("- None yet", "- None-safe config loading")
    assert [i.title for i in read_items(named, "TODO.md")] == [
        "None-safe config loading",
        "Set up CI",
    ]


def _waiting(status: str) -> str:
    return (
        "# Plan\n\n## T-1: Schema\nStatus: Doing\n\n"
        f"## T-2: API\nStatus: {status}\nDepends on: T-1\n"
    )


def test_ready_behind_a_mark_over_work_under_way_is_still_told() -> None:
    # ``🟢 Ready``, ``[Ready]``, ``Available`` say the task is free to start, as ``Ready``
    # does: over a dependency under way that is a contradiction, whatever marks the word
    for status in ("Ready", "🟢 Ready", "🆕 Ready", "[Ready]", "**✅ READY**", "Available"):
        assert finding_lines(_waiting(status), "PLAN.md") == ["8:RL306"], status
    # only saying the work has not started claims nothing about the dependency
    for status in ("Todo", "🔵 Todo", "Open", "Not started", "Queued"):
        assert finding_lines(_waiting(status), "PLAN.md") == [], status
