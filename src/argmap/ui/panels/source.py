"""The Source panel: the text the map analyses, with every anchored span highlighted.

The text file is ``source.path``, relative to the map file; it is checked
against ``source.sha256`` and a difference is shown as a warning. Anchors
whose offsets no longer match are found again by their quote
(:mod:`argmap.model.anchors`); those not found are listed, never dropped.
Selecting a passage (a drag snaps to words, a double-click takes the
sentence, a triple-click the paragraph; see :mod:`argmap.ui.panels.source_text`)
and choosing *Add as evidence for …*, *Add as reason for …* or *Add as
objection to …* creates an anchored statement linked to the statement
selected on the canvas, in one undoable command; *Add as evidence* and *Add
as claim* create it unlinked. Offsets in the model count code points; Qt
counts UTF-16 units, so every offset is converted at the border.

Highlighting says how far each passage is mapped: a statement's quote is
yellow; a quote of a statement the draft proposed (not yet accepted) is
pale blue with a dotted underline, so that it reads without colour too;
text no statement quotes stays plain ("not mapped").
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QTextEdit, QVBoxLayout, QWidget

from argmap.commands.edits import SetMeta, execute
from argmap.limits import LIMITS
from argmap.model.anchors import (
    anchors_of,
    code_point_index,
    normalise_text,
    resolve,
    text_sha256,
    utf16_index,
)
from argmap.render.proposed import is_proposed
from argmap.ui.panels.common import short
from argmap.ui.panels.source_passages import PassageMixin
from argmap.ui.panels.source_text import SourceText

SPAN_COLOUR = "#fff1a8"
CURRENT_COLOUR = "#ffc940"
PROPOSED_COLOUR = "#e1ebf7"
"""The quote of a proposed statement (with a dotted underline)."""
PROPOSED_LINE = "#4a6f9c"
LEGEND = "Yellow: mapped. Pale blue, dotted underline: proposed by the draft, not yet accepted. Plain: not mapped."


class SourcePanel(PassageMixin, QWidget):
    """Shows the source text of the map and links it with the statements.

    Signals
    -------
    statement_clicked(str)
        The user clicked inside the span of a statement.
    statement_added(str)
        A statement was created from the selected text, standing alone.
    statement_linked(str, str)
        A statement was created from the selected text and linked to the
        second id (the target, which stays selected for the next passage).
    notice(str)
        Why a passage could not become a statement.

    Attributes
    ----------
    placer : callable, optional
        ``placer(command)`` gives the new statement of an ``AddElements``
        command its position (the canvas's placement); without one it goes
        right of the map.
    """

    statement_clicked = Signal(str)
    statement_added = Signal(str)
    statement_linked = Signal(str, str)
    notice = Signal(str)

    LINKED = (("evidence", "support", "Add as evi&dence for"), ("claim", "support", "Add as &reason for"),
              ("claim", "attack", "Add as &objection to"))
    """The linked additions: kind, link, button text (the target's words follow). The mnemonics (Alt+D,
    Alt+R, Alt+O; Alt+I and Alt+C for the loose ones) avoid the menus' letters (F, E, M, G, V, H)."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("panel.source")
        self.document = document
        self.base: Path | None = None
        self.chosen: set[Path] = set()  # source texts the user picked in this session (may be anywhere)
        self.text = ""
        self.spans: list[tuple[int, int, str]] = []  # UTF-16 start, end, statement id
        self.missing: list = []
        self.current: str | None = None
        self.target: str | None = None  # the statement selected on the canvas: what a passage links to
        self.placer = None
        self._moving = False
        self._astral = False
        self.header = QLabel("No source text attached to this map.")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b35c00;")
        self.warning.hide()
        self.legend = QLabel(LEGEND)
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setWordWrap(True)
        self.legend.hide()
        self.view = SourceText(self)
        self.view.setObjectName("source.text")
        self.view.setAccessibleName("Source text")
        self.view.cursorPositionChanged.connect(self._cursor_moved)
        self.view.selectionChanged.connect(self._selection_changed)
        self.view.clicked.connect(self._clicked_at)
        self.attach_button = QPushButton("A&ttach text…")
        self.attach_button.setToolTip("Attach the text file (.txt, .md) this map analyses")
        self.attach_button.clicked.connect(self.ask_attach)
        self.link_buttons = []
        for kind, link, _ in self.LINKED:
            button = QPushButton()
            button.clicked.connect(lambda _=False, k=kind, ln=link: self.add_from_selection(k, ln))
            self.link_buttons.append(button)
        self.evidence_for_button, self.reason_for_button, self.objection_to_button = self.link_buttons
        self.add_evidence_button = QPushButton("Add as ev&idence")
        self.add_claim_button = QPushButton("Add as &claim")
        self.add_evidence_button.setToolTip("A new evidence statement quoting the passage, linked to nothing yet")
        self.add_claim_button.setToolTip("A new claim quoting the passage, linked to nothing yet")
        self.add_evidence_button.clicked.connect(lambda: self.add_from_selection("evidence"))
        self.add_claim_button.clicked.connect(lambda: self.add_from_selection("claim"))
        self.missing_list = QListWidget()
        self.missing_list.setMaximumHeight(90)
        self.missing_list.hide()
        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        linked = QVBoxLayout()
        for button in self.link_buttons:
            linked.addWidget(button)
        loose = QHBoxLayout()
        loose.addWidget(self.attach_button)
        loose.addWidget(self.add_evidence_button)
        loose.addWidget(self.add_claim_button)
        loose.addStretch(1)
        self.tools = linked
        """The column of what a selected passage can become: the window adds *Draft selection* to it."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for w in (self.header, self.warning, self.legend, self.view, self.hint):
            layout.addWidget(w)
        layout.addLayout(linked)
        layout.addLayout(loose)
        layout.addWidget(self.missing_list)
        self._selection_changed()
        document.changed.connect(self._on_change)

    # ------------------------------------------------------------ loading
    def set_base(self, folder: Path | None) -> None:
        """The folder that ``source.path`` is relative to (the map file's folder)."""
        self.base = folder
        self.reload()

    def folder(self) -> Path | None:
        """The folder a relative ``source.path`` is read from: the map file's, else the one it came from."""
        return self.document.path.parent if self.document.path else self.base

    def source_file(self) -> Path | None:
        """The source text file of the map, or ``None`` when it has none."""
        rel = self.document.amap.source.path
        if not rel:
            return None
        path = Path(rel)
        if not path.is_absolute():
            path = (self.folder() or Path.cwd()) / path
        return path

    def allowed(self, path: Path) -> bool:
        """True when ``path`` may be read without asking: inside the map's folder, or chosen by the user.

        A map file is data from anywhere: its ``source.path`` must not make the
        app open ``/etc/passwd`` or ``../../private.txt`` behind the user's back.
        """
        resolved = path.resolve()
        if resolved in self.chosen:
            return True
        folder = self.folder()
        if folder is None:
            return False
        return resolved.is_relative_to(folder.resolve())

    def reload(self) -> None:
        """Read the source text file again and re-anchor everything."""
        path = self.source_file()
        if path is None:
            self.set_text("", "No source text attached to this map.")
            return
        if not self.allowed(path):
            self.set_text("", f"This map names a source text outside its folder ({path}); it was not opened. "
                              "If you trust it, choose it with Attach text…")
            return
        try:
            if path.stat().st_size > LIMITS.max_file_bytes:
                self.set_text("", f"The source text {path} is too large to show "
                                  f"(above {LIMITS.max_file_bytes // 1_000_000} MB).")
                return
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.set_text("", f"The source text {path} cannot be read: {getattr(exc, 'strerror', None) or exc}")
            return
        info = self.document.amap.source
        self.set_text(raw, f"{info.title or path.name} — {path}")
        if info.sha256 and text_sha256(raw) != info.sha256.lower():
            self.warning.setText("This text differs from the one the map was made from (checksum mismatch). "
                                 "Anchors are found again by their quotes; those not found are listed below.")
            self.warning.show()

    def set_text(self, text: str, header: str) -> None:
        """Show ``text`` (line ends normalised) and anchor the statements in it."""
        self.text = normalise_text(text)
        self._astral = any(ord(c) > 0xFFFF for c in self.text)
        self.header.setText(header)
        self.warning.hide()
        self.spans = []  # the old text's: setting the text moves the cursor, which must not pick one of them
        self.view.setPlainText(self.text)
        self.refresh_anchors()

    def ask_attach(self) -> bool:
        """Ask for a text file and attach it (see :meth:`attach`)."""
        from argmap.ui import files

        folder = str(self.document.path.parent) if self.document.path else ""
        path = files.ask_open_path(self, "Attach source text", "Text (*.txt *.md);;All files (*)", folder)
        if not path:
            return False
        try:
            self.attach(path)
        except (OSError, UnicodeDecodeError) as exc:
            files.show_error(self, "Attach source text",
                             f"The text {path} could not be attached: {getattr(exc, 'strerror', None) or exc}.\n\n"
                             "The map is unchanged. Choose a UTF-8 text file (.txt or .md).")
            return False
        return True

    def attach(self, path: str | Path) -> None:
        """Make ``path`` the map's source text, as one undoable command.

        The path is stored relative to the map file's folder (absolute while
        the map has no file). When the map has no checksum yet it takes the
        text's; when it has one that differs, the panel warns and the anchors
        are found again by their quotes.
        """
        path = Path(path).resolve()
        raw = path.read_text(encoding="utf-8")
        self.chosen.add(path)
        info = self.document.amap.source
        base = self.document.path.parent.resolve() if self.document.path else None
        stored = os.path.relpath(path, base) if base else str(path)
        source = replace(info, path=Path(stored).as_posix(), sha256=info.sha256 or text_sha256(raw))
        execute(self.document.undo_stack, SetMeta(self.document.amap, "Attach source text", source=source))

    # ------------------------------------------------------------ anchors
    def refresh_anchors(self) -> None:
        """Find every anchor in the text again, highlight the found ones, list the lost ones."""
        self.spans, self.missing = [], []
        if self.text:
            for r in resolve(self.text, anchors_of(self.document.amap.statements.values())):
                if r.span is None:
                    self.missing.append(r)
                else:
                    self.spans.append((self._u16(r.span[0]), self._u16(r.span[1]), r.statement_id))
        self.missing_list.clear()
        for r in self.missing:
            self.missing_list.addItem(f"Not found: {r.statement_id} “{short(r.anchor.quote, 70)}”")
        self.missing_list.setVisible(bool(self.missing))
        self._paint()

    def _paint(self) -> None:
        selections = []
        statements = self.document.amap.statements
        any_proposed = False
        for start, end, sid in self.spans:
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            proposed = sid in statements and is_proposed(statements[sid])
            any_proposed = any_proposed or proposed
            fmt.setBackground(QColor(CURRENT_COLOUR if sid == self.current else
                                     PROPOSED_COLOUR if proposed else SPAN_COLOUR))
            fmt.setForeground(QColor("#000000"))
            if proposed:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor(PROPOSED_LINE))
            elif sid == self.current:
                fmt.setFontUnderline(True)
            sel.format = fmt
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        self.view.setExtraSelections(selections)
        self.legend.setVisible(any_proposed)

    def spans_of(self, sid: str) -> list[tuple[int, int]]:
        """The highlighted spans of statement ``sid`` (code points)."""
        return [(self._cp(s), self._cp(e)) for s, e, x in self.spans if x == sid]

    def show_statement(self, sid: str | None) -> None:
        """Mark the spans of ``sid`` and scroll to the first one."""
        self.current = sid
        self._paint()
        first = next(((s, e) for s, e, x in self.spans if x == sid), None)
        if first is None:
            return
        self._moving = True
        try:
            cursor = self.view.textCursor()
            cursor.setPosition(first[0])
            self.view.setTextCursor(cursor)
            self.view.centerCursor()
        finally:
            self._moving = False

    def _cursor_moved(self) -> None:
        cursor = self.view.textCursor()
        if self._moving or cursor.hasSelection() or self.view.mouse_down:
            return  # a press may start a selection: only a click (see _clicked_at) picks a statement
        self._pick_at(cursor.position())

    def _clicked_at(self, offset: int) -> None:
        self._pick_at(self._u16(offset))

    def _pick_at(self, pos: int) -> None:
        for start, end, sid in self.spans:
            if start <= pos < end:
                self.current = sid
                self._paint()
                self.statement_clicked.emit(sid)
                return

    # ------------------------------------------------------------ model
    def _on_change(self, change) -> None:
        if change.op == "reset" or change.op == "meta" and "source" in change.fields:
            self.reload()
        elif change.op in ("added", "removed") or "anchors" in change.fields:
            self.refresh_anchors()
        elif "tags" in change.fields:  # accepted (or proposed again): its quote's highlight changes
            self._paint()
        if self.target is not None and (self.target in change.ids or change.op == "reset"):
            self.set_target(self.target)  # deleted, or its words changed: the buttons say so

    def _u16(self, index: int) -> int:
        return utf16_index(self.text, index) if self._astral else index

    def _cp(self, position: int) -> int:
        return code_point_index(self.text, position) if self._astral else position
