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
