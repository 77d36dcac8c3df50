"""How the main window copes with big maps (offscreen): prints a table.

For maps of 1,000 / 5,000 / 10,000 statements (``argument_like``): time
from loading the map to the first paint of the canvas; time from an edit (a
new objection) until the Diagnostics panel has painted the new report (the
canvas badges are painted in the same pass), with the check's own share in
its own column; time from the edit until every panel has caught up
("idle"); and the peak resident memory of the process so far.

A second table drags one statement across the canvas (real mouse events on
the view, zoomed so that boxes are readable): per mouse move, the time until
the canvas has painted (median and worst of 40 moves), and of it the time
spent re-routing edges (the scene's router); then how many edges each move
re-routed, against the number of edges in the map.

Each size is measured ``--repeat`` times (default 3) in fresh windows after
one warm-up window, and the median is printed with the machine's load
average (other processes skew GUI timings a lot). Run:
``python benchmarks/gui_scale.py [--repeat R] [N ...]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
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


def measure(n: int, settings: QSettings) -> tuple[float, float, float, float, float]:
    """For ``n`` statements: seconds to first paint, edit→diagnostics painted, the check, edit→idle; peak RSS (MB)."""
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
    app.processEvents()
    some = next(iter(window.document.amap.statements))
    shown = PaintWatch()
    window.diagnostics.tree.viewport().installEventFilter(shown)
    shown.painted = 0.0  # armed only once the report is out (the panel cannot show it before)
    window.document.report_changed.connect(lambda _r: setattr(shown, "painted", None))
    start = time.perf_counter()
    execute(window.document.undo_stack, edit.add_objection(window.document.amap, some, text="A new objection"))
    while not shown.painted and time.perf_counter() - start < 300:
        app.processEvents()
    to_diagnostics = shown.painted - start
    catching_up = getattr(window.outline, "is_stale", lambda: False)
    while catching_up() and time.perf_counter() - start < 300:  # a big map's outline follows a moment later
        app.processEvents()
    app.processEvents()
    to_idle = time.perf_counter() - start
    check = getattr(window.document, "_check_seconds", float("nan"))  # older documents do not time it
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    app.processEvents()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return first_paint, to_diagnostics, check, to_idle, peak_mb


def measure_drag(n: int, settings: QSettings, moves: int = 40) -> tuple[float, float, float, float, int]:
    """Drag a statement of an ``n``-statement map.

    Returns (median s per move, worst, median routing s, links re-routed per move, edges).
    """
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    app = ensure_widgets_app()
    window = MainWindow(settings=settings)
    window.resize(1400, 900)
    window.show()
    window.load(argument_like(n, seed=7), None)
    app.processEvents()
    scene, view = window.scene, window.view
    sid = list(window.document.amap.statements)[n // 2]
    view.center_on_ids([sid])
    view.resetTransform()
    view.centerOn(scene.statement_item(sid).pos())
    app.processEvents()
    routing, touched = [], []
    original = scene._apply_geometry

    def counted(which):
        touched.append(len(which))
        return original(which)

    scene._apply_geometry = counted
    route = scene._route

    def timed(*args, **kwargs):
        start = time.perf_counter()
        route(*args, **kwargs)
        routing.append(time.perf_counter() - start)

    scene._route = timed
    viewport = view.viewport()
    start_point = view.mapFromScene(scene.statement_item(sid).pos())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start_point)
    watch = PaintWatch()
    viewport.installEventFilter(watch)
    per_move = []
    for k in range(1, moves + 1):
        watch.painted = None
        began = time.perf_counter()
        QTest.mouseMove(viewport, start_point + QPoint(9 * k, 5 * (k % 7)))
        while watch.painted is None and time.perf_counter() - began < 10:
            app.processEvents()
        per_move.append((watch.painted or time.perf_counter()) - began)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start_point + QPoint(9 * moves, 0))
    edges = sum(len(item.edges) for item in scene._links.values())
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    app.processEvents()
    return (statistics.median(per_move), max(per_move), statistics.median(routing or [0.0]),
            statistics.median(touched or [0]), edges)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="The main window with big maps, offscreen (prints tables).")
    parser.add_argument("--repeat", type=int, default=3, help="fresh windows per size (the median is printed)")
    parser.add_argument("sizes", type=int, nargs="*", help=f"statement counts (default {', '.join(map(str, SIZES))})")
    args = parser.parse_args(argv)
    repeat, sizes = args.repeat, args.sizes or list(SIZES)
    settings = QSettings(os.path.join(os.environ["ARGMAP_RECOVERY_DIR"], "bench.ini"), QSettings.Format.IniFormat)
    measure(200, settings)  # warm-up: fonts, styles and imports load once per process
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs; "
          f"median of {repeat}")
    print(f"{'statements':>10}  {'first paint (s)':>15}  {'edit→diagnostics (s)':>20}  {'of it check (s)':>15}  "
          f"{'edit→idle (s)':>13}  {'peak RSS (MB)':>13}")
    for n in sizes:
        runs = [measure(n, settings) for _ in range(repeat)]
        paint, diag, check, idle = (statistics.median(r[k] for r in runs) for k in range(4))
        peak = max(r[4] for r in runs)
        print(f"{n:>10,}  {paint:>15.2f}  {diag:>20.3f}  {check:>15.3f}  {idle:>13.3f}  {peak:>13.0f}", flush=True)
    print(f"\n{'statements':>10}  {'move→painted median (ms)':>24}  {'worst (ms)':>10}  {'of it routing (ms)':>18}  "
          f"{'links re-routed per move':>24}  {'edges':>7}")
    for n in sizes:
        median, worst, routing, touched, edges = measure_drag(n, settings)
        print(f"{n:>10,}  {median * 1000:>24.1f}  {worst * 1000:>10.1f}  {routing * 1000:>18.2f}  {touched:>24.0f}  "
              f"{edges:>7,}", flush=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
