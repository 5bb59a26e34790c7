"""roadmaplint: check and regenerate a ROADMAP.md kept as a database in markdown.

The public API is two functions on text; everything else is internal.
"""

from __future__ import annotations

__version__ = "0.1.0"

TYPE_CHECKING = False
if TYPE_CHECKING:
    from roadmaplint.findings import Finding
    from roadmaplint.generate.fix import FixResult
    from roadmaplint.settings import Settings


def check_text(
    text: str, path: str = "ROADMAP.md", settings: Settings | None = None
) -> list[Finding]:
    """The findings for a roadmap's text, sorted."""
    from roadmaplint.rules.engine import check_text as check

    return check(text, path, settings)


def fix_text(text: str, path: str = "ROADMAP.md", settings: Settings | None = None) -> FixResult:
    """The text with its generated sections regenerated, proven to change nothing else."""
    from roadmaplint.generate.fix import fix_text as fix

    return fix(text, path, settings)


__all__ = ["__version__", "check_text", "fix_text"]
