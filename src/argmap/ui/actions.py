"""Every command of the main window in ONE table: menus, toolbar and the shortcuts page come from it.

Each row names the action, its text, its shortcut (a standard key where Qt
has one, so platform conventions hold), its icon, the slot it calls (a
dotted path from the window, looked up when the action fires, so the scene
may be replaced) and the menu it sits in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar, QWidget

SK = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One row of the table.

    Attributes
    ----------
    id : str
        Stable name (``"file.save"``); tests and settings use it.
    text : str
        Menu text with ``&`` mnemonic.
    shortcut : QKeySequence.StandardKey, str or None
        A standard key when one exists, else a portable string such as ``"Ctrl+L"``.
    icon : str
        A ``QStyle.StandardPixmap`` name (``"SP_DialogSaveButton"``) or empty.
    slot : str
        Dotted path from the window to a callable (``"files.save"``, ``"scene.layout_all"``).
    menu : str
        The menu (``"File"``, ``"Edit"``, ``"View"``, ``"Map"``, ``"Help"``).
    toolbar : bool
        Also on the toolbar.
    checkable : bool
        A toggle; the slot then receives the checked state.
    separator : bool
        Put a separator before it in its menu.
    tip : str
        Status tip.
    """

    id: str
    text: str
    shortcut: object
    icon: str
    slot: str
    menu: str
    toolbar: bool = False
    checkable: bool = False
    separator: bool = False
    tip: str = ""


MENUS = ("File", "Edit", "Map", "View", "Help")

A = ActionSpec
ACTIONS: tuple[ActionSpec, ...] = (
    A("file.new", "&New", SK.New, "SP_FileIcon", "files.new_file", "File", True, tip="Start an empty map"),
    A("file.open", "&Open…", SK.Open, "SP_DialogOpenButton", "files.open_file", "File", True,
      tip="Open a map in any readable format"),
    A("file.import", "&Import…", "Ctrl+Shift+I", "", "files.import_file", "File", separator=True,
      tip="Read another format (Argdown, AIF, GraphML) as a new untitled map"),
    A("file.save", "&Save", SK.Save, "SP_DialogSaveButton", "files.save", "File", True, separator=True),
    A("file.save_as", "Save &As…", SK.SaveAs, "", "files.save_as", "File"),
    A("file.revert", "&Revert to Saved", "", "SP_BrowserReload", "files.revert", "File"),
    A("file.export", "E&xport…", "Ctrl+Shift+E", "", "files.export_file", "File", separator=True,
      tip="Write the map in another format (Argdown, AIF, GraphML, DOT, outline)"),
    A("file.export_image", "Export &Image…", "Ctrl+E", "", "export_image", "File",
      tip="PNG, SVG or PDF picture of the map"),
    A("file.copy_image", "Copy as Ima&ge", "Ctrl+Alt+C", "", "copy_image", "File"),
    A("file.print", "&Print…", SK.Print, "", "print_map", "File"),
    A("file.close", "&Close", SK.Close, "", "files.close_file", "File", separator=True),
    A("file.quit", "&Quit", SK.Quit, "", "close", "File"),
    A("edit.undo", "&Undo", SK.Undo, "SP_ArrowBack", "document.undo_stack.undo", "Edit", True),
    A("edit.redo", "&Redo", SK.Redo, "SP_ArrowForward", "document.undo_stack.redo", "Edit", True),
    A("edit.cut", "Cu&t", SK.Cut, "", "scene.cut_selection", "Edit", separator=True),
    A("edit.copy", "&Copy", SK.Copy, "", "scene.copy_selection", "Edit"),
    A("edit.paste", "&Paste", SK.Paste, "", "scene.paste", "Edit"),
    A("edit.delete", "&Delete", SK.Delete, "SP_TrashIcon", "scene.delete_selection", "Edit"),
    A("edit.find", "&Find…", SK.Find, "SP_FileDialogContentsView", "find_bar.start", "Edit", separator=True),
    A("edit.find_next", "Find &Next", SK.FindNext, "", "find_bar.find_next", "Edit"),
    A("edit.find_previous", "Find Pre&vious", SK.FindPrevious, "", "find_bar.find_previous", "Edit"),
    A("edit.preferences", "Pr&eferences…", SK.Preferences, "", "show_preferences", "Edit", separator=True),
    A("map.add_claim", "Add &Claim", "", "", "scene.add_statement", "Map", True,
      tip="A new top-level claim"),
    A("map.add_premise", "Add &Premise", "", "", "scene.add_premise", "Map", True,
      tip="A reason for the selected statement"),
    A("map.add_co_premise", "Add Co-pre&mise", "", "", "scene.add_co_premise", "Map",
      tip="A premise linked with the selected one (both are needed)"),
    A("map.add_objection", "Add &Objection", "", "", "scene.add_objection", "Map", True,
      tip="A claim that attacks the selection"),
    A("map.edit_text", "&Edit Text", "F2", "", "edit_selected_text", "Map", separator=True),
    A("map.kind_claim", "Make Claim", "", "", "set_kind_claim", "Map"),
    A("map.kind_evidence", "Make Evidence", "", "", "set_kind_evidence", "Map"),
    A("map.kind_recommendation", "Make Recommendation", "", "", "set_kind_recommendation", "Map"),
    A("map.collapse", "Collapse / E&xpand", "", "", "scene.toggle_collapse", "Map"),
    A("map.layout_all", "Auto &Layout", "Ctrl+L", "SP_BrowserReload", "scene.layout_all", "Map", True,
      separator=True),
    A("map.layout_selection", "Layout &Selection", "Ctrl+Shift+L", "", "scene.layout_selection", "Map"),
    A("map.recheck", "Re-&check", SK.Refresh, "", "document.recheck", "Map"),
    A("map.attach_source", "Attach Source &Text…", "", "", "source.ask_attach", "Map", separator=True),
    A("view.zoom_in", "Zoom &In", SK.ZoomIn, "", "view.zoom_in", "View", separator=False),
    A("view.zoom_out", "Zoom &Out", SK.ZoomOut, "", "view.zoom_out", "View"),
    A("view.fit", "&Fit Map", "Ctrl+0", "", "view.fit_all", "View", True),
    A("view.dark", "&Dark Theme", "", "", "set_dark", "View", checkable=True, separator=True),
    A("help.rules", "Check &Rules", SK.HelpContents, "SP_DialogHelpButton", "show_rules", "Help"),
    A("help.shortcuts", "&Keyboard Shortcuts", "", "", "show_shortcuts", "Help"),
    A("help.about", "&About argmap", "", "", "show_about", "Help", separator=True),
)


def key_sequence(shortcut: object) -> QKeySequence:
    """The key sequence of a table entry (standard key, text, or none)."""
    if shortcut is None or shortcut == "":
        return QKeySequence()
    if isinstance(shortcut, str):
        return QKeySequence(shortcut)
    return QKeySequence(shortcut)


def shortcut_text(shortcut: object) -> str:
    """The shortcut as people read it on this platform (may be empty)."""
    return key_sequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)


def resolve(root: object, path: str) -> Callable:
    """The callable at dotted ``path`` from ``root`` (``"scene.layout_all"``)."""
    target = root
    for part in path.split("."):
        target = getattr(target, part)
    return target


def _icon(widget: QWidget, name: str) -> QIcon:
    if not name:
        return QIcon()
    pixmap = getattr(QStyle.StandardPixmap, name, None)
    return widget.style().standardIcon(pixmap) if pixmap is not None else QIcon()


def build_actions(window: QMainWindow) -> dict[str, QAction]:
    """A ``QAction`` per table row, parented to ``window``, triggering its slot."""
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(_icon(window, spec.icon), spec.text, window)
        action.setObjectName(spec.id)
        action.setShortcut(key_sequence(spec.shortcut))
        action.setStatusTip(spec.tip)
        action.setCheckable(spec.checkable)
        action.triggered.connect(_caller(window, spec))
        actions[spec.id] = action
    return actions


def _caller(window: QMainWindow, spec: ActionSpec) -> Callable:
    def call(checked: bool = False) -> None:
        slot = resolve(window, spec.slot)
        if spec.checkable:
            slot(checked)
        else:
            slot()
    return call


def build_menus(window: QMainWindow, actions: dict[str, QAction]) -> dict[str, QMenu]:
    """Fill the window's menu bar from the table; returns the menus by name."""
    menus = {name: window.menuBar().addMenu("&" + name) for name in MENUS}
    for name, menu in menus.items():
        menu.setObjectName(f"menu.{name.lower()}")
    for spec in ACTIONS:
        menu = menus[spec.menu]
        if spec.separator and menu.actions():
            menu.addSeparator()
        menu.addAction(actions[spec.id])
    return menus


def build_toolbar(window: QMainWindow, actions: dict[str, QAction]) -> QToolBar:
    """The main toolbar: the table rows marked ``toolbar``."""
    bar = window.addToolBar("Main")
    bar.setObjectName("toolbar.main")
    last_menu = None
    for spec in ACTIONS:
        if not spec.toolbar:
            continue
        if last_menu is not None and spec.menu != last_menu:
            bar.addSeparator()
        bar.addAction(actions[spec.id])
        last_menu = spec.menu
    return bar
