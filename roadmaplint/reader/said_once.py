"""A status a plan says once for a range of its items.

A sprint's retrospective closes its targets in one line, ``- **PINs**: PIN-001 through
PIN-010 (all **released**)``, where the table of targets writes no status: a person reads
every target of the range as released. Only items that say no status of their own take
it, and only a range of two IDs the plan has, with a status word in brackets after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from roadmaplint.model import Item
from roadmaplint.reader.fields import id_range
from roadmaplint.record import replace
from roadmaplint.settings import common_meaning

_ALL = "(all "
_WORDS_OF_A_RANGE = 3  # ``PIN-001 through PIN-010``


def said_for_a_range(text: str) -> bool:
    """Whether ``text`` may say a status for a range of items: the incremental reader then
    reads the whole plan, since one line gives statuses to items anywhere."""
    return _ALL in text


def with_range_status(items: tuple[Item, ...], lines: Sequence[str]) -> tuple[Item, ...]:
    """``items``, those with no status given the status a line says for a range of IDs
    that holds them (``PIN-001 through PIN-010 (all **released**)``)."""
    if not items or not any(_ALL in line for line in lines):
        return items
    ids = {item.id for item in items}
    said: dict[str, str] = {}
    for line in lines:
        at = line.find(_ALL)
        close = line.find(")", at) if at >= 0 else -1
        if close < 0:
            continue
        status = line[at + len(_ALL) : close].strip(" *_")
        if not status or len(status.split()) > 2 or common_meaning(status) is None:
            continue
        words = [word.strip("`*_") for word in line[:at].split()[-_WORDS_OF_A_RANGE:]]
        if len(words) < _WORDS_OF_A_RANGE:
            continue
        # the range's ends are the plan's own IDs (checked below): any word may be one here
        named = id_range(" ".join(words), re.compile(r"\S+"))
        if len(named) > 1 and named[0] in ids and named[-1] in ids:
            for item_id in named:
                said.setdefault(item_id, status)
    if not said:
        return items
    return tuple(
        replace(item, status=said[item.id]) if item.status is None and item.id in said else item
        for item in items
    )
