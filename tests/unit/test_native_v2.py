"""Version 2 of the native format (SPEC §5, §6): sources, grades, assumptions, comments, merge conflicts."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.formats import native
from argmap.model import Comment, FormatError, MergeConflict
from argmap.model.synth import argument_like, with_tradecraft
from argmap.resources_path import resource

V2 = Path(__file__).resolve().parents[2].parent / "shared" / "cases" / "v2"

GOOD = {
    "format": "argmap", "version": 2, "title": "t",
    "sources": [
        {"id": "kaplan", "title": "F. Kaplan, Shot by Both Sides, Slate, 2008", "reliability": "B"},
        {"id": "nyt", "title": "The New York Times, 21 April 2008", "reliability": "B", "via": "kaplan",
         "url": "https://example.invalid/nyt", "note": "front page",
         "comments": [{"author": "ann", "date": "2026-11-30", "text": "Which edition?", "resolved": True}]},
    ],
    "statements": [
        {"id": "r", "kind": "recommendation", "text": "Act"},
        {"id": "c", "kind": "claim", "text": "Because", "assumed": True},
        {"id": "e", "kind": "evidence", "text": "Data", "cites": ["nyt", "kaplan"], "credibility": 2,
         "comments": [{"text": "Quote it exactly"}]},
    ],
    "inferences": [{"id": "i1", "premises": ["c", "e"], "conclusion": "r", "comments": [{"text": "linked?"}]}],
    "conflicts": [],
    "merge_conflicts": [{"id": "e", "field": "text", "base": "Data", "ours": "Data!", "theirs": None}],
}


def doc(**changes) -> dict:
    d = json.loads(json.dumps(GOOD))
    d.update(changes)
    return d


def with_statement(**fields) -> dict:
    d = doc()
    d["statements"].append({"id": "x", "kind": "evidence", "text": "x", **fields})
    return d


def test_the_document_is_written_in_a_fixed_key_order_and_reads_back_equal():
    amap = native.loads(json.dumps(doc()), "m.argmap")
    text = native.dumps(amap)
    written = json.loads(text)
    assert list(written) == ["format", "version", "title", "sources", "statements", "inferences", "conflicts",
                             "merge_conflicts"]
    assert written["version"] == 2
    assert written["sources"] == GOOD["sources"]
    assert list(written["statements"][2]) == ["id", "kind", "text", "cites", "credibility", "comments"]
    assert written["merge_conflicts"] == GOOD["merge_conflicts"]
    again = native.loads(text)
    assert again == amap and native.dumps(again) == text
    assert amap.sources["nyt"].comments == (Comment("Which edition?", "ann", "2026-11-30", True),)
    assert amap.merge_conflicts == (MergeConflict("e", "text", "Data", "Data!", None),)


def test_defaults_are_read_and_left_out_again():
    d = doc(sources=[{"id": "k", "title": "K"}], merge_conflicts=[{"id": "e", "field": "removed"}])
    d["statements"][2]["cites"] = ["k"]
    amap = native.loads(json.dumps(d))
    assert amap.sources["k"].reliability == "F" and amap.statements["r"].credibility is None
    assert amap.merge_conflicts[0] == MergeConflict("e", "removed", None, None, None)
    written = json.loads(native.dumps(amap))
    assert written["sources"] == [{"id": "k", "title": "K", "reliability": "F"}]
    assert written["merge_conflicts"] == [{"id": "e", "field": "removed", "base": None, "ours": None, "theirs": None}]


def test_a_map_without_version_2_content_is_written_as_version_1():
    plain = {"format": "argmap", "version": 2, "title": "p", "sources": [],
             "statements": [{"id": "a", "kind": "claim", "text": "x", "cites": [], "assumed": False}]}
    written = json.loads(native.dumps(native.loads(json.dumps(plain))))
    assert written == {"format": "argmap", "version": 1, "title": "p",
                       "statements": [{"id": "a", "kind": "claim", "text": "x"}], "inferences": [], "conflicts": []}


def test_version_1_files_keep_their_bytes():
    amap = argument_like(200, seed=4)
    text = native.dumps(amap)
    assert json.loads(text)["version"] == 1
    assert native.dumps(native.loads(text)) == text
    assert '"sources"' not in text and '"comments"' not in text


def test_a_version_1_document_with_version_2_fields_is_read_as_version_2():
    d = doc(version=1)
    amap = native.loads(json.dumps(d))
    assert json.loads(native.dumps(amap))["version"] == 2 and "nyt" in amap.sources


BAD = [
    (doc(sources={"k": {}}), "$.sources", "must be an array"),
    (doc(sources=[{"id": "k"}]), "source 'k' ($.sources[0]).title", "needs a title"),
    (doc(sources=[{"id": "k", "title": " "}]), "source 'k'", "needs a title"),
    (doc(sources=[{"id": "k", "title": "K", "reliability": "G"}]), "reliability", "must be one of A, B"),
    (doc(sources=[{"id": "k", "title": "K", "reliability": ["A"]}]), "reliability", "Admiralty"),
    (doc(sources=[{"title": "K"}]), "$.sources[0]", "missing required field \"id\""),
    (doc(sources=[{"id": "k", "title": "K", "via": "zz"}]), "source 'k' ($.sources[0]).via", "'zz' is not a source"),
    (doc(sources=[*GOOD["sources"], {"id": "a", "title": "A", "via": "b"}, {"id": "b", "title": "B", "via": "a"}]),
     "source 'a' ($.sources[2]).via", "the chain of via loops: a -> b -> a"),
    (doc(sources=[*GOOD["sources"], {"id": "a", "title": "A", "via": "a"}]), "source 'a'", "via loops: a -> a"),
    (doc(sources=[*GOOD["sources"], {"id": "r", "title": "R"}]), "r", "duplicate id"),
    (with_statement(cites=["zz"]), "statement 'x' ($.statements[3]).cites", "'zz' is not a source of this map"),
    (with_statement(cites=["nyt", "nyt"]), "statement 'x'", "cited twice"),
    (with_statement(cites="nyt"), "statement 'x' ($.statements[3]).cites", "array of strings"),
    (with_statement(kind="claim", cites=["nyt"]), "cites",
     "only evidence may cite sources (this statement is a claim)"),
    (with_statement(kind="recommendation", credibility=2), "credibility", "only evidence has a credibility"),
    (with_statement(credibility=7), "statement 'x' ($.statements[3]).credibility", "from 1 to 6"),
    (with_statement(credibility=0), "credibility", "from 1 to 6"),
    (with_statement(credibility=2.0), "credibility", "from 1 to 6"),
    (with_statement(credibility=None), "credibility", "from 1 to 6"),
    (with_statement(credibility=True), "credibility", "from 1 to 6"),
    (with_statement(assumed=True), "statement 'x' ($.statements[3]).assumed", "only a claim can be assumed"),
    (with_statement(kind="recommendation", assumed=True), "assumed", "only a claim can be assumed"),
    (with_statement(kind="claim", assumed="yes"), "assumed", "must be true or false"),
    (with_statement(comments=[{"author": "ann"}]), "statement 'x' ($.statements[3]).comments[0]",
     "a comment needs text"),
    (with_statement(comments=[{"text": ""}]), "comments[0]", "a comment needs text"),
    (with_statement(comments=[{"text": "t", "resolved": "no"}]), "comments[0].resolved", "true or false"),
    (with_statement(comments=[{"text": "t", "author": 3}]), "comments[0].author", "must be a string"),
    (with_statement(comments={"text": "t"}), "comments", "must be an array"),
    (with_statement(comments=["t"]), "comments[0]", "must be an object"),
    (doc(inferences=[{"id": "i1", "premises": ["e"], "conclusion": "r", "comments": [{}]}]),
     "inference 'i1' ($.inferences[0]).comments[0]", "needs text"),
    (doc(merge_conflicts={"id": "e"}), "$.merge_conflicts", "must be an array"),
    (doc(merge_conflicts=["e"]), "$.merge_conflicts[0]", "must be an object"),
    (doc(merge_conflicts=[{"field": "text"}]), "$.merge_conflicts[0].id", "must be the id"),
    (doc(merge_conflicts=[{"id": "e", "field": ""}]), "$.merge_conflicts[0].field", "must name the field"),
    (doc(merge_conflicts=[{"id": "e"}]), "$.merge_conflicts[0].field", "must name the field"),
]


@pytest.mark.parametrize("document, element, rule", BAD)
def test_bad_version_2_documents_are_refused_whole_with_file_element_and_rule(document, element, rule):
    text = json.dumps(document)
    with pytest.raises(FormatError) as info:
        native.loads(text, "bad.argmap")
    message = str(info.value)
    assert message.startswith("bad.argmap: ") and "\n" not in message
    assert element in message and rule in message
    assert native._fast_build(json.loads(text)) is None


def test_the_schema_describes_both_versions():
    schema = json.loads(resource("schema", "argmap.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    maps = [native.loads(json.dumps(doc())), argument_like(150, seed=2),
            *(with_tradecraft(argument_like(120, seed=k), 8, seed=k, comments=0.2) for k in range(5))]
    for amap in maps:
        jsonschema.validate(json.loads(native.dumps(amap)), schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert not validator.is_valid(doc(version=1))  # version-2 parts in a version-1 file
    assert not validator.is_valid(with_statement(kind="claim", cites=["nyt"]))
    assert not validator.is_valid(with_statement(credibility=7))
    assert not validator.is_valid(with_statement(assumed=True))
    assert not validator.is_valid(with_statement(comments=[{"author": "a"}]))
    assert not validator.is_valid(doc(merge_conflicts=[{"id": "e"}]))
    assert not validator.is_valid(doc(sources=[{"id": "k", "title": "K", "reliability": "G"}]))


def test_the_shared_version_2_cases_load_and_validate(cases_dir):
    schema = json.loads(resource("schema", "argmap.schema.json").read_text(encoding="utf-8"))
    files = sorted((cases_dir / "v2").glob("*.argmap"))
    assert len(files) >= 3
    for path in files:
        document = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.validate(document, schema)
        amap = native.loads(path.read_bytes(), path.name)
        assert native.loads(native.dumps(amap)) == amap


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(1, 80), sources=st.integers(0, 12))
def test_random_version_2_maps_round_trip_and_both_readers_agree(seed, n, sources):
    amap = with_tradecraft(argument_like(n, seed=seed), sources, seed=seed, assumed=0.3, comments=0.2)
    text = native.dumps(amap)
    again = native.loads(text)
    assert again == amap and native.dumps(again) == text
    assert native._fast_build(json.loads(text)) == native.from_document(json.loads(text)) == amap


BENDS = ["nowhere", "", 7, None, [], ["x1"], ["x1", "x1"], {"x": 1}, 0, 1, 6, 7, 2.5, True, False, "A", "G",
         [{"text": "t"}], [{"text": ""}], [{"text": "t", "resolved": 1}]]


@settings(max_examples=300, deadline=None)
@given(seed=st.integers(0, 10_000), data=st.data())
def test_the_fast_reader_never_accepts_what_the_precise_reader_refuses_in_version_2(seed, data):
    """Bend one version-2 field of a valid document; both readers must then agree (or the fast one step aside)."""
    amap = with_tradecraft(argument_like(14, seed=seed), 4, seed=seed, assumed=0.5, comments=0.3)
    document = json.loads(native.dumps(amap))
    rows = [("statements", k, key) for k in range(len(document["statements"]))
            for key in ("cites", "credibility", "assumed", "comments", "kind")]
    rows += [("sources", k, key) for k in range(len(document.get("sources", [])))
             for key in ("id", "title", "reliability", "via", "comments")]
    part, k, key = data.draw(st.sampled_from(rows))
    document[part][k][key] = data.draw(st.sampled_from(BENDS))
    fast = native._fast_build(json.loads(json.dumps(document)))
    try:
        precise = native.from_document(json.loads(json.dumps(document)))
    except FormatError:
        assert fast is None
    else:
        assert fast is None or fast == precise
