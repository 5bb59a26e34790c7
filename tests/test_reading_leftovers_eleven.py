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
