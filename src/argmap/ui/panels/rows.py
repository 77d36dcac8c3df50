"""What the Changes and Conflicts panels share: a summary, a row of buttons, the list beside the current row.

The panel only shows and asks: moving to another row emits
``current_changed(row)`` (not while the panel fills the list itself), and
its controller decides what that row does.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget


class RowsPanel(QWidget):
    """A list of rows to step through (``self.list``, made by the subclass) and what the current row holds.

    Signals
    -------
    current_changed(int)
        The user moved to another row.
    """

    current_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._filling = False
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}

    def _button_row(self, prefix: str, specs) -> QHBoxLayout:
        """Buttons from ``(name, text, tip, slot)`` specs, kept in :attr:`buttons` and named ``prefix.name``."""
        row = QHBoxLayout()
        for name, text, tip, slot in specs:
            button = QPushButton(text)
            button.setObjectName(f"{prefix}.{name}")
            button.setToolTip(tip)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[name] = button
        row.addStretch(1)
        return row

    def _lay_out(self, buttons: QHBoxLayout, side: QWidget, stretch: tuple[int, int]) -> None:
        """The summary, then the buttons, then the list and ``side`` in a splitter (``stretch`` of each)."""
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(side)
        split.setStretchFactor(0, stretch[0])
        split.setStretchFactor(1, stretch[1])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)

    def _row_changed(self, row: int) -> None:
        if not self._filling and row >= 0:
            self.current_changed.emit(row)
