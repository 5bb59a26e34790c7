"""A heading item's title rewritten in place: where its heading writes its ID and its
title (``[ID] Title``, ``ID — Title``, ``3. Title``), a list entry's title, and what
stays around a new title (an aside, a priority note, a closing status).
"""

from __future__ import annotations

import re

from roadmaplint.edit.base import check_one_line
from roadmaplint.edit.item_plan import _ATX, _LIST_LINE, _closing_sequence, _Plan
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item, Roadmap
from roadmaplint.reader.dialect import MARKED_TITLE
from roadmaplint.reader.fields import (
    closing_status_span,
    heading_status,
    noted_priority_start,
    without_aside,
)
from roadmaplint.reader.linestyle import split_tail


def _id_form(item_id: str) -> re.Pattern[str]:
    """An item heading's ID and what parts it from the title, in every form the reader
    accepts: ``[ID] Title``, ``[ID]: Title``, ``ID — Title``, ``ID – Title``, ``ID - Title``,
    ``ID: Title``, and a queue's ``ID Title`` or a numbered series' ``3. Title`` (the
    reader takes those for items only in a series, so the ID is where it reads it)."""
    escaped = re.escape(item_id)
    return re.compile(
        rf"\[{escaped}\](?:[ \t]*[—–:-])?[ \t]+|{escaped}(?: — | – | - |: )[ \t]*"
        rf"|{escaped}\.?[ \t]+"
    )


def heading_id(line: str, item_id: str) -> tuple[int, int] | None:
    """Where the ID of an item heading stands on its (first) line: start, end."""
    opener = _ATX.match(line)
    start = opener.end() if opener else len(line) - len(line.lstrip(" \t"))
    found = _id_form(item_id).match(line, start)
    if found is None:
        return None
    at = start + (1 if line[start] == "[" else 0)
    return at, at + len(item_id)


def heading_start(line: str) -> int:
    """Where an item heading's (first) line writes what follows its ``#`` marks."""
    opener = _ATX.match(line)
    return opener.end() if opener else len(line) - len(line.lstrip(" \t"))


def heading_title(title: str, atx: bool) -> str:
    """A title as markdown that a heading reads back as ``title``: a closing run of
    ``#`` in an ATX heading is escaped (``Port to F \\#``), else it would be dropped."""
    text = title.strip()
    run = len(text) - len(text.rstrip("#"))
    if atx and run and (run == len(text) or text[-run - 1] in " \t"):
        text = f"{text[:-run]}\\{text[-run:]}"
    return text


def _retitle(plan: _Plan, lines: list[str], roadmap: Roadmap, item: Item, title: str) -> None:
    check_one_line(title, "the title")
    if not title.strip():
        raise RoadmapError("the title is one non-empty line")
    index = item.position.line - 1
    line = plan.replace.get(index, lines[index]) or lines[index]
    body = line.rstrip("\r\n")
    opener = _ATX.match(body)
    entry = _LIST_LINE.match(body) if opener is None else None
    if entry is not None:
        at = _entry_title(body, entry.end(), roadmap, item)
        end = at + len(item.title)
        plan.replace[index] = body[:at] + title.strip() + body[end:] + line[len(body) :]
        return
    start = heading_start(body)
    found = _id_form(item.id).match(body, start)
    if found is None and not (item.named_by_title and body.startswith(item.title, start)):
        raise RoadmapError(
            f"{roadmap.path}:{index + 1}: cannot find {item.id} written as the reader reads "
            "it on its heading; edit the title by hand"
        )
    # a heading named by its title writes no ID (``### 📋 Final delivery (PLANNED)``)
    at = found.end() if found is not None else start
    marked = MARKED_TITLE.fullmatch(body[at:])
    if marked is not None:  # ``[M-1] ✅ 🔴High — Title``: the marks are the status, they stay
        at += marked.start("title")
    rest, tail = split_tail(body[at:])
    if opener is not None and (kept := without_aside(rest)) != rest:
        # ``Level editor (ETA: May)``: the aside is no part of the title and stays
        rest, tail = kept, rest[len(kept) :] + tail
    if opener is not None and item.priority and (cut := noted_priority_start(rest)) is not None:
        # ``Network Validation (High Priority)``: the note is the priority and stays
        rest, tail = rest[:cut], rest[cut:] + tail
    if opener is not None and (cut := closing_status_span(rest, item.status)) is not None:
        # ``Project scaffolding `done```: the span is the status and stays
        rest, tail = rest[:cut], rest[cut:] + tail
    elif opener is not None and (cut := _closing_status_at(rest, item)) is not None:
        # ``Backups ✅ (2024-04-02)``, ``Login — COMPLETE``: the heading's status stays
        rest, tail = rest[:cut], rest[cut:] + tail
    end = _closing_sequence(rest) if opener else len(rest.rstrip(" \t"))
    text = heading_title(title, opener is not None)
    plan.replace[index] = body[:at] + text + rest[end:] + tail + line[len(body) :]


def _closing_status_at(written: str, item: Item) -> int | None:
    """Where the title ends in a heading's text that closes with the item's status (a check
    mark, a mark and its day, closing words: ``Backups ✅ (2024-04-02)``, ``Login —
    COMPLETE``), the reader having read the words before it as the title; None otherwise."""
    if item.status is None:
        return None
    split = heading_status(written)
    if split is None or split[0].strip() != item.title or not written.startswith(split[0]):
        return None
    return len(split[0].rstrip())


def _entry_title(body: str, start: int, roadmap: Roadmap, item: Item) -> int:
    """Where a list entry's line writes its title as the reader reads it (``2. **Create
    the project**``, ``- ~~Lexer~~``, ``- 2026-05-01 — Beta launch``): once, after its
    marker; what stands around it (the bold, the strike, the day) stays."""
    at = body.find(item.title, start) if item.title else -1
    if at < 0 or body.find(item.title, at + 1) >= 0:
        raise RoadmapError(
            f"{roadmap.path}:{item.position.line}: {item.id}'s title is not written once as "
            f"it reads on its line ({item.title!r}); edit the line by hand"
        )
    return at
