"""The GoMLX roadmap as its maintainers kept editing it: two later versions, byte for byte.

``gomlx-TODO-e0c8724.md`` is the same day as the example; ``gomlx-TODO-e9f81d3.md`` is
the newest, with a list at column 1 that swallows the rest of the document (RL108).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, findings, installed_command

from roadmaplint.generate.fix import fix_text
from roadmaplint.reader import parse

E0C = "gomlx-TODO-e0c8724.md"
E9F = "gomlx-TODO-e9f81d3.md"

EXPECTED = {
    E0C: [
        (33, 21, "RL306", "MODEL-1"),
        (47, 21, "RL306", "MODEL-2"),
        (125, 14, "RL501", "GRAPH-1"),
        (128, 5, "RL104", "GRAPH-1"),
        (153, 5, "RL104", "GRAPH-3"),
        (154, 21, "RL306", "GRAPH-3"),
        (168, 17, "RL201", "BACKEND-2"),
        (170, 5, "RL104", "BACKEND-2"),
        (205, 5, "RL104", "BACKEND-5"),
        (231, 17, "RL502", "INFRA-2"),
        (276, 3, "RL401", "MODEL-2"),
        (281, 3, "RL401", "GRAPH-2"),
        (284, 3, "RL401", "MODEL-6"),
        (285, 3, "RL401", "MODEL-7"),
        (286, 3, "RL401", "BACKEND-2"),
        (288, 3, "RL401", "BACKEND-5"),
        (295, 3, "RL401", "BACKEND-6"),
    ],
    E9F: [
        (9, 1, "RL108", None),
        (41, 17, "RL201", "MODEL-1"),
        (50, 5, "RL104", "MODEL-1"),
        (62, 21, "RL306", "MODEL-2"),
        (140, 14, "RL501", "GRAPH-1"),
        (143, 5, "RL104", "GRAPH-1"),
        (150, 5, "RL104", "GRAPH-1"),
        (174, 5, "RL104", "GRAPH-3"),
        (175, 21, "RL306", "GRAPH-3"),
        (190, 17, "RL201", "BACKEND-2"),
        (192, 5, "RL104", "BACKEND-2"),
        (198, 5, "RL104", "BACKEND-2"),
        (232, 5, "RL104", "BACKEND-5"),
        (258, 17, "RL502", "INFRA-2"),
        (291, 17, "RL201", "MAINT-1"),
        (305, 3, "RL401", "MODEL-2"),
        (310, 3, "RL401", "GRAPH-2"),
        (313, 3, "RL401", "MODEL-6"),
        (314, 3, "RL401", "MODEL-7"),
        (315, 3, "RL401", "BACKEND-2"),
        (317, 3, "RL401", "BACKEND-5"),
        (324, 3, "RL401", "BACKEND-6"),
        (325, 3, "RL401", "MAINT-1"),
    ],
}


def text_of(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_fixture_copies_are_the_shared_originals() -> None:
    shared = REPO.parent / "shared" / "fixtures" / "real"
    for name in (E0C, E9F):
        if (shared / name).exists():  # beside the clone on the project's machines
            assert (shared / name).read_bytes() == (FIXTURES / name).read_bytes()


@pytest.mark.parametrize("name", [E0C, E9F])
def test_findings_exactly(name: str) -> None:
    found = findings(text_of(name))
    assert [(f.line, f.column, f.code, f.item) for f in found] == EXPECTED[name]


@pytest.mark.parametrize("name", [E0C, E9F])
def test_eighteen_items_in_their_sections(name: str) -> None:
    parsed = parse(text_of(name))
    assert [item.id for item in parsed.items] == [
        *(f"MODEL-{n}" for n in range(1, 8)),
        "GRAPH-1",
        "GRAPH-2",
        "GRAPH-3",
        *(f"BACKEND-{n}" for n in range(2, 6)),
        "INFRA-1",
        "INFRA-2",
        "API-1",
        "MAINT-1",
    ]
    assert {item.section for item in parsed.items} == {
        "Modeling",
        "Graph",
        "Backends",
        "Infrastructure",
        "API Improvements",
        "Maintenance",
    }
    assert parsed.status_legend is not None and parsed.priority_legend is not None
    assert parsed.overview is not None


def test_newest_messages_name_the_real_problems() -> None:
    messages = {(f.code, f.item): f.message for f in findings(text_of(E9F))}
    assert messages[("RL108", None)] == (
        "this list (lines 9-14) starts at column 1 in a document indented by 2 spaces, so its "
        "last item swallows lines 16-325: every heading there renders inside one bullet; indent "
        "the stray lines 6-7, 9-14 like the rest of the document (roadmaplint fix does)"
    )
    assert messages[("RL201", "MODEL-1")].startswith('MODEL-1 has status "partially done"')
    assert messages[("RL201", "BACKEND-2")].startswith(
        'BACKEND-2 has status "in-progress", which is not in the Status Legend (did you mean '
        "in_progress?)"
    )
    assert messages[("RL201", "MAINT-1")].startswith(
        'MAINT-1 has status "in-progress, ETA v0.28.0."'
    )
    assert messages[("RL401", "MAINT-1")].endswith("MAINT-1 is listed under P2 but is P1")
    assert messages[("RL401", "BACKEND-6")].endswith("BACKEND-6 is listed but is no item")


@pytest.mark.parametrize("name", [E0C, E9F])
def test_fix_diff_exactly_with_the_installed_command(name: str, tmp_path: Path) -> None:
    shutil.copy(FIXTURES / name, tmp_path / name)
    done = subprocess.run(
        [installed_command(), "fix", "--diff", name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (1, "")
    expected = (FIXTURES / name.replace(".md", ".fix.diff")).read_text(encoding="utf-8")
    assert done.stdout == expected
    assert (tmp_path / name).read_bytes() == (FIXTURES / name).read_bytes()


@pytest.mark.parametrize("name", [E0C, E9F])
def test_fix_then_only_the_unfixable_findings_remain(name: str) -> None:
    result = fix_text(text_of(name))
    fixed = result.text
    assert fix_text(fixed).text == fixed  # idempotent
    left = [(f.line, f.code, f.item) for f in findings(fixed)]
    expected = [
        (line, code, item)
        for line, _, code, item in EXPECTED[name]
        if code not in ("RL108", "RL401")
    ]
    assert left == expected
    # Only the stray lines gained indentation; every other line outside the overview is kept.
    old, new = text_of(name).splitlines(), fixed.splitlines()
    overview = next(n for n, line in enumerate(old) if line.strip() == "# Priority Overview")
    for number, (before, after) in enumerate(zip(old[:overview], new[:overview], strict=True), 1):
        if before != after:
            assert name == E9F and number in (6, 7, 9, 10, 11, 12, 13, 14)
            assert after.strip() == before.strip() and after.startswith("  ")
