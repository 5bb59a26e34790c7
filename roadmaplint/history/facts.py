"""What git says for the rules: since when items are in progress; an older version's findings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from roadmaplint.errors import RoadmapError
from roadmaplint.history import git
from roadmaplint.history.compare import in_git, timelines
from roadmaplint.history.diff import diff_roadmaps
from roadmaplint.history.revisions import Versions, file_history, locate
from roadmaplint.model import Roadmap
from roadmaplint.settings import Settings

if TYPE_CHECKING:
    from roadmaplint.findings import Finding
    from roadmaplint.index import GitFacts


def say_note(err: TextIO, message: str) -> None:
    err.write(f"roadmaplint: note: {message}\n")


def git_facts(path: Path, settings: Settings, err: TextIO) -> GitFacts | None:
    """What RL505 needs from git, or None with a one-line note when there is no history."""
    from datetime import UTC, datetime

    from roadmaplint.history.timeline import in_progress_since
    from roadmaplint.index import GitFacts

    located = locate(path)
    if located is None:
        say_note(err, f"{path}: not in a git repository; RL505 stale-in-progress needs its history")
        return None
    log = file_history(located)
    if not log.revisions:
        say_note(err, f"{path}: has no commits yet; RL505 stale-in-progress needs its history")
        return None
    _, history = timelines(log, settings)
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

    located = in_git(path)
    if git.resolve_commit(located.repository, revision) is None:
        raise RoadmapError(f"--since {revision}: not a commit in {located.repository.name}")
    older = Versions(located.repository, settings).at(revision, located.path)
    if older is None:
        return [], {}
    renames = diff_roadmaps(older, current).renames
    return check_roadmap(older, settings, facts), renames
