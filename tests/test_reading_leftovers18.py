"""The classes the eighteenth leftovers pass (ROADMAP CORE-215) reads: what the
thirty-ninth and fortieth held-out sets left read silently wrong (CORE-206, CORE-208),
each in a small document read as a person reads it, and beside each new reading a
document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

# A Korean TODO whose last section keeps what it will consider later: ideas, not work.
KOREAN_TODO = """\
# 앱 TODO

## 📋 다음 단계

### 로그인 개선
- [x] 세션 만료 처리
- [ ] 비밀번호 재설정 메일

## 🔮 향후 검토 항목

### 인프라
- [ ] 캐시 서버 도입 검토
- [ ] 로그 수집 자동화
"""

# A Korean README that names what it will review later in prose: no plan.
KOREAN_README = """\
# 위젯 라이브러리

위젯을 그리는 작은 라이브러리입니다.

## 설치

`pip install widget` 로 설치합니다.

## 향후 검토 항목

성능과 접근성은 사용자 의견을 모아 다음 릴리스에서 검토합니다.
"""


def test_a_korean_section_of_what_to_consider_later_holds_ideas() -> None:
    items = {item.title: item.status for item in read_items(KOREAN_TODO)}
    assert items == {
        "세션 만료 처리": "done",
        "비밀번호 재설정 메일": "[ ]",
        "캐시 서버 도입 검토": "idea",
        "로그 수집 자동화": "idea",
    }
    assert finding_lines(KOREAN_TODO, "TODO.md") == []


def test_a_korean_readme_naming_a_later_review_in_prose_is_no_plan() -> None:
    assert read_items(KOREAN_README, "README.md") == ()
    assert finding_lines(KOREAN_README, "README.md") == []


# A library roadmap whose backlog table says when each row is aimed at in a Target column
# of horizons alone, beside its status tables.
TARGET_BACKLOG = """\
# Widget Roadmap

## v1.0 ✅

| Feature | Status |
| ------- | ------ |
| Parser | ✅ Done |
| Printer | 🔄 In Progress |

## Backlog (Unscheduled)

| Feature | Notes | Target |
| ------- | ----- | ------ |
| Plugin API | Community-driven | Future |
| Themes | As demand dictates | Future |
"""

# A roadmap's table of features and the version each came in, beside its status table:
# the versions say no state, and its rows are no items.
TARGET_VERSIONS = """\
# Widget Roadmap

## v1.0 ✅

| Feature | Status |
| ------- | ------ |
| Parser | ✅ Done |
| Printer | 🔄 In Progress |

## Features by version

| Feature | Notes | Target |
| ------- | ----- | ------ |
| Plugin API | Loads plugins from a folder | v1.2 |
| Themes | Light and dark | v1.3 |
"""


def test_a_target_column_of_horizons_gives_a_backlog_table_its_status() -> None:
    items = {item.title: item for item in read_items(TARGET_BACKLOG)}
    assert items["Plugin API"].status == "Future"
    assert items["Themes"].status == "Future"
    assert items["Parser"].status == "✅ Done"
    assert finding_lines(TARGET_BACKLOG, "ROADMAP.md") == []


def test_a_target_column_of_versions_reads_no_items() -> None:
    assert [item.title for item in read_items(TARGET_VERSIONS)] == ["Parser", "Printer"]
    assert finding_lines(TARGET_VERSIONS, "ROADMAP.md") == []


# A project state whose milestones are written as the order they run in, beside a table of
# the current milestone's steps named by IDs that extend the milestone's.
MILESTONE_ORDER = """\
# Project State

## Current milestone: M1 — Storage

**M1 status: IN PROGRESS.**

### M1 steps

| Step | Description | Status |
| ---- | ----------- | ------ |
| M1-A | Pick the disk format | PASS |
| M1-B | Write the allocator | PASS |

## Milestone order

1. M0 — Bootable image
2. M1 — Storage
3. M2 — Networking
"""

# A design note that lists another project's milestones in order, no plan of its own.
MILESTONE_ORDER_ELSEWHERE = """\
# Notes on the upstream kernel

The upstream project ships in stages.

## Milestone order

1. K1 — Scheduler rewrite
2. K2 — New allocator
3. K3 — Real-time patches
"""


def test_an_order_of_milestones_beside_their_steps_reads_each_milestone() -> None:
    items = {item.id: (item.title, item.status) for item in read_items(MILESTONE_ORDER)}
    assert items["M0"] == ("Bootable image", None)
    assert items["M1"] == ("Storage", "IN PROGRESS")
    assert items["M2"] == ("Networking", None)
    assert items["M1-A"] == ("Pick the disk format", "PASS")
    assert finding_lines(MILESTONE_ORDER, "project-state.md") == []


def test_an_order_of_milestones_with_no_steps_of_the_plan_is_no_plan() -> None:
    assert read_items(MILESTONE_ORDER_ELSEWHERE, "NOTES.md") == ()
    assert finding_lines(MILESTONE_ORDER_ELSEWHERE, "NOTES.md") == []
