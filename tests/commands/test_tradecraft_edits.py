"""Edits that meet SPEC §5 data: changing the kind of graded statements, copying cited evidence."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from argmap.commands import actions, clipboard, execute
from argmap.model import ArgumentMap, Inference, Source, Statement


def graded() -> ArgumentMap:
    amap = ArgumentMap("g")
    amap.add_all([Source("col", "A column", "B"), Source("nyt", "A report", "C", via="col"),
                  Statement("e", "evidence", "Seen", cites=("nyt",), credibility=2),
                  Statement("a", "claim", "Granted", assumed=True), Statement("r", "recommendation", "Act"),
                  Inference("i", ("e", "a"), "r")])
    return amap


def test_making_graded_statements_another_kind_clears_what_the_kind_cannot_carry_in_one_step():
    amap = graded()
    before = amap.copy()
    stack = QUndoStack()
    execute(stack, actions.set_kind(amap, ["e", "a"], "recommendation"))
    assert amap.statements["e"].cites == () and amap.statements["e"].credibility is None
    assert amap.statements["a"].assumed is False and amap.statements["a"].kind == "recommendation"
    stack.undo()
    assert amap == before
    stack.redo()
    assert amap.statements["e"].kind == "recommendation"


def test_copied_evidence_brings_its_sources_into_another_map_and_reuses_them_in_its_own():
    amap = graded()
    payload, _ = clipboard.copy_payload(amap, ["e"])
    other = ArgumentMap("other")
    execute(QUndoStack(), clipboard.paste_command(other, payload))
    assert list(other.sources) == ["col", "nyt"] and other.sources["nyt"].via == "col"
    pasted = [s for s in other.statements.values() if s.kind == "evidence"]
    assert pasted[0].cites == ("nyt",) and pasted[0].credibility == 2
    execute(QUndoStack(), clipboard.paste_command(amap, payload))
    assert list(amap.sources) == ["col", "nyt"]
    assert [s.cites for s in amap.statements.values() if s.kind == "evidence"] == [("nyt",), ("nyt",)]


def test_a_source_changed_since_the_copy_is_pasted_beside_the_new_one():
    amap = graded()
    payload, _ = clipboard.copy_payload(amap, ["e"])
    amap.update("nyt", reliability="E")
    amap.add(Statement("x1", "claim", "an id the new source must avoid"))
    execute(QUndoStack(), clipboard.paste_command(amap, payload))
    assert len(amap.sources) == 3
    new = [x for x in amap.sources.values() if x.id not in ("col", "nyt")][0]
    assert new.id == "x2" and new.reliability == "C" and new.via == "col"
    assert list(amap.statements.values())[-1].cites == (new.id,)
