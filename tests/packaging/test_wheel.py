"""The wheel carries every subpackage and resource, and installs into a fresh venv that runs ``argmap``.

The wheel is built from the working tree with ``pip wheel . --no-deps`` into a temporary folder;
the venv (``--system-site-packages``, so Qt and NetworkX are not downloaded again) installs it with
``--no-index --no-deps`` and runs ``argmap`` from outside the repository.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

import argmap

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = ("examples", "shot-by-both-sides.argmap")


def _run(cmd, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=600, **kwargs)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = _run([sys.executable, "-m", "pip", "wheel", REPO, "--no-deps", "--disable-pip-version-check",
                 "-q", "-w", out])
    assert done.returncode == 0, done.stderr
    (path,) = out.glob("argmap-*.whl")
    return path


@pytest.fixture(scope="module")
def wheel_names(wheel) -> set[str]:
    with zipfile.ZipFile(wheel) as zf:
        return set(zf.namelist())


def _source_modules() -> list[str]:
    """Every module of the source tree, as its path inside the wheel."""
    src = REPO / "src"
    return sorted(p.relative_to(src).as_posix() for p in (src / "argmap").rglob("*.py")
                  if "__pycache__" not in p.parts)


def _resource_files() -> list[str]:
    base = REPO / "resources"
    return sorted("argmap/resources/" + p.relative_to(base).as_posix() for p in base.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


def test_wheel_has_every_subpackage_and_module(wheel_names):
    packages = [m for m in _source_modules() if m.endswith("/__init__.py")]
    assert len(packages) > 5
    missing = [m for m in _source_modules() if m not in wheel_names]
    assert not missing, f"not in the wheel (add the packages to pyproject.toml): {missing}"


def test_wheel_has_every_resource(wheel_names):
    resources = _resource_files()
    assert "argmap/resources/" + "/".join(EXAMPLE) in resources
    assert any(r.startswith("argmap/resources/schema/") for r in resources)
    assert any(r.startswith("argmap/resources/icons/") for r in resources)
    assert [r for r in resources if r not in wheel_names] == []
    assert not [n for n in wheel_names if "__pycache__" in n or n.endswith(".pyc")]


def test_wheel_metadata_version_and_entry_point(wheel, wheel_names):
    with zipfile.ZipFile(wheel) as zf:
        info = next(n for n in wheel_names if n.endswith(".dist-info/METADATA"))
        metadata = zf.read(info).decode()
        entry_points = zf.read(info.replace("METADATA", "entry_points.txt")).decode()
    assert f"\nVersion: {argmap.__version__}\n" in metadata
    assert wheel.name.startswith(f"argmap-{argmap.__version__}-")
    assert "argmap = argmap.cli:main" in entry_points
    for dependency in ("PySide6-Essentials", "networkx", "defusedxml", "pygraphviz"):
        assert f"Requires-Dist: {dependency}" in metadata


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed; returns its bin folder."""
    home = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(system_site_packages=True, with_pip=True, symlinks=True).create(home)
    bin_dir = home / ("Scripts" if os.name == "nt" else "bin")
    # --no-deps: the dependencies come from the system site-packages; none is downloaded.
    done = _run([bin_dir / "python", "-m", "pip", "install", "--no-index", "--no-deps",
                 "--disable-pip-version-check", "-q", wheel])
    assert done.returncode == 0, done.stderr
    return bin_dir


def _outside_env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(QT_QPA_PLATFORM="offscreen", ARGMAP_RECOVERY_DIR=str(tmp_path / "recovery"))
    return env


def test_installed_copy_is_the_one_imported(installed, tmp_path):
    done = _run([installed / "python", "-c",
                 "import argmap, argmap.resources_path as r; print(argmap.__file__); print(r.example_map())"],
                cwd=tmp_path, env=_outside_env(tmp_path))
    assert done.returncode == 0, done.stderr
    module, example = done.stdout.split("\n")[:2]
    home = installed.parent.resolve()
    assert Path(module).resolve().is_relative_to(home)
    assert Path(example).resolve().is_relative_to(home)
    assert Path(example).read_bytes() == REPO.joinpath("resources", *EXAMPLE).read_bytes()


def test_installed_version(installed, tmp_path):
    done = _run([installed / "argmap", "--version"], cwd=tmp_path, env=_outside_env(tmp_path))
    assert (done.returncode, done.stdout.strip()) == (0, f"argmap {argmap.__version__}")


def test_installed_check_of_the_bundled_map(installed, tmp_path):
    env = _outside_env(tmp_path)
    where = _run([installed / "python", "-c", "from argmap.resources_path import example_map as e; print(e())"],
                 cwd=tmp_path, env=env).stdout.strip()
    done = _run([installed / "argmap", "check", "--format", "json", "--fail-on", "never", where],
                cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    from argmap.analysis import check_map
    from argmap.formats import read_file

    expected = check_map(read_file(REPO.joinpath("resources", *EXAMPLE))).to_json(where)
    assert result == json.loads(json.dumps(expected))
    assert result["summary"]["error"] > 0  # the bundled map has errors by design
    failing = _run([installed / "argmap", "check", where], cwd=tmp_path, env=env)
    assert failing.returncode == 1


def test_installed_gui_opens_the_bundled_map(installed, tmp_path):
    script = ("from argmap.app import create_window, ensure_widgets_app\n"
              "from argmap.formats import read_file\n"
              "from argmap.resources_path import example_map\n"
              "app = ensure_widgets_app()\n"
              "window = create_window(offer_recovery=False)\n"
              "window.show(); app.processEvents()\n"
              "print(window.document.amap == read_file(example_map()), len(window.document.amap))\n")
    done = _run([installed / "python", "-c", script], cwd=tmp_path, env=_outside_env(tmp_path))
    assert done.returncode == 0, done.stderr
    same, count = done.stdout.split()
    assert same == "True" and int(count) > 10
