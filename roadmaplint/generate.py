"""Rendering generated sections from templates. The only module that imports jinja2.

Templates are data, not code: they render in jinja2's sandbox with undefined
names as errors, and their output is bounded in size.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from roadmaplint.errors import RoadmapError

MAX_OUTPUT = 8 * 1024 * 1024  # characters a generated section may have


def template_dirs(configured: str | None = None) -> list[Path]:
    """Where templates are looked for: a configured folder, then the installed ones."""
    package = Path(__file__).resolve().parent
    found = [Path(configured)] if configured else []
    # Inside the wheel the templates sit in the package; in a checkout, beside it.
    found += [package / "templates", package.parent / "templates"]
    return [folder for folder in found if folder.is_dir()]


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
    try:
        template = environment.get_template(name)
        pieces: list[str] = []
        size = 0
        for piece in template.generate(**variables):
            size += len(piece)
            if size > MAX_OUTPUT:
                raise RoadmapError(f"template {name} produced more than {MAX_OUTPUT} characters")
            pieces.append(piece)
    except jinja2.TemplateError as error:
        line = getattr(error, "lineno", None)
        where = f" line {line}" if line else ""
        raise RoadmapError(f"template {name}{where}: {error.message or error}") from None
    return "".join(pieces)
