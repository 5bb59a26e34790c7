"""The classes of plan file the thirteenth held-out set A of the corpus (tests/corpus,
heading plans and agent work queues, numbered 16-19 and 26-29 in headings/) showed
misread, each in a small document: read as a person reads it, with no finding a person
would call a false alarm."""

from __future__ import annotations

from conftest import finding_lines, read_items


def _read(text: str) -> list[tuple[str, str, str | None, str | None, str | None]]:
    return [(i.id, i.title, i.status, i.priority, i.dri) for i in read_items(text)]


def test_slug_headings_over_bold_field_lists_in_status_sections_are_items() -> None:
    text = """\
# Trading Bot Roadmap

> Features from brainstorm to shipped.

## Shipped

### project-setup
- **Title**: Project setup
- **Area**: infra
- **Delivered**:
  - Created folder structure

### environment-config
- **Title**: Environment configuration
- **Area**: infra
- **Commit**: 0b0833b

## In Progress

## Backlog

### stop-loss-automation (Score: 1.20)
- **Title**: Automated stop loss and targets
- **Area**: api
- **Impact**: 4 | **Effort**: 3 | **Confidence**: 0.9
"""
    assert _read(text) == [
        ("project-setup", "Project setup", "Shipped", None, None),
        ("environment-config", "Environment configuration", "Shipped", None, None),
        ("stop-loss-automation", "Automated stop loss and targets", "Backlog", None, None),
    ]
    assert finding_lines(text) == []


def test_slug_headings_of_a_reference_with_bold_fields_are_no_items() -> None:
    text = """\
# Users API

## Endpoints

### get-user
- **Method**: GET
- **Path**: `/users/{id}`

### create-user
- **Method**: POST
- **Path**: `/users`

### delete-user
- **Method**: DELETE
- **Path**: `/users/{id}`
"""
    assert _read(text) == []


def test_dotted_feature_headings_under_epics_ending_with_their_priority() -> None:
    text = """\
# Backlog for Archetype CLI

> Epic Priority Legend: ❗️ Critical | ❗ High  |❕ Normal

## E1 CLI Core ❗️ Critical

- Minimal, reliable CLI host that everything else builds on.

### F1.1 CLI host skeleton and help/version ✔️ RELEASED

- Dependencies:

- Project Requirements:
  - R1 CLI Host and Basic Commands

### F1.2 Command routing and option validation ✔️ RELEASED

- Dependencies:
  - F1.1 CLI host skeleton and help/version
- Project Requirements:
  - R1 CLI Host and Basic Commands

## E2 Weather ❕ Normal

- Demonstrates a real-world command.

### F2.1 IP geolocation client (ip-api, Open-Meteo) ✔️ RELEASED

- Dependencies:
  - F1.1 CLI host skeleton and help/version
  - F1.2 Command routing, option validation
"""
    items = read_items(text)
    assert [(i.id, i.status, i.priority, i.depends_on) for i in items] == [
        ("F1.1", "RELEASED", "Critical", ()),
        ("F1.2", "RELEASED", "Critical", ("F1.1",)),
        ("F2.1", "RELEASED", "Normal", ("F1.1", "F1.2")),
    ]
    assert finding_lines(text) == []


def test_components_with_their_library_dependencies_are_no_backlog() -> None:
    text = """\
# Architecture

## C1 Parser

- Dependencies: regex, serde
- Owner team: platform

## C2 Planner

- Dependencies: C1 Parser

## C3 Runtime

- Dependencies: tokio
"""
    assert read_items(text) == ()
    # the near miss of a missing separator is older than this reading (SAFE-38)
    assert finding_lines(text) == ["1:RL109"]
