"""What the break and writes passes left (SAFE-39, SAFE-41 to SAFE-44), each closed for
its class: readings that gave a false alarm on a document that is no plan, and writes
that refused in one line where a user expects the edit. Every write runs through the
real command line with the file's bytes compared before and after: only what was asked
changes, or one line, exit 2, and the file untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cli, finding_lines, read_items

# --- readings that gave RL109 on documents that plan nothing (SAFE-39, 42, 43)

NOT_PLANS = {
    # an API reference: E-1002's status is where the entry stands in its life
    "api_reference": """\
# Error reference

## Authentication errors

### E-1001 Invalid token

The token could not be parsed.

### E-1002 Expired token

Status: deprecated

The token has expired. Use E-1001 instead.
""",
    # a meeting's topics and where each stands
    "meeting_topics": """\
# Weekly sync 2026-03-02

## Agenda

| Topic | Status |
|-------|--------|
| Release checklist | done |
| Hiring plan | in progress |

## Notes

We talked about the release.
""",
    # a guide's numbered steps that do not count up from 1 in a run
    "numbered_guide": """\
# Getting started

## 1. Install

Run `pip install tool`.

## Next steps

Read the manual.
""",
    "stepped_guide": """\
# Getting Started

## Step 1: Install

Run the installer.

## Step 2: Configure

Edit the file.
""",
    # a key-value table under a status heading
    "key_value_status": """\
# Project

## Status

| Key | Value |
|-----|-------|
| Version | 1.2 |
| State | stable |

## Usage

Run it.
""",
    # a release history of titled versions, no word saying each shipped
    "titled_versions": """\
# Release history

## v1.2 — Claim pool

- Added the claim pool.

## v1.1 — Faster reads

- Reads got faster.
""",
}


@pytest.mark.parametrize("name", sorted(NOT_PLANS))
def test_a_document_that_plans_nothing_is_quiet(name: str) -> None:
    text = NOT_PLANS[name]
    assert read_items(text) == ()
    assert finding_lines(text) == []


def test_an_entry_that_writes_a_field_of_work_is_still_told_of_its_separator() -> None:
    # ``Status: in progress`` is work: the heading lost its separator
    text = NOT_PLANS["api_reference"].replace("Status: deprecated", "Status: in progress")
    assert finding_lines(text) == ["1:RL109"]
    # and a version written as an ID over a field of work still says its ID is no ID
    versions = NOT_PLANS["titled_versions"].replace(
        "- Added the claim pool.", "- **Status:** in progress"
    )
    assert finding_lines(versions) == ["1:RL109"]


def test_a_plan_whose_table_has_no_title_column_is_still_told() -> None:
    text = "# Plan\n\n| Deliverable | Status |\n|---|---|\n| Parser | todo |\n| Lexer | done |\n"
    assert finding_lines(text) == ["1:RL109"]


@pytest.mark.parametrize(
    "title", ["# Career Roadmap Guide", "# Kariyer Yol Haritası Rehberi", "# Roadmap handbook"]
)
def test_a_guide_titled_as_a_roadmap_reads_no_items(title: str) -> None:
    text = f"{title}\n\nHow to plan a career.\n\n## Skills to learn\n\n- Communication\n- Python\n"
    assert read_items(text) == ()
    # while a roadmap's bullets are its work
    roadmap = text.replace(title, "# Career Roadmap")
    assert [item.title for item in read_items(roadmap)] == ["Communication", "Python"]


# --- RL306 on a task not started over one in progress (SAFE-41)


@pytest.mark.parametrize("waiting", ["To Do", "📋 Planned", "Not Started", "Backlog", "Pending"])
def test_a_task_not_started_over_one_in_progress_is_quiet(waiting: str) -> None:
    text = f"""\
# Roadmap

| ID | Task | Status | Depends on |
|----|------|--------|------------|
| T-1 | Parser | 🔄 In Progress | |
| T-2 | Lexer | {waiting} | T-1 |
"""
    assert finding_lines(text) == []
    # a task that says it is ready over one under way is told
    assert finding_lines(text.replace(waiting, "Ready")) == ["6:RL306"]


# --- writes through the command line, held to exact bytes


def _write(folder: Path, text: str, name: str = "ROADMAP.md") -> Path:
    path = folder / name
    path.write_bytes(text.encode())
    return path


def _wrote(folder: Path, *args: str, name: str = "ROADMAP.md") -> str:
    """What a write that must succeed leaves, the file checked clean after it."""
    run = cli(*args, name, cwd=folder)
    assert (run.returncode, run.stderr) == (0, ""), run.stderr
    assert cli("check", name, cwd=folder).stdout == "All checks passed.\n"
    return (folder / name).read_bytes().decode()


def _refused(folder: Path, *args: str, name: str = "ROADMAP.md") -> str:
    """The one line a write that must refuse says, the file's bytes untouched."""
    before = (folder / name).read_bytes()
    run = cli(*args, name, cwd=folder)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert (folder / name).read_bytes() == before
    return run.stderr


# --- a box with a stable ID, its dependencies on a nested bullet (SAFE-39 box 1)

STABLE = """\
# Parallel work

## Setup

- [x] 1. Initialize project structure <!-- id:init001 -->
  - Stream: 1

## Build

- [ ] 2. Backend API <!-- id:bknd002 -->
  - Blocked-by: init001 (Initialize project structure)
- [ ] 3. Frontend UI <!-- id:frnt003 -->
  - Blocked-by: init001 (Initialize project structure)
- [ ] 4. Integration <!-- id:intg004 -->
  - Blocked-by: bknd002 (Backend API), frnt003 (Frontend UI), ops9 (Ops sign-off)
"""


def test_set_dri_on_a_box_with_a_stable_id_writes_the_owner_before_it(tmp_path: Path) -> None:
    _write(tmp_path, STABLE)
    assert _wrote(tmp_path, "set", "2", "--dri", "alice") == STABLE.replace(
        "Backend API <!--", "Backend API @alice <!--"
    )
    assert "DRI:             alice\n" in cli("show", "2", "ROADMAP.md", cwd=tmp_path).stdout


def test_remove_and_add_dep_edit_the_nested_blocked_by_line(tmp_path: Path) -> None:
    path = _write(tmp_path, STABLE)
    assert _wrote(tmp_path, "set", "4", "--remove-dep", "3") == STABLE.replace(
        ", frnt003 (Frontend UI)", ""
    )
    # added back by the stable ID the others are named by
    assert _wrote(tmp_path, "set", "4", "--add-dep", "3") == STABLE.replace(
        ", frnt003 (Frontend UI), ops9 (Ops sign-off)", ", ops9 (Ops sign-off), frnt003"
    )
    path.write_bytes(STABLE.encode())
    # a bullet left naming nothing goes with the dependency
    assert _wrote(tmp_path, "set", "2", "--remove-dep", "1") == STABLE.replace(
        "  - Blocked-by: init001 (Initialize project structure)\n- [ ] 3.", "- [ ] 3."
    )
    assert "does not depend on 9" in _refused(tmp_path, "set", "4", "--remove-dep", "9")
    assert "one at a time" in _refused(tmp_path, "set", "4", "--depends-on", "2")


# --- todo.txt's priority letter (the writes pass)

TODO_TXT = """\
# Todo

- [ ] (A) Call the client +work @phone due:2025-08-05
- [ ] (B) Write the report +work
- [ ] Water the plants +home
"""


def test_set_priority_on_a_todo_txt_box_writes_its_letter(tmp_path: Path) -> None:
    path = _write(tmp_path, TODO_TXT)
    assert _wrote(tmp_path, "set", "call-the-client", "--priority", "B") == TODO_TXT.replace(
        "(A) Call", "(B) Call"
    )
    path.write_bytes(TODO_TXT.encode())
    assert _wrote(tmp_path, "set", "water-the-plants", "--priority", "C") == TODO_TXT.replace(
        "- [ ] Water", "- [ ] (C) Water"
    )
    assert "capital letter" in _refused(tmp_path, "set", "water-the-plants", "--priority", "P1")


# --- numbered bold steps whose status a nested bullet writes (SAFE-43 box 4)

STEPS = """\
# TODO: Ship the Backend

## Phase 1 — Prepare the Backend

1. **Install prerequisites**
   - Status: ✅ Completed

2. **Create the project**
   - Status: Pending

3. **Deploy the function**
   Note the deployed URL.

## Phase 2 — Wire the App

4. **Configure the app with the live URL**
   - Status: ✅ Completed
"""


def test_set_on_a_numbered_bold_step_writes_its_status_bullet_and_its_bold_title(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, STEPS)
    assert _wrote(tmp_path, "set", "2", "--status", "✅ Completed") == STEPS.replace(
        "Status: Pending", "Status: ✅ Completed"
    )
    path.write_bytes(STEPS.encode())
    assert _wrote(tmp_path, "set", "2", "--title", "Create it") == STEPS.replace(
        "**Create the project**", "**Create it**"
    )
    # a step that writes no status is given its bullet, and reads it back
    path.write_bytes(STEPS.encode())
    _wrote(tmp_path, "set", "3", "--status", "Pending")
    assert "Status:          Pending\n" in cli("show", "3", "ROADMAP.md", cwd=tmp_path).stdout


def test_a_steps_owner_is_written_on_a_bullet_and_a_bad_one_refused_on_its_line(
    tmp_path: Path,
) -> None:
    # a step reads its owner from a bullet beside its status (tests/test_writes_four.py)
    path = _write(tmp_path, STEPS)
    assert _wrote(tmp_path, "set", "2", "--dri", "bob") == STEPS.replace(
        "   - Status: Pending", "   - DRI: bob\n   - Status: Pending"
    )
    path.write_bytes(STEPS.encode())
    assert _refused(tmp_path, "set", "2", "--depends-on", "1\n2").startswith(
        "roadmaplint: error: ROADMAP.md:8:"
    )


# --- struck bullets under phases (SAFE-42 box 4)

STRUCK = """\
# TODO

## Phase 1: Setup

- ~~Create the repository~~
- ~~Add CI~~
- Write the README

## Phase 2: Build

- Parser
- ~~Lexer~~
"""


def test_a_struck_bullets_status_is_its_strike(tmp_path: Path) -> None:
    path = _write(tmp_path, STRUCK)
    assert _wrote(tmp_path, "set", "parser", "--status", "done") == STRUCK.replace(
        "- Parser", "- ~~Parser~~"
    )
    path.write_bytes(STRUCK.encode())
    assert _wrote(tmp_path, "set", "lexer", "--status", "open") == STRUCK.replace(
        "~~Lexer~~", "Lexer"
    )
    path.write_bytes(STRUCK.encode())
    assert _wrote(tmp_path, "set", "lexer", "--title", "Lexing") == STRUCK.replace(
        "Lexer", "Lexing"
    )
    path.write_bytes(STRUCK.encode())
    said = _refused(tmp_path, "set", "parser", "--status", "in progress")
    assert said.startswith("roadmaplint: error: ROADMAP.md:11: parser is a bullet")


# --- plain bullets under status headings, a dated bullet (SAFE-44 box 3)

BOARD = """\
# Board

## To Do

- Write the docs
- Add a logo

## In Progress

- Build the parser

## Done

- 2026-03-01 — Set up CI
"""


def test_set_status_moves_a_plain_bullet_to_the_list_of_that_status(tmp_path: Path) -> None:
    path = _write(tmp_path, BOARD)
    assert _wrote(tmp_path, "set", "add-a-logo", "--status", "done") == BOARD.replace(
        "- Add a logo\n", ""
    ).replace("Set up CI\n", "Set up CI\n- Add a logo\n")
    # the last bullet of a column goes with its list, and comes back to the same bytes
    path.write_bytes(BOARD.encode())
    moved = _wrote(tmp_path, "set", "build-the-parser", "--status", "to do")
    assert moved == BOARD.replace("\n- Build the parser\n", "").replace(
        "- Add a logo\n", "- Add a logo\n- Build the parser\n"
    )
    assert _wrote(tmp_path, "set", "build-the-parser", "--status", "in progress") == BOARD
    said = _refused(tmp_path, "set", "add-a-logo", "--status", "blocked")
    assert said.startswith("roadmaplint: error: ROADMAP.md:6: add-a-logo is a bullet")


def test_rename_of_a_bullet_named_by_its_title_writes_the_id_before_its_title(
    tmp_path: Path,
) -> None:
    # in brackets, as a bullet beside others that write none reads it (SAFE-45)
    path = _write(tmp_path, BOARD)
    assert _wrote(tmp_path, "rename", "set-up-ci", "CI-1") == BOARD.replace(
        "— Set up CI", "— [CI-1] Set up CI"
    )
    path.write_bytes(BOARD.encode())
    assert _refused(tmp_path, "rename", "set-up-ci", "CI1") == (
        "roadmaplint: error: ROADMAP.md:14: set-up-ci is named by its title; an ID written "
        "before it in brackets reads as one with a dash (DOC-1), not 'CI1'\n"
    )


def test_a_new_title_of_a_dated_bullet_keeps_its_day(tmp_path: Path) -> None:
    _write(tmp_path, BOARD)
    assert _wrote(tmp_path, "set", "set-up-ci", "--title", "Set up the CI") == BOARD.replace(
        "Set up CI", "Set up the CI"
    )


# --- a schedule's boxes that restate the tasks above them (SAFE-43 box 4)

SCHEDULE = """\
# Trading Bot Queue

## 🔴 TIER 1: BLOCKING ISSUES

### P1.1: Authentication Broken

Fix auth.

### P1.2: Alpaca Trading Credentials Missing

Fix the keys.

## 🟡 TIER 2: IMPORTANT

### P2.1: Trades Not Logged

Details.

## Schedule

**Day 1:**
- [ ] P1.1 - Fix auth (30 min)
- [x] P1.2 - Add Alpaca credentials (15 min)
"""


def test_a_task_whose_status_a_schedules_box_gives_is_written_there(tmp_path: Path) -> None:
    path = _write(tmp_path, SCHEDULE)
    assert _wrote(tmp_path, "set", "P1.1", "--status", "done") == SCHEDULE.replace(
        "- [ ] P1.1", "- [x] P1.1"
    )
    assert _wrote(tmp_path, "set", "P1.2", "--status", "open") == SCHEDULE.replace(
        "- [ ] P1.1", "- [x] P1.1"
    ).replace("- [x] P1.2", "- [ ] P1.2")
    path.write_bytes(SCHEDULE.encode())
    said = _refused(tmp_path, "set", "P1.1", "--status", "in progress")
    assert said.startswith("roadmaplint: error: ROADMAP.md:22: ") and "this box" in said


def test_rename_owner_and_title_of_a_scheduled_task(tmp_path: Path) -> None:
    path = _write(tmp_path, SCHEDULE)
    assert _wrote(tmp_path, "rename", "P1.1", "P1.9") == SCHEDULE.replace("P1.1", "P1.9")
    path.write_bytes(SCHEDULE.encode())
    assert _wrote(tmp_path, "set", "P1.1", "--dri", "bob") == SCHEDULE.replace(
        "Broken\n\n", "Broken\n\n- **DRI:** bob\n\n"
    )
    # the box names the task in words of its own: the new title stays on the heading
    path.write_bytes(SCHEDULE.encode())
    assert _wrote(tmp_path, "set", "P1.1", "--title", "Auth is broken") == SCHEDULE.replace(
        "Authentication Broken", "Auth is broken"
    )


# --- set --dri in a plan whose items write their owner as Owner (SAFE-41 box 7)

OWNED = """\
# Plan

### A-1: Parser
- **Status:** ready
- **Owner:** bob

### A-2: Lexer
- **Status:** idea
"""


def test_set_dri_writes_the_owner_field_by_the_name_the_plan_gives_it(tmp_path: Path) -> None:
    lexer = "### A-2: Lexer\n"
    _write(tmp_path, OWNED)
    assert _wrote(tmp_path, "set", "A-2", "--dri", "alice") == OWNED.replace(
        lexer, lexer + "- **Owner:** alice\n"
    )
    # a plan that writes DRI keeps it
    _write(tmp_path, OWNED.replace("Owner", "DRI"))
    assert _wrote(tmp_path, "set", "A-2", "--dri", "alice") == OWNED.replace(
        "Owner", "DRI"
    ).replace(lexer, lexer + "- **DRI:** alice\n")


# --- a move into a section that says it holds nothing; a restated box (SAFE-39 box 3)

QUEUE = """\
# Work Queue

## Queue Rules

- Status is the section the item lives in.

## Ready

### WQ-015 Expand unit-test coverage

- **Priority**: P1

### WQ-016 Add a subprocess smoke test

- **Priority**: P2

## In Progress

_None._

## Done

### WQ-001 Stop committing OS metadata

- **Priority**: P0
"""


def test_a_move_into_a_section_that_holds_nothing_takes_its_placeholders_place(
    tmp_path: Path,
) -> None:
    _write(tmp_path, QUEUE)
    moved = "### WQ-015 Expand unit-test coverage\n\n- **Priority**: P1\n"
    assert _wrote(tmp_path, "set", "WQ-015", "--status", "in progress") == QUEUE.replace(
        moved + "\n", ""
    ).replace("_None._\n", moved)


def test_a_bullet_moved_into_a_column_that_holds_nothing_takes_its_placeholders_place(
    tmp_path: Path,
) -> None:
    board = BOARD.replace("- Build the parser", "- None yet")
    _write(tmp_path, board)
    assert _wrote(tmp_path, "set", "add-a-logo", "--status", "in progress") == board.replace(
        "- Add a logo\n", ""
    ).replace("- None yet", "- Add a logo")


def test_a_restated_tasks_own_box_agrees_with_its_row(tmp_path: Path) -> None:
    text = """\
# Plan

- [ ] **0.1.1** Set up Stripe account
- [x] **0.1.2** Implement Stripe Checkout

## Current Sprint

| Task | Status |
|------|--------|
| 0.1.1 Set up Stripe account | 🟡 TODO |
| 0.1.2 Implement Stripe Checkout | ✅ DONE |
"""
    path = _write(tmp_path, text)
    assert _wrote(tmp_path, "set", "0.1.1", "--status", "done") == text.replace(
        "- [ ] **0.1.1**", "- [x] **0.1.1**"
    ).replace("| 🟡 TODO |", "| ✅ DONE |")
    path.write_bytes(text.encode())
    assert _wrote(tmp_path, "set", "0.1.2", "--status", "todo") == text.replace(
        "- [x] **0.1.2**", "- [ ] **0.1.2**"
    ).replace("Checkout | ✅ DONE |", "Checkout | 🟡 TODO |")


def test_new_writes_its_fields_by_the_names_the_plan_gives_them(tmp_path: Path) -> None:
    _write(tmp_path, OWNED)
    assert _wrote(tmp_path, "new", "Plan", "Docs", "--dri", "carl") == (
        OWNED + "\n### A-3: Docs\n- **Owner:** carl\n- **Status:** idea\n"
    )


# --- history past a version that cannot be read as text (SAFE-41 box 7)


def test_history_reads_past_a_version_saved_as_utf16(tmp_path: Path) -> None:
    from test_history import git

    plan = "# Plan\n\n### A-1: Parser\n- **Status:** {}\n"
    git("init", "-q", "-b", "main", cwd=tmp_path)
    for number, (status, encoding) in enumerate(
        (("idea", "utf-8"), ("ready", "utf-16"), ("done", "utf-8"))
    ):
        (tmp_path / "ROADMAP.md").write_bytes(plan.format(status).encode(encoding))
        git("add", "ROADMAP.md", cwd=tmp_path)
        date = f"2026-01-0{number + 1}T12:00:00+00:00"
        git("commit", "-q", "-m", f"version {number}", cwd=tmp_path, date=date)
    run = cli("history", "ROADMAP.md", cwd=tmp_path)
    assert (run.returncode, run.stderr) == (0, "")
    # the unreadable version reads as no items, as a version that was a symlink does
    events = [line.split("  ")[-1] for line in run.stdout.splitlines()[1:]]
    assert events == ["created as idea", "removed", "created as done"]


def test_the_status_of_the_column_a_bullet_stands_in_is_no_change(tmp_path: Path) -> None:
    path = _write(tmp_path, BOARD)
    run = cli("set", "add-a-logo", "--status", "to do", "ROADMAP.md", cwd=tmp_path)
    assert (run.returncode, run.stdout) == (0, "No change: add-a-logo already reads that way\n")
    assert path.read_bytes() == BOARD.encode()
    # and the rest of the edit is made where the bullet stands
    assert _wrote(
        tmp_path, "set", "add-a-logo", "--status", "To Do", "--title", "Add the logo"
    ) == BOARD.replace("Add a logo", "Add the logo")
