"""The rules that decide what the PyInstaller bundle keeps (packaging/pyinstaller/trim.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

TRIM = Path(__file__).resolve().parents[2] / "packaging" / "pyinstaller" / "trim.py"


@pytest.fixture(scope="module")
def trim():
    spec = importlib.util.spec_from_file_location("argmap_bundle_trim", TRIM)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Svg.so.6",
    "PySide6/Qt/lib/libQt6XcbQpa.so.6", "PySide6/QtPrintSupport.abi3.so", "PySide6/Qt6Gui.dll",
    "PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui",
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/qwindows.dll", "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so", "PySide6/Qt/lib/libicudata.so.73",
    "pygraphviz.libs/libgvc-ae99f8ab.so.7.0.9", "argmap/resources/examples/shot-by-both-sides.argmap",
])
def test_keeps_what_argmap_uses(trim, dest):
    assert trim.keep(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Qml.so.6", "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6/Qt6WebEngineCore.dll", "PySide6/QtQml.abi3.so", "PySide6/Qt/lib/QtQuick.framework/QtQuick",
    "PySide6/Qt/translations/qtbase_de.qm", "PySide6/Qt/qml/QtQuick/Controls/qmldir",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
    "PySide6/Qt/plugins/platforms/libqwayland-egl.so", "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", "networkx/tests/test_graph.py",
    "argmap/__pycache__/cli.cpython-311.pyc",
])
def test_drops_what_argmap_never_loads(trim, dest):
    assert not trim.keep(dest)


def test_excludes_name_unused_qt_modules_and_tools(trim):
    names = trim.excludes()
    for name in ("PySide6.QtQml", "PySide6.QtWebEngineCore", "tkinter", "pytest", "hypothesis", "numpy"):
        assert name in names
    for name in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg", "pygraphviz",
                 "networkx", "PySide6.QtPrintSupport"):
        assert name not in names


def test_prune_keeps_what_roots_reach_and_drops_orphans(trim):
    binaries = [
        ("PySide6/QtGui.abi3.so", "/s/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/s/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/s/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        ("libxcb-shm.so.0", "/lib/libxcb-shm.so.0", "BINARY"),
        ("libcairo.so.2", "/lib/libcairo.so.2", "BINARY"),  # only the dropped GTK theme needed it
        ("libgtk-3.so.0", "/lib/libgtk-3.so.0", "BINARY"),
        ("pygraphviz/bin/tred", "/s/bin/tred", "BINARY"),
        ("libcgraph.so.8", "/s/libcgraph.so.8", "BINARY"),
        ("libQt6Gui.so", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
    ]
    links = {
        "/s/QtGui.abi3.so": [("libQt6Gui.so.6", "/s/libQt6Gui.so.6")],
        "/s/libQt6Gui.so.6": ["libQt6Core.so.6"],
        "/s/libqxcb.so": ["libxcb-shm.so.0", "libQt6Gui.so.6"],
        "/lib/libgtk-3.so.0": ["libcairo.so.2"],
        "/s/bin/tred": ["libcgraph.so.8"],
    }
    kept = trim.prune(binaries, lambda source: links.get(source, []))
    assert [entry[0] for entry in kept] == [
        "PySide6/QtGui.abi3.so", "PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so", "libxcb-shm.so.0", "pygraphviz/bin/tred", "libcgraph.so.8",
        "libQt6Gui.so"]


def test_qt_library_name(trim):
    assert trim.qt_library_name("libQt6PrintSupport.so.6") == "QtPrintSupport"
    assert trim.qt_library_name("Qt6Svg.dll") == "QtSvg"
    assert trim.qt_library_name("QtWidgets.abi3.so") == "QtWidgets"
    assert trim.qt_library_name("libqxcb.so") is None
    assert trim.qt_library_name("libicudata.so.73") is None
