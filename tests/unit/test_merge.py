"""``merge_documents`` against a naive reference on random BASE/OURS/THEIRS, and its laws (SPEC §6)."""

from __future__ import annotations

import copy
import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st
from review_edits import LINK_EDITS, edited
from review_reference import reference_merge
from test_diff import assert_same_up_to_order

from argmap.formats import native
from argmap.formats.merge import merge_documents, merge_maps
from argmap.model.synth import argument_like

COMMENT_POOL = [{"author": "ana", "text": "Source?"}, {"author": "ben", "text": "Agree."},
                {"text": "Check the date.", "resolved": True}, {"author": "ana", "text": "Too strong."}]

triples = st.tuples(st.integers(0, 100_000), st.integers(2, 12), st.integers(0, 10), st.integers(0, 10))


def _sides(case):
    seed, n, k_ours, k_theirs = case
    base = argument_like(n, seed=seed)
    return base, edited(base, random.Random(seed * 2 + 1), k_ours), edited(base, random.Random(seed * 2 + 2), k_theirs)


def _key(conflicts: list[dict]) -> list[str]:
    return sorted(json.dumps(c, sort_keys=True) for c in conflicts)


def _without_conflicts(doc: dict) -> dict:
    return {k: v for k, v in doc.items() if k != "merge_conflicts"}


@settings(max_examples=250, deadline=None)
@given(triples)
def test_merge_matches_the_reference(case):
    docs = [native.to_document(m) for m in _sides(case)]
    result = merge_documents(*docs)
    expected, conflicts = reference_merge(*docs)
    assert _without_conflicts(result.document) == expected
    assert _key(result.conflicts) == _key(conflicts)
    assert result.document.get("merge_conflicts", []) == result.conflicts
    assert native.loads(native.dumps(result.map)) == result.map  # OUT always loads


@settings(max_examples=150, deadline=None)
@given(triples)
def test_merge_of_link_edits_matches_the_reference(case):
    """Both sides re-wiring premises, conclusions and targets: removals referenced, invalid combinations."""
    seed, n, k_ours, k_theirs = case
    base = argument_like(n, seed=seed)
    sides = [edited(base, random.Random(seed * 2 + k), count, LINK_EDITS) for k, count in ((1, k_ours), (2, k_theirs))]
    docs = [native.to_document(m) for m in (base, *sides)]
    result = merge_documents(*docs)
    expected, conflicts = reference_merge(*docs)
    assert _without_conflicts(result.document) == expected
    assert _key(result.conflicts) == _key(conflicts)
    assert native.loads(native.dumps(result.map)) == result.map


@settings(max_examples=150, deadline=None)
@given(triples, st.integers(0, 10**6))
def test_comments_merge_by_value_like_the_reference(case, seed):
    """Comments are put into the documents (version 1 maps cannot hold them yet): never a conflict."""
    rng = random.Random(seed)
    base, ours, theirs = (native.to_document(m) for m in _sides(case))
    for doc in (base, ours, theirs):
        for key in ("statements", "inferences", "conflicts"):
            for e in doc.get(key, []):
                chosen = rng.sample(COMMENT_POOL, rng.randint(0, 2))
                if chosen:  # as the writer does: no empty list
                    e["comments"] = chosen
    before = copy.deepcopy((base, ours, theirs))
    result = merge_documents(base, ours, theirs)
    expected, conflicts = reference_merge(base, ours, theirs)
    assert (base, ours, theirs) == before  # the inputs are not changed
    assert _without_conflicts(result.document) == expected
    assert _key(result.conflicts) == _key(conflicts)
    assert all(c["field"] != "comments" for c in result.conflicts)


@settings(max_examples=120, deadline=None)
@given(triples)
def test_one_sided_merges_give_that_side(case):
    base, ours, theirs = _sides(case)
    left = merge_maps(base, ours, base)
    right = merge_maps(base, base, theirs)
    assert left.clean and native.dumps(left.map) == native.dumps(ours)
    assert right.clean
    assert_same_up_to_order(right.map, base, theirs)  # OURS' order: an id THEIRS removed and added again stays put
    same = merge_maps(base, theirs, theirs)
    assert same.clean and native.dumps(same.map) == native.dumps(theirs)


@settings(max_examples=150, deadline=None)
@given(triples)
def test_conflicts_are_exactly_the_fields_changed_differently(case):
    docs = [native.to_document(m) for m in _sides(case)]
    result = merge_documents(*docs)
    b, o, t = ({e["id"]: (key, e) for key in ("statements", "inferences", "conflicts") for e in d[key]}
               for d in docs)
    absent = object()
    both = set()
    for eid in set(o) & set(t):  # same-id additions too: their base is empty
        base = b.get(eid, ("", {}))[1]
        for f in set(base) | set(o[eid][1]) | set(t[eid][1]):
            vb, vo, vt = base.get(f, absent), o[eid][1].get(f, absent), t[eid][1].get(f, absent)
            if vo != vb and vt != vb and vo != vt:
                both.add((eid, f))
    fields = [c for c in result.conflicts if c["field"] not in ("removed", "type") and c["id"] != ""]
    assert both <= {(c["id"], c["field"]) for c in fields}
    for c in fields:  # the others: THEIRS' change left out because it could not be combined with OURS
        assert c["theirs"] != c["base"] and c["ours"] != c["theirs"]
        if (c["id"], c["field"]) not in both:
            assert c["ours"] == c["base"]
            assert result.map.get(c["id"]) == native.from_document(docs[1]).get(c["id"])
    for c in result.conflicts:
        if c["field"] == "removed":
            assert (c["ours"] is None) != (c["theirs"] is None) or c["base"] is None
