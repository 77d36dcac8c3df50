"""Layering that import-linter cannot express: which packages may import which Qt modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "argmap"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("package, forbidden", [
    ("render", ("PySide6.QtWidgets",)),
    ("model", ("PySide6", "networkx", "pygraphviz")),
    ("analysis", ("PySide6",)),
    ("formats", ("PySide6",)),
    ("layout", ("PySide6",)),
    ("draft", ("PySide6", "networkx", "pygraphviz")),
])
def test_package_does_not_import(package: str, forbidden: tuple[str, ...]):
    offenders = []
    for path in sorted((SRC / package).rglob("*.py")):
        for module in imported_modules(path):
            if any(module == f or module.startswith(f + ".") for f in forbidden):
                offenders.append(f"{path.relative_to(SRC)} imports {module}")
    assert offenders == []


def test_headless_entry_points_do_not_import_qt_at_module_level():
    names = ["limits.py", "gcpause.py", "__init__.py"] + [f"cli/{p.name}" for p in sorted((SRC / "cli").glob("*.py"))]
    for name in names:
        tree = ast.parse((SRC / name).read_text(encoding="utf-8"))
        top_level = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
        modules = {a.name for n in top_level if isinstance(n, ast.Import) for a in n.names}
        modules |= {n.module for n in top_level if isinstance(n, ast.ImportFrom) and n.module}
        assert not [m for m in modules if m.startswith("PySide6") or m.startswith("argmap.ui")], name
