"""Text report options: colour, statistics, quiet, exit-zero, output file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import GOMLX

from roadmaplint.cli import main
from roadmaplint.commands.check import wants_colour


@pytest.fixture
def gomlx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copyfile(GOMLX, tmp_path / "ROADMAP.md")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path / "ROADMAP.md"


def test_statistics(gomlx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--statistics"]) == 1
    assert capsys.readouterr().out == (
        "3  RL306  ready-with-open-dependency\n"
        "1  RL401  stale-overview [*]\n"
        "1  RL501  in-progress-without-dri\n"
        "1  RL502  blocked-without-dependency\n"
        "Found 1 error and 5 warnings; 1 fixable with roadmaplint fix.\n"
    )


def test_quiet_prints_findings_only(gomlx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "-q", "--select", "RL4"]) == 1
    assert capsys.readouterr().out == (
        "ROADMAP.md:296:3: error: RL401 Priority Overview is out of date: GRAPH-2 (P1) is missing under P1\n"
    )


def test_exit_zero_and_output_file(gomlx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--exit-zero", "--output-format", "json", "-o", "report.json"]) == 0
    assert capsys.readouterr().out == ""
    assert (
        (gomlx.parent / "report.json")
        .read_text(encoding="utf-8")
        .startswith('[\n  {\n    "path": "ROADMAP.md"')
    )


def test_colour_on_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert wants_colour(Terminal())  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_colour(Terminal())  # type: ignore[arg-type]
    monkeypatch.delenv("NO_COLOR")

    class Pipe:
        def isatty(self) -> bool:
            return False

    assert not wants_colour(Pipe())  # type: ignore[arg-type]


def test_coloured_lines_carry_the_same_text() -> None:
    from conftest import findings

    from roadmaplint.report.text import render

    found = findings(GOMLX.read_text(encoding="utf-8"))
    coloured = render(found, colour=True)
    assert "\033[31m\033[1mRL401\033[0m" in coloured
    assert "\033[33m\033[1mRL306\033[0m" in coloured
    import re

    assert re.sub(r"\033\[[0-9;]*m", "", coloured) == render(found)


def test_step_summary_is_appended(
    gomlx: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = gomlx.parent / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "--format", "github"]) == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### roadmaplint: `ROADMAP.md`\n")
    assert text.count("| RL306 | warning |") == 3
    capsys.readouterr()
