"""Segments against rectangles: the small geometry the router and its smoothing share (pure Python).

Rectangles are ``(left, top, right, bottom)``; "inside" is always strict, so
a segment running along a border, or touching a corner, is not inside.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

from argmap.layout.grid import Rect, RectGrid, grow

Point = tuple[float, float]

EPS = 1e-3
"""Lengths below this (px) count as zero."""


def clip(p: Point, q: Point, r: Rect, strict: bool = False) -> tuple[float, float] | None:
    """The part of segment ``pq`` in rectangle ``r`` as parameters ``(t0, t1)`` along it (Liang–Barsky).

    None when the segment misses ``r``. ``strict``: the border does not count
    (a segment along it, or one touching ``r`` at a single point, misses).
    """
    dx, dy = q[0] - p[0], q[1] - p[1]
    t0, t1 = 0.0, 1.0
    for pp, qq in ((-dx, p[0] - r[0]), (dx, r[2] - p[0]), (-dy, p[1] - r[1]), (dy, r[3] - p[1])):
        if pp == 0:
            if qq < 0 or (strict and qq == 0):
                return None
            continue
        t = qq / pp
        if pp < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1 or (strict and t0 == t1):
            return None
    return t0, t1


def meets_band(part: tuple, r: Rect) -> bool:
    """Whether rectangle ``r`` comes within ``pad`` of the segment of ``part`` = (p, q, pad)."""
    p, q, pad = part
    g = (r[0] - pad, r[1] - pad, r[2] + pad, r[3] + pad)
    if p == q:
        return g[0] <= p[0] <= g[2] and g[1] <= p[1] <= g[3]
    return clip(p, q, g) is not None


class SortedRects:
    """A few rectangles sorted along one axis, for "which of them can meet this segment?" questions.

    The axis is the longer side of what they cover together (a search band along a line), so a
    segment's span on it, found by bisection, leaves only the rectangles beside it to check.
    """

    def __init__(self, rects: list[Rect]):
        xs = [r[2] for r in rects] + [r[0] for r in rects]
        ys = [r[3] for r in rects] + [r[1] for r in rects]
        wide = not rects or max(xs) - min(xs) >= max(ys) - min(ys)
        self.axis = 0 if wide else 1
        a = self.axis
        self.rects = sorted(rects, key=lambda r: r[a])
        self.starts = [r[a] for r in self.rects]
        self.longest = max((r[a + 2] - r[a] for r in self.rects), default=0.0)

    def beside(self, lo: float, hi: float) -> list[Rect]:
        """The rectangles whose span on the axis can meet [lo, hi] (a superset)."""
        i = bisect_left(self.starts, lo - self.longest)
        j = bisect_right(self.starts, hi)
        return self.rects[i:j]


def inside_any(p: Point, blockers: RectGrid | SortedRects) -> bool:
    """Whether ``p`` lies strictly inside a rectangle of ``blockers``."""
    if isinstance(blockers, RectGrid):
        rects = blockers.rects
        found = (rects[k] for k in blockers.near((p[0], p[1], p[0], p[1])))
    else:
        found = blockers.beside(p[blockers.axis], p[blockers.axis])
    return any(r[0] < p[0] < r[2] and r[1] < p[1] < r[3] for r in found)


def blocked(p: Point, q: Point, blockers: RectGrid | SortedRects) -> bool:
    """Whether segment pq runs through the inside of a rectangle of ``blockers``."""
    lo_x, hi_x = (p[0], q[0]) if p[0] < q[0] else (q[0], p[0])
    lo_y, hi_y = (p[1], q[1]) if p[1] < q[1] else (q[1], p[1])
    if isinstance(blockers, RectGrid):
        rects = blockers.rects
        found = (rects[k] for k in blockers.near_segment(p, q))
    elif blockers.axis == 0:
        found = blockers.beside(lo_x, hi_x)
    else:
        found = blockers.beside(lo_y, hi_y)
    for r in found:
        if r[0] >= hi_x or r[2] <= lo_x or r[1] >= hi_y or r[3] <= lo_y:
            continue
        if run_inside(p, q, r) > EPS:
            return True
    return False


def shrunk(r: Rect) -> Rect:
    return grow(r, -EPS)


def run_inside(p: Point, q: Point, r: Rect) -> float:
    """Length of the part of segment ``pq`` strictly inside ``r`` (Liang–Barsky)."""
    if r[0] >= r[2] or r[1] >= r[3]:
        return 0.0
    span = clip(p, q, r, strict=True)
    return 0.0 if span is None else (span[1] - span[0]) * math.hypot(q[0] - p[0], q[1] - p[1])


def seg_rect(p: Point, q: Point) -> Rect:
    x0, x1 = (p[0], q[0]) if p[0] < q[0] else (q[0], p[0])
    y0, y1 = (p[1], q[1]) if p[1] < q[1] else (q[1], p[1])
    return (x0, y0, x1, y1)

