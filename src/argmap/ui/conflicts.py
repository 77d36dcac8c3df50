"""Merge conflicts in the app: a merged map opens with its conflicts listed and marked, to settle one by one.

The list is the map's own ``merge_conflicts`` (SPEC §6), read again after
every edit: settling a conflict is one undo step that changes the field
(or the element) and drops the conflict, so undo brings it back, and a map
saved once every conflict is settled is written without the list.
"""

from __future__ import annotations

from argmap.commands.edits import execute
from argmap.commands.review import conflict_title, resolve_conflict
from argmap.formats.resolve import WHOLE, conflicts_of
from argmap.model import KINDS, ModelError, Position, Statement
from argmap.ui.accessibility import announce
from argmap.ui.canvas.overlay import CONFLICT, Mark
from argmap.ui.compare import show
from argmap.ui.review_controller import ReviewController, bring_into_view


def side_text(conflict: dict, side: str) -> str:
    """One side's value of a conflict as plain text (a whole element field by field)."""
    value = conflict.get(side)
    if conflict.get("field") in WHOLE:
        if value is None:
            return "(not there: removed on this side)" if side != "base" else "(not there: added since)"
        if isinstance(value, dict):
            return "\n".join(f"{k}: {show(v)}" for k, v in value.items())
    return "(none)" if value is None else show(value)


def rows_of(conflicts: list[dict]) -> list[dict]:
    """The panel's rows: a title and each side's text."""
    return [{"title": conflict_title(c), **{side: side_text(c, side) for side in ("base", "ours", "theirs")}}
            for c in conflicts]


def conflict_mark(n: int, conflict: dict, amap, current: bool) -> Mark | None:
    """The canvas mark of one conflict: on its element, or a ghost of the other side's element when ours lacks it."""
    eid, name = conflict.get("id", ""), conflict.get("field", "")
    if not eid:
        return None  # a map detail (the title): only in the list
    detail = "removed on one side" if name == "removed" else name
    if eid in amap.statements or eid in amap.inferences or eid in amap.conflicts:
        return Mark(n, CONFLICT, eid, detail, current=current)
    value = conflict.get("theirs") if isinstance(conflict.get("theirs"), dict) else conflict.get("base")
    if not isinstance(value, dict):
        return None
    if "premises" in value or "attackers" in value:
        support = "premises" in value
        members = value.get("premises" if support else "attackers") or ()
        target = value.get("conclusion" if support else "target") or ""
        return Mark(n, CONFLICT, eid, detail, members=tuple(x for x in members if isinstance(x, str)),
                    target=target if isinstance(target, str) else "", link_kind="support" if support else "attack",
                    current=current)
    if "kind" in value:
        where = value.get("position")
        pos = Position(float(where["x"]), float(where["y"])) if isinstance(where, dict) and \
            {"x", "y"} <= set(where) else None
        kind = value["kind"] if value["kind"] in KINDS else "claim"
        text = value.get("text") if isinstance(value.get("text"), str) else ""
        return Mark(n, CONFLICT, eid, detail, statement=Statement(eid, kind, text, position=pos), current=current)
    return None


class ConflictsController(ReviewController):
    """Shows the map's merge conflicts in the Conflicts panel and on the canvas, and settles them.

    Parameters
    ----------
    window : MainWindow
        Provides ``document``, ``scene``, ``view``, ``statusBar()`` and ``select_and_center``.
    panel : ConflictsPanel
        The list (in its dock).
    dock : QDockWidget
        The panel's dock, shown while the map has conflicts.
    place : callable, optional
        Shows the dock (``place(dock)``; by default ``dock.show()``).
    """

    def __init__(self, window, panel, dock, place=None):
        super().__init__(window, panel, dock, place)
        self.conflicts: list[dict] = []
        panel.resolve_requested.connect(self.resolve)

    def on_loaded(self) -> None:
        """A map was opened: list its conflicts (and say so), or hide the panel when it has none."""
        self.current = None
        self.refresh()
        if self.conflicts:
            self.place(self.dock)
            n = len(self.conflicts)
            self.window.statusBar().showMessage(
                f"This map has {n} merge conflict{'s' * (n != 1)} to settle: see the Conflicts panel", 10000)
            self.go_to(0)

    # ------------------------------------------------------------ settling
    def resolve(self, n: int | None = None, choice: str = "ours") -> bool:
        """Settle conflict ``n`` (the current one) with ``choice``: one undo step; False when refused."""
        n = self.current if n is None else n
        if n is None or not 0 <= n < len(self.conflicts):
            return False
        try:
            command = resolve_conflict(self.window.document.amap, self.conflicts[n], choice)
        except ModelError as exc:
            self.window.statusBar().showMessage(f"Not settled: {exc}", 8000)
            return False
        execute(self.window.document.undo_stack, command)
        self.refresh()
        left = len(self.conflicts)
        self.window.statusBar().showMessage(
            f"{command.text()}; {left} conflict{'s' * (left != 1)} left" if left else
            f"{command.text()}; every merge conflict is settled: save to write the map without them", 8000)
        if left:
            self.go_to(min(n, left - 1))
        return True

    def keep_ours(self) -> bool:
        return self.resolve(None, "ours")

    def take_theirs(self) -> bool:
        return self.resolve(None, "theirs")

    def take_base(self) -> bool:
        return self.resolve(None, "base")

    def go_to(self, n: int | None) -> None:
        """Make conflict ``n`` the current one and bring its element into view."""
        if n is None or not 0 <= n < len(self.conflicts):
            return
        self.current = n
        self._show()
        announce(self.window.view, f"Merge conflict {n + 1} of {len(self.conflicts)}: "
                                   f"{conflict_title(self.conflicts[n])}")
        eid = self.conflicts[n].get("id", "")
        scene = self.window.scene
        if scene.statement_item(eid) or scene.link_item(eid):
            scene.select_ids([eid])
        if n in self.overlay.rects:
            bring_into_view(self.window.view, self.overlay.rects[n])

    # ------------------------------------------------------------ following the map
    def _on_change(self, change) -> None:
        if self.conflicts or change.op in ("meta", "reset"):
            self._timer.start()

    def refresh(self) -> None:
        """Read the conflicts from the map again (after an edit, an undo, a new map)."""
        before = len(self.conflicts)
        self.conflicts = conflicts_of(self.window.document.amap)
        if not self.conflicts:
            self.current = None
        elif self.current is None or self.current >= len(self.conflicts):
            self.current = min(self.current or 0, len(self.conflicts) - 1)
        if self.conflicts and not before and not self.dock.isVisible():
            self.place(self.dock)  # an undo brought conflicts back
        self._show()

    def _show(self) -> None:
        self.panel.show_rows(rows_of(self.conflicts), self.current)
        self._redraw()
        self.update_actions()

    def _redraw(self) -> None:
        amap = self.window.document.amap
        marks = [conflict_mark(n, c, amap, n == self.current) for n, c in enumerate(self.conflicts)]
        self.overlay.show([m for m in marks if m is not None])

    def update_actions(self) -> None:
        """Enable the Review menu's rows that apply now."""
        self.enable_actions((name, self.current is not None)
                            for name in ("review.keep_ours", "review.take_theirs", "review.take_base"))
