"""Dependencies a status names: ``**Status:** READY (after 1.1 and 1.2)``.

A plan with no Depends on field often says what an item waits for beside its
status. Where the words after ``after`` are IDs of items of the same document,
they are the item's dependencies; anything else (``after Phase 2``, ``after test
+ prod setups verified``) stays prose of the status.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from roadmaplint.model import Item
from roadmaplint.record import replace
from roadmaplint.text import LazyPattern

_AFTER = LazyPattern(r"\(after[ \t]++(?P<names>[^)]*+)\)", re.IGNORECASE)  # linear: possessive
_SPLIT = LazyPattern(r",|&|\band\b", re.IGNORECASE)


def with_status_waits(items: Sequence[Item]) -> tuple[Item, ...]:
    """``items``, one with no dependency of its own taking those its status names."""
    if not any(item.status and "after" in item.status.lower() for item in items):
        return tuple(items)
    known = {item.id.lower(): item.id for item in items}
    found = []
    for item in items:
        named = _named(item, known)
        found.append(replace(item, depends_on=named) if named else item)
    return tuple(found)


def _named(item: Item, known: dict[str, str]) -> tuple[str, ...]:
    if item.depends_on or item.external_deps or not item.status:
        return ()
    after = _AFTER.search(item.status)
    if after is None:
        return ()
    names = [part.strip().strip(".`*").lower() for part in _SPLIT.split(after["names"])]
    if not names or not all(name in known and name != item.id.lower() for name in names):
        return ()
    return tuple(known[name] for name in names)


def waits_in_status(item: Item) -> bool:
    """Whether ``item``'s status says what it waits for (``READY (after 1.3)``): ready
    once those are done, not free to start now."""
    status = item.status or ""
    # "after" first, as with_status_waits asks: most statuses never compile the pattern
    return "after" in status.lower() and _AFTER.search(status) is not None


def with_numbers_named(items: Sequence[Item]) -> tuple[Item, ...]:
    """``items``, a dependency that is exactly another item's number (``Depends on: 001,
    002`` in a plan whose headings number its tasks ``### 001 ...``) read as a reference
    to it, not as something external: the document itself gives that ID an item."""
    numbers = {item.id for item in items if item.id.isdigit()}
    if not numbers or not any(item.external_deps for item in items):
        return tuple(items)
    found = []
    for item in items:
        named = [entry for entry in item.external_deps if entry in numbers]
        if not named:
            found.append(item)
            continue
        externals = tuple(entry for entry in item.external_deps if entry not in named)
        found.append(replace(item, depends_on=(*item.depends_on, *named), external_deps=externals))
    return tuple(found)
