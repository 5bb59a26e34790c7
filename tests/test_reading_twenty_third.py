"""The classes of plan file the twenty-third held-out set of the corpus (tests/corpus: six
plans measured after this session's fixes, numbered 84 and 85 in headings/, 36 in tables/,
28 in phases/, 148 and 149 in checkboxes/) showed read wrong, each in a small document:
read as a person reads it, with no finding that is no defect; and beside each new reading
a document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.settings import common_meaning

TAGGED = """\
# Open work

Entries are opened here; a started one gets `→ WIP`, a finished one `✅ 完了`.

## B1. ~~[M0] Credential proxy v0~~ — 取り下げ（D13）

Not needed for a single-tenant proof of concept.

## B2. [優先度低] Container isolation

- [ ] Extract the runner's backend interface
- [ ] Build the runner image
- [ ] Network policy

## B3. [M0] CLI as an API client

- [ ] `kw repo add` and `kw repo ls`
- [ ] Reimplement `kw run start` over the server API

## B4. ✅ 完了 — User switcher

Accounts switch without sign-in.
"""


def test_entries_numbered_with_a_full_stop_and_tagged_are_the_items() -> None:
    # ``## B1. [M0] Title``: the entries were read as sections and their work lists'
    # boxes as the plan, with ``All checks passed`` (kanban-workspace, silently wrong)
    read = [(i.id, i.status, i.priority) for i in read_items(TAGGED)]
    assert read == [
        ("B1", "取り下げ", None),
        # an open entry says how far it is by its work list, none of it ticked: not
        # started (tests/test_reading_silent_ten.py, ROADMAP CORE-169)
        ("B2", "pending", "優先度低"),
        ("B3", "pending", None),
        ("B4", "完了", None),
    ]
    titles = [i.title for i in read_items(TAGGED)]
    assert titles == [
        "[M0] Credential proxy v0",
        "Container isolation",
        "[M0] CLI as an API client",
        "User switcher",
    ]
    assert common_meaning("取り下げ") == "closed"
    assert finding_lines(TAGGED) == []


def test_numbered_chapters_with_a_full_stop_are_no_entries() -> None:
    # ``## A1. Introduction``: an ID closed by a full stop with neither a tag nor a status
    # before the title is a chapter's number, as a paper numbers them
    paper = """\
# Notes on caching

## A1. Introduction

Caches trade memory for time.

## A2. [Background] and terms

- the survey of 2019
"""
    assert read_items(paper) == ()
    assert finding_lines(paper) == []


def test_the_status_words_a_ticket_tracker_writes_mean_what_they_say() -> None:
    # ``RESOLVED`` and ``WORKING`` beside ``OPEN`` meant nothing (the product backlog read
    # 0 of 14 done); the measure of the corpus counts them, and so does the reader now
    assert [common_meaning(w) for w in ("RESOLVED", "WORKING")] == ["done", "in_progress"]
    backlog = """\
# Product Backlog

| ID | User Story | Priority | Status |
|----|------------|----------|--------|
| 000 | See parking availability | 1 | RESOLVED |
| 001 | See the walk time | 4 | OPEN |
| 003 | See a garage's peak hours | 4 | WORKING |
"""
    read = [(i.id, common_meaning(i.status)) for i in read_items(backlog)]
    assert read == [("000", "done"), ("001", "ready"), ("003", "in_progress")]
    assert finding_lines(backlog) == []


STRUCK_ROWS = """\
# Product Backlog

| ID | User Story | Priority | Status |
|----|------------|----------|--------|
| 006 | Colour a garage by fullness | 2 | RESOLVED |
| ~007~ | ~Remember where I parked~ | ~5~ | CANCELED |
| ~008~ | ~Count the spots left~ | ~2~ | |
"""


def test_a_row_struck_through_cell_by_cell_is_read_without_its_tildes() -> None:
    # ``| ~007~ | ~Title~ | ~5~ | CANCELED |``: the ID, title and priority were read with
    # their tildes; a struck row that says no status is finished, as a struck box is
    read = [(i.id, i.title, i.priority, i.status) for i in read_items(STRUCK_ROWS)]
    assert read == [
        ("006", "Colour a garage by fullness", "2", "RESOLVED"),
        ("007", "Remember where I parked", "5", "CANCELED"),
        ("008", "Count the spots left", "2", "done"),
    ]
    assert finding_lines(STRUCK_ROWS) == []


def test_a_table_of_struck_prices_is_no_plan() -> None:
    # a price list that strikes its old prices through names no work
    prices = """\
# Prices

| Plan | Monthly | Yearly |
|------|---------|--------|
| Basic | ~~$5~~ $4 | $40 |
| Team | ~$12~ | ~$120~ |
"""
    assert read_items(prices) == ()
    assert finding_lines(prices) == []
