"""Plain text of inline markdown, parsing only where markup could matter.

Inline parsing is run only on the text whose value is read, and not at all
where the text holds no inline markup: on a large roadmap the inline pass over
every paragraph would cost as much as the block parse itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# Characters after which inline markup may change the text; without them the
# inline parser would return the text unchanged, so it is not run.
_INLINE_MARKUP = re.compile(r"[\\`*_<>&!\n]|\]\s*[(\[]")


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


@lru_cache(maxsize=1024)
def plain_text(markdown: str) -> str:
    """The text a reader sees in one line of inline markdown outside a document (no link
    reference definitions): what the editing commands compare values by."""
    from roadmaplint.reader.blocks import markdown as parser

    return InlineText(parser(), {})(markdown)
