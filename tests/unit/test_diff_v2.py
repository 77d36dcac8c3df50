"""Comparing version-2 maps (SPEC §5, §6): sources, grades, comments; taking their changes as edits.

Skipped until the version-2 model is in this checkout.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from review_edits import V2_EDITS, VERSION_2, edited
from test_diff import assert_same_up_to_order, reference_diff

from argmap.formats import native
from argmap.formats.diff import diff_maps
from argmap.formats.diff_apply import apply_edit, edit_for, take_all
from argmap.formats.diff_text import change_lines
from argmap.model import ArgumentMap, Statement

if not VERSION_2:
    pytest.skip("the version-2 model (SPEC §5, §6) is not in this checkout yet", allow_module_level=True)

from argmap.model.elements import Comment, MergeConflict, Source  # noqa: E402
from argmap.model.synth import argument_like, with_tradecraft  # noqa: E402

cases = st.tuples(st.integers(0, 100_000), st.integers(3, 12), st.integers(0, 12))


def _pair(case):
    seed, n, count = case
    old = with_tradecraft(argument_like(n, seed=seed), sources=3, seed=seed, assumed=0.3, comments=0.2)
    return old, edited(old, random.Random(seed), count, V2_EDITS)


@settings(max_examples=150, deadline=None)
@given(cases, st.booleans())
def test_diff_of_version_2_maps_matches_the_reference(case, ignore_layout):
    old, new = _pair(case)
    a, b = native.to_document(old), native.to_document(new)
    assert diff_maps(old, new, ignore_layout=ignore_layout).to_json("a", "b") == reference_diff(a, b, ignore_layout)


@settings(max_examples=120, deadline=None)
@given(cases)
def test_taking_every_version_2_change_gives_the_new_map(case):
    old, new = _pair(case)
    mine = old.copy()
    take_all(mine, diff_maps(old, new))
    assert_same_up_to_order(mine, old, new)


def graded() -> ArgumentMap:
    amap = ArgumentMap("Graded")
    amap.add_all([Source("a", "A report", "B"), Statement("s1", "evidence", "E1", cites=("a",), credibility=3),
                  Statement("s2", "claim", "C2")])
    return amap


def test_sources_grades_and_comments_read_like_a_review():
    old = graded()
    old.update("s2", comments=(Comment("Too strong?", "ann"),))
    new = old.copy()
    new.add(Source("nyt", "J. Glanz and A. J. Rubin, The New York Times", "B", via="a"))
    new.update("s1", cites=("a", "nyt"), credibility=2)
    new.update("s2", assumed=True, comments=(Comment("Too strong?", "ann", resolved=True), Comment("Ok.", "bo")))
    new.update("a", reliability="C")
    d = diff_maps(old, new)
    assert d.to_json("o", "n")["added"] == [{"type": "source", "id": "nyt"}]
    assert change_lines(d) == [
        "added source nyt 'J. Glanz and A. J. Rubin, The New York…'",
        "a: reliability B → C",
        "s1: cites a → a, nyt",
        "s1: credibility 3 → 2",
        "s2: assumed true added",
        "s2: comment by ann 'Too strong?' resolved",
        "s2: comment by bo 'Ok.' added"]


def test_version_2_changes_are_edits_with_model_values():
    old = graded()
    new = old.copy()
    new.add(Source("nyt", "NYT", "B"))
    new.update("s1", cites=("nyt",))
    new.update("s2", comments=(Comment("Source?", "ann"),))
    new.set_meta(merge_conflicts=(MergeConflict("s2", "text", "x", "y", "z"),))
    d = diff_maps(old, new)
    by_id = {c.id: c for c in d.changes}
    mine = old.copy()
    added = edit_for(by_id["nyt"], mine, d.new)
    assert added.action == "add" and added.elements == (Source("nyt", "NYT", "B"),)
    apply_edit(mine, added)
    assert edit_for(by_id["s1"], mine).changes == {"s1": {"cites": ("nyt",)}}
    assert edit_for(by_id["s2"], mine).changes == {"s2": {"comments": (Comment("Source?", "ann"),)}}
    assert edit_for(by_id["merge_conflicts"], mine).meta == {"merge_conflicts": new.merge_conflicts}
    take_all(mine, d)
    assert mine == new
