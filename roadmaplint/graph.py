"""Roadmap records -> a dependency graph. The only module that imports networkx.

An edge ``A -> B`` means "A depends on B". Every algorithm here is iterative,
so a dependency chain of any length never meets Python's recursion limit.

networkx is imported only where a graph has a cycle (to name each knot once, and
to layer a drawing through them): ``cycles`` answers the common question of
``check`` ("is there any cycle?") in linear time without it, and the graph's
other questions (what depends on what, in which order) are answered in plain
Python, which keeps a commit hook and ``board`` on a healthy roadmap fast.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Iterable, Mapping, Sequence

from roadmaplint.model import Item, Roadmap
from roadmaplint.record import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    import networkx as nx


BEFORE = " -> "  # everywhere roadmaplint prints an arrow, it means "must be done before"


def spell_cycle(cycle: list[str]) -> str:
    """A cycle as found (each item depends on the next) in work order: ``A -> B`` = A before B."""
    return BEFORE.join(reversed(cycle)) + " (each must be done before the next)"


@record(slots=False)
class DependencyGraph:
    """Who depends on whom, as plain mappings; networkx is built only to name cycles.

    ``A`` depending on ``B`` is an edge from A to B. The usual roadmap is acyclic, and
    every question but ``cycles`` of a cyclic one is answered in plain Python: importing
    networkx and building its graph was a tenth of a 10,000-item ``board``.
    """

    order: Mapping[str, int]  # document order of each ID
    depends_on: Mapping[str, tuple[str, ...]]  # each ID: the IDs it depends on, once each
    dependents_of: Mapping[str, tuple[str, ...]]  # each ID: the IDs that depend on it

    @classmethod
    def from_roadmap(cls, roadmap: Roadmap, items_by_id: Mapping[str, Item]) -> DependencyGraph:
        order = {item_id: index for index, item_id in enumerate(items_by_id)}
        depends_on: dict[str, tuple[str, ...]] = {}
        dependents_of: dict[str, list[str]] = {item_id: [] for item_id in order}
        for item in items_by_id.values():
            wanted = tuple(
                dict.fromkeys(
                    dependency
                    for dependency in item.depends_on
                    if dependency in order and dependency != item.id
                )
            )
            depends_on[item.id] = wanted
            for dependency in wanted:
                dependents_of[dependency].append(item.id)
        dependents = {item_id: tuple(found) for item_id, found in dependents_of.items()}
        return cls(order=order, depends_on=depends_on, dependents_of=dependents)

    def _networkx(self) -> nx.DiGraph[str]:
        import networkx as nx

        graph: nx.DiGraph[str] = nx.DiGraph()
        graph.add_nodes_from(self.order)
        graph.add_edges_from(
            (item_id, dependency)
            for item_id, wanted in self.depends_on.items()
            for dependency in wanted
        )
        return graph

    def _acyclic(self) -> bool:
        """Kahn's algorithm: repeatedly remove items that nothing left depends on."""
        waiting = {item_id: len(wanted) for item_id, wanted in self.depends_on.items()}
        ready = [item_id for item_id, count in waiting.items() if count == 0]
        removed = 0
        while ready:
            item_id = ready.pop()
            removed += 1
            for dependent in self.dependents_of[item_id]:
                waiting[dependent] -= 1
                if waiting[dependent] == 0:
                    ready.append(dependent)
        return removed == len(waiting)

    def cycles(self) -> list[list[str]]:
        """One cycle per knot of mutually dependent items, first item in document order.

        Each cycle starts and ends at the knot's first item: ``[A, B, A]``. Listing
        every simple cycle could take exponential time; one per strongly connected
        component names each knot once.
        """
        if self._acyclic():
            return []
        import networkx as nx

        found = []
        for component in nx.strongly_connected_components(self._networkx()):
            if len(component) < 2:
                continue
            start = min(component, key=self.order.__getitem__)
            found.append(self._shortest_cycle(start, component))
        found.sort(key=lambda cycle: self.order[cycle[0]])
        return found

    def _shortest_cycle(self, start: str, within: set[str]) -> list[str]:
        parent: dict[str, str] = {}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            for successor in sorted(self.depends_on[node], key=self.order.__getitem__):
                if successor not in within:
                    continue
                if successor == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(parent[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if successor not in parent:
                    parent[successor] = node
                    queue.append(successor)
        raise AssertionError("a strongly connected component always has a cycle")

    def dependents(self, item_id: str) -> list[str]:
        return sorted(self.dependents_of[item_id], key=self.order.__getitem__)

    def ancestors(self, item_id: str) -> set[str]:
        """Everything ``item_id`` depends on, directly or not."""
        return _reached(item_id, self.depends_on)

    def descendants(self, item_id: str) -> set[str]:
        """Everything that depends on ``item_id``, directly or not."""
        return _reached(item_id, self.dependents_of)

    def dependency_order(self, nodes: Iterable[str]) -> list[str]:
        """``nodes`` so that every item comes after what it depends on; ties in document order.

        Kahn's algorithm with the waiting item first in the document taken first; a
        cycle among ``nodes`` is an error (callers refuse cycles before they ask).
        """
        chosen = {node for node in nodes if node in self.order}
        waiting = {
            node: sum(1 for dependency in self.depends_on[node] if dependency in chosen)
            for node in chosen
        }
        ready = [(self.order[node], node) for node, count in waiting.items() if count == 0]
        heapq.heapify(ready)
        found = []
        while ready:
            _, node = heapq.heappop(ready)
            found.append(node)
            for dependent in self.dependents_of[node]:
                if dependent in chosen:
                    waiting[dependent] -= 1
                    if waiting[dependent] == 0:
                        heapq.heappush(ready, (self.order[dependent], dependent))
        if len(found) < len(chosen):
            raise ValueError("the dependencies of these items contain a cycle")
        return found

    def longest_chain(self, target: str, through: set[str]) -> list[str]:
        """The longest dependency chain that ends at ``target`` using only ``through`` nodes.

        Returned dependency first: ``[deepest, ..., target]``. Dynamic programming
        over a topological order, so it is linear and never recurses.
        """
        nodes = through | {target}
        # In dependency order a node comes after everything it depends on.
        order = self.dependency_order(nodes)
        length: dict[str, int] = {}
        previous: dict[str, str | None] = {}
        for node in order:
            best, via = 0, None
            for dependency in sorted(self.depends_on[node], key=self.order.__getitem__):
                if dependency not in length:  # not among the nodes asked about
                    continue
                if length[dependency] + 1 > best:
                    best, via = length[dependency] + 1, dependency
            length[node], previous[node] = best, via
        chain = [target]
        while previous[chain[-1]] is not None:
            chain.append(previous[chain[-1]])  # type: ignore[arg-type]
        return list(reversed(chain))

    def longest_open_chain(self, through: set[str]) -> list[str]:
        """The longest dependency chain using only ``through`` nodes, dependency first.

        Ties go to the chain whose last item comes first in the document. Linear:
        dynamic programming over a topological order of the subgraph.
        """
        if not through:
            return []
        length: dict[str, int] = {}
        previous: dict[str, str | None] = {}
        for node in self.dependency_order(through):
            best, via = 0, None
            for dependency in sorted(self.depends_on[node], key=self.order.__getitem__):
                if dependency not in length:  # not among the nodes asked about
                    continue
                if length[dependency] + 1 > best:
                    best, via = length[dependency] + 1, dependency
            length[node], previous[node] = best, via
        end = min(through, key=lambda node: (-length[node], self.order[node]))
        chain = [end]
        while (before := previous[chain[-1]]) is not None:
            chain.append(before)
        return list(reversed(chain))


def layers(nodes: Sequence[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """``nodes`` in layers so that every edge ``(a, b)`` goes from an earlier layer to a later.

    Layers are topological generations: a node's layer is the longest path that leads to
    it. The nodes of a cycle share one layer (networkx's generations of the graph's
    condensation). Within a layer, nodes keep their order in ``nodes``.
    """
    edges = [(a, b) for a, b in edges if a != b]
    quick = _acyclic_layers(nodes, edges)
    if quick is not None:
        return quick
    import networkx as nx

    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    condensed = nx.condensation(graph)
    depth_of: dict[int, int] = {}
    for depth, generation in enumerate(nx.topological_generations(condensed)):
        for component in generation:
            depth_of[component] = depth
    component_of: Mapping[str, int] = condensed.graph["mapping"]
    layer_of = {node: depth_of[component_of[node]] for node in nodes}
    found: list[list[str]] = [[] for _ in range(max(layer_of.values(), default=-1) + 1)]
    for node in nodes:
        found[layer_of[node]].append(node)
    return found


def _acyclic_layers(nodes: Sequence[str], edges: list[tuple[str, str]]) -> list[list[str]] | None:
    """``layers`` without networkx, for the common graph: acyclic, every edge between ``nodes``.

    Kahn's algorithm, a generation at a time; None when a cycle (or an edge to a node
    not given) leaves nodes unplaced, for networkx to layer through the condensation.
    Building networkx's graph and its condensation took ten times as long (0.12 s of a
    10,000-item board).
    """
    waiting = dict.fromkeys(nodes, 0)
    after: dict[str, list[str]] = {node: [] for node in waiting}
    for a, b in edges:
        if a not in waiting or b not in waiting:
            return None
        after[a].append(b)
        waiting[b] += 1
    layer_of: dict[str, int] = {}
    generation = [node for node, count in waiting.items() if count == 0]
    depth = 0
    while generation:
        following = []
        for node in generation:
            layer_of[node] = depth
            for other in after[node]:
                waiting[other] -= 1
                if waiting[other] == 0:
                    following.append(other)
        generation, depth = following, depth + 1
    if len(layer_of) < len(waiting):
        return None
    found: list[list[str]] = [[] for _ in range(depth)]
    for node in nodes:
        found[layer_of[node]].append(node)
    return found


def _reached(start: str, edges: Mapping[str, tuple[str, ...]]) -> set[str]:
    """Every node reached from ``start`` along ``edges``, ``start`` itself only through a cycle."""
    if start not in edges:
        raise KeyError(f"no item {start} in the dependency graph")
    found: set[str] = set()
    stack = [start]
    while stack:
        for other in edges[stack.pop()]:
            if other not in found:
                found.add(other)
                stack.append(other)
    found.discard(start)
    return found
