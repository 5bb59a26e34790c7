"""Plain text of inline markdown, parsing only where markup could matter.

Inline parsing is run only on the text whose value is read, and not at all
where the text holds no inline markup: on a large roadmap the inline pass over
every paragraph would cost as much as the block parse itself. Code spans, the
markup values carry most (`` `in_progress` ``), are read here when they are the
only markup, so that a roadmap read by the native block parser usually needs no
markdown-it-py at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from roadmaplint.text import LazyPattern

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# Where inline markup other than code spans may change the text; without a match
# the inline parser would return the text unchanged but for its code spans, so it
# is not run. An underscore between two letters or digits is never emphasis, nor is
# an ampersand that cannot start an entity.
# (Every alternative begins with one character, so that re skips the characters no
# match begins with: with a class first and a lookbehind before the underscore, it tried
# every alternative at every character, 3.4 µs on an 80-character line against 0.6.)
_INLINE_MARKUP = LazyPattern(r"\\|\*|<|>|!|\n|&[#A-Za-z]|\]\s*[(\[]|_(?:(?<![^\W_]_)|(?![^\W_]))")
# Every match of it begins with one of these: a text holding none is not searched (0.3 µs).
_MARKUP_STARTS = tuple("\\*<>!\n&]_")
# Values this short repeat (`ready`, `P1`, `_unassigned_`) and are kept once read;
# longer ones (descriptions) seldom do.
_SHORT = 32
# A whole value in underscores (`_unassigned_`): one emphasis, when what it wraps has
# no markup of its own and neither starts nor ends with a space.
_EMPHASIZED = LazyPattern(r"_([^_\s`](?:[^_`]*[^_\s`])?)_")


class InlineText:
    """Plain text of inline markdown, parsing only where markup could matter."""

    def __init__(self, md: MarkdownIt | None, env: dict[str, Any]) -> None:
        """``md`` parses inline markdown; None: markdown-it-py's, made when first needed."""
        self._md = md
        self._env = env
        self._has_references = bool(env.get("references"))
        self._seen: dict[str, str] = {}  # values repeat: `_unassigned_`, `in_progress`, ...
        self.parses = 0

    def __call__(self, source: str) -> str:
        known = self._seen.get(source)
        if known is not None:
            return known
        if not (self._has_references and "[" in source):
            if not _may_hold_markup(source) or not _INLINE_MARKUP.search(source):
                known = " ".join((code_spans(source) if "`" in source else source).split())
            else:
                emphasized = _EMPHASIZED.fullmatch(source)
                if emphasized and not _INLINE_MARKUP.search(emphasized[1]):
                    known = " ".join(emphasized[1].split())
            if known is not None:
                if len(source) <= _SHORT:
                    self._seen[source] = known
                return known
        self.parses += 1
        if self._md is None:
            from roadmaplint.reader.reference import markdown

            self._md = markdown()
        tokens: list[Token] = []
        self._md.inline.parse(source, self._md, self._env, tokens)
        known = self._seen[source] = " ".join(_token_text(tokens).split())
        return known


def _may_hold_markup(source: str) -> bool:
    """Whether ``source`` holds a character a match of ``_INLINE_MARKUP`` begins with."""
    # a loop, not any() over a generator: 0.39 us against 0.76 us on a description
    for character in _MARKUP_STARTS:  # noqa: SIM110
        if character in source:
            return True
    return False


def code_spans(source: str) -> str:
    """The text of ``source`` whose only inline markup is backticks: its code spans'
    contents in place, as markdown-it-py's backtick rule reads them (an opening run
    closes at the next run of the same length; without one it stays text)."""
    parts: list[str] = []
    pending = 0  # where the text not yet taken starts
    search = 0
    while (start := source.find("`", search)) != -1:
        end = _run_end(source, start)
        close = end
        while (close := source.find("`", close)) != -1:
            after = _run_end(source, close)
            if after - close == end - start:
                break
            close = after
        if close == -1:
            search = end  # no closing run: the backticks are text
            continue
        content = source[end:close]
        if content.startswith(" ") and content.endswith(" ") and content.strip(" "):
            content = content[1:-1]
        parts += (source[pending:start], content)
        pending = search = close + end - start
    parts.append(source[pending:])
    return "".join(parts)


def _run_end(source: str, start: int) -> int:
    end = start + 1
    while end < len(source) and source[end] == "`":
        end += 1
    return end


# An HTML line break written inline: ``<br>``, ``<br/>``, ``<BR />``.
_LINE_BREAK = LazyPattern(r"<br[ \t]*/?>", re.IGNORECASE)


def _token_text(tokens: Sequence[Token]) -> str:
    parts: list[str] = []
    for token in tokens:
        if token.type in ("text", "text_special", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "html_inline" and _LINE_BREAK.fullmatch(token.content):
            parts.append(" ")  # ``**(1 hour)**<br>Determine ...``: a break between words
        elif token.type == "image" and token.children:
            parts.append(_token_text(token.children))
    return "".join(parts)


@lru_cache(maxsize=1024)
def plain_text(markdown: str) -> str:
    """The text a reader sees in one line of inline markdown outside a document (no link
    reference definitions): what the editing commands compare values by."""
    return InlineText(None, {})(markdown)
