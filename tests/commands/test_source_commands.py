"""The tradecraft command builders: each edit is one undo step that gives back the equal map."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from argmap.analysis import check_map
from argmap.commands import execute
from argmap.commands import sources as cmd
from argmap.model import ArgumentMap, Inference, ModelError, Source, Statement


def graded() -> ArgumentMap:
    amap = ArgumentMap("g")
    amap.add_all([Source("col", "A column", "B"), Source("nyt", "A report", "C", via="col"),
                  Statement("e1", "evidence", "Seen", cites=("nyt",), credibility=2),
                  Statement("e2", "evidence", "Heard"),
                  Statement("a", "claim", "Granted"), Statement("r", "recommendation", "Act"),
                  Inference("i", ("e1", "e2", "a"), "r")])
    return amap


def run(amap, command):
    """Apply ``command``; undo must give back the map before it and redo the map after it."""
    stack = QUndoStack()
    before = amap.copy()
    execute(stack, command)
    after = amap.copy()
    assert stack.count() == 1
    stack.undo()
    assert amap == before
    stack.redo()
    assert amap == after
    return stack


def test_a_new_source_gets_an_id_from_its_title_and_can_be_cited_in_the_same_step():
    amap = graded()
    run(amap, cmd.add_source(amap, "  The New York Times, 21 April 2008 ", "B", via="col", cite=["e2"]))
    new = amap.sources["the-new-york"]
    assert (new.title, new.reliability, new.via) == ("The New York Times, 21 April 2008", "B", "col")
    assert amap.statements["e2"].cites == ("the-new-york",)
    assert cmd.source_id(amap, "The New York Times") == "the-new-york-2"
    assert cmd.source_id(amap, "1984") == "src1"


@pytest.mark.parametrize(("title", "kwargs", "words"), [
    ("", {}, "needs a title"),
    ("x", {"reliability": "G"}, "reliability is one of"),
    ("x", {"via": "nowhere"}, "no such source"),
    ("x", {"cite": ["a"]}, "only evidence cites sources"),
])
def test_a_source_that_cannot_be_added_is_refused_with_the_reason(title, kwargs, words):
    amap = graded()
    with pytest.raises(ModelError, match=words):
        cmd.add_source(amap, title, **kwargs)


def test_grading_and_editing_a_source_are_single_steps_named_for_the_history():
    amap = graded()
    command = cmd.edit_source(amap, "nyt", reliability="A")
    assert command.text() == "Grade source nyt A"
    run(amap, command)
    assert amap.sources["nyt"].reliability == "A"
    run(amap, cmd.edit_source(amap, "nyt", via=""))
    assert amap.sources["nyt"].via == ""
    run(amap, cmd.edit_source(amap, "col", title="Kaplan's column", url="https://example.org/k", note="read"))
    assert amap.sources["col"].url == "https://example.org/k"


def test_a_via_that_would_loop_is_refused_and_the_reason_names_the_chain():
    amap = graded()
    with pytest.raises(ModelError) as refused:
        cmd.edit_source(amap, "col", via="nyt")
    assert "nyt already reaches you through col (nyt → col)" in str(refused.value)
    with pytest.raises(ModelError, match="via itself"):
        cmd.edit_source(amap, "col", via="col")
    assert cmd.via_refusal(amap, "nyt", "col") == ""


def test_merging_a_duplicate_moves_its_citations_and_undo_restores_both_sources():
    amap = graded()
    amap.add_all([Source("dup", "A report (copy)", "E"), Statement("e3", "evidence", "More", cites=("dup", "nyt"))])
    run(amap, cmd.merge_sources(amap, "dup", "nyt"))
    assert "dup" not in amap.sources and amap.statements["e3"].cites == ("nyt",)
    with pytest.raises(ModelError, match="itself"):
        cmd.merge_sources(amap, "nyt", "nyt")


def test_deleting_a_source_uncites_it_and_reports_what_it_reached_directly():
    amap = graded()
    run(amap, cmd.delete_sources(amap, ["col"]))
    assert list(amap.sources) == ["nyt"] and amap.sources["nyt"].via == ""
    assert amap.statements["e1"].cites == ("nyt",)


def test_citing_reaches_only_evidence_and_uncite_takes_one_citation_away():
    amap = graded()
    command = cmd.cite(amap, ["e1", "e2", "a"], "col")
    assert command.text() == "Cite col in 2 statements"
    run(amap, command)
    assert amap.statements["e1"].cites == ("nyt", "col") and amap.statements["e2"].cites == ("col",)
    assert amap.statements["a"].cites == ()
    with pytest.raises(ModelError, match="already cites"):
        cmd.cite(amap, ["e1"], "col")
    with pytest.raises(ModelError, match="only evidence"):
        cmd.cite(amap, ["a", "r"], "col")
    run(amap, cmd.uncite(amap, "e1", "nyt"))
    assert amap.statements["e1"].cites == ("col",)


def test_credibility_is_given_and_taken_away_on_evidence_only():
    amap = graded()
    amap.update("a", assumed=True)  # so that r is supported, and doubtful grounds are found
    run(amap, cmd.set_credibility(amap, ["e1", "e2", "a"], 4))
    assert [amap.statements[s].credibility for s in ("e1", "e2", "a")] == [4, 4, None]
    assert any(d.code == "AM010" for d in check_map(amap).diagnostics)
    run(amap, cmd.set_credibility(amap, ["e1"], None))
    assert amap.statements["e1"].credibility is None
    with pytest.raises(ModelError, match="1 to 6"):
        cmd.set_credibility(amap, ["e1"], 7)
    with pytest.raises(ModelError, match="only evidence"):
        cmd.set_credibility(amap, ["a"], 2)


def test_assuming_a_claim_makes_it_a_ground_and_stopping_gives_the_finding_back():
    amap = graded()
    assert "AM003" in {d.code for d in check_map(amap).diagnostics}
    run(amap, cmd.set_assumed(amap, ["a", "e1", "r"]))
    assert amap.statements["a"].assumed and not amap.statements["e1"].assumed
    codes = {d.code for d in check_map(amap).diagnostics}
    assert "AM003" not in codes and "AM012" in codes
    with pytest.raises(ModelError, match="already assumed"):
        cmd.set_assumed(amap, ["a"])
    with pytest.raises(ModelError, match="evidence is already a ground"):
        cmd.set_assumed(amap, ["e1"])
    command = cmd.set_assumed(amap, ["a"], False)
    assert command.text() == "Stop assuming a"
    run(amap, command)
    assert not amap.statements["a"].assumed
