"""The geometry of a drawn map: boxes, edges and junctions, in scene pixels.

:func:`build_drawing` turns a model (plus optional positions and check
report) into a :class:`Drawing`; :func:`edge_geometry` computes only the
edges from box rectangles, so the canvas can re-route edges as items move.
Supports go up from a premise's top edge to its conclusion's bottom edge;
linked premises meet at a junction first; undercuts end at the junction of
the inference they attack. Endpoints sharing a side of a box are spread
along it so that arrows do not sit on top of each other, and every edge is
routed around the boxes it does not start or end at
(:class:`argmap.layout.edges.EdgeRouter`, which the canvas keeps to
re-route only what an edit touches).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF

from argmap.analysis.roles import statement_roles
from argmap.layout.edges import EdgeRouter
from argmap.model import ArgumentMap, Position, Statement
from argmap.render.grades import grade_of
from argmap.render.measure import statement_size
from argmap.render.placement import resolve_positions
from argmap.render.proposed import proposed_links
from argmap.render.theme import Theme

SEVERITY_ORDER = ("error", "warning", "info")


@dataclass
class Box:
    """A statement's box: its rectangle in scene coordinates and what its badges say."""

    id: str
    rect: QRectF
    statement: Statement
    label: str | None = None
    worst_severity: str | None = None
    badge_text: str = ""
    role: str | None = None
    grade: str = ""
    """The evidence grade its header shows, e.g. "B2" (:func:`argmap.render.grades.grade_of`)."""


@dataclass
class Edge:
    """One drawn line.

    ``id`` is the inference or conflict it belongs to. A linked inference
    has one leg per premise (``arrow=False``, no marker) into its junction
    and one arrowed edge from the junction to the conclusion. ``points`` is a
    polyline, or with ``bezier`` a chain of cubic Bézier segments (see
    :mod:`argmap.render.paths`, which every consumer draws it through).
    """

    id: str
    kind: str
    points: list[QPointF]
    marker: str = "+"
    target_is_inference: bool = False
    arrow: bool = True
    source: str | None = None
    target: str | None = None
    bezier: bool = False


@dataclass
class Drawing:
    """Everything needed to paint a map (``proposed``: ids of the relations the draft still proposes)."""

    boxes: dict[str, Box] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    junctions: dict[str, QPointF] = field(default_factory=dict)
    bounds: QRectF = field(default_factory=QRectF)
    proposed: frozenset[str] = frozenset()


def build_drawing(amap: ArgumentMap, theme: Theme, *, report=None, positions: dict[str, Position] | None = None,
                  ids=None, layout: str = "keep") -> Drawing:
    """The geometry of ``amap`` drawn with ``theme``.

    Parameters
    ----------
    amap : ArgumentMap
        The map to draw.
    theme : Theme
        Fonts and sizes (boxes are measured with it).
    report : optional
        A check report (``labels`` and ``for_target``) for the badges.
    positions : dict, optional
        Centres overriding the saved positions.
    ids : iterable of str, optional
        Draw only these statements (and the relations among them).
    layout : {"keep", "auto"}
        Whether saved positions are kept (missing ones are laid out).
    """
    keep = None if ids is None else set(ids)
    wanted = [sid for sid in amap.statements if keep is None or sid in keep]
    roles = statement_roles(amap)
    sizes = {sid: statement_size(amap.statements[sid], theme, roles[sid]) for sid in wanted}
    centres = resolve_positions(amap, sizes, layout, positions)
    sources = amap.sources
    graded = bool(sources) or amap.uses_grades()  # a version-1 map has no grade to look for
    boxes = {}
    for sid in wanted:
        w, h = sizes[sid]
        c = centres[sid]
        rect = QRectF(c.x - w / 2, c.y - h / 2, w, h)
        boxes[sid] = _box(sid, rect, amap.statements[sid], report)
        boxes[sid].role = roles[sid]
        if graded:
            boxes[sid].grade = grade_of(amap.statements[sid], sources)
    edges, junctions = edge_geometry(amap, {sid: b.rect for sid, b in boxes.items()})
    return Drawing(boxes, edges, junctions, _bounds(boxes, edges, theme), proposed_links(amap))


def _box(sid: str, rect: QRectF, statement: Statement, report) -> Box:
    if report is None:
        return Box(sid, rect, statement)
    label = getattr(report, "labels", {}).get(sid)
    found = [d for d in report.for_target(sid) if d.severity in ("error", "warning")]
    found.sort(key=lambda d: SEVERITY_ORDER.index(d.severity))
    worst = found[0].severity if found else None
    text = ""
    if found:
        text = found[0].code + (f" +{len(found) - 1}" if len(found) > 1 else "")
    return Box(sid, rect, statement, label, worst, text)


def _bounds(boxes: dict[str, Box], edges: list[Edge], theme: Theme) -> QRectF:
    rect = QRectF()
    for box in boxes.values():
        rect = rect.united(box.rect)
    pad = theme.marker_radius + theme.arrow_size
    for edge in edges:
        for p in edge.points:
            rect = rect.united(QRectF(p.x() - pad, p.y() - pad, 2 * pad, 2 * pad))
    return rect


# ------------------------------------------------------------------ edges
def edge_geometry(amap: ArgumentMap, boxes: dict[str, QRectF]) -> tuple[list[Edge], dict[str, QPointF]]:
    """Edges and junctions of the relations among the statements in ``boxes``, routed around every box.

    Parameters
    ----------
    amap : ArgumentMap
        The map whose inferences and conflicts are drawn.
    boxes : dict
        Statement id → its rectangle in scene coordinates. Relations that
        name a statement not in ``boxes`` are left out.

    Returns
    -------
    edges : list of Edge
    junctions : dict
        Inference (or linked conflict) id → the junction point, drawn as a dot.
    """
    router = EdgeRouter(amap, {sid: rect_tuple(r) for sid, r in boxes.items()}, follow=False)
    edges = [e for element in router.elements() for e in element_edges(router, element)]
    return edges, {jid: QPointF(*p) for jid, p in router.junctions.items()}


def rect_tuple(rect: QRectF) -> tuple[float, float, float, float]:
    """A QRectF as ``(left, top, right, bottom)``, the router's form."""
    return (rect.left(), rect.top(), rect.right(), rect.bottom())


def element_edges(router: EdgeRouter, element: str) -> list[Edge]:
    """The drawn :class:`Edge` objects of one inference or conflict, from the router's pieces."""
    return [Edge(piece.element, piece.kind, [QPointF(x, y) for x, y in found.points], piece.marker,
                 piece.to_inference, piece.arrow, piece.src if piece.src_box else None, piece.target,
                 found.curved)
            for piece, found in router.pieces(element)]
