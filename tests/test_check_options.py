"""check's options as people know them from ruff, through the installed console script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import GOMLX, installed_command


def cli(
    *args: str, cwd: Path, stdin: bytes | None = None, **env: str
) -> subprocess.CompletedProcess[bytes]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_STEP_SUMMARY")
    }
    return subprocess.run(
        [installed_command(), *args],
        cwd=cwd,
        env=environment | env,
        input=stdin or b"",
        capture_output=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def gomlx(tmp_path: Path) -> Path:
    shutil.copyfile(GOMLX, tmp_path / "ROADMAP.md")
    return tmp_path


def codes(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    return [line.split()[2] for line in result.stdout.decode().splitlines()[:-1]]


def test_text_shows_the_severity_as_a_word(gomlx: Path) -> None:
    plain = cli("check", cwd=gomlx).stdout.decode()
    assert plain.splitlines()[0] == (
        "ROADMAP.md:33:21: warning: RL306 MODEL-1 is ready but depends on GRAPH-1, which is "
        "in_progress, not done"
    )
    assert plain.splitlines()[5].startswith("ROADMAP.md:296:3: error: RL401 Priority Overview")
    assert "\033[" not in plain  # a pipe gets no colour


def test_force_color_and_no_color(gomlx: Path) -> None:
    forced = cli("check", cwd=gomlx, FORCE_COLOR="1").stdout.decode()
    assert "\033[33mwarning:\033[0m" in forced and "\033[31merror:\033[0m" in forced
    assert "\033[" not in cli("check", cwd=gomlx, FORCE_COLOR="0").stdout.decode()
    both = cli("check", cwd=gomlx, FORCE_COLOR="1", NO_COLOR="1").stdout.decode()
    assert "\033[" not in both  # NO_COLOR wins


def test_extend_ignore_keeps_the_configured_ignores(gomlx: Path) -> None:
    (gomlx / ".roadmaplint.toml").write_text('ignore = ["RL306"]\n', encoding="utf-8")
    assert codes(cli("check", cwd=gomlx)) == ["RL501", "RL502", "RL401"]
    assert codes(cli("check", "--extend-ignore", "RL501,RL502", cwd=gomlx)) == ["RL401"]
    replaced = codes(cli("check", "--ignore", "RL501", cwd=gomlx))
    assert replaced == ["RL306", "RL306", "RL306", "RL502", "RL401"]


def test_extend_select_adds_to_the_configured_select(gomlx: Path) -> None:
    (gomlx / ".roadmaplint.toml").write_text('select = ["RL4"]\n', encoding="utf-8")
    assert codes(cli("check", cwd=gomlx)) == ["RL401"]
    assert codes(cli("check", "--extend-select", "RL502", cwd=gomlx)) == ["RL502", "RL401"]
    bad = cli("check", "--extend-select", "RL999", cwd=gomlx)
    assert (bad.returncode, bad.stderr.decode()) == (
        2,
        "roadmaplint: error: --extend-select: unknown rule 'RL999'; `roadmaplint rules` lists "
        "them\n",
    )


def test_statistics_in_text_and_json_refused_elsewhere(gomlx: Path) -> None:
    text = cli("check", "--statistics", cwd=gomlx)
    assert text.stdout.decode().splitlines()[0] == "3  RL306  ready-with-open-dependency"
    rows = json.loads(cli("check", "--statistics", "--format", "json", cwd=gomlx).stdout)
    assert rows[0] == {
        "code": "RL306",
        "name": "ready-with-open-dependency",
        "severity": "warning",
        "count": 3,
        "fixable": False,
    }
    assert [row["code"] for row in rows] == ["RL306", "RL401", "RL501", "RL502"]
    for output_format in ("github", "sarif"):
        refused = cli("check", "--statistics", "--format", output_format, cwd=gomlx)
        assert (refused.returncode, refused.stdout) == (2, b"")
        assert refused.stderr.decode() == (
            "roadmaplint: error: --statistics prints a count per rule, in text or json, not "
            f"{output_format}; drop --statistics, or use --format text or --format json\n"
        )


def test_check_reads_standard_input(gomlx: Path) -> None:
    text = (gomlx / "ROADMAP.md").read_bytes()
    (gomlx / "ROADMAP.md").unlink()  # nothing on disk: the roadmap comes from the pipe
    piped = cli("check", "-", cwd=gomlx, stdin=text)
    assert piped.returncode == 1, piped.stderr
    assert piped.stdout.decode().splitlines()[0].startswith("-:33:21: warning: RL306 ")
    named = cli("check", "-", "--stdin-filename", "docs/ROADMAP.md", cwd=gomlx, stdin=text)
    assert named.stdout.decode().splitlines()[0].startswith("docs/ROADMAP.md:33:21: warning:")
    # The name decides the configuration, as if the file were there.
    (gomlx / "docs").mkdir()
    (gomlx / "docs" / ".roadmaplint.toml").write_text('select = ["RL4"]\n', encoding="utf-8")
    configured = cli("check", "--stdin-filename", "docs/ROADMAP.md", cwd=gomlx, stdin=text)
    assert codes(configured) == ["RL401"]
    broken = cli("check", "-", cwd=gomlx, stdin=b"\xff\xfe not text")
    assert (broken.returncode, broken.stderr.decode()) == (
        2,
        "roadmaplint: error: -: line 1 is not UTF-8 (byte 0xff at offset 0); save the file "
        "as UTF-8\n",
    )


def test_a_file_read_as_nothing_is_said_so_in_a_report_file_and_a_job_summary(
    gomlx: Path,
) -> None:
    # The note went to the terminal and the report file held only the summary, naming no
    # file; GitHub's job summary said "All checks passed." of a file read as nothing.
    (gomlx / "NOTES.md").write_text("# Notes\n\nProse only.\n", encoding="utf-8")
    summary = gomlx / "summary.md"
    result = cli(
        "check", "NOTES.md", "-o", "report.txt", cwd=gomlx, GITHUB_STEP_SUMMARY=str(summary)
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
    assert (gomlx / "report.txt").read_text(encoding="utf-8") == (
        "NOTES.md: no items read, so nothing was checked; `roadmaplint check --explain "
        "NOTES.md` shows how it was read\nNo items read: nothing was checked.\n"
    )
    written = summary.read_text(encoding="utf-8")
    assert "No items read: nothing was checked." in written and "passed" not in written


def test_rule_help_in_sarif_keeps_nested_fences_apart(gomlx: Path) -> None:
    from markdown_it import MarkdownIt

    report = json.loads(cli("check", "--format", "sarif", cwd=gomlx).stdout)
    rules = report["runs"][0]["tool"]["driver"]["rules"]
    for rule in rules:
        tokens = MarkdownIt("commonmark").parse(rule["help"]["markdown"])
        fences = [token for token in tokens if token.type == "fence"]
        paragraphs = [token.content for token in tokens if token.type == "inline"]
        assert [fence.info for fence in fences] == ["markdown", "markdown"], rule["id"]
        assert "Passes:" in paragraphs, rule["id"]  # not swallowed by the first fence
    graph = next(rule for rule in rules if rule["id"] == "RL404")
    assert "````markdown\n" in graph["help"]["markdown"]


def test_a_file_read_as_nothing_is_said_to_be_unchecked_not_passed(gomlx: Path) -> None:
    # RL109 stays quiet on a file that came close to no shape, and "All checks passed"
    # then told a user whose plan was read as nothing that it was fine.
    (gomlx / "NOTES.md").write_text("# Notes\n\nProse only.\n\n- a\n- b\n", encoding="utf-8")
    alone = cli("check", "NOTES.md", cwd=gomlx)
    assert (alone.returncode, alone.stderr) == (0, b"")
    assert alone.stdout.decode() == (
        "NOTES.md: no items read, so nothing was checked; `roadmaplint check --explain "
        "NOTES.md` shows how it was read\nNo items read: nothing was checked.\n"
    )
    beside = cli("check", "NOTES.md", "ROADMAP.md", cwd=gomlx).stdout.decode().splitlines()
    assert beside[0].startswith("NOTES.md: no items read") and "passed" not in beside[0]
    assert beside[-1].startswith("Found ")  # the roadmap's own findings, as before
    # quiet, JSON and SARIF stay as they were: nothing to report, exit 0
    assert cli("check", "-q", "NOTES.md", cwd=gomlx).stdout == b""
    assert cli("check", "--format", "json", "NOTES.md", cwd=gomlx).stdout == b"[]\n"
