"""``argmap merge BASE OURS THEIRS -o OUT``: exit codes, messages, OUT always valid (SPEC §6)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from argmap.formats import native, read_file, write_file
from argmap.model import Statement

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from runs import argmap  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "shot-by-both-sides.argmap"


@pytest.fixture
def sides(tmp_path: Path) -> Path:
    base = read_file(EXAMPLE)
    ours, theirs = base.copy(), base.copy()
    ours.update("s4", text="Ours.")
    theirs.update("s5", note="Theirs.")
    theirs.add(Statement("s90", "claim", "Added by theirs."))
    for amap, name in ((base, "base"), (ours, "ours"), (theirs, "theirs")):
        write_file(amap, tmp_path / f"{name}.argmap", backup=False)
    return tmp_path


def test_clean_merge_exits_0_and_writes_out(sides: Path):
    done = argmap("merge", "base.argmap", "ours.argmap", "theirs.argmap", "-o", "out.argmap", cwd=sides)
    assert done.returncode == 0 and done.stdout == "" and done.stderr == ""
    out = read_file(sides / "out.argmap")
    assert out.statements["s4"].text == "Ours." and out.statements["s5"].note == "Theirs."
    assert "s90" in out.statements and "merge_conflicts" not in native.to_document(out)
    assert not (sides / "out.argmap.bak").exists()


def test_conflicts_exit_1_and_are_listed_in_out(sides: Path):
    theirs = read_file(sides / "theirs.argmap")
    theirs.update("s4", text="Theirs.")
    theirs.remove(["c1"])
    ours = read_file(sides / "ours.argmap")
    ours.update("c1", note="Ours kept it.")
    ours.set_meta(title="Ours")
    theirs.set_meta(title="Theirs")
    write_file(theirs, sides / "theirs.argmap", backup=False)
    write_file(ours, sides / "ours.argmap", backup=False)
    done = argmap("merge", "base.argmap", "ours.argmap", "theirs.argmap", "-o", "out.argmap", cwd=sides)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "argmap merge: 3 conflicts in out.argmap (listed in its merge_conflicts):",
        "  the map's title changed differently on each side (ours kept)",
        "  s4: text changed differently on each side (ours kept)",
        "  c1: removed in theirs, ours changed it (kept)"]
    written = json.loads((sides / "out.argmap").read_text(encoding="utf-8"))
    assert [(c["id"], c["field"]) for c in written["merge_conflicts"]] == [
        ("", "title"), ("s4", "text"), ("c1", "removed")]
    checked = argmap("check", "out.argmap", "--fail-on", "never", cwd=sides)
    assert checked.returncode == 0, checked.stderr


def test_git_style_paths_without_extension_and_an_empty_base(sides: Path):
    (sides / ".merge_file_Ab12Cd").write_bytes((sides / "ours.argmap").read_bytes())
    (sides / "empty").write_bytes(b"")
    done = argmap("merge", "empty", ".merge_file_Ab12Cd", "theirs.argmap", "-o", ".merge_file_Ab12Cd", cwd=sides)
    assert done.returncode == 1  # added on both sides from nothing: their differences conflict
    out = native.loads((sides / ".merge_file_Ab12Cd").read_bytes())
    assert out.statements["s4"].text == "Ours." and "s90" in out.statements
    assert {c["field"] for c in native.to_document(out)["merge_conflicts"]} == {"text", "note"}


@pytest.mark.parametrize("bad, reason", [
    ("missing.argmap", "missing.argmap: no such file"),
    ("broken.argmap", "broken.argmap:1:2: not valid JSON"),
])
def test_trouble_exits_2_and_leaves_out_alone(sides: Path, bad: str, reason: str):
    (sides / "broken.argmap").write_text("{", encoding="utf-8")
    (sides / "out.argmap").write_text("keep me", encoding="utf-8")
    done = argmap("merge", "base.argmap", "ours.argmap", bad, "-o", "out.argmap", cwd=sides)
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and reason in done.stderr and "Traceback" not in done.stderr
    assert (sides / "out.argmap").read_text(encoding="utf-8") == "keep me"


def test_unwritable_out_exits_2(sides: Path):
    done = argmap("merge", "base.argmap", "ours.argmap", "theirs.argmap", "-o", "nowhere/out.argmap", cwd=sides)
    assert done.returncode == 2 and "cannot write" in done.stderr and len(done.stderr.splitlines()) == 1


def test_missing_output_option_exits_2(sides: Path):
    done = argmap("merge", "base.argmap", "ours.argmap", "theirs.argmap", cwd=sides)
    assert done.returncode == 2 and "-o" in done.stderr and len(done.stderr.splitlines()) == 1
