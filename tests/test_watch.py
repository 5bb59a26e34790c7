"""`roadmaplint check --watch` in a real process on a real terminal (a pseudo-terminal)."""

from __future__ import annotations

import contextlib
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import GOMLX

from roadmaplint.commands.watch import CLEAR

# the quick tier (-m "not slow") leaves this file out: it waits for the watcher to see changes
pytestmark = pytest.mark.slow

# seconds: the bound on how long the first report or a change may take to show. A bound,
# never a timing: a clean-clone run at a load of 10 on two cores once took over 20 s to start
# the watcher and print its first report, so the bound is generous.
WAIT = 60.0


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Terminal:
    """A process whose standard output is a terminal we read from."""

    def __init__(self, argv: list[str], cwd: Path) -> None:
        self.master, slave = pty.openpty()
        self.process = subprocess.Popen(
            argv,
            cwd=cwd,
            stdout=slave,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            # Ctrl-C as a terminal delivers it, even when the test runner's own
            # process ignores SIGINT by then (children inherit an ignored signal).
            preexec_fn=_default_sigint,
        )
        os.close(slave)
        self.output = ""

    def wait_for(self, text: str, count: int) -> str:
        """Read until ``text`` has appeared ``count`` times; return everything read."""
        deadline = time.monotonic() + WAIT
        while self.output.count(text) < count:
            left = deadline - time.monotonic()
            assert left > 0, f"no {text!r} #{count} within {WAIT} s:\n{self.output}"
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    self.output += os.read(self.master, 65536).decode("utf-8", "replace")
                except OSError:
                    break
        return self.output

    def exit_code(self) -> int:
        """Wait for the process to end, reading its terminal meanwhile: a redraw that
        fills the terminal's small buffer would otherwise block it before it can exit."""
        deadline = time.monotonic() + WAIT
        while self.process.poll() is None:
            assert time.monotonic() < deadline, f"still running after {WAIT} s"
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if ready:
                with contextlib.suppress(OSError):  # the terminal closes as it exits
                    self.output += os.read(self.master, 65536).decode("utf-8", "replace")
        return self.process.returncode

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


def latest_report(output: str) -> str:
    return output.rsplit(CLEAR, 1)[-1]


def test_watch_reports_again_on_save_by_rename_and_on_config_change(tmp_path: Path) -> None:
    roadmap = tmp_path / "ROADMAP.md"
    text = GOMLX.read_text(encoding="utf-8")
    roadmap.write_text(text, encoding="utf-8")
    terminal = Terminal([sys.executable, "-m", "roadmaplint", "check", "--watch"], tmp_path)
    try:
        first = latest_report(terminal.wait_for("Watching for file changes.", 1))
        assert "RL306" in first and "RL201" not in first
        # An editor that saves by writing a new file and renaming it over the old one.
        swap = tmp_path / ".ROADMAP.md.tmp"
        swap.write_text(text.replace("  - **Status:** ready", "  - **Status:** redy", 1))
        os.replace(swap, roadmap)
        second = latest_report(terminal.wait_for("Watching for file changes.", 2))
        assert "File change detected" in second
        assert "RL201" in second and "did you mean ready?" in second
        (tmp_path / ".roadmaplint.toml").write_text('ignore = ["RL201"]\n', encoding="utf-8")
        third = latest_report(terminal.wait_for("Watching for file changes.", 3))
        assert "RL201" not in third and "RL306" in third
        assert terminal.output.count(CLEAR) == 3  # each run clears the screen and redraws
        terminal.process.send_signal(signal.SIGINT)
        assert terminal.exit_code() == 130
        assert terminal.process.stderr is not None
        assert terminal.process.stderr.read().decode() == "roadmaplint: interrupted\n"
    finally:
        terminal.close()


def test_watch_finds_the_roadmaps_the_named_config_includes(tmp_path: Path) -> None:
    # `check --config ci.toml` reads what ci.toml includes; --watch must watch the same files.
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "road.md").write_text(GOMLX.read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "ci.toml").write_text('include = ["plans/*.md"]\n', encoding="utf-8")
    argv = [sys.executable, "-m", "roadmaplint", "check", "--watch", "--config", "ci.toml"]
    terminal = Terminal(argv, tmp_path)
    try:
        first = latest_report(terminal.wait_for("Watching for file changes.", 1))
        assert "plans/road.md:" in first and "RL306" in first
        terminal.process.send_signal(signal.SIGINT)
        assert terminal.exit_code() == 130
    finally:
        terminal.close()


TASK = """\
---
id: TASK-1
title: Set up
status: {status}
assignee: []
created_date: '2026-12-06 06:40'
labels: []
dependencies: []
---
"""


def test_watch_on_a_task_folder_reports_again_when_a_task_file_or_config_changes(
    tmp_path: Path,
) -> None:
    tasks = tmp_path / "backlog" / "tasks"
    tasks.mkdir(parents=True)
    config = tmp_path / "backlog" / "config.yml"
    config.write_text('statuses: ["To Do", "In Progress", "Done"]\n', encoding="utf-8")
    task = tasks / "task-1 - Set-up.md"
    task.write_text(TASK.format(status="To Do"), encoding="utf-8")
    argv = [sys.executable, "-m", "roadmaplint", "check", "--watch", "backlog"]
    terminal = Terminal(argv, tmp_path)
    try:
        first = latest_report(terminal.wait_for("Watching for file changes.", 1))
        assert "All checks passed" in first, first
        task.write_text(TASK.format(status="Shipped"), encoding="utf-8")
        second = latest_report(terminal.wait_for("Watching for file changes.", 2))
        assert "task-1 - Set-up.md:4:9:" in second and 'has status "Shipped"' in second
        config.write_text('statuses: ["To Do", "Shipped"]\n', encoding="utf-8")
        third = latest_report(terminal.wait_for("Watching for file changes.", 3))
        assert "All checks passed" in third, third
        (tasks / "task-2 - More.md").write_text(
            TASK.format(status="Nope").replace("TASK-1", "TASK-2"), encoding="utf-8"
        )
        fourth = latest_report(terminal.wait_for("Watching for file changes.", 4))
        assert "task-2 - More.md:4:9:" in fourth and 'has status "Nope"' in fourth
        terminal.process.send_signal(signal.SIGINT)
        assert terminal.exit_code() == 130
    finally:
        terminal.close()
