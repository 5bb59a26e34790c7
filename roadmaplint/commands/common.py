"""What every command needs: exit codes, paths, per-file settings."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from roadmaplint.config import Overrides, find_config, load_settings
from roadmaplint.settings import Settings

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
