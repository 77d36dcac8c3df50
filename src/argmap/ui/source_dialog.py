"""The New Source dialog, and the choosers the tradecraft edits ask with (tests replace them).

The dialog asks what SPEC §5 gives a source: a title (required), its
Admiralty reliability with the meaning of each code, the source it is
reported through (``via``), an address and a note. It stays open, with
everything typed kept, while the title is empty or the address does not
read as one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from argmap.model import RELIABILITY
from argmap.render.grades import reliability_label
from argmap.ui.panels.common import short
from argmap.ui.properties import problems

DIRECTLY = "(reported directly)"
"""The ``via`` choice of a source that reaches the analyst directly."""


def ask_dialog(dialog: QDialog) -> bool:
    """Run a modal dialog; True when it was accepted (tests replace this)."""
    return bool(dialog.exec())


def ask_choice(parent: QWidget, title: str, label: str, items: list[str]) -> str | None:
    """One of ``items`` chosen from a list, or None when cancelled (tests replace this)."""
    if not items:
        return None
    text, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return text if ok else None


class DeleteKey(QObject):
    """Delete (or Backspace) pressed in ``widget`` calls ``slot``, before the window's *Delete* can take it.

    The window's Delete deletes the canvas selection; in a list of sources or
    citations the key means that list's row.
    """

    KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)

    def __init__(self, widget: QWidget, slot):
        super().__init__(widget)
        self.slot = slot
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt name
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and event.key() in self.KEYS \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            event.accept()
            if kind == QEvent.Type.KeyPress:
                self.slot()
            return True
        return False


def source_choice(source) -> str:
    """How a source is named in a list to choose from: ``"nyt — B · J. Glanz and A. J. Rubin, …"``."""
    return f"{source.id} — {source.reliability} · {short(source.title, 60)}"


def reliability_box() -> QComboBox:
    """A combo box of the six reliability codes with their meanings (item data: the code)."""
    box = QComboBox()
    for code in RELIABILITY:
        box.addItem(reliability_label(code), code)
    return box


def fill_via_box(box: QComboBox, sources, exclude: str | None = None, current: str = "") -> None:
    """``box`` lists :data:`DIRECTLY` and every source but ``exclude`` (item data: the id), at ``current``."""
    box.blockSignals(True)
    try:
        box.clear()
        box.addItem(DIRECTLY, "")
        for x in sources.values():
            if x.id != exclude:
                box.addItem(source_choice(x), x.id)
        box.setCurrentIndex(max(0, box.findData(current)))
    finally:
        box.blockSignals(False)


class SourceDialog(QDialog):
    """Asks for a new source; :meth:`values` gives the keyword arguments of ``commands.sources.add_source``."""

    def __init__(self, amap, parent: QWidget | None = None, heading: str = ""):
        super().__init__(parent)
        self.setWindowTitle("New source")
        self.setObjectName("dialog.source")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Who reported it, where, when: J. Glanz, The New York Times, 21 April 2008")
        self.reliability = reliability_box()
        self.reliability.setCurrentIndex(self.reliability.findData("F"))
        self.via = QComboBox()
        fill_via_box(self.via, amap.sources)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://…")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(70)
        form = QFormLayout()
        for label, widget, name in (("&Title", self.title_edit, "Source title"),
                                    ("&Reliability", self.reliability, "Source reliability"),
                                    ("Reported &via", self.via, "Reported via"),
                                    ("&Address", self.url_edit, "Source address"),
                                    ("&Note", self.note_edit, "Source note")):
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setObjectName("dialog.source.problem")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if heading:
            top = QLabel(heading)
            top.setTextFormat(Qt.TextFormat.PlainText)
            top.setWordWrap(True)
            layout.addWidget(top)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.title_edit.setFocus()

    def values(self) -> dict:
        """``title``, ``reliability``, ``via``, ``url`` and ``note`` as typed (trimmed)."""
        return {"title": self.title_edit.text().strip(), "reliability": self.reliability.currentData(),
                "via": self.via.currentData() or "", "url": self.url_edit.text().strip(),
                "note": self.note_edit.toPlainText().strip()}

    def problems(self) -> list[str]:
        """What keeps the dialog open, one plain sentence each."""
        values = self.values()
        found = [] if values["title"] else ["A source needs a title: who reported it, where, when."]
        return found + problems({"url": values["url"]})

    def accept(self) -> None:
        found = self.problems()
        self.problem.setText("\n".join(found))
        if not found:
            super().accept()
