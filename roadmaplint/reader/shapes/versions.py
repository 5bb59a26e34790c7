"""A roadmap by versions: a version heading with nothing under it that names its work
(``## 0.3 (graphql package)`` between versions over bullets) is one item, the work it
names, read beside the bullets of the version headings next to it."""

from __future__ import annotations

import re
from bisect import bisect_left

from roadmaplint.model import Block, Field, Item, Position
from roadmaplint.reader.blocks import HeadingBlock
from roadmaplint.reader.fields import heading_status
from roadmaplint.reader.legends import legend_mark_status, line_legend_entries
from roadmaplint.reader.shapes import Document
from roadmaplint.reader.shapes.common import (
    edge_stripped,
    make_item,
    reference_from_title,
    status_of_section,
    status_of_sections,
)
from roadmaplint.reader.shapes.entries import _status_fields, _under_heading
from roadmaplint.settings import common_meaning
from roadmaplint.text import LazyPattern

# A version heading and the work it names after the version, in brackets or after a colon
# or a dash: ``0.3 (graphql package)``, ``v2.0 — Plugin API``, ``1.4: Dark mode``; the
# version alone (``0.5``, ``v3``) names none.
_VERSION_HEADING = LazyPattern(
    r"(?:version[ \t]+|v)?(?:[0-9]{1,4}(?:\.[0-9]{1,4}){1,3}|(?<=v)[0-9]{1,4})"
    r"(?:-[0-9A-Za-z]{1,12}(?:\.[0-9A-Za-z]{1,12}){0,2})?"
    r"(?:[ \t]*\((?P<bracketed>[^()\n]{1,80})\)|[ \t]*[:—–][ \t]*(?P<colon>\S[^\n]{0,80})"
    r"|[ \t]+-[ \t]+(?P<dash>\S[^\n]{0,80}))?",
    re.IGNORECASE,
)
# What says when or how far a release is, no work: a day, a month, a year, a quarter, a
# stage of the release (``(2024-01-01)``, ``- March 2025``, ``(Q3)``, ``(stable)``, ``(MVP)``).
_WHEN = LazyPattern(
    r"\b(?:(?:19|20)[0-9]{2}|Q[1-4]|H[12]|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may"
    r"|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.IGNORECASE,
)
_STAGE = LazyPattern(
    r"(?:un)?released|current|latest|upcoming|planned|next|later|soon|future|tb[ad]|wip"
    r"|alpha|beta|rc|stable|lts|preview|final|mvp|draft|[\W\d_]*"
    r"|(?:(?:initial|first|stable|major|minor|patch|public|beta|alpha|final|next)[ \t]+)?release",
    re.IGNORECASE,
)
_FEWEST_LISTED = 2  # version headings over bullets that make a roadmap by versions


def empty_versions_beside(
    document: Document, read: list[int], items: list[Item], taken: set[str]
) -> list[Item]:
    """The work named by the version headings with nothing under them in a roadmap by
    versions: a run of version headings of one level under one parent, two or more over
    bullets, one of those bullets' lists read as items (its first line, 0-based, among
    ``read``; ``items``, what they read). Each such heading that names work after its
    version is one item, with the status its own heading gives it as a sibling's heading
    gives its bullets theirs; where the run's bullets say a status of their own (boxes,
    ``[done]``) and its heading names none, its status is unsaid, and it is not read.
    Elsewhere (a changelog, a README, versions over prose) nothing is read."""
    headings = document.headings
    starts = document.memo("heading lines", lambda: [heading.line for heading in headings])
    parents = document.memo("heading parents", lambda: _parents(headings))
    runs: set[tuple[int, int]] = set()  # (parent, level) of a version read over its list
    for first in read:
        at = bisect_left(starts, first + 1) - 1
        if (
            at >= 0
            and _under_heading(document.lines, first)
            and _is_version(document, headings[at])
        ):
            runs.add((parents[at], headings[at].level))
    found = []
    for parent, level in sorted(runs):
        run, end = _run(headings, parent, level, len(document.lines))
        if sum(_over_list(document, headings[at]) for at in run) < _FEWEST_LISTED:
            continue
        start = headings[run[0]].line
        statused = any(item.status for item in items if start <= item.position.line <= end)
        for at in run:
            if _empty_version(document, at, level):
                item = _named_work(document, headings[at], taken)
                if item is not None and (item.status or not statused):
                    found.append(item)
    return found


def names_version_work(heading: str) -> bool:
    """Whether a heading's text (its marks and markup gone) is a version and the work it
    names after it (``0.2 (search index)``, ``v0.3 — Plugin API``): the heading a version
    with nothing under it is read from as one item (``empty_versions_beside``)."""
    version = _VERSION_HEADING.fullmatch(edge_stripped(heading).strip())
    return version is not None and bool(version["bracketed"] or version["colon"] or version["dash"])


def _run(
    headings: list[HeadingBlock], parent: int, level: int, line_count: int
) -> tuple[list[int], int]:
    """The indexes of the headings of ``level`` under the heading at ``parent`` (-1: the
    document), and the last line of the last one's section."""
    run: list[int] = []
    for at in range(parent + 1, len(headings)):
        if headings[at].level < level:
            return run, headings[at].line - 1
        if headings[at].level == level:
            run.append(at)
    return run, line_count


def _parents(headings: list[HeadingBlock]) -> list[int]:
    """The index of each heading's parent: the nearest heading above it of a higher
    level, or -1."""
    parents: list[int] = []
    open_headings: list[int] = []  # the headings still open, deepest last
    for at, heading in enumerate(headings):
        while open_headings and headings[open_headings[-1]].level >= heading.level:
            open_headings.pop()
        parents.append(open_headings[-1] if open_headings else -1)
        open_headings.append(at)
    return parents


def _over_list(document: Document, heading: HeadingBlock) -> bool:
    """Whether a version heading stands right over a list of bullets."""
    lines = document.lines
    below = next((lines[at] for at in range(heading.end, len(lines)) if lines[at].strip()), "")
    return below.lstrip(" ")[:2] in ("- ", "* ", "+ ") and _is_version(document, heading)


def _text(document: Document, heading: HeadingBlock) -> str:
    return edge_stripped(document.inline(heading.source)).strip()


def _is_version(document: Document, heading: HeadingBlock) -> bool:
    return _VERSION_HEADING.fullmatch(_text(document, heading)) is not None


def _empty_version(document: Document, index: int, level: int) -> bool:
    """Whether the heading at ``index`` is a version heading of ``level`` with nothing
    under it: the next line that is not blank is a heading of that level or higher, or
    the document ends."""
    heading = document.headings[index]
    if heading.level != level or not _is_version(document, heading):
        return False
    following = document.headings[index + 1] if index + 1 < len(document.headings) else None
    end = following.line - 1 if following is not None else len(document.lines)
    if any(line.strip() for line in document.lines[heading.end : end]):
        return False
    return following is None or following.level <= level


def _named_work(document: Document, heading: HeadingBlock, taken: set[str]) -> Item | None:
    """The item a version heading with nothing under it names, or None where the words
    after its version name no work (a day, a stage, a status)."""
    text = _text(document, heading)
    status = status_of_sections([text])
    said = heading_status(text)
    if status is not None and said is not None:
        text = said[0].strip()  # ``v1.0: Accounts — Done``: the status is no part of the work
    version = _VERSION_HEADING.fullmatch(text)
    if version is None:
        return None
    named = version["bracketed"] or version["colon"] or version["dash"]
    if named is None:
        return None
    title = edge_stripped(named).strip()
    if (
        not title
        or _WHEN.search(title) is not None
        or _STAGE.fullmatch(title) is not None
        or common_meaning(title) is not None
        or status_of_section(title) is not None
    ):
        return None
    here = Position(heading.line, 1)
    return make_item(
        reference_from_title(title, taken),
        title,
        document.inline(heading.source),
        here,
        heading.end,
        _status_fields(status, here),
        document.dialect,
        (),
        True,
    )


# A release's paragraph led by its version, a mark of the plan's status legend and its
# name: ``v0.17.0 ✅ Eval Framework`` over the lines of what it brings.
_RELEASE_LINE = LazyPattern(
    r"(?P<version>v?[0-9]{1,4}(?:\.[0-9]{1,4}){1,3}(?:-[0-9A-Za-z.]{1,12})?)[ \t]+"
    r"(?P<mark>[^\w\s]{1,3})[ \t]+(?P<name>\S[^\n]{0,120})"
)
_FEWEST_RELEASES = 3


def release_paragraphs(
    document: Document, taken: set[str]
) -> tuple[list[Item], dict[int, tuple[Block, ...]]]:
    """The releases a roadmap lists as paragraphs, each led by its version, its state as a
    mark its status legend names and its name (``v0.20.0 🟡 Visual Agent Builder`` beside
    ``- 🟡 **Planned**``), three or more: each an item, its version the ID; none where the
    document has no such legend (a changelog's ``v1.2 ✅ ...`` lines say what shipped)."""
    lines, tokens = document.lines, document.tokens
    entries = line_legend_entries(lines)
    if not entries:
        return [], {}
    found: list[tuple[int, int, re.Match[str]]] = []
    for index in document.top_level():
        token = tokens[index]
        if token.type != "paragraph_open" or token.map is None:
            continue
        start, end = token.map
        if document.is_taken(start + 1):
            continue
        release = _RELEASE_LINE.fullmatch(lines[start].rstrip())
        if release is not None and legend_mark_status(release["mark"], entries) is not None:
            found.append((start, end, release))
    if len(found) < _FEWEST_RELEASES:
        return [], {}
    items: list[Item] = []
    blocks: dict[int, tuple[Block, ...]] = {}
    for start, end, release in found:
        here = Position(start + 1, 1)
        status = Field("Status", "status", release["mark"], here, here, start + 1)
        name = document.inline(release["name"]).strip()
        version = release["version"]
        item_id = version if version.casefold() not in taken else reference_from_title(name, taken)
        taken.add(item_id)
        section = document.section_above(start + 1)
        items.append(
            make_item(item_id, name, section, here, end, (status,), document.dialect, (), True)
        )
        blocks[start + 1] = (Block("paragraph", start + 1, end),)
    return items, blocks
