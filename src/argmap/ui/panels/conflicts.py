"""The Conflicts panel: what a merge could not settle, each with base, ours and theirs side by side.

A map written by ``argmap merge`` (a git merge, say) keeps OURS' value for
every conflict and lists the conflict in ``merge_conflicts``. Each row here
is one conflict; *Keep Ours*, *Take Theirs* and *Take Base* settle it as one
undo step, and the row goes. The panel only shows and asks: the
conflicts' controller decides.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from argmap.ui.panels.rows import RowsPanel

SIDES = (("base", "Base — the common ancestor"), ("ours", "Ours — this map (kept for now)"),
         ("theirs", "Theirs — the other branch"))
CHOICES = (("ours", "Keep &Ours"), ("theirs", "Take T&heirs"), ("base", "Take &Base"))


class ConflictsPanel(RowsPanel):
    """Lists merge conflicts.

    Signals
    -------
    current_changed(int)
        The user moved to another row.
    resolve_requested(int, str)
        Settle the conflict of that row with ``ours``, ``theirs`` or ``base``.
    """

    resolve_requested = Signal(int, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("panel.conflicts")
        self.list = QListWidget()
        self.list.setObjectName("conflicts.list")
        self.list.setAccessibleName("Merge conflicts")
        self.list.setMinimumWidth(220)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.currentRowChanged.connect(self._row_changed)
        sides = QWidget()
        grid = QGridLayout(sides)
        grid.setContentsMargins(0, 0, 0, 0)
        self.values: dict[str, QPlainTextEdit] = {}
        for column, (side, title) in enumerate(SIDES):
            head = QLabel(title)
            head.setTextFormat(Qt.TextFormat.PlainText)
            edit = QPlainTextEdit()
            edit.setReadOnly(True)
            edit.setObjectName(f"conflicts.{side}")
            edit.setAccessibleName(title)
            head.setBuddy(edit)
            grid.addWidget(head, 0, column)
            grid.addWidget(edit, 1, column)
            self.values[side] = edit
        row = self._button_row("conflicts", (
            (choice, text, f"Settle this conflict with the {choice} value, as one undo step",
             lambda _=False, c=choice: self._ask(c)) for choice, text in CHOICES))
        self._lay_out(row, sides, (1, 3))
        self.show_rows([], None)

    def show_rows(self, rows: list[dict], current: int | None) -> None:
        """Show ``rows`` (each ``{"title", "base", "ours", "theirs"}``, plain text), row ``current`` selected."""
        n = len(rows)
        if n:
            self.summary.setText(f"{n} merge conflict{'s' * (n != 1)} to settle. The map keeps our value until "
                                 "you choose; saving keeps the unsettled ones listed in the file.")
        else:
            self.summary.setText("No merge conflicts: every conflict of the merge is settled.")
        self._filling = True
        try:
            self.list.clear()
            self.list.addItems([r["title"] for r in rows])
            if current is not None and 0 <= current < n:
                self.list.setCurrentRow(current)
        finally:
            self._filling = False
        shown = rows[current] if current is not None and 0 <= current < n else None
        for side, edit in self.values.items():
            edit.setPlainText(shown[side] if shown else "")
        for button in self.buttons.values():
            button.setEnabled(shown is not None)

    def _ask(self, choice: str) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.resolve_requested.emit(row, choice)
