"""Curves of a routed edge: rounding its corners into Bézier arcs, and flattening it to measure (pure Python).

A routed path is a polyline through box corners. :func:`smooth` turns it
into a cubic Bézier chain ``p0, c1, c2, p1, …`` whose rounded corners are
checked against the boxes (made smaller, or left sharp, when one would
touch a box); :func:`flatten` cuts such a chain back into the polyline that
is measured.
"""

from __future__ import annotations

import math

from argmap.layout.grid import RectGrid, grow
from argmap.layout.segments import EPS, Point, blocked

ARROW_ROOM = 22.0
"""Part of the arrival run that the rounded corner before it must leave straight."""
FILLET = 18.0
"""Largest radius of a rounded corner (px)."""


def smooth(path: list[Point], grid: RectGrid, arrow: bool) -> list[Point]:
    """A Bézier chain through ``path`` with rounded corners that clear every box."""
    pts = _simplify(path)
    chain = [pts[0]]
    cursor = pts[0]
    for i in range(1, len(pts) - 1):
        a, v, b = pts[i - 1], pts[i], pts[i + 1]
        radius = min(FILLET, 0.45 * math.dist(a, v), 0.45 * math.dist(v, b))
        if arrow and i == len(pts) - 2:
            radius = min(radius, max(0.0, math.dist(v, b) - ARROW_ROOM))
        arc = _fillet(a, v, b, radius, grid)
        _line(chain, cursor, arc[0])
        chain += arc[1:]
        cursor = arc[-1]
    _line(chain, cursor, pts[-1])
    return chain


def _line(chain: list[Point], a: Point, b: Point) -> None:
    """Append the straight piece a → b (controls on its ends, so the end tangent is the line)."""
    if a != b:
        chain += [a, b, b]


def _fillet(a: Point, v: Point, b: Point, radius: float, grid: RectGrid) -> list[Point]:
    """[start, c1, c2, end] of a rounded corner at ``v`` (or [v] when even a small one would touch a box)."""
    for r in (radius, radius / 2):
        if r < 1.0:
            break
        u1 = _toward(v, a, r)
        u2 = _toward(v, b, r)
        c1 = (u1[0] + (v[0] - u1[0]) * 0.55, u1[1] + (v[1] - u1[1]) * 0.55)
        c2 = (u2[0] + (v[0] - u2[0]) * 0.55, u2[1] + (v[1] - u2[1]) * 0.55)
        if _arc_clear(u1, c1, c2, u2, grid):
            return [u1, c1, c2, u2]
    return [v]


def _arc_clear(p0: Point, c1: Point, c2: Point, p1: Point, grid: RectGrid) -> bool:
    pts = bezier_points(p0, c1, c2, p1, 8)
    rects = grid.rects
    hull = (min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts), max(p[1] for p in pts))
    near = RectGrid()
    for k in grid.near(grow(hull, 2.0)):
        near.put(k, grow(rects[k], 1.0))
    return not any(blocked(u, w, near) for u, w in zip(pts, pts[1:]))


def _toward(v: Point, a: Point, r: float) -> Point:
    d = math.dist(v, a)
    return (v[0] + (a[0] - v[0]) * r / d, v[1] + (a[1] - v[1]) * r / d)


def _simplify(path: list[Point]) -> list[Point]:
    """Drop repeated points and points on a straight line between their neighbours."""
    out: list[Point] = []
    for p in path:
        if out and math.dist(out[-1], p) < EPS:
            continue
        while len(out) >= 2 and _collinear(out[-2], out[-1], p):
            out.pop()
        out.append(p)
    return out


def _collinear(a: Point, b: Point, c: Point) -> bool:
    cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    dot = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1])
    return abs(cross) < 1e-6 * max(1.0, math.dist(a, c)) and dot > 0



def flatten(points: list[Point], curved: bool, steps: int = 8, whole_straights: bool = False) -> list[Point]:
    """The line as a polyline, as it is measured: each Bézier segment cut into ``steps`` pieces.

    This is how ``../shared/tools/picture_quality.py`` reads curves too. With
    ``whole_straights`` a segment whose controls lie on its chord stays one
    piece: fewer pieces for a search that counts crossings many times (a
    crossing right next to a touching end may then count differently).
    """
    if not curved or not points:
        return list(points)
    out = [points[0]]
    for k in range(1, len(points) - 2, 3):
        p0, c1, c2, p1 = points[k - 1], points[k], points[k + 1], points[k + 2]
        if whole_straights and on_chord(p0, c1, p1) and on_chord(p0, c2, p1):
            out.append(p1)
        else:
            out += bezier_points(p0, c1, c2, p1, steps)[1:]
    return out


def on_chord(a: Point, c: Point, b: Point) -> bool:
    """Whether ``c`` lies on segment ``ab`` (within a thousandth of a pixel)."""
    cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    if abs(cross) > 1e-3 * max(1.0, math.dist(a, b)):
        return False
    dot = (c[0] - a[0]) * (b[0] - a[0]) + (c[1] - a[1]) * (b[1] - a[1])
    return -1e-6 <= dot <= (b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2 + 1e-6


def bezier_points(p0: Point, c1: Point, c2: Point, p1: Point, steps: int) -> list[Point]:
    pts = [p0]
    for n in range(1, steps + 1):
        t = n / steps
        s = 1 - t
        a, b, c, d = s * s * s, 3 * s * s * t, 3 * s * t * t, t * t * t
        pts.append((a * p0[0] + b * c1[0] + c * c2[0] + d * p1[0], a * p0[1] + b * c1[1] + c * c2[1] + d * p1[1]))
    return pts
