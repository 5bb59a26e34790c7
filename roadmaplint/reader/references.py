"""Dependencies on items of another roadmap: ``Depends on: docs/ROADMAP.md#GRAPH-1``.

The path is relative to the folder of the roadmap that names it, as a markdown
link would be. The reader keeps such a name among the external dependencies;
these helpers recognise it and find the file it names.
"""

from __future__ import annotations

import os

from roadmaplint.reader.idpattern import id_regex
from roadmaplint.record import record
from roadmaplint.text import path_spelling


@record
class CrossReference:
    written: str  # as the Depends on value has it
    path: str  # the other roadmap, relative to the naming roadmap's folder
    item_id: str


def cross_reference(name: str, id_pattern: str) -> CrossReference | None:
    """``name`` as a reference to another roadmap's item, or None if it is not one."""
    path, hash_sign, item_id = name.strip().rpartition("#")
    if not hash_sign or not path or any(space in path for space in " \t"):
        return None
    if not id_regex(id_pattern).fullmatch(item_id):
        return None
    return CrossReference(name.strip(), path, item_id)


def target_path(roadmap_path: str, reference: CrossReference) -> str:
    """The referenced file, as a normalised path comparable with other roadmaps' paths."""
    folder = os.path.dirname(path_spelling(roadmap_path))  # PurePath(roadmap_path).parent
    return normalised(os.path.join(folder, reference.path))


def normalised(path: str) -> str:
    """``path`` normalised, with ``/`` between its folders (pathlib's ``as_posix``)."""
    return os.path.normpath(path).replace(os.sep, "/")
