"""DOT export: valid Graphviz that pygraphviz parses, with the right nodes and escaped labels."""

from __future__ import annotations

import pygraphviz
import pytest

from argmap.formats import dot, read_file, write_file
from argmap.model import ArgumentMap, Conflict, Inference, Statement
from argmap.model.synth import argument_like


def _expected_nodes(amap: ArgumentMap) -> int:
    undercut = {c.target for c in amap.conflicts.values()}
    junctions = sum(1 for i in amap.inferences.values() if len(i.premises) > 1 or i.id in undercut)
    linked_attacks = sum(1 for c in amap.conflicts.values() if len(c.attackers) > 1)
    return len(amap.statements) + junctions + linked_attacks


@pytest.mark.parametrize("n, seed", [(5, 0), (60, 1), (400, 2)])
def test_pygraphviz_parses_the_output_with_the_right_node_count(n, seed, tmp_path):
    amap = argument_like(n, seed)
    path = tmp_path / "map.dot"
    write_file(amap, path)
    graph = pygraphviz.AGraph(string=path.read_text(encoding="utf-8"))
    assert len(graph.nodes()) == _expected_nodes(amap)
    assert graph.is_directed()
    dashed = [e for e in graph.edges() if e.attr.get("style") == "dashed"]
    assert len(dashed) >= len(amap.conflicts)


def test_awkward_text_survives_escaping(cases_dir):
    text = 'He said "stop" \\ then {left} -> <b>x</b>; graph [label=1]\nsecond line'
    amap = ArgumentMap('Title with "quotes"')
    amap.add_all([Statement("a b", "claim", text), Statement('q"1', "evidence", "plain"),
                  Statement("c", "claim", "objection"),
                  Inference("i1", ('q"1', "c"), "a b"), Conflict("k1", ("c",), "i1")])
    graph = pygraphviz.AGraph(string=dot.dumps(amap))
    assert set(graph.nodes()) == {"a b", 'q"1', "c", "i1"}
    label = graph.get_node("a b").attr["label"]
    assert '"stop"' in label and "<b>x</b>" in label and "{left}" in label
    assert graph.get_node("i1").attr["shape"] == "point"
    assert graph.get_edge("c", "i1").attr["style"] == "dashed"
    assert read_file(cases_dir / "undercut.argmap")  # the case maps are there too
    assert len(pygraphviz.AGraph(string=dot.dumps(read_file(cases_dir / "undercut.argmap"))).nodes()) == 6


def test_dot_cannot_be_read_back(tmp_path):
    from argmap.model import FormatError

    path = tmp_path / "map.dot"
    write_file(argument_like(3, 0), path)
    with pytest.raises(FormatError, match="can be written but not read"):
        read_file(path)
