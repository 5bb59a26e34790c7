"""The classes of plan file the thirteenth held-out set B of the corpus (tests/corpus:
planning phases and spec task lists, numbered 09-13 in phases/ and 24-27 in checkboxes/)
showed misread, each in a small document: read as a person reads it, with no finding a
person would call a false alarm."""

from __future__ import annotations

from conftest import finding_lines, read_items


def _read(text: str) -> list[tuple[str, str, str | None, tuple[str, ...]]]:
    return [(i.id, i.title, i.status, i.depends_on) for i in read_items(text)]


def test_numbered_task_headings_over_unnumbered_step_boxes_are_the_tasks() -> None:
    text = """\
# Tasks: Agentic Architecture

## Stage 1: Core Boundary

### 1.1 Orchestrator Host
- [x] Define the gateway contract
- [x] Implement the orchestrator

### 1.2 Runtime State
- [x] Define ExecutionState
- [ ] Define StepState

## Stage 2: Guardrails

### 2.1 Model Guardrails
- [ ] Add the runtime constraints

#### Rewrite Guardrails
- [x] Never forge resource IDs

### 2.2 Migration Docs
- [ ] Update the API docs
"""
    assert _read(text) == [
        ("1.1", "Orchestrator Host", "done", ()),
        ("1.2", "Runtime State", "in progress", ()),
        # the boxes under its subheading are the task's steps too
        ("2.1", "Model Guardrails", "in progress", ()),
        ("2.2", "Migration Docs", "pending", ()),
    ]
    assert finding_lines(text) == []


def test_numbered_boxes_under_numbered_headings_stay_the_items() -> None:
    # OpenSpec and Kiro number the boxes themselves: those are the tasks
    text = """\
# Tasks

### 1.1 Setup
- [x] 1.1.1 Create the repository
- [ ] 1.1.2 Add CI

### 1.2 Build
- [ ] 1.2.1 Write the parser

### 1.3 Ship
- [ ] 1.3.1 Tag the release
"""
    assert [item_id for item_id, _, _, _ in _read(text)] == ["1.1.1", "1.1.2", "1.2.1", "1.3.1"]


def test_a_design_document_with_two_numbered_checklists_reads_them_as_boxes() -> None:
    # one or two numbered sections with a checklist are a document's sections, as before
    text = """\
# Design: Export

## 2.1 Requirements
- [ ] Export to CSV
- [ ] Export to JSON

## 2.2 Open questions
- [ ] Which encoding?
"""
    assert [item_id for item_id, _, _, _ in _read(text)] == [
        "export-to-csv",
        "export-to-json",
        "which-encoding",
    ]


def test_a_numbered_manual_without_boxes_reads_no_items() -> None:
    # a document's numbered chapters with no boxes under them are no plan
    text = """\
# User Guide

### 1.1 Installation
Run the installer and follow the steps.

### 1.2 Configuration
- Set the `HOME` variable
- Restart the shell

### 1.3 First run
Open the app.
"""
    assert _read(text) == []


_REFLOWED = """\
# Roadmap

## Phases

- [x] **Phase 1: Foundation** - Stack validated
- [x] **Phase 2: Library** - Browsable list
- [ ] ~~**Phase 3: Graph DSL**~~ - ABANDONED - too complex
- [ ] **Phase 4: Offline** - PWA

## Phase Details

### Phase 1: Foundation

**Goal**: Validated tech stack with auth and Cloudflare
deployment working in CI **Depends on**: Nothing (first phase) **Requirements**:
INFRA-01, INFRA-02 **Success Criteria** (what must be TRUE):

1. User can sign in

### Phase 2: Library

**Goal**: Users can browse all spirits
**Depends on**: Phase 1 **Requirements**: SPRT-01, SPRT-02,
DATA-01 **Success Criteria** (what must be TRUE):

1. User sees a list

### Phase 3: Graph DSL (ABANDONED)

~~**Goal**: Redesign the track DSL~~

**Status**: ABANDONED - replaced by phase 4.

### Phase 4: Offline

**Goal**: App works offline with cached data and an update
flow **Depends on**: Phase 2 **Requirements**: PWA-01, PWA-02
"""


def test_bold_fields_a_formatter_ran_together_are_fields_each() -> None:
    # each bold name inside another field's value starts a field of its own: requirement
    # IDs are no dependencies, and a Depends on after the goal's last words is read
    assert [(item_id, depends) for item_id, _, _, depends in _read(_REFLOWED)] == [
        ("Phase 1", ()),
        ("Phase 2", ("Phase 1",)),
        ("Phase 3", ()),
        ("Phase 4", ("Phase 2",)),
    ]
    phase = read_items(_REFLOWED)[0]
    requirements = next(f for f in phase.fields if f.name == "Requirements")
    assert (requirements.position.line, requirements.position.column) == (15, 64)
    assert requirements.value == "INFRA-01, INFRA-02"
    assert finding_lines(_REFLOWED) == []


def test_an_abandoned_phase_is_closed() -> None:
    phase = read_items(_REFLOWED)[2]
    assert (phase.id, phase.title, phase.status) == ("Phase 3", "Graph DSL", "ABANDONED")
    from roadmaplint.settings import common_meaning

    assert common_meaning(phase.status) == "closed"


def test_bold_names_in_a_readme_paragraph_make_no_plan() -> None:
    text = """\
# fastcsv

**Install**: `pip install fastcsv` **Usage**: `fastcsv input.csv`
**License**: MIT
"""
    assert read_items(text) == ()


def test_a_progress_row_with_a_cell_left_out_gives_its_status() -> None:
    text = """\
# Roadmap

- [x] **Phase 1: Core** - Base
- [ ] **Phase 2: Positions** - Line items

### Phase 2: Positions
**Goal**: Line items
**Depends on**: Phase 1

## Progress

| Phase | Milestone | Plans Complete | Status | Completed |
|-------|-----------|----------------|--------|-----------|
| 1. Core | v1 | 3/3 | Complete | 2026-02-01 |
| 2. Positions | 2/3 | In Progress|  | - |
"""
    assert [(item_id, status) for item_id, _, status, _ in _read(text)] == [
        ("Phase 1", "done"),
        ("Phase 2", "In Progress"),
    ]


_SPEC_TASKS = """\
# Tasks: Propose a Movement

## Phase 1: Setup

- [X] T001 Generate the migration
- [X] T002 [P] Document the schema
- [ ] T003 Rebuild the database

## Dependencies & Execution Order

### Phase Dependencies

- **Setup (Phase 1)**: no dependencies; T003 needs T001.
"""


def test_a_dependencies_section_naming_a_task_s_need_gives_it() -> None:
    assert [(item_id, depends) for item_id, _, _, depends in _read(_SPEC_TASKS)] == [
        ("T001", ()),
        ("T002", ()),
        ("T003", ("T001",)),
    ]
    assert finding_lines(_SPEC_TASKS, "tasks.md") == []
    # the same sentence outside a Dependencies section, or naming no item, is prose
    elsewhere = _SPEC_TASKS.replace("Dependencies", "Notes")
    assert _read(elsewhere)[2][3] == ()
    readme = "# Tool\n\n## Dependencies\n\nThe CLI needs Python 3.11; v2 requires v1.\n"
    assert read_items(readme) == ()


_PHASED_PLAN = """\
# indexer implementation plan

## 4. Plan by phase

### Phase 1: Basic indexing (2 weeks, Sprint 1-2)

**Goal**: collect and store blocks and transactions

#### Sprint 1 (Week 1)
- [x] **Project setup**
  - Initialise the Go module
  - Write the Makefile

- [ ] **Client Layer**
  - `client/ethereum_client.go`

#### Sprint 2 (Week 2)
- [ ] **Fetcher**
  - `fetch/fetcher.go`

**Done when**:
- ✅ The genesis block is indexed

### Phase 2: API server (2 weeks, Sprint 3-4)

**Goal**: GraphQL and JSON-RPC

#### Sprint 3 (Week 3)
- [ ] **GraphQL schema**
- [ ] **JSON-RPC API**

## Appendix A: Checklist

### Phase 1 checklist
- [ ] Go module initialised
- [ ] Client layer implemented
"""


def test_an_implementation_plan_s_phases_group_the_bold_work_boxes_of_its_sprints() -> None:
    # phases without any status, over sprint subheadings of named boxes: the boxes are
    # the work; the appendix's checklist restates it, no items of its own
    assert [(title, status) for _, title, status, _ in _read(_PHASED_PLAN)] == [
        ("Project setup", "done"),
        ("Client Layer", "[ ]"),
        ("Fetcher", "[ ]"),
        ("GraphQL schema", "[ ]"),
        ("JSON-RPC API", "[ ]"),
    ]
    assert finding_lines(_PHASED_PLAN, "IMPLEMENTATION_PLAN.md") == []
    # a planning roadmap's phases, ticked in its phase checklist, stay its items
    planned = (
        "# Roadmap\n\n- [ ] **Phase 1: Basic indexing** - blocks\n\n"
        + _PHASED_PLAN.split("## 4. Plan by phase\n\n")[1].split("### Phase 2")[0]
    )
    assert [item_id for item_id, _, _, _ in _read(planned)] == ["Phase 1"]


def test_an_appendix_with_nothing_before_it_keeps_its_boxes() -> None:
    text = "# Guide\n\n## Appendix A: Checklist\n\n- [ ] Install\n- [ ] Configure\n"
    assert [title for _, title, _, _ in _read(text)] == ["Install", "Configure"]
    readme = "# Tool\n\nA fast tool.\n\n## Appendix: Flags\n\n- `--fast`: go fast\n"
    assert read_items(readme) == ()
