"""The thirty-seventh held-out set's classes (CORE-193), each a small document of its kind
written fresh, and beside it one that is no plan but looks close and reads nothing: a
generated roadmap's milestones (``### ✅ Part one (COMPLETED)`` over dated field bullets),
a TODO titled ``# To Do`` over topic headings, a TODO's sections of ideas (``## Add-on
Library Ideas``, ``## Musings and dreams``), and milestones numbered by their part
(``## Milestone 1-2``)."""

from __future__ import annotations

from conftest import finding_lines, read_items

GENERATED_MILESTONES = """\
# Roadmaps

## Progress

- Total milestones: 2
- Done: 1

## Milestones

### ✅ First delivery (COMPLETED)
- **Início**: 2026-01-05
- **Conclusão**: 2026-02-01
- **Descrição**: Parser and tests finished

### 📋 Final delivery (PLANNED)
- **Início**: 2026-02-10
- **Conclusão Prevista**: 2026-03-01
- **Descrição**: Every language supported
"""


def test_milestones_with_their_status_in_capitals_in_brackets_are_items() -> None:
    # the dated labels under each heading (when it starts, when it ends) are its fields,
    # not work of their own; the heading says the status in capitals in brackets
    read = [(i.title, i.status, i.position.line) for i in read_items(GENERATED_MILESTONES)]
    assert read == [
        ("✅ First delivery", "COMPLETED", 10),
        ("📋 Final delivery", "PLANNED", 15),
    ]
    assert finding_lines(GENERATED_MILESTONES) == []


TRIP_NOTES = """\
# Trip notes

## Lisbon

- **Início**: 2026-01-05
- **Conclusão**: 2026-01-09
- **Hotel**: by the river

## Porto (BOOKED)

- **Início**: 2026-01-10
- **Conclusão**: 2026-01-12
"""


def test_dated_field_bullets_under_headings_of_no_plan_read_nothing() -> None:
    # one heading in capitals in brackets is a note on a trip, no series of milestones
    assert read_items(TRIP_NOTES) == ()


TO_DO = """\
# To Do

## Next time

- Arrays
  - Use the tests to find problems

## Big

- Rewrite the string module
- Bring the list headers up to par

## Add-on Library Ideas

- a JSON add-on
- a regex add-on

## Musings and dreams

- a faster hash table
"""


def test_a_todo_titled_to_do_reads_its_topic_bullets_and_its_ideas() -> None:
    read = [(i.title, i.status) for i in read_items(TO_DO, "TODO.md")]
    assert read == [
        ("Arrays", None),
        ("Rewrite the string module", None),
        ("Bring the list headers up to par", None),
        ("a JSON add-on", "idea"),
        ("a regex add-on", "idea"),
        ("a faster hash table", "idea"),
    ]
    assert finding_lines(TO_DO, "TODO.md") == []


THINGS_TO_DO = """\
# Things to do in Lisbon

## Key Ideas

- walk early
- take the tram

## Food

- custard tarts
- grilled sardines
"""


def test_a_travel_page_of_things_to_do_reads_nothing() -> None:
    # ``To Do`` names a plan only as the whole title; its ``Key Ideas`` are no plan's
    assert read_items(THINGS_TO_DO, "lisbon.md") == ()


PARTED_MILESTONES = """\
# Roadmap

## Milestone 1-1
- Build a prototype engine
- Add a simple audio system

## Milestone 1-2
- Make a small demo game

## Milestone 2-1
- Add a scripting system
"""


def test_milestones_numbered_by_their_parts_are_groups_of_their_bullets() -> None:
    # ``Milestone 1-2`` is the second part of the first milestone, one number: no title
    # ``2`` after a dash, and no ID shared with ``Milestone 1-1``
    read = [(i.title, i.position.line) for i in read_items(PARTED_MILESTONES)]
    assert read == [
        ("Build a prototype engine", 4),
        ("Add a simple audio system", 5),
        ("Make a small demo game", 8),
        ("Add a scripting system", 11),
    ]
    assert finding_lines(PARTED_MILESTONES) == []


RACE_REPORT = """\
# Race report

## Milestone 1-2

We passed the first two kilometre marks in good time.

## Milestone 3-4

The hill came after the third.
"""


def test_a_race_report_with_milestone_headings_reads_nothing() -> None:
    assert read_items(RACE_REPORT, "race.md") == ()


SHARES_DONE = """\
# Map Tool Roadmap

## Version 0.2
- GPX loading [**50%**]
- units of measurement [**100%**]
- track rendering

## Version 0.3
- route planning [0%]
- waypoints
"""


def test_a_bracketed_share_after_a_bullet_says_how_much_of_it_is_done() -> None:
    read = [(i.title, i.status) for i in read_items(SHARES_DONE, "ROADMAP.md")]
    assert read == [
        ("GPX loading", "50%"),
        ("units of measurement", "100%"),
        ("track rendering", None),
        ("route planning", "0%"),
        ("waypoints", None),
    ]
    assert finding_lines(SHARES_DONE, "ROADMAP.md") == []


BENCHMARK_NOTES = """\
# Benchmark notes

## Results

- accuracy on the test set [**95%**]
- recall on the hard cases [80%]
"""


def test_bracketed_shares_in_notes_of_no_plan_read_nothing() -> None:
    assert read_items(BENCHMARK_NOTES, "notes.md") == ()
