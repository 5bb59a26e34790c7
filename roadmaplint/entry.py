"""The console script: ``check`` and ``--version`` without loading typer.

A commit hook runs ``roadmaplint check`` on every commit, and importing typer (with
its click) cost more CPU than reading and checking a roadmap. This module
recognises the common ``check`` invocations (paths and the usual options, each
spelt exactly as ``check --help`` lists it) and calls the same
``commands.check.run_check`` the typer command calls. Anything else (help, a
mistake, an unknown or unusual option, ``--watch``) goes to ``cli.main``, so
typer's declarations stay the one definition of the CLI and its messages.
"""

from __future__ import annotations

import os
import sys

from roadmaplint.errors import RoadmapError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from roadmaplint.commands.check import CheckOptions

INTERRUPTED = 130  # the shell's code for a run stopped by Ctrl-C

# check's options as typer declares them: the spelling -> the parameter it sets.
_VALUED = {
    "-f": "files",
    "--file": "files",
    "--format": "format",
    "--output-format": "format",
    "--select": "select",
    "--ignore": "ignore",
    "--extend-select": "extend_select",
    "--extend-ignore": "extend_ignore",
    "--config": "config",
    "--stdin-filename": "stdin_filename",
    "-o": "output_file",
    "--output-file": "output_file",
    "--since": "since",
}
_REPEATED = frozenset({"files", "select", "ignore", "extend_select", "extend_ignore"})
_FLAGS = {
    "--strict": ("strict", True),
    "--no-strict": ("strict", False),
    "-q": ("quiet", True),
    "--quiet": ("quiet", True),
    "--statistics": ("statistics", True),
    "--no-statistics": ("statistics", False),
    "--exit-zero": ("exit_zero", True),
    "--no-exit-zero": ("exit_zero", False),
}
_FORMATS = frozenset({"text", "json", "github", "sarif"})

Parsed = dict[str, "str | bool | list[str]"]


def parse_check(args: list[str]) -> Parsed | None:
    """check's parameters from its arguments, or None when typer should parse them."""
    if not args or args[0] != "check":
        return None
    parsed: Parsed = {}
    paths: list[str] = []
    rest = iter(args[1:])
    for arg in rest:
        if arg == "-" or (arg and not arg.startswith("-")):
            paths.append(arg)
            continue
        name, equals, value = arg.partition("=")
        if name in _FLAGS and not equals:
            key, flag = _FLAGS[name]
            parsed[key] = flag
            continue
        if name not in _VALUED or (equals and not name.startswith("--")):
            return None  # unknown, --help, --watch, "--", "-qf x": typer's to parse or refuse
        if not equals:
            value = next(rest, "")
        if not value or value.startswith("-"):
            return None  # a missing or dash-led value: typer's message
        key = _VALUED[name]
        if key in _REPEATED:
            listed = parsed.setdefault(key, [])
            assert isinstance(listed, list)
            listed.append(value)
        else:
            parsed[key] = value
    if parsed.get("format", "text") not in _FORMATS:
        return None
    parsed["paths"] = paths
    return parsed


def _options(parsed: Parsed) -> CheckOptions:
    """The same CheckOptions that ``cli.check`` builds from the same parameters."""
    from roadmaplint.commands.check import CheckOptions, wants_colour
    from roadmaplint.config.load import Overrides
    from roadmaplint.text import path_spelling

    def listed(key: str) -> tuple[str, ...] | None:
        values = parsed.get(key)
        if values is None:
            return None
        assert isinstance(values, list)
        return tuple(p.strip() for v in values for p in v.split(",") if p.strip())

    def text(key: str) -> str | None:
        value = parsed.get(key)
        return value if isinstance(value, str) else None

    strict = parsed.get("strict")
    config = text("config")
    output_file = text("output_file")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    return CheckOptions(
        format=text("format") or "text",
        config=path_spelling(config) if config is not None else None,
        overrides=Overrides(
            listed("select"),
            listed("ignore"),
            strict if isinstance(strict, bool) else None,
            extend_select=listed("extend_select") or (),
            extend_ignore=listed("extend_ignore") or (),
        ),
        colour=wants_colour(sys.stdout),
        quiet=parsed.get("quiet") is True,
        statistics=parsed.get("statistics") is True,
        exit_zero=parsed.get("exit_zero") is True,
        output_file=path_spelling(output_file) if output_file is not None else None,
        step_summary=path_spelling(summary) if summary else None,
        since=text("since"),
        stdin=sys.stdin.buffer if sys.stdin is not None else None,
        stdin_filename=text("stdin_filename"),
    )


def _run_check(parsed: Parsed) -> int:
    from roadmaplint.commands.check import run_check
    from roadmaplint.text import path_spelling

    named = [*parsed["paths"], *parsed.get("files", [])]  # type: ignore[misc]
    # spelt as typer's Path spells them, without importing pathlib (PERF-18)
    paths = [path_spelling(p) for p in named] or None
    return run_check(paths, _options(parsed), sys.stdout, sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code, through typer unless the fast path applies."""
    args = sys.argv[1:] if argv is None else argv
    parsed = parse_check(args)
    if parsed is None and args != ["--version"]:
        from roadmaplint.cli import main as full

        return full(argv)
    from roadmaplint.commands.output import guarded_stdout

    try:
        with guarded_stdout():
            if parsed is None:
                from roadmaplint import __version__

                sys.stdout.write(f"roadmaplint {__version__}\n")
                return 0
            result = _run_check(parsed)
    except KeyboardInterrupt:
        sys.stderr.write("roadmaplint: interrupted\n")
        return INTERRUPTED
    except RoadmapError as error:
        from roadmaplint.commands.common import say_error

        say_error(sys.stderr, str(error))
        return error.exit_code
    except BrokenPipeError:
        return 1
    if result == INTERRUPTED:
        sys.stderr.write("roadmaplint: interrupted\n")
    return result
