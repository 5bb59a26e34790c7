"""`check --explain` for every shape: the shape of each part, the items read, every
skipped range with its reason, and the near misses (issue 20, point 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import cli

TABLE = """\
---
title: Work queue
---

# Work queue

## Now

| ID | Title | Status | Owner | Depends on |
|----|-------|--------|-------|------------|
| Q-1 | Adopt the ledger | DONE | ana | |
| Q-2 | Route the frontier | In Progress | ben | Q-1 |

## Later

| ID | Title | Status |
|----|-------|--------|
| Q-3 | Reconcile authority | todo |

| Area | Notes |
|------|-------|
| Docs | later |
"""

TODO = """\
# To do

## Now

- [x] Set up the repository @ana
- [ ] Write the parser (depends on: set-up-the-repository) (P1)

Notes between the lists.

- [ ] T12 Speed up the lexer

## Someday

- [~] Rewrite in Rust
"""

MIXED = """\
# Roadmap

## [CORE-1] Parser

- **Status:** done
- **DRI:** @ana

## [CORE-2] Lexer

- **Status:** ready
- **Depends on:** CORE-1

# Small things

| ID | Title | Status |
|----|-------|--------|
| SMALL-1 | Fix the typo | todo |

- [ ] Tidy the docs
- [x] Add a badge
"""

NOTES = """\
# Notes

| Area | Status | Owner |
|------|--------|-------|
| Parser | done | ana |

## 3. Lexer

- [DONE] Task-000: Set up
"""


EXPLAINED = {
    "TABLE.md": (
        TABLE,
        0,
        (
            "TABLE.md: 3 items read (table-rows)\n"
            "TABLE.md:11-12: shape table-rows, items are the rows of tables with an ID or title column and field columns: 2 items\n"
            "TABLE.md:11: item Q-1 'Adopt the ledger' status=DONE priority=- owner=ana depends on=-\n"
            "TABLE.md:12: item Q-2 'Route the frontier' status=In Progress priority=- owner=ben depends on=Q-1\n"
            "TABLE.md:18: shape table-rows, items are the rows of tables with an ID or title column and field columns: 1 item\n"
            "TABLE.md:18: item Q-3 'Reconcile authority' status=todo priority=- owner=- depends on=-\n"
            "TABLE.md:1-3: skipped: the front matter (YAML between --- lines)\n"
            "TABLE.md:5: skipped: the title\n"
            "TABLE.md:7: skipped: a heading with no item ID (a section, or prose)\n"
            "TABLE.md:9-10: skipped: the header of a table of items\n"
            "TABLE.md:14: skipped: a heading with no item ID (a section, or prose)\n"
            "TABLE.md:16-17: skipped: the header of a table of items\n"
            'TABLE.md:20-22: skipped: the table "| Area | Notes |" has no ID or title column (ID, Task ID, Key, #, Title, Task, Item, Story, Work), so its rows are not items\n'
            "All checks passed.\n"
        ),
    ),
    "TODO.md": (
        TODO,
        0,
        (
            "TODO.md: 3 items read (checkboxes)\n"
            'TODO.md:5-6: shape checkboxes, items are checkbox list items ("- [ ] ID Title"): 2 items\n'
            "TODO.md:5: item set-up-the-repository 'Set up the repository' status=done priority=- owner=ana depends on=-\n"
            "TODO.md:6: item write-the-parser 'Write the parser' status=[ ] priority=P1 owner=- depends on=set-up-the-repository\n"
            'TODO.md:10: shape checkboxes, items are checkbox list items ("- [ ] ID Title"): 1 item\n'
            "TODO.md:10: item T12 'Speed up the lexer' status=[ ] priority=- owner=- depends on=-\n"
            "TODO.md:1: skipped: the title\n"
            "TODO.md:3: skipped: a heading with no item ID (a section, or prose)\n"
            "TODO.md:8: skipped: a paragraph under no item heading\n"
            "TODO.md:12: skipped: a heading with no item ID (a section, or prose)\n"
            'TODO.md:14: skipped: a checkbox marked "[~]", which no marker legend explains, so its list is not read as items\n'
            "All checks passed.\n"
        ),
    ),
    "MIXED.md": (
        MIXED,
        0,
        (
            "MIXED.md: 3 items read (headings, table-rows)\n"
            'MIXED.md:3-11: shape headings, items are headings with an ID ("## ID — Title") and their field lists: 2 items\n'
            "MIXED.md:3: item CORE-1 'Parser' status=done priority=- owner=@ana depends on=-\n"
            "MIXED.md:8: item CORE-2 'Lexer' status=ready priority=- owner=- depends on=CORE-1\n"
            "MIXED.md:17: shape table-rows, items are the rows of tables with an ID or title column and field columns: 1 item\n"
            "MIXED.md:17: item SMALL-1 'Fix the typo' status=todo priority=- owner=- depends on=-\n"
            "MIXED.md:1: skipped: the title\n"
            "MIXED.md:13: skipped: a heading with no item ID (a section, or prose)\n"
            "MIXED.md:15-16: skipped: the header of a table of items\n"
            "MIXED.md:19-20: skipped: a checkbox list without IDs: beside heading items, only boxes with an ID are items\n"
            "All checks passed.\n"
        ),
    ),
    "NOTES.md": (
        NOTES,
        1,
        (
            "NOTES.md: 0 items read\n"
            "NOTES.md:1: skipped: the title\n"
            'NOTES.md:3-5: skipped: the table "| Area | Status | Owner |" has no ID or title column (ID, Task ID, Key, #, Title, Task, Item, Story, Work), so its rows are not items\n'
            "NOTES.md:7: skipped: a heading with no item ID (a section, or prose)\n"
            'NOTES.md:9: skipped: a list of "[DONE]" items: a checkbox is "[ ]" or "[x]" (other one-character markers where a marker legend explains them), so they are not checkbox items\n'
            'NOTES.md:3: near miss: the table "| Area | Status | Owner |" has no ID or title column (ID, Task ID, Key, #, Title, Task, Item, Story, Work), so its rows are not items\n'
            'NOTES.md:7: near miss: heading "3. Lexer" is numbered, not an item with an ID: write "ID — Title" with an ID that matches the default id-pattern (an upper-case word with a digit: MODEL-1, SSQ-001, ARK1) (or "Phase N: Name" for a phase)\n'
            'NOTES.md:9: near miss: a list of "[DONE]" items: a checkbox is "[ ]" or "[x]" (other one-character markers where a marker legend explains them), so they are not checkbox items\n'
            'NOTES.md:1:1: error: RL109 no items found: an item is a heading "[ID] Title" or "ID — Title" (or –, -, :) at level 2, 3 or 4 whose ID matches the default id-pattern (an upper-case word with a digit: MODEL-1, SSQ-001, ARK1); near misses: line 3: the table "| Area | Status | Owner |" has no ID or title column (ID, Task ID, Key, #, Title, Task, Item, Story, Work), so its rows are not items; line 7: heading "3. Lexer" is numbered, not an item with an ID: write "ID — Title" with an ID that matches the default id-pattern (an upper-case word with a digit: MODEL-1, SSQ-001, ARK1) (or "Phase N: Name" for a phase); line 9: a list of "[DONE]" items: a checkbox is "[ ]" or "[x]" (other one-character markers where a marker legend explains them), so they are not checkbox items; set id-pattern or item-heading-level in the configuration if your items are written otherwise\n'
            "Found 1 error and 0 warnings.\n"
        ),
    ),
}


@pytest.mark.parametrize("name", sorted(EXPLAINED))
def test_explain_prints_how_each_shape_was_read(tmp_path: Path, name: str) -> None:
    text, code, expected = EXPLAINED[name]
    (tmp_path / name).write_text(text, encoding="utf-8")
    run = cli("check", "--explain", name, cwd=tmp_path)
    assert (run.returncode, run.stderr) == (code, "")
    assert run.stdout == expected
