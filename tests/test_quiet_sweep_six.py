"""Quiet by default, swept a sixth time across public plan files and the documents a user
runs roadmaplint on by mistake or through a pre-commit glob, in neither the corpus nor the
earlier sweeps (issue 20; ``tests/corpus/README.md``, "Sixth quiet sweep"): each class of
false alarm or of a document that is no plan read as items, in the real file (kept in
``tests/quiet/six/`` with its origin) or a small document of its class, with no finding
and no item; and beside it a plan of the same shape that still gets its real finding."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import finding_lines, read_items

SIX = Path(__file__).parent / "quiet" / "six"


def real(name: str) -> str:
    return (SIX / name).read_text(encoding="utf-8")


# stjude-rust-labs/tes RELEASE.md 4846da20b334b8467d7e24333d6066165ce30f88: the steps of
# each release, ticked again every time.
RELEASE = real("tes-RELEASE.md")


def test_a_release_procedures_steps_read_no_items() -> None:
    for path in ("RELEASE.md", "RELEASING.md", "docs/release-checklist.md", "RELEASE_PROCESS.md"):
        assert read_items(RELEASE, path) == (), path
        assert finding_lines(RELEASE, path) == [], path


def test_the_same_steps_in_a_plan_are_items_and_an_id_keeps_its_finding() -> None:
    assert len(read_items(RELEASE, "TODO.md")) == 12
    assert len(read_items(RELEASE, "RELEASE_NOTES_PLAN.md")) == 12
    # a box written with an ID in a release procedure is still an item
    planned = "# Release\n\n- [ ] REL-1 Ship it\n- [ ] REL-1 Again\n\n## Steps\n\n- [ ] Tag\n"
    assert [item.id for item in read_items(planned, "RELEASE.md")] == ["REL-1", "REL-1"]
    assert finding_lines(planned, "RELEASE.md") == ["4:RL102"]


# pxdim/project-doc-control-skill project-doc-control/assets/docs/meetings.md
# c6b66a55768c4efd281918136382898c74d1b84d: a meeting-notes template whose tracker holds
# one row of blanks in brackets, and whose notes are a table of labels and values.
MEETINGS = real("doc-control-meetings.md")


def test_a_row_of_a_templates_blanks_is_no_item() -> None:
    assert read_items(MEETINGS, "docs/meetings.md") == ()
    assert finding_lines(MEETINGS, "docs/meetings.md") == []


def test_a_row_with_a_title_is_an_item_and_a_link_stays_a_title() -> None:
    table = (
        "# Actions\n\n| ID | Action Item | Assigned To | Status |\n|---|---|---|---|\n"
        "| AI-001 | [Action description] | [Name] | Open |\n"
        "| AI-002 | Book the room | Ana | Open |\n"
        "| AI-002 | [Send the notes](https://example.com/notes) | Bob | Done |\n"
    )
    items = read_items(table, "actions.md")
    assert [(item.id, item.title) for item in items] == [
        ("AI-002", "Book the room"),
        ("AI-002", "Send the notes"),
    ]
    assert finding_lines(table, "actions.md") == ["7:RL102"]


# Blank template tables, a status page, a version table and a course schedule whose front
# matter is indented: none of them came close to a plan, each got RL109 (an error).
CAPABILITIES = real("aix-capabilities.md")
MEETING_NOTES = real("tatanka-meeting-notes.md")
SCHEDULE = real("igme-202-schedule.md")
VERSIONS = real("custom-webui-VERSION.md")
STATUS_PAGE = real("love-of-markdown-status-page.md")


def test_documents_of_tables_that_are_no_plans_come_no_closer_than_any() -> None:
    for text, path in (
        (CAPABILITIES, "tiers/1-sprout/docs/capabilities.md"),
        (MEETING_NOTES, "docs/templates/meeting-notes.md"),
        (SCHEDULE, "schedule.md"),
        (VERSIONS, "VERSION.md"),
        (STATUS_PAGE, "templates/dashboards/status-page.md"),
    ):
        assert read_items(text, path) == (), path
        assert finding_lines(text, path) == [], path


def test_a_filled_table_of_work_without_states_still_comes_close() -> None:
    filled = CAPABILITIES.replace("[Capability A]", "Export to CSV")
    assert finding_lines(filled, "capabilities.md") == ["1:RL109"]
    tasks = "# Plan\n\n| Task | Notes |\n|---|---|\n| Write the parser | soon |\n"
    assert finding_lines(tasks, "PLAN.md") == ["1:RL109"]
    # a table's blank rows under a header of work: a template, whatever its columns say
    blank = "# Plan\n\n| Task | Notes |\n|---|---|\n|  |  |\n| [Task] | [Notes] |\n"
    assert finding_lines(blank, "PLAN.md") == []


def test_indented_front_matter_is_the_pages_data() -> None:
    page = "---\n  title: Schedule\n  week1: Week 1\n---\n\n# Schedule\n\n## T-1 — Read\n"
    assert [item.id for item in read_items(page, "schedule.md")] == ["T-1"]
    assert read_items(page.replace("T-1 — Read", "Week 1"), "schedule.md") == ()


# FSEB-SW/ferias-flow-mvp docs/sprint-backlog.md 3abf0b52a79651c33011645d5cef431501de9f86:
# a Portuguese sprint backlog, "O enabler EN01" first, then the user stories US01-US06.
SPRINT = real("ferias-flow-sprint-backlog.md")


def test_an_enabler_among_user_stories_is_a_kind_of_item_not_a_stray() -> None:
    assert [item.id for item in read_items(SPRINT, "docs/sprint-backlog.md")][:2] == [
        "EN01",
        "US01",
    ]
    assert finding_lines(SPRINT, "docs/sprint-backlog.md") == []


def test_an_item_filed_under_an_areas_prefix_among_stories_is_still_reported() -> None:
    stray = "# Backlog\n\n## Stories\n\n### US01 — Login\n\n### US02 — Logout\n\n### MODEL-1 — X\n"
    assert finding_lines(stray, "BACKLOG.md") == ["9:RL106"]
    typo = SPRINT.replace("### US03", "### UX03", 1)
    assert "RL106" in " ".join(finding_lines(typo, "docs/sprint-backlog.md"))


# gabeochoa/afterhours todo.md cf3e0f11ed4c404ae148dd16d3cf5c8273382e8c: a ranked list of
# defects `### D1. Title`, the done ones once read by their `— **DONE**` and every open one
# reported RL101 (33 errors), and `### D1 (original report, kept for context)` under some.
TODO = real("afterhours-todo.md")


def test_a_series_of_ids_closed_by_a_full_stop_is_read_and_gets_no_finding() -> None:
    ids = [item.id for item in read_items(TODO, "todo.md")]
    assert ids.count("D1") == 1 and {"D2", "D6b", "D13b", "D38"} <= set(ids)
    assert finding_lines(TODO, "todo.md") == []


def test_a_dotted_series_keeps_its_real_findings_and_one_or_two_stay_sections() -> None:
    ranked = "# Open\n\n### D1. Blending\n\n### D2. Flex\n\n### D1. Hit testing\n"
    assert [item.id for item in read_items(ranked, "todo.md")] == ["D1", "D2", "D1"]
    assert finding_lines(ranked, "todo.md") == ["7:RL102"]
    two = "# Plan\n\n## Q3. Hiring\n\nText.\n\n## Q4. Budget\n\nText.\n"
    assert read_items(two, "PLAN.md") == ()
    # a heading naming no item read, with only a note in brackets, is still reported
    noted = "# Queue\n\n## MODEL-1 — Kernels\n\n## MODEL-2 (draft)\n"
    assert finding_lines(noted, "ROADMAP.md") == ["5:RL101"]


# SDprojects8/NetSuite-Learning-Path project-management/11_retrospective/retro.md
# c83c6ad2c1fd174426c2366290a2914add530952: a retrospective template whose Follow-up
# Actions are five boxes ticked at each meeting.
RETRO = real("netsuite-retro.md")


def test_a_retrospectives_boxes_read_no_items() -> None:
    for path in ("retro.md", "docs/NOTES.md"):  # by its title, or its file's name
        assert read_items(RETRO, path) == (), path
        assert finding_lines(RETRO, path) == [], path
    minutes = "# Minutes — 2024-03-01\n\n- [ ] Book the room\n- [ ] Send the notes\n"
    assert read_items(minutes, "NOTES.md") == ()


def test_a_plan_named_otherwise_reads_its_boxes_and_an_id_stays_an_item() -> None:
    plan = RETRO.replace("# Project Retrospective", "# Project Plan", 1).replace(
        "**Participants**: [List of participants]\n", "", 1
    )
    assert len(read_items(plan, "PLAN.md")) == 5
    setup = "# Set up in 5 minutes\n\n- [ ] Install\n- [ ] Run\n"
    assert len(read_items(setup, "TODO.md")) == 2
    actions = "# Sprint 4 Retro\n\n- [ ] ACT-1 Fix the build\n- [ ] ACT-1 Pair more\n"
    assert [item.id for item in read_items(actions, "retro.md")] == ["ACT-1", "ACT-1"]
    assert finding_lines(actions, "retro.md") == ["4:RL102"]


# KeiaiLab/postgres-operator docs/ROADMAP.ja.md 25476e169fe3b5b32e07aa2e103920599d7a7286:
# a Japanese roadmap of gates, each list of boxes closed by a plain `- Verify: ...` bullet
# that made it a mixed list of no items: the plan read as nothing, RL109.
GATES = real("postgres-operator-ROADMAP.ja.md")


def test_boxes_closed_by_a_labelled_plain_bullet_are_items() -> None:
    items = read_items(GATES, "docs/ROADMAP.ja.md")
    assert len(items) == 55
    assert items[0].title == "CRD PostgresCluster 定義"
    # its one finding is real: a ticked task over a sub-task not started
    assert [line.split(":")[1] for line in finding_lines(GATES, "docs/ROADMAP.ja.md")] == ["RL504"]


def test_a_plain_bullet_that_is_no_note_still_makes_a_list_of_no_items() -> None:
    gate = "# Gates\n\n## First gate\n\n- [x] Define the CRD\n- [ ] Write the e2e test\n"
    assert len(read_items(gate + "- Verify: `make e2e`\n", "ROADMAP.md")) == 2
    assert read_items(gate + "- and then ship it\n", "ROADMAP.md") == ()


def test_a_box_that_holds_only_a_templates_blank_is_no_item() -> None:
    notes = (
        "# Meeting\n\n## Action items\n\n- [ ] {{action_item}}\n- [ ] [Action 1]\n- [ ] <task>\n"
    )
    assert read_items(notes, "notes.md") == ()
    kept = "# TODO\n\n- [ ] [Write the parser](https://example.com)\n- [ ] [[Daily note]]\n"
    assert [item.title for item in read_items(kept, "TODO.md")] == [
        "Write the parser",
        "[[Daily note]]",
    ]


def test_a_table_of_a_programs_parts_in_their_states_is_no_near_miss() -> None:
    readme = "# Lib\n\n| Component | Status | Notes |\n|---|---|---|\n| Parser | Stable | |\n"
    assert finding_lines(readme, "README.md") == []
    work = readme.replace("Component", "Task")
    assert [item.title for item in read_items(work, "README.md")] == ["Parser"]


MINUTES = """\
# Weekly sync 2024-03-04

**Attendees:** Ana, Bob

## Action items

- [ ] Ana: send the deck
- [ ] Bob: book the room
"""


def test_minutes_that_name_who_came_read_no_boxes() -> None:
    assert read_items(MINUTES, "2024-03-04.md") == ()
    # the same boxes without the meeting's attendees are a plan's
    plan = MINUTES.replace("**Attendees:** Ana, Bob\n\n", "")
    assert len(read_items(plan, "2024-03-04.md")) == 2


def test_a_contribution_guides_checklist_is_ticked_on_each_contribution() -> None:
    guide = "# Contributing\n\n## Checklist\n\n- [ ] Tests pass\n- [ ] Docs updated\n"
    for path in ("CONTRIBUTING.md", "docs/contributing.md"):
        assert read_items(guide, path) == (), path
    assert len(read_items(guide, "TODO.md")) == 2
    # a contribution guide's heading items are still its items
    queue = "# Contributing\n\n## GFI-1 — Fix the docs\n\n## GFI-1 — Add a test\n"
    assert finding_lines(queue, "CONTRIBUTING.md") == ["5:RL102"]


def test_an_api_pages_table_of_methods_is_no_near_miss() -> None:
    page = "# API\n\n| Method | Path | Status |\n|---|---|---|\n| GET | /users | Stable |\n"
    assert finding_lines(page, "API.md") == []
