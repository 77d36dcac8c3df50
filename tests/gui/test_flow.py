"""The editing flow of issue 14 on a real canvas: roles on the boxes, text to statement, keys."""

from __future__ import annotations

import pytest

from argmap.commands import actions
from argmap.commands.document import Document
from argmap.commands.edits import execute
from argmap.model import ArgumentMap, Conflict, Inference, Position, Statement
from argmap.render.measure import header_text
from argmap.ui.canvas import MapScene, MapView


@pytest.fixture(autouse=True)
def _clean_stacks(monkeypatch):
    """Leave every document clean: a dirty QUndoStack signals while Qt destroys it."""
    made = []
    real_init = Document.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(Document, "__init__", init)
    yield
    for doc in made:
        doc.undo_stack.setClean()


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
def canvas(qtbot):
    doc = Document(small_map())
    scene = MapScene(doc)
    scene.edit_new = False
    view = MapView(scene)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    view.fit_all()
    view.setFocus()
    return doc, scene, view


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
