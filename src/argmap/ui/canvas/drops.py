"""Dropping a passage of the source text onto the canvas (mixed into the scene).

A passage dragged from the Source panel (:data:`~argmap.ui.panels.source_text.PASSAGE_MIME`)
and dropped onto a box asks what it should be — evidence for it, a reason
for it, an objection to it — in a small menu (one answer); dropped onto a
support arrow it can undercut that support; dropped onto the empty canvas
it becomes a statement there. The scene only asks: it emits
``passage_dropped`` and the window lets the Source panel, which holds the
text, make the statement (one undoable command).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QWidget

from argmap.model.text import one_line
from argmap.ui.canvas.items import LinkItem, StatementItem
from argmap.ui.panels.source_text import read_passage

ON_STATEMENT = (("evidence", "support", "&Evidence for this"), ("claim", "support", "&Reason for this"),
                ("claim", "attack", "&Objection to this"))
ON_SUPPORT = (("claim", "attack", "&Undercut this support"),)
ON_CANVAS = (("evidence", None, "&Evidence here"), ("claim", None, "&Claim here"))


def ask_drop_choice(parent: QWidget | None, at: QPoint, title: str, choices) -> int | None:
    """Ask which of ``choices`` (``(kind, link, text)``) a dropped passage becomes; its index or ``None``.

    Tests replace this function.
    """
    menu = QMenu(parent)
    menu.setTitle(title)
    menu.setToolTipsVisible(True)
    head = menu.addAction(title)
    head.setEnabled(False)
    menu.addSeparator()
    picked = {menu.addAction(text): n for n, (_, _, text) in enumerate(choices)}
    chosen = menu.exec(at)
    return picked.get(chosen)


class DropMixin:
    """Drag-and-drop of passages onto boxes, support arrows and the canvas (needs the scene's tables)."""

    def _drop_target(self, pos):
        """The statement or support arrow under ``pos`` (scene point), or ``None``."""
        for item in self.items(pos):
            if isinstance(item, StatementItem) and item.isVisible():
                return item
            if isinstance(item, LinkItem) and item.eid in self.amap.inferences and item.isVisible():
                return item
        return None

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt name
        if read_passage(event.mimeData()) is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt name
        if read_passage(event.mimeData()) is None:
            event.ignore()
            return
        target = self._drop_target(event.scenePos())
        sid = getattr(target, "sid", None)
        self.set_highlight([sid] if sid else [])
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt name
        self.set_highlight([])
        event.accept()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt name
        passage = read_passage(event.mimeData())
        self.set_highlight([])
        if passage is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.drop_passage(passage, event.scenePos(), event.screenPos())

    def drop_passage(self, passage: dict, pos, screen_pos: QPoint | None = None) -> bool:
        """Ask what ``passage`` dropped at ``pos`` becomes and announce it (``passage_dropped``); True if asked."""
        target = self._drop_target(pos)
        if isinstance(target, StatementItem):
            choices, target_id = ON_STATEMENT, target.sid
            title = f"“{_short(target.statement.text)}”"
        elif isinstance(target, LinkItem):
            choices, target_id, title = ON_SUPPORT, target.eid, "This support"
        else:
            choices, target_id, title = ON_CANVAS, None, "Here"
        views = self.views()
        widget = views[0] if views else None
        at = screen_pos if screen_pos is not None else QPoint(0, 0)
        index = ask_drop_choice(widget, at, title, choices)
        if index is None:
            return False
        kind, link, _ = choices[index]
        request = {**passage, "kind": kind, "link": link, "target": target_id,
                   "position": None if link else (pos.x(), pos.y())}
        self.passage_dropped.emit(request)
        return True


def _short(text: str, width: int = 40) -> str:
    return one_line(text, width)
