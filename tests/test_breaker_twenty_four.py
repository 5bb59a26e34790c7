"""The twenty-fourth break pass: the twelfth leftovers (priority bands, numbered entries
with bullets, bold epic bullets), the twenty-ninth set and a box with no ID never
restated, tried with no configuration on documents that are no plans."""

from __future__ import annotations

from conftest import finding_lines, read_items

CHANGELOG = """\
# Changelog

## 1.2.0

* **Epic 1: Login**: rewrote the login page
* **Epic 2: Search**: faster search
"""


def test_a_changelogs_epic_bullets_are_changes_made_not_items() -> None:
    # a release's notes name the epics a change belongs to; read as two items with no
    # status, ``next`` offered shipped work
    assert read_items(CHANGELOG, "CHANGELOG.md") == ()


GUIDE = """\
# Setup guide

## Steps

1. **Install Python** (3.11 or later)
   - Status: required
   - Priority: first
2. **Install the tool** (with pip)
   - Status: optional
3. **Run it** (from the shell)
"""


def test_fields_nested_under_a_guides_steps_are_no_near_miss_of_the_heading() -> None:
    # ``- Status:`` under a numbered step belongs to the step, not to ``## Steps``: told
    # as a heading that lost its ID, ``check`` gave a README an error (RL109)
    assert finding_lines(GUIDE, "README.md") == []
