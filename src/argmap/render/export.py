"""Image export: PNG, SVG and PDF, always from a drawing built fresh from the model.

Nothing from the screen leaks into a file (no selection, hover or handles):
the map is measured, placed and painted again with the chosen theme.
:func:`plan_export` decides what is printed (one picture, or legible pages,
:mod:`argmap.render.pages`); the writers turn each sheet into bytes; one
atomic writer (:mod:`argmap.atomic`) puts them on disk. PNG size is checked
before any pixel is allocated. The caller passes the check report (for the
badges): rendering never checks a map itself.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from argmap.atomic import write_bytes_atomic
from argmap.model import ArgumentMap
from argmap.render.callouts import Callouts, build_callouts, callouts_rect
from argmap.render.geometry import Drawing, build_drawing
from argmap.render.legend import drawing_extent, legend_origin
from argmap.render.metadata import DocumentInfo, document_info
from argmap.render.options import (
    FORMATS,
    ExportError,
    ExportOptions,
    SmallTextError,
    background_color,
    length_pt,
    parse_length,
)
from argmap.render.pages import paged_sheets, restricted
from argmap.render.paper import MIN_BODY_PT, Paper, named_paper
from argmap.render.pdf import pdf_bytes
from argmap.render.png import png_bytes, png_pixel_size, sheet_image
from argmap.render.sheet import Sheet, paint_sheet
from argmap.render.svg import num, svg_sheet
from argmap.render.theme import Theme, theme_named

PART_MARGIN_PT = 9.0
"""Margin of each part when a picture of a given width is split into numbered files."""


@dataclass
class Prepared:
    """A drawing ready to paint, with its theme and the rectangle to export."""

    drawing: Drawing
    theme: Theme
    extent: QRectF
    options: ExportOptions
    callouts: Callouts | None = None

    def size(self) -> tuple[float, float]:
        m = self.options.margin
        return self.extent.width() + 2 * m, self.extent.height() + 2 * m

    def sheet(self) -> Sheet:
        """The picture as a :class:`Sheet`: the extent with the margin around it, in whole pixels."""
        m = self.options.margin
        o = self.options
        w, h = (math.ceil(v) for v in self.size())
        frame = QRectF(self.extent.left() - m, self.extent.top() - m, w, h)
        return Sheet(self.drawing, self.theme, frame, o.background, o.badges,
                     legend_at=legend_origin(self.drawing) if o.legend else None, callouts=self.callouts)


def _theme(options: ExportOptions) -> Theme:
    try:
        return theme_named(options.theme)
    except ValueError as exc:
        raise ExportError(str(exc)) from None


def prepare(amap: ArgumentMap, options: ExportOptions, report=None) -> Prepared:
    """Build the drawing of the whole map (or ``options.scope_ids``) as one picture, fresh from the model.

    Parameters
    ----------
    amap : ArgumentMap
        The map to draw.
    options : ExportOptions
        How to draw it.
    report : optional
        The caller's check report (``argmap.analysis.check_map``), for the
        badges. Rendering never checks a map itself: without a report the
        boxes carry no badges.
    """
    theme = _theme(options)
    if options.layout not in ("keep", "auto"):
        raise ExportError(f"unknown layout {options.layout!r}: use keep or auto")
    background_color(options.background)  # refuse a bad colour before anything is painted
    drawing = build_drawing(amap, theme, report=report if options.badges else None,
                            ids=options.scope_ids, layout=options.layout)
    extent = drawing_extent(drawing, theme, options.legend, options.badges)
    callouts = build_callouts(amap, drawing, extent) if options.comments else None
    if callouts is not None:
        extent = extent.united(callouts_rect(callouts, theme))
    return Prepared(drawing, theme, extent, options, callouts)


def paint_prepared(painter: QPainter, prep: Prepared, target: QRectF) -> None:
    """Paint ``prep`` scaled to fit ``target`` (aspect kept, centred), background first."""
    paint_sheet(painter, prep.sheet(), target, background_color(prep.options.background))


# ------------------------------------------------------------------ plans
@dataclass
class ExportPlan:
    """What an export writes: one sheet per file or page, and what the files say about themselves.

    Attributes
    ----------
    options : ExportOptions
        The options (``fmt`` settled).
    sheets : list of Sheet
        One per PDF page, or one per PNG/SVG file.
    info : DocumentInfo
        Title, author, subject, keywords.
    split : bool
        True when the map was split over pages or parts.
    page_of : dict
        Statement id -> the page (or part) it is drawn on.
    printed_width : str, optional
        The ``--width`` of a single PNG/SVG, as asked.
    """

    options: ExportOptions
    sheets: list[Sheet]
    info: DocumentInfo
    split: bool = False
    page_of: dict[str, int] = field(default_factory=dict)
    printed_width: str | None = None

    def body_pt(self) -> float:
        """The smallest body text size on any page (points)."""
        sizes = [s.theme.font_px * s.pt_per_px for s in self.sheets if not s.skeleton]
        return min(sizes) if sizes else 0.0


def settle_format(options: ExportOptions, path: str | os.PathLike | None = None) -> ExportOptions:
    """``options`` with ``fmt`` taken from ``path``'s extension when empty; checked."""
    fmt = (options.fmt or (Path(path).suffix.lstrip(".") if path else "")).lower()
    if fmt not in FORMATS:
        raise ExportError(f"cannot export to {fmt or 'a file without extension'!r}: use .png, .svg or .pdf")
    if options.split not in ("auto", "split", "one"):
        raise ExportError(f"unknown split {options.split!r}: use auto, split or one")
    if options.orientation not in ("auto", "portrait", "landscape"):
        raise ExportError(f"unknown orientation {options.orientation!r}: use auto, portrait or landscape")
    if options.width and fmt == "pdf":
        raise ExportError("--width is for PNG and SVG; a PDF takes --page A4, Letter or A3")
    if options.named_page() and fmt != "pdf":
        raise ExportError("--page is for PDF; a PNG or SVG takes --width (e.g. 16cm) for a printed size")
    return replace(options, fmt=fmt)


def plan_export(amap: ArgumentMap, options: ExportOptions, report=None) -> ExportPlan:
    """Decide what an export prints: one picture, or legible pages (see :mod:`argmap.render.pages`)."""
    options = settle_format(options)
    prep = prepare(amap, options, report)
    info = document_info(amap)
    page = options.named_page()
    if page is None and not options.width:
        return ExportPlan(options, [prep.sheet()], info, page_of={sid: 1 for sid in prep.drawing.boxes})
    if page is not None:
        paper = named_paper(page, options.orientation)
    else:
        paper = _part_paper(options, prep)
        if options.split != "split":
            return _sized_picture(options, prep, info)
    return plan_for_paper(amap, options, report, paper, prep, info)


def plan_for_paper(amap: ArgumentMap, options: ExportOptions, report, paper: Paper, prep: Prepared | None = None,
                   info: DocumentInfo | None = None) -> ExportPlan:
    """Legible pages of ``paper`` (any size: a printer's page too), split by branch when they must be."""
    prep = prep or prepare(amap, options, report)
    info = info or document_info(amap)
    target = amap if options.scope_ids is None else restricted(amap, options.scope_ids)
    plan = paged_sheets(target, prep.drawing, prep.theme, paper, report=report if options.badges else None,
                        legend=options.legend, badges=options.badges, background=options.background,
                        split="one" if options.split == "one" else "auto", title=info.title, footer=info.footer,
                        comments=options.comments)
    return ExportPlan(options, plan.sheets, info, plan.split, plan.page_of)


def _px_per_inch(options: ExportOptions) -> float:
    return float(options.dpi) if options.fmt == "png" and not options.scale else 96.0


def _sized_picture(options: ExportOptions, prep: Prepared, info: DocumentInfo) -> ExportPlan:
    """One PNG/SVG printed ``options.width`` wide."""
    sheet = prep.sheet()
    sheet.pt_per_px = length_pt(options.width, _px_per_inch(options)) / sheet.size()[0]
    return ExportPlan(options, [sheet], info, page_of={sid: 1 for sid in prep.drawing.boxes},
                      printed_width=options.width)


def _part_paper(options: ExportOptions, prep: Prepared) -> Paper:
    width = length_pt(options.width, _px_per_inch(options))
    height = length_pt(options.height, _px_per_inch(options), "--height") if options.height else width * 1.414
    return Paper(f"{options.width} wide", width, height, PART_MARGIN_PT, "fixed")


def check_legible(plan: ExportPlan, amap: ArgumentMap, report=None) -> None:
    """Refuse a picture of a given width whose body text would print under 7 pt (unless ``split="one"``).

    Raises
    ------
    SmallTextError
        Saying the size, the width one legible picture needs, and how many
        legible parts a split would give (``parts`` 0 when no split would be legible).
    """
    o = plan.options
    if not plan.printed_width or o.split != "auto":
        return
    body = plan.body_pt()
    if body >= MIN_BODY_PT:
        return
    split = plan_export(amap, replace(o, split="split"), report)
    parts = len(split.sheets) if len(split.sheets) > 1 and split.body_pt() >= MIN_BODY_PT else 0
    raise SmallTextError(f"at {o.width} wide the body text would print at {body:.1f} pt, under the "
                         f"{MIN_BODY_PT:g} pt a reader needs (one picture needs {needed_width(plan)})", body, parts)


def needed_width(plan: ExportPlan) -> str:
    """The printed width at which ``plan``'s single picture has legible body text, in the unit asked."""
    sheet = plan.sheets[0]
    value, unit = parse_length(plan.options.width)
    per_unit = length_pt(plan.options.width, _px_per_inch(plan.options)) / value
    needed = sheet.size()[0] * MIN_BODY_PT / sheet.theme.font_px / per_unit
    return f"{math.ceil(needed)}{unit}" if unit == "px" else f"{math.ceil(needed * 10) / 10:g}{unit}"


def render_image(amap: ArgumentMap, options: ExportOptions, report=None) -> QImage:
    """The map as a QImage (ARGB32), sized from the bounds × dpi/96 (or × scale)."""
    return prepared_image(prepare(amap, options, report))


def prepared_image(prep: Prepared, factor: float | None = None) -> QImage:
    """Paint a prepared drawing into a new image, ``factor`` image px per scene px (default: the options')."""
    options = prep.options if factor is None else replace(prep.options, scale=factor, width=None)
    return sheet_image(prep.sheet(), options, png_pixel_size(replace(prep, options=options)))


def render_png(amap: ArgumentMap, options: ExportOptions, report=None) -> bytes:
    """The map as PNG bytes (the first file of the export)."""
    return render_files(plan_export(amap, replace(options, fmt="png"), report))[0]


# ------------------------------------------------------------------ SVG and PDF
def render_svg(amap: ArgumentMap, options: ExportOptions, report=None) -> bytes:
    """The map as semantic SVG bytes (:mod:`argmap.render.svg`; the first file of the export)."""
    return render_files(plan_export(amap, replace(options, fmt="svg"), report))[0]


def render_pdf(amap: ArgumentMap, options: ExportOptions, report=None) -> bytes:
    """The map as PDF bytes: one page, or legible pages on a named paper size."""
    return render_files(plan_export(amap, replace(options, fmt="pdf"), report))[0]


def svg_size(sheet: Sheet, plan: ExportPlan) -> tuple[str | None, str | None]:
    """The printed ``width``/``height`` attributes of an SVG sheet (None: its pixel size)."""
    if sheet.paper_pt is not None:
        return f"{num(sheet.paper_pt[0])}pt", f"{num(sheet.paper_pt[1])}pt"
    if plan.printed_width:
        value, unit = parse_length(plan.printed_width)
        w, h = sheet.size()
        return f"{num(value)}{unit}", f"{num(value * h / w)}{unit}"
    return None, None


def render_files(plan: ExportPlan) -> list[bytes]:
    """The bytes of every file of ``plan``: one PDF, or one PNG/SVG per sheet."""
    fmt = plan.options.fmt
    if fmt == "pdf":
        return [pdf_bytes(plan.sheets, plan.info)]
    if fmt == "svg":
        desc = plan.info.description
        return [svg_sheet(s, title=plan.info.title, description=desc, width=svg_size(s, plan)[0],
                          height=svg_size(s, plan)[1]) for s in plan.sheets]
    return [png_bytes(sheet_image(s, plan.options)) for s in plan.sheets]


# ------------------------------------------------------------------ files
def numbered_paths(path: Path, count: int) -> list[Path]:
    """``map.png`` for one file; ``map-1.png`` … ``map-N.png`` for several (numbers padded alike)."""
    if count == 1:
        return [path]
    digits = len(str(count))
    return [path.with_name(f"{path.stem}-{n:0{digits}d}{path.suffix}") for n in range(1, count + 1)]


def export_map(amap: ArgumentMap, path: str | os.PathLike, options: ExportOptions, report=None) -> list[Path]:
    """Write ``amap`` to ``path`` as PNG, SVG or PDF (``options.fmt`` or the extension).

    A PDF holds every page; a split PNG or SVG is written as numbered files
    (``map-1.png`` …, the numbers the "→ p. N" references use). Every file
    is written to a temporary file first and renamed into place, so a failed
    export never leaves a half-written file.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    ExportError
        Unknown format, size over the limit, text too small for the asked
        width (:class:`SmallTextError`), or a file that cannot be written.
    """
    plan = plan_export(amap, settle_format(options, path), report)
    check_legible(plan, amap, report)
    return write_plan(plan, Path(path))


def write_plan(plan: ExportPlan, path: Path) -> list[Path]:
    """Write the files of ``plan`` (numbered when there are several); returns their paths."""
    blobs = render_files(plan)
    paths = numbered_paths(path, len(blobs))
    for target, data in zip(paths, blobs):
        try:
            write_bytes_atomic(target, data)
        except OSError as exc:
            raise ExportError(f"{target}: cannot be written: {exc.strerror or exc}") from None
    return paths
