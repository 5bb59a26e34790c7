"""Writes the third write gate's leftovers pass (ROADMAP SAFE-82) made or refused: each
edit's bytes exact, each refusal one line, exit 2, the file untouched."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest
from conftest import cli

from roadmaplint.generate.fix import fix_text
from roadmaplint.reader import parse
from roadmaplint.settings import Settings
from roadmaplint.write.proof import Targets, prove_edit

if TYPE_CHECKING:
    from pathlib import Path

# A dependency named by the title of an item above the graph: the proof's shortcut read
# the rest alone, where the title names nothing, and refused the regenerated graph.
TITLED = """\
# Roadmap

---

# Section 0

## [WEB-1] Login page

- **Status:** ready

# Dependency Graph

---

# Section 1

## [WEB-2] Profile page

- **Status:** ready
- **Depends on:** Login page
"""

GRAPH = """\
# Dependency Graph

```mermaid
flowchart LR
  subgraph s0["Section 0"]
    WEB_1["WEB-1: Login page"]
  end
  subgraph s1["Section 1"]
    WEB_2["WEB-2: Profile page"]
  end
  WEB_1 --> WEB_2
  classDef ready fill:#d0ebff,stroke:#1864ab
  class WEB_1,WEB_2 ready
```
"""


def test_fix_draws_a_dependency_named_by_a_title_above_the_graph() -> None:
    result = fix_text(TITLED)
    assert result.refused is None
    assert result.text == TITLED.replace("# Dependency Graph\n", GRAPH)


# The same ID written above the graph and below it, under a setext heading naming it again:
# the whole reads the setext line as restating the first, the rest alone the last.
REPEATED = """\
# Roadmap

---

# Section 0

## [WEB-1] Login

## [WEB-1] Login

## [WEB-2] Logout

# Dependency Graph

---

# Section 1

## [WEB-1] Login

WEB-1 — Login
-------------
"""


def test_the_proof_reads_an_item_restated_below_its_split_as_the_whole_does() -> None:
    before = parse(REPEATED)
    result = fix_text(REPEATED)
    assert result.changed
    targets = Targets(generated=True)
    proved = prove_edit(before, result.text, targets, Settings(), result.edits)
    assert proved.items == parse(result.text).items


# A heading whose priority is the note closing it, over the boxes that give its status: a
# Priority field under it would split the heading from its boxes.
NOTED = """\
# Delivery plan

## Phase 3: Networking

#### Task 3.1: Socket Layer (Priority: medium)

- [x] Open the listener
- [ ] Close idle sockets

#### Task 3.2: Network Validation (High Priority)

- [ ] Check the certificates
- [ ] Retry on timeout
"""


@pytest.mark.parametrize(
    ("item", "value", "before", "after"),
    [
        ("Task 3.2", "low", "(High Priority)", "(Low Priority)"),
        ("Task 3.1", "High", "(Priority: medium)", "(Priority: high)"),
    ],
)
def test_set_priority_rewrites_the_note_closing_a_heading(
    tmp_path: Path, item: str, value: str, before: str, after: str
) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(NOTED.encode())
    done = cli("set", item, "--priority", value, str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_bytes() == NOTED.replace(before, after).encode()


def test_a_priority_the_note_cannot_say_is_refused(tmp_path: Path) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(NOTED.encode())
    done = cli("set", "Task 3.2", "--priority", "P0", str(plan), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "the note closing its heading (High Priority)" in done.stderr
    assert plan.read_bytes() == NOTED.encode()


# A phase's tasks as a numbered list of bold names, each saying its state after a dash.
PHASE = """\
# Mobile app plan

## Phase 1: Foundations

1. **Login screen** — done.
2. **Offline cache** — in progress. Needs a schema first.
3. **Push notifications** — **open, tracked as #12.**

## Phase 2: Polish

1. **Dark theme** — not started.
2. **Tablet layout** — not started.
"""


@pytest.mark.parametrize(
    ("item", "args", "before", "after"),
    [
        (
            "offline-cache",
            ("--status", "done"),
            "**Offline cache** — in progress.",
            "**Offline cache** — done.",
        ),
        (
            "push-notifications",
            ("--status", "blocked"),
            "**open, tracked as #12.**",
            "**blocked**",
        ),
        ("offline-cache", ("--title", "Local cache"), "**Offline cache**", "**Local cache**"),
    ],
)
def test_a_phase_task_is_written_in_its_entry(
    tmp_path: Path, item: str, args: tuple[str, str], before: str, after: str
) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(PHASE.encode())
    done = cli("set", item, *args, str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_bytes() == PHASE.replace(before, after).encode()


@pytest.mark.parametrize(
    "args",
    [("--priority", "P1"), ("--status", "waiting on the design review"), ("--title", "A **b**")],
)
def test_what_a_phase_task_cannot_say_is_refused(tmp_path: Path, args: tuple[str, str]) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(PHASE.encode())
    done = cli("set", "offline-cache", *args, str(plan), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert plan.read_bytes() == PHASE.encode()


# A generated roadmap's milestones: headings named by their titles (a mark and words),
# closing with their status in capitals.
MILESTONES = """\
# Roadmap

## Milestones

### ✅ v1.0 MVP (COMPLETED)

- Editor
- Sync

### 📋 Final delivery (PLANNED)

- Offline mode
- Export to PDF
"""


@pytest.mark.parametrize(
    ("args", "before", "after"),
    [
        (
            ("set", "final-delivery", "--title", "Last delivery"),
            "### 📋 Final delivery (PLANNED)",
            "### Last delivery (PLANNED)",
        ),
        (
            ("rename", "final-delivery", "FINAL-1"),
            "### 📋 Final delivery (PLANNED)",
            "### [FINAL-1] 📋 Final delivery (PLANNED)",
        ),
        (
            ("set", "v1-0-mvp", "--status", "in progress"),
            "### ✅ v1.0 MVP (COMPLETED)",
            "### ✅ v1.0 MVP (IN PROGRESS)",
        ),
    ],
)
def test_a_generated_milestone_is_retitled_renamed_and_set(
    tmp_path: Path, args: tuple[str, ...], before: str, after: str
) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(MILESTONES.encode())
    done = cli(*args, str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_bytes() == MILESTONES.replace(before, after).encode()


def test_an_id_a_milestone_heading_cannot_read_is_refused(tmp_path: Path) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(MILESTONES.encode())
    done = cli("rename", "final-delivery", "FINAL1", str(plan), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "reads as one with a dash" in done.stderr
    assert plan.read_bytes() == MILESTONES.encode()


@pytest.mark.parametrize(
    ("item", "new", "before", "after"),
    [
        ("offline-cache", "CACHE-1", "**Offline cache**", "**[CACHE-1] Offline cache**"),
        ("login-screen", "AUTH-1", "**Login screen**", "**[AUTH-1] Login screen**"),
    ],
)
def test_a_phase_task_is_renamed_by_an_id_before_its_name(
    tmp_path: Path, item: str, new: str, before: str, after: str
) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(PHASE.encode())
    done = cli("rename", item, new, str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_bytes() == PHASE.replace(before, after).encode()
    again = cli("rename", new, "CACHE-9", str(plan), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert plan.read_bytes() == PHASE.replace(before, after.replace(new, "CACHE-9")).encode()


# A numbered series whose headings close with a check and the day: a task set done is
# closed so too, where a Status line was written under it beside the series' marks.
SERIES = """\
# Ops plan

### 1. Backups ✅ (2024-04-02)

Nightly snapshots.

### 2. Alerts

Pager rules.
"""


@pytest.mark.parametrize("dated", [True, False])
def test_set_done_writes_the_series_closing_mark(tmp_path: Path, dated: bool) -> None:
    text = SERIES if dated else SERIES.replace(" (2024-04-02)", "")
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(text.encode())
    done = cli("set", "2", "--status", "done", str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    mark = f"✅ ({date.today().isoformat()})" if dated else "✅"
    assert plan.read_bytes() == text.replace("### 2. Alerts", f"### 2. Alerts {mark}").encode()


def test_another_status_in_a_marked_series_is_a_field(tmp_path: Path) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(SERIES.encode())
    done = cli("set", "2", "--status", "blocked", str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    written = SERIES.replace("Alerts\n\n", "Alerts\n\n- **Status:** blocked\n\n")
    assert plan.read_bytes() == written.encode()


# A ranked backlog whose bands number their rows from 1 again: the later band's rows are
# named by their titles, and a new one takes the next rank, where it took an ID made from
# another row's title in the # cell and the gate refused it.
RANKED = """\
# Ranked backlog

## Now

| # | Item | Status |
| --- | --- | --- |
| 1 | Retry failed payments | in progress |
| 2 | Show the invoice total | todo |

## Next

| # | Item | Status |
| --- | --- | --- |
| 1 | Dark theme | todo |
| 2 | Tablet layout | todo |
"""


def test_new_in_a_ranked_band_takes_the_next_rank(tmp_path: Path) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(RANKED.encode())
    done = cli("new", "Next", "Home widget", str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Added home-widget to Next" in done.stdout
    row = "| 2 | Tablet layout | todo |\n"
    assert plan.read_bytes() == RANKED.replace(row, row + "| 3 | Home widget | todo |\n").encode()


def test_an_id_for_a_ranked_band_is_refused(tmp_path: Path) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(RANKED.encode())
    done = cli("new", "Next", "Home widget", "--id", "WID-1", str(plan), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "ranks its rows in its # column" in done.stderr
    assert plan.read_bytes() == RANKED.encode()


NOTED_BOXES = """\
# Import plan

- [x] BX-1 Schema
- [ ] BX-2 Import - depends on BX-1
"""


@pytest.mark.parametrize(
    ("args", "before", "after"),
    [
        (
            ("set", "BX-2", "--title", "Bulk import"),
            "BX-2 Import - depends",
            "BX-2 Bulk import - depends",
        ),
        (("set", "BX-2", "--status", "done"), "- [ ] BX-2", "- [x] BX-2"),
        (
            ("rename", "BX-1", "BX-9"),
            "BX-1 Schema\n- [ ] BX-2 Import - depends on BX-1",
            "BX-9 Schema\n- [ ] BX-2 Import - depends on BX-9",
        ),
    ],
)
def test_a_box_with_a_closing_dependency_note_is_written_around_it(
    tmp_path: Path, args: tuple[str, ...], before: str, after: str
) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(NOTED_BOXES.encode())
    done = cli(*args, str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_bytes() == NOTED_BOXES.replace(before, after).encode()
