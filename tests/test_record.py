"""Records (roadmaplint/record): frozen, compared and hashed by value, ordered when asked,
and alike to the dataclasses they replace in everything the code reads of them."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmaplint import model
from roadmaplint.findings import Finding, Severity
from roadmaplint.model import DoneCriterion, Position
from roadmaplint.record import FrozenRecordError, field, field_names, record, replace
from roadmaplint.record.moved import Moved
from roadmaplint.rules import ALL_RULES
from roadmaplint.settings import Settings, Statuses


@record
class Span:
    start: Position
    end: int = 0
    note: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class SpanDataclass:
    start: Position
    end: int = 0
    note: str | None = None


@record(frozen=False, slots=False)
class Draft:
    lines: list[int] = field(default_factory=list)
    name: str = "draft"
    cache: dict[str, int] = field(default_factory=dict, repr=False, compare=False)


@record(order=True)
class Ranked:
    path: str
    line: int


def _instances(cls: type) -> list[Any]:
    return [cls(Position(1, 2)), cls(Position(1, 2), 3, "x"), cls(start=Position(4, 1), note="y")]


def test_a_record_behaves_as_the_frozen_dataclass_it_replaces() -> None:
    ours, theirs = _instances(Span), _instances(SpanDataclass)
    for mine, reference in zip(ours, theirs, strict=True):
        assert repr(mine).replace("Span", "SpanDataclass", 1) == repr(reference)
        assert hash(mine) == hash(reference)
        assert (mine.start, mine.end, mine.note) == (reference.start, reference.end, reference.note)
    assert [a == b for a in ours for b in ours] == [a == b for a in theirs for b in theirs]
    assert Span(Position(1, 2)) == Span(Position(1, 2), 0, None)
    assert Span(Position(1, 2)) != SpanDataclass(Position(1, 2))  # another class: never equal
    assert len({*ours, *_instances(Span)}) == 3
    assert Span.__match_args__ == ("start", "end", "note")


def test_a_frozen_record_refuses_assignment_and_deletion() -> None:
    span = Span(Position(1, 2))
    with pytest.raises(FrozenRecordError):
        span.end = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):  # FrozenRecordError is an AttributeError
        del span.note  # type: ignore[misc]
    with pytest.raises(AttributeError):
        span.other = 1  # type: ignore[attr-defined]
    assert span == Span(Position(1, 2))
    assert not hasattr(span, "__dict__")  # slots by default


@pytest.mark.parametrize(
    "instance",
    [
        Position(3, 4),
        DoneCriterion("tests pass", True, 9),
        Finding("ROADMAP.md", 3, 1, "RL401", Severity.ERROR, "m", item="A-1"),
        Settings(),
        ALL_RULES[0],
    ],
    ids=lambda value: type(value).__name__,
)
def test_the_records_the_code_reads_are_frozen(instance: Any) -> None:
    name = field_names(type(instance))[0]
    before = getattr(instance, name)
    with pytest.raises(FrozenRecordError):
        setattr(instance, name, before)
    assert getattr(instance, name) is before


def test_every_record_class_of_the_model_is_frozen() -> None:
    classes = [value for value in vars(model).values() if hasattr(value, "__record_fields__")]
    assert len(classes) >= 15
    for cls in classes:
        assert cls.__record_frozen__, cls.__name__
        assert "__slots__" in vars(cls), cls.__name__


def test_replace_copies_a_record_with_some_fields_changed() -> None:
    span = Span(Position(1, 2), 3, "x")
    moved = replace(span, end=7)
    assert moved == Span(Position(1, 2), 7, "x")
    assert span.end == 3
    assert moved.start is span.start
    with pytest.raises(TypeError):
        replace(span, width=3)


def test_field_names_in_declared_order() -> None:
    assert field_names(Span) == ("start", "end", "note")
    assert field_names(Statuses) == tuple(Statuses.__annotations__)


def test_a_mutable_record_with_factories_and_hidden_fields() -> None:
    first, second = Draft(), Draft()
    first.lines.append(3)
    assert second.lines == []  # one fresh list per instance
    first.cache["seen"] = 1
    assert first == Draft([3])  # the cache is not compared
    assert repr(first) == "Draft(lines=[3], name='draft')"  # nor shown
    first.name = "renamed"
    assert first.name == "renamed"
    with pytest.raises(TypeError):
        hash(first)  # mutable and compared by value: unhashable, as a dataclass


def test_ordered_records_sort_by_their_fields_in_order() -> None:
    ranked = [Ranked("b", 1), Ranked("a", 10), Ranked("a", 2)]
    assert sorted(ranked) == [Ranked("a", 2), Ranked("a", 10), Ranked("b", 1)]
    assert Ranked("a", 1) <= Ranked("a", 1) < Ranked("a", 2)
    assert Ranked("b", 1) >= Ranked("a", 9) > Ranked("a", 2)
    with pytest.raises(TypeError):
        _ = Ranked("a", 1) < Span(Position(1, 1))  # type: ignore[operator]


def test_the_constructor_checks_its_arguments() -> None:
    with pytest.raises(TypeError):
        Span()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Span(Position(1, 1), 0, None, "extra")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Span(Position(1, 1), width=2)  # type: ignore[call-arg]


def test_copies_and_pickles_of_a_frozen_record_are_equal_and_frozen() -> None:
    span = Span(Position(1, 2), 3, "x")
    for made in (copy.copy(span), copy.deepcopy(span), pickle.loads(pickle.dumps(span))):
        assert made == span
        with pytest.raises(FrozenRecordError):
            made.end = 1  # type: ignore[misc]


def test_a_field_takes_a_default_or_a_factory_not_both() -> None:
    with pytest.raises(ValueError, match="not both"):
        field(default=1, default_factory=int)


@record(slots=False)
class Options:
    name: str
    hook: Any = field(default=None, repr=False, compare=False)
    tags: tuple[str, ...] = ()


def test_a_frozen_record_without_slots_keeps_its_fields_in_its_dict() -> None:
    options = Options("x", hook=len)
    assert vars(options) == {"name": "x", "hook": len, "tags": ()}
    assert options == Options("x") and hash(options) == hash(Options("x"))
    assert repr(options) == "Options(name='x', tags=())"
    with pytest.raises(FrozenRecordError):
        options.name = "y"  # type: ignore[misc]


def test_records_of_one_shape_share_code_but_not_names() -> None:
    @record
    class Pair:
        left: int
        right: int

    @record
    class Range:
        start: int
        end: int

    assert Pair(left=1, right=2) == Pair(1, 2)
    assert Range(end=4, start=3).start == 3
    assert Pair.__init__.__qualname__.endswith("Pair.__init__")  # type: ignore[misc]
    assert Pair(1, 2).__init__.__code__.co_varnames[:3] == ("self", "left", "right")
    with pytest.raises(TypeError, match="end"):
        Pair(1, end=2)  # type: ignore[call-arg]


def test_a_field_without_a_default_may_not_follow_one_with_a_default() -> None:
    with pytest.raises(TypeError, match="'first'"):

        @record
        class Wrong:
            first: int = 0
            second: int  # type: ignore[misc]


def _lower(position: Position, by: int) -> Position:
    return Position(position.line + by, position.column)


@given(
    st.lists(st.integers(1, 50), max_size=30),
    st.lists(
        st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(0, 3), st.integers(-3, 3)),
        max_size=40,
    ),
)
def test_moved_records_equal_the_tuple_of_the_records_moved_one_by_one(
    lines: list[int], edits: list[tuple[int, int, int, int]]
) -> None:
    """Replacing records and moving those after them, as an added line does: the Moved reads,
    compares, hashes, slices, copies and pickles as the tuple built record by record."""
    moved = Moved.of(tuple(Position(line, 1) for line in lines), _lower)
    plain = [Position(line, 1) for line in lines]
    for first, size, added, by in edits:
        first = min(first, len(plain))
        stop = min(first + size, len(plain))
        middle = [Position(first + at, 2) for at in range(added)]
        moved = moved.replaced(first, stop, middle, by)
        plain = [*plain[:first], *middle, *(_lower(found, by) for found in plain[stop:])]
        assert moved == tuple(plain) and tuple(plain) == moved
        assert hash(moved) == hash(tuple(plain))
    assert list(moved) == plain and len(moved) == len(plain)
    assert [moved[at] for at in range(-len(plain), len(plain))] == plain + plain
    assert moved[1:-1:2] == tuple(plain[1:-1:2])
    assert pickle.loads(pickle.dumps(moved)) == tuple(plain)
    assert copy.deepcopy(moved) == tuple(plain) and repr(moved) == repr(tuple(plain))
    assert len(list(moved.unmoved())) == len(plain)
    with pytest.raises(IndexError):
        moved[len(plain)]
    assert moved != plain  # a tuple is not a list, and neither is a Moved


def test_every_record_shape_of_the_package_comes_compiled() -> None:
    """roadmaplint/record/inits.py holds the __init__ code of every shape the package's
    records have, so that a run compiles none: `python tests/record_inits.py` rewrites it."""
    from record_inits import INITS, package_shapes, render

    assert INITS.read_text(encoding="utf-8") == render(package_shapes())


def test_a_shape_not_compiled_ahead_is_compiled_on_first_use() -> None:
    from roadmaplint.record.inits import CREATORS

    @record(slots=False)
    class Wide:
        a: int
        b: int
        c: int
        d: int
        e: int
        f: int
        g: int
        h: int
        i: int
        j: int
        k: int
        items: list[int] = field(default_factory=list)

    assert (12, (11,), "frozen") not in CREATORS
    first = Wide(*range(11))
    assert first == Wide(*range(11), items=[])
    assert first.items == [] and first.items is not Wide(*range(11)).items
    with pytest.raises(FrozenRecordError):
        first.a = 2  # type: ignore[misc]
