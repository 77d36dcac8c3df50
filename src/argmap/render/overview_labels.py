"""Where the overview of a split map says which page each part of the map is on.

Labels never overlap one another, other text of the page, or a box of
another page, whatever the size of the map:

1. a box big enough for its page number carries it inside ("p. 4", or "4");
2. the other boxes of a page carry it just above them, when every one of
   them can without touching another box or label (a small map looks as it
   always did);
3. otherwise the page is labelled by region: each group of its boxes that
   lie close together gets one "p. N" on or next to one of them (those
   nearest the group's middle tried first), over its own boxes only; each
   page's main group is placed before any page's second one.

A region whose label finds no such place is left unlabelled (on very
crowded overviews); the list of pages still names the page.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from argmap.layout.grid import RectGrid
from argmap.render.sheet import Caption, caption_font, caption_left
from argmap.render.theme import Theme

BOX_ROLE = "overview-label"
"""Caption role of a label that names the page of one box."""
PAGE_ROLE = "overview-page"
"""Caption role of a label that names the page of a region of boxes."""
TRIED_BOXES = 48
"""How many of a page's boxes (nearest its middle) a region label tries to sit on or beside."""


def _hits(grid: RectGrid, r: tuple, page: int | None = None, skip=None) -> bool:
    """Whether ``r`` overlaps a rectangle of ``grid`` (keys ``(id, page)``): of another page than ``page``
    when given, never the one at key ``skip``."""
    rects = grid.rects
    for key in grid.near(r):
        if key == skip or (page is not None and key[1] == page):
            continue
        o = rects[key]
        if r[0] < o[2] and o[0] < r[2] and r[1] < o[3] and o[1] < r[3]:
            return True
    return False


def page_labels(boxes: dict[str, QRectF], page_of: dict[str, int], px: float, theme: Theme, area: QRectF,
                obstacles: list[QRectF]) -> tuple[list[Caption], list[int]]:
    """The labels of an overview (see the module docstring) and the pages left without one.

    Parameters
    ----------
    boxes : dict
        Statement id -> its box on the overview (scene pixels).
    page_of : dict
        Statement id -> the page it is printed on.
    px : float
        Label size in scene pixels (bold).
    theme : Theme
        The font.
    area : QRectF
        Where labels may go (the page inside its margins).
    obstacles : list of QRectF
        Other text of the page (titles, legend, the list of pages) no label may cover.
    """
    metrics = QFontMetricsF(caption_font(theme, Caption("", 0, 0, px, bold=True)))
    h, gap = metrics.height(), 0.15 * metrics.height()
    members: dict[int, list[str]] = defaultdict(list)
    for sid in boxes:
        if sid in page_of:
            members[page_of[sid]].append(sid)
    box_grid, taken = RectGrid(4 * h), RectGrid(4 * h)
    for sid, r in boxes.items():
        box_grid.put((sid, page_of.get(sid)), (r.left(), r.top(), r.right(), r.bottom()))
    for r in obstacles:
        taken.put((len(taken), None), (r.left(), r.top(), r.right(), r.bottom()))
    out: list[Caption] = []

    def place(text: str, r: tuple, role: str) -> None:
        taken.put((len(taken), None), (r[0] - gap, r[1] - gap, r[2] + gap, r[3] + gap))
        out.append(Caption(text, (r[0] + r[2]) / 2, r[1], px, bold=True, anchor="middle", role=role))

    inside_done = set()
    for sid, r in boxes.items():  # 1. inside the box
        page = page_of.get(sid)
        if page is None:
            continue
        text = next((t for t in (f"p. {page}", str(page)) if metrics.horizontalAdvance(t) <= r.width() - 4), None)
        if text is not None and h <= r.height() - 2:
            w = metrics.horizontalAdvance(text)
            place(text, (r.center().x() - w / 2, r.center().y() - h / 2, r.center().x() + w / 2,
                         r.center().y() + h / 2), BOX_ROLE)
            inside_done.add(sid)
    inside = (area.left(), area.top(), area.right(), area.bottom())
    regions = []
    for page, sids in members.items():  # 2. just above each box, all of a page's or none
        text = f"p. {page}"
        w = metrics.horizontalAdvance(text)
        trial = []
        for sid in sids:
            if sid in inside_done:
                continue
            r = boxes[sid]
            rect = (r.center().x() - w / 2, r.top() - h - 2, r.center().x() + w / 2, r.top() - 2, None)
            if (not _within(rect, inside) or _hits(box_grid, rect, skip=(sid, page)) or _hits(taken, rect)
                    or any(_overlap(rect, t, gap) for t in trial)):
                break
            trial.append(rect)
        else:
            for rect in trial:
                place(text, rect, BOX_ROLE)
            continue
        regions.append(page)
    clusters = []
    for page in regions:
        parts = sorted(_clusters([boxes[s] for s in members[page]], h), key=len, reverse=True)
        clusters += [(rank, -len(part), page, part) for rank, part in enumerate(parts)]
    clusters.sort(key=lambda c: c[:3])  # every page's main region first, the biggest first; then the others
    labelled = set()
    for _, _, page, part in clusters:  # 3. each region of the page
        text = f"p. {page}"
        w = metrics.horizontalAdvance(text)
        spot = next((r for r in _spots(part, w, h, gap)
                     if _within(r, inside) and not _hits(box_grid, r, page) and not _hits(taken, r)), None)
        if spot is not None:
            place(text, spot, PAGE_ROLE)
            labelled.add(page)
    return out, sorted(set(regions) - labelled)


def _clusters(rects: list[QRectF], reach: float) -> list[list[QRectF]]:
    """``rects`` grouped into regions: two boxes less than ``reach`` apart are in one region."""
    parent = list(range(len(rects)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    grown = [r.adjusted(-reach / 2, -reach / 2, reach / 2, reach / 2) for r in rects]
    for i, a in enumerate(grown):
        for j in range(i + 1, len(grown)):
            if a.intersects(grown[j]):
                parent[root(i)] = root(j)
    parts: dict[int, list[QRectF]] = defaultdict(list)
    for i, r in enumerate(rects):
        parts[root(i)].append(r)
    return list(parts.values())


def _spots(rects: list[QRectF], w: float, h: float, gap: float):
    """Places for a ``w`` × ``h`` label of a region of boxes: on the middle of them, then on or beside each box,
    nearest the middle first."""
    cx = sum(r.center().x() for r in rects) / len(rects)
    cy = sum(r.center().y() for r in rects) / len(rects)
    middle = QRectF(cx - w / 2, cy - h / 2, w, h)
    if any(middle.intersects(r.adjusted(-h, -h, h, h)) for r in rects):  # not in the void between two branches
        yield cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, None
    near = sorted(rects, key=lambda r: (r.center().x() - cx) ** 2 + (r.center().y() - cy) ** 2)[:TRIED_BOXES]
    for r in near:
        y = r.center().y()
        for left in (r.center().x() - w / 2, r.left(), r.right() - w):  # centred on the box, or flush with a side
            for top in (y - h / 2, r.top() - h - gap, r.bottom() + gap):
                yield left, top, left + w, top + h, None
        yield r.left() - w - gap, y - h / 2, r.left() - gap, y + h / 2, None
        yield r.right() + gap, y - h / 2, r.right() + gap + w, y + h / 2, None


def _within(r: tuple, area: tuple) -> bool:
    return r[0] >= area[0] and r[1] >= area[1] and r[2] <= area[2] and r[3] <= area[3]


def _overlap(a: tuple, b: tuple, gap: float) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def caption_rect(caption: Caption, theme: Theme) -> QRectF:
    """The rectangle a caption's text takes (scene pixels): its advance by the font's line height."""
    metrics = QFontMetricsF(caption_font(theme, caption))
    w = metrics.horizontalAdvance(caption.text)
    return QRectF(caption_left(caption, w), caption.y, w, metrics.height())
