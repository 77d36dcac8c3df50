"""The Undo History panel: every edit of the document, click one to go back to it."""

from __future__ import annotations

from PySide6.QtWidgets import QUndoView


class HistoryPanel(QUndoView):
    """A ``QUndoView`` of the document's undo stack; the first row is the map as opened."""

    def __init__(self, document, parent=None):
        super().__init__(document.undo_stack, parent)
        self.setObjectName("panel.history")
        self.setEmptyLabel("Opened")
