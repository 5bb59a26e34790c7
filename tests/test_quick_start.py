"""The README's quick start works as written: init, check, the pre-commit snippet, the Action's.

The pre-commit snippet runs with the real pre-commit against a clone of this repository
tagged as the README says, in a fresh git repository of a "user".
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO, installed_command, run

from roadmaplint import __version__

# the quick tier (-m "not slow") leaves this file out: it runs pre-commit on the installed command
pytestmark = pytest.mark.slow

README = (REPO / "README.md").read_text(encoding="utf-8")
PLACEHOLDER = "https://github.com/<owner>/roadmaplint"


def snippet(after: str, language: str = "yaml") -> str:
    start = README.index(after)
    match = re.compile(rf"```{language}\n(.*?)```\n", re.S).search(README, start)
    assert match, after
    return match[1]


def test_the_readme_pins_a_commit_not_a_tag_that_does_not_exist() -> None:
    """No release tag exists yet: every pin in the README is a commit SHA to fill in."""
    sha = "<commit-sha>"
    assert f"rev: {sha}" in snippet("### In pre-commit")
    assert f"uses: <owner>/roadmaplint@{sha}" in snippet("### In GitHub Actions")
    assert f"pipx install 'git+{PLACEHOLDER}@{sha}'" in README
    assert f"v{__version__}" not in README


def test_the_action_snippet_uses_the_actions_real_inputs() -> None:
    workflow = yaml.safe_load(snippet("### In GitHub Actions"))
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    step = workflow["jobs"]["roadmaplint"]["steps"][1]
    assert set(step["with"]) <= set(action["inputs"])


def test_quick_start_with_the_pre_commit_snippet(tmp_path: Path) -> None:
    bin_folder = str(Path(installed_command()).parent)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env["PATH"] = bin_folder + os.pathsep + env.get("PATH", "")
    env.pop("GITHUB_STEP_SUMMARY", None)
    clone = tmp_path / "roadmaplint"
    assert run("git", "clone", "-q", str(REPO), str(clone), cwd=tmp_path).returncode == 0
    # the commit SHA the snippet asks for: the clone's HEAD
    sha = run("git", "rev-parse", "HEAD", cwd=clone).stdout.strip()

    user = tmp_path / "user"
    user.mkdir()
    run("git", "init", "-q", cwd=user)
    made = run("roadmaplint", "init", cwd=user, env=env)
    assert made.returncode == 0, made.stderr
    assert run("roadmaplint", "check", "--strict", cwd=user, env=env).returncode == 0
    config = snippet("### In pre-commit").replace(PLACEHOLDER, str(clone))
    config = config.replace("<commit-sha>", sha)
    (user / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    run("git", "add", ".", cwd=user)
    pre_commit = str(Path(bin_folder) / "pre-commit")
    passed = run(pre_commit, "run", "--all-files", cwd=user, env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr

    roadmap = (user / "ROADMAP.md").read_text(encoding="utf-8")
    (user / "ROADMAP.md").write_text(roadmap.replace("**Status:** ready", "**Status:** redy", 1))
    run("git", "add", ".", cwd=user)
    failed = run(pre_commit, "run", "--all-files", cwd=user, env=env)
    assert failed.returncode == 1
    assert "error: RL201 " in failed.stdout and 'has status "redy"' in failed.stdout
