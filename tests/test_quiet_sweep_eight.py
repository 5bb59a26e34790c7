"""Quiet by default, swept an eighth time across public plan files and the documents a user
runs roadmaplint on by mistake or through a pre-commit glob, in neither the corpus nor the
earlier sweeps (issue 20; ``tests/corpus/README.md``, "Eighth quiet sweep"): each class of
false alarm or of a document that is no plan read as items, in the real file (kept in
``tests/quiet/eight/`` with its origin) or a small document of its class, with no finding
and no item; and beside it a plan of the same shape that still gets its real finding."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import finding_lines, read_items

EIGHT = Path(__file__).parent / "quiet" / "eight"


def real(name: str) -> str:
    return (EIGHT / name).read_text(encoding="utf-8")


# storyblok/monoblok .claude/skills/review-and-qa/templates/test-plan.md
# ce2239b7d2256738a52869942a23310dd753363e: a test plan template whose boxes hold a
# bracketed blank closed by a full stop (``- [ ] [Expected result].``), read as 29 items;
# bautimacedo/QNT-JavaSpring Importante-main/files/ROADMAP.template.md
# ad12012ca602abc7216e69dddfa1d03f6752a3bd: ``- [ ] [Feature en progreso] *(~X% completado)*``.
def test_boxes_of_a_blank_with_a_stop_or_a_note_are_no_items() -> None:
    for name, path in (
        ("monoblok-test-plan-template.md", ".claude/skills/review-and-qa/templates/test-plan.md"),
        ("qnt-ROADMAP.template.md", "Importante-main/files/ROADMAP.template.md"),
    ):
        assert read_items(real(name), path) == (), name
        assert finding_lines(real(name), path) == [], name


def test_a_box_of_a_fill_in_line_is_no_item_and_a_box_with_words_is() -> None:
    boxes = (
        "# TODO\n\n- [ ] _______________\n- [ ] [Expected result].\n"
        "- [ ] [Feature] *(~X% done)*\n- [ ] Write the docs.\n- [x] Ship [the release].\n"
    )
    titles = [item.title for item in read_items(boxes, "TODO.md")]
    assert titles == ["Write the docs.", "Ship [the release]."]


# gitwalter/ai-dev-agent docs/agile/templates/sprint_planning/sprint_backlog_template.md
# c9bf90c23250b3829b9f8b9a817b3b18720dbd09: a sprint backlog template, 28 items and RL103 x3:
# fill-in boxes, rows left to fill in (``| | | To Do | | |``) beside its example rows and a
# ``**TOTAL**`` row, and boxes under ``### Story Level`` below ``## Definition of Done
# Checklist``.
SPRINT = real("ai-dev-agent-sprint-backlog-template.md")
SPRINT_PATH = "docs/agile/templates/sprint_planning/sprint_backlog_template.md"


def test_a_sprint_backlog_template_reads_no_items_and_no_finding() -> None:
    assert read_items(SPRINT, SPRINT_PATH) == ()
    assert finding_lines(SPRINT, SPRINT_PATH) == []


def test_rows_to_fill_make_a_template_and_one_empty_row_does_not() -> None:
    template = (
        "# Sprint\n\n| Task | Estimate | Status | Assignee |\n|---|---|---|---|\n"
        "| | | To Do | |\n| | | To Do | |\n| Unit Tests | | To Do | |\n"
    )
    assert read_items(template, "SPRINT.md") == ()
    plan = (
        "# Sprint\n\n| Task | Estimate | Status | Assignee |\n|---|---|---|---|\n"
        "| Login | 2 | Done | Ana |\n| | | To Do | |\n| Unit Tests | 1 | To Do | Bo |\n"
    )
    assert [item.title for item in read_items(plan, "SPRINT.md")] == ["Login", "Unit Tests"]


def test_boxes_below_a_definition_of_done_heading_are_conditions() -> None:
    plan = (
        "# Plan\n\n## Work\n\n- [ ] Write the parser\n\n## Definition of Done Checklist\n\n"
        "### Story Level\n\n- [ ] Code reviewed\n- [ ] Tests passing\n"
    )
    assert [item.title for item in read_items(plan, "TODO.md")] == ["Write the parser"]
    # a heading of work below the title is still work
    plain = plan.replace("## Definition of Done Checklist", "## Later")
    assert len(read_items(plain, "TODO.md")) == 3


# PERDANA-LLC/manus.open.claw.skill gsd-spec-driven-development/templates/project/ROADMAP.md
# de2378ad77495acc1e01ae088e37dd5f9b5cbb73: a roadmap template's ``| Symbol | Status |``
# legend read as 5 items, RL502 on ``| ❌ | Blocked |``, then RL109 naming the table.
def test_a_status_legend_table_is_no_items_and_no_near_miss() -> None:
    path = "gsd-spec-driven-development/templates/project/ROADMAP.md"
    text = real("manus-gsd-ROADMAP-template.md")
    assert read_items(text, path) == ()
    assert finding_lines(text, path) == []


def test_a_table_of_work_with_marks_is_still_read() -> None:
    legend = (
        "# Plan\n\n| Symbol | Status |\n|---|---|\n| ⬜ | Not Started |\n| 🔄 | In Progress |\n"
        "| ✅ | Complete |\n"
    )
    assert read_items(legend, "ROADMAP.md") == ()
    work = (
        "# Plan\n\n| Task | Status |\n|---|---|\n| Login | Not Started |\n| Logout | Blocked |\n"
        "| Sessions | Complete |\n"
    )
    assert [item.title for item in read_items(work, "ROADMAP.md")] == [
        "Login",
        "Logout",
        "Sessions",
    ]


# The RL109 false alarms on documents that are no plans: a meeting-notes template
# (rolodexter/rolodexter ebaa2202fb075d7e31caf6dfd1f7ac0c03fbd51d: ``- Owner: [Name](...)``
# under ``## Action Items``, ``status: DRAFT`` under ``## Metadata``), a roadmap template in
# a fence (voronerd/claude-orchestration-template 244e82e296fcf459404f0a99ff5897c17c6bf3cd),
# a changelog's ``## [0.0.1] - YYYY-MM-DD`` (MiroBartanus/moment-business-days-sk
# 027875d6d878c3a4c635beee371a8759420bcb43), a test plan's table of cases
# (AkshayEknathe/M1_Operations_Utility 0de1b894412ffff7f684d995e635514da71657a9).
def test_documents_that_are_no_plans_come_no_closer_than_any_document() -> None:
    for name, path in (
        (
            "rolodexter-meeting-notes-template.md",
            "PROJECT_DOCS/RESEARCH/AGENTIC/RIVALZ/meeting-notes-template.md",
        ),
        (
            "orchestration-roadmap-template.md",
            "template_root/.claude/skills/create-plans/templates/roadmap.md",
        ),
        ("moment-sk-CHANGELOG.md", "CHANGELOG.md"),
        ("m1-test-plan-README.md", "4_TestPlanAndOutput/README.md"),
    ):
        assert read_items(real(name), path) == (), name
        assert finding_lines(real(name), path) == [], name


def test_a_heading_with_fields_of_its_own_still_comes_close() -> None:
    filled = "# Plan\n\n## Login page\n\n- Owner: Ana\n- Status: open\n"
    assert finding_lines(filled, "ROADMAP.md") == ["1:RL109"]
    blanks = "# Plan\n\n## Login page\n\n- Owner: [Name](people/name.md)\n- Deadline: [Date]\n"
    assert finding_lines(blanks, "ROADMAP.md") == []
    metadata = "# Notes\n\n## Metadata\n\nstatus: DRAFT\npriority: P1\n"
    assert finding_lines(metadata, "NOTES.md") == []


def test_a_table_of_test_cases_is_no_near_miss_and_a_table_of_ids_is() -> None:
    cases = (
        "# Tests\n\n| Test ID | Description | Expected Output | Actual Output |\n"
        "|---|---|---|---|\n| H01 | Valid input | Correct | Correct |\n"
    )
    assert finding_lines(cases, "README.md") == []
    ids = "# Plan\n\n| ID | Description |\n|---|---|\n| H01 | Valid input |\n"
    assert finding_lines(ids, "ROADMAP.md") == ["1:RL109"]


def test_a_changelog_template_heading_is_a_release_and_a_numbered_task_is_not() -> None:
    changelog = "# Changelog\n\n## [Unreleased]\n\n## [0.0.1] - YYYY-MM-DD\n\n- Added it\n"
    assert finding_lines(changelog, "CHANGELOG.md") == []
    numbered = "# Roadmap\n\n## 12. Write the parser\n\nProse.\n"
    assert finding_lines(numbered, "ROADMAP.md") == ["1:RL109"]


# The plans of the sweep keep their readings and their real findings.
def test_the_sweeps_plans_keep_their_readings() -> None:
    homelab = real("homelab-tasks.md")
    assert len(read_items(homelab, "agents/tasks/tasks.md")) == 26
    assert [line for line in finding_lines(homelab, "agents/tasks/tasks.md")].count(
        "164:RL306"
    ) == 1
    assert len(read_items(real("sprintboard-sprint-backlog.md"), "sprint-backlog.md")) == 14
    assert len(read_items(real("memecoin-ROADMAP.md"), ".planning/ROADMAP.md")) == 25
    assert len(read_items(real("gnome-actions-TODO.md"), "TODO.md")) == 51
