"""Choose the scalar style Backlog.md's YAML writer would choose for a new string.

Backlog.md writes its front matter with js-yaml 3.x (line width 80): single quotes
whenever a string must be quoted, double quotes only for characters it cannot print,
and ``>-`` folded for a long single-line string. ruamel.yaml on its own chooses
differently, so a value roadmaplint writes is wrapped in the ruamel string type that
dumps the way js-yaml would.
"""

from __future__ import annotations

import re
from typing import cast

from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from roadmaplint.text import LazyPattern

LINE_WIDTH = 80
_OLD_BOOLEANS = {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
                 "n", "N", "no", "No", "NO", "off", "Off", "OFF"}  # fmt: skip
_BAD_FIRST = set("-?:,[]{}#&*!|=>'\"%@`")
_FLOAT = LazyPattern(
    r"^(?:[-+]?(?:0|[1-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?"
    r"|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_DATE = LazyPattern(r"^\d{4}-\d\d-\d\d$")
_TIMESTAMP = LazyPattern(
    r"^\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?"
    r"(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?$"
)
_KEYWORDS = {"~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "<<"}


def _printable(char: str) -> bool:
    """js-yaml tests UTF-16 code units, so characters beyond the BMP are not printable."""
    code = ord(char)
    return (
        0x20 <= code <= 0x7E
        or (0xA1 <= code <= 0xD7FF and code not in (0x2028, 0x2029))
        or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
    )


def _is_int(text: str) -> bool:
    at = 1 if text[:1] in ("+", "-") else 0
    if at >= len(text):
        return False
    if text[at] == "0":
        if at + 1 == len(text):
            return True
        at += 1
        digits = {"b": "01", "x": "0123456789abcdefABCDEF"}.get(text[at])
        if digits:
            at += 1
        body, digits = text[at:], digits or "01234567"
        return (
            bool(body.replace("_", ""))
            and all(c in digits or c == "_" for c in body)
            and body[-1] != "_"
        )
    if text[at] == "_":
        return False
    head, colon, tail = text[at:].partition(":")
    bare = head.replace("_", "")
    if not bare.isdigit() or not bare.isascii() or head[-1] == "_":
        return False
    return not colon or re.fullmatch(r"(:[0-5]?[0-9])+", ":" + tail) is not None


def _ambiguous(text: str) -> bool:
    """Whether js-yaml would read the plain text as something other than a string."""
    return (
        text in _KEYWORDS
        or _is_int(text)
        or (_FLOAT.match(text) is not None and text[-1] != "_")
        or _DATE.match(text) is not None
        or _TIMESTAMP.match(text) is not None
    )


def _plain_safe(char: str, previous: str | None) -> bool:
    return (
        _printable(char)
        and char not in ",[]{}:"
        and (
            char != "#" or (previous is not None and _printable(previous) and previous not in " \t")
        )
    )


def fold_positions(text: str, width: int) -> list[int]:
    """The spaces where js-yaml's foldLine breaks a single-line string."""
    positions: list[int] = []
    start = current = 0
    for found in re.finditer(r" [^ ]", text):
        following = found.start()
        if following - start > width:
            end = current if current > start else following
            positions.append(end)
            start = end + 1
        current = following
    if len(text) - start > width and current > start:
        positions.append(current)
    return positions


def js_scalar(text: str, indent: int = 2) -> str:
    """``text`` as the ruamel string that dumps the way js-yaml would write it.

    ``indent`` is the column the value starts at: 2 for a top-level value, 4 for an
    item of a top-level list.
    """
    if text == "" or text in _OLD_BOOLEANS:
        return cast(str, SingleQuotedScalarString(text))
    width = max(40, LINE_WIDTH - indent)
    if any(not _printable(char) for char in text if char != "\n"):
        return cast(str, DoubleQuotedScalarString(text))
    plain = text[0] not in _BAD_FIRST and text[0] not in " \t" and text[-1] not in " \t"
    plain = plain and all(
        _plain_safe(char, text[at - 1] if at else None) for at, char in enumerate(text)
    )
    lines = text.split("\n")
    foldable = any(len(line) > width and not line.startswith(" ") for line in lines)
    if len(lines) == 1 and not foldable:
        return text if plain and not _ambiguous(text) else cast(str, SingleQuotedScalarString(text))
    if len(lines) == 1:
        folded = FoldedScalarString(text)
        folded.fold_pos = fold_positions(text, width)
        return cast(str, folded)
    return cast(str, LiteralScalarString(text))
