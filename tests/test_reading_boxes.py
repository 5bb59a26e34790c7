"""Three classes of checkbox plan coding agents write every day (issue 20), each in a small
document: read as people mean them, with no finding a person would call a false alarm.
The real files of the first class are tests/corpus/checkboxes/70 and 71."""

from __future__ import annotations

from pathlib import Path

from conftest import cli

from roadmaplint import check_text
from roadmaplint.model import Item
from roadmaplint.reader import parse
from roadmaplint.settings import Settings


def _items(text: str) -> tuple[Item, ...]:
    return parse(text, "tasks.md", Settings()).items


def _findings(text: str) -> list[str]:
    return [f"{f.line}:{f.code}" for f in check_text(text, "tasks.md", Settings())]


KIRO = """\
# Implementation Plan

- [ ] 1. Set up project structure and core interfaces
  - Create directory structure for models, services, repositories, and API components
  - _Requirements: 1.1_

- [ ] 2. Implement data models and validation
- [x] 2.1 Create core data model interfaces and types
  - _Requirements: 2.1, 3.3, 1.2_

- [ ] 3. Create storage mechanism
  - [ ] 3.1 Implement database connection utilities
    - _Requirements: 2.1, 3.3, 1.2_
  - [x] 3.2 Implement repository pattern for data access
  - [ ]* 3.3 Write property tests for the repository
    - [ ] round trip
"""


def test_kiro_task_numbers_are_the_ids_and_numbered_nested_boxes_are_sub_tasks() -> None:
    read = [(i.id, i.title, i.status, i.depends_on, i.external_deps) for i in _items(KIRO)]
    assert read == [
        ("1", "Set up project structure and core interfaces", "[ ]", (), ()),
        ("2", "Implement data models and validation", "[ ]", (), ()),
        ("2.1", "Create core data model interfaces and types", "done", (), ()),
        ("3", "Create storage mechanism", "[ ]", (), ()),
        ("3.1", "Implement database connection utilities", "[ ]", (), ()),
        ("3.2", "Implement repository pattern for data access", "done", (), ()),
        # Kiro's optional task: an open box with a star after it
        ("3.3", "Write property tests for the repository", "[ ]", (), ()),
    ]
    items = {item.id: item for item in _items(KIRO)}
    # the parent ends before its first sub-task; a nested box without a number stays the
    # Definition of Done of the box it stands under
    assert (items["3"].position.line, items["3"].end_line) == (11, 11)
    assert items["3"].definition_of_done == ()
    assert [d.text for d in items["3.3"].definition_of_done] == ["round trip"]
    assert _findings(KIRO) == []


def test_a_bare_number_or_a_nested_box_under_an_unnumbered_box_is_no_id() -> None:
    text = "# Plan\n\n- [ ] 2024 review of the budget\n- [ ] Ship it\n  - [ ] 1.1 smoke test\n"
    read = [(i.title, [d.text for d in i.definition_of_done]) for i in _items(text)]
    assert read == [("2024 review of the budget", []), ("Ship it", ["1.1 smoke test"])]


def test_a_kiro_sub_task_is_edited_through_the_gate(tmp_path: Path) -> None:
    plan = tmp_path / "tasks.md"
    plan.write_text(KIRO)
    assert cli("set", "3.1", "--status", "done", "tasks.md", cwd=tmp_path).returncode == 0
    assert cli("set", "3", "--status", "done", "tasks.md", cwd=tmp_path).returncode == 0
    after = KIRO.replace("- [ ] 3. Create", "- [x] 3. Create").replace("  - [ ] 3.1", "  - [x] 3.1")
    assert plan.read_text() == after


def test_a_kiro_task_is_renamed_and_added_with_the_plans_own_numbers(tmp_path: Path) -> None:
    # rename refused 3.3 -> 3.4 as "not an ID" (the default id-pattern), and said 3 was
    # still named in prose on the lines of 3.1 and 3.2, where it is only a number's part
    plan = tmp_path / "tasks.md"
    plan.write_text(KIRO)
    renamed = cli("rename", "3.3", "3.4", "tasks.md", cwd=tmp_path)
    assert (renamed.returncode, renamed.stderr) == (0, "")
    assert cli("rename", "3", "4", "tasks.md", cwd=tmp_path).stdout == (
        "Renamed 3 to 4 (0 dependents updated)\n"
    )
    after = KIRO.replace("- [ ]* 3.3", "- [ ]* 3.4").replace("- [ ] 3. Create", "- [ ] 4. Create")
    assert plan.read_text() == after
    added = cli("new", "Implementation Plan", "Write docs", "tasks.md", "--id", "3.5", cwd=tmp_path)
    assert (added.returncode, added.stderr) == (0, "")
    assert plan.read_text() == after + "  - [ ] 3.5 Write docs\n"
    # a word that is no number is still no ID, and the file stays as it was
    word = cli("rename", "3.2", "3.x", "tasks.md", cwd=tmp_path)
    assert (word.returncode, "is not an ID" in word.stderr) == (2, True)
    assert plan.read_text() == after + "  - [ ] 3.5 Write docs\n"


def test_checklists_each_numbered_from_one_are_steps_not_task_ids() -> None:
    # a README's install steps and release checklist, each from 1: RL102 duplicate ID 1
    # and 2, though nothing is wrong; a Kiro plan numbers its tasks once
    text = (
        "# Tool\n\n## Install\n\n- [ ] 1. Install Python 3.11\n- [ ] 2. Run `pip install tool`\n"
        "\n## Release checklist\n\n- [ ] 1. Bump the version\n  - [ ] 1.1 Update CHANGELOG\n"
        "- [x] 2. Tag\n"
    )
    assert _findings(text) == []
    assert [(i.id, i.status) for i in _items(text)][2:] == [
        ("bump-the-version", "[ ]"),
        ("tag", "done"),
    ]
    # the number counts a step: no part of the title either
    assert [i.title for i in _items(text)][:2] == ["Install Python 3.11", "Run pip install tool"]
    assert [i.id for i in _items(KIRO)] == ["1", "2", "2.1", "3", "3.1", "3.2", "3.3"]
    # an example in a code block is no second list numbered from 1
    example = "# Plan\n\n```markdown\n- [ ] 1. Example task\n```\n\n"
    assert [i.id for i in _items(example + KIRO.split("\n\n", 1)[1])][:2] == ["1", "2"]


def test_kiros_in_progress_mark_reads_on_a_task_and_a_sub_task(tmp_path: Path) -> None:
    # Kiro marks the task it works on [-]: on a nested sub-task every command ended in a
    # KeyError traceback; on one of two tasks the plan was "no items" (RL109, an error)
    working = KIRO.replace("  - [ ] 3.1", "  - [-] 3.1")
    assert [(i.id, i.status) for i in _items(working)][4] == ("3.1", "in progress")
    assert _findings(working) == []
    two = "# Implementation Plan\n\n- [x] 1. Set up\n\n- [-] 2. Build the parser\n"
    assert [(i.id, i.status) for i in _items(two)] == [("1", "done"), ("2", "in progress")]
    assert _findings(two) == []
    plan = tmp_path / "tasks.md"
    plan.write_text(working)
    assert cli("set", "3.1", "--status", "done", "tasks.md", cwd=tmp_path).returncode == 0
    assert plan.read_text() == KIRO.replace("  - [ ] 3.1", "  - [x] 3.1")
    # whatever the other boxes hold: with a [?] beside it, set 1 --status done flipped
    # 3.1 from [-] to in progress, and the gate refused the edit
    asked = working.replace("- [ ] 1. Set up", "- [?] 1. Set up")
    assert [i.status for i in _items(asked)][:5:4] == ["[?]", "in progress"]
    # elsewhere [-] is still the cancelled mark task-list tools agree on
    listed = "# TODO\n\n- [x] Write it\n- [ ] Test it\n- [-] Port it to Perl\n"
    assert [i.status for i in _items(listed)] == ["done", "[ ]", "[-]"]


SPEC_KIT = """\
# Tasks: Albums

## Phase 3: User Story 1

- [x] T004 [US1] Create Album model in src/models/album.ts
- [ ] T005 [US1] Create AlbumRepository in src/repos/album.ts (depends on T004)
- [ ] T006 [US1] Implement AlbumService in src/services/album.ts (depends on T005)
- [/] T007 [US1] Wire the album routes (depends on T004)
- [ ] T008 [US1] Document the routes (depends on T007)
"""


def test_an_open_box_over_an_open_dependency_claims_nothing() -> None:
    # an open box says "not done", never "free to start": over an open box or a box in
    # progress, no contradiction a person would see
    assert [i.status for i in _items(SPEC_KIT)] == ["done", "[ ]", "[ ]", "[/]", "[ ]"]
    assert _findings(SPEC_KIT) == []
    # an item that says it is ready still claims it: its unfinished dependency is reported
    ready = "# Plan\n\n| ID | Status | Depends on |\n| --- | --- | --- |\n"
    ready += "| T-1 | in progress | |\n| T-2 | ready | T-1 |\n"
    assert _findings(ready) == ["6:RL306"]


LEGEND = """\
# Tasks

## Status Legend

- `todo` — not started
- `done` — finished

## Work

- [ ] T001 First
- [x] T002 Second
"""


def test_a_status_legend_gives_the_boxes_its_words(tmp_path: Path) -> None:
    assert [i.status for i in _items(LEGEND)] == ["todo", "done"]
    assert _findings(LEGEND) == []
    # a legend value read by what the legend says of it: `pending` — not started
    worded = LEGEND.replace("`todo`", "`pending`").replace("`done` — finished", "`complete`")
    assert [i.status for i in _items(worded)] == ["pending", "complete"]
    assert _findings(worded) == []
    plan = tmp_path / "tasks.md"
    plan.write_text(worded)
    assert cli("set", "T001", "--status", "complete", "tasks.md", cwd=tmp_path).returncode == 0
    assert cli("set", "T002", "--status", "pending", "tasks.md", cwd=tmp_path).returncode == 0
    assert plan.read_text().endswith("- [x] T001 First\n- [ ] T002 Second\n")
    assert _findings(plan.read_text()) == []
