"""The document: one map, its undo stack, its file, and its latest check report.

Like orange-canvas-core's split of scheme, canvas and document, the
:class:`Document` is what the window and the canvas share: the model
(:class:`~argmap.model.ArgumentMap`, which owns the data), the
``QUndoStack`` every edit goes through, and the analysis that is re-run
after each change: at once for a single edit (the changes of one command
are checked together, on the next turn of the event loop), debounced
during a burst of edits, so typing or dragging on a big map is checked
once when it pauses.
"Modified" is ``not undo_stack.isClean()``.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from argmap.analysis import Report, check_map
from argmap.commands.edits import SetMeta
from argmap.gcpause import paused_gc
from argmap.model import ArgumentMap, Change


class Document(QObject):
    """A map being edited.

    Signals
    -------
    changed(Change)
        Re-sent for every model change, after the model applied it.
    report_changed(Report)
        A fresh check report is ready (debounced after edits).
    path_changed(str)
        The file the document is saved to changed.
    modified_changed(bool)
        The undo stack became clean or dirty.
    """

    changed = Signal(object)
    report_changed = Signal(object)
    path_changed = Signal(str)
    modified_changed = Signal(bool)

    CHECK_DELAY_MS = 30
    """Debounce of a burst: a change this soon after the last check waits for a pause this long."""

    def __init__(self, amap: ArgumentMap | None = None, path: str | Path | None = None, parent=None):
        super().__init__(parent)
        self.amap = amap if amap is not None else ArgumentMap(title="Untitled map")
        self.path: Path | None = Path(path) if path else None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.report: Report = check_map(self.amap)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.CHECK_DELAY_MS)
        self._timer.timeout.connect(self.recheck)
        self._last_check = float("-inf")
        self._check_seconds = 0.0
        self.amap.subscribe(self._on_change)

    # ------------------------------------------------------------ state
    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def set_path(self, path: str | Path | None) -> None:
        self.path = Path(path) if path else None
        self.path_changed.emit(str(self.path or ""))

    def mark_saved(self) -> None:
        self.undo_stack.setClean()

    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled"

    def rebase_source(self, old_base: Path | None, new_base: Path) -> None:
        """Store the source text's path relative to ``new_base`` (the folder the map is now saved in).

        The path is re-expressed, not changed: it names the same file. The map
        and every command of the undo history that sets or restores the
        source take the new form, so undoing after a *Save As* into another
        folder still finds the text. Not an edit: the undo stack and the
        modified state are left alone.
        """
        def fix(path: str) -> str:
            return rebased_path(path, old_base, new_base)

        for n in range(self.undo_stack.count()):
            command = self.undo_stack.command(n)
            if isinstance(command, SetMeta):
                command.rebase_source_path(fix)
        source = self.amap.source
        if source.path and fix(source.path) != source.path:
            self.amap.set_meta(source=replace(source, path=fix(source.path)))

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    # ------------------------------------------------------------ checks
    def _on_change(self, change: Change) -> None:
        self.changed.emit(change)
        if self._timer.isActive() and self._timer.interval() == 0:
            return  # a check is already due on the next turn of the event loop
        self._timer.start(self.check_delay_ms())

    def check_delay_ms(self) -> int:
        """How long a change waits for its check: 0 after a pause, ``CHECK_DELAY_MS`` in a burst.

        A burst is a change that comes less than ``CHECK_DELAY_MS`` (or, on
        a map whose check is slow, less than one check's duration) after
        the last check ended; each change of a burst restarts the wait.
        """
        quiet = max(self.CHECK_DELAY_MS / 1000, self._check_seconds)
        return self.CHECK_DELAY_MS if time.perf_counter() - self._last_check < quiet else 0

    def recheck(self) -> Report:
        """Run the checks now and announce the report."""
        self._timer.stop()
        start = time.perf_counter()
        with paused_gc():  # the check builds many small objects, none of them cyclic garbage
            self.report = check_map(self.amap)
        self._check_seconds = time.perf_counter() - start
        self.report_changed.emit(self.report)
        self._last_check = time.perf_counter()
        return self.report

    def flush(self) -> None:
        """Run a pending check at once (tests, saving, exporting)."""
        if self._timer.isActive():
            self.recheck()

    def close(self) -> None:
        self._timer.stop()
        self.amap.unsubscribe(self._on_change)


def rebased_path(path: str, old_base: Path | None, new_base: Path) -> str:
    """``path`` (absolute, or relative to ``old_base``) written relative to ``new_base``, with ``/``.

    An empty path stays empty; a relative path with no ``old_base`` is
    relative to the working folder. Where no relative form exists (another
    drive on Windows) the absolute path is kept.
    """
    if not path:
        return path
    target = Path(path)
    if not target.is_absolute():
        target = (old_base or Path.cwd()) / target
    target = Path(os.path.normpath(target.resolve()))
    try:
        return Path(os.path.relpath(target, Path(new_base).resolve())).as_posix()
    except ValueError:
        return str(target)
