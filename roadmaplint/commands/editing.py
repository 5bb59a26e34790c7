"""`set`, `new` and `init`: changing the roadmap, always through the safe write path."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from roadmaplint.commands.common import (
    DEFAULT_PATH,
    EXIT_OK,
    Loaded,
    SettingsCache,
    load_source,
)
from roadmaplint.commands.fix import unified_diff
from roadmaplint.config import Overrides
from roadmaplint.edit import STARTER, FieldChange, new_item, set_fields
from roadmaplint.errors import RoadmapError
from roadmaplint.fix import fix_text
from roadmaplint.write import Pending, create_roadmap, editing


def _regenerate_and_write(
    pending: Pending, loaded: Loaded, edited: str, dry_run: bool, out: TextIO, said: str
) -> int:
    """Regenerate the derived sections of an edited text, then diff it or write it."""
    regenerated = fix_text(edited, loaded.roadmap.path, loaded.settings)
    if regenerated.refused:
        raise RoadmapError(f"{loaded.roadmap.path}: {regenerated.refused}")
    if dry_run:
        out.write(unified_diff(str(loaded.source.path), loaded.source.text, regenerated.text))
        return EXIT_OK
    pending.write(regenerated.text)
    out.write(said + "\n")
    return EXIT_OK


def run_set(
    path: Path | None,
    item_id: str,
    changes: Sequence[FieldChange],
    dry_run: bool,
    config: Path | None,
    out: TextIO,
) -> int:
    if not changes:
        raise RoadmapError("nothing to set: give --status, --priority, --dri or --depends-on")
    with editing(path or DEFAULT_PATH, lock=not dry_run) as pending:
        loaded = load_source(pending.source, SettingsCache(config, Overrides()))
        edited = set_fields(loaded.roadmap, item_id, changes, loaded.settings)
        said = ", ".join(f"{change.name} {change.value}" for change in changes)
        said = f"Set {item_id}: {said}"
        return _regenerate_and_write(pending, loaded, edited, dry_run, out, said)


def run_new(
    path: Path | None,
    section: str,
    title: str,
    changes: Sequence[FieldChange],
    done: Sequence[str],
    dry_run: bool,
    config: Path | None,
    out: TextIO,
) -> int:
    with editing(path or DEFAULT_PATH, lock=not dry_run) as pending:
        loaded = load_source(pending.source, SettingsCache(config, Overrides()))
        edited, item_id = new_item(loaded.roadmap, section, title, changes, loaded.settings, done)
        said = f"Added {item_id} to {section}"
        return _regenerate_and_write(pending, loaded, edited, dry_run, out, said)


def run_init(path: Path | None, title: str, out: TextIO) -> int:
    """Create a starter roadmap; never overwrite a file that exists."""
    target = path or DEFAULT_PATH
    create_roadmap(target, fix_text(STARTER.format(title=title), str(target)).text)
    out.write(f"Wrote {target}: a starter roadmap; `roadmaplint check --strict {target}` passes.\n")
    return EXIT_OK
