"""The overview of a split map stays legible at any size: labels never overlap nor name the wrong page, and the
list of pages is complete (on list pages after the overview when it must be), with every page number right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF

from argmap.analysis import check_map
from argmap.formats import read_file
from argmap.model.synth import argument_like
from argmap.render import ExportOptions, plan_export
from argmap.render.export import plan_for_paper
from argmap.render.overview_labels import BOX_ROLE, PAGE_ROLE, caption_rect, page_labels
from argmap.render.page_list import rows_per_sheet
from argmap.render.paper import LABEL_PT, Paper
from argmap.render.theme import LIGHT

BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "examples" / "shot-by-both-sides.argmap"
LABELS = (BOX_ROLE, PAGE_ROLE)


def _strictly_overlap(a: QRectF, b: QRectF) -> bool:
    return a.left() < b.right() and b.left() < a.right() and a.top() < b.bottom() and b.top() < a.bottom()


def _label_page(text: str) -> int:
    found = re.fullmatch(r"(?:p\. )?(\d+)", text)
    assert found, text
    return int(found.group(1))


def assert_overview_is_clean(plan) -> tuple[int, int]:
    """No label overlaps another caption, and none touches a box of another page than it names; returns how
    many labels and how many other captions the overview has."""
    sheet = plan.sheets[0]
    theme = sheet.theme
    labels = [(c, caption_rect(c, theme)) for c in sheet.captions if c.role in LABELS]
    others = [caption_rect(c, theme) for c in sheet.captions if c.role not in LABELS]
    for i, (a, ra) in enumerate(labels):
        for b, rb in labels[i + 1:]:
            assert not _strictly_overlap(ra, rb), (a, b)
        assert not any(_strictly_overlap(ra, r) for r in others), a
        page = _label_page(a.text)
        for sid, box in sheet.drawing.boxes.items():
            if _strictly_overlap(ra, box.rect):
                assert plan.page_of[sid] == page, (a, sid, plan.page_of[sid])
    return len(labels), len(others)


def assert_pages_are_consistent(plan) -> None:
    """Every page numbered in order; every statement on the page ``page_of`` says; every page of the map listed,
    with its number, at the legible label size, on the overview or the list pages right after it."""
    total = len(plan.sheets)
    for n, sheet in enumerate(plan.sheets, start=1):
        assert sheet.number == n
        assert [c.text for c in sheet.captions if c.role == "page-number"] == [f"p. {n} of {total}"]
    for sid, page in plan.page_of.items():
        sheet = plan.sheets[page - 1]
        assert sid in sheet.drawing.boxes and sid not in sheet.refs, sid
    map_pages = sorted(set(plan.page_of.values()))
    first = map_pages[0]
    assert map_pages == list(range(first, first + len(map_pages)))
    assert all(not s.drawing.boxes for s in plan.sheets[1:first - 1])  # list pages between
    listed = []
    for sheet in plan.sheets[:first - 1]:
        rows = [c for c in sheet.captions if c.role == "contents"]
        assert all(abs(c.px * sheet.pt_per_px - LABEL_PT) < 0.6 for c in rows)  # legible (px is rounded)
        listed += [int(m.group(1)) for c in rows
                   if (m := re.match(r"p\. (\d+)  ", c.text)) and not c.text.endswith("Review comments")]
    assert listed == map_pages  # all of them, in order, once
    for sheet in plan.sheets[1:]:
        for ref, pages in sheet.refs.items():
            assert all(first <= p < first + len(map_pages) for p in pages), ref


@pytest.fixture(scope="module")
def bundled():
    return read_file(BUNDLED)


def test_the_bundled_overview_labels_every_box_without_collision(qapp, bundled):
    plan = plan_export(bundled, ExportOptions(fmt="pdf", page="A4"), check_map(bundled))
    count, _ = assert_overview_is_clean(plan)
    assert count == len(bundled.statements)  # small maps look as they did: every box says its page
    assert_pages_are_consistent(plan)
    assert plan.page_of == {sid: p for sid, p in plan.page_of.items() if p >= 2} and len(plan.sheets) == 9


@pytest.mark.parametrize("n", [400, 1500])
def test_big_overviews_never_overlap_and_list_every_page(qapp, n):
    amap = argument_like(n, seed=7)
    plan = plan_export(amap, ExportOptions(fmt="pdf", page="A4", layout="auto"), check_map(amap))
    count, _ = assert_overview_is_clean(plan)
    assert_pages_are_consistent(plan)
    pages = set(plan.page_of.values())
    named = {_label_page(c.text) for c in plan.sheets[0].captions if c.role in LABELS}
    assert named <= pages
    assert len(named) >= 0.9 * len(pages), (len(named), len(pages))  # nearly every page is marked on the map


def test_a_long_list_goes_on_list_pages_and_the_numbers_after_stay_right(qapp):
    """On a small page the list cannot fit the overview: it continues on list pages right after it, and the
    map's pages, their references and the comments' list are numbered after those."""
    from argmap.model import Comment

    amap = argument_like(300, seed=3)
    amap.update(next(iter(amap.statements)), comments=(Comment("Check this against the second source.", "ann"),))
    paper = Paper("small", 300, 330, 12, "fixed")
    plan = plan_for_paper(amap, ExportOptions(fmt="pdf", comments=True), check_map(amap), paper)
    first = min(plan.page_of.values())
    assert first > 2  # list pages came in
    assert_pages_are_consistent(plan)
    assert_overview_is_clean(plan)
    for sheet in plan.sheets[:first - 2]:  # each part of the list says where it goes on
        rows = [c.text for c in sheet.captions if c.role == "contents"]
        assert rows[-1] == f"… continued on p. {sheet.number + 1}"
    last = [c.text for c in plan.sheets[first - 2].captions if c.role == "contents"]
    assert last[-1] == f"p. {len(plan.sheets)}  Review comments"
    assert plan.sheets[-1].callouts is not None and not plan.sheets[-1].drawing.boxes


def test_split_svg_parts_keep_the_overview_clean(qapp):
    amap = argument_like(250, seed=4)
    plan = plan_export(amap, ExportOptions(fmt="svg", width="8cm", split="split", layout="auto"), check_map(amap))
    assert plan.split and len(plan.sheets) > 3
    assert_overview_is_clean(plan)
    assert_pages_are_consistent(plan)


@pytest.mark.parametrize("count,first,per_page", [(0, 10, 5), (10, 10, 5), (11, 10, 5), (40, 3, 4), (7, 0, 2),
                                                  (100, 1, 50)])
def test_rows_per_sheet_shows_every_row_once(count, first, per_page):
    shown = rows_per_sheet(count, first, per_page)
    continued = len(shown) - 1  # every sheet but the last gives a line to "continued on"
    assert sum(shown) == count
    assert shown[0] + (continued > 0) <= max(first, 0) or (first <= 0 and shown[0] == 0)
    assert all(0 < s and s + 1 <= per_page for s in shown[1:-1])
    assert shown[-1] <= (per_page if continued else first)


def test_crowded_regions_get_one_label_each_or_are_reported(qapp):
    """A dense grid of tiny boxes from many pages: labels go only where they cover their own page's boxes, and a
    page that finds no place is returned (so the list is its only index)."""
    theme = LIGHT
    boxes, page_of = {}, {}
    for i in range(60):
        for j in range(40):
            sid = f"s{i}-{j}"
            boxes[sid] = QRectF(i * 6.0, j * 6.0, 4.0, 4.0)
            page_of[sid] = 2 + (i // 6) * 7 + j // 6  # blocks of 6 × 6 boxes per page
    area, legend = QRectF(-20, -20, 400, 280), QRectF(-20, -20, 70, 70)  # the legend hides page 2's block
    labels, missing = page_labels(boxes, page_of, 9.0, theme, area, [legend])
    rects = [caption_rect(c, theme) for c in labels]
    assert labels and all(c.role == PAGE_ROLE for c in labels)
    for a, ra in zip(labels, rects):
        assert area.contains(ra) and not _strictly_overlap(ra, legend)
        assert all(page_of[s] == _label_page(a.text) for s, r in boxes.items() if _strictly_overlap(ra, r))
        assert sum(_strictly_overlap(ra, rb) for rb in rects) == 1  # itself only
    named = {_label_page(c.text) for c in labels}
    assert named | set(missing) == set(page_of.values()) and not named & set(missing)
    assert 2 in missing and len(named) > 0.8 * len(set(page_of.values()))

