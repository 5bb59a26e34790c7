"""Which roadmap files a run reads, when the command line names none or names a folder.

With no path: ``ROADMAP.md`` in the current folder if it exists, else every
file under the current folder that the configuration's ``include`` globs match
(default ``**/ROADMAP.md``) and its ``exclude`` globs do not. A folder argument
is searched the same way. In a git work tree the candidates are the files git
knows or would add (``git ls-files --cached --others --exclude-standard``), so
.gitignore is honoured as git reads it; elsewhere the folder is walked,
skipping hidden folders and virtual environments. Files named on the command
line are read as given.

Outside a git work tree .gitignore is not read, on purpose: ruff and ripgrep
do the same (ruff tried honouring it there and reverted, because git's global
excludes file then hid files unexpectedly), and reading it as git does would
take a dependency (pathspec) for what ``exclude`` already says.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Sequence
from functools import lru_cache

from roadmaplint.errors import RoadmapError
from roadmaplint.record import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

DEFAULT_NAME = "ROADMAP.md"
# Folders never searched when walking outside git: tools' and package managers' own.
SKIPPED_FOLDERS = frozenset(
    {"node_modules", "venv", "__pycache__", "site-packages", "__pypackages__"}
)


@record
class Globs:
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    source: str  # where they were set, for messages: a config file or "the defaults"


@lru_cache(maxsize=256)
def _compiled(glob: str) -> re.Pattern[str]:
    """A glob as a regular expression over a /-separated relative path.

    ``**`` spans folders, ``*`` and ``?`` stay within one; a glob without a
    ``/`` matches a name at any depth, as in .gitignore.
    """
    if "/" not in glob.rstrip("/"):
        glob = "**/" + glob
    pattern = ""
    index = 0
    while index < len(glob):
        if glob.startswith("**/", index):
            pattern += "(?:[^/]*/)*"
            index += 3
        elif glob.startswith("**", index):
            pattern += ".*"
            index += 2
        elif glob[index] == "*":
            pattern += "[^/]*"
            index += 1
        elif glob[index] == "?":
            pattern += "[^/]"
            index += 1
        else:
            pattern += re.escape(glob[index])
            index += 1
    return re.compile(pattern.rstrip("/"))


def matches(relative: str, globs: Iterable[str]) -> bool:
    return any(_compiled(glob).fullmatch(relative) for glob in globs)


def excluded(relative: str, globs: Sequence[str]) -> bool:
    """Whether the path, or a folder it is in, matches an exclude glob."""
    if not globs:
        return False
    parts = relative.split("/")
    return any(matches("/".join(parts[:end]), globs) for end in range(1, len(parts) + 1))


@record
class Budget:
    """How much a search may look at: file and folder names, and seconds."""

    entries: int
    seconds: float


_UNBOUNDED = Budget(entries=2**62, seconds=float("inf"))


def _git_candidates(folder: Path, budget: Budget) -> tuple[list[str], bool] | None:
    from roadmaplint.history.git import GitError, run_git, worktree_root

    if worktree_root(folder) is None:
        return None
    try:
        out = run_git(
            "ls-files",
            "--cached",
            "--others",
            "--exclude-standard",
            "-z",
            cwd=folder,
            timeout=budget.seconds,
        )
    except GitError:
        return None
    names = sorted({name for name in out.decode("utf-8", "surrogateescape").split("\0") if name})
    return names[: budget.entries], len(names) <= budget.entries


def _walked_candidates(folder: Path, budget: Budget) -> tuple[list[str], bool]:
    from pathlib import Path

    found: list[str] = []
    deadline = time.monotonic() + budget.seconds
    seen = 0
    for top, folders, files in os.walk(folder):
        folders[:] = sorted(
            name for name in folders if not name.startswith(".") and name not in SKIPPED_FOLDERS
        )
        relative_top = Path(top).relative_to(folder).as_posix()
        prefix = "" if relative_top == "." else relative_top + "/"
        found += [prefix + name for name in sorted(files)]
        seen += len(folders) + len(files)
        if seen > budget.entries or time.monotonic() > deadline:
            return found, False
    return found, True


def bounded_search(folder: Path, globs: Globs, budget: Budget) -> tuple[list[Path], bool]:
    """The files under ``folder`` that ``globs`` select, sorted, looking at no more than
    ``budget`` allows; and whether the search was complete."""
    candidates = _git_candidates(folder, budget)
    names, complete = candidates if candidates is not None else _walked_candidates(folder, budget)
    chosen = [
        folder / name
        for name in names
        if matches(name, globs.include) and not excluded(name, globs.exclude)
    ]
    # git lists a file deleted from the work tree but still in the index: skip it.
    return [path for path in chosen if path.is_file()], complete


def search(folder: Path, globs: Globs) -> list[Path]:
    """The files under ``folder`` that ``globs`` select, sorted."""
    return bounded_search(folder, globs, _UNBOUNDED)[0]


# What the search for a rename's other roadmaps may look at: an editor opened on
# `/` or a rename run in a dotfiles repository at the home folder must get its
# answer in about a second, not walk the disk.
RENAME_SEARCH = (20_000, 2.0)  # file and folder names, seconds


def rename_search_root(document: Path, workspace_root: Path | None) -> Path:
    """Where to look for the roadmaps a rename may reach: the git work tree holding the
    document; outside git the workspace root if it holds the document. Never the home
    folder, a folder above it or the file system's root: then only the document's folder.
    """
    from pathlib import Path

    from roadmaplint.history.git import worktree_root

    folder = document.parent.resolve()
    top = worktree_root(folder)
    chosen = top.resolve() if top is not None else None
    if chosen is None and workspace_root is not None and folder.is_relative_to(workspace_root):
        chosen = workspace_root.resolve()
    home = Path.home().resolve()
    too_wide = {home, *home.parents, Path(folder.anchor)}
    if chosen is None or chosen in too_wide:
        return folder
    return chosen


def other_roadmaps(
    document: Path,
    include: Sequence[str],
    exclude: Sequence[str],
    workspace_root: Path | None = None,
    limit: int = 500,
) -> tuple[list[Path], str | None]:
    """The roadmaps a rename of an item of ``document`` may reach (``include`` and
    ``exclude``: the document's configuration), resolved, without ``document``; and a
    warning when the search stopped early. The CLI's ``rename`` and the language server
    both ask here, so they agree about which files a rename changes.

    Bounded: it looks in ``rename_search_root`` only, within ``RENAME_SEARCH``, and keeps
    the first ``limit`` files.
    """
    root = rename_search_root(document, workspace_root)
    entries, seconds = RENAME_SEARCH
    globs = Globs(tuple(include), tuple(exclude), "the configuration")
    found, complete = bounded_search(root, globs, Budget(entries, seconds))
    stopped = (
        None
        if complete
        else f"roadmaplint: the search for other roadmaps under {root} stopped after "
        f"{entries} names or {seconds} s; a rename reaches only the roadmaps found"
    )
    this = document.resolve()
    return [path.resolve() for path in found[:limit] if path.resolve() != this], stopped


def _globs_for(folder: Path, config: str | None) -> Globs:
    from roadmaplint.config.load import find_config, load_settings

    chosen = config or find_config(folder / DEFAULT_NAME)
    settings = load_settings(chosen)
    return Globs(settings.include, settings.exclude, chosen or "the defaults")


def _nothing_found(folder: Path, globs: Globs, default_looked: bool) -> RoadmapError:
    where = folder.resolve()
    looked = f"no {DEFAULT_NAME} in {where}, and " if default_looked else ""
    spelled = ", ".join(globs.include)
    skipped = f" (exclude {', '.join(globs.exclude)})" if globs.exclude else ""
    return RoadmapError(
        f"no roadmap found: {looked}no file under {where} matches include {spelled}{skipped}, "
        f"from {globs.source}; name the file (roadmaplint check docs/{DEFAULT_NAME}), or set "
        "include in .roadmaplint.toml or [tool.roadmaplint], or run `roadmaplint init`"
    )


def _with_task_folder(folder: Path, found: list[Path], named: bool = False) -> list[Path]:
    """``found`` and the task folder (``backlog/``) ``folder`` holds, if any; a file
    inside that folder is read as one of its tasks, never as a roadmap of its own.
    ``named``: the folder was named on the command line, and may be a folder of task
    files that is not Backlog.md's (no config.yml; read by its files' keys)."""
    from roadmaplint.reader.shapes.taskfiles import detect, keyed_root

    root = detect(folder)
    if root is None and named and (keyed := keyed_root(folder)) is not None:
        return [path for path in found if path.parent != keyed] + [keyed]
    if root is None:
        return found
    return [path for path in found if not path.is_relative_to(root)] + [root]


def roadmap_files(paths: Sequence[Path] | None, config: Path | None = None) -> list[Path]:
    """The roadmaps a command reads: files as named, folders searched (a task folder is
    one roadmap), or the default."""
    from pathlib import Path

    named = [str(path) for path in paths] if paths else None
    chosen = str(config) if config is not None else None
    return [Path(name) for name in roadmap_names(named, chosen)]


def roadmap_names(paths: Sequence[str] | None, config: str | None = None) -> list[str]:
    """``roadmap_files`` for paths spelt as strings (as pathlib spells them): a check
    that names its files imports no pathlib (PERF-18); a folder searched does."""
    if not paths:
        if os.path.isfile(DEFAULT_NAME):
            return [DEFAULT_NAME]
        return _searched(".", config, default_looked=True)
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            files += _searched(path, config, default_looked=False)
        else:
            files.append(path)
    unique: dict[str, str] = {}  # once each, as pathlib's paths compare (on Windows: any case)
    for name in files:
        unique.setdefault(os.path.normcase(name), name)
    return list(unique.values())


def _searched(name: str, config: str | None, default_looked: bool) -> list[str]:
    from pathlib import Path

    folder = Path(name)
    globs = _globs_for(folder, config)
    found = _with_task_folder(folder, search(folder, globs), named=not default_looked)
    if not found:
        raise _nothing_found(folder, globs, default_looked)
    return [str(path) for path in found]
