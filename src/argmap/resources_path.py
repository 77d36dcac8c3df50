"""Where the bundled resources are, installed or in a source checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource("examples", "shot-by-both-sides.argmap")``."""
    base = Path(str(resources.files("argmap.resources")))
    return base.joinpath(*parts)


def example_map() -> Path:
    """The bundled map of the article."""
    return resource("examples", "shot-by-both-sides.argmap")
