"""Map → Properties: the map's title, author and date, and the details of the text it analyses.

The map's author and date are the top-level keys ``author`` and ``date``
of the native file (kept in ``ArgumentMap.extra``); the source's title,
author, date of publication and address are ``ArgumentMap.source``. One
OK is one undoable command (:func:`argmap.commands.actions.set_properties`).
Dates are written as ISO dates (``2008-04-22``, or ``2008-04``, ``2008``);
a date or an address that does not read as one is named in the dialog,
which stays open with everything typed kept.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

ISO_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")

FIELDS = (("title", "map", "&Title", "The title of the map (window title, exports, PDF)"),
          ("author", "map", "&Author", "Who made the map"),
          ("date", "map", "&Date", "When the map was made, e.g. 2024-05-31"),
          ("source_title", "source", "T&itle", "The title of the text the map analyses"),
          ("source_author", "source", "Aut&hor", "Who wrote that text"),
          ("published", "source", "&Published", "When it was published, e.g. 2008-04-22"),
          ("url", "source", "Addr&ess", "Where it can be read, e.g. https://…"))
"""(name, group, label, what it is) of every field, in the order shown."""


def properties_of(amap) -> dict[str, str]:
    """The dialog's values for ``amap`` (see :data:`FIELDS`)."""
    extra, source = amap.extra, amap.source
    return {"title": amap.title, "author": _text(extra.get("author")), "date": _text(extra.get("date")),
            "source_title": source.title, "source_author": source.author, "published": source.published,
            "url": source.url}


def _text(value) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def problems(values: dict[str, str]) -> list[str]:
    """What is wrong with ``values``, one plain sentence each (empty when they can be kept)."""
    out = []
    for name, words in (("date", "The map's date"), ("published", "The date the source was published")):
        value = values.get(name, "").strip()
        if value and not ISO_DATE.fullmatch(value):
            out.append(f"{words}, “{value}”, is not a date: write it as 2008-04-22 (or 2008-04, or 2008).")
    url = values.get("url", "").strip()
    if url:
        parsed = QUrl(url, QUrl.ParsingMode.StrictMode)
        if not parsed.isValid() or parsed.scheme().lower() not in ("http", "https", "ftp", "file", "doi"):
            out.append(f"The address “{url}” is not a web address: it should start with https:// (or http://).")
    return out


class PropertiesDialog(QDialog):
    """Edits the values of :func:`properties_of`; :meth:`values` gives them back (trimmed)."""

    def __init__(self, amap, parent: QWidget | None = None, source_file: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Map properties")
        self.setObjectName("dialog.properties")
        self.edits: dict[str, QLineEdit] = {}
        values = properties_of(amap)
        groups = {"map": QGroupBox("This map"), "source": QGroupBox("The text it analyses")}
        forms = {name: QFormLayout(box) for name, box in groups.items()}
        for name, group, label, tip in FIELDS:
            edit = QLineEdit(values[name])
            edit.setObjectName(f"properties.{name}")
            edit.setToolTip(tip)
            edit.setAccessibleName(f"{groups[group].title()}: {label.replace('&', '')}")
            edit.setAccessibleDescription(tip)
            if name in ("date", "published"):
                edit.setPlaceholderText("2008-04-22")
            elif name == "url":
                edit.setPlaceholderText("https://")
            forms[group].addRow(label, edit)
            self.edits[name] = edit
        attached = QLabel(f"Text file: {source_file}" if source_file else "No text file attached (Map → Attach "
                          "Source Text…)")
        attached.setTextFormat(Qt.TextFormat.PlainText)
        attached.setWordWrap(True)
        forms["source"].addRow(attached)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(groups["map"])
        layout.addWidget(groups["source"])
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def values(self) -> dict[str, str]:
        """What the fields say now, white space trimmed."""
        return {name: edit.text().strip() for name, edit in self.edits.items()}

    def accept(self) -> None:
        """Close with OK only when every value can be kept; otherwise say what is wrong."""
        found = problems(self.values())
        if found:
            self.error.setText("\n".join(found))
            self.error.show()
            return
        super().accept()
