"""A Depends on field's value -> the references it names: lists split outside brackets,
ranges (``A-1..A-4``, ``phases 2-4``), numbered and dotted ranges, words that say none.

The lowest of the field reader's modules (``docs/architecture.md`` names them).
"""

from __future__ import annotations

import re

from roadmaplint.reader.dialect import NONE_WORDS, NUMBERED_ID, patterns
from roadmaplint.reader.idpattern import LEADING, id_regex
from roadmaplint.reader.inline import plain_text
from roadmaplint.text import LazyPattern

# ``none`` and its like, in Chinese, Japanese and Korean too (``**依赖**: 无``)
_NO_DEPENDENCY = frozenset({"", "none", "nothing", "n/a", "-", "–", "—", *NONE_WORDS})


_PHASE_NUMBER = LazyPattern(r"[0-9]{1,6}(?:\.[0-9]{1,6}){0,5}(?![\w.-])")
_NUMBERED_WORDS = ("Phase", "Task", "Stor", "Milestone", "Epic")  # what NUMBERED_ID starts with


def _noted_references(
    references: list[str], externals: list[str], id_pattern: str
) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """An external dependency that begins with an ID (``ABC-7 merged upstream``,
    ``Phase 3 (auth)``) names that item; the prose after it is kept as its note."""
    if not externals:
        return references, externals, []  # most values: IDs alone, nothing to look into
    leading = id_regex(id_pattern, LEADING)
    whole = patterns(id_pattern).id_only
    kept: list[str] = []
    notes: list[tuple[str, str]] = []
    named = set(references)
    spans = 0  # how many items the value's ranges named: at most _NUMBERED_RANGE_LIMIT
    word = ""  # after ``Phase 25``, a bare number names a phase: ``Phase 25, 26``
    for name in [part for written in externals for part in _and_numbered(written)]:
        if word and _PHASE_NUMBER.match(name):
            name = f"{word} {name}"
        phase = NUMBERED_ID.match(name) if name.startswith(_NUMBERED_WORDS) else None
        word = phase["word"] if phase is not None else ""
        match = leading.match(name)
        found, rest = None, ""
        if phase is not None:  # ``Tasks 1.1``: the task, named in the singular
            found, rest = f"{_singular(phase['word'])} {phase['number']}", name[phase.end() :]
            joined = _JOINED_NUMBER.match(rest)
            if joined is not None and found not in named:  # ``Stories 1 & 2``: both
                named.add(found)
                references.append(found)
                found, rest = f"{_singular(phase['word'])} {joined[1]}", rest[joined.end() :]
        elif match is not None:
            found, rest = match["id"], name[len(match["id"]) :]
        spanned = _numbered_range(found, rest) if phase is not None else []
        if spanned and spans + len(spanned) <= _NUMBERED_RANGE_LIMIT:
            spans += len(spanned)
            references += [name for name in spanned if name not in named]
            named.update(spanned)
            continue
        if spanned:  # past the bound: kept as written, as a range too long is
            kept.append(name)
            continue
        # a sentence's full stop after the ID (``**Deps:** F-001, F-003.``) is no part of it
        stop = rest == "." or rest.startswith((". ", ".\t"))
        unnamed = rest and rest[0] not in " \t(;:—–," and not stop
        if found is None or unnamed or _unexpanded(name, whole):
            kept.append(name)  # a range too long to expand is kept whole, not its first ID
            continue
        found = " ".join(found.split())
        if found not in named:
            named.add(found)
            references.append(found)
        note = rest.strip(" \t;:—–-.")
        if note:
            notes.append((found, note))
    return references, kept, notes


def read_dependencies(value: str, id_pattern: str) -> tuple[list[str], list[str]]:
    """The item references and external dependencies a Depends on value written as
    ``value`` (markdown) reads as: what a check of the written file will follow."""
    references, externals = split_dependencies(plain_text(value), patterns(id_pattern).id_only)
    references, externals, _ = _noted_references(references, externals, id_pattern)
    return references, externals


# ``Task 10-13``: every numbered unit of the range, as a person reads it; ``Task 1-68``
# (all the tasks before the release) is a range too.
_NUMBERED_RANGE = LazyPattern(r"-([0-9]{1,6})(?![\w.])")
_NUMBERED_RANGE_LIMIT = 200


def _singular(word: str) -> str:
    return "Story" if word == "Stories" else word


# ``and`` before another numbered unit named with its word: `` and Phase 3`` of ``Phase 2
# (salaries) and Phase 3 (overtime)``.
# (the word found first, behind a blank: a run of blanks is never scanned from each start)
_AND_NUMBERED = LazyPattern(
    r"(?<=[ \t])and[ \t]++(?=(?:Phase|Task|Stor|Milestone|Epic)[a-z]{0,3}[ \t]+[0-9])"
)


def _and_numbered(name: str) -> list[str]:
    """The numbered units a dependency joins with ``and`` (``Phase 2 (note) and Phase 3
    (note)``), each with its note; an ``and`` inside a note's brackets joins no unit."""
    if " and " not in name:
        return [name]
    parts: list[str] = []
    start = 0
    for joined in _AND_NUMBERED.finditer(name):
        before = name[start : joined.start()]
        if before.count("(") == before.count(")"):
            parts.append(before)
            start = joined.end()
    return [*parts, name[start:]]


# A second number joined to a numbered ID: `` & 2`` of ``Stories 1 & 2``.
_JOINED_NUMBER = LazyPattern(r"[ \t]*(?:[&+]|and)[ \t]+([0-9]{1,6})(?![\w.])")


def _numbered_range(found: str | None, rest: str) -> list[str]:
    """``Task 10``, ``Task 11``... for ``Task 10`` followed by ``-13``, and ``Task 2.1``
    ... ``Task 2.5`` for ``Task 2.1`` followed by ``-2.5``; else none. A note in brackets
    after the range (``Phases 1-5 (full backend)``) says what the range is: every unit of
    it is still named."""
    if found is not None and "." in found and rest[:1] == "-":
        return _dotted_range(found, rest)
    match = _NUMBERED_RANGE.match(rest)
    if found is None or match is None or not _noted_or_nothing(rest[match.end() :]):
        return []
    word, _, number = " ".join(found.split()).rpartition(" ")
    if not number.isdigit() or not 0 < int(match[1]) - int(number) <= _NUMBERED_RANGE_LIMIT:
        return []
    return [f"{word} {n:0{len(number)}d}" for n in range(int(number), int(match[1]) + 1)]


_DOTTED_RANGE = LazyPattern(r"-([0-9]{1,6}(?:\.[0-9]{1,6}){1,5})(?![\w.])")


def _dotted_range(found: str, rest: str) -> list[str]:
    """The tasks of a range of dotted numbers that differ in their last part only
    (``Task 2.1`` to ``-2.5``); none for any other."""
    match = _DOTTED_RANGE.match(rest)
    if match is None or not _noted_or_nothing(rest[match.end() :]):
        return []
    word, _, number = " ".join(found.split()).rpartition(" ")
    head, _, first = number.rpartition(".")
    end_head, _, last = match[1].rpartition(".")
    if head != end_head or not first.isdigit() or not 0 < int(last) - int(first) <= 50:
        return []
    return [f"{word} {head}.{n}" for n in range(int(first), int(last) + 1)]


def _noted_or_nothing(after: str) -> bool:
    """Whether what follows a range is nothing or a note in brackets (`` (full backend)``;
    a note with a comma in it is cut at the comma, ``(schema``)."""
    tail = after.strip()
    return not tail or tail[0] == "("


def _says_none(name: str) -> bool:
    """``Nothing (first phase)``, ``None (standalone)``: no dependency, with a reason."""
    word, bracket, _ = name.partition(" (")
    return bool(bracket) and word.lower() in ("none", "nothing")


def split_dependencies(value: str, id_pattern: re.Pattern[str]) -> tuple[list[str], list[str]]:
    """Split a Depends on value into item references and external dependencies.

    ``None``, ``n/a`` and ``-`` (any case) name no dependency.
    """
    references: list[str] = []
    externals: list[str] = []
    spans = 0  # how many items the value's ranges named: at most _RANGE_LIMIT * 4
    for part in _outside_brackets(value.replace(";", ",")):
        name = part.strip()
        if name.lower() in _NO_DEPENDENCY or _says_none(name):
            continue
        spanned = _range(name, id_pattern) or _noted_range(name, id_pattern)
        if spanned and spans + len(spanned) <= _RANGE_LIMIT * 4:
            spans += len(spanned)
            references += spanned
            continue
        (references if id_pattern.fullmatch(name) else externals).append(name)
    return references, externals


def _outside_brackets(value: str) -> list[str]:
    """``value`` split at its commas, but for those inside a note's brackets (``Phase 2
    (salaries, PTKP) and Phase 3``); a bracket never closed splits at every comma."""
    if "(" not in value:
        return value.split(",")
    parts: list[str] = []
    depth = start = 0
    for at, char in enumerate(value):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            parts.append(value[start:at])
            start = at + 1
    return value.split(",") if depth else [*parts, value[start:]]


# ``TASK-001 through TASK-006``: every ID of the range, written with the first's digits;
# the word between them in the plan's language too (``US-02 a US-07``, ``T-1 bis T-4``).
_RANGE = LazyPattern(
    r"(?P<a>(?P<prefix>\S*?)(?P<m>[0-9]{1,6}))[ \t]+(?:through|to|thru|a|al|hasta|bis|à|até)"
    r"[ \t]+(?P<b>\S+)"
)
_RANGE_LIMIT = 50
_RANGE_WORDS = ("through", "to", "thru", " a ", " al ", "hasta", "bis", " à ", "até")


# ``T033-T037``: a range written with a dash between two IDs of one prefix; a prefix with
# digits of its own before its dash too (``M1-001–M1-009``, a milestone's tickets).
_DASHED_RANGE = LazyPattern(
    r"(?P<a>(?P<prefix>[A-Za-z]{1,8}-?|[A-Za-z][A-Za-z0-9]{0,7}-)(?P<m>[0-9]{1,6}))"
    r"[ \t]?[-–][ \t]?(?P<b>(?:[A-Za-z]{1,8}-?|[A-Za-z][A-Za-z0-9]{0,7}-)[0-9]{1,6})"
)


def _range_match(name: str) -> re.Match[str] | None:
    # a word of a range first: a name without one never compiles the pattern (a loop,
    # not any() over a generator, which took twice as long for each dependency)
    for word in _RANGE_WORDS:
        if word in name:
            return _RANGE.fullmatch(name)
    if "-" in name[1:] or "–" in name:
        return _DASHED_RANGE.fullmatch(name)
    return None


def _unexpanded(name: str, id_pattern: re.Pattern[str]) -> bool:
    """``T-001 through T-099``: a range between two IDs, too long to name each."""
    found = _range_match(name)
    return found is not None and id_pattern.fullmatch(found["b"]) is not None


def id_range(name: str, id_pattern: re.Pattern[str]) -> list[str]:
    """Every ID of a range written between two IDs (``E-01 through E-08``), else []."""
    return _range(name, id_pattern)


def _noted_range(name: str, id_pattern: re.Pattern[str]) -> list[str]:
    """``TSK-0001 to TSK-0006 (all implementation tasks)``: a range with a note in brackets
    after it names every ID of the range, not its first alone."""
    if not name.endswith(")") or " (" not in name:
        return []
    return _range(name[: name.rindex(" (")].rstrip(), id_pattern)


def _range(name: str, id_pattern: re.Pattern[str]) -> list[str]:
    found = _range_match(name)
    if found is None or not (id_pattern.fullmatch(found["a"]) and id_pattern.fullmatch(found["b"])):
        return []
    prefix, first = found["prefix"], found["m"]
    if not found["b"].startswith(prefix) or not found["b"][len(prefix) :].isdigit():
        return []
    last = int(found["b"][len(prefix) :])
    if not 0 < last - int(first) <= _RANGE_LIMIT:
        return []
    return [f"{prefix}{n:0{len(first)}d}" for n in range(int(first), last + 1)]
