"""What the comparison and the merge-conflict controllers share: a panel's list, marked on the canvas.

:class:`ReviewController` holds the window, the panel and its dock, the
canvas overlay of marks, and a zero-delay timer that coalesces the map's
changes into one :meth:`refresh`; :func:`bring_into_view` shows a marked
place at reading size.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, QTimer

from argmap.ui.canvas.overlay import ReviewOverlay

READING_ZOOM = 0.8
"""The zoom a review zooms in to (when the view is smaller and the mark fits)."""


def bring_into_view(view, rect: QRectF) -> None:
    """Scroll (and zoom in to reading size, or out to fit) so that ``rect`` of the scene is in view."""
    port = view.viewport().rect()
    if view.zoom() < READING_ZOOM and rect.width() * READING_ZOOM < port.width() - 40 and \
            rect.height() * READING_ZOOM < port.height() - 40:
        view.zoom_by(READING_ZOOM / view.zoom())
    visible = view.mapToScene(port).boundingRect()
    if rect.width() > visible.width() or rect.height() > visible.height():
        view.fitInView(QRectF(rect).adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
    elif not visible.adjusted(20, 20, -20, -20).contains(rect):
        view.centerOn(rect.center())


class ReviewController(QObject):
    """A list in a panel, its marks on the canvas, and the Review menu rows that act on it.

    Subclasses provide ``go_to(n)``, ``refresh()``, ``_on_change(change)``
    and ``_redraw()``.

    Parameters
    ----------
    window : MainWindow
        Provides ``document``, ``scene``, ``view``, ``statusBar()`` and ``select_and_center``.
    panel : QWidget
        The list (in its dock); its ``current_changed(int)`` signal goes to :meth:`go_to`.
    dock : QDockWidget
        The panel's dock.
    place : callable, optional
        Shows the dock (``place(dock)``; by default ``dock.show()`` and ``dock.raise_()``).
    """

    def __init__(self, window, panel, dock, place=None):
        super().__init__(window)
        self.window, self.panel, self.dock = window, panel, dock
        self.place = place or (lambda d: (d.show(), d.raise_()))
        self.current: int | None = None
        self.overlay = ReviewOverlay(window.scene, self.go_to)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        window.document.changed.connect(self._on_change)
        window.scene.rebuilt.connect(self._redraw)
        panel.current_changed.connect(self.go_to)

    def enable_actions(self, states) -> None:
        """Enable or disable the window's actions named in ``states`` (``(name, on)`` pairs; absent ones skipped)."""
        actions = getattr(self.window, "actions", {})
        for name, on in states:
            if name in actions:
                actions[name].setEnabled(on)
