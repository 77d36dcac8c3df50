"""The tradecraft checks AM009-AM012 (SPEC §5) on small hand-made maps: findings and plain-word messages."""

from __future__ import annotations

import json

from argmap.analysis import RULES, check_map
from argmap.cli import main
from argmap.formats import native
from argmap.model import ArgumentMap, Conflict, Inference, Source, Statement


def column_map() -> ArgumentMap:
    """The issue's example: a recommendation resting on one newspaper report, read in a column."""
    amap = ArgumentMap("column")
    amap.add_all([
        Source("kaplan", "Kaplan's column", "B"),
        Source("nyt", "The New York Times report", "B", via="kaplan"),
        Statement("r", "recommendation", "Talk to Tehran"),
        Statement("c", "claim", "Iran gains from the war"),
        Statement("e1", "evidence", "Iran arms the militias", cites=("nyt",), credibility=2),
        Statement("e2", "evidence", "Iran's ambassador says so", cites=("nyt",), credibility=3),
        Inference("i1", ("c",), "r"), Inference("i2", ("e1",), "c"), Inference("i3", ("e2",), "c"),
    ])
    return amap


def codes(amap: ArgumentMap) -> list[tuple]:
    return [(d.code, d.target, d.source, d.related) for d in check_map(amap).diagnostics if d.code >= "AM009"]


def test_one_report_read_in_a_column_is_a_single_source_twice():
    assert codes(column_map()) == [("AM009", "r", "kaplan", ("e1", "e2")), ("AM009", "r", "nyt", ("e1", "e2"))]
    message = check_map(column_map()).diagnostics[-1].message
    assert message.startswith("Single source: the recommendation 'Talk to Tehran' (r) rests on "
                              "'The New York Times report' (nyt) alone (reported via 'Kaplan's column' (kaplan))")
    assert "if that source is wrong, the recommendation has no support" in message
    assert message.endswith("Add evidence from a source independent of nyt and kaplan.")


def test_an_independent_second_source_clears_it():
    amap = column_map()
    amap.add(Source("wire", "A wire report", "C"))
    amap.update("e2", cites=("wire",))
    assert codes(amap) == []
    amap.update("e2", cites=("wire", "nyt"))  # cites both: depends on neither, so it stays a ground without nyt
    assert codes(amap) == []
    amap.update("wire", via="nyt")  # ... unless the wire report reached us through the Times
    assert codes(amap) == [("AM009", "r", "kaplan", ("e1", "e2")), ("AM009", "r", "nyt", ("e1", "e2"))]


def test_a_cited_piece_of_evidence_can_still_be_supported_by_an_inference():
    amap = column_map()
    amap.add_all([Statement("e3", "evidence", "Seen by our own staff"), Inference("i4", ("e3",), "e1")])
    amap.update("i3", premises=("e1",))  # c now rests on e1 twice over; e1 itself has support of its own
    assert codes(amap) == []


def test_support_going_round_a_cycle_does_not_hide_a_single_source():
    amap = column_map()
    amap.add_all([Statement("d", "claim", "Also"), Inference("i5", ("d",), "c"), Inference("i6", ("c",), "d")])
    assert [c[:3] for c in codes(amap)] == [("AM009", "r", "kaplan"), ("AM009", "r", "nyt")]


def test_doubtful_grounds_name_the_reason():
    amap = column_map()
    amap.update("e1", credibility=4)
    amap.update("e2", credibility=5)
    found = [d for d in check_map(amap).diagnostics if d.code == "AM010"]
    assert [(d.target, d.related) for d in found] == [("r", ("e1", "e2"))]
    assert "doubtful evidence: 'Iran arms the militias' (e1) and" in found[0].message
    amap.update("e2", credibility=2)
    assert not [d for d in check_map(amap).diagnostics if d.code == "AM010"]
    amap.update("kaplan", reliability="E")
    amap.update("nyt", reliability="D")
    amap.update("e1", credibility=None)
    found = [d for d in check_map(amap).diagnostics if d.code == "AM010"]
    assert [(d.target, d.related) for d in found] == [("r", ("e1", "e2"))]


def test_uncorroborated_evidence_graded_1():
    amap = column_map()
    amap.update("e1", credibility=1)
    found = [d for d in check_map(amap).diagnostics if d.code == "AM011"]
    assert [(d.target, d.related) for d in found] == [("e1", ())]
    assert "all its sources go back to 'Kaplan's column' (kaplan)" in found[0].message
    amap.add(Source("wire", "A wire report", "C"))
    amap.update("e1", cites=("nyt", "wire"))
    assert not [d for d in check_map(amap).diagnostics if d.code == "AM011"]
    amap.update("e1", cites=())
    found = [d for d in check_map(amap).diagnostics if d.code == "AM011"]
    assert "it cites no source" in found[0].message


def test_assumptions_are_grounds_and_are_listed_where_they_carry_a_conclusion():
    amap = ArgumentMap()
    amap.add_all([Statement("r", "recommendation", "Act"), Statement("a", "claim", "Iran wants calm", assumed=True),
                  Statement("b", "claim", "A loose assumption", assumed=True),
                  Statement("o", "claim", "An objection"), Inference("i", ("a",), "r"), Conflict("k", ("o",), "a")])
    report = check_map(amap)
    assert set(report.supported) == {"r", "a", "b"}
    assert [(d.code, d.target, d.related) for d in report.diagnostics if d.code in ("AM003", "AM012")] == [
        ("AM003", "o", ()), ("AM012", "b", ()), ("AM012", "r", ("a",))]
    messages = {d.target: d.message for d in report.diagnostics if d.code == "AM012"}
    assert "is itself a stated assumption and nothing else supports it" in messages["b"]
    assert "holds only if the stated assumption 'Iran wants calm' (a) holds" in messages["r"]
    assert report.labels["a"] == "in"  # the objection is a bare assertion: out, so it fails


def test_evidence_citing_a_source_is_sourced():
    amap = column_map()
    amap.add(Statement("e9", "evidence", "Unsourced"))
    assert [d.target for d in check_map(amap).diagnostics if d.code == "AM005"] == ["e9"]


def test_the_rules_have_summaries_and_fixes():
    for code in ("AM009", "AM010", "AM011", "AM012"):
        rule = RULES[code]
        assert rule.summary.endswith(".") and rule.fix.endswith(".")


def test_check_prints_the_source_of_am009_in_json_and_text(tmp_path, capsys):
    path = tmp_path / "column.argmap"
    path.write_text(native.dumps(column_map()), encoding="utf-8")
    assert main(["check", str(path), "--format", "json", "--fail-on", "never"]) == 0
    record = json.loads(capsys.readouterr().out)
    found = [d for d in record["diagnostics"] if d["code"] == "AM009"]
    assert [d["source"] for d in found] == ["kaplan", "nyt"]
    assert list(found[0]) == ["code", "severity", "target", "source", "related", "message"]
    assert all("source" not in d for d in record["diagnostics"] if d["code"] != "AM009")
    assert main(["check", str(path), "--fail-on", "warning"]) == 1
    text = capsys.readouterr().out
    assert "(2 sources)" not in text and "2 sources)" in text
    assert 'AM009 single-source [r] "Talk to Tehran" (source nyt: "The New York Times report"):' in text


def test_comments_never_change_a_check():
    """SPEC §6: comments are content, but no check reads them."""
    from argmap.model import Comment
    from argmap.model.synth import argument_like, with_tradecraft

    for seed in range(5):
        plain = with_tradecraft(argument_like(80, seed=seed), 6, seed=seed, comments=0.0)
        commented = with_tradecraft(argument_like(80, seed=seed), 6, seed=seed, comments=0.0)
        for eid in [*commented.statements, *commented.inferences, *commented.conflicts, *commented.sources]:
            commented.update(eid, comments=(Comment("a remark", "rev", "2026-12-01", seed % 2 == 0),))
        assert commented != plain
        assert check_map(commented).to_json("m") == check_map(plain).to_json("m")
