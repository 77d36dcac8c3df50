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
  when it is evidence or an inference into it holds, and all conflicts on
  it failed; ``out`` when it is not evidence and all inferences into it broke.
"""

from __future__ import annotations

from argmap.analysis.graph import EVIDENCE, MapGraph

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


def label_run(graph: MapGraph) -> tuple[list[int], list[bool]]:
    """Labels of the statements and, by conflict index, whether each conflict stands.

    Two stacks drive the worklist: ``settled`` holds statements whose label
    was just given (their inferences and conflicts are told), ``recheck``
    statements whose counters changed (they may now get a label).
    """
    kinds, into, on_statement = graph.kinds, graph.into, graph.on_statement
    premises, conclusion, premise_of = graph.premises, graph.conclusion, graph.premise_of
    attackers, attacks, con_target = graph.attackers, graph.attacks, graph.con_target
    con_on_inf, on_inference = graph.con_on_inference, graph.on_inference
    n, m, k = graph.size, len(premises), len(attackers)
    label = [UNDECIDED] * n
    failed = [0] * n            # conflicts on the statement that failed
    held = [False] * n          # some inference into it holds
    broken = [0] * n            # inferences into it that broke
    inf_state = [_PENDING] * m
    inf_in = [0] * m            # premises in
    inf_failed = [0] * m        # undercuts that failed
    con_state = [_PENDING] * k
    con_in = [0] * k            # attackers in
    recheck = list(range(n - 1, -1, -1))
    settled: list[int] = []

    def break_inference(j: int) -> None:
        if inf_state[j] == _PENDING:
            inf_state[j] = _NEGATIVE
            c = conclusion[j]
            broken[c] += 1
            recheck.append(c)

    def hold_inference(j: int) -> None:
        if inf_state[j] == _PENDING and inf_in[j] == len(premises[j]) and inf_failed[j] == len(on_inference[j]):
            inf_state[j] = _POSITIVE
            c = conclusion[j]
            held[c] = True
            recheck.append(c)

    while recheck or settled:
        while recheck:
            s = recheck.pop()
            if label[s] != UNDECIDED:
                continue
            evidence = kinds[s] == EVIDENCE
            if (evidence or held[s]) and failed[s] == len(on_statement[s]):
                label[s] = IN
                settled.append(s)
            elif not evidence and broken[s] == len(into[s]):
                label[s] = OUT
                settled.append(s)
        while settled:
            s = settled.pop()
            if label[s] == IN:
                for c in attacks[s]:
                    con_in[c] += 1
                    if con_in[c] == len(attackers[c]) and con_state[c] == _PENDING:
                        con_state[c] = _POSITIVE
                        t = con_target[c]
                        if con_on_inf[c]:
                            break_inference(t)
                        elif label[t] == UNDECIDED:
                            label[t] = OUT
                            settled.append(t)
                for j in premise_of[s]:
                    inf_in[j] += 1
                    hold_inference(j)
            else:
                for c in attacks[s]:
                    if con_state[c] == _PENDING:
                        con_state[c] = _NEGATIVE
                        t = con_target[c]
                        if con_on_inf[c]:
                            inf_failed[t] += 1
                            hold_inference(t)
                        else:
                            failed[t] += 1
                            recheck.append(t)
                for j in premise_of[s]:
                    break_inference(j)
    return label, [state == _POSITIVE for state in con_state]
