"""The class the twentieth leftovers pass (ROADMAP CORE-229) reads: the one file the
forty-second held-out set left read silently wrong (CORE-220), a status table of parts whose
Status cells are free notes, in a small document read as a person reads it, and beside it
documents that are no plan, which read no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.settings import status_meaning

# A status table of a compiler's parts, each cell a free note: the stage it has reached, a
# part done and another not begun, what it needs next, more still to add.
PARTS_STATUS = """\
# Status

Item              | Status
:---------------- | :--------------------------
Lexer             | Complete
Parser            | Early stage
Type checker      | Generics complete, traits not started
Code generator    | ARM64 mostly complete (on a branch)
Optimizer         | Needs an SSA form
Standard library  | Add more collections
Debugger          | Not started
"""


def test_a_status_tables_free_notes_read_by_the_state_their_words_name() -> None:
    items = {item.title: status_meaning(item.status) for item in read_items(PARTS_STATUS)}
    assert items == {
        "Lexer": "done",
        "Parser": "in_progress",
        "Type checker": "in_progress",
        "Code generator": "in_progress",
        "Optimizer": "in_progress",
        "Standard library": "in_progress",
        "Debugger": "ready",
    }


def test_the_notes_that_name_no_begun_work_keep_their_meaning() -> None:
    assert status_meaning("Idea stage") == "idea"
    assert status_meaning("Planning stage") == "ready"
    assert status_meaning("Option parsing not started") == "ready"
    assert status_meaning("Needs triage") == "idea"
    assert status_meaning("No more work") is None
    assert status_meaning("Needs to be done") == "done"  # as before: its last word says it


# A feature comparison table whose cells are prose about each tool, no status of work.
FEATURE_COMPARISON = """\
# Comparison

| Capability    | Ours                    | Theirs                  |
| ------------- | ----------------------- | ----------------------- |
| Plugins       | Early stage             | Mostly complete         |
| Config        | Needs a YAML file       | Add more flags          |
| Speed         | Fast, memory not shared | Slow                    |
"""

# A README's support matrix with prose cells under a Status-like column.
SUPPORT_MATRIX = """\
# mytool

A small tool for reading logs.

## Platform support

| Platform | Support                        |
| -------- | ------------------------------ |
| Linux    | Tested on every release        |
| macOS    | Needs Xcode command line tools |
| Windows  | Experimental stage             |
"""


def test_a_feature_comparison_with_prose_cells_is_no_plan() -> None:
    assert read_items(FEATURE_COMPARISON) == ()
    assert finding_lines(FEATURE_COMPARISON, "README.md") == []


def test_a_support_matrix_with_prose_cells_is_no_plan() -> None:
    assert read_items(SUPPORT_MATRIX) == ()
    assert finding_lines(SUPPORT_MATRIX, "README.md") == []
