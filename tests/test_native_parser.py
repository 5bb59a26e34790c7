"""The native block parser reads every document exactly as markdown-it-py does.

markdown-it-py stays the reference: over every markdown file the tests have, the
example, the project's own documents and the hypothesis documents, both parsers give
the same block tokens, records, findings and ``fix`` output, and the write gate's
proof holds with either. A document the native parser does not serve is read by
markdown-it-py, and the reason names the construct.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmaplint.errors import RoadmapError
from roadmaplint.generate.fix import fix_text
from roadmaplint.reader import parse
from roadmaplint.reader.blocks import PARSER_VARIABLE, REFERENCE_PARSER, tokenize
from roadmaplint.rules.engine import check_text
from tests.conftest import GOMLX, REPO, cli, run_python
from tests.strategies import roadmaps

native = pytest.importorskip("roadmaplint.reader.native")
pytest.importorskip("markdown_it_pyrs")

DOCUMENTS = sorted(
    path
    for path in {
        *REPO.glob("tests/**/*.md"),
        *REPO.glob("examples/**/*.md"),
        *REPO.glob("docs/**/*.md"),
        *REPO.glob("*.md"),
        *REPO.glob("bench/*.md"),
    }
    # the repository's own documents: not the npm packages the browser tests install
    # (whose folders may end in .md, like backlog.md)
    if path.is_file() and "node_modules" not in path.relative_to(REPO).parts
)
# What markdown-it-py's Token carries that the reader reads.
FIELDS = ("type", "tag", "nesting", "level", "map", "markup", "info", "content")


@contextlib.contextmanager
def reference_parser() -> Iterator[None]:
    """Every document read by markdown-it-py while inside."""
    before = os.environ.get(PARSER_VARIABLE)
    os.environ[PARSER_VARIABLE] = REFERENCE_PARSER
    try:
        yield
    finally:
        if before is None:
            del os.environ[PARSER_VARIABLE]
        else:
            os.environ[PARSER_VARIABLE] = before


def outcome(read: Callable[[], Any]) -> Any:
    """What ``read`` gives, or the one-line error it refuses with."""
    try:
        return read()
    except RoadmapError as error:
        return ("refused", str(error))


def block_tokens(text: str) -> list[tuple[Any, ...]]:
    # markdown-it-py writes one marker too many into an hr's markup; nothing reads it
    return [
        tuple(
            "" if name == "markup" and token.type == "hr" else getattr(token, name)
            for name in FIELDS
        )
        for token in tokenize(text)[0]
    ]


def same_reading(text: str) -> None:
    """Both parsers: the same tokens, records, findings and fixed text (proved by the gate)."""
    readings = []
    for chosen in (contextlib.nullcontext(), reference_parser()):
        with chosen:
            readings.append(
                (
                    block_tokens(text),
                    outcome(lambda: parse(text)),
                    outcome(lambda: check_text(text)),
                    outcome(lambda: fix_text(text).text),
                )
            )
    assert readings[0] == readings[1]


def test_the_documents_cover_the_corpus_and_fixtures() -> None:
    names = {path.relative_to(REPO).parts[:2] for path in DOCUMENTS}
    assert ("tests", "corpus") in names and ("tests", "fixtures") in names
    assert len(DOCUMENTS) > 40


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: str(path.relative_to(REPO)))
def test_every_document_reads_the_same(path: Path) -> None:
    same_reading(path.read_text(encoding="utf-8"))


def test_most_documents_are_served_natively() -> None:
    """The comparison above means something only if the native parser read them."""
    unserved = {
        str(path.relative_to(REPO)): native.unserved(path.read_text(encoding="utf-8"))
        for path in DOCUMENTS
    }
    left = {name: why for name, why in unserved.items() if why}
    assert len(left) * 10 < len(DOCUMENTS), left
    assert native.unserved(GOMLX.read_text(encoding="utf-8")) is None
    assert native.unserved("> a quote\n> - with a list\n>\n> and more\n") is None


@given(roadmaps(rich=True))
def test_generated_roadmaps_read_the_same(text: str) -> None:
    same_reading(text)


# Lines that make block structure, the awkward ones included: tabs, lazy lines,
# unclosed fences and HTML, setext underlines, empty items, CRLF and lone CR.
LINES = (
    "# H", "## [MODEL-1] x", "  ## Indented", "Title", "===", "---", "- a", "  - b",
    "    - c", "* s", "+ p", "1. one", "2) two", "   10. ten", "```", "```py x", "~~~",
    "    code", "\tcode", "<div>", "</div>", "<!-- c -->", "<!--", "-->", "", "", "text *e*",
    "- [ ] box", "  continued", "\tq", "  ", "***", "- ", "-", "1.", "<pre>", "</pre>",
    "#### h ##", "- # in", "- ```", "  ```", "&amp; x", "\\- esc", "| a | b |", "a  ",
    "- a\t\tb", "\t- tab item", "–ïünï", "  ====", "1. ```", "   ~~~ info ~", "<script>",
    "</script>", "- <div>", "  <!-- n -->", "      - deep", "-\ttabbed", "2.\tx", "# H #",
    "> quoted", "> > deeper", ">", ">\tt", "> - in a quote", "  > x", "3. lazy", "> ```",
    "[ref]: /url",
)  # fmt: skip


@given(
    st.lists(st.sampled_from(LINES), min_size=1, max_size=25),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.booleans(),
)
def test_random_block_structure_tokenizes_the_same(
    lines: list[str], newline: str, ended: bool
) -> None:
    text = newline.join(lines) + (newline if ended else "")
    native_tokens = block_tokens(text)
    with reference_parser():
        assert block_tokens(text) == native_tokens


@pytest.mark.parametrize(
    ("text", "construct"),
    [
        ("> quote\n  3. a lazy line\n", "a block quote with a lazy line"),
        ("> quote\n> > inside\n", "a block quote inside a block quote"),
        ("> quote\n>\ttab\n", "a tab in a block quote's margin"),
        ("> quote\n>\n\ntext\n", "a block quote ending in an empty > line"),
        ("".join("  " * depth + "- x\n" for depth in range(25)), "containers nested past"),
    ],
)
def test_what_is_not_served_is_named_and_read_by_markdown_it_py(text: str, construct: str) -> None:
    assert construct in (native.unserved(text) or "")
    same_reading(text)


@pytest.mark.parametrize(
    "text",
    [
        # an unclosed HTML block of kinds 1-5 in a list item: markdown-it-py runs it to
        # the item's end, blank lines included; markdown-it-pyrs stopped before them
        "- <!-- a note\n\nafter\n",
        "- <?x\n\ny\n",
        "1. <script>\n\n   x\n\ntext\n",
        "## [A-1] Item\n\n- <![CDATA[\n\n- **Status:** done\n",
        # a destination ending in a backslash (a Windows path) is a definition for
        # markdown-it-py; markdown-it-pyrs read a paragraph
        "[r]: a\\",
        "[ref]:\nC:\\tools\\\n",
        "Intro.\n\n[win]: C:\\plans\\ 'x'\n\n## [A-1] Item\n",
    ],
)
def test_constructs_found_by_the_breaker_read_the_same(text: str) -> None:
    native_tokens = block_tokens(text)
    with reference_parser():
        assert block_tokens(text) == native_tokens
    same_reading(text)


@pytest.mark.parametrize(
    ("unit", "count"), [("> ", 30_000), ("- ", 30_000), (">", 90_000), ("1. ", 30_000)]
)
def test_a_line_of_thousands_of_containers_is_left_to_markdown_it_py(
    unit: str, count: int, tmp_path: Path
) -> None:
    """markdown-it-pyrs would overflow its stack and kill the process: checked apart."""
    code = (
        "from roadmaplint.reader import native\n"
        "from roadmaplint.reader.blocks import tokenize\n"
        f"text = 'Roadmap\\n\\n' + {unit!r} * {count} + 'x\\n'\n"
        "print(native.unserved(text))\n"
        "print(len(tokenize(text)[0]) > 0)\n"
    )
    found = run_python(code, tmp_path)
    assert found.returncode == 0, found.stderr
    assert found.stdout.splitlines() == [
        "containers nested past markdown-it-py's limit on one line",
        "True",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "See [the doc] and [Other].\n\n[the doc]: <https://example.com/a b> 'its title'\n"
        "[THE  DOC]: /second\n- [other]: /in-a-list\n",
        '> [quoted]: /q "title"\n\n## [GRAPH-1] [quoted]\n',
    ],
)
def test_link_reference_definitions_are_served(text: str) -> None:
    """markdown-it-py reads each definition's own lines, so the env is its own."""
    assert native.unserved(text) is None
    env: dict[str, Any] = {}
    tokens = native.tokenize(text, env)
    assert tokens is not None
    with reference_parser():
        assert tokenize(text)[1] == env
    same_reading(text)


def test_check_imports_no_markdown_it_py(tmp_path: Path) -> None:
    """On the native path a plain check of the example never imports markdown-it-py."""
    code = (
        "import sys\n"
        "from roadmaplint.entry import main\n"
        f"sys.argv = ['roadmaplint', 'check', {str(GOMLX)!r}]\n"
        "status = main()\n"
        "print(status, sorted(name for name in sys.modules if name.split('.')[0] == 'markdown_it'))\n"
    )
    found = run_python(code, tmp_path)
    assert found.stdout.splitlines()[-1] == "1 []", found.stderr


def test_the_reference_parser_can_be_chosen(tmp_path: Path) -> None:
    """ROADMAPLINT_PARSER=markdown-it-py reads with the reference, with the same output."""
    native_run = cli("check", str(GOMLX), cwd=tmp_path)
    os.environ[PARSER_VARIABLE] = REFERENCE_PARSER
    try:
        reference_run = cli("check", str(GOMLX), cwd=tmp_path)
        code = "from roadmaplint.reader.blocks import native_parser\nprint(native_parser())\n"
        assert run_python(code, tmp_path).stdout.strip() == "False"
    finally:
        del os.environ[PARSER_VARIABLE]
    assert native_run.returncode == reference_run.returncode == 1
    assert native_run.stdout == reference_run.stdout
