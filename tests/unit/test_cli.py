"""The headless command line: ``argmap check``, ``convert`` and ``--version`` (SPEC §4)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.formats import native
from argmap.model.synth import argument_like

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from runs import argmap as run  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "shot-by-both-sides.argmap"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def valid(**changes) -> str:
    doc = {"format": "argmap", "version": 1, "title": "t",
           "statements": [{"id": "r", "kind": "recommendation", "text": "Act"},
                          {"id": "c", "kind": "claim", "text": "Because"}],
           "inferences": [{"id": "i1", "premises": ["c"], "conclusion": "r"}],
           "conflicts": []}
    doc.update(changes)
    return json.dumps(doc)


def test_version_is_printed_without_qt_or_networkx():
    code = ("import sys; from argmap.cli import main; rc = main(['--version']); "
            "print(rc, 'PySide6' in sys.modules, 'networkx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    import argmap

    assert out.splitlines() == [f"argmap {argmap.__version__}", "0 False False"]


def test_check_never_imports_qt(cases_dir: Path):
    code = ("import sys; from argmap.cli import main; rc = main(['check', sys.argv[1]]); "
            "print('QT', 'PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(cases_dir / "chain.argmap")],
                         capture_output=True, text=True).stdout
    assert out.splitlines()[-1] == "QT False"


def test_check_json_matches_the_expected_case(cases_dir: Path):
    result = run("check", str(cases_dir / "linked-gap.argmap"), "--format", "json")
    assert result.returncode == 1  # AM001 is an error
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    report = json.loads(lines[0])
    expected = json.loads((cases_dir / "linked-gap.expected.json").read_text())
    assert report["file"].endswith("linked-gap.argmap")
    assert sorted(report["supported"]) == sorted(expected["supported"])
    assert report["labels"] == expected["labels"]
    got = sorted((d["code"], d["severity"], d["target"], sorted(d["related"])) for d in report["diagnostics"])
    want = sorted((d["code"], d["severity"], d["target"], sorted(d["related"])) for d in expected["diagnostics"])
    assert got == want
    assert report["summary"] == {"error": 1, "warning": 1, "info": 0}
    assert all(d["message"] for d in report["diagnostics"])


def test_several_files_give_one_json_line_each(cases_dir: Path):
    files = [str(cases_dir / n) for n in ("chain.argmap", "cycle-pure.argmap", "undercut.argmap")]
    result = run("check", *files, "--format", "json")
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in reports] == files
    assert result.returncode == 1  # cycle-pure has errors


@pytest.mark.parametrize("case, fail_on, status", [
    ("chain.argmap", "error", 0),        # only info findings
    ("chain.argmap", "info", 1),
    ("undercut.argmap", "error", 0),     # one warning
    ("undercut.argmap", "warning", 1),
    ("cycle-pure.argmap", "never", 0),
    ("cycle-pure.argmap", "error", 1),
])
def test_exit_status_follows_fail_on(cases_dir: Path, case: str, fail_on: str, status: int):
    assert run("check", str(cases_dir / case), "--fail-on", fail_on).returncode == status


def test_text_report_groups_by_severity_with_a_summary(cases_dir: Path):
    out = run("check", str(cases_dir / "loose-ends.argmap")).stdout
    lines = out.splitlines()
    assert "ERROR (1)" in out and "WARNINGS (3)" in out and "INFO (1)" in out
    assert out.index("ERROR") < out.index("WARNING") < out.index("INFO")
    assert any("AM001" in line and "[C]" in line for line in lines)
    assert lines[-1].strip().startswith("summary: 1 error(s), 3 warning(s), 1 info")


BAD_INPUTS = {
    "not-json": (b"this is not json", "not valid JSON"),
    "not-utf8": (b'{"format": "argmap", "text": "\xe9t\xe9"}', "not UTF-8"),
    "empty": (b"", "empty"),
    "wrong-format": (valid(format="aif").encode(), "$.format"),
    "unknown-version": (valid(version=7).encode(), "unknown version 7"),
    "duplicate-ids": (valid(conflicts=[{"id": "c", "attackers": ["r"], "target": "i1"}]).encode(), "duplicate id"),
    "dangling": (valid(inferences=[{"id": "i1", "premises": ["ghost"], "conclusion": "r"}]).encode(), "'ghost'"),
    "empty-premises": (valid(inferences=[{"id": "i1", "premises": [], "conclusion": "r"}]).encode(),
                       "at least one premise"),
    "empty-attackers": (valid(conflicts=[{"id": "k", "attackers": [], "target": "r"}]).encode(),
                        "at least one attacker"),
    "own-premise": (valid(inferences=[{"id": "i1", "premises": ["c", "r"], "conclusion": "r"}]).encode(),
                    "own premises"),
    "own-target": (valid(conflicts=[{"id": "k", "attackers": ["c"], "target": "c"}]).encode(), "own target"),
    "unknown-kind": (valid(statements=[{"id": "x", "kind": "hunch", "text": "?"}], inferences=[]).encode(),
                     "unknown kind"),
    "wrong-type": (valid(statements=[{"id": "x", "kind": "claim", "text": ["a"]}], inferences=[]).encode(),
                   "must be a string"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_files_exit_2_with_one_clear_line(tmp_path: Path, name: str):
    content, rule = BAD_INPUTS[name]
    path = write(tmp_path, f"{name}.argmap", content)
    result = run("check", str(path))
    assert result.returncode == 2
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert str(path) in err and rule in err
    assert "Traceback" not in result.stderr


def test_missing_file_folder_and_huge_file(tmp_path: Path):
    huge = tmp_path / "huge.argmap"
    with open(huge, "wb") as fh:  # a sparse 200 MB file: refused before it is read
        fh.truncate(200 * 1000 * 1000)
    for path, rule in ((tmp_path / "absent.argmap", "no such file"), (tmp_path, "is a folder"),
                       (huge, "too large")):
        result = run("check", str(path))
        assert result.returncode == 2
        assert rule in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_bad_file_among_good_ones_still_reports_the_good_ones(tmp_path: Path, cases_dir: Path):
    bad = write(tmp_path, "bad.argmap", b"{")
    result = run("check", str(cases_dir / "chain.argmap"), str(bad), "--format", "json")
    assert result.returncode == 2
    assert len(result.stdout.splitlines()) == 1
    assert "bad.argmap" in result.stderr


@pytest.mark.parametrize("args", [
    ["check"], ["check", "x.argmap", "--format", "xml"], ["check", "x.argmap", "--fail-on", "sometimes"],
    ["convert", "a.argmap"], ["export", "a.argmap"], ["a.argmap", "b.argmap"], ["--frobnicate"],
])
def test_wrong_command_lines_exit_2_with_one_line(args):
    result = run(*args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_convert_native_round_trip(tmp_path: Path):
    amap = argument_like(50, seed=4)
    src = write(tmp_path, "a.argmap", native.dumps(amap))
    out = tmp_path / "b.argmap"
    result = run("convert", str(src), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert native.loads(out.read_text(encoding="utf-8")) == amap


def test_convert_refuses_an_unknown_extension(tmp_path: Path):
    src = write(tmp_path, "a.argmap", valid())
    result = run("convert", str(src), "-o", str(tmp_path / "a.xyz"))
    assert result.returncode == 2 and "unknown file extension" in result.stderr


def test_bundled_map_gives_a_useful_report():
    if not EXAMPLE.exists():
        pytest.skip("the bundled map is not there yet")
    result = run("check", str(EXAMPLE))
    assert result.returncode in (0, 1)
    assert "summary:" in result.stdout
    assert "Traceback" not in result.stderr


def test_check_json_copes_with_lone_surrogates(tmp_path: Path):
    # A lone surrogate can only come in as a JSON escape; orjson will not write it back.
    text = valid(statements=[{"id": "r", "kind": "recommendation", "text": "odd \ud800 text"},
                             {"id": "c", "kind": "claim", "text": "Because"}])
    path = write(tmp_path, "odd.argmap", text)
    result = run("check", str(path), "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert "r" in report["labels"]
    assert any("odd \ud800 text" in d["message"] for d in report["diagnostics"] if d["target"] == "r")


@pytest.mark.parametrize("ext, magic", [("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")])
def test_export_writes_each_format_without_a_display(tmp_path: Path, cases_dir: Path, ext: str, magic: bytes):
    out = tmp_path / f"map.{ext}"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["DISPLAY"] = ":987"  # a display that does not exist: export must not try to use it
    result = subprocess.run([sys.executable, "-m", "argmap", "export", str(cases_dir / "undercut.argmap"),
                             "-o", str(out), "--layout", "auto"], capture_output=True, text=True, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(magic)


@pytest.mark.parametrize("args, reason", [
    (["-o", "x.gif"], "must end in .png, .svg or .pdf"),
    (["-o", "x.png", "--dpi", "96", "--scale", "2"], "not both"),
    (["-o", "x.png", "--background", "no-such-colour"], "colour"),
])
def test_export_refuses_bad_options_in_one_line(tmp_path: Path, cases_dir: Path, args, reason):
    args = [a if not a.startswith("x.") else str(tmp_path / a) for a in args]
    result = run("export", str(cases_dir / "chain.argmap"), *args)
    assert result.returncode == 2
    assert reason in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_the_program_exits_early_but_writes_the_whole_report(tmp_path: Path):
    """``python -m argmap check`` leaves through os._exit: every byte must be out before it."""
    from argmap.analysis import check_map

    amap = argument_like(3000, seed=7)
    path = write(tmp_path, "big.argmap", native.dumps(amap))
    for fmt in ("json", "text"):
        result = run("check", str(path), "--format", fmt)
        assert result.returncode == 1 and result.stderr == ""
        if fmt == "json":
            report = json.loads(result.stdout)
            assert len(report["diagnostics"]) == len(check_map(amap).diagnostics)
            assert report["summary"] == check_map(amap).summary()
        else:
            assert result.stdout.endswith(f"of {len(amap)} statements supported\n")


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path):
    path = write(tmp_path, "big.argmap", native.dumps(argument_like(3000, seed=7)))
    proc = subprocess.Popen([sys.executable, "-m", "argmap", "check", str(path), "--format", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()  # like `argmap check ... | head -c 10`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) in (0, 1, 2, 120, 141)
    assert "Traceback" not in err
