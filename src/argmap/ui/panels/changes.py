"""The Changes panel: the changes of a comparison, to step through and take or leave one by one.

Each row is one change in review order, with its state in words and a
sign (``• to decide``, ``✓ taken``, ``✗ left``) so it reads without colour
and aloud. Keys in the list: Up/Down to step, Enter takes the change,
Delete (or Backspace) leaves it; F7 / Shift+F7 step anywhere in the window.
The panel only shows and asks: the comparison's controller decides.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
)

from argmap.ui.panels.rows import RowsPanel

SIGNS = {"to decide": "•", "taken": "✓", "left": "✗"}


class ChangeList(QListWidget):
    """The rows; Enter asks to take the current change, Delete or Backspace to leave it."""

    take_key = Signal()
    leave_key = Signal()
    KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Delete, Qt.Key.Key_Backspace)

    def event(self, event) -> bool:
        """Claim Enter, Delete and Backspace before the window's shortcuts (Delete would delete a box)."""
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in self.KEYS and not event.modifiers():
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.take_key.emit()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
            self.leave_key.emit()
        else:
            super().keyPressEvent(event)


class ChangesPanel(RowsPanel):
    """Lists a :class:`~argmap.ui.compare.Comparison`'s changes.

    Signals
    -------
    current_changed(int)
        The user moved to another row.
    take_requested(int), leave_requested(int)
        Take or leave the change of that row.
    take_all_requested(), end_requested()
        *Take All*, *End Comparison*.
    step_requested(bool)
        *Next* (True) or *Previous* (False).
    """

    take_requested = Signal(int)
    leave_requested = Signal(int)
    take_all_requested = Signal()
    end_requested = Signal()
    step_requested = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("panel.changes")
        self.list = ChangeList()
        self.list.setObjectName("changes.list")
        self.list.setAccessibleName("Changes")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._row_changed)
        self.list.take_key.connect(lambda: self._ask(self.take_requested))
        self.list.leave_key.connect(lambda: self._ask(self.leave_requested))
        self.details = QPlainTextEdit()
        self.details.setObjectName("changes.details")
        self.details.setAccessibleName("Change details")
        self.details.setReadOnly(True)
        row = self._button_row("changes", (
            ("previous", "◀ &Previous", "Previous change still to decide (Shift+F7)",
             lambda: self.step_requested.emit(False)),
            ("next", "&Next ▶", "Next change still to decide (F7)", lambda: self.step_requested.emit(True)),
            ("take", "&Take", "Take this change into the map: one undo step (Enter in the list)",
             lambda: self._ask(self.take_requested)),
            ("leave", "&Leave", "Keep the map's own version; the change stays listed as left (Delete)",
             lambda: self._ask(self.leave_requested)),
            ("take_all", "Take &All", "Take every change still to decide, in one undo step",
             self.take_all_requested.emit),
            ("end", "&End Comparison", "Take the marks off the canvas; the map keeps what was taken",
             self.end_requested.emit)))
        self._lay_out(row, self.details, (3, 2))
        self.clear()

    # ------------------------------------------------------------ showing
    def show_comparison(self, comparison, current: int | None) -> None:
        """Show ``comparison`` (None: nothing) with row ``current`` selected."""
        if comparison is None:
            self.clear()
            return
        counts = comparison.counts()
        total = len(comparison.changes)
        if total:
            self.summary.setText(f"Comparing with {comparison.name}: {total} change{'s' * (total != 1)} — "
                                 f"{counts['to decide']} to decide, {counts['taken']} taken, {counts['left']} left.")
        else:
            self.summary.setText(f"No differences between this map and {comparison.name}.")
        self._filling = True
        try:
            if self.list.count() != total:
                self.list.clear()
                for _ in range(total):
                    self.list.addItem(QListWidgetItem())
            for n, (text, state) in enumerate(zip(comparison.labels, comparison.status)):
                self._fill_row(self.list.item(n), text, state, n in comparison.problems)
            if current is not None:
                self.list.setCurrentRow(current)
        finally:
            self._filling = False
        self.details.setPlainText(comparison.details(current) if current is not None else "")
        decided = current is not None and comparison.status[current]
        self.buttons["take"].setEnabled(decided in ("to decide", "left"))
        self.buttons["leave"].setEnabled(decided == "to decide")
        self.buttons["take_all"].setEnabled(bool(comparison.pending()))
        for name in ("previous", "next"):
            self.buttons[name].setEnabled(total > 0)
        self.buttons["end"].setEnabled(True)

    def _fill_row(self, item: QListWidgetItem, text: str, state: str, problem: bool) -> None:
        words = f"{SIGNS[state]} {state}" + (", could not be taken" if problem else "")
        item.setText(f"{words} — {text}")
        item.setToolTip(f"{state}: {text}")
        font = QFont(self.list.font())
        font.setItalic(state == "left")
        font.setStrikeOut(False)
        item.setFont(font)
        item.setForeground(self.palette().placeholderText() if state != "to decide" else self.palette().text())

    def clear(self) -> None:
        """No comparison."""
        self._filling = True
        try:
            self.list.clear()
        finally:
            self._filling = False
        self.details.setPlainText("")
        self.summary.setText("No comparison. File → Compare With… shows another version's changes here.")
        for button in self.buttons.values():
            button.setEnabled(False)

    def rows(self) -> list[str]:
        """The rows' texts, in order (what the list shows and a screen reader reads)."""
        return [self.list.item(n).text() for n in range(self.list.count())]

    # ------------------------------------------------------------ asking
    def _ask(self, signal) -> None:
        row = self.list.currentRow()
        if row >= 0:
            signal.emit(row)
