"""Quiet by default, swept a fifth time across public plan files and documents a user may
run roadmaplint on by mistake or through a pre-commit glob, in neither the corpus nor the
earlier sweeps (issue 20; ``tests/corpus/README.md``, "fifth quiet sweep"): each class of
false alarm or of a document that is no plan read as items, in the real file or a small
document of its class, with no finding and no item; and beside it a plan of the same shape
that still gets its real finding."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import finding_lines, read_items

QUIET = Path(__file__).parent / "quiet"

# sirjamesoffordii/CMC-Go .github/ISSUE_TEMPLATE/feature_task.md
# 532d22ec2f87c3731eeddbdc46849b3e51cc0188: an issue template whose Acceptance Criteria
# are boxes a contributor ticks on each issue, two of them placeholders in comments.
ISSUE_TEMPLATE = (QUIET / "cmc-go-feature_task.md").read_text(encoding="utf-8")

# Sampi314/Obsidian_Novel_v2 .claude/plans/99_daily_tasks.md
# 8273a03249593c06835c70bdec38afcf58b5efad: an agent's day, hour by hour.
DAILY_TASKS = (QUIET / "obsidian-novel-daily_tasks.md").read_text(encoding="utf-8")

# CodeChain-io/codechain spec/JSON-RPC.md 9964d028e0b4c51443e59526a1aa4708f4d99b38, one
# method of its 3,260 lines: what a method returns, written as its type in code.
API_PAGE = """\
# JSON-RPC

## mempool_sendSignedTransaction
Sends a signed transaction, returning its hash.

### Params
 1. bytes: `hexadecimal string` - RLP encoded hex string of SignedTransaction

### Returns
`H256` - transaction hash

Errors: `Invalid RLP`, `Verification Failed`, `Already Imported`
"""

CHECKLIST = """\
## Checklist

- [ ] T-1 Add the tests
- [ ] T-1 Update the docs
"""


def test_an_issue_template_reads_no_items_and_gets_no_finding() -> None:
    path = ".github/ISSUE_TEMPLATE/feature_task.md"
    assert read_items(ISSUE_TEMPLATE, path) == ()
    assert finding_lines(ISSUE_TEMPLATE, path) == []
    # its front matter says it is one wherever it is kept
    assert read_items(ISSUE_TEMPLATE, "feature_task.md") == ()


def test_a_pull_request_templates_checklist_reads_no_items() -> None:
    for path in (
        "pull_request_template.md",
        ".github/PULL_REQUEST_TEMPLATE.md",
        "docs/PULL_REQUEST_TEMPLATE/release.md",
    ):
        assert read_items(CHECKLIST, path) == (), path
        assert finding_lines(CHECKLIST, path) == [], path


def test_the_same_checklist_in_a_plan_is_read_and_keeps_its_real_finding() -> None:
    assert [item.id for item in read_items(CHECKLIST, "TODO.md")] == ["T-1", "T-1"]
    assert finding_lines(CHECKLIST, "TODO.md") == ["4:RL102"]
    # front matter that names no template (a page's title) is no template's
    page = '---\ntitle: "Release"\n---\n\n' + CHECKLIST
    assert finding_lines(page, "TODO.md") == ["8:RL102"]


def test_a_value_written_as_code_on_an_api_page_is_no_near_miss() -> None:
    assert finding_lines(API_PAGE, "JSON-RPC.md") == []
    assert read_items(API_PAGE, "JSON-RPC.md") == ()


def test_a_paragraph_written_like_an_item_still_comes_close() -> None:
    near = API_PAGE.replace("`H256` - transaction hash", "API-12 - Return the hash")
    assert finding_lines(near, "JSON-RPC.md") == ["1:RL109"]


def test_a_days_schedule_is_no_near_miss() -> None:
    assert read_items(DAILY_TASKS, "99_daily_tasks.md") == ()
    assert finding_lines(DAILY_TASKS, "99_daily_tasks.md") == []


def test_a_table_of_tasks_whose_rows_are_no_hours_still_comes_close() -> None:
    table = (
        "# Tasks\n\n| Step | Task | Skill |\n|---|---|---|\n"
        "| 1 | Write a chapter | chuong-truyen |\n| 2 | Check quality | kiem-duyet |\n"
    )
    assert finding_lines(table, "tasks.md") == ["1:RL109"]
    # one row that is no hour makes the table no timetable
    mixed = DAILY_TASKS.replace("| 22:00–00:00 |", "| Later |")
    assert finding_lines(mixed, "99_daily_tasks.md") == ["1:RL109"]


def test_a_box_that_holds_only_a_comment_is_no_item() -> None:
    text = "# TODO\n\n- [ ] <!-- Specific observable outcome 1 -->\n- [ ]\n- [ ] Write the parser\n"
    assert [item.title for item in read_items(text, "TODO.md")] == ["Write the parser"]
    # a box with an ID and no title, or a title and a stable ID in a comment, is work
    kept = "# TODO\n\n- [ ] T-1\n- [ ] Write the parser <!-- id:abc -->\n- [ ] T-1\n"
    assert [item.id for item in read_items(kept, "TODO.md")] == ["T-1", "write-the-parser", "T-1"]
    assert finding_lines(kept, "TODO.md") == ["5:RL102"]


# 00700lsm/llm-router docs/TASKS.md b9cebcfdaaa06563d07035f300a4bb70f67e9b6b, in part: a
# Korean task list whose tasks close their IDs with a full stop, as a list number is.
KOREAN_TASKS = """\
# TASKS

# 6. 작업 목록

## T9-01. REQUIREMENTS 평가와 최종 비교

상태: `DONE`

## T9-02. ADR / Harness 회고

- **상태:** DONE
- **우선순위:** P1

## T9-01. DESIGN / README / TASKS 동기화
"""


def test_a_task_id_closed_by_a_full_stop_is_read_and_keeps_its_real_finding() -> None:
    items = read_items(KOREAN_TASKS, "TASKS.md")
    assert [(item.id, item.title) for item in items] == [
        ("T9-01", "REQUIREMENTS 평가와 최종 비교"),
        ("T9-02", "ADR / Harness 회고"),
        ("T9-01", "DESIGN / README / TASKS 동기화"),
    ]
    assert (items[1].status, items[1].priority) == ("DONE", "P1")
    assert finding_lines(KOREAN_TASKS, "TASKS.md") == ["14:RL102"]


def test_a_numbered_section_or_a_quarter_is_no_item() -> None:
    text = "# Plan\n\n## 1. Goals\n\nText.\n\n## Q3. Hiring\n\nText.\n\n## V2. Design\n\nText.\n"
    assert read_items(text, "PLAN.md") == ()
