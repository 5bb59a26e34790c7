"""The one way roadmaplint writes a file: checked, atomic, mode kept, links followed.

The new text goes to a temporary file in the same folder, is flushed and
fsynced, takes the old file's mode, and is renamed over the old file. If the
file changed on disk since it was read, nothing is written. On any failure
the original is untouched and the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from roadmaplint.errors import RoadmapError
from roadmaplint.source import Source, file_mode


def write_roadmap(source: Source, new_text: str) -> None:
    """Replace ``source``'s file with ``new_text``, or raise RoadmapError and change nothing."""
    target = Path(os.path.realpath(source.path))  # a symlink stays a link; its target changes
    name = source.path
    try:
        current = target.read_bytes()
    except OSError as error:
        raise RoadmapError(
            f"{name}: cannot read it again before writing: {error.strerror}"
        ) from None
    if current != source.data:
        raise RoadmapError(f"{name}: changed on disk since it was read; not overwriting it")
    data = new_text.encode("utf-8")
    try:
        mode = file_mode(target)
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".roadmaplint"
        )
    except OSError as error:
        raise RoadmapError(f"{name}: cannot write in {target.parent}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise RoadmapError(f"{name}: cannot write: {error.strerror or error}") from None
    _sync_folder(target.parent)


def create_roadmap(target: Path, text: str) -> None:
    """Write a new file atomically; refuse if ``target`` exists, never overwrite it."""
    folder = target.parent
    try:
        handle, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{target.name}.", suffix=".roadmaplint"
        )
    except OSError as error:
        raise RoadmapError(f"{target}: cannot write in {folder}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        # link() refuses to replace an existing file: creation is atomic and never clobbers.
        os.link(temporary, target)
    except FileExistsError:
        raise RoadmapError(f"{target}: already exists; roadmaplint init never overwrites") from None
    except OSError as error:
        raise RoadmapError(f"{target}: cannot write: {error.strerror or error}") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; some file systems cannot, which is no error."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def write_output(target: Path, text: str, inputs: Sequence[Path]) -> None:
    """Write a generated file (a page, a report) atomically; never over one of ``inputs``."""
    for source in inputs:
        with contextlib.suppress(OSError):
            if os.path.samefile(source, target):
                raise RoadmapError(f"{target}: is the roadmap {source}; choose another output file")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{target.name}.", suffix=".roadmaplint"
        )
    except OSError as error:
        raise RoadmapError(f"{target}: cannot write in {folder}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise RoadmapError(f"{target}: cannot write: {error.strerror or error}") from None
