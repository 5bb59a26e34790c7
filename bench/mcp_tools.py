"""A tool call of `roadmaplint mcp` against the same CLI command run in-process.

    python bench/mcp_tools.py                 # 1,000 items, 21 calls of each
    python bench/mcp_tools.py --items 10000 --calls 5

The SDK's own stdio client starts `roadmaplint mcp` on a roadmap from
bench/generate.py and times each tool call from request to result. The baseline is
the same CLI command (`check`, `next`, `show`, `--format json`) run in this process
through `roadmaplint.cli.main`, output discarded. Tool calls are timed twice: on an
unchanged file (the server answers from the records it read) and right after the
file changed on disk (the server reads and parses it again, as the CLI always does).
Medians; the first call of each kind is a warm-up and not counted.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != HERE]

import anyio  # noqa: E402
from mcp import ClientSession, StdioServerParameters  # noqa: E402
from mcp.client.stdio import stdio_client  # noqa: E402

sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402  (bench/ is not a package)

TARGET_RATIO = 1.2


def cli_seconds(folder: Path, args: list[str], calls: int) -> list[float]:
    from roadmaplint.cli import main

    here = Path.cwd()
    os.chdir(folder)
    try:
        times = []
        for _ in range(calls + 1):
            start = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()):
                main(args)
            times.append(time.perf_counter() - start)
        return times[1:]
    finally:
        os.chdir(here)


def touch(path: Path) -> None:
    """Change the file on disk without changing what it says (a new mtime and inode)."""
    copy = path.with_name(path.name + ".new")
    shutil.copy(path, copy)
    os.replace(copy, path)


async def tool_seconds(
    folder: Path, tool: str, arguments: dict[str, Any], calls: int
) -> tuple[list[float], list[float]]:
    command = shutil.which("roadmaplint") or "roadmaplint"
    params = StdioServerParameters(command=command, args=["mcp"], cwd=str(folder))
    unchanged, changed = [], []
    async with stdio_client(params) as (read, write), ClientSession(read, write) as client:
        await client.initialize()
        for changed_first, times in ((False, unchanged), (True, changed)):
            for _ in range(calls + 1):
                if changed_first:
                    touch(folder / "ROADMAP.md")
                start = time.perf_counter()
                result = await client.call_tool(tool, arguments)
                times.append(time.perf_counter() - start)
                assert not result.is_error, result.content
            del times[0]
    return unchanged, changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--calls", type=int, default=21)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "ROADMAP.md").write_text(generate(options.items), encoding="utf-8")
        pairs = (
            ("check", {}, ["check", "--format", "json", "--exit-zero"]),
            ("next_items", {}, ["next", "--format", "json"]),
            ("show_item", {"id": "MODEL-1"}, ["show", "MODEL-1", "--format", "json"]),
        )
        print(f"{options.items} items, median of {options.calls} calls (ms)")
        print(f"{'tool':<11} {'CLI':>8} {'unchanged':>10} {'ratio':>6} {'changed':>8} {'ratio':>6}")
        for tool, arguments, args in pairs:
            cli = statistics.median(cli_seconds(folder, args, options.calls))
            same, moved = anyio.run(tool_seconds, folder, tool, arguments, options.calls)
            same_ms, moved_ms = statistics.median(same), statistics.median(moved)
            print(
                f"{tool:<11} {cli * 1000:8.1f} {same_ms * 1000:10.1f} {same_ms / cli:6.2f}"
                f" {moved_ms * 1000:8.1f} {moved_ms / cli:6.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
