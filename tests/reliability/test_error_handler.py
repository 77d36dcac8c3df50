"""Uncaught exceptions: a recovery copy, a dialog for people, and the window keeps working.

pytest-qt normally catches exceptions raised in Qt slots itself; these tests
turn that off (``qt_no_exception_capture``) so the app's own handler
(``sys.excepthook`` set by :func:`argmap.ui.errors.install`) gets them,
as it does in the running app.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from argmap.app import create_window
from argmap.commands import actions as edit
from argmap.commands.edits import execute
from argmap.formats import read_file, write_file
from argmap.model.synth import argument_like
from argmap.ui import errors, files

pytestmark = pytest.mark.qt_no_exception_capture


class Crashes:
    """Records what the crash dialog would show."""

    def __init__(self, monkeypatch):
        self.shown: list[tuple[str, str]] = []
        monkeypatch.setattr(errors, "show_crash", lambda parent, summary, details: self.shown.append(
            (summary, details)))


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("ARGMAP_RECOVERY_DIR", str(tmp_path / "recovery"))
    monkeypatch.setattr(files, "ask_unsaved", lambda parent, name: "discard")
    path = tmp_path / "map.argmap"
    write_file(argument_like(15, seed=2), path)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = create_window(path, settings=settings, offer_recovery=False)
    qtbot.addWidget(w)
    w.show()
    handler = errors.install(w)
    yield w
    handler.uninstall()


def _broken_slot():
    raise RuntimeError("the <b>sky</b> fell & nobody caught it")


def _edit(w, text="Work in progress"):
    execute(w.document.undo_stack, edit.add_statement(w.document.amap, "claim", text))


def test_error_in_a_timer_slot_saves_a_recovery_copy_and_shows_a_dialog(window, qtbot, monkeypatch):
    crashes = Crashes(monkeypatch)
    assert sys.excepthook == window.error_handler.handle
    _edit(window)
    edited = window.document.amap.copy()
    QTimer.singleShot(0, _broken_slot)
    qtbot.waitUntil(lambda: bool(crashes.shown), timeout=5000)
    summary, details = crashes.shown[0]
    recovery = window.files.autosave.path
    assert "RuntimeError" in summary and "the <b>sky</b> fell" in summary
    assert str(window.document.path) in summary and str(recovery) in summary
    assert "keep working" in summary
    assert details.startswith("Traceback") and "_broken_slot" in details
    assert read_file(recovery) == edited                 # the edits are safe on disk
    assert files.find_recoveries() == []                 # still owned by the live window
    # ... and the window goes on working
    assert window.isVisible() and not QApplication.closingDown()
    _edit(window, "Written after the error")
    assert len(window.document.amap) == len(edited) + 1
    window.document.undo_stack.undo()
    assert window.document.amap == edited


def test_an_unmodified_map_needs_no_recovery_copy(window, qtbot, monkeypatch):
    crashes = Crashes(monkeypatch)
    QTimer.singleShot(0, _broken_slot)
    qtbot.waitUntil(lambda: bool(crashes.shown), timeout=5000)
    assert "no unsaved changes" in crashes.shown[0][0]
    assert not window.files.autosave.path.exists()


def test_a_repeating_error_shows_one_dialog(window, qtbot, monkeypatch):
    crashes = Crashes(monkeypatch)
    timer = QTimer(window)
    timer.setInterval(5)
    timer.timeout.connect(_broken_slot)
    timer.start()
    qtbot.waitUntil(lambda: len(window.error_handler.handled) >= 5, timeout=5000)
    timer.stop()
    assert len(crashes.shown) == 1


def test_the_real_dialog_is_plain_text_with_details(window, qtbot):
    seen = {}

    def inspect_and_close():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, inspect_and_close)
            return
        seen.update(format=box.textFormat(), text=box.text(), details=box.detailedText(),
                    buttons=[b.text() for b in box.buttons()])
        box.accept()

    QTimer.singleShot(20, inspect_and_close)
    QTimer.singleShot(0, _broken_slot)
    qtbot.waitUntil(lambda: "text" in seen, timeout=5000)
    assert seen["format"] == Qt.TextFormat.PlainText
    assert "<b>sky</b>" in seen["text"]                  # shown as typed, never as HTML
    assert "Traceback" in seen["details"] and "_broken_slot" in seen["details"]
    assert "Keep working" in seen["buttons"]
    assert window.isVisible()


def test_uninstall_gives_the_hook_back(window):
    handler = window.error_handler
    previous = handler._previous
    handler.uninstall()
    assert sys.excepthook is previous
