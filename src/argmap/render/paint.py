"""Painting primitives shared by the canvas items and the exporters.

Everything is drawn with a QPainter in scene coordinates (or box-local ones
for :func:`paint_box`), so screen, PNG, SVG, PDF and print look the same.
Text is plain text laid out with QTextLayout, never rich text.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from argmap.model import Statement
from argmap.render.geometry import Drawing, Edge
from argmap.render.measure import badge_diameter, box_regions, display_text, draw_text, header_text
from argmap.render.paths import edge_path, end_direction
from argmap.render.proposed import is_proposed
from argmap.render.theme import Theme

LABEL_GLYPHS = {"in": "✓", "out": "✗", "undecided": "?"}
SEVERITY_GLYPHS = {"error": "!", "warning": "!", "info": "i"}
BADGE_GLYPHS = {**LABEL_GLYPHS, **SEVERITY_GLYPHS}


def paint_box(painter: QPainter, box_rect_local: QRectF, statement: Statement, theme: Theme, *,
              label: str | None = None, severity: str | None = None, selected: bool = False,
              hovered: bool = False, badges: bool = True, badge_text: str = "", role: str | None = None) -> None:
    """Paint one statement box into ``box_rect_local``.

    Parameters
    ----------
    painter : QPainter
        Any paint device (item, image, SVG, PDF, printer).
    box_rect_local : QRectF
        Where the box goes, in the painter's coordinates.
    statement : Statement
        What to draw: kind, basis and plain text.
    theme : Theme
        Colours and fonts.
    label : {"in", "out", "undecided"}, optional
        Draws the label badge.
    severity : {"error", "warning"}, optional
        Draws the diagnostic badge.
    selected, hovered : bool
        Screen-only highlights (exports never pass them).
    badges : bool
        False hides both badges.
    badge_text : str
        Short text beside the diagnostic badge (e.g. a rule code).
    role : str, optional
        The claim's role in the structure, shown in the header instead of
        ``CLAIM`` (see :func:`argmap.render.measure.header_text`).

    A proposal of the draft (a statement tagged ``proposed``) gets a dashed
    border; its header says ``PROPOSED``.
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    rect = QRectF(box_rect_local)
    _paint_frame(painter, rect, statement.kind, theme, selected, hovered, is_proposed(statement))
    header, body = box_regions(rect, theme)
    painter.setPen(QColor(theme.muted_text))
    head = header_text(statement, role)
    draw_text(painter, header, head, theme.font(small=True))
    if badges:
        left = _paint_badges(painter, header, theme, label, severity)
        room = left - header.left() - text_advance(head, theme, small=True) - 6
        if severity and badge_text and text_advance(badge_text, theme, small=True) <= room:
            painter.setPen(theme.badge_color(severity))
            painter.setFont(theme.font(small=True, bold=True))
            painter.drawText(QRectF(header.left(), header.top(), left - header.left() - 2, header.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, badge_text)
    painter.setPen(QColor(theme.text))
    draw_text(painter, body, display_text(statement, theme), theme.font())
    painter.restore()


def _paint_frame(painter: QPainter, rect: QRectF, kind: str, theme: Theme, selected: bool, hovered: bool,
                 proposed: bool = False) -> None:
    r = theme.corner_radius
    painter.setBrush(QBrush(theme.fill(kind)))
    pen = theme.border_pen(kind)
    if proposed:  # tentative: a dashed border, readable without colour
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawRoundedRect(rect, r, r)
    if kind == "evidence":  # a solid stripe on the left: evidence reads without colour
        stripe = QPainterPath()
        stripe.addRoundedRect(QRectF(rect.left(), rect.top(), theme.evidence_stripe * 2, rect.height()), r, r)
        clip = QPainterPath()
        clip.addRect(QRectF(rect.left(), rect.top(), theme.evidence_stripe, rect.height()))
        painter.fillPath(stripe.intersected(clip), theme.border(kind))
    if selected or hovered:
        pen = QPen(QColor(theme.selected if selected else theme.hovered), 2.5 if selected else 1.5)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), r + 2, r + 2)


def _paint_badges(painter: QPainter, header: QRectF, theme: Theme, label: str | None, severity: str | None) -> float:
    """Paint the label and diagnostic badges right-aligned in ``header``; return the left edge used."""
    d = badge_diameter(theme)
    x = header.right() - d
    for key in (label, severity):
        if key in BADGE_GLYPHS:
            paint_badge(painter, QRectF(x, header.top(), d, d), key, theme)
            x -= d + 3
    return min(header.right(), x + d + 3)


def paint_badge(painter: QPainter, rect: QRectF, key: str, theme: Theme) -> None:
    """One badge: a disc (a triangle for warnings) with a glyph, so it reads without colour."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(theme.badge_color(key))
    if key == "warning":
        painter.drawPolygon(QPolygonF([QPointF(rect.center().x(), rect.top()), rect.bottomRight(), rect.bottomLeft()]))
    else:
        painter.drawEllipse(rect)
    painter.setPen(QColor(theme.badge_text))
    painter.setFont(theme.font(small=True, bold=True))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, BADGE_GLYPHS[key])
    painter.restore()


def paint_edge(painter: QPainter, edge: Edge, theme: Theme, proposed: bool = False) -> None:
    """Paint a support (solid, "+") or attack (dashed, "−") edge with its arrowhead.

    A ``proposed`` edge (a relation the draft proposed, not yet accepted) is
    dotted, with a hollow arrowhead; its marker still says "+" or "−".
    """
    if len(edge.points) < 2:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = theme.edge_pen(edge.kind)
    if proposed:
        pen.setStyle(Qt.PenStyle.DotLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    before, tip = end_direction(edge.points)
    line = list(edge.points)
    if edge.arrow:
        line[-1] = _shorten(before, tip, theme.arrow_size * 0.8)
    painter.drawPath(edge_path(line, edge.bezier))
    if edge.arrow:
        _paint_arrowhead(painter, before, tip, theme, pen.color(), hollow=proposed)
    if edge.marker:
        _paint_marker(painter, before, tip, edge.marker, theme, pen.color())
    painter.restore()


def _shorten(a: QPointF, b: QPointF, by: float) -> QPointF:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = math.hypot(dx, dy)
    if length <= by or length == 0:
        return QPointF(b)
    return QPointF(b.x() - dx / length * by, b.y() - dy / length * by)


def _paint_arrowhead(painter: QPainter, a: QPointF, tip: QPointF, theme: Theme, colour: QColor,
                     hollow: bool = False) -> None:
    angle = math.atan2(tip.y() - a.y(), tip.x() - a.x())
    size = theme.arrow_size
    left = QPointF(tip.x() - size * math.cos(angle - 0.42), tip.y() - size * math.sin(angle - 0.42))
    right = QPointF(tip.x() - size * math.cos(angle + 0.42), tip.y() - size * math.sin(angle + 0.42))
    if hollow:
        painter.setPen(QPen(colour, 1.2))
        painter.setBrush(QColor(theme.background))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
    painter.drawPolygon(QPolygonF([tip, left, right]))


def _paint_marker(painter: QPainter, a: QPointF, tip: QPointF, marker: str, theme: Theme, colour: QColor) -> None:
    """A small circle with "+" or "−" on the edge, just before the arrowhead."""
    length = math.hypot(tip.x() - a.x(), tip.y() - a.y())
    back = min(length / 2, theme.arrow_size + theme.marker_radius + 4)
    centre = _shorten(a, tip, back) if length else QPointF(tip)
    r = theme.marker_radius
    circle = QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)
    painter.setPen(QPen(colour, 1.2))
    painter.setBrush(QColor(theme.background))
    painter.drawEllipse(circle)
    painter.setPen(colour)
    font = theme.font(small=True, bold=True)
    painter.setFont(font)
    painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, marker)


def paint_junction(painter: QPainter, point: QPointF, theme: Theme, kind: str = "support") -> None:
    """The dot where linked premises (or attackers) meet, and where undercuts aim."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.attack if kind == "attack" else theme.support))
    r = theme.junction_radius
    painter.drawEllipse(point, r, r)
    painter.restore()


def paint_drawing(painter: QPainter, drawing: Drawing, theme: Theme, *, badges: bool = True,
                  legend: bool = False) -> None:
    """Paint a whole drawing: edges first, then junctions, then boxes, then the legend.

    The legend goes under ``drawing.bounds``; :func:`drawing_extent` gives the
    rectangle that includes it.
    """
    for edge in drawing.edges:
        paint_edge(painter, edge, theme, proposed=edge.id in drawing.proposed)
    kinds = {e.id: e.kind for e in drawing.edges}
    for jid, point in drawing.junctions.items():
        paint_junction(painter, point, theme, kinds.get(jid, "support"))
    for box in drawing.boxes.values():
        paint_box(painter, box.rect, box.statement, theme, label=box.label, severity=box.worst_severity,
                  badges=badges, badge_text=box.badge_text, role=box.role)
    if legend:
        from argmap.render.legend import paint_legend
        paint_legend(painter, legend_origin(drawing), theme, badges=badges)


def legend_origin(drawing: Drawing) -> QPointF:
    """Top-left of the legend: under the drawing, aligned left."""
    b = drawing.bounds
    return QPointF(b.left(), b.bottom() + 24)


def drawing_extent(drawing: Drawing, theme: Theme, legend: bool = False, badges: bool = True) -> QRectF:
    """The rectangle a drawing covers, legend included when asked."""
    rect = QRectF(drawing.bounds)
    if rect.isEmpty():
        rect = QRectF(0, 0, 1, 1)
    if legend:
        from argmap.render.legend import legend_size
        w, h = legend_size(theme, badges=badges)
        o = legend_origin(drawing)
        rect = rect.united(QRectF(o.x(), o.y(), w, h))
    return rect


def text_advance(text: str, theme: Theme, small: bool = False) -> float:
    """Width of one line of ``text`` in the theme's font."""
    return QFontMetricsF(theme.font(small=small)).horizontalAdvance(text)
