"""The public API, kept tiny: check and fix a roadmap's text, and load roadmaps from files.

``check_text`` and ``fix_text`` work on text; ``load`` reads, configures and parses
one roadmap; ``load_all``, ``locate`` and ``one_roadmap`` find the roadmaps a command
line names. Everything else in the package is internal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from roadmaplint import check_text, fix_text
from roadmaplint.config.cache import SettingsCache
from roadmaplint.config.load import Overrides
from roadmaplint.errors import RoadmapError
from roadmaplint.index import Context
from roadmaplint.model import Item, Roadmap
from roadmaplint.reader import parse
from roadmaplint.reader.source import Source, read_roadmap
from roadmaplint.record import record, replace
from roadmaplint.settings import Settings

TYPE_CHECKING = False
if TYPE_CHECKING:
    from roadmaplint.database.export import Place
    from roadmaplint.findings import Finding
    from roadmaplint.reader.shapes.taskfiles import FolderCache, TaskFolder

DEFAULT_PATH = Path("ROADMAP.md")

__all__ = [
    "DEFAULT_PATH",
    "Loaded",
    "check_loaded",
    "check_text",
    "fix_text",
    "load",
    "load_all",
    "load_source",
    "locate",
    "one_roadmap",
    "placed",
    "roadmap_paths",
    "split_reference",
    "task_file_check",
    "task_file_findings",
]


def roadmap_paths(paths: Sequence[Path] | None, config: Path | None = None) -> list[Path]:
    """The files named, the roadmaps found in folders named, or the default ones."""
    from roadmaplint.config.discover import roadmap_files

    return roadmap_files(paths, config)


@record(slots=False)
class Loaded:
    source: Source
    roadmap: Roadmap
    settings: Settings
    context: Context
    folder: TaskFolder | None = None  # set when the roadmap is a folder of task files
    named: Path | None = None  # the one task file of ``folder`` the command named

    def holds(self, item: Item) -> bool:
        """Whether a listing of what was named shows ``item``: every item of a roadmap or
        a folder; of the one task file named, its own task (its folder read for the rest,
        as ``check`` reads it)."""
        if self.folder is None or self.named is None:
            return True
        return self.folder.place(item.position.line)[0].resolve() == self.named.resolve()

    def where(self, line: int) -> str:
        """``path:line`` for a line of the roadmap: a task folder's names the task file."""
        if self.folder is None:
            return f"{self.roadmap.path}:{line}"
        path, line = self.folder.place(line)
        return f"{path}:{line}"

    @property
    def place(self) -> Place | None:
        """A line of the document -> the file holding it and its line there, for a task
        folder (whose document joins its task files); None where the lines are the file's."""
        return None if self.folder is None else self.folder.place


def load(path: Path | None, config: Path | None = None) -> Loaded:
    """Read, configure and parse one roadmap for the database commands."""
    path = path or DEFAULT_PATH
    return _load(path, SettingsCache(config, Overrides()))


def _load(path: Path, settings_cache: SettingsCache) -> Loaded:
    """One roadmap: a file, a task folder, or a task file read with its folder."""
    from roadmaplint.reader.shapes import in_folder_with_ids

    if path.is_dir():
        return load_folder(path, settings_cache)
    # by the folder's name first: a plain roadmap imports no task-folder reader
    if in_folder_with_ids(path):
        from roadmaplint.reader.shapes import taskfiles

        root = taskfiles.task_root(path)
        if root is not None:
            return replace(load_folder(root, settings_cache), named=path)
    return load_source(read_roadmap(path), settings_cache)


def load_folder(
    path: Path,
    settings_cache: SettingsCache,
    texts: Mapping[Path, str] | None = None,
    settings: Settings | None = None,
    cache: FolderCache | None = None,
) -> Loaded:
    """A folder of task files (Backlog.md's ``backlog/``) read as one roadmap: its
    ``config.yml`` statuses are the workflow unless the configuration names statuses.
    ``texts``: task files' texts as an editor holds them; ``settings``: the
    configuration's, instead of the one found for the folder (``init`` proves with it);
    ``cache``: the task files as last read, each read again only when it changed."""
    from roadmaplint.reader.shapes import taskfiles

    # Backlog.md's folder, else one of task files with no config.yml (read by its keys)
    root = taskfiles.detect(path) or taskfiles.keyed_root(path)
    if root is None:
        raise RoadmapError(
            f"{path}: is a folder, not a roadmap file, and holds no {taskfiles.CONFIG} "
            f"with a {taskfiles.TASKS}/ folder beside it; name a roadmap file"
        )
    folder = taskfiles.read(root, texts, cache)
    settings = settings or settings_cache.for_path(root / taskfiles.CONFIG)
    if "statuses" not in settings.configured and not folder.keyed:
        settings = replace(settings, statuses=folder.workflow())
    quiet = tuple(code for code in taskfiles.QUIET_RULES if code not in settings.select)
    settings = replace(settings, ignore=(*settings.ignore, *quiet))
    roadmap = folder.document()
    source = Source(root, roadmap.source, roadmap.source.encode())
    return Loaded(source, roadmap, settings, Context(roadmap, settings), folder)


def check_loaded(loaded: Loaded) -> list[Finding]:
    """The findings for a loaded roadmap; a task folder's name each task's own file and
    line, and the folder's own ones ``config.yml``."""
    from roadmaplint.rules.engine import check_roadmap

    return placed(check_roadmap(loaded.roadmap, loaded.settings), loaded.folder)


def task_file_check(
    path: Path,
    settings_cache: SettingsCache,
    texts: Mapping[Path, str] | None = None,
    cache: FolderCache | None = None,
) -> tuple[Loaded, list[Finding]] | None:
    """For a task file of a task folder (``backlog/tasks/task-1 - Title.md``): its folder,
    and the folder's findings in that file, at its lines; None for any other file.
    ``texts``: task files' texts as an editor holds them."""
    from roadmaplint.reader.shapes import taskfiles

    root = taskfiles.task_root(path)
    if root is None:
        return None
    loaded = load_folder(root, settings_cache, texts, cache=cache)
    here = path.resolve()
    own = [
        replace(finding, path=str(path))
        for finding in check_loaded(loaded)
        if Path(finding.path).resolve() == here
    ]
    return loaded, own


def task_file_findings(
    path: Path, text: str, cache: FolderCache | None = None
) -> list[Finding] | None:
    """``task_file_check``'s findings for a task file as an editor holds it; ``cache``:
    the folder's other files as last read (an editor's keystroke re-reads only this one)."""
    found = task_file_check(path, SettingsCache(None, Overrides()), {path: text}, cache)
    return None if found is None else found[1]


def placed(findings: list[Finding], folder: TaskFolder | None) -> list[Finding]:
    """``findings`` as they are, or for a task folder each at its task file and line."""
    if folder is None:
        return findings
    moved = []
    for finding in findings:
        about_a_task = finding.item is not None or finding.line > 1
        path, line = folder.place(finding.line if about_a_task else 0)
        message = _cited_lines_placed(finding, path, folder)
        moved.append(replace(finding, path=str(path), line=line, message=message, cited=()))
    return sorted(moved)


def _cited_lines_placed(finding: Finding, path: Path, folder: TaskFolder) -> str:
    """The message with each line it cites (counted in the folder's joined text) named as
    a task file's: ``on line 3`` in the finding's own file, ``in tasks/task-2 - X.md:3``
    in another. Only the spans the rule recorded change, never words of a title."""
    message = finding.message
    for cited in sorted(finding.cited, reverse=True):
        where, line = folder.place(cited.line)
        last = None if cited.last is None else folder.place(cited.last)[1]  # one file's span
        if where == path:
            named = cited.written(line, last)
        else:
            span = "" if last is None else f"-{last}"
            named = f"{'in ' if cited.lead else ''}{where}:{line}{span}"
        message = message[: cited.start] + named + message[cited.end :]
    return message


# Backlog.md's folders beside tasks/: a file there is no task the folder's check reports on
_NO_TASKS = ("decisions", "docs", "drafts", "archive", "completed")


def no_task_there(path: Path) -> str | None:
    """Why a markdown file in one of a Backlog.md folder's ``_NO_TASKS`` folders (a
    decision, a document, a draft or an archived task) holds nothing to check; None for
    any other file. Read alone, such a file looked like a plan without items (RL109);
    ``check`` asks only of a file it read no items from."""
    from roadmaplint.reader.shapes import taskfiles

    if path.suffix != ".md":
        return None
    folder = path.absolute().parent
    # a task of a folder with no config.yml, read by its files' keys (``scopes/S001-x.md``)
    if taskfiles.keyed_root(folder) == folder:
        return (
            f"{path}: no items to check: a task file of {folder.name}/, whose files' front "
            f"matter names each task; check {folder.name}/ to read them as one roadmap"
        )
    for depth, root in enumerate((folder, *folder.parents)):
        if depth > 3:  # backlog/archive/tasks/x.md, backlog/docs/guides/x.md
            return None
        below = folder.relative_to(root).as_posix()
        if below.split("/")[0] in _NO_TASKS and taskfiles.detect(root) == root:
            return (
                f"{path}: no items to check: {root.name}/{below}/ of a Backlog.md folder "
                f"holds no tasks roadmaplint reads; check {root.name}/ or a file in "
                f"{root.name}/{taskfiles.TASKS}/"
            )
    return None


def load_source(source: Source, settings_cache: SettingsCache) -> Loaded:
    """Configure and parse a roadmap already read (under the write lock, for edits)."""
    return parse_source(source, settings_cache.for_path(source.path))


def parse_source(source: Source, settings: Settings) -> Loaded:
    """Parse a roadmap already read with the settings found for it (the MCP server keeps
    its own, bounded to the folder it serves)."""
    from roadmaplint.reader.quiet import document_statuses

    roadmap = parse(source.text, str(source.path), settings)
    # what a status means, as the rules read it (a plan with no legend: common spellings)
    statuses = document_statuses(roadmap, settings)
    if statuses is not settings.statuses:
        settings = replace(settings, statuses=statuses)
    return Loaded(source, roadmap, settings, Context(roadmap, settings))


def load_all(paths: Sequence[Path] | None, config: Path | None = None) -> list[Loaded]:
    """Every roadmap the command line names (or discovery finds), read and parsed."""
    settings_cache = SettingsCache(config, Overrides())
    return [_load(path, settings_cache) for path in roadmap_paths(paths, config)]


def split_reference(reference: str) -> tuple[Path | None, str]:
    """``docs/ROADMAP.md#GRAPH-1`` -> (docs/ROADMAP.md, GRAPH-1); a bare ID has no path.

    A number sign after a space is part of the ID (``Tarea #2``, a task numbered so):
    the path ends at the last number sign written against it."""
    signs = [at for at, char in enumerate(reference) if char == "#" and at > 0]
    joined = [at for at in signs if not reference[at - 1].isspace()]
    if joined and joined[-1] + 1 < len(reference) and not reference[joined[-1] + 1].isspace():
        return Path(reference[: joined[-1]]), reference[joined[-1] + 1 :]
    return None, reference


def locate(
    paths: Sequence[Path] | None, reference: str, config: Path | None = None
) -> tuple[Path, str]:
    """The one roadmap that holds the item ``reference`` names, and the item's ID.

    ``path#ID`` names the file; otherwise the roadmaps named or found are read
    and the one holding the ID is chosen, refusing when several hold it.
    """
    swapped = paths is not None and len(paths) == 1 and not paths[0].exists()
    if swapped and paths and Path(reference).is_file():  # as in `show ROADMAP.md A-1`
        reference, paths = str(paths[0]), [Path(reference)]
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
