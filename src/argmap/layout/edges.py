"""The edges of a drawn map: which lines there are, where they meet boxes, and their routes.

One code path for the canvas and every export. :func:`structure` says what
is drawn for each inference and conflict (a :class:`Piece` per line: legs of
linked premises into their junction, the arrow out of it, undercuts aimed at
the junction of the inference they attack). :class:`EdgeRouter` places the
junctions (never inside or against a box), spreads the ends that share a
side of a box along it, and routes every piece around the boxes
(:mod:`argmap.layout.route`). It keeps what it computed, and after boxes
move or the map changes it recomputes only what the change can reach:

1. junctions whose boxes moved, or whose search area a moved box meets;
2. the ends on every box whose own place, or whose other ends, moved;
3. the routes whose ends moved or whose region a moved box meets.

Each step is a pure function of its inputs, so the result is the same as
routing everything again (the tests check this on random moves).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from argmap.layout.curves import flatten
from argmap.layout.grid import Rect, RectGrid, grow
from argmap.layout.pieces import Piece, Shape, shape_of, structure
from argmap.layout.quality import PictureQuality, picture_quality
from argmap.layout.route import End, Point, Route, free_spot, route
from argmap.layout.segments import meets_band
from argmap.model import ArgumentMap

JUNCTION_CLEARANCE = 14.0
"""A junction keeps this many px from every box (its dot, and room for lines to reach it)."""
SPREAD = (0.15, 0.85)
"""Ends sharing a side of a box are spread over this part of it."""
DEPS_CELL = 480.0
"""Cell size of the grid of route regions: coarse, as it is only asked when boxes move."""
NORMALS = {"top": (0.0, -1.0), "bottom": (0.0, 1.0), "left": (-1.0, 0.0), "right": (1.0, 0.0)}


def routed_quality(amap: ArgumentMap, rects: Mapping[str, Rect]) -> PictureQuality:
    """Edges through boxes, crossings and overlaps of ``amap`` drawn with these boxes and routed edges."""
    return picture_quality(rects, EdgeRouter(amap, rects, follow=False).lines())


EndKey = tuple[str, int, int]
"""(element, piece index, slot): slot 0 is a piece's start, 1 its end."""


class EdgeRouter:
    """Junctions, ends and routes of a map's edges, kept up to date as boxes move.

    Parameters
    ----------
    amap : ArgumentMap
        The map whose inferences and conflicts are drawn.
    rects : mapping
        Statement id -> box ``(left, top, right, bottom)``; relations naming a
        statement without a box are left out.
    follow : bool
        Keep the regions each route and junction depends on, so that
        :meth:`move` and :meth:`sync` can redo only what a change reaches.
        ``False`` for a drawing made once (an export): the same routes,
        without the bookkeeping (about a fifth of the routing time), and
        :meth:`move` and :meth:`sync` refuse.
    """

    def __init__(self, amap: ArgumentMap, rects: Mapping[str, Rect], follow: bool = True):
        self.grid = RectGrid()
        self.shapes: dict[str, Shape] = {}
        self.junctions: dict[str, Point] = {}
        self.ends: dict[EndKey, End] = {}
        self.routes: dict[tuple[str, int], Route] = {}
        self._ends_at: dict[str, set[EndKey]] = defaultdict(set)
        self._at_junction: dict[str, set[EndKey]] = defaultdict(set)
        self._aiming: dict[str, set[str]] = defaultdict(set)
        self._deps = RectGrid(cell=DEPS_CELL) if follow else None
        for sid, rect in rects.items():
            self.grid.put(sid, rect)
        self._update(dict(structure(amap, self.grid.rects)), {}, [])

    # ------------------------------------------------------------ public
    def move(self, rects: Mapping[str, Rect]) -> set[str]:
        """Boxes moved or resized (the map is unchanged); returns the elements whose drawing changed."""
        self._following()
        touched = self._place(rects)
        return self._update({}, set(rects), touched)

    def sync(self, amap: ArgumentMap, rects: Mapping[str, Rect | None], ids=None) -> set[str]:
        """The map changed: ``rects`` gives new, moved (and None for removed) boxes; relations are re-read.

        ``ids`` are the elements the change named (statements, inferences,
        conflicts); only relations they can reach are re-read. Without it,
        every relation is.
        """
        self._following()
        touched = self._place(rects)
        present = self.grid.rects
        if ids is None:
            new = structure(amap, present)
            changed: dict[str, Shape | None] = {e: s for e, s in new.items() if self.shapes.get(e) != s}
            changed.update({e: None for e in self.shapes if e not in new})
        else:
            reach = self._reach(amap, set(ids) | set(rects))
            changed = {e: s for e in sorted(reach) if (s := shape_of(amap, present, e)) != self.shapes.get(e)}
        return self._update(changed, {s for s in rects if s in self.grid}, touched)

    def _following(self) -> None:
        if self._deps is None:
            raise RuntimeError("this EdgeRouter was made with follow=False: it cannot follow changes")

    def _reach(self, amap: ArgumentMap, ids: set[str]) -> set[str]:
        """Relations whose drawing a change of ``ids`` can alter (before or after the change)."""
        base: set[str] = set()
        for eid in ids:
            if eid in amap.inferences or eid in amap.conflicts or eid in self.shapes:
                base.add(eid)
            base.update(e for e, _, _ in self._ends_at.get(eid, ()))
            if eid in amap.statements:
                base.update(x.id for x in amap.uses_of(eid))
        out = set(base)
        for e in base:
            if e in amap.inferences or e in self._at_junction:
                out.update(c.id for c in amap.conflicts_on(e))
                out.update(k[0] for k in self._at_junction.get(e, ()))
            con = amap.conflicts.get(e)
            if con is not None and con.target in amap.inferences:
                out.add(con.target)
            old = self.shapes.get(e)
            if old is not None and not old[0][-1].dst_box and old[0][-1].kind == "attack":
                out.add(old[0][-1].dst)
        return out

    def pieces(self, element: str) -> list[tuple[Piece, Route]]:
        """The drawn lines of ``element`` with their routes (empty when it is not drawn)."""
        shape = self.shapes.get(element)
        if shape is None:
            return []
        return [(piece, self.routes[(element, i)]) for i, piece in enumerate(shape[0])]

    def elements(self) -> list[str]:
        return list(self.shapes)

    def lines(self) -> list[list[Point]]:
        """Every drawn line as a polyline, as :func:`argmap.layout.quality.picture_quality` measures it."""
        return [flatten(r.points, r.curved) for r in self.routes.values()]

    def lines_of(self, elements, whole_straights: bool = False) -> dict[tuple[str, int], list[Point]]:
        """(element, piece index) -> polyline of the pieces of ``elements`` (all when None).

        ``whole_straights`` is passed to :func:`argmap.layout.curves.flatten`.
        """
        keys = self.routes if elements is None else [
            (e, i) for e in elements if e in self.shapes for i in range(len(self.shapes[e][0]))]
        return {k: flatten(self.routes[k].points, self.routes[k].curved, whole_straights=whole_straights)
                for k in keys}

    # ------------------------------------------------------------ the update
    def _place(self, rects: Mapping[str, Rect | None]) -> list[Rect]:
        touched = []
        for sid, rect in rects.items():
            old = self.grid.rects.get(sid)
            if old is not None:
                touched.append(old)
            if rect is None:
                self.grid.remove(sid)
            else:
                self.grid.put(sid, tuple(rect))
                touched.append(tuple(rect))
        return touched

    def _update(self, changed: dict[str, Shape | None], moved: set[str], touched: list[Rect]) -> set[str]:
        redo_j: set[str] = set()
        regroup: set[str] = set(moved)
        redo_r: set[tuple[str, int]] = set()
        for element, shape in changed.items():
            regroup |= self._forget(element)
            if shape is not None:
                regroup |= self._learn(element, shape)
                redo_r |= {(element, i) for i in range(len(shape[0]))}
                if shape[1] is not None:
                    redo_j.add(element)
        for rect in touched:
            for key in self._deps.meeting(rect):
                if key[0] == "j":
                    redo_j.add(key[1])
                    continue
                parts = self.routes[key[1:]].parts
                if not parts or any(meets_band(part, rect) for part in parts):
                    redo_r.add(key[1:])
        for sid in moved:
            redo_j |= {e for e, _, _ in self._ends_at.get(sid, ()) if self.shapes[e][1] is not None}
        moved_junctions = self._junctions(redo_j)
        for sid in moved:
            regroup |= self._far_boxes(self._ends_at.get(sid, ()))
        for j in moved_junctions:
            ends = self._at_junction.get(j, ())
            regroup |= self._far_boxes(ends)
            redo_r |= {(e, i) for e, i, _ in ends}
        for sid in regroup:
            redo_r |= self._spread(sid)
        for key in redo_r:
            shape = self.shapes.get(key[0])
            if shape is not None and key[1] < len(shape[0]):
                self._route(key)
        return set(changed) | moved_junctions | {e for e, _ in redo_r if e in self.shapes}

    def _learn(self, element: str, shape: Shape) -> set[str]:
        self.shapes[element] = shape
        boxes = set()
        for i, piece in enumerate(shape[0]):
            for slot, (name, is_box) in enumerate(((piece.src, piece.src_box), (piece.dst, piece.dst_box))):
                table = self._ends_at if is_box else self._at_junction
                table[name].add((element, i, slot))
                if is_box:
                    boxes.add(name)
        spec = shape[1]
        if spec is not None and not spec.aim_box:
            self._aiming[spec.aim].add(element)
        return boxes

    def _forget(self, element: str) -> set[str]:
        shape = self.shapes.pop(element, None)
        if shape is None:
            return set()
        boxes = set()
        for i, piece in enumerate(shape[0]):
            for slot, (name, is_box) in enumerate(((piece.src, piece.src_box), (piece.dst, piece.dst_box))):
                table = self._ends_at if is_box else self._at_junction
                table[name].discard((element, i, slot))
                if not table[name]:
                    del table[name]
                self.ends.pop((element, i, slot), None)
                if is_box:
                    boxes.add(name)
            self.routes.pop((element, i), None)
            self._deps.remove(("r", element, i))
        spec = shape[1]
        if spec is not None:
            self.junctions.pop(element, None)
            self._deps.remove(("j", element))
            if not spec.aim_box:
                self._aiming[spec.aim].discard(element)
        return boxes & set(self.grid.rects)

    def _far_boxes(self, ends) -> set[str]:
        """Boxes at the other end of the pieces of ``ends``."""
        out = set()
        for e, i, slot in ends:
            piece = self.shapes[e][0][i]
            name, is_box = (piece.dst, piece.dst_box) if slot == 0 else (piece.src, piece.src_box)
            if is_box:
                out.add(name)
        return out

    # ------------------------------------------------------------ step 1: junctions
    def _junctions(self, redo: set[str]) -> set[str]:
        """Place the junctions of ``redo`` (and of those aiming at a junction that moved); return the moved ones."""
        moved: set[str] = set()
        first = sorted(e for e in redo if e in self.shapes and self.shapes[e][1].aim_box)
        for element in first:
            if self._place_junction(element):
                moved.add(element)
        later = {e for e in redo if e in self.shapes and not self.shapes[e][1].aim_box}
        for j in moved:
            later |= self._aiming.get(j, set())
        for element in sorted(later):
            if self._place_junction(element):
                moved.add(element)
        return moved

    def _place_junction(self, element: str) -> bool:
        spec = self.shapes[element][1]
        rects = self.grid.rects
        if spec.aim_box:
            r = rects[spec.aim]
            aim = ((r[0] + r[2]) / 2, r[3])
        else:
            aim = self.junctions[spec.aim]
        ideal = _ideal_junction([rects[s] for s in spec.sources], aim)
        point, looked = free_spot(ideal, self.grid, JUNCTION_CLEARANCE)
        if self._deps is not None:
            self._deps.put(("j", element), grow(looked, 1.0))
        old = self.junctions.get(element)
        self.junctions[element] = point
        return old != point

    # ------------------------------------------------------------ step 2: ends on box sides
    def _ref(self, name: str, is_box: bool) -> Rect:
        """The other end as a rectangle (a junction is a point)."""
        if not is_box:
            x, y = self.junctions[name]
            return (x, y, x, y)
        return self.grid.rects[name]

    def _spread(self, sid: str) -> set[tuple[str, int]]:
        """Place every end on box ``sid``; return the pieces whose end moved."""
        rect = self.grid.rects.get(sid)
        if rect is None:
            return set()
        groups: dict[str, list] = defaultdict(list)
        for key in self._ends_at.get(sid, ()):
            e, i, slot = key
            piece = self.shapes[e][0][i]
            other = self._ref(piece.dst, piece.dst_box) if slot == 0 else self._ref(piece.src, piece.src_box)
            side = _side(rect, other)
            middle = (other[0] + other[2]) / 2 if side in ("top", "bottom") else (other[1] + other[3]) / 2
            groups[side].append((middle, key))
        changed = set()
        for side, ends in groups.items():
            ends.sort()
            for n, (_, key) in enumerate(ends):
                lo, hi = SPREAD
                frac = 0.5 if len(ends) == 1 else lo + (hi - lo) * n / (len(ends) - 1)
                end = End(_on_side(rect, side, frac), sid, NORMALS[side])
                if self.ends.get(key) != end:
                    self.ends[key] = end
                    changed.add(key[:2])
        return changed

    # ------------------------------------------------------------ step 3: routes
    def _route(self, key: tuple[str, int]) -> None:
        e, i = key
        piece = self.shapes[e][0][i]
        start = self.ends[(e, i, 0)] if piece.src_box else End(self.junctions[piece.src])
        end = self.ends[(e, i, 1)] if piece.dst_box else End(self.junctions[piece.dst])
        found = route(start, end, self.grid)
        self.routes[key] = found
        if self._deps is None:
            return
        if found.parts:
            self._deps.put_along(("r", e, i), found.region, found.parts)
        else:
            self._deps.put(("r", e, i), found.region)


def _ideal_junction(sources: list[Rect], aim: Point) -> Point:
    """A point between the sources' tops and ``aim``, nearer the sources."""
    x = sum((r[0] + r[2]) / 2 for r in sources) / len(sources)
    top = min(r[1] for r in sources)
    if top > aim[1]:
        gap = min(40.0, max(10.0, (top - aim[1]) * 0.4))
        return (x * 0.8 + aim[0] * 0.2, top - gap)
    cy = sum((r[1] + r[3]) / 2 for r in sources) / len(sources)
    return ((x + aim[0]) / 2, (cy + aim[1]) / 2)


def _side(rect: Rect, other: Rect) -> str:
    """The side of ``rect`` facing ``other``: top or bottom when ``other`` lies wholly above or below it.

    The rule is symmetric (if ``b`` is on ``a``'s top, ``a`` is on ``b``'s
    bottom), so a straight line between the two ports never enters either box.
    """
    if other[3] < rect[1]:
        return "top"
    if other[1] > rect[3]:
        return "bottom"
    return "left" if other[0] + other[2] < rect[0] + rect[2] else "right"


def _on_side(rect: Rect, side: str, frac: float) -> Point:
    if side == "top":
        return (rect[0] + (rect[2] - rect[0]) * frac, rect[1])
    if side == "bottom":
        return (rect[0] + (rect[2] - rect[0]) * frac, rect[3])
    x = rect[0] if side == "left" else rect[2]
    return (x, rect[1] + (rect[3] - rect[1]) * frac)
