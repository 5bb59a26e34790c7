"""Each roadmap's settings, read once per configuration file and looked up once per file."""

from __future__ import annotations

from pathlib import Path

from roadmaplint.config.load import Overrides, find_config, load_settings
from roadmaplint.settings import Settings


class SettingsCache:
    """Settings for each roadmap, read once per config file."""

    def __init__(self, config: Path | None, overrides: Overrides) -> None:
        self._config = config
        self._overrides = overrides
        self._loaded: dict[Path | None, Settings] = {}
        self._by_path: dict[Path, Settings] = {}  # a command asks for a file's settings often

    def for_path(self, path: Path) -> Settings:
        if path not in self._by_path:
            config = self._config or find_config(path)
            if config not in self._loaded:
                self._loaded[config] = load_settings(config, self._overrides)
            self._by_path[path] = self._loaded[config]
        return self._by_path[path]


def needs_git_facts(settings: Settings) -> bool:
    """Whether RL505 stale-in-progress runs with these settings, and so git's history is read."""
    from roadmaplint.rules import select_rules
    from roadmaplint.rules.workflow import STALE_IN_PROGRESS

    return settings.stale_after_days is not None and STALE_IN_PROGRESS in select_rules(
        settings.select, settings.ignore
    )
