"""Plain text operations every layer shares: lines, offsets, spans, splices and hunks.

The lowest layer: it imports nothing of roadmaplint, so the reader, the write gate, the
editors and the servers all split lines and apply edits the same way. It also holds the
one switch of the cyclic garbage collector that reading and rendering share.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # re's engine (imported by re), not in typeshed
import gc
import os
import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate, pairwise

from roadmaplint.record import record

# typing.TYPE_CHECKING without importing typing: a run never needs it (PERF-12)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, AnyStr, Generic, overload

    class _OfStrOrBytes(Generic[AnyStr]):
        """What mypy reads: a pattern of str or of bytes, as ``re.Pattern`` is."""

else:

    class _OfStrOrBytes:
        """At run time ``LazyPattern[str]`` is ``LazyPattern``, without typing's Generic."""

        def __class_getitem__(cls, _kind: object) -> type:
            return cls


class LazyPattern(_OfStrOrBytes["AnyStr"]):
    """A regular expression compiled on its first use, then as fast as a compiled one.

    A commit hook starts roadmaplint for every commit, and the modules a check imports
    hold a hundred patterns, most of which a given document never needs: compiling them
    at import cost more CPU than reading and checking a roadmap. Written where
    ``re.compile`` would be, with the same arguments. The first call compiles the
    pattern and puts the compiled pattern's own bound methods on the instance, where
    they shadow this class's methods: every later ``.match`` is one attribute lookup
    that finds the compiled method, as on a compiled pattern.
    """

    def __init__(self, pattern: AnyStr, flags: int = 0) -> None:
        self.pattern: AnyStr = pattern
        self.flags = flags
        self._compiled: re.Pattern[AnyStr] | None = None

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags})"

    def compiled(self) -> re.Pattern[AnyStr]:
        """The compiled pattern, compiled now if this is the first use."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = compile_pattern(self.pattern, self.flags)
            vars(self).update({name: getattr(compiled, name) for name in _PATTERN_METHODS})
        return compiled

    # Each method below runs once at most per pattern: compiled() replaces it.
    def match(
        self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[AnyStr] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(
        self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[AnyStr] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def search(
        self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[AnyStr] | None:
        return self.compiled().search(string, pos, endpos)

    def finditer(
        self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[AnyStr]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled().findall(string, pos, endpos)

    def sub(
        self,
        repl: AnyStr | Callable[[re.Match[AnyStr]], AnyStr],
        string: AnyStr,
        count: int = 0,
    ) -> AnyStr:
        return self.compiled().sub(repl, string, count)

    def split(self, string: AnyStr, maxsplit: int = 0) -> list[AnyStr | Any]:
        return self.compiled().split(string, maxsplit)


_PATTERN_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "split")


def compile_pattern(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, from the code stored for this Python if it has some.

    Compiling the 31 patterns a seed check uses cost about 4 ms of CPU; record/patterns.py
    holds their compiled code for the Python that generated it (``python
    tests/patterns_code.py``), and any other Python, or a pattern not stored, compiles.
    tests/test_patterns_code.py compares every stored pattern with ``re.compile``'s.
    """
    stored = _stored_code().get((pattern, flags))
    if stored is None:
        return re.compile(pattern, flags)
    all_flags, code, groups, groupindex, indexgroup = stored
    try:
        return _sre.compile(  # type: ignore[no-any-return]
            pattern, all_flags, memoryview(code).cast("I").tolist(), groups, groupindex, indexgroup
        )
    except RuntimeError:  # "invalid SRE code": an engine built otherwise than the one stored
        return re.compile(pattern, flags)


def _stored_code() -> dict[tuple[Any, int], StoredCode]:
    global _STORED
    if _STORED is None:
        from roadmaplint.record import patterns

        _STORED = patterns.CODE if python_of_code() == patterns.PYTHON else {}
    return _STORED


def python_of_code() -> tuple[object, ...]:
    """What a pattern's compiled code depends on: the compiler's release (3.11.5 wrote
    possessive quantifiers anew under the same MAGIC), the engine's version, word and
    bounds (a 32-bit build refuses the 2**32 - 1 of an unbounded repeat)."""
    return (
        sys.implementation.name,
        sys.version_info[:3],
        _sre.MAGIC,
        _sre.CODESIZE,
        _sre.MAXREPEAT,
        _sre.MAXGROUPS,
        sys.byteorder,
    )


# flags, code (CODESIZE-byte words), groups, group index, index group: what _sre.compile takes
StoredCode = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_STORED: dict[tuple[Any, int], StoredCode] | None = None

# exactly where markdown sees line ends
_NEWLINES = LazyPattern(r"\r\n?|\n")


# what str.splitlines also ends a line at, and markdown does not: looked for with `in`,
# one fast scan each, which a pattern would first have to compile (0.3 ms of a seed check)
_OTHER_BREAKS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"
# What a terminal, a log or a problem matcher reads as other than a printed character:
# C0 and C1 controls (a line break, ESC, CSI), the Unicode line and paragraph separators,
# and the direction embeddings, overrides and isolates that turn the rest of a line around.
_CONTROLS = LazyPattern("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# what json.dumps leaves in a string
_JSON_LEFT = LazyPattern("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """``text`` with its control characters written as escapes (``\\n``, ``\\x1b``): a
    file named with a line break prints on one line, and a name moves no cursor."""
    # every control is unprintable: most text never compiles the pattern (0.24 ms a check)
    if text.isprintable() or _CONTROLS.search(text) is None:
        return text
    return _CONTROLS.sub(lambda found: repr(found[0])[1:-1], text)


def json_shown(text: str) -> str:
    """JSON ``text`` with the controls json.dumps leaves as they are (C1, the line
    separators) written as ``\\u`` escapes: the same document, safe in a terminal."""
    if _JSON_LEFT.search(text) is None:
        return text
    return _JSON_LEFT.sub(lambda found: f"\\u{ord(found[0]):04x}", text)


def path_spelling(path: str) -> str:
    """``path`` as ``str(pathlib.Path(path))`` spells it: no ``.`` parts, no repeated or
    trailing separators, ``.`` for an empty path. A check carries its paths as strings,
    so that it need not import pathlib (with urllib.parse and ipaddress: 4 ms a commit,
    PERF-18), and names a file in its messages as the typer commands do."""
    if os.name != "posix":  # drives, UNC shares and two separators: pathlib's to spell
        from pathlib import PurePath

        return str(PurePath(path))
    parts = path.lstrip("/")
    # POSIX leaves a path starting with exactly two slashes to the system; pathlib keeps them
    root = {0: "", 2: "//"}.get(len(path) - len(parts), "/")
    kept = "/".join(part for part in parts.split("/") if part and part != ".")
    return root + kept or "."


def split_lines(text: str) -> list[str]:
    """Lines with their endings, split exactly where markdown sees line ends."""
    if not any(char in text for char in _OTHER_BREAKS):
        return text.splitlines(keepends=True)  # the same lines, at C speed
    lines: list[str] = []
    start = 0
    for match in _NEWLINES.finditer(text):
        lines.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        lines.append(text[start:])
    return lines


def line_starts(text: str) -> list[int]:
    """Offset where each line starts, plus one entry for the end of the text.

    ``starts[n]`` is where 1-based line ``n + 1`` starts, so the lines ``a..b``
    (1-based, inclusive) are ``text[starts[a - 1]:starts[b]]``.
    """
    return list(accumulate(map(len, split_lines(text)), initial=0))


class LineStarts(Sequence[int]):
    """``line_starts`` of a text edited in one place after another, kept without copying
    or moving every later offset on each edit: ``head`` as they are, then ``tail`` moved
    by ``shift`` characters. An edit near the last one costs what lies between the two."""

    __slots__ = ("head", "shift", "tail")

    def __init__(self, head: Sequence[int], tail: Sequence[int] = (), shift: int = 0) -> None:
        self.head = tuple(head)
        self.tail = tuple(tail)
        self.shift = shift

    def __len__(self) -> int:
        return len(self.head) + len(self.tail)

    if TYPE_CHECKING:

        @overload
        def __getitem__(self, index: int) -> int: ...
        @overload
        def __getitem__(self, index: slice) -> tuple[int, ...]: ...

    def __getitem__(self, index: int | slice) -> int | tuple[int, ...]:
        if isinstance(index, slice):
            return tuple(self[at] for at in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if index < len(self.head):
            return self.head[index]
        if index < 0:
            raise IndexError(index)
        return self.tail[index - len(self.head)] + self.shift

    def replaced(self, first: int, stop: int, middle: Sequence[int], shift: int) -> LineStarts:
        """The starts with entries ``first..stop-1`` replaced by ``middle`` and those from
        ``stop`` on moved by ``shift`` characters."""
        split, middle = len(self.head), tuple(middle)  # tuples joined with +: at C speed
        if stop >= split:
            head = self.head[:first] if first <= split else self.head + self[split:first]
            return LineStarts(head + middle, self.tail[stop - split :], self.shift + shift)
        between = tuple(offset - self.shift for offset in self.head[stop:])
        return LineStarts(self.head[:first] + middle, between + self.tail, self.shift + shift)


@record
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (character offsets)."""

    start: int
    end: int
    replacement: str


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits, back to front so earlier offsets stay valid."""
    ordered = sorted(edits, key=lambda edit: edit.start)
    for earlier, later in pairwise(ordered):
        if earlier.end > later.start:
            raise ValueError("edits overlap")
    for edit in reversed(ordered):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def changed_span(old: str, new: str) -> tuple[int, int, int]:
    """``(start, old_end, new_end)``: ``old[start:old_end]`` became ``new[start:new_end]``."""
    limit = min(len(old), len(new))
    start = _common_length(limit, lambda a, b: old[a:b] == new[a:b])
    size = _common_length(
        limit - start,
        lambda a, b: old[len(old) - b : len(old) - a] == new[len(new) - b : len(new) - a],
    )
    return start, len(old) - size, len(new) - size


def _common_length(limit: int, same: Callable[[int, int], bool]) -> int:
    """How far ``same(a, b)`` (are the characters a..b alike?) holds from 0, up to ``limit``.

    Compares in chunks (at C speed, without copying the whole text), then
    bisects inside the first chunk that differs.
    """
    chunk = 4096
    done = 0
    while done < limit and same(done, min(done + chunk, limit)):
        done = min(done + chunk, limit)
    if done >= limit:
        return limit
    low, high = done, min(done + chunk, limit)
    while low < high:
        middle = (low + high + 1) // 2
        if same(done, middle):
            low = middle
        else:
            high = middle - 1
    return low


def hunks(old: str, new: str) -> list[tuple[int, int, str]]:
    """Line-level edits that turn ``old`` into ``new``: ``(start, end, replacement)``."""
    start, old_end, _ = changed_span(old, new)
    starts = line_starts(old)
    begin = starts[bisect_right(starts, start) - 1]
    stop = starts[bisect_left(starts, old_end)] if old_end < len(old) else len(old)
    new_stop = stop + len(new) - len(old)
    old_lines = split_lines(old[begin:stop])
    new_lines = split_lines(new[begin:new_stop])
    offsets = line_starts(old[begin:stop])
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    return [
        (begin + offsets[i1], begin + offsets[i2], "".join(new_lines[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


class _CollectorOff:
    """``without_cyclic_gc``'s context (a class: a check imports no contextlib, PERF-18)."""

    __slots__ = ("_collecting",)

    def __init__(self) -> None:
        self._collecting = False

    def __enter__(self) -> None:
        self._collecting = gc.isenabled()
        gc.disable()

    def __exit__(self, *_: object) -> None:
        if self._collecting:
            gc.enable()


def without_cyclic_gc() -> _CollectorOff:
    """The cyclic garbage collector off for a while, then as it was.

    Reading allocates many tokens and records and makes no reference cycles: the
    collector would only rescan them, and everything the process holds, again and
    again (a quarter of the time of a large roadmap's parse)."""
    return _CollectorOff()
