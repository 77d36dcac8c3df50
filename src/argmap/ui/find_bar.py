"""The Find bar (Ctrl+F): find statements by their text, step through the matches."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


def find_matches(amap, query: str) -> list[str]:
    """Ids of the statements whose text or note contains ``query`` (case-insensitive), in document order."""
    needle = query.casefold().strip()
    if not needle:
        return []
    return [s.id for s in amap.statements.values()
            if needle in s.text.casefold() or (s.note and needle in s.note.casefold())]


class FindBar(QWidget):
    """A bar under the canvas: a query, previous/next, "n of m".

    Parameters
    ----------
    get_map : callable
        Returns the current map.
    parent : QWidget, optional

    Signals
    -------
    found(str)
        The statement to show (select and centre).
    """

    found = Signal(str)

    def __init__(self, get_map: Callable, parent=None):
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.get_map = get_map
        self.index = -1
        self.matches: list[str] = []
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Find statements…")
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self._query_changed)
        self.edit.returnPressed.connect(self.find_next)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        previous = QToolButton(text="▲", toolTip="Find previous (Shift+Enter)")
        previous.clicked.connect(self.find_previous)
        following = QToolButton(text="▼", toolTip="Find next (Enter)")
        following.clicked.connect(self.find_next)
        close = QToolButton(text="✕", toolTip="Close (Esc)")
        close.clicked.connect(self.hide)
        QShortcut(QKeySequence("Shift+Return"), self.edit, self.find_previous)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        for b in (previous, following, close):
            layout.addWidget(b)
        self.hide()

    def start(self) -> None:
        """Show the bar with the query selected."""
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def find_next(self) -> str | None:
        return self._step(+1)

    def find_previous(self) -> str | None:
        return self._step(-1)

    def _query_changed(self) -> None:
        self.index = -1
        self._refresh()

    def _refresh(self) -> None:
        self.matches = find_matches(self.get_map(), self.edit.text())
        if not self.edit.text().strip():
            self.count.setText("")
        elif not self.matches:
            self.count.setText("no match")
        else:
            shown = self.index + 1 if 0 <= self.index < len(self.matches) else 0
            self.count.setText(f"{shown} of {len(self.matches)}")

    def _step(self, delta: int) -> str | None:
        if not self.isVisible():
            self.show()
        current = self.matches[self.index] if 0 <= self.index < len(self.matches) else None
        self.matches = find_matches(self.get_map(), self.edit.text())
        if not self.matches:
            self._refresh()
            return None
        if current in self.matches:
            self.index = (self.matches.index(current) + delta) % len(self.matches)
        else:
            self.index = 0 if delta > 0 else len(self.matches) - 1
        self._refresh()
        sid = self.matches[self.index]
        self.found.emit(sid)
        return sid
