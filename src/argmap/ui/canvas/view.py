"""The view on a map canvas: wheel zoom, panning, fit and centring."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer
from PySide6.QtGui import QPainter, QPixmapCache
from PySide6.QtWidgets import QGraphicsView

from argmap.ui.canvas.items import shows_text

ZOOM_STEP = 1.2
MIN_SCALE, MAX_SCALE = 0.02, 8.0

FIT_MARGIN_PX = 12
"""Space left around the map by Fit Map, in screen pixels."""

READABLE = 0.6
"""The zoom a map too big to read whole opens at."""

PIXMAP_CACHE_KB = 96 * 1024
"""Room for the items' cached renderings (Qt's default, 10 MB, holds a few hundred boxes: a big
map would re-render them on every pan)."""


class MapView(QGraphicsView):
    """Shows a :class:`~argmap.ui.canvas.scene.MapScene`.

    The wheel zooms around the pointer (no Ctrl needed); dragging the
    background with the left button draws a selection rubber band, with the
    middle or right button (or with Space held) it pans.
    """

    def __init__(self, scene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)  # passages of the source text (the scene decides, see canvas.drops)
        self.viewport().setAcceptDrops(True)
        self._space = False
        self._pan_from = None
        self._tree = None
        self.keep_fitted = False
        """Fit Map was the last view change: a resize fits again (the window taking its size at start)."""
        self._fitting = False
        self._opening: list[str] | None = None  # the top statements, while a freshly opened map is being fitted
        self._deciding = False
        from argmap.ui import accessibility

        accessibility.install()
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)

    def accessible_tree(self):
        """What a screen reader sees of the map (:class:`argmap.ui.accessibility.MapTree`), made once."""
        if self._tree is None:
            from argmap.ui.accessibility import MapTree

            self._tree = MapTree(self)
        return self._tree

    # ------------------------------------------------------------ zoom
    def zoom(self) -> float:
        """The current scale factor (1 = 100 %)."""
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        """Scale by ``factor``, kept between 2 % and 800 %."""
        self.keep_fitted = False
        self._opening = None
        target = min(MAX_SCALE, max(MIN_SCALE, self.zoom() * factor))
        factor = target / self.zoom()
        if abs(factor - 1.0) > 1e-9:
            self.scale(factor, factor)

    def zoom_in(self) -> None:
        """Zoom in around the middle of the view (the keys and the menu; the wheel zooms at the pointer)."""
        self._zoom_centred(ZOOM_STEP)

    def zoom_out(self) -> None:
        """Zoom out around the middle of the view."""
        self._zoom_centred(1 / ZOOM_STEP)

    def _zoom_centred(self, factor: float) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        try:
            self.zoom_by(factor)
        finally:
            self.setTransformationAnchor(anchor)

    def fit_all(self) -> None:
        """Show the whole map (what is not folded away), as large as fits, but not above 100 %.

        The margin is a few screen pixels, not scene pixels, so that a big map
        keeps as much zoom (and legible text) as the window allows.
        """
        rect = self.scene().visible_bounds()
        if rect.isEmpty():  # an empty map: full size, around the spot where the first statement goes
            self.resetTransform()
            self.centerOn(0.0, 0.0)
            return
        room = self.viewport().rect()
        width, height = room.width() - 2 * FIT_MARGIN_PX, room.height() - 2 * FIT_MARGIN_PX
        if width <= 0 or height <= 0:
            return
        scale = min(width / max(rect.width(), 1.0), height / max(rect.height(), 1.0), 1.0)
        self._fitting = True
        try:
            self.resetTransform()
            self.scale(scale, scale)
            self.centerOn(rect.center())
        finally:
            self._fitting = False
        self.keep_fitted = True

    def open_map(self, tops: list[str]) -> None:
        """How a map opens: all of it in view when its text can still be drawn at that size, else reading
        size on ``tops`` (a map of thousands of statements; Fit Map still shows all of it).

        Decided again as the view takes its size (a window opening), until the user zooms or scrolls.
        """
        self._opening = list(tops)
        self._open()

    def _open(self) -> None:
        self.fit_all()
        if self.isVisible() and not self._deciding:  # once the window's layout has settled (next turn)
            self._deciding = True
            QTimer.singleShot(0, self._decide)

    def _decide(self) -> None:
        self._deciding = False
        if self._opening is None or not self.keep_fitted or shows_text(self.zoom(), self.scene().theme):
            return
        tops, self._opening = self._opening, None
        self._fitting = True
        try:
            self.resetTransform()
            self.scale(READABLE, READABLE)
            self.center_on_ids(tops)
        finally:
            self._fitting = False

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        fitted, self._fitting = self.keep_fitted, True
        try:
            super().resizeEvent(event)
        finally:
            self._fitting = False
        if fitted:
            self._open() if self._opening is not None else self.fit_all()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt name
        super().scrollContentsBy(dx, dy)
        if not self._fitting:
            self.keep_fitted = False  # the user scrolled: a resize keeps what they look at
            self._opening = None

    def center_on_ids(self, ids) -> None:
        """Scroll so that the statements ``ids`` are in view (zooming out if they do not fit)."""
        rect = QRectF()
        for eid in ids:
            item = self.scene().statement_item(eid) or self.scene().link_item(eid)
            if item is not None:
                rect = rect.united(item.sceneBoundingRect())
        if rect.isEmpty():
            return
        self.keep_fitted = False
        self._opening = None
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if rect.width() > visible.width() or rect.height() > visible.height():
            self.fitInView(rect.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
        else:
            self.centerOn(rect.center())

    def wheelEvent(self, event) -> None:
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by(ZOOM_STEP ** (delta / 120.0))
        event.accept()

    # ------------------------------------------------------------ keys
    def event(self, event) -> bool:
        """Ctrl+Tab and Ctrl+Shift+Tab leave the canvas (Tab and Shift+Tab add statements here)."""
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            backwards = event.key() == Qt.Key.Key_Backtab or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.focusNextPrevChild(not backwards)
            return True
        return super().event(event)

    # ------------------------------------------------------------ panning
    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self.scene().editor() is None:
            self._space = True
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space:
            self._space = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event) -> None:
        if event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.RightButton) and \
                self.itemAt(event.position().toPoint()) is None:
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.keep_fitted = False
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
