"""Fixtures of the GUI tests: a main window kept apart from the user's files, a canvas on a map, and clean undo
stacks."""

from __future__ import annotations

import pytest


@pytest.fixture
def make_window(qtbot, tmp_path, monkeypatch):
    """Makes main windows kept apart from the user's settings and recovery files.

    ``make(path=None, size=None)`` opens ``path`` (None: the bundled map, as an untitled copy) in a shown
    window, ``size`` ``(width, height)`` when given. Unsaved changes are
    discarded without asking; error messages are not shown but collected in
    the window's ``errors`` list. Each window's undo stack is left clean at
    the end (a dirty QUndoStack signals while Qt destroys it).
    """
    from PySide6.QtCore import QSettings

    from argmap.app import create_window
    from argmap.ui import files

    monkeypatch.setenv("ARGMAP_RECOVERY_DIR", str(tmp_path / "recovery"))
    monkeypatch.setattr(files, "ask_unsaved", lambda parent, name: "discard")
    errors: list[str] = []
    monkeypatch.setattr(files, "show_error", lambda parent, title, text: errors.append(text))
    made = []

    def make(path=None, size: tuple[int, int] | None = None):
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        w = create_window(path, settings=settings, offer_recovery=False)
        w.errors = errors
        qtbot.addWidget(w)
        if size is not None:
            w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield make
    for w in made:
        w.document.undo_stack.setClean()


@pytest.fixture
def make_canvas(qtbot):
    """Makes canvases: ``make(amap, size=(1000, 700), edit_new=None, focus=True)`` returns ``(doc, scene, view)``.

    A new Document on ``amap``, its MapScene (``edit_new`` set when given:
    False keeps a new statement from opening its editor) and a shown
    MapView of ``size``, fitted to the map and focused unless ``focus`` is False.
    """
    from argmap.commands.document import Document
    from argmap.ui.canvas import MapScene, MapView

    def make(amap, size: tuple[int, int] = (1000, 700), edit_new: bool | None = None, focus: bool = True):
        doc = Document(amap)
        scene = MapScene(doc)
        if edit_new is not None:
            scene.edit_new = edit_new
        view = MapView(scene)
        qtbot.addWidget(view)
        view.resize(*size)
        view.show()
        qtbot.waitExposed(view)
        view.fit_all()
        if focus:
            view.setFocus()
        return doc, scene, view

    return make


@pytest.fixture
def clean_stacks(monkeypatch):
    """Leave every document made during the test clean: a dirty QUndoStack signals while Qt destroys it."""
    from argmap.commands.document import Document

    made = []
    real_init = Document.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(Document, "__init__", init)
    yield
    for doc in made:
        doc.undo_stack.setClean()
