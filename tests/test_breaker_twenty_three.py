"""The twenty-third break pass: the eleventh leftovers (plain bullets under a status label,
free-text status notes in capitals, bold phase bullets), the twenty-eighth set and the
write gate's ``prove_kept``, tried on documents written as people write them."""

from __future__ import annotations

from pathlib import Path

from conftest import cli, finding_lines, read_items

from roadmaplint.settings import status_meaning


def test_a_status_that_drops_or_holds_the_work_before_no_implementation_keeps_its_state() -> None:
    # ``STORY WRITTEN - NO IMPLEMENTATION`` is work not begun; but a status that says the
    # work was cancelled, deferred or is blocked says so whatever the note after it: read
    # as ready, cancelled work was offered by ``next`` as work to take
    assert status_meaning("STORY WRITTEN - NO IMPLEMENTATION") == "ready"
    assert status_meaning("Cancelled - no implementation") == status_meaning("Cancelled")
    assert status_meaning("Deferred; no implementation") == status_meaning("Deferred")
    assert status_meaning("Blocked - no implementation") == status_meaning("Blocked")
    assert status_meaning("Won't do - no implementation") == status_meaning("Won't do")


# the labelled groups of tests/test_reading_leftovers_eleven.py as markdownlint wants a
# list written (MD032): a blank line between each label and its list
LABELLED_SPACED = """\
# Project Roadmap

## 2025 Q3

✅ **Completed**

- [x] Project scaffolding
- [x] Core API

🔧 **In Progress**

- [ ] Developer documentation

## 2026+

💡 **Long-term Goals**

- Multi-language localization
- Cloud deployment
"""


def test_plain_bullets_a_blank_line_below_their_status_label_are_its_items() -> None:
    # the boxes' labels were read across the blank line, the plain list's not: the
    # long-term goals were missed silently
    read = [(i.title, i.status) for i in read_items(LABELLED_SPACED, "ROADMAP.md")]
    assert read[-2:] == [
        ("Multi-language localization", "Long-term Goals"),
        ("Cloud deployment", "Long-term Goals"),
    ]
    assert finding_lines(LABELLED_SPACED, "ROADMAP.md") == []


# a table whose status names what blocks its row: the dependency is read from the status
BLOCKED_BY = """\
# Roadmap

| ID | Title | Status |
|----|-------|--------|
| T-1 | Build it | Done |
| T-2 | Ship it | Blocked by T-1 |
| T-3 | Tell people | Blocked by T-2 |
"""


def test_a_status_change_may_drop_the_dependency_its_old_status_named(tmp_path: Path) -> None:
    # ``Blocked by T-1`` is T-2's status and its dependency at once: setting the status
    # drops the dependency with it, as asked; the gate refused it as a change not asked
    assert [i.depends_on for i in read_items(BLOCKED_BY, "ROADMAP.md")][1] == ("T-1",)
    plan = tmp_path / "ROADMAP.md"
    plan.write_text(BLOCKED_BY, encoding="utf-8")
    done = cli("set", "T-2", "--status", "Done", "ROADMAP.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_text(encoding="utf-8") == BLOCKED_BY.replace(
        "| Ship it | Blocked by T-1 |", "| Ship it | Done |"
    )


# a plan whose last item heading stands under its recommended order, written nowhere else
ORDER_THEN_ITEM = """\
# Roadmap

## API-1 — Build the API

- **Status:** ready

## API-2 — Document the API

- **Status:** ready

## Recommended implementation order

API-1 first, then API-2.

### API-3 — Ship the SDK

- **Status:** ready
"""


def test_an_item_named_only_under_a_recommended_order_is_still_an_item() -> None:
    # the order's headings are steps over items written elsewhere (``### Phase 1:
    # Monitoring``); an ID of the plan's own, written nowhere else, was dropped silently
    read = [i.id for i in read_items(ORDER_THEN_ITEM, "ROADMAP.md")]
    assert read == ["API-1", "API-2", "API-3"]
    assert finding_lines(ORDER_THEN_ITEM, "ROADMAP.md") == []
