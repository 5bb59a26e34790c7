"""The ninth quiet sweep's classes (issue 20; ``tests/corpus/README.md``, "Ninth quiet
sweep"), each in small documents written for it: a document of the class that must read no
items and give no finding, and beside it a plan of the nearest shape that still reads its
items or gets its real finding."""

from __future__ import annotations

from tests.conftest import finding_lines, read_items


def titles(text: str, path: str) -> list[str]:
    return [item.title for item in read_items(text, path)]


# A roadmap template's boxes that stand in for work by a word and a number.
def test_numbered_stand_ins_for_work_are_no_items() -> None:
    template = (
        "# Project Roadmap\n\n## Sprint Goals\n\n- [ ] Goal 1\n- [ ] Goal 2\n\n"
        "## In Progress\n\n- [ ] Task 1 - [Owner] - [Due Date]\n"
        "- [ ] Task 2 - [Owner] - [Due Date]\n\n## Done\n\n- [x] Feature A\n"
    )
    assert read_items(template, "templates/roadmap.md") == ()
    assert finding_lines(template, "templates/roadmap.md") == []


def test_work_that_opens_with_such_a_word_is_still_read() -> None:
    plan = (
        "# TODO\n\n- [ ] Task runner for CI\n- [ ] Step 1 of the migration: copy the tables\n"
        "- [ ] Feature A/B flags\n- [x] Goal 1 reached: first user\n"
    )
    assert titles(plan, "TODO.md") == [
        "Task runner for CI",
        "Step 1 of the migration: copy the tables",
        "Feature A/B flags",
        "Goal 1 reached: first user",
    ]


# A meeting-notes template's action boxes nested under bold labels.
def test_template_boxes_nested_in_a_plain_list_are_no_near_miss() -> None:
    notes = (
        "# Meeting Notes\n\n## Topic\n\n- **Key Points**:\n  - Point 1\n"
        "- **Action Items**:\n  - [ ] Action item 1 - Owner: [Name] - Due: [Date]\n"
        "  - [ ] Action item 2 - Owner: [Name] - Due: [Date]\n"
    )
    assert read_items(notes, "docs/meeting-notes.md") == ()
    assert finding_lines(notes, "docs/meeting-notes.md") == []


def test_boxes_of_work_nested_in_a_plain_list_still_come_close() -> None:
    # (a plan's notes: a meeting's record that reads no item gets no near miss at all,
    # ``tests/test_quiet_sweep_eleven.py``)
    notes = (
        "# Launch Notes\n\n## Topic\n\n- **Key Points**:\n  - Point 1\n"
        "- **Action Items**:\n  - [ ] Ana sends the budget\n  - [ ] Bo books the room\n"
    )
    assert finding_lines(notes, "docs/launch-notes.md") == ["1:RL109"]


# A template of a plan shown in a code block, its names left as blanks.
def test_a_template_example_in_a_code_block_is_no_near_miss() -> None:
    template = (
        "# Roadmap Template\n\nTemplate for `ROADMAP.md`.\n\n```markdown\n"
        "# Roadmap: [Project Name]\n\n### Phase 2.1: Critical Fix (INSERTED)\n"
        "**Goal**: [Urgent work inserted between phases]\n**Depends on**: Phase 2\n"
        "**Plans**: [Number of plans]\n```\n"
    )
    assert finding_lines(template, "templates/roadmap.md") == []


def test_a_plan_fenced_by_mistake_still_comes_close() -> None:
    fenced = (
        "# Roadmap\n\n```markdown\n### Phase 2.1: Critical Fix (INSERTED)\n"
        "**Goal**: Patch the login crash\n**Depends on**: Phase 2\n```\n"
    )
    assert finding_lines(fenced, "ROADMAP.md") == ["1:RL109"]


# A backlog template's task headings titled by a blank in double braces.
def test_headings_titled_by_a_double_brace_blank_are_no_items() -> None:
    template = (
        "# Backlog\n\n## Task Details\n\n### T-001: {{TASK_NAME}}\n**AC**:\n- {{CRITERION}}\n\n"
        "### T-002: {{TASK_NAME}}\n**AC**:\n- {{CRITERION}}\n"
    )
    assert read_items(template, "templates/backlog.md") == ()
    assert finding_lines(template, "templates/backlog.md") == []
    plan = template.replace("{{TASK_NAME}}", "Build the parser", 1).replace(
        "{{TASK_NAME}}", "Ship {{name}} support in templates"
    )
    assert titles(plan, "BACKLOG.md") == ["Build the parser", "Ship {{name}} support in templates"]


# A tracker template's idea bullets that are only a bracketed blank.
def test_bullets_of_a_bracketed_blank_are_no_ideas() -> None:
    tracker = (
        "# Roadmap Tracker\n\n## Roadmap Status\n\n### Completed Features\n- [x] Login page\n\n"
        "### Planned Features\n- [ ] Dark mode\n\n### Future Considerations\n"
        "- [Future planning note]\n- [Future planning note]\n"
    )
    assert titles(tracker, "docs/roadmap.md") == ["Login page", "Dark mode"]
    ideas = tracker.replace(
        "- [Future planning note]\n- [Future planning note]\n",
        "- Offline sync\n- [WIP] Export to CSV\n",
    )
    assert titles(ideas, "docs/roadmap.md") == [
        "Login page",
        "Dark mode",
        "Offline sync",
        "Export to CSV",
    ]


# A template's boxes that close on a blank for a field, after a dash.
def test_boxes_closing_on_a_field_blank_are_no_items() -> None:
    template = (
        "# Roadmap\n\n## Technical Debt\n\n- [ ] Refactor [Component] - [Priority]\n"
        "- [ ] Update [Dependency] - [Priority]\n\n## Compliance\n\n- [ ] GDPR compliance - [Status]\n"
    )
    assert read_items(template, "templates/roadmap.md") == ()
    plan = (
        "# Roadmap\n\n## Technical Debt\n\n- [ ] Refactor the parser - P1\n"
        "- [ ] Update [markdown-it](https://github.com/markdown-it) - [#12]\n"
        "- [ ] GDPR compliance - [legal review]\n"
    )
    assert len(read_items(plan, "ROADMAP.md")) == 3


# A template's numbered heading whose name is a blank.
def test_a_numbered_heading_named_by_a_blank_is_no_near_miss() -> None:
    template = (
        "# Roadmap\n\n## This Quarter\n\n#### Milestone 1: [Name]\n**Target Date:** [Date]\n\n"
        "#### Milestone 2: [Name]\n**Target Date:** [Date]\n"
    )
    assert finding_lines(template, "templates/roadmap.md") == []
    named = template.replace("[Name]", "Public beta", 1).replace("[Name]", "GA")
    named = named.replace("[Date]", "2026-05-01")
    assert titles(named, "ROADMAP.md") == ["Public beta", "GA"]


# A template's example rows named by a letter (ROADMAP CORE-160).
def test_rows_that_name_their_own_stand_in_are_no_items() -> None:
    template = (
        "# Plan de ruta\n\n| ID | Función | Prioridad | Estado |\n|---:|---|---|---|\n"
        "| 1 | Nombre de la función A | Alta | pendiente |\n"
        "| 2 | Nombre de la función B | Media | pendiente |\n"
        "| 3 | Name of the feature C | Baja | pendiente |\n"
    )
    assert read_items(template, "PLAN_DE_RUTA.md") == ()
    plan = template.replace("Nombre de la función A", "Nombre de usuario en el perfil").replace(
        "Nombre de la función B", "Función de búsqueda B2B"
    )
    assert titles(plan, "PLAN_DE_RUTA.md") == [
        "Nombre de usuario en el perfil",
        "Función de búsqueda B2B",
    ]


# A template's table of measures whose example rows hold an ellipsis where the measure goes.
def test_rows_of_an_ellipsis_numbered_by_their_place_are_no_items() -> None:
    template = (
        "# Aktionsplan\n\n| # | Maßnahme | Impact | Owner |\n|---|---|---|---|\n"
        "| 1 | … | Hoch | … |\n| 2 | … | Mittel | … |\n"
    )
    assert read_items(template, "docs/aktionsplan.md") == ()
    plan = template.replace("| 1 | … |", "| 1 | Styleguide prüfen |")
    assert titles(plan, "docs/aktionsplan.md") == ["Styleguide prüfen"]
    # a task with an ID still to be named is the task it is
    tasks = "# Tasks\n\n## Backlog\n\n- [TODO] Task-001: Write the parser\n- [TODO] Task-002: ...\n"
    assert len(read_items(tasks, "TASKS.md")) == 2


# A feature roadmap template's lists under a heading named only by blanks.
def test_lists_under_a_heading_named_by_blanks_are_no_items() -> None:
    template = (
        "# Feature Roadmap\n\n## Feature Template\n\n### ▼ [Feature Name] — [Status]\n\n"
        "#### Current State:\n- What's already built?\n- What needs to be completed?\n\n"
        "#### Dependencies:\n- Any other features or systems this depends on\n"
    )
    assert read_items(template, "docs/feature-roadmap.md") == ()
    plan = template.replace("### ▼ [Feature Name] — [Status]", "### ▼ Login [Status]")
    assert len(read_items(plan, "docs/feature-roadmap.md")) == 3
