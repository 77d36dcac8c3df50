"""The desktop application: the only place a Qt application object is created.

``main()`` starts the GUI on the bundled map of the article (as an untitled
copy, so the bundled file is never overwritten) or on the file given.
``ensure_gui_app()`` gives the headless exporter the QGuiApplication that
rendering needs. While the window runs, uncaught exceptions go to
:mod:`argmap.ui.errors` (recovery copy, dialog, keep working).

Test hooks (inert unless their environment variables are set; used by the
end-to-end recovery tests, which run ``python -m argmap FILE`` in a
subprocess):

``ARGMAP_TEST_SCRIPT=steps.json``
    After the window is shown, run the steps of the JSON file, a list of
    objects such as ``{"op": "add_statement", "kind": "claim", "text": "..."}``
    (ops: ``add_statement``, ``add_premise`` (``to``), ``add_objection``
    (``to``), ``edit_text`` (``id``, ``text``), ``set_kind`` (``id``,
    ``kind``), ``delete`` (``ids``), ``undo``, ``redo``, ``autosave``,
    ``save_as`` (``path``), ``report`` (``path``: writes the document's
    state as JSON), ``raise`` (``message``: an exception in a slot),
    ``close``). Dialogs never block: errors and questions are printed on
    stderr as ``argmap-test: ...`` lines and "unsaved changes" is answered
    with ``ARGMAP_TEST_ANSWER_UNSAVED`` (default ``discard``).
``ARGMAP_TEST_ANSWER_RECOVERY=restore|discard``
    Answer the "restore unsaved changes?" prompt without showing it.
``ARGMAP_AUTOSAVE_MS``
    The autosave interval in milliseconds (read by :mod:`argmap.ui.files`).
"""

from __future__ import annotations

import hashlib
import json
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
        When true, use the offscreen platform (unless ``QT_QPA_PLATFORM`` says
        otherwise): headless commands never connect to a display, and measure
        and draw text the same with or without one.
    """
    app = QGuiApplication.instance()
    if app is not None:
        return app
    if headless:
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
            show_error(window, "Could not open the bundled map",
                       f"{exc}\n\nThe installation of argmap may be damaged; a generated example map is "
                       "shown instead. Your own maps are not affected: open them with File > Open.")
        amap = argument_like(40, seed=1)
    window.load(amap, None, source_base=Path(path).parent)


def main(argv: list[str] | None = None) -> int:
    """Start the desktop app; ``argv`` holds at most one file to open. Returns the exit status."""
    from argmap.ui import errors

    args = list(sys.argv[1:] if argv is None else argv)
    files = [a for a in args if not a.startswith("-")]
    app = ensure_widgets_app()
    _patch_dialogs_for_tests()
    window = create_window(files[0] if files else None)
    errors.install(window)
    if os.environ.get("ARGMAP_EXIT_AFTER_SHOW") == "1":
        _exit_after_first_paint(app, window)
    window.show()
    script = os.environ.get("ARGMAP_TEST_SCRIPT")
    if script:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: run_test_script(window, script))
    return int(app.exec())


# ---------------------------------------------------------------- test hooks (inert unless set)
def _exit_after_first_paint(app, window) -> None:
    """``ARGMAP_EXIT_AFTER_SHOW=1``: print ``shown in N ms`` at the first paint, then quit (start-up benchmark)."""
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer

    import argmap

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
                self.done = True
                print(f"shown in {(time.perf_counter() - argmap.STARTED) * 1000:.0f} ms", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    window._first_paint = FirstPaint(window)
    window.installEventFilter(window._first_paint)


def _say(text: str) -> None:
    print(f"argmap-test: {text}", file=sys.stderr, flush=True)


def _patch_dialogs_for_tests() -> None:
    """Replace the blocking dialogs when a test hook environment variable asks for it."""
    from argmap.ui import errors, files

    answer = os.environ.get("ARGMAP_TEST_ANSWER_RECOVERY")
    if answer:
        def ask_restore(parent, recovery):
            _say(f"recovery offered: {recovery.original or 'untitled'} -> {answer}")
            return answer == "restore"

        files.ask_restore = ask_restore
    if not os.environ.get("ARGMAP_TEST_SCRIPT"):
        return
    unsaved = os.environ.get("ARGMAP_TEST_ANSWER_UNSAVED", "discard")
    files.show_error = lambda parent, title, text: _say(f"error: {title}: {' '.join(text.split())}")
    files.show_warnings = lambda parent, name, lines: _say(f"warnings: {name}: {len(lines)}")
    files.ask_unsaved = lambda parent, name: _say(f"unsaved: {name} -> {unsaved}") or unsaved
    errors.show_crash = lambda parent, summary, details: _say(f"crash dialog: {' '.join(summary.split())}")


def run_test_script(window, path: str | os.PathLike) -> None:
    """Run the steps of an ``ARGMAP_TEST_SCRIPT`` file on ``window``, one per event-loop turn.

    Between two steps the event loop runs, so timers (autosave, an error
    raised in a slot) fire in the order of the steps.
    """
    steps = list(json.loads(Path(path).read_text(encoding="utf-8")))
    _next_step(window, steps)


def _next_step(window, steps: list) -> None:
    from PySide6.QtCore import QTimer

    if not steps:
        _say("script finished")
        return
    step = steps.pop(0)
    QTimer.singleShot(10, lambda: _next_step(window, steps))  # first: an exception below must not stop the script
    _run_step(window, step)
    _say(f"done: {step.get('op')}")


def _run_step(window, step: dict) -> None:
    from PySide6.QtCore import QTimer

    from argmap.commands import actions
    from argmap.commands.edits import execute

    doc, op = window.document, step.get("op")
    builders = {
        "add_statement": lambda: actions.add_statement(doc.amap, step.get("kind", "claim"), step.get("text", "")),
        "add_premise": lambda: actions.add_premise(doc.amap, step["to"], text=step.get("text", "")),
        "add_objection": lambda: actions.add_objection(doc.amap, step["to"], text=step.get("text", "")),
        "edit_text": lambda: actions.edit_text(doc.amap, step["id"], step["text"]),
        "set_kind": lambda: actions.set_kind(doc.amap, [step["id"]], step["kind"]),
        "delete": lambda: actions.delete(doc.amap, step["ids"]),
    }
    if op in builders:
        execute(doc.undo_stack, builders[op]())
    elif op in ("undo", "redo"):
        getattr(doc.undo_stack, op)()
    elif op == "autosave":
        window.files.autosave.save_now()
    elif op == "save_as":
        window.files.write(Path(step["path"]))
    elif op == "report":
        Path(step["path"]).write_text(json.dumps(_state(window)), encoding="utf-8")
    elif op == "raise":
        QTimer.singleShot(0, lambda: _raise(step.get("message", "test error")))
    elif op == "close":
        window.close()
    else:
        _say(f"unknown step {op!r}")


def _raise(message: str) -> None:
    raise RuntimeError(message)


def _state(window) -> dict:
    from argmap.formats.native import dumps

    doc = window.document
    text = dumps(doc.amap)
    return {"path": str(doc.path or ""), "modified": doc.modified, "statements": len(doc.amap),
            "undo_count": doc.undo_stack.count(), "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "recovery": str(window.files.autosave.path), "recovery_exists": window.files.autosave.path.exists()}


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
