"""How the main window copes with big maps (offscreen): prints a table.

For maps of 1,000 / 5,000 / 10,000 statements (``argument_like``): time
from loading the map to the first paint of the canvas, time from an edit to
the updated Diagnostics panel, and the peak resident memory of the process
so far. Run: ``python benchmarks/gui_scale.py [N ...]``.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ARGMAP_RECOVERY_DIR", tempfile.mkdtemp(prefix="argmap-bench-"))

from PySide6.QtCore import QEventLoop, QObject, QSettings, QTimer  # noqa: E402

from argmap.app import ensure_widgets_app  # noqa: E402
from argmap.commands import actions as edit  # noqa: E402
from argmap.commands.edits import execute  # noqa: E402
from argmap.model.synth import argument_like  # noqa: E402
from argmap.ui.main_window import MainWindow  # noqa: E402

SIZES = (1_000, 5_000, 10_000)


class PaintWatch(QObject):
    """Notes when the watched widget is painted."""

    def __init__(self):
        super().__init__()
        self.painted = None

    def eventFilter(self, obj, event):  # noqa: N802 - Qt name
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.Paint and self.painted is None:
            self.painted = time.perf_counter()
        return False


def wait_for(signal, timeout_ms: int = 120_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def measure(n: int, settings: QSettings) -> tuple[float, float, float]:
    app = ensure_widgets_app()
    amap = argument_like(n, seed=7)
    window = MainWindow(settings=settings)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    watch = PaintWatch()
    window.view.viewport().installEventFilter(watch)
    start = time.perf_counter()
    window.load(amap, None)
    window.view.viewport().update()
    while watch.painted is None and time.perf_counter() - start < 300:
        app.processEvents()
    first_paint = (watch.painted or time.perf_counter()) - start
    some = next(iter(window.document.amap.statements))
    start = time.perf_counter()
    execute(window.document.undo_stack, edit.add_objection(window.document.amap, some, text="A new objection"))
    wait_for(window.document.report_changed)
    app.processEvents()
    to_diagnostics = time.perf_counter() - start
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    app.processEvents()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return first_paint, to_diagnostics, peak_mb


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or list(SIZES)
    settings = QSettings(os.path.join(os.environ["ARGMAP_RECOVERY_DIR"], "bench.ini"), QSettings.Format.IniFormat)
    print(f"{'statements':>10}  {'first paint (s)':>15}  {'edit→diagnostics (s)':>20}  {'peak RSS (MB)':>13}")
    for n in sizes:
        paint, diag, peak = measure(n, settings)
        print(f"{n:>10,}  {paint:>15.2f}  {diag:>20.2f}  {peak:>13.0f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
