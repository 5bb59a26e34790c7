"""The classes of plan file the forty-first held-out set of the corpus (tests/corpus: a
TypeScript tool's TODO, a Kiro spec's tasks, a docs plugin's milestones, a Go CLI's roadmap
by versions, a GSD roadmap, a backlog of ID tables and a German todo guide, numbered
314-315 in checkboxes/, 233-234 in headings/, 216 in phases/ and 224-225 in tables/) showed
read wrong, each in a small document: read as a person reads it, with no finding that is
no defect; and beside each new reading a document that is no plan, which reads no items
and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items
from test_corpus import status_class

ROADMAP_BY_MILESTONES = """\
# Scaffolder Roadmap

## Released Milestones

### v0.1.0 — Bootstrap (Released)

- Command-line entry point
- Config file loader

## In Progress

### v0.2.0 — CI Foundation

- Pipeline for the tool itself

## Planned Milestones

### v0.3.0 — Packaging

**Focus:** deployment-ready outputs

- Container images
- Release archives

### v0.4.0 — Profiles

- Minimal and full profiles

## Beyond 1.0

- Plugin registry
- Terminal interface
"""

MILESTONE_HISTORY = """\
# Project history

## Planned Milestones

The project plans its milestones in the issue tracker; this page keeps their story.

### v0.1.0 — Bootstrap

The first release shipped the entry point and the loader in one weekend.

### v0.2.0 — Packaging

The second release added container images after a long discussion.

## Beyond 1.0

Nobody has written down what comes after the first stable release.
"""


def test_a_roadmap_by_versions_under_milestone_sections_reads_each_section_state() -> None:
    # ``## Planned Milestones`` names its state as ``## Planned`` does, the word after it
    # only naming what it holds, so the bullets of its version headings are planned, a
    # ``**Focus:**`` line between heading and bullets no matter; ``## Beyond 1.0`` after
    # the last version keeps ideas
    read = [
        (i.title, status_class(i.status)) for i in read_items(ROADMAP_BY_MILESTONES, "ROADMAP.md")
    ]
    assert read == [
        ("Command-line entry point", "done"),
        ("Config file loader", "done"),
        ("Pipeline for the tool itself", "in_progress"),
        ("Container images", "ready"),
        ("Release archives", "ready"),
        ("Minimal and full profiles", "ready"),
        ("Plugin registry", "idea"),
        ("Terminal interface", "idea"),
    ]
    assert finding_lines(ROADMAP_BY_MILESTONES, "ROADMAP.md") == []


def test_a_history_of_milestones_in_prose_is_no_plan() -> None:
    # the same headings over paragraphs: a story, no work
    assert not read_items(MILESTONE_HISTORY, "HISTORY.md")
    assert finding_lines(MILESTONE_HISTORY, "HISTORY.md") == []


TODO_WITH_IDEAS = """\
# TODO

## Functionality

- [ ] custom output directory
- [ ] read every source file

## Documentation

- [ ] usage in the readme

## Backlog & Ideas

- [ ] doc comments
- [ ] a types-only mode
"""

CONTRIBUTING_GUIDE = """\
# Contributing

## Backlog & Ideas

We keep the backlog and ideas in the issue tracker, labelled `idea`; open one there
before you start on anything larger than a typo.
"""


def test_boxes_under_a_backlog_and_ideas_heading_are_ideas() -> None:
    # ``## Backlog & Ideas`` after a TODO's topics keeps what is not yet planned
    read = [(i.title, status_class(i.status)) for i in read_items(TODO_WITH_IDEAS, "TODO.md")]
    assert read == [
        ("custom output directory", "ready"),
        ("read every source file", "ready"),
        ("usage in the readme", "ready"),
        ("doc comments", "idea"),
        ("a types-only mode", "idea"),
    ]
    assert finding_lines(TODO_WITH_IDEAS, "TODO.md") == []


def test_a_guide_naming_its_backlog_and_ideas_reads_nothing() -> None:
    assert not read_items(CONTRIBUTING_GUIDE, "CONTRIBUTING.md")
    assert finding_lines(CONTRIBUTING_GUIDE, "CONTRIBUTING.md") == []
