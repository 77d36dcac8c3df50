"""The map canvas: a QGraphicsScene that shows a Document and edits it through commands.

The scene never owns data. Items are keyed by element id and updated from
the model's change events (only the items concerned; edges are re-routed
around the statements that changed, through a statement → link index);
badges and tooltips follow the document's check report. Every edit is an
undoable command on the document's stack (see :mod:`argmap.ui.canvas.editing`).
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsScene

from argmap.analysis.roles import statement_roles
from argmap.gcpause import paused_gc
from argmap.layout.edges import EdgeRouter
from argmap.model import Position
from argmap.render.grades import grade_of
from argmap.ui.canvas._render import statement_size, theme_named
from argmap.ui.canvas.drops import DropMixin
from argmap.ui.canvas.editing import EditingMixin
from argmap.ui.canvas.index import LinkIndex
from argmap.ui.canvas.interactions import InteractionMixin
from argmap.ui.canvas.items import HandleItem, JunctionItem, LinkItem, StatementItem
from argmap.ui.canvas.keyboard import KeyboardMixin
from argmap.ui.canvas.proposals import ProposalMixin
from argmap.ui.canvas.routing import RoutingMixin

ROLE_FIELDS = frozenset({"kind", "premises", "conclusion", "attackers", "target"})
"""Fields whose change can change a statement's role."""

SEVERITIES = ("error", "warning")


def _badge(found) -> tuple[str | None, str]:
    """The worst severity among ``found`` (errors and warnings only) and its badge text, e.g. "AM001 +1"."""
    shown = [d for d in found if d.severity in SEVERITIES]
    if not shown:
        return None, ""
    shown.sort(key=lambda d: SEVERITIES.index(d.severity))
    return shown[0].severity, shown[0].code + (f" +{len(shown) - 1}" if len(shown) > 1 else "")


class MapScene(
    InteractionMixin, KeyboardMixin, EditingMixin, DropMixin, ProposalMixin, RoutingMixin, QGraphicsScene
):
    """The canvas of one document.

    Parameters
    ----------
    document : Document
        The map, its undo stack and its check report.
    theme : Theme, optional
        How to draw (default: the light theme).

    Signals
    -------
    selection_ids_changed(list)
        Ids of the selected statements and links, after each selection change.
    message(str)
        A one-line notice for the status bar (e.g. why a link was refused).
    passage_dropped(dict)
        A passage of the source text was dropped and the user said what it
        becomes: ``start``, ``end``, ``quote``, ``kind``, ``link``, ``target``,
        ``position`` (see :mod:`argmap.ui.canvas.drops`).
    walked(str)
        The keyboard moved to this statement along the structure.
    rebuilt()
        Every item was made again (a new map, a theme): items the scene does
        not own, such as the review overlay, were deleted and must be drawn again.
    """

    selection_ids_changed = Signal(list)
    message = Signal(str)
    passage_dropped = Signal(dict)
    walked = Signal(str)
    rebuilt = Signal()

    def __init__(self, document, theme=None, parent=None):
        super().__init__(parent)
        self.document = document
        self.theme = theme or theme_named("light")
        self.edit_new = True
        self._boxes: dict[str, StatementItem] = {}
        self._links: dict[str, LinkItem] = {}
        self._junctions: dict[str, JunctionItem] = {}
        self._index = LinkIndex()
        self._router: EdgeRouter | None = None
        self._dirty: set[str] = set()
        self._relinked: set[str] = set()
        """Elements a model change named since the last re-route (their relations are re-read)."""
        self._dragged: set[str] = set()
        self._collapsed: set[str] = set()
        self._highlight: set[str] = set()
        self._diagnostics: dict[str, list] = {}
        self._roles: dict[str, str | None] = {}
        self._init_interactions()
        self._init_keyboard()
        self._init_proposals()
        self.setBackgroundBrush(QColor(self.theme.background))
        self.rebuild()
        document.changed.connect(self._on_change)
        document.report_changed.connect(self._on_report)
        self.selectionChanged.connect(self._on_selection)

    @property
    def amap(self):
        return self.document.amap

    # ------------------------------------------------------------ building
    def rebuild(self) -> None:
        """Drop every item and create them again from the model, in bulk."""
        with paused_gc():  # thousands of items and their wrappers, none of them cyclic garbage
            self._rebuild()

    def _rebuild(self) -> None:
        self._close_editor()
        self._handle = None
        self.blockSignals(True)  # clear() deselects items it is deleting: nothing may look at them
        try:
            self.clear()
        finally:
            self.blockSignals(False)
        self._boxes.clear()
        self._links.clear()
        self._junctions.clear()
        self._handle = HandleItem(self.theme)
        self._handle.setVisible(False)
        self.addItem(self._handle)
        amap = self.amap
        self._roles = statement_roles(amap)
        sizes = {sid: self.box_size(s) for sid, s in amap.statements.items()}
        centres = self._centres(sizes)
        graded = bool(amap.sources) or amap.uses_grades()
        for sid, st in amap.statements.items():
            item = StatementItem(sid, st, sizes[sid], self.theme, QPointF(centres[sid].x, centres[sid].y))
            item.role = self._roles[sid]
            if graded:
                item.grade = grade_of(st, amap.sources)
            self.addItem(item)
            self._boxes[sid] = item
        self._index.build(amap)
        for lid in (*amap.inferences, *amap.conflicts):
            self._new_link(lid)
        self._route(None)
        self._proposed_links = frozenset()
        self._sync_proposals()
        self._dirty.clear()
        self._relinked.clear()
        self._collapsed &= set(self._boxes)
        self._apply_collapse()
        self._on_report(self.document.report)
        self.selection_ids_changed.emit([])
        self.rebuilt.emit()

    def box_size(self, statement) -> tuple[float, float]:
        """Width and height of the box of ``statement`` as this canvas draws it (its role in the header)."""
        return statement_size(statement, self.theme, self._roles.get(statement.id))

    def role_of(self, sid: str) -> str | None:
        """The structural role of statement ``sid`` (:func:`argmap.analysis.roles.statement_roles`)."""
        return self._roles.get(sid)

    def _centres(self, sizes: dict) -> dict[str, Position]:
        """Saved positions; statements without one get a display position (not saved)."""
        placed = {sid: self.amap.statements[sid].position for sid in sizes}
        if all(p is not None for p in placed.values()):
            return placed
        try:
            from argmap.render.placement import resolve_positions
        except ImportError:
            resolve_positions = None
        if resolve_positions is not None:
            return resolve_positions(self.amap, sizes, "keep")
        missing = [sid for sid, p in placed.items() if p is None]
        for n, sid in enumerate(missing):
            placed[sid] = Position(260.0 * (n % 20), 140.0 * (n // 20))
        return placed

    def _new_link(self, lid: str) -> None:
        kind = "support" if lid in self.amap.inferences else "attack"
        item = LinkItem(lid, kind, self.theme)
        self.addItem(item)
        self._links[lid] = item

    # ------------------------------------------------------------ model changes
    def _on_change(self, change) -> None:
        if change.op == "reset":
            self.rebuild()
            return
        if change.op == "meta":
            self._sync_proposals()  # the draft's list of proposals may have changed
            return
        if change.op == "moved":
            for sid in change.ids:
                self._sync_position(sid)
        else:
            if change.op != "changed" or ROLE_FIELDS.intersection(change.fields):
                self._update_roles()
            for eid in change.ids:
                self._sync(eid)
        self.flush_edges()
        if change.op in ("added", "removed"):
            self._sync_proposals()
        if self._collapsed:
            self._apply_collapse()

    def _update_roles(self) -> None:
        """Work the roles out again; boxes whose role changed get their new header (and size)."""
        old, self._roles = self._roles, statement_roles(self.amap)
        for sid, role in self._roles.items():
            item = self._boxes.get(sid)
            if item is not None and old.get(sid) != role:
                item.role = role
                item.set_statement(self.amap.statements[sid], self.box_size(self.amap.statements[sid]))
                self._dirty.add(sid)

    def _sync_position(self, sid: str) -> None:
        item = self._boxes.get(sid)
        pos = self.amap.statements[sid].position if sid in self.amap.statements else None
        if item is not None and pos is not None and item.pos() != QPointF(pos.x, pos.y):
            item.place(pos.x, pos.y)
        self._dirty.add(sid)

    def _sync(self, eid: str) -> None:
        amap = self.amap
        if eid in amap.statements:
            st = amap.statements[eid]
            size = self.box_size(st)
            item = self._boxes.get(eid)
            if item is None:
                item = StatementItem(eid, st, size, self.theme)
                item.role = self._roles.get(eid)
                self.addItem(item)
                self._boxes[eid] = item
            elif item.statement != st:
                item.set_statement(st, size)
            item.set_grade(grade_of(st, amap.sources))
            if st.position is not None:
                item.place(st.position.x, st.position.y)
            self._dirty.add(eid)
            self._relinked.add(eid)
        elif eid in amap.inferences or eid in amap.conflicts:
            self._dirty.update(self._index.statements_of(eid))
            self._index.put(amap, eid)
            if eid not in self._links:
                self._new_link(eid)
            self._dirty.update(self._index.statements_of(eid))
            self._relinked.add(eid)
        elif eid in amap.sources:
            self._regrade(eid)
        else:
            self._forget(eid)

    def _regrade(self, source_id: str) -> None:
        """The grades of the evidence citing ``source_id`` again (its reliability may have changed)."""
        for sid in self.amap.cited_by(source_id):
            item = self._boxes.get(sid)
            if item is not None:
                item.set_grade(grade_of(self.amap.statements[sid], self.amap.sources))

    def _forget(self, eid: str) -> None:
        self._relinked.add(eid)
        if eid in self._boxes:
            self._dirty.add(eid)  # its box leaves the router's obstacles
        self._dirty.update(self._index.statements_of(eid))
        self._index.drop(eid)
        self._collapsed.discard(eid)
        for table in (self._boxes, self._links, self._junctions):
            item = table.pop(eid, None)
            if item is not None:
                self.removeItem(item)
        if self._editor is not None and self._editor.sid == eid:
            self._close_editor()

    # ------------------------------------------------------------ report
    def _on_report(self, report) -> None:
        if report is None:
            return
        by_target: dict[str, list] = defaultdict(list)
        for diag in getattr(report, "diagnostics", ()):
            by_target[diag.target].append(diag)
        self._diagnostics = by_target
        labels = getattr(report, "labels", {})
        badges = {sid: _badge(found) for sid, found in by_target.items()}
        plain = (None, "")
        for sid, item in self._boxes.items():
            severity, badge = badges.get(sid, plain)
            label = labels.get(sid)
            if item.status != (label, severity, badge):
                item.set_status(label, severity, badge)

    def diagnostics_of(self, sid: str) -> tuple:
        """The latest report's diagnostics about statement ``sid``."""
        return tuple(self._diagnostics.get(sid, ()))

    # ------------------------------------------------------------ selection
    def selected_ids(self) -> list[str]:
        """Selected statements (document order), then selected inferences and conflicts."""
        chosen = {getattr(i, "sid", None) or getattr(i, "eid", None) for i in self.selectedItems()}
        amap = self.amap
        return [e for e in (*amap.statements, *amap.inferences, *amap.conflicts) if e in chosen]

    def select_ids(self, ids) -> None:
        """Select exactly the items of ``ids`` (one selection_ids_changed)."""
        wanted = set(ids)
        self.blockSignals(True)
        try:
            self.clearSelection()
            for eid in wanted:
                item = self._boxes.get(eid) or self._links.get(eid)
                if item is not None and item.isVisible():
                    item.setSelected(True)
        finally:
            self.blockSignals(False)
        self._on_selection()

    def _on_selection(self) -> None:
        self._place_handle()
        ids = self.selected_ids()
        if len(ids) == 1 and ids[0] in self._boxes and self._editor is None:
            self._boxes[ids[0]].setFocus()  # keyboard (and screen reader) focus follows the selection
        self.selection_ids_changed.emit(ids)

    def _place_handle(self) -> None:
        if self._handle is None:
            return
        ids = [i for i in self.selected_ids() if i in self._boxes]
        if len(ids) != 1 or self._editor is not None:
            self._handle.setVisible(False)
            return
        box = self._boxes[ids[0]].scene_box()
        self._handle.sid = ids[0]
        self._handle.setPos(box.center().x(), box.top())
        self._handle.setVisible(True)

    def set_highlight(self, ids) -> None:
        """Mark ``ids`` (e.g. the statements of a diagnostic) with the hover ring."""
        new = set(ids)
        for sid in self._highlight | new:
            item = self._boxes.get(sid)
            if item is not None:
                item.hovered = sid in new
                item.update()
        self._highlight = new

    def set_theme(self, theme) -> None:
        """Draw with ``theme`` from now on (boxes are measured again)."""
        self.theme = theme
        self.setBackgroundBrush(QColor(theme.background))
        self.rebuild()

    def visible_bounds(self) -> QRectF:
        """The scene rectangle covering every shown box and link (folded branches left out)."""
        rect = QRectF()
        for table in (self._boxes, self._links):
            for item in table.values():
                if item.isVisible():
                    rect = rect.united(item.sceneBoundingRect())
        return rect

    def statement_item(self, sid: str) -> StatementItem | None:
        return self._boxes.get(sid)

    def link_item(self, lid: str) -> LinkItem | None:
        return self._links.get(lid)

    def junction_item(self, lid: str) -> JunctionItem | None:
        return self._junctions.get(lid)

    # ------------------------------------------------------------ collapse
    def collapsed(self) -> set[str]:
        return set(self._collapsed)

    def _apply_collapse(self) -> None:
        hidden: set[str] = set()
        todo = [c for sid in self._collapsed for c in self._index.children(self.amap, sid)]
        while todo:
            sid = todo.pop()
            if sid in hidden:
                continue
            hidden.add(sid)
            todo.extend(self._index.children(self.amap, sid) - hidden)
        for sid, item in self._boxes.items():
            item.setVisible(sid not in hidden)
            if item.collapsed != (sid in self._collapsed):
                item.collapsed = sid in self._collapsed
                item.update()
        for lid, link in self._links.items():
            visible = not (self._index.statements_of(lid) & hidden)
            link.setVisible(visible)
            if lid in self._junctions:
                self._junctions[lid].setVisible(visible)

