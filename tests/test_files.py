"""Naming roadmaps: arguments and -f alike, discovery like ruff's, and many roadmaps at once.

Everything runs through the installed console script, in real folders and real git
repositories.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import cli, item, roadmap

PROSE = "Plans for the next releases. Ask in #roadmap before claiming an item.\n\n"


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def core_roadmap(depends: str | None = None) -> str:
    return roadmap(
        ("Core", [item("CORE-1", title="Parser"), item("CORE-2", title="Lexer", depends=depends)])
    ).replace("# Test Roadmap\n", "# Core Roadmap\n\n" + PROSE, 1)


def web_roadmap(depends: str | None = None) -> str:
    return roadmap(
        ("Web", [item("WEB-1", title="Login Page", priority="P0", depends=depends)]),
        ("Ported", [item("CORE-1", title="Web's own first item", status="idea", done=None)]),
    ).replace("# Test Roadmap\n", "# Web Roadmap\n\n<!-- owned by the web team -->\n", 1)


@pytest.fixture
def two(tmp_path: Path) -> Path:
    """A folder with core/ROADMAP.md and web/ROADMAP.md and no ROADMAP.md of its own."""
    write(tmp_path, "core/ROADMAP.md", core_roadmap())
    write(tmp_path, "web/ROADMAP.md", web_roadmap())
    return tmp_path


def test_a_path_is_an_argument_or_a_file_option_for_every_command(tmp_path: Path) -> None:
    write(tmp_path, "plans/ROADMAP.md", core_roadmap())
    styles = (("plans/ROADMAP.md",), ("-f", "plans/ROADMAP.md"), ("--file", "plans"))
    for args in styles:
        shown = cli("show", "CORE-2", *args, cwd=tmp_path)
        assert shown.returncode == 0, shown.stderr
        assert shown.stdout.startswith("CORE-2  Lexer\n")
    planned = cli("path", "CORE-2", *styles[0], cwd=tmp_path)
    assert planned.stdout == "CORE-2 depends on no other item.\n", planned.stderr
    dry = cli("set", "CORE-2", *styles[1], "--priority", "P0", "--dry-run", cwd=tmp_path)
    assert "+- **Priority:** P0" in dry.stdout, dry.stderr
    added = cli("new", "Core", "Tokens", *styles[2], "--dry-run", cwd=tmp_path)
    assert "+## [CORE-3] Tokens" in added.stdout, added.stderr
    for number, command in enumerate(("check", "fix", "list", "stats", "next", "graph", "export")):
        args = styles[number % len(styles)]
        result = cli(command, *args, cwd=tmp_path)
        assert result.returncode == 0, (command, args, result.stderr)
    for args in (("ROADMAP.md",), ("-f", "plans/OTHER.md")):
        made = cli("init", *args, cwd=tmp_path)
        assert made.returncode == 0, made.stderr
        assert cli("check", "--strict", args[-1], cwd=tmp_path).returncode == 0


def test_git_errors_are_one_line(tmp_path: Path) -> None:
    from roadmaplint.history.git import GitError, run_git, worktree_root

    assert worktree_root(tmp_path) is None
    with pytest.raises(GitError, match=r"^git rev-parse: fatal: not a git repository"):
        run_git("rev-parse", "--show-toplevel", cwd=tmp_path)
    git("init", "-q", cwd=tmp_path)
    assert worktree_root(tmp_path) == tmp_path.resolve()


def test_without_a_path_the_current_folders_roadmap_wins(two: Path) -> None:
    write(two, "ROADMAP.md", core_roadmap())
    result = cli("list", "--format", "csv", cwd=two)
    assert result.stdout.splitlines()[0] == "id,title,status,priority,dri,section"
    assert len(result.stdout.splitlines()) == 3


def test_without_a_roadmap_here_every_included_file_is_read(two: Path) -> None:
    listed = cli("list", cwd=two)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == [
        "FILE             ID      TITLE                 STATUS  PRIORITY  DRI         SECTION",
        "core/ROADMAP.md  CORE-1  Parser                ready   P1        unassigned  Core",
        "core/ROADMAP.md  CORE-2  Lexer                 ready   P1        unassigned  Core",
        "web/ROADMAP.md   WEB-1   Login Page            ready   P0        unassigned  Web",
        "web/ROADMAP.md   CORE-1  Web's own first item  idea    P1        unassigned  Ported",
    ]


def test_queries_over_several_files_carry_a_file_column(two: Path) -> None:
    rows = json.loads(cli("list", "--format", "json", cwd=two).stdout)
    assert [(row["file"], row["id"]) for row in rows] == [
        ("core/ROADMAP.md", "CORE-1"),
        ("core/ROADMAP.md", "CORE-2"),
        ("web/ROADMAP.md", "WEB-1"),
        ("web/ROADMAP.md", "CORE-1"),
    ]
    ready = json.loads(cli("next", "--format", "json", cwd=two).stdout)
    assert [(row["file"], row["id"]) for row in ready] == [
        ("web/ROADMAP.md", "WEB-1"),
        ("core/ROADMAP.md", "CORE-1"),
        ("core/ROADMAP.md", "CORE-2"),
    ]
    counted = json.loads(cli("stats", "--format", "json", cwd=two).stdout)
    assert counted["files"] == ["core/ROADMAP.md", "web/ROADMAP.md"]
    assert counted["items"] == 4 and counted["by_status"]["ready"] == 3
    assert {"file": "web/ROADMAP.md", "section": "Web", "done": 0, "items": 1} in counted[
        "sections"
    ]
    exported = json.loads(cli("export", "core", "web/ROADMAP.md", cwd=two).stdout)
    assert [document["path"] for document in exported] == ["core/ROADMAP.md", "web/ROADMAP.md"]
    one = json.loads(cli("export", "core", cwd=two).stdout)
    assert one["path"] == "core/ROADMAP.md"


def test_ids_are_per_file(two: Path) -> None:
    ambiguous = cli("show", "CORE-1", cwd=two)
    assert ambiguous.returncode == 2
    assert ambiguous.stderr == (
        "roadmaplint: error: CORE-1 is in core/ROADMAP.md and web/ROADMAP.md; say which, "
        "e.g. core/ROADMAP.md#CORE-1 or -f core/ROADMAP.md\n"
    )
    named = cli("show", "web/ROADMAP.md#CORE-1", cwd=two)
    assert named.stdout.startswith("CORE-1  Web's own first item\n"), named.stderr
    unique = cli("show", "WEB-1", cwd=two)
    assert unique.stdout.startswith("WEB-1  Login Page\n")
    assert cli("check", "--strict", cwd=two).returncode == 0  # CORE-1 twice, in two files: fine


def test_a_dependency_on_another_roadmaps_item(two: Path) -> None:
    write(two, "web/ROADMAP.md", web_roadmap(depends="../core/ROADMAP.md#CORE-2, Go 1.26"))
    # RL306 reads the other roadmap's status: WEB-1 is ready, but CORE-2 is not done.
    assert cli("check", "--strict", cwd=two).stdout.splitlines() == [
        "web/ROADMAP.md:28:19: warning: RL306 WEB-1 is ready but depends on "
        "../core/ROADMAP.md#CORE-2, which is ready, not done",
        "Found 0 errors and 1 warning.",
    ]
    drawn = cli("graph", cwd=two)
    assert "core_ROADMAP_md_CORE_2 --> web_ROADMAP_md_WEB_1" in drawn.stdout
    assert 'x_Go_1_26(["Go 1.26"])' in drawn.stdout
    dot = cli("graph", "--format", "dot", cwd=two).stdout
    assert '"core/ROADMAP.md#CORE-2" -> "web/ROADMAP.md#WEB-1";' in dot
    alone = cli("graph", "web", cwd=two).stdout  # the other file is not drawn: an external
    # mermaid would read "#name;" as an entity: every "#" of a label is written "#35;"
    assert 'x____core_ROADMAP_md_CORE_2(["../core/ROADMAP.md#35;CORE-2"])' in alone

    shown = cli("show", "WEB-1", cwd=two).stdout
    assert "Depends on:      ../core/ROADMAP.md#CORE-2 (ready), Go 1.26\n" in shown
    # WEB-1 waits for CORE-2 of the other roadmap, which is not done: it cannot start.
    startable = json.loads(cli("next", "--format", "json", cwd=two).stdout)
    assert [row["id"] for row in startable] == ["CORE-1", "CORE-2"]

    write(two, "web/ROADMAP.md", web_roadmap(depends="../core/ROADMAP.md#CORE-9"))
    checked = cli("check", "web", cwd=two)
    assert checked.returncode == 1
    assert "RL301 WEB-1 depends on unknown item CORE-9 of ../core/ROADMAP.md" in checked.stdout
    write(two, "web/ROADMAP.md", web_roadmap(depends="../cor/ROADMAP.md#CORE-1"))
    checked = cli("check", "web", cwd=two)
    assert checked.stdout.splitlines()[0].endswith(
        "RL301 WEB-1 depends on ../cor/ROADMAP.md#CORE-1, but cor/ROADMAP.md: no such file"
    )


def test_done_and_ready_items_wait_for_another_roadmaps_items(two: Path) -> None:
    done_web = web_roadmap(depends="../core/ROADMAP.md#CORE-2").replace(
        "**Status:** ready", "**Status:** done", 1
    )
    write(two, "web/ROADMAP.md", done_web)
    for args in ((), ("web",), ("web/ROADMAP.md", "core/ROADMAP.md")):
        checked = cli("check", "--select", "RL304,RL306", *args, cwd=two)
        assert checked.returncode == 1, args
        assert checked.stdout.splitlines()[0] == (
            "web/ROADMAP.md:28:19: error: RL304 WEB-1 is done but depends on "
            "../core/ROADMAP.md#CORE-2, which is ready; finish ../core/ROADMAP.md#CORE-2 "
            "first or reopen WEB-1"
        )
    finished = cli("set", "CORE-2", "--status", "done", "core/ROADMAP.md", cwd=two)
    assert finished.returncode == 0, finished.stderr
    assert cli("check", "--strict", cwd=two).returncode == 0
    # A file that cannot be read is RL301's finding alone, not a status to compare.
    write(two, "web/ROADMAP.md", done_web.replace("../core/", "../cor/"))
    checked = cli("check", "--select", "RL301,RL304,RL306", "web", cwd=two).stdout
    assert [line.split()[2] for line in checked.splitlines()[:-1]] == ["RL301"]


def test_git_decides_what_is_ignored(two: Path) -> None:
    git("init", "-q", cwd=two)
    write(two, ".gitignore", "build/\n")
    write(two, "build/ROADMAP.md", "this copy is ignored by git\n")
    write(two, "vendor/lib/ROADMAP.md", "excluded by the configuration\n")
    write(two, ".roadmaplint.toml", 'exclude = ["vendor"]\n')
    git("add", "core", cwd=two)  # web/ is untracked but not ignored: still found
    checked = cli("check", "--statistics", cwd=two)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    listed = cli("stats", "--format", "json", cwd=two)
    assert json.loads(listed.stdout)["files"] == ["core/ROADMAP.md", "web/ROADMAP.md"]


def test_outside_git_hidden_folders_and_environments_are_skipped(two: Path) -> None:
    write(two, ".venv/lib/ROADMAP.md", "not ours\n")
    write(two, "node_modules/x/ROADMAP.md", "not ours\n")
    write(two, "plans/team-roadmap.md", core_roadmap())
    write(two, "pyproject.toml", '[tool.roadmaplint]\ninclude = ["**/ROADMAP.md", "plans/*.md"]\n')
    counted = json.loads(cli("stats", "--format", "json", cwd=two).stdout)
    assert counted["files"] == ["core/ROADMAP.md", "plans/team-roadmap.md", "web/ROADMAP.md"]


def test_outside_git_gitignore_is_not_read_and_exclude_is(two: Path) -> None:
    # As with ruff and ripgrep: without a git repository, .gitignore means nothing.
    write(two, ".gitignore", "web/\n")
    counted = json.loads(cli("stats", "--format", "json", cwd=two).stdout)
    assert counted["files"] == ["core/ROADMAP.md", "web/ROADMAP.md"]
    write(two, ".roadmaplint.toml", 'exclude = ["web"]\n')
    assert cli("stats", cwd=two).stdout.splitlines()[0] == "2 items in core/ROADMAP.md"


def test_a_folder_argument_is_searched_the_same_way(two: Path) -> None:
    write(two, "web/old/ROADMAP.md", core_roadmap())
    counted = json.loads(cli("stats", "web", "--format", "json", cwd=two).stdout)
    assert counted["files"] == ["web/ROADMAP.md", "web/old/ROADMAP.md"]


def test_nothing_found_says_where_it_looked(tmp_path: Path) -> None:
    write(tmp_path, "notes.md", "# Notes\n")
    result = cli("check", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    here = tmp_path.resolve()
    assert result.stderr == (
        f"roadmaplint: error: no roadmap found: no ROADMAP.md in {here}, and no file under "
        f"{here} matches include **/ROADMAP.md, from the defaults; name the file "
        "(roadmaplint check docs/ROADMAP.md), or set include in .roadmaplint.toml or "
        "[tool.roadmaplint], or run `roadmaplint init`\n"
    )
    missing = cli("show", "X-1", "docs/ROADMAP.md", cwd=tmp_path)
    assert missing.stderr == (
        f"roadmaplint: error: docs/ROADMAP.md: no such file (looked in {here / 'docs'}); name the "
        "roadmap's path as an argument or with -f, or run roadmaplint with no path to search "
        "for ROADMAP.md files\n"
    )
