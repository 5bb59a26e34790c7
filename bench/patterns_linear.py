"""Every module-level regular expression of the package, tried on long lines built from itself.

    python bench/patterns_linear.py     # exit 1 and the patterns named when one grows faster


A pattern that backtracks can do quadratic work on one line: RL111's link, image and
HTML-id patterns took minutes on a line of 33,000 unclosed `](#`, the table delimiter
row a minute on 99,000 spaces before `-x`, and a line may hold 100,000 characters. A
review rarely sees it; a sweep does. Each pattern's lines repeat one fragment (a piece
of the pattern's own literal text, a sample of one of its repeats after the text that
leads there, or a piece of markdown) to a few sizes, with a tail, and `.match`,
`.fullmatch` and `.search` run on each. Linear work grows 4x from one size to the next;
a pattern whose work grows more than GROWTH_LIMIT times fails (quadratic would be 16x).

Work is counted in CPU time (`time.process_time`), never compared with a fixed time:
only the ratio between two sizes decides, each side the least of several repeats, so
that a loaded machine slows both sides alike. The pattern's own text is read with
`re._parser`, the parser `re` itself compiles with (Python 3.11's name for it).
"""

from __future__ import annotations

import ast
import gc
import importlib
import itertools
import pkgutil
import re
import re._constants as sre
import re._parser as sre_parse
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import roadmaplint
from roadmaplint.text import LazyPattern

# modules that start a server, a typer app or the console script on import
SKIPPED_MODULES = {"__main__", "cli", "entry", "lsp", "mcp"}
# the sizes of a line's repeated part: each run is timed at the first two, then the
# last two (a pattern that is already super-linear between the first two stops there,
# before a cubic one could take minutes at the largest)
SIZES = (500, 2_000, 8_000)
TAILS = ("", "!", "\n")
MARKDOWN = ("](#", "<a ", "![", "[", "**", "- [ ] ", "| ", "\t", " ", "-", ":", "(", ")", "<!--")
METHODS = ("match", "fullmatch", "search")
# linear work grows 4x from one size to the next, quadratic 16x
GROWTH_LIMIT = 8.0
# the screen times one call a few times; a pattern it suspects is timed again in loops
SCREEN_REPEATS = 3
CONFIRM_REPEATS = 5
# a confirming loop runs the call often enough at the smaller size to rise far above
# process_time's own cost and resolution (only a measuring unit, never a verdict)
CONFIRM_UNIT = 0.002
LEAD_LIMIT = 24
PUMP_LIMIT = 24

Pattern = LazyPattern[str] | LazyPattern[bytes] | re.Pattern[str] | re.Pattern[bytes]


@dataclass(frozen=True)
class Line:
    """A line of `lead`, then `pump` repeated to a size, then `tail`."""

    lead: str
    pump: str
    tail: str

    def build(self, size: int) -> str:
        return self.lead + self.pump * max(1, size // len(self.pump)) + self.tail

    def __str__(self) -> str:
        return f"{self.lead!r} + {self.pump!r} * n + {self.tail!r}"


def _package_modules() -> Iterator[ModuleType]:
    """Every module of the package but those that start something on import."""
    for info in pkgutil.walk_packages(roadmaplint.__path__, "roadmaplint."):
        parts = info.name.split(".")[1:]
        if parts[0] not in SKIPPED_MODULES and parts[-1] not in SKIPPED_MODULES:
            yield importlib.import_module(info.name)


def module_patterns() -> dict[tuple[str | bytes, int], tuple[Pattern, list[str]]]:
    """Every regular expression a module of the package holds, by its text and flags."""
    found: dict[tuple[str | bytes, int], tuple[Pattern, list[str]]] = {}
    for module in _package_modules():
        for name, value in vars(module).items():
            held = tuple(value.values()) if isinstance(value, dict) else value
            for candidate in held if isinstance(held, tuple | list | frozenset) else (held,):
                if isinstance(candidate, LazyPattern | re.Pattern):
                    key = (candidate.pattern, candidate.flags)
                    found.setdefault(key, (candidate, []))[1].append(f"{module.__name__}.{name}")
    return found


# how a call reads its subject: from the start, whole, or from every start (search and
# the methods built on it)
_READS_AS = {
    "match": "match",
    "fullmatch": "fullmatch",
    "search": "search",
    "finditer": "search",
    "findall": "search",
    "sub": "search",
    "subn": "search",
    "split": "search",
}


def methods_called() -> dict[tuple[str | bytes, int], set[str]]:
    """The methods the package calls on each pattern, read from its modules' code.

    A pattern named anywhere but as the object of a call (handed to a function, put in
    a tuple) may be called any way: all three. A search on a line of spaces is quadratic
    for a pattern that begins with `[ \\t]*`, in every backtracking engine, so a pattern is
    searched only where the package searches with it.
    """
    called: dict[tuple[str | bytes, int], set[str]] = {}
    for module in _package_modules():
        if not module.__file__:
            continue
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        calls = {
            id(node.func.value): node.func.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                value = vars(module).get(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                value = getattr(vars(module).get(node.value.id), node.attr, None)
            else:
                continue
            if isinstance(value, LazyPattern | re.Pattern):
                method = _READS_AS.get(calls.get(id(node), ""))
                methods = {method} if method else set(METHODS)
                called.setdefault((value.pattern, value.flags), set()).update(methods)
    return called


@dataclass
class _Walk:
    """What reading a pattern's parsed form collects."""

    literals: set[str]
    pumps: set[tuple[str, str]]


_SAMPLE_CHARS = "xa0 -!#"
_CATEGORY_SAMPLES = {
    sre.CATEGORY_DIGIT: "0",
    sre.CATEGORY_NOT_DIGIT: "x",
    sre.CATEGORY_SPACE: " ",
    sre.CATEGORY_NOT_SPACE: "x",
    sre.CATEGORY_WORD: "a",
    sre.CATEGORY_NOT_WORD: " ",
    sre.CATEGORY_LINEBREAK: "\n",
    sre.CATEGORY_NOT_LINEBREAK: "x",
}


def _class_sample(items: list[tuple[object, object]]) -> str:
    """A character a character class `[...]` matches (a likely one, for a negated class)."""
    named: set[str] = set()
    ranges: list[tuple[int, int]] = []
    negated = False
    for op, arg in items:
        if op is sre.NEGATE:
            negated = True
        elif op in (sre.LITERAL,) and isinstance(arg, int):
            named.add(chr(arg))
        elif op in (sre.RANGE, sre.RANGE_UNI_IGNORE) and isinstance(arg, tuple):
            ranges.append(arg)
        elif op is sre.CATEGORY and not negated:
            return _CATEGORY_SAMPLES.get(arg, "x")  # type: ignore[call-overload]
    if not negated:
        return min(named) if named else chr(ranges[0][0]) if ranges else "x"
    for char in _SAMPLE_CHARS:
        if char not in named and not any(low <= ord(char) <= high for low, high in ranges):
            return char
    return "~"


def _sample(
    nodes: sre_parse.SubPattern | list[tuple[object, object]], lead: str, walk: _Walk
) -> str:
    """A short string the nodes match; records each repeat with the text that leads to it."""
    out = ""
    run = ""
    for op, arg in nodes:
        piece = ""
        if op is sre.LITERAL:
            piece = chr(arg)  # type: ignore[arg-type]
            run += piece
        else:
            if run:
                walk.literals.add(run)
            run = ""
        if op is sre.NOT_LITERAL:
            piece = "x" if arg != ord("x") else "y"
        elif op is sre.IN:
            piece = _class_sample(arg)  # type: ignore[arg-type]
            walk.literals.add(piece)
        elif op is sre.ANY:
            piece = "x"
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, body = arg  # type: ignore[misc]
            once = _sample(body, lead + out, walk)
            if high > 1 and high != low and once:
                walk.pumps.add((lead + out, once))
            piece = once * max(1, min(low, 3))
        elif op is sre.SUBPATTERN:
            piece = _sample(arg[-1], lead + out, walk)  # type: ignore[index]
        elif op is sre.ATOMIC_GROUP:
            piece = _sample(arg, lead + out, walk)  # type: ignore[arg-type]
        elif op is sre.BRANCH:
            choices = [_sample(choice, lead + out, walk) for choice in arg[1]]  # type: ignore[index]
            piece = choices[0]
        elif op is sre.GROUPREF_EXISTS:
            piece = _sample(arg[1], lead + out, walk)  # type: ignore[index]
        out += piece
    if run:
        walk.literals.add(run)
    return out


def lines_of(pattern: Pattern) -> list[Line]:
    """The lines a pattern is tried on: its own fragments and markdown's, each with a tail."""
    text = pattern.pattern
    if isinstance(text, bytes):
        text = text.decode("latin-1")
    walk = _Walk(set(), set())
    sample = _sample(sre_parse.parse(text, pattern.flags), "", walk)
    own = {sample} | walk.literals | {pump for _, pump in walk.pumps}
    plain = sorted(own | set(MARKDOWN), key=lambda fragment: (len(fragment), fragment))
    leads = sorted({lead for lead, _ in walk.pumps if lead}, key=len)[:LEAD_LIMIT]
    pumped = sorted(walk.pumps, key=lambda pair: (len(pair[0]), pair))
    shapes = [("", pump) for pump in plain if pump]
    shapes += [(lead, pump) for lead, pump in pumped if lead][:PUMP_LIMIT]
    shapes += [
        (lead, char) for lead in leads for char in (" ", "\t", "-") if (lead, char) not in shapes
    ]
    return [Line(lead, pump, tail) for lead, pump in shapes for tail in TAILS]


def _caller(pattern: Pattern, method: str, text: str) -> Callable[[], object]:
    subject: str | bytes = text
    if isinstance(pattern.pattern, bytes):
        subject = text.encode("utf-8")
    bound = getattr(pattern, method)
    return lambda: bound(subject)


def work(call: Callable[[], object], repeats: int, number: int = 1) -> float:
    """The least CPU time of `repeats` runs of `number` calls."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        for _ in range(number):
            call()
        best = min(best, time.process_time() - started)
    return best


def growth(pattern: Pattern, method: str, line: Line, small: int, large: int) -> float:
    """How many times more work the larger line takes, timed in loops, least of repeats."""
    at_small = _caller(pattern, method, line.build(small))
    at_large = _caller(pattern, method, line.build(large))
    number = 1
    while work(at_small, 1, number) < CONFIRM_UNIT and number < 1 << 20:
        number *= 2
    return work(at_large, CONFIRM_REPEATS, number) / max(
        work(at_small, CONFIRM_REPEATS, number), 1e-9
    )


def superlinear_on(pattern: Pattern, method: str, line: Line) -> str | None:
    """Why the pattern's work on the line grows faster than linearly, or None."""
    previous = work(_caller(pattern, method, line.build(SIZES[0])), SCREEN_REPEATS)
    for small, large in itertools.pairwise(SIZES):
        current = work(_caller(pattern, method, line.build(large)), SCREEN_REPEATS)
        if current > GROWTH_LIMIT * previous:
            # one call at the smaller size long enough to measure is its own confirmation
            if previous < CONFIRM_UNIT:
                ratio = growth(pattern, method, line, small, large)
            else:
                ratio = current / previous
            if ratio > GROWTH_LIMIT:
                return f".{method}({line}): {ratio:.0f}x the work from n={small} to n={large}"
        previous = current
    return None


def superlinear(pattern: Pattern, methods: Iterable[str] = METHODS) -> str | None:
    """The first line on which the pattern's work grows faster than linearly, or None."""
    gc.disable()
    try:
        for line in lines_of(pattern):
            for method in methods:
                found = superlinear_on(pattern, method, line)
                if found:
                    return found
    finally:
        gc.enable()
    return None


# The table delimiter row before SAFE-34's session: two `[ \t]*` beside each other split a
# run of spaces every way (99,000 spaces before `-x` took about a minute).
OLD_DELIMITER_ROW = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")


def test_the_checker_catches_the_old_delimiter_row() -> None:
    assert superlinear_on(OLD_DELIMITER_ROW, "fullmatch", Line("", " ", "-x")) is not None
    assert superlinear(OLD_DELIMITER_ROW) is not None


def test_the_checker_passes_the_delimiter_row_as_it_is() -> None:
    from roadmaplint.reader.legends import DELIMITER_ROW

    assert superlinear_on(DELIMITER_ROW, "fullmatch", Line("", " ", "-x")) is None
    assert superlinear(DELIMITER_ROW, ["match", "fullmatch"]) is None  # as the package calls it


OLD_ANCHOR_PATTERNS = {
    "link": r"\]\(\s*<?#(?P<anchor>[^\s)>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)",
    "image": r"!\[(?:[^\]\\]|\\.)*\]\([^)]*\)",
    "html-id": r"<[A-Za-z][^>]*?\b(?:id|name)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))",
}


def test_the_checker_catches_the_old_anchor_patterns() -> None:
    for old in OLD_ANCHOR_PATTERNS.values():
        assert superlinear(re.compile(old)) is not None, old


# Found by this sweep and fixed (each pattern compared with its old text on 200,000
# random short strings): the line that was cubic or quadratic for each.
FIXED = [
    ("roadmaplint.reader.shapes.listline", "_DEPENDS", "search", Line("(depends on", "\t", "")),
    ("roadmaplint.reader.shapes.listline", "_PHASE_BOX", "match", Line("**Phase 1:", "\t", "")),
    ("roadmaplint.edit.new", "_ATX_TEXT", "fullmatch", Line(" #", "\t", "\n")),
    ("roadmaplint.reader.misses", "_BRACKETED", "match", Line("[x]", "\t", "")),
    ("roadmaplint.reader.waits", "_AFTER", "search", Line("(after", "\t", "")),
    # SAFE-35: a run of blanks, searched from each of its blanks or before a lazy title
    ("roadmaplint.reader.anchors", "_ATX_CLOSE", "search", Line("", "\t", "")),
    ("roadmaplint.reader.linestyle", "_NEXT_FIELD", "search", Line("", "\t", "")),
    ("roadmaplint.reader.outline_numbered", "_STATUS_LINE", "search", Line("", "\t", "")),
    ("roadmaplint.reader.outline_numbered", "_WORK_FIELD_LINE", "search", Line("", "\t", "")),
    ("roadmaplint.reader.shapes.listline", "_DESCRIPTION", "search", Line("", "\t", "")),
    ("roadmaplint.reader.shapes.listline", "_DONE_ON", "search", Line("", "\t", "")),
    ("roadmaplint.reader.shapes.listline", "_TRAILING_ID", "search", Line("", "\t", "")),
    ("roadmaplint.reader.shapes.listline", "_TRAILING_PRIORITY", "search", Line("", "\t", "")),
    ("roadmaplint.reader.shapes.numbered", "_LABEL_END", "search", Line("", "\t", "")),
    ("roadmaplint.reader.shapes.numbered", "_LEGEND", "search", Line("`+`", "\t", "")),
    (
        "roadmaplint.reader.shapes.paragraphs",
        "_FIELD",
        "fullmatch",
        Line("\t*\t**A :**", "\t", "\n"),
    ),
    (
        "roadmaplint.reader.shapes.table_kinds",
        "_CODED_CELL",
        "fullmatch",
        Line("\t**V0.0**\txx", "\t", "!"),
    ),
    (
        "roadmaplint.reader.shapes.table_kinds",
        "_NAMED_CELL",
        "fullmatch",
        Line("\t**x**:\txx", "\t", "!"),
    ),
]


def test_a_fixed_pattern_grows_linearly() -> None:
    for module, name, method, line in FIXED:
        pattern = getattr(importlib.import_module(module), name)
        assert superlinear_on(pattern, method, line) is None, name


# Patterns once quadratic on a run of blanks and left (SAFE-35 fixed the last fifteen:
# each compared with its old text in tests/test_patterns_blanks.py). A pattern named
# here is not tried.
QUADRATIC_LEFT: frozenset[str] = frozenset()


def test_every_module_pattern_grows_linearly() -> None:
    patterns = module_patterns()
    called = methods_called()
    assert len(patterns) > 150  # the walk reached the package's modules
    failures = []
    for key, (pattern, names) in patterns.items():
        if QUADRATIC_LEFT.intersection(names):
            continue
        found = superlinear(pattern, sorted(called.get(key, METHODS)))
        if found:
            failures.append(f"{', '.join(names)} {pattern.pattern!r}{found}")
    assert not failures, "\n".join(failures)


def main() -> int:
    """Each check in turn; a failing one is printed and the run exits 1."""
    checks = [
        test_the_checker_catches_the_old_delimiter_row,
        test_the_checker_passes_the_delimiter_row_as_it_is,
        test_the_checker_catches_the_old_anchor_patterns,
        test_a_fixed_pattern_grows_linearly,
        test_every_module_pattern_grows_linearly,
    ]
    failed = 0
    for check in checks:
        try:
            check()
        except AssertionError as error:
            failed += 1
            print(f"FAILED {check.__name__}: {error}")
        else:
            print(f"ok     {check.__name__}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
