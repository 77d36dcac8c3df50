"""Quality measures of a layout: box overlaps and edge crossings.

Edges are measured as straight segments the way a map is drawn: a premise's
top-centre to its conclusion's bottom-centre, or, for a junction, each premise
to the junction point and the junction point to the conclusion. The junction
point sits halfway between the conclusion's bottom and the premises' mean top.
Both counts use a uniform grid so that maps of 10,000 statements take a
second or two, not minutes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from argmap.layout.graph import DEFAULT_SIZE, build_graph
from argmap.model import ArgumentMap, Position

CELL = 256.0
"""Side of a grid cell (px)."""


def overlaps(positions: Mapping[str, Position], sizes: Mapping) -> int:
    """Number of pairs of boxes that overlap (touching edges do not count).

    Parameters
    ----------
    positions : mapping
        Statement id -> :class:`~argmap.model.Position` (centre).
    sizes : mapping
        Statement id -> (width, height); missing ids use the default size.

    Returns
    -------
    int
    """
    rects = {sid: box(p, sizes.get(sid, DEFAULT_SIZE)) for sid, p in positions.items() if p is not None}
    count = 0
    for a, b in _candidate_pairs(rects):
        ra, rb = rects[a], rects[b]
        if ra[0] < rb[2] and rb[0] < ra[2] and ra[1] < rb[3] and rb[1] < ra[3]:
            count += 1
    return count


def crossings(amap: ArgumentMap, positions: Mapping[str, Position], sizes: Mapping) -> int:
    """Number of pairs of edge segments that cross (segments that share an end do not count).

    Parameters
    ----------
    amap : ArgumentMap
        The map whose inferences and conflicts are drawn.
    positions : mapping
        Statement id -> :class:`~argmap.model.Position` (centre); statements without one are left out.
    sizes : mapping
        Statement id -> (width, height).

    Returns
    -------
    int
    """
    segments = edge_segments(amap, positions, sizes)
    bounds = {i: (min(s[0], s[2]), min(s[1], s[3]), max(s[0], s[2]), max(s[1], s[3]))
              for i, (s, _) in enumerate(segments)}
    count = 0
    for a, b in _candidate_pairs(bounds):
        (sa, ends_a), (sb, ends_b) = segments[a], segments[b]
        if ends_a & ends_b:
            continue
        if _cross(sa, sb):
            count += 1
    return count


def edge_segments(amap: ArgumentMap, positions: Mapping[str, Position], sizes: Mapping) -> list:
    """Straight segments of the drawn edges: list of ((x1, y1, x2, y2), {end ids})."""
    placed = {sid for sid, p in positions.items() if p is not None and sid in amap.statements}
    graph = build_graph(amap, sizes, keep=placed)
    point: dict[str, tuple[float, float]] = {}

    def top(sid):
        p, h = positions[sid], graph.size[sid][1]
        return (p.x, p.y - h / 2)

    def bottom(node):
        if node in point:
            return point[node]
        p, h = positions[node], graph.size[node][1]
        return (p.x, p.y + h / 2)

    segments = []
    for node in _junctions_top_down(graph):
        up = bottom(graph.parents[node][0])
        tops = [top(c) if not graph.is_junction(c) else None for c in graph.children[node]]
        tops = [t for t in tops if t] or [up]
        point[node] = ((up[0] + sum(t[0] for t in tops) / len(tops)) / 2,
                       (up[1] + sum(t[1] for t in tops) / len(tops)) / 2)
    for upper, lower in graph.edges():
        start = bottom(upper)
        end = point[lower] if graph.is_junction(lower) else top(lower)
        segments.append(((start[0], start[1], end[0], end[1]), {upper, lower}))
    return segments


def box(p: Position, size) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of a box centred at ``p``."""
    w, h = size
    return (p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2)


def _junctions_top_down(graph) -> list[str]:
    """Junctions whose parent is a statement first, then junctions under junctions (undercut linked attacks)."""
    js = [n for n in graph.size if graph.is_junction(n) and graph.parents[n]]
    return sorted(js, key=lambda n: not all(not graph.is_junction(p) for p in graph.parents[n]))


def _candidate_pairs(rects: Mapping) -> set[tuple]:
    """Pairs of keys whose rectangles share a grid cell, each pair once."""
    cells: dict[tuple[int, int], list] = defaultdict(list)
    for key, (x0, y0, x1, y1) in rects.items():
        for cx in range(int(x0 // CELL), int(x1 // CELL) + 1):
            for cy in range(int(y0 // CELL), int(y1 // CELL) + 1):
                cells[(cx, cy)].append(key)
    index = {key: i for i, key in enumerate(rects)}
    pairs = set()
    for members in cells.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pairs.add((a, b) if index[a] < index[b] else (b, a))
    return pairs


def _orient(ax, ay, bx, by, cx, cy) -> float:
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)


def _cross(s: tuple, t: tuple) -> bool:
    """Whether two segments cross properly (collinear touching does not count)."""
    d1 = _orient(t[0], t[1], t[2], t[3], s[0], s[1])
    d2 = _orient(t[0], t[1], t[2], t[3], s[2], s[3])
    d3 = _orient(s[0], s[1], s[2], s[3], t[0], t[1])
    d4 = _orient(s[0], s[1], s[2], s[3], t[2], t[3])
    return ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4))
