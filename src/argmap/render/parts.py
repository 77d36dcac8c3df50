"""Where the parts of a statement box go: header label, badges, badge note, body lines.

The painter (:mod:`argmap.render.paint`) and the SVG writer
(:mod:`argmap.render.svg`) both place a box's parts with these functions,
so that a PNG, a PDF page and an SVG put every word and badge at the same
place, and no header text ever runs into a badge or its note.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from argmap.render.measure import badge_diameter, box_regions, text_layout
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


@dataclass
class Header:
    """The header row of a box: the kind label, the badges and the note beside them."""

    label: str
    label_rect: QRectF
    badges: list[tuple[str, QRectF]] = field(default_factory=list)
    note: str = ""
    note_rect: QRectF = field(default_factory=QRectF)


def header_layout(rect: QRectF, label: str, theme: Theme, *, badges: bool = True, label_badge: str | None = None,
                  severity: str | None = None, note: str = "") -> Header:
    """Place the header parts of a box ``rect``.

    Badges go right-aligned (the label badge outermost); the note goes just
    left of them when it fits with :data:`NOTE_GAP` to spare on both sides,
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
    """
    head, _ = box_regions(rect, theme)
    d = badge_diameter(theme)
    placed = []
    right = head.right()
    if badges:
        for key in (label_badge, severity):
            if key in BADGE_GLYPHS:
                placed.append((key, QRectF(right - d, head.top(), d, d)))
                right -= d + BADGE_GAP
    room_right = right + BADGE_GAP - (NOTE_GAP if placed else 0.0)
    small = QFontMetricsF(theme.font(small=True))
    text = label
    if small.horizontalAdvance(text) > room_right - head.left():
        text = small.elidedText(label, Qt.TextElideMode.ElideRight, max(0.0, room_right - head.left()))
    label_w = small.horizontalAdvance(text)
    result = Header(text, QRectF(head.left(), head.top(), max(0.0, room_right - head.left()), head.height()), placed)
    if badges and severity and note:
        bold = QFontMetricsF(theme.font(small=True, bold=True))
        left_limit = head.left() + label_w + NOTE_GAP
        for candidate in (note, note.split()[0]):
            width = bold.horizontalAdvance(candidate)
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
    Line separators (U+2028) and trailing spaces are left out of ``text``.
    """
    layout, _, _ = text_layout(text, theme.font(), rect.width())
    lines = []
    for n in range(layout.lineCount()):
        line = layout.lineAt(n)
        chunk = text[line.textStart():line.textStart() + line.textLength()]
        natural = line.naturalTextRect()
        lines.append(TextLine(chunk.replace("\u2028", "").rstrip(), rect.left() + natural.left(),
                              rect.top() + line.y(), natural.width(), line.ascent(), _is_rtl(chunk)))
    return lines


def _is_rtl(text: str) -> bool:
    """Whether the first strong character of ``text`` is right-to-left (Unicode bidi classes R and AL)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False
