"""Claiming and releasing an item: the ``Claimed by`` field written by the same item edit
and write gate as ``set`` (see ``reader.claims`` for how a claim reads)."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta

from roadmaplint.edit.base import FieldChange, ItemEdit, find_item
from roadmaplint.edit.item import edit_item
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Roadmap
from roadmaplint.reader.claims import FIELD_NAME, LONGEST_CLAIM_MINUTES, holder, iso, read_claim
from roadmaplint.settings import Settings
from roadmaplint.text import LazyPattern

DEFAULT_MINUTES = 60
MAX_AGENT = 100  # characters
_AGENT = LazyPattern(r"[^\s`*_\[\]<>]+")


def _check_agent(agent: str) -> None:
    # Control and format characters (U+202E turns the line around, U+200B hides) would
    # make two names that read alike hold one item as two agents.
    invisible = any(unicodedata.category(char)[0] == "C" for char in agent)
    if invisible or len(agent) > MAX_AGENT or not _AGENT.fullmatch(agent):
        raise RoadmapError(
            f"agent {agent[:MAX_AGENT]!r}: name the agent in one word of at most {MAX_AGENT} "
            "visible characters, without markdown, e.g. @claude"
        )


def claim_text(
    roadmap: Roadmap,
    item_id: str,
    agent: str,
    minutes: int,
    settings: Settings,
    now: datetime,
) -> tuple[str, str]:
    """The roadmap's text with the item claimed by ``agent``, and the claim written.

    Refused when another agent's unexpired claim is on the item or the item is done;
    the same agent renews its own claim.
    """
    _check_agent(agent)
    if not 1 <= minutes <= LONGEST_CLAIM_MINUTES:
        raise RoadmapError(f"minutes {minutes}: claim for 1 to {LONGEST_CLAIM_MINUTES} minutes")
    item = find_item(roadmap, item_id, settings)
    held = holder(item, now)
    if held is not None and held.agent != agent:
        raise RoadmapError(
            f"{roadmap.path}:{held.line}: {item_id} is {held.spelled()}; "
            "not claimed (wait, or pick another item)"
        )
    if settings.statuses.is_done(item.status):
        raise RoadmapError(f"{roadmap.path}:{item.position.line}: {item_id} is done; not claimed")
    value = f"{agent} until {iso(now + timedelta(minutes=minutes))}"
    edit = ItemEdit(fields=(FieldChange(FIELD_NAME, value),))
    return edit_item(roadmap, item_id, edit, settings), value


def release_text(roadmap: Roadmap, item_id: str, agent: str, settings: Settings) -> str:
    """The roadmap's text with ``agent``'s claim on the item removed.

    Refused when the item's claim names another agent; an item nobody claims is left
    as it is.
    """
    _check_agent(agent)
    item = find_item(roadmap, item_id, settings)
    claim = read_claim(item)
    if claim is None:
        return roadmap.source
    if claim.agent != agent:
        raise RoadmapError(
            f"{roadmap.path}:{claim.line}: {item_id} is claimed by {claim.agent}, "
            f"not {agent}; not released"
        )
    return edit_item(roadmap, item_id, ItemEdit(fields=(FieldChange(FIELD_NAME, ""),)), settings)
