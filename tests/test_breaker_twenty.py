"""The twentieth break pass: documents that are no plans, written in the shapes the
twenty-second and twenty-third sets taught the reader (``## B1. [M0] Title`` entries),
read with no configuration: each reads no item and gives no finding."""

from __future__ import annotations

from pathlib import Path

from conftest import cli, finding_lines, read_items


def test_an_exam_numbering_its_questions_with_their_marks_is_no_backlog() -> None:
    # ``## Q1. [5] Title``: a bare number in brackets is a question's marks or a citation,
    # not a milestone (``M0``) or a priority (``P1``); read as an entry it made the
    # questions items and the one without marks an RL101 error
    exam = """\
# Midterm exam

## Q1. [5] Explain recursion

Answer here.

## Q2. [10] Derive the formula

## Q3. Bonus question
"""
    assert read_items(exam) == ()
    assert finding_lines(exam) == []


TAGGED_BACKLOG = """\
# Open work

## B1. [優先度低] Container isolation

- [ ] design

## B2. [M0] CLI as an API client
"""


def test_a_priority_its_heading_s_tag_gives_is_not_overruled_by_a_second(
    tmp_path: Path,
) -> None:
    # ``set --priority`` on ``## B1. [優先度低] Title`` wrote a Priority field under it: the
    # file then said low in the heading and P0 below, and read P0 silently; the tag is the
    # priority, so the write says so and leaves the file as it was
    path = tmp_path / "BACKLOG.md"
    path.write_text(TAGGED_BACKLOG, encoding="utf-8")
    run = cli("set", "B1", "--priority", "P0", "BACKLOG.md", cwd=tmp_path)
    assert run.returncode == 2, run.stdout
    assert run.stderr.count("\n") == 1 and "B1" in run.stderr, run.stderr
    assert path.read_text(encoding="utf-8") == TAGGED_BACKLOG
    # an entry whose tag is a milestone has no priority yet: one is added as asked
    run = cli("set", "B2", "--priority", "P1", "BACKLOG.md", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert path.read_text(encoding="utf-8").endswith("- **Priority:** P1\n")
