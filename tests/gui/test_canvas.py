"""The canvas through its real gestures: keys, mouse drags, in-place editing, undo/redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from argmap.commands.document import Document
from argmap.formats import read_file
from argmap.model import Position
from argmap.model.synth import argument_like
from argmap.render.paths import edge_path
from argmap.ui.actions import ACTIONS
from argmap.ui.canvas import LinkItem, MapScene, StatementItem


@pytest.fixture
def canvas(make_canvas):
    amap = argument_like(24, seed=5)
    for n, sid in enumerate(amap.statements):  # spread out: no overlaps, every box reachable
        amap.update(sid, position=Position(300.0 * (n % 6), 200.0 * (n // 6)))
    return make_canvas(amap, size=(1000, 800), edit_new=False)


def pick(doc, k=0):
    return list(doc.amap.statements)[k]


def view_point(view, scene_point: QPointF) -> QPoint:
    return view.mapFromScene(scene_point)


def check_undo_redo(doc, before, steps=1):
    after = doc.amap.copy()
    assert after != before
    for _ in range(steps):
        doc.undo_stack.undo()
    assert doc.amap == before
    for _ in range(steps):
        doc.undo_stack.redo()
    assert doc.amap == after


def test_items_mirror_the_model(canvas):
    doc, scene, _ = canvas
    items = scene.items()
    assert sum(isinstance(i, StatementItem) for i in items) == len(doc.amap.statements)
    assert sum(isinstance(i, LinkItem) for i in items) == len(doc.amap.inferences) + len(doc.amap.conflicts)
    sid = pick(doc, 3)
    pos = doc.amap.statements[sid].position
    assert scene.statement_item(sid).pos() == QPointF(pos.x, pos.y)


@pytest.mark.parametrize("key, mods", [(Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier),
                                       (Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier
                                        | Qt.KeyboardModifier.ShiftModifier)])
def test_add_premise_by_key(canvas, qtbot, key, mods):
    doc, scene, view = canvas
    target = pick(doc, 2)
    scene.select_ids([target])
    before = doc.amap.copy()
    qtbot.keyClick(view, key, mods)
    new = list(doc.amap.statements)[-1]
    inf = list(doc.amap.inferences.values())[-1]
    assert new not in before.statements
    assert (inf.premises, inf.conclusion) == ((new,), target)
    assert doc.amap.statements[new].position is not None
    assert scene.selected_ids() == [new] and scene.statement_item(new) is not None
    assert doc.undo_stack.count() == 1
    check_undo_redo(doc, before)


def test_add_objection_and_co_premise_by_key(canvas, qtbot):
    doc, scene, view = canvas
    target = pick(doc, 1)
    scene.select_ids([target])
    before = doc.amap.copy()
    qtbot.keyClick(view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    con = list(doc.amap.conflicts.values())[-1]
    assert con.target == target and con.attackers == (list(doc.amap.statements)[-1],)
    check_undo_redo(doc, before)
    inf = next(iter(doc.amap.inferences.values()))
    scene.select_ids([inf.premises[0]])
    before = doc.amap.copy()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert doc.amap.inferences[inf.id].premises == inf.premises + (list(doc.amap.statements)[-1],)
    assert scene.junction_item(inf.id) is not None
    check_undo_redo(doc, before)


def test_delete_key_cascades_and_undoes_in_one_step(canvas, qtbot):
    doc, scene, view = canvas
    inf = next(iter(doc.amap.inferences.values()))
    scene.select_ids([inf.conclusion])
    before = doc.amap.copy()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert inf.conclusion not in doc.amap.statements and inf.id not in doc.amap.inferences
    assert scene.statement_item(inf.conclusion) is None and scene.link_item(inf.id) is None
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.amap == before
    assert scene.statement_item(inf.conclusion) is not None and scene.link_item(inf.id) is not None


def test_drag_of_two_statements_is_one_undo_step(canvas, qtbot):
    doc, scene, view = canvas
    a, b = pick(doc, 7), pick(doc, 8)
    scene.select_ids([a, b])
    before = doc.amap.copy()
    start = view_point(view, scene.statement_item(a).pos())
    end = start + QPoint(40, 25)
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for k in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * (k / 5))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    moved = [s for s in (a, b) if doc.amap.statements[s].position != before.statements[s].position]
    assert moved == [a, b]
    dx = doc.amap.statements[a].position.x - before.statements[a].position.x
    assert dx == pytest.approx(doc.amap.statements[b].position.x - before.statements[b].position.x)
    assert dx > 0
    assert doc.undo_stack.count() == 1
    check_undo_redo(doc, before)
    doc.undo_stack.undo()
    assert scene.statement_item(a).pos() == QPointF(before.statements[a].position.x,
                                                   before.statements[a].position.y)


def test_arrow_keys_move_and_merge(canvas, qtbot):
    doc, scene, view = canvas
    sid = pick(doc, 4)
    scene.select_ids([sid])
    before = doc.amap.copy()
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    old, new = before.statements[sid].position, doc.amap.statements[sid].position
    assert (new.x - old.x, new.y - old.y) == (30, 50)
    assert doc.undo_stack.count() == 1
    check_undo_redo(doc, before)


def test_in_place_edit_enter_commits_escape_cancels(canvas, qtbot):
    doc, scene, view = canvas
    sid = pick(doc, 5)
    scene.select_ids([sid])
    before = doc.amap.copy()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert scene.editor() is not None
    qtbot.keyClicks(view, "First")
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(view, "second")
    assert doc.amap == before  # nothing changes while typing
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert scene.editor() is None
    assert doc.amap.statements[sid].text == "First\nsecond"
    assert doc.undo_stack.count() == 1
    check_undo_redo(doc, before)
    scene.edit_text(sid)
    qtbot.keyClicks(view, "thrown away")
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert scene.editor() is None and doc.amap.statements[sid].text == "First\nsecond"
    assert doc.undo_stack.count() == 1


def test_double_click_opens_editor_and_markup_stays_literal(canvas, qtbot):
    doc, scene, view = canvas
    sid = pick(doc, 6)
    point = view_point(view, scene.statement_item(sid).pos())
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    editor = scene.editor()
    assert editor is not None and editor.sid == sid
    qtbot.keyClicks(view, "<b>x</b>")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert doc.amap.statements[sid].text == "<b>x</b>"
    doc.recheck()
    assert "&lt;b&gt;x&lt;/b&gt;" in scene.statement_item(sid).tooltip()
    editor = scene.edit_text(sid)
    assert editor.toPlainText() == "<b>x</b>"
    assert "&lt;b&gt;" in editor.toHtml()
    editor.finish(False)


def test_copy_paste_gives_new_ids(canvas, qtbot):
    doc, scene, view = canvas
    inf = next(i for i in doc.amap.inferences.values() if len(i.premises) == 1)
    scene.select_ids([inf.premises[0], inf.conclusion])
    before = doc.amap.copy()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    new_ids = scene.selected_ids()
    assert len(new_ids) == 3 and not set(new_ids) & (set(before.statements) | set(before.inferences))
    texts = sorted(doc.amap.statements[s].text for s in new_ids if s in doc.amap.statements)
    assert texts == sorted(before.statements[s].text for s in (inf.premises[0], inf.conclusion))
    assert doc.undo_stack.count() == 1
    check_undo_redo(doc, before)


def test_link_handle_drag_makes_support_or_attack(canvas, qtbot):
    doc, scene, view = canvas
    a, b = pick(doc, 20), pick(doc, 21)
    for modifiers, table in ((Qt.KeyboardModifier.NoModifier, "inferences"),
                             (Qt.KeyboardModifier.ShiftModifier, "conflicts")):
        scene.select_ids([a])
        before = doc.amap.copy()
        handle = view_point(view, scene._handle.scenePos())
        target = view_point(view, scene.statement_item(b).pos())
        QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, handle)
        QTest.mouseMove(view.viewport(), (handle + target) / 2)
        QTest.mouseMove(view.viewport(), target)
        QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, modifiers, target)
        new = list(getattr(doc.amap, table).values())[-1]
        assert new.id not in getattr(before, table)
        ends = (new.premises, new.conclusion) if table == "inferences" else (new.attackers, new.target)
        assert ends == ((a,), b)
        check_undo_redo(doc, before)


def test_link_onto_junction_and_onto_support_arrow(canvas):
    doc, scene, _ = canvas
    linked = next(i for i in doc.amap.inferences.values() if len(i.premises) > 1)
    free = next(s for s in doc.amap.statements if s not in linked.premises and s != linked.conclusion)
    before = doc.amap.copy()
    scene.begin_link(free, scene.statement_item(free).pos())
    assert scene.end_link(scene.junction_item(linked.id).scenePos(), Qt.KeyboardModifier.NoModifier)
    assert doc.amap.inferences[linked.id].premises == linked.premises + (free,)
    check_undo_redo(doc, before)
    single = next(i for i in doc.amap.inferences.values() if len(i.premises) == 1)
    edge = next(e for e in scene.link_item(single.id).edges)
    middle = edge_path(edge.points, edge.bezier).pointAtPercent(0.5)  # on the line, straight or routed
    attacker = next(s for s in doc.amap.statements if s not in single.premises and s != single.conclusion)
    before = doc.amap.copy()
    scene.begin_link(attacker, scene.statement_item(attacker).pos())
    assert scene.end_link(middle, Qt.KeyboardModifier.NoModifier)
    con = list(doc.amap.conflicts.values())[-1]
    assert (con.attackers, con.target) == ((attacker,), single.id)
    check_undo_redo(doc, before)


def test_rubber_band_selects_several(canvas):
    doc, scene, view = canvas
    a, b = pick(doc, 0), pick(doc, 1)
    ra, rb = scene.statement_item(a).scene_box(), scene.statement_item(b).scene_box()
    start = view_point(view, ra.topLeft() - QPointF(20, 20))
    end = view_point(view, rb.bottomRight() + QPointF(5, 5))
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(view.viewport(), (start + end) / 2)
    QTest.mouseMove(view.viewport(), end)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert {a, b} <= set(scene.selected_ids())
    assert doc.undo_stack.count() == 0


def test_collapse_hides_the_branch_without_editing(canvas, qtbot):
    doc, scene, view = canvas
    inf = next(iter(doc.amap.inferences.values()))
    scene.select_ids([inf.conclusion])
    before = doc.amap.copy()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert all(not scene.statement_item(p).isVisible() for p in inf.premises)
    assert not scene.link_item(inf.id).isVisible() and scene.statement_item(inf.conclusion).isVisible()
    assert doc.amap == before and doc.undo_stack.count() == 0
    scene.toggle_collapse()
    assert all(scene.statement_item(p).isVisible() for p in inf.premises)


def test_report_gives_badges_and_tooltips(cases_dir, qtbot):
    amap = read_file(cases_dir / "loose-ends.argmap")
    doc = Document(amap)
    scene = MapScene(doc)
    doc.recheck()
    for diag in doc.report.diagnostics:
        item = scene.statement_item(diag.target)
        assert diag.code in item.tooltip()
        if diag.severity in ("error", "warning"):
            assert item.severity in ("error", "warning")
    for sid, label in doc.report.labels.items():
        assert scene.statement_item(sid).label == label


def test_undercut_case_draws_junction(cases_dir, qtbot):
    amap = read_file(cases_dir / "undercut.argmap")
    scene = MapScene(Document(amap))
    undercut = next(c for c in amap.conflicts.values() if c.target in amap.inferences)
    assert scene.junction_item(undercut.target) is not None
    edges = scene.link_item(undercut.id).edges
    assert edges and edges[-1].target_is_inference


def test_canvas_keys_of_the_actions_table_name_real_scene_slots():
    rows = [spec for spec in ACTIONS if spec.scope == "canvas"]
    assert len(rows) > 10
    for spec in rows:
        assert spec.shortcut and spec.tip, spec.id
        assert spec.slot.startswith("scene.") and callable(getattr(MapScene, spec.slot.removeprefix("scene."))), spec.id


def test_text_edit_resizes_the_box_and_reroutes_its_edges(canvas):
    from argmap.commands import actions
    from argmap.commands.edits import execute
    from argmap.render import statement_size

    doc, scene, _ = canvas
    inf = next(iter(doc.amap.inferences.values()))
    sid = inf.conclusion
    item = scene.statement_item(sid)
    before = item.box_rect()
    long_text = " ".join(["A much longer wording of this conclusion, which now wraps over many lines."] * 5)
    execute(doc.undo_stack, actions.edit_text(doc.amap, sid, long_text))
    grown = item.box_rect()
    assert (grown.width(), grown.height()) == statement_size(doc.amap.statements[sid], scene.theme)
    assert grown.height() > before.height() + 40
    assert _on_border(_arrow_tip(scene, inf.id), item.scene_box())  # the support arrow ends on the new box
    doc.undo_stack.undo()
    assert item.box_rect() == before
    assert _on_border(_arrow_tip(scene, inf.id), item.scene_box())


def _arrow_tip(scene, lid):
    return next(e for e in scene.link_item(lid).edges if e.arrow).points[-1]


def _on_border(point, rect) -> bool:
    inside = rect.adjusted(-0.01, -0.01, 0.01, 0.01).contains(point)
    edges = (point.x() - rect.left(), rect.right() - point.x(), point.y() - rect.top(), rect.bottom() - point.y())
    return inside and min(abs(d) for d in edges) < 0.01


def test_theme_change_measures_every_box_again(canvas):
    from dataclasses import replace

    from argmap.render import statement_size

    doc, scene, _ = canvas
    old = {sid: scene.statement_item(sid).box_rect() for sid in doc.amap.statements}
    bigger = replace(scene.theme, font_px=scene.theme.font_px + 6)
    scene.set_theme(bigger)
    for sid, st in doc.amap.statements.items():
        rect = scene.statement_item(sid).box_rect()
        assert (rect.width(), rect.height()) == statement_size(st, bigger)
        assert rect.height() > old[sid].height()


def _busy_pixels(scale: float) -> int:
    """Pixels inside a lone box, rendered at ``scale``, that are not its fill colour (text, header, badges)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from argmap.model import ArgumentMap, Statement

    amap = ArgumentMap()
    amap.add(Statement("s", "claim", "Iran and the US want the same thing in Basra, for now at least.",
                       position=Position(0, 0)))
    scene = MapScene(Document(amap))
    box = scene.statement_item("s").scene_box()
    image = QImage(int(box.width() * scale), int(box.height() * scale), QImage.Format.Format_RGB32)
    image.fill(scene.theme.fill("claim"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), box)
    painter.end()
    fill = scene.theme.fill("claim")
    busy = 0
    for y in range(3, image.height() - 3):
        for x in range(3, image.width() - 3):
            c = image.pixelColor(x, y)
            busy += max(abs(c.red() - fill.red()), abs(c.green() - fill.green()), abs(c.blue() - fill.blue())) > 40
    scene.document.undo_stack.setClean()
    return busy


def test_text_is_drawn_while_legible_and_dropped_below_three_pixels(qtbot):
    from argmap.ui.canvas.items import TEXT_MIN_PX, shows_text

    theme = MapScene(Document()).theme
    assert shows_text(0.3, theme) and not shows_text(0.2, theme)
    assert shows_text(TEXT_MIN_PX / theme.font_px, theme)
    assert _busy_pixels(0.3) > 20  # where the old 0.35 cut-off left a blank box
    assert _busy_pixels(0.2) == 0  # a plain filled rectangle


def test_edges_follow_a_drag_before_the_release(canvas):
    doc, scene, view = canvas
    inf = next(i for i in doc.amap.inferences.values() if len(i.premises) == 1)
    sid = inf.premises[0]
    scene.select_ids([sid])
    start = view_point(view, scene.statement_item(sid).pos())
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for k in range(1, 4):
        QTest.mouseMove(viewport, start + QPoint(0, 20 * k))
    box = scene.statement_item(sid).scene_box()
    leg = scene.link_item(inf.id).edges[0]
    assert box.top() == pytest.approx(leg.points[0].y())  # the support leaves the box where it is now
    assert doc.amap.statements[sid].position.y < box.center().y()  # the model moves only on release
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(0, 60))
    assert doc.amap.statements[sid].position.y == pytest.approx(scene.statement_item(sid).pos().y())
    assert doc.undo_stack.count() == 1


def test_replacing_the_map_with_a_statement_selected_clears_the_selection(canvas, qtbot):
    doc, scene, view = canvas
    scene.select_ids([pick(doc, 3)])
    assert scene.selected_ids() == [pick(doc, 3)]
    seen = []
    scene.selection_ids_changed.connect(seen.append)
    doc.amap.replace_with(argument_like(10, seed=8))  # a reset: the scene rebuilds every item
    assert seen[-1] == [] and scene.selected_ids() == []
    scene.select_ids([pick(doc, 0)])  # the link handle works on the new items
    assert scene.selected_ids() == [pick(doc, 0)]
