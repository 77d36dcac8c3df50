"""Where the parts of a statement box go: header label, badges, grade, badge note, body lines.

The painter (:mod:`argmap.render.paint`) and the SVG writer
(:mod:`argmap.render.svg`) both place a box's parts with these functions,
so that a PNG, a PDF page and an SVG put every word and badge at the same
place, and no header text ever runs into a badge or its note.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt

from argmap.render.fontset import fonts_of
from argmap.render.geometry import Edge
from argmap.render.grades import GRADE_PAD
from argmap.render.measure import column_fits, is_rtl, small_width, text_layout, wrapped
from argmap.render.paths import end_direction
from argmap.render.theme import Theme

BADGE_GAP = 3.0
"""Space between two badges."""
NOTE_GAP = 8.0
"""Least space between the kind label and the badge note (e.g. "AM001 +1"), and before the badges."""

LABEL_GLYPHS = {"in": "✓", "out": "✗", "undecided": "?"}
SEVERITY_GLYPHS = {"error": "!", "warning": "!", "info": "i"}
BADGE_GLYPHS = {**LABEL_GLYPHS, **SEVERITY_GLYPHS}
BADGE_SHAPES = {"in": "disc", "out": "square", "undecided": "diamond", "error": "octagon", "warning": "triangle",
                "info": "disc"}
"""Every badge differs by shape as well as by glyph and colour, so it reads in greyscale print."""
BADGE_PEN = 1.2
"""Outline width of a hollow badge."""
MARKER_PEN = 1.2
"""Outline width of the "+"/"−" circle on an edge."""
ARROW_ANGLE = 0.42
"""Half the opening of an arrowhead, in radians."""


REFERENCE_DASHES = (3.0, 2.0)
"""Dash and gap of a reference box's border, in border widths."""


PROPOSED_DASHES = (4.0, 2.0)
"""Dashes of a proposed statement's border, in pen widths (Qt's DashLine)."""

GRADE_PEN = 1.0
"""Outline width of a grade's frame."""
GRADE_RADIUS = 3.0
"""Corner radius of a grade's frame."""
ASSUMED_GAP = 3.0
"""Space between the two lines of an assumed claim's double border."""


@dataclass(frozen=True)
class FrameStyle:
    """How a box's frame is drawn: fill, border colour and width, dashes, the evidence stripe, a second
    border line inside the first (an assumed claim)."""

    fill: str
    stroke: str
    width: float
    dashes: tuple[float, ...] = ()
    stripe: bool = False
    double: bool = False


def frame_style(kind: str, theme: Theme, reference: bool = False, proposed: bool = False,
                assumed: bool = False) -> FrameStyle:
    """The frame of a ``kind`` box; a reference (a statement drawn on another page) is blank and dashed;
    a proposal of the draft keeps its fill and gets a dashed border (:mod:`argmap.render.proposed`); an
    assumed claim gets a double border, which reads without colour and in print."""
    width = theme.recommendation_border_width if kind == "recommendation" else theme.border_width
    stroke = theme.border(kind).name()
    if reference:
        return FrameStyle(theme.background, stroke, theme.border_width, REFERENCE_DASHES)
    return FrameStyle(theme.fill(kind).name(), stroke, width, PROPOSED_DASHES if proposed else (), kind == "evidence",
                      assumed)


def inner_border(rect: QRectF, style: FrameStyle) -> QRectF:
    """Where the second line of a double border runs: inside the first by its width and a gap."""
    inset = style.width + ASSUMED_GAP
    return rect.adjusted(inset, inset, -inset, -inset)


def inner_radius(theme: Theme, style: FrameStyle) -> float:
    """The corner radius of the second line of a double border (concentric with the first)."""
    return max(1.0, theme.corner_radius - style.width - ASSUMED_GAP / 2)


def stripe_path(rect: QRectF, theme: Theme) -> str:
    """SVG path data of the evidence stripe: the left ``theme.evidence_stripe`` px of the rounded box."""
    r, s = theme.corner_radius, theme.evidence_stripe
    x0, y0, y1 = rect.left(), rect.top(), rect.bottom()
    if s >= r:
        return (f"M{x0 + s:.2f},{y0:.2f}H{x0 + r:.2f}A{r:g},{r:g} 0 0 0 {x0:.2f},{y0 + r:.2f}V{y1 - r:.2f}"
                f"A{r:g},{r:g} 0 0 0 {x0 + r:.2f},{y1:.2f}H{x0 + s:.2f}Z")
    q = math.sqrt(r * r - (r - s) * (r - s))
    return (f"M{x0 + s:.2f},{y0 + r - q:.2f}A{r:g},{r:g} 0 0 0 {x0:.2f},{y0 + r:.2f}V{y1 - r:.2f}"
            f"A{r:g},{r:g} 0 0 0 {x0 + s:.2f},{y1 - r + q:.2f}Z")


@dataclass
class Header:
    """The header row of a box: the kind label, the badges, the grade and the note beside them."""

    label: str
    label_rect: QRectF
    badges: list[tuple[str, QRectF]] = field(default_factory=list)
    note: str = ""
    note_rect: QRectF = field(default_factory=QRectF)
    grade: str = ""
    grade_rect: QRectF = field(default_factory=QRectF)


def header_layout(rect: QRectF, label: str, theme: Theme, *, badges: bool = True, label_badge: str | None = None,
                  severity: str | None = None, note: str = "", head: QRectF | None = None,
                  grade: str = "") -> Header:
    """Place the header parts of a box ``rect``.

    Badges go right-aligned (the label badge outermost); an evidence grade
    (``"B2"``, in a frame) goes just left of them, shown whether or not the
    badges are (it is part of the map, not a check result); the note goes
    left of those when it fits with :data:`NOTE_GAP` to spare on both sides,
    else its first word alone (the rule code), else nothing; the kind label
    is elided with "…" when even it does not fit. So no two parts overlap,
    whatever the box width or the header text (roles, long kinds).

    Parameters
    ----------
    rect : QRectF
        The whole box.
    label : str
        The kind label (``measure.header_text``).
    theme : Theme
        Fonts and paddings.
    badges : bool
        False leaves out the badges and the note.
    label_badge, severity : str, optional
        The label ("in", "out", "undecided") and the worst severity.
    note : str
        Text for beside the badges, e.g. ``"AM001 +1"``.
    head : QRectF, optional
        The header row, when the caller has it (``measure.box_regions(rect, theme)[0]``).
    grade : str
        The evidence grade (:func:`argmap.render.grades.grade_of`), ``""`` for none.
    """
    fonts = fonts_of(theme)
    if head is None:
        head, _ = fonts.regions(rect)
    d = fonts.badge
    placed = []
    right = head.right()
    if badges:
        for key in (label_badge, severity):
            if key in BADGE_GLYPHS:
                placed.append((key, QRectF(right - d, head.top(), d, d)))
                right -= d + BADGE_GAP
    grade_rect = QRectF()
    if grade:
        width = small_width(grade, theme, bold=True) + 2 * GRADE_PAD
        if right - width - NOTE_GAP >= head.left():  # room for it and the gap before it
            grade_rect = QRectF(right - width, head.top(), width, d)
            right -= width + BADGE_GAP
        else:
            grade = ""
    room_right = right + BADGE_GAP - (NOTE_GAP if placed or grade else 0.0)
    text = label
    if small_width(text, theme) > room_right - head.left():
        text = fonts.small_metrics.elidedText(label, Qt.TextElideMode.ElideRight, max(0.0, room_right - head.left()))
    label_w = small_width(text, theme)
    result = Header(text, QRectF(head.left(), head.top(), max(0.0, room_right - head.left()), head.height()), placed,
                    grade=grade, grade_rect=grade_rect)
    if badges and severity and note:
        left_limit = head.left() + label_w + NOTE_GAP
        for candidate in (note, note.split()[0]):
            width = small_width(candidate, theme, bold=True)
            if room_right - width >= left_limit:
                result.note = candidate
                result.note_rect = QRectF(room_right - width, head.top(), width, head.height())
                break
    return result


def badge_outline(key: str, rect: QRectF) -> list[QPointF] | None:
    """The badge's outline as a closed polygon, or None for a disc (an ellipse in ``rect``)."""
    shape = BADGE_SHAPES.get(key, "disc")
    x0, y0, x1, y1 = rect.left(), rect.top(), rect.right(), rect.bottom()
    cx, cy = rect.center().x(), rect.center().y()
    if shape == "triangle":
        return [QPointF(cx, y0), QPointF(x1, y1), QPointF(x0, y1)]
    if shape == "square":
        inset = rect.width() * 0.08
        return [QPointF(x0 + inset, y0 + inset), QPointF(x1 - inset, y0 + inset), QPointF(x1 - inset, y1 - inset),
                QPointF(x0 + inset, y1 - inset)]
    if shape == "diamond":
        return [QPointF(cx, y0), QPointF(x1, cy), QPointF(cx, y1), QPointF(x0, cy)]
    if shape == "octagon":
        k = rect.width() * 0.29
        return [QPointF(x0 + k, y0), QPointF(x1 - k, y0), QPointF(x1, y0 + k), QPointF(x1, y1 - k),
                QPointF(x1 - k, y1), QPointF(x0 + k, y1), QPointF(x0, y1 - k), QPointF(x0, y0 + k)]
    return None


def glyph_rect(key: str, rect: QRectF) -> QRectF:
    """Where a badge's glyph is centred: lower in a triangle, whose room is at the bottom."""
    if BADGE_SHAPES.get(key) == "triangle":
        return rect.adjusted(0, rect.height() * 0.18, 0, 0)
    return QRectF(rect)


@dataclass(frozen=True)
class TextLine:
    """One laid-out line of body text: its characters and where the line box sits (top-left, box-local)."""

    text: str
    x: float
    y: float
    width: float
    ascent: float
    rtl: bool


def body_lines(text: str, rect: QRectF, theme: Theme) -> list[TextLine]:
    """The body text of a box as the painter breaks it (the same QTextLayout call), line by line.

    ``x``/``y`` are in the coordinates of ``rect`` (its top-left is added).
    Each line keeps the space it broke at (a line separator, U+2028, becomes
    a space), so text copied out of an SVG reads as the statement does.
    """
    left, top = rect.left(), rect.top()
    rtl = is_rtl(text)  # the paragraph's direction, as QTextLayout decides it (LayoutDirectionAuto)
    if not rtl:
        breaks, _, used = wrapped(text, theme)
        if column_fits(used, rect.width(), theme):  # the measure's own breaks
            return [TextLine(text[start:start + length].replace("\u2028", " "), left, top + y, width, ascent,
                             False) for start, length, y, width, ascent in breaks]
    layout, _, _ = text_layout(text, fonts_of(theme).body, rect.width())
    lines = []
    for n in range(layout.lineCount()):
        line = layout.lineAt(n)
        start = line.textStart()
        chunk = text[start:start + line.textLength()]
        if rtl:  # right-aligned: where the line's text starts depends on its width
            natural = line.naturalTextRect()
            lines.append(TextLine(chunk.replace("\u2028", " "), left + natural.left(), top + line.y(),
                                  natural.width(), line.ascent(), True))
        else:
            lines.append(TextLine(chunk.replace("\u2028", " "), left + line.x(), top + line.y(),
                                  line.naturalTextWidth(), line.ascent(), False))
    return lines


@dataclass
class EdgeShape:
    """What an edge is drawn as: the stroked line, its arrowhead and its "+"/"−" circle."""

    line: list[QPointF]
    bezier: bool
    arrow: list[QPointF] | None
    marker: QRectF | None


def edge_shape(edge: Edge, theme: Theme) -> EdgeShape | None:
    """The parts of ``edge`` (None for an edge of fewer than two points).

    The line stops under the arrowhead (so a thick line does not poke out of
    its tip); the marker circle sits just before the arrowhead.
    """
    if len(edge.points) < 2:
        return None
    before, tip = end_direction(edge.points)
    line = list(edge.points)
    arrow = None
    if edge.arrow:
        line[-1] = _shorten(before, tip, theme.arrow_size * 0.8)
        angle = math.atan2(tip.y() - before.y(), tip.x() - before.x())
        k = theme.arrow_size
        arrow = [QPointF(tip)] + [QPointF(tip.x() - k * math.cos(angle + turn), tip.y() - k * math.sin(angle + turn))
                                  for turn in (-ARROW_ANGLE, ARROW_ANGLE)]
    marker = None
    if edge.marker:
        length = math.hypot(tip.x() - before.x(), tip.y() - before.y())
        back = min(length / 2, theme.arrow_size + theme.marker_radius + 4)
        centre = _shorten(before, tip, back) if length else QPointF(tip)
        r = theme.marker_radius
        marker = QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)
    return EdgeShape(line, edge.bezier, arrow, marker)


def _shorten(a: QPointF, b: QPointF, by: float) -> QPointF:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = math.hypot(dx, dy)
    if length <= by or length == 0:
        return QPointF(b)
    return QPointF(b.x() - dx / length * by, b.y() - dy / length * by)
