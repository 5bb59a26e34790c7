"""Quiet by default, swept a fourth time across sixty-one public plan files and ten files
near them in neither the corpus nor the earlier sweeps (issue 20), after the readings
merged since the third: each class of false alarm the sweep found, in a small document
written the way the real file was, with no finding; and beside it the real defect of the
same rule, still found."""

from __future__ import annotations

from tests.conftest import finding_lines, read_items

# A design document's schema table: no column of it names an item or says a state.
DESIGN = """\
# Objectifs : tâches liées

Chaque objectif porte des tâches, créées par le manager.

## Modèle

| Colonne | Type | Contraintes |
|---------|------|-------------|
| objective_id | uuid | FK, NOT NULL |
| title | string | NOT NULL |
"""

# A changelog kept as Keep a Changelog writes it: a version and its date on each release.
CHANGELOG = """\
# Changelog

All notable changes to this project will be documented in this file.

## [Unreleased]

feat: launches use the logged-in subscription.

## [1.9.1] - 2026-03-25

feat: support base_branch in matrix YAML (#162)

## [1.9.0] - 2026-03-20

fix: worktrees are removed on exit
"""

# A guide whose sections are numbered in order, as a document's outline is.
GUIDE = """\
# Migrating from todo.txt to todomd

Migration is feasible, but some conversions should be considered.

## 1. Compatibility of Core Metadata

The metadata symbols are kept.

## 2. Completion Dates

A done task writes its date after the box.

### 2.1 Dates without a box

They are read as notes.

## 3. Recurring Tasks

Not supported yet.
"""


def test_a_table_with_neither_an_item_column_nor_a_state_column_is_no_near_miss() -> None:
    assert finding_lines(DESIGN, "design.md") == []


def test_a_table_that_says_a_state_but_names_no_item_still_comes_close() -> None:
    states = DESIGN.replace("| Colonne | Type | Contraintes |", "| Colonne | Type | Status |")
    assert finding_lines(states, "design.md") == ["1:RL109"]


def test_a_changelogs_releases_are_no_near_miss() -> None:
    assert finding_lines(CHANGELOG, "CHANGELOG.md") == []


def test_a_bracketed_id_with_a_digit_that_is_no_release_still_comes_close() -> None:
    near = CHANGELOG.replace("## [1.9.1] - 2026-03-25", "## [api.1] - Parser")
    assert finding_lines(near, "CHANGELOG.md") == ["1:RL109"]


def test_sections_numbered_in_order_are_a_documents_outline_no_near_miss() -> None:
    assert finding_lines(GUIDE, "todotxt.md") == []


def test_a_lone_numbered_heading_or_one_out_of_order_still_comes_close() -> None:
    lone = GUIDE.replace("## 2. Completion Dates", "## Completion Dates").replace(
        "## 3. Recurring", "## Recurring"
    )
    assert finding_lines(lone, "todotxt.md") == ["1:RL109"]
    skipped = GUIDE.replace("## 2. Completion Dates", "## 5. Completion Dates")
    assert finding_lines(skipped, "todotxt.md") == ["1:RL109"]


def test_documents_near_plans_read_no_items() -> None:
    for text in (DESIGN, CHANGELOG, GUIDE):
        assert read_items(text, "NOTES.md") == ()


# A roadmap's phase that says under a label what it is blocked on, and phases whose tasks'
# table says in a column what each waits for.
PHASES = """\
# Studio - Roadmap

## Phase 4 - Data Type Decoders

**Status:** Blocked

**BLOCKED on:** `irig106-decode` plus supporting ecosystem crates.

| #   | Task | Est. |
|-----|------|------|
| 4.1 | MIL-STD-1553 decoder integration | L |

## Phase 5 - Advanced Visualization

**Status:** Blocked

| #   | Task | Blocked on | Est. |
|-----|------|------------|------|
| 5.1 | Real waveform engine backed by decoded samples | Phase 4 | L |
| 5.2 | 1553 bus monitor view | 4.1 | L |
"""


def test_a_blocked_phase_that_says_under_a_label_what_it_is_blocked_on_names_it() -> None:
    assert finding_lines(PHASES, "ROADMAP.md") == []
    phase = read_items(PHASES, "ROADMAP.md")[0]
    assert phase.external_deps  # what it waits for, read as its dependency


def test_a_blocked_phase_that_says_nothing_of_what_it_waits_for_is_still_reported() -> None:
    silent = PHASES.replace(
        "**BLOCKED on:** `irig106-decode` plus supporting ecosystem crates.\n", ""
    ).replace("| #   | Task | Blocked on | Est. |", "| #   | Task | Area | Est. |")
    assert finding_lines(silent, "ROADMAP.md") == ["5:RL502", "14:RL502"]
    # blocked for a while is no thing it waits for
    waiting = silent.replace("**Status:** Blocked\n\n| #", "**Status:** Blocked for a week\n\n| #")
    assert "5:RL502" in finding_lines(waiting, "ROADMAP.md")


# A status log kept by an agent: under ## Blocked, each bullet is a sentence saying what
# stands in the way.
STATUS_LOG = """\
# Tasks

## Done

- Wrote the runtime verification suite.

## Blocked

- The current Apache-2.0 license is still permissive for redistribution, which
  may conflict with a proprietary sales model.
- Need better campus-grounded zone placement before adding many more map features.

## Out of scope
- A hosted service.
"""


def test_bullets_under_blocked_that_say_what_stands_in_the_way_name_what_they_wait_for() -> None:
    assert [item.status for item in read_items(STATUS_LOG, "TASKS.md")][:3] == [
        "done",
        "blocked",
        "blocked",
    ]
    assert finding_lines(STATUS_LOG, "TASKS.md") == []


def test_a_bullet_under_blocked_that_names_only_the_work_is_still_reported() -> None:
    work = STATUS_LOG.replace(
        "- Need better campus-grounded zone placement before adding many more map features.",
        "- Printer output",
    )
    assert finding_lines(work, "TASKS.md") == ["11:RL502"]


# A work queue an agent keeps: one phase of audits, a box per file, and the findings of
# each file under its own heading, with the audit of the next file among them.
AUDITS = """\
# Work Queue

**Format:**
- `- [ ]` = not started
- `- [~]` = in progress (Claude marks this)
- `- [x] <sha>` = done

## Active — Feature audit

Phase 2 (static audit) — one feature per iteration:
- [x] Phase 2: audit Buergschaft.tsx
- [~] Phase 2: audit GaebKonverter.tsx
- [ ] Phase 2: audit Nav.tsx

### GaebKonverter — UX

- [ ] GaebKonverter.tsx:654 — position preview is capped at 200 rows.
- [ ] Phase 2: audit Kalkulator.tsx

### Kalkulator — confirmed via direct read

- [ ] Kalkulator.tsx:277 — CSV export joins lines with a bare newline.
- [ ] Phase 2: audit Mittellohn.tsx
"""


def test_a_phase_box_alone_among_findings_is_a_step_of_the_phase_boxes_share() -> None:
    titles = [item.title for item in read_items(AUDITS, "WORK_QUEUE.md")]
    assert "Phase 2: audit Kalkulator.tsx" in titles
    assert "Phase 2: audit Mittellohn.tsx" in titles
    assert finding_lines(AUDITS, "WORK_QUEUE.md") == []


def test_a_phase_checklist_pasted_twice_still_has_its_phases_written_twice() -> None:
    checklist = """\
# Roadmap

- [x] Phase 1: Foundation
- [ ] Phase 2: Parser
- [ ] Phase 3: Printer
- [x] Phase 1: Foundation
- [ ] Phase 2: Parser
"""
    assert finding_lines(checklist, "ROADMAP.md") == ["6:RL102", "7:RL102"]


# A tool's reference page, titled by the tool's name: the messages it answers with, each a
# quoted literal in bold.
TOOL_PAGE = """\
# tasks (Background Task Management)

Fallback tool for clients without native task support.

## Errors

- **"task_id is required"** -- `get` and `cancel` need a `task_id`
- **"Task not found"** -- The specified task ID does not exist or has expired
"""


def test_bold_quoted_messages_on_a_reference_page_are_no_work() -> None:
    assert read_items(TOOL_PAGE, "tasks.md") == ()
    assert finding_lines(TOOL_PAGE, "tasks.md") == []


def test_bold_titled_bullets_of_a_task_list_are_still_its_work() -> None:
    queue = TOOL_PAGE.replace('**"task_id is required"**', "**Require a task_id**").replace(
        '**"Task not found"**', "**Say when a task is not found**"
    )
    assert [item.title for item in read_items(queue, "tasks.md")] == [
        "Require a task_id",
        "Say when a task is not found",
    ]


# A French roadmap: a legend of marks, and phases that end with the mark and the word.
FRENCH = """\
# Roadmap Izi-RH

## Légende

- ✅ Terminé et validé
- 🔄 En cours
- ⏳ Planifié

## Phase 0 — Infrastructure & Fondations ✅ TERMINÉE

- ✅ Rails 7.1.6 + PostgreSQL

## Phase 1 — Production Readiness ✅ TERMINÉE (2026-02-16)

- ✅ Sprint 1.2 — 619/619 tests passing

## Phase 9 — Intégrations

- ⏳ Export de paie
"""


def test_phases_that_end_with_a_french_status_word_read_that_status() -> None:
    items = read_items(FRENCH, "ROADMAP.md")
    assert [(item.id, item.title) for item in items] == [
        ("Phase 0", "Infrastructure & Fondations"),
        ("Phase 1", "Production Readiness"),
        ("Phase 9", "Intégrations"),
    ]
    from roadmaplint.settings import common_meaning

    assert [common_meaning(item.status) for item in items] == ["done", "done", None]
    assert finding_lines(FRENCH, "ROADMAP.md") == []
