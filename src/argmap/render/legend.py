"""The optional legend: kinds, relations and badges, drawn with the same primitives as the map.

It depends on :mod:`argmap.render.paint`, never the other way round: a
drawing is painted first and its legend, when asked for, after it.
:func:`legend_rows` places every part; the painter here and the SVG writer
both draw from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from argmap.model import Statement
from argmap.render.geometry import Drawing, Edge
from argmap.render.measure import badge_diameter
from argmap.render.paint import paint_badge, paint_box, paint_edge
from argmap.render.parts import frame_style
from argmap.render.theme import KIND_LABELS, MINUS, Theme

ROW = 26.0
SWATCH = 34.0
GAP = 8.0
"""Rows, swatches and gaps in px. The legend's text is in the body font: it is read like the map."""

TEXTS = {
    "claim": "Claim", "evidence": "Evidence (basis glyph: report ▤, quote ❝, statistic ∑)",
    "recommendation": "Recommendation (thick border)",
    "support": "Support (+): premises back the conclusion", "attack": f"Attack ({MINUS}, dashed)",
    "in": "accepted (in: ✓ disc)", "out": "defeated or unsupported (out: ✗ square)",
    "undecided": "undecided (? diamond)", "error": "error (! octagon)", "warning": "warning (! triangle)",
    "ref": "drawn on another page (→ p. N, dashed)",
}


@dataclass(frozen=True)
class LegendRow:
    """One row: a swatch (box, edge or badge) in ``cell`` and its text, with the text's baseline start."""

    group: str
    key: str
    cell: QRectF
    text: str
    text_at: QPointF
    edge: Edge | None = None
    badge_rect: QRectF | None = None


def _keys(badges: bool, refs: bool) -> list[tuple[str, str]]:
    rows = [("kind", k) for k in KIND_LABELS]
    if refs:
        rows.append(("ref", "ref"))
    rows += [("edge", "support"), ("edge", "attack")]
    if badges:
        rows += [("badge", "in"), ("badge", "out"), ("badge", "undecided"), ("badge", "error"), ("badge", "warning")]
    return rows


def legend_size(theme: Theme, badges: bool = True, refs: bool = False) -> tuple[float, float]:
    """Width and height of the legend."""
    fm = QFontMetricsF(theme.font())
    keys = _keys(badges, refs)
    width = max(fm.horizontalAdvance(TEXTS[key]) for _, key in keys) + SWATCH + 5 * GAP
    return width, len(keys) * ROW + 2 * GAP + fm.height()


def legend_rows(origin: QPointF, theme: Theme, badges: bool = True,
                refs: bool = False) -> tuple[QRectF, tuple[str, QPointF], list[LegendRow]]:
    """The legend's frame, its title (text and baseline start) and its rows, top-left at ``origin``."""
    w, h = legend_size(theme, badges, refs)
    fm = QFontMetricsF(theme.font())
    frame = QRectF(origin.x(), origin.y(), w, h)
    title = ("Legend", QPointF(origin.x() + GAP, origin.y() + GAP + fm.ascent()))
    y = origin.y() + GAP + fm.height()
    rows = []
    for group, key in _keys(badges, refs):
        cell = QRectF(origin.x() + GAP, y + 3, SWATCH, ROW - 6)
        text_at = QPointF(cell.right() + 2 * GAP, y + (ROW - fm.height()) / 2 + fm.ascent())
        edge = badge = None
        if group == "edge":
            mid = cell.center().y()
            edge = Edge("legend", key, [QPointF(cell.left(), mid), QPointF(cell.right() + 6, mid)],
                        "+" if key == "support" else MINUS)
        elif group == "badge":
            d = badge_diameter(theme)
            badge = QRectF(cell.center().x() - d / 2, cell.center().y() - d / 2, d, d)
        rows.append(LegendRow(group, key, cell, TEXTS[key], text_at, edge, badge))
        y += ROW
    return frame, title, rows


def paint_legend(painter: QPainter, origin: QPointF, theme: Theme, badges: bool = True, refs: bool = False) -> None:
    """Paint the legend with its top-left corner at ``origin``."""
    frame, title, rows = legend_rows(origin, theme, badges, refs)
    painter.save()
    painter.setPen(QPen(QColor(theme.muted_text), 1))
    painter.setBrush(QColor(0, 0, 0, 0))
    painter.drawRect(frame)
    font = theme.font()
    painter.setFont(font)
    painter.setPen(QColor(theme.text))
    painter.drawText(title[1], title[0])
    for row in rows:
        if row.group == "kind":
            style = frame_style(row.key, theme)
            painter.setPen(QPen(QColor(style.stroke), style.width))
            painter.setBrush(QColor(style.fill))
            painter.drawRoundedRect(row.cell, 3, 3)
        elif row.group == "ref":
            paint_box(painter, row.cell, Statement("legend", "claim", ""), theme, badges=False, reference=True,
                      text=False)
        elif row.group == "edge":
            paint_edge(painter, row.edge, theme)
        else:
            paint_badge(painter, row.badge_rect, row.key, theme)
        painter.setPen(QColor(theme.text))
        painter.setFont(font)
        painter.drawText(row.text_at, row.text)
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
