"""Front matter as Backlog.md writes it, read without a round trip.

A task's front matter is a mapping of plain keys to scalars and lists of scalars.
``read`` reads exactly that from libyaml's event stream (PyYAML's C parser, a
dependency) and resolves each plain scalar as ruamel.yaml's round-trip reader does
(YAML 1.2: ``yes``, ``on``, ``1:30`` and ``010`` read as the words and number they
spell, ``62.5`` a float); a value of another kind (``1e3``, ``.inf``, ``0x1F``, a
date, a time) is not resolved here. Whatever else it meets (an anchor, an alias, a tag, a nested
mapping, a key written twice, a scalar it does not resolve, a syntax error, a second
document, a missing C parser) it answers None, and the caller reads the text with
ruamel.yaml, whose guards and messages stay the reference
(``taskfiles.guarded_load``): nothing here decides what hostile YAML gives.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from roadmaplint.text import LazyPattern

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

Scalar = str | int | float | bool | None
Value = Scalar | list[Scalar]


class Front:
    """The mapping read, in document order, and where each key and value stands:
    ``places[key]`` is (the key's line, the value's line, the value's column), lines
    and columns counted from 0 in the text read, as ruamel.yaml's ``lc`` counts them."""

    __slots__ = ("data", "places")

    def __init__(self, data: dict[str, Value], places: dict[str, tuple[int, int, int]]) -> None:
        self.data = data
        self.places = places


# ruamel.yaml's implicit resolvers for YAML 1.2 (ruamel.yaml.resolver, `VersionedResolver`
# at version 1.2), copied: a plain scalar matching one is not a plain string there.
# tests/test_frontmatter.py holds this list to ruamel.yaml's own.
RESOLVED = (
    r"(?:true|True|TRUE|false|False|FALSE)",
    r"""(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))""",
    r"""(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)""",
    r"""(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
        (?:[Tt]|[ \t]+)[0-9][0-9]?
        :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)""",
    r"(?:<<)",
    r"""(?: ~
        |null|Null|NULL
        | )""",
    r"(?:=)",
    r"(?:!|&|\*)",
)
# The first characters a resolved scalar can start with: any other plain scalar is a string.
_FIRST = frozenset("!&*+-.0123456789<=FNTfnt~")
_SPECIAL = LazyPattern("|".join(RESOLVED), flags=re.VERBOSE | re.UNICODE)
_DECIMAL = LazyPattern(r"[-+]?[0-9]+")
_FRACTION = LazyPattern(r"[-+]?[0-9]+\.[0-9]+")  # Backlog.md's ordinal between two others
_WORDS: dict[str, Scalar] = {
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
    **dict.fromkeys(("~", "null", "Null", "NULL"), None),
}


# Characters libyaml (YAML 1.1) reads otherwise than ruamel.yaml (1.2): NEL and the
# Unicode line and paragraph separators break a line there, a tab inside a plain scalar
# ruamel.yaml refuses. A text holding one is left to ruamel.yaml.
_YAML_1_1_BREAKS = ("\t", "\x85", "\u2028", "\u2029")


class _Unread(Exception):
    """What this reader leaves to ruamel.yaml."""


class Invalid(Exception):
    """libyaml found the text not YAML (the caller may mend a bare ``@name`` and try again)."""


def read(text: str) -> Front | None:
    """The front matter ``text`` holds, or None where ruamel.yaml must read it; Invalid
    where libyaml finds it is not YAML."""
    if any(character in text for character in _YAML_1_1_BREAKS):
        return None
    try:
        from yaml import YAMLError
        from yaml._yaml import CParser
    except ImportError:  # PyYAML missing, or built without libyaml
        return None
    try:
        return _mapping(CParser(text).get_event)
    except _Unread:
        return None
    except YAMLError:
        raise Invalid from None


def _mapping(event: Callable[[], Any]) -> Front:
    from yaml import events

    opening = (events.StreamStartEvent, events.DocumentStartEvent, events.MappingStartEvent)
    for kind in opening:
        found = event()
        if type(found) is not kind:
            raise _Unread
    _plain_node(found)
    data: dict[str, Value] = {}
    places: dict[str, tuple[int, int, int]] = {}
    while type(key := event()) is not events.MappingEndEvent:
        name = _scalar(key, events.ScalarEvent)
        if not isinstance(name, str) or name in data:
            raise _Unread  # a key not a string, or written twice: ruamel's to answer
        value = event()
        if type(value) is events.SequenceStartEvent:
            _plain_node(value)
            items = []
            while type(item := event()) is not events.SequenceEndEvent:
                items.append(_scalar(item, events.ScalarEvent))
            data[name] = items
        else:
            data[name] = _scalar(value, events.ScalarEvent)
        places[name] = (key.start_mark.line, value.start_mark.line, value.start_mark.column)
    if type(event()) is not events.DocumentEndEvent or type(event()) is not events.StreamEndEvent:
        raise _Unread  # a second document
    return Front(data, places)


def _plain_node(event: Any) -> None:
    if event.anchor is not None or event.tag is not None:
        raise _Unread


def _scalar(event: Any, scalar: Any) -> Scalar:
    """A scalar's value as ruamel.yaml's round-trip reader gives it, as far as ``str``
    and truth tell (a quoted string is a string, ``010`` is 10)."""
    if type(event) is not scalar:
        raise _Unread  # a nested mapping or list, an alias
    _plain_node(event)
    value: str = event.value
    if event.style:  # quoted, or a block scalar
        return value
    if value == "" or value in _WORDS:
        return _WORDS.get(value)
    if value[0] not in _FIRST:
        return value
    if _DECIMAL.fullmatch(value):
        try:
            return int(value)
        except ValueError:  # longer than Python reads (4300 digits): ruamel's to refuse
            raise _Unread from None
    if _FRACTION.fullmatch(value):
        return float(value)
    if _SPECIAL.fullmatch(value):
        raise _Unread  # a float, a date, a number in another base, a merge key ...
    return value
