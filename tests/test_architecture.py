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
        and family(source) not in {family(target), "roadmaplint.cli", "roadmaplint.__main__"}
        and not target.startswith(STARTERS.get(source, "-"))
    ]
    assert crossing == []


def test_imports_between_packages_flow_one_way() -> None:
    """No cycle among packages: each concern stands above what it uses."""
    graph = _graph()
    packages: nx.DiGraph[str] = nx.DiGraph()

    def package(name: str) -> str:
        parts = name.split(".")
        return ".".join(parts[:2])

    for source, target in graph.edges:
        if package(source) != package(target):
            packages.add_edge(package(source), package(target))
    assert list(nx.simple_cycles(packages)) == []


def test_only_the_write_package_writes_files() -> None:
    writers = {"write_text", "write_bytes", "replace", "rename", "unlink", "mkstemp"}
    found = []
    for name, tree in _modules().items():
        if name.startswith("roadmaplint.write"):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if called in writers and not (called == "replace" and not _is_os(func)):
                    found.append(f"{name}:{node.lineno} {called}")
                if called == "open" and any(
                    isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                    and set(arg.value) & set("wax+")
                    for arg in [
                        *node.args[1:2],
                        *(k.value for k in node.keywords if k.arg == "mode"),
                    ]
                ):
                    found.append(f"{name}:{node.lineno} open for writing")
    assert found == []


def _is_os(func: ast.expr) -> bool:
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id == "os"
    )
