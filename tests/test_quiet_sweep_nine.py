"""Quiet by default, swept a ninth time across public plan files and the documents a user
runs roadmaplint on by mistake or through a pre-commit glob, in neither the corpus nor the
earlier sweeps (issue 20; ``tests/corpus/README.md``, "Ninth quiet sweep"): each file, kept
in ``tests/quiet/nine/`` with its origin, pinned at the items it reads and the findings it
gets with no configuration after the sweep's fixes (the classes themselves, in small
documents written for them, are in ``tests/test_reading_quiet_nine.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import finding_lines, read_items

NINE = Path(__file__).parent / "quiet" / "nine"

# (file kept, its path in its repository, items read, findings) after the sweep's fixes.
PINNED = [
    ("todomd-tui-todo.md", "todo.md", 24, []),
    ("daylinmorgan-todo.md", "todo.md", 7, []),
    ("fuji-SPRINTS_Y_TRABAJO.md", "SPRINTS_Y_TRABAJO.md", 258, []),
    ("markdown-kanban-board.md", "kanban_board.md", 0, []),
    ("sistema-producao-roadmap.md", "docs/roadmap.md", 23, []),
    ("aurea-roadmap.md", "docs/03-roadmap.md", 5, []),
    ("asdt-portfolio-backlog.md", "docs/backlog.md", 0, []),
    (
        "camping-manager-ROADMAP.md",
        ".planning/ROADMAP.md",
        68,
        ["688:RL306", "764:RL102", "836:RL102", "841:RL306"],
    ),
    ("centik-ROADMAP.md", ".planning/ROADMAP.md", 12, []),
    ("flower-studio-BACKLOG.md", "BACKLOG.md", 188, ["326:RL504", "334:RL504"]),
    ("workout-tracker-BACKLOG.md", "BACKLOG.md", 15, []),
    ("flutterwind-TODO.md", "TODO.md", 165, []),
    (
        "fantasy-roadmap-tracker-template.md",
        "frontend/meta-docs-template/docs/meta/1-Frameworks/roadmap-tracker-template.md",
        0,
        [],
    ),
    ("chantal-update-roadmap.md", ".claude/commands/update-roadmap.md", 1, []),
    ("superclaudezero-backlog-template.md", "global/templates/backlog.md", 0, []),
    ("open-zaak-prepare-release.md", ".github/ISSUE_TEMPLATE/prepare-release.md", 0, []),
    ("averbis-release.md", ".github/ISSUE_TEMPLATE/release.md", 0, []),
    ("doktorabc-meeting-notes-template.md", "docs/internal/meeting-notes-template.md", 0, []),
    ("mdd-adr-template.md", "templates/adr.md", 0, []),
    ("mbfcext-gsd-roadmap-template.md", ".claude/get-shit-done/templates/roadmap.md", 0, []),
    ("excel-processor-PR-template.md", ".github/PULL_REQUEST_TEMPLATE.md", 0, []),
    ("pon-PR-template-guide.md", "templates/github/pull_request_template.md", 0, []),
    ("seium-CONTRIBUTING.md", "CONTRIBUTING.md", 0, []),
    ("tbuckets-recipes-README.md", "README.md", 0, []),
    ("thumio-feature-roadmap.md", "docs/feature-roadmap.md", 0, []),
    ("rl-solitaire-FEATURES.md", "docs/FEATURES.md", 4, []),
    ("fitnapp-roadmap-Readme.md", "documentation/roadmap/Readme.md", 0, []),
    ("proyecto-srp-roadmap.md", "docs/product/roadmap.md", 9, []),
    ("antigravity-update.md", "计划管理系统/update.md", 13, []),
    ("ai-terminal-roadmap-template.md", "templates/context/roadmap.md", 0, []),
    (
        "pentagram-adr-000.md",
        "The_Sysops_Squad/architecture/adrs/adr_000-00_RecordArchitectureDecisions.md",
        0,
        [],
    ),
    ("dlabs-CHANGELOG-template.md", "files/CHANGELOG.md", 0, []),
    ("basecamp-changelog-guide.md", "assets/books/code/repos/changelog.md", 0, []),
    ("menschlichkeit-aktionsplan.md", "..todo/02_aktionsplan.md", 27, []),
    ("sdd-template-kanban.md", "template/kanban.md", 0, []),
    ("edutech-roadmap.md", "docs/produto/roadmap.md", 0, []),
]


@pytest.mark.parametrize(("name", "path", "items", "findings"), PINNED, ids=[p[0] for p in PINNED])
def test_each_file_keeps_its_reading_and_findings(
    name: str, path: str, items: int, findings: list[str]
) -> None:
    text = (NINE / name).read_text(encoding="utf-8")
    assert len(read_items(text, path)) == items
    assert finding_lines(text, path) == findings


def test_every_file_of_the_sweep_is_pinned() -> None:
    assert sorted(p[0] for p in PINNED) == sorted(f.name for f in NINE.glob("*.md"))
