"""Readings the third write gate's leftovers pass (ROADMAP SAFE-82) fixed by their class,
each beside the nearest document that is no plan or reads as before."""

from __future__ import annotations

from conftest import finding_lines, read_items

# A sprint's boxes, then the conditions each meets under a Definition of Done label: the
# conditions are no work of the sprint, where they read as two more of its items.
SPRINT = """\
# Sprint 14

- [x] Import bank statements
- [ ] Split a payment between two budgets

**Definition of Done:**

- [ ] Reviewed by a second person
- [ ] Documented in the user guide
"""


def test_boxes_under_a_definition_of_done_label_are_no_items() -> None:
    read = [(item.title, item.status) for item in read_items(SPRINT)]
    assert read == [
        ("Import bank statements", "done"),
        ("Split a payment between two budgets", "[ ]"),
    ]
    assert finding_lines(SPRINT) == []


# A contributing guide's checklist under the label, and no plan beside it: nothing read.
CONTRIBUTING = """\
# Contributing

Open a pull request against `main`. Before asking for a review, tick these:

Definition of Done:
- [ ] The tests pass on your machine
- [ ] The change is in the changelog
"""


def test_a_guides_definition_of_done_reads_nothing() -> None:
    assert read_items(CONTRIBUTING) == ()
    assert finding_lines(CONTRIBUTING) == []


# Boxes under a label of another kind stay the plan's work.
DONE_SO_FAR = """\
# Sprint 15

**Done so far:**

- [x] Export the yearly report
- [ ] Send reminders before a bill is due
"""


def test_boxes_under_another_label_are_still_items() -> None:
    read = [(item.title, item.status) for item in read_items(DONE_SO_FAR)]
    assert read == [
        ("Export the yearly report", "done"),
        ("Send reminders before a bill is due", "[ ]"),
    ]
