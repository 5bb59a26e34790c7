"""``set --status`` on an item whose status is the mark or words closing its heading
(SAFE-68): the heading's status is rewritten or removed, so the file says one status and
the item reads back as the status given; where it cannot be written so, a one-line
refusal and the file's bytes untouched."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import cli

from roadmaplint.edit.base import FieldChange
from roadmaplint.edit.item import set_fields
from roadmaplint.errors import RoadmapError
from roadmaplint.reader import parse
from roadmaplint.settings import Settings, common_meaning

if TYPE_CHECKING:
    from pathlib import Path

# An ops plan whose done work is marked on its numbered headings, under a done section.
OPS = """# Ops Plan

## Completed Tasks ✅

### 1. Backups ✅

Nightly dumps to the bucket.

### 2. Log Rotation{closing}

{body}
## Pending Tasks

### 3. Alerting

Page on disk full.
"""
PLAIN_BODY = "Rotate the logs weekly.\n"
FREE_STATUS = "**Status:** Running at 2am daily\n"


def _ops(closing: str, body: str = PLAIN_BODY) -> str:
    return OPS.format(closing=closing, body=body)


def _set(text: str, status: str, item_id: str = "2") -> str:
    edited = set_fields(parse(text, "OPS.md"), item_id, [FieldChange("Status", status)], Settings())
    assert next(i for i in parse(edited, "OPS.md").items if i.id == item_id).title == "Log Rotation"
    return edited


# Each closing form the reader takes as the status of a heading (``heading_status``), and
# what it becomes for todo: a check mark can say only done, so it goes and a Status field
# says the rest; a word, a box or a mark with its word is rewritten where it stands.
REOPENED = {
    " ✅": ("", "- **Status:** todo\n\n"),
    " ✔️": ("", "- **Status:** todo\n\n"),
    " ✓": ("", "- **Status:** todo\n\n"),
    " ✅ COMPLETE": ("", "- **Status:** todo\n\n"),
    " — COMPLETE": (" — TODO", ""),
    " - COMPLETED ✅": (" - TODO", ""),
    " (done)": (" (todo)", ""),
    " [DONE]": (" [TODO]", ""),
    " `[x]`": (" `[ ]`", ""),
    " ⏳ PLANNED": (" 🔄 IN PROGRESS", ""),
}


@pytest.mark.parametrize("closing", sorted(REOPENED))
def test_set_status_rewrites_the_status_closing_a_numbered_heading(closing: str) -> None:
    heading, field = REOPENED[closing]
    status = "in progress" if "PLANNED" in closing else "todo"
    edited = _set(_ops(closing), status)
    expected = _ops(heading, field.replace("todo", status) + PLAIN_BODY)
    assert edited == expected
    item = next(i for i in parse(edited, "OPS.md").items if i.id == "2")
    assert common_meaning(item.status) == common_meaning(status)


@pytest.mark.parametrize("closing", [" ✅", " ✔️", " ✓"])
def test_set_done_on_a_heading_its_check_mark_says_done_changes_nothing(closing: str) -> None:
    text = _ops(closing)
    assert _set(text, "done") == text


@pytest.mark.parametrize("closing", [" ✅", " ✔️", " ✓"])
def test_a_check_mark_over_free_words_goes_when_the_field_is_set_other_than_done(
    closing: str,
) -> None:
    edited = _set(_ops(closing, FREE_STATUS), "todo")
    assert edited == _ops("", "**Status:** todo\n")
    kept = _set(_ops(closing, FREE_STATUS), "done")
    assert kept == _ops(closing, "**Status:** done\n")


def test_a_heading_with_an_id_and_a_colon_loses_its_mark_over_free_words() -> None:
    text = _ops(" ✅", FREE_STATUS).replace("### 2. Log", "### OPS-2: Log")
    text = text.replace("### 1.", "### OPS-1:").replace("### 3.", "### OPS-3:")
    edited = _set(text, "in progress", "OPS-2")
    assert edited == text.replace("Rotation ✅", "Rotation").replace(
        "Running at 2am daily", "in progress"
    )


def test_words_that_read_as_the_title_beside_a_status_field_stay() -> None:
    """Near miss: over a Status field, ``— COMPLETE`` after a title reads as the title's
    (the field is the status), and setting the field leaves the heading as written."""
    text = _ops(" — COMPLETE", "**Status:** in review\n")
    before = next(i for i in parse(text, "OPS.md").items if i.id == "2")
    assert before.status == "in review"
    edited = set_fields(parse(text, "OPS.md"), "2", [FieldChange("Status", "todo")], Settings())
    assert edited == text.replace("in review", "todo")


@pytest.mark.parametrize("closing", [" — COMPLETE", " (done)", " [DONE]", " `[x]`"])
def test_a_status_the_heading_cannot_write_is_refused(closing: str) -> None:
    text = _ops(closing)
    with pytest.raises(RoadmapError, match=r"^OPS\.md:9: .*edit the heading by hand$"):
        set_fields(parse(text, "OPS.md"), "2", [FieldChange("Status", "see notes")], Settings())


def test_the_command_line_rewrites_the_mark_and_refuses_with_the_file_untouched(
    tmp_path: Path,
) -> None:
    plan = tmp_path / "OPS.md"
    plan.write_bytes(_ops(" ✅", FREE_STATUS).encode())
    done = cli("set", "2", "--status", "todo", "OPS.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_bytes() == _ops("", "**Status:** todo\n").encode()
    plan.write_bytes(_ops(" (done)").encode())
    refused = cli("set", "2", "--status", "see notes", "OPS.md", cwd=tmp_path)
    assert refused.returncode == 2
    assert len(refused.stderr.strip().splitlines()) == 1
    assert plan.read_bytes() == _ops(" (done)").encode()


# --- a board column's count follows ``set --status`` moving an item (SAFE-64) ------------

BOARD = """# Board

## To Do (2)

- Write the docs
- Ship the beta

## In Progress (1)

- Fix the login

## Done (1)

- Set up CI
"""


def _moved(text: str, item_id: str, status: str, path: str = "BOARD.md") -> str:
    edited = set_fields(parse(text, path), item_id, [FieldChange("Status", status)], Settings())
    assert common_meaning(next(i for i in parse(edited, path).items if i.id == item_id).status)
    return edited


def test_a_board_columns_count_follows_a_bullet_moved_out_and_in() -> None:
    edited = _moved(BOARD, "ship-the-beta", "done")
    assert edited == (
        BOARD.replace("## To Do (2)", "## To Do (1)")
        .replace("- Ship the beta\n", "")
        .replace("## Done (1)", "## Done (2)")
        + "- Ship the beta\n"
    )
    again = _moved(edited, "fix-the-login", "to do")
    assert "## To Do (2)\n\n- Write the docs\n- Fix the login\n" in again
    assert "## In Progress (0)\n" in again


def test_a_number_in_brackets_that_counts_something_else_stays() -> None:
    """Near miss: ``Done (2026)`` and a count that is not the column's stay as written."""
    other = BOARD.replace("## Done (1)", "## Done (2026)").replace("## To Do (2)", "## To Do (5)")
    edited = _moved(other, "ship-the-beta", "done")
    assert "## To Do (5)\n" in edited and "## Done (2026)\n" in edited


QUEUE = """# Work Queue

## Queue Rules

- Status is the section the item lives in.

## Ready (2)

### WQ-015 Expand unit-test coverage

- **Priority**: P1

### WQ-016 Add a subprocess smoke test

- **Priority**: P2

## Done (1)

### WQ-001 Stop committing OS metadata

- **Priority**: P0
"""


def test_a_queues_section_counts_follow_a_heading_moved_by_its_status() -> None:
    edited = _moved(QUEUE, "WQ-016", "done", "ROADMAP.md")
    assert edited == (
        QUEUE.replace("## Ready (2)", "## Ready (1)")
        .replace("### WQ-016 Add a subprocess smoke test\n\n- **Priority**: P2\n\n", "")
        .replace("## Done (1)", "## Done (2)")
        + "\n### WQ-016 Add a subprocess smoke test\n\n- **Priority**: P2\n"
    )
