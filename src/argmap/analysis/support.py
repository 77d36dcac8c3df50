"""The supported set S (SPEC §3): evidence, and what a chain of inferences lifts from it.

S is the least set containing every evidence statement and every statement
that some inference with all premises in S concludes. Attacks are ignored.
Computed by a worklist in time linear in the size of the map: each
inference counts its premises already in S and fires once when the count
reaches the number of premises. Support that only goes round a cycle never
fires.
"""

from __future__ import annotations

from argmap.analysis.graph import EVIDENCE, MapGraph


def supported_flags(graph: MapGraph) -> list[bool]:
    """Membership of each statement in S, by statement index (see :func:`supported_run`)."""
    return supported_run(graph)[0]


def supported_run(graph: MapGraph) -> tuple[list[bool], list[bool]]:
    """Membership of each statement in S, by statement index.

    Parameters
    ----------
    graph : MapGraph
        The numbered map.

    Returns
    -------
    flags : list of bool
        ``flags[s]`` is true when statement ``s`` is in S.
    usable : list of bool
        ``usable[j]`` is true when all premises of inference ``j`` are in S.
    """
    kinds = graph.kinds
    premises, conclusion, premise_of = graph.premises, graph.conclusion, graph.premise_of
    missing = [len(ps) for ps in premises]
    flags = [k == EVIDENCE for k in kinds]
    stack = [s for s, k in enumerate(kinds) if k == EVIDENCE]
    while stack:
        s = stack.pop()
        for j in premise_of[s]:
            missing[j] -= 1
            if missing[j] == 0:
                c = conclusion[j]
                if not flags[c]:
                    flags[c] = True
                    stack.append(c)
    return flags, [not x for x in missing]
