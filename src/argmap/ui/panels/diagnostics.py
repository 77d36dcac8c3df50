"""The Diagnostics panel: every finding of the checks, filterable, clickable, explainable."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from argmap.ui.panels.common import SEVERITIES, counts_text, severity_icon, short
from argmap.ui.widgets import show_plain

FILTERS = (("All", None), ("Errors", "error"), ("Warnings", "warning"), ("Info", "info"))


def show_explanation(parent: QWidget, title: str, text: str) -> None:
    """Show an explanation as plain text (tests replace this)."""
    show_plain(parent, QMessageBox.Icon.Information, title, text)


class DiagnosticsModel(QAbstractTableModel):
    """The listed diagnostics as rows: severity icon, code, statement, message (all plain text)."""

    HEADERS = ("", "Code", "Statement", "Message")

    def __init__(self, panel: QWidget):
        super().__init__(panel)
        self.panel = panel
        self.rows: list = []
        self.labels: list[str] = []
        self.icons = {sev: severity_icon(panel, sev) for sev in SEVERITIES}

    def set_rows(self, rows: list, amap) -> None:
        self.beginResetModel()
        self.rows = rows
        statements = amap.statements if amap is not None else {}
        self.labels = [f"{d.target}: {short(statements[d.target].text, 40)}" if d.target in statements
                       else d.target for d in rows]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        diag, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return ("", diag.code, self.labels[index.row()], _message(diag))[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self.icons.get(diag.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            return diag.severity if column == 0 else _message(diag)
        return None


def _message(diag) -> str:
    """The diagnostic's message; a report older than the map may name a statement just deleted."""
    try:
        return diag.message
    except (KeyError, AttributeError):
        return "(being checked again…)"


class DiagnosticsPanel(QWidget):
    """Lists the report's diagnostics with severity icon, code, statement and message.

    Signals
    -------
    activated(str, list)
        A diagnostic was clicked: its target and related ids.
    chosen(Diagnostic)
        The same click, with the whole finding (an AM009's source, say).
    """

    activated = Signal(str, list)
    chosen = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("panel.diagnostics")
        self.amap = None
        self.report = None
        self.last_explanation = ""
        self.filter = QComboBox()
        for label, _ in FILTERS:
            self.filter.addItem(label)
        self.filter.setToolTip("Show only findings of one severity")
        self.filter.currentIndexChanged.connect(self._refill)
        self.explain_button = QPushButton("E&xplain")
        self.explain_button.setToolTip("Why this finding was raised on this map, in plain words, and how to fix it")
        self.explain_button.setEnabled(False)
        self.explain_button.clicked.connect(self.explain_current)
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.model = DiagnosticsModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setColumnWidth(0, 28)
        self.tree.setColumnWidth(1, 64)
        self.tree.setColumnWidth(2, 220)
        self.tree.clicked.connect(self._clicked)
        self.tree.activated.connect(self._clicked)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        top = QHBoxLayout()
        top.addWidget(self.filter)
        top.addWidget(self.counts, 1)
        top.addWidget(self.explain_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree)

    def set_report(self, report, amap) -> None:
        """Show ``report`` (of ``amap``)."""
        self.report, self.amap = report, amap
        self.counts.setText(counts_text(report.summary()))
        self._refill()

    def set_severity(self, severity: str | None) -> None:
        """Show only ``severity`` (``None``: all)."""
        self.filter.setCurrentIndex([s for _, s in FILTERS].index(severity))

    def visible_diagnostics(self) -> list:
        """The diagnostics listed now, in order."""
        return list(self.model.rows)

    def row_of(self, n: int) -> QModelIndex:
        """The index of row ``n`` (message column), e.g. to click it."""
        return self.model.index(n, 3)

    def _refill(self) -> None:
        if self.report is None:
            return
        wanted = FILTERS[self.filter.currentIndex()][1]
        rank = {s: n for n, s in enumerate(SEVERITIES)}
        rows = [d for d in self.report.diagnostics if wanted is None or d.severity == wanted]
        rows.sort(key=lambda d: (rank.get(d.severity, 9), d.code))
        self.model.set_rows(rows, self.amap)
        self.explain_button.setEnabled(False)

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            diag = self.model.rows[index.row()]
            self.activated.emit(diag.target, list(diag.related))
            self.chosen.emit(diag)

    def _current_changed(self, index: QModelIndex, _previous) -> None:
        diag = self.model.rows[index.row()] if index.isValid() else None
        self.explain_button.setEnabled(diag is not None)

    def explain_current(self) -> str:
        """Explain the selected finding (any code); returns the text shown."""
        index = self.tree.currentIndex()
        if not index.isValid() or self.amap is None:
            return ""
        diag = self.model.rows[index.row()]
        from argmap.analysis import explain

        self.last_explanation = explain(self.amap, diag, self.report)
        show_explanation(self, f"{diag.code} {diag.name} on {diag.target}", self.last_explanation)
        return self.last_explanation
