"""The fifteen patterns that were quadratic on a run of blanks (SAFE-35) find what their old
text found.

A pattern that opens with ``[ \\t]+`` and is searched is tried from every blank of a
run, each try reading to the run's end: a line of 99,000 tabs cost seconds per pattern.
Each now opens with ``(?<![ \\t])``: a match that starts inside a run of blanks has a match
at the run's first blank too, the leftmost, so a search finds the same match. Patterns
matched whole (a table cell's lazy title before trailing blanks) take the title greedily
up to its last character that is not a blank, the same title.

Each pattern is compared here with its old text, by the methods the package calls it
with, on random strings built from blanks and the pattern's own characters. A search
from a position is compared where the package starts one: never inside a run of blanks
(each caller starts after a match that ends by taking every blank).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from roadmaplint.reader import anchors, linestyle, outline_numbered
from roadmaplint.reader.shapes import common, listline, numbered, paragraphs, table_kinds
from roadmaplint.text import LazyPattern

Result = object
Call = Callable[[re.Pattern[str], str, int], Result]


def _span(match: re.Match[str] | None) -> Result:
    return None if match is None else (match.span(), match.groupdict(), match.groups())


def _search(pattern: re.Pattern[str], text: str, _: int) -> Result:
    return _span(pattern.search(text))


def _search_from(pattern: re.Pattern[str], text: str, start: int) -> Result:
    return _span(pattern.search(text, start))


def _match(pattern: re.Pattern[str], text: str, _: int) -> Result:
    return _span(pattern.match(text))


def _fullmatch(pattern: re.Pattern[str], text: str, _: int) -> Result:
    return _span(pattern.fullmatch(text))


def _finditer(pattern: re.Pattern[str], text: str, _: int) -> Result:
    return [_span(found) for found in pattern.finditer(text)]


def _sub(pattern: re.Pattern[str], text: str, _: int) -> Result:
    return pattern.sub("", text)


def _split(pattern: re.Pattern[str], text: str, _: int) -> Result:
    return pattern.split(text, maxsplit=1)


# (the pattern as it is, its old text, its flags, the calls the package makes, the
# characters its strings are built from besides blanks)
CASES: list[tuple[str, LazyPattern[str], str, int, tuple[Call, ...], str]] = [
    ("_ATX_CLOSE", anchors._ATX_CLOSE, r"(?:^|[ \t]+)#+[ \t]*$", 0, (_sub,), "#x\n"),
    (
        "_NEXT_FIELD",
        linestyle._NEXT_FIELD,
        r"[ \t]+[·•|][ \t]+(?=(\*\*|__)[^*_\n]{1,80}?(?::[ \t]*\1|\1[ \t]*:))",
        0,
        (_search, _search_from),
        "·|*_:ab",
    ),
    (
        "_STATUS_LINE",
        outline_numbered._STATUS_LINE,
        r"[ \t]*(?:[-*+][ \t]+)?(?:\*\*Status:?\*\*:?|Status:)[ \t]*\S",
        0,
        (_match,),
        "-*+:x",
    ),
    (
        "_WORK_FIELD_LINE",
        outline_numbered._WORK_FIELD_LINE,
        r"[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?(?:Status|Priority|Depends[ \t]+on|Dependencies|Owner|"
        r"Assignee)(?::\*\*|\*\*:|:)[ \t]*\S",
        re.I,
        (_match,),
        "-*+:x",
    ),
    ("_DESCRIPTION", listline._DESCRIPTION, r"[ \t]+[—–][ \t]+", 0, (_search, _finditer), "—–x"),
    (
        "_DONE_ON",
        listline._DONE_ON,
        r"[ \t]+\((?:done |completed )?[0-9]{4}-[0-9]{2}-[0-9]{2}\)[ \t]*$",
        0,
        (_sub,),
        "()0-",
    ),
    (
        "_TRAILING_ID",
        listline._TRAILING_ID,
        r"[ \t]+#(?P<id>[A-Za-z][A-Za-z0-9_.-]*[0-9])[ \t]*$",
        0,
        (_search, _search_from),
        "#a1.-",
    ),
    (
        "_TRAILING_PRIORITY",
        listline._TRAILING_PRIORITY,
        r"[ \t]+[-—–][ \t]*(?P<p>P[0-4](?:\.[0-9])?)[ \t]*$",
        0,
        (_search,),
        "-—P1.",
    ),
    (
        "_LEGEND",
        numbered._LEGEND,
        r"`(?P<mark>[-+~=?✓✔✗✘])`[ \t]*[:—–-]?[ \t]*(?P<label>[A-Za-z][A-Za-z -]*)",
        0,
        (_finditer,),
        "`-✓:—a",
    ),
    ("_LABEL_END", numbered._LABEL_END, r"[ \t]+[-—–:][ \t]+", 0, (_split,), "-—:a"),
    (
        "paragraphs._FIELD",
        paragraphs._FIELD,
        r"[ \t]*[-*+][ \t]+(?:\*\*)?(?P<key>[A-Za-z][A-Za-z ]{0,30}?)(?::\*\*|\*\*:|:)"
        r"[ \t]*(?P<value>.*)",
        0,
        (_fullmatch,),
        "-*:a\n",
    ),
    (
        "_NAMED_CELL",
        table_kinds._NAMED_CELL,
        r"[ \t]*(?:\*\*)?(?P<id>[^\s:*]+)(?:\*\*)?:[ \t]+(?P<title>\S.*?)[ \t]*",
        0,
        (_fullmatch,),
        "*:a\r\x0b",
    ),
    (
        "_CODED_CELL",
        table_kinds._CODED_CELL,
        r"[ \t]*(?:\*\*)?(?P<id>[vV]?[0-9]{1,4}(?:\.[0-9]{1,4}){1,3}|[A-Z]{1,3}[0-9]{1,4})"
        r"(?:\*\*)?[ \t]+(?!(?:19|20)[0-9]{2}\b)(?P<title>[^\s:—–-].*?)[ \t]*",
        0,
        (_fullmatch,),
        "*A1.2:—x\r\x0b",
    ),
]


def _strings(chars: str, rng: random.Random, count: int) -> list[str]:
    """Short strings of blanks and the pattern's own characters, blanks often in runs."""
    alphabet = chars + " \t"
    out = []
    for _ in range(count):
        pieces = []
        for _ in range(rng.randint(0, 10)):
            if rng.random() < 0.4:
                pieces.append(rng.choice(("  ", " \t", "\t\t", "   ")))
            else:
                pieces.append(rng.choice(alphabet))
        out.append("".join(pieces))
    return out


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_the_pattern_finds_what_its_old_text_found(
    case: tuple[str, LazyPattern[str], str, int, tuple[Call, ...], str],
) -> None:
    _, pattern, old_text, flags, calls, chars = case
    old = re.compile(old_text, flags)
    rng = random.Random(35)
    tried = 0
    for text in _strings(chars, rng, 6_000):
        starts = [0] + [at for at in range(1, len(text) + 1) if text[at - 1] not in " \t"]
        for call in calls:
            for start in starts if call is _search_from else [0]:
                assert call(pattern.compiled(), text, start) == call(old, text, start), (
                    text,
                    start,
                )
                tried += 1
    assert tried >= 6_000


def test_a_search_starting_inside_a_run_is_where_the_two_part() -> None:
    """The one place they differ, which no caller reaches: a search that starts inside a
    run of blanks. The old text matched from there; the look-behind waits for the run's
    first blank, which lies before the start."""
    text = "x  #T1"
    assert re.compile(CASES[6][2]).search(text, 2) is not None
    assert listline._TRAILING_ID.search(text, 2) is None
    assert listline._TRAILING_ID.search(text, 1) is not None


# The tokens as the search read them, with the tags of a key and its value the twelfth
# quiet sweep added (``@uid:task-010``, ``\`risk:medium\```) and no link (``https://``).
OLD_METADATA = re.compile(
    r"[ \t]+(?P<token>#[A-Za-z][\w/-]*|~[0-9.]+[mhdw]|![A-Za-z]+|@[A-Za-z0-9][\w.-]*"
    r"(?::[^\s:]\S*)?|[a-z][a-z-]*:(?!//)[^\s:]\S*|`[a-z][a-z-]*:[^\s`]*`)[ \t]*$"
)


def _old_without_metadata(text: str) -> tuple[str, list[str]]:
    tokens: list[str] = []
    while (found := OLD_METADATA.search(text)) is not None:
        tokens.append(found["token"])
        text = text[: found.start()]
    return text, tokens


def test_the_metadata_a_box_ends_with_is_read_from_the_end_as_the_search_read_it() -> None:
    """A box's trailing tags (``#docs @ann due:2026-01-10``) were peeled by searching the
    whole text again for each: quadratic in a box of 8,000 tags. They are read by index
    from the end now, the same tokens and the same text left."""
    rng = random.Random(36)
    pieces = (
        "#a",
        "#a1/b",
        "@x",
        "@a.b",
        "~2h",
        "~1.5d",
        "!high",
        "due:2026",
        "a-b:c:d",
        "x",
        "é",
        "\u00a0",
        "\n",
        ":",
        "#",
        "@",
        "~",
        "!",
        "(",
        "a:",
        "@x:y",
        "`risk:low`",
        "`",
        "//",
    )
    for _ in range(20_000):
        text = "".join(rng.choice((" ", "\t", "  ", *pieces)) for _ in range(rng.randint(0, 9)))
        assert listline._without_metadata(text) == _old_without_metadata(text), repr(text)
    assert listline._without_metadata("Ship it #docs @ann") == ("Ship it", ["@ann", "#docs"])


def test_a_headings_edges_are_stripped_as_the_pattern_stripped_them() -> None:
    """``edge_stripped`` does what ``re.sub(r"^[^\\w(]+|[^\\w)]+$", "", text)`` did, which
    tried a run of marks from each of its characters (8,000 ``(`` before a word: 1.6 s)."""
    old = re.compile(r"^[^\w(]+|[^\w)]+$")
    # since the seventh quiet sweep a GitHub emoji shortcode before the words is a mark too
    # (``:x: Done`` is ``❌ Done`` on the page): the old pattern, shortcodes taken first
    shortcodes = re.compile(r"^(?:[^\w(:]*:[a-z0-9_+-]{1,40}:(?![\w:]))*")
    rng = random.Random(37)
    chars = "()_-*#: \t\nxé١½²🚀—"
    for _ in range(20_000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 8)))
        expected = old.sub("", shortcodes.sub("", text, count=1))
        assert common.edge_stripped(text) == expected, repr(text)
    assert common.edge_stripped("🚀 Now (Q3):") == "Now (Q3)"
    assert common.edge_stripped(":white_check_mark: Done (17)") == "Done (17)"
    assert common.edge_stripped("\n:x:*") == ""  # ``:x:`` is the mark ❌, no word


def _old_without_remarks(text: str) -> str:
    while "(" in text and ")" in text.partition("(")[2]:
        before, _, rest = text.partition("(")
        text = before + rest.partition(")")[2]
    return text


def test_a_free_text_status_loses_its_remarks_as_it_did_cut_one_at_a_time() -> None:
    """A free-text status's remarks in brackets were cut one at a time, each cut copying
    the rest: a status of 12,000 `` — `` or of ``()()()`` grew quadratically. One pass cuts
    the same."""
    from roadmaplint.settings import _without_remarks

    rng = random.Random(38)
    for _ in range(20_000):
        text = "".join(rng.choice("()( )x ✅,") for _ in range(rng.randint(0, 12)))
        assert _without_remarks(text) == _old_without_remarks(text), repr(text)
    assert _without_remarks("UI partial (a card exists), done") == "UI partial , done"
