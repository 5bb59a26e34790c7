"""The parser on the layouts people write: it reads markdown structure, not lines."""

from __future__ import annotations

import pytest
from conftest import LEGENDS, item, roadmap

from roadmaplint.model import Roadmap
from roadmaplint.reader import InlineText, parse


def summary(
    parsed: Roadmap,
) -> list[tuple[str, str | None, str | None, str | None, tuple[str, ...]]]:
    return [
        (found.id, found.section, found.status, found.priority, found.depends_on)
        for found in parsed.items
    ]


BASE = roadmap(
    ("Modeling", [item("MODEL-1", status="done"), item("MODEL-2", depends="MODEL-1")]),
    ("Graph", [item("GRAPH-1", status="idea", priority="P2", depends="MODEL-2, Go 1.26")]),
)
EXPECTED = [
    ("MODEL-1", "Modeling", "done", "P1", ()),
    ("MODEL-2", "Modeling", "ready", "P1", ("MODEL-1",)),
    ("GRAPH-1", "Graph", "idea", "P2", ("MODEL-2",)),
]


def test_plain_layout() -> None:
    parsed = parse(BASE)
    assert summary(parsed) == EXPECTED
    assert parsed.items[2].external_deps == ("Go 1.26",)


@pytest.mark.parametrize("spaces", [0, 1, 2, 3])
def test_indentation_up_to_three_spaces(spaces: int) -> None:
    text = "".join(" " * spaces + line if line.strip() else line for line in BASE.splitlines(True))
    parsed = parse(text)
    assert summary(parsed) == EXPECTED
    assert parsed.style.indent == " " * spaces
    assert parsed.items[0].position.column == spaces + 1


def test_four_spaces_is_a_code_block_not_items() -> None:
    text = "".join("    " + line if line.strip() else line for line in BASE.splitlines(True))
    assert parse(text).items == ()


@pytest.mark.parametrize("bullet", ["*", "+"])
def test_other_bullets(bullet: str) -> None:
    text = BASE.replace("\n- ", f"\n{bullet} ").replace("\n  - ", f"\n  {bullet} ")
    parsed = parse(text)
    assert summary(parsed) == EXPECTED
    assert parsed.style.bullet == bullet


def test_setext_headings() -> None:
    text = BASE.replace("# Modeling\n", "Modeling\n========\n").replace(
        "## [MODEL-2] Something\n", "[MODEL-2] Something\n-------------------\n"
    )
    assert summary(parse(text)) == EXPECTED


def test_crlf_line_endings() -> None:
    parsed = parse(BASE.replace("\n", "\r\n"))
    assert summary(parsed) == EXPECTED
    assert parsed.style.newline == "\r\n"
    assert parsed.items[1].field("depends on").value == "MODEL-1"  # type: ignore[union-attr]


def test_utf8_bom() -> None:
    parsed = parse("\ufeff" + BASE)
    assert summary(parsed) == EXPECTED
    assert parsed.style.bom
    assert parsed.title == "Test Roadmap"


def test_code_blocks_hide_item_headings() -> None:
    fenced = "```markdown\n## [MODEL-9] Not an item\n- **Status:** nonsense\n```\n\n"
    indented = "    ## [MODEL-8] Not an item either\n\n"
    text = BASE.replace("## [MODEL-2]", fenced + indented + "## [MODEL-2]")
    parsed = parse(text)
    assert summary(parsed) == EXPECTED


def test_html_comments_and_block_quotes_are_not_items() -> None:
    text = BASE.replace(
        "## [MODEL-2]", "<!--\n## [MODEL-7] hidden\n-->\n\n> ## [MODEL-6] quoted\n\n## [MODEL-2]"
    )
    assert [found.id for found in parse(text).items] == ["MODEL-1", "MODEL-2", "GRAPH-1"]


def test_colon_outside_the_bold_and_case_insensitive_names() -> None:
    text = LEGENDS + "# Modeling\n\n## [MODEL-1] A\n\n- **dri**: @ana\n- __STATUS:__ done\n"
    found = parse(text).items[0]
    assert (found.dri, found.status) == ("@ana", "done")
    assert [field.name for field in found.fields] == ["dri", "STATUS"]


def test_values_are_plain_text() -> None:
    text = LEGENDS + (
        "# Graph\n\n## [GRAPH-1] A\n\n## [GRAPH-2] B\n\n"
        "- **DRI:** _unassigned_\n- **Status:** `ready`\n"
        "- **Depends on:** [GRAPH-1](#graph-1), `GRAPH-3`, go-highway\n"
        "- **Description:** Uses *emphasis* and a [link](https://example.org) &amp; more.\n"
    )
    found = parse(text).items[1]
    assert found.dri == "unassigned"
    assert found.status == "ready"
    assert found.depends_on == ("GRAPH-1", "GRAPH-3")
    assert found.external_deps == ("go-highway",)
    assert found.field("description").value == "Uses emphasis and a link & more."  # type: ignore[union-attr]


def test_definition_of_done_task_items() -> None:
    text = LEGENDS + (
        "# Graph\n\n## [GRAPH-1] A\n\n- **Definition of Done:**\n"
        "  - [x] shipped\n  - [ ] documented\n  - plain bullet\n"
    )
    done = parse(text).items[0].definition_of_done
    assert [(entry.text, entry.checked, entry.line) for entry in done] == [
        ("shipped", True, 22),
        ("documented", False, 23),
        ("plain bullet", None, 24),
    ]


def test_none_means_no_dependency() -> None:
    text = LEGENDS + "# Graph\n\n## [GRAPH-1] A\n\n- **Depends on:** none\n"
    found = parse(text).items[0]
    assert (found.depends_on, found.external_deps) == ((), ())


def test_legend_separators() -> None:
    text = (
        "# R\n\n## Status Legend\n\n- `a` – en dash\n- `b` — em dash\n- `c` - hyphen\n"
        "- `d`: colon\n- e – plain\n\n## Priority Legend\n\n- `P0` – x\n"
    )
    legend = parse(text).status_legend
    assert legend is not None
    assert [(entry.value, entry.description) for entry in legend.entries] == [
        ("a", "en dash"),
        ("b", "em dash"),
        ("c", "hyphen"),
        ("d", "colon"),
        ("e", "plain"),
    ]


def test_item_spans_and_field_lines() -> None:
    parsed = parse(BASE)
    first = parsed.items[0]
    assert (first.position.line, first.end_line) == (21, 27)
    assert [(f.key, f.position.line, f.end_line) for f in first.fields] == [
        ("dri", 23, 23),
        ("status", 24, 24),
        ("priority", 25, 25),
        ("definition of done", 26, 27),
    ]


def test_inline_parser_skipped_for_plain_text() -> None:
    from markdown_it import MarkdownIt

    text = InlineText(MarkdownIt("commonmark"), {})
    assert text("plain words here") == "plain words here"
    assert text.parses == 0
    assert text("*emphasis*") == "emphasis"
    assert text.parses == 1


@pytest.mark.parametrize(
    "source",
    ["a b", "x_y", "`code` span", "a [b](c) d", "&amp;", "**x**: y", "a\\*b", "![alt](src)"],
)
def test_plain_text_agrees_with_the_inline_parser(source: str) -> None:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    tokens = md.parseInline(source)[0].children or []
    reference = "".join(
        token.content if token.type in ("text", "code_inline") else ""
        for token in tokens
        if token.type != "image"
    ) + "".join(token.content for token in tokens if token.type == "image")
    assert InlineText(md, {})(source) == " ".join(reference.split())


def test_value_column_when_the_value_repeats_the_name() -> None:
    text = LEGENDS + "# Graph\n\n## [GRAPH-1] A\n\n- **Status:** Status\n"
    found = parse(text).items[0].field("status")
    assert found is not None
    assert (found.position.column, found.value_position.column) == (3, 15)
