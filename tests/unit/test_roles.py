"""Roles of claims from the structure (SPEC §1): objection, rebuttal, undercut, reason, co-premise, conclusion."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.roles import ROLES, relation_counts, statement_roles
from argmap.formats import outline, read_file
from argmap.model import ArgumentMap, Conflict, Inference, Statement
from argmap.model.synth import argument_like
from argmap.render.geometry import build_drawing
from argmap.render.measure import header_text
from argmap.render.theme import theme_named
from argmap.resources_path import example_map


def _map() -> ArgumentMap:
    amap = ArgumentMap("roles")
    amap.add_all([
        Statement("t", "claim", "Thesis"),
        Statement("r", "recommendation", "Act"),
        Statement("a", "claim", "Single reason"),
        Statement("b", "claim", "Linked one"),
        Statement("c", "claim", "Linked two"),
        Statement("e", "evidence", "A report"),
        Statement("o", "claim", "Objection to the thesis"),
        Statement("x", "claim", "Rebuts the objection"),
        Statement("y", "claim", "Rebuts the rebuttal"),
        Statement("u", "claim", "Undercuts the link"),
        Statement("eo", "evidence", "Evidence against the recommendation"),
        Statement("lone", "claim", "Nothing links this"),
        Inference("i1", ("a",), "t"),
        Inference("i2", ("b", "c"), "r"),
        Inference("i3", ("e",), "a"),
        Conflict("k1", ("o",), "t"),
        Conflict("k2", ("x",), "o"),
        Conflict("k3", ("y",), "x"),
        Conflict("k4", ("u",), "i1"),
        Conflict("k5", ("eo",), "r"),
    ])
    return amap


def test_each_rule_gives_its_role():
    roles = statement_roles(_map())
    assert roles == {"t": "conclusion", "r": None, "a": "reason", "b": "co-premise", "c": "co-premise",
                     "e": None, "o": "objection", "x": "rebuttal", "y": "rebuttal", "u": "undercut",
                     "eo": None, "lone": None}


def test_an_attacker_is_an_objection_before_it_is_a_reason():
    amap = _map()
    amap.add(Inference("i9", ("o",), "r"))  # the objection also supports the recommendation
    assert statement_roles(amap)["o"] == "objection"
    amap.add(Inference("i10", ("a",), "r"))  # a reason of its own somewhere wins over linked elsewhere
    amap.add(Inference("i11", ("a", "lone"), "t"))
    assert statement_roles(amap)["a"] == "reason"


def test_relation_counts_count_undercuts_against_the_conclusion():
    counts = relation_counts(_map())
    assert counts["t"] == {"supported_by": 1, "attacked_by": 2, "supports": 0, "attacks": 0}  # o, and u on i1
    assert counts["r"]["supported_by"] == 1 and counts["r"]["attacked_by"] == 1
    assert counts["u"]["attacks"] == 1 and counts["b"]["supports"] == 1


def test_the_bundled_map_names_its_objections_and_keeps_its_kinds():
    amap = read_file(example_map())
    roles = statement_roles(amap)
    attackers = {a for c in amap.conflicts.values() for a in c.attackers}
    for sid in attackers:
        if amap.statements[sid].kind == "claim":
            assert roles[sid] in ("objection", "rebuttal", "undercut"), sid
    assert any(r == "rebuttal" for r in roles.values()) and any(r == "undercut" for r in roles.values())
    assert read_file(example_map()) == amap  # nothing in the map changes


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 120), st.integers(0, 10_000))
def test_roles_only_for_claims_and_from_the_list(n, seed):
    amap = argument_like(n, seed)
    roles = statement_roles(amap)
    assert list(roles) == list(amap.statements)
    for sid, role in roles.items():
        assert role is None or role in ROLES
        if amap.statements[sid].kind != "claim":
            assert role is None


def test_headers_exports_and_outline_show_the_role(qapp):
    amap = _map()
    assert header_text(amap.statements["o"], "objection") == "OBJECTION"
    assert header_text(amap.statements["e"], None) == "EVIDENCE"
    assert header_text(amap.statements["r"], "objection") == "RECOMMENDATION"  # only claims take a role
    drawing = build_drawing(amap, theme_named("light"))
    assert drawing.boxes["x"].role == "rebuttal" and drawing.boxes["e"].role is None
    text = outline.dumps_markdown(amap)
    assert "  - rebuttal: Rebuts the objection (rebuttal, out · x)" in text.splitlines()
    assert "  - Linked one (co-premise, out · b)" in text.splitlines()
    assert "## Conclusion: Thesis" in text
    page = outline.dumps_html(amap)
    assert "[undercut]" in page and "[co-premise]" in page
