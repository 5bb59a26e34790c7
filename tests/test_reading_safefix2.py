"""Readings the write gate's leftovers pass (ROADMAP SAFE-75) fixed by their class, each
beside the nearest document that is no plan or reads as before."""

from __future__ import annotations

from conftest import finding_lines, read_items

# A plan of quarters with one box under each: the heading is its box's section, as over
# two boxes, and the box is the item, where the quarter read as an item with no title.
ONE_BOX_QUARTERS = """\
# Launch plan

## Q1

- [ ] Publish the price list

## Q2

- [x] Hire the support lead

## Q3

- [ ] Open the second office
"""


def test_a_quarter_over_one_box_is_the_boxs_section() -> None:
    read = [(i.title, i.status, i.section) for i in read_items(ONE_BOX_QUARTERS)]
    assert read == [
        ("Publish the price list", "[ ]", "Q1"),
        ("Hire the support lead", "done", "Q2"),
        ("Open the second office", "[ ]", "Q3"),
    ]
    assert finding_lines(ONE_BOX_QUARTERS) == []


# Quarter headings over a sentence each: a report, no plan, nothing read.
QUARTER_NOTES = """\
# Sales notes

## Q1

The price list went out late.

## Q2

The support lead started in May.
"""


def test_quarters_over_prose_read_nothing() -> None:
    assert read_items(QUARTER_NOTES) == ()
    assert finding_lines(QUARTER_NOTES) == []


# Milestones named by their ID alone, one box under each: the box is the item, its
# milestone its section, where the milestone read as an item with no title.
ONE_BOX_MILESTONES = """\
# Plan

## M1

- [ ] Ship the importer

## M2

- [x] Write the docs
"""


def test_a_heading_of_only_an_id_over_one_box_is_its_section() -> None:
    read = [(i.title, i.status, i.section) for i in read_items(ONE_BOX_MILESTONES)]
    assert read == [("Ship the importer", "[ ]", "M1"), ("Write the docs", "done", "M2")]
    assert finding_lines(ONE_BOX_MILESTONES) == []


# Milestones by ID over their own fields: items, as before.
FIELDED_MILESTONES = """\
# Plan

## M1

- **Status:** done

## M2

- **Status:** todo
"""


def test_a_heading_of_only_an_id_over_its_fields_is_an_item() -> None:
    read = [(i.id, i.status) for i in read_items(FIELDED_MILESTONES)]
    assert read == [("M1", "done"), ("M2", "todo")]


# Numbered headings closed by a check mark and the day the work was done: the mark and
# the day are the heading's status, no part of its title.
DATED_CHECKS = """\
# Ops plan

## Tasks

### 1. Backups ✅ (2024-04-02)

Nightly dumps to the bucket.

### 2. Alerts ✅ (2024-05-01)

Page on disk full.

### 3. Dashboards

One board per service.
"""


def test_a_check_mark_and_a_day_closing_a_heading_are_its_status() -> None:
    read = [(i.id, i.title, i.status) for i in read_items(DATED_CHECKS)]
    assert read == [
        ("1", "Backups", "✅ (2024-04-02)"),
        ("2", "Alerts", "✅ (2024-05-01)"),
        ("3", "Dashboards", None),
    ]


# A release diary's headings, a check mark and a day after each title, no numbers or IDs:
# no plan, nothing read, nothing said.
DATED_DIARY = """\
# What we shipped

## Backups ✅ (2024-04-02)

Nightly dumps went live.

## Alerts ✅ (2024-05-01)

Pages now reach the on-call phone.
"""


def test_a_diary_of_dated_checks_reads_nothing() -> None:
    assert read_items(DATED_DIARY) == ()
    assert finding_lines(DATED_DIARY) == []


# A design note's bands of work, its last band over a label and the questions still open:
# the questions are no ideas of the band.
BANDS_WITH_QUESTIONS = """\
# Search redesign

## 🔴 NOW

- Replace the query parser
- Add typo tolerance

## 🟡 NEXT

- Facets on the results page

## ⚪ LATER

**Open questions:**

- Do we keep the legacy endpoint?
- Who owns the ranking model?
"""


def test_open_questions_in_a_band_are_no_items() -> None:
    read = [(i.title, i.status) for i in read_items(BANDS_WITH_QUESTIONS)]
    assert read == [
        ("Replace the query parser", "in progress"),
        ("Add typo tolerance", "in progress"),
        ("Facets on the results page", "ready"),
    ]
    assert finding_lines(BANDS_WITH_QUESTIONS) == []


# The same band's list under a label that names work (``**Ideas:**``): its ideas, as before.
BANDS_WITH_IDEAS = BANDS_WITH_QUESTIONS.replace("**Open questions:**", "**Ideas:**").replace(
    "- Do we keep the legacy endpoint?\n- Who owns the ranking model?",
    "- Drop the legacy endpoint\n- Train a ranking model",
)


def test_ideas_in_a_band_stay_items() -> None:
    read = [(i.title, i.status) for i in read_items(BANDS_WITH_IDEAS)][3:]
    assert read == [("Drop the legacy endpoint", "idea"), ("Train a ranking model", "idea")]


# A weekly report lists what was blocked that week without saying on what: it records the
# week, no plan to unblock, and RL502 stays quiet.
WEEKLY = """\
# Weekly report — 2024-05-06

## Done

- Shipped the importer
- Fixed the login timeout

## In progress

- Exporter

## Blocked

- Billing integration
"""


def test_a_weekly_report_s_blocked_bullet_is_quiet() -> None:
    assert [(i.title, i.status) for i in read_items(WEEKLY)][-1] == (
        "Billing integration",
        "blocked",
    )
    assert finding_lines(WEEKLY) == []


# The same lists in a plan: a blocked item naming nothing it waits for still gets RL502.
def test_a_plan_s_blocked_bullet_still_names_its_wait() -> None:
    plan = WEEKLY.replace("# Weekly report — 2024-05-06", "# Billing plan")
    assert finding_lines(plan) == ["14:RL502"]
