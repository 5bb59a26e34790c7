"""Task files (Backlog.md's ``backlog/tasks/``) read as one roadmap and written through the
gate; the real ``backlog`` command and roadmaplint read each other's edits."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from conftest import cli
from taskfolder_texts import CONFIG, PARSER

from roadmaplint.edit import taskfiles as write_tasks
from roadmaplint.edit.jsyaml import js_scalar
from roadmaplint.errors import RoadmapError
from roadmaplint.reader.shapes import taskfiles

REPO = Path(__file__).resolve().parent.parent
MODULES = REPO / "tests" / "browser" / "node_modules"
# The platform's binary itself where it is there (it saves node's start-up), else npm's launcher.
BACKLOG = next(
    (
        path
        for path in (MODULES / "backlog.md-linux-x64" / "backlog", MODULES / ".bin" / "backlog")
        if os.access(path, os.X_OK)
    ),
    MODULES / ".bin" / "backlog",
)
INSTALL = "npm install --no-save --no-audit --no-fund backlog.md@1.52.0"
NOW = datetime(2026, 12, 6, 9, 30)

SETUP = """\
---
id: TASK-1
title: 'Set up: repo'
status: Done
assignee: []
created_date: '2026-12-06 06:40'
labels: []
dependencies: []
ordinal: 1000
---


"""


def make_folder(root: Path) -> Path:
    backlog = root / "backlog"
    (backlog / "tasks").mkdir(parents=True)
    (backlog / "config.yml").write_text(CONFIG, encoding="utf-8")
    (backlog / "tasks" / "task-1 - Set-up-repo.md").write_text(SETUP, encoding="utf-8")
    (backlog / "tasks" / "task-2 - Write-parser.md").write_text(PARSER, encoding="utf-8")
    return backlog


def test_detect_names_the_folder_from_the_project_the_backlog_or_its_tasks(tmp_path: Path) -> None:
    backlog = make_folder(tmp_path)
    assert taskfiles.detect(tmp_path) == backlog
    assert taskfiles.detect(backlog) == backlog
    assert taskfiles.detect(backlog / "tasks") == backlog
    assert taskfiles.detect(backlog / "docs") is None
    assert taskfiles.detect(tmp_path / "elsewhere") is None


def test_a_folder_reads_as_one_roadmap_of_the_same_records(tmp_path: Path) -> None:
    folder = taskfiles.read(make_folder(tmp_path))
    items = {item.id: item for item in folder.roadmap.items}
    assert list(items) == ["TASK-1", "TASK-2"]
    parser = items["TASK-2"]
    assert (parser.title, parser.status, parser.priority, parser.dri) == (
        "Write parser",
        "In Progress",
        "high",
        "@bob",
    )
    assert parser.depends_on == ("TASK-1",)
    assert [(c.text, c.checked, c.line) for c in parser.definition_of_done] == [
        ("Parses front matter", True, 26),
        ("Keeps order", False, 27),
    ]
    assert parser.field("labels") is not None and parser.field("labels").value == "core"  # type: ignore[union-attr]
    assert parser.field("priority").position.line == 14  # type: ignore[union-attr]
    assert items["TASK-1"].title == "Set up: repo"
    assert folder.file_of("task-2").path.name == "task-2 - Write-parser.md"
    workflow = folder.workflow()
    assert workflow.is_ready("To Do") and workflow.is_in_progress("In Progress")
    assert workflow.is_done("Done")


def test_set_keeps_order_comments_and_quoting_and_changes_only_the_named_field(
    tmp_path: Path,
) -> None:
    backlog = make_folder(tmp_path)
    path = write_tasks.set_fields(taskfiles.read(backlog), "TASK-2", {"Status": "Done"}, NOW)
    expected = PARSER.replace("status: In Progress", "status: Done").replace(
        "created_date: '2026-12-06 06:48'\n",
        "created_date: '2026-12-06 06:48'\nupdated_date: '2026-12-06 09:30'\n",
    )
    assert path.read_text(encoding="utf-8") == expected


def test_set_dependencies_and_owner_write_block_lists_as_backlog_does(tmp_path: Path) -> None:
    backlog = make_folder(tmp_path)
    folder = taskfiles.read(backlog)
    write_tasks.set_fields(folder, "TASK-1", {"Depends on": "task-2", "DRI": "@eve"}, NOW)
    text = (backlog / "tasks" / "task-1 - Set-up-repo.md").read_text(encoding="utf-8")
    assert "assignee:\n  - '@eve'\n" in text
    assert "dependencies:\n  - TASK-2\n" in text
    assert "title: 'Set up: repo'\n" in text


def test_set_leaves_every_front_matter_line_it_does_not_target_byte_for_byte(
    tmp_path: Path,
) -> None:
    # ruamel.yaml wrote the whole mapping again: a spaced flow list lost its spacing and
    # its comment's place, a tag its tag; the meaning was kept, the bytes were not.
    backlog = make_folder(tmp_path)
    odd = SETUP.replace("status: Done", "status: To Do").replace(
        "labels: []\n",
        "labels: ['x',   \"y\"]   # spaced\npriority: !<tag:yaml.org,2002:str> high\n",
    )
    task = backlog / "tasks" / "task-1 - Set-up-repo.md"
    task.write_text(odd, encoding="utf-8")
    write_tasks.set_fields(taskfiles.read(backlog), "TASK-1", {"Status": "Done"}, NOW)
    assert task.read_text(encoding="utf-8") == odd.replace("status: To Do", "status: Done").replace(
        "created_date: '2026-12-06 06:40'\n",
        "created_date: '2026-12-06 06:40'\nupdated_date: '2026-12-06 09:30'\n",
    )
    # a list the edit targets is written as Backlog.md writes it; the rest stays
    write_tasks.set_fields(taskfiles.read(backlog), "TASK-1", {"Labels": "z"}, NOW)
    text = task.read_text(encoding="utf-8")
    assert "\n  - z\npriority: !<tag:yaml.org,2002:str> high\ndependencies: []\n" in text


def test_a_status_not_in_config_is_refused_and_the_file_is_untouched(tmp_path: Path) -> None:
    backlog = make_folder(tmp_path)
    with pytest.raises(RoadmapError, match=r"task-2 - Write-parser.md:4: status 'Shipped'"):
        write_tasks.set_fields(taskfiles.read(backlog), "TASK-2", {"status": "Shipped"}, NOW)
    assert (backlog / "tasks" / "task-2 - Write-parser.md").read_text(encoding="utf-8") == PARSER


def test_new_task_is_named_and_written_as_backlog_would(tmp_path: Path) -> None:
    backlog = make_folder(tmp_path)
    (backlog / "completed").mkdir()
    (backlog / "completed" / "task-7 - Old.md").write_text(SETUP.replace("TASK-1", "TASK-7"))
    path = write_tasks.new_task(
        taskfiles.read(backlog),
        "Fix: a/b & c? (x) it's",
        {"priority": "High", "depends on": "task-1", "owner": "@bob"},
        NOW,
    )
    assert path.name == "task-8 - Fix-a-b-c-x-its.md"
    assert path.read_text(encoding="utf-8") == (
        "---\nid: TASK-8\ntitle: 'Fix: a/b & c? (x) it''s'\nstatus: To Do\n"
        "assignee:\n  - '@bob'\ncreated_date: '2026-12-06 09:30'\nlabels: []\n"
        "dependencies:\n  - TASK-1\npriority: high\nordinal: 8000\n---\n\n\n"
    )


def test_bad_front_matter_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    backlog = make_folder(tmp_path)
    (backlog / "tasks" / "task-3 - Bad.md").write_text("---\nid: TASK-3\ntitle: [oops\n---\n")
    with pytest.raises(RoadmapError, match=r"task-3 - Bad.md:\d+: not valid YAML") as raised:
        taskfiles.read(backlog)
    assert "\n" not in str(raised.value)


def _alias_bomb() -> str:
    rows = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    rows += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    return "\n".join(rows) + "\nlabels: *a9\n"


@pytest.mark.parametrize(
    ("front", "message"),
    [
        (_alias_bomb(), r"task-3 - Bomb.md:5: YAML anchors and aliases are not read here"),
        ("labels: " + "[" * 100_000 + "]" * 100_000 + "\n", r"nests deeper than 32"),
        ("title: '" + "x" * (1 << 21) + "'\n", r"task-3 - Bomb.md:2: the YAML is over 1 MiB"),
    ],
    ids=["billion-laughs", "deep-nesting", "huge"],
)
def test_front_matter_that_would_exhaust_the_machine_is_refused_in_one_line(
    tmp_path: Path, front: str, message: str
) -> None:
    """An alias bomb grows to 9**10 strings when read, deep nesting recurses in the loader:
    both are refused before loading, as is a front matter of megabytes."""
    backlog = make_folder(tmp_path)
    text = f"---\nid: TASK-3\ntitle: Bomb\nstatus: To Do\n{front}---\n"
    if "anchors" not in message:
        text = text.replace("title: Bomb\n", "")
    (backlog / "tasks" / "task-3 - Bomb.md").write_text(text, encoding="utf-8")
    with pytest.raises(RoadmapError, match=message) as raised:
        taskfiles.read(backlog)
    assert "\n" not in str(raised.value)


def test_config_yml_with_an_alias_is_refused_in_one_line(tmp_path: Path) -> None:
    backlog = make_folder(tmp_path)
    (backlog / "config.yml").write_text("s: &s [To Do, Done]\nstatuses: *s\n", encoding="utf-8")
    with pytest.raises(RoadmapError, match=r"config.yml:1: YAML anchors and aliases"):
        taskfiles.read(backlog)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("plain words", "plain words"),
        ("yes", "'yes'"),
        ("a:b", "'a:b'"),
        ("@bob", "'@bob'"),
        ("2026-01-01", "'2026-01-01'"),
        ("a#b", "a#b"),
        ("it's here", "it's here"),
    ],
)
def test_new_strings_are_quoted_as_js_yaml_quotes_them(text: str, written: str) -> None:
    from ruamel.yaml.comments import CommentedMap

    data = CommentedMap()
    data["k"] = js_scalar(text)
    assert write_tasks.dump(data, taskfiles.yaml()) == f"k: {written}\n"


# --- the real backlog command -------------------------------------------------------------


@pytest.fixture
def needs_backlog() -> None:
    """The real backlog command: required in CI (``.ci/run`` installs it), else skipped."""
    if os.access(BACKLOG, os.X_OK):
        return
    missing = (
        f"the backlog command (npm backlog.md 1.52.0) is missing: run `{INSTALL}` in tests/browser"
    )
    if os.environ.get("CI"):
        pytest.fail(f"{missing} (CI is set, so the interop tests must run)")
    pytest.skip(missing)


def backlog(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        [str(BACKLOG), *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 0, done.stderr + done.stdout
    return done.stdout


def backlog_project(tmp_path: Path) -> Path:
    backlog("init", "Demo", "--defaults", "--no-git", "--agent-instructions", "none", cwd=tmp_path)
    assert (tmp_path / "backlog" / "config.yml").is_file()
    return tmp_path / "backlog"


@pytest.mark.slow
@pytest.mark.usefixtures("needs_backlog")
def test_tasks_backlog_creates_read_right(tmp_path: Path) -> None:
    root = backlog_project(tmp_path)
    backlog("task", "create", "Set up repo", "--plain", cwd=tmp_path)
    backlog(
        "task", "create", "Write parser", "--priority", "high", "-a", "@bob", "--dep", "task-1",
        "--ac", "Parses front matter", "--ac", "Keeps order", "-l", "core,parser", "--plain",
        cwd=tmp_path,
    )  # fmt: skip
    backlog("task", "edit", "task-2", "-s", "In Progress", "--check-ac", "1", cwd=tmp_path)
    folder = taskfiles.read(root)
    items = {item.id: item for item in folder.roadmap.items}
    assert set(items) == {"TASK-1", "TASK-2"}
    parser = items["TASK-2"]
    assert (parser.title, parser.status, parser.priority, parser.dri, parser.depends_on) == (
        "Write parser",
        "In Progress",
        "high",
        "@bob",
        ("TASK-1",),
    )
    assert [(c.text, c.checked) for c in parser.definition_of_done] == [
        ("Parses front matter", True),
        ("Keeps order", False),
    ]
    assert folder.statuses == ("To Do", "In Progress", "Done")
    assert items["TASK-1"].status == "To Do"


@pytest.mark.slow
@pytest.mark.usefixtures("needs_backlog")
def test_tasks_roadmaplint_edits_and_creates_show_right_in_backlog(tmp_path: Path) -> None:
    root = backlog_project(tmp_path)
    backlog("task", "create", "Set up repo", "--plain", cwd=tmp_path)
    backlog("task", "create", "Write parser", "-a", "@bob", "--plain", cwd=tmp_path)
    before = {p.name: p.read_text(encoding="utf-8") for p in (root / "tasks").iterdir()}
    write_tasks.set_fields(
        taskfiles.read(root),
        "TASK-2",
        {"status": "Done", "priority": "low", "depends on": "task-1"},
    )
    view = backlog("task", "view", "--plain", "task-2", cwd=tmp_path)
    assert "Status: ✔ Done" in view or "Status: Done" in view, view
    assert "Priority: Low" in view, view
    assert "TASK-1" in view, view
    unchanged = root / "tasks" / "task-1 - Set-up-repo.md"
    assert unchanged.read_text(encoding="utf-8") == before[unchanged.name]

    created = write_tasks.new_task(
        taskfiles.read(root), "Ship: v1 (final)", {"priority": "medium", "depends on": "TASK-2"}
    )
    assert created.name == "task-3 - Ship-v1-final.md"
    view = backlog("task", "view", "--plain", "task-3", cwd=tmp_path)
    assert "Ship: v1 (final)" in view and "TASK-2" in view and "Priority: Medium" in view, view
    listed = backlog("task", "list", "--plain", cwd=tmp_path)
    assert "TASK-3 - Ship: v1 (final)" in listed, listed
    # backlog's next create numbers after roadmaplint's
    backlog("task", "create", "After", "--plain", cwd=tmp_path)
    assert (root / "tasks" / "task-4 - After.md").is_file()


@pytest.mark.slow
@pytest.mark.usefixtures("needs_backlog")
def test_the_command_line_and_backlog_read_each_others_edits(tmp_path: Path) -> None:
    """roadmaplint's commands on a project backlog made; backlog's view of the result;
    then backlog's own edit, read back by roadmaplint's commands."""
    from conftest import cli

    root = backlog_project(tmp_path)
    backlog("task", "create", "Set up repo", "--ac", "Repo exists", "--plain", cwd=tmp_path)
    backlog("task", "create", "Write parser", "-a", "@bob", "--plain", cwd=tmp_path)
    assert cli("check", cwd=tmp_path).returncode == 0
    done = cli("set", "TASK-1", "--status", "Done", "--done-item", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    done = cli("set", "TASK-2", "--add-dep", "task-1", "--priority", "high", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    done = cli(
        "new", "tasks", "Ship: v1", "--depends-on", "TASK-2", "--done", "tagged", cwd=tmp_path
    )
    assert done.stdout == "Added backlog/tasks/task-3 - Ship-v1.md\n", done.stderr
    view = backlog("task", "view", "--plain", "task-1", cwd=tmp_path)
    assert "Done" in view and "[x] #1 Repo exists" in view, view
    view = backlog("task", "view", "--plain", "task-3", cwd=tmp_path)
    assert "Ship: v1" in view and "TASK-2" in view and "[ ] #1 tagged" in view, view
    done = cli("rename", "TASK-3", "TASK-7", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    view = backlog("task", "view", "--plain", "task-7", cwd=tmp_path)
    assert "Ship: v1" in view and "TASK-2" in view, view

    backlog("task", "edit", "task-2", "-s", "In Progress", "-a", "@eve", cwd=tmp_path)
    listed = {
        item["id"]: item
        for item in json.loads(cli("list", "--format", "json", cwd=tmp_path).stdout)
    }
    assert (listed["TASK-2"]["status"], listed["TASK-2"]["dri"]) == ("In Progress", "@eve")
    assert listed["TASK-2"]["priority"] == "high"
    assert listed["TASK-7"]["status"] == "To Do"
    folder = taskfiles.read(root)
    assert {item.id: item.depends_on for item in folder.roadmap.items} == {
        "TASK-1": (),
        "TASK-2": ("TASK-1",),
        "TASK-7": ("TASK-2",),
    }
    assert cli("check", cwd=tmp_path).returncode == 0


@pytest.mark.slow
@pytest.mark.usefixtures("needs_backlog")
def test_rename_of_a_parent_renames_its_subtasks_as_backlog_names_them(tmp_path: Path) -> None:
    """Backlog.md names a subtask after its parent (``task-1.2``, ``parent_task_id:
    TASK-1``): renaming the parent renames them, and backlog still sees the family."""
    from conftest import cli

    root = backlog_project(tmp_path)
    backlog("task", "create", "Parent", "--plain", cwd=tmp_path)
    backlog("task", "create", "Child a", "-p", "task-1", "--plain", cwd=tmp_path)
    backlog("task", "create", "Child b", "-p", "task-1", "--dep", "task-1.1", cwd=tmp_path)
    backlog("task", "create", "After", "--dep", "task-1.2", "--plain", cwd=tmp_path)
    done = cli("rename", "TASK-1", "TASK-7", cwd=tmp_path)
    assert done.stdout == (
        "Renamed TASK-1 to TASK-7 (1 dependent updated, 2 subtasks renamed); its file is now "
        "backlog/tasks/task-7 - Parent.md\n"
    ), done.stderr
    assert sorted(path.name for path in (root / "tasks").iterdir()) == [
        "task-2 - After.md",
        "task-7 - Parent.md",
        "task-7.1 - Child-a.md",
        "task-7.2 - Child-b.md",
    ]
    view = backlog("task", "view", "--plain", "task-7", cwd=tmp_path)
    assert "Subtasks (2):\n- TASK-7.1 - Child a\n- TASK-7.2 - Child b\n" in view, view
    view = backlog("task", "view", "--plain", "task-7.2", cwd=tmp_path)
    assert "Parent: TASK-7 - Parent" in view and "TASK-7.1 - Child a" in view, view
    folder = taskfiles.read(root)
    assert {item.id: item.depends_on for item in folder.roadmap.items} == {
        "TASK-2": ("TASK-7.2",),
        "TASK-7": (),
        "TASK-7.1": (),
        "TASK-7.2": ("TASK-7.1",),
    }
    taken = cli("rename", "TASK-2", "TASK-7.1", cwd=tmp_path)
    assert taken.stderr == "roadmaplint: error: backlog/tasks: TASK-7.1 exists; rename refused\n"


def test_a_task_file_that_is_a_pipe_is_one_line_not_a_hang(tmp_path: Path) -> None:
    """Reading a FIFO waits for a writer forever: it is refused before it is opened."""
    from tests.conftest import cli

    backlog = make_folder(tmp_path)
    os.mkfifo(backlog / "tasks" / "task-3 - Pipe.md")
    found = cli("check", "backlog", cwd=tmp_path)
    assert found.returncode == 2 and found.stderr.count("\n") == 1, found.stderr
    assert "task-3 - Pipe.md: is not a regular file" in found.stderr


def test_a_task_linked_from_outside_the_folder_is_read_but_never_written(tmp_path: Path) -> None:
    from tests.conftest import cli

    backlog = make_folder(tmp_path)
    outside = tmp_path / "elsewhere.md"
    outside.write_text(SETUP.replace("TASK-1", "TASK-3"), encoding="utf-8")
    (backlog / "tasks" / "task-3 - Linked.md").symlink_to(outside)
    assert "TASK-3" in cli("list", "backlog", cwd=tmp_path).stdout
    for args in (["set", "TASK-3", "--status", "To Do"], ["rename", "TASK-3", "TASK-9"]):
        refused = cli(*args, "backlog", cwd=tmp_path)
        assert refused.returncode == 2 and refused.stderr.count("\n") == 1, refused.stderr
        assert "outside the task folder" in refused.stderr
    assert outside.read_text(encoding="utf-8") == SETUP.replace("TASK-1", "TASK-3")
    assert (backlog / "tasks" / "task-3 - Linked.md").is_symlink()


@pytest.mark.slow
@pytest.mark.usefixtures("needs_backlog")
def test_a_dependency_on_a_task_backlog_completed_is_no_unknown_item(tmp_path: Path) -> None:
    """`backlog task complete` moves a Done task to completed/; a task still in tasks/
    that depends on it named an unknown item (RL301), a false alarm on real folders."""
    from conftest import cli

    backlog_project(tmp_path)
    backlog("task", "create", "Set up repo", "--plain", cwd=tmp_path)
    backlog("task", "create", "Write parser", "--dep", "task-1", "--plain", cwd=tmp_path)
    backlog("task", "edit", "task-1", "-s", "Done", cwd=tmp_path)
    backlog("task", "complete", "task-1", cwd=tmp_path)
    assert list((tmp_path / "backlog" / "completed").glob("task-1 - *.md"))
    assert "[completed]" in backlog("task", "view", "task-2", "--plain", cwd=tmp_path)
    checked = cli("check", cwd=tmp_path)
    assert (checked.returncode, checked.stdout) == (0, "All checks passed.\n")
    items = {item["id"]: item for item in json.loads(cli("export", cwd=tmp_path).stdout)["items"]}
    assert (items["TASK-2"]["depends_on"], items["TASK-2"]["external_deps"]) == (["TASK-1"], [])
    assert (items["TASK-1"]["status"], items["TASK-1"]["path"]) == (
        "Done",
        "backlog/completed/task-1 - Set-up-repo.md",
    )
    offered = cli("next", cwd=tmp_path).stdout
    assert "TASK-2" in offered
    # set removes and adds such a dependency as backlog does (it refused the completed task)
    assert cli("set", "TASK-2", "--remove-dep", "TASK-1", cwd=tmp_path).returncode == 0
    added = cli("set", "TASK-2", "--add-dep", "TASK-1", cwd=tmp_path)
    assert (added.returncode, added.stderr) == (0, "")
    assert "[completed]" in backlog("task", "view", "task-2", "--plain", cwd=tmp_path)
    # a dependency on no task anywhere is still an unknown item (written by hand: the
    # backlog command refuses it)
    (written,) = (tmp_path / "backlog" / "tasks").glob("task-2 - *.md")
    text = written.read_text(encoding="utf-8")
    assert text.count("TASK-1") == 1, text
    written.write_text(text.replace("TASK-1", "TASK-9"), encoding="utf-8")
    assert "RL301 TASK-2 depends on unknown item" in cli("check", cwd=tmp_path).stdout


@pytest.mark.slow
@pytest.mark.usefixtures("needs_backlog")
def test_an_edit_keeps_a_dependency_on_a_completed_task(tmp_path: Path) -> None:
    """rename and set --add-dep rewrote a dependent's list from the dependencies the
    reader names in the folder: the one on a task in completed/ was dropped from the file."""
    from conftest import cli

    backlog_project(tmp_path)
    backlog("task", "create", "One", "--plain", cwd=tmp_path)
    backlog("task", "create", "Two", "--plain", cwd=tmp_path)
    backlog("task", "create", "Three", "--dep", "task-1,task-2", "--plain", cwd=tmp_path)
    backlog("task", "create", "Four", "--plain", cwd=tmp_path)
    backlog("task", "edit", "task-1", "-s", "Done", cwd=tmp_path)
    backlog("task", "complete", "task-1", cwd=tmp_path)
    renamed = cli("rename", "TASK-2", "TASK-9", cwd=tmp_path)
    assert (renamed.returncode, renamed.stderr) == (0, ""), renamed.stderr
    viewed = backlog("task", "view", "task-3", "--plain", cwd=tmp_path)
    assert "TASK-1 - One [completed]" in viewed and "TASK-9 - Two" in viewed, viewed
    added = cli("set", "TASK-3", "--add-dep", "TASK-4", cwd=tmp_path)
    assert (added.returncode, added.stderr) == (0, ""), added.stderr
    viewed = backlog("task", "view", "task-3", "--plain", cwd=tmp_path)
    assert "TASK-1 - One [completed]" in viewed and "TASK-4 - Four" in viewed, viewed
    removed = cli("set", "TASK-3", "--remove-dep", "TASK-9", cwd=tmp_path)
    assert removed.returncode == 0, removed.stderr
    viewed = backlog("task", "view", "task-3", "--plain", cwd=tmp_path)
    assert "TASK-1 - One [completed]" in viewed and "TASK-9" not in viewed, viewed


def test_a_dependency_written_in_lower_case_names_the_task_of_that_id(tmp_path: Path) -> None:
    """Backlog.md before its upper-case IDs wrote `id: task-27` and `dependencies: [task-27]`;
    the task reads as TASK-27, so the dependency must too, or it named an unknown item."""
    from conftest import cli

    tasks = tmp_path / "backlog" / "tasks"
    tasks.mkdir(parents=True)
    (tmp_path / "backlog" / "config.yml").write_text(CONFIG, encoding="utf-8")
    for number, depends in ((27, "[]"), (28, "\n  - task-27")):
        (tasks / f"task-{number} - Step-{number}.md").write_text(
            f"---\nid: task-{number}\ntitle: Step {number}\nstatus: To Do\n"
            f"assignee: []\ndependencies: {depends}\n---\n",
            encoding="utf-8",
        )
    items = taskfiles.read(tmp_path / "backlog").roadmap.items
    assert [(item.id, item.depends_on) for item in items] == [
        ("TASK-27", ()),
        ("TASK-28", ("TASK-27",)),
    ]
    # no unknown item (RL301), and a To Do task over a To Do one is a queue's order (no
    # RL306: Backlog.md's first status says only that work has not started)
    assert cli("check", cwd=tmp_path).stdout == "All checks passed.\n"


@pytest.mark.slow
@pytest.mark.usefixtures("needs_backlog")
def test_completed_drafted_and_archived_tasks_are_items_of_their_folders_status(
    tmp_path: Path,
) -> None:
    """completed/, drafts/ and archive/tasks/ are read as items (done, an idea, closed), for
    check and show, and a dependency on one names it; next offers none of them (an
    archived To Do task was offered before the draft's and the archive's statuses)."""
    from conftest import cli

    backlog_project(tmp_path)
    backlog("task", "create", "One", "--plain", cwd=tmp_path)
    backlog("task", "create", "Two", "--plain", cwd=tmp_path)
    backlog("task", "create", "Three", "--dep", "task-1,task-2", "--plain", cwd=tmp_path)
    backlog("draft", "create", "Maybe", cwd=tmp_path)
    backlog("task", "edit", "task-1", "-s", "Done", cwd=tmp_path)
    backlog("task", "complete", "task-1", cwd=tmp_path)
    backlog("task", "archive", "task-2", cwd=tmp_path)
    viewed = backlog("task", "view", "task-3", "--plain", cwd=tmp_path)
    assert "TASK-1 - One [completed]" in viewed, viewed
    assert (tmp_path / "backlog" / "archive" / "tasks").is_dir()
    checked = cli("check", cwd=tmp_path)
    assert (checked.returncode, checked.stdout) == (0, "All checks passed.\n"), checked.stderr
    listed = json.loads(cli("list", "--format", "json", cwd=tmp_path).stdout)
    assert sorted((item["id"], item["status"]) for item in listed) == [
        ("DRAFT-1", "Draft"),
        ("TASK-1", "Done"),
        ("TASK-2", "Archived"),  # its file still says To Do: archived, it is no work to start
        ("TASK-3", "To Do"),
    ]
    shown = cli("show", "TASK-2", cwd=tmp_path)
    assert "backlog/archive/tasks/task-2 - Two.md:3" in shown.stdout, shown.stdout
    shown = json.loads(cli("show", "TASK-3", "--format", "json", cwd=tmp_path).stdout)
    # backlog's archive took TASK-2 out of the dependencies; the completed one names an item
    assert (shown["depends_on"], shown["external_deps"]) == (["TASK-1"], [])
    offered = json.loads(cli("next", "--format", "json", cwd=tmp_path).stdout)
    assert [item["id"] for item in offered] == ["TASK-3"]  # no draft, no archived task
    refused = cli("set", "TASK-1", "--status", "To Do", cwd=tmp_path)
    assert (refused.returncode, refused.stderr) == (
        2,
        "roadmaplint: error: backlog/completed/task-1 - One.md:3: TASK-1 is in completed/, "
        "which gives its status; `set` edits tasks of tasks/ (move it back first)\n",
    )
    # an archived task whose status is not config.yml's is no RL201: the folder gives it
    (archived,) = (tmp_path / "backlog" / "archive" / "tasks").glob("*.md")
    archived.write_text(archived.read_text("utf-8").replace("To Do", "Shipped"), "utf-8")
    assert cli("check", cwd=tmp_path).stdout == "All checks passed.\n"


@pytest.mark.slow
@pytest.mark.usefixtures("needs_backlog")
def test_a_folders_ids_are_compared_by_number_as_backlog_compares_them(tmp_path: Path) -> None:
    """task-02 beside task-2 is one ID written twice (backlog calls it ambiguous and blocks
    it): RL102. A dependency written TASK-02 names TASK-2, as backlog task view shows it."""
    from conftest import cli

    root = backlog_project(tmp_path)
    backlog("task", "create", "One", "--plain", cwd=tmp_path)
    backlog("task", "create", "Two", "--plain", cwd=tmp_path)
    backlog("task", "create", "Three", "--dep", "task-2", "--plain", cwd=tmp_path)
    (two,) = (root / "tasks").glob("task-2 - *.md")
    again = root / "tasks" / "task-02 - Two-again.md"
    again.write_text(two.read_text("utf-8").replace("id: TASK-2", "id: TASK-02"), "utf-8")
    ambiguous = subprocess.run(
        [str(BACKLOG), "task", "view", "task-2", "--plain"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "is ambiguous" in ambiguous.stdout + ambiguous.stderr
    checked = cli("check", cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    assert checked.stdout == (
        "backlog/tasks/task-2 - Two.md:3:1: error: RL102 duplicate item ID TASK-2 (first "
        "defined in backlog/tasks/task-02 - Two-again.md:3)\nFound 1 error and 0 warnings.\n"
    )
    again.unlink()
    (three,) = (root / "tasks").glob("task-3 - *.md")
    three.write_text(three.read_text("utf-8").replace("  - TASK-2\n", "  - TASK-02\n"), "utf-8")
    viewed = backlog("task", "view", "task-3", "--plain", cwd=tmp_path)
    assert "TASK-2 - Two" in viewed, viewed
    checked = cli("check", cwd=tmp_path)
    assert (checked.returncode, checked.stdout) == (0, "All checks passed.\n")
    shown = json.loads(cli("show", "TASK-3", "--format", "json", cwd=tmp_path).stdout)
    assert (shown["id"], shown["depends_on"]) == ("TASK-3", ["TASK-2"])


@pytest.mark.slow
@pytest.mark.usefixtures("needs_backlog")
def test_an_open_task_over_an_archived_one_is_a_finding_in_its_file(tmp_path: Path) -> None:
    """backlog lets a To Do task depend on an archived one (its view says "unknown task
    ID"); next never offered it and check said nothing of a dependency that will never be
    done. RL309, in the task's file; the archived task's own status passes."""
    from conftest import cli

    backlog_project(tmp_path)
    for title in ("One", "Two", "Three"):
        backlog("task", "create", title, "--plain", cwd=tmp_path)
    backlog("task", "archive", "task-2", cwd=tmp_path)
    backlog("task", "edit", "task-3", "--dep", "task-2", cwd=tmp_path)
    assert "TASK-2 - unknown task ID" in backlog("task", "view", "task-3", "--plain", cwd=tmp_path)
    three = "backlog/tasks/task-3 - Three.md"
    said = (
        f"{three}:10:3: error: RL309 TASK-3 is To Do but depends on TASK-2, which is Archived "
        "and will never be done; drop the dependency or reopen TASK-2\n"
    )
    checked = cli("check", cwd=tmp_path)
    assert (checked.returncode, checked.stdout.splitlines(keepends=True)[0]) == (1, said)
    assert cli("check", three, cwd=tmp_path).stdout.startswith(said)
    # the task named alone is listed and shown with its folder's statuses, as check reads it
    listed = json.loads(cli("list", three, "--format", "json", cwd=tmp_path).stdout)
    assert [(item["id"], item["status"]) for item in listed] == [("TASK-3", "To Do")]
    shown = cli("show", "TASK-3", three, cwd=tmp_path)
    assert (shown.returncode, "TASK-2 (Archived)" in shown.stdout) == (0, True), shown.stderr
    archived = json.loads(
        cli(
            "list", "backlog/archive/tasks/task-2 - Two.md", "--format", "json", cwd=tmp_path
        ).stdout
    )
    assert [(item["id"], item["status"]) for item in archived] == [("TASK-2", "Archived")]
    # the dependency dropped with backlog: nothing to say
    backlog("task", "edit", "task-3", "--dep", "task-1", cwd=tmp_path)
    text = (tmp_path / three).read_text("utf-8")
    (tmp_path / three).write_text(text.replace("  - TASK-2\n", ""), "utf-8")
    assert cli("check", cwd=tmp_path).stdout == "All checks passed.\n"


def test_the_folder_cache_parses_a_file_again_when_its_text_changed(tmp_path: Path) -> None:
    """The language server's cache knew a task file by its modification time and size: a
    rewrite of the same size within the clock's granularity kept the old item. A time
    within the granularity of the read is not trusted (here one ahead of the clock, as a
    write of this very moment is): the text is compared. An unchanged file's item is the
    one parsed before."""
    root = tmp_path / "backlog"
    (root / "tasks").mkdir(parents=True)
    (root / "config.yml").write_text(CONFIG, "utf-8")
    path = root / "tasks" / "task-2 - Write-parser.md"
    path.write_text(PARSER, "utf-8")
    other = root / "tasks" / "task-3 - Docs.md"
    other.write_text(PARSER.replace("TASK-2", "TASK-3"), "utf-8")
    ahead = path.stat().st_mtime_ns + 3600 * 10**9
    os.utime(path, ns=(ahead, ahead))
    cache = taskfiles.FolderCache()
    first = {task.path: task.item for task in taskfiles.read(root, cache=cache).tasks}
    assert first[path].dri is not None
    before = path.stat()
    changed = PARSER.replace(first[path].dri, "z" * len(first[path].dri), 1)
    assert len(changed) == len(PARSER) and changed != PARSER
    path.write_text(changed, "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_mtime_ns, path.stat().st_size) == (before.st_mtime_ns, before.st_size)
    again = {task.path: task.item for task in taskfiles.read(root, cache=cache).tasks}
    assert again[path].dri == "z" * len(first[path].dri)
    assert again[other] is first[other]  # not parsed again


@pytest.mark.slow
@pytest.mark.usefixtures("needs_backlog")
def test_an_archived_tasks_number_taken_again_by_backlog_is_no_duplicate(tmp_path: Path) -> None:
    """backlog numbers a new task past tasks/, completed/ and drafts/ only: after TASK-2 is
    archived, the next task is TASK-2 again, and backlog shows that one. check said RL102
    duplicate item ID TASK-2, an error on a folder only backlog wrote."""
    from conftest import cli

    root = backlog_project(tmp_path)
    backlog("task", "create", "One", "--plain", cwd=tmp_path)
    backlog("task", "create", "Two", "--plain", cwd=tmp_path)
    backlog("task", "archive", "task-2", cwd=tmp_path)
    backlog("task", "create", "Again", "--plain", cwd=tmp_path)
    assert [path.name for path in (root / "tasks").glob("task-2 - *.md")] == ["task-2 - Again.md"]
    assert "TASK-2 - Again" in backlog("task", "view", "task-2", "--plain", cwd=tmp_path)
    checked = cli("check", cwd=tmp_path)
    assert (checked.returncode, checked.stdout) == (0, "All checks passed.\n")
    listed = json.loads(cli("list", "--format", "json", cwd=tmp_path).stdout)
    assert [(item["id"], item["title"]) for item in listed] == [
        ("TASK-1", "One"),
        ("TASK-2", "Again"),
    ]
    # archived in turn: two archived TASK-2, the first read stays
    backlog("task", "archive", "task-2", cwd=tmp_path)
    checked = cli("check", cwd=tmp_path)
    assert (checked.returncode, checked.stdout) == (0, "All checks passed.\n")
    listed = json.loads(cli("list", "--format", "json", cwd=tmp_path).stdout)
    assert [(item["id"], item["status"]) for item in listed] == [
        ("TASK-1", "To Do"),
        ("TASK-2", "Archived"),
    ]


@pytest.mark.slow
@pytest.mark.usefixtures("needs_backlog")
@pytest.mark.parametrize("written", ["5", "task-005"])
def test_a_dependency_written_by_its_number_alone_is_read_and_renamed(
    tmp_path: Path, written: str
) -> None:
    """backlog reads ``dependencies: [5]`` as TASK-5 (task view lists it): check said RL301
    unknown item 5, and rename TASK-5 left ``5`` (and ``task-005``) naming nothing."""
    from conftest import cli

    root = backlog_project(tmp_path)
    for number in range(1, 6):
        backlog("task", "create", f"Task {number}", "--plain", cwd=tmp_path)
    backlog("task", "edit", "task-1", "--dep", "task-5", "--plain", cwd=tmp_path)
    (one,) = (root / "tasks").glob("task-1 - *.md")
    one.write_text(one.read_text("utf-8").replace("  - TASK-5\n", f"  - {written}\n"), "utf-8")
    assert "TASK-5 - Task 5" in backlog("task", "view", "task-1", "--plain", cwd=tmp_path)
    assert cli("check", cwd=tmp_path).stdout == "All checks passed.\n"
    renamed = cli("rename", "TASK-5", "TASK-50", cwd=tmp_path)
    assert "(1 dependent updated)" in renamed.stdout, renamed.stderr
    assert "TASK-50 - Task 5" in backlog("task", "view", "task-1", "--plain", cwd=tmp_path)
    assert cli("check", cwd=tmp_path).stdout == "All checks passed.\n"


def test_the_lines_rl108_and_rl110_cite_are_the_task_files_as_other_rules_lines_are(
    tmp_path: Path,
) -> None:
    """RL108 and RL110 cite lines, and spans of lines, through findings.said as the other
    rules do, so a task folder's finding names each as its task file's line; they named
    the folder's joined text's lines."""
    from roadmaplint.api import load_folder, placed
    from roadmaplint.config.cache import SettingsCache
    from roadmaplint.config.load import Overrides
    from roadmaplint.model import Position, StrayList, Unclosed
    from roadmaplint.record import replace
    from roadmaplint.rules.engine import check_roadmap

    loaded = load_folder(make_folder(tmp_path), SettingsCache(None, Overrides()))
    assert loaded.folder is not None
    at = loaded.folder.starts()[1]  # the parser task's lines follow the set-up task's
    # what the markdown reader records of a body with an open fence and a stray list
    fence = Unclosed("code fence", Position(at + 18, 1), "```", (at + 20, at + 21, at + 23))
    reindent = ((at + 19, 2), (at + 20, 2), (at + 22, 2))
    stray = StrayList(Position(at + 19, 1), at + 20, (at + 21, at + 24), 2, reindent)
    roadmap = replace(loaded.roadmap, unclosed=(fence,), stray_lists=(stray,))
    settings = replace(loaded.settings, select=("RL108", "RL110"))
    found = placed(check_roadmap(roadmap, settings), loaded.folder)
    parser = str(loaded.folder.root / "tasks" / "task-2 - Write-parser.md")
    assert [(f.path, f.line, f.code, f.message) for f in found] == [
        (
            parser,
            18,
            "RL110",
            "the code fence opened on line 18 is never closed: the 3 headings after it "
            "(lines 20-21, 23) render as its text, unread; close it with a ``` line where "
            "it should end",
        ),
        (
            parser,
            19,
            "RL108",
            "this list (lines 19-20) starts at column 1 in a document indented by 2 spaces, "
            "so its last item swallows lines 21-24: every heading there renders inside one "
            "bullet; indent the stray lines 19-20, 22 like the rest of the document "
            "(roadmaplint fix does)",
        ),
    ]


@pytest.mark.slow
@pytest.mark.usefixtures("needs_backlog")
def test_a_task_with_a_tag_backlog_does_not_read_is_refused_in_one_line(tmp_path: Path) -> None:
    # `!!python/...` front matter was read quietly, a list its title; Backlog.md's own
    # reader (js-yaml) does not read such a task at all. Nothing is ever run.
    from conftest import cli

    root = backlog_project(tmp_path)
    backlog("task", "create", "Set up repo", "--plain", cwd=tmp_path)
    tagged = root / "tasks" / "task-2 - Tagged.md"
    tagged.write_text(
        '---\nid: task-2\ntitle: !!python/object/apply:os.system ["touch pwned"]\n'
        "status: To Do\n---\n",
        encoding="utf-8",
    )
    assert "TASK-2" not in backlog("task", "list", "--plain", cwd=tmp_path)
    checked = cli("check", "backlog", cwd=tmp_path)
    assert checked.returncode == 2
    assert checked.stderr == (
        f"roadmaplint: error: {tagged.relative_to(tmp_path)}:3: the YAML tag "
        "'tag:yaml.org,2002:python/object/apply:os.system' is not read here (Backlog.md does "
        "not read the task either); write the value plainly\n"
    )
    assert not (tmp_path / "pwned").exists()
    # a tag of the schema Backlog.md reads is read as its value
    tagged.write_text(
        "---\nid: task-2\ntitle: !!str Tagged\nstatus: To Do\n---\n", encoding="utf-8"
    )
    assert cli("check", "backlog", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("statuses: 5", r"config.yml: statuses must be a list of words, as Backlog.md's is"),
        ("statuses: {a: b}", r"config.yml: statuses must be a list of words"),
        ("statuses: [[To Do], Done]", r"config.yml: statuses must be a list of words"),
        ('task_prefix: "../../evil"', r"config.yml: task_prefix must be letters only"),
        ("task_prefix: 5", r"config.yml: task_prefix must be letters only"),
    ],
)
def test_a_config_yml_setting_of_the_wrong_kind_is_one_line_not_a_traceback(
    tmp_path: Path, line: str, message: str
) -> None:
    """Backlog.md refuses to start on such a config.yml; a task prefix of other characters
    names files outside the folder and IDs no reader can number."""
    backlog = make_folder(tmp_path)
    key = line.split(":")[0]
    kept = [kept for kept in CONFIG.splitlines() if not kept.startswith(f"{key}:")]
    (backlog / "config.yml").write_text("\n".join([*kept, line]) + "\n", encoding="utf-8")
    with pytest.raises(RoadmapError, match=message) as raised:
        taskfiles.read(backlog)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(("mark", "newline"), [("", "\r\n"), ("\ufeff", "\n"), ("\ufeff", "\r\n")])
def test_a_task_file_saved_with_crlf_or_a_bom_is_read_and_set_in_its_own_bytes(
    tmp_path: Path, mark: str, newline: str
) -> None:
    """A task file saved on Windows: with CRLF every `set` was refused ("changed while
    roadmaplint read it"), with a byte order mark its front matter was read as none (no
    status, the file's name for a title) and check passed."""
    backlog = make_folder(tmp_path)
    task = backlog / "tasks" / "task-2 - Write-parser.md"
    task.write_bytes((mark + PARSER.replace("\n", newline)).encode("utf-8"))
    assert taskfiles.read(backlog).tasks[1].item.status == "In Progress"
    # as the editor holds it (the language server reads texts so): a one-line error before
    held = {task: (mark + PARSER.replace("\n", newline))}
    assert taskfiles.read(backlog, held).tasks[1].item.status == "In Progress"
    write_tasks.set_fields(taskfiles.read(backlog), "TASK-2", {"Status": "Done"}, NOW)
    expected = PARSER.replace("status: In Progress", "status: Done").replace(
        "created_date: '2026-12-06 06:48'\n",
        "created_date: '2026-12-06 06:48'\nupdated_date: '2026-12-06 09:30'\n",
    )
    assert task.read_bytes() == (mark + expected.replace("\n", newline)).encode("utf-8")


@pytest.mark.parametrize(
    "argv",
    [
        ["set", "TASK-2", "--title", "two\nlines"],
        ["set", "TASK-2", "--dri", "@a\n@b"],
        ["new", "tasks", "two\nlines"],
        ["new", "tasks", "Ok", "--dri", "@a\u2028@b"],
        ["new", "tasks", "Ok", "--done", "one\n- [x] forged"],
        ["new", "tasks", "hidden <!-- rest"],
    ],
)
def test_a_task_folder_edit_refuses_a_value_of_more_than_one_line(
    tmp_path: Path, argv: list[str]
) -> None:
    """As an edit of a roadmap file does: a title of two lines was written as a YAML block
    scalar, and a --done entry's second line as a ticked box of its own."""
    backlog = make_folder(tmp_path)
    before = {path: path.read_bytes() for path in backlog.rglob("*") if path.is_file()}
    result = cli(*argv, str(backlog), cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    assert result.stderr.count("\n") == 1, result.stderr
    assert "one line" in result.stderr or "HTML comment" in result.stderr
    assert {path: path.read_bytes() for path in backlog.rglob("*") if path.is_file()} == before
