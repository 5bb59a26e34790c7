"""The classes of plan file the seventh held-out set of the corpus (tests/corpus, files 80
and above: heading queues, planning phases, task folders) showed misread or over-reported,
each in a small document: read as a person reads it, with no finding a person would call
a false alarm, and edited in place through the write gate."""

from __future__ import annotations

from pathlib import Path

import pytest

from roadmaplint import check_text
from roadmaplint.cli import main
from roadmaplint.edit.base import FieldChange
from roadmaplint.edit.item import set_fields
from roadmaplint.reader import parse
from roadmaplint.settings import Settings, common_meaning


def _read(text: str) -> list[tuple[str, str, str | None, str | None, str | None]]:
    return [
        (i.id, i.title, i.status, i.priority, i.dri)
        for i in parse(text, "WORK_QUEUE.md", Settings()).items
    ]


def _findings(text: str) -> list[str]:
    return [f"{f.line}:{f.code}" for f in check_text(text, "WORK_QUEUE.md", Settings())]


JIRA_STYLE = """\
# Work Queue

**Status** — DONE · PARTIAL · OPEN · BLOCKED

## P0 — Blockers

### LOG-44 · Migrate to the server
**Effort:** XL · **Type:** Architecture · **Status:** OPEN · **Owner:** —

The plan.

### LOG-24 · Verify end-to-end
**Effort:** S · **Type:** Verification · **Status:** PARTIAL

| # | Sub-task | Status |
|---|---|---|
| 24.1 | Run the setup | DONE |
| 24.2 | Inspect the fields | OPEN |

## P1 — High priority

### LOG-26 · Background embed
**Effort:** M | **Status:** DONE | **Owner:** @ana
"""


def test_a_middle_dot_parts_an_id_from_its_title_and_fields_that_share_a_line() -> None:
    assert _read(JIRA_STYLE) == [
        ("LOG-44", "Migrate to the server", "OPEN", "P0", "—"),
        ("LOG-24", "Verify end-to-end", "PARTIAL", "P0", None),
        ("LOG-26", "Background embed", "DONE", "P1", "@ana"),
    ]
    # PARTIAL: part of the work done, in progress; in a queue that names an owner
    # (@ana), partial work that names none is reported ...
    assert common_meaning("PARTIAL") == "in_progress"
    assert _findings(JIRA_STYLE) == ["12:RL501"]
    # ... and in a queue whose Owner fields all say "—", which names nobody, it is not
    assert _findings(JIRA_STYLE.replace("@ana", "—")) == []


def test_a_title_in_which_a_dot_stands_between_words_is_no_item() -> None:
    # the dot parts an ID from its title only: a heading of prose stays a section
    assert _read("# Plan\n\n## Now · the next release\n\nText.\n") == []


def test_fields_that_share_a_line_are_set_each_in_place() -> None:
    roadmap = parse(JIRA_STYLE, "WORK_QUEUE.md", Settings())
    edited = set_fields(
        roadmap, "LOG-44", [FieldChange("Status", "DONE"), FieldChange("DRI", "@bo")], Settings()
    )
    assert edited.splitlines()[7] == (
        "**Effort:** XL · **Type:** Architecture · **Status:** DONE · **Owner:** @bo"
    )
    assert edited.replace("DONE · **Owner:** @bo", "OPEN · **Owner:** —") == JIRA_STYLE
    # a field added goes on a line of its own, in the line's label style
    added = set_fields(roadmap, "LOG-24", [FieldChange("Depends on", "LOG-44")], Settings())
    assert (
        "**Effort:** S · **Type:** Verification · **Status:** PARTIAL\n**Depends on:** LOG-44\n"
        in added
    )


def test_a_field_that_shares_its_line_is_not_removed_with_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "# Queue\n\n### A-1 · First\n**Status:** OPEN · **Depends on:** A-2\n\n### A-2 · Next\n**Status:** OPEN\n"
    plan = tmp_path / "WORK_QUEUE.md"
    plan.write_text(text, encoding="utf-8")
    assert main(["set", "A-1", "--depends-on", "", str(plan)]) == 2
    assert "cannot be removed safely" in capsys.readouterr().err
    assert plan.read_text(encoding="utf-8") == text


NUMBERED = """\
# Work Queue — App Store Launch

**Status:** SWARM ACTIVATED

## P0 — CRITICAL PATH (Do First)

### 1. 🎨 App Assets & Branding
**Status:** ✅ COMPLETE (Placeholder Assets)~
**Assigned:** Jarvis~
**ETA:** 24 hours

- [x] Create the app icon
- [ ] Replace with final branded assets

### 2. 📲 Developer Account Setup
**Status:** 🔴 Not Started~
**Assigned:** 0xBuildR

## P1 — BUILD & TEST

### 3. 🧪 Production Build & Test
**Status:** 🟡 In Progress~
**Assigned:** QA Agent

- [x] Fix the failing test
""".replace("~\n", "  \n")  # two-space hard breaks, as the queue writes them


def test_numbered_headings_with_a_status_are_items_and_their_boxes_their_work() -> None:
    assert _read(NUMBERED) == [
        ("1", "🎨 App Assets & Branding", "✅ COMPLETE (Placeholder Assets)", "P0", "Jarvis"),
        ("2", "📲 Developer Account Setup", "🔴 Not Started", "P0", "0xBuildR"),
        ("3", "🧪 Production Build & Test", "🟡 In Progress", "P1", "QA Agent"),
    ]
    assert _findings(NUMBERED) == []


def test_numbered_chapters_without_a_status_stay_chapters() -> None:
    design = "# Design\n\n## 1. Introduction\n\nWhy.\n\n## 2. Goals\n\n- [ ] Fast\n"
    assert [i.id for i in parse(design, "DESIGN.md", Settings()).items] == ["fast"]


def test_a_field_added_after_a_shared_line_ends_with_the_line_break() -> None:
    text = "# Queue\n\n### A-1 · First\n**Effort:** M · **Status:** OPEN  \n**Note:** x\n"
    edited = set_fields(
        parse(text, "WORK_QUEUE.md", Settings()), "A-1", [FieldChange("DRI", "@ana")], Settings()
    )
    # the paragraph's two-space hard breaks go on: the new line ends with one too
    assert edited == text.replace("### A-1 · First\n", "### A-1 · First\n**DRI:** @ana  \n")


LISTED = """\
# Backlog

### B-1 — First
- **Priority:** P1 | **Status:** Open | **Owner:** @ana
- **Depends on:** B-2

### B-2 — Second
- **Priority:** P2 · **Status:** Done
"""


def test_fields_that_share_a_list_item_are_each_a_field_and_set_in_place() -> None:
    assert _read(LISTED) == [
        ("B-1", "First", "Open", "P1", "@ana"),
        ("B-2", "Second", "Done", "P2", None),
    ]
    roadmap = parse(LISTED, "WORK_QUEUE.md", Settings())
    assert [i.depends_on for i in roadmap.items] == [("B-2",), ()]
    edited = set_fields(
        roadmap, "B-1", [FieldChange("Status", "Done"), FieldChange("DRI", "@bo")], Settings()
    )
    assert edited == LISTED.replace("Open | **Owner:** @ana", "Done | **Owner:** @bo")
    added = set_fields(roadmap, "B-2", [FieldChange("DRI", "@cy")], Settings())
    # an owner is added by the name the plan already uses for it (``Owner``)
    assert added == LISTED.replace("### B-2 — Second\n", "### B-2 — Second\n- **Owner:** @cy\n")


def test_fields_written_in_a_code_span_are_the_value_of_one_field() -> None:
    text = (
        "# Plan\n\n### C-1 — Fields\n"
        "- **Status:** ready\n"
        "- **Description:** a line like `**Effort:** XL · **Status:** OPEN` is read as two\n"
        "- **Notes:** a span left open `**A:** x · **Owner:** y\n  goes on` here\n"
    )
    item = parse(text, "PLAN.md", Settings()).items[0]
    assert [f.key for f in item.fields] == ["status", "description", "notes"]
    assert (item.status, item.dri) == ("ready", None)
    assert _findings(text) == []
