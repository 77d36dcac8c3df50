"""AIF carries SPEC §5/§6 data through its extension points (argmap objects on nodes and at the top)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_argdown_v2 import graded_map  # tests/unit is on sys.path (pytest's default import mode)

from argmap.formats import aif
from argmap.model import Comment, FormatError
from argmap.model.synth import argument_like, with_tradecraft


def test_a_graded_map_with_comments_everywhere_reads_back_equal():
    amap = graded_map()
    text = aif.dumps(amap)
    doc = json.loads(text)
    assert [x["id"] for x in doc["argmap"]["sources"]] == ["kaplan", "nyt"]
    assert doc["argmap"]["merge_conflicts"][1] == {"id": "i9", "field": "removed", "base": {"id": "i9"},
                                                   "ours": None, "theirs": [1, 2]}
    e1 = next(n for n in doc["nodes"] if n["nodeID"] == "e1")
    assert e1["argmap"]["cites"] == ["nyt", "kaplan"] and e1["argmap"]["credibility"] == 2
    ra = next(n for n in doc["nodes"] if n["nodeID"] == "i1")
    assert ra["type"] == "RA" and ra["argmap"]["comments"] == [{"text": "linked on purpose"}]
    warnings: list[str] = []
    assert aif.loads(text, "g.json", warnings) == amap and not warnings


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 5_000), n=st.integers(1, 40), sources=st.integers(0, 6), text=st.text(min_size=1),
       data=st.data())
def test_random_version_2_maps_round_trip(seed, n, sources, text, data):
    amap = with_tradecraft(argument_like(n, seed=seed), sources, seed=seed, assumed=0.4, comments=0.3)
    target = data.draw(st.sampled_from([*amap.statements, *amap.inferences, *amap.conflicts, *amap.sources]))
    if text.strip():
        amap.update(target, comments=(*amap.get(target).comments, Comment(text, "x", "", True)))
    assert aif.loads(aif.dumps(amap), "r.json", []) == amap


@pytest.mark.parametrize("field, value, rule", [
    ("cites", ["zz"], "'zz' is not a source of this map"),
    ("credibility", 0, "from 1 to 6"),
    ("comments", [{"text": " "}], "a comment needs text"),
])
def test_bad_grades_on_nodes_are_refused(field, value, rule):
    doc = json.loads(aif.dumps(graded_map()))
    next(n for n in doc["nodes"] if n["nodeID"] == "e1")["argmap"][field] = value
    with pytest.raises(FormatError, match=rule):
        aif.loads(json.dumps(doc), "bad.json")


@pytest.mark.parametrize("name", ["graphml", "dot"])
def test_formats_that_cannot_carry_version_2_data_say_so(name):
    from argmap.formats import dot, graphml

    module = {"graphml": graphml, "dot": dot}[name]
    warnings: list[str] = []
    module.dumps(graded_map(), warnings)
    assert any("sources, grades, assumptions, comments or merge conflicts" in w for w in warnings)
    warnings = []
    module.dumps(argument_like(20, seed=1), warnings)
    assert not any("merge conflicts" in w for w in warnings)
