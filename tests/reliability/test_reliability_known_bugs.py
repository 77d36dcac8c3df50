"""Minimal reproducers of what the fuzzer and the hostile-input tests found, one per bug.

A reproducer of a bug not fixed yet is marked ``xfail(strict=True)`` with the
file that owns the fix: when the owner fixes it the test passes, strict xfail
turns that into a failure, and the owner removes the marker (and the matching
``KNOWN`` entry in ``test_reliability_fuzz.py``). All the bugs below are fixed,
so each test now guards against its return.
"""

from __future__ import annotations

import pytest
from reliability_helpers import HANG_SECONDS, harness, loads_of

from argmap.limits import LIMITS
from argmap.model import FormatError

_NATIVE_ONE = '{"format": "argmap", "version": 1, "statements": [%s]}'


def _outcome(fmt: str, data, hang_seconds: float = HANG_SECONDS):
    loads_of(fmt)
    return harness.run_one(fmt, data, name=f"repro{harness.EXTENSION[fmt]}", hang_seconds=hang_seconds)


def test_graphml_lone_surrogate_is_a_format_error():
    outcome = _outcome("graphml", '<graphml><graph><node id="a\ud800"/></graph></graphml>')
    assert outcome.kind == "error", outcome.detail


def test_graphml_unknown_xml_encoding_is_a_format_error():
    outcome = _outcome("graphml", '<?xml version="1.0" encoding="UTF-9"?><graphml/>')
    assert outcome.kind == "error", outcome.detail
    assert outcome.detail.startswith("repro.graphml:1")


def test_native_huge_integer_position_is_a_format_error():
    row = '{"id": "a", "kind": "claim", "text": "t", "position": {"x": 1%s, "y": 0}}' % ("0" * 400)
    outcome = _outcome("argmap", _NATIVE_ONE % row)
    assert outcome.kind == "error", outcome.detail


@pytest.mark.parametrize("odd", ["\u2028", "\x85"])
def test_native_message_is_one_line(odd):
    row = '{"id": "a", "kind": "clai' + odd + 'm", "text": "t"}'
    with pytest.raises(FormatError) as err:
        loads_of("argmap")(_NATIVE_ONE % row, name="repro.argmap")
    assert len(str(err.value).splitlines()) == 1, repr(str(err.value))


def test_aif_warning_is_one_line():
    doc = ('{"nodes": [{"nodeID": "1", "text": "a", "type": "I"}, {"nodeID": "2", "text": "x", '
           '"type": "YA\\nnext line"}], "edges": []}')
    warnings: list[str] = []
    loads_of("aif")(doc, name="repro.json", warnings=warnings)
    assert warnings and all(len(w.splitlines()) == 1 for w in warnings), warnings


def test_argdown_unclosed_braces_do_not_hang():
    outcome = _outcome("argdown", "[a]: text " + "{" * 20_000 + "\n", hang_seconds=5)  # a linear scan takes ms
    assert outcome.kind in ("map", "error"), outcome.detail


def test_argdown_enforces_max_text_chars(monkeypatch):
    monkeypatch.setattr(LIMITS, "max_text_chars", 50)
    with pytest.raises(FormatError, match="ARGMAP_MAX_TEXT_CHARS"):
        loads_of("argdown")("[a]: " + "x" * 51 + "\n", name="repro.argdown")


def test_argdown_enforces_max_statements(monkeypatch):
    monkeypatch.setattr(LIMITS, "max_statements", 10)
    with pytest.raises(FormatError, match="ARGMAP_MAX_STATEMENTS"):
        loads_of("argdown")("".join(f"[s{k}]: text {k}\n\n" for k in range(11)), name="repro.argdown")


def test_argdown_enforces_max_premises(monkeypatch):
    monkeypatch.setattr(LIMITS, "max_premises", 3)
    pcs = "<A>\n\n" + "".join(f"({k}) premise {k}\n" for k in range(1, 5)) + "----\n(5) conclusion\n"
    with pytest.raises(FormatError, match="ARGMAP_MAX_PREMISES"):
        loads_of("argdown")(pcs, name="repro.argdown")


def test_dot_export_of_nul_text_is_valid_dot():
    pygraphviz = pytest.importorskip("pygraphviz")
    from argmap.formats import dot
    from argmap.model import ArgumentMap, Statement

    amap = ArgumentMap()
    amap.add(Statement("s1", "claim", "before\x00after"))
    graph = pygraphviz.AGraph(string=dot.dumps(amap))
    assert graph.has_node("s1")


def test_aif_huge_integer_ova_position_is_a_format_error_or_ignored():
    doc = ('{"AIF": {"nodes": [{"nodeID": "1", "text": "a", "type": "I"}], "edges": []}, '
           '"OVA": {"nodes": [{"nodeID": "1", "x": 1%s, "y": 0}]}}' % ("0" * 400))
    outcome = _outcome("aif", doc)
    assert outcome.kind in ("map", "error"), outcome.detail


def test_argdown_unclosed_emphasis_does_not_hang():
    outcome = _outcome("argdown", "[a]: " + "_a " * 30_000 + "\n", hang_seconds=5)  # a linear scan takes ms
    assert outcome.kind in ("map", "error"), outcome.detail


_MEGABYTE_SHAPES = {
    "supporters": "[a]: t\n" + "".join(f"  + [b{i}]: t\n" for i in range(60_000)),
    "attackers": "[a]: t\n" + "".join(f"  - [b{i}]: t\n" for i in range(60_000)),
    "untitled": "Some text.\n\n" * 80_000,
}


@pytest.mark.parametrize("shape", sorted(_MEGABYTE_SHAPES))
def test_argdown_megabyte_of_relations_is_not_quadratic(shape):
    # Each new relation was compared with every earlier one (210 s for 60,000 supporters).
    # Only the 30 s alarm judges here: "slow" (over the harness's 2 s mark on a busy machine)
    # still reads the file; a return of the quadratic scan would be a hang.
    outcome = _outcome("argdown", _MEGABYTE_SHAPES[shape][:1_000_000], hang_seconds=30)
    read = outcome.kind == "map" or (outcome.kind == "slow" and "(map:" in outcome.detail)
    assert read, f"{shape}: {outcome.kind}: {outcome.detail}"
