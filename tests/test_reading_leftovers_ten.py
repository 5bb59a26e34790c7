"""The classes of plan file the twenty-fourth and twenty-fifth held-out rounds and the
ninth leftovers pass left (ROADMAP CORE-140, CORE-142, CORE-144; tests/corpus/README.md),
each in a small document read as a person reads it, with no finding; and beside each new
reading a document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cli, finding_lines, read_items

from roadmaplint.edit.base import FieldChange
from roadmaplint.edit.item import set_fields
from roadmaplint.errors import RoadmapError
from roadmaplint.reader import parse
from roadmaplint.settings import Settings, status_meaning

# a list of marks whose legend says ``- pending``: work not begun, so `next` offers it
PENDING_LEGEND = """\
# Plan

legend:
- pending
* doing
+ done

- (ana) sign-up page
* (bo) offline mode
+ dark theme
- attachments
"""


def test_pending_is_work_not_begun_and_next_offers_it(tmp_path: Path) -> None:
    assert status_meaning("pending") == status_meaning("Pending") == "ready"
    read = [(i.title, i.status) for i in read_items(PENDING_LEGEND, "plan.md")]
    assert read == [
        ("sign-up page", "pending"),
        ("offline mode", "doing"),
        ("dark theme", "done"),
        ("attachments", "pending"),
    ]
    assert finding_lines(PENDING_LEGEND, "plan.md") == []
    (tmp_path / "plan.md").write_text(PENDING_LEGEND, encoding="utf-8")
    offered = cli("next", "plan.md", cwd=tmp_path).stdout
    assert "sign-up page" in offered and "attachments" in offered
    assert "offline mode" not in offered and "dark theme" not in offered


def test_a_pending_phase_over_an_open_one_is_no_contradiction() -> None:
    plan = """\
# Roadmap

## Phase 1: Core
- **Status:** in progress

## Phase 2: Sync
- **Status:** pending
- **Depends on:** Phase 1
"""
    assert [(i.id, i.status) for i in read_items(plan)] == [
        ("Phase 1", "in progress"),
        ("Phase 2", "pending"),
    ]
    assert finding_lines(plan) == []


def test_a_jobs_readme_saying_pending_reads_no_items() -> None:
    readme = """\
# Job runner

A job is pending until a worker takes it, then running, then done.

- pending: the job waits in the queue
- running: a worker holds it
"""
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []


# phases whose status column says ``⏳ Next``, their headings a target in brackets
NEXT_PHASES = """\
# Game - Development Roadmap

## Phase 1: MVP - Single Layer Puzzle
**Status**: ✅ COMPLETE

## Phase 2: Puzzle Campaign (Target: 1-2 weeks)
**Status**: ⏳ Next

## Phase 3: Multi-Layer Pyramid (ETA: spring)
**Status**: ⏳ Future
"""


def test_next_alone_is_next_in_line_and_a_target_is_no_part_of_the_title() -> None:
    assert status_meaning("⏳ Next") == status_meaning("**Next**") == "ready"
    assert status_meaning("Next release") is None  # a note, no state
    read = [(i.id, i.title, status_meaning(i.status)) for i in read_items(NEXT_PHASES)]
    assert read == [
        ("Phase 1", "MVP - Single Layer Puzzle", "done"),
        ("Phase 2", "Puzzle Campaign", "ready"),
        ("Phase 3", "Multi-Layer Pyramid", "idea"),
    ]
    assert finding_lines(NEXT_PHASES) == []


def test_a_heading_whose_brackets_are_its_name_keeps_them() -> None:
    plan = NEXT_PHASES.replace("(Target: 1-2 weeks)", "(Levels 1-15)")
    assert read_items(plan)[1].title == "Puzzle Campaign (Levels 1-15)"


def test_a_changelog_of_next_release_and_examples_reads_no_items() -> None:
    changelog = """\
# Changelog

## Next release (e.g., 2.1)

- Faster start-up (target: under a second)

## 2.0.0

- New parser
"""
    assert read_items(changelog, "CHANGELOG.md") == ()
    assert finding_lines(changelog, "CHANGELOG.md") == []


# version milestones whose heading closes with ✅ and whose Status field says the same
MILESTONES = """\
# Development Milestones

## Version 0.2.0 - Basic Support ✅

**Date**: 2025-01-10
**Status**: 🎉 **COMPLETED**

## Version 0.3.0 - Grammar Refactoring

**Date**: 2025-03-01
**Status**: Planned
"""


def test_a_milestones_closing_check_mark_is_no_part_of_its_title() -> None:
    read = [(i.id, i.title, status_meaning(i.status)) for i in read_items(MILESTONES)]
    assert read == [
        ("Version 0.2.0", "Basic Support", "done"),
        ("Version 0.3.0", "Grammar Refactoring", "ready"),
    ]
    assert finding_lines(MILESTONES) == []


def test_release_notes_with_check_marks_read_no_items() -> None:
    notes = """\
# Release notes

## Version 0.2.0 ✅

Shipped on 2025-01-10: the parser and the grammar.

## Version 0.1.0 ✅

The first release.
"""
    assert read_items(notes, "RELEASES.md") == ()
    assert finding_lines(notes, "RELEASES.md") == []


# a plan of boxes, then candidates struck through with what became of each after an arrow
STRUCK_CANDIDATES = """\
# Work status

## Done

- [x] Source upload — text, images, links
- [x] Admin dashboard display name fix — email prefix fallback
- [x] 173 tests pass

## Candidates (not decided)

- ~~Direct PDF export (HTML, then print)~~ → one-click PDF download implemented (2026-03-01)
- ~~Drag and drop real test~~ → E2E checked, done
- ~~Admin dashboard display name fix~~ → email prefix fallback applied (2026-03-01)
"""


def test_struck_candidates_after_boxes_are_done_and_one_a_box_restates_is_none() -> None:
    read = [(i.title, status_meaning(i.status)) for i in read_items(STRUCK_CANDIDATES, "todo.md")]
    assert read == [
        ("Source upload", "done"),
        ("Admin dashboard display name fix", "done"),
        ("173 tests pass", "done"),
        ("Direct PDF export (HTML, then print)", "done"),
        ("Drag and drop real test", "done"),
    ]
    assert finding_lines(STRUCK_CANDIDATES, "todo.md") == []


def test_a_struck_candidates_status_is_refused_not_written() -> None:
    roadmap = parse(STRUCK_CANDIDATES, "todo.md", Settings())
    with pytest.raises(RoadmapError, match="refusing to write"):
        set_fields(roadmap, roadmap.items[3].id, [FieldChange("Status", "todo")], Settings())


def test_a_struck_bullet_whose_arrow_says_no_day_or_done_stays_unread() -> None:
    plan = STRUCK_CANDIDATES.replace("→ E2E checked, done", "→ moved to issue 4")
    assert [i.title for i in read_items(plan, "todo.md")] == [
        "Source upload",
        "Admin dashboard display name fix",
        "173 tests pass",
    ]


def test_meeting_notes_that_strike_what_changed_read_no_items() -> None:
    notes = """\
# Meeting notes, 2026-03-01

- ~~Friday release~~ → Monday release (2026-03-04)
- ~~Ana hosts~~ → Bo hosts, done
- Next meeting in two weeks
"""
    assert read_items(notes, "notes.md") == ()
    assert finding_lines(notes, "notes.md") == []


# an issue tracker's export (gh2md): a heading per issue, its state in code before the title
ISSUE_EXPORT = """\
Export of Github issues for [ana/tool](https://github.com/ana/tool).

# [\\#11 Issue](https://github.com/ana/tool/issues/11) `open`: Actions example

#### [ana](https://github.com/ana) opened issue at [2020-07-16 07:42](https://github.com/ana/tool/issues/11):

Thank you for your work.

# [\\#9 PR](https://github.com/ana/tool/pull/9) `merged`: Faster start-up

# [\\#2 Issue](https://github.com/ana/tool/issues/2) `closed`: Initial update
"""


def test_an_issue_trackers_export_reads_its_issues_open_and_closed() -> None:
    read = [
        (i.id, i.title, status_meaning(i.status)) for i in read_items(ISSUE_EXPORT, "issues.md")
    ]
    assert read == [
        ("11", "Actions example", "ready"),
        ("9", "Faster start-up", "done"),
        ("2", "Initial update", "done"),
    ]
    assert finding_lines(ISSUE_EXPORT, "issues.md") == []


def test_an_exported_issues_status_is_refused_not_written() -> None:
    roadmap = parse(ISSUE_EXPORT, "issues.md", Settings())
    with pytest.raises(RoadmapError, match="nothing written"):
        set_fields(roadmap, "11", [FieldChange("Status", "done")], Settings())


def test_release_notes_naming_issues_read_no_items() -> None:
    notes = """\
# Release 2.0

# [\\#11 Issue](https://github.com/ana/tool/issues/11) `closed`: the one issue this fixes

- #9 PR merged: faster start-up
- #2 Issue closed: initial update
"""
    assert read_items(notes, "RELEASE.md") == ()
    assert finding_lines(notes, "RELEASE.md") == []


# a .gsd roadmap: shipped milestones' phases as plain bullets, later ones as boxes
SHIPPED_PHASES = """\
# ROADMAP.md — Execution Plan

## Completed Milestones

### v1.1: Self-Improvement ✅
- Phase 1: Complete Missing Workflows
- Phase 2: Add Usage Examples

## v1.3: Automation

- [x] **Phase 1**: Expand Validation Scripts
- [ ] **Phase 2**: Version Tracking
"""


def test_a_shipped_milestones_plain_phases_beside_boxed_ones_are_done() -> None:
    read = [(i.title, status_meaning(i.status)) for i in read_items(SHIPPED_PHASES, "ROADMAP.md")]
    assert read == [
        ("Phase 1: Complete Missing Workflows", "done"),
        ("Phase 2: Add Usage Examples", "done"),
        ("Phase 1: Expand Validation Scripts", "done"),
        ("Phase 2: Version Tracking", "ready"),
    ]
    assert finding_lines(SHIPPED_PHASES, "ROADMAP.md") == []


def test_phases_under_a_heading_not_closed_as_done_stay_unread() -> None:
    plan = SHIPPED_PHASES.replace("### v1.1: Self-Improvement ✅", "### v1.1: Self-Improvement")
    assert len(read_items(plan, "ROADMAP.md")) == 2


def test_a_guide_whose_shipped_release_lists_its_phases_reads_no_items() -> None:
    guide = """\
# How we release

## Release 1.0 ✅
- Phase 1: write the notes
- Phase 2: tag the commit

Each release goes through the same phases.
"""
    assert read_items(guide, "RELEASING.md") == ()
    assert finding_lines(guide, "RELEASING.md") == []
