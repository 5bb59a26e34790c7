"""Plans as people write them, read with no configuration (ROADMAP CORE-22): each case is
a shape seen in a real plan file (tests/corpus holds the files) and what a person reads
in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from roadmaplint.reader import parse
from roadmaplint.reader.shapes import taskfiles
from roadmaplint.settings import Settings

# (text, the items read: id, title, status, priority, owner, dependencies)
BOX_CASES = {
    "a bold lead is the title, the rest its description": (
        "# Backlog\n\n- [ ] **Friends' feeds** - subscribe to @boris and @ana instances\n"
        "- [ ] **OpenAI news workaround** - RSS blocked (403)\n",
        [
            ("friends-feeds", "Friends' feeds", "[ ]", None, None, ()),
            ("openai-news-workaround", "OpenAI news workaround", "[ ]", None, None, ()),
        ],
    ),
    "a title before an em dash; an @name in the description is no owner": (
        "# Todo\n\n- [ ] Fix the login — reported by @sam last week\n",
        [("fix-the-login", "Fix the login", "[ ]", None, None, ())],
    ),
    "todo-md: lower-case IDs, trailing tags, estimates and key:value metadata": (
        "# TODO\n\n"
        "- [x] t005 Fix unused variable @marcus #quality ~15m risk:low ref:GH#6\n"
        "- [ ] t006 Add headers — review feedback @marcus #security ~30m\n"
        "- [ ] t007 Validate env blocked-by:t005\n",
        [
            ("t005", "Fix unused variable", "done", None, "marcus", ()),
            ("t006", "Add headers", "[ ]", None, "marcus", ()),
            ("t007", "Validate env", "[ ]", None, None, ()),
        ],
    ),
    "hashtags are labels and !high is the priority": (
        "# Tasks\n\n- [ ] Write unit tests #testing !high\n- [x] Set up project #setup\n",
        [
            ("write-unit-tests", "Write unit tests", "[ ]", "high", None, ()),
            ("set-up-project", "Set up project", "done", None, None, ()),
        ],
    ),
    "a phase heading over spec-kit boxes with IDs is their section, not an item": (
        "# Tasks\n\n## Phase 1: Setup\n\n**Purpose**: scaffolding\n\n"
        "- [X] T001 Create the package\n- [ ] T002 [P] [US1] Add tests for the package\n\n"
        "## Phase 2: Core\n\n- [ ] T003 Implement the core\n",
        [
            ("T001", "Create the package", "done", None, None, ()),
            ("T002", "Add tests for the package", "[ ]", None, None, ()),
            ("T003", "Implement the core", "[ ]", None, None, ()),
        ],
    ),
}


@pytest.mark.parametrize("case", BOX_CASES)
def test_checkbox_items_read_as_a_person_reads_them(case: str) -> None:
    text, expected = BOX_CASES[case]
    roadmap = parse(text, "TODO.md", Settings())
    assert [
        (i.id, i.title, i.status, i.priority, i.dri, i.depends_on) for i in roadmap.items
    ] == expected


def test_phases_over_plans_without_ids_stay_items() -> None:
    text = (
        "# Roadmap\n\n### Phase 1: Foundation\n**Goal**: a base\n\nPlans:\n"
        "- [x] 01-01-PLAN.md — scaffold\n- [ ] 01-02-PLAN.md — CLI\n"
    )
    roadmap = parse(text, "ROADMAP.md", Settings())
    assert [(i.id, i.title) for i in roadmap.items] == [("Phase 1", "Foundation")]


def test_a_task_file_without_front_matter_is_read_from_its_heading_and_name(
    tmp_path: Path,
) -> None:
    backlog = tmp_path / "backlog"
    (backlog / "tasks").mkdir(parents=True)
    (backlog / "config.yml").write_text('statuses: ["To Do", "Done"]\n', encoding="utf-8")
    (backlog / "tasks" / "task-1 - First.md").write_text(
        "---\nid: task-1\ntitle: First\nstatus: To Do\n---\n\nText.\n", encoding="utf-8"
    )
    (backlog / "tasks" / "task-43 - Add-a-runner.md").write_text(
        "# Task: Add a runner\n\n**Description:** A runner.\n\n**Status:** Done\n",
        encoding="utf-8",
    )
    items = taskfiles.read(backlog).roadmap.items
    assert [(i.id, i.title, i.status) for i in items] == [
        ("TASK-1", "First", "To Do"),
        ("TASK-43", "Add a runner", "Done"),
    ]


def test_a_heading_that_names_a_status_gives_it_to_the_open_boxes_beneath() -> None:
    text = (
        "# Tracker\n\n### ✅ Completed Tasks\n- [x] Set up\n\n### 🔄 In Progress Tasks\n"
        "- [ ] Export script\n\n## v0.5 parity (active)\n- [ ] Schema CI\n\n"
        "## Backlog\n- [ ] Team packs\n\n## Open questions\n- [ ] Which host?\n"
    )
    roadmap = parse(text, "TODO.md", Settings())
    assert [(i.title, i.status) for i in roadmap.items] == [
        ("Set up", "done"),
        ("Export script", "in progress"),
        ("Schema CI", "active"),
        ("Team packs", "backlog"),
        ("Which host?", "[ ]"),
    ]


def test_a_phase_without_a_checklist_takes_its_status_from_the_progress_table() -> None:
    text = (
        "# Roadmap\n\n### Phase 1: Fork\n**Goal**: a fork\n\n### Phase 2: Package\n"
        "**Depends on**: Phase 1\n\n## Progress\n\n| Phase | Plans | Status | Completed |\n"
        "|---|---|---|---|\n| 1. Fork | 2/2 | Complete | 2026-04-13 |\n"
        "| 2. Package | 0/1 | Not started | - |\n"
    )
    roadmap = parse(text, "ROADMAP.md", Settings())
    assert [(i.id, i.status, i.depends_on) for i in roadmap.items] == [
        ("Phase 1", "Complete", ()),
        ("Phase 2", "pending", ("Phase 1",)),
    ]


def test_table_columns_as_written_depends_on_agent_priority_and_a_done_mark() -> None:
    text = (
        "# Tasks\n\n| id | agent | depends-on | prioriteetti |\n|---|---|---|---|\n"
        "| ✅ T01 | craftsman | - | 1 |\n| T02 | craftsman | T01 | 2 |\n"
    )
    roadmap = parse(text, "tasks.md", Settings())
    assert [(i.id, i.status, i.dri, i.priority, i.depends_on) for i in roadmap.items] == [
        ("T01", "done", "craftsman", "1", ()),
        ("T02", "open", "craftsman", "2", ("T01",)),
    ]


PLAIN_CASES = {
    "todo.md: plain bullets under # TODO / # PENDING / # DONE": (
        "# TODO\n\n- First thing\n\n## 2.0\n- Later thing\n\n# PENDING\n- filter by tag\n\n"
        "# DONE\n- init command\n  - a detail\n",
        [
            ("first-thing", "First thing", "todo"),
            ("later-thing", "Later thing", "todo"),
            ("filter-by-tag", "filter by tag", "pending"),
            ("init-command", "init command", "done"),
        ],
    ),
    "bullets that begin with an ID and say their status": (
        "# Tasks\n\n## Shipped in v0.4\n\n- ST-022 evaluation suite — completed (notes).\n"
        "- ST-023 benchmark adapters — completed.\n",
        [
            ("ST-022", "evaluation suite", "completed"),
            ("ST-023", "benchmark adapters", "completed"),
        ],
    ),
    "status words in brackets": (
        "# Tasks\n\n## Backlog\n\n- [TODO] Task-001: Write the spec\n\n## Done\n\n"
        "- [DONE] Task-000: Initialize placeholders\n",
        [
            ("Task-001", "Write the spec", "TODO"),
            ("Task-000", "Initialize placeholders", "DONE"),
        ],
    ),
}


@pytest.mark.parametrize("case", PLAIN_CASES)
def test_plain_bullets_are_items_only_where_the_document_says_so(case: str) -> None:
    text, expected = PLAIN_CASES[case]
    roadmap = parse(text, "TODO.md", Settings())
    assert [(i.id, i.title, i.status) for i in roadmap.items] == expected


@pytest.mark.parametrize(
    "text",
    [
        "# Notes\n\n## Features\n\n- Fast search\n- Offline mode\n",
        "# Plan\n\n## Dependencies\n\n- **US1**: starts after Phase 2\n- **US2**: needs US1\n",
        "# Changelog\n\n## Done\n\n- shipped a thing\n",  # one status heading is no todo list
    ],
)
def test_plain_bullets_that_are_prose_stay_prose(text: str) -> None:
    assert parse(text, "NOTES.md", Settings()).items == ()


def _codes(text: str) -> list[str]:
    from roadmaplint import check_text

    return sorted({finding.code for finding in check_text(text, "PLAN.md", Settings())})


def test_a_first_run_on_a_plan_without_owners_or_done_criteria_reports_no_noise() -> None:
    checklist = (
        "# Work\n\n## In Progress\n\n- [ ] Schema CI\n- [ ] Root CI\n\n## Done\n\n- [x] Setup\n"
    )
    assert _codes(checklist) == []  # no RL501: the plan never names owners
    queue = (
        "# Queue\n\n## Status Legend\n- `queued`\n- `done`\n\n| id | title | status |\n"
        "|---|---|---|\n| Q-1 | First | queued |\n| Q-2 | Second | done |\n"
    )
    assert _codes(queue) == []  # no RL203, RL402, RL503: a status vocabulary is not the format


def test_owners_and_done_criteria_are_still_asked_for_where_the_plan_uses_them() -> None:
    checklist = (
        "# Work\n\n## In Progress\n\n- [ ] Schema CI @ana\n- [ ] Root CI\n  - [ ] green on main\n"
    )
    assert _codes(checklist) == ["RL501"]


def test_a_legend_written_as_a_table_is_read() -> None:
    text = (
        "# Tasks\n\n## Status Legend\n\n| Symbol | Status |\n|---|---|\n| `Todo` | Not started |\n"
        "| `Done` | Completed |\n\n### T-1 — First\n- **Status:** Todo\n"
    )
    legend = parse(text, "TASKS.md", Settings()).status_legend
    assert legend is not None
    assert [(entry.value, entry.description) for entry in legend.entries] == [
        ("Todo", "Not started"),
        ("Done", "Completed"),
    ]


def test_a_template_heading_still_to_be_filled_in_is_no_item() -> None:
    text = "# Plan\n\n### Phase 1: [Name]\n\n**Tasks:**\n1. TASK-kebab-name\n"
    assert parse(text, "tasks.md", Settings()).items == ()


def test_a_now_next_later_board_gives_its_statuses_but_a_lone_now_does_not() -> None:
    board = "# Backlog\n\n## NOW\n- [ ] Alpha\n\n## NEXT\n- [ ] Beta\n\n## LATER\n- [ ] Gamma\n"
    assert [i.status for i in parse(board, "BACKLOG.md", Settings()).items] == [
        "in progress",
        "ready",
        "idea",
    ]
    lone = "# Plan\n\n## Now\n- [ ] Alpha\n"
    assert [i.status for i in parse(lone, "PLAN.md", Settings()).items] == ["[ ]"]
