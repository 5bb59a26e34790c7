"""Running git: the one place that starts a git process.

Callers ask ``run_git`` for a command's output and never build subprocess
calls themselves (pre-commit's git.py is the model). Failures, including a
machine without git, are GitErrors: one line the CLI can show.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
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


def text(*args: str, cwd: Path) -> str:
    """``run_git`` decoded as UTF-8."""
    return run_git(*args, cwd=cwd).decode("utf-8", "replace")


def is_shallow(repository: Path) -> bool:
    return text("rev-parse", "--is-shallow-repository", cwd=repository).strip() == "true"


def resolve_commit(repository: Path, revision: str) -> str | None:
    """The full hash of the commit ``revision`` names, or None if it names none."""
    if revision.startswith("-"):
        return None
    try:
        found = text("rev-parse", "--verify", "--quiet", revision + "^{commit}", cwd=repository)
    except GitError:
        return None
    return found.strip() or None


@dataclass(frozen=True, slots=True)
class Blob:
    hash: str
    data: bytes


def read_objects(repository: Path, names: Iterable[str]) -> dict[str, Blob | None]:
    """Each file object (``HASH`` or ``REV:PATH``); None for one missing or not a file.

    One ``git cat-file --batch`` process reads them all.
    """
    wanted = list(dict.fromkeys(names))
    if not wanted:
        return {}
    if any("\n" in name for name in wanted):
        raise GitError("an object name cannot contain a line break")
    output = run_git(
        "cat-file", "--batch", cwd=repository, stdin="".join(f"{n}\n" for n in wanted).encode()
    )
    found: dict[str, Blob | None] = {}
    offset = 0
    for name in wanted:
        end = output.index(b"\n", offset)
        header = output[offset:end].split()
        offset = end + 1
        if len(header) != 3:  # "<name> missing" or "<name> ambiguous"
            found[name] = None
            continue
        size = int(header[2])
        is_file = header[1] == b"blob"
        found[name] = Blob(header[0].decode(), output[offset : offset + size]) if is_file else None
        offset += size + 1
    return found


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
        out = run_git(
            "status", "--porcelain=v2", "--branch", "--", resolved.name, cwd=resolved.parent
        )
    except GitError:
        return None
    sha = ""
    modified = False
    for line in out.decode("utf-8", "surrogateescape").splitlines():
        if line.startswith("# branch.oid "):
            sha = line.removeprefix("# branch.oid ").strip()
        elif line and not line.startswith("#"):
            modified = True
    if len(sha) < 7 or not all(c in "0123456789abcdef" for c in sha):
        return None  # "(initial)": a repository with no commit yet
    return Commit(sha, sha[:7], modified)
