"""The native parser reads a large text in pieces and still gives markdown-it-py's tokens.

A piece ends with a line that may be a heading at the top level; the piece's own tree
says whether it is one (then nothing is open after it) or goes on. With pieces of one
byte every such line is tried, so every document the tests have and the random block
structures below are read with as many piece ends as they can have.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import GOMLX, REPO
from tests.test_native_parser import DOCUMENTS, LINES, block_tokens, reference_parser

native = pytest.importorskip("roadmaplint.reader.native")


@pytest.fixture(autouse=True)
def smallest_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(native, "_PIECE", 1)


def pieces(text: str) -> list[int]:
    """Where each piece of ``text`` starts (in bytes)."""
    return [start for start, _ in native._pieces(text.encode())]


def reads_the_same(text: str) -> None:
    native_tokens = block_tokens(text)
    with reference_parser():
        assert block_tokens(text) == native_tokens


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: str(path.relative_to(REPO)))
def test_every_document_reads_the_same_in_pieces(path: Path) -> None:
    reads_the_same(path.read_text(encoding="utf-8"))


def test_a_roadmap_is_read_in_a_piece_per_heading() -> None:
    text = GOMLX.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(pieces(text)) == len(headings)


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("# A\ntext\n## B\n- item\n", [0, 14]),  # a piece is one byte or more
        ("text\n# interrupts\nmore\n", [0, 18]),
        ("> quoted\n# out\ntext\n", [0, 15]),
        # a heading in the item above it, a fence, a comment or code ends no piece
        ("- a\n\n  # in the item\n\nafter\n", [0]),
        ("```\n# in a fence\n```\n# out\ntext\n", [0, 27]),
        ("<!--\n# in a comment\n-->\n# out\ntext\n", [0, 30]),
        ("    # code\n# out\ntext\n", [0, 17]),
    ],
)
def test_a_piece_ends_only_after_a_heading_that_closed_everything(
    text: str, starts: list[int]
) -> None:
    assert pieces(text) == starts
    reads_the_same(text)


HEADINGS = ("# H", "## x", "  ## y", "   # z", "#", "# ", "    # code", "- # in", "> # q")


@given(
    st.lists(st.sampled_from(LINES + HEADINGS * 3), min_size=1, max_size=30),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.booleans(),
)
def test_random_block_structure_reads_the_same_in_pieces(
    lines: list[str], newline: str, ended: bool
) -> None:
    reads_the_same(newline.join(lines) + (newline if ended else ""))
