"""Export options, the errors an export raises, and printed lengths ("16cm", "6in", "1800px")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

FORMATS = ("png", "svg", "pdf")
PAGE_NAMES = ("A4", "Letter", "A3")
PRINT_DPI = 300
"""The resolution the CLI, the dialog and the preferences give a PNG unless told otherwise: print-ready."""
UNITS_PT = {"pt": 1.0, "in": 72.0, "cm": 72.0 / 2.54, "mm": 72.0 / 25.4}
"""Points per unit; "px" is an image pixel (PNG: 1/dpi inch, SVG: a CSS pixel, 1/96 inch)."""
MAX_WIDTH_PT = 72.0 * 200
"""Nothing prints wider than 200 inches."""
SPLITS = ("auto", "split", "one")


class ExportError(Exception):
    """An export that cannot be done; ``str()`` is one clear line."""


class SmallTextError(ExportError):
    """The picture would print with body text under the minimum; nothing was written.

    Attributes
    ----------
    body_pt : float
        The body text size it would have.
    parts : int
        How many legible parts (files or pages) a split would give (0 if unknown).
    """

    def __init__(self, message: str, body_pt: float, parts: int = 0):
        super().__init__(message)
        self.body_pt = body_pt
        self.parts = parts


@dataclass(frozen=True)
class ExportOptions:
    """How to export a map.

    Attributes
    ----------
    fmt : {"png", "svg", "pdf"}
        The file format ("" means: from the file extension).
    dpi : float
        PNG resolution; 96 dpi is one image pixel per scene pixel (the API's
        default; the CLI, the dialog and the preferences default to :data:`PRINT_DPI`).
    scale : float, optional
        PNG scale factor; overrides ``dpi`` when given.
    background : str
        "transparent", "white" or any colour name QColor accepts.
    theme : str
        "screen" (= "light"), "light", "dark" or "print".
    layout : {"keep", "auto"}
        Keep saved positions (placing the others) or lay out everything. The
        pages of a split map are always laid out page by page.
    legend, badges : bool
        Draw the legend; draw label and diagnostic badges.
    margin : int
        Blank border around the map, in scene pixels (pictures without a page).
    page : str, optional
        Paper: None/"fit" (the PDF page fits the map), "A4", "Letter" or "A3"
        (PDF; the map is split over pages when it would print under 7 pt).
    orientation : {"auto", "portrait", "landscape"}
        Orientation of a named page ("auto": per page, whichever fits best).
    width : str, optional
        Printed width of a PNG or SVG, with its unit: "16cm", "160mm", "6.3in",
        "1800px" (PNG: image pixels; SVG: CSS pixels).
    height : str, optional
        Greatest height of each part when a picture of ``width`` is split
        (default: 1.414 × the width, an A-series page).
    split : {"auto", "split", "one"}
        "auto": split named pages when text would be too small, and refuse a
        picture of ``width`` whose text would be too small (:class:`SmallTextError`);
        "split": split into legible pages or numbered files; "one": one page
        or picture, however small its text.
    scope_ids : tuple of str, optional
        Export only these statements.
    max_megapixels : float
        PNG images larger than this are refused.
    comments : bool
        Open review comments as numbered call-outs, listed under the map
        (:mod:`argmap.render.callouts`; one picture only: pages split by branch leave them out).
    """

    fmt: str = "png"
    dpi: float = 96
    scale: float | None = None
    background: str = "white"
    theme: str = "screen"
    layout: str = "keep"
    legend: bool = False
    badges: bool = True
    margin: int = 24
    page: str | None = None
    orientation: str = "auto"
    width: str | None = None
    height: str | None = None
    split: str = "auto"
    scope_ids: tuple[str, ...] | None = None
    max_megapixels: float = 100
    comments: bool = False

    def factor(self) -> float:
        """Image pixels per scene pixel for PNG."""
        return float(self.scale) if self.scale else float(self.dpi) / 96.0

    def named_page(self) -> str | None:
        """"A4", "Letter" or "A3" for a named page, None for a page that fits the map."""
        page = (self.page or "fit").strip()
        if page.lower() == "fit":
            return None
        for name in PAGE_NAMES:
            if page.lower() == name.lower():
                return name
        raise ExportError(f"unknown page size {self.page!r}: use fit, A4, Letter or A3")


def background_color(name: str) -> QColor:
    """The QColor of a background option ("transparent", "white" or a colour name)."""
    if (name or "").lower() == "transparent":
        return QColor(Qt.GlobalColor.transparent)
    colour = QColor(name or "white")
    if not colour.isValid():
        raise ExportError(f"unknown background colour {name!r}: use transparent, white or a colour like #ffeecc")
    return colour


_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*(pt|in|cm|mm|px)\s*\Z", re.IGNORECASE)


def parse_length(text: str, what: str = "--width") -> tuple[float, str]:
    """``"16cm"`` -> ``(16.0, "cm")``.

    Raises
    ------
    ExportError
        For a length without a known unit, or not above zero.
    """
    found = _LENGTH.match(text or "")
    if not found:
        raise ExportError(f"{what} {text!r} is not a length: give a number and a unit, e.g. 16cm, 160mm, "
                          f"6.3in or 1800px")
    value, unit = float(found.group(1)), found.group(2).lower()
    if value <= 0:
        raise ExportError(f"{what} must be above zero")
    return value, unit


def length_pt(text: str, px_per_inch: float, what: str = "--width") -> float:
    """A printed length in points; ``px`` counts ``px_per_inch`` to the inch."""
    value, unit = parse_length(text, what)
    points = value * 72.0 / px_per_inch if unit == "px" else value * UNITS_PT[unit]
    if points > MAX_WIDTH_PT:
        raise ExportError(f"{what} {text!r} is over 200 inches")
    return points
