"""The dock panels on their own, over a real Document: source anchoring, outline, inspector, diagnostics."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from argmap.analysis import check_map
from argmap.commands.document import Document
from argmap.formats import read_file, write_file
from argmap.model import Anchor, ArgumentMap, Conflict, Inference, SourceInfo, Statement
from argmap.model.anchors import normalise_text, text_sha256
from argmap.resources_path import example_map
from argmap.ui.panels import diagnostics as diagnostics_module
from argmap.ui.panels.diagnostics import DiagnosticsPanel
from argmap.ui.panels.inspector import InspectorPanel
from argmap.ui.panels.outline import ID_ROLE, OutlinePanel
from argmap.ui.panels.source import SourcePanel

pytestmark = pytest.mark.usefixtures("clean_stacks")

QUOTE = "the United States and Iran are on the same side"


def _small_map() -> ArgumentMap:
    amap = ArgumentMap(title="small")
    amap.add_all([
        Statement("r", "recommendation", "Talk to Iran"),
        Statement("c", "claim", "Iran and the US want the same thing in Basra"),
        Statement("e", "evidence", "NYT report", source="New York Times, 21 April 2008"),
        Statement("o", "claim", "Iran arms the militias"),
        Inference("i1", ("c",), "r"),
        Inference("i2", ("e",), "c"),
        Conflict("k1", ("o",), "r"),
    ])
    return amap


@pytest.fixture
def seed_map(tmp_path, seed_text) -> tuple[Path, ArgumentMap]:
    """A map saved beside a copy of the article, linked by a relative source path and its checksum."""
    (tmp_path / "article.txt").write_text(seed_text, encoding="utf-8")
    text = normalise_text(seed_text)
    start = text.index(QUOTE)
    amap = _small_map()
    amap.set_meta(source=SourceInfo(title="Shot by Both Sides", path="article.txt", sha256=text_sha256(seed_text)))
    amap.update("e", anchors=(Anchor(start, start + len(QUOTE), QUOTE),))
    path = tmp_path / "map.argmap"
    write_file(amap, path)
    return path, amap


def test_source_add_as_evidence_round_trip(qtbot, seed_map):
    path, _ = seed_map
    doc = Document(read_file(path), path)
    panel = SourcePanel(doc)
    qtbot.addWidget(panel)
    panel.reload()
    text = panel.text
    assert text == normalise_text((path.parent / "article.txt").read_text(encoding="utf-8"))
    phrase = "Iran is outsmarting us in Iraq."
    start = text.index(phrase)
    panel.select_span(start, start + len(phrase))
    assert panel.add_evidence_button.isEnabled()
    before = doc.amap.copy()
    added = []
    panel.statement_added.connect(added.append)
    qtbot.mouseClick(panel.add_evidence_button, Qt.MouseButton.LeftButton)
    assert len(added) == 1
    new = doc.amap.statements[added[0]]
    assert new.kind == "evidence"
    assert new.anchors[0].quote == phrase == text[new.anchors[0].start:new.anchors[0].end]
    assert new.text == phrase
    assert doc.undo_stack.count() == 1
    write_file(doc.amap, path)
    assert read_file(path).statements[new.id].anchors == new.anchors
    doc.undo_stack.undo()
    assert doc.amap == before


def test_source_highlights_and_scrolls_to_statement_spans(qtbot, seed_map):
    path, amap = seed_map
    doc = Document(read_file(path), path)
    panel = SourcePanel(doc)
    qtbot.addWidget(panel)
    panel.reload()
    assert panel.warning.isHidden()
    anchor = amap.statements["e"].anchors[0]
    assert panel.spans_of("e") == [(anchor.start, anchor.end)]
    assert len(panel.view.extraSelections()) == 1
    panel.show_statement("e")
    assert panel.view.textCursor().position() == anchor.start
    clicked = []
    panel.statement_clicked.connect(clicked.append)
    cursor = panel.view.textCursor()
    cursor.setPosition(anchor.start + 3)
    panel.view.setTextCursor(cursor)
    assert clicked == ["e"]


def test_source_drift_refinds_by_quote_and_lists_lost_anchors(qtbot, seed_map):
    path, amap = seed_map
    article = path.parent / "article.txt"
    article.write_text("A new preface.\n\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    doc = Document(read_file(path), path)
    doc.amap.update("o", anchors=(Anchor(5, 30, "a sentence that is not in the article"),))
    panel = SourcePanel(doc)
    qtbot.addWidget(panel)
    panel.reload()
    assert not panel.warning.isHidden()
    assert "differs" in panel.warning.text()
    (start, end), = panel.spans_of("e")
    assert panel.text[start:end] == QUOTE
    assert start == amap.statements["e"].anchors[0].start + len("A new preface.\n\n")
    assert panel.missing_list.count() == 1
    assert "a sentence that is not in the article" in panel.missing_list.item(0).text()
    assert doc.amap.statements["o"].anchors  # listed, never dropped


def test_bundled_map_anchors_are_found_in_the_article(qtbot, seed_text):
    amap = read_file(example_map())
    doc = Document(amap)
    panel = SourcePanel(doc)
    qtbot.addWidget(panel)
    panel.set_text(seed_text, "article")
    anchored = sum(len(s.anchors) for s in amap.statements.values())
    assert anchored > 0
    assert len(panel.spans) + len(panel.missing) == anchored
    assert panel.missing == []


def test_outline_tree_and_keyboard(qtbot):
    doc = Document(_small_map())
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.rebuild(doc.amap)
    model = panel.model
    assert model.rowCount() == 1  # one recommendation at the top
    root = model.item(0)
    assert root.data(ID_ROLE) == "r"
    children = [root.child(n).text() for n in range(root.rowCount())]
    assert children[0].startswith("Reason: Iran and the US")  # its role in the structure
    assert children[-1].startswith("Objection: Iran arms")
    assert root.child(0).child(0).data(ID_ROLE) == "e"
    seen = []
    panel.selected.connect(seen.append)
    panel.show()
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(root.index())
    qtbot.keyClick(panel.tree, Qt.Key.Key_Down)
    assert seen[-1] == "c"


def test_outline_survives_cycles_and_deep_chains(qtbot):
    amap = ArgumentMap()
    n = 3000
    amap.add_all([Statement(f"s{k}", "claim", f"step {k}") for k in range(n)]
                 + [Inference(f"i{k}", (f"s{k + 1}",), f"s{k}") for k in range(n - 1)]
                 + [Inference("loop", ("s0",), f"s{n - 1}")])
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.rebuild(amap)
    assert len(panel._items) == n


def test_inspector_edits_are_undoable_and_typing_merges(qtbot):
    doc = Document(_small_map())
    panel = InspectorPanel(doc)
    qtbot.addWidget(panel)
    panel.show()
    before = doc.amap.copy()
    panel.show_element("c")
    assert panel.text_edit.toPlainText() == "Iran and the US want the same thing in Basra"
    panel.text_edit.moveCursor(panel.text_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.text_edit, " too")
    assert doc.amap.statements["c"].text.endswith("Basra too")
    assert doc.undo_stack.count() == 1
    panel.kind_box.setCurrentText("evidence")
    panel.kind_box.activated.emit(panel.kind_box.currentIndex())
    assert doc.amap.statements["c"].kind == "evidence"
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.amap == before
    assert panel.text_edit.toPlainText() == before.statements["c"].text


def test_inspector_shows_markup_literally(qtbot):
    amap = _small_map()
    amap.update("c", text="<b>x</b>")
    doc = Document(amap)
    panel = InspectorPanel(doc)
    qtbot.addWidget(panel)
    panel.show_element("c")
    assert panel.text_edit.toPlainText() == "<b>x</b>"
    panel.show_element("i1")
    assert "<b>x</b>" in panel.link_label.text()
    assert panel.link_label.textFormat() == Qt.TextFormat.PlainText
    outline = OutlinePanel()
    qtbot.addWidget(outline)
    outline.rebuild(amap)
    assert "<b>x</b>" in outline.model.item(0).child(0).text()


def test_diagnostics_filter_and_explain(qtbot, monkeypatch):
    amap = _small_map()
    amap.update("e", kind="claim")  # now nothing rests on evidence
    panel = DiagnosticsPanel()
    qtbot.addWidget(panel)
    report = check_map(amap)
    panel.set_report(report, amap)
    assert len(panel.visible_diagnostics()) == len(report.diagnostics)
    panel.set_severity("warning")
    assert panel.visible_diagnostics()
    assert {d.severity for d in panel.visible_diagnostics()} == {"warning"}
    panel.set_severity(None)
    shown = []
    monkeypatch.setattr(diagnostics_module, "show_explanation", lambda parent, title, text: shown.append(text))
    row = next(n for n, d in enumerate(panel.visible_diagnostics()) if d.code == "AM001" and d.target == "r")
    panel.tree.setCurrentIndex(panel.row_of(row))
    assert panel.explain_button.isEnabled()
    qtbot.mouseClick(panel.explain_button, Qt.MouseButton.LeftButton)
    assert shown and "r " in shown[0] and "e " in shown[0]


def _tree(model) -> list:
    """The whole outline as nested (text, id, tooltip, children) tuples."""
    def rows(parent) -> list:
        return [(parent.child(n).text(), parent.child(n).data(ID_ROLE), parent.child(n).toolTip(),
                 rows(parent.child(n))) for n in range(parent.rowCount())]
    return rows(model.invisibleRootItem())


def _random_edit(amap, rnd):
    from argmap.commands import actions

    sids = list(amap.statements)
    pick = rnd.choice
    choice = rnd.randrange(7)
    if choice == 0:
        return actions.add_objection(amap, pick(sids), text=f"objection {rnd.random():.3f}")
    if choice == 1:
        return actions.add_premise(amap, pick(sids), text=f"premise {rnd.random():.3f}")
    if choice == 2:
        return actions.edit_text(amap, pick(sids), f"reworded <b>{rnd.random():.3f}</b>")
    if choice == 3:
        return actions.set_kind(amap, [pick(sids)], pick(["claim", "evidence", "recommendation"]))
    if choice == 4 and amap.inferences:
        inf = pick(list(amap.inferences.values()))
        return actions.add_co_premise(amap, inf.id, text="co-premise")
    if choice == 5 and len(sids) > 10:
        return actions.delete(amap, [pick(sids)])
    return actions.add_statement(amap, "claim", "a loose thought")


def test_outline_updates_in_place_and_matches_a_fresh_build(qtbot):
    import random

    from argmap.commands.edits import execute
    from argmap.model.synth import argument_like

    doc = Document(argument_like(60, seed=3))
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.rebuild(doc.amap)
    rnd = random.Random(5)
    for step in range(60):
        try:
            command = _random_edit(doc.amap, rnd)
        except ValueError:
            continue
        kept = dict(panel._items)
        execute(doc.undo_stack, command)
        if step % 7 == 0:  # undo brings back removed rows and drops added ones
            doc.undo_stack.undo()
        panel.rebuild(doc.amap)
        fresh = OutlinePanel()
        qtbot.addWidget(fresh)
        fresh.rebuild(doc.amap)
        assert _tree(panel.model) == _tree(fresh.model), f"step {step}"
        assert set(panel._items) == set(doc.amap.statements)
        survivors = [sid for sid, item in kept.items() if panel._items.get(sid) is item]
        assert len(survivors) >= len(doc.amap.statements) // 2  # most rows are the same objects as before


def test_outline_keeps_expanded_rows_and_skips_moves(qtbot):
    from argmap.commands import actions
    from argmap.commands.edits import execute
    from argmap.model import Change, Position

    doc = Document(_small_map())
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh(doc.amap)
    c_row = panel._items["c"]
    panel.tree.expand(c_row.index())
    doc.changed.connect(panel.note_change)
    execute(doc.undo_stack, actions.move(doc.amap, {"o": Position(5, 5)}))
    assert not panel.is_stale()  # a move cannot change the outline
    execute(doc.undo_stack, actions.add_objection(doc.amap, "r", text="Talks would fail"))
    assert panel.is_stale()
    panel.refresh(doc.amap)
    assert not panel.is_stale()
    assert panel._items["c"] is c_row and panel.tree.isExpanded(c_row.index())
    root = panel.model.item(0)
    assert root.child(root.rowCount() - 1).text() == "Objection: Talks would fail"
    panel.note_change(Change("changed", ("o",), ("note",)))
    assert not panel.is_stale()


def test_hidden_outline_waits_until_shown(qtbot):
    from argmap.commands import actions
    from argmap.commands.edits import execute

    doc = Document(_small_map())
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh(doc.amap)
    panel.hide()
    doc.changed.connect(panel.note_change)
    execute(doc.undo_stack, actions.edit_text(doc.amap, "c", "Rewritten while hidden"))
    panel.refresh(doc.amap)
    assert panel.is_stale() and "Rewritten" not in panel._items["c"].text()
    panel.show()
    assert not panel.is_stale() and "Rewritten while hidden" in panel._items["c"].text()


def test_attaching_the_article_to_the_bundled_map_is_one_undoable_step(qtbot, tmp_path, seed_text):
    article = tmp_path / "texts" / "shot-by-both-sides.txt"
    article.parent.mkdir()
    article.write_text(seed_text, encoding="utf-8")
    amap = read_file(example_map())
    saved = tmp_path / "maps" / "article.argmap"
    saved.parent.mkdir()
    write_file(amap, saved)
    doc = Document(read_file(saved), path=saved)
    before = doc.amap.copy()
    panel = SourcePanel(doc)
    qtbot.addWidget(panel)
    panel.attach(article)
    assert doc.amap.source.path == "../texts/shot-by-both-sides.txt"
    assert doc.amap.source.sha256 == before.source.sha256  # the checksum it was made from is kept
    assert panel.text == normalise_text(seed_text)
    anchored = sum(len(s.anchors) for s in doc.amap.statements.values())
    assert len(panel.spans) == anchored and panel.missing == []
    assert not panel.warning.isVisibleTo(panel)
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.amap == before
    assert panel.text == ""


def test_attaching_a_different_text_warns_and_lists_lost_anchors(qtbot, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("A different article altogether.\n", encoding="utf-8")
    doc = Document(read_file(example_map()))
    panel = SourcePanel(doc)
    qtbot.addWidget(panel)
    panel.attach(other)
    assert doc.amap.source.path == str(other.resolve())  # an untitled map stores the path as chosen
    assert panel.warning.isVisibleTo(panel) and "differs" in panel.warning.text()
    assert panel.missing and not panel.spans


@pytest.mark.parametrize("where", ["../secret.txt", "absolute"])
def test_a_map_cannot_make_the_app_read_files_outside_its_folder(qtbot, tmp_path, where):
    secret = tmp_path / "secret.txt"
    secret.write_text("private notes", encoding="utf-8")
    folder = tmp_path / "maps"
    folder.mkdir()
    amap = _small_map()
    amap.set_meta(source=SourceInfo(title="x", path=str(secret) if where == "absolute" else where))
    path = folder / "m.argmap"
    write_file(amap, path)
    doc = Document(read_file(path), path=path)
    panel = SourcePanel(doc)
    qtbot.addWidget(panel)
    panel.set_base(folder)
    assert panel.text == ""
    assert "outside its folder" in panel.header.text()
    panel.attach(secret)  # the user chooses it: now it is read
    assert panel.text == "private notes"
