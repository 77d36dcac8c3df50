"""Regression tests of the bugs a new user met while mapping a short text (issue 14), each reproduced first."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from argmap.commands.document import Document
from argmap.formats import read_file
from argmap.model import ArgumentMap
from argmap.ui import files
from argmap.ui.panels.source import SourcePanel

pytestmark = pytest.mark.usefixtures("clean_stacks")

TEXT = ("Iran has gained more from the war in Iraq than anyone. Its allies run the south. "
        "The United States cannot leave without a deal. Talks with Tehran would cost little. "
        "So Washington should open talks now.\n")


@pytest.fixture
def window(make_window):
    return make_window()


# ---------------------------------------------------------------- (1) the source path after Save As
def test_save_as_stores_the_source_text_relative_to_the_map(window, tmp_path, monkeypatch):
    folder = tmp_path / "work"
    folder.mkdir()
    article = folder / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    window.files.new_file()
    window.source.attach(article)  # an untitled map: the path is stored as chosen (absolute)
    assert Path(window.document.amap.source.path).is_absolute()
    monkeypatch.setattr(files, "ask_save_path", lambda *a, **k: str(folder / "map.argmap"))
    assert window.files.save_as()
    assert read_file(folder / "map.argmap").source.path == "article.txt"
    assert window.document.amap.source.path == "article.txt" and not window.document.modified
    assert window.source.text == TEXT

    moved = tmp_path / "elsewhere"
    shutil.move(str(folder), str(moved))  # the map and its text move together
    assert window.files.open_path(moved / "map.argmap", ask=False)
    assert window.errors == []
    assert window.source.text == TEXT, window.source.header.text()
    assert "outside its folder" not in window.source.header.text()


def test_save_as_into_another_folder_keeps_the_text_found(window, tmp_path, monkeypatch):
    texts, maps = tmp_path / "texts", tmp_path / "maps"
    texts.mkdir()
    maps.mkdir()
    article = texts / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    window.files.new_file()
    window.source.attach(article)
    monkeypatch.setattr(files, "ask_save_path", lambda *a, **k: str(texts / "first.argmap"))
    assert window.files.save_as()
    assert window.document.amap.source.path == "article.txt"
    monkeypatch.setattr(files, "ask_save_path", lambda *a, **k: str(maps / "second.argmap"))
    assert window.files.save_as()
    assert read_file(maps / "second.argmap").source.path == "../texts/article.txt"
    assert window.source.source_file().resolve() == article.resolve()
    assert window.source.text == TEXT  # chosen by the user in this session: still shown
    window.document.undo_stack.undo()  # undoing the attachment still works after the moves
    assert window.document.amap.source.path == ""


# ---------------------------------------------------------------- (3) a selection with a leading space
@pytest.fixture
def panel(qtbot, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    doc = Document(ArgumentMap(title="t"))
    panel = SourcePanel(doc)
    qtbot.addWidget(panel)
    panel.attach(article)
    return doc, panel


@pytest.mark.parametrize("words, lead, trail", [("Its allies run the south.", 1, 0),
                                                  ("Its allies run the south.", 1, 1),
                                                  ("Its allies run the south.", 0, 1),
                                                  ("So Washington should open talks now.", 1, 1)])
def test_a_selection_with_spaces_around_it_anchors_exactly_the_text_it_makes(panel, words, lead, trail):
    doc, panel = panel
    start = TEXT.index(words)
    assert TEXT[start - lead:start].isspace() or lead == 0
    panel.select_span(start - lead, start + len(words) + trail)  # the last one takes the line end too
    sid = panel.add_from_selection("evidence")
    statement = doc.amap.statements[sid]
    (anchor,) = statement.anchors
    assert statement.text == words == anchor.quote
    assert (anchor.start, anchor.end) == (start, start + len(words))


def test_a_selection_of_only_white_space_makes_nothing(panel):
    doc, panel = panel
    at = TEXT.index("  ") if "  " in TEXT else TEXT.index(" ")
    panel.select_span(at, at + 1)
    assert panel.add_from_selection("evidence") is None
    assert len(doc.amap.statements) == 0


# ---------------------------------------------------------------- (4) "Attach text…." with four dots
def test_messages_end_in_one_ellipsis(qtbot, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text(TEXT, encoding="utf-8")
    folder = tmp_path / "maps"
    folder.mkdir()
    amap = ArgumentMap(title="t")
    from argmap.model import SourceInfo

    amap.set_meta(source=SourceInfo(path="../outside.txt"))
    doc = Document(amap, path=folder / "m.argmap")
    panel = SourcePanel(doc)
    qtbot.addWidget(panel)
    panel.set_base(folder)
    assert "outside its folder" in panel.header.text()
    assert "…." not in panel.header.text() and "Attach text…" in panel.header.text()
    for root in Path(__file__).resolve().parents[2].joinpath("src").rglob("*.py"):
        assert "….\"" not in root.read_text(encoding="utf-8"), root


# ---------------------------------------------------------------- (2) and (4): the canvas editor
LONG = ("Talking to Iran would reward its meddling in Iraq and weaken every Iraqi who stood up to the "
        "militias, so the United States should keep up the pressure before it offers any talks at all.")


def _crowded_map() -> ArgumentMap:
    """A conclusion with two premises side by side and an objection beside it, tightly placed."""
    from argmap.model import Conflict, Inference, Position, Statement

    amap = ArgumentMap(title="crowded")
    amap.add_all([
        Statement("r", "recommendation", "Open talks with Tehran", position=Position(0, 0)),
        Statement("a", "claim", "Iran holds the cards in the south", position=Position(-150, 130)),
        Statement("b", "claim", "Talks cost little", position=Position(150, 130)),
        Statement("o", "claim", "Iran arms the militias", position=Position(300, 0)),
        Inference("i1", ("a",), "r"), Inference("i2", ("b",), "r"), Conflict("c1", ("o",), "r"),
    ])
    return amap


def _overlaps(scene, sid) -> list[str]:
    box = scene.statement_item(sid).scene_box()
    return [o for o, item in scene._boxes.items() if o != sid and item.scene_box().intersects(box)]


def _dark_pixels(scene, rect, threshold=60) -> int:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if max(image.pixelColor(x, y).getRgb()[:3]) < threshold)


def test_the_editor_covers_the_painted_text_and_shows_its_own_hint(qtbot, make_canvas):
    from argmap.render.measure import box_regions

    doc, scene, view = make_canvas(_crowded_map())
    doc.amap.update("a", text="WWWW WWWW WWWW WWWW WWWW WWWW WWWW")
    body = box_regions(scene.statement_item("a").scene_box(), scene.theme)[1]
    assert _dark_pixels(scene, body) > 50  # the text is painted
    editor = scene.edit_text("a")
    editor.setPlainText("")
    assert _dark_pixels(scene, body) == 0  # neither the old text nor "(empty)" shows through
    assert editor.showing_hint()
    hint = box_regions(scene.statement_item("a").scene_box(), scene.theme)[1]
    assert _dark_pixels(scene, hint, threshold=200) > 20  # the muted hint is there
    editor.finish(False)
    assert not scene.statement_item("a").editing


def test_a_new_premise_that_grows_while_typing_never_covers_its_neighbours(qtbot, make_canvas):
    doc, scene, view = make_canvas(_crowded_map())
    before = doc.amap.copy()
    scene.select_ids(["r"])
    sid = scene.add_premise()
    editor = scene.editor()
    assert editor is not None and editor.sid == sid
    qtbot.keyClicks(editor_target(view), LONG)
    item = scene.statement_item(sid)
    assert item.scene_box().height() > 100  # the box grows with the text while typing
    qtbot.keyClick(editor_target(view), Qt.Key.Key_Return)
    assert doc.amap.statements[sid].text == LONG
    assert _overlaps(scene, sid) == []
    for other in ("a", "b", "o", "r"):
        assert _overlaps(scene, other) == [], other
    assert doc.undo_stack.count() == 1  # adding and typing the new premise are one step
    doc.undo_stack.undo()
    assert doc.amap == before


def test_an_edited_statement_that_grows_pushes_its_neighbours_clear(qtbot, make_canvas):
    doc, scene, view = make_canvas(_crowded_map())
    before = doc.amap.copy()
    scene.select_ids(["a"])
    scene.edit_text("a")
    editor = scene.editor()
    editor.setPlainText(LONG + " " + LONG)
    editor.finish(True)
    for other in ("a", "b", "o", "r"):
        assert _overlaps(scene, other) == [], other
    assert doc.amap.statements["a"].text.startswith(LONG)
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.amap == before


def test_add_claim_lands_inside_the_visible_area(qtbot, make_canvas):
    from argmap.resources_path import example_map

    doc, scene, view = make_canvas(read_file(example_map()))
    scene.edit_new = False
    view.zoom_by(2.5)
    view.centerOn(scene.statement_item(list(doc.amap.statements)[5]).pos())
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    sid = scene.add_statement()
    box = scene.statement_item(sid).scene_box()
    assert visible.contains(box), (visible, box)
    assert _overlaps(scene, sid) == []


def editor_target(view):
    return view
