"""The SVG of grades and assumptions (SPEC §5), drawn as the painter draws them.

An evidence grade is a ``<g class="grade-tag">`` holding a rounded frame and
a ``<text class="grade">`` ("B2"); an assumed claim's second border line is a
``<rect class="assumed-border">``; the legend's sample boxes of both rows.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF

from argmap.render.fontset import fonts_of
from argmap.render.legend import GRADE_SAMPLE, LegendRow, grade_swatch, sample_rect
from argmap.render.parts import (
    GRADE_PEN,
    GRADE_RADIUS,
    FrameStyle,
    frame_style,
    inner_border,
    inner_radius,
    stripe_path,
)
from argmap.render.svgtext import clean, num
from argmap.render.theme import Theme


def grade_tag(grade: str, rect: QRectF, theme: Theme) -> str:
    """An evidence grade: its text in a rounded frame on the background, centred in ``rect``."""
    inset = GRADE_PEN / 2
    q = rect.adjusted(inset, inset, -inset, -inset)
    metrics = fonts_of(theme).small_bold_metrics
    baseline = rect.top() + (rect.height() - metrics.height()) / 2 + metrics.ascent()
    return (f'<g class="grade-tag"><rect x="{num(q.left())}" y="{num(q.top())}" width="{num(q.width())}" '
            f'height="{num(q.height())}" rx="{num(GRADE_RADIUS)}" fill="{theme.background}" stroke="{theme.text}" '
            f'stroke-width="{num(GRADE_PEN)}"/><text class="grade" x="{num(rect.center().x())}" '
            f'y="{num(baseline)}" font-size="{theme.small_font_px}px" font-weight="bold" text-anchor="middle" '
            f'fill="{theme.text}">{clean(grade)}</text></g>\n')


def assumed_border(rect: QRectF, style: FrameStyle, theme: Theme, dash: str = "") -> str:
    """The second line of an assumed claim's double border (``dash``: the stroke-dasharray of the first)."""
    q = inner_border(rect, style)
    return (f'<rect class="assumed-border" x="{num(q.left())}" y="{num(q.top())}" width="{num(q.width())}" '
            f'height="{num(q.height())}" rx="{num(inner_radius(theme, style))}" fill="none" '
            f'stroke="{style.stroke}" stroke-width="{num(style.width)}"{dash}/>\n')


def legend_sample(row: LegendRow, theme: Theme) -> str:
    """The small box of a legend row on grades or assumptions."""
    assumed = row.group == "assumed"
    style = frame_style("claim" if assumed else "evidence", theme, assumed=assumed)
    c = sample_rect(row)
    out = [f'<rect x="{num(c.left())}" y="{num(c.top())}" width="{num(c.width())}" height="{num(c.height())}" '
           f'rx="{num(theme.corner_radius)}" fill="{style.fill}" stroke="{style.stroke}" '
           f'stroke-width="{num(style.width)}"/>\n']
    if style.double:
        out.append(assumed_border(c, style, theme))
    if style.stripe:
        out.append(f'<path class="stripe" d="{stripe_path(c, theme)}" fill="{style.stroke}"/>\n')
    if not assumed:
        out.append(grade_tag(GRADE_SAMPLE, grade_swatch(row, theme), theme))
    return "".join(out)
