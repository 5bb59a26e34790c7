"""What every command needs: exit codes, paths, per-file settings."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from roadmaplint.config.load import Overrides, find_config, load_settings
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Roadmap
from roadmaplint.reader import parse
from roadmaplint.reader.source import Source, read_roadmap
from roadmaplint.rules.base import Context
from roadmaplint.settings import Settings

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
DEFAULT_PATH = Path("ROADMAP.md")


def roadmap_paths(paths: Sequence[Path] | None, config: Path | None = None) -> list[Path]:
    """The files named, the roadmaps found in folders named, or the default ones."""
    from roadmaplint.config.discover import roadmap_files

    return roadmap_files(paths, config)


class SettingsCache:
    """Settings for each roadmap, read once per config file."""

    def __init__(self, config: Path | None, overrides: Overrides) -> None:
        self._config = config
        self._overrides = overrides
        self._loaded: dict[Path | None, Settings] = {}

    def for_path(self, path: Path) -> Settings:
        config = self._config or find_config(path)
        if config not in self._loaded:
            self._loaded[config] = load_settings(config, self._overrides)
        return self._loaded[config]


def needs_git_facts(settings: Settings) -> bool:
    """Whether RL505 stale-in-progress runs with these settings, and so git's history is read."""
    from roadmaplint.rules import select_rules
    from roadmaplint.rules.workflow import STALE_IN_PROGRESS

    return settings.stale_after_days is not None and STALE_IN_PROGRESS in select_rules(
        settings.select, settings.ignore
    )


def say_error(err: TextIO, message: str) -> None:
    err.write(f"roadmaplint: error: {message}\n")


@dataclass(frozen=True)
class Loaded:
    source: Source
    roadmap: Roadmap
    settings: Settings
    context: Context


def load(path: Path | None, config: Path | None = None) -> Loaded:
    """Read, configure and parse one roadmap for the database commands."""
    path = path or DEFAULT_PATH
    return _load(path, SettingsCache(config, Overrides()))


def _load(path: Path, settings_cache: SettingsCache) -> Loaded:
    return load_source(read_roadmap(path), settings_cache)


def load_source(source: Source, settings_cache: SettingsCache) -> Loaded:
    """Configure and parse a roadmap already read (under the write lock, for edits)."""
    settings = settings_cache.for_path(source.path)
    roadmap = parse(source.text, str(source.path), settings)
    return Loaded(source, roadmap, settings, Context(roadmap, settings))


def load_all(paths: Sequence[Path] | None, config: Path | None = None) -> list[Loaded]:
    """Every roadmap the command line names (or discovery finds), read and parsed."""
    settings_cache = SettingsCache(config, Overrides())
    return [_load(path, settings_cache) for path in roadmap_paths(paths, config)]


def split_reference(reference: str) -> tuple[Path | None, str]:
    """``docs/ROADMAP.md#GRAPH-1`` -> (docs/ROADMAP.md, GRAPH-1); a bare ID has no path."""
    path, hash_sign, item_id = reference.rpartition("#")
    if hash_sign and path and item_id:
        return Path(path), item_id
    return None, reference


def locate(
    paths: Sequence[Path] | None, reference: str, config: Path | None = None
) -> tuple[Path, str]:
    """The one roadmap that holds the item ``reference`` names, and the item's ID.

    ``path#ID`` names the file; otherwise the roadmaps named or found are read
    and the one holding the ID is chosen, refusing when several hold it.
    """
    named, item_id = split_reference(reference)
    if named is not None:
        return named, item_id
    files = roadmap_paths(paths, config)
    if len(files) == 1:
        return files[0], item_id
    settings_cache = SettingsCache(config, Overrides())
    holding = [path for path in files if item_id in _load(path, settings_cache).context.items_by_id]
    if len(holding) == 1:
        return holding[0], item_id
    if not holding:
        searched = ", ".join(str(path) for path in files)
        raise RoadmapError(f"no item {item_id} in {searched}")
    spelled = " and ".join(str(path) for path in holding)
    raise RoadmapError(
        f"{item_id} is in {spelled}; say which, e.g. {holding[0]}#{item_id} or -f {holding[0]}"
    )


def one_roadmap(paths: Sequence[Path] | None, config: Path | None = None) -> Path:
    """The single roadmap a command that edits or plans in one file works on."""
    files = roadmap_paths(paths, config)
    if len(files) > 1:
        spelled = ", ".join(str(path) for path in files)
        raise RoadmapError(f"this command works on one roadmap, and {spelled} were found; name one")
    return files[0]


def table(rows: Sequence[Sequence[str]]) -> str:
    """Left-aligned columns, two spaces apart, no trailing spaces."""
    if not rows:
        return ""
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return "".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        + "\n"
        for row in rows
    )


def write_json(out: TextIO, document: object) -> None:
    out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
