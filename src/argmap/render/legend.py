"""The optional legend: kinds, relations and badges, drawn with the same primitives as the map.

It depends on :mod:`argmap.render.paint`, never the other way round: a
drawing is painted first and its legend, when asked for, after it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from argmap.render.geometry import Drawing, Edge
from argmap.render.measure import badge_diameter
from argmap.render.paint import paint_badge, paint_edge
from argmap.render.theme import KIND_LABELS, MINUS, Theme

ROW = 26.0
SWATCH = 34.0
GAP = 8.0


def _rows(badges: bool) -> list[tuple[str, str]]:
    rows = [("kind", k) for k in KIND_LABELS]
    rows += [("edge", "support"), ("edge", "attack")]
    if badges:
        rows += [("badge", "in"), ("badge", "out"), ("badge", "undecided"), ("badge", "error"), ("badge", "warning")]
    return rows


TEXTS = {
    "claim": "Claim", "evidence": "Evidence (basis glyph: report ▤, quote ❝, statistic ∑)",
    "recommendation": "Recommendation (thick border)",
    "support": "Support (+): premises back the conclusion", "attack": f"Attack ({MINUS}, dashed)",
    "in": "accepted (in: ✓ disc)", "out": "defeated or unsupported (out: ✗ square)",
    "undecided": "undecided (? diamond)", "error": "error (! octagon)", "warning": "warning (! triangle)",
}


def legend_size(theme: Theme, badges: bool = True) -> tuple[float, float]:
    """Width and height of the legend."""
    fm = QFontMetricsF(theme.font(small=True))
    rows = _rows(badges)
    width = max(fm.horizontalAdvance(TEXTS[key]) for _, key in rows) + SWATCH + 5 * GAP
    return width, len(rows) * ROW + 2 * GAP + fm.height()


def paint_legend(painter: QPainter, origin: QPointF, theme: Theme, badges: bool = True) -> None:
    """Paint the legend with its top-left corner at ``origin``."""
    w, h = legend_size(theme, badges)
    painter.save()
    painter.setPen(QPen(QColor(theme.muted_text), 1))
    painter.setBrush(QColor(theme.background))
    frame = QRectF(origin.x(), origin.y(), w, h)
    painter.drawRect(frame)
    font = theme.font(small=True)
    painter.setFont(font)
    painter.setPen(QColor(theme.text))
    fm = QFontMetricsF(font)
    painter.drawText(QPointF(origin.x() + GAP, origin.y() + GAP + fm.ascent()), "Legend")
    y = origin.y() + GAP + fm.height()
    for group, key in _rows(badges):
        cell = QRectF(origin.x() + GAP, y + 3, SWATCH, ROW - 6)
        if group == "kind":
            painter.setPen(theme.border_pen(key))
            painter.setBrush(theme.fill(key))
            painter.drawRoundedRect(cell, 3, 3)
        elif group == "edge":
            mid = cell.center().y()
            edge = Edge("legend", key, [QPointF(cell.left(), mid), QPointF(cell.right() + 6, mid)],
                        "+" if key == "support" else MINUS)
            paint_edge(painter, edge, theme)
        else:
            d = badge_diameter(theme)
            paint_badge(painter, QRectF(cell.center().x() - d / 2, cell.center().y() - d / 2, d, d), key, theme)
        painter.setPen(QColor(theme.text))
        painter.setFont(font)
        painter.drawText(QRectF(cell.right() + 2 * GAP, y, w, ROW),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, TEXTS[key])
        y += ROW
    painter.restore()


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
        w, h = legend_size(theme, badges=badges)
        o = legend_origin(drawing)
        rect = rect.united(QRectF(o.x(), o.y(), w, h))
    return rect
