"""The overview page of a split map: the whole map small, each part marked with its page, and the page list.

The boxes carry no text here (it could not be read at this size); the page
labels (:mod:`argmap.render.overview_labels`), the legend and the list of
pages (:mod:`argmap.render.page_list`) are printed at a legible size. The
legend and the list share a column on the right; when the list is longer
than the column, it goes on in the room the map leaves beside or under it,
then on list pages right after the overview.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

from argmap.render.legend import legend_size, shows_proposals, shows_tradecraft
from argmap.render.overview_labels import caption_rect, page_labels
from argmap.render.page_list import (
    COLUMN_PT,
    CONTINUED,
    GAP_PT,
    HEADING,
    Slot,
    capacity,
    fill,
    line_step,
    list_page_count,
    list_sheets,
    list_slots,
    page_rows,
    rows_per_sheet,
)
from argmap.render.paper import (
    LABEL_PT,
    MAX_PT_PER_PX,
    SPLIT_BODY_PT,
    page_furniture,
    title_band,
    without_markers,
)
from argmap.render.sheet import Sheet
from argmap.render.theme import Theme


@dataclass(frozen=True)
class Board:
    """Where things go on the overview (scene pixels of the whole map).

    Attributes
    ----------
    shape : (float, float)
        The page in points.
    k : float
        Points per scene pixel.
    frame : QRectF
        The page.
    legend_at : QPointF, optional
        Top-left of the legend (None: no legend).
    legend_scale : float
        The legend's size relative to the map.
    slots : list of Slot
        The list's columns on this page, in reading order.
    room : QRectF
        Where the page labels may go: left of the column(s) beside the map, inside the margins.
    """

    shape: tuple[float, float]
    k: float
    frame: QRectF
    legend_at: QPointF | None
    legend_scale: float
    slots: list[Slot]
    room: QRectF


def overview_board(whole, theme: Theme, paper, badges: bool, legend: bool, rows: int) -> Board:
    """The overview's geometry for a list of ``rows`` rows (the map's pages, and the comments' when any)."""
    extent = whole.bounds
    shape = _shape(extent, paper)
    cw, ch = paper.content(shape)
    legend_w, legend_h = legend_size(theme, badges, True, shows_tradecraft(whole), shows_proposals(whole))
    col = min(max(COLUMN_PT, legend_w * SPLIT_BODY_PT / theme.font_px + 8), 0.4 * cw)
    map_w = cw - col - GAP_PT
    k = min(map_w / max(extent.width(), 1.0), ch / max(extent.height(), 1.0), MAX_PT_PER_PX)
    m, top = paper.margin_pt, paper.margin_pt + title_band()
    step = line_step(theme, LABEL_PT / k) * k
    y = top + (legend_h * SPLIT_BODY_PT / theme.font_px + GAP_PT if legend else 0.0)
    columns = [(m + cw - col, y, col, int((top + ch - y) // step), HEADING)]
    spare_w, pad = map_w - extent.width() * k, (map_w - extent.width() * k) / 2
    right = m + cw - col - GAP_PT / 2
    more, full = rows - columns[0][3] + 1, int(ch // step)
    more += 1 if more > 0 else 0  # the heading of the columns that continue the list
    if more > 0 and spare_w >= col + GAP_PT:  # beside the map (which moves left)
        used = min(int(spare_w // (col + GAP_PT)), -(-more // max(full, 1)))
        columns += [(m + cw - col - j * (col + GAP_PT), top, col, full, CONTINUED if j == used else "")
                    for j in range(used, 0, -1)]
        pad = (spare_w - used * (col + GAP_PT)) / 2
        right -= used * (col + GAP_PT)
    elif more > 0:  # under the map
        below = top + extent.height() * k + GAP_PT
        deep = int((top + ch - below) // step)
        if deep >= 3:
            across = min(int((map_w + GAP_PT) // (col + GAP_PT)), -(-more // deep))
            columns += [(m + j * (col + GAP_PT), below, col, deep, "" if j else CONTINUED) for j in range(across)]
    frame = QRectF(extent.left() - (m + pad) / k, extent.top() - top / k, shape[0] / k, shape[1] / k)
    at = lambda x, y: QPointF(frame.left() + x / k, frame.top() + y / k)  # noqa: E731 - page points to scene
    slots = [Slot(at(x, y).x(), at(x, y).y(), w / k, max(n, 0), head) for x, y, w, n, head in columns]
    room = QRectF(at(m, m), at(right, shape[1] - m))
    return Board(shape, k, frame, at(m + cw - col, top) if legend else None, SPLIT_BODY_PT / theme.font_px / k,
                 slots, room)


def first_map_page(board: Board, rows: int, theme: Theme, paper) -> int:
    """The number of the split map's first page: 2, or after the list pages the overview needs."""
    return 2 + list_page_count(rows, capacity(board.slots), theme, paper)


def overview(board: Board, whole, theme: Theme, paper, amap, groups, page_of, background, badges, title: str,
             total: int, footer: str, comments: tuple[int, int] | None = None) -> list[Sheet]:
    """Page 1 of a split map (see the module docstring), then the list pages it needs.

    ``page_of`` numbers the map's pages (``groups``) from :func:`first_map_page` on; ``comments`` is the
    first and last page of the review comments after the map, when there are any.
    """
    first = page_of[groups[0][0]] if groups else 2
    parts = _parts(page_rows(amap, groups, first, comments), board, theme, paper)
    k, frame = board.k, board.frame
    sheet = Sheet(without_markers(whole), theme, frame, background, badges, skeleton=True, number=1,
                  title="overview", pt_per_px=k, paper_pt=board.shape)
    sheet.captions = page_furniture(frame, k, paper, title, f"overview: the map on {len(groups)} pages", 1, total,
                                    footer, theme)
    obstacles = []
    if board.legend_at is not None:
        sheet.legend_at, sheet.legend_scale, sheet.legend_refs = board.legend_at, board.legend_scale, True
        w, h = legend_size(theme, badges, True, shows_tradecraft(whole), shows_proposals(whole))
        obstacles.append(QRectF(board.legend_at.x(), board.legend_at.y(), w * board.legend_scale,
                                h * board.legend_scale))
    px = LABEL_PT / k
    contents = fill(board.slots, parts[0], px, theme, 2 if len(parts) > 1 else None)
    obstacles += [caption_rect(c, theme) for c in sheet.captions + contents]
    labels, _ = page_labels({sid: box.rect for sid, box in whole.boxes.items()}, page_of, px, theme, board.room,
                            obstacles)
    sheet.captions += contents + labels
    return [sheet, *list_sheets(parts[1:], theme, paper, background, badges, title, 2, total, footer)]


def _parts(rows: list[str], board: Board, theme: Theme, paper) -> list[list[str]]:
    """``rows`` cut into the overview's share and each list page's (:func:`~argmap.render.page_list.rows_per_sheet`)."""
    counts = rows_per_sheet(len(rows), capacity(board.slots), capacity(list_slots(theme, paper)[2]))
    starts = [sum(counts[:j]) for j in range(len(counts))]
    return [rows[a:a + n] for a, n in zip(starts, counts)]


def _shape(extent: QRectF, paper) -> tuple[float, float]:
    shapes = paper.shapes()
    if len(shapes) == 1:
        return shapes[0]
    wide = extent.width() >= extent.height()
    return next((s for s in shapes if (s[0] >= s[1]) == wide), shapes[0])
