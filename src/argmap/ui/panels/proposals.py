"""The review of a draft in the window: the proposals bar over the canvas and the Inspector's proposal box.

Both show the window's own review actions (*Accept*, *Reject*, *Next
Proposal*, ...; see :mod:`argmap.ui.drafting`), so a button does exactly
what the menu and its key do. All text is plain.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout

BAR_ACTIONS = ("proposal.previous", "proposal.next", "proposal.accept", "proposal.reject", "proposal.accept_all",
               "proposal.reject_all")
"""The buttons of the proposals bar, in order (ids of :data:`argmap.ui.actions.ACTIONS` rows)."""

BOX_ACTIONS = ("proposal.accept", "proposal.reject", "proposal.next")
"""The buttons of the Inspector's proposal box."""


def _label(text: str = "", bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


def _button(action: QAction) -> QToolButton:
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setObjectName("button." + action.objectName())
    return button


class _Elided(QLabel):
    """A one-line label that shows as much of its text as fits, with "…" (the whole text as its tooltip)."""

    def __init__(self):
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.full = ""

    def set_full(self, text: str) -> None:
        self.full = text
        self.setToolTip(text)
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        self.setText(self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideRight, max(self.width(), 40)))


def proposals_left(n: int) -> str:
    """"12 proposals left" (or "1 proposal left")."""
    return f"{n} proposal{'' if n == 1 else 's'} left"


class ProposalsBar(QFrame):
    """A bar over the canvas while the map holds proposals: how many are left, which is current, the review buttons.

    Parameters
    ----------
    actions : dict of str to QAction
        The window's actions (those of :data:`BAR_ACTIONS` are shown).
    """

    def __init__(self, actions: dict[str, QAction], parent=None):
        super().__init__(parent)
        self.setObjectName("canvas.proposals_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Proposals of the draft")
        self.count = _label(bold=True)
        self.count.setObjectName("proposals.count")
        self.current = _Elided()
        self.current.setObjectName("proposals.current")
        self.current.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.addWidget(self.count)
        layout.addWidget(self.current, 1)
        self.buttons = [_button(actions[a]) for a in BAR_ACTIONS if a in actions]
        for button in self.buttons:
            layout.addWidget(button)
        self._next = actions.get("proposal.next")
        self.full = ""
        """The current proposal's line in full (the label shows it elided to its width)."""
        self.hide()

    def show_state(self, left: int, position: int | None, words: str) -> None:
        """``left`` proposals left; the selection is the ``position``-th of them (1-based) saying ``words``."""
        self.setVisible(left > 0)
        self.count.setText(proposals_left(left))
        if position:
            self.full = f"— {position} of {left}: {words}"
        elif self._next is not None:
            key = self._next.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            name = self._next.text().replace("&", "") + (f" ({key})" if key else "")
            self.full = f"— {name} goes to the first"
        self.current.set_full(self.full)
        self.setAccessibleDescription(f"{self.count.text()} {self.full}")


class ProposalBox(QFrame):
    """At the top of the Inspector while the selection is a proposal: what the draft said and why, the buttons."""

    def __init__(self, actions: dict[str, QAction], parent=None):
        super().__init__(parent)
        self.setObjectName("inspector.proposal")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = _label("Proposed by the draft", bold=True)
        self.cues = _label()
        self.cues.setObjectName("proposal.cues")
        self.cues.setWordWrap(True)
        self.cues.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = _label()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        for widget in (self.title, self.cues, self.hint):
            layout.addWidget(widget)
        row = QHBoxLayout()
        self.buttons = [_button(actions[a]) for a in BOX_ACTIONS if a in actions]
        for button in self.buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.hide()

    def show_proposal(self, cues: list[str], hint: str) -> None:
        """Show the cues of the selected proposal (one line each) and what accepting it does."""
        self.cues.setText("\n".join(cues))
        self.hint.setText(hint)
        self.setAccessibleDescription(" ".join([*cues, hint]))
        self.show()
