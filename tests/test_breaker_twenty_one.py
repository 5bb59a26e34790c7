"""The twenty-first break pass: documents that are no plans, written in the shapes the
twenty-fourth and twenty-fifth sets and the ninth leftovers taught the reader (lines led
by ``x``, ``## Version 1.2 - Title (Planned)``), read with no configuration: each reads
no item and gives no finding."""

from __future__ import annotations

from pathlib import Path

from conftest import cli, finding_lines, read_items


def test_a_tar_listing_pasted_into_install_notes_is_no_list_of_done_work() -> None:
    # ``tar -xvf`` prints each file it extracts as ``x path``: read as todo.txt's done
    # lines, the release's files were three done items and "All checks passed"
    notes = """\
# Install

## Unpack

Run `tar -xvf release.tar`; it prints:

x release/
x release/README.md
x release/bin/tool

## Run

Start `release/bin/tool`.
"""
    assert read_items(notes) == ()
    assert finding_lines(notes) == []


def test_a_backlog_of_done_lines_is_still_read() -> None:
    # the shape the paths are told apart from: a game's backlog kept in a text editor
    backlog = "# Game backlog\n\nx Menus\nx Save games\n* Sound\n- Music\n"
    assert [(item.title, item.status) for item in read_items(backlog)] == [
        ("Menus", "done"),
        ("Save games", "done"),
        ("Sound", "todo"),
        ("Music", "todo"),
    ]


def test_a_changelog_s_releases_are_no_milestones() -> None:
    # ``## Version 0.3.0 - Title ✅`` is a milestone file's item; under ``# Changelog`` the
    # same heading is a release's notes, and one still to come says ``(Planned)``
    changelog = """\
# Changelog

## Version 1.2 - Plugins (Planned)

### Added

- A plugin interface.

## Version 1.1 - Fixes (Released)

### Fixed

- A crash on empty files.
"""
    assert read_items(changelog) == ()
    assert finding_lines(changelog) == []


def test_a_milestone_file_s_versions_are_still_read() -> None:
    milestones = """\
# Milestones

## Version 0.3.0 - Complete Support (Planned)

- [ ] parser

## Version 0.2.0 - First Support ✅

- [x] reader
"""
    assert [item.id for item in read_items(milestones)] == ["Version 0.3.0", "Version 0.2.0"]


def test_an_invoice_s_lines_with_their_due_dates_are_no_planned_work() -> None:
    # ``| Projected Date | Feature |`` is a roadmap's table of work with no status yet; a
    # bill's lines fall due on a day too, and their sums say what they are
    invoice = """\
# Invoice 2024-031

| Item | Description | Due Date | Amount |
|---|---|---|---|
| 1 | Website design | 2024-04-01 | $1,200 |
| 2 | Hosting (12 months) | 2024-04-01 | $240 |
| 3 | Domain renewal | 2024-04-15 | $15 |
"""
    assert read_items(invoice) == ()
    assert finding_lines(invoice) == []


def test_a_rule_right_under_a_done_line_makes_no_section_of_the_lines_above() -> None:
    # markdown reads ``x Save games`` over ``---`` as a setext heading of the lines above it;
    # the text editor's backlog draws a rule there, and its lines stay in one section
    backlog = "# Game backlog\n\nx Menus\nx Save games\n---\n* Sound\n- Music\n"
    assert [(item.title, item.section) for item in read_items(backlog)] == [
        ("Menus", "Game backlog"),
        ("Save games", "Game backlog"),
        ("Sound", "Game backlog"),
        ("Music", "Game backlog"),
    ]


def test_new_writes_the_title_in_a_table_s_french_task_column(tmp_path: Path) -> None:
    # the reader takes ``Tâche`` for the rows' titles; new only knew the English names and
    # wrote ``| T-2 |  |  |``, an item with no title, and said it had added it
    plan = tmp_path / "SPRINT.md"
    plan.write_text(
        "# Sprint 3\n\n| ID | Tâche | Statut |\n|---|---|---|\n| T-1 | Login | Terminé |\n",
        encoding="utf-8",
    )
    done = cli("new", "Sprint 3", "Export", str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_text(encoding="utf-8").splitlines()[-1].split("|")[2].strip() == "Export"
    assert [item.title for item in read_items(plan.read_text(encoding="utf-8"))] == [
        "Login",
        "Export",
    ]
