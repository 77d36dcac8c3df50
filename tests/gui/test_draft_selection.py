"""Drafting a selection, drafting beside the analyst's own statements, and the edges of the review flow.

A text of our own (two paragraphs under a heading) in the real main window.
"""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from argmap.commands import drafting as review
from argmap.formats import read_file
from argmap.ui import files

TEXT = ("Talks with Tehran\n\n"
        "Iran has gained more from the war in Iraq than any other country. Its allies now run most of the south, "
        "because the militias answer to Tehran.\n\n"
        "Admittedly, Iran also pays a price for the chaos. But the price is small. So the United States should open "
        "talks with Iran now.\n")
SECOND = TEXT.index("Admittedly")


@pytest.fixture
def window(make_window, tmp_path):
    w = make_window(size=(1400, 900))
    w.files.new_file()
    w.scene.edit_new = False
    text = tmp_path / "talks.txt"
    text.write_text(TEXT, encoding="utf-8")
    w.source.attach(text)
    w.docks["source"].raise_()
    return w


def quoted(window) -> dict[str, str]:
    return {s.id: s.anchors[0].quote for s in window.document.amap.statements.values() if s.anchors}


def test_drafting_a_selection_drafts_only_that_passage(qtbot, window):
    panel, action = window.source, window.actions["map.draft_selection"]
    assert not action.isEnabled()  # nothing selected yet
    panel.select_span(SECOND, len(TEXT) - 1)
    assert action.isEnabled()
    button = panel.findChild(QPushButton, "source.draft_selection")
    assert button.isEnabled()
    steps = window.document.undo_stack.count()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    amap = window.document.amap
    assert window.document.undo_stack.count() == steps + 1
    assert sorted(quoted(window).values()) == sorted(["Admittedly, Iran also pays a price for the chaos.",
                                                     "But the price is small.",
                                                     "So the United States should open talks with Iran now."])
    assert all(a.start >= SECOND for s in amap.statements.values() for a in s.anchors)
    assert amap.title == "Draft: Iran also pays a price for the chaos." and amap.extra["draft"]["root"] == "s3"
    assert window.drafting.bar.count.text() == "3 proposals left"


def test_a_draft_goes_beside_the_analysts_statements_and_leaves_them_alone(qtbot, window):
    panel = window.source
    start = TEXT.index("Iran has gained")
    panel.select_span(start, start + len("Iran has gained more from the war in Iraq than any other country."))
    mine = panel.add_from_selection("claim")
    own = window.document.amap.statements[mine]
    steps = window.document.undo_stack.count()
    window.actions["map.draft"].trigger()  # the whole text: what is mapped already is left out
    amap = window.document.amap
    assert window.document.undo_stack.count() == steps + 1
    assert amap.statements[mine] == own and amap.title == "Untitled map"
    assert list(quoted(window).values()).count(own.anchors[0].quote) == 1  # not proposed twice
    assert len(amap.statements) == 6
    into_mine = [i for i in amap.inferences.values() if mine in (*i.premises, i.conclusion)]
    assert into_mine and all(review.is_pending(amap, i.id) for i in into_mine)  # relations to it are proposals
    right = window.scene.statement_item(mine).scene_box().right()
    new = [window.scene.statement_item(s).scene_box() for s in amap.statements if s != mine]
    assert min(b.left() for b in new) > right  # beside it, nothing on top of it
    assert "1 unit mapped already left out" in window.statusBar().currentMessage()

    window.drafting.reject_all()
    assert set(amap.statements) == {mine} and amap.statements[mine] == own
    window.document.undo_stack.undo()
    assert len(amap.statements) == 6

    panel.select_span(0, len(TEXT) - 1)  # all of it again: nothing new
    steps = window.document.undo_stack.count()
    assert not window.drafting.draft_selection()
    assert window.document.undo_stack.count() == steps
    assert "Nothing new to draft" in window.statusBar().currentMessage()


def test_a_selection_without_a_sentence_says_so_and_changes_nothing(qtbot, window):
    window.source.select_span(0, len("Talks with Tehran"))  # the heading
    steps = window.document.undo_stack.count()
    assert not window.drafting.draft_selection()
    assert window.document.undo_stack.count() == steps and not window.document.amap.statements
    assert window.statusBar().currentMessage().startswith("Nothing to draft: ")


def test_without_a_text_the_draft_asks_for_one_and_a_cancel_changes_nothing(qtbot, window, monkeypatch, tmp_path):
    window.document.undo_stack.undo()  # detach the text
    assert not window.document.amap.source.path
    asked = []
    monkeypatch.setattr(files, "ask_open_path", lambda *args: asked.append(args[1]) or "")
    assert not window.drafting.draft_source()
    assert asked and not window.document.amap.statements and window.document.undo_stack.index() == 0
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 talks.".encode("latin-1"))
    monkeypatch.setattr(files, "ask_open_path", lambda *args: str(bad))
    assert not window.drafting.draft_source()
    assert window.errors and "could not be read" in window.errors[-1]
    assert not window.document.amap.source.path


def test_rejecting_returns_the_text_to_not_mapped_and_undo_brings_it_back(qtbot, window):
    window.actions["map.draft"].trigger()
    amap, panel = window.document.amap, window.source
    sid = next(s for s, st in amap.statements.items() if st.text == "The militias answer to Tehran.")
    span = amap.statements[sid].anchors[0]
    assert panel.spans_of(sid) == [(span.start, span.end)]
    window.drafting.show(sid)
    window.actions["proposal.reject"].trigger()
    assert sid not in amap.statements and not [x for x in panel.spans if x[0] < span.end and span.start < x[1]]
    window.document.undo_stack.undo()
    assert panel.spans_of(sid) == [(span.start, span.end)] and review.is_pending(amap, sid)


def test_deleting_a_proposal_by_key_takes_it_off_the_list(qtbot, window):
    window.actions["map.draft"].trigger()
    amap = window.document.amap
    last = list(amap.conflicts)[-1]
    window.scene.select_ids([last])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Backspace)
    assert last not in amap.conflicts and last not in amap.extra["draft"]["proposed"]
    attacker, target = "s5", "s4"
    window.scene.select_ids([attacker])
    window.scene.link_attack_by_key()
    window.scene.select_ids([target])
    window.scene.link_attack_by_key()
    assert last in amap.conflicts and not review.is_pending(amap, last)  # the same id, but the analyst's link
    assert not window.scene.link_item(last).proposed


def test_cues_on_hover_and_for_the_screen_reader(qtbot, window):
    window.actions["map.draft"].trigger()
    amap, scene = window.document.amap, window.scene
    inf = next(i for i in amap.inferences.values() if "because" in i.note)
    tip = html.unescape(scene.link_tooltip(inf.id))
    assert "cue: 'because'" in tip and "Proposed by the draft" in tip
    premise = scene.statement_item(inf.premises[0])
    assert "Proposed by the draft" in premise.tooltip() and "cue: 'because'" in html.unescape(premise.tooltip())
    tree = window.view.accessible_tree()
    spoken = tree.child_for(inf.id).text(QAccessible.Text.Description)
    assert spoken.startswith(f"Proposed support {inf.id}. Note: cue: 'because'")
    window.drafting.accept_all()
    assert "Proposed" not in scene.link_tooltip(inf.id) and "Proposed" not in premise.tooltip()
    assert not tree.description(inf.premises[0]).startswith("Proposed")


def test_a_half_reviewed_draft_is_saved_and_opened_with_its_proposals(qtbot, window, tmp_path):
    window.actions["map.draft"].trigger()
    window.drafting.next_proposal()
    window.drafting.accept()
    left = review.review_order(window.document.amap)
    path = tmp_path / "draft.argmap"
    assert window.files.write(path)
    assert review.review_order(read_file(path)) == left
    window.files.new_file()
    assert window.files.open_path(path)
    assert review.review_order(window.document.amap) == left
    qtbot.waitUntil(lambda: window.drafting.bar.isVisible())
    assert window.drafting.bar.count.text() == f"{len(left)} proposals left"
    assert len(window.source.spans) == 6 and window.source.legend.isVisible()  # the text found, proposals shown


def test_a_new_map_does_not_pick_a_statement_of_the_old_text(qtbot, window, qtlog):
    window.actions["map.draft"].trigger()  # the text's first sentence, at offset 19, is quoted; so is 0 after:
    window.source.select_span(0, len("Talks with Tehran"))
    window.source.add_from_selection("claim")  # the heading: a span at the very start of the text
    clicked = []
    window.source.statement_clicked.connect(clicked.append)
    window.files.new_file()  # the text goes; setting it moved the cursor over the old spans
    assert clicked == [] and window.source.spans == []
    assert not [r for r in qtlog.records if "out of range" in r.message]
