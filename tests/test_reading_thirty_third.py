"""The classes of plan file the thirty-third held-out set of the corpus (tests/corpus: an
agent's work queue, a roadmap table, a backlog, a library's roadmap, a web app's TODO, a
project plan and a progress file, numbered 97-99 in tables/ and 179-182 in checkboxes/)
showed read wrong, each in a small document: read as a person reads it, with no finding
that is no defect; and beside each new reading a document that is no plan, which reads no
items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.settings import status_meaning

GARDEN_TODO = """\
# TODO

## Planting
- [x] Order seeds
- [ ] Dig the beds

## Watering
- [ ] Lay the hose

## Future
- [ ] Greenhouse
- [ ] Rain barrel
"""


def test_a_last_section_named_future_holds_ideas() -> None:
    # ``## Future`` right over its boxes, after the topics of a TODO: work put past the
    # plan's horizon, ideas, where the topics' open boxes are ready (trackbear's TODO)
    read = [(i.title, i.status) for i in read_items(GARDEN_TODO, "TODO.md")]
    assert read == [
        ("Order seeds", "done"),
        ("Dig the beds", "[ ]"),
        ("Lay the hose", "[ ]"),
        ("Greenhouse", "idea"),
        ("Rain barrel", "idea"),
    ]
    assert finding_lines(GARDEN_TODO, "TODO.md") == []


def test_a_future_section_over_a_version_heading_only_groups_the_planned_work() -> None:
    # ``## Future`` over ``### v0.4``: the version's boxes are planned, open, not ideas
    text = "# Roadmap\n\n### v0.3\n- [x] Sorting\n\n## Future\n\n### v0.4\n- [ ] Syncing\n"
    assert [(i.title, i.status) for i in read_items(text, "ROADMAP.md")] == [
        ("Sorting", "done"),
        ("Syncing", "[ ]"),
    ]


FUTURE_NOTES = """\
# Notes on the garden

## Future

We may build a greenhouse one day, if the budget allows it.
"""


def test_a_future_heading_over_prose_reads_no_items() -> None:
    assert read_items(FUTURE_NOTES, "NOTES.md") == ()
    assert finding_lines(FUTURE_NOTES, "NOTES.md") == []


PHASE_TRACKER = """\
# Roadmap & Phase Tracker

| Phase | Description | Status |
|-------|-------------|--------|
| 00 | Architecture planning | ✅ |
| 01 | Monorepo scaffolding | ✅ |
| 02 | API development | 🟡 In Progress |
| 03 | Observability | ⏳ |
"""


def test_a_numbered_phase_column_beside_a_description_names_the_rows() -> None:
    # ``| Phase | Description | Status |`` over ``| 02 | API development | ... |``: the
    # phase's number names the row, the description titles it (fresh-recipes' roadmap,
    # read as no items with RL109 before)
    read = [(i.id, i.title, status_meaning(i.status)) for i in read_items(PHASE_TRACKER)]
    assert read == [
        ("00", "Architecture planning", "done"),
        ("01", "Monorepo scaffolding", "done"),
        ("02", "API development", "in_progress"),
        ("03", "Observability", "ready"),
    ]
    assert finding_lines(PHASE_TRACKER, "ROADMAP.md") == []


PHASE_DURATIONS = """\
# How long each phase of a garden takes

| Phase | Description | Weeks |
|-------|-------------|-------|
| 1 | Digging the beds | 2 |
| 2 | Planting | 1 |
"""


def test_a_table_of_numbered_phases_without_a_status_column_reads_no_items() -> None:
    # no Status column: a table of how long the phases of a job take, no plan's work
    assert read_items(PHASE_DURATIONS, "GUIDE.md") == ()
    assert finding_lines(PHASE_DURATIONS, "GUIDE.md") == []


def test_an_hourglass_alone_says_the_work_waits_its_turn() -> None:
    # ``⏳`` alone in a Status cell beside ``✅``: not begun; before a word it is that
    # word's mark (``⏳ Future`` is an idea, ``⏳ In Progress`` under way)
    assert status_meaning("⏳") == "ready"
    assert status_meaning("⏳\ufe0f") == "ready"
    assert status_meaning("⏳ Future") == "idea"
    assert status_meaning("⏳ In Progress") == "in_progress"
    assert status_meaning("⏳ Planned") == "ready"


SITE_BACKLOG = """\
# Shop Site Backlog

## Owner-gated (see OWNER.md)
- Connect the domain and deploy.
- Add the real prices.
"""


def test_a_section_named_for_the_gate_its_work_waits_on_is_blocked() -> None:
    # ``## Owner-gated (see CLAUDE.local.md)``: the work waits for the owner, blocked
    # (credentialstudy's backlog)
    read = [(i.title, status_meaning(i.status)) for i in read_items(SITE_BACKLOG, "BACKLOG.md")]
    assert read == [
        ("Connect the domain and deploy", "blocked"),
        ("Add the real prices", "blocked"),
    ]
    # the heading says whom the work waits on: no RL502 asking what it waits for
    assert read_items(SITE_BACKLOG, "BACKLOG.md")[0].status == "blocked on owner"
    assert finding_lines(SITE_BACKLOG, "BACKLOG.md") == []


CONSENT_NOTES = """\
# Analytics

## Consent-gated tracking

The tracker loads only after the visitor agrees; nothing is sent before.
"""


def test_a_gated_feature_described_in_prose_reads_no_items() -> None:
    assert read_items(CONSENT_NOTES, "ANALYTICS.md") == ()
    assert finding_lines(CONSENT_NOTES, "ANALYTICS.md") == []


MILESTONE_PLAN = """\
# Project Plan

## Milestones
- [x] **Milestone 1:** Draft the survey.
  - Status: Completed
- [ ] **Milestone 2:** Send it to the members.
"""


def test_a_numbered_bold_label_with_its_colon_inside_is_titled_with_its_text() -> None:
    # ``**Milestone 1:** Draft the survey.``: the numbered label names nothing alone, as
    # ``**Feature 1**: text`` does not (Map-Projection-Visualizer's plan)
    read = [(i.title, status_meaning(i.status)) for i in read_items(MILESTONE_PLAN)]
    assert read == [
        ("Milestone 1: Draft the survey.", "done"),
        ("Milestone 2: Send it to the members.", "ready"),
    ]
    assert finding_lines(MILESTONE_PLAN) == []


def test_a_named_bold_label_with_its_colon_inside_still_titles_its_box() -> None:
    text = "# TODO\n\n- [ ] **Living Garden:** Debris spawning\n- [x] **Weather:** rain\n"
    assert [i.title for i in read_items(text, "TODO.md")] == ["Living Garden", "Weather"]


MEETING_NOTES = """\
# Meeting notes

**Milestone 1:** we agreed the survey goes out in May.

**Milestone 2:** nobody has the member list yet.
"""


def test_numbered_bold_labels_in_meeting_notes_read_no_items() -> None:
    assert read_items(MEETING_NOTES, "NOTES.md") == ()
    assert finding_lines(MEETING_NOTES, "NOTES.md") == []


SHOP_BACKLOG = """\
# Shop Backlog

## Launch
- Real logo and final palette.
- Per-page preview images.
- GA4 property + measurement ID; Search Console.
"""


def test_one_bullet_led_by_a_name_with_a_digit_leaves_the_list_its_work() -> None:
    # ``- GA4 property + ...`` among bullets of plain words: a product's name, no ID, and
    # the list is still the backlog's work (credentialstudy's ``## Next`` list)
    read = [(i.id, i.title) for i in read_items(SHOP_BACKLOG, "BACKLOG.md")]
    assert [title for _, title in read] == [
        "Real logo and final palette",
        "Per-page preview images",
        "GA4 property + measurement ID; Search Console",
    ]
    assert "GA4" not in [item_id for item_id, _ in read]
    assert finding_lines(SHOP_BACKLOG, "BACKLOG.md") == []


STACK_NOTES = """\
# Storage Backlog

## Options
- S3 storage for the uploads
- R2 storage as a cheaper mirror
"""


def test_bullets_led_by_names_with_digits_stay_a_list_of_names() -> None:
    # every bullet led by a name with a digit: the options considered, no work
    assert read_items(STACK_NOTES, "BACKLOG.md") == ()
    assert finding_lines(STACK_NOTES, "BACKLOG.md") == []
