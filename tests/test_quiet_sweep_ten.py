"""Quiet by default, swept a tenth time across public plan files and the documents a user
runs roadmaplint on by mistake or through a pre-commit glob, in neither the corpus nor the
earlier sweeps (issue 20; ``tests/corpus/README.md``, "Tenth quiet sweep"): each file, kept
in ``tests/quiet/ten/`` with its origin, pinned at the items it reads and the findings it
gets with no configuration after the sweep's fixes (the classes themselves, in small
documents written for them, are in ``tests/test_quiet_sweep10.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import finding_lines, read_items

TEN = Path(__file__).parent / "quiet" / "ten"

# (file kept, its path in its repository, items read, findings) after the sweep's fixes.
PINNED = [
    ("auditgraph-roadmap-tasks.md", "specs/014-roadmap-milestones/tasks.md", 7, []),
    (
        "template-instructions-product-backlog.md",
        "docs/sprints/sprint-test-1/plans/Product-Backlog-Sprint-test-1-v1.md",
        5,
        [],
    ),
    ("thal-TODO.md", "pm/TODO.md", 35, []),
    ("mylists-TODO.md", "TODO.md", 22, []),
    ("distro-installscript-features.md", "docs/features.md", 5, []),
    ("bradymiller-todo-index.md", "todo/index.md", 0, []),
    ("maparr-BACKLOG.md", "BACKLOG.md", 5, []),
    ("chessnoth-TASKS.md", "TASKS.md", 6, []),
    ("vexlanguage-ROADMAP.md", "docs/ROADMAP.md", 3, []),
    ("gymbuddy-TASKS.md", "TASKS.md", 8, []),
    ("gdal-mcp-tasks-README.md", "docs/tasks/README.md", 0, []),
    ("chatting-milestone-tracking.md", ".github/ISSUE_TEMPLATE/milestone-tracking.md", 0, []),
    ("olad-roadmapchecklist.md", "agents/roadmapchecklist.md", 0, []),
    ("agent-framework-ROADMAP-template.md", "templates/ROADMAP.md", 0, []),
    ("open-skills-AGENTS.md", "AGENTS.md", 0, []),
    (
        "organoise-meeting-notes-template.md",
        "notion-workspace/4-resource-hub/2-templates-gallery/meeting-templates/meeting-notes-template.md",
        0,
        [],
    ),
    ("uncommon-meeting-notes-SKILL.md", "public/skills/meeting-notes-actions/SKILL.md", 0, []),
    (
        "kwcode-kanban-adr.md",
        ".cursor/adr/20260211-kanban-three-columns-backlog-inprogress-done.md",
        0,
        [],
    ),
    ("bdskills-agents-checklist.md", "skills/bd-create-agents-md/references/checklist.md", 0, []),
    ("socialnetwork-syllabus.md", "syllabus.md", 0, []),
    ("ai-framework-ROADMAP-template.md", "templates/ROADMAP.md", 0, []),
    ("clearly-query-CHANGELOG.md", "CHANGELOG.md", 0, []),
    (
        "mypromptflow-acceptance-criteria.md",
        "ai/prompts/document-templates/product/acceptance-criteria-specifications.md",
        0,
        [],
    ),
    ("sg-oslo-sprint-plan-3.md", "docs/sprint-plan-sprint-3.md", 6, []),
    ("trivia-PR-template.md", ".github/pull_request_template.md", 0, []),
    ("llm-mindmap-sprint-planner.md", ".iflow/skills/dev-team/.state/sprint-planner.md", 0, []),
    ("agentrylab-ROADMAP.md", "ROADMAP.md", 19, []),
    ("wp-boilerplate-ROADMAP-template.md", "ROADMAP.md", 1, []),
    ("mcp-guide-roadmap.md", "docs/roadmap.md", 2, []),
    ("thewlabs-backlog-tasks-readme.md", ".backlog/tasks/readme.md", 0, []),
    ("sigil-backlog-README.md", "docs/backlog/README.md", 0, []),
]


@pytest.mark.parametrize(("name", "path", "items", "findings"), PINNED, ids=[p[0] for p in PINNED])
def test_each_file_keeps_its_reading_and_findings(
    name: str, path: str, items: int, findings: list[str]
) -> None:
    text = (TEN / name).read_text(encoding="utf-8")
    assert len(read_items(text, path)) == items
    assert finding_lines(text, path) == findings


def test_every_file_of_the_sweep_is_pinned() -> None:
    assert sorted(p[0] for p in PINNED) == sorted(f.name for f in TEN.glob("*.md"))
