"""The classes of plan file the stricter silent measure and the held-out rounds left
(ROADMAP CORE-148, CORE-150, CORE-152, CORE-154; tests/corpus/README.md), each in a small
document read as a person reads it, with no finding; and beside each new reading a
document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from pathlib import Path

from conftest import cli, finding_lines, read_items

from roadmaplint.settings import status_meaning

# a quarter roadmap that groups its boxes under bold status labels, and its long-term
# goals as plain bullets under a label of their own
LABELLED_GROUPS = """\
# Project Roadmap

## 2025 Q3
✅ **Completed**
- [x] Project scaffolding
- [x] Core API

🔧 **In Progress**
- [ ] Developer documentation

## 2026+
💡 **Long-term Goals**
- Multi-language localization
- Cloud deployment

---

## Get Involved
1. Claim tasks: check the issues
2. Propose ideas: start a discussion
"""


def test_plain_bullets_under_a_status_label_beside_labelled_boxes_are_its_items(
    tmp_path: Path,
) -> None:
    assert status_meaning("Long-term Goals") == status_meaning("long-term") == "idea"
    assert status_meaning("Future ideas") == "idea"
    read = [(i.title, i.status) for i in read_items(LABELLED_GROUPS, "ROADMAP.md")]
    assert read == [
        ("Project scaffolding", "done"),
        ("Core API", "done"),
        ("Developer documentation", "In Progress"),
        ("Multi-language localization", "Long-term Goals"),
        ("Cloud deployment", "Long-term Goals"),
    ]
    assert finding_lines(LABELLED_GROUPS, "ROADMAP.md") == []
    (tmp_path / "ROADMAP.md").write_text(LABELLED_GROUPS, encoding="utf-8")
    offered = cli("next", "ROADMAP.md", cwd=tmp_path).stdout
    assert "Multi-language localization" not in offered  # an idea, not work ready to take


def test_a_long_term_sentence_is_no_status() -> None:
    # the horizon word before a sentence of its own says when, no state
    assert status_meaning("Long-term support is planned for the 2.x line") is None


# notes under bold labels beside boxes: one label leads boxes, the other a plain list
# whose label is no status; and a label of a status over plain bullets where only one
# label leads boxes. Neither is a plan's group of work.
NOT_GROUPS = [
    """\
# Release notes

✅ **Completed**
- [x] Migrated the database

📝 **Notes**
- The migration took an hour
- Backups were kept
""",
    """\
# Meeting

✅ **Completed**
- [x] Agenda sent

💡 **Long-term Goals**
- Grow the team
- Hire a designer
""",
    """\
# Travel checklist

**Packed**
- passport
- charger
""",
]


def test_plain_bullets_under_labels_that_group_no_boxes_are_no_items() -> None:
    for text in NOT_GROUPS:
        assert [i.title for i in read_items(text, "notes.md")] in (
            [],
            ["Migrated the database"],
            ["Agenda sent"],
        ), text
        assert finding_lines(text, "notes.md") == [], text


# a story tracker whose statuses are notes in capitals: what exists and what it still
# needs, or that nothing is built yet
STORY_NOTES = """\
# Story Tracking

### Epic A: Event Creation - BACKEND IMPLEMENTED
- **Status:** ⚠️ BACKEND FOUNDATION EXISTS, NEEDS PWA INTEGRATION

### Epic B: Reporting - PARTIAL
- **Status:** ⚠️ BASIC METRICS EXIST, ADVANCED ANALYTICS PENDING

### Epic C: Wellness Tracking - NOT IMPLEMENTED
- **Status:** ❌ STORY WRITTEN - NO IMPLEMENTATION

### Epic D: Classes Module - NOT IMPLEMENTED
- **Status:** ❌ PARTIAL UI - NO BACKEND IMPLEMENTATION
"""


def test_a_status_note_of_what_exists_and_what_it_needs_is_under_way() -> None:
    assert status_meaning("Backend complete, needs frontend") == "in_progress"
    assert status_meaning("USER ROLES EXIST, TEAM MANAGEMENT PENDING") == "in_progress"
    assert status_meaning("STORY WRITTEN - NO IMPLEMENTATION") == "ready"
    assert status_meaning("UI FORM ONLY - NO BACKEND IMPLEMENTATION") == "ready"
    read = [(i.id, status_meaning(i.status)) for i in read_items(STORY_NOTES, "STORY.md")]
    assert read == [
        ("Epic A", "in_progress"),
        ("Epic B", "in_progress"),
        ("Epic C", "ready"),
        ("Epic D", "ready"),
    ]
    assert finding_lines(STORY_NOTES, "STORY.md") == []


def test_notes_that_say_something_exists_or_nothing_is_built_are_no_status_alone() -> None:
    # a clause with no done word or existence before what it needs says nothing of the
    # state, and ``no implementation`` alone, with nothing before it, is no status
    assert status_meaning("Docs, needs review") is None
    assert status_meaning("No implementation") is None
    assert status_meaning("Version 2, no implementation planned") is None


# prose that says what exists and what is needed, and a list of APIs with no
# implementation: no plan, no items, no finding
NOT_STORIES = """\
# Design notes

A cache layer exists, needs tuning before the release. The parser has no
implementation yet: see the spec.

- Logging - no implementation
- Metrics - no implementation
"""


def test_prose_of_what_exists_and_what_is_missing_reads_no_items() -> None:
    assert read_items(NOT_STORIES, "notes.md") == ()
    assert finding_lines(NOT_STORIES, "notes.md") == []


# a roadmap's strategic themes written as bold-led phase bullets before its boxes
THEME_PHASES = """\
# Product Roadmap

## Strategic Themes

- **Phase I: Rigor (Q1 2026)** — Hardening the quality pipeline. (Current)
- **Phase II: Intelligence (Q2 2026)** — Integrating agentic distribution.
- **Phase III: Expansion** — Mapping the full network.

## Current Initiatives

- [ ] **Operative Dashboard**
- [x] **Quality Ratchet**
"""


def test_bold_phase_bullets_beside_boxes_are_the_plans_phases() -> None:
    read = [(i.id, i.title, i.status) for i in read_items(THEME_PHASES, "ROADMAP.md")]
    assert read[:3] == [
        # ``Current``, whole, is the phase under way (CORE-195, as the corpus truth reads it)
        ("Phase I", "Rigor", "Current"),
        ("Phase II", "Intelligence", None),
        ("Phase III", "Expansion", None),
    ]
    assert [title for _, title, _ in read[3:]] == ["Operative Dashboard", "Quality Ratchet"]
    assert finding_lines(THEME_PHASES, "ROADMAP.md") == []
    done = THEME_PHASES.replace("(Current)", "(done)")
    assert read_items(done, "ROADMAP.md")[0].status == "done"


# a guide that writes its phases so with no box in it, and a plan whose bullets sum up
# the phases its headings write: no phase items from the bullets
NOT_THEMES = [
    """\
# Onboarding guide

- **Phase 1: Read** — the handbook, first week.
- **Phase 2: Shadow** — a colleague, second week.
""",
    """\
# Plan

- **Phase 1: Core** — the reader.
- **Phase 2: Sync** — the server.

## Phase 1

- [ ] Reader

## Phase 2

- [ ] Server
""",
]


def test_bold_phase_bullets_with_no_boxes_or_that_sum_up_headings_are_no_items() -> None:
    assert read_items(NOT_THEMES[0], "guide.md") == ()
    assert finding_lines(NOT_THEMES[0], "guide.md") == []
    # the headings are the phases, each once; their summary bullets name no others
    read = read_items(NOT_THEMES[1], "PLAN.md")
    assert [i.id for i in read] == ["Phase 1", "Phase 2"]
    assert not {"Core", "Sync"} & {i.title for i in read}
    assert finding_lines(NOT_THEMES[1], "PLAN.md") == []


def test_set_on_a_labelled_bullet_or_a_theme_phase_is_refused_and_writes_nothing(
    tmp_path: Path,
) -> None:
    # no write half for these yet (ROADMAP CORE-158): the write gate refuses, one line
    for name, text, item in (
        ("ROADMAP.md", LABELLED_GROUPS, "multi-language-localization"),
        ("THEMES.md", THEME_PHASES, "Phase II"),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        done = cli("set", item, name, "--status", "done", cwd=tmp_path)
        assert done.returncode == 2
        assert len(done.stderr.strip().splitlines()) == 1
        assert "Traceback" not in done.stderr
        assert path.read_text(encoding="utf-8") == text
