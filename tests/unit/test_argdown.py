"""Argdown reader and writer: one test per construct, errors, round trips (files in tests/data/argdown)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.formats import argdown, native, read_file, write_file
from argmap.model import Anchor, ArgumentMap, Conflict, FormatError, Inference, Position, SourceInfo, Statement
from argmap.model.synth import argument_like


def load(text: str, warnings: list[str] | None = None) -> ArgumentMap:
    return argdown.loads(text, "t.argdown", warnings if warnings is not None else [])


def edges(amap: ArgumentMap) -> tuple[set, set]:
    sup = {(i.premises, i.conclusion) for i in amap.inferences.values()}
    att = {(c.attackers, c.target) for c in amap.conflicts.values()}
    return sup, att


# ---------------------------------------------------------------- constructs
def test_constructs_file(data_dir):
    warnings: list[str] = []
    amap = read_file(data_dir / "argdown" / "constructs.argdown", warnings=warnings)
    assert len(warnings) == 1 and warnings[0].startswith("line 26:") and "<Safety>" in warnings[0]
    assert amap.title == "Constructs of the subset"
    s = amap.statements
    assert s["Nuclear"].kind == "recommendation" and s["Study"].kind == "evidence" and s["Cheap"].kind == "claim"
    assert s["Cheap"].text == "Nuclear power is cheap over its lifetime."  # lines joined
    assert s["Cheap"].tags == ("cost argument", "Energy policy")  # bracketed tag, heading kept as a tag
    assert (s["Study"].source, s["Study"].note) == ("IEA 2020", "see p. 12")
    assert s["Risk"].text == "Accidents are possible."  # unreconstructed argument -> claim
    sup, att = edges(amap)
    assert (("Cheap",), "Nuclear") in sup and (("Study",), "Cheap") in sup
    assert (("Nuclear",), "Grid") in sup  # +> outgoing support
    assert (("Waste",), "Cheap") in att and (("Risk",), "Nuclear") in att
    assert (("Design", "Built"), "Safe") in sup  # intermediate conclusion
    assert (("Safe", "Enough"), "Nuclear") in sup  # chained into the main conclusion
    assert amap.inferences["Safety"].conclusion == "Nuclear"
    assert (("Safe",), "Risk") in att  # relation below a pcs statement
    assert (("Other",), "Safety") in att  # undercut below the inference line
    assert (("Safe",), "Unsafe") in att and (("Unsafe",), "Safe") in att  # contradiction


def test_strict_mode_contrary_is_mutual_and_entailment_is_support(data_dir):
    amap = read_file(data_dir / "argdown" / "strict.argdown")
    sup, att = edges(amap)
    assert sup == {(("C",), "A")}
    assert att == {(("B",), "A"), (("A",), "B")}


def test_loose_mode_attack_is_one_way():
    _, att = edges(load("[A]: a\n  - [B]: b\n"))
    assert att == {(("B",), "A")}


def test_unsupported_constructs_are_warned_with_lines(data_dir):
    warnings: list[str] = []
    read_file(data_dir / "argdown" / "unsupported.argdown", warnings=warnings)
    assert any(w.startswith("line 1:") and "@include" in w for w in warnings)
    assert any(w.startswith("line 3:") and "image" in w for w in warnings)
    assert any(w.startswith("line 3:") and "'color'" in w for w in warnings)


def test_untitled_statements_and_references():
    amap = load("First claim\n  + Reason one\n\n[T]\n\n[T]: Defined later.\n")
    assert list(amap.statements) == ["Untitled-1", "Untitled-2", "T"]
    assert amap.statements["T"].text == "Defined later."


def test_titles_become_unique_slugs():
    amap = load("[A b]: one\n\n[A-b]: two\n")
    assert list(amap.statements) == ["A-b", "A-b-2"]


def test_comments_are_ignored():
    amap = load("[A]: a // not this\n  + [B]: b /* nor\nthis */\n<!-- nor this -->\n  - [C]: c\n")
    assert amap.statements["A"].text == "a"
    assert edges(amap)[1] == {(("C",), "A")}


def test_escapes_and_markup():
    amap = load("[A]: 1 \\< 3, \\[x\\] and **bold** _it_ \\#no-tag [link](http://x.org)\n")
    assert amap.statements["A"].text == "1 < 3, [x] and bold it #no-tag link (http://x.org)"
    assert amap.statements["A"].tags == ()


def test_block_yaml_data():
    amap = load("[A]: a {\nnote: hello\nposition: {x: 1, y: 2}\n}\n")
    assert amap.statements["A"].note == "hello"
    assert amap.statements["A"].position == Position(1.0, 2.0)


def test_argument_relations_attach_to_main_conclusion():
    text = "<Arg>\n\n(1) p\n----\n(2) [C]: c\n\n[X]: x\n  <+ <Arg>\n  <- [Y]: y\n\n<Arg>\n  <_ [U]: u\n"
    amap = load(text)
    sup, att = edges(amap)
    assert (("C",), "X") in sup
    assert (("U",), "Arg") in att  # undercut of the argument = conflict on its main inference


# ---------------------------------------------------------------- errors
@pytest.mark.parametrize("text, line, words", [
    ("  + [A]: a\n", 1, "may not start with a relation"),
    ("[A]: a\n(1) b\n----\n(2) c\n", 2, "preceded by an empty line"),
    ("(1) a\n(2) b\n", 1, "incomplete premise-conclusion"),
    ("(1) a\n-- rule\n(2) b\n", 2, "end it with two hyphens"),
    ("Text <Title>: more\n", 1, "argument definition"),
    ("<a> body text\n", 1, "after the reference"),
    ("[A]: a\n  - b\n - c\n", 3, "indent the relation"),
    ("Test *** Test\n", 1, "incomplete bold"),
    ("[A]: a {x: 1\n", 1, "unclosed data"),
    ("[A]: a {x: 1} trailing\n", 1, "data must end"),
])
def test_syntax_errors_name_line_and_expectation(text, line, words):
    with pytest.raises(FormatError) as info:
        load(text)
    assert info.value.line == line
    assert words in str(info.value)
    assert str(info.value).startswith(f"t.argdown:{line}")


# ---------------------------------------------------------------- writing
def rich_map() -> ArgumentMap:
    amap = ArgumentMap("A {tricky} title // with === signs", SourceInfo(title="Src", url="http://x.org/a?b=c"),
                       {"custom": [1, {"k": "v"}]})
    amap.add_all([
        Statement("s1", "recommendation", "Do *this* [now] <please> #not-a-tag @x // y", note="n\nline",
                  tags=("t 1", "plain")),
        Statement("S 2", "evidence", "  spaced\ttext  ", basis="report", source="doc",
                  anchors=(Anchor(1, 4, "abc"),), position=Position(1.5, -2), pinned=True),
        Statement("s3", "claim", "", tags=("evidence", "dup", "dup")),
        Statement("s4", "claim", "Objection."),
        Inference("i1", ("S 2",), "s1", note="why"),
        Inference("link", ("s3", "s4"), "s1"),
        Conflict("c1", ("s4", "s3"), "S 2", note="joint"),
        Conflict("c2", ("s4",), "i1"),
        Conflict("c3", ("s1",), "s4"),
        Conflict("c4", ("s4",), "s1"),
    ])
    return amap


def test_rich_map_round_trips_and_warns_about_joint_attack():
    amap = rich_map()
    warnings: list[str] = []
    text = argdown.dumps(amap, warnings)
    assert any("'c1'" in w and "joint" in w for w in warnings)
    assert load(text) == amap


def test_write_file_and_read_file(tmp_path):
    amap = rich_map()
    path = tmp_path / "m.argdown"
    write_file(amap, path)
    assert read_file(path) == amap


@pytest.mark.parametrize("n, seed", [(1, 0), (12, 1), (150, 2), (600, 3)])
def test_synthetic_maps_round_trip(n, seed):
    amap = argument_like(n, seed=seed)
    warnings: list[str] = []
    again = load(argdown.dumps(amap), warnings)
    assert again == amap
    assert warnings == []


def test_bundled_map_round_trips(data_dir):
    bundled = sorted((data_dir.parent.parent / "resources").rglob("*.argmap"))
    if not bundled:
        pytest.skip("no bundled .argmap map in resources/ yet")
    for path in bundled:
        amap = read_file(path)
        assert load(argdown.dumps(amap)) == amap, path.name


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@st.composite
def random_maps(draw) -> ArgumentMap:
    amap = argument_like(draw(st.integers(1, 25)), seed=draw(st.integers(0, 10_000)))
    for sid in list(amap.statements):
        if draw(st.booleans()):
            amap.update(sid, text=draw(_text), note=draw(_text), tags=tuple(draw(st.lists(_text, max_size=3))),
                        position=Position(draw(st.floats(-1e6, 1e6)), draw(st.floats(-1e6, 1e6))))
    amap.set_meta(title=draw(_text))
    return amap


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_maps())
def test_native_argdown_native_property(amap):
    start = native.loads(native.dumps(amap))
    again = native.loads(native.dumps(load(argdown.dumps(start))))
    assert native.dumps(again) == native.dumps(start)
