"""File → Compare With…: another version of the map overlaid on the canvas, its changes taken or left.

The comparison is ``diff_maps(this map, other version)``: what the other
version would change here. *Added* elements are ghosts where the other
version has them, *removed* ones are veiled on their boxes, *changed* ones
framed with the fields named, *moved* ones outlined at their other place.
The *Changes* panel lists every change in review order; each can be taken
(one undo step) or left (it stays listed as left), *Take All* takes what is
still to decide in one step, *End Comparison* takes the marks away. A
change's state is read from the map itself after every edit, so undoing a
take, or making the same edit by hand, shows in the list at once.
"""

from __future__ import annotations

import json
from pathlib import Path

from argmap.commands.edits import execute
from argmap.commands.review import agrees, take_change, take_changes
from argmap.formats.diff import ADDED, CHANGED, META, MOVED, REMOVED, ElementChange, diff_maps
from argmap.formats.diff_text import label
from argmap.formats.mapdoc import ABSENT, document_of, elements, load_map
from argmap.formats.mapdoc import field as value_of
from argmap.model import ArgumentMap, FormatError, ModelError
from argmap.ui.accessibility import announce
from argmap.ui.canvas.overlay import Mark
from argmap.ui.review_controller import ReviewController, bring_into_view

PENDING, TAKEN, LEFT = "to decide", "taken", "left"
"""Stepping to a change zooms in to at least this scale, so that its mark and text can be read."""


class Comparison:
    """This map against another version: the changes in review order and what became of each.

    Parameters
    ----------
    amap : ArgumentMap
        The map in the window (the changes are worked out against it).
    other : ArgumentMap
        The other version.
    name : str
        What to call the other version ("reviewed.argmap").
    """

    def __init__(self, amap: ArgumentMap, other: ArgumentMap, name: str):
        self.other, self.name = other, name
        self.diff = diff_maps(amap, other)
        self.changes: list[ElementChange] = self.diff.changes
        self.labels = [label(c, self.diff) for c in self.changes]
        self.left: set[int] = set()
        self.problems: dict[int, str] = {}
        self.status: list[str] = [PENDING] * len(self.changes)
        self.refresh(amap)

    def refresh(self, amap: ArgumentMap) -> None:
        """Read each change's state from ``amap``: taken when the map agrees, else left or to decide."""
        doc = document_of(amap)
        present = elements(doc)
        self.status = [TAKEN if agrees(c, present, doc) else LEFT if n in self.left else PENDING
                       for n, c in enumerate(self.changes)]
        for n, state in enumerate(self.status):
            if state == TAKEN:
                self.problems.pop(n, None)

    def counts(self) -> dict[str, int]:
        return {state: self.status.count(state) for state in (PENDING, TAKEN, LEFT)}

    def pending(self) -> list[int]:
        return [n for n, state in enumerate(self.status) if state == PENDING]

    def step(self, start: int, forward: bool = True) -> int | None:
        """The next (previous) row after ``start`` still to decide, else simply the next (previous) row.

        The rows wrap around; ``start`` -1 starts from the first (last) row.
        """
        n = len(self.changes)
        if not n:
            return None
        if start < 0:
            order = list(range(n)) if forward else list(reversed(range(n)))
        else:
            order = [(start + k * (1 if forward else -1)) % n for k in range(1, n + 1)]
        return next((k for k in order if self.status[k] == PENDING), order[0])

    def next_pending(self, start: int) -> int | None:
        """The next row after ``start`` still to decide (wrapping), or None when all are decided."""
        following = self.step(start)
        return following if following is not None and self.status[following] == PENDING else None

    def marks(self, current: int | None) -> list[Mark]:
        """What to draw: every change still to decide, and the current one whatever its state."""
        out = []
        for n, change in enumerate(self.changes):
            if self.status[n] == TAKEN or (self.status[n] == LEFT and n != current):
                continue
            mark = self._mark(n, change, n == current)
            if mark is not None:
                out.append(mark)
        return out

    def _mark(self, n: int, change: ElementChange, current: bool) -> Mark | None:
        other = self.other
        if change.op == ADDED and change.type == "statement":
            return Mark(n, ADDED, change.id, statement=other.statements[change.id], current=current)
        if change.op == ADDED and change.type in ("inference", "conflict"):
            link = other.get(change.id)
            members = link.premises if change.type == "inference" else link.attackers
            target = link.conclusion if change.type == "inference" else link.target
            kind = "support" if change.type == "inference" else "attack"
            return Mark(n, ADDED, change.id, members=tuple(members), target=target, link_kind=kind, current=current)
        if change.op == REMOVED and change.type != "source":
            return Mark(n, REMOVED, change.id, current=current)
        if change.op == CHANGED and change.type != "source":
            return Mark(n, CHANGED, change.id, ", ".join(change.fields), current=current)
        if change.op == MOVED:
            return Mark(n, MOVED, change.id, statement=other.statements.get(change.id), current=current)
        return None

    def details(self, n: int) -> str:
        """Everything about change ``n``: its line, then each value here and in the other version."""
        change = self.changes[n]
        lines = [self.labels[n], ""]
        other = f"in {self.name}"
        if change.op in (CHANGED, MOVED):
            for name in change.fields:
                lines += [f"{name}", f"  here: {show(value_of(change.old, name))}",
                          f"  {other}: {show(value_of(change.new, name))}"]
        elif change.op == ADDED:
            lines += [f"{other}:"] + [f"  {k}: {show(v)}" for k, v in change.new.items() if k != "id"]
        elif change.op == REMOVED:
            lines += [f"here (not {other}):"] + [f"  {k}: {show(v)}" for k, v in change.old.items() if k != "id"]
        elif change.op == META:
            lines += [f"  here: {show(ABSENT if change.old is None else change.old)}",
                      f"  {other}: {show(ABSENT if change.new is None else change.new)}"]
        if n in self.problems:
            lines += ["", f"Not taken: {self.problems[n]}"]
        return "\n".join(lines)


def show(value) -> str:
    """A value of a map file as a person reads it (plain text, never cut)."""
    if value is ABSENT or value is None:
        return "(none)"
    if isinstance(value, str):
        return value if value else "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list) and all(isinstance(x, str) for x in value):
        return ", ".join(value) if value else "(none)"
    if isinstance(value, list) and all(isinstance(x, dict) and "text" in x for x in value):
        return "; ".join(_comment(c) for c in value) if value else "(none)"
    if isinstance(value, dict) and set(value) == {"x", "y"}:
        return f"({value['x']:g}, {value['y']:g})"
    return json.dumps(value, ensure_ascii=False)


def _comment(c: dict) -> str:
    who = ", ".join(x for x in (c.get("author", ""), c.get("date", "")) if x)
    return (f"{who}: " if who else "") + c["text"] + (" (resolved)" if c.get("resolved") else "")


class CompareController(ReviewController):
    """Runs one comparison at a time in a window: the overlay, the Changes panel and the Review actions.

    Parameters
    ----------
    window : MainWindow
        Provides ``document``, ``scene``, ``view``, ``statusBar()`` and ``select_and_center``.
    panel : ChangesPanel
        The list of changes (in its dock).
    dock : QDockWidget
        The panel's dock, shown while comparing.
    place : callable, optional
        Shows the dock (``place(dock)``; by default ``dock.show()``).
    """

    def __init__(self, window, panel, dock, place=None):
        super().__init__(window, panel, dock, place)
        self.comparison: Comparison | None = None
        panel.take_requested.connect(self.take)
        panel.leave_requested.connect(self.leave)
        panel.take_all_requested.connect(self.take_all)
        panel.end_requested.connect(self.end)
        panel.step_requested.connect(self.step)

    @property
    def active(self) -> bool:
        return self.comparison is not None

    # ------------------------------------------------------------ starting and ending
    def compare_with(self, path: str | Path | None = None) -> bool:
        """Compare the map with the file at ``path`` (asked for when not given); False when nothing started."""
        from argmap.ui import files

        if path is None:
            folder = str(self.window.document.path.parent) if self.window.document.path else ""
            path = files.ask_open_path(self.window, "Compare with another version", files.read_filters(), folder)
            if not path:
                return False
        try:
            other = load_map(path)
        except FormatError as exc:
            files.show_error(self.window, "Could not compare", f"{exc}\n\nNothing was compared. The map in this "
                             "window is unchanged.")
            return False
        self.start(other, Path(path).name)
        return True

    def start(self, other: ArgumentMap, name: str) -> None:
        """Compare the map with ``other`` (called ``name``)."""
        self.comparison = Comparison(self.window.document.amap, other, name)
        self.current = self.comparison.step(-1)
        self.place(self.dock)
        self._show()
        self.go_to(self.current)
        total = len(self.comparison.changes)
        self.window.statusBar().showMessage(f"Comparing with {name}: {total} change{'s' * (total != 1)}"
                                            if total else f"No differences between this map and {name}", 6000)
        self.update_actions()

    def end(self) -> None:
        """End the comparison: the marks go, the list goes; the map keeps what was taken."""
        if self.comparison is None:
            return
        self.comparison = None
        self.current = None
        self.overlay.clear()
        self.panel.clear()
        self.dock.hide()
        self.update_actions()

    # ------------------------------------------------------------ deciding
    def take(self, n: int | None = None) -> bool:
        """Take change ``n`` (the current one by default) into the map: one undo step."""
        n = self.current if n is None else n
        comparison = self.comparison
        if comparison is None or n is None:
            return False
        change = comparison.changes[n]
        try:
            command = take_change(self.window.document.amap, change, comparison.diff.new)
        except ModelError as exc:
            comparison.problems[n] = str(exc)
            self.window.statusBar().showMessage(f"Not taken: {exc}", 8000)
            self._show()
            return False
        comparison.left.discard(n)
        if command is not None:
            execute(self.window.document.undo_stack, command)
        self.refresh()
        self._advance(n)
        return True

    def leave(self, n: int | None = None) -> None:
        """Leave change ``n`` (the current one): the map keeps its own version; listed as left."""
        n = self.current if n is None else n
        if self.comparison is None or n is None or self.comparison.status[n] == TAKEN:
            return
        self.comparison.left.add(n)
        self.refresh()
        self._advance(n)

    def take_all(self) -> int:
        """Take every change still to decide in one undo step; returns how many were taken."""
        comparison = self.comparison
        if comparison is None:
            return 0
        todo = comparison.pending()
        command, refused = take_changes(self.window.document.amap, [comparison.changes[n] for n in todo],
                                        comparison.diff.new)
        for change, why in refused:
            comparison.problems[comparison.changes.index(change)] = why
        if command is not None:
            execute(self.window.document.undo_stack, command)
        self.refresh()
        taken = len(todo) - len(refused)
        more = f"; {len(refused)} could not be taken (see the list)" if refused else ""
        self.window.statusBar().showMessage(f"Took {taken} change{'s' * (taken != 1)}{more}", 8000)
        return taken

    def step(self, forward: bool = True) -> None:
        """To the next (previous) change still to decide."""
        if self.comparison is not None:
            self.go_to(self.comparison.step(-1 if self.current is None else self.current, forward))

    def next_change(self) -> None:
        self.step(True)

    def previous_change(self) -> None:
        self.step(False)

    def go_to(self, n: int | None) -> None:
        """Make change ``n`` the current one and bring it into view."""
        if self.comparison is None or n is None or not 0 <= n < len(self.comparison.changes):
            return
        self.current = n
        self._show()
        self._reveal(n)
        comparison = self.comparison
        announce(self.window.view, f"Change {n + 1} of {len(comparison.changes)}, {comparison.status[n]}: "
                                   f"{comparison.labels[n]}")

    # ------------------------------------------------------------ following the map
    def _on_change(self, _change) -> None:
        if self.comparison is not None:
            self._timer.start()

    def refresh(self) -> None:
        """Read the states from the map again and redraw."""
        if self.comparison is not None:
            self.comparison.refresh(self.window.document.amap)
            self._show()

    def _redraw(self) -> None:
        if self.comparison is not None:
            self.overlay.show(self.comparison.marks(self.current))

    def _show(self) -> None:
        self.panel.show_comparison(self.comparison, self.current)
        self._redraw()
        self.update_actions()

    def _advance(self, n: int) -> None:
        following = self.comparison.next_pending(n)
        self.go_to(following if following is not None else n)

    def _reveal(self, n: int) -> None:
        change = self.comparison.changes[n]
        scene = self.window.scene
        if change.op != ADDED and (scene.statement_item(change.id) or scene.link_item(change.id)):
            scene.select_ids([change.id])  # the Inspector shows the map's own version
        rect = self.overlay.rects.get(n)
        if rect is None or rect.isEmpty():
            item = scene.statement_item(change.id) or scene.link_item(change.id)
            rect = item.sceneBoundingRect() if item is not None and item.isVisible() else None
        if rect is not None:
            bring_into_view(self.window.view, rect)

    def update_actions(self) -> None:
        """Enable the Review menu's rows that apply now."""
        on = self.comparison is not None
        some = on and bool(self.comparison.changes)
        self.enable_actions((("review.next", some), ("review.previous", some), ("review.take", some),
                             ("review.leave", some), ("review.take_all", on and bool(self.comparison.pending())),
                             ("review.end", on)))
