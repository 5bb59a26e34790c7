"""The bench's own helpers: a failed run raises and is never a timing (issue 23)."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
import timing

bench_all = importlib.import_module("all")  # bench/all.py; `all` would shadow the builtin

PYTHON = sys.executable
GOMLX = REPO / "examples" / "gomlx" / "ROADMAP.md"


def test_a_failing_exit_status_raises_with_the_last_error_line() -> None:
    failing = "import sys; print('first'); print('the real error', file=sys.stderr); sys.exit(3)"
    with pytest.raises(timing.BenchFailure) as raised:
        timing.run_checked([PYTHON, "-c", failing])
    assert raised.value.reason == "exit status 3, expected 0"
    assert raised.value.error_line == "the real error"
    assert "the real error" in str(raised.value)


def test_a_traceback_raises_even_when_its_exit_status_is_allowed() -> None:
    # An uncaught exception exits 1, which `check` also uses for findings.
    with pytest.raises(timing.BenchFailure) as raised:
        timing.run_checked([PYTHON, "-c", "1 / 0"], ok=(0, 1))
    assert raised.value.reason == "printed a traceback"
    assert raised.value.error_line == "ZeroDivisionError: division by zero"


def test_output_the_caller_rejects_raises(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    with pytest.raises(timing.BenchFailure, match="wrote no page"):
        timing.run_checked(
            [PYTHON, "-c", "pass"],
            verify=lambda _, __: None if page.exists() else "wrote no page",
        )
    run, out = timing.run_checked(
        [PYTHON, "-c", f"open({str(page)!r}, 'w').write('x'); print('done')"],
        verify=lambda _, __: None if page.exists() else "wrote no page",
    )
    assert out == "done\n"
    assert run.wall > 0


def test_a_process_past_its_time_limit_is_killed_and_raises() -> None:
    with pytest.raises(timing.BenchFailure, match="still running after 1 s"):
        timing.run_checked([PYTHON, "-c", "import time; time.sleep(30)"], timeout=1)


def test_cpu_time_is_the_childs_own_not_its_wall_time() -> None:
    busy, _ = timing.run_checked(
        [
            PYTHON,
            "-c",
            "import time\nend = time.process_time() + 0.4\nwhile time.process_time() < end: pass",
        ]
    )
    idle, _ = timing.run_checked([PYTHON, "-c", "import time; time.sleep(0.4)"])
    assert busy.cpu >= 0.35
    assert idle.cpu < 0.3 <= idle.wall
    assert busy.load == busy.load  # a number, not nan, on Linux


def test_interleave_records_a_failure_and_never_runs_it_again(tmp_path: Path) -> None:
    counter = tmp_path / "runs"
    counter.write_text("")

    def count() -> None:
        with counter.open("a") as runs:
            runs.write("x")

    jobs = {
        "works": timing.Job([PYTHON, "-c", "pass"]),
        "fails": timing.Job([PYTHON, "-c", "raise SystemExit(2)"], prepare=count),
    }
    results = timing.interleave(jobs, repeat=3)
    works, fails = results["works"], results["fails"]
    assert isinstance(works, timing.Samples) and len(works.runs) == 3
    assert isinstance(fails, timing.BenchFailure)
    assert counter.read_text() == "x"
    figure = bench_all.ratio("fails / works", fails, works, 2)
    assert figure.measured.startswith("FAILED: ")
    assert "exit status 2" in figure.measured
    assert figure.met is None and figure.value is None


def test_the_import_floor_is_what_check_imports() -> None:
    modules = timing.imported_modules(["check", str(GOMLX)])
    tops = timing.top_level(modules)
    assert "roadmaplint" not in tops
    assert "networkx" not in tops  # check on an acyclic roadmap never imports it
    assert all("." not in name for name in tops)
    run, _ = timing.run_checked(timing.import_floor(modules))  # every one importable
    assert run.cpu > 0


@pytest.mark.slow
def test_all_prints_the_table_in_a_quick_run(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    result = subprocess.run(
        [
            PYTHON,
            str(REPO / "bench" / "all.py"),
            "--quick",
            "--items",
            "30",
            "--repeat",
            "1",
            "--edits",
            "11",
            "--no-markdownlint",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "| figure | measured | goal | met |" in result.stdout
    assert "FAILED" not in result.stdout
    for row in (
        "| seed `check` / `python -c pass` | ",
        "| `--version` / `python -c pass` | ",
        "| 30 `fix` (stale overview) / 30 `check` | ",
        "| `board` at 30 items / `check` | ",
        "| keystroke → diagnostics at 30 items / full in-process check | ",
        "| a keystroke that adds or removes a line, at 30 items / the same | ",
        "| history per revision (CPU, 200 revisions) | ",
        "| seed `check` with markdown-it-py alone / `python -c pass` | ",
        "| 30 `check` / the same with markdown-it-py alone | ",
        "| 30-row table `check` / 30-item heading `check` | ",
        "| 30-checkbox `check` / 30-item heading `check` | ",
        "| 30-phase plan `check` / 30-item heading `check` | ",
        "| 6-file task folder `check` / 30-item heading `check`, per item | ",
        "| 4,000 headings with a box each / 4 × 1,000, start-up taken off | ",
    ):
        assert row in result.stdout
    # an edit of 30 items can take less than one clock tick of CPU: "< 1/N" then
    assert re.search(r"\| keystroke → diagnostics at 30 items / [^|]*\| (< )?1/", result.stdout)
    assert "\nParser: " in result.stdout
    figures = json.loads(out.read_text())["figures"]
    measured = [figure for figure in figures if figure["value"] is not None]
    assert len(measured) == 18  # all but markdownlint-cli2, skipped
    assert all(figure["value"] > 0 and figure["failed"] is None for figure in measured)


def test_a_shape_plan_read_wrong_fails_its_figure(tmp_path: Path) -> None:
    """The shapes' figures need "All checks passed": a plan not read as generated (no
    items, RL109) is FAILED, not a fast time."""
    unread = tmp_path / "table.md"
    unread.write_text("# Plan\n\nProse only.\n", encoding="utf-8")
    read = tmp_path / "boxes.md"
    read.write_text("# Plan\n\n- [x] A-1 First\n- [ ] A-2 Second\n", encoding="utf-8")
    jobs = {"unread": bench_all.clean_check_job(unread), "read": bench_all.clean_check_job(read)}
    results = bench_all.interleave(jobs, 1)
    assert isinstance(results["unread"], bench_all.BenchFailure)
    assert "exit status 1, expected 0: Found 1 error" in results["unread"].short
    assert not isinstance(results["read"], bench_all.BenchFailure)


def test_all_measures_only_the_rows_asked_for() -> None:
    script = str(REPO / "bench" / "all.py")
    result = subprocess.run(
        [PYTHON, script, "--only", "seed", "--repeat", "1", "--no-markdownlint"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")][2:]
    names = [row.split(" | ")[0].split(" (")[0] for row in rows]  # the floor names modules
    assert names == [
        "| seed `check` / `python -c pass`",
        "| seed `check` beside a `pyproject.toml` that configures roadmaplint / `python -c pass`",
        "| `--version` / `python -c pass`",
        "| seed `check` / its import floor",
        "| seed `check` with markdown-it-py alone / `python -c pass`",
        "| seed `check` / markdownlint-cli2",
    ]
