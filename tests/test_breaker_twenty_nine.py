"""Break pass 29 (ROADMAP SAFE-73): documents people write that the readings merged since
the twenty-eighth pass misjudged, each fixed by its class; beside each, the nearest
document that still reads as before."""

from __future__ import annotations

from conftest import finding_lines, read_items

# A plan of boxes filed under quarter headings that carry a remark (``## Q1 (January to
# March)``, ``## Q3 Template``): the heading is the section of the boxes under it, no item
# heading missing its separator, so RL101 stays quiet.
QUARTERS = """\
# Roadmap

## Q1 (January to March)

- [ ] Ship the importer
- [ ] Ship the exporter

## Q2

- [x] Write the docs
- [ ] Record the demo
"""


def test_a_heading_over_boxes_is_their_section_not_a_broken_item_heading() -> None:
    read = [(i.title, i.status) for i in read_items(QUARTERS)]
    assert read == [
        ("Ship the importer", "[ ]"),
        ("Ship the exporter", "[ ]"),
        ("Write the docs", "done"),
        ("Record the demo", "[ ]"),
    ]
    assert finding_lines(QUARTERS) == []


# A report whose quarter headings carry a remark over prose, no boxes: no plan, no items
# and no finding, as before.
REPORT = """\
# Quarterly report

## Q1 (January to March)

Revenue grew and the team shipped the importer.

## Q2 (April to June)

The docs were written.
"""


def test_quarter_headings_over_prose_read_nothing() -> None:
    assert read_items(REPORT) == ()
    assert finding_lines(REPORT) == []


# An Obsidian Kanban card of nothing but a tag or a due day (``- [ ] #onlytag``): its
# title is what it writes, where stripping the plugin's marks left a title of no words.
BARE_CARDS = """\
---
kanban-plugin: basic
---

## Todo

- [ ] Fix login #bug @{2024-05-01}
- [ ] #release
- [ ] @{2024-06-01}
"""


def test_a_card_of_only_a_tag_or_a_day_keeps_what_it_writes() -> None:
    read = [i.title for i in read_items(BARE_CARDS)]
    assert read == ["Fix login", "#release", "@{2024-06-01}"]


# A design note quoting a board's front matter and a card in a fence: no board, no items,
# no finding.
QUOTED_BOARD = """\
# Design: board export

We read boards the Kanban plugin writes:

```
---
kanban-plugin: basic
---

## Todo

- [ ] Card one #tag
```

## Open questions

- Should tags stay in titles?
"""


def test_a_board_quoted_in_a_fence_is_no_board() -> None:
    assert read_items(QUOTED_BOARD) == ()
    assert finding_lines(QUOTED_BOARD) == []
