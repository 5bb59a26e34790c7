"""What every command shares: exit codes, the one way to say an error, the collector
kept off while a command reads."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from roadmaplint.text import shown, without_cyclic_gc

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


def say_error(err: TextIO, message: str) -> None:
    err.write(f"roadmaplint: error: {shown(message)}\n")


@contextmanager
def records_kept() -> Iterator[None]:
    """The cyclic garbage collector off while a command reads, then what it read frozen.

    The records make no reference cycles and live until the process ends: turning the
    collector back on after a large read would make it scan every new token and
    record once (about a tenth of a 10,000-item check)."""
    with without_cyclic_gc():
        try:
            yield
        finally:
            gc.freeze()
