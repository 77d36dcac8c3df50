"""Which links (inferences, conflicts) touch which statements: so edits re-route only nearby edges."""

from __future__ import annotations

from collections import defaultdict

from argmap.model import ArgumentMap


class LinkIndex:
    """Element id → ids of the inferences and conflicts naming it (undercuts under their inference)."""

    def __init__(self):
        self._touch: dict[str, set[str]] = defaultdict(set)
        self._ends: dict[str, tuple[str, ...]] = {}

    def build(self, amap: ArgumentMap) -> None:
        """Index every link of ``amap`` (forgetting the old index)."""
        self._touch.clear()
        self._ends.clear()
        for lid in (*amap.inferences, *amap.conflicts):
            self.put(amap, lid)

    def put(self, amap: ArgumentMap, lid: str) -> None:
        """(Re)index link ``lid`` as it is now in ``amap``."""
        self.drop(lid)
        element = amap.get(lid)
        if element is None:
            return
        if lid in amap.inferences:
            ends = (*element.premises, element.conclusion)
        else:
            ends = (*element.attackers, element.target)
        self._ends[lid] = ends
        for end in ends:
            self._touch[end].add(lid)

    def drop(self, lid: str) -> tuple[str, ...]:
        """Forget link ``lid``; returns the ids it named."""
        ends = self._ends.pop(lid, ())
        for end in ends:
            links = self._touch.get(end)
            if links is not None:
                links.discard(lid)
                if not links:
                    del self._touch[end]
        return ends

    def ends(self, lid: str) -> tuple[str, ...]:
        return self._ends.get(lid, ())

    def links_of(self, eid: str) -> set[str]:
        """Links naming ``eid`` (a statement or an inference)."""
        return set(self._touch.get(eid, ()))

    def statements_of(self, lid: str) -> set[str]:
        """Statements whose boxes decide the geometry of ``lid`` (an undercut: its inference's too)."""
        out: set[str] = set()
        for end in self._ends.get(lid, ()):
            if end in self._ends:  # an inference: the undercut aims at its junction
                out.update(self._ends[end])
            else:
                out.add(end)
        return out

    def around(self, statements: set[str]) -> set[str]:
        """Links touching ``statements``, with the undercuts of the inferences among them."""
        links: set[str] = set()
        for sid in statements:
            links.update(self._touch.get(sid, ()))
        for lid in list(links):
            links.update(self._touch.get(lid, ()))
        return links

    def children(self, amap: ArgumentMap, sid: str) -> set[str]:
        """Statements drawn under ``sid``: its premises, its attackers and the undercutters of its support."""
        out: set[str] = set()
        for lid in self.links_of(sid):
            element = amap.get(lid)
            if lid in amap.inferences and element.conclusion == sid:
                out.update(element.premises)
                for cid in self.links_of(lid):
                    out.update(amap.conflicts[cid].attackers)
            elif lid in amap.conflicts and element.target == sid:
                out.update(element.attackers)
        out.discard(sid)
        return out
