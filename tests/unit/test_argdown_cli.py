"""Our Argdown output checked by the official parser (argdown-cli 1.7.5).

Needs ``node_modules/.bin/argdown`` (``scripts/install_argdown_cli.sh``);
skipped with the reason when it is missing.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from test_argdown import rich_map  # tests/unit is on sys.path (pytest's default import mode)

from argmap.formats import argdown, read_file
from argmap.model import ArgumentMap
from argmap.model.synth import argument_like

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / "node_modules" / ".bin" / "argdown"
pytestmark = pytest.mark.skipif(not CLI.exists(), reason=f"{CLI} is missing: run scripts/install_argdown_cli.sh")


def official_json(amap: ArgumentMap, folder: Path, name: str) -> dict:
    """Export ``amap`` to ``name.argdown``, run ``argdown json`` on it, return the JSON it wrote."""
    src = folder / f"{name}.argdown"
    src.write_text(argdown.dumps(amap), encoding="utf-8")
    out = folder / "out"
    run = subprocess.run([str(CLI), "json", str(src), str(out)], capture_output=True, text=True, timeout=300)
    report = run.stdout + run.stderr
    assert run.returncode == 0, report
    assert "syntax error" not in report.lower(), report
    return json.loads((out / f"{name}.json").read_text(encoding="utf-8"))


def check_agreement(amap: ArgumentMap, doc: dict) -> None:
    """The official parser sees every statement, and a support for every one-premise inference."""
    assert len(doc["statements"]) == len(amap.statements)
    supports = {(r["from"], r["to"]) for r in doc["relations"] if r["relationType"] == "support"}
    attacks = {(r["from"], r["to"]) for r in doc["relations"] if r["relationType"] == "attack"}
    for inf in amap.inferences.values():
        if len(inf.premises) == 1 and not amap.conflicts_on(inf.id) and inf.premises[0].isidentifier():
            assert (inf.premises[0], inf.conclusion) in supports
    for con in amap.conflicts.values():
        if con.target in amap.statements and con.target.isidentifier():
            assert all((a, con.target) in attacks for a in con.attackers if a.isidentifier())


@pytest.mark.parametrize("n, seed", [(5, 0), (80, 1), (400, 2)])
def test_synthetic_maps_pass_the_official_parser(tmp_path, n, seed):
    amap = argument_like(n, seed=seed)
    check_agreement(amap, official_json(amap, tmp_path, f"synth{n}"))


def test_rich_map_passes_the_official_parser(tmp_path):
    official_json(rich_map(), tmp_path, "rich")


def test_corpus_round_trips_pass_the_official_parser(tmp_path, corpora_dir):
    folder = corpora_dir / "argdown" / "christianvoigt-argdown" / "examples"
    files = sorted(folder.glob("*.argdown"))
    assert files
    for path in files:
        amap = argdown.loads(path.read_text(encoding="utf-8"), str(path), [])
        official_json(amap, tmp_path, path.stem)


def test_bundled_maps_pass_the_official_parser(tmp_path):
    bundled = sorted((ROOT / "resources").rglob("*.argmap"))
    if not bundled:
        pytest.skip("no bundled .argmap map in resources/ yet")
    for n, path in enumerate(bundled):
        official_json(read_file(path), tmp_path, f"bundled{n}")
