"""place_new: a new statement goes next to its parent, moves nothing, overlaps nothing."""

from __future__ import annotations

from argmap.layout import auto_layout, overlaps, place_new
from argmap.model import Conflict, Inference, Statement
from argmap.model.synth import argument_like


def laid_out(n, seed):
    amap = argument_like(n, seed=seed, cycles=0)
    sizes = {s.id: (240.0, 30.0 + 18.0 * (len(s.text) // 34 + 1)) for s in amap.statements.values()}
    amap.move(auto_layout(amap, sizes, engine="fast"))
    return amap, sizes


def positions(amap):
    return {k: s.position for k, s in amap.statements.items() if s.position is not None}


def test_new_premise_goes_below_its_conclusion_beside_its_siblings():
    amap, sizes = laid_out(80, 1)
    parent = next(i.conclusion for i in amap.inferences.values())
    before = positions(amap)
    amap.add_all([Statement("new", "evidence", "Fresh report"), Inference("inew", ("new",), parent)])
    sizes["new"] = (240.0, 60.0)
    spot = place_new(amap, "new", sizes)
    assert positions(amap) == before  # nothing else moved, nothing written
    assert spot.y > amap.statements[parent].position.y
    assert overlaps({**before, "new": spot}, sizes) == 0


def test_new_attacker_goes_beside_its_target_and_an_undercutter_beside_the_premises():
    amap, sizes = laid_out(80, 2)
    target = next(iter(amap.statements))
    inference = next(iter(amap.inferences.values()))
    before = positions(amap)
    amap.add_all([Statement("obj", "claim", "But no"), Conflict("cnew", ("obj",), target),
                  Statement("und", "claim", "Does not follow"), Conflict("cund", ("und",), inference.id)])
    spot = place_new(amap, "obj", sizes)
    assert abs(spot.y - amap.statements[target].position.y) < 1e-6 or spot.y > amap.statements[target].position.y
    amap.move({"obj": spot})
    under = place_new(amap, "und", sizes)
    assert under.y > amap.statements[inference.conclusion].position.y
    assert overlaps({**before, "obj": spot, "und": under}, sizes) == 0


def test_new_conclusion_goes_above_its_premise_and_loose_statement_goes_free():
    amap, sizes = laid_out(50, 3)
    premise = next(iter(amap.statements))
    amap.add_all([Statement("up", "claim", "Therefore"), Inference("iup", (premise,), "up")])
    spot = place_new(amap, "up", sizes)
    assert spot.y < amap.statements[premise].position.y
    amap.move({"up": spot})
    crowded = amap.statements[premise].position
    amap.add(Statement("loose", "claim", "Unrelated", position=crowded))
    free = place_new(amap, "loose", sizes)
    assert overlaps({**positions(amap), "loose": free}, sizes) == 0


def test_first_statement_of_an_empty_map():
    amap = argument_like(1, seed=0)
    spot = place_new(amap, "s1", {})
    assert spot.x > 0 and spot.y > 0
