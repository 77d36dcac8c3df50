"""A uniform grid of rectangles for fast "what is near here?" questions (pure Python).

Keys are any hashable ids; rectangles are ``(left, top, right, bottom)``.
Rectangles can be moved and removed, so the canvas can keep one grid for a
whole editing session.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable

Rect = tuple[float, float, float, float]

_EMPTY: frozenset = frozenset()
_PAD = 1e-6
"""Cells are looked up this much beyond a segment, so that one touching a cell border finds that cell too."""

CELL = 160.0
"""Side of a grid cell (px): about one statement box wide, so most boxes cover two to four cells."""


class RectGrid:
    """Rectangles by the grid cells they cover.

    Parameters
    ----------
    cell : float
        Side of a cell in px.
    """

    def __init__(self, cell: float = CELL):
        self.cell = cell
        self.rects: dict[Hashable, Rect] = {}
        self._cells: dict[tuple[int, int], set] = defaultdict(set)
        self._bounds: Rect | None = None
        self._spans: dict = {}
        """Keys put with :meth:`put_along`: the cells they were put in."""

    def __len__(self) -> int:
        return len(self.rects)

    def __contains__(self, key) -> bool:
        return key in self.rects

    def _span(self, r: Rect) -> list[tuple[int, int]]:
        c = self.cell
        x0, x1 = int(r[0] // c), int(r[2] // c) + 1
        y0, y1 = int(r[1] // c), int(r[3] // c) + 1
        if x1 - x0 == 1 and y1 - y0 == 1:
            return [(x0, y0)]
        return [(cx, cy) for cx in range(x0, x1) for cy in range(y0, y1)]

    def put(self, key: Hashable, rect: Rect) -> None:
        """Add ``key`` at ``rect``, or move it there."""
        if key in self.rects:
            self.remove(key)
        self.rects[key] = rect
        if self._bounds is not None:
            self._bounds = union(self._bounds, rect)
        cells = self._cells
        for cell in self._span(rect):
            cells[cell].add(key)

    def put_along(self, key: Hashable, rect: Rect, segments) -> None:
        """Add ``key`` with bounding box ``rect``, in the cells within ``pad`` of each ``(p, q, pad)`` only.

        A long diagonal band then takes the cells it passes, not every cell of its bounding box.
        """
        if key in self.rects:
            self.remove(key)
        self.rects[key] = rect
        if self._bounds is not None:
            self._bounds = union(self._bounds, rect)
        cells: set = set()
        for p, q, pad in segments:
            cells.update(self._cells_along(p, q, pad))
        self._spans[key] = cells
        for cell in cells:
            self._cells[cell].add(key)

    def remove(self, key: Hashable) -> None:
        """Forget ``key`` (no error when it is absent)."""
        rect = self.rects.pop(key, None)
        if rect is None:
            return
        self._bounds = None
        span = self._spans.pop(key, None)
        for cell in span if span is not None else self._span(rect):
            members = self._cells.get(cell)
            if members is not None:
                members.discard(key)
                if not members:
                    del self._cells[cell]

    def near(self, r: Rect) -> set:
        """Keys whose cells meet the cells of ``r`` (a superset of the rectangles meeting ``r``); do not change it."""
        cells = self._cells
        span = self._span(r)
        if len(span) == 1:
            return cells.get(span[0], _EMPTY)
        found: set = set()
        for cell in span:
            members = cells.get(cell)
            if members:
                found |= members
        return found

    def near_segment(self, p: tuple[float, float], q: tuple[float, float], pad: float = 0.0) -> set:
        """Keys in the cells within ``pad`` of the segment ``pq`` (a superset of the rectangles that near).

        Walks the segment column by column, so a long diagonal costs its
        length in cells, not the area of its bounding box.
        """
        cells = self._cells
        found: set = set()
        for cell in self._cells_along(p, q, pad):
            members = cells.get(cell)
            if members:
                found |= members
        return found

    def _cells_along(self, p, q, pad: float) -> list[tuple[int, int]]:
        c = self.cell
        e = max(_PAD, pad)
        (x0, y0), (x1, y1) = (p, q) if p[0] <= q[0] else (q, p)
        cx0, cx1 = int((x0 - e) // c), int((x1 + e) // c)
        if cx1 - cx0 <= 1 or x1 - x0 < c:  # narrow in x: the bounding box is as good
            return self._span((x0 - e, min(y0, y1) - e, x1 + e, max(y0, y1) + e))
        out = []
        slope = (y1 - y0) / (x1 - x0)
        for cx in range(cx0, cx1 + 1):
            xa, xb = max(x0, cx * c - e), min(x1, (cx + 1) * c + e)
            ya, yb = y0 + (xa - x0) * slope, y0 + (xb - x0) * slope
            lo, hi = (ya, yb) if ya <= yb else (yb, ya)
            out += [(cx, cy) for cy in range(int((lo - e) // c), int((hi + e) // c) + 1)]
        return out

    def meeting(self, r: Rect) -> list:
        """Keys whose rectangles meet ``r`` (touching counts), in a stable order (by rectangle, then key).

        Keys must be comparable with each other (strings, or tuples of them).
        """
        rects = self.rects
        hits = [k for k in self.near(r) if _meet(rects[k], r)]
        hits.sort(key=lambda k: (rects[k], k))
        return hits

    def bounds(self) -> Rect | None:
        """The rectangle covering every rectangle in the grid (None when empty)."""
        if not self.rects:
            return None
        if self._bounds is None:
            rs = self.rects.values()
            self._bounds = (min(r[0] for r in rs), min(r[1] for r in rs), max(r[2] for r in rs),
                            max(r[3] for r in rs))
        return self._bounds


def _meet(a: Rect, b: Rect) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def meet(a: Rect, b: Rect) -> bool:
    """Whether rectangles ``a`` and ``b`` share a point (touching counts)."""
    return _meet(a, b)


def grow(r: Rect, by: float) -> Rect:
    """``r`` grown by ``by`` px on every side."""
    return (r[0] - by, r[1] - by, r[2] + by, r[3] + by)


def union(a: Rect | None, b: Rect) -> Rect:
    """The smallest rectangle covering ``a`` and ``b`` (``a`` may be None)."""
    if a is None:
        return b
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
