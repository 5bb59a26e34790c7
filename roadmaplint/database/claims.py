"""Claims: an agent holds an item for a while with an ordinary field.

``Claimed by: AGENT until 2026-12-06T10:30:00Z``. The reader reads it like any
other field; here it is understood, offered to ``next`` and written by
``claim``/``release`` through the same item edit and write gate as ``set``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from roadmaplint.edit.item import FieldChange, ItemEdit, edit_item, find_item
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item, Roadmap
from roadmaplint.settings import Settings

CLAIMED_BY = "claimed by"
FIELD_NAME = "Claimed by"
DEFAULT_MINUTES = 60
_VALUE = re.compile(r"\s*(?P<agent>\S(?:.*\S)?)\s+until\s+(?P<until>\S+)\s*$")
_AGENT = re.compile(r"[^\s`*_\[\]<>]+")


@dataclass(frozen=True, slots=True)
class Claim:
    agent: str
    until: datetime | None  # None: the time does not read as an ISO time
    line: int
    written: str

    def expired(self, now: datetime) -> bool:
        return self.until is None or self.until <= now

    def spelled(self) -> str:
        return f"held by {self.agent} until {self.written.rsplit(' ', 1)[-1]}"


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_time(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def read_claim(item: Item) -> Claim | None:
    """The item's claim as written, or None when it has no ``Claimed by`` field."""
    found = item.field(CLAIMED_BY)
    if found is None or not found.value.strip():
        return None
    match = _VALUE.match(found.value)
    if match is None:
        return Claim(found.value.strip(), None, found.position.line, found.value.strip())
    return Claim(
        match["agent"], _parse_time(match["until"]), found.position.line, found.value.strip()
    )


def holder(item: Item, now: datetime) -> Claim | None:
    """The unexpired claim on the item, if someone holds it."""
    claim = read_claim(item)
    return None if claim is None or claim.expired(now) else claim


def _check_agent(agent: str) -> None:
    if not _AGENT.fullmatch(agent):
        raise RoadmapError(
            f"agent {agent!r}: name the agent in one word without markdown, e.g. @claude"
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
    if not 1 <= minutes <= 7 * 24 * 60:
        raise RoadmapError(f"minutes {minutes}: claim for 1 to {7 * 24 * 60} minutes")
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
