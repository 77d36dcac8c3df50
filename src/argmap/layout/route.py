"""Routing one edge around statement boxes (pure Python, no Qt).

An edge goes straight from port to port when that line keeps
:data:`STRAIGHT_MARGIN` px from every box. Otherwise it leaves its box
perpendicularly (a short stub), takes the shortest path through the corners
of the boxes grown by a clearance (a visibility graph searched with A*, only
over corners the path can wrap around, with a small cost per bend so that
of two nearly equal paths the calmer one wins; first among the boxes near
the straight line, then in a wider corridor) and arrives perpendicularly
with a straight run long enough for the arrowhead and its marker. Corners
are rounded into cubic Bézier arcs that are checked against the boxes.

What a route depends on is recorded as its ``region``: a box that does not
meet the region (before or after it moves) cannot change the route, which
is what lets the canvas re-route only the edges an edit touches.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass

from argmap.layout.grid import Rect, RectGrid, grow, union

Point = tuple[float, float]

STRAIGHT_MARGIN = 4.0
"""A straight edge stays straight while it keeps this many px from every other box."""
MARGINS = (10.0, 5.0, 2.0, 0.5)
"""Clearances tried in turn for a routed edge (smaller ones only where boxes stand closer)."""
ARRIVE = 32.0
"""Straight run before an arrowhead when there is room (the arrow and its "+"/"−" marker sit on it)."""
ARROW_ROOM = 22.0
"""Part of the arrival run that the rounded corner before it must leave straight."""
FILLET = 18.0
"""Largest radius of a rounded corner (px)."""
BEND_COST = 12.0
"""Extra length a bend costs in the search (fewer bends win over a few px of length)."""
CORRIDOR = 120.0
"""The search first looks at boxes within this many px of the straight line, then three times as far, …"""
WIDENINGS = 4
"""… up to 120 · 3³ = 3,240 px (a fixed count, so that a route never depends on far-away boxes)."""
MAX_OBSTACLES = 24
"""A corridor holding more boxes than this is not searched: the edge (one crossing a big map) is drawn
straight. The visibility search costs about the square of the corners it looks at; without a bound a
single edge across 2,000 statements took a tenth of a second per try."""
REGION_PAD = MARGINS[0] + 1.0
"""A route's region is grown by this much so that a box's raw rectangle can be tested against it."""
_EPS = 1e-3


@dataclass
class Route:
    """One routed edge.

    Attributes
    ----------
    points : list of (x, y)
        A two-point straight line (``curved`` false), or a cubic Bézier chain
        ``p0, c1, c2, p1, …`` (``curved`` true).
    curved : bool
    region : (left, top, right, bottom)
        Boxes that do not meet this rectangle did not decide the route.
    """

    points: list[Point]
    curved: bool
    region: Rect
    parts: tuple = ()
    """When not empty, ``(p, q, pad)`` segments: only boxes that come within ``pad`` of one of them
    (and meet ``region``) can change the route. A straight or long edge then depends on a thin band
    around it, not on the whole rectangle it spans."""


@dataclass(frozen=True)
class End:
    """One end of an edge: a point and, on a box border, the box and the outward normal."""

    point: Point
    box: str | None = None
    normal: Point = (0.0, 0.0)


def route(start: End, end: End, grid: RectGrid) -> Route:
    """The line from ``start`` to ``end`` (an arrow arrives at ``end``) around the boxes of ``grid``.

    Parameters
    ----------
    start, end : End
        The ends; a box end's own box is never entered.
    grid : RectGrid
        Every statement box, by id.

    Returns
    -------
    Route
    """
    p, q = start.point, end.point
    region = grow(_seg_rect(p, q), STRAIGHT_MARGIN)
    band = (p, q, STRAIGHT_MARGIN + 0.5)
    if _straight_ok(p, q, grid, region, start.box, end.box):
        return Route([p, q], False, grow(region, REGION_PAD), (band,))
    parts = [band]
    for margin in MARGINS:
        for arrive in (ARRIVE, margin + 2.0):
            found, looked, why, bands = _attempt(start, end, grid, margin, arrive)
            region = union(region, looked)
            parts += bands
            if found is not None:
                return Route(_smooth(found, grid, end.box is not None), True, grow(region, REGION_PAD), tuple(parts))
            if why.endswith("crowded"):  # a long edge across a crowd of boxes: no clearance makes that cheap
                return Route([p, q], False, grow(region, REGION_PAD), tuple(parts))
            if arrive <= margin + 2.0 or end.box is None:
                break
    return Route([p, q], False, grow(region, REGION_PAD), tuple(parts))  # nothing better: boxes touch


def _straight_ok(p: Point, q: Point, grid: RectGrid, area: Rect, a: str | None, b: str | None) -> bool:
    """Whether segment pq keeps :data:`STRAIGHT_MARGIN` from every box but its own two (which it must not enter)."""
    rects = grid.rects
    m = STRAIGHT_MARGIN
    for key in grid.near_segment(p, q, m):
        r = rects[key]
        if key == a or key == b:
            if _run_inside(p, q, (r[0] + 0.25, r[1] + 0.25, r[2] - 0.25, r[3] - 0.25)) > _EPS:
                return False
        elif r[0] - m < area[2] and area[0] < r[2] + m and r[1] - m < area[3] and area[1] < r[3] + m \
                and _run_inside(p, q, (r[0] - m, r[1] - m, r[2] + m, r[3] + m)) > _EPS:
            return False
    return True


def _stub(e: End, length: float) -> Point:
    return (e.point[0] + e.normal[0] * length, e.point[1] + e.normal[1] * length)


def _attempt(start: End, end: End, grid: RectGrid, margin: float, arrive: float):
    """A path at one clearance: (points or None, the rectangle looked at, why not: see :func:`_search`)."""
    s = _stub(start, margin + 2.0) if start.box else start.point
    t = _stub(end, arrive) if end.box else end.point
    looked = _seg_rect(s, t)
    bands = [(start.point, s, margin + 0.5), (end.point, t, margin + 0.5)]
    found, looked, why = _attempt_from(start, end, s, t, grid, margin, looked, bands)
    return found, looked, why, bands


def _attempt_from(start: End, end: End, s: Point, t: Point, grid: RectGrid, margin: float, looked: Rect,
                  bands: list):
    """The stubs checked, then corridors ever wider (:data:`WIDENINGS` of them) searched from s to t.

    The bands of what each search looked at are added to ``bands``.
    """
    rects = grid.rects
    stubs = [(start.point, s, start.box), (end.point, t, end.box)]
    for a, b, box in stubs:
        for key in grid.near(grow(_seg_rect(a, b), margin)):
            if key != box and _run_inside(a, b, _shrunk(grow(rects[key], margin))) > _EPS:
                return None, grow(union(looked, _seg_rect(a, b)), margin), "blocked"
    width = CORRIDOR
    for n in range(WIDENINGS):
        path, seen, why, band = _search(s, t, grid, margin, width)
        looked = union(looked, seen)
        bands.append(band)
        if path is not None:
            head = [start.point] if start.box else []
            tail = [end.point] if end.box else []
            return head + path + tail, looked, ""
        if why:
            return None, looked, why if n == 0 else "late " + why
        width *= 3
    return None, looked, "no way"


def meets_band(part: tuple, r: Rect) -> bool:
    """Whether rectangle ``r`` comes within ``pad`` of the segment of ``part`` = (p, q, pad)."""
    p, q, pad = part
    g = (r[0] - pad, r[1] - pad, r[2] + pad, r[3] + pad)
    if p == q:
        return g[0] <= p[0] <= g[2] and g[1] <= p[1] <= g[3]
    dx, dy = q[0] - p[0], q[1] - p[1]
    t0, t1 = 0.0, 1.0
    for pp, qq in ((-dx, p[0] - g[0]), (dx, g[2] - p[0]), (-dy, p[1] - g[1]), (dy, g[3] - p[1])):
        if pp == 0:
            if qq < 0:
                return False
            continue
        t = qq / pp
        if pp < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def _covers(a: Rect, b: Rect) -> bool:
    return a[0] <= b[0] and a[1] <= b[1] and a[2] >= b[2] and a[3] >= b[3]


def _search(s: Point, t: Point, grid: RectGrid, margin: float, width: float):
    """Shortest path s → t bending only at corners of the grown boxes within ``width`` of the line s–t.

    Returns (path or None, the rectangle looked at, why a wider corridor cannot help, the band of
    boxes that decided it). Why: "blocked" when
    s or t itself is inside a grown box, "crowded" when the line passes more than twice
    :data:`MAX_OBSTACLES` boxes in its own cells or the corridor holds more than
    :data:`MAX_OBSTACLES` (nothing is searched then); "" when it might).
    """
    rects = grid.rects
    reach = margin + width
    cells = (s, t, grid.cell + 1.0)  # every box in a cell the line passes comes this close to it
    if len(grid.near_segment(s, t)) > 2 * MAX_OBSTACLES:  # cheap first look along the line itself
        return None, grow(_seg_rect(s, t), reach), "crowded", cells
    inside = sorted((k for k in grid.near_segment(s, t, reach) if _run_inside(s, t, grow(rects[k], reach)) > 0),
                    key=lambda k: (rects[k], k))
    if len(inside) > MAX_OBSTACLES:
        return None, grow(_seg_rect(s, t), reach), "crowded", cells
    grown = [grow(rects[k], margin) for k in inside]
    # Every corner lies within ``reach`` plus a grown box's size of the line, so every segment between
    # corners lies in that band too (it is convex): no box outside it can block one.
    widest = max((max(r[2] - r[0], r[3] - r[1]) for r in grown), default=0.0)
    band = (s, t, max(grid.cell + 1.0, reach + widest + margin + 2.0))
    hull = _seg_rect(s, t)
    for r in grown:
        hull = union(hull, r)
    seen = union(grow(hull, margin), grow(_seg_rect(s, t), reach))  # a box entering the corridor counts
    blockers = RectGrid()
    for k in grid.meeting(seen):
        blockers.put(k, _shrunk(grow(rects[k], margin)))
    if _inside_any(s, blockers) or _inside_any(t, blockers):
        return None, seen, "blocked", band
    nodes: list[Point] = [s, t]
    signs: list[tuple[float, float] | None] = [None, None]
    for x0, y0, x1, y1 in grown:
        for c, sign in (((x0, y0), (1, 1)), ((x1, y0), (-1, 1)), ((x0, y1), (1, -1)), ((x1, y1), (-1, -1))):
            if not _inside_any(c, blockers):
                nodes.append(c)
                signs.append(sign)
    return _astar(nodes, signs, blockers), seen, "", band


def _astar(nodes: list[Point], signs: list, blockers: RectGrid) -> list[Point] | None:
    goal = nodes[1]
    best = {0: 0.0}
    parent: dict[int, int] = {}
    done: set[int] = set()
    heap = [(math.dist(nodes[0], goal), 0.0, 0)]
    while heap:
        _, cost, u = heapq.heappop(heap)
        if u in done:
            continue
        if u == 1:
            path = [goal]
            while u in parent:
                u = parent[u]
                path.append(nodes[u])
            return path[::-1]
        done.add(u)
        pu = nodes[u]
        for v, pv in enumerate(nodes):
            if v in done or v == u:
                continue
            step = cost + math.dist(pu, pv) + (BEND_COST if v != 1 else 0.0)
            if step >= best.get(v, math.inf):
                continue
            if not (_wraps(pu, pv, signs[v]) and _wraps(pv, pu, signs[u])):
                continue
            if _blocked(pu, pv, blockers):
                continue
            best[v] = step
            parent[v] = u
            heapq.heappush(heap, (step + math.dist(pv, goal), step, v))
    return None


def _wraps(frm: Point, corner: Point, sign) -> bool:
    """Whether a path from ``frm`` can bend around ``corner`` (the box lies in the quadrant ``sign``)."""
    if sign is None:
        return True
    return (frm[0] - corner[0]) * sign[0] * (frm[1] - corner[1]) * sign[1] <= 0.0


def _inside_any(p: Point, blockers: RectGrid) -> bool:
    rects = blockers.rects
    return any(r[0] < p[0] < r[2] and r[1] < p[1] < r[3]
               for r in (rects[k] for k in blockers.near((p[0], p[1], p[0], p[1]))))


def _blocked(p: Point, q: Point, blockers: RectGrid) -> bool:
    """Whether segment pq runs through the inside of a rectangle of ``blockers``."""
    lo_x, hi_x = (p[0], q[0]) if p[0] < q[0] else (q[0], p[0])
    lo_y, hi_y = (p[1], q[1]) if p[1] < q[1] else (q[1], p[1])
    rects = blockers.rects
    for r in (rects[k] for k in blockers.near_segment(p, q)):
        if r[0] >= hi_x or r[2] <= lo_x or r[1] >= hi_y or r[3] <= lo_y:
            continue
        if _run_inside(p, q, r) > _EPS:
            return True
    return False


def _shrunk(r: Rect) -> Rect:
    return grow(r, -_EPS)


def _run_inside(p: Point, q: Point, r: Rect) -> float:
    """Length of the part of segment ``pq`` strictly inside ``r`` (Liang–Barsky)."""
    x0, y0, x1, y1 = r
    if x0 >= x1 or y0 >= y1:
        return 0.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    t0, t1 = 0.0, 1.0
    for pp, qq in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
        if pp == 0:
            if qq <= 0:
                return 0.0
            continue
        t = qq / pp
        if pp < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 >= t1:
            return 0.0
    return (t1 - t0) * math.hypot(dx, dy)


def _seg_rect(p: Point, q: Point) -> Rect:
    x0, x1 = (p[0], q[0]) if p[0] < q[0] else (q[0], p[0])
    y0, y1 = (p[1], q[1]) if p[1] < q[1] else (q[1], p[1])
    return (x0, y0, x1, y1)


# ------------------------------------------------------------------ smoothing
def _smooth(path: list[Point], grid: RectGrid, arrow: bool) -> list[Point]:
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
    pts = _bezier_points(p0, c1, c2, p1, 8)
    rects = grid.rects
    hull = (min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts), max(p[1] for p in pts))
    near = RectGrid()
    for k in grid.near(grow(hull, 2.0)):
        near.put(k, grow(rects[k], 1.0))
    return not any(_blocked(u, w, near) for u, w in zip(pts, pts[1:]))


def _toward(v: Point, a: Point, r: float) -> Point:
    d = math.dist(v, a)
    return (v[0] + (a[0] - v[0]) * r / d, v[1] + (a[1] - v[1]) * r / d)


def _simplify(path: list[Point]) -> list[Point]:
    """Drop repeated points and points on a straight line between their neighbours."""
    out: list[Point] = []
    for p in path:
        if out and math.dist(out[-1], p) < _EPS:
            continue
        while len(out) >= 2 and _collinear(out[-2], out[-1], p):
            out.pop()
        out.append(p)
    return out


def _collinear(a: Point, b: Point, c: Point) -> bool:
    cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    dot = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1])
    return abs(cross) < 1e-6 * max(1.0, math.dist(a, c)) and dot > 0


# ------------------------------------------------------------------ junctions
def free_spot(p: Point, grid: RectGrid, clearance: float, step: float = 6.0,
              rings: int = 20) -> tuple[Point, Rect]:
    """The nearest point to ``p`` that keeps ``clearance`` px from every box, and the rectangle looked at.

    Candidates lie on square rings of a lattice of ``step`` px around ``p``,
    ring by ring, each ring nearest first (vertical moves before sideways
    ones); ``p`` itself when it is free.
    """
    looked = grow((p[0], p[1], p[0], p[1]), clearance)
    if _spot_free(p, grid, clearance):
        return p, looked
    for ring in range(1, rings + 1):
        cands = [(dx, dy) for dx in range(-ring, ring + 1) for dy in range(-ring, ring + 1)
                 if max(abs(dx), abs(dy)) == ring]
        cands.sort(key=lambda d: (d[0] * d[0] + d[1] * d[1], abs(d[0]), d[1], d[0]))
        for dx, dy in cands:
            c = (p[0] + dx * step, p[1] + dy * step)
            looked = union(looked, grow((c[0], c[1], c[0], c[1]), clearance))
            if _spot_free(c, grid, clearance):
                return c, looked
    return p, looked


def _spot_free(p: Point, grid: RectGrid, clearance: float) -> bool:
    area = grow((p[0], p[1], p[0], p[1]), clearance)
    rects = grid.rects
    return not any(r[0] < area[2] and area[0] < r[2] and r[1] < area[3] and area[1] < r[3]
                   for r in (rects[k] for k in grid.near(area)))


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
            out += _bezier_points(p0, c1, c2, p1, steps)[1:]
    return out


def on_chord(a: Point, c: Point, b: Point) -> bool:
    """Whether ``c`` lies on segment ``ab`` (within a thousandth of a pixel)."""
    cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    if abs(cross) > 1e-3 * max(1.0, math.dist(a, b)):
        return False
    dot = (c[0] - a[0]) * (b[0] - a[0]) + (c[1] - a[1]) * (b[1] - a[1])
    return -1e-6 <= dot <= (b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2 + 1e-6


def _bezier_points(p0: Point, c1: Point, c2: Point, p1: Point, steps: int) -> list[Point]:
    pts = [p0]
    for n in range(1, steps + 1):
        t = n / steps
        s = 1 - t
        a, b, c, d = s * s * s, 3 * s * s * t, 3 * s * t * t, t * t * t
        pts.append((a * p0[0] + b * c1[0] + c * c2[0] + d * p1[0], a * p0[1] + b * c1[1] + c * c2[1] + d * p1[1]))
    return pts
