"""Quiet by default, swept a thirteenth time across public plan files and the documents a
user runs roadmaplint on by mistake or through a pre-commit glob, in neither the corpus nor
the earlier sweeps (issue 20; ``tests/corpus/README.md``, "Thirteenth quiet sweep"): each
file, kept in ``tests/quiet/thirteen/`` with its origin, pinned at the items it reads and
the findings it gets with no configuration after the sweep's fixes (the classes themselves,
in small documents written for them, are in ``tests/test_quiet_sweep_thirteen.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import finding_lines, read_items

THIRTEEN = Path(__file__).parent / "quiet" / "thirteen"


# The sweep's real files, kept in ``tests/quiet/thirteen/`` with their origin in the corpus
# README: (file kept, its path in its repository, items read, findings) after the fixes.
PINNED = [
    ("aether-gsd-S02-PLAN.md", ".gsd/milestones/M001/slices/S02/S02-PLAN.md", 2, []),
    ("aether-gsd-S02-SUMMARY.md", ".gsd/milestones/M001/slices/S02/S02-SUMMARY.md", 0, []),
    ("aiblogboost-ROADMAP-ja.md", "ROADMAP.ja.md", 15, []),
    ("csharpplan-Progress.md", "Assignments/Progress.md", 12, []),
    ("csharpplan-Schedule.md", "Notes/Schedule.md", 0, []),
    ("csharpplan-TODOs.md", "Notes/TODOs.md", 15, []),
    ("dbflux-CHANGELOG.md", "CHANGELOG.md", 0, []),
    ("dbflux-CONTRIBUTING.md", "CONTRIBUTING.md", 0, []),
    ("dbflux-SECURITY.md", "SECURITY.md", 0, []),
    ("dbflux-pull_request_template.md", ".github/pull_request_template.md", 0, []),
    ("fwreview-ROADMAP.md", "ROADMAP.md", 4, []),
    ("fwreview-RUNBOOK.md", "RUNBOOK.md", 0, []),
    ("gaultline-todo-agent.md", "todo-5hndw4we.md", 37, []),
    ("incipisphere-Kanban.md", "Kanban.md", 2, []),
    (
        "lamd-backlog-content-caching.md",
        "backlog/features/2025-05-21_content-distribution-caching.md",
        10,
        [],
    ),
    (
        "lamd-backlog-two-stage-cli.md",
        "backlog/features/2026-01-04_two-stage-cli-phase1.md",
        36,
        [],
    ),
    ("lamd-cip0006.md", "cip/cip0006.md", 7, []),
    ("laraveltodo-DONE-pl.md", "DONE.pl.md", 0, []),
    ("laraveltodo-TODO-pl.md", "TODO.pl.md", 24, []),
    ("lyrfin-ROADMAP.md", "docs/ROADMAP.md", 20, []),
    ("lyrfin-STATUS.md", "docs/STATUS.md", 18, []),
    ("maplestory-ROADMAP-zh.md", "ROADMAP.zh-CN.md", 46, []),
    ("norish-planning-02-01-PLAN.md", ".planning/phases/02-multi-household/02-01-PLAN.md", 0, []),
    ("norish-planning-REQUIREMENTS.md", ".planning/REQUIREMENTS.md", 55, []),
    (
        "novelviewer-darkmode-design-ja.md",
        "openspec/changes/archive/2026-02-17-add-dark-mode/design.md",
        0,
        [],
    ),
    ("novelviewer-darkmode-spec-ja.md", "openspec/specs/dark-mode/spec.md", 0, []),
    (
        "novelviewer-darkmode-tasks-ja.md",
        "openspec/changes/archive/2026-02-17-add-dark-mode/tasks.md",
        13,
        [],
    ),
    ("outbreakradar-kiro-tasks.md", ".kiro/specs/mvp/tasks.md", 67, []),
    ("pfchat-ROADMAP-es.md", "ROADMAP.es.md", 12, []),
    ("scrumimpl-initial-backlog.md", "backlog/initial-backlog.md", 6, []),
    ("scrumimpl-issue-user-story.md", ".github/ISSUE_TEMPLATE/user_story.md", 0, []),
    ("scrumimpl-retrospective-template.md", "doc/retrospective-template.md", 0, []),
    ("sendspin-ROADMAP-ru.md", "ROADMAP.ru.md", 106, []),
]


@pytest.mark.parametrize(("name", "path", "items", "findings"), PINNED, ids=[p[0] for p in PINNED])
def test_each_file_keeps_its_reading_and_findings(
    name: str, path: str, items: int, findings: list[str]
) -> None:
    text = (THIRTEEN / name).read_text(encoding="utf-8")
    assert len(read_items(text, path)) == items
    assert finding_lines(text, path) == findings


def test_every_file_of_the_sweep_is_pinned() -> None:
    assert sorted(p[0] for p in PINNED) == sorted(f.name for f in THIRTEEN.glob("*.md"))


def test_the_backlog_reads_its_first_story_headed_by_a_joined_emoji() -> None:
    path = "backlog/initial-backlog.md"
    text = (THIRTEEN / "scrumimpl-initial-backlog.md").read_text(encoding="utf-8")
    assert [item.id for item in read_items(text, path)] == [
        "US001",
        "US002",
        "US003",
        "TT001",
        "TT002",
        "BUG001",
    ]


def test_the_polish_to_do_reads_every_requirement_done() -> None:
    text = (THIRTEEN / "laraveltodo-TODO-pl.md").read_text(encoding="utf-8")
    items = read_items(text, "TODO.pl.md")
    assert {item.status for item in items} == {"\u2705"}
    assert not [item.title for item in items if item.title.startswith("\u2705")]


def test_the_progress_log_and_the_board_read_their_states() -> None:
    path = "Assignments/Progress.md"
    log = read_items((THIRTEEN / "csharpplan-Progress.md").read_text(encoding="utf-8"), path)
    assert [item.status for item in log] == ["Completed"] * 5 + ["Skipped"] * 3 + ["Pending"] * 4
    assert log[0].title == "Assignment 07: FortuneCookie"
    board = read_items(
        (THIRTEEN / "incipisphere-Kanban.md").read_text(encoding="utf-8"), "Kanban.md"
    )
    assert [item.status for item in board] == ["dropped", "dropped"]
