"""The support/attack graph of a map, built once per check.

Every check reads the same :class:`MapGraph`: statements, inferences and
conflicts numbered in document order, with plain lists for the adjacency
the hot loops need (premises, conclusions, inferences into a statement,
conflicts on a statement or on an inference). Plain lists of ints are much
faster than per-node NetworkX lookups on maps of 100,000 statements.

NetworkX is used where it is the right tool: the strongly connected
components of the support graph (premise -> inference -> conclusion), see
:func:`cyclic_components` and :func:`support_digraph`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from itertools import compress
from operator import attrgetter

from argmap.model import ArgumentMap
from argmap.model.numbering import Numbering

EVIDENCE, CLAIM, RECOMMENDATION = 0, 1, 2
_KIND_CODE = {"evidence": EVIDENCE, "claim": CLAIM, "recommendation": RECOMMENDATION}
_kind_of = attrgetter("kind")
_assumed_of = attrgetter("assumed")


@dataclass(frozen=True, slots=True)
class MapGraph(Numbering):
    """A map numbered for fast checks: its :class:`~argmap.model.numbering.Numbering`, plus adjacency.

    Statements are ``0..n-1`` in document order; inferences ``0..m-1``;
    conflicts ``0..k-1``. A conflict's target is either a statement index
    (``con_on_inference[c]`` false) or an inference index (true).
    """

    amap: ArgumentMap
    kinds: list[int]
    grounds: list[bool]             # evidence and assumed claims (SPEC §5): in S without support
    assumed: list[int]              # the assumed claims, in document order
    into: list[list[int]]           # statement -> inferences concluding it
    premise_of: list[list[int]]     # statement -> inferences using it as a premise
    attacks: list[list[int]]        # statement -> conflicts it is an attacker of
    on_statement: list[list[int]]   # statement -> conflicts targeting it
    on_inference: list[list[int]]   # inference -> conflicts targeting it (undercuts)
    # (in these five, an element with no entry has the shared empty tuple: read them, never append)

    @property
    def size(self) -> int:
        """Number of statements."""
        return len(self.sids)


def build_graph(amap: ArgumentMap) -> MapGraph:
    """Number the elements of ``amap`` and build the adjacency lists.

    Parameters
    ----------
    amap : ArgumentMap
        The map to check.

    Returns
    -------
    MapGraph
        The numbered graph: the map's own numbering (:meth:`ArgumentMap.numbering`)
        and the adjacency lists built from it in one pass over each element list.
    """
    num = amap.numbering()
    sids, premises, conclusion, attackers = num.sids, num.premises, num.conclusion, num.attackers
    con_target, con_on_inf = num.con_target, num.con_on_inference
    n, m = len(sids), len(premises)
    kinds = list(map(_KIND_CODE.__getitem__, map(_kind_of, amap.statements.values())))
    grounds = list(map(EVIDENCE.__eq__, kinds))
    assumed = list(compress(range(n), map(_assumed_of, amap.statements.values()))) if amap.uses_grades() else []
    for s in assumed:
        grounds[s] = True
    into = _lists(n, enumerate(conclusion))
    premise_of = _lists(n, ((j, p) for j, ps in enumerate(premises) for p in ps))
    attacks = _lists(n, ((k, a) for k, atk in enumerate(attackers) for a in atk))
    on_statement = _lists(n, ((k, t) for k, (t, undercut) in enumerate(zip(con_target, con_on_inf)) if not undercut))
    on_inference = _lists(m, ((k, t) for k, (t, undercut) in enumerate(zip(con_target, con_on_inf)) if undercut))
    numbered = (getattr(num, f.name) for f in fields(Numbering))
    return MapGraph(*numbered, amap, kinds, grounds, assumed, into, premise_of, attacks, on_statement, on_inference)


def _lists(size: int, pairs) -> list:
    """``out[key]`` = the values of ``(value, key)`` pairs, in order; ``()`` for keys without one.

    Most statements have no entry in most of these lists: one shared empty
    tuple instead of 100,000 empty lists saves memory and time on big maps.
    """
    out: list = [()] * size
    for value, key in pairs:
        found = out[key]
        if found:
            found.append(value)
        else:
            out[key] = [value]
    return out


def support_digraph(graph: MapGraph, statements=None):
    """The support graph as a NetworkX ``DiGraph``: premise -> inference -> conclusion.

    Parameters
    ----------
    graph : MapGraph
        The numbered map.
    statements : iterable of int, optional
        Keep only these statements, the inferences into them that have a
        premise among them, and the edges between those. Default: the whole map.

    Returns
    -------
    networkx.DiGraph
        Nodes are element ids, with a ``role`` attribute, ``"statement"`` or
        ``"inference"``.
    """
    import networkx as nx

    keep = set(range(graph.size)) if statements is None else set(statements)
    g = nx.DiGraph()
    g.add_nodes_from((graph.sids[s] for s in keep), role="statement")
    for s in keep:
        for j in graph.into[s]:
            kept = [p for p in graph.premises[j] if p in keep]
            if not kept:
                continue
            iid = graph.inf_ids[j]
            g.add_node(iid, role="inference")
            g.add_edges_from((graph.sids[p], iid) for p in kept)
            g.add_edge(iid, graph.sids[s])
    return g


def cyclic_components(graph: MapGraph) -> list[list[int]]:
    """Statements of each strongly connected component of the support graph that has a cycle.

    Statements that cannot lie on a cycle (nothing supports them, or they
    support nothing, after repeatedly peeling such statements off) are
    removed first in linear time; NetworkX then finds the components of
    what is left (usually a tiny core).

    Returns
    -------
    list of list of int
        One list per cyclic component, statements in document order; the
        components ordered by their first statement.
    """
    core = _cycle_core(graph)
    if not core:
        return []
    import networkx as nx

    g = support_digraph(graph, core)
    index = graph.index
    comps = []
    for comp in nx.strongly_connected_components(g):
        members = sorted(index[x] for x in comp if g.nodes[x]["role"] == "statement")
        if len(comp) > 1 and members:
            comps.append(members)
    comps.sort(key=lambda c: c[0])
    return comps


def _cycle_core(graph: MapGraph) -> list[int]:
    """Statements left after peeling off, repeatedly, those with no support edge in, then no edge out."""
    premises, conclusion, into, premise_of = graph.premises, graph.conclusion, graph.into, graph.premise_of
    n = graph.size
    alive = [True] * n
    # Sources first (Kahn's order): an inference counts down its premises still alive.
    waiting = [len(ps) for ps in premises]
    pending = [len(js) for js in into]   # inferences into a statement that still have a live premise
    stack = [s for s in range(n) if not pending[s]]
    while stack:
        s = stack.pop()
        alive[s] = False
        for j in premise_of[s]:
            waiting[j] -= 1
            if not waiting[j]:  # no live premise left: no edge into c through j
                c = conclusion[j]
                pending[c] -= 1
                if not pending[c]:
                    stack.append(c)
    rest = [s for s in range(n) if alive[s]]
    # Then sinks, among what is left: a statement needs a live inference out of it.
    out_degree = {s: sum(1 for j in premise_of[s] if alive[conclusion[j]]) for s in rest}
    stack = [s for s in rest if not out_degree[s]]
    while stack:
        s = stack.pop()
        alive[s] = False
        for j in into[s]:
            for p in premises[j]:
                if alive[p]:
                    out_degree[p] -= 1
                    if not out_degree[p]:
                        stack.append(p)
    return [s for s in rest if alive[s]]
