"""The in/out/undecided labels (SPEC §3): the least fixpoint, by a worklist.

Every statement starts undecided. A label, once given, never changes (the
rules never contradict each other), so each statement, inference and
conflict changes state at most once and the whole labelling takes time
linear in the size of the map. Counters say when a state changes:

- a conflict *stands* when its count of attackers ``in`` reaches the number
  of attackers, and *fails* at the first attacker ``out``;
- an inference *holds* when all premises are ``in`` and all conflicts on it
  failed, and *breaks* at the first premise ``out`` or standing conflict;
- a statement is ``out`` at the first conflict on it that stands; ``in``
  when it is a ground (evidence, or an assumed claim, SPEC §5) or an
  inference into it holds, and all conflicts on it failed; ``out`` when it
  is not a ground and all inferences into it broke.

Most of a big map is untouched by attacks and cycles, and there the labels
are known at once: a statement whose support, all the way down, meets no
conflict and no cycle is ``in`` exactly when it is in the supported set S
(by induction on its support). The worklist only runs on the *region* that
conflicts and cycles can reach: their targets and members and everything
those support, directly or not.
"""

from __future__ import annotations

from itertools import compress

from argmap.analysis.graph import MapGraph, cyclic_components
from argmap.analysis.support import supported_run

UNDECIDED, IN, OUT = 0, 1, 2
LABEL_NAMES = ("undecided", "in", "out")
_PENDING, _POSITIVE, _NEGATIVE = 0, 1, 2


def label_codes(graph: MapGraph) -> list[int]:
    """The label of each statement, by index: 0 undecided, 1 in, 2 out.

    Parameters
    ----------
    graph : MapGraph
        The numbered map.

    Returns
    -------
    list of int
        Codes into :data:`LABEL_NAMES`.
    """
    return label_run(graph)[0]


def affected_region(graph: MapGraph, components: list[list[int]]) -> bytearray:
    """Statements whose label may differ from their membership in S.

    Parameters
    ----------
    graph : MapGraph
        The numbered map.
    components : list of list of int
        The cyclic components of the support graph (see :func:`cyclic_components`).

    Returns
    -------
    bytearray
        ``region[s]`` is 1 for targets of conflicts, conclusions of undercut
        inferences, members of cyclic components, and every statement they
        support through a chain of inferences; 0 elsewhere.
    """
    conclusion, premise_of = graph.conclusion, graph.premise_of
    region = bytearray(graph.size)
    stack = [conclusion[t] if undercut else t for t, undercut in zip(graph.con_target, graph.con_on_inference)]
    for comp in components:
        stack.extend(comp)
    while stack:
        s = stack.pop()
        if region[s]:
            continue
        region[s] = 1
        for j in premise_of[s]:
            c = conclusion[j]
            if not region[c]:
                stack.append(c)
    return region


def label_run(graph: MapGraph, supported: list[bool] | None = None,
              components: list[list[int]] | None = None) -> tuple[list[int], list[bool]]:
    """Labels of the statements and, by conflict index, whether each conflict stands.

    Parameters
    ----------
    graph : MapGraph
        The numbered map.
    supported : list of bool, optional
        Membership in S by statement index (computed when not given).
    components : list of list of int, optional
        The cyclic components of the support graph (computed when not given).

    Returns
    -------
    labels : list of int
        Codes into :data:`LABEL_NAMES`, by statement index.
    stands : list of bool
        By conflict index: all its attackers are ``in``.
    """
    if supported is None:
        supported = supported_run(graph)[0]
    if components is None:
        components = cyclic_components(graph)
    return _Worklist(graph, supported, affected_region(graph, components)).run()


class _Worklist:
    """The fixpoint on the affected region, the rest of the map being settled already.

    Two stacks drive it: ``settled`` holds statements whose label was just
    given (their inferences and conflicts are told), ``recheck`` statements
    whose counters changed (they may now get a label).
    """

    def __init__(self, graph: MapGraph, supported: list[bool], region: bytearray):
        self.g = graph
        self.region = region
        self.members = list(compress(range(graph.size), region))
        n, m, k = graph.size, len(graph.premises), len(graph.attackers)
        self.label = list(map((OUT, IN).__getitem__, supported))
        for s in self.members:
            self.label[s] = UNDECIDED
        self.failed = [0] * n            # conflicts on the statement that failed
        self.held = [False] * n          # some inference into it holds
        self.broken = [0] * n            # inferences into it that broke
        self.inf_state = [_PENDING] * m
        self.inf_in = [0] * m            # premises in
        self.inf_failed = [0] * m        # undercuts that failed
        self.con_state = [_PENDING] * k
        self.con_in = [0] * k            # attackers in
        self.recheck = self.members[::-1]
        self.settled: list[int] = []

    def run(self) -> tuple[list[int], list[bool]]:
        self._seed_conflicts()
        self._seed_inferences()
        self._fixpoint()
        return self.label, [state == _POSITIVE for state in self.con_state]

    def _seed_conflicts(self) -> None:
        """Tell every conflict (all target the region) about its attackers outside the region."""
        g, region, label = self.g, self.region, self.label
        con_in, con_state = self.con_in, self.con_state
        for c, attackers in enumerate(g.attackers):
            for a in attackers:
                if not region[a]:
                    if label[a] == IN:
                        con_in[c] += 1
                    elif con_state[c] == _PENDING:
                        self._fail(c)
            if con_in[c] == len(attackers) and con_state[c] == _PENDING:
                self._stand(c)

    def _seed_inferences(self) -> None:
        """Tell the inferences into the region about their premises outside it."""
        g, region, label = self.g, self.region, self.label
        into, premises = g.into, g.premises
        inf_in = self.inf_in
        for s in self.members:
            for j in into[s]:
                for p in premises[j]:
                    if not region[p]:
                        if label[p] == IN:
                            inf_in[j] += 1
                        else:
                            self._break(j)
                self._hold(j)

    def _fail(self, c: int) -> None:
        self.con_state[c] = _NEGATIVE
        t = self.g.con_target[c]
        if self.g.con_on_inference[c]:
            self.inf_failed[t] += 1
            self._hold(t)
        else:
            self.failed[t] += 1
            self.recheck.append(t)

    def _stand(self, c: int) -> None:
        self.con_state[c] = _POSITIVE
        t = self.g.con_target[c]
        if self.g.con_on_inference[c]:
            self._break(t)
        elif self.label[t] == UNDECIDED:
            self.label[t] = OUT
            self.settled.append(t)

    def _break(self, j: int) -> None:
        if self.inf_state[j] == _PENDING:
            self.inf_state[j] = _NEGATIVE
            c = self.g.conclusion[j]
            self.broken[c] += 1
            self.recheck.append(c)

    def _hold(self, j: int) -> None:
        g = self.g
        if self.inf_state[j] == _PENDING and self.inf_in[j] == len(g.premises[j]) \
                and self.inf_failed[j] == len(g.on_inference[j]):
            self.inf_state[j] = _POSITIVE
            c = g.conclusion[j]
            self.held[c] = True
            self.recheck.append(c)

    def _fixpoint(self) -> None:
        """The worklist proper: give labels, and tell each labelled statement's links."""
        g = self.g
        grounds, into, on_statement, premise_of, attacks = g.grounds, g.into, g.on_statement, g.premise_of, g.attacks
        attackers = g.attackers
        label, failed, held, broken = self.label, self.failed, self.held, self.broken
        inf_in, con_in, con_state = self.inf_in, self.con_in, self.con_state
        recheck, settled = self.recheck, self.settled
        stand, fail, hold, break_ = self._stand, self._fail, self._hold, self._break
        while recheck or settled:
            while recheck:
                s = recheck.pop()
                if label[s] != UNDECIDED:
                    continue
                ground = grounds[s]  # evidence, or an assumed claim (SPEC §5): treated alike
                if (ground or held[s]) and failed[s] == len(on_statement[s]):
                    label[s] = IN
                    settled.append(s)
                elif not ground and broken[s] == len(into[s]):
                    label[s] = OUT
                    settled.append(s)
            while settled:
                s = settled.pop()
                if label[s] == IN:
                    for c in attacks[s]:
                        con_in[c] += 1
                        if con_in[c] == len(attackers[c]) and con_state[c] == _PENDING:
                            stand(c)
                    for j in premise_of[s]:
                        inf_in[j] += 1
                        hold(j)
                else:
                    for c in attacks[s]:
                        if con_state[c] == _PENDING:
                            fail(c)
                    for j in premise_of[s]:
                        break_(j)
