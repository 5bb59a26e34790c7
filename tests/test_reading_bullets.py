"""Plain bullets that lead with an ID (``- [FEAT-1] Login page``, ``- FEAT-1: Login
page``, ``- **FEAT-1** Login page``, ``- FEAT-1 — Login page``) in a plan that says it is
one (a heading that names a status, a title that does): each bullet is an item with the
ID written, its status, owner, priority and dependencies, as a person reads them. Beside
each new reading a document that is no plan, which reads no items and no finding; and a
changelog, a glossary, release notes and a reference list whose bullets lead with IDs
in brackets are quiet (no RL109 near miss: an ID in brackets is no would-be box)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cli, finding_lines, read_items

# (id, status, priority, owner, depends on) of each item
Read = list[tuple[str, str | None, str | None, str | None, tuple[str, ...]]]

TWO_TODO: Read = [
    ("FEAT-1", "todo", None, None, ()),
    ("FEAT-2", "todo", None, None, ("FEAT-1",)),
]

UNDER_TITLE = {
    "bracketed": "- [FEAT-1] Login page\n- [FEAT-2] Logout (depends on FEAT-1)\n",
    "bare": "- FEAT-1 Login page\n- FEAT-2 Logout (depends on FEAT-1)\n",
    "colon": "- FEAT-1: Login page\n- FEAT-2: Logout (depends on FEAT-1)\n",
    "bold": "- **FEAT-1** Login page\n- **FEAT-2** Logout (depends on FEAT-1)\n",
    "dash": "- FEAT-1 — Login page\n- FEAT-2 — Logout (depends on FEAT-1)\n",
    "numbered": "1. [FEAT-1] Login page\n2. [FEAT-2] Logout (depends on FEAT-1)\n",
}


def _read(text: str, path: str = "TODO.md") -> Read:
    return [
        (item.id, item.status, item.priority, item.dri, item.depends_on)
        for item in read_items(text, path)
    ]


@pytest.mark.parametrize("title", ["# Todo", "# TODO"])
@pytest.mark.parametrize("variant", sorted(UNDER_TITLE))
def test_id_bullets_under_a_title_that_names_a_status(title: str, variant: str) -> None:
    # the title is the document's only heading and says how far its work is
    text = f"{title}\n\n{UNDER_TITLE[variant]}"
    assert _read(text) == TWO_TODO
    assert finding_lines(text, "TODO.md") == []


@pytest.mark.parametrize("variant", sorted(UNDER_TITLE))
def test_id_bullets_under_one_status_heading(variant: str) -> None:
    text = f"# Plan\n\n## In progress\n\n{UNDER_TITLE[variant]}"
    assert [status for _, status, *_ in _read(text)] == ["in progress", "in progress"]
    assert [row[0] for row in _read(text)] == ["FEAT-1", "FEAT-2"]
    assert finding_lines(text, "PLAN.md") == []


SEVERAL_HEADINGS = """\
# Plan

## Todo

- FEAT-1: Login page @alice (P1)
- FEAT-2: Logout (blocked by FEAT-1)

## In progress

- [FEAT-4] Sessions @bob

## Done

- FEAT-3 — Signup
"""


def test_id_bullets_under_several_status_headings_with_owner_priority_and_blockers() -> None:
    assert _read(SEVERAL_HEADINGS) == [
        ("FEAT-1", "todo", "P1", "alice", ()),
        ("FEAT-2", "todo", None, None, ("FEAT-1",)),
        ("FEAT-4", "in progress", None, "bob", ()),
        ("FEAT-3", "done", None, None, ()),
    ]
    assert finding_lines(SEVERAL_HEADINGS) == []


GROUPED = """\
# Plan

## Todo

- Auth
  - [FEAT-1] Login page
  - [FEAT-2] Logout (depends on FEAT-1)
- Billing
    - FEAT-3: Invoices @carol
"""


def test_id_bullets_nested_one_level_under_group_bullets() -> None:
    assert _read(GROUPED) == [*TWO_TODO, ("FEAT-3", "todo", None, "carol", ())]
    assert finding_lines(GROUPED) == []


def test_groups_under_a_todo_title_and_items_over_their_own_id_steps() -> None:
    grouped = "# TODO\n\n- Auth\n  - FEAT-1 Login page\n  - FEAT-2 Logout (depends on FEAT-1)\n"
    assert _read(grouped) == TWO_TODO
    # a bullet with its own ID over nested ID bullets is the item, not a group
    steps = "# Plan\n\n## Todo\n\n- FEAT-1 Login page\n  - FEAT-11 form\n- FEAT-2 Logout\n"
    assert [row[0] for row in _read(steps)] == ["FEAT-1", "FEAT-2"]


def test_id_bullets_under_a_plan_title_keep_their_ids_and_dependencies() -> None:
    # ``# Roadmap`` says it is a plan, but no status: the IDs are the items', not
    # references made from the titles
    text = "# Roadmap\n\n- [FEAT-1] Login page\n- FEAT-2: Logout (depends on FEAT-1)\n"
    read = read_items(text, "ROADMAP.md")
    assert [(i.id, i.title, i.depends_on, i.named_by_title) for i in read] == [
        ("FEAT-1", "Login page", (), False),
        ("FEAT-2", "Logout", ("FEAT-1",), False),
    ]


# Beside each new reading, a document that is no plan.
NOT_PLANS = {
    # a title that names no status over ID bullets (the title's reading)
    "glossary": "# Glossary\n\n- [API-1] Token: a unit of access\n- [API-2] Scope: what a token may do\n",
    # a numbered list of issue references under a version (the numbered reading)
    "release notes": "# Release notes\n\n## 2.0.0\n\n1. [GH-12] Faster startup\n2. [GH-14] New theme\n",
    # group bullets over ID bullets under a heading that names no status (the grouped one)
    "reference list": (
        "# Notes\n\n## References\n\n- Standards\n  - [RFC-7231] HTTP semantics\n"
        "  - [RFC-9110] HTTP semantics, again\n"
    ),
    # a program named Todo over ID bullets (the plan title's reading)
    "program README": "# Todo App\n\n- [API-1] Lists your tasks\n- [API-2] Syncs them\n",
    "changelog": (
        "# Changelog\n\n## 1.2.0\n\n- [GH-12] Fix crash on empty file\n- [GH-14] Add JSON output\n"
        "\n## 1.1.0\n\n- [GH-9] First release\n"
    ),
    "keep a changelog": (
        "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- [GH-12] Fix crash\n- [GH-14] Add output\n"
    ),
}


@pytest.mark.parametrize("name", sorted(NOT_PLANS))
def test_documents_of_id_bullets_that_are_no_plan_read_no_items_and_stay_quiet(
    name: str,
) -> None:
    text = NOT_PLANS[name]
    assert read_items(text, "NOTES.md") == ()
    assert finding_lines(text, "NOTES.md") == []


def test_a_list_of_status_words_in_brackets_still_gets_its_near_miss() -> None:
    # the near miss RL109 names is for words written where a box would be, not for IDs
    text = "# Tasks\n\n## Sprint\n\n- [DONE] Task-000: Set up\n- [TODO] Task-001: Parse\n- Docs\n"
    assert finding_lines(text, "ROADMAP.md") == ["1:RL109"]


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (("set", "FEAT-2", "--dri", "carol"), ("FEAT-1)\n", "FEAT-1) @carol\n")),
        (("rename", "FEAT-1", "FEAT-9"), ("FEAT-1", "FEAT-9")),
    ],
)
def test_writes_on_id_bullets_write_their_line(
    tmp_path: Path, args: tuple[str, ...], written: tuple[str, str]
) -> None:
    # the bullet's write half (tests/test_writes_four.py): inline, as the list writes it
    plan = tmp_path / "TODO.md"
    text = "# Todo\n\n" + UNDER_TITLE["bracketed"]
    plan.write_text(text, encoding="utf-8")
    done = cli(*args, "TODO.md", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert plan.read_text(encoding="utf-8") == text.replace(*written)


@pytest.mark.parametrize("args", [("set", "FEAT-2", "--status", "done")])
def test_writes_on_id_bullets_refuse_in_one_line_and_leave_the_file(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    # no heading names done under a title that names todo: nowhere to move it
    plan = tmp_path / "TODO.md"
    text = "# Todo\n\n" + UNDER_TITLE["bracketed"]
    plan.write_text(text, encoding="utf-8")
    done = cli(*args, "TODO.md", cwd=tmp_path)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert plan.read_text(encoding="utf-8") == text
