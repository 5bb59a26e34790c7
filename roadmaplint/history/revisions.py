"""A roadmap's versions in git: its commits (following renames) and their parsed records.

The git side of ``diff``, ``history``, ``check --since`` and RL505. It asks
``roadmaplint.history.git`` for two things only: ``git log --follow`` of the file
(with each commit's blob hash) and the blobs' contents through one
``git cat-file --batch``. Each distinct blob is parsed once, reusing what
reading the version before it found for the lines the two share.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from roadmaplint.errors import RoadmapError
from roadmaplint.history import git
from roadmaplint.model import Roadmap
from roadmaplint.reader import Neighbour, parse_reusing
from roadmaplint.reader.source import decode
from roadmaplint.record import record
from roadmaplint.settings import Settings

_DELETED = "0" * 40


@record
class Revision:
    """One commit that changed the roadmap, and the file as that commit left it."""

    commit: str
    author: str
    date: datetime
    subject: str
    path: str  # the file's path in the repository at this commit
    blob: str


@record
class FileHistory:
    """The versions of one roadmap, oldest first."""

    repository: Path
    path: str  # the file's path in the repository now
    revisions: tuple[Revision, ...]
    shallow: bool  # the clone's history is cut short: the first version is not the first


@record
class Located:
    repository: Path
    path: str  # relative to the repository's top, with forward slashes


def locate(path: Path) -> Located | None:
    """Where ``path`` sits in a git work tree, or None if it is in none (or git is missing)."""
    folder = path.parent.resolve() if path.parent.exists() else None
    if folder is None:
        return None
    top = git.worktree_root(folder)
    if top is None:
        return None
    try:
        relative = (folder / path.name).relative_to(top.resolve())
    except ValueError:
        return None
    return Located(top, relative.as_posix())


def file_history(located: Located) -> FileHistory:
    """``git log --follow`` of the file along the first-parent line, oldest first."""
    output = git.run_git(
        "log",
        "--follow",
        "--first-parent",
        "--diff-merges=first-parent",
        "--raw",
        "--no-abbrev",
        "-z",
        "--format=%x01%H%x00%an%x00%aI%x00%s",
        "--",
        located.path,
        cwd=located.repository,
    )
    revisions = [revision for chunk in output.split(b"\x01")[1:] if (revision := _revision(chunk))]
    revisions.reverse()
    return FileHistory(
        located.repository, located.path, tuple(revisions), git.is_shallow(located.repository)
    )


def _revision(chunk: bytes) -> Revision | None:
    fields = chunk.split(b"\0")
    if len(fields) < 6:
        return None  # a commit with no change to the file (git log lists merges so)
    commit, author, date, subject, raw, *paths = (f.decode("utf-8", "replace") for f in fields)
    blob = raw.split()[3] if len(raw.split()) >= 5 else _DELETED
    if blob == _DELETED:
        return None
    status = raw.split()[4]
    path = paths[1] if status.startswith(("R", "C")) and len(paths) > 1 else paths[0]
    return Revision(
        commit=commit.strip(),
        author=author,
        date=datetime.fromisoformat(date),
        subject=subject,
        path=path,
        blob=blob,
    )


class Versions:
    """Parsed versions of roadmaps in one repository, each blob read and parsed once."""

    def __init__(self, repository: Path, settings: Settings, past_unreadable: bool = False) -> None:
        """``past_unreadable``: a version that cannot be read as text (binary, UTF-16) is
        read as no items, as one that was a symlink is, not the end of the reading (a
        timeline reads past it; a diff of that version refuses it)."""
        self.repository = repository
        self.settings = settings
        self.past_unreadable = past_unreadable
        self._parsed: dict[str, Roadmap] = {}
        self._last: Neighbour | None = None  # what reading the last blob left for the next

    def roadmaps(self, blobs: Sequence[str], path: str) -> list[Roadmap]:
        """The records of each blob, in order; one cat-file process for all new ones."""
        missing = [blob for blob in dict.fromkeys(blobs) if blob not in self._parsed]
        for name, found in git.read_objects(self.repository, missing).items():
            if found is None:
                raise git.GitError(f"{path}: git has no object {name}")
            self._parse(found, path)
        return [self._parsed[blob] for blob in blobs]

    def _parse(self, blob: git.Blob, path: str) -> Roadmap:
        if blob.hash not in self._parsed:
            try:
                text = _text(blob.data, f"{path}@{blob.hash[:7]}")
            except RoadmapError:
                if not self.past_unreadable:
                    raise
                text = ""
            source, self._last = self._last, None  # spent even when the read fails
            try:
                roadmap, self._last = parse_reusing(text, path, self.settings, source)
            except RoadmapError as error:
                raise at_version(error, path, blob.hash[:7]) from None
            self._parsed[blob.hash] = roadmap
        return self._parsed[blob.hash]

    def texts_at(self, revisions: Sequence[str], path: str) -> list[str | None]:
        """The text of ``path`` at each revision (None where it is not); one cat-file."""
        names = [f"{revision}:{path}" for revision in revisions]
        found = git.read_objects(self.repository, names)
        return [
            None if blob is None else _text(blob.data, f"{path}@{name.partition(':')[0]}")
            for name, blob in ((name, found[name]) for name in names)
        ]

    def at(self, revision: str, path: str) -> Roadmap | None:
        """The records of ``path`` at ``revision``, or None if the file is not there."""
        name = f"{revision}:{path}"
        found = git.read_objects(self.repository, [name])[name]
        return None if found is None else self._parse(found, path)


def at_version(error: RoadmapError, path: str, version: str) -> RoadmapError:
    """``error``, read from ``path`` as it was at ``version``, saying so: its lines are
    that version's, not the file's as it stands."""
    message = str(error)
    if message.startswith(f"{path}:"):
        return RoadmapError(f"{path}@{version}:{message[len(path) + 1 :]}")
    return RoadmapError(f"{path}@{version}: {message}")


def _text(data: bytes, name: str) -> str:
    """A version's text; a version that was committed empty is a roadmap without items."""
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        return ""
    return decode(data, name)
