"""The roadmap across versions in git: two versions compared, or every version read."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from roadmaplint.errors import RoadmapError
from roadmaplint.history import git
from roadmaplint.history.diff import FileDiff, diff_roadmaps
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
from roadmaplint.record import record
from roadmaplint.settings import Settings

if TYPE_CHECKING:
    from roadmaplint.history.timeline import History


WORKING_TREE = "working tree"


@record
class DiffRequest:
    """What ``roadmaplint diff`` was asked: two revisions and some roadmaps, or two files."""

    base: str | None  # None with ``files``
    head: str | None  # None: the working tree
    paths: tuple[Path, ...]
    files: tuple[Path, Path] | None = None


def in_git(path: Path) -> Located:
    located = locate(path)
    if located is None:
        raise RoadmapError(
            f"{path}: not in a git repository; to compare two files: roadmaplint diff OLD.md NEW.md"
        )
    return located


def compute_diffs(
    request: DiffRequest, roadmaps: Sequence[Path], settings_for: Callable[[Path], Settings]
) -> list[FileDiff]:
    """Each roadmap compared between the request's two versions (``roadmaps``: the files
    named or found, for revisions), or the request's two files."""
    from roadmaplint.reader.pair import parse_two

    if request.files is not None:
        old_path, new_path = request.files
        old, new = parse_two(
            (read_roadmap(old_path).text, str(old_path), settings_for(old_path)),
            (read_roadmap(new_path).text, str(new_path), settings_for(new_path)),
        )
        return [FileDiff(str(new_path), str(old_path), str(new_path), diff_roadmaps(old, new))]
    assert request.base is not None
    found: list[FileDiff] = []
    resolved: set[tuple[Path, str]] = set()  # roadmaps in one repository: ask git once
    for path in roadmaps:
        located = in_git(path)
        file_settings = settings_for(path)
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


def load_history(path: Path, settings: Settings) -> tuple[FileHistory, list[Roadmap], History]:
    """The file's versions in git, each parsed, and every item's timeline over them."""
    log = file_history(in_git(path))
    if not log.revisions:
        raise RoadmapError(f"{path}: has no commits yet; commit it to start its history")
    return (log, *timelines(log, settings))


def timelines(log: FileHistory, settings: Settings) -> tuple[list[Roadmap], History]:
    """Each version's records (each blob read and parsed once) and the timelines over them."""
    from roadmaplint.history.timeline import Stamp, build_history  # diff does not need it

    roadmaps = Versions(log.repository, settings, past_unreadable=True).roadmaps(
        [revision.blob for revision in log.revisions], log.path
    )
    stamps = [Stamp(r.commit, r.author, r.date, r.subject) for r in log.revisions]
    return roadmaps, build_history(list(zip(stamps, roadmaps, strict=True)), log.shallow)
