"""Drafting into a map and reviewing proposals: each one undo step that gives back the identical map."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from argmap import draft
from argmap.commands import actions, execute
from argmap.commands import drafting as d
from argmap.model import ArgumentMap, Inference, ModelError, Position, Statement
from argmap.render import proposed as shown

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from undo_checks import roundtrip  # noqa: E402

TEXT = ("Iran has gained more from the war in Iraq than any other country. Its allies now run most of the south, "
        "because the militias answer to Tehran. Admittedly, Iran also pays a price for the chaos. But the price is "
        "small. So the United States should open talks with Iran now.\n")
"""Our own six units: s6 the recommendation; s1, s2 reasons for it, s3 for s2; s4 a concession, s5 its answer."""


def positions(proposal) -> dict[str, Position]:
    return {s.id: Position(100.0 * n, 0.0) for n, s in enumerate(proposal.statements)}


@pytest.fixture
def drafted() -> ArgumentMap:
    amap = ArgumentMap(title="Untitled map")
    proposal = draft.propose(TEXT)
    execute(QUndoStack(), d.draft_command(amap, proposal, positions(proposal), title="Draft: Talks"))
    return amap


def test_the_names_of_the_pictures_are_those_of_the_draft_package():
    assert (shown.PROPOSED, shown.DRAFT_KEY) == (draft.PROPOSED, draft.DRAFT_KEY)


def test_a_draft_on_an_empty_map_becomes_the_map_in_one_step():
    amap = ArgumentMap(title="Untitled map")
    proposal = draft.propose(TEXT)
    after = roundtrip(amap, d.draft_command(amap, proposal, positions(proposal), title="Draft: Talks"))
    assert after.title == "Draft: Talks"
    assert after.extra["draft"] == {"proposed": proposal.ids(), "root": "s6"}
    assert [s.position for s in after.statements.values()] == list(positions(proposal).values())
    assert all(s.tags == ("proposed",) for s in after.statements.values())
    assert after.statements["s3"].anchors[0].quote == "because the militias answer to Tehran."
    assert d.proposed_links(after) == ["i1", "i2", "i3", "c1", "c2"]


def test_a_draft_beside_the_analysts_statements_touches_none_of_them():
    amap = ArgumentMap(title="Mine")
    amap.add_all([Statement("s1", "claim", "My own claim", position=Position(0, 0)),
                  Statement("s2", "evidence", "My evidence", position=Position(0, 150)),
                  Inference("i1", ("s2",), "s1")])
    mine = {eid: amap.get(eid) for eid in ("s1", "s2", "i1")}
    proposal = draft.propose(TEXT, taken=amap)
    after = roundtrip(amap, d.draft_command(amap, proposal, positions(proposal), title="Draft: ignored"))
    assert after.title == "Mine"  # only an empty map takes the draft's title
    assert all(after.get(eid) == element for eid, element in mine.items())
    assert "root" not in after.extra["draft"] and after.extra["draft"]["proposed"] == proposal.ids()
    assert not set(proposal.ids()) & set(mine)
    with pytest.raises(ModelError):  # the same proposal again would reuse its ids
        d.draft_command(after, proposal, {})


def test_review_order_follows_the_text_one_unit_per_statement(drafted):
    assert d.review_order(drafted) == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert d.unit_of(drafted, "s2") == ["s2", "i2"]  # the statement and what the draft says it does
    assert d.unit_of(drafted, "s6") == ["s6"]  # the root goes out of nothing
    assert d.unit_of(drafted, "i3") == ["i3"]


def test_accepting_a_statement_accepts_its_unit_and_keeps_its_anchor(drafted):
    anchors = drafted.statements["s2"].anchors
    after = roundtrip(drafted, d.accept_command(drafted, ["s2"]))
    assert after.statements["s2"].tags == () and after.statements["s2"].anchors == anchors
    assert "i2" not in d.proposed_links(after) and "i3" in d.proposed_links(after)
    assert d.review_order(after) == ["s1", "s3", "s4", "s5", "s6"]
    assert not d.is_pending(after, "s2") and d.is_pending(after, "s3")


def test_accepting_a_relation_alone_leaves_its_statement_proposed(drafted):
    after = roundtrip(drafted, d.accept_command(drafted, ["i3"]))
    assert "i3" not in d.proposed_links(after) and d.is_pending(after, "s3")


def test_a_relation_whose_statement_is_accepted_is_reviewed_on_its_own(drafted):
    execute(QUndoStack(), actions.edit_fields(drafted, "s3", tags=()))  # accepted by hand, through its tags
    assert not d.is_pending(drafted, "s3") and d.is_pending(drafted, "i3")
    assert d.review_order(drafted) == ["s1", "s2", "i3", "s4", "s5", "s6"]  # at s3's place in the text
    execute(QUndoStack(), d.accept_command(drafted, ["i3"]))
    assert d.review_order(drafted) == ["s1", "s2", "s4", "s5", "s6"]


def test_a_link_the_analyst_draws_is_no_proposal(drafted):
    execute(QUndoStack(), actions.link_support(drafted, ["s3"], "s1"))
    assert not d.is_pending(drafted, list(drafted.inferences)[-1])
    assert d.is_pending(drafted, "s3")  # linking a proposal leaves it one


def test_rejecting_a_statement_removes_it_with_its_relations_and_prunes_the_list(drafted):
    after = roundtrip(drafted, d.reject_command(drafted, ["s2"]))
    assert "s2" not in after.statements and "i2" not in after.inferences and "i3" not in after.inferences
    assert "s3" in after.statements and d.is_pending(after, "s3")  # what supported it stays, unlinked
    assert all(eid in after for eid in after.extra["draft"]["proposed"])


def test_accept_all_then_reject_all(drafted):
    everything = d.review_order(drafted)
    after = roundtrip(drafted, d.accept_command(drafted, everything))
    assert d.review_order(after) == [] and d.proposed_links(after) == []
    assert after.extra["draft"]["proposed"] == [] and after.extra["draft"]["root"] == "s6"
    fresh = ArgumentMap(title="Untitled map")
    proposal = draft.propose(TEXT)
    execute(QUndoStack(), d.draft_command(fresh, proposal, positions(proposal)))
    gone = roundtrip(fresh, d.reject_command(fresh, d.review_order(fresh)))
    assert len(gone.statements) == 0 and len(gone.inferences) == 0 and len(gone.conflicts) == 0


def test_nothing_to_accept_or_reject_is_refused(drafted):
    execute(QUndoStack(), d.accept_command(drafted, ["s1"]))
    for command in (d.accept_command, d.reject_command):
        with pytest.raises(ModelError):
            command(drafted, ["s1"])
        with pytest.raises(ModelError):
            command(drafted, ["no-such-id"])


def test_a_statement_proposed_by_its_tag_only_can_be_accepted(drafted):
    drafted.add_all([Statement("s99", "claim", "Pasted", tags=("proposed", "pasted"))])
    assert d.is_pending(drafted, "s99")
    after = roundtrip(drafted, d.accept_command(drafted, ["s99"]))
    assert after.statements["s99"].tags == ("pasted",)


def test_deleting_a_proposal_takes_it_off_the_list_so_a_new_element_with_its_id_is_no_proposal(drafted):
    stack = QUndoStack()
    before = drafted.copy()
    last = list(drafted.conflicts)[-1]
    execute(stack, actions.delete(drafted, [last]))
    assert last not in drafted.extra["draft"]["proposed"]
    stack.undo()
    assert drafted == before
    stack.redo()
    execute(stack, actions.link_attack(drafted, ["s5"], "s4"))
    assert list(drafted.conflicts)[-1] == last and not d.is_pending(drafted, last)


def test_deleting_on_a_map_without_draft_is_a_plain_removal():
    amap = ArgumentMap()
    amap.add_all([Statement("a", "claim", "A")])
    command = actions.delete(amap, ["a"])
    assert not isinstance(command, d.Steps)
    roundtrip(amap, command)


def test_a_failing_step_leaves_the_map_as_it_was(drafted):
    before = drafted.copy()
    bad = d.Steps(drafted, [d.accept_command(drafted, ["s1"]), actions.edit_fields(drafted, "s2", kind="nonsense")],
                  "Broken")
    with pytest.raises(ModelError):
        execute(QUndoStack(), bad)
    assert drafted == before
