"""The canvas's view of the draft's proposals: which links are proposed, and the cues shown on hover.

Mixed into :class:`~argmap.ui.canvas.scene.MapScene`. A proposed statement
paints itself as one (its ``proposed`` tag is part of what it draws, see
:mod:`argmap.render.proposed`); a proposed support or attack is listed under
the map's ``draft`` key, so the scene tells its :class:`LinkItem` after
every change that can change that list (meta, added, removed).
"""

from __future__ import annotations

import html

from argmap.render.proposed import is_proposed, proposed_links


def _said(amap, sid: str) -> str:
    st = amap.statements.get(sid)
    if st is None:
        inf = amap.inferences.get(sid)
        return f"the support of {inf.conclusion}" if inf is not None else sid
    words = " ".join(st.text.split())
    return f"{sid} “{words[:50] + '…' if len(words) > 50 else words}”"


def relation_words(amap, lid: str) -> str:
    """"supports s1 “…”" or "attacks s4 “…”" (what relation ``lid`` does, from its source's side)."""
    inf = amap.inferences.get(lid)
    if inf is not None:
        return f"supports {_said(amap, inf.conclusion)}"
    con = amap.conflicts.get(lid)
    return f"attacks {_said(amap, con.target)}" if con is not None else lid


class ProposalMixin:
    """Proposed links and their cues (needs the scene's ``amap`` and ``_links``)."""

    def _init_proposals(self) -> None:
        self._proposed_links: frozenset[str] = frozenset()

    def _sync_proposals(self) -> None:
        """Tell the link items whether they are proposed (after the draft list or the links changed)."""
        now = proposed_links(self.amap)
        for lid in now | self._proposed_links:  # a link made again (undo of a removal) is new: asked too
            item = self._links.get(lid)
            if item is not None and item.proposed != (lid in now):
                item.set_proposed(lid in now)
        self._proposed_links = now

    def is_proposed(self, eid: str) -> bool:
        """Whether element ``eid`` is still a proposal of the draft."""
        st = self.amap.statements.get(eid)
        return is_proposed(st) if st is not None else eid in self._proposed_links

    def proposal_notes(self, sid: str) -> list[str]:
        """What the draft says about statement ``sid`` (empty when it is no proposal): its cue, its links' cues."""
        amap = self.amap
        st = amap.statements.get(sid)
        if st is None or not is_proposed(st):
            return []
        lines = ["Proposed by the draft (accept, edit or reject it)"]
        if st.note:
            lines.append(st.note)
        for lid in sorted(self._proposed_links):
            element = amap.get(lid)
            sources = getattr(element, "premises", None) or getattr(element, "attackers", ())
            if sid in sources:
                lines.append(f"It {relation_words(amap, lid)}: {element.note or 'no cue given'}")
        return lines

    def link_tooltip(self, lid: str) -> str:
        """The tooltip of a support or attack: who does what to whom, its note (a proposal's cue)."""
        amap = self.amap
        element = amap.get(lid)
        if element is None:
            return ""
        sources = getattr(element, "premises", None) or getattr(element, "attackers", ())
        lines = [" and ".join(_said(amap, s) for s in sources) + " " + relation_words(amap, lid)]
        if lid in self._proposed_links:
            lines.insert(0, "Proposed by the draft (accept or reject it)")
        if element.note:
            lines.append(element.note)
        return "<qt>" + "<br>".join(html.escape(line) for line in lines) + "</qt>"
