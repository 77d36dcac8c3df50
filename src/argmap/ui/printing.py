"""Copy the map to the clipboard as an image, and print it.

Both go through the render module (:mod:`argmap.render`): the map is drawn
fresh from the model, so the selection and hover highlights never show.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QRectF
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QMessageBox

from argmap.render import ExportError, ExportOptions, prepare, prepared_image, render_svg
from argmap.render.export import plan_for_paper
from argmap.render.paper import Paper
from argmap.render.png import painting
from argmap.render.sheet import paint_sheet
from argmap.ui.widgets import show_plain

SVG_MIME = "image/svg+xml"
PNG_MIME = "image/png"
COPY_OPTIONS = ExportOptions(fmt="png", dpi=144, background="white", badges=True)
PRINT_OPTIONS = ExportOptions(fmt="pdf", theme="print", background="white", badges=True, legend=True, margin=12)
PRINT_MARGIN_PT = 18.0
"""Blank border of every printed page (most printers cannot print the outer 1/4 inch)."""


def _report(document):
    document.flush()
    return document.report


def image_mime_data(document, options: ExportOptions = COPY_OPTIONS) -> QMimeData:
    """Mime data holding the map as a PNG image (``image/png`` and Qt's image) and as SVG.

    Raises
    ------
    ExportError
        When the image would be too large.
    """
    report = _report(document)
    prep = prepare(document.amap, options, report)
    image = prepared_image(prep)
    data = QMimeData()
    data.setImageData(image)
    png = QByteArray()
    buffer = QBuffer(png)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    data.setData(PNG_MIME, png)
    data.setData(SVG_MIME, render_svg(document.amap, replace(options, fmt="svg"), report))
    return data


def copy_as_image(document, options: ExportOptions | None = None, parent=None) -> bool:
    """Put the map on the clipboard as PNG and SVG.

    Parameters
    ----------
    document : Document
        The map to copy.
    options : ExportOptions, optional
        How to draw it (default: 144 dpi, white background, badges).
    parent : QWidget, optional
        Parent of the warning shown when the map is too large to copy.

    Returns
    -------
    bool
        False when the image could not be made (a warning was shown if ``parent``).
    """
    try:
        data = image_mime_data(document, options or COPY_OPTIONS)
    except ExportError as exc:
        if parent is not None:
            show_plain(parent, QMessageBox.Icon.Warning, "Copy as image",
                       f"The map could not be copied to the clipboard: {exc}.\n\nTry a lower scale, "
                       "or export it to a file with File > Export Image.")
        return False
    QGuiApplication.clipboard().setMimeData(data)
    return True


def print_document(document, printer: QPrinter, options: ExportOptions = PRINT_OPTIONS) -> int:
    """Print the document's map on ``printer``'s paper, legibly: split over pages by branch when it must be.

    Returns
    -------
    int
        The number of pages printed.
    """
    printer.setFullPage(True)
    page = printer.pageLayout().fullRectPoints()
    paper = Paper("printer", page.width(), page.height(), PRINT_MARGIN_PT, "fixed")
    plan = plan_for_paper(document.amap, options, _report(document), paper)
    device = printer.pageLayout().fullRectPixels(printer.resolution())
    with painting(printer) as painter:
        for n, sheet in enumerate(plan.sheets):
            if n:
                printer.newPage()
            paint_sheet(painter, sheet, QRectF(0, 0, device.width(), device.height()))
    return len(plan.sheets)


def print_map(document, parent=None, preview: bool = True) -> bool:
    """Print the map, with a preview first (or the print dialog only).

    Returns
    -------
    bool
        True when the user printed.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document.amap.title or document.display_name())
    if preview:
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setWindowTitle("Print preview")
        dialog.paintRequested.connect(lambda p: print_document(document, p))
        return dialog.exec() == QDialog.DialogCode.Accepted
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    print_document(document, printer)
    return True
