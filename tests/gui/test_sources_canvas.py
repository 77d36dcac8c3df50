"""Grades and assumptions on the canvas: each box shows what the model and its sources say, after edits and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem
from test_sources_panel import graded_map  # tests/gui is on sys.path (pytest's default import mode)

from argmap.commands import sources as cmd
from argmap.commands.document import Document
from argmap.commands.edits import execute
from argmap.render.parts import frame_style, header_layout, inner_border
from argmap.ui.accessibility import MapTree
from argmap.ui.canvas import MapScene, MapView


@pytest.fixture
def scene(qtbot):
    doc = Document(graded_map())
    s = MapScene(doc)
    yield s
    doc.undo_stack.setClean()


def painted(item) -> QImage:
    """The box as the canvas paints it, at 1:1, on white."""
    r = item.boundingRect()
    image = QImage(int(r.width()) + 2, int(r.height()) + 2, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(-r.left() + 1, -r.top() + 1)
    item.paint(painter, QStyleOptionGraphicsItem())
    painter.end()
    return image


def ink(image: QImage, rect: QRectF, offset) -> int:
    dx, dy = offset
    return sum(1 for x in range(int(rect.left() + dx) + 1, int(rect.right() + dx))
               for y in range(int(rect.top() + dy) + 1, int(rect.bottom() + dy))
               if image.pixelColor(x, y).lightness() < 110)


def test_an_evidence_box_shows_its_grade_and_follows_its_source(scene):
    doc, item = scene.document, scene.statement_item("e1")
    assert item.grade == "C2" and scene.statement_item("c").grade == ""
    image = painted(item)
    head = header_layout(item.box_rect(), "EVIDENCE", scene.theme, label_badge=item.label, severity=item.severity,
                         note=item.badge_text, grade=item.grade)
    offset = (-item.boundingRect().left() + 1, -item.boundingRect().top() + 1)
    assert head.grade == "C2" and ink(image, head.grade_rect, offset) > 15
    execute(doc.undo_stack, cmd.edit_source(doc.amap, "nyt", reliability="A"))
    assert item.grade == "A2"
    execute(doc.undo_stack, cmd.set_credibility(doc.amap, ["e1"], 4))
    assert item.grade == "A4"
    execute(doc.undo_stack, cmd.cite(doc.amap, ["e2"], "col"))
    assert scene.statement_item("e2").grade == "A3"  # nyt A, col B: the best
    execute(doc.undo_stack, cmd.delete_sources(doc.amap, ["nyt"]))
    assert item.grade == "F4" and scene.statement_item("e2").grade == "B3"
    execute(doc.undo_stack, cmd.edit_source(doc.amap, "col", reliability="D"))
    assert scene.statement_item("e2").grade == "D3"
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert (item.grade, scene.statement_item("e2").grade) == ("C2", "C3")
    item.statement = doc.amap.statements["e1"]
    assert "Grade C2: source nyt fairly reliable; information probably true" in item.tooltip()


def test_an_assumed_claim_says_assumed_in_its_header_and_has_a_double_border(scene):
    doc = scene.document
    execute(doc.undo_stack, cmd.set_assumed(doc.amap, ["k"]))
    item = scene.statement_item("k")
    from argmap.render.measure import header_text

    assert header_text(item.statement, item.role).startswith("ASSUMED · ")
    assert "Assumed: accepted without support" in item.tooltip()
    image = painted(item)
    style = frame_style("claim", scene.theme, assumed=True)
    inner = inner_border(item.box_rect(), style)
    ox, oy = -item.boundingRect().left() + 1, -item.boundingRect().top() + 1
    y = int(item.box_rect().center().y() + oy)
    fill = scene.theme.fill("claim")

    def off(x: int) -> int:
        c = image.pixelColor(x, y)
        return abs(c.red() - fill.red()) + abs(c.green() - fill.green()) + abs(c.blue() - fill.blue())

    def near(x, spread=(-1, 0, 1)):
        """Whether a line is drawn at most one pixel from scene x (on the box's middle row): far from the fill."""
        return max(off(int(x + ox) + d) for d in spread) > 150

    left, gap = item.box_rect().left(), inner.left() - item.box_rect().left()
    assert gap >= 3.5
    assert near(left) and near(inner.left())  # two lines on the left side
    assert not near(left + gap / 2, spread=(0,))  # with the fill between them
    doc.undo_stack.undo()
    assert not header_text(item.statement, item.role).startswith("ASSUMED")


def test_a_screen_reader_hears_the_grade_and_the_assumption(scene, qtbot):
    view = MapView(scene)
    qtbot.addWidget(view)
    tree = MapTree(view)
    assert tree.description("e1").startswith("Evidence, graded C2: source nyt fairly reliable")
    assert "graded" not in tree.description("c")
    execute(scene.document.undo_stack, cmd.set_assumed(scene.document.amap, ["k"]))
    assert ", assumed" in tree.description("k")
    tree.dispose()
