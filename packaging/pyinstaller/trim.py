"""What the argmap bundle keeps: the Qt parts it uses, and the libraries they need.

Used by ``argmap.spec`` (PyInstaller runs the spec with this folder on ``sys.path``)
and by ``tests/packaging/test_trim.py``. No PyInstaller import at module level, so
the rules can be tested without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePath

# Qt libraries (``libQt6X.so.6``, ``Qt6X.dll``, ``QtX.framework``) and PySide6 modules kept in the bundle.
QT_KEEP = frozenset({
    "QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport",
    # what the kept platform plugins link against
    "QtDBus", "QtXcbQpa", "QtOpenGL", "QtWaylandClient", "QtEglFSDeviceIntegration",
})

# Qt plugin folder -> substrings of the plugin file names kept (Linux, Windows and macOS names).
QT_PLUGIN_KEEP = {
    "platforms": ("offscreen", "xcb", "minimal", "qwindows", "cocoa"),
    "imageformats": ("svg", "jpeg", "gif", "ico", "webp", "tiff", "bmp"),
    "iconengines": ("svg",),
    "styles": ("windowsvista", "modernwindows", "macstyle"),
    "platforminputcontexts": ("compose", "ibus"),
    "xcbglintegrations": ("egl", "glx"),
    "printsupport": ("cups",),  # printers on Linux (pulls in libcups, gnutls, krb5: ~12 MB)
}

# PySide6 modules argmap never imports: excluded so that their hooks do not pull their libraries in.
QT_MODULES_DROPPED = (
    "QtQml", "QtQuick", "QtQuickWidgets", "QtQuickControls2", "QtQuick3D", "Qt3DCore", "Qt3DRender",
    "QtMultimedia", "QtMultimediaWidgets", "QtWebEngineCore", "QtWebEngineWidgets", "QtWebChannel",
    "QtWebSockets", "QtNetwork", "QtSql", "QtTest", "QtDesigner", "QtHelp", "QtUiTools", "QtXml",
    "QtOpenGLWidgets", "QtConcurrent", "QtStateMachine", "QtCharts", "QtDataVisualization", "QtPdf",
    "QtPdfWidgets", "QtBluetooth", "QtPositioning", "QtSensors", "QtSerialPort", "QtNfc", "QtRemoteObjects",
    "QtScxml", "QtTextToSpeech", "QtSpatialAudio", "QtHttpServer", "QtLocation", "QtGraphs", "QtSvgWidgets",
    "QtAxContainer", "QtNetworkAuth", "QtDBus", "QtOpenGL",
)

# Python packages a naive build drags in (test tools in the build environment, networkx's optional imports).
PYTHON_EXCLUDES = (
    "tkinter", "_tkinter", "unittest", "pydoc_data", "test", "lib2to3", "idlelib", "ensurepip",
    "pytest", "_pytest", "pytestqt", "hypothesis", "IPython", "ipykernel", "jedi", "matplotlib", "numpy",
    "scipy", "pandas", "sympy", "PIL", "lxml", "jsonschema", "ruff", "importlinter", "setuptools",
    "pkg_resources", "pip", "wheel", "pygraphviz.tests",  # (pygraphviz imports its own .testing: keep it)
)


def excludes() -> list[str]:
    """Module names for PyInstaller's ``excludes``."""
    return list(PYTHON_EXCLUDES) + [f"PySide6.{name}" for name in QT_MODULES_DROPPED]


def _qt_parts(dest: str) -> list[str] | None:
    """The parts of ``dest`` below its ``PySide6`` folder, or None when it is outside PySide6."""
    parts = PurePath(dest).parts
    return list(parts[parts.index("PySide6") + 1:]) if "PySide6" in parts else None


def qt_library_name(name: str) -> str | None:
    """``QtQuick`` for ``libQt6Quick.so.6``, ``Qt6Quick.dll``, ``QtQuick.framework`` or ``QtQuick.abi3.so``.

    Returns None for a file that is not a Qt library or PySide6 module.
    """
    stem = name.split(".")[0].removeprefix("lib")
    if stem.startswith("Qt6"):
        return "Qt" + stem[3:]
    if stem.startswith("Qt") and name.endswith((".framework", ".so", ".pyd", ".pyi")):
        return stem
    return None


def keep(dest: str) -> bool:
    """Whether a collected file, by its destination path inside the bundle, belongs in the app.

    Parameters
    ----------
    dest : str
        The path inside the bundle, e.g. ``PySide6/Qt/plugins/platforms/libqxcb.so``.

    Returns
    -------
    bool
        False for Qt translations, QML, unused Qt libraries and plugins, test folders and caches.
    """
    path_parts = PurePath(dest).parts
    if "__pycache__" in path_parts or "tests" in path_parts:
        return False
    parts = _qt_parts(dest)
    if parts is None:
        return True
    if {"translations", "qml", "libexec", "metatypes"} & set(parts):
        return False
    if "plugins" in parts:
        i = parts.index("plugins")
        if len(parts) < i + 3:
            return True
        return any(key in parts[i + 2] for key in QT_PLUGIN_KEEP.get(parts[i + 1], ()))
    for part in parts:
        name = qt_library_name(part)
        if name is not None:
            return name in QT_KEEP
    return True


def is_root(dest: str, typecode: str) -> bool:
    """Whether a binary is loaded on its own, not only as a dependency of another.

    Roots are extension modules, Qt plugins, libpython and programs in a ``bin`` folder
    (pygraphviz runs its bundled ``tred``, ``gvpr``... from ``pygraphviz/bin``).
    """
    parts = PurePath(dest).parts
    return (typecode == "EXTENSION" or "plugins" in parts or "bin" in parts[:-1]
            or parts[-1].startswith("libpython"))


def reachable(binaries: Iterable[tuple[str, str, str]], imports_of: Callable[[str], Iterable[str]]) -> set[str]:
    """Destinations of the binaries that a root binary needs, directly or through others.

    Parameters
    ----------
    binaries : iterable of (dest, source, typecode)
        PyInstaller's TOC of binaries.
    imports_of : callable
        Source path -> the shared libraries it links, as names or (name, path) pairs.

    Returns
    -------
    set of str
        The destinations of the roots and of every library they reach.
    """
    entries = list(binaries)
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for entry in entries:
        by_name.setdefault(PurePath(entry[0]).name, []).append(entry)
    todo = [entry for entry in entries if is_root(entry[0], entry[2])]
    seen = {entry[0] for entry in todo}
    while todo:
        _dest, source, _code = todo.pop()
        for needed in imports_of(source):
            name = needed[0] if isinstance(needed, tuple) else needed
            for entry in by_name.get(PurePath(name).name, ()):
                if entry[0] not in seen:
                    seen.add(entry[0])
                    todo.append(entry)
    return seen


def prune(binaries: list[tuple[str, str, str]], imports_of: Callable[[str], Iterable[str]]) -> list:
    """The binaries without shared libraries that nothing kept needs any more (left by dropped plugins).

    Symbolic links and other non-``BINARY`` entries are kept as they are.
    """
    needed = reachable(binaries, imports_of)
    return [entry for entry in binaries if entry[2] != "BINARY" or entry[0] in needed]
