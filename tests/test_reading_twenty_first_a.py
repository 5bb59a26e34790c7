"""The classes of plan file the twenty-first held-out set A of the corpus (tests/corpus: a
mixed sample of every family, measured before any change, numbered 34-35 in headings/,
19 and 26 in tables/, 05 in phases/, 137-138 in checkboxes/, and the 780Farva-resu-me
task folder) showed read wrong, each in a small document: read as a person reads it,
with no finding that is no defect; and beside each new reading a document that is no
plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

KANBAN = """\
# Kanban Board

## Done

| ID | Task | Completed |
|----|------|-----------|
| T-001 | Set up the repository | 2025-12-02 |
| T-002 | Write the parser | 2025-12-02 |

## Doing

| ID | Task | Started | Owner |
|----|------|---------|-------|
| T-005 | Intent detection | 2025-12-04 | — |

## Backlog

### Phase 1: Foundation — COMPLETE

All Phase 1 tasks completed.

### Phase 2: Polish — COMPLETE

| ID | Task | Dependencies | Status |
|----|------|--------------|--------|
| T-002 | Write the parser | T-001 | ✓ Done |
| T-003 | Add a --version flag | T-001 | ✓ Done |

## Backlog (Next Up)

### Intent detection (T-005)

| Sub-task | Description | Status |
|----------|-------------|--------|
| T-005a | Classify the intent | Pending |
| T-005b | Save before switching | Pending |

## Icebox (Future Considerations)

### Core Enhancements

| ID | Task | Notes |
|----|------|-------|
| F-001 | Multi-file validation | Needs analysis |

### Domain Gates

| ID | Domain | Validation Types |
|----|--------|------------------|
| F-010 | Game Development | Frame timing |

## Progress Summary

**Phase 1: Foundation** — COMPLETE
- [x] Repository set up (T-001)
- [x] Parser written (T-002)
"""


def test_a_kanban_board_of_tables_reads_every_column() -> None:
    # the phase headings that say COMPLETE are sections of their tables (they were read as
    # items, their tables missed), a group heading under a column heading takes the
    # column's status (``## Icebox`` over ``### Core Enhancements``), a ``Sub-task`` column
    # names its rows, the column after the IDs titles rows when none is named for it, and
    # the progress summary's boxes restate the rows: no items
    read = [(i.id, i.title, i.status, i.depends_on) for i in read_items(KANBAN, "kanban.md")]
    assert read == [
        ("T-001", "Set up the repository", "done", ()),
        ("T-002", "Write the parser", "done", ("T-001",)),
        ("T-005", "Intent detection", "doing", ()),
        ("T-003", "Add a --version flag", "✓ Done", ("T-001",)),
        ("T-005a", "Classify the intent", "Pending", ()),
        ("T-005b", "Save before switching", "Pending", ()),
        ("F-001", "Multi-file validation", "idea", ()),
        ("F-010", "Game Development", "idea", ()),
    ]
    assert finding_lines(KANBAN, "kanban.md") == []


def test_a_phase_heading_that_says_complete_over_prose_alone_stays_an_item() -> None:
    # without phases of tables beside it, a closed phase over a sentence is the item
    plan = "# Plan\n\n## Phase 1: Foundation — COMPLETE\n\nAll tasks completed.\n"
    assert [(i.id, i.status) for i in read_items(plan, "ROADMAP.md")] == [("Phase 1", "COMPLETE")]


def test_a_readme_with_an_icebox_of_ideas_and_no_board_reads_nothing() -> None:
    # one status heading is no board: a group under ``## Icebox`` is no column of one
    readme = """\
# Tool

## Icebox

### Ideas we like

| Name | Notes |
|------|-------|
| Themes | Dark and light |

## Usage

Run `tool` in a folder.
"""
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []


SPRINT = """\
# Sprint 1

## Targets (reference)

| ID | Target (summary) | Depends on |
| --- | --- | --- |
| PIN-001 | Scaffold the app at the repo root | — |
| PIN-002 | DB schema and migrations | PIN-001 |

## Retrospective

### Actions

- [ ] **Sprint-2 planning** — Set the active sprint when ready.
"""


def test_a_sprint_table_titled_by_its_target_column_and_a_bold_lead_action() -> None:
    # beside the ID column, the first column that is no field titles the rows (they read
    # with no title), and ``**Sprint-2 planning**`` is a name in bold (it read as the ID
    # ``Sprint-2`` titled ``planning**``)
    read = [(i.id, i.title, i.depends_on) for i in read_items(SPRINT, "sprint-1.md")]
    assert read == [
        ("PIN-001", "Scaffold the app at the repo root", ()),
        ("PIN-002", "DB schema and migrations", ("PIN-001",)),
        ("sprint-2-planning", "Sprint-2 planning", ()),
    ]
    assert finding_lines(SPRINT, "sprint-1.md") == []


def test_a_box_whose_bold_lead_opens_with_its_id_keeps_the_id() -> None:
    plan = "# Plan\n\n## Tasks\n\n- [ ] **T-001 Set up the repo** — notes\n"
    assert [(i.id, i.title) for i in read_items(plan, "TODO.md")] == [("T-001", "Set up the repo")]


def test_a_glossary_table_with_ids_and_no_field_column_reads_nothing() -> None:
    # the first column after the IDs titles rows only in a table of work (a field column):
    # a glossary keyed by ID stays no items (its RL109, a near miss named, is as before)
    glossary = """\
# Error codes

| ID | Meaning | Since |
|----|---------|-------|
| E-001 | File not found | 1.0 |
| E-002 | Bad header | 1.2 |
"""
    assert read_items(glossary, "README.md") == ()
    assert finding_lines(glossary, "README.md") == ["1:RL109"]


def test_a_report_with_a_progress_summary_and_no_table_of_work_keeps_its_boxes() -> None:
    # the summary's boxes are restated rows only beside rows with IDs
    plan = "# Plan\n\n## Progress Summary\n\n- [x] Set up the repo\n- [ ] Write the docs\n"
    assert [(i.title, i.status) for i in read_items(plan, "TODO.md")] == [
        ("Set up the repo", "done"),
        ("Write the docs", "[ ]"),
    ]
