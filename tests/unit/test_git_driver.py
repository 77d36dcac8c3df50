"""``argmap merge`` as a git merge driver, in a real git repository (SPEC §6, docs/guide.md)."""

from __future__ import annotations

import json
import shlex
import shutil
import sys
from pathlib import Path

import pytest

from argmap.formats import native, read_file, write_file
from argmap.model import Statement

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from runs import git  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "shot-by-both-sides.argmap"

DRIVER = f"{shlex.quote(sys.executable)} -m argmap merge %O %A %B -o %A"
"""The driver line of docs/guide.md, pointing at this checkout's Python."""

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the bundled map on ``main`` and the driver set up as the guide says."""
    path = tmp_path / "maps"
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "merge.argmap.name", "argmap semantic merge")
    git(path, "config", "merge.argmap.driver", DRIVER)
    (path / ".gitattributes").write_text("*.argmap merge=argmap\n", encoding="utf-8")
    shutil.copy(EXAMPLE, path / "map.argmap")
    git(path, "add", ".")
    git(path, "commit", "-q", "-m", "base")
    return path


def edit_on_branch(repo: Path, branch: str, edit) -> None:
    git(repo, "checkout", "-q", "-b", branch, "main")
    amap = read_file(repo / "map.argmap")
    edit(amap)
    write_file(amap, repo / "map.argmap", backup=False)
    git(repo, "commit", "-q", "-am", f"edit on {branch}")


def test_two_branches_that_both_add_a_statement_merge_clean(repo: Path):
    """Both add at the end of the list: a line merge conflicts, the driver does not."""
    edit_on_branch(repo, "ours", lambda m: (m.add(Statement("s90", "claim", "Added by ours.")),
                                            m.update("s4", text="Ours edited s4.")))
    edit_on_branch(repo, "theirs", lambda m: (m.add(Statement("s91", "evidence", "Added by theirs.")),
                                              m.update("s5", note="Theirs noted s5.")))
    git(repo, "checkout", "-q", "ours")
    done = git(repo, "merge", "--no-edit", "theirs", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    merged = read_file(repo / "map.argmap")
    assert list(merged.statements)[-2:] == ["s90", "s91"]
    assert merged.statements["s4"].text == "Ours edited s4." and merged.statements["s5"].note == "Theirs noted s5."
    assert "merge_conflicts" not in native.to_document(merged)
    assert git(repo, "status", "--porcelain").stdout == ""
    assert len(git(repo, "log", "--format=%P", "-1").stdout.split()) == 2  # a merge commit

    # the same merge as plain lines (no driver) leaves conflict markers in the file
    git(repo, "reset", "-q", "--hard", "HEAD^1")
    git(repo, "config", "--remove-section", "merge.argmap")  # an undefined driver: git merges lines
    plain = git(repo, "merge", "--no-edit", "theirs", check=False)
    assert plain.returncode != 0 and "<<<<<<<" in (repo / "map.argmap").read_text(encoding="utf-8")


def test_conflicting_branches_stop_the_merge_with_a_valid_map(repo: Path):
    git(repo, "config", "merge.argmap.driver", DRIVER + " --name %P")  # messages name the file, not git's temp
    edit_on_branch(repo, "ours", lambda m: m.update("s4", text="Ours says this."))
    edit_on_branch(repo, "theirs", lambda m: (m.update("s4", text="Theirs says that."), m.remove(["s43"])))
    git(repo, "checkout", "-q", "ours")
    done = git(repo, "merge", "--no-edit", "theirs", check=False)
    assert done.returncode == 1
    assert "CONFLICT" in done.stdout and "map.argmap" in done.stdout
    said = (done.stdout + done.stderr).splitlines()
    assert "argmap merge: 1 conflict in map.argmap (listed in its merge_conflicts):" in said
    assert "  s4: text changed differently on each side (ours kept)" in said
    assert git(repo, "status", "--porcelain").stdout.splitlines() == ["UU map.argmap"]
    text = (repo / "map.argmap").read_text(encoding="utf-8")
    assert "<<<<<<<" not in text
    merged = native.loads(text)  # a valid map, ready for the app to resolve
    assert merged.statements["s4"].text == "Ours says this." and "s43" not in merged.statements
    assert json.loads(text)["merge_conflicts"] == [
        {"id": "s4", "field": "text", "base": read_file(EXAMPLE).statements["s4"].text,
         "ours": "Ours says this.", "theirs": "Theirs says that."}]
