"""A roadmap by versions whose version headings with nothing under them name their work
in the heading (CORE-182): each such heading is one item, the work it names; a version
heading with nothing under it that names no work, and the empty version headings of a
document that is no plan, read nothing."""

from __future__ import annotations

from conftest import finding_lines, read_items

VERSION_ROADMAP = """\
# Roadmap

## 0.1 (first release)

- parse the config file
- print a summary

## 0.2 (search index)

## v0.3 — Plugin API

### 0.3.1: Dark mode

## 0.4 (sync)

- offline queue
- conflict screen

## 0.5

## 0.6 (2027-01-01)

## 0.7 (stable)

## 0.8 - Export to CSV
"""


def test_empty_version_headings_that_name_their_work_are_items() -> None:
    # ``## 0.2 (search index)`` and ``## v0.3 — Plugin API`` with nothing under them (their
    # own level next), between versions over bullets: each names one piece of work, as a
    # bullet under it would; ``### 0.3.1: Dark mode`` stands under a version, deeper, and
    # is none of these; ``## 0.5`` names nothing, ``(2027-01-01)`` a day, ``(stable)`` a
    # stage; the last version over bullets claims ``## 0.8 - Export to CSV`` after it
    read = [(i.title, i.status, i.position.line) for i in read_items(VERSION_ROADMAP)]
    assert read == [
        ("parse the config file", None, 5),
        ("print a summary", None, 6),
        ("search index", None, 8),
        ("offline queue", None, 16),
        ("conflict screen", None, 17),
        ("Export to CSV", None, 25),
    ]
    assert finding_lines(VERSION_ROADMAP) == []


MARKED_VERSIONS = """\
# Roadmap

## v1.0: Accounts — Done

## v1.1: Teams

- invite a member
- remove a member

## v1.2: Billing

- invoices
- refunds
"""


def test_an_empty_version_before_the_first_list_and_its_own_mark() -> None:
    # the empty version before the first version over bullets is claimed by that one; the
    # status after its name is its own, as a version's status is its bullets'
    read = [(i.title, i.status) for i in read_items(MARKED_VERSIONS)]
    assert read[0] == ("Accounts", "done")
    assert [title for title, _ in read[1:]] == [
        "invite a member",
        "remove a member",
        "invoices",
        "refunds",
    ]
    assert finding_lines(MARKED_VERSIONS) == []


CHANGELOG = """\
# Changelog

## [0.3.0] - 2024-01-01

## 0.2.0 (2023-11-02)

- Added the export command
- Fixed the parser

## 0.1.1 (hotfix)

## 0.1.0 (2023-09-30)

- First release
"""


def test_a_changelog_with_empty_version_sections_reads_nothing() -> None:
    assert read_items(CHANGELOG) == ()
    assert finding_lines(CHANGELOG) == []


README = """\
# fastconf

A small configuration loader.

## 1.0 (stable)

The API of 1.0 is frozen: nothing is removed before 2.0.

## 2.0 (plugin API)

## 2.1 (typed schemas)

Schemas are checked when they are loaded.
"""


def test_a_readme_with_version_headings_over_prose_reads_nothing() -> None:
    assert read_items(README) == ()
    assert finding_lines(README) == []


ONE_VERSION_OVER_BULLETS = """\
# Roadmap

## 1.0 (core)

- the loader

## 1.1 (plugins)

## Ideas

- a web page
"""


def test_one_version_over_bullets_is_no_roadmap_by_versions() -> None:
    # a single version heading over bullets: the empty one beside it is not read
    titles = [i.title for i in read_items(ONE_VERSION_OVER_BULLETS)]
    assert "plugins" not in titles


VERSIONS_OF_BOXES = """\
# Roadmap

## v0.1 — Core

- [x] parser
- [x] printer

## v0.2 — Sync

## v0.3 — UI

- [ ] screen
- [ ] menu
"""


def test_an_empty_version_among_boxes_that_say_their_status_is_not_read() -> None:
    # every box says how far it is; ``## v0.2 — Sync`` says nothing of its own, and read
    # it would be told for a status it never had to write
    titles = [i.title for i in read_items(VERSIONS_OF_BOXES)]
    assert titles == ["parser", "printer", "screen", "menu"]
    assert finding_lines(VERSIONS_OF_BOXES) == []
