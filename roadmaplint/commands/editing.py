"""`set`, `new`, `rename` and `init`: changing the roadmap, always through the safe write path.

Like ``fix --diff``, ``--dry-run`` exits 1 when the command would change the
file and 0 when it would not.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import TextIO

from roadmaplint.api import DEFAULT_PATH, Loaded, load_source
from roadmaplint.commands.common import EXIT_FINDINGS, EXIT_OK
from roadmaplint.commands.fix import unified_diff
from roadmaplint.config.cache import SettingsCache
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
    """Rename in ``path``, and in the other roadmaps (as the editor finds them) the
    ``path#OLD`` dependencies that name it; every file locked, proved, then written."""
    from roadmaplint.config.discover import other_roadmaps
    from roadmaplint.edit.rename_files import rename_in_files

    target = path or DEFAULT_PATH
    cache = SettingsCache(config, Overrides())
    settings = cache.for_path(target)
    found, stopped = other_roadmaps(target, settings.include, settings.exclude)
    if stopped is not None:
        sys.stderr.write(stopped + "\n")
    done = rename_in_files(
        target, [_shown(other) for other in found], old, new, cache.for_path, write=not dry_run
    )
    count = done.rename.dependents
    said = f"Renamed {old} to {new} ({count} dependent{'s' * (count != 1)} updated"
    said += f" in {len(done.files)} files)" if len(done.files) > 1 else ")"
    if done.rename.prose:
        lines = done.rename.prose
        listed = ", ".join(map(str, lines[:10])) + (", ..." if len(lines) > 10 else "")
        said += f"; {old} is still named in prose on line{'s' * (len(lines) > 1)} {listed}"
    if not dry_run:
        out.write(said + "\n")
        return EXIT_OK
    changed = False
    for one in done.files:
        out.write(unified_diff(str(one.path), one.before, one.after))
        changed = changed or one.after != one.before
    return EXIT_FINDINGS if changed else EXIT_OK


def _shown(path: Path) -> Path:
    """A path as the user would write it: relative to the current folder when it can be."""
    return Path(os.path.relpath(path))


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
