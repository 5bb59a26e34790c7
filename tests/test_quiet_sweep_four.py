"""Quiet by default, swept a fourth time across sixty-one public plan files and ten files
near them in neither the corpus nor the earlier sweeps (issue 20), after the readings
merged since the third: each class of false alarm the sweep found, in a small document
written the way the real file was, with no finding; and beside it the real defect of the
same rule, still found."""

from __future__ import annotations

from tests.conftest import finding_lines, read_items

# A design document's schema table: no column of it names an item or says a state.
DESIGN = """\
# Objectifs : tâches liées

Chaque objectif porte des tâches, créées par le manager.

## Modèle

| Colonne | Type | Contraintes |
|---------|------|-------------|
| objective_id | uuid | FK, NOT NULL |
| title | string | NOT NULL |
"""

# A changelog kept as Keep a Changelog writes it: a version and its date on each release.
CHANGELOG = """\
# Changelog

All notable changes to this project will be documented in this file.

## [Unreleased]

feat: launches use the logged-in subscription.

## [1.9.1] - 2026-03-25

feat: support base_branch in matrix YAML (#162)

## [1.9.0] - 2026-03-20

fix: worktrees are removed on exit
"""

# A guide whose sections are numbered in order, as a document's outline is.
GUIDE = """\
# Migrating from todo.txt to todomd

Migration is feasible, but some conversions should be considered.

## 1. Compatibility of Core Metadata

The metadata symbols are kept.

## 2. Completion Dates

A done task writes its date after the box.

### 2.1 Dates without a box

They are read as notes.

## 3. Recurring Tasks

Not supported yet.
"""


def test_a_table_with_neither_an_item_column_nor_a_state_column_is_no_near_miss() -> None:
    assert finding_lines(DESIGN, "design.md") == []


def test_a_table_that_says_a_state_but_names_no_item_still_comes_close() -> None:
    states = DESIGN.replace("| Colonne | Type | Contraintes |", "| Colonne | Type | Status |")
    assert finding_lines(states, "design.md") == ["1:RL109"]


def test_a_changelogs_releases_are_no_near_miss() -> None:
    assert finding_lines(CHANGELOG, "CHANGELOG.md") == []


def test_a_bracketed_id_with_a_digit_that_is_no_release_still_comes_close() -> None:
    near = CHANGELOG.replace("## [1.9.1] - 2026-03-25", "## [api.1] - Parser")
    assert finding_lines(near, "CHANGELOG.md") == ["1:RL109"]


def test_sections_numbered_in_order_are_a_documents_outline_no_near_miss() -> None:
    assert finding_lines(GUIDE, "todotxt.md") == []


def test_a_lone_numbered_heading_or_one_out_of_order_still_comes_close() -> None:
    lone = GUIDE.replace("## 2. Completion Dates", "## Completion Dates").replace(
        "## 3. Recurring", "## Recurring"
    )
    assert finding_lines(lone, "todotxt.md") == ["1:RL109"]
    skipped = GUIDE.replace("## 2. Completion Dates", "## 5. Completion Dates")
    assert finding_lines(skipped, "todotxt.md") == ["1:RL109"]


def test_documents_near_plans_read_no_items() -> None:
    for text in (DESIGN, CHANGELOG, GUIDE):
        assert read_items(text, "NOTES.md") == ()
