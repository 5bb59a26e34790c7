"""Keep the documentation true: README.md, docs/rules.md and docs/commands.md are partly generated.

A block that follows ``<!-- output: ARGS -->`` holds ``$ roadmaplint ARGS`` and what
that command prints when run in a fresh copy of examples/gomlx/. Blocks between
``<!-- generated: NAME -->`` and ``<!-- end: NAME -->`` are generated from the rule
registry and the typer app. ``python tests/readme.py`` rewrites them;
``tests/test_readme.py`` fails while they are stale.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
RULES_DOC = REPO / "docs" / "rules.md"
COMMANDS_DOC = REPO / "docs" / "commands.md"
DOCUMENTS = (README, RULES_DOC, COMMANDS_DOC)
OUTPUT = re.compile(r"<!-- output: (?P<args>.+?) -->\n```(?P<lang>\w*)\n(?P<body>.*?)```\n", re.S)
GENERATED = re.compile(
    r"<!-- generated: (?P<name>[\w-]+) -->\n(?P<body>.*?)<!-- end: (?P=name) -->\n", re.S
)


def run_in_example(args: str) -> str:
    """What ``roadmaplint ARGS`` prints (stdout then stderr) in a fresh copy of the example.

    ``@NAME ARGS`` runs in a copy of ``examples/NAME`` instead of ``examples/gomlx``.
    """
    from roadmaplint.cli import main

    example = "gomlx"
    if args.startswith("@"):
        example, args = args[1:].split(" ", 1)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / example
        shutil.copytree(REPO / "examples" / example, work)
        previous = Path.cwd()
        out, err = io.StringIO(), io.StringIO()
        saved = {key: os.environ.get(key) for key in ("COLUMNS", "NO_COLOR", "GITHUB_STEP_SUMMARY")}
        os.environ.update({"COLUMNS": "100", "NO_COLOR": "1"})
        os.environ.pop("GITHUB_STEP_SUMMARY", None)
        try:
            os.chdir(work)
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(shlex.split(args))
        finally:
            os.chdir(previous)
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    shown = out.getvalue() + err.getvalue()
    if code:
        shown += f"(exit {code})\n"
    return shown


def commands() -> dict[str, str]:
    """Each command of the typer app, in the order ``--help`` lists them, with its summary."""
    import typer

    from roadmaplint.cli import app

    group = typer.main.get_command(app)
    found = group.commands  # type: ignore[attr-defined]
    return {name: command.get_short_help_str(limit=200) for name, command in found.items()}


def commands_table(page: str) -> str:
    lines = ["| Command | What it does |", "| --- | --- |"]
    for name, summary in commands().items():
        lines.append(f"| [`{name}`]({page}#roadmaplint-{name}) | {summary} |")
    return "\n".join(lines) + "\n"


def commands_reference() -> str:
    parts = []
    for name, summary in commands().items():
        shown = f"$ roadmaplint {name} --help\n" + run_in_example(f"{name} --help")
        parts.append(f"## roadmaplint {name}\n\n{summary}\n\n```text\n{shown}```\n")
    return "\n".join(parts)


def generators() -> dict[str, Callable[[], str]]:
    from roadmaplint.rules import ALL_RULES
    from roadmaplint.rules.docs import rules_markdown_table, rules_reference

    return {
        "rules-table": lambda: rules_markdown_table(ALL_RULES),
        "rules-reference": lambda: rules_reference(ALL_RULES, level=2),
        "commands-table": lambda: commands_table("docs/commands.md"),
        "commands-index": lambda: commands_table(""),
        "commands-reference": commands_reference,
        "gomlx-graph": lambda: "```mermaid\n" + run_in_example("graph") + "```\n",
    }


def render(text: str) -> str:
    def output(match: re.Match[str]) -> str:
        args = match["args"]
        shown = args.split(" ", 1)[1] if args.startswith("@") else args
        body = f"$ roadmaplint {shown}\n" + run_in_example(args)
        return f"<!-- output: {args} -->\n```{match['lang']}\n{body}```\n"

    made = generators()

    def generated(match: re.Match[str]) -> str:
        name = match["name"]
        return f"<!-- generated: {name} -->\n{made[name]()}<!-- end: {name} -->\n"

    return GENERATED.sub(generated, OUTPUT.sub(output, text))


if __name__ == "__main__":
    for document in DOCUMENTS:
        current = document.read_text(encoding="utf-8")
        updated = render(current)
        if updated != current:
            document.write_text(updated, encoding="utf-8")
            print(f"{document.relative_to(REPO)} updated")
    sys.exit(0)
