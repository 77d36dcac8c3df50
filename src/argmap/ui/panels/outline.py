"""The Outline panel: the map as a tree, recommendation → reasons → evidence, objections beneath.

Each row starts with what the statement is: a claim's role in the
structure (Reason, Co-premise, Objection, Rebuttal, Undercut, Conclusion,
see :mod:`argmap.analysis.roles`) or its kind (Evidence, Recommendation,
Claim), the same word as in its box; a proposal of the draft starts with
"Proposed". A statement reached again further down (a shared premise, a
cycle) is shown once more as a leaf marked "(see above)", so the tree is
finite.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QVBoxLayout, QWidget

from argmap.analysis.roles import statement_roles
from argmap.gcpause import paused_gc
from argmap.render.proposed import is_proposed
from argmap.ui.panels.common import short

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_MARK = {"claim": "Claim", "evidence": "Evidence", "recommendation": "Recommendation"}


OUTLINE_FIELDS = frozenset({"text", "kind", "tags", "premises", "conclusion", "attackers", "target"})
"""Fields whose change can change the outline (moves, notes and sources cannot; tags say "proposed")."""

SEE_ABOVE = " (see above)"


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


class OutlineNode:
    """One row of the outline as plain data (``item`` is its row once shown)."""

    __slots__ = ("label", "sid", "tip", "children", "item")

    def __init__(self, label: str, sid: str, tip: str = ""):
        self.label, self.sid, self.tip = label, sid, tip
        self.children: list[OutlineNode] = []
        self.item: QStandardItem | None = None

    def same_row(self, other: OutlineNode) -> bool:
        """Whether ``other`` shows exactly what this row shows (children aside)."""
        return self.label == other.label and self.sid == other.sid and self.tip == other.tip


def outline_tree(amap) -> list[OutlineNode]:
    """The rows of the outline of ``amap`` (top level first), without any Qt item.

    Depth first without recursion (chains can be thousands deep); a
    statement reached again is a leaf marked "(see above)".
    """
    into: dict[str, list] = {}
    for inf in amap.inferences.values():
        into.setdefault(inf.conclusion, []).append(inf)
    on: dict[str, list] = {}
    for con in amap.conflicts.values():
        on.setdefault(con.target, []).append(con)
    seen: set[str] = set()
    roots: list[OutlineNode] = []
    roles = statement_roles(amap)
    for top in [*outline_roots(amap), *amap.statements]:  # then what only a cycle reaches
        if top in seen:
            continue
        todo = [(roots, top, "")]
        while todo:
            siblings, sid, role = todo.pop()
            todo.extend(reversed(_add_node(siblings, amap, sid, role, seen, into, on, roles)))
    return roots


def row_word(statement, role: str | None) -> str:
    """The first words of a statement's row: its role when it is a claim that has one, else its kind.

    A proposal of the draft reads "Proposed reason", "Proposed evidence", ...
    """
    word = role.capitalize() if role and statement.kind == "claim" else KIND_MARK[statement.kind]
    return f"Proposed {word.lower()}" if is_proposed(statement) else word


def _add_node(siblings: list, amap, sid: str, place: str, seen: set, into, on, roles) -> list:
    """Append the row of ``sid`` to ``siblings``; returns its children still to add (siblings, id, place).

    ``place`` says where the row hangs ("Objection: " under what it attacks);
    a claim's own role already says so, so only other kinds are prefixed.
    """
    s = amap.statements[sid]
    again = sid in seen
    prefix = place if s.kind != "claim" or not roles.get(sid) else ""
    node = OutlineNode(f"{prefix}{row_word(s, roles.get(sid))}: {_short(s.text)}" + (SEE_ABOVE if again else ""),
                       sid, s.text)
    siblings.append(node)
    if again:
        return []
    seen.add(sid)
    children = []
    for inf in into.get(sid, []):
        group = node
        if len(inf.premises) > 1:
            group = OutlineNode(f"Linked reasons ({inf.id}): all are needed", sid)
            node.children.append(group)
        children += [(group.children, p, "") for p in inf.premises]
        children += [(group.children, a, "Undercut: ") for con in on.get(inf.id, []) for a in con.attackers]
    children += [(node.children, a, "Objection: ") for con in on.get(sid, []) for a in con.attackers]
    return children


@lru_cache(maxsize=100_000)
def _short(text: str) -> str:
    return short(text, 90)


def _make_item(node: OutlineNode) -> QStandardItem:
    item = QStandardItem(node.label)
    item.setData(node.sid, ID_ROLE)
    if node.tip:
        item.setToolTip(node.tip)
    node.item = item
    return item


def _materialize(node: OutlineNode) -> QStandardItem:
    """The row of ``node`` with all its descendants (built before it joins the model)."""
    top = _make_item(node)
    todo = [node]
    while todo:
        current = todo.pop()
        if current.children:
            current.item.appendRows([_make_item(c) for c in current.children])
            todo.extend(current.children)
    return top


class OutlinePanel(QWidget):
    """A keyboard-friendly tree of the map.

    The tree follows the map incrementally: :meth:`rebuild` compares the new
    outline with the rows shown and replaces only the rows that differ, so
    expanded rows stay expanded and a big map is not rebuilt for one edit.
    While the panel is hidden, changes are only noted; it catches up when
    shown.

    Signals
    -------
    selected(str)
        The user moved to (clicked, or reached with the keys) a statement.
    """

    selected = Signal(str)

    DEFER_ABOVE = 500
    """Maps with more statements update the outline a moment later (``DEFER_MS``)."""

    DEFER_MS = 50

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("panel.outline")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEFER_MS)
        self._timer.timeout.connect(self._catch_up)
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
        self._rows: list[OutlineNode] = []
        self._amap = None
        self._stale = True
        self._fresh = True
        self._quiet = False

    # ------------------------------------------------------------ following the map
    def note_change(self, change) -> None:
        """Remember that ``change`` (a model Change) may have changed the outline."""
        if change.op in ("moved", "meta"):
            return
        if change.op == "changed" and not OUTLINE_FIELDS.intersection(change.fields):
            return
        self._stale = True
        self._fresh = self._fresh or change.op == "reset"

    def refresh(self, amap) -> None:
        """Catch up with ``amap`` after noted changes: now if the panel is shown, else when it is.

        On a big map (more than ``DEFER_ABOVE`` statements) the update waits
        ``DEFER_MS``, so that what called (the new check report, in the
        Diagnostics panel and the canvas badges) is painted first, and a
        burst of edits updates the outline once.
        """
        if amap is not self._amap:
            self._amap, self._stale, self._fresh = amap, True, True
        if not (self._stale and self.isVisible()):
            return
        if len(amap.statements) > self.DEFER_ABOVE:
            self._timer.start()
        else:
            self.rebuild(amap)

    def _catch_up(self) -> None:
        if self._stale and self._amap is not None and self.isVisible():
            self.rebuild(self._amap)

    def is_stale(self) -> bool:
        """Whether changes are waiting for the panel to be shown."""
        return self._stale

    def showEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        if self._stale and self._amap is not None:
            self.rebuild(self._amap)

    def rebuild(self, amap) -> None:
        """Bring the tree in line with ``amap``, replacing only the rows that differ."""
        with paused_gc():
            rows = outline_tree(amap)
            first = not self._rows or self._fresh
            self._quiet = True
            try:
                self._patch(self.model.invisibleRootItem(), self._rows, rows)
            finally:
                self._quiet = False
        self._rows, self._amap, self._stale, self._fresh = rows, amap, False, False
        self._timer.stop()
        self._items = _first_items(rows)
        if first:
            self.tree.expandToDepth(0)

    def _patch(self, root: QStandardItem, old: list, new: list) -> None:
        """Make the rows under ``root`` show ``new`` (they show ``old``): keep equal rows, replace the rest."""
        work = [(root, old, new)]
        while work:
            parent, old, new = work.pop()
            n, m = len(old), len(new)
            a = 0
            while a < n and a < m and old[a].same_row(new[a]):
                a += 1
            b = 0
            while b < n - a and b < m - a and old[n - 1 - b].same_row(new[m - 1 - b]):
                b += 1
            pairs = list(zip(old[:a], new[:a])) + list(zip(old[n - b:], new[m - b:]))
            gone, come = old[a:n - b], new[a:m - b]
            if len(gone) == len(come) and all(o.sid == q.sid for o, q in zip(gone, come)):
                for o, q in zip(gone, come):  # same statements, new wording: relabel in place
                    o.item.setText(q.label)
                    o.item.setToolTip(q.tip)
                    pairs.append((o, q))
            else:
                if gone:
                    parent.removeRows(a, len(gone))
                if come:
                    parent.insertRows(a, [_materialize(q) for q in come])
            for o, q in pairs:
                q.item = o.item
                if o.children or q.children:
                    work.append((o.item, o.children, q.children))

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


def _first_items(rows: list[OutlineNode]) -> dict[str, QStandardItem]:
    """Statement id → its first (full) row, in outline order."""
    items: dict[str, QStandardItem] = {}
    todo = list(reversed(rows))
    while todo:
        node = todo.pop()
        items.setdefault(node.sid, node.item)
        todo.extend(reversed(node.children))
    return items
