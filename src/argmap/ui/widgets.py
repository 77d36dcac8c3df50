"""Small widget makers the dialogs share: choice boxes, number boxes, a row of widgets, plain-text message boxes.

Each one makes a plain Qt widget set up the way argmap's dialogs want it, so
a dialog's code says what it shows rather than how Qt is told.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHBoxLayout, QMessageBox, QSpinBox, QWidget


def combo(items) -> QComboBox:
    """A choice box of ``(label, value)`` pairs; ``currentData()`` is the chosen value."""
    box = QComboBox()
    for label, value in items:
        box.addItem(label, value)
    return box


def select(box: QComboBox, value) -> None:
    """Choose the item of ``box`` whose value is ``value`` (nothing changes when none is)."""
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)


def whole_box(low: int, high: int, *, suffix: str = "", value: int | None = None) -> QSpinBox:
    """A box for a whole number from ``low`` to ``high``."""
    box = QSpinBox()
    box.setRange(low, high)
    if suffix:
        box.setSuffix(suffix)
    if value is not None:
        box.setValue(value)
    return box


def decimal_box(low: float, high: float, *, decimals: int | None = None, step: float | None = None,
                suffix: str = "", value: float | None = None) -> QDoubleSpinBox:
    """A box for a number from ``low`` to ``high`` (Qt's two decimals and step 1 unless told)."""
    box = QDoubleSpinBox()
    box.setRange(low, high)
    if decimals is not None:
        box.setDecimals(decimals)
    if step is not None:
        box.setSingleStep(step)
    if suffix:
        box.setSuffix(suffix)
    if value is not None:
        box.setValue(value)
    return box


def row(*widgets) -> QWidget:
    """One widget holding ``widgets`` side by side, without margins (for a form's row)."""
    layout = QHBoxLayout()
    for w in widgets:
        layout.addWidget(w)
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget


def plain_box(icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None = None) -> QMessageBox:
    """A message box whose text is always shown as plain text (never as HTML); the caller adds buttons and runs it."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_plain(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """Show a plain-text message with an OK button and wait until it is closed."""
    box = plain_box(icon, title, text, parent)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
