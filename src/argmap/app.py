"""The desktop application: the only place a Qt application object is created.

``main()`` starts the GUI on the bundled map of the article (as an untitled
copy, so the bundled file is never overwritten) or on the file given.
``ensure_gui_app()`` gives the headless exporter the QGuiApplication that
rendering needs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QIcon

from argmap.resources_path import example_map, resource

ORGANISATION = "argmap"
APPLICATION = "argmap"


def _name_app(app) -> None:
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    import argmap

    app.setApplicationVersion(argmap.__version__)
    icon = resource("icons", "argmap.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def ensure_gui_app(headless: bool = True) -> QGuiApplication:
    """The running Qt application, or a new QGuiApplication.

    Parameters
    ----------
    headless : bool
        When true and there is no display, use the offscreen platform.
    """
    app = QGuiApplication.instance()
    if app is not None:
        return app
    if headless and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1])
    _name_app(app)
    return app


def ensure_widgets_app():
    """The running QApplication, or a new one (the GUI needs widgets)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        _name_app(app)
    return app


def create_window(path: str | os.PathLike | None = None, *, settings=None, offer_recovery: bool = True):
    """The main window showing ``path``, or the bundled map as an untitled copy.

    A file that cannot be read is reported in a dialog; the window then
    shows an empty map.
    """
    from argmap.ui.main_window import MainWindow

    ensure_widgets_app()
    window = MainWindow(settings=settings)
    if offer_recovery and window.files.offer_recovery():
        return window
    if path is not None:
        window.files.open_path(path, ask=False)
    else:
        open_example(window)
    return window


def open_example(window) -> None:
    """Show the bundled map of the article as an untitled copy (never saved over the bundled file)."""
    from argmap.formats import read_file
    from argmap.model import FormatError
    from argmap.model.synth import argument_like
    from argmap.ui.files import show_error

    path = example_map()
    try:
        amap = read_file(path)
    except FormatError as exc:
        if path.exists():
            show_error(window, "Could not open the bundled map", str(exc))
        amap = argument_like(40, seed=1)
    window.load(amap, None, source_base=Path(path).parent)


def main(argv: list[str] | None = None) -> int:
    """Start the desktop app; ``argv`` holds at most one file to open. Returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    files = [a for a in args if not a.startswith("-")]
    app = ensure_widgets_app()
    window = create_window(files[0] if files else None)
    window.show()
    return int(app.exec())


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
