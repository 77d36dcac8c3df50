"""The canvas's editing slots: each user action becomes one undoable command.

Mixed into :class:`~argmap.ui.canvas.scene.MapScene`. New statements get a
place from :func:`argmap.layout.place_new` (or, without it, a spot below
their parent); a new loose claim goes to a free spot in the visible part of
the canvas. A box whose text grows never ends up over another: a new one
is placed again, an old one pushes the boxes it would cover out of the way,
in the same undo step (:mod:`argmap.ui.canvas.room`). Layouts are applied as
one undoable move.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QRectF
from PySide6.QtGui import QGuiApplication

from argmap.commands import actions, clipboard, execute
from argmap.commands.edits import UpdateFields
from argmap.model import ModelError, Position, Statement
from argmap.ui.canvas import room

GAP_X, GAP_Y = 30.0, 70.0


class EditingMixin:
    """Slots that edit the document (they need ``self.document``, ``self.amap``, ``self._boxes``)."""

    # ------------------------------------------------------------ running commands
    def run(self, command) -> bool:
        """Apply ``command`` on the document's undo stack; a refused edit becomes a message."""
        try:
            execute(self.document.undo_stack, command)
        except (ModelError, ValueError) as exc:
            self.message.emit(str(exc))
            return False
        return True

    def _add_and_edit(self, command, sid: str) -> bool:
        if not self.run(command):
            return False
        self.select_ids([sid])
        self.reveal(sid)
        if self.edit_new:
            self.edit_text(sid, new=True)
        return True

    def reveal(self, sid: str) -> None:
        """Scroll every view of the scene just enough to show statement ``sid``."""
        item = self._boxes.get(sid)
        if item is not None:
            for view in self.views():
                view.ensureVisible(item.scene_box(), 40, 40)

    def visible_rect(self) -> QRectF | None:
        """The part of the canvas the (first) view shows, or ``None`` without a shown view."""
        for view in self.views():
            if view.isVisible():
                return view.mapToScene(view.viewport().rect()).boundingRect()
        return None

    def _rects_except(self, skip=()) -> dict[str, tuple[float, float, float, float]]:
        out = {}
        for sid, item in self._boxes.items():
            if sid not in skip and item.isVisible():
                r = item.scene_box()
                out[sid] = (r.left(), r.top(), r.right(), r.bottom())
        return out

    def text_command(self, sid: str, text: str, origin=None) -> UpdateFields:
        """The command that gives ``sid`` its new ``text``, moving what the grown box would cover.

        ``origin`` is ``(left, top, new)`` from :meth:`edit_text`: the box keeps
        its top left corner; ``new`` (a statement just added) places it again
        when it would cover another box, and makes the edit part of the step
        that added it. An old statement pushes the boxes it covers clear.
        """
        st = self.amap.statements[sid]
        w, h = self.box_size(st.copy(text=text))
        item = self._boxes[sid]
        left, top, new = origin or (item.scene_box().left(), item.scene_box().top(), False)
        grown = (left, top, left + w, top + h)
        others = self._rects_except({sid})
        changes = {sid: {"text": text, "position": Position(left + w / 2, top + h / 2)}}
        covered = room.covered(grown, others)
        if covered and new:
            changes[sid]["position"] = self._placed_again(sid, text, (w, h))
        elif covered:
            for other, centre in room.push_clear(grown, covered, others).items():
                changes[other] = {"position": centre}
        return UpdateFields(self.amap, changes, "Edit text", amend=new)

    def _placed_again(self, sid: str, text: str, size: tuple[float, float]) -> Position:
        """Where a new statement with ``text`` (now ``size``) goes: ``place_new`` on a trial copy."""
        from argmap.layout import place_new

        sizes = {s: (i.box_rect().width(), i.box_rect().height()) for s, i in self._boxes.items()}
        sizes[sid] = size
        trial = self.amap.copy()
        trial.update(sid, text=text, position=None)
        return place_new(trial, sid, sizes)

    def _selected_statements(self) -> list[str]:
        return [i for i in self.selected_ids() if i in self.amap.statements]

    def _anchor(self) -> str | None:
        """The statement an add action works from: the focused or first selected one."""
        focus = self.focusItem()
        ids = self._selected_statements()
        if focus is not None and getattr(focus, "sid", None) in ids:
            return focus.sid
        return ids[0] if ids else None

    # ------------------------------------------------------------ adding
    def add_statement(self, kind: str = "claim", pos: Position | None = None) -> str | None:
        """Add an unlinked statement at ``pos`` (default: a free spot in view); returns its id."""
        command = actions.add_statement(self.amap, kind)
        sid = command.ids[0]
        if pos is None:
            pos = self._free_spot(self.box_size(command.elements[0]))
        command.elements[0] = command.elements[0].copy(position=pos)
        return sid if self._add_and_edit(command, sid) else None

    def _free_spot(self, size: tuple[float, float]) -> Position:
        """A spot for a new box of ``size``: in the visible area near its middle, clear of every box."""
        others = self._rects_except()
        view = self.visible_rect()
        if view is not None:
            area = (view.left(), view.top(), view.right(), view.bottom())
            spot = room.free_spot_in(area, size, others)
            if spot is not None:
                return Position(*spot)
        return Position(*room.free_spot_beside(size, others))

    def add_premise(self) -> str | None:
        """A new premise supporting the selected statement (Insert, Ctrl+Shift+Down)."""
        target = self._anchor()
        if target is None:
            self.message.emit("Select the statement the new premise should support")
            return None
        return self._add_linked(actions.add_premise(self.amap, target), target, side=0)

    def add_objection(self) -> str | None:
        """A new objection to the selected statement or support arrow (Ctrl+Shift+O)."""
        target = self._anchor()
        if target is None:
            links = [i for i in self.selected_ids() if i in self.amap.inferences]
            target = links[0] if links else None
        if target is None:
            self.message.emit("Select the statement or support the objection should attack")
            return None
        parent = target if target in self.amap.statements else self.amap.inferences[target].conclusion
        return self._add_linked(actions.add_objection(self.amap, target), parent, side=1)

    def add_sibling(self) -> str | None:
        """Another reason for what the selection supports, or another objection to what it attacks (Enter)."""
        anchor = self._anchor()
        if anchor is None:
            self.message.emit("Select a statement to add a sibling to (Ctrl+Shift+N adds a loose claim)")
            return None
        command = actions.add_sibling(self.amap, anchor)
        link = command.elements[1] if len(command.elements) > 1 else None
        if link is None:
            return self._add_linked(command, anchor, side=1)
        parent = getattr(link, "conclusion", None) or getattr(link, "target", None)
        if parent not in self.amap.statements:
            parent = self.amap.inferences[parent].conclusion
        return self._add_linked(command, parent, side=0 if hasattr(link, "conclusion") else 1)

    def add_conclusion(self) -> str | None:
        """A new conclusion over the selection, taking its place in the structure (Shift+Tab)."""
        ids = self._selected_statements()
        anchor = self._anchor()
        if anchor in ids:  # the focused one first
            ids = [anchor] + [i for i in ids if i != anchor]
        if not ids:
            self.message.emit("Select the statements the new conclusion should rest on")
            return None
        return self._add_linked(actions.add_conclusion(self.amap, ids), ids[0], side=0)

    def add_co_premise(self) -> str | None:
        """A new premise linked with the selected one in its inference (Ctrl+Shift+Right)."""
        ids = self.selected_ids()
        anchor = self._anchor()
        inference = next((i for i in ids if i in self.amap.inferences), None)
        if inference is None and anchor is not None:
            inference = next((i.id for i in self.amap.inferences.values() if anchor in i.premises), None)
        if inference is None:
            self.message.emit("Select a premise (or a support arrow) to add a co-premise to")
            return None
        return self._add_linked(actions.add_co_premise(self.amap, inference),
                                self.amap.inferences[inference].conclusion, side=0)

    def place_passage(self, command) -> None:
        """Give the statement a passage command adds (its first element) a place, as the add actions do."""
        sid, new = command.ids[0], command.elements[0]
        link = command.elements[1] if len(command.elements) > 1 else None
        if link is None:
            spot = self._free_spot(self.box_size(new))
        elif hasattr(link, "conclusion"):
            spot = self._spot_for(command, sid, link.conclusion, side=0)
        else:
            target = link.target
            if target not in self.amap.statements:  # an undercut: beside the premises of the inference
                target = self.amap.inferences[target].conclusion
            spot = self._spot_for(command, sid, target, side=1)
        command.elements[0] = new.copy(position=spot)

    def _add_linked(self, command, parent: str, side: int) -> str | None:
        sid = command.ids[0]
        command.elements[0] = command.elements[0].copy(position=self._spot_for(command, sid, parent, side))
        return sid if self._add_and_edit(command, sid) else None

    def _spot_for(self, command, sid: str, parent: str, side: int) -> Position:
        """Where a new statement goes: ``place_new`` on a trial copy, else below its parent."""
        sizes = {s: (item.box_rect().width(), item.box_rect().height()) for s, item in self._boxes.items()}
        new: Statement = command.elements[0]
        sizes[sid] = self.box_size(new)
        try:
            from argmap.layout import place_new
        except ImportError:
            place_new = None
        if place_new is not None:
            trial = self.amap.copy()
            try:
                command.amap = trial
                command.apply()
                return place_new(trial, sid, sizes)
            except Exception:  # noqa: BLE001 - a failing placer must not stop editing: use the fallback
                pass
            finally:
                command.amap = self.amap
        return self._below(parent, sizes, sid, side)

    def _below(self, parent: str, sizes: dict, sid: str, side: int) -> Position:
        item = self._boxes[parent]
        box = item.scene_box()
        w, h = sizes[sid]
        children = [self._boxes[c].scene_box() for c in self._index.children(self.amap, parent) if c in self._boxes]
        y = box.bottom() + GAP_Y + h / 2
        if not children:
            return Position(box.center().x() + side * (box.width() / 2 + GAP_X + w / 2), y)
        right = max(r.right() for r in children)
        return Position(right + GAP_X + w / 2, max(r.center().y() for r in children))

    # ------------------------------------------------------------ changing
    def set_kind(self, kind: str) -> None:
        """Make the selected statements ``kind``."""
        if self._selected_statements():
            self.run(actions.set_kind(self.amap, self._selected_statements(), kind))

    def delete_selection(self) -> None:
        """Delete the selection with its cascade, as one undo step (Delete)."""
        ids = self.selected_ids()
        if ids:
            self.run(actions.delete(self.amap, ids))

    def move_selection(self, dx: float, dy: float) -> None:
        """Move the selected statements; consecutive key moves merge into one undo step."""
        moves = {}
        for sid in self._selected_statements():
            p = self._boxes[sid].pos()
            moves[sid] = Position(p.x() + dx, p.y() + dy)
        if moves:
            self.run(actions.move(self.amap, moves, merge=True))

    def commit_drag(self) -> None:
        """Turn the statements moved by the mouse into one move command."""
        moved, self._dragged = self._dragged, set()
        moves = {}
        for sid in moved:
            item = self._boxes.get(sid)
            if item is None or sid not in self.amap.statements:
                continue
            pos = Position(item.pos().x(), item.pos().y())
            if self.amap.statements[sid].position != pos:
                moves[sid] = pos
        if moves:
            self.run(actions.move(self.amap, moves, text="Move" if len(moves) == 1 else f"Move {len(moves)} items"))

    # ------------------------------------------------------------ clipboard
    def copy_selection(self) -> bool:
        """Put the selection on the clipboard (native JSON plus plain text)."""
        ids = self.selected_ids()
        if not ids:
            return False
        payload, plain = clipboard.copy_payload(self.amap, ids)
        data = QMimeData()
        data.setData(clipboard.MIME_TYPE, payload.encode("utf-8"))
        data.setText(plain)
        QGuiApplication.clipboard().setMimeData(data)
        return True

    def cut_selection(self) -> None:
        """Copy, then delete the selection."""
        if self.copy_selection():
            self.delete_selection()

    def paste(self) -> list[str]:
        """Paste the clipboard as new elements with fresh ids; selects and returns them."""
        data = QGuiApplication.clipboard().mimeData()
        if data is None:
            return []
        if data.hasFormat(clipboard.MIME_TYPE):
            text = bytes(data.data(clipboard.MIME_TYPE)).decode("utf-8")
        elif data.hasText():
            text = data.text()
        else:
            return []
        rect = self.itemsBoundingRect()
        try:
            command = clipboard.paste_command(self.amap, text, at=Position(rect.right() + 150.0, rect.top()))
        except ValueError as exc:
            self.message.emit(str(exc))
            return []
        if not self.run(command):
            return []
        self.select_ids(command.ids)
        return list(command.ids)

    # ------------------------------------------------------------ layout
    def layout_all(self) -> bool:
        """Lay out the whole map (one undoable move)."""
        return self._layout(None)

    def layout_selection(self) -> bool:
        """Lay out the selected statements and the branches under them."""
        ids = set(self._selected_statements())
        todo = list(ids)
        while todo:
            for child in self._index.children(self.amap, todo.pop()) - ids:
                ids.add(child)
                todo.append(child)
        return self._layout(ids) if ids else False

    def _layout(self, only: set[str] | None) -> bool:
        try:
            from argmap.layout import auto_layout
        except ImportError:
            self.message.emit("Automatic layout is not available")
            return False
        sizes = {s: (i.box_rect().width(), i.box_rect().height()) for s, i in self._boxes.items()}
        positions = auto_layout(self.amap, sizes, only=only)
        if only is not None:
            positions = {s: p for s, p in positions.items() if s in only}
        try:
            command = actions.apply_layout(self.amap, positions)
        except ModelError:
            return False
        return self.run(command)

    # ------------------------------------------------------------ view state
    def toggle_collapse(self) -> None:
        """Collapse or expand the branches under the selected statements (not saved)."""
        for sid in self._selected_statements():
            self._collapsed.symmetric_difference_update({sid})
        self._apply_collapse()
