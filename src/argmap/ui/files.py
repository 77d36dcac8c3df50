"""Files of the main window: open, save, revert, recent files, autosave and crash recovery.

Every dialog goes through a small function of this module (``ask_*``,
``show_*``) so that tests can replace it. Saving goes through
:func:`argmap.formats.write_file` (atomic, keeps a ``.bak``); a failure is
shown and the edits stay in the window. Autosave and the recovery files a
crash leaves behind are in :mod:`argmap.ui.recovery`.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from argmap.commands.document import rebased_path
from argmap.formats import FORMATS, read_file, write_file
from argmap.model import ArgumentMap, FormatError
from argmap.ui.errors import failure_reason, open_failure_text, save_failure_text
from argmap.ui.recovery import Autosave, Recovery, find_recoveries, recovery_dir
from argmap.ui.widgets import plain_box

__all__ = ["Autosave", "FileController", "RecentFiles", "Recovery", "find_recoveries", "recovery_dir"]

MAX_RECENT = 10


# ---------------------------------------------------------------- dialogs (tests patch these)
def ask_unsaved(parent: QWidget, name: str) -> str:
    """Ask what to do with unsaved changes: ``"save"``, ``"discard"`` or ``"cancel"``."""
    box = plain_box(QMessageBox.Icon.Warning, "Unsaved changes", f"Save the changes to {name} before closing?",
                    parent)
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    return {QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard"}.get(QMessageBox.StandardButton(answer), "cancel")


def show_error(parent: QWidget, title: str, text: str) -> None:
    """A modal error message (plain text)."""
    plain_box(QMessageBox.Icon.Critical, title, text, parent).exec()


def show_warnings(parent: QWidget, name: str, warnings: list[str]) -> None:
    """What a reader or writer could not carry over, one line each."""
    box = plain_box(QMessageBox.Icon.Information, "Not everything carried over",
                    f"{name}: {len(warnings)} thing(s) could not be carried over.", parent)
    box.setDetailedText("\n".join(warnings))
    box.exec()


def ask_restore(parent: QWidget, recovery: Recovery) -> bool:
    """Offer to restore a recovery file left by a crash."""
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(recovery.saved_at))
    name = recovery.original or "an untitled map"
    box = plain_box(QMessageBox.Icon.Question, "Restore unsaved changes?",
                    f"argmap did not close properly. Restore the unsaved changes to {name} from {when}?", parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_open_path(parent: QWidget, title: str, filters: str, folder: str = "") -> str:
    """A file name to open, or ``""``."""
    return QFileDialog.getOpenFileName(parent, title, folder, filters)[0]


def ask_save_path(parent: QWidget, title: str, filters: str, suggested: str = "") -> str:
    """A file name to write, or ``""``."""
    return QFileDialog.getSaveFileName(parent, title, suggested, filters)[0]


# ---------------------------------------------------------------- file filters
def read_filters(native: bool = True) -> str:
    """File-dialog filters of every readable format (native first when ``native``)."""
    fmts = [f for f in FORMATS.values() if f.reader and (native or f.name != "argmap")]
    every = " ".join(f"*{e}" for f in fmts for e in f.extensions)
    rows = [f"All readable maps ({every})"] + [_filter(f) for f in fmts]
    return ";;".join(rows + ["All files (*)"])


def write_filters(native: bool = False) -> str:
    """File-dialog filters of every writable format (without the native one unless ``native``)."""
    fmts = [f for f in FORMATS.values() if f.writer and (native or f.name != "argmap")]
    return ";;".join(_filter(f) for f in fmts)


def _filter(fmt) -> str:
    return f"{fmt.label or fmt.name} ({' '.join('*' + e for e in fmt.extensions)})"


def saved_text(path: Path, amap: ArgumentMap) -> str:
    """The status line after saving: says when merge conflicts are still listed in the file."""
    left = len(amap.merge_conflicts)
    if not left:
        return f"Saved {path}"
    return (f"Saved {path} with {left} merge conflict{'s' * (left != 1)} still to settle: the file keeps "
            f"{'them' if left != 1 else 'it'} listed (merge_conflicts) until settled")


def is_native(path: str | os.PathLike) -> bool:
    return Path(path).suffix.lower() == ".argmap"


def load_map(path: str | os.PathLike) -> tuple[ArgumentMap, list[str]]:
    """Read any readable format; returns the map and what could not be carried over.

    Raises
    ------
    FormatError
        With the reader's one-line message.
    """
    warnings: list[str] = []
    return read_file(path, warnings=warnings), warnings


def save_map(amap: ArgumentMap, path: str | os.PathLike) -> str:
    """Write ``amap`` atomically; returns ``""`` or a one-line reason it failed."""
    try:
        write_file(amap, path)
    except FormatError as exc:
        return str(exc)
    except OSError as exc:
        return f"{path}: {failure_reason(path, exc)}"
    return ""


# ---------------------------------------------------------------- recent files
class RecentFiles:
    """The most recently opened or saved files, newest first, kept in QSettings."""

    KEY = "files/recent"

    def __init__(self, settings: QSettings):
        self.settings = settings

    def paths(self) -> list[str]:
        value = self.settings.value(self.KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(p) for p in (value or [])]

    def add(self, path: str | os.PathLike) -> None:
        path = str(Path(path).resolve())
        rows = [path] + [p for p in self.paths() if p != path]
        self.settings.setValue(self.KEY, rows[:MAX_RECENT])

    def remove(self, path: str) -> None:
        self.settings.setValue(self.KEY, [p for p in self.paths() if p != path])

    def clear(self) -> None:
        self.settings.setValue(self.KEY, [])


# ---------------------------------------------------------------- the window's file slots
class FileController(QObject):
    """The File menu of one window: every slot asks about unsaved changes before it loses them.

    The window provides ``document``, ``settings``, ``load(amap, path, ...)``
    and ``statusBar()``.
    """

    def __init__(self, window, minutes: float = 1.0):
        super().__init__(window)
        self.window = window
        self.recent = RecentFiles(window.settings)
        self.autosave = Autosave(window.document, minutes, self)
        self.suggested_name = ""

    @property
    def document(self):
        return self.window.document

    # ------------------------------------------------------------ opening
    def new_file(self) -> bool:
        if not self.maybe_save():
            return False
        self.suggested_name = ""
        self.window.load(ArgumentMap(title="Untitled map"), None)
        return True

    def open_file(self) -> bool:
        if not self.maybe_save():
            return False
        path = ask_open_path(self.window, "Open map", read_filters(), self._folder())
        return bool(path) and self.open_path(path, ask=False)

    def import_file(self) -> bool:
        if not self.maybe_save():
            return False
        path = ask_open_path(self.window, "Import map", read_filters(native=False), self._folder())
        return bool(path) and self.open_path(path, ask=False, as_copy=True)

    def open_path(self, path: str | os.PathLike, *, ask: bool = True, as_copy: bool = False) -> bool:
        """Open ``path`` in this window; a map in another format opens as an untitled copy."""
        if ask and not self.maybe_save():
            return False
        try:
            amap, warnings = load_map(path)
        except FormatError as exc:
            show_error(self.window, "Could not open the map", open_failure_text(exc))
            return False
        native = is_native(path) and not as_copy
        self.suggested_name = "" if native else str(Path(path).with_suffix(".argmap"))
        self.window.load(amap, Path(path) if native else None, source_base=Path(path).parent)
        self.recent.add(path)
        self.autosave.discard()
        if warnings:
            show_warnings(self.window, Path(path).name, warnings)
        return True

    def revert(self) -> bool:
        """Read the file again, dropping the edits (after asking)."""
        path = self.document.path
        if path is None:
            return False
        if self.document.modified and ask_unsaved(self.window, self.document.display_name()) == "cancel":
            return False
        return self.open_path(path, ask=False)

    def close_file(self) -> bool:
        return self.new_file()

    # ------------------------------------------------------------ saving
    def save(self) -> bool:
        path = self.document.path
        if path is None or not is_native(path):
            return self.save_as()
        return self.write(path)

    def save_as(self) -> bool:
        suggested = self.suggested_name or str(self.document.path or Path(self._folder(), "untitled.argmap"))
        path = ask_save_path(self.window, "Save map as", "argmap map (*.argmap)", suggested)
        if not path:
            return False
        if not is_native(path):
            path += ".argmap"
        return self.write(Path(path))

    def write(self, path: Path) -> bool:
        """Save to ``path``; on failure show why and keep the edits (the document stays modified)."""
        old_base = self.window.source.folder()
        amap = self.document.amap
        stored = rebased_path(amap.source.path, old_base, path.parent)
        if stored != amap.source.path:  # written relative to the new folder (the map keeps the same text)
            amap = amap.copy()
            amap.source = replace(amap.source, path=stored)
        try:
            write_file(amap, path)
        except (FormatError, OSError) as exc:
            reason = failure_reason(path, exc) if isinstance(exc, OSError) else exc.rule
            code = exc.errno if isinstance(exc, OSError) else None
            show_error(self.window, "Could not save the map", save_failure_text(path, reason, code))
            return False
        self.document.set_path(path)
        self.document.rebase_source(old_base, path.parent)
        self.document.mark_saved()
        self.suggested_name = ""
        self.recent.add(path)
        self.autosave.discard()
        self.window.statusBar().showMessage(saved_text(path, self.document.amap), 8000)
        return True

    def export_file(self) -> bool:
        """Write the map in another format (the document keeps its own file)."""
        path = ask_save_path(self.window, "Export map", write_filters(), self._folder())
        if not path:
            return False
        warnings: list[str] = []
        try:
            write_file(self.document.amap, path, warnings=warnings)
        except FormatError as exc:
            show_error(self.window, "Could not export the map",
                       f"{exc}\n\nNothing was written. The map in this window is unchanged.")
            return False
        except OSError as exc:
            show_error(self.window, "Could not export the map",
                       f"{Path(path).name} was not written: {failure_reason(path, exc)}.\n\nFile: {path}\n\n"
                       "The map in this window is unchanged. What to do: export to another folder or disk.")
            return False
        if warnings:
            show_warnings(self.window, Path(path).name, warnings)
        self.window.statusBar().showMessage(f"Exported {path}", 4000)
        return True

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current map (saved, discarded, or not modified)."""
        if not self.document.modified:
            return True
        answer = ask_unsaved(self.window, self.document.display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    # ------------------------------------------------------------ recovery
    def offer_recovery(self, folder: Path | None = None) -> bool:
        """Offer the newest recovery file left by a crash; True when one was restored."""
        for recovery in find_recoveries(folder):
            if not ask_restore(self.window, recovery):
                recovery.discard()
                continue
            try:
                amap, _ = load_map(recovery.path)
            except FormatError as exc:
                kept = recovery.set_aside()
                show_error(self.window, "Could not restore the unsaved changes",
                           f"{exc}\n\nThe recovery file could not be read, so nothing was restored. It was "
                           f"kept as {kept} in case you want to look at it in a text editor.")
                continue
            original = Path(recovery.original) if recovery.original else None
            self.window.load(amap, original, modified=True)
            recovery.discard()
            self.autosave.save_now()
            return True
        return False

    def _folder(self) -> str:
        if self.document.path:
            return str(self.document.path.parent)
        paths = self.recent.paths()
        return str(Path(paths[0]).parent) if paths else str(Path.home())
