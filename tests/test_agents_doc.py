"""docs/agents.md: the post-edit hook snippets run as an agent tool runs them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from conftest import GOMLX, REPO, installed_command

DOC = REPO / "docs" / "agents.md"


def _snippet(name: str) -> str:
    found = re.search(
        rf"<!-- snippet: {name} -->\n```\w*\n(?P<body>.*?)```\n", DOC.read_text("utf-8"), re.S
    )
    assert found, name
    return found["body"]


def _shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command through sh, as hooks run it, with the installed roadmaplint on PATH."""
    folder = str(Path(installed_command()).parent)
    env = {**os.environ, "PATH": folder + os.pathsep + os.environ.get("PATH", ""), "NO_COLOR": "1"}
    return subprocess.run(
        ["sh", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def _projects(tmp_path: Path) -> tuple[Path, Path]:
    clean, broken = tmp_path / "clean", tmp_path / "broken"
    for folder in (clean, broken):
        folder.mkdir()
    shutil.copy(GOMLX, clean / "ROADMAP.md")
    assert _shell("roadmaplint fix", clean).returncode == 0
    text = (clean / "ROADMAP.md").read_text("utf-8")
    (broken / "ROADMAP.md").write_text(text.replace("**Status:** ready", "**Status:** redy", 1))
    return clean, broken


def test_the_claude_code_hook_passes_a_clean_roadmap_and_feeds_findings_back(
    tmp_path: Path,
) -> None:
    settings = json.loads(_snippet("claude-settings"))
    (entry,) = settings["hooks"]["PostToolUse"]
    assert entry["matcher"] == "Edit|MultiEdit|Write"
    (hook,) = entry["hooks"]
    clean, broken = _projects(tmp_path)
    passed = _shell(hook["command"], clean)
    assert passed.returncode == 0, passed.stderr
    failed = _shell(hook["command"], broken)
    # exit 2 makes Claude Code show stderr to the agent
    assert failed.returncode == 2
    assert "RL201" in failed.stderr and "ROADMAP.md:" in failed.stderr


def test_the_generic_line_fails_on_a_broken_roadmap(tmp_path: Path) -> None:
    command = _snippet("generic").strip()
    clean, broken = _projects(tmp_path)
    assert _shell(command, clean).returncode == 0
    failed = _shell(command, broken)
    assert failed.returncode == 1
    assert "RL201" in failed.stdout
