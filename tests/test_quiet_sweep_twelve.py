"""The twelfth quiet sweep's classes (issue 20; ``tests/corpus/README.md``, "Twelfth quiet
sweep"), each in small documents written for it: a plan of the class that reads its items
(or keeps its real finding), and beside it a document that is no plan but looks close,
which reads no items and gets no finding."""

from __future__ import annotations

from tests.conftest import finding_lines, read_items


def titles(text: str, path: str) -> list[str]:
    return [item.title for item in read_items(text, path)]


# A phase plan whose other headings name the release they lead to, not an item.
PHASES_AND_A_RELEASE = """\
# Product Roadmap

## Phase 1: Accounts

Sign-up and login.

## Phase 2: Billing

Invoices and refunds.

## V1 Completion Checklist

- [x] Accounts ship behind the flag.

## Post-v2 (not scheduled)

- Offline mode
"""


def test_a_heading_naming_a_release_among_phases_is_no_broken_item_heading() -> None:
    ids = [item.id for item in read_items(PHASES_AND_A_RELEASE, "ROADMAP.md")]
    assert ids[:2] == ["Phase 1", "Phase 2"]
    assert finding_lines(PHASES_AND_A_RELEASE, "ROADMAP.md") == []


def test_an_item_heading_missing_its_separator_is_still_told() -> None:
    plan = (
        "# Roadmap\n\n## [ARK-1] Storage\n\nStatus: Done\n\n"
        "## ARK-2 Search\n\nStatus: Ready\n\n## V1 Launch Review\n\nNotes.\n"
    )
    assert finding_lines(plan, "ROADMAP.md") == ["7:RL101"]


def test_release_notes_headed_by_their_version_are_no_plan() -> None:
    notes = (
        "# Release notes\n\n## V1 Completion\n\nEverything the first release promised.\n\n"
        "## Post-v1 fixes\n\n- The login page no longer flickers.\n"
    )
    assert read_items(notes, "RELEASES.md") == ()
    assert finding_lines(notes, "RELEASES.md") == []


# A work queue whose headings date each entry before its ID.
DATED_QUEUE = """\
# Queue

## 2026-03-13: M002 — Local History

Snapshot on save, a split view with a diff.

## 2026-03-14: M004 — Keymap

One dispatch for every shortcut.
"""


def test_a_queue_dating_each_entry_before_its_id_reads_its_entries() -> None:
    items = read_items(DATED_QUEUE, ".gsd/QUEUE.md")
    assert [(item.id, item.title) for item in items] == [
        ("M002", "Local History"),
        ("M004", "Keymap"),
    ]
    assert finding_lines(DATED_QUEUE, ".gsd/QUEUE.md") == []


def test_a_journal_dating_its_headings_is_no_plan() -> None:
    journal = (
        "# Journal\n\n## 2026-03-13: Release day\n\nShipped the search page.\n\n"
        "## 2026-03-14: v1.2 — Fixes\n\nTwo crashes fixed.\n"
    )
    assert read_items(journal, "JOURNAL.md") == ()
    assert finding_lines(journal, "JOURNAL.md") == []


# A glossary's page that explains the term it is titled by.
GLOSSARY_PAGE = """\
# Backlog

The backlog is a prioritized list of work items that a team keeps.

### Key Characteristics
- Dynamic and continuously updated
- Items are ordered by business value
"""


def test_a_glossary_page_defining_a_backlog_is_no_backlog() -> None:
    assert read_items(GLOSSARY_PAGE, "Backlog.md") == ()
    assert finding_lines(GLOSSARY_PAGE, "Backlog.md") == []


def test_a_backlog_introduced_by_a_sentence_still_reads_its_work() -> None:
    backlog = (
        "# Backlog\n\nThis backlog is what we have not started yet.\n\n"
        "## Code\n- Fix the admin logout\n- Cache the search results\n"
    )
    assert titles(backlog, "BACKLOG.md") == ["Fix the admin logout", "Cache the search results"]
    assert finding_lines(backlog, "BACKLOG.md") == []
    ours = backlog.replace("This backlog is what", "The backlog is the list of what")
    assert titles(ours, "BACKLOG.md") == ["Fix the admin logout", "Cache the search results"]


# A to-do file whose boxes end with ``@key:value`` tags, a note on the line below.
TAGGED_BOXES = """\
# TODO

## Development
- [ ] Write the sync tests @uid:task-001 @priority:1 @due:2025-02-01 @created:2025-11-12
- [x] Split the configuration @uid:task-002 @created:2025-11-12 @completed:2025-01-12
  Moved every backend under its own key
- [ ] Add a migration guide @uid:task-003 @priority:3
"""


def test_tags_of_keys_and_values_after_a_box_are_no_part_of_its_title() -> None:
    assert titles(TAGGED_BOXES, "TODO.md") == [
        "Write the sync tests",
        "Split the configuration",
        "Add a migration guide",
    ]
    assert [item.dri for item in read_items(TAGGED_BOXES, "TODO.md")] == [None, None, None]
    assert finding_lines(TAGGED_BOXES, "TODO.md") == []


def test_a_guide_to_the_tags_is_no_plan() -> None:
    guide = (
        "# Tags\n\nA task line can end with tags:\n\n"
        "- `@priority:1` sets the priority\n- `@due:2025-02-01` sets the due day\n"
    )
    assert read_items(guide, "docs/tags.md") == ()
    assert finding_lines(guide, "docs/tags.md") == []


# A milestone's slices, each box closed by its risk and what it depends on in code spans.
SLICES = """\
# M001: Editor

## Slices

- [x] **S02: Settings Model** `risk:medium` `depends:[]`
  > After this: a light variant in the settings.
- [ ] **S04: Terminal Colours** `risk:low` `depends:[S02]`
  > After this: the terminal follows the theme.
"""


def test_slices_closed_by_tags_in_code_spans_read_their_titles_and_dependencies() -> None:
    items = read_items(SLICES, ".gsd/milestones/M001/M001-ROADMAP.md")
    assert [(item.id, item.title) for item in items] == [
        ("S02", "Settings Model"),
        ("S04", "Terminal Colours"),
    ]
    assert items[1].depends_on == ("S02",)
    assert finding_lines(SLICES, ".gsd/milestones/M001/M001-ROADMAP.md") == []


def test_a_readme_naming_the_tags_in_code_spans_is_no_plan() -> None:
    readme = (
        "# Slices\n\nEach slice line may carry:\n\n"
        "- **Risk**: `risk:low`, `risk:medium` or `risk:high`\n"
        "- **Order**: `depends:[S01]`\n"
    )
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []


# A specification's table tracing each action back to the requirement it models.
TRACED_SPEC = """\
# Specification: Shared Lists

## Actions

| PRD Req | Action | Description |
|---------|--------|-------------|
| FR-1, FR-2 | `createList(code)` | Create a list |
| FR-5 | `renameList(code, name)` | Rename a list |
"""


def test_a_specification_tracing_its_actions_to_requirements_is_no_plan() -> None:
    assert read_items(TRACED_SPEC, "docs/specs/0003-lists.md") == ()
    assert finding_lines(TRACED_SPEC, "docs/specs/0003-lists.md") == []


def test_a_requirements_table_with_a_status_still_reads_its_rows() -> None:
    plan = (
        "# Requirements\n\n| ID | Requirement | Status |\n|----|-------------|--------|\n"
        "| FR-1 | Create a list | Done |\n| FR-2 | Rename a list | In Progress |\n"
    )
    assert [item.id for item in read_items(plan, "PLAN.md")] == ["FR-1", "FR-2"]


# A sprint's criteria of acceptance, written in Turkish, beside its tasks; and a board whose
# empty columns hold a placeholder box.
TURKISH_SPRINT = """\
# Sprint Planı

## Görevler

- [ ] Arayüz analizi
- [ ] Persona oluşturma

## Kabul Kriterleri

- [ ] Tüm görevler tamamlanmış
- [ ] Ürün sahibi tarafından kabul edilmiş

## Pano

### In Progress
- [ ] (Başlangıçta boş)

### Done
- [ ] (none yet)
"""


def test_criteria_of_acceptance_and_placeholder_boxes_are_no_tasks() -> None:
    assert titles(TURKISH_SPRINT, "sprint-plan.md") == ["Arayüz analizi", "Persona oluşturma"]
    assert finding_lines(TURKISH_SPRINT, "sprint-plan.md") == []


def test_a_box_whose_words_are_in_brackets_after_others_is_still_work() -> None:
    plan = "# TODO\n\n- [ ] (urgent) Renew the certificate\n- [ ] Ship (the beta)\n"
    assert titles(plan, "TODO.md") == ["(urgent) Renew the certificate", "Ship (the beta)"]


# A roadmap of horizons closed by what its authors call an excellent project.
EXCELLENCE = """\
# Roadmap

## Horizon court terme (0-30 jours)

1. enrichir les tests de parcours frontend
2. augmenter la couverture des erreurs API

## Définition d'excellence

- couverture élevée sur les flux critiques
- documentation alignée sur le code
"""


def test_a_definition_of_excellence_is_criteria_no_work() -> None:
    assert "couverture élevée sur les flux critiques" not in titles(EXCELLENCE, "docs/roadmap.md")
    assert finding_lines(EXCELLENCE, "docs/roadmap.md") == []


def test_a_list_of_what_makes_a_good_library_is_no_plan() -> None:
    guide = (
        "# Guide\n\n## Definition of excellence\n\n- tests cover the critical paths\n"
        "- documentation follows the code\n"
    )
    assert read_items(guide, "docs/guide.md") == ()
    assert finding_lines(guide, "docs/guide.md") == []


# An Obsidian Kanban board whose done lane holds a card its writer never ticked.
BOARD = """\
---

kanban-plugin: board

---

## TODO

- [ ] Draft the research tree
- [ ] Use machines as motors for belts ^5ggylw

## DOING

- [ ] Build the crop generator

## DONE

- [ ] Pick a mod for power transport
"""


def test_a_card_in_the_done_lane_of_a_kanban_board_is_done_and_its_block_id_no_word() -> None:
    statuses = [item.status for item in read_items(BOARD, "Kanban.md")]
    assert statuses == ["todo", "todo", "doing", "done"]
    assert titles(BOARD, "Kanban.md")[1] == "Use machines as motors for belts"
    assert finding_lines(BOARD, "Kanban.md") == []


def test_an_open_box_under_a_done_heading_of_a_plan_stays_open() -> None:
    plan = "# TODO\n\n## Done\n\n- [x] Ship the beta\n- [ ] Write the release notes\n"
    assert [item.status for item in read_items(plan, "TODO.md")] == ["done", "[ ]"]


def test_a_note_naming_a_block_by_its_id_is_no_plan() -> None:
    note = "# Notes\n\nThe design is in the paragraph ^design-1 of the spec.\n\n- see ^design-1\n"
    assert read_items(note, "notes.md") == ()
    assert finding_lines(note, "notes.md") == []
