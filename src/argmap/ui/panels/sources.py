"""The Sources panel: every source of the map, its grade and chain, what cites it and what rests on it alone.

Above, the list of sources (reliability, title, what it is reported via, how
much evidence cites it, how many conclusions rest on it alone); below, the
chosen source's fields, the evidence citing it (activate a row to select it
on the canvas) and, from the latest check, the conclusions that rest on it
alone (AM009). Every change is one command on the document's undo stack
(:mod:`argmap.commands.sources`; the panel's edits are in
:mod:`argmap.ui.panels.source_edits`); typing into a field merges into one
step. A change the model refuses (a ``via`` that would loop) is undone on
the spot and the reason shown under the list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from argmap.model import RELIABILITY
from argmap.render.grades import grade_of
from argmap.ui.panels.common import short
from argmap.ui.panels.source_edits import SourceEditing
from argmap.ui.source_dialog import DeleteKey, fill_via_box, reliability_box

COLUMNS = ("Rel.", "Source", "Via", "Cited", "Alone")
COLUMN_TIPS = ("Reliability, A (completely reliable) to F (cannot be judged)", "Title of the source",
               "The source it is reported through", "How many pieces of evidence cite it",
               "How many conclusions rest on it alone (AM009)")
ID_ROLE = Qt.ItemDataRole.UserRole
TYPED = frozenset({"title", "url", "note"})
"""Fields typed into the panel: their changes leave the fields alone."""


class SourcesPanel(SourceEditing, QWidget):
    """Lists and edits the sources of the document's map.

    Signals
    -------
    statement_chosen(str)
        A statement listed under the source was activated: select it on the canvas.
    evidence_shown(list)
        The statements to mark on the canvas for the chosen source (the evidence citing it).
    message(str)
        What an edit did, or why it was refused, in plain words (for the status bar).
    """

    statement_chosen = Signal(str)
    evidence_shown = Signal(list)
    message = Signal(str)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("panel.sources")
        self.document = document
        self.report = None
        self._alone: dict[str, dict[str, None]] = {}  # source -> the conclusions resting on it alone
        self._current: str | None = None
        self._filling = False
        self.tree = QTreeWidget()
        self.tree.setObjectName("sources.list")
        self.tree.setAccessibleName("Sources")
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        for n, tip in enumerate(COLUMN_TIPS):
            self.tree.headerItem().setToolTip(n, tip)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for n in range(len(COLUMNS)):
            header.setSectionResizeMode(n, QHeaderView.ResizeMode.Stretch if n == 1
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.add_button = _button("&Add…", "Add a source (New Source…)", self.add_source)
        self.merge_button = _button("&Merge Into…", "A duplicate: its evidence cites the other source instead",
                                    self.merge_current)
        self.delete_button = _button("Delete", "Delete the source: the evidence citing it no longer does",
                                     self.delete_current)
        DeleteKey(self.tree, self.delete_current)
        self.notice = QLabel()
        self.notice.setObjectName("sources.notice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.details = self._details()
        buttons = QHBoxLayout()
        for b in (self.add_button, self.merge_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        layout.addWidget(self.details, 3)
        document.changed.connect(self._on_change)
        self.refresh()

    def _details(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.id_label = QLabel()
        self.id_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_edit = QLineEdit()
        self.title_edit.textEdited.connect(lambda t: self._typed("title", t))
        self.reliability = reliability_box()
        self.reliability.activated.connect(lambda _n: self._edit(reliability=self.reliability.currentData()))
        self.via = QComboBox()
        self.via.activated.connect(lambda _n: self._edit(via=self.via.currentData() or ""))
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://…")
        self.url_edit.textEdited.connect(lambda t: self._typed("url", t))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(60)
        self.note_edit.textChanged.connect(lambda: self._typed("note", self.note_edit.toPlainText()))
        self.cited = _list("Evidence citing this source: activate one to select it on the map")
        self.alone = _list("Conclusions that rest on this source alone (AM009): activate one to select it")
        for widget in (self.cited, self.alone):
            widget.itemActivated.connect(self._row_activated)
            widget.itemClicked.connect(self._row_activated)
        for label, widget, name in (("Id", self.id_label, "Source id"), ("&Title", self.title_edit, "Source title"),
                                    ("&Reliability", self.reliability, "Source reliability"),
                                    ("Reported &via", self.via, "Reported via"),
                                    ("Addr&ess", self.url_edit, "Source address"),
                                    ("N&ote", self.note_edit, "Source note"), ("Cited &by", self.cited, "Cited by"),
                                    ("Rests on it alone", self.alone, "Conclusions resting on it alone")):
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        return page

    # ------------------------------------------------------------ showing
    def current_source(self) -> str | None:
        """The id of the source shown below the list, or None."""
        return self._current

    def source_ids(self) -> list[str]:
        """The ids of the listed sources, in order."""
        return [self.tree.topLevelItem(n).data(0, ID_ROLE) for n in range(self.tree.topLevelItemCount())]

    def select_source(self, xid: str | None) -> None:
        """Show source ``xid`` (None: none)."""
        for n in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(n)
            if item.data(0, ID_ROLE) == xid:
                self.tree.setCurrentItem(item)
                return
        self.tree.setCurrentItem(None)
        self._show(None)

    def set_report(self, report) -> None:
        """Take the conclusions resting on each source alone from ``report`` (AM009 findings)."""
        self.report = report
        self._alone = {}
        for d in getattr(report, "diagnostics", ()):
            if d.code == "AM009":
                self._alone.setdefault(d.source, {})[d.target] = None
        self.refresh()

    def alone_on(self, xid: str) -> list[str]:
        """The conclusions the latest report finds resting on source ``xid`` alone (AM009), in its order."""
        return list(self._alone.get(xid, ()))

    def refresh(self) -> None:
        """List the sources again (keeping the chosen one) and show its details."""
        amap = self.document.amap
        cited: dict[str, int] = dict.fromkeys(amap.sources, 0)
        for s in amap.statements.values():
            for c in s.cites:
                if c in cited:
                    cited[c] += 1
        keep = self._current
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            for x in amap.sources.values():
                alone = len(self.alone_on(x.id))
                item = QTreeWidgetItem([x.reliability, x.title, x.via, str(cited[x.id]), str(alone or "")])
                item.setData(0, ID_ROLE, x.id)
                item.setToolTip(0, f"{x.reliability}: {RELIABILITY[x.reliability]}")
                item.setToolTip(1, f"{x.id}: {x.title}")
                item.setToolTip(4, f"{alone} conclusion(s) rest on this source alone (AM009)" if alone else "")
                self.tree.addTopLevelItem(item)
                if x.id == keep:
                    self.tree.setCurrentItem(item)
        finally:
            self.tree.blockSignals(False)
        self._show(keep if keep in amap.sources else None)
        self.merge_button.setEnabled(self._current is not None and len(amap.sources) > 1)
        self.delete_button.setEnabled(self._current is not None)

    def _current_changed(self, item, _previous) -> None:
        xid = item.data(0, ID_ROLE) if item is not None else None
        self.notice.clear()
        self._show(xid)
        self.merge_button.setEnabled(xid is not None and len(self.document.amap.sources) > 1)
        self.delete_button.setEnabled(xid is not None)
        if xid is not None:
            self.evidence_shown.emit(self.document.amap.cited_by(xid))

    def _show(self, xid: str | None) -> None:
        amap = self.document.amap
        self._current = xid
        x = amap.sources.get(xid) if xid else None
        self.details.setEnabled(x is not None)
        self._filling = True
        try:
            self.id_label.setText(x.id if x else "")
            _set_line(self.title_edit, x.title if x else "")
            self.reliability.setCurrentIndex(self.reliability.findData(x.reliability) if x else -1)
            fill_via_box(self.via, amap.sources, exclude=xid, current=x.via if x else "")
            _set_line(self.url_edit, x.url if x else "")
            if self.note_edit.toPlainText() != (x.note if x else ""):
                self.note_edit.setPlainText(x.note if x else "")
            self._fill_rows(x)
        finally:
            self._filling = False

    def _fill_rows(self, x) -> None:
        amap = self.document.amap
        self.cited.clear()
        self.alone.clear()
        if x is None:
            return
        for sid in amap.cited_by(x.id):
            s = amap.statements[sid]
            _row(self.cited, sid, f"{grade_of(s, amap.sources)}  {sid}: {short(s.text, 60)}")
        reached = [y for y in amap.sources if y != x.id and x.id in amap.via_chain(y)]
        for y in reached:
            for sid in amap.cited_by(y):
                _row(self.cited, sid, f"{sid}: {short(amap.statements[sid].text, 50)} (through {y})")
        for sid in self.alone_on(x.id):
            if sid in amap.statements:
                _row(self.alone, sid, f"{sid}: {short(amap.statements[sid].text, 60)}")
        if not self.alone.count():
            self.alone.addItem("(none)" if self.report is not None else "(being checked…)")

    def _row_activated(self, item: QListWidgetItem) -> None:
        sid = item.data(ID_ROLE)
        if sid:
            self.statement_chosen.emit(sid)

    def _on_change(self, change) -> None:
        if change.op in ("moved", "meta"):
            return
        if change.op == "changed":
            ids = set(change.ids)
            if self._current in ids and set(change.fields) <= TYPED:
                self._update_row(self._current)  # typing: leave the fields and the list alone
                return
            shown = {self.cited.item(n).data(ID_ROLE) for n in range(self.cited.count())}
            if not ids & set(self.document.amap.sources) and "cites" not in change.fields \
                    and not (ids & shown and set(change.fields) & {"text", "credibility"}):
                return  # nothing the panel shows (a statement's text, a position) on a big map costs nothing
        self.refresh()

    def _update_row(self, xid: str) -> None:
        item = self.tree.currentItem()
        x = self.document.amap.sources[xid]
        if item is not None and item.data(0, ID_ROLE) == xid:
            item.setText(1, x.title)
        if not self._filling and not self.title_edit.hasFocus():
            _set_line(self.title_edit, x.title)


def _button(text: str, tip: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.clicked.connect(lambda _checked=False: slot())
    return button


def _list(tip: str) -> QListWidget:
    widget = QListWidget()
    widget.setToolTip(tip)
    widget.setMaximumHeight(96)
    widget.setWordWrap(True)
    return widget


def _row(widget: QListWidget, sid: str, text: str) -> None:
    item = QListWidgetItem(text)
    item.setData(ID_ROLE, sid)
    widget.addItem(item)


def _set_line(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        edit.setText(text)
        if not edit.hasFocus():
            edit.setCursorPosition(0)  # a long title shows its beginning
