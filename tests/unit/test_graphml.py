"""GraphML: round trips through NetworkX output, foreign files, refusal of unsafe XML."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_aif import maps

from argmap.formats import graphml, native, read_file, write_file
from argmap.model import Anchor, FormatError, Position
from argmap.model.synth import argument_like

# XML 1.0 cannot hold most control characters, and parsers read "\r" as "\n".
_xml_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn"), include_characters="\t\n"),
                    max_size=30)
GRAPHML_CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "graphml"


def _rich_map():
    amap = argument_like(150, seed=11)
    amap.update("s1", anchors=(Anchor(1, 4, "a&b"),), tags=("x", "<y>"), note='He said "no" & <left>',
                pinned=True, basis="statistic", source="Report, p. 4")
    amap.move({"s2": Position(-12.125, 3.3333333333), "s4": Position(1e6, -1e6)})
    amap.set_meta(title="GraphML & friends", extra={"custom": [1, "two"]})
    return amap


def test_round_trip_through_a_file_is_identical(tmp_path):
    amap = _rich_map()
    path = tmp_path / "rich.graphml"
    write_file(amap, path)
    assert read_file(path) == amap


def test_written_file_is_typed_graphml_that_networkx_reads(tmp_path):
    amap = _rich_map()
    path = tmp_path / "rich.graphml"
    path.write_text(graphml.dumps(amap), encoding="utf-8")
    g = nx.read_graphml(path)
    n_elements = len(amap.statements) + len(amap.inferences) + len(amap.conflicts)
    assert g.number_of_nodes() == n_elements
    assert g.nodes["s1"]["kind"] == amap.statements["s1"].kind
    assert g.nodes["s1"]["text"] == amap.statements["s1"].text
    assert g.nodes["s2"]["x"] == -12.125 and isinstance(g.nodes["s2"]["x"], float)
    assert g.nodes["s1"]["pinned"] is True
    iid = next(iter(amap.inferences))
    assert g.nodes[iid]["element"] == "inference"
    assert g.edges[amap.inferences[iid].premises[0], iid]["relation"] == "premise"


@pytest.mark.parametrize("seed", range(3))
def test_round_trip_of_synthetic_maps(seed):
    amap = argument_like(400, seed)
    assert graphml.loads(graphml.dumps(amap)) == amap


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps(_xml_text))
def test_native_to_graphml_to_native_is_unchanged(amap):
    text = native.dumps(amap)
    assert native.dumps(graphml.loads(graphml.dumps(native.loads(text)))) == text


def test_control_characters_are_replaced_with_a_warning():
    amap = argument_like(3, 0)
    amap.update("s1", text="bell\x07 here")
    warnings: list[str] = []
    back = graphml.loads(graphml.dumps(amap, warnings))
    assert back.statements["s1"].text == "bell\ufffd here"
    assert any("s1" in w and "control characters" in w for w in warnings)


@pytest.mark.parametrize("name, rule", [("billion_laughs.graphml", "DTD or entities"),
                                        ("external_entity.graphml", "DTD or entities")])
def test_entity_bombs_and_external_entities_are_refused(data_dir, name, rule):
    with pytest.raises(FormatError, match=rule):
        read_file(data_dir / "graphml" / name)


def test_plain_graph_with_pro_and_con_edges(data_dir):
    warnings: list[str] = []
    amap = read_file(data_dir / "graphml" / "plain_pro_con.graphml", warnings=warnings)
    assert amap.title == "School uniforms"
    assert amap.statements["a"].text == "Schools should require uniforms."
    assert [(i.premises, i.conclusion) for i in amap.inferences.values()] == [(("b",), "a"), (("e",), "a")]
    assert [(c.attackers, c.target) for c in amap.conflicts.values()] == [(("c",), "a"), (("d",), "c")]
    assert any("1 duplicate edge" in w for w in warnings)
    assert any("read as support" in w for w in warnings)


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["Konsultation", "climate_engineering-20130423", "greatmap"])
def test_argunet_maps_import_with_structure(name):
    path = GRAPHML_CORPUS / "argunet" / f"{name}.graphml"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    text = path.read_text(encoding="utf-8")
    warnings: list[str] = []
    amap = graphml.loads(text, str(path), warnings)
    statements = text.count("<arg:argument ") + text.count("<arg:thesis ")
    assert len(amap) == statements
    assert len(amap.inferences) + len(amap.conflicts) == text.count("<arg:edge ")
    assert len(amap.conflicts) == text.count('type="attack"') + text.count('type="sketchedAttack"')
    assert all(s.position is not None for s in amap.statements.values())
    assert any(s.tags for s in amap.statements.values())  # groups became tags
    assert amap.title


@pytest.mark.corpus
def test_yed_maps_with_aif_node_types_import():
    folder = GRAPHML_CORPUS / "dstl-yed-aif"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    for path in sorted(folder.glob("*.graphml")):
        amap = read_file(path)
        text = path.read_text(encoding="utf-8")
        assert len(amap) == text.count("<![CDATA[I-node]]>"), path.name
    toulmin = read_file(folder / "toulmin-aif.graphml")
    warrant = [i for i in toulmin.inferences.values() if len(i.premises) == 3]
    assert warrant and toulmin.statements[warrant[0].conclusion].text.startswith("A claim")
    assert len(toulmin.conflicts) == 1


@pytest.mark.parametrize("text, rule", [
    ("", "empty"),
    ("<graphml><graph><node id='a'></graph></graphml>", "not well-formed"),
    ("<graphml><graph>", "not well-formed"),
    ("<html><body/></html>", "not GraphML"),
    ("<graphml/>", "no <graph>"),
    ("<graphml><graph><node/></graph></graphml>", "needs an id"),
    ("<graphml><graph><edge source='a'/></graph></graphml>", "source and a target"),
    ("plain words", "not well-formed"),
])
def test_malformed_graphml_is_refused_with_a_format_error(text, rule):
    with pytest.raises(FormatError, match=rule) as info:
        graphml.loads(text, "bad.graphml")
    assert str(info.value).startswith("bad.graphml")


def test_syntax_error_has_line_and_column():
    with pytest.raises(FormatError) as info:
        graphml.loads("<graphml>\n<graph>\n<node id='a'>\n</graph>", "cut.graphml")
    assert info.value.line == 4 and info.value.column is not None


def test_our_encoding_with_a_broken_inference_is_refused():
    amap = argument_like(5, 1)
    text = graphml.dumps(amap).replace(">conclusion<", ">premise<", 1)
    with pytest.raises(FormatError, match="conclusion edge"):
        graphml.loads(text, "broken.graphml")
