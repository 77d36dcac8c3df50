"""Help pages: the check rules, the keyboard shortcuts, About.

Pages are HTML built here with every piece of data escaped, shown in a
read-only QTextBrowser.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

import argmap
from argmap.analysis import RULES
from argmap.ui.actions import ACTIONS, GESTURES, shortcut_text
from argmap.ui.widgets import show_plain


def rules_html() -> str:
    """Every check rule (the registry: AM001–AM012 today): severity, name, meaning and fix."""
    rows = "".join(
        f"<tr><td><b>{escape(r.code)}</b></td><td>{escape(r.severity)}</td><td>{escape(r.name)}</td>"
        f"<td>{escape(r.summary)}<br/><i>Fix:</i> {escape(r.fix)}</td></tr>"
        for r in sorted(RULES.values(), key=lambda r: r.code))
    return ("<h2>Check rules</h2><p>argmap checks the map after every edit. A finding names the statement "
            "concerned; click it in the Diagnostics panel to select it.</p>"
            "<table border='1' cellspacing='0' cellpadding='4'><tr><th>Code</th><th>Severity</th><th>Name</th>"
            f"<th>Meaning and fix</th></tr>{rows}</table>")


def shortcut_rows() -> list[tuple[str, str]]:
    """``(keys, what)`` for every row of the actions table that has keys, then the mouse gestures.

    Keys read as this platform names them; "what" is the action's name and,
    for the canvas keys, what it does.
    """
    rows = []
    for spec in ACTIONS:
        keys = shortcut_text(spec.shortcut)
        if not keys:
            continue
        what = spec.text.replace("&", "").rstrip("…")
        if spec.scope == "canvas":
            what += " (on the canvas)"
        if spec.tip and (spec.scope == "canvas" or not spec.slot):
            what += f": {spec.tip}"
        rows.append((keys, what))
    return rows + list(GESTURES)


def shortcuts_html(rows: list[tuple[str, str]]) -> str:
    body = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(w)}</td></tr>" for k, w in rows)
    return ("<h2>Keyboard shortcuts</h2><p>Keys marked “on the canvas” work while the map has the keyboard "
            "focus (click it, or Ctrl+Tab to it); the menus run them on the selection too. The mouse gestures "
            "close the list.</p>"
            f"<table cellpadding='3'>{body}</table>")


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
    dialog = HelpDialog("Keyboard shortcuts", shortcuts_html(shortcut_rows()), parent)
    dialog.show()
    return dialog


def show_about(parent: QWidget | None = None) -> None:
    show_plain(parent, QMessageBox.Icon.Information, "About argmap", about_text())
