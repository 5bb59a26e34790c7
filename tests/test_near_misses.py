"""RL109 names a near miss for every shape: when a document reads no items, what it
nearly was and why it was not read (issue 20, point 4)."""

from __future__ import annotations

import pytest

from roadmaplint.rules.engine import check_text

TAIL = (
    "; set id-pattern or item-heading-level in the configuration if your items are written "
    "otherwise"
)


def near_misses(text: str) -> str:
    """What RL109 says came close, the only finding of ``text``."""
    found = check_text(text, "PLAN.md")
    assert [finding.code for finding in found] == ["RL109"]
    message = found[0].message
    assert message.endswith(TAIL)
    return message.removesuffix(TAIL).split("; near misses: ", 1)[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "# Plan\n\n## Work\n\n| Area | Status | Owner |\n|------|--------|-------|\n| Parser | done | ana |\n| Lexer | todo | ben |\n",
            'line 5: the table "| Area | Status | Owner |" has no ID or title column (ID, Task ID, Key, #, Title, Task, Item, Story, Work), so its rows are not items',
            id="table_no_id",
        ),
        pytest.param(
            "# Plan\n\n| ID | Title | Notes |\n|----|-------|-------|\n| AB-1 | Parser | fast |\n| AB-2 | Lexer | |\n",
            'line 5: a table row names AB-1, but no column of its table "| ID | Title | Notes |" is read as Status, Priority, Owner or Depends on, so its rows are not items',
            id="table_no_field",
        ),
        pytest.param(
            # (every bullet worded is a list of items: test_quiet_sweep_two's SHIPPED)
            "# Tasks\n\n## Sprint\n\n- [DONE] Task-000: Set up the repository\n- [TODO] Task-001: Write the parser\n- Write the docs\n",
            'line 5: a list of "[DONE]" items: a checkbox is "[ ]" or "[x]" (other one-character markers where a marker legend explains them), so they are not checkbox items',
            id="worded",
        ),
        pytest.param(
            "# Tasks\n\n- [x] Set up the repository\n- [~] Write the parser\n",
            'line 4: a checkbox marked "[~]", which no marker legend explains, so its list is not read as items',
            id="marker",
        ),
        pytest.param(
            "# Tasks\n\n- [x] Set up the repository\n- Write the parser, later\n",
            "line 3: a list mixes checkboxes with plain items (line 4), so its boxes are not items: a list of items holds boxes only",
            id="mixed",
        ),
        pytest.param(
            "# Tasks\n\n- Backend\n  - [x] Set up the repository\n  - [ ] Write the parser\n",
            "line 4: checkboxes nested in a plain list are not items: only a top-level list of boxes is",
            id="nested",
        ),
        pytest.param(
            "# Plan\n\n## Write the parser\n\n- **Status:** ready\n- **Owner:** ana\n",
            'line 3: heading "Write the parser" has fields (Status) but no ID: write "ID — Write the parser" with an ID that matches the default id-pattern (an upper-case word with a digit: MODEL-1, SSQ-001, ARK1)',
            id="fields",
        ),
        pytest.param(
            "# Plan\n\n## 12. Write the parser\n\nSoon.\n",
            'line 3: heading "12. Write the parser" is numbered, not an item with an ID: write "ID — Title" with an ID that matches the default id-pattern (an upper-case word with a digit: MODEL-1, SSQ-001, ARK1) (or "Phase N: Name" for a phase)',
            id="numbered",
        ),
        pytest.param(
            "# Plan\n\n## Task 1: Write the parser\n\nSoon.\n",
            'line 3: heading "Task 1: Write the parser" is numbered, not an item with an ID: write "ID — Title" with an ID that matches the default id-pattern (an upper-case word with a digit: MODEL-1, SSQ-001, ARK1) (or "Phase N: Name" for a phase)',
            id="task",
        ),
        pytest.param(
            "# Roadmap\n\n### Phase 1 Foundation\n\n**Goal**: a base\n",
            'line 3: heading "Phase 1 Foundation": a phase heading is "Phase 1: Name" (":" or "—" after the number)',
            id="phase",
        ),
        pytest.param(
            "---\ntitle: Write the parser\nstatus: To Do\nassignee: []\n---\n\nThe parser reads tokens.\n",
            "line 1: the front matter (title, status, assignee) has no id: a task file (Backlog.md's) holds an id, and task files are read as a folder (backlog/tasks/), not one by one",
            id="front",
        ),
        pytest.param(
            "---\nid: task-7\ntitle: Write the parser\nstatus: To Do\n---\n\nThe parser reads tokens.\n",
            "line 1: the front matter (id, title, status) is one task file's: task files are read as a folder (backlog/tasks/ with backlog/config.yml), not one by one",
            id="front_id",
        ),
        pytest.param(
            # (over a list of known fields, ``- Owner: ana``, the paragraph is an item)
            "# Backlog\n\nB01 — Parser robustness\n- Scope: M\n\nB02 — Lexer speed\n- Scope: S\n",
            'line 3: the paragraph "B01 — Parser robustness" starts like an item, but items are headings: write "## B01 — Parser robustness"',
            id="paragraph",
        ),
    ],
)
def test_a_document_with_no_items_names_what_it_nearly_was(text: str, expected: str) -> None:
    assert near_misses(text) == expected


def test_a_line_a_near_miss_reason_names_is_cited_as_data() -> None:
    # The finding names the plain bullet on line 4 as data, as it names the miss on line
    # 3: a task folder's check places both, and the editor moves both, without searching
    # the message's words (a title may say "line 4" too).
    found = check_text("# Tasks\n\n- [x] Set up line 4\n- Write the parser, later\n", "PLAN.md")
    (finding,) = found
    assert [(finding.message[c.start : c.end], c.line) for c in finding.cited] == [
        ("line 3", 3),
        ("line 4", 4),
    ]
