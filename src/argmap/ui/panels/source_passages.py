"""Making statements from passages of the source text (mixed into the Source panel).

One command per passage: the anchored statement, and with a link the
inference or conflict that ties it to the statement selected on the canvas
(:func:`argmap.commands.actions.add_passage`). The target stays selected, so
passage after passage can be added as evidence for the same conclusion.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from argmap.commands import actions
from argmap.commands.edits import execute
from argmap.model import ModelError, Position
from argmap.ui.panels.common import short


def free_position(amap) -> Position:
    """A spot to the right of everything already placed."""
    placed = [s.position for s in amap.statements.values() if s.position is not None]
    if not placed:
        return Position(0.0, 0.0)
    return Position(max(p.x for p in placed) + 280.0, min(p.y for p in placed))


class PassageMixin:
    """Passage to statement: needs ``document``, ``text``, ``view``, the buttons and ``_u16``/``_cp``."""

    def set_target(self, sid: str | None) -> None:
        """The statement a passage is linked to (the one selected on the canvas), or ``None``."""
        self.target = sid if sid in self.document.amap.statements else None
        self._selection_changed()

    def _selection_changed(self) -> None:
        has = self.view.textCursor().hasSelection() and bool(self.text)
        target = self.document.amap.statements.get(self.target) if self.target else None
        words = f"“{short(target.text, 28)}”" if target is not None else "the selected statement"
        for (_, _, label), button in zip(self.LINKED, self.link_buttons):
            button.setText(f"{label} {words}")
            button.setEnabled(has and target is not None)
            button.setToolTip(f"{label.replace('&', '')} {self.target}: {target.text}" if target is not None
                              else "Select the statement on the canvas that the passage should be linked to")
        self.add_evidence_button.setEnabled(has)
        self.add_claim_button.setEnabled(has)
        if not self.text:
            self.hint.setText("")
        elif not has:
            self.hint.setText("Select a passage: drag over it, double-click a sentence, triple-click a paragraph; "
                              "or drag it onto a box of the map.")
        else:
            self.hint.setText("")
        self.hint.setVisible(bool(self.hint.text()))

    def to_code_points(self, position: int) -> int:
        """The code-point offset of Qt's UTF-16 ``position`` in the text."""
        return self._cp(position)

    def selected_span(self) -> tuple[int, int] | None:
        """The selected text as code-point offsets, or ``None``."""
        cursor = self.view.textCursor()
        if not cursor.hasSelection():
            return None
        return self._cp(cursor.selectionStart()), self._cp(cursor.selectionEnd())

    def select_span(self, start: int, end: int) -> None:
        """Select ``text[start:end]`` (code points), as a user would with the mouse."""
        cursor = self.view.textCursor()
        cursor.setPosition(self._u16(start))
        cursor.setPosition(self._u16(end), QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)

    def add_from_selection(self, kind: str = "evidence", link: str | None = None) -> str | None:
        """Create a statement of ``kind`` anchored on the selected text; returns its id.

        With ``link`` (``"support"`` or ``"attack"``) it supports or attacks
        :attr:`target`, in the same undo step. The white space around the
        selection is left out of both the statement's text and its anchor.
        """
        span = self.selected_span()
        if span is None:
            return None
        return self.add_span(*span, kind=kind, link=link, target=self.target if link else None)

    def add_span(self, start: int, end: int, *, kind: str = "evidence", link: str | None = None,
                 target: str | None = None, position: Position | None = None, quote: str | None = None) -> str | None:
        """Create a statement quoting ``text[start:end]`` (see :meth:`add_from_selection`); returns its id.

        ``quote``, when given (a dragged passage), must still be the text of
        the span: a passage dragged from a text that changed since is refused.
        """
        if quote is not None and self.text[start:end] != quote:
            self.message(f"The passage “{short(quote, 40)}” is not in the source text any more")
            return None
        amap = self.document.amap
        try:
            command = actions.add_passage(amap, self.text, start, end, kind, link=link, target=target,
                                          position=position)
            if position is None:
                self._place(command)
            execute(self.document.undo_stack, command)
        except (ModelError, ValueError) as exc:
            self.message(str(exc))
            return None
        sid = command.ids[0]
        cursor = self.view.textCursor()
        if cursor.hasSelection():  # the new highlight shows; the next double-click starts afresh
            cursor.setPosition(cursor.selectionEnd())
            self.view.setTextCursor(cursor)
        if link:
            self.statement_linked.emit(sid, target)
        else:
            self.statement_added.emit(sid)
        return sid

    def _place(self, command) -> None:
        if self.placer is not None:
            self.placer(command)
        else:
            command.elements[0] = command.elements[0].copy(position=free_position(self.document.amap))

    def message(self, text: str) -> None:
        """Say why nothing was made (in the hint line; the window also shows it in the status bar)."""
        self.hint.setText(text)
        self.hint.setVisible(True)
        self.notice.emit(text)
