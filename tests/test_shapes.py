"""Table rows and checkboxes: read into the same records as headings, and every
command on both (a matrix of shapes x commands), with exact bytes for the edits."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from roadmaplint.cli import main
from roadmaplint.reader import parse
from roadmaplint.reader.shapes import names
from roadmaplint.settings import Settings
from tests.conftest import cli

TABLE = """\
# Plan

## Active

| ID    | Task      | Status | Owner | Depends on |
| ----- | --------- | ------ | ----- | ---------- |
| T-001 | Set up CI | done   | ana   |            |
| T-002 | Parser    | ready  | bo    | T-001      |
| T-003 | Lexer     | ready  | bo    |            |
"""

BOXES = """\
# Plan

## Now

- [x] T001 Set up CI
- [ ] T002 [P] Write the parser (depends on: T001) @ana
  - [ ] tokens
  - [x] errors
- [ ] T003 Lexer blocked by T002
"""

SHAPES = {"table-rows": (TABLE, "T-002", "T-001"), "checkboxes": (BOXES, "T002", "T001")}


def run(*args: str, cwd: Path) -> tuple[int, str]:
    """``main`` in this process (the caller has made ``cwd`` the working folder)."""
    assert Path.cwd() == cwd
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([*args])
    return code, out.getvalue() + err.getvalue()


def test_a_table_reads_into_the_same_records_as_headings() -> None:
    roadmap = parse(TABLE, "PLAN.md")
    assert [(i.id, i.title, i.status, i.dri, i.depends_on) for i in roadmap.items] == [
        ("T-001", "Set up CI", "done", "ana", ()),
        ("T-002", "Parser", "ready", "bo", ("T-001",)),
        ("T-003", "Lexer", "ready", "bo", ()),
    ]
    assert {item.section for item in roadmap.items} == {"Active"}
    assert [(b.kind, b.line, b.end_line) for b in roadmap.blocks][-4:] == [
        ("table", 5, 6),
        ("table", 7, 7),
        ("table", 8, 8),
        ("table", 9, 9),
    ]


def test_checkboxes_read_the_box_inline_fields_and_nested_boxes() -> None:
    roadmap = parse(BOXES, "PLAN.md")
    first, second, third = roadmap.items
    assert (first.id, first.title, first.status) == ("T001", "Set up CI", "done")
    assert (second.id, second.title, second.status, second.dri) == (
        "T002",
        "Write the parser",
        "[ ]",
        "ana",
    )
    assert second.depends_on == ("T001",)
    assert [(d.text, d.checked) for d in second.definition_of_done] == [
        ("tokens", False),
        ("errors", True),
    ]
    assert (third.title, third.depends_on) == ("Lexer", ("T002",))


def test_items_without_ids_get_a_reference_from_the_title() -> None:
    text = "# Plan\n\n## Todo\n\n- [ ] Fix the login page\n- [x] Fix the login page\n"
    assert [i.id for i in parse(text).items] == ["fix-the-login-page", "fix-the-login-page-2"]
    table = "## Work\n\n| Title | Status |\n|---|---|\n| Ship it now | done |\n"
    assert [(i.id, i.status) for i in parse(table).items] == [("ship-it-now", "done")]


def test_priority_group_headings_give_checkbox_items_their_priority() -> None:
    text = "# Plan\n\n- [ ] Lexer\n\n## P1 - Later\n\n- [ ] Parser\n"
    assert [
        (i.id, i.priority) for i in parse(text, settings=Settings(shape="checkboxes")).items
    ] == [
        ("lexer", None),
        ("parser", "P1"),
    ]


def test_markers_beyond_x_need_the_documents_legend() -> None:
    legend = "## Legend\n\n- `[~]` Review\n- `[x]` Done\n\n## Work\n\n- [~] T1 Parser\n"
    assert [(i.id, i.status) for i in parse(legend).items] == [("T1", "review")]
    assert parse("## Work\n\n- [~] T1 Parser\n- [ ] T2 Lexer\n").items == ()


def test_a_table_without_a_field_column_is_no_table_of_items() -> None:
    assert parse("| ID | Artifact |\n|---|---|\n| A-1 | x |\n").items == ()


def test_heading_items_keep_a_table_inside_them_as_their_text() -> None:
    text = "# Roadmap\n\n## [AB-1] Thing\n\n- **Status:** ready\n\n| ID | Status |\n|---|---|\n| AB-2 | done |\n"
    assert [i.id for i in parse(text).items] == ["AB-1"]


def test_shape_in_the_configuration_forces_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "PLAN.md").write_text(BOXES)
    (tmp_path / "roadmaplint.toml").write_text('shape = "table-rows"\n')
    code, output = run(
        "list", "PLAN.md", "--config", str(tmp_path / "roadmaplint.toml"), cwd=tmp_path
    )
    assert code == 0 and "T002" not in output
    (tmp_path / "roadmaplint.toml").write_text('shape = "rows"\n')
    result = cli("list", "PLAN.md", "--config", "roadmaplint.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert f"valid shapes: {', '.join(names())}" in result.stderr


READ_ONLY = [
    ("check",),
    ("list",),
    ("show", "{id}"),
    ("next",),
    ("path", "{id}"),
    ("stats",),
    ("export",),
    ("graph",),
    ("board", "-o", "board.html"),
    ("diff", "OLD.md", "PLAN.md"),
]


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("command", READ_ONLY, ids=[c[0] for c in READ_ONLY])
def test_every_command_reads_every_shape(
    shape: str, command: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text, item_id, first = SHAPES[shape]
    (tmp_path / "PLAN.md").write_text(text)
    (tmp_path / "OLD.md").write_text(text.replace(f"{item_id} ", f"{item_id}X ", 1))
    monkeypatch.chdir(tmp_path)
    args = [part.format(id=item_id) for part in command]
    if command[0] not in ("diff",):
        args.append("PLAN.md")
    code, output = run(*args, cwd=tmp_path)
    assert code in (0, 1), output
    if command[0] in ("list", "show", "path", "graph", "export"):
        assert item_id in output
    if command[0] == "path":
        assert first in output
    if command[0] == "export":
        exported = json.loads(output)
        assert [i["id"] for i in exported["items"]][:2] == [first, item_id]
    if command[0] == "board":
        assert item_id in (tmp_path / "board.html").read_text()
    if command[0] == "diff":
        assert item_id in output


EDITS = {
    ("table-rows", "status"): (
        ("set", "T-002", "--status", "in_progress"),
        TABLE.replace(
            "| ID    | Task      | Status | Owner | Depends on |\n"
            "| ----- | --------- | ------ | ----- | ---------- |\n"
            "| T-001 | Set up CI | done   | ana   |            |\n"
            "| T-002 | Parser    | ready  | bo    | T-001      |\n"
            "| T-003 | Lexer     | ready  | bo    |            |\n",
            "| ID    | Task      | Status      | Owner | Depends on |\n"
            "| ----- | --------- | ----------- | ----- | ---------- |\n"
            "| T-001 | Set up CI | done        | ana   |            |\n"
            "| T-002 | Parser    | in_progress | bo    | T-001      |\n"
            "| T-003 | Lexer     | ready       | bo    |            |\n",
        ),
    ),
    ("table-rows", "dri"): (
        ("set", "T-003", "--dri", "cy"),
        TABLE.replace("| Lexer     | ready  | bo ", "| Lexer     | ready  | cy "),
    ),
    ("table-rows", "dep"): (
        ("set", "T-003", "--add-dep", "T-002"),
        TABLE.replace("| bo    |            |", "| bo    | T-002      |"),
    ),
    ("table-rows", "remove-dep"): (
        ("set", "T-002", "--remove-dep", "T-001"),
        TABLE.replace("| bo    | T-001      |", "| bo    |            |"),
    ),
    ("table-rows", "title"): (
        ("set", "T-003", "--title", "The lexer"),
        TABLE.replace("| Lexer     |", "| The lexer |"),
    ),
    ("table-rows", "new"): (
        ("new", "Active", "Emitter", "--status", "ready"),
        TABLE + "| T-004 | Emitter   | ready  |       |            |\n",
    ),
    ("table-rows", "rename"): (
        ("rename", "T-001", "T-010"),
        TABLE.replace("| T-001 | Set", "| T-010 | Set").replace("| T-001      |", "| T-010      |"),
    ),
    ("checkboxes", "status"): (
        ("set", "T002", "--status", "done"),
        BOXES.replace("- [ ] T002", "- [x] T002"),
    ),
    ("checkboxes", "done-item"): (
        ("set", "T002", "--done-item", "tokens"),
        BOXES.replace("  - [ ] tokens", "  - [x] tokens"),
    ),
    ("checkboxes", "new"): (
        ("new", "Now", "Emitter", "--status", "done"),
        BOXES + "- [x] T004 Emitter\n",
    ),
    ("checkboxes", "rename"): (
        ("rename", "T002", "T020"),
        BOXES.replace("T002 [P]", "T020 [P]").replace("blocked by T002", "blocked by T020"),
    ),
}


@pytest.mark.parametrize("case", sorted(EDITS), ids=["-".join(case) for case in sorted(EDITS)])
def test_every_edit_on_every_shape_writes_exact_bytes(
    case: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = SHAPES[case[0]][0]
    args, expected = EDITS[case]
    (tmp_path / "PLAN.md").write_text(text)
    monkeypatch.chdir(tmp_path)
    code, output = run(*args, "PLAN.md", cwd=tmp_path)
    assert code == 0, output
    assert (tmp_path / "PLAN.md").read_text() == expected


def test_the_console_script_edits_a_table_and_a_checkbox_list(tmp_path: Path) -> None:
    (tmp_path / "TABLE.md").write_text(TABLE)
    (tmp_path / "BOXES.md").write_text(BOXES)
    assert cli("set", "T-003", "--dri", "cy", "TABLE.md", cwd=tmp_path).returncode == 0
    assert cli("set", "T002", "--status", "done", "BOXES.md", cwd=tmp_path).returncode == 0
    assert (tmp_path / "TABLE.md").read_text() == EDITS[("table-rows", "dri")][1]
    assert (tmp_path / "BOXES.md").read_text() == EDITS[("checkboxes", "status")][1]
    refused = cli("set", "T002", "--priority", "urgent", "BOXES.md", cwd=tmp_path)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert refused.stderr.startswith("roadmaplint: error: BOXES.md:6:")


def test_an_unaligned_table_changes_only_the_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = "## Work\n\n| ID | Task | Status |\n|---|---|---|\n| A-1 | Parser | ready |\n| A-2 | Lexer | ready |\n"
    (tmp_path / "PLAN.md").write_text(text)
    code, output = run("set", "A-2", "--status", "in_progress", "PLAN.md", cwd=tmp_path)
    assert code == 0, output
    assert (tmp_path / "PLAN.md").read_text() == text.replace(
        "| A-2 | Lexer | ready |", "| A-2 | Lexer | in_progress |"
    )


def test_a_reference_made_from_a_title_has_no_prefix_to_compare() -> None:
    from tests.conftest import findings

    text = "# Plan\n\n## Now\n\n- [ ] T1 Parser\n- [ ] T2 Lexer\n- [ ] Fix the login page\n"
    assert findings(text, "RL106") == []


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_value_too_long_to_read_back_leaves_the_file_untouched(
    shape: str, tmp_path: Path
) -> None:
    """A 100,001-character cell would make a line the reader refuses: refused before writing."""
    text, item, _ = SHAPES[shape]
    (tmp_path / "PLAN.md").write_text(text)
    refused = cli("set", item, "--dri", "x" * 100_001, "PLAN.md", cwd=tmp_path)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1, refused.stderr
    assert "over 100000 characters" in refused.stderr and "not written" in refused.stderr
    assert (tmp_path / "PLAN.md").read_text() == text
    assert cli("check", "PLAN.md", cwd=tmp_path).returncode == 0


def test_a_dependency_to_remove_is_named_on_one_line(tmp_path: Path) -> None:
    (tmp_path / "PLAN.md").write_text(TABLE)
    refused = cli("set", "T-002", "--remove-dep", "a\nb", "PLAN.md", cwd=tmp_path)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1, refused.stderr
    assert (tmp_path / "PLAN.md").read_text() == TABLE


@pytest.mark.parametrize("title", ["a|b", "| T-9 |"])
def test_new_refuses_an_unescaped_pipe_in_a_row_as_set_does(title: str, tmp_path: Path) -> None:
    """A pipe in a new row's title split it into cells: the row read back as another title."""
    (tmp_path / "PLAN.md").write_text(TABLE)
    refused = cli("new", "Active", title, "PLAN.md", cwd=tmp_path)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1, refused.stderr
    assert "unescaped |" in refused.stderr
    assert (tmp_path / "PLAN.md").read_text() == TABLE
    escaped = cli("new", "Active", "a\\|b", "PLAN.md", cwd=tmp_path)
    assert escaped.returncode == 0, escaped.stderr
    assert "| T-004 | a\\|b" in (tmp_path / "PLAN.md").read_text()


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("option", ["--title", "--dri"])
def test_a_value_an_html_comment_would_hide_is_refused(
    shape: str, option: str, tmp_path: Path
) -> None:
    """'<!-- c -->' as a value read back as nothing (an empty title, no owner)."""
    text, item, _ = SHAPES[shape]
    (tmp_path / "PLAN.md").write_text(text)
    refused = cli("set", item, option, "x <!-- c -->", "PLAN.md", cwd=tmp_path)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1, refused.stderr
    assert "cannot hold an HTML comment" in refused.stderr
    assert (tmp_path / "PLAN.md").read_text() == text


def test_a_priority_overview_written_as_boxes_lists_the_items_it_holds_none(
    tmp_path: Path,
) -> None:
    """A plan of boxes with its overview as boxes: the overview's IDs were read as items
    too, RL102 on every item listed there."""
    text = (
        "# Plan\n\n## Priority Overview\n\n- [ ] A-1 First thing\n- [x] A-2 Second thing\n\n"
        "## Work\n\n- [ ] A-1 First thing\n- [x] A-2 Second thing\n- [ ] A-3 Third\n"
    )
    path = tmp_path / "PLAN.md"
    path.write_text(text, encoding="utf-8")
    checked = cli("check", str(path), cwd=tmp_path)
    assert (checked.returncode, checked.stdout) == (0, "All checks passed.\n")
    listed = json.loads(cli("list", "--format", "json", str(path), cwd=tmp_path).stdout)
    assert [(item["id"], item["section"]) for item in listed] == [
        ("A-1", "Work"),
        ("A-2", "Work"),
        ("A-3", "Work"),
    ]


def test_a_level_one_priority_overview_of_tasks_is_a_task_list_by_priority(
    tmp_path: Path,
) -> None:
    """SAFE-25: `# Priority Overview` with `## P1` groups of boxes written as tasks took
    each group for the overview's and each box for an entry: RL401 "[ is listed but is
    no item" on every box, RL103 and RL203 besides, 15 findings. It is a task list whose
    groups give the priorities; an overview written as a checklist of IDs stays the
    overview, its IDs no second items."""
    tasks = (
        "# Plan\n\n- [ ] Write parser\n- [x] Write docs\n\n# Priority Overview\n\n"
        "## P1\n\n- [ ] A thing\n- [x] Another\n\n## P2\n\n- [ ] Third\n"
    )
    path = tmp_path / "PLAN.md"
    path.write_text(tasks, encoding="utf-8")
    checked = cli("check", str(path), cwd=tmp_path)
    assert (checked.returncode, checked.stdout) == (0, "All checks passed.\n")
    listed = json.loads(cli("list", "--format", "json", str(path), cwd=tmp_path).stdout)
    assert [(item["title"], item["priority"], item["section"]) for item in listed] == [
        ("Write parser", "", "Plan"),
        ("Write docs", "", "Plan"),
        ("A thing", "P1", "P1"),
        ("Another", "P1", "P1"),
        ("Third", "P2", "P2"),
    ]
    overview = (
        "# Plan\n\n## Status Legend\n\n- `ready` – r\n- `done` – d\n\n"
        "## Priority Legend\n\n- `P1` – a\n\n## [A-1] X\n\n- **DRI:** @a\n"
        "- **Status:** done\n- **Priority:** P1\n- **Definition of Done:**\n  - [x] It reads\n\n"
        "# Priority Overview\n\n## P1\n\n- [x] A-1\n"
    )
    path.write_text(overview, encoding="utf-8")
    checked = cli("check", str(path), cwd=tmp_path)
    assert (checked.returncode, checked.stdout) == (0, "All checks passed.\n")
    listed = json.loads(cli("list", "--format", "json", str(path), cwd=tmp_path).stdout)
    assert [item["id"] for item in listed] == ["A-1"]
