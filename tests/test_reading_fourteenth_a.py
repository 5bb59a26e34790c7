"""The classes of plan file the fourteenth held-out set A of the corpus (tests/corpus: a
mixed sample of every family, numbered 14-15 in phases/, 24-25 in tables/, 54-55 in
headings/ and 66-67 in checkboxes/) showed misread, each in a small document: read as a
person reads it, with no finding a person would call a false alarm; and beside each new
reading a document that is no plan, which reads no items."""

from __future__ import annotations

from conftest import finding_lines, read_items

# A document with no items gets at most RL109, the account that it holds none (as
# tests/test_not_plans.py holds).
QUIET = ([], ["1:RL109"])


def _read(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(i.id, i.title, i.status, i.priority) for i in read_items(text)]


def test_a_status_from_the_legend_with_a_note_after_a_dash_is_that_status() -> None:
    # an agents' queue whose own steps say to write ``DONE — commit [hash]``: the note is
    # no other status than the legend's DONE, and no RL201
    text = """\
# Work Queue

## STATUS KEY

| Status | Meaning |
|---|---|
| `DONE` | Built and pushed. |
| `PENDING` | Ready to start. |

## MODULE: FIELD OPS

| Task | Status | Notes |
|---|---|---|
| Assignment detail page | DONE — 3ba6328 | |
| Print walk list | DONE | |
| Donation pages | PENDING | not built |
"""
    assert [(i.title, i.status) for i in read_items(text)] == [
        ("Assignment detail page", "DONE — 3ba6328"),
        ("Print walk list", "DONE"),
        ("Donation pages", "PENDING"),
    ]
    assert finding_lines(text) == []
    # a status the legend does not list is still reported, a note after it or not
    unknown = text.replace("| DONE | |", "| SHIPPED — 1bcf0ad | |")
    assert [line.split(":")[1] for line in finding_lines(unknown)] == ["RL201"]


def test_numbered_bold_steps_with_status_bullets_under_phases_are_the_tasks() -> None:
    text = """\
# TODO: Ship the Backend

## Phase 1 — Prepare the Backend

1. **Install prerequisites**
   ```bash
   npm install -g firebase-tools
   ```
   - Status: ✅ Completed

2. **Create the project**
   - Status: ✅ Completed — `gleam-prod` is the default

3. **Deploy the function**
   Note the deployed URL.

## Phase 2 — Wire the App

4. **Configure the app with the live URL**
   - Status: ✅ Completed
"""
    assert _read(text) == [
        ("1", "Install prerequisites", "✅ Completed", None),
        ("2", "Create the project", "✅ Completed", None),
        ("3", "Deploy the function", None, None),
        ("4", "Configure the app with the live URL", "✅ Completed", None),
    ]
    assert finding_lines(text) == []


def test_a_numbered_install_guide_with_bold_steps_is_no_plan() -> None:
    # bold numbered steps that write no status are a how-to, not a plan's tasks
    text = """\
# Install

## Tools

1. **Install Node**
   Download it from the website.

2. **Install the CLI**
   - Note: use npm 10 or later
"""
    assert read_items(text) == ()
    assert finding_lines(text) in QUIET


def test_version_headings_over_struck_through_bullets_are_their_sections() -> None:
    # a roadmap (here in Russian) that strikes its finished bullets through, a done mark
    # and what was done after the strike, a bold label leading some bullets
    text = """\
# Дорожная карта

## V1 — Закаливание основания (недели 6–10)

- ~~Live-монитор админа (S8) на WebSocket.~~ ✅ Готово: WS-эндпоинт.
- ~~Импорт расписания из CSV.~~ ✅ Готово: `/v1/schedule/import`.
- Мультилокационный дашборд.

## V2 — Коммерциализация

Цель: первые платящие клиенты.

- Биллинг: ЮKassa + Stripe.
- **Аналитика:** разрез по постам — ✅ уже реализовано.

## Не-цели

- Управление складом.
"""
    assert [(i.title, i.status) for i in read_items(text)] == [
        ("Live-монитор админа (S8) на WebSocket", "done"),  # the struck text
        ("Импорт расписания из CSV", "done"),
        ("Мультилокационный дашборд", "open"),
        ("Биллинг: ЮKassa + Stripe", "open"),
        ("Аналитика", "done"),
    ]
    assert finding_lines(text) == []


def test_a_changelog_of_versions_with_struck_notes_is_no_plan() -> None:
    # a changelog strikes a withdrawn note through and marks a fix: no roadmap title, no
    # plan of work
    text = """\
# Changelog

## 1.1.0 — Fixes

- ~~Experimental sync.~~ ✅ Removed in this release.
- ~~Old exporter.~~ ✅ Replaced.
- Faster start-up.
"""
    assert read_items(text) == ()
    assert finding_lines(text) in QUIET


def test_tasks_numbered_within_their_priority_are_items_under_their_tier() -> None:
    text = """\
# WORK QUEUE - Prioritized Tasks

## 🔴 TIER 1: BLOCKING ISSUES (Need to fix TODAY)

### P1.1: Authentication Not Wired Up
- **Problem**: Using mock auth
- **Status**: ⏳ Not started

### P1.2: Alpaca Trading Credentials Missing
- **Problem**: Keys missing
- **Status**: ⏳ Not started

## 🟠 TIER 2: HIGH IMPACT (Fix THIS WEEK)

### P2.1: API Error Response Standardization
- **Problem**: Inconsistent error formats
- **Effort**: 1-2 hours

## 🚀 RECOMMENDED SCHEDULE

**Day 1 (Today):**
- [ ] P1.2 - Add Alpaca credentials (15 min)
- [ ] P1.1 - Start Cognito setup

**Day 2:**
- [ ] P2.1 - Error standardization (1-2 hours)
"""
    # the schedule's boxes restate the tasks: no second items, the open box the status of
    # the task that writes none
    assert _read(text) == [
        ("P1.1", "Authentication Not Wired Up", "⏳ Not started", "TIER 1"),
        ("P1.2", "Alpaca Trading Credentials Missing", "⏳ Not started", "TIER 1"),
        ("P2.1", "API Error Response Standardization", "[ ]", "TIER 2"),
    ]
    assert finding_lines(text) == []


def test_one_band_between_two_priorities_stays_a_band() -> None:
    # ``### P2.5 — Nice to have`` alone is a band over its work, no item
    text = """\
## P2 — Soon

### P2.5 — Nice to have

Things that would help, in no order: faster builds, a dark theme.
"""
    assert read_items(text) == ()
    assert finding_lines(text) in QUIET


def test_a_dependency_range_and_an_urgency_after_a_status_read_as_written() -> None:
    text = """\
# Task Registry

| ID | Task | Owner | Status | Dependencies |
|----|------|-------|--------|--------------|
| E-01 | App tools | Claude | Done | None |
| E-02 | Table tools | Claude | Done | E-01 |
| E-03 | Field tools | Claude | PENDING — CRITICAL | E-01 |
| E-04 | User documentation | Claude | PENDING | E-01 through E-03 |
"""
    items = {item.id: item for item in read_items(text)}
    assert items["E-04"].depends_on == ("E-01", "E-02", "E-03")
    assert (items["E-03"].status, items["E-03"].priority) == ("PENDING — CRITICAL", "CRITICAL")
    assert items["E-04"].priority is None
    assert finding_lines(text) == []


def test_a_reference_table_of_release_notes_is_no_plan() -> None:
    # a status with a note after its dash in a table of versions is no task's urgency
    text = """\
# Supported versions

| Version | Support |
|---------|---------|
| 2.x | Active — high |
| 1.x | Security fixes only — low |
"""
    assert read_items(text) == ()
    assert finding_lines(text) in QUIET
