"""Single points of failure (AM008) and single sources (AM009): landmarks in the support graph.

A statement D is critical for a recommendation R in S when removing D (with
every inference and conflict naming it) takes R out of S. In the AND/OR
support graph these are the landmarks of R, the greatest fixpoint of::

    crit(s) = {s}                                          if s is a ground
    crit(s) = {s} | meet over usable inferences i into s
                    of (union over premises p of i of crit(p))   otherwise

(grounds: evidence and assumed claims, SPEC §5). :func:`critical_sources`
solves the twin problem for sources: which sources X a conclusion R needs,
``R`` not in S∖X, with source sets instead of statement sets (see there).

where an inference is usable when all its premises are in S. Only the
statements below some supported recommendation are visited. They are
processed in topological order of the condensation: one pass where the
graph is acyclic, a few rounds only inside strongly connected components
(starting from "everything", the top of the lattice). Sets are reused in
place when their last reader takes them (trees cost linear time), unions
grow the largest set, and a meet filters the smallest alternative instead
of building the others.
"""

from __future__ import annotations

from argmap.analysis.graph import RECOMMENDATION, MapGraph

TOP = None  # "every statement": the start of the greatest fixpoint inside a component


def critical_statements(graph: MapGraph, supported: list[bool], components: list[list[int]],
                        usable: list[bool] | None = None) -> dict[int, list[int]]:
    """For each recommendation R in S, the statements D != R whose removal takes R out of S.

    Parameters
    ----------
    graph : MapGraph
        The numbered map.
    supported : list of bool
        Membership in S by statement index (see :func:`supported_flags`).
    components : list of list of int
        The cyclic strongly connected components of the support graph.
    usable : list of bool, optional
        By inference: all premises in S (computed when not given).

    Returns
    -------
    dict
        Recommendation index -> critical statement indices (any order).
    """
    return _Landmarks(graph, supported, components, usable).run()


def critical_sources(graph: MapGraph, supported: list[bool], components: list[list[int]], usable: list[bool],
                     roots: list[int], depends: dict[int, frozenset[int]]) -> dict[int, list[int]]:
    """For each statement R of ``roots`` (in S), the sources X with R not in S∖X (SPEC §5, AM009).

    S∖X is S with the evidence that depends on X not counted as a ground.
    The sources a statement needs are the greatest fixpoint of::

        need(s) = dep(s)                                     a cited ground, nothing inferred into it
        need(s) = dep(s) & meet_i union_p need(p)            a cited ground with usable inferences into it
        need(s) = meet over usable inferences i into s
                  of (union over premises p of i of need(p))   a statement that is not a ground
        need(s) = {}                                         any other ground

    where ``dep(e)`` is the set of sources evidence ``e`` depends on (every
    cited source in their reach). It is the landmark problem of AM008 with
    source sets, solved by the same pass in topological order; the sets
    hold at most the sources of a few ``via`` chains, so the pass is linear
    in practice.

    Parameters
    ----------
    graph : MapGraph
        The numbered map.
    supported, components, usable
        As for :func:`critical_statements`.
    roots : list of int
        The conclusions in S to answer for.
    depends : dict
        Evidence index -> the source indices it depends on (only evidence that cites).

    Returns
    -------
    dict
        Root index -> source indices (any order), for every root that needs at least one source.
    """
    return _SourceLandmarks(graph, supported, components, usable, roots, depends).run()


class _Landmarks:
    def __init__(self, graph: MapGraph, supported: list[bool], components: list[list[int]],
                 usable: list[bool] | None, roots: list[int] | None = None, leaf: list[bool] | None = None):
        self.g = graph
        n = graph.size
        if usable is None:
            usable = [all(supported[p] for p in ps) for ps in graph.premises]
        self.usable = usable
        if roots is None:
            roots = [s for s, k in enumerate(graph.kinds) if k == RECOMMENDATION and supported[s]]
        self.roots = roots
        self.leaf = graph.grounds if leaf is None else leaf  # statements whose inferences are not followed
        self.inputs: list[list[int] | None] = [None] * n   # usable inferences into each relevant statement
        self.relevant = self._below(self.roots)
        self.key = list(range(n))  # the unit a statement is solved in: itself, or ~c for cyclic component c
        self.in_unit = bytearray(n)
        self.members: list[list[int]] = []
        for comp in components:
            inside = [s for s in comp if self.inputs[s] is not None]
            if inside:
                for s in inside:
                    self.key[s] = ~len(self.members)
                    self.in_unit[s] = 1
                self.members.append(inside)
        self.crit: dict[int, set | None] = {}
        self.readers = [0] * n
        self.found: dict[int, list[int]] = {}

    def _below(self, roots: list[int]) -> list[int]:
        """Statements reachable from ``roots`` downward through usable inferences; fills ``inputs``."""
        into, premises, usable, leaf, inputs = self.g.into, self.g.premises, self.usable, self.leaf, self.inputs
        found = []
        stack = list(roots)
        while stack:
            s = stack.pop()
            if inputs[s] is not None:
                continue
            mine = [] if leaf[s] else [j for j in into[s] if usable[j]]
            inputs[s] = mine
            found.append(s)
            for j in mine:
                for p in premises[j]:
                    if inputs[p] is None:
                        stack.append(p)
        return found

    def run(self) -> dict[int, list[int]]:
        premises, conclusion, premise_of = self.g.premises, self.g.conclusion, self.g.premise_of
        usable, readers, key, inputs = self.usable, self.readers, self.key, self.inputs
        waiting: dict[int, int] = {}
        for s in self.relevant:
            ks = key[s]
            for j in inputs[s]:
                for p in premises[j]:
                    readers[p] += 1
                    if key[p] != ks:
                        waiting[ks] = waiting.get(ks, 0) + 1
        ready = [k for k in {key[s] for s in self.relevant} if k not in waiting]
        while ready:
            k = ready.pop()
            if k < 0:
                done = self.members[~k]
                self._solve_component(done)
            else:
                done = (k,)
                self._solve_single(k)
            for s in done:
                for j in premise_of[s]:
                    if usable[j]:
                        c = conclusion[j]
                        if inputs[c]:  # relevant, and not evidence
                            kc = key[c]
                            if kc != k:
                                waiting[kc] -= 1
                                if waiting[kc] == 0:
                                    ready.append(kc)
        return self.found

    # -------------------------------------------------------------- one unit
    def _solve_single(self, s: int) -> None:
        self._store(s, self._formula(s, steal=True))

    def _solve_component(self, members: list[int]) -> None:
        crit = self.crit
        for s in members:
            crit[s] = TOP
        changed = True
        while changed:
            changed = False
            for s in members:
                new = self._formula(s, steal=False, count=False)
                if new != crit[s]:
                    crit[s] = new
                    changed = True
        for s in members:
            for j in self.inputs[s]:
                for p in self.g.premises[j]:
                    self._release(p)
            self._store(s, crit[s])

    def _store(self, s: int, value: set) -> None:
        self.crit[s] = value
        if self.g.kinds[s] == RECOMMENDATION:
            self.found[s] = [d for d in value if d != s]
        if self.readers[s] == 0:
            del self.crit[s]

    def _release(self, p: int) -> None:
        self.readers[p] -= 1
        if self.readers[p] == 0 and not self.in_unit[p]:
            self.crit.pop(p, None)

    # -------------------------------------------------------------- formula
    def _formula(self, s: int, steal: bool, count: bool = True) -> set | None:
        """``{s} | meet_i union_p crit(p)``; ``TOP`` stands for the full set."""
        inputs = self.inputs[s]
        if not inputs:
            return {s}
        result = self._meet(inputs, steal, count)
        if result is not TOP:
            result.add(s)
        return result

    def _meet(self, inputs: list[int], steal: bool, count: bool) -> set | None:
        """``meet_i union_p crit(p)`` over the inferences ``inputs``, as a set we may change (or ``TOP``)."""
        crit, premises = self.crit, self.g.premises
        alts = []
        for j in inputs:
            sets = [crit[p] for p in premises[j]]
            if any(x is TOP for x in sets):
                if count:
                    for p in premises[j]:
                        self._release(p)
                continue
            alts.append((sum(len(x) for x in sets), j))
        if not alts:
            return TOP
        alts.sort()
        result = self._union(alts[0][1], steal, count)
        for _, j in alts[1:]:
            sets = [crit[p] for p in premises[j]]
            if len(sets) == 1:
                result &= sets[0]
            else:
                result = {x for x in result if any(x in y for y in sets)}
            if count:
                for p in premises[j]:
                    self._release(p)
        return result

    def _union(self, j: int, steal: bool, count: bool) -> set:
        """The union of the premises' sets of inference ``j``, as a set we may change."""
        crit = self.crit
        ps = sorted(self.g.premises[j], key=lambda p: -len(crit[p]))
        first = ps[0]
        if steal and self.readers[first] == 1 and not self.in_unit[first]:
            result = crit[first]
        else:
            result = set(crit[first])
        for p in ps[1:]:
            result |= crit[p]
        if count:
            for p in ps:
                self._release(p)
        return result


class _SourceLandmarks(_Landmarks):
    """:class:`_Landmarks` with source sets: ``need(s)`` instead of ``crit(s)`` (see :func:`critical_sources`)."""

    def __init__(self, graph: MapGraph, supported: list[bool], components: list[list[int]], usable: list[bool],
                 roots: list[int], depends: dict[int, frozenset[int]]):
        self.depends = depends
        leaf = list(graph.grounds)
        for e in depends:  # a cited ground may still be lifted by an inference: follow its support
            leaf[e] = False
        super().__init__(graph, supported, components, usable, roots, leaf)
        self.wanted = bytearray(graph.size)
        for r in roots:
            self.wanted[r] = 1

    def _formula(self, s: int, steal: bool, count: bool = True) -> set | None:
        inputs = self.inputs[s]
        cap = self.depends.get(s)
        if not inputs:
            return set(cap) if cap else set()
        result = self._meet(inputs, steal, count)
        if cap is not None:
            result = set(cap) if result is TOP else result & cap
        return result

    def _store(self, s: int, value: set) -> None:
        self.crit[s] = value
        if self.wanted[s] and value:
            self.found[s] = list(value)
        if self.readers[s] == 0:
            del self.crit[s]
