"""Quiet by default, swept a twelfth time across public plan files and the documents a
user runs roadmaplint on by mistake or through a pre-commit glob, in neither the corpus nor
the earlier sweeps (issue 20; ``tests/corpus/README.md``, "Twelfth quiet sweep"): each
file, kept in ``tests/quiet/twelve/`` with its origin, pinned at the items it reads and the
findings it gets with no configuration after the sweep's fixes (the classes themselves, in
small documents written for them, are in ``tests/test_quiet_sweep_twelve.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import finding_lines, read_items

TWELVE = Path(__file__).parent / "quiet" / "twelve"


# The sweep's real files, kept in ``tests/quiet/twelve/`` with their origin in the corpus
# README: (file kept, its path in its repository, items read, findings) after the fixes.
PINNED = [
    ("advdev-roadmap-fr.md", "docs/roadmap.md", 0, []),
    ("agentheim-ROADMAP.md", "docs/ROADMAP.md", 12, []),
    ("ccweb-ROADMAP-fr.md", "docs/ROADMAP.md", 17, []),
    ("comix-CONTRIBUTING.md", "CONTRIBUTING.md", 0, []),
    ("comix-RELEASE_CHECKLIST.md", "RELEASE_CHECKLIST.md", 0, []),
    ("comprineas-adr-0002.md", "docs/adr/0002-use-postgresql.md", 0, []),
    ("comprineas-prd-0005.md", "docs/prd/0005-list-items.md", 37, []),
    ("comprineas-spec-0003.md", "docs/specs/0003-shared-lists.md", 0, []),
    ("cs446-meeting-week-11.md", "docs/meetings/week-11.md", 0, []),
    ("czsoftcode-gsd-M001-ROADMAP.md", ".gsd/milestones/M001/M001-ROADMAP.md", 7, []),
    ("czsoftcode-gsd-QUEUE.md", ".gsd/QUEUE.md", 5, []),
    ("gantry-DECISIONS.md", "DECISIONS.md", 0, []),
    ("gantry-ROADMAP.md", "ROADMAP.md", 47, []),
    ("gbrs-ROADMAP-pt.md", "ROADMAP.md", 106, []),
    ("gbrs-STATUS-pt.md", "STATUS.md", 0, []),
    ("gosynctasks-SECURITY.md", "SECURITY.md", 0, []),
    ("gosynctasks-TODO.md", "TODO.md", 10, []),
    ("gregic-Kanban.md", "Kanban.md", 8, []),
    ("jsfw-comparison-README.md", "README.md", 8, []),
    ("pmglossary-Backlog.md", "Backlog.md", 0, []),
    ("pzlua-TODO.md", "TODO.md", 1, []),
    ("runcino-BUILD_PLAN.md", "BUILD_PLAN.md", 5, []),
    ("sismolog-kiro-tasks.md", ".kiro/specs/tasks.md", 275, []),
    ("sismolog-sprint-plan.md", ".kiro/specs/sprint-plan.md", 37, []),
    ("sluice-CHANGELOG.md", "CHANGELOG.md", 0, []),
    ("sluice-ROADMAP.md", "ROADMAP.md", 21, []),
    ("sluice-SECURITY.md", "SECURITY.md", 0, []),
    ("wispython-DAYS.md", "DAYS.md", 0, []),
    ("wispython-SYLLABUS.md", "SYLLABUS.md", 0, []),
]


@pytest.mark.parametrize(("name", "path", "items", "findings"), PINNED, ids=[p[0] for p in PINNED])
def test_each_file_keeps_its_reading_and_findings(
    name: str, path: str, items: int, findings: list[str]
) -> None:
    text = (TWELVE / name).read_text(encoding="utf-8")
    assert len(read_items(text, path)) == items
    assert finding_lines(text, path) == findings


def test_every_file_of_the_sweep_is_pinned() -> None:
    assert sorted(p[0] for p in PINNED) == sorted(f.name for f in TWELVE.glob("*.md"))


def test_the_tagged_to_do_and_the_slices_read_their_titles_whole() -> None:
    todo = read_items((TWELVE / "gosynctasks-TODO.md").read_text(encoding="utf-8"), "TODO.md")
    assert not [item.title for item in todo if "@" in item.title or ":task" in item.title]
    assert todo[2].title == "Implement Phase 1 - Config Restructuring"
    path = ".gsd/milestones/M001/M001-ROADMAP.md"
    slices = read_items(
        (TWELVE / "czsoftcode-gsd-M001-ROADMAP.md").read_text(encoding="utf-8"), path
    )
    assert [(item.id, item.title) for item in slices][:2] == [
        ("S02", "Zaklad"),
        ("S04", "Terminal Git Barvy"),
    ]
    assert [item.depends_on for item in slices][1:3] == [("S02",), ("S04",)]


def test_the_dated_queue_reads_its_five_milestones() -> None:
    queue = read_items(
        (TWELVE / "czsoftcode-gsd-QUEUE.md").read_text(encoding="utf-8"), ".gsd/QUEUE.md"
    )
    assert [item.id for item in queue] == ["M002", "M004", "M005", "M006", "M007"]
    assert queue[0].title == "Local History"
