"""The classes of plan file the thirty-eighth held-out set of the corpus (tests/corpus: an
API's TODO, a sprint tracker, a phased todo list, a French roadmap, an agent's task list, a
table per quarter and a folder of agent scopes, numbered 274-275 in checkboxes/, 176-177 in
phases/, 193 in headings/, 184 in tables/ and taskfiles/qkfang-agentic-dev-runtime) showed
read wrong, each in a small document: read as a person reads it, with no finding that is no
defect; and beside each new reading a document that is no plan, which reads no items and no
finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

FIELDED_STEPS = """\
# Bridge Todo List

## Phase 1: Contracts

### 1.1 Escrow Contract
- [x] Write the escrow contract
- [x] Test the escrow contract

### 1.2 Relayer API
**Location**: `app/api/relayer/`

- [x] Create the orders route
- [ ] Create the status route

### 1.3 Contract Docs
- [x] Document the calls

## Phase 2: Frontend

### 2.1 Order History
**Component**: `components/History.tsx`

- [ ] List the past orders
- [ ] Export them as CSV

### 2.2 Settings
- [ ] Network selector
- [ ] Slippage setting
"""

NOTES_WITH_FIELDS = """\
# Release notes

### What changed
**Location**: `docs/changes/`

- Faster start
- Smaller download

### Known issues
**Component**: `installer`

- The installer asks twice on some systems
"""


def test_a_numbered_step_with_fields_over_its_boxes_takes_their_state() -> None:
    # ``### 3.1 Relayer API Setup`` over ``**Location**: `path` `` and then its boxes: the
    # boxes are its steps after its fields, all ticked done, some in progress, none
    # pending, as a step whose boxes come first (sunnyswap's todo list); they gave no state.
    # A bare label over the boxes (``**What's needed:**``) names a list, no field: its
    # boxes still give no state, as Flowrite's roadmap is read (tests/test_corpus.py)
    read = [(i.id, i.status) for i in read_items(FIELDED_STEPS, "todo-list.md")]
    assert read == [
        ("1.1", "done"),
        ("1.2", "in progress"),
        ("1.3", "done"),
        ("2.1", "pending"),
        ("2.2", "pending"),
    ]
    assert finding_lines(FIELDED_STEPS, "todo-list.md") == []


def test_notes_with_fields_over_plain_bullets_read_no_plan() -> None:
    # headings with the same fields over plain bullets: release notes, no plan
    assert read_items(NOTES_WITH_FIELDS, "NOTES.md") == ()
    assert finding_lines(NOTES_WITH_FIELDS, "NOTES.md") == []
