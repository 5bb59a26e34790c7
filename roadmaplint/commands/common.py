"""What every command needs: exit codes, paths, per-file settings."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from roadmaplint.config import Overrides, find_config, load_settings
from roadmaplint.model import Roadmap
from roadmaplint.parse import parse
from roadmaplint.rules.base import Context
from roadmaplint.settings import Settings
from roadmaplint.source import Source, read_roadmap

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
DEFAULT_PATH = Path("ROADMAP.md")


def roadmap_paths(paths: Sequence[Path] | None) -> list[Path]:
    return list(paths) if paths else [DEFAULT_PATH]


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
    return load_source(read_roadmap(path or DEFAULT_PATH), config)


def load_source(source: Source, config: Path | None = None) -> Loaded:
    """Configure and parse a roadmap already read (under the write lock, for edits)."""
    settings = SettingsCache(config, Overrides()).for_path(source.path)
    roadmap = parse(source.text, str(source.path), settings)
    return Loaded(source, roadmap, settings, Context(roadmap, settings))


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
