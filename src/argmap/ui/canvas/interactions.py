"""Keyboard and mouse on the canvas: keys, in-place editing, drag-to-move, drag-to-link.

The keys come from the one actions table (:mod:`argmap.ui.actions`, rows of
scope "canvas"), which also fills the menus and the shortcuts page; the
arrow keys move the selection. Mixed into :class:`~argmap.ui.canvas.scene.MapScene`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, QLineF, QPointF, Qt
from PySide6.QtGui import QKeySequence, QPen
from PySide6.QtWidgets import QGraphicsLineItem

from argmap.commands import actions
from argmap.render.measure import box_regions
from argmap.ui.actions import canvas_keys
from argmap.ui.canvas.editor import TextEditor
from argmap.ui.canvas.items import JunctionItem, LinkItem, StatementItem

STEP, BIG_STEP = 10.0, 50.0
"""Arrow-key move distances in scene pixels (plain, with Shift)."""

_ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}


class InteractionMixin:
    """Key handling, the in-place editor and link dragging of the scene."""

    def _init_interactions(self) -> None:
        self._editor: TextEditor | None = None
        self._edit_origin: tuple[float, float, bool] | None = None
        self._link_from: str | None = None
        self._link_line: QGraphicsLineItem | None = None
        self._key_table = canvas_keys()

    # ------------------------------------------------------------ keys
    def event(self, event) -> bool:
        """Tab and Shift+Tab are canvas keys (a premise, a conclusion), not item-to-item focus moves."""
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and self._editor is None \
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            if self.handle_key(event.key(), event.modifiers()):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if self._editor is not None or (self.focusItem() is not None and self.focusItem() is self._editor):
            super().keyPressEvent(event)
            return
        if self.handle_key(event.key(), event.modifiers()):
            event.accept()
            return
        super().keyPressEvent(event)

    def handle_key(self, key: int, modifiers) -> bool:
        """Run the action bound to ``key`` with ``modifiers``; True when one ran."""
        mods = modifiers & ~Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_Backtab:  # what Shift+Tab arrives as
            key, mods = Qt.Key.Key_Tab, mods | Qt.KeyboardModifier.ShiftModifier
        if key in _ARROWS and mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            step = BIG_STEP if mods & Qt.KeyboardModifier.ShiftModifier else STEP
            dx, dy = _ARROWS[key]
            self.move_selection(dx * step, dy * step)
            return True
        pressed = QKeySequence(QKeyCombination(mods, Qt.Key(key)))
        for sequence, slot in self._key_table:
            if sequence.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch:
                getattr(self, slot)()
                return True
        return False

    def select_all(self) -> None:
        self.select_ids([s for s, item in self._boxes.items() if item.isVisible()])

    def edit_selected(self) -> None:
        """Open the in-place editor on the focused (or first) selected statement (F2)."""
        sid = self._anchor()
        if sid is not None and sid in self._boxes:
            self.edit_text(sid)

    # ------------------------------------------------------------ in-place editing
    def edit_text(self, sid: str, new: bool = False) -> TextEditor | None:
        """Open the in-place editor on statement ``sid`` (plain text).

        While the text is typed the box grows (or shrinks) with it, its top
        left corner staying put. ``new`` says the statement was just added:
        its first text then joins the step that added it (one undo).
        """
        item = self._boxes.get(sid)
        if item is None:
            return None
        self._close_editor()
        box = item.scene_box()
        self._edit_origin = (box.left(), box.top(), new)
        item.editing = True
        item.update()
        self._editor = TextEditor(sid, self.amap.statements[sid].text, box_regions(box, self.theme)[1], self.theme,
                                  self.theme.fill(self.amap.statements[sid].kind), self._finish_edit,
                                  self._editor_changed, self._after_edit_key)
        self.addItem(self._editor)
        self._handle.setVisible(False)
        self._editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.message.emit("Type the text: Enter keeps it, Shift+Enter starts a new line, Esc cancels")
        return self._editor

    def editor(self) -> TextEditor | None:
        """The open in-place editor, if any."""
        return self._editor

    def _editor_changed(self, sid: str, text: str) -> None:
        """Grow the box with the text being typed (top left corner fixed), edges following."""
        item, st = self._boxes.get(sid), self.amap.statements.get(sid)
        if item is None or st is None or self._editor is None:
            return
        w, h = self.box_size(st.copy(text=text))
        left, top, _ = self._edit_origin
        item.preview(text, (w, h))
        item.place(left + w / 2, top + h / 2)
        self._editor.set_body(box_regions(item.scene_box(), self.theme)[1])
        self._dirty.add(sid)
        self.flush_edges()

    def _finish_edit(self, sid: str, text: str, commit: bool) -> None:
        editor, self._editor = self._editor, None
        origin, self._edit_origin = self._edit_origin, None
        if editor is not None and editor.scene() is self:
            self.removeItem(editor)
        item = self._boxes.get(sid)
        if item is not None:
            item.editing = False
        st = self.amap.statements.get(sid)
        if commit and st is not None and st.text != text:
            self.run(self.text_command(sid, text, origin))
        elif item is not None and st is not None:  # cancelled or unchanged: the box as the model has it
            item.set_statement(st, self.box_size(st))
            if st.position is not None:
                item.place(st.position.x, st.position.y)
            self._dirty.add(sid)
            self.flush_edges()
        if item is not None:
            item.setFocus(Qt.FocusReason.OtherFocusReason)
            item.update()
        self._place_handle()
        self.message.emit("")  # the typing hint is over

    def _after_edit_key(self, key: int, modifiers) -> bool:
        """Tab, Shift+Tab or Ctrl+Enter pressed in the editor: the edit is kept, the key goes to the canvas."""
        return self.handle_key(key, modifiers)

    def _close_editor(self) -> None:
        editor = getattr(self, "_editor", None)
        if editor is not None:
            editor.finish(True)

    # ------------------------------------------------------------ mouse
    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)
        self.note_drag()
        self.flush_edges()

    def mouseReleaseEvent(self, event) -> None:
        self.note_drag()
        super().mouseReleaseEvent(event)
        self.flush_edges()
        if self._dragged:
            self.commit_drag()

    # ------------------------------------------------------------ linking
    def begin_link(self, sid: str, pos: QPointF) -> None:
        """Start dragging a new link from statement ``sid``."""
        self._link_from = sid
        self._link_line = QGraphicsLineItem(QLineF(pos, pos))
        pen = QPen(self.theme.edge_pen("support"))
        pen.setStyle(Qt.PenStyle.DotLine)
        self._link_line.setPen(pen)
        self._link_line.setZValue(20)
        self.addItem(self._link_line)

    def drag_link(self, pos: QPointF) -> None:
        if self._link_line is not None:
            line = self._link_line.line()
            self._link_line.setLine(QLineF(line.p1(), pos))

    def end_link(self, pos: QPointF, modifiers) -> bool:
        """Finish a link drag at ``pos``; Alt or Shift makes an attack. True when a link was made."""
        source, self._link_from = self._link_from, None
        if self._link_line is not None:
            self.removeItem(self._link_line)
            self._link_line = None
        if source is None:
            return False
        attack = bool(modifiers & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier))
        command = self._link_command(source, pos, attack)
        return command is not None and self.run(command)

    def _link_command(self, source: str, pos: QPointF, attack: bool):
        for item in self.items(pos):
            try:
                if isinstance(item, JunctionItem) and item.eid in self.amap.inferences:
                    if attack:
                        return actions.link_attack(self.amap, [source], item.eid)
                    return actions.join_inference(self.amap, item.eid, source)
                if isinstance(item, StatementItem) and item.sid != source and item.isVisible():
                    make = actions.link_attack if attack else actions.link_support
                    return make(self.amap, [source], item.sid)
                if isinstance(item, LinkItem) and item.eid in self.amap.inferences:
                    return actions.link_attack(self.amap, [source], item.eid)
            except ValueError as exc:
                self.message.emit(str(exc))
                return None
        return None
