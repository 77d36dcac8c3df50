"""In-place editing of a statement's text: plain text only, one undo step per edit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem

from argmap.ui.canvas.items import Z_EDITOR


class TextEditor(QGraphicsTextItem):
    """A plain-text editor laid over a statement's box.

    Enter commits, Shift+Enter starts a new line, Escape cancels; losing the
    focus commits. ``finished(sid, text, commit)`` is called exactly once.
    """

    def __init__(self, sid: str, text: str, box: QRectF, theme, finished: Callable[[str, str, bool], None]):
        super().__init__()
        self.sid = sid
        self.theme = theme
        self._finished = finished
        self._done = False
        self.setFont(theme.font())
        self.setDefaultTextColor(QColor(theme.text))
        self.setPlainText(text)
        self.setTextWidth(max(80.0, box.width() - 2 * theme.padding_x))
        self.setPos(box.left() + theme.padding_x - 4, box.top() + theme.padding_y)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setZValue(Z_EDITOR)
        cursor = self.textCursor()
        cursor.select(cursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(QPen(QColor(self.theme.selected), 1.5))
        painter.setBrush(QColor(self.theme.background))
        painter.drawRect(self.boundingRect())
        super().paint(painter, option, widget)

    def keyPressEvent(self, event) -> None:
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self.textCursor().insertText("\n")
            else:
                self.finish(True)
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.finish(False)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.finish(True)

    def finish(self, commit: bool) -> None:
        """End the edit (commit or cancel), once."""
        if self._done:
            return
        self._done = True
        self._finished(self.sid, self.toPlainText(), commit)
