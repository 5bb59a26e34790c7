"""The classes of plan file the twelfth held-out set B of the corpus (tests/corpus: tables,
checkbox lists and a task folder, numbered 11-13 in tables/ and 00, 01, 05, 06, 08 and 19
in checkboxes/) showed misread, each in a small document: read as a person reads it,
with no finding a person would call a false alarm."""

from __future__ import annotations

from conftest import finding_lines, read_items


def _read(text: str) -> list[tuple[str, str, str | None, tuple[str, ...]]]:
    return [(i.id, i.title, i.status, i.depends_on) for i in read_items(text)]


def test_boxes_that_each_name_a_state_are_a_status_selector_not_work() -> None:
    text = """\
# Story 1.1: Sign-up

## Overall Status
- [ ] Not Started
- [ ] In Progress
- [x] Completed

## Implementation Tasks
- [x] Create the OAuth app
- [ ] Write the callback
"""
    assert [title for _, title, _, _ in _read(text)] == [
        "Create the OAuth app",
        "Write the callback",
    ]
    assert finding_lines(text) == []
    # one state alone, or a state beside work, is a box of work as written
    work = "# TODO\n\n- [ ] Done\n- [ ] Ship the release\n"
    assert [title for _, title, _, _ in _read(work)] == ["Done", "Ship the release"]


def test_an_abbreviation_with_a_digit_inside_opens_a_title_not_an_id() -> None:
    text = """\
# Login

#### Testing

- [ ] Unit tests for the auth service
- [ ] E2E tests for the login flow
- [ ] B2B invoices export
- [ ] Security testing
"""
    assert [(item_id, title) for item_id, title, _, _ in _read(text)][1:3] == [
        ("e2e-tests-for-the-login-flow", "E2E tests for the login flow"),
        ("b2b-invoices-export", "B2B invoices export"),
    ]
    # an ID ends with its number: ``T2 Write the docs`` is still task T2
    assert _read("# TODO\n\n- [ ] T1 Set up\n- [ ] T2 Write the docs\n")[1][:2] == (
        "T2",
        "Write the docs",
    )


def test_three_level_task_numbers_written_flat_are_ids() -> None:
    text = """\
## 3. User Registration API

- [x] 3.1 Write tests for the register endpoint
- [x] 3.1.1 Test successful registration
- [x] 3.1.2 Test rejection of a duplicate email
- [x] 3.2 Implement the POST handler
- [ ] 3.3 Verify all registration tests pass
"""
    assert [(item_id, title, status) for item_id, title, status, _ in _read(text)] == [
        ("3.1", "Write tests for the register endpoint", "done"),
        ("3.1.1", "Test successful registration", "done"),
        ("3.1.2", "Test rejection of a duplicate email", "done"),
        ("3.2", "Implement the POST handler", "done"),
        ("3.3", "Verify all registration tests pass", "[ ]"),
    ]
    assert finding_lines(text) == []


def test_a_nested_task_number_may_end_with_a_full_stop() -> None:
    text = """\
# Tasks

- [-] 2. Implement core features
  - [x] 2.1. Set up project structure
    - Initialize Go modules
  - [ ] 2.2. Build parser module
- [ ] 3. Testing
"""
    assert [(item_id, title) for item_id, title, _, _ in _read(text)] == [
        ("2", "Implement core features"),
        ("2.1", "Set up project structure"),
        ("2.2", "Build parser module"),
        ("3", "Testing"),
    ]


def test_blocked_by_a_stable_id_in_a_comment_names_that_task() -> None:
    text = """\
# Parallel work

## Setup

- [x] 1. Initialize project structure <!-- id:init001 -->
  - Stream: 1

## Build

- [ ] 2. Backend API <!-- id:bknd002 -->
  - Blocked-by: init001 (Initialize project structure)
- [ ] 3. Frontend UI <!-- id:frnt003 -->
  - Blocked-by: init001 (Initialize project structure)
- [ ] 4. Integration <!-- id:intg004 -->
  - Blocked-by: bknd002 (Backend API), frnt003 (Frontend UI), ops9 (Ops sign-off)
"""
    read = {item.id: item for item in read_items(text)}
    assert [read[n].depends_on for n in ("1", "2", "3", "4")] == [(), ("1",), ("1",), ("2", "3")]
    # a stable ID no box carries stays what it was: something outside the plan
    assert read["4"].external_deps == ("ops9 (Ops sign-off)",)
    assert read["2"].title == "Backend API"
