"""Sources, grades, assumptions and comments in the model (SPEC §5, §6): invariants, one change each, exact undo."""

from __future__ import annotations

import pytest

from argmap.model import (
    ArgumentMap,
    Change,
    Comment,
    Inference,
    MergeConflict,
    ModelError,
    Source,
    Statement,
)


def graded_map() -> ArgumentMap:
    amap = ArgumentMap(title="graded")
    amap.add_all([
        Statement("r", "recommendation", "Act"),
        Statement("c", "claim", "Because", assumed=True),
        Statement("e1", "evidence", "Report one", cites=("nyt",), credibility=2),
        Statement("e2", "evidence", "Report two", cites=("nyt", "amb"), credibility=3),
        Statement("e3", "evidence", "Column", cites=("kaplan",)),
        Inference("i1", ("c", "e1"), "r", comments=(Comment("Check this", "ann"),)),
        Inference("i2", ("e2", "e3"), "r"),
        Source("kaplan", "Kaplan's column", "B"),
        Source("nyt", "The New York Times", "B", via="kaplan"),
        Source("amb", "The ambassador", "D", via="nyt", comments=(Comment("Quoted by the NYT"),)),
    ])
    return amap


def recorder(amap: ArgumentMap) -> list[Change]:
    seen: list[Change] = []
    amap.subscribe(seen.append)
    return seen


def test_sources_come_first_in_a_batch_and_are_a_read_only_view():
    amap = graded_map()
    assert list(amap.sources) == ["kaplan", "nyt", "amb"]
    assert amap.get("nyt").via == "kaplan" and "nyt" in amap
    with pytest.raises(TypeError):
        amap.sources["x"] = Source("x", "X")  # type: ignore[index]
    assert amap.cited_by("nyt") == ["e1", "e2"]
    assert amap.via_chain("amb") == ("amb", "nyt", "kaplan")
    assert amap.new_id("nyt") == "nyt1"


@pytest.mark.parametrize("element, rule", [
    (Source("s9", ""), "needs a title"),
    (Source("s9", "T", "G"), "unknown reliability 'G'"),
    (Source("s9", "T", via="nowhere"), "not a source of this map"),
    (Source("s9", "T", via="s9"), "via loops"),
    (Source("r", "T"), "duplicate id"),
    (Source("i1", "T"), "duplicate id"),
    (Statement("nyt", "claim", "x"), "duplicate id"),
    (Statement("x", "evidence", "x", cites=("nope",)), "'nope', which is not a source"),
    (Statement("x", "evidence", "x", cites=("nyt", "nyt")), "cited twice"),
    (Statement("x", "claim", "x", cites=("nyt",)), "only evidence may cite"),
    (Statement("x", "recommendation", "x", credibility=2), "only evidence has a credibility"),
    (Statement("x", "evidence", "x", credibility=7), "from 1 to 6"),
    (Statement("x", "evidence", "x", credibility=0), "from 1 to 6"),
    (Statement("x", "evidence", "x", credibility=True), "from 1 to 6"),
    (Statement("x", "evidence", "x", assumed=True), "only a claim can be assumed"),
    (Statement("x", "recommendation", "x", assumed=True), "only a claim can be assumed"),
    (Statement("x", "claim", "x", comments=(Comment(""),)), "comment 1 has no text"),
    (Inference("i9", ("e1",), "c", comments=(Comment("  "),)), "has no text"),
])
def test_refused_additions_name_the_element_and_rule_and_change_nothing(element, rule):
    amap = graded_map()
    before = amap.copy()
    seen = recorder(amap)
    with pytest.raises(ModelError, match=rule):
        amap.add(element)
    assert amap == before and seen == []


def test_a_via_loop_made_by_an_edit_is_refused():
    amap = graded_map()
    before = amap.copy()
    with pytest.raises(ModelError, match="via loops: kaplan -> amb -> nyt -> kaplan"):
        amap.update("kaplan", via="amb")
    assert amap == before


def test_a_via_loop_inside_one_batch_is_refused():
    amap = ArgumentMap()
    with pytest.raises(ModelError, match="via loops"):
        amap.add_all([Source("a", "A", via="b"), Source("b", "B", via="c"), Source("c", "C", via="a")])
    assert not amap.sources


def test_updates_keep_the_grading_rules_and_return_the_old_values():
    amap = graded_map()
    seen = recorder(amap)
    assert amap.update("e1", credibility=4, cites=["amb"]) == {"credibility": 2, "cites": ("nyt",)}
    assert amap.statements["e1"].cites == ("amb",)
    assert seen == [Change("changed", ("e1",), ("credibility", "cites"))]
    with pytest.raises(ModelError, match="only evidence may cite"):
        amap.update("e1", kind="claim")
    assert amap.update("e1", kind="claim", cites=(), credibility=None)["kind"] == "evidence"
    assert amap.update("nyt", reliability="A", title="NYT") == {"reliability": "B", "title": "The New York Times"}
    with pytest.raises(ModelError, match="unknown field"):
        amap.update("nyt", kind="claim")


def test_removing_a_source_edits_cites_and_splices_via_and_restore_is_exact():
    amap = graded_map()
    before = amap.copy()
    seen = recorder(amap)
    removal = amap.remove(["nyt"])
    assert "nyt" not in amap and list(amap.sources) == ["kaplan", "amb"]
    assert amap.statements["e1"].cites == () and amap.statements["e2"].cites == ("amb",)
    assert amap.sources["amb"].via == "kaplan"
    assert seen == [Change("removed", ("nyt", "e1", "e2", "amb"))]
    amap.restore(removal)
    assert amap == before
    assert list(amap.sources) == ["kaplan", "nyt", "amb"]
    assert seen[-1] == Change("added", ("nyt", "e1", "e2", "amb"))


def test_removing_a_chain_of_sources_reaches_past_all_of_them():
    amap = graded_map()
    before = amap.copy()
    removal = amap.remove(["nyt", "kaplan", "e3"])
    assert amap.sources["amb"].via == ""
    assert "e3" not in amap.statements and list(amap.inferences["i2"].premises) == ["e2"]
    amap.restore(removal)
    assert amap == before


def test_merging_sources_is_one_undoable_change():
    amap = graded_map()
    before = amap.copy()
    seen = recorder(amap)
    removal = amap.merge_sources("amb", "nyt")
    assert "amb" not in amap.sources
    assert amap.statements["e2"].cites == ("nyt",)  # cited once, where nyt already stood
    assert amap.sources["nyt"].comments == (Comment("Quoted by the NYT"),)
    assert len(seen) == 1 and seen[0].op == "removed" and seen[0].ids[0] == "amb"
    amap.restore(removal)
    assert amap == before


def test_merging_a_source_into_one_reached_through_it_cannot_loop():
    amap = graded_map()
    before = amap.copy()
    removal = amap.merge_sources("kaplan", "amb")  # amb -> nyt -> kaplan: amb would be reached via itself
    assert amap.sources["nyt"].via == "amb" and amap.sources["amb"].via == ""
    assert amap.statements["e3"].cites == ("amb",)
    amap.restore(removal)
    assert amap == before
    removal = amap.merge_sources("nyt", "amb")
    assert amap.sources["amb"].via == "kaplan"
    assert amap.statements["e1"].cites == ("amb",) and amap.statements["e2"].cites == ("amb",)
    amap.restore(removal)
    assert amap == before


@pytest.mark.parametrize("old, into, rule", [("nyt", "nyt", "into itself"), ("zz", "nyt", "no such source"),
                                            ("nyt", "e1", "no such source")])
def test_bad_merges_are_refused(old, into, rule):
    amap = graded_map()
    before = amap.copy()
    with pytest.raises(ModelError, match=rule):
        amap.merge_sources(old, into)
    assert amap == before


def test_copy_content_and_equality_include_the_new_data():
    amap = graded_map()
    other = amap.copy()
    assert other == amap
    other.update("amb", comments=(Comment("x", resolved=True),))
    assert other != amap
    other = amap.copy()
    other.set_meta(merge_conflicts=[MergeConflict("e1", "text", "a", "b", None)])
    assert other != amap
    assert other.copy() == other and other.copy().merge_conflicts[0].base == "a"


def test_merge_conflicts_are_meta_with_undo_data():
    amap = graded_map()
    seen = recorder(amap)
    conflicts = [MergeConflict("e1", "text", "a", "b", "c"), MergeConflict("i2", "removed", {"id": "i2"}, None, None)]
    old = amap.set_meta(merge_conflicts=conflicts)
    assert old == {"merge_conflicts": ()} and amap.merge_conflicts == tuple(conflicts)
    assert seen == [Change("meta", (), ("merge_conflicts",))]
    with pytest.raises(ModelError, match="merge conflict"):
        amap.set_meta(merge_conflicts=[{"id": "x"}])
    assert amap.merge_conflicts == tuple(conflicts)


def test_version_1_maps_are_told_apart():
    assert not graded_map().is_version_1()
    plain = ArgumentMap()
    plain.add_all([Statement("a", "evidence", "x"), Statement("b", "claim", "y"), Inference("i", ("a",), "b")])
    assert plain.is_version_1()
    plain.update("i", comments=(Comment("hm"),))
    assert not plain.is_version_1()
