"""Parse two versions of a large roadmap at once, on two cores.

``diff`` needs both versions' records, and parsing is nearly all of its time:
for large files a forked child parses the older text while this process parses
the newer one, and the child's records come back pickled through a pipe. Small
files, one core, or a platform without fork: one after the other, as always.
"""

from __future__ import annotations

import os
import pickle

from roadmaplint.model import Roadmap
from roadmaplint.parse import parse
from roadmaplint.settings import Settings

PARALLEL_FROM = 128 * 1024  # characters each text must have before a second process pays


def parse_two(
    old: tuple[str, str, Settings], new: tuple[str, str, Settings]
) -> tuple[Roadmap, Roadmap]:
    """The records of ``old`` and ``new``, each given as (text, path, settings)."""
    big = min(len(old[0]), len(new[0])) >= PARALLEL_FROM
    if not big or not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        return parse(*old), parse(*new)
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's coverage is not collected
        os.close(reader)
        try:
            data = pickle.dumps(parse(*old), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(writer, "wb") as stream:
                stream.write(data)
        finally:
            os._exit(0)
    os.close(writer)
    newer = parse(*new)
    with os.fdopen(reader, "rb") as stream:
        data = stream.read()
    os.waitpid(child, 0)
    try:
        older = pickle.loads(data)
    except Exception:  # the child failed: parse here, where errors are reported as usual
        older = None
    if not isinstance(older, Roadmap):
        older = parse(*old)
    return older, newer
