"""Graphviz's own drawing of a DOT text, measured like ours (for benchmarks and tests).

``dot`` lays the DOT text out; its boxes (nodes other than junction points)
and its edge splines (cubic B-spline control points, plus the arrow's end
point) are read back and measured by
:func:`argmap.layout.quality.picture_quality`, the measure of our own
drawings, with curves cut into the same 8 pieces per segment.
"""

from __future__ import annotations

import time

import pygraphviz

from argmap.layout.curves import flatten
from argmap.layout.quality import PictureQuality, picture_quality


def dot_picture(dot_text: str, prog: str = "dot") -> tuple[list, list]:
    """(boxes, lines) of Graphviz's drawing of ``dot_text``, in its points (y up)."""
    graph = pygraphviz.AGraph(string=dot_text)
    graph.layout(prog=prog)
    rects = []
    for node in graph.nodes():
        if node.attr.get("shape") == "point":  # junctions are dots, not boxes
            continue
        x, y = (float(v) for v in node.attr["pos"].split(","))
        w, h = float(node.attr["width"]) * 72, float(node.attr["height"]) * 72
        rects.append((x - w / 2, y - h / 2, x + w / 2, y + h / 2))
    return rects, [spline_line(e.attr["pos"]) for e in graph.edges() if e.attr.get("pos")]


def dot_picture_quality(dot_text: str) -> tuple[PictureQuality, float]:
    """Quality of ``dot``'s drawing of ``dot_text``, and the seconds its layout took."""
    start = time.perf_counter()
    rects, lines = dot_picture(dot_text)
    seconds = time.perf_counter() - start
    return picture_quality(rects, lines), seconds


def spline_line(pos: str) -> list[tuple[float, float]]:
    """A Graphviz edge ``pos`` attribute as a polyline (Bézier pieces flattened, arrow tip appended)."""
    points, tip = [], None
    for token in pos.split():
        if token.startswith("e,"):
            tip = tuple(float(v) for v in token[2:].split(","))
        elif not token.startswith("s,"):
            points.append(tuple(float(v) for v in token.split(",")))
    line = flatten(points, True)
    return line + [tip] if tip else line
