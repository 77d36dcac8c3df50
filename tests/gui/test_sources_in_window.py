"""The window on a graded map (SPEC §5): source edits, merges and deletions pass through the scene and panels."""

from __future__ import annotations

import pytest
from test_window import _report_after  # tests/gui is on sys.path (pytest's default import mode)

from argmap.analysis import check_map
from argmap.commands import actions
from argmap.commands.edits import AddElements, MapCommand, UpdateFields
from argmap.model import Comment, Inference, Source, Statement


class MergeSources(MapCommand):
    def __init__(self, amap, old, into):
        super().__init__(amap, "Merge sources")
        self.old, self.into, self.removal = old, into, None

    def apply(self):
        self.removal = self.amap.merge_sources(self.old, self.into)

    def revert(self):
        self.amap.restore(self.removal)


@pytest.fixture
def window(make_window):
    return make_window()


def test_source_edits_reach_the_checks_and_undo_cleanly(qtbot, window):
    doc = window.document
    amap = doc.amap
    evidence = [s.id for s in amap.statements.values() if s.kind == "evidence"][:3]
    conclusion = next(s.id for s in amap.statements.values() if s.kind == "recommendation")
    before = amap.copy()
    _report_after(qtbot, window, AddElements(amap, [Source("col", "A column", "B"),
                                                    Source("rep", "A report", "B", via="col"),
                                                    Statement("ex", "evidence", "Reported", cites=("rep",)),
                                                    Statement("rx", "recommendation", "Act on the report"),
                                                    Inference("ix", ("ex",), conclusion),
                                                    Inference("iy", ("ex",), "rx")], "Add sources"))
    assert "ex" in window.scene._boxes and "col" not in window.scene._boxes
    _report_after(qtbot, window, UpdateFields(amap, {e: {"cites": ("rep",), "credibility": 2} for e in evidence},
                                              "Cite"))
    _report_after(qtbot, window, UpdateFields(amap, {"rep": {"comments": (Comment("check"),)}}, "Comment"))
    shown = window.diagnostics.visible_diagnostics()
    assert sorted(d.key() for d in shown) == sorted(d.key() for d in check_map(amap).diagnostics)
    assert {("rx", "col"), ("rx", "rep")} <= {(d.target, d.source) for d in shown if d.code == "AM009"}
    _report_after(qtbot, window, MergeSources(amap, "rep", "col"))
    assert all(amap.statements[e].cites == ("col",) for e in evidence)
    _report_after(qtbot, window, actions.delete(amap, ["col"]))
    assert all(amap.statements[e].cites == () for e in [*evidence, "ex"])
    assert len(window.scene._boxes) == len(amap.statements)
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert amap == before
    with qtbot.waitSignal(doc.report_changed, timeout=3000):
        doc.undo_stack.redo()
    assert list(amap.sources) == [*before.sources, "col", "rep"] and len(window.scene._boxes) == len(amap.statements)
    assert not window.errors
