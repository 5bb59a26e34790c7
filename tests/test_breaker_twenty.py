"""The twentieth break pass: documents that are no plans, written in the shapes the
twenty-second and twenty-third sets taught the reader (``## B1. [M0] Title`` entries),
read with no configuration: each reads no item and gives no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items


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
