"""Legible pages: a map on named paper (or in image parts of a given width), split by branch when it must be.

"--page A4" means *legible on A4*: the map goes on one page when its body
text prints at :data:`MIN_BODY_PT` or more; otherwise it is split over
pages, by branch (:mod:`argmap.render.branches`), each page laid out on its
own at :data:`SPLIT_BODY_PT`, titled, and with a dashed reference box
("→ p. N") wherever an edge leads to a statement on another page, so a
reader can follow the argument both ways. Page 1 is then an overview: the
whole map as text-free boxes, each marked with the page it is on, and the
list of pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace as copy_with

from PySide6.QtCore import QPointF, QRectF

from argmap.model import ArgumentMap
from argmap.render.branches import branch, branch_forest, reference, relation_groups, statement_children
from argmap.render.callouts import build_callouts, callouts_rect
from argmap.render.geometry import Drawing, build_drawing
from argmap.render.legend import legend_size, shows_proposals, shows_tradecraft
from argmap.render.overview import first_map_page, overview, overview_board
from argmap.render.page_comments import LIST_TITLE, list_pages, list_shape, page_discs
from argmap.render.page_fit import PageFitter
from argmap.render.paper import (
    MIN_BODY_PT,
    MIN_PAGE_TEXT_WIDTH,
    PAGE_TEXT_WIDTH,
    SPLIT_BODY_PT,
    Paper,
    best_fit,
    page_furniture,
    title_band,
)
from argmap.render.sheet import Sheet
from argmap.render.theme import Theme


@dataclass
class PagePlan:
    """What is printed: the sheets, and for each statement the page it lives on."""

    sheets: list[Sheet]
    page_of: dict[str, int]
    split: bool


# ------------------------------------------------------------------ planning
def plan_pages(amap: ArgumentMap, fits, cannot_join=None) -> list[list[str]]:
    """Split ``amap`` into pages of statements, by branch, each passing ``fits(set_of_ids)``.

    A page starts at a branch top (or at a group of tops: the premises of one
    inference) and takes, relation by relation, the whole branches under it
    while they fit, else just their tops (whose own branches are then
    considered in turn); what does not fit starts a page of its own, right
    after. Then each page is joined onto the first earlier page the two fit
    together on.

    ``cannot_join(have, page)``, when given, is a quick test that is True only
    when ``fits`` would refuse the two pages joined
    (:meth:`~argmap.render.page_fit.PageFitter.cannot_join`): the plan is the
    same with it or without it, only faster.
    """
    tops, children = branch_forest(amap)
    groups = relation_groups(amap, children)
    pages: list[list[str]] = []
    todo = [[top] for top in tops]
    while todo:
        unit = todo.pop(0)
        if not fits(set(unit)) and len(unit) > 1:
            todo[:0] = [[top] for top in unit]  # a linked group too big for a page: one page per premise
            continue
        page, cut = _grow(unit, groups, children, fits)
        pages.append(page)
        todo[:0] = cut
    return _join(pages, fits, cannot_join or (lambda have, page: False))


def _grow(unit: list[str], groups, children, fits) -> tuple[list[str], list[list[str]]]:
    members, have = list(unit), set(unit)
    frontier = [g for top in unit for g in groups.get(top, ())]
    cut: list[list[str]] = []
    k = 0
    while k < len(frontier):
        group = frontier[k]
        k += 1
        whole = [sid for top in group for sid in branch(top, children)]
        if fits(have | set(whole)):
            members += whole
            have.update(whole)
        elif fits(have | set(group)):
            members += group
            have.update(group)
            # depth first: a line of reasoning stays together
            frontier[k:k] = [g for top in group for g in groups.get(top, ())]
        else:
            cut.append(group)
    return members, cut


def _join(pages: list[list[str]], fits, cannot_join) -> list[list[str]]:
    """Put each page onto the first earlier page it fits on with (first fit), else keep it."""
    joined: list[list[str]] = []
    kept: list[frozenset[str]] = []  # the ids of each joined page, made once (cannot_join keys on them)
    for page in pages:
        ids = frozenset(page)
        for k, have in enumerate(kept):
            if not cannot_join(have, ids) and fits(set(have | ids)):
                joined[k], kept[k] = joined[k] + page, have | ids
                break
        else:
            joined.append(page)
            kept.append(ids)
    return joined


# ------------------------------------------------------------------ sheets
def paged_sheets(amap: ArgumentMap, whole: Drawing, theme: Theme, paper: Paper, *, report=None, legend=False,
                 badges=True, background="white", split: str = "auto", title: str = "",
                 footer: str = "", comments: bool = False) -> PagePlan:
    """The sheets of ``amap`` on ``paper``: one page when it is legible (or ``split="one"``), else split.

    Parameters
    ----------
    amap : ArgumentMap
        The map (already restricted to the exported statements).
    whole : Drawing
        The map drawn as a whole (the single page, and the split map's overview).
    theme : Theme
        How it is drawn.
    paper : Paper
        Page size, margin and orientation.
    report : optional
        The check report, for the badges.
    legend, badges, background :
        As in the export options.
    split : {"auto", "split", "one"}
        "one" keeps one page however small its text; "split" splits even
        when one page would do; "auto" splits when it must.
    title, footer : str
        The map's title and the footer line (source, author, date).
    comments : bool
        Open review comments as numbered call-outs: under the map on a single
        page; on a split map, discs on every page and the list on pages after
        the map (:mod:`argmap.render.page_comments`).
    """
    extent = whole.bounds if not legend else _with_legend(whole.bounds, theme, badges, grades=shows_tradecraft(whole),
                                                                  proposed=shows_proposals(whole))
    single = build_callouts(amap, whole, extent) if comments else None
    notes = single.items if single is not None else []
    if single is not None:
        extent = extent.united(callouts_rect(single, theme))
    k, shape = best_fit(extent, paper)
    if split == "one" or (split == "auto" and k * theme.font_px >= MIN_BODY_PT) or len(amap.statements) < 2:
        sheet = _page_sheet(whole, theme, paper, shape, k, extent, background, badges, legend, "", 1)
        _furnish(sheet, paper, title, 1, footer)
        sheet.callouts = single
        return PagePlan([sheet], {sid: 1 for sid in amap.statements}, False)
    fitter = PageFitter(amap, page_theme(theme, paper), paper)
    groups = plan_pages(amap, fitter, fitter.cannot_join)
    rows = len(groups) + bool(notes)  # the list of pages: the map's, then the comments' (one row)
    board = overview_board(whole, theme, paper, badges, legend, rows)
    first = first_map_page(board, rows, theme, paper)
    page_of = {sid: n + first for n, group in enumerate(groups) for sid in group}
    kids = statement_children(amap)
    content = [_content_sheet(fitter, set(group), page_of, report, paper, background, badges,
                              _branch_title(amap, group, kids), n) for n, group in enumerate(groups, start=first)]
    first_disc: dict[int, int] = {}
    for sheet in content:
        sheet.callouts = page_discs(amap, notes, sheet.drawing, sheet.refs)
        for item in sheet.callouts.items if sheet.callouts else ():
            first_disc.setdefault(item.number, sheet.number)
    after = first + len(groups)
    lists = [_list_sheet(part, fitter.theme, paper, background, badges, n)
             for n, part in enumerate(list_pages(notes, first_disc, fitter.theme, paper), start=after)]
    total = after - 1 + len(lists)
    for sheet in content + lists:
        _furnish(sheet, paper, title, total, footer)
    front = overview(board, whole, theme, paper, amap, groups, page_of, background, badges, title, total, footer,
                     (after, total) if lists else None)
    sheets = [*front, *content, *lists]
    return PagePlan(sheets, page_of, True)


def page_theme(theme: Theme, paper: Paper) -> Theme:
    """The theme of a split map's pages: boxes at most :data:`PAGE_TEXT_WIDTH` wide, and narrow enough
    that five fit side by side on the page (at least :data:`MIN_PAGE_TEXT_WIDTH`)."""
    k = SPLIT_BODY_PT / theme.font_px
    room = max(paper.content(shape)[0] for shape in paper.shapes()) / k
    width = int(min(theme.max_text_width, PAGE_TEXT_WIDTH, max(MIN_PAGE_TEXT_WIDTH, room / 5 - 2 * theme.padding_x)))
    return copy_with(theme, max_text_width=width, min_text_width=min(theme.min_text_width, width))


def _with_legend(bounds: QRectF, theme: Theme, badges: bool, refs: bool = False, grades: bool = False,
                 proposed: bool = False) -> QRectF:
    w, h = legend_size(theme, badges, refs, grades, proposed)
    return bounds.united(QRectF(bounds.left(), bounds.bottom() + 24, w, h))


def _content_sheet(fitter: PageFitter, ids: set[str], page_of, report, paper: Paper, background, badges,
                   page_title, number) -> Sheet:
    """A page of the map (its furniture is added once the pages are counted: :func:`_furnish`)."""
    theme = fitter.theme
    laid = fitter.lay_out(ids, "auto", page_of)
    if not fitter.fits(laid):
        laid = fitter.lay_out(ids, "fast", page_of)  # the layout that was checked
    sub, refs, sizes, positions = laid
    drawing = build_drawing(sub, theme, report=report, positions=positions)
    for sid, box in drawing.boxes.items():  # a statement keeps its role in the whole map, not the page's
        if sid not in refs:
            box.role = fitter.roles.get(sid)
    k, shape = best_fit(drawing.bounds, paper)
    k = min(k, fitter.k) if k * theme.font_px >= MIN_BODY_PT else k
    sheet = _page_sheet(drawing, theme, paper, shape, k, drawing.bounds, background, badges, False, page_title,
                        number)
    sheet.refs = refs
    return sheet


def _list_sheet(callouts, theme: Theme, paper: Paper, background, badges, number: int) -> Sheet:
    """A page holding one part of the review comments' list (:mod:`argmap.render.page_comments`), at the split
    map's body size, the list's top-left at the origin."""
    area = QRectF(0, 0, callouts.width, 1)
    sheet = _page_sheet(Drawing(bounds=area), theme, paper, list_shape(paper), SPLIT_BODY_PT / theme.font_px,
                        area, background, badges, False, LIST_TITLE, number)
    sheet.callouts = callouts
    return sheet


def _page_sheet(drawing: Drawing, theme: Theme, paper: Paper, shape, k: float, extent: QRectF, background,
                badges, legend, page_title, number) -> Sheet:
    """A page of ``shape`` points at ``k`` points per pixel, ``extent`` centred under the title band
    (the title, page number and footer are added by :func:`_furnish`)."""
    w_pt, h_pt = shape
    m = paper.margin_pt
    cw, ch = paper.content(shape)
    left = extent.left() - (m + (cw - extent.width() * k) / 2) / k
    top = extent.top() - (m + title_band()) / k
    frame = QRectF(left, top, w_pt / k, h_pt / k)
    sheet = Sheet(drawing, theme, frame, background, badges, number=number, title=page_title, pt_per_px=k)
    if legend:
        sheet.legend_at = QPointF(drawing.bounds.left(), drawing.bounds.bottom() + 24)
    sheet.paper_pt = shape
    return sheet


def _furnish(sheet: Sheet, paper: Paper, title: str, total: int, footer: str) -> None:
    """Give a page its title (the map's and the page's own), "p. N of M" and footer."""
    sheet.captions = page_furniture(sheet.frame, sheet.pt_per_px, paper, title, sheet.title, sheet.number, total,
                                    footer, sheet.theme)


def _branch_title(amap: ArgumentMap, group: list[str], kids: dict[str, list[str]]) -> str:
    """A page's title: its first statement, "and more" when the page holds more than one branch top
    (``kids``: :func:`~argmap.render.branches.statement_children` of the map)."""
    text = reference(amap.statements[group[0]]).text
    return f"‘{text}’" + (" and more" if _tops_in(group, kids) > 1 else "")


def _tops_in(group: list[str], kids: dict[str, list[str]]) -> int:
    inside = set(group)
    below = {k for sid in group for k in kids.get(sid, ()) if k in inside}
    return sum(1 for sid in group if sid not in below)


def restricted(amap: ArgumentMap, ids) -> ArgumentMap:
    """A map of just the statements ``ids`` and the relations wholly among them."""
    keep = set(ids)
    sub = ArgumentMap(amap.title, amap.source, amap.extra)
    infs = [i for i in amap.inferences.values() if i.conclusion in keep and all(p in keep for p in i.premises)]
    inf_ids = {i.id for i in infs}
    cons = [c for c in amap.conflicts.values()
            if all(a in keep for a in c.attackers) and (c.target in keep or c.target in inf_ids)]
    sub.add_all([*amap.sources.values(), *(s for s in amap.statements.values() if s.id in keep), *infs, *cons])
    return sub
