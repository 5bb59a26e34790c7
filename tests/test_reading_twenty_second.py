"""The classes of plan file the twenty-second held-out set of the corpus (tests/corpus: a
mixed sample of every family, measured before any change, numbered 13 in headings/, 34
and 35 in tables/, 26 in phases/, 145 and 146 in checkboxes/) showed read wrong, each in
a small document: read as a person reads it, with no finding that is no defect; and
beside each new reading a document that is no plan, which reads no items and no
finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.settings import common_meaning

TASKS = """\
# Phase 1 — Foundation

## Epic P1-A: Repository

### TASK: P1-SETUP-001 — Initialize the app

- **Owner:** Frontend
- **Priority:** P0
- **Depends on:** None
- **Acceptance Criteria:**
  - [ ] The app boots locally.

### TASK: P1-SETUP-002 — Environment configuration

- **Owner:** Backend
- **Priority:** P1
- **Depends on:** P1-SETUP-001
- **Acceptance Criteria:**
  - [ ] `.env.example` lists the variables.

## Phase 1 Exit Criteria (must be true)

- [ ] Auth works end-to-end.
- [ ] The app shell exists.
"""


def test_task_headings_whose_id_follows_a_label_word_are_the_items() -> None:
    # ``### TASK: P1-SETUP-001 — Title``: the word in capitals and its colon lead the ID
    # (no heading was read, and the exit-criteria boxes were read as the plan instead)
    read = [(i.id, i.title, i.priority, i.dri, i.depends_on) for i in read_items(TASKS)]
    assert read == [
        ("P1-SETUP-001", "Initialize the app", "P0", "Frontend", ()),
        ("P1-SETUP-002", "Environment configuration", "P1", "Backend", ("P1-SETUP-001",)),
    ]
    assert finding_lines(TASKS) == []


def test_a_how_to_with_task_headings_and_no_ids_reads_nothing() -> None:
    guide = """\
# Contributing

### TASK: set up your editor

Install the recommended extensions.

### TASK: run the tests

Run `make test` before you push.
"""
    assert read_items(guide, "CONTRIBUTING.md") == ()
    assert finding_lines(guide, "CONTRIBUTING.md") == []


STORIES = """\
# Product Backlog

| ID | Historia de usuario | Prioridad | Dependencias |
| --- | --- | --- | --- |
| US-01 | Como usuario, quiero ver mis tareas | Must | Diseño aprobado |
| US-02 | Como usuario, quiero crear una tarea | Must | US-01 |
| US-03 | Como usuario, quiero editar una tarea | Must | US-02 |
| US-04 | Como usuario, quiero guardar mis tareas | Should | US-01 a US-03 |

## Criterios de aceptación

### US-01 — Base visual

- Existe un encabezado y una lista.

### US-02 — Crear tarea

- El título es obligatorio.
"""


def test_a_story_table_with_a_range_in_spanish_and_detail_headings() -> None:
    # ``US-01 a US-03`` is a range (it read as ``US-01`` alone), and the headings of the
    # acceptance criteria give the rows' details: no second items (they read as items again)
    read = [(i.id, i.priority, i.depends_on) for i in read_items(STORIES, "BACKLOG.md")]
    assert read == [
        ("US-01", "Must", ()),
        ("US-02", "Must", ("US-01",)),
        ("US-03", "Must", ("US-02",)),
        ("US-04", "Should", ("US-01", "US-02", "US-03")),
    ]
    assert finding_lines(STORIES, "BACKLOG.md") == []


def test_a_spanish_guide_with_a_table_of_chapters_reads_nothing() -> None:
    guide = """\
# Guía

| Capítulo | Páginas |
| --- | --- |
| Introducción | 1 a 5 |
| Instalación | 6 a 9 |

## Uso

### Primeros pasos

Ejecute la herramienta en una carpeta.
"""
    assert read_items(guide, "README.md") == ()
    assert finding_lines(guide, "README.md") == []


QUEUE = """\
# Agent Task Queue

Status: `todo` · `running` · `review` · `done` · `blocked`.

| ID | Task | Owner | Status |
|----|------|-------|--------|
| **A1** | Run the pipeline end to end | integrator | **running** |
| **A2** | Write the QA harness | subagent | **todo** |
"""


def test_an_agent_queue_task_that_is_running_is_under_way() -> None:
    items = read_items(QUEUE, "AGENT_QUEUE.md")
    assert [(i.id, i.status, i.dri) for i in items] == [
        ("A1", "running", "integrator"),
        ("A2", "todo", "subagent"),
    ]
    assert common_meaning("running") == "in_progress"  # it read as no workflow state
    assert finding_lines(QUEUE, "AGENT_QUEUE.md") == []


def test_a_service_table_that_says_running_reads_nothing() -> None:
    status = """\
# Services

| Service | Port | State |
|---------|------|-------|
| api | 8080 | running |
| worker | — | running |
"""
    assert read_items(status, "STATUS.md") == ()
    assert finding_lines(status, "STATUS.md") == []
