"""What an empty map shows: the few ways to start, as buttons over the canvas.

The buttons are the window's own actions (:data:`START_ACTIONS`, in order),
so each runs exactly what the menu runs and shows the same key; an action
the window does not have is left out. The drafting engine's *Map → Draft
from Source Text* joins as soon as the actions table has a row with the id
``map.draft``. The hint hides as soon as the map has a statement.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QLabel, QToolButton, QVBoxLayout, QWidget

START_ACTIONS = ("map.add_claim", "map.attach_source", "map.draft")
"""The ways to start a map, in the order offered (ids of :data:`argmap.ui.actions.ACTIONS` rows)."""


class EmptyMapHint(QFrame):
    """A panel centred on the canvas while the map is empty.

    Parameters
    ----------
    viewport : QWidget
        The canvas's viewport (the hint is its child and keeps to its middle).
    actions : list of QAction
        The actions offered, in order.
    """

    def __init__(self, viewport: QWidget, actions: list[QAction]):
        super().__init__(viewport)
        self.setObjectName("canvas.empty_hint")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setAccessibleName("This map is empty")
        title = QLabel("This map is empty. Start by:")
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(title)
        self.buttons: list[QToolButton] = []
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setText(action.text().replace("&", "") + (f"  ({key})" if key else ""))
            button.setAccessibleDescription(action.statusTip())
            button.setAutoRaise(False)
            button.setMinimumWidth(240)
            layout.addWidget(button)
            words = QLabel(action.statusTip())
            words.setTextFormat(Qt.TextFormat.PlainText)
            words.setWordWrap(True)
            words.setContentsMargins(8, 0, 0, 6)
            layout.addWidget(words)
            self.buttons.append(button)
        tip = QLabel("Then: Tab adds a premise, Enter a sibling, Ctrl+Enter an objection (Help → Keyboard Shortcuts).")
        tip.setTextFormat(Qt.TextFormat.PlainText)
        tip.setWordWrap(True)
        layout.addWidget(tip)
        self.setMaximumWidth(460)
        self.adjustSize()
        self._follower = _Follow(self)
        viewport.installEventFilter(self._follower)
        self.recentre()

    def offered(self) -> list[str]:
        """Object names of the actions offered (their table ids), in order."""
        return [b.defaultAction().objectName() for b in self.buttons]

    def recentre(self) -> None:
        """Keep to the middle of the canvas."""
        parent = self.parentWidget()
        self.adjustSize()
        self.move(max(0, (parent.width() - self.width()) // 2), max(0, (parent.height() - self.height()) // 3))

    def show_for(self, amap) -> None:
        """Show while ``amap`` has no statement."""
        empty = len(amap.statements) == 0
        self.setVisible(empty)
        if empty:
            self.recentre()
            self.raise_()


class _Follow(QObject):
    def __init__(self, hint: EmptyMapHint):
        super().__init__(hint)
        self.hint = hint

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.Resize:
            self.hint.recentre()
        return False
