"""Whether statements fit on one page of a split map, and a quick "no" when two pages cannot be joined.

:class:`PageFitter` lays a set of statements out as one page (its part of
the map built by :func:`~argmap.render.branches.page_map`, boxes measured
as the page measures them, the fast layout engine) and says whether the
result fits the paper at the split scale.

Planning (:func:`argmap.render.pages.plan_pages`) then tries to join each
page onto an earlier one, first fit; almost every try fails, and a map of
thousands of statements would be laid out hundreds of thousands of times.
:meth:`PageFitter.cannot_join` answers most of those tries without a
layout: when nothing links the two pages (no relation between them, no
statement referred to from both), the joined page is the two pages'
connected pieces, each laid out as before, packed in shelves by
:func:`argmap.layout.tidy.pack` in the order of their first top; so the
joined page's extent follows from the pieces' sizes, kept from the pages'
own layouts. It only ever rules a join out, never in: a join it lets
through is laid out and checked as before, so the pages are the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF

from argmap.analysis.roles import statement_roles
from argmap.layout.graph import build_graph
from argmap.layout.tidy import pack, tidy_layout
from argmap.model import ArgumentMap, Position
from argmap.render.branches import RelationIndex, page_map
from argmap.render.measure import statement_size
from argmap.render.paper import SPLIT_BODY_PT, Paper
from argmap.render.theme import Theme

SLACK = 0.01
"""A join is ruled out only when its foreseen extent misses every page shape by more than this (px), so
rounding in the pieces' sizes never rules out a join the real layout would fit."""


@dataclass(frozen=True)
class Pieces:
    """What a page's own layout says about the page joined with another one it has no link with.

    Attributes
    ----------
    mentions : frozenset of str
        The page's statements and every statement a relation drawn on the page names.
    trees : tuple
        ``(key, (width, height, corners))`` per connected piece of the page's layout graph, where
        ``key`` is ``(0, map order of its first top)``, or ``(1, map order of its first statement)``
        for a piece of cycles only (the fast engine packs pieces in that order), ``width`` and
        ``height`` the piece as the engine packs it (junctions included), and ``corners`` the
        top-left and bottom-right corners of its statement boxes, from the piece's top-left corner
        (the tree :func:`argmap.layout.tidy.pack` takes).
    area : float
        The total area the pieces' statement boxes span (pieces never overlap): pages whose pieces
        cover more than the paper cannot fit as one.
    """

    mentions: frozenset[str]
    trees: tuple[tuple[tuple[int, int], tuple[float, float, dict]], ...]
    area: float


class PageFitter:
    """Whether a set of statements, laid out as one page, fits the paper at the split scale.

    A single statement whose references do not fit (a premise shared by many
    conclusions, on narrow paper) is tried once more with its relations to
    other pages drawn compactly (:func:`~argmap.render.branches.page_map`);
    such pages are remembered in ``compact``.
    """

    def __init__(self, amap: ArgumentMap, theme: Theme, paper: Paper):
        self.amap, self.theme, self.paper = amap, theme, paper
        self.k = SPLIT_BODY_PT / theme.font_px
        self.room = [(cw / self.k, ch / self.k) for cw, ch in (paper.content(s) for s in paper.shapes())]
        self.area = max(w * h for w, h in self.room)
        self.roles = statement_roles(amap)
        self.sizes = {sid: statement_size(st, theme, self.roles[sid]) for sid, st in amap.statements.items()}
        self.compact: set[frozenset[str]] = set()
        self.index = RelationIndex(amap)
        self.pad = theme.marker_radius + theme.arrow_size
        # pinned statements keep their places, so the pieces of a joined page could move: no foresight then
        self.foresee = not any(s.pinned and s.position is not None for s in amap.statements.values())
        self.seen: dict[frozenset[str], Pieces | None] = {}

    def __call__(self, ids: set[str]) -> bool:
        if sum(self.sizes[s][0] * self.sizes[s][1] for s in ids) * 1.8 > self.area:
            return False  # cannot fit, whatever the layout: no need to lay it out
        if self.fits(self.lay_out(ids, engine="fast", compact=False)):
            return True
        if len(ids) == 1 and self.fits(self.lay_out(ids, engine="fast", compact=True)):
            self.compact.add(frozenset(ids))
            return True
        return False

    def cannot_join(self, have: frozenset[str], page: frozenset[str]) -> bool:
        """Whether the pages ``have`` and ``page`` surely do not fit as one (False: lay them out to know)."""
        both = self._unlinked(have, page)
        if both is None:
            return False  # linked pages: only a layout can tell
        if both[0].area + both[1].area > self.area * (1 + 1e-9):
            return True
        width, height = self._joined_extent(*both)
        return all(width > w + SLACK or height > h + SLACK for w, h in self.room)

    def foreseen_extent(self, have: frozenset[str], page: frozenset[str]) -> tuple[float, float] | None:
        """Width and height of the pages ``have`` and ``page`` laid out as one (as :func:`page_extent` measures
        it), foreseen without a layout; None when they are linked (or have pinned statements)."""
        both = self._unlinked(have, page)
        return None if both is None else self._joined_extent(*both)

    def _unlinked(self, have: frozenset[str], page: frozenset[str]) -> tuple[Pieces, Pieces] | None:
        if not self.foresee:
            return None
        one, other = self.pieces(have), self.pieces(page)
        if one is None or other is None or not one.mentions.isdisjoint(other.mentions):
            return None
        return one, other

    def _joined_extent(self, one: Pieces, other: Pieces) -> tuple[float, float]:
        width, height = packed_extent(sorted(one.trees + other.trees, key=_first))
        return width + 2 * self.pad, height + 2 * self.pad

    def pieces(self, key: frozenset[str]) -> Pieces | None:
        """The :class:`Pieces` of the page ``key`` (kept: a page is asked again and again while pages join)."""
        if key not in self.seen:
            sub, refs = page_map(self.amap, key, compact=False, index=self.index)
            found = pieces_of(sub, self.page_sizes(sub, refs), self.index.order)
            self.seen[key] = None if found is None else Pieces(
                mentions(self.amap, self.index, key),
                tuple((k, (w, h, {(k, 0): (x, y), (k, 1): (r, b)})) for k, w, h, (x, y, r, b) in found),
                sum((r - x) * (b - y) for *_, (x, y, r, b) in found))
        return self.seen[key]

    def fits(self, laid) -> bool:
        extent = page_extent(*laid, self.theme)
        return any(extent.width() <= w and extent.height() <= h for w, h in self.room)

    def lay_out(self, ids: set[str], engine: str = "auto", page_of=None, compact: bool | None = None):
        if compact is None:
            compact = frozenset(ids) in self.compact
        sub, refs = page_map(self.amap, ids, page_of, compact=compact, index=self.index)
        sizes = self.page_sizes(sub, refs)
        return sub, refs, sizes, _layout(sub, sizes, engine)

    def page_sizes(self, sub: ArgumentMap, refs) -> dict[str, tuple[float, float]]:
        """The boxes of a page map, measured as :func:`~argmap.render.geometry.build_drawing` measures them:
        a statement that lives here and has the same role as in the whole map has its size already."""
        roles, whole, known = statement_roles(sub), self.roles, self.sizes
        return {sid: known[sid] if sid not in refs and roles[sid] == whole[sid]
                else statement_size(st, self.theme, roles[sid]) for sid, st in sub.statements.items()}


def _layout(sub: ArgumentMap, sizes: dict, engine: str) -> dict[str, Position]:
    from argmap.layout import auto_layout

    return auto_layout(sub, sizes, engine=engine)


def page_extent(sub, refs, sizes, positions, theme: Theme) -> QRectF:
    """The rectangle a laid-out page covers (boxes, and room for arrowheads and markers)."""
    pad = theme.marker_radius + theme.arrow_size
    rect = QRectF()
    for sid, (w, h) in sizes.items():
        p = positions[sid]
        rect = rect.united(QRectF(p.x - w / 2, p.y - h / 2, w, h))
    return rect.adjusted(-pad, -pad, pad, pad)


def pieces_of(sub: ArgumentMap, sizes: dict, order: dict[str, int]) -> tuple | None:
    """The connected pieces of a page map as the fast engine lays them out, ``(key, width, height, boxes)``
    each (see :class:`Pieces`; ``boxes``: ``(left, top, right, bottom)``), or None when a piece is led by a
    box standing for other statements (its place in the packing is not the map's)."""
    graph = build_graph(sub, sizes)
    centres = tidy_layout(graph)
    piece = _pieces(graph)
    found: dict[int, list] = {}
    for node, (x, y) in centres.items():
        w, h = graph.size[node]
        rect = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
        entry = found.setdefault(piece[node], [None, list(rect), None])
        entry[1] = _union(entry[1], rect)
        if node in sub.statements:
            if node not in order:
                key = (2, 0)  # a box standing for others: sorts after every real statement
            else:
                key = (0 if not graph.parents[node] else 1, order[node])
            entry[0] = key if entry[0] is None else min(entry[0], key)
            entry[2] = list(rect) if entry[2] is None else _union(entry[2], rect)
    out = []
    for key, (left, top, right, bottom), boxes in found.values():
        if key is None or key[0] == 2 or boxes is None:
            return None
        out.append((key, right - left, bottom - top,
                    (boxes[0] - left, boxes[1] - top, boxes[2] - left, boxes[3] - top)))
    return tuple(out)


def _union(rect: list, other) -> list:
    return [min(rect[0], other[0]), min(rect[1], other[1]), max(rect[2], other[2]), max(rect[3], other[3])]


def _pieces(graph) -> dict[str, int]:
    """Node -> number of its weakly connected piece of the layout graph."""
    piece: dict[str, int] = {}
    for start in graph.size:
        if start in piece:
            continue
        mark, stack = len(piece), [start]
        piece[start] = mark
        while stack:
            node = stack.pop()
            for other in (*graph.children[node], *graph.parents[node]):
                if other not in piece:
                    piece[other] = mark
                    stack.append(other)
    return piece


def mentions(amap: ArgumentMap, index: RelationIndex, home) -> frozenset[str]:
    """``home`` and every statement named by a relation a page of ``home`` draws (an undercut draws its
    inference whole)."""
    infs, cons = index.near(home)
    named = {sid for i in infs for sid in (*i.premises, i.conclusion)}
    for con in cons:
        named.update(con.attackers)
        undercut = amap.inferences.get(con.target)
        named.update((*undercut.premises, undercut.conclusion) if undercut else (con.target,))
    return frozenset(named.union(home))


def packed_extent(trees) -> tuple[float, float]:
    """Width and height of the statement boxes of pieces ``(key, tree)`` (:attr:`Pieces.trees`) packed as
    :func:`argmap.layout.tidy.pack` packs them, in that order."""
    placed = pack([tree for _, tree in trees])
    xs, ys = [x for x, _ in placed.values()], [y for _, y in placed.values()]
    return max(xs) - min(xs), max(ys) - min(ys)


def _first(item):
    return item[0]
