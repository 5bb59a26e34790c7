"""Prove a module's split is a pure move: each top-level statement of the old module (its
imports and docstring aside) stands, with the same syntax tree, in exactly one new
module, and the new modules define no other top-level names.

    git show main:roadmaplint/reader/outline.py > old.py
    python tests/pure_move.py old.py roadmaplint/reader/outline*.py
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def _statements(path: Path) -> dict[tuple[str, ...], str]:
    found: dict[tuple[str, ...], str] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import | ast.ImportFrom | ast.If | ast.Expr):
            continue  # imports, the TYPE_CHECKING block and the docstring
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names: tuple[str, ...] = (node.name,)
        else:
            assert isinstance(node, ast.Assign | ast.AnnAssign), ast.dump(node)
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            names = tuple(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
        if names == ("TYPE_CHECKING",):
            continue
        assert names not in found, names
        found[names] = ast.dump(node)
    return found


def main(old: str, *new: str) -> int:
    before = _statements(Path(old))
    after: dict[tuple[str, ...], str] = {}
    for path in new:
        for names, dump in _statements(Path(path)).items():
            assert names not in after, f"{names} defined twice"
            after[names] = dump
    assert set(before) == set(after), set(before) ^ set(after)
    changed = [names for names in before if before[names] != after[names]]
    assert not changed, changed
    print(f"{len(before)} statements moved, every one the same syntax tree")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
