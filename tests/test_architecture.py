"""The shape of the house: packages by concern, imports that flow one way, one writer.

These read the source as text (``ast``), so they hold for code no test runs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parent.parent / "roadmaplint"
ADAPTERS = (
    "roadmaplint.cli",
    "roadmaplint.entry",
    "roadmaplint.__main__",
    "roadmaplint.commands",
    "roadmaplint.lsp",
    "roadmaplint.mcp",
)
# the commands that start an adapter of another kind: `server` starts the language server,
# `mcp` the MCP server; nothing else crosses from one adapter to another
STARTERS = {
    "roadmaplint.commands.server": "roadmaplint.lsp",
    "roadmaplint.commands.mcp": "roadmaplint.mcp",
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, ast.Module]:
    return {
        _module_name(path): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def _imports(tree: ast.Module, known: set[str]) -> set[str]:
    """The modules of ours a module imports, anywhere in it (lazy imports included)."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(name for name in names if name in known)
    return found


def _graph() -> nx.DiGraph[str]:
    modules = _modules()
    graph: nx.DiGraph[str] = nx.DiGraph()
    for name, tree in modules.items():
        graph.add_node(name)
        for target in _imports(tree, set(modules)):
            if target != name:
                graph.add_edge(name, target)
    return graph


def _is_adapter(name: str) -> bool:
    return any(name == a or name.startswith(a + ".") for a in ADAPTERS)


def test_at_most_twelve_modules_stand_at_the_top() -> None:
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(top) <= 12, top


def test_every_other_module_lives_in_a_package_named_for_its_concern() -> None:
    for path in PACKAGE.rglob("*.py"):
        folder = path.parent
        while folder != PACKAGE:
            assert (folder / "__init__.py").exists(), f"{folder} is not a package"
            folder = folder.parent


def test_the_core_never_imports_an_adapter() -> None:
    graph = _graph()
    wrong = [
        (source, target)
        for source, target in graph.edges
        if not _is_adapter(source) and _is_adapter(target)
    ]
    assert wrong == []


def test_no_adapter_imports_another() -> None:
    graph = _graph()

    def family(name: str) -> str:
        return next(a for a in ADAPTERS if name == a or name.startswith(a + "."))

    crossing = [
        (source, target)
        for source, target in graph.edges
        if _is_adapter(source)
        and _is_adapter(target)
        and family(source)
        not in {family(target), "roadmaplint.cli", "roadmaplint.entry", "roadmaplint.__main__"}
        and not target.startswith(STARTERS.get(source, "-"))
    ]
    assert crossing == []


def _package_graph() -> nx.DiGraph[str]:
    graph = _graph()
    packages: nx.DiGraph[str] = nx.DiGraph()

    def package(name: str) -> str:
        return ".".join(name.split(".")[:2])

    for source, target in graph.edges:
        if package(source) != package(target):
            packages.add_edge(package(source), package(target))
    return packages


def test_imports_between_packages_flow_one_way() -> None:
    """No cycle among packages: each concern stands above what it uses. A shape's read
    half is under reader/shapes and its write half under edit/, so the reader never
    reaches the writer."""
    assert list(nx.simple_cycles(_package_graph())) == []


def test_no_module_imports_one_that_imports_it_back() -> None:
    """No circle among modules, lazy imports included: a module stands above what it
    uses, so a reading can be moved or tested with what is below it alone. A package's
    ``__init__`` is left out: it gathers its modules' names for the packages above it,
    and those packages' edges are held by the test above. (A break pass's fix once let
    ``reader/shapes/numbered.py`` take a helper from ``reader/misses.py``, which reaches
    the box reader that imports ``numbered``: a circle of four modules.)"""
    modules = _modules()
    packages = {name for name in modules if (PACKAGE.parent / name.replace(".", "/")).is_dir()}
    graph = _graph().subgraph(name for name in modules if name not in packages)
    assert list(nx.simple_cycles(graph)) == []


OS_WRITERS = {"rename", "replace", "renames", "unlink", "remove", "truncate", "link", "symlink"}
PATH_WRITERS = {"write_text", "write_bytes", "rename", "replace", "unlink", "touch", "symlink_to"}
SHUTIL_WRITERS = {"copy", "copy2", "copyfile", "copytree", "move", "rmtree"}
TEMPORARY = {"mkstemp", "NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile"}


def test_only_the_write_package_writes_files() -> None:
    found = []
    for name, tree in _modules().items():
        if name.startswith("roadmaplint.write"):
            continue
        modules = _imported_modules(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _writes(node, modules):
                found.append(f"{name}:{node.lineno} {ast.unparse(node.func)}")
    assert found == []


def test_the_writer_check_tells_a_write_from_a_function_named_like_one() -> None:
    """The check above flags what writes, and not ``str.replace`` or a module's ``rename``."""
    source = """
import os
import shutil
from roadmaplint.lsp import features
from pathlib import Path
os.replace(a, b)
os.rename(a, b)
shutil.move(a, b)
Path(a).rename(b)
target.write_text(text)
open(a, "a")
open(a, mode="w")
Path(a).open("x")
tempfile.mkstemp()
NamedTemporaryFile()
features.rename(a, b)
text.replace("a", "b")
open(a)
open(a, "r")
Path(a).open()
os.open(a, os.O_RDONLY)
shutil.which("git")
"""
    tree = ast.parse(source)
    modules = _imported_modules(tree)
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    flagged = [ast.unparse(call) for call in calls if _writes(call, modules)]
    assert flagged == [
        "os.replace(a, b)",
        "os.rename(a, b)",
        "shutil.move(a, b)",
        "Path(a).rename(b)",
        "target.write_text(text)",
        "open(a, 'a')",
        "open(a, mode='w')",
        "Path(a).open('x')",
        "tempfile.mkstemp()",
        "NamedTemporaryFile()",
    ]


def _imported_modules(tree: ast.Module) -> set[str]:
    """The names a module binds to other modules (``import os``, ``from pkg import mod``)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                if _is_module(f"{node.module}.{alias.name}"):
                    names.add(alias.asname or alias.name)
    return names


def _is_module(dotted: str) -> bool:
    parts = dotted.split(".")
    if parts[0] != "roadmaplint":
        return dotted in {"os.path"}
    path = PACKAGE.parent.joinpath(*parts)
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _writes(call: ast.Call, modules: set[str]) -> bool:
    """Whether ``call`` writes, renames or removes a file.

    ``os.rename``-like functions count when called on ``os`` (and ``shutil``'s); a Path
    method (``rename``, ``replace``, ``unlink``...) when called on anything but a module,
    except ``replace``, which strings have too, so only on ``os``; ``write_text`` and
    ``write_bytes`` on anything; ``open`` with a mode that writes; the temporary-file makers.
    """
    func = call.func
    if isinstance(func, ast.Name):
        return func.id in TEMPORARY or (func.id == "open" and _writing_mode(call, 1))
    if not isinstance(func, ast.Attribute):
        return False
    receiver = func.value.id if isinstance(func.value, ast.Name) else None
    if receiver == "os":
        return func.attr in OS_WRITERS
    if receiver == "shutil":
        return func.attr in SHUTIL_WRITERS
    if func.attr in TEMPORARY:
        return True
    if func.attr == "open":
        return receiver not in modules and _writing_mode(call, 0)
    if func.attr == "replace" or receiver in modules:
        return False
    return func.attr in PATH_WRITERS


def _writing_mode(call: ast.Call, position: int) -> bool:
    """Whether ``open``'s mode (argument ``position`` or ``mode=``) writes."""
    modes = [
        *call.args[position : position + 1],
        *(k.value for k in call.keywords if k.arg == "mode"),
    ]
    return any(
        isinstance(mode, ast.Constant)
        and isinstance(mode.value, str)
        and bool(set(mode.value) & set("wax+"))
        for mode in modes
    )
