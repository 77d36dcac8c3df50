"""The window's review tools: Compare With…, merge conflicts, comments and the Review panel, in one place.

:class:`ReviewTools` makes the three panels (*Changes*, *Conflicts*,
*Review*) and their docks, the comparison and conflict controllers, and
answers the *Review* menu. The window calls :meth:`ReviewTools.on_loaded`
after opening a map and :meth:`ReviewTools.settle` once its actions exist.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget

from argmap.commands.comments import set_resolved
from argmap.commands.edits import execute
from argmap.model import ModelError
from argmap.ui.compare import CompareController
from argmap.ui.conflicts import ConflictsController
from argmap.ui.panels.changes import ChangesPanel
from argmap.ui.panels.conflicts import ConflictsPanel
from argmap.ui.panels.review import ReviewPanel

DOCKS = (("changes", "Changes"), ("conflicts", "Conflicts"), ("review", "Review"))


class ReviewTools(QObject):
    """Review in one window.

    Parameters
    ----------
    window : MainWindow
        Provides ``document``, ``scene``, ``view``, ``inspector``, ``docks``,
        ``prefs``, ``statusBar()`` and ``select_and_center``; the docks made
        here are added to ``window.docks`` (so the View menu lists them).
    """

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.changes_panel = ChangesPanel()
        self.conflicts_panel = ConflictsPanel()
        self.review_panel = ReviewPanel(window.document)
        widgets = {"changes": self.changes_panel, "conflicts": self.conflicts_panel, "review": self.review_panel}
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        for name, title in DOCKS:
            dock = QDockWidget(title, window)
            dock.setObjectName(f"dock.{name}")
            dock.setWidget(widgets[name])
            dock.hide()  # placed beside the Diagnostics once the window shows (see place)
            window.addDockWidget(bottom, dock)
            window.docks[name] = dock
        self._first_show = not isinstance(window.settings.value("window/state"), QByteArray)
        self._pending: list[tuple[QDockWidget, bool]] = []
        window.installEventFilter(self)
        self.compare = CompareController(window, self.changes_panel, window.docks["changes"], self.place)
        self.conflicts = ConflictsController(window, self.conflicts_panel, window.docks["conflicts"], self.place)
        window.inspector.comments.author = lambda: window.prefs.author
        self.review_panel.selected.connect(window.select_and_center)
        self.review_panel.resolve_requested.connect(self.set_resolved)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt name
        """Once the window shows, the docks asked for meanwhile are placed (the Review panel on a first run)."""
        if watched is self.window and event.type() == QEvent.Type.Show:
            if self._first_show:
                self._first_show = False
                self._pending.insert(0, (self.window.docks["review"], False))
            pending, self._pending = self._pending, []
            for dock, front in pending:
                self.place(dock, front)
        return False

    def place(self, dock: QDockWidget, front: bool = True) -> None:
        """Show ``dock``, as a tab beside the Diagnostics the first time (``front``: as the tab in view).

        Docks are tabbed only once the window is on screen: Qt leaves a stray
        tab bar over the side panels for a tab group made before that. Until
        then the dock waits.
        """
        if not self.window.isVisible():
            self._pending.append((dock, front))
            return
        diagnostics = self.window.docks.get("diagnostics")
        if not dock.isVisible():
            dock.show()
            if diagnostics is not None and diagnostics.isVisible() and not self.window.tabifiedDockWidgets(dock) \
                    and self.window.dockWidgetArea(diagnostics) == self.window.dockWidgetArea(dock):
                self.window.tabifyDockWidget(diagnostics, dock)
        if front:
            dock.raise_()
        elif diagnostics is not None:
            diagnostics.raise_()

    def settle(self) -> None:
        """Show the contextual docks only when they have something (a restored window state may show them)."""
        if not self.compare.active:
            self.window.docks["changes"].hide()
            self._pending = [p for p in self._pending if p[0] is not self.window.docks["changes"]]
        if not self.conflicts.conflicts:
            self.window.docks["conflicts"].hide()
            self._pending = [p for p in self._pending if p[0] is not self.window.docks["conflicts"]]
        self.compare.update_actions()
        self.conflicts.update_actions()

    def on_loaded(self) -> None:
        """Another map is in the window: any comparison ends; its merge conflicts are listed."""
        self.compare.end()
        self.conflicts.on_loaded()
        self.review_panel.refresh()
        self.settle()

    # ------------------------------------------------------------ comments
    def add_comment(self) -> bool:
        """Review → Add Comment…: the Inspector's new-comment field for the selected element."""
        ids = self.window.scene.selected_ids()
        if len(ids) != 1:
            self.window.statusBar().showMessage("Select one statement, support or attack to comment on it", 5000)
            return False
        self.window.inspector.show_element(ids[0])
        self.window.docks["inspector"].show()
        self.window.docks["inspector"].raise_()
        self.window.inspector.comments.start_comment()
        return True

    def show_comments(self) -> None:
        """Review → Open Comments: the Review panel."""
        self.place(self.window.docks["review"])
        self.review_panel.tree.setFocus()

    def set_resolved(self, element_id: str, index: int, resolved: bool) -> bool:
        """Resolve (or reopen) one comment: one undo step."""
        try:
            execute(self.window.document.undo_stack, set_resolved(self.window.document.amap, element_id, index,
                                                                    resolved))
        except ModelError as exc:
            self.window.statusBar().showMessage(str(exc), 5000)
            self.review_panel.refresh()
            return False
        return True
