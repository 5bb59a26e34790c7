"""`set`, `new`, `rename` and `init`: changing the roadmap, always through the safe write path.

Like ``fix --diff``, ``--dry-run`` exits 1 when the command would change the
file and 0 when it would not.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import TextIO

from roadmaplint.commands.common import (
    DEFAULT_PATH,
    EXIT_FINDINGS,
    EXIT_OK,
    Loaded,
    SettingsCache,
    load_source,
)
from roadmaplint.commands.fix import unified_diff
from roadmaplint.config.load import Overrides
from roadmaplint.edit.item import ItemEdit, check_one_line, edit_item
from roadmaplint.edit.new import STARTER, NewItem, new_item
from roadmaplint.errors import RoadmapError
from roadmaplint.generate.fix import fix_text, regenerate_after_edit
from roadmaplint.write.atomic import Pending, create_roadmap, editing


def _regenerate_and_write(
    pending: Pending,
    loaded: Loaded,
    edited: str,
    dry_run: bool,
    out: TextIO,
    said: str,
    touched: Collection[str],
    renamed: Mapping[str, str] | None = None,
) -> int:
    """Bring the generated sections up to date for the items the edit ``touched``, then
    diff the text or write it.

    An edit changes only what it was asked to: earlier staleness of the generated
    sections and a stray list (RL108) are left for ``fix``.
    """
    regenerated = regenerate_after_edit(loaded.roadmap, edited, loaded.settings, touched, renamed)
    if regenerated.refused:
        raise RoadmapError(f"{loaded.roadmap.path}: {regenerated.refused}")
    if dry_run:
        out.write(unified_diff(str(loaded.source.path), loaded.source.text, regenerated.text))
        return EXIT_FINDINGS if regenerated.text != loaded.source.text else EXIT_OK
    if regenerated.text != loaded.source.text:
        pending.write(regenerated.text)
    if said:
        out.write(said + "\n")
    return EXIT_OK


def _said(item_id: str, edit: ItemEdit) -> str:
    parts = [f"{change.name} {change.value}" for change in edit.fields]
    parts += [f"+Depends on {value}" for value in edit.add_deps]
    parts += [f"-Depends on {value}" for value in edit.remove_deps]
    if edit.title is not None:
        parts.append(f"title {edit.title.strip()}")
    parts += [f"ticked {entry}" for entry in edit.tick]
    parts += [f"unticked {entry}" for entry in edit.untick]
    return f"Set {item_id}: {', '.join(parts)}"


def run_set(
    path: Path | None,
    item_id: str,
    edit: ItemEdit,
    dry_run: bool,
    config: Path | None,
    out: TextIO,
) -> int:
    if edit.is_empty():
        raise RoadmapError(
            "nothing to set: give --status, --priority, --dri, --depends-on, --add-dep, "
            "--remove-dep, --title, --done-item or --undone-item"
        )
    with editing(path or DEFAULT_PATH, lock=not dry_run) as pending:
        loaded = load_source(pending.source, SettingsCache(config, Overrides()))
        edited = edit_item(loaded.roadmap, item_id, edit, loaded.settings)
        if edited == loaded.roadmap.source:
            out.write(f"No change: {item_id} already reads that way\n")
            return EXIT_OK
        said = _said(item_id, edit)
        return _regenerate_and_write(pending, loaded, edited, dry_run, out, said, {item_id})


def run_new(
    path: Path | None, request: NewItem, dry_run: bool, config: Path | None, out: TextIO
) -> int:
    with editing(path or DEFAULT_PATH, lock=not dry_run) as pending:
        loaded = load_source(pending.source, SettingsCache(config, Overrides()))
        edited, item_id = new_item(loaded.roadmap, request, loaded.settings)
        said = f"Added {item_id} to {request.section.strip()}"
        return _regenerate_and_write(pending, loaded, edited, dry_run, out, said, {item_id})


def run_rename(
    path: Path | None, old: str, new: str, dry_run: bool, config: Path | None, out: TextIO
) -> int:
    """Rename in ``path``, and in the repository's other roadmaps the ``path#OLD``
    dependencies that name it; every file locked, proved, then written."""
    from roadmaplint.edit.rename import other_mentions, rename_edits, rename_text

    target = path or DEFAULT_PATH
    with contextlib.ExitStack() as stack:
        pending = stack.enter_context(editing(target, lock=not dry_run))
        cache = SettingsCache(config, Overrides())
        loaded = load_source(pending.source, cache)
        roadmap = loaded.roadmap
        edits = rename_edits(roadmap, old, new, loaded.settings)
        edited = rename_text(roadmap, old, new, loaded.settings, edits)
        dependents = sum(old in item.depends_on for item in roadmap.items)
        others = []
        for other in _other_roadmaps(target, config):
            other_pending = stack.enter_context(editing(other, lock=not dry_run))
            other_loaded = load_source(other_pending.source, cache)
            changed = _renamed_elsewhere(other_loaded, target, old, new)
            if changed is not None:
                others.append((other_pending, other_loaded, changed[0]))
                dependents += changed[1]
        said = f"Renamed {old} to {new} ({dependents} dependent{'s' * (dependents != 1)} updated"
        said += f" in {len(others) + 1} files)" if others else ")"
        mentions = other_mentions(roadmap, old, edits)
        if mentions:
            listed = ", ".join(map(str, mentions[:10])) + (", ..." if len(mentions) > 10 else "")
            said += f"; {old} is still named in prose on line{'s' * (len(mentions) > 1)} {listed}"
        codes = [
            _regenerate_and_write(other_pending, other_loaded, text, dry_run, out, "", ())
            for other_pending, other_loaded, text in others
        ]
        touched = {new}  # the dependents' entries read the same: their IDs did not change
        codes.append(
            _regenerate_and_write(
                pending, loaded, edited, dry_run, out, said, touched, renamed={old: new}
            )
        )
        return max(codes)


def _other_roadmaps(target: Path, config: Path | None) -> list[Path]:
    """The repository's other roadmaps (by the configured include globs), or none."""
    from roadmaplint.config.discover import _globs_for, search
    from roadmaplint.history.git import worktree_root

    folder = target.resolve().parent
    root = worktree_root(folder)
    if root is None:
        return []
    try:
        found = search(root, _globs_for(root, config))
    except (RoadmapError, OSError):
        return []
    mine = os.path.realpath(target)
    return [Path(os.path.relpath(path)) for path in found if os.path.realpath(path) != mine]


def _renamed_elsewhere(loaded: Loaded, target: Path, old: str, new: str) -> tuple[str, int] | None:
    """Another roadmap's text with its ``path#OLD`` dependencies renamed, and how many."""
    from roadmaplint.edit.item import items_changed
    from roadmaplint.edit.rename import cross_file_edits
    from roadmaplint.text import apply_edits
    from roadmaplint.write.proof import prove_edit

    roadmap = loaded.roadmap
    edits, changed = cross_file_edits(roadmap, os.path.realpath(target), old, new, loaded.settings)
    if not edits:
        return None
    text = apply_edits(roadmap.source, edits)
    prove_edit(roadmap, text, items_changed(changed), loaded.settings, edits)
    return text, len(changed)


def run_init(path: Path | None, title: str, out: TextIO) -> int:
    """Create a starter roadmap, and its folder; never overwrite a file that exists."""
    check_one_line(title, "--title")
    if not title.strip():
        raise RoadmapError("--title is one non-empty line")
    target = path or DEFAULT_PATH
    folder = target.parent
    if not folder.is_dir():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise RoadmapError(f"{folder}: cannot create the folder: {error.strerror}") from None
    text = STARTER.format(title=title.strip())
    create_roadmap(target, fix_text(text, str(target)).text)
    out.write(f"Wrote {target}: a starter roadmap; `roadmaplint check --strict {target}` passes.\n")
    return EXIT_OK
