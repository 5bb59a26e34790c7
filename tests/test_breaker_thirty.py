"""Break pass 30 (ROADMAP SAFE-77): documents people write that the readings and the write
gate's paths merged since the twenty-ninth pass misjudged, each fixed by its class; beside
each, the nearest document that still reads as before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conftest import cli, finding_lines, read_items

if TYPE_CHECKING:
    from pathlib import Path

# A backlog ranked by its headings whose bands each number their rows from 1: the numbers
# count the rows of their table, no IDs. Each row is an item, where the second band's
# rows were merged into the first band's of the same number and lost.
RESTARTED = """\
# Backlog

## 🔴 High Priority

| # | Task | Description |
|---|------|-------------|
| 1 | Fix login | Users get logged out |
| 2 | Speed up search | Takes 4 s |

## 🟡 Low Priority

| # | Task | Description |
|---|------|-------------|
| 1 | Dark mode | Asked by many |
| 2 | Export CSV | For finance |
"""


def test_a_band_that_numbers_its_rows_again_keeps_every_row() -> None:
    read = [(i.id, i.title, i.priority) for i in read_items(RESTARTED, "BACKLOG.md")]
    assert read == [
        ("1", "Fix login", "High"),
        ("2", "Speed up search", "High"),
        ("dark-mode", "Dark mode", "Low"),
        ("export-csv", "Export CSV", "Low"),
    ]
    assert finding_lines(RESTARTED, "BACKLOG.md") == []


def test_tables_under_status_headings_numbered_again_are_no_duplicate_ids() -> None:
    board = RESTARTED.replace("| Description |", "| Status |").replace("|-------------|", "|---|")
    board = board.replace("Users get logged out", "todo").replace("Takes 4 s", "doing")
    board = board.replace("Asked by many", "todo").replace("For finance", "todo")
    assert [i.title for i in read_items(board, "BACKLOG.md")] == [
        "Fix login",
        "Speed up search",
        "Dark mode",
        "Export CSV",
    ]
    assert finding_lines(board, "BACKLOG.md") == []


def test_a_row_listed_again_by_its_number_and_title_is_still_one_item() -> None:
    # a summary table, then the same story in its band's table: one item, as before
    again = RESTARTED.replace("| 1 | Dark mode |", "| 1 | Fix login |")
    again = again.replace("| 2 | Export CSV |", "| 2 | Speed up search |")
    assert [i.id for i in read_items(again, "BACKLOG.md")] == ["1", "2"]


def test_a_row_numbered_again_refuses_an_id_in_one_line(tmp_path: Path) -> None:
    plan = tmp_path / "BACKLOG.md"
    plan.write_text(RESTARTED, encoding="utf-8")
    for args in (("rename", "dark-mode", "UI-1"), ("set", "dark-mode", "--status", "done")):
        refused = cli(*args, str(plan), cwd=tmp_path)
        assert refused.returncode == 2
        assert len(refused.stderr.strip().splitlines()) == 1
    assert plan.read_text(encoding="utf-8") == RESTARTED


# A glossary in Japanese or Chinese whose middle column is a state (``| 用語 | 状態 | 説明
# |``): the terms it explains are no work, and no table of it is told to lack an ID
# column, now 状態 is read as a Status column.
GLOSSARY = """\
# 用語集

| 用語 | 状態 | 説明 |
|------|------|------|
| キャッシュ | 安定 | 一時的な保存領域 |
| ワーカー | 実験的 | バックグラウンド処理 |
"""


def test_a_glossary_in_japanese_or_chinese_gets_no_near_miss() -> None:
    assert read_items(GLOSSARY, "docs/glossary.md") == ()
    assert finding_lines(GLOSSARY, "docs/glossary.md") == []
    chinese = GLOSSARY.replace("用語 |", "术语 |").replace("状態", "状态")
    assert finding_lines(chinese, "docs/glossary.md") == []


def test_a_japanese_table_of_tasks_with_no_title_column_is_still_told() -> None:
    tasks = GLOSSARY.replace("| 用語 |", "| 作業内容 |")
    assert finding_lines(tasks, "docs/tasks.md") == ["1:RL109"]


# A phase whose numbered bold tasks each say their state: the tasks say how far the phase
# is, and it is not told to write a Status of its own; every task is read, the thousandth
# too (a list numbers its entries with up to nine digits).
def _phase(tasks: int) -> str:
    rows = "".join(f"{n + 1}. **Task {n}** — done. Shipped.\n" for n in range(tasks))
    return f"# Plan\n\n## Phase 1 — Core\n\n{rows}"


def test_a_phase_over_its_stated_tasks_needs_no_status_of_its_own() -> None:
    assert len(read_items(_phase(9))) == 10
    assert finding_lines(_phase(9)) == []


def test_a_phase_without_tasks_among_items_that_write_a_status_is_still_told() -> None:
    items = "".join(f"## T-{n}: Task\n\n**Status:** done\n\n" for n in range(9))
    plan = f"# Plan\n\n## Phase 1 — Core\n\nWords.\n\n## Phase 2 — More\n\n{items}"
    assert finding_lines(plan) == ["3:RL103", "7:RL103"]


def test_a_phase_of_a_thousand_tasks_reads_every_one() -> None:
    assert len(read_items(_phase(1001))) == 1002


# A new title for a heading that closes with its status (a mark, a mark and its day,
# closing words): the status stays where it was written, where set --title was refused.
NUMBERED_CLOSED = """\
# Ops plan

### 1. Backups ✅ (2024-04-02)

Nightly snapshots.

### 2. Monitoring
"""
CLOSED_HEADINGS = """\
# Auth plan

## API-1: Login — COMPLETE

## API-2: Logout ✅

## API-3: Refresh
"""


def _retitled(tmp_path: Path, item: str, title: str, text: str = CLOSED_HEADINGS) -> str:
    plan = tmp_path / "PLAN.md"
    plan.write_text(text, encoding="utf-8")
    assert cli("set", item, "--title", title, str(plan), cwd=tmp_path).returncode == 0
    return plan.read_text(encoding="utf-8")


def test_set_title_keeps_a_heading_s_closing_status(tmp_path: Path) -> None:
    edited = _retitled(tmp_path, "1", "Snapshots", NUMBERED_CLOSED)
    assert edited == NUMBERED_CLOSED.replace("Backups ✅", "Snapshots ✅")
    edited = _retitled(tmp_path, "API-1", "Sign in")
    assert edited == CLOSED_HEADINGS.replace("Login — COMPLETE", "Sign in — COMPLETE")
    edited = _retitled(tmp_path, "API-2", "Sign out")
    assert edited == CLOSED_HEADINGS.replace("Logout ✅", "Sign out ✅")


def test_set_title_replaces_a_heading_whose_words_are_all_its_title(tmp_path: Path) -> None:
    edited = _retitled(tmp_path, "API-3", "Renew")
    assert edited == CLOSED_HEADINGS.replace("Refresh", "Renew")
    # a Status field says the state: ``— COMPLETE`` is the title's, and goes with it
    fielded = "# Plan\n\n## API-1: Login — COMPLETE\n\n**Status:** shipped\n"
    plan = tmp_path / "FIELDED.md"
    plan.write_text(fielded, encoding="utf-8")
    assert cli("set", "API-1", "--title", "Sign in", str(plan), cwd=tmp_path).returncode == 0
    assert plan.read_text(encoding="utf-8") == fielded.replace("Login — COMPLETE", "Sign in")


# A queue filed by state that lists its two prefixes first as kinds of work: one of each
# under ``## Implemented`` is no stray, as with three kinds; without that list it still is.
TWO_KINDS = """\
# Queue

Kinds of work:

- `UI-XXX` — interface work
- `API-XXX` — server work

## Implemented

- UI-1 Login page
- API-2 Token refresh

## Planned

- UI-3 Settings page
"""


def test_a_queue_of_two_declared_kinds_has_no_stray() -> None:
    assert finding_lines(TWO_KINDS, "QUEUE.md") == []


def test_a_queue_without_its_kinds_still_reports_the_stray() -> None:
    plain = TWO_KINDS.replace("- `UI-XXX` — interface work\n- `API-XXX` — server work\n", "")
    assert finding_lines(plain, "QUEUE.md") == ["9:RL106"]
    one_kind = TWO_KINDS.replace("- `API-XXX` — server work\n", "")
    assert finding_lines(one_kind, "QUEUE.md") == ["10:RL106"]
