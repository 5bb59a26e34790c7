"""`roadmaplint mcp`: start the MCP server for coding agents, or say how to install it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from roadmaplint.commands.common import EXIT_ERROR, say_error

INSTALL_HINT = (
    "the MCP server needs the mcp extra: pip install 'mcp>=2.3,<3' (in roadmaplint's environment)"
)


def run_mcp(paths: Sequence[Path] | None, err: TextIO) -> int:
    try:
        from roadmaplint.mcp.server import run
    except ImportError as error:
        if str(error.name).split(".")[0] not in ("mcp", "mcp_types"):
            raise
        say_error(err, INSTALL_HINT)
        return EXIT_ERROR

    return run(list(paths) if paths else None)
