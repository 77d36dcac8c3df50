"""Shared fixtures: paths to ../shared, and a headless Qt for GUI tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared folder is not beside this checkout")
    return path


@pytest.fixture
def shared_dir() -> Path:
    """``../shared`` (skips the test when it is absent)."""
    return _need(SHARED)


@pytest.fixture
def cases_dir() -> Path:
    """``../shared/cases``: small maps with their expected check results."""
    return _need(SHARED / "cases")


@pytest.fixture
def corpora_dir() -> Path:
    """``../shared/corpora``: real maps by others (never copied into the repo)."""
    return _need(SHARED / "corpora")


@pytest.fixture
def seed_text() -> str:
    """The article the bundled map analyses (``../shared/seed``)."""
    return _need(SHARED / "seed" / "000_f613796aa9913b23.txt").read_text(encoding="utf-8")


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session", autouse=True)
def _clear_clipboard_at_exit():
    """Empty the clipboard before Qt shuts down.

    Data left on the offscreen clipboard by copy tests is freed after the
    application object at interpreter exit, which crashes the process (exit
    code 139) although every test passed.
    """
    yield
    import sys

    if "PySide6.QtGui" not in sys.modules:
        return
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()
