"""The classes of plan file the fifth held-out set of the corpus (tests/corpus, files 60
and above) showed misread or over-reported, each in a small document: read as a person
reads it, with no finding a person would call a false alarm."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.model import Item
from roadmaplint.reader import parse
from roadmaplint.settings import Settings, common_meaning


def _items(text: str) -> tuple[Item, ...]:
    return read_items(text)


def _findings(text: str) -> list[str]:
    return finding_lines(text)


def _read(text: str) -> list[tuple[str, str, str | None, str | None, tuple[str, ...]]]:
    return [(i.id, i.title, i.status, i.priority, i.depends_on) for i in _items(text)]


NEW_QUEUE = """\
# Backlog

| ID | Status | Title | DependsOn |
| --- | --- | --- | --- |
| FL-1 | Done | Skeleton | - |
| FL-2 | New | Package management | FL-1 |
| FL-3 | New | Analyzers | FL-2 |
"""


def test_new_is_the_first_state_of_a_queue_not_started() -> None:
    assert [common_meaning(i.status) for i in _items(NEW_QUEUE)] == ["done", "ready", "ready"]
    # a new item over a new one is a queue, not a ready item waiting on unfinished work
    assert _findings(NEW_QUEUE) == []
    assert _findings(NEW_QUEUE.replace("| FL-1 | Done |", "| FL-1 | New |")) == []


BRACKETED = """\
# Roadmap

## Phase 1: Schema [COMPLETE]

**Goal:** The data foundation.

## Phase 2: Portal adapters

**Goal:** The simulated portals.
**Depends on:** Phase 1
"""


def test_a_status_in_square_brackets_ends_a_heading_as_one_in_parentheses_does() -> None:
    assert _read(BRACKETED) == [
        ("Phase 1", "Schema", "COMPLETE", None, ()),
        ("Phase 2", "Portal adapters", None, None, ("Phase 1",)),
    ]
    # a bracketed word that is no status stays in the title
    assert _read(BRACKETED.replace("[COMPLETE]", "[MVP]"))[0][1:3] == ("Schema [MVP]", None)


LABELLED = """\
# Roadmap

## Phase 2: Dynamic World

- [x] **Living Garden:** Debris spawning and cleaning mechanics.
- [ ] **Feature 1**: Build component viewer
  - **Details**: A way to view components.
  - **Priority**: High
  - Owner: @ana

- [ ] **Persist photos.** The cache keeps them.
  - Priority: Medium
  - Dependencies: F-2
"""


def test_a_bold_label_names_the_box_and_a_nested_field_list_gives_its_fields() -> None:
    assert _read(LABELLED) == [
        ("living-garden", "Living Garden", "done", None, ()),
        (
            "feature-1-build-component-viewer",
            "Feature 1: Build component viewer",
            "[ ]",
            "High",
            (),
        ),
        ("persist-photos", "Persist photos.", "[ ]", "Medium", ("F-2",)),
    ]
    assert _items(LABELLED)[1].dri == "@ana"  # as a heading item's Owner field keeps it


BANDS = """\
# Backlog

## P1 — Active
- [ ] Lint cleanup

## P3 — Later
- [ ] Board support

## Theme — Active
- [ ] Export script
"""


def test_a_priority_band_with_a_theme_gives_its_boxes_the_priority_and_no_status() -> None:
    assert [(i.title, i.status, i.priority) for i in _items(BANDS)] == [
        ("Lint cleanup", "[ ]", "P1"),
        ("Board support", "[ ]", "P3"),
        ("Export script", "active", None),  # a named group's status suffix still counts
    ]


TYPED = """\
# Backlog

## Queue

| ID | Task | Status | Priority |
|----|------|--------|----------|
| FTR-001 | Scaffold | done | P0 |
| TECH-002 | Build pipeline | done | P1 |
| BUG-003 | Bugfix batch | done | P0 |
| TECH-004 | Test suite | done | P1 |
| FTR-005 | Sound | done | P0 |
| BUG-006 | UI polish | done | P0 |
| FTR-007 | Leaderboard | queued | P1 |
| OPS-008 | Deploy | queued | P1 |
"""


def test_prefixes_two_items_share_are_kinds_of_item_and_a_lone_one_is_still_reported() -> None:
    assert _findings(TYPED) == ["14:RL106"]  # OPS-008 alone; TECH and BUG are kinds


MARKED_LEGEND = """\
# Task Index

## Status Legend

- ✅ Complete
- 🔧 In Progress
- 🔵 Ready (dependencies met, can start)
- ⬜ Blocked (dependencies not met)

## Goals

| # | Goal | Status | Depends On |
|---|------|--------|------------|
| 1 | Prover pipeline | ✅ | — |
| 2 | Precompile framework | 🔧 | 1 |
| 3 | DSL improvements | ⬜ | 2 |

## Code quality

- [x] Workspace-level lint configuration
- [ ] Feature-gate prover code
"""


def test_a_legend_of_marks_says_in_words_what_each_mark_means() -> None:
    legend = parse(MARKED_LEGEND, "PLAN.md", Settings()).status_legend
    assert legend is not None
    assert [(e.value, e.description) for e in legend.entries] == [
        ("✅", "Complete"),
        ("🔧", "In Progress"),
        ("🔵", "Ready (dependencies met, can start)"),
        ("⬜", "Blocked (dependencies not met)"),
    ]
    # a Goal column titles the rows; a box read as its word (done, ready) is a mark of
    # the legend written in words, no unknown status
    assert [(i.id, i.title, i.status) for i in _items(MARKED_LEGEND)][:3] == [
        ("1", "Prover pipeline", "✅"),
        ("2", "Precompile framework", "🔧"),
        ("3", "DSL improvements", "⬜"),
    ]
    assert _findings(MARKED_LEGEND) == []
    # a status whose meaning no mark has is still reported
    deferred = MARKED_LEGEND.replace("| ⬜ |", "| Deferred |")
    assert _findings(deferred) == ["16:RL201"]


def test_the_words_of_a_legend_of_marks_give_the_workflow_its_meanings() -> None:
    from roadmaplint.reader.quiet import document_statuses

    roadmap = parse(MARKED_LEGEND, "PLAN.md", Settings())
    statuses = document_statuses(roadmap, Settings())
    meanings = [
        (i.status, statuses.is_done(i.status), statuses.is_in_progress(i.status))
        for i in roadmap.items[:2]
    ]
    assert meanings == [("✅", True, False), ("🔧", False, True)]
    assert statuses.is_blocked("⬜") and statuses.is_ready("🔵")
    # a ready goal over one still in progress is reported as a ready one would be
    waiting = MARKED_LEGEND.replace(
        "| 3 | DSL improvements | ⬜ |", "| 3 | DSL improvements | 🔵 |"
    )
    assert "16:RL306" in _findings(waiting)
