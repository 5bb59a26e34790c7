"""Writes that refused where a user expects the edit (SAFE-45, CORE-102): plain bullets
that lead with an ID, a bullet named by its title, a numbered step's owner, a heading
that ends with a status mark and its word, a dated bullet's day. Every write runs
through the installed command line with the file's bytes compared before and after,
as written, with CRLF line endings and without a final newline: only what was asked
changes, or one line, exit 2, and the file untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cli
from write_variants import refuses as _refuses
from write_variants import writes as _writes


def _show(folder: Path, item_id: str) -> str:
    return cli("show", item_id, "ROADMAP.md", cwd=folder).stdout


# --- plain bullets that lead with an ID (CORE-102 box 1)

QUEUE = """\
# Plan

## Todo

- [FEAT-1] Login page
- FEAT-2: Logout (depends on FEAT-1)

## In Progress

- [FEAT-3] Search @alice (P1)

## Done

- [FEAT-0] Setup
"""


def test_an_id_bullets_owner_priority_and_dependencies_are_written_on_its_line(
    tmp_path: Path,
) -> None:
    _writes(
        tmp_path,
        QUEUE,
        ("set", "FEAT-1", "--dri", "bob"),
        QUEUE.replace("[FEAT-1] Login page", "[FEAT-1] Login page @bob"),
    )
    assert "DRI:             bob\n" in _show(tmp_path, "FEAT-1")
    _writes(
        tmp_path,
        QUEUE,
        ("set", "FEAT-1", "--priority", "P2"),
        QUEUE.replace("[FEAT-1] Login page", "[FEAT-1] Login page (P2)"),
    )
    # the form the list writes its dependencies in: ``(depends on X)``
    _writes(
        tmp_path,
        QUEUE,
        ("set", "FEAT-1", "--add-dep", "FEAT-0"),
        QUEUE.replace("[FEAT-1] Login page", "[FEAT-1] Login page (depends on FEAT-0)"),
    )
    _writes(
        tmp_path,
        QUEUE,
        ("set", "FEAT-2", "--add-dep", "FEAT-0"),
        QUEUE.replace("(depends on FEAT-1)", "(depends on FEAT-1, FEAT-0)"),
    )
    _writes(
        tmp_path,
        QUEUE,
        ("set", "FEAT-2", "--remove-dep", "FEAT-1"),
        QUEUE.replace("FEAT-2: Logout (depends on FEAT-1)", "FEAT-2: Logout"),
    )
    # an owner and a priority already written are changed where they stand
    _writes(
        tmp_path,
        QUEUE,
        ("set", "FEAT-3", "--dri", "carol", "--priority", "P0"),
        QUEUE.replace("@alice (P1)", "@carol (P0)"),
    )
    _writes(
        tmp_path,
        QUEUE,
        ("set", "FEAT-2", "--title", "Sign out"),
        QUEUE.replace("Logout", "Sign out"),
    )


def test_an_id_bullets_status_moves_it_with_its_other_fields(tmp_path: Path) -> None:
    moved = QUEUE.replace("- [FEAT-1] Login page\n", "").replace(
        "- [FEAT-3] Search @alice (P1)\n",
        "- [FEAT-3] Search @alice (P1)\n- [FEAT-1] Login page @bob\n",
    )
    _writes(tmp_path, QUEUE, ("set", "FEAT-1", "--status", "In Progress", "--dri", "bob"), moved)


def test_an_id_bullet_is_renamed_where_its_line_writes_the_id_and_in_its_dependents(
    tmp_path: Path,
) -> None:
    _writes(
        tmp_path,
        QUEUE,
        ("rename", "FEAT-1", "FEAT-9"),
        QUEUE.replace("FEAT-1", "FEAT-9"),
    )
    _writes(tmp_path, QUEUE, ("rename", "FEAT-2", "FEAT-8"), QUEUE.replace("FEAT-2", "FEAT-8"))
    # the ID in bold, and dependencies written ``blocked by``
    bold = QUEUE.replace("[FEAT-1]", "**FEAT-1**").replace(
        "(depends on FEAT-1)", "blocked by FEAT-1"
    )
    _writes(tmp_path, bold, ("rename", "FEAT-1", "FEAT-9"), bold.replace("FEAT-1", "FEAT-9"))
    _writes(
        tmp_path,
        bold,
        ("set", "FEAT-2", "--remove-dep", "FEAT-1"),
        bold.replace(" blocked by FEAT-1", ""),
    )


NUMBERED = """\
# Todo

## Todo

1. [FEAT-1] Login page
2. FEAT-2: Logout (depends on FEAT-1)

## Done

1. [FEAT-0] Setup
"""

GROUPED = """\
# Plan

## Todo

- Auth
  - [FEAT-1] Login page
  - FEAT-2: Logout (depends on FEAT-1)

## Done

- Base
  - [FEAT-0] Setup
"""


@pytest.mark.parametrize("text", [NUMBERED, GROUPED], ids=["numbered", "grouped"])
def test_numbered_and_grouped_id_bullets_are_written_as_the_list_writes_them(
    tmp_path: Path, text: str
) -> None:
    _writes(
        tmp_path,
        text,
        ("set", "FEAT-1", "--dri", "bob"),
        text.replace("Login page", "Login page @bob"),
    )
    _writes(
        tmp_path,
        text,
        ("set", "FEAT-2", "--remove-dep", "FEAT-1"),
        text.replace(" (depends on FEAT-1)", ""),
    )
    _writes(tmp_path, text, ("rename", "FEAT-1", "FEAT-9"), text.replace("FEAT-1", "FEAT-9"))


def test_a_value_an_id_bullet_cannot_say_is_refused_in_one_line(tmp_path: Path) -> None:
    said = _refuses(tmp_path, QUEUE, ("set", "FEAT-1", "--dri", "two words"))
    assert said.startswith("roadmaplint: error: ROADMAP.md:5:")
    said = _refuses(tmp_path, QUEUE, ("set", "FEAT-2", "--remove-dep", "FEAT-0"))
    assert "does not depend on FEAT-0" in said
    said = _refuses(tmp_path, QUEUE, ("rename", "FEAT-1", "FEAT-3"))
    assert "already exists" in said


# --- a bullet named by its title (SAFE-45 box 2)

TITLED = """\
# Plan

## Todo

- Write the docs
- Add CI

## Done

- Setup
"""


def test_a_bullet_named_by_its_title_is_given_the_id_it_is_renamed_to(tmp_path: Path) -> None:
    _writes(
        tmp_path,
        TITLED,
        ("rename", "write-the-docs", "DOC-1"),
        TITLED.replace("- Write the docs", "- [DOC-1] Write the docs"),
    )
    assert "DOC-1  Write the docs\n" in _show(tmp_path, "DOC-1")


# --- a numbered step's owner (SAFE-45 box 2)

STEPS = """\
# TODO: Ship the Backend

## Phase 1 — Prepare the Backend

1. **Install prerequisites**
   - Status: ✅ Completed

2. **Create the project**
   - Status: Pending

## Phase 2 — Wire the App

3. **Configure the app with the live URL**
   - Status: ✅ Completed
"""


def test_a_numbered_steps_owner_is_written_on_a_bullet_beside_its_status_in_field_order(
    tmp_path: Path,
) -> None:
    _writes(
        tmp_path,
        STEPS,
        ("set", "2", "--dri", "bob"),
        STEPS.replace("   - Status: Pending\n", "   - DRI: bob\n   - Status: Pending\n"),
    )
    assert "DRI:             bob\n" in _show(tmp_path, "2")
    # since the twelfth leftovers pass a step's ``- Priority:`` bullet is read (an agent
    # queue's ``1. **Title**`` entries, CORE-163), so a priority is written as one, after
    # the status as the owner is before it
    _writes(
        tmp_path,
        STEPS,
        ("set", "2", "--priority", "P1"),
        STEPS.replace("   - Status: Pending\n", "   - Status: Pending\n   - Priority: P1\n"),
    )
    assert "Priority:        P1\n" in _show(tmp_path, "2")


# --- a heading that ends with a status mark and its word

PHASES = """\
# Roadmap

## Phase 6 — Accounts ✅ COMPLETE

Login and sessions.

## Phase 7 — Billing ⏳ PLANNED

Invoices.
"""


def test_a_marked_heading_status_is_written_with_the_mark_of_its_meaning(tmp_path: Path) -> None:
    _writes(
        tmp_path,
        PHASES,
        ("set", "Phase 7", "--status", "done"),
        PHASES.replace("⏳ PLANNED", "✅ COMPLETE"),
    )
    _writes(
        tmp_path,
        PHASES,
        ("set", "Phase 7", "--status", "🔄 IN PROGRESS"),
        PHASES.replace("⏳ PLANNED", "🔄 IN PROGRESS"),
    )
    _writes(
        tmp_path,
        PHASES,
        ("set", "Phase 6", "--status", "planned"),
        PHASES.replace("✅ COMPLETE", "⏳ PLANNED"),
    )


def test_a_marked_heading_status_takes_the_legends_entry(tmp_path: Path) -> None:
    text = PHASES.replace(
        "# Roadmap\n", "# Roadmap\n\n> Status Legend: ✅ SHIPPED | 🚧 BUILDING | ⏳ PLANNED\n"
    ).replace("✅ COMPLETE", "✅ SHIPPED")
    _writes(
        tmp_path,
        text,
        ("set", "Phase 7", "--status", "in progress"),
        text.replace("## Phase 7 — Billing ⏳ PLANNED", "## Phase 7 — Billing 🚧 BUILDING"),
    )


# --- a dated bullet keeps its day (SAFE-45 box 1)

DATED = """\
# Releases

## Planned

- 2026-05-01 — Beta launch
- 2026-06-01 — GA launch

## Done

- 2026-03-01 — Alpha
"""


def test_a_dated_bullet_keeps_its_day_through_every_write(tmp_path: Path) -> None:
    _writes(
        tmp_path,
        DATED,
        ("set", "beta-launch", "--dri", "bob"),
        DATED.replace("Beta launch", "Beta launch @bob"),
    )
    _writes(
        tmp_path,
        DATED,
        ("set", "beta-launch", "--priority", "P1"),
        DATED.replace("Beta launch", "Beta launch (P1)"),
    )
    _writes(
        tmp_path,
        DATED,
        ("set", "beta-launch", "--title", "Beta"),
        DATED.replace("Beta launch", "Beta"),
    )
    _writes(
        tmp_path,
        DATED,
        ("set", "beta-launch", "--status", "done"),
        DATED.replace("- 2026-05-01 — Beta launch\n", "").replace(
            "- 2026-03-01 — Alpha\n", "- 2026-03-01 — Alpha\n- 2026-05-01 — Beta launch\n"
        ),
    )
    _writes(
        tmp_path,
        DATED,
        ("rename", "beta-launch", "REL-1"),
        DATED.replace("- 2026-05-01 — Beta launch", "- 2026-05-01 — [REL-1] Beta launch"),
    )
