"""The one place that turns a failure to write roadmaplint's own output into exit 2.

``main`` runs every command with ``sys.stdout`` wrapped by ``guarded_stdout``:
a write or flush that fails (a full disk, ``> /dev/full``, a vanished mount)
raises OutputError, a RoadmapError, which ``main`` prints as one line. What is
still buffered is dropped (standard output is pointed at the null device), so
the interpreter's own flush at exit cannot print a second error. A closed pipe
(``| head``) stays BrokenPipeError: that is the reader's choice, not an error.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

from roadmaplint.errors import RoadmapError

TYPE_CHECKING = False
if TYPE_CHECKING:
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
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)


@contextlib.contextmanager
def guarded_stdout() -> Iterator[None]:
    """Run a command with a guarded ``sys.stdout``, flushing it however the command ends."""
    original = sys.stdout
    guarded = _Guarded(original)
    sys.stdout = guarded  # it answers every TextIO call (its __getattr__)
    try:
        try:
            yield
        finally:
            sys.stdout = original
            # Also after --help and --version, which end by raising typer.Exit.
            guarded.flush()
    except OutputError:
        _drop_buffered(original)
        raise
