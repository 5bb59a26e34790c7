"""Issue 22's first-day slips: what a new user met, each pinned by the real CLI."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import pytest

from roadmaplint.commands.database import percent
from roadmaplint.commands.server import INSTALL_HINT as LSP_HINT
from roadmaplint.commands.watch import INSTALL_HINT as WATCH_HINT
from roadmaplint.index import closest
from tests.conftest import FIXTURES, cli, item, roadmap

ROOT = Path(__file__).resolve().parent.parent


def _write(tmp_path: Path, *items: str) -> Path:
    path = tmp_path / "ROADMAP.md"
    path.write_text(roadmap(("Backend", items)), encoding="utf-8")
    return path


def test_an_empty_field_set_leaves_no_trailing_space(tmp_path: Path) -> None:
    path = _write(tmp_path, item("BACKEND-1", dri=""))
    assert "- **DRI:** \n" in path.read_text(encoding="utf-8")
    result = cli("set", "BACKEND-1", "--dri", "@bob", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "- **DRI:** @bob\n" in path.read_text(encoding="utf-8")


def test_check_fix_points_at_the_fix_command(tmp_path: Path) -> None:
    _write(tmp_path, item("BACKEND-1"))
    result = cli("check", "--fix", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "roadmaplint: error: No such option: --fix (did you mean `roadmaplint fix`?) "
        "(see roadmaplint check --help)\n"
    )


def test_an_unknown_option_naming_no_command_gets_no_command_hint(tmp_path: Path) -> None:
    _write(tmp_path, item("BACKEND-1"))
    result = cli("check", "--frobnicate", cwd=tmp_path)
    assert result.returncode == 2
    assert "did you mean `roadmaplint" not in result.stderr


@pytest.mark.parametrize(
    ("word", "candidates", "expected"),
    [
        ("Target", ["Area", "Status", "Priority"], None),
        ("Stauts", ["Area", "Status", "Priority"], "Status"),
        ("redy", ["ready", "done"], "ready"),
        ("REDY", ["ready", "done"], "ready"),
        ("p1", ["P0", "P1"], "P1"),
    ],
)
def test_suggestions_need_real_similarity(
    word: str, candidates: list[str], expected: str | None
) -> None:
    assert closest(word, candidates) == expected


@pytest.mark.parametrize(
    ("part", "whole", "shown"),
    [(0, 3, 0), (1, 3, 33), (2, 3, 67), (1, 2, 50), (1, 200, 1), (199, 200, 99), (3, 3, 100)],
)
def test_stats_rounds_percentages(part: int, whole: int, shown: int) -> None:
    assert percent(part, whole) == shown


def test_stats_prints_the_rounded_share(tmp_path: Path) -> None:
    _write(
        tmp_path,
        item("BACKEND-1", status="done"),
        item("BACKEND-2", status="done"),
        item("BACKEND-3"),
    )
    result = cli("stats", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert re.search(r"Backend\s+2/3\s+67%", result.stdout), result.stdout


def test_next_says_plainly_when_nothing_is_ready(tmp_path: Path) -> None:
    _write(tmp_path, item("BACKEND-1", status="blocked"), item("BACKEND-2", status="done"))
    result = cli("next", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "Nothing can start now: no item is ready.\n")


def test_next_counts_the_ready_items_that_wait(tmp_path: Path) -> None:
    _write(
        tmp_path,
        item("BACKEND-1", status="blocked"),
        item("BACKEND-2", depends="BACKEND-1"),
    )
    result = cli("next", cwd=tmp_path)
    assert result.stdout == "Nothing can start now: 1 ready item waits on dependencies not done.\n"


def _extra(name: str) -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras: dict[str, list[str]] = project["project"]["optional-dependencies"]
    return extras[name]


@pytest.mark.parametrize(("hint", "extra"), [(LSP_HINT, "lsp"), (WATCH_HINT, "watch")])
def test_install_hints_name_the_extras_own_packages(hint: str, extra: str) -> None:
    """'roadmaplint[lsp]' alone is on no package index: the hint names what the extra
    installs, which works in any environment roadmaplint runs from."""
    quoted = re.findall(r"'([^']+)'", hint.split("pip install", 1)[1])
    assert quoted == _extra(extra)


def _tags() -> set[str]:
    listed = subprocess.run(
        ["git", "tag", "--list"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return set(listed.stdout.split())


def test_the_docs_pin_no_tag_that_does_not_exist() -> None:
    tags = _tags()
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        for pinned in re.findall(r"(?:@|rev: )(v\d+\.\d+\.\d+)\b", text):
            assert pinned in tags, f"{path.name} pins {pinned}, which is not a tag"
        bare = re.findall(r"pipx? install '?roadmaplint\[[^]]*\]'", text)
        assert not bare, f"{path.name}: 'roadmaplint[...]' alone is on no package index"


def test_usage_lines_name_arguments_without_braces(tmp_path: Path) -> None:
    result = cli("new", "--help", cwd=tmp_path)
    assert result.stdout.splitlines()[0] == "Usage: roadmaplint new [OPTIONS] SECTION TITLE [PATH]"
    usage = [
        line
        for line in (ROOT / "docs" / "commands.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("Usage: ")
    ]
    assert usage and not [line for line in usage if "{" in line or re.search(r"\[[a-z]", line)]


def test_rename_explains_an_id_in_words_not_a_regular_expression(tmp_path: Path) -> None:
    _write(tmp_path, item("BACKEND-1"))
    result = cli("rename", "BACKEND-1", "backend-one", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "roadmaplint: error: ROADMAP.md:21: 'backend-one' is not an ID: IDs follow the "
        "default id-pattern "
        "(an upper-case word with a digit: MODEL-1, SSQ-001, ARK1)\n"
    )


def test_roadmaplint_toml_without_a_dot_is_read(tmp_path: Path) -> None:
    _write(tmp_path, item("BACKEND-1", status="started"))
    assert cli("check", cwd=tmp_path).returncode == 1  # "started" is not a status
    (tmp_path / "roadmaplint.toml").write_text('ignore = ["RL201"]\n', encoding="utf-8")
    result = cli("check", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    (tmp_path / ".roadmaplint.toml").write_text("", encoding="utf-8")
    dotted = cli("check", cwd=tmp_path)  # in one folder the dotted one wins, as in ruff
    assert dotted.returncode == 1 and '"started"' in dotted.stdout


def test_new_waiting_on_an_unfinished_item_is_blocked_and_passes_strict(tmp_path: Path) -> None:
    _write(tmp_path, item("BACKEND-1", status="in_progress", dri="@ann"))
    added = cli("new", "Backend", "API", "--depends-on", "BACKEND-1", "--done", "y", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    listed = cli("show", "BACKEND-2", "--format", "json", cwd=tmp_path)
    assert '"status": "blocked"' in listed.stdout, listed.stdout
    strict = cli("check", "--strict", cwd=tmp_path)
    assert (strict.returncode, strict.stdout) == (0, "All checks passed.\n")


def test_new_waiting_on_a_done_item_is_ready(tmp_path: Path) -> None:
    _write(tmp_path, item("BACKEND-1", status="done"))
    cli("new", "Backend", "API", "--depends-on", "BACKEND-1", "--done", "y", cwd=tmp_path)
    listed = cli("show", "BACKEND-2", "--format", "json", cwd=tmp_path)
    assert '"status": "ready"' in listed.stdout, listed.stdout


def test_a_dependency_on_a_missing_item_of_another_roadmap_is_refused(tmp_path: Path) -> None:
    core, app = tmp_path / "core", tmp_path / "app"
    core.mkdir()
    app.mkdir()
    _write(core, item("CORE-7"))
    path = _write(app, item("APP-1"))
    before = path.read_bytes()
    for args in (
        ["new", "Backend", "API", "--depends-on", "../core/ROADMAP.md#CORE-9"],
        ["set", "APP-1", "--add-dep", "../core/ROADMAP.md#CORE-9"],
    ):
        result = cli(*args, cwd=app)
        assert result.returncode == 2, result.stdout
        assert result.stderr.endswith(
            "cannot depend on ../core/ROADMAP.md#CORE-9: ../core/ROADMAP.md has no item "
            "CORE-9 (did you mean CORE-7?)\n"
        ), result.stderr
    assert path.read_bytes() == before
    assert cli("set", "APP-1", "--add-dep", "../core/ROADMAP.md#CORE-7", cwd=app).returncode == 0


def test_fix_says_which_items_it_leaves_out_and_why(tmp_path: Path) -> None:
    path = _write(tmp_path, item("BACKEND-1"), item("BACKEND-2"))
    head, tail = path.read_text(encoding="utf-8").split("## [BACKEND-2]")
    tail = tail.replace("**Priority:** P1", "**Priority:** P9", 1)
    path.write_text(head + "## [BACKEND-2]" + tail, encoding="utf-8")
    result = cli("fix", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "left out BACKEND-2 (P9): priority not in the Priority Legend" in result.stdout


@pytest.mark.parametrize("command", [("show",), ("set", "--status", "done"), ("path",)])
def test_the_roadmap_named_before_the_id_is_understood(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    # `roadmaplint show ROADMAP.md MODEL-2` read MODEL-2 as a file and said no such file
    (tmp_path / "PLAN.md").write_text(
        (FIXTURES / "gomlx-roadmap.md").read_text("utf-8"), encoding="utf-8"
    )
    name, *options = command
    first = cli(name, "MODEL-2", "PLAN.md", *options, cwd=tmp_path)
    (tmp_path / "PLAN.md").write_text(
        (FIXTURES / "gomlx-roadmap.md").read_text("utf-8"), encoding="utf-8"
    )
    swapped = cli(name, "PLAN.md", "MODEL-2", *options, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert (swapped.returncode, swapped.stdout, swapped.stderr) == (
        first.returncode,
        first.stdout,
        first.stderr,
    )
    missing = cli(name, "NOPE.md", "MODEL-2", *options, cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr.startswith("roadmaplint: error: MODEL-2: no such file")
