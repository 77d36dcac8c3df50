"""Sources, grades and assumptions as numbers (SPEC §5): what AM009-AM012 are computed from.

:func:`grade_facts` numbers the sources in document order and works out,
once per check, each source's ``via`` chain and root, what each piece of
evidence depends on, which evidence is doubtful, and the conclusions. A map
with no sources, grades or assumptions gets ``None`` and costs nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from operator import attrgetter

from argmap.analysis.graph import CLAIM, RECOMMENDATION, MapGraph

DOUBTFUL_CREDIBILITY = frozenset((4, 5))
"""Credibility grades that make evidence doubtful: 4 doubtful, 5 improbable."""
DOUBTFUL_RELIABILITY = frozenset("DE")
"""Source reliability codes that make evidence citing only such sources doubtful."""

_cites_of = attrgetter("cites")
_credibility_of = attrgetter("credibility")


@dataclass(frozen=True)
class GradeFacts:
    """The SPEC §5 facts of one map, by statement and source index.

    Attributes
    ----------
    source_ids : list of str
        Sources in document order; a source's index is its place here.
    chains : list of tuple of int
        ``chains[x]``: ``x`` and the sources its ``via`` chain passes through, up to its root.
    cites : dict
        Statement index -> cited source indices, for the evidence that cites.
    depends : dict
        Statement index -> the sources the evidence depends on (a source X
        such that every cited source is in the reach of X): the common part
        of the cited sources' chains.
    doubtful : list of int
        Doubtful evidence (credibility 4 or 5, or every cited source D or E), in document order.
    conclusions : list of int
        Recommendations and top-level claims, in document order.
    """

    source_ids: list[str]
    chains: list[tuple[int, ...]]
    cites: dict[int, tuple[int, ...]]
    depends: dict[int, frozenset[int]]
    doubtful: list[int]
    conclusions: list[int]

    def root(self, x: int) -> int:
        """The last source of ``x``'s ``via`` chain (``x`` itself when it has no ``via``)."""
        return self.chains[x][-1]


def uses_tradecraft(graph: MapGraph) -> bool:
    """True when the map has sources, assumptions, cites or credibility grades (C-level passes)."""
    amap = graph.amap
    if amap.sources or graph.assumed:
        return True
    if not amap.uses_grades():  # known from loading (or a few C-level passes)
        return False
    statements = amap.statements.values()
    return any(map(_cites_of, statements)) or bool(set(map(_credibility_of, statements)) - {None})


def grade_facts(graph: MapGraph) -> GradeFacts | None:
    """The facts of :class:`GradeFacts`, or None for a map that uses nothing of SPEC §5."""
    if not uses_tradecraft(graph):
        return None
    sources = graph.amap.sources
    source_ids = list(sources)
    at = {x: k for k, x in enumerate(source_ids)}.__getitem__
    via = [at(x.via) if x.via else -1 for x in sources.values()]
    chains = [_chain(via, x) for x in range(len(via))]
    reached = [frozenset(c) for c in chains]
    unreliable = [x.reliability in DOUBTFUL_RELIABILITY for x in sources.values()]
    statements = list(graph.amap.statements.values())
    cites: dict[int, tuple[int, ...]] = {}
    depends: dict[int, frozenset[int]] = {}
    for s in compress(range(graph.size), map(_cites_of, statements)):
        cited = cites[s] = tuple(map(at, statements[s].cites))
        depends[s] = reached[cited[0]] if len(cited) == 1 else _common(chains, cited)
    doubtful = set(compress(range(graph.size), map(DOUBTFUL_CREDIBILITY.__contains__,
                                                   map(_credibility_of, statements))))
    doubtful.update(s for s, cited in cites.items() if all(map(unreliable.__getitem__, cited)))
    return GradeFacts(source_ids, chains, cites, depends, sorted(doubtful), conclusions(graph))


def conclusions(graph: MapGraph) -> list[int]:
    """Recommendations, and claims that are neither a premise nor an attacker anywhere (SPEC §5)."""
    kinds, premise_of, attacks = graph.kinds, graph.premise_of, graph.attacks
    return [s for s in range(graph.size)
            if kinds[s] == RECOMMENDATION or (kinds[s] == CLAIM and not premise_of[s] and not attacks[s])]


def under(graph: MapGraph, r: int) -> list[int]:
    """The statements under ``r``: those from which a chain of support leads to ``r`` (document order).

    ``r`` itself is under ``r`` only when a support cycle leads back to it. Costs the size of what is
    found, not of the map.
    """
    into, premises = graph.into, graph.premises
    seen: set[int] = set()
    stack = [r]
    while stack:
        s = stack.pop()
        for j in into[s]:
            for p in premises[j]:
                if p not in seen:
                    seen.add(p)
                    stack.append(p)
    return sorted(seen)


def _chain(via: list[int], x: int) -> tuple[int, ...]:
    out = [x]
    while via[out[-1]] >= 0:
        out.append(via[out[-1]])
    return tuple(out)


def _common(chains: list[tuple[int, ...]], cited: tuple[int, ...]) -> frozenset[int]:
    """The sources whose reach holds every cited source: the chain part all cited sources share."""
    common = frozenset(chains[cited[0]])
    for x in cited[1:]:
        common = common.intersection(chains[x])
    return common
