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
from typing import TYPE_CHECKING, Annotated

import typer

from roadmaplint import __version__
from roadmaplint.commands.common import say_error
from roadmaplint.commands.usage import PlainUsage
from roadmaplint.errors import RoadmapError

if TYPE_CHECKING:
    from roadmaplint.edit.base import FieldChange

INTERRUPTED = 130  # the shell's code for a run stopped by Ctrl-C

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


_WHERE = (
    "Default: ./ROADMAP.md if it exists, else the files the configuration's include "
    "globs match (**/ROADMAP.md) under the current folder; a folder is searched the same way."
)
Paths = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="PATHS...", help=f"Roadmap files or folders. {_WHERE}", show_default=False
    ),
]
FilesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--file",
        "-f",
        help="A roadmap file or folder, as the arguments (repeatable).",
        show_default=False,
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Read settings from this file instead of searching for one."),
]


def _paths(positional: list[Path] | None, files: list[Path] | None) -> list[Path] | None:
    """Roadmaps named as arguments and with -f are the same thing."""
    named = [*(positional or []), *(files or [])]
    return named or None


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    """``--select RL3,RL501 --select RL1`` -> ("RL3", "RL501", "RL1")."""
    if values is None:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@app.command(cls=PlainUsage)
def check(
    paths: Paths = None,
    files: FilesOption = None,
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
        typer.Option(
            help="Only these rules: codes, names or prefixes, comma-separated; replaces the "
            "configuration's select."
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            help="Skip these rules, comma-separated; replaces the configuration's ignore."
        ),
    ] = None,
    extend_select: Annotated[
        list[str] | None,
        typer.Option(help="Also run these rules, on top of the configuration's select."),
    ] = None,
    extend_ignore: Annotated[
        list[str] | None,
        typer.Option(help="Also skip these rules, on top of the configuration's ignore."),
    ] = None,
    config: ConfigOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print findings only.")] = False,
    statistics: Annotated[
        bool,
        typer.Option(
            help="Print a count per rule code instead of the findings (text or json format)."
        ),
    ] = False,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            help="The name for a roadmap read from standard input (the path -); its "
            "configuration applies."
        ),
    ] = None,
    exit_zero: Annotated[bool, typer.Option(help="Exit 0 even when findings fail.")] = False,
    output_file: Annotated[
        Path | None, typer.Option("--output-file", "-o", help="Write the report to a file.")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            metavar="REV",
            help="Only findings that are new since the roadmap at this git revision.",
        ),
    ] = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Print how each file was read (the shape of each part, its items and "
            "fields, every skipped range of lines with the reason, and the near misses) "
            "before its findings.",
        ),
    ] = False,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch",
            "-w",
            help="Check again whenever a roadmap or its settings change (the watch extra).",
        ),
    ] = False,
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
      roadmaplint check --extend-ignore RL305   # on top of the configured ignore
      roadmaplint check - --stdin-filename docs/ROADMAP.md < draft.md
      roadmaplint check --since origin/main   # only what this branch introduced
      roadmaplint check --watch
    """
    from roadmaplint.commands.check import CheckOptions, run_check, wants_colour
    from roadmaplint.config.load import Overrides

    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    options = CheckOptions(
        format=output_format.value,
        config=str(config) if config is not None else None,  # a check's paths are strings
        overrides=Overrides(
            _split(select),
            _split(ignore),
            strict,
            extend_select=_listed(extend_select),
            extend_ignore=_listed(extend_ignore),
        ),
        colour=wants_colour(sys.stdout),
        quiet=quiet,
        statistics=statistics,
        exit_zero=exit_zero,
        output_file=str(output_file) if output_file is not None else None,
        step_summary=str(Path(summary)) if summary else None,
        since=since,
        explain=explain,
        stdin=sys.stdin.buffer if sys.stdin is not None else None,
        stdin_filename=stdin_filename,
    )
    if watch:
        from roadmaplint.commands.watch import run_watch

        raise typer.Exit(run_watch(_paths(paths, files), options, sys.stdout, sys.stderr))
    named = _paths(paths, files)
    names = [str(path) for path in named] if named else None
    raise typer.Exit(run_check(names, options, sys.stdout, sys.stderr))


@app.command(cls=PlainUsage)
def fix(
    paths: Paths = None,
    files: FilesOption = None,
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
        run_fix(
            _paths(paths, files),
            FixOptions(check=check, diff=diff, config=config),
            sys.stdout,
            sys.stderr,
        )
    )


@app.command("rules", cls=PlainUsage)
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


@app.command("rule", cls=PlainUsage)
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


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class GraphFormat(StrEnum):
    mermaid = "mermaid"
    dot = "dot"
    json = "json"


class ExportFormat(StrEnum):
    json = "json"


OnePath = Annotated[
    Path | None,
    typer.Argument(
        help="The roadmap. Default: ROADMAP.md in the current folder.", show_default=False
    ),
]
OneFileOption = Annotated[
    Path | None,
    typer.Option("--file", "-f", help="The roadmap, as the argument.", show_default=False),
]
TextOrJson = Annotated[
    ListFormat, typer.Option("--format", "--output-format", help="Output format.")
]


def _one(path: Path | None) -> list[Path] | None:
    return [path] if path is not None else None


_ITEM_HELP = "The item's ID; PATH#ID names the roadmap too (docs/ROADMAP.md#GRAPH-1)."


def _listed(values: list[str] | None) -> tuple[str, ...]:
    return _split(values) or ()


def _filter(values: list[str] | None, option: str) -> tuple[str, ...]:
    """A filter's values as given (the query splits them at commas where a whole value is
    not one); an empty one (``--dri "$OWNER"`` with nothing in it) is refused, as leaving
    it out would list every item."""
    for value in values or ():
        if not value.replace(",", "").strip():
            hint = "; --dri unassigned lists the items nobody owns" if option == "--dri" else ""
            raise RoadmapError(
                f"{option} {value!r}: an empty value matches no item; "
                f"give a value or leave {option} out{hint}"
            )
    return tuple(value.strip() for value in values or ())


@app.command("list", cls=PlainUsage)
def list_command(
    paths: Paths = None,
    files: FilesOption = None,
    status: Annotated[
        list[str] | None, typer.Option(help="Only items with this status (repeatable).")
    ] = None,
    priority: Annotated[
        list[str] | None, typer.Option(help="Only items with this priority (repeatable).")
    ] = None,
    dri: Annotated[
        list[str] | None,
        typer.Option(
            help="Only items this person owns (repeatable); unassigned (or none, "
            "_unassigned_, any no-dri word) selects the items nobody owns."
        ),
    ] = None,
    section: Annotated[
        list[str] | None, typer.Option(help="Only items of this section (repeatable).")
    ] = None,
    depends_on: Annotated[
        list[str] | None,
        typer.Option("--depends-on", help="Only items that depend on this ID (repeatable)."),
    ] = None,
    sort: Annotated[
        str, typer.Option(help="document, id, title, status, priority, dri or section.")
    ] = "document",
    output_format: Annotated[
        TableFormat, typer.Option("--format", "--output-format", help="Output format.")
    ] = TableFormat.table,
    config: ConfigOption = None,
) -> None:
    """List items as a table, filtered and sorted.

    Values within one filter are alternatives; filters combine. A value matches
    as written or as its plain text (`ready` is ready, _unassigned_ is
    unassigned), ignoring case where the legend has one entry that matches
    (--status READY is ready; a legend with both Done and done is refused).
    An item is unassigned with no DRI, an empty one, or one of the no-dri words
    (default: unassigned, none, nobody, tbd, n/a, -, –, —, ?), as RL501 reads it.

    \b
    Examples:
      roadmaplint list --status ready --priority P0
      roadmaplint list --dri unassigned --status in_progress
      roadmaplint list --section Graph --sort priority
      roadmaplint list --depends-on GRAPH-1 --format json
    """
    from roadmaplint.commands.database import run_list
    from roadmaplint.database.query import Filters

    filters = Filters(
        _filter(status, "--status"),
        _filter(priority, "--priority"),
        _filter(dri, "--dri"),
        _filter(section, "--section"),
        _filter(depends_on, "--depends-on"),
    )
    raise typer.Exit(
        run_list(_paths(paths, files), filters, sort, output_format.value, config, sys.stdout)
    )


@app.command(cls=PlainUsage)
def show(
    item_id: Annotated[str, typer.Argument(metavar="ID", help=_ITEM_HELP)],
    paths: Paths = None,
    files: FilesOption = None,
    output_format: TextOrJson = ListFormat.text,
    config: ConfigOption = None,
) -> None:
    """Show one item: its fields, what it depends on and what depends on it.

    \b
    Examples:
      roadmaplint show MODEL-1
      roadmaplint show GRAPH-1 -f docs/ROADMAP.md --format json
    """
    from roadmaplint.api import locate
    from roadmaplint.commands.database import run_show

    path, item_id = locate(_paths(paths, files), item_id, config)
    raise typer.Exit(run_show(path, item_id, output_format.value, config, sys.stdout))


@app.command(cls=PlainUsage)
def export(
    paths: Paths = None,
    files: FilesOption = None,
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "--output-format", help="Output format.")
    ] = ExportFormat.json,
    config: ConfigOption = None,
) -> None:
    """Print the whole roadmap as JSON: legends, sections, items, fields, lines.

    The shape is described by roadmaplint/schemas/export.schema.json.

    \b
    Examples:
      roadmaplint export > roadmap.json
      roadmaplint export docs/ROADMAP.md --format json
    """
    from roadmaplint.commands.database import run_export

    del output_format  # JSON is the one format; the option is there for scripts that say so
    raise typer.Exit(run_export(_paths(paths, files), config, sys.stdout))


@app.command(cls=PlainUsage)
def stats(
    paths: Paths = None,
    files: FilesOption = None,
    output_format: TextOrJson = ListFormat.text,
    config: ConfigOption = None,
) -> None:
    """Count items by status and priority, and show progress per section.

    \b
    Examples:
      roadmaplint stats
      roadmaplint stats --format json
    """
    from roadmaplint.commands.database import run_stats

    raise typer.Exit(run_stats(_paths(paths, files), output_format.value, config, sys.stdout))


@app.command("next", cls=PlainUsage)
def next_command(
    paths: Paths = None,
    files: FilesOption = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Show at most this many items.")] = None,
    output_format: TextOrJson = ListFormat.text,
    config: ConfigOption = None,
) -> None:
    """What can start now: ready items whose dependencies are all done.

    Ordered by priority, then by how many open items each unblocks, then
    document order. Exit 1 when a dependency cycle makes planning impossible.

    \b
    Examples:
      roadmaplint next
      roadmaplint next --limit 3 --format json
    """
    from roadmaplint.commands.planning import run_next

    raise typer.Exit(run_next(_paths(paths, files), limit, output_format.value, config, sys.stdout))


@app.command("path", cls=PlainUsage)
def path_command(
    item_id: Annotated[str, typer.Argument(metavar="ID", help=_ITEM_HELP)],
    paths: Paths = None,
    files: FilesOption = None,
    output_format: TextOrJson = ListFormat.text,
    config: ConfigOption = None,
) -> None:
    """Everything that must be done before ID, in order, and its critical path.

    Dependencies that are not items of the roadmap are listed apart as external:
    free text (Go 1.26) as it is written, and another roadmap's item (PATH#ID)
    with its status when that file can be read. X -> Y: X must be done before Y.

    \b
    Examples:
      roadmaplint path MODEL-2
      roadmaplint path MODEL-2 --format json
    """
    from roadmaplint.api import locate
    from roadmaplint.commands.planning import run_path

    path, item_id = locate(_paths(paths, files), item_id, config)
    raise typer.Exit(run_path(path, item_id, output_format.value, config, sys.stdout))


@app.command(cls=PlainUsage)
def graph(
    paths: Paths = None,
    files: FilesOption = None,
    output_format: Annotated[
        GraphFormat, typer.Option("--format", "--output-format", help="Output format.")
    ] = GraphFormat.mermaid,
    focus: Annotated[
        str | None,
        typer.Option(help="Only this item, what it depends on and what depends on it."),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Draw the dependency graph as mermaid, Graphviz dot or JSON.

    \b
    Examples:
      roadmaplint graph > graph.mmd
      roadmaplint graph --format dot | dot -Tsvg > graph.svg
      roadmaplint graph --focus GRAPH-1
    """
    from roadmaplint.commands.planning import run_graph

    raise typer.Exit(
        run_graph(_paths(paths, files), output_format.value, focus, config, sys.stdout)
    )


@app.command(cls=PlainUsage)
def board(
    paths: Paths = None,
    files: FilesOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "--output-file", "-o", help="Write the page to this file. Default: stdout."
        ),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Write the roadmap as one self-contained HTML page: columns, filters, graph.

    No network at view time: styles and script are inline, so the page works
    from a file and on GitHub Pages.

    \b
    Examples:
      roadmaplint board -o roadmap.html
      roadmaplint board examples/gomlx/ROADMAP.md -o gomlx.html
    """
    from roadmaplint.commands.board import run_board

    raise typer.Exit(run_board(_paths(paths, files), output, config, sys.stdout))


def _changes(
    status: str | None, priority: str | None, dri: str | None, depends_on: str | None
) -> tuple[FieldChange, ...]:
    from roadmaplint.edit.base import FieldChange

    given = [("DRI", dri), ("Status", status), ("Priority", priority), ("Depends on", depends_on)]
    return tuple(FieldChange(name, value) for name, value in given if value is not None)


StatusOption = Annotated[str | None, typer.Option(help="A status from the Status Legend.")]
PriorityOption = Annotated[str | None, typer.Option(help="A priority from the Priority Legend.")]
DriOption = Annotated[str | None, typer.Option(help="Who owns the item.")]
DependsOption = Annotated[
    str | None,
    typer.Option("--depends-on", help="Comma-separated IDs or external names (all of them)."),
]
DryRunOption = Annotated[
    bool,
    typer.Option(
        "--dry-run", help="Write nothing; print the diff. Exit 1 if the file would change."
    ),
]


@app.command("set", cls=PlainUsage)
def set_command(
    item_id: Annotated[str, typer.Argument(metavar="ID", help=_ITEM_HELP)],
    paths: Paths = None,
    status: StatusOption = None,
    priority: PriorityOption = None,
    dri: DriOption = None,
    depends_on: DependsOption = None,
    add_dep: Annotated[
        list[str] | None,
        typer.Option("--add-dep", help="Add one dependency, keeping the others (repeatable)."),
    ] = None,
    remove_dep: Annotated[
        list[str] | None,
        typer.Option("--remove-dep", help="Remove one dependency (repeatable)."),
    ] = None,
    title: Annotated[str | None, typer.Option(help="A new title (the ID stays).")] = None,
    done_item: Annotated[
        list[str] | None,
        typer.Option(
            "--done-item",
            metavar="N",
            help="Tick a Definition of Done box, by number (1 = first) or text (repeatable).",
        ),
    ] = None,
    undone_item: Annotated[
        list[str] | None,
        typer.Option("--undone-item", metavar="N", help="Untick a Definition of Done box."),
    ] = None,
    files: FilesOption = None,
    dry_run: DryRunOption = False,
    config: ConfigOption = None,
) -> None:
    """Change an item in place, then regenerate the derived sections.

    Values are checked against the legends and the dependency graph (no unknown
    item, no new cycle) before anything is written. Each line is written the way
    the item already writes its fields; "No change" when it already reads so.

    \b
    Examples:
      roadmaplint set GRAPH-1 --status done
      roadmaplint set MODEL-3 --dri @ana --priority P0 --dry-run
      roadmaplint set BE-2 --depends-on "GRAPH-1, Go 1.26"
      roadmaplint set BE-2 --add-dep GRAPH-3 --remove-dep "Go 1.26"
      roadmaplint set BE-2 --done-item 1 --done-item "benchmarks"
    """
    from roadmaplint.api import locate
    from roadmaplint.commands.editing import run_set
    from roadmaplint.edit.base import ItemEdit

    edit = ItemEdit(
        fields=_changes(status, priority, dri, depends_on),
        add_deps=tuple(add_dep or ()),
        remove_deps=tuple(remove_dep or ()),
        title=title,
        tick=tuple(done_item or ()),
        untick=tuple(undone_item or ()),
    )
    file, item_id = locate(_paths(paths, files), item_id, config)
    raise typer.Exit(run_set(file, item_id, edit, dry_run, config, sys.stdout))


@app.command(cls=PlainUsage)
def new(
    section: Annotated[
        str,
        typer.Argument(
            help="The section (level-1 heading, or the heading over a list's rows, boxes "
            "or ID bullets: Todo) to add to."
        ),
    ],
    title: Annotated[str, typer.Argument(help="The new item's title.")],
    path: OnePath = None,
    status: StatusOption = None,
    priority: PriorityOption = None,
    dri: DriOption = None,
    depends_on: DependsOption = None,
    done: Annotated[
        list[str] | None, typer.Option("--done", help="A Definition of Done entry (repeatable).")
    ] = None,
    item_id: Annotated[
        str | None, typer.Option("--id", help="The new item's ID. Default: the next free one.")
    ] = None,
    create_section: Annotated[
        bool,
        typer.Option("--create-section", help="Add the section after the last one if missing."),
    ] = False,
    parent: Annotated[
        str | None,
        typer.Option(
            "--parent", help="A numbered task (Kiro's - [ ] 3.) to add a sub-task under (3.3)."
        ),
    ] = None,
    file: OneFileOption = None,
    dry_run: DryRunOption = False,
    config: ConfigOption = None,
) -> None:
    """Add an item at the end of a section, written like the items around it.

    Every required field is written; defaults are DRI _unassigned_, the lowest
    priority, and the first ready status with --done (the first blocked one
    while a dependency is not done; else the first idea status), so the new
    item passes check --strict. In a plan without legends or required-fields,
    only the fields its items write are filled in.

    \b
    Examples:
      roadmaplint new Graph "Shape Caching" --priority P1 --depends-on GRAPH-1 --done "cached"
      roadmaplint new Todo "Password reset" --dri bob   (- FEAT-4: Password reset @bob)
      roadmaplint new Backends "Metal Backend" --status idea --dry-run
      roadmaplint new Tooling "Release Script" --id TOOL-10 --create-section
      roadmaplint new tasks "Write docs" backlog --priority high   (a Backlog.md task file)
      roadmaplint new "Implementation Plan" "Add tests" tasks.md --parent 3   (Kiro: 3.3)
    """
    from roadmaplint.api import one_roadmap
    from roadmaplint.commands.editing import run_new
    from roadmaplint.edit.base import NewItem

    request = NewItem(
        section=section,
        title=title,
        fields=_changes(status, priority, dri, depends_on),
        done=tuple(done or ()),
        item_id=item_id,
        create_section=create_section,
        parent=parent,
    )
    target = one_roadmap(_paths(_one(path), _one(file)), config)
    raise typer.Exit(run_new(target, request, dry_run, config, sys.stdout))


@app.command(cls=PlainUsage)
def rename(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The ID to rename.")],
    new_id: Annotated[str, typer.Argument(metavar="NEW", help="The new ID; no item may have it.")],
    paths: Paths = None,
    files: FilesOption = None,
    dry_run: DryRunOption = False,
    config: ConfigOption = None,
) -> None:
    """Rename an item's ID: its heading, every Depends on naming it, the generated sections.

    The other roadmaps that name it as path#OLD are updated too: those the
    include globs find, looked for as the editor's rename does (the git work
    tree, never the home folder; at most 20,000 names or 2 seconds). Refused if
    NEW exists. Mentions in prose are left as written and listed.

    \b
    Examples:
      roadmaplint rename GRAPH-1 CORE-1
      roadmaplint rename GRAPH-1 CORE-1 --dry-run
    """
    from roadmaplint.api import locate
    from roadmaplint.commands.editing import run_rename

    file, old = locate(_paths(paths, files), old, config)
    raise typer.Exit(run_rename(file, old, new_id, dry_run, config, sys.stdout))


@app.command(cls=PlainUsage)
def init(
    path: OnePath = None,
    file: OneFileOption = None,
    title: Annotated[str, typer.Option(help="The roadmap's title.")] = "Roadmap",
    with_markdownlint_config: Annotated[
        bool,
        typer.Option(
            "--with-markdownlint-config",
            help="Also write .markdownlint-cli2.yaml and .rumdl.toml beside the roadmap: "
            "every default rule but MD013, MD025 and MD024 beyond siblings.",
        ),
    ] = False,
) -> None:
    """Configure the plan you have, or write a starter roadmap; never overwrites a file.

    Where a plan exists (the file named, or the roadmaps a plain check finds),
    writes .roadmaplint.toml: the configuration that reads it as it stands (its
    shape, statuses, fields, ID form and priorities), each value commented, and
    kept only when check then reads the same items with the same findings.
    Elsewhere writes a starter roadmap that passes check --strict. Refuses when
    a configuration exists.

    \b
    Examples:
      roadmaplint init                   # ROADMAP.md exists: configure it
      roadmaplint init TASKS.md          # configure the plan kept in TASKS.md
      roadmaplint init docs/ROADMAP.md --title "Acme Roadmap"
      roadmaplint init --with-markdownlint-config
    """
    from roadmaplint.commands.editing import run_init

    if path is not None and file is not None and path != file:
        raise RoadmapError(f"init writes one roadmap; name it once ({path} or -f {file})")
    raise typer.Exit(
        run_init(path or file, title, sys.stdout, with_linter_config=with_markdownlint_config)
    )


@app.command(cls=PlainUsage)
def server() -> None:
    """Run the language server over stdin and stdout, for editors.

    Diagnostics as you type, quick fixes, completion, go to definition,
    references, hover, rename, outline and folding. Needs the lsp extra:
    pip install 'pygls>=2.1,<3' 'lsprotocol>=2025.0', or install roadmaplint
    as 'roadmaplint[lsp] @ git+URL@COMMIT'. docs/editors.md shows how to set up
    VS Code, Neovim and Helix.

    \b
    Examples:
      roadmaplint server
    """
    from roadmaplint.commands.server import run_server

    raise typer.Exit(run_server(sys.stderr))


@app.command()
def guard(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[PATH]...", help="The roadmaps (default ROADMAP.md).", show_default=False
        ),
    ] = None,
    against: Annotated[
        str | None,
        typer.Option(
            "--against",
            help="Compare with this git revision (default HEAD; the index when edits are "
            "waiting on top of staged ones).",
        ),
    ] = None,
    against_file: Annotated[
        Path | None, typer.Option("--against-file", help="Compare with this older file.")
    ] = None,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "--output-format", help="Report format.")
    ] = ReportFormat.text,
    config: ConfigOption = None,
) -> None:
    """Report what an edit broke since an older version (RL601-RL608).

    Items removed without a rename, made done with open dependencies or unticked
    boxes, boxes and status that disagree, done items reopened, dependencies that
    now dangle, claims taken over, items no longer read because a structure broke.
    Exit 1 when something broke, like check.

    \b
    Examples:
      roadmaplint guard
      roadmaplint guard docs/ROADMAP.md --against origin/main
      roadmaplint guard --against-file ROADMAP.old.md --format json
    """
    from roadmaplint.commands.guard import run_guard

    if against is not None and against_file is not None:
        raise RoadmapError("give --against or --against-file, not both")
    raise typer.Exit(
        run_guard(paths, against, against_file, output_format.value, config, sys.stdout)
    )


@app.command("mcp")
def mcp_command(paths: Paths = None, files: FilesOption = None) -> None:
    """Run the MCP server over stdin and stdout, for coding agents.

    Tools to check, list, show and plan the roadmaps (found from the working
    directory, or named), to claim and release items, and to edit them through
    the same write gate as the CLI. Needs the mcp extra (pip install
    '.[mcp]' inside a clone). docs/agents.md shows how to set it up.

    \b
    Examples:
      roadmaplint mcp
      roadmaplint mcp ROADMAP.md
    """
    from roadmaplint.commands.mcp import run_mcp

    raise typer.Exit(run_mcp(_paths(paths, files), sys.stderr))


class ChangeFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


ChangeFormatOption = Annotated[
    ChangeFormat, typer.Option("--format", "--output-format", help="Output format.")
]


@app.command(cls=PlainUsage)
def diff(
    arguments: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[BASE [HEAD]] [PATH...]",
            help="Git revisions (BASE default HEAD, HEAD default the working tree), then "
            "roadmap files; or two files OLD.md NEW.md.",
            show_default=False,
        ),
    ] = None,
    files: FilesOption = None,
    output_format: ChangeFormatOption = ChangeFormat.text,
    config: ConfigOption = None,
) -> None:
    """Show what changed in the roadmap's records between two versions.

    Items added, removed and renamed; each changed field's old and new value;
    Definition of Done entries added, removed, ticked and unticked; legend
    entries and sections. Formatting that changes no value is no change.

    \b
    Examples:
      roadmaplint diff                       # the working tree against HEAD
      roadmaplint diff main HEAD ROADMAP.md  # what a branch changed
      roadmaplint diff OLD.md NEW.md --format json
      roadmaplint diff origin/main --format markdown >> "$GITHUB_STEP_SUMMARY"
    """
    from roadmaplint.commands.check import wants_colour
    from roadmaplint.commands.history import run_diff

    raise typer.Exit(
        run_diff(
            arguments or [],
            files or [],
            output_format.value,
            config,
            wants_colour(sys.stdout),
            sys.stdout,
        )
    )


@app.command(cls=PlainUsage)
def history(
    arguments: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[ID] [PATH]",
            help="One item (any ID it ever had) and the roadmap. Default: every item; "
            f"the roadmap as for check. {_WHERE}",
            show_default=False,
        ),
    ] = None,
    files: FilesOption = None,
    output_format: ChangeFormatOption = ChangeFormat.text,
    stats: Annotated[
        bool,
        typer.Option("--stats", help="Lead and cycle times of the items that reached done."),
    ] = False,
    chart: Annotated[
        Path | None,
        typer.Option("--chart", help="Write a burn-up chart (SVG) of the items over time."),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Each item's timeline from git: created, status, priority and DRI changes, renames.

    Follows the file through renames (git log --follow, first-parent line).

    \b
    Examples:
      roadmaplint history
      roadmaplint history BACKEND-2
      roadmaplint history --stats
      roadmaplint history --chart burnup.svg
    """
    from roadmaplint.commands.history import HistoryOptions, run_history

    options = HistoryOptions(format=output_format.value, stats=stats, chart=chart, config=config)
    raise typer.Exit(run_history(arguments or [], files or [], options, sys.stdout, sys.stderr))


def _usage_message(command: object, error: Exception) -> str:
    """The usage error's message; when an unknown option names a command (``check
    --fix`` is the common slip), that command instead of similar option names."""
    message: str = getattr(error, "format_message", lambda: str(error))()
    # typer vendors its own click: match the error by name, not by class.
    name = str(getattr(error, "option_name", "") or "").lstrip("-")
    commands = getattr(command, "commands", {})
    if type(error).__name__ == "NoSuchOption" and name and name in commands:
        plain = str(getattr(error, "message", message))
        return f"{plain} (did you mean `roadmaplint {name}`?)"
    return message


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; never raises for the user's mistakes."""
    from roadmaplint.commands.output import guarded_stdout

    command = typer.main.get_command(app)
    try:
        with guarded_stdout():
            result = command.main(args=argv, prog_name="roadmaplint", standalone_mode=False)
    except typer.TyperException as error:
        context = getattr(error, "ctx", None)
        if context is not None and error.__class__.__name__ == "NoArgsIsHelpError":
            sys.stderr.write(context.get_help() + "\n")
            return 2
        command_path = context.command_path if context is not None else "roadmaplint"
        sys.stderr.write(
            f"roadmaplint: error: {_usage_message(command, error)} (see {command_path} --help)\n"
        )
        return 2
    except typer.Exit as done:
        return done.exit_code
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("roadmaplint: interrupted\n")
        return INTERRUPTED
    except RoadmapError as error:
        say_error(sys.stderr, str(error))
        return error.exit_code
    except BrokenPipeError:
        return 1
    if result == INTERRUPTED:  # typer turns Ctrl-C into a silent exit code 130
        sys.stderr.write("roadmaplint: interrupted\n")
    return result if isinstance(result, int) else 0
