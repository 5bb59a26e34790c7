"""The classes of plan file the tenth held-out set C of the corpus (tests/corpus, the
ROADMAP.md and TODO.md files of ordinary projects numbered 35-39 in checkboxes/ and 21-25
in headings/) showed misread, each in a small document: read as a person reads it, with
no finding a person would call a false alarm."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint import check_text
from roadmaplint.reader.blocks import front_matter_lines
from roadmaplint.settings import Settings


def _read(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(i.title, i.status, i.priority) for i in read_items(text)]


DOCS_PAGE = """\
---
title: "Upcoming Roadmap"
sidebar_position: 2
---

# Upcoming Roadmap

Features planned for future releases.

## Q4 2025: Advanced Analytics

- Custom report builder
- Audit logs
"""


def test_front_matter_is_the_pages_data_and_no_heading() -> None:
    # markdown-it reads ``sidebar_position: 2`` over ``---`` as a setext heading; the page's
    # first heading is its title all the same, and the bullets under it are its work
    assert _read(DOCS_PAGE) == [("Custom report builder", None, None), ("Audit logs", None, None)]
    assert finding_lines(DOCS_PAGE) == []
    assert front_matter_lines(DOCS_PAGE.splitlines(keepends=True)) == 4
    # a rule and a paragraph with no ``key:`` line is text, not front matter
    assert front_matter_lines(["---\n", "Some words\n", "---\n"]) == 0
    assert front_matter_lines(["# Title\n", "---\n"]) == 0
    # front matter never closed is no front matter: the document is read as written
    assert front_matter_lines(["---\n", "title: x\n", "\n", "- a\n"]) == 0


def test_a_priority_band_under_a_plans_heading_gives_its_bullets_the_priority() -> None:
    text = """\
# Roadmap

## Q1 2026: Collaboration

### Medium Priority

- 🟡 Team workspaces

## Future Considerations

### Low Priority

- 🟢 Mobile app
"""
    # the band names how urgent, the heading above it how far along (ideas, or none)
    assert _read(text) == [
        ("Team workspaces", None, "Medium"),
        ("Mobile app", "idea", "Low"),
    ]
    assert finding_lines(text) == []


def test_an_emoji_in_a_box_leaves_the_list_a_list_of_boxes() -> None:
    text = """\
# Roadmap

## v1.0.0-rc:

  - [x] layout tests
  - [:sparkles:] [[emoji]]
  - [x] basic breadcrumbs
  - [ ] documents graph
"""
    # one box marked with an emoji its writer chose keeps the mark as its status
    assert _read(text) == [
        ("layout tests", "done", None),
        ("[[emoji]]", "[:sparkles:]", None),
        ("basic breadcrumbs", "done", None),
        ("documents graph", "[ ]", None),
    ]
    assert finding_lines(text) == []
    # a check mark written in the box for its ``x`` is done, however many there are
    checked = "# TODO\n\n- [✔️] docs: local install\n- [✅] tests: bats\n- [ ] feat: --major\n"
    assert [i.status for i in read_items(checked)] == ["done", "done", "[ ]"]
    # an emoji in most of the boxes is no list of boxes a reader can vouch for
    marked = "# TODO\n\n- [🚀] one\n- [🚀] two\n- [ ] three\n"
    assert read_items(marked) == ()


def test_someday_maybe_holds_ideas() -> None:
    text = """\
# ver-bump

## Now ⏳

- [ ] tests: bats coverage

## Next 🚀

- [ ] feat: `--major` switch

## Someday / maybe 💭

- [ ] distribute via basher

## Done ✔️

- [x] feat: `--dry-run` mode
"""
    assert _read(text) == [
        ("tests: bats coverage", "in progress", None),
        ("feat: --major switch", "ready", None),
        ("distribute via basher", "idea", None),
        ("feat: --dry-run mode", "done", None),
    ]
    assert finding_lines(text) == []


def test_a_mark_after_a_version_in_a_heading_gives_its_state() -> None:
    text = """\
# Roadmap

## [0.4] :construction:
* Write Malleable Profiles

## [0.3] :rocket:
* Validate Malleable Profiles

## v0.2 ✅
* Publish on PyPi
"""
    assert _read(text) == [
        ("Write Malleable Profiles", "in progress", None),
        ("Validate Malleable Profiles", "released", None),
        ("Publish on PyPi", "done", None),
    ]
    assert finding_lines(text) == []
    # a rocket by anything but a version says nothing of its state (``## Next 🚀``)
    assert _read("# Roadmap\n\n## Launch 🚀\n\n* Write the post\n") == [
        ("Write the post", None, None)
    ]


def test_a_status_heading_may_say_now() -> None:
    text = """\
# Roadmap

## Done

- Distribution and release channel setup

## Active now

- Binary payload conventions
"""
    assert _read(text) == [
        ("Distribution and release channel setup", "done", None),
        ("Binary payload conventions", "active", None),
    ]


def test_a_quarter_in_a_heading_is_a_date_and_no_near_miss_of_an_id() -> None:
    text = "# Product plan\n\n## Q4 2025: Advanced Analytics\n\n- Audit logs\n\n## H1 2026\n\n- Sharing\n"
    report = " ".join(f.message for f in check_text(text, "PLAN.md", Settings()))
    assert "Q4" not in report and "H1" not in report
    # an ID before a year is still one: ``MODEL1 2025 plan`` lacks its separator (over a
    # field of work: without one it is a reference's entry, SAFE-38)
    other = "# Product plan\n\n## MODEL1 Advanced Analytics\n\n- **Status:** ready\n"
    assert '"[MODEL1] Title"' in " ".join(
        f.message for f in check_text(other, "PLAN.md", Settings())
    )
