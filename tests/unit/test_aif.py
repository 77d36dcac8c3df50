"""AIF JSON: corpus import, dialogue and dangling nodes, round trips, malformed input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.formats import aif, native, read_file, write_file
from argmap.model import Anchor, ArgumentMap, Conflict, FormatError, Inference, Position, Statement
from argmap.model.synth import argument_like

AIF_CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "aif"
CORPUS_FILES = sorted(AIF_CORPUS.glob("**/*.json")) if AIF_CORPUS.is_dir() else []


def _is_nodeset(doc: object) -> bool:
    return isinstance(doc, dict) and ("nodes" in doc or "AIF" in doc)


@pytest.mark.corpus
@pytest.mark.parametrize("path", CORPUS_FILES or [None], ids=lambda p: p.name if p else "absent")
def test_every_corpus_file_imports_or_is_refused_clearly(path):
    if path is None:
        pytest.skip(f"{AIF_CORPUS} is absent")
    raw = json.loads(path.read_text(encoding="utf-8"))
    if not _is_nodeset(raw):  # the corpus also holds an index and an anomaly list: not AIF
        with pytest.raises(FormatError, match="not AIF"):
            aif.loads(path.read_text(encoding="utf-8"), str(path))
        return
    warnings: list[str] = []
    amap = read_file(path, "aif", warnings)
    i_nodes = [str(n["nodeID"]) for n in raw["nodes"] if n["type"] == "I"]
    assert list(amap.statements) == i_nodes
    ra = {str(n["nodeID"]) for n in raw["nodes"] if n["type"] == "RA"}
    assert set(amap.inferences) <= ra
    assert all(s.text == t for s, t in zip(amap.statements.values(),
                                           (n["text"] for n in raw["nodes"] if n["type"] == "I")))
    dialogue = [n for n in raw["nodes"] if n["type"] not in ("I", "RA", "CA", "MA")]
    if dialogue:
        summary = [w for w in warnings if w.startswith("left out")]
        assert summary and f"left out {len(dialogue)} " in summary[0]


@pytest.mark.corpus
def test_dangling_ra_and_ca_give_warnings(corpora_dir):
    listing = json.loads((corpora_dir / "aif" / "STRUCTURAL_ANOMALIES_computed.json").read_text())
    assert listing
    for entry in listing:
        warnings: list[str] = []
        amap = read_file(corpora_dir / entry["file"], "aif", warnings)
        assert len(amap) > 0
        no_conclusion = [w for w in warnings if "RA node" in w and "no conclusion" in w]
        assert len(no_conclusion) == entry["RA_without_conclusion"], warnings
        ca = [w for w in warnings if "CA node" in w]
        assert len(ca) >= entry["CA_missing_end"]


@pytest.mark.corpus
def test_large_qt30_map_imports_and_checks(corpora_dir):
    from argmap.analysis import check_map

    path = corpora_dir / "aif" / "qt30" / "nodeset25445.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    amap = read_file(path, "aif")
    assert len(amap) == sum(1 for n in raw["nodes"] if n["type"] == "I")
    assert len(amap.inferences) > 0 and len(amap.conflicts) > 0
    report = check_map(amap)
    assert set(report.labels) == set(amap.statements)
    assert set(report.summary()) == {"error", "warning", "info"}


def test_xaif_with_ova_positions_integer_ids_and_dialogue(data_dir):
    warnings: list[str] = []
    amap = read_file(data_dir / "aif" / "xaif_ova.json", "aif", warnings)
    assert list(amap.statements) == ["1", "2", "3", "5", "7", "9"]
    assert amap.statements["2"].kind == "evidence" and amap.statements["1"].kind == "claim"
    assert amap.inferences["4"].premises == ("2", "3") and amap.inferences["4"].conclusion == "1"
    assert amap.conflicts["6"].target == "1"
    assert amap.conflicts["8"].target == "4"  # a CA on an RA is an undercut
    assert amap.statements["1"].position == Position(400, 50)
    assert amap.statements["3"].position is None
    assert "rephrased as 9" in amap.statements["1"].note and "rephrases 1" in amap.statements["9"].note
    assert warnings == ["left out 2 dialogue or other non-argument node(s) and their edges: L 1, YA 1"]


def test_dangling_and_broken_nodes_are_repaired_with_warnings(data_dir):
    warnings: list[str] = []
    amap = aif.loads((data_dir / "aif" / "dangling.json").read_text(), "dangling.json", warnings)
    assert list(amap.inferences) == ["r1", "r3"]
    assert amap.inferences["r1"].premises == ("b",)
    assert amap.inferences["r3"].premises == ("b",)  # its conclusion "a" was also a premise
    assert amap.inferences["r3"].note == "scheme: Argument From Consequences"
    assert not amap.conflicts
    text = "\n".join(warnings)
    for expected in ("1 duplicate edge", "RA node 'r2' has no conclusion", "lists its conclusion 'a'",
                     "CA node 'x1' has no target", "CA node 'x2' has no attacker", "name a node that does not exist"):
        assert expected in text


def _rich_map() -> ArgumentMap:
    amap = argument_like(120, seed=7)
    amap.update("s1", anchors=(Anchor(3, 9, "quoted"),), tags=("a", "b c"), note="line one\nline two",
                pinned=True, basis="report", source="A <cited> source")
    amap.move({"s2": Position(12.3456789, -4e5), "s3": Position(0, 0)})
    amap.set_meta(title="Rich", extra={"custom": {"k": [1, 2]}})
    return amap


def test_round_trip_through_a_file_is_identical(tmp_path):
    amap = _rich_map()
    path = tmp_path / "rich.aif"
    write_file(amap, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert {n["type"] for n in doc["nodes"]} == {"I", "RA", "CA"}
    assert all({"nodeID", "text", "type", "timestamp"} <= set(n) for n in doc["nodes"])
    assert all({"edgeID", "fromID", "toID"} <= set(e) for e in doc["edges"])
    assert read_file(path) == amap


@pytest.mark.parametrize("seed", range(4))
def test_round_trip_of_synthetic_maps(seed):
    amap = argument_like(300, seed)
    assert aif.loads(aif.dumps(amap)) == amap


def test_written_json_reads_as_aif_when_sniffed(tmp_path):
    amap = argument_like(20, 3)
    path = tmp_path / "map.json"
    path.write_text(aif.dumps(amap), encoding="utf-8")
    assert read_file(path) == amap


# ---------------------------------------------------------------- property
_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
_coord = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).map(lambda v: round(v, 2))


@st.composite
def maps(draw, _text=_text) -> ArgumentMap:
    """Small random maps; ``_text`` draws every string field."""
    n = draw(st.integers(1, 8))
    ids = [f"s{k}" for k in range(n)]
    statements = [Statement(sid, draw(st.sampled_from(("claim", "evidence", "recommendation"))), draw(_text),
                            basis=draw(_text), source=draw(_text), note=draw(_text),
                            tags=tuple(draw(st.lists(_text, max_size=2))),
                            anchors=tuple(Anchor(a, a + 2, q) for a, q in draw(st.lists(
                                st.tuples(st.integers(0, 99), _text), max_size=2))),
                            position=draw(st.none() | st.builds(Position, _coord, _coord)),
                            pinned=draw(st.booleans())) for sid in ids]
    elements: list = list(statements)
    inferences = []
    for k in range(draw(st.integers(0, 5)) if n > 1 else 0):
        conclusion = draw(st.sampled_from(ids))
        rest = [s for s in ids if s != conclusion]
        premises = draw(st.lists(st.sampled_from(rest), min_size=1, max_size=3, unique=True))
        inferences.append(Inference(f"i{k}", tuple(premises), conclusion, draw(_text)))
    elements += inferences
    targets = ids + [i.id for i in inferences]
    for k in range(draw(st.integers(0, 3)) if n > 1 else 0):
        target = draw(st.sampled_from(targets))
        attackers = draw(st.lists(st.sampled_from([s for s in ids if s != target]), min_size=1, max_size=2,
                                  unique=True))
        elements.append(Conflict(f"c{k}", tuple(attackers), target, draw(_text)))
    amap = ArgumentMap(draw(_text))
    amap.add_all(elements)
    return amap


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_native_to_aif_to_native_is_unchanged(amap):
    text = native.dumps(amap)
    again = aif.loads(aif.dumps(native.loads(text)))
    assert native.dumps(again) == text


# ---------------------------------------------------------------- malformed input
@pytest.mark.parametrize("text, rule", [
    ("", "empty"),
    ("not json at all", "not valid JSON"),
    ('{"nodes": [{"nodeID": 1, "type": "I", "text": "x"}', "not valid JSON"),
    ("[1, 2, 3]", "not AIF"),
    ('{"nodes": {"a": 1}, "edges": []}', "must be an array"),
    ('{"nodes": [42], "edges": []}', "must be an object"),
    ('{"nodes": [{"nodeID": true, "type": "I"}], "edges": []}', "non-empty string or an integer"),
    ('{"nodes": [{"nodeID": "1", "type": 7}], "edges": []}', "type"),
    ('{"nodes": [{"nodeID": "1", "type": "I", "text": ["x"]}], "edges": []}', "must be a string"),
    ('{"nodes": [{"nodeID": 1, "type": "I"}, {"nodeID": "1", "type": "I"}], "edges": []}', "duplicate nodeID"),
    ('{"nodes": [], "edges": [{"fromID": null, "toID": "1"}]}', "fromID"),
    ('{"nodes": [{"nodeID": "1", "type": "I", "argmap": {"kind": "opinion"}}], "edges": []}', "unknown kind"),
    ('{"AIF": [], "OVA": {}}', "AIF"),
    ('{"AIF": {"nodes": []}, "OVA": {"nodes": 3}}', "OVA"),
    ('{"nodes": [{"nodeID": "1", "type": "I", "text": NaN}], "edges": []}', "NaN"),
])
def test_malformed_aif_is_refused_with_a_format_error(text, rule):
    with pytest.raises(FormatError, match=rule) as info:
        aif.loads(text, "bad.json")
    assert str(info.value).startswith("bad.json")


def test_truncated_json_error_has_a_line_and_column():
    with pytest.raises(FormatError) as info:
        aif.loads('{\n "nodes": [\n  {"nodeID": 1,', "cut.json")
    assert info.value.line == 3 and info.value.column is not None


def test_bytes_that_are_not_utf8_are_refused():
    with pytest.raises(FormatError, match="not UTF-8"):
        aif.loads(b'{"nodes": [{"text": "\xff"}]}', "latin.json")
