"""Obsidian Kanban boards: a card's words and the metadata the plugin writes into them.

The Kanban plugin keeps a board as a markdown file whose front matter says so
(``kanban-plugin: basic``), each column a heading and each card a box. A card's line holds,
beside its name, what the board shows apart or hides: a due day linked to a daily note
(``@[[Feb 10th, 2023]]``, ``@{2023-02-10}``, a time ``@@{14:00}``), tags (``#bug``), and on
an archived card the moment it was archived, put first (``Feb 12th, 2023 13:17``); a card
named by the note it opens is a wiki link (``[[Implement the editor]]``), and a card another
note links to ends with its block ID (``^5ggylw``). None of these is
the card's name, which is what the board shows: the words, the link's page or alias.
"""

from __future__ import annotations

import re

from roadmaplint.reader.shapes import Document
from roadmaplint.text import LazyPattern

# The front matter's line that makes a file a board: ``kanban-plugin: basic``.
_BOARD = LazyPattern(r"kanban-plugin:[ \t]*+[a-z]")
# The moment an archived card was archived, put before its words (the plugin's
# ``prepend-archive-date``): ``Feb 12th, 2023 13:17``, ``2023-02-12 13:17``.
_ARCHIVED_AT = LazyPattern(
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}[ \t]++[0-9]{1,2}"
    r"(?:st|nd|rd|th)?,?[ \t]++[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2})"
    r"(?:[ \t]++[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?[ \t]++(?=\S)"
)
# A due day or time linked or written in braces: ``@[[Feb 10th, 2023#^a1acf4]]``,
# ``@{2023-02-10}``, ``@@{14:00}``.
_DATE_LINK = LazyPattern(r"(?<!\S)@@?(?:\[\[[^\]\n]{1,80}\]\]|\{[^}\n]{1,40}\})")
# A tag: ``#bug``, ``#area/ui`` (a number alone, ``#12``, is an issue, no tag).
_TAG = LazyPattern(r"(?<!\S)#(?=[^\s#]{0,60}[A-Za-z_])[^\s#]{1,60}")
# The block ID Obsidian closes a card with when another note links to it: `` ^5ggylw``.
_BLOCK_ID = LazyPattern(r"(?<!\S)\^[A-Za-z0-9-]{1,40}[ \t]*$")
# A line break inside a card, which the board shows as one: ``<br>``, ``<br/>``.
_CARD_BREAK = LazyPattern(r"<br[ \t]*/?>", re.IGNORECASE)
# A wiki link, shown as its alias or else its page: ``[[Page#Heading|Alias]]``.
_WIKI_LINK = LazyPattern(
    r"\[\[(?P<page>[^\]|#\n]{1,200})(?:#[^\]|\n]{0,100})?(?:\|(?P<alias>[^\]\n]{1,200}))?\]\]"
)

# A tag that says the card was let go, whatever its box says: ``#invalid``, ``#wontfix``.
_LET_GO_TAG = LazyPattern(
    r"(?<!\S)#(?:invalid|wont-?fix|duplicate|cancell?ed|dropped|rejected)(?![\w/-])",
    re.IGNORECASE,
)


# A lane the board keeps for work it will not do: ``## NOT IN SCOPE``, ``## Out of scope``,
# ``## Won't do``, ``## Descoped``.
_LET_GO_LANE = LazyPattern(
    r"[^\w]*(?:not[ \t]+in[ \t]+scope|out[ \t]+of[ \t]+scope|won'?t[ \t]+do|descoped)"
    r"(?:[ \t]*\([0-9]{1,4}\))?[^\w]*",
    re.IGNORECASE,
)


def let_go_lane(lane: str | None) -> bool:
    """Whether a board's lane holds the cards it will not do (``## NOT IN SCOPE``): each is
    let go there, as a card tagged ``#wontfix`` is, its box open or not."""
    return lane is not None and _LET_GO_LANE.fullmatch(lane.strip()) is not None


def kanban_board(document: Document) -> bool:
    """Whether ``document`` is an Obsidian Kanban board: its front matter, before any
    other line, names the plugin (``kanban-plugin: basic``)."""
    return document.memo("kanban-board", lambda: kanban_lines(document.lines))


def kanban_lines(lines: list[str]) -> bool:
    """Whether ``lines`` open with front matter naming the Kanban plugin."""
    if not lines or lines[0].strip() != "---":
        return False
    for line in lines[1:40]:
        if line.strip() == "---":
            return False
        if _BOARD.match(line.strip()) is not None:
            return True
    return False


def card_words(text: str) -> str:
    """A card's words as its board shows them: without the moment it was archived, its due
    day, its tags, its block ID, and with each wiki link as its alias or page. A card of
    nothing else (``#onlytag``, ``@{2024-01-01}``) keeps what it writes, as a title of no
    words is none."""
    written = text
    archived = _ARCHIVED_AT.match(text)
    text = text[archived.end() :] if archived is not None else text
    text = _CARD_BREAK.sub(" ", text)  # ``**(1 hour)**<br>Plan it.<br>#project``: lines
    text = _TAG.sub("", _DATE_LINK.sub("", _BLOCK_ID.sub("", text)))
    text = _WIKI_LINK.sub(lambda link: link["alias"] or link["page"], text)
    return " ".join(text.split()) or " ".join(written.split())


def let_go(text: str) -> bool:
    """Whether a card's text carries a tag that says it was let go (``#invalid``): the
    board archives such a card ticked, as it archives finished ones."""
    return "#" in text and _LET_GO_TAG.search(text) is not None
