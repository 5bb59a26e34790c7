"""The classes of plan file the fourteenth held-out set B of the corpus (tests/corpus: a
mixed sample of every family, numbered 65-66 in headings/, 24-25 in phases/, 28-29 in
checkboxes/, 31-32 in tables/, and the rent-loop task folder) showed misread, each in a
small document: read as a person reads it, with no finding a person would call a false
alarm; and beside each new reading a document that is no plan, which reads no items."""

from __future__ import annotations

from pathlib import Path

from conftest import finding_lines, read_items

from roadmaplint.reader.shapes import taskfiles

# A document with no items gets at most RL109, the account that it holds none (as
# tests/test_not_plans.py holds).
QUIET = ([], ["1:RL109"])

CONFIG = 'project_name: "mvp"\nstatuses: ["To Do", "In Progress", "Done"]\ntask_prefix: "RENTL"\n'


def _read(text: str) -> list[tuple[str, str, str | None, str | None, str | None]]:
    return [(i.id, i.title, i.status, i.priority, i.dri) for i in read_items(text)]


def test_a_task_whose_body_is_glued_to_its_closing_fence_is_read(tmp_path: Path) -> None:
    # Backlog.md (gray-matter) closes the front matter at ``---## Description``; a rule
    # further down the body (``---``) is no second fence.
    backlog = tmp_path / "backlog"
    (backlog / "tasks").mkdir(parents=True)
    (backlog / "config.yml").write_text(CONFIG, encoding="utf-8")
    (backlog / "tasks" / "rentl-46 - Multi-currency.md").write_text(
        "---\nid: RENTL-46\ntitle: 'Multi-currency: rates'\nstatus: Done\n"
        "assignee: [EbenDomey, Gideon]\ndependencies: []\npriority: high\n"
        "---## Description\n\nRates per property.\n\n---\n\nMore notes.\n",
        encoding="utf-8",
    )
    (backlog / "tasks" / "rentl-47 - Analytics.md").write_text(
        "---\nid: RENTL-47\ntitle: Analytics\nstatus: To Do\ndependencies:\n  - RENTL-46\n---\n",
        encoding="utf-8",
    )
    items = taskfiles.read(backlog).roadmap.items
    assert [(i.id, i.title, i.status, i.priority, list(i.depends_on)) for i in items] == [
        ("RENTL-46", "Multi-currency: rates", "Done", "high", []),
        ("RENTL-47", "Analytics", "To Do", None, ["RENTL-46"]),
    ]
    front, body = taskfiles.split(
        (backlog / "tasks" / "rentl-46 - Multi-currency.md").read_text(encoding="utf-8"), "x"
    )
    assert front.endswith("priority: high\n") and body.startswith("## Description\n")


def test_a_longer_run_of_dashes_is_no_closing_fence() -> None:
    text = "---\nid: TASK-1\ntitle: A\n----\nnot: yaml\n---\nBody\n"
    front, body = taskfiles.split(text, "x")
    assert front == "id: TASK-1\ntitle: A\n----\nnot: yaml\n" and body == "Body\n"


def test_boxes_numbered_under_their_phase_are_its_tasks_beside_its_goal() -> None:
    text = """\
# Pet Roadmap

## Phase 1: Foundation Framework ✅

**Goal**: Build the project infrastructure and multi-process
communication mechanism

- [x] 1.1 Project initialization - Create Cargo workspace
- [x] 1.2 Create crate structure - app, common, tray,
  theater, manager

## Phase 2: Voice Interaction (Future)

**Goal**: Implement voice input and output

- [ ] 2.1 STT integration - whisper.cpp or cloud API
- [x] 2.2 Graceful shutdown - Cleanup on exit (via IPC Shutdown in Phase 1)
"""
    assert [(i.id, i.title, i.status) for i in read_items(text)] == [
        ("1.1", "Project initialization - Create Cargo workspace", "done"),
        ("1.2", "Create crate structure - app, common, tray, theater, manager", "done"),
        ("2.1", "STT integration - whisper.cpp or cloud API", "[ ]"),
        ("2.2", "Graceful shutdown - Cleanup on exit (via IPC Shutdown in Phase 1)", "done"),
    ]
    assert finding_lines(text) == []


def test_numbered_messages_of_a_protocol_under_its_phases_are_no_tasks() -> None:
    # numbered bullets, not boxes: the protocol's messages are no work; its two phase
    # headings are still read as items, a class left (ROADMAP CORE-91)
    text = """\
# Sync protocol

The client and the server talk in two phases; each message is numbered by its phase.

## Phase 1: Handshake

**Goal**: agree on a version

- 1.1 The client sends `HELLO` with its version.
- 1.2 The server answers `WELCOME` or `BYE`.

## Phase 2: Transfer

- 2.1 The client sends each changed record.
- 2.2 The server acknowledges each with `ACK`.
"""
    assert [i.id for i in read_items(text)] == ["Phase 1", "Phase 2"]
    assert finding_lines(text) == []


def test_a_bold_lead_before_a_full_width_colon_is_the_title() -> None:
    text = """\
## done（已验收）

- [x] **采购审批完整实现**：ProcurementRequest Entity + 前端 ProcurementList 页面
- [x] Phase 3: 导入/导出 Excel

## todo

### P2 — 信息架构优化

- [ ] **菜单按业务域重构**：资产域、运维域、供应链域
"""
    assert _read(text) == [
        ("采购审批完整实现", "采购审批完整实现", "done", None, None),
        ("Phase 3", "导入/导出 Excel", "done", None, None),
        ("菜单按业务域重构", "菜单按业务域重构", "todo", "P2", None),
    ]
    assert finding_lines(text) == []


def test_a_glossary_of_bold_terms_in_chinese_is_no_plan() -> None:
    text = """\
# 术语表

- **资产**：公司拥有的设备与物品
- **调拨**：资产在部门之间的转移
- **折旧**：资产价值随时间的减少
"""
    assert (list(read_items(text)), finding_lines(text)) in (QUIET, ([], []))


def test_the_day_a_box_was_completed_closes_it_and_is_no_part_of_its_title() -> None:
    text = """\
# Task Board

## Active tasks

- [x] Configurable subsystem mapping rules for studio architecture grouping. (Completed: 2026-02-20)
  - Goal: allow project-specific subsystem grouping rules.
- [x] Studio visual hierarchy + polish pass (completed 2026-02-21)

## Backlog candidates

- [ ] Add optional cost/usage counters in turn trace output.
"""
    assert [(i.title, i.status) for i in read_items(text)] == [
        ("Configurable subsystem mapping rules for studio architecture grouping.", "done"),
        ("Studio visual hierarchy + polish pass", "done"),
        ("Add optional cost/usage counters in turn trace output.", "[ ]"),
    ]
    assert finding_lines(text) == []


def test_release_notes_with_completion_dates_are_no_plan() -> None:
    text = """\
# Release notes

Version 2.1 shipped with the changes below (completed 2026-02-21).

The importer now reads UTF-16 files (Completed: 2026-02-20).
"""
    assert (list(read_items(text)), finding_lines(text)) in (QUIET, ([], []))


BOARD = """\
# PACT — Task Board

# 🟡 NEXT — medium-severity fixes

---

## Fix broken campaign creation — search-path bug — TODO
Branch fix/campaign. The functions call gen_random_bytes outside their search_path.

**Done when:** campaign creation works end to end.

---

# ⚪ LATER — ideas (not scheduled)

## Service-worker caching: decide the cache policy — TODO
Branch chore/sw. Review the regex.

**Done when:** the policy is written down.

---

## Engine review cleanup: buyoff IDs — DONE
Branch chore/engine.
"""


def test_headings_of_a_board_ending_with_their_status_in_capitals_are_its_tasks() -> None:
    assert _read(BOARD) == [
        (
            "fix-broken-campaign-creation-search-path",
            "Fix broken campaign creation — search-path bug",
            "TODO",
            None,
            None,
        ),
        (
            "service-worker-caching-decide-the-cache",
            "Service-worker caching: decide the cache policy",
            "TODO",
            None,
            None,
        ),
        (
            "engine-review-cleanup-buyoff-ids",
            "Engine review cleanup: buyoff IDs",
            "DONE",
            None,
            None,
        ),
    ]
    assert finding_lines(BOARD) == []


def test_a_changelog_and_a_guide_whose_headings_end_in_status_words_are_no_plans() -> None:
    changelog = "# Changelog\\n\\n## 2.1.0 — Released\\n\\nFixes.\\n\\n## 2.0.0 — Released\\n\\nNew parser.\\n"
    guide = (
        "# Style guide\\n\\n## Headings — done right\\n\\nUse sentence case.\\n\\n"
        "## Lists — done right\\n\\nKeep them short.\\n\\n## Tables — to do\\n\\nNot yet.\\n"
    )
    for text in (changelog, guide):
        assert (list(read_items(text)), finding_lines(text)) in (QUIET, ([], []))


ORDERED = """\
# Storage Auction Platform - Feature Implementation Plan

## 🚧 IN PROGRESS

### 2. Login Page & User Interface
**Status:** Not started
**Priority:** HIGH (required for authentication to work)

### 3. User Management in Admin Portal
**Status:** Not started
**Priority:** HIGH

## 🎯 Recommended Implementation Order

### Phase 1: Authentication (HIGH PRIORITY)
1. Login page HTML/CSS/JS
2. User management in admin portal

### Phase 2: Quick Wins (HIGH PRIORITY, FAST)
3. Fix auction title formatting
"""


def test_phases_of_a_recommended_order_after_the_features_are_no_items() -> None:
    assert _read(ORDERED) == [
        ("2", "Login Page & User Interface", "Not started", "HIGH", None),
        ("3", "User Management in Admin Portal", "Not started", "HIGH", None),
    ]
    assert finding_lines(ORDERED) == []


def test_a_build_order_of_a_readme_is_no_plan() -> None:
    text = """\
# Building from source

## Build order

1. Build the core library.
2. Build the command line tool against it.
3. Run the tests.
"""
    assert (list(read_items(text)), finding_lines(text)) in (QUIET, ([], []))


READINESS = """\
# Task Readiness Log

### TSK-0001: Provision Azure Blob Storage Account
**Status:** To Do
**Owner:** DevOps Lead

**Dependencies:**
- Upstream: None (foundational task)
- Downstream: TSK-0002 (Backend API)

### TSK-0002: Implement Backend API
**Status:** To Do
**Owner:** Backend Lead

**Dependencies:**
- Upstream: TSK-0001 (Blob Storage connection)
- Downstream: TSK-0003 (Automated tests)

### TSK-0003: Write Automated Tests
**Status:** To Do
**Owner:** QA Lead

**Dependencies:**
- Upstream: TSK-0001 (Blob Storage), TSK-0002 (the API)
- Downstream: Regression testing, UAT validation
"""


def test_upstream_bullets_under_an_empty_dependencies_label_are_its_dependencies() -> None:
    items = read_items(READINESS)
    assert [(i.id, i.dri, list(i.depends_on)) for i in items] == [
        ("TSK-0001", "DevOps Lead", []),
        ("TSK-0002", "Backend Lead", ["TSK-0001"]),
        ("TSK-0003", "QA Lead", ["TSK-0001", "TSK-0002"]),
    ]
    assert finding_lines(READINESS) == []


def test_a_fork_readme_naming_its_upstream_is_no_plan() -> None:
    text = """\
# my-fork

**Dependencies:**
- Upstream: the original project, merged monthly
- Downstream: the packaging repository
"""
    assert (list(read_items(text)), finding_lines(text)) in (QUIET, ([], []))


def test_a_phase_after_the_progress_table_says_its_plans_were_executed_in_words() -> None:
    text = """\
# Roadmap

## Phases

- [x] **Phase 1: Foundation** - infrastructure

### Phase 1: Foundation
**Goal**: Safe migrations
**Depends on**: Nothing (first phase)
**Plans**: 1 plan

Plans:
- [x] 01-01: Migration locks

## Progress

| Phase | Plans Complete | Status | Completed |
|-------|----------------|--------|-----------|
| 1. Foundation | 1/1 | Complete ✅ | 2026-07-19 |

### Phase 2: Audit log consistency. Backend.

**Goal:** Widen audit logging.
**Depends on:** None (Phase 1 dependency overridden)
**Plans:** 2 plans (all created, 2 executed)

Plans:
- [x] 02-01: Widen the middleware
- [x] 02-02: Archive old logs
"""
    assert [(i.id, i.status) for i in read_items(text)] == [
        ("Phase 1", "done"),
        ("Phase 2", "done"),
    ]
    assert finding_lines(text) == []


def test_a_release_note_counting_executed_plans_is_no_plan() -> None:
    text = """\
# Quarterly report

**Plans:** 12 plans (all created, 9 executed)

The team shipped the billing rewrite and started the audit work.
"""
    assert (list(read_items(text)), finding_lines(text)) in (QUIET, ([], []))
