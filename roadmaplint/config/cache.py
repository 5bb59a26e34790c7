"""Each roadmap's settings, read once per configuration file and looked up once per file."""

from __future__ import annotations

import os

from roadmaplint.config.load import Overrides, find_config, load_settings
from roadmaplint.settings import Settings

TYPE_CHECKING = False
if TYPE_CHECKING:
    from roadmaplint.config.load import StrPath


class SettingsCache:
    """Settings for each roadmap, read once per config file. Paths come as strings (a
    check's, without pathlib) or as ``Path``s (the other commands'), and are looked up
    by their spelling."""

    def __init__(self, config: StrPath | None, overrides: Overrides) -> None:
        self._config = os.fspath(config) if config is not None else None
        self._overrides = overrides
        self._loaded: dict[str | None, Settings] = {}
        self._by_path: dict[str, Settings] = {}  # a command asks for a file's settings often

    def for_path(self, path: StrPath) -> Settings:
        key = os.fspath(path)
        if key not in self._by_path:
            config = self._config or find_config(key)
            if config not in self._loaded:
                self._loaded[config] = load_settings(config, self._overrides)
            self._by_path[key] = self._loaded[config]
        return self._by_path[key]


def needs_git_facts(settings: Settings) -> bool:
    """Whether RL505 stale-in-progress runs with these settings, and so git's history is read."""
    from roadmaplint.rules import select_rules
    from roadmaplint.rules.workflow import STALE_IN_PROGRESS

    return settings.stale_after_days is not None and STALE_IN_PROGRESS in select_rules(
        settings.select, settings.ignore
    )
