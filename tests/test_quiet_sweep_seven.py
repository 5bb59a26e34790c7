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
