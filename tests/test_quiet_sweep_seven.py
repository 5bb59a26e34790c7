"""Quiet by default, swept a seventh time across public plan files and the documents a user
runs roadmaplint on by mistake or through a pre-commit glob, in neither the corpus nor the
earlier sweeps (issue 20; ``tests/corpus/README.md``, "Seventh quiet sweep"): each class of
false alarm or of a document that is no plan read as items, in the real file (kept in
``tests/quiet/seven/`` with its origin) or a small document of its class, with no finding
and no item; and beside it a plan of the same shape that still gets its real finding."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import finding_lines, read_items

SEVEN = Path(__file__).parent / "quiet" / "seven"


def real(name: str) -> str:
    return (SEVEN / name).read_text(encoding="utf-8")


# Meplos/g1eq7-release Task1.md d94503c9b5063371f740fffba6a66cfe9f45812b: a French sprint's
# tasks by kind (NF a feature, TU/TI a unit or integration test, TE2E an end-to-end test),
# the tests of one task numbered after an underscore (``TI3_1``, ``TE2E3_2``).
TASKS = real("g1eq7-Task1.md")


def test_a_sub_numbered_id_keeps_its_kinds_prefix() -> None:
    found = finding_lines(TASKS, "Task1.md")
    # the five RL106 on ``TI3_1``-style IDs are gone; the real findings stay: T10 (its
    # bullet calls it TU10), three DONE tasks over TODO ones, three unknown dependencies
    assert found == [
        "568:RL106",
        "573:RL304",
        "575:RL304",
        "596:RL301",
        "596:RL304",
        "603:RL301",
        "607:RL301",
    ]


def test_a_sub_numbered_id_of_another_prefix_is_still_reported() -> None:
    table = (
        "# Tasks\n\n| id | Task | état |\n|---|---|---|\n"
        "| NF1 | Build | DONE |\n| NF2 | Test | TODO |\n| NF3 | Ship | TODO |\n"
        "| TU3_1 | Test it | TODO |\n| TU4_1 | Test that | TODO |\n| QX5_1 | Stray | TODO |\n"
    )
    # TU3_1 and TU4_1 are two of one kind, TU; QX5_1 is the only QX, filed among NF
    assert finding_lines(table, "TASKS.md") == ["10:RL106"]


# Holo795/ToDoList README.md cb8e70b43b10413c3c8c577a5d8f3daabc19acfb: a README's table of
# requirements, ``| ID | Description | Priorité | État |``, each row marked ✔️ under a legend
# ``✔️ : Effectué``; its French state column was not read, 16 items with no status.
README = real("todolist-README.md")


def test_a_french_state_column_of_check_marks_is_the_rows_status() -> None:
    items = read_items(README, "README.md")
    assert len(items) == 16
    assert {item.status for item in items} == {"✔️"}
    assert finding_lines(README, "README.md") == []


def test_a_check_mark_is_done_and_a_done_row_over_an_open_one_is_reported() -> None:
    table = (
        "# Plan\n\n| ID | Tâche | État | Depends on |\n|---|---|---|---|\n"
        "| FS1 | Login | ✔️ | FS2 |\n| FS2 | Sessions | ❌ | |\n| FS3 | Logout | ✔ | |\n"
    )
    assert [item.status for item in read_items(table, "PLAN.md")] == ["✔️", "❌", "✔"]
    assert finding_lines(table, "PLAN.md") == ["5:RL304"]
    # without its accent the column is the same one
    unaccented = table.replace("| État |", "| Etat |")
    assert finding_lines(unaccented, "PLAN.md") == ["5:RL304"]


# thibmonier/hotones project-management/sprints/sprint-001-walking-skeleton/task-board.md
# 648acbd3f9dd1f15f50dc33d29487cce24562873: a kanban board whose one filled column,
# ``### :white_check_mark: Done (17)``, holds a table of its 17 tasks with no Status column
# (``| ID | Type | Tache | Estimation | Date |``); read as nothing, RL109 naming the table.
BOARD = real("hotones-task-board.md")
BOARD_PATH = "project-management/sprints/sprint-001-walking-skeleton/task-board.md"


def test_a_boards_counted_column_gives_its_table_its_status() -> None:
    items = read_items(BOARD, BOARD_PATH)
    assert len(items) == 17
    assert (items[0].id, items[0].title, items[0].status) == (
        "T-TECH-01",
        "Verifier config Turbo/Stimulus",
        "done",
    )
    assert {item.status for item in items} == {"done"}
    assert finding_lines(BOARD, BOARD_PATH) == []


def test_a_counted_column_keeps_a_real_finding_and_a_plain_heading_gives_no_status() -> None:
    board = (
        "# Board\n\n## In Progress (1)\n\n| ID | Tache |\n|---|---|\n| T-1 | Login |\n\n"
        "## Done (2)\n\n| ID | Tache |\n|---|---|\n| T-2 | Logout |\n| T-1 | Again |\n"
    )
    assert [(item.id, item.status) for item in read_items(board, "BOARD.md")] == [
        ("T-1", "in progress"),
        ("T-2", "done"),
        ("T-1", "done"),
    ]
    assert "14:RL102" in finding_lines(board, "BOARD.md")
    # a heading that counts something other than a status is no column of a board
    counted = "# Board\n\n## Sessions (17)\n\n| ID | Tache |\n|---|---|\n| T-1 | Login |\n"
    assert read_items(counted, "BOARD.md") == ()


# figuedmundo/qa-agent-os profiles/default/standards/testcases/test-plan.md
# c6742cd1f02683ca82279dce3e7868c7c99171cf: a standard for writing test plans, whose
# template timeline (``| Test Plan Review | [DATE] | [DATE] | ⏳ Not Started | [OWNER] |``)
# and entry and exit criteria boxes read as 15 items.
TEST_PLAN = real("qa-agent-os-test-plan.md")
TEST_PLAN_PATH = "profiles/default/standards/testcases/test-plan.md"


def test_a_test_plan_standard_reads_no_items_and_comes_no_closer() -> None:
    assert read_items(TEST_PLAN, TEST_PLAN_PATH) == ()
    assert finding_lines(TEST_PLAN, TEST_PLAN_PATH) == []


def test_a_blank_naming_its_own_column_makes_a_template_row_and_a_tag_does_not() -> None:
    template = (
        "# Plan\n\n| Task | Start Date | Status | Owner |\n|---|---|---|---|\n"
        "| Review | [DATE] | Not Started | [OWNER] |\n| Execute | [DATE] | Not Started | [OWNER] |\n"
    )
    assert read_items(template, "PLAN.md") == ()
    filled = template.replace("[DATE]", "2026-01-05").replace("[OWNER]", "Ana")
    assert [item.title for item in read_items(filled, "PLAN.md")] == ["Review", "Execute"]
    # a tag in brackets under another column (``[BE]`` under Type) is a value
    tagged = (
        "# Plan\n\n| ID | Type | Task | Status |\n|---|---|---|---|\n"
        "| T-1 | [BE] | Login | Done |\n| T-1 | [FE] | Form | Open |\n"
    )
    assert [item.id for item in read_items(tagged, "PLAN.md")] == ["T-1", "T-1"]
    assert finding_lines(tagged, "PLAN.md") == ["6:RL102"]
    # braces are a blank in any column
    braced = "# Plan\n\n| Task | Status | Owner |\n|---|---|---|\n| Login | Open | {{owner}} |\n"
    assert read_items(braced, "PLAN.md") == ()


# Roadmap templates, no plans: SSSTAiNLESSS/AntiGravity-Launchpad .planning/ROADMAP.md
# 5da274a08c4d0f7175d1e4f49371cc6bc8608d6c (``### Phase 1: _[Phase Name]_`` over blank
# fields) and nicholasjconn/agent-layer internal/templates/docs/agent-layer/ROADMAP.md
# 47ae0756153c3d432c85fbb59e7a777c59b5415d (no phase yet, its phase templates in code
# blocks: ``## Phase N ✅ — <phase name>``); each got RL109, an error.
LAUNCHPAD = real("launchpad-ROADMAP.md")
AGENT_LAYER = real("agent-layer-ROADMAP-template.md")


def test_a_roadmap_template_comes_no_closer_than_any_document() -> None:
    for text, path in (
        (LAUNCHPAD, ".planning/ROADMAP.md"),
        (AGENT_LAYER, "internal/templates/docs/agent-layer/ROADMAP.md"),
    ):
        assert read_items(text, path) == (), path
        assert finding_lines(text, path) == [], path


def test_a_phase_with_a_name_still_comes_close_and_a_coded_item_still_does() -> None:
    named = LAUNCHPAD.replace("_[Phase Name]_", "Schema", 1)
    assert read_items(named, ".planning/ROADMAP.md")  # a phase with a name is read
    numbered = "# Roadmap\n\n## 12. Write the parser\n\nProse.\n\n## Phase 2: [Phase name]\n"
    assert finding_lines(numbered, "ROADMAP.md") == ["1:RL109"]
    assert (
        finding_lines(numbered.replace("## 12. Write the parser", "## Notes"), "ROADMAP.md") == []
    )
    coded = "# Roadmap\n\n```markdown\n## MODEL-1 — Kernels\n```\n"
    assert finding_lines(coded, "ROADMAP.md") == ["1:RL109"]
    blank = "# Roadmap\n\n```markdown\n## MODEL-1 — <title>\n```\n"
    assert finding_lines(blank, "ROADMAP.md") == []


# MGX-LJY/mg_kiro_mcp prompts/templates/action-items.md
# 6283a22237e699a440c18b232dd90c76552185f0: a Chinese action-item template whose boxes hold
# only blanks joined by dashes and labels (``- [ ] {{next_week_task1}} - {{next_week_owner1}}
# - {{next_week_priority1}}``), read as 8 items.
ACTIONS = real("mg-kiro-action-items.md")


def test_boxes_of_template_blanks_are_no_items() -> None:
    path = "prompts/templates/action-items.md"
    assert read_items(ACTIONS, path) == ()
    assert finding_lines(ACTIONS, path) == []


def test_a_box_with_a_word_of_its_own_beside_a_blank_is_an_item() -> None:
    boxes = (
        "# TODO\n\n- [ ] **{{task}}** - 负责人: {{owner}}\n- [ ] Write the docs - {{owner}}\n"
        "- [x] Ship [the release] - Owner: {{owner}}\n"
    )
    titles = [item.title for item in read_items(boxes, "TODO.md")]
    assert len(titles) == 2
    assert titles[0].startswith("Write the docs") and titles[1].startswith("Ship [the release]")


# congphu1995/agent-skill-kit .claude/skills/researching-ai-topics/references/
# framework-comparison-template.md d0b306810d53fc07fe54e3010333612a71ea0aab: a comparison
# template's ``## Evaluation Criteria Checklist``, seven boxes read as items; the entry and
# exit criteria of the test plan standard above were the same class.
COMPARISON = real("agent-skill-kit-framework-comparison.md")


def test_boxes_of_criteria_are_no_work() -> None:
    path = ".claude/skills/researching-ai-topics/references/framework-comparison-template.md"
    assert read_items(COMPARISON, path) == ()
    assert finding_lines(COMPARISON, path) == []
    gates = "# Plan\n\n## Exit Criteria\n\n- [ ] All tests pass\n- [ ] No open bugs\n"
    assert read_items(gates, "PLAN.md") == ()


def test_boxes_of_work_beside_criteria_are_items() -> None:
    plan = (
        "# Plan\n\n## Tasks\n\n- [ ] Build the parser\n- [x] Write the docs\n\n"
        "## Entry & Exit Criteria\n\n- [ ] Staging is up\n"
    )
    assert [item.title for item in read_items(plan, "PLAN.md")] == [
        "Build the parser",
        "Write the docs",
    ]
    # acceptance criteria are a story's, read as they were
    accepted = (
        "# Plan\n\n## Acceptance Criteria\n\n- [ ] Users can log in\n- [ ] Users can log out\n"
    )
    assert len(read_items(accepted, "PLAN.md")) == 2


# UCIPlus/UCI.UrmMember .memory-bank/tasks/_index.md fb515267c35dc3effb110bf4241dd3562b8a2d37:
# a task index whose one task ``- [TASK001] 复刻 UCI 前端项目 ...`` stands under ``## In
# Progress``, and whose status legend under ``### 任务状态`` (``- **Pending**：待开始``) read as
# four more items.
INDEX = real("urmmember-tasks-index.md")


def test_a_list_glossing_statuses_is_a_legend_and_a_padded_id_in_brackets_names_its_task() -> None:
    items = read_items(INDEX, ".memory-bank/tasks/_index.md")
    assert [(item.id, item.status) for item in items] == [("TASK001", "in progress")]
    assert items[0].title.startswith("复刻 UCI 前端项目")
    assert finding_lines(INDEX, ".memory-bank/tasks/_index.md") == []


def test_bold_work_under_a_queue_and_a_tag_in_brackets_stay_as_they_were() -> None:
    queue = "# Work Queue\n\n- **Login page** — the form\n- **Logout** — clear the session\n"
    assert [item.title for item in read_items(queue, "QUEUE.md")] == ["Login page", "Logout"]
    legend = "# Work Queue\n\n- **Pending** — not started\n- **Done** — merged\n"
    assert read_items(legend, "QUEUE.md") == ()
    # one status named twice is no legend
    twice = "# Work Queue\n\n- **Done** — the form\n- **Done** — the session\n"
    assert len(read_items(twice, "QUEUE.md")) == 2
    tagged = "# Tasks\n\n## In Progress\n\n- [P1] Port the front end\n- [P2] Login page\n"
    assert [item.id for item in read_items(tagged, "TASKS.md")] != ["P1", "P2"]
    padded = "# Tasks\n\n## In Progress\n\n- [TASK001] Port\n\n## Done\n\n- [TASK001] Again\n"
    assert [item.id for item in read_items(padded, "TASKS.md")] == ["TASK001", "TASK001"]
    assert "9:RL102" in finding_lines(padded, "TASKS.md")


def test_the_same_classes_written_another_way() -> None:
    # a sub-task after a hyphen keeps its kind's prefix as one after an underscore does
    hyphened = (
        "# Tasks\n\n| id | Task | état |\n|---|---|---|\n"
        "| US1 | Build | DONE |\n| US2 | Test | TODO |\n| US3-1 | Part | TODO |\n"
    )
    assert finding_lines(hyphened, "TASKS.md") == []
    # a French progress column and a "finished?" one are the rows' status
    for column in ("Avancement", "Fini ?"):
        table = f"# Plan\n\n| ID | Tâche | {column} |\n|---|---|---|\n| FS1 | Login | ✔️ |\n"
        assert [item.status for item in read_items(table, "PLAN.md")] == ["✔️"], column
    # a board's column counted with a word after the number
    board = (
        "# Board\n\n## En cours (2 tâches)\n\n| ID | Tache |\n|---|---|\n| T-1 | A |\n| T-2 | B |\n"
    )
    assert {item.status for item in read_items(board, "BOARD.md")} == {"en cours"}
    # a template's who and when under any column
    template = (
        "# Plan\n\n| Task | Assignee | Due |\n|---|---|---|\n| Review | [Name] | [YYYY-MM-DD] |\n"
    )
    assert read_items(template, "PLAN.md") == ()
    # release and go/no-go criteria, and French exit criteria, are conditions
    for heading in ("Release Criteria", "Go/No-Go Criteria", "Critères de sortie"):
        gates = f"# Plan\n\n## {heading}\n\n- [ ] All tests pass\n- [ ] No open bugs\n"
        assert read_items(gates, "PLAN.md") == (), heading
    # a legend of statuses in code spans or led by their marks
    for legend in (
        "- ⏳ **Pending** — not started\n- ✅ **Done** — merged\n",
        "- `todo` = not started\n- `done` = merged\n",
    ):
        assert read_items(f"# Work Queue\n\n{legend}", "QUEUE.md") == (), legend
    # a template's heading in single braces
    braced = "# Roadmap\n\n```markdown\n## MODEL-1 — {Feature Name}\n```\n"
    assert finding_lines(braced, "ROADMAP.md") == []
