"""The twelfth break pass: documents that are no plans, written in the shapes the
fourteenth held-out sets taught the reader, read quiet; and the plans of those shapes keep
their bytes through the writers."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cli

from roadmaplint import check_text
from roadmaplint.reader import parse
from roadmaplint.settings import Settings


def test_a_readme_of_numbered_bold_features_with_status_bullets_is_no_plan() -> None:
    # a feature's "Status: stable" says how mature it is, no status of work: the bold
    # numbered steps of a plan say "Status: ✅ Completed"
    text = """\
# Widget

A small library.

## Features

1. **Fast parsing**
   - Status: stable
2. **Streaming output**
   - Status: beta
3. **Plugins**
   - Status: experimental

## Install

pip install widget
"""
    assert parse(text, "README.md", Settings()).items == ()
    assert check_text(text, "README.md", Settings()) == []


def test_numbered_bold_steps_with_work_statuses_are_still_tasks() -> None:
    text = """\
# Plan

## Phase 1

1. **Create the script**
   - Status: ✅ Completed
2. **Wire the backend**
   - Status: 🔄 In Progress
3. **Ship it**
"""
    items = parse(text, "PLAN.md", Settings()).items
    assert [(item.id, item.status) for item in items] == [
        ("1", "✅ Completed"),
        ("2", "🔄 In Progress"),
        ("3", None),
    ]


def test_a_changelog_whose_releases_say_released_is_no_near_miss() -> None:
    # ``## 1.2 — Released`` is a version and the word that it shipped, no numbered task
    # that lost its ID: RL109 called the changelog a plan with no items
    text = """\
# Changelog

## [1.3.0] - Unreleased

- Added streaming

## 1.2 — Released

- Fixed a crash

## 1.1.0 (Released)

- First release

## Version 1.0 — Stable

- Hello
"""
    assert parse(text, "CHANGELOG.md", Settings()).items == ()
    assert check_text(text, "CHANGELOG.md", Settings()) == []


def test_a_numbered_heading_with_a_title_of_work_is_still_a_near_miss() -> None:
    text = "# Plan\n\n## 1.2 — Add login\n\n- Write the form\n- Check the password\n"
    assert [f.code for f in check_text(text, "PLAN.md", Settings())] == ["RL109"]


def test_a_ticked_box_of_a_schedule_restates_its_task_as_an_open_one_does() -> None:
    # the schedule's ``- [x] P1.2 - ...`` is read as done, not as ``[x]``: it was kept as
    # a second P1.2 (RL102) while the open box beside it restated its task
    text = """\
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
    items = parse(text, "QUEUE.md", Settings()).items
    assert [(item.id, item.status) for item in items] == [
        ("P1.1", "[ ]"),
        ("P1.2", "done"),
        ("P2.1", None),
    ]
    assert check_text(text, "QUEUE.md", Settings()) == []


_GLUED = (
    "---\nid: RENTL-46\ntitle: 'Multi-currency: rates'\nstatus: Done\n"
    "assignee: [EbenDomey, Gideon]\ndependencies: []\npriority: high\n"
    "---## Description\n\nRates per property.\n\n---\n\nMore notes.\n"
)


@pytest.mark.parametrize(
    ("args", "changed"),
    [
        (("set", "RENTL-46", "--status", "In Progress"), "status: In Progress\n"),
        (("set", "RENTL-46", "--title", "Rates"), "title: 'Rates'\n"),
        (("set", "RENTL-46", "--priority", "low"), "priority: low\n"),
    ],
)
def test_a_set_on_a_task_glued_to_its_fence_changes_only_the_field(
    tmp_path: Path, args: tuple[str, ...], changed: str
) -> None:
    # the closing fence glued to the body (``---## Description``) was written back as two
    # lines: a change the user did not ask for, in every set on such a task
    backlog = tmp_path / "backlog"
    (backlog / "tasks").mkdir(parents=True)
    (backlog / "config.yml").write_text(
        'project_name: "mvp"\nstatuses: ["To Do", "In Progress", "Done"]\ntask_prefix: "RENTL"\n',
        encoding="utf-8",
    )
    task = backlog / "tasks" / "rentl-46 - Multi-currency.md"
    task.write_bytes(_GLUED.encode())
    result = cli(*args, "backlog", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    after = task.read_bytes().decode()
    assert "\n---## Description\n\nRates per property.\n\n---\n\nMore notes.\n" in after
    assert changed in after
    before_lines = _GLUED.splitlines(keepends=True)
    after_lines = after.splitlines(keepends=True)
    gone = [line for line in before_lines if line not in after_lines]
    added = [line for line in after_lines if line not in before_lines]
    assert all(line.split(":")[0] in (changed.split(":")[0], "updated_date") for line in gone)
    assert all(line.split(":")[0] in (changed.split(":")[0], "updated_date") for line in added)


def test_a_section_named_for_work_orders_keeps_its_items() -> None:
    # ``## Work Order Management`` of a field-service plan is a feature area, no section
    # ordering the work listed before it: its two tasks were dropped, silently
    text = """\
# FieldPro Roadmap

## Scheduling

### FP-1: Calendar view

Status: done

## Work Order Management

### FP-2: Create a work order

Let technicians open one.

### FP-3: Close a work order

With a signature.
"""
    items = parse(text, "ROADMAP.md", Settings()).items
    assert [item.id for item in items] == ["FP-1", "FP-2", "FP-3"]


_EPICS = """\
# Epics

| ID | Task | Status | Depends on |
|---|---|---|---|
| E-01 | Setup | DONE | |
| E-02 | Core | PENDING — CRITICAL | E-01 |
| E-03 | API | PENDING | E-01 |
| E-09 | Release | PENDING | E-01 through E-03 |
"""


def test_a_new_status_keeps_the_priority_its_cell_writes_after_a_dash(tmp_path: Path) -> None:
    # ``PENDING — CRITICAL`` says the status and the priority: the set wrote ``DONE`` over
    # the whole cell, and E-02 lost its priority, which no one asked to change
    plan = tmp_path / "EPICS.md"
    plan.write_text(_EPICS, encoding="utf-8")
    result = cli("set", "E-02", "--status", "DONE", str(plan), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert plan.read_text(encoding="utf-8") == _EPICS.replace(
        "| PENDING — CRITICAL |", "| DONE — CRITICAL |"
    )
    item = next(i for i in parse(plan.read_text(), "EPICS.md", Settings()).items if i.id == "E-02")
    assert (item.status, item.priority) == ("DONE — CRITICAL", "CRITICAL")


def test_adding_a_dependency_a_range_already_names_changes_nothing(tmp_path: Path) -> None:
    plan = tmp_path / "EPICS.md"
    plan.write_text(_EPICS, encoding="utf-8")
    result = cli("set", "E-09", "--add-dep", "E-02", str(plan), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert plan.read_text(encoding="utf-8") == _EPICS


def test_adding_a_dependency_a_heading_field_range_names_changes_nothing(tmp_path: Path) -> None:
    text = (
        "".join(f"## E-0{n} — Task {n}\n\nStatus: open\n\n" for n in (1, 2, 3))
        + "## E-09 — Release\n\nStatus: open\nDepends on: E-01 through E-03\n"
    )
    plan = tmp_path / "ROADMAP.md"
    plan.write_text(text, encoding="utf-8")
    result = cli("set", "E-09", "--add-dep", "E-02", str(plan), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert plan.read_text(encoding="utf-8") == text


def test_a_phase_over_boxes_beside_phases_over_bold_steps_stays_an_item() -> None:
    # the phases over numbered bold steps were taken for their steps' themes, read no
    # steps and came back as items; then the boxes of Phase 3, without IDs beside those
    # heading items, read as nothing, and Phase 3 was lost with them, silently
    text = """\
# Product Roadmap

## Phase 1 — Foundation

1. **Set up CI** — run tests on every push
2. **Write the parser** — read the files

## Phase 2 — Growth

1. **Plugins** — let users extend it
2. **Cloud sync** — share plans

## Phase 3 — Scale

- [ ] Multi-tenant
- [ ] Billing
"""
    items = parse(text, "ROADMAP.md", Settings()).items
    assert [item.id for item in items] == ["Phase 1", "Phase 2", "Phase 3"]


@pytest.mark.parametrize(
    "done_on", ["(2026-02-07)", "(done 2026-02-07)", "(Completed: 2026-02-20)"]
)
def test_a_new_title_keeps_the_day_a_box_was_done(tmp_path: Path, done_on: str) -> None:
    # the day after the name is no part of the title (the reader cuts it): a new title
    # wrote over it, and the day the work was done was lost
    plan = tmp_path / "TODO.md"
    text = f"# Plan\n\n- [x] 1.1 Lint setup {done_on}\n- [ ] 1.2 Ship\n"
    plan.write_text(text, encoding="utf-8")
    result = cli("set", "1.1", "--title", "Lint", str(plan), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert plan.read_text(encoding="utf-8") == text.replace("Lint setup", "Lint")


def test_a_new_status_of_a_board_heading_is_written_where_the_heading_says_it(
    tmp_path: Path,
) -> None:
    # ``## Fix the invite bug — TODO`` is named by its title and says its status after
    # the dash: a Status field was added under it, and the heading went on saying TODO
    plan = tmp_path / "BOARD.md"
    text = (
        "# Board\n\n## Fix the invite bug — TODO\n\nBody.\n\n"
        "## Add dark mode — IN PROGRESS\n\nBody.\n\n## Ship v2 — DONE\n\nBody.\n"
    )
    plan.write_text(text, encoding="utf-8")
    result = cli("set", "fix-the-invite-bug", "--status", "DONE", str(plan), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert plan.read_text(encoding="utf-8") == text.replace("bug — TODO", "bug — DONE")
    # in the board's capitals: ``— done`` reads as no status of a board's heading
    result = cli("set", "ship-v2", "--status", "in progress", str(plan), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "## Ship v2 — IN PROGRESS\n" in plan.read_text(encoding="utf-8")
