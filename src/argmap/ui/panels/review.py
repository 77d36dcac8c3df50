"""The Review panel: every open comment of the map with what it is about; click to go there, tick to resolve.

One row per comment, in document order, with its element (a statement's
words, a support or an attack), the comment, its author and date. The tick
box in the first column resolves the comment (one click, one undo step);
with *Show resolved* on, resolved comments are listed too and unticking
reopens one. Clicking a row selects the element on the canvas.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from argmap.commands.comments import CommentRef, comments_of
from argmap.model import Conflict, Inference, Source
from argmap.ui.panels.common import short

HEADERS = ("Resolved", "On", "Comment", "Author", "Date")
NAMING = frozenset(("comments", "text", "premises", "attackers", "conclusion", "target", "title"))
"""Fields whose change the list shows: the comments, and the words that name what they are on."""


def element_text(amap, eid: str) -> str:
    """What a comment is about, in a few words: ``s4 “The US and…”``, ``support i3 → s1``."""
    element = amap.get(eid)
    if isinstance(element, Inference):
        return f"support {eid}: {' + '.join(element.premises)} → {element.conclusion}"
    if isinstance(element, Conflict):
        return f"attack {eid}: {' + '.join(element.attackers)} ⟂ {element.target}"
    if isinstance(element, Source):
        return f"source {eid} “{short(element.title, 40)}”"
    return f"{eid} “{short(element.text, 50)}”" if element is not None else eid


class ReviewPanel(QWidget):
    """Lists the document's comments.

    Signals
    -------
    selected(str)
        A row was clicked: the id of the element its comment is on.
    resolve_requested(str, int, bool)
        Resolve (True) or reopen (False) comment ``index`` of element ``id``.
    """

    selected = Signal(str)
    resolve_requested = Signal(str, int, bool)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("panel.review")
        self.document = document
        self.refs: list[CommentRef] = []
        self._filling = False
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.show_resolved = QCheckBox("Show &resolved")
        self.show_resolved.setObjectName("review.show_resolved")
        self.show_resolved.toggled.connect(lambda _on: self.refresh())
        self.resolve_button = QPushButton("Resolve")
        self.resolve_button.setObjectName("review.resolve")
        self.resolve_button.setToolTip("Resolve the chosen comment (or reopen it): one undo step")
        self.resolve_button.clicked.connect(self.toggle_current)
        self.tree = QTreeWidget()
        self.tree.setObjectName("review.list")
        self.tree.setAccessibleName("Open comments")
        self.tree.setHeaderLabels(HEADERS)
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setColumnWidth(0, 80)
        self.tree.setColumnWidth(1, 260)
        self.tree.setColumnWidth(2, 360)
        self.tree.itemChanged.connect(self._ticked)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_resolved)
        top.addWidget(self.resolve_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        document.changed.connect(self._on_change)
        self.refresh()

    def _on_change(self, change) -> None:
        if change.op in ("added", "removed", "reset") or NAMING.intersection(change.fields):
            self._timer.start()

    def refresh(self) -> None:
        """List the comments again from the map."""
        self._timer.stop()
        amap = self.document.amap
        everything = comments_of(amap, resolved=None)
        self.refs = everything if self.show_resolved.isChecked() else [r for r in everything if not r.comment.resolved]
        current = self.tree.currentIndex().row()
        self._filling = True
        try:
            self.tree.clear()
            for ref in self.refs:
                item = QTreeWidgetItem(["", element_text(amap, ref.element_id), " ".join(ref.comment.text.split()),
                                        ref.comment.author, ref.comment.date])
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if ref.comment.resolved else Qt.CheckState.Unchecked)
                item.setToolTip(2, ref.comment.text)
                self.tree.addTopLevelItem(item)
            if self.refs:
                self.tree.setCurrentItem(self.tree.topLevelItem(min(max(current, 0), len(self.refs) - 1)))
        finally:
            self._filling = False
        open_ = sum(not r.comment.resolved for r in everything)
        self.summary.setText(f"{open_} open comment{'s' * (open_ != 1)}" +
                             (f", {len(everything) - open_} resolved" if len(everything) > open_ else ""))
        self._enable()

    def rows(self) -> list[tuple[str, str, bool]]:
        """``(element id, comment text, resolved)`` of each row, in order."""
        return [(r.element_id, r.comment.text, r.comment.resolved) for r in self.refs]

    def _enable(self) -> None:
        ref = self._current()
        self.resolve_button.setEnabled(ref is not None)
        self.resolve_button.setText("Reopen" if ref is not None and ref.comment.resolved else "Resolve")

    def _current(self) -> CommentRef | None:
        item = self.tree.currentItem()
        row = self.tree.indexOfTopLevelItem(item) if item is not None else -1
        return self.refs[row] if 0 <= row < len(self.refs) else None

    def toggle_current(self) -> None:
        ref = self._current()
        if ref is not None:
            self.resolve_requested.emit(ref.element_id, ref.index, not ref.comment.resolved)

    def _ticked(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0:
            return
        ref = self.refs[self.tree.indexOfTopLevelItem(item)]
        wanted = item.checkState(0) == Qt.CheckState.Checked
        if wanted != ref.comment.resolved:
            self.resolve_requested.emit(ref.element_id, ref.index, wanted)

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        row = self.tree.indexOfTopLevelItem(item)
        if 0 <= row < len(self.refs):
            self.selected.emit(self.refs[row].element_id)
