"""check_map against slow, obviously-correct oracles on random small maps (hypothesis).

The oracles restate SPEC §3 literally: S and the labels by naive
repetition until nothing changes, single points of failure by removing each
statement in turn, circular support by mutual reachability.
ARGMAP_ORACLE_EXAMPLES sets the number of random maps per test (400).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.analysis import SEVERITIES, check_map
from argmap.model import ArgumentMap, Conflict, Inference, Statement

KINDS = ("claim", "evidence", "recommendation")


@st.composite
def maps(draw, max_statements: int = 7):
    n = draw(st.integers(1, max_statements))
    sids = [f"s{k}" for k in range(n)]
    elements = [Statement(sid, draw(st.sampled_from(KINDS)), f"text {sid}") for sid in sids]
    inferences = []
    if n >= 2:
        for k in range(draw(st.integers(0, 2 * n))):
            conclusion = draw(st.sampled_from(sids))
            others = [s for s in sids if s != conclusion]
            premises = draw(st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True))
            inferences.append(Inference(f"i{k}", tuple(premises), conclusion))
        for k in range(draw(st.integers(0, n))):
            target = draw(st.sampled_from(sids + [i.id for i in inferences]))
            others = [s for s in sids if s != target]
            attackers = draw(st.lists(st.sampled_from(others), min_size=1, max_size=2, unique=True))
            elements.append(Conflict(f"c{k}", tuple(attackers), target))
    amap = ArgumentMap("random")
    amap.add_all(elements + inferences)
    return amap


def naive_supported(statements: dict, inferences: list) -> set[str]:
    s = {sid for sid, st_ in statements.items() if st_.kind == "evidence"}
    changed = True
    while changed:
        changed = False
        for inf in inferences:
            if inf.conclusion not in s and all(p in s for p in inf.premises):
                s.add(inf.conclusion)
                changed = True
    return s


def naive_labels(amap: ArgumentMap) -> dict[str, str]:
    label = dict.fromkeys(amap.statements, "undecided")
    conflicts = list(amap.conflicts.values())

    def stands(c):
        return all(label[a] == "in" for a in c.attackers)

    def fails(c):
        return any(label[a] == "out" for a in c.attackers)

    def holds(i):
        return all(label[p] == "in" for p in i.premises) and all(fails(c) for c in conflicts if c.target == i.id)

    def breaks(i):
        return any(label[p] == "out" for p in i.premises) or any(stands(c) for c in conflicts if c.target == i.id)

    changed = True
    while changed:
        changed = False
        for sid, st_ in amap.statements.items():
            if label[sid] != "undecided":
                continue
            on = [c for c in conflicts if c.target == sid]
            into = amap.inferences_into(sid)
            if any(stands(c) for c in on):
                new = "out"
            elif (st_.kind == "evidence" or any(holds(i) for i in into)) and all(fails(c) for c in on):
                new = "in"
            elif st_.kind != "evidence" and all(breaks(i) for i in into):
                new = "out"
            else:
                continue
            label[sid] = new
            changed = True
    return label


def brute_critical(amap: ArgumentMap) -> set[tuple[str, str]]:
    statements = dict(amap.statements)
    inferences = list(amap.inferences.values())
    supported = naive_supported(statements, inferences)
    found = set()
    for r, st_ in statements.items():
        if st_.kind != "recommendation" or r not in supported:
            continue
        for d in statements:
            if d == r:
                continue
            rest = {k: v for k, v in statements.items() if k != d}
            kept = [i for i in inferences if d not in i.premises and i.conclusion != d]
            if r not in naive_supported(rest, kept):
                found.add((d, r))
    return found


def mutual_components(amap: ArgumentMap) -> set[frozenset]:
    succ: dict[str, set[str]] = {s: set() for s in amap.statements}
    for inf in amap.inferences.values():
        for p in inf.premises:
            succ[p].add(inf.conclusion)

    def reach(start):
        seen, stack = set(), [start]
        while stack:
            for t in succ[stack.pop()]:
                if t not in seen:
                    seen.add(t)
                    stack.append(t)
        return seen

    reached = {s: reach(s) for s in succ}
    comps = set()
    for s in succ:
        comp = frozenset(t for t in succ if t == s or (t in reached[s] and s in reached[t]))
        if len(comp) > 1:
            comps.add(comp)
    return comps


SETTINGS = settings(max_examples=int(os.environ.get("ARGMAP_ORACLE_EXAMPLES", "400")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(maps())
def test_supported_set_equals_naive_fixpoint(amap):
    report = check_map(amap)
    expected = naive_supported(dict(amap.statements), list(amap.inferences.values()))
    assert set(report.supported) == expected
    assert list(report.supported) == [s for s in amap.statements if s in expected]


@SETTINGS
@given(maps())
def test_labels_equal_naive_fixpoint(amap):
    assert check_map(amap).labels == naive_labels(amap)


@SETTINGS
@given(maps())
def test_outside_the_affected_region_in_means_supported(amap):
    """The shortcut the labelling takes: away from conflicts and cycles, ``in`` is exactly S."""
    from argmap.analysis.graph import build_graph, cyclic_components
    from argmap.analysis.labels import affected_region

    graph = build_graph(amap)
    region = affected_region(graph, cyclic_components(graph))
    labels = naive_labels(amap)
    supported = naive_supported(dict(amap.statements), list(amap.inferences.values()))
    for sid, inside in zip(graph.sids, region):
        if not inside:
            assert labels[sid] == ("in" if sid in supported else "out")
    targets = {c.target for c in amap.conflicts.values()}
    assert all(region[graph.index[t]] for t in targets if t in graph.index)


@SETTINGS
@given(maps())
def test_single_points_of_failure_equal_brute_force(amap):
    report = check_map(amap)
    got = {(d.target, d.related[0]) for d in report.diagnostics if d.code == "AM008"}
    assert got == brute_critical(amap)
    assert all(len(d.related) == 1 for d in report.diagnostics if d.code == "AM008")


@SETTINGS
@given(maps(max_statements=8))
def test_one_circular_support_per_cyclic_component(amap):
    report = check_map(amap)
    found = [d for d in report.diagnostics if d.code == "AM002"]
    assert {frozenset((d.target, *d.related)) for d in found} == mutual_components(amap)
    order = list(amap.statements)
    for d in found:  # target: the first statement of the component in document order
        assert all(order.index(d.target) < order.index(r) for r in d.related)


@SETTINGS
@given(maps())
def test_findings_are_sorted_and_well_formed(amap):
    report = check_map(amap)
    rank = {name: n for n, name in enumerate(SEVERITIES)}
    keys = [(rank[d.severity], d.code, d.target, d.related) for d in report.diagnostics]
    assert keys == sorted(keys)
    assert all(d.target in amap.statements for d in report.diagnostics)
    assert all(d.message and "\n" not in d.message for d in report.diagnostics)
    assert sum(report.summary().values()) == len(report.diagnostics)
    undecided = {s for s, lab in report.labels.items() if lab == "undecided"}
    assert {d.target for d in report.diagnostics if d.code == "AM007"} == undecided
