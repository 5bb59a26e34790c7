"""Which files the server checks, with which settings: the same lookup `check` uses.

Settings are found with ``find_config`` and read with ``load_settings``; they
are read again whenever the configuration file changes (its modification time
and size are part of the cache key), so the editor and the CLI never disagree.
"""

from __future__ import annotations

from pathlib import Path

from roadmaplint.config.load import find_config, load_settings
from roadmaplint.errors import RoadmapError
from roadmaplint.settings import Settings


class Configurations:
    def __init__(self) -> None:
        self._loaded: dict[tuple[Path | None, int, int], Settings | str] = {}

    def settings_for(self, path: Path) -> tuple[Settings, str | None, Path | None]:
        """The settings for a roadmap, or the defaults and the error that stopped reading them;
        and the configuration file they came from."""
        try:
            found = find_config(path)
        except RoadmapError as error:
            return Settings(), str(error), None
        config = Path(found) if found is not None else None
        key = _key(config)
        if key not in self._loaded:
            try:
                self._loaded[key] = load_settings(config)
            except RoadmapError as error:
                self._loaded[key] = str(error)
        loaded = self._loaded[key]
        if isinstance(loaded, str):
            return Settings(), loaded, config
        return loaded, None, config

    def forget(self) -> None:
        self._loaded.clear()


def _key(config: Path | None) -> tuple[Path | None, int, int]:
    if config is None:
        return None, 0, 0
    try:
        info = config.stat()
    except OSError:
        return config, -1, -1
    return config, info.st_mtime_ns, info.st_size


def served(path: Path, settings: Settings, config: Path | None) -> bool:
    """Whether `roadmaplint check` would find this file: the configuration's include and
    exclude globs (default ``**/ROADMAP.md``), relative to the configuration's folder
    (``config``, as ``settings_for`` found it: walking up again would read every
    pyproject.toml on the way a second time, on each keystroke)."""
    from roadmaplint.config.discover import excluded, matches
    from roadmaplint.reader.shapes.taskfiles import is_task_file

    if is_task_file(path):  # its folder is the roadmap `check` finds
        return True
    relative = path.name
    if config is not None and path.resolve().is_relative_to(config.resolve().parent):
        relative = path.resolve().relative_to(config.resolve().parent).as_posix()
    return matches(relative, settings.include) and not excluded(relative, settings.exclude)
