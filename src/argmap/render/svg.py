"""The semantic SVG: a document written element by element, not a recording of paint calls.

Every statement is one ``<g class="node KIND LABEL SEVERITY" data-id="ID">``
(evidence with a grade adds ``graded`` and ``data-grade="B2"``, its grade a
``<text class="grade">``; an assumed claim adds ``assumed`` and a second
``<rect class="assumed-border">``)
with a ``<title>`` holding its full text, a filled ``<rect>`` and its text
as ``<text>`` lines broken exactly where the painter breaks them (the same
QTextLayout call, :func:`argmap.render.parts.body_lines`). Every inference
and conflict is one ``<g class="edge support|attack" data-id="ID">`` with
its lines as ``<path>`` (``L`` for polylines, ``C`` for Bézier chains) and
filled, closed arrowheads. Sizes are pixels with a ``viewBox``; colours,
fonts and strokes are presentation attributes, so any CSS can restyle the
classes. Text is always escaped plain text. The result is SVG 1.1.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF

from argmap.render.branches import is_continuation
from argmap.render.callouts import RADIUS, Callouts, list_layout
from argmap.render.fontset import fonts_of
from argmap.render.geometry import Box, Edge
from argmap.render.legend import legend_rows, shows_proposals, shows_tradecraft
from argmap.render.measure import display_text
from argmap.render.parts import (
    BADGE_GLYPHS,
    BADGE_PEN,
    MARKER_PEN,
    badge_outline,
    body_lines,
    edge_shape,
    frame_style,
    glyph_rect,
    header_layout,
    stripe_path,
)
from argmap.render.proposed import is_proposed
from argmap.render.sheet import Sheet, box_header, caption_font, caption_left, has_ref_row, ref_header
from argmap.render.svg_grades import assumed_border, grade_tag, legend_sample
from argmap.render.svgtext import attr, clean, num
from argmap.render.theme import Theme

SVG_NS = "http://www.w3.org/2000/svg"
_NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*\Z")


def svg_sheet(sheet: Sheet, *, title: str = "", description: str = "", width: str | None = None,
              height: str | None = None) -> bytes:
    """The SVG document of ``sheet`` as UTF-8 bytes.

    Parameters
    ----------
    sheet : Sheet
        What to draw.
    title, description : str
        The document's ``<title>`` and ``<desc>``.
    width, height : str, optional
        Printed size, e.g. ``"16cm"`` (default: the frame's size in px).
    """
    w, h = sheet.size()
    theme = sheet.theme
    out: list[str] = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<svg xmlns="{SVG_NS}" version="1.1" width={attr(width or num(w) + "px")} '
        f'height={attr(height or num(h) + "px")} viewBox="0 0 {num(w)} {num(h)}" '
        f'font-family={attr(theme.font_family + ", sans-serif")} text-rendering="geometricPrecision">\n',
        f"<title>{clean(title)}</title>\n<desc>{clean(description)}</desc>\n",
    ]
    fill = _background(sheet.background)
    if fill:
        out.append(f'<rect class="background" x="0" y="0" width="{num(w)}" height="{num(h)}" {fill}/>\n')
    out.append(f'<g class="map" transform="translate({num(-sheet.frame.left())},{num(-sheet.frame.top())})">\n')
    _edges(out, sheet)
    out.append('<g class="statements">\n')
    for box in sheet.drawing.boxes.values():
        _box(out, box, sheet)
    out.append("</g>\n")
    if sheet.legend_at is not None:
        _legend(out, sheet)
    _captions(out, sheet)
    if sheet.callouts is not None:
        _callouts(out, sheet.callouts, theme)
    out.append("</g>\n</svg>\n")
    return "".join(out).encode("utf-8")


# ------------------------------------------------------------------ edges
def _edges(out: list[str], sheet: Sheet) -> None:
    theme = sheet.theme
    groups: dict[str, list[Edge]] = {}
    for edge in sheet.drawing.edges:
        groups.setdefault(edge.id, []).append(edge)
    out.append('<g class="edges">\n')
    for eid, edges in groups.items():
        kind = edges[0].kind
        colour = theme.attack if kind == "attack" else theme.support
        ends = "".join(f" data-{k}={attr(v)}" for k, v in _ends(edges).items())
        proposed = eid in sheet.drawing.proposed
        out.append(f'<g class="edge {kind}{" proposed" if proposed else ""}" data-id={attr(eid)}{_id_attr(eid)}'
                   f'{ends}>\n')
        for edge in edges:
            _edge(out, edge, theme, colour, proposed)
        out.append("</g>\n")
    out.append("</g>\n")
    out.append('<g class="junctions">\n')  # above every edge, as painted
    for jid, point in sheet.drawing.junctions.items():
        kind = groups[jid][0].kind if jid in groups else "support"
        colour = theme.attack if kind == "attack" else theme.support
        out.append(f'<circle class="junction" data-id={attr(jid)} cx="{num(point.x())}" cy="{num(point.y())}" '
                   f'r="{num(theme.junction_radius)}" fill="{colour}"/>\n')
    out.append("</g>\n")


def _ends(edges: list[Edge]) -> dict[str, str]:
    sources = [e.source for e in edges if e.source]
    target = next((e.target for e in edges if e.arrow and e.target), None)
    found = {"from": " ".join(dict.fromkeys(sources))} if sources else {}
    if target:
        found["to"] = target
    return found


def _edge(out: list[str], edge: Edge, theme: Theme, colour: str, proposed: bool = False) -> None:
    shape = edge_shape(edge, theme)
    if shape is None:
        return
    dash = ""
    w = theme.edge_width
    if proposed:
        dash = f' stroke-dasharray="{num(w)},{num(2 * w)}"'  # Qt's DotLine: 1 on, 2 off (pen widths)
    elif edge.kind == "attack":
        dash = f' stroke-dasharray="{num(4 * w)},{num(2 * w)}"'  # Qt's DashLine: 4 on, 2 off (pen widths)
    out.append(f'<path d="{path_data(shape.line, shape.bezier)}" fill="none" stroke="{colour}" '
               f'stroke-width="{num(theme.edge_width)}"{dash}/>\n')
    if shape.arrow and proposed:
        out.append(f'<polygon class="arrowhead" points="{_points(shape.arrow)}" fill="{theme.background}" '
                   f'stroke="{colour}" stroke-width="{num(MARKER_PEN)}"/>\n')
    elif shape.arrow:
        out.append(f'<polygon class="arrowhead" points="{_points(shape.arrow)}" fill="{colour}"/>\n')
    if shape.marker is not None:
        c = shape.marker.center()
        out.append(f'<g class="marker" transform="translate({num(c.x())},{num(c.y())})">'
                   f'{_marker_inside(theme, edge.marker, shape.marker.width() / 2, colour)}</g>\n')


def path_data(points: list[QPointF], bezier: bool = False) -> str:
    """SVG path data through ``points``: ``M`` then ``L`` per point, or ``C`` per Bézier segment."""
    if not points:
        return ""
    parts = [f"M{num(points[0].x())},{num(points[0].y())}"]
    if bezier:
        for k in range(1, len(points) - 2, 3):
            c1, c2, p = points[k], points[k + 1], points[k + 2]
            parts.append(f"C{num(c1.x())},{num(c1.y())} {num(c2.x())},{num(c2.y())} {num(p.x())},{num(p.y())}")
    else:
        parts.extend(f"L{num(p.x())},{num(p.y())}" for p in points[1:])
    return "".join(parts)


def _points(points: list[QPointF]) -> str:
    return " ".join(f"{num(p.x())},{num(p.y())}" for p in points)


# ------------------------------------------------------------------ boxes
def _box(out: list[str], box: Box, sheet: Sheet) -> None:
    theme = sheet.theme
    st = box.statement
    page = sheet.refs.get(box.id)
    assumed = st.assumed and st.kind == "claim"
    classes = ["node", st.kind] + (["proposed"] if is_proposed(st) else []) + (["assumed"] if assumed else [])
    if page is not None:
        classes += ["ref", "more"] if is_continuation(box.id) else ["ref"]
    else:
        classes += [c for c in (box.label, box.worst_severity) if c] + (["graded"] if box.grade else [])
    extra = f' data-pages="{" ".join(map(str, page))}"' if page is not None else _id_attr(box.id)
    if box.grade and page is None:
        extra += f' data-grade={attr(box.grade)}'

    out.append(f'<g class="{" ".join(classes)}" data-id={attr(box.id)}{extra}>\n')
    out.append(f"<title>{clean(st.text)}</title>\n")
    style = frame_style(st.kind, theme, page is not None, page is None and is_proposed(st), page is None and assumed)
    r = box.rect
    dash = ""
    if style.dashes:
        dash = ' stroke-dasharray="' + ",".join(num(d * style.width) for d in style.dashes) + '"'
    out.append(f'<rect x="{num(r.left())}" y="{num(r.top())}" width="{num(r.width())}" height="{num(r.height())}" '
               f'rx="{num(theme.corner_radius)}" fill="{style.fill}" stroke="{style.stroke}" '
               f'stroke-width="{num(style.width)}" stroke-linejoin="round"{dash}/>\n')
    if style.double:  # an assumed claim: a second line inside the first
        out.append(assumed_border(r, style, theme, dash))
    if style.stripe:
        out.append(f'<path class="stripe" d="{stripe_path(r, theme)}" fill="{style.stroke}"/>\n')
    if not sheet.skeleton:
        _box_text(out, box, sheet, page)
    out.append("</g>\n")


def _box_text(out: list[str], box: Box, sheet: Sheet, page: int | None) -> None:
    theme = sheet.theme
    badges = sheet.badges and page is None
    label = ref_header(box, page) if page is not None else box_header(box)
    head_rect, body = fonts_of(theme).regions(box.rect)
    head = header_layout(box.rect, label, theme, badges=badges, label_badge=box.label, severity=box.worst_severity,
                         note=box.badge_text, head=head_rect, grade=box.grade if page is None else "")
    out.append(_line_text(head.label, head.label_rect, theme, theme.muted_text, "kind"))
    for key, rect in head.badges:
        _badge(out, key, rect, theme)
    if head.note:
        colour = theme.badge_color(box.worst_severity or "warning").name()
        out.append(_line_text(head.note, head.note_rect, theme, colour, "note", bold=True, anchor="end"))
    if head.grade:
        out.append(grade_tag(head.grade, head.grade_rect, theme))
    lines = body_lines(display_text(box.statement, theme), body, theme)
    if not lines:
        return
    out.append(f'<text class="body" font-size="{theme.font_px}px" fill="{theme.text}" xml:space="preserve">')
    for line in lines:
        if line.rtl:
            x, anchor = line.x + line.width, ' direction="rtl" text-anchor="start"'
        else:
            x, anchor = line.x, ""
        out.append(f'<tspan x="{num(x)}" y="{num(line.y + line.ascent)}"{anchor}>{clean(line.text)}</tspan>')
    out.append("</text>\n")


def _line_text(text: str, rect: QRectF, theme: Theme, colour: str, cls: str, *, bold: bool = False,
               anchor: str = "start") -> str:
    """One line of small text vertically centred in ``rect`` (as QPainter.drawText with AlignVCenter)."""
    fonts = fonts_of(theme)
    metrics = fonts.small_bold_metrics if bold else fonts.small_metrics
    baseline = rect.top() + (rect.height() - metrics.height()) / 2 + metrics.ascent()
    x = rect.right() if anchor == "end" else rect.left()
    weight = ' font-weight="bold"' if bold else ""
    align = ' text-anchor="end"' if anchor == "end" else ""
    return (f'<text class="{cls}" x="{num(x)}" y="{num(baseline)}" font-size="{theme.small_font_px}px"{weight}'
            f'{align} fill="{colour}" xml:space="preserve">{clean(text)}</text>\n')


def _centred_text(text: str, rect: QRectF, theme: Theme, colour: str, *, small: bool, bold: bool) -> str:
    fonts = fonts_of(theme)
    metrics = (fonts.small_bold_metrics if bold else fonts.small_metrics) if small else fonts.body_metrics
    baseline = rect.top() + (rect.height() - metrics.height()) / 2 + metrics.ascent()
    size = theme.small_font_px if small else theme.font_px
    weight = ' font-weight="bold"' if bold else ""
    return (f'<text x="{num(rect.center().x())}" y="{num(baseline)}" font-size="{size}px"{weight} '
            f'text-anchor="middle" fill="{colour}">{clean(text)}</text>')


def _badge(out: list[str], key: str, rect: QRectF, theme: Theme) -> None:
    """A badge: its shapes and glyph at the badge's own origin (made once per theme and size), moved into place."""
    out.append(f'<g class="badge {key}" transform="translate({num(rect.left())},{num(rect.top())})">'
               f'{_badge_inside(theme, key, rect.width(), rect.height())}</g>\n')


def _badge_inside(theme: Theme, key: str, w: float, h: float) -> str:
    cache = fonts_of(theme).fragments
    found = cache.get(("badge", key, w, h))
    if found is not None:
        return found
    rect = QRectF(0, 0, w, h)
    colour = theme.badge_color(key).name()
    hollow = key in theme.hollow_badges
    fill = theme.background if hollow else colour
    stroke = f' stroke="{colour}" stroke-width="{num(BADGE_PEN)}"' if hollow else ""
    outline = badge_outline(key, rect)
    if outline is None:
        inset = BADGE_PEN / 2 if hollow else 0.0
        shape = (f'<ellipse cx="{num(w / 2)}" cy="{num(h / 2)}" rx="{num(w / 2 - inset)}" '
                 f'ry="{num(h / 2 - inset)}" fill="{fill}"{stroke}/>')
    else:
        shape = f'<polygon points="{_points(outline)}" fill="{fill}"{stroke}/>'
    glyph = _centred_text(BADGE_GLYPHS[key], glyph_rect(key, rect), theme, colour if hollow else theme.badge_text,
                          small=True, bold=True)
    cache[("badge", key, w, h)] = found = shape + glyph
    return found


def _marker_inside(theme: Theme, marker: str, r: float, colour: str) -> str:
    """The "+"/"−" circle of an edge around its own centre (made once per theme, marker and colour)."""
    cache = fonts_of(theme).fragments
    found = cache.get(("marker", marker, r, colour))
    if found is None:
        found = (f'<circle cx="0" cy="0" r="{num(r)}" fill="{theme.background}" stroke="{colour}" '
                 f'stroke-width="{num(MARKER_PEN)}"/>'
                 + _centred_text(marker, QRectF(-r, -r, 2 * r, 2 * r), theme, colour, small=True, bold=True))
        cache[("marker", marker, r, colour)] = found
    return found


# ------------------------------------------------------------------ legend and captions
def _legend(out: list[str], sheet: Sheet) -> None:
    theme = sheet.theme
    frame, title, rows = legend_rows(QPointF(0, 0), theme, sheet.badges, has_ref_row(sheet),
                                     shows_tradecraft(sheet.drawing), shows_proposals(sheet.drawing))
    at, k = sheet.legend_at, sheet.legend_scale
    scale = f" scale({num(k)})" if k != 1 else ""
    out.append(f'<g class="legend" transform="translate({num(at.x())},{num(at.y())}){scale}">\n')
    out.append(f'<rect x="{num(frame.left())}" y="{num(frame.top())}" '
               f'width="{num(frame.width())}" height="{num(frame.height())}" fill="none" '
               f'stroke="{theme.muted_text}" stroke-width="1"/>\n')
    out.append(_plain_text(title[0], title[1], theme, theme.font_px))
    for row in rows:
        if row.group == "kind":
            style = frame_style(row.key, theme)
            c = row.cell
            out.append(f'<rect x="{num(c.left())}" y="{num(c.top())}" width="{num(c.width())}" '
                       f'height="{num(c.height())}" rx="3" fill="{style.fill}" stroke="{style.stroke}" '
                       f'stroke-width="{num(style.width)}"/>\n')
        elif row.group in ("ref", "proposed"):
            style = frame_style("claim", theme, reference=row.group == "ref", proposed=row.group == "proposed")
            c = row.cell
            dashes = ",".join(num(d * style.width) for d in style.dashes)
            out.append(f'<rect x="{num(c.left())}" y="{num(c.top())}" width="{num(c.width())}" '
                       f'height="{num(c.height())}" rx="{num(theme.corner_radius)}" fill="{style.fill}" '
                       f'stroke="{style.stroke}" stroke-width="{num(style.width)}" stroke-dasharray="{dashes}"/>\n')
        elif row.group in ("grade", "assumed"):
            out.append(legend_sample(row, theme))
        elif row.group == "edge":
            colour = theme.attack if row.key == "attack" else theme.support
            _edge(out, row.edge, theme, colour, proposed=row.key == "proposed-link")
        else:
            _badge(out, row.key, row.badge_rect, theme)
        out.append(_plain_text(row.text, row.text_at, theme, theme.font_px))
    out.append("</g>\n")


def _plain_text(text: str, baseline_at: QPointF, theme: Theme, px: float, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (f'<text x="{num(baseline_at.x())}" y="{num(baseline_at.y())}" font-size="{num(px)}px"{weight} '
            f'fill="{theme.text}" xml:space="preserve">{clean(text)}</text>\n')


def _captions(out: list[str], sheet: Sheet) -> None:
    for caption in sheet.captions:
        metrics = QFontMetricsF(caption_font(sheet.theme, caption))
        left = caption_left(caption, metrics.horizontalAdvance(caption.text))
        weight = ' font-weight="bold"' if caption.bold else ""
        out.append(f'<text class="{caption.role}" x="{num(left)}" y="{num(caption.y + metrics.ascent())}" '
                   f'font-size="{max(1, round(caption.px))}px"{weight} fill="{sheet.theme.text}" '
                   f'xml:space="preserve">{clean(caption.text)}</text>\n')


def _callouts(out: list[str], callouts: Callouts, theme: Theme) -> None:
    """Review comments: a numbered disc on each commented element, then the list (as the painter draws it)."""
    out.append('<g class="callouts">\n')
    for item in callouts.items if callouts.on_map else ():
        out.append(_disc(item.anchor, item.number, theme, f' data-id={attr(item.eid)}'))
    if not callouts.listed:
        out.append("</g>\n")
        return
    laid = list_layout(callouts, theme)
    ascent = {bold: QFontMetricsF(theme.font(bold=bold)).ascent() for bold in (False, True)}
    for line in laid.lines:
        out.append(_plain_text(line.text, QPointF(line.x, line.y + ascent[line.title]), theme, theme.font_px,
                               bold=line.title))
    for number, centre in laid.discs:
        out.append(_disc(centre, number, theme))
    out.append("</g>\n")


def _disc(centre: QPointF, number: int, theme: Theme, extra: str = "") -> str:
    metrics = QFontMetricsF(theme.font(small=True, bold=True))
    baseline = centre.y() + (metrics.ascent() - metrics.descent()) / 2
    return (f'<g class="callout"{extra}><circle cx="{num(centre.x())}" cy="{num(centre.y())}" r="{num(RADIUS)}" '
            f'fill="{theme.text}" stroke="{theme.background}" stroke-width="2"/>'
            f'<text x="{num(centre.x())}" y="{num(baseline)}" text-anchor="middle" '
            f'font-size="{theme.small_font_px}px" font-weight="bold" fill="{theme.background}">{number}</text></g>\n')


def _id_attr(element_id: str) -> str:
    """An ``id`` attribute (for links like ``map.svg#s1``) when the element id is a valid XML name."""
    return f' id="{element_id}"' if _NCNAME.match(element_id) else ""


def _background(name: str) -> str:
    """Fill attributes of the background (SVG 1.1 has no rgba(): opacity goes apart), "" for none."""
    if (name or "").lower() == "transparent":
        return ""
    colour = QColor(name or "white")
    if not colour.isValid():
        colour = QColor("white")
    if colour.alpha() == 0:
        return ""
    opacity = f' fill-opacity="{colour.alphaF():.3f}"' if colour.alpha() < 255 else ""
    return f'fill="{colour.name()}"{opacity}'
