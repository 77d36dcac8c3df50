"""The review overlay: marks of a comparison or of merge conflicts drawn over the canvas.

The marks are separate graphics items that belong to no element: the scene
never counts them (its tables hold only boxes, links and junctions), the
map never sees them, exports never draw them, and :meth:`ReviewOverlay.clear`
removes every one. Each mark reads without colour: a word and a sign in a
tag (``+ ADDED``, ``− REMOVED``, ``~ CHANGED``, ``↦ MOVED``, ``! CONFLICT``)
and a line style of its own (dashed ghost, hatched veil, dotted frame,
dash-dot outline, double frame). The mark of the change in hand has its tag
filled and its lines thicker.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from argmap.model import Statement
from argmap.render.paths import edge_path
from argmap.ui.canvas._render import paint_box, statement_size

ADDED, REMOVED, CHANGED, MOVED, CONFLICT = "added", "removed", "changed", "moved", "conflict"
SIGNS = {ADDED: "+ ADDED", REMOVED: "\u2212 REMOVED", CHANGED: "~ CHANGED", MOVED: "\u21a6 MOVED",
         CONFLICT: "! CONFLICT"}
"""The words of each tag: the sign and the word carry the meaning, the colour only helps."""

COLOURS = {"light": {ADDED: "#00695c", REMOVED: "#b71c1c", CHANGED: "#6a1b9a", MOVED: "#37474f",
                     CONFLICT: "#e65100"},
           "dark": {ADDED: "#4db6ac", REMOVED: "#ef9a9a", CHANGED: "#ce93d8", MOVED: "#b0bec5",
                    CONFLICT: "#ffb74d"}}
STYLES = {ADDED: Qt.PenStyle.DashLine, REMOVED: Qt.PenStyle.SolidLine, CHANGED: Qt.PenStyle.DotLine,
          MOVED: Qt.PenStyle.DashDotLine, CONFLICT: Qt.PenStyle.SolidLine}
Z_GHOST, Z_MARK, Z_TAG = 1.5, 4.0, 6.0
GHOST_OPACITY = 0.55


@dataclass(frozen=True)
class Mark:
    """One thing to mark on the canvas.

    Attributes
    ----------
    key : int
        What a click on the mark hands back (the row of its change or conflict).
    op : str
        ``added``, ``removed``, ``changed``, ``moved`` or ``conflict``.
    eid : str
        The element: a statement (a box) or an inference or conflict (a link).
    detail : str
        Words after the sign in the tag (the changed fields, say).
    statement : Statement, optional
        For a ghost box (an added statement, a statement's other place): what to draw.
    members : tuple of str
        For a ghost link: its premises or attackers.
    target : str
        For a ghost link: its conclusion or target.
    link_kind : str
        ``support`` or ``attack`` (ghost links).
    current : bool
        The change in hand (drawn stronger).
    """

    key: int
    op: str
    eid: str
    detail: str = ""
    statement: Statement | None = None
    members: tuple[str, ...] = ()
    target: str = ""
    link_kind: str = "support"
    current: bool = False


class ReviewOverlay:
    """Draws :class:`Mark` lists over a :class:`~argmap.ui.canvas.MapScene` and takes them away again.

    Parameters
    ----------
    scene : MapScene
        The canvas (its boxes and links give the marks their places).
    on_click : callable, optional
        Called with a mark's ``key`` when its tag or ghost is clicked.
    """

    def __init__(self, scene, on_click: Callable[[int], None] | None = None):
        self.scene = scene
        self.on_click = on_click
        self.items: list[QGraphicsItem] = []
        self.rects: dict[int, QRectF] = {}
        """Where each mark is (by key), to bring it into view."""
        self._ghosts: dict[str, QRectF] = {}

    def show(self, marks: list[Mark]) -> None:
        """Draw ``marks`` (and only them)."""
        self.clear()
        colours = COLOURS["dark" if self.scene.theme.name == "dark" else "light"]
        ghosts = [m for m in marks if m.statement is not None and m.op != MOVED and self._box(m.eid) is None]
        self._ghosts = dict(self._place_ghosts(ghosts))
        for mark in sorted(marks, key=lambda m: m.current):  # the current mark last: on top
            colour = QColor(colours[mark.op])
            rect = self._draw(mark, colour)
            if rect is not None:
                self.rects[mark.key] = rect

    def clear(self) -> None:
        """Remove every mark (those the scene already deleted with a rebuild are skipped)."""
        for item in self.items:
            if shiboken6.isValid(item) and item.scene() is not None:
                item.scene().removeItem(item)
        self.items = []
        self.rects = {}
        self._ghosts = {}

    def valid(self) -> bool:
        """False when the scene deleted the marks (a rebuild clears the whole scene)."""
        return all(shiboken6.isValid(item) for item in self.items)

    # ------------------------------------------------------------ placing
    def _add(self, item: QGraphicsItem) -> QGraphicsItem:
        self.scene.addItem(item)
        self.items.append(item)
        return item

    def _box(self, sid: str) -> QRectF | None:
        item = self.scene.statement_item(sid)
        if item is not None and item.isVisible():
            return item.scene_box()
        return self._ghosts.get(sid)

    def _place_ghosts(self, marks: list[Mark]):
        """Ghost boxes where the other version has them; without a position, in a column right of the map."""
        right = self.scene.visible_bounds()
        x, y = (right.right() + 160, right.top()) if not right.isEmpty() else (0.0, 0.0)
        for mark in marks:
            w, h = statement_size(mark.statement, self.scene.theme, None)
            pos = mark.statement.position
            if pos is None:
                pos, y = QPointF(x + w / 2, y + h / 2), y + h + 40
            else:
                pos = QPointF(pos.x, pos.y)
            yield mark.eid, QRectF(pos.x() - w / 2, pos.y() - h / 2, w, h)

    def _draw(self, mark: Mark, colour: QColor) -> QRectF | None:
        tag = SIGNS[mark.op] + f" {mark.eid}" + (f": {mark.detail}" if mark.detail else "")
        link = self.scene.link_item(mark.eid)
        if mark.eid in self._ghosts:
            rect = self._ghosts[mark.eid]
            self._add(GhostBox(rect, mark, self.scene.theme, colour, self._click(mark)))
            return self._tag(tag, rect.topLeft(), mark, colour).united(rect)
        if mark.op == ADDED or (mark.members and link is None):
            path = self._ghost_path(mark)
            if path is None:
                return None
            self._add(PathMark(path, colour, mark, arrow=True))
            return self._tag(tag, path.pointAtPercent(0.5), mark, colour).united(path.boundingRect())
        box = self._box(mark.eid)
        if box is not None:
            self._add(FrameMark(box, colour, mark))
            rect = self._tag(tag, box.topLeft(), mark, colour).united(box)
            if mark.op == MOVED and mark.statement is not None and mark.statement.position is not None:
                rect = rect.united(self._move_hint(box, mark, colour))
            return rect
        if link is not None and link.isVisible():
            path = QPainterPath()
            for edge in link.edges:
                path.addPath(edge_path(edge.points, edge.bezier))
            if path.isEmpty():
                return None
            self._add(PathMark(path, colour, mark, arrow=False))
            return self._tag(tag, _middle(link), mark, colour).united(path.boundingRect())
        return None

    def _click(self, mark: Mark):
        return (lambda: self.on_click(mark.key)) if self.on_click is not None else None

    def _tag(self, text: str, at: QPointF, mark: Mark, colour: QColor) -> QRectF:
        item = self._add(TagItem(text, self.scene.theme, colour, mark.current, self._click(mark)))
        item.setPos(at.x(), at.y() - item.boundingRect().height() - 2)
        return item.sceneBoundingRect()

    def _move_hint(self, box: QRectF, mark: Mark, colour: QColor) -> QRectF:
        p = mark.statement.position
        there = QRectF(box)
        there.moveCenter(QPointF(p.x, p.y))
        self._add(FrameMark(there, colour, mark, outline_only=True))
        line = QLineF(box.center(), there.center())
        path = QPainterPath(_clip(line, box, there).p1())
        path.lineTo(_clip(line, box, there).p2())
        self._add(PathMark(path, colour, mark, arrow=True))
        return there.united(self._tag(f"\u21a6 {mark.eid} goes here", there.topLeft(), mark, colour))

    def _ghost_path(self, mark: Mark) -> QPainterPath | None:
        """Straight lines from each premise (attacker) to the conclusion (target) of an added link."""
        end = self._box(mark.target)
        if end is None:
            link = self.scene.link_item(mark.target)
            if link is None or not link.isVisible():
                return None
            middle = _middle(link)
            end = QRectF(middle.x() - 3, middle.y() - 3, 6, 6)
        path = QPainterPath()
        for member in mark.members:
            start = self._box(member)
            if start is None:
                continue
            line = _clip(QLineF(start.center(), end.center()), start, end)
            path.moveTo(line.p1())
            path.lineTo(line.p2())
        return None if path.isEmpty() else path


def _middle(link) -> QPointF:
    """Halfway along a link's last leg (the one into its conclusion or target)."""
    edge = next((e for e in link.edges if getattr(e, "arrow", False)), link.edges[-1] if link.edges else None)
    if edge is None:
        return link.boundingRect().center()
    return edge_path(edge.points, edge.bezier).pointAtPercent(0.5)


def _clip(line: QLineF, start: QRectF, end: QRectF) -> QLineF:
    """``line`` from where it leaves ``start`` to where it enters ``end``."""
    def crossing(rect: QRectF, towards_p1: bool) -> QPointF:
        sides = (QLineF(rect.topLeft(), rect.topRight()), QLineF(rect.topRight(), rect.bottomRight()),
                 QLineF(rect.bottomRight(), rect.bottomLeft()), QLineF(rect.bottomLeft(), rect.topLeft()))
        for side in sides:
            kind, point = line.intersects(side)
            if kind == QLineF.IntersectionType.BoundedIntersection:
                return point
        return line.p1() if towards_p1 else line.p2()

    return QLineF(crossing(start, True), crossing(end, False))


def _pen(colour: QColor, mark: Mark, width: float = 2.0) -> QPen:
    pen = QPen(colour, width + (1.5 if mark.current else 0.0))
    pen.setStyle(STYLES[mark.op])
    return pen


class _MarkItem(QGraphicsItem):
    """A mark: never selectable, never movable; clicks pass to the box beneath unless it has a click."""

    def __init__(self, click: Callable[[], None] | None = None):
        super().__init__()
        self.click = click
        if click is None:
            self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        else:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt name
        if self.click is not None:
            self.click()
            event.accept()


class TagItem(_MarkItem):
    """The words of a mark, in a small framed label (filled for the change in hand)."""

    PAD = 3.0

    def __init__(self, text: str, theme, colour: QColor, current: bool, click=None):
        super().__init__(click)
        self.text, self.theme, self.colour, self.current = text, theme, colour, current
        self.font = theme.font(small=True, bold=True)
        metrics = QFontMetricsF(self.font)
        self._rect = QRectF(0, 0, metrics.horizontalAdvance(text) + 2 * self.PAD, metrics.height() + 2 * self.PAD)
        self.setZValue(Z_TAG + (1 if current else 0))
        self.setToolTip(text)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt name
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(self.colour, 1.5))
        painter.setBrush(self.colour if self.current else QColor(self.theme.background))
        painter.drawRoundedRect(self._rect, 3, 3)
        painter.setFont(self.font)
        painter.setPen(QColor(self.theme.background) if self.current else self.colour)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self.text)


class FrameMark(_MarkItem):
    """A frame around a box: hatched veil (removed), dotted (changed), double (conflict), dash-dot (moved)."""

    def __init__(self, rect: QRectF, colour: QColor, mark: Mark, outline_only: bool = False):
        super().__init__()
        self.rect, self.colour, self.mark, self.outline_only = QRectF(rect), colour, mark, outline_only
        self.setZValue(Z_MARK)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt name
        return self.rect.adjusted(-9, -9, 9, 9)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        op = self.mark.op
        if op == REMOVED and not self.outline_only:  # a veil: the box reads as going away
            veil = QColor(self.colour)
            veil.setAlpha(150)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(veil, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(self.rect)
            painter.setPen(QPen(self.colour, 2.0))
            painter.drawLine(self.rect.topLeft(), self.rect.bottomRight())
            painter.drawLine(self.rect.topRight(), self.rect.bottomLeft())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pen(self.colour, self.mark))
        painter.drawRoundedRect(self.rect.adjusted(-5, -5, 5, 5), 8, 8)
        if op == CONFLICT:
            painter.drawRoundedRect(self.rect.adjusted(-8, -8, 8, 8), 10, 10)


class GhostBox(_MarkItem):
    """A statement the other version has and this map has not: drawn faint, with a dashed outline."""

    def __init__(self, rect: QRectF, mark: Mark, theme, colour: QColor, click=None):
        super().__init__(click)
        self.rect, self.mark, self.theme, self.colour = QRectF(rect), mark, theme, colour
        self.setZValue(Z_GHOST)
        self.setToolTip(mark.statement.text[:600])

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt name
        return self.rect.adjusted(-8, -8, 8, 8)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.save()
        painter.setOpacity(GHOST_OPACITY)
        paint_box(painter, self.rect, self.mark.statement, self.theme, badges=False)
        painter.restore()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pen(self.colour, self.mark))
        painter.drawRoundedRect(self.rect.adjusted(-4, -4, 4, 4), 8, 8)


class PathMark(_MarkItem):
    """A line: a ghost link or a move (dashed, with an arrowhead) or a link going away (wide, hatched)."""

    def __init__(self, path: QPainterPath, colour: QColor, mark: Mark, arrow: bool):
        super().__init__()
        self.path, self.colour, self.mark, self.arrow = path, colour, mark, arrow
        self.setZValue(Z_MARK)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt name
        return self.path.boundingRect().adjusted(-12, -12, 12, 12)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.mark.op in (REMOVED, CHANGED, CONFLICT):  # over a real link: a band along it
            band = QColor(self.colour)
            band.setAlpha(120)
            brush = QBrush(band, Qt.BrushStyle.BDiagPattern if self.mark.op == REMOVED else Qt.BrushStyle.SolidPattern)
            width = {REMOVED: 9.0, CHANGED: 4.0, CONFLICT: 6.0}[self.mark.op] + (3.0 if self.mark.current else 0.0)
            pen = QPen(brush, width)
            pen.setStyle(Qt.PenStyle.DotLine if self.mark.op == CHANGED else Qt.PenStyle.SolidLine)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawPath(self.path)
            return
        painter.setPen(_pen(self.colour, self.mark, 2.0))
        painter.drawPath(self.path)
        if self.arrow:
            self._heads(painter)

    def _heads(self, painter: QPainter) -> None:
        """An arrowhead at the end of each straight piece."""
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        for n in range(self.path.elementCount() - 1):
            a, b = self.path.elementAt(n), self.path.elementAt(n + 1)
            if not b.isLineTo():
                continue
            angle = math.atan2(b.y - a.y, b.x - a.x)
            tip = QPointF(b.x, b.y)
            left = QPointF(b.x - 10 * math.cos(angle - 0.4), b.y - 10 * math.sin(angle - 0.4))
            right = QPointF(b.x - 10 * math.cos(angle + 0.4), b.y - 10 * math.sin(angle + 0.4))
            painter.drawPolygon(QPolygonF([tip, left, right]))
