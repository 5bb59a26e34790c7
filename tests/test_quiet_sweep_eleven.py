"""The eleventh quiet sweep's classes (issue 20; ``tests/corpus/README.md``, "Eleventh quiet
sweep"), each in small documents written for it: a plan of the class that reads its items
(or keeps its real finding), and beside it a document that is no plan but looks close,
which reads no items and gets no finding."""

from __future__ import annotations

from tests.conftest import finding_lines, read_items


def titles(text: str, path: str) -> list[str]:
    return [item.title for item in read_items(text, path)]


# A task table whose columns are named in Japanese or Chinese.
JAPANESE_TASK_TABLE = """\
# タスク一覧

## バックエンド

| タスクID | タスク名 | 状態 | 優先度 | 依存関係 |
|----------|----------|------|--------|----------|
| TASK-001 | 認証APIを作成 | ✅ 完了 | 高 | - |
| TASK-002 | 機器一覧APIを作成 | ⬜ 未完了 | 中 | TASK-001 |
"""

CHINESE_FEATURE_TABLE = """\
# 开发计划

| 优先级 | 状态 | 功能 | 说明 |
|--------|------|------|------|
| P1 | 进行中 | 字幕工作台 | 合并五个窗口 |
| P2 | 待开始 | 视频加水印 | 图片与文字水印 |
"""


def test_a_task_table_with_japanese_or_chinese_column_names_reads_its_rows() -> None:
    items = read_items(JAPANESE_TASK_TABLE, "docs/TASKS.md")
    assert [(item.id, item.title) for item in items] == [
        ("TASK-001", "認証APIを作成"),
        ("TASK-002", "機器一覧APIを作成"),
    ]
    assert items[1].depends_on == ("TASK-001",)
    assert titles(CHINESE_FEATURE_TABLE, "BACKLOG.md") == ["字幕工作台", "视频加水印"]
    assert [item.priority for item in read_items(CHINESE_FEATURE_TABLE, "BACKLOG.md")] == [
        "P1",
        "P2",
    ]
    assert finding_lines(JAPANESE_TASK_TABLE, "docs/TASKS.md") == []
    assert finding_lines(CHINESE_FEATURE_TABLE, "BACKLOG.md") == []


def test_a_chinese_readme_table_of_features_and_what_they_do_is_no_plan() -> None:
    readme = (
        "# 工具箱\n\n## 功能\n\n| 功能 | 说明 |\n|------|------|\n"
        "| 字幕翻译 | 支持多种语言 |\n| 视频下载 | 支持 YouTube |\n"
    )
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []


# A meeting's record whose action items are a table with no ID or title column.
MEETING_RECORD = """\
# Team Sync - Monday, March 2

**Present:**
- Ana (Lead)
- Bo (Backend)

## Notes

- The API review slipped a week.

## Action Items

| Owner | Action | Deadline | Priority |
|-------|--------|----------|----------|
| Ana | Review the API draft | Wednesday | High |
| Bo | Fix the flaky upload test | Friday | Medium |
"""


def test_a_meeting_record_that_reads_no_item_gets_no_near_miss() -> None:
    path = "work/meetings/2026-03-02-team-sync.md"
    assert read_items(MEETING_RECORD, path) == ()
    assert finding_lines(MEETING_RECORD, path) == []


def test_the_same_table_in_a_plan_is_still_told_why_it_reads_no_items() -> None:
    plan = MEETING_RECORD.replace("# Team Sync - Monday, March 2", "# Backlog").replace(
        "**Present:**\n- Ana (Lead)\n- Bo (Backend)\n\n", ""
    )
    assert read_items(plan, "BACKLOG.md") == ()
    assert finding_lines(plan, "BACKLOG.md") == ["1:RL109"]


# A phase whose parts (one per week) each list the same days as labels.
PARALLEL_DAYS = """\
# Rollout Plan

## Phase 4: Production Rollout

### Rollout Strategy

#### Week 6
- **Monday**: 40% of remaining users
- **Wednesday**: another 30%
- **Friday**: another 20%

#### Week 7
- **Monday**: the final 10%
- **Wednesday**: cleanup and validation
- **Friday**: prepare the old system's shutdown
"""


def test_the_same_labels_listed_under_each_of_a_phases_parts_are_no_field_twice() -> None:
    assert titles(PARALLEL_DAYS, "docs/ROLLOUT_PLAN.md") == ["Production Rollout"]
    assert finding_lines(PARALLEL_DAYS, "docs/ROLLOUT_PLAN.md") == []


def test_a_field_written_twice_in_one_list_is_still_reported() -> None:
    plan = (
        "# Plan\n\n## Phase 1: Setup\n\n- **Monday**: install\n- **Owner**: Ana\n"
        "- **Monday**: configure\n\n## Phase 2: Launch\n\n- **Owner**: Bo\n"
    )
    assert finding_lines(plan, "docs/PLAN.md") == ["7:RL105"]
    known = (
        "# Plan\n\n## Phase 1: Setup\n\n#### Week 1\n- **Status**: done\n- **Owner**: Ana\n\n"
        "#### Week 2\n- **Status**: done\n- **Owner**: Ana\n"
    )
    assert "10:RL105" in finding_lines(known, "docs/PLAN.md")


# A status page's earlier milestones: prose paragraphs, each naming its milestone in bold.
EARLIER_MILESTONES = """\
# STATUS

## Earlier milestones

**M2 — Memory Management** (2026-05-05 → 2026-05-06, four
commits, +1,814 LOC). Tag `M2-complete` on commit `6cd9855`.
PMM + VMM + slab.

**M1 — Boot to Long Mode** (2026-04-30 → 2026-05-04, four
commits, +700 LOC). Tag `M1-complete` on commit `c211cf8`.
"""


def test_prose_paragraphs_that_name_their_milestone_in_bold_are_no_near_miss() -> None:
    assert read_items(EARLIER_MILESTONES, "STATUS.md") == ()
    assert finding_lines(EARLIER_MILESTONES, "STATUS.md") == []


def test_an_item_written_as_a_paragraph_is_still_told_to_be_a_heading() -> None:
    plan = "# Plan\n\n**M2 — Memory Management**\nStatus: planned\n\n**M3 — Scheduler**\n"
    assert finding_lines(plan, "ROADMAP.md") == ["1:RL109"]
    ending = "# Plan\n\n**M2 — Memory Management** (P1)\nStatus: planned\n"
    assert finding_lines(ending, "ROADMAP.md") == ["1:RL109"]


# A backlog ranked by its headings, each band a table of numbered tasks with no field column.
RANKED_BACKLOG = """\
# Dashboard — Backlog

## 🔴 High Priority

| # | Task | Description |
|---|------|-------------|
| 1 | **Add authentication** | The dashboard is open to anyone with the URL. |
| 2 | **Add `.gitignore`** | Data and secrets risk being committed. |

## 🟡 Low Priority

| # | Task | Description |
|---|------|-------------|
| 3 | **Add search** | Invoices cannot be searched by vendor. |
"""


def test_tables_of_tasks_under_priority_headings_are_a_ranked_backlog() -> None:
    items = read_items(RANKED_BACKLOG, "BACKLOG.md")
    assert [(item.id, item.title, item.priority) for item in items] == [
        ("1", "Add authentication", "High"),
        ("2", "Add .gitignore", "High"),
        ("3", "Add search", "Low"),
    ]
    assert finding_lines(RANKED_BACKLOG, "BACKLOG.md") == []


def test_a_support_policy_ranked_by_priority_headings_is_no_plan() -> None:
    policy = (
        "# Support policy\n\n## High Priority\n\n| Channel | Answered within |\n|---|---|\n"
        "| Phone | an hour |\n\n## Low Priority\n\n"
        "| Channel | Answered within |\n|---|---|\n| E-mail | a week |\n"
    )
    assert read_items(policy, "docs/support.md") == ()
    assert finding_lines(policy, "docs/support.md") == []
    # one priority heading over a table of tasks ranks nothing: no backlog by its headings
    one_band = RANKED_BACKLOG.split("## 🟡 Low Priority")[0]
    assert read_items(one_band, "docs/notes.md") == ()


# A spec-kit task list closing with the gates every pull request of it must pass.
GATED_TASKS = """\
# Tasks: Party Pages

## Phase 1: Setup

- [x] T001 Create the party types
- [ ] T002 Create the mock data module

## Quality Gates (Must Pass Before PR)

- [ ] All tasks completed and committed
- [ ] `npm run lint` passes with zero errors
- [ ] Test coverage 80%+ on all touched code
"""


def test_the_quality_gates_of_a_task_list_are_no_tasks() -> None:
    assert [item.id for item in read_items(GATED_TASKS, "specs/006/tasks.md")] == [
        "T001",
        "T002",
    ]
    assert finding_lines(GATED_TASKS, "specs/006/tasks.md") == []


def test_a_phase_of_work_on_quality_gates_is_still_read() -> None:
    plan = (
        "# Roadmap\n\n## Phase 1: Setup\n\n- [x] Create the repository\n\n"
        "## Phase 2: Quality gates\n\n- [ ] Add a coverage threshold to CI\n"
        "- [ ] Fail the build on lint errors\n"
    )
    assert titles(plan, "ROADMAP.md") == [
        "Create the repository",
        "Add a coverage threshold to CI",
        "Fail the build on lint errors",
    ]


# A roadmap that ends with the tracker's labels contributors should watch.
LABELLED_ROADMAP = """\
# Roadmap

## Q4 2025

- OAuth polish
- Add sample .env.example

## Labels to watch

- good first issue
- help wanted
"""


def test_the_labels_a_roadmap_asks_contributors_to_watch_are_no_work() -> None:
    assert titles(LABELLED_ROADMAP, "ROADMAP.md") == ["OAuth polish", "Add sample .env.example"]
    assert finding_lines(LABELLED_ROADMAP, "ROADMAP.md") == []


def test_work_on_labels_is_still_read() -> None:
    plan = LABELLED_ROADMAP.replace("## Labels to watch", "## Label editor").replace(
        "- good first issue\n- help wanted", "- Rename a label\n- Colour a label"
    )
    assert titles(plan, "ROADMAP.md")[2:] == ["Rename a label", "Colour a label"]
    guide = "# Contributing\n\n## Labels to watch\n\n- good first issue\n- help wanted\n"
    assert read_items(guide, "CONTRIBUTING.md") == ()
    assert finding_lines(guide, "CONTRIBUTING.md") == []


# A board's cards broken over lines with ``<br>``, and a table cell written so.
BROKEN_CARDS = """\
---

kanban-plugin: basic

---

## Programming

- [ ] **(1 hour)**<br>Plan the language school.<br>#project #family
- [ ] Read a **concurrency** textbook.
"""


def test_a_line_break_in_a_card_or_a_cell_parts_its_words() -> None:
    assert titles(BROKEN_CARDS, "Tasks/Backlog.md") == [
        "(1 hour) Plan the language school.",
        "Read a concurrency textbook.",
    ]
    table = (
        "# Backlog\n\n| ID | Title | Status |\n|---|---|---|\n| BL-1 | Export<br>to PDF | todo |\n"
    )
    assert titles(table, "BACKLOG.md") == ["Export to PDF"]


def test_a_note_of_html_with_line_breaks_is_no_plan() -> None:
    note = "# Notes\n\nFirst line<br>second line<br/>third line.\n\n- a<br>b\n"
    assert read_items(note, "notes.md") == ()
    assert finding_lines(note, "notes.md") == []
