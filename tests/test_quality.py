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
