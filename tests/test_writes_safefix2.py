"""Writes the write gate's leftovers pass (ROADMAP SAFE-75) made or refused: each edit's
bytes exact, each refusal one line, exit 2, the file untouched."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import cli, read_items

from roadmaplint.errors import RoadmapError
from roadmaplint.reader import parse
from roadmaplint.settings import Settings
from roadmaplint.write.proof import prove_renamed

if TYPE_CHECKING:
    from pathlib import Path

# A roadmap by versions whose empty version headings name their work (reader/shapes/
# versions.py): a line under one would make it a section of its own words.
VERSIONS = """\
# Roadmap

## 0.1 (first release)

- parse the config file
- print a summary

## 0.2 (search index)

## 0.3 (sync)

- offline queue
- conflict screen
"""


def test_a_status_under_an_empty_version_is_refused_in_its_own_words(tmp_path: Path) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(VERSIONS.encode())
    done = cli("set", "search-index", "--status", "done", str(plan), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "search-index is the work a version heading with nothing under it names" in done.stderr
    assert "(## 0.2 (search index))" in done.stderr
    assert plan.read_bytes() == VERSIONS.encode()


# A heading item named by its ID with nothing under it, beside a numbered one, is no
# version's work: its Status line is written as before.
STEPS = """\
# Plan

### 1.1: Login

### 1.2: Logout
"""


def test_a_heading_item_with_nothing_under_it_still_gets_its_status(
    tmp_path: Path,
) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(STEPS.replace("1.1: Login", "AUTH-1: Login").encode())
    done = cli("set", "AUTH-1", "--status", "done", str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_text() == STEPS.replace("1.1: Login", "AUTH-1: Login\n\n- **Status:** done")


# A numbered heading closed by a check mark and the day it was done: reopened, the mark
# and the day go as a bare mark does, and a Status field says the rest; done, it stays.
DATED = """\
# Ops plan

## Completed Tasks ✅

### 1. Backups ✅ (2024-04-02)

Nightly dumps to the bucket.

### 2. Log Rotation ✅

Rotate the logs weekly.

## Pending Tasks

### 3. Alerts

Page on disk full.
"""


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_dated_check_goes_when_its_heading_is_reopened(tmp_path: Path, newline: str) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(DATED.replace("\n", newline).encode())
    reopened = cli("set", "1", "--status", "in progress", str(plan), cwd=tmp_path)
    assert reopened.returncode == 0, reopened.stderr
    expected = DATED.replace(
        "### 1. Backups ✅ (2024-04-02)\n", "### 1. Backups\n\n- **Status:** in progress\n"
    )
    assert plan.read_bytes() == expected.replace("\n", newline).encode()


def test_a_dated_check_set_done_is_no_change(tmp_path: Path) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(DATED.encode())
    done = cli("set", "1", "--status", "done", str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "No change" in done.stdout
    assert plan.read_bytes() == DATED.encode()


# A status report's table marking each row's status: a status no row writes is refused
# naming the marks, where the gate named the table's block; given with its mark, written.
MARKED = """\
# Project Status

| Feature | Status | Notes |
|---------|--------|-------|
| Login | ✅ Working | OAuth |
| Search | 🚧 Needs Implementation | |
| Export | ❌ Broken | CSV only |
"""


def test_a_status_no_row_of_a_marked_table_writes_is_refused_naming_the_marks(
    tmp_path: Path,
) -> None:
    plan = tmp_path / "STATUS.md"
    plan.write_bytes(MARKED.encode())
    for args in (
        ("set", "login", "--status", "blocked"),
        ("new", "Project Status", "Import", "--status", "blocked"),
    ):
        refused = cli(*args, str(plan), cwd=tmp_path)
        assert refused.returncode == 2
        assert refused.stderr.count("\n") == 1
        assert "marks its status (✅ 🚧 ❌) and none means 'blocked'" in refused.stderr
        assert "(--status '🔴 blocked')" in refused.stderr
        assert plan.read_bytes() == MARKED.encode()
    marked = cli("set", "login", "--status", "🔴 blocked", str(plan), cwd=tmp_path)
    assert marked.returncode == 0, marked.stderr
    assert plan.read_bytes() == MARKED.replace("✅ Working", "🔴 blocked").encode()


# Specs named in bold by their kind and number, each with a status and its note after a
# colon: set --status writes the new status and drops the old status's note (the rule in
# docs/shapes.md), the other entries untouched.
SPECS = """\
# Next specs

1. **Spec 012 - Design Tokens** — done: merged via PR #4, M1 closed.
2. **Spec 013 - Navigation and Footer** — in progress: open as PR #6.
3. **Spec 014 - Page Kit** — todo
"""


def test_a_kind_numbered_entry_s_status_note_goes_with_its_status(tmp_path: Path) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(SPECS.encode())
    done = cli("set", "Spec 013", "--status", "done", str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    expected = SPECS.replace("— in progress: open as PR #6.", "— done")
    assert plan.read_bytes() == expected.encode()


# An ops plan whose done work closes its heading with words, over a Status field of free
# words that says how the work runs: the words are its status, and set --status writes
# the field and takes the heading's words away, so the file says one status.
OPS = """\
# Ops plan

## Completed Tasks ✅

### 1. Backups ✅

Nightly dumps to the bucket.

### 2. Log Rotation{closing}

**Status:** Running at 2am daily

## Pending Tasks

### 3. Alerts

Page on disk full.
"""
CLOSINGS = (" — COMPLETE", " (done)", " [DONE]", " ✅ COMPLETE", " - COMPLETED ✅")


@pytest.mark.parametrize("closing", CLOSINGS)
@pytest.mark.parametrize("status", ["todo", "done"])
def test_a_closing_status_over_free_words_is_rewritten_with_the_field(
    tmp_path: Path, closing: str, status: str
) -> None:
    plan = tmp_path / "OPS.md"
    text = OPS.format(closing=closing)
    assert [(i.title, i.status) for i in read_items(text) if i.id == "2"] == [
        ("Log Rotation", closing.strip(" —-()[]").replace("✅ ", ""))
    ]
    plan.write_bytes(text.encode())
    done = cli("set", "2", "--status", status, str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    expected = OPS.format(closing="").replace("Running at 2am daily", status)
    assert plan.read_bytes() == expected.encode()


def test_a_status_of_two_words_keeps_the_heading_s_words_as_its_title() -> None:
    text = OPS.format(closing=" — COMPLETE").replace("Running at 2am daily", "in review")
    assert [(i.title, i.status) for i in read_items(text) if i.id == "2"] == [
        ("Log Rotation — COMPLETE", "in review")
    ]


# A rename reaching into another roadmap's ``path#OLD`` dependencies: the edits there are
# held by the rename's own proof, each reference to the renamed item reading back with
# the new ID and every other dependency on another file as it was.
CORE = """\
# Roadmap

## [CORE-1] Parser

- **Status:** done

## [CORE-2] Lexer

- **Status:** ready
- **Depends on:** CORE-1
"""
WEB = """\
# Web

## [WEB-1] Page

- **Status:** ready
- **Depends on:** ../ROADMAP.md#CORE-1, WEB-0, ../ROADMAP.md#CORE-2

## [WEB-0] Base

- **Status:** done
- **Depends on:** `../ROADMAP.md#CORE-1`
"""


def test_a_rename_s_edits_to_another_roadmap_are_exact(tmp_path: Path) -> None:
    (tmp_path / "ROADMAP.md").write_bytes(CORE.encode())
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "ROADMAP.md").write_bytes(WEB.encode())
    done = cli("rename", "CORE-1", "CORE-9", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "web" / "ROADMAP.md").read_bytes() == WEB.replace(
        "#CORE-1", "#CORE-9"
    ).encode()
    assert (tmp_path / "ROADMAP.md").read_bytes() == CORE.replace("CORE-1", "CORE-9").encode()


def test_prove_renamed_refuses_another_file_s_reference_changed_beside_it() -> None:
    other = parse(WEB, "web/ROADMAP.md")
    references = {"../ROADMAP.md#CORE-1": "../ROADMAP.md#CORE-9"}
    good = WEB.replace("#CORE-1", "#CORE-9")
    prove_renamed(other, good, {}, Settings(), references)
    reached = good.replace("#CORE-2", "#CORE-3")
    with pytest.raises(RoadmapError, match=r"^web/ROADMAP\.md:3: refusing to write: .*WEB-1's"):
        prove_renamed(other, reached, {}, Settings(), references)
    with pytest.raises(RoadmapError, match=r"WEB-0's"):
        prove_renamed(
            other,
            good.replace("#CORE-9`", "#CORE-8`"),
            {},
            Settings(),
            references,
        )
