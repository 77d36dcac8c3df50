"""A map merged by git through ``argmap merge`` opens with its conflicts listed; settled one by one, saved clean."""

from __future__ import annotations

import json
import shlex
import shutil
import sys
from pathlib import Path

import pytest

from argmap.formats import read_file, write_file
from argmap.formats.merge import merge_maps
from argmap.ui import files
from argmap.ui.canvas.overlay import FrameMark, GhostBox, TagItem

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from review_maps import bundled  # noqa: E402
from runs import git  # noqa: E402

DRIVER = f"{shlex.quote(sys.executable)} -m argmap merge %O %A %B -o %A"
OURS_TEXT = "Ours: the US and Iran share little in Iraq."
THEIRS_TEXT = "Theirs: the US and Iran share a great deal in Iraq."


def without_tradecraft(amap):
    """``amap`` without sources, grades or assumptions (SPEC §5): written, it is a version-1 file."""
    amap.remove(list(amap.sources))
    for s in list(amap.statements.values()):
        if s.credibility is not None or s.assumed:
            amap.update(s.id, credibility=None, assumed=False)
    return amap


def edit_ours(m):
    m.update("s4", text=OURS_TEXT)
    m.update("s5", kind="evidence")
    m.set_meta(title="Ours")


def edit_theirs(m):
    m.update("s4", text=THEIRS_TEXT)
    m.remove(["s5"])
    m.set_meta(title="Theirs")


@pytest.fixture
def merged_in_git(tmp_path: Path) -> Path:
    """A repository where ``git merge`` of two branches stopped on map conflicts (the driver wrote the map)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "maps"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "merge.argmap.name", "argmap semantic merge")
    git(repo, "config", "merge.argmap.driver", DRIVER)
    (repo / ".gitattributes").write_text("*.argmap merge=argmap\n", encoding="utf-8")
    write_file(without_tradecraft(bundled()), repo / "map.argmap", backup=False)  # a version-1 base
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    for branch, edit in (("ours", edit_ours), ("theirs", edit_theirs)):
        git(repo, "checkout", "-q", "-b", branch, "main")
        amap = read_file(repo / "map.argmap")
        edit(amap)
        write_file(amap, repo / "map.argmap", backup=False)
        git(repo, "commit", "-q", "-am", f"edit on {branch}")
    git(repo, "checkout", "-q", "ours")
    done = git(repo, "merge", "--no-edit", "theirs", check=False)
    assert done.returncode != 0 and "CONFLICT" in done.stdout, done.stdout + done.stderr
    return repo / "map.argmap"


@pytest.fixture
def make_window(make_window, monkeypatch):
    """The GUI tests' windows (tests/gui/conftest.py) at 1400 x 900, where an error message fails the test."""
    monkeypatch.setattr(files, "show_error", lambda parent, title, text: pytest.fail(text))
    return lambda path: make_window(path, size=(1400, 900))


def _titles(window) -> list[str]:
    panel = window.review.conflicts_panel
    return [panel.list.item(n).text() for n in range(panel.list.count())]


def test_a_git_merge_with_conflicts_opens_listed_is_settled_one_by_one_saved_and_reopens_clean(
        merged_in_git, make_window, qtbot):
    window = make_window(merged_in_git)
    conflicts = window.review.conflicts
    assert window.docks["conflicts"].isVisible()
    assert _titles(window) == ["map title", "s4 text", "s5 (removed on one side)"]
    assert "3 merge conflicts" in window.statusBar().currentMessage()
    panel = window.review.conflicts_panel
    conflicts.go_to(1)
    assert panel.values["ours"].toPlainText() == OURS_TEXT
    assert panel.values["theirs"].toPlainText() == THEIRS_TEXT
    assert panel.values["base"].toPlainText() == bundled().statements["s4"].text
    tags = sorted(i.text for i in conflicts.overlay.items if isinstance(i, TagItem))
    assert tags == ["! CONFLICT s4: text", "! CONFLICT s5: removed on one side"]
    assert any(isinstance(i, FrameMark) for i in conflicts.overlay.items)

    stack = window.document.undo_stack
    panel.buttons["theirs"].click()  # s4: take theirs
    qtbot.wait(5)
    assert window.document.amap.statements["s4"].text == THEIRS_TEXT
    assert stack.count() == 1 and stack.text(0) == "Take theirs: s4 text"
    assert _titles(window) == ["map title", "s5 (removed on one side)"]
    stack.undo()  # undo brings the conflict back
    qtbot.wait(5)
    assert _titles(window) == ["map title", "s4 text", "s5 (removed on one side)"]
    assert window.document.amap.statements["s4"].text == OURS_TEXT
    stack.redo()
    qtbot.wait(5)
    conflicts.go_to(0)
    window.actions["review.take_base"].trigger()  # the title: the base's
    qtbot.wait(5)
    conflicts.go_to(0)
    window.actions["review.keep_ours"].trigger()  # s5: ours changed it, theirs removed it: keep it
    qtbot.wait(5)
    assert _titles(window) == [] and stack.count() == 3
    assert "every merge conflict is settled" in window.statusBar().currentMessage()
    assert conflicts.overlay.items == []

    assert window.files.save()
    saved = json.loads(merged_in_git.read_text(encoding="utf-8"))
    assert "merge_conflicts" not in saved and saved["version"] == 1  # nothing else of version 2 in it
    assert saved["title"] == bundled().title
    s4, s5 = (next(s for s in saved["statements"] if s["id"] == sid) for sid in ("s4", "s5"))
    assert s4["text"] == THEIRS_TEXT and s5["kind"] == "evidence"
    repo = merged_in_git.parent
    git(repo, "add", "map.argmap")
    git(repo, "commit", "-q", "--no-edit")
    assert git(repo, "status", "--porcelain", "--untracked-files=no").stdout == ""  # (the app keeps a .bak)

    window.files.open_path(merged_in_git, ask=False)  # reopened: clean, no panel
    assert not window.docks["conflicts"].isVisible() and _titles(window) == []


def test_saving_with_conflicts_left_keeps_them_and_says_so(make_window, tmp_path, qtbot):
    base = bundled()
    ours, theirs = base.copy(), base.copy()
    edit_ours(ours)
    edit_theirs(theirs)
    path = tmp_path / "merged.argmap"
    write_file(merge_maps(base, ours, theirs).map, path)
    window = make_window(path)
    window.review.conflicts.go_to(1)
    window.review.conflicts.take_theirs()
    qtbot.wait(5)
    assert window.files.save()
    message = window.statusBar().currentMessage()
    assert "with 2 merge conflicts still to settle" in message and "keeps them listed" in message
    saved = read_file(path)
    assert [(c.id, c.field) for c in saved.merge_conflicts] == [("", "title"), ("s5", "removed")]
    assert saved.statements["s4"].text == THEIRS_TEXT


def test_a_conflict_on_an_element_ours_removed_is_a_ghost_from_theirs(make_window, tmp_path, qtbot):
    base = bundled()
    ours, theirs = base.copy(), base.copy()
    edit_theirs(ours)  # now ours removes s5
    edit_ours(theirs)  # and theirs changes it
    path = tmp_path / "merged.argmap"
    write_file(merge_maps(base, ours, theirs).map, path)
    window = make_window(path)
    ghost = [i for i in window.review.conflicts.overlay.items if isinstance(i, GhostBox)]
    assert [g.mark.eid for g in ghost] == ["s5"] and ghost[0].mark.statement.kind == "evidence"
    assert "s5" not in window.document.amap.statements
    row = _titles(window).index("s5 (removed on one side)")
    window.review.conflicts.go_to(row)
    assert window.review.conflicts_panel.values["ours"].toPlainText() == "(not there: removed on this side)"
    window.review.conflicts.take_theirs()
    qtbot.wait(5)
    assert window.document.amap.statements["s5"].kind == "evidence"
    assert not any(isinstance(i, GhostBox) for i in window.review.conflicts.overlay.items)
