"""`set`, `new`, `rename` and `init`: changing the roadmap, always through the safe write path.

Like ``fix --diff``, ``--dry-run`` exits 1 when the command would change the
file and 0 when it would not.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from roadmaplint.api import DEFAULT_PATH, Loaded, load_folder, load_source
from roadmaplint.commands.common import EXIT_FINDINGS, EXIT_OK
from roadmaplint.commands.fix import unified_diff
from roadmaplint.config.cache import SettingsCache
from roadmaplint.config.load import Overrides
from roadmaplint.edit.base import ItemEdit, NewItem, check_one_line
from roadmaplint.edit.item import edit_item
from roadmaplint.edit.linter_config import LINTER_CONFIGS
from roadmaplint.edit.new import STARTER, new_item
from roadmaplint.errors import RoadmapError
from roadmaplint.generate.fix import fix_text, regenerate_after_edit
from roadmaplint.write.atomic import Pending, create_roadmap, editing, editing_folder

if TYPE_CHECKING:
    from roadmaplint.edit.taskfiles import FileEdit
    from roadmaplint.reader.shapes.taskfiles import TaskFolder


def _regenerate_and_write(
    pending: Pending,
    loaded: Loaded,
    edited: str,
    dry_run: bool,
    out: TextIO,
    said: str,
    touched: Collection[str],
    renamed: Mapping[str, str] | None = None,
) -> int:
    """Bring the generated sections up to date for the items the edit ``touched``, then
    diff the text or write it.

    An edit changes only what it was asked to: earlier staleness of the generated
    sections and a stray list (RL108) are left for ``fix``.
    """
    regenerated = regenerate_after_edit(loaded.roadmap, edited, loaded.settings, touched, renamed)
    if regenerated.refused:
        raise RoadmapError(f"{loaded.roadmap.path}: {regenerated.refused}")
    if dry_run:
        out.write(unified_diff(str(loaded.source.path), loaded.source.text, regenerated.text))
        return EXIT_FINDINGS if regenerated.text != loaded.source.text else EXIT_OK
    if regenerated.text != loaded.source.text:
        pending.write(regenerated.text)
    if said:
        out.write(said + "\n")
    return EXIT_OK


def _said(item_id: str, edit: ItemEdit, written: Mapping[str, str] | None = None) -> str:
    """What ``set`` changed; ``written`` holds the value a field now reads where the
    plan writes it another way (``done`` written as ``✅`` in a heading)."""
    written = written or {}
    parts = [
        f"{change.name} {change.value}"
        + (f" (written {written[change.name]})" if change.name in written else "")
        for change in edit.fields
    ]
    parts += [f"+Depends on {value}" for value in edit.add_deps]
    parts += [f"-Depends on {value}" for value in edit.remove_deps]
    if edit.title is not None:
        parts.append(f"title {edit.title.strip()}")
    parts += [f"ticked {entry}" for entry in edit.tick]
    parts += [f"unticked {entry}" for entry in edit.untick]
    return f"Set {item_id}: {', '.join(parts)}"


_READ_AS = {"status": "status", "priority": "priority", "dri": "dri"}


def _written_otherwise(loaded: Loaded, edited: str, item_id: str, edit: ItemEdit) -> dict[str, str]:
    """The fields of ``edit`` the edited plan reads as another spelling than was asked:
    a heading's status mark, a legend's own spelling of a status."""
    from roadmaplint.reader import parse

    wanted = [change for change in edit.fields if change.name.lower() in _READ_AS]
    if not wanted:
        return {}
    # Each value written as asked on the item's lines: nothing else to say, and no second
    # read of the whole plan (a second of CPU at 10,000 items).
    before = next((found for found in loaded.roadmap.items if found.id == item_id), None)
    if before is not None:
        lines = edited.splitlines()[before.position.line - 1 : before.end_line + 2 * len(wanted)]
        if all(change.value.strip() in "\n".join(lines) for change in wanted):
            return {}
    after = parse(edited, loaded.roadmap.path, loaded.settings)
    item = next((found for found in after.items if found.id == item_id), None)
    if item is None:
        return {}
    written: dict[str, str] = {}
    for change in wanted:
        value = getattr(item, _READ_AS[change.name.lower()])
        if value is not None and value != change.value.strip():
            written[change.name] = value
    return written


def _on_task_folder(
    path: Path,
    config: Path | None,
    plan: Callable[[TaskFolder], list[FileEdit]],
    dry_run: bool,
    out: TextIO,
    said: Callable[[list[FileEdit]], str],
) -> int:
    """An edit of a folder of task files: its plans diffed (``--dry-run``) or written."""
    from roadmaplint.edit.taskfiles import apply

    with contextlib.nullcontext() if dry_run else editing_folder(path):
        folder = load_folder(path, SettingsCache(config, Overrides())).folder
        assert folder is not None
        plans = [found for found in plan(folder) if found.new != found.old or found.moved_to]
        if dry_run:
            for found in plans:
                out.write(unified_diff(str(found.path), found.old, found.new))
                if found.moved_to is not None:
                    out.write(f"would rename {found.path} to {found.moved_to}\n")
            return EXIT_FINDINGS if plans else EXIT_OK
        if plans:
            apply(plans)
    out.write(said(plans) + "\n")
    return EXIT_OK


def run_set(
    path: Path | None,
    item_id: str,
    edit: ItemEdit,
    dry_run: bool,
    config: Path | None,
    out: TextIO,
) -> int:
    if edit.is_empty():
        raise RoadmapError(
            "nothing to set: give --status, --priority, --dri, --depends-on, --add-dep, "
            "--remove-dep, --title, --done-item or --undone-item"
        )
    if path is not None and path.is_dir():
        from roadmaplint.edit.taskfiles import set_plan

        return _on_task_folder(
            path,
            config,
            lambda folder: [set_plan(folder, item_id, edit)],
            dry_run,
            out,
            lambda plans: (
                _said(item_id, edit) if plans else f"No change: {item_id} already reads that way"
            ),
        )
    with editing(path or DEFAULT_PATH, lock=not dry_run) as pending:
        loaded = load_source(pending.source, SettingsCache(config, Overrides()))
        edited = edit_item(loaded.roadmap, item_id, edit, loaded.settings)
        if edited == loaded.roadmap.source:
            out.write(f"No change: {item_id} already reads that way\n")
            return EXIT_OK
        said = _said(item_id, edit, _written_otherwise(loaded, edited, item_id, edit))
        return _regenerate_and_write(pending, loaded, edited, dry_run, out, said, {item_id})


def run_new(
    path: Path | None, request: NewItem, dry_run: bool, config: Path | None, out: TextIO
) -> int:
    if path is not None and path.is_dir():
        from roadmaplint.edit.taskfiles import new_plan, refuse_section_and_id

        refuse_section_and_id(path, request.section, request.item_id, request.parent)
        fields = {change.name: change.value for change in request.fields}
        return _on_task_folder(
            path,
            config,
            lambda folder: [new_plan(folder, request.title, fields, request.done)],
            dry_run,
            out,
            lambda plans: f"Added {plans[0].path}",
        )
    with editing(path or DEFAULT_PATH, lock=not dry_run) as pending:
        loaded = load_source(pending.source, SettingsCache(config, Overrides()))
        edited, item_id = new_item(loaded.roadmap, request, loaded.settings)
        said = f"Added {item_id} to {request.section.strip()}"
        return _regenerate_and_write(pending, loaded, edited, dry_run, out, said, {item_id})


def run_rename(
    path: Path | None, old: str, new: str, dry_run: bool, config: Path | None, out: TextIO
) -> int:
    """Rename in ``path``, and in the other roadmaps (as the editor finds them) the
    ``path#OLD`` dependencies that name it; every file locked, proved, then written."""
    from roadmaplint.config.discover import other_roadmaps
    from roadmaplint.edit.rename_files import rename_in_files

    target = path or DEFAULT_PATH
    if target.is_dir():
        from roadmaplint.edit.taskfiles import rename_plan

        return _on_task_folder(
            target,
            config,
            lambda folder: rename_plan(folder, old, new),
            dry_run,
            out,
            lambda plans: _said_renamed(old, new, plans),
        )
    cache = SettingsCache(config, Overrides())
    settings = cache.for_path(target)
    found, stopped = other_roadmaps(target, settings.include, settings.exclude)
    if stopped is not None:
        sys.stderr.write(stopped + "\n")
    done = rename_in_files(
        target, [_shown(other) for other in found], old, new, cache.for_path, write=not dry_run
    )
    count, reverse = done.rename.dependents, done.rename.reverse
    updated = [f"{count} dependent{'s' * (count != 1)}"] if count or not reverse else []
    if reverse:  # ``Blocks: OLD`` on the items it depends on
        updated.append(f"{reverse} item{'s' * (reverse != 1)} naming it in reverse")
    said = f"Renamed {old} to {new} ({' and '.join(updated)} updated"
    said += f" in {len(done.files)} files)" if len(done.files) > 1 else ")"
    if done.rename.prose:
        lines = done.rename.prose
        listed = ", ".join(map(str, lines[:10])) + (", ..." if len(lines) > 10 else "")
        said += f"; {old} is still named in prose on line{'s' * (len(lines) > 1)} {listed}"
    if not dry_run:
        out.write(said + "\n")
        return EXIT_OK
    changed = False
    for one in done.files:
        out.write(unified_diff(str(one.path), one.before, one.after))
        changed = changed or one.after != one.before
    return EXIT_FINDINGS if changed else EXIT_OK


def _said_renamed(old: str, new: str, plans: list[FileEdit]) -> str:
    count = sum(plan.moved_to is None for plan in plans)
    subtasks = len(plans) - 1 - count
    moved = plans[-1].moved_to
    said = f"Renamed {old} to {new.upper()} ({count} dependent{'s' * (count != 1)} updated"
    said += f", {subtasks} subtask{'s' * (subtasks != 1)} renamed)" if subtasks else ")"
    return said + (f"; its file is now {moved}" if moved is not None else "")


def _shown(path: Path) -> Path:
    """A path as the user would write it: relative to the current folder when it can be."""
    return Path(os.path.relpath(path))


def run_init(
    path: Path | None, title: str, out: TextIO, *, with_linter_config: bool = False
) -> int:
    """Where a plan exists (``path``, or what discovery finds), write the configuration
    that reads it as it stands; else create a starter roadmap, and its folder.

    With ``with_linter_config``, also the markdownlint-cli2 and rumdl settings beside
    the plan. Never overwrite a file that exists: if any would be, nothing is written."""
    check_one_line(title, "--title")
    if not title.strip():
        raise RoadmapError("--title is one non-empty line")
    plans = _existing_plans(path)
    target = plans[0] if plans else path or DEFAULT_PATH
    configs = [(target.parent / name, text) for name, text in LINTER_CONFIGS]
    if with_linter_config:
        for existing in [*([] if plans else [target]), *(config for config, _ in configs)]:
            if existing.exists() or existing.is_symlink():
                raise RoadmapError(
                    f"{existing}: already exists; roadmaplint init never overwrites, "
                    "so it wrote nothing"
                )
    files = [plan for plan in plans if not plan.is_dir()]
    if files:
        _init_configuration(files, out)
    elif plans:  # a task folder (a folder discovery or the command line named)
        _init_task_folder(plans[0], out)
    else:
        _init_starter(target, title, out)
    if with_linter_config:
        for config, config_text in configs:
            create_roadmap(config, config_text)
        names = " and ".join(str(config) for config, _ in configs)
        out.write(
            f"Wrote {names}: markdownlint-cli2 and rumdl with every default rule but MD013, "
            "MD025 and MD024 beyond siblings (docs/markdownlint.md says why).\n"
        )
    return EXIT_OK


def _init_starter(target: Path, title: str, out: TextIO) -> None:
    folder = target.parent
    if not folder.is_dir():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise RoadmapError(f"{folder}: cannot create the folder: {error.strerror}") from None
    text = STARTER.format(title=title.strip())
    create_roadmap(target, fix_text(text, str(target)).text)
    out.write(f"Wrote {target}: a starter roadmap; `roadmaplint check --strict {target}` passes.\n")


def _existing_plans(path: Path | None) -> list[Path]:
    """The plans ``init`` configures: the file named, or the roadmaps discovery finds."""
    from roadmaplint.config.discover import roadmap_files

    if path is not None and not path.is_dir():
        return [path] if path.exists() else []
    if path is not None:
        from roadmaplint.reader.shapes import taskfiles

        if taskfiles.detect(path) is not None:  # backlog, backlog/tasks, its project
            return [path]
    try:
        return roadmap_files([path] if path is not None else None)
    except RoadmapError:
        return []  # nothing found: a starter roadmap


def _init_task_folder(path: Path, out: TextIO) -> None:
    """Write `.roadmaplint.toml` for a Backlog.md task folder, beside it or here: its
    ``config.yml`` statuses by meaning, proved to give the same findings as without it."""
    from roadmaplint.api import check_loaded
    from roadmaplint.config.infer import folder_configuration
    from roadmaplint.config.load import CONFIG_FILE, find_config, settings_from_text
    from roadmaplint.reader.shapes import taskfiles

    root = taskfiles.detect(path)
    if root is None:
        raise RoadmapError(f"{path}: is a folder, and holds no Backlog.md task folder")
    found = find_config(root / taskfiles.CONFIG)
    if found is not None:
        raise RoadmapError(
            f"{_shown(Path(found))}: already configures {root}; roadmaplint init never "
            "overwrites a configuration (edit it, or remove it and run init again)"
        )
    here = Path.cwd().resolve()
    inside = root.resolve().is_relative_to(here)
    folder = here if inside else root.resolve().parent
    target = folder / CONFIG_FILE
    read_once = taskfiles.FolderCache()  # the second load parses no task file again
    unconfigured = load_folder(root, SettingsCache(None, Overrides()), cache=read_once)
    assert unconfigured.folder is not None
    name = root.resolve().relative_to(folder).as_posix()
    text = folder_configuration(unconfigured.folder, name)
    settings = settings_from_text(text, str(target), folder)
    configured = load_folder(
        root, SettingsCache(None, Overrides()), settings=settings, cache=read_once
    )
    if check_loaded(configured) != check_loaded(unconfigured):
        raise RoadmapError(
            f"{_shown(target)}: the configuration would change the findings; nothing written"
        )
    create_roadmap(target, text)
    count = len(unconfigured.folder.tasks)
    # outside the working folder, check finds the configuration from the folder named
    command = "roadmaplint check" + ("" if inside else f" {path}")
    out.write(
        f"Wrote {_shown(target)}: it reads {name} as it stands ({count} tasks, the statuses "
        f"of {taskfiles.CONFIG}); `{command}` finds the same findings with it.\n"
    )


def _init_configuration(paths: list[Path], out: TextIO) -> int:
    """Write `.roadmaplint.toml` reading ``paths`` as they stand, beside them or here."""
    from roadmaplint.config.infer import Plan, configuration
    from roadmaplint.config.load import CONFIG_FILE, find_config
    from roadmaplint.reader import parse
    from roadmaplint.reader.source import read_roadmap
    from roadmaplint.settings import Settings

    for path in paths:
        found = find_config(path)
        if found is not None:
            raise RoadmapError(
                f"{_shown(Path(found))}: already configures {path}; roadmaplint init never "
                "overwrites a configuration (edit it, or remove it and run init again)"
            )
    here = Path.cwd().resolve()
    inside = all(path.resolve().is_relative_to(here) for path in paths)
    folder = here if inside else paths[0].resolve().parent
    plans = []
    for path in paths:
        source = read_roadmap(path)
        roadmap = parse(source.text, str(path), Settings())
        if roadmap.items:
            relative = path.resolve().relative_to(folder).as_posix()
            plans.append(Plan(source.text, str(path), relative, roadmap))
    if not plans:
        named = paths[0]
        raise RoadmapError(
            f"{named}: no items were read, so there is no configuration to write; "
            f"`roadmaplint check --explain {named}` shows what was looked for"
        )
    target = folder / CONFIG_FILE
    create_roadmap(target, configuration(plans))
    count = sum(len(plan.roadmap.items) for plan in plans)
    names = ", ".join(plan.relative for plan in plans)
    # a plan outside the working folder is configured beside it, where check finds the
    # configuration from the plan; discovery from here would not look there
    command = "roadmaplint check" + ("" if inside else " " + " ".join(map(str, paths)))
    out.write(
        f"Wrote {_shown(target)}: it reads {names} as it stands ({count} items); "
        f"`{command}` finds the same items and findings with it.\n"
    )
    return EXIT_OK
