"""The tenth quiet sweep's classes (issue 20; ``tests/corpus/README.md``, "Tenth quiet
sweep"), each in small documents written for it: a document of the class that must read no
items and give no finding, and beside it a plan of the nearest shape that still reads its
items or gets its real finding."""

from __future__ import annotations

from tests.conftest import finding_lines, read_items


def titles(text: str, path: str) -> list[str]:
    return [item.title for item in read_items(text, path)]


# A sprint template's blanks in single braces, and IDs whose number is such a blank.
BRACED_TEMPLATE = """\
# Sprint Planner

**Sprint:** {SPRINT_NUMBER}

## Goals

- [ ] {GOAL_1}
- [ ] {GOAL_2}

## Backlog

| Task ID | Task | Priority | Status |
|---------|------|----------|--------|
| SP-{NUMBER} | {TASK_DESCRIPTION} | {P0/P1/P2} | {TODO/DONE} |
| SP-{NUMBER} | {TASK_DESCRIPTION} | {P0/P1/P2} | {TODO/DONE} |

## Week 1

- [ ] SP-{NUMBER}: {TASK}
- [ ] SP-{NUMBER}: {TASK}

#### Task: {TASK_NAME} (SP-{NUMBER})

**Assignee:** {AGENT_NAME}
**Description:**
{DETAILED_DESCRIPTION}

**Dependencies:**
- {DEPENDENCY_TASK_ID}
"""


def test_blanks_in_single_braces_and_ids_numbered_by_a_blank_are_no_items() -> None:
    path = "skills/dev-team/sprint-planner.md"
    assert read_items(BRACED_TEMPLATE, path) == ()
    assert finding_lines(BRACED_TEMPLATE, path) == []


def test_work_that_writes_braces_in_its_title_is_still_read_and_checked() -> None:
    plan = (
        "# Sprint 4\n\n## Backlog\n\n| Task ID | Task | Status |\n|---|---|---|\n"
        "| SP-1 | Parse {json} input | todo |\n| SP-2 | Render the {name} field | done |\n"
        "| SP-2 | Cache lookups | todo |\n\n## Goals\n\n- [ ] {config} loader reads the file\n"
    )
    assert titles(plan, "docs/sprint-4.md")[:3] == [
        "Parse {json} input",
        "Render the {name} field",
        "Cache lookups",
    ]
    assert finding_lines(plan, "docs/sprint-4.md") == ["9:RL102"]


# A roadmap template's numbered headings named by a blank, with a note after it.
def test_a_numbered_heading_named_by_a_blank_and_a_note_is_no_near_miss() -> None:
    template = (
        "# [Project Name] Roadmap\n\n## Milestone 1: [Name] (optional)\n\n"
        "### Phase 0: [Name]\n\n- [Deliverable or task]\n- Status: Not started\n\n"
        "### Phase 1: [Name]\n\n- [Deliverable or task]\n- Status: Not started\n"
    )
    assert read_items(template, "templates/ROADMAP.md") == ()
    assert finding_lines(template, "templates/ROADMAP.md") == []


def test_a_numbered_heading_with_a_name_and_a_note_is_still_read() -> None:
    plan = (
        "# Roadmap\n\n## Milestone 1: Public beta (optional)\n\nStatus: planned\n\n"
        "## Milestone 2: Launch\n\nStatus: planned\n"
    )
    assert titles(plan, "ROADMAP.md") == ["Public beta (optional)", "Launch"]
    assert finding_lines(plan, "ROADMAP.md") == []


# An issue template's table that offers every status in each row to pick from.
def test_a_table_offering_every_status_in_each_row_is_no_near_miss() -> None:
    template = (
        "## Success Metrics\n\n| Metric | Target | Current | Status |\n|---|---|---|---|\n"
        "| Metric 1 | Target value | Current value | 🟢/🟡/🔴 |\n"
        "| Metric 2 | Target value | Current value | 🟢/🟡/🔴 |\n"
    )
    path = ".github/ISSUE_TEMPLATE/milestone.md"
    assert read_items(template, path) == ()
    assert finding_lines(template, path) == []


def test_a_table_writing_one_status_a_row_still_comes_close() -> None:
    report = (
        "## Success Metrics\n\n| Metric | Target | Current | Status |\n|---|---|---|---|\n"
        "| Uptime | 99.9% | 99.5% | in progress |\n| Latency | 50 ms | 80 ms | todo |\n"
    )
    assert finding_lines(report, ".github/ISSUE_TEMPLATE/milestone.md") == ["1:RL109"]


# A meeting-notes template's lines made of blanks alone.
def test_bullets_of_blanks_alone_are_no_near_miss_of_words_for_boxes() -> None:
    template = (
        "# Meeting Notes Template\n\n### Attendees\n\n- [Name] - [Role]\n- [Name] - [Role]\n"
        "- [Name] - [Role] - [Reason]\n"
    )
    path = "templates/meeting-notes.md"
    assert read_items(template, path) == ()
    assert finding_lines(template, path) == []


def test_bullets_led_by_words_for_where_work_stands_still_come_close() -> None:
    notes = "# Ideas\n\n- [later] allow exports\n- [later] dark mode\n- [doing] sign in\n"
    assert finding_lines(notes, "docs/ideas.md") == ["1:RL109"]


# A checklist that names itself a template in brackets.
def test_boxes_under_a_heading_named_a_template_in_brackets_are_no_items() -> None:
    template = (
        "# Roadmap Checklist (Template)\n\nUse it before committing an item.\n\n"
        "- [ ] Problem statement is clear\n- [ ] Owner assigned\n- [ ] Risks documented\n"
    )
    path = "agents/roadmapchecklist.md"
    assert read_items(template, path) == ()
    assert finding_lines(template, path) == []


def test_boxes_of_work_on_templates_are_still_read() -> None:
    plan = (
        "# TODO\n\n## Email templates\n\n- [ ] Welcome mail\n- [x] Reset mail\n\n"
        "## Templates (print)\n\n- [ ] Invoice layout\n"
    )
    assert titles(plan, "TODO.md") == ["Welcome mail", "Reset mail", "Invoice layout"]


# A review checklist whose every box asks a question.
def test_boxes_that_all_ask_questions_are_a_review_no_items() -> None:
    review = (
        "## Checklist for AGENTS.md\n\n- [ ] Content limited to the repo's purpose?\n"
        "- [ ] Target audience specified clearly?\n- [ ] Concise (<300 lines)?\n"
        "- [ ] Tested for agent compatibility?\n"
    )
    path = "skills/agents-md/checklist.md"
    assert read_items(review, path) == ()
    assert finding_lines(review, path) == []


def test_a_plan_asking_one_question_among_its_work_is_still_read() -> None:
    plan = (
        "# TODO\n\n## Next\n\n- [ ] Cache the lookups\n- [ ] Should we drop Python 3.9?\n"
        "- [x] Parse the config\n"
    )
    assert titles(plan, "TODO.md") == [
        "Cache the lookups",
        "Should we drop Python 3.9?",
        "Parse the config",
    ]


# A TODO whose bullets are led by a tag in capitals and a colon, as code comments write them.
def test_bullets_led_by_a_tag_in_capitals_are_titled_by_their_whole_line() -> None:
    plan = (
        "# TODO and FIXES\n\n## Known bugs\n\n- KNOWN_BUG: Selected rows are lost on reload\n\n"
        "## TODO\n\n- TODO: Tests when the database is empty\n"
        "- TODO: Test every command of the CLI :(\n"
    )
    assert titles(plan, "TODO.md") == [
        "KNOWN_BUG: Selected rows are lost on reload",
        "TODO: Tests when the database is empty",
        "TODO: Test every command of the CLI :(",
    ]


def test_bullets_that_name_their_work_before_a_colon_keep_the_name_as_title() -> None:
    plan = (
        "# TODO\n\n## Next\n\n- Fix dotfile staging: adjust new to read the flag first\n"
        "- Cache lookups: keep the last hundred answers in memory\n"
    )
    assert titles(plan, "TODO.md") == ["Fix dotfile staging", "Cache lookups"]
