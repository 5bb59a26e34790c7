"""The console script's fast path for ``check``: what it imports, and that it answers
byte for byte as the typer command does for every option ``check --help`` lists."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path, PurePath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmaplint import __version__
from roadmaplint.entry import parse_check
from roadmaplint.text import LazyPattern, path_spelling
from tests.conftest import GOMLX, cli, installed_command, run_python

# Modules the check path used to load (typer and its click, what only a configuration
# file or a misspelt name needs, and dataclasses with its inspect, whose place records
# took: roadmaplint/record), typing (mypy's alone: PERF-12), the clock (claims and RL505
# only), and the shapes the seed does not hold, and must not load now.
NOT_FOR_CHECK = (
    "typer",
    "click",
    "typer._click",
    "tomllib",
    "difflib",
    "json",
    "networkx",
    "dataclasses",
    "inspect",
    "typing",
    "datetime",
    # a check carries its paths as strings (PERF-18): pathlib imported urllib.parse and
    # ipaddress for as_uri, 4 ms of every commit
    "pathlib",
    "urllib.parse",
    "ipaddress",
    "contextlib",  # three context managers are classes of a few lines (PERF-18)
    "roadmaplint.reader.shapes.table",  # a roadmap of headings has no table to read
    "roadmaplint.reader.shapes.taskfiles",
    # the guard's checks (RL601-RL608) compare two versions; check imports only their
    # records (rules/guard.py), which the registry needs to select and resolve codes
    "roadmaplint.history.guard",
    "roadmaplint.history.diff",
)

TYPER = "import sys; from roadmaplint.cli import main; sys.exit(main())"

# One or more invocations for each option `check --help` lists; the test below fails
# when an option is added to the command and not here.
INVOCATIONS: dict[str, list[list[str]]] = {
    "-f": [["-f", "ROADMAP.md"]],
    "--file": [["--file", "ROADMAP.md", "ROADMAP.md"], ["--file=ROADMAP.md"]],
    "--format": [["--format", "json"], ["--format=github"], ["--format", "xml"]],
    "--output-format": [["--output-format", "sarif"]],
    "--strict": [["--strict"]],
    "--no-strict": [["--no-strict", "--select", "RL5"]],
    "--select": [["--select", "RL4"], ["--select=RL5,RL401", "--select", "RL1"], ["--select"]],
    "--ignore": [["--ignore", "RL502, RL401"]],
    "--extend-select": [["--extend-select", "RL1"]],
    "--extend-ignore": [["--extend-ignore", "RL401", "--extend-ignore=RL502"]],
    "--config": [["--config", "empty.toml"], ["--config", "missing.toml"]],
    "-q": [["-q"]],
    "--quiet": [["--quiet", "--format", "json"]],
    "--statistics": [["--statistics"], ["--statistics", "--format", "sarif"]],
    "--no-statistics": [["--no-statistics"]],
    "--stdin-filename": [["-", "--stdin-filename", "docs/ROADMAP.md"]],
    "--exit-zero": [["--exit-zero"]],
    "--no-exit-zero": [["--no-exit-zero"]],
    "-o": [["-o", "report.txt"]],
    "--output-file": [["--output-file=report.txt", "--format", "json"]],
    "--since": [["--since", "HEAD"]],
    "-w": [],  # watches forever; it always goes to typer (asserted below)
    "--watch": [],
    "--explain": [["--explain"]],  # how a file was read: typer's, not the fast path's
    "-h": [["-h"]],
    "--help": [["--help"]],
}
MISTAKES = [["--bogus"], ["-qx"], ["--strict=yes"], ["--", "ROADMAP.md"], ["-o"], ["nowhere.md"]]


def _help_options() -> set[str]:
    shown = cli("check", "--help", cwd=Path.cwd()).stdout
    options: set[str] = set()
    for line in shown.splitlines():
        if line.lstrip().startswith("-"):
            head = re.split(r"\s{2,}| <| REV", line.strip())[0]
            options.update(re.findall(r"-[-\w]+", head))
    return options


def test_every_option_of_check_help_has_an_invocation() -> None:
    assert _help_options() == set(INVOCATIONS)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("entry")
    shutil.copyfile(GOMLX, folder / "ROADMAP.md")
    (folder / "empty.toml").write_text("", encoding="utf-8")
    return folder


def _answer(command: list[str], cwd: Path) -> tuple[int, str, str, str | None]:
    done = subprocess.run(
        command,
        cwd=cwd,
        input=GOMLX.read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )
    report = cwd / "report.txt"
    written = report.read_text(encoding="utf-8") if report.exists() else None
    report.unlink(missing_ok=True)
    return done.returncode, done.stdout, done.stderr, written


CASES = [args for runs in INVOCATIONS.values() for args in runs] + MISTAKES


@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_fast_path_answers_as_typer_does(project: Path, args: list[str]) -> None:
    fast = _answer([installed_command(), "check", *args], project)
    typer = _answer([sys.executable, "-c", TYPER, "check", *args], project)
    assert fast == typer
    assert fast[1] or fast[2] or fast[3]  # each case says something


@given(
    st.lists(st.sampled_from(["", "/", "//", ".", "..", "a", "b.md", " ", "\\", "é"]), max_size=8)
)
def test_a_path_is_spelt_as_pathlib_spells_it(parts: list[str]) -> None:
    """A check carries its paths as strings (PERF-18), and names them as typer's ``Path``
    did: in messages, findings, and which files count as the same one."""
    path = "".join(parts)
    assert path_spelling(path) == str(PurePath(path))


@pytest.fixture(scope="module")
def paths_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Files named every way a user or a hook names them."""
    folder = tmp_path_factory.mktemp("paths")
    shutil.copyfile(GOMLX, folder / "ROADMAP.md")
    (folder / "plans").mkdir()
    shutil.copyfile(GOMLX, folder / "plans" / "ROADMAP.md")
    shutil.copyfile(GOMLX, folder / "back\\slash.md")
    shutil.copyfile(GOMLX, folder / os.fsdecode(b"caf\xe9.md"))  # a name that is not UTF-8
    (folder / "empty.toml").write_text("", encoding="utf-8")
    (folder / "linked.md").symlink_to("plans/ROADMAP.md")
    (folder / "dangling.md").symlink_to("nowhere.md")
    (folder / "loop.md").symlink_to("loop.md")
    (folder / "tasks").mkdir()
    shutil.copyfile(GOMLX, folder / "tasks" / "x.md")  # a task folder's name, and no folder
    return folder


PATH_CASES: list[list[str | bytes]] = [
    ["./ROADMAP.md"],
    ["plans//ROADMAP.md"],
    ["./plans/./ROADMAP.md", "plans/ROADMAP.md", "-f", "plans/ROADMAP.md"],  # one file
    ["."],  # a folder: searched
    ["plans/", "ROADMAP.md"],
    ["linked.md", "plans/ROADMAP.md"],
    ["loop.md"],
    ["dangling.md"],
    ["missing/ROADMAP.md"],
    ["C:\\plans\\ROADMAP.md"],
    ["back\\slash.md", "--format", "json"],
    [b"caf\xe9.md", "--format", "github"],
    [b"nowhere\xff.md"],
    ["tasks/x.md"],
    ["--config", "./empty.toml", "ROADMAP.md"],
    ["--config=plans/../empty.toml", "plans/ROADMAP.md"],
    ["--config", "missing.toml"],
    ["--config", "plans"],
    ["-o", "./report.txt", "./ROADMAP.md"],
    ["-o", "ROADMAP.md", "./ROADMAP.md"],  # the input as the output: refused
    ["-", "--stdin-filename", "./plans//ROADMAP.md"],
]


@pytest.mark.parametrize("args", PATH_CASES, ids=lambda args: " ".join(map(repr, args)))
def test_paths_are_named_as_typer_names_them(paths_project: Path, args: list[str | bytes]) -> None:
    def answer(command: list[str | bytes]) -> tuple[int, bytes, bytes, bytes | None]:
        done = subprocess.run(
            command,
            cwd=paths_project,
            input=GOMLX.read_bytes(),
            capture_output=True,
            timeout=120,
            check=False,
            env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
        )
        report = paths_project / "report.txt"
        written = report.read_bytes() if report.exists() else None
        report.unlink(missing_ok=True)
        return done.returncode, done.stdout, done.stderr, written

    fast = answer([installed_command(), "check", *args])
    typer = answer([sys.executable, "-c", TYPER, "check", *args])
    assert fast == typer
    assert b"Traceback" not in fast[2]
    assert fast[0] in (0, 1, 2)


def test_the_common_invocations_take_the_fast_path() -> None:
    taken = [args for args in CASES if parse_check(["check", *args]) is not None]
    left = [args for args in CASES if args not in taken]
    assert left == [
        ["--format", "xml"],
        ["--select"],
        ["--explain"],
        ["-h"],
        ["--help"],
        *MISTAKES[:5],
    ]
    assert parse_check(["check", "--watch"]) is None
    assert parse_check(["check", "-w", "ROADMAP.md"]) is None


def test_check_on_the_seed_imports_neither_typer_nor_what_it_does_not_use(project: Path) -> None:
    done = run_python(
        "import sys\n"
        "from roadmaplint.entry import main\n"
        "code = main(['check', 'ROADMAP.md'])\n"
        f"loaded = [m for m in {NOT_FOR_CHECK!r} if m in sys.modules]\n"
        "sys.stderr.write(f'{code} {loaded}')\n",
        cwd=project,
    )
    assert "RL401" in done.stdout
    assert done.stderr.endswith("1 []"), done.stderr


def test_a_configured_check_imports_no_tomllib(tmp_path: Path) -> None:
    """A project configuring roadmaplint in its pyproject.toml (this repository's, here
    ignoring RL401) pays no tomllib, with its typing, string and datetime (PERF-19)."""
    shutil.copyfile(GOMLX, tmp_path / "ROADMAP.md")
    ours = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    configured = ours.replace("[tool.roadmaplint]\n", '[tool.roadmaplint]\nignore = ["RL401"]\n')
    assert configured != ours
    (tmp_path / "pyproject.toml").write_text(configured, encoding="utf-8")
    done = run_python(
        "import sys\n"
        "from roadmaplint.entry import main\n"
        "code = main(['check', 'ROADMAP.md'])\n"
        "heavy = ('tomllib', 'typing', 'string', 'datetime', 'pathlib')\n"
        "sys.stderr.write(f'{code} {[m for m in heavy if m in sys.modules]}')\n",
        cwd=tmp_path,
    )
    assert "RL401" not in done.stdout and "RL" in done.stdout  # the table was read
    assert done.stderr.endswith(" []"), done.stderr


def test_version_imports_no_parser(project: Path) -> None:
    done = run_python(
        "import sys\n"
        "from roadmaplint.entry import main\n"
        "code = main(['--version'])\n"
        "heavy = ('typer', 'markdown_it', 'dataclasses', 'inspect', 'roadmaplint.model', 'pathlib')\n"
        "sys.stderr.write(str(sorted(m for m in heavy if m in sys.modules)))\n",
        cwd=project,
    )
    assert done.stdout == f"roadmaplint {__version__}\n"
    assert done.stderr == "[]"


def _compiled_at_import(tree: ast.AST, in_function: bool = False) -> list[int]:
    """The lines where ``re.compile`` runs when the module is imported."""
    found = []
    for child in ast.iter_child_nodes(tree):
        inside = in_function or isinstance(
            child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
        )
        call = child.func if isinstance(child, ast.Call) else None
        if (
            not inside
            and isinstance(call, ast.Attribute)
            and isinstance(call.value, ast.Name)
            and (call.value.id, call.attr) == ("re", "compile")
        ):
            found.append(child.lineno)
        found += _compiled_at_import(child, inside)
    return found


def test_no_module_compiles_a_pattern_at_import() -> None:
    """A module's patterns are LazyPatterns: compiling the hundred of them at import cost
    a check more CPU than its reading and checking (PERF-9)."""
    package = Path(__file__).resolve().parent.parent / "roadmaplint"
    found = [
        f"{path.relative_to(package)}:{line}"
        for path in sorted(package.rglob("*.py"))
        for line in _compiled_at_import(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == []


def test_the_seed_check_leaves_most_patterns_uncompiled(project: Path) -> None:
    done = run_python(
        "import gc, sys\n"
        "from roadmaplint.entry import main\n"
        "from roadmaplint.text import LazyPattern\n"
        "code = main(['check', 'ROADMAP.md'])\n"
        "gc.unfreeze()  # the check froze what it read\n"
        "lazy = [p for p in gc.get_objects() if isinstance(p, LazyPattern)]\n"
        "used = sum(1 for p in lazy if p._compiled is not None)\n"
        "sys.stderr.write(f'{code} {used} {len(lazy)}')\n",
        cwd=project,
    )
    code, used, loaded = done.stderr.split()
    assert code == "1"
    assert 0 < int(used) < int(loaded) // 2, done.stderr


@pytest.mark.parametrize(
    ("method", "args"),
    [
        ("match", ("ab-12 cd-3",)),
        ("match", ("ab-12", 1)),
        ("fullmatch", ("ab-12",)),
        ("search", ("  cd-3 ", 1, 5)),
        ("findall", ("ab-12 cd-3",)),
        ("sub", (r"\2-\1", "ab-12 cd-3", 1)),
        ("split", ("x ab-12 y cd-3 z",)),
    ],
)
def test_a_lazy_pattern_answers_as_the_compiled_one(method: str, args: tuple[object, ...]) -> None:
    lazy = LazyPattern(r"([a-z]+)-(\d+)", re.ASCII)
    compiled = re.compile(r"([a-z]+)-(\d+)", re.ASCII)
    first = getattr(lazy, method)(*args)
    again = getattr(lazy, method)(*args)
    expected = getattr(compiled, method)(*args)
    if isinstance(expected, re.Match):
        assert (first.span(), first.groups()) == (expected.span(), expected.groups())
        assert (again.span(), again.groups()) == (expected.span(), expected.groups())
    else:
        assert first == again == expected


def test_a_lazy_pattern_compiles_once_and_then_calls_the_compiled_methods() -> None:
    lazy = LazyPattern(rb"\d+")
    assert lazy._compiled is None  # nothing compiled until the first use
    assert [m.group() for m in lazy.finditer(b"a1b22")] == [b"1", b"22"]
    compiled = lazy.compiled()
    assert compiled is lazy.compiled() and compiled.pattern == rb"\d+"
    assert lazy.match.__self__ is compiled  # the compiled method itself: no wrapper per use
    assert lazy.search.__self__ is compiled
