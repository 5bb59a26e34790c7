"""Every command on a folder of task files (Backlog.md's ``backlog/``), however the folder
is named, through the installed console script; the edits with exact bytes (issue 20, 6).

The folder is named four ways: not at all (discovery finds ``backlog/config.yml``), as
``backlog``, ``backlog/`` and ``backlog/tasks``. Findings and ``show`` name the task's own
file and line. Edits keep every byte they were not asked to change (comments, quoting,
unknown keys, the body); only the ``updated_date`` stamp, which Backlog.md also writes,
depends on the clock and is compared as STAMP.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import cli, run
from taskfolder_texts import CONFIG, PARSER

from roadmaplint.report import FORMATS

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

## Acceptance Criteria
<!-- AC:BEGIN -->
- [x] #1 Repository exists
<!-- AC:END -->
"""

DOCS = """\
---
id: TASK-3
title: Write docs
status: To Do
assignee: []
created_date: '2026-12-06 07:00'
labels: []
dependencies:
  - TASK-2
priority: low
ordinal: 3000
---
"""

SETUP_FILE = "task-1 - Set-up-repo.md"
PARSER_FILE = "task-2 - Write-parser.md"
DOCS_FILE = "task-3 - Write-docs.md"
# How the command line names the folder: None is discovery from the project folder.
NAMES = (None, "backlog", "backlog/", "backlog/tasks")
STAMP = re.compile(r"'\d{4}-\d\d-\d\d \d\d:\d\d'")


def project(tmp_path: Path) -> Path:
    tasks = tmp_path / "backlog" / "tasks"
    tasks.mkdir(parents=True)
    (tmp_path / "backlog" / "config.yml").write_text(CONFIG, encoding="utf-8")
    for name, text in ((SETUP_FILE, SETUP), (PARSER_FILE, PARSER), (DOCS_FILE, DOCS)):
        (tasks / name).write_text(text, encoding="utf-8")
    return tmp_path


def named(name: str | None, *args: str) -> list[str]:
    return [*args, name] if name is not None else list(args)


def task(root: Path, name: str, created: bool = False) -> str:
    """A task file's text with the clock's stamps (updated now; ``created``: created now)
    as STAMP."""
    text = (root / "backlog" / "tasks" / name).read_text(encoding="utf-8")
    keys = "updated_date|created_date" if created else "updated_date"
    return re.sub(rf"^({keys}): {STAMP.pattern}$", r"\1: STAMP", text, flags=re.M)


def untouched(root: Path, *names: str) -> None:
    originals = {SETUP_FILE: SETUP, PARSER_FILE: PARSER, DOCS_FILE: DOCS}
    for name in names:
        assert (root / "backlog" / "tasks" / name).read_text(encoding="utf-8") == originals[name]


# --- reading: every read command on every way of naming the folder -------------------------


@pytest.mark.parametrize("name", NAMES)
def test_check_names_each_task_file_and_line(tmp_path: Path, name: str | None) -> None:
    root = project(tmp_path)
    (root / "backlog" / "tasks" / DOCS_FILE).write_text(
        DOCS.replace("status: To Do", "status: Shipped"), encoding="utf-8"
    )
    done = cli(*named(name, "check"), cwd=root)
    assert done.returncode == 1, done.stderr
    assert done.stdout == (
        f'backlog/tasks/{DOCS_FILE}:4:9: error: RL201 TASK-3 has status "Shipped", which is '
        "not in the statuses of config.yml; allowed: To Do, In Progress, Done\n"
        "Found 1 error and 0 warnings.\n"
    )


def test_check_of_a_clean_folder_reports_nothing(tmp_path: Path) -> None:
    """No legend, overview or field nagging (quiet by default). A To Do task over one in
    progress is no finding: in Backlog.md To Do says the work has not started, not that
    it is free to start (docs/shapes.md), so RL306 reads no contradiction in it; `next`
    still leaves it out until its dependency is done."""
    root = project(tmp_path)
    done = cli("check", cwd=root)
    assert (done.returncode, done.stdout) == (0, "All checks passed.\n"), done.stderr
    offered = json.loads(cli("next", "--format", "json", cwd=root).stdout)
    assert [item["id"] for item in offered] == []  # TASK-3 waits on TASK-2, in progress


def test_a_status_the_configuration_calls_ready_claims_its_dependencies_are_done(
    tmp_path: Path,
) -> None:
    """The decision is the configuration's to change: To Do moved from queued to ready
    (a team whose To Do means "free to start") has RL306 on a To Do task over open work."""
    root = project(tmp_path)
    assert cli("init", cwd=root).returncode == 0
    written = (root / ".roadmaplint.toml").read_text(encoding="utf-8")
    (root / ".roadmaplint.toml").write_text(written.replace("queued =", "ready ="), "utf-8")
    done = cli("check", cwd=root)
    assert done.stdout == (
        f"backlog/tasks/{DOCS_FILE}:9:3: warning: RL306 TASK-3 is To Do but depends on "
        "TASK-2, which is In Progress, not done\nFound 0 errors and 1 warning.\n"
    )


def test_check_of_one_task_file_gives_its_folder_findings_in_that_file(tmp_path: Path) -> None:
    """A task file named alone (an editor's or a hook's changed file) is checked as part
    of its folder, as the language server does: its own findings, not "no items"."""
    root = project(tmp_path)
    tasks = root / "backlog" / "tasks"
    (tasks / DOCS_FILE).write_text(DOCS.replace("status: To Do", "status: Shipped"), "utf-8")
    (tasks / "task-4 - Again.md").write_text(SETUP.replace("title: 'Set up: repo'", "title: x"))
    docs = cli("check", f"backlog/tasks/{DOCS_FILE}", cwd=root)
    assert (docs.returncode, docs.stderr) == (1, "")
    assert docs.stdout == (
        f'backlog/tasks/{DOCS_FILE}:4:9: error: RL201 TASK-3 has status "Shipped", which is '
        "not in the statuses of config.yml; allowed: To Do, In Progress, Done\n"
        "Found 1 error and 0 warnings.\n"
    )
    clean = cli("check", f"backlog/tasks/{PARSER_FILE}", cwd=root)
    assert (clean.returncode, clean.stdout) == (0, "All checks passed.\n")
    # a line another rule cites is that file's line, and another file is named
    again = cli("check", "backlog/tasks/task-4 - Again.md", cwd=root)
    assert again.stdout == (
        "backlog/tasks/task-4 - Again.md:3:1: error: RL102 duplicate item ID TASK-1 (first "
        f"defined in backlog/tasks/{SETUP_FILE}:3)\nFound 1 error and 0 warnings.\n"
    )


def test_a_line_the_writer_names_in_a_value_is_no_line_cited(tmp_path: Path) -> None:
    """Only a line the message itself cites is placed in its task file: a dependency the
    user named 'line 3' was read as a citation and shown as 'Noneline 3'."""
    root = project(tmp_path)
    tasks = root / "backlog" / "tasks"
    (tasks / DOCS_FILE).write_text(DOCS.replace("  - TASK-2", "  - line 3"), "utf-8")
    said = cli("check", f"backlog/tasks/{DOCS_FILE}", cwd=root)
    assert "RL301 TASK-3 depends on unknown item line 3\n" in said.stdout, said.stdout


def test_lines_are_cited_as_data_and_a_value_saying_on_line_3_is_shown_as_written(
    tmp_path: Path,
) -> None:
    """The rule records the lines its message cites; those alone are named as task files'
    lines. Values written "TASK-9 (line 3)", "on line 3" or "line 3:" were rewritten as
    citations of another file's line."""
    root = project(tmp_path)
    tasks = root / "backlog" / "tasks"
    written = ("TASK-9 (line 3)", "fixed on line 3", "line 3: the parser")
    dependencies = "".join(f"  - '{value}'\n" for value in written)
    (tasks / DOCS_FILE).write_text(DOCS.replace("  - TASK-2\n", dependencies), "utf-8")
    (tasks / "task-4 - Again.md").write_text(SETUP.replace("title: 'Set up: repo'", "title: x"))
    said = cli("check", cwd=root).stdout.splitlines()
    assert said == [
        *(
            f"backlog/tasks/{DOCS_FILE}:9:3: error: RL301 TASK-3 depends on unknown item {value}"
            for value in written
        ),
        "backlog/tasks/task-4 - Again.md:3:1: error: RL102 duplicate item ID TASK-1 (first "
        f"defined in backlog/tasks/{SETUP_FILE}:3)",
        "Found 4 errors and 0 warnings.",
    ]


@pytest.mark.parametrize("name", NAMES)
def test_list_show_next_path_stats_graph_export(tmp_path: Path, name: str | None) -> None:
    root = project(tmp_path)
    listed = json.loads(cli(*named(name, "list", "--format", "json"), cwd=root).stdout)
    assert [(i["id"], i["status"], i["priority"], i["dri"]) for i in listed] == [
        ("TASK-1", "Done", "", ""),
        ("TASK-2", "In Progress", "high", "@bob"),
        ("TASK-3", "To Do", "low", ""),
    ]
    shown = cli(*named(name, "show", "TASK-2"), cwd=root).stdout
    assert f"Source:          backlog/tasks/{PARSER_FILE}:3\n" in shown
    assert "Depended on by:  TASK-3 (To Do)\n" in shown
    assert "dependencies:    TASK-1 (Done)\n" in shown  # with statuses, as Depends on is shown
    assert "  - [x] Parses front matter\n  - [ ] Keeps order\n" in shown
    waiting = cli(*named(name, "next"), cwd=root)
    assert waiting.stdout == "Nothing can start now: 1 ready item waits on dependencies not done.\n"
    path = cli(*named(name, "path", "TASK-3"), cwd=root).stdout
    assert "Critical path (1 unfinished before it): TASK-2 -> TASK-3\n" in path
    stats = json.loads(cli(*named(name, "stats", "--format", "json"), cwd=root).stdout)
    assert stats["by_status"] == {"To Do": 1, "In Progress": 1, "Done": 1}
    graph = cli(*named(name, "graph"), cwd=root).stdout
    assert "  TASK_1 --> TASK_2\n  TASK_2 --> TASK_3\n" in graph
    exported = json.loads(cli(*named(name, "export"), cwd=root).stdout)
    # each item names its own task file and counts its lines there, as check and show do
    assert [(item["id"], item["path"], item["line"]) for item in exported["items"]] == [
        ("TASK-1", f"backlog/tasks/{SETUP_FILE}", 3),
        ("TASK-2", f"backlog/tasks/{PARSER_FILE}", 3),
        ("TASK-3", f"backlog/tasks/{DOCS_FILE}", 3),
    ]
    parser = exported["items"][1]
    status = next(found for found in parser["fields"] if found["key"] == "status")
    assert (status["line"], status["value_line"], parser["end_line"]) == (4, 4, 28)
    assert [done["line"] for done in parser["definition_of_done"]] == [26, 27]
    shown = json.loads(cli(*named(name, "show", "TASK-2", "--format", "json"), cwd=root).stdout)
    assert (shown["path"], shown["line"]) == (f"backlog/tasks/{PARSER_FILE}", 3)


def test_export_of_a_folder_validates_against_the_schema(tmp_path: Path) -> None:
    from jsonschema.validators import validator_for

    root = project(tmp_path)
    document = json.loads(cli("export", cwd=root).stdout)
    schema_path = Path(__file__).parent.parent / "roadmaplint" / "schemas" / "export.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    assert [str(error) for error in validator_for(schema)(schema).iter_errors(document)] == []


def test_next_offers_a_task_whose_dependencies_are_done(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "backlog" / "tasks" / DOCS_FILE).write_text(
        DOCS.replace("  - TASK-2", "  - TASK-1"), encoding="utf-8"
    )
    done = cli("next", "--format", "json", cwd=root)
    assert [item["id"] for item in json.loads(done.stdout)] == ["TASK-3"]


def test_board_draws_the_folder(tmp_path: Path) -> None:
    root = project(tmp_path)
    done = cli("board", "backlog", "-o", "board.html", cwd=root)
    assert done.returncode == 0, done.stderr
    page = (root / "board.html").read_text(encoding="utf-8")
    assert "TASK-2" in page and "Write parser" in page


@pytest.mark.parametrize("name", NAMES)
def test_fix_has_nothing_to_do_and_writes_nothing(tmp_path: Path, name: str | None) -> None:
    root = project(tmp_path)
    done = cli(*named(name, "fix"), cwd=root)
    assert (done.returncode, done.stderr) == (0, "")
    assert "nothing to fix: a folder of task files has no generated sections\n" in done.stdout
    untouched(root, SETUP_FILE, PARSER_FILE, DOCS_FILE)


@pytest.mark.parametrize("command", [("diff",), ("history",), ("history", "TASK-2")])
def test_diff_and_history_refuse_a_folder_in_one_line(tmp_path: Path, command: tuple[str]) -> None:
    root = project(tmp_path)
    assert run("git", "init", "-q", cwd=root).returncode == 0
    done = cli(*command, "backlog", cwd=root)
    assert done.returncode == 2
    assert done.stderr == (
        f"roadmaplint: error: backlog: {command[0]} follows one roadmap file through git, and a "
        "folder of task files is many; use git log -p -- backlog\n"
    )


# --- editing: exact bytes -------------------------------------------------------------------

SET_CASES = {
    "status": (
        ["--status", "Done"],
        PARSER_FILE,
        PARSER.replace("status: In Progress", "status: Done"),
    ),
    "priority": (["--priority", "Medium"], PARSER_FILE, PARSER.replace("high", "medium")),
    "priority-cleared": (["--priority", ""], DOCS_FILE, DOCS.replace("priority: low\n", "")),
    "dri": (["--dri", "@eve, @ana"], PARSER_FILE, PARSER.replace("'@bob'", "'@eve'\n  - '@ana'")),
    "title": (
        ["--title", "Parse: all"],
        PARSER_FILE,
        PARSER.replace("Write parser", "'Parse: all'"),
    ),
    "add-dep": (  # TASK-3 on TASK-1 (TASK-2 on TASK-3 would close a cycle: refused)
        ["--add-dep", "task-1"],
        DOCS_FILE,
        DOCS.replace("  - TASK-2\n", "  - TASK-2\n  - TASK-1\n"),
    ),
    "remove-dep": (
        ["--remove-dep", "TASK-1"],
        PARSER_FILE,
        PARSER.replace("dependencies:\n  - TASK-1\n", "dependencies: []\n"),
    ),
    "done-item": (
        ["--done-item", "2"],
        PARSER_FILE,
        PARSER.replace("- [ ] #2 Keeps order", "- [x] #2 Keeps order"),
    ),
    "status-and-done-item": (
        ["--status", "Done", "--done-item", "Keeps order"],
        PARSER_FILE,
        PARSER.replace("status: In Progress", "status: Done").replace("- [ ] #2", "- [x] #2"),
    ),
    "undone-item": (
        ["--undone-item", "front matter"],
        PARSER_FILE,
        PARSER.replace("- [x] #1 Parses", "- [ ] #1 Parses"),
    ),
}


def stamped(text: str) -> str:
    """The text with ``updated_date`` written after ``created_date``, as Backlog.md does."""
    return re.sub(r"^(created_date: .*\n)", r"\1updated_date: STAMP\n", text, flags=re.M)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("case", list(SET_CASES))
def test_set_writes_exactly_the_change(tmp_path: Path, name: str | None, case: str) -> None:
    args, file_name, expected = SET_CASES[case]
    root = project(tmp_path)
    which = "TASK-3" if file_name == DOCS_FILE else "TASK-2"
    done = cli(*named(name, "set", which, *args), cwd=root)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Set {which}: ")
    ticks_only = case in ("done-item", "undone-item")
    assert task(root, file_name) == (expected if ticks_only else stamped(expected))
    others = {SETUP_FILE, PARSER_FILE, DOCS_FILE} - {file_name}
    untouched(root, *others)


def test_set_dry_run_prints_the_diff_and_writes_nothing(tmp_path: Path) -> None:
    root = project(tmp_path)
    done = cli("set", "TASK-2", "--status", "Done", "--dry-run", cwd=root)
    assert done.returncode == 1, done.stderr
    assert f"--- a/backlog/tasks/{PARSER_FILE}\n" in done.stdout
    assert "-status: In Progress\n+status: Done\n" in done.stdout
    untouched(root, SETUP_FILE, PARSER_FILE, DOCS_FILE)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--status", "Shipped"],
            f"backlog/tasks/{PARSER_FILE}:4: status 'Shipped' is not one of config.yml's "
            "statuses: To Do, In Progress, Done",
        ),
        (
            ["--priority", "P0"],
            f"backlog/tasks/{PARSER_FILE}:14: priority 'P0' is not one of Backlog.md's: "
            "high, medium, low",
        ),
        (
            ["--add-dep", "TASK-9"],
            f"backlog/tasks/{PARSER_FILE}:11: no task TASK-9 in backlog/tasks to depend on",
        ),
        (
            ["--add-dep", "TASK-2"],
            f"backlog/tasks/{PARSER_FILE}:11: TASK-2 cannot depend on itself",
        ),
        (
            ["--add-dep", "task-1\n---\nx"],
            f"backlog/tasks/{PARSER_FILE}:11: Depends on: a value is one line; newlines are "
            "not allowed",
        ),
        (
            ["--depends-on", "TASK-1\nTASK-3"],
            f"backlog/tasks/{PARSER_FILE}:11: Depends on: a value is one line; newlines are "
            "not allowed",
        ),
        (
            ["--add-dep", "TASK-3"],
            f"backlog/tasks/{PARSER_FILE}:11: TASK-2 cannot depend on TASK-3: TASK-3 already "
            "depends on TASK-2, which would make a cycle",
        ),
        (
            ["--depends-on", "TASK-1, task-3"],
            f"backlog/tasks/{PARSER_FILE}:11: TASK-2 cannot depend on TASK-3: TASK-3 already "
            "depends on TASK-2, which would make a cycle",
        ),
        (
            ["--done-item", "7"],
            f"backlog/tasks/{PARSER_FILE}:3: TASK-2's Definition of Done has entries 1 to 2, not 7",
        ),
    ],
)
def test_set_refuses_in_one_line_naming_file_and_line(
    tmp_path: Path, args: list[str], message: str
) -> None:
    root = project(tmp_path)
    done = cli("set", "TASK-2", *args, cwd=root)
    assert (done.returncode, done.stderr) == (2, f"roadmaplint: error: {message}\n")
    untouched(root, SETUP_FILE, PARSER_FILE, DOCS_FILE)


@pytest.mark.parametrize("name", NAMES)
def test_new_writes_the_next_task_file_as_backlog_creates_it(
    tmp_path: Path, name: str | None
) -> None:
    root = project(tmp_path)
    (root / "backlog" / "completed").mkdir()
    (root / "backlog" / "completed" / "task-4 - Old.md").write_text(SETUP, encoding="utf-8")
    done = cli(
        *named(name, "new", "tasks", "Ship: it (now)"),
        *("--priority", "High", "--depends-on", "task-2", "--dri", "@ana"),
        *("--done", "tagged", "--done", "announced"),
        cwd=root,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Added backlog/tasks/task-5 - Ship-it-now.md\n"
    assert task(root, "task-5 - Ship-it-now.md", created=True) == (
        "---\nid: TASK-5\ntitle: 'Ship: it (now)'\nstatus: To Do\nassignee:\n  - '@ana'\n"
        "created_date: STAMP\nlabels: []\ndependencies:\n  - TASK-2\npriority: high\n"
        "ordinal: 5000\n---\n\n## Acceptance Criteria\n<!-- AC:BEGIN -->\n"
        "- [ ] #1 tagged\n- [ ] #2 announced\n<!-- AC:END -->\n"
    )
    untouched(root, SETUP_FILE, PARSER_FILE, DOCS_FILE)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["Work", "Title"],
            "backlog: a folder of task files has no sections; a new task goes to tasks/: "
            "roadmaplint new tasks TITLE backlog",
        ),
        (
            ["tasks", "Title", "--id", "TASK-9"],
            "backlog: Backlog.md numbers its tasks itself; drop --id",
        ),
        (
            ["tasks", "Title", "--status", "Doing"],
            "backlog/config.yml: status 'Doing' is not one of its statuses: To Do, In Progress, Done",
        ),
    ],
)
def test_new_refuses_in_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    root = project(tmp_path)
    done = cli("new", *args, "backlog", cwd=root)
    assert (done.returncode, done.stderr) == (2, f"roadmaplint: error: {message}\n")
    assert sorted(path.name for path in (root / "backlog" / "tasks").iterdir()) == [
        SETUP_FILE,
        PARSER_FILE,
        DOCS_FILE,
    ]


@pytest.mark.parametrize("name", NAMES)
def test_rename_changes_the_id_the_dependents_and_the_file_name(
    tmp_path: Path, name: str | None
) -> None:
    root = project(tmp_path)
    done = cli(*named(name, "rename", "TASK-1", "task-12"), cwd=root)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "Renamed TASK-1 to TASK-12 (1 dependent updated); its file is now "
        "backlog/tasks/task-12 - Set-up-repo.md\n"
    )
    assert sorted(path.name for path in (root / "backlog" / "tasks").iterdir()) == [
        "task-12 - Set-up-repo.md",
        PARSER_FILE,
        DOCS_FILE,
    ]
    assert task(root, "task-12 - Set-up-repo.md") == stamped(SETUP.replace("TASK-1", "TASK-12"))
    assert task(root, PARSER_FILE) == stamped(PARSER.replace("  - TASK-1\n", "  - TASK-12\n"))
    untouched(root, DOCS_FILE)
    assert cli("check", cwd=root).returncode == 0


def test_rename_refuses_an_id_in_use_or_of_another_prefix(tmp_path: Path) -> None:
    root = project(tmp_path)
    taken = cli("rename", "TASK-1", "TASK-3", cwd=root)
    assert taken.stderr == "roadmaplint: error: backlog/tasks: TASK-3 exists; rename refused\n"
    other = cli("rename", "TASK-1", "BUG-1", cwd=root)
    assert other.stderr == (
        f"roadmaplint: error: backlog/tasks/{SETUP_FILE}:2: 'BUG-1' is not a task ID of this "
        "folder (TASK-N, as config.yml's task_prefix says)\n"
    )
    untouched(root, SETUP_FILE, PARSER_FILE, DOCS_FILE)


@pytest.mark.parametrize(("old", "new", "taken"), [("TASK-3", "TASK-01", "TASK-1")])
@pytest.mark.parametrize("where", ["tasks", "completed"])
def test_rename_refuses_a_number_in_use_written_with_leading_zeros(
    tmp_path: Path, old: str, new: str, taken: str, where: str
) -> None:
    # Backlog.md reads TASK-01 as TASK-1: it then called the ID ambiguous and blocked
    # every command naming it, and roadmaplint's check passed
    root = project(tmp_path)
    if where != "tasks":
        (root / "backlog" / where).mkdir()
        (root / "backlog" / "tasks" / SETUP_FILE).rename(root / "backlog" / where / SETUP_FILE)
    done = cli("rename", old, new, cwd=root)
    assert done.stderr == (
        f"roadmaplint: error: backlog/tasks: {new} is {taken}, which exists; rename refused\n"
    )
    assert sorted(path.name for path in (root / "backlog" / "tasks").iterdir())[-1] == DOCS_FILE


FOLDER_CONFIGURATION = """\
# roadmaplint configuration, written by `roadmaplint init` from the task folder as
# it stands; `roadmaplint check` reads the same tasks and findings with it:
#   backlog: 3 tasks (Backlog.md task files)
# Each setting says why it is set; the README's Configuration section lists all.

[statuses]

# The statuses config.yml names, by the workflow meaning the rules read in them: the
# first is queued (not started: next offers it, RL306 reads no claim in it), the last
# done, those between in progress. Move one to another meaning (ready, blocked, idea)
# where it means that; values are matched as written.
done = ["Done"]
in-progress = ["In Progress"]
queued = ["To Do"]
"""


@pytest.mark.parametrize("name", NAMES)
def test_init_writes_the_folders_configuration(tmp_path: Path, name: str | None) -> None:
    root = project(tmp_path)
    before = cli("check", cwd=root)
    done = cli(*named(name, "init"), cwd=root)
    assert done.stdout == (
        "Wrote .roadmaplint.toml: it reads backlog as it stands (3 tasks, the statuses of "
        "config.yml); `roadmaplint check` finds the same findings with it.\n"
    ), done.stderr
    assert (root / ".roadmaplint.toml").read_text(encoding="utf-8") == FOLDER_CONFIGURATION
    after = cli("check", cwd=root)
    assert (after.returncode, after.stdout) == (before.returncode, before.stdout)
    untouched(root, SETUP_FILE, PARSER_FILE, DOCS_FILE)
    again = cli(*named(name, "init"), cwd=root)
    assert again.returncode == 2 and again.stderr == (
        "roadmaplint: error: .roadmaplint.toml: already configures backlog; roadmaplint init "
        "never overwrites a configuration (edit it, or remove it and run init again)\n"
    )


def test_the_configuration_init_writes_gives_a_status_another_meaning(tmp_path: Path) -> None:
    """The point of writing the statuses out: a status between the first and the last
    that means blocked is moved there, and the workflow rules read it so."""
    root = project(tmp_path)
    (root / "backlog" / "config.yml").write_text(
        CONFIG.replace('"In Progress", "Done"', '"In Progress", "Blocked", "Done"'),
        encoding="utf-8",
    )
    assert cli("init", cwd=root).returncode == 0
    written = (root / ".roadmaplint.toml").read_text(encoding="utf-8")
    assert 'in-progress = ["In Progress", "Blocked"]\n' in written
    (root / ".roadmaplint.toml").write_text(
        written.replace('"In Progress", "Blocked"]', '"In Progress"]\nblocked = ["Blocked"]'),
        encoding="utf-8",
    )
    (root / "backlog" / "tasks" / PARSER_FILE).write_text(
        PARSER.replace("status: In Progress", "status: Blocked"), encoding="utf-8"
    )
    listed = json.loads(cli("next", "--format", "json", cwd=root).stdout)
    assert listed == []  # TASK-3 waits on a blocked task, not one in progress
    shown = json.loads(cli("show", "TASK-2", "--format", "json", cwd=root).stdout)
    assert shown["status"] == "Blocked"


def test_a_folder_that_is_not_a_task_folder_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    done = cli("show", "TASK-1", "notes", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "notes" in done.stderr


@pytest.mark.parametrize("name", ["tasks/task-9 - Big.md", "config.yml"])
def test_a_task_file_or_configuration_past_the_size_of_a_roadmap_is_refused(
    tmp_path: Path, name: str
) -> None:
    # read whole: a sparse file of 200 MB took 830 MB and passed the check, 2 GB 8 GB
    root = project(tmp_path)
    with open(root / "backlog" / name, "ab") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: never read
    done = cli("check", cwd=root)
    assert done.returncode == 2
    assert done.stderr == (
        f"roadmaplint: error: backlog/{name}: is 50.0 MB; roadmaplint reads task files "
        "up to 32 MB\n"
    )


def test_a_folder_of_task_files_past_the_size_of_a_roadmap_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path)
    for number in range(4, 7):
        path = root / "backlog" / "tasks" / f"task-{number} - Big.md"
        path.write_text(f"---\nid: TASK-{number}\ntitle: Big\n---\n", encoding="utf-8")
        with open(path, "ab") as handle:
            handle.write(b"x" * (12 * 1024 * 1024))
    done = cli("check", cwd=root)
    assert done.returncode == 2
    assert done.stderr == (
        "roadmaplint: error: backlog/tasks: its task files hold over 32 MB; roadmaplint reads "
        "task folders up to 32 MB\n"
    )


# --- the servers: the same core on a folder -------------------------------------------------


def test_the_mcp_tools_work_on_a_folder(tmp_path: Path) -> None:
    pytest.importorskip("mcp")
    import anyio
    from conftest import installed_command
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    root = project(tmp_path)

    async def call(client: ClientSession, tool: str, **arguments: object) -> dict[str, object]:
        result = await client.call_tool(tool, arguments)
        assert not result.is_error, result.content
        assert result.structured_content is not None
        return result.structured_content

    async def drive() -> None:
        params = StdioServerParameters(command=installed_command(), args=["mcp"], cwd=str(root))
        async with stdio_client(params) as (read, write), ClientSession(read, write) as client:
            await client.initialize()
            listed = await call(client, "list_items")
            assert [(i["id"], i["path"], i["line"]) for i in listed["items"]] == [  # type: ignore[attr-defined, index]
                ("TASK-1", f"backlog/tasks/{SETUP_FILE}", 3),
                ("TASK-2", f"backlog/tasks/{PARSER_FILE}", 3),
                ("TASK-3", f"backlog/tasks/{DOCS_FILE}", 3),
            ]
            found = await call(client, "check")
            assert found["findings"] == []  # a To Do task over open work is no RL306
            shown = await call(client, "show_item", id="TASK-2")
            assert (shown["path"], shown["line"]) == (f"backlog/tasks/{PARSER_FILE}", 3)
            await call(client, "set_fields", id="TASK-2", status="Done", done_items=["2"])
            added = await call(client, "new_item", section="tasks", title="Ship it")
            assert (added["id"], added["path"]) == ("TASK-4", "backlog/tasks/task-4 - Ship-it.md")
            renamed = await call(client, "rename_item", old="TASK-4", new="TASK-9")
            assert renamed["id"] == "TASK-9"
            refused = await client.call_tool("claim_item", {"id": "TASK-3", "agent": "a"})
            assert refused.is_error

    anyio.run(drive)
    expected = PARSER.replace("status: In Progress", "status: Done")
    assert task(root, PARSER_FILE) == stamped(expected).replace("- [ ] #2", "- [x] #2")
    assert (root / "backlog" / "tasks" / "task-9 - Ship-it.md").is_file()
    untouched(root, SETUP_FILE, DOCS_FILE)


def test_the_language_server_gives_a_task_file_its_findings(tmp_path: Path) -> None:
    pytest.importorskip("pygls")
    import asyncio

    from lsp_helpers import (
        SERVER,
        capabilities,
        change,
        open_document,
        record_diagnostics,
        replace_all,
    )
    from lsprotocol import types

    root = project(tmp_path)
    path = (root / "backlog" / "tasks" / DOCS_FILE).resolve()
    edited = DOCS.replace("status: To Do", "status: Shipped")  # as typed, not saved

    async def drive() -> list[types.Diagnostic]:
        client = await SERVER.start()
        try:
            record_diagnostics(client)
            await client.initialize_session(
                types.InitializeParams(capabilities=capabilities(), process_id=None)
            )
            found = await open_document(client, path, DOCS)
            assert found == []
            # as you type: a task file's name has spaces, and a change to it was never
            # checked (the server looked its URI up quoted, pygls keeps it unquoted)
            found = await change(client, path, 2, [replace_all(edited)])
            await client.shutdown_session()
            return found
        finally:
            await client.stop()

    found = asyncio.run(drive())
    assert [(d.range.start.line, str(d.code)) for d in found] == [(3, "RL201")]
    assert "not in the statuses of config.yml" in found[0].message


def test_a_file_named_with_a_line_break_is_shown_escaped_in_every_format(
    tmp_path: Path,
) -> None:
    """A task file named ``Write\\n\\x1b[31mdocs``: each finding stays one line a problem
    matcher reads, no raw control reaches the terminal, and JSON and SARIF keep the name."""
    root = project(tmp_path)
    tasks = root / "backlog" / "tasks"
    odd = "task-3 - Write\n\x1b[31mdocs.md"
    (tasks / DOCS_FILE).unlink()
    (tasks / odd).write_text(DOCS.replace("  - TASK-2", "  - TASK-9"), encoding="utf-8")
    escaped = "backlog/tasks/task-3 - Write\\n\\x1b[31mdocs.md"
    said = {form: cli("check", "--format", form, cwd=root) for form in FORMATS}
    for form, done in said.items():
        assert done.returncode == 1, (form, done.stderr)
        assert "\x1b" not in done.stdout, form
    assert said["text"].stdout.splitlines() == [
        f"{escaped}:9:3: error: RL301 TASK-3 depends on unknown item TASK-9 (did you mean TASK-2?)",
        "Found 1 error and 0 warnings.",
    ]
    assert said["github"].stdout == (
        "::error file=backlog/tasks/task-3 - Write%0A\\x1b[31mdocs.md,line=9,col=3,"
        "title=RL301::TASK-3 depends on unknown item TASK-9 (did you mean TASK-2?)\n"
    )
    (found,) = json.loads(said["json"].stdout)
    assert found["path"] == f"backlog/tasks/{odd}"
    (result,) = json.loads(said["sarif"].stdout)["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert location == "backlog/tasks/task-3%20-%20Write%0A%1B%5B31mdocs.md"
    shown = cli("show", "TASK-3", cwd=root).stdout
    assert f"Source:          {escaped}:3\n" in shown and "\x1b" not in shown
    missing = cli("check", "no\nsuch\x1b.md", cwd=root)
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1 and "no\\nsuch\\x1b.md" in missing.stderr


def test_check_of_a_backlog_file_that_is_no_task_says_it_holds_nothing_to_check(
    tmp_path: Path,
) -> None:
    """A decision or a document of Backlog.md named alone (a hook's changed file) was read
    as a plan without items: RL109. It says so in one line and passes; in JSON the report
    stays one document and the line goes to stderr."""
    root = project(tmp_path)
    for folder, name in (("decisions", "decision-1 - Use-yaml.md"), ("docs", "doc-1 - Guide.md")):
        (root / "backlog" / folder).mkdir()
        (root / "backlog" / folder / name).write_text("# Notes\n\nSome prose.\n", "utf-8")
        alone = cli("check", f"backlog/{folder}/{name}", cwd=root)
        assert (alone.returncode, alone.stderr) == (0, "")
        assert alone.stdout == (
            f"backlog/{folder}/{name}: no items to check: backlog/{folder}/ of a Backlog.md "
            "folder holds no tasks roadmaplint reads; check backlog/ or a file in backlog/tasks/\n"
        )
        as_json = cli("check", "--format", "json", f"backlog/{folder}/{name}", cwd=root)
        assert (as_json.returncode, json.loads(as_json.stdout)) == (0, [])
        assert as_json.stderr == alone.stdout
    plan = root / "backlog" / "docs" / "ROADMAP.md"  # a plan kept there is checked as one
    plan.write_text("# Plan\n\n## [A-1] One\n\n- **Status:** ready\n", "utf-8")
    assert cli("check", "backlog/docs/ROADMAP.md", cwd=root).stdout == "All checks passed.\n"
    both = cli("check", "backlog/docs/doc-1 - Guide.md", f"backlog/tasks/{PARSER_FILE}", cwd=root)
    assert both.returncode == 0
    assert both.stdout.splitlines()[1:] == ["All checks passed."]


def test_the_language_server_sees_a_same_size_rewrite_of_another_task_file(
    tmp_path: Path,
) -> None:
    """Each time the server checks a task file it reads that file as the editor holds it,
    and parses another file of the folder again only when it changed. Its cache knew a
    file by its size and modification time: TASK-2's file rewritten to Done at the same
    size within the clock's granularity (its time put back) kept TASK-2 In Progress, and
    the file opened again still found TASK-3 (Done) over it (RL304) until the next save.
    A time within the granularity of the read (here one ahead of the clock, as a write
    of this very moment is) is not trusted: the text is compared."""
    pytest.importorskip("pygls")
    import asyncio
    import os

    from lsp_helpers import SERVER, capabilities, open_document, published, record_diagnostics
    from lsprotocol import types

    root = project(tmp_path)
    path = (root / "backlog" / "tasks" / DOCS_FILE).resolve()
    parser = root / "backlog" / "tasks" / PARSER_FILE
    typed = DOCS.replace("status: To Do", "status: Done")
    # the same size as "In Progress": trailing spaces a YAML scalar does not keep
    unseen = PARSER.replace("status: In Progress", "status: Done       ")
    assert len(unseen) == len(PARSER)
    ahead = parser.stat().st_mtime_ns + 3600 * 10**9
    os.utime(parser, ns=(ahead, ahead))

    async def drive() -> list[list[str]]:
        client = await SERVER.start()
        try:
            record_diagnostics(client)
            await client.initialize_session(
                types.InitializeParams(capabilities=capabilities(), process_id=None)
            )

            async def opened() -> list[str]:
                found = [str(d.code) for d in await open_document(client, path, typed)]
                closing = types.DidCloseTextDocumentParams(
                    types.TextDocumentIdentifier(path.as_uri())
                )
                # closed, the file's diagnostics are cleared: wait for that before reopening
                await published(
                    client, path.as_uri(), lambda: client.text_document_did_close(closing)
                )
                return found

            codes = [await opened()]
            before = parser.stat()
            parser.write_text(unseen, encoding="utf-8")
            os.utime(parser, ns=(before.st_atime_ns, before.st_mtime_ns))
            codes.append(await opened())
            parser.write_text(unseen.replace("Done       ", "Done"), encoding="utf-8")
            codes.append(await opened())
            await client.shutdown_session()
            return codes
        finally:
            await client.stop()

    assert asyncio.run(drive()) == [["RL304"], [], []]


def test_check_since_on_a_task_file_is_refused_not_passed(tmp_path: Path) -> None:
    # read alone (no task folder with --since) the file held no item: a new unknown
    # dependency in it passed as "No new findings", exit 0
    from test_history import git

    root = project(tmp_path)
    git("init", "-q", cwd=root)
    git("add", ".", cwd=root)
    git("commit", "-qm", "tasks", cwd=root)
    path = root / "backlog" / "tasks" / DOCS_FILE
    path.write_text(DOCS.replace("  - TASK-2\n", "  - TASK-99\n"), "utf-8")
    plain = cli("check", f"backlog/tasks/{DOCS_FILE}", cwd=root)
    assert (plain.returncode, "RL301" in plain.stdout) == (1, True), plain.stdout + plain.stderr
    since = cli("check", "--since", "HEAD", f"backlog/tasks/{DOCS_FILE}", cwd=root)
    assert since.returncode == 2
    assert since.stderr == (
        f"roadmaplint: error: backlog/tasks/{DOCS_FILE}: a task file is checked with its folder, "
        "and --since compares one file's history, not a folder's; check it without --since\n"
    )


def test_a_completed_task_file_checked_alone_gives_its_folders_findings_for_it(
    tmp_path: Path,
) -> None:
    """A hook names the file it changed: a task in completed/ said RL109 ("no items") as if
    it were a plan of its own. It gets its folder's findings on it, at its own lines."""
    backlog = tmp_path / "backlog"
    (backlog / "tasks").mkdir(parents=True)
    (backlog / "completed").mkdir()
    (backlog / "config.yml").write_text(
        'project_name: "x"\nstatuses: ["To Do", "In Progress", "Done"]\n', encoding="utf-8"
    )
    done = backlog / "completed" / "task-1 - One.md"
    done.write_text(
        "---\nid: task-1\ntitle: One\nstatus: Done\nassignee: []\ndependencies: [task-9]\n---\n",
        encoding="utf-8",
    )
    (backlog / "tasks" / "task-2 - Two.md").write_text(
        "---\nid: task-2\ntitle: Two\nstatus: To Do\nassignee: []\ndependencies: [task-1]\n---\n",
        encoding="utf-8",
    )
    alone = cli("check", "backlog/completed/task-1 - One.md", cwd=tmp_path)
    assert (alone.returncode, alone.stderr) == (1, "")
    assert alone.stdout.splitlines() == [
        "backlog/completed/task-1 - One.md:6:15: error: RL301 TASK-1 depends on unknown item "
        "TASK-9 (did you mean TASK-2?)",
        "Found 1 error and 0 warnings.",
    ]
    other = cli("check", "backlog/tasks/task-2 - Two.md", cwd=tmp_path)  # nothing of its own
    assert (other.returncode, other.stdout) == (0, "All checks passed.\n")
