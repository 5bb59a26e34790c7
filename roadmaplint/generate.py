"""Rendering generated sections from templates. The only module that imports jinja2.

Templates are data, not code: they render in jinja2's immutable sandbox with
undefined names as errors, their output is bounded in size, and their running
time is bounded by a timer, so a user template can neither reach outside the
records nor hang a commit hook. The timer cannot interrupt one long C call
(``3 ** 30000000``, ``'x' * 10**10``), so the sandbox checks the operands of
``*``, ``**``, ``//``, ``%`` and ``+`` before they run (jinja2's
``intercepted_binops``), and the widths given to padding filters, string
methods and format strings. Every template path is resolved and must stay
inside its template folder, symlinks included. Any error is one line naming
the template file and line.
"""

from __future__ import annotations

import functools
import math
import re
import signal
import string
import threading
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from roadmaplint.errors import RoadmapError
from roadmaplint.model import Roadmap

MAX_OUTPUT = 8 * 1024 * 1024  # characters a generated section may have
TIME_LIMIT = 10.0  # seconds a template may render for
MAX_INT_BITS = 4096  # the largest integer arithmetic in a template may make
MAX_WIDTH = 10_000  # the largest width, fill or count a template may ask a filter for


class _TooSlow(Exception):
    """The template ran out of time."""


def template_dirs(configured: str | None = None) -> list[Path]:
    """Where templates are looked for: a configured folder, then the installed ones."""
    package = Path(__file__).resolve().parent
    found = [Path(configured)] if configured else []
    # Inside the wheel the templates sit in the package; in a checkout, beside it.
    found += [package / "templates", package.parent / "templates"]
    return [folder for folder in found if folder.is_dir()]


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise _TooSlow in this thread after ``seconds`` (a no-op off the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def template_items(roadmap: Roadmap) -> dict[str, dict[str, str | None]]:
    """What templates know of each item, by ID (the first item of a repeated ID).

    ``items["MODEL-1"].title`` and ``.status``, ``.priority``, ``.dri``, ``.section``,
    ``.id``: plain strings (or none), the values as they read without markup.
    """
    found: dict[str, dict[str, str | None]] = {}
    for item in roadmap.items:
        found.setdefault(
            item.id,
            {
                "id": item.id,
                "title": item.title,
                "status": item.status,
                "priority": item.priority,
                "dri": item.dri,
                "section": item.section,
            },
        )
    return found


def render(
    name: str,
    variables: Mapping[str, Any],
    configured: str | None = None,
    *,
    autoescape: bool = False,
) -> str:
    """Render template ``name`` with ``variables``; errors become one-line RoadmapErrors.

    ``autoescape`` is for HTML templates: every value is escaped unless marked safe.
    """
    import jinja2

    folders = template_dirs(configured)
    if not folders:
        raise RoadmapError(f"no template folder found for {name}; reinstall roadmaplint")
    environment = _sandbox(folders, autoescape=autoescape)
    pieces: list[str] = []
    size = 0
    try:
        with _time_limit(TIME_LIMIT):
            template = environment.get_template(name)
            for piece in template.generate(**variables):
                size += len(piece)
                if size > MAX_OUTPUT:
                    raise RoadmapError(
                        f"template {name} produced more than {MAX_OUTPUT} characters"
                    )
                pieces.append(piece)
    except _TooSlow:
        raise RoadmapError(
            f"template {name} ran for more than {TIME_LIMIT:g} s; does it loop without end?"
        ) from None
    except RoadmapError:
        raise
    except jinja2.TemplateSyntaxError as error:
        shown = _shown(error.filename, folders) if error.filename else name
        raise RoadmapError(f"template {shown} line {error.lineno}: {_said(error)}") from None
    except Exception as error:  # a runtime error of the template: its file and line, no traceback
        shown, line = _where(error, folders, name)
        where = f" line {line}" if line else ""
        raise RoadmapError(f"template {shown}{where}: {_said(error)}") from None
    return "".join(pieces)


def _said(error: BaseException) -> str:
    if isinstance(error, RecursionError):
        return "calls itself too deeply (a macro that recurses without end?)"
    message = getattr(error, "message", None) or str(error)
    return " ".join(message.split()) or type(error).__name__


def _where(error: BaseException, folders: list[Path], name: str) -> tuple[str, int | None]:
    """The template file and line the error happened in: the innermost template frame.

    jinja2 rewrites the traceback of a template error so that its frames carry
    the template's file name and line numbers.
    """
    roots = [folder.resolve() for folder in folders]
    found: tuple[str, int | None] = (name, None)
    for frame in traceback.extract_tb(error.__traceback__):
        path = Path(frame.filename)
        if path.is_absolute() and any(path.resolve().is_relative_to(root) for root in roots):
            found = (_shown(frame.filename, folders), frame.lineno)
    return found


def _shown(filename: str, folders: list[Path]) -> str:
    """A template's name as it is written in ``{% include %}``: relative to its folder."""
    path = Path(filename).resolve()
    for folder in folders:
        if path.is_relative_to(folder.resolve()):
            return path.relative_to(folder.resolve()).as_posix()
    return filename


class _TooBig(Exception):
    """Arithmetic or padding a template asked for that would take too long or too much."""


def _too_big(what: str) -> _TooBig:
    return _TooBig(f"{what}; templates may not build values that large")


def _check_binop(operator: str, left: object, right: object) -> None:
    """Refuse, before it runs, arithmetic whose result would be huge (one long C call)."""
    integers = all(isinstance(side, int) for side in (left, right))
    if operator == "**" and integers:
        base, exponent = cast(int, left), cast(int, right)
        if abs(base) > 1 and exponent > 0 and exponent * math.log2(abs(base)) > MAX_INT_BITS:
            raise _too_big(f"{base} ** {exponent} has over {MAX_INT_BITS} bits")
    elif operator == "*" and integers:
        if cast(int, left).bit_length() + cast(int, right).bit_length() > MAX_INT_BITS:
            raise _too_big(f"a product of over {MAX_INT_BITS} bits")
    elif operator == "*":
        sequence, count = (left, right) if isinstance(right, int) else (right, left)
        sized = isinstance(sequence, str | list | tuple) and isinstance(count, int)
        if sized and len(cast(Sequence[object], sequence)) * cast(int, count) > MAX_OUTPUT:
            raise _too_big(f"repeating {len(cast(Sequence[object], sequence))} items {count} times")
    elif operator == "+" and isinstance(left, str | list | tuple):
        if isinstance(right, str | list | tuple) and len(left) + len(right) > MAX_OUTPUT:
            raise _too_big(f"joining {len(left)} and {len(right)} items")
    elif operator == "%" and isinstance(left, str):
        _check_percent_format(left)


_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _check_percent_format(text: str) -> None:
    for width, precision in _PERCENT_SPEC.findall(text):
        _check_width(width, "a %-format width")
        _check_width(precision, "a %-format precision")


def _check_format_string(text: str) -> None:
    for _, field, spec, _ in string.Formatter().parse(text):
        if field is not None and spec:
            if "{" in spec:
                raise _too_big("a format width taken from an argument")
            for number in re.findall(r"\d+", spec):
                _check_width(number, "a format width")


def _check_width(number: str, what: str) -> None:
    if number == "*":
        raise _too_big(f"{what} taken from an argument")
    if number and int(number) > MAX_WIDTH:
        raise _too_big(f"{what} of {number}")


def _check_arguments(arguments: Sequence[object], what: str) -> None:
    for argument in arguments:
        if isinstance(argument, int) and abs(argument) > MAX_WIDTH:
            raise _too_big(f"{what} with {argument}")


_SIZED_FILTERS = ("center", "indent", "wordwrap", "truncate", "batch", "slice")
_SIZED_METHODS = ("center", "ljust", "rjust", "zfill", "expandtabs")


def _sandbox(folders: list[Path], *, autoescape: bool = False) -> Any:
    """jinja2's immutable sandbox, with arithmetic, widths and template paths checked."""
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    roots = [folder.resolve() for folder in folders]

    class ContainedLoader(jinja2.FileSystemLoader):
        def get_source(
            self, environment: jinja2.Environment, template: str
        ) -> tuple[str, str, Callable[[], bool]]:
            source, filename, uptodate = super().get_source(environment, template)
            real = Path(filename).resolve()
            if not any(real.is_relative_to(root) for root in roots):
                raise RoadmapError(
                    f"template {template}: {filename} leads outside the template folder "
                    f"(to {real}); templates must be files inside it"
                )
            return source, filename, uptodate

    class Sandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "//", "%", "+"})

        def getattr(self, obj: Any, attribute: str) -> Any:
            # Templates take plain dicts: ``card.id`` reads a key first, as ``card["id"]``
            # would (allowed in the sandbox alike), and skips the attribute probe that
            # costs a third of the board's rendering time.
            if type(obj) is dict and attribute in obj:
                return obj[attribute]
            return super().getattr(obj, attribute)

        def call_binop(
            self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
        ) -> Any:
            _check_binop(operator, left, right)
            return super().call_binop(context, operator, left, right)

        def call(
            __self,  # jinja2's own spelling, so that keywords named self pass through
            __context: jinja2.runtime.Context,
            __obj: Any,
            *args: Any,
            **kwargs: Any,
        ) -> Any:
            owner = getattr(__obj, "__self__", None)
            if isinstance(owner, str) and getattr(__obj, "__name__", "") in _SIZED_METHODS:
                _check_arguments([*args, *kwargs.values()], f"str.{__obj.__name__}")
            if isinstance(owner, str) and getattr(__obj, "__name__", "") == "replace":
                new = args[1] if len(args) > 1 else ""
                if isinstance(new, str) and len(new) * (len(owner) + 1) > MAX_OUTPUT:
                    raise _too_big("a str.replace that could grow past the output limit")
            return super().call(__context, __obj, *args, **kwargs)

        def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
            owner = getattr(value, "__self__", None)
            if isinstance(owner, str) and getattr(value, "__name__", "") == "format":
                _check_format_string(owner)
            return super().wrap_str_format(value)

    environment = Sandbox(
        loader=ContainedLoader([str(folder) for folder in folders]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=autoescape,
    )
    environment.globals.pop("lipsum", None)  # random text, sized by an argument: not data
    for filter_name in _SIZED_FILTERS:
        environment.filters[filter_name] = _sized(environment.filters[filter_name], filter_name)
    environment.filters["format"] = _checked_format(environment.filters["format"])
    return environment


def _sized(function: Callable[..., Any], name: str) -> Callable[..., Any]:
    @functools.wraps(function)  # keeps jinja2's pass_environment marks
    def sized(*args: Any, **kwargs: Any) -> Any:
        _check_arguments([*args[1:], *kwargs.values()], f"the {name} filter")
        return function(*args, **kwargs)

    return sized


def _checked_format(function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def checked(value: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(value, str):
            _check_percent_format(value)
        return function(value, *args, **kwargs)

    return checked
