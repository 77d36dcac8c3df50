"""Keyboard-only mapping on the canvas: walking the structure, and linking without a mouse.

Mixed into the scene. With a modifier (Alt) the arrow keys walk the
argument rather than the plane: up to what the statement supports or
attacks, down to what is under it (its premises and objections, the one
last visited first), left and right among its siblings (left to right as
drawn; the top-level statements are siblings of each other). Every step
selects the statement, gives it the keyboard focus (which screen readers
follow) and says where one is (``walked``).

Linking by key works like a mark: *Link From Selection* (Ctrl+K) remembers
the selected statements; walk or find your way to the statement they
should support and press Ctrl+K again (Ctrl+Shift+K: attack it; on a
selected support arrow: undercut it). Escape forgets the mark and the
selection.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from argmap.commands import actions


class KeyboardMixin:
    """Structure walking and key linking (needs the scene's tables, index and selection)."""

    def _init_keyboard(self) -> None:
        self._came_from: dict[str, str] = {}
        self._link_sources: list[str] = []

    # ------------------------------------------------------------ the structure around a statement
    def parents_of(self, sid: str) -> list[str]:
        """What ``sid`` supports or attacks (an undercut: the conclusion of the support it attacks)."""
        out = []
        for lid in self._index.links_of(sid):
            inf = self.amap.inferences.get(lid)
            if inf is not None and sid in inf.premises:
                out.append(inf.conclusion)
                continue
            con = self.amap.conflicts.get(lid)
            if con is not None and sid in con.attackers:
                target = con.target
                out.append(target if target in self.amap.statements else self.amap.inferences[target].conclusion)
        return self._left_to_right(dict.fromkeys(out))

    def children_of(self, sid: str) -> list[str]:
        """What is drawn under ``sid`` (premises, objections, undercutters), left to right."""
        return self._left_to_right(self._index.children(self.amap, sid))

    def siblings_of(self, sid: str) -> list[str]:
        """``sid`` and the statements beside it: the children of its first parent, or the top-level ones."""
        parents = self.parents_of(sid)
        if parents:
            return self.children_of(parents[0])
        return self._left_to_right(s for s in self._boxes if not self.parents_of(s))

    def where(self, sid: str) -> str:
        """Where ``sid`` sits, in words: "2 of 3 under s1 “Open talks…”" or "1 of 4 at the top"."""
        row = self.siblings_of(sid)
        place = f"{row.index(sid) + 1} of {len(row)}" if sid in row else "alone"
        parents = self.parents_of(sid)
        if not parents:
            return f"{place} at the top"
        words = " ".join(self.amap.statements[parents[0]].text.split())
        words = words if len(words) <= 40 else words[:39].rstrip() + "…"
        return f"{place} under {parents[0]} “{words}”"

    def _left_to_right(self, ids) -> list[str]:
        shown = [s for s in ids if s in self._boxes and self._boxes[s].isVisible()]
        return sorted(shown, key=lambda s: (self._boxes[s].pos().x(), self._boxes[s].pos().y()))

    # ------------------------------------------------------------ walking
    def _here(self) -> str | None:
        here = self._anchor()
        if here is None:
            tops = self.siblings_of(next(iter(self._boxes))) if self._boxes else []
            if tops:
                self.go_to(tops[0])
        return here

    def go_conclusion(self) -> str | None:
        """Up: to what the current statement supports or attacks (Alt+Up)."""
        here = self._here()
        if here is None:
            return None
        parents = self.parents_of(here)
        if not parents:
            self.message.emit(f"{here} is at the top: it supports and attacks nothing")
            return None
        self._came_from[parents[0]] = here
        return self.go_to(parents[0])

    def go_premise(self) -> str | None:
        """Down: to a statement under the current one, the one last come from first (Alt+Down)."""
        here = self._here()
        if here is None:
            return None
        children = self.children_of(here)
        if not children:
            self.message.emit(f"Nothing is under {here} yet: Tab adds a premise, Ctrl+Enter an objection")
            return None
        back = self._came_from.get(here)
        return self.go_to(back if back in children else children[0])

    def go_next(self) -> str | None:
        """Right: to the next sibling (Alt+Right)."""
        return self._go_sideways(1)

    def go_previous(self) -> str | None:
        """Left: to the previous sibling (Alt+Left)."""
        return self._go_sideways(-1)

    def _go_sideways(self, step: int) -> str | None:
        here = self._here()
        if here is None:
            return None
        row = self.siblings_of(here)
        if len(row) < 2 or here not in row:
            self.message.emit(f"{here} has no sibling")
            return None
        return self.go_to(row[(row.index(here) + step) % len(row)])

    def go_to(self, sid: str) -> str | None:
        """Select ``sid``, give it the keyboard focus, bring it into view, say where one is."""
        item = self._boxes.get(sid)
        if item is None:
            return None
        self.select_ids([sid])
        item.setFocus(Qt.FocusReason.OtherFocusReason)
        self.reveal(sid)
        self.walked.emit(sid)
        return sid

    def clear_selection(self) -> None:
        """Forget the link mark and the selection (Escape)."""
        if self._link_sources:
            self._link_sources = []
            self.message.emit("Link cancelled")
        self.select_ids([])

    # ------------------------------------------------------------ linking by key
    def link_support_by_key(self) -> bool:
        """Mark the selection as link sources, or, with a mark, make them support the selection (Ctrl+K)."""
        return self._link_by_key(attack=False)

    def link_attack_by_key(self) -> bool:
        """Like :meth:`link_support_by_key`, but the marked statements attack (Ctrl+Shift+K)."""
        return self._link_by_key(attack=True)

    def _link_by_key(self, attack: bool) -> bool:
        chosen = self.selected_ids()
        sources = [s for s in self._link_sources if s in self.amap.statements]
        target = self._anchor() or next((i for i in chosen if i in self.amap.inferences), None)
        if not sources or target is None or target in sources:
            statements = [s for s in chosen if s in self.amap.statements]
            if not statements:
                self.message.emit("Select the statements to link from, then press Ctrl+K")
                return False
            self._link_sources = statements
            verb = "attack" if attack else "support"
            self.message.emit(f"Linking from {', '.join(statements)}: select what they {verb}, then press "
                              f"{'Ctrl+Shift+K' if attack else 'Ctrl+K'} again (Escape cancels)")
            return False
        self._link_sources = []
        make = actions.link_attack if attack else actions.link_support
        if not attack and target not in self.amap.statements:
            make = actions.link_attack  # only an attack can aim at a support arrow: an undercut
        try:
            command = make(self.amap, sources, target)
        except ValueError as exc:
            self.message.emit(str(exc))
            return False
        return self.run(command)
