"""The fonts and font metrics of a theme, made once per theme (exports use them for every box).

``Theme.font`` builds a copy on each call, and a new QFontMetricsF costs
as much again; for thousands of boxes that adds up. A FontSet is kept per
theme object (by identity, with the theme held so its id is never reused).
The fonts here are shared: never change them (``Theme.font`` gives copies to change).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from argmap.render.measure import badge_diameter, header_height
from argmap.render.theme import Theme

_SETS: dict[int, tuple[Theme, FontSet]] = {}
MAX_SETS = 64


@dataclass(frozen=True)
class FontSet:
    """Body, small and small bold fonts of a theme, with their metrics."""

    body: QFont
    small: QFont
    small_bold: QFont
    body_metrics: QFontMetricsF
    small_metrics: QFontMetricsF
    small_bold_metrics: QFontMetricsF
    badge: float
    header_h: float
    theme: Theme
    fragments: dict = field(default_factory=dict, compare=False)
    """Pieces a writer made once for this theme and reuses (e.g. an SVG badge), by the writer's key."""

    def regions(self, rect: QRectF) -> tuple[QRectF, QRectF]:
        """``measure.box_regions(rect, theme)``, without hashing the theme (a test keeps the two equal)."""
        t = self.theme
        left, top = rect.left() + t.padding_x, rect.top() + t.padding_y
        width = rect.width() - 2 * t.padding_x
        below = self.header_h + t.header_gap
        body_h = max(0.0, rect.height() - 2 * t.padding_y - below)
        return QRectF(left, top, width, self.header_h), QRectF(left, top + below, width, body_h)


def fonts_of(theme: Theme) -> FontSet:
    """The :class:`FontSet` of ``theme`` (made on first use)."""
    hit = _SETS.get(id(theme))
    if hit is not None and hit[0] is theme:
        return hit[1]
    body, small, bold = theme.font(), theme.font(small=True), theme.font(small=True, bold=True)
    found = FontSet(body, small, bold, QFontMetricsF(body), QFontMetricsF(small), QFontMetricsF(bold),
                    badge_diameter(theme), header_height(theme), theme)
    if len(_SETS) >= MAX_SETS:
        _SETS.clear()
    _SETS[id(theme)] = (theme, found)
    return found
