"""The render primitives the canvas paints with (shared with the exporter).

Imported from :mod:`argmap.render`; while that package does not re-export a
name yet, it is taken from the render module that defines it.
"""

from __future__ import annotations

import argmap.render as _render

try:
    from argmap.render import edge_geometry, paint_box, paint_edge, paint_junction, statement_size, theme_named
except ImportError:  # the package does not re-export them (yet)
    from argmap.render.geometry import edge_geometry
    from argmap.render.measure import statement_size
    from argmap.render.paint import paint_box, paint_edge, paint_junction
    from argmap.render.theme import theme_named

Theme = getattr(_render, "Theme", None)
if Theme is None:
    from argmap.render.theme import Theme

__all__ = ["Theme", "edge_geometry", "paint_box", "paint_edge", "paint_junction", "statement_size", "theme_named"]
