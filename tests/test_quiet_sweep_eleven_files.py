"""Quiet by default, swept an eleventh time across public plan files and the documents a
user runs roadmaplint on by mistake or through a pre-commit glob, in neither the corpus nor
the earlier sweeps (issue 20; ``tests/corpus/README.md``, "Eleventh quiet sweep"): each
file, kept in ``tests/quiet/eleven/`` with its origin, pinned at the items it reads and the
findings it gets with no configuration after the sweep's fixes (the classes themselves, in
small documents written for them, are in ``tests/test_quiet_sweep_eleven.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import finding_lines, read_items

ELEVEN = Path(__file__).parent / "quiet" / "eleven"


# The sweep's real files, kept in ``tests/quiet/eleven/`` with their origin in the corpus
# README: (file kept, its path in its repository, items read, findings) after the fixes.
PINNED = [
    ("1shot-feature-request.md", ".github/ISSUE_TEMPLATE/FEATURE_REQUEST.md", 0, []),
    ("boo-ROADMAP.md", "ROADMAP.md", 24, []),
    ("bradan-team-sync-meeting.md", "work/meetings/2025-01-01-team-sync-SAMPLE.md", 0, []),
    ("bytecodealliance-wasm-gc-rfc.md", "accepted/wasm-gc.md", 11, ["4:RL111"]),
    ("chanterlab-APP-ROADMAP.md", "docs/APP-ROADMAP-2026.md", 0, []),
    ("compsci220-schedule.md", "website/schedule/index.md", 0, []),
    ("concord-PR-template.md", ".github/PULL_REQUEST_TEMPLATE.md", 0, []),
    ("conpath-roadmap-manual-ja.md", "roadmap/progress/index.md", 0, []),
    ("daino-phoenix-rollout-plan.md", "backend/docs/internal/PHOENIX_ROLLOUT_PLAN.md", 5, []),
    ("dnd-tracker-speckit-tasks.md", "specs/006-party-management-pages/tasks.md", 57, []),
    ("fieldos-STATUS.md", "STATUS.md", 0, []),
    ("gameoflife-gsd-ROADMAP.md", ".planning/ROADMAP.md", 5, []),
    ("gatemanager-ROADMAP-es.md", "ROADMAP.md", 17, []),
    ("hau-roadmap-zh.md", "docs/roadmap.md", 8, []),
    ("helphello-features.md", "en/features.md", 0, []),
    ("jetclient-CHANGELOG.md", "CHANGELOG.md", 0, []),
    ("netlify-identity-RELEASE.md", "RELEASE.md", 0, []),
    ("norseblue-UNRELEASED.md", ".changelog/UNRELEASED.md", 0, []),
    ("openapi-wled-tasks.md", "tasks.md", 19, []),
    ("playkers-ROADMAP.md", "ROADMAP.md", 8, []),
    ("react-sw-updater-tasks.md", "tasks.md", 30, []),
    ("restaurant-dash-PLAN.md", "PLAN.md", 12, []),
    ("trrntzip-TODO.md", "TODO.md", 0, []),
    ("tymotex-kanban-Backlog.md", "content/Tasks/Backlog.md", 54, []),
    ("videocraft-BACKLOG-zh.md", "BACKLOG.md", 23, []),
    ("webappinaws-TASKS-ja.md", ".github/docs/TASKS.md", 191, []),
]


@pytest.mark.parametrize(("name", "path", "items", "findings"), PINNED, ids=[p[0] for p in PINNED])
def test_each_file_keeps_its_reading_and_findings(
    name: str, path: str, items: int, findings: list[str]
) -> None:
    text = (ELEVEN / name).read_text(encoding="utf-8")
    assert len(read_items(text, path)) == items
    assert finding_lines(text, path) == findings


def test_every_file_of_the_sweep_is_pinned() -> None:
    assert sorted(p[0] for p in PINNED) == sorted(f.name for f in ELEVEN.glob("*.md"))
