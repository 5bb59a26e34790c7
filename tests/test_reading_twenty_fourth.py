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
