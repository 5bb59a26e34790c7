"""`next_items` over generated roadmaps: it never offers an item `check` calls blocked,
that is not ready or that someone holds, and it explains every open item it leaves out."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import item, roadmap
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmaplint.api import check_text
from roadmaplint.settings import Settings

pytest.importorskip("mcp")

STATUSES = ("idea", "ready", "in_progress", "blocked", "done", "waiting")  # waiting: no legend
CLAIMS = {
    "none": "",
    "held": "- **Claimed by:** @bot until 2999-01-01T00:00:00Z",
    "expired": "- **Claimed by:** @bot until 2020-01-01T00:00:00Z",
    "unreadable": "- **Claimed by:** @bot tomorrow",
}
# what `check` says of an item that waits: a dependency not done, or not there at all
WAITING = {"RL301", "RL304", "RL306"}


@dataclass(frozen=True)
class Planned:
    item_id: str
    status: str
    depends_on: tuple[str, ...]
    claim: str


@st.composite
def plans(draw: st.DrawFn) -> list[Planned]:
    count = draw(st.integers(1, 7))
    found = []
    for number in range(1, count + 1):
        earlier = [f"A-{other}" for other in range(1, number)]
        depends = draw(st.lists(st.sampled_from([*earlier, "A-99"]), max_size=3, unique=True))
        found.append(
            Planned(
                f"A-{number}",
                draw(st.sampled_from(STATUSES)),
                tuple(depends),
                draw(st.sampled_from(sorted(CLAIMS))),
            )
        )
    return found


def _text(plan: list[Planned]) -> str:
    written = [
        item(
            one.item_id,
            status=one.status,
            depends=", ".join(one.depends_on) or None,
            extra=CLAIMS[one.claim],
        )
        for one in plan
    ]
    return roadmap(("Work", written))


def _next_items(text: str) -> dict[str, Any]:
    import anyio

    from roadmaplint.mcp.server import build
    from roadmaplint.mcp.workspace import Workspace

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ROADMAP.md"
        path.write_text(text, encoding="utf-8")
        server = build(Workspace([path]))
        result = anyio.run(server.call_tool, "next_items", {})
    assert not result.is_error, result.content  # type: ignore[union-attr]
    content = result.structured_content  # type: ignore[union-attr]
    assert isinstance(content, dict)
    return content


@settings(max_examples=80)
@given(plans())
def test_next_items_offers_only_what_can_start_and_explains_the_rest(
    plan: list[Planned],
) -> None:
    text = _text(plan)
    answer = _next_items(text)
    offered = [entry["id"] for entry in answer["ready"]]
    left_out = {entry["id"]: entry["reason"] for entry in answer["not_offered"]}
    by_id = {one.item_id: one for one in plan}

    # every open item is either offered or explained, never both, never twice
    open_ids = {one.item_id for one in plan if one.status != "done"}
    assert len(offered) == len(set(offered))
    assert set(offered).isdisjoint(left_out)
    assert set(offered) | set(left_out) == open_ids
    assert all(reason.strip() for reason in left_out.values())

    # nothing offered is unready, held, or waiting by check's findings
    waiting = {
        finding.item
        for finding in check_text(text, "ROADMAP.md", Settings())
        if finding.code in WAITING
    }
    for item_id in offered:
        one = by_id[item_id]
        assert one.status == "ready"
        assert one.claim != "held"
        assert item_id not in waiting

    # and everything that could start is offered: the oracle, from the generated plan
    def can_start(one: Planned) -> bool:
        dependencies_done = all(
            other in by_id and by_id[other].status == "done" for other in one.depends_on
        )
        return one.status == "ready" and dependencies_done and one.claim != "held"

    assert set(offered) == {one.item_id for one in plan if can_start(one)}
    for item_id, reason in left_out.items():
        one = by_id[item_id]
        if one.status != "ready":
            assert reason == f"not ready: its status is {one.status}"
        elif can_start(one.__class__(one.item_id, one.status, one.depends_on, "none")):
            assert reason == "held by @bot until 2999-01-01T00:00:00Z"
        else:
            assert reason.startswith(("waits for A-", "depends on A-99"))
