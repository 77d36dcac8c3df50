"""The supported set S (SPEC §3, §5): the grounds, and what a chain of inferences lifts from them.

S is the least set containing every ground (evidence, and claims stated as
assumptions) and every statement that some inference with all premises in S
concludes. Attacks are ignored.
Computed by a worklist in time linear in the size of the map: each
inference counts its premises already in S and fires once when the count
reaches the number of premises. Support that only goes round a cycle never
fires.
"""

from __future__ import annotations

from itertools import compress

from argmap.analysis.graph import MapGraph


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
    return _closure(graph, list(graph.grounds))


def supported_without(graph: MapGraph, dropped: list[int]) -> list[bool]:
    """Membership in S computed with the grounds ``dropped`` not counted as grounds (SPEC §5: S∖X, S∖D, S∖A).

    Parameters
    ----------
    graph : MapGraph
        The numbered map.
    dropped : list of int
        Statement indices of grounds that count only when an inference lifts them.

    Returns
    -------
    list of bool
        By statement index.
    """
    grounds = list(graph.grounds)
    for s in dropped:
        grounds[s] = False
    return _closure(graph, grounds)[0]


def _closure(graph: MapGraph, flags: list[bool]) -> tuple[list[bool], list[bool]]:
    """Close ``flags`` (the grounds, changed in place) under inference; also says which inferences fire."""
    premises, conclusion, premise_of = graph.premises, graph.conclusion, graph.premise_of
    missing = [len(ps) for ps in premises]
    stack = list(compress(range(len(flags)), flags))
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
