"""Start-up times of argmap: the PyInstaller bundle against ``python -m argmap``; prints a table.

For each way of starting argmap: ``argmap --version``, ``argmap check`` on a small map
(target: under 0.5 s) and the time until the main window is shown with the article map.
Each figure is the median (and the fastest) of several runs, wall clock from process start.

The window figure needs a hook in ``argmap.app``: with ``ARGMAP_EXIT_AFTER_SHOW=1`` the app
prints ``shown in N ms`` after the first paint of the main window and exits with 0. Until the
hook exists, ``python -m argmap`` is measured with an equivalent driver (marked "driver") and the
bundle's window row reads "no hook".

Run: ``python benchmarks/startup.py [--runs N] [--xvfb] [--bundle dist/argmap/argmap]``
(``--xvfb`` runs the GUI rows under ``xvfb-run`` on the xcb platform instead of offscreen).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "resources" / "examples" / "shot-by-both-sides.argmap"
CHECK_TARGET_S = 0.5
SHOWN_MARK = "shown in"

# Equivalent of ARGMAP_EXIT_AFTER_SHOW for python -m argmap while app.py has no hook.
DRIVER = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from argmap.app import create_window, ensure_widgets_app
class Shown(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("shown in (driver)", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
app = ensure_widgets_app()
window = create_window(offer_recovery=False)
watch = Shown()
window.installEventFilter(watch)
window.show()
sys.exit(app.exec())
"""


def _env(gui_hook: bool) -> dict:
    env = dict(os.environ)
    env.setdefault("ARGMAP_RECOVERY_DIR", tempfile.mkdtemp(prefix="argmap-startup-"))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if gui_hook:
        env["ARGMAP_EXIT_AFTER_SHOW"] = "1"
    return env


def time_once(cmd: list[str], *, gui: bool = False, timeout: float = 30) -> tuple[float | None, str]:
    """Seconds from start to exit (or, for the GUI, to the ``shown in`` line); None when it did not get there."""
    start = time.perf_counter()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=_env(gui),
                              cwd=tempfile.gettempdir())
    except subprocess.TimeoutExpired:
        return None, "no hook" if gui else "timeout"  # a GUI without the hook never exits
    elapsed = time.perf_counter() - start
    if gui and SHOWN_MARK not in done.stdout + done.stderr:
        return None, "no hook"
    if done.returncode not in (0, 1):
        return None, f"exit {done.returncode}: {done.stderr.strip()[:60]}"
    return elapsed, ""


def measure(cmd: list[str], runs: int, *, gui: bool = False) -> tuple[float | None, float | None, str]:
    """Median and fastest of ``runs`` runs (after one warm-up run that fills the file cache)."""
    first, why = time_once(cmd, gui=gui)
    if first is None:
        return None, None, why
    times = [t for t, _ in (time_once(cmd, gui=gui) for _ in range(runs)) if t is not None]
    if not times:
        return None, None, "failed"
    return statistics.median(times), min(times), ""


def rows(bundle: Path | None, runs: int, xvfb: bool) -> list[tuple[str, str, tuple]]:
    gui_prefix = ["xvfb-run", "-a", "env", "QT_QPA_PLATFORM=xcb"] if xvfb else []
    ways = [("python -m argmap", [sys.executable, "-m", "argmap"])]
    if bundle is not None and bundle.exists():
        ways.insert(0, ("bundle", [str(bundle)]))
    table = []
    for name, base in ways:
        table.append((name, "--version", measure([*base, "--version"], runs)))
        table.append((name, "check (bundled map)", measure([*base, "check", "--fail-on", "never", str(EXAMPLE)],
                                                              runs)))
        shown = measure([*gui_prefix, *base], runs, gui=True)
        if shown[2] == "no hook" and name.startswith("python"):
            table.append((name, "window shown (driver)",
                          measure([*gui_prefix, sys.executable, "-c", DRIVER], runs, gui=True)))
        else:
            table.append((name, "window shown", shown))
    return table


def print_table(table) -> None:
    print(f"{'how':<18} {'what':<24} {'median s':>9} {'fastest s':>10}  note")
    for name, what, (median, fastest, why) in table:
        if median is None:
            print(f"{name:<18} {what:<24} {'-':>9} {'-':>10}  {why}")
            continue
        note = ""
        if what.startswith("check"):
            note = "meets < 0.5 s" if median < CHECK_TARGET_S else "OVER the 0.5 s target"
        print(f"{name:<18} {what:<24} {median:>9.3f} {fastest:>10.3f}  {note}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--xvfb", action="store_true", help="GUI rows under xvfb-run (xcb) instead of offscreen")
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "argmap" / "argmap")
    args = parser.parse_args()
    print(f"argmap start-up, {args.runs} runs each, {'Xvfb/xcb' if args.xvfb else 'offscreen'}")
    print_table(rows(args.bundle, args.runs, args.xvfb))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
