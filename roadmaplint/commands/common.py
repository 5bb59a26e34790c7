"""What every command shares: exit codes and the one way to say an error."""

from __future__ import annotations

from typing import TextIO

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


def say_error(err: TextIO, message: str) -> None:
    err.write(f"roadmaplint: error: {message}\n")
