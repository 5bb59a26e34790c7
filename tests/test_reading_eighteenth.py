"""The classes of plan file the eighteenth held-out set of the corpus (tests/corpus: a
mixed sample measured before any change, numbered 92-93 in headings/, 76-77 in tables/,
67-68 in phases/, 120-121 in checkboxes/) showed read wrong, each in a small document:
read as a person reads it, with no finding; and beside each new reading a document that
is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

TRACK = """\
# Track: Benchmark integration

**Status:** 🔄 Open

## Slice Schema

### brc-01 — Dependency Scope Audit
**Status:** [x] closed
**Owner:** slave

Audited every use of the driver.

### brc-02 — Test Import Fix
**Status:** [ ] pending
**Owner:** slave

### brc-03 — Native Execution
**Status:** [ ] pending
**Owner:** master
"""


def test_slices_named_by_a_lower_case_key_and_a_number_before_a_dash() -> None:
    # ``### brc-01 — Title`` over ``**Status:**`` and ``**Owner:**`` lines: the key and its
    # number are the slice's ID, the rest its title (it was a slug of the two together)
    read = [(i.id, i.title, i.status, i.dri) for i in read_items(TRACK, "plan.md")]
    assert read == [
        ("brc-01", "Dependency Scope Audit", "[x] closed", "slave"),
        ("brc-02", "Test Import Fix", "[ ] pending", "slave"),
        ("brc-03", "Native Execution", "[ ] pending", "master"),
    ]
    assert finding_lines(TRACK, "plan.md") == []


def test_one_keyed_heading_among_others_keeps_its_whole_title() -> None:
    # a key no sibling shares names nothing: ``api-2 — Pagination`` stays its title
    plan = """\
# Roadmap

### api-2 — Pagination
**Status:** Planned

### Search filters
**Status:** Done
"""
    assert [(i.title, i.status) for i in read_items(plan, "ROADMAP.md")] == [
        ("api-2 — Pagination", "Planned"),
        ("Search filters", "Done"),
    ]


def test_a_guide_of_keyed_steps_reads_no_items() -> None:
    guide = """\
# Installing the agent

### step-1 — Download
Fetch the archive for your platform.

### step-2 — Unpack
Unpack it anywhere on your path.

### step-3 — Run
Start it once to write its configuration.
"""
    # no item, and nothing but the near-miss note the reader gave such headings before it
    # read keyed slices (RL109: "step-1" is no ID of the default pattern), unchanged
    assert read_items(guide, "INSTALL.md") == ()
    assert [line.split(":")[1] for line in finding_lines(guide, "INSTALL.md")] == ["RL109"]


GLANCE = """\
# Product roadmap

## Roadmap at a glance

| Milestone | Status | Priority | Main dependency |
|---|---|---|---|
| M0 - Stabilization and Release Hygiene | Closed in v0.27.0 | Complete | Environment-gated evidence remains follow-up |
| M1 - Design Inventory | Current package frozen; handoff intake active | High | Approved design handoffs |
| M2 - Header and Footer System | Planned | High | M0, M1 (met) |
| M3 - Pro and Commercial Layer | Future | Low until Core kits are stable | Stable Free/Core product |

## 3. M0 - Stabilization and Release Hygiene

**Status:** Closed in v0.27.0 on 2026-06-19.

- Dependency triage finished.

## 4. M1 - Design Inventory

**Status:** Repository structure complete; handoff intake remains active.

## 5. M2 - Header and Footer System

**Status:** High priority after M0 and M1.

## 6. M3 - Pro and Commercial Layer

**Status:** Future. Do not build before Core kits are stable.
"""


def test_a_milestone_table_at_a_glance_over_numbered_chapters() -> None:
    # the table lists the milestones (``M0 - Title`` in one cell, as ``M0: Title`` is
    # read); the numbered chapters after it tell each row's story and are no second item
    # under their chapter numbers; ``Complete`` in the Priority column is no level, ``Low
    # until ...`` is Low, and the Main dependency column names what each waits on
    read = [(i.id, i.title, i.status, i.priority, i.depends_on) for i in read_items(GLANCE)]
    assert read == [
        ("M0", "Stabilization and Release Hygiene", "Closed in v0.27.0", None, ()),
        (
            "M1",
            "Design Inventory",
            "Current package frozen; handoff intake active",
            "High",
            (),
        ),
        ("M2", "Header and Footer System", "Planned", "High", ("M0", "M1")),
        ("M3", "Pro and Commercial Layer", "Future", "Low", ()),
    ]
    assert finding_lines(GLANCE) == []


def test_numbered_chapters_without_a_table_keep_their_own_ids() -> None:
    # no table names them: each chapter is the milestone its title names, with its status
    plan = """\
# Roadmap

## 1. M0 - Foundation

**Status:** Done

## 2. M1 - Sync

**Status:** In progress
"""
    read = [(i.id, i.title, i.status) for i in read_items(plan, "ROADMAP.md")]
    assert read == [("M0", "Foundation", "Done"), ("M1", "Sync", "In progress")]


def test_a_table_of_steps_written_id_dash_title_reads_no_items() -> None:
    # ``| S1 - Open the settings |`` under a Step column, no field of work beside it: a
    # how-to's steps, as ``| S1: Open |`` is
    guide = """\
# Setting up sync

| Step | What to do |
|---|---|
| S1 - Open the settings | Choose Sync from the menu. |
| S2 - Sign in | Use the account you sync with. |
| S3 - Pick folders | Tick the folders to keep in step. |
"""
    assert read_items(guide, "GUIDE.md") == ()
    assert finding_lines(guide, "GUIDE.md") == []


QUEUE = """\
# Work queue

## Queue

| ID | Title | Status | Priority | Depends On |
|---|---|---|---|---|
| TASK-001 | Create `.env.example` | DONE | HIGH | None |
| TASK-003 | Add a secret logging filter | BLOCKED | MEDIUM | None |
| TASK-008 | Add pre-commit hooks | PENDING | MEDIUM | None |

## Blocked

| ID | Title | Blocked Since | Reason |
|---|---|---|---|
| TASK-003 | Add a secret logging filter | 2026-06-07 | Scope mismatch: the card names a file the repository does not have |
"""


def test_a_blocked_task_whose_reason_the_blocked_table_gives() -> None:
    # the queue's Blocked table says what TASK-003 waits for, in its Reason column: said,
    # though no item of the plan is named, so no RL502; the task is read once
    read = [(i.id, i.status) for i in read_items(QUEUE, "WORK_QUEUE.md")]
    assert read == [("TASK-001", "DONE"), ("TASK-003", "BLOCKED"), ("TASK-008", "PENDING")]
    assert finding_lines(QUEUE, "WORK_QUEUE.md") == []


def test_a_blocked_task_that_no_table_gives_a_reason_still_names_nothing() -> None:
    # the same queue with the reason left blank: RL502 as before
    blank = QUEUE.replace("Scope mismatch: the card names a file the repository does not have", " ")
    assert [line for line in finding_lines(blank, "WORK_QUEUE.md") if "RL502" in line] != []
