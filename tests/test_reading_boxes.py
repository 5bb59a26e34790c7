"""Three classes of checkbox plan coding agents write every day (issue 20), each in a small
document: read as people mean them, with no finding a person would call a false alarm.
The real files of the first class are tests/corpus/checkboxes/70 and 71."""

from __future__ import annotations

from pathlib import Path

from conftest import cli, finding_lines, read_items

from roadmaplint.model import Item


def _items(text: str) -> tuple[Item, ...]:
    return read_items(text, "tasks.md")


def _findings(text: str) -> list[str]:
    return finding_lines(text, "tasks.md")


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


ENDING_IN_A_SUB_TASK = """\
# Implementation Plan

- [x] 1. Set up the project
  - _Requirements: 1.1_

- [ ] 3. Write the CLI
  - [ ] 3.1 Add commands
  - [ ] 3.2 Add help
"""


def test_new_on_a_kiro_plan_adds_a_task_and_with_parent_a_sub_task(tmp_path: Path) -> None:
    # new wrote "  - [ ] 3.3 Write docs" under the last sub-task, and --id 4 was refused
    # ("did not read back alone"): no top-level task could be added
    plan = tmp_path / "tasks.md"
    plan.write_text(ENDING_IN_A_SUB_TASK)
    added = cli("new", "Implementation Plan", "Write docs", "tasks.md", cwd=tmp_path)
    assert (added.returncode, added.stdout) == (0, "Added 4 to Implementation Plan\n")
    # the tasks stand apart by a blank line, and so does the new one
    after = ENDING_IN_A_SUB_TASK + "\n- [ ] 4. Write docs\n"
    assert plan.read_bytes() == after.encode()
    assert [(i.id, i.title) for i in _items(after)][-1] == ("4", "Write docs")
    sub = cli(
        "new", "Implementation Plan", "Add man page", "tasks.md", "--parent", "3", cwd=tmp_path
    )
    assert (sub.returncode, sub.stdout) == (0, "Added 3.3 to Implementation Plan\n")
    after = after.replace("Add help\n", "Add help\n  - [ ] 3.3 Add man page\n")
    assert plan.read_bytes() == after.encode()
    # a task without sub-tasks takes its first one level in, after its notes
    first = cli(
        "new", "Implementation Plan", "Pin tools", "tasks.md", "--parent", "1", cwd=tmp_path
    )
    assert (first.returncode, first.stderr) == (0, "")
    after = after.replace("1.1_\n", "1.1_\n  - [ ] 1.1 Pin tools\n")
    assert plan.read_bytes() == after.encode()
    assert [i.id for i in _items(after)] == ["1", "1.1", "3", "3.1", "3.2", "3.3", "4"]
    assert _findings(after) == []
    # the same with --id, in progress as Kiro writes it
    given = cli(
        "new", "Implementation Plan", "Release", "tasks.md", "--id", "5", "--status",
        "in progress", cwd=tmp_path,
    )  # fmt: skip
    assert (given.returncode, given.stderr) == (0, "")
    after += "\n- [-] 5. Release\n"
    assert plan.read_bytes() == after.encode()
    # a parent that is no task, a sub-task's number for another task: one line, no write
    for wrong, said in (
        (["--parent", "9"], "--parent names a numbered task (1, 3, 4, 5); not '9'"),
        (["--parent", "3", "--id", "4.1"], "a sub-task of 3 is numbered 3.N; not '4.1'"),
        (["--id", "3"], "3 already exists"),
    ):
        refused = cli("new", "Implementation Plan", "X", "tasks.md", *wrong, cwd=tmp_path)
        assert (refused.returncode, said in refused.stderr) == (2, True), refused.stderr
        assert refused.stderr.count("\n") == 1
        assert plan.read_bytes() == after.encode()
    # --parent where no task is numbered, and in a task folder: refused in one line
    plain = tmp_path / "plain.md"
    plain.write_text("# Plan\n\n- [ ] Write it\n")
    refused = cli("new", "Plan", "X", "plain.md", "--parent", "1", cwd=tmp_path)
    assert (refused.returncode, "--parent adds a sub-task" in refused.stderr) == (2, True)
    assert plain.read_text() == "# Plan\n\n- [ ] Write it\n"


def test_set_in_progress_on_a_kiro_box_writes_its_dash(tmp_path: Path) -> None:
    # refused: "a box writes the statuses [ ], done, open, ready, todo", though the
    # reader reads Kiro's [-] on a numbered task as in progress
    plan = tmp_path / "tasks.md"
    plan.write_text(ENDING_IN_A_SUB_TASK)
    for item, spelled in (("3", "in progress"), ("3.2", "In-Progress")):
        done = cli("set", item, "--status", spelled, "tasks.md", cwd=tmp_path)
        assert (done.returncode, done.stderr) == (0, "")
    after = ENDING_IN_A_SUB_TASK.replace("[ ] 3. Write", "[-] 3. Write").replace(
        "[ ] 3.2", "[-] 3.2"
    )
    assert plan.read_bytes() == after.encode()
    assert [(i.id, i.status) for i in _items(after)][1::2] == [
        ("3", "in progress"),
        ("3.2", "in progress"),
    ]
    # a plain list's [-] is the cancelled mark: there a box cannot write in progress
    plain = tmp_path / "todo.md"
    plain.write_text("# TODO\n\n- [x] Write it\n- [ ] Test it\n")
    refused = cli("set", "test-it", "--status", "in progress", "todo.md", cwd=tmp_path)
    assert (refused.returncode, "not 'in progress'" in refused.stderr) == (2, True)
    # a legend that gives [-] its own word keeps it
    legend = "`[-]` Cancelled\n\n" + ENDING_IN_A_SUB_TASK.split("\n\n", 1)[1]
    plan.write_text("# Implementation Plan\n\n" + legend)
    refused = cli("set", "3", "--status", "in progress", "tasks.md", cwd=tmp_path)
    assert refused.returncode == 2


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


def test_an_open_box_over_a_cancelled_one_is_rl309_and_kiros_dash_is_no_cancel() -> None:
    # a box list's [-] is cancelled: a task waiting on it waits forever
    text = "# TODO\n\n- [x] T1 Write it\n- [-] T2 Port it to Perl\n- [ ] T3 Ship (depends on T2)\n"
    assert _findings(text) == ["5:RL309"]
    assert _findings(text.replace("(depends on T2)", "(depends on T1)")) == []
    # Kiro's [-] on a numbered task is in progress: a sub-task under it waits on nothing dead
    working = "# Implementation Plan\n\n- [-] 1. Build\n- [ ] 2. Ship (depends on 1)\n"
    assert [(i.id, i.status) for i in _items(working)] == [("1", "in progress"), ("2", "[ ]")]
    assert _findings(working) == []
