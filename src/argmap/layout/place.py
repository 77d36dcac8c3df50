"""Finding free room: an occupancy grid, and where a new statement goes.

:func:`place_new` puts a statement that was just added next to its parent
(below its conclusion and right of its siblings, or beside the target it
attacks) without moving anything else, at the nearest spot where its box
clears every other box by the usual margins.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from argmap.layout.graph import DEFAULT_SIZE, H_GAP, RANK_GAP
from argmap.layout.metrics import box
from argmap.model import ArgumentMap, Position

CELL = 256.0
SEARCH_STEPS = 400
"""How many candidate spots a search tries before it gives up and goes right of everything."""
COLUMNS = 16
"""Candidate spots tried on each side in one row before the search goes a row lower."""


class Occupancy:
    """Boxes already on the canvas, in a grid, for fast "is this spot free?" questions.

    Parameters
    ----------
    margin_x, margin_y : float
        Room a new box must leave around the boxes already there.
    """

    def __init__(self, margin_x: float = H_GAP, margin_y: float = RANK_GAP / 2):
        self.margin_x = margin_x
        self.margin_y = margin_y
        self._cells: dict[tuple[int, int], list] = defaultdict(list)
        self.right = None
        self.top = None

    def add(self, rect: tuple[float, float, float, float]) -> None:
        """Mark ``rect`` (left, top, right, bottom) as taken."""
        for cell in _cells_of(rect):
            self._cells[cell].append(rect)
        self.right = rect[2] if self.right is None else max(self.right, rect[2])
        self.top = rect[1] if self.top is None else min(self.top, rect[1])

    def is_free(self, rect: tuple[float, float, float, float]) -> bool:
        """Whether ``rect`` clears every taken box by the margins."""
        grown = (rect[0] - self.margin_x, rect[1] - self.margin_y, rect[2] + self.margin_x, rect[3] + self.margin_y)
        for cell in _cells_of(grown):
            for o in self._cells.get(cell, ()):
                if grown[0] < o[2] and o[0] < grown[2] and grown[1] < o[3] and o[1] < grown[3]:
                    return False
        return True

    def block_is_free(self, rects: Iterable[tuple], dx: float, dy: float) -> bool:
        return all(self.is_free((r[0] + dx, r[1] + dy, r[2] + dx, r[3] + dy)) for r in rects)


def occupancy_of(amap: ArgumentMap, sizes: Mapping, skip=()) -> Occupancy:
    """An :class:`Occupancy` of every placed statement of ``amap`` except those in ``skip``."""
    occ = Occupancy()
    for s in amap.statements.values():
        if s.position is not None and s.id not in skip:
            occ.add(box(s.position, sizes.get(s.id, DEFAULT_SIZE)))
    return occ


def nearest_free_offset(occ: Occupancy, rects: list[tuple], step: float) -> tuple[float, float]:
    """Smallest move (dx, dy) of the block ``rects`` that makes it free: right first, then left, then lower.

    Falls back to moving the block right of every taken box.
    """
    if not rects:
        return 0.0, 0.0
    height = max(r[3] for r in rects) - min(r[1] for r in rects)
    for k in range(SEARCH_STEPS):
        row, col = divmod(k, COLUMNS)
        dy = row * (height + RANK_GAP)
        for dx in ((col * step, -col * step) if col else (0.0,)):
            if occ.block_is_free(rects, dx, dy):
                return dx, dy
    left = min(r[0] for r in rects)
    return (occ.right or 0.0) + 2 * H_GAP - left, 0.0


def place_new(amap: ArgumentMap, sid: str, sizes: Mapping) -> Position:
    """A free spot for statement ``sid`` next to its parent, moving nothing else.

    A premise goes below its conclusion, right of the premises already there;
    an attacker goes beside its target (beside the premises of an inference it
    undercuts); a new conclusion goes above its premises; a loose statement
    keeps its position if it has one, else goes right of the map.

    Parameters
    ----------
    amap : ArgumentMap
        The map, ``sid`` already in it.
    sid : str
        The statement to place.
    sizes : mapping
        Statement id -> (width, height) in px.

    Returns
    -------
    Position
        The centre of the box; it clears every other placed box.
    """
    w, h = sizes.get(sid, DEFAULT_SIZE)
    occ = occupancy_of(amap, sizes, skip={sid})
    x, y = _ideal(amap, sid, sizes, occ)
    rect = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
    dx, dy = nearest_free_offset(occ, [rect], (w + H_GAP) / 2)
    return Position(x + dx, y + dy)


def _ideal(amap: ArgumentMap, sid: str, sizes: Mapping, occ: Occupancy) -> tuple[float, float]:
    w, h = sizes.get(sid, DEFAULT_SIZE)
    placed = {k: s.position for k, s in amap.statements.items() if s.position is not None and k != sid}
    for inf in amap.inferences.values():
        if sid in inf.premises and inf.conclusion in placed:
            return _below(amap, inf.conclusion, sid, sizes, placed)
    for con in amap.conflicts.values():
        if sid not in con.attackers:
            continue
        target = amap.inferences.get(con.target)
        if target is not None and target.conclusion in placed:
            return _below(amap, target.conclusion, sid, sizes, placed, only=target.premises)
        if con.target in placed:
            t = placed[con.target]
            tw = sizes.get(con.target, DEFAULT_SIZE)[0]
            return t.x + tw / 2 + H_GAP + w / 2, t.y
    for inf in amap.inferences.values():
        if inf.conclusion == sid:
            under = [placed[p] for p in inf.premises if p in placed]
            if under:
                top = min(p.y - sizes.get(q, DEFAULT_SIZE)[1] / 2 for q, p in zip(inf.premises, under))
                return sum(p.x for p in under) / len(under), top - RANK_GAP - h / 2
    own = amap.statements[sid].position
    if own is not None:
        return own.x, own.y
    if occ.right is None:
        return w / 2, h / 2
    return occ.right + 2 * H_GAP + w / 2, occ.top + h / 2


def _below(amap, parent, sid, sizes, placed, only=None) -> tuple[float, float]:
    """Below ``parent``: right of its placed premises (or of ``only`` of them), else straight under it."""
    w, h = sizes.get(sid, DEFAULT_SIZE)
    siblings = [p for i in amap.inferences_into(parent) for p in i.premises]
    siblings += [a for c in amap.conflicts_on(parent) for a in c.attackers]
    if only is not None:
        siblings = list(only)
    siblings = [s for s in siblings if s in placed and s != sid]
    if siblings:
        last = max(siblings, key=lambda s: placed[s].x + sizes.get(s, DEFAULT_SIZE)[0] / 2)
        p = placed[last]
        return p.x + sizes.get(last, DEFAULT_SIZE)[0] / 2 + H_GAP + w / 2, p.y
    p = placed[parent]
    return p.x, p.y + sizes.get(parent, DEFAULT_SIZE)[1] / 2 + RANK_GAP + h / 2


def _cells_of(rect):
    for cx in range(int(rect[0] // CELL), int(rect[2] // CELL) + 1):
        for cy in range(int(rect[1] // CELL), int(rect[3] // CELL) + 1):
            yield (cx, cy)
