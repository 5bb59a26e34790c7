"""The classes of plan file the thirty-fifth held-out set of the corpus (tests/corpus: an
agent's work queue, roadmaps, a backlog and a Chinese update log, numbered 111 in headings/,
94 in phases/, 100-101 in tables/ and 188-189 in checkboxes/) showed read wrong, each in a
small document: read as a person reads it, with no finding that is no defect; and beside
each new reading a document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.settings import status_meaning

FEATURE_TABLE = """\
# Roadmap

## Planned

| Feature | Status | Expected |
| --- | --- | --- |
| [Sync client](#sync-client) | In Progress | May 2025 |
| Query language | On Design | June 2025 |
| Web viewer | in design | July 2025 |

### Sync client

A client that keeps the local copy in step.
"""

DESIGN_NOTES = """\
# Design notes

The team met on design twice this month. Work in design reviews goes faster when the
diagrams come first.

| Topic | Notes |
| --- | --- |
| Colours | on design review |
| Icons | in design system |
"""


def test_a_feature_in_its_design_stage_is_under_way() -> None:
    # ``On Design`` beside ``In Progress`` in a feature table's Status column: the design
    # stage of a workflow (``Backlog, Design, In Progress``), begun; unknown, it left the
    # table unread, two of its three statuses no status (JonDotsoy's ROADMAP.md)
    read = [(i.title, i.status) for i in read_items(FEATURE_TABLE, "ROADMAP.md")]
    assert read == [
        ("Sync client", "In Progress"),
        ("Query language", "On Design"),
        ("Web viewer", "in design"),
    ]
    assert {status_meaning(s) for _, s in read} == {"in_progress"}
    assert finding_lines(FEATURE_TABLE, "ROADMAP.md") == []


def test_notes_that_mention_design_read_nothing() -> None:
    assert read_items(DESIGN_NOTES, "NOTES.md") == ()
    assert finding_lines(DESIGN_NOTES, "NOTES.md") == []


RUSSIAN_QUEUE = """\
# Очередь работ

## Следующее

### API-001 — Отправка заявки на сервер

- Статус: предложено, нужно решение владельца.

### SEC-001 — Проверка загружаемых файлов

- Статус: предложено.

### UI-001 — Новый экран настроек

- Статус: отклонено.

## Позже

### API-002 — Пакет заказа

- Статус: отложено.
- Зависимости: `API-001`.
"""

RUSSIAN_ARTICLE = """\
# Как мы работаем

Предложено было многое: отложено почти всё, отклонено немногое. Этот текст рассказывает,
почему очередь короткая.

## История

Сначала мы пробовали вести таблицу, потом перешли на заметки.
"""


def test_russian_proposed_deferred_and_rejected_work_is_read() -> None:
    # ``Статус: предложено`` (proposed) and ``отложено`` (deferred) are ideas, ``отклонено``
    # (rejected) closed, as their English words are (a Russian work queue)
    read = [(i.id, status_meaning(i.status)) for i in read_items(RUSSIAN_QUEUE, "QUEUE.md")]
    assert read == [
        ("API-001", "idea"),
        ("SEC-001", "idea"),
        ("UI-001", "closed"),
        ("API-002", "idea"),
    ]


def test_a_russian_article_with_those_words_reads_nothing() -> None:
    assert read_items(RUSSIAN_ARTICLE, "WORKFLOW.md") == ()
    assert finding_lines(RUSSIAN_ARTICLE, "WORKFLOW.md") == []


QUEUE_BY_TIME = """\
# Work queue

## Next

### ORDER-1 — Deliver the request to the owner

- Status: proposed.

### SEC-1 — Check uploaded files

- Status: proposed.

### TECH-1 — Split the test suite

- Status: proposed.

## Done

### DOCS-1 — Project context

- Status: done.

### DOCS-2 — Decision log

- Status: done.
"""

QUEUE_BY_THEME = """\
# Backend

## [GRAPH-1] Dynamic shapes

- **Status:** ready

## [MODEL-9] Symbolic shapes

- **Status:** ready
"""


def test_a_section_of_one_item_of_each_prefix_has_no_stray() -> None:
    # a section of three items each of a prefix of its own (a queue's ``## Next``, filed
    # by time) has no usual prefix, so none is a stray (RL106 twice on the Russian queue)
    assert [i.id for i in read_items(QUEUE_BY_TIME, "QUEUE.md")] == [
        "ORDER-1",
        "SEC-1",
        "TECH-1",
        "DOCS-1",
        "DOCS-2",
    ]
    assert finding_lines(QUEUE_BY_TIME, "QUEUE.md") == []


def test_a_section_grouped_by_theme_still_reports_its_stray() -> None:
    # the rule's own example: two items of a theme's section, one of another prefix
    assert finding_lines(QUEUE_BY_THEME, "ROADMAP.md") == ["7:RL106"]
