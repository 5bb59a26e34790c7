"""The classes the fifteenth leftovers pass reads (ROADMAP CORE-195), left by earlier
held-out sets (CORE-189) and quiet sweeps (CORE-186), each in a small document written
fresh: read as a person reads it, with no finding that is no defect; and beside each new
reading a document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.settings import common_meaning, status_meaning

PHASE_TASKS = """\
# Roadmap

## Phase 0 — Parser — done

- Reads the files.

## Phase 1 — Web client — shipped (1.4 open)

The stack is chosen.

1. **Choices** — done. The stack is settled (above).
2. **Port the parser** — done, and since replaced by the generated one.
3. **First screens** — done: the list and the detail view.
4. **Sync net** — **open, tracked as #31.** Replay recorded sessions.

## Phase 2 — Polish

- Animations.
"""

PHASE_PROSE = """\
# Roadmap

## Phase 1 — Setup

1. **Install** — run the script from the repository root.
2. **Configure** — copy the example settings and edit them.
3. **Start** — open the page in a browser.
"""


def test_a_phases_numbered_bold_tasks_that_say_their_state_are_items() -> None:
    # ``1. **Decisions** — done.`` under ``## Phase 1 — ... — shipped (1.6 open)``: each
    # task an item with no ID, its state the first clause after the dash; the phase's
    # status with its remark in brackets is its status, under way (pinochle's ROADMAP.md)
    read = [(i.id, i.title, i.status) for i in read_items(PHASE_TASKS, "ROADMAP.md")]
    assert read == [
        ("Phase 0", "Parser", "done"),
        ("Phase 1", "Web client", "shipped (1.4 open)"),
        ("choices", "Choices", "done"),
        ("port-the-parser", "Port the parser", "done"),
        ("first-screens", "First screens", "done"),
        ("sync-net", "Sync net", "open, tracked as #31."),
        ("Phase 2", "Polish", None),
    ]
    assert common_meaning("shipped (1.4 open)") == "in_progress"
    assert finding_lines(PHASE_TASKS, "ROADMAP.md") == []


def test_a_phases_numbered_steps_that_say_no_state_are_its_prose() -> None:
    read = [(i.id, i.status) for i in read_items(PHASE_PROSE, "ROADMAP.md")]
    assert read == [("Phase 1", None)]
    assert finding_lines(PHASE_PROSE, "ROADMAP.md") == []


def test_a_done_word_with_a_remark_of_words_stays_done() -> None:
    # only a remark that numbers a part still open makes a done word under way
    assert common_meaning("done (open source)") == "done"
    assert common_meaning("done (2026-05-01)") == "done"
    assert common_meaning("done (2 remaining)") == "in_progress"


THEME_PHASES = """\
# Roadmap

## Themes

- **Phase I: Speed (Q1 2027)** — Faster builds and a smaller bundle. (Current)
- **Phase II: Reach (Q2 2027)** — Translations and a public API.

## Work

- [x] Cache the build
- [ ] Split the bundle
"""

CURRENT_NOTES = """\
# Notes

## Current

The current release is stable. Current users keep their settings.

- Release notes are on the site.
- The mailing list is open.
"""


def test_a_phase_bullet_whose_aside_says_current_is_under_way() -> None:
    # ``- **Phase I: Rigor (Q1 2026)** — ... (Current)``: the phase under way, the others
    # with no status (the portfolio roadmap of the thirty-fifth set)
    read = [(i.id, i.status) for i in read_items(THEME_PHASES, "ROADMAP.md")][:2]
    assert read == [("Phase I", "Current"), ("Phase II", None)]
    assert status_meaning("Current") == "in_progress"
    assert finding_lines(THEME_PHASES, "ROADMAP.md") == []


def test_notes_under_a_current_heading_read_nothing() -> None:
    # ``Current`` is a status only as an item's own, whole: a heading so named is no status
    assert common_meaning("Current") is None
    assert read_items(CURRENT_NOTES, "NOTES.md") == ()
    assert finding_lines(CURRENT_NOTES, "NOTES.md") == []


DEFERRED_BACKLOG = """\
# Backlog — deferred

Everything discussed but left out of the first release.

## From the first concept

| Idea | Why deferred | Where |
|---|---|---|
| Shield power-up | One power-up in the first release | v2 |
| Slow motion | Needs the physics scaled | v2 |

## Rejected at the interview

| Idea | Why |
|---|---|
| Combo multiplier | Two multipliers would fight |
| Cart capacity | The cargo's physics limits it already |

## Technical

| Item | When we take it |
|---|---|
| Local copy of the engine | When the network gets in the way |
| Settings screen | Asked for at a playtest. Closed more cheaply: a key table in the menu |
"""

DEFERRED_RENDERING = """\
# Deferred Rendering

How the renderer lights a scene in two passes.

| Technique | Cost |
|---|---|
| G-buffer | Memory per pixel |
| Light volumes | One draw per light |
"""


def test_a_backlog_of_deferred_ideas_in_tables_reads_each_row() -> None:
    # ``# Backlog — отложенное`` over tables with no Status column: each row an idea, put
    # off as the title says; a table under a heading that names a state (``## Отклонено
    # при интервью``) takes that state, a note's ``Закрыто дешевле:`` closes its row
    # (cart-rush's docs/backlog.md)
    read = [(i.title, i.status) for i in read_items(DEFERRED_BACKLOG, "docs/backlog.md")]
    assert read == [
        ("Shield power-up", "deferred"),
        ("Slow motion", "deferred"),
        ("Combo multiplier", "Rejected at the interview"),
        ("Cart capacity", "Rejected at the interview"),
        ("Local copy of the engine", "deferred"),
        ("Settings screen", "Closed more cheaply"),
    ]
    assert [status_meaning(s) for _, s in read] == ["idea"] * 2 + ["closed"] * 2 + [
        "idea",
        "done",
    ]
    assert finding_lines(DEFERRED_BACKLOG, "docs/backlog.md") == []


def test_an_article_whose_title_begins_with_a_state_word_reads_nothing() -> None:
    assert read_items(DEFERRED_RENDERING, "docs/rendering.md") == ()
    assert finding_lines(DEFERRED_RENDERING, "docs/rendering.md") == []


KINDS_QUEUE = """\
# Work queue

## ID prefixes

- `APP-XXX` — the app's screens;
- `API-XXX` — the server;
- `DOC-XXX` — documentation.

## Done

### DOC-001 — Write the install guide

- Status: done.

### DOC-002 — Write the API reference

- Status: done.

### APP-004 — Fix the login form

- Status: done.
"""


def test_a_queue_filed_by_state_whose_prefixes_are_listed_as_kinds_has_no_stray() -> None:
    # ``STUDIO-021`` among two ``DOCS-`` items under ``## Готово``, where the queue lists
    # ``STUDIO-XXX`` and ``DOCS-XXX`` first as kinds of work (pechataet's WORK_QUEUE.md)
    assert "RL106" not in " ".join(finding_lines(KINDS_QUEUE, "WORK_QUEUE.md"))


def test_a_themed_section_of_such_a_queue_still_reports_its_stray() -> None:
    # under a heading that names no state the prefixes are the section's theme: a stray
    themed = KINDS_QUEUE.replace("## Done", "## Documentation")
    assert [line for line in finding_lines(themed, "WORK_QUEUE.md") if "RL106" in line] == [
        "19:RL106"
    ]


ABBREVIATED_TODO = """\
# TODO

- FIX: Avg. Rating Total: shows the sum, not the mean, on the dashboard
- Add export to CSV, approx. 3 MB a file. Streamed
- Dark mode for the settings page
"""

STATS_PAGE = """\
# Build statistics

## Last week

- Avg. build time: 3 min. Faster than the week before.
- Approx. 40 builds a day.
- Max. memory: 2 GB.
"""


def test_a_title_is_not_cut_at_an_abbreviations_full_stop() -> None:
    # ``- FIX: Avg. Rating Total: ...`` titled ``FIX: Avg`` (the tenth quiet sweep, CORE-186)
    titles = [i.title for i in read_items(ABBREVIATED_TODO, "TODO.md")]
    assert titles == [
        "FIX: Avg. Rating Total: shows the sum, not the mean, on the dashboard",
        "Add export to CSV, approx. 3 MB a file",
        "Dark mode for the settings page",
    ]
    assert finding_lines(ABBREVIATED_TODO, "TODO.md") == []


def test_a_page_of_figures_with_abbreviations_reads_nothing() -> None:
    assert read_items(STATS_PAGE, "docs/stats.md") == ()
    assert finding_lines(STATS_PAGE, "docs/stats.md") == []
