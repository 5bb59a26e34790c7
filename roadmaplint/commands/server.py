"""`roadmaplint server`: start the language server, or say how to install it."""

from __future__ import annotations

from typing import TextIO

from roadmaplint.commands.common import EXIT_ERROR, say_error

INSTALL_HINT = "the language server needs the lsp extra: pip install 'roadmaplint[lsp]'"


def run_server(err: TextIO) -> int:
    try:
        from roadmaplint.lsp.server import run
    except ImportError as error:
        if error.name not in ("pygls", "lsprotocol") and not str(error.name).startswith(
            ("pygls.", "lsprotocol.")
        ):
            raise
        say_error(err, INSTALL_HINT)
        return EXIT_ERROR

    return run()
