"""The main window: the canvas in the centre, the panels in docks, menus from one table.

The window owns one :class:`~argmap.commands.document.Document` for its
whole life; opening a file replaces the document's map (``replace_with``)
and clears its undo stack, so the canvas and the panels stay connected.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QMenu, QVBoxLayout, QWidget

from argmap.commands.document import Document
from argmap.model import ArgumentMap
from argmap.render import theme_named
from argmap.resources_path import resource
from argmap.ui import help as help_pages
from argmap.ui.actions import build_actions, build_menus, build_toolbar
from argmap.ui.canvas import MapScene, MapView
from argmap.ui.drafting import DraftController
from argmap.ui.empty_hint import START_ACTIONS, EmptyMapHint
from argmap.ui.files import FileController
from argmap.ui.find_bar import FindBar
from argmap.ui.flow import FlowMixin
from argmap.ui.panels.common import counts_text
from argmap.ui.panels.diagnostics import DiagnosticsPanel
from argmap.ui.panels.history import HistoryPanel
from argmap.ui.panels.inspector import InspectorPanel
from argmap.ui.panels.outline import OutlinePanel
from argmap.ui.panels.source import SourcePanel
from argmap.ui.preferences import Preferences, PreferencesDialog, app_settings
from argmap.ui.review import ReviewTools
from argmap.ui.tradecraft import TradecraftTools


class MainWindow(FlowMixin, QMainWindow):
    """One map in one window.

    Parameters
    ----------
    document : Document, optional
        The document to show (a new empty map by default).
    settings : QSettings, optional
        Where window state, recent files and preferences live (``QSettings("argmap", "argmap")``).
    """

    def __init__(self, document: Document | None = None, settings=None, parent=None):
        super().__init__(parent)
        self.setObjectName("main_window")
        self.settings = settings if settings is not None else app_settings()
        self.prefs = Preferences.load(self.settings)
        self.document = document or Document(ArgumentMap(title="Untitled map"))
        if self.document.parent() is None:
            self.document.setParent(self)  # lives and dies with the window
        self.theme = self._make_theme()
        self.scene = MapScene(self.document, self.theme)
        self.view = MapView(self.scene)
        self.find_bar = FindBar(lambda: self.document.amap, self)
        self.find_bar.found.connect(self.select_and_center)
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.view, 1)
        box.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self._make_panels()
        self.actions = build_actions(self)
        self.menus = build_menus(self, self.actions)
        self.toolbar = build_toolbar(self, self.actions)
        self.drafting = DraftController(self)
        box.insertWidget(0, self.drafting.bar)
        self.inspector.layout().insertWidget(0, self.drafting.box)
        self.tradecraft.connect_actions()
        self._add_recent_menu()
        self._add_dock_toggles()
        self.empty_hint = EmptyMapHint(self.view.viewport(), [self.actions[a] for a in START_ACTIONS
                                                              if a in self.actions])
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.counts)
        self.files = FileController(self, self.prefs.autosave_minutes)
        self._connect()
        self.setAcceptDrops(True)
        icon = resource("icons", "argmap.svg")
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))
        self.resize(1400, 900)
        self._restore_state()
        self.actions["view.dark"].setChecked(self.prefs.theme == "dark")
        self._apply_palette()
        self.review.settle()
        self._on_report(self.document.report)
        self.update_title()
        self.empty_hint.show_for(self.document.amap)

    # ------------------------------------------------------------ building
    def _make_panels(self) -> None:
        self.inspector = InspectorPanel(self.document)
        self.diagnostics = DiagnosticsPanel()
        self.source = SourcePanel(self.document)
        self.outline = OutlinePanel()
        self.history = HistoryPanel(self.document)
        self.docks: dict[str, QDockWidget] = {}
        right, left, bottom = (Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.LeftDockWidgetArea,
                               Qt.DockWidgetArea.BottomDockWidgetArea)
        for name, title, widget, area in (("outline", "Outline", self.outline, left),
                                          ("inspector", "Inspector", self.inspector, right),
                                          ("source", "Source", self.source, right),
                                          ("diagnostics", "Diagnostics", self.diagnostics, bottom),
                                          ("history", "Undo History", self.history, left)):
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock.{name}")
            dock.setWidget(widget)
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        self.tabifyDockWidget(self.docks["inspector"], self.docks["source"])
        self.docks["inspector"].raise_()
        self.tabifyDockWidget(self.docks["outline"], self.docks["history"])
        self.docks["outline"].raise_()
        self.review = ReviewTools(self)  # Changes, Conflicts and Review docks; Compare With…, comments
        self.tradecraft = TradecraftTools(self)  # the Sources dock; Assume, New Source…, Cite Source…
        self.docks["inspector"].raise_()
        # first run (no saved state): narrow side panels, so that the map gets the room
        self.resizeDocks([self.docks["outline"], self.docks["inspector"]], [250, 320], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["diagnostics"]], [180], Qt.Orientation.Vertical)

    def _add_recent_menu(self) -> None:
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.setObjectName("menu.recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.menus["File"].insertMenu(self.actions["file.import"], self.recent_menu)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.files.recent.paths():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.files.open_path(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("(none)").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear List", self.files.recent.clear)

    def _add_dock_toggles(self) -> None:
        view = self.menus["View"]
        view.addSeparator()
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        view.addAction(self.toolbar.toggleViewAction())

    def _connect(self) -> None:
        doc = self.document
        doc.report_changed.connect(self._on_report)
        doc.modified_changed.connect(lambda _m: self.update_title())
        doc.path_changed.connect(lambda _p: self.update_title())
        doc.changed.connect(self._on_change)
        stack = doc.undo_stack
        stack.canUndoChanged.connect(self.actions["edit.undo"].setEnabled)
        stack.canRedoChanged.connect(self.actions["edit.redo"].setEnabled)
        self.actions["edit.undo"].setEnabled(stack.canUndo())
        self.actions["edit.redo"].setEnabled(stack.canRedo())
        self.scene.selection_ids_changed.connect(self._on_selection)
        self.diagnostics.activated.connect(self._on_diagnostic)
        self.outline.selected.connect(self.select_and_center)
        self.source.statement_clicked.connect(self.select_and_center)
        self.source.statement_added.connect(self.select_and_center)
        self.source.statement_linked.connect(self._on_passage_linked)
        self.source.notice.connect(self.show_message)
        self.source.placer = self.scene.place_passage
        self.scene.passage_dropped.connect(self._on_passage_dropped)
        self.scene.walked.connect(self._on_walked)
        self.scene.message.connect(self.show_message)  # a bound method: the scene must not keep the window alive
        self.inspector.message.connect(lambda text: self.statusBar().showMessage(text, 5000))

    # ------------------------------------------------------------ loading
    def load(self, amap: ArgumentMap, path: Path | None, *, modified: bool = False,
             source_base: Path | None = None) -> None:
        """Show ``amap`` (saved to ``path``, or untitled), with a fresh undo history."""
        doc = self.document
        doc.undo_stack.clear()
        doc.amap.replace_with(amap)
        doc.set_path(path)
        doc.undo_stack.setClean()
        if modified:
            doc.undo_stack.resetClean()
        self.source.set_base(source_base or (path.parent if path else None))
        doc.recheck()
        self.fit_map()
        self.update_title()
        self.empty_hint.show_for(doc.amap)
        self.review.on_loaded()

    def fit_map(self) -> None:
        """Show the whole map (or, too big to read whole, its top at reading size); see ``MapView.open_map``."""
        tops = [sid for sid in self.outline_roots() if sid in self.document.amap.statements][:1]
        self.view.open_map(tops)

    def outline_roots(self) -> list[str]:
        from argmap.ui.panels.outline import outline_roots

        return outline_roots(self.document.amap)

    def update_title(self) -> None:
        """``map title — file name[*]``; the star shows while there are unsaved changes."""
        title = self.document.amap.title or "Untitled map"
        self.setWindowTitle(f"{title} — {self.document.display_name()}[*]")
        self.setWindowModified(self.document.modified)

    # ------------------------------------------------------------ following the model
    def _on_report(self, report) -> None:
        self.diagnostics.set_report(report, self.document.amap)
        self.outline.refresh(self.document.amap)
        self.counts.setText(counts_text(report.summary()))
        ids = self.scene.selected_ids()
        self.outline.select_id(ids[0] if len(ids) == 1 else None)
        if len(ids) == 1 and ids[0] in self.document.amap.statements and \
                self.statusBar().currentMessage().startswith(f"{ids[0]} “"):
            self.statusBar().showMessage(self.where_text(ids[0]), 8000)  # the label may have changed

    def _on_change(self, change) -> None:
        self.outline.note_change(change)
        if change.op in ("added", "removed", "reset"):
            self.empty_hint.show_for(self.document.amap)
        if change.op in ("meta", "reset"):
            self.update_title()

    def _on_selection(self, ids: list) -> None:
        self.scene.set_highlight([])  # a new selection ends the marks of the last diagnostic or passage
        one = ids[0] if len(ids) == 1 else None
        self.inspector.show_element(one)
        statement = one if one in self.document.amap.statements else None
        self.source.show_statement(statement)
        self.source.set_target(statement)
        self.outline.select_id(statement)
        if len(ids) > 1:
            self.statusBar().showMessage(f"{len(ids)} selected", 3000)
        elif statement is not None:
            self.statusBar().showMessage(self.where_text(statement), 8000)

    def show_message(self, text: str) -> None:
        """A notice in the status bar for a few seconds."""
        self.statusBar().showMessage(text, 5000)

    def _on_diagnostic(self, target: str, related: list) -> None:
        self.select_and_center(target)
        self.scene.set_highlight([target, *related])

    def select_and_center(self, sid: str) -> None:
        """Select ``sid`` on the canvas and bring it into view."""
        if sid not in self.document.amap:
            return
        self.scene.select_ids([sid])
        self.view.center_on_ids([sid])

    # ------------------------------------------------------------ slots named in the actions table
    def set_kind_claim(self) -> None:
        self.scene.set_kind("claim")

    def set_kind_evidence(self) -> None:
        self.scene.set_kind("evidence")

    def set_kind_recommendation(self) -> None:
        self.scene.set_kind("recommendation")

    def export_dialog(self):
        """The Export Image dialog for this map, its selection and the visible area (not yet shown)."""
        from argmap.ui.export_dialog import ExportDialog

        visible = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        return ExportDialog(self.document, parent=self, settings=self.settings,
                            selection_ids=self.scene.selected_ids(), visible_rect=visible)

    def export_image(self) -> None:
        self.export_dialog().exec()

    def copy_image(self) -> None:
        from argmap.ui import printing

        printing.copy_as_image(self.document, parent=self)
        self.statusBar().showMessage("Copied the map as an image", 3000)

    def print_map(self) -> None:
        from argmap.ui import printing

        printing.print_map(self.document, parent=self)

    def show_preferences(self) -> bool:
        dialog = PreferencesDialog(self.prefs, self)
        if not dialog.exec():
            return False
        self.apply_preferences(dialog.preferences())
        return True

    def apply_preferences(self, prefs: Preferences) -> None:
        """Use and remember ``prefs``."""
        self.prefs = prefs
        prefs.save(self.settings)
        self.files.autosave.set_interval(prefs.autosave_minutes)
        self.actions["view.dark"].setChecked(prefs.theme == "dark")
        self.theme = self._make_theme()
        self.scene.set_theme(self.theme)
        self._apply_palette()

    def set_dark(self, on: bool) -> None:
        if (self.prefs.theme == "dark") != on:
            self.apply_preferences(replace(self.prefs, theme="dark" if on else "light"))

    def show_rules(self) -> None:
        self._help = help_pages.show_rules(self)

    def show_shortcuts(self) -> None:
        self._help = help_pages.show_shortcuts(self)

    def show_about(self) -> None:
        help_pages.show_about(self)

    def _make_theme(self):
        theme = theme_named(self.prefs.theme)
        return replace(theme, font_px=self.prefs.font_px) if theme.font_px != self.prefs.font_px else theme

    def _apply_palette(self) -> None:
        app = QApplication.instance()
        if app is None:
            return
        if self.prefs.theme != "dark":
            app.setPalette(app.style().standardPalette())
            return
        pal = QPalette()
        dark, base, text = Qt.GlobalColor.black, "#2b2b2b", "#e6e6e6"
        for role, colour in ((QPalette.ColorRole.Window, "#353535"), (QPalette.ColorRole.WindowText, text),
                             (QPalette.ColorRole.Base, base), (QPalette.ColorRole.AlternateBase, "#333333"),
                             (QPalette.ColorRole.Text, text), (QPalette.ColorRole.Button, "#353535"),
                             (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.Highlight, "#2a82da"),
                             (QPalette.ColorRole.HighlightedText, dark), (QPalette.ColorRole.ToolTipBase, base),
                             (QPalette.ColorRole.ToolTipText, text), (QPalette.ColorRole.PlaceholderText, "#9a9a9a")):
            pal.setColor(role, colour)
        app.setPalette(pal)

    # ------------------------------------------------------------ window life
    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt name
        if not self.files.maybe_save():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.files.autosave.discard()
        self.files.autosave.timer.stop()
        self.document.undo_stack.setClean()  # the user saved or discarded: nothing is pending any more
        event.accept()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt name
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt name
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.open_path(paths[0])
