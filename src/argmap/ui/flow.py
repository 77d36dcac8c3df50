"""The main window's part in the editing flow: where one is, passages made statements, map properties.

Mixed into :class:`~argmap.ui.main_window.MainWindow` (which provides
``document``, ``scene``, ``view``, ``source`` and the status bar).
"""

from __future__ import annotations

from argmap.ui.accessibility import announce


def ask_dialog(dialog) -> bool:
    """Run a modal dialog; True when it was accepted (tests replace this)."""
    return bool(dialog.exec())


class FlowMixin:
    """Status line and announcements of the selection, passage requests, Map → Properties."""

    def where_text(self, sid: str) -> str:
        """The status line of statement ``sid``: id, words, what it is, where it sits."""
        st = self.document.amap.statements[sid]
        words = " ".join(st.text.split()) or "(empty)"
        words = words if len(words) <= 60 else words[:59].rstrip() + "…"
        item = self.scene.statement_item(sid)
        what = ", ".join(x for x in (st.kind, self.scene.role_of(sid), item.label if item else None) if x)
        return f"{sid} “{words}” — {what} — {self.scene.where(sid)}"

    def _on_walked(self, sid: str) -> None:
        self.statusBar().showMessage(self.where_text(sid), 8000)
        announce(self.view, self.scene.where(sid))

    def _on_passage_linked(self, sid: str, target: str) -> None:
        """A passage became a statement linked to ``target``: show it, keep ``target`` selected for the next."""
        self.scene.reveal(sid)
        self.scene.set_highlight([sid])
        amap = self.document.amap
        link = next((e for e in amap.uses_of(sid)), None)
        how = "supports" if link is not None and link.id in amap.inferences else "attacks"
        words = amap.statements[target].text if target in amap.statements else target
        self.statusBar().showMessage(f"Added {sid}: it {how} {target} “{' '.join(words.split())[:60]}”", 5000)

    def _on_passage_dropped(self, request: dict) -> None:
        from argmap.model import Position

        pos = request.get("position")
        self.source.add_span(request["start"], request["end"], kind=request["kind"], link=request["link"],
                             target=request["target"], quote=request["quote"],
                             position=Position(*pos) if pos else None)

    def show_properties(self) -> bool:
        """Map → Properties: edit title, author, date and the source's details (one undoable step)."""
        from argmap.commands import actions
        from argmap.commands.edits import execute
        from argmap.model import ModelError
        from argmap.ui.properties import PropertiesDialog

        path = self.source.source_file()
        dialog = PropertiesDialog(self.document.amap, self, str(path) if path else "")
        if not ask_dialog(dialog):
            return False
        try:
            execute(self.document.undo_stack, actions.set_properties(self.document.amap, **dialog.values()))
        except ModelError:
            return False  # nothing changed
        self.statusBar().showMessage("Map properties changed", 3000)
        return True
