"""Settling merge conflicts one by one: each choice is a short list of edits; the list then drops it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from review_edits import LINK_EDITS, edited

from argmap.formats import native, read_file
from argmap.formats.diff_apply import apply_edit
from argmap.formats.mapdoc import elements
from argmap.formats.merge import merge_maps
from argmap.formats.resolve import conflicts_of, resolution
from argmap.model import Inference, ModelError, Statement
from argmap.model.synth import argument_like

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "shot-by-both-sides.argmap"


def settle(amap, conflict, choice):
    for edit in resolution(amap, conflict, choice):
        apply_edit(amap, edit)


@pytest.fixture
def merged():
    base = read_file(EXAMPLE)
    ours, theirs = base.copy(), base.copy()
    ours.update("s4", text="Ours.")
    theirs.update("s4", text="Theirs.")
    ours.set_meta(title="Ours")
    theirs.set_meta(title="Theirs")
    ours.remove(["s43"])
    theirs.add_all([Statement("s90", "claim", "New."), Inference("i90", ("s90",), "s43")])
    theirs.update("c1", note="Theirs' note.")
    ours.remove(["c1"])
    result = merge_maps(base, ours, theirs)
    assert [(c["id"], c["field"]) for c in result.conflicts] == [
        ("", "title"), ("s4", "text"), ("s43", "removed"), ("c1", "removed")]
    return result.map


def test_taking_theirs_for_each_conflict(merged):
    for conflict in conflicts_of(merged):
        settle(merged, conflict, "theirs")
    assert merged.title == "Theirs" and merged.statements["s4"].text == "Theirs."
    assert "s43" in merged.statements and merged.conflicts["c1"].note == "Theirs' note."
    assert conflicts_of(merged) == [] and "merge_conflicts" not in native.to_document(merged)


def test_keeping_ours_only_drops_the_conflicts(merged):
    before = native.to_document(merged)
    sizes = {c["id"]: len(resolution(merged, c, "ours")) for c in conflicts_of(merged)}
    assert sizes == {"": 1, "s4": 1, "c1": 1, "s43": 2}  # the list edit; s43 also goes, as ours removed it
    for conflict in conflicts_of(merged):
        settle(merged, conflict, "ours")
    after = native.to_document(merged)
    assert "s43" not in merged.statements and "i90" not in merged.inferences  # the model's cascade
    assert after["statements"] == [s for s in before["statements"] if s["id"] != "s43"]
    assert after["title"] == "Ours" and "merge_conflicts" not in after


def test_base_and_a_wrong_choice(merged):
    s4 = next(c for c in conflicts_of(merged) if c["id"] == "s4")
    settle(merged, s4, "base")
    assert merged.statements["s4"].text == read_file(EXAMPLE).statements["s4"].text
    removal = next(c for c in conflicts_of(merged) if c["id"] == "s43")
    settle(merged, removal, "ours")  # ours removed s43: removing it takes i90 (into it) with it
    assert "s43" not in merged.statements and "i90" not in merged.inferences
    with pytest.raises(ValueError):
        resolution(merged, conflicts_of(merged)[0], "mine")


@settings(max_examples=100, deadline=None)
@given(st.tuples(st.integers(0, 100_000), st.integers(2, 12), st.integers(0, 10), st.integers(0, 10)),
       st.sampled_from(["ours", "theirs", "base"]))
def test_settling_every_conflict_leaves_a_valid_map_without_conflicts(case, choice):
    seed, n, k_ours, k_theirs = case
    base = argument_like(n, seed=seed)
    ours = edited(base, random.Random(seed * 2 + 1), k_ours, LINK_EDITS)
    theirs = edited(base, random.Random(seed * 2 + 2), k_theirs, LINK_EDITS)
    amap = merge_maps(base, ours, theirs).map
    for conflict in conflicts_of(amap):
        try:
            settle(amap, conflict, choice)
        except ModelError:
            continue  # that side's value does not fit the map as it now is: the conflict stays listed
        if conflict["id"] and conflict["field"] not in ("removed", "type") and conflict["id"] in amap:
            key, row = elements(native.to_document(amap))[conflict["id"]]
            assert row.get(conflict["field"]) == conflict[choice]
        assert conflict not in conflicts_of(amap)
    assert native.loads(native.dumps(amap)) == amap


def test_a_value_that_does_not_fit_says_why():
    base = read_file(EXAMPLE)
    ours, theirs = base.copy(), base.copy()
    theirs.add(Statement("s90", "claim", "Theirs' s90."))
    ours.add(Statement("s90", "evidence", "Ours' s90.", source="x"))
    amap = merge_maps(base, ours, theirs).map
    kind = next(c for c in conflicts_of(amap) if (c["id"], c["field"]) == ("s90", "kind"))
    with pytest.raises(ModelError, match=r"^s90: .*the base kind cannot be used in the map as it is: .*kind"):
        resolution(amap, kind, "base")  # s90 was added on both sides: base has no kind for it
    assert kind in conflicts_of(amap)  # nothing changed
