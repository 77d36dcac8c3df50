"""The canvas routes edges around boxes while a statement is dragged, exactly as a fresh full routing would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from argmap.layout.edges import EdgeRouter
from argmap.layout.quality import through_count
from argmap.model import Position
from argmap.model.synth import argument_like
from argmap.render.geometry import element_edges, rect_tuple
from argmap.render.paths import flatten


@pytest.fixture
def canvas(make_canvas):
    amap = argument_like(30, seed=8)
    for n, sid in enumerate(amap.statements):
        amap.update(sid, position=Position(300.0 * (n % 6), 190.0 * (n // 6)))
    return make_canvas(amap, size=(1200, 800), edit_new=False, focus=False)


def drawn(scene):
    """(box rects, {link id: [(points, bezier)]}) as the canvas shows them now."""
    rects = {sid: rect_tuple(scene.statement_item(sid).scene_box()) for sid in scene.amap.statements}
    links = {lid: [(tuple((p.x(), p.y()) for p in e.points), e.bezier) for e in scene.link_item(lid).edges]
             for lid in (*scene.amap.inferences, *scene.amap.conflicts)}
    return rects, links


def fresh(amap, rects):
    router = EdgeRouter(amap, rects)
    return {lid: [(tuple((p.x(), p.y()) for p in e.points), e.bezier) for e in element_edges(router, lid)]
            for lid in (*amap.inferences, *amap.conflicts)}


def test_dragging_re_routes_like_a_full_routing_and_never_through_a_box(canvas):
    doc, scene, view = canvas
    inf = next(i for i in doc.amap.inferences.values() if len(i.premises) == 1)
    sid = inf.premises[0]
    scene.select_ids([sid])
    viewport = view.viewport()
    start = view.mapFromScene(scene.statement_item(sid).pos())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    curved_seen = False
    for k in range(1, 9):
        QTest.mouseMove(viewport, start + QPoint(37 * k, -23 * k))
        rects, links = drawn(scene)
        assert links == fresh(doc.amap, rects), f"step {k}: the incremental routes differ from a full routing"
        curved_seen |= any(bez for edges in links.values() for _, bez in edges)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(37 * 8, -23 * 8))
    assert curved_seen, "no edge had to go around a box: the drag does not test routing"
    doc.undo_stack.undo()  # back where the boxes do not overlap: no edge may pass through one
    rects, links = drawn(scene)
    assert links == fresh(doc.amap, rects)
    lines = [flatten([QPointF(*p) for p in pts], bez) for edges in links.values() for pts, bez in edges]
    assert through_count(list(rects.values()), lines) == 0
