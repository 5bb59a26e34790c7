"""The classes of plan file the forty-second held-out set of the corpus (tests/corpus: an
agent's implementation plan, an agent's tickets, a spec-kit feature, a Python CLI's roadmap,
a Chinese TODO, a Hugo roadmap page, a status table of components and a Backlog.md folder,
numbered 194-197 in checkboxes/, 113-114 in headings/ and 104 in tables/) showed read
wrong, each in a small document: read as a person reads it, with no finding that is no
defect; and beside each new reading a document that is no plan or looks close, which
reads as it did."""

from __future__ import annotations

from conftest import finding_lines, read_items
from test_corpus import status_class

TASKS_WITH_DEFERRED_PHASES = """\
# Tasks: Garden Planner

## Phase 1: Setup

- [x] T001 Create the solution
- [x] T002 [P] Add the linter

## Phase 2: User Story 1 - Plan a bed (Priority: P1)

- [x] T003 [US1] Create the Bed entity
- [ ] T004 [US1] Add the bed form

---

## Deferred to a later spec

**Phases 3-4 have been deferred to a separate specification** to keep this one small:

- **Phase 3**: User Story 2 - Share a bed (2 tasks)
- **Phase 4**: User Story 3 - Print a bed (1 task)

## Phase 3: User Story 2 - Share a bed (Priority: P2)

- [ ] T005 [US2] Add the share link
- [ ] T006 [US2] Add the share page

## Phase 4: User Story 3 - Print a bed (Priority: P3)

- [ ] T007 [US3] Add the print view

## Phase 5: Polish

- [ ] T008 Write the README
"""

TASKS_NAMING_A_DEFERRED_IDEA = """\
# Tasks: Garden Planner

## Phase 1: Setup

- [x] T001 Create the solution

## Phase 2: User Story 1 - Plan a bed (Priority: P1)

- [ ] T002 [US1] Add the bed form

## Deferred ideas

- Seed catalogue (not a phase of this spec)

## Phase 3: Polish

- [ ] T003 Write the README
"""


def test_the_boxes_of_phases_a_plan_says_it_deferred_are_ideas() -> None:
    # ``## Deferred to a later spec`` naming phases 3-4 (``**Phases 3-4 have been
    # deferred ...**``, ``- **Phase 3**: ...``): their open boxes are put off, ideas; the
    # phases it does not name keep their boxes' state
    read = [
        (i.id, status_class(i.status))
        for i in read_items(TASKS_WITH_DEFERRED_PHASES, "specs/001-garden/tasks.md")
    ]
    assert read == [
        ("T001", "done"),
        ("T002", "done"),
        ("T003", "done"),
        ("T004", "ready"),
        ("T005", "idea"),
        ("T006", "idea"),
        ("T007", "idea"),
        ("T008", "ready"),
    ]
    assert finding_lines(TASKS_WITH_DEFERRED_PHASES, "specs/001-garden/tasks.md") == []


def test_a_deferred_section_that_names_no_phase_defers_no_phase() -> None:
    # a section of deferred ideas that names no phase of the plan leaves every phase as it is
    read = [
        (i.id, status_class(i.status))
        for i in read_items(TASKS_NAMING_A_DEFERRED_IDEA, "specs/001-garden/tasks.md")
    ]
    assert read == [("T001", "done"), ("T002", "ready"), ("T003", "ready")]
    assert finding_lines(TASKS_NAMING_A_DEFERRED_IDEA, "specs/001-garden/tasks.md") == []


CHINESE_TODO = """\
# 项目待办事项 (TODO)

## 📅 进度概览

- [x] **v1.0.0**: 发布核心工具集
- [ ] **v1.1.0**: 体验优化 (进行中)

## 🚀 当前迭代任务

- [ ] **封面生成器** (Priority: High)
  - 支持一键下载图片
- [ ] **内容质检** (Priority: Medium)
  - 检查违禁词

## 🔮 未来规划 (Backlog)

- [ ] **自动化发布**
  - GitHub Actions 集成
"""

CHINESE_README = """\
# 墨梅

一个博客系统。写作时在粗体标题后写 `(Priority: High)` 即可标注优先级。

## 🔮 未来规划

我们会在议题中讨论未来规划，欢迎提交建议。
"""


def test_a_chinese_todo_reads_its_priorities_its_current_version_and_its_future_plans() -> None:
    # ``(Priority: High)`` after a box's bold title is its priority, no part of its title;
    # ``(进行中)`` (in progress) closing an open box is its state; ``## 🔮 未来规划
    # (Backlog)`` (future plans) keeps ideas, as ``## Future Ideas`` does
    read = [
        (i.title, status_class(i.status), i.priority) for i in read_items(CHINESE_TODO, "TODO.md")
    ]
    assert read == [
        ("v1.0.0", "done", None),
        ("v1.1.0", "in_progress", None),
        ("封面生成器", "ready", "HIGH"),
        ("内容质检", "ready", "MEDIUM"),
        ("自动化发布", "idea", None),
    ]
    assert finding_lines(CHINESE_TODO, "TODO.md") == []


def test_a_chinese_readme_naming_its_future_plans_reads_nothing() -> None:
    assert not read_items(CHINESE_README, "README.md")
    assert finding_lines(CHINESE_README, "README.md") == []


TICKETS_WITH_A_RANGE = """\
# Milestone 1 tickets

## M1-001 — Workspace

**Status:** DONE

**Dependencies:** None

## M1-002 — Application

**Status:** DONE

**Dependencies:** M1-001

## M1-003 — Handoff

**Status:** TODO

**Dependencies:** M1-001–M1-002
"""

TICKETS_WITH_A_SPAN_OF_VERSIONS = """\
# Milestone 1 tickets

## M1-001 — Workspace

**Status:** DONE

**Dependencies:** None

## M1-002 — Handoff

**Status:** TODO

**Dependencies:** v1-2 release notes
"""


def test_a_dependency_range_between_two_ids_with_digits_in_their_prefix_names_each() -> None:
    # ``M1-001–M1-002``: every ticket of the range, as ``T033-T037`` names each
    items = read_items(TICKETS_WITH_A_RANGE, "tasks/todo.md")
    assert [(i.id, list(i.depends_on)) for i in items] == [
        ("M1-001", []),
        ("M1-002", ["M1-001"]),
        ("M1-003", ["M1-001", "M1-002"]),
    ]
    assert finding_lines(TICKETS_WITH_A_RANGE, "tasks/todo.md") == []


def test_a_dependency_that_is_no_range_of_ids_names_no_ticket() -> None:
    items = read_items(TICKETS_WITH_A_SPAN_OF_VERSIONS, "tasks/todo.md")
    assert [list(i.depends_on) for i in items] == [[], []]


STATUS_TABLE = """\
# Status

Item        | Status
:---------- | :------------------
Parser      | Complete
Renderer    | Testing (edge cases)
Exporter    | Begun mapping to HTML
Importer    | Not Started
"""

TODO_WITH_A_TESTING_SECTION = """\
# TODO

## Features

- [ ] export to HTML
- [x] import from CSV

## Testing

- [ ] add unit tests for the parser
- [ ] run the suite on Windows
"""


def test_a_status_cell_that_says_the_work_is_in_testing_or_begun_is_under_way() -> None:
    # ``Testing (edge cases)`` and ``Begun mapping to HTML`` as an item's own status: the
    # work is under way, as ``Started`` is
    read = [(i.title, status_class(i.status)) for i in read_items(STATUS_TABLE, "status.md")]
    assert read == [
        ("Parser", "done"),
        ("Renderer", "in_progress"),
        ("Exporter", "in_progress"),
        ("Importer", "ready"),
    ]
    assert finding_lines(STATUS_TABLE, "status.md") == []


def test_a_testing_section_of_a_todo_names_no_state() -> None:
    # ``## Testing`` names a part of the work, no state: its open boxes stay open
    read = [
        (i.title, status_class(i.status))
        for i in read_items(TODO_WITH_A_TESTING_SECTION, "TODO.md")
    ]
    assert read == [
        ("export to HTML", "ready"),
        ("import from CSV", "done"),
        ("add unit tests for the parser", "ready"),
        ("run the suite on Windows", "ready"),
    ]
    assert finding_lines(TODO_WITH_A_TESTING_SECTION, "TODO.md") == []
