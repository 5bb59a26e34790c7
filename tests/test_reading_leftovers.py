"""The classes of plan file the held-out rounds of the corpus left unread or misread
(ROADMAP CORE-44, CORE-46, CORE-51, CORE-53, CORE-55), each in a small document written
as the real files are: read as a person reads it, with no finding a person would call a
false alarm."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.model import Item
from roadmaplint.reader import parse
from roadmaplint.reader.quiet import document_statuses
from roadmaplint.settings import Settings


def _items(text: str) -> tuple[Item, ...]:
    return read_items(text, "TASKS.md")


def _findings(text: str) -> list[str]:
    return finding_lines(text, "TASKS.md")


CLAIMING_LEGEND = """\
# Tasks

## Task Status Legend

- `[AVAILABLE]` - Ready to claim
- `[CLAIMED by @id]` - Locked by an agent
- `[COMPLETE]` - Finished

## Current Tasks

| Task | Description | Status | Priority |
|------|-------------|--------|----------|
| T1 | Consolidate metrics | [AVAILABLE] | P0 |
| T2 | Standardize Traefik config | [CLAIMED by @auto] | P1 |
| T3 | Homepage cleanup | [COMPLETE] | P1 |
"""


def test_a_bracketed_status_of_an_agent_board_means_what_its_legend_says() -> None:
    # ``[AVAILABLE]`` is free to claim (ready); ``[CLAIMED by @auto]`` is held by auto
    # (in progress, auto its owner); ``[COMPLETE]`` is done
    items = _items(CLAIMING_LEGEND)
    assert [(i.id, i.status, i.dri) for i in items] == [
        ("T1", "AVAILABLE", None),
        ("T2", "CLAIMED", "auto"),
        ("T3", "COMPLETE", None),
    ]
    roadmap = parse(CLAIMING_LEGEND, "TASKS.md", Settings())
    statuses = document_statuses(roadmap, Settings())
    assert [statuses.is_ready(i.status) for i in items] == [True, False, False]
    assert [statuses.is_in_progress(i.status) for i in items] == [False, True, False]
    assert _findings(CLAIMING_LEGEND) == []
