"""The thirty-third break pass (ROADMAP SAFE-86): what it broke in the readings merged
before it (an order of milestones, a milestone's tables of parts, outliners' keyword
bullets, folders of task files read by their keys, sections of versions, sign-up sheets),
each class in a small document written for it beside one that looks close and reads as
it did."""

from __future__ import annotations

import cProfile
import pstats
from pathlib import Path

import pytest
from conftest import cli, finding_lines, read_items

from roadmaplint.errors import RoadmapError
from roadmaplint.reader.shapes import taskfiles

# A project state whose milestone order carries a note under an entry and a sentence
# after the list: the order is still the plan's milestones.
ORDER_WITH_NOTES = """\
# Project State

**M1 status: IN PROGRESS.**

| Step | Description | Status |
| ---- | ----------- | ------ |
| M1-A | Pick the disk format | PASS |
| M1-B | Write the allocator | PASS |

## Milestone order

1. M0 — Bootable image
   - boots in a VM
2. M1 — Storage
3. M2 — Networking

Each milestone ends with a demo.
"""

# A project state that shows how to write the order in a code block: no milestones.
ORDER_IN_A_FENCE = """\
# Project State

| Step | Description | Status |
| ---- | ----------- | ------ |
| M1-A | Pick the disk format | PASS |
| M1-B | Write the allocator | PASS |

Write the order of milestones so:

```markdown
## Milestone order

1. M0 — Bootable image
2. M1 — Storage
```

**M1 status: DONE.** is how a milestone says its state.
"""


def test_an_order_of_milestones_with_notes_reads_each_milestone() -> None:
    read = [(i.id, i.title, i.status) for i in read_items(ORDER_WITH_NOTES, "STATE.md")]
    assert read[2:] == [
        ("M0", "Bootable image", None),
        ("M1", "Storage", "IN PROGRESS"),
        ("M2", "Networking", None),
    ]
    assert finding_lines(ORDER_WITH_NOTES, "STATE.md") == []


def test_an_order_of_milestones_in_a_code_block_is_no_order() -> None:
    assert [i.id for i in read_items(ORDER_IN_A_FENCE, "STATE.md")] == ["M1-A", "M1-B"]
    assert finding_lines(ORDER_IN_A_FENCE, "STATE.md") == []


def _order(count: int) -> str:
    ids = [f"M{n}" for n in range(1, 1000)]
    ids += [f"{a}{b}{n}" for a in "ABCDEFGH" for b in "ABCDEFGHIJ" for n in range(1, 100)]
    states = "".join(f"**M{n} status: DONE.**\n\n" for n in range(1, 300))
    entries = "".join(f"{n % 999 + 1}. {ids[n]} — Milestone {n}\n" for n in range(count))
    return (
        f"# State\n\n{states}| Step | Description | Status |\n| --- | --- | --- |\n"
        f"| M1-A | Pick | PASS |\n| M1-B | Build | PASS |\n\n## Milestone order\n\n{entries}"
    )


def test_an_order_of_thousands_of_milestones_is_read_in_linear_work() -> None:
    """Calls counted at two sizes: each milestone's state was searched for in every line
    (5,000 milestones in 7,000 lines took 13 s)."""
    from roadmaplint.reader.milestone_order import with_milestone_order

    items = read_items(_order(10))[:2]

    def calls(count: int) -> int:
        lines = _order(count).splitlines(keepends=True)
        profile = cProfile.Profile()
        profile.enable()
        read = with_milestone_order(items, lines)
        profile.disable()
        assert len(read) == count + 2
        return sum(stat[1] for stat in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]

    small, large = calls(300), calls(3000)
    assert large / small < 15, (small, large)


# A generated roadmap whose issue table escapes a pipe in a title and writes one row with
# a cell more than its header, as GitHub shows them: every row a part of its milestone.
PARTS_AS_WRITTEN = """\
# Roadmap

## Milestones

### ✅ Beta launch (COMPLETED)

#### Issues
| Key | Type | Title | Status |
|-----|------|-------|--------|
| .login | story | Log in \\| out | todo |
| .export | story | Export | done | 2025-03-01 |
| .search | story | Search |

### 📋 General availability (PLANNED)

#### Releases
| Version | Name | Status | Due |
|---------|------|--------|-----|
| 1.0.0 | First stable | 📋 PLANNED | 2025-06-01 |
"""

# The same milestones with tables of notes holding the same cells: no parts.
NOTES_AS_WRITTEN = PARTS_AS_WRITTEN.replace("#### Issues", "#### Notes").replace(
    "#### Releases", "#### Contacts"
)


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_a_milestones_parts_with_escaped_pipes_and_ragged_rows_are_all_read(newline: str) -> None:
    # (a heading ending in CRLF named no kind of part: ``Issues\r``)
    text = PARTS_AS_WRITTEN.replace("\n", newline)
    read = [(i.id, i.title, i.status) for i in read_items(text, "ROADMAP.md")]
    assert read == [
        ("beta-launch", "✅ Beta launch", "COMPLETED"),
        (".login", "Log in | out", "todo"),
        (".export", "Export", "done"),
        (".search", "Search", None),
        ("general-availability", "📋 General availability", "PLANNED"),
        ("first-stable", "First stable", "📋 PLANNED"),
    ]


def test_a_milestones_tables_of_notes_with_escaped_pipes_are_no_parts() -> None:
    assert [i.id for i in read_items(NOTES_AS_WRITTEN, "ROADMAP.md")] == [
        "beta-launch",
        "general-availability",
    ]
    assert finding_lines(NOTES_AS_WRITTEN, "ROADMAP.md") == []


# An outliner's keyword bullets, and boxes, each led by a link to its issue: the issue's
# number names the work, and the link's address is no word of its title.
LINKED_ISSUES = """\
# Sprint

## Board

- TODO [#123](https://example.com/issues/123) Fix login
- DONE [#124](https://example.com/issues/124) Add export

## Chores

- [ ] [#130](https://example.com/issues/130) Bump the linter
- [x] [#131](https://example.com/issues/131) Drop Python 3.8
"""

# A README whose bullets point to issues in sentences: no work.
ISSUE_POINTERS = """\
# Widget

## Discussion

- See [#123](https://example.com/issues/123) for why the cache moved
- The plugin API is argued over in [#124](https://example.com/issues/124)
"""


def test_a_bullet_led_by_a_linked_issue_number_is_named_by_it() -> None:
    read = [(i.id, i.title, i.status) for i in read_items(LINKED_ISSUES, "SPRINT.md")]
    assert read == [
        ("123", "Fix login", "TODO"),
        ("124", "Add export", "DONE"),
        ("130", "Bump the linter", "[ ]"),
        ("131", "Drop Python 3.8", "done"),
    ]


def test_bullets_pointing_to_issues_in_sentences_read_nothing() -> None:
    assert read_items(ISSUE_POINTERS, "README.md") == ()
    assert finding_lines(ISSUE_POINTERS, "README.md") == []


@pytest.mark.parametrize(
    ("item", "line", "written"),
    [
        (
            "130",
            "[#130](https://example.com/issues/130) Bump the linter",
            "[#130](https://example.com/issues/130) Bump ruff",
        ),
        ("todo-gsjz", "[#todo-gsjz] Add a licence", "[#todo-gsjz] Bump ruff"),
    ],
    ids=["linked", "bracketed"],
)
def test_a_new_title_keeps_the_reference_a_box_opens_with(
    tmp_path: Path, item: str, line: str, written: str
) -> None:
    # the reference names the box; a new title replaced it too, and the box was renamed
    text = LINKED_ISSUES + "- [ ] [#todo-gsjz] Add a licence\n"
    plan = tmp_path / "SPRINT.md"
    plan.write_text(text, encoding="utf-8")
    done = cli("set", item, "--title", "Bump ruff", str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_text(encoding="utf-8") == text.replace(line, written)


def _folder(root: Path, files: dict[str, str]) -> Path:
    root.mkdir()
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


TASKS = {
    f"T-{n}.md": f"---\nid: T-{n}\nstatus: {status}\ntitle: Task {n}\n---\n\nBody.\n"
    for n, status in ((1, "todo"), (2, "done"), (3, "in progress"))
}
# A task of the folder whose front matter is an alias bomb.
BOMB = (
    '---\nid: T-4\nstatus: todo\ntitle: &a ["lol", "lol"]\nb: &b [*a, *a, *a, *a]\n'
    "c: &c [*b, *b, *b, *b]\n---\n\n# Bomb\n"
)
# A note beside the tasks whose front matter cannot be read and names no task ID.
BROKEN_NOTE = "---\ntitle: [unclosed\n---\n\n# Notes\n"


def test_a_task_whose_front_matter_is_an_alias_bomb_is_told_not_dropped(tmp_path: Path) -> None:
    root = _folder(tmp_path / "tasks", {**TASKS, "T-4.md": BOMB})
    with pytest.raises(RoadmapError, match=r"T-4\.md:\d+: YAML anchors and aliases"):
        taskfiles.read(root)
    checked = cli("check", str(root), cwd=tmp_path)
    assert checked.returncode == 2
    assert "T-4.md" in checked.stderr
    assert len(checked.stderr.strip().splitlines()) == 1


def test_a_note_of_unreadable_front_matter_naming_no_task_stays_aside(tmp_path: Path) -> None:
    root = _folder(tmp_path / "tasks", {**TASKS, "notes.md": BROKEN_NOTE})
    assert [task.item.id for task in taskfiles.read(root).tasks] == ["T-1", "T-2", "T-3"]


# A documentation site's pages: an ID and how stable each page's feature is.
STABLE_PAGES = {
    f"0{n}-{name}.md": (
        f"---\nid: {name}\ntitle: {name.title()}\nsidebar_position: {n}\n"
        f"status: {status}\n---\n\n# {name.title()}\n\nText.\n"
    )
    for n, name, status in (
        (1, "intro", "stable"),
        (2, "install", "stable"),
        (3, "plugins", "experimental"),
        (4, "sync", "beta"),
    )
}


def test_a_docs_folder_of_pages_marked_stable_or_experimental_is_no_task_folder(
    tmp_path: Path,
) -> None:
    root = _folder(tmp_path / "docs", STABLE_PAGES)
    assert taskfiles.keyed_root(root) is None


def test_a_folder_of_tasks_with_an_owner_beside_such_statuses_still_reads(tmp_path: Path) -> None:
    owned = {
        name: text.replace("sidebar_position", "assignee: ana\nweight")
        for name, text in STABLE_PAGES.items()
    }
    root = _folder(tmp_path / "tasks", owned)
    assert taskfiles.keyed_root(root) == root


def test_new_on_a_folder_read_by_its_keys_says_it_is_read_only(tmp_path: Path) -> None:
    root = _folder(tmp_path / "tasks", TASKS)
    before = sorted(path.name for path in root.iterdir())
    for section in ("Backlog", "tasks"):
        refused = cli("new", section, "Write the docs", str(root), cwd=tmp_path)
        assert refused.returncode == 2
        assert "read only" in refused.stderr, refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1
    assert sorted(path.name for path in root.iterdir()) == before


# A roadmap by versions whose later ideas stand after its planned milestones: a new status
# for an idea names no version, so the idea is not moved into the last one.
VERSIONS = """\
# Scaffolder Roadmap

## Released Milestones

### v0.1.0 — Bootstrap (Released)

- Command-line entry point

## Planned Milestones

### v0.3.0 — Packaging

- Container images

### v0.4.0 — Profiles

- Minimal and full profiles

## Beyond 1.0

- Plugin registry
"""

# A board of status headings over plain bullets: a new status moves the bullet.
BOARD = """\
# Board

## Todo

- Write the docs

## Done

- Set up CI
"""


def test_an_idea_after_sections_of_versions_is_not_moved_into_a_version(tmp_path: Path) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_text(VERSIONS, encoding="utf-8")
    refused = cli("set", "plugin-registry", "--status", "todo", str(plan), cwd=tmp_path)
    assert refused.returncode == 2
    assert len(refused.stderr.strip().splitlines()) == 1
    assert plan.read_text(encoding="utf-8") == VERSIONS


def test_a_bullet_of_a_board_of_status_headings_still_moves(tmp_path: Path) -> None:
    plan = tmp_path / "BOARD.md"
    plan.write_text(BOARD, encoding="utf-8")
    done = cli("set", "write-the-docs", "--status", "done", str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_text(encoding="utf-8") == BOARD.replace("- Write the docs\n\n", "").replace(
        "- Set up CI\n", "- Set up CI\n- Write the docs\n"
    )


# A sign-up sheet: each box opens with the slot a name signs up in.
SIGN_UP_SHEET = """\
# Game TODO

## High Priority

- [x] [Ana] Player movement
- [ ] [Juan] Create enemy
- [ ] [_____] Load levels from CSV
- [ ] [_____] Write the README
"""

# A release checklist of boxes tagged by component: no slot, so an owner is an @name.
TAGGED = """\
# Release checklist

- [x] [Backend] Bump the API version
- [ ] [Frontend] Update the login page
"""


@pytest.mark.parametrize(
    ("args", "line", "written"),
    [
        (
            ("set", "load-levels-from-csv", "--dri", "Bo"),
            "- [ ] [_____] Load levels from CSV",
            "- [ ] [Bo] Load levels from CSV",
        ),
        (
            ("set", "create-enemy", "--dri", "Bo"),
            "- [ ] [Juan] Create enemy",
            "- [ ] [Bo] Create enemy",
        ),
        (
            ("set", "create-enemy", "--title", "Create the boss"),
            "- [ ] [Juan] Create enemy",
            "- [ ] [Juan] Create the boss",
        ),
    ],
    ids=["sign-up", "another-name", "title"],
)
def test_a_sign_up_sheet_writes_its_owner_in_the_slot(
    tmp_path: Path, args: tuple[str, ...], line: str, written: str
) -> None:
    plan = tmp_path / "TODO.md"
    plan.write_text(SIGN_UP_SHEET, encoding="utf-8")
    done = cli(*args, str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_text(encoding="utf-8") == SIGN_UP_SHEET.replace(line, written)


def test_the_last_blank_slot_of_a_sign_up_sheet_takes_its_owner_after_the_title(
    tmp_path: Path,
) -> None:
    # a name in it would leave no blank slot to say the brackets are slots: the owner is
    # written as a box writes it, and the sheet reads as before
    sheet = SIGN_UP_SHEET.replace("- [ ] [_____] Write the README\n", "")
    plan = tmp_path / "TODO.md"
    plan.write_text(sheet, encoding="utf-8")
    done = cli("set", "load-levels-from-csv", "--dri", "Bo", str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_text(encoding="utf-8") == sheet.replace("from CSV", "from CSV @Bo")


def test_a_box_tagged_by_its_component_takes_its_owner_as_a_mention(tmp_path: Path) -> None:
    plan = tmp_path / "CHECKLIST.md"
    plan.write_text(TAGGED, encoding="utf-8")
    done = cli("set", "frontend-update-the-login-page", "--dri", "bo", str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_text(encoding="utf-8") == TAGGED.replace(
        "Update the login page", "Update the login page @bo"
    )


# A README's table of the version each feature came or comes in: no plan, no near miss.
FEATURES_BY_VERSION = """\
# Widget

A widget library.

## Features

| Feature | Since | Target |
| ------- | ----- | ------ |
| Parser | v1.0 | |
| Plugins | | 2.x |
| Themes | | v3.0-beta |
"""

# A table of tasks by their IDs and the release each is aimed at: still told why its rows
# are no items.
TASKS_BY_VERSION = """\
# Widget

## Work

| Task | Target |
| ---- | ------ |
| FEAT-1 | v1.0 |
| FEAT-2 | v2.0 |
"""


def test_a_readme_table_of_features_by_version_gets_no_near_miss() -> None:
    assert read_items(FEATURES_BY_VERSION, "README.md") == ()
    assert finding_lines(FEATURES_BY_VERSION, "README.md") == []


def test_a_table_of_task_ids_by_version_is_still_told() -> None:
    assert finding_lines(TASKS_BY_VERSION, "PLAN.md") == ["1:RL109"]


# A TODO whose later section holds ideas as open boxes: the box's mark says todo already,
# the heading says idea.
LATER_IDEAS = """\
# 앱 TODO

## 다음 단계

- [ ] 비밀번호 재설정 메일

## 🔮 향후 검토 항목

- [ ] 캐시 서버 도입 검토
"""


def test_a_status_an_ideas_box_cannot_say_is_refused_not_said_unchanged(tmp_path: Path) -> None:
    plan = tmp_path / "TODO.md"
    plan.write_text(LATER_IDEAS, encoding="utf-8")
    refused = cli("set", "캐시-서버-도입-검토", "--status", "todo", str(plan), cwd=tmp_path)
    assert refused.returncode == 2
    assert "move it by hand" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert plan.read_text(encoding="utf-8") == LATER_IDEAS


def test_an_open_box_set_to_todo_is_still_no_change(tmp_path: Path) -> None:
    plan = tmp_path / "TODO.md"
    plan.write_text(LATER_IDEAS, encoding="utf-8")
    same = cli("set", "비밀번호-재설정-메일", "--status", "todo", str(plan), cwd=tmp_path)
    assert same.returncode == 0, same.stderr
    assert "No change" in same.stdout
    assert plan.read_text(encoding="utf-8") == LATER_IDEAS
