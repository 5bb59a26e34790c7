"""Settings written as plain TOML, read without tomllib; anything else is tomllib's.

A Python project that configures roadmaplint in its pyproject.toml made every check
import tomllib (which imports ``typing``, ``string`` and ``datetime``: 3 ms) and parse
the whole file (1.5 ms for a hundred lines), though only ``[tool.roadmaplint]`` is read
(PERF-19). Settings are written the plain way: ``key = value`` lines of strings,
booleans, whole numbers, one-line arrays and inline tables of them. Such lines are
read here, into exactly what tomllib gives for them; the first line that is anything
else (a multi-line array, a quoted key, an escape, a float, a sub-table) gives None,
and the caller reads the file with tomllib as before.

In a pyproject.toml only the lines of ``[tool.roadmaplint]`` are read; the other
tables are other tools' (a file that never names roadmaplint was never parsed either).
The table is found by its header line only where nothing else could define or hide it:
no other header naming roadmaplint, no ``[tool]`` table, no top-level ``tool`` key, and
no multi-line string before the header (which could hold a line that looks like one).
"""

from __future__ import annotations

from roadmaplint.text import LazyPattern

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

TABLE_HEADER = "[tool.roadmaplint]"

_SPACE = " \t"
_DEEPEST = 8  # arrays and inline tables within each other
# a comment: any character but a control other than tab (tomllib refuses those)
_COMMENT = r"(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?"
_BLANK = LazyPattern(rf"[ \t]*{_COMMENT}")
_HEADER = LazyPattern(rf"[ \t]*\[tool\.roadmaplint\][ \t]*{_COMMENT}")
_KEY = LazyPattern(r"[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*")
_BARE_KEY = LazyPattern(r"([A-Za-z0-9_-]+)[ \t]*=[ \t]*")
_END = LazyPattern(rf"[ \t]*{_COMMENT}")
# a basic string without escapes, a literal string, a boolean, a decimal whole number
_SCALAR = LazyPattern(
    r'"([^"\\\x00-\x08\x0a-\x1f\x7f]*)"'
    r"|'([^'\x00-\x08\x0a-\x1f\x7f]*)'"
    r"|(true|false)(?![A-Za-z0-9_-])"
    r"|([+-]?(?:0|[1-9][0-9]*))(?![A-Za-z0-9_.:eE-])"
)
# a header that names roadmaplint, or may hold its table: [tool], a top-level `tool` key
_OURS_ELSEWHERE = LazyPattern(r"[ \t]*\[.*roadmaplint|[ \t]*\[\[?[ \t]*[\"']?tool[\"']?[ \t]*\]")
_TOP_TOOL_KEY = LazyPattern(r"[ \t]*[\"']?tool[\"']?[ \t]*[.=]")


class _NotPlain(Exception):
    """A line this reader does not read: tomllib reads the file."""


def plain_pyproject(text: str) -> dict[str, Any] | None:
    """``{"tool": {"roadmaplint": table}}`` (or ``{}`` where the file holds no such
    table) as tomllib would read it from a pyproject.toml, or None when the table is
    not written plainly or another line could change it."""
    lines = _lines(text)
    if lines is None:
        return None
    header = None
    first_header = None
    for number, line in enumerate(lines):
        if line.lstrip(_SPACE).startswith("["):
            first_header = number if first_header is None else first_header
            if _HEADER.fullmatch(line.removesuffix("\r")):
                if header is not None:
                    return None  # twice: tomllib's error to give
                header = number
                continue
            if "\\" in line or _OURS_ELSEWHERE.match(line):
                return None
        elif first_header is None and _TOP_TOOL_KEY.match(line):
            return None
    if header is None:
        return {}
    if '"""' in "\n".join(lines[:header]) or "'''" in "\n".join(lines[:header]):
        return None
    end = header + 1
    while end < len(lines) and not lines[end].lstrip(_SPACE).startswith("["):
        end += 1
    table = plain_table(lines[header + 1 : end])
    return None if table is None else {"tool": {"roadmaplint": table}}


def plain_document(text: str) -> dict[str, Any] | None:
    """A whole settings file (``.roadmaplint.toml``) as tomllib reads it, or None."""
    lines = _lines(text)
    return None if lines is None else plain_table(lines)


def _lines(text: str) -> list[str] | None:
    """The lines of ``text``, or None where a byte order mark or a carriage return
    without a line feed after it is tomllib's to refuse or accept."""
    if text.startswith("\ufeff") or text.count("\r") != text.count("\r\n"):
        return None
    return text.split("\n")


def plain_table(lines: list[str]) -> dict[str, Any] | None:
    """The ``key = value`` lines of one table, or None if one is anything else."""
    table: dict[str, Any] = {}
    try:
        for line in lines:
            line = line.removesuffix("\r")
            if _BLANK.fullmatch(line):
                continue
            key = _KEY.match(line)
            if key is None or key[1] in table:
                return None
            value, at = _value(line, key.end())
            if not _END.fullmatch(line, at):
                return None
            table[key[1]] = value
    except _NotPlain:
        return None
    return table


def _value(line: str, at: int, depth: int = 0) -> tuple[Any, int]:
    """The value starting at ``at`` and where it ends."""
    if depth > _DEEPEST and line.startswith(("[", "{"), at):
        raise _NotPlain  # no setting nests this deep; tomllib says what it makes of it
    if line.startswith("[", at):
        return _array(line, at + 1, depth + 1)
    if line.startswith("{", at):
        return _inline_table(line, at + 1, depth + 1)
    found = _SCALAR.match(line, at)
    if found is None:
        raise _NotPlain
    basic, literal, boolean, number = found.groups()
    if boolean is not None:
        return boolean == "true", found.end()
    if number is not None:
        return int(number), found.end()
    return basic if basic is not None else literal, found.end()


def _skip_space(line: str, at: int) -> int:
    while at < len(line) and line[at] in _SPACE:
        at += 1
    return at


def _array(line: str, at: int, depth: int) -> tuple[list[Any], int]:
    """A one-line array: values, commas, an optional trailing comma."""
    values: list[Any] = []
    at = _skip_space(line, at)
    while not line.startswith("]", at):
        value, at = _value(line, at, depth)
        values.append(value)
        at = _skip_space(line, at)
        if line.startswith(",", at):
            at = _skip_space(line, at + 1)
        elif not line.startswith("]", at):
            raise _NotPlain
    return values, at + 1


def _inline_table(line: str, at: int, depth: int) -> tuple[dict[str, Any], int]:
    """A one-line inline table of bare keys: no trailing comma, as TOML 1.0 says."""
    table: dict[str, Any] = {}
    at = _skip_space(line, at)
    if line.startswith("}", at):
        return table, at + 1
    while True:
        key = _BARE_KEY.match(line, at)
        if key is None or key[1] in table:
            raise _NotPlain
        table[key[1]], at = _value(line, key.end(), depth)
        at = _skip_space(line, at)
        if line.startswith("}", at):
            return table, at + 1
        if not line.startswith(",", at):
            raise _NotPlain
        at = _skip_space(line, at + 1)
