"""Claims (`Claimed by: AGENT until TIME`): read as a field, respected by `next`, checked by RL506."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import brief, cli, findings, item, roadmap

from roadmaplint.database.claims import claim_text, release_text
from roadmaplint.errors import RoadmapError
from roadmaplint.reader import parse
from roadmaplint.settings import Settings

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)


def _plan(extra: str = "", status: str = "ready") -> str:
    return roadmap(("Modeling", [item("MODEL-1", status=status, extra=extra), item("MODEL-2")]))


def test_rl506_flags_an_expired_claim_a_claim_on_a_done_item_and_one_that_does_not_read() -> None:
    expired = findings(_plan("- **Claimed by:** @bot until 2020-01-01T00:00:00Z"), "RL506")
    assert [(code, message) for _, _, code, message in brief(expired)] == [
        (
            "RL506",
            "MODEL-1's claim by @bot expired at 2020-01-01T00:00:00Z; renew it or remove it",
        )
    ]
    done = findings(
        _plan("- **Claimed by:** @bot until 2999-01-01T00:00:00Z", status="done"), "RL506"
    )
    assert "is done but still held by @bot until 2999-01-01T00:00:00Z" in done[0].message
    garbled = findings(_plan("- **Claimed by:** @bot tomorrow"), "RL506")
    assert "does not read as AGENT until ISO-TIME" in garbled[0].message
    assert findings(_plan("- **Claimed by:** @bot until 2999-01-01T00:00:00Z"), "RL506") == []
    assert findings(_plan(), "RL506") == []


def test_claim_refuses_another_agent_and_renews_the_same_one() -> None:
    settings = Settings()
    text = _plan()
    claimed, value = claim_text(
        parse(text, "ROADMAP.md", settings), "MODEL-1", "@a", 30, settings, NOW
    )
    assert value == "@a until 2026-12-06T10:30:00Z"
    assert "- **Claimed by:** @a until 2026-12-06T10:30:00Z\n" in claimed
    with pytest.raises(RoadmapError, match=r"MODEL-1 is held by @a until 2026-12-06T10:30:00Z"):
        claim_text(parse(claimed, "ROADMAP.md", settings), "MODEL-1", "@b", 30, settings, NOW)
    renewed, _ = claim_text(
        parse(claimed, "ROADMAP.md", settings), "MODEL-1", "@a", 60, settings, NOW
    )
    assert renewed.count("Claimed by") == 1 and "until 2026-12-06T11:00:00Z" in renewed
    later = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)  # the claim expired: another may take it
    taken, _ = claim_text(
        parse(renewed, "ROADMAP.md", settings), "MODEL-1", "@b", 5, settings, later
    )
    assert "@b until 2026-12-06T12:05:00Z" in taken
    with pytest.raises(RoadmapError, match="claimed by @b, not @a; not released"):
        release_text(parse(taken, "ROADMAP.md", settings), "MODEL-1", "@a", settings)
    assert release_text(parse(taken, "ROADMAP.md", settings), "MODEL-1", "@b", settings) == text
    with pytest.raises(RoadmapError, match="name the agent in one word"):
        claim_text(parse(text, "ROADMAP.md", settings), "MODEL-1", "two words", 5, settings, NOW)


def test_next_does_not_offer_a_held_item(tmp_path: Path) -> None:
    (tmp_path / "ROADMAP.md").write_text(
        _plan("- **Claimed by:** @bot until 2999-01-01T00:00:00Z"), encoding="utf-8"
    )
    listed = cli("next", cwd=tmp_path).stdout
    assert "MODEL-2" in listed and "MODEL-1" not in listed
    (tmp_path / "ROADMAP.md").write_text(
        _plan("- **Claimed by:** @bot until 2020-01-01T00:00:00Z"), encoding="utf-8"
    )
    assert "MODEL-1" in cli("next", cwd=tmp_path).stdout


def test_a_claim_is_no_unknown_field() -> None:
    text = _plan("- **Claimed by:** @bot until 2999-01-01T00:00:00Z")
    assert [finding.code for finding in findings(text)] == []
    assert [finding.code for finding in findings(_plan("- **Clamed by:** @bot"))] == ["RL104"]
