"""Break pass 28 (ROADMAP SAFE-71): documents people write that the readings merged with
the box reader's split, leftovers14, corpus33 and safefix misread, each fixed by its
class; beside each, the nearest plan that still reads as before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conftest import cli, finding_lines, read_items

if TYPE_CHECKING:
    from pathlib import Path

# A release's notes whose entries under a kind of change are named in bold by a kind of
# work and its number, then what each shipped: what was released, no work.
CHANGELOG = """\
# Changelog

## [1.2.0] - 2024-03-01

### Added
1. **Feature 12 - Unicode support** — shipped: every encoding Python knows
2. **Feature 13 - Quoting** — done: RFC 4180 quoting
"""

# The same notes under a title that does not say so, the kind of change alone.
HISTORY = CHANGELOG.replace("# Changelog", "# History")

# A plan's next specs, named the same way under a heading of its own: its work.
SPECS = """\
# Product Roadmap

## Next specs

1. **Feature 12 - Unicode support** — done: merged via PR #4
2. **Feature 13 - Quoting** — in progress: open as PR #6
"""


def test_kind_numbered_entries_in_a_release_s_notes_are_no_items() -> None:
    for text in (CHANGELOG, HISTORY):
        assert read_items(text) == ()
        assert finding_lines(text) == []
    read = [(i.id, i.status) for i in read_items(SPECS)]
    assert read == [("Feature 12", "done"), ("Feature 13", "in progress")]
    assert finding_lines(SPECS) == []


# An index of architecture decision records, each named in bold by its kind and number
# and its title, then what was decided: a log of decisions, no plan's work.
DECISIONS = """\
# Architecture Decision Records

1. **ADR 001 - Use PostgreSQL** — accepted: 2023-04-01
2. **ADR 002 - Use Kafka for events** — superseded: by ADR 5
3. **ADR 003 - Monorepo** — accepted: 2023-06-12
4. **ADR 004 - GraphQL gateway** — rejected: too complex
"""

# Tickets of a sprint named the same way: its work.
TICKETS = """\
# Sprint 14

1. **Ticket 101 - Login page** — done: deployed
2. **Ticket 102 - Password reset** — blocked: waiting on the mail provider
3. **Ticket 103 - Audit log** — todo: next week
"""


def test_a_numbered_log_of_decisions_is_no_plan() -> None:
    assert read_items(DECISIONS) == ()
    assert finding_lines(DECISIONS) == []
    read = [(i.id, i.status) for i in read_items(TICKETS)]
    assert read == [("Ticket 101", "done"), ("Ticket 102", "blocked"), ("Ticket 103", "todo")]


# A library's status page whose one list under a heading naming a state is a note of the
# versions it no longer supports: no report of work.
SUPPORT = """\
# Project Status

This library is stable and maintained.

## Supported
- Python 3.10
- Python 3.11

## Removed
- Python 2.7
"""

# A status report that says where its work stands under two headings: its work.
REPORT = """\
# Project Status

## Completed
- Migrated the database
- Fixed the login bug

## Next steps
- Payment integration
"""


def test_one_list_under_a_state_in_a_status_page_is_no_report_of_work() -> None:
    assert read_items(SUPPORT) == ()
    assert finding_lines(SUPPORT) == []
    read = [(i.title, i.status) for i in read_items(REPORT)]
    assert read == [
        ("Migrated the database", "completed"),
        ("Fixed the login bug", "completed"),
        ("Payment integration", None),
    ]
    assert finding_lines(REPORT) == []


# A status report's table marks each feature's state before its words: a status set or
# given to a new row is written after the mark a row of the same meaning writes, so the
# row stays one of the report's (without it the table would no longer read).
MARKED = """\
# Project Status

| Feature | Status | Notes |
|---------|--------|-------|
| Login | ✅ Working | OAuth |
| Search | 🚧 Needs Implementation | |
| Export | ❌ Broken | CSV only |
"""


def test_a_status_set_in_a_report_s_table_takes_the_mark_of_its_meaning(
    tmp_path: Path,
) -> None:
    plan = tmp_path / "STATUS.md"
    for name, status, line in (
        ("login", "todo", "| Login | 🚧 todo | OAuth |"),
        ("search", "done", "| Search | ✅ done | |"),
    ):
        plan.write_text(MARKED, encoding="utf-8")
        done = cli("set", name, str(plan), "--status", status, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        written = plan.read_text(encoding="utf-8")
        assert line in written.splitlines()
        assert [i.status for i in read_items(written) if i.id == name] == [line.split(" | ")[1]]
    plan.write_text(MARKED, encoding="utf-8")
    added = cli("new", "Project Status", "Import", str(plan), "--status", "done", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    assert "| Import | ✅ done |" in plan.read_text(encoding="utf-8")


# A plan's table whose statuses are words: a status set is written as given.
WORDED = MARKED.replace("✅ Working", "done").replace("🚧 Needs Implementation", "todo")
WORDED = WORDED.replace("❌ Broken", "in progress").replace("# Project Status", "# Plan")


def test_a_status_set_in_a_table_of_words_is_written_as_given(tmp_path: Path) -> None:
    plan = tmp_path / "PLAN.md"
    plan.write_text(WORDED, encoding="utf-8")
    done = cli("set", "search", str(plan), "--status", "done", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "| Search | done |" in plan.read_text(encoding="utf-8")


# A deployment guide's stages, each a numbered list of bold steps over what to run, and a
# checklist of boxes at its end: the steps its reader follows, no tasks of a plan.
GUIDE = """\
# Deployment guide

## Stage 1: Prepare the server

1. **Install Docker**
   - Run the official script
2. **Open the firewall**
   - Allow ports 80 and 443

## Pre-flight checklist

- [ ] Backups configured
- [ ] DNS pointed at the server
"""

# The same stages in a plan of work whose other work is boxes: its stage's tasks.
STAGED = GUIDE.replace("# Deployment guide", "# Server plan")

# A tutorial's steps named by their kind and number, each with a word of its state.
TUTORIAL = """\
# Getting started tutorial

1. **Step 1 - Install** — done: run pip install
2. **Step 2 - Configure** — done: edit config.toml
3. **Step 3 - Run** — todo: start the server
"""


def test_a_guide_s_numbered_bold_steps_are_no_items() -> None:
    assert [i.title for i in read_items(GUIDE)] == [
        "Backups configured",
        "DNS pointed at the server",
    ]
    assert finding_lines(GUIDE) == []
    assert read_items(TUTORIAL) == ()
    assert finding_lines(TUTORIAL) == []
    assert [i.title for i in read_items(STAGED)][:2] == ["Install Docker", "Open the firewall"]
    assert finding_lines(STAGED) == []
