"""The tradecraft checks AM009-AM012 (SPEC §5): single source, doubtful grounds, uncorroborated, assumptions.

Each function returns finding rows like those of
:mod:`argmap.analysis.diagnostics`, ``(code, target, related, render, args,
source)``. They read the :class:`~argmap.analysis.grades.GradeFacts` of the
map; a map without sources, grades or assumptions has none and gets no row.
"""

from __future__ import annotations

from itertools import compress

from argmap.analysis import messages as msg
from argmap.analysis.critical import critical_sources
from argmap.analysis.grades import GradeFacts, under
from argmap.analysis.graph import MapGraph
from argmap.analysis.support import supported_without


class Under(dict):
    """The statements under each conclusion, worked out once per check when first asked for."""

    def __init__(self, graph: MapGraph):
        super().__init__()
        self.graph = graph

    def __missing__(self, r: int) -> list[int]:
        found = self[r] = under(self.graph, r)
        return found


def single_source(facts, name: msg.Namer, grades: GradeFacts, below: Under) -> list[tuple]:
    """AM009: a conclusion R in S that is not in S∖X, for a source X; one row per (X, R)."""
    if not grades.depends:
        return []
    g, sids, depends = facts.graph, facts.graph.sids, grades.depends
    roots = [r for r in grades.conclusions if facts.supported[r]]
    needs = critical_sources(g, facts.supported, facts.components, facts.usable, roots, depends)
    out = []
    for r in sorted(needs):
        cited = [e for e in below[r] if e in depends]
        for x in sorted(needs[r]):
            related = [e for e in cited if x in depends[e]]
            source = grades.source_ids[x]
            out.append(("AM009", sids[r], tuple(sids[e] for e in related), msg.single_source,
                        (name, r, x, related, grades), source))
    return out


def doubtful_grounds(facts, name: msg.Namer, grades: GradeFacts, below: Under) -> list[tuple]:
    """AM010: a conclusion R in S that is not in S∖D (without the doubtful evidence)."""
    if not grades.doubtful:
        return []
    return _lost_without(facts, name, grades, below, grades.doubtful, "AM010", msg.doubtful_grounds)


def uncorroborated(facts, name: msg.Namer, grades: GradeFacts, below: Under) -> list[tuple]:
    """AM011: evidence graded 1 whose cited sources have fewer than two distinct roots."""
    g, sids = facts.graph, facts.graph.sids
    statements = name.statements
    out = []
    for s in compress(range(g.size), (st.credibility == 1 for st in statements)):
        roots = list(dict.fromkeys(grades.root(x) for x in grades.cites.get(s, ())))
        if len(roots) < 2:
            out.append(("AM011", sids[s], (), msg.uncorroborated, (name, s, roots, grades), None))
    return out


def rests_on_assumptions(facts, name: msg.Namer, grades: GradeFacts, below: Under) -> list[tuple]:
    """AM012: a conclusion R in S that is not in S∖A (without the assumed claims)."""
    assumed = facts.graph.assumed
    if not assumed:
        return []
    return _lost_without(facts, name, grades, below, assumed, "AM012", msg.rests_on_assumptions)


def _lost_without(facts, name: msg.Namer, grades: GradeFacts, below: Under, dropped: list[int], code: str,
                  render) -> list[tuple]:
    """Rows for each conclusion in S that S without the grounds ``dropped`` loses; related: those under it."""
    kept = supported_without(facts.graph, dropped)
    sids, dropped_set = facts.graph.sids, set(dropped)
    out = []
    for r in grades.conclusions:
        if facts.supported[r] and not kept[r]:
            related = [s for s in below[r] if s in dropped_set]
            out.append((code, sids[r], tuple(sids[s] for s in related), render, (name, r, related), None))
    return out


RULES_IN_ORDER = (single_source, doubtful_grounds, uncorroborated, rests_on_assumptions)
"""AM009-AM012 in code order."""
