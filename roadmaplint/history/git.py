"""Running git: the one place that starts a git process.

Callers ask ``run_git`` for a command's output and never build subprocess
calls themselves (pre-commit's git.py is the model). Failures, including a
machine without git, are GitErrors: one line the CLI can show.

A repository is input, and its ``.git/config`` can name programs that git runs
(fsmonitor, pagers, signature programs, external diffs, textconv, clean and
smudge filters, hooks, credential helpers, ``core.sshCommand``). roadmaplint runs
on repositories it did not write (CI on pull requests, editors opening an
unpacked folder), so every git command line is built here with ``HARDENING``
first: settings given with ``-c`` outrank every configuration file, so none of
those programs is named by the repository any more. On top of that, we only run
commands that read (``rev-parse``, ``ls-files``, ``log``, ``cat-file``): none of
them runs hooks (only commands that commit, check out, merge or push do), none
writes the index (``--no-optional-locks``), none asks for a patch (so no diff
driver or textconv), none hashes a work tree file (so no clean filter: this is
why the board compares the file's bytes with the committed blob itself rather
than asking ``git status``), and none is an alias (a builtin's name always wins
over ``alias.*``). The system and global configuration are left alone: they are
the machine's and the user's, not the repository's.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

from roadmaplint.errors import RoadmapError
from roadmaplint.record import record


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


# Each setting a repository could use to name a program git runs, set here to
# none (or to a program that exists everywhere and does nothing).
_SETTINGS = (
    "core.fsmonitor=false",  # ls-files and status would run the repository's monitor
    "core.untrackedCache=false",
    f"core.hooksPath={os.devnull}",  # no hook can be found there
    "core.pager=cat",
    "diff.external=",
    "gpg.program=false",
    "gpg.openpgp.program=false",
    "gpg.x509.program=false",
    "gpg.ssh.program=false",
    "log.showSignature=false",
    "core.sshCommand=false",
    "core.askPass=false",
    "core.gitProxy=false",
    "credential.helper=",  # an empty value empties the list of helpers
    "protocol.allow=never",  # no transport at all: no lazy fetch of a missing object
    "gc.auto=0",
    "maintenance.auto=false",
)
HARDENING = (
    "--no-pager",
    "--no-optional-locks",
    *(part for setting in _SETTINGS for part in ("-c", setting)),
)

# Options each command we run takes against the same programs, after its name.
_COMMAND_OPTIONS = {
    "log": ("--no-show-signature", "--no-ext-diff", "--no-textconv"),
    "diff": ("--no-ext-diff", "--no-textconv"),
}


def _environment() -> dict[str, str]:
    kept = {key: value for key, value in os.environ.items() if key not in _REDIRECTS}
    kept.pop("GIT_EXTERNAL_DIFF", None)
    return kept | {
        "LC_ALL": "C",  # messages in one language, as callers may read them
        "GIT_PAGER": "cat",
        "PAGER": "cat",
        "GIT_TERMINAL_PROMPT": "0",  # never wait for a password
        "GIT_NO_LAZY_FETCH": "1",  # a partial clone's missing object stays missing
        "GIT_OPTIONAL_LOCKS": "0",
    }


def command_line(*args: str) -> list[str]:
    """The full git command line for ``git ARGS``, with the hardening given once."""
    if not args:
        return ["git", *HARDENING]
    name, *rest = args
    return ["git", *HARDENING, name, *_COMMAND_OPTIONS.get(name, ()), *rest]


def run_git(
    *args: str, cwd: Path | None = None, stdin: bytes | None = None, timeout: float | None = None
) -> bytes:
    """What ``git ARGS`` prints on stdout, run in ``cwd``; GitError if it fails or takes
    longer than ``timeout`` seconds."""
    try:
        done = subprocess.run(
            command_line(*args),
            cwd=cwd,
            input=stdin,
            capture_output=True,
            env=_environment(),
            check=False,
            timeout=None if timeout == float("inf") else timeout,
        )
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0] if args else ''}: took longer than {timeout} s") from None
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


@record
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
        # "<hash> <type> <size>", or "<name> missing" / "<name> ambiguous": a name
        # holding a space ("HEAD:my plan.md missing") splits into three words too.
        if len(header) != 3 or not header[2].isdigit():
            found[name] = None
            continue
        size = int(header[2])
        is_file = header[1] == b"blob"
        found[name] = Blob(header[0].decode(), output[offset : offset + size]) if is_file else None
        offset += size + 1
    return found


def staged_rename_source(repository: Path, commit: str, relative: str) -> str | None:
    """The path ``relative`` had at ``commit`` when the index holds it renamed (``git
    mv``, or a delete and an add git pairs by content); None when it is no rename.

    Compares the commit's tree with the index only: blobs, no work-tree file, so no
    filter runs."""
    output = run_git("diff", "--cached", "--name-status", "-M", "-z", commit, "--", cwd=repository)
    fields = output.split(b"\0")
    at = 0
    while at < len(fields) - 1:
        status = fields[at]
        if status[:1] in (b"R", b"C"):
            old, new = fields[at + 1], fields[at + 2]
            if status[:1] == b"R" and new.decode("utf-8", "surrogateescape") == relative:
                return old.decode("utf-8", "surrogateescape")
            at += 3
        else:
            at += 2
    return None


@record
class Commit:
    sha: str
    short: str
    modified: bool  # the file differs from this commit (changed, or not committed at all)


def commit_of(path: Path) -> Commit | None:
    """The commit checked out where a file lives, or None outside a git work tree.

    ``modified`` compares the file's bytes (line endings aside, as git's autocrlf
    may change them) with the blob the commit holds at its path. Not ``git
    status`` or ``diff``: they hash work tree files through the repository's
    clean filters and ask its fsmonitor, programs a repository names.
    """
    resolved = path.resolve()
    top = worktree_root(resolved.parent)
    if top is None:
        return None
    sha = resolve_commit(top, "HEAD")
    if sha is None:
        return None  # a repository with no commit yet
    try:
        relative = resolved.relative_to(top.resolve()).as_posix()
        committed = read_objects(top, [f"{sha}:{relative}"])[f"{sha}:{relative}"]
        here = resolved.read_bytes()
    except (ValueError, OSError, GitError):
        committed, here = None, b""
    same = committed is not None and _lines(committed.data) == _lines(here)
    return Commit(sha, sha[:7], not same)


def _lines(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n")
