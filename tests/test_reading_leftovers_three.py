"""The classes of plan file the held-out rounds left unread (ROADMAP CORE-77 to CORE-92,
tests/corpus/README.md), each in a small document read as a person reads it, with no
finding; and beside each new reading a document that is no plan, which reads no items
and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

PHASES = """\
# Roadmap

## Phase 6 — Accounts ✅ COMPLETE

**Goal:** people can sign up.

## Phase 7 — Billing ⏳ PLANNED

**Goal:** people can pay.

## Phase 8 — Reports 🚧 IN PROGRESS

**Goal:** monthly numbers.

## Phase 9 — Export 🔄 EN COURS

**Goal:** a CSV of everything.
"""


def test_a_phase_heading_ending_with_a_mark_and_its_word_reads_that_status() -> None:
    # ``⏳ PLANNED`` ends the heading as ``✅ COMPLETE`` does: the status, not the title
    read = [(i.id, i.title, i.status) for i in read_items(PHASES)]
    assert read == [
        ("Phase 6", "Accounts", "COMPLETE"),
        ("Phase 7", "Billing", "⏳ PLANNED"),
        ("Phase 8", "Reports", "🚧 IN PROGRESS"),
        ("Phase 9", "Export", "🔄 EN COURS"),
    ]
    assert finding_lines(PHASES) == []


def test_a_readme_whose_headings_end_with_a_mark_and_a_word_reads_no_items() -> None:
    readme = """\
# Widget

A small widget for your desktop.

## Install 📦 Ready

Run `pip install widget`.

## Configure ⚙️ Done

Edit `widget.toml`.
"""
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []


FEATURES = """\
# Backlog

> Feature Status Legend: ⛔ BLOCKED | ⏳ PENDING | ✨ CODED | ✅ TESTED | ✔️ RELEASED

## E1 Weather Command ❗ High

### F1.1 Resolve location via IP ✅ TESTED

Look the place up from the address.

### F1.2 Fetch current weather ✨ CODED

- **Dependencies:**
  - F1.1 Resolve location via IP

### F1.3 Runnable JAR packaging ⛔ BLOCKED

Waits for the build plugins.

### F1.4 Weather report ⏳ PENDING

Compose the report.
"""


def test_a_one_line_legend_of_marks_and_words_ends_the_feature_headings() -> None:
    # the legend's entries are the statuses: ``✨ CODED`` and ``✅ TESTED`` say where a
    # feature stands though no common word does; each leaves the title
    read = [(i.id, i.title, i.status, i.depends_on) for i in read_items(FEATURES, "BACKLOG.md")]
    assert read == [
        ("F1.1", "Resolve location via IP", "✅ TESTED", ()),
        ("F1.2", "Fetch current weather", "✨ CODED", ("F1.1",)),
        ("F1.3", "Runnable JAR packaging", "⛔ BLOCKED", ()),
        ("F1.4", "Weather report", "⏳ PENDING", ()),
    ]
    assert finding_lines(FEATURES, "BACKLOG.md") == []


def test_a_feature_list_with_a_one_line_legend_reads_no_items() -> None:
    features = """\
# Widget

> Legend: ✅ TESTED | ✨ CODED | ⛔ BLOCKED

## Features

- Sync across devices ✅ TESTED
- Offline mode ✨ CODED
"""
    assert read_items(features, "README.md") == ()
    assert finding_lines(features, "README.md") == []


ITALIAN = """\
# Attività

| ID | Attività | Stato |
|----|----------|-------|
| A-1 | Leggere i file | Completato |
| A-2 | Scrivere il rapporto | In corso |
| A-3 | Tradurre | Da fare |
| A-4 | Archiviare | Annullato |
"""


def test_the_workflow_states_in_italian_read_as_the_english_ones() -> None:
    read = [(i.id, i.status) for i in read_items(ITALIAN, "TODO.md")]
    assert read == [
        ("A-1", "Completato"),
        ("A-2", "In corso"),
        ("A-3", "Da fare"),
        ("A-4", "Annullato"),
    ]
    assert finding_lines(ITALIAN, "TODO.md") == []


def test_the_other_states_read_in_french_spanish_german_portuguese_and_italian() -> None:
    from roadmaplint.settings import common_meaning

    said = {
        "en attente": "blocked",
        "reporté": "idea",
        "réalisé": "done",
        "en marcha": "in_progress",
        "en espera": "blocked",
        "finalizado": "done",
        "in Umsetzung": "in_progress",
        "verschoben": "idea",
        "em execução": "in_progress",
        "adiado": "idea",
        "in corso": "in_progress",
        "bloccato": "blocked",
        "rimandato": "idea",
    }
    assert {word: common_meaning(word) for word in said} == said


BOARD_DE = """\
# Aufgaben

## ✅ Erledigt

- [x] Dateien lesen

## 🔄 In Arbeit

- [ ] Bericht schreiben

## 📋 Offen

- [ ] Übersetzen
"""


def test_a_german_board_reads_its_status_columns_and_keeps_its_umlauts() -> None:
    # the reference made from a title keeps its letters: ``übersetzen``, not ``bersetzen``
    read = [(i.id, i.status) for i in read_items(BOARD_DE, "TODO.md")]
    assert read == [
        ("dateien-lesen", "done"),
        ("bericht-schreiben", "in arbeit"),
        ("übersetzen", "offen"),
    ]
    assert finding_lines(BOARD_DE, "TODO.md") == []


def test_a_translated_readme_with_status_words_in_its_prose_reads_no_items() -> None:
    readme = """\
# Widget

Widget è in corso di sviluppo. La versione 1.0 è completata.

## Installazione

Eseguire `pip install widget`.

## Stato

Il progetto è in corso.
"""
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []


def test_references_for_titles_in_any_script_tell_the_items_apart() -> None:
    text = """\
# 할 일

- [x] 프로젝트 초기화
- [ ] 로그인 화면
- [ ] Profil sayfası
- [ ] Настроить сборку
- [ ] 專案初始化
"""
    assert [i.id for i in read_items(text, "TODO.md")] == [
        "프로젝트-초기화",
        "로그인-화면",
        "profil-sayfası",
        "настроить-сборку",
        "專案初始化",
    ]
    assert finding_lines(text, "TODO.md") == []


LABELLED_PRIORITY = """\
# Backlog

### KIRO-003: Create the demo video

- **Priority**: 🔴 P0 - CRITICAL
- **Status**: Not Started

### KIRO-004: Prepare the submission

- **Priority**: 🟠 P1 - HIGH
- **Status**: In Progress
"""


def test_a_priority_written_with_its_label_reads_as_its_level() -> None:
    read = [(i.id, i.priority) for i in read_items(LABELLED_PRIORITY, "BACKLOG.md")]
    assert read == [("KIRO-003", "🔴 P0"), ("KIRO-004", "🟠 P1")]
    assert finding_lines(LABELLED_PRIORITY, "BACKLOG.md") == []


def test_an_incident_guide_naming_labelled_priorities_reads_no_items() -> None:
    guide = """\
# Incident response

## Severity

- **Priority**: 🔴 P0 - CRITICAL means the site is down.
- **Priority**: 🟠 P1 - HIGH means a feature is broken.

Page the on-call engineer for either.
"""
    assert read_items(guide, "docs/incidents.md") == ()
    assert finding_lines(guide, "docs/incidents.md") == []


CLOSED_TABLE = """\
# Backlog

## In progress

| Id | Title | Type |
| --- | --- | --- |
| WI-014 | Extract the agent framework | docs |

## The first-user path — WI-001…002, closed 2026-08-15

Worked in id order, all merged.

| Id | What it fixed |
| --- | --- |
| WI-001 | The entry document opened with a dangling dash |
| WI-002 | `--set k=v` silently became a positional |
"""


def test_a_table_of_work_under_a_heading_that_says_it_closed_takes_that_status() -> None:
    read = [(i.id, i.status) for i in read_items(CLOSED_TABLE, "BACKLOG.md")]
    assert read == [
        ("WI-014", "in progress"),
        ("WI-001", "closed 2026-08-15"),
        ("WI-002", "closed 2026-08-15"),
    ]
    assert finding_lines(CLOSED_TABLE, "BACKLOG.md") == []


def test_a_migration_guide_whose_heading_says_done_reads_no_items() -> None:
    guide = """\
# Upgrading to 2.0

## Flags renamed, done

| Old flag | New flag |
| --- | --- |
| `--out` | `--output` |
| `--cfg` | `--config` |

## Meeting notes, 2026-08-15, closed

| Topic | Notes |
| --- | --- |
| Release | Shipped on time |
"""
    assert read_items(guide, "docs/upgrading.md") == ()
    assert finding_lines(guide, "docs/upgrading.md") == []


WEEKS = """\
# Task Ownership Manifest

## Active Task Registry

| Task ID | Task Name | Owner | Status |
|---------|-----------|-------|--------|
| W1-TS-01 | TypeScript Migration | Bezalel | In Progress |
| W1-TS-02 | Strict null checks | Bezalel | Ready |
| W1-INF-01 | Health Endpoint | Aholiab | Ready |
| W3-EVT-01 | Event bus | Aholiab | Ready |
| W3-EVT-02 | Event replay | Bezalel | Ready |
| W3-UI-01 | Timeline view | Aholiab | Ready |
"""


def test_rl106_is_quiet_on_ids_that_name_their_week_and_area() -> None:
    assert [i.id for i in read_items(WEEKS, "TASKS.md")][3] == "W3-EVT-01"
    assert finding_lines(WEEKS, "TASKS.md") == []
    # an ID of another kind among them is still a stray
    stray = WEEKS + "| BUG-7 | Fix the login | Bezalel | Ready |\n"
    assert finding_lines(stray, "TASKS.md") == ["13:RL106"]


SPEC_KIT = """\
# Tasks: Propose a movement

## Phase 3: User Story 1

- [ ] T011 Create the Movement aggregate
- [ ] T013 Create the MovementService

## Phase 4: User Story 2

- [ ] T026 Implement Movement::submit()
- [ ] T027 Implement MovementService::submit

## Phase 5: User Story 3

- [ ] T032 Add edit methods to the aggregate

## Dependencies & Execution Order

- **User Stories (Phases 3–5)**: all need Phases 1–2.
  US2 (T026, T027) and US3 (T032) extend files
  created by US1 (T011, T013), so run the backend of US1 first;
  US2 and US3 are independent of each other.
"""


def test_spec_kit_dependencies_named_by_group_are_read() -> None:
    read = {i.id: i.depends_on for i in read_items(SPEC_KIT, "tasks.md")}
    assert read == {
        "T011": (),
        "T013": (),
        "T026": ("T011", "T013"),
        "T027": ("T011", "T013"),
        "T032": ("T011", "T013"),
    }
    assert finding_lines(SPEC_KIT, "tasks.md") == []


def test_an_architecture_note_naming_groups_in_its_dependencies_reads_no_items() -> None:
    note = """\
# Architecture

## Dependencies

The web layer (v2, v3) extends the modules created by the core (v1),
so build the core first.
"""
    assert read_items(note, "docs/architecture.md") == ()
    assert finding_lines(note, "docs/architecture.md") == []


ACTIONS = """\
# Work Queue

## MODULE: PRINT

| Task | Status | Notes |
|---|---|---|
| Print order wiring | DONE | |
| Proof approval | PENDING | |

## GEORGE'S MANUAL ACTIONS NEEDED (do these yourself)

| Action | Priority | Why |
|---|---|---|
| `npx prisma db push` against Railway | **CRITICAL** | Calendar models need it |
| Confirm Stripe keys in Railway | Medium | Fundraising needs them |
"""


def test_a_table_of_actions_by_priority_after_the_status_tables_reads_as_items() -> None:
    # the heading says whose actions they are
    read = [(i.title, i.status, i.priority, i.dri) for i in read_items(ACTIONS, "WORK_QUEUE.md")]
    assert read == [
        ("Print order wiring", "DONE", None, None),
        ("Proof approval", "PENDING", None, None),
        ("npx prisma db push against Railway", None, "CRITICAL", "George"),
        ("Confirm Stripe keys in Railway", None, "Medium", "George"),
    ]
    assert finding_lines(ACTIONS, "WORK_QUEUE.md") == []


def test_a_runbook_table_of_actions_by_priority_reads_no_items() -> None:
    runbook = """\
# On-call runbook

## Alice's first steps

| Action | Priority | Why |
|---|---|---|
| Check the dashboard | High | See what is down |
| Page the database owner | Medium | When the database is down |
"""
    assert read_items(runbook, "docs/runbook.md") == ()
    assert finding_lines(runbook, "docs/runbook.md") == []
