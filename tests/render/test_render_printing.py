"""Copy as image (PNG + SVG on the clipboard) and printing to a PDF printer."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from defusedxml import ElementTree
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtPrintSupport import QPrinter

from argmap.commands.document import Document
from argmap.model.synth import argument_like
from argmap.ui.printing import PNG_MIME, SVG_MIME, copy_as_image, print_document


def test_copy_puts_png_and_svg_on_the_clipboard(qapp):
    doc = Document(argument_like(12, seed=4))
    assert copy_as_image(doc)
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasFormat(PNG_MIME) and data.hasFormat(SVG_MIME)
    image = QImage.fromData(bytes(data.data(PNG_MIME)), "PNG")
    assert not image.isNull() and image.width() > 100
    root = ElementTree.fromstring(bytes(data.data(SVG_MIME)))
    text = " ".join(root.itertext())
    first = doc.amap.statements["s1"].text.split()[0]
    assert first in text


def test_print_to_a_pdf_printer(qapp, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    doc = Document(argument_like(15, seed=9))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    print_document(doc, printer)
    text = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True).stdout
    text = re.sub(r"\s+", " ", text)
    for st in doc.amap.statements.values():
        assert re.sub(r"\s+", " ", st.text) in text


def test_printing_the_bundled_map_on_a4_splits_it_legibly(qapp, tmp_path):
    from pathlib import Path

    from PySide6.QtGui import QPageSize

    from argmap.formats import read_file

    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    bundled = Path(__file__).resolve().parents[2] / "resources" / "examples" / "shot-by-both-sides.argmap"
    doc = Document(read_file(bundled))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    out = tmp_path / "printed-a4.pdf"
    printer.setOutputFileName(str(out))
    pages = print_document(doc, printer)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert pages > 2 and f"Pages:           {pages}" in info
    text = re.sub(r"-\s+", "-", re.sub(r"\s+", " ", subprocess.run(
        ["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True).stdout))
    for st in doc.amap.statements.values():
        assert re.sub(r"\s+", " ", st.text) in text, st.id
