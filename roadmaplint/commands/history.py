"""`roadmaplint diff` and `roadmaplint history`: the roadmap across versions in git."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from roadmaplint.api import roadmap_paths
from roadmaplint.commands.common import EXIT_OK
from roadmaplint.config.cache import SettingsCache
from roadmaplint.config.load import Overrides
from roadmaplint.errors import RoadmapError
from roadmaplint.history import git
from roadmaplint.history.compare import DiffRequest, compute_diffs, load_history
from roadmaplint.history.facts import say_note
from roadmaplint.record import record


def run_diff(
    arguments: Sequence[str],
    files: Sequence[Path],
    output_format: str,
    config: Path | None,
    colour: bool,
    out: TextIO,
) -> int:
    from roadmaplint.report import diff as diffreport

    request = read_diff_arguments(arguments, files)
    roadmaps = [] if request.files is not None else _roadmaps(request.paths, config)
    diffs = compute_diffs(request, roadmaps, SettingsCache(config, Overrides()).for_path)
    if output_format == "json":
        out.write(diffreport.render_json(diffs))
    elif output_format == "markdown":
        out.write(diffreport.render_markdown(diffs))
    else:
        out.write(diffreport.render_text(diffs, colour=colour))
    return EXIT_OK


def _roadmaps(paths: Sequence[Path], config: Path | None) -> list[Path]:
    """The roadmaps a diff compares: the files named, those found in folders named,
    or the default ones."""
    named = [
        found
        for path in paths
        for found in (roadmap_paths([path], config) if path.is_dir() else [path])
    ]
    return _no_task_folder(named or roadmap_paths(None, config), "diff")


def _no_task_folder(paths: list[Path], command: str) -> list[Path]:
    """Refuse a folder of task files: ``diff`` and ``history`` follow one file through
    git, and a task folder's tasks are added, renamed and moved between files."""
    for path in paths:
        if path.is_dir():
            raise RoadmapError(
                f"{path}: {command} follows one roadmap file through git, and a folder of "
                f"task files is many; use git log -p -- {path}"
            )
    return paths


def read_diff_arguments(arguments: Sequence[str], files: Sequence[Path] = ()) -> DiffRequest:
    """``[BASE [HEAD]] [PATH...]`` or ``OLD.md NEW.md``.

    Two existing files are compared as files, and so are any two arguments outside
    git (where no argument names a commit). Otherwise leading arguments that
    name commits (and are not files) are BASE and HEAD, and the rest are paths.
    """
    two = not files and len(arguments) == 2
    if two and all(Path(a).is_file() for a in arguments):
        return DiffRequest(None, None, (), (Path(arguments[0]), Path(arguments[1])))
    revisions: list[str] = []
    rest = list(arguments)
    here = git.worktree_root(Path.cwd())
    if two and here is None:
        # No commit can be named here: they are two files, and reading them says what is wrong.
        return DiffRequest(None, None, (), (Path(arguments[0]), Path(arguments[1])))
    while rest and len(revisions) < 2 and not Path(rest[0]).exists():
        if here is None or git.resolve_commit(here, rest[0]) is None:
            break
        revisions.append(rest.pop(0))
    if here is None and not revisions and len(arguments) != 2:
        raise RoadmapError(
            "not in a git repository; to compare two files: roadmaplint diff OLD.md NEW.md"
        )
    base = revisions[0] if revisions else "HEAD"
    head = revisions[1] if len(revisions) > 1 else None
    paths = (*(Path(argument) for argument in rest), *files)
    return DiffRequest(base, head, paths)


@record
class HistoryOptions:
    item: str | None = None
    format: str = "text"
    stats: bool = False
    chart: Path | None = None
    config: Path | None = None


def read_history_arguments(
    arguments: Sequence[str], files: Sequence[Path], config: Path | None
) -> tuple[str | None, Path]:
    """``[ID] [PATH]``: an argument that names an existing file is the path, else the ID."""
    rest = list(arguments)
    item = rest.pop(0) if rest and not Path(rest[0]).exists() else None
    named = [*(Path(argument) for argument in rest), *files]
    paths = _no_task_folder(roadmap_paths(named or None, config), "history")
    if len(paths) != 1:
        listed = ", ".join(str(path) for path in paths[:3])
        raise RoadmapError(f"history reads one roadmap at a time, not {len(paths)} ({listed})")
    return item, paths[0]


def run_history(
    arguments: Sequence[str],
    files: Sequence[Path],
    options: HistoryOptions,
    out: TextIO,
    err: TextIO,
) -> int:
    from roadmaplint.report import history as historyreport

    item, path = read_history_arguments(arguments, files, options.config)
    item = item or options.item
    settings = SettingsCache(options.config, Overrides()).for_path(path)
    log, versions, history = load_history(path, settings)
    if log.shallow:
        say_note(
            err,
            f"{path}: the clone is shallow; history starts at "
            f"{log.revisions[0].commit[:7]} (git fetch --unshallow for all of it)",
        )
    if options.chart is not None:
        from roadmaplint.history import burnup

        last = versions[-1]
        legend = last.status_legend.values if last.status_legend else ()
        svg = burnup.render(last.title or str(path), history.snapshots, legend, settings.statuses)
        _write_chart(options.chart, svg, path)
        out.write(f"Wrote {options.chart}\n")
        return EXIT_OK
    if options.stats:
        from roadmaplint.history.timeline import done_cycles

        out.write(
            historyreport.render_stats(
                str(path), done_cycles(history, settings.statuses), options.format
            )
        )
        return EXIT_OK
    timelines = history.items
    if item is not None:
        found = history.find(item)
        if found is None:
            raise RoadmapError(f"{path}: no item {item} in any version of the file")
        timelines = (found,)
    if options.format == "json":
        out.write(historyreport.render_json(str(path), history, timelines))
    elif options.format == "markdown":
        out.write(historyreport.render_markdown(timelines))
    else:
        out.write(historyreport.render_text(timelines))
    return EXIT_OK


def _write_chart(target: Path, svg: str, roadmap: Path) -> None:
    from roadmaplint.write.atomic import write_report

    if target.exists() and target.resolve() == roadmap.resolve():
        raise RoadmapError(f"{target}: is the roadmap; give another file for the chart")
    write_report(target, svg, [roadmap])
