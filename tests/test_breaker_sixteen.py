"""The sixteenth break pass: documents that are no plans, written as people write them,
and plans of the shapes the last rounds taught the reader, read with no configuration.
An RFC whose every section heading repeats the RFC's own ID (``## RFC-01. Motivation``)
read each section as an item and gave RL102 on the second; a track's slices named by a
lower-case key (``### brc-01 — Title``) over the usual field bullets read no items."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cli, finding_lines, read_items

RFCS = {
    "full-stop": "# RFC-01: Plugin API\n\n## RFC-01. Motivation\n\nWe need plugins.\n\n"
    "## RFC-01. Design\n\nHooks.\n",
    "dash": "# RFC-07: Caching\n\n## RFC-07 — Summary\n\nCache it.\n\n"
    "## RFC-07 — Alternatives\n\nNone.\n",
    "three-without-title": "# Plugin API\n\n## RFC-3: Motivation\n\nWhy.\n\n"
    "## RFC-3: Design\n\nHow.\n\n## RFC-3: Rollout\n\nWhen.\n",
}


@pytest.mark.parametrize("text", RFCS.values(), ids=RFCS)
def test_an_rfcs_sections_under_its_own_id_are_no_items(text: str) -> None:
    assert read_items(text, "rfc.md") == ()
    assert finding_lines(text, "rfc.md") in ([], ["1:RL109"])


def test_two_items_written_twice_by_mistake_are_still_a_duplicate() -> None:
    # a plan's copy of one item among others stays the defect RL102 names
    plan = "# Roadmap\n\n## API-1 — Login\n\nStatus: done\n\n## API-2 — Logout\n\n"
    plan += "Status: todo\n\n## API-2 — Logout again\n\nStatus: todo\n"
    assert "11:RL102" in finding_lines(plan, "ROADMAP.md")
    twice = "# Roadmap\n\n## API-2 — Logout\n\nStatus: todo\n\n## API-2 — Logout\n\nStatus: done\n"
    assert finding_lines(twice, "ROADMAP.md") == ["7:RL102"]


KEYED_BULLETS = """\
# Slices

## brc-01 — Login

- **Status:** done

## brc-02 — Logout

- **Status:** todo
- **Owner:** ana
"""


def test_keyed_slices_over_field_bullets_are_read_as_over_field_lines() -> None:
    # ``**Status:** done`` read them; ``- **Status:** done`` gave RL109 and no items
    read = [(i.id, i.title, i.status, i.dri) for i in read_items(KEYED_BULLETS, "plan.md")]
    assert read == [("brc-01", "Login", "done", None), ("brc-02", "Logout", "todo", "ana")]
    assert finding_lines(KEYED_BULLETS, "plan.md") == []


def test_a_design_docs_options_over_field_bullets_stay_no_items() -> None:
    text = "# Design\n\n### Option A\n\n- **Status:** rejected\n\n### Option B\n\n"
    text += "- **Status:** chosen\n"
    assert read_items(text, "design.md") == ()


@pytest.mark.parametrize("field", ["**Depends on:** brc-01", "- **Depends on:** brc-01"])
def test_a_slice_waits_for_the_slice_its_key_names(field: str) -> None:
    # ``Depends on: brc-01`` was something outside the plan, though brc-01 is a slice
    bullet = "- " if field[0] == "-" else ""
    plan = f"# Slices\n\n## brc-01 — Login\n\n{bullet}**Status:** in progress\n\n"
    plan += f"## brc-02 — Logout\n\n{bullet}**Status:** todo\n{field}\n"
    read = {item.id: (item.depends_on, item.external_deps) for item in read_items(plan)}
    assert read == {"brc-01": ((), ()), "brc-02": (("brc-01",), ())}


SEQUENCED = """\
# Roadmap

Sequencing: 1 → (2 ∥ 3) → 4

## 1. Schema

Status: done

## 2. API

Status: in progress

## 3. UI

Status: planned

## 4. Launch

Status: planned
"""


def test_removing_a_dependency_a_sequencing_line_gives_names_where_it_is(
    tmp_path: Path,
) -> None:
    # 3 reads as depending on 1 (the sequencing line), and set said "it depends on: nothing"
    assert [i.depends_on for i in read_items(SEQUENCED, "ROADMAP.md")][2] == ("1",)
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(SEQUENCED.encode())
    done = cli("set", "3", "--remove-dep", "1", str(plan), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "depends on: nothing" not in done.stderr
    assert "ROADMAP.md:13:" in done.stderr and "through a range or another line" in done.stderr
    assert plan.read_bytes() == SEQUENCED.encode()


MEETINGS = """\
# Team meeting notes

## 2026-03-02

**Attendees:** Ana, Bob
**Status:** on track

- Discussed the launch.

## 2026-03-09

**Attendees:** Ana, Carol
**Status:** at risk

- Vendor late.
"""


@pytest.mark.parametrize("label", ["Attendees", "Participants", "Present"])
def test_a_meetings_minutes_with_a_status_line_are_no_items(label: str) -> None:
    # each day's minutes read as an item named by its day, its status the mood of the week
    text = MEETINGS.replace("Attendees", label)
    assert read_items(text, "notes.md") == ()
    assert finding_lines(text, "notes.md") in ([], ["1:RL109"])


OPTIONS = """\
# Design: caching

## Options

### Option A: Redis

**Status:** rejected

Too heavy.

### Option B: in-process LRU

**Status:** chosen
"""
ENDPOINTS = """\
# API reference

## GET /users

**Status:** stable

Lists users.

## POST /users

**Status:** beta
"""


@pytest.mark.parametrize("text", [OPTIONS, ENDPOINTS], ids=["options", "endpoints"])
def test_a_design_docs_options_and_an_apis_endpoints_are_no_items(text: str) -> None:
    # each read as an item named by its title, its status the choice or the API's maturity
    assert read_items(text, "doc.md") == ()
    assert finding_lines(text, "doc.md") in ([], ["1:RL109"])


def test_work_headed_by_its_status_line_is_still_read() -> None:
    plan = "# Backlog\n\n## Optional export\n\n**Status:** todo\n\n## Getter cache\n\n"
    plan += "**Status:** done\n"
    assert [i.title for i in read_items(plan, "BACKLOG.md")] == ["Optional export", "Getter cache"]


def test_list_filters_a_plan_without_a_legend_by_the_statuses_it_shows(tmp_path: Path) -> None:
    # a checklist has no legend, and ``--status done`` was "not in the legend; allowed: none"
    plan = tmp_path / "ROADMAP.md"
    plan.write_text("# Roadmap\n\n## Billing\n\n- [ ] Send the deck\n- [x] Book room\n")
    done = cli("list", "--status", "done", str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Book room" in done.stdout and "Send the deck" not in done.stdout
    typo = cli("list", "--status", "dnoe", str(plan), cwd=tmp_path)
    assert typo.returncode == 2 and typo.stderr.count("\n") == 1


KOREAN = """\
# 로드맵

## KO-1 — 로그인

- **상태:** 완료
- **담당:** 민수

## KO-2 — 로그아웃

- **상태:** 진행 중
- **담당자:** TBD
- **의존성:** KO-1
"""


def test_a_korean_plans_owner_and_dependencies_are_read_as_its_status_is() -> None:
    # ``상태`` was the Status, and ``담당`` beside it no owner: set --dri added a DRI field
    read = [(i.id, i.status, i.dri, i.depends_on) for i in read_items(KOREAN, "ROADMAP.md")]
    # ``담당자: TBD`` is read as written: which words mean nobody is the no-dri setting's
    assert read == [("KO-1", "완료", "민수", ()), ("KO-2", "진행 중", "TBD", ("KO-1",))]


def test_setting_a_korean_owner_writes_its_own_field(tmp_path: Path) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(KOREAN.encode())
    done = cli("set", "KO-2", "--dri", "지영", str(plan), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_bytes() == KOREAN.replace("**담당자:** TBD", "**담당자:** 지영").encode()
