"""markdown-it setup; tokens -> headings with line spans; the stray-list repair view.

The block structure comes from markdown-it-py's block parser and its line maps, or
the same tokens from the native parser (``reader/native.py``) where it is installed
and serves the document. The one pass over the tokens here finds the top-level headings (what the
outline is built from), the headings that markdown nests inside a list or
block quote, and the HTML comments (where suppressions live).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

from roadmaplint.errors import RoadmapError
from roadmaplint.model import Block, Comment, LinkReference, Position, StrayList, Unclosed
from roadmaplint.reader.reference import markdown
from roadmaplint.record import field, record
from roadmaplint.text import LazyPattern

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from markdown_it.token import Token

_LISTS = ("bullet_list_open", "ordered_list_open")
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
# markdown-it-py's "commonmark" preset stops reading inside the 20th nested container.
MAX_NESTING = 20
# Set to "markdown-it-py" to read every document with the reference parser.
PARSER_VARIABLE = "ROADMAPLINT_PARSER"
REFERENCE_PARSER = "markdown-it-py"
# A document repaired this many times over is not a roadmap with a few stray lists.
MAX_REPAIRS = 20
# YAML front matter (``---`` / ``title: Roadmap`` / ``---``) longer than this is no header.
FRONT_MATTER_LINES = 200
_FRONT_KEY = LazyPattern(r"[ \t]{0,4}[A-Za-z_][\w-]{0,40}[ \t]*:(?:[ \t]|$)")
# A key of the front matter at its top level: ``overview: ...``, ``todos:``.
_TOP_KEY = LazyPattern(r"[A-Za-z_][\w-]{0,40}:(?:[ \t]|$)")


def indentation(line: str) -> int:
    """Spaces before a line's text (a tab counts as the spaces up to its tab stop)."""
    width = 0
    for character in line:
        if character == " ":
            width += 1
        elif character == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def heading_position(lines: list[str], line: int) -> Position:
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    return Position(line, len(source) - len(source.lstrip()) + 1)


@record
class HeadingBlock:
    index: int  # of its heading_open token
    level: int
    line: int  # 1-based
    end: int  # 1-based last line (a setext heading has two)
    source: str  # its inline markdown


@record(frozen=False, slots=False)
class Blocks:
    tokens: list[Token]
    env: dict[str, Any]
    lines: list[str]  # the document's lines, with their endings
    headings: list[HeadingBlock] = field(default_factory=list)  # top-level ones
    # Headings inside a list or block quote, with the index of the top-level block holding them.
    nested: list[tuple[HeadingBlock, int]] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    top_level: list[Block] = field(default_factory=list)  # in order, as markdown-it sees them
    # The index of each token that opens a top-level block (or is one): what the shapes
    # look at, without stepping over the hundreds of thousands of tokens inside lists.
    openers: list[int] = field(default_factory=list)


def read_blocks(
    body: str,
    path: str,
    lines: list[str],
    references: Sequence[LinkReference] = (),
    first_line: int = 1,
) -> Blocks:
    """One pass over markdown-it's tokens of ``body``; ``lines`` are the document's own
    lines (the same line breaks) and ``references`` definitions made above ``body``.
    ``body`` starts on line ``first_line`` of the document (its tokens' line maps are
    moved there)."""
    tokens, env = tokenize(body, references)
    move_tokens(tokens, first_line - 1)
    return scan_blocks(tokens, env, path, lines)


def move_tokens(tokens: list[Token], by: int) -> None:
    """Move ``tokens`` ``by`` lines down, in place: their line maps say where they now are."""
    if by:
        for token in tokens:
            if token.map is not None:
                token.map = [token.map[0] + by, token.map[1] + by]


def tokenize(
    body: str, references: Sequence[LinkReference] = ()
) -> tuple[list[Token], dict[str, Any]]:
    """markdown-it's block tokens of ``body`` and its env (the link reference definitions).

    The native parser's tokens where it serves the document, with the same env."""
    env: dict[str, Any] = {}
    if references:
        env["references"] = {
            found.label: {"href": found.url, "title": found.title, "map": None}
            for found in references
        }
    if native_parser():
        from roadmaplint.reader import native

        tokens = native.tokenize(body, env)
        if tokens is not None:
            # light tokens with the attributes of a Token the reader reads
            return tokens, env  # type: ignore[return-value]
    return markdown().parse(body, env), env


def native_parser() -> bool:
    """Whether documents are read by the native parser: it is installed, and not
    declined with ROADMAPLINT_PARSER=markdown-it-py."""
    if os.environ.get(PARSER_VARIABLE) == REFERENCE_PARSER:
        return False
    from roadmaplint.reader.native import available

    return available()


def scan_blocks(tokens: list[Token], env: dict[str, Any], path: str, lines: list[str]) -> Blocks:
    """The one pass over a document's tokens: headings, nested headings, comments, blocks."""
    blocks = Blocks(tokens, env, lines)
    top_level = blocks.top_level
    # markdown-it-py silently skips the rest of the document inside a container
    # opened at its nesting limit: refuse instead of reading half a file.
    deepest = MAX_NESTING - 1
    top = 0
    headings, nested, comments = blocks.headings, blocks.nested, blocks.comments
    front = front_matter_lines(lines)
    openers = blocks.openers
    for index, token in enumerate(tokens):
        kind = token.type
        if token.level == 0 and token.map is not None and token.map[0] < front:
            if token.nesting != -1:
                openers.append(index)  # the shapes still step over it, as over every token
            continue  # front matter is the page's data, no heading or block of the text
        if token.level == 0:
            if token.nesting != -1:
                top = index
                openers.append(index)
                if token.map is not None and kind in _BLOCK_KINDS:
                    top_level.append(_block(token, kind, lines))
            if kind == "heading_open":
                headings.append(_heading(tokens, index))
                continue
        elif token.nesting == 1:
            if token.level >= deepest:
                line = token.map[0] + 1 if token.map else 1
                raise RoadmapError(
                    f"{path}: line {line} nests lists or block quotes more than "
                    f"{deepest} levels deep; the markdown parser stops reading there"
                )
            if kind == "heading_open":
                nested.append((_heading(tokens, index), top))
                continue
        if kind == "html_block" and token.map and token.content.lstrip().startswith("<!--"):
            comments.append(Comment(token.content.strip(), token.map[0] + 1, token.map[1]))
    return blocks


def front_matter_lines(lines: list[str]) -> int:
    """How many lines YAML front matter takes at the top of a document (``---``, ``key:
    value`` lines, ``---``), or 0. markdown-it reads it as a rule and a setext heading
    (``title: "Upcoming Roadmap"`` over ``---``), where GitHub and site generators show
    it as the page's data, no part of its text."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    keyed = False
    for number, line in enumerate(lines[1:FRONT_MATTER_LINES], start=1):
        text = line.rstrip()
        if text in ("---", "..."):
            return number + 1 if keyed else 0
        keyed = keyed or _FRONT_KEY.match(text) is not None
    if not any(line.startswith("todos:") for line in lines[1:FRONT_MATTER_LINES]):
        return 0
    # a list of to-dos (Cursor's ``todos:``, five lines or more each) runs longer: the
    # front matter goes on while each line is YAML's, indented under a key or a key
    for number, line in enumerate(lines[FRONT_MATTER_LINES:], start=FRONT_MATTER_LINES):
        text = line.rstrip()
        if text in ("---", "..."):
            return number + 1
        if text and not text.startswith((" ", "\t", "#")) and _TOP_KEY.match(text) is None:
            return 0
    return 0


# The folders and the file names GitHub reads issue and pull request templates from.
_TEMPLATE_FOLDERS = frozenset(("issue_template", "pull_request_template"))
# A contribution guide's checklists are ticked on each contribution, as a template's are.
_TEMPLATE_NAMES = frozenset(("pull_request_template.md", "issue_template.md", "contributing.md"))


def is_template(path: str, lines: list[str]) -> bool:
    """Whether the document is an issue or a pull request template: the boxes of its
    checklist are what a contributor ticks on each report, no work planned. GitHub reads
    them from ``.github/ISSUE_TEMPLATE/``, ``pull_request_template.md`` (any case) and
    ``PULL_REQUEST_TEMPLATE/``; an issue template's front matter names the template for
    the chooser (``name:`` and ``about:``). A contribution guide (``CONTRIBUTING.md``) is
    read as one: its checklist is ticked on each contribution."""
    parts = [part.lower() for part in path.replace("\\", "/").split("/")]
    if parts and (parts[-1] in _TEMPLATE_NAMES or _TEMPLATE_FOLDERS.intersection(parts[:-1])):
        return True
    end = front_matter_lines(lines)
    keys = set()
    for line in lines[1 : max(end - 1, 1)]:
        key = _FRONT_KEY.match(line)
        if key is not None:
            keys.add(key[0].split(":", 1)[0].strip().lower())
    return {"name", "about"} <= keys


# The names a project gives the steps of its release (``RELEASE.md``, ``RELEASING.md``,
# ``docs/release-checklist.md``, ``RELEASE_PROCESS.md``).
_RELEASE_PROCEDURE = LazyPattern(
    r"(?:how[-_ ]?to[-_ ]?)?releas(?:e|ing)"
    r"(?:[-_ ]?(?:checklist|process|procedure|steps|guide|instructions))?\.md",
    re.IGNORECASE,
)


def is_release_procedure(path: str) -> bool:
    """Whether the document is named as a project's release procedure: its boxes (``- [ ]
    Update version in Cargo.toml``) are the steps ticked again at each release, no work
    planned once. An item written with an ID there is still one."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return _RELEASE_PROCEDURE.fullmatch(name) is not None


# What a meeting's record is called, in its title or its file's name: ``# Project
# Retrospective``, ``# Sprint 4 Retro``, ``# Meeting Notes``, ``minutes-2024-03-01.md``.
_MEETING_RECORD = LazyPattern(
    r"(?<![A-Za-z])(?:retrospective|retro|meeting[-_ ]?(?:notes|minutes))(?![A-Za-z])"
    r"|^minutes(?![A-Za-z])",
    re.IGNORECASE,
)


# A meeting named with its day: ``# Planning meeting 2024-05-02``, ``2024-05-02 Standup``
# (a ``Weekly sync`` is left a plan's title, as quiet6's minutes test reads it).
_MEETING_WORD = LazyPattern(r"(?<![A-Za-z])(?:meeting|stand-?up)(?![A-Za-z])", re.IGNORECASE)
_DAY = LazyPattern(r"(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])")


# The line of a meeting's minutes that names who came: ``**Attendees:** Ana, Bob``.
_ATTENDEES = LazyPattern(
    r"[ \t]{0,3}(?:[-*+][ \t]+)?(?:\*\*)?(?:Attendees|Participants|Present)(?::\*\*|\*\*:|:)",
    re.IGNORECASE,
)
_ATTENDEES_WITHIN = 30  # lines from the top: a meeting's record names who came first


def is_meeting_record(path: str, title: str | None, lines: Sequence[str] = ()) -> bool:
    """Whether the document is a meeting's record, a retrospective or minutes, by its title,
    its file's name or a line near its top naming who came (``**Attendees:** Ana, Bob``):
    its boxes (``- [ ] Share results with stakeholders``) are what was said at the meeting,
    no plan's work. An item written with an ID there is still one."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".md")
    if any(text and _MEETING_RECORD.search(text) is not None for text in (name, title or "")):
        return True
    if any(_DAY.search(text) and _MEETING_WORD.search(text) for text in (name, title or "")):
        return True  # ``# Planning meeting 2024-05-02``, ``2024-05-02-standup.md``: its day
    return any(_ATTENDEES.match(line) is not None for line in lines[:_ATTENDEES_WITHIN])


def _block(token: Token, kind: str, lines: list[str]) -> Block:
    assert token.map is not None
    what = _BLOCK_KINDS[kind]
    level = int(token.tag[1]) if what == "heading" else 0
    info = token.info.strip() if what == "fence" else ""
    # A fence's last line is its closing fence; other blocks end at their
    # last written line (markdown-it counts the blank lines after a list in).
    end = token.map[1] if what == "fence" else last_written_line(token.map[1], lines)
    return Block(what, token.map[0] + 1, max(end, token.map[0] + 1), level, info)


def last_written_line(end: int, lines: list[str], floor: int = 1) -> int:
    """The last non-blank line at or before the 1-based line ``end`` (not before ``floor``)."""
    line = min(end, len(lines))
    while line > floor and not lines[line - 1].strip():
        line -= 1
    return line


def with_uncovered_text(
    blocks: list[Block], lines: list[str], first: int = 1, last: int | None = None
) -> tuple[Block, ...]:
    """The blocks, with an ``other`` block for each run of written lines no token covers
    (among lines ``first`` to ``last``, 1-based; by default all of them).

    markdown-it emits no token for link reference definitions; without these the
    blocks would not account for every line the user wrote.
    """
    finished: list[Block] = []
    covered = first - 1  # the last line accounted for
    end = (len(lines) if last is None else last) + 1
    for block in [*blocks, Block("end", end, end)]:
        run_start = run_end = 0
        for line in range(covered + 1, block.line):
            if lines[line - 1].strip():
                if not run_start:
                    run_start = line
                run_end = line
            elif run_start:
                finished.append(Block("other", run_start, run_end))
                run_start = 0
        if run_start:
            finished.append(Block("other", run_start, run_end))
        if block.kind != "end":
            finished.append(block)
            covered = max(covered, block.end_line)
    return tuple(finished)


def link_references(env: dict[str, Any]) -> tuple[LinkReference, ...]:
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


def _heading(tokens: list[Token], index: int) -> HeadingBlock:
    token = tokens[index]
    start, end = token.map or (0, 1)
    return HeadingBlock(index, int(token.tag[1]), start + 1, end, tokens[index + 1].content)


def find_stray_lists(blocks: Blocks, lines: list[str]) -> list[StrayList]:
    """Lists less indented than the document whose last item holds the headings after it."""
    found: list[StrayList] = []
    owners = sorted({top for _, top in blocks.nested})
    for top in owners:
        stray = _stray_list(blocks, lines, top)
        if stray is not None:
            found.append(stray)
    return found


def _stray_list(blocks: Blocks, lines: list[str], top: int) -> StrayList | None:
    tokens = blocks.tokens
    opening = tokens[top]
    if opening.type not in _LISTS or opening.map is None:
        return None
    last_item = close = top
    for index in range(top + 1, len(tokens)):
        token = tokens[index]
        if token.level == 1 and token.type == "list_item_open":
            last_item = index
        elif token.level == 0:
            close = index
            break
    inside = [
        heading
        for heading, owner in blocks.nested
        if owner == top and last_item < heading.index < close
    ]
    if not inside:
        return None
    first_heading = inside[0]
    document = indentation(lines[first_heading.line - 1])
    item_map = tokens[last_item].map
    assert item_map is not None
    # The list strays from its first marker left of the document; a list written at the
    # document's indentation strays from its last item, when that one is written left of it.
    start = opening.map[0]
    marker = indentation(lines[start])
    if document <= marker:
        start = item_map[0]
        marker = indentation(lines[start])
        if document <= marker:
            return None
    # The document is indented so: a heading before the list is written at that indentation.
    if not any(
        heading.index < top and indentation(lines[heading.line - 1]) == document
        for heading in blocks.headings
    ):
        return None
    swallowed = _first_swallowed_line(lines, item_map[0] + 1, first_heading.line, document)
    end = last_written_line(opening.map[1], lines, swallowed)
    shift = document - marker
    before = _stray_lines_before(tokens, lines, top, document) if start == opening.map[0] else []
    reindent = [(line, document - indentation(lines[line - 1])) for line in before]
    reindent += [(line, shift) for line in range(start + 1, swallowed) if lines[line - 1].strip()]
    return StrayList(
        position=Position(start + 1, marker + 1),
        end_line=last_written_line(swallowed - 1, lines, start + 1),
        swallowed=(swallowed, end),
        indent=document,
        reindent=tuple(sorted(reindent)),
    )


def _first_swallowed_line(
    lines: list[str], item_line: int, heading_line: int, document: int
) -> int:
    """The first line of the last item written at the document's indentation after a gap."""
    for line in range(item_line + 1, heading_line):
        text = lines[line - 1]
        if text.strip() and not lines[line - 2].strip() and indentation(text) >= document:
            return line
    return heading_line


def _stray_lines_before(
    tokens: list[Token], lines: list[str], top: int, document: int
) -> list[int]:
    """Lines of the top-level blocks just above the list that are less indented than the
    document (in the GoMLX file: a ``---`` and a ``## v0.28 TODOs`` heading at column 1)."""
    stray: list[int] = []
    for index in range(top - 1, -1, -1):
        token = tokens[index]
        if token.level != 0 or token.nesting == -1 or token.map is None:
            continue
        start, end = token.map
        # A level-1 heading starts a part of its own: the stray lines end below it.
        if indentation(lines[start]) >= document or token.tag == "h1":
            break
        stray += [
            line
            for line in range(start + 1, end + 1)
            if lines[line - 1].strip() and indentation(lines[line - 1]) < document
        ]
    return sorted(stray)


def repaired(lines: list[str], strays: list[StrayList]) -> str:
    """The text with every stray line indented like the document."""
    changed = list(lines)
    for stray in strays:
        for line, spaces in stray.reindent:
            changed[line - 1] = " " * spaces + changed[line - 1]
    return "".join(changed)


_FENCE_OPEN = LazyPattern(r"[ \t]*(`{3,}|~{3,})")
_HIDDEN_HEADING = LazyPattern(r" {0,3}#{2,6}[ \t]+\S")  # ``#`` alone is a shell comment
# HTML blocks that run until a closing text, not a blank line (CommonMark's kinds 1 and 2)
_HTML_CLOSERS = (
    (LazyPattern(r"[ \t]*<!--"), "-->", "HTML comment"),
    (LazyPattern(r"[ \t]*<pre(?:[\s>]|$)", re.IGNORECASE), "</pre>", "<pre> block"),
    (LazyPattern(r"[ \t]*<script(?:[\s>]|$)", re.IGNORECASE), "</script>", "<script> block"),
    (LazyPattern(r"[ \t]*<style(?:[\s>]|$)", re.IGNORECASE), "</style>", "<style> block"),
    (LazyPattern(r"[ \t]*<textarea(?:[\s>]|$)", re.IGNORECASE), "</textarea>", "<textarea> block"),
)


def find_unclosed(blocks: Sequence[Block], lines: list[str]) -> tuple[Unclosed, ...]:
    """The code fence or HTML block left open at the end of the document, when it hides
    headings (``##`` and deeper: a ``#`` line in code is more often a comment).

    Only the last block can be open: an unclosed one runs to the end of the text."""
    last = next((block for block in reversed(blocks) if block.kind != "other"), None)
    if last is None or last.kind not in ("fence", "html"):
        return ()
    if any(line.strip() for line in lines[last.end_line :]):
        return ()  # something follows it: it was closed
    opening = lines[last.line - 1]
    body = lines[last.line : last.end_line]
    if last.kind == "fence":
        found = _FENCE_OPEN.match(opening)
        if found is None:
            return ()
        marker = found[1]
        closing = re.compile(rf"[ \t]{{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*")
        if body and closing.fullmatch(body[-1].rstrip("\r\n")):
            return ()
        kind, closer = "code fence", marker
    else:
        found_html = next(
            (
                (opened, closer, kind)
                for opens, closer, kind in _HTML_CLOSERS
                if (opened := opens.match(opening)) is not None
            ),
            None,
        )
        if found_html is None:
            return ()
        opened, closer, kind = found_html
        text = "".join(lines[last.line - 1 : last.end_line]).lower()
        if closer in text[opened.end() :]:
            return ()
    hidden = tuple(
        number
        for number, line in enumerate(body, start=last.line + 1)
        if _HIDDEN_HEADING.match(line)
    )
    if not hidden:
        return ()
    column = len(opening) - len(opening.lstrip(" \t")) + 1
    return (Unclosed(kind, Position(last.line, column), closer, hidden),)
