"""The classes of plan file the eleventh held-out set B of the corpus (tests/corpus, the
heading plans and planning phases numbered 44-48 in headings/ and 33-35 in phases/) showed
misread, each in a small document: read as a person reads it, with no finding a person
would call a false alarm."""

from __future__ import annotations

from conftest import finding_lines, read_items


def _read(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(i.id, i.title, i.status, i.priority) for i in read_items(text)]


RFC_LIST = """\
# RFCs by current status

A list of all RFCs by their current status.

## Active RFCs

 - [#0015 Vault Config File](./text/0015-vault-config-file.md)
 - [#0011 Improved Connection Management](./text/0011-connection.md)

## Agreed RFCs

 - [#0005 Balance network resources](./text/0005-balance.md)

## Implemented RFCs

 - [#0019 New routing logic](./text/0019-routing.md)

## Rejected RFCs

 - [#0007 Launcher not as a service](./text/0007-launcher.md)
"""


def test_an_rfc_list_reads_its_numbers_and_its_status_headings() -> None:
    # a list one space in is a top-level list all the same; ``Active RFCs`` is the status
    # Active over a list of RFCs; the number leading a link's words is the entry's ID
    assert _read(RFC_LIST) == [
        ("0015", "Vault Config File", "active", None),
        ("0011", "Improved Connection Management", "active", None),
        ("0005", "Balance network resources", "agreed", None),
        ("0019", "New routing logic", "implemented", None),
        ("0007", "Launcher not as a service", "rejected", None),
    ]
    assert finding_lines(RFC_LIST) == []


def test_a_number_in_a_link_is_no_id_where_the_list_is_prose() -> None:
    # one link in a list of prose bullets under no status heading is no plan
    text = "# Notes\n\n- see [#12 the old thread](https://example.org/12)\n- more words\n"
    assert read_items(text) == ()


def test_a_group_heading_ending_with_its_priority_gives_it_to_its_items() -> None:
    text = """\
# Plan

# Epic A: CLI Contract and Error Stability (P0)

## AP-001 — Align exit codes

## AP-002 — Fix the JSON error format

# Epic E: Spec and runtime validation (P1)

## AP-040 — One source of truth for configuration
"""
    assert _read(text) == [
        ("AP-001", "Align exit codes", None, "P0"),
        ("AP-002", "Fix the JSON error format", None, "P0"),
        ("AP-040", "One source of truth for configuration", None, "P1"),
    ]
    assert finding_lines(text) == []


def test_a_series_of_milestone_headings_are_items_with_their_status_lines() -> None:
    text = """\
# Roadmap

## Milestone 1: Producer Bundle Reliability

Status: complete for the current alpha loop.

## Milestone 2: Handoff Boundary

Status: Planned.
"""
    assert _read(text) == [
        (
            "Milestone 1",
            "Producer Bundle Reliability",
            "complete for the current alpha loop.",
            None,
        ),
        ("Milestone 2", "Handoff Boundary", "Planned.", None),
    ]
    # one ``Milestone 1`` heading alone may be a step of a how-to: no series, no item
    assert read_items("# Guide\n\n## Milestone 1: Install\n\nRun the installer.\n") == ()


def test_milestones_over_a_plans_phases_group_them() -> None:
    text = """\
# Roadmap

### Milestone 1: Staging MVP (Shipped)

- [x] **Phase 1: Foundation** - the base

### Milestone 2: Production v1.0 (In Progress)

- [ ] **Phase 2: Sharing** - links

## Phase Details

### Phase 1: Foundation
**Depends on**: Nothing

### Phase 2: Sharing
**Depends on**: Phase 1
"""
    assert [(i.id, i.status) for i in read_items(text)] == [
        ("Phase 1", "done"),
        ("Phase 2", "pending"),
    ]


PHASE_TABLE = """\
# Roadmap

| Phase | Name | Status | Started |
|-------|------|--------|---------|
| v04-phase-a | Structural Foundations | ✅ Complete | 2026-03-28 |
| v06 | Advanced Features | ✅ Complete | 2026-03-30 |
| v1.1 | Architectural Hardening | 🔄 In Progress | 2026-04-01 |

## Current Phase: v1.1-hardening

**Plans:** 2 plans
- [ ] v1.1-01-PLAN.md — Shared Memory IPC Foundation
- [ ] v1.1-02-PLAN.md — IPC Migration & Handshake
"""


def test_a_planning_roadmap_table_names_its_phases_by_their_codes() -> None:
    # the codes name the rows and the Name column titles them; the plan files of the
    # current phase are the planning tool's record of its work, no items of the plan
    assert _read(PHASE_TABLE) == [
        ("v04-phase-a", "Structural Foundations", "✅ Complete", None),
        ("v06", "Advanced Features", "✅ Complete", None),
        ("v1.1", "Architectural Hardening", "🔄 In Progress", None),
    ]
    assert finding_lines(PHASE_TABLE) == []


INSERTED_PHASES = """\
# Roadmap: Vici

## Phases

- [x] **Phase 1: Foundation** - the skeleton
- [ ] **Phase 2: Matching** - the query

## Phase Details

### Phase 1: Foundation
**Goal**: A skeleton
**Depends on**: Nothing (first phase)

### Phase 01.1: Review the code (INSERTED)

**Goal:** Refactor
**Depends on:** Phase 1
**Plans:** 1/2 plans executed

### Phase 01.2: Write the README (INSERTED)

**Goal:** Document
**Depends on:** Phase 1
**Plans:** 1/1 plans complete

### Phase 2: Matching
**Goal**: The query
**Depends on**: Phase 01.2

## Progress

| Phase | Plans Complete | Status | Completed |
|-------|----------------|--------|-----------|
| 1. Foundation | 1/1 | Complete | 2026-03-06 |
| 2. Matching | 1/3 | In Progress|  |
"""


def test_a_phase_without_a_box_or_a_row_takes_its_status_from_its_plan_count() -> None:
    # (an open box whose progress row says In Progress is in progress: the corpus's one
    # reading, tests/corpus/README.md)
    assert [(i.id, i.status) for i in read_items(INSERTED_PHASES)] == [
        ("Phase 1", "done"),
        ("Phase 01.1", "in progress"),
        ("Phase 01.2", "done"),
        ("Phase 2", "In Progress"),
    ]
    assert finding_lines(INSERTED_PHASES) == []


def test_numbered_headings_under_the_work_to_come_are_its_features() -> None:
    text = """\
# Roadmap — otb

Features planned for later versions.

## 🔜 Próximas features

### 1. Troca de estado das tarefas

- Atalho de teclado

### 2. Detalhe da tarefa

- Leitura do Markdown
"""
    assert _read(text) == [
        ("1", "Troca de estado das tarefas", None, None),
        ("2", "Detalhe da tarefa", None, None),
    ]
    assert finding_lines(text) == []
    # numbered chapters under a heading that names no work to come stay a document's outline
    outline = read_items(text.replace("🔜 Próximas features", "Guide"))
    assert not any(item.id in ("1", "2") for item in outline)
