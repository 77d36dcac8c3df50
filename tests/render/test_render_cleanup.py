"""Render's seams: callers pass the check report in, one atomic writer, no import circle in render."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import argmap.analysis
from argmap.analysis import check_map
from argmap.model.synth import argument_like
from argmap.render import ExportOptions, export_map, prepare

SRC = Path(__file__).resolve().parents[2] / "src" / "argmap"


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_export_never_runs_the_checks_itself(qapp, tmp_path, monkeypatch):
    amap = argument_like(12, seed=3)
    report = check_map(amap)

    def refuse(*_args, **_kwargs):
        raise AssertionError("render ran check_map")

    monkeypatch.setattr(argmap.analysis, "check_map", refuse)
    with_report = prepare(amap, ExportOptions(), report)
    assert any(box.label for box in with_report.drawing.boxes.values())
    without = prepare(amap, ExportOptions())
    assert not any(box.label or box.worst_severity for box in without.drawing.boxes.values())
    for fmt in ("png", "svg", "pdf"):
        export_map(amap, tmp_path / f"m.{fmt}", ExportOptions(fmt=fmt), report=report)
        assert (tmp_path / f"m.{fmt}").stat().st_size > 500


def test_render_does_not_import_the_checks():
    """Render may use pure structure (``analysis.roles``) but never the checks: no ``check_map``, no report."""
    offenders = []
    for path in sorted((SRC / "render").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
        names |= {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        if "check_map" in names:
            offenders.append(f"{path.name} uses check_map")
        offenders += [f"{path.name} imports {m}" for m in _imports(path)
                      if m in ("argmap.analysis", "argmap.analysis.report", "argmap.analysis.diagnostics",
                               "argmap.analysis.rules")]
    assert offenders == []


def test_paint_and_legend_import_one_way():
    assert "argmap.render.legend" not in _imports(SRC / "render" / "paint.py")
    assert "argmap.render.paint" in _imports(SRC / "render" / "legend.py")


@pytest.mark.parametrize("module", ["formats/__init__.py", "render/export.py", "ui/files.py", "ui/recovery.py"])
def test_files_are_written_through_the_one_atomic_writer(module):
    tree = ast.parse((SRC / module).read_text(encoding="utf-8"))
    calls = {n.func.attr for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)}
    assert not calls & {"mkstemp", "fsync"}, module  # no writer of its own
    assert "argmap.atomic" in _imports(SRC / module) or "argmap.formats" in _imports(SRC / module)
