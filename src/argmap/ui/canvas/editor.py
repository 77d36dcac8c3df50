"""In-place editing of a statement's text: plain text only, one undo step per edit.

The editor lies over the text area of the statement's box and covers all
of it, so neither the old text nor the "(empty)" placeholder shows through;
an empty editor shows a short hint of its own. As the text grows the scene
grows the box with it (see :meth:`~argmap.ui.canvas.interactions.InteractionMixin.edit_text`)
and hands the editor the new text area (:meth:`TextEditor.set_body`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem

from argmap.ui.canvas.items import Z_EDITOR

HINT = "Type the text…"
"""What an empty editor shows (short: a new box is narrow)."""


class TextEditor(QGraphicsTextItem):
    """A plain-text editor laid over a statement's text area.

    Enter commits, Shift+Enter starts a new line, Escape cancels; losing the
    focus commits. Tab, Shift+Tab and Ctrl+Enter commit, then go on as on
    the canvas (``forward(key, modifiers)``: a premise, a conclusion, an
    objection of the statement just written), so a branch is typed without
    leaving the keyboard. ``finished(sid, text, commit)`` is called exactly
    once; ``changed(sid, text)``, when given, after every change of the text.

    Parameters
    ----------
    sid : str
        The statement edited.
    text : str
        Its text now.
    body : QRectF
        The text area of its box, in scene coordinates.
    theme : Theme
        Font and colours.
    fill : QColor
        The box's fill colour (the editor's background).
    finished, changed, forward : callable
        See above.
    """

    def __init__(self, sid: str, text: str, body: QRectF, theme, fill: QColor,
                 finished: Callable[[str, str, bool], None], changed: Callable[[str, str], None] | None = None,
                 forward: Callable[[int, object], bool] | None = None):
        super().__init__()
        self._forward = forward
        self.sid = sid
        self.theme = theme
        self.fill = QColor(fill)
        self._finished = finished
        self._changed = changed
        self._done = False
        self._cover = QRectF()
        self.setFont(theme.font())
        self.setDefaultTextColor(QColor(theme.text))
        self.setPlainText(text)
        self.set_body(body)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setZValue(Z_EDITOR)
        cursor = self.textCursor()
        cursor.select(cursor.SelectionType.Document)
        self.setTextCursor(cursor)
        self.document().contentsChanged.connect(self._contents_changed)

    def set_body(self, body: QRectF) -> None:
        """Lie over ``body`` (the box's text area, scene coordinates), wrapping the text at its width."""
        margin = self.document().documentMargin()
        self.prepareGeometryChange()
        self.setPos(body.left() - margin, body.top() - margin)
        self.setTextWidth(body.width() + 2 * margin + 1)  # a line as wide as the box's must not wrap here
        self._cover = QRectF(0, 0, body.width() + 2 * margin, body.height() + 2 * margin)
        self.update()

    def showing_hint(self) -> bool:
        """Whether the editor is empty and shows its hint."""
        return not self.toPlainText()

    def boundingRect(self) -> QRectF:
        return super().boundingRect().united(self._cover)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        area = super().boundingRect().united(self._cover)
        painter.fillRect(area, self.fill)
        painter.setPen(QPen(QColor(self.theme.selected), 1.0, Qt.PenStyle.DotLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(area.adjusted(0.5, 0.5, -0.5, -0.5))
        if self.showing_hint():
            margin = self.document().documentMargin()
            painter.setPen(QColor(self.theme.muted_text))
            painter.setFont(self.theme.font())
            painter.drawText(area.adjusted(margin, margin, -margin, -margin),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, HINT)
        super().paint(painter, option, widget)

    def _contents_changed(self) -> None:
        if self._changed is not None and not self._done:
            self._changed(self.sid, self.toPlainText())

    def sceneEvent(self, event) -> bool:  # noqa: N802 - Qt name
        # QGraphicsTextItem hands Tab straight to its text (a tab character): it goes on as a canvas key here
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.keyPressEvent(event)
            return True
        return super().sceneEvent(event)

    def keyPressEvent(self, event) -> None:
        key, mods = event.key(), event.modifiers()
        onward = key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) or (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods & Qt.KeyboardModifier.ControlModifier)
        if onward and self._forward is not None:
            self.finish(True)
            self._forward(key, mods)
            event.accept()
            return
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
