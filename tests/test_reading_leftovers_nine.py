"""The classes of plan file the twenty-first to twenty-third held-out rounds left unread
(ROADMAP CORE-128, CORE-130, CORE-132, CORE-134, CORE-137; tests/corpus/README.md), each
in a small document read as a person reads it, with no finding; and beside each new
reading a document that is no plan, which reads no items and no finding."""

from __future__ import annotations

import pytest
from conftest import finding_lines, read_items

from roadmaplint.edit.base import FieldChange
from roadmaplint.edit.item import set_fields
from roadmaplint.errors import RoadmapError
from roadmaplint.reader import parse
from roadmaplint.settings import Settings

# todo.txt's done lines in a markdown file, the open work as bullets among them
DONE_LINES = """\
# Backlog

x ART: Player sprite
x CODE: Player movement
  - keyboard and gamepad
x CODE: Enemy waves
* SOUND: Background music
  - matches the enemy speed
---
* CODE: High scores
"""


def test_done_lines_are_done_and_bullets_among_them_open() -> None:
    read = [(i.title, i.status, i.end_line) for i in read_items(DONE_LINES, "backlog.md")]
    assert read == [
        ("ART: Player sprite", "done", 3),
        ("CODE: Player movement", "done", 5),
        ("CODE: Enemy waves", "done", 6),
        ("SOUND: Background music", "todo", 8),
        ("CODE: High scores", "todo", 10),
    ]
    assert finding_lines(DONE_LINES, "backlog.md") == []


def test_set_status_rewrites_a_done_lines_mark_both_ways() -> None:
    roadmap = parse(DONE_LINES, "backlog.md", Settings())
    music, movement = roadmap.items[3].id, roadmap.items[1].id
    done = set_fields(roadmap, music, [FieldChange("Status", "done")], Settings())
    assert done == DONE_LINES.replace("* SOUND", "x SOUND")
    reopened = set_fields(roadmap, movement, [FieldChange("Status", "todo")], Settings())
    assert reopened == DONE_LINES.replace("x CODE: Player movement", "* CODE: Player movement")
    after = parse(reopened, "backlog.md", Settings()).items
    assert [i.status for i in after] == ["done", "todo", "done", "todo", "todo"]


def test_a_done_line_takes_no_other_field() -> None:
    roadmap = parse(DONE_LINES, "backlog.md", Settings())
    with pytest.raises(RoadmapError, match="only its status can be set"):
        set_fields(roadmap, roadmap.items[0].id, [FieldChange("Priority", "P1")], Settings())


def test_a_readme_with_lines_that_open_with_an_x_reads_no_items() -> None:
    readme = """\
# Coordinates

x is the column, y the row:

x grows to the right
x starts at zero
x wraps at the edge

- see the drawing below
Use the arrow keys to move.
"""
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []


# a list whose bullet marks are its statuses, by its legend
MARK_LEGEND = """\
legend:
- pending
* doing
+ done
? decision needed

now:
- (ana) sign-up page
* (bo) offline mode
  * cache the lists
  - sync on reconnect
? (bo) shared lists
later:
+ dark theme
- attachments
"""


def test_a_legend_of_bullet_marks_gives_each_line_its_status_and_owner() -> None:
    read = [(i.title, i.status, i.dri) for i in read_items(MARK_LEGEND, "plan.md")]
    assert read == [
        ("sign-up page", "pending", "ana"),
        ("offline mode", "doing", "bo"),
        ("shared lists", "decision needed", "bo"),
        ("dark theme", "done", None),
        ("attachments", "pending", None),
    ]
    assert finding_lines(MARK_LEGEND, "plan.md") == []


def test_set_status_rewrites_the_legends_mark() -> None:
    roadmap = parse(MARK_LEGEND, "plan.md", Settings())
    edited = set_fields(roadmap, roadmap.items[0].id, [FieldChange("Status", "done")], Settings())
    assert edited == MARK_LEGEND.replace("- (ana) sign-up page", "+ (ana) sign-up page")
    with pytest.raises(RoadmapError, match="no mark says 'blocked'"):
        set_fields(roadmap, roadmap.items[0].id, [FieldChange("Status", "blocked")], Settings())


def test_a_style_guide_with_a_legend_of_marks_over_prose_reads_no_items() -> None:
    guide = """\
# Diff notation

legend:
- removed line
+ added line
* changed line
? unsure

In a review, write the mark first and the line after it:

- old text
+ new text
"""
    assert read_items(guide, "docs/notation.md") == ()
    assert finding_lines(guide, "docs/notation.md") == []


# a backlog of notes: headings with no ID over prose, the closed ones struck through
STRUCK_NOTES = """\
# Tooling Backlog

## Cache the lint results

Linting the whole tree takes a minute; cache by file hash.

## ~~Colour output~~

~~Plain output is hard to scan.~~ **Done** — colours behind a flag.

## Windows paths

~~Backslashes break the file filter.~~
**Partially done** — fixed in the filter, not yet in the reports.

## ~~Config discovery~~

~~Nested configs are ignored.~~ **Addressed** — the nearest one wins.
"""


def test_struck_notes_under_a_backlog_title_are_its_entries_with_their_status() -> None:
    read = [(i.title, i.status) for i in read_items(STRUCK_NOTES, "docs/backlog.md")]
    assert read == [
        ("Cache the lint results", None),
        ("Colour output", "Done"),
        ("Windows paths", "Partially done"),
        ("Config discovery", "Addressed"),
    ]
    assert finding_lines(STRUCK_NOTES, "docs/backlog.md") == []


def test_a_struck_entrys_status_is_not_written_over_by_set() -> None:
    roadmap = parse(STRUCK_NOTES, "docs/backlog.md", Settings())
    with pytest.raises(RoadmapError, match="nothing written"):
        set_fields(roadmap, roadmap.items[1].id, [FieldChange("Status", "todo")], Settings())


def test_a_changelog_that_strikes_what_it_fixed_reads_no_items() -> None:
    changelog = """\
# Changelog

## 1.2.0

~~Plain output is hard to scan.~~ **Fixed** — colours behind a flag.

## 1.1.0

~~Nested configs are ignored.~~ **Done** — the nearest one wins.

## 1.0.0

First release.
"""
    assert read_items(changelog, "CHANGELOG.md") == ()
    assert finding_lines(changelog, "CHANGELOG.md") == []


# a plan's table of work with IDs and statuses, then its planned stages with no field
STAGED = """\
# Backlog

## A. Found during the first release

| # | Status | Priority | Task |
|---|---|---|---|
| B0 | done | high | Reorder drag offset |
| B1 | open | high | Foreground merge service |

## B. Planned next stages

| Stage | Task | Notes |
|---|---|---|
| 2nd | Editing screen entry | tasks-2 T1 |
| 3rd | Trimming | |
| later | Landscape capture | needs rotation |
"""


def test_a_table_of_planned_stages_beside_a_plans_table_reads_its_rows() -> None:
    read = [(i.title, i.status) for i in read_items(STAGED, "docs/backlog.md")]
    assert read == [
        ("Reorder drag offset", "done"),
        ("Foreground merge service", "open"),
        ("Editing screen entry", None),
        ("Trimming", None),
        ("Landscape capture", None),
    ]
    assert finding_lines(STAGED, "docs/backlog.md") == []


def test_a_guides_table_of_stages_alone_reads_no_items() -> None:
    guide = STAGED[STAGED.index("## B.") :].replace("## B. Planned next stages", "# Onboarding")
    assert read_items(guide, "docs/onboarding.md") == ()


@pytest.mark.parametrize(
    "table",
    [
        "| Term | Task | Description |\n|---|---|---|\n| Lint | Check | Runs the rules |\n"
        "| Fix | Regenerate | Rewrites the sections |\n",
        "| Area | Owner | E-mail |\n|---|---|---|\n| Billing | Ana | ana@example.com |\n"
        "| Search | Bo | bo@example.com |\n",
    ],
)
def test_a_glossary_or_a_contact_list_reads_no_items_and_no_near_miss(table: str) -> None:
    text = "# Reference\n\n" + table
    assert read_items(text, "docs/reference.md") == ()
    assert finding_lines(text, "docs/reference.md") == []


# a sprint's targets, closed at once by its retrospective
CLOSED_AT_ONCE = """\
# Sprint 1

## Targets

| ID | Target (summary) | Depends on |
| --- | --- | --- |
| PIN-001 | Scaffold the app | — |
| PIN-002 | Database schema | PIN-001 |
| PIN-003 | REST API | PIN-002 |

## Retrospective

- **PINs**: PIN-001 through PIN-003 (all **released**)

### Actions

- [ ] **Sprint-2 planning** — pull the next outcomes
"""


def test_a_status_said_once_for_a_range_is_every_targets() -> None:
    read = [(i.id, i.status) for i in read_items(CLOSED_AT_ONCE, "sprint-1.md")]
    assert read == [
        ("PIN-001", "released"),
        ("PIN-002", "released"),
        ("PIN-003", "released"),
        ("sprint-2-planning", "[ ]"),
    ]
    assert finding_lines(CLOSED_AT_ONCE, "sprint-1.md") == []


def test_a_range_whose_items_say_their_own_status_keeps_them() -> None:
    text = """\
# Sprint 1

| ID | Target | Status |
| --- | --- | --- |
| PIN-001 | Scaffold the app | done |
| PIN-002 | Database schema | blocked |
| PIN-003 | REST API | |

Retrospective: PIN-001 through PIN-003 (all released)
"""
    read = [(i.id, i.status) for i in read_items(text, "sprint-1.md")]
    assert read == [("PIN-001", "done"), ("PIN-002", "blocked"), ("PIN-003", "released")]


def test_release_notes_closing_a_range_of_issues_read_no_items() -> None:
    notes = """\
# Release notes 2.1

The crashes reported as BUG-10 through BUG-14 (all fixed) are gone.

Thanks to everyone who reported them.
"""
    assert read_items(notes, "RELEASE.md") == ()
    assert finding_lines(notes, "RELEASE.md") == []


def test_struck_notes_under_a_todo_title_are_its_entries_too() -> None:
    todo = STRUCK_NOTES.replace("# Tooling Backlog", "# TODO")
    read = [(i.title, i.status) for i in read_items(todo, "TODO.md")]
    assert read[1:] == [
        ("Colour output", "Done"),
        ("Windows paths", "Partially done"),
        ("Config discovery", "Addressed"),
    ]


def test_an_ideas_page_of_prose_headings_with_nothing_struck_reads_no_items() -> None:
    ideas = """\
# Ideas

## Plugins

Let users add rules of their own.

## A web board

Show the plan as columns in the browser.

## Offline mode

Keep a copy of the lists for trains and planes.
"""
    assert read_items(ideas, "docs/ideas.md") == ()
    assert finding_lines(ideas, "docs/ideas.md") == []
