"""Graphics items of the canvas: statement boxes, support/attack links and junctions.

Items hold no data of their own: each is keyed by the id of a model element
and shows what the scene hands it. Painting goes through the render
primitives (:mod:`argmap.render`), the same code the exporter uses, and
draws less when zoomed far out.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from argmap.model import Statement
from argmap.render.grades import grade_words
from argmap.render.paths import edge_path
from argmap.ui.canvas._render import paint_box, paint_edge, paint_junction

TEXT_MIN_PX = 3.0
"""Text is drawn while the theme's font is at least this many pixels high on screen; below
that a box is a plain filled rectangle (text would be a grey smear, and costs the most)."""

SIMPLE_EDGES_PX = 2.0
"""Below this on-screen size of an arrowhead, links are drawn as thin lines (no arrows, no markers)."""

Z_LINK, Z_BOX, Z_JUNCTION, Z_EDITOR = 0.0, 2.0, 3.0, 10.0


def tradecraft_lines(statement: Statement, sources) -> list[str]:
    """What a box's tooltip says of its grade or assumption (SPEC §5), in words."""
    if statement.assumed and statement.kind == "claim":
        return ["Assumed: accepted without support, a stated assumption (Stop Assuming: Ctrl+Alt+4)"]
    words = grade_words(statement, sources)
    return [f"Grade {words}"] if words else []


def _lod(painter: QPainter, option: QStyleOptionGraphicsItem) -> float:
    return option.levelOfDetailFromTransform(painter.worldTransform())


def shows_text(lod: float, theme) -> bool:
    """Whether boxes show their text at zoom ``lod``: the font must be at least ``TEXT_MIN_PX`` high."""
    return lod * theme.font_px >= TEXT_MIN_PX


_PLAIN: dict[tuple, tuple[QPen, QColor]] = {}


def _plain_style(theme, kind: str, selected: bool) -> tuple[QPen, QColor]:
    """Pen and fill of a box drawn without detail (built once per theme, kind and selection)."""
    key = (theme, kind, selected)
    if key not in _PLAIN:
        _PLAIN[key] = (QPen(theme.border(kind), 0), QColor(theme.selected) if selected else theme.fill(kind))
    return _PLAIN[key]


class StatementItem(QGraphicsItem):
    """One statement's box, centred on its position.

    Parameters
    ----------
    sid : str
        The statement id.
    statement : Statement
        What to show.
    size : (float, float)
        Box width and height (measured by the render module).
    theme : Theme
        Colours and fonts.
    """

    def __init__(self, sid: str, statement: Statement, size: tuple[float, float], theme,
                 pos: QPointF | None = None):
        super().__init__()
        if pos is not None:
            self.setPos(pos)
        self.placed = QPointF(self.pos())
        """Where the scene last put the box: a drag is a difference from it."""
        self.sid = sid
        self.statement = statement
        self.theme = theme
        self.label: str | None = None
        self.role: str | None = None
        """The statement's role in the structure (shown in the header), kept by the scene."""
        self.severity: str | None = None
        self.badge_text = ""
        self.grade = ""
        """The evidence grade shown in the header ("B2"), kept by the scene (it depends on the sources)."""
        self.status: tuple = (None, None, "")
        """(label, severity, badge text) as last set: compared cheaply on every report."""
        self.hovered = False
        self.collapsed = False
        self.editing = False
        """The in-place editor lies over this box's text (see :mod:`argmap.ui.canvas.editor`)."""
        self._shown: Statement | None = None  # the text being typed, drawn under the editor
        self._rect = QRectF()
        self.set_size(size)
        flags = QGraphicsItem.GraphicsItemFlag
        self.setFlags(flags.ItemIsSelectable | flags.ItemIsMovable | flags.ItemIsFocusable)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptHoverEvents(True)
        self.setZValue(Z_BOX)

    # ------------------------------------------------------------ state
    def set_size(self, size: tuple[float, float]) -> None:
        """Resize the box (keeping its centre)."""
        w, h = size
        self.prepareGeometryChange()
        self._rect = QRectF(-w / 2, -h / 2, w, h)

    def set_statement(self, statement: Statement, size: tuple[float, float]) -> None:
        """Show new content."""
        self.statement = statement
        self._shown = None
        self.set_size(size)
        self.update()

    def preview(self, text: str, size: tuple[float, float]) -> None:
        """Draw the box as it will be with ``text`` (while the editor over it is typed in); not saved."""
        self._shown = self.statement.copy(text=text)
        self.set_size(size)
        self.update()

    def set_status(self, label: str | None, severity: str | None, badge_text: str = "") -> None:
        """Badges from the latest check report."""
        if (label, severity, badge_text) != self.status:
            self.label, self.severity, self.badge_text = label, severity, badge_text
            self.status = (label, severity, badge_text)
            self.update()

    def set_grade(self, grade: str) -> None:
        """Show ``grade`` in the header (``""``: none)."""
        if grade != self.grade:
            self.grade = grade
            self.update()

    def set_theme(self, theme, size: tuple[float, float]) -> None:
        self.theme = theme
        self.set_size(size)
        self.update()

    @property
    def diagnostics(self) -> tuple:
        """The latest check's findings about this statement (kept by the scene)."""
        scene = self.scene()
        return scene.diagnostics_of(self.sid) if scene is not None else ()

    def place(self, x: float, y: float) -> None:
        """Put the box's centre at (``x``, ``y``), as the scene's own doing (not a drag)."""
        self.setPos(x, y)
        self.placed = QPointF(x, y)

    def was_dragged(self) -> bool:
        """Whether the mouse moved the box since the scene last placed it."""
        return self.pos() != self.placed

    def box_rect(self) -> QRectF:
        """The box in item coordinates (centred on 0, 0)."""
        return QRectF(self._rect)

    def scene_box(self) -> QRectF:
        """The box in scene coordinates."""
        return self._rect.translated(self.pos())

    # ------------------------------------------------------------ QGraphicsItem
    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-5, -5, 5, 5)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._rect)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        statement = self._shown or self.statement
        if not shows_text(_lod(painter, option), self.theme):
            pen, fill = _plain_style(self.theme, statement.kind, self.isSelected())
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawRect(self._rect)
            return
        if self.collapsed:  # a stack of cards: the branch under this box is hidden
            painter.setPen(QPen(self.theme.border(statement.kind), 1.0))
            painter.setBrush(self.theme.fill(statement.kind))
            painter.drawRoundedRect(self._rect.translated(4, 4), 6, 6)
        paint_box(painter, self._rect, statement, self.theme, label=self.label, severity=self.severity,
                  selected=self.isSelected(), hovered=self.hovered, badge_text=self.badge_text, role=self.role,
                  grade=self.grade)

    def tooltip(self) -> str:
        """The tooltip: text, label and diagnostic messages, escaped so that Qt shows them literally."""
        lines = [self.statement.text[:600] + ("…" if len(self.statement.text) > 600 else "")]
        lines.append(self.statement.kind.capitalize() + (f", {self.role}" if self.role else ""))
        if self.label:
            lines.append(f"Label: {self.label}")
        scene = self.scene()
        lines += tradecraft_lines(self.statement, scene.amap.sources) if scene is not None else []
        lines += [f"{d.code} {d.severity}: {d.message}" for d in self.diagnostics]
        lines += scene.proposal_notes(self.sid) if scene is not None else []
        return "<qt>" + "<br>".join(html.escape(line).replace("\n", "<br>") for line in lines) + "</qt>"

    def hoverEnterEvent(self, event) -> None:
        self.setToolTip(self.tooltip())
        self.hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self.hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if self.scene() is not None:
            self.scene().edit_text(self.sid)
            event.accept()


class LinkItem(QGraphicsItem):
    """The drawn lines of one inference (legs, junction, arrow) or one conflict (dashed)."""

    def __init__(self, eid: str, kind: str, theme):
        super().__init__()
        self.eid = eid
        self.kind = kind
        self.theme = theme
        self.edges: list = []
        self._bounds = QRectF()
        self._path = QPainterPath()
        self._shape = QPainterPath()
        self._thin = theme.edge_pen(kind)
        self._thin.setWidthF(0)
        self.proposed = False
        """A relation the draft proposed, not yet accepted: drawn dotted (kept by the scene)."""
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(Z_LINK)

    def set_proposed(self, proposed: bool) -> None:
        """Draw as a proposal (dotted, hollow arrowhead) or as an accepted relation."""
        self.proposed = proposed
        self.update()

    def set_edges(self, edges: list) -> None:
        """New geometry (render ``Edge`` objects of this element)."""
        self.prepareGeometryChange()
        self.edges = list(edges)
        path = QPainterPath()
        for edge in self.edges:
            path.addPath(edge_path(edge.points, edge.bezier))
        self._path = path
        self._shape = None  # outlined on first use (hit tests): most links are never hit
        pad = self.theme.marker_radius + self.theme.arrow_size + 2
        self._bounds = path.boundingRect().adjusted(-pad, -pad, pad, pad)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10.0)
            self._shape = stroker.createStroke(self._path)
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        if _lod(painter, option) * self.theme.arrow_size < SIMPLE_EDGES_PX:
            painter.setPen(self._thin)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._path)
            return
        if self.isSelected():
            painter.save()
            painter.setPen(QPen(QColor(self.theme.hovered), 6.0))
            painter.drawPath(self.shape().simplified())
            painter.restore()
        for edge in self.edges:
            paint_edge(painter, edge, self.theme, proposed=self.proposed)

    def hoverEnterEvent(self, event) -> None:
        if self.scene() is not None:
            self.setToolTip(self.scene().link_tooltip(self.eid))
        super().hoverEnterEvent(event)


class JunctionItem(QGraphicsItem):
    """The dot where linked premises meet (a drop target for a new co-premise)."""

    RADIUS = 7.0

    def __init__(self, eid: str, kind: str, theme):
        super().__init__()
        self.eid = eid
        self.kind = kind
        self.theme = theme
        self.setZValue(Z_JUNCTION)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        r = self.RADIUS
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        paint_junction(painter, QPointF(0, 0), self.theme, self.kind)


class HandleItem(QGraphicsItem):
    """The link handle under the selected statement: drag it onto another element to link."""

    RADIUS = 6.0

    def __init__(self, theme):
        super().__init__()
        self.theme = theme
        self.sid: str | None = None
        self.setZValue(Z_EDITOR - 1)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip("Drag onto a statement to support it (Alt or Shift: attack it), "
                        "onto a junction to join as co-premise, onto a support arrow to undercut it")

    def boundingRect(self) -> QRectF:
        r = self.RADIUS + 1
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(self.theme.selected), 1.5))
        painter.setBrush(QColor(self.theme.background))
        painter.drawEllipse(QPointF(0, 0), self.RADIUS, self.RADIUS)
        painter.drawLine(QPointF(0, -3), QPointF(0, 3))
        painter.drawLine(QPointF(-3, 0), QPointF(3, 0))

    def mousePressEvent(self, event) -> None:
        if self.scene() is not None and self.sid is not None:
            self.scene().begin_link(self.sid, event.scenePos())
            event.accept()

    def mouseMoveEvent(self, event) -> None:
        if self.scene() is not None:
            self.scene().drag_link(event.scenePos())

    def mouseReleaseEvent(self, event) -> None:
        if self.scene() is not None:
            self.scene().end_link(event.scenePos(), event.modifiers())
