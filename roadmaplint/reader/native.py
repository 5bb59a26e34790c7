"""markdown-it-pyrs's block tree -> the block tokens markdown-it-py gives, or None.

markdown-it-pyrs (the Rust port of markdown-it, by markdown-it-py's author) parses the
block structure five to seven times faster than markdown-it-py, but gives a tree of
nodes with UTF-8 byte offsets instead of a flat list of tokens with line maps. Here
the tree becomes light tokens with the attributes the reader reads (``type``, ``tag``,
``nesting``, ``level``, ``map``, ``markup``, ``info``, ``content``), equal to
markdown-it-py's: line maps from the byte offsets through one table of line starts,
the paragraphs of tight list items made up as markdown-it-py makes them hidden.
Building markdown-it-py's own ``Token`` objects would cost as much as its parse; these
have slots, and the closing tokens, which no reader changes, are shared.

A document holding a construct whose tokens would differ is not served (``tokenize``
returns None, with the construct named by ``unserved``) and markdown-it-py reads it:
a block quote with a lazy line, a tab in its margin or a quote inside, containers
nested past markdown-it-py's limit. Link reference definitions are found in the tree
and each one's own lines read by markdown-it-py, whose label, destination and title
rules make the env. The differential test (tests/test_native_parser.py) holds the two
parsers to the same records, findings and ``fix`` output over every document the
tests have.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from operator import sub

from roadmaplint.text import LazyPattern

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

if TYPE_CHECKING:
    from markdown_it_pyrs import MarkdownIt, Node

# markdown-it-py stops reading inside a container this deep (its maxNesting, 20): the
# reader refuses such a file with markdown-it-py's tokens, so it reads them.
_DEEPEST = 19
_DIGITS = LazyPattern(rb"\d+")
# markdown-it-pyrs overflows its stack (the process dies) on a line of some 50,000
# nested containers (`> > > ...`, `- - - ...`); markdown-it-py stops at 20. A line
# this long is looked at for such a run, and 16 containers on it go to markdown-it-py.
_LONG_LINE = 2_000
_NESTED_ON_ONE_LINE = LazyPattern(rb"(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))){16}")
_EMPTY_MARKER_LINE = LazyPattern(rb"(?:[-*+]|\d+[.)])[ \t]*(?:[\r\n]|\Z)")
# HTML blocks of kinds 1-5 end only at their end mark: left open in a list item,
# markdown-it-py runs one to the item's end, blank lines included, markdown-it-pyrs not.
_HTML_UNTIL_END_MARK = (
    (
        LazyPattern(r"<(?:script|pre|style|textarea)(?=[\s>]|$)", re.I),
        LazyPattern(r"</(?:script|pre|style|textarea)>", re.I),
    ),
    (LazyPattern(r"<!--"), LazyPattern(r"-->")),
    (LazyPattern(r"<\?"), LazyPattern(r"\?>")),
    (LazyPattern(r"<!\[CDATA\["), LazyPattern(r"\]\]>")),
    (LazyPattern(r"<![A-Za-z]"), LazyPattern(r">")),
)
# A paragraph markdown-it-pyrs kept that markdown-it-py may read as a link reference
# definition (a destination ending in a backslash, ``[r]: C:\\tools\\``).
_LIKE_A_DEFINITION = LazyPattern(r"\A\s*\[[^\]]*\]:", re.S)
# A large text is parsed in pieces of about this many bytes, each ending with a line
# that may be a heading at the top level (see ``_pieces``).
_PIECE = 4_096
_TOP_HEADING = LazyPattern(rb"^ {0,3}#{1,6}(?=[ \t\r\n])", re.M)

_parser: MarkdownIt | None = None
_available: bool | None = None


class NativeToken:
    """A block token with the attributes of markdown-it-py's ``Token`` the reader reads."""

    __slots__ = ("content", "info", "level", "map", "markup", "nesting", "tag", "type")

    def __init__(
        self,
        type: str,  # markdown-it-py's name
        tag: str,
        nesting: int,
        level: int,
        map: list[int] | None,  # markdown-it-py's name
        markup: str = "",
        info: str = "",
        content: str = "",
    ) -> None:
        self.type = type
        self.tag = tag
        self.nesting = nesting
        self.level = level
        self.map = map
        self.markup = markup
        self.info = info
        self.content = content

    def copy(self, **changes: Any) -> NativeToken:
        token = NativeToken(
            self.type,
            self.tag,
            self.nesting,
            self.level,
            self.map,
            self.markup,
            self.info,
            self.content,
        )
        for name, value in changes.items():
            setattr(token, name, value)
        return token

    def __repr__(self) -> str:
        return f"NativeToken({self.type!r}, level={self.level}, map={self.map})"


def available() -> bool:
    """Whether markdown-it-pyrs is installed (its wheel exists for this platform)."""
    global _available
    if _available is None:
        try:
            import markdown_it_pyrs  # noqa: F401
        except ImportError:
            _available = False
        else:
            _available = True
    return _available


def _markdown() -> MarkdownIt:
    global _parser
    if _parser is None:
        from markdown_it_pyrs import MarkdownIt

        # the block rules of markdown-it-py's "commonmark" preset; no inline rules
        _parser = MarkdownIt("zero").enable_many(
            [
                "blockquote",
                "code",
                "fence",
                "heading",
                "hr",
                "lheading",
                "list",
                "paragraph",
                "reference",
                "html_block",
            ]
        )
    return _parser


class Unserved(Exception):
    """The document holds a construct whose tokens would differ from markdown-it-py's."""


def unserved(body: str) -> str | None:
    """Why the native parser does not serve ``body`` (the construct), or None if it does."""
    try:
        _read(body, {})
    except Unserved as why:
        return str(why)
    return None


def tokenize(body: str, env: dict[str, Any]) -> list[NativeToken] | None:
    """markdown-it-py's block tokens of ``body`` (commonmark, inline disabled), with its
    link reference definitions added to ``env`` as markdown-it-py adds them; or None
    (``env`` unchanged) when the document holds a construct this parser does not serve
    exactly."""
    try:
        tokens, found = _read(body, env)
    except Unserved:
        return None
    env.update(found)
    return tokens


def _read(body: str, env: dict[str, Any]) -> tuple[list[NativeToken], dict[str, Any]]:
    """The tokens, and the env entries markdown-it-py would have made."""
    converter = _Converter(body)
    tokens = converter.run()
    found: dict[str, Any] = {}
    if converter.definitions:
        found["references"] = dict(env.get("references") or {})
        found["duplicate_refs"] = list(env.get("duplicate_refs") or [])
        for where, label in converter.definitions:
            _define(converter, where, label, found)
        if not found["duplicate_refs"]:
            del found["duplicate_refs"]
    return tokens, found


def _define(converter: _Converter, where: list[int], label: str, env: dict[str, Any]) -> None:
    """Add one definition to ``env`` as markdown-it-py does (its label normalized, its
    destination validated and percent-encoded, its title unescaped, the first definition
    of a label kept, the others listed): by markdown-it-py reading its own lines."""
    from roadmaplint.reader.reference import markdown

    starts = converter.starts
    end = starts[where[1]] if where[1] < len(starts) else None
    lines = converter.data[starts[where[0]] : end].decode()
    found: dict[str, Any] = {}
    markdown().parse(lines, found)
    read = list((found.get("references") or {}).items())
    if len(read) != 1:  # the lines alone are not this one definition for markdown-it-py
        raise Unserved(f"a link reference definition [{label}] read otherwise alone")
    name, value = read[0]
    value["map"] = [line + where[0] for line in value["map"]]
    if name in env["references"]:
        env["duplicate_refs"].append({**value, "label": name})
    else:
        env["references"][name] = value


class _Converter:
    """One document's tree -> tokens, in one walk."""

    def __init__(self, body: str) -> None:
        if "\0" in body:  # markdown-it-py replaces NUL; the reader refuses it anyway
            raise Unserved("a NUL character")
        self.body = body
        self.data = data = body.encode()
        # a text without a final line break: its last line is the last of ``starts``
        self.unended = bool(body) and body[-1] not in "\r\n"
        # where each line starts (bytes split at \n, \r\n and \r alone, as markdown does)
        self.starts = [0, *accumulate(map(len, data.splitlines(keepends=True)))]
        if self.unended:
            self.starts.pop()
        self.out: list[NativeToken] = []
        self.quoted = False  # inside a block quote
        self.definitions: list[tuple[list[int], str]] = []  # link reference definitions
        # closing tokens carry no map and no reader changes one: one of each is shared
        self.closes: dict[tuple[str, int, str], NativeToken] = {}
        self.untabbed = b"\t" not in data
        self.ascii = len(data) == len(body)  # its byte offsets are its characters'
        self.base = 0  # where the piece being walked starts: its nodes' offsets are from there

    def run(self) -> list[NativeToken]:
        body = self.body
        self.refuse_deep_lines()
        # Without a final line break, fence and HTML contents end differently: parse the
        # text as markdown-it-py sees it, whose last line needs none.
        ended = body if not self.unended else body + "\n"
        last = self.starts[-1]
        if self.unended and not self.data[last:].strip(b" \t"):
            # markdown-it-py leaves out a last line of spaces without a line break
            ended = body[: len(body) - (len(self.data) - last)]
            self.unended = False
        source = self.data if ended is body else ended.encode()
        for self.base, root in _pieces(source):
            for node in root.children:
                self.block(node, 0)
        return self.out

    def refuse_deep_lines(self) -> None:
        starts, data = self.starts, self.data
        ends = [*starts[1:], len(data)]
        if max(map(sub, ends, starts)) < _LONG_LINE:
            return  # with indentation, a file nests a few thousand containers at most
        for start, end in zip(starts, ends, strict=True):
            if end - start >= _LONG_LINE and _NESTED_ON_ONE_LINE.match(data, start, end):
                raise Unserved("containers nested past markdown-it-py's limit on one line")

    def map(self, node: Node) -> list[int]:
        start, end = node.srcmap or (0, 0)
        start += self.base
        end += self.base
        first = bisect_right(self.starts, start) - 1
        return [first, bisect_right(self.starts, end) if end > start else first + 1]

    def last_line(self, content: str, where: list[int], lines: int) -> str:
        """``content`` of a block as markdown-it-py has it: when the block's content holds
        the last line of a text without a final line break, without one either."""
        if (
            self.unended
            and where[1] == len(self.starts)
            and content.endswith("\n")
            and content.count("\n") == lines
        ):
            return content[:-1]
        return content

    def close(self, kind: str, tag: str, level: int, markup: str = "") -> None:
        self.out.append(self.closing(kind, tag, level, markup))

    def closing(self, kind: str, tag: str, level: int, markup: str = "") -> NativeToken:
        key = (kind, level, markup)
        token = self.closes.get(key)
        if token is None:
            token = self.closes[key] = NativeToken(kind, tag, -1, level, None, markup)
        return token

    def content(self, node: Node) -> str:
        """A text node's content. One line of a text without tabs (past which the offsets
        drift) is its own source: sliced from it instead of building the node's ``meta``
        (a third of the walk)."""
        return self.content_at(node)[0]

    def content_at(self, node: Node) -> tuple[str, int]:
        """``content(node)``, and where it starts in the source when it is sliced from
        there (else -1)."""
        span = node.srcmap
        if span is not None and self.untabbed:
            start = self.base + span[0]
            if self.ascii:
                piece = self.body[start : self.base + span[1]]
            else:
                try:
                    piece = self.data[start : self.base + span[1]].decode()
                except UnicodeDecodeError:  # not on a character's edge: the meta's, then
                    piece = "\n"
            if "\n" not in piece and "\r" not in piece:  # (no tab: the text has none)
                return piece, start
        content: str = node.meta.get("content", "")
        return content, -1

    def text(self, node: Node) -> str:
        """The raw inline source of a paragraph or heading (a block-only tree keeps it)."""
        content = self.content
        parts = [content(child) if child.name == "text" else "\n" for child in node.children]
        return parts[0].strip() if len(parts) == 1 else "".join(parts).strip()

    def block(self, node: Node, level: int) -> int:
        """Append the tokens of one block; the line after it (its map's end)."""
        name = node.name
        if level >= _DEEPEST:
            raise Unserved("containers nested past markdown-it-py's limit")
        if name == "bullet_list" or name == "ordered_list":
            return self.list_block(node, name == "ordered_list", level)
        where = self.map(node)
        out = self.out
        if name == "paragraph":
            text = self.text(node)
            if text.startswith("[") and _LIKE_A_DEFINITION.match(text):
                self.refuse_a_definition(where)
            out.append(NativeToken("paragraph_open", "p", 1, level, where))
            out.append(NativeToken("inline", "", 0, level + 1, where, "", "", text))
            self.close("paragraph_close", "p", level)
        elif name == "heading" or name == "lheading":
            self.heading(node, name, level, where)
        elif name == "fence":
            self.fence(node, level, where)
        elif name == "code_block" or name == "html_block":
            content = node.meta.get("content", "")
            if name == "html_block":  # markdown-it-py ends a code block's content with one
                if level and _left_open(content):
                    raise Unserved("an HTML block left open inside a container")
                content = self.last_line(content, where, where[1] - where[0])
            tag = "code" if name == "code_block" else ""
            out.append(NativeToken(name, tag, 0, level, where, "", "", content))
        elif name == "blockquote":
            self.quote(node, level, where)
        elif name == "definition":
            self.definitions.append((where, node.meta.get("label", "")))
        elif name == "hr":
            meta = node.meta
            markup = meta.get("marker", "-") * meta.get("marker_len", 3)
            out.append(NativeToken("hr", "hr", 0, level, where, markup))
        else:
            raise Unserved(f"a {name} node")
        return where[1]

    def refuse_a_definition(self, where: list[int]) -> None:
        """A paragraph that looks like a link reference definition: Unserved when
        markdown-it-py reads a definition in its lines."""
        from roadmaplint.reader.reference import markdown

        starts = self.starts
        end = starts[where[1]] if where[1] < len(starts) else None
        found: dict[str, Any] = {}
        markdown().parse(self.data[starts[where[0]] : end].decode(), found)
        if found.get("references"):
            raise Unserved("a link reference definition read as a paragraph")

    def quote(self, node: Node, level: int, where: list[int]) -> None:
        """A block quote, when every line of it is marked with ``>``.

        A lazy line (one without ``>``) that could start an ordered list is a list for
        markdown-it-py and paragraph text here, and markdown-it-py keeps a lazy line's
        indentation in the text; a quote ending in an empty ``>`` line takes the blank
        line after it into its map there; inside another quote, a line's ``>`` may be
        the outer quote's alone. A tab in the margin (``>\tx``) is expanded differently."""
        if self.quoted:
            raise Unserved("a block quote inside a block quote")
        starts, data = self.starts, self.data
        for line in range(where[0], where[1]):
            written = data[starts[line] : starts[line + 1] if line + 1 < len(starts) else None]
            text = written.strip(b" \t\r\n")
            if text and not text.startswith(b">"):
                raise Unserved("a block quote with a lazy line (one without >)")
            if line == where[1] - 1 and text == b">":
                raise Unserved("a block quote ending in an empty > line")
            if b"\t" in written[: len(written) - len(written.lstrip(b" \t>"))]:
                raise Unserved("a tab in a block quote's margin")
        self.out.append(NativeToken("blockquote_open", "blockquote", 1, level, where, ">"))
        self.quoted = True
        for child in node.children:
            self.block(child, level + 1)
        self.quoted = False
        self.close("blockquote_close", "blockquote", level, ">")

    def heading(self, node: Node, name: str, level: int, where: list[int]) -> None:
        meta = node.meta
        depth = meta.get("level", 1)
        tag = f"h{depth}"
        if name == "heading":
            markup = "#" * depth
            inline_map = where
        else:
            markup = meta.get("marker", "=")
            # markdown-it-py: a setext heading's inline leaves its underline out
            inline_map = [where[0], max(where[0] + 1, where[1] - 1)]
        out = self.out
        out.append(NativeToken("heading_open", tag, 1, level, where, markup))
        out.append(NativeToken("inline", "", 0, level + 1, inline_map, "", "", self.text(node)))
        self.close("heading_close", tag, level, markup)

    def fence(self, node: Node, level: int, where: list[int]) -> None:
        start = (node.srcmap or (0, 0))[0] + self.base
        line_end = self.starts[where[0] + 1] if where[0] + 1 < len(self.starts) else None
        first = self.data[start:line_end].decode().rstrip("\r\n").lstrip(" ")
        markup = first[: len(first) - len(first.lstrip(first[:1]))]
        # markdown-it-py keeps the info string raw (escapes, spaces); the tree's is decoded
        info = first[len(markup) :]
        # an unclosed fence's content runs to the end: all its lines but the first
        content = node.meta.get("content", "")
        content = self.last_line(content, where, where[1] - where[0] - 1)
        self.out.append(NativeToken("fence", "code", 0, level, where, markup, info, content))

    def list_block(self, node: Node, ordered: bool, level: int) -> int:
        """A list's tokens, its items' hidden paragraphs made up as markdown-it-py's.

        A tight item's text is its children directly. It starts on the item's first
        line (the next one when nothing follows the marker), or right below the block
        before it: the text's own offsets drift past tabs, and a tight item has no
        blank line between its blocks."""
        if level >= _DEEPEST:
            raise Unserved("containers nested past markdown-it-py's limit")
        tag, kind = ("ol", "ordered_list") if ordered else ("ul", "bullet_list")
        marker = node.meta.get("marker", "-")
        where = self.map(node)
        out, starts, data, content, base = self.out, self.starts, self.data, self.content, self.base
        append, block = out.append, self.block
        out.append(NativeToken(kind + "_open", tag, 1, level, where, marker))
        inner, deeper = level + 1, level + 2
        item_close = self.closing("list_item_close", "li", inner, marker)
        paragraph_close = self.closing("paragraph_close", "p", deeper)
        lines = len(starts)
        guess = where[0]  # an item's first line: the one after the item before, mostly
        for item in node.children:
            start, end = item.srcmap or (0, 0)
            start += base
            end += base
            if (
                guess < lines
                and starts[guess] <= start
                and (guess + 1 == lines or start < starts[guess + 1])
            ):
                first = guess
            else:
                first = bisect_right(starts, start) - 1
            after = first + 1  # the line after the item's: the next, for an item of one line
            if end > start and after < lines and end >= starts[after]:
                after = bisect_right(starts, end)
            item_map = [first, after]
            guess = after
            number = ""
            if ordered:
                found = _DIGITS.match(data, start)
                number = found.group().decode() if found else ""
            opener = NativeToken("list_item_open", "li", 1, inner, item_map, marker, number)
            children = item.children
            if len(children) == 1 and children[0].name == "text":
                # the common item, its text alone: its hidden paragraph made up here
                text, at = self.content_at(children[0])
                if at >= 0 and (first + 1 == lines or at < starts[first + 1]):
                    line = first  # the text's own first line is the marker's
                else:
                    line = first + 1 if _EMPTY_MARKER_LINE.match(data, start) else first
                paragraph = [line, line + text.count("\n") + 1]
                out += (
                    opener,
                    NativeToken("paragraph_open", "p", 1, deeper, paragraph),
                    NativeToken("inline", "", 0, deeper + 1, paragraph, "", "", text.strip()),
                    paragraph_close,
                    item_close,
                )
                continue
            append(opener)
            line = first
            parts: list[str] = []
            for child in children:
                name = child.name
                if name == "text":
                    if not parts and line == first and _EMPTY_MARKER_LINE.match(data, start):
                        line += 1
                    parts.append(content(child))
                elif name == "softbreak" or name == "hardbreak":
                    parts.append("\n")
                else:
                    if parts:
                        line = self.tight_paragraph(parts, line, deeper)
                        parts = []
                    line = block(child, deeper)
            if parts:
                self.tight_paragraph(parts, line, deeper)
            append(item_close)
        self.close(kind + "_close", tag, level, marker)
        return where[1]

    def tight_paragraph(self, text: list[str], first: int, level: int) -> int:
        """A tight item's text as markdown-it-py's hidden paragraph; the line after it."""
        content = text[0] if len(text) == 1 else "".join(text)
        where = [first, first + content.count("\n") + 1]
        out = self.out
        out.append(NativeToken("paragraph_open", "p", 1, level, where))
        out.append(NativeToken("inline", "", 0, level + 1, where, "", "", content.strip()))
        self.close("paragraph_close", "p", level)
        return where[1]


def _pieces(source: bytes) -> Iterator[tuple[int, Node]]:
    """The trees of ``source`` (UTF-8) read in pieces of about ``_PIECE`` bytes, each with
    where it starts; the same nodes as one tree of the whole text.

    A piece ends with a line that is a heading at the top level (it begins with ``#``
    and is no part of a list, quote, fence or HTML block): nothing is open after such a
    line, so what follows reads the same from there as from the start. Its tree shows
    whether the line is one (its last node is that heading); when it is not, the piece
    goes on to the next such line, a few times, and then to the end. In pieces the
    native parser takes a third of the time it takes over a large text at once."""
    markdown = _markdown()
    start, end = 0, len(source)
    while start < end:
        stop, tries = start, 0
        while True:
            found = _TOP_HEADING.search(source, max(stop, start + _PIECE)) if tries < 4 else None
            stop = (source.find(b"\n", found.start()) + 1 if found else 0) or end
            root = _tree(markdown, source[start:stop].decode())
            if found is None or stop == end or _ends_with_heading(root, found.start() - start):
                break
            tries += 1
        yield start, root
        start = stop


def _ends_with_heading(root: Node, line_start: int) -> bool:
    """Whether the last block of ``root`` is a heading on the line at ``line_start``."""
    children = root.children
    if not children or children[-1].name != "heading":
        return False
    return (children[-1].srcmap or (0, 0))[0] >= line_start


def _tree(markdown: MarkdownIt, text: str) -> Node:
    try:
        return markdown.tree(text)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # a Rust panic is pyo3's PanicException, no Exception
        raise Unserved(f"the native parser failed ({type(error).__name__})") from None


def _left_open(content: str) -> bool:
    """Whether an HTML block of kinds 1-5 lacks its end mark."""
    for opener, end_mark in _HTML_UNTIL_END_MARK:
        opened = opener.match(content)
        if opened:
            return end_mark.search(content, opened.end()) is None
    return False
