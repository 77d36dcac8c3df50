"""``argmap diff OLD NEW``: the review text, the JSON form, exit codes and messages (SPEC §6)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from argmap.formats import read_file, write_file
from argmap.model import Conflict, Position, Statement

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from runs import argmap  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "shot-by-both-sides.argmap"


@pytest.fixture
def reviewed(tmp_path: Path) -> Path:
    """The bundled map with an objection that stands against s1, s4 made evidence and i3 removed."""
    amap = read_file(EXAMPLE)
    amap.add_all([Statement("s99", "evidence", "Separating rubbish from gold in these reports is hard.",
                            source="a briefing"), Conflict("c99", ("s99",), "s1")])
    amap.update("s4", kind="evidence")
    amap.remove(["i3"])
    write_file(amap, tmp_path / "new.argmap", backup=False)
    return tmp_path / "new.argmap"


def test_text_reads_like_a_review_and_ends_with_the_checks(reviewed: Path):
    done = argmap("diff", str(EXAMPLE), "new.argmap", cwd=reviewed.parent)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"{EXAMPLE} → new.argmap: 2 added, 1 removed, 1 changed"
    assert lines[1:4] == ["  added objection s99 'Separating rubbish from gold in these r…' attacking s1 (c99)",
                          "  i3 removed (s3 no longer supports s1)",
                          "  s4: kind claim → evidence"]
    assert lines[4].startswith("checks: errors 2 → 3, warnings 16 → 18")
    assert any(line.startswith("  new AM004 unanswered-objection [s1]") for line in lines)
    assert any(line.startswith("  gone AM008 single-point-of-failure [s3]") for line in lines)
    assert lines[-1] == "  s1: in → out"
    assert done.stderr == ""


def test_json_form(reviewed: Path):
    done = argmap("diff", str(EXAMPLE), "new.argmap", "--format", "json", cwd=reviewed.parent)
    assert done.returncode == 1
    assert json.loads(done.stdout) == {
        "old": str(EXAMPLE), "new": "new.argmap",
        "added": [{"type": "statement", "id": "s99"}, {"type": "conflict", "id": "c99"}],
        "removed": [{"type": "inference", "id": "i3"}],
        "changed": [{"type": "statement", "id": "s4", "fields": ["kind"]}],
        "moved": [], "meta": []}
    assert done.stdout.count("\n") == 1


def test_same_map_exits_0(tmp_path: Path):
    done = argmap("diff", str(EXAMPLE), str(EXAMPLE), cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.splitlines()[0].endswith(": no differences")
    assert done.stdout.splitlines()[-1] == "  no finding appears or disappears, no label changes"


def test_moves_only_differ_unless_layout_is_ignored(tmp_path: Path):
    amap = read_file(EXAMPLE)
    amap.move({"s4": Position(1, 2), "s5": Position(3, 4)})
    write_file(amap, tmp_path / "moved.argmap", backup=False)
    done = argmap("diff", str(EXAMPLE), "moved.argmap", cwd=tmp_path)
    assert done.returncode == 1 and "  moved s4, s5" in done.stdout.splitlines()
    quiet = argmap("diff", str(EXAMPLE), "moved.argmap", "--ignore-layout", "--format", "json", cwd=tmp_path)
    assert quiet.returncode == 0 and json.loads(quiet.stdout)["moved"] == []


def test_argdown_against_its_argmap(tmp_path: Path):
    """Any two readable files: the Argdown export of a map has the same elements, then one edit shows."""
    converted = argmap("convert", str(EXAMPLE), "-o", "map.argdown", cwd=tmp_path)
    assert converted.returncode == 0, converted.stderr
    same = argmap("diff", "map.argdown", str(EXAMPLE), "--format", "json", cwd=tmp_path)
    assert same.returncode == 0, same.stdout + same.stderr
    text = (tmp_path / "map.argdown").read_text(encoding="utf-8")
    old = read_file(EXAMPLE).statements["s9"].text
    assert old in text
    (tmp_path / "map.argdown").write_text(text.replace(old, "Nobody has an interest in a war."), encoding="utf-8")
    edited = argmap("diff", str(EXAMPLE), "map.argdown", cwd=tmp_path)
    assert edited.returncode == 1
    assert "  s9: text 'The US and Iran are not at war with eac…' → 'Nobody has an interest in a war.'" \
        in edited.stdout.splitlines()


@pytest.mark.parametrize("content, reason", [
    (None, "nope.argmap: no such file"),
    ("{not json", "not valid JSON"),
    ('{"format": "argmap", "version": 1, "statements": [{"id": "s1", "kind": "fact", "text": "x"}]}',
     "unknown kind \"fact\""),
])
def test_trouble_exits_2_with_one_line(tmp_path: Path, content, reason):
    if content is not None:
        (tmp_path / "nope.argmap").write_text(content, encoding="utf-8")
    done = argmap("diff", str(EXAMPLE), "nope.argmap", cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("argmap diff: nope.argmap") and reason in done.stderr


def test_wrong_command_line_exits_2(tmp_path: Path):
    done = argmap("diff", str(EXAMPLE), cwd=tmp_path)
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 1
    done = argmap("diff", str(EXAMPLE), str(EXAMPLE), "--format", "xml", cwd=tmp_path)
    assert done.returncode == 2 and "invalid choice" in done.stderr
