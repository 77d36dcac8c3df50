"""Files of the main window: unsaved-changes prompt, atomic save, failures, autosave and recovery, open/drop."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent

from argmap.app import create_window
from argmap.commands import actions as edit
from argmap.commands.edits import execute
from argmap.formats import read_file, write_file
from argmap.formats.native import dumps
from argmap.model.synth import argument_like
from argmap.ui import files


class Dialogs:
    """Answers for the dialogs of :mod:`argmap.ui.files`, and what they were shown."""

    def __init__(self, monkeypatch):
        self.unsaved = "discard"
        self.save_path = ""
        self.open_path = ""
        self.restore = True
        self.asked: list[str] = []
        self.errors: list[str] = []
        self.warnings: list[list[str]] = []
        monkeypatch.setattr(files, "ask_unsaved", self._ask_unsaved)
        monkeypatch.setattr(files, "ask_save_path", lambda *a, **k: self.save_path)
        monkeypatch.setattr(files, "ask_open_path", lambda *a, **k: self.open_path)
        monkeypatch.setattr(files, "ask_restore", lambda parent, rec: self.asked.append("restore") or self.restore)
        monkeypatch.setattr(files, "show_error", lambda parent, title, text: self.errors.append(text))
        monkeypatch.setattr(files, "show_warnings", lambda parent, name, w: self.warnings.append(list(w)))

    def _ask_unsaved(self, parent, name):
        self.asked.append("unsaved")
        return self.unsaved


@pytest.fixture
def dialogs(monkeypatch, tmp_path):
    monkeypatch.setenv("ARGMAP_RECOVERY_DIR", str(tmp_path / "recovery"))
    return Dialogs(monkeypatch)


@pytest.fixture
def make_window(qtbot, tmp_path, dialogs):
    def make(path=None, recovery=False):
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        w = create_window(path, settings=settings, offer_recovery=recovery)
        qtbot.addWidget(w)
        return w
    return make


@pytest.fixture
def saved_map(tmp_path) -> Path:
    path = tmp_path / "maps" / "twenty.argmap"
    path.parent.mkdir()
    write_file(argument_like(20, seed=3), path)
    return path


def _edit(window, text="An edit"):
    execute(window.document.undo_stack, edit.add_statement(window.document.amap, "claim", text))


def test_unsaved_changes_cancel_keeps_the_window(make_window, dialogs, saved_map):
    w = make_window(saved_map)
    _edit(w)
    dialogs.unsaved = "cancel"
    assert not w.close()
    assert dialogs.asked == ["unsaved"]
    assert w.document.modified and len(w.document.amap) == 21


def test_unsaved_changes_discard_drops_them(make_window, dialogs, saved_map):
    w = make_window(saved_map)
    _edit(w)
    dialogs.unsaved = "discard"
    assert w.files.new_file()
    assert len(w.document.amap) == 0 and not w.document.modified
    assert read_file(saved_map) == argument_like(20, seed=3)


def test_unsaved_changes_save_writes_the_file(make_window, dialogs, saved_map):
    w = make_window(saved_map)
    _edit(w, "Saved on the way out")
    dialogs.unsaved = "save"
    assert w.close()
    back = read_file(saved_map)
    assert back == w.document.amap
    assert any(s.text == "Saved on the way out" for s in back.statements.values())


def test_untitled_save_asks_for_a_name_and_keeps_a_backup(make_window, dialogs, tmp_path):
    w = make_window()
    assert w.document.path is None
    target = tmp_path / "mine"
    dialogs.save_path = str(target)
    assert w.files.save()
    written = tmp_path / "mine.argmap"
    assert written.read_text(encoding="utf-8") == dumps(w.document.amap)
    assert w.document.path == written and not w.document.modified
    assert "mine.argmap" in w.windowTitle() and not w.isWindowModified()
    first = written.read_bytes()
    _edit(w)
    assert w.isWindowModified()
    assert w.files.save()
    assert (tmp_path / "mine.argmap.bak").read_bytes() == first
    assert read_file(written) == w.document.amap
    assert w.files.recent.paths()[0] == str(written.resolve())


def test_failed_save_shows_why_and_keeps_the_edits(make_window, dialogs, saved_map):
    w = make_window(saved_map)
    _edit(w, "Precious edit")
    edited = w.document.amap.copy()
    gone = saved_map.parent / "vanished" / "twenty.argmap"
    assert not w.files.write(gone)
    assert len(dialogs.errors) == 1
    assert "vanished" in dialogs.errors[0] and "edits are kept" in dialogs.errors[0]
    assert w.document.modified and w.document.path == saved_map
    assert w.document.amap == edited
    assert read_file(saved_map) == argument_like(20, seed=3)


def test_autosave_then_crash_then_restore(make_window, dialogs, saved_map, tmp_path):
    w = make_window(saved_map)
    _edit(w, "Unsaved work")
    edited = w.document.amap.copy()
    assert w.files.autosave.save_now()
    recovery = w.files.autosave.path
    assert recovery.is_file() and recovery.parent == tmp_path / "recovery"
    assert files.find_recoveries() == []  # a live window's file is not offered
    w.files.autosave._lock.unlock()  # the process dies: the files stay, the lock goes
    w.files.autosave._lock = None
    w.document.undo_stack.setClean()  # (no prompt when the test closes it)
    found = files.find_recoveries()
    assert [r.path for r in found] == [recovery] and found[0].original == str(saved_map)
    again = make_window(recovery=True)
    assert "restore" in dialogs.asked
    assert again.document.amap == edited
    assert again.document.modified and again.document.path == saved_map
    assert not recovery.exists()


def test_declined_recovery_is_discarded(make_window, dialogs, tmp_path):
    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / "left.argmap").write_text(dumps(argument_like(5)), encoding="utf-8")
    dialogs.restore = False
    w = make_window(recovery=True)
    assert dialogs.asked == ["restore"]
    assert not (folder / "left.argmap").exists()
    assert w.document.path is None and not w.document.modified


def test_unreadable_file_shows_the_loader_message(make_window, dialogs, tmp_path):
    bad = tmp_path / "broken.argmap"
    bad.write_text('{"format": "argmap", "version": 1, "statements": [{"id": "s1"}]}', encoding="utf-8")
    make_window(bad)
    assert len(dialogs.errors) == 1
    assert "broken.argmap" in dialogs.errors[0] and "kind" in dialogs.errors[0]


def test_revert_reads_the_file_again(make_window, dialogs, saved_map):
    w = make_window(saved_map)
    _edit(w)
    dialogs.unsaved = "discard"
    assert w.files.revert()
    assert w.document.amap == read_file(saved_map) and not w.document.modified


def test_drop_a_file_on_the_window_opens_it(make_window, dialogs, saved_map):
    w = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(saved_map))])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    w.dropEvent(event)
    assert w.document.path == saved_map
    assert w.document.amap == read_file(saved_map)


def test_open_and_export_other_formats(make_window, dialogs, saved_map, tmp_path):
    w = make_window(saved_map)
    dot = tmp_path / "map.dot"
    dialogs.save_path = str(dot)
    assert w.files.export_file()
    assert dot.read_text(encoding="utf-8").lstrip().startswith(("digraph", "strict digraph"))
    assert w.document.path == saved_map


@pytest.mark.corpus
def test_open_an_aif_corpus_map_as_untitled_copy(make_window, dialogs, corpora_dir):
    source = sorted((corpora_dir / "aif" / "araucaria").glob("*.json"))[0]
    w = make_window()
    assert w.files.open_path(source)
    assert w.document.path is None
    assert len(w.document.amap) > 0
    assert w.files.suggested_name.endswith(".argmap")
