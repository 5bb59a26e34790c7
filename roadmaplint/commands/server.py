"""`roadmaplint server`: start the language server, or say how to install it."""

from __future__ import annotations

from typing import TextIO

from roadmaplint.commands.common import EXIT_ERROR, say_error

# The extra's own packages: installing them into the environment that runs roadmaplint
# works whether roadmaplint came from git, a clone or a wheel ('roadmaplint[lsp]' alone
# is not on any package index).
INSTALL_HINT = (
    "the language server needs the lsp extra's packages: "
    "pip install 'pygls>=2.1,<3' 'lsprotocol>=2025.0' (in roadmaplint's environment)"
)


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
