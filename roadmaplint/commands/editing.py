"""`set`, `new` and `init`: changing the roadmap, always through the safe write path."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from roadmaplint.commands.common import DEFAULT_PATH, EXIT_OK, load
from roadmaplint.commands.fix import unified_diff
from roadmaplint.edit import STARTER, FieldChange, new_item, set_fields
from roadmaplint.errors import RoadmapError
from roadmaplint.fix import fix_text
from roadmaplint.source import Source
from roadmaplint.write import create_roadmap, write_roadmap


def _write(source: Source, new_text: str, dry_run: bool, out: TextIO, done: str) -> int:
    if dry_run:
        out.write(unified_diff(str(source.path), source.text, new_text))
        return EXIT_OK
    write_roadmap(source, new_text)
    out.write(done + "\n")
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
    loaded = load(path, config)
    path_name = loaded.roadmap.path
    edited = set_fields(loaded.source.text, item_id, changes, loaded.settings, path_name)
    regenerated = fix_text(edited, path_name, loaded.settings)
    if regenerated.refused:
        raise RoadmapError(f"{path_name}: {regenerated.refused}")
    said = ", ".join(f"{change.name} {change.value}" for change in changes)
    return _write(loaded.source, regenerated.text, dry_run, out, f"Set {item_id}: {said}")


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
    loaded = load(path, config)
    path_name = loaded.roadmap.path
    edited, item_id = new_item(
        loaded.source.text, section, title, changes, loaded.settings, path_name, done
    )
    regenerated = fix_text(edited, path_name, loaded.settings)
    if regenerated.refused:
        raise RoadmapError(f"{path_name}: {regenerated.refused}")
    return _write(loaded.source, regenerated.text, dry_run, out, f"Added {item_id} to {section}")


def run_init(path: Path | None, title: str, out: TextIO) -> int:
    """Create a starter roadmap; never overwrite a file that exists."""
    target = path or DEFAULT_PATH
    create_roadmap(target, fix_text(STARTER.format(title=title), str(target)).text)
    out.write(f"Wrote {target}: a starter roadmap; `roadmaplint check --strict {target}` passes.\n")
    return EXIT_OK
