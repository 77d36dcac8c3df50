"""Automatic layout of a whole map or of one branch, keeping pinned statements still."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from argmap.layout.dot import VARIANTS, dot_layout
from argmap.layout.edges import routed_quality
from argmap.layout.graph import DEFAULT_SIZE, H_GAP, RANK_GAP, build_graph, descendants
from argmap.layout.metrics import box
from argmap.layout.place import nearest_free_offset, occupancy_of
from argmap.layout.refine import TRIALS, fewer_crossings
from argmap.layout.tidy import tidy_layout
from argmap.model import ArgumentMap, Position

DOT_LIMIT = 600
"""``engine="auto"`` uses ``dot`` up to this many statements, the fast engine above (``dot`` takes about
0.2 s at 1,000 statements, the tidy engine and the router together about a tenth of that)."""
BEST_OF_LIMIT = 600
"""Up to this many statements ``engine="auto"`` draws several candidates (``dot``'s variants and the
tidy engine), routes their edges as they will be drawn, and keeps the one with the fewest crossings
once refined."""
ALL_VARIANTS_LIMIT = 200
"""Up to this many statements every ``dot`` variant is a candidate, given in document order and in
reverse; above, only the first two variants, in document order."""
REFINE_SLACK = 2
"""Candidates with at most this many crossings more than the best are refined too ..."""
REFINED = 4
"""... at most this many of them (a neighbour exchange can save a crossing or two on a small map)."""
ENGINES = ("auto", "dot", "fast")


def auto_layout(amap: ArgumentMap, sizes: Mapping, *, engine: str = "auto",
                only: Collection[str] | None = None) -> dict[str, Position]:
    """Lay out ``amap``: conclusions above premises, nothing overlapping, pinned statements kept.

    Parameters
    ----------
    amap : ArgumentMap
        The map; it is not changed.
    sizes : mapping
        Statement id -> (width, height) of its box in px; missing ids get a default size.
    engine : {"auto", "dot", "fast"}
        ``"dot"`` is Graphviz (best on tangled maps, about 0.2 s per 1,000 statements), ``"fast"`` the
        tidy-tree engine (milliseconds, as good on tree-like maps). ``"auto"``, up to
        :data:`BEST_OF_LIMIT` statements, lays out :func:`candidates` (``dot``'s variants and the tidy
        engine), routes each as it will be drawn, refines those with the fewest crossings
        (:func:`argmap.layout.refine.fewer_crossings`) and keeps the best; above :data:`DOT_LIMIT` it
        uses the fast engine.
    only : collection of str, optional
        Lay out just this branch: these statements and everything under them (their premises and
        attackers, recursively). The branch keeps its top where it is, or goes under its parent when it
        has no position, and moves sideways if it would overlap the rest, which does not move.

    Returns
    -------
    dict
        Statement id -> :class:`~argmap.model.Position` (box centre, y downwards) for every statement,
        or, with ``only``, for every statement of the branch. Pinned statements that have a position
        keep it exactly.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown layout engine {engine!r}: use one of {', '.join(ENGINES)}")
    if only is not None:
        return _layout_branch(amap, sizes, engine, only)
    centres = _run(amap, sizes, engine, keep=None)
    fixed = _pinned(amap)
    if not fixed:
        return _aligned(amap, centres)
    return _with_pins(amap, sizes, centres, fixed)


def _run(amap, sizes, engine, keep) -> dict[str, tuple[float, float]]:
    graph = build_graph(amap, sizes, keep=keep)
    count = len(graph.statements)
    if engine == "auto" and keep is None and count <= BEST_OF_LIMIT:
        return _fewer_crossings(amap, sizes, graph)
    use_dot = engine == "dot" or (engine == "auto" and count <= DOT_LIMIT)
    centres = dot_layout(graph) if use_dot else tidy_layout(graph)
    return {sid: centres[sid] for sid in graph.statements}


def candidates(graph) -> list:
    """The layouts ``engine="auto"`` chooses from for ``graph``, in order of preference on a tie."""
    count = len(graph.statements)
    if count > ALL_VARIANTS_LIMIT:
        return [lambda g, v=v: dot_layout(g, v) for v in range(2)] + [tidy_layout]
    tries = [(v, reverse) for reverse in (False, True) for v in range(len(VARIANTS))]
    return [lambda g, v=v, r=r: dot_layout(g, v, r) for v, r in tries] + [tidy_layout]


def _fewer_crossings(amap, sizes, graph) -> dict[str, tuple[float, float]]:
    """The candidate whose routed drawing has the fewest edge crossings once refined (the first on a tie).

    Candidates that come out the same are tried once. Those within :data:`REFINE_SLACK` crossings of the
    best (at most :data:`REFINED` of them, best first) are refined (the best with up to
    :data:`~argmap.layout.refine.TRIALS` exchanges, the others with a third of that each)
    (:func:`argmap.layout.refine.fewer_crossings`) and measured again; the best candidate as laid out
    stays in the running, so refining never makes the result worse.
    """
    sized = {k: sizes.get(k, DEFAULT_SIZE) for k in graph.statements}
    scored, seen = [], set()
    for n, layout in enumerate(candidates(graph)):
        centres = layout(graph)
        centres = {sid: centres[sid] for sid in graph.statements}
        key = tuple((round(x, 3), round(y, 3)) for x, y in centres.values())
        if key in seen:
            continue
        seen.add(key)
        scored.append((_crossings(amap, sized, centres), n, centres))
    scored.sort(key=lambda c: c[:2])
    best_count, best_n, best = scored[0]
    if best_count == 0:
        return best
    pool = [c for c in scored if c[0] <= best_count + REFINE_SLACK][:REFINED]
    for rank, (_, n, centres) in enumerate(pool):
        refined, _ = fewer_crossings(amap, sized, centres, trials=TRIALS if rank == 0 else TRIALS // 3)
        count = _crossings(amap, sized, refined)
        if (count, n) < (best_count, best_n):
            best_count, best_n, best = count, n, refined
    return best


def _crossings(amap, sizes, centres) -> int:
    rects = {k: box(Position(x, y), sizes[k]) for k, (x, y) in centres.items()}
    return routed_quality(amap, rects).crossings


def _pinned(amap: ArgumentMap) -> dict[str, Position]:
    return {s.id: s.position for s in amap.statements.values() if s.pinned and s.position is not None}


def _aligned(amap: ArgumentMap, centres: dict) -> dict[str, Position]:
    """Move the drawing so that its top-left corner stays where the map's top-left centre was."""
    old = [s.position for s in amap.statements.values() if s.position is not None]
    if not old or not centres:
        return {k: Position(x, y) for k, (x, y) in centres.items()}
    dx = min(p.x for p in old) - min(x for x, _ in centres.values())
    dy = min(p.y for p in old) - min(y for _, y in centres.values())
    return {k: Position(x + dx, y + dy) for k, (x, y) in centres.items()}


def _with_pins(amap, sizes, centres, fixed) -> dict[str, Position]:
    """Align the drawing on the first pinned statement, then push loose boxes off the pinned ones."""
    first = next(iter(fixed))
    dx, dy = fixed[first].x - centres[first][0], fixed[first].y - centres[first][1]
    occ = occupancy_of(amap, sizes, skip=set(amap.statements) - set(fixed))
    out = dict(fixed)
    loose = sorted((k for k in centres if k not in fixed), key=lambda k: (centres[k][1], centres[k][0]))
    for sid in loose:
        w, h = sizes.get(sid, DEFAULT_SIZE)
        x, y = centres[sid][0] + dx, centres[sid][1] + dy
        rect = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
        if not occ.is_free(rect):
            ox, oy = nearest_free_offset(occ, [rect], (w + H_GAP) / 2)
            x, y = x + ox, y + oy
            rect = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
        occ.add(rect)
        out[sid] = Position(x, y)
    return {k: out[k] for k in centres}


def _layout_branch(amap, sizes, engine, only) -> dict[str, Position]:
    starts = [s for s in amap.statements if s in set(only)]
    graph = build_graph(amap, sizes)
    branch = descendants(graph, starts)
    fixed = {k: p for k, p in _pinned(amap).items() if k in branch}
    movable = [s for s in branch if s not in fixed]
    if not movable:
        return dict(fixed)
    centres = _run(amap, sizes, "fast" if engine == "auto" and len(movable) > DOT_LIMIT else engine,
                   keep=set(movable))
    ax, ay = _anchor(amap, sizes, graph, movable, centres)
    occ = occupancy_of(amap, sizes, skip=set(movable))
    rects = [box(Position(x + ax, y + ay), sizes.get(k, DEFAULT_SIZE)) for k, (x, y) in centres.items()]
    width = max(r[2] for r in rects) - min(r[0] for r in rects)
    ox, oy = nearest_free_offset(occ, rects, max(H_GAP * 4, width / 8))
    out = {k: Position(x + ax + ox, y + ay + oy) for k, (x, y) in centres.items()}
    out.update(fixed)
    return {k: out[k] for k in branch}


def _anchor(amap, sizes, graph, movable, centres) -> tuple[float, float]:
    """Offset that puts the branch's top statement where it is, or under its parent, or right of the map."""
    top = next((s for s in movable if not any(up in centres for up in _ups(graph, s))), movable[0])
    own = amap.statements[top].position
    if own is not None:
        return own.x - centres[top][0], own.y - centres[top][1]
    parent = _placed_parent(amap, graph, top)
    if parent is not None:
        p = amap.statements[parent].position
        ph = sizes.get(parent, DEFAULT_SIZE)[1]
        h = sizes.get(top, DEFAULT_SIZE)[1]
        return p.x - centres[top][0], p.y + ph / 2 + RANK_GAP + h / 2 - centres[top][1]
    placed = [s for s in amap.statements.values() if s.position is not None and s.id not in centres]
    if not placed:
        return 0.0, 0.0
    right = max(s.position.x + sizes.get(s.id, DEFAULT_SIZE)[0] / 2 for s in placed)
    return right + 2 * H_GAP - min(x - sizes.get(k, DEFAULT_SIZE)[0] / 2 for k, (x, _) in centres.items()), 0.0


def _ups(graph, sid) -> list[str]:
    """Statements directly above ``sid``, looking through junctions."""
    out = []
    for p in graph.parents[sid]:
        out.extend(_ups(graph, p) if graph.is_junction(p) else [p])
    return out


def _placed_parent(amap, graph, sid) -> str | None:
    """The first statement above ``sid`` that has a position."""
    return next((up for up in _ups(graph, sid) if amap.statements[up].position is not None), None)
