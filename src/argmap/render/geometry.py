"""The geometry of a drawn map: boxes, edges and junctions, in scene pixels.

:func:`build_drawing` turns a model (plus optional positions and check
report) into a :class:`Drawing`; :func:`edge_geometry` computes only the
edges from box rectangles, so the canvas can re-route edges as items move.
Supports go up from a premise's top edge to its conclusion's bottom edge;
linked premises meet at a junction first; undercuts end at the junction of
the inference they attack. Endpoints sharing a side of a box are spread
along it so that arrows do not sit on top of each other.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF

from argmap.analysis.roles import statement_roles
from argmap.model import ArgumentMap, Position, Statement
from argmap.render.grades import grade_of
from argmap.render.measure import statement_size
from argmap.render.placement import resolve_positions
from argmap.render.proposed import proposed_links
from argmap.render.theme import MINUS, Theme

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
@dataclass
class _Link:
    element: str
    kind: str
    src: str | QPointF
    dst: str | QPointF
    marker: str
    arrow: bool
    to_inference: bool = False
    target: str | None = None
    points: list = field(default_factory=lambda: [None, None])


def edge_geometry(amap: ArgumentMap, boxes: dict[str, QRectF]) -> tuple[list[Edge], dict[str, QPointF]]:
    """Edges and junctions of the relations among the statements in ``boxes``.

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
    infs = [i for i in amap.inferences.values()
            if i.conclusion in boxes and all(p in boxes for p in i.premises)]
    inf_ids = {i.id for i in infs}
    cons = [c for c in amap.conflicts.values()
            if all(a in boxes for a in c.attackers) and (c.target in boxes or c.target in inf_ids)]
    undercut = {c.target for c in cons if c.target in inf_ids}
    junctions: dict[str, QPointF] = {}
    links: list[_Link] = []
    for inf in infs:
        if len(inf.premises) > 1 or inf.id in undercut:
            junctions[inf.id] = _junction([boxes[p] for p in inf.premises], _bottom_mid(boxes[inf.conclusion]))
        links += _links(inf.id, "support", "+", inf.premises, inf.conclusion, junctions.get(inf.id))
    for con in cons:
        end_point = junctions.get(con.target)
        if len(con.attackers) > 1:
            aim = end_point if end_point is not None else _bottom_mid(boxes[con.target])
            junctions[con.id] = _junction([boxes[a] for a in con.attackers], aim)
        dst = end_point if end_point is not None else con.target
        new = _links(con.id, "attack", MINUS, con.attackers, dst, junctions.get(con.id))
        for link in new:
            link.to_inference = con.target in inf_ids
            link.target = con.target if link.arrow else None
        links += new
    _route(links, boxes)
    edges = [Edge(k.element, k.kind, k.points, k.marker, k.to_inference, k.arrow,
                  k.src if isinstance(k.src, str) else None,
                  k.target if k.target is not None else (k.dst if isinstance(k.dst, str) else None))
             for k in links]
    return edges, junctions


def _links(element: str, kind: str, marker: str, sources, dst, junction: QPointF | None) -> list[_Link]:
    if junction is None:
        return [_Link(element, kind, sources[0], dst, marker, True)]
    legs = [_Link(element, kind, s, junction, "", False) for s in sources]
    return legs + [_Link(element, kind, junction, dst, marker, True)]


def _bottom_mid(rect: QRectF) -> QPointF:
    return QPointF(rect.center().x(), rect.bottom())


def _junction(sources: list[QRectF], aim: QPointF) -> QPointF:
    """A point between the sources' tops and ``aim``, nearer the sources."""
    x = sum(r.center().x() for r in sources) / len(sources)
    top = min(r.top() for r in sources)
    if top > aim.y():
        gap = min(40.0, max(10.0, (top - aim.y()) * 0.4))
        return QPointF(x * 0.8 + aim.x() * 0.2, top - gap)
    cy = sum(r.center().y() for r in sources) / len(sources)
    return QPointF((x + aim.x()) / 2, (cy + aim.y()) / 2)


def _ref(end, boxes: dict[str, QRectF]) -> QPointF:
    return boxes[end].center() if isinstance(end, str) else end


def _side(rect: QRectF, other: QPointF) -> str:
    if other.y() < rect.top():
        return "top"
    if other.y() > rect.bottom():
        return "bottom"
    return "left" if other.x() < rect.center().x() else "right"


def _route(links: list[_Link], boxes: dict[str, QRectF]) -> None:
    """Fill each link's two points, spreading ends that share a box side."""
    groups: dict[tuple[str, str], list[tuple[float, _Link, int]]] = defaultdict(list)
    for link in links:
        for slot, (end, other) in enumerate(((link.src, link.dst), (link.dst, link.src))):
            if isinstance(end, str):
                o = _ref(other, boxes)
                side = _side(boxes[end], o)
                key = o.x() if side in ("top", "bottom") else o.y()
                groups[(end, side)].append((key, link, slot))
            else:
                link.points[slot] = QPointF(end)
    for (sid, side), ends in groups.items():
        ends.sort(key=lambda e: e[0])
        rect = boxes[sid]
        for n, (_, link, slot) in enumerate(ends):
            frac = 0.5 if len(ends) == 1 else 0.15 + 0.7 * n / (len(ends) - 1)
            link.points[slot] = _on_side(rect, side, frac)


def _on_side(rect: QRectF, side: str, frac: float) -> QPointF:
    if side == "top":
        return QPointF(rect.left() + rect.width() * frac, rect.top())
    if side == "bottom":
        return QPointF(rect.left() + rect.width() * frac, rect.bottom())
    x = rect.left() if side == "left" else rect.right()
    return QPointF(x, rect.top() + rect.height() * frac)
