"""Fewer crossings after layout: swap neighbours in a row when the routed drawing crosses less.

A layered engine counts crossings of its own idealised edges (``dot``: of
splines through virtual nodes); what is drawn are our routed edges, with
junctions placed by our rule. This pass measures the real thing: for each
row of boxes (statements sharing a centre line), it tries exchanging each
pair of neighbours within the span the two already cover (so nothing can
come to overlap), re-routes only what the exchange touches
(:meth:`EdgeRouter.move`), counts again only the crossings of the lines that
changed (:class:`~argmap.layout.quality.CrossingCounter`) and keeps the
exchange when the drawing has fewer crossings. It stops after :data:`PASSES` rounds, a round without gain, or
:data:`TRIALS` exchanges tried (a count, not a time, so that the result does
not depend on how busy the machine is).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from argmap.layout.edges import EdgeRouter
from argmap.layout.quality import CrossingCounter
from argmap.model import ArgumentMap

PASSES = 3
TRIALS = 150
"""Exchanges tried at most (about 0.3 s on the bundled map)."""
ROW_TOLERANCE = 0.5
"""Boxes whose centres are this close vertically (px) share a row."""


def fewer_crossings(amap: ArgumentMap, sizes: Mapping, centres: dict[str, tuple[float, float]],
                    trials: int = TRIALS) -> tuple[dict[str, tuple[float, float]], int]:
    """``centres`` with neighbours exchanged wherever that lowers the routed crossing count.

    Parameters
    ----------
    amap : ArgumentMap
    sizes : mapping
        Statement id -> (width, height) of its box.
    centres : dict
        Statement id -> (x, y) centre, as laid out.
    trials : int
        Exchanges to try at most.

    Returns
    -------
    centres : dict
        The improved centres (a new dict).
    crossings : int
        Crossings of the routed drawing with them (straight pieces counted whole).
    """
    out = dict(centres)
    rects = {k: _rect(out[k], sizes[k]) for k in out}
    router = EdgeRouter(amap, rects)
    counter = CrossingCounter(router.lines_of(None, True))
    best = counter.total
    for _ in range(PASSES):
        gained = False
        for row in _rows(out):
            for i in range(len(row) - 1):
                if best == 0 or trials <= 0:
                    return out, best
                trials -= 1
                a, b = row[i], row[i + 1]
                moved = _exchanged(out, sizes, a, b)
                changed = router.move({k: _rect(moved[k], sizes[k]) for k in moved})
                count = counter.replace(router.lines_of(changed, True))
                if count < best:
                    best, gained = count, True
                    out.update(moved)
                    row[i], row[i + 1] = b, a
                else:
                    changed |= router.move({k: _rect(out[k], sizes[k]) for k in moved})
                    counter.replace(router.lines_of(changed, True))
        if not gained:
            break
    return out, best


def _rows(centres: Mapping[str, tuple[float, float]]) -> list[list[str]]:
    """Statements grouped by centre line, each row left to right (rows of one box left out)."""
    by_y: dict[int, list[str]] = defaultdict(list)
    for k, (_, y) in centres.items():
        by_y[round(y / ROW_TOLERANCE)].append(k)
    rows = [sorted(ks, key=lambda k: (centres[k][0], k)) for _, ks in sorted(by_y.items())]
    return [r for r in rows if len(r) > 1]


def _exchanged(centres, sizes, a: str, b: str) -> dict[str, tuple[float, float]]:
    """New centres of ``a`` (left) and ``b`` (right) swapped within the span they cover together."""
    (xa, ya), (xb, yb) = centres[a], centres[b]
    left = xa - sizes[a][0] / 2
    right = xb + sizes[b][0] / 2
    return {b: (left + sizes[b][0] / 2, yb), a: (right - sizes[a][0] / 2, ya)}


def _rect(c: tuple[float, float], size) -> tuple[float, float, float, float]:
    w, h = size
    return (c[0] - w / 2, c[1] - h / 2, c[0] + w / 2, c[1] + h / 2)
