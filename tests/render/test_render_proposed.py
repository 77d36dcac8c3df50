"""Proposals of the draft look tentative in every picture: dashed boxes marked PROPOSED, dotted relations."""

from __future__ import annotations

import itertools

from defusedxml import ElementTree
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter

from argmap.model import ArgumentMap, Conflict, Inference, Position, Statement
from argmap.render import Edge, ExportOptions, build_drawing, export_map, paint_box, paint_edge, theme_named
from argmap.render.measure import badge_diameter, header_text, statement_size, text_width
from argmap.render.theme import BASIS_GLYPHS

SVG = "{http://www.w3.org/2000/svg}"
ROLES = (None, "objection", "rebuttal", "undercut", "reason", "co-premise", "conclusion")


def _drafted() -> ArgumentMap:
    amap = ArgumentMap(title="Draft: two", extra={"draft": {"proposed": ["p", "i1"]}})
    amap.add_all([
        Statement("c", "recommendation", "Act now.", position=Position(0, 0)),
        Statement("p", "claim", "A proposed reason.", tags=("proposed",), position=Position(-150, 180)),
        Statement("q", "claim", "An accepted reason.", position=Position(150, 180)),
        Statement("o", "claim", "An accepted objection.", position=Position(350, 0)),
        Inference("i1", ("p",), "c"), Inference("i2", ("q",), "c"), Conflict("k1", ("o",), "c"),
    ])
    return amap


def test_the_header_says_proposed_and_always_fits_beside_the_badges(qapp):
    theme = theme_named("light")
    small = QFontMetricsF(theme.font(small=True))
    room_for_badges = 2 * (badge_diameter(theme) + 3)
    bases = ("", *BASIS_GLYPHS)
    for kind, basis, role in itertools.product(("claim", "evidence", "recommendation"), bases, ROLES):
        plain = Statement("x", kind, "Short.", basis=basis)
        proposed = plain.copy(tags=("proposed",))
        head = header_text(proposed, role)
        assert head == "PROPOSED · " + header_text(plain, role)
        assert small.horizontalAdvance(head) + room_for_badges <= text_width(proposed, theme, role) + 0.5, head
        assert statement_size(proposed, theme, role)[0] >= statement_size(plain, theme, role)[0]
        assert text_width(proposed, theme, role) <= theme.max_text_width + 12  # the longest basis widens a little


def _ink(image: QImage, x: int, y: int) -> bool:
    return QColor(image.pixel(x, y)).lightness() < 200


def test_a_proposed_box_has_a_dashed_border(qapp):
    theme = theme_named("print")
    rows = {}
    for tags in ((), ("proposed",)):
        image = QImage(300, 120, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        paint_box(painter, QRectF(10, 10, 280, 100), Statement("x", "claim", "Text", tags=tags), theme)
        painter.end()
        rows[tags] = [_ink(image, x, 10) for x in range(30, 270)]  # along the top border
    assert all(rows[()])
    gaps = sum(1 for a, b in zip(rows[("proposed",)], rows[("proposed",)][1:]) if a and not b)
    assert gaps >= 8


def test_a_proposed_edge_is_dotted_with_a_hollow_arrowhead(qapp):
    theme = theme_named("print")
    seen = {}
    for proposed in (False, True):
        image = QImage(400, 60, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        paint_edge(painter, Edge("e", "support", [QPointF(10, 30), QPointF(390, 30)], marker=""), theme,
                   proposed=proposed)
        painter.end()
        line = [_ink(image, x, 30) for x in range(20, 300)]
        runs = sum(1 for a, b in zip([False, *line], line) if b and not a)
        inside_head = _ink(image, 390 - int(theme.arrow_size * 0.6), 30)
        seen[proposed] = runs, inside_head
    assert seen[False] == (1, True)
    assert seen[True][0] > 20 and seen[True][1] is False


def test_drawings_and_exports_mark_what_is_still_proposed(qapp, tmp_path):
    amap = _drafted()
    drawing = build_drawing(amap, theme_named("light"))
    assert drawing.proposed == {"i1"}
    amap.set_meta(extra={"draft": {"proposed": ["p"]}})
    assert build_drawing(amap, theme_named("light")).proposed == frozenset()
    amap.set_meta(extra={"draft": {"proposed": ["i1", "i2"]}})
    out = tmp_path / "draft.svg"
    export_map(amap, out, ExportOptions(fmt="svg"))
    svg = out.read_text(encoding="utf-8")
    assert "PROPOSED · REASON" in svg and svg.count("PROPOSED") == 1
    root = ElementTree.fromstring(svg.encode("utf-8"))
    groups = {g.get("data-id"): g for g in root.iter(f"{SVG}g") if g.get("data-id")}
    assert "proposed" in groups["p"].get("class").split() and "proposed" not in groups["q"].get("class").split()
    assert groups["p"].find(f"{SVG}rect").get("stroke-dasharray")  # the box's border is dashed
    assert groups["q"].find(f"{SVG}rect").get("stroke-dasharray") is None
    for lid, proposed in (("i1", True), ("i2", True), ("k1", False)):
        assert ("proposed" in groups[lid].get("class").split()) is proposed
    head = next(p for p in groups["i1"].iter(f"{SVG}polygon") if p.get("class") == "arrowhead")
    assert head.get("stroke") and head.get("fill") == theme_named("light").background  # hollow
    assert ArgumentMap(extra={"draft": "not a dict"}).extra and build_drawing(
        ArgumentMap(extra={"draft": "broken"}), theme_named("light")).proposed == frozenset()


def test_the_legend_explains_proposals_only_when_the_picture_has_some(qapp, tmp_path):
    from argmap.render.legend import TEXTS

    def legend_of(amap, fmt):
        out = tmp_path / f"legend.{fmt}"
        export_map(amap, out, ExportOptions(fmt=fmt, legend=True, badges=False))
        return out

    drafted, accepted = _drafted(), _drafted()
    accepted.update("p", tags=())
    accepted.set_meta(extra={})
    for amap, shown in ((drafted, True), (accepted, False)):
        svg = legend_of(amap, "svg").read_text(encoding="utf-8")
        root = ElementTree.fromstring(svg.encode("utf-8"))
        legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "legend")
        texts = "".join(legend.itertext())
        assert (TEXTS["proposed"] in texts) is shown and (TEXTS["proposed-link"] in texts) is shown
        if shown:  # the sample box is dashed, the sample relation dotted (Qt's DotLine: 1 on, 2 off)
            dashed = [r for r in legend.iter(f"{SVG}rect") if r.get("stroke-dasharray")]
            dotted = [p for p in legend.iter(f"{SVG}path") if p.get("stroke-dasharray", "").count(",") == 1
                      and float(p.get("stroke-dasharray").split(",")[1]) == 2 * float(p.get("stroke-width"))]
            assert dashed and dotted
    tall = QImage(str(legend_of(drafted, "png"))).height()
    short = QImage(str(legend_of(accepted, "png"))).height()
    assert tall > short  # the PNG's legend has the two rows more
