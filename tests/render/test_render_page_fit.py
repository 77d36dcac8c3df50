"""Paged planning at scale: the quick "cannot join" never changes the plan, and what it foresees is what the
fast layout does; a page's relations are found through the index as a scan of the whole map finds them."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.analysis import check_map
from argmap.model.synth import argument_like, with_tradecraft
from argmap.render import ExportOptions, plan_export
from argmap.render.branches import RelationIndex, is_continuation
from argmap.render.page_fit import PageFitter, page_extent
from argmap.render.pages import page_theme, plan_pages
from argmap.render.paper import Paper, named_paper
from argmap.render.theme import theme_named

PAPERS = {"A4": named_paper("A4"), "Letter": named_paper("Letter"), "A3": named_paper("A3"),
          "small": Paper("small", 300, 420, 12, "auto")}


def _fitter(amap, paper: str) -> PageFitter:
    return PageFitter(amap, page_theme(theme_named("light"), PAPERS[paper]), PAPERS[paper])


def _map(n: int, seed: int, graded: bool):
    amap = argument_like(n, seed=seed, cycles=1 + seed % 3)
    return with_tradecraft(amap, sources=4, seed=seed) if graded else amap


# ------------------------------------------------------------------ the relations of a page
def _scanned(amap, home):
    """The relations a page of ``home`` has an end in, found the plain way: every relation of the map, looked at."""
    infs = [i for i in amap.inferences.values() if i.conclusion in home or any(p in home for p in i.premises)]
    cons = []
    for con in amap.conflicts.values():
        aim = amap.inferences[con.target].conclusion if con.target in amap.inferences else con.target
        if aim in home or any(a in home for a in con.attackers):
            cons.append(con)
    return infs, cons


@settings(max_examples=25, deadline=None)
@given(n=st.integers(5, 120), seed=st.integers(0, 10_000), picks=st.lists(st.integers(0, 10_000), max_size=40))
def test_the_index_finds_the_relations_a_scan_finds(n, seed, picks):
    amap = argument_like(n, seed=seed)
    ids = list(amap.statements)
    home = {ids[k % len(ids)] for k in picks}
    assert RelationIndex(amap).near(home) == _scanned(amap, home)


# ------------------------------------------------------------------ the plan is the same
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(20, 160), seed=st.integers(0, 10_000), graded=st.booleans(),
       paper=st.sampled_from(sorted(PAPERS)))
def test_the_quick_no_gives_the_pages_first_fit_gives(qapp, n, seed, graded, paper):
    """The reference: every join tried by laying the two pages out as one (the rule as it always was)."""
    amap = _map(n, seed, graded)
    reference = plan_pages(amap, _fitter(amap, paper))
    fitter = _fitter(amap, paper)
    assert plan_pages(amap, fitter, fitter.cannot_join) == reference


def test_the_quick_no_is_right_and_saves_layouts(qapp):
    """Every "cannot join" is a join the layout refuses, the foreseen extent of two unlinked pages is the laid-out
    one, and most tries need no layout."""
    amap = _map(260, 7, graded=False)
    fitter = _fitter(amap, "A4")
    said = Counter()

    def checked(have, page):
        no = fitter.cannot_join(have, page)
        union = set(have | page)
        foreseen = fitter.foreseen_extent(have, page)
        if foreseen is not None:
            laid = page_extent(*fitter.lay_out(union, engine="fast", compact=False), fitter.theme)
            assert (laid.width(), laid.height()) == pytest.approx(foreseen, abs=1e-6)
            said["foreseen"] += 1
        else:  # linked pages: a reference or a relation joins them
            assert not fitter.pieces(have).mentions.isdisjoint(fitter.pieces(page).mentions)
        if no:
            assert not fitter(union)
        said[no] += 1
        return no

    pages = plan_pages(amap, fitter, checked)
    assert len(pages) > 5
    assert said["foreseen"] > 50 and said[True] > 4 * said[False]


def test_pinned_statements_turn_foresight_off(qapp):
    amap = argument_like(40, seed=3)
    sid = next(iter(amap.statements))
    amap.update(sid, pinned=True)
    amap.move({sid: amap.statements[sid].position or _origin()})
    fitter = _fitter(amap, "small")
    assert not fitter.foresee
    assert plan_pages(amap, fitter, fitter.cannot_join) == plan_pages(amap, _fitter(amap, "small"))


def _origin():
    from argmap.model import Position

    return Position(0.0, 0.0)


# ------------------------------------------------------------------ printed pages of a big map
def test_a_big_split_keeps_every_statement_and_reference(qapp):
    amap = with_tradecraft(argument_like(400, seed=11), sources=5, seed=11)
    plan = plan_export(amap, ExportOptions(fmt="pdf", page="A4", layout="auto"), check_map(amap))
    assert plan.split and len(plan.sheets) > 10
    homes = {}
    for sheet in plan.sheets[1:]:
        assert sheet.theme.font_px * sheet.pt_per_px >= 7.0 - 1e-9  # legible
        for sid in sheet.drawing.boxes:
            if sid not in sheet.refs:
                assert sid not in homes, sid
                homes[sid] = sheet.number
    assert homes == plan.page_of  # every statement printed once, on the page the plan says
    refs = 0
    for sheet in plan.sheets[1:]:
        for ref, pages in sheet.refs.items():
            assert sheet.number not in pages and all(2 <= p <= len(plan.sheets) for p in pages)
            if not is_continuation(ref):
                assert pages == (plan.page_of[ref],), ref
                refs += 1
    assert refs > 10
