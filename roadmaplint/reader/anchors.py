"""The anchors of a document's headings and the links that name them.

Anchors are spelled as GitHub (and most markdown renderers after it) spell them: the
heading's text, lower-cased, without punctuation, each space a hyphen; a second heading
with the same anchor gets ``-1``, a third ``-2``. A link to ``#anchor`` leads somewhere
when a heading (at any depth: in a list or a quote too), an HTML ``id`` or ``name``, or
the document's top (``#``, ``#top``) has it.
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmaplint.model import Roadmap
from roadmaplint.reader.inline import plain_text
from roadmaplint.record import record
from roadmaplint.text import LazyPattern, split_lines

_ATX_OPEN = LazyPattern(r"[ \t]*#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = LazyPattern(r"(?:^|(?<![ \t])[ \t]+)#+[ \t]*$")
_CODE = {"fence", "code"}
# ](#anchor) and ](<#anchor>): an inline link into this document
# (the anchor stops at any bracket or quote, so that a line of `](#` a hundred thousand
# characters long is read in linear time, each start failing at the next bracket)
_LINK = LazyPattern(
    r"\]\(\s*+<?#(?P<anchor>[^\s()<>\[\]\"']*+)>?(?:\s++(?:\"[^\"\n]*+\"|'[^'\n]*+'))?\s*+\)"
)
# a heading written anywhere: in a list item or a block quote too
_ANY_HEADING = LazyPattern(r"^[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?#{1,6}[ \t]+(.+)$")
# an image: on GitHub a heading's anchor is made of its text, and an image has none
# (none runs past the next bracket of its kind: linear on a line of `![` or `<a `)
_IMAGE = LazyPattern(r"!\[(?:[^\[\]\\]|\\.)*+\]\([^()]*+\)")
# a link's text, inline (`[text](url)`) or by reference (`[text][ref]`, `[text][]`)
_LINK_TEXT = LazyPattern(r"\[((?:[^\[\]\\]|\\.)*+)\](?:\([^()]*+\)|\[[^\[\]]*+\])")
_HTML_ID = LazyPattern(
    r"<[A-Za-z][^<>]*?\b(?:id|name)\s*+=\s*+(?:\"([^\"<>]*+)\"|'([^'<>]*+)'|([^\s<>]++))"
)
# an HTML tag: GitHub's anchor is made of the text around it
_TAG = LazyPattern(r"</?[A-Za-z][^<>]*+>")
# what GitHub keeps of a heading's text: letters, marks, decimal digits, connectors
_KEPT = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "Pc"})
_TOP = {"", "top"}


@record
class AnchorLink:
    """A link to ``#anchor`` in this document, where it is written."""

    line: int
    column: int
    anchor: str  # as written, after the #


def slug(text: str) -> str:
    """The anchor of a heading whose text reads ``text``."""
    import unicodedata  # only where a document links to its headings

    kept = (
        char
        for char in text.lower()
        if char in "- "
        or (char.isascii() and char.isalnum())
        or unicodedata.category(char) in _KEPT
    )
    return "".join(kept).replace(" ", "-")


def heading_text(line: str) -> str:
    """A heading's text as it reads, from its first line (ATX marks taken off), without
    its images (a badge's alt text is no part of the anchor; the spaces around it are)."""
    opener = _ATX_OPEN.match(line)
    if opener is not None:
        line = _ATX_CLOSE.sub("", line[opener.end() :])
    line = line.strip()
    return plain_text(_IMAGE.sub("", line) if "![" in line else line)


def _as_spaced(line: str) -> str:
    """A heading's text with its spaces as written (``plain_text`` joins them; a browser
    keeps them, and GitHub's anchor has a hyphen for each): images dropped, links read as
    their text, code and emphasis marks dropped."""
    opener = _ATX_OPEN.match(line)
    if opener is not None:
        line = _ATX_CLOSE.sub("", line[opener.end() :])
    line = _LINK_TEXT.sub(r"\1", _IMAGE.sub("", line.strip()))
    return _without_html(line).replace("`", "").replace("*", "")


def _without_html(line: str) -> str:
    """``line`` without its HTML tags and comments, each looked for once (a pattern for
    a comment would read a line of unclosed ``<!--`` again from each)."""
    kept: list[str] = []
    at = 0
    while (start := line.find("<", at)) >= 0:
        if line.startswith("<!--", start):
            end = line.find("-->", start + 4)
            if end < 0:
                break
            kept.append(line[at:start])
            at = end + 3
        elif (tag := _TAG.match(line, start)) is not None:
            kept.append(line[at:start])
            at = tag.end()
        else:
            kept.append(line[at : start + 1])
            at = start + 1
    kept.append(line[at:])
    return "".join(kept)


def heading_anchors(texts: list[str]) -> list[str]:
    """The anchors of headings whose texts read ``texts``, in document order."""
    anchors: list[str] = []
    used: dict[str, int] = {}
    for text in texts:
        base = slug(text)
        count = used.get(base, 0)
        used[base] = count + 1
        anchors.append(base if count == 0 else f"{base}-{count}")
    return anchors


def prose_lines(roadmap: Roadmap) -> Iterator[int]:
    """The lines of every block that is not code, in order."""
    for block in roadmap.blocks:
        if block.kind not in _CODE:
            yield from range(block.line, block.end_line + 1)


def anchor_links(roadmap: Roadmap, lines: list[str] | None = None) -> Iterator[AnchorLink]:
    """Every link to an anchor of this document, outside code and HTML comments: inline
    links and link reference definitions. ``lines``: the source's, if already split."""
    source = roadmap.source
    if "#" not in source:
        return
    lines = split_lines(source) if lines is None else lines
    comments = {
        line
        for block in roadmap.blocks
        if block.kind == "html" and lines[block.line - 1].lstrip().startswith("<!--")
        for line in range(block.line, block.end_line + 1)
    }
    if "](" in source:
        for number in prose_lines(roadmap):
            if number in comments:
                continue
            line = lines[number - 1]
            if "](" not in line:
                continue
            ticks, counted = 0, 0  # backticks before the link, counted once per line
            for found in _LINK.finditer(line):
                ticks += line.count("`", counted, found.start())
                counted = found.start()
                if ticks % 2:
                    continue  # inside a code span
                yield AnchorLink(number, found.start("anchor"), found["anchor"])
    for reference in roadmap.references:
        if reference.url.startswith("#"):
            yield AnchorLink(reference.line, 1, reference.url[1:])


def document_anchors(roadmap: Roadmap, lines: list[str] | None = None) -> frozenset[str]:
    """Every anchor a link into this document can name, lower-cased. ``lines``: the
    source's, if already split."""
    lines = split_lines(roadmap.source) if lines is None else lines
    headings = [block.line for block in roadmap.blocks if block.kind == "heading"]
    firsts = [lines[line - 1].rstrip("\r\n") for line in headings]
    anchors = set(heading_anchors([heading_text(first) for first in firsts]))
    anchors.update(heading_anchors([_as_spaced(first) for first in firsts]))
    code = {
        line
        for block in roadmap.blocks
        if block.kind in _CODE
        for line in range(block.line, block.end_line + 1)
    }
    in_order = dict(zip(headings, firsts, strict=True))
    for number, line in enumerate(lines, 1):
        if number in code:
            continue
        nested = _ANY_HEADING.match(line.rstrip("\r\n"))
        if nested is not None:  # a heading in a list or a quote: its anchor if no other
            anchors.add(slug(heading_text("# " + nested[1])))
            in_order.setdefault(number, "# " + nested[1])
        if "<" in line:
            for found in _HTML_ID.finditer(line):
                anchors.add(next(part for part in found.groups() if part is not None))
    if len(in_order) > len(headings):  # GitHub numbers them all in order: "-1" counts them
        ordered = [in_order[number] for number in sorted(in_order)]
        anchors.update(heading_anchors([heading_text(first) for first in ordered]))
        anchors.update(heading_anchors([_as_spaced(first) for first in ordered]))
    return frozenset(anchor.lower() for anchor in anchors) | _TOP


def leads_nowhere(anchor: str, anchors: frozenset[str]) -> bool:
    """Whether a link to ``#anchor`` names none of ``anchors``, read as a browser on
    GitHub reads it: percent-decoded, the ``user-content-`` prefix GitHub gives ids
    dropped, and in any case."""
    wanted = anchor.lower()
    if wanted in anchors:
        return False
    if "%" in wanted:
        from urllib.parse import unquote

        wanted = unquote(wanted).lower()  # %C3%89 is É
    return wanted.removeprefix("user-content-") not in anchors
