"""The one way roadmaplint writes a file: locked, checked, atomic, mode kept, links followed.

Every command that changes a roadmap goes through ``editing``::

    with editing(path) as pending:          # takes the lock, then reads the file
        new_text = compute(pending.source)  # pending.source: the Source read under the lock
        pending.write(new_text)             # atomic replace, or RoadmapError and nothing written

``editing(path, lock=False)`` reads without locking, for dry runs that never write.
``editing_folder(path)`` holds a task folder's lock (its ``config.yml``'s) around the
read of its files and the writes planned from it, as ``editing`` does for one file.

What the path guarantees:

- Serialised: ``editing`` takes an advisory ``fcntl.flock`` on the roadmap file
  itself (no sidecar file is left behind) before reading it, and holds it
  until the block ends, so two roadmaplint processes editing one file run one
  after the other and both edits land. A writer replaces the file by rename,
  so a waiting process that wakes up holding the lock of the replaced file
  notices and locks the new one. After ``LOCK_WAIT`` seconds of waiting it
  gives up with exit 2. On a file system without locks the write still goes
  ahead, guarded by the content re-check below.
- Never over someone else's save: immediately before the rename the file is
  read again; if its bytes differ from what was read (an editor saved), the
  write is refused and nothing changes.
- Honours the file's own write permission: a file you may not write is
  refused, even when its folder would let a rename replace it.
- Atomic: the text goes to a temporary file in the same folder, is fsynced,
  takes the old file's mode (and owner, where allowed), and is renamed over
  the old file; the rename of the folder entry is fsynced too. A symlink stays
  a link; its target is replaced.
- No litter: the temporary file is removed on every way out, Ctrl-C included.

``create_roadmap`` writes a new file and never replaces one (``init``);
``write_report`` writes a report file atomically and refuses to overwrite one
of the roadmaps it reports on; into a device or a FIFO (``/dev/null``) it writes
in place, as the shell's ``>`` does, never replacing the device by a file.
Every failure is a RoadmapError: one line, exit 2.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from roadmaplint.errors import RoadmapError
from roadmaplint.reader.source import Source, decode, read_roadmap

LOCK_WAIT = 60.0  # seconds to wait for another roadmaplint writing the same file
_SUFFIX = ".roadmaplint"


class Pending:
    """A roadmap read under the write lock, waiting for its new text."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.written = False

    def write(self, new_text: str) -> None:
        """Replace the file with ``new_text``, or raise RoadmapError and change nothing."""
        if self.written:
            raise RoadmapError(f"{self.source.path}: written twice in one edit")
        write_roadmap(self.source, new_text)
        self.written = True


@contextlib.contextmanager
def editing(path: Path, *, lock: bool = True) -> Iterator[Pending]:
    """Lock ``path`` (unless ``lock`` is false), read it, and yield it for one write."""
    descriptor = _lock(Path(os.path.realpath(path))) if lock else None
    try:
        yield Pending(read_roadmap(path))
    finally:
        if descriptor is not None:
            os.close(descriptor)  # closing the file releases the lock


@contextlib.contextmanager
def editing_folder(path: Path) -> Iterator[None]:
    """Hold the lock of the task folder ``path`` names (on its ``config.yml``) from the
    read of its files to their writes: two ``new``s at once each took the next free
    number, and the folder had TASK-4 twice. A folder without one is not locked (its
    reader refuses it)."""
    from roadmaplint.reader.shapes import taskfiles

    root = taskfiles.detect(path)
    config = None if root is None else root / taskfiles.CONFIG
    descriptor = None if config is None else _lock(Path(os.path.realpath(config)))
    try:
        yield
    finally:
        if descriptor is not None:
            os.close(descriptor)


def _lock(target: Path) -> int | None:
    """An open descriptor of ``target`` holding its exclusive lock, or None for no lock.

    None when the file cannot be opened as a regular file (``read_roadmap``
    then says why in its own words) or the file system has no locks.
    """
    deadline = time.monotonic() + LOCK_WAIT
    pause = 0.002
    while True:
        try:
            # O_NONBLOCK: opening a FIFO must not hang; read_roadmap refuses it next.
            descriptor = os.open(target, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            return None
        try:
            locked = _holds_lock_on_current_file(descriptor, target)
        except _NoLocks:
            os.close(descriptor)
            return None
        except BaseException:
            os.close(descriptor)
            raise
        if locked:
            return descriptor
        os.close(descriptor)  # once: closing it twice ended a 60 s wait in a traceback
        if time.monotonic() > deadline:
            raise RoadmapError(
                f"{target}: another roadmaplint has been writing it for "
                f"{LOCK_WAIT:.0f} s; not waiting longer"
            )
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


class _NoLocks(Exception):
    """The file system does not support flock."""


def _holds_lock_on_current_file(descriptor: int, target: Path) -> bool:
    """Try the lock once; true when it is held and ``target`` still names the locked file."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock; the re-check before the rename still guards
        raise _NoLocks from None
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        raise _NoLocks  # not a roadmap; read_roadmap says so
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as error:
        if error.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.EBADF, errno.EINVAL):
            raise _NoLocks from None
        raise RoadmapError(f"{target}: cannot lock it: {error.strerror}") from None
    try:
        now = os.stat(target)
    except OSError:
        return False  # renamed away while we waited: lock whatever is there now
    # A writer that held the lock replaced the file by rename: lock the new one.
    return (now.st_dev, now.st_ino) == (info.st_dev, info.st_ino)


def write_roadmap(source: Source, new_text: str) -> None:
    """Replace ``source``'s file with ``new_text``, or raise RoadmapError and change nothing.

    Commands call it through ``editing`` so that the read and the write share one lock.
    """
    target = Path(os.path.realpath(source.path))  # a symlink stays a link; its target changes
    name = source.path
    data = _readable(new_text, str(name))
    try:
        info = os.stat(target)
    except OSError as error:
        message = f"{name}: cannot read it again before writing: {error.strerror}"
        raise RoadmapError(message) from None
    refuse_read_only(target, info, str(name))
    with _temporary_beside(target, str(name)) as (stream, temporary):
        _write_all(stream, data, str(name))
        _copy_owner_and_mode(temporary, info)
        _refuse_if_changed(target, source)
        _replace(temporary, target, str(name))
    _sync_folder(target.parent)


def _readable(text: str, name: str) -> bytes:
    """``text`` encoded, refused when roadmaplint would not read it back (a 10 MB title
    makes one line too long): no edit may leave a file that no command reads again."""
    data = text.encode("utf-8")
    try:
        decode(data, name)
    except RoadmapError as error:
        reason = str(error).removeprefix(f"{name}: ")
        raise RoadmapError(
            f"{name}: not written: the edited text would not read back ({reason})"
        ) from None
    return data


def refuse_read_only(target: Path, info: os.stat_result, name: str) -> None:
    """Refuse a file its owner marked read-only for us, as an editor would."""
    effective = os.access in os.supports_effective_ids
    if os.access(target, os.W_OK, effective_ids=effective):
        return
    raise RoadmapError(
        f"{name}: is read-only for you (mode {stat.S_IMODE(info.st_mode):04o}, owner uid "
        f"{info.st_uid}); not replacing it"
    )


@contextlib.contextmanager
def _temporary_beside(target: Path, name: str) -> Iterator[tuple[int, str]]:
    """A new temporary file next to ``target``, removed on every way out unless renamed."""
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=_SUFFIX
        )
    except OSError as error:
        raise RoadmapError(f"{name}: cannot write in {target.parent}: {error.strerror}") from None
    try:
        yield handle, temporary
    finally:
        # Runs for KeyboardInterrupt and SystemExit too; after the rename there is nothing left.
        with contextlib.suppress(OSError):
            os.close(handle)
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _write_all(handle: int, data: bytes, name: str) -> None:
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
        os.fsync(handle)
    except OSError as error:
        raise RoadmapError(f"{name}: cannot write: {error.strerror or error}") from None


def _copy_owner_and_mode(temporary: str, info: os.stat_result) -> None:
    if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
        # Only root may give a file away; others keep what they may (their own group).
        with contextlib.suppress(OSError):
            os.chown(temporary, info.st_uid, info.st_gid)
    try:
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
    except OSError as error:
        raise RoadmapError(f"{temporary}: cannot set its mode: {error.strerror}") from None


def _refuse_if_changed(target: Path, source: Source) -> None:
    """The last look before the rename: someone else's save always wins over ours."""
    try:
        with open(target, "rb") as stream:
            current = stream.read(len(source.data) + 1)
    except OSError as error:
        raise RoadmapError(
            f"{source.path}: cannot read it again before writing: {error.strerror}"
        ) from None
    if current != source.data:
        raise RoadmapError(
            f"{source.path}: changed on disk since it was read (an editor saved?); "
            "wrote nothing, run it again"
        )


def _replace(temporary: str, target: Path, name: str) -> None:
    try:
        os.replace(temporary, target)
    except OSError as error:
        raise RoadmapError(f"{name}: cannot write: {error.strerror or error}") from None


def create_roadmap(target: Path, text: str) -> None:
    """Write a new file atomically; refuse if ``target`` exists, never overwrite it."""
    name = str(target)
    data = _readable(text, name)
    with _temporary_beside(target, name) as (stream, temporary):
        _write_all(stream, data, name)
        os.chmod(temporary, 0o666 & ~_umask())
        try:
            # link() refuses to replace an existing file: creation is atomic and never clobbers.
            os.link(temporary, target)
        except FileExistsError:
            message = f"{target}: already exists; roadmaplint init never overwrites"
            raise RoadmapError(message) from None
        except OSError as error:
            raise RoadmapError(f"{target}: cannot write: {error.strerror or error}") from None
    _sync_folder(target.parent)


def move_file(source: Path, target: Path) -> None:
    """Give a file a new name in its folder (a renamed task's); refuse if ``target`` exists.

    link() then unlink(): the new name never replaces a file, and at every moment the
    task is on disk under one of its names."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise RoadmapError(f"{target}: already exists; {source} keeps its name") from None
    except OSError as error:
        raise RoadmapError(f"{target}: cannot rename {source}: {error.strerror or error}") from None
    os.unlink(source)
    _sync_folder(target.parent)


def write_report(target: Path, text: str, inputs: Iterable[Path]) -> None:
    """Write a report file atomically, refusing to replace one of the roadmaps it reports on."""
    refuse_input_as_output(target, inputs)
    real = Path(os.path.realpath(target))
    name = str(target)
    if real.is_dir():
        raise RoadmapError(f"{target}: is a folder; give a file name for the report")
    try:
        info: os.stat_result | None = os.stat(real)
    except OSError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        # A device or a pipe (/dev/null, /dev/stdout, a FIFO): write into it as `>`
        # would; renaming a regular file over it would replace the device itself.
        _write_into(real, text.encode("utf-8"), name)
        return
    with _temporary_beside(real, name) as (stream, temporary):
        _write_all(stream, text.encode("utf-8"), name)
        if info is None:
            os.chmod(temporary, 0o666 & ~_umask())
        else:
            refuse_read_only(real, info, name)
            _copy_owner_and_mode(temporary, info)
        _replace(temporary, real, name)
    _sync_folder(real.parent)


def append_report(target: Path, text: str) -> None:
    """Append a report to a file that collects them (GitHub's step summary), creating it."""
    with open(target, "a", encoding="utf-8") as report:
        report.write(text)


def _write_into(target: Path, data: bytes, name: str) -> None:
    """Write ``data`` into an existing device or FIFO; a FIFO nobody reads is refused."""
    try:
        # O_NONBLOCK: a FIFO with no reader fails at once (ENXIO) instead of hanging.
        handle = os.open(target, os.O_WRONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        reason = "nothing reads it" if error.errno == errno.ENXIO else error.strerror
        raise RoadmapError(f"{name}: cannot write: {reason}") from None
    try:
        os.set_blocking(handle, True)
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
    except OSError as error:
        raise RoadmapError(f"{name}: cannot write: {error.strerror or error}") from None
    finally:
        os.close(handle)


def refuse_input_as_output(target: Path, inputs: Iterable[Path]) -> None:
    """Refuse an output file that is one of the inputs (the same file, however named), or
    inside a task folder that is one (its config.yml, a file its tasks/ would read)."""
    from roadmaplint.reader.shapes import taskfiles

    for path in inputs:
        with contextlib.suppress(OSError):
            if os.path.samefile(target, path):
                raise RoadmapError(
                    f"{target}: is the roadmap {path} being checked; the report would "
                    "replace it. Give another --output-file"
                )
        root = taskfiles.detect(path) if os.path.isdir(path) else None
        if (
            root is not None
            and Path(os.path.realpath(root)) in Path(os.path.realpath(target)).parents
        ):
            raise RoadmapError(
                f"{target}: is inside the task folder {root} being checked; the report "
                "would be read as part of it. Give another --output-file"
            )


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; some file systems cannot, which is no error."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
