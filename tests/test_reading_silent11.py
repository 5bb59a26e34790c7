"""The classes of plan file the stricter measure of ``test_no_file_is_read_silently_wrong``
still found read wrong while ``check`` said all was well after its tenth pass (ROADMAP
CORE-170, CORE-176, CORE-179; tests/corpus/README.md, "Silently wrong, after the eleventh
pass"), each in a small document: read as a person reads it; and beside each new reading a
document that is no plan but looks close, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

# A release tracker whose table numbers its workstreams, a one-line legend of marks, a
# status of two parts of which one is put off (``🟢 (A) · ⚪ (B)``), and a drawing of the
# order under a Dependencies heading: nodes named by their number in brackets (``Docs
# (#2)``), by a word one title alone holds (``Gate``), a bracket merging lines into one
# arrow, and a line that says in words what a node depends on.
TRACKER = """\
# Release Tracker

**Status legend:** ⬜ not started · 🟡 in progress · 🟢 done · ⚪ deferred

## Summary

| # | Workstream | Status |
|---|-----------|--------|
| 1 | Port the build scripts | 🟡 |
| 2 | Docs site | 🟢 |
| 3 | Engine upgrade (part A) + plugins part B deferred | 🟢 (A) · ⚪ (B) |
| 4 | Onboarding guides refresh | 🟡 |
| 5 | Smoke gate before tagging | ⬜ |

## Dependencies

```
Build (#1) ──────────────┐
Docs (#2) ───────────────┼──► Gate ──► Launch
Engine (#3) ─────────────┘
Onboarding (#4) ── depends on Build (#1) and Docs (#2)
```
"""


def test_a_status_in_parts_and_a_drawn_merge_say_state_and_order() -> None:
    read = {i.id: (i.status, i.depends_on) for i in read_items(TRACKER)}
    assert read == {
        "1": ("🟡 in progress", ()),
        "2": ("🟢 done", ()),
        "3": ("🟢 done", ()),
        "4": ("🟡 in progress", ("1", "2")),
        "5": ("⬜ not started", ("1", "2", "3")),
    }
    assert finding_lines(TRACKER) == []


# A status of two parts that are both kept (``🟢 (A) · 🟡 (B)``) says no one state; a
# pipeline drawn under a Dependencies heading of a page that is no plan, its stages no
# items, names nothing.
PIPELINE = """\
# How a request flows

**Legend:** 🟢 healthy · 🟡 degraded

## Dependencies

```
Client (#1) ──────┐
Browser (#2) ─────┼──► Gateway ──► Service
Mobile (#3) ──────┘
```

The gateway checks every request before the service sees it.
"""

PARTS = """\
# Release Tracker

**Status legend:** ⬜ not started · 🟡 in progress · 🟢 done · ⚪ deferred

| # | Workstream | Status |
|---|-----------|--------|
| 1 | Engine upgrade (part A) + plugins part B | 🟢 (A) · 🟡 (B) |
| 2 | Docs site | 🟢 |
"""


def test_a_drawn_pipeline_is_no_plan_and_two_kept_parts_say_no_one_state() -> None:
    assert read_items(PIPELINE) == ()
    assert finding_lines(PIPELINE) == []
    read = {i.id: i.status for i in read_items(PARTS)}
    assert read == {"1": "🟢 (A) · 🟡 (B)", "2": "🟢 done"}


# A roadmap of milestones in a table, and a numbered list of the specs it takes next,
# each named in bold by its kind and number and its title, then after a dash what it says
# of itself: the specs are items, by their kind and number, each with the status it says
# (``done``), or its words where they say no stage (``do not start until ...``).
SPECS = """\
# Product Roadmap

| Milestone | Status | Priority |
|---|---|---|
| M1 - Tokens | Closed: Spec 012 merged | High |
| M2 - Navigation | Spec 013 in review | High |

## Next specs

1. **Spec 012 - Design Tokens** — done: merged via PR #4, M1 closed.
2. **Spec 013 - Navigation and Footer** — in progress: open as PR #6.
3. **Spec 014 - Page Kit** — do not start until the M2 contracts are merged.
"""


def test_a_numbered_list_of_specs_by_kind_and_number_holds_items() -> None:
    read = [(i.id, i.title, i.status) for i in read_items(SPECS)]
    assert read == [
        ("M1", "Tokens", "Closed: Spec 012 merged"),
        ("M2", "Navigation", "Spec 013 in review"),
        ("Spec 012", "Design Tokens", "done"),
        ("Spec 013", "Navigation and Footer", "in progress"),
        ("Spec 014", "Page Kit", "do not start until the M2 contracts are merged"),
    ]
    assert finding_lines(SPECS) == []


# A numbered list of the standards a page follows, each named in bold by its kind and
# number and its title, then what it is about: no status, no items.
STANDARDS = """\
# Standards we follow

1. **RFC 9110 - HTTP Semantics** — the methods and status codes of every endpoint.
2. **RFC 8259 - JSON** — how every payload is written.
3. **RFC 6749 - OAuth 2.0** — how a client signs in.
"""


def test_a_numbered_list_of_standards_is_no_plan() -> None:
    assert read_items(STANDARDS) == ()
    assert finding_lines(STANDARDS) == []


# A strategic plan whose phases are headings with fields but no ID, whose priority matrix
# names its work by codes (``F2: Search``, ``✅ F1: Import``) or by title, and whose own
# headings of the work say how far each is where the matrix says no stage (``Next up``):
# the matrix's rows are items, by code or title, the headings' states theirs.
MATRIX = """\
# Next Phase Plan

## Phase F2: Background jobs

### F2a: Morning digest ✅ COMPLETE

Sends the digest at 7:00.

### F2b: Stale alert (Pending)

Daily at 9:00.

## Priority Matrix

| Priority | Item | Impact | Status |
|----------|------|--------|--------|
| **P0** | ✅ F1: Import pipeline | 95/100 | **COMPLETE** |
| **P1** | F2a: Morning digest | 90/100 | Next up |
| **P1** | F2b: Stale alert | 80/100 | After F2a |
| **P2** | Test coverage to 80% | 70/100 | Month 2 |

## Backlog (Deferred Items)

### Web hosting
**Status:** Deferred
**Reason:** features first

### Encryption
**Status:** Deferred
**Reason:** local use only
"""


def test_a_priority_matrix_of_coded_work_beside_untitled_headings_holds_items() -> None:
    read = [(i.id, i.title, i.status, i.priority, i.depends_on) for i in read_items(MATRIX)]
    assert read == [
        ("F1", "Import pipeline", "COMPLETE", "P0", ()),
        ("F2a", "Morning digest", "COMPLETE", "P1", ()),
        ("F2b", "Stale alert", "Pending", "P1", ("F2a",)),
        ("test-coverage-to-80", "Test coverage to 80%", "Month 2", "P2", ()),
        ("web-hosting", "Web hosting", "Deferred", None, ()),
        ("encryption", "Encryption", "Deferred", None, ()),
    ]
    assert finding_lines(MATRIX) == []


# A design note whose headings describe parts, each with a table of its features named
# by codes and no Status column, beside a backlog heading with fields: the features are
# parts of what the note describes, no items.
FEATURES = """\
# Import design

## Phase F1: Import

| Feature | Tests | Description |
|---------|-------|-------------|
| F1: Markdown import | 30 | Upload a file |
| F1b: Bundle amend | 19 | Add transcripts |
| F1c: Mindmap | 21 | Read a screenshot |

## Backlog (Deferred Items)

### Web hosting
**Status:** Deferred
**Reason:** features first

### Encryption
**Status:** Deferred
**Reason:** local use only
"""


def test_a_table_of_coded_features_without_status_is_no_plan() -> None:
    read = [(i.id, i.title) for i in read_items(FEATURES)]
    assert read == [("web-hosting", "Web hosting"), ("encryption", "Encryption")]
    assert finding_lines(FEATURES) == []


# A task board of heading items under horizon bands, whose later band closes its last
# item with a thematic break and then keeps lists of smaller work under bold labels:
# bullets led by a bold ID (``**REV-14** — text``, ``**A1 — Title.**``), a bold title, or
# plain text are the band's items, with the status a note in italic brackets says; a
# bullet of names apart by middle dots is a list of references.
BOARD = """\
# Task Board

# 🟡 NEXT — remaining build work

## Fix the invite creation bug — TODO

Schema-qualify the calls.

---

# ⚪ LATER — ideas (not scheduled)

## Decide the caching of the auth modules — TODO

Widen the regex or write down why not.

---

**Low-severity review findings:**
- **REV-14** — Split the pricer into named parts. Only once the gate is real.

**Polish** (from the audit):
- **Real icons** — replace the placeholder artwork.
- Extend theming to the guide (index-only today).
- Setup notes · Icon list · Offline spec.

**Improvements** (recommended action first):
- **A1 — Engine API contract.** *(base shipped 2026-07-13)* JSDoc atop the engine.
- **A6 — Tag releases.** A tag per ship.

# Conventions
- One task per branch.
"""


def test_a_later_bands_labelled_lists_after_its_last_item_hold_items() -> None:
    read = [(i.id, i.title, i.status, i.section) for i in read_items(BOARD)]
    assert read == [
        (
            "fix-the-invite-creation-bug",
            "Fix the invite creation bug",
            "TODO",
            "🟡 NEXT — remaining build work",
        ),
        (
            "decide-the-caching-of-the-auth",
            "Decide the caching of the auth modules",
            "TODO",
            "⚪ LATER — ideas (not scheduled)",
        ),
        ("REV-14", "Split the pricer into named parts.", None, "Low-severity review findings"),
        ("real-icons", "Real icons", None, "Polish"),
        (
            "extend-theming-to-the-guide-index",
            "Extend theming to the guide (index-only today).",
            None,
            "Polish",
        ),
        ("A1", "Engine API contract.", "base shipped 2026-07-13", "Improvements"),
        ("A6", "Tag releases.", None, "Improvements"),
    ]
    assert finding_lines(BOARD) == []


# The same board whose item is followed, after a thematic break, by its own notes under
# bold labels that are no lists of work (one label, a paragraph): the notes stay the
# item's, no items; and a page of labelled lists with no heading items is no plan.
NOTES = """\
# Task Board

# ⚪ LATER — ideas (not scheduled)

## Fix the invite creation bug — TODO

Schema-qualify the calls.

## Decide the caching of the auth modules — TODO

Widen the regex or write down why not.

---

**Background:**
- the modules are pre-cached today
- a stale client is no security hole
"""

LINKS = """\
# Reading list

# Later

**Articles:**
- **Caching** — how service workers cache.
- Offline first (a talk).

**Books:**
- **Designing Data-Intensive Applications** — chapter 5.
"""


def test_an_items_labelled_notes_and_a_page_of_labelled_lists_are_no_items() -> None:
    read = [(i.id, i.end_line) for i in read_items(NOTES)]
    assert read == [("fix-the-invite-creation-bug", 7), ("decide-the-caching-of-the-auth", 17)]
    assert finding_lines(NOTES) == []
    assert read_items(LINKS) == ()
    assert finding_lines(LINKS) == []
