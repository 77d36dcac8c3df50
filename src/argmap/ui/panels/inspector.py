"""The Inspector panel: every field of the selected statement, inference or conflict, and its comments.

Each edit is one command of :mod:`argmap.commands` pushed on the document's
undo stack; typing into one field merges into one undo step. The panel
shows what the model holds and follows changes made elsewhere (canvas,
undo) without disturbing the field being typed in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from argmap.commands.actions import edit_fields, set_kind
from argmap.commands.edits import UpdateFields
from argmap.model import KINDS, Inference, Statement
from argmap.ui.panels.comments import CommentsBox
from argmap.ui.panels.common import CommandPusher, short
from argmap.ui.panels.grades import GradesBox

BASES = ("", "report", "quote", "statistic", "document", "observation", "testimony")


class InspectorPanel(CommandPusher, QWidget):
    """Edits the element whose id is given to :meth:`show_element`.

    Signals
    -------
    message(str)
        An edit the model refused, in plain words (for the status bar).
    """

    message = Signal(str)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("panel.inspector")
        self.document = document
        self.element_id: str | None = None
        self._filling = False
        self.stack = QStackedWidget()
        self.empty = QLabel("Select a statement, a support or an attack to see its details.")
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._statement_page())
        self.stack.addWidget(self._link_page())
        self.comments = CommentsBox(document)
        self.comments.message.connect(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack)
        layout.addWidget(self.comments)
        document.changed.connect(self._on_change)

    # ------------------------------------------------------------ pages
    def _statement_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.id_label = QLabel()
        self.id_label.setTextFormat(Qt.TextFormat.PlainText)
        self.kind_box = QComboBox()
        self.kind_box.addItems(KINDS)
        self.kind_box.activated.connect(self._kind_chosen)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.textChanged.connect(lambda: self._typed("text", self.text_edit.toPlainText()))
        self.basis_box = QComboBox()
        self.basis_box.setEditable(True)
        self.basis_box.addItems(BASES)
        self.basis_box.lineEdit().textEdited.connect(lambda t: self._typed("basis", t))
        self.basis_box.activated.connect(lambda _n: self._typed("basis", self.basis_box.currentText()))
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText("Citation: who said it, where, when")
        self.source_edit.textEdited.connect(lambda t: self._typed("source", t))
        self.anchor_list = QListWidget()
        self.anchor_list.setMaximumHeight(80)
        self.anchor_list.setWordWrap(True)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(90)
        self.note_edit.textChanged.connect(lambda: self._typed("note", self.note_edit.toPlainText()))
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText("comma, separated, tags")
        self.tags_edit.editingFinished.connect(self._tags_done)
        self.pinned_box = QCheckBox("Pinned (automatic layout leaves it in place)")
        self.pinned_box.toggled.connect(self._pinned_toggled)
        for label, widget in (("Id", self.id_label), ("&Kind", self.kind_box), ("&Text", self.text_edit),
                              ("&Basis", self.basis_box), ("&Source", self.source_edit),
                              ("Anchors", self.anchor_list), ("&Note", self.note_edit), ("Ta&gs", self.tags_edit),
                              ("", self.pinned_box)):
            form.addRow(label, widget)
        self.grades = GradesBox(self.document, page)  # cites, credibility, assumed (SPEC §5), after Source
        self.grades.message.connect(self.message)
        self.grades.add_to(form, 5)
        return page

    def _link_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.link_label = QLabel()
        self.link_label.setWordWrap(True)
        self.link_label.setTextFormat(Qt.TextFormat.PlainText)
        self.link_note = QPlainTextEdit()
        self.link_note.setTabChangesFocus(True)
        self.link_note.textChanged.connect(lambda: self._typed("note", self.link_note.toPlainText()))
        form.addRow(self.link_label)
        form.addRow("&Note", self.link_note)
        return page

    # ------------------------------------------------------------ showing
    def show_element(self, element_id: str | None) -> None:
        """Show the element ``element_id`` (``None``: nothing)."""
        self.element_id = element_id if element_id and element_id in self.document.amap else None
        self._fill()
        self.comments.show_element(self.element_id)

    def _fill(self) -> None:
        element = self.document.amap.get(self.element_id) if self.element_id else None
        self._filling = True
        try:
            if isinstance(element, Statement):
                self._fill_statement(element)
                self.stack.setCurrentIndex(1)
            elif element is not None:
                self.link_label.setText(self._describe(element))
                _set_plain(self.link_note, element.note)
                self.stack.setCurrentIndex(2)
            else:
                self.stack.setCurrentIndex(0)
            if not isinstance(element, Statement):
                self.grades.show_statement(None)
        finally:
            self._filling = False

    def _fill_statement(self, s: Statement) -> None:
        self.id_label.setText(s.id)
        self.kind_box.setCurrentText(s.kind)
        _set_plain(self.text_edit, s.text)
        if self.basis_box.currentText() != s.basis:
            self.basis_box.setCurrentText(s.basis)
        _set_line(self.source_edit, s.source)
        self.anchor_list.clear()
        self.anchor_list.addItems([f"{a.start}–{a.end}: “{short(a.quote, 70)}”" for a in s.anchors])
        _set_plain(self.note_edit, s.note)
        if not self.tags_edit.hasFocus():
            self.tags_edit.setText(", ".join(s.tags))
        self.pinned_box.setChecked(s.pinned)
        self.grades.show_statement(s.id)

    def _describe(self, element) -> str:
        statements = self.document.amap.statements

        def name(x: str) -> str:
            return f"{x} “{short(statements[x].text, 40)}”" if x in statements else x

        if isinstance(element, Inference):
            kind = "Linked support" if len(element.premises) > 1 else "Support"
            return (f"{kind} {element.id}: " + " + ".join(name(p) for p in element.premises)
                    + f" → {name(element.conclusion)}")
        return (f"Attack {element.id}: " + " + ".join(name(a) for a in element.attackers)
                + f" ⟂ {name(element.target)}")

    def _on_change(self, change) -> None:
        if self.element_id is None:
            return
        if change.op == "reset" or self.element_id in change.ids:
            if self.element_id not in self.document.amap:
                self.element_id = None
            self._fill()

    # ------------------------------------------------------------ editing
    def _refused(self, reason: str) -> None:
        self.message.emit(reason)
        self._fill()

    def _typed(self, name: str, value: str) -> None:
        if self._filling or self.element_id is None:
            return
        element = self.document.amap.get(self.element_id)
        if element is None or getattr(element, name) == value:
            return
        title = "Edit text" if name == "text" else f"Edit {name}"
        self._push(UpdateFields(self.document.amap, {self.element_id: {name: value}}, title, merge=True))

    def _kind_chosen(self, _index: int) -> None:
        if self._filling or self.element_id is None:
            return
        kind = self.kind_box.currentText()
        if self.document.amap.statements[self.element_id].kind != kind:
            self._push(set_kind(self.document.amap, [self.element_id], kind))

    def _tags_done(self) -> None:
        if self._filling or self.element_id not in self.document.amap.statements:
            return
        tags = tuple(dict.fromkeys(t.strip() for t in self.tags_edit.text().split(",") if t.strip()))
        if tags != self.document.amap.statements[self.element_id].tags:
            self._push(edit_fields(self.document.amap, self.element_id, tags=tags))

    def _pinned_toggled(self, on: bool) -> None:
        if self._filling or self.element_id not in self.document.amap.statements:
            return
        if self.document.amap.statements[self.element_id].pinned != on:
            self._push(edit_fields(self.document.amap, self.element_id, pinned=on))


def _set_plain(edit: QPlainTextEdit, text: str) -> None:
    if edit.toPlainText() != text:
        edit.setPlainText(text)


def _set_line(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        edit.setText(text)
