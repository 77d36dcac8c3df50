"""The Inspector's tradecraft part: what an evidence statement cites and how credible it is, whether a claim is assumed.

Only the fields a kind can carry are offered (SPEC §5): evidence gets its
cited sources (cite one of the map's, or a new one on the spot; stop
citing one), its credibility 1-6 with the meaning of each grade, and the
grade its box shows; a claim gets *Assumed*; a recommendation nothing.
Each change is one command on the document's undo stack
(:mod:`argmap.commands.sources`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from argmap.commands import sources as cmd
from argmap.model import CREDIBILITY, ModelError
from argmap.render.grades import credibility_label, grade_words
from argmap.ui.panels.common import CommandPusher
from argmap.ui.source_dialog import DeleteKey, SourceDialog, ask_dialog, source_choice

NOT_GRADED = "(not graded: counts as 6)"
CITE_PROMPT = "Cite a source…"
NEW_SOURCE = "New source…"
ID_ROLE = Qt.ItemDataRole.UserRole


class GradesBox(CommandPusher, QObject):
    """The tradecraft fields of one statement (see the module docstring), as rows of the Inspector's form.

    :meth:`add_to` puts the rows into a form; the box shows only the rows
    the statement's kind can carry.

    Signals
    -------
    message(str)
        What an edit did, or why the model refused it, in plain words.
    """

    message = Signal(str)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("inspector.grades")
        self.form: QFormLayout | None = None
        self.document = document
        self.sid: str | None = None
        self._filling = False
        self.grade_label = QLabel()
        self.grade_label.setTextFormat(Qt.TextFormat.PlainText)
        self.grade_label.setWordWrap(True)
        self.cites = QListWidget()
        self.cites.setMaximumHeight(72)
        self.cites.setToolTip("The sources this evidence cites: Delete stops citing the selected one")
        self.cite_box = QComboBox()
        self.cite_box.setToolTip("Cite one of the map's sources, or a new one")
        self.cite_box.activated.connect(self._cite_chosen)
        self.uncite_button = QPushButton("Stop Citing")
        self.uncite_button.setToolTip("The evidence no longer cites the source selected above")
        self.uncite_button.clicked.connect(lambda _c=False: self.uncite_current())
        DeleteKey(self.cites, self.uncite_current)
        self.credibility = QComboBox()
        self.credibility.addItem(NOT_GRADED, None)
        for grade in CREDIBILITY:
            self.credibility.addItem(credibility_label(grade), grade)
        self.credibility.setToolTip("How credible the information is (Admiralty grade 1-6)")
        self.credibility.activated.connect(self._credibility_chosen)
        self.assumed = QCheckBox("Assumed: accepted without support, a stated assumption")
        self.assumed.setToolTip("A Key Assumptions Check lists exactly these claims (Assume: Ctrl+4)")
        self.assumed.toggled.connect(self._assumed_toggled)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.cite_box, 1)
        line.addWidget(self.uncite_button)
        self.rows = (("Grade", self.grade_label, "Grade"), ("C&ites", self.cites, "Cited sources"),
                     ("", row, ""), ("Credi&bility", self.credibility, "Credibility"),
                     ("", self.assumed, "Assumed"))
        for _label, widget, name in self.rows:
            if name:
                widget.setAccessibleName(name)
        self.cite_box.setAccessibleName("Cite a source")
        self.uncite_button.setAccessibleName("Stop citing the selected source")
        document.changed.connect(self._on_change)

    def add_to(self, form: QFormLayout, row: int) -> None:
        """Insert the rows into ``form`` from row ``row`` on."""
        self.form = form
        for n, (label, widget, _name) in enumerate(self.rows):
            form.insertRow(row + n, label, widget)
        self._fill()

    def widgets(self) -> list[QWidget]:
        """The field widgets of the rows, in order."""
        return [widget for _label, widget, _name in self.rows]

    def isVisibleTo(self, ancestor: QWidget) -> bool:  # noqa: N802 - like QWidget's
        """Whether any row is shown."""
        return any(w.isVisibleTo(ancestor) for w in self.widgets())

    # ------------------------------------------------------------ showing
    def show_statement(self, sid: str | None) -> None:
        """Show the tradecraft fields of statement ``sid`` (None: none)."""
        self.sid = sid if sid in self.document.amap.statements else None
        self._fill()

    def _fill(self) -> None:
        amap = self.document.amap
        s = amap.statements.get(self.sid) if self.sid else None
        evidence, claim = s is not None and s.kind == "evidence", s is not None and s.kind == "claim"
        if self.form is not None:
            for n, widget in enumerate(self.widgets()):
                self.form.setRowVisible(widget, claim if n == 4 else evidence)
        if s is None:
            return
        self._filling = True
        try:
            words = grade_words(s, amap.sources)
            self.grade_label.setText(words or "No grade yet: cite a source and grade the information")
            self.cites.clear()
            for c in s.cites:
                item = QListWidgetItem(source_choice(amap.sources[c]) if c in amap.sources else c)
                item.setData(ID_ROLE, c)
                self.cites.addItem(item)
            self.uncite_button.setEnabled(bool(s.cites))
            self.cite_box.clear()
            self.cite_box.addItem(CITE_PROMPT, None)
            for x in amap.sources.values():
                if x.id not in s.cites:
                    self.cite_box.addItem(source_choice(x), x.id)
            self.cite_box.addItem(NEW_SOURCE, "")
            self.credibility.setCurrentIndex(self.credibility.findData(s.credibility) if s.credibility else 0)
            self.assumed.setChecked(s.assumed)
        finally:
            self._filling = False

    def _on_change(self, change) -> None:
        if self.sid is None or change.op == "moved":
            return
        s = self.document.amap.statements.get(self.sid)
        if change.op in ("reset", "added", "removed") or s is None \
                or set(change.ids) & ({self.sid} | set(s.cites)):
            self.show_statement(self.sid)

    # ------------------------------------------------------------ editing
    def _push(self, command) -> bool:
        return super()._push(command, command.text())

    def _refused(self, reason: str) -> None:
        self.message.emit(reason)
        self._fill()

    def _cite_chosen(self, index: int) -> None:
        if self._filling or self.sid is None:
            return
        xid = self.cite_box.itemData(index)
        if xid is None:
            return
        if xid == "":
            self.cite_new()
        else:
            self.cite_source(xid)

    def cite_source(self, xid: str) -> bool:
        """The statement cites source ``xid`` too (one step)."""
        try:
            return self._push(cmd.cite(self.document.amap, [self.sid], xid))
        except ModelError as exc:
            self.message.emit(str(exc))
            self._fill()
            return False

    def cite_new(self) -> str | None:
        """Ask for a new source and cite it, in one step; returns its id."""
        dialog = SourceDialog(self.document.amap, self.cites.window(), f"{self.sid} will cite the new source.")
        if not ask_dialog(dialog):
            self._fill()
            return None
        try:
            command = cmd.add_source(self.document.amap, cite=[self.sid], **dialog.values())
        except ModelError as exc:
            self.message.emit(str(exc))
            self._fill()
            return None
        return command.elements[0].id if self._push(command) else None

    def uncite_current(self) -> bool:
        """Stop citing the source selected in the list (one step)."""
        item = self.cites.currentItem() or (self.cites.item(0) if self.cites.count() == 1 else None)
        if self.sid is None or item is None:
            return False
        return self._push(cmd.uncite(self.document.amap, self.sid, item.data(ID_ROLE)))

    def _credibility_chosen(self, index: int) -> None:
        if self._filling or self.sid is None:
            return
        grade = self.credibility.itemData(index)
        if self.document.amap.statements[self.sid].credibility != grade:
            self._push(cmd.set_credibility(self.document.amap, [self.sid], grade))

    def _assumed_toggled(self, on: bool) -> None:
        if self._filling or self.sid is None:
            return
        if self.document.amap.statements[self.sid].assumed != on:
            self._push(cmd.set_assumed(self.document.amap, [self.sid], on))
