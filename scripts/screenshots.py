"""Screenshots of the real app on the bundled map, for the docs.

Run under a display server; without one it re-runs itself under
``xvfb-run``::

    python scripts/screenshots.py [OUT_DIR]

Writes ``main-window.png``, ``diagnostics-selected.png``,
``export-dialog.png`` and ``dark-theme.png`` (default ``docs/screenshots``).
The article itself is never shipped, so the screenshots do not show it: the
Source panel stays behind the Inspector (the map's short anchored quotes show
in the boxes and the Inspector only).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _under_xvfb() -> int | None:
    if os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if shutil.which("xvfb-run") is None:
        sys.exit("no display and no xvfb-run: install xvfb or set DISPLAY")
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, *sys.argv]
    return subprocess.call(cmd)


def settle(app, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def main(out: Path) -> int:
    from PySide6.QtCore import QSettings, QTimer

    from argmap.app import create_window, ensure_widgets_app

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="argmap-shots-"))
    os.environ["ARGMAP_RECOVERY_DIR"] = str(work / "recovery")
    app = ensure_widgets_app()
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(settings=settings, offer_recovery=False)
    window.resize(1500, 920)
    window.show()
    settle(app)
    window.fit_map()
    settle(app)
    window.grab().save(str(out / "main-window.png"))

    diags = window.diagnostics.visible_diagnostics()
    row = next((n for n, d in enumerate(diags) if d.code == "AM001"), 0)
    index = window.diagnostics.row_of(row)
    window.diagnostics.tree.setCurrentIndex(index)
    window.diagnostics.tree.clicked.emit(index)
    window.docks["inspector"].raise_()
    settle(app)
    window.grab().save(str(out / "diagnostics-selected.png"))

    dialog = window.export_dialog()
    dialog.show()
    settle(app)
    QTimer.singleShot(0, lambda: None)
    settle(app, 60)
    dialog.grab().save(str(out / "export-dialog.png"))
    dialog.close()

    window.set_dark(True)
    window.docks["inspector"].raise_()
    settle(app)
    window.grab().save(str(out / "dark-theme.png"))
    window.set_dark(False)
    window.document.undo_stack.setClean()
    window.close()
    for name in ("main-window", "diagnostics-selected", "export-dialog", "dark-theme"):
        print(out / f"{name}.png")
    return 0


if __name__ == "__main__":
    code = _under_xvfb()
    if code is not None:
        raise SystemExit(code)
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    raise SystemExit(main(target))
