"""Reviewing a draft: accepting and rejecting proposals, one by one or all at once, as one undo step."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from argmap.commands.edits import AddElements, RemoveElements, SetMeta, UpdateFields, execute
from argmap.draft import DRAFT_KEY, PROPOSED, accept, draft_map, proposals, propose, reject, with_proposal

TEXT = "We should ban cars. They pollute the air. Admittedly, cars are convenient. But buses are too."


def apply(amap, review) -> None:
    for eid, fields in review.updates.items():
        amap.update(eid, **fields)
    if review.remove:
        amap.remove(review.remove)
    amap.set_meta(extra=review.extra)


def test_accepting_a_statement_keeps_it_and_its_anchor_and_drops_the_proposal():
    amap = draft_map(TEXT)
    before = amap.statements["s2"]
    apply(amap, accept(amap, ["s2"]))
    after = amap.statements["s2"]
    assert after.tags == () and after.anchors == before.anchors and after.text == before.text
    assert "s2" not in proposals(amap) and "s1" in proposals(amap)
    # accepting it again, or an unknown id, changes nothing
    again = accept(amap, ["s2", "nope"])
    assert again.updates == {} and again.remove == () and again.extra == amap.extra


def test_rejecting_a_statement_removes_it_with_its_relations():
    amap = draft_map(TEXT)
    rejected = next(s.id for s in amap.statements.values() if s.anchors[0].quote.startswith("Admittedly"))
    review = reject(amap, [rejected])
    assert review.remove == (rejected,)
    apply(amap, review)
    assert rejected not in amap.statements
    assert all(rejected not in c.attackers and c.target != rejected for c in amap.conflicts.values())
    assert rejected not in amap.extra[DRAFT_KEY]["proposed"]


def test_all_at_once_and_the_relations_too():
    amap = draft_map(TEXT)
    everything = proposals(amap)
    assert len(everything) == len(amap.statements) + len(amap.inferences) + len(amap.conflicts)
    apply(amap, accept(amap, everything))
    assert proposals(amap) == [] and all(PROPOSED not in s.tags for s in amap.statements.values())
    assert all(i.note.startswith("cue: ") for i in amap.inferences.values())  # the cue stays as a note


def test_a_selection_drafted_into_an_open_map_is_reviewable_and_one_undo_step():
    amap = draft_map(TEXT)
    apply(amap, accept(amap, proposals(amap)))
    text = TEXT + " Cars are loud, because engines roar."
    start = text.index("Cars are loud")
    proposal = propose(text, start, len(text), taken=set(amap.statements) | set(amap.inferences)
                       | set(amap.conflicts))
    stack = QUndoStack()
    before = amap.copy()
    stack.beginMacro("Draft from selection")
    execute(stack, AddElements(amap, proposal.elements()))
    execute(stack, SetMeta(amap, extra=with_proposal(amap.extra, proposal)))
    stack.endMacro()
    assert proposals(amap) == proposal.ids()
    review = accept(amap, proposal.ids()[:1])
    stack.beginMacro("Accept proposal")
    execute(stack, UpdateFields(amap, review.updates))
    execute(stack, SetMeta(amap, extra=review.extra))
    stack.endMacro()
    review = reject(amap, proposals(amap))
    stack.beginMacro("Reject proposals")
    execute(stack, RemoveElements(amap, review.remove))
    execute(stack, SetMeta(amap, extra=review.extra))
    stack.endMacro()
    assert proposals(amap) == [] and len(amap) == len(before) + 1
    for _ in range(3):
        stack.undo()
    assert amap == before
