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

from argmap.layout.curves import smooth
from argmap.layout.grid import Rect, RectGrid, grow, meet, union
from argmap.layout.segments import (
    EPS,
    Point,
    SortedRects,
    blocked,
    inside_any,
    meets_band,
    run_inside,
    seg_rect,
    shrunk,
)

STRAIGHT_MARGIN = 4.0
"""A straight edge stays straight while it keeps this many px from every other box."""
MARGINS = (10.0, 5.0, 2.0, 0.5)
"""Clearances tried in turn for a routed edge (smaller ones only where boxes stand closer)."""
ARRIVE = 32.0
"""Straight run before an arrowhead when there is room (the arrow and its "+"/"−" marker sit on it)."""
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
    region = grow(seg_rect(p, q), STRAIGHT_MARGIN)
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
                return Route(smooth(found, grid, end.box is not None), True, grow(region, REGION_PAD), tuple(parts))
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
            if run_inside(p, q, (r[0] + 0.25, r[1] + 0.25, r[2] - 0.25, r[3] - 0.25)) > EPS:
                return False
        elif r[0] - m < area[2] and area[0] < r[2] + m and r[1] - m < area[3] and area[1] < r[3] + m \
                and run_inside(p, q, (r[0] - m, r[1] - m, r[2] + m, r[3] + m)) > EPS:
            return False
    return True


def _stub(e: End, length: float) -> Point:
    return (e.point[0] + e.normal[0] * length, e.point[1] + e.normal[1] * length)


def _attempt(start: End, end: End, grid: RectGrid, margin: float, arrive: float):
    """A path at one clearance: (points or None, the rectangle looked at, why not: see :func:`_search`)."""
    s = _stub(start, margin + 2.0) if start.box else start.point
    t = _stub(end, arrive) if end.box else end.point
    looked = seg_rect(s, t)
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
        for key in grid.near(grow(seg_rect(a, b), margin)):
            if key != box and run_inside(a, b, shrunk(grow(rects[key], margin))) > EPS:
                return None, grow(union(looked, seg_rect(a, b)), margin), "blocked"
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
        return None, grow(seg_rect(s, t), reach), "crowded", cells
    inside = sorted((k for k in grid.near_segment(s, t, reach) if run_inside(s, t, grow(rects[k], reach)) > 0),
                    key=lambda k: (rects[k], k))
    if len(inside) > MAX_OBSTACLES:
        return None, grow(seg_rect(s, t), reach), "crowded", cells
    grown = [grow(rects[k], margin) for k in inside]
    # Every corner lies within ``reach`` plus a grown box's size of the line, so every segment between
    # corners lies in that band too (it is convex): no box outside it can block one.
    widest = max((max(r[2] - r[0], r[3] - r[1]) for r in grown), default=0.0)
    band = (s, t, max(grid.cell + 1.0, reach + widest + margin + 2.0))
    hull = seg_rect(s, t)
    for r in grown:
        hull = union(hull, r)
    seen = union(grow(hull, margin), grow(seg_rect(s, t), reach))  # a box entering the corridor counts
    # Only boxes meeting the band can block a segment between corners.
    blockers = SortedRects([shrunk(grow(rects[k], margin)) for k in grid.near_segment(s, t, band[2])
                            if meet(rects[k], seen) and meets_band(band, rects[k])])
    if inside_any(s, blockers) or inside_any(t, blockers):
        return None, seen, "blocked", band
    nodes: list[Point] = [s, t]
    signs: list[tuple[float, float] | None] = [None, None]
    for x0, y0, x1, y1 in grown:
        for c, sign in (((x0, y0), (1, 1)), ((x1, y0), (-1, 1)), ((x0, y1), (1, -1)), ((x1, y1), (-1, -1))):
            if not inside_any(c, blockers):
                nodes.append(c)
                signs.append(sign)
    return _astar(nodes, signs, blockers), seen, "", band


def _astar(nodes: list[Point], signs: list, blockers: RectGrid) -> list[Point] | None:
    """Shortest path from ``nodes[0]`` to ``nodes[1]`` over the visibility graph of ``nodes``.

    Lazy: a step to a node is pushed without looking at the boxes, and
    checked against them only when it comes off the heap (the cheapest way
    there). Most steps never do, which is what makes a search among many
    corners cheap; the path found is the same as checking every step first.
    """
    goal = nodes[1]
    parent: dict[int, int] = {}
    done: set[int] = set()
    heap = [(math.dist(nodes[0], goal), 0.0, 0, 0, -1)]
    pushed = 0
    while heap:
        _, cost, u, _, frm = heapq.heappop(heap)
        if u in done:
            continue
        if frm >= 0:
            if blocked(nodes[frm], nodes[u], blockers):
                continue
            parent[u] = frm
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
            if not (_wraps(pu, pv, signs[v]) and _wraps(pv, pu, signs[u])):
                continue
            step = cost + math.dist(pu, pv) + (BEND_COST if v != 1 else 0.0)
            pushed += 1
            heapq.heappush(heap, (step + math.dist(pv, goal), step, v, pushed, u))
    return None


def _wraps(frm: Point, corner: Point, sign) -> bool:
    """Whether a path from ``frm`` can bend around ``corner`` (the box lies in the quadrant ``sign``)."""
    if sign is None:
        return True
    return (frm[0] - corner[0]) * sign[0] * (frm[1] - corner[1]) * sign[1] <= 0.0


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

