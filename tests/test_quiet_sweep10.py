"""The tenth quiet sweep's classes (issue 20; ``tests/corpus/README.md``, "Tenth quiet
sweep"), each in small documents written for it: a document of the class that must read no
items and give no finding, and beside it a plan of the nearest shape that still reads its
items or gets its real finding."""

from __future__ import annotations

from tests.conftest import finding_lines, read_items


def titles(text: str, path: str) -> list[str]:
    return [item.title for item in read_items(text, path)]


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
