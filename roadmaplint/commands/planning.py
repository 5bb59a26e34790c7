"""`next`, `path` and `graph`: planning with the dependency graph."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from roadmaplint.api import Loaded, load, load_all, split_reference
from roadmaplint.commands.common import EXIT_OK
from roadmaplint.commands.database import FILE
from roadmaplint.database.plan import External, path_to, startable_across
from roadmaplint.errors import RoadmapError
from roadmaplint.graph import BEFORE
from roadmaplint.index import did_you_mean
from roadmaplint.reader.references import cross_reference, normalised, target_path
from roadmaplint.report.json import write_json
from roadmaplint.report.table import table

if TYPE_CHECKING:
    from roadmaplint.generate.graph_picture import View


def run_next(
    paths: Sequence[Path] | None,
    limit: int | None,
    output_format: str,
    config: Path | None,
    out: TextIO,
) -> int:
    loaded = load_all(paths, config)
    several = len(loaded) > 1
    ranked = startable_across([one.context for one in loaded])
    chosen = ranked[:limit] if limit else ranked
    if output_format == "json":
        write_json(
            out,
            [
                _with_file(
                    path if several else None,
                    {
                        "id": found.item.id,
                        "title": found.item.title,
                        "priority": found.item.priority,
                        "unblocks": found.unblocks,
                        "line": found.item.position.line,
                    },
                )
                for path, found in chosen
            ],
        )
        return EXIT_OK
    candidates = [found for _, found in chosen]
    files = [path for path, _ in chosen]
    if not candidates:
        out.write(_nothing_to_start(loaded))
        return EXIT_OK
    rows = [["#", *(["FILE"] if several else []), "ID", "PRIORITY", "UNBLOCKS", "TITLE"]]
    rows += [
        [
            str(number),
            *([path] if several else []),
            found.item.id,
            found.item.priority or "",
            str(found.unblocks),
            found.item.title,
        ]
        for number, (path, found) in enumerate(zip(files, candidates, strict=True), 1)
    ]
    out.write(table(rows))
    return EXIT_OK


def _with_file(path: str | None, entry: dict[str, object]) -> dict[str, object]:
    """The entry with a leading file column when several roadmaps were read."""
    return entry if path is None else {FILE: path} | entry


def run_path(
    path: Path | None, item_id: str, output_format: str, config: Path | None, out: TextIO
) -> int:
    loaded = load(path, config)
    plan = path_to(loaded.context, item_id)
    if output_format == "json":
        write_json(
            out,
            {
                "id": plan.item.id,
                "before": [
                    {"id": item.id, "status": item.status, "title": item.title}
                    for item in plan.before
                ],
                "external": [_external_entry(outside) for outside in plan.external],
                "critical_path": [item.id for item in plan.critical],
            },
        )
        return EXIT_OK
    if not plan.before and not plan.external:
        out.write(f"{plan.item.id} depends on no other item.\n")
        return EXIT_OK
    if plan.before:
        out.write(f"Before {plan.item.id} ({plan.item.title}), in dependency order:\n")
        rows = [
            [f"{number}.", item.id, item.status or "", item.title]
            for number, item in enumerate(plan.before, 1)
        ]
        out.writelines(f"  {line}\n" for line in table(rows).splitlines())
    else:
        out.write(f"{plan.item.id} depends on no other item of {loaded.roadmap.path}.\n")
    if plan.external:
        out.write(
            f"External dependencies, not items of {loaded.roadmap.path} "
            f"(X{BEFORE}Y: X must be done before Y):\n"
        )
        rows = [
            [outside.name, f"{BEFORE.strip()} {outside.needed_by}", _external_state(outside)]
            for outside in plan.external
        ]
        out.writelines(f"  {line}\n" for line in table(rows).splitlines())
    if not plan.before:
        return EXIT_OK
    chain = BEFORE.join(item.id for item in plan.critical)
    if len(plan.critical) > 1:
        out.write(f"Critical path ({len(plan.critical) - 1} unfinished before it): {chain}\n")
    else:
        out.write(f"Critical path: none; every dependency of {plan.item.id} is done.\n")
    return EXIT_OK


def _external_state(outside: External) -> str:
    """What path says of an external: another roadmap's item's status, or why not known."""
    if outside.roadmap is None:
        return "external: not tracked"
    if outside.found is None:
        return f"status unknown: {outside.problem}"
    return f"{outside.found.status or 'no status'}: {outside.found.title}"


def _external_entry(outside: External) -> dict[str, object]:
    entry: dict[str, object] = {"name": outside.name, "needed_by": outside.needed_by}
    if outside.roadmap is None:
        return entry | {"kind": "text"}
    found = outside.found
    return entry | {
        "kind": "roadmap",
        "path": outside.roadmap,
        "id": outside.item_id,
        "status": found.status if found else None,
        "title": found.title if found else None,
        "problem": outside.problem,
    }


def run_graph(
    paths: Sequence[Path] | None,
    output_format: str,
    focus: str | None,
    config: Path | None,
    out: TextIO,
) -> int:
    from roadmaplint.generate.graph_picture import as_json, build_view, combine, dot, mermaid

    loaded = load_all(paths, config)
    render = {"mermaid": mermaid, "dot": dot, "json": as_json}[output_format]
    if len(loaded) == 1:
        out.write(render(_view(loaded[0], focus)))
        return EXIT_OK
    if focus is not None:
        named, item_id = split_reference(focus)
        if named is None:
            raise RoadmapError(f"--focus {focus}: with several roadmaps, name the file: PATH#ID")
        chosen = [one for one in loaded if normalised(one.roadmap.path) == normalised(str(named))]
        if not chosen:
            raise RoadmapError(f"--focus {focus}: {named} is not among the roadmaps read")
        out.write(render(_view(chosen[0], item_id)))
        return EXIT_OK
    paths_read = {normalised(one.roadmap.path): one for one in loaded}

    def resolve(path: str, name: str) -> str | None:
        one = paths_read[normalised(path)]
        reference = cross_reference(name, one.settings.id_pattern)
        if reference is None:
            return None
        target = paths_read.get(target_path(one.roadmap.path, reference))
        if target is None or reference.item_id not in target.context.items_by_id:
            return None
        return f"{target.roadmap.path}#{reference.item_id}"

    views = [
        (
            one.roadmap.path,
            build_view(one.roadmap, one.context.items_by_id, one.settings.statuses),
        )
        for one in loaded
    ]
    out.write(render(combine(views, resolve)))
    return EXIT_OK


def _view(loaded: Loaded, focus: str | None) -> View:
    from roadmaplint.generate.graph_picture import build_view

    items = loaded.context.items_by_id
    keep = None
    if focus is not None:
        if focus not in items:
            raise RoadmapError(
                f"{loaded.roadmap.path}: no item {focus}{did_you_mean(focus, items)}"
            )
        graph = loaded.context.graph
        keep = graph.ancestors(focus) | graph.descendants(focus) | {focus}
    return build_view(loaded.roadmap, items, loaded.settings.statuses, keep)


def _nothing_to_start(loaded: Sequence[Loaded]) -> str:
    """Why ``next`` lists nothing: no item is ready at all, or every ready one waits."""
    waiting = sum(
        1
        for one in loaded
        for item in one.roadmap.items
        if one.context.settings.statuses.is_ready(item.status)
    )
    if not waiting:
        return "Nothing can start now: no item is ready.\n"
    items = "item waits" if waiting == 1 else "items wait"
    return f"Nothing can start now: {waiting} ready {items} on dependencies not done.\n"
