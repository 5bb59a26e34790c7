"""The template sandbox: jinja2's immutable sandbox where nothing can grow without a bound.

A template may not reach outside its records (jinja2's sandbox), nor exhaust the
machine. A timer is not enough for the second: it needs the main thread and cannot
interrupt one C call (``x|replace('', x)``, ``range(10**5)|join(x)``), which allocates
gigabytes before it returns. So every place a template can build a value estimates the
size of the result from the sizes of its arguments *before* it runs, and refuses one
over ``MAX_OUTPUT`` units (characters, or 8 per item of a list); every estimate is
also charged to a budget of ``MAX_WORK`` units for the whole rendering, which bounds
what loops and recursion keep alive; and loops, calls and builds count CPU time
against ``CPU_LIMIT``. The places are: the binary operators (jinja2's
``intercepted_binops``), ``~`` and the joins of output buffers (macros, blocks,
``{% set %}`` blocks: patched into each compiled template), every ``{{ }}`` (the
``finalize`` hook), every filter, test and global (an allow-list: one not listed
here is not available), every method call (an allow-list of str, list and dict
methods with their estimates) and every ``{% for %}`` (its iterable is counted).
"""

from __future__ import annotations

import functools
import math
import re
import string
import time
from collections.abc import (
    Callable,
    Collection,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
    Sized,
)
from pathlib import Path
from typing import Any, cast

from roadmaplint.errors import RoadmapError
from roadmaplint.record import record
from roadmaplint.text import LazyPattern

MAX_OUTPUT = 8 * 1024 * 1024  # units (characters, 8 per list item) one value may have
MAX_WORK = 8 * MAX_OUTPUT  # units a whole rendering may build, summed over every value
CPU_LIMIT = 1.0  # seconds of CPU time a template may render for (the largest board: 0.6)
MAX_INT_BITS = 4096  # the largest integer arithmetic in a template may make
MAX_WIDTH = 10_000  # the largest width, fill or count a template may ask a filter for
MAX_TEMPLATE = 1024 * 1024  # bytes a template file may have (it is read whole, then compiled)
ITEM = 8  # units a list item counts for: a pointer, at least
STEP_CHECK = 16  # steps (loop steps, calls, values built) between two looks at the clock
BIG_STEP = 64 * 1024  # units past which a value built is a step long enough to look at once


@record
class Limits:
    """What one rendering may write, build in all and spend in CPU time.

    A user's template gets the defaults; a page sized by the roadmap (the board) asks
    for limits in proportion to it, and for no wall-clock timer (``wall`` None):
    a loaded machine slows the clock on the wall, not the CPU time a rendering takes.
    """

    output: int = MAX_OUTPUT  # characters the whole rendering may write
    work: int = MAX_WORK  # units it may build, summed over every value
    cpu: float = CPU_LIMIT  # seconds of CPU time
    wall: float | None = None  # seconds of wall clock, the last guard (render's: 10)


class TooSlow(Exception):
    """The template ran out of time."""


class TooBig(Exception):
    """Arithmetic, padding or building a template asked for that would take too much."""


def _too_big(what: str) -> TooBig:
    return TooBig(f"{what}; templates may not build values that large")


class Budget:
    """What one rendering has built so far, and the CPU time it started at."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self.work = 0
        self.steps = 0
        self.start = time.process_time()

    def charge(self, units: int, what: str) -> None:
        """Refuse a value of ``units`` before it is built, or count it."""
        if units > MAX_OUTPUT:
            raise _too_big(f"{what} would build about {units} characters")
        self.work += units
        if self.work > self.limits.work:
            raise _too_big(
                f"{what} takes the template past {self.limits.work} characters built in all"
            )
        if units > BIG_STEP:
            self.clock()  # a large value takes one long C call: do not wait 16 of them
        self.step()

    def step(self) -> None:
        """A loop step, a call or a value built: now and then, a look at the CPU clock."""
        self.steps += 1
        if self.steps % STEP_CHECK == 0:  # reading the clock is a system call
            self.clock()

    def clock(self) -> None:
        if time.process_time() - self.start > self.limits.cpu:
            raise TooSlow(
                f"ran for more than {self.limits.cpu:g} s of CPU time; does it loop without end?"
            )


def units(value: object, limit: int = MAX_OUTPUT) -> int:
    """An upper estimate of the characters ``str(value)`` has, and of the value's items.

    Containers are walked without recursion and the walk stops once past ``limit``,
    so estimating costs no more than the size it allows.
    """
    if isinstance(value, str):
        return len(value)
    total = 0
    stack: list[Any] = [value]
    while stack and total <= limit:
        item = stack.pop()
        kind = type(item)
        if kind is str or isinstance(item, str):
            total += len(item) * 4 + 2  # repr escapes a control character to \x00
        elif isinstance(item, bytes | bytearray):
            total += len(item) * 4 + 3  # b'\x00'
        elif kind is dict or isinstance(item, Mapping):
            total += ITEM * 2 * len(item) + 2
            stack.extend(item.keys())
            stack.extend(item.values())
        elif kind is list or kind is tuple or isinstance(item, set | frozenset | list | tuple):
            total += ITEM * len(item) + 2
            stack.extend(item)
        elif kind is int:
            total += item.bit_length() // 3 + 2
        elif isinstance(item, bool | float | None | range):
            total += 32
        else:
            total += _other_units(item, stack)
    return total


def _other_units(item: object, stack: list[object]) -> int:
    """jinja2's namespace shows its attributes, an imported template its whole output;
    other objects show a short name."""
    from jinja2.environment import TemplateModule
    from jinja2.utils import Namespace

    if isinstance(item, Namespace):
        attributes = object.__getattribute__(item, "_Namespace__attrs")
        stack.append(attributes)
    elif isinstance(item, TemplateModule):
        return 128 + sum(len(piece) for piece in getattr(item, "_body_stream", ()))
    return 128


def _text_units(value: object) -> int:
    return len(value) if isinstance(value, str) else units(value)


def _all_units(arguments: Iterable[object]) -> int:
    return sum(units(argument) for argument in arguments)


def check_binop(budget: Budget, operator: str, left: object, right: object) -> None:
    """Refuse, before it runs, arithmetic whose result would be huge (one long C call)."""
    integers = all(isinstance(side, int) for side in (left, right))
    if integers and max(cast(int, side).bit_length() for side in (left, right)) > MAX_INT_BITS:
        # // and % of two long integers take time quadratic in their length, in one C call
        raise _too_big(f"arithmetic on an integer of over {MAX_INT_BITS} bits")
    if operator == "**" and integers:
        base, exponent = cast(int, left), cast(int, right)
        if abs(base) > 1 and exponent > 0 and exponent * math.log2(abs(base)) > MAX_INT_BITS:
            raise _too_big(f"{base} ** {exponent} has over {MAX_INT_BITS} bits")
    elif operator == "*" and integers:
        if cast(int, left).bit_length() + cast(int, right).bit_length() > MAX_INT_BITS:
            raise _too_big(f"a product of over {MAX_INT_BITS} bits")
    elif operator == "*":
        # any sized value (str, bytes, list, tuple, and whatever else a method may
        # return) repeated: not only the types we thought of
        sequence, count = (left, right) if isinstance(right, int) else (right, left)
        if isinstance(sequence, Sized) and isinstance(count, int):
            length = len(sequence)
            if length * count > MAX_OUTPUT:
                raise _too_big(f"repeating {length} items {count} times")
            budget.charge(length * max(count, 0) * _weight(sequence), "repeating a value")
    elif operator == "+" and isinstance(left, Sized) and isinstance(right, Sized):
        if len(left) + len(right) > MAX_OUTPUT:
            raise _too_big(f"joining {len(left)} and {len(right)} items")
        budget.charge((len(left) + len(right)) * _weight(left), "joining two values")
    elif operator == "%" and isinstance(left, str | bytes | bytearray):
        text = left if isinstance(left, str) else left.decode("latin-1")
        budget.charge(_percent_units(text, right), "a %-format")


def _weight(value: object) -> int:
    """Units one element of ``value`` counts for: a character of text, or an item."""
    return 1 if isinstance(value, str | bytes | bytearray) else ITEM


_PERCENT_SPEC = LazyPattern(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _percent_units(text: str, arguments: object) -> int:
    """Check the widths of a %-format and estimate its result."""
    specs = _PERCENT_SPEC.findall(text)
    widest = 0
    for width, precision in specs:
        _check_width(width, "a %-format width")
        _check_width(precision, "a %-format precision")
        widest = max(widest, int(width or 0), int(precision or 0))
    if isinstance(arguments, tuple):
        largest = max((units(argument) for argument in arguments), default=0)
    else:
        largest = units(arguments)
    return len(text) + len(specs) * (largest + widest)


def _format_units(text: str, arguments: Iterable[object]) -> int:
    """Check the widths of a str.format string and estimate its result."""
    fields = 0
    widest = 0
    for _, field, spec, _ in string.Formatter().parse(text):
        if field is None:
            continue
        fields += 1
        if spec and "{" in spec:
            raise _too_big("a format width taken from an argument")
        for number in re.findall(r"\d+", spec or ""):
            _check_width(number, "a format width")
            widest = max(widest, int(number))
    largest = max((units(argument) for argument in arguments), default=0)
    return len(text) + fields * (largest + widest)


def _check_width(number: str, what: str) -> None:
    if number == "*":
        raise _too_big(f"{what} taken from an argument")
    if number and int(number) > MAX_WIDTH:
        raise _too_big(f"{what} of {number}")


def _check_arguments(arguments: Iterable[object], what: str) -> None:
    for argument in arguments:
        if isinstance(argument, int) and abs(argument) > MAX_WIDTH:
            raise _too_big(f"{what} with {argument}")


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) else default


# --- filters: each with an estimate of its result from its arguments --------------------

Estimate = Callable[[Sequence[Any], Mapping[str, Any], bool], int]
"""(arguments after jinja2's context argument, keywords, autoescape) -> units."""


def _small(arguments: Sequence[Any], keywords: Mapping[str, Any], escape: bool) -> int:
    """A number, a truth value or one of the value's own items: nothing new to speak of."""
    return 64


def _linear(factor: int) -> Estimate:
    def estimate(arguments: Sequence[Any], keywords: Mapping[str, Any], escape: bool) -> int:
        return factor * _all_units([*arguments, *keywords.values()]) + 64

    return estimate


def _argument(arguments: Sequence[Any], keywords: Mapping[str, Any], at: int, name: str) -> Any:
    if len(arguments) > at:
        return arguments[at]
    return keywords.get(name)


def _center(arguments: Sequence[Any], keywords: Mapping[str, Any], escape: bool) -> int:
    width = _int(_argument(arguments, keywords, 1, "width"), 80)
    return _text_units(arguments[0]) + max(width, 0)


def _indent(arguments: Sequence[Any], keywords: Mapping[str, Any], escape: bool) -> int:
    text = str(arguments[0]) if isinstance(arguments[0], str) else ""
    width = _argument(arguments, keywords, 1, "width")
    step = len(width) if isinstance(width, str) else max(_int(width, 4), 0)
    return _text_units(arguments[0]) + (text.count("\n") + 2) * step


def _wordwrap(arguments: Sequence[Any], keywords: Mapping[str, Any], escape: bool) -> int:
    size = _text_units(arguments[0])
    wrap = _argument(arguments, keywords, 3, "wrapstring")
    # textwrap runs in Python, a line at a time: 16 per character bounds its time as well
    return 16 * size + (size + 1) * (len(wrap) if isinstance(wrap, str) else 2)


def _tojson(arguments: Sequence[Any], keywords: Mapping[str, Any], escape: bool) -> int:
    size = units(arguments[0])
    indent = _argument(arguments, keywords, 1, "indent")
    # json.dumps indents each level by ``indent`` spaces, or by ``indent`` itself: a string
    step = len(indent) if isinstance(indent, str) else _int(indent, 0)
    if step <= 0 or size > MAX_OUTPUT:
        return 6 * size + 64
    return 6 * size + size * step * _depth(arguments[0]) + 64


def _depth(value: object) -> int:
    """How deeply lists and dicts nest in ``value`` (each line of JSON is indented so)."""
    deepest, seen = 0, 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack and seen <= MAX_OUTPUT:
        item, level = stack.pop()
        seen += 1
        if isinstance(item, Mapping):
            stack.extend((inner, level + 1) for inner in item.values())
        elif isinstance(item, list | tuple):
            stack.extend((inner, level + 1) for inner in item)
        else:
            continue
        deepest = max(deepest, level)
    return deepest


def _truncate(arguments: Sequence[Any], keywords: Mapping[str, Any], escape: bool) -> int:
    end = _argument(arguments, keywords, 3, "end")
    return _text_units(arguments[0]) + (len(end) if isinstance(end, str) else 3)


def _format(arguments: Sequence[Any], keywords: Mapping[str, Any], escape: bool) -> int:
    text = arguments[0]
    if not isinstance(text, str):
        return _linear(1)(arguments, keywords, escape)
    return _percent_units(text, (*arguments[1:], *keywords.values()))


def _groups(arguments: Sequence[Any], keywords: Mapping[str, Any], escape: bool) -> int:
    """batch and slice: the items, the groups and the fill."""
    count = _int(_argument(arguments, keywords, 1, "linecount"), 0)
    count = max(count, _int(keywords.get("slices"), 0))
    return 2 * units(arguments[0]) + 2 * ITEM * (max(count, 0) + 1)


def _join(arguments: Sequence[Any], keywords: Mapping[str, Any], escape: bool) -> int:
    items = arguments[0]
    separator = _argument(arguments, keywords, 1, "d")
    gap = len(separator) if isinstance(separator, str) else 0
    sized = items if isinstance(items, Collection) else ()
    total = sum(_text_units(item) for item in sized) + len(sized) * gap
    return total * (6 if escape else 1)


def _replace(arguments: Sequence[Any], keywords: Mapping[str, Any], escape: bool) -> int:
    text, old, new = (_argument(arguments, keywords, at, name) for at, name in _REPLACE)
    count = _argument(arguments, keywords, 3, "count")
    return _replacement(_text_units(text), old, new, count) * (6 if escape else 1)


_REPLACE = ((0, "s"), (1, "old"), (2, "new"))


def _replacement(size: int, old: object, new: object, count: object) -> int:
    old_size = len(old) if isinstance(old, str) else 1
    times = size + 1 if old_size == 0 else size // old_size
    if isinstance(count, int) and count >= 0:
        times = min(times, count)
    return size + times * (units(new) if new is not None else 0)


def _sum(arguments: Sequence[Any], keywords: Mapping[str, Any], escape: bool) -> int:
    """Summing lists copies every prefix: quadratic in the items."""
    items = arguments[0]
    sized = items if isinstance(items, Collection) else ()
    total, built = 0, 0
    for item in sized:
        total += len(item) if isinstance(item, Sequence) else 0
        built += total * ITEM
        if built > MAX_OUTPUT:
            break
    return built + 64


def _urlize(arguments: Sequence[Any], keywords: Mapping[str, Any], escape: bool) -> int:
    size = _text_units(arguments[0])
    extra = _all_units([*arguments[1:], *keywords.values()])
    built = 8 * size + (size // 2 + 1) * (extra + 64)
    if built > MAX_OUTPUT or not isinstance(arguments[0], str):
        return built
    # jinja2 finds a word's trailing punctuation with re.search(r"([)>.,\n]|&gt;)+$"),
    # which tries every start in a run of those characters: quadratic in the run's
    # length (a 10,000-character run takes 2 s in one C call). Its time is charged.
    text: str = arguments[0]
    found = cast(list[str], _URLIZE_RUN.findall(text))
    runs = [len(run) + 3 * run.count(">") for run in found]
    return built + 8 * sum(length * length for length in runs)


_URLIZE_RUN = LazyPattern(r"(?:[)>.,]|&gt;)+")


def _items(arguments: Sequence[Any], keywords: Mapping[str, Any], escape: bool) -> int:
    """Filters that make a list (or an iterator over one) of their value's items."""
    value = arguments[0]
    count = len(value) if isinstance(value, str) else 0
    return 2 * units(value) + ITEM * count + 64


FILTERS: dict[str, Estimate] = {
    "abs": _small,
    "attr": _small,
    "batch": _groups,
    "capitalize": _linear(3),
    "center": _center,
    "count": _small,
    "d": _small,
    "default": _small,
    "dictsort": _items,
    "e": _linear(6),
    "escape": _linear(6),
    "filesizeformat": _small,
    "first": _small,
    "float": _small,
    "forceescape": _linear(6),
    "format": _format,
    "groupby": _items,
    "indent": _indent,
    "int": _small,
    "items": _items,
    "join": _join,
    "last": _small,
    "length": _small,
    "list": _items,
    "lower": _linear(3),
    "map": _items,
    "max": _small,
    "min": _small,
    "pprint": _linear(4),
    "random": _small,
    "reject": _items,
    "rejectattr": _items,
    "replace": _replace,
    "reverse": _items,
    "round": _small,
    "safe": _linear(1),
    "select": _items,
    "selectattr": _items,
    "slice": _groups,
    "sort": _items,
    "string": _linear(4),
    "striptags": _linear(8),  # markupsafe's regex and split: 1 s for 6 million characters
    "sum": _sum,
    "title": _linear(3),
    "tojson": _tojson,
    "trim": _linear(1),
    "truncate": _truncate,
    "unique": _items,
    "upper": _linear(3),
    "urlencode": _linear(12),
    "urlize": _urlize,
    "wordcount": _small,
    "wordwrap": _wordwrap,
    "xmlattr": _linear(6),
}
"""Every filter a template may use, with an upper estimate of its result."""

# Filters whose numbers are widths or counts the result grows by.
# round's precision too: round(5, -10**9) computes 10 ** 10**9 in one C call.
_WIDTH_FILTERS = frozenset(
    {"center", "indent", "wordwrap", "truncate", "batch", "slice", "tojson", "round"}
)

# Tests return a truth value, built in constant space.
TESTS = frozenset(
    {
        "!=", "<", "<=", "==", ">", ">=", "boolean", "callable", "defined", "divisibleby",
        "eq", "equalto", "escaped", "even", "false", "filter", "float", "ge", "greaterthan",
        "gt", "in", "integer", "iterable", "le", "lessthan", "lower", "lt", "mapping", "ne",
        "none", "number", "odd", "sameas", "sequence", "string", "test", "true", "undefined",
        "upper",
    }
)  # fmt: skip

GLOBALS = frozenset({"range", "dict", "cycler", "joiner", "namespace"})
"""jinja2's globals a template keeps (``lipsum`` makes random text sized by its argument)."""


# --- methods a template may call on strings, lists and dicts ------------------------------

MethodEstimate = Callable[[Any, Sequence[Any], Mapping[str, Any]], int]


def _method_linear(factor: int) -> MethodEstimate:
    return lambda owner, arguments, keywords: factor * units(owner) + 64


def _method_small(owner: Any, arguments: Sequence[Any], keywords: Mapping[str, Any]) -> int:
    return 64


def _method_pad(owner: Any, arguments: Sequence[Any], keywords: Mapping[str, Any]) -> int:
    return len(owner) + max(_int(_argument(arguments, keywords, 0, "width"), 0), 0)


def _method_tabs(owner: Any, arguments: Sequence[Any], keywords: Mapping[str, Any]) -> int:
    size = max(_int(_argument(arguments, keywords, 0, "tabsize"), 8), 0)
    return len(owner) + int(owner.count("\t")) * size


def _method_replace(owner: Any, arguments: Sequence[Any], keywords: Mapping[str, Any]) -> int:
    old, new = (_argument(arguments, keywords, at, "") for at in (0, 1))
    return _replacement(len(owner), old, new, _argument(arguments, keywords, 2, "count"))


def _method_join(owner: Any, arguments: Sequence[Any], keywords: Mapping[str, Any]) -> int:
    items = arguments[0] if arguments else ()
    sized = items if isinstance(items, Collection) else ()
    return sum(_text_units(item) for item in sized) + len(sized) * len(owner)


def _method_split(owner: Any, arguments: Sequence[Any], keywords: Mapping[str, Any]) -> int:
    return len(owner) + ITEM * (len(owner) + 1)


_SMALL = (
    "count", "endswith", "find", "index", "isalnum", "isalpha", "isascii", "isdecimal",
    "isdigit", "isidentifier", "islower", "isnumeric", "isprintable", "isspace",
    "istitle", "isupper", "rfind", "rindex", "startswith", "get", "keys", "values",
    "bit_length", "is_integer",
)  # fmt: skip

METHODS: dict[str, MethodEstimate] = {
    **{name: _method_small for name in _SMALL},
    **{name: _method_linear(3) for name in ("capitalize", "casefold", "lower", "upper")},
    **{name: _method_linear(3) for name in ("swapcase", "title", "escape", "unescape")},
    **{name: _method_linear(1) for name in ("strip", "lstrip", "rstrip")},
    "striptags": _method_linear(8),
    **{name: _method_linear(1) for name in ("removeprefix", "removesuffix", "copy")},
    "items": _method_linear(2),
    "partition": _method_linear(2),
    "rpartition": _method_linear(2),
    "encode": _method_linear(4),
    "center": _method_pad,
    "ljust": _method_pad,
    "rjust": _method_pad,
    "zfill": _method_pad,
    "expandtabs": _method_tabs,
    "replace": _method_replace,
    "join": _method_join,
    "split": _method_split,
    "rsplit": _method_split,
    "splitlines": _method_split,
}
"""Methods of str (and Markup), list, tuple, dict, int and float a template may call."""

_DATA = (str, list, tuple, dict, int, float)


def _jinja2s(value: object) -> bool:
    """jinja2's runtime objects (macros, loops, cyclers, blocks) and functions, and ours."""
    return type(value).__module__.startswith("jinja2.") or (
        callable(value)
        and getattr(value, "__module__", "") in ("jinja2.sandbox", "jinja2.utils", __name__)
    )


# --- the environment ----------------------------------------------------------------------


class KeysFirst:
    """A jinja2 environment mixin: templates take plain dicts, and ``card.id`` reads a key
    first, as ``card["id"]`` would (allowed in the sandbox alike), skipping the attribute
    probe that costs a third of the board's rendering time. Sandboxed or not, a template
    reads names alike."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)  # type: ignore[misc]


def template_calling(functions: Mapping[str, Callable[..., Any]]) -> Any:
    """A jinja2 ``Template`` class whose compiled templates call ``functions`` in place of
    the runtime functions of the same names jinja2's generated code calls (its joins,
    ``escape``): the one way in, as jinja2 offers no hook for them."""
    import jinja2

    class Template(jinja2.Template):
        @classmethod
        def from_code(
            cls,
            environment: jinja2.Environment,
            code: Any,
            globals: Any,
            uptodate: Callable[[], bool] | None = None,
        ) -> jinja2.Template:
            namespace = {"environment": environment, "__file__": code.co_filename}
            exec(code, namespace)  # jinja2 runs its compiled template so
            namespace.update(functions)
            template = cls._from_namespace(environment, namespace, globals)
            template._uptodate = uptodate
            return template

    return Template


def sandbox(folders: list[Path], *, autoescape: bool = False, limits: Limits | None = None) -> Any:
    """jinja2's immutable sandbox with every way to build a value bounded."""
    import jinja2
    from jinja2 import nodes
    from jinja2.runtime import LoopContext, markup_join, str_join
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    roots = [folder.resolve() for folder in folders]
    budget = Budget(limits)

    class ContainedLoader(jinja2.FileSystemLoader):
        def get_source(
            self, environment: jinja2.Environment, template: str
        ) -> tuple[str, str, Callable[[], bool]]:
            from jinja2.loaders import split_template_path

            for folder in self.searchpath:  # jinja2 reads the first file it finds, whole
                candidate = Path(folder, *split_template_path(template))
                if candidate.is_file():
                    size = candidate.stat().st_size
                    if size > MAX_TEMPLATE:
                        raise RoadmapError(
                            f"template {template}: the file has {size} bytes; templates "
                            f"may have at most {MAX_TEMPLATE}"
                        )
                    break
            source, filename, uptodate = super().get_source(environment, template)
            real = Path(filename).resolve()
            if not any(real.is_relative_to(root) for root in roots):
                raise RoadmapError(
                    f"template {template}: {filename} leads outside the template folder "
                    f"(to {real}); templates must be files inside it"
                )
            return source, filename, uptodate

    def joined(join: Callable[[Iterable[Any]], str]) -> Callable[[Iterable[Any]], str]:
        """``~``: the joined parts are estimated before they are joined."""

        def bounded(parts: Iterable[Any]) -> str:
            parts = tuple(parts)
            budget.charge(sum(_text_units(part) for part in parts), "joining with ~")
            return join(parts)

        return bounded

    def concat(pieces: Iterable[str]) -> str:
        """The output of a macro, block or ``{% set %}`` block, measured before it is joined."""
        pieces = list(pieces)
        budget.charge(sum(len(piece) for piece in pieces), "the output of a macro or block")
        return "".join(pieces)

    class Sandbox(KeysFirst, ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "//", "%", "+"})
        template_class = template_calling(
            {"str_join": joined(str_join), "markup_join": joined(markup_join)}
        )

        def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
            tree = super()._parse(source, name, filename)
            for loop in tree.find_all(nodes.For):
                loop.iter = nodes.Filter(
                    loop.iter, "roadmaplint_steps", [], [], None, None, lineno=loop.iter.lineno
                )
            return tree

        def call_binop(
            self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
        ) -> Any:
            check_binop(budget, operator, left, right)
            return super().call_binop(context, operator, left, right)

        def call(
            __self,  # jinja2's own spelling, so that keywords named self pass through
            __context: jinja2.runtime.Context,
            __obj: Any,
            *args: Any,
            **kwargs: Any,
        ) -> Any:
            budget.step()
            if isinstance(__obj, LoopContext) and args:  # a recursive loop's next level
                args = (counted(args[0]), *args[1:])
            _check_call(budget, __obj, args, kwargs)
            return super().call(__context, __obj, *args, **kwargs)

        def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
            # jinja2 hands out str.format (and format_map) as its own safe formatter
            formatter = super().wrap_str_format(value)
            if formatter is None:
                return None
            text, name = cast(str, value.__self__), cast(str, value.__name__)

            def bounded(*args: Any, **kwargs: Any) -> str:
                values = [*args, *kwargs.values()]
                if name == "format_map" and args and isinstance(args[0], Mapping):
                    values = list(args[0].values())
                budget.charge(_format_units(text, values), f"str.{name}")
                return formatter(*args, **kwargs)

            return bounded

    def counted(iterable: Any) -> Any:
        return _Counted(iterable, budget)

    environment = Sandbox(
        loader=ContainedLoader([str(folder) for folder in folders]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=autoescape,
        finalize=_finalizer(budget, autoescape),
    )
    environment.concat = concat  # type: ignore[method-assign]
    environment.filters = {
        name: _bounded_filter(environment.filters[name], name, estimate, budget)
        for name, estimate in FILTERS.items()
    }
    environment.filters["roadmaplint_steps"] = counted
    environment.tests = {name: environment.tests[name] for name in TESTS}
    environment.globals = {name: environment.globals[name] for name in GLOBALS}
    return environment


class _Counted:
    """A loop's iterable: every step is counted, and the CPU clock read now and then."""

    def __init__(self, iterable: Any, budget: Budget) -> None:
        self._iterable = iterable
        self._budget = budget

    def __len__(self) -> int:
        return len(self._iterable)

    def __iter__(self) -> Iterator[Any]:
        step = self._budget.step
        for item in self._iterable:
            step()
            yield item


def _finalizer(budget: Budget, autoescape: bool) -> Callable[[Any], Any]:
    """Every ``{{ }}`` is measured before it becomes text (escaping may grow it sixfold)."""

    grows = 6 if autoescape else 1  # escaping may grow plain text sixfold
    charge = budget.charge

    def finalize(value: Any) -> Any:
        # Most outputs are a plain str or number (a page of 50,000 cards has two
        # million): measured without the general walk. A str has no __html__.
        kind = type(value)
        if kind is str:
            size = len(value) * grows
        elif kind is int:
            size = (value.bit_length() // 3 + 2) * grows
        else:
            size = _text_units(value)
            if autoescape and not hasattr(value, "__html__"):
                size *= 6
        charge(size, "an output")
        return value

    return finalize


def _bounded_filter(
    function: Callable[..., Any], name: str, estimate: Estimate, budget: Budget
) -> Callable[..., Any]:
    from jinja2.utils import _PassArg

    passes = _PassArg.from_obj(function) is not None

    @functools.wraps(function)  # keeps jinja2's pass_environment marks
    def bounded(*args: Any, **kwargs: Any) -> Any:
        first = 1 if passes else 0
        escape = passes and getattr(getattr(args[0], "eval_ctx", args[0]), "autoescape", 0) is True
        if len(args) > first and isinstance(args[first], Iterator):
            args = (*args[:first], _listed(args[first], budget), *args[first + 1 :])
        arguments = args[first:]
        if name in _WIDTH_FILTERS:
            _check_arguments([*arguments[1:], *kwargs.values()], f"the {name} filter")
        if arguments and isinstance(arguments[0], str) and len(arguments[0]) > BIG_STEP:
            # a filter over a long text is one long C call (wordcount, striptags, length
            # of what it returns), however small its result: look at the clock first
            budget.clock()
        budget.charge(estimate(arguments, kwargs, escape), f"the {name} filter")
        result = function(*args, **kwargs)
        if isinstance(result, int) and result.bit_length() > MAX_INT_BITS:  # int(base=2)
            raise _too_big(f"the {name} filter made an integer of over {MAX_INT_BITS} bits")
        return result

    return bounded


def _listed(iterator: Iterator[Any], budget: Budget) -> list[Any]:
    """A lazy value (map, select, ...) made a list, counted item by item."""
    found = []
    for item in iterator:
        budget.step()
        budget.charge(ITEM, "a list")
        found.append(item)
    return found


def _check_call(
    budget: Budget, function: Any, args: Sequence[Any], kwargs: Mapping[str, Any]
) -> None:
    """Refuse a method of a data value not known to be bounded; estimate the known ones."""
    if function is dict:
        budget.charge(ITEM * 2 * _all_units([*args, *kwargs]), "dict")
        return
    name = getattr(function, "__name__", "")
    if isinstance(function, type) or _jinja2s(function):
        return  # macros, caller, loop(), the kept globals: bounded by what they call
    owner = getattr(function, "__self__", None)
    if _jinja2s(owner):
        return  # loop.cycle, a cycler's next, a block of self
    kind = type(owner).__name__
    if not isinstance(owner, _DATA):  # str.maketrans, a class's method, anything else
        raise TooBig(f"{name} is not available in templates")
    estimate = METHODS.get(name)
    if estimate is None:
        raise TooBig(f"{kind}.{name} is not available in templates")
    if name in ("center", "ljust", "rjust", "zfill", "expandtabs"):
        _check_arguments([*args, *kwargs.values()], f"str.{name}")
    if name == "join" and args and isinstance(args[0], Iterator):
        raise TooBig(f"{kind}.join needs a list here; use the join filter")
    budget.charge(estimate(owner, args, kwargs), f"{kind}.{name}")
