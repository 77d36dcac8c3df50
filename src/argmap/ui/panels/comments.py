"""The comments of one element, in the Inspector: read them, add one, resolve, reopen or delete one.

Every action is one undo step (:mod:`argmap.commands.comments`). New
comments carry the author set in Preferences (by default the user's name)
and today's date. Texts are plain text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from argmap.commands.comments import add_comment, delete_comment, set_resolved
from argmap.model import Comment
from argmap.ui.panels.common import CommandPusher


def comment_heading(comment: Comment) -> str:
    """``ann · 2024-05-02 · open``: who, when and the state of a comment."""
    parts = [comment.author or "(no author)"] + ([comment.date] if comment.date else [])
    return " · ".join(parts + ["resolved" if comment.resolved else "open"])


class CommentsBox(CommandPusher, QWidget):
    """The comments of the element given to :meth:`show_element`.

    Signals
    -------
    message(str)
        An action the model refused, in plain words.
    """

    message = Signal(str)

    def __init__(self, document, author: Callable[[], str] = lambda: "", parent=None):
        super().__init__(parent)
        self.setObjectName("inspector.comments")
        self.document = document
        self.author = author
        """Gives the author of new comments (the window passes the Preferences' one)."""
        self.element_id: str | None = None
        self.title = QLabel("Comments")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget()
        self.list.setObjectName("comments.list")
        self.list.setAccessibleName("Comments")
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(150)
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.resolve_button = QPushButton("&Resolve")
        self.resolve_button.setObjectName("comments.resolve")
        self.resolve_button.clicked.connect(self.toggle_resolved)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName("comments.delete")
        self.delete_button.clicked.connect(self.delete_current)
        self.new_text = QPlainTextEdit()
        self.new_text.setObjectName("comments.new")
        self.new_text.setAccessibleName("New comment")
        self.new_text.setPlaceholderText("Write a comment… (Ctrl+Enter adds it)")
        self.new_text.setTabChangesFocus(True)
        self.new_text.setMaximumHeight(60)
        self.new_text.textChanged.connect(self._enable)
        self.add_button = QPushButton("Add &Comment")
        self.add_button.setObjectName("comments.add")
        self.add_button.clicked.connect(self.add_typed)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(key), self.new_text)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.add_typed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        layout.addWidget(self.new_text)
        layout.addLayout(buttons)
        document.changed.connect(self._on_change)
        self.show_element(None)

    # ------------------------------------------------------------ showing
    def show_element(self, element_id: str | None) -> None:
        """Show the comments of ``element_id`` (None: hide the box)."""
        self.element_id = element_id if element_id and element_id in self.document.amap else None
        if self.element_id is None:
            self.new_text.clear()
        self.setVisible(self.element_id is not None)
        self._fill()

    def comments(self) -> tuple[Comment, ...]:
        element = self.document.amap.get(self.element_id) if self.element_id else None
        return element.comments if element is not None else ()

    def _fill(self) -> None:
        row = self.list.currentRow()
        self.list.clear()
        comments = self.comments()
        open_ = sum(not c.resolved for c in comments)
        self.title.setText(f"Comments ({len(comments)}, {open_} open)" if comments else "Comments (none yet)")
        for comment in comments:
            item = QListWidgetItem(f"{comment_heading(comment)}\n{comment.text}")
            item.setToolTip(comment.text)
            if comment.resolved:
                item.setForeground(self.palette().placeholderText())
            self.list.addItem(item)
        if comments:
            self.list.setCurrentRow(min(max(row, 0), len(comments) - 1))
        self._enable()

    def _enable(self) -> None:
        comments = self.comments()
        row = self.list.currentRow()
        chosen = comments[row] if 0 <= row < len(comments) else None
        self.resolve_button.setEnabled(chosen is not None)
        self.resolve_button.setText("&Reopen" if chosen is not None and chosen.resolved else "&Resolve")
        self.delete_button.setEnabled(chosen is not None)
        self.add_button.setEnabled(self.element_id is not None and bool(self.new_text.toPlainText().strip()))

    def _on_change(self, change) -> None:
        if self.element_id is None:
            return
        if change.op == "reset" or self.element_id in change.ids:
            if self.element_id not in self.document.amap:
                self.show_element(None)
            else:
                self._fill()

    # ------------------------------------------------------------ editing
    def start_comment(self) -> None:
        """Put the keyboard in the new-comment field."""
        self.new_text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def add_typed(self) -> bool:
        """Add the typed comment (author from Preferences, dated today): one undo step."""
        text = self.new_text.toPlainText()
        if self.element_id is None or not text.strip():
            return False
        if self._push(lambda: add_comment(self.document.amap, self.element_id, text, self.author())):
            self.new_text.clear()
            self.list.setCurrentRow(self.list.count() - 1)
            return True
        return False

    def toggle_resolved(self) -> bool:
        """Resolve the chosen comment, or reopen it when it is resolved."""
        row, comments = self.list.currentRow(), self.comments()
        if not 0 <= row < len(comments):
            return False
        return self._push(lambda: set_resolved(self.document.amap, self.element_id, row, not comments[row].resolved))

    def delete_current(self) -> bool:
        row = self.list.currentRow()
        if not 0 <= row < len(self.comments()):
            return False
        return self._push(lambda: delete_comment(self.document.amap, self.element_id, row))
