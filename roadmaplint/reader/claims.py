"""Reading a claim: ``Claimed by: AGENT until 2026-12-06T10:30:00Z``, an ordinary field.

An agent holds an item until the time written; the field is read like any other and
understood here, for ``next``, the MCP server, ``show`` and RL506. ``datetime`` is
imported where a time is read or made: a plain ``check`` of a plan without claims
imports this module for the field's name and never needs it.
"""

from __future__ import annotations

from roadmaplint.model import Item
from roadmaplint.record import record
from roadmaplint.text import LazyPattern

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime

CLAIMED_BY = "claimed by"
FIELD_NAME = "Claimed by"
# claim_item grants at most this; RL506 flags a claim written to run longer
LONGEST_CLAIM_MINUTES = 7 * 24 * 60
_VALUE = LazyPattern(r"\s*(?P<agent>\S(?:.*\S)?)\s+until\s+(?P<until>\S+)\s*$")


@record
class Claim:
    agent: str
    until: datetime | None  # None: the value does not read as AGENT until ISO-TIME
    line: int
    written: str

    def expired(self, now: datetime) -> bool:
        return self.until is None or self.until <= now

    def spelled(self) -> str:
        return f"held by {self.agent} until {self.written.rsplit(' ', 1)[-1]}"

    def shown(self, now: datetime) -> str:
        """The claim as ``show``, ``list``, the board and the MCP server present it."""
        if self.until is None:
            return f"{self.written} (does not read as AGENT until ISO-TIME)"
        return f"{self.spelled()} (expired)" if self.expired(now) else self.spelled()


def now_utc() -> datetime:
    from datetime import UTC, datetime

    return datetime.now(UTC).replace(microsecond=0)


def iso(moment: datetime) -> str:
    from datetime import UTC

    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_time(text: str) -> datetime | None:
    from datetime import UTC, datetime

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


def shown_claim(item: Item, now: datetime) -> str | None:
    """The item's claim as people read it ("held by @claude until 2026-12-06T10:30:00Z",
    "... (expired)"), or None when it has none."""
    claim = read_claim(item)
    return None if claim is None else claim.shown(now)


def holder(item: Item, now: datetime) -> Claim | None:
    """The unexpired claim on the item, if someone holds it."""
    claim = read_claim(item)
    return None if claim is None or claim.expired(now) else claim
