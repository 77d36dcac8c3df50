"""Automatic layout: no overlaps, conclusions above premises, pins, branches, engines agree."""

from __future__ import annotations

import pytest

from argmap.layout import auto_layout, branch_ids, crossings, overlaps
from argmap.layout.graph import RANK_GAP
from argmap.model import ArgumentMap, Conflict, Inference, Position, Statement
from argmap.model.synth import argument_like

ENGINES = ("dot", "fast")


def sizes_of(amap: ArgumentMap) -> dict:
    """Varied sizes, like measured text: width 160..300, height by text length."""
    return {s.id: (160.0 + (len(s.text) * 7) % 140, 30.0 + 18.0 * (len(s.text) // 30 + 1))
            for s in amap.statements.values()}


def placed(amap: ArgumentMap, positions: dict) -> ArgumentMap:
    out = amap.copy()
    out.move(positions)
    return out


def top(pos, sizes, sid):
    return pos[sid].y - sizes[sid][1] / 2


def bottom(pos, sizes, sid):
    return pos[sid].y + sizes[sid][1] / 2


def assert_conclusions_above(amap, pos, sizes, among=None):
    """Every premise's box starts at least a half rank gap below its conclusion's box (maps without cycles)."""
    for inf in amap.inferences.values():
        for p in inf.premises:
            if among is not None and not {p, inf.conclusion} <= set(among):
                continue
            assert top(pos, sizes, p) >= bottom(pos, sizes, inf.conclusion) + RANK_GAP / 2 - 1e-6, (inf, p)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("n,seed", [(40, 1), (300, 2), (300, 3)])
def test_synthetic_maps_have_no_overlap_and_conclusions_on_top(engine, n, seed):
    amap = argument_like(n, seed=seed, cycles=0)
    sizes = sizes_of(amap)
    pos = auto_layout(amap, sizes, engine=engine)
    assert set(pos) == set(amap.statements)
    assert overlaps(pos, sizes) == 0
    assert_conclusions_above(amap, pos, sizes)


@pytest.mark.parametrize("engine", ENGINES)
def test_co_premises_share_a_row_and_attackers_hang_below(engine):
    amap = argument_like(300, seed=4, cycles=0)
    sizes = sizes_of(amap)
    pos = auto_layout(amap, sizes, engine=engine)
    linked = [i for i in amap.inferences.values() if len(i.premises) > 1]
    assert linked
    for inf in linked:
        assert len({round(pos[p].y, 3) for p in inf.premises}) == 1, inf
    for con in amap.conflicts.values():
        if con.target in amap.statements:
            for a in con.attackers:
                assert pos[a].y > pos[con.target].y


def test_fast_crossings_close_to_dot_on_the_same_maps():
    for seed in (5, 6, 7):
        amap = argument_like(300, seed=seed)
        sizes = sizes_of(amap)
        fast = crossings(amap, auto_layout(amap, sizes, engine="fast"), sizes)
        dot = crossings(amap, auto_layout(amap, sizes, engine="dot"), sizes)
        assert fast <= 1.5 * dot + 5, (seed, fast, dot)


def test_crossings_counts_an_x_and_overlaps_counts_pairs():
    amap = ArgumentMap()
    amap.add_all([Statement("a", "claim", "A"), Statement("b", "claim", "B"),
                  Statement("p", "evidence", "P"), Statement("q", "evidence", "Q"),
                  Inference("i1", ("p",), "a"), Inference("i2", ("q",), "b")])
    sizes = {k: (100.0, 40.0) for k in "abpq"}
    straight = {"a": Position(0, 0), "b": Position(200, 0), "p": Position(0, 200), "q": Position(200, 200)}
    crossed = dict(straight, p=Position(200, 200), q=Position(0, 200))
    assert crossings(amap, straight, sizes) == 0
    assert crossings(amap, crossed, sizes) == 1
    assert overlaps(straight, sizes) == 0
    assert overlaps(dict(straight, b=Position(50, 10), q=Position(0, 200)), sizes) == 2


@pytest.mark.parametrize("engine", ENGINES)
def test_empty_single_and_cyclic_maps(engine):
    assert auto_layout(ArgumentMap(), {}, engine=engine) == {}
    one = ArgumentMap()
    one.add(Statement("s", "claim", "Alone"))
    assert set(auto_layout(one, {}, engine=engine)) == {"s"}
    ring = ArgumentMap()
    ring.add_all([Statement(k, "claim", k) for k in "abc"]
                 + [Inference("i1", ("a",), "b"), Inference("i2", ("b",), "c"), Inference("i3", ("c",), "a"),
                    Conflict("c1", ("a",), "i2")])
    pos = auto_layout(ring, {}, engine=engine)
    assert set(pos) == {"a", "b", "c"}
    assert overlaps(pos, {}) == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_output_is_deterministic(engine):
    amap = argument_like(200, seed=8)
    sizes = sizes_of(amap)
    assert auto_layout(amap, sizes, engine=engine) == auto_layout(amap.copy(), dict(sizes), engine=engine)


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="neato"):
        auto_layout(ArgumentMap(), {}, engine="neato")


@pytest.mark.parametrize("engine", ("auto", "fast"))
def test_pinned_statements_never_move(engine):
    amap = argument_like(120, seed=9)
    sizes = sizes_of(amap)
    amap = placed(amap, auto_layout(amap, sizes, engine="fast"))
    pins = {"s3": Position(-500, 40), "s10": Position(900, 3000), "s50": Position(0, 0)}
    amap.move(pins)
    for sid in pins:
        amap.update(sid, pinned=True)
    pos = auto_layout(amap, sizes, engine=engine)
    for sid, p in pins.items():
        assert pos[sid] == p
    assert set(pos) == set(amap.statements)
    assert overlaps(pos, sizes) == 0


@pytest.mark.parametrize("engine", ("auto", "fast"))
def test_only_moves_the_branch_and_leaves_the_rest(engine):
    amap = argument_like(150, seed=10, cycles=0)
    sizes = sizes_of(amap)
    amap = placed(amap, auto_layout(amap, sizes, engine="fast"))
    root = next(s for s in amap.statements if len(branch_ids(amap, [s])) >= 6 and amap.uses_of(s)
                and any(s in i.premises for i in amap.inferences.values()))
    branch = branch_ids(amap, [root])
    scrambled = {sid: Position(amap.statements[sid].position.x + 37 * k, amap.statements[sid].position.y - 11 * k)
                 for k, sid in enumerate(branch)}
    amap.move(scrambled)
    before = {k: s.position for k, s in amap.statements.items()}
    pos = auto_layout(amap, sizes, engine=engine, only=[root])
    assert set(pos) == set(branch)
    after = dict(before, **pos)
    assert overlaps(after, sizes) == 0
    assert_conclusions_above(amap, after, sizes, among=branch)
    for sid in amap.statements:
        if sid not in branch:
            assert after[sid] == before[sid]


def test_only_keeps_pinned_statements_of_the_branch():
    amap = argument_like(60, seed=11, cycles=0)
    sizes = sizes_of(amap)
    amap = placed(amap, auto_layout(amap, sizes, engine="fast"))
    root = next(s for s in amap.statements if len(branch_ids(amap, [s])) >= 4)
    pinned = branch_ids(amap, [root])[-1]
    amap.update(pinned, pinned=True)
    spot = amap.statements[pinned].position
    pos = auto_layout(amap, sizes, only=[root])
    assert pos[pinned] == spot
    assert overlaps({**{k: s.position for k, s in amap.statements.items()}, **pos}, sizes) == 0


def test_branch_ids_follow_premises_and_attackers():
    amap = ArgumentMap()
    amap.add_all([Statement(k, "claim", k) for k in "abcde"]
                 + [Inference("i1", ("b", "c"), "a"), Conflict("c1", ("d",), "b"), Inference("i2", ("e",), "d")])
    assert branch_ids(amap, ["b"]) == ["b", "d", "e"]
    assert branch_ids(amap, ["a"]) == ["a", "b", "c", "d", "e"]


def test_auto_keeps_the_candidate_with_fewest_routed_crossings_on_small_maps():
    from argmap.layout.auto import candidates
    from argmap.layout.edges import routed_quality
    from argmap.layout.graph import build_graph
    from argmap.layout.metrics import box

    amap = argument_like(120, seed=11)
    sizes = {sid: (240.0, 80.0) for sid in amap.statements}

    def routed(centres):
        return routed_quality(amap, {k: box(Position(*centres[k]), sizes[k]) for k in amap.statements}).crossings

    graph = build_graph(amap, sizes)
    counts = [routed(layout(graph)) for layout in candidates(graph)]
    chosen = auto_layout(amap, sizes)
    assert routed({k: (p.x, p.y) for k, p in chosen.items()}) == min(counts)
