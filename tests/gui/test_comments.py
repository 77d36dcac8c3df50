"""Comments in the real window: the Inspector adds and resolves them, the Review panel lists them, undo."""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from argmap.commands.comments import add_comment
from argmap.commands.edits import execute
from argmap.ui.preferences import Preferences

TODAY = datetime.date.today().isoformat()


@pytest.fixture
def window(make_window):
    w = make_window(size=(1400, 900))
    w.apply_preferences(replace(w.prefs, author="Ann Analyst"))
    return w


def _settle(qtbot):
    qtbot.wait(5)


def test_the_inspector_adds_a_comment_with_the_preferences_author_and_today_one_step(window, qtbot):
    window.select_and_center("s4")
    box = window.inspector.comments
    assert box.isVisible() and box.title.text() == "Comments (none yet)"
    assert not box.add_button.isEnabled()
    QTest.keyClicks(box.new_text, "Which interests, exactly?")
    assert box.add_button.isEnabled()
    box.add_button.click()
    comment = window.document.amap.statements["s4"].comments[0]
    assert (comment.text, comment.author, comment.date, comment.resolved) == \
        ("Which interests, exactly?", "Ann Analyst", TODAY, False)
    assert box.new_text.toPlainText() == "" and box.list.count() == 1
    assert box.list.item(0).text() == f"Ann Analyst · {TODAY} · open\nWhich interests, exactly?"
    stack = window.document.undo_stack
    assert stack.count() == 1 and stack.text(0) == "Comment on s4"
    box.new_text.setPlainText("And Ctrl+Enter adds this one.")
    box.new_text.setFocus()
    QTest.keyClick(box.new_text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(window.document.amap.statements["s4"].comments) == 2 and stack.count() == 2
    box.list.setCurrentRow(0)
    box.resolve_button.click()
    assert window.document.amap.statements["s4"].comments[0].resolved
    assert box.resolve_button.text() == "&Reopen" and box.list.item(0).text().startswith("Ann Analyst · ")
    stack.undo()
    stack.undo()
    stack.undo()
    assert window.document.amap.statements["s4"].comments == ()
    assert box.list.count() == 0


def test_comments_on_a_support_too(window, qtbot):
    window.scene.select_ids(["i3"])
    box = window.inspector.comments
    assert box.isVisible() and box.element_id == "i3"
    box.new_text.setPlainText("Is this one reason or two?")
    assert box.add_typed()
    assert window.document.amap.inferences["i3"].comments[0].text == "Is this one reason or two?"


def test_the_review_panel_lists_open_comments_goes_there_and_resolves_in_one_click(window, qtbot):
    amap, stack = window.document.amap, window.document.undo_stack
    execute(stack, add_comment(amap, "s5", "Leverage for what?", "bob", "2024-05-02"))
    execute(stack, add_comment(amap, "c1", "Is this attack fair?", "ann", "2024-05-03"))
    execute(stack, add_comment(amap, "s2", "Too strong a word.", "ann", "2024-05-04"))
    _settle(qtbot)
    panel = window.review.review_panel
    assert window.docks["review"] in window.tabifiedDockWidgets(window.docks["diagnostics"])  # a tab beside it
    assert panel.rows() == [("s2", "Too strong a word.", False), ("s5", "Leverage for what?", False),
                            ("c1", "Is this attack fair?", False)]
    assert panel.summary.text() == "3 open comments"
    item = panel.tree.topLevelItem(1)
    assert item.text(1).startswith("s5 “The US could use those shared") and item.text(3) == "bob"
    assert panel.tree.topLevelItem(2).text(1) == "attack c1: s22 ⟂ s13"
    panel.tree.itemClicked.emit(item, 1)  # a click on the row: there on the canvas
    assert window.scene.selected_ids() == ["s5"]
    item.setCheckState(0, Qt.CheckState.Checked)  # one click on the tick box resolves it
    _settle(qtbot)
    assert amap.statements["s5"].comments[0].resolved and stack.text(stack.count() - 1) == "Resolve comment on s5"
    assert [r[0] for r in panel.rows()] == ["s2", "c1"] and panel.summary.text() == "2 open comments, 1 resolved"
    stack.undo()
    _settle(qtbot)
    assert [r[0] for r in panel.rows()] == ["s2", "s5", "c1"]
    stack.redo()
    _settle(qtbot)
    panel.show_resolved.setChecked(True)
    assert panel.rows()[1] == ("s5", "Leverage for what?", True)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(1))
    assert panel.resolve_button.text() == "Reopen"
    panel.resolve_button.click()  # reopen
    _settle(qtbot)
    assert not amap.statements["s5"].comments[0].resolved and stack.text(stack.count() - 1) == "Reopen comment on s5"


def test_review_add_comment_goes_to_the_inspector_field(window, qtbot):
    window.scene.select_ids([])
    window.actions["review.comment"].trigger()
    assert "Select one statement" in window.statusBar().currentMessage()
    window.select_and_center("s3")
    window.actions["review.comment"].trigger()
    assert window.docks["inspector"].isVisible()
    assert window.inspector.comments.new_text.hasFocus()
    window.actions["review.comments"].trigger()
    assert window.review.review_panel.tree.hasFocus()


def test_the_author_is_a_preference_defaulting_to_the_user(tmp_path):
    from argmap.commands.comments import default_author

    settings = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    assert Preferences.load(settings).author == default_author()
    prefs = Preferences.load(settings)
    prefs.author = "  Bob   Reviewer "
    prefs.clean().save(settings)
    assert Preferences.load(settings).author == "Bob Reviewer"


def test_the_export_dialog_offers_the_call_outs_and_remembers_them(window, qtbot):
    execute(window.document.undo_stack, add_comment(window.document.amap, "s1", "Too strong.", "ann"))
    dialog = window.export_dialog()
    qtbot.addWidget(dialog)
    assert not dialog.comments_check.isChecked() and not dialog.options().comments
    dialog.comments_check.setChecked(True)
    prepared = dialog.prepared()
    assert [c.eid for c in prepared.callouts.items] == ["s1"]
    dialog.save_settings()
    again = window.export_dialog()
    qtbot.addWidget(again)
    assert again.comments_check.isChecked() and again.options().comments
