"""Every command of the main window in ONE table: menus, toolbar, canvas keys and the shortcuts page.

Each row names the action, its text, its shortcut(s) (a standard key where
Qt has one, so platform conventions hold), its icon, the slot it calls (a
dotted path from the window, looked up when the action fires, so the scene
may be replaced) and the menu it sits in. Rows of ``scope="canvas"`` are
keys of the map canvas: the canvas handles them while it has the focus
(so Enter or Tab still type into the other panels), the menus show them
and run them on the selection. A row without a slot only documents keys
the canvas handles itself (moving boxes). :data:`GESTURES` lists what the
mouse does; the guide and *Help → Keyboard Shortcuts* list both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
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
    shortcut : QKeySequence.StandardKey, str, tuple of str, or None
        A standard key when one exists, else a portable string such as ``"Ctrl+L"``;
        a tuple gives several keys (the first is shown in menus).
    icon : str
        A ``QStyle.StandardPixmap`` name (``"SP_DialogSaveButton"``) or empty.
    slot : str
        Dotted path from the window to a callable (``"files.save"``, ``"scene.layout_all"``);
        empty for a row that only documents keys.
    menu : str
        The menu (``"File"``, ``"Edit"``, ``"Map"``, ``"Go"``, ``"View"``, ``"Help"``), or empty.
    toolbar : bool
        Also on the toolbar.
    checkable : bool
        A toggle; the slot then receives the checked state.
    separator : bool
        Put a separator before it in its menu.
    tip : str
        Status tip (and what the shortcuts page says the keys do).
    scope : {"window", "canvas"}
        Where the keys work: anywhere in the window, or on the canvas (slot
        ``scene.*``).
    short : str
        The text on a button (its icon text), when shorter than the menu's.
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
    scope: str = "window"
    short: str = ""


MENUS = ("File", "Edit", "Map", "Go", "Review", "View", "Help")
MENU_TITLES = {"Review": "Revie&w"}
"""Menu titles whose mnemonic is not the first letter (R is the Source panel's *Add as reason*)."""

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
    A("file.compare", "Compare &With…", "", "", "review.compare.compare_with", "File",
      tip="Overlay another version of the map (any readable format) and take or leave its changes"),
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
    A("edit.select_all", "Select &All", "Ctrl+A", "", "scene.select_all", "Edit", tip="Select every shown statement",
      scope="canvas"),
    A("map.add_claim", "Add &Claim", "Ctrl+Shift+N", "", "scene.add_statement", "Map", True,
      tip="A new top-level claim, in view"),
    A("map.add_premise", "Add &Premise", ("Tab", "Ins", "Ctrl+Shift+Down"), "", "scene.add_premise", "Map", True,
      tip="A reason under the selected statement", scope="canvas"),
    A("map.add_sibling", "Add &Sibling", ("Return", "Enter"), "", "scene.add_sibling", "Map",
      tip="Another reason for what the selection supports (or another objection to what it attacks)",
      scope="canvas"),
    A("map.add_conclusion", "Add Co&nclusion", ("Shift+Tab",), "", "scene.add_conclusion", "Map",
      tip="A new claim over the selection: it supports the new claim, which takes its place", scope="canvas"),
    A("map.add_co_premise", "Add Co-pre&mise", ("Ctrl+Shift+Right",), "", "scene.add_co_premise", "Map",
      tip="A premise linked with the selected one (both are needed)", scope="canvas"),
    A("map.add_objection", "Add &Objection", ("Ctrl+Return", "Ctrl+Enter", "Ctrl+Shift+O"), "", "scene.add_objection",
      "Map", True, tip="A claim that attacks the selection (on a support arrow: undercuts it)", scope="canvas"),
    A("map.link_support", "Lin&k: Supports…", ("Ctrl+K",), "", "scene.link_support_by_key", "Map", separator=True,
      tip="Press on the statements to link from, select what they support, press again", scope="canvas"),
    A("map.link_attack", "Link: A&ttacks…", ("Ctrl+Shift+K",), "", "scene.link_attack_by_key", "Map",
      tip="Press on the statements to link from, select what they attack, press again", scope="canvas"),
    A("map.edit_text", "&Edit Text", "F2", "", "scene.edit_selected", "Map", separator=True,
      tip="Edit the text in place: Enter keeps it, Shift+Enter starts a new line, Esc cancels"),
    A("map.kind_claim", "Make Claim", "Ctrl+1", "", "set_kind_claim", "Map", tip="The selection becomes claims"),
    A("map.kind_evidence", "Make Evidence", "Ctrl+2", "", "set_kind_evidence", "Map",
      tip="The selection becomes evidence (a ground: a report, a quote, a figure)"),
    A("map.kind_recommendation", "Make Recommendation", "Ctrl+3", "", "set_kind_recommendation", "Map",
      tip="The selection becomes recommendations (a call to action)"),
    A("map.assume", "Ass&ume", "Ctrl+4", "", "tradecraft.assume", "Map", separator=True,
      tip="The selected claims become stated assumptions: accepted without support, listed by a Key Assumptions "
          "Check (AM012)"),
    A("map.stop_assuming", "Stop Assumin&g", "Ctrl+Alt+4", "", "tradecraft.stop_assuming", "Map",
      tip="The selected claims are no longer assumed: they need support again"),
    A("map.new_source", "Ne&w Source…", "Ctrl+Alt+N", "", "tradecraft.new_source", "Map",
      tip="A report, a person or a document the evidence comes from, with its reliability (A-F)"),
    A("map.cite_source", "C&ite Source…", "Ctrl+Alt+I", "", "tradecraft.cite_source", "Map",
      tip="The selected evidence cites one of the map's sources, or a new one"),
    A("map.collapse", "Collapse / E&xpand", ("Ctrl+Shift+C",), "", "scene.toggle_collapse", "Map",
      tip="Hide or show the branch under the selected statement", scope="canvas"),
    A("map.layout_all", "Auto &Layout", "Ctrl+L", "SP_BrowserReload", "scene.layout_all", "Map", True,
      separator=True),
    A("map.layout_selection", "Layout &Selection", "Ctrl+Shift+L", "", "scene.layout_selection", "Map"),
    A("map.recheck", "Re-&check", SK.Refresh, "", "document.recheck", "Map"),
    A("map.attach_source", "Attach Source &Text…", "", "", "source.ask_attach", "Map", separator=True,
      tip="The article as a text file (.txt, .md): turn its passages into statements in the Source panel"),
    A("map.draft", "&Draft from Source Text", "Ctrl+Shift+D", "", "drafting.draft_source", "Map",
      tip="Propose a first map of the text: its statements, the main claim, supports and attacks, for you to review"),
    A("map.draft_selection", "Dra&ft from Selection", "", "", "drafting.draft_selection", "Map",
      tip="Propose a map of the passage selected in the Source panel only, beside what the map holds",
      short="Draft selection"),
    A("map.properties", "P&roperties…", "Ctrl+Shift+P", "", "show_properties", "Map",
      tip="Title, author and date of the map; title, author, date and address of its source"),
    A("proposal.accept", "&Accept Proposal", "Ctrl+Shift+A", "", "drafting.accept", "Map", separator=True,
      tip="Keep the selected proposal of the draft (a statement with its relations), then go to the next",
      short="Accept"),
    A("proposal.reject", "Re&ject Proposal", "Ctrl+Shift+R", "", "drafting.reject", "Map",
      tip="Remove the selected proposal (its text is then not mapped), then go to the next", short="Reject"),
    A("proposal.accept_all", "Accept All Proposals", "Ctrl+Alt+Shift+A", "", "drafting.accept_all", "Map",
      tip="Keep every proposal still left", short="Accept All"),
    A("proposal.reject_all", "Reject All Proposals", "Ctrl+Alt+Shift+R", "", "drafting.reject_all", "Map",
      tip="Remove every proposal still left (the analyst's own statements stay)", short="Reject All"),
    A("go.conclusion", "Go to &Conclusion", ("Alt+Up",), "", "scene.go_conclusion", "Go",
      tip="Up the structure: to what the statement supports or attacks", scope="canvas"),
    A("go.premise", "Go to &Premise", ("Alt+Down",), "", "scene.go_premise", "Go",
      tip="Down the structure: to a statement under it", scope="canvas"),
    A("go.previous", "P&revious Sibling", ("Alt+Left",), "", "scene.go_previous", "Go",
      tip="To the statement left of it under the same conclusion", scope="canvas"),
    A("go.next", "&Next Sibling", ("Alt+Right",), "", "scene.go_next", "Go",
      tip="To the statement right of it under the same conclusion", scope="canvas"),
    A("proposal.next", "Next Pr&oposal", "F8", "", "drafting.next_proposal", "Go", separator=True,
      tip="To the next proposal of the draft, in the order of the text", short="Next ▸"),
    A("proposal.previous", "Previous Propos&al", "Shift+F8", "", "drafting.previous_proposal", "Go",
      tip="To the previous proposal of the draft", short="◂ Previous"),
    A("go.clear", "C&lear Selection", ("Esc",), "", "scene.clear_selection", "Go", separator=True,
      tip="Deselect (and cancel a link started with Ctrl+K)", scope="canvas"),
    A("go.move", "Move the selection", ("Left", "Right", "Up", "Down"), "", "", "",
      tip="Arrow keys move the selected boxes 10 px (with Shift 50 px); repeated moves are one undo step"),
    A("go.delete", "Delete", ("Backspace",), "", "scene.delete_selection", "", scope="canvas",
      tip="Delete the selection and what depends on it"),
    A("go.leave", "Leave the canvas", ("Ctrl+Tab", "Ctrl+Shift+Tab"), "", "", "",
      tip="To the next (previous) panel: Tab and Shift+Tab add statements while one is selected"),
    A("review.next", "&Next Change", "F7", "", "review.compare.next_change", "Review",
      tip="To the next change of the comparison still to decide"),
    A("review.previous", "&Previous Change", "Shift+F7", "", "review.compare.previous_change", "Review",
      tip="To the previous change of the comparison still to decide"),
    A("review.take", "&Take Change", "F9", "", "review.compare.take", "Review",
      tip="Take the change in hand into the map (one undo step)"),
    A("review.leave", "&Leave Change", "Shift+F9", "", "review.compare.leave", "Review",
      tip="Keep the map's own version; the change stays listed as left"),
    A("review.take_all", "Take &All Changes", "", "", "review.compare.take_all", "Review",
      tip="Take every change still to decide, in one undo step"),
    A("review.end", "&End Comparison", "", "", "review.compare.end", "Review",
      tip="Take the comparison's marks off the canvas"),
    A("review.keep_ours", "Keep &Ours", "", "", "review.conflicts.keep_ours", "Review", separator=True,
      tip="Settle the merge conflict in hand with this map's value (one undo step)"),
    A("review.take_theirs", "Take T&heirs", "", "", "review.conflicts.take_theirs", "Review",
      tip="Settle the merge conflict in hand with the other branch's value (one undo step)"),
    A("review.take_base", "Take &Base", "", "", "review.conflicts.take_base", "Review",
      tip="Settle the merge conflict in hand with the common ancestor's value (one undo step)"),
    A("review.comment", "Add &Comment…", "Ctrl+Alt+M", "", "review.add_comment", "Review", separator=True,
      tip="Write a comment on the selected statement, support or attack (in the Inspector)"),
    A("review.comments", "&Open Comments", "", "", "review.show_comments", "Review",
      tip="The Review panel: every open comment, to go to and resolve"),
    A("view.zoom_in", "Zoom &In", SK.ZoomIn, "", "view.zoom_in", "View", separator=False),
    A("view.zoom_out", "Zoom &Out", SK.ZoomOut, "", "view.zoom_out", "View"),
    A("view.fit", "&Fit Map", "Ctrl+0", "", "view.fit_all", "View", True),
    A("view.dark", "&Dark Theme", "", "", "set_dark", "View", checkable=True, separator=True),
    A("help.rules", "Check &Rules", SK.HelpContents, "SP_DialogHelpButton", "show_rules", "Help"),
    A("help.shortcuts", "&Keyboard Shortcuts", "Ctrl+/", "", "show_shortcuts", "Help"),
    A("help.about", "&About argmap", "", "", "show_about", "Help", separator=True),
)


GESTURES: tuple[tuple[str, str], ...] = (
    ("Drag the + handle under a box onto another box", "link: it supports that box (Alt or Shift held: attacks it)"),
    ("… onto a junction dot", "join the linked premises there (a co-premise)"),
    ("… onto a support arrow", "undercut that support"),
    ("Drag a passage of the source text onto a box", "a menu: evidence for it, reason for it, objection to it"),
    ("Double-click a box", "edit its text (or F2)"),
    ("Double-click / triple-click in the source text", "select a sentence / a paragraph"),
    ("Drag a box", "move it (the selection moves with it)"),
    ("Space+drag, middle or right drag", "pan the view"),
    ("Wheel", "zoom around the pointer"),
)
"""What the mouse does on the canvas and in the source text (listed with the keys)."""


def keys_of(shortcut: object) -> tuple:
    """The keys of a table entry as a tuple (standard keys, strings)."""
    if shortcut is None or shortcut == "":
        return ()
    return tuple(shortcut) if isinstance(shortcut, tuple) else (shortcut,)


def key_sequence(shortcut: object) -> QKeySequence:
    """The (first) key sequence of a table entry (standard key, text, tuple, or none)."""
    keys = keys_of(shortcut)
    return QKeySequence(keys[0]) if keys else QKeySequence()


def shortcut_text(shortcut: object) -> str:
    """The shortcut(s) as people read them on this platform, joined by ", " (may be empty)."""
    return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys_of(shortcut))


def canvas_keys() -> list[tuple[QKeySequence, str]]:
    """``(key, scene method name)`` for every key of a row whose slot is on the canvas.

    Rows of scope "canvas" are handled only there. The canvas also knows
    the keys of window rows with a canvas slot (Delete, copy, paste, F2), so
    it works on its own; in the window their shortcut fires first.
    """
    out = []
    for spec in ACTIONS:
        if spec.slot.startswith("scene."):
            out += [(QKeySequence(k), spec.slot.removeprefix("scene.")) for k in keys_of(spec.shortcut)]
    return [(key, slot) for key, slot in out if not key.isEmpty()]


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
    """A ``QAction`` per table row with a slot, parented to ``window``, triggering its slot.

    The keys of canvas rows are shown but left to the canvas (a widget
    shortcut of the window, which never has the focus itself, never fires).
    """
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        if not spec.slot:
            continue
        action = QAction(_icon(window, spec.icon), spec.text, window)
        action.setObjectName(spec.id)
        action.setShortcuts([QKeySequence(k) for k in keys_of(spec.shortcut)])
        if spec.scope == "canvas":
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setStatusTip(spec.tip)
        if spec.short:
            action.setIconText(spec.short)
        action.setToolTip(spec.text.replace("&", "").rstrip("…") + _key_hint(spec.shortcut))
        action.setCheckable(spec.checkable)
        action.triggered.connect(_caller(window, spec))
        actions[spec.id] = action
    return actions


def _key_hint(shortcut: object) -> str:
    keys = keys_of(shortcut)
    return f" ({QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)})" if keys else ""


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
    menus = {name: window.menuBar().addMenu(MENU_TITLES.get(name, "&" + name)) for name in MENUS}
    for name, menu in menus.items():
        menu.setObjectName(f"menu.{name.lower()}")
    for spec in ACTIONS:
        if not spec.menu or spec.id not in actions:
            continue
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
