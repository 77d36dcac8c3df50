"""Each rule of the three-way merge on a small example (SPEC §6)."""

from __future__ import annotations

import copy
from pathlib import Path

from argmap.formats import native, read_file
from argmap.formats.merge import merge_documents, merge_maps
from argmap.model import Inference, Position, Statement

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "shot-by-both-sides.argmap"


def doc(statements=(), inferences=(), conflicts=(), **top) -> dict:
    out = {"format": "argmap", "version": 1, "title": "t",
           "statements": [{"id": s, "kind": "claim", "text": s.upper()} if isinstance(s, str) else s
                          for s in statements],
           "inferences": list(inferences), "conflicts": list(conflicts)}
    out.update(top)
    return out


def three():
    base = read_file(EXAMPLE)
    return base, base.copy(), base.copy()


def test_one_sided_changes_are_taken_and_identical_ones_once():
    base, ours, theirs = three()
    ours.update("s4", text="Ours.")
    theirs.update("s5", note="Theirs.")
    ours.update("s6", kind="evidence")
    theirs.update("s6", kind="evidence")
    theirs.move({"s7": Position(5, 5)})
    result = merge_maps(base, ours, theirs)
    assert result.clean and "merge_conflicts" not in result.document
    m = result.map
    assert (m.statements["s4"].text, m.statements["s5"].note, m.statements["s6"].kind) == \
        ("Ours.", "Theirs.", "evidence")
    assert m.statements["s7"].position == Position(5, 5)


def test_different_changes_to_one_field_keep_ours_and_are_listed():
    base, ours, theirs = three()
    ours.update("s4", text="Ours.")
    theirs.update("s4", text="Theirs.", note="Also theirs.")
    ours.set_meta(title="Ours")
    theirs.set_meta(title="Theirs")
    result = merge_maps(base, ours, theirs)
    assert result.map.statements["s4"].text == "Ours." and result.map.statements["s4"].note == "Also theirs."
    assert result.conflicts == [
        {"id": "", "field": "title", "base": "Shot by Both Sides", "ours": "Ours", "theirs": "Theirs"},
        {"id": "s4", "field": "text", "base": base.statements["s4"].text, "ours": "Ours.", "theirs": "Theirs."}]
    assert native.to_document(result.map)["merge_conflicts"] == result.conflicts  # what OUT's file holds


def test_change_against_removal_follows_ours():
    base, ours, theirs = three()
    ours.update("c1", note="Ours changed it.")
    theirs.remove(["c1"])
    theirs.update("c2", note="Theirs changed it.")
    ours.remove(["c2"])
    result = merge_maps(base, ours, theirs)
    assert "c1" in result.map.conflicts and "c2" not in result.map.conflicts
    by_id = {c["id"]: c for c in result.conflicts}
    assert by_id["c1"]["field"] == "removed" and by_id["c1"]["theirs"] is None
    assert by_id["c1"]["ours"]["note"] == "Ours changed it."
    assert by_id["c2"]["field"] == "removed" and by_id["c2"]["ours"] is None
    assert by_id["c2"]["theirs"]["note"] == "Theirs changed it."


def test_an_element_removed_on_one_side_but_still_referenced_is_kept():
    base, ours, theirs = three()
    ours.remove(["s43"])
    theirs.add_all([Statement("s90", "evidence", "New evidence.", source="x"),
                    Inference("i90", ("s90",), "s43")])
    result = merge_maps(base, ours, theirs)
    assert {"s43", "s90", "i90"} <= set(result.map.statements) | set(result.map.inferences)
    at = list(base.statements).index("s43")
    assert result.conflicts == [{"id": "s43", "field": "removed", "base": native.to_document(base)["statements"][at],
                                 "ours": None, "theirs": native.to_document(theirs)["statements"][at]}]


def test_valid_changes_that_make_an_invalid_element_fall_back_to_ours():
    """OURS adds s2 to i1's premises while THEIRS makes s2 i1's conclusion."""
    base = doc(["s1", "s2", "s3"], [{"id": "i1", "premises": ["s1"], "conclusion": "s3"}])
    ours = copy.deepcopy(base)
    ours["inferences"][0]["premises"] = ["s1", "s2"]
    theirs = copy.deepcopy(base)
    theirs["inferences"][0]["conclusion"] = "s2"
    theirs["statements"][0]["text"] = "Theirs."
    result = merge_documents(base, ours, theirs)
    assert result.map.inferences["i1"] == Inference("i1", ("s1", "s2"), "s3")
    assert result.map.statements["s1"].text == "Theirs."  # the rest of THEIRS is still taken
    assert result.conflicts == [{"id": "i1", "field": "conclusion", "base": "s3", "ours": "s3", "theirs": "s2"}]


def test_same_id_added_on_both_sides():
    base = doc(["s1"])
    same = doc(["s1", {"id": "s2", "kind": "claim", "text": "Same."}])
    assert merge_documents(base, same, copy.deepcopy(same)).clean
    other = doc(["s1", {"id": "s2", "kind": "evidence", "text": "Other.", "note": "n"}])
    result = merge_documents(base, same, other)
    assert result.document["statements"][1] == {"id": "s2", "kind": "claim", "text": "Same.", "note": "n"}
    assert [(c["field"], c["base"], c["ours"], c["theirs"]) for c in result.conflicts] == [
        ("kind", None, "claim", "evidence"), ("text", None, "Same.", "Other.")]


def test_same_id_as_different_kinds_of_element_keeps_ours():
    base = doc(["s1", "s2"])
    ours = doc(["s1", "s2"], [{"id": "x", "premises": ["s1"], "conclusion": "s2"}])
    theirs = doc(["s1", "s2", "x"], [{"id": "i9", "premises": ["x"], "conclusion": "s1"}])
    result = merge_documents(base, ours, theirs)
    assert "x" in result.map.inferences and "i9" not in result.map.inferences
    fields = [(c["id"], c["field"]) for c in result.conflicts]
    assert fields == [("x", "type"), ("i9", "removed")]
    assert result.conflicts[1]["base"] is None and result.conflicts[1]["theirs"]["premises"] == ["x"]


def test_comments_merge_by_value():
    a, b, c, d = ({"author": "ana", "text": t} for t in "ABCD")
    b2 = {**b, "resolved": True}
    base = doc([{"id": "s1", "kind": "claim", "text": "x", "comments": [a, b]}])
    ours = doc([{"id": "s1", "kind": "claim", "text": "x", "comments": [b, c]}])  # A removed, C added
    theirs = doc([{"id": "s1", "kind": "claim", "text": "x", "comments": [a, b2, d, c]}])  # B resolved
    result = merge_documents(base, ours, theirs)
    assert result.clean
    assert result.document["statements"][0]["comments"] == [c, b2, d]


def test_earlier_merge_conflicts_are_carried_and_inputs_untouched():
    old = {"id": "s1", "field": "text", "base": "a", "ours": "b", "theirs": "c"}
    base = doc(["s1"])
    ours = doc(["s1"], merge_conflicts=[old])
    theirs = doc([{"id": "s1", "kind": "claim", "text": "Theirs."}])
    before = copy.deepcopy((base, ours, theirs))
    result = merge_documents(base, ours, theirs)
    assert result.clean and result.document["merge_conflicts"] == [old]
    assert (base, ours, theirs) == before


def test_order_is_ours_with_theirs_additions_after_their_predecessor():
    base = doc(["a", "b"])
    ours = doc(["a", "x", "b"])
    theirs = doc(["y", "a", "z", "b", "w"])
    result = merge_documents(base, ours, theirs)
    assert [s["id"] for s in result.document["statements"]] == ["y", "a", "x", "z", "b", "w"]
