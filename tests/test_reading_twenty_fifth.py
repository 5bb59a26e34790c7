"""The classes of plan file the twenty-fifth held-out set of the corpus (tests/corpus: plans
agents and spec-driven tools keep, five of them not in English, numbered 68 and 69 in
headings/, 46 in tables/, 47 and 48 in phases/, 153-155 in checkboxes/, and the
ClaasFil-Kilter_board task folder) showed read wrong, each in a small document: read as a
person reads it, with no finding that is no defect; and beside each new reading a
document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.edit.base import FieldChange, ItemEdit
from roadmaplint.edit.item import edit_item
from roadmaplint.reader import parse
from roadmaplint.settings import Settings

SPRINT_TASKS = """\
# Suivi des tâches

| ID | Description | Dépendances | Avancement | chiffrage (j/h) | Développeur(s) |
|:--:|:------------|:----------:|:-------------:|:---------------:|:--------------|
| __T3_Ed__ | Définition du fichier "backlog.ejs" | | DONE | 0.5 | Gauthier L., Manon P. |
| __T3_GEN__ | Différencier visiteurs et développeurs | | TO DO | 0.5 | |
| __T3_17ex__ | Test de validation de l'US #17 | | TO DO | 0.5 | . |
"""


def test_a_sprint_table_names_its_status_and_owner_columns_in_french() -> None:
    # ``Avancement`` (how far) is the status and ``Développeur(s)`` the owner: the rows read
    # with no owner and the ``TO DO`` ones with no status, ``All checks passed`` (M2_CDP)
    read = [(i.id, i.status, i.dri) for i in read_items(SPRINT_TASKS)]
    assert read == [
        ("T3_Ed", "DONE", "Gauthier L., Manon P."),
        ("T3_GEN", "TO DO", None),
        ("T3_17ex", "TO DO", None),  # a full stop in the owner's cell names no one
    ]
    assert finding_lines(SPRINT_TASKS) == []


def test_a_table_of_libraries_and_their_developers_is_no_plan() -> None:
    credits = """\
# Crédits

| Bibliothèque | Développeur(s) | Licence |
|---|---|---|
| marked | Christopher Jeffrey | MIT |
| express | TJ Holowaychuk | MIT |
"""
    assert read_items(credits) == ()
    assert finding_lines(credits) == []


AGENT_QUEUE = """\
# TASK QUEUE - FINAL PUSH

## 🎨 PHASE 1: AESTHETIC UPGRADES - ✅ COMPLETE

**Status:** 🟢 DELIVERED - dark theme implemented

## ⚡ PHASE 3: OPTIMIZATION SPRINT

---

## ##TASK 8 - Redis Caching Implementation

**Agent Type:** 🔧 3KPRO - Backend Performance Engineer
**Status:** 🔴 NOT STARTED

> You are assigned **PHASE 3 TASK 8: Redis Caching Implementation**

## ##TASK 9 - Analytics Integration

**Agent Type:** 📊 3KPRO - Backend Performance Engineer
**Status:** 🔴 NOT STARTED

Completed:
## ##TASK 1 - Dark Theme Implementation - COMPLETED ✅
## ##TASK 2 - Component Polish - COMPLETED ✅
"""


def test_an_agent_queue_of_tasks_written_with_their_heading_marks_twice() -> None:
    # ``## ##TASK 8 - Title``: read with a slug for an ID and the marks in the title, no
    # owner, and the phases that group the tasks read as tasks (paralegal-agent-crew)
    read = [(i.id, i.title, i.dri) for i in read_items(AGENT_QUEUE)]
    assert read == [
        ("TASK 8", "Redis Caching Implementation", "3KPRO - Backend Performance Engineer"),
        ("TASK 9", "Analytics Integration", "3KPRO - Backend Performance Engineer"),
        ("TASK 1", "Dark Theme Implementation", None),
        ("TASK 2", "Component Polish", None),
    ]
    # ``- COMPLETED ✅``: the word and the mark one status, the title without them
    assert [i.status for i in read_items(AGENT_QUEUE)] == [
        "🔴 NOT STARTED",
        "🔴 NOT STARTED",
        "COMPLETED ✅",
        "COMPLETED ✅",
    ]
    assert finding_lines(AGENT_QUEUE) == []
    reopened = edit_item(
        parse(AGENT_QUEUE, "PLAN.md", Settings()),
        "TASK 1",
        ItemEdit(fields=(FieldChange("Status", "in progress"),)),
        Settings(),
    )
    assert "## ##TASK 1 - Dark Theme Implementation - IN PROGRESS\n" in reopened


def test_a_dash_before_a_done_mark_that_opens_no_status_word_stays_in_the_title() -> None:
    steps = """\
# Release steps

## REL-1: Build - Deploy ✅

Built and deployed.

## REL-2: Announce

**Status:** open
"""
    read = [(i.title, i.status) for i in read_items(steps)]
    assert read == [("Build - Deploy", "✅"), ("Announce", "open")]
    assert finding_lines(steps) == []


def test_headings_written_with_their_marks_twice_are_no_items_without_ids() -> None:
    notes = """\
# Release notes

## ##Highlights

The build is faster.

## ##Known issues

- The installer needs a restart on Windows.
"""
    assert read_items(notes) == ()
    assert finding_lines(notes) == []


SPEC_TASKS = """\
# DEM-008: タイマーベース自動スクロール

## タスク一覧

### 1. 基盤: useAutoSlideshow インターフェース拡張

**カテゴリ:** 基盤
**対象ファイル:** `src/hooks/useAutoSlideshow.ts`

**作業内容:**

- [x] `initialScrollSpeed` を追加
- [x] `DEFAULT_SCROLL_SPEED = 20` 定数を定義

**完了条件:**

- `npm run typecheck` が通る

---

### 2. コア: scrollSpeed 状態管理

**カテゴリ:** コア
**依存:** タスク1

**作業内容:**

- [x] `useState` で `scrollSpeed` 状態を追加
- [ ] `setScrollSpeed` を return オブジェクトに追加

---

### 3. コア: タイマーベース自動遷移ロジック

**依存:** タスク1, タスク2

**作業内容:**

- [ ] タイマー管理用の `useEffect` を追加

## 実装順序

| 順序 | タスク | カテゴリ | 依存 |
|:---|:---|:---|:---|
| 1 | インターフェース拡張 | 基盤 | なし |
| 2 | scrollSpeed 状態管理 | コア | 1 |
| 3 | タイマーベース自動遷移ロジック | コア | 1, 2 |
"""


def test_numbered_task_headings_that_name_what_they_wait_for_are_the_items() -> None:
    # ``### 2. Core: Title`` over ``**依存:** タスク1`` and a work list: the headings were
    # read as sections, their work boxes and the order table's rows as the plan, with
    # ``All checks passed`` (slide-presentation-app, silently wrong)
    read = [(i.id, i.status, i.depends_on) for i in read_items(SPEC_TASKS)]
    assert read == [
        ("1", "done", ()),
        ("2", "in progress", ("1",)),
        ("3", "pending", ("1", "2")),
    ]
    assert read_items(SPEC_TASKS)[1].title == "コア: scrollSpeed 状態管理"
    assert finding_lines(SPEC_TASKS) == []
    english = SPEC_TASKS.replace("**依存:** タスク", "**Depends on:** Task ").replace(
        ", タスク", ", Task "
    )
    assert [(i.id, i.depends_on) for i in read_items(english)] == [
        ("1", ()),
        ("2", ("1",)),
        ("3", ("1", "2")),
    ]
    assert finding_lines(english) == []


def test_numbered_chapters_that_name_no_chapter_they_wait_for_are_no_tasks() -> None:
    guide = """\
# Installing the viewer

### 1. Prerequisites

**Requires:** Python 3.11 or later

Install it from the website.

### 2. Installation

**Depends on:** your platform

Run the installer.

### 3. First run

Open the viewer.
"""
    assert read_items(guide) == ()
    assert finding_lines(guide) == []


def test_a_planning_state_file_with_a_status_in_its_front_matter_is_no_task_file() -> None:
    # ``status: complete`` beside ``milestone:`` and ``progress:``: RL109 took the note's
    # front matter for a Backlog.md task file without an id (the planning STATE.md)
    state = """\
---
gsd_state_version: 1.0
milestone: v1.0
status: complete
progress:
  total_phases: 5
---

# Project State

## Current Position

Phase: 05 (export) — COMPLETE
Status: All 5 phases complete — project at 100%
"""
    assert read_items(state) == ()
    assert finding_lines(state) == []
