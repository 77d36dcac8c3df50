"""The drawn line of an :class:`~argmap.render.geometry.Edge`, for painting, SVG and measuring.

An edge's ``points`` are either a polyline (``bezier`` false) or a chain of
cubic Bézier segments ``p0, c1, c2, p1, c1, c2, p2, …`` (``bezier`` true,
``3k + 1`` points). Every consumer (the canvas, the painter, the SVG writer,
the picture-quality measure) goes through these functions, so that a router
may produce either kind of line.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath

from argmap.layout.curves import flatten as route_flatten

FLATTEN_STEPS = 8
"""Straight pieces per Bézier segment when an edge is flattened for measuring."""


def edge_path(points: list[QPointF], bezier: bool = False) -> QPainterPath:
    """The line through ``points`` as a QPainterPath (empty for fewer than two points)."""
    path = QPainterPath()
    if len(points) < 2:
        return path
    path.moveTo(points[0])
    if bezier:
        for k in range(1, len(points) - 2, 3):
            path.cubicTo(points[k], points[k + 1], points[k + 2])
    else:
        for p in points[1:]:
            path.lineTo(p)
    return path


def flatten(points: list[QPointF], bezier: bool = False, steps: int = FLATTEN_STEPS) -> list[tuple[float, float]]:
    """The line as a polyline of ``(x, y)`` tuples (Bézier segments cut into ``steps`` pieces).

    The same as :func:`argmap.layout.curves.flatten`, which the router measures with.
    """
    return route_flatten([(p.x(), p.y()) for p in points], bezier, steps)


def end_direction(points: list[QPointF]) -> tuple[QPointF, QPointF]:
    """``(before, tip)``: the last point and the point the line arrives from (for the arrowhead).

    For a Bézier chain the last control point gives the tangent; when it
    coincides with the tip, the point before it does.
    """
    tip = points[-1]
    for p in reversed(points[:-1]):
        if p != tip:
            return p, tip
    return points[0], tip
