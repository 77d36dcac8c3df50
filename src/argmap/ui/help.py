"""Help pages: the check rules, the keyboard shortcuts, About.

Pages are HTML built here with every piece of data escaped, shown in a
read-only QTextBrowser.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

import argmap
from argmap.analysis import RULES
from argmap.ui.actions import ACTIONS, shortcut_text


def rules_html() -> str:
    """The check rules AM001–AM008: severity, name, meaning and fix."""
    rows = "".join(
        f"<tr><td><b>{escape(r.code)}</b></td><td>{escape(r.severity)}</td><td>{escape(r.name)}</td>"
        f"<td>{escape(r.summary)}<br/><i>Fix:</i> {escape(r.fix)}</td></tr>"
        for r in sorted(RULES.values(), key=lambda r: r.code))
    return ("<h2>Check rules</h2><p>argmap checks the map after every edit. A finding names the statement "
            "concerned; click it in the Diagnostics panel to select it.</p>"
            "<table border='1' cellspacing='0' cellpadding='4'><tr><th>Code</th><th>Severity</th><th>Name</th>"
            f"<th>Meaning and fix</th></tr>{rows}</table>")


def shortcut_rows(canvas_shortcuts=()) -> list[tuple[str, str]]:
    """``(keys, what)`` for every action with a shortcut, then the canvas's own keys."""
    rows = [(shortcut_text(a.shortcut), a.text.replace("&", "").rstrip("…"))
            for a in ACTIONS if shortcut_text(a.shortcut)]
    for entry in canvas_shortcuts:
        keys, what = _pair(entry)
        rows.append((keys, what))
    return rows


def _pair(entry) -> tuple[str, str]:
    if hasattr(entry, "keys") and hasattr(entry, "name"):
        keys = entry.keys if isinstance(entry.keys, (tuple, list)) else (str(entry.keys),)
        what = entry.name + (f": {entry.description}" if getattr(entry, "description", "") else "")
        return ", ".join(keys), what
    if isinstance(entry, dict):
        return str(entry.get("keys", entry.get("key", ""))), str(entry.get("action", entry.get("text", "")))
    if isinstance(entry, (tuple, list)) and len(entry) >= 2:
        return str(entry[0]), str(entry[1])
    return str(entry), ""


def canvas_shortcuts() -> list:
    """The canvas's ``SHORTCUTS`` table, or nothing when the canvas does not publish one."""
    try:
        from argmap.ui import canvas
    except ImportError:
        return []
    table = getattr(canvas, "SHORTCUTS", ())
    return list(table.items()) if isinstance(table, dict) else list(table)


def shortcuts_html(rows: list[tuple[str, str]]) -> str:
    body = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(w)}</td></tr>" for k, w in rows)
    return f"<h2>Keyboard shortcuts</h2><table cellpadding='3'>{body}</table>"


def about_text() -> str:
    return (f"argmap {argmap.__version__}\n\nA desktop argument mapper that checks the map for unsupported "
            "conclusions while you edit.\n\nLicence: MIT.")


class HelpDialog(QDialog):
    """A read-only page of help."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 560)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def show_rules(parent: QWidget | None = None) -> HelpDialog:
    dialog = HelpDialog("Check rules", rules_html(), parent)
    dialog.show()
    return dialog


def show_shortcuts(parent: QWidget | None = None) -> HelpDialog:
    dialog = HelpDialog("Keyboard shortcuts", shortcuts_html(shortcut_rows(canvas_shortcuts())), parent)
    dialog.show()
    return dialog


def show_about(parent: QWidget | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, "About argmap", about_text(), parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
