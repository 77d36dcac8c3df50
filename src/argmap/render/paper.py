"""Paper: page sizes, the room a page leaves for the map, and what every page carries (title, number, footer)."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace as copy_with

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from argmap.render.geometry import Drawing
from argmap.render.sheet import Caption, caption_font
from argmap.render.theme import Theme

MIN_BODY_PT = 7.0
"""Body text is never printed smaller than this on a named page (unless one page is asked for)."""
SPLIT_BODY_PT = 7.5
"""Body text size of the pages of a split map (a little over the minimum, so rounding never takes it under)."""
MAX_PT_PER_PX = 0.75
"""A page never enlarges a map beyond its natural size (13 px body text = 9.75 pt)."""
TITLE_PT, FOOTER_PT, LABEL_PT = 10.0, 7.5, 8.0
"""Printed sizes of page titles, page footers and overview labels."""
MIN_PAGE_TEXT_WIDTH = 110
"""Narrowest text column of a box on a split page (px)."""
PAGE_TEXT_WIDTH = 180
"""Widest text column of a box on a split page (px; 220 elsewhere): more boxes to a row of the page."""
PAPERS = {"a4": (595.28, 841.89), "letter": (612.0, 792.0), "a3": (841.89, 1190.55)}
"""Paper sizes in points, portrait."""


@dataclass(frozen=True)
class Paper:
    """A page size in points, its margin and orientation ("auto" picks per page)."""

    name: str
    width_pt: float
    height_pt: float
    margin_pt: float = 18.0
    orientation: str = "auto"

    def shapes(self) -> list[tuple[float, float]]:
        """The (width, height) the page may take: landscape and/or portrait."""
        short, long = sorted((self.width_pt, self.height_pt))
        if self.orientation == "portrait":
            return [(short, long)]
        if self.orientation == "landscape":
            return [(long, short)]
        if self.orientation == "fixed":
            return [(self.width_pt, self.height_pt)]
        return [(long, short), (short, long)]

    def content(self, shape: tuple[float, float]) -> tuple[float, float]:
        """Room for the map on a page of ``shape`` (points): margins, title and footer taken off."""
        w, h = shape
        return w - 2 * self.margin_pt, h - 2 * self.margin_pt - title_band() - footer_band()


def named_paper(name: str, orientation: str = "auto", margin_pt: float = 18.0) -> Paper:
    """The :class:`Paper` for "A4", "Letter" or "A3" (any case)."""
    w, h = PAPERS[name.lower()]
    return Paper({"a4": "A4", "letter": "Letter", "a3": "A3"}[name.lower()], w, h, margin_pt, orientation)


def title_band() -> float:
    return TITLE_PT * 1.3 + 6.0


def footer_band() -> float:
    return FOOTER_PT * 1.3 + 4.0


def best_fit(extent: QRectF, paper: Paper) -> tuple[float, tuple[float, float]]:
    """The largest points-per-pixel (at most natural size) at which ``extent`` fits a page, and that page."""
    best = (0.0, paper.shapes()[0])
    for shape in paper.shapes():
        cw, ch = paper.content(shape)
        k = min(cw / max(extent.width(), 1.0), ch / max(extent.height(), 1.0), MAX_PT_PER_PX)
        if k > best[0] + 1e-9:
            best = (k, shape)
    return best


def page_furniture(frame: QRectF, k: float, paper: Paper, title: str, page_title: str, number: int, total: int,
               footer: str, theme: Theme) -> list[Caption]:
    """Title (elided to leave room for the page number), page number and footer of a page."""
    m = paper.margin_pt / k
    head = title if not page_title else (f"{title} — {page_title}" if title else page_title)
    out = []
    room = frame.width() - 2 * m
    if total > 1:
        number_caption = Caption(f"p. {number} of {total}", frame.right() - m, frame.top() + m, TITLE_PT / k,
                                 anchor="end", role="page-number")
        out.append(number_caption)
        room -= _width(number_caption, theme) + 12 / k
    heading = Caption(head or "Argument map", frame.left() + m, frame.top() + m, TITLE_PT / k, bold=True,
                      role="page-title")
    out.insert(0, _elided(heading, room, theme))
    if footer:
        line = Caption(footer, frame.left() + m, frame.bottom() - m - FOOTER_PT * 1.3 / k, FOOTER_PT / k,
                       role="page-footer")
        out.append(_elided(line, frame.width() - 2 * m, theme))
    return out


def _width(caption: Caption, theme: Theme) -> float:
    return QFontMetricsF(caption_font(theme, caption)).horizontalAdvance(caption.text)


def _elided(caption: Caption, width: float, theme: Theme) -> Caption:
    metrics = QFontMetricsF(caption_font(theme, caption))
    if metrics.horizontalAdvance(caption.text) <= width:
        return caption
    return copy_with(caption, text=metrics.elidedText(caption.text, Qt.TextElideMode.ElideRight, max(width, 0.0)))


def without_markers(drawing: Drawing) -> Drawing:
    """A copy of ``drawing`` whose edges carry no "+"/"−" circles (too small to read on an overview)."""
    return copy_with(drawing, edges=[copy_with(e, marker="") for e in drawing.edges])
