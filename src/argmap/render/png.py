"""PNG: a sheet's size in pixels, the pixel limit, painting a sheet into an image and encoding it.

The size is worked out and checked (:func:`check_pixel_limit`) before any
pixel is allocated, so an export too large for memory is refused with the
dpi or scale that would fit.
"""

from __future__ import annotations

import math
from contextlib import contextmanager

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from argmap.render.options import ExportError, ExportOptions, background_color, length_pt, parse_length
from argmap.render.sheet import Sheet, paint_sheet

MAX_SIDE = 32_767
"""The longest side of a PNG, in pixels."""


@contextmanager
def painting(device):
    """A QPainter on ``device`` that is always ended, even when painting fails."""
    painter = QPainter(device)
    try:
        yield painter
    finally:
        painter.end()


def png_pixel_size(prep, options: ExportOptions | None = None) -> tuple[int, int]:
    """The PNG size in pixels of a sheet (with ``options``) or of a prepared drawing (with its own options).

    ``prep`` is a :class:`Sheet` or an :class:`argmap.render.export.Prepared`.
    """
    if isinstance(prep, Sheet):
        sheet = prep
    else:
        options, sheet = prep.options, prep.sheet()
    if options.width and sheet.paper_pt is None:
        value, unit = parse_length(options.width)
        width = value if unit == "px" else length_pt(options.width, options.dpi) / 72.0 * options.dpi
        w, h = sheet.size()
        return max(1, round(width)), max(1, round(width * h / w))
    if sheet.paper_pt is not None:
        dpi = options.factor() * 96.0
        return max(1, math.ceil(sheet.paper_pt[0] / 72.0 * dpi)), max(1, math.ceil(sheet.paper_pt[1] / 72.0 * dpi))
    w, h = sheet.size()
    f = options.factor()
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


def sheet_image(sheet: Sheet, options: ExportOptions, size: tuple[int, int] | None = None) -> QImage:
    """Paint a sheet into a new ARGB32 image (``size`` pixels, default from the options).

    Raises
    ------
    ExportError
        When the image would break the pixel limit (checked before allocating).
    """
    width, height = size or png_pixel_size(sheet, options)
    check_pixel_limit(width, height, options)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise ExportError(f"not enough memory for a {width} × {height} px image: lower the dpi")
    image.fill(Qt.GlobalColor.transparent)
    dots = round(width / (sheet.size()[0] * sheet.pt_per_px / 72.0) / 0.0254)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    with painting(image) as painter:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        paint_sheet(painter, sheet, QRectF(0, 0, width, height), background_color(sheet.background))
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ExportError("the PNG could not be encoded")
    buffer.close()
    return bytes(data.data())
