"""File → Compare With… in the real window: the bundled map against an edited copy with every kind of change."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from argmap.formats import native, write_file
from argmap.formats.mapdoc import document_of
from argmap.ui import files
from argmap.ui.canvas.items import LinkItem, StatementItem
from argmap.ui.canvas.overlay import FrameMark, GhostBox, PathMark, TagItem

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from review_maps import OBJECTION, bundled, reviewed  # noqa: E402


@pytest.fixture
def window(make_window):
    return make_window(size=(1400, 900))


@pytest.fixture
def other_file(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "reviewed.argmap"
    write_file(reviewed(bundled()), path)
    monkeypatch.setattr(files, "ask_open_path", lambda *a, **k: str(path))
    return path


def _tags(window) -> list[str]:
    return sorted(item.text for item in window.review.compare.overlay.items if isinstance(item, TagItem))


def _states(window) -> dict[str, str]:
    comparison = window.review.compare.comparison
    return {f"{c.op} {c.id}": s for c, s in zip(comparison.changes, comparison.status)}


def _settle(qtbot):
    qtbot.wait(5)  # the comparison reads the map again on the next turn of the event loop


def test_compare_with_overlays_every_kind_of_change_and_the_overlay_is_not_the_map(window, other_file, qtbot):
    before = window.document.amap.copy()
    boxes = len([i for i in window.scene.items() if isinstance(i, StatementItem)])
    window.actions["file.compare"].trigger()
    compare = window.review.compare
    assert compare.active and window.docks["changes"].isVisible()
    rows = window.review.changes_panel.rows()
    assert len(rows) == 14 and all(row.startswith("• to decide — ") for row in rows)
    assert rows[0].endswith(f"added objection s90 '{OBJECTION[:39]}…' attacking s1 (c90)")
    tags = _tags(window)
    for expected in ("+ ADDED s90", "+ ADDED c90", "+ ADDED i90", "\u2212 REMOVED s49", "\u2212 REMOVED i3",
                     "~ CHANGED s4: kind", "~ CHANGED s5: text", "~ CHANGED i1: note", "~ CHANGED s2: comments",
                     "\u21a6 MOVED s6", "\u21a6 MOVED s7"):
        assert expected in tags, (expected, tags)
    kinds = {type(i) for i in compare.overlay.items}
    assert {GhostBox, FrameMark, PathMark, TagItem} <= kinds
    ghost = next(i for i in compare.overlay.items if isinstance(i, GhostBox))
    assert ghost.mark.eid == "s90" and ghost.rect.center().x() == -560.0  # where the other version has it
    # the overlay belongs to no element: the map, the scene's boxes and a saved file are as before
    assert window.document.amap == before and window.document.undo_stack.count() == 0
    assert window.scene.statement_item("s90") is None
    assert len([i for i in window.scene.items() if isinstance(i, StatementItem)]) == boxes
    assert not any(isinstance(i, (StatementItem, LinkItem)) for i in compare.overlay.items)
    assert native.dumps(window.document.amap) == native.dumps(before)
    # the first change is in hand and in view, its tag filled
    assert compare.current == 0
    current = [i for i in compare.overlay.items if isinstance(i, TagItem) and i.current]
    assert [t.text for t in current] == ["+ ADDED s90"]
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.intersects(compare.overlay.rects[0])


def test_taking_and_leaving_changes_one_undo_step_each(window, other_file, qtbot):
    base = window.document.amap.copy()
    window.review.compare.compare_with(other_file)
    compare, stack = window.review.compare, window.document.undo_stack
    window.actions["review.take"].trigger()  # F9: the added objection s90
    _settle(qtbot)
    assert "s90" in window.document.amap.statements and stack.count() == 1
    assert stack.text(0) == "Take added statement s90"
    assert _states(window)["added s90"] == "taken"
    assert compare.current == 1  # on to the next change still to decide: i90
    assert window.scene.statement_item("s90") is not None  # a real box now, no ghost
    assert "+ ADDED s90" not in _tags(window)
    window.actions["review.leave"].trigger()  # Shift+F9: leave i90
    _settle(qtbot)
    assert _states(window)["added i90"] == "left" and stack.count() == 1 and "i90" not in window.document.amap
    assert window.review.changes_panel.rows()[1].startswith("✗ left — added inference i90")
    assert compare.current == 2
    window.actions["review.take"].trigger()  # the conflict c90 (its statement is in now)
    _settle(qtbot)
    assert window.document.amap.conflicts["c90"].target == "s1" and stack.count() == 2
    stack.undo()
    _settle(qtbot)
    assert "c90" not in window.document.amap and _states(window)["added c90"] == "to decide"
    stack.undo()
    _settle(qtbot)
    assert window.document.amap == base
    assert _states(window)["added s90"] == "to decide" and _states(window)["added i90"] == "left"
    # a left change can still be taken later
    compare.go_to(1)
    assert compare.take()  # i90 names s4 and s2, both in the map
    _settle(qtbot)
    assert "i90" in window.document.amap and _states(window)["added i90"] == "taken"


def test_a_change_that_cannot_be_taken_yet_says_what_to_take_first(window, other_file, qtbot):
    window.review.compare.compare_with(other_file)
    compare = window.review.compare
    compare.go_to(2)  # the added conflict c90, before its statement s90
    assert not compare.take()
    assert "take its addition first" in window.statusBar().currentMessage()
    assert window.review.changes_panel.rows()[2].startswith("• to decide, could not be taken — added conflict c90")
    assert "Not taken: c90: refers to s90" in window.review.changes_panel.details.toPlainText()
    assert window.document.undo_stack.count() == 0


def test_take_all_is_one_step_and_end_comparison_takes_the_marks_away(window, other_file, qtbot):
    base = window.document.amap.copy()
    window.review.compare.compare_with(other_file)
    compare, stack = window.review.compare, window.document.undo_stack
    compare.go_to(8)  # s4: kind claim → evidence
    compare.leave()
    window.actions["review.take_all"].trigger()
    _settle(qtbot)
    assert stack.count() == 1 and stack.text(0) == "Take 13 changes"
    states = _states(window)
    assert states["changed s4"] == "left" and list(states.values()).count("taken") == 13
    expected = document_of(reviewed(base))
    expected["statements"] = [dict(s, kind="claim") if s["id"] == "s4" else s for s in expected["statements"]]
    assert document_of(window.document.amap) == expected
    assert not window.actions["review.take_all"].isEnabled()
    stack.undo()
    _settle(qtbot)
    assert window.document.amap == base and list(_states(window).values()).count("to decide") == 13
    marks = list(compare.overlay.items)
    window.actions["review.end"].trigger()
    assert not compare.active and not window.docks["changes"].isVisible()
    assert compare.overlay.items == [] and not any(m.scene() for m in marks)
    assert not window.actions["review.take"].isEnabled()
    assert window.document.amap == base


def test_keys_step_take_and_leave(window, other_file, qtbot):
    window.review.compare.compare_with(other_file)
    compare = window.review.compare
    panel = window.review.changes_panel
    panel.list.setFocus()
    QTest.keyClick(panel.list, Qt.Key.Key_Return)  # take s90
    _settle(qtbot)
    assert "s90" in window.document.amap.statements and compare.current == 1
    QTest.keyClick(panel.list, Qt.Key.Key_Delete)  # leave i90
    _settle(qtbot)
    assert _states(window)["added i90"] == "left" and compare.current == 2
    QTest.keyClick(panel.list, Qt.Key.Key_Down)
    assert compare.current == 3
    window.actions["review.next"].trigger()  # F7 skips what is decided
    assert compare.current == 4
    window.actions["review.previous"].trigger()
    window.actions["review.previous"].trigger()
    assert compare.current == 2  # c90, still to decide; i90 (left) and s90 (taken) are skipped


def test_the_marks_survive_a_new_theme_and_go_with_a_new_map(window, other_file, qtbot):
    window.review.compare.compare_with(other_file)
    compare = window.review.compare
    count = len(compare.overlay.items)
    window.set_dark(True)  # the scene makes every item again
    assert compare.overlay.valid() and len(compare.overlay.items) == count
    assert all(item.scene() is window.scene for item in compare.overlay.items)
    window.set_dark(False)
    window.files.new_file()
    assert not compare.active and compare.overlay.items == []


def test_an_unreadable_file_is_refused_with_the_reason_and_nothing_starts(window, tmp_path):
    bad = tmp_path / "broken.argmap"
    bad.write_text('{"format": "argmap", "version": 1, "statements": [{"id": "s1"}]}', encoding="utf-8")
    assert not window.review.compare.compare_with(bad)
    assert window.errors and "broken.argmap" in window.errors[0] and "Nothing was compared" in window.errors[0]
    assert not window.review.compare.active and not window.docks["changes"].isVisible()


def test_another_format_compares_too(window, tmp_path, qtbot):
    other = bundled()
    other.update("s4", kind="evidence")
    path = tmp_path / "reviewed.argdown"
    write_file(other, path)
    assert window.review.compare.compare_with(path)
    ids = {(c.op, c.id) for c in window.review.compare.comparison.changes}
    assert ("changed", "s4") in ids
