"""The main window on the bundled map: panels follow edits, clicks select, find, actions, help."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence

from argmap.app import create_window
from argmap.commands import actions as edit
from argmap.commands.edits import execute
from argmap.formats import read_file
from argmap.resources_path import example_map
from argmap.ui.actions import ACTIONS, GESTURES, keys_of, resolve
from argmap.ui.help import rules_html, shortcut_rows


@pytest.fixture
def window(make_window):
    return make_window()


def _report_after(qtbot, window, command):
    with qtbot.waitSignal(window.document.report_changed, timeout=3000):
        execute(window.document.undo_stack, command)


def test_window_opens_the_bundled_map_as_untitled_copy(window):
    bundled = read_file(example_map())
    doc = window.document
    assert doc.amap == bundled
    assert doc.path is None and not doc.modified
    assert bundled.title in window.windowTitle()
    assert len(window.diagnostics.visible_diagnostics()) == len(doc.report.diagnostics) > 0
    summary = doc.report.summary()
    assert window.counts.text().startswith(f"{summary['error']} error")
    assert window.outline.model.rowCount() >= 1
    assert window.errors == []


def test_diagnostics_follow_an_edit(qtbot, window):
    amap = window.document.amap
    _report_after(qtbot, window, edit.add_statement(amap, "claim", "A loose thought"))
    new = list(amap.statements)[-1]
    shown = window.diagnostics.visible_diagnostics()
    assert any(d.code == "AM006" and d.target == new for d in shown)
    assert window.isWindowModified()
    with qtbot.waitSignal(window.document.report_changed, timeout=3000):
        window.document.undo_stack.undo()
    assert not any(d.target == new for d in window.diagnostics.visible_diagnostics())
    assert not window.isWindowModified()


def test_clicking_a_diagnostic_selects_and_highlights_its_statement(qtbot, window):
    tree = window.diagnostics.tree
    row = next(n for n, d in enumerate(window.diagnostics.visible_diagnostics()) if d.code == "AM001")
    diag = window.diagnostics.visible_diagnostics()[row]
    index = window.diagnostics.row_of(row)
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())
    assert window.scene.selected_ids() == [diag.target]
    assert window.inspector.element_id == diag.target
    assert window.inspector.text_edit.toPlainText() == window.document.amap.statements[diag.target].text


def test_inspector_edit_is_one_undoable_command(qtbot, window):
    doc = window.document
    before = doc.amap.copy()
    sid = next(iter(doc.amap.statements))
    window.select_and_center(sid)
    assert window.inspector.element_id == sid
    editor = window.inspector.text_edit
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "Rewritten")
    assert doc.amap.statements[sid].text == "Rewritten"
    assert doc.undo_stack.count() == 1
    window.actions["edit.undo"].trigger()
    assert doc.amap == before


def test_markup_is_shown_literally_in_the_panels(qtbot, window):
    amap = window.document.amap
    sid = window.diagnostics.visible_diagnostics()[0].target
    _report_after(qtbot, window, edit.edit_text(amap, sid, "<b>x</b>"))
    window.select_and_center(sid)
    assert window.inspector.text_edit.toPlainText() == "<b>x</b>"
    assert "<b>x</b>" in window.outline._items[sid].text()
    row = next(n for n, d in enumerate(window.diagnostics.visible_diagnostics()) if d.target == sid)
    assert "<b>x</b>" in window.diagnostics.model.data(window.diagnostics.model.index(row, 2))


def test_find_next_and_previous(qtbot, window):
    amap = window.document.amap
    word = "Iran"
    expected = [s.id for s in amap.statements.values() if word.casefold() in (s.text + s.note).casefold()]
    assert len(expected) >= 3
    window.actions["edit.find"].trigger()
    assert window.find_bar.isVisible()
    window.find_bar.edit.setText(word)
    assert window.find_bar.find_next() == expected[0]
    assert window.scene.selected_ids() == [expected[0]]
    assert window.find_bar.find_next() == expected[1]
    assert window.find_bar.count.text() == f"2 of {len(expected)}"
    assert window.find_bar.find_previous() == expected[0]
    assert window.find_bar.find_previous() == expected[-1]
    window.find_bar.edit.setText("no such words anywhere")
    assert window.find_bar.find_next() is None
    assert window.find_bar.count.text() == "no match"


def test_every_action_reaches_a_slot_and_shortcuts_do_not_clash(window):
    for spec in ACTIONS:
        assert not spec.slot or callable(resolve(window, spec.slot)), spec.id
    keys = [k.toString() for a in window.actions.values() for k in a.shortcuts() if not k.isEmpty()]
    keys += [QKeySequence(k).toString() for spec in ACTIONS if not spec.slot for k in keys_of(spec.shortcut)]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_help_pages_list_every_rule_and_shortcut(window):
    html = rules_html()
    for code in [f"AM00{n}" for n in range(1, 9)]:
        assert code in html
    rows = shortcut_rows()
    assert any(k == "Ctrl+L" and "Layout" in w for k, w in rows)
    assert any(k.startswith("Tab") and "Add Premise" in w for k, w in rows)
    for key in ("Return", "Shift+Tab", "Ctrl+Return", "Alt+Up", "Alt+Down", "Alt+Left", "Alt+Right", "Ctrl+K"):
        assert any(key in k.split(", ") for k, _ in rows), key
    assert set(GESTURES) <= set(rows)


def test_dark_theme_and_window_state_are_remembered(qtbot, window, tmp_path):
    window.actions["view.dark"].trigger()
    assert window.prefs.theme == "dark" and window.theme.name == "dark"
    window.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("prefs/theme") == "dark"
    assert settings.value("window/state") is not None
    again = create_window(settings=settings, offer_recovery=False)
    qtbot.addWidget(again)
    assert again.actions["view.dark"].isChecked()
    again.actions["view.dark"].trigger()
    assert again.theme.name == "light"


def test_fit_map_shows_the_bundled_map_with_its_text(qtbot, window):
    from argmap.ui.canvas.items import shows_text

    window.resize(1400, 900)
    qtbot.waitExposed(window)
    window.actions["view.fit"].trigger()
    view = window.view
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(window.scene.visible_bounds())  # the whole map is in view
    assert shows_text(view.zoom(), window.theme)  # and its boxes still carry their text
    assert view.zoom() * window.scene.visible_bounds().width() > 0.9 * (view.viewport().width() - 24) or \
        view.zoom() * window.scene.visible_bounds().height() > 0.9 * (view.viewport().height() - 24)


def test_one_edit_is_checked_at_once_and_a_burst_once(qtbot, window):
    from argmap.analysis import check_map

    doc = window.document
    doc.recheck()
    assert doc.check_delay_ms() == doc.CHECK_DELAY_MS  # just checked: a change now would be part of a burst
    qtbot.wait(doc.CHECK_DELAY_MS + 20)
    assert doc.check_delay_ms() == 0  # after a pause, the next edit is checked on the next turn of the loop
    reports = []
    doc.report_changed.connect(reports.append)
    sids = list(doc.amap.statements)
    with qtbot.waitSignal(doc.report_changed, timeout=3000):
        for n, sid in enumerate(sids[:12]):  # twelve commands before the event loop runs again
            execute(doc.undo_stack, edit.edit_text(doc.amap, sid, f"burst {n}"))
    qtbot.wait(doc.CHECK_DELAY_MS + 50)
    assert len(reports) == 1  # checked once, after the last of them
    assert reports[0].diagnostics == check_map(doc.amap).diagnostics
    assert window.diagnostics.visible_diagnostics() and all(
        "burst" in window.scene.statement_item(s).statement.text for s in sids[:12])
