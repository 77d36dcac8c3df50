"""The list of a split map's pages, always complete, at the overview's legible label size.

Each row reads "p. N  ‘start of the page's first statement’ (how many
statements)", elided to its column; the pages after the map (the review
comments) close the list. The list fills the overview's column (and the room
the map leaves beside or under it, :func:`argmap.render.overview.overview_board`);
what does not fit goes on list pages right after the overview, in as many
columns as the page holds. A part of the list that goes on elsewhere ends
with "… continued on p. N".
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from argmap.render.branches import reference
from argmap.render.geometry import Drawing
from argmap.render.page_comments import list_shape
from argmap.render.paper import LABEL_PT, SPLIT_BODY_PT, Paper, page_furniture, title_band
from argmap.render.sheet import Caption, Sheet, caption_font
from argmap.render.theme import Theme

LIST_TITLE = "list of pages"
HEADING, CONTINUED = "Pages", "Pages (continued)"
COLUMN_PT = 210.0
"""Narrowest column of the list (points)."""
GAP_PT = 12.0
"""Room between columns (points)."""
STEP = 1.25
"""Line spacing of the list, in line heights."""


@dataclass(frozen=True)
class Slot:
    """A column of the list on a sheet: its top-left and width (scene pixels), how many lines it holds, and the
    heading on its first line ("" for none)."""

    x: float
    y: float
    width: float
    rows: int
    heading: str = ""


def line_step(theme: Theme, px: float) -> float:
    """The distance between two rows of the list at ``px`` (scene pixels)."""
    return QFontMetricsF(caption_font(theme, Caption("", 0, 0, px))).height() * STEP


def page_rows(amap, groups: list[list[str]], first: int, comments: tuple[int, int] | None) -> list[str]:
    """The rows of the list: the map's pages (numbered from ``first``), then ``comments`` (first, last page)."""
    rows = [f"p. {n}  {reference(amap.statements[group[0]]).text} ({len(group)})"
            for n, group in enumerate(groups, start=first)]
    if comments is not None:
        a, b = comments
        rows.append(f"{f'p. {a}' if a == b else f'p. {a}–{b}'}  Review comments")
    return rows


def rows_per_sheet(count: int, first: int, per_page: int) -> list[int]:
    """How many of ``count`` rows each sheet shows: the overview at most ``first``, a list page ``per_page``; a
    sheet the list continues after gives its last row to "… continued on p. N"."""
    per_page = max(per_page, 2)
    out, cap = [], max(first, 0)
    while count > cap:
        shown = max(cap - 1, 0)
        out.append(shown)
        count -= shown
        cap = per_page
    return [*out, count]


def list_page_count(count: int, first: int, theme: Theme, paper: Paper) -> int:
    """How many list pages follow the overview when its columns hold ``first`` of ``count`` rows."""
    return len(rows_per_sheet(count, first, capacity(list_slots(theme, paper)[2]))) - 1


def capacity(slots: list[Slot]) -> int:
    """How many rows of the list ``slots`` hold (headings take a line)."""
    return sum(max(s.rows - bool(s.heading), 0) for s in slots)


def list_slots(theme: Theme, paper: Paper) -> tuple[tuple[float, float], float, list[Slot]]:
    """A list page: its shape (points), points per scene pixel, and its columns (a row left for the heading)."""
    shape = list_shape(paper)
    k = SPLIT_BODY_PT / theme.font_px
    cw, ch = paper.content(shape)
    n = max(1, int((cw + GAP_PT) // (COLUMN_PT + GAP_PT)))
    width = (cw - GAP_PT * (n - 1)) / n
    step = line_step(theme, LABEL_PT / k)
    rows = int(ch / k // step)
    slots = [Slot(j * (width + GAP_PT) / k, 0.0, width / k, rows, "" if j else CONTINUED) for j in range(n)]
    return shape, k, slots


def fill(slots: list[Slot], rows: list[str], px: float, theme: Theme, continued: int | None) -> list[Caption]:
    """``rows`` down ``slots`` in turn, each elided to its column; "… continued on p. N" last when given."""
    metrics = QFontMetricsF(caption_font(theme, Caption("", 0, 0, px)))
    step = metrics.height() * STEP
    texts = rows + ([f"… continued on p. {continued}"] if continued is not None else [])
    out, k = [], 0
    for slot in slots:
        if k == len(texts):
            break
        if slot.heading:
            out.append(Caption(slot.heading, slot.x, slot.y, px, bold=True, role="contents"))
        for row in range(bool(slot.heading), slot.rows):
            if k == len(texts):
                break
            text = _elided(texts[k], metrics, slot.width)
            out.append(Caption(text, slot.x, slot.y + row * step, px, role="contents"))
            k += 1
    return out


def _elided(text: str, metrics: QFontMetricsF, width: float) -> str:
    """``text`` cut to ``width`` with "…", keeping its last word when that is the count, "(12)"."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    head, _, count = text.rpartition(" ")
    if not (head and count.startswith("(") and count.endswith(")") and count[1:-1].isdigit()):
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    tail = " " + count
    return metrics.elidedText(head, Qt.TextElideMode.ElideRight, max(width - metrics.horizontalAdvance(tail), 0)) + tail


def list_sheets(parts: list[list[str]], theme: Theme, paper: Paper, background, badges, title: str, first: int,
                total: int, footer: str) -> list[Sheet]:
    """The list pages (numbered from ``first``, of ``total``), one per part of the rows."""
    shape, k, slots = list_slots(theme, paper)
    m = paper.margin_pt
    cw, ch = paper.content(shape)
    px = LABEL_PT / k
    sheets = []
    for n, rows in enumerate(parts, start=first):
        area = QRectF(0, 0, cw / k, ch / k)
        frame = QRectF(-m / k, -(m + title_band()) / k, shape[0] / k, shape[1] / k)
        sheet = Sheet(Drawing(bounds=area), theme, frame, background, badges, number=n, title=LIST_TITLE,
                      pt_per_px=k, paper_pt=shape)
        more = n + 1 if n < first + len(parts) - 1 else None
        sheet.captions = page_furniture(frame, k, paper, title, LIST_TITLE, n, total, footer, theme)
        sheet.captions += fill(slots, rows, px, theme, more)
        sheets.append(sheet)
    return sheets
