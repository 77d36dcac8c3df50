"""Why a statement is not in S: the chains down to premises with no evidence under them."""

from __future__ import annotations

from argmap.analysis.graph import EVIDENCE, MapGraph, build_graph
from argmap.analysis.support import supported_flags
from argmap.model import ArgumentMap

CIRCULAR = -1
MAX_CHAINS = 50


def explain_unsupported(amap: ArgumentMap, sid: str, limit: int = MAX_CHAINS) -> list[list[str]]:
    """Chains of statement ids from ``sid`` down to each premise with no evidence under it.

    Each chain starts at ``sid`` and follows, through inferences, premises
    that are not in S, ending at a statement with no inference into it (a
    bare claim or recommendation) or, when the support only goes round a
    circle, at the last statement before the chain would repeat itself.
    Each statement ends at most one chain.

    Parameters
    ----------
    amap : ArgumentMap
        The map.
    sid : str
        A statement id, usually the target of an AM001 diagnostic.
    limit : int
        Most chains returned.

    Returns
    -------
    list of list of str
        Empty when ``sid`` is in S (it is supported).
    """
    graph = build_graph(amap)
    return chains(graph, supported_flags(graph), graph.index[sid], limit)


def chains(graph: MapGraph, flags: list[bool], start: int, limit: int = MAX_CHAINS) -> list[list[str]]:
    """:func:`explain_unsupported` on an already built graph (indices in, ids out)."""
    if flags[start]:
        return []
    found: list[list[str]] = []
    seen = {start}
    path = [start]
    stack = [iter(_gaps(graph, flags, start))]
    while stack and len(found) < limit:
        step = next(stack[-1], None)
        if step is None:
            stack.pop()
            s = path.pop()
            if not graph.into[s] or _only_circles(graph, flags, s, seen, path):
                found.append([graph.sids[x] for x in (*path, s)])
            continue
        if step in seen:
            continue
        seen.add(step)
        path.append(step)
        stack.append(iter(_gaps(graph, flags, step)))
    return found


def _gaps(graph: MapGraph, flags: list[bool], s: int) -> list[int]:
    """Premises not in S of the inferences into ``s``."""
    return [p for j in graph.into[s] for p in graph.premises[j] if not flags[p]]


def _only_circles(graph: MapGraph, flags: list[bool], s: int, seen: set, path: list[int]) -> bool:
    """True when every missing premise under ``s`` is on the current path (support going round)."""
    on_path = set(path)
    gaps = _gaps(graph, flags, s)
    return bool(gaps) and all(p in on_path for p in gaps)


def gap_leaves(graph: MapGraph, flags: list[bool], unsupported: list[int] | None = None) -> list[int]:
    """For every statement not in S, a bare statement its missing support rests on, in one linear pass.

    Returns
    -------
    list of int
        ``leaves[s]`` is a non-evidence statement with no inference into it
        that ``s`` reaches downward through premises not in S (``s`` itself
        when ``s`` is bare), or :data:`CIRCULAR` when all of its missing
        support goes round a circle. Meaningless for statements in S.
    """
    n = graph.size
    leaves = [CIRCULAR] * n
    if unsupported is None:
        unsupported = [s for s in range(n) if not flags[s]]
    into, kinds = graph.into, graph.kinds
    stack = [s for s in unsupported if not into[s] and kinds[s] != EVIDENCE]
    for s in stack:
        leaves[s] = s
    conclusion, premise_of = graph.conclusion, graph.premise_of
    while stack:
        p = stack.pop()
        for j in premise_of[p]:
            c = conclusion[j]
            if leaves[c] == CIRCULAR and not flags[c]:
                leaves[c] = leaves[p]
                stack.append(c)
    return leaves
