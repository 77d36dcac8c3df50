"""argmap.render: how a map looks, shared by the canvas, the exporters and printing.

QtGui only (never QtWidgets). A QGuiApplication must exist before use
(``argmap.app.ensure_gui_app(headless=True)`` makes one).
"""

from argmap.render.export import (
    ExportPlan,
    Prepared,
    export_map,
    paint_prepared,
    plan_export,
    prepare,
    prepared_image,
    render_image,
    render_pdf,
    render_png,
    render_svg,
    write_plan,
)
from argmap.render.geometry import Box, Drawing, Edge, build_drawing, edge_geometry
from argmap.render.legend import drawing_extent
from argmap.render.measure import measure_all, statement_size
from argmap.render.options import PRINT_DPI, ExportError, ExportOptions, SmallTextError
from argmap.render.paint import paint_box, paint_drawing, paint_edge, paint_junction
from argmap.render.sheet import Sheet, paint_sheet
from argmap.render.theme import THEMES, Theme, theme_named

__all__ = [
    "PRINT_DPI", "THEMES", "Box", "Drawing", "Edge", "ExportError", "ExportOptions", "ExportPlan", "Prepared",
    "Sheet", "SmallTextError", "Theme", "build_drawing", "drawing_extent", "edge_geometry", "export_map",
    "measure_all", "paint_box", "paint_drawing", "paint_edge", "paint_junction", "paint_prepared", "paint_sheet",
    "plan_export", "prepare", "prepared_image", "render_image", "render_pdf", "render_png", "render_svg",
    "statement_size", "theme_named", "write_plan",
]
