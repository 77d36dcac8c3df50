"""check_map against naive restatements of SPEC §5 on random small version-2 maps (hypothesis).

Each oracle says SPEC §5 literally: grounds, S with grounds, the labels with
assumed claims treated like evidence, reach / root / depends-on by walking
``via``, S∖X by recomputing S once per source (brute force), S∖D and S∖A by
recomputing S without those grounds, "under R" by reachability, and from
those AM003, AM005, AM008 and AM009-AM012. ARGMAP_ORACLE_EXAMPLES sets the
number of random maps per test (400).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.analysis import check_map
from argmap.model import ArgumentMap, Conflict, Inference, Source, Statement

KINDS = ("claim", "evidence", "recommendation")


@st.composite
def graded_maps(draw, max_statements: int = 7, max_sources: int = 4):
    """Random maps with sources in via forests (listed in any order), cites, grades and assumptions."""
    k = draw(st.integers(0, max_sources))
    xids = [f"x{j}" for j in range(k)]
    order = draw(st.permutations(xids))  # a via points to a source earlier in this order: never a loop
    via = {x: (draw(st.sampled_from(["", *order[:j]])) if j else "") for j, x in enumerate(order)}
    sources = [Source(x, f"source {x}", draw(st.sampled_from("ABCDEF")), via[x]) for x in xids]
    n = draw(st.integers(1, max_statements))
    sids = [f"s{j}" for j in range(n)]
    statements = []
    for sid in sids:
        kind = draw(st.sampled_from(KINDS))
        fields: dict = {}
        if kind == "evidence":
            fields["cites"] = tuple(draw(st.lists(st.sampled_from(xids), unique=True, max_size=3))) if xids else ()
            fields["credibility"] = draw(st.sampled_from([None, 1, 2, 3, 4, 5, 6]))
        elif kind == "claim":
            fields["assumed"] = draw(st.booleans())
        statements.append(Statement(sid, kind, f"text {sid}", **fields))
    links: list = []
    if n >= 2:
        inferences = []
        for j in range(draw(st.integers(0, 2 * n))):
            conclusion = draw(st.sampled_from(sids))
            others = [s for s in sids if s != conclusion]
            premises = draw(st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True))
            inferences.append(Inference(f"i{j}", tuple(premises), conclusion))
        links += inferences
        for j in range(draw(st.integers(0, n // 2))):
            target = draw(st.sampled_from(sids + [i.id for i in inferences]))
            others = [s for s in sids if s != target]
            links.append(Conflict(f"c{j}", tuple(draw(st.lists(st.sampled_from(others), min_size=1, max_size=2,
                                                                 unique=True))), target))
    amap = ArgumentMap("random v2")
    amap.add_all([*sources, *statements, *links])
    return amap


# ---------------------------------------------------------------- SPEC §5, literally
def grounds(amap: ArgumentMap) -> set[str]:
    return {s.id for s in amap.statements.values() if s.kind == "evidence" or s.assumed}


def closure(amap: ArgumentMap, start: set[str]) -> set[str]:
    s = set(start)
    changed = True
    while changed:
        changed = False
        for inf in amap.inferences.values():
            if inf.conclusion not in s and all(p in s for p in inf.premises):
                s.add(inf.conclusion)
                changed = True
    return s


def supported(amap: ArgumentMap) -> set[str]:
    return closure(amap, grounds(amap))


def chain(amap: ArgumentMap, x: str) -> list[str]:
    out = [x]
    while amap.sources[out[-1]].via:
        out.append(amap.sources[out[-1]].via)
    return out


def reach(amap: ArgumentMap, x: str) -> set[str]:
    return {y for y in amap.sources if x in chain(amap, y)}


def root(amap: ArgumentMap, x: str) -> str:
    return chain(amap, x)[-1]


def depends_on(amap: ArgumentMap, e: Statement, x: str) -> bool:
    return bool(e.cites) and all(c in reach(amap, x) for c in e.cites)


def doubtful(amap: ArgumentMap, e: Statement) -> bool:
    return e.kind == "evidence" and (e.credibility in (4, 5) or (
        bool(e.cites) and all(amap.sources[c].reliability in "DE" for c in e.cites)))


def conclusions(amap: ArgumentMap) -> list[str]:
    used = {p for i in amap.inferences.values() for p in i.premises}
    used |= {a for c in amap.conflicts.values() for a in c.attackers}
    return [s.id for s in amap.statements.values()
            if s.kind == "recommendation" or (s.kind == "claim" and s.id not in used)]


def under(amap: ArgumentMap, r: str) -> set[str]:
    found, frontier = set(), [r]
    while frontier:
        s = frontier.pop()
        for inf in amap.inferences.values():
            if inf.conclusion == s:
                for p in inf.premises:
                    if p not in found:
                        found.add(p)
                        frontier.append(p)
    return found


def in_order(amap: ArgumentMap, ids: set[str]) -> tuple[str, ...]:
    return tuple(s for s in amap.statements if s in ids)


def lost_without(amap: ArgumentMap, dropped: set[str]) -> set[str]:
    """Conclusions in S that are not in S computed without the grounds ``dropped``."""
    s, rest = supported(amap), closure(amap, grounds(amap) - dropped)
    return {r for r in conclusions(amap) if r in s and r not in rest}


def expected_single_source(amap: ArgumentMap) -> set[tuple]:
    found = set()
    for x in amap.sources:
        dependent = {e.id for e in amap.statements.values() if e.kind == "evidence" and depends_on(amap, e, x)}
        for r in lost_without(amap, dependent):
            found.add((r, x, in_order(amap, under(amap, r) & dependent)))
    return found


def expected_lost(amap: ArgumentMap, dropped: set[str]) -> set[tuple]:
    return {(r, in_order(amap, under(amap, r) & dropped)) for r in lost_without(amap, dropped)}


def naive_labels(amap: ArgumentMap) -> dict[str, str]:
    label = dict.fromkeys(amap.statements, "undecided")
    conflicts = list(amap.conflicts.values())
    ground = grounds(amap)

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
        for sid in amap.statements:
            if label[sid] != "undecided":
                continue
            on = [c for c in conflicts if c.target == sid]
            into = amap.inferences_into(sid)
            if any(stands(c) for c in on):
                label[sid] = "out"
            elif (sid in ground or any(holds(i) for i in into)) and all(fails(c) for c in on):
                label[sid] = "in"
            elif sid not in ground and all(breaks(i) for i in into):
                label[sid] = "out"
            else:
                continue
            changed = True
    return label


def found(report, code: str) -> set[tuple]:
    out = set()
    for d in report.diagnostics:
        if d.code == code:
            out.add((d.target, d.source, d.related) if code == "AM009" else (d.target, d.related))
    return out


SETTINGS = settings(max_examples=int(os.environ.get("ARGMAP_ORACLE_EXAMPLES", "400")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(graded_maps())
def test_supported_set_and_labels_treat_assumed_claims_as_grounds(amap):
    report = check_map(amap)
    assert list(report.supported) == [s for s in amap.statements if s in supported(amap)]
    assert report.labels == naive_labels(amap)


@SETTINGS
@given(graded_maps())
def test_tradecraft_findings_equal_recomputing_s_without_each_source_doubt_and_assumption(amap):
    report = check_map(amap)
    assert found(report, "AM009") == expected_single_source(amap)
    assert all(d.source in amap.sources for d in report.diagnostics if d.code == "AM009")
    assert all(d.source is None for d in report.diagnostics if d.code != "AM009")
    dropped = {e.id for e in amap.statements.values() if doubtful(amap, e)}
    assert found(report, "AM010") == expected_lost(amap, dropped)
    expected = {(e.id, ()) for e in amap.statements.values()
                if e.credibility == 1 and len({root(amap, c) for c in e.cites}) < 2}
    assert found(report, "AM011") == expected
    dropped = {s.id for s in amap.statements.values() if s.assumed}
    assert found(report, "AM012") == expected_lost(amap, dropped)


@SETTINGS
@given(graded_maps())
def test_changed_rules_am003_am005_am008_and_the_order_of_findings(amap):
    report = check_map(amap)
    s = supported(amap)
    assert all(not amap.statements[d.target].assumed for d in report.diagnostics if d.code == "AM003")
    unsourced = {(e.id, ()) for e in amap.statements.values()
                 if e.kind == "evidence" and not e.anchors and not e.source.strip() and not e.cites}
    assert found(report, "AM005") == unsourced
    critical = set()
    for r in (x for x, st_ in amap.statements.items() if st_.kind == "recommendation" and x in s):
        for d in amap.statements:
            if d != r:  # D removed with every inference naming it
                rest = ArgumentMap()
                rest.add_all([*amap.sources.values(), *(x for x in amap.statements.values() if x.id != d),
                              *(i for i in amap.inferences.values() if d not in (*i.premises, i.conclusion))])
                if r not in supported(rest):
                    critical.add((d, (r,)))
    assert found(report, "AM008") == critical
    keys = [(d.code, d.target, d.related, d.source or "") for d in report.diagnostics]
    assert keys == sorted(keys)
    assert all(d.message and "\n" not in d.message for d in report.diagnostics)
    assert sum(report.summary().values()) == len(report.diagnostics)


@settings(max_examples=200, deadline=None)
@given(graded_maps(max_statements=6, max_sources=5))
def test_reach_root_and_depends_on_agree_with_the_model(amap):
    """The model's via chains agree with the naive walk, and so does what the checks count as dependent."""
    from argmap.analysis.grades import grade_facts
    from argmap.analysis.graph import build_graph

    facts = grade_facts(build_graph(amap))
    for x in amap.sources:
        assert list(amap.via_chain(x)) == chain(amap, x)
    if facts is None:
        assert not amap.sources and not any(s.assumed or s.cites or s.credibility for s in amap.statements.values())
        return
    ids = facts.source_ids
    for k, x in enumerate(ids):
        assert ids[facts.root(k)] == root(amap, x)
    for e, deps in facts.depends.items():
        statement = list(amap.statements.values())[e]
        assert {ids[x] for x in deps} == {x for x in amap.sources if depends_on(amap, statement, x)}
