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


QUARTER_TABLES = """\
Product Roadmap 2026
Q1 2026

| Ticket | Description | Owner | Status |
|--------|-------------|-------|--------|
| PR-101 | Smart search | Ann | In Progress |
| PR-102 | New onboarding | Bob | Not Started |
| PR-103 | Unified profile | Cem | Done |

Q2 2026

| Ticket | Description | Owner | Status |
|--------|-------------|-------|--------|
| PR-204 | Team spaces | Ann | Planned |
| PR-205 | Weekly reports | Bob | Not Started |
| PR-206 | Year-end rev
"""

SUPPORT_TABLES = """\
Supported platforms 2026
Desktop

| Platform | Build | Maintainer | Status |
|--------|-------------|-------|--------|
| Linux | The x86 build | Ann | Supported |
| macOS | The arm build | Bob | Supported |
| Windows | The x86 build | Cem | Yes |

Mobile

| Platform | Build | Maintainer | Status |
|--------|-------------|-------|--------|
| Android | The arm build | Ann | Supported |
| iOS | The arm build | Bob | Yes |
"""


def test_a_table_per_quarter_is_judged_with_its_sibling_tables() -> None:
    # a roadmap's table per quarter under one header: the quarter of two rows and a row
    # the file cuts short reads as the others do (geethasm's product roadmap, whose Q4
    # read nothing); the cut row is an item with no owner or status, which RL103 says
    read = [(i.id, i.status, i.dri) for i in read_items(QUARTER_TABLES, "roadmap.md")]
    assert read == [
        ("PR-101", "In Progress", "Ann"),
        ("PR-102", "Not Started", "Bob"),
        ("PR-103", "Done", "Cem"),
        ("PR-204", "Planned", "Ann"),
        ("PR-205", "Not Started", "Bob"),
        ("PR-206", None, None),
    ]
    assert finding_lines(QUARTER_TABLES, "roadmap.md") == ["16:RL103", "16:RL103"]


def test_tables_of_support_under_one_header_read_no_plan() -> None:
    # the same header twice over what each platform supports: no plan, however judged
    assert read_items(SUPPORT_TABLES, "PLATFORMS.md") == ()
    assert finding_lines(SUPPORT_TABLES, "PLATFORMS.md") == []
