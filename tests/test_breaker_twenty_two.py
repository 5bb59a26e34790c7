"""The twenty-second break pass: documents that are no plans, written in the shapes the
twenty-sixth and twenty-seventh sets and the tenth leftovers taught the reader (``### ✅
1. Title``, a heading closing with a status in a code span), read with no configuration:
each reads no item and gives no finding; and writes on the plans of those shapes."""

from __future__ import annotations

from conftest import finding_lines, read_items


def test_a_faq_of_numbered_questions_answered_yes_is_no_plan() -> None:
    # ``### ✅ 1. Title`` is a numbered request done; a question ticked as answered yes is
    # no work: read as items, the FAQ's two "yes" answers were two done items (and its
    # "no", marked ❌, none)
    faq = """\
# FAQ

### ✅ 1. Does it run on Windows?

Yes, since version 2.

### ✅ 2. Can I use it offline?

Yes.

### ❌ 3. Does it support Python 2?

No.
"""
    assert read_items(faq) == ()
    assert finding_lines(faq) == []


def test_numbered_requests_done_are_still_read() -> None:
    # the shape the FAQ is told apart from: titles that name work, one asking a question
    plan = """\
# Requests

### ✅ 1. Logo as home button

Done.

### ✅ 2. Should the menu fold on phones?

Done: it folds.

### 3. Dark mode

Not begun.
"""
    assert [item.id for item in read_items(plan)] == ["1", "2", "3"]
