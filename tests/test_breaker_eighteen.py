"""The eighteenth break pass: documents that are no plans, and plans, written as people
write them, read through the readings the sixth and seventh leftovers passes and the
nineteenth (C) and twentieth corpus sets added; each test failed before its fix."""

from __future__ import annotations

from pathlib import Path

from conftest import cli, finding_lines, read_items
from test_reading_leftovers_seven import WORKFLOW

MEETING = """\
# Meeting notes 2024-05-02

Attendees: Ann, Bob

## Done

- Ann reviewed the budget
- Bob sent the invite

## Next

1. Ann books the room
2. Bob writes the agenda after item 1
"""


def test_meeting_notes_with_a_done_list_read_no_items() -> None:
    # a meeting's record reads only items with an ID; its ``## Done`` is what was
    # reported, no plan's log of finished work (that log stands beside heading items)
    assert read_items(MEETING, "notes/2024-05-02.md") == ()
    assert finding_lines(MEETING, "notes/2024-05-02.md") == []


RELEASING = """\
# Releasing

## Done

- Tag the commit
- Publish the wheel

## Before the next release

- Check the changelog
"""


def test_a_release_procedure_with_a_done_list_reads_no_items() -> None:
    assert read_items(RELEASING, "RELEASING.md") == ()
    assert finding_lines(RELEASING, "RELEASING.md") == []


LIFECYCLE = """\
# How a change ships

| Stage | What happens | Who |
|---|---|---|
| Draft | The author opens a pull request | Author |
| Review | Two reviewers approve it | Reviewers |
| Merge | CI passes and it is merged | Maintainer |
"""


def test_a_process_table_asking_who_is_no_near_miss() -> None:
    # ``Who`` names a row's owner beside a title column (``| Task | Who |``); alone beside
    # a process's stages it asks who does each step, and the table is no plan written wrong
    assert read_items(LIFECYCLE, "docs/lifecycle.md") == ()
    assert finding_lines(LIFECYCLE, "docs/lifecycle.md") == []


def test_a_todo_file_s_notes_label_leads_notes_not_work() -> None:
    # a label of a word or three groups a todo file's work (``Tools:``); one that names an
    # aside (``Notes:``) leads notes, as a ``## Notes`` heading does
    todo = """\
Notes:

- the parser is slow on big files
- Sam prefers tabs

Tools:

- install ruff
"""
    assert [item.title for item in read_items(todo, "TODO.md")] == ["install ruff"]


def test_a_todo_file_s_work_under_done_is_done() -> None:
    # the file's own words say where its work stands: under ``## Done`` or after a
    # ``Done:`` label a bullet is finished; the bullets above any heading write no status
    headed = "- fix the login bug\n- write docs\n\n## Done\n\n- set up CI\n"
    assert [(i.title, i.status) for i in read_items(headed, "TODO.md")] == [
        ("fix the login bug", None),
        ("write docs", None),
        ("set up CI", "done"),
    ]
    labelled = "Doing:\n\n- fix the login bug\n\nDone:\n\n- set up CI\n"
    assert [(i.title, i.status) for i in read_items(labelled, "TODO.md")] == [
        ("fix the login bug", "doing"),
        ("set up CI", "done"),
    ]
    assert finding_lines(headed, "TODO.md") == finding_lines(labelled, "TODO.md") == []


def test_a_project_plan_s_one_word_labels_are_no_work() -> None:
    # an implementation plan's bullets name their work before a colon (``- Fix dotfile
    # staging: ...``); a list whose every bullet is one word and a colon is the plan's
    # facts (``- Budget: ...``), as an action plan's ``- Who:`` ``- When:`` are
    facts = "# Project Plan\n\n- Budget: ten thousand euros\n- Timeline: six weeks\n- Team: Ann\n"
    assert read_items(facts, "PLAN.md") == ()
    assert finding_lines(facts, "PLAN.md") == []
    runbook = "# Action plan\n\n- Who: the on-call engineer\n- When: within one hour\n"
    assert read_items(runbook, "docs/runbook.md") == ()


VERSIONS = """\
# Roadmap

- v0.1: parse the files
- v0.2: check them (depends on v0.1)
- v0.3: a board
"""


def test_a_version_bullet_s_dependency_is_added_and_removed_by_its_version(
    tmp_path: Path,
) -> None:
    # the version names the item, as an ID does: set adds a dependency on it as it
    # removes one, in LF, CRLF and without a final newline
    for ending, last in (("\n", "\n"), ("\r\n", "\r\n"), ("\n", "")):
        text = VERSIONS.replace("\n", ending).removesuffix(ending) + last
        path = tmp_path / "ROADMAP.md"
        path.write_bytes(text.encode())
        run = cli("set", "v0.3", "--add-dep", "v0.2", "ROADMAP.md", cwd=tmp_path)
        assert (run.returncode, run.stderr) == (0, "")
        wanted = text.replace("- v0.3: a board", "- v0.3: a board (depends on v0.2)")
        assert path.read_bytes() == wanted.encode()
        shown = cli("show", "v0.3", "ROADMAP.md", cwd=tmp_path).stdout
        assert "Depends on:      v0.2" in shown


def test_set_status_never_leaves_a_heading_s_legend_status_in_its_title(tmp_path: Path) -> None:
    # ``✨ CODED`` is the heading's status by the legend; a Status field written under it
    # made the heading's words the title (``Compose the report ✨ CODED``), a change not
    # asked for: the title stays as it was, or the write is refused, file untouched
    path = tmp_path / "ROADMAP.md"
    path.write_bytes(WORKFLOW.encode())
    run = cli("set", "F1.3", "--status", "✅ TESTED", "ROADMAP.md", cwd=tmp_path)
    shown = cli("show", "F1.3", "ROADMAP.md", cwd=tmp_path).stdout
    assert shown.splitlines()[0].split(None, 1)[1].strip() == "Compose the report"
    if run.returncode:
        assert (run.returncode, run.stderr.count("\n")) == (2, 1)
        assert path.read_bytes() == WORKFLOW.encode()
