"""``argmap export`` as a user runs it: the quality report, printed sizes, splitting, metadata, the 300 dpi default."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from argmap.formats import native, read_file
from argmap.model import ArgumentMap, Position, SourceInfo, Statement

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "resources" / "examples" / "shot-by-both-sides.argmap"
TOOL = ROOT.parent / "shared" / "tools" / "picture_quality.py"


def export(*args, cwd=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "argmap", "export", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=300, cwd=cwd)


def test_the_report_is_printed_and_matches_an_independent_reading(tmp_path):
    out = tmp_path / "map.svg"
    done = export(BUNDLED, "-o", out, "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["files"] == [str(out)] and report["pages"] == 1
    assert report["statements"] == len(read_file(BUNDLED).statements)
    assert report["body_pt"] == 9.75 and report["smallest_pt"] == 7.5  # 13 px and 10 px at 96 px per inch
    if TOOL.exists():
        spec = importlib.util.spec_from_file_location("shared_picture_quality", TOOL)
        tool = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(tool)
        theirs = tool.measure(str(out))
        assert (report["through"], report["crossings"], report["overlaps"]) == (
            theirs["through"], theirs["crossings"], theirs["overlaps"])
    if report["through"]:
        assert any("through a box" in w for w in report["warnings"])
    text = export(BUNDLED, "-o", tmp_path / "map.pdf")
    assert text.returncode == 0 and text.stdout.startswith("wrote ")
    for needle in ("edges through boxes:", "edge crossings:", "overlapping boxes:", "body text: 9.8 pt"):
        assert needle in text.stdout


def test_a4_pages_report_legible_text(tmp_path):
    done = export(BUNDLED, "-o", tmp_path / "a4.pdf", "--page", "A4", "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["split"] and report["pages"] > 2 and report["body_pt"] >= 7.0
    assert not any("too small" in w for w in report["warnings"])


def test_a_narrow_width_is_refused_with_advice_and_nothing_written(tmp_path):
    out = tmp_path / "col.png"
    done = export(BUNDLED, "-o", out, "--width", "16cm")
    assert done.returncode == 2 and done.stdout == ""
    message = done.stderr.strip()
    assert len(message.splitlines()) == 1
    assert re.search(r"body text would print at \d\.\d pt", message) and "--split" in message
    assert "--one-page" in message and not list(tmp_path.iterdir())
    parts = int(re.search(r"write (\d+) legible files", message).group(1))
    split = export(BUNDLED, "-o", out, "--width", "16cm", "--split", "--format", "json")
    assert split.returncode == 0, split.stderr
    report = json.loads(split.stdout)
    files = sorted(tmp_path.glob("col-*.png"))
    assert len(files) == parts == report["pages"] and [str(f) for f in files] == report["files"]
    assert report["body_pt"] >= 7.0
    for f in files:
        image = QImage(str(f))
        assert image.width() == round(16 / 2.54 * 300)  # 16 cm at the default 300 dpi
        assert round(image.dotsPerMeterX() * 0.0254) == 300
    one = export(BUNDLED, "-o", tmp_path / "one.png", "--width", "16cm", "--one-page", "--format", "json")
    assert one.returncode == 0 and json.loads(one.stdout)["body_pt"] < 7.0
    assert any("too small" in w for w in json.loads(one.stdout)["warnings"])


@pytest.mark.parametrize("width, pixels", [("6.3in", 1890), ("160mm", 1890), ("1200px", 1200)])
def test_widths_in_every_unit(tmp_path, width, pixels):
    done = export(BUNDLED, "-o", tmp_path / "w.png", "--width", width, "--one-page", "--quiet")
    assert done.returncode == 0, done.stderr
    assert QImage(str(tmp_path / "w.png")).width() == pixels


def test_a_width_without_unit_is_a_one_line_error(tmp_path):
    done = export(BUNDLED, "-o", tmp_path / "w.svg", "--width", "16")
    assert done.returncode == 2 and "unit" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_svg_width_is_printed_in_its_unit(tmp_path):
    done = export(BUNDLED, "-o", tmp_path / "w.svg", "--width", "60cm", "--quiet")
    assert done.returncode == 0, done.stderr
    head = (tmp_path / "w.svg").read_text(encoding="utf-8")[:400]
    assert 'width="60cm"' in head and re.search(r'height="[\d.]+cm"', head)


def test_png_defaults_to_300_dpi(tmp_path):
    done = export(BUNDLED, "-o", tmp_path / "m.png", "--quiet")
    assert done.returncode == 0, done.stderr
    image = QImage(str(tmp_path / "m.png"))
    assert round(image.dotsPerMeterX() * 0.0254) == 300
    base = export(BUNDLED, "-o", tmp_path / "b.png", "--dpi", "96", "--quiet")
    assert base.returncode == 0
    assert abs(image.width() - QImage(str(tmp_path / "b.png")).width() * 300 / 96) <= 2


def test_the_default_dpi_steps_down_for_a_huge_picture_and_says_so(tmp_path):
    amap = ArgumentMap(title="far apart")
    amap.add_all([Statement("a", "claim", "Left", position=Position(0, 0)),
                  Statement("b", "claim", "Right", position=Position(14000, 0))])
    src = tmp_path / "far.argmap"
    src.write_text(native.dumps(amap), encoding="utf-8")
    done = export(src, "-o", tmp_path / "far.png", "--quiet")
    assert done.returncode == 0, done.stderr
    assert "note: at 300 dpi" in done.stderr
    image = QImage(str(tmp_path / "far.png"))
    assert image.width() <= 32767 and round(image.dotsPerMeterX() * 0.0254) < 300
    explicit = export(src, "-o", tmp_path / "far2.png", "--dpi", "300")
    assert explicit.returncode == 2 and "px" in explicit.stderr and not (tmp_path / "far2.png").exists()


def test_pdf_metadata_comes_from_the_map_properties(tmp_path):
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    amap = read_file(BUNDLED)
    amap.set_meta(title="Iran and Iraq, 2008", extra={"author": "A. Analyst", "date": "2026-11-30"},
                  source=SourceInfo(title="Shot by Both Sides", author="Fred Kaplan", published="2008-04-22",
                                    url="https://example.org/kaplan"))
    src = tmp_path / "props.argmap"
    src.write_text(native.dumps(amap), encoding="utf-8")
    out = tmp_path / "props.pdf"
    assert export(src, "-o", out, "--page", "A4", "--quiet").returncode == 0
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    fields = dict(re.findall(r"^(\w+):\s+(.*)$", info, re.M))
    assert fields["Title"] == "Iran and Iraq, 2008"
    assert fields["Author"] == "A. Analyst"
    assert "Fred Kaplan" in fields["Subject"] and "Shot by Both Sides" in fields["Subject"]
    assert "2008-04-22" in fields["Subject"]
    assert "argument map" in fields["Keywords"] and "Fred Kaplan" in fields["Keywords"]
    assert int(fields["Pages"]) > 2
    meta = subprocess.run(["pdfinfo", "-meta", str(out)], capture_output=True, text=True, check=True).stdout
    assert "A. Analyst" in meta and "Fred Kaplan" in meta
    text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Iran and Iraq, 2008" in text and "map by A. Analyst, 2026-11-30" in text  # page title and footer


def test_a_width_no_split_can_help_says_the_width_needed(tmp_path):
    amap = ArgumentMap(title="one long statement")
    amap.add(Statement("a", "claim", "word " * 280))
    src = tmp_path / "one.argmap"
    src.write_text(native.dumps(amap), encoding="utf-8")
    done = export(src, "-o", tmp_path / "one.png", "--width", "3cm")
    assert done.returncode == 2 and not (tmp_path / "one.png").exists()
    assert "no split makes it legible" in done.stderr and "--split" not in done.stderr
    needed = float(re.search(r"one picture needs ([\d.]+)cm", done.stderr).group(1))
    ok = export(src, "-o", tmp_path / "ok.png", "--width", f"{needed}cm", "--format", "json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["body_pt"] >= 7.0


def test_a_reader_that_closes_the_pipe_early_gets_no_traceback(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-m", "argmap", "export", str(BUNDLED), "-o", str(tmp_path / "map.svg")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    proc.stdout.close()  # the reader goes away before the report is printed (as `| head -0` would)
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=300) in (0, 141) and "Traceback" not in err, err
    assert (tmp_path / "map.svg").stat().st_size > 0


@pytest.mark.parametrize("suffix", ["svg", "png", "pdf"])
def test_the_export_on_a_second_core_writes_and_reports_exactly_what_one_core_does(tmp_path, suffix):
    """The command checks the map and measures the picture in forked children (Linux, 2+ CPUs);
    with ARGMAP_JOBS=1 everything stays in the process: same file, same report."""
    if not sys.platform.startswith("linux") or len(os.sched_getaffinity(0)) < 2:  # what a fresh process asks
        pytest.skip("forking is only used on Linux with more than one CPU")
    runs = {}
    for jobs in ("", "1"):
        out = tmp_path / f"map{jobs}.{suffix}"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ARGMAP_JOBS": jobs}
        done = subprocess.run([sys.executable, "-m", "argmap", "export", str(BUNDLED), "-o", str(out),
                               "--layout", "auto", "--format", "json"], capture_output=True, text=True,
                              env=env, timeout=300)
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        assert report.pop("files") == [str(out)]
        runs[jobs] = report, out.read_bytes()
    (forked, forked_bytes), (alone, alone_bytes) = runs[""], runs["1"]
    assert forked == alone and forked["statements"] == len(read_file(BUNDLED).statements)
    if suffix != "pdf":  # a PDF carries its creation time
        assert forked_bytes == alone_bytes
    assert b"AM0" in forked_bytes or suffix != "svg"  # the badges of the check are drawn
