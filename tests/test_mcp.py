"""`roadmaplint mcp` driven by the mcp SDK's own stdio client, as an agent's tool runs it."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
import pytest
from conftest import cli, installed_command, run, run_python

mcp = pytest.importorskip("mcp")
from mcp import ClientSession, StdioServerParameters  # noqa: E402
from mcp.client.stdio import stdio_client  # noqa: E402

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "gomlx" / "ROADMAP.md"
TOOLS = {
    "check",
    "list_items",
    "show_item",
    "next_items",
    "claim_item",
    "release_item",
    "set_fields",
    "new_item",
    "rename_item",
    "fix",
    "guard",
}
ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(EXAMPLE, tmp_path / "ROADMAP.md")
    return tmp_path


@asynccontextmanager
async def session(cwd: Path) -> AsyncIterator[ClientSession]:
    params = StdioServerParameters(command=installed_command(), args=["mcp"], cwd=str(cwd))
    async with stdio_client(params) as (read, write), ClientSession(read, write) as client:
        await client.initialize()
        yield client


async def call(client: ClientSession, tool: str, **arguments: Any) -> dict[str, Any]:
    result = await client.call_tool(tool, arguments)
    assert not result.is_error, result.content
    assert result.structured_content is not None
    return result.structured_content


async def refused(client: ClientSession, tool: str, **arguments: Any) -> str:
    result = await client.call_tool(tool, arguments)
    assert result.is_error
    assert result.structured_content is None
    text = result.content[0].text  # type: ignore[union-attr]
    assert isinstance(text, str) and "\n" not in text
    return text


async def test_initialize_lists_the_tools_and_reads_the_example(project: Path) -> None:
    params = StdioServerParameters(command=installed_command(), args=["mcp"], cwd=str(project))
    async with stdio_client(params) as (read, write), ClientSession(read, write) as client:
        init = await client.initialize()
        assert init.server_info.name == "roadmaplint"
        tools = {tool.name for tool in (await client.list_tools()).tools}
        assert tools == TOOLS

        # check: the findings `check --format json` gives, the same list
        found = await call(client, "check")
        assert [(f["line"], f["code"]) for f in found["findings"]] == [
            (33, "RL306"),
            (47, "RL306"),
            (125, "RL501"),
            (152, "RL306"),
            (246, "RL502"),
            (296, "RL401"),
        ]

        listed = await call(client, "list_items", status="ready", priority="P0")
        assert [entry["id"] for entry in listed["items"]] == ["MODEL-1", "MODEL-2", "GRAPH-3"]
        assert listed["items"][0]["held_by"] is None
        assert listed["items"][0]["claim"] is None

        shown = await call(client, "show_item", id="MODEL-2")
        assert shown["status"] == "ready"
        assert shown["dependencies"] == [{"id": "MODEL-1", "status": "ready"}]
        assert shown["line"] == 42

        planned = await call(client, "next_items", limit=3)
        assert [entry["id"] for entry in planned["ready"]] == ["MODEL-3", "MODEL-6", "MODEL-7"]
        reasons = {entry["id"]: entry["reason"] for entry in planned["not_offered"]}
        assert reasons["MODEL-2"] == "waits for MODEL-1 (ready)"
        assert reasons["MODEL-4"] == "not ready: its status is idea"
        assert reasons["GRAPH-1"] == "not ready: its status is in_progress"

        # errors: the CLI's one-line message, as an isError result; the server goes on
        assert await refused(client, "show_item", id="MODEL-99") == (
            "ROADMAP.md: no item MODEL-99 (did you mean MODEL-1?)"
        ) or "no item MODEL-99" in await refused(client, "show_item", id="MODEL-99")
        assert "not in the Status Legend" in await refused(
            client, "set_fields", id="MODEL-3", status="finished"
        )
        assert await refused(client, "set_fields", id="MODEL-3") == (
            "nothing to set: give status, priority, dri, title, add_deps, remove_deps or done_items"
        )

        # claims: written through the gate; another agent is refused by name; renewal works
        claimed = await call(client, "claim_item", id="MODEL-3", agent="@alice", minutes=30)
        assert ISO.fullmatch(claimed["until"])
        assert f"+  - **Claimed by:** @alice until {claimed['until']}\n" in claimed["diff"]
        text = (project / "ROADMAP.md").read_text(encoding="utf-8")
        assert text.count("**Claimed by:**") == 1
        stolen = await refused(client, "claim_item", id="MODEL-3", agent="@bob")
        assert stolen.startswith("ROADMAP.md:")
        assert f"MODEL-3 is held by @alice until {claimed['until']}" in stolen
        assert (project / "ROADMAP.md").read_text(encoding="utf-8") == text
        shown = await call(client, "show_item", id="MODEL-3")
        assert shown["claim"] == f"held by @alice until {claimed['until']}"
        assert shown["held_by"] == {"agent": "@alice", "until": claimed["until"]}
        await call(client, "claim_item", id="MODEL-3", agent="@alice", minutes=60)
        assert (project / "ROADMAP.md").read_text(encoding="utf-8").count("Claimed by") == 1

        planned = await call(client, "next_items", limit=3)
        assert [entry["id"] for entry in planned["ready"]] == ["MODEL-6", "MODEL-7", "BE-1"]
        held = [entry for entry in planned["not_offered"] if entry["id"] == "MODEL-3"]
        assert held[0]["reason"].startswith("held by @alice until ")
        # the CLI's `next` does not offer a held item either
        assert "MODEL-3" not in cli("next", cwd=project).stdout

        assert "claimed by @alice, not @bob" in await refused(
            client, "release_item", id="MODEL-3", agent="@bob"
        )
        released = await call(client, "release_item", id="MODEL-3", agent="@alice")
        assert "-  - **Claimed by:** @alice until" in released["diff"]
        assert (project / "ROADMAP.md").read_text(encoding="utf-8") == EXAMPLE.read_text(
            encoding="utf-8"
        )

        # edits: the same change `set` makes, diff returned
        done = await call(client, "set_fields", id="MODEL-3", status="in_progress", dri="@ana")
        assert "-  - **Status:** ready\n" in done["diff"]
        assert "+  - **Status:** in_progress\n" in done["diff"]
        assert "+  - **DRI:** @ana\n" in done["diff"]
        assert cli("show", "MODEL-3", cwd=project).stdout.count("in_progress") >= 1

        # a file changed on disk between calls is read again
        path = project / "ROADMAP.md"
        path.write_text(
            path.read_text(encoding="utf-8").replace("**Status:** idea", "**Status:** ready", 1),
            encoding="utf-8",
        )
        shown = await call(client, "show_item", id="MODEL-4")
        assert shown["status"] == "ready"

        added = await call(client, "new_item", section="Modeling", title="Sparse tensors")
        assert added["id"] == "MODEL-8"
        renamed = await call(client, "rename_item", old="MODEL-8", new="MODEL-80")
        assert "MODEL-80" in renamed["diff"]
        fixed = await call(client, "fix")
        assert "GRAPH-2" in fixed["diffs"]["ROADMAP.md"]
        assert cli("check", "--select", "RL401", cwd=project).returncode == 0

        # guard: outside git it refuses in one line; with --against-file semantics via git only
        assert "not in a git work tree" in await refused(client, "guard")

        resource = await client.read_resource("roadmap://ROADMAP.md")
        assert '"id": "MODEL-80"' in resource.contents[0].text  # type: ignore[union-attr]


def test_without_the_extra_one_line_and_exit_2(project: Path) -> None:
    # None in sys.modules is how Python spells "this package is not installed".
    result = run_python(
        "import sys\n"
        "sys.modules['mcp'] = None\n"
        "from roadmaplint.cli import main\n"
        "raise SystemExit(main(['mcp']))\n",
        project,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "roadmaplint: error: the MCP server needs the mcp extra: pip install 'mcp>=2.3,<3' "
        "(in roadmaplint's environment)\n"
    )
    assert result.stdout == ""


def test_check_never_imports_the_mcp_sdk(project: Path) -> None:
    result = run_python(
        "import sys\n"
        "from roadmaplint.cli import main\n"
        "main(['check'])\n"
        "print(sorted(name for name in ('mcp', 'mcp_types') if name in sys.modules))\n",
        project,
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


ROUNDS = 50


@pytest.mark.slow
async def test_two_servers_claim_one_item_exactly_one_wins(project: Path) -> None:
    path = project / "ROADMAP.md"
    original = path.read_text(encoding="utf-8")
    async with session(project) as first, session(project) as second:
        for _ in range(ROUNDS):
            path.write_text(original, encoding="utf-8")
            results: dict[str, bool] = {}

            async def claim(
                agent: str, client: ClientSession, results: dict[str, bool] = results
            ) -> None:
                result = await client.call_tool("claim_item", {"id": "MODEL-6", "agent": agent})
                results[agent] = not result.is_error

            async with anyio.create_task_group() as group:
                group.start_soon(claim, "@alice", first)
                group.start_soon(claim, "@bob", second)
            winners = [agent for agent, won in results.items() if won]
            assert len(winners) == 1, results
            text = path.read_text(encoding="utf-8")
            assert text.count("**Claimed by:**") == 1
            assert f"**Claimed by:** {winners[0]} until" in text


CORE = """# Core Roadmap

## Core

## [CORE-1] Parser

- **Status:** ready
- **Priority:** P1
- **Depends on:** docs/ROADMAP.md#DOCS-1

## [CORE-2] Writer

- **Status:** idea
- **Priority:** P2
- **Depends on:** CORE-1
"""
DOCS = """# Docs Roadmap

## Docs

## [DOCS-1] Guide

- **Status:** ready
- **Priority:** P1

## [DOCS-2] Reference

- **Status:** idea
- **Priority:** P2
- **Depends on:** ../ROADMAP.md#CORE-1
"""


def _pair(folder: Path) -> Path:
    """Two roadmaps of one git repository that depend on each other's items."""
    folder.mkdir()
    run("git", "init", "-q", ".", cwd=folder)
    (folder / "docs").mkdir()
    (folder / "ROADMAP.md").write_text(CORE, encoding="utf-8")
    (folder / "docs" / "ROADMAP.md").write_text(DOCS, encoding="utf-8")
    return folder


async def test_rename_item_renames_across_roadmaps_as_the_command_does(tmp_path: Path) -> None:
    by_tool = _pair(tmp_path / "tool")
    by_command = _pair(tmp_path / "command")
    async with session(by_tool) as client:
        renamed = await call(client, "rename_item", old="CORE-1", new="PARSE-1")
    assert renamed["path"] == "ROADMAP.md"
    assert renamed["id"] == "PARSE-1"
    assert renamed["diffs"] == {
        "docs/ROADMAP.md": (
            "--- a/docs/ROADMAP.md\n+++ b/docs/ROADMAP.md\n@@ -11,4 +11,4 @@\n \n"
            " - **Status:** idea\n - **Priority:** P2\n"
            "-- **Depends on:** ../ROADMAP.md#CORE-1\n"
            "+- **Depends on:** ../ROADMAP.md#PARSE-1\n"
        ),
        "ROADMAP.md": (
            "--- a/ROADMAP.md\n+++ b/ROADMAP.md\n@@ -2,7 +2,7 @@\n \n ## Core\n \n"
            "-## [CORE-1] Parser\n+## [PARSE-1] Parser\n \n"
            " - **Status:** ready\n - **Priority:** P1\n"
            "@@ -12,4 +12,4 @@\n \n - **Status:** idea\n - **Priority:** P2\n"
            "-- **Depends on:** CORE-1\n+- **Depends on:** PARSE-1\n"
        ),
    }
    assert renamed["diff"] == renamed["diffs"]["ROADMAP.md"]
    done = cli("rename", "CORE-1", "PARSE-1", cwd=by_command)
    assert done.stdout == "Renamed CORE-1 to PARSE-1 (2 dependents updated in 2 files)\n"
    for name in ("ROADMAP.md", "docs/ROADMAP.md"):
        assert (by_tool / name).read_bytes() == (by_command / name).read_bytes()
    assert cli("check", "--select", "RL3", "docs/ROADMAP.md", cwd=by_tool).returncode == 0

    # refused as the command refuses, in one line: neither file changes
    async with session(by_tool) as client:
        taken = await refused(client, "rename_item", old="PARSE-1", new="CORE-2")
    assert taken == "ROADMAP.md:11: CORE-2 already exists; choose an ID no item has"
    for name in ("ROADMAP.md", "docs/ROADMAP.md"):
        assert (by_tool / name).read_bytes() == (by_command / name).read_bytes()


async def test_rename_item_writes_no_other_roadmap_that_links_out_of_the_folder(
    tmp_path: Path,
) -> None:
    """A repository's docs/ROADMAP.md that is a symlink to another project's plan: the
    rename would rewrite that plan's ``path#CORE-1``; it is refused and nothing written."""
    folder = _pair(tmp_path / "tool")
    elsewhere = tmp_path / "elsewhere.md"
    # named by its absolute path: "../ROADMAP.md" is read from where the link leads
    named = DOCS.replace("../ROADMAP.md#", f"{folder / 'ROADMAP.md'}#")
    elsewhere.write_text(named, encoding="utf-8")
    (folder / "docs" / "ROADMAP.md").unlink()
    (folder / "docs" / "ROADMAP.md").symlink_to(elsewhere)
    before = {path: path.read_bytes() for path in (folder / "ROADMAP.md", elsewhere)}
    async with session(folder) as client:
        message = await refused(client, "rename_item", old="CORE-1", new="PARSE-1")
    assert message == (  # discovery named the file where the link leads
        "../elsewhere.md: not written: it links to a file outside the folder the server "
        "serves; edit it there, or start the server with its path"
    )
    assert {path: path.read_bytes() for path in before} == before


async def test_a_dependency_on_a_file_outside_the_served_folder_is_not_read(
    tmp_path: Path,
) -> None:
    """Checking ``path#ID`` reads that file and suggests its IDs: an agent must not probe
    the machine's other files through the server. Inside the folder it is checked."""
    folder = _pair(tmp_path / "tool")
    secret = tmp_path / "secret.md"
    secret.write_text("# Keys\n\n## [KEY-1] The key is 1234\n", encoding="utf-8")
    before = (folder / "ROADMAP.md").read_bytes()
    async with session(folder) as client:
        for tool, arguments in (
            ("set_fields", {"id": "CORE-2", "add_deps": ["../secret.md#KEY-2"]}),
            ("new_item", {"section": "Core", "title": "x", "depends_on": "../secret.md#KEY-2"}),
        ):
            assert await refused(client, tool, **arguments) == (
                "../secret.md#KEY-2: not read: it names a file outside the folder the server serves"
            )
        inside = await refused(
            client, "set_fields", id="CORE-2", add_deps=["docs/ROADMAP.md#DOCS-9"]
        )
        assert re.fullmatch(
            r"ROADMAP\.md:\d+: CORE-2 cannot depend on docs/ROADMAP\.md#DOCS-9: "
            r"docs/ROADMAP\.md has no item DOCS-9 \(did you mean DOCS-2\?\)",
            inside,
        ), inside
    assert (folder / "ROADMAP.md").read_bytes() == before


async def test_a_dependency_outside_the_folder_is_refused_however_it_is_spelled(
    tmp_path: Path,
) -> None:
    """The value is read as the reader reads it once written: after a semicolon, in code
    or link markup, with escaped characters. Each spelling read ../secret.md and said its
    IDs ('did you mean KEY-1?'), or was written for the next check to read."""
    folder = _pair(tmp_path / "tool")
    (tmp_path / "secret.md").write_text("# Keys\n\n## [KEY-1] The key is 1234\n", encoding="utf-8")
    before = (folder / "ROADMAP.md").read_bytes()
    async with session(folder) as client:
        for spelled in (
            "CORE-1; ../secret.md#KEY-2",
            "`../secret.md#KEY-2`",
            "[../secret.md#KEY-2](x)",
            "**../secret.md**#KEY-2",
            "../secret.md\\#KEY-2",
            "..&#47;secret.md#KEY-2",
        ):
            for tool, arguments in (
                ("set_fields", {"id": "CORE-2", "add_deps": [spelled]}),
                ("new_item", {"section": "Core Roadmap", "title": "x", "depends_on": spelled}),
            ):
                said = await refused(client, tool, **arguments)
                assert said == (
                    "../secret.md#KEY-2: not read: it names a file outside the folder the "
                    "server serves"
                ), (tool, spelled)
    assert (folder / "ROADMAP.md").read_bytes() == before


async def test_arguments_of_the_wrong_type_or_missing_are_refused_in_one_line(
    project: Path,
) -> None:
    before = (project / "ROADMAP.md").read_bytes()
    async with session(project) as client:
        assert await refused(client, "show_item", id=5) == (
            "show_item: id: Input should be a valid string"
        )
        assert await refused(client, "show_item") == "show_item: id: Field required"
        assert await refused(client, "claim_item", id="MODEL-3", agent="@a", minutes=1.5) == (
            "claim_item: minutes: Input should be a valid integer, "
            "got a number with a fractional part"
        )
        assert await refused(client, "set_fields", id="MODEL-3", add_deps="MODEL-1") == (
            "set_fields: add_deps: Input should be a valid list"
        )
        # -1 took every item but the last; 0 took them all
        for limit in (-1, 0):
            assert await refused(client, "next_items", limit=limit) == (
                f"limit {limit}: give at least 1"
            )
        assert (await call(client, "show_item", id="MODEL-3"))["id"] == "MODEL-3"
    assert (project / "ROADMAP.md").read_bytes() == before


async def test_hostile_values_never_reach_the_file(project: Path) -> None:
    """A value the reader would refuse (a 10 MB title) or an agent name spelled with
    invisible characters is refused; the file stays byte for byte what it was."""
    path = project / "ROADMAP.md"
    before = path.read_bytes()
    async with session(project) as client:
        huge = await refused(client, "set_fields", id="MODEL-3", title="x" * 10_000_000)
        assert huge == (
            "ROADMAP.md: not written: the edited text would not read back (line 56 is over "
            "100000 characters long; is this a roadmap?)"
        )
        assert path.read_bytes() == before
        for agent in ("@a\u202eb", "@a\x00b", "@a\u200bb", "@" + "a" * 200):
            message = await refused(client, "claim_item", id="MODEL-3", agent=agent)
            assert message.startswith("agent ")
            assert path.read_bytes() == before
            assert await refused(client, "release_item", id="MODEL-3", agent=agent) == message
        # a refusal quoting a 10 MB ID or section comes back cut short, still one line
        for tool, arguments in (
            ("show_item", {"id": "X" * 10_000_000}),
            ("new_item", {"section": "s" * 10_000_000, "title": "t"}),
        ):
            message = await refused(client, tool, **arguments)
            assert len(message) <= 1000
            assert message.endswith(" characters in all)")
        assert (await call(client, "check"))["findings"]  # still up, still reading the file
    assert path.read_bytes() == before


async def test_a_line_separator_in_a_value_is_refused(project: Path) -> None:
    # U+2028 is a line break for Python, editors and the diff returned, not for markdown:
    # the title "a\u2028## [MODEL-99] b" was written and its diff showed a new heading.
    path = project / "ROADMAP.md"
    before = path.read_bytes()
    async with session(project) as client:
        for separator in ("\u2028", "\u2029"):
            # every refusal names the file and the line: the item's heading, the section's
            assert re.fullmatch(
                r"ROADMAP\.md:\d+: the title: a value is one line; newlines are not allowed",
                await refused(
                    client, "set_fields", id="MODEL-3", title=f"a{separator}## [MODEL-99] b"
                ),
            )
            assert re.fullmatch(
                r"ROADMAP\.md:\d+: DRI: a value is one line; newlines are not allowed",
                await refused(
                    client, "new_item", section="Modeling", title="x", dri=f"@a{separator}b"
                ),
            )
    assert path.read_bytes() == before


async def test_an_edit_of_the_same_size_in_the_same_clock_tick_is_read_again(
    project: Path,
) -> None:
    """The server knew a file by its time, size and inode; an editor writing in place
    within one tick of the file system's clock (or restoring the time) kept all three."""
    path = project / "ROADMAP.md"
    async with session(project) as client:
        shown = await call(client, "show_item", id="MODEL-3")
        assert shown["status"] == "ready"
        stamp = path.stat()
        text = path.read_bytes()
        edited = text.replace(b"## [MODEL-3] ONNX Import", b"## [MODEL-3] ONNX Export", 1)
        assert len(edited) == len(text) and edited != text
        with open(path, "r+b") as handle:  # in place: the same inode
            handle.write(edited)
        os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
        assert path.stat().st_ino == stamp.st_ino
        again = await call(client, "show_item", id="MODEL-3")
        assert again["title"] == "ONNX Export Coverage Expansion"


async def test_a_plan_without_a_legend_is_read_by_the_common_spellings_as_the_cli_reads_it(
    tmp_path: Path,
) -> None:
    """The server loads a roadmap with the core's own load: "todo" in a plan with no
    Status Legend means ready there as it does to `roadmaplint next`."""
    (tmp_path / "ROADMAP.md").write_text(
        "# Plan\n\n## [A-1] First\n\n- **Status:** todo\n- **Priority:** P1\n\n"
        "## [A-2] Second\n\n- **Status:** done\n- **Priority:** P1\n",
        encoding="utf-8",
    )
    assert "A-1" in cli("next", cwd=tmp_path).stdout
    async with session(tmp_path) as client:
        planned = await call(client, "next_items")
        assert [entry["id"] for entry in planned["ready"]] == ["A-1"]


async def test_a_roadmap_linked_from_outside_the_folder_is_read_but_never_written(
    tmp_path: Path,
) -> None:
    """A repository whose ROADMAP.md is a symlink out of it (to another project's plan):
    the server discovered it and wrote the other project's file."""
    outside = tmp_path / "elsewhere" / "ROADMAP.md"
    outside.parent.mkdir()
    shutil.copy(EXAMPLE, outside)
    before = outside.read_bytes()
    project = tmp_path / "project"
    project.mkdir()
    (project / "ROADMAP.md").symlink_to(outside)
    async with session(project) as client:
        assert (await call(client, "show_item", id="MODEL-3"))["status"] == "ready"
        for tool, arguments in (
            ("claim_item", {"id": "MODEL-3", "agent": "@a"}),
            ("set_fields", {"id": "MODEL-3", "status": "done"}),
            ("fix", {}),
        ):
            assert await refused(client, tool, **arguments) == (
                "ROADMAP.md: not written: it links to a file outside the folder the server "
                "serves; edit it there, or start the server with its path"
            )
    assert outside.read_bytes() == before
    # named on the command line, it is the user's choice
    params = StdioServerParameters(
        command=installed_command(), args=["mcp", "ROADMAP.md"], cwd=str(project)
    )
    async with stdio_client(params) as (read, write), ClientSession(read, write) as client:
        await client.initialize()
        assert (await call(client, "claim_item", id="MODEL-3", agent="@a"))["agent"] == "@a"
    assert (project / "ROADMAP.md").is_symlink()
    assert outside.read_bytes() != before


async def test_check_list_and_show_do_not_read_a_dependency_outside_the_folder(
    tmp_path: Path,
) -> None:
    """A roadmap the repository holds may name ``../secret.md#KEY-2``: the check, list,
    next and show tools say that file is not read, and nothing of it (its IDs, its
    titles, whether it exists) reaches the agent. Inside the folder it is read."""
    folder = _pair(tmp_path / "tool")
    (tmp_path / "secret.md").write_text("# Keys\n\n## [KEY-1] The key is 1234\n", encoding="utf-8")
    core = folder / "ROADMAP.md"
    core.write_text(
        CORE.replace("- **Depends on:** CORE-1", "- **Depends on:** CORE-1, ../secret.md#KEY-2"),
        encoding="utf-8",
    )
    async with session(folder) as client:
        said = [
            await call(client, "check"),
            await call(client, "list_items"),
            await call(client, "next_items"),
            await call(client, "show_item", id="CORE-2"),
            await call(client, "check", path="ROADMAP.md"),
        ]
    shown = repr(said)
    assert "KEY-1" not in shown and "1234" not in shown, shown
    messages = [finding["message"] for finding in said[0]["findings"]]
    assert any(
        "../secret.md#KEY-2" in message and "not read: it is outside the folder served" in message
        for message in messages
    ), messages
    assert (  # inside the folder: read, and its status known
        "CORE-1 is ready but depends on docs/ROADMAP.md#DOCS-1, which is ready, not done"
        in messages
    )
    # the command line, named no folder to serve, reads the file the user's roadmap names
    checked = cli("check", "--format", "json", str(core), cwd=folder)
    assert "KEY-1" in checked.stdout


async def test_a_dependency_reaching_outside_by_a_link_or_an_absolute_path_is_not_read(
    tmp_path: Path,
) -> None:
    """Inside the folder, a link to a file or folder outside it, an absolute path, a path
    that climbs out through a folder, and an escaped one: none is read for the agent."""
    folder = _pair(tmp_path / "tool")
    secret = tmp_path / "secret.md"
    secret.write_text("# Keys\n\n## [KEY-1] The key is 1234\n", encoding="utf-8")
    (folder / "link.md").symlink_to(secret)
    (folder / "outside").symlink_to(tmp_path)
    spellings = (
        "link.md#KEY-2",
        "outside/secret.md#KEY-2",
        f"{secret}#KEY-2",
        "docs/../../secret.md#KEY-2",
        "%2E%2E/secret.md#KEY-2",
    )
    (folder / "ROADMAP.md").write_text(
        CORE.replace("- **Depends on:** CORE-1", "- **Depends on:** " + ", ".join(spellings)),
        encoding="utf-8",
    )
    async with session(folder) as client:
        said = [
            await call(client, "check"),
            await call(client, "list_items"),
            await call(client, "next_items"),
            await call(client, "show_item", id="CORE-2"),
        ]
    shown = repr(said)
    assert "KEY-1" not in shown and "1234" not in shown, shown


async def test_an_agent_cannot_claim_an_item_a_plan_without_legend_calls_complete(
    tmp_path: Path,
) -> None:
    """The server's edits read statuses as the command line's do: in a plan with no legend
    `complete` is done, so it is not claimed (it was, when the edit read plain statuses)."""
    (tmp_path / "ROADMAP.md").write_text(
        "# Plan\n\n## A-1: Parser\n\n- **Status:** complete\n\n"
        "## A-2: Writer\n\n- **Status:** todo\n- **Depends on:** A-1\n",
        encoding="utf-8",
    )
    async with session(tmp_path) as client:
        assert await refused(client, "claim_item", id="A-1", agent="@bot") == (
            "ROADMAP.md:3: A-1 is done; not claimed"
        )
        claimed = await call(client, "claim_item", id="A-2", agent="@bot")
    assert claimed["id"] == "A-2"
    assert "Claimed by:** @bot" in (tmp_path / "ROADMAP.md").read_text(encoding="utf-8")


KIRO = """\
# Implementation Plan

- [x] 1. Set up the project

- [ ] 3. Write the CLI
  - [ ] 3.1 Add commands
"""


async def test_new_item_takes_a_parent_as_new_does(tmp_path: Path) -> None:
    # The CLI's --parent had no counterpart: an agent could not add a Kiro sub-task.
    plan = tmp_path / "ROADMAP.md"
    plan.write_text(KIRO, encoding="utf-8")
    async with session(tmp_path) as client:
        added = await call(
            client, "new_item", section="Implementation Plan", title="Add help", parent="3"
        )
        assert added["id"] == "3.2"
        assert plan.read_text(encoding="utf-8") == KIRO + "  - [ ] 3.2 Add help\n"
        said = await refused(
            client, "new_item", section="Implementation Plan", title="X", parent="9"
        )
        assert "--parent names a numbered task (1, 3); not '9'" in said
    assert plan.read_text(encoding="utf-8") == KIRO + "  - [ ] 3.2 Add help\n"


async def test_rename_item_and_set_fields_write_what_the_commands_write_on_reverse_and_restated(
    tmp_path: Path,
) -> None:
    # SAFE-37/38: an item named in another's Blocks, a task a sprint row restates
    plans = {
        "reverse": (
            "# Plan\n\n### A-1: Parser\n- **Status:** ready\n- **Blocks:** A-2\n\n"
            "### A-2: Lexer\n- **Status:** idea\n",
            ("rename_item", {"old": "A-2", "new": "B-2"}, ("rename", "A-2", "B-2")),
        ),
        "restated": (
            "# Tasks\n\n## Epic 0\n\n- [ ] **0.1.1** Set up Stripe account\n"
            "- [ ] **0.1.2** Implement Checkout\n\n## Current Sprint\n\n"
            "| Task | Status | Assignee |\n|------|--------|----------|\n"
            "| 0.1.1 Set up Stripe account | 🟡 TODO | Jo |\n| 0.1.2 Implement Checkout | ✅ DONE | Mo |\n",
            (
                "set_fields",
                {"id": "0.1.1", "status": "done"},
                ("set", "0.1.1", "--status", "done"),
            ),
        ),
    }
    for name, (text, (tool, arguments, command)) in plans.items():
        by_tool, by_command = tmp_path / name / "tool", tmp_path / name / "command"
        for folder in (by_tool, by_command):
            folder.mkdir(parents=True)
            (folder / "ROADMAP.md").write_text(text, encoding="utf-8")
        async with session(by_tool) as client:
            await call(client, tool, **arguments)
        assert cli(*command, cwd=by_command).returncode == 0
        written = (by_tool / "ROADMAP.md").read_text(encoding="utf-8")
        assert written == (by_command / "ROADMAP.md").read_text(encoding="utf-8")
        assert written != text
