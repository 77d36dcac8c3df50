"""A sheet: one picture to write (a PNG, an SVG, one PDF page), and how a QPainter draws it.

A sheet holds a :class:`~argmap.render.geometry.Drawing` in scene pixels,
the rectangle of it the file shows (``frame``: margins and captions
included), and the extras a printed page needs: captions (page title,
page number, overview labels), reference boxes (statements drawn on
another page) and the overview's text-free boxes. The painter here and the
SVG writer (:mod:`argmap.render.svg`) draw the same sheet the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from argmap.render.branches import is_continuation
from argmap.render.callouts import Callouts, paint_callouts
from argmap.render.geometry import Box, Drawing
from argmap.render.legend import paint_legend, shows_proposals, shows_tradecraft
from argmap.render.measure import header_text
from argmap.render.paint import paint_box, paint_links
from argmap.render.theme import Theme

PT_PER_PX = 0.75
"""Points per scene pixel at the export's own resolution (96 px per inch)."""


@dataclass(frozen=True)
class Caption:
    """A line of text on a sheet that is not part of the map: a title, a page number, a label.

    ``x``/``y`` is the top-left of the text in scene pixels, ``px`` its size;
    ``anchor`` "start", "middle" or "end" aligns it on ``x``.
    """

    text: str
    x: float
    y: float
    px: float
    bold: bool = False
    anchor: str = "start"
    role: str = "caption"


@dataclass
class Sheet:
    """One picture: a drawing, the part of it shown, and what a printed page adds.

    Attributes
    ----------
    drawing : Drawing
        Boxes, edges and junctions in scene pixels.
    theme : Theme
        How it is drawn.
    frame : QRectF
        The rectangle (scene pixels) that fills the file or page.
    background : str
        "transparent", "white" or a colour name.
    badges : bool
        Draw label and diagnostic badges.
    legend_at : QPointF, optional
        Top-left of the legend, when one is drawn.
    refs : dict
        Box id -> the pages where the statements it stands for are drawn; such
        a box is a reference, drawn dashed with "→ p. N".
    captions : list of Caption
        Titles, page numbers and labels.
    skeleton : bool
        Boxes without text (the overview page of a split map).
    number, title : int, str
        Page number (1-based) and its title ("" for a plain picture).
    pt_per_px : float
        Printed points per scene pixel (0.75 when printed at the file's own resolution).
    paper_pt : (float, float), optional
        The page size in points, for a page of a PDF or a part of a split image.
    legend_scale : float
        The legend's size relative to the map (an overview's legend is larger than its tiny map).
    legend_refs : bool
        The legend explains reference boxes (also when this sheet has none).
    callouts : Callouts, optional
        Numbered review comments: discs on the map, the list under it (:mod:`argmap.render.callouts`).
    """

    drawing: Drawing
    theme: Theme
    frame: QRectF
    background: str = "white"
    badges: bool = True
    legend_at: QPointF | None = None
    refs: dict[str, tuple[int, ...]] = field(default_factory=dict)
    captions: list[Caption] = field(default_factory=list)
    skeleton: bool = False
    number: int = 1
    title: str = ""
    pt_per_px: float = PT_PER_PX
    paper_pt: tuple[float, float] | None = None
    legend_scale: float = 1.0
    legend_refs: bool = False
    callouts: Callouts | None = None

    def size(self) -> tuple[float, float]:
        """Width and height of the frame in scene pixels."""
        return self.frame.width(), self.frame.height()


def has_ref_row(sheet: Sheet) -> bool:
    """Whether the sheet's legend explains reference boxes."""
    return bool(sheet.refs) or sheet.legend_refs


def box_header(box: Box) -> str:
    """The header label of a box as drawn: its structural role when the drawing has one (``Box.role``,
    an OBJECTION, a REASON), else its kind (``measure.header_text``)."""
    role = getattr(box, "role", None)
    return header_text(box.statement, role) if role else header_text(box.statement)


def ref_header(box: Box, pages: tuple[int, ...]) -> str:
    """The header label of a reference box: where the statement (or statements) it stands for are drawn."""
    where = "→ p. " + ", ".join(str(p) for p in pages)
    return where if is_continuation(box.id) else f"{where} · {header_text(box.statement)}"


def caption_font(theme: Theme, caption: Caption) -> QFont:
    """The font of a caption (the theme's family at the caption's pixel size)."""
    font = QFont(theme.font())
    font.setPixelSize(max(1, round(caption.px)))
    font.setBold(caption.bold)
    return font


def caption_left(caption: Caption, width: float) -> float:
    """Left edge of a caption ``width`` pixels wide, from its anchor."""
    if caption.anchor == "middle":
        return caption.x - width / 2
    if caption.anchor == "end":
        return caption.x - width
    return caption.x


def paint_sheet(painter: QPainter, sheet: Sheet, target: QRectF, background=None) -> None:
    """Paint ``sheet`` scaled to fit ``target`` (aspect kept, centred), background first.

    Parameters
    ----------
    painter : QPainter
        Any device: image, PDF page, printer, preview.
    sheet : Sheet
        What to paint.
    target : QRectF
        Where, in the painter's coordinates.
    background : QColor, optional
        The background colour (default: from ``sheet.background``; transparent paints nothing).
    """
    w, h = sheet.size()
    k = min(target.width() / w, target.height() / h) if w and h else 1.0
    painter.save()
    painter.translate(target.left() + (target.width() - w * k) / 2, target.top() + (target.height() - h * k) / 2)
    painter.scale(k, k)
    colour = background if background is not None else _colour(sheet.background)
    if colour.alpha():
        painter.fillRect(QRectF(0, 0, w, h), colour)
    painter.translate(-sheet.frame.left(), -sheet.frame.top())
    paint_sheet_content(painter, sheet)
    painter.restore()


def paint_sheet_content(painter: QPainter, sheet: Sheet) -> None:
    """Paint the map, legend, captions and call-outs of ``sheet`` in scene coordinates."""
    theme, drawing = sheet.theme, sheet.drawing
    paint_links(painter, drawing, theme)
    for box in drawing.boxes.values():
        _paint_one(painter, box, sheet)
    if sheet.legend_at is not None:
        painter.save()
        painter.translate(sheet.legend_at)
        painter.scale(sheet.legend_scale, sheet.legend_scale)
        paint_legend(painter, QPointF(0, 0), theme, badges=sheet.badges, refs=has_ref_row(sheet),
                     grades=shows_tradecraft(drawing), proposed=shows_proposals(drawing))
        painter.restore()
    for caption in sheet.captions:
        font = caption_font(theme, caption)
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        painter.setPen(QColor(theme.text))
        left = caption_left(caption, metrics.horizontalAdvance(caption.text))
        painter.drawText(QPointF(left, caption.y + metrics.ascent()), caption.text)
    if sheet.callouts is not None:
        paint_callouts(painter, sheet.callouts, theme)


def _paint_one(painter: QPainter, box: Box, sheet: Sheet) -> None:
    page = sheet.refs.get(box.id)
    if page is None:
        paint_box(painter, box.rect, box.statement, sheet.theme, label=box.label, severity=box.worst_severity,
                  badges=sheet.badges, badge_text=box.badge_text, header=box_header(box), text=not sheet.skeleton,
                  grade=box.grade)
    else:
        paint_box(painter, box.rect, box.statement, sheet.theme, badges=False, header=ref_header(box, page),
                  reference=True, text=not sheet.skeleton)


def _colour(name: str) -> QColor:
    if (name or "").lower() == "transparent":
        return QColor(Qt.GlobalColor.transparent)
    colour = QColor(name or "white")
    return colour if colour.isValid() else QColor("white")
