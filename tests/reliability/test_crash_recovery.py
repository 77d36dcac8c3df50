"""Autosave and crash recovery end to end: the real app in a subprocess, killed with SIGKILL.

The app runs as ``python -m argmap FILE`` (offscreen) with its own
settings and data folders (``XDG_CONFIG_HOME``, ``XDG_DATA_HOME``,
``HOME`` under the test's tmp folder), so the recovery folder is the one
``QStandardPaths.AppDataLocation`` gives: ``$XDG_DATA_HOME/argmap/argmap/recovery``.
The edits are made by the app's test hook (``ARGMAP_TEST_SCRIPT``, see
:mod:`argmap.app`); ``ARGMAP_AUTOSAVE_MS`` makes autosave fast and
``ARGMAP_TEST_ANSWER_RECOVERY`` answers the "restore?" prompt.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from argmap.commands import actions
from argmap.commands.edits import execute
from argmap.formats import read_file, write_file
from argmap.model import FormatError
from argmap.model.synth import argument_like

pytestmark = pytest.mark.slow

STARTUP_TIMEOUT = 60.0
"""Generous: only a hung app reaches it (nothing here measures speed)."""


class App:
    """One ``python -m argmap`` process with isolated folders."""

    def __init__(self, home: Path, path: Path, steps: list[dict], **env: str):
        self.home = home
        script = home / f"script-{time.monotonic_ns()}.json"
        script.write_text(json.dumps(steps), encoding="utf-8")
        self.stderr_path = home / f"stderr-{time.monotonic_ns()}.txt"
        environment = {k: v for k, v in os.environ.items()
                       if not k.startswith("ARGMAP_") and k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        environment.update(QT_QPA_PLATFORM="offscreen", HOME=str(home / "home"),
                           XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                           ARGMAP_TEST_SCRIPT=str(script), ARGMAP_AUTOSAVE_MS="100", **env)
        with self.stderr_path.open("w") as err:
            self.process = subprocess.Popen([sys.executable, "-m", "argmap", str(path)], env=environment,
                                            stdout=subprocess.DEVNULL, stderr=err)

    @property
    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def wait(self) -> int:
        try:
            return self.process.wait(timeout=STARTUP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            pytest.fail(f"the app did not exit; its stderr:\n{self.stderr}")

    def kill(self) -> int:
        self.process.send_signal(signal.SIGKILL)
        return self.process.wait(timeout=STARTUP_TIMEOUT)


def recovery_folder(home: Path) -> Path:
    return home / "data" / "argmap" / "argmap" / "recovery"


def _wait_for(condition, what: str, app: App) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if condition():
            return
        if app.process.poll() is not None:
            pytest.fail(f"the app exited ({app.process.returncode}) before {what}; stderr:\n{app.stderr}")
        time.sleep(0.05)
    app.process.kill()
    pytest.fail(f"timed out waiting for {what}; stderr:\n{app.stderr}")


def _json_written(path: Path) -> bool:
    """Whether ``path`` holds a whole JSON document (not yet there, or half written, is False)."""
    try:
        json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return True


def _recovered_equals(home: Path, expected) -> bool:
    for path in recovery_folder(home).glob("*.argmap") if recovery_folder(home).is_dir() else []:
        try:
            if read_file(path) == expected:
                return True
        except FormatError:
            continue  # (never half-written: autosave is atomic; a failure here would show in the final check)
    return False


@pytest.fixture
def session(tmp_path):
    """A map on disk, the script's edits, and the map those edits give (made here with the same builders)."""
    path = tmp_path / "maps" / "work.argmap"
    path.parent.mkdir()
    write_file(argument_like(25, seed=4), path)
    amap = read_file(path)
    first, second = list(amap.statements)[:2]
    steps = [{"op": "add_statement", "kind": "claim", "text": "Recovered after a crash"},
             {"op": "add_premise", "to": first, "text": "A new premise"},
             {"op": "add_objection", "to": second, "text": "An objection"},
             {"op": "edit_text", "id": first, "text": "Rewritten before the crash"},
             {"op": "set_kind", "id": second, "kind": "recommendation"}]
    expected = amap.copy()
    stack_free = _apply(expected, steps)
    return path, steps, stack_free


def _apply(amap, steps):
    from PySide6.QtGui import QUndoStack

    stack = QUndoStack()
    build = {"add_statement": lambda s: actions.add_statement(amap, s["kind"], s["text"]),
             "add_premise": lambda s: actions.add_premise(amap, s["to"], text=s["text"]),
             "add_objection": lambda s: actions.add_objection(amap, s["to"], text=s["text"]),
             "edit_text": lambda s: actions.edit_text(amap, s["id"], s["text"]),
             "set_kind": lambda s: actions.set_kind(amap, [s["id"]], s["kind"])}
    for step in steps:
        execute(stack, build[step["op"]](step))
    return amap


def test_edits_survive_sigkill_and_are_restored(tmp_path, session, qapp):
    path, steps, expected = session
    original = path.read_bytes()
    first = App(tmp_path, path, steps + [{"op": "report", "path": str(tmp_path / "before.json")}])
    # The autosave may land before the report step has run: wait for both, or the kill can come in between.
    _wait_for(lambda: _recovered_equals(tmp_path, expected) and _json_written(tmp_path / "before.json"),
              "the recovery file with every edit, and the app's report", first)
    assert first.kill() == -signal.SIGKILL
    assert path.read_bytes() == original                     # the crash never touched the file
    left = list(recovery_folder(tmp_path).glob("*.argmap"))
    assert len(left) == 1 and read_file(left[0]) == expected
    assert json.loads((tmp_path / "before.json").read_text())["modified"] is True

    out = tmp_path / "maps" / "rescued.argmap"
    second = App(tmp_path, path, [{"op": "report", "path": str(tmp_path / "after.json")},
                                  {"op": "save_as", "path": str(out)}, {"op": "close"}],
                 ARGMAP_TEST_ANSWER_RECOVERY="restore")
    assert second.wait() == 0, second.stderr
    assert f"recovery offered: {path}" in second.stderr
    state = json.loads((tmp_path / "after.json").read_text())
    assert state["modified"] is True and state["path"] == str(path)
    assert read_file(out) == expected                         # the restored map has every edit
    assert path.read_bytes() == original
    assert list(recovery_folder(tmp_path).glob("*.argmap")) == []   # used up, then a clean exit


def test_no_recovery_is_offered_after_a_clean_exit(tmp_path, session, qapp):
    path, steps, expected = session
    report = tmp_path / "during.json"
    first = App(tmp_path, path, steps + [{"op": "autosave"}, {"op": "report", "path": str(report)}, {"op": "close"}],
                ARGMAP_TEST_ANSWER_UNSAVED="discard")
    assert first.wait() == 0, first.stderr
    assert json.loads(report.read_text())["recovery_exists"] is True   # there was a recovery file ...
    assert "unsaved: work.argmap -> discard" in first.stderr
    assert list(recovery_folder(tmp_path).glob("*.argmap")) == []   # ... and the clean exit removed it

    second = App(tmp_path, path, [{"op": "report", "path": str(tmp_path / "next.json")}, {"op": "close"}],
                 ARGMAP_TEST_ANSWER_RECOVERY="restore")
    assert second.wait() == 0, second.stderr
    assert "recovery offered" not in second.stderr
    state = json.loads((tmp_path / "next.json").read_text())
    assert state["modified"] is False and state["path"] == str(path)
    assert read_file(path) == argument_like(25, seed=4)


def test_an_error_in_the_running_app_keeps_it_running(tmp_path, session, qapp):
    path, steps, expected = session
    report = tmp_path / "after-error.json"
    app = App(tmp_path, path, steps + [{"op": "raise", "message": "boom in a slot"},
                                       {"op": "add_statement", "kind": "claim", "text": "After the error"},
                                       {"op": "report", "path": str(report)}, {"op": "close"}])
    assert app.wait() == 0, app.stderr
    err = app.stderr
    assert "RuntimeError: boom in a slot" in err and "crash dialog: argmap hit an unexpected error" in err
    assert "were written to the recovery file" in err
    state = json.loads(report.read_text())
    assert state["statements"] == len(expected) + 1           # kept working after the error
    assert state["recovery_exists"] is True
