"""A canvas a screen reader can read: accessibility interfaces for the statements and relations of the map.

Qt exposes widgets to screen readers (AT-SPI on Linux, UIA on Windows,
NSAccessibility on macOS) through ``QAccessibleInterface`` objects. The
items of a ``QGraphicsScene`` are no widgets, so without help the canvas is
an empty pane. :func:`install` adds a factory that gives every
:class:`~argmap.ui.canvas.view.MapView` the interface :class:`MapAccessible`:
a list whose children are the statements (name: the text; description:
kind, role, label, "supported by 2, attacked by 1", worst finding), then
the supports and attacks (name: who supports or attacks whom). A proposal
of the draft says so first ("Proposed claim, reason, …", "Proposed support …"). A statement
also names the statements it supports or attacks (relation *flows to*)
and those under it (*flows from*). Keyboard focus follows the selection
(a focus event for the selected statement while the canvas has the
focus); :func:`announce` speaks a line (an announcement event).

Interfaces of statements are made when first asked for and kept, one per
statement, until the statement goes away or the view closes; each is
registered with Qt's cache and removed from it explicitly, so Qt never
holds an interface Python has let go.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget

from argmap.analysis.roles import relation_counts
from argmap.model.text import one_line
from argmap.render.grades import grade_words

SEVERITY_ORDER = ("error", "warning", "info")
SHORT = 60


def short(text: str, width: int = SHORT) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    return one_line(text, width)


def counts_phrase(counts: dict[str, int]) -> str:
    """"supported by 2, attacked by 1" (or "nothing supports or attacks it")."""
    parts = []
    if counts.get("supported_by"):
        parts.append(f"supported by {counts['supported_by']}")
    if counts.get("attacked_by"):
        parts.append(f"attacked by {counts['attacked_by']}")
    if not parts:
        parts.append("nothing supports or attacks it")
    if counts.get("supports"):
        parts.append(f"supports {counts['supports']}")
    if counts.get("attacks"):
        parts.append(f"attacks {counts['attacks']}")
    return ", ".join(parts)


def describe(kind: str, role: str | None, label: str | None, counts: dict[str, int], findings,
             grade: str = "") -> str:
    """What a screen reader says after a statement's text: kind, role, grade or assumption, label, links,
    worst finding (``grade``: the words of :func:`argmap.render.grades.grade_words`, or ``"assumed"``)."""
    grade = grade if grade == "assumed" else f"graded {grade}" if grade else ""
    head = kind.capitalize() + (f", {role}" if role else "") + (f", {grade}" if grade else "") \
        + (f", {label}" if label else "")
    text = f"{head}. {counts_phrase(counts).capitalize()}."
    ranked = sorted(findings, key=lambda d: SEVERITY_ORDER.index(d.severity) if d.severity in SEVERITY_ORDER else 9)
    if ranked:
        worst = ranked[0]
        more = f" (and {len(ranked) - 1} more)" if len(ranked) > 1 else ""
        text += f" Worst finding: {worst.code} {worst.severity}: {worst.message}{more}"
    else:
        text += " No findings."
    return text


def relation_name(amap, eid: str) -> str:
    """"“a” supports “b”", "“c” attacks “d”", or an undercut, in words."""
    def said(sid: str) -> str:
        st = amap.statements.get(sid)
        return f"{sid} “{short(st.text, 40)}”" if st is not None else sid

    inf = amap.inferences.get(eid)
    if inf is not None:
        who = " and ".join(said(p) for p in inf.premises)
        return f"Support: {who} {'together support' if len(inf.premises) > 1 else 'supports'} {said(inf.conclusion)}"
    con = amap.conflicts[eid]
    who = " and ".join(said(a) for a in con.attackers)
    verb = "together attack" if len(con.attackers) > 1 else "attacks"
    target = amap.inferences.get(con.target)
    if target is not None:
        return f"Undercut: {who} {verb} the support of {said(target.conclusion)} by " \
               + " and ".join(said(p) for p in target.premises)
    return f"Attack: {who} {verb} {said(con.target)}"


class _Child(QAccessibleInterface):
    """One element of the map (statement or relation) as seen by a screen reader."""

    def __init__(self, tree: MapTree, eid: str):
        super().__init__()
        self.tree = tree
        self.eid = eid
        self.alive = True

    def isValid(self) -> bool:  # noqa: N802 - Qt name
        return self.alive and self.eid in self.tree.scene.amap

    def object(self):
        return None

    def window(self):
        return self.tree.view.window().windowHandle()

    def parent(self):
        return self.tree.root

    def child(self, index: int):
        return None

    def childCount(self) -> int:  # noqa: N802 - Qt name
        return 0

    def indexOfChild(self, child) -> int:  # noqa: N802 - Qt name
        return -1

    def childAt(self, x: int, y: int):  # noqa: N802 - Qt name
        return None

    def focusChild(self):  # noqa: N802 - Qt name
        return None

    def setText(self, kind, text: str) -> None:  # noqa: N802 - Qt name
        pass  # read-only: the text is edited through the canvas editor or the Inspector

    def rect(self) -> QRect:
        item = self.tree.scene.statement_item(self.eid) or self.tree.scene.link_item(self.eid)
        view = self.tree.view
        if item is None or not item.isVisible():
            return QRect()
        area = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        return QRect(view.viewport().mapToGlobal(area.topLeft()), area.size())


class StatementAccessible(_Child):
    """A statement: name = its text, description = kind, role, label, links, worst finding."""

    def role(self):
        return QAccessible.Role.ListItem

    def text(self, kind) -> str:
        if not self.isValid():
            return ""
        st = self.tree.scene.amap.statements[self.eid]
        if kind == QAccessible.Text.Name:
            return st.text or "(empty statement)"
        if kind == QAccessible.Text.Description:
            return self.tree.description(self.eid)
        if kind == QAccessible.Text.Help:
            return "Tab adds a premise, Enter a sibling, Ctrl+Enter an objection, F2 edits; Alt+arrows walk the map"
        return ""

    def state(self):
        state = QAccessible.State()
        item = self.tree.scene.statement_item(self.eid)
        state.focusable = True
        state.selectable = True
        if item is None or not item.isVisible():
            state.invisible = True
            return state
        state.selected = item.isSelected()
        state.focused = item.hasFocus() and self.tree.view.hasFocus()
        state.multiSelectable = True
        return state

    def relations(self, match=None):
        out = []
        scene = self.tree.scene
        for sid in scene.parents_of(self.eid):
            out.append((self.tree.child_for(sid), QAccessible.RelationFlag.FlowsTo))
        for sid in scene.children_of(self.eid):
            out.append((self.tree.child_for(sid), QAccessible.RelationFlag.FlowsFrom))
        if match:
            out = [(iface, flag) for iface, flag in out if flag & match]
        return [(iface, flag) for iface, flag in out if iface is not None]


class RelationAccessible(_Child):
    """A support or an attack: name = who supports (attacks) whom."""

    def role(self):
        return QAccessible.Role.ListItem

    def text(self, kind) -> str:
        if not self.isValid():
            return ""
        amap = self.tree.scene.amap
        if kind == QAccessible.Text.Name:
            return relation_name(amap, self.eid)
        if kind == QAccessible.Text.Description:
            element = amap.get(self.eid)
            what = f"{'Support' if self.eid in amap.inferences else 'Attack'} {self.eid}"
            if self.tree.scene.is_proposed(self.eid):
                what = "Proposed " + what.lower()
            return what + (f". Note: {element.note}" if element.note else "")
        return ""

    def state(self):
        state = QAccessible.State()
        item = self.tree.scene.link_item(self.eid)
        state.selectable = True
        state.invisible = item is None or not item.isVisible()
        state.selected = item is not None and item.isSelected()
        return state

    def relations(self, match=None):
        return []


class MapTree:
    """The accessible children of one map view: made on demand, kept per element, dropped exactly."""

    def __init__(self, view):
        self.view = view
        self.scene = view.scene()
        self.root: MapAccessible | None = None
        self._children: dict[str, _Child] = {}
        self._ids: dict[str, int] = {}
        self._order: list[str] | None = None
        self._counts: dict | None = None
        self.scene.document.changed.connect(self._on_change)
        self.scene.selection_ids_changed.connect(self._on_selection)
        self.scene.document.report_changed.connect(self._forget_counts)
        view.destroyed.connect(self.dispose)

    # ------------------------------------------------------------ children
    def order(self) -> list[str]:
        """Statements in document order, then inferences, then conflicts."""
        if self._order is None:
            amap = self.scene.amap
            self._order = [*amap.statements, *amap.inferences, *amap.conflicts]
        return self._order

    def child_at(self, index: int) -> _Child | None:
        order = self.order()
        return self.child_for(order[index]) if 0 <= index < len(order) else None

    def child_for(self, eid: str) -> _Child | None:
        """The interface of element ``eid`` (made and registered when first asked for)."""
        iface = self._children.get(eid)
        if iface is None:
            amap = self.scene.amap
            if eid in amap.statements:
                iface = StatementAccessible(self, eid)
            elif eid in amap.inferences or eid in amap.conflicts:
                iface = RelationAccessible(self, eid)
            else:
                return None
            self._ids[eid] = QAccessible.registerAccessibleInterface(iface)
            self._children[eid] = iface
        return iface

    def index_of(self, iface) -> int:
        eid = getattr(iface, "eid", None)
        try:
            return self.order().index(eid) if self._children.get(eid) is iface else -1
        except ValueError:
            return -1

    def description(self, sid: str) -> str:
        """The description of statement ``sid`` (what follows its text)."""
        scene = self.scene
        if self._counts is None:
            self._counts = relation_counts(scene.amap)
        item = scene.statement_item(sid)
        label = item.label if item is not None else None
        st = scene.amap.statements[sid]
        kind = f"proposed {st.kind}" if scene.is_proposed(sid) else st.kind
        grade = "assumed" if st.assumed and st.kind == "claim" else grade_words(st, scene.amap.sources)
        return describe(kind, scene.role_of(sid), label, self._counts.get(sid, {}), scene.diagnostics_of(sid),
                        grade)

    # ------------------------------------------------------------ following the map
    def _forget_counts(self, _report=None) -> None:
        self._counts = None

    def _on_change(self, change) -> None:
        if change.op in ("moved", "meta"):
            return
        self._order = None
        self._counts = None
        gone = [eid for eid in self._children if eid not in self.scene.amap]
        for eid in gone:
            self._drop(eid)

    def _drop(self, eid: str) -> None:
        iface = self._children.pop(eid)
        iface.alive = False
        QAccessible.deleteAccessibleInterface(self._ids.pop(eid))

    def _on_selection(self, ids: list) -> None:
        statements = [i for i in ids if i in self.scene.amap.statements]
        if len(statements) != 1 or not self.view.hasFocus():
            return
        iface = self.child_for(statements[0])
        if iface is not None:
            QAccessible.updateAccessibility(QAccessibleEvent(iface, QAccessible.Event.Focus))

    def dispose(self, *_args) -> None:
        """Take every interface out of Qt's cache (the view is closing)."""
        for eid in list(self._children):
            self._drop(eid)


class MapAccessible(QAccessibleWidget):
    """The map view as a list of its statements and relations."""

    def __init__(self, view):
        super().__init__(view, QAccessible.Role.List, "Argument map")
        self.tree = view.accessible_tree()
        self.tree.root = self

    def text(self, kind) -> str:
        if kind == QAccessible.Text.Name:
            return "Argument map"
        if kind == QAccessible.Text.Description:
            amap = self.tree.scene.amap
            return (f"{len(amap.statements)} statements, {len(amap.inferences)} supports, {len(amap.conflicts)} "
                    "attacks. Alt+arrows walk the map; Ctrl+Tab leaves it.")
        return super().text(kind)

    def childCount(self) -> int:  # noqa: N802 - Qt name
        return len(self.tree.order())

    def child(self, index: int):
        return self.tree.child_at(index)

    def indexOfChild(self, child) -> int:  # noqa: N802 - Qt name
        return self.tree.index_of(child)

    def focusChild(self):  # noqa: N802 - Qt name
        item = self.tree.scene.focusItem()
        sid = getattr(item, "sid", None)
        return self.tree.child_for(sid) if sid else None

    def childAt(self, x: int, y: int):  # noqa: N802 - Qt name
        view = self.tree.view
        for item in view.items(view.viewport().mapFromGlobal(QPoint(x, y))):
            eid = getattr(item, "sid", None) or getattr(item, "eid", None)
            if eid:
                return self.tree.child_for(eid)
        return None


_installed = False


def _factory(classname: str, obj):
    from argmap.ui.canvas.view import MapView

    if isinstance(obj, MapView):
        iface = MapAccessible(obj)
        obj._accessible = iface  # kept alive with the view; Qt deletes it when the view goes
        return iface
    return None


def install() -> None:
    """Give every map view its accessibility interface (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def announce(widget, text: str) -> None:
    """Have a screen reader say ``text`` (politely: after what it is saying)."""
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
