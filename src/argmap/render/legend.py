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
from argmap.render.fontset import fonts_of
from argmap.render.geometry import Drawing, Edge
from argmap.render.grades import GRADE_PAD
from argmap.render.measure import badge_diameter
from argmap.render.paint import paint_badge, paint_box, paint_edge, paint_grade
from argmap.render.parts import frame_style
from argmap.render.proposed import PROPOSED, is_proposed
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
    "grade": "grade: best reliability of its sources (A–F), credibility (1–6)",
    "assumed": "assumed claim: a stated assumption (ASSUMED, double border)",
    "proposed": "Proposed by the draft, not yet accepted (PROPOSED, dashed border)",
    "proposed-link": "Proposed relation (dotted, hollow arrowhead)",
}
GRADE_SAMPLE = "B2"
"""The grade the legend's swatch shows."""


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


def shows_tradecraft(drawing: Drawing) -> bool:
    """Whether ``drawing`` has a graded evidence box or an assumed claim (its legend then explains them)."""
    return any(box.grade or (box.statement.assumed and box.statement.kind == "claim")
               for box in drawing.boxes.values())


def shows_proposals(drawing: Drawing) -> bool:
    """Whether ``drawing`` has a statement or relation the draft proposed (its legend then explains them)."""
    return bool(drawing.proposed) or any(is_proposed(box.statement) for box in drawing.boxes.values())


def _keys(badges: bool, refs: bool, grades: bool = False, proposed: bool = False) -> list[tuple[str, str]]:
    rows = [("kind", k) for k in KIND_LABELS]
    if grades:
        rows += [("grade", "grade"), ("assumed", "assumed")]
    if refs:
        rows.append(("ref", "ref"))
    rows += [("edge", "support"), ("edge", "attack")]
    if proposed:
        rows += [("proposed", "proposed"), ("edge", "proposed-link")]
    if badges:
        rows += [("badge", "in"), ("badge", "out"), ("badge", "undecided"), ("badge", "error"), ("badge", "warning")]
    return rows


def legend_size(theme: Theme, badges: bool = True, refs: bool = False, grades: bool = False,
                proposed: bool = False) -> tuple[float, float]:
    """Width and height of the legend (``grades``: with the rows of grades and assumptions; ``proposed``:
    with the rows of the draft's proposals)."""
    fm = QFontMetricsF(theme.font())
    keys = _keys(badges, refs, grades, proposed)
    width = max(fm.horizontalAdvance(TEXTS[key]) for _, key in keys) + SWATCH + 5 * GAP
    return width, len(keys) * ROW + 2 * GAP + fm.height()


def legend_rows(origin: QPointF, theme: Theme, badges: bool = True, refs: bool = False, grades: bool = False,
                proposed: bool = False) -> tuple[QRectF, tuple[str, QPointF], list[LegendRow]]:
    """The legend's frame, its title (text and baseline start) and its rows, top-left at ``origin``."""
    w, h = legend_size(theme, badges, refs, grades, proposed)
    fm = QFontMetricsF(theme.font())
    frame = QRectF(origin.x(), origin.y(), w, h)
    title = ("Legend", QPointF(origin.x() + GAP, origin.y() + GAP + fm.ascent()))
    y = origin.y() + GAP + fm.height()
    rows = []
    for group, key in _keys(badges, refs, grades, proposed):
        cell = QRectF(origin.x() + GAP, y + 3, SWATCH, ROW - 6)
        text_at = QPointF(cell.right() + 2 * GAP, y + (ROW - fm.height()) / 2 + fm.ascent())
        edge = badge = None
        if group == "edge":
            mid = cell.center().y()
            edge = Edge("legend", "attack" if key == "attack" else "support",
                        [QPointF(cell.left(), mid), QPointF(cell.right() + 6, mid)], MINUS if key == "attack" else "+")
        elif group == "badge":
            d = badge_diameter(theme)
            badge = QRectF(cell.center().x() - d / 2, cell.center().y() - d / 2, d, d)
        rows.append(LegendRow(group, key, cell, TEXTS[key], text_at, edge, badge))
        y += ROW
    return frame, title, rows


def paint_legend(painter: QPainter, origin: QPointF, theme: Theme, badges: bool = True, refs: bool = False,
                 grades: bool = False, proposed: bool = False) -> None:
    """Paint the legend with its top-left corner at ``origin``."""
    frame, title, rows = legend_rows(origin, theme, badges, refs, grades, proposed)
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
        elif row.group in ("grade", "assumed"):
            paint_box(painter, sample_rect(row), *_sample(row.group), theme, badges=False, text=False)
            if row.group == "grade":
                paint_grade(painter, grade_swatch(row, theme), GRADE_SAMPLE, theme)
        elif row.group == "proposed":
            paint_box(painter, row.cell, PROPOSED_SAMPLE, theme, badges=False, text=False)
        elif row.group == "edge":
            paint_edge(painter, row.edge, theme, proposed=row.key == "proposed-link")
        else:
            paint_badge(painter, row.badge_rect, row.key, theme)
        painter.setPen(QColor(theme.text))
        painter.setFont(font)
        painter.drawText(row.text_at, row.text)
    painter.restore()


PROPOSED_SAMPLE = Statement("legend", "claim", "", tags=(PROPOSED,))
"""The box a proposals row shows (a claim the draft proposed)."""


def sample_rect(row: LegendRow) -> QRectF:
    """The small box of a grade or assumption row (as wide as a kind's swatch)."""
    return QRectF(row.cell)


def _sample(group: str) -> tuple[Statement]:
    if group == "assumed":
        return (Statement("legend", "claim", "", assumed=True),)
    return (Statement("legend", "evidence", "", credibility=2),)


def grade_swatch(row: LegendRow, theme: Theme) -> QRectF:
    """Where the legend's sample grade sits: centred in its row's box."""
    w = fonts_of(theme).small_bold_metrics.horizontalAdvance(GRADE_SAMPLE) + 2 * GRADE_PAD
    d = fonts_of(theme).badge
    c = row.cell.center()
    return QRectF(c.x() - w / 2 + 2, c.y() - d / 2, w, d)


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
        w, h = legend_size(theme, badges=badges, grades=shows_tradecraft(drawing), proposed=shows_proposals(drawing))
        o = legend_origin(drawing)
        rect = rect.united(QRectF(o.x(), o.y(), w, h))
    return rect
