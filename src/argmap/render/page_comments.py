"""Review comments on a map split over pages: numbered discs on every page, the list on pages of its own.

The numbers are those of the whole map (the reading order of the single
picture, :func:`argmap.render.callouts.build_callouts`, called by
:func:`argmap.render.pages.paged_sheets`), so a number means the same thing on
every page. Each page of the map draws the discs of the elements it
shows; the comments follow the map, listed by number with the page where the
disc is, at the pages' own legible size, over as many pages as they need.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF

from argmap.model import ArgumentMap
from argmap.render.callouts import TITLE, Callout, Callouts, anchors, list_layout
from argmap.render.geometry import Drawing
from argmap.render.paper import SPLIT_BODY_PT, Paper
from argmap.render.theme import Theme

LIST_TITLE = TITLE
"""The title of a page of the comments' list: the list's own heading."""


def page_discs(amap: ArgumentMap, items: list[Callout], drawing: Drawing, refs) -> Callouts | None:
    """The discs a page of the map draws: its own statements (not references), and the supports and attacks
    into its own statements (a link drawn into a reference has its disc on the page where it ends)."""
    where = anchors(drawing)
    own = [replace(item, anchor=where[item.eid]) for item in items
           if item.eid in where and _home(amap, item.eid) not in refs]
    return Callouts(own, QPointF(0, 0), 0.0, listed=False) if own else None


def _home(amap: ArgumentMap, eid: str) -> str:
    """The statement an element's disc belongs with: itself, a support's conclusion, an attack's target's."""
    for _ in range(len(amap.conflicts) + 1):  # an attack on an attack on ... ends at a statement
        if eid in amap.inferences:
            return amap.inferences[eid].conclusion
        if eid in amap.conflicts:
            eid = amap.conflicts[eid].target
            continue
        return eid
    return eid


def list_pages(items: list[Callout], page_of_number: dict[int, int], theme: Theme, paper: Paper) -> list[Callouts]:
    """The list of ``items`` cut into pages (each item whole on one page), heads saying where the disc is.

    ``page_of_number``: call-out number → the page its disc is first drawn on.
    """
    k = SPLIT_BODY_PT / theme.font_px
    cw, ch = paper.content(list_shape(paper))
    width, height = cw / k, ch / k
    title = list_layout(Callouts([], QPointF(0, 0), width), theme).height
    pages: list[list[Callout]] = [[]]
    used = title
    for item in items:  # an item's lines take the same room wherever it starts (list_layout)
        page = page_of_number.get(item.number)
        shown = replace(item, head=f"{item.head} · p. {page}" if page else item.head)
        need = list_layout(Callouts([shown], QPointF(0, 0), width), theme).height - title
        if pages[-1] and used + need > height:
            pages.append([])
            used = title
        pages[-1].append(shown)
        used += need
    return [Callouts(chunk, QPointF(0, 0), width, on_map=False) for chunk in pages if chunk]


def list_shape(paper: Paper) -> tuple[float, float]:
    """The page the list is printed on: portrait where the paper allows it."""
    shapes = paper.shapes()
    return min(shapes, key=lambda s: s[0] / s[1])

