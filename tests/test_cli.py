"""The command line through typer's runner, and as the installed console script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GOMLX, REPO, installed_command, item, roadmap
from typer.testing import CliRunner

from roadmaplint import __version__
from roadmaplint.cli import app, main

runner = CliRunner()

GOMLX_TEXT_REPORT = """\
ROADMAP.md:33:21: warning: RL306 MODEL-1 is ready but depends on GRAPH-1, which is in_progress, not done
ROADMAP.md:47:21: warning: RL306 MODEL-2 is ready but depends on MODEL-1, which is ready, not done
ROADMAP.md:125:14: warning: RL501 GRAPH-1 is in_progress but has no DRI; name who is working on it
ROADMAP.md:152:21: warning: RL306 GRAPH-3 is ready but depends on GRAPH-1, which is in_progress, not done
ROADMAP.md:246:17: warning: RL502 INFRA-2 is blocked but names no dependency; say what it waits for under Depends on
ROADMAP.md:296:3: error: RL401 Priority Overview is out of date: GRAPH-2 (P1) is missing under P1
Found 1 error and 5 warnings; 1 fixable with roadmaplint fix.
"""


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding a copy of the GoMLX roadmap as ROADMAP.md, as the current folder."""
    shutil.copyfile(GOMLX, tmp_path / "ROADMAP.md")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def test_check_default_path_text_report(workdir: Path) -> None:
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1
    assert result.stdout == GOMLX_TEXT_REPORT


def test_check_json(workdir: Path) -> None:
    result = runner.invoke(app, ["check", "--format", "json"])
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert len(document) == 6
    assert document[-1] == {
        "path": "ROADMAP.md",
        "line": 296,
        "column": 3,
        "code": "RL401",
        "severity": "error",
        "message": "Priority Overview is out of date: GRAPH-2 (P1) is missing under P1",
        "item": "GRAPH-2",
        "fixable": True,
    }


def test_strict_fails_on_warnings_only(workdir: Path) -> None:
    assert runner.invoke(app, ["fix"]).exit_code == 0
    assert runner.invoke(app, ["check"]).exit_code == 0
    strict = runner.invoke(app, ["check", "--strict"])
    assert strict.exit_code == 1
    assert strict.stdout.endswith("Found 0 errors and 5 warnings.\n")


def test_fix_rewrites_only_the_overview(workdir: Path) -> None:
    original = (workdir / "ROADMAP.md").read_bytes()
    result = runner.invoke(app, ["fix"])
    assert result.exit_code == 0
    assert result.stdout == (
        "Fixed ROADMAP.md (Priority Overview regenerated)\n1 file fixed, 0 left unchanged.\n"
    )
    fixed = (workdir / "ROADMAP.md").read_bytes()
    assert fixed == original.replace(b"  - MODEL-7\n", b"  - MODEL-7\n  - GRAPH-2\n")
    again = runner.invoke(app, ["fix"])
    assert again.stdout == "0 files fixed, 1 left unchanged.\n"
    assert (workdir / "ROADMAP.md").read_bytes() == fixed


def test_fix_check_and_diff_write_nothing(workdir: Path) -> None:
    original = (workdir / "ROADMAP.md").read_bytes()
    check = runner.invoke(app, ["fix", "--check"])
    assert check.exit_code == 1
    assert check.stdout == (
        "Would fix ROADMAP.md (Priority Overview regenerated)\n1 file would be fixed, 0 left unchanged.\n"
    )
    diff = runner.invoke(app, ["fix", "--diff"])
    assert diff.exit_code == 1
    assert diff.stdout.startswith("--- a/ROADMAP.md\n+++ b/ROADMAP.md\n@@ -298,6 +298,7 @@\n")
    assert "+  - GRAPH-2\n" in diff.stdout
    assert (workdir / "ROADMAP.md").read_bytes() == original


def test_several_paths_and_one_missing(workdir: Path) -> None:
    clean = roadmap(("Modeling", [item("MODEL-1")]))
    (workdir / "clean.md").write_text(clean, encoding="utf-8")
    result = runner.invoke(app, ["check", "clean.md", "missing.md"])
    assert result.exit_code == 2
    assert result.stdout == "All checks passed.\n"
    assert result.stderr.startswith("roadmaplint: error: missing.md: no such file (looked in ")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["check", "--bogus"],
            "roadmaplint: error: No such option: --bogus (see roadmaplint check --help)\n",
        ),
        (
            ["check", "nothere.md"],
            "roadmaplint: error: nothere.md: no such file (looked in {cwd}); name the "
            "roadmap's path as an argument or with -f, or run roadmaplint with no path to "
            "search for ROADMAP.md files\n",
        ),
        (
            ["rule", "RL999"],
            "roadmaplint: error: no rule 'RL999'; `roadmaplint rules` lists them\n",
        ),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    workdir: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err == message.format(cwd=workdir.resolve())
    assert captured.out == ""


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"roadmaplint {__version__}\n"
    for command in ("check", "fix", "rules", "rule"):
        assert main([command, "--help"]) == 0
        assert "Examples:" in capsys.readouterr().out


def test_rules_list_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    from roadmaplint.rules import ALL_RULES

    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["CODE", "NAME", "SEVERITY", "FIX", "SUMMARY"]
    assert [line.split()[0] for line in lines[1:]] == [rule.code for rule in ALL_RULES]
    assert "RL401  stale-overview" in "\n".join(lines)


def test_rule_explains_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "dependency-cycle"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("RL302 dependency-cycle\n\nSeverity: error. Fixable: no.\n")
    assert "Fails:\n\n    ## [A-1] First\n    - **Depends on:** A-2\n" in text


def _run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, timeout=120, env=env, check=False
    )


def test_installed_console_script(workdir: Path) -> None:
    command = installed_command()
    env = {**os.environ, "NO_COLOR": "1"}
    result = _run(command, "check", cwd=workdir, env=env)
    assert (result.returncode, result.stdout, result.stderr) == (1, GOMLX_TEXT_REPORT, "")
    version = _run(command, "--version", cwd=workdir)
    assert version.stdout == f"roadmaplint {__version__}\n"
    broken = _run(command, "check", "nothere.md", cwd=workdir)
    assert (broken.returncode, broken.stdout) == (2, "")
    assert broken.stderr.startswith("roadmaplint: error: nothere.md: no such file (looked in ")
    fixed = _run(command, "fix", cwd=workdir)
    assert fixed.returncode == 0
    assert _run(command, "check", cwd=workdir).returncode == 0


def test_python_dash_m(workdir: Path) -> None:
    result = _run(sys.executable, "-m", "roadmaplint", "check", cwd=workdir)
    assert (result.returncode, result.stdout) == (1, GOMLX_TEXT_REPORT)


def test_project_roadmap_is_clean_under_strict() -> None:
    result = _run(installed_command(), "check", "--strict", "ROADMAP.md", cwd=REPO)
    assert (result.returncode, result.stdout) == (0, "All checks passed.\n"), result.stdout


def test_interrupt_is_one_line(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import roadmaplint.commands.check as check_command

    def interrupted(*args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(check_command, "run_check", interrupted)
    assert main(["check"]) == 130
    assert capsys.readouterr().err == "roadmaplint: interrupted\n"
    assert (workdir / "ROADMAP.md").read_bytes() == GOMLX.read_bytes()
