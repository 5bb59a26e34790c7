"""`next`, `path` and `graph`: planning with the dependency graph."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from roadmaplint.commands.common import EXIT_OK, load, table, write_json
from roadmaplint.errors import RoadmapError
from roadmaplint.plan import path_to, startable
from roadmaplint.rules.base import did_you_mean


def run_next(
    path: Path | None, limit: int | None, output_format: str, config: Path | None, out: TextIO
) -> int:
    loaded = load(path, config)
    candidates = startable(loaded.context)[:limit] if limit else startable(loaded.context)
    if output_format == "json":
        write_json(
            out,
            [
                {
                    "id": found.item.id,
                    "title": found.item.title,
                    "priority": found.item.priority,
                    "unblocks": found.unblocks,
                    "line": found.item.position.line,
                }
                for found in candidates
            ],
        )
        return EXIT_OK
    if not candidates:
        out.write("Nothing can start now: no ready item has all its dependencies done.\n")
        return EXIT_OK
    rows = [["#", "ID", "PRIORITY", "UNBLOCKS", "TITLE"]]
    rows += [
        [
            str(number),
            found.item.id,
            found.item.priority or "",
            str(found.unblocks),
            found.item.title,
        ]
        for number, found in enumerate(candidates, 1)
    ]
    out.write(table(rows))
    return EXIT_OK


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
                "critical_path": [item.id for item in plan.critical],
            },
        )
        return EXIT_OK
    if not plan.before:
        out.write(f"{plan.item.id} depends on no other item.\n")
        return EXIT_OK
    out.write(f"Before {plan.item.id} ({plan.item.title}), in dependency order:\n")
    rows = [
        [f"{number}.", item.id, item.status or "", item.title]
        for number, item in enumerate(plan.before, 1)
    ]
    out.writelines(f"  {line}\n" for line in table(rows).splitlines())
    chain = " -> ".join(item.id for item in plan.critical)
    if len(plan.critical) > 1:
        out.write(f"Critical path ({len(plan.critical) - 1} unfinished before it): {chain}\n")
    else:
        out.write(f"Critical path: none; every dependency of {plan.item.id} is done.\n")
    return EXIT_OK


def run_graph(
    path: Path | None, output_format: str, focus: str | None, config: Path | None, out: TextIO
) -> int:
    from roadmaplint.picture import as_json, build_view, dot, mermaid

    loaded = load(path, config)
    items = loaded.context.items_by_id
    keep = None
    if focus is not None:
        if focus not in items:
            raise RoadmapError(
                f"{loaded.roadmap.path}: no item {focus}{did_you_mean(focus, items)}"
            )
        graph = loaded.context.graph
        keep = graph.ancestors(focus) | graph.descendants(focus) | {focus}
    view = build_view(loaded.roadmap, items, loaded.settings.statuses, keep)
    render = {"mermaid": mermaid, "dot": dot, "json": as_json}[output_format]
    out.write(render(view))
    return EXIT_OK
