"""Rendering generated sections from templates (jinja2 is imported here and in sandbox).

Templates are data, not code: they render in the sandbox of ``roadmaplint.generate.sandbox``,
with undefined names as errors, where every value a template builds is bounded before
it is built and the CPU time is bounded, so a user template can neither reach outside
the records nor exhaust the machine or hang a commit hook; a wall-clock timer is the
last guard. Every template path is resolved and must stay inside its template folder,
symlinks included. Any error is one line naming the template file and line.
"""

from __future__ import annotations

import gc
import signal
import threading
import traceback
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from roadmaplint.errors import RoadmapError
from roadmaplint.generate.sandbox import KeysFirst, Limits, sandbox, template_calling
from roadmaplint.model import Roadmap
from roadmaplint.text import without_cyclic_gc

TIME_LIMIT = 10.0  # seconds of wall clock a template may render for (CPU time: sandbox)


class _TooSlow(Exception):
    """The template ran out of time."""


def template_dirs(configured: str | None = None) -> list[Path]:
    """Where templates are looked for: a configured folder, then the installed ones."""
    package = Path(__file__).resolve().parent
    found = [Path(configured)] if configured else []
    found.append(package / "templates")
    return [folder for folder in found if folder.is_dir()]


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise _TooSlow in this thread after ``seconds`` (a no-op off the main thread or for None)."""
    if seconds is None or threading.current_thread() is not threading.main_thread():
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
    limits: Limits | None = None,
    trust_packaged: bool = False,
) -> str:
    """Render template ``name`` with ``variables``; errors become one-line RoadmapErrors.

    ``autoescape`` is for HTML templates: every value is escaped unless marked safe.
    ``limits``: a page sized by the roadmap sets its own; user templates keep the defaults.
    ``trust_packaged``: when no configured folder has ``name``, the template is the one
    installed with roadmaplint, code we wrote rather than data, and it renders without
    the sandbox (see ``_packaged_environment``); a user's template is always sandboxed.
    """
    import jinja2

    folders = template_dirs(configured)
    if not folders:
        raise RoadmapError(f"no template folder found for {name}; reinstall roadmaplint")
    limits = limits or Limits(wall=TIME_LIMIT)
    packaged = trust_packaged and not _configured_has(name, configured)
    pieces: list[str] = []
    size = 0
    try:
        with _time_limit(limits.wall), _collecting(not packaged):
            if packaged:
                environment = _packaged_environment(autoescape)
            else:
                environment = sandbox(folders, autoescape=autoescape, limits=limits)
            template = environment.get_template(name)
            for piece in template.generate(**variables):
                size += len(piece)
                if size > limits.output:
                    raise RoadmapError(
                        f"template {name} produced more than {limits.output} characters"
                    )
                pieces.append(piece)
    except _TooSlow as error:
        shown, line = _where(error, folders, name)
        where = f" line {line}" if line else ""
        raise RoadmapError(
            f"template {shown}{where}: ran for more than {limits.wall:g} s; "
            "does it loop without end?"
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


def _configured_has(name: str, configured: str | None) -> bool:
    """Whether the configured template folder holds ``name`` (so it replaces ours)."""
    from jinja2.loaders import split_template_path

    if configured is None:
        return False
    try:
        return Path(configured, *split_template_path(name)).exists()
    except Exception:  # a name jinja2 refuses: the sandboxed path says why, in one line
        return True


def _packaged_environment(autoescape: bool) -> Any:
    """jinja2 without the sandbox, for a template installed with roadmaplint.

    The sandbox guards against a template: one a user wrote may call anything, build
    values of any size, loop without end. Ours does none of that, and what it outputs
    grows with the roadmap it is given, which ``render`` still bounds piece by piece.
    Names read keys of plain dicts first, as in the sandbox (``KeysFirst``), so a
    template renders alike in both. Its folder is the package's alone: an include
    cannot reach a user's file. Each ``{{ }}`` of a str is escaped to the same text
    markupsafe gives (see ``_escaped``).
    """
    import jinja2

    class Packaged(KeysFirst, jinja2.Environment):
        template_class = template_calling({"escape": _escaped})

    return Packaged(
        loader=jinja2.FileSystemLoader(str(template_dirs()[-1])),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=autoescape,
    )


def _escaped(value: Any) -> Any:
    """markupsafe's ``escape`` as text: the same characters, in C calls only for a str.

    ``escape`` makes a ``Markup`` of each of the board's two million outputs through two
    Python calls (a fifth of its rendering at 50,000 items). The installed templates
    only join what they output (no ``~``, macro, ``{% set %}`` block or ``|safe`` that
    would tell escaped text from plain), so a plain str of the same characters serves.
    """
    if type(value) is str:
        return (
            value.replace("&", "&amp;")
            .replace(">", "&gt;")
            .replace("<", "&lt;")
            .replace("'", "&#39;")
            .replace('"', "&#34;")
        )
    if type(value) is int or type(value) is float:  # coordinates, counts: nothing to escape
        return str(value)
    from markupsafe import escape

    return escape(value)


@contextmanager
def _collecting(wanted: bool = True) -> Iterator[None]:
    """The cyclic garbage collector on while a template runs: the command may have turned
    it off while it read records, which make no cycles, but a template may make them in
    every step of a loop (a namespace holding itself: 130 MB in 0.7 s, never freed, and
    as much again for each roadmap a run renders). What was read before is frozen, so
    the collector does not scan the records once more. A packaged template makes no
    such cycles (``wanted`` false): the collector stays off while it runs, where it
    cost 40% of the board's rendering at 50,000 items."""
    if not wanted:
        with without_cyclic_gc():
            yield
        return
    if gc.isenabled():
        yield
        return
    gc.freeze()
    gc.enable()
    try:
        yield
    finally:
        gc.disable()


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
