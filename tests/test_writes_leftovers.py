"""What the eighth and ninth break passes left in reading and writing (SAFE-37, SAFE-38),
each closed for its class: a reading that lost part of a plan without a word, and
writes (`set`, `new`, `rename` through the real command line) that refused where they
should write, or wrote more than was asked. Writes are held to exact bytes."""

from __future__ import annotations

from pathlib import Path

from conftest import cli, finding_lines, read_items

from roadmaplint.reader.incremental import full_snapshot, update
from roadmaplint.settings import Settings


def _ids(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(item.id, item.status, item.section) for item in read_items(text)]


# --- a phase plan whose phases hold one box and several boxes (SAFE-37 box 1)

PHASES_MIXED = """\
# Plan

## Phase 1: Base

- [ ] c
- [x] a

## Phase 2: Next

- [ ] b
"""


def test_a_phase_of_one_box_beside_a_phase_of_several_loses_no_phase() -> None:
    # Phase 1 was read as the theme of its boxes and Phase 2 as an item: the boxes of
    # Phase 1, without IDs, were then read as nothing, so Phase 1 vanished without a word
    assert _ids(PHASES_MIXED) == [
        ("c", "[ ]", "Phase 1: Base"),
        ("a", "done", "Phase 1: Base"),
        ("b", "[ ]", "Phase 2: Next"),
    ]


def test_a_heading_read_as_the_theme_of_boxes_stays_an_item_where_its_boxes_are_not() -> None:
    # T-9 is an item with fields, so boxes without IDs are read only where they carry
    # one: Phase 1's boxes are no items, and Phase 1 itself must not vanish with them
    text = """\
# Plan

## Phase 1: Base

- [ ] c
- [x] a

## T-9: Release

- **Status:** ready
"""
    assert [item.id for item in read_items(text)] == ["Phase 1", "T-9"]


def test_the_editor_re_read_after_a_second_box_under_a_phase_equals_a_full_read() -> None:
    before = PHASES_MIXED.replace("- [ ] c\n- [x] a\n", "- [ ] c\n")
    assert [item.id for item in read_items(before)] == ["Phase 1", "Phase 2"]
    settings = Settings()
    snapshot = full_snapshot(before, "PLAN.md", settings)
    for text in (PHASES_MIXED, before, PHASES_MIXED.replace("- [ ] b\n", "- [ ] b\n- [ ] d\n")):
        snapshot = update(snapshot, text)
        assert snapshot.roadmap == full_snapshot(text, "PLAN.md", settings).roadmap


def _write(folder: Path, text: str, name: str = "ROADMAP.md") -> Path:
    path = folder / name
    path.write_bytes(text.encode())
    return path


# --- rename where another item names the renamed one in reverse (SAFE-37 box 2)

REVERSE = """\
# Plan

### A-1: Parser
- **Status:** ready
- **Blocks:** A-2

### A-2: Lexer
- **Status:** idea

### A-3: Docs
- **Status:** idea
- **Prereq for:** `A-2`, A-9 (later)
"""


def test_rename_renames_the_item_where_another_names_it_in_blocks_or_prereq_for(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, REVERSE)
    done = cli("rename", "A-2", "B-2", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "Renamed A-2 to B-2 (2 items naming it in reverse updated)\n"
    assert path.read_text() == REVERSE.replace("A-2", "B-2")
    shown = cli("show", "B-2", cwd=tmp_path)
    assert "Depends on:      A-1 (ready), A-3 (idea)\n" in shown.stdout


def test_rename_counts_only_the_items_whose_text_it_changed(tmp_path: Path) -> None:
    # A-2 depends on A-1 through A-1's own Blocks: renaming A-1 changes no line of A-2
    path = _write(tmp_path, REVERSE)
    done = cli("rename", "A-1", "B-1", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, "Renamed A-1 to B-1 (0 dependents updated)\n")
    assert path.read_text() == REVERSE.replace("### A-1", "### B-1")


# --- a queue of spaced ID headings whose sections are the statuses (SAFE-38 box 4)

QUEUE = """\
# Work Queue

## Queue Rules

- Status is the section the item lives in.

## Ready

### WQ-015 Expand unit-test coverage

- **Type**: chore
- **Priority**: P1

### WQ-016 Add a subprocess smoke test

- **Priority**: P2

## Done

### WQ-001 Stop committing OS metadata

- **Priority**: P0
"""


def _done(folder: Path, *args: str) -> str:
    run = cli(*args, "ROADMAP.md", cwd=folder)
    assert (run.returncode, run.stderr) == (0, ""), run.stderr
    assert cli("check", "ROADMAP.md", cwd=folder).stdout == "All checks passed.\n"
    return (folder / "ROADMAP.md").read_text()


def test_set_title_and_rename_find_a_spaced_id_heading(tmp_path: Path) -> None:
    _write(tmp_path, QUEUE)
    assert _done(tmp_path, "set", "WQ-016", "--title", "Add a smoke test") == QUEUE.replace(
        "WQ-016 Add a subprocess smoke test", "WQ-016 Add a smoke test"
    )
    assert _done(tmp_path, "rename", "WQ-016", "WQ-017") == QUEUE.replace(
        "WQ-016 Add a subprocess smoke test", "WQ-017 Add a smoke test"
    )


def test_new_in_a_status_section_writes_a_spaced_heading_and_no_status(tmp_path: Path) -> None:
    # the section is the status: a Status field would say it twice
    _write(tmp_path, QUEUE)
    assert _done(tmp_path, "new", "Ready", "Lint the docs") == QUEUE.replace(
        "- **Priority**: P2\n",
        "- **Priority**: P2\n\n### WQ-017 Lint the docs\n\n- **Priority**: P2\n",
    )


def test_set_status_moves_the_item_to_the_section_of_that_status(tmp_path: Path) -> None:
    _write(tmp_path, QUEUE)
    moved = "### WQ-016 Add a subprocess smoke test\n\n- **Priority**: P1\n"
    assert _done(tmp_path, "set", "WQ-016", "--status", "done", "--priority", "P1") == (
        QUEUE.replace("### WQ-016 Add a subprocess smoke test\n\n- **Priority**: P2\n\n", "")
        + "\n"
        + moved
    )
    # the last item of a section moves out of it; the heading stays, empty
    _write(tmp_path, QUEUE)
    assert _done(tmp_path, "set", "WQ-001", "--status", "Ready") == (
        QUEUE.replace(
            "## Done\n\n### WQ-001 Stop committing OS metadata\n\n- **Priority**: P0\n",
            "### WQ-001 Stop committing OS metadata\n\n- **Priority**: P0\n\n## Done\n",
        )
    )


# --- tasks a sprint row and a Done log restate (SAFE-38 box 4)

RESTATED = """\
# Epics & Tasks

## Epic 0: Business Foundation

#### 0.1 Billing
- [ ] **0.1.1** Set up Stripe account
- [ ] **0.1.2** Implement Stripe Checkout

#### 0.2 API
- [ ] **0.2.1** Implement authentication system
- [ ] **0.2.2** Set up PostgreSQL database

## Current Sprint

| Task | Status | Assignee |
|------|--------|----------|
| 0.1.1 Set up Stripe account | 🟡 TODO | Jo |
| 0.2.1 Implement auth | ✅ DONE | Milo |

## Done

- ✅ 0.2.1 Implement auth (API key middleware)
- ✅ 0.2.2 Set up PostgreSQL (Drizzle ORM schema)
- ✅ docs/ARCHITECTURE.md
"""


def test_set_writes_a_restated_tasks_status_and_owner_where_they_are_read(
    tmp_path: Path,
) -> None:
    # the sprint row says the status last: it is written there, as the column spells it,
    # and the task's own box agrees with it (SAFE-39)
    _write(tmp_path, RESTATED)
    assert _done(tmp_path, "set", "0.1.1", "--status", "done", "--dri", "ana") == (
        RESTATED.replace("| 🟡 TODO | Jo |", "| ✅ DONE | ana |").replace(
            "- [ ] **0.1.1**", "- [x] **0.1.1**"
        )
    )


def test_set_a_status_a_done_log_already_says_is_no_change_and_another_one_line(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, RESTATED)
    run = cli("set", "0.2.2", "--status", "done", "ROADMAP.md", cwd=tmp_path)
    assert (run.returncode, run.stdout) == (0, "No change: 0.2.2 already reads that way\n")
    run = cli("set", "0.2.2", "--status", "ready", "ROADMAP.md", cwd=tmp_path)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (
        "roadmaplint: error: ROADMAP.md:23: 0.2.2's Status is read from this line, which "
        "logs it as '✅'; take it out of the log by hand to set it\n"
    )
    assert path.read_text() == RESTATED


def test_rename_and_set_title_follow_a_task_into_its_restatements(tmp_path: Path) -> None:
    _write(tmp_path, RESTATED)
    assert _done(tmp_path, "rename", "0.2.1", "0.2.9") == RESTATED.replace("0.2.1", "0.2.9")
    # a restatement whose title would no longer begin as the task's takes the new one
    # (its note stays); one that still does is left as written
    _write(tmp_path, RESTATED)
    assert _done(tmp_path, "set", "0.2.1", "--title", "Build the login") == (
        RESTATED.replace("Implement authentication system", "Build the login").replace(
            "0.2.1 Implement auth ", "0.2.1 Build the login "
        )
    )
    _write(tmp_path, RESTATED)
    assert _done(tmp_path, "set", "0.1.1", "--title", "Set up Stripe billing") == (
        RESTATED.replace("**0.1.1** Set up Stripe account", "**0.1.1** Set up Stripe billing")
    )


def test_new_writes_the_id_in_the_boxes_own_markup(tmp_path: Path) -> None:
    _write(tmp_path, RESTATED)
    assert _done(tmp_path, "new", "0.1 Billing", "Add invoices") == RESTATED.replace(
        "Checkout\n", "Checkout\n- [ ] **0.1.3** Add invoices\n"
    )


# --- whether an item's ID was written: the reader says it (Item.named_by_title)


def test_rename_gives_an_id_to_a_box_whose_one_word_title_named_it(tmp_path: Path) -> None:
    # the reference made from ``setup`` is ``setup``, written on the line as its title:
    # asked whether the line wrote the ID, the text said yes, and the title was replaced
    plan = "# TODO\n\n- [ ] setup\n- [x] docs\n"
    _write(tmp_path, plan)
    assert read_items(plan)[0].named_by_title
    assert _done(tmp_path, "rename", "setup", "S-1") == plan.replace("] setup", "] S-1 setup")
    assert not read_items((tmp_path / "ROADMAP.md").read_text())[0].named_by_title


# --- files that are no plans: no RL109 for what an ordinary document writes (SAFE-37, 38)


def test_a_changelog_and_a_readme_of_bracketed_words_are_quiet() -> None:
    changelog = (
        "# Changelog\n\n## 1.2.0\n\n- [ADDED] Export to CSV\n- [FIXED] Crash on empty input\n"
        "- [CHANGED] Faster parsing\n- [REMOVED] The old flag\n"
    )
    platforms = "# MyTool\n\n## Platforms\n\n- [STABLE] Linux\n- [BETA] macOS\n"
    for text in (changelog, platforms):
        assert (read_items(text, "README.md"), finding_lines(text, "README.md")) == ((), [])
    # bracketed statuses are a plan written with words for boxes: still said
    plan = (
        "# Tasks\n\n## Sprint\n\n- [DONE] Task-000: Set up the repo\n"
        "- [TODO] Task-001: Write the parser\n- Write the docs\n"
    )
    assert finding_lines(plan, "TODO.md") == ["1:RL109"]


def test_a_reference_page_of_id_headings_without_fields_is_quiet() -> None:
    reference = (
        "# API errors\n\n### E1001 Invalid token\n\nThe token is malformed.\n\n"
        "### E1002 Expired token\n\nThe token has expired.\n"
    )
    assert finding_lines(reference, "ERRORS.md") == []
    # the same heading over a field of work is an item that lost its separator
    plan = "# Plan\n\n### E1001 Invalid token\n\n- **Status:** ready\n"
    assert finding_lines(plan, "ROADMAP.md") == ["1:RL109"]


def test_an_index_of_boxes_above_heading_items_with_statuses_is_no_second_item() -> None:
    text = """\
# Plan

## Overview

- [x] A-1 Login
- [ ] A-2 Logout

## Work

### A-1: Login
- **Status:** done

### A-2: Logout
- **Status:** ready
"""
    assert _ids(text) == [("A-1", "done", "Work"), ("A-2", "ready", "Work")]
    assert finding_lines(text) == []
    # a box that says another title is another item of the same ID: RL102 says so
    other = text.replace("- [ ] A-2 Logout", "- [ ] A-2 Billing")
    assert finding_lines(other) == ["13:RL102"]


def test_the_editor_re_read_of_an_indexed_heading_equals_a_full_read() -> None:
    text = "# Plan\n\n## Overview\n\n- [x] A-1 Login\n\n## Work\n\n### A-1: Login\n- **Status:** done\n"
    settings = Settings()
    snapshot = full_snapshot(text, "PLAN.md", settings)
    for new in (
        text.replace("- **Status:** done\n", "- **Owner:** ana\n"),
        text,
        text.replace("### A-1: Login", "### A-1: Billing"),
    ):
        snapshot = update(snapshot, new)
        assert snapshot.roadmap == full_snapshot(new, "PLAN.md", settings).roadmap
