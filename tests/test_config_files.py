"""Config files that are not what they seem are one line and exit 2, or skipped (issue 9: 17)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import GOMLX, installed_command

from roadmaplint.cli import main

SUMMARY = "Found 1 error and 5 warnings; 1 fixable with roadmaplint fix.\n"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder below a parent folder, with the GoMLX roadmap in it."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "ROADMAP.md").write_bytes(GOMLX.read_bytes())
    monkeypatch.chdir(project)
    return tmp_path


def test_a_non_utf8_roadmaplint_toml_is_one_line(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tree / "project" / ".roadmaplint.toml"
    config.write_bytes(b"strict = true\n# caf\xe9\n")
    assert main(["check", "ROADMAP.md"]) == 2
    assert capsys.readouterr() == (
        "",
        f"roadmaplint: error: {config}: line 2 is not UTF-8 (byte 0xe9); TOML files are UTF-8\n",
    )


def test_another_tools_undecodable_pyproject_above_is_skipped(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Never mentions roadmaplint: it cannot configure us, so its encoding is not ours to judge.
    (tree / "pyproject.toml").write_bytes(b"[tool.black]\n# caf\xe9\nline-length = [\n")
    assert main(["check", "ROADMAP.md"]) == 1
    out, err = capsys.readouterr()
    assert (out.endswith(SUMMARY), err) == (True, "")


def test_an_undecodable_pyproject_that_may_hold_our_settings_is_an_error(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = tree / "pyproject.toml"
    pyproject.write_bytes(b"[tool.roadmaplint]\nstrict = true\n# caf\xe9\n")
    assert main(["check", "ROADMAP.md"]) == 2
    assert capsys.readouterr() == (
        "",
        f"roadmaplint: error: {pyproject}: line 3 is not UTF-8 (byte 0xe9); TOML files are UTF-8\n",
    )


def test_deeply_nested_toml_is_one_line(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "deep.toml").write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert main(["check", "--config", "../deep.toml", "ROADMAP.md"]) == 2
    assert capsys.readouterr() == (
        "",
        "roadmaplint: error: ../deep.toml: nests arrays or tables too deeply to be a config\n",
    )


def test_a_non_table_tool_roadmaplint_is_one_line(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = tree / "project" / "pyproject.toml"
    pyproject.write_text("[tool]\nroadmaplint = 3\n", encoding="utf-8")
    assert main(["check", "ROADMAP.md"]) == 2
    assert capsys.readouterr() == (
        "",
        f"roadmaplint: error: {pyproject}: [tool.roadmaplint]: expected a table of settings\n",
    )


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_a_config_that_is_a_fifo_or_a_device_is_refused_unread(tree: Path, kind: str) -> None:
    if kind == "fifo":
        config = tree / "settings.toml"
        os.mkfifo(config)  # opening it would wait for a writer for ever
    else:
        config = Path("/dev/zero")  # reading it would never end
    run = subprocess.run(
        [installed_command(), "check", "--config", str(config), "ROADMAP.md"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (
        f"roadmaplint: error: {config}: is not a regular file; a config is a TOML file\n"
    )


def test_a_huge_config_is_refused(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tree / "huge.toml"
    config.write_text("# padding\n" * 200_000, encoding="utf-8")
    assert main(["check", "--config", str(config), "ROADMAP.md"]) == 2
    assert capsys.readouterr() == (
        "",
        f"roadmaplint: error: {config}: is over 1024 KB; is this a config file?\n",
    )
