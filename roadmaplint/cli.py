"""The typer app: each command parses its options and calls one plain function.

``main`` runs the app without click's standalone mode, so every usage error
and every RoadmapError is one line on stderr with exit code 2, never a
traceback.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from roadmaplint import __version__
from roadmaplint.errors import RoadmapError

app = typer.Typer(
    name="roadmaplint",
    help="Check, regenerate and query a ROADMAP.md kept as a database in markdown.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class ListFormat(StrEnum):
    text = "text"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"roadmaplint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Check, regenerate and query a ROADMAP.md kept as a database in markdown.

    \b
    Examples:
      roadmaplint check                 # ./ROADMAP.md
      roadmaplint fix docs/ROADMAP.md   # regenerate the Priority Overview
      roadmaplint rule RL302            # what a rule checks and why
    """


Paths = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Roadmap files. Default: ROADMAP.md in the current folder.", show_default=False
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Read settings from this file instead of searching for one."),
]


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    """``--select RL3,RL501 --select RL1`` -> ("RL3", "RL501", "RL1")."""
    if values is None:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@app.command()
def check(
    paths: Paths = None,
    output_format: Annotated[
        ReportFormat,
        typer.Option("--format", "--output-format", help="Report format."),
    ] = ReportFormat.text,
    strict: Annotated[
        bool | None,
        typer.Option("--strict/--no-strict", help="Fail on warnings too.", show_default=False),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Only these rules: codes, names or prefixes, comma-separated."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(help="Skip these rules: codes, names or prefixes, comma-separated."),
    ] = None,
    config: ConfigOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print findings only.")] = False,
    statistics: Annotated[bool, typer.Option(help="Print a count per rule code.")] = False,
    exit_zero: Annotated[bool, typer.Option(help="Exit 0 even when findings fail.")] = False,
    output_file: Annotated[
        Path | None, typer.Option("--output-file", "-o", help="Write the report to a file.")
    ] = None,
) -> None:
    """Report problems in roadmap files.

    Exit codes: 0 clean (warnings allowed unless --strict), 1 findings that fail,
    2 the check could not run.

    \b
    Examples:
      roadmaplint check
      roadmaplint check docs/ROADMAP.md --strict
      roadmaplint check --format json --select RL3
      roadmaplint check --format sarif -o roadmaplint.sarif
    """
    from roadmaplint.commands.check import CheckOptions, run_check, wants_colour
    from roadmaplint.config import Overrides

    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    options = CheckOptions(
        format=output_format.value,
        config=config,
        overrides=Overrides(_split(select), _split(ignore), strict),
        colour=wants_colour(sys.stdout),
        quiet=quiet,
        statistics=statistics,
        exit_zero=exit_zero,
        output_file=output_file,
        step_summary=Path(summary) if summary else None,
    )
    raise typer.Exit(run_check(paths, options, sys.stdout, sys.stderr))


@app.command()
def fix(
    paths: Paths = None,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 if a file would change.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Write nothing; print a unified diff (exit 1 if any).")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Regenerate the Priority Overview (and other generated sections) in place.

    Only the generated section changes; the write is refused unless every other
    byte is unchanged and the file reads back as the same items.

    \b
    Examples:
      roadmaplint fix
      roadmaplint fix --diff docs/ROADMAP.md
      roadmaplint fix --check        # in CI: exit 1 if the overview is stale
    """
    from roadmaplint.commands.fix import FixOptions, run_fix

    raise typer.Exit(
        run_fix(paths, FixOptions(check=check, diff=diff, config=config), sys.stdout, sys.stderr)
    )


@app.command("rules")
def rules_command(
    output_format: Annotated[
        ListFormat, typer.Option("--format", "--output-format", help="Output format.")
    ] = ListFormat.text,
) -> None:
    """List every rule: code, name, severity, whether fix repairs it, summary.

    \b
    Examples:
      roadmaplint rules
      roadmaplint rules --format json
    """
    from roadmaplint.commands.rules import run_rules

    raise typer.Exit(run_rules(output_format.value, sys.stdout))


@app.command("rule")
def rule_command(
    code: Annotated[str, typer.Argument(help="A rule code (RL302) or name (dependency-cycle).")],
) -> None:
    """Explain one rule: what it checks, why, a failing example and its correction.

    \b
    Examples:
      roadmaplint rule RL302
      roadmaplint rule stale-overview
    """
    from roadmaplint.commands.rules import run_rule

    raise typer.Exit(run_rule(code, sys.stdout, sys.stderr))


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; never raises for the user's mistakes."""
    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name="roadmaplint", standalone_mode=False)
    except typer.TyperException as error:
        context = getattr(error, "ctx", None)
        if context is not None and error.__class__.__name__ == "NoArgsIsHelpError":
            sys.stderr.write(context.get_help() + "\n")
            return 2
        command_path = context.command_path if context is not None else "roadmaplint"
        sys.stderr.write(
            f"roadmaplint: error: {error.format_message()} (see {command_path} --help)\n"
        )
        return 2
    except typer.Exit as done:
        return done.exit_code
    except typer.Abort:
        sys.stderr.write("roadmaplint: aborted\n")
        return 130
    except RoadmapError as error:
        sys.stderr.write(f"roadmaplint: error: {error}\n")
        return error.exit_code
    except BrokenPipeError:
        return 1
    return result if isinstance(result, int) else 0
