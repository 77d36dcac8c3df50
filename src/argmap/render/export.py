"""Image export: PNG, SVG and PDF, always from a drawing built fresh from the model.

Nothing from the screen leaks into a file (no selection, hover or handles):
the map is measured, placed and painted again with the chosen theme. PNG
size is checked against ``max_megapixels`` before any pixel is allocated.
SVG and PDF are vector files whose text stays text (searchable, selectable).
"""

from __future__ import annotations

import math
import os
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from argmap.formats import write_bytes_atomic
from argmap.model import ArgumentMap
from argmap.render.callouts import build_callouts, callouts_rect, paint_callouts
from argmap.render.geometry import Drawing, build_drawing
from argmap.render.paint import drawing_extent, paint_drawing
from argmap.render.theme import Theme, theme_named

FORMATS = ("png", "svg", "pdf")
PAGES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter, "a3": QPageSize.PageSizeId.A3}
MAX_SIDE = 32_767
PDF_DPI = 300


class ExportError(Exception):
    """An export that cannot be done; ``str()`` is one clear line."""


@dataclass(frozen=True)
class ExportOptions:
    """How to export a map.

    Attributes
    ----------
    fmt : {"png", "svg", "pdf"}
        The file format ("" means: from the file extension).
    dpi : float
        PNG resolution; 96 dpi is one image pixel per scene pixel.
    scale : float, optional
        PNG scale factor; overrides ``dpi`` when given.
    background : str
        "transparent", "white" or any colour name QColor accepts.
    theme : str
        "screen" (= "light"), "light", "dark" or "print".
    layout : {"keep", "auto"}
        Keep saved positions (placing the others) or lay out everything.
    legend, badges : bool
        Draw the legend; draw label and diagnostic badges.
    margin : int
        Blank border around the map, in scene pixels.
    page : str, optional
        PDF page: None/"fit" (the page fits the map), "A4", "Letter" or "A3".
    orientation : {"auto", "portrait", "landscape"}
        PDF page orientation for a named page.
    scope_ids : tuple of str, optional
        Export only these statements.
    max_megapixels : float
        PNG images larger than this are refused.
    comments : bool
        Open review comments as numbered call-outs, listed under the map (:mod:`argmap.render.callouts`).
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
    scope_ids: tuple[str, ...] | None = None
    max_megapixels: float = 100
    comments: bool = False

    def factor(self) -> float:
        """Image pixels per scene pixel for PNG."""
        return float(self.scale) if self.scale else float(self.dpi) / 96.0


@dataclass
class Prepared:
    """A drawing ready to paint, with its theme and the rectangle to export."""

    drawing: Drawing
    theme: Theme
    extent: QRectF
    options: ExportOptions
    callouts: object = None
    """The comments' call-outs (``options.comments``), or None."""

    def size(self) -> tuple[float, float]:
        m = self.options.margin
        return self.extent.width() + 2 * m, self.extent.height() + 2 * m


def prepare(amap: ArgumentMap, options: ExportOptions, report=None) -> Prepared:
    """Build the drawing for an export (fresh from the model)."""
    try:
        theme = theme_named(options.theme)
    except ValueError as exc:
        raise ExportError(str(exc)) from None
    if options.layout not in ("keep", "auto"):
        raise ExportError(f"unknown layout {options.layout!r}: use keep or auto")
    background_color(options.background)  # refuse a bad colour before anything is painted
    if options.badges and report is None:
        report = _check(amap)
    drawing = build_drawing(amap, theme, report=report if options.badges else None,
                            ids=options.scope_ids, layout=options.layout)
    extent = drawing_extent(drawing, theme, options.legend, options.badges)
    callouts = build_callouts(amap, drawing, extent) if options.comments else None
    if callouts is not None:
        extent = extent.united(callouts_rect(callouts, theme))
    return Prepared(drawing, theme, extent, options, callouts)


@contextmanager
def painting(device):
    """A QPainter on ``device`` that is always ended, even when painting fails."""
    painter = QPainter(device)
    try:
        yield painter
    finally:
        painter.end()


def _check(amap: ArgumentMap):
    try:
        from argmap.analysis import check_map
    except ImportError:
        return None
    return check_map(amap)


def background_color(name: str) -> QColor:
    """The QColor of a background option ("transparent", "white" or a colour name)."""
    if (name or "").lower() == "transparent":
        return QColor(Qt.GlobalColor.transparent)
    colour = QColor(name or "white")
    if not colour.isValid():
        raise ExportError(f"unknown background colour {name!r}: use transparent, white or a colour like #ffeecc")
    return colour


def paint_prepared(painter: QPainter, prep: Prepared, target: QRectF) -> None:
    """Paint ``prep`` scaled to fit ``target`` (aspect kept, centred), background first."""
    w, h = prep.size()
    k = min(target.width() / w, target.height() / h) if w and h else 1.0
    painter.save()
    painter.translate(target.left() + (target.width() - w * k) / 2, target.top() + (target.height() - h * k) / 2)
    painter.scale(k, k)
    colour = background_color(prep.options.background)
    if colour.alpha():
        painter.fillRect(QRectF(0, 0, w, h), colour)
    m = prep.options.margin
    painter.translate(m - prep.extent.left(), m - prep.extent.top())
    paint_drawing(painter, prep.drawing, prep.theme, badges=prep.options.badges, legend=prep.options.legend)
    if prep.callouts is not None:
        paint_callouts(painter, prep.callouts, prep.theme)
    painter.restore()


# ------------------------------------------------------------------ PNG
def png_pixel_size(prep: Prepared) -> tuple[int, int]:
    """The PNG size in pixels for a prepared drawing."""
    w, h = prep.size()
    f = prep.options.factor()
    return max(1, math.ceil(w * f)), max(1, math.ceil(h * f))


def check_pixel_limit(width: int, height: int, options: ExportOptions) -> None:
    """Refuse an image over ``options.max_megapixels`` or over 32,767 px a side.

    Raises
    ------
    ExportError
        Saying the size and how to lower it.
    """
    mp = width * height / 1e6
    if mp <= options.max_megapixels and max(width, height) <= MAX_SIDE:
        return
    room = min(math.sqrt(options.max_megapixels / mp), MAX_SIDE / max(width, height))
    if options.scale:
        hint = f"use a scale of at most {options.scale * room:.2f}"
    else:
        hint = f"use at most {math.floor(options.dpi * room)} dpi"
    raise ExportError(f"the PNG would be {width} × {height} px ({mp:,.1f} megapixels), above the limit of "
                      f"{options.max_megapixels:g} megapixels and {MAX_SIDE:,} px a side: {hint}, "
                      f"export a selection, or export SVG or PDF")


def render_image(amap: ArgumentMap, options: ExportOptions, report=None) -> QImage:
    """The map as a QImage (ARGB32), sized from the bounds × dpi/96 (or × scale)."""
    return prepared_image(prepare(amap, options, report))


def prepared_image(prep: Prepared, factor: float | None = None) -> QImage:
    """Paint a prepared drawing into a new image, ``factor`` image px per scene px (default: the options').

    Raises
    ------
    ExportError
        When the image would break the pixel limit (checked before allocating).
    """
    options = prep.options if factor is None else replace(prep.options, scale=factor)
    width, height = png_pixel_size(replace(prep, options=options))
    check_pixel_limit(width, height, options)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise ExportError(f"not enough memory for a {width} × {height} px image: lower the dpi")
    image.fill(Qt.GlobalColor.transparent)
    dots = round(options.factor() * 96 / 0.0254)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    with painting(image) as painter:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        paint_prepared(painter, prep, QRectF(0, 0, width, height))
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def render_png(amap: ArgumentMap, options: ExportOptions, report=None) -> bytes:
    """The map as PNG bytes."""
    image = render_image(amap, options, report)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ExportError("the PNG could not be encoded")
    buffer.close()
    return bytes(data.data())


# ------------------------------------------------------------------ SVG
def render_svg(amap: ArgumentMap, options: ExportOptions, report=None) -> bytes:
    """The map as SVG bytes: vector shapes, text kept as ``<text>``."""
    from PySide6.QtSvg import QSvgGenerator

    prep = prepare(amap, replace(options, fmt="svg"), report)
    w, h = (math.ceil(v) for v in prep.size())
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buffer)
    gen.setSize(QSize(w, h))
    gen.setViewBox(QRectF(0, 0, w, h))
    gen.setResolution(96)
    gen.setTitle(amap.title or "Argument map")
    gen.setDescription(_description(amap))
    try:
        with painting(gen) as painter:
            paint_prepared(painter, prep, QRectF(0, 0, w, h))
    finally:
        del gen  # the generator writes into the buffer: it must go first
    buffer.close()
    return bytes(data.data())


def _description(amap: ArgumentMap) -> str:
    desc = (f"Argument map: {len(amap.statements)} statements, {len(amap.inferences)} inferences, "
            f"{len(amap.conflicts)} conflicts. Made with argmap.")
    if amap.source.title:
        desc += f" Source: {amap.source.title}."
    return desc


# ------------------------------------------------------------------ PDF
def render_pdf(amap: ArgumentMap, options: ExportOptions, report=None) -> bytes:
    """The map as PDF bytes: one vector page, text selectable."""
    prep = prepare(amap, replace(options, fmt="pdf"), report)
    layout = pdf_page_layout(prep)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    try:
        writer.setResolution(PDF_DPI)
        writer.setCreator("argmap")
        writer.setTitle(amap.title or "Argument map")
        writer.setPageLayout(layout)
        target = QRectF(writer.pageLayout().paintRectPixels(PDF_DPI))
        with painting(writer) as painter:
            paint_prepared(painter, prep, QRectF(0, 0, target.width(), target.height()))
    finally:
        del writer  # the writer flushes into the buffer: it must go first
    buffer.close()
    return bytes(data.data())


def pdf_page_layout(prep: Prepared) -> QPageLayout:
    """Fit-to-content page (1 scene px = 0.75 pt), or a named page with the margin around the map."""
    w, h = prep.size()
    page = (prep.options.page or "fit").lower()
    if page == "fit":
        size = QPageSize(QSizeF(w * 0.75, h * 0.75), QPageSize.Unit.Point, "Fit", QPageSize.SizeMatchPolicy.ExactMatch)
        return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    if page not in PAGES:
        raise ExportError(f"unknown page size {prep.options.page!r}: use fit, A4, Letter or A3")
    orient = prep.options.orientation
    if orient == "auto":
        orient = "landscape" if w > h else "portrait"
    o = QPageLayout.Orientation.Landscape if orient == "landscape" else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(PAGES[page]), o, QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Point)


# ------------------------------------------------------------------ files
def export_map(amap: ArgumentMap, path: str | os.PathLike, options: ExportOptions, report=None) -> None:
    """Write ``amap`` to ``path`` as PNG, SVG or PDF (``options.fmt`` or the extension).

    The file is written to a temporary file first and renamed into place,
    so a failed export never leaves a half-written file.

    Raises
    ------
    ExportError
        Unknown format, size over the limit, or a file that cannot be written.
    """
    fmt = (options.fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ExportError(f"cannot export to {fmt or 'a file without extension'!r}: use .png, .svg or .pdf")
    render = {"png": render_png, "svg": render_svg, "pdf": render_pdf}[fmt]
    data = render(amap, replace(options, fmt=fmt), report)
    try:
        write_bytes_atomic(Path(path), data)
    except OSError as exc:
        raise ExportError(f"{path}: cannot be written: {exc.strerror or exc}") from None


