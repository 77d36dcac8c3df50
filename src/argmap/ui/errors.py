"""Errors for people: file errors in plain words, and uncaught exceptions as a dialog, never a dead window.

:class:`ErrorHandler` replaces ``sys.excepthook`` while the main window
lives. PySide6 hands exceptions raised in Python slots and in overridden
Qt methods (``paintEvent``, ...) to ``sys.excepthook`` too, so one handler
covers both. On an exception it

1. prints the traceback on stderr (for bug reports and logs),
2. writes the current map to the recovery folder (the autosave file), so
   a crash right after cannot lose the edits,
3. shows a dialog with a plain summary and the traceback as expandable,
   plain-text details, and returns: the event loop goes on and the user
   keeps working.

The same error repeating (a broken ``paintEvent`` fires on every repaint)
is shown once per :data:`REPEAT_SECONDS`, and never while its own dialog
is open.
"""

from __future__ import annotations

import errno
import os
import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

REPEAT_SECONDS = 30.0
"""The same error (type and place) is shown again only after this many seconds."""


# ---------------------------------------------------------------- file errors in plain words
_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EROFS: "the folder {folder} is on a read-only disk",
    errno.EACCES: "argmap is not allowed to write in the folder {folder}",
    errno.EPERM: "argmap is not allowed to write in the folder {folder}",
    errno.ENOENT: "the folder {folder} no longer exists (moved, deleted, or its disk was removed)",
    errno.ENOTDIR: "the folder {folder} no longer exists (moved, deleted, or its disk was removed)",
    errno.EIO: "the disk reported an input/output error",
}

_ADVICE = {
    errno.ENOSPC: "free some disk space and save again, or use File > Save As to save on another disk",
    errno.EDQUOT: "delete some files and save again, or use File > Save As to save on another disk",
    errno.ENOENT: "use File > Save As to choose a folder that exists",
    errno.ENOTDIR: "use File > Save As to choose a folder that exists",
}


def failure_reason(path: str | os.PathLike, exc: OSError) -> str:
    """What went wrong writing ``path``, in plain words ("the disk is full")."""
    folder = Path(path).parent
    reason = _REASONS.get(exc.errno)
    if reason is None:
        return f"the system said: {exc.strerror or exc}"
    return reason.format(folder=folder)


def save_failure_text(path: str | os.PathLike, reason: str, code: int | None = None) -> str:
    """The text of the "Could not save" dialog: what happened, to which file, what to do."""
    advice = _ADVICE.get(code, "use File > Save As to save to another folder or disk")
    return (f"{Path(path).name} was not saved: {reason}.\n\n"
            f"File: {path}\n\n"
            "The file on disk was not changed. Your edits are kept in this window, unsaved.\n"
            f"What to do: {advice}.")


def open_failure_text(exc: Exception) -> str:
    """The text of the "Could not open" dialog (the reader's one-line message, then what to do)."""
    return (f"{exc}\n\nThe file was not opened and was not changed. Check that it is a map argmap reads "
            "(the message above names the line and the rule); the window keeps showing its current map.")


# ---------------------------------------------------------------- uncaught exceptions


def show_crash(parent: QWidget | None, summary: str, details: str) -> None:
    """The "Something went wrong" dialog (tests replace this).

    Parameters
    ----------
    parent : QWidget or None
        The window the dialog belongs to.
    summary : str
        What happened and what to do, in plain words.
    details : str
        The traceback, shown as plain text under "Show Details...".
    """
    box = QMessageBox(QMessageBox.Icon.Critical, "Something went wrong", summary, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDetailedText(details)  # QMessageBox shows detailed text as plain text
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText("Keep working")
    box.exec()


def summary_text(exc: BaseException, saved_to: str, original: str) -> str:
    """The plain summary of an unexpected error.

    Parameters
    ----------
    exc : BaseException
        The exception.
    saved_to : str
        The recovery file the map was written to, ``""`` when nothing needed
        saving, or ``"!"`` when writing it failed.
    original : str
        The file the map was opened from (``""`` for an untitled map).
    """
    name = original or "your untitled map"
    what = f"argmap hit an unexpected error: {type(exc).__name__}: {_one_line(exc)}."
    if saved_to == "!":
        safety = (f"argmap could not write a recovery copy of {name}. Save your work now with "
                  "File > Save As, preferably under a new name.")
    elif saved_to:
        safety = (f"Your unsaved changes to {name} were written to the recovery file {saved_to}; "
                  "if argmap stops, they will be offered the next time it starts.")
    else:
        safety = f"{name} had no unsaved changes, so nothing was lost."
    return (f"{what}\n\n{safety}\n\nYou can keep working. If this happens again, save your map, "
            "restart argmap and report the problem with the details below.")


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] + "…" if len(text) > 300 else (text or "no message")


class ErrorHandler(QObject):
    """Catches uncaught exceptions for one main window (see the module docstring).

    Parameters
    ----------
    window : MainWindow
        Provides ``document`` and ``files.autosave``; parent of the dialog.
    """

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.handled: list[BaseException] = []
        self._previous = None
        self._busy = False
        self._last_shown: dict[tuple, float] = {}

    def install(self) -> None:
        """Become ``sys.excepthook`` (the previous hook is kept for :meth:`uninstall`)."""
        if sys.excepthook is not self.handle:
            self._previous = sys.excepthook
            sys.excepthook = self.handle

    def uninstall(self) -> None:
        """Give ``sys.excepthook`` back."""
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous or sys.__excepthook__
        self._previous = None

    def handle(self, exc_type, exc, tb) -> None:
        """The hook: log, save a recovery copy, tell the user, return to the event loop."""
        if issubclass(exc_type, (KeyboardInterrupt, SystemExit)):
            (self._previous or sys.__excepthook__)(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        sys.stderr.write(details)
        self.handled.append(exc)
        if self._busy:
            return  # an error while our own dialog is open: logged above, not stacked
        self._busy = True
        try:
            saved = self._save_recovery()
            if self._should_show(exc_type, tb):
                show_crash(self.window, summary_text(exc, saved, self._original()), details)
        finally:
            self._busy = False

    def _save_recovery(self) -> str:
        try:
            autosave = self.window.files.autosave
            if not self.window.document.modified:
                return ""
            return str(autosave.path) if autosave.save_now() else "!"
        except Exception:  # noqa: BLE001 - the handler itself must never raise
            return "!"

    def _original(self) -> str:
        try:
            path = self.window.document.path
        except Exception:  # noqa: BLE001 - a half-built window
            return ""
        return str(path) if path else ""

    def _should_show(self, exc_type, tb) -> bool:
        frames = traceback.extract_tb(tb) if tb is not None else []
        where = (frames[-1].filename, frames[-1].lineno) if frames else ("", 0)
        key = (exc_type.__name__, *where)
        now = time.monotonic()
        last = self._last_shown.get(key)
        if last is not None and now - last < REPEAT_SECONDS:
            return False
        self._last_shown[key] = now
        return True


def install(window) -> ErrorHandler:
    """Catch uncaught exceptions for ``window`` from now on; returns the handler (kept on the window)."""
    handler = ErrorHandler(window)
    handler.install()
    window.error_handler = handler
    window.destroyed.connect(lambda *_: handler.uninstall())
    return handler
