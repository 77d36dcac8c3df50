"""The shared cases (../shared/cases and its v2 folder): supported set, labels and findings equal the expected files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.analysis import check_map
from argmap.formats import read_file

CASES = Path(__file__).resolve().parents[2].parent / "shared" / "cases"
NAMES = sorted(str(p.relative_to(CASES).with_suffix("")) for p in [*CASES.glob("*.argmap"), *CASES.glob("v2/*.argmap")]
               ) if CASES.exists() else []


def _summary(diagnostics) -> list[tuple]:
    return [(d["code"], d["severity"], d["target"], d.get("source"), sorted(d["related"])) for d in diagnostics]


@pytest.mark.parametrize("name", NAMES or ["<absent>"])
def test_case_matches_expected(name, cases_dir):
    if name == "<absent>":
        pytest.skip("no cases in ../shared/cases")
    amap = read_file(cases_dir / f"{name}.argmap")
    expected = json.loads((cases_dir / f"{name}.expected.json").read_text(encoding="utf-8"))
    report = check_map(amap)
    assert list(report.supported) == expected["supported"]
    assert report.labels == expected["labels"]
    got = report.to_json(f"{name}.argmap")
    assert _summary(got["diagnostics"]) == _summary(expected["diagnostics"])
    assert all(d["message"] and "\n" not in d["message"] for d in got["diagnostics"])
    for d in got["diagnostics"]:  # "source" right after "target", on AM009 only (SPEC §5)
        assert ("source" in d) == (d["code"] == "AM009")
        assert list(d) == ["code", "severity", "target", *(["source"] if "source" in d else []), "related", "message"]
        assert d["related"] == _document_order(amap, d["related"]) or d["code"] in ("AM004", "AM008")


def _document_order(amap, ids: list[str]) -> list[str]:
    return sorted(ids, key=list(amap.statements).index)


def test_the_version_2_cases_are_there(cases_dir):
    assert len(list((cases_dir / "v2").glob("*.expected.json"))) >= 3


def test_cases_folder_has_the_six_cases(cases_dir):
    assert len(list(cases_dir.glob("*.expected.json"))) >= 6
