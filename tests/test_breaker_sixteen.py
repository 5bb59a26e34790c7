"""The sixteenth break pass: documents that are no plans, written as people write them,
and plans of the shapes the last rounds taught the reader, read with no configuration.
An RFC whose every section heading repeats the RFC's own ID (``## RFC-01. Motivation``)
read each section as an item and gave RL102 on the second; a track's slices named by a
lower-case key (``### brc-01 — Title``) over the usual field bullets read no items."""

from __future__ import annotations

import pytest
from conftest import finding_lines, read_items

RFCS = {
    "full-stop": "# RFC-01: Plugin API\n\n## RFC-01. Motivation\n\nWe need plugins.\n\n"
    "## RFC-01. Design\n\nHooks.\n",
    "dash": "# RFC-07: Caching\n\n## RFC-07 — Summary\n\nCache it.\n\n"
    "## RFC-07 — Alternatives\n\nNone.\n",
    "three-without-title": "# Plugin API\n\n## RFC-3: Motivation\n\nWhy.\n\n"
    "## RFC-3: Design\n\nHow.\n\n## RFC-3: Rollout\n\nWhen.\n",
}


@pytest.mark.parametrize("text", RFCS.values(), ids=RFCS)
def test_an_rfcs_sections_under_its_own_id_are_no_items(text: str) -> None:
    assert read_items(text, "rfc.md") == ()
    assert finding_lines(text, "rfc.md") in ([], ["1:RL109"])


def test_two_items_written_twice_by_mistake_are_still_a_duplicate() -> None:
    # a plan's copy of one item among others stays the defect RL102 names
    plan = "# Roadmap\n\n## API-1 — Login\n\nStatus: done\n\n## API-2 — Logout\n\n"
    plan += "Status: todo\n\n## API-2 — Logout again\n\nStatus: todo\n"
    assert "11:RL102" in finding_lines(plan, "ROADMAP.md")
    twice = "# Roadmap\n\n## API-2 — Logout\n\nStatus: todo\n\n## API-2 — Logout\n\nStatus: done\n"
    assert finding_lines(twice, "ROADMAP.md") == ["7:RL102"]
