"""Settings from `[tool.roadmaplint]` in pyproject.toml or a `.roadmaplint.toml`.

The file is found by walking up from the roadmap's folder; ``--config`` names
one directly. Every problem is a RoadmapError naming the file and the key.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Mapping

from roadmaplint.errors import RoadmapError
from roadmaplint.record import field_names, record, replace
from roadmaplint.settings import FIELD_ALIASES, KNOWN_FIELDS, Settings, Statuses

TYPE_CHECKING = False
if TYPE_CHECKING:
    from os import PathLike
    from typing import Any

    # a path as a check carries it (a string: no pathlib, PERF-18) or as a command does
    StrPath = str | PathLike[str]

CONFIG_FILE = ".roadmaplint.toml"
# Both spellings, as ruff reads .ruff.toml and ruff.toml; in one folder the dotted one wins.
CONFIG_FILES = (CONFIG_FILE, "roadmaplint.toml")
MAX_PATTERN = 200
MAX_CONFIG = 1024 * 1024  # bytes; pyproject.toml files are a few KB


@record
class Overrides:
    """What the command line says, over what the file says."""

    select: tuple[str, ...] | None = None  # replaces the file's select
    ignore: tuple[str, ...] | None = None  # replaces the file's ignore
    strict: bool | None = None
    extend_select: tuple[str, ...] = ()  # added to the select in force
    extend_ignore: tuple[str, ...] = ()  # added to the ignore in force


def find_config(roadmap: StrPath) -> str | None:
    """The nearest config file at or above the roadmap's folder."""
    folder = os.path.dirname(os.path.realpath(roadmap))  # Path.resolve().parent
    while True:
        for name in CONFIG_FILES:
            dotfile = os.path.join(folder, name)
            if os.path.isfile(dotfile):
                return dotfile
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject) and _configures_us(pyproject):
            return pyproject
        above = os.path.dirname(folder)
        if above == folder:
            return None
        folder = above


def _configures_us(pyproject: str) -> bool:
    """Whether a pyproject.toml on the way up holds a [tool.roadmaplint] table.

    A file that never says "roadmaplint" cannot configure us: it belongs to
    another tool, and whether it is valid TOML, or UTF-8 at all, is that tool's
    business, so it is skipped unparsed. One that does say it may hold our
    settings, so an unreadable one is an error: skipping it would check with
    defaults the user did not choose.
    """
    if b"roadmaplint" not in _read(pyproject):
        return False
    tool = _table(pyproject).get("tool", {})
    return isinstance(tool, dict) and "roadmaplint" in tool


def _read(path: StrPath) -> bytes:
    """The bytes of a config file: a regular file of a sane size, never a pipe or device."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise RoadmapError(f"{path}: is not a regular file; a config is a TOML file")
        with open(path, "rb") as handle:
            data = handle.read(MAX_CONFIG + 1)
    except OSError as error:
        raise RoadmapError(f"{path}: cannot read: {error.strerror}") from None
    if len(data) > MAX_CONFIG:
        raise RoadmapError(f"{path}: is over {MAX_CONFIG // 1024} KB; is this a config file?")
    return data


def _table(path: StrPath) -> dict[str, Any]:
    data = _read(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise RoadmapError(
            f"{path}: line {line} is not UTF-8 (byte 0x{data[error.start]:02x}); "
            "TOML files are UTF-8"
        ) from None
    from roadmaplint.config.plain import plain_document, plain_pyproject

    pyproject = os.path.basename(path) == "pyproject.toml"
    plain = plain_pyproject(text) if pyproject else plain_document(text)
    if plain is not None:  # settings written plainly: no tomllib, with its typing (PERF-19)
        return plain
    import tomllib  # only a configuration file not written plainly needs it

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RoadmapError(f"{path}: not valid TOML: {error}") from None
    except RecursionError:
        raise RoadmapError(f"{path}: nests arrays or tables too deeply to be a config") from None


def load_settings(config: StrPath | None, overrides: Overrides = Overrides()) -> Settings:
    settings = Settings()
    if config is not None:
        config = os.fspath(config)
        document = _table(config)
        if os.path.basename(config) == "pyproject.toml":
            tool = document.get("tool", {})
            table = tool.get("roadmaplint", {}) if isinstance(tool, dict) else {}
            where = f"{config}: [tool.roadmaplint]"
            if not isinstance(table, dict):
                raise RoadmapError(f"{where}: expected a table of settings")
        else:
            table, where = document, str(config)
        settings = _apply(settings, table, where, os.path.dirname(os.path.realpath(config)))
    if overrides.select is not None:
        settings = replace(settings, select=_codes(list(overrides.select), "--select"))
    if overrides.ignore is not None:
        settings = replace(settings, ignore=_codes(list(overrides.ignore), "--ignore"))
    if overrides.extend_select:
        extra = _codes(list(overrides.extend_select), "--extend-select")
        settings = replace(settings, select=settings.select + extra)
    if overrides.extend_ignore:
        extra = _codes(list(overrides.extend_ignore), "--extend-ignore")
        settings = replace(settings, ignore=settings.ignore + extra)
    if overrides.strict is not None:
        settings = replace(settings, strict=overrides.strict)
    return settings


def settings_from_text(text: str, where: str, home: StrPath) -> Settings:
    """The settings a configuration file's text gives (``init`` proves what it writes)."""
    import tomllib

    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RoadmapError(f"{where}: not valid TOML: {error}") from None
    return _apply(Settings(), table, where, os.fspath(home))


def _apply(settings: Settings, table: Mapping[str, Any], where: str, home: str) -> Settings:
    changes: dict[str, Any] = {}
    for key, value in table.items():
        parse = _KEYS.get(key)
        if parse is None:
            raise RoadmapError(
                f"{where}: unknown setting {key!r}; known settings: {', '.join(sorted(_KEYS))}"
            )
        try:
            changes[_ATTRIBUTES.get(key, key.replace("-", "_"))] = parse(value, home)
        except (TypeError, ValueError) as error:
            raise RoadmapError(f"{where}: {key}: {error}") from None
    changes["configured"] = settings.configured | frozenset(table)
    return replace(settings, **changes)


def _strings(value: Any, _home: str | None = None) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(entry, str) for entry in value):
        raise TypeError("expected a string or a list of strings")
    return tuple(value)


def _codes(value: Any, where: str | None = None, _home: str | None = None) -> tuple[str, ...]:
    from roadmaplint.rules import is_selector

    codes = _strings(value)
    for code in codes:
        if not is_selector(code):
            message = f"unknown rule {code!r}; `roadmaplint rules` lists them"
            if where:
                raise RoadmapError(f"{where}: {message}")
            raise ValueError(message)
    return codes


def _globs(value: Any, _home: str) -> tuple[str, ...]:
    globs = _strings(value)
    for glob in globs:
        if not glob.strip() or glob.startswith("/") or "\\" in glob:
            raise ValueError(
                f"{glob!r}: write globs relative to the folder, with / between folders"
            )
    return globs


def _boolean(value: Any, _home: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError("expected true or false")
    return value


def _text(value: Any, _home: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TypeError("expected a non-empty string")
    return value


def _heading(value: Any, home: str) -> str:
    """A generated section's heading: one line, as ``fix`` writes it (``"Plan\\n## Y"``
    was a section check called missing and fix refused to append)."""
    text = _text(value, home)
    if text.splitlines() != [text]:  # every line break str.splitlines knows
        raise ValueError(f"a heading is one line, without line breaks: {text!r}")
    return text


def id_pattern(value: Any, _home: str | None = None) -> str:
    """A user's ID pattern, compiled the way it will run (on RE2), or ValueError why not."""
    from roadmaplint.reader import idpattern

    if not isinstance(value, str) or not value:
        raise TypeError("expected a regular expression as a string")
    if len(value) > MAX_PATTERN:
        raise ValueError(f"pattern is longer than {MAX_PATTERN} characters")
    idpattern.validate(value)
    compiled = idpattern.id_regex(value)
    if compiled.fullmatch(""):
        raise ValueError("the pattern matches an empty ID")
    literal = re.search(r"\\[\[\]nrs]|[\r\n]", value)  # \[ \] \n \r \s or a line break
    if literal or compiled.search("[") or compiled.search("]") or compiled.search("\n"):
        raise ValueError("IDs may not contain brackets or line breaks")
    return value


def _template_dir(value: Any, home: str) -> str:
    from pathlib import Path  # only this setting needs it; a configured check does not

    folder = (Path(home) / _text(value, home)).resolve()
    if not folder.is_relative_to(home):
        raise ValueError(f"{value!r} is outside the folder of the config file ({home})")
    if not folder.is_dir():
        raise ValueError(f"{value!r} is not a folder")
    return str(folder)


def _days(value: Any, _home: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("expected a whole number of days, such as 30")
    if value < 1:
        raise ValueError("expected at least 1 day")
    return value


def _statuses(value: Any, _home: str) -> Statuses:
    if not isinstance(value, dict):
        raise TypeError('expected a table such as { done = ["done", "shipped"] }')
    known = {name.replace("_", "-"): name for name in field_names(Statuses)}
    meanings: dict[str, Any] = {}
    for meaning, names in value.items():
        if meaning not in known:
            raise ValueError(f"unknown meaning {meaning!r}; known: {', '.join(known)}")
        meanings[known[meaning]] = _strings(names)
    return replace(Statuses(), **meanings)


def _heading_level(value: Any, _home: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 2 <= value <= 4:
        raise ValueError("expected 2, 3 or 4 (the level of item headings: ## is 2)")
    return value


def _field_name(name: str) -> str:
    return " ".join(name.lower().split())


def _field_aliases(value: Any, _home: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise TypeError('expected a table such as { Lead = "DRI", Needs = "Depends on" }')
    known = {_field_name(name): name for name in KNOWN_FIELDS}
    aliases: list[tuple[str, str]] = []
    for name, target in value.items():
        if not isinstance(target, str) or _field_name(target) not in known:
            raise ValueError(
                f"{name!r} = {target!r}: a name maps to one of the known fields: "
                f"{', '.join(KNOWN_FIELDS)}"
            )
        if not name.strip() or ":" in name or "\n" in name:
            raise ValueError(f"{name!r} is not a field name")
        aliases.append((name, known[_field_name(target)]))
    return tuple(aliases)


def _extra_fields(value: Any, _home: str) -> tuple[str, ...]:
    names = _strings(value)
    taken = {_field_name(name) for name in KNOWN_FIELDS}
    taken |= {_field_name(alias) for alias, _ in FIELD_ALIASES}
    for name in names:
        if not name.strip() or ":" in name or "\n" in name:
            raise ValueError(f"{name!r} is not a field name")
        if _field_name(name) in taken:
            raise ValueError(f"{name!r} is already a known field or alias")
    return names


def _vocabulary(value: Any, _home: str) -> tuple[str, ...]:
    values = _strings(value)
    if not values or any(not entry.strip() or entry != entry.strip() for entry in values):
        raise ValueError("expected a non-empty list of values without surrounding spaces")
    if len(set(values)) != len(values):
        raise ValueError("a value is listed twice")
    return values


def _shape(value: Any, _home: str) -> str:
    from roadmaplint.reader.shapes import names

    if not isinstance(value, str) or value not in names():
        raise ValueError(f"unknown shape {value!r}; valid shapes: {', '.join(names())}")
    return value


# Settings named differently from their key in the file.
_ATTRIBUTES = {"fields": "field_aliases"}

_KEYS: dict[str, Callable[[Any, str], Any]] = {
    "select": lambda value, home: _codes(value),
    "ignore": lambda value, home: _codes(value),
    "strict": _boolean,
    "required-fields": _strings,
    "id-pattern": id_pattern,
    "overview-heading": _heading,
    "graph-heading": _heading,
    "template-dir": _template_dir,
    "statuses": _statuses,
    "no-dri": _strings,
    "item-heading-level": _heading_level,
    "fields": _field_aliases,
    "extra-fields": _extra_fields,
    "status-values": _vocabulary,
    "priority-values": _vocabulary,
    "stale-after-days": _days,
    "include": _globs,
    "exclude": _globs,
    "shape": _shape,
}
