"""A rename across files: every roadmap it reaches locked, renamed, regenerated, proved,
and only then written.

The CLI's ``rename`` and the MCP server's ``rename_item`` both call ``rename_in_files``,
so they change the same files the same way; the language server sends the edits of
``rename_everywhere`` to the editor instead.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from roadmaplint.edit.rename import Rename, rename_everywhere
from roadmaplint.errors import RoadmapError
from roadmaplint.generate.fix import regenerate_after_edit
from roadmaplint.model import Roadmap
from roadmaplint.reader import parse
from roadmaplint.settings import Settings
from roadmaplint.write.atomic import Pending, editing


@dataclass(frozen=True, slots=True)
class Rewritten:
    """One file of a rename: its path as the caller named it, its text before and after."""

    path: Path
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class FilesRenamed:
    rename: Rename
    files: tuple[Rewritten, ...]  # the other roadmaps it changes, then the renamed one


def rename_in_files(
    target: Path,
    others: Sequence[Path],
    old: str,
    new: str,
    settings_for: Callable[[Path], Settings],
    *,
    write: bool = True,
    may_write: Callable[[Path], None] | None = None,
) -> FilesRenamed:
    """Rename ``old`` to ``new`` in ``target`` and in the ``path#OLD`` dependencies of
    ``others`` on it; the generated sections brought up to date where the rename reaches.

    With ``write``, every file is locked before it is read and all are written once
    every new text is proved and regenerated: a refusal anywhere writes nothing. Without
    it nothing is locked or written (a dry run). ``may_write`` is asked about each file
    the rename would change before any is written, and refuses by raising (the MCP
    server's check that a file does not link out of the folder it serves).
    """
    with contextlib.ExitStack() as stack:
        pending = stack.enter_context(editing(target, lock=write))
        settings = settings_for(pending.source.path)
        roadmap = parse(pending.source.text, str(pending.source.path), settings)
        loaded: dict[str, tuple[Pending, Roadmap, Settings]] = {}
        for other in _distinct(target, others):
            other_pending = stack.enter_context(editing(other, lock=write))
            other_settings = settings_for(other_pending.source.path)
            other_roadmap = parse(
                other_pending.source.text, str(other_pending.source.path), other_settings
            )
            loaded[os.path.realpath(other)] = (other_pending, other_roadmap, other_settings)
        done = rename_everywhere(
            roadmap, old, new, settings, [(one, chosen) for _, one, chosen in loaded.values()]
        )
        writes = []
        for changed in done.others:
            other_pending, other_roadmap, other_settings = loaded[
                os.path.realpath(changed.roadmap.path)
            ]
            after = _regenerated(other_roadmap, changed.text, other_settings, ())
            writes.append((other_pending, after))
        # the dependents' entries read the same: their IDs did not change
        after = _regenerated(roadmap, done.renamed.text, settings, {new}, {old: new})
        writes.append((pending, after))
        if may_write is not None:
            for one, text in writes:
                if text != one.source.text:
                    may_write(one.source.path)
        if write:
            for one, text in writes:
                if text != one.source.text:
                    one.write(text)
        files = tuple(Rewritten(one.source.path, one.source.text, text) for one, text in writes)
        return FilesRenamed(done, files)


def _distinct(target: Path, others: Sequence[Path]) -> list[Path]:
    """``others`` without the target and each file once, however many paths (symlinks)
    name it: locking one file twice would wait on its own lock."""
    seen = {os.path.realpath(target)}
    distinct = []
    for other in others:
        real = os.path.realpath(other)
        if real not in seen:
            seen.add(real)
            distinct.append(other)
    return distinct


def _regenerated(
    before: Roadmap,
    text: str,
    settings: Settings,
    touched: Collection[str],
    renamed: Mapping[str, str] | None = None,
) -> str:
    """The generated sections put right for what the rename ``touched``; earlier
    staleness and a stray list (RL108) are left for ``fix``."""
    regenerated = regenerate_after_edit(before, text, settings, touched, renamed)
    if regenerated.refused:
        raise RoadmapError(f"{before.path}: {regenerated.refused}")
    return regenerated.text
