"""The model keeps the invariants of SPEC §1 and reports each change once."""

from __future__ import annotations

import pytest

from argmap.model import (
    Anchor,
    ArgumentMap,
    Change,
    Conflict,
    Inference,
    ModelError,
    Position,
    Statement,
)
from argmap.model.synth import argument_like


def small_map() -> ArgumentMap:
    amap = ArgumentMap(title="t")
    amap.add_all([
        Statement("r", "recommendation", "Act"),
        Statement("c", "claim", "Because"),
        Statement("d", "claim", "And also"),
        Statement("e", "evidence", "Data", source="report"),
        Statement("o", "claim", "Objection"),
        Inference("i1", ("c", "d"), "r"),
        Inference("i2", ("e",), "c"),
        Conflict("k1", ("o",), "i1"),
        Conflict("k2", ("o", "d"), "c"),
    ])
    return amap


def recorder(amap: ArgumentMap) -> list[Change]:
    seen: list[Change] = []
    amap.subscribe(seen.append)
    return seen


def test_add_all_accepts_elements_in_any_order_and_emits_once():
    amap = ArgumentMap()
    seen = recorder(amap)
    amap.add_all([Inference("i", ("a",), "b"), Statement("b", "claim", "B"), Statement("a", "evidence", "A")])
    assert list(amap.statements) == ["b", "a"]
    assert list(amap.inferences) == ["i"]
    assert seen == [Change("added", ("i", "b", "a"))]


@pytest.mark.parametrize("element, rule", [
    (Statement("x", "opinion", "?"), "unknown kind"),
    (Statement("", "claim", "?"), "non-empty"),
    (Statement("c", "claim", "dup"), "duplicate id"),
    (Inference("i9", (), "r"), "at least one premise"),
    (Inference("i9", ("c", "c"), "r"), "listed twice"),
    (Inference("i9", ("zz",), "r"), "'zz' is not a statement"),
    (Inference("i9", ("c",), "i1"), "conclusion 'i1' is not a statement"),
    (Inference("i9", ("c", "r"), "r"), "also one of its own premises"),
    (Conflict("k9", (), "c"), "at least one attacker"),
    (Conflict("k9", ("o",), "o"), "its own target"),
    (Conflict("k9", ("o",), "nowhere"), "neither a statement nor an inference"),
    (Conflict("k9", ("i1",), "c"), "attacker 'i1' is not a statement"),
])
def test_invalid_additions_are_refused_and_leave_the_map_unchanged(element, rule):
    amap = small_map()
    before = amap.copy()
    seen = recorder(amap)
    with pytest.raises(ModelError, match=rule):
        amap.add(element)
    assert amap == before
    assert seen == []


def test_duplicate_ids_across_lists_are_refused():
    amap = small_map()
    with pytest.raises(ModelError, match="duplicate"):
        amap.add(Statement("i1", "claim", "same id as an inference"))


def test_update_returns_old_values_and_reports_changed_fields():
    amap = small_map()
    seen = recorder(amap)
    old = amap.update("c", text="Because, really", kind="claim", tags=["x"])
    assert old == {"text": "Because", "kind": "claim", "tags": ()}
    assert amap.statements["c"].tags == ("x",)
    assert seen == [Change("changed", ("c",), ("text", "tags"))]


def test_update_that_breaks_an_invariant_is_refused():
    amap = small_map()
    before = amap.copy()
    with pytest.raises(ModelError, match="own premises"):
        amap.update("i1", conclusion="c")
    with pytest.raises(ModelError, match="unknown kind"):
        amap.update("c", kind="thesis")
    with pytest.raises(ModelError, match="unknown field"):
        amap.update("c", colour="red")
    assert amap == before


def test_remove_cascades_and_restore_is_exact():
    amap = small_map()
    before = amap.copy()
    seen = recorder(amap)
    removal = amap.remove(["d"])
    # i1 keeps premise c; k2 keeps attacker o; nothing else goes.
    assert amap.inferences["i1"].premises == ("c",)
    assert amap.conflicts["k2"].attackers == ("o",)
    assert "d" not in amap
    assert len(seen) == 1 and seen[0].op == "removed"
    amap.restore(removal)
    assert amap == before
    assert list(amap.statements) == list(before.statements)


def test_removing_a_conclusion_removes_its_inferences_and_their_undercuts():
    amap = small_map()
    before = amap.copy()
    removal = amap.remove(["r"])
    assert "i1" not in amap and "k1" not in amap
    assert set(removal.ids()) == {"r", "i1", "k1"}
    amap.restore(removal)
    assert amap == before


def test_removing_the_last_premise_removes_the_inference():
    amap = small_map()
    amap.remove(["e"])
    assert "i2" not in amap


def test_move_is_one_change_and_returns_old_positions():
    amap = small_map()
    seen = recorder(amap)
    old = amap.move({"c": Position(1, 2), "e": Position(3, 4)})
    assert old == {"c": None, "e": None}
    assert amap.statements["e"].position == Position(3, 4)
    assert seen == [Change("moved", ("c", "e"))]


def test_new_id_is_unused():
    amap = small_map()
    amap.add(Statement("s7", "claim", "x"))
    assert amap.new_id("s") == "s8"
    assert amap.new_id("i") == "i3"


def test_copy_is_deep_and_equal():
    amap = small_map()
    amap.update("e", anchors=(Anchor(0, 3, "abc"),))
    other = amap.copy()
    assert other == amap
    other.update("e", text="changed")
    assert other != amap


def test_synthetic_maps_are_valid_and_deterministic():
    a = argument_like(500, seed=3)
    b = argument_like(500, seed=3)
    assert len(a) == 500
    assert a == b
    assert any(len(i.premises) > 1 for i in a.inferences.values())
    assert a.conflicts


@pytest.mark.parametrize("bad_id", [["x"], 5, None])
def test_ids_of_the_wrong_type_are_refused(bad_id):
    amap = small_map()
    with pytest.raises(ModelError, match="non-empty string"):
        amap.add(Statement(bad_id, "claim", "x"))


def _one_by_one(groups, ends, known, other):
    for members, end in zip(groups, ends):
        if not members or len(set(members)) != len(members) or not known.issuperset(members):
            return False
        if end in members or not (end in known or (other is not None and end in other)):
            return False
    return True


def test_bulk_link_check_agrees_with_checking_links_one_by_one():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from argmap.model.invariants import all_links_ok

    names = st.sampled_from("abcdefg")
    links = st.lists(st.tuples(st.lists(names, max_size=4).map(tuple), names), max_size=6)

    @settings(max_examples=400, deadline=None)
    @given(links, st.sets(names), st.none() | st.sets(names))
    def agree(rows, known, other):
        groups, ends = [r[0] for r in rows], [r[1] for r in rows]
        is_other = None if other is None else other.__contains__
        assert all_links_ok(groups, ends, set(known).__contains__, is_other) == _one_by_one(groups, ends, known, other)

    agree()


@pytest.mark.parametrize("bad, rule", [
    (Inference("i9", (), "r"), "at least one premise"),
    (Inference("i9", ("c", "c"), "r"), "listed twice"),
    (Inference("i9", ("c", "zz"), "r"), "'zz' is not a statement"),
    (Inference("i9", ("c",), "c"), "also one of its own premises"),
    (Conflict("k9", ("o",), "o"), "its own target"),
    (Conflict("k9", ("o",), "nowhere"), "neither a statement nor an inference"),
])
def test_a_bad_link_in_a_big_batch_is_named_and_nothing_is_added(bad, rule):
    amap = small_map()
    before = amap.content()
    batch = argument_like(300, seed=3)
    elements = [*_renamed(batch), bad]
    with pytest.raises(ModelError, match=rule) as info:
        amap.add_all(elements)
    assert info.value.element == bad.id
    assert amap.content() == before


def _renamed(batch: ArgumentMap) -> list:
    """The elements of ``batch`` with ids that do not clash with :func:`small_map`."""
    ren = {eid: "b" + eid for eid in (*batch.statements, *batch.inferences, *batch.conflicts)}
    out = [s.copy(id=ren[s.id]) for s in batch.statements.values()]
    out += [i.copy(id=ren[i.id], premises=tuple(ren[p] for p in i.premises), conclusion=ren[i.conclusion])
            for i in batch.inferences.values()]
    out += [c.copy(id=ren[c.id], attackers=tuple(ren[a] for a in c.attackers), target=ren[c.target])
            for c in batch.conflicts.values()]
    return out


def test_a_loaded_map_keeps_its_numbering_until_it_changes():
    from argmap.formats import native
    from argmap.model.numbering import number

    amap = native.loads(native.dumps(argument_like(400, seed=5)))
    assert amap._numbering is not None  # numbered while the file's links were checked
    kept = amap.numbering()
    assert amap.numbering() is kept
    assert kept == number(dict(amap.statements), dict(amap.inferences), dict(amap.conflicts))
    first_inference = next(iter(amap.inferences))
    amap.remove([first_inference])
    again = amap.numbering()
    assert again is not kept and first_inference not in again.inf_ids
    assert len(again.premises) == len(kept.premises) - 1


def test_numbering_tells_undercuts_from_attacks_on_statements():
    num = small_map().numbering()
    assert num.sids == ["r", "c", "d", "e", "o"] and num.inf_ids == ["i1", "i2"]
    assert num.premises == [[1, 2], [3]] and num.conclusion == [0, 1]
    assert num.attackers == [[4], [4, 2]]
    assert num.con_target == [0, 1] and num.con_on_inference == [True, False]
