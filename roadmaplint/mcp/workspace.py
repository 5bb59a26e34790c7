"""The roadmaps one MCP server serves: read once, read again when they change on disk,
and edited only through the write gate."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from roadmaplint.api import load_folder, parse_source, split_reference
from roadmaplint.config.cache import SettingsCache
from roadmaplint.config.discover import roadmap_files
from roadmaplint.config.load import Overrides, find_config, load_settings
from roadmaplint.errors import RoadmapError
from roadmaplint.generate.fix import regenerate_after_edit
from roadmaplint.index import Context
from roadmaplint.model import Roadmap
from roadmaplint.reader.source import read_roadmap
from roadmaplint.record import record, replace
from roadmaplint.settings import Settings
from roadmaplint.write.atomic import editing, editing_folder

if TYPE_CHECKING:
    from roadmaplint.edit.taskfiles import FileEdit
    from roadmaplint.reader.shapes.taskfiles import TaskFolder


@record(slots=False)
class Served:
    path: Path
    roadmap: Roadmap
    settings: Settings
    context: Context
    folder: TaskFolder | None = None  # a folder of task files (Backlog.md's backlog/)


def unified_diff(path: str, old: str, new: str) -> str:
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            f"a/{path}",
            f"b/{path}",
        )
    )


class Workspace:
    """The roadmaps named (or found from the working directory), each parsed once per
    version on disk."""

    def __init__(self, paths: Sequence[Path] | None) -> None:
        self._named = list(paths) if paths else None
        self._folder = Path.cwd().resolve()
        self._cache: dict[Path, tuple[bytes, Served]] = {}
        self._settings: dict[str | None, Settings] = {}

    def paths(self) -> list[Path]:
        return roadmap_files(self._named)

    def settings_for(self, path: Path) -> Settings:
        config = find_config(path)
        if config not in self._settings:
            self._settings[config] = self._bounded(load_settings(config))
        return self._settings[config]

    def _bounded(self, settings: Settings) -> Settings:
        """``settings`` reading another roadmap (``path#ID``) only inside the folder
        served, when the roadmaps were found there; a path named is the user's choice."""
        if self._named is not None:
            return settings
        return replace(settings, read_within=str(self._folder))

    def load(self, path: Path) -> Served:
        if path.is_dir():  # a task folder is read afresh each time: its files are few
            loaded = load_folder(path, SettingsCache(None, Overrides()))
            settings = self._bounded(loaded.settings)
            context = Context(loaded.roadmap, settings)
            return Served(path, loaded.roadmap, settings, context, loaded.folder)
        # Known by its bytes, not its time, size and inode: an edit in place within one
        # tick of the file system's clock keeps all three. Reading is cheap; parsing not.
        source = read_roadmap(path)
        cached = self._cache.get(path)
        if cached is not None and cached[0] == source.data:
            return cached[1]
        loaded = parse_source(source, self.settings_for(path))
        served = Served(path, loaded.roadmap, loaded.settings, loaded.context)
        self._cache[path] = (source.data, served)
        return served

    def pick(self, path: str | None) -> list[Served]:
        """The roadmap ``path`` names (one of those served), or all of them."""
        if path is None:
            return [self.load(found) for found in self.paths()]
        return [self.load(self._one(path))]

    def _one(self, path: str) -> Path:
        served = self.paths()
        for found in served:
            if str(found) == path or found.resolve() == Path(path).resolve():
                return found
        spelled = ", ".join(str(found) for found in served)
        raise RoadmapError(f"{path} is not a roadmap this server serves ({spelled})")

    def locate(self, reference: str) -> tuple[Served, str]:
        """The roadmap holding the item ``reference`` (``ID`` or ``path#ID``) names."""
        named, item_id = split_reference(reference)  # ``Tarea #2`` is an ID, no path
        if named is not None:
            return self.load(self._one(str(named))), item_id
        everything = self.pick(None)
        if len(everything) == 1:
            return everything[0], reference
        holding = [one for one in everything if reference in one.context.items_by_id]
        if len(holding) == 1:
            return holding[0], reference
        if not holding:
            searched = ", ".join(str(one.path) for one in everything)
            raise RoadmapError(f"no item {reference} in {searched}")
        spelled = " and ".join(str(one.path) for one in holding)
        raise RoadmapError(f"{reference} is in {spelled}; name the file as PATH#{reference}")

    def refuse_outside(self, path: Path) -> None:
        """Refuse to write a discovered roadmap that links out of the served folder: a
        repository's symlink must not let an agent edit another project's files. A path
        named on the command line is the user's choice."""
        if self._named is not None:
            return
        if not path.resolve().is_relative_to(self._folder):
            raise RoadmapError(
                f"{path}: not written: it links to a file outside the folder the server "
                "serves; edit it there, or start the server with its path"
            )

    def refuse_reading_outside(self, served: Served, dependencies: Sequence[str]) -> None:
        """Refuse a ``path#ID`` dependency an agent gives whose file lies outside the
        served folder: checking it reads that file (and suggests its IDs), and an agent
        must not probe the machine's other files through the server."""
        from roadmaplint.reader.fields import read_dependencies
        from roadmaplint.reader.references import cross_reference, target_path

        if self._named is not None:
            return
        for given in dependencies:
            # Read as the reader will read it once written: ``A-1; x.md#B-2``, code and
            # link markup and escapes all name ``x.md#B-2``.
            for name in read_dependencies(given, served.settings.id_pattern)[1]:
                reference = cross_reference(name, served.settings.id_pattern)
                if reference is None:
                    continue
                target = Path(target_path(str(served.path), reference))
                if not target.resolve().is_relative_to(self._folder):
                    raise RoadmapError(
                        f"{reference.written}: not read: it names a file outside the folder "
                        "the server serves"
                    )

    def edit(
        self,
        path: Path,
        change: Callable[[Roadmap, Settings], tuple[str, set[str], dict[str, str]]],
        *,
        regenerate: bool = True,
    ) -> str:
        """Apply ``change`` to the roadmap read under the file lock, regenerate what the
        edit reaches, write it through the gate, and return the diff written."""
        if path.is_dir():
            raise RoadmapError(
                f"{path}: a folder of task files takes set_fields, new_item and rename_item; "
                "claims and fix are for roadmap files"
            )
        self.refuse_outside(path)
        with editing(path) as pending:
            loaded = parse_source(pending.source, self.settings_for(path))  # as the CLI's edits
            roadmap, settings = loaded.roadmap, loaded.settings
            edited, touched, renamed = change(roadmap, settings)
            if edited == roadmap.source:
                return ""
            if regenerate:
                regenerated = regenerate_after_edit(roadmap, edited, settings, touched, renamed)
                if regenerated.refused:
                    raise RoadmapError(f"{path}: {regenerated.refused}")
                edited = regenerated.text
            pending.write(edited)
            return unified_diff(str(path), roadmap.source, edited)

    def edit_tasks(self, served: Served, plan: Callable[[TaskFolder], list[FileEdit]]) -> str:
        """Write a task folder's edits (``edit/taskfiles``) through the gate; the diff."""
        from roadmaplint.edit.taskfiles import apply

        assert served.folder is not None
        with editing_folder(served.path):  # read again under the lock, as the CLI's edits
            folder = self.load(served.path).folder
            assert folder is not None
            plans = [found for found in plan(folder) if found.new != found.old]
            for found in plans:  # a task file linked out of the folder is read, never written
                self.refuse_outside(found.path)
            apply(plans)
        return "".join(unified_diff(str(found.path), found.old, found.new) for found in plans)
