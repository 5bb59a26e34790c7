"""The code stays as the README promises: ruff-clean, formatted, and mypy --strict clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

# the quick tier (-m "not slow") leaves this file out: mypy --strict over the whole package takes tens of seconds cold
pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent


@pytest.mark.parametrize(
    "command",
    [["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]],
    ids=["ruff-check", "ruff-format", "mypy-strict"],
)
def test_static_checks(command: list[str]) -> None:
    tool = BIN / command[0]
    result = subprocess.run(
        [str(tool) if tool.exists() else command[0], *command[1:]],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_tracked_symlink_leads_out_of_the_repository() -> None:
    """A worktree's link to another checkout's node_modules was once committed: a merge
    then replaced the real, ignored folder with the link, and a clean clone got a link
    to a path that does not exist there."""
    listed = subprocess.run(
        ["git", "ls-files", "-s"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    links = [line.split("\t", 1)[1] for line in listed.splitlines() if line.startswith("120000")]
    leading_out = [
        link for link in links if not (REPO / link).resolve().is_relative_to(REPO.resolve())
    ]
    assert leading_out == []
    assert not [name for name in listed.splitlines() if "node_modules" in name]
