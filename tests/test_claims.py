"""Claims (`Claimed by: AGENT until TIME`): read as a field, respected by `next`, checked by RL506."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import brief, cli, findings, item, roadmap

from roadmaplint.database.claims import claim_text, release_text
from roadmaplint.errors import RoadmapError
from roadmaplint.reader import parse
from roadmaplint.reader.claims import holder, iso, now_utc
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
    soon = iso(now_utc() + timedelta(hours=2))
    assert findings(_plan(f"- **Claimed by:** @bot until {soon}"), "RL506") == []
    assert findings(_plan(), "RL506") == []


def test_a_claim_written_to_run_past_seven_days_is_rl506_but_still_holds() -> None:
    text = _plan("- **Claimed by:** @bot until 9999-12-31T00:00:00Z")
    (found,) = findings(text, "RL506")
    assert found.message == (
        "MODEL-1's claim by @bot runs until 9999-12-31T00:00:00Z, longer than the 7 days "
        "claim_item grants; a claim is renewed while the work goes on, not held for ever"
    )
    claimed = parse(text, "ROADMAP.md", Settings()).items[0]
    assert holder(claimed, now_utc()) is not None  # honoured until it expires
    eight_days = iso(now_utc() + timedelta(days=8))
    assert findings(_plan(f"- **Claimed by:** @bot until {eight_days}"), "RL506") != []
    six_days = iso(now_utc() + timedelta(days=6))
    assert findings(_plan(f"- **Claimed by:** @bot until {six_days}"), "RL506") == []


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
    text = _plan(f"- **Claimed by:** @bot until {iso(now_utc() + timedelta(hours=1))}")
    assert [finding.code for finding in findings(text)] == []
    assert [finding.code for finding in findings(_plan("- **Clamed by:** @bot"))] == ["RL104"]


CLAIMED = (
    ("MODEL-1", "- **Claimed by:** @bot until 2999-01-01T00:00:00Z"),
    ("MODEL-2", "- **Claimed by:** @old until 2020-01-01T00:00:00Z"),
    ("MODEL-3", "- **Claimed by:** @bot tomorrow"),
    ("MODEL-4", ""),
)


def _claimed_plan() -> str:
    return roadmap(("Modeling", [item(item_id, extra=extra) for item_id, extra in CLAIMED]))


def test_show_and_list_say_who_holds_an_item_until_when(tmp_path: Path) -> None:
    (tmp_path / "ROADMAP.md").write_text(_claimed_plan(), encoding="utf-8")
    shown = cli("show", "MODEL-2", cwd=tmp_path).stdout
    assert "Claimed by:      held by @old until 2020-01-01T00:00:00Z (expired)\n" in shown
    shown = cli("show", "MODEL-1", cwd=tmp_path).stdout
    assert "Claimed by:      held by @bot until 2999-01-01T00:00:00Z\n" in shown
    shown = cli("show", "MODEL-3", cwd=tmp_path).stdout
    assert "Claimed by:      @bot tomorrow (does not read as AGENT until ISO-TIME)\n" in shown
    assert cli("list", cwd=tmp_path).stdout == (
        "ID       TITLE      STATUS  PRIORITY  DRI         SECTION   CLAIM\n"
        "MODEL-1  Something  ready   P1        unassigned  Modeling  "
        "held by @bot until 2999-01-01T00:00:00Z\n"
        "MODEL-2  Something  ready   P1        unassigned  Modeling  "
        "held by @old until 2020-01-01T00:00:00Z (expired)\n"
        "MODEL-3  Something  ready   P1        unassigned  Modeling  "
        "@bot tomorrow (does not read as AGENT until ISO-TIME)\n"
        "MODEL-4  Something  ready   P1        unassigned  Modeling\n"
    )
    assert cli("list", "--format", "csv", "--status", "ready", cwd=tmp_path).stdout.startswith(
        "id,title,status,priority,dri,section,claim\n"
    )
    # no claim among the items listed: no column
    (tmp_path / "ROADMAP.md").write_text(_plan(), encoding="utf-8")
    assert "CLAIM" not in cli("list", cwd=tmp_path).stdout


def test_the_board_card_says_who_holds_the_item() -> None:
    from roadmaplint.board.data import board_data
    from roadmaplint.index import Context

    settings = Settings()
    context = Context(parse(_claimed_plan(), "ROADMAP.md", settings), settings)
    data = board_data(context, None, "2026-12-06", now=NOW)
    claims = {card["id"]: card["claim"] for column in data["columns"] for card in column["cards"]}
    assert claims == {
        "MODEL-1": "held by @bot until 2999-01-01T00:00:00Z",
        "MODEL-2": "held by @old until 2020-01-01T00:00:00Z (expired)",
        "MODEL-3": "@bot tomorrow (does not read as AGENT until ISO-TIME)",
        "MODEL-4": None,
    }
    # read at a moment after the claim ran out, the same claim reads expired
    later = board_data(context, None, "3000-01-01", now=datetime(3000, 1, 1, tzinfo=UTC))
    card = next(card for column in later["columns"] for card in column["cards"])
    assert card["claim"] == "held by @bot until 2999-01-01T00:00:00Z (expired)"


def test_the_board_page_shows_the_claim(tmp_path: Path) -> None:
    (tmp_path / "ROADMAP.md").write_text(_claimed_plan(), encoding="utf-8")
    done = cli("board", "-o", "board.html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "board.html").read_text(encoding="utf-8")
    assert (
        '<dt>Claim</dt><dd class="claim">held by @old until 2020-01-01T00:00:00Z (expired)</dd>'
        in page
    )


def test_claiming_a_checkbox_item_is_refused_in_field_names_not_cli_options() -> None:
    # the MCP server's clients have no --options; the message names the fields a box holds
    text = "# TODO\n\n- [ ] AB-1 Write the parser\n- [ ] AB-2 Write the printer\n"
    settings = Settings()
    roadmap = parse(text, "TODO.md", settings)
    with pytest.raises(RoadmapError) as refused:
        claim_text(roadmap, "AB-1", "@bot", 30, settings, NOW)
    message = str(refused.value)
    assert "a checkbox item holds a Status, Priority, DRI, Depends on" in message
    assert message.endswith("not Claimed by")
    assert "--" not in message
