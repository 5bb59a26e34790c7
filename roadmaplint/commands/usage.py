"""Usage lines as a user reads them: ``roadmaplint new SECTION TITLE [PATH]``.

typer writes a required argument as ``{section}``, which reads like a template to fill
in with the braces; the usual convention is the upper-case name alone.
"""

from __future__ import annotations

import typer.core
from typer._click.core import Context

from roadmaplint.text import LazyPattern

_REQUIRED = LazyPattern(r"\{([^{}]+)\}")
_OPTIONAL = LazyPattern(r"\[([a-z_]+)\]")


def plain_usage(piece: str) -> str:
    """``{section}`` → ``SECTION``, ``[path]`` → ``[PATH]``; anything else unchanged."""
    piece = _REQUIRED.sub(lambda found: found[1].upper(), piece)
    return _OPTIONAL.sub(lambda found: f"[{found[1].upper()}]", piece)


class PlainUsage(typer.core.TyperCommand):
    """A command whose usage line names its arguments without braces."""

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        return [plain_usage(piece) for piece in super().collect_usage_pieces(ctx)]
