"""A layered drawing of a dependency graph: boxes in columns, edges that go around boxes.

The classic Sugiyama steps, kept small:

1. layers: every node after what it depends on (topological generations,
   through ``graph.layers``); nodes with no edge at all are set
   aside in a grid below the drawing, so they do not make one column very tall;
2. an edge that spans several layers gets a waypoint in each layer it crosses,
   a slot of its own between the boxes of that column, so it never runs through
   a box;
3. order within each layer: barycentre sweeps down and up, keeping the order
   with the fewest crossings (counted exactly, by inversions);
4. vertical places: each node moves towards the mean of its neighbours, then
   slides just enough to keep its layer's order and gaps;
5. routes: a straight run through each column at the waypoint's height and a
   smooth curve across each gap between columns, where there are no boxes.

Pure: plain data in, plain data out. The coordinates are SVG user units.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from roadmaplint.graph import layers
from roadmaplint.record import record

NODE_WIDTH = 188
NODE_HEIGHT = 44
COLUMN_GAP = 64  # between the columns of boxes, where edges curve
BOX_GAP = 14  # between two boxes of a column
LANE_GAP = 7  # around a waypoint's lane
MARGIN = 16
GRID_TOP_GAP = 48  # between the layered drawing and the grid of unconnected nodes
SWEEPS = 4  # barycentre passes (down and up) to order the layers
PLACEMENT_SWEEPS = 2  # passes that pull nodes towards their neighbours


@record
class Box:
    key: str
    x: float
    y: float
    width: float
    height: float


@record
class Route:
    source: str
    target: str
    path: str  # an SVG path ``d`` attribute


@record
class Layout:
    width: float
    height: float
    boxes: tuple[Box, ...]
    routes: tuple[Route, ...]
    grid_top: float | None  # where the grid of unconnected nodes starts, if there is one


def _is_waypoint(key: str) -> bool:
    return key.startswith("\0")


def lay_out(nodes: Sequence[str], edges: Sequence[tuple[str, str]]) -> Layout:
    """Place ``nodes`` and route ``edges`` (``(a, b)``: an arrow from a to b)."""
    edges = [(a, b) for a, b in dict.fromkeys(edges) if a != b]
    connected = {node for edge in edges for node in edge}
    layered = [node for node in nodes if node in connected]
    loose = [node for node in nodes if node not in connected]
    columns = _pull_sources_right(layers(layered, edges), edges)
    layer_of = {node: index for index, column in enumerate(columns) for node in column}
    chains, flat = _add_waypoints(columns, layer_of, edges)
    neighbours_up, neighbours_down = _neighbours(chains)
    _order(columns, neighbours_up, neighbours_down)
    tops = _place(columns, neighbours_up, neighbours_down)
    x_of: dict[str, float] = {
        node: MARGIN + index * (NODE_WIDTH + COLUMN_GAP)
        for index, column in enumerate(columns)
        for node in column
    }
    boxes = [
        Box(node, x_of[node], tops[node], NODE_WIDTH, NODE_HEIGHT)
        for column in columns
        for node in column
        if not _is_waypoint(node)
    ]
    bottom = max((box.y + box.height for box in boxes), default=0.0)
    right = max((box.x + box.width for box in boxes), default=0.0)
    routes = [_route(chain, x_of, tops) for chain in chains]
    routes += [_flat_route(a, b, x_of, tops) for a, b in flat]
    grid_top = None
    if loose:
        grid_top = bottom + GRID_TOP_GAP if boxes else MARGIN
        per_row = max(len(columns), 4)
        for number, node in enumerate(loose):
            row, column = divmod(number, per_row)
            x = MARGIN + column * (NODE_WIDTH + COLUMN_GAP / 2)
            y = grid_top + row * (NODE_HEIGHT + BOX_GAP)
            boxes.append(Box(node, x, y, NODE_WIDTH, NODE_HEIGHT))
            bottom = max(bottom, y + NODE_HEIGHT)
            right = max(right, x + NODE_WIDTH)
    order = {node: index for index, node in enumerate(nodes)}
    boxes.sort(key=lambda box: order[box.key])
    return Layout(right + MARGIN, bottom + MARGIN, tuple(boxes), tuple(routes), grid_top)


def _pull_sources_right(
    columns: list[list[str]], edges: Sequence[tuple[str, str]]
) -> list[list[str]]:
    """Move each node nothing points to into the layer just before its nearest successor.

    Topological generations put every such node in the first layer, which makes that
    column tall and its edges long; one layer before the first thing that needs it is
    as far as it can go.
    """
    layer_of = {node: index for index, column in enumerate(columns) for node in column}
    has_incoming = {b for _, b in edges}
    nearest: dict[str, int] = {}
    for a, b in edges:
        nearest[a] = min(nearest.get(a, len(columns)), layer_of[b])
    moved: list[list[str]] = [[] for _ in columns]
    for column in columns:
        for node in column:
            layer = layer_of[node]
            if node not in has_incoming and node in nearest:
                layer = max(layer, nearest[node] - 1)
            moved[layer].append(node)
    return moved


def _add_waypoints(
    columns: list[list[str]], layer_of: dict[str, int], edges: Sequence[tuple[str, str]]
) -> tuple[list[list[str]], list[tuple[str, str]]]:
    """Each edge as a chain of nodes one layer apart; edges within a layer (cycles) apart."""
    chains: list[list[str]] = []
    flat: list[tuple[str, str]] = []
    for number, (a, b) in enumerate(edges):
        start, end = layer_of[a], layer_of[b]
        if start >= end:  # only within a knot of cycles, whose nodes share a layer
            flat.append((a, b))
            continue
        chain = [a]
        for layer in range(start + 1, end):
            waypoint = f"\0{number}:{layer}"
            columns[layer].append(waypoint)
            chain.append(waypoint)
        chain.append(b)
        chains.append(chain)
    return chains, flat


def _neighbours(
    chains: list[list[str]],
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    up: dict[str, list[str]] = {}
    down: dict[str, list[str]] = {}
    for chain in chains:
        for a, b in itertools.pairwise(chain):
            down.setdefault(a, []).append(b)
            up.setdefault(b, []).append(a)
    return up, down


def _crossings(
    upper: list[str], lower: list[str], down: dict[str, list[str]], position: dict[str, int]
) -> int:
    """Edge crossings between two adjacent layers: inversions, counted with a Fenwick tree."""
    pairs = sorted(
        (position[a], position[b]) for a in upper for b in down.get(a, ()) if b in position
    )
    size = len(lower) + 1
    tree = [0] * (size + 1)
    crossings = 0
    for seen, (_, b) in enumerate(pairs):
        index, not_above = b + 1, 0
        while index > 0:
            not_above += tree[index]
            index -= index & -index
        crossings += seen - not_above
        index = b + 1
        while index <= size:
            tree[index] += 1
            index += index & -index
    return crossings


def _total_crossings(columns: list[list[str]], down: dict[str, list[str]]) -> int:
    total = 0
    for upper, lower in itertools.pairwise(columns):
        position = {node: index for index, node in enumerate(upper)}
        position.update({node: index for index, node in enumerate(lower)})
        total += _crossings(upper, lower, down, position)
    return total


def _sweep(columns: list[list[str]], neighbours: dict[str, list[str]], indices: range) -> None:
    for layer in indices:
        reference = columns[layer - 1] if indices.step > 0 else columns[layer + 1]
        position = {node: index for index, node in enumerate(reference)}
        current = columns[layer]
        scale = len(reference) / max(len(current), 1)
        keys = []
        for index, node in enumerate(current):
            around = neighbours.get(node, ())
            if len(around) == 1:  # most nodes: a waypoint, or an item with one edge this way
                only = position.get(around[0])
                keys.append((index * scale if only is None else only / 1, index, node))
                continue
            linked = [position[other] for other in around if other in position]
            keys.append((sum(linked) / len(linked) if linked else index * scale, index, node))
        columns[layer] = [node for _, _, node in sorted(keys)]


def _order(columns: list[list[str]], up: dict[str, list[str]], down: dict[str, list[str]]) -> None:
    """Reorder each layer in place to reduce crossings; keep the best order seen."""
    best = [list(column) for column in columns]
    fewest = _total_crossings(columns, down)
    for _ in range(SWEEPS):
        if fewest == 0:
            break
        _sweep(columns, up, range(1, len(columns)))
        _sweep(columns, down, range(len(columns) - 2, -1, -1))
        crossings = _total_crossings(columns, down)
        if crossings < fewest:
            fewest, best = crossings, [list(column) for column in columns]
    columns[:] = best


def _height(node: str) -> float:
    return 0.0 if _is_waypoint(node) else NODE_HEIGHT


def _offsets(column: list[str]) -> list[float]:
    """How far each node's centre must sit below the first one's, at the least."""
    offsets = [0.0]
    for above, node in itertools.pairwise(column):
        gap = LANE_GAP if _is_waypoint(above) or _is_waypoint(node) else BOX_GAP
        offsets.append(offsets[-1] + (_height(above) + _height(node)) / 2 + gap)
    return offsets


def _place(
    columns: list[list[str]], up: dict[str, list[str]], down: dict[str, list[str]]
) -> dict[str, float]:
    """Top edge of every node: stacked first, then pulled towards its neighbours."""
    offsets = [_offsets(column) for column in columns]
    centre = {
        node: offset
        for column, room in zip(columns, offsets, strict=True)
        for node, offset in zip(column, room, strict=True)
    }
    both = {node: up.get(node, []) + down.get(node, []) for node in centre}
    indices = range(len(columns))
    for _ in range(PLACEMENT_SWEEPS):
        for index in indices[1:]:
            _settle(columns[index], offsets[index], up, centre)
        for index in reversed(indices[:-1]):
            _settle(columns[index], offsets[index], down, centre)
    for index in indices:
        _settle(columns[index], offsets[index], both, centre)
    top = {node: y - _height(node) / 2 for node, y in centre.items()}
    lowest = min(top.values(), default=MARGIN)
    return {node: y - lowest + MARGIN for node, y in top.items()}


def _centre(node: str, top: dict[str, float]) -> float:
    return top[node] + _height(node) / 2


def _settle(
    column: list[str],
    offsets: list[float],
    neighbours: dict[str, list[str]],
    centre: dict[str, float],
) -> None:
    """Place a column's nodes as near their neighbours' mean as order and gaps allow.

    With ``offset`` the room the nodes above need, ``centre - offset`` must not
    decrease down the column; the closest such placement (least squares) is an
    isotonic regression, solved exactly by pooling adjacent violators in linear time.
    """
    blocks: list[list[float]] = []  # [mean, size]
    for node, offset in zip(column, offsets, strict=True):
        linked = neighbours.get(node)
        if not linked:
            wanted = centre[node]
        elif len(linked) == 1:  # as sum() would: 0.0 + centre, which turns -0.0 into 0.0
            wanted = 0.0 + centre[linked[0]]
        else:
            wanted = sum([centre[other] for other in linked]) / len(linked)
        blocks.append([wanted - offset, 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, size = blocks.pop()
            previous = blocks[-1]
            previous[0] = (previous[0] * previous[1] + mean * size) / (previous[1] + size)
            previous[1] += size
    index = 0
    for mean, size in blocks:
        for _ in range(int(size)):
            centre[column[index]] = mean + offsets[index]
            index += 1


def _route(chain: list[str], x_of: dict[str, float], top: dict[str, float]) -> Route:
    points: list[tuple[float, float]] = [(x_of[chain[0]] + NODE_WIDTH, _centre(chain[0], top))]
    for waypoint in chain[1:-1]:
        y = _centre(waypoint, top)
        points += [(x_of[waypoint], y), (x_of[waypoint] + NODE_WIDTH, y)]
    points.append((x_of[chain[-1]], _centre(chain[-1], top)))
    path = [f"M{points[0][0]:.1f},{points[0][1]:.1f}"]
    for index, ((x1, y1), (x2, y2)) in enumerate(itertools.pairwise(points)):
        if index % 2:  # through a column, in the waypoint's own lane
            path.append(f"L{x2:.1f},{y2:.1f}")
        else:  # across a gap between columns, where there are no boxes
            middle = (x1 + x2) / 2
            path.append(f"C{middle:.1f},{y1:.1f} {middle:.1f},{y2:.1f} {x2:.1f},{y2:.1f}")
    return Route(chain[0], chain[-1], " ".join(path))


def _flat_route(a: str, b: str, x_of: dict[str, float], top: dict[str, float]) -> Route:
    """An edge between two boxes of one column (a cycle): a loop out into the gap on the right."""
    x = x_of[a] + NODE_WIDTH
    y1, y2 = _centre(a, top), _centre(b, top)
    bulge = x + COLUMN_GAP * 0.45
    return Route(
        a, b, f"M{x:.1f},{y1:.1f} C{bulge:.1f},{y1:.1f} {bulge:.1f},{y2:.1f} {x:.1f},{y2:.1f}"
    )
