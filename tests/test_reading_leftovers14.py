"""The classes earlier held-out rounds left unread (ROADMAP CORE-174, CORE-166, CORE-168,
CORE-172), read by class a fourteenth time (CORE-177): each in a small document read as a
person reads it, with no finding that is no defect, and beside each new reading a document
that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.settings import common_meaning

STATUS_REPORT_TABLE = """\
# Billing Portal - Project Status

## Testing Status

| Component | Status | Notes |
|-----------|--------|-------|
| Invoice list | ✅ Working | Loads in 200 ms |
| PDF export | ⚠️ Partial | No page numbers |
| Refunds | ✅ Ready | Needs the bank's keys |
| Card vault | ❌ Broken | Token expires early |
"""


def test_a_status_reports_table_of_components_by_their_marked_state_is_its_items() -> None:
    # no ID and no title column: the first column names the things the report tells the
    # state of, each Status cell a mark before words; ``✅ Working`` says it works
    read = [(i.title, i.status, common_meaning(i.status)) for i in read_items(STATUS_REPORT_TABLE)]
    assert read == [
        ("Invoice list", "✅ Working", "done"),
        ("PDF export", "⚠️ Partial", "in_progress"),
        ("Refunds", "✅ Ready", "ready"),
        ("Card vault", "❌ Broken", common_meaning("❌ Broken")),
    ]
    assert finding_lines(STATUS_REPORT_TABLE) == []


FEATURE_STATUS_REPORT = """\
# Feature status

| Feature | Status | Notes |
|---------|--------|-------|
| Offline sync | ✅ Working | |
| Share sheet | ✅ Responding | Mock data |
| Dark mode | ⚠️ Not Tested | |
"""


def test_a_feature_table_in_a_status_report_reads_marks_before_any_words() -> None:
    # ``✅ Responding``, ``⚠️ Not Tested``: words no common status spells, but the report
    # marks each row's state, as a README's support matrix does not
    read = [(i.title, i.status) for i in read_items(FEATURE_STATUS_REPORT)]
    assert read == [
        ("Offline sync", "✅ Working"),
        ("Share sheet", "✅ Responding"),
        ("Dark mode", "⚠️ Not Tested"),
    ]


MODULE_STATUS_OF_MARKS = """\
# Status

| Module | Status |
|--------|--------|
| Parser | ✅ |
| Printer | 🚧 |
| Linter | ✅ |
"""


def test_a_status_files_modules_marked_by_a_mark_alone_are_its_items() -> None:
    read = [(i.title, common_meaning(i.status)) for i in read_items(MODULE_STATUS_OF_MARKS)]
    assert read == [("Parser", "done"), ("Printer", "in_progress"), ("Linter", "done")]


README_SUPPORT_MATRIX = """\
# fastgrid

A grid widget for the web.

## Browser support

| Feature | Status | Notes |
|---------|--------|-------|
| Chrome | ✅ Supported | 90+ |
| Firefox | ✅ Working | 88+ |
| Safari | ⚠️ Partial | no drag |
"""


def test_a_readmes_support_matrix_of_marked_features_is_no_plan() -> None:
    # the same table under a README's title: what the program supports, no work
    assert read_items(README_SUPPORT_MATRIX) == ()
    assert finding_lines(README_SUPPORT_MATRIX) == []


def test_a_check_before_working_says_the_thing_works() -> None:
    assert common_meaning("✅ Working") == "done"
    assert common_meaning("✔️ Working") == "done"
    assert common_meaning("Working") == "in_progress"  # a backlog's WORKING: under way
    assert common_meaning("🔄 Working") == "in_progress"
    assert common_meaning("Needs Implementation") == "ready"


STATUS_FILE_OF_BULLETS = """\
# Implementation status

## Implemented in code
- Login with a magic link
- Invoice list with filters

## Still worth testing on devices
- Camera upload on a real phone
- Dark mode on every screen

## Known limitation
- The APK was not built here.

## Best next checks
1. Run on Android 10.
2. Export a backup and import it.
"""


def test_a_status_files_bullets_under_states_and_work_to_come_are_its_items() -> None:
    # done under a heading that opens with what is done; no state under one that names the
    # work still to come; a limitation is no work
    read = [(i.title, common_meaning(i.status)) for i in read_items(STATUS_FILE_OF_BULLETS)]
    assert read == [
        ("Login with a magic link", "done"),
        ("Invoice list with filters", "done"),
        ("Camera upload on a real phone", None),
        ("Dark mode on every screen", None),
        ("Run on Android 10.", None),
        ("Export a backup and import it.", None),
    ]
    assert finding_lines(STATUS_FILE_OF_BULLETS) == []


PROJECT_STATUS_REPORT = """\
# Acme Shop - Project Status

## What Was Fixed

### ✅ Issue #1: Hardcoded URLs
**Fixed:** Relative paths everywhere

### ✅ Issue #2: Missing API Endpoints
**Fixed:** Added the order routes

## Current State

### ✅ Working:
- Server starts without errors
- Homepage loads

### 🚧 Needs Implementation:
- Real database queries
- Input validation
"""


def test_a_status_reports_ticked_fixes_and_work_still_to_build_are_its_items() -> None:
    # what works is the product's state, no work; what needs building is ready
    read = [(i.title, common_meaning(i.status)) for i in read_items(PROJECT_STATUS_REPORT)]
    assert read == [
        ("Hardcoded URLs", "done"),
        ("Missing API Endpoints", "done"),
        ("Real database queries", "ready"),
        ("Input validation", "ready"),
    ]
    assert finding_lines(PROJECT_STATUS_REPORT) == []


README_OF_LISTS = """\
# tinyhttp

A small HTTP server.

## Implemented
- Routing
- Middleware

## Next steps
1. Read the guide.
2. Write your first handler.

### ✅ Issue #1: Windows paths
Use forward slashes.

### ✅ Issue #2: Proxies
Set HTTP_PROXY.
"""


def test_a_readmes_lists_under_the_same_headings_are_no_plan() -> None:
    # the same headings in a document that reports no status: a README's features, its
    # getting-started steps and its troubleshooting answers
    assert read_items(README_OF_LISTS) == ()
    assert finding_lines(README_OF_LISTS) == []


STATUS_REPORT_WITHOUT_WORK = """\
# Project status

## What works
- Sign-in
- Search

## Known limitations
- No offline mode
"""


def test_a_status_report_of_what_works_and_its_limits_lists_no_work() -> None:
    assert read_items(STATUS_REPORT_WITHOUT_WORK) == ()
    assert finding_lines(STATUS_REPORT_WITHOUT_WORK) == []


BOX_PLAN_WITH_BOLD_TASKS = """\
# 开发计划

## 开发阶段

### 第一阶段：基础架构（1周）

#### 后端开发
1. **项目初始化**
   - 搭建项目结构
   - 配置数据库连接

2. **数据库设计**
   - 设计数据表结构

### 第二阶段：用户认证（1周）

#### 接口开发
- [x] 用户注册
- [ ] 用户登录
"""


def test_a_stages_numbered_bold_tasks_over_their_steps_beside_boxes_are_items() -> None:
    # the stage's tasks written before they were broken into boxes: each named by its
    # title, no status written; the steps under each are its own
    read = [(i.title, common_meaning(i.status)) for i in read_items(BOX_PLAN_WITH_BOLD_TASKS)]
    assert read == [
        ("项目初始化", None),
        ("数据库设计", None),
        ("用户注册", "done"),
        ("用户登录", "ready"),
    ]
    assert finding_lines(BOX_PLAN_WITH_BOLD_TASKS) == []


README_WITH_BOLD_STEPS = """\
# tinyapp

## Features
- [x] Login
- [ ] Export

## Installation
1. **Prerequisites**
   - Node 20
   - pnpm

2. **Configuration**
   - Copy the sample file
"""


def test_a_readmes_numbered_bold_steps_beside_its_boxes_are_no_items() -> None:
    # the same list under no stage of a plan: how to install, no work
    read = [i.title for i in read_items(README_WITH_BOLD_STEPS)]
    assert read == ["Login", "Export"]


SPANISH_ROADMAP_OF_MARKED_FEATURES = """\
# Roadmap del Proyecto

## Fases del Proyecto

### 🔄 Fundación

#### Features:

- ✅ **Arquitectura base** (🟡 high) - 8h
- 🔄 **Sistema de autenticación** (🟡 high) - 16h
- ⏳ **CRUD de tareas** (🟢 medium) - 12h
"""


def test_marks_of_state_before_bold_titles_are_the_features_statuses() -> None:
    # ``✅``, ``🔄`` and ``⏳`` before a bold title: the feature's state, no part of its title
    read = [(i.title, i.status) for i in read_items(SPANISH_ROADMAP_OF_MARKED_FEATURES)]
    assert read == [
        ("Arquitectura base", "✅"),
        ("Sistema de autenticación", "🔄"),
        ("CRUD de tareas", "⏳"),
    ]
    assert finding_lines(SPANISH_ROADMAP_OF_MARKED_FEATURES) == []


LEGEND_OF_MARKED_STATES = """\
# Guía de pruebas

## Leyenda

- ✅ **Hecho**: la prueba pasa
- 🚧 **WIP**: la prueba existe pero falla
- ⏳ **Pending**: no hay prueba
"""


def test_a_legend_of_marks_before_bold_status_words_is_no_plan() -> None:
    assert read_items(LEGEND_OF_MARKED_STATES) == ()
    assert finding_lines(LEGEND_OF_MARKED_STATES) == []
