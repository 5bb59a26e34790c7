"""The classes of plan file the held-out rounds left unread (ROADMAP CORE-91 to CORE-100,
tests/corpus/README.md), each in a small document read as a person reads it, with no
finding; and beside each new reading a document that is no plan, which reads no items
and no finding."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import finding_lines, read_items

from roadmaplint.cli import main
from roadmaplint.reader import parse
from roadmaplint.reader.incremental import full_snapshot, update
from roadmaplint.settings import Settings

STEPS = """\
# Mejoras

### CORE-01: Validación de estado

**Prioridad:** 🔴 ALTA | **Asignado:** TBD

**Tareas:**
- [x] CORE-01.1: Crear enums de estados ✅
- [ ] CORE-01.2: Migrar esquemas antiguos

### CORE-02: Reintentos

**Prioridad:** 🟡 MEDIA | **Asignado:** Jules

**Tareas:**
- [x] CORE-02.1: Instalar tenacity ✅
- [x] CORE-02.2: Circuit breaker
"""


def test_an_owner_to_be_named_is_none_and_a_done_steps_closing_mark_no_title() -> None:
    # ``**Asignado:** TBD``: nobody holds the task yet, nor its steps (the task keeps the
    # word as written: which words mean nobody is the configuration's no-dri); the ✅
    # closing a ticked step says again what its box says
    read = [(i.id, i.title, i.status, i.dri) for i in read_items(STEPS)]
    assert read == [
        ("CORE-01", "Validación de estado", None, "TBD"),
        ("CORE-01.1", "Crear enums de estados", "done", None),
        ("CORE-01.2", "Migrar esquemas antiguos", "[ ]", None),
        ("CORE-02", "Reintentos", None, "Jules"),
        ("CORE-02.1", "Instalar tenacity", "done", "Jules"),
        ("CORE-02.2", "Circuit breaker", "done", "Jules"),
    ]
    assert finding_lines(STEPS) == []


def test_an_open_box_ending_with_a_check_mark_keeps_it_in_its_title() -> None:
    # the mark is the title's where the box is open: a person wrote it there on purpose
    plan = "# TODO\n\n- [ ] Check the ✅\n- [x] Ship it ✅\n"
    read = [(i.title, i.status) for i in read_items(plan)]
    assert read == [("Check the ✅", "[ ]"), ("Ship it", "done")]


def test_a_changelog_with_check_marks_and_a_tbd_reads_no_items() -> None:
    changelog = """\
# Changelog

## 1.2.0

- Parser rewritten ✅
- Owner of the docs site: TBD
"""
    assert read_items(changelog, "CHANGELOG.md") == ()
    assert finding_lines(changelog, "CHANGELOG.md") == []


PARTS = """\
# Roadmap

### Sheets Integration
**Status:** Phase 1 Complete ✅
**Effort:** Medium

#### Phase 1: Read Access ✅
- [x] API setup

#### Phase 2: Write Access
- [ ] Add entries

### Calendar
**Status:** Phase 2 Complete ✅

#### Phase 1: Types
- [x] Classifier

#### Phase 2: Sync
- [x] Sync job
"""


def test_a_status_naming_one_of_several_phases_done_reads_in_progress() -> None:
    # ``Phase 1 Complete ✅`` over a Phase 2 still to come: work under way; the last of
    # its phases complete is the status as written
    read = [(i.title, i.status) for i in read_items(PARTS)]
    assert read == [("Sheets Integration", "in progress"), ("Calendar", "Phase 2 Complete ✅")]
    assert finding_lines(PARTS) == []


def test_release_notes_naming_a_phase_complete_read_no_items() -> None:
    notes = """\
# Release notes

**Status:** Phase 1 Complete ✅, thanks to everyone who tested it.

## What comes next

Phase 2 reaches every region next week, Phase 3 in the spring.
"""
    assert read_items(notes, "NOTES.md") == ()
    assert finding_lines(notes, "NOTES.md") == []


EPICS = """\
# Epics

## Epic 1 — Foundation ✅ (done)

Set up the repository.

## Epic 2 — Engine ✅ (done)

The extraction engine.

## Epic 3 — Schema ✅ (done)

The domain schema.

## Epic 4 — Worker

Depends on Epics 2 + 3.

## Epic 5 — Deployment

Last; depends on everything.

---

**Sequencing:** 1 → (2 ∥ 3) → 4 → 5, with Epic 5 shipped last.
"""


def test_a_closing_sequencing_line_and_depends_on_everything_give_dependencies() -> None:
    # Epics 2 and 3 write no dependency: the line's step before theirs is; Epic 4 keeps
    # its own; Epic 5 waits for every other epic
    read = {i.id: i.depends_on for i in read_items(EPICS)}
    assert read == {
        "Epic 1": (),
        "Epic 2": ("Epic 1",),
        "Epic 3": ("Epic 1",),
        "Epic 4": ("Epic 2", "Epic 3"),
        "Epic 5": ("Epic 1", "Epic 2", "Epic 3", "Epic 4"),
    }
    assert finding_lines(EPICS) == []


def test_an_edit_of_one_epic_reads_every_dependency_as_the_whole_read_does() -> None:
    # Epic 4 renumbered: the sequencing line's 4 names no epic now, and Epic 5 waits for
    # Epic 6: both hang on the one edited heading
    new_text = EPICS.replace("## Epic 4 — Worker", "## Epic 6 — Worker")
    again = update(full_snapshot(EPICS, "PLAN.md", Settings()), new_text).roadmap
    whole = parse(new_text, "PLAN.md", Settings())
    assert [(i.id, i.depends_on) for i in again.items] == [
        (i.id, i.depends_on) for i in whole.items
    ]
    assert dict((i.id, i.depends_on) for i in whole.items)["Epic 5"][-1] == "Epic 6"


def test_a_readme_with_arrows_between_numbers_reads_no_items() -> None:
    readme = """\
# Pipeline

**Stages:** 1 → 2 → 3, each a container.

Every stage depends on everything before it being configured.
"""
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []


FEATURES = """\
# Product Backlog

## Features

### Epic: Admin Management
**Priority**: 🟠 P1 | **Status**: In Progress

#### F-001: Identify admins
- **Tasks**:
  - [ ] Add the flag

#### F-002: Just-in-time access
- **Dependencies**: F-001

### Epic: Automation
**Priority**: 🔴 P0 | **Status**: In Progress

#### F-007: QA agent
- **Status**: Mostly complete, needs validation

#### F-008: Docs agent
- **Priority**: P2
- **Status**: Not Started
"""


def test_features_take_the_priority_their_epics_field_line_writes() -> None:
    # the epic's ``**Priority**: 🟠 P1`` line gives its features their priority where they
    # write none; a status of its own stays each feature's, the epic's is no feature's
    # (the epic is an item of its own, tests/test_reading_leftovers_seven.py)
    read = [(i.id, i.priority, i.status) for i in read_items(FEATURES)]
    assert read == [
        ("admin-management", "🟠 P1", "In Progress"),
        ("F-001", "🟠 P1", None),
        ("F-002", "🟠 P1", None),
        ("automation", "🔴 P0", "In Progress"),
        ("F-007", "🔴 P0", "Mostly complete, needs validation"),
        ("F-008", "P2", "Not Started"),
    ]
    assert finding_lines(FEATURES) == []


def test_a_guide_with_a_priority_line_under_a_heading_reads_no_items() -> None:
    guide = """\
# Contributing

### Reporting bugs
**Priority**: security reports first | **Status**: always open

Open an issue with the steps that show the bug.
"""
    assert read_items(guide, "CONTRIBUTING.md") == ()
    assert finding_lines(guide, "CONTRIBUTING.md") == []


def test_an_edit_of_a_feature_keeps_its_epics_priority_as_the_whole_read_does() -> None:
    # F-001 read alone names no priority: the edit reads the plan whole, as the epic's
    # line gives it one
    for old, new in (("Add the flag", "Add the admin flag"), ("🟠 P1", "🟡 P2")):
        text = FEATURES.replace(old, new)
        again = update(full_snapshot(FEATURES, "PLAN.md", Settings()), text).roadmap
        whole = parse(text, "PLAN.md", Settings())
        assert [(i.id, i.priority, i.fields) for i in again.items] == [
            (i.id, i.priority, i.fields) for i in whole.items
        ]


READINESS = """\
# Task Readiness Log

## Summary

| Task ID | Title | Owner | Status | Readiness | Blockers |
|---------|-------|-------|--------|-----------|----------|
| TSK-0001 | Provision storage | DevOps Lead | To Do | ✅ Ready | None |
| TSK-0002 | Upload API | Backend Lead | To Do | ✅ Ready | TSK-0001 |
| TSK-0003 | Text extraction | Backend Lead | To Do | ⚠️ Needs Clarification | API key |
| TSK-0004 | Tests | QA Lead | To Do | ✅ Ready | TSK-0001 to TSK-0003 |
| **Total** | **4 tasks** | - | - | **3 Ready** | - |

## Tasks

### TSK-0001: Provision storage
**Status:** ✅ Ready
**Owner:** DevOps Lead

### TSK-0002: Upload API
**Status:** ✅ Ready
**Owner:** Backend Lead

**Dependencies:**
- Upstream: TSK-0001 (storage)

### TSK-0003: Text extraction
**Status:** ⚠️ Needs Clarification
**Owner:** Backend Lead

**Dependencies:**
- Upstream: TSK-0001

### TSK-0004: Tests
**Status:** ✅ Ready
**Owner:** QA Lead

**Dependencies:**
- Upstream: TSK-0001 to TSK-0003 (all implementation tasks)
"""


def test_a_readiness_status_gives_way_to_its_tables_status_and_a_noted_range_reads_whole() -> None:
    # the headings' Status is the Readiness column's word: where the work stands is the
    # table's To Do; a range with a note names every task of it, not its first
    read = [(i.id, i.status, i.depends_on) for i in read_items(READINESS)]
    assert read == [
        ("TSK-0001", "To Do", ()),
        ("TSK-0002", "To Do", ("TSK-0001",)),
        ("TSK-0003", "To Do", ("TSK-0001",)),
        ("TSK-0004", "To Do", ("TSK-0001", "TSK-0002", "TSK-0003")),
    ]
    assert finding_lines(READINESS) == []


def test_a_checklist_of_readiness_with_a_range_in_prose_reads_no_items() -> None:
    checklist = """\
# Release checklist

**Readiness:** ✅ Ready for the 2.0 tag.

**Dependencies:** REL-1 to REL-3 (the build steps), run on every tag.
"""
    assert read_items(checklist, "CHECKLIST.md") == ()
    assert finding_lines(checklist, "CHECKLIST.md") == []


SHIPPED = """\
# Roadmap: Shop

## Phases

<details>
<summary>v1.0 MVP (Phases 1-2) - SHIPPED 2026-01-20</summary>

- Phase 1: Foundation (auth, orgs)
- Phase 2: Catalogue (products, prices)

</details>

### Phase 3: Checkout

**Goal**: people can pay

**Depends on**: Phase 2

## Progress

| Phase | Milestone | Plans Complete | Status | Completed |
|-------|-----------|----------------|--------|-----------|
| 1-2 | v1.0 | - | Complete | 2026-01-20 |
| 3. Checkout | v1.1 | 1/2 | In Progress | - |
"""


def test_a_shipped_milestones_plain_bullet_phases_read_as_its_phases() -> None:
    # the bullets in the shipped <details> are phases 1 and 2, of the status the progress
    # row's range 1-2 gives; Phase 3's dependency on Phase 2 names one of them
    read = [(i.id, i.title, i.status, i.depends_on) for i in read_items(SHIPPED)]
    assert read == [
        ("Phase 1", "Foundation", "Complete", ()),
        ("Phase 2", "Catalogue", "Complete", ()),
        ("Phase 3", "Checkout", "In Progress", ("Phase 2",)),
    ]
    assert finding_lines(SHIPPED) == []


def test_release_notes_with_phase_bullets_in_details_read_no_items() -> None:
    notes = """\
# Release notes

<details>
<summary>1.0 - shipped</summary>

- Phase 1: the parser
- Phase 2: the checker

</details>
"""
    assert read_items(notes, "RELEASES.md") == ()
    assert finding_lines(notes, "RELEASES.md") == []


def test_an_edit_of_a_task_keeps_its_tables_status_as_the_whole_read_does() -> None:
    # TSK-0003 read alone says its readiness: the summary table's To Do hangs on the rest
    old = "**Owner:** Backend Lead\n\n**Dependencies:**\n- Upstream: TSK-0001\n"
    text = READINESS.replace(old, old.replace("Backend Lead", "Backend Team"))
    again = update(full_snapshot(READINESS, "PLAN.md", Settings()), text).roadmap
    whole = parse(text, "PLAN.md", Settings())
    assert [(i.id, i.status, i.dri) for i in again.items] == [
        (i.id, i.status, i.dri) for i in whole.items
    ]
    assert dict((i.id, i.status) for i in whole.items)["TSK-0003"] == "To Do"


def test_a_status_or_priority_set_on_such_an_item_is_written_where_the_item_writes_it(
    tmp_path: Path,
) -> None:
    # the field under the heading stays the item's: set writes there and reads back
    plan = tmp_path / "PLAN.md"
    plan.write_text(READINESS + "\n" + FEATURES.replace("# Product Backlog\n", ""), "utf-8")
    assert main(["set", "TSK-0003", "--status", "Done", str(plan)]) == 0
    assert main(["set", "F-001", "--priority", "P2", str(plan)]) == 0
    read = {i.id: (i.status, i.priority) for i in read_items(plan.read_text("utf-8"))}
    assert read["TSK-0003"] == ("Done", None)
    assert read["F-001"] == (None, "P2")


def test_a_status_set_on_a_shipped_phase_bullet_refuses_and_leaves_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the bullet has no field to write: one line, exit 2, the file as it was
    plan = tmp_path / "ROADMAP.md"
    plan.write_text(SHIPPED, "utf-8")
    assert main(["set", "Phase 1", "--status", "In Progress", str(plan)]) == 2
    assert plan.read_text("utf-8") == SHIPPED
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
