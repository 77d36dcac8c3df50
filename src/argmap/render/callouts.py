"""Review comments as numbered call-outs in an exported picture: a numbered disc on each commented box
(or on the support or attack line), and the comments listed under the map by number.

Only open comments are shown (resolved ones are settled), only for what the
picture draws. Numbers follow reading order (top to bottom, left to right),
so a reader finds them on the map in the order of the list. The list's
lines are laid out once (:func:`list_layout`), with the same text measurement
as the boxes, so that every writer breaks them at the same places.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from argmap.model import ArgumentMap, Conflict, Inference
from argmap.render.geometry import Drawing
from argmap.render.measure import text_layout
from argmap.render.paths import edge_path
from argmap.render.theme import Theme

RADIUS = 9.0
"""Radius of a call-out disc, in scene pixels."""
GAP = 24.0
"""Space between the map (and its legend) and the list."""
MIN_WIDTH, MAX_WIDTH = 360.0, 900.0
"""The list is as wide as the map, within these bounds."""
TITLE = "Comments"
HEAD_CHARS = 60
"""A statement's words in the list are cut to about this many characters."""


@dataclass(frozen=True)
class Callout:
    """One commented element: its number, where its disc goes, and its open comments as lines of text."""

    number: int
    eid: str
    anchor: QPointF
    texts: tuple[str, ...]
    head: str = ""
    """What the comments are on: ``s4 “The US and Iran…”``, ``support i3 (s3 → s1)``."""


@dataclass(frozen=True)
class ListLine:
    """One laid-out line of the list: its text, top-left corner, and whether it is the title."""

    text: str
    x: float
    y: float
    title: bool = False
    """Drawn bold: the list's title and each call-out's head."""


@dataclass
class Callouts:
    """The call-outs of a picture and where their list goes (``origin``: top-left; ``width``).

    A page of a split map shows the discs of what it draws (``listed``
    False) and the comments go on pages of their own (``on_map`` False):
    :mod:`argmap.render.page_comments`.
    """

    items: list[Callout]
    origin: QPointF
    width: float
    on_map: bool = True
    """Draw each call-out's disc at its anchor on the map."""
    listed: bool = True
    """Draw the numbered list."""


def build_callouts(amap: ArgumentMap, drawing: Drawing, below: QRectF) -> Callouts | None:
    """The call-outs of ``drawing`` (of ``amap``), their list under ``below``; None without open comments."""
    where = anchors(drawing)
    found = []
    for table in (amap.statements, amap.inferences, amap.conflicts):
        for element in table.values():
            texts = tuple(_text(c) for c in element.comments if not c.resolved)
            if texts and element.id in where:
                found.append((element.id, where[element.id], texts, _head(element)))
    if not found:
        return None
    found.sort(key=lambda f: (round(f[1].y() / 20), f[1].x()))
    items = [Callout(n, eid, at, texts, head) for n, (eid, at, texts, head) in enumerate(found, start=1)]
    width = min(MAX_WIDTH, max(MIN_WIDTH, below.width()))
    return Callouts(items, QPointF(below.left(), below.bottom() + GAP), width)


def _head(element) -> str:
    if isinstance(element, Inference):
        return f"support {element.id} ({' + '.join(element.premises)} → {element.conclusion})"
    if isinstance(element, Conflict):
        return f"attack {element.id} ({' + '.join(element.attackers)} against {element.target})"
    words = " ".join(element.text.split())
    return f"{element.id} “{words if len(words) <= HEAD_CHARS else words[:HEAD_CHARS - 1].rstrip() + '…'}”"


def _text(comment) -> str:
    who = ", ".join(x for x in (comment.author, comment.date) if x)
    return (f"{who}: " if who else "") + " ".join(comment.text.split())


def anchors(drawing: Drawing) -> dict[str, QPointF]:
    """Where each drawn element's disc goes: a box's top-left corner, halfway along a link's arrowed line."""
    out = {bid: QPointF(box.rect.left(), box.rect.top()) for bid, box in drawing.boxes.items()}
    for edge in drawing.edges:
        if edge.arrow or edge.id not in out:
            out[edge.id] = edge_path(edge.points, edge.bezier).pointAtPercent(0.5)
    return out


@dataclass
class ListLayout:
    """The list laid out: its lines (title first), each number's disc centre, and its height."""

    lines: list[ListLine]
    """Title, then per call-out its head (bold) and its comments."""
    discs: list[tuple[int, QPointF]]
    height: float


def list_layout(callouts: Callouts, theme: Theme) -> ListLayout:
    """Lay the list out: the title, then per call-out its disc and its comments, wrapped to the list's width."""
    x0, y = callouts.origin.x(), callouts.origin.y()
    font, bold = theme.font(), theme.font(bold=True)
    lines = [ListLine(TITLE, x0, y, title=True)]
    discs = []
    y += text_layout(TITLE, bold, callouts.width)[1] + 6
    indent = 2 * RADIUS + 8
    for item in callouts.items:
        top = y
        discs.append((item.number, QPointF(x0 + RADIUS, top + RADIUS)))
        for text, strong in ((item.head, True), *((t, False) for t in item.texts)):
            if not text:
                continue
            layout, height, _ = text_layout(text, bold if strong else font, callouts.width - indent)
            for k in range(layout.lineCount()):
                line = layout.lineAt(k)
                piece = text[line.textStart():line.textStart() + line.textLength()].rstrip()
                lines.append(ListLine(piece, x0 + indent, y + line.y(), title=strong))
            y += height + 2
        y = max(y, top + 2 * RADIUS) + 8
    return ListLayout(lines, discs, y - callouts.origin.y())


def callouts_rect(callouts: Callouts, theme: Theme) -> QRectF:
    """The rectangle the list covers (the discs on the map lie within the map)."""
    height = list_layout(callouts, theme).height if callouts.listed else 0.0
    return QRectF(callouts.origin.x(), callouts.origin.y(), callouts.width, height)


def paint_callouts(painter: QPainter, callouts: Callouts, theme: Theme) -> None:
    """The discs on the map and the numbered list under it."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if callouts.on_map:
        for item in callouts.items:
            paint_disc(painter, item.anchor, item.number, theme)
    if not callouts.listed:
        painter.restore()
        return
    laid = list_layout(callouts, theme)
    painter.setPen(QColor(theme.text))
    for line in laid.lines:
        painter.setFont(theme.font(bold=line.title))
        painter.drawText(QRectF(line.x, line.y, callouts.width, 4 * theme.font_px),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, line.text)
    for number, centre in laid.discs:
        paint_disc(painter, centre, number, theme)
    painter.restore()


def paint_disc(painter: QPainter, centre: QPointF, number: int, theme: Theme) -> None:
    """A numbered disc: dark fill, light number, a ring in the background colour so it stands off any box."""
    painter.save()
    painter.setPen(QPen(QColor(theme.background), 2.0))
    painter.setBrush(QColor(theme.text))
    painter.drawEllipse(centre, RADIUS, RADIUS)
    painter.setPen(QColor(theme.background))
    painter.setFont(theme.font(small=True, bold=True))
    painter.drawText(QRectF(centre.x() - RADIUS, centre.y() - RADIUS, 2 * RADIUS, 2 * RADIUS),
                     Qt.AlignmentFlag.AlignCenter, str(number))
    painter.restore()
