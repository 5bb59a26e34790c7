"""The classes of plan file the eighteenth held-out round, the seventeenth and the fifth
leftovers pass left unread (ROADMAP CORE-104, CORE-110, CORE-112, tests/corpus/README.md),
each in a small document read as a person reads it, with no finding; and beside each new
reading a document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.edit.base import FieldChange
from roadmaplint.edit.item import set_fields
from roadmaplint.reader import parse
from roadmaplint.settings import Settings

NUMBERED = """\
# Outstanding work

Ordered by what unblocks what.

## 1. Product vocabulary — the keystone

**Why first:** everything else below is blocked on it.

## 2. Per-product rules

**Blocked by 1.** The rules gate at the coarsest level today.

## 3. Rewire the app onto the engine

The app does not use the ported engine at all.

## 4. ~~Finish the engine port~~ — DONE

Ported last week.

## 5. A headless CLI

There is no way to run a profile from the command line.

Worth doing after item 3: the CLI then checks the app against a fixture.

## 6. Smaller items

- **`defaults.json` is dead.** Unread at runtime; replace it with a loader.
- **Pages reload, modules do not.** Editing `utils/` needs a restart.

  A deploy can leave a new page running against an old module.
- **The branding was reworked** in the redesign.

---

## Done

- Agent framework: `CLAUDE.md`, `.claude/memory/`.
- Engine port, all seven blocks — exact against four fixtures.
- Profile slots save the plan on screen. The page no longer batches its
  fields behind a form.
"""


def test_a_numbered_prose_plans_done_list_and_smaller_items_are_items() -> None:
    # the Done list's bullets are done items, titled by their whole text; the bold-lead
    # bullets of ``## 6. Smaller items`` are items without a status, the heading none
    read = [(i.id, i.title, i.status) for i in read_items(NUMBERED, "TASKS.md")]
    assert read == [
        ("1", "Product vocabulary — the keystone", None),
        ("2", "Per-product rules", "Blocked by 1"),
        ("3", "Rewire the app onto the engine", None),
        ("4", "~~Finish the engine port~~", "DONE"),
        ("5", "A headless CLI", None),
        ("defaults-json-is-dead", "defaults.json is dead.", None),
        ("pages-reload-modules-do-not", "Pages reload, modules do not.", None),
        ("the-branding-was-reworked", "The branding was reworked", None),
        (
            "agent-framework-claude-md-claude-memory",
            "Agent framework: CLAUDE.md, .claude/memory/.",
            "done",
        ),
        ("engine-port-all-seven-blocks", "Engine port, all seven blocks", "done"),
        (
            "profile-slots-save-the-plan-on",
            "Profile slots save the plan on screen. The page no longer batches its fields "
            "behind a form.",
            "done",
        ),
    ]
    assert finding_lines(NUMBERED, "TASKS.md") == []


def test_blocked_by_a_number_and_after_an_item_name_the_numbered_items() -> None:
    # ``**Blocked by 1.**`` opening a section, ``Worth doing after item 3`` closing one
    depends = {i.id: i.depends_on for i in read_items(NUMBERED, "TASKS.md") if i.depends_on}
    assert depends == {"2": ("1",), "5": ("3",)}


def test_a_changelog_with_a_done_list_and_bold_notes_reads_no_items() -> None:
    changelog = """\
# Changelog

## 1.2.0

- **Faster start.** The index is read lazily.
- **Smaller wheel.** Test data left out.

## 1.1.0

Blocked by nothing; released after item 3 of the survey was answered.

## Done

- Moved to the new build backend.
- Dropped Python 3.8.
"""
    assert read_items(changelog, "CHANGELOG.md") == ()
    assert finding_lines(changelog, "CHANGELOG.md") == []


def test_meeting_notes_numbered_with_bold_bullets_read_no_items() -> None:
    notes = """\
# Planning meeting, 3 March

## 1. Attendance

Everyone but Dana.

## 2. Decisions

- **Ship on Friday.** The release branch is cut.
- **Keep the old API** for one more version.

## 3. Next meeting

After item 2 is done, in a week.
"""
    assert read_items(notes, "notes/2026-03-03.md") == ()
    assert finding_lines(notes, "notes/2026-03-03.md") == []


MILESTONES = """\
# Product Roadmap

## Roadmap at a glance

| Milestone | Status | Priority | Main dependency |
|---|---|---|---|
| M0 - Stabilization | Closed in v0.27.0 | Complete | Deployment evidence |
| M1 - Design Pipeline | Handoff intake active | High | Approved handoffs |
| M2 - Brand Tokens | Planned | High | M1 |
| M3 - Blocks Expansion | Planned in batches | High | M1 and approved handoffs |
| M4 - Company Site Kit | Planned | High | M0, M2; selected M3 blocks |
| M5 - Docs Productization | Later; before public launch | Medium | Stable product surfaces |
| M6 - Commercial Layer | Future | Low | Stable core product |
"""


def test_an_id_among_a_few_words_of_a_dependency_cell_names_that_item() -> None:
    # ``selected M3 blocks``: the parts of M3 that M4 needs; ``Later; ...`` and ``Future``
    # put a milestone past the plan's horizon: ideas
    read = {i.id: (i.depends_on, i.status) for i in read_items(MILESTONES, "ROADMAP.md")}
    assert read["M4"] == (("M0", "M2", "M3"), "Planned")
    assert read["M3"] == (("M1",), "Planned in batches")
    assert read["M0"] == ((), "Closed in v0.27.0")
    assert finding_lines(MILESTONES, "ROADMAP.md") == []


def test_a_later_or_future_status_is_an_idea() -> None:
    from roadmaplint.settings import status_meaning

    assert [
        status_meaning(s)
        for s in ("Later; before public launch", "Future", "later (v2)", "Later this week")
    ] == ["idea", "idea", "idea", None]


def test_a_status_done_but_for_what_is_outstanding_is_under_way() -> None:
    from roadmaplint.settings import status_meaning

    # a done word, then a last clause naming what is still to come
    assert [
        status_meaning(s)
        for s in (
            "Spec 058 implemented (US1-US4) on PR #56; env-gated browser evidence outstanding",
            "Backend done, UI remaining",
            "Docs outstanding",
            "Done, docs pending",
        )
    ] == ["in_progress", "in_progress", None, "done"]


def test_release_notes_naming_what_is_outstanding_read_no_items() -> None:
    notes = """\
# Release 2.1

The parser is implemented and merged; the migration guide is outstanding.

- Faster start, docs remaining.
"""
    assert read_items(notes, "docs/release-2.1.md") == ()
    assert finding_lines(notes, "docs/release-2.1.md") == []


def test_an_open_dependency_under_a_later_milestone_is_no_contradiction() -> None:
    # an idea over an open item contradicts nothing; a ready one over it would (RL306)
    later = MILESTONES.replace(
        "| M5 - Docs Productization | Later; before public launch | Medium | Stable product surfaces |",
        "| M5 - Docs Productization | Later; before public launch | Medium | M1 |",
    )
    assert finding_lines(later, "ROADMAP.md") == []


def test_a_glossary_table_naming_terms_among_words_reads_no_items() -> None:
    glossary = """\
# Glossary

| Term | Meaning | See also |
|---|---|---|
| Block | A unit of page content | selected block types |
| Kit | A set of pages for one kind of site | later chapters |
| Token | A named design value | future releases |
"""
    assert read_items(glossary, "docs/glossary.md") == ()
    assert finding_lines(glossary, "docs/glossary.md") == []


SPRINT = """\
# Sprint-Snapshot

## Was noch offen ist

| Aufgabe | Status | Größe | Wer? |
|---|---|---|---|
| **B3** — post-F1 8h-Lauf + CSV-Vergleich | Wartet auf Saison | Mittel | Martin |
| **Installer neu bauen** — Bootstrap mit folium | Nice-to-have | Klein | Martin |
| Multi-Saison-Planung | Backlog | Groß | — |
"""


def test_a_bold_id_leading_a_title_cell_names_the_row_and_who_asks_its_owner() -> None:
    # ``**B3** — Title``: the ID in bold, the title after the dash; a bold title with no
    # ID stays a title; ``Wer?`` (who?) is the owner column, ``—`` nobody
    read = [(i.id, i.title, i.dri) for i in read_items(SPRINT, "SPRINT_SNAPSHOT.md")]
    assert read == [
        ("B3", "post-F1 8h-Lauf + CSV-Vergleich", "Martin"),
        (
            "installer-neu-bauen-bootstrap-mit-folium",
            "Installer neu bauen — Bootstrap mit folium",
            "Martin",
        ),
        ("multi-saison-planung", "Multi-Saison-Planung", "—"),
    ]
    assert finding_lines(SPRINT, "SPRINT_SNAPSHOT.md") == []


def test_a_faq_table_asking_who_reads_no_items() -> None:
    faq = """\
# FAQ

| Question | Answer | Who? |
|---|---|---|
| **Q1** — How do I install it? | With pip. | Ana |
| **Q2** — Where are the docs? | In docs/. | Bo |
"""
    assert read_items(faq, "docs/FAQ.md") == ()
    assert finding_lines(faq, "docs/FAQ.md") == []


TOP_PHASES = """\
# Phase 1. Router

**Status:** Done

- [x] skeleton

# Phase 2. Balancing

- [ ] weights
"""


def test_set_status_on_a_level_one_phase_without_a_status_field_writes_the_field() -> None:
    # a phase written one a top heading is an item only beside its siblings: the proof
    # reads the whole document, not the text below the last top heading alone
    roadmap = parse(TOP_PHASES, "ROADMAP.md", Settings())
    edited = set_fields(roadmap, "Phase 2", [FieldChange("Status", "In progress")], Settings())
    assert edited == TOP_PHASES.replace(
        "# Phase 2. Balancing\n\n", "# Phase 2. Balancing\n\n**Status:** In progress\n\n"
    )
    assert [i.status for i in parse(edited, "ROADMAP.md", Settings()).items] == [
        "Done",
        "In progress",
    ]


CLOSING = """\
# BACKLOG — Infrastructure

## To Do

### Tunnel Setup
**Priority:** High
**Source:** Clawdbot

Secure remote access.

### Silent Monitor
**Priority:** Low
**Source:** Dee

Watch the group chats.

## Done

*(move completed items here)*

## Remote Management from Mobile

**Problem:** cannot restart the gateway from a phone.

**Research needed:**
- Webhook endpoint for basic commands?

**Priority:** Medium (quality of life)
**Assigned:** analyst (when built)
"""


def test_an_entry_with_its_fields_at_its_end_is_one_at_another_level_too() -> None:
    # added after an empty ``## Done`` at level 2, its Priority and Assigned lines last;
    # a condition after the owner's name (``(when built)``) is no part of it
    read = [(i.title, i.status, i.priority, i.dri) for i in read_items(CLOSING, "BACKLOG.md")]
    assert read == [
        ("Tunnel Setup", "To Do", "High", None),
        ("Silent Monitor", "To Do", "Low", None),
        ("Remote Management from Mobile", None, "Medium", "analyst"),
    ]
    assert finding_lines(CLOSING, "BACKLOG.md") == []


def test_a_design_doc_whose_sections_close_with_a_sign_off_reads_no_items() -> None:
    design = """\
# Design: sync engine

## Context

The client syncs by polling.

**Priority:** High
**Owner:** Ana

## Decision

Push over websockets.

**Priority:** High
**Owner:** Bo (until June)
"""
    assert read_items(design, "docs/design/sync.md") == ()
    assert finding_lines(design, "docs/design/sync.md") == []
