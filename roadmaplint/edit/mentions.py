"""Where an item ID is mentioned in a roadmap's text, and the edits that rename it.

References and go to definition use every whole-word mention of an ID in the
document (its heading, Depends on lists, the Priority Overview, prose) and its
node name in a generated mermaid graph. Renames, in one roadmap and across
roadmaps, are roadmaplint.edit.rename's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from roadmaplint.model import Item, Roadmap
from roadmaplint.record import record
from roadmaplint.text import line_starts

# An ID is a whole word when no ID-like character touches it on either side.
_WORD = r"[A-Za-z0-9_-]"


@record
class Mention:
    """``text[start:end]`` names an item (character offsets into the roadmap's text)."""

    start: int
    end: int
    in_graph: bool = False  # a mermaid node name such as MODEL_1


@lru_cache(maxsize=256)
def _whole_word(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!{_WORD}){re.escape(word)}(?!{_WORD})")


def mermaid_name(item_id: str) -> str:
    """The node name the generated graph gives an ID (as picture.py spells it)."""
    return re.sub(r"\W", "_", item_id, flags=re.ASCII)


def _graph_spans(roadmap: Roadmap) -> list[tuple[int, int]]:
    starts = line_starts(roadmap.source)
    spans = []
    for section in roadmap.graph_sections:
        if section.code_line is not None and section.code_end is not None:
            spans.append((starts[section.code_line - 1], starts[section.code_end]))
    return spans


def mentions(roadmap: Roadmap, item_id: str) -> list[Mention]:
    """Every mention of ``item_id``, in text order."""
    text = roadmap.source
    found = [Mention(match.start(), match.end()) for match in _whole_word(item_id).finditer(text)]
    name = mermaid_name(item_id)
    if name != item_id:
        pattern = _whole_word(name)
        for start, end in _graph_spans(roadmap):
            found += [
                Mention(match.start(), match.end(), in_graph=True)
                for match in pattern.finditer(text, start, end)
            ]
    return sorted(found, key=lambda mention: mention.start)


def definition(roadmap: Roadmap, item_id: str) -> Item | None:
    """The item that defines ``item_id`` (the first one, as the rules read it)."""
    return next((item for item in roadmap.items if item.id == item_id), None)


def id_at(roadmap: Roadmap, offset: int) -> tuple[str, int, int] | None:
    """The item ID at a character offset, with its span, if there is one there."""
    text = roadmap.source
    start = offset
    while start > 0 and re.match(_WORD, text[start - 1]):
        start -= 1
    end = offset
    while end < len(text) and re.match(_WORD, text[end]):
        end += 1
    word = text[start:end]
    if not word:
        return None
    known = {item.id for item in roadmap.items}
    if word in known:
        return word, start, end
    for gstart, gend in _graph_spans(roadmap):
        if gstart <= offset <= gend:
            for item_id in known:
                if mermaid_name(item_id) == word:
                    return item_id, start, end
    return None
