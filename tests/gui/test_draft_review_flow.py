"""Done when (issue 13): the app's review flow, on the article, in the real main window.

The analyst starts from an empty map, drafts the article (the empty map's
hint, a file chosen in the dialog), steps through the proposals with the
keys, accepts some, edits one, rejects some, accepts all the rest with the
bar's button, then undoes back to the drafted state and to the empty map.
Every review step is one undo step; the pictures, the Outline, the Source
panel and the screen reader's view say what is still proposed.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton

from argmap.analysis import check_map
from argmap.commands import drafting as review
from argmap.draft import draft_map
from argmap.model.anchors import normalise_text
from argmap.render.measure import header_text
from argmap.ui import files
from argmap.ui.panels.source import CURRENT_COLOUR, PROPOSED_COLOUR, SPAN_COLOUR

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def article(seed_text, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(seed_text, encoding="utf-8")
    return path


@pytest.fixture
def window(make_window):
    w = make_window(size=(1400, 900))
    w.files.new_file()
    return w


def highlights(window) -> dict[str, tuple[str, bool]]:
    """Statement id -> the background colour of its quote in the Source panel, and whether it is dotted."""
    panel = window.source
    colours = {}
    for sel, (start, end, sid) in zip(panel.view.extraSelections(), panel.spans):
        assert (sel.cursor.selectionStart(), sel.cursor.selectionEnd()) == (start, end)
        dotted = sel.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
        colour = sel.format.background().color().name()
        assert colour == (CURRENT_COLOUR if sid == panel.current else PROPOSED_COLOUR if dotted else SPAN_COLOUR)
        colours[sid] = colour, dotted
    return colours


def pending_state(window) -> dict:
    """Everything that says what is proposed: model, boxes, links, outline, screen reader, source panel."""
    amap, scene = window.document.amap, window.scene
    tree = window.view.accessible_tree()
    return {
        "statements": {sid for sid in amap.statements if review.is_pending(amap, sid)},
        "boxes": {sid for sid in amap.statements
                  if header_text(amap.statements[sid], scene.role_of(sid)).startswith("PROPOSED · ")},
        "links": {lid for lid in (*amap.inferences, *amap.conflicts) if scene.link_item(lid).proposed},
        "listed links": set(review.proposed_links(amap)),
        "spoken": {sid for sid in amap.statements if tree.description(sid).startswith("Proposed ")},
        "outline": {sid for sid, item in window.outline._items.items() if "Proposed " in item.text()},
        "dotted": {sid for sid, (_, dotted) in highlights(window).items() if dotted},
    }


def assert_consistent(window) -> set[str]:
    window.document.flush()  # the outline follows the check report
    window.drafting.refresh()
    state = pending_state(window)
    statements = state["statements"]
    assert state["boxes"] == statements and state["spoken"] == statements and state["dotted"] == statements
    assert state["outline"] == statements & set(window.outline._items)
    assert state["links"] == state["listed links"]
    bar = window.drafting.bar
    left = len(review.review_order(window.document.amap))
    assert bar.isVisible() == (left > 0)
    if left:
        assert bar.count.text() == f"{left} proposal{'s' if left > 1 else ''} left"
    return statements


def press(qtbot, window, key, mods=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(window.view, key, mods)
    qtbot.wait(1)


def test_draft_step_accept_edit_reject_accept_all_and_undo(qtbot, window, article, monkeypatch):
    doc = window.document
    stack = doc.undo_stack
    empty = doc.amap.copy()
    asked = []
    monkeypatch.setattr(files, "ask_open_path", lambda *args: asked.append(args[1]) or str(article))

    # the empty map offers the draft; clicking it asks for the text, attaches it, drafts it: two undo steps
    hint = window.empty_hint
    assert "map.draft" in hint.offered()
    button = next(b for b in hint.buttons if b.defaultAction().objectName() == "map.draft")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(doc.amap.statements) > 0)
    assert asked == ["Draft from source text: choose the text"]
    assert stack.count() == 2 and stack.undoText() == "Draft from source text"
    assert not hint.isVisible()

    text = normalise_text(article.read_text(encoding="utf-8"))
    expected = draft_map(text)
    amap = doc.amap
    assert amap.title == expected.title and amap.title.startswith("Draft: ")
    assert {s.id: (s.kind, s.text) for s in amap.statements.values()} == \
        {s.id: (s.kind, s.text) for s in expected.statements.values()}
    assert set(amap.inferences) == set(expected.inferences) and set(amap.conflicts) == set(expected.conflicts)
    root = amap.statements[amap.extra["draft"]["root"]]
    assert (root.kind, root.text) == ("recommendation", "It is time to start talking with the Iranians.")
    for st in amap.statements.values():  # every statement exactly anchored, and placed
        (anchor,) = st.anchors
        assert text[anchor.start:anchor.end] == anchor.quote
        assert st.position is not None
    boxes = [window.scene.statement_item(s).scene_box() for s in amap.statements]
    assert not any(a.intersects(b) for n, a in enumerate(boxes) for b in boxes[n + 1:])
    window.document.flush()
    assert window.document.report.summary() == check_map(amap).summary()  # checked as usual
    order = review.review_order(amap)
    assert len(order) == len(amap.statements) == 46
    assert assert_consistent(window) == set(amap.statements)
    assert window.drafting.bar.count.text() == "46 proposals left"
    drafted = amap.copy()
    steps = stack.count()

    # step through in reading order with F8 / Shift+F8
    window.scene.select_ids([])
    press(qtbot, window, Qt.Key.Key_F8)
    assert window.scene.selected_ids() == [order[0]]
    press(qtbot, window, Qt.Key.Key_F8)
    press(qtbot, window, Qt.Key.Key_F8)
    assert window.scene.selected_ids() == [order[2]]
    press(qtbot, window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.scene.selected_ids() == [order[1]]
    assert window.drafting.bar.full.startswith(f"— 2 of 46: {order[1]} ")
    assert window.drafting.box.isVisible() and "cue:" in window.drafting.box.cues.text()

    # accept three by key: each a unit (the statement and the relation the draft gave it), each one undo step
    accepted = []
    for _ in range(3):
        sid = window.scene.selected_ids()[0]
        unit = review.unit_of(amap, sid)
        press(qtbot, window, Qt.Key.Key_A, CTRL_SHIFT)
        accepted.append(sid)
        assert not any(review.is_pending(amap, e) for e in unit)
        assert amap.statements[sid].anchors == drafted.statements[sid].anchors
    assert accepted == order[1:4] and stack.count() == steps + 3
    assert window.scene.selected_ids() == [order[4]]  # accepting moved on to the next
    colours = highlights(window)
    assert all(colours[sid] == (SPAN_COLOUR, False) for sid in accepted)  # accepted: mapped, still highlighted
    assert_consistent(window)

    # edit one: text and kind through the Inspector; it stays a proposal until accepted
    sid = window.scene.selected_ids()[0]
    inspector = window.inspector
    inspector.text_edit.setPlainText("Iran’s allies run the south of Iraq.")
    inspector.kind_box.setCurrentText("evidence")
    inspector.kind_box.activated.emit(inspector.kind_box.currentIndex())
    assert amap.statements[sid].kind == "evidence" and review.is_pending(amap, sid)
    assert window.drafting.bar.count.text() == "43 proposals left"
    QTest.mouseClick(next(b for b in window.drafting.box.buttons if b.text() == "Accept"), Qt.MouseButton.LeftButton)
    assert not review.is_pending(amap, sid)
    assert amap.statements[sid].text == "Iran’s allies run the south of Iraq."
    assert_consistent(window)

    # reject two: gone with their relations; their text is not mapped any more
    rejected = []
    for _ in range(2):
        sid = window.scene.selected_ids()[0]
        span = drafted.statements[sid].anchors[0]
        press(qtbot, window, Qt.Key.Key_R, CTRL_SHIFT)
        rejected.append(sid)
        assert sid not in amap.statements
        covered = [(s, e) for s, e, _ in window.source.spans if s < span.end and span.start < e]
        assert covered == []
    assert_consistent(window)
    assert window.drafting.bar.count.text() == "40 proposals left"

    # accept all the rest with the bar's button: one step, nothing proposed any more
    before_all = stack.count()
    bar_button = next(b for b in window.drafting.bar.findChildren(QToolButton) if b.text() == "Accept All")
    QTest.mouseClick(bar_button, Qt.MouseButton.LeftButton)
    assert stack.count() == before_all + 1
    assert review.review_order(amap) == [] and assert_consistent(window) == set()
    assert not window.drafting.bar.isVisible() and not window.source.legend.isVisible()
    assert {dotted for _, dotted in highlights(window).values()} == {False}
    assert len(amap.statements) == 44 and all(s not in amap.statements for s in rejected)
    window.document.flush()
    assert window.document.report.summary() == check_map(amap).summary()

    # undo back to the drafted state, then to the empty map
    while stack.index() > steps:
        stack.undo()
    assert amap == drafted
    assert assert_consistent(window) == set(amap.statements)
    stack.undo()  # the draft
    qtbot.waitUntil(lambda: not window.drafting.bar.isVisible())  # the bar follows on the next turn
    assert len(amap.statements) == 0 and window.empty_hint.isVisible()
    assert window.source.spans == []
    stack.undo()  # the attached text
    assert amap == empty
    assert window.errors == []
