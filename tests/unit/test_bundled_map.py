"""The bundled map of the article (resources/examples/shot-by-both-sides.argmap).

The map must load, stay faithful to the seed text it cites (every anchor's
quote is the text at its offsets, the source hash is the text's hash), keep
its analytic shape (all kinds, linked premises, rebuttals and undercuts) and
survive a save and reload unchanged.
"""

from __future__ import annotations

import hashlib
import json
from itertools import combinations

import pytest

from argmap.formats import native, read_file, write_file
from argmap.resources_path import example_map

BASES = {"report", "quote", "statistic", "document", "observation", "testimony"}
GAP = 20
"""Measured boxes of the saved layout keep at least this many px apart (the layout's gaps are 24 and 60)."""


@pytest.fixture(scope="module")
def amap():
    return read_file(example_map())


def test_loads_with_title_and_enough_statements(amap):
    assert amap.title == "Shot by Both Sides"
    assert len(amap.statements) >= 30
    assert amap.source.author == "Fred Kaplan"


def test_all_three_kinds_present(amap):
    kinds = {s.kind for s in amap.statements.values()}
    assert kinds == {"claim", "evidence", "recommendation"}


def test_every_evidence_is_sourced_with_a_known_basis(amap):
    evidence = [s for s in amap.statements.values() if s.kind == "evidence"]
    assert evidence
    for s in evidence:
        assert s.source.strip() or s.anchors, f"{s.id} has neither a source nor an anchor"
        assert s.basis in BASES, f"{s.id} has basis {s.basis!r}"


def test_anchor_quotes_match_the_seed_text(amap, seed_text):
    anchors = [(s.id, a) for s in amap.statements.values() for a in s.anchors]
    assert len(anchors) >= len(amap.statements) // 2
    for sid, a in anchors:
        assert 0 <= a.start < a.end <= len(seed_text), f"{sid}: offsets {a.start}..{a.end} out of range"
        assert seed_text[a.start:a.end] == a.quote, f"{sid}: quote does not match the text at {a.start}"
        assert len(a.quote) <= 300, f"{sid}: quote is too long to be a short citation"


def test_source_hash_is_the_seed_text_hash(amap, seed_text):
    assert amap.source.sha256 == hashlib.sha256(seed_text.encode("utf-8")).hexdigest()


def test_has_rebuttals_undercuts_and_linked_premises(amap):
    targets = [c.target for c in amap.conflicts.values()]
    assert any(t in amap.statements for t in targets), "no conflict on a statement (rebuttal)"
    assert any(t in amap.inferences for t in targets), "no conflict on an inference (undercut)"
    assert any(len(i.premises) >= 2 for i in amap.inferences.values()), "no linked inference"
    conclusions = [i.conclusion for i in amap.inferences.values()]
    assert any(conclusions.count(c) >= 2 for c in conclusions), "no convergent support"


def test_dumps_and_loads_give_an_equal_map(amap):
    text = native.dumps(amap)
    assert native.loads(text, "round-trip") == amap
    assert example_map().read_text(encoding="utf-8") == text, "the shipped file is not in the writer's form"


def test_file_validates_against_the_shipped_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = example_map().parents[1] / "schema" / "argmap.schema.json"
    if not schema_path.exists():
        pytest.skip(f"{schema_path} is absent")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(example_map().read_text(encoding="utf-8")), schema)


def test_write_file_and_read_file_give_an_equal_map(amap, tmp_path):
    path = tmp_path / "copy.argmap"
    write_file(amap, path)
    assert read_file(path) == amap


def _saved_rects(amap):
    from argmap.render import measure_all, theme_named

    sizes = measure_all(amap, theme_named("light"))
    return {sid: (s.position.x - sizes[sid][0] / 2, s.position.y - sizes[sid][1] / 2,
                  s.position.x + sizes[sid][0] / 2, s.position.y + sizes[sid][1] / 2)
            for sid, s in amap.statements.items()}


def test_positions_read_top_down_without_overlaps(amap, qapp):
    pos = {sid: s.position for sid, s in amap.statements.items()}
    assert all(p is not None for p in pos.values()), "a statement has no position"
    for inf in amap.inferences.values():
        for p in inf.premises:
            assert pos[inf.conclusion].y < pos[p].y, f"{inf.id}: conclusion is not above premise {p}"
    rects = _saved_rects(amap)
    for a, b in combinations(rects, 2):
        ra, rb = rects[a], rects[b]
        apart_x = ra[2] + GAP <= rb[0] or rb[2] + GAP <= ra[0]
        apart_y = ra[3] + GAP <= rb[1] or rb[3] + GAP <= ra[1]
        assert apart_x or apart_y, f"{a} and {b} overlap or nearly touch"


def test_saved_layout_meets_the_picture_bar(amap, qapp):
    """No edge through a box, no overlap, no more crossings than Graphviz's drawing of our DOT export."""
    from argmap.formats.dot import dumps
    from argmap.layout.dot_picture import dot_picture_quality
    from argmap.layout.edges import routed_quality

    ours = routed_quality(amap, _saved_rects(amap))
    dot, _ = dot_picture_quality(dumps(amap))
    assert (ours.through, ours.overlaps) == (0, 0)
    assert ours.crossings <= dot.crossings, (ours, dot)


def test_checks_find_only_analytic_gaps(amap):
    analysis = pytest.importorskip("argmap.analysis")
    report = analysis.check_map(amap)
    recommendations = [sid for sid, s in amap.statements.items() if s.kind == "recommendation"]
    assert recommendations and all(r in report.supported for r in recommendations)
    codes = {d.code for d in report.diagnostics}
    assert not codes & {"AM002", "AM005", "AM006"}, "a cycle, unsourced evidence or a loose statement"
    for d in report.diagnostics:
        if d.code in ("AM001", "AM003"):
            assert amap.statements[d.target].kind != "evidence"
