"""Records moved down or up by a number of lines, each made when it is first read.

An edit that adds a line to one item moves every record below it by one line. At
10,000 items that is thousands of items (each with its fields, their positions and
its Definition of Done), blocks and overview entries: rebuilding them all costs about
50 times what re-reading the edited item does. :class:`Moved` keeps the records as
they were, in runs each moved by its own number of lines, and makes a record at its
new lines (``move(record, by)``) only when something reads it; what reads only the
edited item and its neighbours (the editor's re-check) makes a few.

A ``Moved`` is an immutable sequence equal to, and hashing as, the tuple of its
records; copying or pickling one gives that tuple.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, TypeVar, overload

_T = TypeVar("_T")

# Edits in many places leave many runs; past this many, the records are made and
# kept as one run (the cost of one full move, once in that many edits).
_MAX_RUNS = 24

Run = tuple[tuple[_T, ...], int]  # records as they were, and the lines they move by


class Moved(Sequence[_T], Generic[_T]):
    """Records in runs, each run's records moved by its lines when read."""

    __slots__ = ("_ends", "_made", "_move", "_runs")

    def __init__(self, runs: Sequence[Run[_T]], move: Callable[[_T, int], _T]) -> None:
        merged: list[Run[_T]] = []
        for records, by in runs:
            if not records:
                continue
            if merged and merged[-1][1] == by:
                merged[-1] = (merged[-1][0] + records, by)
            else:
                merged.append((records, by))
        self._move = move
        self._made: dict[int, _T] = {}
        self._runs = tuple(merged)
        ends, total = [], 0
        for records, _ in merged:
            total += len(records)
            ends.append(total)
        self._ends = tuple(ends)
        if len(merged) > _MAX_RUNS:
            self._runs = ((tuple(self), 0),)
            self._ends = (total,)
            self._made = {}

    @classmethod
    def of(cls, records: Sequence[_T], move: Callable[[_T, int], _T]) -> Moved[_T]:
        """``records`` as a Moved (themselves if they are one)."""
        if isinstance(records, Moved):
            return records
        return cls(((tuple(records), 0),), move)

    def replaced(self, first: int, stop: int, middle: Sequence[_T], by: int) -> Moved[_T]:
        """These records with ``first`` up to ``stop`` replaced by ``middle`` (records at
        their lines), and those from ``stop`` on moved by ``by`` more lines."""
        before: list[Run[_T]] = []
        after: list[Run[_T]] = []
        start = 0
        for records, moved in self._runs:
            end = start + len(records)
            if start < first:
                before.append((records[: first - start], moved))
            if end > stop:
                after.append((records[max(stop - start, 0) :], moved + by))
            start = end
        return Moved([*before, (tuple(middle), 0), *after], self._move)

    def unmoved(self) -> Iterator[_T]:
        """The records as they were kept, at their old lines: for reading what moving
        them does not change (an item's ID) without making them."""
        for records, _ in self._runs:
            yield from records

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    @overload
    def __getitem__(self, index: int) -> _T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[_T, ...]: ...
    def __getitem__(self, index: int | slice) -> _T | tuple[_T, ...]:
        if isinstance(index, slice):
            return tuple(self._record(at) for at in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("Moved index out of range")
        return self._record(index)

    def _record(self, index: int) -> _T:
        run = bisect_right(self._ends, index)
        records, by = self._runs[run]
        found = records[index - (self._ends[run - 1] if run else 0)]
        if not by:
            return found
        made = self._made.get(index)
        if made is None:
            made = self._made[index] = self._move(found, by)
        return made

    def __iter__(self) -> Iterator[_T]:
        start, made, move = 0, self._made, self._move
        for records, by in self._runs:
            if not by:
                yield from records
            else:
                for at, found in enumerate(records, start):
                    record = made.get(at)
                    if record is None:
                        record = made[at] = move(found, by)
                    yield record
            start += len(records)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, (tuple, Moved)):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return tuple, (tuple(self),)
