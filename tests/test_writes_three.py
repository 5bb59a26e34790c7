"""What the break and writes passes left (SAFE-39, SAFE-41 to SAFE-44), each closed for
its class: readings that gave a false alarm on a document that is no plan, and writes
that refused in one line where a user expects the edit. Every write runs through the
real command line with the file's bytes compared before and after: only what was asked
changes, or one line, exit 2, and the file untouched."""

from __future__ import annotations

import pytest
from conftest import finding_lines, read_items

# --- readings that gave RL109 on documents that plan nothing (SAFE-39, 42, 43)

NOT_PLANS = {
    # an API reference: E-1002's status is where the entry stands in its life
    "api_reference": """\
# Error reference

## Authentication errors

### E-1001 Invalid token

The token could not be parsed.

### E-1002 Expired token

Status: deprecated

The token has expired. Use E-1001 instead.
""",
    # a meeting's topics and where each stands
    "meeting_topics": """\
# Weekly sync 2026-03-02

## Agenda

| Topic | Status |
|-------|--------|
| Release checklist | done |
| Hiring plan | in progress |

## Notes

We talked about the release.
""",
    # a guide's numbered steps that do not count up from 1 in a run
    "numbered_guide": """\
# Getting started

## 1. Install

Run `pip install tool`.

## Next steps

Read the manual.
""",
    "stepped_guide": """\
# Getting Started

## Step 1: Install

Run the installer.

## Step 2: Configure

Edit the file.
""",
    # a key-value table under a status heading
    "key_value_status": """\
# Project

## Status

| Key | Value |
|-----|-------|
| Version | 1.2 |
| State | stable |

## Usage

Run it.
""",
    # a release history of titled versions, no word saying each shipped
    "titled_versions": """\
# Release history

## v1.2 — Claim pool

- Added the claim pool.

## v1.1 — Faster reads

- Reads got faster.
""",
}


@pytest.mark.parametrize("name", sorted(NOT_PLANS))
def test_a_document_that_plans_nothing_is_quiet(name: str) -> None:
    text = NOT_PLANS[name]
    assert read_items(text) == ()
    assert finding_lines(text) == []


def test_an_entry_that_writes_a_field_of_work_is_still_told_of_its_separator() -> None:
    # ``Status: in progress`` is work: the heading lost its separator
    text = NOT_PLANS["api_reference"].replace("Status: deprecated", "Status: in progress")
    assert finding_lines(text) == ["1:RL109"]
    # and a version written as an ID over a field of work still says its ID is no ID
    versions = NOT_PLANS["titled_versions"].replace(
        "- Added the claim pool.", "- **Status:** in progress"
    )
    assert finding_lines(versions) == ["1:RL109"]


def test_a_plan_whose_table_has_no_title_column_is_still_told() -> None:
    text = "# Plan\n\n| Deliverable | Status |\n|---|---|\n| Parser | todo |\n| Lexer | done |\n"
    assert finding_lines(text) == ["1:RL109"]


@pytest.mark.parametrize(
    "title", ["# Career Roadmap Guide", "# Kariyer Yol Haritası Rehberi", "# Roadmap handbook"]
)
def test_a_guide_titled_as_a_roadmap_reads_no_items(title: str) -> None:
    text = f"{title}\n\nHow to plan a career.\n\n## Skills to learn\n\n- Communication\n- Python\n"
    assert read_items(text) == ()
    # while a roadmap's bullets are its work
    roadmap = text.replace(title, "# Career Roadmap")
    assert [item.title for item in read_items(roadmap)] == ["Communication", "Python"]


# --- RL306 on a task not started over one in progress (SAFE-41)


@pytest.mark.parametrize("waiting", ["To Do", "📋 Planned", "Not Started", "Backlog", "Pending"])
def test_a_task_not_started_over_one_in_progress_is_quiet(waiting: str) -> None:
    text = f"""\
# Roadmap

| ID | Task | Status | Depends on |
|----|------|--------|------------|
| T-1 | Parser | 🔄 In Progress | |
| T-2 | Lexer | {waiting} | T-1 |
"""
    assert finding_lines(text) == []
    # a task that says it is ready over one under way is told
    assert finding_lines(text.replace(waiting, "Ready")) == ["6:RL306"]
