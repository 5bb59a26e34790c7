"""The classes of plan file the seventh held-out set of the corpus (tests/corpus, tables
and checkboxes numbered 90 and above) showed misread or over-reported, each in a small
document: read as a person reads it, with no finding a person would call a false alarm."""

from __future__ import annotations

import pytest
from conftest import finding_lines, read_items

from roadmaplint.model import Item
from roadmaplint.reader import parse
from roadmaplint.settings import Settings


def _items(text: str) -> tuple[Item, ...]:
    return read_items(text)


def _findings(text: str) -> list[str]:
    return finding_lines(text)


def _read(text: str) -> list[tuple[str, str, str | None, str | None, tuple[str, ...]]]:
    return [(i.id, i.title, i.status, i.priority, i.depends_on) for i in _items(text)]


PHASE_TABLES = """\
# Task Index

## Phase 0 — Stop the Bleeding

| ID | Status | Title | Blocks |
|---|---|---|---|
| T-001 | `done` | Upgrade dependencies | T-006, T-007 |
| T-002 | `done` | Enable minification | — |

## Phase 1 — Foundation

| ID | Status | Title | Blocked by |
|---|---|---|---|
| T-006 | `done` | Introduce DI | — |
| T-007 | `ready` | Decompose the view model | — |

## Phase 1 — Release readiness

| ID | Status | Title | Blocked by |
|---|---|---|---|
| T-017 | `ready` | Release pipeline | T-001 |
"""


def test_a_phase_heading_over_a_table_of_id_rows_is_their_section() -> None:
    # The rows are the items; two headings both "Phase 1" are two sections, no duplicate.
    assert [i.id for i in _items(PHASE_TABLES)] == ["T-001", "T-002", "T-006", "T-007", "T-017"]
    assert [i.section for i in _items(PHASE_TABLES)][2:] == [
        "Phase 1 — Foundation",
        "Phase 1 — Foundation",
        "Phase 1 — Release readiness",
    ]
    assert _findings(PHASE_TABLES) == []


def test_a_blocks_column_names_the_rows_that_depend_on_this_one() -> None:
    depends = {i.id: i.depends_on for i in _items(PHASE_TABLES)}
    assert depends == {
        "T-001": (),
        "T-002": (),
        "T-006": ("T-001",),
        "T-007": ("T-001",),
        "T-017": ("T-001",),
    }


MILESTONES = """\
# Compiler Roadmap

## Milestones

### M1 — Control Flow (current)
- [x] IF / ELSE / END-IF
- [x] PERFORM UNTIL

Acceptance: all unit tests pass.

### M2 — Data Model
- [ ] OCCURS (arrays)
- [ ] REDEFINES
"""


def test_a_milestone_heading_without_fields_over_boxes_is_their_section() -> None:
    assert [(i.title, i.status, i.section) for i in _items(MILESTONES)] == [
        ("IF / ELSE / END-IF", "done", "M1 — Control Flow (current)"),
        ("PERFORM UNTIL", "done", "M1 — Control Flow (current)"),
        ("OCCURS (arrays)", "[ ]", "M2 — Data Model"),
        ("REDEFINES", "[ ]", "M2 — Data Model"),
    ]
    assert _findings(MILESTONES) == []


def test_a_milestone_heading_with_a_status_of_its_own_stays_an_item() -> None:
    text = MILESTONES.replace("### M2 — Data Model\n", "### M2 — Data Model\n\nStatus: Planned\n\n")
    assert ("M2", "Planned") in [(i.id, i.status) for i in _items(text)]


PRIORITY_BANDS = """\
# TODO

### P0 - Critical

#### **Testing** - Test suite
- [ ] Set up the test framework
  - [ ] Install Vitest

### P1 - High Priority

#### **Testing** - Hook tests
- [ ] Test the player hook

### P2.5 - Security Fixes

## Completed
- [x] **Keyboard Shortcuts (2-3 hours)** ✅ - P1
- [x] **Loop Memory** ✅ - P2
"""


def test_a_priority_band_written_with_a_hyphen_names_the_boxes_under_its_topics() -> None:
    assert _read(PRIORITY_BANDS) == [
        ("set-up-the-test-framework", "Set up the test framework", "[ ]", "P0", ()),
        ("test-the-player-hook", "Test the player hook", "[ ]", "P1", ()),
        ("keyboard-shortcuts-2-3-hours", "Keyboard Shortcuts (2-3 hours)", "done", "P1", ()),
        ("loop-memory", "Loop Memory", "done", "P2", ()),
    ]
    # a band between two (P2.5), even empty, is no item heading, nor a near miss of one
    assert _findings(PRIORITY_BANDS) == []


def test_a_story_noting_its_priority_gives_it_to_its_own_boxes_only() -> None:
    text = """\
# Tasks

## Phase 3: User Story 1 - Backend API (Priority: P1)

### Tests for User Story 1
- [x] T004 [US1] Create the CRUD test
- [x] T005 [US1] Define the schemas
"""
    assert [(i.id, i.priority) for i in _items(text)] == [("T004", None), ("T005", None)]


def test_a_labelled_note_after_the_boxes_leaves_them_a_list_of_items() -> None:
    text = """\
# TODO

## Touch gestures

- [ ] Add horizontal swipe for scrubbing
- [ ] Add vertical swipe for speed
- **Rationale**: mobile matters to students.
"""
    assert [i.title for i in _items(text)] == [
        "Add horizontal swipe for scrubbing",
        "Add vertical swipe for speed",
    ]
    assert _findings(text) == []
    # a plain bullet that is no labelled note still makes it no list of boxes
    assert _items(text.replace("- **Rationale**: mobile", "- mobile")) == ()


IDEAS = """\
# Backlog

## High Priority

### Tools Integration

- [ ] **MCP Tool Wrapper Improvements**
  - Better error handling

## Medium Priority

### Prompt System

- [ ] **Focused Files**
  - **Priority:** Low - not critical for core functionality

## Ideas / Future Considerations

- [ ] Support for multiple models

## Future Ideas

- [ ] Animated tokens
"""


def test_a_priority_band_names_the_boxes_under_its_topic_headings() -> None:
    assert _read(IDEAS)[0] == (
        "mcp-tool-wrapper-improvements",
        "MCP Tool Wrapper Improvements",
        "[ ]",
        "High",
        (),
    )


def test_a_priority_field_with_a_note_after_a_dash_is_the_priority_word() -> None:
    # the box's own field speaks over the band it stands in
    assert _read(IDEAS)[1][3] == "Low"


def test_boxes_under_a_heading_of_ideas_are_ideas_not_planned_work() -> None:
    assert [(i.title, i.status) for i in _items(IDEAS)][2:] == [
        ("Support for multiple models", "idea"),
        ("Animated tokens", "idea"),
    ]
    assert _findings(IDEAS) == []
    # a heading that only mentions ideas names no status
    assert _items(IDEAS.replace("## Future Ideas", "## Ideas for the parser"))[3].status == "[ ]"


MILESTONE_TABLE = """\
# Roadmap

| Milestone | Status | Progress |
|----------|--------|---------:|
| M0 Bootstrap | 🟢 Done | 100% |
| M1 Cluster PoC (legacy) | 🟡 In Progress | 45% |
| M2 Roles/PO | ⚪ Planned | 10% |
"""


def test_a_milestone_cell_of_a_short_code_and_a_name_gives_the_id_and_the_title() -> None:
    assert _read(MILESTONE_TABLE) == [
        ("M0", "Bootstrap", "🟢 Done", None, ()),
        ("M1", "Cluster PoC (legacy)", "🟡 In Progress", None, ()),
        ("M2", "Roles/PO", "⚪ Planned", None, ()),
    ]
    assert _findings(MILESTONE_TABLE) == []
    # where one cell is a name alone, the column holds titles, none of them an ID
    mixed = MILESTONE_TABLE.replace("| M0 Bootstrap |", "| Bootstrap |")
    assert [i.title for i in _items(mixed)] == [
        "Bootstrap",
        "M1 Cluster PoC (legacy)",
        "M2 Roles/PO",
    ]


def test_a_roadmap_item_column_titles_its_rows() -> None:
    text = """\
# Roadmap prework

| Roadmap Item | Status | First Safe Slice |
| --- | --- | --- |
| Configuration file support | Pending human, prework completed | Parse the rc file |
| Interactive mode | Pending human, prework completed | A dry-run prompt |
"""
    assert [(i.title, i.status) for i in _items(text)] == [
        ("Configuration file support", "Pending human, prework completed"),
        ("Interactive mode", "Pending human, prework completed"),
    ]
    assert _findings(text) == []


BACKLOG_WITH_EXAMPLE = """\
# Product Backlog

## Feature Requests

| ID | Title | Priority | Status | Sprint |
|----|-------|----------|--------|--------|
| FR-001 | Agent configuration files | 🔴 Critical | ✅ | Sprint 1 |
| FR-009 | Font selection | 🟡 Medium | ⭕ | - |

## Status Values

- ⭕ **Not Started**: Item not yet started
- ⏳ **In Progress**: Item currently being worked on
- ✅ **Completed**: Item finished and verified

## Example Table Entry

| ID | Title | Priority | Status | Sprint |
|----|-------|----------|--------|--------|
| FR-042 | User Authentication | 🟠 High | ⏳ | Sprint 5 |

## Template Validation Checklist

- [ ] "Last Updated" date is current
- [ ] All feature requests are included
"""


def test_a_status_list_of_marks_and_bold_words_is_the_documents_legend() -> None:
    legend = parse(BACKLOG_WITH_EXAMPLE, "PLAN.md", Settings()).status_legend
    assert legend is not None
    assert [(e.value, e.description) for e in legend.entries] == [
        ("⭕", "Not Started"),
        ("⏳", "In Progress"),
        ("✅", "Completed"),
    ]


def test_an_example_or_template_section_shows_how_to_write_a_row_and_holds_no_item() -> None:
    assert [(i.id, i.status) for i in _items(BACKLOG_WITH_EXAMPLE)] == [
        ("FR-001", "✅"),
        ("FR-009", "⭕"),
    ]
    assert _findings(BACKLOG_WITH_EXAMPLE) == []
    # a topic of work on examples holds items
    topic = BACKLOG_WITH_EXAMPLE.replace("## Template Validation Checklist", "## Examples")
    assert [i.title for i in _items(topic)][2:] == [
        '"Last Updated" date is current',
        "All feature requests are included",
    ]


@pytest.mark.parametrize("heading", ["Example apps", "Example project", "Example plugins"])
def test_a_section_of_work_on_example_things_holds_its_items(heading: str) -> None:
    """ "Example" begins the heading of real work too (the example apps a project ships):
    only an example of a part of the plan (a table entry, a row, a format) is none."""
    text = (
        "# Roadmap\n\n## Core\n\n| ID | Task | Status |\n|----|------|--------|\n"
        f"| PA-1 | Tokens | DONE |\n\n## {heading}\n\n| ID | Task | Status |\n"
        "|----|------|--------|\n| EX-1 | Blog | DONE |\n| EX-2 | Shop | TODO |\n\n"
        f"## Core again\n\n- [x] Tokens\n\n## {heading} again\n\n- [ ] Todo app\n"
    )
    assert [i.title for i in _items(text)] == ["Tokens", "Blog", "Shop", "Tokens", "Todo app"]


def test_a_quarter_and_its_year_in_a_milestone_cell_is_one_name_not_an_id_and_a_title() -> None:
    """``Q1 2025`` is a date, not the code Q1 titled 2025: read so, Q1 2026 a year later
    was a second Q1 (RL102) on a plan with no defect."""
    text = """\
# Roadmap

| Milestone | Status | Notes |
|-----------|--------|-------|
| Q1 2025 | Done | Beta |
| Q2 2025 | In progress | GA |
| Q1 2026 | Planned | v2 |
"""
    assert [(i.title, i.status) for i in _items(text)] == [
        ("Q1 2025", "Done"),
        ("Q2 2025", "In progress"),
        ("Q1 2026", "Planned"),
    ]
    assert _findings(text) == []


def test_a_capital_word_ending_a_sentence_in_a_cell_is_no_status() -> None:
    """A description that ends in a word in capitals (``Remove every TODO``, ``Say when a
    build is BLOCKED``) is prose about the work, not the row's status: no status, no RL502
    for a blocked item naming nothing, and no Status asked of the rows beside them."""
    text = """\
# Debt

| ID | Priority | Sprint | Description |
|----|----------|--------|-------------|
| DEBT-01 | HIGH | 511 | Remove every TODO |
| DEBT-02 | LOW | 512 | Drop the code marked DEPRECATED |
| DEBT-04 | HIGH | 514 | Say when a build is BLOCKED |
| DEBT-05 | HIGH | 515 DONE | Three competing stream models |
"""
    assert [i.status for i in _items(text)] == [None, None, None, "DONE"]
    assert _findings(text) == []


def test_a_status_in_capitals_ending_a_cell_is_the_rows_status_without_a_status_column() -> None:
    text = """\
# Debt

| ID | Priority | Sprint | Description |
|----|----------|--------|-------------|
| DEBT-01 | HIGH | 511 | Triplicated ranking logic |
| DEBT-05 | HIGH | 515 DONE | Three competing stream models |
"""
    assert [(i.id, i.status, i.priority) for i in _items(text)] == [
        ("DEBT-01", None, "HIGH"),
        ("DEBT-05", "DONE", "HIGH"),
    ]
    # a word in capitals that is no status (a code, an acronym) says nothing
    assert _items(text.replace("515 DONE", "515 API"))[1].status is None


def test_bullets_opening_a_bold_title_with_a_bracketed_id_are_items_without_a_status() -> None:
    text = """\
# Project Roadmap

## Short-Term Goals (v1.3.0 - v1.4.0)

- **[DL-001] Connection Pooling**: Reuse TCP connections for sequential commands.
- **[DL-002] Granular CLI Subcommands**: One command per control.
"""
    assert _read(text) == [
        ("DL-001", "Connection Pooling", None, None, ()),
        ("DL-002", "Granular CLI Subcommands", None, None, ()),
    ]
    assert _findings(text) == []
    # plain bullets beginning with IDs of one series read so too, whichever way the ID is
    # written (ROADMAP CORE-102; tests/test_reading_leftovers_seven.py)
    plain = text.replace("**[DL-001] Connection Pooling**", "DL-001 Connection Pooling")
    plain = plain.replace("**[DL-002] Granular CLI Subcommands**", "DL-002 Granular")
    assert [item.id for item in _items(plain)] == ["DL-001", "DL-002"]


def test_an_example_named_in_brackets_shows_rows_and_holds_no_item() -> None:
    """``## Example (SYNTRA)``: a filled-in example of the plan's table, named after the
    project it came from (a template's TASKS.md of the eighth corpus set); the rows
    above it are the plan's."""
    text = (
        "# Tasks\n\n## Task queue\n\n| ID | Status | Title |\n|----|--------|-------|\n"
        "| T-01 | `backlog` | Real work |\n\n## Example (ACME)\n\n"
        "| ID | Status | Title |\n|----|--------|-------|\n| T-01 | `done` | Shown work |\n"
    )
    assert [(i.id, i.title) for i in _items(text)] == [("T-01", "Real work")]
