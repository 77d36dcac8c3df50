"""The PyInstaller bundle in dist/argmap/ (built by ``bash packaging/build.sh``) runs headless.

Skipped when the bundle has not been built: building it takes about a minute and 230 MB.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

import argmap

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "dist" / "argmap" / ("argmap.exe" if os.name == "nt" else "argmap")

pytestmark = pytest.mark.skipif(not APP.exists(), reason=f"no bundle at {APP} (run: bash packaging/build.sh)")


def _run(args, tmp_path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([str(APP), *map(str, args)], capture_output=True, text=True, cwd=tmp_path, env=env,
                          timeout=300)


def _bundled_example() -> Path:
    (path,) = APP.parent.glob("**/argmap/resources/examples/shot-by-both-sides.argmap")
    return path


def test_bundle_version(tmp_path):
    done = _run(["--version"], tmp_path)
    assert (done.returncode, done.stdout.strip()) == (0, f"argmap {argmap.__version__}")


def test_bundle_carries_the_resources():
    example = _bundled_example()
    assert example.read_bytes() == (REPO / "resources" / "examples" / example.name).read_bytes()
    assert (example.parents[1] / "schema" / "argmap.schema.json").is_file()
    assert (example.parents[1] / "icons" / "argmap.svg").is_file()


def test_bundle_check_matches_the_source_tree(tmp_path):
    example = _bundled_example()
    done = _run(["check", "--format", "json", "--fail-on", "never", example], tmp_path)
    assert done.returncode == 0, done.stderr
    from argmap.analysis import check_map
    from argmap.formats import read_file

    expected = check_map(read_file(example)).to_json(str(example))
    assert json.loads(done.stdout) == json.loads(json.dumps(expected))


@pytest.mark.parametrize("suffix, magic", [("png", b"\x89PNG"), ("svg", b"<"), ("pdf", b"%PDF-")])
def test_bundle_exports_with_graphviz_layout(tmp_path, suffix, magic):
    out = tmp_path / f"map.{suffix}"
    done = _run(["export", _bundled_example(), "--layout", "auto", "-o", out], tmp_path)
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.lstrip()[: len(magic)] == magic
    if suffix == "svg":
        assert b"<svg" in data
