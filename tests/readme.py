"""Keep README.md true: its command outputs, rules table and rule reference are generated.

A block in the README that follows ``<!-- output: ARGS -->`` holds ``$ roadmaplint ARGS``
and what that command prints when run in a fresh copy of examples/gomlx/.
Blocks between ``<!-- generated: NAME -->`` and ``<!-- end: NAME -->`` are
generated from the rule registry. ``python tests/readme.py`` rewrites them;
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


def generators() -> dict[str, Callable[[], str]]:
    from roadmaplint.rules import ALL_RULES
    from roadmaplint.rules.docs import rules_markdown_table, rules_reference

    return {
        "rules-table": lambda: rules_markdown_table(ALL_RULES),
        "rules-reference": lambda: rules_reference(ALL_RULES),
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
    current = README.read_text(encoding="utf-8")
    updated = render(current)
    if updated != current:
        README.write_text(updated, encoding="utf-8")
        print("README.md updated")
    sys.exit(0)
