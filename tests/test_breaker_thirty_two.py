"""The thirty-second break pass (ROADMAP SAFE-84): what it broke in the readings merged
before it, each class in a small document written for it beside a plan that looks close
and still reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import finding_lines, read_items

from roadmaplint.errors import RoadmapError
from roadmaplint.reader.shapes import taskfiles
from roadmaplint.reader.source import MAX_BYTES

# A docs folder of decision records: each names an ID and a decision's status.
DECISIONS = {
    f"000{n}-use-{name}.md": (
        f"---\nid: ADR-00{n}\nstatus: {status}\ndate: 2024-01-0{n}\n---\n\n"
        f"# ADR-00{n}: Use {name}\n\n## Context\n\nWe need one.\n\n## Decision\n\nWe will.\n"
    )
    for n, name, status in ((1, "postgres", "accepted"), (2, "redis", "Superseded by ADR-003"))
}
DECISIONS["0003-use-valkey.md"] = (
    "---\nid: ADR-003\nstatus: proposed\n---\n\n# ADR-003: Use Valkey\n"
)

# A site's content folder: posts with an ID and a page's status.
POSTS = {
    f"post-{n}.md": f'---\ntitle: "Post {n}"\nid: post-{n}\nstatus: {status}\n---\n\nHi {n}.\n'
    for n, status in ((1, "draft"), (2, "published"), (3, "draft"))
}

# Tasks that look like the decisions: the same keys, but the statuses are work's.
TASKS = {
    f"T-{n}.md": f"---\nid: T-{n}\nstatus: {status}\n---\n\n# Task {n}\n"
    for n, status in ((1, "todo"), (2, "done"), (3, "draft"))
}


def _folder(root: Path, files: dict[str, str]) -> Path:
    root.mkdir()
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("files", [DECISIONS, POSTS], ids=["decisions", "posts"])
def test_a_folder_of_decisions_or_posts_keyed_by_id_is_no_task_folder(
    tmp_path: Path, files: dict[str, str]
) -> None:
    root = _folder(tmp_path / "docs", files)
    assert taskfiles.keyed_root(root) is None
    with pytest.raises(RoadmapError, match="is a folder, not a roadmap file"):
        taskfiles.read(root)


def test_a_folder_of_tasks_with_work_statuses_still_reads(tmp_path: Path) -> None:
    root = _folder(tmp_path / "tasks", TASKS)
    assert taskfiles.keyed_root(root) == root
    items = taskfiles.read(root).roadmap.items
    assert [(i.id, i.status) for i in items] == [("T-1", "todo"), ("T-2", "done"), ("T-3", "draft")]


def test_drafts_with_an_owner_are_tasks(tmp_path: Path) -> None:
    files = {name: text.replace("status:", "owner: ana\nstatus:") for name, text in POSTS.items()}
    root = _folder(tmp_path / "drafts", files)
    assert taskfiles.keyed_root(root) == root


def test_task_files_too_large_to_hold_are_refused_before_all_are_held(tmp_path: Path) -> None:
    body = "x" * (MAX_BYTES // 3)
    files = {f"T-{n}.md": f"---\nid: T-{n}\nstatus: todo\n---\n{body}\n" for n in range(5)}
    root = _folder(tmp_path / "big", files)
    assert taskfiles.keyed_root(root) is None  # searched as any folder
    with pytest.raises(RoadmapError, match="hold over 32 MB"):
        taskfiles._keyed_fronts(root)  # stops at the fourth file, never holding the fifth


# A README's support matrix: a feature per row, a mark per platform.
MATRIX = """\
# Widget

| Feature | Linux | macOS | Windows |
|---|---|---|---|
| Sync | ✅ | ✅ | 🚧 |
| Offline | ✅ | ❌ | - |
| Plugins | ❌ | ❌ | N/A |
"""

# A feature table whose columns say something in words: no plan, but a near miss.
FEATURES = """\
# Widget

| Feature | Linux | Notes |
|---|---|---|
| Sync | ✅ | Needs an account |
| Offline | ❌ | Later |
"""


def test_a_support_matrix_of_marks_is_no_near_miss() -> None:
    assert read_items(MATRIX, "README.md") == ()
    assert finding_lines(MATRIX, "README.md") == []


def test_a_feature_table_with_words_is_still_a_near_miss() -> None:
    assert read_items(FEATURES, "README.md") == ()
    assert finding_lines(FEATURES, "README.md") == ["1:RL109"]


# A team's backlog whose first sentence says what it is in the words of a definition.
OUR_BACKLOG = """\
# Backlog

The backlog is a list of what we build next, top first.

## Code
- Fix the admin logout
- Cache the search results
"""

# A course's page defining the term, speaking of a team, never for one.
TERM_PAGE = """\
# Backlog

The backlog is an ordered list of the work a product team keeps.

## Traits
- Ordered by value
- Refined every sprint
"""


def test_a_backlog_defined_in_the_first_person_is_the_teams_own() -> None:
    assert [item.title for item in read_items(OUR_BACKLOG, "BACKLOG.md")] == [
        "Fix the admin logout",
        "Cache the search results",
    ]
    assert finding_lines(OUR_BACKLOG, "BACKLOG.md") == []


def test_a_page_defining_the_backlog_for_no_one_stays_a_glossary() -> None:
    assert read_items(TERM_PAGE, "Backlog.md") == ()
    assert finding_lines(TERM_PAGE, "Backlog.md") == []
