"""Markdown text -> Roadmap records. The only module that imports markdown_it.

The block structure comes from markdown-it-py's block parser and its line
maps. Inline parsing is run only on the text whose value is read, and not at
all where the text holds no inline markup: on a large roadmap the inline pass
over every paragraph would cost as much as the block parse itself.
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from roadmaplint.errors import RoadmapError
from roadmaplint.idpattern import HEADING, id_regex
from roadmaplint.model import (
    Block,
    Comment,
    DoneCriterion,
    Field,
    GraphSection,
    Heading,
    Item,
    Legend,
    LegendEntry,
    LinkReference,
    Overview,
    OverviewEntry,
    OverviewGroup,
    Position,
    Region,
    Roadmap,
    Section,
    Style,
)
from roadmaplint.settings import Settings

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

BOM = "\ufeff"
STATUS_LEGEND = "status legend"
PRIORITY_LEGEND = "priority legend"
DEPENDS_ON = "depends on"
DEFINITION_OF_DONE = "definition of done"

# `**Name:** value` or `**Name**: value` (also with underscores), at the start of a list item.
_FIELD = re.compile(r"(\*\*|__)([^*_\n]{1,80}?)(?::[ \t]*\1|\1[ \t]*:)[ \t]*")
# `` `value` – description `` in a legend; the separator may be –, —, - or :.
_LEGEND_CODE = re.compile(r"`([^`\n]{1,200})`[ \t]*(?:[–—:-][ \t]*)?(.*)", re.S)
_LEGEND_PLAIN = re.compile(r"(\S{1,200}?)[ \t]*(?:[–—:]|[ \t]-)[ \t]*(.*)", re.S)
_TASK_BOX = re.compile(r"\[([ xX])\][ \t]+")
# Characters after which inline markup may change the text; without them the
# inline parser would return the text unchanged, so it is not run.
_INLINE_MARKUP = re.compile(r"[\\`*_<>&!\n]|\]\s*[(\[]")
_NEWLINES = re.compile(r"\r\n?|\n")
_NO_DEPENDENCY = frozenset({"", "none", "n/a", "-", "–", "—"})
# Top-level block tokens and the kind of Block each opens.
_BLOCK_KINDS = {
    "heading_open": "heading",
    "paragraph_open": "paragraph",
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "fence": "fence",
    "code_block": "code",
    "html_block": "html",
    "hr": "hr",
    "blockquote_open": "quote",
    "table_open": "table",
}
GENERATED_SETTING = {"overview": "overview-heading", "graph": "graph-heading"}

_parser: MarkdownIt | None = None


def _markdown() -> MarkdownIt:
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt

        _parser = MarkdownIt("commonmark").disable("inline")
    return _parser


def normalize_key(name: str) -> str:
    """The lookup key of a field name: lower case with single spaces."""
    return " ".join(name.lower().split())


def split_lines(text: str) -> list[str]:
    """Lines with their endings, split exactly where markdown sees line ends."""
    lines: list[str] = []
    start = 0
    for match in _NEWLINES.finditer(text):
        lines.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        lines.append(text[start:])
    return lines


class InlineText:
    """Plain text of inline markdown, parsing only where markup could matter."""

    def __init__(self, md: MarkdownIt, env: dict[str, Any]) -> None:
        self._md = md
        self._env = env
        self._has_references = bool(env.get("references"))
        self._seen: dict[str, str] = {}  # values repeat: `_unassigned_`, `in_progress`, ...
        self.parses = 0

    def __call__(self, source: str) -> str:
        if not _INLINE_MARKUP.search(source) and not (self._has_references and "[" in source):
            return " ".join(source.split())
        known = self._seen.get(source)
        if known is None:
            self.parses += 1
            tokens: list[Token] = []
            self._md.inline.parse(source, self._md, self._env, tokens)
            known = self._seen[source] = " ".join(_token_text(tokens).split())
        return known


def _token_text(tokens: Sequence[Token]) -> str:
    parts: list[str] = []
    for token in tokens:
        if token.type in ("text", "text_special", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image" and token.children:
            parts.append(_token_text(token.children))
    return "".join(parts)


@dataclass
class _ItemDraft:
    id: str
    title: str
    section: str | None
    position: Position
    end_line: int
    fields: list[Field] = field(default_factory=list)
    done: list[DoneCriterion] = field(default_factory=list)


@dataclass
class _GroupDraft:
    label: str
    priority: str
    line: int
    entries: list[OverviewEntry] = field(default_factory=list)


@dataclass
class _OverviewDraft:
    heading: Position
    indent: str
    body_end: int
    groups: list[_GroupDraft] = field(default_factory=list)
    bullet: str | None = None


@dataclass
class _GraphDraft:
    heading: Position
    indent: str
    body_end: int
    code: str | None = None
    code_line: int | None = None
    code_end: int | None = None


class _Reader:
    """One pass over the block tokens, building drafts of the records."""

    def __init__(
        self,
        body: str,
        path: str,
        settings: Settings,
        continued: bool,
        references: Sequence[LinkReference] = (),
    ) -> None:
        self.path = path
        self.id_heading = id_regex(settings.id_pattern, HEADING)
        self.id_only = id_regex(settings.id_pattern)
        self.overview_key = normalize_key(settings.overview_heading)
        self.graph_key = normalize_key(settings.graph_heading)
        md = _markdown()
        # Definitions made above a continued text count in it, as in the whole document.
        self.env: dict[str, Any] = {}
        if references:
            self.env["references"] = {
                found.label: {"href": found.url, "title": found.title, "map": None}
                for found in references
            }
        self.tokens = md.parse(body, self.env)
        self.text = InlineText(md, self.env)
        self.lines = split_lines(body)
        self.title: str | None = None
        self.title_position: Position | None = None
        self.section: str | None = None
        # A continued text (the rest of a document from one of its level-1
        # headings on) has had its title already.
        self.h1_count = 1 if continued else 0
        self.h1_lines: list[int] = []
        self.sections: list[tuple[str, Position]] = []
        self.items: list[_ItemDraft] = []
        self.headings: list[tuple[Heading, int]] = []  # with the H1 ordinal they sit under
        self.sections_with_items: set[int] = set()
        self.legends: dict[str, Legend] = {}
        self.overviews: list[_OverviewDraft] = []
        self.graphs: list[_GraphDraft] = []
        self.comments: list[Comment] = []
        self.blocks: list[Block] = []
        self.section_name = ""  # the level-1 heading the reader is under, as written
        self.field_bullets: Counter[str] = Counter()
        # where list items go: "item", a legend key, "overview", or None
        self.mode: str | None = None
        self.legend_name = ""
        self.legend_position = Position(1, 1)
        self.legend_entries: list[LegendEntry] = []
        self.current_field: tuple[str, _ItemDraft] | None = None

    def column_of(self, line: int, text: str) -> int:
        """1-based column where ``text`` starts on 1-based ``line``."""
        source = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        probe = text.split("\n", 1)[0][:40]
        found = source.find(probe) if probe else -1
        if found < 0:
            found = len(source) - len(source.lstrip())
        return found + 1

    def heading_position(self, line: int) -> Position:
        source = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return Position(line, len(source) - len(source.lstrip()) + 1)

    def read(self) -> None:
        tokens = self.tokens
        # markdown-it-py silently skips the rest of the document inside a container
        # opened at its nesting limit: refuse instead of reading half a file.
        deepest = _markdown().options.maxNesting - 1
        for index, token in enumerate(tokens):
            if token.level >= deepest and token.nesting == 1:
                line = token.map[0] + 1 if token.map else 1
                raise RoadmapError(
                    f"{self.path}: line {line} nests lists or block quotes more than "
                    f"{deepest} levels deep; the markdown parser stops reading there"
                )
            kind = token.type
            if token.level == 0 and token.nesting >= 0 and token.map and kind in _BLOCK_KINDS:
                self.on_block(token)
            if kind == "heading_open":
                self.on_heading(token, tokens[index + 1])
            elif kind == "list_item_open":
                self.on_list_item(token, tokens, index)
            elif kind == "html_block" and token.content.lstrip().startswith("<!--") and token.map:
                self.comments.append(Comment(token.content.strip(), token.map[0] + 1, token.map[1]))
            elif (
                kind == "fence"
                and self.mode == "graph"
                and token.level == 0
                and token.info.split()[:1] == ["mermaid"]
                and self.graphs[-1].code is None
            ):
                self.graphs[-1].code = token.content
                if token.map:
                    self.graphs[-1].code_line = token.map[0] + 1
                    self.graphs[-1].code_end = _last_content_line(token.map[1], self.lines)
            if token.map and token.level == 0 and kind != "hr":
                self.extend(token.map[1])
        self.close_legend()

    def on_block(self, token: Token) -> None:
        assert token.map is not None
        kind = _BLOCK_KINDS[token.type]
        level = int(token.tag[1]) if kind == "heading" else 0
        info = token.info.strip() if kind == "fence" else ""
        # A fence's last line is its closing fence; other blocks end at their
        # last written line (markdown-it counts the blank lines after a list in).
        end = token.map[1] if kind == "fence" else _last_content_line(token.map[1], self.lines)
        self.blocks.append(Block(kind, token.map[0] + 1, max(end, token.map[0] + 1), level, info))

    def extend(self, end_line: int) -> None:
        """Record that the open item or overview reaches ``end_line``."""
        if self.mode == "item" and self.items:
            self.items[-1].end_line = max(self.items[-1].end_line, end_line)
        elif self.mode == "overview" and self.overviews:
            self.overviews[-1].body_end = max(self.overviews[-1].body_end, end_line)
        elif self.mode == "graph" and self.graphs:
            self.graphs[-1].body_end = max(self.graphs[-1].body_end, end_line)

    def on_heading(self, token: Token, inline: Token) -> None:
        if token.level != 0 or token.map is None:
            return  # a heading in a block quote or list is prose, not structure
        line = token.map[0] + 1
        level = int(token.tag[1])
        text = self.text(inline.content)
        position = self.heading_position(line)
        if self.mode in GENERATED_SETTING and level == 2 and self.id_heading.fullmatch(text):
            setting = GENERATED_SETTING[self.mode]
            raise RoadmapError(
                f"{self.path}:{line}: the item heading {text!r} is inside the generated "
                f'section "{self.section_name}", which fix regenerates; move the item to a '
                f"section of items, or name another section with {setting}"
            )
        if self.mode == "overview" and level > 1:
            if level == 2:
                words = text.split()
                priority = words[0] if words else ""
                self.overviews[-1].groups.append(_GroupDraft(text, priority, line))
                self.overviews[-1].body_end = line
            return
        if level > 2:
            return
        self.close_legend()
        self.current_field = None
        if level == 1:
            self.on_section(text, line, position)
            return
        key = normalize_key(text)
        if key in (STATUS_LEGEND, PRIORITY_LEGEND):
            self.mode = key
            self.legend_name = text
            self.legend_position = position
            self.legend_entries = []
            return
        match = self.id_heading.fullmatch(text)
        if match:
            self.mode = "item"
            self.sections_with_items.add(self.h1_count)
            self.items.append(
                _ItemDraft(match["id"], match["title"].strip(), self.section, position, line)
            )
            return
        self.mode = None
        heading = Heading(level, text, position, self.section, in_item_section=False)
        self.headings.append((heading, self.h1_count))

    def on_section(self, text: str, line: int, position: Position) -> None:
        self.h1_count += 1
        self.h1_lines.append(line)
        self.section_name = text
        if self.title is None:
            self.title = text
            self.title_position = position
        key = normalize_key(text)
        indent = self.lines[line - 1][: position.column - 1]
        # The first level-1 heading is the document's title, never a generated
        # section: a roadmap titled "Dependency Graph" keeps its legends.
        if self.h1_count == 1:
            key = ""
        if key == self.overview_key:
            self.mode = "overview"
            self.overviews.append(_OverviewDraft(position, indent, line))
            self.section = None
            return
        if key == self.graph_key:
            self.mode = "graph"
            self.graphs.append(_GraphDraft(position, indent, line))
            self.section = None
            return
        self.mode = None
        self.section = text
        if self.h1_count > 1:
            self.sections.append((text, position))

    def close_legend(self) -> None:
        if self.mode in (STATUS_LEGEND, PRIORITY_LEGEND) and self.mode not in self.legends:
            self.legends[self.mode] = Legend(
                self.legend_name, self.legend_position, tuple(self.legend_entries)
            )

    def on_list_item(self, token: Token, tokens: list[Token], index: int) -> None:
        content, line = _first_inline(tokens, index)
        if line is None:
            return
        if token.level == 1:
            self.current_field = None
            if self.mode == "item":
                self.on_field(token, content, line)
            elif self.mode in (STATUS_LEGEND, PRIORITY_LEGEND):
                self.on_legend_entry(content, line)
            elif self.mode == "overview" and self.overviews:
                self.on_overview_entry(token, content, line)
        elif token.level == 3 and self.current_field is not None:
            key, item = self.current_field
            if key == DEFINITION_OF_DONE:
                box = _TASK_BOX.match(content)
                checked = None if box is None else box[1] != " "
                text = self.text(content[box.end() :] if box else content)
                item.done.append(DoneCriterion(text, checked, line))

    def on_field(self, token: Token, content: str, line: int) -> None:
        match = _FIELD.match(content)
        if match is None:
            return
        item = self.items[-1]
        name = match[2].strip()
        column = self.column_of(line, content)
        raw_value = content[match.end() :]
        # The paragraph's first line is the source line less its indentation, so
        # the value starts exactly match.end() characters after the content.
        value_column = column + match.end()
        key = normalize_key(name)
        assert token.map is not None
        item.fields.append(
            Field(
                name=name,
                key=key,
                value=self.text(raw_value),
                position=Position(line, column),
                value_position=Position(line, value_column),
                end_line=max(line, _last_content_line(token.map[1], self.lines)),
            )
        )
        self.field_bullets[token.markup] += 1
        self.current_field = (key, item)

    def on_legend_entry(self, content: str, line: int) -> None:
        match = _LEGEND_CODE.match(content)
        if match:
            value, description = match[1].strip(), self.text(match[2])
        else:
            text = self.text(content)
            plain = _LEGEND_PLAIN.match(text)
            if plain:
                value, description = plain[1], plain[2].strip()
            else:
                value, description = (text.split() or [""])[0], ""
        if value:
            self.legend_entries.append(LegendEntry(value, description, line))

    def on_overview_entry(self, token: Token, content: str, line: int) -> None:
        overview = self.overviews[-1]
        if overview.bullet is None:
            overview.bullet = token.markup
        words = self.text(content).split()
        if words and overview.groups:
            assert token.map is not None
            end = max(line, _last_content_line(token.map[1], self.lines))
            bare = end == line and content.strip() == words[0]
            overview.groups[-1].entries.append(OverviewEntry(words[0], line, end, bare))


def _first_inline(tokens: list[Token], index: int) -> tuple[str, int | None]:
    """The content and 1-based line of a list item's first paragraph, if it has one."""
    if index + 2 < len(tokens):
        paragraph, inline = tokens[index + 1], tokens[index + 2]
        if paragraph.type == "paragraph_open" and inline.type == "inline" and inline.map:
            return inline.content, inline.map[0] + 1
    return "", None


def _last_content_line(end: int, lines: list[str]) -> int:
    """The last non-blank line at or before the 1-based line ``end``."""
    line = min(end, len(lines))
    while line > 1 and not lines[line - 1].strip():
        line -= 1
    return line


def parse(
    text: str,
    path: str = "ROADMAP.md",
    settings: Settings | None = None,
    *,
    continued: bool = False,
    references: Sequence[LinkReference] = (),
) -> Roadmap:
    """Read a roadmap's text into records.

    ``continued`` reads the rest of a document from one of its level-1 headings
    on: that heading is then not taken for the title. ``references`` are link
    reference definitions made above such a rest, which inline links in it use.
    """
    settings = settings or Settings()
    bom = text.startswith(BOM)
    body = text[1:] if bom else text
    # The parse allocates hundreds of thousands of tokens and records and makes no
    # reference cycles: the cyclic garbage collector would only rescan them, again
    # and again (a quarter of the time on a large roadmap).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _records(text, path, settings, bom, body, continued, references)
    finally:
        if collecting:
            gc.enable()


def _records(
    text: str,
    path: str,
    settings: Settings,
    bom: bool,
    body: str,
    continued: bool,
    references: Sequence[LinkReference],
) -> Roadmap:
    reader = _Reader(body, path, settings, continued, references)
    reader.read()
    newline_match = _NEWLINES.search(body)
    lines = reader.lines
    style = Style(
        newline=newline_match[0] if newline_match else "\n",
        indent=_indent_of_items(reader),
        bullet=reader.field_bullets.most_common(1)[0][0] if reader.field_bullets else "-",
        bom=bom,
        final_newline=not lines or lines[-1].endswith(("\n", "\r")),
        line_count=len(lines),
    )
    return Roadmap(
        path=path,
        title=reader.title,
        title_position=reader.title_position,
        status_legend=reader.legends.get(STATUS_LEGEND),
        priority_legend=reader.legends.get(PRIORITY_LEGEND),
        sections=_finish_sections(reader),
        items=tuple(_finish_item(draft, reader.id_only, lines) for draft in reader.items),
        headings=_finish_headings(reader),
        overviews=_finish_overviews(reader),
        graph_sections=_finish_graphs(reader),
        comments=tuple(reader.comments),
        style=style,
        source=text,
        blocks=_with_uncovered_text(reader.blocks, lines),
        references=_references(reader.env),
    )


def _with_uncovered_text(blocks: list[Block], lines: list[str]) -> tuple[Block, ...]:
    """The blocks, with an ``other`` block for each run of written lines no token covers.

    markdown-it emits no token for link reference definitions; without these the
    blocks would not account for every line the user wrote.
    """
    finished: list[Block] = []
    covered = 0  # the last line accounted for
    for block in [*blocks, Block("end", len(lines) + 1, len(lines) + 1)]:
        run_start = None
        for line in range(covered + 1, block.line):
            if lines[line - 1].strip():
                if run_start is None:
                    run_start = line
                run_end = line
            elif run_start is not None:
                finished.append(Block("other", run_start, run_end))
                run_start = None
        if run_start is not None:
            finished.append(Block("other", run_start, run_end))
        if block.kind != "end":
            finished.append(block)
            covered = max(covered, block.end_line)
    return tuple(finished)


def _references(env: dict[str, Any]) -> tuple[LinkReference, ...]:
    found = env.get("references") or {}
    return tuple(
        LinkReference(
            label,
            str(value.get("href", "")),
            str(value.get("title", "")),
            (value.get("map") or [-1])[0] + 1,
        )
        for label, value in found.items()
    )


def _indent_of_items(reader: _Reader) -> str:
    if reader.items:
        position = reader.items[0].position
    elif reader.title_position is not None:
        position = reader.title_position
    else:
        return ""
    return reader.lines[position.line - 1][: position.column - 1]


def _finish_headings(reader: _Reader) -> tuple[Heading, ...]:
    finished = []
    for heading, ordinal in reader.headings:
        # The first level-1 section is the title's (legends, preamble) unless it holds items.
        in_items = ordinal > 1 or (ordinal == 1 and 1 in reader.sections_with_items)
        finished.append(
            Heading(heading.level, heading.text, heading.position, heading.section, in_items)
        )
    return tuple(finished)


def _section_end(reader: _Reader, line: int) -> int:
    """The last line of the level-1 section whose heading is on ``line``."""
    later = [start for start in reader.h1_lines if start > line]
    return later[0] - 1 if later else len(reader.lines)


def _region(reader: _Reader, heading: Position, body_end: int) -> Region:
    end = _section_end(reader, heading.line)
    last = _last_content_line(min(body_end, end), reader.lines)
    return Region(heading, end, max(last, heading.line))


def _finish_sections(reader: _Reader) -> tuple[Section, ...]:
    return tuple(
        Section(name, position, _section_end(reader, position.line))
        for name, position in reader.sections
    )


def _finish_overviews(reader: _Reader) -> tuple[Overview, ...]:
    finished = []
    for draft in reader.overviews:
        groups = tuple(
            OverviewGroup(group.label, group.priority, group.line, tuple(group.entries))
            for group in draft.groups
        )
        region = _region(reader, draft.heading, draft.body_end)
        finished.append(Overview(region, groups, draft.bullet, draft.indent))
    return tuple(finished)


def _finish_graphs(reader: _Reader) -> tuple[GraphSection, ...]:
    return tuple(
        GraphSection(
            _region(reader, draft.heading, draft.body_end),
            draft.indent,
            draft.code,
            draft.code_line,
            draft.code_end,
        )
        for draft in reader.graphs
    )


def _finish_item(draft: _ItemDraft, id_only: re.Pattern[str], lines: list[str]) -> Item:
    first: dict[str, Field] = {}
    for candidate in draft.fields:
        first.setdefault(candidate.key, candidate)
    references: list[str] = []
    externals: list[str] = []
    depends = first.get(DEPENDS_ON)
    if depends is not None:
        references, externals = split_dependencies(depends.value, id_only)
    return Item(
        id=draft.id,
        title=draft.title,
        section=draft.section,
        position=draft.position,
        end_line=_last_content_line(draft.end_line, lines),
        fields=tuple(draft.fields),
        status=_value(first, "status"),
        priority=_value(first, "priority"),
        dri=_value(first, "dri"),
        depends_on=tuple(references),
        external_deps=tuple(externals),
        definition_of_done=tuple(draft.done),
    )


def _value(fields: dict[str, Field], key: str) -> str | None:
    found = fields.get(key)
    return found.value if found is not None and found.value else None


def split_dependencies(value: str, id_pattern: re.Pattern[str]) -> tuple[list[str], list[str]]:
    """Split a Depends on value into item references and external dependencies."""
    references: list[str] = []
    externals: list[str] = []
    for part in value.split(","):
        name = part.strip()
        if name.lower() in _NO_DEPENDENCY:
            continue
        (references if id_pattern.fullmatch(name) else externals).append(name)
    return references, externals
