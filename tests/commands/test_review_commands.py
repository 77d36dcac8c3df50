"""Review commands: taking the changes of a comparison and settling merge conflicts, one undo step each."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from argmap.commands.edits import execute
from argmap.commands.review import EditSequence, agrees, resolve_conflict, take_change, take_changes
from argmap.formats.diff import diff_maps
from argmap.formats.mapdoc import document_of, elements
from argmap.formats.merge import merge_maps
from argmap.formats.resolve import conflicts_of
from argmap.model import ModelError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from review_maps import bundled, reviewed  # noqa: E402


@pytest.fixture
def pair():
    base = bundled()
    return base, reviewed(base)


def _agreeing(amap, diff):
    doc = document_of(amap)
    present = elements(doc)
    return [c.id for c in diff.changes if agrees(c, present, doc)]


def test_every_change_taken_one_by_one_gives_the_other_version_and_undoes(pair):
    base, other = pair
    amap, stack = base.copy(), QUndoStack()
    diff = diff_maps(amap, other)
    assert {c.op for c in diff.changes} == {"added", "removed", "changed", "moved", "meta"}
    assert _agreeing(amap, diff) == []
    refused = []
    for change in diff.changes:  # review order: an added conflict comes after its added statement
        try:
            command = take_change(amap, change, diff.new)
        except ModelError as exc:
            refused.append((change.id, str(exc)))
            continue
        if command is not None:  # None: an earlier removal's cascade took it already
            execute(stack, command)
    assert refused == []
    assert document_of(amap) == document_of(other)  # same content, same order of every list
    assert _agreeing(amap, diff) == [c.id for c in diff.changes]
    # the cascade of removing s49 took i31 and c9: three removals, one step
    assert stack.count() == len(diff.changes) - 2
    while stack.canUndo():
        stack.undo()
    assert amap == base


def test_an_added_link_before_its_statement_is_refused_with_what_to_take_first(pair):
    base, other = pair
    amap = base.copy()
    diff = diff_maps(amap, other)
    conflict = next(c for c in diff.added if c.id == "c90")
    with pytest.raises(ModelError, match="take its addition first"):
        take_change(amap, conflict, diff.new)
    assert amap == base


def test_take_changes_is_one_undo_step_and_leaves_what_is_left(pair):
    base, other = pair
    amap, stack = base.copy(), QUndoStack()
    diff = diff_maps(amap, other)
    left = {"s90", "s4"}  # leave the added objection (so its conflict cannot come either) and a kind change
    pending = [c for c in diff.changes if c.id not in left]
    command, refused = take_changes(amap, pending, diff.new)
    assert [(c.id, "take its addition first" in why) for c, why in refused] == [("c90", True)]
    assert isinstance(command, EditSequence)
    execute(stack, command)
    assert stack.count() == 1
    assert set(diff_ids(amap, other)) == {"s90", "c90", "s4"}
    stack.undo()
    assert amap == base
    stack.redo()
    assert set(diff_ids(amap, other)) == {"s90", "c90", "s4"}


def diff_ids(amap, other):
    return [c.id for c in diff_maps(amap, other).changes]


def _conflicted():
    base = bundled()
    ours, theirs = base.copy(), base.copy()
    ours.update("s4", text="Ours says the US and Iran share little.")
    theirs.update("s4", text="Theirs says they share a great deal.")
    ours.update("s5", kind="evidence")
    theirs.remove(["s5"])
    ours.set_meta(title="Ours")
    theirs.set_meta(title="Theirs")
    return base, merge_maps(base, ours, theirs).map


def test_settling_every_merge_conflict_drops_the_list_one_step_each():
    base, merged = _conflicted()
    stack = QUndoStack()
    listed = conflicts_of(merged)
    assert {(c["id"], c["field"]) for c in listed} == {("s4", "text"), ("s5", "removed"), ("", "title")}
    before = merged.copy()
    choices = {"s4": "theirs", "s5": "ours", "": "base"}
    for conflict in listed:
        execute(stack, resolve_conflict(merged, conflict, choices[conflict["id"]]))
    assert merged.merge_conflicts == ()
    assert stack.count() == 3
    assert merged.statements["s4"].text == "Theirs says they share a great deal."
    assert merged.statements["s5"].kind == "evidence"  # ours kept the element (and its change)
    assert merged.title == base.title
    assert document_of(merged).get("merge_conflicts") is None
    assert {stack.text(n) for n in range(3)} == {"Take theirs: s4 text", "Keep ours: s5 (removed on one side)",
                                                 "Take base: map title"}
    stack.undo()
    assert [(c.id, c.field) for c in merged.merge_conflicts] == [("s5", "removed")]
    while stack.canUndo():
        stack.undo()
    assert merged == before


def test_taking_theirs_removal_removes_the_element():
    _, merged = _conflicted()
    conflict = next(c for c in conflicts_of(merged) if c["field"] == "removed")
    stack = QUndoStack()
    execute(stack, resolve_conflict(merged, conflict, "theirs"))
    assert "s5" not in merged.statements
    assert {c["id"] for c in conflicts_of(merged)} == {"s4", ""}
