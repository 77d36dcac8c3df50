"""The text widget of the Source panel: picking passages by mouse, and dragging them onto the map.

Double-click selects the sentence under the pointer, triple-click its
paragraph; a selection dragged with the mouse snaps to whole words (and
loses the white space around it) when the button is released. A selected
passage dragged out of the widget carries :data:`PASSAGE_MIME`: its
code-point span and its exact text as JSON, which the canvas reads when it
is dropped onto a box. Offsets are converted between Qt's UTF-16 units and
the model's code points by the panel (``to_code_points``/``select_span``).
"""

from __future__ import annotations

import json
import time

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from argmap.commands.passages import paragraph_at, sentence_at, snap_to_words

PASSAGE_MIME = "application/x-argmap-passage"
"""Drag-and-drop format of a source passage: ``{"start": int, "end": int, "quote": str}`` (code points)."""


def passage_payload(start: int, end: int, quote: str) -> bytes:
    """The :data:`PASSAGE_MIME` bytes of a passage."""
    return json.dumps({"start": start, "end": end, "quote": quote}).encode("utf-8")


def read_passage(data: QMimeData) -> dict | None:
    """The passage a drag carries (``start``, ``end``, ``quote``), or ``None`` when it carries none."""
    if data is None or not data.hasFormat(PASSAGE_MIME):
        return None
    try:
        value = json.loads(bytes(data.data(PASSAGE_MIME)).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    ok = isinstance(value, dict) and all(isinstance(value.get(k), int) for k in ("start", "end"))
    return value if ok and isinstance(value.get("quote"), str) else None


class SourceText(QPlainTextEdit):
    """The read-only source text with passage gestures (see the module).

    Parameters
    ----------
    panel : SourcePanel
        Converts offsets (``text``, ``to_code_points``, ``select_span``, ``selected_span``).

    Signals
    -------
    clicked(int)
        A plain click (no selection made) at this code-point offset.
    """

    clicked = Signal(int)

    def __init__(self, panel, parent=None):
        super().__init__(parent)
        self.panel = panel
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._double: tuple[float, QPoint] | None = None
        self._selecting = False
        self.mouse_down = False
        """A mouse button is held in the text: caret moves then are not clicks yet."""

    def _offset_at(self, point: QPoint) -> int:
        return self.panel.to_code_points(self.cursorForPosition(point).position())

    def mouseDoubleClickEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        point = event.position().toPoint()
        self.panel.select_span(*sentence_at(self.panel.text, self._offset_at(point)))
        self._double = (time.monotonic(), point)
        event.accept()

    def mousePressEvent(self, event) -> None:
        point = event.position().toPoint()
        if event.button() == Qt.MouseButton.LeftButton and self._is_triple(point):
            self.panel.select_span(*paragraph_at(self.panel.text, self._offset_at(point)))
            self._double = None
            event.accept()
            return
        self._double = None
        cursor = self.textCursor()
        on_selection = cursor.hasSelection() and \
            cursor.selectionStart() <= self.cursorForPosition(point).position() < cursor.selectionEnd()
        self._selecting = event.button() == Qt.MouseButton.LeftButton and not on_selection
        self.mouse_down = True
        super().mousePressEvent(event)

    def _is_triple(self, point: QPoint) -> bool:
        if self._double is None:
            return False
        when, where = self._double
        near = (point - where).manhattanLength() <= QApplication.startDragDistance()
        return near and time.monotonic() - when <= QApplication.doubleClickInterval() / 1000

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        self.mouse_down = False
        if not self._selecting:
            return
        self._selecting = False
        span = self.panel.selected_span()
        if span is None:
            self.clicked.emit(self._offset_at(event.position().toPoint()))
            return
        snapped = snap_to_words(self.panel.text, *span)
        if snapped != span:
            self.panel.select_span(*snapped)

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt name
        """What a drag of the selection carries: plain text and the passage (span and quote)."""
        data = QMimeData()  # Qt's own text-edit mime data lists a fixed set of formats: ours would not show
        span = self.panel.selected_span()
        if span is not None:
            quote = self.panel.text[span[0]:span[1]]
            data.setText(quote)
            data.setData(PASSAGE_MIME, passage_payload(*span, quote))
        return data
