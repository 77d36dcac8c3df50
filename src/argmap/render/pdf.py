"""PDF: every sheet on its own page (each with its own size), text kept as text, metadata from the map.

QPdfWriter sets the title, author and creator; the subject and keywords it
cannot set are added as a standard incremental update (a new document
information dictionary appended after the file, with a cross-reference
section pointing back at Qt's), and the XMP metadata stream says the same.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from argmap.render.metadata import DocumentInfo
from argmap.render.sheet import Sheet, paint_sheet
from argmap.render.svgtext import clean

PDF_DPI = 300
NAMED = {(round(595.28), round(841.89)): QPageSize.PageSizeId.A4, (612, 792): QPageSize.PageSizeId.Letter,
         (round(841.89), round(1190.55)): QPageSize.PageSizeId.A3}


def page_layout(sheet: Sheet) -> QPageLayout:
    """The page of a sheet: its paper (named sizes by name, in either orientation) or the frame at 0.75 pt/px."""
    if sheet.paper_pt is None:
        w, h = sheet.size()
        w, h = w * 0.75, h * 0.75
    else:
        w, h = sheet.paper_pt
    short, long = sorted((round(w), round(h)))
    orientation = QPageLayout.Orientation.Landscape if w > h else QPageLayout.Orientation.Portrait
    named = NAMED.get((short, long))
    if named is not None:
        size = QPageSize(named)
    else:
        size = QPageSize(QSizeF(min(w, h), max(w, h)), QPageSize.Unit.Point, "Map",
                         QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def pdf_bytes(sheets: list[Sheet], info: DocumentInfo) -> bytes:
    """A PDF with one page per sheet, and ``info`` as its metadata."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    created = datetime.now(UTC).replace(microsecond=0)
    try:
        writer.setResolution(PDF_DPI)
        writer.setCreator("argmap")
        writer.setTitle(info.title)
        writer.setAuthor(info.author)
        writer.setDocumentXmpMetadata(xmp(info, created).encode("utf-8"))
        writer.setPageLayout(page_layout(sheets[0]))
        painter = QPainter(writer)
        try:
            for n, sheet in enumerate(sheets):
                if n:
                    writer.setPageLayout(page_layout(sheet))
                    writer.newPage()
                page = QRectF(writer.pageLayout().fullRectPixels(PDF_DPI))
                paint_sheet(painter, sheet, QRectF(0, 0, page.width(), page.height()))
        finally:
            painter.end()
    finally:
        del writer  # the writer flushes into the buffer: it must go first
    buffer.close()
    return with_info(bytes(data.data()), info)


def _pdf_string(text: str) -> str:
    """A PDF text string: UTF-16BE with its byte order mark, in hex (no escaping needed)."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def with_info(pdf: bytes, info: DocumentInfo) -> bytes:
    """``pdf`` with a document information dictionary holding ``info`` (an incremental update).

    The original bytes are kept as they are; a new Info object, a one-entry
    cross-reference section and a trailer (``/Prev`` pointing at the old
    one) are appended. A file that does not end as Qt writes it is returned
    unchanged.
    """
    tail = re.search(rb"trailer\s*<<(.*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$", pdf, re.S)
    if not tail:
        return pdf
    trailer, prev = tail.group(1), int(tail.group(2))
    size = re.search(rb"/Size\s+(\d+)", trailer)
    root = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", trailer)
    if not size or not root:
        return pdf
    ident = re.search(rb"/ID\s*\[[^\]]*\]", trailer)
    created = re.search(rb"/CreationDate\s*(\([^)]*\))", pdf)
    number = int(size.group(1))
    fields = {"Title": info.title, "Author": info.author, "Subject": info.subject,
              "Keywords": ", ".join(info.keywords), "Creator": "argmap"}
    body = " ".join(f"/{k} {_pdf_string(v)}" for k, v in fields.items() if v)
    if created:
        body += f" /CreationDate {created.group(1).decode('latin-1')}"
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offset = len(out)
    out += f"{number} 0 obj\n<< {body} >>\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n{number} 1\n{offset:010d} 00000 n \n".encode("latin-1")
    extra = (b" " + ident.group(0)) if ident else b""
    out += (f"trailer\n<< /Size {number + 1} /Root {root.group(1).decode()} /Info {number} 0 R "
            f"/Prev {prev}").encode("latin-1") + extra + f" >>\nstartxref\n{xref}\n%%EOF\n".encode("latin-1")
    return bytes(out)


def xmp(info: DocumentInfo, created: datetime) -> str:
    """The XMP packet: Dublin Core title, creator, description and subject, PDF keywords, creation time."""
    stamp = created.isoformat()
    creators = ""
    if info.author:
        creators = f"<dc:creator><rdf:Seq><rdf:li>{clean(info.author)}</rdf:li></rdf:Seq></dc:creator>"
    keywords = "".join(f"<rdf:li>{clean(k)}</rdf:li>" for k in info.keywords)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{clean(info.title)}</rdf:li></rdf:Alt></dc:title>'
        f"{creators}"
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{clean(info.subject)}</rdf:li></rdf:Alt>'
        f"</dc:description><dc:subject><rdf:Bag>{keywords}</rdf:Bag></dc:subject>"
        f"<pdf:Keywords>{clean(', '.join(info.keywords))}</pdf:Keywords><pdf:Producer>argmap</pdf:Producer>"
        f"<xmp:CreatorTool>argmap</xmp:CreatorTool><xmp:CreateDate>{stamp}</xmp:CreateDate>"
        f"<xmp:ModifyDate>{stamp}</xmp:ModifyDate></rdf:Description></rdf:RDF></x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
