"""The layout graph: statements plus junction nodes, drawn top-down.

Every layout engine works on the same graph. A statement is a node; an
inference with several premises, or one that is undercut, becomes a small
*junction* node between its conclusion and its premises (so co-premises hang
side by side under one point, and an undercutter hangs beside them); a
conflict with several attackers gets a junction too. Edges point downwards,
from the conclusion or target to what supports or attacks it, so a top-down
layered drawing puts conclusions above premises.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from argmap.model import ArgumentMap

DEFAULT_SIZE = (240.0, 80.0)
"""Size used for a statement whose size was not given (px)."""
JUNCTION_SIZE = (8.0, 0.0)
"""Width and height of a junction node (px): a point with a little room around it."""
H_GAP = 24.0
"""Horizontal margin between neighbouring boxes (px)."""
RANK_GAP = 60.0
"""Vertical gap between two rows of statements (px)."""


@dataclass
class LayoutGraph:
    """Nodes (statement and junction ids), their sizes and downward edges.

    Attributes
    ----------
    statements : list of str
        Statement ids in document order.
    size : dict
        Node id -> (width, height) in px, junctions included.
    children : dict
        Node id -> child ids in drawing order (inferences first, then conflicts).
    parents : dict
        Node id -> parent ids.
    """

    statements: list[str] = field(default_factory=list)
    size: dict[str, tuple[float, float]] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)
    parents: dict[str, list[str]] = field(default_factory=dict)

    def is_junction(self, node: str) -> bool:
        return node not in self._statement_set

    def __post_init__(self):
        self._statement_set = set(self.statements)

    def add_node(self, node: str, size: tuple[float, float], statement: bool) -> None:
        self.size[node] = size
        self.children.setdefault(node, [])
        self.parents.setdefault(node, [])
        if statement:
            self.statements.append(node)
            self._statement_set.add(node)

    def add_edge(self, upper: str, lower: str) -> None:
        if lower == upper or lower in self.children[upper]:
            return
        self.children[upper].append(lower)
        self.parents[lower].append(upper)

    def edges(self) -> list[tuple[str, str]]:
        """All (upper, lower) edges in a stable order."""
        return [(u, v) for u, kids in self.children.items() for v in kids]


def build_graph(amap: ArgumentMap, sizes: dict, keep=None) -> LayoutGraph:
    """Build the layout graph of ``amap``.

    Parameters
    ----------
    amap : ArgumentMap
        The map.
    sizes : dict
        Statement id -> (width, height) in px; missing ids get :data:`DEFAULT_SIZE`.
    keep : collection of str, optional
        When given, only these statements (and the junctions between them) take part.

    Returns
    -------
    LayoutGraph
    """
    graph = LayoutGraph()
    for sid in amap.statements:
        if keep is None or sid in keep:
            w, h = sizes.get(sid, DEFAULT_SIZE)
            graph.add_node(sid, (float(w), float(h)), statement=True)
    present = graph.size
    undercut = {c.target for c in amap.conflicts.values() if c.target in amap.inferences}
    for inf in amap.inferences.values():
        premises = [p for p in inf.premises if p in present]
        if inf.conclusion not in present or not premises:
            continue
        if len(premises) > 1 or inf.id in undercut:
            graph.add_node(inf.id, JUNCTION_SIZE, statement=False)
            graph.add_edge(inf.conclusion, inf.id)
            for p in premises:
                graph.add_edge(inf.id, p)
        else:
            graph.add_edge(inf.conclusion, premises[0])
    for con in amap.conflicts.values():
        attackers = [a for a in con.attackers if a in present]
        if con.target not in present or not attackers:
            continue
        upper = con.target
        if len(attackers) > 1:
            graph.add_node(con.id, JUNCTION_SIZE, statement=False)
            graph.add_edge(con.target, con.id)
            upper = con.id
        for a in attackers:
            graph.add_edge(upper, a)
    return graph


def spanning_forest(graph: LayoutGraph) -> tuple[list[str], dict[str, list[str]]]:
    """A spanning forest of ``graph`` found breadth-first from its tops.

    Tops are statements nothing points to, in document order; what only a
    cycle reaches is rooted at its first statement in document order.

    Returns
    -------
    roots : list of str
        One root per tree, in order.
    kids : dict
        Node id -> its children in the tree (a subset of ``graph.children``, same order).
    """
    seen: set[str] = set()
    roots: list[str] = []
    kids: dict[str, list[str]] = {n: [] for n in graph.size}
    tops = [s for s in graph.statements if not graph.parents[s]]
    for start in tops + graph.statements:
        if start in seen:
            continue
        roots.append(start)
        seen.add(start)
        queue = deque([start])
        while queue:
            node = queue.popleft()
            for child in graph.children[node]:
                if child not in seen:
                    seen.add(child)
                    kids[node].append(child)
                    queue.append(child)
    return roots, kids


def descendants(graph: LayoutGraph, starts) -> list[str]:
    """Statements reachable downwards from ``starts`` (included), in document order."""
    seen = set()
    stack = [s for s in starts if s in graph.size]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        stack.extend(graph.children[node])
    return [s for s in graph.statements if s in seen]
