"""Where boxes go when a map is drawn: saved positions, or a fresh layout.

The layout engine (:func:`argmap.layout.auto_layout`) is used when present;
until then, or if it fails, statements without a place go on a simple grid
below the placed ones, so a map is always drawable.
"""

from __future__ import annotations

from collections import defaultdict

from argmap.model import ArgumentMap, Position

GRID_GAP = 40.0
LAYER_GAP = 70.0


def resolve_positions(amap: ArgumentMap, sizes: dict[str, tuple[float, float]], layout: str = "keep",
                      positions: dict[str, Position] | None = None) -> dict[str, Position]:
    """The centre of every statement in ``sizes``.

    Parameters
    ----------
    amap : ArgumentMap
        The map.
    sizes : dict
        id → (width, height) of the statements to place.
    layout : {"keep", "auto"}
        "keep" uses saved (or given) positions and lays out only the
        statements that have none; "auto" lays out everything.
    positions : dict, optional
        Positions that override the saved ones (e.g. the canvas's items).
    """
    given = dict(positions or {})
    placed: dict[str, Position] = {}
    if layout != "auto":
        for sid in sizes:
            pos = given.get(sid) or amap.statements[sid].position
            if pos is not None:
                placed[sid] = pos
    missing = [sid for sid in sizes if sid not in placed]
    if not missing:
        return placed
    only = None if len(missing) == len(sizes) else set(missing)
    laid = _engine_layout(amap, sizes, only)
    if laid is None or any(sid not in laid for sid in missing):
        laid = _layered(amap, missing, sizes, placed)
    placed.update({sid: laid[sid] for sid in missing})
    return placed


def _engine_layout(amap: ArgumentMap, sizes: dict, only: set[str] | None) -> dict[str, Position] | None:
    try:
        from argmap.layout import auto_layout
    except ImportError:
        return None
    try:
        if len(sizes) != len(amap.statements):
            return None  # the engine lays out whole maps; a scoped drawing uses the grid
        return auto_layout(amap, sizes, only=only)
    except Exception:  # noqa: BLE001 - a failing engine must not stop an export; the grid takes over
        return None


def _children(amap: ArgumentMap, idset: set[str]) -> dict[str, list[str]]:
    """Statement → the statements drawn under it (its premises and attackers)."""
    kids: dict[str, list[str]] = defaultdict(list)
    for inf in amap.inferences.values():
        if inf.conclusion in idset:
            kids[inf.conclusion] += [p for p in inf.premises if p in idset]
    for con in amap.conflicts.values():
        target = con.target
        if target in amap.inferences:
            target = amap.inferences[target].conclusion
        if target in idset:
            kids[target] += [a for a in con.attackers if a in idset]
    return kids


def _layered(amap: ArgumentMap, ids: list[str], sizes: dict[str, tuple[float, float]],
             placed: dict[str, Position]) -> dict[str, Position]:
    """A simple tree layout (conclusions above premises), below what is already placed.

    The stand-in for the layout engine: depth-first, children before parents,
    each parent centred over its children, each layer filled left to right.
    """
    idset = set(ids)
    kids = _children(amap, idset)
    below = {k for sid in ids for k in kids.get(sid, ())}
    roots = [sid for sid in ids if sid not in below] + [sid for sid in ids if sid in below]
    depth: dict[str, int] = {}
    x: dict[str, float] = {}
    cursor: dict[int, float] = defaultdict(float)
    for root in roots:
        if root in depth:
            continue
        _place_tree(root, kids, sizes, depth, x, cursor)
    heights: dict[int, float] = defaultdict(float)
    for sid, d in depth.items():
        heights[d] = max(heights[d], sizes[sid][1])
    top = max((p.y + sizes[sid][1] / 2 for sid, p in placed.items()), default=-LAYER_GAP) + LAYER_GAP
    layer_y = {}
    for d in sorted(heights):
        layer_y[d] = top + heights[d] / 2
        top += heights[d] + LAYER_GAP
    return {sid: Position(x[sid], layer_y[depth[sid]]) for sid in ids}


def _place_tree(root: str, kids: dict[str, list[str]], sizes: dict, depth: dict, x: dict, cursor: dict) -> None:
    """Place the tree under ``root`` (iteratively: maps can be deep)."""
    depth[root] = 0
    stack = [(root, False)]
    while stack:
        sid, done = stack.pop()
        d = depth[sid]
        if not done:
            stack.append((sid, True))
            for k in reversed(kids.get(sid, ())):
                if k not in depth:
                    depth[k] = d + 1
                    stack.append((k, False))
            continue
        mine = [x[k] for k in kids.get(sid, ()) if k in x and depth[k] == d + 1]
        w = sizes[sid][0]
        start = max(cursor[d], cursor[d - 1] if d else 0.0)
        want = (min(mine) + max(mine)) / 2 if mine else start + w / 2
        x[sid] = max(want, cursor[d] + w / 2)
        cursor[d] = x[sid] + w / 2 + GRID_GAP
