"""The classes of plan file the forty-fourth held-out set of the corpus (tests/corpus: an
ExecPlan kept for a coding agent, a Cursor plan, a generic TODO list, a Russian roadmap
index, a web framework's roadmap by versions, a monorepo package's roadmap and a Python
tool's TODOs, numbered 416-418 in checkboxes/, 335-337 in headings/ and 326 in tables/)
showed read wrong, each in a small document: read as a person reads it, with no finding
that is no defect; and beside each new reading a document that is no plan, which reads no
items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items
from test_corpus import status_class

RUSSIAN_STATUS_TABLE = """\
# Дорожная карта

## Статус задач

| Идентификатор | Описание | Статус | Источник |
|---------------|----------|--------|----------|
| `PLAN:A-001` | Собрать каркас сервиса | ✅ Выполнено | `changes/S001.md` |
| `PLAN:A-002` | Подключить базу данных | 🗓 Запланировано | `issues/A-002.md` |
| `PLAN:A-003` | Настроить сборку | 🗓 Запланировано | `issues/A-003.md` |
"""

RUSSIAN_ERROR_CODES = """\
# Справочник API

## Коды ошибок

| Идентификатор | Описание | HTTP-код |
|---------------|----------|----------|
| `E001` | Неверный токен | 401 |
| `E002` | Ресурс не найден | 404 |
"""


def test_a_table_of_ids_and_descriptions_named_in_russian_reads_its_rows() -> None:
    # ``Идентификатор`` is the ID column and ``Описание`` the description that titles
    # each row, as ``| ID | Description | Status |`` reads
    read = [
        (i.id, i.title, status_class(i.status))
        for i in read_items(RUSSIAN_STATUS_TABLE, "ROADMAP.md")
    ]
    assert read == [
        ("PLAN:A-001", "Собрать каркас сервиса", "done"),
        ("PLAN:A-002", "Подключить базу данных", "ready"),
        ("PLAN:A-003", "Настроить сборку", "ready"),
    ]
    assert finding_lines(RUSSIAN_STATUS_TABLE, "ROADMAP.md") == []


def test_a_russian_reference_table_of_codes_is_no_plan() -> None:
    # the same columns with no status, priority, owner or dependency: a reference
    assert not read_items(RUSSIAN_ERROR_CODES, "API.md")


EXEC_PLAN = """\
# Data pipeline

This ExecPlan is a living document.

## Progress

- [x] (2026-01-17 13:18Z) Milestone 1: Create the project skeleton (folders, CLI).
- [x] (2026-01-17 14:02Z) Milestone 2: Implement the API client (retries, cache).
- [ ] Milestone 3: Update the README and do a smoke run.

## Decision Log

- Decision: use the public API.
  Rationale: no keys required.

## Implementation plan

### Milestone 1: Skeleton

Create the packages and the entry points.

### Milestone 2: API client

Send the headers, rate limit, retry and cache.

### Milestone 3: README + smoke run

Document the commands and run them once.
"""

RELEASE_NOTES = """\
# Changelog

## Log

- (2026-01-17 13:18Z) Release 1.1: cut from main.
- (2026-01-10 09:00Z) Release 1.0: cut from main.

## Release 1.1: Faster start-up

Start-up takes half the time.

## Release 1.0: First release

The first public release.
"""


def test_an_exec_plans_progress_boxes_give_its_milestone_headings_their_state() -> None:
    # each box of ``## Progress`` names a milestone heading by its ID, after the stamp
    # of when it was ticked: the box says whether the heading's work is done
    read = [(i.id, i.title, status_class(i.status)) for i in read_items(EXEC_PLAN, "PLANS.md")]
    assert read == [
        ("Milestone 1", "Skeleton", "done"),
        ("Milestone 2", "API client", "done"),
        ("Milestone 3", "README + smoke run", "ready"),
    ]
    assert finding_lines(EXEC_PLAN, "PLANS.md") == []


def test_a_changelog_with_a_stamped_log_of_releases_is_no_plan() -> None:
    # stamped bullets naming release headings, no box among them: a history
    assert not read_items(RELEASE_NOTES, "CHANGELOG.md")
    assert finding_lines(RELEASE_NOTES, "CHANGELOG.md") == []


TODOS_WITH_A_STUB = """\
# TODOs
## Documentation
- [ ] Add the API reference
- [ ] Update the README

## Practices
- [ ] Use type checking
- [ ] Use pre-commit hooks
"""  # then the stub, its space kept: ``- ``
TODOS_WITH_A_STUB += "- \n"

NOTES_WITH_A_STUB = """\
# Setup notes

## Steps
- Install the tool with pip
- Run it once
"""
NOTES_WITH_A_STUB += "- \n"


def test_an_empty_bullet_after_a_list_of_boxes_leaves_the_boxes_items() -> None:
    # ``- `` left at the end, nothing written after it, is no plain item beside the boxes
    read = [(i.title, status_class(i.status)) for i in read_items(TODOS_WITH_A_STUB, "todos.md")]
    assert read == [
        ("Add the API reference", "ready"),
        ("Update the README", "ready"),
        ("Use type checking", "ready"),
        ("Use pre-commit hooks", "ready"),
    ]
    assert finding_lines(TODOS_WITH_A_STUB, "todos.md") == []


def test_notes_of_plain_steps_and_an_empty_bullet_are_no_plan() -> None:
    # the stub dropped leaves plain bullets: still no boxes, so no items
    assert not read_items(NOTES_WITH_A_STUB, "NOTES.md")
    assert finding_lines(NOTES_WITH_A_STUB, "NOTES.md") == []


TODO_WITH_PRIORITIES = """\
# TODO List

## ✅ Completed
- [x] Set up the repository

## 💡 Ideas
- [ ] Add a dark mode toggle

---

### Priorities
**High**
- [ ] Fix the security vulnerabilities

**Low**
- [ ] Clean up unused code
"""

TRIAGE_GUIDE = """\
# Contributing

## Triage

### Priorities
**High**
- security issues and data loss

**Low**
- typos and wording
"""


def test_bold_priority_labels_in_a_priorities_section_rank_its_boxes() -> None:
    # ``**High**`` over boxes in ``### Priorities`` gives them its priority, and the
    # section ranks work of its own: not the ideas of the section above the break
    read = [
        (i.title, status_class(i.status), i.priority)
        for i in read_items(TODO_WITH_PRIORITIES, "TODO.md")
    ]
    assert read == [
        ("Set up the repository", "done", None),
        ("Add a dark mode toggle", "idea", None),
        ("Fix the security vulnerabilities", "ready", "High"),
        ("Clean up unused code", "ready", "Low"),
    ]
    assert finding_lines(TODO_WITH_PRIORITIES, "TODO.md") == []


def test_a_triage_guide_naming_priorities_over_plain_bullets_is_no_plan() -> None:
    assert not read_items(TRIAGE_GUIDE, "CONTRIBUTING.md")
    assert finding_lines(TRIAGE_GUIDE, "CONTRIBUTING.md") == []


CURSOR_PLAN = """\
---
name: Agent Sprint
overview: Build the agent's core.
todos:
  - id: perception
    content: TASK-1 Build the perception engine
    status: completed
  - id: skills
    content: "TASK-2 Build the skills (move: say, look)"
    status: in_progress
  - id: runner
    content: TASK-3 Build the runner
    status: pending
    dependencies:
      - perception
      - skills
isProject: false
---

# Agent Sprint

## Completed

### TASK-1: Perception engine — DONE

The engine turns the game's state into text.
"""

NOTES_WITH_NO_TODOS = """\
---
name: Research notes
overview: What we learned about the engine.
todos: []
isProject: false
---

# Research notes

The engine turns the game's state into text; the runner is not designed yet.
"""


def test_a_plans_front_matter_todos_are_its_items() -> None:
    # Cursor's ``todos:`` list: each entry an item with its content, status and
    # dependencies, the body's ``### TASK-1`` heading telling the same work again
    read = [
        (i.id, i.title, status_class(i.status), i.depends_on)
        for i in read_items(CURSOR_PLAN, "sprint.plan.md")
    ]
    assert read == [
        ("perception", "TASK-1 Build the perception engine", "done", ()),
        ("skills", "TASK-2 Build the skills (move: say, look)", "in_progress", ()),
        ("runner", "TASK-3 Build the runner", "ready", ("perception", "skills")),
    ]
    assert finding_lines(CURSOR_PLAN, "sprint.plan.md") == []


def test_a_plan_file_with_no_todos_and_prose_is_no_plan() -> None:
    assert not read_items(NOTES_WITH_NO_TODOS, "notes.plan.md")
    assert finding_lines(NOTES_WITH_NO_TODOS, "notes.plan.md") == []
