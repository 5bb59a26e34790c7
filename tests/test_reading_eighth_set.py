"""The classes of plan file the eighth held-out set of the corpus (tests/corpus, the
ROADMAP.md and TODO.md files of ordinary projects numbered 80 to 89) showed misread or
over-reported, each in a small document: read as a person reads it, with no finding a
person would call a false alarm."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.model import Item


def _items(text: str) -> tuple[Item, ...]:
    return read_items(text)


def _findings(text: str) -> list[str]:
    return finding_lines(text)


def _read(text: str) -> list[tuple[str, str | None]]:
    return [(i.title, i.status) for i in _items(text)]


TODO_BY_TOPIC = """\
# TODO

## Required before release

- Replace the placeholder config with the real one.
- Run a device sanity test:
  - login
  - background mode

## Build cleanup

- Review deprecated Gradle warnings.
"""


def test_the_bullets_of_a_document_titled_todo_or_roadmap_are_its_work() -> None:
    assert _read(TODO_BY_TOPIC) == [
        ("Replace the placeholder config with the real one", None),
        ("Run a device sanity test:", None),
        ("Review deprecated Gradle warnings", None),
    ]
    assert _findings(TODO_BY_TOPIC) == []
    # right under the title, or under a heading of the year it plans for
    roadmap = "# Roadmap\n\n## 2025\n\n* Fragment debugging\n* Stable release\n"
    assert _read(roadmap) == [("Fragment debugging", None), ("Stable release", None)]
    directions = "# Roadmap — post-1.0\n\nIn rough order.\n\n- **Bulk editing.** Paste to fill.\n"
    assert _read(directions) == [("Bulk editing.", None)]


def test_a_plans_bullets_that_say_how_or_aside_are_no_work() -> None:
    # a list after a paragraph in a section says how one piece of work is done
    steps = "# Roadmap\n\n### Test suite\n\nAdd one.\n\n**Plan:**\n- Add Vitest\n- Add CI\n"
    assert _items(steps) == ()
    # a legend, what is out of scope, how to help: no work
    for aside in ("Legend", "Out of scope", "Contributing", "How to use this tracker"):
        assert _items(f"# Roadmap\n\n## {aside}\n\n- Not this\n- Nor this\n") == ()
    # a heading's field list is its fields, no list of work
    fields = "# Roadmap\n\n## task-1: Write the parser\n\n- **Status:** ready\n"
    assert _items(fields) == ()
    # a document not titled a plan keeps its bullets as prose (a README's feature list)
    assert _items(TODO_BY_TOPIC.replace("# TODO", "# Features")) == ()
    # nor does a plan that writes its items in a table read its bullets
    table = "| ID | Title | Status |\n|---|---|---|\n| A-1 | Ship | Done |\n"
    assert [i.id for i in _items(TODO_BY_TOPIC + "\n## Plan\n\n" + table)] == ["A-1"]


TODO_APP_README = """\
# {title}

A small todo app written in React. It stores tasks in local storage.

- Add, edit and delete tasks
- Mark tasks as done

## Install

- Run `npm install`.
- Run `npm start`.
"""


def test_the_readme_of_a_todo_app_is_no_plan() -> None:
    """A title that names a product after the word (``# Todo App``, ``# todo-cli``) is
    the README of a todo program: its feature list and install steps are no work."""
    for title in ("Todo App", "React Todo App", "todo-cli", "Roadmap API", "Todo_MVC example"):
        assert _items(TODO_APP_README.format(title=title)) == (), title
    # a plan says what it plans for after the word: a year, a version, a list, a name
    for title in ("Roadmap 2025", "TODO List", "Roadmap v2", "TODO Tracker", "Roadmap: Gitaid"):
        titles = [i.title for i in _items(TODO_APP_README.format(title=title))]
        assert titles == ["Add, edit and delete tasks", "Mark tasks as done"], title


def test_a_version_before_a_status_word_in_a_heading_gives_the_status() -> None:
    text = """\
v0.2 planned
============

* watching templates

v0.1 released
=============

+ Chapters sorting

Ideas
=====

* extract docstrings
"""
    assert _read(text) == [
        ("watching templates", "planned"),
        ("Chapters sorting", "released"),
        ("extract docstrings", "idea"),
    ]
    assert _findings(text) == []


FEATURES_WITH_STATUS = """\
# Jigsaw Roadmap

## Legend

- **Status:** Not started / In progress / Done

## Tier 1: Core Reliability

### Automated Test Suite

**Status:** Not started

**Plan:**
- Add Vitest as the test runner

### Automated SSL

**Status:** Done (via Traefik)
"""


def test_headings_without_an_id_that_open_with_their_status_are_items() -> None:
    assert [(i.id, i.title, i.status) for i in _items(FEATURES_WITH_STATUS)] == [
        ("automated-test-suite", "Automated Test Suite", "Not started"),
        ("automated-ssl", "Automated SSL", "Done (via Traefik)"),
    ]
    assert _findings(FEATURES_WITH_STATUS) == []
    # one such heading alone is a section of a document that says how far along it is
    alone = FEATURES_WITH_STATUS.split("### Automated SSL")[0]
    assert _items(alone) == ()
    # a status further down the section, after prose, is no heading's status
    later = "# Design\n\n### Storage\n\nWe store.\n\n**Status:** Done\n\n### Cache\n\nNo.\n\n**Status:** Open\n"
    assert _items(later) == ()


def test_a_numbered_series_of_headings_some_ending_with_their_status_are_items() -> None:
    text = """\
# Fluxify Roadmap

## 1. Request Validation ✅
Sound data first.
- **Schema Builder:** define schemas.

## 2. Middlewares (Optional for now)
- **JWT Middleware:** validation.
"""
    assert [(i.id, i.title, i.status) for i in _items(text)] == [
        ("1", "Request Validation", "✅"),
        ("2", "Middlewares (Optional for now)", None),
    ]
    assert _findings(text) == []
    # numbered chapters without a status are a document's outline
    assert _items(text.replace(" ✅", "").replace("Fluxify Roadmap", "Design")) == ()


def test_a_bold_status_label_over_boxes_gives_the_open_ones_its_status() -> None:
    text = """\
# Project Roadmap

## 2025 Q3
✅ **Completed**
- [x] Core API v0.1

🔧 **In Progress**

- [ ] Developer documentation

## 2025 Q4
🛠 **Planned**
- [ ] Plugin system
"""
    assert _read(text) == [
        ("Core API v0.1", "done"),
        ("Developer documentation", "In Progress"),
        ("Plugin system", "Planned"),
    ]
    assert _findings(text) == []
    # a bold label that names no status says nothing of the boxes
    assert _read(text.replace("**In Progress**", "**Docs**"))[1] == (
        "Developer documentation",
        "[ ]",
    )


def test_a_struck_through_open_box_is_dropped_and_an_emphasised_label_names_a_box() -> None:
    text = """\
## TODO ##
- [x] Make it work
- [x] Thread-safe (~~Stupid stack depth~~)
- [ ] ~~Laugh at those who laugh at me~~
- [ ] *Lasso tool*: Isolates an area of the image
"""
    assert _read(text) == [
        ("Make it work", "done"),
        ("Thread-safe (~~Stupid stack depth~~)", "done"),
        ("Laugh at those who laugh at me", "dropped"),
        ("Lasso tool", "todo"),  # the heading says so
    ]
    assert _findings(text) == []


def test_a_tier_heading_gives_the_items_under_it_their_priority() -> None:
    assert [(i.title, i.priority) for i in _items(FEATURES_WITH_STATUS)] == [
        ("Automated Test Suite", "Tier 1"),
        ("Automated SSL", "Tier 1"),
    ]
    # a tier written in a word is a topic, not a priority
    topic = FEATURES_WITH_STATUS.replace("Tier 1: Core Reliability", "Tiers of storage")
    assert {i.priority for i in _items(topic)} == {None}
