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
