"""The fast engine: a layered tidy-tree layout per tree, trees packed in rows.

Argument maps are mostly forests. Each tree of a spanning forest of the
layout graph is drawn Reingold–Tilford style: rows by depth, every subtree
pushed right of its left siblings just as far as the contours of the two
allow (row by row, with the real box widths and :data:`H_GAP` between them),
and every parent centred over its first and last child. Contours are kept as
``{depth: (left, right)}`` with a lazy offset and merged small-into-large, so
the whole layout takes O(n log n). Edges outside the spanning forest (shared
premises, cycles) are drawn as they fall. Trees are then packed left to right
in shelves about twice as wide as they are high.
"""

from __future__ import annotations

import math

from argmap.layout.graph import H_GAP, RANK_GAP, LayoutGraph, spanning_forest

TREE_GAP = 48.0
"""Horizontal gap between two trees on a shelf (px)."""
SHELF_GAP = 90.0
"""Vertical gap between two shelves of trees (px)."""
ASPECT = 2.0
"""Width / height the packing aims at."""


def tidy_layout(graph: LayoutGraph) -> dict[str, tuple[float, float]]:
    """Centres of every node of ``graph`` (junctions included), top-left of the drawing at (0, 0).

    Parameters
    ----------
    graph : LayoutGraph
        The graph to lay out.

    Returns
    -------
    dict
        Node id -> (x, y) centre in px, y growing downwards.
    """
    roots, kids = spanning_forest(graph)
    groups: dict[int, list] = {}
    piece = _pieces(graph)
    for root in roots:
        groups.setdefault(piece[root], []).append(_tree(graph, kids, root))
    return pack([_side_by_side(trees) for trees in groups.values()])


def _pieces(graph: LayoutGraph) -> dict[str, int]:
    """Node id -> number of its weakly connected piece (trees of one piece are kept together)."""
    piece: dict[str, int] = {}
    for start in graph.size:
        if start in piece:
            continue
        stack, piece[start] = [start], len(piece)
        mark = piece[start]
        while stack:
            node = stack.pop()
            for other in graph.children[node] + graph.parents[node]:
                if other not in piece:
                    piece[other] = mark
                    stack.append(other)
    return piece


def _side_by_side(trees: list[tuple[float, float, dict]]) -> tuple[float, float, dict]:
    """Trees of one piece in a row, tops aligned."""
    if len(trees) == 1:
        return trees[0]
    x, out = 0.0, {}
    for width, _, pos in trees:
        out.update({n: (px + x, py) for n, (px, py) in pos.items()})
        x += width + TREE_GAP
    return x - TREE_GAP, max(h for _, h, _ in trees), out


def _tree(graph: LayoutGraph, kids: dict, root: str) -> tuple[float, float, dict]:
    """Lay out one tree: (width, height, {node: (x, y)}) with its top-left at (0, 0)."""
    order, depth = _preorder(kids, root)
    rel: dict[str, float] = {}
    contour: dict[str, list] = {}
    for node in reversed(order):
        contour[node] = _place_children(graph, kids[node], node, depth[node], rel, contour)
    table, offset = contour[root]
    left = min(lr[0] for lr in table.values()) + offset
    right = max(lr[1] for lr in table.values()) + offset
    xs = {root: -left}
    for node in order:
        for child in kids[node]:
            xs[child] = xs[node] + rel[child]
    rows, height = _rows(graph, order, depth)
    return right - left, height, {n: (xs[n], rows[depth[n]]) for n in order}


def _preorder(kids: dict, root: str) -> tuple[list[str], dict[str, int]]:
    order, depth, stack = [], {root: 0}, [root]
    while stack:
        node = stack.pop()
        order.append(node)
        for child in reversed(kids[node]):
            depth[child] = depth[node] + 1
            stack.append(child)
    return order, depth


def _place_children(graph, children, node, level, rel, contour) -> list:
    """Place ``children`` side by side; return the contour of ``node``'s subtree relative to its centre."""
    width = graph.size[node][0]
    if not children:
        return [{level: (-width / 2, width / 2)}, 0.0]
    acc = contour.pop(children[0])
    pos = {children[0]: 0.0}
    for child in children[1:]:
        other = contour.pop(child)
        shift = _shift(acc, other)
        pos[child] = shift
        acc = _merge(acc, other, shift)
    centre = (pos[children[0]] + pos[children[-1]]) / 2
    for child in children:
        rel[child] = pos[child] - centre
    table, offset = acc
    table[level] = (centre - width / 2 - offset, centre + width / 2 - offset)
    return [table, offset - centre]


def _shift(acc: list, other: list) -> float:
    """How far right ``other`` must go for its contour to clear ``acc`` by :data:`H_GAP` on every row."""
    (left_t, left_o), (right_t, right_o) = acc, other
    small, big = (left_t, right_t) if len(left_t) <= len(right_t) else (right_t, left_t)
    best = -math.inf
    for d in small:
        if d in big:
            need = left_t[d][1] + left_o + H_GAP - (right_t[d][0] + right_o)
            best = max(best, need)
    return best if best > -math.inf else 0.0


def _merge(acc: list, other: list, shift: float) -> list:
    """Union of two contours, ``other`` moved right by ``shift``; the smaller is folded into the larger."""
    (a_t, a_o), (b_t, b_o) = acc, other
    b_o += shift
    if len(a_t) < len(b_t):
        a_t, a_o, b_t, b_o = b_t, b_o, a_t, a_o
    delta = b_o - a_o
    for d, (lo, hi) in b_t.items():
        lo, hi = lo + delta, hi + delta
        if d in a_t:
            old = a_t[d]
            a_t[d] = (min(old[0], lo), max(old[1], hi))
        else:
            a_t[d] = (lo, hi)
    return [a_t, a_o]


def _rows(graph: LayoutGraph, order: list[str], depth: dict) -> tuple[dict[int, float], float]:
    """Centre y of every row and the tree's height; rows of junctions only get half gaps."""
    heights: dict[int, float] = {}
    for node in order:
        d = depth[node]
        heights[d] = max(heights.get(d, 0.0), graph.size[node][1])
    centres, top = {}, 0.0
    for d in range(len(heights)):
        if d:
            full = heights[d] > 0 and heights[d - 1] > 0
            top += RANK_GAP if full else RANK_GAP / 2
        centres[d] = top + heights[d] / 2
        top += heights[d]
    return centres, top


def pack(trees: list[tuple[float, float, dict]]) -> dict[str, tuple[float, float]]:
    """Pack trees left to right into shelves; return absolute centres."""
    if not trees:
        return {}
    area = sum((w + TREE_GAP) * (h + SHELF_GAP) for w, h, _ in trees)
    limit = max(max(w for w, _, _ in trees), math.sqrt(area * ASPECT))
    out: dict[str, tuple[float, float]] = {}
    x = y = shelf_height = 0.0
    for width, height, pos in trees:
        if x > 0 and x + width > limit:
            x, y, shelf_height = 0.0, y + shelf_height + SHELF_GAP, 0.0
        for node, (px, py) in pos.items():
            out[node] = (px + x, py + y)
        x += width + TREE_GAP
        shelf_height = max(shelf_height, height)
    return out
