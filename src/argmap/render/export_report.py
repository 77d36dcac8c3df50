"""What an export is worth before it goes into a report: edges through boxes, crossings, overlaps, text size.

Measured on the sheets that are written (:class:`~argmap.render.export.ExportPlan`),
with :func:`argmap.layout.quality.picture_quality` on the boxes and the
flattened edges (:func:`argmap.render.paths.flatten`), page by page. Text
sizes are as printed: a plain PNG or SVG at its own resolution (13 px =
9.75 pt), a picture of a given width, or each page of a PDF.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from argmap.layout.quality import picture_quality
from argmap.render.paper import MIN_BODY_PT
from argmap.render.paths import flatten
from argmap.render.sheet import Sheet


@dataclass(frozen=True)
class ExportReport:
    """The numbers of an export, and plain warnings about what is bad.

    Attributes
    ----------
    through, crossings, overlaps : int
        Edges through boxes, pairs of crossing edges, overlapping boxes,
        summed over the pages that show the map in full (not the overview).
    body_pt, smallest_pt : float
        The smallest body text (statement text) and the smallest text of any
        kind (box headers, badges, markers, captions), in points as printed.
    pages : int
        Pages (PDF) or files (PNG, SVG).
    statements : int
        Statements drawn.
    warnings : list of str
        One sentence per problem; empty when the picture is fine.
    """

    through: int
    crossings: int
    overlaps: int
    body_pt: float
    smallest_pt: float
    pages: int
    statements: int
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The report as a JSON-ready dict."""
        data = asdict(self)
        data["body_pt"] = round(self.body_pt, 2)
        data["smallest_pt"] = round(self.smallest_pt, 2)
        return data

    def lines(self) -> list[str]:
        """The report as short lines for a terminal or a dialog."""
        out = [f"edges through boxes: {self.through}", f"edge crossings: {self.crossings}",
               f"overlapping boxes: {self.overlaps}",
               f"body text: {self.body_pt:.1f} pt, smallest text: {self.smallest_pt:.1f} pt",
               f"{self.pages} page{'s' if self.pages != 1 else ''}, {self.statements} statements"]
        return out + [f"warning: {w}" for w in self.warnings]


def sheet_text_sizes(sheet: Sheet) -> tuple[float | None, float | None]:
    """``(body, smallest)`` printed text sizes of one sheet in points (None where it has no such text)."""
    k = sheet.pt_per_px
    theme = sheet.theme
    sizes = []
    body = None
    if sheet.drawing.boxes and not sheet.skeleton:
        body = theme.font_px * k
        sizes += [body, theme.small_font_px * k]
    if any(e.marker for e in sheet.drawing.edges):
        sizes.append(theme.small_font_px * k)
    if sheet.legend_at is not None:
        sizes.append(theme.font_px * k * sheet.legend_scale)
    sizes += [c.px * k for c in sheet.captions]
    return body, (min(sizes) if sizes else None)


def sheet_quality(sheet: Sheet):
    """Picture quality of one sheet (:class:`argmap.layout.quality.PictureQuality`)."""
    rects = [(b.rect.left(), b.rect.top(), b.rect.right(), b.rect.bottom()) for b in sheet.drawing.boxes.values()]
    return picture_quality(rects, [flatten(e.points, e.bezier) for e in sheet.drawing.edges])


def export_report(plan) -> ExportReport:
    """The :class:`ExportReport` of an :class:`~argmap.render.export.ExportPlan`."""
    sheets = [s for s in plan.sheets if not s.skeleton] or plan.sheets
    through = crossings = overlaps = 0
    for sheet in sheets:
        q = sheet_quality(sheet)
        through, crossings, overlaps = through + q.through, crossings + q.crossings, overlaps + q.overlaps
    bodies, smallest = [], []
    for sheet in plan.sheets:
        body, small = sheet_text_sizes(sheet)
        if body is not None:
            bodies.append(body)
        if small is not None:
            smallest.append(small)
    body_pt = min(bodies) if bodies else 0.0
    statements = len({sid for s in sheets for sid in s.drawing.boxes if sid not in s.refs})
    return ExportReport(through, crossings, overlaps, body_pt, min(smallest) if smallest else 0.0,
                        len(plan.sheets), statements, _warnings(through, overlaps, body_pt))


def _warnings(through: int, overlaps: int, body_pt: float) -> list[str]:
    found = []
    if through:
        found.append(f"{through} edge{'s pass' if through != 1 else ' passes'} through a box it does not "
                     "connect: a reader may take it for a link")
    if overlaps:
        found.append(f"{overlaps} pair{'s' if overlaps != 1 else ''} of boxes overlap: some text is hidden")
    if body_pt and body_pt < MIN_BODY_PT:
        found.append(f"body text prints at {body_pt:.1f} pt, under {MIN_BODY_PT:g} pt: too small to read on "
                     "paper (split it over pages, or print it larger)")
    return found
