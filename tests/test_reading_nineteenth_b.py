"""The classes of plan file the nineteenth held-out set B of the corpus (tests/corpus: a
mixed sample of the plans people and their coding agents keep, measured before any
change, numbered 98-99 in headings/, 78 in tables/, 73-74 in phases/, 126-129 in
checkboxes/) showed read wrong, each in a small document: read as a person reads it,
with no finding; and beside each new reading a document that is no plan, which reads no
items and no finding."""

from __future__ import annotations

from pathlib import Path

from conftest import finding_lines, read_items

from roadmaplint.cli import main

PHASED = """\
# DevNews - Implementation Plan

## Status Legend
- `[ ]` Not started
- `[~]` In progress
- `[x]` Completed

## Phase 1: Core Types `[x]`

**Goal**: Define the data model.

**Tasks**:
- [ ] Create the item type
- [ ] Create the source interface

## Phase 2: Source Adapters `[~]`

**Goal**: Fetch from real sources.

**Tasks**:
- [ ] RSS adapter

## Phase 3: Dashboard `[ ]`

**Goal**: Show what was fetched.
"""


def test_a_phase_heading_that_ends_with_its_box_in_backticks() -> None:
    # ``## Phase 1: Name `[x]` ``: the box the plan's legend explains is the phase's status
    # (it read no status), the task boxes under ``**Tasks**:`` its checklist
    read = [(i.id, i.title, i.status) for i in read_items(PHASED, "PLAN.md")]
    assert read == [
        ("Phase 1", "Core Types", "[x]"),
        ("Phase 2", "Source Adapters", "[~]"),
        ("Phase 3", "Dashboard", "[ ]"),
    ]
    assert finding_lines(PHASED, "PLAN.md") == []


def test_setting_the_status_of_a_boxed_heading_writes_its_box(tmp_path: Path) -> None:
    plan = tmp_path / "PLAN.md"
    plan.write_text(PHASED.replace("## Status Legend\n- `[ ]` Not started\n", "## Legend\n"))
    assert main(["set", str(plan), "Phase 3", "--status", "in progress"]) == 0
    assert "## Phase 3: Dashboard `[~]`" in plan.read_text()
    assert main(["set", str(plan), "Phase 3", "--status", "done"]) == 0
    assert "## Phase 3: Dashboard `[x]`" in plan.read_text()
    before = plan.read_text()
    assert main(["set", str(plan), "Phase 3", "--status", "blocked"]) == 2  # no box says it
    assert plan.read_text() == before


def test_a_guide_whose_headings_end_with_a_box_reads_no_items() -> None:
    guide = """\
# Writing task lists

## An open task `[ ]`

Write a dash, a space and a pair of brackets with a space between them.

## A finished task `[x]`

Put an x between the brackets once the work is done.
"""
    assert read_items(guide, "GUIDE.md") == ()
    assert finding_lines(guide, "GUIDE.md") == []


AGENT_TASKS = """\
# v0.9.5 开发计划

## Phase 5: v1.0 发布准备 (v1.0 Preparation)
- [x] **Plan**: 确认 `PLAN-23.md`
- [x] **Test-Exec-B1**: 执行 Batch 1 - **Passed**
    - [x] **Fix-B1**: 修复平台核心缺陷 - **Done**
- [/] **UI**: 全站样式一致性审计 - **In Progress**
- [ ] **Release**: 版本号提升与 CHANGELOG 更新

## Phase 6: v1.0 可靠性审计 (Reliability)
- [x] **Test-Exec-Full**: 执行全量 E2E 回归测试 - **Passed**
- [!] **Audit-Gap**: 识别平台核心链路盖死角 - **Identified**
- [ ] **Launch**: 部署验证与冒烟测试
"""


def test_a_few_attention_boxes_without_a_legend_leave_the_boxes_items() -> None:
    # one ``[!]`` box among boxes led by bold labels: the boxes are still the plan's items
    # (the whole list was left unread, and the phase headings read as items instead)
    read = [(i.title, i.status) for i in read_items(AGENT_TASKS, "task.md")]
    assert read == [
        ("Plan", "done"),
        ("Test-Exec-B1", "done"),
        ("UI", "[/]"),
        ("Release", "[ ]"),
        ("Test-Exec-Full", "done"),
        ("Audit-Gap", "[!]"),
        ("Launch", "[ ]"),
    ]
    assert finding_lines(AGENT_TASKS, "task.md") == []


QUEUE = """\
# WORK_QUEUE.md

Tasks are executed one at a time. Each task gets its own commit.
Status: [ ] = pending, [x] = complete, [!] = blocked

## P2 — Medium (fix in order)

- [x] WQ-08 · BUG-008 · Fix placeholder links — commit 40fddc0

## P3 — Low

- [x] WQ-09 · BUG-009 · Update copyright year — commit 29d234e
- [!] WQ-10 · BUG-010 · Replace placeholder ICP number (requires client input — BLOCKED)
"""


def test_a_box_legend_written_on_one_line_with_equals_signs() -> None:
    # ``Status: [ ] = pending, [x] = complete, [!] = blocked``: the ``[!]`` box is blocked,
    # and the band's two boxes are read (the list was left unread)
    read = [(i.id, i.status, i.priority) for i in read_items(QUEUE, "WORK_QUEUE.md")]
    assert read == [("WQ-08", "done", "P2"), ("WQ-09", "done", "P3"), ("WQ-10", "blocked", "P3")]
    assert finding_lines(QUEUE, "WORK_QUEUE.md") == []


def test_a_note_on_box_syntax_reads_no_items() -> None:
    note = """\
# Markdown notes

Some editors draw more boxes than two: [!] = important, [?] = a question.
Write them in any paragraph; they are no list.
"""
    assert read_items(note, "NOTES.md") == ()
    assert finding_lines(note, "NOTES.md") == []


SPRINT = """\
# Sprint Backlog

## Detalles del Sprint 1:

- Nombre del Sprint: Sprint 1
- Objetivo: realizar las operaciones CRUD

## Tareas del Sprint Backlog:

### Tarea #1

- Descripción: Crear una tarea.
- Responsable: Santiago
- Estado: Hecho

### Tarea #2

- Descripción: Visualizar tareas.
- Responsable: Ronnie.
- Estado: En progreso

### Reuniones y Comunicación:

- Reunión Diaria.
  - Fecha 1: 7 de septiembre de 2023
"""


def test_task_headings_that_are_a_number_alone_over_field_bullets() -> None:
    # ``### Tarea #1`` over ``- Descripción:`` / ``- Responsable:`` / ``- Estado:``: the
    # tasks, titled by their description, the owner without the line's full stop (the
    # sprint's detail bullets were read as the items instead)
    read = [(i.id, i.title, i.status, i.dri) for i in read_items(SPRINT, "sprint_backlog.md")]
    assert read == [
        ("Tarea #1", "Crear una tarea", "Hecho", "Santiago"),
        ("Tarea #2", "Visualizar tareas", "En progreso", "Ronnie"),
    ]
    assert finding_lines(SPRINT, "sprint_backlog.md") == []


def test_a_how_to_of_numbered_tasks_reads_no_items() -> None:
    howto = """\
# Getting started

### Task 1

- Open the settings page.
- Choose a language.

### Task 2

- Description: Save the settings.
- Press the button at the bottom.
"""
    assert read_items(howto, "GUIDE.md") == ()
    assert finding_lines(howto, "GUIDE.md") == []


OBSERVATIONS = """\
# docs/backlog.md — havaintojen kerääntymispaikka

Status-elinkaari: `AVOIN` → `PRIORISOITU (H-xxx)` → `KÄSITELTY (commit-hash)`.

## Havainnot

### OBS-001 · 2026-05-27 · repon recon · PRIORISOITU (H-006a)

**Velocity-data ei virtaa analyysi-tasolle**

### OBS-002 · 2026-05-26 · live-treeni · AVOIN

**Back-off-kuorma > pääsarja**

### OBS-048 · 2026-06-16 · tuotantohavainto · KORJATTU (A2, 2026-06-17, APP_VERSION 4.52.43)

**Kalibrointi-testisarjan base oli inflatoitu.**
"""


def test_a_status_written_last_in_a_heading_after_a_middle_dot() -> None:
    # ``### OBS-001 · date · source · STATUS``, in Finnish: the last part is the status,
    # a note in brackets after it (it read none)
    read = [(i.id, i.status) for i in read_items(OBSERVATIONS, "backlog.md")]
    assert read == [
        ("OBS-001", "PRIORISOITU (H-006a)"),
        ("OBS-002", "AVOIN"),
        ("OBS-048", "KORJATTU (A2, 2026-06-17, APP_VERSION 4.52.43)"),
    ]
    assert finding_lines(OBSERVATIONS, "backlog.md") == []


def test_a_list_of_posts_with_dotted_headings_reads_no_items() -> None:
    posts = """\
# Blog

### Moving to Helsinki · 2026-05-01 · Open

We moved in spring.

### A new bike · 2026-06-12 · Done

It is blue.
"""
    assert read_items(posts, "posts.md") == ()
    assert finding_lines(posts, "posts.md") == []


PHASES = """\
# Roadmap: HRMS

### Phase 1: Foundation

**Dependencies:** None (first phase)

### Phase 2: Employee Data

**Dependencies:** Phase 1 (departments, positions, and user accounts must exist)

### Phase 3: Attendance

**Dependencies:** Phase 2 (employee profiles must exist)

### Phase 4: Payroll

**Dependencies:** Phase 2 (salary, PTKP category, BPJS numbers) and Phase 3 (overtime hours)
"""


def test_phases_joined_by_and_with_notes_holding_commas() -> None:
    # ``Phase 2 (salary, PTKP, BPJS) and Phase 3 (overtime)``: both phases (it read Phase 2
    # alone: the commas in the note split the value, and ``and`` joined no second phase)
    read = {i.id: i.depends_on for i in read_items(PHASES, "ROADMAP.md")}
    assert read["Phase 4"] == ("Phase 2", "Phase 3")
    assert read["Phase 2"] == ("Phase 1",)
    assert finding_lines(PHASES, "ROADMAP.md") == []
