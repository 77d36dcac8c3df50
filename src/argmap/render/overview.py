"""The overview page of a split map: the whole map small, each box marked with its page, and the page list.

The boxes carry no text here (it could not be read at this size); every
label, the legend and the list of pages are printed at a legible size.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from argmap.render.branches import reference
from argmap.render.legend import legend_size, shows_proposals, shows_tradecraft
from argmap.render.paper import (
    LABEL_PT,
    MAX_PT_PER_PX,
    SPLIT_BODY_PT,
    page_furniture,
    title_band,
    without_markers,
)
from argmap.render.sheet import Caption, Sheet, caption_font
from argmap.render.theme import Theme

COLUMN_PT = 210.0
"""Width of the column holding the legend and the list of pages (at most 40 % of the page)."""
GAP_PT = 12.0


def overview(whole, theme: Theme, paper, groups, page_of, amap, background, badges, legend, title, total,
             footer) -> Sheet:
    """Page 1 of a split map (see the module docstring)."""
    extent = whole.bounds
    shape = _shape(extent, paper)
    cw, ch = paper.content(shape)
    graded, proposed = shows_tradecraft(whole), shows_proposals(whole)
    legend_w = legend_size(theme, badges, True, graded, proposed)[0]
    col = min(max(COLUMN_PT, legend_w * SPLIT_BODY_PT / theme.font_px + 8), 0.4 * cw)
    map_w = cw - col - GAP_PT
    k = min(map_w / max(extent.width(), 1.0), ch / max(extent.height(), 1.0), MAX_PT_PER_PX)
    m = paper.margin_pt
    left = extent.left() - (m + (map_w - extent.width() * k) / 2) / k
    top = extent.top() - (m + title_band()) / k
    frame = QRectF(left, top, shape[0] / k, shape[1] / k)
    sheet = Sheet(without_markers(whole), theme, frame, background, badges, skeleton=True, number=1,
                  title="overview", pt_per_px=k, paper_pt=shape)
    sheet.captions = page_furniture(frame, k, paper, title, f"overview: the map on {len(groups)} pages", 1, total,
                                    footer, theme)
    sheet.captions += _box_labels(whole, page_of, k, LABEL_PT, theme)
    x0 = frame.left() + (m + cw - col) / k
    y = frame.top() + (m + title_band()) / k
    if legend:
        scale = SPLIT_BODY_PT / theme.font_px / k
        sheet.legend_at = QPointF(x0, y)
        sheet.legend_scale = scale
        sheet.legend_refs = True
        y += (legend_size(theme, badges, True, graded, proposed)[1] * scale) + GAP_PT / k
    bottom = frame.top() + (m + title_band() + ch) / k
    sheet.captions += _contents(amap, groups, x0, y, bottom, col / k, k, LABEL_PT, theme, total)
    return sheet


def _shape(extent: QRectF, paper) -> tuple[float, float]:
    shapes = paper.shapes()
    if len(shapes) == 1:
        return shapes[0]
    wide = extent.width() >= extent.height()
    return next((s for s in shapes if (s[0] >= s[1]) == wide), shapes[0])


def _box_labels(whole, page_of, k: float, label_pt: float, theme: Theme) -> list[Caption]:
    """The page number of every box: in the box where it fits, just above it where it does not."""
    px = label_pt / k
    probe = Caption("", 0, 0, px, bold=True)
    metrics = QFontMetricsF(caption_font(theme, probe))
    out = []
    for sid, box in whole.boxes.items():
        page = page_of.get(sid)
        if page is None:
            continue
        r = box.rect
        text = next((t for t in (f"p. {page}", str(page)) if metrics.horizontalAdvance(t) <= r.width() - 4), None)
        if text is not None and metrics.height() <= r.height() - 2:
            out.append(Caption(text, r.center().x(), r.center().y() - metrics.height() / 2, px, bold=True,
                               anchor="middle", role="overview-label"))
        else:
            out.append(Caption(f"p. {page}", r.center().x(), r.top() - metrics.height() - 2, px, bold=True,
                               anchor="middle", role="overview-label"))
    return out


def _contents(amap, groups, x: float, y: float, bottom: float, width: float, k: float, label_pt: float,
              theme: Theme, total: int = 0) -> list[Caption]:
    """The list of pages: "p. N  ‘start of its first statement’ (statements)", elided to the column; then the
    pages after the map's (``total`` pages in all: the review comments)."""
    px = label_pt / k
    metrics = QFontMetricsF(caption_font(theme, Caption("", 0, 0, px)))
    step = metrics.height() * 1.25
    out = [Caption("Pages", x, y, px, bold=True, role="contents")]
    y += step
    rows = max(0, int((bottom - y) // step))
    for n, group in enumerate(groups, start=2):
        if n - 2 >= rows - 1 and n - 2 < len(groups) - 1:
            out.append(Caption(f"… and {len(groups) - (n - 2)} more pages", x, y, px, role="contents"))
            break
        text = f"p. {n}  {reference(amap.statements[group[0]]).text} ({len(group)})"
        out.append(Caption(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width), x, y, px, role="contents"))
        y += step
    first = len(groups) + 2
    if total >= first:
        pages = f"p. {first}" if total == first else f"p. {first}–{total}"
        out.append(Caption(f"{pages}  Review comments", x, y, px, role="contents"))
    return out
