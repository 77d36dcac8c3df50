"""Each check of SPEC §3 on small hand-made maps, and the edge cases around it."""

from __future__ import annotations

import json

import pytest

from argmap.analysis import RULES, SEVERITIES, Diagnostic, check_map, explain_unsupported
from argmap.formats import read_file, write_file
from argmap.model import Anchor, ArgumentMap, Conflict, Inference, Statement


def make(statements: str, inferences=(), conflicts=(), sourced: bool = True) -> ArgumentMap:
    """``statements`` like "R:rec C:claim E:ev"; inferences ("P1 P2 > C", ...); conflicts ("A B ! T", ...)."""
    kinds = {"rec": "recommendation", "claim": "claim", "ev": "evidence"}
    elements = []
    for token in statements.split():
        sid, kind = token.split(":")
        elements.append(Statement(sid, kinds[kind], f"Text of {sid}", source="src" if sourced else ""))
    for n, spec in enumerate(inferences, 1):
        premises, conclusion = spec.split(">")
        elements.append(Inference(f"i{n}", tuple(premises.split()), conclusion.strip()))
    for n, spec in enumerate(conflicts, 1):
        attackers, target = spec.split("!")
        elements.append(Conflict(f"c{n}", tuple(attackers.split()), target.strip()))
    amap = ArgumentMap("test")
    amap.add_all(elements)
    return amap


def found(report, code: str) -> list[tuple[str, list[str]]]:
    return [(d.target, sorted(d.related)) for d in report.diagnostics if d.code == code]


def test_empty_map_has_no_findings():
    report = check_map(ArgumentMap())
    assert report.supported == () and report.labels == {} and report.diagnostics == []
    assert report.summary() == {"error": 0, "warning": 0, "info": 0}


def test_single_claim_is_unsupported_but_not_disconnected():
    report = check_map(make("C:claim"))
    assert found(report, "AM001") == [("C", [])]
    assert found(report, "AM006") == []  # a map of one statement
    assert report.labels == {"C": "out"}


def test_single_evidence_is_in_and_supported():
    report = check_map(make("E:ev"))
    assert report.supported == ("E",) and report.labels == {"E": "in"} and report.diagnostics == []


def test_am001_for_concluded_claim_and_recommendation_but_am003_for_bare_premise():
    report = check_map(make("R:rec C:claim P:claim", ["P > C", "C > R"]))
    assert found(report, "AM001") == [("C", []), ("R", [])]
    assert found(report, "AM003") == [("P", [])]
    message = report.for_target("R")[0].message
    assert "(P)" in message and "(R)" in message and "evidence" in message


def test_recommendation_used_as_premise_without_support_is_am001_not_am003():
    report = check_map(make("R:rec C:claim E:ev", ["R E > C"]))
    assert ("R", []) in found(report, "AM001")
    assert found(report, "AM003") == []


def test_bare_attacker_is_am003():
    report = check_map(make("C:claim E:ev O:claim", ["E > C"], ["O ! C"]))
    assert found(report, "AM003") == [("O", [])]
    assert report.labels["O"] == "out" and report.labels["C"] == "in"


def test_linked_premises_need_all_premises():
    amap = make("R:rec P1:claim P2:claim E:ev", ["P1 P2 > R", "E > P1"])
    report = check_map(amap)
    assert set(report.supported) == {"P1", "E"}
    assert report.labels["R"] == "out"
    assert explain_unsupported(amap, "R") == [["R", "P2"]]
    assert explain_unsupported(amap, "P1") == []


def test_linked_premise_out_breaks_the_inference():
    report = check_map(make("R:rec P1:claim P2:claim E1:ev E2:ev O:claim E3:ev",
                            ["P1 P2 > R", "E1 > P1", "E2 > P2", "E3 > O"], ["O ! P2"]))
    assert report.labels["P2"] == "out" and report.labels["R"] == "out" and report.labels["P1"] == "in"
    assert "R" in report.supported  # attacks never change S
    assert found(report, "AM004") == [("P2", ["O"])]


def test_undercut_on_inference():
    report = check_map(make("R:rec E:ev U:claim F:ev", ["E > R", "F > U"], ["U ! i1"]))
    assert report.labels == {"R": "out", "E": "in", "U": "in", "F": "in"}
    assert found(report, "AM004") == [("R", ["U"])]
    assert "i1" in report.for_target("R")[0].message


def test_failed_undercut_lets_the_inference_hold():
    report = check_map(make("R:rec E:ev U:claim F:ev V:claim G:ev",
                            ["E > R", "F > U", "G > V"], ["U ! i1", "V ! U"]))
    assert report.labels["U"] == "out" and report.labels["R"] == "in"
    assert found(report, "AM004") == []  # U is a defeated objection: no finding


def test_attacker_undecided_leaves_target_undecided():
    report = check_map(make("A:claim B:claim C:claim E:ev", ["A > B", "B > A", "E > C"], ["A ! C"]))
    assert report.labels == {"A": "undecided", "B": "undecided", "C": "undecided", "E": "in"}
    assert found(report, "AM007") == [("A", []), ("B", []), ("C", [])]


def test_joint_attack_stands_only_when_all_attackers_in():
    amap = make("C:claim E:ev A1:ev A2:claim", ["E > C"], ["A1 A2 ! C"])
    report = check_map(amap)
    assert report.labels["A2"] == "out" and report.labels["C"] == "in"


def test_attacked_evidence_goes_out():
    report = check_map(make("R:rec E:ev O:claim F:ev", ["E > R", "F > O"], ["O ! E"]))
    assert report.labels["E"] == "out" and report.labels["R"] == "out"
    assert found(report, "AM004") == [("E", ["O"])]
    assert "R" in report.supported and "E" in report.supported


def test_mutual_attack_between_evidence_is_undecided():
    report = check_map(make("A:ev B:ev", [], ["A ! B", "B ! A"]))
    assert report.labels == {"A": "undecided", "B": "undecided"}


def test_several_cycles_give_one_finding_per_component():
    amap = make("A:claim B:claim C:claim D:claim F:claim E:ev",
                ["A > B", "B > C", "C > A", "D > F", "F > D", "C > D", "E > A"])
    report = check_map(amap)
    assert found(report, "AM002") == [("A", ["B", "C"]), ("D", ["F"])]
    assert set(report.supported) == {"A", "B", "C", "D", "F", "E"}


def test_cycle_without_evidence_is_not_supported():
    report = check_map(make("A:claim B:claim", ["A > B", "B > A"]))
    assert report.supported == ()
    assert found(report, "AM002") == [("A", ["B"])]
    assert "circle" in report.for_target("A")[0].message


def test_am005_unsourced_evidence_unless_anchor_or_source():
    amap = make("E:ev F:ev G:ev R:rec", ["E F G > R"], sourced=False)
    amap.update("F", source="  Report by X  ")
    amap.update("G", anchors=(Anchor(0, 4, "Iran"),))
    report = check_map(amap)
    assert found(report, "AM005") == [("E", [])]


def test_am006_disconnected_counts_conflict_targets_as_connected():
    report = check_map(make("A:ev B:ev C:ev", [], ["A ! B"]))
    assert found(report, "AM006") == [("C", [])]


def test_am008_convergent_reasons_remove_single_points():
    single = check_map(make("R:rec C:claim E:ev", ["C > R", "E > C"]))
    assert found(single, "AM008") == [("C", ["R"]), ("E", ["R"])]
    convergent = check_map(make("R:rec C:claim E:ev F:ev", ["C > R", "E > C", "F > R"]))
    assert found(convergent, "AM008") == []


def test_am008_shared_premise_under_two_convergent_reasons_is_critical():
    report = check_map(make("R:rec A:claim B:claim E:ev", ["A > R", "B > R", "E > A", "E > B"]))
    assert found(report, "AM008") == [("E", ["R"])]


def test_am008_linked_premises_are_all_critical():
    report = check_map(make("R:rec E1:ev E2:ev", ["E1 E2 > R"]))
    assert found(report, "AM008") == [("E1", ["R"]), ("E2", ["R"])]
    assert "(R)" in report.diagnostics[0].message and "(E1)" in report.diagnostics[0].message


def test_am008_ignores_attacks_and_unsupported_recommendations():
    report = check_map(make("R:rec Q:rec E:ev C:claim", ["E > R", "C > Q"], ["C ! R"]))
    assert found(report, "AM008") == [("E", ["R"])]


def test_order_for_target_and_touching():
    amap = make("R:rec C:claim E:ev X:claim", ["C > R", "E > C"])
    report = check_map(amap)
    assert [d.code for d in report.diagnostics] == ["AM001", "AM006", "AM008", "AM008"]
    assert [d.code for d in report.for_target("X")] == ["AM001", "AM006"]
    assert [d.target for d in report.touching("R")] == ["C", "E"]
    assert report.for_target("nothing") == []


def test_report_json_round_trips_through_a_file(tmp_path):
    amap = make("R:rec C:claim P:claim", ["P > C", "C > R"])
    path = tmp_path / "m.argmap"
    write_file(amap, path)
    report = check_map(read_file(path))
    doc = json.loads(json.dumps(report.to_json("m.argmap")))
    assert doc["file"] == "m.argmap"
    assert doc["summary"] == {"error": 2, "warning": 1, "info": 0}
    assert doc["labels"] == {"R": "out", "C": "out", "P": "out"}
    assert [d["code"] for d in doc["diagnostics"]] == ["AM001", "AM001", "AM003"]
    assert set(doc["diagnostics"][0]) == {"code", "severity", "target", "related", "message"}


def test_lazy_messages_describe_the_map_as_checked():
    amap = make("R:rec C:claim", ["C > R"])
    report = check_map(amap)
    amap.remove(["C"])
    assert "Text of C" in report.for_target("C")[0].message


def test_diagnostics_compare_by_value():
    d = check_map(make("C:claim")).diagnostics[0]
    assert d == Diagnostic(d.code, d.severity, d.name, d.target, d.related, d.message)
    assert len({d, Diagnostic(*d.key())}) == 1


def test_rules_catalogue():
    assert SEVERITIES == ("error", "warning", "info")
    assert [r.code for r in RULES.values()] == [f"AM{k:03}" for k in range(1, 13)]
    assert [RULES[f"AM{k:03}"].severity for k in range(9, 13)] == ["warning", "warning", "warning", "info"]
    assert all(r.severity in SEVERITIES and r.name and r.summary and r.fix for r in RULES.values())


def test_long_text_is_shortened_in_messages():
    amap = ArgumentMap()
    amap.add(Statement("s1", "claim", "Washington should talk to Tehran " * 10))
    message = check_map(amap).diagnostics[0].message
    assert "…' (s1)" in message and len(message) < 250


def _shorten_reference(text: str, width: int = 60) -> str:
    """SPEC-level statement of shortening: collapse white space, cut at a word, add an ellipsis."""
    flat = " ".join(text[: width * 2].split())
    if len(flat) <= width and len(text) <= width * 2:
        return flat
    cut = flat[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def test_shortening_takes_shortcuts_without_changing_a_name():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from argmap.analysis.messages import shorten

    alphabet = st.sampled_from(["a", "b", "é", "وا", " ", "  ", "\n", "\t", "\u00a0", "\u3000", ",", ".", "\x1f"])
    texts = st.lists(alphabet, max_size=160).map("".join)

    @settings(max_examples=1500, deadline=None)
    @given(texts)
    def same(text):
        assert shorten(text) == _shorten_reference(text)

    same()
    assert shorten("  Iran  backs\nboth sides  ") == "Iran backs both sides"


@pytest.mark.parametrize("n", [200, 2000])
def test_synthetic_maps_check_consistently(n):
    from argmap.model.synth import argument_like

    amap = argument_like(n, seed=n)
    report = check_map(amap)
    assert check_map(amap.copy()).to_json("x") == report.to_json("x")
    assert set(report.labels) == set(amap.statements)
    supported = set(report.supported)
    assert all(s.id in supported for s in amap.statements.values() if s.kind == "evidence")
    for d in report.diagnostics:
        if d.code == "AM008":
            assert d.related[0] in supported and d.target in supported
