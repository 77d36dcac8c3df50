"""Geometry and theme: what build_drawing and edge_geometry compute, and how edges are painted."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from argmap.formats import read_file
from argmap.model import ArgumentMap, Conflict, Inference, Position, Statement
from argmap.render import Edge, build_drawing, measure_all, paint_edge, statement_size, theme_named
from argmap.render.theme import MINUS


def _linked_map() -> ArgumentMap:
    amap = ArgumentMap(title="linked")
    amap.add_all([
        Statement("R", "recommendation", "Act now.", position=Position(200, 0)),
        Statement("P1", "claim", "First premise.", position=Position(80, 200)),
        Statement("P2", "evidence", "Second premise.", source="x", position=Position(320, 200)),
        Statement("U", "claim", "The link does not hold.", position=Position(520, 120)),
        Statement("O", "claim", "An objection.", position=Position(-200, 120)),
        Inference("i1", ("P1", "P2"), "R"),
        Conflict("k1", ("U",), "i1"),
        Conflict("k2", ("O",), "P1"),
    ])
    return amap


def test_themes_dash_attacks_and_keep_supports_solid(qapp):
    for name in ("light", "dark", "print"):
        theme = theme_named(name)
        assert theme.edge_pen("attack").style() == Qt.PenStyle.DashLine
        assert theme.edge_pen("support").style() == Qt.PenStyle.SolidLine
    printed = theme_named("print")
    for kind in ("claim", "evidence", "recommendation"):  # greyscale: no hue anywhere
        assert printed.fill(kind).saturation() == 0
        assert printed.border(kind).saturation() == 0
    fills = {printed.fill(k).lightness() for k in ("claim", "evidence", "recommendation")}
    assert len(fills) == 3  # kinds stay distinguishable in greyscale
    assert theme_named("screen") == theme_named("light")


def test_fonts_are_set_in_pixels(qapp):
    font = theme_named("light").font()
    assert font.pixelSize() == theme_named("light").font_px
    assert font.pointSize() == -1


def test_longer_text_makes_taller_box_within_max_width(qapp):
    theme = theme_named("light")
    short = statement_size(Statement("a", "claim", "Short."), theme)
    long = statement_size(Statement("b", "claim", "word " * 80), theme)
    assert long[1] > short[1] * 3
    assert long[0] <= theme.max_text_width + 2 * theme.padding_x
    one_word = statement_size(Statement("c", "claim", "x" * 400), theme)  # an unbreakable word wraps too
    assert one_word[0] <= theme.max_text_width + 2 * theme.padding_x


def test_linked_premises_meet_at_a_junction_and_undercut_aims_at_it(qapp):
    amap = _linked_map()
    drawing = build_drawing(amap, theme_named("light"))
    junction = drawing.junctions["i1"]
    legs = [e for e in drawing.edges if e.id == "i1" and not e.arrow]
    final = [e for e in drawing.edges if e.id == "i1" and e.arrow]
    assert sorted(e.source for e in legs) == ["P1", "P2"]
    assert all(e.points[-1] == junction and e.marker == "" for e in legs)
    assert len(final) == 1 and final[0].points[0] == junction and final[0].marker == "+"
    r = drawing.boxes["R"].rect
    assert final[0].points[-1].y() == r.bottom()  # into the conclusion's bottom edge
    for leg in legs:  # out of each premise's top edge
        assert leg.points[0].y() == drawing.boxes[leg.source].rect.top()
    undercut = [e for e in drawing.edges if e.id == "k1"]
    assert len(undercut) == 1
    assert undercut[0].kind == "attack" and undercut[0].marker == MINUS
    assert undercut[0].target_is_inference and undercut[0].points[-1] == junction
    rebut = next(e for e in drawing.edges if e.id == "k2")
    assert not rebut.target_is_inference and rebut.target == "P1"


def test_boxes_are_centred_on_saved_positions(qapp):
    amap = _linked_map()
    drawing = build_drawing(amap, theme_named("light"))
    for sid, st in amap.statements.items():
        centre = drawing.boxes[sid].rect.center()
        assert (centre.x(), centre.y()) == (st.position.x, st.position.y)
    for box in drawing.boxes.values():
        assert drawing.bounds.contains(box.rect)


def test_scope_keeps_only_relations_inside_it(qapp):
    drawing = build_drawing(_linked_map(), theme_named("light"), ids={"P1", "O"})
    assert set(drawing.boxes) == {"P1", "O"}
    assert [e.id for e in drawing.edges] == ["k2"]
    assert drawing.junctions == {}


def test_shared_sides_spread_endpoints(qapp):
    amap = ArgumentMap()
    amap.add_all([
        Statement("C", "claim", "Conclusion", position=Position(0, 0)),
        Statement("A", "evidence", "a", source="s", position=Position(-150, 200)),
        Statement("B", "evidence", "b", source="s", position=Position(150, 200)),
        Inference("i1", ("A",), "C"),
        Inference("i2", ("B",), "C"),
    ])
    drawing = build_drawing(amap, theme_named("light"))
    ends = sorted(e.points[-1].x() for e in drawing.edges)
    assert len(ends) == 2 and ends[0] < ends[1]


def test_badges_come_from_the_report(qapp, cases_dir):
    from argmap.analysis import check_map

    amap = read_file(cases_dir / "linked-gap.argmap")
    report = check_map(amap)
    drawing = build_drawing(amap, theme_named("light"), report=report)
    for sid, box in drawing.boxes.items():
        assert box.label == report.labels[sid]
        severities = {d.severity for d in report.for_target(sid)} & {"error", "warning"}
        assert (box.worst_severity is None) == (not severities)
        if "error" in severities:
            assert box.worst_severity == "error" and box.badge_text.startswith("AM")


def test_every_statement_of_an_unplaced_map_gets_a_separate_box(qapp):
    from argmap.model.synth import argument_like

    amap = argument_like(60, seed=3)
    drawing = build_drawing(amap, theme_named("light"))
    rects = [b.rect for b in drawing.boxes.values()]
    assert len(rects) == 60
    overlapping = sum(1 for i, a in enumerate(rects) for b in rects[i + 1:] if a.intersects(b))
    assert overlapping == 0


def _row_runs(theme_name: str, kind: str) -> int:
    """Paint a horizontal edge and count the inked runs along it (dashes give many)."""
    theme = theme_named(theme_name)
    image = QImage(400, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_edge(painter, Edge("e", kind, [QPointF(10, 20), QPointF(390, 20)], marker=""), theme)
    painter.end()
    runs, inked = 0, False
    for x in range(12, 330):
        dark = QColor(image.pixel(x, 20)).lightness() < 160
        runs += dark and not inked
        inked = dark
    return runs


def test_painted_attack_is_dashed_and_support_solid(qapp):
    for name in ("print", "light"):
        assert _row_runs(name, "attack") > 5
        assert _row_runs(name, "support") == 1


def test_measure_all_covers_every_statement(qapp):
    amap = _linked_map()
    sizes = measure_all(amap, theme_named("light"))
    assert set(sizes) == set(amap.statements)
    assert all(w > 0 and h > 0 for w, h in sizes.values())
