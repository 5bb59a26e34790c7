"""The twenty-first break pass: documents that are no plans, written in the shapes the
twenty-fourth and twenty-fifth sets and the ninth leftovers taught the reader (lines led
by ``x``, ``## Version 1.2 - Title (Planned)``), read with no configuration: each reads
no item and gives no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items


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
