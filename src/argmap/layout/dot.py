"""The quality engine: Graphviz ``dot`` through pygraphviz.

The layout graph goes to ``dot`` top-down (edges from conclusion to premise,
so cycles are broken by ``dot`` itself), each box as a fixed-size node whose
inches are its pixels / 72, so that one point of ``dot``'s output is one
pixel. ``dot`` is free to order each rank (no ``ordering=out``: keeping the
document order of premises tripled the crossings of the routed drawings).
:data:`VARIANTS` are the settings tried: co-premises of an inference in one
rank or not, and a longer crossing-minimisation search. ``dot``'s crossing
minimisation is a heuristic that starts from the order of the input, so the
same graph given in the reverse order is a second, independent try
(``reverse``). ``dot`` puts the
connected pieces side by side in one long row; they are cut apart and packed
into shelves like the fast engine's trees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.layout.graph import H_GAP, RANK_GAP, LayoutGraph
from argmap.layout.tidy import pack

if TYPE_CHECKING:
    import pygraphviz

VARIANTS = (
    ("", True),
    ("mclimit=4, remincross=true", False),
    ("", False),
    ("mclimit=4, remincross=true", True),
)
"""(extra graph attributes, co-premises in one rank) of each variant; 0 is the default."""


def dot_layout(graph: LayoutGraph, variant: int = 0, reverse: bool = False) -> dict[str, tuple[float, float]]:
    """Centres of every node of ``graph`` as laid out by Graphviz ``dot``.

    Parameters
    ----------
    graph : LayoutGraph
        The graph to lay out.
    variant : int
        Which of :data:`VARIANTS` to use.
    reverse : bool
        Give ``dot`` the nodes and edges in the reverse order (a different start for its ordering
        heuristic; the graph is the same).

    Returns
    -------
    dict
        Node id -> (x, y) centre in px, y growing downwards, top-left of the drawing at (0, 0).
    """
    if not graph.size:
        return {}
    agraph, name = _to_agraph(graph, *VARIANTS[variant], reverse=reverse)
    agraph.layout(prog="dot")
    raw = {}
    for node in graph.size:
        x, y = agraph.get_node(name[node]).attr["pos"].split(",")
        raw[node] = (float(x), -float(y))
    return pack([_normalised(graph, part, raw) for part in _components(graph)])


def _to_agraph(graph: LayoutGraph, extra: str = "", same_rank: bool = True,
               reverse: bool = False) -> tuple[pygraphviz.AGraph, dict[str, str]]:
    """The graph as DOT text read by pygraphviz (much faster than adding nodes one by one).

    Nodes are named ``n0``, ``n1``... so that no id ever needs quoting; the names are returned.
    With ``reverse`` the nodes and the edges are written in the reverse order.
    """
    name = {node: f"n{i}" for i, node in enumerate(graph.size)}
    lines = ["digraph {",
             f"graph [rankdir=TB, nodesep={H_GAP / 72:.4f}, ranksep={RANK_GAP / 72:.4f}, "
             f"splines=false{', ' + extra if extra else ''}];",
             'node [shape=box, fixedsize=true, label="", margin=0];']
    nodes = list(graph.size.items())
    edges = graph.edges()
    if reverse:
        nodes.reverse()
        edges.reverse()
    for node, (w, h) in nodes:
        if graph.is_junction(node):
            lines.append(f"{name[node]} [shape=point, width={w / 72:.4f}, height={w / 72:.4f}];")
        else:
            lines.append(f"{name[node]} [width={w / 72:.4f}, height={h / 72:.4f}];")
    lines.extend(f"{name[u]} -> {name[v]};" for u, v in edges)
    grouped: set[str] = set()
    for node in graph.size if same_rank else ():
        if not graph.is_junction(node):
            continue
        row = [c for c in graph.children[node] if c not in grouped and not graph.is_junction(c)]
        if len(row) > 1:
            grouped.update(row)
            lines.append("{rank=same; " + " ".join(name[c] for c in row) + "}")
    lines.append("}")
    import pygraphviz  # here, not at the top: the fast engine (and every export using it) never needs it

    return pygraphviz.AGraph(string="\n".join(lines)), name


def _components(graph: LayoutGraph) -> list[list[str]]:
    """Weakly connected pieces, in the document order of their first statement."""
    seen: set[str] = set()
    parts = []
    for start in graph.statements:
        if start in seen:
            continue
        part, stack = [], [start]
        seen.add(start)
        while stack:
            node = stack.pop()
            part.append(node)
            for other in graph.children[node] + graph.parents[node]:
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
        parts.append(part)
    return parts


def _normalised(graph: LayoutGraph, part: list[str], raw: dict) -> tuple[float, float, dict]:
    """(width, height, centres) of one piece moved so that its top-left is at (0, 0)."""
    left = min(raw[n][0] - graph.size[n][0] / 2 for n in part)
    top = min(raw[n][1] - graph.size[n][1] / 2 for n in part)
    right = max(raw[n][0] + graph.size[n][0] / 2 for n in part)
    bottom = max(raw[n][1] + graph.size[n][1] / 2 for n in part)
    return right - left, bottom - top, {n: (raw[n][0] - left, raw[n][1] - top) for n in part}
