"""`set`, `new`, `rename` and `init`: changing the roadmap, always through the safe write path.

Like ``fix --diff``, ``--dry-run`` exits 1 when the command would change the
file and 0 when it would not.
"""

from __future__ import annotations

import contextlib
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
from roadmaplint.edit.linter_config import LINTER_CONFIGS
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
    from roadmaplint.edit.rename import rename_everywhere

    target = path or DEFAULT_PATH
    with contextlib.ExitStack() as stack:
        pending = stack.enter_context(editing(target, lock=not dry_run))
        cache = SettingsCache(config, Overrides())
        loaded = load_source(pending.source, cache)
        settings = loaded.settings
        found, stopped = other_roadmaps(target, settings.include, settings.exclude)
        if stopped is not None:
            sys.stderr.write(stopped + "\n")
        others = {}
        for other in found:
            other_pending = stack.enter_context(editing(_shown(other), lock=not dry_run))
            others[os.path.realpath(other)] = (
                other_pending,
                load_source(other_pending.source, cache),
            )
        done = rename_everywhere(
            loaded.roadmap,
            old,
            new,
            settings,
            [(other_loaded.roadmap, other_loaded.settings) for _, other_loaded in others.values()],
        )
        count = done.dependents
        said = f"Renamed {old} to {new} ({count} dependent{'s' * (count != 1)} updated"
        said += f" in {len(done.others) + 1} files)" if done.others else ")"
        if done.prose:
            lines = done.prose
            listed = ", ".join(map(str, lines[:10])) + (", ..." if len(lines) > 10 else "")
            said += f"; {old} is still named in prose on line{'s' * (len(lines) > 1)} {listed}"
        codes = []
        for changed in done.others:
            other_pending, other_loaded = others[os.path.realpath(changed.roadmap.path)]
            codes.append(
                _regenerate_and_write(
                    other_pending, other_loaded, changed.text, dry_run, out, "", ()
                )
            )
        touched = {new}  # the dependents' entries read the same: their IDs did not change
        text = done.renamed.text
        codes.append(
            _regenerate_and_write(
                pending, loaded, text, dry_run, out, said, touched, renamed={old: new}
            )
        )
        return max(codes)


def _shown(path: Path) -> Path:
    """A path as the user would write it: relative to the current folder when it can be."""
    return Path(os.path.relpath(path))


def run_init(
    path: Path | None, title: str, out: TextIO, *, with_linter_config: bool = False
) -> int:
    """Create a starter roadmap, and its folder; never overwrite a file that exists.

    With ``with_linter_config``, also the markdownlint-cli2 and rumdl settings beside
    it; if any of the files exists, nothing is written."""
    check_one_line(title, "--title")
    if not title.strip():
        raise RoadmapError("--title is one non-empty line")
    target = path or DEFAULT_PATH
    configs = [(target.parent / name, text) for name, text in LINTER_CONFIGS]
    for existing in [target, *(config for config, _ in configs)] if with_linter_config else []:
        if existing.exists() or existing.is_symlink():
            raise RoadmapError(
                f"{existing}: already exists; roadmaplint init never overwrites, "
                "so it wrote nothing"
            )
    folder = target.parent
    if not folder.is_dir():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise RoadmapError(f"{folder}: cannot create the folder: {error.strerror}") from None
    text = STARTER.format(title=title.strip())
    create_roadmap(target, fix_text(text, str(target)).text)
    out.write(f"Wrote {target}: a starter roadmap; `roadmaplint check --strict {target}` passes.\n")
    if with_linter_config:
        for config, config_text in configs:
            create_roadmap(config, config_text)
        names = " and ".join(str(config) for config, _ in configs)
        out.write(
            f"Wrote {names}: markdownlint-cli2 and rumdl with every default rule but MD013, "
            "MD025 and MD024 beyond siblings (docs/markdownlint.md says why).\n"
        )
    return EXIT_OK
