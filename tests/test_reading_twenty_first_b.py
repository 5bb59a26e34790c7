"""The classes of plan file the twenty-first held-out set B of the corpus (tests/corpus:
plans kept by coding agents and the people who run them, measured before any change,
numbered 28-29 in tables/, 16-17 in phases/, 49 in headings/ and 141-142 in checkboxes/)
showed read wrong or flagged falsely, each in a small document: read as a person reads it,
with no finding that is no defect; and beside each new reading a document that is no
plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

OVERVIEW = """\
# Roadmap: Atlas

## Milestones

- ✅ **v1.0 MVP** — Phases 1-2 (completed 2026-06-16)
- 🚧 **v1.1 Quality** — Phases 3-4

## Phase Overview

| # | Phase | Goal | Requirements | Status |
|---|-------|------|--------------|--------|
| 1 | Foundation | Save thought-objects | v1.0 foundation | Complete |
| 2 | Structuring | Review structured records | v1.0 structuring | Complete |
| 3 | Processing State | Make upload durable | PROC-01, PROC-02 | In Progress |
| 4 | Quality Gates | Gate generated content | QUAL-01 | Not started |

## Phase Details

### Phase 3: Processing State

**Goal:** Make upload durable.
**Requirements:** PROC-01, PROC-02

### Phase 4: Quality Gates

**Goal:** Gate generated content.
**Requirements:** QUAL-01
"""


def test_phases_of_a_roadmaps_overview_table() -> None:
    # ``| # | Phase | Goal | Requirements | Status |``: the overview numbers every phase and
    # says where it stands; the phases it alone lists are items, and those with a heading
    # take its status (the earlier phases were missed, the later read with no status)
    read = [(i.id, i.title, i.status) for i in read_items(OVERVIEW, ".planning/ROADMAP.md")]
    assert read == [
        ("Phase 1", "Foundation", "Complete"),
        ("Phase 2", "Structuring", "Complete"),
        ("Phase 3", "Processing State", "In Progress"),
        ("Phase 4", "Quality Gates", "pending"),
    ]
    assert finding_lines(OVERVIEW, ".planning/ROADMAP.md") == []


def test_a_readmes_example_of_an_overview_table_is_no_plan() -> None:
    readme = """\
# Atlas

The roadmap keeps one overview table of its phases, written like this:

```markdown
| # | Phase | Goal | Requirements | Status |
|---|-------|------|--------------|--------|
| 1 | Foundation | Save thought-objects | v1.0 | Complete |
```

### Phase details

Each phase gets a section of its own once it is planned.
"""
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []


FASES = """\
# Kredo - Plan de implementacion

## 1. Objetivo

Reemplazar el archivo de Excel de la cartera de prestamos.

## 2. Estrategia de fases

### Fase 0 - Documentacion y decisiones

Trabajo:

- Modelo de datos propuesto.

Estado: fase actual.

### Fase 1 - Base tecnica y autenticacion

Trabajo:

- Crear proyecto Vite.

### Fase 2 - Clientes

Trabajo:

- Crear cliente.
"""


def test_a_spanish_plans_phases() -> None:
    # ``### Fase 0 - Name``: a phase as ``### Phase 0 - Name`` is, in Spanish (Portuguese,
    # Italian, Dutch), and ``Estado: fase actual.`` (the phase it stands in) is under way;
    # no item was read before
    read = [(i.id, i.title, i.status) for i in read_items(FASES, "IMPLEMENTATION_PLAN.md")]
    assert read == [
        ("Fase 0", "Documentacion y decisiones", "fase actual."),
        ("Fase 1", "Base tecnica y autenticacion", None),
        ("Fase 2", "Clientes", None),
    ]
    assert finding_lines(FASES, "IMPLEMENTATION_PLAN.md") == []


def test_a_spanish_guides_unnumbered_phases_are_no_plan() -> None:
    # ``Fase`` names a phase of a plan with its number, as ``Phase`` does; a phase of how
    # a team works, named without one, is no item
    guide = """\
# Cómo trabajamos

## Fase de diseño

Dibujamos las pantallas.

## Fase de pruebas

Probamos con usuarios.
"""
    assert read_items(guide, "docs/proceso.md") == ()
    assert finding_lines(guide, "docs/proceso.md") == []


MARKED = """\
# 오토로그 백로그

## A. 1차에서 발견한 숙제

| # | 상태 | 우선순위 | 작업 | 남긴 이유 |
|---|---|---|---|---|
| B0 | ✅ | 높음 | 순서 변경 이동량 오차 (버그) | 손잡이를 한 행만 내려도 떨어졌다 |
| B1 | | 높음 | 병합 전경 서비스 | 긴 병합은 시스템이 미룰 수 있다 |
| B2 | | 중간 | 옛 브이로그 정리 | 같은 날짜 파일이 하나 더 남는다 |
"""


def test_a_korean_backlogs_task_column_and_its_unmarked_rows() -> None:
    # ``작업`` (task) titles the rows (they were read with no title), and a Status column
    # that marks the finished row ``✅`` and leaves the others empty says those are open
    read = [(i.id, i.title, i.status, i.priority) for i in read_items(MARKED, "docs/backlog.md")]
    assert read == [
        ("B0", "순서 변경 이동량 오차 (버그)", "✅", "높음"),
        ("B1", "병합 전경 서비스", "open", "높음"),
        ("B2", "옛 브이로그 정리", "open", "중간"),
    ]
    assert finding_lines(MARKED, "docs/backlog.md") == []


def test_a_table_whose_status_cells_are_mostly_empty_words_keeps_them_empty() -> None:
    # a Status column of words with some cells left empty: an empty cell says nothing
    plan = MARKED.replace("| ✅ |", "| Done |")
    read = [(i.id, i.status) for i in read_items(plan, "docs/backlog.md")]
    assert read == [("B0", "Done"), ("B1", None), ("B2", None)]


def test_a_korean_support_matrix_and_changelog_are_no_plan() -> None:
    # ✅ and empty cells in columns that are no Status column (what each platform
    # supports), and a column that only begins with ``작업`` (``작업 내용``: what was done)
    matrix = """\
# 지원 기능

| 기능 | iOS | Android |
|---|---|---|
| 병합 | ✅ | |
| 자막 | ✅ | ✅ |
| 배경음악 | | ✅ |

# 변경 기록

| 버전 | 작업 내용 |
|---|---|
| 1.0 | 첫 공개 |
| 1.1 | 자막 추가 |
"""
    assert read_items(matrix, "docs/features.md") == ()
    assert finding_lines(matrix, "docs/features.md") == []


OWNERS = """\
# Backlog

## Itens

| ID | Tipo | Título | Status | Marco | Responsável principal |
| --- | --- | --- | --- | --- | --- |
| BL-001 | Chore | Estabelecer governança | Concluído | M0 | PM / Plan Guardian |
| BL-002 | Docs | Adicionar guias | Em andamento | M0 | PM / Todos |
| BL-003 | Chore | Adicionar templates | Pronto | M1 | Agente GitHub |
"""


def test_an_owner_column_named_the_main_one() -> None:
    # ``Responsável principal`` (main owner), ``Primary Owner``: who owns the row
    read = [(i.id, i.dri) for i in read_items(OWNERS, "BACKLOG.md")]
    assert read == [
        ("BL-001", "PM / Plan Guardian"),
        ("BL-002", "PM / Todos"),
        ("BL-003", "Agente GitHub"),
    ]
    english = OWNERS.replace("Responsável principal", "Primary Owner")
    assert [i.dri for i in read_items(english, "BACKLOG.md")] == [
        "PM / Plan Guardian",
        "PM / Todos",
        "Agente GitHub",
    ]
    assert finding_lines(OWNERS, "BACKLOG.md") == []


def test_a_style_guides_main_colour_is_no_owner() -> None:
    # ``principal`` makes an owner column the main one; ``Cor principal`` (main colour)
    # is no owner, and the guide no plan
    guide = """\
# Guia de estilo

| Área | Cor principal | Fonte |
| --- | --- | --- |
| Cabeçalho | Azul | Inter |
| Rodapé | Cinza | Inter |
"""
    assert read_items(guide, "docs/estilo.md") == ()
    assert finding_lines(guide, "docs/estilo.md") == []


SPEC_TASKS = """\
# Tasks: Dream Stream MVP

## Phase 9: UX & Quality Validation

- [x] T084 Implement and validate dark/light theme switching
- [ ] T085 Test on iOS simulator (iPhone 15 Pro) [BLOCKED: Xcode not installed]
- [ ] T086 Test on Android emulator (Pixel 7) [BLOCKED: Requires EAS dev build]
- [ ] T093 Validate error tracking configured (Sentry or similar)

## Dependencies & Execution Order

### User Story Dependencies

| Story | Depends On | Can Parallelize With |
|-------|------------|---------------------|
| US1 (Browse) | Foundational | US2, US3 |
| US3 (Account) | Foundational | US1, US2 |
| US4 (Favorites) | US3 (needs auth) | US5, US6 |
"""


def test_a_blocked_note_closing_an_open_box_and_a_story_order_table() -> None:
    # ``[BLOCKED: Xcode not installed]`` closing an open box: blocked, and for what, no
    # part of the title (read open, the note in the title); the table of what each user
    # story waits for and runs beside is the plan's order, no items (six extra items and a
    # false RL301, ``us4-favorites depends on unknown item US3``)
    read = [(i.id, i.title, i.status) for i in read_items(SPEC_TASKS, "specs/001-mvp/tasks.md")]
    assert read == [
        ("T084", "Implement and validate dark/light theme switching", "done"),
        ("T085", "Test on iOS simulator (iPhone 15 Pro)", "BLOCKED: Xcode not installed"),
        ("T086", "Test on Android emulator (Pixel 7)", "BLOCKED: Requires EAS dev build"),
        ("T093", "Validate error tracking configured (Sentry or similar)", "[ ]"),
    ]
    assert finding_lines(SPEC_TASKS, "specs/001-mvp/tasks.md") == []


def test_a_box_that_names_a_blocked_state_in_its_words_stays_open() -> None:
    # a box about the blocked state itself, its closing brackets no note on the work
    plan = "# TODO\n\n- [ ] Show a badge for blocked tasks (blocked-badge)\n- [x] Ship it\n"
    assert [(i.title, i.status) for i in read_items(plan, "TODO.md")] == [
        ("Show a badge for blocked tasks (blocked-badge)", "[ ]"),
        ("Ship it", "done"),
    ]


def test_a_faq_on_blocked_notes_and_a_table_of_parallel_jobs_are_no_plan() -> None:
    faq = """\
# FAQ

- What does `[BLOCKED: reason]` after a task mean? It waits.
- Who unblocks it? Its owner.

| Job | Runs after | Can run in parallel with |
|-----|------------|--------------------------|
| lint | checkout | test |
| test | checkout | lint |
"""
    assert read_items(faq, "docs/faq.md") == ()
    assert finding_lines(faq, "docs/faq.md") == []
