"""The canvas's edges: routing them around the boxes, again after each move or change.

Mixed into :class:`~argmap.ui.canvas.scene.MapScene`. A move re-routes only the
edges of the statements moved; a model change re-reads the relations of the
elements it named (the router's ``sync``); a large change starts afresh.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF

from argmap.layout.edges import EdgeRouter
from argmap.render.geometry import element_edges, rect_tuple
from argmap.ui.canvas.items import JunctionItem, StatementItem

FULL_REROUTE = 400
"""Above this many changed statements, the router starts afresh (cheaper than tracking each change)."""


class RoutingMixin:
    """Edge routes and junctions (needs the scene's ``amap``, ``_boxes``, ``_links``, ``_junctions``,
    ``_router``, ``_dirty``, ``_relinked`` and ``_dragged``)."""

    def _rects(self, sids) -> dict[str, tuple]:
        return {sid: rect_tuple(self._boxes[sid].scene_box()) for sid in sids if sid in self._boxes}

    def _route(self, statements: set[str] | None, relinked: set[str] | None = None) -> None:
        """Re-route what a change of ``statements`` can reach (everything when None).

        ``relinked`` names the elements a model change touched (their relations
        are re-read; removed statements are among ``statements`` without a box);
        empty or None when only boxes moved.
        """
        if statements is None or self._router is None or len(statements) > FULL_REROUTE:
            self._router = EdgeRouter(self.amap, self._rects(self._boxes))
            self._apply_geometry(set(self._links))
            return
        if relinked:
            rects = {sid: rect_tuple(self._boxes[sid].scene_box()) if sid in self._boxes else None
                     for sid in statements}
            changed = self._router.sync(self.amap, rects, relinked)
        else:
            changed = self._router.move(self._rects(statements))
        self._apply_geometry(changed)

    def _apply_geometry(self, which: set[str]) -> None:
        router = self._router
        for lid in which:
            item = self._links.get(lid)
            if item is None:
                continue
            item.set_edges(element_edges(router, lid))
            point = router.junctions.get(lid)
            self._set_junction(lid, None if point is None else QPointF(*point), item.kind)

    def _set_junction(self, lid: str, point: QPointF | None, kind: str) -> None:
        item = self._junctions.get(lid)
        if point is None:
            if item is not None:
                self.removeItem(item)
                del self._junctions[lid]
            return
        if item is None:
            item = JunctionItem(lid, kind, self.theme)
            self.addItem(item)
            self._junctions[lid] = item
        item.setPos(point)
        item.setVisible(self._links[lid].isVisible())

    def note_drag(self) -> None:
        """Note the statements the mouse has moved (the grabbed box and the selection with it).

        Items do not report their own moves (an ``itemChange`` override would
        be called from C++ for every flag, z and scene change of every item,
        which slowed opening big maps); the scene asks them after each mouse move.
        """
        grabbed = self.mouseGrabberItem()
        if not isinstance(grabbed, StatementItem):
            return
        for item in {grabbed, *self.selectedItems()}:
            if isinstance(item, StatementItem) and item.was_dragged():
                item.placed = QPointF(item.pos())
                self._dirty.add(item.sid)
                self._dragged.add(item.sid)

    def flush_edges(self) -> None:
        """Re-route the edges of the statements moved (or changed) since the last call."""
        if self._dirty or self._relinked:
            dirty, self._dirty = self._dirty, set()
            relinked, self._relinked = self._relinked, set()
            self._route(dirty, relinked)
            self._place_handle()
