"""The ID pattern, compiled into the expressions that find IDs, on an engine that cannot hang.

The default pattern is ours and runs on Python's ``re``. A pattern from a
user's config runs on RE2 (the dependency google-re2, imported only when
such a pattern is set): RE2 matches in time linear in the text, whatever
the pattern, so no ``id-pattern`` can make a commit hook backtrack for ever.
Spotting dangerous shapes instead (nested repeats, overlapping alternatives)
can never be complete; an engine without backtracking is.

Every use of the pattern goes through ``id_regex(pattern, shape)``, and the
config validates a pattern by compiling it in every shape, so what is
accepted is exactly what will run: the user's own groups, named or not, and
inline flags such as ``(?i)`` are fine, and our groups are always named.
"""

from __future__ import annotations

import re
from functools import lru_cache

from roadmaplint.errors import RoadmapError
from roadmaplint.settings import DEFAULT_ID_PATTERN
from roadmaplint.text import compile_pattern

ALONE = "(?:{id})"  # an ID by itself, for fullmatch: a dependency, a rename target
HEADING = r"(?s)\[(?P<id>{id})\][ \t]+(?P<title>.*)"  # "[ID] Title", for fullmatch
LOOSE_HEADING = r"(?s)\[?(?P<id>{id})\]?[ \t:.-]*(?P<title>.*)"  # "ID: Title", to suggest
# How items are read: "[ID] Title" or "ID — Title" (also –, -, :, and the middle dot of
# Jira-style queues, "LOG-44 · Title"), for fullmatch.
ITEM_HEADING = (
    r"(?s)\[(?P<id>{id})\](?:[ \t]*[—–:-])?[ \t]+(?P<title>\S.*)"
    r"|(?P<id2>{id})(?: — | – | - |: | · )[ \t]*(?P<title2>\S.*)"
)
LEADING = r"(?P<id>{id})(?:[^\w-]|$)"  # an ID that begins a longer name, for match
SHAPES = (ALONE, HEADING, LOOSE_HEADING, ITEM_HEADING, LEADING)
INSTALL = "pip install google-re2 (a dependency of roadmaplint: reinstall it)"


def id_regex(pattern: str, shape: str = ALONE) -> re.Pattern[str]:
    """``shape`` with ``pattern`` as its ID; RoadmapError if the pattern cannot run."""
    try:
        return _compiled(pattern, shape)
    except ValueError as error:
        raise RoadmapError(f"id-pattern {pattern!r}: {error}") from None


def validate(pattern: str) -> None:
    """Compile ``pattern`` in every shape it is used in; ValueError saying why not."""
    for shape in SHAPES:
        _compiled(pattern, shape)


@lru_cache(maxsize=64)
def _compiled(pattern: str, shape: str) -> re.Pattern[str]:
    source = shape.replace("{id}", pattern)
    if pattern == DEFAULT_ID_PATTERN:
        # ours: reviewed, and linear on every input we test; its code stored (PERF-20)
        return compile_pattern(source)
    return _re2(pattern, source)


def _re2(pattern: str, source: str) -> re.Pattern[str]:
    try:
        import re2
    except ImportError:
        raise ValueError(
            f"a custom ID pattern runs on RE2, which is not installed: {INSTALL}"
        ) from None
    options = re2.Options()
    options.log_errors = False  # RE2 would print its own lines on stderr
    try:
        re2.compile(pattern, options)  # on its own first, so "a)(b" is not mistaken as fine
        compiled = re2.compile(source, options)
    except re2.error as error:
        why = error.args[0].decode() if error.args and isinstance(error.args[0], bytes) else error
        raise ValueError(f"RE2 cannot run this pattern: {why}") from None
    from typing import cast  # only a custom ID pattern comes here

    # google-re2's compiled patterns and matches answer the calls we make of re's.
    return cast("re.Pattern[str]", compiled)
