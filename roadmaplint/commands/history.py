"""`roadmaplint diff` and `roadmaplint history`: the roadmap across versions in git."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from roadmaplint.commands.common import EXIT_OK, SettingsCache, roadmap_paths
from roadmaplint.config.load import Overrides
from roadmaplint.errors import RoadmapError
from roadmaplint.history import git
from roadmaplint.history.diff import diff_roadmaps
from roadmaplint.history.revisions import (
    FileHistory,
    Located,
    Versions,
    at_version,
    file_history,
    locate,
)
from roadmaplint.model import Roadmap
from roadmaplint.reader.source import read_roadmap
from roadmaplint.report.diff import FileDiff
from roadmaplint.settings import Settings

if TYPE_CHECKING:
    from roadmaplint.findings import Finding
    from roadmaplint.history.timeline import History
    from roadmaplint.rules.base import GitFacts

WORKING_TREE = "working tree"


@dataclass(frozen=True, slots=True)
class DiffRequest:
    """What ``roadmaplint diff`` was asked: two revisions and some roadmaps, or two files."""

    base: str | None  # None with ``files``
    head: str | None  # None: the working tree
    paths: tuple[Path, ...]
    files: tuple[Path, Path] | None = None


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


def _in_git(path: Path) -> Located:
    located = locate(path)
    if located is None:
        raise RoadmapError(
            f"{path}: not in a git repository; to compare two files: roadmaplint diff OLD.md NEW.md"
        )
    return located


def compute_diffs(request: DiffRequest, config: Path | None) -> list[FileDiff]:
    from roadmaplint.reader.pair import parse_two

    settings = SettingsCache(config, Overrides())
    if request.files is not None:
        old_path, new_path = request.files
        old, new = parse_two(
            (read_roadmap(old_path).text, str(old_path), settings.for_path(old_path)),
            (read_roadmap(new_path).text, str(new_path), settings.for_path(new_path)),
        )
        return [FileDiff(str(new_path), str(old_path), str(new_path), diff_roadmaps(old, new))]
    assert request.base is not None
    found: list[FileDiff] = []
    named = [
        found
        for path in request.paths
        for found in (roadmap_paths([path], config) if path.is_dir() else [path])
    ]
    resolved: set[tuple[Path, str]] = set()  # roadmaps in one repository: ask git once
    for path in named or roadmap_paths(None, config):
        located = _in_git(path)
        file_settings = settings.for_path(path)
        for revision in (request.base, request.head):
            if revision is None or (located.repository, revision) in resolved:
                continue
            if git.resolve_commit(located.repository, revision) is None:
                raise RoadmapError(f"{revision}: not a commit in {located.repository.name}")
            resolved.add((located.repository, revision))
        versions = Versions(located.repository, file_settings)
        if request.head is None:
            [old_text] = versions.texts_at([request.base], located.path)
            new_text = read_roadmap(path).text if path.exists() else None
        else:
            old_text, new_text = versions.texts_at([request.base, request.head], located.path)
        if old_text is None and new_text is None:
            raise RoadmapError(
                f"{path}: no such file in {request.base} or in {request.head or WORKING_TREE}"
                " (nor a commit)"
            )
        try:
            old, new = parse_two(
                (old_text or "", str(path), file_settings),
                (new_text or "", str(path), file_settings),
            )
        except RoadmapError as error:
            raise _refused_version(error, path, request, new_text, file_settings) from None
        found.append(
            FileDiff(str(path), request.base, request.head or WORKING_TREE, diff_roadmaps(old, new))
        )
    return found


def _refused_version(
    error: RoadmapError, path: Path, request: DiffRequest, new_text: str | None, settings: Settings
) -> RoadmapError:
    """The reader's refusal, naming the revision whose text it refused (the newer is
    read first); the working tree's text is the file itself."""
    from roadmaplint.reader import parse

    try:
        parse(new_text or "", str(path), settings)
    except RoadmapError:
        return error if request.head is None else at_version(error, str(path), request.head)
    assert request.base is not None
    return at_version(error, str(path), request.base)


def run_diff(
    arguments: Sequence[str],
    files: Sequence[Path],
    output_format: str,
    config: Path | None,
    colour: bool,
    out: TextIO,
) -> int:
    from roadmaplint.report import diff as diffreport

    diffs = compute_diffs(read_diff_arguments(arguments, files), config)
    if output_format == "json":
        out.write(diffreport.render_json(diffs))
    elif output_format == "markdown":
        out.write(diffreport.render_markdown(diffs))
    else:
        out.write(diffreport.render_text(diffs, colour=colour))
    return EXIT_OK


def load_history(path: Path, settings: Settings) -> tuple[FileHistory, list[Roadmap], History]:
    """The file's versions in git, each parsed, and every item's timeline over them."""
    log = file_history(_in_git(path))
    if not log.revisions:
        raise RoadmapError(f"{path}: has no commits yet; commit it to start its history")
    return (log, *_timelines(log, settings))


def _timelines(log: FileHistory, settings: Settings) -> tuple[list[Roadmap], History]:
    """Each version's records (each blob read and parsed once) and the timelines over them."""
    from roadmaplint.history.timeline import Stamp, build_history  # diff does not need it

    roadmaps = Versions(log.repository, settings).roadmaps(
        [revision.blob for revision in log.revisions], log.path
    )
    stamps = [Stamp(r.commit, r.author, r.date, r.subject) for r in log.revisions]
    return roadmaps, build_history(list(zip(stamps, roadmaps, strict=True)), log.shallow)


@dataclass(frozen=True, slots=True)
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
    paths = roadmap_paths(named or None, config)
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
        out.write(f"wrote {options.chart}\n")
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


def say_note(err: TextIO, message: str) -> None:
    err.write(f"roadmaplint: note: {message}\n")


def _write_chart(target: Path, svg: str, roadmap: Path) -> None:
    from roadmaplint.write.atomic import write_report

    if target.exists() and target.resolve() == roadmap.resolve():
        raise RoadmapError(f"{target}: is the roadmap; give another file for the chart")
    write_report(target, svg, [roadmap])


def git_facts(path: Path, settings: Settings, err: TextIO) -> GitFacts | None:
    """What RL505 needs from git, or None with a one-line note when there is no history."""
    from datetime import UTC, datetime

    from roadmaplint.history.timeline import in_progress_since
    from roadmaplint.rules.base import GitFacts

    located = locate(path)
    if located is None:
        say_note(err, f"{path}: not in a git repository; RL505 stale-in-progress needs its history")
        return None
    log = file_history(located)
    if not log.revisions:
        say_note(err, f"{path}: has no commits yet; RL505 stale-in-progress needs its history")
        return None
    _, history = _timelines(log, settings)
    since = in_progress_since(history, settings.statuses)
    return GitFacts(
        {item_id: (stamp.date, stamp.commit) for item_id, stamp in since.items()},
        datetime.now(UTC),
    )


def older_findings(
    path: Path,
    revision: str,
    settings: Settings,
    current: Roadmap,
    facts: GitFacts | None = None,
) -> tuple[list[Finding], dict[str, str]]:
    """The findings of the roadmap at ``revision`` and the item renames since then."""
    from roadmaplint.rules.engine import check_roadmap

    located = _in_git(path)
    if git.resolve_commit(located.repository, revision) is None:
        raise RoadmapError(f"--since {revision}: not a commit in {located.repository.name}")
    older = Versions(located.repository, settings).at(revision, located.path)
    if older is None:
        return [], {}
    renames = diff_roadmaps(older, current).renames
    return check_roadmap(older, settings, facts), renames
