"""The dependency graph as a picture: mermaid, Graphviz dot, or JSON.

Arrows point from a dependency to the item that waits for it, so the picture
reads in the order work can happen. Pure functions over records; mermaid text
is built here (not in a template) so that ``check`` can compare a generated
section without loading jinja2.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from roadmaplint.model import Item, Roadmap
from roadmaplint.record import record
from roadmaplint.settings import Statuses
from roadmaplint.text import LazyPattern

MEANINGS = ("done", "in_progress", "blocked", "ready", "idea")
_STYLES = {
    "done": ("fill:#d3f9d8,stroke:#2b8a3e", "#d3f9d8"),
    "in_progress": ("fill:#fff3bf,stroke:#e67700", "#fff3bf"),
    "blocked": ("fill:#ffe3e3,stroke:#c92a2a", "#ffe3e3"),
    "ready": ("fill:#d0ebff,stroke:#1864ab", "#d0ebff"),
    "idea": ("fill:#f1f3f5,stroke:#868e96,stroke-dasharray:3 3", "#f1f3f5"),
    "external": ("fill:#ffffff,stroke:#495057,stroke-dasharray:5 5", "#ffffff"),
}


@record
class Node:
    key: str  # unique: the item ID, or "external:NAME"
    label: str
    kind: str  # "item" or "external"
    section: str | None
    status: str | None
    meaning: str | None  # one of MEANINGS, for styling


@record
class View:
    nodes: tuple[Node, ...]
    edges: tuple[tuple[str, str], ...]  # (dependency, dependent), by node key


def meaning_of(status: str | None, statuses: Statuses) -> str | None:
    for meaning in MEANINGS:
        if status in getattr(statuses, meaning):
            return meaning
    return None


def build_view(
    roadmap: Roadmap,
    items_by_id: Mapping[str, Item],
    statuses: Statuses,
    keep: Iterable[str] | None = None,
) -> View:
    """The graph of ``items_by_id``, limited to the IDs in ``keep`` when given."""
    wanted = set(keep) if keep is not None else set(items_by_id)
    nodes = [
        Node(
            item.id,
            f"{item.id}: {item.title}",
            "item",
            item.section,
            item.status,
            meaning_of(item.status, statuses),
        )
        for item in items_by_id.values()
        if item.id in wanted
    ]
    edges: list[tuple[str, str]] = []
    externals: dict[str, Node] = {}
    for item in items_by_id.values():
        if item.id not in wanted:
            continue
        for dependency in dict.fromkeys(item.depends_on):
            if dependency in wanted and dependency in items_by_id and dependency != item.id:
                edges.append((dependency, item.id))
        for external in dict.fromkeys(item.external_deps):
            key = f"external:{external}"
            externals.setdefault(key, Node(key, external, "external", None, None, "external"))
            edges.append((key, item.id))
    return View(tuple(nodes) + tuple(externals.values()), tuple(edges))


def combine(parts: Sequence[tuple[str, View]], resolve: Callable[[str, str], str | None]) -> View:
    """Several roadmaps' views as one picture.

    Item keys become ``path#ID`` and sections ``path: Section``, so equal IDs of
    different files stay apart. ``resolve(path, name)`` gives the ``path#ID`` key
    that an external dependency of ``path`` names (``other/ROADMAP.md#X``), if that
    item is drawn: such a dependency becomes an edge between the two items.
    """
    nodes: dict[str, Node] = {}
    edges: list[tuple[str, str]] = []
    for path, view in parts:
        for node in view.nodes:
            if node.kind == "item":
                section = f"{path}: {node.section}" if node.section else path
                key = f"{path}#{node.key}"
                nodes[key] = Node(key, node.label, "item", section, node.status, node.meaning)
    for path, view in parts:
        externals = {node.key: node for node in view.nodes if node.kind == "external"}
        for source, target in view.edges:
            if source in externals:
                named = resolve(path, externals[source].label)
                if named in nodes:
                    edges.append((named, f"{path}#{target}"))
                    continue
                nodes.setdefault(source, externals[source])
                edges.append((source, f"{path}#{target}"))
            else:
                edges.append((f"{path}#{source}", f"{path}#{target}"))
    items = [node for node in nodes.values() if node.kind == "item"]
    return View(
        tuple(items) + tuple(node for node in nodes.values() if node.kind != "item"),
        tuple(dict.fromkeys(edges)),
    )


def _mermaid_ids(view: View) -> dict[str, str]:
    ids: dict[str, str] = {}
    used: set[str] = set()
    for number, node in enumerate(view.nodes):
        base = re.sub(r"\W", "_", node.key.removeprefix("external:"), flags=re.ASCII)
        base = ("x_" if node.kind == "external" else "") + (base or f"n{number}")
        candidate = base
        while candidate in used:
            candidate = f"{base}_{number}"
        used.add(candidate)
        ids[node.key] = candidate
    return ids


def _by_section(view: View) -> dict[str | None, list[Node]]:
    """Nodes grouped by section, sections in document order; externals under None."""
    sections: dict[str | None, list[Node]] = {}
    for node in view.nodes:
        sections.setdefault(node.section, []).append(node)
    return sections


# Inside a quoted label mermaid still reads ``#name;`` as an entity, strips ``<...>``,
# applies markdown emphasis and backticks, and lets a colour-like ``#f00;`` swallow the
# ``;``. Writing each such character as a numeric entity shows it as written.
_MERMAID_ESCAPES = str.maketrans(
    {character: f"#{ord(character)};" for character in '#;&<>"`*_\\'} | {"\r": " ", "\n": " "}
)
# Control characters (ESC moves a terminal's cursor and colours), line separators and
# direction overrides (which turn the rest of a line around) are no part of a label: a
# title holding them printed them raw from `graph`, in both formats.
_UNSHOWN = str.maketrans(
    {code: " " for code in (*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029)}
    | {code: None for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
)


def _mermaid_label(text: str) -> str:
    return text.translate(_UNSHOWN).translate(_MERMAID_ESCAPES)


def mermaid(view: View) -> str:
    ids = _mermaid_ids(view)
    lines = ["flowchart LR"]
    for number, (section, members) in enumerate(_by_section(view).items()):
        indent = "  "
        if section is not None:
            lines.append(f'  subgraph s{number}["{_mermaid_label(section)}"]')
            indent = "    "
        for node in members:
            label = _mermaid_label(node.label)
            shape = f'(["{label}"])' if node.kind == "external" else f'["{label}"]'
            lines.append(f"{indent}{ids[node.key]}{shape}")
        if section is not None:
            lines.append("  end")
    for source, target in view.edges:
        arrow = "-.->" if source.startswith("external:") else "-->"
        lines.append(f"  {ids[source]} {arrow} {ids[target]}")
    for meaning in (*MEANINGS, "external"):
        styled = [ids[node.key] for node in view.nodes if node.meaning == meaning]
        if styled:
            lines.append(f"  classDef {meaning} {_STYLES[meaning][0]}")
            lines.append(f"  class {','.join(styled)} {meaning}")
    return "\n".join(lines) + "\n"


DOT_WIDTH = 30  # characters per line of a node label in dot


def _dot_escape(text: str) -> str:
    return text.translate(_UNSHOWN).replace("\\", "\\\\").replace('"', '\\"')


def _dot_string(text: str) -> str:
    return f'"{_dot_escape(text)}"'


def _dot_label(text: str) -> str:
    """A label wrapped at word boundaries; ``\\n`` is dot's centred line break."""
    import textwrap

    lines = textwrap.wrap(" ".join(text.split()), DOT_WIDTH, break_on_hyphens=False) or [""]
    return '"' + "\\n".join(_dot_escape(line) for line in lines) + '"'


def dot(view: View) -> str:
    lines = [
        "digraph roadmap {",
        "  rankdir=LR;",
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff"];',
    ]
    for number, (section, members) in enumerate(_by_section(view).items()):
        indent = "  "
        if section is not None:
            lines.append(f"  subgraph cluster_{number} {{")
            lines.append(f"    label={_dot_string(section)};")
            indent = "    "
        for node in members:
            attributes = [f"label={_dot_label(node.label)}"]
            if node.meaning is not None:
                attributes.append(f'fillcolor="{_STYLES[node.meaning][1]}"')
            if node.kind == "external":
                attributes.append('shape=ellipse, style="dashed,filled"')
            if node.meaning == "idea":
                attributes.append('style="rounded,dashed,filled"')
            lines.append(f"{indent}{_dot_string(node.key)} [{', '.join(attributes)}];")
        if section is not None:
            lines.append("  }")
    for source, target in view.edges:
        style = " [style=dashed]" if source.startswith("external:") else ""
        lines.append(f"  {_dot_string(source)} -> {_dot_string(target)}{style};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def as_json(view: View) -> str:
    document = {
        "nodes": [
            {
                "id": node.key,
                "label": node.label,
                "kind": node.kind,
                "section": node.section,
                "status": node.status,
            }
            for node in view.nodes
        ],
        "edges": [{"from": source, "to": target} for source, target in view.edges],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def expected_graph(roadmap: Roadmap, items_by_id: Mapping[str, Item], statuses: Statuses) -> str:
    """The mermaid source a generated Dependency Graph section should hold."""
    return mermaid(build_view(roadmap, items_by_id, statuses))


_CLASS_LINE = LazyPattern(r"\s*(?:classDef|class)\s")
_CLASS_USE = LazyPattern(r"\s*class\s+(?P<nodes>\S+)\s+(?P<meaning>\w+)\s*")
_NODE_LINE = LazyPattern(r'\s*(?P<node>\w+)(?:\["|\(\[")(?P<label>[^"]*)"')


def without_colours(code: str) -> str:
    """A mermaid picture with its status colours (``classDef`` and ``class`` lines) left
    out: what tells a change of dependencies from a change of statuses."""
    return "".join(line for line in code.splitlines(keepends=True) if not _CLASS_LINE.match(line))


def what_changed(written: str, expected: str) -> list[str]:
    """What differs between two pictures, colours aside, in the items' words: their
    "dependencies", "titles" (a node's label: an item added, removed or retitled) and
    "sections" (the subgraphs)."""
    old = set(without_colours(written).splitlines())
    new = set(without_colours(expected).splitlines())
    kinds = set()
    for line in old ^ new:
        stripped = line.strip()
        if "-->" in stripped or "-.->" in stripped or '(["' in stripped:
            kinds.add("dependencies")  # an arrow, or an external dependency's node
        elif stripped.startswith("subgraph") or stripped == "end":
            kinds.add("sections")
        elif stripped:
            kinds.add("titles")
    return [kind for kind in ("dependencies", "titles", "sections") if kind in kinds]


def recoloured(written: str, expected: str) -> list[tuple[str, str | None, str | None]]:
    """The nodes whose status colour differs, as (label's first word, written colour,
    expected colour), in the picture's order."""

    def colours(code: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for line in code.splitlines():
            match = _CLASS_USE.fullmatch(line)
            if match:
                for node in match["nodes"].split(","):
                    found[node] = match["meaning"]
        return found

    before, after = colours(written), colours(expected)
    names = {}
    for line in expected.splitlines():
        match = _NODE_LINE.match(line)
        if match:
            names[match["node"]] = match["label"].split(":")[0]
    return [
        (names.get(node, node), before.get(node), after.get(node))
        for node in names
        if before.get(node) != after.get(node)
    ]
