"""The classes of plan file the twentieth held-out set of the corpus (tests/corpus: a mixed
sample of every family, measured before any change, numbered 00 and 18 in tables/, 33 in
headings/, 04 in phases/ and 134-136 in checkboxes/) showed read wrong or flagged
falsely, each in a small document: read as a person reads it, with no finding that is no
defect; and beside each new reading a document that is no plan, which reads no items and
no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

HORIZONS = """\
# Tool — Status & Roadmap

## Current state

- **Feature-complete for its scope.** Every pass is done.
- **But it has never been released.** No tags yet.

## Roadmap

### Phase 1 — Now (next 1–2 weeks)

1. **First public release.** Write the changelog, tag `v0.1.0`
   and publish the wheel.
2. **Package validation on a clean machine.** Install the wheel.

### Phase 2 — Next (2–6 weeks)

3. **Provider smoke matrix.** One scripted run per provider.
4. **User documentation**: a usage guide for the presets.

### Phase 3 — Later (optional/stretch)

5. Deferred ideas, in rough value order:
   - a keychain backend;
   - an HTTP transport.
6. Approval classification (explicitly deferred; the blocklist stays).
"""


def test_numbered_steps_under_the_horizons_of_a_roadmap() -> None:
    # ``### Phase 1 — Now (next 1–2 weeks)`` over ``1. **Title.** prose``: the steps are the
    # work, named by their bold lead or first sentence; a horizon with a time says when,
    # no status (the three headings read as the items and every step was missed)
    read = [(i.title, i.status) for i in read_items(HORIZONS, "NEXT_STEPS.md")]
    assert read == [
        ("First public release.", None),
        ("Package validation on a clean machine.", None),
        ("Provider smoke matrix.", None),
        ("User documentation", None),
        ("Deferred ideas, in rough value order:", None),
        ("Approval classification", None),
    ]
    assert finding_lines(HORIZONS, "NEXT_STEPS.md") == []


def test_a_phase_heading_that_names_no_horizon_stays_an_item() -> None:
    plan = HORIZONS.replace("Now (next 1–2 weeks)", "Foundation").replace(
        "Next (2–6 weeks)", "Providers"
    )
    plan = plan.replace("Later (optional/stretch)", "Polish")
    assert [i.id for i in read_items(plan, "NEXT_STEPS.md")] == ["Phase 1", "Phase 2", "Phase 3"]


TUTORIAL = """\
# Getting started

## Next: configure

1. Copy `config.example.toml` to `config.toml`.
2. Set your API key.

## Next: deploy

1. Build the image.
2. Push it to the registry.
"""


def test_a_tutorials_numbered_steps_under_next_headings_are_no_items() -> None:
    # one horizon word twice (``## Next: configure``, ``## Next: deploy``) is a guide's
    # order of steps, no roadmap of horizons
    assert read_items(TUTORIAL, "docs/getting-started.md") == ()
    assert finding_lines(TUTORIAL, "docs/getting-started.md") == []


LEDGER = """\
# MILESTONES.md -- milestone ledger

| # | Milestone | Exit condition | Evidence | Status |
| --- | --- | --- | --- | --- |
| M0 | Repository and isolation rules | Shipped tree is clean | `npm run audit` | REACHED |
| M1 | Discovery | Contradiction recorded | `docs/DISCOVERY.md` | REACHED |
| M2 | Live network | Contracts deployed | `docs/evidence.json` | PENDING |
"""


def test_a_milestone_ledger_titled_by_its_milestone_column() -> None:
    # ``| # | Milestone | ... | Status |``: beside the ID column the Milestone column titles
    # each row (every title read empty), and a milestone ``REACHED`` is done
    read = [(i.id, i.title, i.status) for i in read_items(LEDGER, "MILESTONES.md")]
    assert read == [
        ("M0", "Repository and isolation rules", "REACHED"),
        ("M1", "Discovery", "REACHED"),
        ("M2", "Live network", "PENDING"),
    ]
    assert finding_lines(LEDGER, "MILESTONES.md") == []
    assert finding_lines(LEDGER + "\nSee M3.\n", "MILESTONES.md") == []


TIMINGS = """\
# fastparse

A parser for config files.

## Performance

Timings on a laptop, by stage of a run:

| Stage | Milestone | Time |
| --- | --- | --- |
| 1 | Parse | 12 ms |
| 2 | Check | 30 ms |
"""


def test_a_readmes_timings_by_milestone_are_no_plan() -> None:
    assert read_items(TIMINGS, "README.md") == ()
    assert finding_lines(TIMINGS, "README.md") == []


TRACKER = """\
# Task Status Tracker

## Status Legend

| Status | Code | Description |
|--------|------|-------------|
| 🔲 PENDING | `PENDING` | Dependencies not met |
| 🟧 RUNNING | `RUNNING` | Agent actively working |
| ✅ DONE | `DONE` | Completed and merged |

## Phase 1

| ID | Task | Status | Agent |
|----|------|--------|-------|
| P1-001 | Create the repository | ✅ DONE | executor |
| P1-002 | Write the loader | ⬜ PENDING | executor |
| P1-003 | Write the tests | 🔵 IN PROGRESS | tester |
"""


def test_a_status_written_after_another_mark_than_its_legends() -> None:
    # ``⬜ PENDING`` where the legend writes ``🔲 PENDING``: the same status to a person
    # (RL201 said it was not in the legend, 60 times on one tracker); ``IN PROGRESS``,
    # a word the legend does not have, is still reported
    assert finding_lines(TRACKER, "TASK-STATUS.md") == ["17:RL201"]
    assert [i.dri for i in read_items(TRACKER, "TASK-STATUS.md")] == [
        "executor",
        "executor",
        "tester",
    ]


def test_a_legend_of_plain_words_keeps_its_spelling() -> None:
    # a legend that writes its words without marks: ``⬜ PENDING`` is another spelling
    plain = TRACKER.replace("| 🔲 PENDING |", "| PENDING |").replace("| ✅ DONE |", "| DONE |")
    plain = plain.replace("| 🟧 RUNNING |", "| RUNNING |")
    assert finding_lines(plain, "TASK-STATUS.md") == ["16:RL201", "17:RL201"]


GATED = """\
# Task Status Tracker

## Phase 1: Core

| ID | Task | Status | Agent |
|----|------|--------|-------|
| P1-001 | Create the repository | DONE | executor |
| P1-002 | Write the loader | PENDING | executor |

### Phase 1 Completion Review

**Review Sign-off:**
- [ ] All specialist reviews completed
- [ ] Final commit merged to main

### Phase 2 Sign-off Checklist

- [ ] All tests passing
- [ ] Lessons learned documented

## Active Issues

| Issue ID | Task ID | Severity | Description | Status | Owner |
|----------|---------|----------|-------------|--------|-------|
| - | - | - | No active issues | - | - |

## Change Log

| Timestamp | Task ID | Old Status | New Status | Agent | Notes |
|-----------|---------|------------|------------|-------|-------|
| 2026-02-05T00:00:00Z | ALL | - | - | executor | Phase 1 marked done |
| 2026-02-05T00:00:00Z | P1-001 | PENDING | DONE | executor | Scaffolding completed |
"""


def test_a_trackers_sign_off_boxes_empty_issues_and_change_log_are_no_items() -> None:
    # the boxes of a phase's sign-off (under ``**Review Sign-off:**`` or ``### Phase 2
    # Sign-off Checklist``) are the conditions it meets before it closes; ``| - | - | No
    # active issues | - |`` keeps an empty table's shape; a log of Old Status / New Status
    # tells of changes to the items (22 extra items on one tracker, one false RL201)
    read = [(i.id, i.status, i.dri) for i in read_items(GATED, "TASK-STATUS.md")]
    assert read == [("P1-001", "DONE", "executor"), ("P1-002", "PENDING", "executor")]
    assert finding_lines(GATED, "TASK-STATUS.md") == []


def test_a_phase_that_does_the_sign_off_keeps_its_boxes() -> None:
    # a phase named for its sign-off work (``(Sovereignty & Sign-off)``) holds work
    plan = """\
# Tasks

## Phase 9: Final audit (Sovereignty & Sign-off)

- [x] **Final-Sign-off**: issue the final compliance report
- [ ] **Release**: tag v1.0
"""
    assert [i.title for i in read_items(plan, "task.md")] == ["Final-Sign-off", "Release"]


SIGNING = """\
# Contributing

## Releasing

Before a release, the maintainer signs off:

**Maintainer sign-off:**
- [ ] The changelog names every change
- [ ] The version is bumped
"""


def test_a_guides_sign_off_list_is_no_plan() -> None:
    assert read_items(SIGNING, "CONTRIBUTING.md") == ()
    assert finding_lines(SIGNING, "CONTRIBUTING.md") == []
