"""Autosave and crash recovery: the recovery files a modified map is written to, and finding them again.

While a map is modified it is written every minute (a preference) to a
recovery file; a lock file tells a live window's recovery file from one left
behind by a crash. :class:`argmap.ui.files.FileController` offers the ones
left behind when a window opens.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer

from argmap.atomic import write_text_atomic
from argmap.formats.native import dumps


def recovery_dir() -> Path:
    """Where recovery files go (``AppDataLocation/recovery``; ``ARGMAP_RECOVERY_DIR`` overrides)."""
    override = os.environ.get("ARGMAP_RECOVERY_DIR")
    if override:
        return Path(override)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".argmap") / "recovery"


@dataclass(frozen=True)
class Recovery:
    """A recovery file left behind: the map, the file it was edited from (or ``""``) and when."""

    path: Path
    original: str
    saved_at: float

    def discard(self) -> None:
        for p in (self.path, self.path.with_suffix(".json")):
            p.unlink(missing_ok=True)

    def set_aside(self) -> Path:
        """Rename an unreadable recovery file so it is not offered again (nor deleted); returns its new path."""
        kept = self.path.with_name(self.path.name + ".unreadable")
        try:
            os.replace(self.path, kept)
        except OSError:
            return self.path
        self.path.with_suffix(".json").unlink(missing_ok=True)
        return kept


def find_recoveries(folder: Path | None = None) -> list[Recovery]:
    """Recovery files that no running window holds (newest first)."""
    folder = folder or recovery_dir()
    found = []
    for path in sorted(folder.glob("*.argmap")) if folder.is_dir() else []:
        lock = QLockFile(str(path) + ".lock")
        if not lock.tryLock(0):
            continue  # a live window owns it
        lock.unlock()
        meta = _read_meta(path.with_suffix(".json"))
        found.append(Recovery(path, str(meta.get("original", "")), float(meta.get("saved_at", path.stat().st_mtime))))
    return sorted(found, key=lambda r: -r.saved_at)


def _read_meta(path: Path) -> dict:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


class Autosave(QObject):
    """Writes the document to a recovery file every ``minutes`` while it is modified.

    The file is locked while the window lives; it is removed when the map
    is saved or closed cleanly, so only a crash leaves it behind.
    """

    def __init__(self, document, minutes: float = 1.0, parent=None):
        super().__init__(parent)
        self.document = document
        self.path = recovery_dir() / f"{uuid.uuid4().hex}.argmap"
        self._lock: QLockFile | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.save_now)
        self.set_interval(minutes)

    def set_interval(self, minutes: float) -> None:
        """Write every ``minutes`` (0 turns autosave off; ``ARGMAP_AUTOSAVE_MS`` overrides, for tests)."""
        override = os.environ.get("ARGMAP_AUTOSAVE_MS", "")
        if override.isdigit() and int(override) > 0:
            self.timer.start(int(override))
        elif minutes and minutes > 0:
            self.timer.start(int(minutes * 60_000))
        else:
            self.timer.stop()

    def save_now(self) -> bool:
        """Write the recovery file now when the document is modified; True when written."""
        if not self.document.modified:
            self.discard()
            return False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self._lock is None:
                self._lock = QLockFile(str(self.path) + ".lock")
                self._lock.tryLock(0)
            write_text_atomic(self.path, dumps(self.document.amap), backup=False)
            original = str(self.document.path) if self.document.path else ""
            meta = {"original": original, "saved_at": time.time(), "pid": os.getpid()}
            write_text_atomic(self.path.with_suffix(".json"), json.dumps(meta), backup=False)
        except OSError:
            return False
        return True

    def discard(self) -> None:
        """Remove the recovery file (after a save or a clean close)."""
        self.path.unlink(missing_ok=True)
        self.path.with_suffix(".json").unlink(missing_ok=True)
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
