"""`roadmaplint mcp`: the Model Context Protocol server over stdio.

Each tool is a few lines over the functions the CLI's commands call; every edit goes
through the write gate under the file lock. A refusal is an ``isError`` result holding
the CLI's one-line message; the server never stops on bad input.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceNotFoundError, ToolError
from mcp_types import CallToolResult, TextContent
from pydantic import ValidationError

from roadmaplint import __version__
from roadmaplint.api import placed
from roadmaplint.database.claims import DEFAULT_MINUTES, claim_text, release_text
from roadmaplint.database.export import item_document, to_document
from roadmaplint.database.plan import not_offered, startable
from roadmaplint.database.query import Filters, filter_items
from roadmaplint.edit import new as adding
from roadmaplint.edit.base import FieldChange, ItemEdit, NewItem
from roadmaplint.edit.item import edit_item
from roadmaplint.edit.taskfiles import (
    FileEdit,
    new_plan,
    refuse_section_and_id,
    rename_plan,
    set_plan,
)
from roadmaplint.errors import RoadmapError
from roadmaplint.generate.fix import fix_text
from roadmaplint.history.guard import guard as compare
from roadmaplint.history.guard import older_text
from roadmaplint.mcp.workspace import Served, Workspace, unified_diff
from roadmaplint.model import Item, Roadmap
from roadmaplint.reader import parse
from roadmaplint.reader.claims import holder, now_utc, shown_claim
from roadmaplint.reader.shapes.taskfiles import TaskFolder
from roadmaplint.rules.engine import check_roadmap
from roadmaplint.settings import Settings

Result = dict[str, Any]


MAX_MESSAGE = 1000  # characters of a refusal; an agent's context is not the place for more


def _error(message: str) -> CallToolResult:
    """The isError result, cut short when the message quotes a huge argument (a 10 MB ID
    came back whole in "no item ...")."""
    if len(message) > MAX_MESSAGE:
        message = f"{message[: MAX_MESSAGE - 40]}... ({len(message)} characters in all)"
    return CallToolResult(content=[TextContent(type="text", text=message)], is_error=True)


def _guarded(work: Callable[[], Result]) -> Result:
    """The tool's result, or an isError result holding the one-line refusal.

    The SDK passes a CallToolResult through as it is, whatever the tool's annotation
    (which must stay ``dict[str, Any]`` for the results to be structured).
    """
    try:
        return work()
    except RoadmapError as error:
        return cast(Result, _error(str(error)))
    except OSError as error:
        return cast(Result, _error(f"{error.filename or 'roadmap'}: {error.strerror or error}"))


def _claim(item: Item, now: datetime) -> dict[str, str] | None:
    held = holder(item, now)
    return None if held is None else {"agent": held.agent, "until": held.written.split()[-1]}


def _entry(served: Served, item: Item, now: datetime) -> Result:
    path, line = str(served.path), item.position.line
    if served.folder is not None:  # the task's own file and line, as show_item gives
        where, line = served.folder.place(line)
        path = str(where)
    return {
        "path": path,
        "id": item.id,
        "title": item.title,
        "status": item.status,
        "priority": item.priority,
        "dri": item.dri,
        "section": item.section,
        "line": line,
        "held_by": _claim(item, now),
        "claim": shown_claim(item, now),
    }


class _Server(MCPServer):
    """The SDK's server, refusing arguments of the wrong type in one line.

    The SDK answers with pydantic's report: five lines and a web address per argument.
    """

    async def call_tool(self, name: str, arguments: dict[str, Any], context: Any = None) -> Any:
        try:
            return await super().call_tool(name, arguments, context)
        except ToolError as error:
            if not isinstance(error.__cause__, ValidationError):
                raise
            wrong = "; ".join(
                f"{'.'.join(map(str, problem['loc']))}: {problem['msg']}"
                for problem in error.__cause__.errors()
            )
            return _error(f"{name}: {wrong}")


def build(workspace: Workspace) -> MCPServer:
    server = _Server("roadmaplint", version=__version__)

    def write(reference: str, change: Callable[[Roadmap, Settings, str], str]) -> Result:
        served, item_id = workspace.locate(reference)
        diff = workspace.edit(
            served.path,
            lambda roadmap, settings: (change(roadmap, settings, item_id), {item_id}, {}),
        )
        return {"path": str(served.path), "id": item_id, "diff": diff}

    @server.tool()
    def check(path: str | None = None) -> Result:
        """Check the roadmaps (or the one at path): findings as `check --format json` gives."""

        def work() -> Result:
            findings = [
                finding.as_dict()
                for one in workspace.pick(path)
                for finding in placed(check_roadmap(one.roadmap, one.settings), one.folder)
            ]
            return {"findings": findings}

        return _guarded(work)

    @server.tool()
    def list_items(
        status: str | None = None,
        priority: str | None = None,
        dri: str | None = None,
        section: str | None = None,
    ) -> Result:
        """The items, filtered like `roadmaplint list --status/--priority/--dri/--section`."""

        def work() -> Result:
            filters = Filters(
                *(tuple(v for v in (value,) if v) for value in (status, priority, dri, section))
            )
            now = now_utc()
            return {
                "items": [
                    _entry(one, item, now)
                    for one in workspace.pick(None)
                    for item in filter_items(one.roadmap, filters, one.settings)
                ]
            }

        return _guarded(work)

    @server.tool()
    def show_item(id: str) -> Result:
        """One item (ID or PATH#ID): its fields, dependencies with their statuses,
        dependents, and who holds it."""

        def work() -> Result:
            served, item_id = workspace.locate(id)
            items = served.context.items_by_id
            if item_id not in items:
                from roadmaplint.index import did_you_mean

                raise RoadmapError(
                    f"{served.path}: no item {item_id}{did_you_mean(item_id, items)}"
                )
            item = items[item_id]
            document = item_document(item)
            document["path"] = str(served.path)
            if served.folder is not None:  # the task's own file and line
                where, document["line"] = served.folder.place(item.position.line)
                document["path"] = str(where)
            document["dependencies"] = [
                {"id": dep, "status": items[dep].status if dep in items else None}
                for dep in item.depends_on
            ]
            document["dependents"] = served.context.graph.dependents(item_id)
            now = now_utc()
            document["held_by"] = _claim(item, now)
            document["claim"] = shown_claim(item, now)
            return document

        return _guarded(work)

    @server.tool()
    def next_items(limit: int | None = None, dri: str | None = None) -> Result:
        """What can start now, in `next`'s order (ready, dependencies done, held by no one),
        and for every other open item the reason it is not offered."""

        def work() -> Result:
            if limit is not None and limit < 1:
                raise RoadmapError(f"limit {limit}: give at least 1")
            now = now_utc()
            ready: list[tuple[tuple[int, int], Result]] = []
            others: list[Result] = []
            for one in workspace.pick(None):
                mine = (
                    {
                        item.id
                        for item in filter_items(one.roadmap, Filters(dris=(dri,)), one.settings)
                    }
                    if dri
                    else None
                )
                rank = one.context.priority_rank
                for found in startable(one.context, now):
                    if mine is None or found.item.id in mine:
                        order = (rank.get(found.item.priority or "", len(rank)), -found.unblocks)
                        ready.append(
                            (order, _entry(one, found.item, now) | {"unblocks": found.unblocks})
                        )
                for item, reason in not_offered(one.context, now):
                    if mine is None or item.id in mine:
                        others.append(_entry(one, item, now) | {"reason": reason})
            ready.sort(key=lambda entry: entry[0])
            chosen = [entry for _, entry in ready]
            return {"ready": chosen[:limit] if limit else chosen, "not_offered": others}

        return _guarded(work)

    @server.tool()
    def claim_item(id: str, agent: str, minutes: int = DEFAULT_MINUTES) -> Result:
        """Claim an item for an agent: writes `Claimed by: AGENT until TIME` atomically; an
        error names the holder when another agent's claim has not expired."""
        until: list[str] = []

        def change(roadmap: Roadmap, settings: Settings, item_id: str) -> str:
            text, value = claim_text(roadmap, item_id, agent, minutes, settings, now_utc())
            until.append(value.split()[-1])
            return text

        return _guarded(lambda: write(id, change) | {"agent": agent, "until": until[-1]})

    @server.tool()
    def release_item(id: str, agent: str) -> Result:
        """Remove the agent's claim on an item."""
        return _guarded(
            lambda: write(
                id,
                lambda roadmap, settings, item_id: release_text(roadmap, item_id, agent, settings),
            )
        )

    @server.tool()
    def set_fields(
        id: str,
        status: str | None = None,
        priority: str | None = None,
        dri: str | None = None,
        title: str | None = None,
        add_deps: list[str] | None = None,
        remove_deps: list[str] | None = None,
        done_items: list[str] | None = None,
    ) -> Result:
        """Change an item like `roadmaplint set`; returns the diff written."""
        fields = tuple(
            FieldChange(name, value)
            for name, value in (("Status", status), ("Priority", priority), ("DRI", dri))
            if value is not None
        )
        edit = ItemEdit(
            fields, tuple(add_deps or ()), tuple(remove_deps or ()), title, tuple(done_items or ())
        )

        def work() -> Result:
            if edit.is_empty():
                raise RoadmapError(
                    "nothing to set: give status, priority, dri, title, add_deps, "
                    "remove_deps or done_items"
                )
            served, item_id = workspace.locate(id)
            workspace.refuse_reading_outside(served, edit.add_deps)
            if served.folder is not None:
                diff = workspace.edit_tasks(served, lambda f: [set_plan(f, item_id, edit)])
                return {"path": str(served.path), "id": item_id, "diff": diff}
            return write(
                id, lambda roadmap, settings, item_id: edit_item(roadmap, item_id, edit, settings)
            )

        return _guarded(work)

    @server.tool()
    def new_item(
        section: str,
        title: str,
        status: str | None = None,
        priority: str | None = None,
        dri: str | None = None,
        depends_on: str | None = None,
        id: str | None = None,
        path: str | None = None,
        parent: str | None = None,
    ) -> Result:
        """Add an item to a section like `roadmaplint new`; returns its ID and the diff.
        `parent`: a numbered task (Kiro's `- [ ] 3.`) to add a sub-task under (3.3)."""
        fields = tuple(
            FieldChange(name, value)
            for name, value in (
                ("Status", status),
                ("Priority", priority),
                ("DRI", dri),
                ("Depends on", depends_on),
            )
            if value is not None
        )
        request = NewItem(section, title, fields, item_id=id, parent=parent)

        def work() -> Result:
            served = _single(path)
            workspace.refuse_reading_outside(served, [depends_on] if depends_on else [])
            added: list[str] = []
            if served.folder is not None:
                refuse_section_and_id(served.path, section, id, parent)
                given = {change.name: change.value for change in fields}
                made: list[FileEdit] = []

                def plan(folder: TaskFolder) -> list[FileEdit]:
                    made.append(new_plan(folder, title, given))
                    return made[-1:]

                diff = workspace.edit_tasks(served, plan)
                return {"path": str(made[0].path), "id": made[0].item_id, "diff": diff}

            def change(
                roadmap: Roadmap, settings: Settings
            ) -> tuple[str, set[str], dict[str, str]]:
                text, item_id = adding.new_item(roadmap, request, settings)
                added.append(item_id)
                return text, {item_id}, {}

            diff = workspace.edit(served.path, change)
            return {"path": str(served.path), "id": added[-1], "diff": diff}

        return _guarded(work)

    @server.tool()
    def rename_item(old: str, new: str) -> Result:
        """Rename an item's ID, every dependency on it in its roadmap and the `path#OLD`
        dependencies of the repository's other roadmaps, like `rename`; the diff of each
        file written."""

        def work() -> Result:
            from roadmaplint.config.discover import other_roadmaps
            from roadmaplint.edit.rename_files import rename_in_files

            served, item_id = workspace.locate(old)
            if served.folder is not None:
                diff = workspace.edit_tasks(served, lambda f: rename_plan(f, item_id, new))
                return {"path": str(served.path), "id": new.upper(), "diff": diff}

            found, stopped = other_roadmaps(
                served.path, served.settings.include, served.settings.exclude
            )
            workspace.refuse_outside(served.path)
            others = [Path(os.path.relpath(other)) for other in found]
            done = rename_in_files(
                served.path,
                others,
                item_id,
                new,
                workspace.settings_for,
                may_write=workspace.refuse_outside,
            )
            diffs = {
                str(one.path): unified_diff(str(one.path), one.before, one.after)
                for one in done.files
                if one.after != one.before
            }
            result: Result = {"path": str(served.path), "id": new, "diffs": diffs}
            result["diff"] = diffs.get(str(served.path), "")
            result["prose_lines"] = list(done.rename.prose)
            return result | ({"warning": stopped} if stopped else {})

        return _guarded(work)

    @server.tool()
    def fix(path: str | None = None) -> Result:
        """Regenerate the generated sections and repair stray lists, like `fix`; the diffs."""

        def work() -> Result:
            diffs = {}
            for one in workspace.pick(path):

                def change(
                    roadmap: Roadmap, settings: Settings
                ) -> tuple[str, set[str], dict[str, str]]:
                    result = fix_text(roadmap.source, roadmap.path, settings)
                    if result.refused and result.text == roadmap.source:
                        raise RoadmapError(f"{roadmap.path}: cannot fix: {result.refused}")
                    return result.text, set(), {}

                diffs[str(one.path)] = workspace.edit(one.path, change, regenerate=False)
            return {"diffs": diffs}

        return _guarded(work)

    @server.tool()
    def guard(path: str | None = None, against: str | None = None) -> Result:
        """What the edits since git's `against` broke, as `roadmaplint guard` reports it
        (RL601-RL608); by default since HEAD, or since the index when edits wait on top of
        staged ones."""

        def work() -> Result:
            findings = []
            for one in workspace.pick(path):
                old_text = older_text(one.path, against, None)
                if old_text is not None:
                    old = parse(old_text, str(one.path), one.settings)
                    findings += compare(old, one.roadmap, one.settings)
            return {"findings": [finding.as_dict() for finding in findings]}

        return _guarded(work)

    def _single(path: str | None) -> Served:
        chosen = workspace.pick(path)
        if len(chosen) > 1:
            spelled = ", ".join(str(one.path) for one in chosen)
            raise RoadmapError(
                f"this tool works on one roadmap, and {spelled} are served; give path"
            )
        return chosen[0]

    @server.resource("roadmap://{+path}", mime_type="application/json")
    def roadmap_resource(path: str) -> str:
        """A roadmap as the JSON document `roadmaplint export` writes."""
        try:
            served = workspace.pick(path)[0]
        except RoadmapError as error:
            raise ResourceNotFoundError(str(error)) from None
        graph = served.context.graph
        dependents = {item_id: graph.dependents(item_id) for item_id in served.context.items_by_id}
        return json.dumps(to_document(served.roadmap, dependents), indent=2, ensure_ascii=False)

    return server


def run(paths: list[Path] | None) -> int:
    workspace = Workspace(paths)
    workspace.paths()  # refuse at once when there is no roadmap to serve
    build(workspace).run()
    return 0
