"""The classes of plan file the twenty-fourth held-out set of the corpus (tests/corpus:
seven ordinary plans of libraries, CLIs and games, numbered 57 in headings/, 43-45 in
tables/, 45 in phases/, 150 and 151 in checkboxes/) showed read wrong, each in a small
document: read as a person reads it, with no finding that is no defect; and beside each
new reading a document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.reader import parse
from roadmaplint.reader.quiet import document_statuses
from roadmaplint.settings import Settings

GENERATED = """\
# Roadmap

## Summary

| Item | Status | Priority | Area |
|------|--------|----------|------|
| Version command | ✅ | Low | CLI |
| HTML output format | 📋 | Medium | Renderer |
| Jira import | 💡 | Medium | Integrations |

## Legend

| Status | Description |
|--------|-------------|
| ✅ | Completed |
| 🚧 | In Progress |
| 📋 | Planned |
| 💡 | Under Consideration |

## Version History

| Version | Date | Status | Summary |
|---------|------|--------|--------|
| 0.1.0 | 2026-01-10 | ✅ | Initial release |
| 0.2.0 | TBD | 📋 | Enhanced output formats |
"""


def test_a_legend_table_of_marks_says_what_each_status_means() -> None:
    # ``## Legend`` over ``| Status | Description |`` was not read: the rows marked ``📋``
    # and ``💡`` meant nothing, and ``next`` said no item could start (structured-roadmap)
    roadmap = parse(GENERATED, "ROADMAP.md", Settings())
    assert roadmap.status_legend is not None
    assert [e.value for e in roadmap.status_legend.entries] == ["✅", "🚧", "📋", "💡"]
    statuses = document_statuses(roadmap, Settings())
    assert statuses.is_done("✅")
    assert statuses.is_ready("📋")
    assert statuses.is_in_progress("🚧")
    assert statuses.is_idea("💡")
    assert finding_lines(GENERATED, "ROADMAP.md") == []


def test_a_version_history_table_lists_releases_not_items() -> None:
    # the Version History rows were read as five more items beside the summary's
    read = [(i.title, i.status, i.priority) for i in read_items(GENERATED, "ROADMAP.md")]
    assert read == [
        ("Version command", "✅", "Low"),
        ("HTML output format", "📋", "Medium"),
        ("Jira import", "💡", "Medium"),
    ]


def test_a_legend_of_other_marks_names_no_statuses() -> None:
    # a bare ``## Legend`` whose table is headed otherwise (the marks of a chart) gives
    # the document no statuses, and a page of releases is no plan
    chart = """\
# Benchmarks

| Parser | Speed | Memory |
|--------|-------|--------|
| fast | 🟢 | 🟡 |
| slow | 🔴 | 🟢 |

## Legend

| Mark | Meaning |
|------|---------|
| 🟢 | Good |
| 🔴 | Poor |

## Release history

| Version | Date | Notes |
|---------|------|-------|
| 1.0 | 2024-02-18 | Initial release |
| 0.9 | 2024-01-20 | Beta |
"""
    roadmap = parse(chart, "README.md", Settings())
    assert roadmap.status_legend is None
    assert roadmap.items == ()
    assert finding_lines(chart, "README.md") == []


MILESTONES = """\
# Development Milestones

## Version 0.3.0 - Complete NABC Support ✅

**Date**: December 5, 2024
**Status**: 🎉 **COMPLETED**

### Key Achievements

- ✅ **31 glyph descriptors**: the full repertoire
- ✅ **Glyph fusion**: a binary operator

## Version 0.2.0 - Basic GABC Support ✅

**Date**: December 4, 2024
**Status**: 🎉 **COMPLETED**

- ✅ Semantic aliases for all major token types

## Next Milestones

### Version 0.4.0 - Advanced Features (Planned)
**Target Date**: Q2 2025

**Goals**:
- [ ] Performance optimizations
- [ ] Error recovery improvements

### Version 1.0.0 - Production Ready (Planned)
**Target Date**: Q4 2025

**Goals**:
- [ ] Stable API for tooling
"""


def test_version_milestones_with_a_status_are_the_items() -> None:
    # ``## Version 0.3.0 - Title ✅`` over ``**Status**: COMPLETED`` and ``### Version
    # 0.4.0 - Title (Planned)`` were read as sections, their achievement bullets and goal
    # boxes as the plan, with ``All checks passed`` (tree-sitter-gregorio, silently wrong)
    read = [(i.id, i.status) for i in read_items(MILESTONES, "MILESTONES.md")]
    assert read == [
        ("Version 0.3.0", "🎉 COMPLETED"),
        ("Version 0.2.0", "🎉 COMPLETED"),
        ("Version 0.4.0", "Planned"),
        ("Version 1.0.0", "Planned"),
    ]
    titles = [i.title for i in read_items(MILESTONES, "MILESTONES.md")]
    assert titles[2:] == ["Advanced Features", "Production Ready"]
    assert finding_lines(MILESTONES, "MILESTONES.md") == []


def test_a_changelog_of_versions_is_no_plan() -> None:
    # versions by their date, with no status: what was released, not milestones to track
    changelog = """\
# Changelog

## Version 1.2.0 - 2024-03-01

- Added the `--json` flag
- Fixed a crash on empty input

## Version 1.1.0 - 2024-01-15

- Added Windows builds
"""
    assert read_items(changelog, "CHANGELOG.md") == ()
    assert finding_lines(changelog, "CHANGELOG.md") == []


SPRINT = """\
# Sprint Backlog (2020-02-24 to 2020-03-01)

| ID | User Story | Effort | Priority | Validation Criteria | Owner |
|----|------------|--------|----------|---------------------|-------|
| 001 | As a player, I would like ants to idle at a waypoint | 8 | 2 | They stay near it | Cameron |
| 002 | As a player, I would like one queen per nursery | 2 | 2 | One queen each | To Do |
| 003 | As a player, I would like a faster camera | 2 | 5 | Shift speeds it up | Henry |
"""


def test_a_status_written_in_the_owner_column_is_the_status() -> None:
    # ``To Do`` where a sprint backlog names the owner was read as a person's name
    # (COP4331's sprint: three stories owned by ``To Do``)
    read = [(i.id, i.status, i.dri, i.priority) for i in read_items(SPRINT, "sprint.md")]
    assert read == [
        ("001", None, "Cameron", "2"),
        ("002", "To Do", None, "2"),
        ("003", None, "Henry", "5"),
    ]
    assert finding_lines(SPRINT, "sprint.md") == []


def test_a_table_of_who_looks_after_what_is_no_plan() -> None:
    # a FAQ's table of platforms and their maintainers, one of them still open
    faq = """\
# FAQ

## Who maintains the Windows build?

| Platform | Owner | Since |
|----------|-------|-------|
| Linux | Ana | 2019 |
| Windows | Open | 2021 |
"""
    assert read_items(faq, "README.md") == ()
    assert finding_lines(faq, "README.md") == []


DATED = """\
# Roadmap
Forward-looking statements are always uncertain.

| Projected Date | Feature                        | Additional Notes                  |
|----------------|--------------------------------|-----------------------------------|
|   2024-03-31   | Queries libraries              | Pre-written common queries.       |
|   2024-06-30   | Write support                  | Allow saving changes to bundles.  |

## Changelog
|  Release Version  | Date Released |  Feature or Bugfix        |
|-------------------|---------------|---------------------------|
|       1.0.0       |   2024-02-18  | Initial release.          |
"""


def test_features_with_the_day_they_are_planned_for_are_the_items() -> None:
    # ``| Projected Date | Feature | Additional Notes |`` was not read (RL109), for no
    # column said a status (cs-board-tools); its changelog's released rows stay no items
    read = [(i.title, i.status) for i in read_items(DATED, "docs/roadmap.md")]
    assert read == [("Queries libraries", None), ("Write support", None)]
    assert finding_lines(DATED, "docs/roadmap.md") == []


def test_a_support_schedule_with_dates_is_no_plan() -> None:
    # the day each supported runtime is dropped: a date column beside no work to do
    schedule = """\
# Supported runtimes

| Runtime | Released | Target date |
|---------|----------|-------------|
| Python 3.9 | 2020-10-05 | 2025-10-31 |
| Python 3.10 | 2021-10-04 | 2026-10-31 |
"""
    assert read_items(schedule, "docs/support.md") == ()
    assert finding_lines(schedule, "docs/support.md") == []


STEPS = """\
# Pyramids - Development Roadmap

## Phase 1: MVP - Single Layer Puzzle ✅ COMPLETE

**Goal**: Prove the core mechanic is fun

## Phase 2: Puzzle Campaign (Target: 1-2 weeks)

**Goal**: Ten to fifteen levels

## Next Steps (Immediate)

1. ✅ Create repository structure
2. ✅ Write planning documentation
3. 🔄 Playtest MVP with 5+ users
4. ⏳ Iterate based on feedback
"""


def test_numbered_next_steps_marked_with_their_status_are_items() -> None:
    # ``1. ✅ Title``, ``3. 🔄 Title``, ``4. ⏳ Title`` under ``## Next Steps`` beside the
    # phases were not read, with ``All checks passed`` (Pyramids, silently wrong in part)
    read = [(i.title, i.status) for i in read_items(STEPS, "planning/roadmap.md")]
    assert read[-4:] == [
        ("Create repository structure", "done"),
        ("Write planning documentation", "done"),
        ("Playtest MVP with 5+ users", "in progress"),
        ("Iterate based on feedback", "todo"),
    ]
    assert [i.id for i in read_items(STEPS, "planning/roadmap.md")][:2] == ["Phase 1", "Phase 2"]
    assert finding_lines(STEPS, "planning/roadmap.md") == []


def test_marked_numbers_that_report_on_the_plans_boxes_are_no_items() -> None:
    # a plan's closing list marking work its boxes name (``1. ✅ Project setup`` over the
    # box ``- [ ] **Project setup**``) reports on that work and adds none; a README's
    # numbered list of ticks is its features, no plan
    report = """\
# Implementation plan

## Sprint 1

- [ ] **Project setup**
- [ ] **Client layer**

## Next steps

1. ✅ Project setup
2. ⏳ Client layer
3. ⏳ Sprint 2 kickoff
"""
    assert [i.title for i in read_items(report, "PLAN.md")] == ["Project setup", "Client layer"]
    assert finding_lines(report, "PLAN.md") == []
    readme = """\
# tinyparse

Why tinyparse:

1. ✅ Fast: parses a megabyte in a millisecond
2. ✅ Small: no dependencies
3. ✅ Safe: no recursion
"""
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []
