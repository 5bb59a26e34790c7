"""`roadmaplint check --watch`: check, then check again whenever a roadmap or its settings change
(for a task folder, any of its task files or its config.yml).

The folders holding the roadmaps and their configuration files are watched,
not the files themselves, so an editor that saves by writing a new file and
renaming it over the old one is seen like any other save. Each run clears the
terminal and draws the report again, as `ruff check --watch` does; Ctrl-C
stops it like any other run (one line, exit 130).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from roadmaplint.api import roadmap_paths
from roadmaplint.commands.check import CheckOptions, run_check
from roadmaplint.commands.common import EXIT_ERROR, say_error
from roadmaplint.config.load import CONFIG_FILES

INSTALL_HINT = (
    "--watch needs the watch extra's package: "
    "pip install 'watchfiles>=1.0' (in roadmaplint's environment)"
)
CLEAR = "\x1b[2J\x1b[3J\x1b[H"  # clear the screen and its scroll-back, cursor home
CONFIG_NAMES = (*CONFIG_FILES, "pyproject.toml")


def run_watch(paths: Sequence[Path] | None, options: CheckOptions, out: TextIO, err: TextIO) -> int:
    try:
        from watchfiles import watch
    except ImportError:
        say_error(err, INSTALL_HINT)
        return EXIT_ERROR
    config = Path(options.config) if options.config is not None else None
    files = roadmap_paths(paths, config)
    tasks = _task_folders(files)
    folders = [*_folders(files, config), *tasks]
    wanted = {path.resolve() for path in files}
    if config is not None:
        wanted.add(config.resolve())

    def relevant(_change: object, changed: str) -> bool:
        path = Path(changed)
        if path.name in CONFIG_NAMES or path.resolve() in wanted:
            return True
        # a task folder: a task file, or the config.yml that names the statuses
        return path.parent.resolve() in tasks and path.suffix in (".md", ".yml")

    # The watcher starts with the first step of the generator; the first report
    # waits for that (an idle step ends after rust_timeout ms) so that no change
    # made after "Watching for file changes." can be missed.
    started = False
    for changes in watch(
        *folders,
        watch_filter=relevant,
        recursive=False,
        debounce=400,
        rust_timeout=300,
        yield_on_timeout=True,
    ):
        if not started:
            started = True
            _run(files, options, out, err, "Starting roadmaplint in watch mode")
        elif changes:
            _run(files, options, out, err, "File change detected")
    return 0


def _task_folders(files: Sequence[Path]) -> list[Path]:
    """The folders of each task folder among ``files`` (Backlog.md's ``backlog/``): the
    folder, where config.yml is, and its ``tasks/``; each task file is read from there."""
    from roadmaplint.reader.shapes import taskfiles

    found: dict[Path, None] = {}
    for path in files:
        root = taskfiles.detect(path) if path.is_dir() else None
        if root is not None:
            found.setdefault(root.resolve(), None)
            found.setdefault((root / taskfiles.TASKS).resolve(), None)
    return [folder for folder in found if folder.is_dir()]


def _folders(files: Sequence[Path], config: Path | None) -> list[Path]:
    """Each roadmap's folder and every folder above it, where a configuration may appear."""
    folders: dict[Path, None] = {}
    for path in files:
        folder = path.resolve().parent
        for candidate in (folder, *folder.parents):
            folders.setdefault(candidate, None)
    if config is not None:
        folders.setdefault(config.resolve().parent, None)
    return [folder for folder in folders if folder.is_dir()]


def _run(files: Sequence[Path], options: CheckOptions, out: TextIO, err: TextIO, what: str) -> None:
    if _is_terminal(out):
        out.write(CLEAR)
    out.write(f"[{time.strftime('%H:%M:%S')}] {what}...\n\n")
    run_check([str(path) for path in files], options, out, err)
    out.write(f"\n[{time.strftime('%H:%M:%S')}] Watching for file changes.\n")
    out.flush()
    err.flush()


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
