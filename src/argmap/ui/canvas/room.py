"""Room on the canvas: which boxes a grown box covers, where they go, where a new box fits in view.

Pure functions over boxes as ``(left, top, right, bottom)`` tuples in scene
pixels, built on the layout's occupancy grid (:mod:`argmap.layout.place`),
so that a box moved here clears its neighbours by the same margins as a
statement placed by ``place_new``. The layout package is imported when
first needed (it loads Graphviz, which the window's start need not wait for).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

Rect = tuple[float, float, float, float]

TOUCH = 6.0
"""Boxes closer than this count as covered (an arrow between them would vanish)."""

VIEW_MARGIN = 16.0
"""A box placed in view keeps this far from the view's edges."""

RINGS = 12
"""How many rings of candidate spots around the middle of the view are tried."""


def _overlap(a: Rect, b: Rect, margin: float = 0.0) -> bool:
    return a[0] - margin < b[2] and b[0] < a[2] + margin and a[1] - margin < b[3] and b[1] < a[3] + margin


def covered(rect: Rect, others: Mapping[str, Rect], margin: float = TOUCH) -> list[str]:
    """Ids of the boxes in ``others`` that ``rect`` covers or nearly touches, nearest first."""
    cx, cy = (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2
    hit = [k for k, r in others.items() if _overlap(rect, r, margin)]
    return sorted(hit, key=lambda k: math.hypot((others[k][0] + others[k][2]) / 2 - cx,
                                                (others[k][1] + others[k][3]) / 2 - cy))


def push_clear(grown: Rect, hit: list[str], others: Mapping[str, Rect]) -> dict[str, tuple[float, float]]:
    """New centres for the boxes ``hit`` so that none of them touches ``grown`` or any other box.

    Each moves by the smallest step the occupancy search finds (right, then
    left, then a row lower), nearest box first; what has moved is taken
    into account for the next one.
    """
    from argmap.layout import H_GAP
    from argmap.layout.place import Occupancy, nearest_free_offset

    occ = Occupancy()
    for key, r in others.items():
        if key not in hit:
            occ.add(r)
    occ.add(grown)
    out = {}
    for key in hit:
        r = others[key]
        dx, dy = nearest_free_offset(occ, [r], (r[2] - r[0] + H_GAP) / 2)
        moved = (r[0] + dx, r[1] + dy, r[2] + dx, r[3] + dy)
        occ.add(moved)
        out[key] = ((moved[0] + moved[2]) / 2, (moved[1] + moved[3]) / 2)
    return out


def free_spot_in(area: Rect, size: tuple[float, float], others: Mapping[str, Rect]) -> tuple[float, float] | None:
    """The centre of a free spot for a box of ``size`` inside ``area``, as near its middle as can be.

    Spots are tried in rings around the middle of ``area`` (a step of half
    a box apart); ``None`` when no spot inside ``area`` is free.
    """
    from argmap.layout import H_GAP, RANK_GAP
    from argmap.layout.place import Occupancy

    w, h = size
    left, top = area[0] + VIEW_MARGIN, area[1] + VIEW_MARGIN
    right, bottom = area[2] - VIEW_MARGIN, area[3] - VIEW_MARGIN
    if right - left < w or bottom - top < h:
        return None
    occ = Occupancy(H_GAP / 2, RANK_GAP / 4)
    for r in others.values():
        occ.add(r)
    mx, my = (left + right) / 2, (top + bottom) / 2
    sx, sy = (w + H_GAP) / 2, (h + RANK_GAP / 2) / 2
    for ring in range(RINGS + 1):
        spots = [(i, j) for i in range(-ring, ring + 1) for j in range(-ring, ring + 1)
                 if max(abs(i), abs(j)) == ring]
        spots.sort(key=lambda s: (abs(s[1]), abs(s[0]), s[1], s[0]))  # same height first, then above/below
        for i, j in spots:
            x, y = mx + i * sx, my + j * sy
            rect = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
            if rect[0] >= left and rect[2] <= right and rect[1] >= top and rect[3] <= bottom and occ.is_free(rect):
                return x, y
    return None


def free_spot_beside(size: tuple[float, float], others: Mapping[str, Rect]) -> tuple[float, float]:
    """The centre of a spot right of every box (the origin on an empty canvas)."""
    from argmap.layout import H_GAP

    w, h = size
    if not others:
        return 0.0, 0.0
    right = max(r[2] for r in others.values())
    top = min(r[1] for r in others.values())
    return right + 2 * H_GAP + w / 2, top + h / 2
