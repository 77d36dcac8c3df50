"""The window's tradecraft tools (SPEC §5): the Sources dock, Assume / Stop Assuming, New Source…, Cite Source….

:class:`TradecraftTools` is made by the main window with its panels. It
owns the Sources panel's dock, runs the actions of the actions table whose
slots start with ``tradecraft.`` on the canvas selection, keeps their
enabled state in step with the selection, and follows the Diagnostics
panel: choosing a single-source finding (AM009) also shows its source in
the Sources panel (the canvas marks the evidence that depends on it).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget

from argmap.commands import sources as cmd
from argmap.commands.edits import execute
from argmap.model import ModelError
from argmap.ui.accessibility import announce
from argmap.ui.panels.sources import SourcesPanel
from argmap.ui.source_dialog import ask_choice, source_choice

NEW_SOURCE_CHOICE = "New source…"


class TradecraftTools(QObject):
    """The Sources dock and the tradecraft actions of ``window`` (a :class:`~argmap.ui.main_window.MainWindow`)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.panel = SourcesPanel(window.document)
        dock = QDockWidget("Sources", window)
        dock.setObjectName("dock.sources")
        dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        window.docks["sources"] = dock
        window.tabifyDockWidget(window.docks["source"], dock)
        self.dock = dock
        self.panel.statement_chosen.connect(window.select_and_center)
        self.panel.evidence_shown.connect(lambda ids: window.scene.set_highlight(ids))
        self.panel.message.connect(window.show_message)
        window.document.report_changed.connect(self.panel.set_report)
        self.panel.set_report(window.document.report)
        window.diagnostics.chosen.connect(self.diagnostic_chosen)

    def connect_actions(self) -> None:
        """Keep the actions' enabled state in step with the selection (once the actions exist)."""
        self.window.scene.selection_ids_changed.connect(lambda _ids: self.update_actions())
        self.window.document.changed.connect(lambda _change: self.update_actions())
        self.update_actions()

    # ------------------------------------------------------------ state
    def _selected(self) -> list:
        amap = self.window.document.amap
        return [amap.statements[s] for s in self.window.scene.selected_ids() if s in amap.statements]

    def update_actions(self) -> None:
        """Assume only with a claim not assumed selected, Stop Assuming with an assumed one, Cite with evidence."""
        chosen = self._selected()
        actions = self.window.actions
        claims = [s for s in chosen if s.kind == "claim"]
        for name, on in (("map.assume", any(not s.assumed for s in claims)),
                         ("map.stop_assuming", any(s.assumed for s in claims)),
                         ("map.cite_source", any(s.kind == "evidence" for s in chosen))):
            if name in actions:
                actions[name].setEnabled(on)

    # ------------------------------------------------------------ actions
    def _run(self, command) -> bool:
        try:
            execute(self.window.document.undo_stack, command)
        except ModelError as exc:
            self.window.show_message(str(exc))
            return False
        self.window.show_message(command.text())
        announce(self.window.view, command.text())
        return True

    def _set_assumed(self, on: bool) -> bool:
        ids = [s.id for s in self._selected()]
        if not ids:
            self.window.show_message("Select the claims to " + ("assume" if on else "stop assuming"))
            return False
        try:
            command = cmd.set_assumed(self.window.document.amap, ids, on)
        except ModelError as exc:
            self.window.show_message(str(exc))
            return False
        return self._run(command)

    def assume(self) -> bool:
        """Assume: the selected claims become stated assumptions (grounds, listed by AM012)."""
        return self._set_assumed(True)

    def stop_assuming(self) -> bool:
        """Stop Assuming: the selected claims need support again."""
        return self._set_assumed(False)

    def new_source(self) -> str | None:
        """New Source…: ask for a source and add it; the Sources panel shows it."""
        self.show_sources()
        return self.panel.add_source()

    def cite_source(self) -> bool:
        """Cite Source…: the selected evidence cites a source chosen from the map's, or a new one."""
        amap = self.window.document.amap
        evidence = [s.id for s in self._selected() if s.kind == "evidence"]
        if not evidence:
            self.window.show_message("Only evidence cites sources: select a piece of evidence (Make Evidence: Ctrl+2)")
            return False
        sources = list(amap.sources.values())
        choices = [source_choice(x) for x in sources] + [NEW_SOURCE_CHOICE]
        what = evidence[0] if len(evidence) == 1 else f"the {len(evidence)} selected pieces of evidence"
        chosen = ask_choice(self.window, "Cite source", f"Source cited by {what}:", choices)
        if chosen is None:
            return False
        if chosen == NEW_SOURCE_CHOICE:
            return self.panel.add_source(cite=evidence) is not None
        try:
            command = cmd.cite(amap, evidence, sources[choices.index(chosen)].id)
        except ModelError as exc:
            self.window.show_message(str(exc))
            return False
        return self._run(command)

    def show_sources(self) -> None:
        """Bring the Sources panel to the front."""
        self.dock.show()
        self.dock.raise_()

    # ------------------------------------------------------------ diagnostics
    def diagnostic_chosen(self, diag) -> None:
        """A finding was chosen in the Diagnostics panel: for AM009 show its source too (the canvas marks its
        evidence; the window selected the conclusion)."""
        source = getattr(diag, "source", None)
        if diag.code != "AM009" or source not in self.window.document.amap.sources:
            return
        self.panel.blockSignals(True)  # keep the finding's marks: the source's evidence under this conclusion
        try:
            self.panel.select_source(source)
        finally:
            self.panel.blockSignals(False)
        n = len(diag.related)
        self.window.show_message(f"{diag.target} rests on source {source} alone: "
                                 f"{n} piece{'s' * (n != 1)} of evidence marked")
