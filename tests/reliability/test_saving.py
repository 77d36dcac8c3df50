"""Saving never loses data: a failed save leaves the old file and the edits as they were.

Each test opens a real map in the real window (offscreen), edits it, makes
the save fail (full disk, read-only folder, vanished folder), and checks
that the dialog says what happened, to which file and what to do; that the
file on disk (and its ``.bak``) is byte-identical; that no temporary file is
left behind; and that the window still holds the edits (modified, same
undo stack, same model), which a later Save As then writes.

Tests run as root here, where ``chmod`` does not stop writes, so the
read-only and full-disk cases are simulated by raising the ``OSError`` the
system would raise (``tempfile.mkstemp``, ``os.write``/``os.fsync``), and
also done for real with a read-only bind mount and a tiny tmpfs when the
process may mount (the tests skip with the reason when it may not).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from argmap.app import create_window
from argmap.commands import actions as edit
from argmap.commands.edits import execute
from argmap.formats import read_file, write_file
from argmap.model.synth import argument_like
from argmap.ui import files


class Dialogs:
    """Patched dialogs of :mod:`argmap.ui.files`: errors are recorded, Save As answers ``save_path``."""

    def __init__(self, monkeypatch):
        self.errors: list[tuple[str, str]] = []
        self.save_path = ""
        monkeypatch.setattr(files, "show_error", lambda parent, title, text: self.errors.append((title, text)))
        monkeypatch.setattr(files, "ask_save_path", lambda *a, **k: self.save_path)
        monkeypatch.setattr(files, "ask_unsaved", lambda parent, name: "discard")


@pytest.fixture
def dialogs(monkeypatch, tmp_path):
    monkeypatch.setenv("ARGMAP_RECOVERY_DIR", str(tmp_path / "recovery"))
    return Dialogs(monkeypatch)


@pytest.fixture
def open_window(qtbot, tmp_path, dialogs):
    def make(path):
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = create_window(path, settings=settings, offer_recovery=False)
        qtbot.addWidget(window)
        return window
    return make


def _write_map(folder: Path, n: int = 30) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "precious.argmap"
    write_file(argument_like(n, seed=11), path)
    return path


def _edit(window, text: str) -> None:
    doc = window.document
    execute(doc.undo_stack, edit.add_statement(doc.amap, "claim", text))
    first = next(iter(doc.amap.statements))
    execute(doc.undo_stack, edit.edit_text(doc.amap, first, text + " (changed)"))


class Snapshot:
    """The file on disk, its backup, the folder listing and the window's state before a save attempt."""

    def __init__(self, window, path: Path):
        self.path = path
        self.bytes = path.read_bytes()
        backup = path.with_name(path.name + ".bak")
        self.backup = backup.read_bytes() if backup.exists() else None
        self.listing = sorted(p.name for p in path.parent.iterdir())
        self.model = window.document.amap.copy()
        self.undo = (window.document.undo_stack.count(), window.document.undo_stack.index())
        self.doc_path = window.document.path

    def assert_window_kept_edits(self, window) -> None:
        doc = window.document
        assert doc.modified and window.isWindowModified()
        assert doc.amap == self.model
        assert (doc.undo_stack.count(), doc.undo_stack.index()) == self.undo
        assert doc.path == self.doc_path

    def assert_disk_unchanged(self, folder: Path | None = None) -> None:
        folder = folder or self.path.parent
        path = folder / self.path.name
        assert path.read_bytes() == self.bytes
        backup = path.with_name(path.name + ".bak")
        assert (backup.read_bytes() if backup.exists() else None) == self.backup
        assert sorted(p.name for p in folder.iterdir()) == self.listing  # no temporary file left


def _saved_once_then_edited(open_window, folder: Path):
    """A window on a map that was saved once from the window (so a ``.bak`` exists), then edited again."""
    path = _write_map(folder)
    window = open_window(path)
    _edit(window, "First session edit")
    assert window.files.save()
    _edit(window, "Edit that must not be lost")
    return window, path


def _assert_dialog(dialogs: Dialogs, path: Path, *phrases: str) -> str:
    assert len(dialogs.errors) == 1, dialogs.errors
    title, text = dialogs.errors[0]
    assert title == "Could not save the map"
    assert str(path) in text                        # which file
    assert "edits are kept" in text and "was not changed" in text
    assert "What to do:" in text                    # what to do
    for phrase in phrases:                          # what happened
        assert phrase in text, text
    return text


def _save_elsewhere_works(window, dialogs: Dialogs, folder: Path, snapshot: Snapshot) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    dialogs.save_path = str(folder / "rescued.argmap")
    assert window.files.save_as()
    assert read_file(folder / "rescued.argmap") == snapshot.model
    assert not window.document.modified


# ---------------------------------------------------------------- full disk
def _fail_fsync(fd):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class _FullDiskFile:
    """Stands for the temporary file: every write fails as on a full disk."""

    def __init__(self, fd: int):
        self.fd = fd

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        os.close(self.fd)
        return False

    def write(self, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("where", ["write", "fsync"])
def test_full_disk_keeps_old_file_and_edits(open_window, dialogs, tmp_path, monkeypatch, where):
    window, path = _saved_once_then_edited(open_window, tmp_path / "maps")
    before = Snapshot(window, path)
    with monkeypatch.context() as patch:
        if where == "fsync":
            patch.setattr(os, "fsync", _fail_fsync)
        else:
            patch.setattr(os, "fdopen", lambda fd, *a, **k: _FullDiskFile(fd))
        assert not window.files.save()
    _assert_dialog(dialogs, path, "the disk is full", "free some disk space")
    before.assert_disk_unchanged()
    before.assert_window_kept_edits(window)
    _save_elsewhere_works(window, dialogs, tmp_path / "other", before)


@contextlib.contextmanager
def _mounted(*args: str):
    """``mount ARGS``; skips the test when this process may not mount."""
    target = args[-1]
    try:
        done = subprocess.run(["mount", *args], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot run mount: {exc}")
    if done.returncode != 0:
        pytest.skip(f"mount is not permitted here: {done.stderr.strip()}")
    try:
        yield Path(target)
    finally:
        subprocess.run(["umount", "-l", target], capture_output=True, timeout=20)


def test_full_disk_for_real_on_a_tiny_tmpfs(open_window, dialogs, tmp_path):
    disk = tmp_path / "tiny"
    disk.mkdir()
    with _mounted("-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)):
        path = _write_map(disk, n=20)
        window = open_window(path)
        doc = window.document
        for k in range(4):  # ~4 x 100 KB of text: more than the disk holds beside the old file
            execute(doc.undo_stack, edit.add_statement(doc.amap, "claim", f"Long statement {k} " + "x" * 100_000))
        before = Snapshot(window, path)
        assert not window.files.save()
        _assert_dialog(dialogs, path, "the disk is full")
        before.assert_disk_unchanged()
        before.assert_window_kept_edits(window)
        _save_elsewhere_works(window, dialogs, tmp_path / "big-disk", before)


# ---------------------------------------------------------------- read-only folder
def test_read_only_folder_simulated(open_window, dialogs, tmp_path, monkeypatch):
    window, path = _saved_once_then_edited(open_window, tmp_path / "maps")
    before = Snapshot(window, path)

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), kwargs.get("dir"))

    with monkeypatch.context() as patch:
        patch.setattr(tempfile, "mkstemp", refuse)
        assert not window.files.save()
    _assert_dialog(dialogs, path, f"not allowed to write in the folder {path.parent}", "Save As")
    before.assert_disk_unchanged()
    before.assert_window_kept_edits(window)
    _save_elsewhere_works(window, dialogs, tmp_path / "other", before)


def test_read_only_folder_for_real_with_a_read_only_bind_mount(open_window, dialogs, tmp_path):
    window, path = _saved_once_then_edited(open_window, tmp_path / "maps")
    before = Snapshot(window, path)
    folder = str(path.parent)
    with _mounted("--bind", folder, folder):
        done = subprocess.run(["mount", "-o", "remount,ro,bind", folder], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot remount read-only: {done.stderr.strip()}")
        assert not window.files.save()
        _assert_dialog(dialogs, path, f"the folder {path.parent} is on a read-only disk")
        before.assert_disk_unchanged()
    before.assert_disk_unchanged()
    before.assert_window_kept_edits(window)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a chmod 0o500 folder anyway (see the mount test)")
def test_read_only_folder_for_real_with_chmod(open_window, dialogs, tmp_path):
    window, path = _saved_once_then_edited(open_window, tmp_path / "maps")
    before = Snapshot(window, path)
    path.parent.chmod(0o500)
    try:
        assert not window.files.save()
    finally:
        path.parent.chmod(0o700)
    _assert_dialog(dialogs, path, f"not allowed to write in the folder {path.parent}")
    before.assert_disk_unchanged()
    before.assert_window_kept_edits(window)


# ---------------------------------------------------------------- vanished folder
def test_folder_moved_away_after_opening(open_window, dialogs, tmp_path):
    window, path = _saved_once_then_edited(open_window, tmp_path / "usb-stick")
    before = Snapshot(window, path)
    moved = tmp_path / "stick-unplugged"
    path.parent.rename(moved)
    assert not window.files.save()
    _assert_dialog(dialogs, path, f"the folder {path.parent} no longer exists", "choose a folder that exists")
    assert not path.parent.exists()          # nothing re-created at the old place
    before.assert_disk_unchanged(moved)      # the old file, where it went, is byte-identical
    before.assert_window_kept_edits(window)
    _save_elsewhere_works(window, dialogs, tmp_path / "other", before)


def test_folder_deleted_after_opening(open_window, dialogs, tmp_path):
    path = _write_map(tmp_path / "gone")
    window = open_window(path)
    _edit(window, "Edit that must not be lost")
    model = window.document.amap.copy()
    undo = window.document.undo_stack.count()
    shutil.rmtree(path.parent)
    assert not window.files.save()
    _assert_dialog(dialogs, path, "no longer exists")
    assert not path.parent.exists()
    assert window.document.modified and window.document.amap == model
    assert window.document.undo_stack.count() == undo
    window.document.undo_stack.undo()        # the history still works after the failure
    window.document.undo_stack.redo()
    assert window.document.amap == model
