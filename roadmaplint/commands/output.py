"""The one place that turns a failure to write roadmaplint's own output into exit 2.

``main`` runs every command with ``sys.stdout`` wrapped by ``guarded_stdout``:
a write or flush that fails (a full disk, ``> /dev/full``, a vanished mount)
raises OutputError, a RoadmapError, which ``main`` prints as one line. What is
still buffered is dropped (standard output is pointed at the null device), so
the interpreter's own flush at exit cannot print a second error. A closed pipe
(``| head``) stays BrokenPipeError: that is the reader's choice, not an error.
"""

from __future__ import annotations

import os
import sys

from roadmaplint.errors import RoadmapError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import TracebackType
    from typing import Any, TextIO


class OutputError(RoadmapError):
    """Our own output could not be written."""


class _Guarded:
    """A text stream that reports a failed write as OutputError."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise _failed(error) from None

    def flush(self) -> None:
        if self._stream.closed:
            return  # closed by the command (the language server's, on exit): nothing to flush
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise _failed(error) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _failed(error: OSError) -> OutputError:
    return OutputError(f"cannot write the output: {error.strerror or error}")


def _drop_buffered(stream: TextIO) -> None:
    """Point the stream at the null device so nothing buffered is retried at exit."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


class _GuardedStdout:
    """``guarded_stdout``'s context: a class, not ``contextlib.contextmanager``, whose
    import a check need not pay (PERF-18)."""

    def __init__(self) -> None:
        self._original = sys.stdout
        self._guarded = _Guarded(self._original)

    def __enter__(self) -> None:
        sys.stdout = self._guarded  # it answers every TextIO call (its __getattr__)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        sys.stdout = self._original
        try:
            # Also after --help and --version, which end by raising typer.Exit.
            self._guarded.flush()
        except OutputError:
            _drop_buffered(self._original)
            raise
        if isinstance(error, OutputError):
            _drop_buffered(self._original)


def guarded_stdout() -> _GuardedStdout:
    """Run a command with a guarded ``sys.stdout``, flushing it however the command ends."""
    return _GuardedStdout()
