"""Painting primitives shared by the canvas items and the exporters.

Everything is drawn with a QPainter in scene coordinates (or box-local ones
for :func:`paint_box`), so screen, PNG, SVG, PDF and print look the same.
Text is plain text laid out with QTextLayout, never rich text.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from argmap.model import Statement
from argmap.render.fontset import fonts_of
from argmap.render.geometry import Drawing, Edge
from argmap.render.measure import display_text, draw_body, header_text
from argmap.render.parts import (
    BADGE_GLYPHS,
    BADGE_PEN,
    GRADE_PEN,
    GRADE_RADIUS,
    MARKER_PEN,
    FrameStyle,
    Header,
    badge_outline,
    edge_shape,
    frame_style,
    glyph_rect,
    header_layout,
    inner_border,
    inner_radius,
)
from argmap.render.paths import edge_path
from argmap.render.proposed import is_proposed
from argmap.render.theme import Theme


def paint_box(painter: QPainter, box_rect_local: QRectF, statement: Statement, theme: Theme, *,
              label: str | None = None, severity: str | None = None, selected: bool = False,
              hovered: bool = False, badges: bool = True, badge_text: str = "", role: str | None = None,
              header: str | None = None, reference: bool = False, text: bool = True, grade: str = "") -> None:
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
        Short text beside the diagnostic badge (e.g. a rule code); left out when it does not fit.
    role : str, optional
        The claim's role in the structure, shown in the header instead of
        ``CLAIM`` (see :func:`argmap.render.measure.header_text`).
    header : str, optional
        The header label (default: ``measure.header_text(statement, role)``).
    reference : bool
        Draw a reference to a statement drawn elsewhere (on another page): a
        blank box with a dashed border.
    text : bool
        False draws the frame alone (the overview of a split map).
    grade : str
        The evidence grade shown in the header, e.g. ``"B2"`` (:func:`argmap.render.grades.grade_of`).

    An assumed claim gets a double border; its header says ``ASSUMED``.
    A proposal of the draft (a statement tagged ``proposed``) gets a dashed
    border; its header says ``PROPOSED`` (:mod:`argmap.render.proposed`).
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    rect = QRectF(box_rect_local)
    fonts = fonts_of(theme)
    style = frame_style(statement.kind, theme, reference, is_proposed(statement),
                        statement.assumed and statement.kind == "claim")
    _paint_frame(painter, rect, style, theme, selected, hovered, fonts)
    if text:
        head_rect, body = fonts.regions(rect)
        label_text = header_text(statement, role) if header is None else header
        head = header_layout(rect, label_text, theme, badges=badges, label_badge=label, severity=severity,
                             note=badge_text, head=head_rect, grade=grade)
        _paint_header(painter, head, theme, severity, fonts)
        painter.setPen(_colour(fonts, theme.text))
        draw_body(painter, body, display_text(statement, theme), theme)
    painter.restore()


def _colour(fonts, name: str) -> QColor:
    """A QColor made once per theme and name (Qt copies it when it is used)."""
    found = fonts.fragments.get(("colour", name))
    if found is None:
        found = fonts.fragments[("colour", name)] = QColor(name)
    return found


def _paint_header(painter: QPainter, head: Header, theme: Theme, severity: str | None, fonts) -> None:
    painter.setPen(_colour(fonts, theme.muted_text))
    painter.setFont(fonts.small)
    painter.drawText(head.label_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, head.label)
    for key, rect in head.badges:
        _badge(painter, rect, key, theme, fonts)
    if head.note:
        painter.setPen(theme.badge_color(severity or "warning"))
        painter.setFont(fonts.small_bold)
        painter.drawText(head.note_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, head.note)
    if head.grade:
        _paint_grade(painter, head.grade_rect, head.grade, theme, fonts)


def paint_grade(painter: QPainter, rect: QRectF, grade: str, theme: Theme) -> None:
    """One evidence grade in ``rect`` (the legend's sample; boxes draw theirs with the header)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    _paint_grade(painter, rect, grade, theme, fonts_of(theme))
    painter.restore()


def _paint_grade(painter: QPainter, rect: QRectF, grade: str, theme: Theme, fonts) -> None:
    """An evidence grade: bold text in a rounded frame on the page's background (reads in greyscale)."""
    painter.setPen(QPen(_colour(fonts, theme.text), GRADE_PEN))
    painter.setBrush(_colour(fonts, theme.background))
    inset = GRADE_PEN / 2
    painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), GRADE_RADIUS, GRADE_RADIUS)
    painter.setFont(fonts.small_bold)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, grade)


def _frame_tools(style: FrameStyle, fonts) -> tuple[QBrush, QPen, QColor]:
    found = fonts.fragments.get(("frame", style))
    if found is None:
        pen = QPen(QColor(style.stroke), style.width)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if style.dashes:
            pen.setDashPattern(list(style.dashes))
        found = fonts.fragments[("frame", style)] = (QBrush(QColor(style.fill)), pen, QColor(style.stroke))
    return found


def _paint_frame(painter: QPainter, rect: QRectF, style: FrameStyle, theme: Theme, selected: bool,
                 hovered: bool, fonts) -> None:
    r = theme.corner_radius
    brush, pen, stroke = _frame_tools(style, fonts)
    painter.setBrush(brush)
    painter.setPen(pen)
    painter.drawRoundedRect(rect, r, r)
    if style.double:  # an assumed claim: a second line inside the first
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inner = inner_radius(theme, style)
        painter.drawRoundedRect(inner_border(rect, style), inner, inner)
    if style.stripe:  # a solid stripe on the left: evidence reads without colour
        stripe = QPainterPath()
        stripe.addRoundedRect(QRectF(rect.left(), rect.top(), theme.evidence_stripe * 2, rect.height()), r, r)
        clip = QPainterPath()
        clip.addRect(QRectF(rect.left(), rect.top(), theme.evidence_stripe, rect.height()))
        painter.fillPath(stripe.intersected(clip), stroke)
    if selected or hovered:
        pen = QPen(QColor(theme.selected if selected else theme.hovered), 2.5 if selected else 1.5)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), r + 2, r + 2)


def paint_badge(painter: QPainter, rect: QRectF, key: str, theme: Theme) -> None:
    """One badge: a shape per meaning (disc, square, diamond, octagon, triangle) with a glyph.

    The theme may draw some badges hollow (``Theme.hollow_badges``: outline
    and glyph in the badge colour), which print tells apart from filled ones.
    """
    painter.save()
    _badge(painter, rect, key, theme, fonts_of(theme))
    painter.restore()


def _badge(painter: QPainter, rect: QRectF, key: str, theme: Theme, fonts) -> None:
    """A badge, leaving the painter's pen, brush and font changed (callers save and restore)."""
    pen, brush, glyph_pen, shape, glyph_at = _badge_tools(key, rect.width(), rect.height(), theme, fonts)
    painter.setPen(pen)
    painter.setBrush(brush)
    if isinstance(shape, QRectF):
        painter.drawEllipse(shape.translated(rect.left(), rect.top()))
    else:
        painter.drawPolygon(shape.translated(rect.left(), rect.top()))
    painter.setPen(glyph_pen)
    painter.setFont(fonts.small_bold)
    painter.drawText(glyph_at.translated(rect.left(), rect.top()), Qt.AlignmentFlag.AlignCenter, BADGE_GLYPHS[key])


def _badge_tools(key: str, w: float, h: float, theme: Theme, fonts) -> tuple:
    """Pen, brush, glyph pen, outline (a QRectF for a disc, else a QPolygonF) and glyph rectangle of a ``key``
    badge ``w`` × ``h`` px at the origin: made once per theme, key and size (boxes share a few sizes)."""
    found = fonts.fragments.get(("paint-badge", key, w, h))
    if found is None:
        colour = QColor(theme.badge_color(key).name())
        hollow = key in theme.hollow_badges
        pen = QPen(colour, BADGE_PEN) if hollow else QPen(Qt.PenStyle.NoPen)
        brush = QBrush(QColor(theme.background) if hollow else colour)
        at = QRectF(0, 0, w, h)
        outline = badge_outline(key, at)
        if outline is None:
            inset = BADGE_PEN / 2 if hollow else 0.0
            shape = at.adjusted(inset, inset, -inset, -inset)
        else:
            shape = QPolygonF(outline)
        glyph_pen = QPen(colour if hollow else QColor(theme.badge_text))
        found = fonts.fragments[("paint-badge", key, w, h)] = (pen, brush, glyph_pen, shape, glyph_rect(key, at))
    return found


def paint_edge(painter: QPainter, edge: Edge, theme: Theme, proposed: bool = False) -> None:
    """Paint a support (solid, "+") or attack (dashed, "−") edge with its arrowhead.

    A ``proposed`` edge (a relation the draft proposed, not yet accepted) is
    dotted, with a hollow arrowhead; its marker still says "+" or "−".
    """
    shape = edge_shape(edge, theme)
    if shape is None:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    fonts = fonts_of(theme)
    pen, outline, colour, background = _edge_tools(edge.kind, proposed, theme, fonts)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(edge_path(shape.line, shape.bezier))
    if shape.arrow:
        if proposed:  # hollow: an outline in the edge's colour
            painter.setPen(outline)
            painter.setBrush(background)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
        painter.drawPolygon(QPolygonF(shape.arrow))
    if shape.marker is not None:
        circle = shape.marker
        painter.setPen(outline)
        painter.setBrush(background)
        painter.drawEllipse(circle)
        painter.setPen(colour)
        painter.setFont(fonts.small_bold)
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, edge.marker)
    painter.restore()


def _edge_tools(kind: str, proposed: bool, theme: Theme, fonts) -> tuple[QPen, QPen, QColor, QColor]:
    """The line's pen, the outline pen of its arrowhead and marker, its colour and the background (once per theme)."""
    found = fonts.fragments.get(("edge", kind, proposed))
    if found is None:
        pen = theme.edge_pen(kind)
        if proposed:
            pen.setStyle(Qt.PenStyle.DotLine)
        colour = pen.color()
        found = fonts.fragments[("edge", kind, proposed)] = (pen, QPen(colour, MARKER_PEN), colour,
                                                             QColor(theme.background))
    return found


def paint_junction(painter: QPainter, point: QPointF, theme: Theme, kind: str = "support") -> None:
    """The dot where linked premises (or attackers) meet, and where undercuts aim."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.attack if kind == "attack" else theme.support))
    r = theme.junction_radius
    painter.drawEllipse(point, r, r)
    painter.restore()


def paint_drawing(painter: QPainter, drawing: Drawing, theme: Theme, *, badges: bool = True) -> None:
    """Paint a whole drawing: edges first, then junctions, then boxes.

    The legend is painted separately (:func:`argmap.render.legend.paint_legend`),
    so this module never depends on it.
    """
    paint_links(painter, drawing, theme)
    for box in drawing.boxes.values():
        paint_box(painter, box.rect, box.statement, theme, label=box.label, severity=box.worst_severity,
                  badges=badges, badge_text=box.badge_text, role=box.role, grade=box.grade)


def paint_links(painter: QPainter, drawing: Drawing, theme: Theme) -> None:
    """Paint the edges of a drawing, then its junctions (what goes under the boxes)."""
    for edge in drawing.edges:
        paint_edge(painter, edge, theme, proposed=edge.id in drawing.proposed)
    kinds = {e.id: e.kind for e in drawing.edges}
    for jid, point in drawing.junctions.items():
        paint_junction(painter, point, theme, kinds.get(jid, "support"))
