"""The Outline panel: the map as a tree, recommendation → reasons → evidence, objections beneath.

A statement reached again further down (a shared premise, a cycle) is
shown once more as a leaf marked "(see above)", so the tree is finite.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QVBoxLayout, QWidget

from argmap.ui.panels.common import short

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_MARK = {"claim": "Claim", "evidence": "Evidence", "recommendation": "Recommendation"}


def outline_roots(amap) -> list[str]:
    """Statements at the top of the outline: recommendations and claims that support or attack nothing."""
    used = set()
    for inf in amap.inferences.values():
        used.update(inf.premises)
    for con in amap.conflicts.values():
        used.update(con.attackers)
    roots = [s.id for s in amap.statements.values() if s.kind == "recommendation"]
    roots += [s.id for s in amap.statements.values() if s.kind != "recommendation" and s.id not in used]
    return roots


class OutlinePanel(QWidget):
    """A keyboard-friendly tree of the map.

    Signals
    -------
    selected(str)
        The user moved to (clicked, or reached with the keys) a statement.
    """

    selected = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("panel.outline")
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(["Outline"])
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.clicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)
        self._items: dict[str, QStandardItem] = {}
        self._quiet = False

    def rebuild(self, amap) -> None:
        """Rebuild the tree from ``amap`` (keeps which statements were expanded)."""
        expanded = self._expanded_ids()
        self._quiet = True
        self.model.clear()
        self._items = {}
        into: dict[str, list] = {}
        for inf in amap.inferences.values():
            into.setdefault(inf.conclusion, []).append(inf)
        on: dict[str, list] = {}
        for con in amap.conflicts.values():
            on.setdefault(con.target, []).append(con)
        root = self.model.invisibleRootItem()
        for top in [*outline_roots(amap), *amap.statements]:  # then what only a cycle reaches
            if top in self._items:
                continue
            todo = [(root, top, "")]
            while todo:  # depth first, without recursion: chains can be thousands deep
                parent, sid, role = todo.pop()
                todo.extend(reversed(self._add(parent, amap, sid, role, into, on)))
        self._quiet = False
        self._restore(expanded)

    def _add(self, parent: QStandardItem, amap, sid: str, role: str, into, on) -> list:
        """Append ``sid`` under ``parent``; returns its children still to add (parent, id, role)."""
        s = amap.statements[sid]
        again = sid in self._items
        label = f"{role}{KIND_MARK[s.kind]}: {short(s.text, 90)}" + (" (see above)" if again else "")
        item = QStandardItem(label)
        item.setData(sid, ID_ROLE)
        item.setToolTip(s.text)
        parent.appendRow(item)
        if again:
            return []
        self._items[sid] = item
        children = []
        for inf in into.get(sid, []):
            group = item
            if len(inf.premises) > 1:
                group = QStandardItem(f"Linked reasons ({inf.id}): all are needed")
                group.setData(sid, ID_ROLE)
                item.appendRow(group)
            children += [(group, p, "") for p in inf.premises]
            children += [(group, a, "Undercut: ") for con in on.get(inf.id, []) for a in con.attackers]
        children += [(item, a, "Objection: ") for con in on.get(sid, []) for a in con.attackers]
        return children

    # ------------------------------------------------------------ selection
    def select_id(self, sid: str | None) -> None:
        """Show ``sid`` as the current row (without announcing it)."""
        item = self._items.get(sid) if sid else None
        self._quiet = True
        try:
            if item is None:
                self.tree.clearSelection()
                return
            index = item.index()
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        finally:
            self._quiet = False

    def current_id(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.selected.emit(current.data(ID_ROLE))

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.selected.emit(index.data(ID_ROLE))

    def _expanded_ids(self) -> set[str]:
        return {sid for sid, item in self._items.items() if self.tree.isExpanded(item.index())}

    def _restore(self, expanded: set[str]) -> None:
        if not expanded:
            self.tree.expandToDepth(0)
            return
        for sid in expanded:
            item = self._items.get(sid)
            if item is not None:
                self.tree.expand(item.index())
