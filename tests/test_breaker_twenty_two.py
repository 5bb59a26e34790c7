"""The twenty-second break pass: documents that are no plans, written in the shapes the
twenty-sixth and twenty-seventh sets and the tenth leftovers taught the reader (``### ✅
1. Title``, a heading closing with a status in a code span), read with no configuration:
each reads no item and gives no finding; and writes on the plans of those shapes."""

from __future__ import annotations

from pathlib import Path

from conftest import cli, finding_lines, read_items


def test_a_faq_of_numbered_questions_answered_yes_is_no_plan() -> None:
    # ``### ✅ 1. Title`` is a numbered request done; a question ticked as answered yes is
    # no work: read as items, the FAQ's two "yes" answers were two done items (and its
    # "no", marked ❌, none)
    faq = """\
# FAQ

### ✅ 1. Does it run on Windows?

Yes, since version 2.

### ✅ 2. Can I use it offline?

Yes.

### ❌ 3. Does it support Python 2?

No.
"""
    assert read_items(faq) == ()
    assert finding_lines(faq) == []


def test_numbered_requests_done_are_still_read() -> None:
    # the shape the FAQ is told apart from: titles that name work, one asking a question
    plan = """\
# Requests

### ✅ 1. Logo as home button

Done.

### ✅ 2. Should the menu fold on phones?

Done: it folds.

### 3. Dark mode

Not begun.
"""
    assert [item.id for item in read_items(plan)] == ["1", "2", "3"]


_SNAPSHOT_SHOWN = """\
# Migration plan

Write the status snapshot like this:

```markdown
- [x] Phase 1 complete
- [x] **Phase 2: Cleanup**
```

## Phase 1: Data migration

Not started yet.

## Phase 2: Cleanup

Not started.
"""


def test_a_phase_box_shown_in_a_code_fence_gives_no_phase_its_status() -> None:
    # an example of the snapshot in a fence is no snapshot: read, both phases were done
    assert [(item.id, item.status) for item in read_items(_SNAPSHOT_SHOWN)] == [
        ("Phase 1", None),
        ("Phase 2", None),
    ]


def test_set_status_never_ticks_a_box_shown_in_a_code_fence(tmp_path: Path) -> None:
    # ``set --status pending`` unticked the example inside the fence, and the phase read
    # as the example said
    plan = tmp_path / "PLAN.md"
    plan.write_text(_SNAPSHOT_SHOWN, encoding="utf-8")
    done = cli("set", "Phase 2", str(plan), "--status", "done", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    written = plan.read_text(encoding="utf-8")
    assert "```markdown\n- [x] Phase 1 complete\n- [x] **Phase 2: Cleanup**\n```" in written
    assert [(item.id, item.status) for item in read_items(written)] == [
        ("Phase 1", None),
        ("Phase 2", "done"),
    ]


def test_commands_named_like_statuses_in_a_cli_backlog_stay_in_their_titles() -> None:
    # a todo tool's backlog names its commands in code spans; ``done`` and ``blocked``
    # beside each other read as the two items' statuses, their titles cut to "Add
    # command", while their neighbours' ``add`` and ``archive`` say the spans are names
    backlog = """\
# Todo CLI backlog

## CLI-1 — Add command `add`

Adds a task.

## CLI-2 — Add command `done`

Marks a task finished.

## CLI-3 — Add command `blocked`

Lists tasks waiting on others.

## CLI-4 — Add command `archive`

Moves finished tasks away.
"""
    assert [(i.id, i.title, i.status) for i in read_items(backlog)] == [
        ("CLI-1", "Add command add", None),
        ("CLI-2", "Add command done", None),
        ("CLI-3", "Add command blocked", None),
        ("CLI-4", "Add command archive", None),
    ]


_ASIDES = """\
# Roadmap

### GAME-1 — Puzzle campaign (Target: 1-2 weeks)

- **Status:** todo

### GAME-2 — Level editor (ETA: May)

- **Status:** todo
"""


def test_set_title_keeps_the_aside_the_title_is_read_without(tmp_path: Path) -> None:
    # ``(ETA: May)`` is no part of the title, so ``set --title`` replaced it with the rest
    # and the plan lost when the work is meant to land
    plan = tmp_path / "PLAN.md"
    plan.write_text(_ASIDES, encoding="utf-8")
    done = cli("set", "GAME-2", str(plan), "--title", "Map editor", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_text(encoding="utf-8") == _ASIDES.replace(
        "Level editor (ETA: May)", "Map editor (ETA: May)"
    )
    assert [item.title for item in read_items(plan.read_text(encoding="utf-8"))] == [
        "Puzzle campaign",
        "Map editor",
    ]


_CODED = """\
# Epics

## E01 — Project scaffolding `done`

Set up the repo.

## E02 — Views `in progress`

Views.
"""


def test_set_title_keeps_a_status_closing_the_heading_in_a_code_span(tmp_path: Path) -> None:
    # the title's write replaced the span with the rest of the heading: E01 was done and
    # read as no status, and the write said only "title Scaffold"
    plan = tmp_path / "PLAN.md"
    plan.write_text(_CODED, encoding="utf-8")
    done = cli("set", "E01", str(plan), "--title", "Scaffold", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    written = plan.read_text(encoding="utf-8")
    assert written == _CODED.replace("Project scaffolding `done`", "Scaffold `done`")
    assert [(i.id, i.title, i.status) for i in read_items(written)] == [
        ("E01", "Scaffold", "done"),
        ("E02", "Views", "in progress"),
    ]


def test_set_title_keeps_the_heading_s_status_mark(tmp_path: Path) -> None:
    # ``## E01 — Scaffold ✅``: the mark is the status; a title written over it lost it,
    # then the write was refused; since the thirtieth break pass (SAFE-77) the mark stays
    text = "# Plan\n\n## E01 — Scaffold ✅\n\nText.\n\n## E02 — Views\n\nText.\n"
    plan = tmp_path / "PLAN.md"
    plan.write_text(text, encoding="utf-8")
    done = cli("set", "E01", str(plan), "--title", "Setup", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_text(encoding="utf-8") == text.replace("Scaffold ✅", "Setup ✅")


def test_struck_entries_moved_or_dropped_on_a_day_are_no_done_work() -> None:
    # ``~~X~~ → … (date)`` is a candidate done on that day; an offsite's schedule strikes
    # what it moved, and a list strikes what it dropped: read, each was done
    notes = """\
# Offsite notes

## Checklist

- [x] Book the room
- [ ] Order food

## Schedule changes

- ~~Lunch at noon~~ → moved to 1pm (2026-03-01)
- ~~Demo on Friday~~ → postponed to Monday (2026-03-02)

## Ideas

- ~~Dark mode~~ → dropped (2026-03-01)
- ~~Sync~~ → deferred (2026-03-02)
"""
    read = {item.title: item.status for item in read_items(notes)}
    assert read.get("Lunch at noon") != "done" and read.get("Demo on Friday") != "done"
    assert read.get("Dark mode") != "done" and read.get("Sync") != "done"
