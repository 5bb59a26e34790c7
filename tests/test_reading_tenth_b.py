"""The classes of plan file the tenth held-out set B of the corpus (tests/corpus: heading
items whose fields are written in forms the corpus had not held, planning phases) showed
misread or over-reported, each in a small document: read as a person reads it, with no
finding a person would call a false alarm."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.model import Item


def _items(text: str) -> tuple[Item, ...]:
    return read_items(text, "TASKS.md")


def _findings(text: str) -> list[str]:
    return finding_lines(text, "TASKS.md")


def _read(text: str) -> list[tuple[str, str, str | None]]:
    return [(i.id, i.title, i.status) for i in _items(text)]


REGISTRY = """\
# Task Registry

## Status legend
- **DONE**: merged and tested
- **PLANNED**: acknowledged but not yet scheduled

## Foundations

### T-001 — Repo scaffold
**Status:** DONE  
**Primary artifacts:** the workspace  
**Evidence:** `pnpm test`

### T-002 — Shared schemas
**Status:** DONE  
**Primary artifacts:** `libs/schemas`  
**Evidence:** `pnpm test`

### T-003 — Agent runtime
**Status:** PLANNED  
**Milestone:** M1
"""


def test_a_status_legend_over_items_with_fields_of_their_own_is_not_roadmaplints_format() -> None:
    assert _read(REGISTRY) == [
        ("T-001", "Repo scaffold", "DONE"),
        ("T-002", "Shared schemas", "DONE"),
        ("T-003", "Agent runtime", "PLANNED"),
    ]
    # no DRI or Priority asked for, no Evidence field called unknown, no legend missing
    assert _findings(REGISTRY) == []
    # the same items writing roadmaplint's own fields are held to its format
    native = REGISTRY.replace("**Primary artifacts:**", "**DRI:**").replace(
        "**Evidence:**", "**Area:**"
    )
    assert "9:RL103" in _findings(native)
