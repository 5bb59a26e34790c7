"""What every command shares: exit codes, the one way to say an error, the collector
kept off while a command reads."""

from __future__ import annotations

import gc

from roadmaplint.text import shown, without_cyclic_gc

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import TracebackType
    from typing import TextIO

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


def say_error(err: TextIO, message: str) -> None:
    err.write(f"roadmaplint: error: {shown(message)}\n")


class _RecordsKept:
    """``records_kept``'s context (a class: a check imports no contextlib, PERF-18)."""

    def __init__(self) -> None:
        self._collector = without_cyclic_gc()

    def __enter__(self) -> None:
        self._collector.__enter__()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            gc.freeze()
        finally:
            self._collector.__exit__(kind, error, traceback)


def records_kept() -> _RecordsKept:
    """The cyclic garbage collector off while a command reads, then what it read frozen.

    The records make no reference cycles and live until the process ends: turning the
    collector back on after a large read would make it scan every new token and
    record once (about a tenth of a 10,000-item check)."""
    return _RecordsKept()
