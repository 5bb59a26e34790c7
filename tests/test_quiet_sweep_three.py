"""Quiet by default, swept a third time across fifty-three public plan files in neither the
corpus nor the earlier sweeps (issue 20), after the readings merged since the second: each
class of false alarm the sweep found, in a small document written the way the real file
was, with no finding; and beside it the real defect of the same rule, still found."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import cli, finding_lines, read_items

# A product backlog kept by a coding agent: a Priority Legend of coloured marks that each
# name a band, over heading items that write fields of their own (Effort, ARB Reference).
BACKLOG = """\
# Product Backlog - Zombie Blaster

## Priority Legend
- 🔴 **P0** - Critical/Blocker (Must have for current sprint)
- 🟠 **P1** - High Priority (Should have for current sprint)
- 🟡 **P2** - Medium Priority (Nice to have)

## 🔴 P0 - CRITICAL

#### KIRO-003: Create 3-Minute Demo Video
- **Priority**: 🔴 P0 - CRITICAL
- **Effort**: L (10-12 hours)
- **Deadline**: Dec 2-3 (Days 5-6)
- **Tasks**:
  - [ ] 0:00-0:30: Hook & problem statement
  - [ ] 0:30-1:30: Gameplay demonstration
- **ARB Reference**: Kiroween Submission Agent Review

## 🟠 P1 - HIGH PRIORITY

### Architecture Recommendations

#### ARCH-001: Continue game_engine.py Refactoring
- **Priority**: 🟠 P1
- **Effort**: L (2-3 days)
- **Description**: Extract PlayerController, ZombieController, CollisionController
- **Goal**: Reduce from 1,500 lines to < 500 lines
- **ARB Reference**: Architecture Agent Review

### QA/Testing Recommendations

#### QA-001: Reorganize Test Structure
- **Priority**: 🟠 P1
- **Effort**: M (4-6 hours)
- **Description**: Move from flat structure to organized test directories
- **ARB Reference**: QA/Testing Agent Review
"""


def test_a_priority_legend_over_items_with_fields_of_their_own_is_that_backlogs_format() -> None:
    assert finding_lines(BACKLOG, "BACKLOG.md") == []


def test_such_a_backlog_still_reports_an_id_written_twice() -> None:
    twice = BACKLOG.replace("#### QA-001: Reorganize", "#### ARCH-001: Reorganize")
    assert finding_lines(twice, "BACKLOG.md") == ["32:RL102"]


def test_a_priority_legend_over_items_with_roadmaplints_fields_still_asks_for_them() -> None:
    ours = """\
# Roadmap

## Priority Legend

- `P0` – must ship
- `P1` – should ship

## Items

### API-1 — Parser

- **Status:** ready
- **Priority:** P0
- **DRI:** @ana

### API-2 — Printer

- **Priority:** P1
- **DRI:** @ben
"""
    assert "16:RL103" in finding_lines(ours, "ROADMAP.md")


def test_a_mark_written_with_its_name_is_in_the_legend_and_another_band_is_not() -> None:
    ours = BACKLOG.replace("- **Effort**", "- **DRI**").replace("ARB Reference", "Area")
    ours = ours.replace("- **Deadline**: Dec 2-3 (Days 5-6)\n", "")
    assert not [line for line in finding_lines(ours, "BACKLOG.md") if line.endswith("RL202")]
    wrong = ours.replace(
        "- **Priority**: 🟠 P1\n- **DRI**: L (2-3 days)",
        "- **Priority**: 🟠 P7\n- **DRI**: L (2-3 days)",
    )
    assert "23:RL202" in finding_lines(wrong, "BACKLOG.md")


def _task(ident: str, status: str, dependencies: str, parent: str = "") -> str:
    written = f"parent_task_id: {parent}\n" if parent else ""
    return (
        f"---\nid: {ident}\ntitle: Work {ident}\nstatus: {status}\nassignee: []\n"
        f'created_date: "2026-05-30"\nlabels: []\ndependencies: {dependencies}\n'
        f"{written}priority: high\n---\n\n## Description\n\nThe work.\n"
    )


def _folder(root: Path, tasks: dict[str, str]) -> None:
    from tests.taskfolder_texts import CONFIG

    folder = root / "backlog" / "tasks"
    folder.mkdir(parents=True)
    (root / "backlog" / "config.yml").write_text(CONFIG, encoding="utf-8")
    for name, text in tasks.items():
        (folder / f"{name} - work.md").write_text(text, encoding="utf-8")


def test_a_done_subtask_that_lists_its_open_parent_among_its_dependencies(tmp_path: Path) -> None:
    # Backlog.md's sub-task of an epic still To Do, as its parent's other parts are.
    _folder(
        tmp_path,
        {
            "task-27": _task("task-27", "To Do", "[]"),
            "task-27.1": _task("task-27.1", "Done", "[task-27]", parent="TASK-27"),
            "task-27.2": _task("task-27.2", "Done", "[task-27.1]"),
        },
    )
    assert cli("check", "backlog", cwd=tmp_path).stdout.count("RL304") == 0


def test_a_done_task_on_an_open_task_that_is_not_its_parent_is_still_reported(
    tmp_path: Path,
) -> None:
    _folder(
        tmp_path,
        {
            "task-21": _task("task-21", "To Do", "[]"),
            "task-27": _task("task-27", "To Do", "[]"),
            "task-27.1": _task("task-27.1", "Done", "[task-27, task-21]", parent="TASK-27"),
        },
    )
    found = cli("check", "backlog", cwd=tmp_path).stdout
    assert "RL304 TASK-27.1 is Done but depends on TASK-21" in found
    assert "depends on TASK-27," not in found


# A planning roadmap's phases: a field whose bold name has a remark in brackets before its
# colon, right under the Status line.
PHASES = """\
# Roadmap

### Phase 58: Security Hardening
**Goal**: Audit all API routes for input validation gaps
**Depends on**: None
**Status**: Complete
**Success Criteria** (what must be TRUE):
  1. All API routes validate input with Zod schemas

### Phase 59: Production Smoke Test
**Goal**: Verify the server runs the latest code
**Depends on**: Phase 58
**Status**: Ready
**Success Criteria** (what must be TRUE):
  1. The app responds on the tailnet
"""


def test_a_field_named_with_a_remark_before_its_colon_ends_the_status_above_it() -> None:
    first, second = read_items(PHASES, "ROADMAP.md")
    assert (first.status, second.status) == ("Complete", "Ready")
    assert second.field("success criteria") is not None
    assert finding_lines(PHASES, "ROADMAP.md") == []


def test_a_ready_phase_on_one_not_done_is_still_reported() -> None:
    open_first = PHASES.replace("**Status**: Complete", "**Status**: In progress")
    assert finding_lines(open_first, "ROADMAP.md") == ["12:RL306"]


# An agent's TODO of boxes under status headings; under the Blocked one, a sub-heading of
# notes on what blocks it, written as plain bullets.
BLOCKED = """\
# TODO - Fix PTY Data Flow in E2E Tests

## Completed
- [x] Run initial E2E test to establish baseline failure (iteration 1)
- [x] Verify E2E test passes (iteration 5)

## In Progress

## Blocked
- [x] Build permission denied - multi-user environment issue (iteration 16)

### Blocker Details
The reviewer process runs as a different user than the code author, even with:
- `fs.promises.rm({ force: true })` - Unix doesn't allow removing files you don't own
- Creating directories with mode 0o777 - existing files still have wrong ownership
"""


def test_plain_bullets_under_a_heading_of_notes_below_a_status_heading_are_no_items() -> None:
    assert [item.title for item in read_items(BLOCKED, "TODO.md")] == [
        "Run initial E2E test to establish baseline failure (iteration 1)",
        "Verify E2E test passes (iteration 5)",
        "Build permission denied - multi-user environment issue (iteration 16)",
    ]
    assert finding_lines(BLOCKED, "TODO.md") == []


def test_a_status_headings_own_plain_bullets_are_still_its_items() -> None:
    plain = """\
# TODO

## Done
- Parser reads tables

## Blocked
- Printer output

### Notes
- Ask legal again on Monday
"""
    items = read_items(plain, "TODO.md")
    assert [item.title for item in items][:2] == [
        "Parser reads tables",
        "Printer output",
    ]
    assert "7:RL502" in finding_lines(plain, "TODO.md")


# A backlog of ideas by category; what shipped is logged in one table across categories.
CATEGORIES = """\
# UX Backlog

## Implemented

| # | Feature | Status |
|---|---------|--------|
| A1 | Dashboard trend graphs | Klart |
| A2 | Customer onboarding checklist | Klart |
| B1 | Booking reminders 24h | Klart |
| B3 | Business insights | Klart |
| C1 | Recurring bookings | Klart |

## B category -- medium effort

| # | Feature | Status |
|---|---------|--------|
| B5 | Waitlist | Idea |
| B6 | Calendar sync | Idea |
"""


def test_one_more_prefix_in_a_section_that_logs_several_kinds_is_no_stray() -> None:
    assert finding_lines(CATEGORIES, "BACKLOG.md") == []


def test_one_prefix_among_items_of_one_other_prefix_is_still_a_stray() -> None:
    one_kind = CATEGORIES.replace("| B1 |", "| A3 |").replace("| B3 |", "| A4 |")
    assert finding_lines(one_kind, "BACKLOG.md") == ["11:RL106"]


OLD_TASK = "# task-2 - Add MCP server\n\n## Description\n\nServe the model to agents.\n"


def test_an_archived_task_written_without_front_matter_asks_for_no_status(tmp_path: Path) -> None:
    _folder(tmp_path, {f"task-{n}": _task(f"task-{n}", "To Do", "[]") for n in (3, 4, 5, 6)})
    archive = tmp_path / "backlog" / "archive" / "tasks"
    archive.mkdir(parents=True)
    (archive / "task-2 - Add MCP server.md").write_text(OLD_TASK, encoding="utf-8")
    assert "RL103" not in cli("check", "backlog", cwd=tmp_path).stdout


def test_a_live_task_without_the_status_the_others_write_is_still_reported(tmp_path: Path) -> None:
    tasks = {f"task-{n}": _task(f"task-{n}", "To Do", "[]") for n in (3, 4, 5, 6)}
    tasks["task-7"] = _task("task-7", "To Do", "[]").replace("status: To Do\n", "")
    _folder(tmp_path, tasks)
    assert "RL103 TASK-7 is missing the required field Status" in (
        cli("check", "backlog", cwd=tmp_path).stdout
    )
