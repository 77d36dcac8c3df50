"""A canvas a screen reader can read: the statements and relations through QAccessible, and through AT-SPI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest

from argmap.commands import actions
from argmap.commands.edits import execute
from argmap.formats import read_file
from argmap.resources_path import example_map
from argmap.ui.accessibility import counts_phrase, describe

HERE = Path(__file__).resolve().parent
NAME, DESCRIPTION = QAccessible.Text.Name, QAccessible.Text.Description


@pytest.fixture
def window(make_window):
    return make_window()


def _children(iface):
    return [iface.child(n) for n in range(iface.childCount())]


def test_every_statement_and_relation_of_the_bundled_map_is_in_the_tree(window):
    amap = read_file(example_map())
    canvas = QAccessible.queryAccessibleInterface(window.view)
    assert canvas.role() == QAccessible.Role.List and canvas.text(NAME) == "Argument map"
    kids = _children(canvas)
    assert len(kids) == len(amap.statements) + len(amap.inferences) + len(amap.conflicts)
    by_name = {k.text(NAME): k for k in kids}
    for st in amap.statements.values():
        child = by_name[st.text]
        assert child.role() == QAccessible.Role.ListItem
        assert child.text(DESCRIPTION).startswith(st.kind.capitalize())
        assert canvas.indexOfChild(child) == kids.index(child) and child.parent() is canvas
    role = window.scene.role_of("s1") or ""
    assert role in by_name[amap.statements["s1"].text].text(DESCRIPTION)
    supports = [k.text(NAME) for k in kids if k.text(NAME).startswith("Support: ")]
    attacks = [k.text(NAME) for k in kids if k.text(NAME).startswith(("Attack: ", "Undercut: "))]
    assert len(supports) == len(amap.inferences) and len(attacks) == len(amap.conflicts)


def test_descriptions_say_label_links_and_worst_finding(window):
    doc = window.document
    canvas = QAccessible.queryAccessibleInterface(window.view)
    target = next(d.target for d in doc.report.diagnostics if d.severity == "error")
    child = window.view.accessible_tree().child_for(target)
    text = child.text(DESCRIPTION)
    label = doc.report.labels[target]
    assert f", {label}." in text and "Worst finding: AM00" in text and "error" in text
    inf = next(iter(doc.amap.inferences.values()))
    conclusion = window.view.accessible_tree().child_for(inf.conclusion)
    assert "Supported by" in conclusion.text(DESCRIPTION)
    flows = {iface.text(NAME) for iface, flag in conclusion.relations() if flag == QAccessible.RelationFlag.FlowsFrom}
    assert {doc.amap.statements[p].text for p in inf.premises} <= flows
    assert canvas.childCount() > 0


def test_the_tree_follows_edits_and_undo(window, qtbot):
    doc = window.document
    canvas = QAccessible.queryAccessibleInterface(window.view)
    count = canvas.childCount()
    sid = next(iter(doc.amap.statements))
    old = window.view.accessible_tree().child_for(sid)
    with qtbot.waitSignal(doc.report_changed, timeout=3000):
        execute(doc.undo_stack, actions.add_premise(doc.amap, sid, text="A new reason, read aloud"))
    assert canvas.childCount() == count + 2  # the statement and its support
    names = [k.text(NAME) for k in _children(canvas)]
    assert "A new reason, read aloud" in names
    assert "supported by" in old.text(DESCRIPTION).lower()
    doc.undo_stack.undo()
    assert canvas.childCount() == count
    assert "A new reason, read aloud" not in [k.text(NAME) for k in _children(canvas)]


def test_focus_follows_the_selection_and_the_keys(window):
    canvas = QAccessible.queryAccessibleInterface(window.view)
    window.view.setFocus()
    premise = next(iter(window.document.amap.inferences.values())).premises[0]
    window.select_and_center(premise)
    focus = canvas.focusChild()
    assert focus is not None and focus.text(NAME) == window.document.amap.statements[premise].text
    assert focus.state().selected
    QTest.keyClick(window.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    up = window.scene.selected_ids()[0]
    assert canvas.focusChild().text(NAME) == window.document.amap.statements[up].text
    assert up in window.statusBar().currentMessage() and "of" in window.statusBar().currentMessage()


def test_words_for_links_and_findings():
    assert counts_phrase({"supported_by": 2, "attacked_by": 1}) == "supported by 2, attacked by 1"
    assert counts_phrase({}) == "nothing supports or attacks it"

    class Finding:
        def __init__(self, code, severity, message):
            self.code, self.severity, self.message = code, severity, message

    text = describe("claim", "objection", "out", {"supported_by": 0, "attacked_by": 1},
                    [Finding("AM006", "warning", "Disconnected."), Finding("AM001", "error", "Unsupported.")])
    assert text == ("Claim, objection, out. Attacked by 1. Worst finding: AM001 error: Unsupported. "
                    "(and 1 more)")


def _atspi_missing() -> str:
    needs = {"xvfb-run": shutil.which("xvfb-run"), "dbus-launch": shutil.which("dbus-launch"),
             "/usr/libexec/at-spi-bus-launcher": Path("/usr/libexec/at-spi-bus-launcher").exists(),
             "/usr/libexec/at-spi2-registryd": Path("/usr/libexec/at-spi2-registryd").exists(),
             "/usr/bin/python3": Path("/usr/bin/python3").exists()}
    missing = [name for name, there in needs.items() if not there]
    if not missing:
        probe = subprocess.run(["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True)
        if probe.returncode:
            missing.append("python3-pyatspi")
    return ", ".join(missing)


@pytest.mark.slow
def test_a_screen_reader_sees_every_statement_through_at_spi(tmp_path):
    missing = _atspi_missing()
    if missing:
        pytest.skip(f"the AT-SPI test needs {missing} (apt: at-spi2-core python3-pyatspi dbus-x11 xvfb)")
    env = {**os.environ, "ARGMAP_RECOVERY_DIR": str(tmp_path / "recovery"), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "HOME": str(tmp_path)}
    env.pop("QT_QPA_PLATFORM", None)
    run = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "bash", str(HERE / "atspi" / "run_app.sh"),
                          sys.executable, str(HERE / "atspi" / "walk_tree.py"), "40"],
                         capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == 0, run.stderr[-2000:]
    tree = json.loads(run.stdout)
    assert "argmap" in tree["apps"]
    nodes = tree["nodes"]
    canvas = [n for n in nodes if n[1] == "list" and n[2] == "Argument map"]
    assert len(canvas) == 1, [n for n in nodes if n[1] == "list"]
    items = {name: description for _, role, name, description in nodes if role == "list item"}
    amap = read_file(example_map())
    for st in amap.statements.values():
        assert st.text in items, st.id
        assert items[st.text].startswith(st.kind.capitalize()), (st.id, items[st.text])
    assert sum(name.startswith(("Support: ", "Attack: ", "Undercut: ")) for name in items) == \
        len(amap.inferences) + len(amap.conflicts)
