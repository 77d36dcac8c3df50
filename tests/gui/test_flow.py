"""The editing flow of issue 14 on a real canvas: roles on the boxes, text to statement, keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from argmap.commands import actions
from argmap.commands.document import Document
from argmap.commands.edits import execute
from argmap.formats import read_file
from argmap.model import ArgumentMap, Conflict, Inference, Position, Statement
from argmap.render.measure import header_text
from argmap.resources_path import example_map
from argmap.ui.canvas import MapScene, MapView

pytestmark = pytest.mark.usefixtures("clean_stacks")


def small_map() -> ArgumentMap:
    amap = ArgumentMap(title="small")
    amap.add_all([
        Statement("r", "recommendation", "Open talks with Tehran", position=Position(0, 0)),
        Statement("a", "claim", "Iran holds the cards in the south", position=Position(-200, 160)),
        Statement("b", "claim", "Talks cost little", position=Position(200, 160)),
        Statement("o", "claim", "Iran arms the militias", position=Position(420, 0)),
        Statement("e", "evidence", "Iran's ambassador backed the offensive", position=Position(-200, 320)),
        Inference("i1", ("a",), "r"), Inference("i2", ("b",), "r"), Inference("i3", ("e",), "a"),
        Conflict("c1", ("o",), "r"),
    ])
    return amap


@pytest.fixture
def canvas(make_canvas):
    return make_canvas(small_map(), size=(1100, 700), edit_new=False)


def test_boxes_show_their_role_and_follow_the_structure(canvas):
    doc, scene, _ = canvas
    assert scene.role_of("o") == "objection" and scene.statement_item("o").role == "objection"
    assert scene.role_of("a") == "reason" and scene.role_of("e") is None
    old_width = scene.statement_item("b").box_rect().width()
    execute(doc.undo_stack, actions.link_attack(doc.amap, ["b"], "o"))  # b now answers the objection
    assert scene.statement_item("b").role == "rebuttal"
    assert header_text(doc.amap.statements["b"], scene.statement_item("b").role) == "REBUTTAL"
    assert scene.statement_item("b").box_rect().width() >= old_width
    doc.undo_stack.undo()
    assert scene.statement_item("b").role == "reason"
    assert doc.amap.statements["b"].kind == "claim"  # the kind never changes


def test_the_tooltip_names_kind_and_role(canvas):
    _, scene, _ = canvas
    assert "Claim, objection" in scene.statement_item("o").tooltip()


# ---------------------------------------------------------------- text to linked statement in one gesture
TEXT = ("Iran has gained more from the war in Iraq than anyone. Its allies run the south, and its "
        "ambassador cheered the offensive in Basra.\n\nThe United States cannot leave without a deal. "
        "Talks with Tehran would cost little. So Washington should open talks now.\n")


@pytest.fixture
def window(make_window, tmp_path):
    w = make_window(size=(1400, 900))
    w.load(small_map(), None)
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    w.source.attach(article)
    w.docks["source"].raise_()
    w.document.undo_stack.clear()
    return w


@pytest.mark.parametrize("button, kind, element", [("evidence_for_button", "evidence", "inference"),
                                                   ("reason_for_button", "claim", "inference"),
                                                   ("objection_to_button", "claim", "conflict")])
def test_a_passage_becomes_a_linked_statement_in_one_step(window, qtbot, button, kind, element):

    doc, panel = window.document, window.source
    window.select_and_center("a")
    assert panel.target == "a"
    words = "Its allies run the south"
    start = TEXT.index(words)
    panel.select_span(start - 1, start + len(words))  # a leading space, as a hand selection often has
    widget = getattr(panel, button)
    assert widget.isEnabled() and "Iran holds the cards" in widget.text()
    before = doc.amap.copy()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    new = next(s for s in doc.amap.statements if s not in before.statements)
    st = doc.amap.statements[new]
    assert (st.kind, st.text, st.anchors[0].quote) == (kind, words, words)
    if element == "inference":
        assert any(i.premises == (new,) and i.conclusion == "a" for i in doc.amap.inferences.values())
    else:
        assert any(c.attackers == (new,) and c.target == "a" for c in doc.amap.conflicts.values())
    assert doc.undo_stack.count() == 1
    assert window.scene.selected_ids() == ["a"] and panel.target == "a"  # ready for the next passage
    assert window.scene.statement_item(new) is not None
    doc.undo_stack.undo()
    assert doc.amap == before


def test_linked_buttons_wait_for_a_target_and_a_passage(window):
    panel = window.source
    window.scene.select_ids([])
    panel.select_span(0, 10)
    assert not panel.evidence_for_button.isEnabled() and panel.add_evidence_button.isEnabled()
    window.select_and_center("r")
    panel.view.moveCursor(panel.view.textCursor().MoveOperation.Start)
    assert not panel.reason_for_button.isEnabled()
    panel.select_span(0, 10)
    assert panel.reason_for_button.isEnabled() and "Open talks" in panel.reason_for_button.text()


def _point_of(panel, offset):
    cursor = panel.view.textCursor()
    cursor.setPosition(offset)
    return panel.view.cursorRect(cursor).center()


def test_double_click_takes_the_sentence_triple_click_the_paragraph(window, qtbot):

    panel = window.source
    viewport = panel.view.viewport()
    at = _point_of(panel, TEXT.index("ambassador") + 2)
    QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    start, end = panel.selected_span()
    assert TEXT[start:end] == ("Its allies run the south, and its ambassador cheered the offensive in Basra.")
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    start, end = panel.selected_span()
    assert TEXT[start:end] == TEXT.split("\n\n")[0]


def test_a_dragged_selection_snaps_to_whole_words(window, qtbot):

    panel = window.source
    viewport = panel.view.viewport()
    a = _point_of(panel, TEXT.index("gained") + 3)
    b = _point_of(panel, TEXT.index("the war") + 5)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(viewport, b)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    start, end = panel.selected_span()
    assert TEXT[start:end] == "gained more from the war"


def _drop(window, passage_mime, scene_point):
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    view = window.view
    point = QPointF(view.mapFromScene(scene_point))
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    for cls in (QDragEnterEvent, QDragMoveEvent):
        event = cls(point.toPoint(), actions, passage_mime, Qt.MouseButton.LeftButton,
                    Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), event)
        assert event.isAccepted()
    drop = QDropEvent(point, actions, passage_mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), drop)
    return drop


@pytest.mark.parametrize("choice, kind, link", [(0, "evidence", "support"), (2, "claim", "attack")])
def test_dropping_a_passage_onto_a_box_links_it(window, monkeypatch, choice, kind, link):
    from argmap.ui.canvas import drops

    asked = []
    monkeypatch.setattr(drops, "ask_drop_choice", lambda parent, at, title, choices: asked.append(
        [c[2] for c in choices]) or choice)
    doc, panel = window.document, window.source
    words = "Talks with Tehran would cost little."
    start = TEXT.index(words)
    panel.select_span(start, start + len(words))
    mime = panel.view.createMimeDataFromSelection()  # what dragging the selection carries
    before = doc.amap.copy()
    drop = _drop(window, mime, window.scene.statement_item("b").pos())
    assert drop.isAccepted()
    assert asked and "&Evidence for this" in asked[0]
    new = next(s for s in doc.amap.statements if s not in before.statements)
    assert (doc.amap.statements[new].kind, doc.amap.statements[new].text) == (kind, words)
    links = doc.amap.inferences if link == "support" else doc.amap.conflicts
    assert any(new in getattr(e, "premises", getattr(e, "attackers", ())) for e in links.values())
    assert doc.undo_stack.count() == 1


def test_dropping_on_the_empty_canvas_places_the_statement_there(window, monkeypatch):
    from argmap.ui.canvas import drops

    monkeypatch.setattr(drops, "ask_drop_choice", lambda parent, at, title, choices: 1)  # "Claim here"
    doc, panel = window.document, window.source
    panel.select_span(0, 9)
    spot = QPointF(-600, 500)
    window.view.centerOn(spot)
    _drop(window, panel.view.createMimeDataFromSelection(), spot)
    new = list(doc.amap.statements)[-1]
    st = doc.amap.statements[new]
    assert st.kind == "claim" and not doc.amap.uses_of(new)
    assert abs(st.position.x - spot.x()) < 2 and abs(st.position.y - spot.y()) < 2


def test_dragging_the_selection_out_carries_the_passage(window, monkeypatch):

    from argmap.ui.panels.source_text import SourceText, read_passage

    carried = []
    real = SourceText.createMimeDataFromSelection

    def spy(self):
        data = real(self)
        carried.append(read_passage(data))
        return data

    monkeypatch.setattr(SourceText, "createMimeDataFromSelection", spy)
    panel = window.source
    panel.select_span(0, 20)
    viewport = panel.view.viewport()
    start = _point_of(panel, 5)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, start + QPoint(80, 60))  # offscreen: the drag starts and ends at once
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(80, 60))
    assert carried and carried[0] == {"start": 0, "end": 20, "quote": TEXT[:20]}


# ---------------------------------------------------------------- keyboard-first mapping
def _press(view, key, mods=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(view, key, mods)


def _new(doc, before):
    (new,) = [s for s in doc.amap.statements if s not in before.statements]
    return new


def test_tab_adds_a_premise_enter_a_sibling_ctrl_enter_an_objection(canvas):
    doc, scene, view = canvas
    scene.select_ids(["a"])
    before = doc.amap.copy()
    _press(view, Qt.Key.Key_Tab)
    premise = _new(doc, before)
    assert any(i.premises == (premise,) and i.conclusion == "a" for i in doc.amap.inferences.values())
    assert scene.selected_ids() == [premise]
    before = doc.amap.copy()
    _press(view, Qt.Key.Key_Return)  # a sibling of the new premise: another reason for a
    sibling = _new(doc, before)
    assert any(i.premises == (sibling,) and i.conclusion == "a" for i in doc.amap.inferences.values())
    before = doc.amap.copy()
    _press(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    objection = _new(doc, before)
    assert any(c.attackers == (objection,) and c.target == sibling for c in doc.amap.conflicts.values())
    assert scene.role_of(objection) == "objection"
    assert doc.undo_stack.count() == 3
    for _ in range(3):
        doc.undo_stack.undo()
    assert doc.amap == small_map()


def test_enter_on_an_objection_adds_another_objection(canvas):
    doc, scene, view = canvas
    scene.select_ids(["o"])
    before = doc.amap.copy()
    _press(view, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    new = _new(doc, before)
    assert any(c.attackers == (new,) and c.target == "r" for c in doc.amap.conflicts.values())


def test_shift_tab_puts_a_new_conclusion_between_a_premise_and_what_it_supports(canvas):
    doc, scene, view = canvas
    scene.select_ids(["e"])
    before = doc.amap.copy()
    _press(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    new = _new(doc, before)
    assert doc.amap.inferences["i3"].premises == (new,) and doc.amap.inferences["i3"].conclusion == "a"
    assert any(i.premises == ("e",) and i.conclusion == new for i in doc.amap.inferences.values())
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.amap == before


def test_alt_arrows_walk_the_structure_and_focus_follows(canvas):
    doc, scene, view = canvas
    walked = []
    scene.walked.connect(walked.append)
    scene.select_ids(["e"])
    _press(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert scene.selected_ids() == ["a"] and scene.focusItem() is scene.statement_item("a")
    _press(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert scene.selected_ids() == ["r"]
    _press(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert scene.selected_ids() == ["a"]  # back down to where it came from
    _press(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert scene.selected_ids() == ["b"]  # left to right: a, b, then the objection o
    _press(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert scene.selected_ids() == ["o"]
    _press(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert scene.selected_ids() == ["b"]
    assert walked == ["a", "r", "a", "b", "o", "b"]
    assert all(s.position is not None for s in doc.amap.statements.values())
    assert doc.amap == small_map()  # walking changes nothing


def test_linking_by_key_marks_then_links(canvas):
    doc, scene, view = canvas
    scene.select_ids(["e"])
    _press(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # mark e
    assert doc.undo_stack.count() == 0
    scene.select_ids(["b"])
    _press(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # e supports b
    assert any(i.premises == ("e",) and i.conclusion == "b" for i in doc.amap.inferences.values())
    scene.select_ids(["b"])
    _press(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    scene.select_ids(["o"])
    _press(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert any(c.attackers == ("b",) and c.target == "o" for c in doc.amap.conflicts.values())
    assert scene.role_of("b") == "rebuttal"
    scene.select_ids(["a"])
    _press(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    _press(view, Qt.Key.Key_Escape)  # cancels the mark and the selection
    assert scene.selected_ids() == []
    scene.select_ids(["b"])
    _press(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # a fresh mark, no link
    assert doc.undo_stack.count() == 2


def test_typing_a_branch_without_leaving_the_keyboard(canvas):
    doc, scene, view = canvas
    scene.edit_new = True
    scene.select_ids(["b"])
    before = doc.amap.copy()
    _press(view, Qt.Key.Key_Tab)  # a premise of b, its editor open
    QTest.keyClicks(view, "Talks have worked before")
    _press(view, Qt.Key.Key_Tab)  # keeps the text, then a premise of that premise
    QTest.keyClicks(view, "In 2007 US and Iranian envoys met in Baghdad")
    _press(view, Qt.Key.Key_Return)  # keeps it
    texts = {doc.amap.statements[s].text for s in doc.amap.statements if s not in before.statements}
    assert texts == {"Talks have worked before", "In 2007 US and Iranian envoys met in Baghdad"}
    assert scene.editor() is None
    assert doc.undo_stack.count() == 2  # each new statement with its text is one step


def test_ctrl_tab_leaves_the_canvas(qtbot):
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    doc = Document(small_map())
    scene = MapScene(doc)
    box = QWidget()
    view, other = MapView(scene), QLineEdit()
    layout = QVBoxLayout(box)
    layout.addWidget(view)
    layout.addWidget(other)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    view.setFocus()
    scene.select_ids(["a"])
    _press(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert box.focusWidget() is other
    assert doc.undo_stack.count() == 0


# ---------------------------------------------------------------- Map → Properties
def test_properties_are_one_undoable_step_and_name_the_window(window, monkeypatch):
    from argmap.formats import write_file
    from argmap.ui import flow

    def answer(dialog):
        for name, value in (("title", "Shot by Both Sides"), ("author", "A. Analyst"), ("date", "2024-05-31"),
                            ("source_title", "Shot by Both Sides"), ("source_author", "Fred Kaplan"),
                            ("published", "2008-04-22"), ("url", "https://slate.com/news-and-politics/2008/04")):
            dialog.edits[name].setText(value)
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(flow, "ask_dialog", answer)
    doc = window.document
    before = doc.amap.copy()
    assert window.show_properties()
    amap = doc.amap
    assert amap.title == "Shot by Both Sides" and window.windowTitle().startswith("Shot by Both Sides")
    assert (amap.extra["author"], amap.extra["date"]) == ("A. Analyst", "2024-05-31")
    assert (amap.source.title, amap.source.author, amap.source.published) == (
        "Shot by Both Sides", "Fred Kaplan", "2008-04-22")
    assert amap.source.path == before.source.path and amap.source.sha256 == before.source.sha256
    assert doc.undo_stack.count() == 1
    path = window.source.folder() / "props.argmap" if window.source.folder() else None
    if path is not None:
        write_file(amap, path)
        back = read_file(path)
        assert back.extra["author"] == "A. Analyst" and back.source.published == "2008-04-22"
    doc.undo_stack.undo()
    assert doc.amap == before and "Shot by Both Sides" not in window.windowTitle()


def test_properties_refuse_a_bad_date_and_keep_what_was_typed(window):
    from argmap.ui.properties import PropertiesDialog

    dialog = PropertiesDialog(window.document.amap, window)
    dialog.edits["date"].setText("last spring")
    dialog.edits["url"].setText("slate dot com")
    dialog.edits["author"].setText("Kept")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "not a date" in dialog.error.text() and "not a web address" in dialog.error.text()
    assert dialog.edits["author"].text() == "Kept"
    dialog.edits["date"].setText("2024-05")
    dialog.edits["url"].setText("")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted


# ---------------------------------------------------------------- first run
def test_the_window_opens_with_the_whole_map_in_view(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from argmap.app import create_window

    monkeypatch.setenv("ARGMAP_RECOVERY_DIR", str(tmp_path / "recovery"))
    w = create_window(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), offer_recovery=False)
    qtbot.addWidget(w)
    w.show()  # the map was fitted before the window had its size: it is fitted again as it gets it
    qtbot.waitExposed(w)
    visible = w.view.mapToScene(w.view.viewport().rect()).boundingRect()
    assert visible.contains(w.scene.visible_bounds())
    w.resize(w.width() - 60, w.height())
    qtbot.wait(10)
    visible = w.view.mapToScene(w.view.viewport().rect()).boundingRect()
    assert visible.contains(w.scene.visible_bounds())  # still fitted: the user has not zoomed yet
    w.view.zoom_in()
    w.resize(w.width() + 60, w.height())
    assert not w.view.keep_fitted
    w.document.undo_stack.setClean()


def test_an_empty_map_says_how_to_start_and_the_hint_goes_away(window, qtbot):
    window.view.zoom_by(0.3)
    window.files.new_file()
    assert window.view.zoom() == 1.0  # an empty map starts at full size, not at the last map's zoom
    hint = window.empty_hint
    assert hint.isVisible() and hint.offered() == ["map.add_claim", "map.attach_source", "map.draft"]
    assert all(b.defaultAction() is window.actions[i] for b, i in zip(hint.buttons, hint.offered()))
    window.scene.edit_new = False
    window.view.setFocus()
    qtbot.mouseClick(hint.buttons[0], Qt.MouseButton.LeftButton)
    assert len(window.document.amap.statements) == 1 and not hint.isVisible()
    window.document.undo_stack.undo()
    assert hint.isVisible()


def test_explain_works_for_every_finding_in_the_panel(window, monkeypatch):
    from argmap.ui.panels import diagnostics as panel_module

    shown = []
    monkeypatch.setattr(panel_module, "show_explanation", lambda parent, title, text: shown.append((title, text)))
    window.load(read_file(example_map()), None)
    panel = window.diagnostics
    codes = set()
    for row, d in enumerate(panel.visible_diagnostics()):
        panel.tree.setCurrentIndex(panel.row_of(row))
        assert panel.explain_button.isEnabled(), d.code
        if d.code not in codes:
            codes.add(d.code)
            panel.explain_button.click()
            title, text = shown[-1]
            assert d.code in title and d.target in text and "How to fix it:" in text
    assert codes == {d.code for d in window.document.report.diagnostics}  # every code of the bundled map


def test_the_guide_names_a_key_of_every_action_and_every_role(qapp):
    from pathlib import Path

    from PySide6.QtGui import QKeySequence

    from argmap.analysis.roles import ROLES
    from argmap.ui.actions import ACTIONS, keys_of

    guide = (Path(__file__).resolve().parents[2] / "docs" / "guide.md").read_text(encoding="utf-8")
    for spec in ACTIONS:
        # Qt's standard keys differ by platform (the guide says so): the table's own keys must be there
        keys = [QKeySequence(k).toString(QKeySequence.SequenceFormat.PortableText) for k in keys_of(spec.shortcut)
                if isinstance(k, str)]
        if keys:
            assert any(k in guide for k in keys), (spec.id, keys)
    for role in ROLES:
        assert role.upper() in guide


def test_mnemonics_of_the_source_panel_and_the_menus_do_not_clash(window):
    import re

    def letter(text):
        found = re.search(r"&(\w)", text)
        return found.group(1).lower() if found else None

    menus = [letter(m.title()) for m in window.menus.values()]
    panel = window.source
    buttons = [letter(b.text()) for b in (*panel.link_buttons, panel.add_evidence_button, panel.add_claim_button,
                                          panel.attach_button)]
    taken = [x for x in menus + buttons if x]
    assert len(taken) == len(set(taken)), taken


def test_a_map_too_big_to_read_whole_opens_at_reading_size_on_its_top(window, qtbot):
    from argmap.model.synth import argument_like
    from argmap.ui.canvas.items import shows_text

    window.load(argument_like(1500, 3), None)
    view = window.view
    qtbot.waitUntil(lambda: shows_text(view.zoom(), window.scene.theme))  # decided once the layout settles
    tops = window.outline_roots()[:1]
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.intersects(window.scene.statement_item(tops[0]).scene_box())
    view.fit_all()  # Fit Map still shows all of it
    assert view.mapToScene(view.viewport().rect()).boundingRect().contains(window.scene.visible_bounds())
