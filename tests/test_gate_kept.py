"""The write gate holds an edit to what it was asked to change on its own item too
(SAFE-59): a title's edit that would also take the status, the owner or the dependencies
the item read before is refused with one line, and an edit that changes only what was
asked passes."""

from __future__ import annotations

import pytest

from roadmaplint.edit.base import FieldChange, ItemEdit
from roadmaplint.edit.item import edit_item
from roadmaplint.errors import RoadmapError
from roadmaplint.reader import parse
from roadmaplint.settings import Settings
from roadmaplint.write.proof import prove_kept

PLAN = """\
# Roadmap

## [A-1] Parser

- **Status:** in progress
- **DRI:** @ann
- **Depends on:** A-2

## [A-2] Lexer

- **Status:** done
"""


def test_a_title_edit_that_also_takes_the_status_is_refused() -> None:
    before = parse(PLAN, "PLAN.md", Settings())
    # the new title written, and the status line gone with it, as a slip of a write half
    slipped = PLAN.replace("] Parser", "] Reader").replace("- **Status:** in progress\n", "")
    with pytest.raises(RoadmapError, match=r"also change A-1's status"):
        prove_kept(before, slipped, "A-1", "A-1", frozenset({"title"}), Settings())
    # asked for the status too, the same text passes
    prove_kept(before, slipped, "A-1", "A-1", frozenset({"title", "status"}), Settings())


def test_an_owner_edit_that_also_drops_a_dependency_is_refused() -> None:
    before = parse(PLAN, "PLAN.md", Settings())
    slipped = PLAN.replace("@ann", "@bob").replace("- **Depends on:** A-2\n", "")
    with pytest.raises(RoadmapError, match=r"also change A-1's depends on"):
        prove_kept(before, slipped, "A-1", "A-1", frozenset({"dri"}), Settings())


def test_set_changes_what_it_was_asked_and_passes_the_gate() -> None:
    before = parse(PLAN, "PLAN.md", Settings())
    edit = ItemEdit(fields=(FieldChange("Status", "done"),), title="Reader")
    after = parse(edit_item(before, "A-1", edit, Settings()), "PLAN.md", Settings())
    first = after.items[0]
    assert (first.title, first.status, first.dri, first.depends_on) == (
        "Reader",
        "done",
        "@ann",
        ("A-2",),
    )
