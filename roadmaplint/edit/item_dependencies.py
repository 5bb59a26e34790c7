"""A Depends on value's entries as written: cut where the reader cuts them, rewritten
keeping every other byte, and the dependencies an edit cannot take away (written in
another item's ``Blocks``, in the words of a bullet, or across markup holding a comma).
"""

from __future__ import annotations

from roadmaplint.edit.base import plain_entries, reverse_fields
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Field, Item, Roadmap
from roadmaplint.reader import DEPENDS_ON
from roadmaplint.reader.inline import plain_text
from roadmaplint.text import LazyPattern

_MARKUP = LazyPattern(r"[\\`*_<>&!\[\]]")


def entry_spans(written: str) -> list[tuple[int, int]] | None:
    """The spans of the comma-separated entries of a Depends on value as written, cut
    where the reader cuts its plain text: a comma in a link's destination parts no
    entries. None when no cut of the source gives the reader's entries (markup such as
    a code span or a link text holds a comma the reader cuts at)."""
    commas = [at for at, char in enumerate(written) if char == ","]
    if not _MARKUP.search(written):
        starts = [0, *(at + 1 for at in commas)]
        return list(zip(starts, [*commas, len(written)], strict=True))
    wanted = [" ".join(part.split()) for part in plain_text(written).split(",")]
    bounds = [*commas, len(written)]
    spans: list[tuple[int, int]] = []
    start = bound = 0
    for number, want in enumerate(wanted):
        last = number == len(wanted) - 1
        while bound < len(bounds):
            end = bounds[bound]
            bound += 1
            if (not last or end == len(written)) and plain_text(written[start:end]) == want:
                spans.append((start, end))
                start = end + 1
                break
        else:
            return None
    return spans if start == len(written) + 1 else None


def dependency_entries(value: str) -> list[str]:
    """The entries of a Depends on value as written, blanks and repeats dropped, in
    written order; cut where the reader cuts (see ``entry_spans``)."""
    spans = entry_spans(value)
    parts = [value[start:end] for start, end in spans] if spans else value.split(",")
    entries: dict[str, str] = {}
    for part in parts:
        entry = part.strip()
        if entry:
            entries.setdefault(plain_text(entry), entry)
    return list(entries.values())


def _in_bullet_words(lines: list[str], item: Item, found: Field) -> bool:
    """Whether ``found`` is read from the words of a plain bullet (``- FEAT-2: Logout
    (blocked by FEAT-1)``): a field with no place of its own on the item's line."""
    from roadmaplint.reader.shapes.checkbox import BOX, TOP_BULLET

    line = lines[item.position.line - 1]
    return (
        found.value_position == item.position
        and TOP_BULLET.match(line) is not None
        and BOX.match(line) is None
    )


def _said_in(lines: list[str], item: Item, found: Field) -> str:
    """The bracketed words of the bullet that name ``found``'s first entry, else its value."""
    line = lines[item.position.line - 1]
    first = found.value.split(",")[0].strip()
    return next(
        (match[0] for match in _BRACKETED.finditer(line) if first and first in match[0]),
        found.value,
    )


_BRACKETED = LazyPattern(r"\([^()\n]{1,200}\)")


def _written_in_reverse(roadmap: Roadmap, item: Item) -> dict[str, Field]:
    """The dependencies of ``item`` that other items write in their ``Blocks`` (``Prereq
    for`` ...) and ``item`` does not write itself: ``A-1``'s ``Blocks: A-10`` makes A-10
    depend on A-1, which no edit of A-10's lines takes away."""
    own = item.field(DEPENDS_ON)
    written = {plain_text(e) for e in dependency_entries(own.value)} if own is not None else set()
    found: dict[str, Field] = {}
    for other in roadmap.items:
        if other.id == item.id or other.id not in item.depends_on or other.id in written:
            continue
        for field_found in reverse_fields(other):
            names = [plain_text(part.strip()).split() for part in field_found.value.split(",")]
            if any(words and words[0].strip(".`*()[]") == item.id for words in names):
                found[other.id] = field_found
                break
    return found


def _in_reverse(
    roadmap: Roadmap, item: Item, other_id: str, reverse: dict[str, Field]
) -> RoadmapError:
    found = reverse[other_id]
    return RoadmapError(
        f"{roadmap.path}:{found.position.line}: {item.id}'s dependency on {other_id} is "
        f"written in {other_id}'s {found.name}; edit it there"
    )


def _crossing(roadmap: Roadmap, item: Item, found: Field) -> RoadmapError:
    return RoadmapError(
        f"{roadmap.path}:{found.position.line}: {item.id}'s {found.name} has markup across "
        "its commas (a code span or link text holding a comma); edit it by hand"
    )


def _dependencies_markup(written: str, value: str) -> str | None:
    """The new entries written into the old value: where the old entries the new value
    keeps come first in their old order, the entries dropped are cut out and the new
    ones appended, so every other byte stays; else the entries joined, each written as
    the old value wrote it. None when an entry must be cut from a value whose markup
    holds a comma the reader cuts at."""
    spans = entry_spans(written)
    if spans is None:
        old_plain = plain_entries(plain_text(written))
        pieces: list[str] = []
    else:
        pieces = [written[start:end] for start, end in spans]
        old_plain = list(dict.fromkeys(p for p in map(plain_text, pieces) if p))
    new = dependency_entries(value)
    new_plain = [plain_text(entry) for entry in new]
    if new_plain == old_plain:
        return written
    kept = [entry for entry in old_plain if entry in new_plain]
    added = new[len(kept) :]
    if new_plain[: len(kept)] == kept and not set(new_plain[len(kept) :]) & set(old_plain):
        if spans is None:
            if len(kept) != len(old_plain):
                return None
            result = written
        else:
            dropped = [
                at
                for at, piece in enumerate(pieces)
                if plain_text(piece) and plain_text(piece) not in kept
            ]
            result = _without_pieces(pieces, set(dropped))
        return ", ".join(part for part in (result.rstrip(" \t"), *added) if part)
    if spans is None:
        return None
    old = {plain_text(piece): piece.strip() for piece in reversed(pieces)}
    return ", ".join(old.get(plain_text(entry), entry) for entry in new)


def _without_pieces(pieces: list[str], dropped: set[int]) -> str:
    """The comma-separated ``pieces`` less the ``dropped`` ones and a comma each; the
    kept pieces and the commas between them keep their bytes."""
    kept = [piece for at, piece in enumerate(pieces) if at not in dropped]
    if not kept:
        return ""
    first = 0 if 0 not in dropped else min(at for at in range(len(pieces)) if at not in dropped)
    text = ",".join(kept)
    return text.lstrip(" \t") if first else text
