"""Small helpers shared by the panels."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QWidget

from argmap.commands.edits import execute
from argmap.model import ModelError

SEVERITIES = ("error", "warning", "info")

_ICONS = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}


def severity_icon(widget: QWidget, severity: str) -> QIcon:
    """The standard style icon of a severity (error, warning, info)."""
    return widget.style().standardIcon(_ICONS.get(severity, _ICONS["info"]))


def short(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def counts_text(summary: dict) -> str:
    """``"2 errors · 1 warning · 0 info"`` from a report summary."""
    e, w, i = (int(summary.get(k, 0)) for k in SEVERITIES)
    return f"{e} error{'s' * (e != 1)} · {w} warning{'s' * (w != 1)} · {i} info"


class CommandPusher:
    """Mixed into a panel whose edits are commands on its ``document``'s undo stack; it says what it did.

    Needs the panel's ``document`` and ``message(str)`` signal. A change the
    model refuses is said through :meth:`_refused` (override it to show the
    element as it still is), never raised.
    """

    def _push(self, command, done: str = "") -> bool:
        """Run ``command`` (or the one ``command()`` makes: making it may be refused too); True when done.

        ``done``, when given, is said after it.
        """
        try:
            execute(self.document.undo_stack, command() if callable(command) else command)
        except ModelError as exc:
            self._refused(str(exc))
            return False
        if done:
            self.message.emit(done)
        return True

    def _refused(self, reason: str) -> None:
        self.message.emit(reason)
