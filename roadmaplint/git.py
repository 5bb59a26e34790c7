"""Running git: the one place that starts a git process.

Callers ask ``run_git`` for a command's output and never build subprocess
calls themselves (pre-commit's git.py is the model). Failures, including a
machine without git, are GitErrors: one line the CLI can show.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from roadmaplint.errors import RoadmapError


class GitError(RoadmapError):
    """git is missing, or a git command failed; the message is git's own first line."""


# Variables that point git at another repository or index: a hook may run us with
# them set for its own repository (pre-commit does); the folder we ask about decides.
_REDIRECTS = frozenset(
    {
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_COMMON_DIR",
        "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_PREFIX",
    }
)


def _environment() -> dict[str, str]:
    kept = {key: value for key, value in os.environ.items() if key not in _REDIRECTS}
    return kept | {"LC_ALL": "C"}  # messages in one language, as callers may read them


def run_git(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> bytes:
    """What ``git ARGS`` prints on stdout, run in ``cwd``; GitError if it fails."""
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            env=_environment(),
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)") from None
    except OSError as error:
        raise GitError(f"cannot run git: {error.strerror or error}") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        first = said[0] if said else f"exit code {done.returncode}"
        raise GitError(f"git {args[0] if args else ''}: {first}")
    return done.stdout


def worktree_root(folder: Path) -> Path | None:
    """The top folder of the git work tree holding ``folder``, or None outside one."""
    try:
        out = run_git("rev-parse", "--show-toplevel", cwd=folder)
    except GitError:
        return None
    return Path(out.decode("utf-8", "surrogateescape").strip())
