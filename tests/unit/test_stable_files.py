"""Native files are stable and diff-friendly: same map, same bytes; a one-word edit is a one-line change.

Measured with real git (``git diff --numstat``) on the bundled map: each
statement's text and note on its own, a kind change, a move.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from argmap.formats import native, read_file, write_file
from argmap.formats.diff import diff_maps
from argmap.model import Position

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "shot-by-both-sides.argmap"


def test_saving_twice_gives_the_same_bytes(tmp_path: Path):
    amap = read_file(EXAMPLE)
    write_file(amap, tmp_path / "a.argmap", backup=False)
    write_file(read_file(tmp_path / "a.argmap"), tmp_path / "b.argmap", backup=False)
    first = (tmp_path / "a.argmap").read_bytes()
    assert first == (tmp_path / "b.argmap").read_bytes() == EXAMPLE.read_bytes()
    assert first.endswith(b"}\n") and b"\r" not in first


def test_key_order_in_the_file_read_does_not_matter():
    """Keys shuffled at every level give the same file; element order is the document's."""
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    rng = random.Random(7)

    def shuffled(value):
        if isinstance(value, dict):
            items = list(value.items())
            rng.shuffle(items)
            return {k: shuffled(v) for k, v in items}
        if isinstance(value, list):
            return [shuffled(v) for v in value]
        return value

    for _ in range(5):
        assert native.dumps(native.loads(json.dumps(shuffled(doc)))) == EXAMPLE.read_text(encoding="utf-8")
    reordered = dict(doc, statements=list(reversed(doc["statements"])))
    ids = [s["id"] for s in json.loads(native.dumps(native.loads(json.dumps(reordered))))["statements"]]
    assert ids == [s["id"] for s in reversed(doc["statements"])]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    shutil.copy(EXAMPLE, tmp_path / "map.argmap")
    for args in (["init", "-q"], ["add", "map.argmap"],
                 ["-c", "user.name=A", "-c", "user.email=a@example.org", "commit", "-q", "-m", "base"]):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)
    return tmp_path


def numstat(repo: Path) -> tuple[int, int]:
    out = subprocess.run(["git", "diff", "--numstat"], cwd=repo, check=True, capture_output=True, text=True).stdout
    if not out:
        return 0, 0
    added, removed, _ = out.split("\t")
    return int(added), int(removed)


def saved_after(repo: Path, edit) -> tuple[int, int]:
    amap = read_file(EXAMPLE)
    edit(amap)
    write_file(amap, repo / "map.argmap", backup=False)
    return numstat(repo)


def changed_lines(repo: Path) -> list[str]:
    """The lines ``git diff -U0`` adds and removes, without their +/- and indentation."""
    out = subprocess.run(["git", "diff", "-U0"], cwd=repo, check=True, capture_output=True, text=True).stdout
    return [line[1:].strip() for line in out.splitlines()
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def _one_word_changed(text: str) -> str:
    words = text.split(" ")
    longest = max(range(len(words)), key=lambda n: len(words[n]))
    words[longest] = words[longest].upper() + "X"
    return " ".join(words)


def test_one_word_edits_are_one_line_changes_in_git(repo: Path):
    base = read_file(EXAMPLE)
    seen = {}
    for sid, s in base.statements.items():
        for name in ("text", "note"):
            value = getattr(s, name)
            if value:
                seen[f"{sid}.{name}"] = saved_after(
                    repo, lambda m, sid=sid, name=name, value=value: m.update(sid, **{name: _one_word_changed(value)}))
                removed, added = changed_lines(repo)  # the field's own line, nothing else
                assert removed.startswith(f'"{name}": {json.dumps(value, ensure_ascii=False)}')
                assert added.startswith(f'"{name}": {json.dumps(_one_word_changed(value), ensure_ascii=False)}')
    assert len(seen) == sum(bool(s.text) + bool(s.note) for s in base.statements.values()) > 46  # 69 today
    assert set(seen.values()) == {(1, 1)}, {k: v for k, v in seen.items() if v != (1, 1)}


def test_other_small_edits_stay_small_in_git(repo: Path):
    assert saved_after(repo, lambda m: m.update("s4", kind="evidence")) == (1, 1)
    assert saved_after(repo, lambda m: m.move({"s4": Position(m.statements["s4"].position.x + 10,
                                                              m.statements["s4"].position.y)})) == (1, 1)
    assert saved_after(repo, lambda m: m.update("i1", note="A new note.")) == (1, 1)
    assert saved_after(repo, lambda m: None) == (0, 0)


def test_native_round_trip_is_lossless_for_diff_on_corpora(corpora_dir: Path):
    """Real maps by others: reading their native file back shows no difference, and writing is a fixpoint."""
    files = sorted((corpora_dir / "argdown").rglob("*.argdown"))[:60] + \
        sorted((corpora_dir / "aif" / "araucaria").rglob("*.json"))[:40]
    if not files:
        pytest.skip("no Argdown or AIF files in the corpora")
    checked = 0
    for path in files:
        try:
            amap = read_file(path, "aif" if path.suffix == ".json" else None)
        except ValueError:
            continue  # files our readers refuse are the readers' tests' business
        text = native.dumps(amap)
        again = native.loads(text)
        assert not diff_maps(amap, again), path
        assert native.dumps(again) == text, path
        checked += 1
    assert checked >= len(files) // 2
