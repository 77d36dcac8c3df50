"""Explain works for every finding: why it was raised on this map, in plain words, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from argmap.analysis import check_map, explain
from argmap.analysis.explain import EXPLAINERS
from argmap.analysis.rules import RULES
from argmap.formats import read_file
from argmap.model import ArgumentMap, Conflict, Inference, Source, Statement
from argmap.model.synth import argument_like
from argmap.resources_path import example_map


def _map() -> ArgumentMap:
    amap = ArgumentMap("every finding")
    amap.add_all([
        Statement("r", "recommendation", "Open talks"),
        Statement("a", "claim", "Iran holds the cards"),
        Statement("e", "evidence", "Iran's ambassador backed the offensive"),
        Statement("x", "claim", "X because of Y"), Statement("y", "claim", "Y because of X"),
        Statement("t", "claim", "Talks would reward Iran"),
        Statement("u", "claim", "Iran arms the militias"),
        Statement("p", "claim", "P attacks Q"), Statement("q", "claim", "Q attacks P"),
        Statement("ep", "evidence", "A report for P", source="Report 1"),
        Statement("eq", "evidence", "A report for Q", source="Report 2"),
        Statement("lone", "claim", "Nothing links this"),
        Statement("c", "claim", "A conclusion on a bare claim"), Statement("b", "claim", "A bare claim"),
        Inference("i1", ("a",), "r"), Inference("i2", ("e",), "a"),
        Inference("i3", ("x",), "y"), Inference("i4", ("y",), "x"), Inference("i5", ("x",), "r"),
        Inference("i6", ("b",), "c"), Inference("i7", ("ep",), "p"), Inference("i8", ("eq",), "q"),
        Conflict("k1", ("e",), "t"),
        Conflict("k2", ("p",), "q"), Conflict("k3", ("q",), "p"), Conflict("k4", ("p",), "u"),
        # tradecraft (SPEC §5): one report read in a column, a doubtful grade, a lone "confirmed", an assumption
        Source("col", "A column", "B"), Source("nyt", "A newspaper report", "B", via="col"),
        Statement("r2", "recommendation", "Hold talks soon"),
        Statement("w", "evidence", "A wire story", cites=("nyt",), credibility=4),
        Statement("as", "claim", "Tehran wants calm", assumed=True),
        Statement("z", "claim", "The report is right"),
        Statement("w1", "evidence", "Confirmed, it says", cites=("nyt",), credibility=1),
        Inference("i9", ("w", "as"), "r2"), Inference("i10", ("w1",), "z"),
    ])
    return amap


def test_the_map_raises_every_code_and_each_has_its_own_explanation():
    report = check_map(_map())
    assert {d.code for d in report.diagnostics} == set(RULES) == set(EXPLAINERS)


@pytest.mark.parametrize("code", sorted(RULES))
def test_each_finding_is_explained_with_its_statements_and_a_fix(code):
    amap = _map()
    report = check_map(amap)
    for d in (d for d in report.diagnostics if d.code == code):
        text = explain(amap, d, report)
        assert d.target in text and amap.statements[d.target].text[:20] in text
        assert text.endswith(RULES[code].fix) and "How to fix it:" in text
        assert text != d.message


def test_explanations_name_the_links_concerned():
    amap = _map()
    report = check_map(amap)

    def text_of(code, target):
        d = next(d for d in report.diagnostics if d.code == code and d.target == target)
        return explain(amap, d, report)

    circle = text_of("AM002", next(d.target for d in report.diagnostics if d.code == "AM002"))
    assert "(i3)" in circle and "(i4)" in circle and "circle" in circle
    objection = text_of("AM004", "t")
    assert "e “Iran's ambassador" in objection and "(k1)" in objection and "it is evidence" in objection
    spof = text_of("AM008", "e")
    assert "r “Open talks”  ←  a “Iran holds the cards”  ←  e “Iran's ambassador" in spof
    undecided = text_of("AM007", "p")
    assert "q “Q attacks P”" in undecided and "undecided too" in undecided
    conclusion = text_of("AM001", "c")
    assert "c “A conclusion on a bare claim”  ←  b “A bare claim”" in conclusion
    premise = text_of("AM003", "b")
    assert "a premise of c" in premise
    single = text_of("AM009", "z")
    assert "col “A column”" in single and "w1 “Confirmed, it says” cites nyt “A newspaper report”" in single
    doubtful = text_of("AM010", "r2")
    assert "w “A wire story” is graded 4 (doubtful)" in doubtful
    lone = text_of("AM011", "w1")
    assert "it goes back to col “A column”" in lone
    assumed = text_of("AM012", "r2")
    assert "as “Tehran wants calm” as a stated assumption" in assumed


def test_every_finding_of_the_bundled_map_and_of_random_maps_is_explained():
    for amap in (read_file(example_map()), argument_like(150, 3), argument_like(60, 11)):
        report = check_map(amap)
        for d in report.diagnostics:
            text = explain(amap, d, report)
            assert d.target in text and "How to fix it:" in text


def test_a_code_without_an_explanation_of_its_own_still_gets_its_message_and_rule():
    @dataclass
    class Later:
        code: str = "AM001"
        severity: str = "error"
        name: str = "later"
        target: str = "gone"
        related: tuple = ()
        message: str = "A finding about a statement that was deleted since."

    amap = _map()
    text = explain(amap, Later())
    assert text.startswith("A finding about a statement that was deleted since.") and "How to fix it:" in text
    text = explain(amap, Later(code="AM999", target="r", message="A check added later."))
    assert text == "A check added later."
