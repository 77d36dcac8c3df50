"""``argmap draft TEXT -o OUT.argmap [--title T]``: the map written, its source named, clear one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from argmap.formats import read_file
from argmap.model.anchors import text_sha256

TEXT = ("A Heading\n\nWe should ban cars in the city centre, because they pollute the air. "
        "Admittedly, cars are convenient. But buses are convenient too.\r\n")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "argmap", "draft", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_the_draft_is_written_with_its_source_named_relative_to_the_map(tmp_path: Path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "op-ed.txt").write_bytes(TEXT.encode("utf-8"))
    (tmp_path / "maps").mkdir()
    done = run("texts/op-ed.txt", "-o", "maps/draft.argmap", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith("argmap draft: maps/draft.argmap: 4 statements, 1 support, 2 attacks; main claim s1 "
                                  "(recommendation): We should ban cars in the city centre.")
    amap = read_file(tmp_path / "maps" / "draft.argmap")
    assert amap.title == "Draft: A Heading"
    assert amap.source.path == "../texts/op-ed.txt"
    text = TEXT.replace("\r\n", "\n")
    assert amap.source.sha256 == text_sha256(text)
    for s in amap.statements.values():
        assert [text[a.start:a.end] for a in s.anchors] == [a.quote for a in s.anchors]


def test_title_option_names_the_draft(tmp_path: Path):
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    assert run("t.txt", "-o", "d.argmap", "--title", "Cars in town", cwd=tmp_path).returncode == 0
    assert read_file(tmp_path / "d.argmap").title == "Draft: Cars in town"


@pytest.mark.parametrize("content, message", [
    (None, "t.txt: no such file"),
    (b"\xff\xfeWe should act.", "t.txt: not UTF-8 text (bad byte at offset 0)"),
    (b"", "t.txt: the text is empty"),
    (b"  \n\nOnly a heading\n\n", "t.txt: no sentence to draft from"),
])
def test_unreadable_or_empty_texts_get_one_line_and_exit_2(tmp_path: Path, content, message):
    if content is not None:
        (tmp_path / "t.txt").write_bytes(content)
    done = run("t.txt", "-o", "d.argmap", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == f"argmap draft: {message}\n"
    assert not (tmp_path / "d.argmap").exists()


def test_a_wrong_command_line_or_output_gets_one_line_and_exit_2(tmp_path: Path):
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    missing = run("t.txt", cwd=tmp_path)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "-o/--output" in missing.stderr
    wrong = run("t.txt", "-o", "d.png", cwd=tmp_path)
    assert wrong.returncode == 2 and wrong.stderr.startswith("argmap draft: d.png: unknown file extension")
    folder = run("t.txt", "-o", "nowhere/d.argmap", cwd=tmp_path)
    assert folder.returncode == 2 and folder.stderr.startswith("argmap draft: nowhere/d.argmap: cannot write")
    assert "Traceback" not in missing.stderr + wrong.stderr + folder.stderr


def test_draft_never_imports_qt_or_networkx(tmp_path: Path):
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    code = ("import sys; from argmap.cli import main; rc = main(['draft', 't.txt', '-o', 'd.argmap']); "
            "print(rc, 'PySide6' in sys.modules, 'networkx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True)
    assert out.stdout.splitlines()[-1] == "0 False False"
