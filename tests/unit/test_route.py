"""Edge routing (layout/route.py, layout/edges.py): no edge through a box, junctions off boxes, incremental = full."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from argmap.layout.curves import flatten
from argmap.layout.edges import EdgeRouter
from argmap.layout.grid import RectGrid
from argmap.layout.quality import picture_quality
from argmap.layout.route import End, route
from argmap.model import ArgumentMap, Conflict, Inference, Statement

GAP = 6.0
"""Random boxes keep at least this much room between them."""


def apart(a, b, gap=GAP) -> bool:
    return a[2] + gap <= b[0] or b[2] + gap <= a[0] or a[3] + gap <= b[1] or b[3] + gap <= a[1]


@st.composite
def boxes(draw, most=14):
    n = draw(st.integers(2, most))
    rects: list = []
    for _ in range(n * 4):
        if len(rects) == n:
            break
        x, y = draw(st.floats(0, 900)), draw(st.floats(0, 700))
        w, h = draw(st.floats(40, 240)), draw(st.floats(24, 120))
        r = (x, y, x + w, y + h)
        if all(apart(r, o) for o in rects):
            rects.append(r)
    assume(len(rects) >= 2)
    return {f"s{i}": r for i, r in enumerate(rects)}


@st.composite
def boxed_maps(draw, most=14):
    rects = draw(boxes(most))
    ids = list(rects)
    amap = ArgumentMap()
    amap.add_all([Statement(sid, "claim", sid) for sid in ids])
    for k in range(draw(st.integers(0, len(ids) + 2))):
        conclusion = draw(st.sampled_from(ids))
        others = [s for s in ids if s != conclusion]
        premises = draw(st.lists(st.sampled_from(others), min_size=1, max_size=min(3, len(others)), unique=True))
        amap.add(Inference(f"i{k}", tuple(premises), conclusion))
    for k in range(draw(st.integers(0, 4))):
        target = draw(st.sampled_from(ids + list(amap.inferences)))
        ends = set(amap.inferences[target].premises) | {amap.inferences[target].conclusion} \
            if target in amap.inferences else {target}
        others = [s for s in ids if s not in ends]
        if not others:
            continue
        attackers = draw(st.lists(st.sampled_from(others), min_size=1, max_size=min(2, len(others)), unique=True))
        amap.add(Conflict(f"k{k}", tuple(attackers), target))
    return amap, rects


def run_inside(p, q, r) -> float:
    """Length of segment pq inside rectangle r (by fine sampling: independent of the router's clipping)."""
    steps = max(1, int(math.dist(p, q) / 0.5))
    inside = 0
    for n in range(steps):
        t = (n + 0.5) / steps
        x, y = p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t
        inside += r[0] < x < r[2] and r[1] < y < r[3]
    return inside * math.dist(p, q) / steps


def shrink(r, by):
    return (r[0] + by, r[1] + by, r[2] - by, r[3] - by)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(boxed_maps())
def test_no_edge_enters_a_box_and_junctions_stay_off_boxes(case):
    amap, rects = case
    router = EdgeRouter(amap, rects)
    for element in router.elements():
        for piece, found in router.pieces(element):
            line = flatten(found.points, found.curved)
            for sid, r in rects.items():
                run = sum(run_inside(p, q, shrink(r, 0.5)) for p, q in zip(line, line[1:]))
                assert run < 1.0, (element, piece, sid, found.points)
            if piece.arrow and piece.dst_box:  # the arrow meets its box's border
                x, y = found.points[-1]
                r = rects[piece.dst]
                assert r[0] - 1e-6 <= x <= r[2] + 1e-6 and r[1] - 1e-6 <= y <= r[3] + 1e-6
                assert min(abs(x - r[0]), abs(x - r[2]), abs(y - r[1]), abs(y - r[3])) < 1e-6
    for element, (x, y) in router.junctions.items():
        assert not any(r[0] < x < r[2] and r[1] < y < r[3] for r in rects.values()), element
    assert picture_quality(rects, router.lines()).through == 0


def state(router: EdgeRouter):
    return router.routes, router.junctions, router.ends


def changed_ids(before: ArgumentMap, after: ArgumentMap) -> set[str]:
    """Ids whose element was added, removed or changed (what a model change event names)."""
    every = {*before.statements, *before.inferences, *before.conflicts, *after.statements, *after.inferences,
             *after.conflicts}
    return {e for e in every if before.get(e) != after.get(e)}


def edit(amap: ArgumentMap, rects: dict, router: EdgeRouter, data) -> None:
    """One random map edit, told to the router as the canvas tells it (ids of what changed)."""
    before = amap.copy()
    choice = data.draw(st.sampled_from(["drop link", "undercut", "drop statement"]))
    gone = {}
    if choice == "drop link" and (amap.inferences or amap.conflicts):
        amap.remove([data.draw(st.sampled_from(sorted((*amap.inferences, *amap.conflicts))))])
    elif choice == "undercut" and amap.inferences:
        inf = amap.inferences[data.draw(st.sampled_from(sorted(amap.inferences)))]
        others = [s for s in amap.statements if s not in inf.premises and s != inf.conclusion]
        if others:
            amap.add(Conflict(amap.new_id("k"), (data.draw(st.sampled_from(others)),), inf.id))
    elif choice == "drop statement" and len(amap.statements) > 2:
        sid = data.draw(st.sampled_from(sorted(amap.statements)))
        amap.remove([sid])
        rects.pop(sid)
        gone = {sid: None}
    router.sync(amap, gone, changed_ids(before, amap))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(boxed_maps(most=10), st.data())
def test_incremental_routes_equal_a_full_route_after_random_moves(case, data):
    amap, rects = case
    router = EdgeRouter(amap, rects)
    rects = dict(rects)
    for _ in range(data.draw(st.integers(1, 8))):
        sid = data.draw(st.sampled_from(sorted(rects)))
        r = rects[sid]
        dx, dy = data.draw(st.floats(-300, 300)), data.draw(st.floats(-300, 300))
        new = (r[0] + dx, r[1] + dy, r[2] + dx, r[3] + dy)
        if all(apart(new, o) for k, o in rects.items() if k != sid):
            rects[sid] = new
            router.move({sid: new})
        if data.draw(st.booleans()):  # now and then the map changes too
            edit(amap, rects, router, data)
        assert state(router) == state(EdgeRouter(amap, rects))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(boxed_maps())
def test_a_router_made_once_routes_as_one_that_follows_changes(case):
    amap, rects = case
    once = EdgeRouter(amap, rects, follow=False)
    assert state(once) == state(EdgeRouter(amap, rects))
    with pytest.raises(RuntimeError, match="follow=False"):
        once.move({next(iter(rects)): (0.0, 0.0, 10.0, 10.0)})
    with pytest.raises(RuntimeError, match="follow=False"):
        once.sync(amap, {})


def test_a_clear_edge_is_straight_and_a_blocked_one_goes_around():
    grid = RectGrid()
    grid.put("a", (0.0, 200.0, 100.0, 240.0))
    grid.put("b", (0.0, 0.0, 100.0, 40.0))
    up = route(End((50.0, 200.0), "a", (0.0, -1.0)), End((50.0, 40.0), "b", (0.0, 1.0)), grid)
    assert up.points == [(50.0, 200.0), (50.0, 40.0)] and not up.curved
    grid.put("wall", (20.0, 100.0, 80.0, 140.0))
    around = route(End((50.0, 200.0), "a", (0.0, -1.0)), End((50.0, 40.0), "b", (0.0, 1.0)), grid)
    assert around.curved
    line = flatten(around.points, True)
    assert sum(run_inside(p, q, (20.0, 100.0, 80.0, 140.0)) for p, q in zip(line, line[1:])) == 0
    assert min(min(abs(x - 20.0), abs(x - 80.0)) for x, y in line if 100 <= y <= 140) >= 5.0  # keeps clear of it
    assert line[-1] == (50.0, 40.0) and line[-2][0] == 50.0  # arrives straight up into the box
    assert (len(around.points) - 1) // 3 <= 9  # five straight pieces and four rounded corners at most


def test_a_route_depends_only_on_boxes_meeting_its_region():
    grid = RectGrid()
    grid.put("a", (0.0, 200.0, 100.0, 240.0))
    grid.put("b", (0.0, 0.0, 100.0, 40.0))
    grid.put("wall", (20.0, 100.0, 80.0, 140.0))
    args = (End((50.0, 200.0), "a", (0.0, -1.0)), End((50.0, 40.0), "b", (0.0, 1.0)))
    first = route(*args, grid)
    far = (first.region[2] + 50, 0.0, first.region[2] + 150, 40.0)
    grid.put("far", far)
    assert route(*args, grid) == first


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(-500, 500), st.floats(-500, 500), st.floats(1, 200), st.floats(1, 200)),
                max_size=30),
       st.tuples(st.floats(-600, 600), st.floats(-600, 600)), st.tuples(st.floats(-600, 600), st.floats(-600, 600)),
       st.sampled_from([0.0, 4.0, 130.0]))
def test_the_cells_along_a_segment_hold_every_rectangle_it_meets(rects, p, q, pad):
    from argmap.layout.segments import run_inside as _run_inside

    grid = RectGrid(cell=64.0)
    for k, (x, y, w, h) in enumerate(rects):
        grid.put(k, (x, y, x + w, y + h))
    e = pad + 1e-9
    hits = {k for k, r in grid.rects.items() if _run_inside(p, q, (r[0] - e, r[1] - e, r[2] + e, r[3] + e)) > 0}
    assert hits <= grid.near_segment(p, q, pad)


rectangles = st.lists(st.tuples(st.floats(-500, 500), st.floats(-500, 500), st.floats(1, 300), st.floats(1, 300)),
                      max_size=40).map(lambda rs: [(x, y, x + w, y + h) for x, y, w, h in rs])
points = st.tuples(st.floats(-600, 600), st.floats(-600, 600))


@settings(max_examples=200, deadline=None)
@given(rectangles, points, points)
def test_sorted_blockers_answer_as_checking_every_rectangle(rects, p, q):
    from argmap.layout.segments import EPS, SortedRects, blocked, inside_any
    from argmap.layout.segments import run_inside as _run_inside

    sorted_rects = SortedRects(rects)
    assert blocked(p, q, sorted_rects) == any(_run_inside(p, q, r) > EPS for r in rects)
    assert inside_any(p, sorted_rects) == any(r[0] < p[0] < r[2] and r[1] < p[1] < r[3] for r in rects)


def _eager_shortest(nodes, signs, blockers):
    """Cost of the shortest path nodes[0] -> nodes[1], every step checked first (Dijkstra)."""
    import heapq

    from argmap.layout.route import BEND_COST, _wraps
    from argmap.layout.segments import blocked

    best, done, heap = {0: 0.0}, set(), [(0.0, 0)]
    while heap:
        cost, u = heapq.heappop(heap)
        if u in done:
            continue
        if u == 1:
            return cost
        done.add(u)
        for v, pv in enumerate(nodes):
            step = cost + math.dist(nodes[u], pv) + (BEND_COST if v != 1 else 0.0)
            if v in done or step >= best.get(v, math.inf):
                continue
            if _wraps(nodes[u], pv, signs[v]) and _wraps(pv, nodes[u], signs[u]) \
                    and not blocked(nodes[u], pv, blockers):
                best[v] = step
                heapq.heappush(heap, (step, v))
    return None


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(boxes(most=10), points, points)
def test_the_lazy_corner_search_finds_a_shortest_path(rects, s, t):
    from argmap.layout.grid import grow
    from argmap.layout.route import BEND_COST, _astar
    from argmap.layout.segments import SortedRects, blocked, inside_any, shrunk

    grown = [grow(r, 5.0) for r in rects.values()]
    blockers = SortedRects([shrunk(r) for r in grown])
    assume(not inside_any(s, blockers) and not inside_any(t, blockers))
    nodes, signs = [s, t], [None, None]
    for x0, y0, x1, y1 in grown:
        for c, sign in (((x0, y0), (1, 1)), ((x1, y0), (-1, 1)), ((x0, y1), (1, -1)), ((x1, y1), (-1, -1))):
            if not inside_any(c, blockers):
                nodes.append(c)
                signs.append(sign)
    path = _astar(nodes, signs, blockers)
    expected = _eager_shortest(nodes, signs, blockers)
    if expected is None:
        assert path is None
        return
    assert path[0] == s and path[-1] == t
    assert not any(blocked(a, b, blockers) for a, b in zip(path, path[1:]))
    cost = sum(math.dist(a, b) for a, b in zip(path, path[1:])) + BEND_COST * (len(path) - 2)
    assert math.isclose(cost, expected, rel_tol=1e-9, abs_tol=1e-6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(boxed_maps(most=12), st.data())
def test_auto_layout_never_overlaps_and_its_routed_drawing_never_goes_through_a_box(case, data):
    from argmap.layout import auto_layout
    from argmap.layout.edges import routed_quality

    amap, _ = case
    sizes = {sid: (data.draw(st.floats(60, 240)), data.draw(st.floats(30, 140))) for sid in amap.statements}
    positions = auto_layout(amap, sizes)
    rects = {sid: (p.x - sizes[sid][0] / 2, p.y - sizes[sid][1] / 2, p.x + sizes[sid][0] / 2, p.y + sizes[sid][1] / 2)
             for sid, p in positions.items()}
    assert all(apart(a, b, 0.0) for i, a in enumerate(rects.values()) for b in list(rects.values())[i + 1:])
    q = routed_quality(amap, rects)
    assert (q.through, q.overlaps) == (0, 0)
