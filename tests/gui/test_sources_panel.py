"""The Sources panel, the Inspector's tradecraft fields and the Assume actions, in the real window (SPEC §5)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from argmap.analysis import check_map
from argmap.model import ArgumentMap, Inference, Source, Statement
from argmap.ui import source_dialog
from argmap.ui.panels import grades as grades_module
from argmap.ui.panels import source_edits


def graded_map() -> ArgumentMap:
    """A column reporting a newspaper report; two pieces of evidence from it; an unsupported claim."""
    amap = ArgumentMap("graded")
    amap.add_all([
        Source("col", "A column", "B"), Source("nyt", "A newspaper report", "C", via="col"),
        Statement("r", "recommendation", "Open talks", position=None),
        Statement("c", "claim", "Both want calm"),
        Statement("e1", "evidence", "Reported fact one", cites=("nyt",), credibility=2),
        Statement("e2", "evidence", "Reported fact two", cites=("nyt",), credibility=3),
        Statement("k", "claim", "Talks cost little"),
        Inference("i1", ("c", "k"), "r"), Inference("i2", ("e1",), "c"), Inference("i3", ("e2",), "c"),
    ])
    return amap


@pytest.fixture
def window(make_window):
    w = make_window()
    w.load(graded_map(), None)
    return w


def answer_dialog(monkeypatch, module, **values):
    """Make ``module``'s New Source dialog come back accepted with ``values`` typed in."""
    def ask(dialog):
        dialog.title_edit.setText(values.get("title", ""))
        dialog.reliability.setCurrentIndex(dialog.reliability.findData(values.get("reliability", "F")))
        dialog.via.setCurrentIndex(dialog.via.findData(values.get("via", "")))
        dialog.url_edit.setText(values.get("url", ""))
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted
    monkeypatch.setattr(module, "ask_dialog", ask)


def choose(widget, data) -> None:
    """Pick the item of combo box ``widget`` whose data is ``data``, as the keyboard does."""
    index = widget.findData(data)
    assert index >= 0, data
    widget.setCurrentIndex(index)
    widget.activated.emit(index)


def undo_all(doc) -> None:
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()


def test_the_panel_lists_each_source_with_its_grade_chain_and_evidence(window, qtbot):
    panel = window.tradecraft.panel
    assert panel.source_ids() == ["col", "nyt"]
    row = panel.tree.topLevelItem(1)
    assert [row.text(n) for n in range(4)] == ["C", "A newspaper report", "col", "2"]
    assert panel.tree.accessibleName() == "Sources"
    panel.select_source("col")
    cited = [panel.cited.item(n).text() for n in range(panel.cited.count())]
    assert cited == ["e1: Reported fact one (through nyt)", "e2: Reported fact two (through nyt)"]
    panel.select_source("nyt")
    assert panel.cited.item(0).text().startswith("C2  e1:")
    assert window.scene._highlight == {"e1", "e2"}  # choosing a source marks its evidence on the canvas
    with qtbot.waitSignal(window.scene.selection_ids_changed):
        panel.cited.itemActivated.emit(panel.cited.item(1))
    assert window.scene.selected_ids() == ["e2"]


def test_add_edit_grade_via_merge_and_delete_are_one_step_each_and_undo_to_an_equal_map(window, qtbot, monkeypatch):
    doc, panel = window.document, window.tradecraft.panel
    before = doc.amap.copy()
    answer_dialog(monkeypatch, source_edits, title="The wire service", reliability="A", via="col")
    panel.add_source()
    assert doc.amap.sources["the-wire-service"].via == "col" and panel.current_source() == "the-wire-service"
    panel.title_edit.setFocus()
    panel.title_edit.selectAll()
    QTest.keyClicks(panel.title_edit, "Wire")
    assert doc.amap.sources["the-wire-service"].title == "Wire"
    panel.reliability.setFocus()
    QTest.keyClick(panel.reliability, Qt.Key.Key_Down)  # the keyboard grades it: A -> B
    assert doc.amap.sources["the-wire-service"].reliability == "B"
    choose(panel.reliability, "D")
    choose(panel.via, "")
    assert doc.undo_stack.count() == 5  # add, the typed title, two grades, the via
    assert doc.amap.sources["the-wire-service"].reliability == "D" and not doc.amap.sources["the-wire-service"].via
    monkeypatch.setattr(source_edits, "ask_choice", lambda parent, title, label, items: items[1])  # "nyt — C · …"
    assert panel.merge_current()
    assert "the-wire-service" not in doc.amap.sources and panel.current_source() == "nyt"
    window.scene.select_ids(["k"])
    panel.tree.setFocus()
    QTest.keyClick(panel.tree, Qt.Key.Key_Delete)  # the list's Delete, not the window's (the canvas selection)
    assert "k" in doc.amap.statements and list(doc.amap.sources) == ["col"] and doc.amap.statements["e1"].cites == ()
    assert doc.undo_stack.count() == 7
    undo_all(doc)
    assert doc.amap == before
    assert panel.source_ids() == ["col", "nyt"]
    while doc.undo_stack.canRedo():
        doc.undo_stack.redo()
    assert list(doc.amap.sources) == ["col"]


def test_a_via_that_would_loop_is_refused_with_the_reason_and_nothing_changes(window):
    doc, panel = window.document, window.tradecraft.panel
    before = doc.amap.copy()
    panel.select_source("col")
    choose(panel.via, "nyt")
    assert doc.amap == before and doc.undo_stack.count() == 0
    assert "nyt already reaches you through col (nyt → col)" in panel.notice.text()
    assert panel.via.currentData() == ""  # the field shows the map again


def test_an_empty_title_is_not_sent_and_the_panel_says_why(window):
    doc, panel = window.document, window.tradecraft.panel
    panel.select_source("col")
    panel.title_edit.setFocus()
    panel.title_edit.selectAll()
    QTest.keyClick(panel.title_edit, Qt.Key.Key_Backspace)
    assert doc.amap.sources["col"].title == "A column" and doc.undo_stack.count() == 0
    assert "needs a title" in panel.notice.text()


def test_the_conclusions_resting_on_a_source_alone_come_from_the_report(window, qtbot):
    doc, panel = window.document, window.tradecraft.panel
    with qtbot.waitSignal(doc.report_changed, timeout=3000):
        window.scene.select_ids(["k"])
        window.actions["map.assume"].trigger()
    panel.select_source("nyt")
    assert [panel.alone.item(n).text() for n in range(panel.alone.count())] == ["r: Open talks"]
    assert panel.tree.topLevelItem(1).text(4) == "1"
    with qtbot.waitSignal(window.scene.selection_ids_changed):
        panel.alone.itemActivated.emit(panel.alone.item(0))
    assert window.scene.selected_ids() == ["r"]


def test_choosing_an_am009_finding_marks_its_evidence_and_shows_its_source(window, qtbot, monkeypatch):
    doc = window.document
    shown = []
    monkeypatch.setattr("argmap.ui.panels.diagnostics.show_explanation", lambda parent, title, text: shown.append(text))
    with qtbot.waitSignal(doc.report_changed, timeout=3000):
        window.scene.select_ids(["k"])
        window.tradecraft.assume()
    rows = window.diagnostics.visible_diagnostics()
    n = next(k for k, d in enumerate(rows) if d.code == "AM009" and d.source == "nyt")
    index = window.diagnostics.row_of(n)
    window.diagnostics.tree.setCurrentIndex(index)
    window.diagnostics.tree.clicked.emit(index)
    assert window.scene.selected_ids() == ["r"]
    assert window.scene._highlight == {"r", "e1", "e2"}
    assert window.tradecraft.panel.current_source() == "nyt"
    assert "r rests on source nyt alone" in window.statusBar().currentMessage()
    assert window.diagnostics.explain_current() == shown[0]
    assert "A newspaper report" in shown[0] and "e1" in shown[0]


def test_am010_and_am012_mark_the_doubtful_evidence_and_the_assumptions(window, qtbot, monkeypatch):
    doc = window.document
    monkeypatch.setattr("argmap.ui.panels.diagnostics.show_explanation", lambda *a: None)
    with qtbot.waitSignal(doc.report_changed, timeout=3000):
        window.scene.select_ids(["k"])
        window.tradecraft.assume()
    with qtbot.waitSignal(doc.report_changed, timeout=3000):
        window.scene.select_ids(["e1", "e2"])
        window.inspector.grades.show_statement("e1")
        from argmap.commands import sources as cmd
        from argmap.commands.edits import execute
        execute(doc.undo_stack, cmd.set_credibility(doc.amap, ["e1", "e2"], 4))
    rows = window.diagnostics.visible_diagnostics()
    for code, marked in (("AM010", {"r", "e1", "e2"}), ("AM012", {"r", "k"})):
        n = next(k for k, d in enumerate(rows) if d.code == code and d.target == "r")
        window.diagnostics.tree.setCurrentIndex(window.diagnostics.row_of(n))
        window.diagnostics.tree.clicked.emit(window.diagnostics.row_of(n))
        assert window.scene._highlight == marked, code
        assert window.diagnostics.explain_current()


def test_the_inspector_offers_only_the_fields_a_kind_can_carry(window):
    inspector = window.inspector
    grades = inspector.grades
    form = grades.form
    rows = [form.getWidgetPosition(w)[0] for w in grades.widgets()]
    assert rows == [5, 6, 7, 8, 9]  # right after the free-text Source row
    window.scene.select_ids(["e1"])
    assert grades.isVisibleTo(inspector) and all(form.isRowVisible(n) for n in rows[:4])
    assert not form.isRowVisible(rows[4])
    assert grades.grade_label.text() == "C2: source nyt fairly reliable; information probably true"
    window.scene.select_ids(["c"])
    assert grades.isVisibleTo(inspector) and form.isRowVisible(rows[4])
    assert not any(form.isRowVisible(n) for n in rows[:4])
    window.scene.select_ids(["r"])
    assert not grades.isVisibleTo(inspector)


def test_the_inspector_cites_uncites_grades_and_cites_a_new_source_in_one_step_each(window, monkeypatch):
    doc, grades = window.document, window.inspector.grades
    before = doc.amap.copy()
    window.scene.select_ids(["e1"])
    choose(grades.cite_box, "col")
    assert doc.amap.statements["e1"].cites == ("nyt", "col")
    assert grades.grade_label.text().startswith("B2: best of its sources (nyt C, col B)")
    grades.cites.setCurrentRow(0)
    grades.cites.setFocus()
    QTest.keyClick(grades.cites, Qt.Key.Key_Delete)
    assert doc.amap.statements["e1"].cites == ("col",)
    choose(grades.credibility, 5)
    assert doc.amap.statements["e1"].credibility == 5
    choose(grades.credibility, None)
    assert doc.amap.statements["e1"].credibility is None
    answer_dialog(monkeypatch, grades_module, title="Embassy statement", reliability="E")
    choose(grades.cite_box, "")
    assert doc.amap.statements["e1"].cites == ("col", "embassy-statement")
    assert doc.amap.sources["embassy-statement"].reliability == "E"
    assert doc.undo_stack.count() == 5
    doc.undo_stack.undo()
    assert "embassy-statement" not in doc.amap.sources and doc.amap.statements["e1"].cites == ("col",)
    undo_all(doc)
    assert doc.amap == before


def test_assumed_in_the_inspector_and_the_assume_actions_follow_the_selection(window, qtbot):
    doc, grades = window.document, window.inspector.grades
    assume, stop = window.actions["map.assume"], window.actions["map.stop_assuming"]
    window.scene.select_ids(["e1"])
    assert not assume.isEnabled() and not stop.isEnabled()
    assert not window.tradecraft.assume()
    assert "only a claim can be assumed" in window.statusBar().currentMessage()
    window.scene.select_ids(["c", "k", "e1"])
    assert assume.isEnabled() and not stop.isEnabled()
    assume.trigger()
    assert doc.amap.statements["c"].assumed and doc.amap.statements["k"].assumed
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Assume 2 statements"
    assert stop.isEnabled() and not assume.isEnabled()
    window.scene.select_ids(["k"])
    assert grades.assumed.isChecked()
    grades.assumed.click()
    assert not doc.amap.statements["k"].assumed
    window.scene.select_ids(["c"])
    stop.trigger()
    assert not doc.amap.statements["c"].assumed
    undo_all(doc)
    assert doc.amap == graded_map()
    assert [a.shortcut().toString() for a in (assume, stop)] == ["Ctrl+4", "Ctrl+Alt+4"]


def test_cite_source_asks_among_the_maps_sources_or_makes_a_new_one(window, monkeypatch):
    doc = window.document
    window.scene.select_ids(["e1", "e2", "c"])
    assert window.actions["map.cite_source"].isEnabled()
    asked = []

    def pick(parent, title, label, items):
        asked.append((label, items))
        return items[0]
    monkeypatch.setattr("argmap.ui.tradecraft.ask_choice", pick)
    window.actions["map.cite_source"].trigger()
    assert asked[0][0] == "Source cited by the 2 selected pieces of evidence:"
    assert asked[0][1][-1] == "New source…"
    assert doc.amap.statements["e1"].cites == ("nyt", "col") and doc.amap.statements["c"].cites == ()
    monkeypatch.setattr("argmap.ui.tradecraft.ask_choice", lambda parent, title, label, items: items[-1])
    answer_dialog(monkeypatch, source_edits, title="Second report", reliability="B")
    window.actions["map.cite_source"].trigger()
    assert doc.amap.statements["e2"].cites[-1] == "second-report"
    assert doc.undo_stack.count() == 2
    assert check_map(doc.amap).diagnostics is not None
    assert source_dialog.DIRECTLY == window.tradecraft.panel.via.itemText(0)


def test_every_field_of_the_panel_and_the_inspectors_rows_has_an_accessible_name(window):
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QListWidget, QPlainTextEdit, QTreeWidget

    panel, grades = window.tradecraft.panel, window.inspector.grades
    panel.select_source("nyt")
    window.scene.select_ids(["e1"])
    kinds = (QAbstractButton, QComboBox, QLineEdit, QListWidget, QPlainTextEdit, QTreeWidget)
    widgets = [w for w in panel.findChildren(QWidget) if isinstance(w, kinds) and w.parent() is not None
               and not isinstance(w.parent(), QComboBox)]
    widgets += [w for row in grades.widgets() for w in [row, *row.findChildren(QWidget)] if isinstance(w, kinds)]
    names = {}
    for w in widgets:
        iface = QAccessible.queryAccessibleInterface(w)
        # what a screen reader reads: the name; a combo box's is its value on Linux (labelled by its form label)
        names[w] = w.accessibleName() if isinstance(w, QComboBox) else iface.text(QAccessible.Text.Name)
    assert len(widgets) >= 14
    assert all(names.values()), [type(w).__name__ for w, n in names.items() if not n]
    assert {"Sources", "Source title", "Source reliability", "Reported via", "Cited by", "Cited sources",
            "Credibility", "Cite a source"} <= set(names.values())
