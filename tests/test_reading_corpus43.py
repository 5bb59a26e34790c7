"""The classes of plan file the forty-third held-out set of the corpus (tests/corpus: an
OpenSpec change's tasks, a C++ engine's milestones, a game jam's TODO, a Japanese TODO
with a legend of marks, a roadmap by quarters, a list of planned features, an agent's
queue of themes and a French sprint's task table, numbered 366-369 in checkboxes/, 285-286
in headings/ and 276-277 in tables/) showed read wrong, each in a small document: read as
a person reads it, with no finding that is no defect; and beside each new reading a
document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items
from test_corpus import status_class

CHECKED_TODO = """\
# TODO

## Core (required)

### Geometry

- ✅ Vector maths
- Vector tests
- ✅ Wrapping maths

### Docs

- 😀 Write the user guide
- Write the API reference
"""

FEATURE_README = """\
# fastgrid

A grid library for games.

## Features

- ✅ Wrapping coordinates
- ✅ Spatial hashing
- Written in plain TypeScript
"""


def test_a_todo_that_checks_its_finished_bullets_leaves_the_bare_ones_open() -> None:
    # ``- ✅ Title`` is done, a bare bullet beside checked ones is still to do, and another
    # sign leading a bullet (``😀``) is its state as the plan's own marks say; a list under
    # a heading naming the states of the tasks is the plan's glossary, no work
    read = [(i.title, i.status) for i in read_items(CHECKED_TODO, "TODO.md")]
    assert read == [
        ("Vector maths", "✅"),
        ("Vector tests", "open"),
        ("Wrapping maths", "✅"),
        ("Write the user guide", "😀"),
        ("Write the API reference", "open"),
    ]
    assert finding_lines(CHECKED_TODO, "TODO.md") == []


def test_a_readme_checking_its_features_reads_nothing() -> None:
    # a README's features marked ✅ beside a plain one: what it can do, no plan
    assert not read_items(FEATURE_README, "README.md")
    assert finding_lines(FEATURE_README, "README.md") == []


JAPANESE_STATES_TODO = """\
# TODO

## タスクの状態

- （なし）未着手
- ✅ 完了済み
- 🚫 中止

## フェーズ1: 基盤

- ✅ ベクトル演算実装
- ベクトル演算テスト作成
- ✅ 乱数生成実装
"""

JAPANESE_STATES_NOTE = """\
# 開発メモ

## タスクの状態

- ✅ は完了、🚫 は中止を表す
- 印のないものは未着手
"""


def test_a_japanese_todo_keeps_its_task_states_out_of_its_work() -> None:
    # ``## タスクの状態`` (the states of the tasks) over ``- ✅ 完了済み``: the marks the plan
    # uses; the phase's checked bullets are done and the bare one open
    read = [(i.title, status_class(i.status)) for i in read_items(JAPANESE_STATES_TODO, "todo.md")]
    assert read == [
        ("ベクトル演算実装", "done"),
        ("ベクトル演算テスト作成", "ready"),
        ("乱数生成実装", "done"),
    ]
    assert finding_lines(JAPANESE_STATES_TODO, "todo.md") == []


def test_a_note_naming_the_task_states_reads_nothing() -> None:
    assert not read_items(JAPANESE_STATES_NOTE, "notes.md")
    assert finding_lines(JAPANESE_STATES_NOTE, "notes.md") == []


QUARTERS_ROADMAP = """\
# Roadmap

Goals for the next two quarters.

## Q1

- ✅ Publish the first release
- 🚧 Expand the locale tooling
- 📝 Draft the devtools guide

## Q2

- 🚀 Ship the inspector
- 🧠 Explore a memory plugin
"""

WHY_PAGE = """\
# Why gridkit

## Q1 results

We shipped what we promised and more, and the numbers below say how it went.

- ✅ Fast: twice the speed of the old grid
- 🚧 Beta API: stable enough for games
"""


def test_a_roadmap_by_quarters_reads_the_mark_leading_each_bullet() -> None:
    # ``- ✅ Title`` done, ``- 🚧 Title`` under way; a sign that says no state (``📝``,
    # ``🚀``) leaves it unsaid
    read = [(i.title, status_class(i.status)) for i in read_items(QUARTERS_ROADMAP, "roadmap.md")]
    assert read == [
        ("Publish the first release", "done"),
        ("Expand the locale tooling", "in_progress"),
        ("📝 Draft the devtools guide", None),
        ("🚀 Ship the inspector", None),
        ("🧠 Explore a memory plugin", None),
    ]
    assert finding_lines(QUARTERS_ROADMAP, "roadmap.md") == []


def test_a_page_of_results_with_marks_reads_nothing() -> None:
    assert not read_items(WHY_PAGE, "WHY.md")
    assert finding_lines(WHY_PAGE, "WHY.md") == []


FRENCH_SPRINT = """\
| Task N° | Intitulé | US associée | Affectation | Status |
|:--------|:---------|:-----------:|:-----------:|:------:|
| T1 | Créer la classe Membre | 1, 2 | Khadija | Done |
| T2 | Créer le formulaire d'inscription | 1 | Arthur | InProgress |
| T3 | Tester le formulaire de connexion | 2 | All | ToDo |
"""

FRENCH_COURSES = """\
# Programme du semestre

| N° | Intitulé | Crédits |
|----|----------|---------|
| 1 | Algorithmique | 6 |
| 2 | Bases de données | 4 |
"""


def test_a_french_sprint_table_reads_its_tasks_owners_and_states() -> None:
    # ``Task N°`` numbers the rows, ``Intitulé`` words them, ``Affectation`` gives them to
    # someone; ``InProgress`` written as one word is under way
    read = [
        (i.id, i.title, i.dri, status_class(i.status))
        for i in read_items(FRENCH_SPRINT, "Task1.md")
    ]
    assert read == [
        ("T1", "Créer la classe Membre", "Khadija", "done"),
        ("T2", "Créer le formulaire d'inscription", "Arthur", "in_progress"),
        ("T3", "Tester le formulaire de connexion", "All", "ready"),
    ]
    assert finding_lines(FRENCH_SPRINT, "Task1.md") == []


def test_a_french_table_of_courses_reads_nothing() -> None:
    assert not read_items(FRENCH_COURSES, "programme.md")
    assert finding_lines(FRENCH_COURSES, "programme.md") == []


THEME_QUEUE = """\
# Active Tasks

## 優先キュー

| 優先度 | テーマ | 次に達成する状態 |
|---|---|---|
| P0 | 原本保護 | 復旧保護をUnityで確認する |
| P1 | 操作回帰確認 | 詳細パネルを両Sceneで確認する |
"""

THEME_GLOSSARY = """\
# ブログ

| テーマ | 説明 |
|---|---|
| 料理 | 週末の料理の記録 |
| 旅行 | 旅の写真 |
"""


def test_a_queue_of_themes_by_priority_reads_each_theme() -> None:
    # ``| 優先度 | テーマ |``: a theme of work a priority ranks, no state written
    read = [(i.title, i.priority, i.status) for i in read_items(THEME_QUEUE, "TASKS.md")]
    assert read == [("原本保護", "P0", None), ("操作回帰確認", "P1", None)]
    assert finding_lines(THEME_QUEUE, "TASKS.md") == []


def test_a_blog_table_of_themes_reads_nothing() -> None:
    assert not read_items(THEME_GLOSSARY, "README.md")
    assert finding_lines(THEME_GLOSSARY, "README.md") == []


MILESTONES_OF_BOXES = """\
# Engine Roadmap

## Milestones

### Milestone 1: Initial Setup
- [x] Set up the project structure
- [ ] Render a triangle

### Milestone 2: Core
- [ ] Write the math library

## Future Considerations
- Shader hot reload
- An editor UI
"""

MILESTONE_NOTES = """\
# Engine

A small engine for learning.

## Milestones

The milestones live in the wiki: Milestone 1 set up the project and drew a triangle on
screen, Milestone 2 brings the math library.

## Future Considerations
- Shader hot reload
- An editor UI
"""


def test_boxes_under_milestone_headings_are_the_items() -> None:
    # a milestone heading over boxes groups them, as a phase's does: the boxes are the work;
    # the plain bullets of the plan's last section, one naming ideas, are its ideas
    read = [
        (i.title, status_class(i.status)) for i in read_items(MILESTONES_OF_BOXES, "ROADMAP.md")
    ]
    assert read == [
        ("Set up the project structure", "done"),
        ("Render a triangle", "ready"),
        ("Write the math library", "ready"),
        ("Shader hot reload", "idea"),
        ("An editor UI", "idea"),
    ]
    assert finding_lines(MILESTONES_OF_BOXES, "ROADMAP.md") == []


def test_a_readme_naming_its_milestones_reads_nothing() -> None:
    assert not read_items(MILESTONE_NOTES, "README.md")
    assert finding_lines(MILESTONE_NOTES, "README.md") == []


JAM_TODO = """\
## TODO

Done:
~~player controls~~
~~level loading~~

To be done:
- enemy turret
- basic sound effects

Scratched from the jam content:
- moving platforms
- level editor support
"""

CARE_GUIDE = """\
# Care guide

Done:
~~sanding~~
~~oiling~~

Scratched surfaces can be polished with:
- a soft cloth
- a little wax
"""


def test_a_list_led_in_by_a_sentence_naming_a_state_takes_it() -> None:
    # ``Scratched from the jam content:``: the state first, then what the list holds
    # and ``Done:`` over lines struck through, no bullets, lists the finished work
    read = [(i.title, status_class(i.status)) for i in read_items(JAM_TODO, "TODO.md")]
    assert read == [
        ("player controls", "done"),
        ("level loading", "done"),
        ("enemy turret", "ready"),
        ("basic sound effects", "ready"),
        ("moving platforms", "closed"),
        ("level editor support", "closed"),
    ]
    assert finding_lines(JAM_TODO, "TODO.md") == []


def test_a_guide_whose_sentence_opens_with_a_state_word_reads_nothing() -> None:
    # (and its struck lines under ``Done:`` beside no work are no plan's either)
    assert not read_items(CARE_GUIDE, "README.md")
    assert finding_lines(CARE_GUIDE, "README.md") == []
