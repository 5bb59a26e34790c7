"""The classes of plan file the held-out rounds left unread (ROADMAP CORE-77 to CORE-92,
tests/corpus/README.md), each in a small document read as a person reads it, with no
finding; and beside each new reading a document that is no plan, which reads no items
and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

PHASES = """\
# Roadmap

## Phase 6 — Accounts ✅ COMPLETE

**Goal:** people can sign up.

## Phase 7 — Billing ⏳ PLANNED

**Goal:** people can pay.

## Phase 8 — Reports 🚧 IN PROGRESS

**Goal:** monthly numbers.

## Phase 9 — Export 🔄 EN COURS

**Goal:** a CSV of everything.
"""


def test_a_phase_heading_ending_with_a_mark_and_its_word_reads_that_status() -> None:
    # ``⏳ PLANNED`` ends the heading as ``✅ COMPLETE`` does: the status, not the title
    read = [(i.id, i.title, i.status) for i in read_items(PHASES)]
    assert read == [
        ("Phase 6", "Accounts", "COMPLETE"),
        ("Phase 7", "Billing", "⏳ PLANNED"),
        ("Phase 8", "Reports", "🚧 IN PROGRESS"),
        ("Phase 9", "Export", "🔄 EN COURS"),
    ]
    assert finding_lines(PHASES) == []


def test_a_readme_whose_headings_end_with_a_mark_and_a_word_reads_no_items() -> None:
    readme = """\
# Widget

A small widget for your desktop.

## Install 📦 Ready

Run `pip install widget`.

## Configure ⚙️ Done

Edit `widget.toml`.
"""
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []


FEATURES = """\
# Backlog

> Feature Status Legend: ⛔ BLOCKED | ⏳ PENDING | ✨ CODED | ✅ TESTED | ✔️ RELEASED

## E1 Weather Command ❗ High

### F1.1 Resolve location via IP ✅ TESTED

Look the place up from the address.

### F1.2 Fetch current weather ✨ CODED

- **Dependencies:**
  - F1.1 Resolve location via IP

### F1.3 Runnable JAR packaging ⛔ BLOCKED

Waits for the build plugins.

### F1.4 Weather report ⏳ PENDING

Compose the report.
"""


def test_a_one_line_legend_of_marks_and_words_ends_the_feature_headings() -> None:
    # the legend's entries are the statuses: ``✨ CODED`` and ``✅ TESTED`` say where a
    # feature stands though no common word does; each leaves the title
    read = [(i.id, i.title, i.status, i.depends_on) for i in read_items(FEATURES, "BACKLOG.md")]
    assert read == [
        ("F1.1", "Resolve location via IP", "✅ TESTED", ()),
        ("F1.2", "Fetch current weather", "✨ CODED", ("F1.1",)),
        ("F1.3", "Runnable JAR packaging", "⛔ BLOCKED", ()),
        ("F1.4", "Weather report", "⏳ PENDING", ()),
    ]
    assert finding_lines(FEATURES, "BACKLOG.md") == []


def test_a_feature_list_with_a_one_line_legend_reads_no_items() -> None:
    features = """\
# Widget

> Legend: ✅ TESTED | ✨ CODED | ⛔ BLOCKED

## Features

- Sync across devices ✅ TESTED
- Offline mode ✨ CODED
"""
    assert read_items(features, "README.md") == ()
    assert finding_lines(features, "README.md") == []
