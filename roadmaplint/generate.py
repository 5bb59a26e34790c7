"""Rendering generated sections from templates. The only module that imports jinja2.

Templates are data, not code: they render in jinja2's immutable sandbox with
undefined names as errors, their output is bounded in size, and their running
time is bounded by a timer, so a user template can neither reach outside the
records nor hang a commit hook.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from roadmaplint.errors import RoadmapError
from roadmaplint.model import Roadmap

MAX_OUTPUT = 8 * 1024 * 1024  # characters a generated section may have
TIME_LIMIT = 10.0  # seconds a template may render for


class _TooSlow(Exception):
    pass


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


def render(name: str, variables: Mapping[str, Any], configured: str | None = None) -> str:
    """Render template ``name`` with ``variables``; errors become one-line RoadmapErrors."""
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    folders = template_dirs(configured)
    if not folders:
        raise RoadmapError(f"no template folder found for {name}; reinstall roadmaplint")
    environment = ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in folders]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
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
    except jinja2.TemplateError as error:
        line = getattr(error, "lineno", None)
        where = f" line {line}" if line else ""
        message = " ".join(str(error.message or error).split())
        raise RoadmapError(f"template {name}{where}: {message}") from None
    return "".join(pieces)
