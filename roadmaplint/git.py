"""Running git: one helper that runs a git command and returns its output.

Callers never build subprocess calls themselves. Git is run as the ``git``
command (no library), with a fixed locale, no pager and no prompts, so its
output can be read by code.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from roadmaplint.errors import RoadmapError


class GitError(RoadmapError):
    """git is missing, or a git command failed; the message is git's first line."""


def _environment() -> dict[str, str]:
    environment = dict(os.environ)
    environment.update(
        {"LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "GIT_OPTIONAL_LOCKS": "0"}
    )
    return environment


def git(*args: str, cwd: Path | str) -> str:
    """The standard output of ``git ARGS`` run in ``cwd``; GitError when it fails."""
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=_environment(),
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)") from None
    except OSError as error:
        raise GitError(f"cannot run git in {cwd}: {error.strerror or error}") from None
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        first = lines[0] if lines else f"exit code {done.returncode}"
        raise GitError(f"git {args[0] if args else ''}: {first}")
    return done.stdout


@dataclass(frozen=True, slots=True)
class Commit:
    sha: str
    short: str
    modified: bool  # the file differs from this commit (changed, or not committed at all)


def commit_of(path: Path) -> Commit | None:
    """The commit checked out where a file lives, or None outside a git work tree.

    One git run: ``status --porcelain=v2 --branch`` names the commit and whether
    the file differs from it.
    """
    resolved = path.resolve()
    try:
        status = git(
            "status", "--porcelain=v2", "--branch", "--", resolved.name, cwd=resolved.parent
        )
    except GitError:
        return None
    sha = ""
    modified = False
    for line in status.splitlines():
        if line.startswith("# branch.oid "):
            sha = line.removeprefix("# branch.oid ").strip()
        elif line and not line.startswith("#"):
            modified = True
    if len(sha) < 7 or not all(c in "0123456789abcdef" for c in sha):
        return None  # "(initial)": a repository with no commit yet
    return Commit(sha, sha[:7], modified)
