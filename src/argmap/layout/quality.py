"""Picture quality of a drawn map: edges through boxes, edge crossings, box overlaps.

Measured on what is drawn, not on an idealised layout: boxes as rectangles
and edges as polylines (curves flattened by the caller), all in one
coordinate system. The definitions follow what a reader of the picture
sees:

- an edge passes *through* a box when it runs inside the box shrunk by
  :data:`SHRINK` px for more than :data:`MIN_RUN` px (ending on a border is
  fine); counted once per (edge, box);
- two edges *cross* when pieces of them cross properly, unless they touch at
  an end (within :data:`TOUCH` px: legs meeting at a junction, arrows into
  one box); counted once per pair of edges;
- two boxes *overlap* when their intersection is more than :data:`OVERLAP`
  px in both directions.

A uniform grid keeps this near linear on maps of thousands of statements.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from argmap.layout.segments import clip

Rect = tuple[float, float, float, float]
"""(left, top, right, bottom)."""
Point = tuple[float, float]

SHRINK = 4.0
MIN_RUN = 2.0
TOUCH = 3.0
OVERLAP = 2.0
CELL = 128.0


@dataclass(frozen=True)
class PictureQuality:
    """The three counts of a picture (lower is better; 0 through and 0 overlaps is the bar)."""

    through: int
    crossings: int
    overlaps: int

    def as_dict(self) -> dict[str, int]:
        return {"through": self.through, "crossings": self.crossings, "overlaps": self.overlaps}


def picture_quality(boxes: Mapping[str, Rect] | Sequence[Rect], lines: Sequence[Sequence[Point]]) -> PictureQuality:
    """Count edges through boxes, crossing pairs of edges and overlapping boxes.

    Parameters
    ----------
    boxes : mapping or sequence
        Box rectangles ``(left, top, right, bottom)`` (by id, or a plain list).
    lines : sequence
        Each drawn edge as a polyline of ``(x, y)`` points.

    Returns
    -------
    PictureQuality
    """
    rects = list(boxes.values()) if isinstance(boxes, Mapping) else list(boxes)
    return PictureQuality(through_count(rects, lines), crossing_count(lines), overlap_count(rects))


def through_count(rects: Sequence[Rect], lines: Sequence[Sequence[Point]]) -> int:
    """Number of (edge, box) pairs where the edge runs through the box's inside."""
    grid = _Grid()
    inner = []
    for k, (x0, y0, x1, y1) in enumerate(rects):
        r = (x0 + SHRINK, y0 + SHRINK, x1 - SHRINK, y1 - SHRINK)
        inner.append(r)
        if r[0] < r[2] and r[1] < r[3]:
            grid.add(k, r)
    count = 0
    for line in lines:
        hit: set[int] = set()
        for p, q in zip(line, line[1:]):
            for k in grid.near(_seg_rect(p, q)):
                if k not in hit and segment_run_inside(p, q, inner[k]) > MIN_RUN:
                    hit.add(k)
        count += len(hit)
    return count


def crossing_count(lines: Sequence[Sequence[Point]]) -> int:
    """Number of pairs of edges that cross properly and do not touch at an end."""
    grid = _Grid()
    pieces = []
    for e, line in enumerate(lines):
        for p, q in zip(line, line[1:]):
            grid.add(len(pieces), _seg_rect(p, q))
            pieces.append((e, p, q))
    pairs: set[tuple[int, int]] = set()
    for a, (ea, p, q) in enumerate(pieces):
        for b in grid.near(_seg_rect(p, q)):
            if b <= a:
                continue
            eb, r, s = pieces[b]
            if ea == eb:
                continue
            key = (ea, eb) if ea < eb else (eb, ea)
            if key in pairs:
                continue
            if not _touch(p, q, r, s) and segments_cross(p, q, r, s):
                pairs.add(key)
    return len(pairs)


def overlap_count(rects: Sequence[Rect]) -> int:
    """Number of pairs of boxes that overlap by more than :data:`OVERLAP` px both ways.

    Boxes are bucketed by their centres in cells as large as the largest box
    side: two boxes that overlap have centres closer than that on both axes,
    so they sit in the same or in neighbouring cells. Each box is in one
    cell, and each pair of cells is looked at once.
    """
    if not rects:
        return 0
    cell = max(1.0, max(max(abs(r[2] - r[0]), abs(r[3] - r[1])) for r in rects))
    buckets: dict[tuple[int, int], list[Rect]] = defaultdict(list)
    for r in rects:
        buckets[(int((r[0] + r[2]) / 2 // cell), int((r[1] + r[3]) / 2 // cell))].append(r)
    count = 0
    for (cx, cy), members in buckets.items():
        for a, ra in enumerate(members):
            count += sum(_overlap(ra, rb) for rb in members[a + 1:])
        for dx, dy in ((1, -1), (1, 0), (1, 1), (0, 1)):  # half of the neighbours: each pair of cells once
            others = buckets.get((cx + dx, cy + dy))
            if others:
                count += sum(_overlap(ra, rb) for ra in members for rb in others)
    return count


def _overlap(ra: Rect, rb: Rect) -> bool:
    return min(ra[2], rb[2]) - max(ra[0], rb[0]) > OVERLAP and min(ra[3], rb[3]) - max(ra[1], rb[1]) > OVERLAP


def segment_run_inside(p: Point, q: Point, r: Rect) -> float:
    """Length of the part of segment ``pq`` inside rectangle ``r`` (Liang–Barsky clipping)."""
    if r[0] >= r[2] or r[1] >= r[3]:
        return 0.0
    span = clip(p, q, r)
    if span is None:
        return 0.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    return (span[1] - span[0]) * (dx * dx + dy * dy) ** 0.5


def segments_cross(p: Point, q: Point, r: Point, s: Point) -> bool:
    """Whether segments ``pq`` and ``rs`` cross properly (touching or collinear does not count)."""
    d1, d2 = _orient(r, s, p), _orient(r, s, q)
    d3, d4 = _orient(p, q, r), _orient(p, q, s)
    return d1 * d2 < 0 and d3 * d4 < 0


def _orient(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _touch(p: Point, q: Point, r: Point, s: Point) -> bool:
    for u in (p, q):
        for v in (r, s):
            if -TOUCH < u[0] - v[0] < TOUCH and -TOUCH < u[1] - v[1] < TOUCH:
                return True
    return False


def _seg_rect(p: Point, q: Point) -> Rect:
    x0, x1 = (p[0], q[0]) if p[0] < q[0] else (q[0], p[0])
    y0, y1 = (p[1], q[1]) if p[1] < q[1] else (q[1], p[1])
    return (x0, y0, x1, y1)


class _Grid:
    """Keys by the grid cells their rectangles cover."""

    def __init__(self):
        self.cells: dict[tuple[int, int], list[int]] = defaultdict(list)

    @staticmethod
    def _span(r: Rect) -> list[tuple[int, int]]:
        x0, x1 = int(r[0] // CELL), int(r[2] // CELL) + 1
        y0, y1 = int(r[1] // CELL), int(r[3] // CELL) + 1
        if x1 - x0 == 1 and y1 - y0 == 1:
            return [(x0, y0)]
        return [(cx, cy) for cx in range(x0, x1) for cy in range(y0, y1)]

    def add(self, key: int, r: Rect) -> None:
        for cell in self._span(r):
            self.cells[cell].append(key)

    def near(self, r: Rect) -> set[int]:
        found: set[int] = set()
        cells = self.cells
        for cell in self._span(r):
            members = cells.get(cell)
            if members:
                found.update(members)
        return found


class CrossingCounter:
    """The crossing pairs of a set of lines (as :func:`crossing_count` counts them), kept up to date.

    Replacing a few lines costs time in proportion to those lines and their
    neighbours, not to the whole picture: what a layout search needs when it
    tries small changes one at a time.

    Parameters
    ----------
    lines : mapping
        Key -> polyline; keys must be comparable with each other.
    """

    def __init__(self, lines: Mapping):
        self.lines: dict = {}
        self.partners: dict = defaultdict(set)
        self.cells: dict[tuple[int, int], set] = defaultdict(set)
        self.total = 0
        self.replace(lines)

    def replace(self, changes: Mapping) -> int:
        """Put new polylines for some keys (None removes a key); returns the new total."""
        for key in changes:
            self._drop(key)
        for key, line in changes.items():
            if line is not None:
                self.lines[key] = list(line)
                for n, (p, q) in enumerate(zip(line, line[1:])):
                    for cell in _Grid._span(_seg_rect(p, q)):
                        self.cells[cell].add((key, n))
        for key, line in changes.items():
            if line is None:
                continue
            for other in self._crossed_by(key):
                if other not in self.partners[key]:
                    self.partners[key].add(other)
                    self.partners[other].add(key)
                    self.total += 1
        return self.total

    def _drop(self, key) -> None:
        line = self.lines.pop(key, None)
        if line is None:
            return
        for n, (p, q) in enumerate(zip(line, line[1:])):
            for cell in _Grid._span(_seg_rect(p, q)):
                members = self.cells.get(cell)
                if members is not None:
                    members.discard((key, n))
        for other in self.partners.pop(key, set()):
            self.partners[other].discard(key)
            self.total -= 1

    def _crossed_by(self, key) -> set:
        line = self.lines[key]
        found: set = set()
        for p, q in zip(line, line[1:]):
            near: set = set()
            for cell in _Grid._span(_seg_rect(p, q)):
                near |= self.cells.get(cell, set())
            x0, y0, x1, y1 = _seg_rect(p, q)
            for other, n in near:
                if other == key or other in found:
                    continue
                r, s = self.lines[other][n], self.lines[other][n + 1]
                if (r[0] < x0 and s[0] < x0) or (r[0] > x1 and s[0] > x1) or (r[1] < y0 and s[1] < y0) \
                        or (r[1] > y1 and s[1] > y1):
                    continue
                if not _touch(p, q, r, s) and segments_cross(p, q, r, s):
                    found.add(other)
        return found
