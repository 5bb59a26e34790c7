"""The classes the sixteenth leftovers pass (ROADMAP CORE-201) reads: what the thirty-sixth
held-out set and the passes before it left, each in a small document read as a person
reads it, with no finding that is no defect; and beside each new reading a document that
is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.settings import status_meaning

BUILD_TODO = """\
# Tide Chart TODO

### Current Status (Build 014)

- harmonic constants for the north coast added
- dark colour scheme added
- export to PNG fixed on Windows

### Planned Features

- offline station cache
- moon phase overlay

### Feature Requests

- tide alarms?
"""

SHIPPED_TODO = """\
# Notes App TODO

## Shipped in 2.3

- sync over the local network
- markdown preview

## What works now

- search in titles

## Planned

- tags

## Ideas

- handwriting?
"""

README_STATUS = """\
# Tide Chart

A small app that draws the tides of a coastal station.

## Current status

The app is usable day to day. It has:

- harmonic constants for forty stations
- a dark colour scheme
- export to PNG

## Installation

- download the release for your system
- unpack it anywhere
"""


def test_a_current_build_list_in_a_todo_is_done() -> None:
    # ``### Current Status (Build 014)`` over a TODO's plain bullets, beside sections that
    # name their state (``### Planned Features``, ``### Feature Requests``): what the build
    # holds, done (healpix-viewer's TODO.md)
    read = [(i.title, status_meaning(i.status)) for i in read_items(BUILD_TODO, "TODO.md")]
    assert read == [
        ("harmonic constants for the north coast added", "done"),
        ("dark colour scheme added", "done"),
        ("export to PNG fixed on Windows", "done"),
        ("offline station cache", "ready"),
        ("moon phase overlay", "ready"),
        ("tide alarms?", "idea"),
    ]
    assert finding_lines(BUILD_TODO, "TODO.md") == []


def test_a_shipped_version_and_what_works_now_are_done() -> None:
    read = [(i.title, status_meaning(i.status)) for i in read_items(SHIPPED_TODO, "TODO.md")]
    assert read == [
        ("sync over the local network", "done"),
        ("markdown preview", "done"),
        ("search in titles", "done"),
        ("tags", "ready"),
        ("handwriting?", "idea"),
    ]
    assert finding_lines(SHIPPED_TODO, "TODO.md") == []


def test_a_readmes_current_status_reads_nothing() -> None:
    assert read_items(README_STATUS, "README.md") == ()
    assert finding_lines(README_STATUS, "README.md") == []
